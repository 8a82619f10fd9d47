/* notices.c — 告知 records of a case (ADM-NOTICE-RIGHTS, ADM-HEARING). */
#include "domain/enums.h"
#include "domain/cases/case_records.h"
#include "domain/cases/evidence.h"
#include "domain/cases/cases.h"
#include "rules/catalog.h"
#include "domain/clocks/clocks.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "rules/case_flow.h"

#include <stdio.h>
#include <string.h>

int notices_create(struct ctx *c, int64_t case_id, const struct notice_input *in,
		   json_t **out)
{
	struct case_row k;
	struct rows_query q;
	int64_t id, at;
	int rc;

	*out = NULL;
	rc = cases_load_as_officer(c, case_id, &k, "notice.create");
	if (!rc)
		rc = cases_may_proceed(c, &k, 0);
	if (rc)
		return rc;
	if (!flow_state_investigating(k.status))
		return ps_fail(c->err, PS_ECONFLICT, "CASE_NOT_OPEN", NULL,
			       "案件当前状态为“%s”，不能再制作告知笔录", flow_state_label(k.status));
	if (!enums_valid(ES_NOTICE_KIND, in->kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "告知类型应为 rights/hearing/guardian");
	if (!in->penalty_text || !*in->penalty_text)
		return ps_fail_field(c->err, PS_EINVAL, "penalty_text", "请写明告知的拟处罚内容及事实、理由、依据");
	rc = parties_check(c, case_id, in->party_id, "party_id");
	if (!rc)
		rc = cases_acted_at(c, &k, in->has_at, in->at, k.accepted_at, "at", &at);
	if (rc)
		return rc;
	/* ADM-NOTICE-EVIDENCE (先取证后告知): the 处罚前告知 relies on evidence
	 * already in the file */
	if (!strcmp(in->kind, "rights")) {
		rc = evidence_notice_check(c, &k, in->party_id, in->evidence_ids, in->statement_missing_reason);
		if (rc)
			return rc;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, in->party_id);
	rows_bind_text(&q, in->kind);
	rows_bind_int(&q, at);
	rows_bind_text(&q, in->penalty_text);
	rows_bind_text(&q, in->statement);
	rows_bind_int(&q, in->waived);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, in->statement_missing_reason);
	rc = rows_insert(&q,
			 "INSERT INTO case_notice(case_id, party_id, kind, at, penalty_text, statement,"
			 " waived, officer_id, created_at, statement_missing_reason)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc && !strcmp(in->kind, "rights") && in->evidence_ids)
		rc = evidence_notice_link(c, id, in->evidence_ids);
	if (!rc)
		rc = case_event(c, case_id, "notice_create", NULL, NULL,
				arena_printf(c->arena, "notice=%lld kind=%s%s", (long long)id, in->kind,
					     cases_late_note(c, &k, at)));
	if (!rc)
		rc = audit_write(c, "notice.create", "case", k.case_no, "success", in->kind);
	return rc ? rc : cases_view_get(c, case_id, out);
}

