#include "domain/admin/lookups.h"
#include "domain/authz.h"
#include "domain/admin/auth.h"
#include "domain/rows.h"
#include "rules/offence.h"

#include <string.h>

int lookups_colleagues(struct ctx *c, json_t **out)
{
	struct rows_query q;
	const char *scope = c->who.scope_path ? c->who.scope_path : c->who.unit_path;
	json_t *items, *it;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_COLLEAGUE_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, arena_printf(c->arena, "%s%%", scope));
	rc = rows_all(&q,
		      "SELECT u.id, u.name, u.role, u.badge_no, o.name AS unit_name, o.kind AS unit_kind FROM users u"
		      " JOIN org_unit o ON o.id = u.unit_id WHERE o.path LIKE ? AND u.disabled = 0"
		      " AND u.role IN ('officer','chief','legal','auxiliary') ORDER BY u.role, u.id",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it) {
		json_object_set_new(it, "role_name",
				    json_string(authz_role_title(json_string_value(json_object_get(it, "role")),
								 json_string_value(json_object_get(it, "unit_kind")))));
		json_object_del(it, "unit_kind");
	}
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

static const char *comb_name(enum penalty_combine cb)
{
	switch (cb) {
	case COMB_OR: return "或";
	case COMB_MAY_ADD: return "可以并处";
	case COMB_MUST_ADD: return "并处";
	case COMB_SINGLE: return "单处";
	case COMB_NONE: return "不罚";
	default: return NULL;
	}
}

static json_t *law_json(const struct offence_law *l)
{
	if (l->comb == COMB_ABSENT)
		return json_null();
	return json_pack("{s:s?, s:b, s:i, s:i, s:i, s:i, s:s?, s:s?}", "article", l->article,
			 "warning", l->warning, "fine_min", l->fine_min, "fine_max", l->fine_max,
			 "det_min", l->det_min, "det_max", l->det_max, "comb", comb_name(l->comb),
			 "fine_text", l->fine_text);
}

static int is_common(const char *code)
{
	for (const char *const *p = offence_common; *p; p++)
		if (strcmp(*p, code) == 0)
			return 1;
	return 0;
}

static int matches(const struct offence *o, const char *q)
{
	return !q || !*q || strstr(o->code, q) || strstr(o->name, q);
}

int lookups_offences(struct ctx *c, const char *q, json_t **out)
{
	json_t *items = json_array();

	*out = NULL;
	if (!items)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	/* common offences first, then the rest in table order */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < offence_count(); i++) {
			const struct offence *o = offence_at(i);
			json_t *tiers, *it;

			if (is_common(o->code) != (pass == 0) || !matches(o, q))
				continue;
			tiers = json_array();
			for (int t = 0; t < o->ntiers && tiers; t++)
				json_array_append_new(tiers,
						      json_pack("{s:s, s:o, s:o}", "tier", o->tiers[t].tier,
								"za2012", law_json(&o->tiers[t].law[LAW_ZA2012]),
								"za2025", law_json(&o->tiers[t].law[LAW_ZA2025])));
			it = json_pack("{s:s, s:s, s:s?, s:s?, s:b, s:b, s:o}", "code", o->code, "name", o->name,
				       "status", o->status, "note", o->note, "common", pass == 0, "onspot_excluded",
				       o->onspot_excluded, "tiers", tiers ? tiers : json_array());
			if (!it || json_array_append_new(items, it)) {
				json_decref(items);
				return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
			}
		}
	}
	*out = json_pack("{s:o, s:I}", "items", items, "total", (json_int_t)json_array_size(items));
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
