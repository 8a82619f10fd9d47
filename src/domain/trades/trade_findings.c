/* trade_findings.c — findings of inspections: open and overdue lists, the
 * re-inspection (复查), and their clock on the 预警 board
 * (COM-KEYUNIT-CHECK: a hazard is ordered fixed within a deadline, NBZA
 * Art 16; not fixed after it, COM-KEYUNIT-PEN's escalation applies). */
#include "domain/trades/trade_findings.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"
#include "rules/offence.h"
#include "rules/trade_rules.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

#define FINDING_COLS                                                                                  \
	"SELECT f.id, f.unit_id, t.name AS unit_name, t.category, t.kind, f.inspection_id,"           \
	" i.inspected_on, u.name AS officer_name, f.description, f.kind AS finding_kind, f.offence_code, f.deadline,"  \
	" f.rechecked_on, f.recheck_notes, f.rectified_on, t.station_id, o.name AS station_name"      \
	" FROM trade_finding f JOIN trade_unit t ON t.id = f.unit_id"                                  \
	" JOIN trade_inspection i ON i.id = f.inspection_id JOIN users u ON u.id = i.officer_id"      \
	" JOIN org_unit o ON o.id = t.station_id"

/* COM-KEYUNIT-PEN (NBZA Art 19): what an internal unit's hazard not fixed
 * by its deadline may lead to, from the catalog row */
static const char *escalation_text(struct ctx *c)
{
	return arena_printf(c->arena,
			    "逾期未整改：造成人身伤害、财产损失或严重威胁的，对单位处%d元以上%d元以下罚款，"
			    "对主要负责人和直接责任人员处%d元以上%d元以下罚款，并可建议给予处分（企业事业单位内部治安保卫条例第19条）",
			    rule_value(RULE_COM_KEYUNIT_PEN, 0), rule_value(RULE_COM_KEYUNIT_PEN, 1),
			    rule_value(RULE_COM_KEYUNIT_PEN, 2), rule_value(RULE_COM_KEYUNIT_PEN, 3));
}

/* overdue: open and its deadline day has passed; the offence's name; an
 * internal unit's overdue finding is due for escalation (COM-KEYUNIT-PEN) */
static void shape(struct ctx *c, json_t *items)
{
	const char *today = ctx_today_str(c);
	json_t *it;
	size_t i;

	json_array_foreach(items, i, it) {
		const char *dl = row_str(it, "deadline");
		const struct offence *o = offence_find(row_str(it, "offence_code"));
		const char *cat = row_str(it, "category");

		int overdue = !row_str(it, "rectified_on") && dl && today && strcmp(dl, today) < 0;
		int internal = cat && !strcmp(cat, "internal_unit");
		const char *fk = row_str(it, "finding_kind");
		enum rule_id rid = trade_finding_rule(fk);

		json_object_set_new(it, "overdue", json_boolean(overdue));
		json_object_set_new(it, "offence_name", o ? json_string(o->name) : json_null());
		json_object_set_new(it, "finding_kind_label",
				    fk ? json_string(enums_label(ES_TRADE_FINDING_KIND, fk)) : json_null());
		if (internal && rid == RULE_COUNT)
			rid = RULE_COM_KEYUNIT_PEN; /* every finding at an internal unit is a hazard ordered fixed */
		json_object_set_new(it, "rule", rid == RULE_COUNT ? json_null() : json_string(rule_get(rid)->code));
		json_object_set_new(it, "escalation_due", json_boolean(internal && overdue));
		json_object_set_new(it, "escalation",
				    internal && overdue ? json_pack("{s:s, s:i, s:i, s:i, s:i, s:s}", "rule",
								    rule_get(RULE_COM_KEYUNIT_PEN)->code, "unit_fine_min",
								    rule_value(RULE_COM_KEYUNIT_PEN, 0), "unit_fine_max",
								    rule_value(RULE_COM_KEYUNIT_PEN, 1), "person_fine_min",
								    rule_value(RULE_COM_KEYUNIT_PEN, 2), "person_fine_max",
								    rule_value(RULE_COM_KEYUNIT_PEN, 3), "text", escalation_text(c))
							: json_null());
		json_object_set_new(it, "kind_label",
				    json_string(enums_label(cat && !strcmp(cat, "internal_unit") ? ES_INTERNAL_UNIT_KIND : ES_SPECIAL_TRADE_KIND,
							    row_str(it, "kind"))));
	}
}

int trade_findings_of_unit(struct ctx *c, int64_t unit_id, json_t **out)
{
	struct rows_query q;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, unit_id);
	rc = rows_all(&q, FINDING_COLS " WHERE f.unit_id = ? ORDER BY f.rectified_on IS NOT NULL, f.deadline, f.id",
		      out);
	if (!rc)
		shape(c, *out);
	return rc;
}

int trade_findings_list(struct ctx *c, int open_only, int overdue_only, int escalation_only, json_t **out)
{
	struct rows_query q;
	json_t *items, *keep;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_TRADE_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_int(&q, open_only || overdue_only || escalation_only);
	rc = rows_all(&q,
		      FINDING_COLS " WHERE o.path LIKE ? AND (? = 0 OR f.rectified_on IS NULL)"
				   " ORDER BY f.rectified_on IS NOT NULL, f.deadline, f.id",
		      &items);
	if (rc)
		return rc;
	shape(c, items);
	keep = json_array();
	if (!keep) {
		json_decref(items);
		return NOMEM(c);
	}
	for (i = 0; i < json_array_size(items); i++)
		if ((!overdue_only || json_is_true(json_object_get(json_array_get(items, i), "overdue"))) &&
		    (!escalation_only || json_is_true(json_object_get(json_array_get(items, i), "escalation_due"))))
			json_array_append(keep, json_array_get(items, i));
	json_decref(items);
	*out = json_pack("{s:o}", "items", keep);
	if (!*out)
		return NOMEM(c);
	rc = audit_read_items(c, "trade.finding_list", "trade_finding", keep, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int trade_findings_recheck(struct ctx *c, int64_t id, const char *checked_on, int rectified,
			   const char *notes, const char *new_deadline, json_t **out)
{
	struct rows_query q;
	json_t *f;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_TRADE_INSPECT,
			     "SELECT o.path FROM trade_finding f JOIN trade_unit t ON t.id = f.unit_id"
			     " JOIN org_unit o ON o.id = t.station_id WHERE f.id = ?",
			     id, "问题不存在");
	if (rc)
		return rc;
	if (!date_valid_str(checked_on))
		return ps_fail_field(c->err, PS_EINVAL, "checked_on", "复查日期应为 YYYY-MM-DD");
	if (strcmp(checked_on, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, "checked_on", "复查日期不能晚于今天");
	if (new_deadline && *new_deadline && (!date_valid_str(new_deadline) || strcmp(new_deadline, checked_on) <= 0))
		return ps_fail_field(c->err, PS_EINVAL, "new_deadline", "新的整改期限应为 YYYY-MM-DD，且晚于复查日期");
	if (rectified && new_deadline && *new_deadline)
		return ps_fail_field(c->err, PS_EINVAL, "new_deadline", "已整改的问题不需要新的整改期限");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, "SELECT f.rectified_on, i.inspected_on FROM trade_finding f"
			  " JOIN trade_inspection i ON i.id = f.inspection_id WHERE f.id = ?", &f);
	if (rc)
		return rc;
	if (row_str(f, "rectified_on")) {
		json_decref(f);
		return ps_fail(c->err, PS_ECONFLICT, "FINDING_CLOSED", NULL, "该问题已整改销号");
	}
	if (strcmp(checked_on, row_str(f, "inspected_on")) < 0) {
		json_decref(f);
		return ps_fail_field(c->err, PS_EINVAL, "checked_on", "复查日期不能早于检查日期");
	}
	json_decref(f);
	rows_binds(&q, c);
	rows_bind_text(&q, checked_on);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, notes);
	rows_bind_text(&q, rectified ? checked_on : NULL);
	rows_bind_text(&q, new_deadline && *new_deadline ? new_deadline : NULL);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE trade_finding SET rechecked_on = ?, recheck_by = ?, recheck_notes = ?, rectified_on = ?,"
		       " deadline = COALESCE(?, deadline) WHERE id = ? AND rectified_on IS NULL",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "FINDING_CLOSED", NULL, "该问题已整改销号");
	if (!rc)
		rc = audit_write(c, "trade.recheck", "trade_finding", arena_printf(c->arena, "%lld", (long long)id),
				 "success", rectified ? "已整改" : "未整改");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q, FINDING_COLS " WHERE f.id = ?", &f);
	if (rc)
		return rc;
	shape(c, f);
	*out = json_pack("{s:O}", "finding", json_array_get(f, 0));
	json_decref(f);
	return *out ? PS_OK : NOMEM(c);
}

static int trade_finding_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	int y, m, d;
	int64_t day, start, end;

	if (date_parse(row_str(r, "inspected_on"), 10, &y, &m, &d))
		return PS_OK;
	day = date_days_from_civil(y, m, d);
	start = day * 86400 - 8 * 3600;
	if (date_parse(row_str(r, "deadline"), 10, &y, &m, &d))
		return PS_OK;
	/* the deadline day is the last day to fix it */
	day = date_days_from_civil(y, m, d) + 1;
	end = day * 86400 - 8 * 3600;
	/* an internal unit's hazard: NBZA Art 19 (COM-KEYUNIT-PEN) names what
	 * follows the deadline — the act says it once the clock is past */
	if (row_str(r, "category") && !strcmp(row_str(r, "category"), "internal_unit"))
		clocks_add(k, r, arena_printf(c->arena, "trade_finding:%lld:rectify", (long long)row_int(r, "id")),
			   rule_get(RULE_COM_KEYUNIT_PEN)->code,
			   arena_printf(c->arena, "限期整改：%s", row_str(r, "description")), start, end, CLOCK_DAYS, 0,
			   NULL, c->now >= end ? escalation_text(c) : "复查整改情况；逾期未整改的依第19条处理");
	else
		clocks_add(k, r, arena_printf(c->arena, "trade_finding:%lld:rectify", (long long)row_int(r, "id")),
			   rule_get(RULE_COM_KEYUNIT_CHECK)->code,
			   arena_printf(c->arena, "限期整改：%s", row_str(r, "description")), start, end, CLOCK_DAYS, 0,
			   NULL, "复查整改情况；逾期未整改的依法处理");
	(void)arg;
	return PS_OK;
}

int trade_findings_clocks(struct clock_sink *k, enum clock_scope s)
{
	const struct clock_scan d = {
		.sql = FINDING_COLS " WHERE f.rectified_on IS NULL AND o.path LIKE ? AND (? = 0 OR i.officer_id = ?)"
				    " ORDER BY f.id",
		.binds = "lmm",
		.unit_col = "station_id",
		.unit_name_col = "station_name",
		.title_col = "unit_name",
		.each = trade_finding_clock,
	};

	return clocks_scan(k, s, &d);
}
