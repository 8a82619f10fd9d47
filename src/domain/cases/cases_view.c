/* cases_view.c — the case list and the case file as the wire shows them,
 * with what the caller may do on the case (the public progress query:
 * progress.c). */
#include "domain/authz.h"
#include "domain/cases/cases.h"
#include "domain/cases/case_records.h"
#include "domain/cases/case_actions.h"
#include "domain/cases/case_facts.h"
#include "domain/clocks/case_limits.h"
#include "domain/clocks/measures.h"
#include "domain/admin/audit.h"
#include "domain/admin/auth.h"
#include "domain/rows.h"
#include "domain/enums.h"
#include "domain/admin/settings.h"
#include "rules/case_flow.h"
#include "rules/idcard.h"
#include "rules/remedy.h"
#include "core/buf.h"
#include "core/text.h"

#include <stdio.h>
#include <string.h>

/* A scope of at most this many units (a station with its posts) lists its
 * cases from the index on unit_id (cases_view_list). */
#define CASE_NARROW_UNITS 8

int cases_view_list(struct ctx *c, const struct case_filter *f, json_t **out)
{
	/* A scope that holds every unit (the county's 督察, 法制) tests no
	 * unit: the LEFT JOIN on the key (unit_id is a NOT NULL reference, so
	 * the rows are the same) drops out of the count and of the page's
	 * offset walk, which then run on the indexes of police_case alone
	 * (issue 14). The page's columns, the main officer among them, are
	 * built for its own rows only (page_key). */
	static const char scoped[] =
		" FROM police_case k JOIN org_unit o ON o.id = k.unit_id"
		" WHERE o.path LIKE ?";
	/* a station with its posts starts from the index on unit_id: its
	 * count and its page cost its own cases, not the county's */
	static const char narrow[] =
		" FROM police_case k LEFT JOIN org_unit o ON o.id = k.unit_id"
		" WHERE k.unit_id IN (SELECT so.id FROM org_unit so WHERE so.path LIKE ?)";
	static const char whole_tree[] =
		" FROM police_case k LEFT JOIN org_unit o ON o.id = k.unit_id"
		" WHERE 1 = 1";
	struct rows_query q;
	int64_t officer = f->mine ? c->who.user_id : f->officer_id, units = 0;
	struct buf ids;
	json_t *it;
	size_t i;
	int rc, whole = 0;

	*out = NULL;
	rc = authz_require(c, ACT_CASE_LIST);
	if (!rc)
		rc = rows_scope(c, &units, &whole);
	if (rc)
		return rc;
	rows_query_init(&q, c, whole ? whole_tree : units <= CASE_NARROW_UNITS ? narrow : scoped, f->page,
			f->per_page);
	q.count_cap = ROWS_COUNT_CAP;
	q.page_key = "k.id";
	if (!whole)
		rows_bind_text(&q, ctx_scope_like(c));
	rows_and_text(&q, "k.kind = ?", f->kind);
	rows_and_text(&q, "k.status = ?", f->status);
	/* an officer's cases from the index on case_officer(user_id), not a
	 * lookup per case of the scope */
	rows_and_int(&q, "k.id IN (SELECT x.case_id FROM case_officer x WHERE x.user_id = ?)", officer);
	rows_and_like(&q, "(k.case_no LIKE ?" ROWS_ESCAPE " OR k.title LIKE ?" ROWS_ESCAPE
			  " OR EXISTS (SELECT 1 FROM case_party cp JOIN person p ON p.id = cp.person_id"
			  " WHERE cp.case_id = k.id AND cp.confidential = 0 AND " PARTY_NAME_SQL " LIKE ?" ROWS_ESCAPE "))",
		      f->q);
	/* the maintained count of lenient proposals (migration 026) */
	if (f->lenient)
		rows_and(&q, "k.lenient > 0");
	rc = rows_page(&q,
		       "SELECT k.id, k.case_no, k.kind, k.procedure, k.status, k.title, k.offence_code,"
		       " k.unit_id, o.name AS unit_name,"
		       " (SELECT mu.name FROM case_officer mo JOIN users mu ON mu.id = mo.user_id"
		       "  WHERE mo.case_id = k.id AND mo.duty = 'main' ORDER BY mo.user_id LIMIT 1)"
		       " AS main_officer, k.act_date,"
		       " k.accepted_at, k.filed_at, k.decided_at, k.closed_at, k.lenient",
		       "ORDER BY k.id DESC", out);
	if (rc)
		return rc;
	buf_init(&ids, 4096);
	json_array_foreach(json_object_get(*out, "items"), i, it) {
		json_object_set_new(it, "status_label",
				    json_string(flow_state_label(json_string_value(json_object_get(it, "status")))));
		if (i < 200)
			buf_addf(&ids, "%s%lld", i ? "," : "",
				 (long long)json_integer_value(json_object_get(it, "id")));
	}
	/* AUD-1: a list read is audited with the ids it returned */
	rc = audit_write(c, "case.list", "case", NULL, "success", buf_str(&ids));
	buf_release(&ids);
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

/* Mask ID numbers (with the birth date they hold and the phone) and
 * confidential reporters for users who don't work the case (PII-1,
 * PROC-ACCEPT-ANON). */
static void mask_parties(json_t *parties, int full)
{
	json_t *p;
	size_t i;

	json_array_foreach(parties, i, p) {
		const char *num = json_string_value(json_object_get(p, "id_number"));
		char masked[19];

		if (!full && num) {
			idcard_mask(num, masked);
			json_object_set_new(p, "id_number", json_string(masked));
		}
		if (!full) {
			/* the birth date is digits 7–14 of the number: not beside a mask */
			const char *ph = json_string_value(json_object_get(p, "phone"));

			json_object_set_new(p, "birth_date", json_null());
			if (ph) {
				char m[24];

				text_mask_phone(ph, m);
				json_object_set_new(p, "phone", json_string(m));
			}
		}
		json_object_set_new(p, "confidential",
				    json_boolean(json_integer_value(json_object_get(p, "confidential"))));
		if (!full && json_is_true(json_object_get(p, "confidential"))) {
			json_object_set_new(p, "name", json_string("（保密）"));
			json_object_set_new(p, "phone", json_null());
			json_object_set_new(p, "address", json_null());
		}
	}
}

static int sub(struct ctx *c, json_t *obj, const char *key, const char *sql, int64_t id)
{
	struct rows_query q;
	json_t *arr;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q, sql, &arr);
	if (rc)
		return rc;
	return json_object_set_new(obj, key, arr) ? ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足")
						   : PS_OK;
}

/* The 呈请报告 (request_report) the approvers read before approving, and
 * its print page: the facts established, the evidence items of the case's
 * 证据清单 numbered in the order entered — never a fixed sentence — and the
 * officer's opinion. Built from the answer's own fields. */
static void request_report(json_t *obj)
{
	json_t *ev = json_array(), *e;
	size_t i;

	json_array_foreach(json_object_get(obj, "evidence"), i, e)
		json_array_append_new(ev, json_pack("{s:I, s:O, s:s, s:O, s:O, s:O}", "no", (json_int_t)(i + 1), "kind",
						    json_object_get(e, "kind"), "kind_label",
						    enums_label(ES_EVIDENCE_KIND, json_string_value(json_object_get(e, "kind"))),
						    "title", json_object_get(e, "title"), "source",
						    json_object_get(e, "source") ? json_object_get(e, "source") : json_null(),
						    "collected_at",
						    json_object_get(e, "collected_at") ? json_object_get(e, "collected_at")
										       : json_null()));
	json_object_set_new(obj, "request_report",
			    json_pack("{s:O, s:o, s:O, s:O, s:O}", "facts",
				      json_object_get(obj, "facts") ? json_object_get(obj, "facts") : json_null(),
				      "evidence", ev, "opinion",
				      json_object_get(obj, "report_opinion") ? json_object_get(obj, "report_opinion")
									     : json_null(),
				      "by_name",
				      json_object_get(obj, "report_by_name") ? json_object_get(obj, "report_by_name")
									     : json_null(),
				      "at", json_object_get(obj, "report_at") ? json_object_get(obj, "report_at") : json_null()));
}

int cases_view_get(struct ctx *c, int64_t id, json_t **out)
{
	struct case_row k;
	struct rows_query q;
	json_t *obj;
	int rc, full;

	*out = NULL;
	rc = case_load(c, id, &k);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT k.id, k.case_no, k.receipt_code, k.kind, k.procedure, k.status, k.title,"
		      " k.offence_code, k.summary, k.source, k.incident_id, k.act_date, k.act_place,"
		      " k.discovered_date, k.reported_at, k.accepted_at, k.filed_at, k.decided_at,"
		      " k.closed_at, k.archived_at, k.complex, k.decline_reason, k.transfer_to,"
		      " k.close_reason, k.onspot_reported_at, k.unit_id, o.name AS unit_name, o.phone AS unit_phone,"
		      " o.address AS unit_address,"
		      " (SELECT incident_no FROM incident WHERE id = k.incident_id) AS incident_no,"
		      " k.late_entry, k.late_reason, k.late_approved_at, k.created_at,"
		      " k.facts, k.report_opinion, k.report_at,"
		      " k.act_area, k.jurisdiction_basis, k.jurisdiction_reason, k.econ_reason, k.econ_reviewed_at,"
		      " (SELECT name FROM users WHERE id = k.econ_reviewed_by) AS econ_reviewed_by_name,"
		      " (SELECT name FROM users WHERE id = k.report_by) AS report_by_name,"
		      " (SELECT name FROM users WHERE id = k.late_approved_by) AS late_approved_by_name"
		      " FROM police_case k JOIN org_unit o ON o.id = k.unit_id WHERE k.id = ?",
		      &obj);
	if (rc)
		return rc;
	json_object_set_new(obj, "status_label", json_string(flow_state_label(k.status)));
	json_object_set_new(obj, "complex", json_boolean(k.complex));
	json_object_set_new(obj, "late_entry", json_boolean(k.late_entry));
	/* the bodies the 决定书 names for 复议 and 诉讼 (settings, never the web's) */
	json_object_set_new(obj, "review_organ", json_string(setting_text(c, "documents.review_organ", k.unit_id)));
	json_object_set_new(obj, "litigation_court",
			    json_string(setting_text(c, "documents.litigation_court", k.unit_id)));
	{
		/* the remedy notices the documents print (SUP-FY-BODY, SUP-FY-FIRST):
		 * written here from the settings and the catalog, never by the web */
		const char *organ = setting_text(c, "documents.review_organ", k.unit_id);
		const char *court = setting_text(c, "documents.litigation_court", k.unit_id);
		char buf[1024];
		json_t *rn = json_object();

		json_object_set_new(rn, "decision",
				    json_string(remedy_notice(REMEDY_DECISION, organ, court, buf, sizeof(buf))));
		json_object_set_new(rn, "onspot_decision",
				    json_string(remedy_notice(REMEDY_ONSPOT, organ, court, buf, sizeof(buf))));
		if (strcmp(k.kind, "admin") == 0)
			json_object_set_new(rn, "decline_notice",
					    json_string(remedy_notice(REMEDY_ADMIN_DECLINE, organ, court, buf,
								      sizeof(buf))));
		json_object_set_new(obj, "remedy_notices", rn);
	}
	json_object_set_new(obj, "supervision_phone",
			    json_string(setting_text(c, "station.supervision_phone", k.unit_id)));
	json_object_set_new(obj, "bureau_complaint_phone",
			    json_string(setting_text(c, "station.bureau_complaint_phone", k.unit_id)));
	json_object_set_new(obj, "i_am_officer", json_boolean(k.i_am_officer));
	json_object_set_new(obj, "i_am_main", json_boolean(k.i_am_main));
	/* what the caller may do on this case, by the predicates its requests
	 * are decided with: the web shows a button only where it would work */
	json_object_set_new(obj, "may",
			    json_pack("{s:b, s:b, s:b, s:b, s:b, s:b, s:o}", "edit", cases_may_edit(c, &k),
				      "facts", case_facts_may_edit(c, &k),
				      "staff", cases_may_staff(c, &k), "measures",
				      measures_may_act(c, &k), "issue_documents",
				      documents_may_issue(c, &k), "extend_limit",
				      case_limits_may_extend(c, &k), "actions", case_actions_allowed(c, &k)));
	rc = sub(c, obj, "officers",
		 "SELECT co.user_id, co.duty, u.name, u.role, u.badge_no FROM case_officer co"
		 " JOIN users u ON u.id = co.user_id WHERE co.case_id = ? ORDER BY co.id", id);
	if (!rc)
		rc = sub(c, obj, "parties",
			 "SELECT cp.id, cp.role, cp.confidential, cp.age_at_act, cp.first_offence,"
			 " cp.pregnant_or_nursing, cp.guardian_name, cp.guardian_phone, p.id AS person_id,"
			 " " PARTY_NAME_SQL " AS name, p.id_number, p.sex, p.birth_date,"
			 " " PARTY_FIELD_SQL("phone") " AS phone, " PARTY_FIELD_SQL("address") " AS address,"
			 " " PARTY_FIELD_SQL("occupation") " AS occupation"
			 " FROM case_party cp JOIN person p ON p.id = cp.person_id WHERE cp.case_id = ?"
			 " ORDER BY cp.id", id);
	if (!rc)
		rc = sub(c, obj, "events",
			 "SELECT e.id, e.at, e.action, e.from_status, e.to_status, e.detail, u.name AS user_name,"
			 " u.role AS user_role FROM case_event e LEFT JOIN users u ON u.id = e.user_id"
			 " WHERE e.case_id = ? ORDER BY e.id", id);
	if (!rc)
		rc = sub(c, obj, "interviews",
			 "SELECT i.id, i.party_id, i.kind, i.version, i.supersedes_id, i.status, i.start_at,"
			 " i.end_at, i.place_kind, i.place, i.recording_id, i.content_hash, " PARTY_NAME_SQL " AS subject_name,"
			 " cp.confidential"
			 " FROM interview i JOIN case_party cp ON cp.id = i.party_id JOIN person p ON p.id = cp.person_id"
			 " WHERE i.case_id = ? ORDER BY i.id", id);
	if (!rc)
		rc = sub(c, obj, "notices",
			 "SELECT n.id, n.party_id, n.kind, n.at, n.penalty_text, n.statement, n.waived,"
			 " n.statement_missing_reason,"
			 " u.name AS officer_name FROM case_notice n JOIN users u ON u.id = n.officer_id"
			 " WHERE n.case_id = ? ORDER BY n.id", id);
	if (!rc)
		rc = sub(c, obj, "proposals",
			 "SELECT pp.id, pp.party_id, pp.offence_code, pp.tier, pp.law, pp.warning, pp.fine,"
			 " pp.det_days, pp.credit_days, pp.lenient, pp.lenient_reason, pp.repeat_offence,"
			 " pp.exec_exempt, pp.exempt_override_reason, pp.no_penalty, pp.level, pp.status,"
			 " pp.decision_no, " PARTY_NAME_SQL " AS party_name FROM penalty_proposal pp"
			 " JOIN case_party cp ON cp.id = pp.party_id JOIN person p ON p.id = cp.person_id"
			 " WHERE pp.case_id = ? ORDER BY pp.id", id);
	if (!rc)
		rc = sub(c, obj, "approvals",
			 "SELECT a.id, a.subject, a.step, a.role, a.unit_id, o.name AS unit_name, a.status,"
			 " a.decided_at, a.opinion, u.name AS decided_by_name FROM approval a"
			 " JOIN org_unit o ON o.id = a.unit_id LEFT JOIN users u ON u.id = a.decided_by"
			 " WHERE a.case_id = ? ORDER BY a.id", id);
	if (!rc)
		rc = sub(c, obj, "property",
			 "SELECT id, name, quantity, owner_party_id, seized_at, kept_at, keeper, status"
			 " FROM case_property WHERE case_id = ? ORDER BY id", id);
	if (!rc)
		rc = sub(c, obj, "evidence",
			 "SELECT e.id, e.kind, e.title, e.description, e.source, e.collected_at, e.interview_id,"
			 " e.property_id, e.created_at, u.name AS created_by_name FROM evidence e"
			 " JOIN users u ON u.id = e.created_by WHERE e.case_id = ? ORDER BY e.id", id);
	if (!rc)
		rc = sub(c, obj, "facts_history",
			 "SELECT f.id, f.old_facts, f.new_facts, f.reason, f.edited_at, u.name AS edited_by_name"
			 " FROM case_facts_edit f JOIN users u ON u.id = f.edited_by WHERE f.case_id = ? ORDER BY f.id",
			 id);
	if (!rc)
		rc = sub(c, obj, "notice_evidence",
			 "SELECT ne.notice_id, ne.evidence_id FROM notice_evidence ne"
			 " JOIN case_notice n ON n.id = ne.notice_id WHERE n.case_id = ?"
			 " ORDER BY ne.notice_id, ne.evidence_id", id);
	if (!rc)
		rc = sub(c, obj, "attachments",
			 "SELECT a.id, a.evidence_id, a.sha256, a.size, a.mime, a.file_name, a.created_at"
			 " FROM evidence_attachment a JOIN evidence e ON e.id = a.evidence_id"
			 " WHERE e.case_id = ? ORDER BY a.id", id);
	if (!rc)
		rc = sub(c, obj, "documents",
			 "SELECT d.id, d.kind, d.doc_no, d.ref_id, d.created_at, u.name AS created_by_name,"
			 " ou.name AS organ_name FROM case_document d JOIN users u ON u.id = d.created_by"
			 " LEFT JOIN org_unit ou ON ou.id = COALESCE(d.organ_unit_id, (SELECT unit_id FROM police_case WHERE id = d.case_id))"
			 " WHERE d.case_id = ?"
			 " ORDER BY d.id", id);
	if (rc) {
		json_decref(obj);
		return rc;
	}
	request_report(obj);
	/* rule (PROC-ACCEPT-ANON): parties in full for the case's people */
	full = k.i_am_officer || (c->who.station_id == k.unit_id &&
				  (ctx_has_role(c, "chief") || ctx_has_role(c, "legal")));
	mask_parties(json_object_get(obj, "parties"), full);
	{
		/* PROC-ACCEPT-ANON: the interviews name their subject too */
		json_t *iv;
		size_t i;

		json_array_foreach(json_object_get(obj, "interviews"), i, iv) {
			if (!full && json_integer_value(json_object_get(iv, "confidential")))
				json_object_set_new(iv, "subject_name", json_string("（保密）"));
			json_object_del(iv, "confidential");
		}
	}
	rc = audit_read(c, "case", k.case_no);
	if (rc) {
		json_decref(obj);
		return rc;
	}
	*out = obj;
	return PS_OK;
}
