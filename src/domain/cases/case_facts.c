/* case_facts.c — a case's 认定事实 and their history (see case_facts.h). */
#include "domain/cases/case_facts.h"
#include "domain/cases/cases.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "rules/case_flow.h"

#include <string.h>

/* The first n bytes of s at most, cut on a UTF-8 character boundary. */
static const char *utf8_head(struct ctx *c, const char *s, size_t n)
{
	size_t len = s ? strlen(s) : 0;

	if (len <= n)
		return s ? s : "";
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return arena_printf(c->arena, "%.*s…", (int)n, s);
}

int case_facts_record(struct ctx *c, const struct case_row *k, const char *facts, const char *reason,
		      int64_t at)
{
	struct rows_query q;
	json_t *row = NULL;
	const char *old;
	int64_t id;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rc = rows_one(&q, "SELECT facts FROM police_case WHERE id = ?", &row);
	if (rc)
		return rc;
	old = row_str(row, "facts");
	old = old ? arena_printf(c->arena, "%s", old) : NULL;
	json_decref(row);
	if (old && strcmp(old, facts) == 0)
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rows_bind_text(&q, old);
	rows_bind_text(&q, facts);
	rows_bind_text(&q, reason && *reason ? reason : NULL);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, at);
	rc = rows_insert(&q,
			 "INSERT INTO case_facts_edit(case_id, old_facts, new_facts, reason, edited_by, edited_at)"
			 " VALUES (?,?,?,?,?,?) RETURNING id",
			 &id);
	if (rc)
		return rc;
	/* the audit row keeps both texts (each cut at 400 bytes; the history
	 * row keeps them whole) */
	return audit_write(c, "case.facts", "case", k->case_no, "success",
			   arena_printf(c->arena, "edit=%lld 原：%s｜新：%s", (long long)id,
					old ? utf8_head(c, old, 400) : "（无）", utf8_head(c, facts, 400)));
}

int case_facts_may_edit(struct ctx *c, const struct case_row *k)
{
	(void)c;
	return k->i_am_officer && flow_state_investigating(k->status);
}

int case_facts_put(struct ctx *c, int64_t case_id, const char *facts, const char *reason, json_t **out)
{
	struct case_row k;
	struct rows_query q;
	int rc;

	*out = NULL;
	rc = cases_load_as_officer(c, case_id, &k, "case.facts");
	if (rc)
		return rc;
	if (strcmp(k.status, CASE_APPROVING) == 0)
		return ps_fail(c->err, PS_ECONFLICT, "FACTS_IN_APPROVAL", NULL,
			       "案件正在审批，认定事实以呈请报告为准；如需修改，请由审批人退回后再改");
	if (!flow_state_investigating(k.status))
		return ps_fail(c->err, PS_ECONFLICT, "FACTS_LOCKED", NULL,
			       "案件已作出决定（当前状态：%s），认定事实已印入决定书，不能再修改",
			       flow_state_label(k.status));
	if (!facts || !*facts)
		return ps_fail_field(c->err, PS_EINVAL, "facts", "请填写认定的事实");
	rc = case_facts_record(c, &k, facts, reason, c->now);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, facts);
	rows_bind_int(&q, case_id);
	rc = rows_exec(&q, "UPDATE police_case SET facts = ? WHERE id = ?", NULL);
	if (!rc)
		rc = case_event(c, case_id, "facts_edit", NULL, NULL,
				reason && *reason ? arena_printf(c->arena, "修改认定事实：%s", reason) : "修改认定事实");
	if (!rc)
		rc = cases_view_get(c, case_id, out);
	return rc;
}
