/* officer_records.c — the officer's record of supervision: the 执法过错
 * findings that name him, the BREACHes he answers for (breach_officers.c),
 * the complaints' findings against him, and the return visits of the cases
 * he led. The list rolls them up per officer of the scope. */
#include "domain/supervision/supervision.h"
#include "domain/clocks/breach_officers.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/rows.h"
#include "domain/team/rewards.h"

#include <string.h>

/* The breaches of the scope with the officers who answer for them. */
static int breaches_with_officers(struct ctx *c, const char *scope_like, json_t **out)
{
	struct rows_query q;
	json_t *rows, *b;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, scope_like);
	rc = rows_all(&q,
		      "SELECT b.id, b.clock_key, b.case_id, b.unit_id, b.rule, b.label, b.deadline, b.recorded_at,"
		      " b.answered_at FROM breach b JOIN org_unit o ON o.id = b.unit_id WHERE o.path LIKE ?"
		      " ORDER BY b.deadline",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, b) {
		json_t *who = breach_officers_of(c, b);

		if (!who) {
			json_decref(rows);
			return ps_fail(c->err, PS_EIO, NULL, NULL, "读取责任民警失败");
		}
		json_object_set_new(b, "responsible", who);
	}
	*out = rows;
	return PS_OK;
}

static int named(json_t *b, int64_t uid)
{
	json_t *p;
	size_t i;

	json_array_foreach(json_object_get(b, "responsible"), i, p)
		if (row_int(p, "user_id") == uid)
			return 1;
	return 0;
}

int officer_records_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *officers = NULL, *breaches = NULL, *o, *b;
	size_t i, j;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_OFFICER_RECORD);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_all(&q,
			      "SELECT u.id AS user_id, u.name, u.badge_no, u.role, o.name AS unit_name,"
			      " (SELECT COUNT(*) FROM fault_officer fo JOIN fault_finding f ON f.id = fo.finding_id"
			      "  WHERE fo.user_id = u.id AND f.status = 'decided' AND f.record_type = 'fault') AS faults,"
			      " (SELECT COUNT(*) FROM fault_officer fo JOIN fault_finding f ON f.id = fo.finding_id"
			      "  WHERE fo.user_id = u.id AND f.status = 'open') AS open_reviews,"
			      " (SELECT COUNT(*) FROM complaint_officer co WHERE co.user_id = u.id"
			      "  AND co.finding IN ('founded','partly')) AS complaints_founded"
			      " FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE o.path LIKE ?"
			      " AND u.role IN " AUTHZ_SWORN_SQL " ORDER BY o.id, u.id",
			      &officers);
	}
	if (!rc)
		rc = breaches_with_officers(c, ctx_scope_like(c), &breaches);
	if (rc) {
		json_decref(officers);
		return rc;
	}
	json_array_foreach(officers, i, o) {
		int64_t n = 0, open = 0, uid = row_int(o, "user_id");

		json_array_foreach(breaches, j, b)
			if (named(b, uid)) {
				n++;
				open += !row_int(b, "answered_at");
			}
		json_object_set_new(o, "breaches", json_integer(n));
		json_object_set_new(o, "breaches_open", json_integer(open));
	}
	json_decref(breaches);
	rc = audit_read_items(c, "officer.record_list", "user", officers, "user_id");
	if (rc) {
		json_decref(officers);
		return rc;
	}
	*out = json_pack("{s:o}", "items", officers);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int officer_records_get(struct ctx *c, int64_t user_id, json_t **out)
{
	struct rows_query q;
	json_t *u = NULL, *breaches = NULL, *mine = json_array(), *findings = NULL, *complaints = NULL, *b;
	size_t i;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_OFFICER_RECORD,
			     "SELECT o.path FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?", user_id,
			     "民警不存在");
	if (rc) {
		json_decref(mine);
		return rc;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rc = rows_one(&q,
		      "SELECT u.id AS user_id, u.name, u.badge_no, u.role, o.name AS unit_name FROM users u"
		      " JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?",
		      &u);
	/* the record follows the person, wherever the finding was made
	 * (SUP-GC-LIFETIME): all of them, not only the scope's */
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, user_id);
		rc = rows_all(&q,
			      "SELECT f.id, o.name AS unit_name, k.case_no, f.source, f.record_type, f.kind, f.sanction,"
			      " f.reason, f.status, fo.part, f.opened_at, f.decided_at FROM fault_officer fo"
			      " JOIN fault_finding f ON f.id = fo.finding_id JOIN org_unit o ON o.id = f.station_id"
			      " LEFT JOIN police_case k ON k.id = f.case_id WHERE fo.user_id = ? ORDER BY f.opened_at DESC, f.id DESC",
			      &findings);
	}
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, user_id);
		rc = rows_all(&q,
			      "SELECT m.id, m.tracking_code, k.case_no, co.finding, m.finished_at FROM complaint_officer co"
			      " JOIN complaint m ON m.id = co.complaint_id LEFT JOIN police_case k ON k.id = m.case_id"
			      /* the complaints still being handled first, then
			       * the newest finished; alike on both stores (their
			       * NULLs sort at opposite ends) */
			      " WHERE co.user_id = ? ORDER BY m.finished_at IS NOT NULL, m.finished_at DESC, m.id DESC",
			      &complaints);
	}
	if (!rc)
		rc = breaches_with_officers(c, "/%", &breaches);
	if (!rc) {
		json_array_foreach(breaches, i, b)
			if (named(b, user_id))
				json_array_append(mine, b);
		rc = audit_read(c, "user", arena_printf(c->arena, "%lld", (long long)user_id));
	}
	json_decref(breaches);
	if (rc) {
		json_decref(u);
		json_decref(mine);
		json_decref(findings);
		json_decref(complaints);
		return rc;
	}
	json_object_set_new(u, "findings", findings);
	json_object_set_new(u, "complaints", complaints);
	json_object_set_new(u, "breaches", mine);
	/* 奖惩 (issue 18): his commendations and sanctions */
	{
		json_t *awards = NULL, *sanctions = NULL;

		rc = rewards_of_officer(c, user_id, &awards, &sanctions);
		if (rc) {
			json_decref(u);
			return rc;
		}
		json_object_set_new(u, "commendations", awards);
		json_object_set_new(u, "sanctions", sanctions);
	}
	*out = u;
	return PS_OK;
}
