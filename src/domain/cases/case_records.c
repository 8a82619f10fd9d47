/* case_records.c — 告知 records, case property and numbered documents. */
#include "domain/cases/case_records.h"
#include "rules/catalog.h"
#include "domain/clocks/clocks.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "rules/case_flow.h"

#include <stdio.h>
#include <string.h>

static int officer_of(struct ctx *c, int64_t case_id, struct case_row *k, const char *action)
{
	int rc = case_load(c, case_id, k);

	if (rc)
		return rc;
	if (!k->i_am_officer)
		return ctx_deny(c, action, "case", k->case_no, "只有本案办案民警可以进行此操作");
	return PS_OK;
}

static int party_in_case(struct ctx *c, int64_t case_id, int64_t party_id, const char *field)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, party_id);
	rows_bind_int(&q, case_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM case_party WHERE id = ? AND case_id = ?", 0, &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, field, "该当事人不属于本案");
	return rc;
}

int notices_create(struct ctx *c, int64_t case_id, const struct notice_input *in,
		   json_t **out)
{
	struct case_row k;
	struct rows_query q;
	int64_t id;
	int rc;

	*out = NULL;
	rc = officer_of(c, case_id, &k, "notice.create");
	if (rc)
		return rc;
	if (!flow_state_investigating(k.status))
		return ps_fail(c->err, PS_ECONFLICT, "CASE_NOT_OPEN", NULL,
			       "案件当前状态为“%s”，不能再制作告知笔录", flow_state_label(k.status));
	if (!in->kind || (strcmp(in->kind, "rights") && strcmp(in->kind, "hearing") &&
			  strcmp(in->kind, "guardian")))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "告知类型应为 rights/hearing/guardian");
	if (!in->penalty_text || !*in->penalty_text)
		return ps_fail_field(c->err, PS_EINVAL, "penalty_text", "请写明告知的拟处罚内容及事实、理由、依据");
	rc = party_in_case(c, case_id, in->party_id, "party_id");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, in->party_id);
	rows_bind_text(&q, in->kind);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, in->penalty_text);
	rows_bind_text(&q, in->statement);
	rows_bind_int(&q, in->waived);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO case_notice(case_id, party_id, kind, at, penalty_text, statement,"
			 " waived, officer_id, created_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = case_event(c, case_id, "notice_create", NULL, NULL,
				arena_printf(c->arena, "notice=%lld kind=%s", (long long)id, in->kind));
	if (!rc)
		rc = audit_write(c, "notice.create", "case", k.case_no, "success", in->kind);
	return rc ? rc : cases_get(c, case_id, out);
}

int property_create(struct ctx *c, int64_t case_id, const struct property_input *in,
		    json_t **out)
{
	struct case_row k;
	struct rows_query q;
	int64_t id, seized = in->has_seized_at ? in->seized_at : c->now;
	int rc;

	*out = NULL;
	rc = officer_of(c, case_id, &k, "property.create");
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
		rc = party_in_case(c, case_id, in->owner_party_id, "owner_party_id");
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
	return rc ? rc : cases_get(c, case_id, out);
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
	rc = officer_of(c, case_id, &k, "property.keep");
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
	return rc ? rc : cases_get(c, case_id, out);
}

/* ---- documents ---- */

static const struct doc_kind {
	const char *kind, *word, *label;
} doc_kinds[] = {
	{ "accept_form", "受案", "受案登记表" },
	{ "receipt", "受回", "受案回执" },
	{ "decline_notice", "不立", "不予立案通知书" },
	{ "summons", "传", "传唤证" },
	{ "interview_record", "笔", "询问（讯问）笔录" },
	{ "notice_record", "告", "行政处罚告知笔录" },
	{ "decision", "决", "行政处罚决定书" },
	{ "onspot_decision", "当决", "当场处罚决定书" },
	{ "seizure_list", "扣", "扣押清单" },
};

static const struct doc_kind *doc_kind_find(const char *kind)
{
	for (size_t i = 0; i < sizeof(doc_kinds) / sizeof(doc_kinds[0]); i++)
		if (kind && strcmp(doc_kinds[i].kind, kind) == 0)
			return &doc_kinds[i];
	return NULL;
}

int documents_issue_internal(struct ctx *c, const struct case_row *k, const char *kind,
			     const char **doc_no)
{
	const struct doc_kind *dk = doc_kind_find(kind);
	struct rows_query q;
	json_t *u;
	int64_t seq, id;
	int y, m, d, rc;
	const char *no;

	if (!dk)
		return ps_fail_field(c->err, PS_EINVAL, "kind", "文书类型不正确");
	ctx_today(c, &y, &m, &d);
	rows_binds(&q, c);
	rows_bind_int(&q, k->unit_id);
	rows_bind_text(&q, kind);
	rows_bind_int(&q, y);
	rc = rows_exec(&q,
		       "INSERT INTO doc_counter(unit_id, kind, doc_year, next_seq) VALUES (?,?,?,1)"
		       " ON CONFLICT (unit_id, kind, doc_year) DO UPDATE SET next_seq = doc_counter.next_seq + 1",
		       NULL);
	if (!rc)
		rc = rows_int(&q, "SELECT next_seq FROM doc_counter WHERE unit_id = ? AND kind = ? AND doc_year = ?",
			      0, &seq);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, k->unit_id);
	rc = rows_one(&q, "SELECT name FROM org_unit WHERE id = ?", &u);
	if (rc)
		return rc;
	no = arena_printf(c->arena, "%s公（%s）字〔%d〕%05lld号",
			  json_string_value(json_object_get(u, "name")), dk->word, y, (long long)seq);
	json_decref(u);
	if (!no)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rows_bind_text(&q, kind);
	rows_bind_text(&q, no);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO case_document(case_id, kind, doc_no, created_by, created_at)"
			 " VALUES (?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = case_event(c, k->id, "document_issue", NULL, NULL,
				arena_printf(c->arena, "%s %s", dk->label, no));
	if (!rc)
		rc = audit_write(c, "document.issue", "case", k->case_no, "success", no);
	if (!rc && doc_no)
		*doc_no = no;
	return rc;
}

static int exists(struct ctx *c, const char *sql, int64_t a, int64_t b, int *yes)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, a);
	rows_bind_int(&q, b);
	rc = rows_int(&q, sql, 0, &n);
	*yes = n > 0;
	return rc;
}

int documents_issue(struct ctx *c, int64_t case_id, const char *kind, int64_t ref_id,
		    json_t **out)
{
	const struct doc_kind *dk = doc_kind_find(kind);
	struct case_row k;
	const char *no = NULL;
	int rc, yes = 1;
	int decided;

	*out = NULL;
	rc = case_load(c, case_id, &k);
	if (rc)
		return rc;
	if (!dk)
		return ps_fail_field(c->err, PS_EINVAL, "kind", "文书类型不正确");
	/* rule: the case's officers, its station's chief or clerk */
	if (!k.i_am_officer && !(c->who.station_id == k.unit_id &&
				 (ctx_has_role(c, "chief") || ctx_has_role(c, "clerk"))))
		return ctx_deny(c, "document.issue", "case", k.case_no, "只有本案办案民警、所领导或内勤可以制作文书");
	decided = !strcmp(k.status, CASE_DECIDED) || !strcmp(k.status, CASE_DELIVERED) ||
		  !strcmp(k.status, CASE_CLOSED) || !strcmp(k.status, CASE_ARCHIVED);
	if (!strcmp(kind, "decline_notice") && strcmp(k.status, CASE_DECLINED))
		return ps_fail(c->err, PS_ECONFLICT, "DOC_NOT_READY", NULL, "案件未作出不予立案决定");
	if (!strcmp(kind, "summons") && !(ctx_has_role(c, "chief") && c->who.station_id == k.unit_id))
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-SUMMON-APPROVAL",
			       "传唤证须经办案部门负责人批准，请由所领导审批签发");
	if (!strcmp(kind, "summons") && ref_id)
		rc = exists(c, "SELECT COUNT(*) FROM case_party WHERE id = ? AND case_id = ? AND role = 'suspect'",
			    ref_id, case_id, &yes);
	if (!strcmp(kind, "interview_record"))
		rc = exists(c, "SELECT COUNT(*) FROM interview WHERE id = ? AND case_id = ? AND status <> 'draft'",
			    ref_id, case_id, &yes);
	if (!strcmp(kind, "notice_record"))
		rc = exists(c, "SELECT COUNT(*) FROM case_notice WHERE id = ? AND case_id = ?", ref_id,
			    case_id, &yes);
	if (!strcmp(kind, "seizure_list"))
		rc = exists(c, "SELECT COUNT(*) FROM case_property WHERE case_id = ? AND ? = 0", case_id, 0,
			    &yes);
	if (rc)
		return rc;
	if (!yes)
		return ps_fail(c->err, PS_ECONFLICT, "DOC_NOT_READY", NULL, "%s",
			       !strcmp(kind, "interview_record") ? "笔录不存在或尚未签名确认，不能出具笔录文书"
			       : !strcmp(kind, "notice_record") ? "告知记录不存在"
			       : !strcmp(kind, "seizure_list") ? "本案没有登记涉案财物，不能出具扣押清单"
							       : "传唤对象须为本案违法嫌疑人");
	if ((!strcmp(kind, "decision") && (!decided || strcmp(k.procedure, "normal"))) ||
	    (!strcmp(kind, "onspot_decision") && (!decided || strcmp(k.procedure, "onspot"))))
		return ps_fail(c->err, PS_ECONFLICT, "DOC_NOT_READY", NULL, "尚未作出%s",
			       dk->label);
	if (!strcmp(kind, "decision") || !strcmp(kind, "onspot_decision")) {
		/* the decision number was issued with the decision: reprint it */
		struct rows_query q;
		json_t *row;

		rows_binds(&q, c);
		rows_bind_int(&q, case_id);
		rows_bind_text(&q, kind);
		rc = rows_one(&q,
			      "SELECT id, kind, doc_no FROM case_document WHERE case_id = ? AND kind = ?"
			      " ORDER BY id LIMIT 1",
			      &row);
		if (rc)
			return rc;
		*out = json_pack("{s:o}", "document", row);
		return audit_write(c, "document.print", "case", k.case_no, "success",
				   json_string_value(json_object_get(row, "doc_no")));
	}
	{
		/* a reprint of the same document for the same record keeps its number */
		struct rows_query q;
		json_t *row;

		rows_binds(&q, c);
		rows_bind_int(&q, case_id);
		rows_bind_text(&q, kind);
		rows_bind_int(&q, ref_id);
		rc = rows_one(&q,
			      "SELECT id, kind, doc_no, ref_id FROM case_document WHERE case_id = ? AND kind = ?"
			      " AND COALESCE(ref_id, 0) = ? ORDER BY id LIMIT 1",
			      &row);
		if (!rc) {
			*out = json_pack("{s:o}", "document", row);
			return audit_write(c, "document.print", "case", k.case_no, "success",
					   json_string_value(json_object_get(row, "doc_no")));
		}
		if (rc != PS_ENOTFOUND)
			return rc;
		ps_err_clear(c->err);
	}
	rc = documents_issue_internal(c, &k, kind, &no);
	if (!rc && ref_id) {
		struct rows_query q;

		rows_binds(&q, c);
		rows_bind_int(&q, ref_id);
		rows_bind_text(&q, no);
		rc = rows_exec(&q, "UPDATE case_document SET ref_id = ? WHERE doc_no = ?", NULL);
	}
	if (rc)
		return rc;
	*out = json_pack("{s:{s:s, s:s, s:I}}", "document", "kind", kind, "doc_no", no, "ref_id",
			 (json_int_t)ref_id);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int property_clocks(struct clock_sink *k, enum clock_scope s)
{
	struct ctx *c = clocks_sink_ctx(k);
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	/* PROC-PROPERTY-24H: seized property to the keeper within 24 h */
	rows_binds(&q, c);
	clocks_scope_binds(&q, c, s);
	rc = rows_all(&q,
			 "SELECT cp.id, cp.name, cp.seized_at, k.id AS case_id, k.case_no, k.unit_id,"
			 " o.name AS unit_name FROM case_property cp JOIN police_case k ON k.id = cp.case_id"
			 " JOIN org_unit o ON o.id = k.unit_id WHERE cp.status = 'seized' AND" CLOCKS_SCOPE_SQL,
			 &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r)
		clocks_add_warn(k, r, arena_printf(c->arena, "property:%lld:keep", (long long)row_int(r, "id")),
			 rule_get(RULE_PROC_PROPERTY_24H)->code,
			 arena_printf(c->arena, "涉案财物移交保管：%s", row_str(r, "name")), row_int(r, "seized_at"),
			 rule_deadline(clocks_sink_calendar(k), RULE_PROC_PROPERTY_24H, 0, row_int(r, "seized_at")), CLOCK_HOURS, 0,
			 NULL, "24小时内移交涉案财物管理人员",
			 rule_deadline(clocks_sink_calendar(k), RULE_PROC_PROPERTY_24H, 1, row_int(r, "seized_at")));
	json_decref(rows);
	return clocks_sink_rc(k);
}
