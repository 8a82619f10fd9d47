/* property.c — 涉案财物: seized property and its hand-over to the keeper
 * (PROC-PROPERTY-24H), with its clock. */
#include "domain/cases/case_records.h"
#include "domain/cases/cases.h"
#include "rules/catalog.h"
#include "domain/clocks/clocks.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "rules/case_flow.h"

#include <stdio.h>
#include <string.h>

int property_create(struct ctx *c, int64_t case_id, const struct property_input *in,
		    json_t **out)
{
	struct case_row k;
	struct rows_query q;
	int64_t id, seized = in->has_seized_at ? in->seized_at : c->now;
	int rc;

	*out = NULL;
	rc = cases_load_as_officer(c, case_id, &k, "property.create");
	if (!rc)
		rc = cases_may_proceed(c, &k, 1);
	if (rc)
		return rc;
	if (flow_state_closed(k.status))
		return ps_fail(c->err, PS_ECONFLICT, "CASE_CLOSED", NULL, "案件已办结，不能再登记涉案财物");
	if (!in->name || !*in->name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "请填写物品名称");
	if (!in->quantity || !*in->quantity)
		return ps_fail_field(c->err, PS_EINVAL, "quantity", "请填写数量");
	if (seized > c->now + 300 || seized < k.accepted_at - 86400 * 7)
		return ps_fail_field(c->err, PS_EINVAL, "seized_at", "扣押时间不合理");
	if (in->owner_party_id) {
		rc = parties_check(c, case_id, in->owner_party_id, "owner_party_id");
		if (rc)
			return rc;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_text(&q, in->name);
	rows_bind_text(&q, in->quantity);
	if (in->owner_party_id)
		rows_bind_int(&q, in->owner_party_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, seized);
	/* ADM-SEIZE: 扣押 by a chief is approved at once; otherwise the approval
	 * follows (the on-the-spot seizure is reported) */
	if (ctx_has_role(c, "chief")) /* rule ADM-SEIZE, not a permission */
		rows_bind_int(&q, c->who.user_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO case_property(case_id, name, quantity, owner_party_id, seized_at,"
			 " seizure_approved_by, status, created_by, created_at)"
			 " VALUES (?,?,?,?,?,?,'seized',?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = case_event(c, case_id, "property_seize", NULL, NULL,
				arena_printf(c->arena, "property=%lld %s×%s", (long long)id, in->name,
					     in->quantity));
	if (!rc)
		rc = audit_write(c, "property.create", "case", k.case_no, "success", in->name);
	return rc ? rc : cases_view_get(c, case_id, out);
}

int property_keep(struct ctx *c, int64_t id, const char *keeper, json_t **out)
{
	struct case_row k;
	struct rows_query q;
	int64_t case_id = 0, n = 0;
	int rc;

	*out = NULL;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, "SELECT case_id FROM case_property WHERE id = ?", 0, &case_id);
	if (rc)
		return rc;
	if (!case_id)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "涉案财物不存在");
	rc = cases_load_as_officer(c, case_id, &k, "property.keep");
	if (rc)
		return rc;
	if (!keeper || !*keeper)
		return ps_fail_field(c->err, PS_EINVAL, "keeper", "请填写涉案财物管理人员");
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, keeper);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE case_property SET status = 'kept', kept_at = ?, keeper = ?"
		       " WHERE id = ? AND status = 'seized'",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "PROPERTY_NOT_SEIZED", NULL, "该财物已移交或已处理");
	/* PROC-PROPERTY-24H: the hand-over time is on the timeline for the clock */
	if (!rc)
		rc = case_event(c, case_id, "property_keep", NULL, NULL,
				arena_printf(c->arena, "property=%lld keeper=%s", (long long)id, keeper));
	if (!rc)
		rc = audit_write(c, "property.keep", "case", k.case_no, "success", keeper);
	return rc ? rc : cases_view_get(c, case_id, out);
}

/* ---- documents ---- */

static int property_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);

	(void)arg;
	clocks_add_warn(k, r, arena_printf(c->arena, "property:%lld:keep", (long long)row_int(r, "id")),
			rule_get(RULE_PROC_PROPERTY_24H)->code,
			arena_printf(c->arena, "涉案财物移交保管：%s", row_str(r, "name")), row_int(r, "seized_at"),
			rule_deadline(clocks_sink_calendar(k), RULE_PROC_PROPERTY_24H, 0, row_int(r, "seized_at")),
			CLOCK_HOURS, 0, NULL, "24小时内移交涉案财物管理人员",
			rule_deadline(clocks_sink_calendar(k), RULE_PROC_PROPERTY_24H, 1, row_int(r, "seized_at")));
	return PS_OK;
}

int property_clocks(struct clock_sink *k, enum clock_scope s)
{
	/* PROC-PROPERTY-24H: seized property to the keeper within 24 h */
	const struct clock_scan d = {
		.sql = "SELECT cp.id, cp.name, cp.seized_at, k.id AS case_id, k.case_no, k.unit_id,"
		       " o.name AS unit_name FROM case_property cp JOIN police_case k ON k.id = cp.case_id"
		       " JOIN org_unit o ON o.id = k.unit_id WHERE cp.status = 'seized' AND" CLOCKS_SCOPE_SQL,
		.binds = "lmm",
		.each = property_clock,
	};

	return clocks_scan(k, s, &d);
}
