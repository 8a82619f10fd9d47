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
#include "core/json.h"
#include "core/text.h"

#include <stdio.h>
#include <string.h>

/* A scope of at most this many units (a station with its posts) lists its
 * cases from the index on unit_id (cases_view_list). */
#define CASE_NARROW_UNITS 8

/* A row of cases_view_list: its columns, then the state's name. */
static int list_row(struct ctx *c, struct db_stmt *st, struct jw *w, void *arg)
{
	(void)c;
	(void)arg;
	for (int i = 0, n = db_column_count(st); i < n; i++)
		rows_write_col(st, i, w);
	jw_str(w, "status_label", flow_state_label(db_column_text(st, rows_col_index(st, "status"))));
	return PS_OK;
}

int cases_view_list(struct ctx *c, const struct case_filter *f, struct jw *w)
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
	struct rows_written rows;
	int64_t officer = f->mine ? c->who.user_id : f->officer_id, units = 0;
	int rc, whole = 0;

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
	rc = rows_page_write(&q,
			     "SELECT k.id, k.case_no, k.kind, k.procedure, k.status, k.title, k.offence_code,"
			     " k.unit_id, o.name AS unit_name,"
			     " (SELECT mu.name FROM case_officer mo JOIN users mu ON mu.id = mo.user_id"
			     "  WHERE mo.case_id = k.id AND mo.duty = 'main' ORDER BY mo.user_id LIMIT 1)"
			     " AS main_officer, k.act_date,"
			     " k.accepted_at, k.filed_at, k.decided_at, k.closed_at, k.lenient",
			     "ORDER BY k.id DESC", list_row, NULL, w, &rows);
	/* AUD-1: a list read is audited with the ids it returned, in the read
	 * chain (on SQLite its own file: a page leaves the main file's readers
	 * their caches) */
	return rc ? rc : audit_read_ids(c, "case.list", "case", rows.ids, rows.n);
}

/* The case file is written straight as text (core/jw, issue 14): the
 * bytes its JSON tree rendered to before — every key in the same place,
 * jansson's types — without building, dumping and freeing the tree. */

/* The answer cannot exceed this (a case file with every part: ~100 KB). */
#define CASE_VIEW_MAX (16u << 20)

/* A value of a row kept for a part written later (request_report). */
struct cval {
	int type; /* DB_INT, DB_TEXT or DB_NULL */
	int64_t i;
	const char *s;
};

static int cval_take(struct ctx *c, struct db_stmt *st, int i, struct cval *v)
{
	v->type = db_column_type(st, i);
	v->i = 0;
	v->s = NULL;
	if (v->type == DB_INT) {
		v->i = db_column_int(st, i);
	} else if (v->type == DB_TEXT) {
		v->s = arena_strdup(c->arena, db_column_text(st, i));
		if (!v->s)
			return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	} else {
		v->type = DB_NULL;
	}
	return PS_OK;
}

static void cval_write(struct jw *w, const char *key, const struct cval *v)
{
	if (v->type == DB_INT)
		jw_int(w, key, v->i);
	else if (v->type == DB_TEXT)
		jw_str(w, key, v->s);
	else
		jw_null(w, key);
}

/* A string the tree set with json_object_set_new(o, key, json_string(s)):
 * no key at all when s is NULL. */
static void str_opt(struct jw *w, const char *key, const char *s)
{
	if (s)
		jw_str(w, key, s);
}

static int column(struct db_stmt *st, const char *name)
{
	int n = db_column_count(st);

	for (int i = 0; i < n; i++)
		if (strcmp(db_column_name(st, i), name) == 0)
			return i;
	return -1;
}

static int64_t column_int(struct db_stmt *st, int i)
{
	return i >= 0 && db_column_type(st, i) == DB_INT ? db_column_int(st, i) : 0;
}

/* An evidence item as request_report numbers it. */
struct report_item {
	int64_t no;
	struct cval kind, title, source, collected_at;
	struct report_item *next;
};

/* How the rows of one part are written: each row's object, and what the
 * part keeps for later. */
struct part {
	struct ctx *c;
	int full;                        /* parties in full (PROC-ACCEPT-ANON) */
	int64_t n;                       /* rows written */
	struct report_item *head, **tail; /* evidence, for request_report */
};

typedef int (*row_fn)(struct part *p, struct db_stmt *st, struct jw *w);

static int row_plain(struct part *p, struct db_stmt *st, struct jw *w)
{
	int n = db_column_count(st);

	(void)p;
	for (int i = 0; i < n; i++)
		rows_write_col(st, i, w);
	return PS_OK;
}

/* Mask ID numbers (with the birth date they hold and the phone) and
 * confidential reporters for users who don't work the case (PII-1,
 * PROC-ACCEPT-ANON). */
static int row_party(struct part *p, struct db_stmt *st, struct jw *w)
{
	int n = db_column_count(st), conf = column_int(st, column(st, "confidential")) != 0;

	for (int i = 0; i < n; i++) {
		const char *name = db_column_name(st, i);
		int text = db_column_type(st, i) == DB_TEXT;

		if (strcmp(name, "confidential") == 0) {
			jw_bool(w, name, conf);
		} else if (p->full) {
			rows_write_col(st, i, w);
		} else if (strcmp(name, "id_number") == 0 && text) {
			char masked[19];

			idcard_mask(db_column_text(st, i), masked);
			jw_str(w, name, masked);
		} else if (strcmp(name, "birth_date") == 0) {
			/* the birth date is digits 7–14 of the number: not beside a mask */
			jw_null(w, name);
		} else if ((strcmp(name, "phone") == 0 || strcmp(name, "address") == 0) && conf) {
			jw_null(w, name);
		} else if (strcmp(name, "phone") == 0 && text) {
			char m[24];

			text_mask_phone(db_column_text(st, i), m);
			jw_str(w, name, m);
		} else if (strcmp(name, "name") == 0 && conf) {
			jw_str(w, name, "（保密）");
		} else {
			rows_write_col(st, i, w);
		}
	}
	return PS_OK;
}

/* PROC-ACCEPT-ANON: the interviews name their subject too */
static int row_interview(struct part *p, struct db_stmt *st, struct jw *w)
{
	int n = db_column_count(st), conf = column_int(st, column(st, "confidential")) != 0;

	for (int i = 0; i < n; i++) {
		const char *name = db_column_name(st, i);

		if (strcmp(name, "confidential") == 0)
			continue;
		if (strcmp(name, "subject_name") == 0 && !p->full && conf)
			jw_str(w, name, "（保密）");
		else
			rows_write_col(st, i, w);
	}
	return PS_OK;
}

/* the evidence as it is, kept for request_report */
static int row_evidence(struct part *p, struct db_stmt *st, struct jw *w)
{
	struct report_item *it = arena_alloc(p->c->arena, sizeof(*it));
	int rc;

	if (!it)
		return ps_fail(p->c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	it->no = p->n + 1;
	it->next = NULL;
	rc = cval_take(p->c, st, column(st, "kind"), &it->kind);
	if (!rc)
		rc = cval_take(p->c, st, column(st, "title"), &it->title);
	if (!rc)
		rc = cval_take(p->c, st, column(st, "source"), &it->source);
	if (!rc)
		rc = cval_take(p->c, st, column(st, "collected_at"), &it->collected_at);
	if (rc)
		return rc;
	*p->tail = it;
	p->tail = &it->next;
	return row_plain(p, st, w);
}

/* The rows of st (run by cases_view_write) as an array under key. */
static int sub(struct part *p, struct jw *w, const char *key, struct db_stmt *st, row_fn fn)
{
	struct ctx *c = p->c;
	int rc = PS_OK;

	jw_arr(w, key);
	p->n = 0;
	while (!rc && (rc = db_step(st, c->err)) == PS_ROW) {
		jw_obj(w, NULL);
		rc = fn(p, st, w);
		jw_end_obj(w);
		p->n++;
	}
	jw_end_arr(w);
	if (rc == PS_DONE || rc == PS_OK)
		rc = rows_write_rc(c, w);
	return rc;
}

/* The 呈请报告 (request_report) the approvers read before approving, and
 * its print page: the facts established, the evidence items of the case's
 * 证据清单 numbered in the order entered — never a fixed sentence — and the
 * officer's opinion. Built from the answer's own fields (an item whose kind
 * has no label is left out, its number kept). */
static void request_report(struct jw *w, const struct part *p, const struct cval *facts,
			   const struct cval *opinion, const struct cval *by_name, const struct cval *at)
{
	jw_obj(w, "request_report");
	cval_write(w, "facts", facts);
	jw_arr(w, "evidence");
	for (const struct report_item *it = p->head; it; it = it->next) {
		const char *label = enums_label(ES_EVIDENCE_KIND, it->kind.type == DB_TEXT ? it->kind.s : NULL);

		if (!label)
			continue;
		jw_obj(w, NULL);
		jw_int(w, "no", it->no);
		cval_write(w, "kind", &it->kind);
		jw_str(w, "kind_label", label);
		cval_write(w, "title", &it->title);
		cval_write(w, "source", &it->source);
		cval_write(w, "collected_at", &it->collected_at);
		jw_end_obj(w);
	}
	jw_end_arr(w);
	cval_write(w, "opinion", opinion);
	cval_write(w, "by_name", by_name);
	cval_write(w, "at", at);
	jw_end_obj(w);
}

/* The case file: its own row (case_head), then each list of it under its
 * key, every statement bound to the case id alone. They are prepared and
 * run together (db_run_all: one round trip on PostgreSQL), then written in
 * this order. */
#define CASE_HEAD_SQL \
	"SELECT k.id, k.case_no, k.receipt_code, k.kind, k.procedure, k.status, k.title," \
	" k.offence_code, k.summary, k.source, k.incident_id, k.act_date, k.act_place," \
	" k.discovered_date, k.reported_at, k.accepted_at, k.filed_at, k.decided_at," \
	" k.closed_at, k.archived_at, k.complex, k.decline_reason, k.transfer_to," \
	" k.close_reason, k.onspot_reported_at, k.unit_id, o.name AS unit_name, o.phone AS unit_phone," \
	" o.address AS unit_address," \
	" (SELECT incident_no FROM incident WHERE id = k.incident_id) AS incident_no," \
	" k.late_entry, k.late_reason, k.late_approved_at, k.created_at," \
	" k.facts, k.report_opinion, k.report_at," \
	" k.act_area, k.jurisdiction_basis, k.jurisdiction_reason, k.econ_reason, k.econ_reviewed_at," \
	" (SELECT name FROM users WHERE id = k.econ_reviewed_by) AS econ_reviewed_by_name," \
	" (SELECT name FROM users WHERE id = k.report_by) AS report_by_name," \
	" (SELECT name FROM users WHERE id = k.late_approved_by) AS late_approved_by_name" \
	" FROM police_case k JOIN org_unit o ON o.id = k.unit_id WHERE k.id = ?"

static const struct case_part {
	const char *key; /* NULL: the head */
	row_fn fn;
	const char *sql;
} case_parts[] = {
	{ NULL, NULL, CASE_HEAD_SQL },
	{ "officers", row_plain,
	  "SELECT co.user_id, co.duty, u.name, u.role, u.badge_no FROM case_officer co"
	  " JOIN users u ON u.id = co.user_id WHERE co.case_id = ? ORDER BY co.id" },
	{ "parties", row_party,
	  "SELECT cp.id, cp.role, cp.confidential, cp.age_at_act, cp.first_offence,"
	  " cp.pregnant_or_nursing, cp.guardian_name, cp.guardian_phone, p.id AS person_id,"
	  " " PARTY_NAME_SQL " AS name, p.id_number, p.sex, p.birth_date,"
	  " " PARTY_FIELD_SQL("phone") " AS phone, " PARTY_FIELD_SQL("address") " AS address,"
	  " " PARTY_FIELD_SQL("occupation") " AS occupation"
	  " FROM case_party cp JOIN person p ON p.id = cp.person_id WHERE cp.case_id = ?"
	  " ORDER BY cp.id" },
	{ "events", row_plain,
	  "SELECT e.id, e.at, e.action, e.from_status, e.to_status, e.detail, u.name AS user_name,"
	  " u.role AS user_role FROM case_event e LEFT JOIN users u ON u.id = e.user_id"
	  " WHERE e.case_id = ? ORDER BY e.id" },
	{ "interviews", row_interview,
	  "SELECT i.id, i.party_id, i.kind, i.version, i.supersedes_id, i.status, i.start_at,"
	  " i.end_at, i.place_kind, i.place, i.recording_id, i.content_hash, " PARTY_NAME_SQL " AS subject_name,"
	  " cp.confidential"
	  " FROM interview i JOIN case_party cp ON cp.id = i.party_id JOIN person p ON p.id = cp.person_id"
	  " WHERE i.case_id = ? ORDER BY i.id" },
	{ "notices", row_plain,
	  "SELECT n.id, n.party_id, n.kind, n.at, n.penalty_text, n.statement, n.waived,"
	  " n.statement_missing_reason,"
	  " u.name AS officer_name FROM case_notice n JOIN users u ON u.id = n.officer_id"
	  " WHERE n.case_id = ? ORDER BY n.id" },
	{ "proposals", row_plain,
	  "SELECT pp.id, pp.party_id, pp.offence_code, pp.tier, pp.law, pp.warning, pp.fine,"
	  " pp.det_days, pp.credit_days, pp.lenient, pp.lenient_reason, pp.repeat_offence,"
	  " pp.exec_exempt, pp.exempt_override_reason, pp.no_penalty, pp.level, pp.status,"
	  " pp.decision_no, " PARTY_NAME_SQL " AS party_name FROM penalty_proposal pp"
	  " JOIN case_party cp ON cp.id = pp.party_id JOIN person p ON p.id = cp.person_id"
	  " WHERE pp.case_id = ? ORDER BY pp.id" },
	{ "approvals", row_plain,
	  "SELECT a.id, a.subject, a.step, a.role, a.unit_id, o.name AS unit_name, a.status,"
	  " a.decided_at, a.opinion, u.name AS decided_by_name FROM approval a"
	  " JOIN org_unit o ON o.id = a.unit_id LEFT JOIN users u ON u.id = a.decided_by"
	  " WHERE a.case_id = ? ORDER BY a.id" },
	{ "property", row_plain,
	  "SELECT id, name, quantity, owner_party_id, seized_at, kept_at, keeper, status"
	  " FROM case_property WHERE case_id = ? ORDER BY id" },
	{ "evidence", row_evidence,
	  "SELECT e.id, e.kind, e.title, e.description, e.source, e.collected_at, e.interview_id,"
	  " e.property_id, e.created_at, u.name AS created_by_name FROM evidence e"
	  " JOIN users u ON u.id = e.created_by WHERE e.case_id = ? ORDER BY e.id" },
	{ "facts_history", row_plain,
	  "SELECT f.id, f.old_facts, f.new_facts, f.reason, f.edited_at, u.name AS edited_by_name"
	  " FROM case_facts_edit f JOIN users u ON u.id = f.edited_by WHERE f.case_id = ? ORDER BY f.id" },
	{ "notice_evidence", row_plain,
	  "SELECT ne.notice_id, ne.evidence_id FROM notice_evidence ne"
	  " JOIN case_notice n ON n.id = ne.notice_id WHERE n.case_id = ?"
	  " ORDER BY ne.notice_id, ne.evidence_id" },
	{ "attachments", row_plain,
	  "SELECT a.id, a.evidence_id, a.sha256, a.size, a.mime, a.file_name, a.created_at"
	  " FROM evidence_attachment a JOIN evidence e ON e.id = a.evidence_id"
	  " WHERE e.case_id = ? ORDER BY a.id" },
	{ "documents", row_plain,
	  "SELECT d.id, d.kind, d.doc_no, d.ref_id, d.created_at, u.name AS created_by_name,"
	  " ou.name AS organ_name FROM case_document d JOIN users u ON u.id = d.created_by"
	  " LEFT JOIN org_unit ou ON ou.id = COALESCE(d.organ_unit_id, (SELECT unit_id FROM police_case WHERE id = d.case_id))"
	  " WHERE d.case_id = ?"
	  " ORDER BY d.id" },
};
#define CASE_PARTS (int)(sizeof(case_parts) / sizeof(case_parts[0]))

/* The case's own row with the keys the answer adds after its columns;
 * keeps what request_report reads from it. */
static int case_head(struct ctx *c, const struct case_row *k, struct db_stmt *st, struct jw *w,
		     struct cval *facts, struct cval *opinion, struct cval *by_name, struct cval *at)
{
	json_t *actions;
	int rc, n;

	rc = db_step(st, c->err);
	if (rc == PS_DONE)
		rc = ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "记录不存在");
	if (rc != PS_ROW)
		return rc;
	rc = PS_OK;
	n = db_column_count(st);
	for (int i = 0; i < n && !rc; i++) {
		const char *name = db_column_name(st, i);

		if (strcmp(name, "complex") == 0)
			jw_bool(w, name, k->complex);
		else if (strcmp(name, "late_entry") == 0)
			jw_bool(w, name, k->late_entry);
		else
			rows_write_col(st, i, w);
		if (strcmp(name, "facts") == 0)
			rc = cval_take(c, st, i, facts);
		else if (strcmp(name, "report_opinion") == 0)
			rc = cval_take(c, st, i, opinion);
		else if (strcmp(name, "report_by_name") == 0)
			rc = cval_take(c, st, i, by_name);
		else if (strcmp(name, "report_at") == 0)
			rc = cval_take(c, st, i, at);
	}
	if (rc)
		return rc;
	str_opt(w, "status_label", flow_state_label(k->status));
	/* the bodies the 决定书 names for 复议 and 诉讼 (settings, never the web's) */
	str_opt(w, "review_organ", setting_text(c, "documents.review_organ", k->unit_id));
	str_opt(w, "litigation_court", setting_text(c, "documents.litigation_court", k->unit_id));
	{
		/* the remedy notices the documents print (SUP-FY-BODY, SUP-FY-FIRST):
		 * written here from the settings and the catalog, never by the web */
		const char *organ = setting_text(c, "documents.review_organ", k->unit_id);
		const char *court = setting_text(c, "documents.litigation_court", k->unit_id);
		char buf[1024];

		jw_obj(w, "remedy_notices");
		str_opt(w, "decision", remedy_notice(REMEDY_DECISION, organ, court, buf, sizeof(buf)));
		str_opt(w, "onspot_decision", remedy_notice(REMEDY_ONSPOT, organ, court, buf, sizeof(buf)));
		if (strcmp(k->kind, "admin") == 0)
			str_opt(w, "decline_notice",
				remedy_notice(REMEDY_ADMIN_DECLINE, organ, court, buf, sizeof(buf)));
		jw_end_obj(w);
	}
	str_opt(w, "supervision_phone", setting_text(c, "station.supervision_phone", k->unit_id));
	str_opt(w, "bureau_complaint_phone", setting_text(c, "station.bureau_complaint_phone", k->unit_id));
	jw_bool(w, "i_am_officer", k->i_am_officer);
	jw_bool(w, "i_am_main", k->i_am_main);
	/* what the caller may do on this case, by the predicates its requests
	 * are decided with: the web shows a button only where it would work */
	actions = case_actions_allowed(c, k);
	if (actions) {
		json_t *a;
		size_t i;

		jw_obj(w, "may");
		jw_bool(w, "edit", cases_may_edit(c, k));
		jw_bool(w, "facts", case_facts_may_edit(c, k));
		jw_bool(w, "staff", cases_may_staff(c, k));
		jw_bool(w, "measures", measures_may_act(c, k));
		jw_bool(w, "issue_documents", documents_may_issue(c, k));
		jw_bool(w, "extend_limit", case_limits_may_extend(c, k));
		jw_arr(w, "actions");
		json_array_foreach(actions, i, a)
			jw_str(w, NULL, json_string_value(a));
		jw_end_arr(w);
		jw_end_obj(w);
		json_decref(actions);
	}
	return rows_write_rc(c, w);
}

int cases_view_write(struct ctx *c, int64_t id, const char *key, struct jw *w)
{
	struct case_row k;
	struct cval facts = { DB_NULL, 0, NULL }, opinion = facts, by_name = facts, at = facts;
	struct part p = { c, 0, 0, NULL, NULL };
	struct db_stmt *st[CASE_PARTS + 1] = { NULL };
	int rc;

	p.tail = &p.head;
	rc = case_load(c, id, &k);
	if (rc)
		return rc;
	/* rule (PROC-ACCEPT-ANON): parties in full for the case's people */
	p.full = k.i_am_officer || (c->who.station_id == k.unit_id &&
				    (ctx_has_role(c, "chief") || ctx_has_role(c, "legal")));
	for (int i = 0; i < CASE_PARTS && !rc; i++) {
		rc = db_prepare(c->db, case_parts[i].sql, &st[i], c->err);
		if (!rc)
			rc = db_bind_int(st[i], 1, id);
	}
	/* and the settings of the case's unit, which its head reads: one
	 * round trip for them all on PostgreSQL */
	if (!rc)
		settings_memo_prepare(c, k.unit_id, &st[CASE_PARTS]);
	if (!rc)
		rc = db_run_all(st, st[CASE_PARTS] ? CASE_PARTS + 1 : CASE_PARTS, c->err);
	if (!rc) {
		settings_memo_take(c, k.unit_id, st[CASE_PARTS]);
		st[CASE_PARTS] = NULL;
	}
	jw_obj(w, key);
	if (!rc)
		rc = case_head(c, &k, st[0], w, &facts, &opinion, &by_name, &at);
	for (int i = 1; i < CASE_PARTS && !rc; i++)
		rc = sub(&p, w, case_parts[i].key, st[i], case_parts[i].fn);
	for (int i = 0; i <= CASE_PARTS; i++)
		db_finalize(st[i]);
	if (rc)
		return rc;
	request_report(w, &p, &facts, &opinion, &by_name, &at);
	jw_end_obj(w);
	rc = rows_write_rc(c, w);
	if (!rc)
		rc = audit_read(c, "case", k.case_no);
	return rc;
}

int cases_view_get(struct ctx *c, int64_t id, json_t **out)
{
	struct jw w;
	int rc;

	*out = NULL;
	jw_init(&w, CASE_VIEW_MAX);
	rc = cases_view_write(c, id, NULL, &w);
	if (!rc)
		rc = json_parse_stored(jw_text(&w, NULL), out, c->err);
	if (!rc && !*out)
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	jw_release(&w);
	return rc;
}
