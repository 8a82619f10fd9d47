/* rental_penalties.c — the penalty a rental visit's finding proposes
 * (COM-RENT-STATUS): ZA2025 Art 68 from the offence table; 租赁房屋治安管理
 * 规定 (1995) rent-multiple fines behind the county's setting. */
#include "domain/population/rental_penalties.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/rows.h"
#include "rules/rental_penalty.h"

#include <string.h>

/* the unit path of a rental (as rentals.h RENTAL_PATH_SQL) */
#define RENTAL_UNIT_SQL "SELECT o.path FROM rental r JOIN org_unit o ON o.id = r.station_id WHERE r.id = ?"
#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

static int refuse(struct ctx *c, const char *field, const char *msg)
{
	int rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "COM-RENT-STATUS", "%s", msg);

	c->err->field = field;
	return rc;
}

static int64_t station_of(struct ctx *c, int64_t rental_id)
{
	struct rows_query q;
	int64_t st = 0;

	rows_binds(&q, c);
	rows_bind_int(&q, rental_id);
	if (rows_int(&q, "SELECT station_id FROM rental WHERE id = ?", 0, &st))
		return 0;
	return st;
}

int rental_penalties_check(struct ctx *c, int64_t rental_id, const struct rental_penalty *pen)
{
	const struct zl_fine_item *z;

	if (pen->offence_code && *pen->offence_code) {
		const struct offence *o = offence_find(pen->offence_code);

		if (!o)
			return ps_fail_field(c->err, PS_EINVAL, "offence_code", "违法行为代码不在违法行为表中");
		if (!rental_offence_za68(o))
			return refuse(c, "offence_code",
				      "出租房屋的违法行为依治安管理处罚法（2025）第68条处罚，只能选用该条的违法行为");
	}
	if (!pen->zl_item || !*pen->zl_item) {
		if (pen->zl_fine_yuan || pen->monthly_rent_yuan)
			return ps_fail_field(c->err, PS_EINVAL, "zl_item", "按月租金倍数的罚款须选择租赁房屋治安管理规定的条项");
		return PS_OK;
	}
	if (!setting_int(c, "rental.zl_fines_enabled", station_of(c, rental_id)))
		return refuse(c, "zl_item",
			      "租赁房屋治安管理规定按月租金倍数的罚款未启用（该规定现行效力未核实），请依治安管理处罚法第68条选择违法行为");
	z = zl_fine_find(pen->zl_item);
	if (!z)
		return ps_fail_field(c->err, PS_EINVAL, "zl_item", "租赁房屋治安管理规定的条项不正确");
	if (pen->monthly_rent_yuan <= 0)
		return ps_fail_field(c->err, PS_EINVAL, "monthly_rent_yuan", "请填写月租金（元）");
	if (pen->zl_fine_yuan <= 0)
		return ps_fail_field(c->err, PS_EINVAL, "zl_fine_yuan", "请填写罚款金额（元）");
	if (pen->zl_fine_yuan > pen->monthly_rent_yuan * z->multiple)
		return refuse(c, "zl_fine_yuan",
			      arena_printf(c->arena, "%s：罚款不得超过月租金的%d倍（%lld元）", z->article, z->multiple,
					   (long long)(pen->monthly_rent_yuan * z->multiple)));
	return PS_OK;
}

static json_t *offence_json(const struct offence *o)
{
	json_t *tiers = json_array(), *t;

	if (!tiers)
		return NULL;
	for (int i = 0; i < o->ntiers; i++) {
		const struct offence_law *l = &o->tiers[i].law[LAW_ZA2025];

		if (l->comb == COMB_ABSENT)
			continue;
		t = json_pack("{s:s, s:s?, s:b, s:i, s:i, s:i, s:i}", "tier", o->tiers[i].tier, "article", l->article,
			      "warning", l->warning, "fine_min", l->fine_min, "fine_max", l->fine_max, "det_min",
			      l->det_min, "det_max", l->det_max);
		if (!t || json_array_append_new(tiers, t)) {
			json_decref(tiers);
			return NULL;
		}
	}
	return json_pack("{s:s, s:s, s:s?, s:o}", "code", o->code, "name", o->name, "article",
			 o->tiers[0].law[LAW_ZA2025].article, "tiers", tiers);
}

int rental_penalties_options(struct ctx *c, int64_t rental_id, json_t **out)
{
	json_t *offs, *zl, *it;
	int on, rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_RENTAL_VISIT, RENTAL_UNIT_SQL, rental_id, "出租房屋不存在");
	if (rc)
		return rc;
	on = setting_int(c, "rental.zl_fines_enabled", station_of(c, rental_id)) != 0;
	offs = json_array();
	zl = json_array();
	if (!offs || !zl)
		goto oom;
	for (size_t i = 0; i < offence_count(); i++) {
		const struct offence *o = offence_at(i);

		if (!rental_offence_za68(o))
			continue;
		it = offence_json(o);
		if (!it || json_array_append_new(offs, it))
			goto oom;
	}
	for (size_t i = 0; on && i < zl_fine_items_len; i++) {
		const struct zl_fine_item *z = &zl_fine_items[i];

		it = json_pack("{s:s, s:s, s:s, s:i}", "key", z->key, "article", z->article, "act", z->act, "multiple",
			       z->multiple);
		if (!it || json_array_append_new(zl, it))
			goto oom;
	}
	*out = json_pack("{s:o, s:b, s:o, s:s}", "offences", offs, "zl_fines_enabled", on, "zl_items", zl, "rule",
			 "COM-RENT-STATUS");
	if (!*out)
		return NOMEM(c);
	/* a read of the rental's business (AUD-1) */
	rc = audit_read(c, "rental", arena_printf(c->arena, "%lld", (long long)rental_id));
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
oom:
	json_decref(offs);
	json_decref(zl);
	return NOMEM(c);
}
