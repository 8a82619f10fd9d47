/* documents.c — numbered documents of a case (受案回执, 决定书 …). */
#include "domain/cases/case_records.h"
#include "domain/cases/cases.h"
#include "rules/catalog.h"
#include "domain/clocks/clocks.h"
#include "domain/admin/audit.h"
#include "domain/counters.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "rules/case_flow.h"

#include <stdio.h>
#include <string.h>

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

json_t *documents_kinds_json(void)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < sizeof(doc_kinds) / sizeof(doc_kinds[0]); i++)
		if (json_array_append_new(a, json_pack("{s:s, s:s}", "value", doc_kinds[i].kind, "label",
						       doc_kinds[i].label))) {
			json_decref(a);
			return NULL;
		}
	return a;
}

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
	return documents_issue_as(c, k, kind, k->unit_id, doc_no);
}

int documents_issue_as(struct ctx *c, const struct case_row *k, const char *kind, int64_t organ,
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
	rc = counters_next_doc(c, organ, kind, y, &seq);
	if (rc)
		return rc;
	/* the organ's name: the name it signs documents with when set */
	rows_binds(&q, c);
	rows_bind_int(&q, organ);
	rc = rows_one(&q, "SELECT name FROM org_unit WHERE id = ?", &u);
	if (rc)
		return rc;
	{
		const char *signed_as = setting_text(c, "station.name_on_documents", organ);

		no = arena_printf(c->arena, "%s公（%s）字〔%d〕%05lld号",
				  signed_as && *signed_as ? signed_as : json_string_value(json_object_get(u, "name")),
				  dk->word, y, (long long)seq);
	}
	json_decref(u);
	if (!no)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rows_bind_text(&q, kind);
	rows_bind_text(&q, no);
	rows_bind_int(&q, organ);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO case_document(case_id, kind, doc_no, organ_unit_id, created_by, created_at)"
			 " VALUES (?,?,?,?,?,?) RETURNING id",
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

/* rule: the case's officers, its station's chief or clerk (内勤) */
int documents_may_issue(struct ctx *c, const struct case_row *k)
{
	return k->i_am_officer ||
	       (c->who.station_id == k->unit_id && (ctx_has_role(c, "chief") || ctx_has_role(c, "clerk")));
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
	if (!documents_may_issue(c, &k))
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

