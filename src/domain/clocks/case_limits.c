/* case_limits.c — the 治安 case limit (ADM-CASE-30D): extensions by the county
 * bureau, and pauses for 鉴定 / 听证 (not counted in the limit). */
#include "domain/enums.h"
#include "domain/clocks/case_limits.h"
#include "domain/admin/audit.h"
#include "domain/cases/cases.h"
#include "domain/clocks/clocks.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/offence.h"

#include <string.h>

int case_limits_may_extend(struct ctx *c, const struct case_row *k)
{
	return strcmp(k->kind, "admin") == 0 && cases_is_bureau_chief(c, k);
}

int case_limits_extend(struct ctx *c, int64_t case_id, const char *reason, json_t **out)
{
	struct case_row k;
	struct rows_query q;
	int64_t n = 0;
	int y, m, d, rc, max;
	enum rule_id lr;

	*out = NULL;
	rc = case_load(c, case_id, &k);
	if (rc)
		return rc;
	if (strcmp(k.kind, "admin") != 0)
		return ps_fail(c->err, PS_ECONFLICT, "NOT_ADMIN_CASE", NULL, "只有治安案件适用30日办案期限");
	/* ADM-CASE-30D: extended by the county bureau (所属公安机关) */
	if (!case_limits_may_extend(c, &k))
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-CASE-30D",
			       "延长办案期限须报县级公安机关批准，请由局领导审批");
	if (!reason || !*reason)
		return ps_fail_field(c->err, PS_EINVAL, "reason", "请写明延长理由（重大、复杂案件）");
	date_civil_from_days(date_local_days(k.accepted_at), &y, &m, &d);
	lr = law_in_force(y, m, d) == LAW_ZA2025 ? RULE_ADM_CASE_30D : RULE_ADM_CASE_30D_ZA2012;
	max = rule_value(lr, 2); /* extensions allowed under the law of the acceptance */
	{
		/* an extension is decided while the limit still runs (ZA2025 Art 118) */
		int64_t deadline = 0;

		rc = clocks_case_limit(c, case_id, &deadline);
		if (rc)
			return rc;
		if (deadline && c->now >= deadline)
			return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-CASE-30D",
				       "办案期限已届满，不能再批准延长；应当作出处理决定并说明超期原因");
	}
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM case_extension WHERE case_id = ?", 0, &n);
	if (rc)
		return rc;
	if (n >= max)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-CASE-30D",
			       max == 2 ? "治安案件办案期限最多延长两次（治安管理处罚法第一百一十八条）"
				        : "2026年以前受理的治安案件办案期限只能延长一次");
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, rule_value(lr, 1)); /* days of one extension */
	rows_bind_text(&q, reason);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_exec(&q,
		       "INSERT INTO case_extension(case_id, days, reason, approved_by, approved_at)"
		       " VALUES (?, ?, ?, ?, ?)",
		       NULL);
	if (!rc)
		rc = case_event(c, case_id, "limit_extend", NULL, NULL, reason);
	if (!rc)
		rc = audit_write(c, "case.limit_extend", "case", k.case_no, "success", reason);
	return rc ? rc : cases_view_get(c, case_id, out);
}

int case_limits_pause(struct ctx *c, int64_t case_id, const char *kind, json_t **out)
{
	struct case_row k;
	struct rows_query q;
	int64_t open = 0;
	int rc;

	*out = NULL;
	rc = case_load(c, case_id, &k);
	if (rc)
		return rc;
	if (!k.i_am_officer)
		return ctx_deny(c, "case.pause", "case", k.case_no, "只有本案办案民警可以登记");
	if (!enums_valid(ES_CASE_LIMIT_PAUSE, kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "应为 appraisal（鉴定）或 hearing（听证）");
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM case_pause WHERE case_id = ? AND ended_at IS NULL", 0, &open);
	if (!rc && open)
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_PAUSED", NULL, "已有未结束的鉴定或听证期间");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_text(&q, kind);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, c->who.user_id);
	rc = rows_exec(&q,
		       "INSERT INTO case_pause(case_id, kind, started_at, created_by) VALUES (?,?,?,?)", NULL);
	if (!rc)
		rc = case_event(c, case_id, "limit_pause", NULL, NULL,
				strcmp(kind, "hearing") ? "鉴定期间不计入办案期限" : "听证期间不计入办案期限");
	if (!rc)
		rc = audit_write(c, "case.pause", "case", k.case_no, "success", kind);
	return rc ? rc : cases_view_get(c, case_id, out);
}

int case_limits_resume(struct ctx *c, int64_t case_id, json_t **out)
{
	struct case_row k;
	struct rows_query q;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = case_load(c, case_id, &k);
	if (rc)
		return rc;
	if (!k.i_am_officer)
		return ctx_deny(c, "case.resume", "case", k.case_no, "只有本案办案民警可以登记");
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, case_id);
	rc = rows_exec(&q, "UPDATE case_pause SET ended_at = ? WHERE case_id = ? AND ended_at IS NULL", &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "NOT_PAUSED", NULL, "没有进行中的鉴定或听证期间");
	if (!rc)
		rc = case_event(c, case_id, "limit_resume", NULL, NULL, "恢复计算办案期限");
	if (!rc)
		rc = audit_write(c, "case.resume", "case", k.case_no, "success", NULL);
	return rc ? rc : cases_view_get(c, case_id, out);
}

