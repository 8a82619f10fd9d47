/* archives.c — the archive room: filing, the checklist, reviews (see
 * archives.h; loans in loans.c). */
#include "domain/archives/archives.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/cases/case_actions.h"
#include "domain/cases/cases.h"
#include "domain/counters.h"
#include "domain/rows.h"
#include "rules/case_flow.h"
#include "rules/catalog.h"

#include <string.h>

#define FILE_PATH_SQL \
	"SELECT o.path FROM archive_file f JOIN org_unit o ON o.id = f.unit_id WHERE f.id = ?"

/* ---- the checklist ---- */

int archives_checklist(struct ctx *c, int64_t case_id, json_t **items, int *missing)
{
	static const char *const kinds[] = { "accept_form", "receipt", "notice_record", "decision",
					     "onspot_decision", "seizure_list", NULL };
	struct rows_query q;
	json_t *facts, *docs, *a;
	int64_t have[8] = { 0 };
	int rc;

	*items = NULL;
	*missing = 0;
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rc = rows_one(&q,
		      "SELECT k.kind, k.procedure, k.status,"
		      " (SELECT COUNT(*) FROM case_party cp WHERE cp.case_id = k.id AND cp.role = 'reporter') AS reporters,"
		      " (SELECT COUNT(*) FROM case_party cp WHERE cp.case_id = k.id AND cp.role = 'suspect') AS suspects,"
		      " (SELECT COUNT(*) FROM interview i WHERE i.case_id = k.id AND i.status = 'signed') AS interviews,"
		      " (SELECT COUNT(*) FROM penalty_proposal pp WHERE pp.case_id = k.id AND pp.status = 'approved'"
		      "  AND pp.no_penalty = 0) AS penalties,"
		      " (SELECT COUNT(*) FROM case_property cpy WHERE cpy.case_id = k.id) AS property,"
		      " (SELECT COUNT(*) FROM evidence e WHERE e.case_id = k.id) AS evidence"
		      " FROM police_case k WHERE k.id = ?",
		      &facts);
	if (rc)
		return rc;
	rc = rows_all(&q, "SELECT kind, COUNT(*) AS n FROM case_document WHERE case_id = ? GROUP BY kind", &docs);
	if (rc) {
		json_decref(facts);
		return rc;
	}
	{
		json_t *d;
		size_t i;

		json_array_foreach(docs, i, d)
			for (int j = 0; kinds[j]; j++)
				if (!strcmp(kinds[j], row_str(d, "kind")))
					have[j] = row_int(d, "n");
	}
	json_decref(docs);
	a = json_array();
	{
		int onspot = !strcmp(row_str(facts, "procedure"), "onspot");
		int pen = row_int(facts, "penalties") > 0;
		int admin = !strcmp(row_str(facts, "kind"), "admin");
		struct {
			const char *key, *label;
			int required, present;
		} it[] = {
			{ "accept_form", "受案登记表", 1, have[0] > 0 },
			{ "receipt", "受案回执", row_int(facts, "reporters") > 0, have[1] > 0 },
			{ "interviews", "询问（讯问）笔录", row_int(facts, "suspects") > 0 && !onspot,
			  row_int(facts, "interviews") > 0 },
			{ "evidence", "证据材料（证据清单）", pen && !onspot, row_int(facts, "evidence") > 0 },
			{ "notice_record", "行政处罚告知笔录", pen && admin && !onspot, have[2] > 0 },
			{ "decision", onspot ? "当场处罚决定书" : "行政处罚决定书", pen, onspot ? have[4] > 0 : have[3] > 0 },
			{ "seizure_list", "扣押清单", row_int(facts, "property") > 0, have[5] > 0 },
		};

		for (size_t i = 0; a && i < sizeof(it) / sizeof(it[0]); i++) {
			if (!it[i].required && !it[i].present)
				continue;
			if (json_array_append_new(a, json_pack("{s:s, s:s, s:b, s:b}", "key", it[i].key, "label",
							       it[i].label, "required", it[i].required, "present",
							       it[i].present))) {
				json_decref(a);
				a = NULL;
			}
			if (it[i].required && !it[i].present)
				(*missing)++;
		}
	}
	json_decref(facts);
	if (!a)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	*items = a;
	return PS_OK;
}

/* ---- filing ---- */

static int next_file_no(struct ctx *c, int64_t unit_id, const char **no)
{
	struct rows_query q;
	int64_t seq = 0;
	json_t *u;
	int y, m, d, rc;

	ctx_today(c, &y, &m, &d);
	rc = counters_next_doc(c, unit_id, "archive_file", y, &seq);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, unit_id);
	rc = rows_one(&q, "SELECT name FROM org_unit WHERE id = ?", &u);
	if (rc)
		return rc;
	*no = arena_printf(c->arena, "%s档〔%d〕%05lld号", row_str(u, "name"), y, (long long)seq);
	json_decref(u);
	return *no ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

static int required_text(struct ctx *c, const char *v, const char *field, const char *label)
{
	if (!v || !*v)
		return ps_fail_field(c->err, PS_EINVAL, field, "请填写%s", label);
	return PS_OK;
}

int archives_create(struct ctx *c, const struct archive_input *in, json_t **out)
{
	struct case_row k;
	struct rows_query q;
	const char *no = NULL;
	int64_t id, n = 0;
	int rc;

	*out = NULL;
	rc = case_load(c, in->case_id, &k);
	if (rc)
		return rc;
	rc = authz_check(c, ACT_ARCHIVE_FILE, k.unit_path, 0, k.case_no);
	if (rc)
		return rc;
	if (!rc)
		rc = required_text(c, in->room, "room", "档案室");
	if (!rc)
		rc = required_text(c, in->cabinet, "cabinet", "档案柜");
	if (!rc)
		rc = required_text(c, in->shelf, "shelf", "层（架）");
	if (!rc)
		rc = required_text(c, in->box, "box", "盒号");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, k.id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM archive_file WHERE case_id = ?", 0, &n);
	if (rc)
		return rc;
	if (n)
		return ps_fail(c->err, PS_ECONFLICT, "ALREADY_FILED", NULL, "该案件已入库归档");
	if (!strcmp(k.status, CASE_CLOSED)) {
		/* the case flow's 归档 step: its actor rule and audit */
		struct action_input ai = { 0 };
		json_t *cf = NULL;

		rc = case_actions_run(c, k.id, "archive", &ai, &cf);
		json_decref(cf);
		if (rc)
			return rc;
	} else if (strcmp(k.status, CASE_ARCHIVED) != 0) {
		return ps_fail(c->err, PS_ECONFLICT, "CASE_NOT_CLOSED", NULL, "案件当前状态为“%s”，结案后才能归档入库",
			       flow_state_label(k.status));
	}
	rc = next_file_no(c, k.unit_id, &no);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, k.id);
	rows_bind_int(&q, k.unit_id);
	rows_bind_text(&q, no);
	rows_bind_text(&q, in->room);
	rows_bind_text(&q, in->cabinet);
	rows_bind_text(&q, in->shelf);
	rows_bind_text(&q, in->box);
	rows_bind_int(&q, in->pages);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO archive_file(case_id, unit_id, file_no, room, cabinet, shelf, box, pages, status,"
			 " filed_by, filed_at) VALUES (?,?,?,?,?,?,?,?,'in',?,?) RETURNING id",
			 &id);
	if (rc == PS_ECONFLICT)
		return ps_fail(c->err, PS_ECONFLICT, "ALREADY_FILED", NULL, "该案件已入库归档");
	if (!rc)
		rc = case_event(c, k.id, "archive_file", NULL, NULL,
				arena_printf(c->arena, "%s %s/%s/%s/%s", no, in->room, in->cabinet, in->shelf, in->box));
	if (!rc)
		rc = audit_write(c, "archive.file", "archive_file", arena_printf(c->arena, "%lld", (long long)id),
				 "success", arena_printf(c->arena, "case=%s %s", k.case_no, no));
	return rc ? rc : archives_get(c, id, out);
}

/* ---- reading ---- */

int archives_list(struct ctx *c, const char *q_text, const char *status, int64_t page, int64_t per_page,
		  json_t **out)
{
	static const char where[] = " FROM archive_file f JOIN police_case k ON k.id = f.case_id"
				    " JOIN org_unit o ON o.id = f.unit_id WHERE o.path LIKE ?";
	struct rows_query q;
	json_t *it;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_ARCHIVE_LIST);
	if (rc)
		return rc;
	rows_query_init(&q, c, where, page, per_page);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_and_text(&q, "f.status = ?", status);
	rows_and_like(&q, "(f.file_no LIKE ?" ROWS_ESCAPE " OR k.case_no LIKE ?" ROWS_ESCAPE
			  " OR k.title LIKE ?" ROWS_ESCAPE ")",
		      q_text);
	rc = rows_page(&q,
		       "SELECT f.id, f.file_no, f.case_id, k.case_no, k.title, k.kind, k.closed_at, f.room, f.cabinet,"
		       " f.shelf, f.box, f.pages, f.status, f.filed_at, o.name AS unit_name,"
		       " (SELECT u.name FROM users u WHERE u.id = f.filed_by) AS filed_by_name,"
		       " (SELECT l.due_at FROM archive_loan l WHERE l.file_id = f.id AND l.status = 'lent'"
		       "  ORDER BY l.id DESC LIMIT 1) AS due_at,"
		       " (SELECT u.name FROM archive_loan l JOIN users u ON u.id = l.requested_by"
		       "  WHERE l.file_id = f.id AND l.status = 'lent' ORDER BY l.id DESC LIMIT 1) AS borrower",
		       "ORDER BY f.id DESC", out);
	if (rc)
		return rc;
	json_array_foreach(json_object_get(*out, "items"), i, it) {
		json_t *cl = NULL;
		int missing = 0;

		rc = archives_checklist(c, row_int(it, "case_id"), &cl, &missing);
		if (rc)
			break;
		json_decref(cl);
		json_object_set_new(it, "missing", json_integer(missing));
	}
	if (!rc)
		rc = audit_read_items(c, "archive.list", "archive_file", json_object_get(*out, "items"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int archives_pending(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *it;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_ARCHIVE_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT k.id AS case_id, k.case_no, k.title, k.kind, k.status, k.closed_at, k.archived_at,"
		      " o.name AS unit_name FROM police_case k JOIN org_unit o ON o.id = k.unit_id"
		      " WHERE o.path LIKE ? AND (k.status = 'closed' OR (k.status = 'archived'"
		      " AND NOT EXISTS (SELECT 1 FROM archive_file f WHERE f.case_id = k.id)))"
		      " ORDER BY k.closed_at, k.id",
		      &it);
	if (rc)
		return rc;
	{
		json_t *r;

		json_array_foreach(it, i, r) {
			/* CASE-ARCHIVE: 每案一结, filed by the end of the next day */
			int64_t due = rule_deadline(NULL, RULE_CASE_ARCHIVE, 0, row_int(r, "closed_at"));
			json_t *cl = NULL;
			int missing = 0;

			json_object_set_new(r, "deadline", json_integer(due));
			json_object_set_new(r, "late", json_boolean(c->now > due));
			rc = archives_checklist(c, row_int(r, "case_id"), &cl, &missing);
			if (rc)
				break;
			json_object_set_new(r, "checklist", cl);
			json_object_set_new(r, "missing", json_integer(missing));
		}
	}
	if (!rc)
		rc = audit_read_items(c, "archive.pending", "case", it, "case_id");
	if (rc) {
		json_decref(it);
		return rc;
	}
	*out = json_pack("{s:o, s:I}", "items", it, "total", (json_int_t)json_array_size(it));
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int archives_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *f, *cl = NULL, *loans = NULL, *reviews = NULL;
	int missing = 0, rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_ARCHIVE_LIST, FILE_PATH_SQL, id, "档案不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT f.id, f.file_no, f.case_id, k.case_no, k.title, k.kind, k.status AS case_status,"
		      " k.closed_at, k.archived_at, f.room, f.cabinet, f.shelf, f.box, f.pages, f.status, f.filed_at,"
		      " f.unit_id, o.name AS unit_name, u.name AS filed_by_name FROM archive_file f"
		      " JOIN police_case k ON k.id = f.case_id JOIN org_unit o ON o.id = f.unit_id"
		      " JOIN users u ON u.id = f.filed_by WHERE f.id = ?",
		      &f);
	if (rc)
		return rc;
	rc = archives_checklist(c, row_int(f, "case_id"), &cl, &missing);
	if (!rc)
		rc = rows_all(&q,
			      "SELECT l.id, l.status, l.reason, l.days, l.requested_at, ru.name AS requested_by_name,"
			      " l.decided_at, du.name AS decided_by_name, l.opinion, l.lent_at, l.due_at,"
			      " l.returned_at, l.return_note FROM archive_loan l JOIN users ru ON ru.id = l.requested_by"
			      " LEFT JOIN users du ON du.id = l.decided_by WHERE l.file_id = ? ORDER BY l.id DESC",
			      &loans);
	if (!rc)
		rc = rows_all(&q,
			      "SELECT r.id, r.reason, r.opened_at, u1.name AS present_1_name, u2.name AS present_2_name,"
			      " ob.name AS opened_by_name FROM archive_review r JOIN users u1 ON u1.id = r.present_1"
			      " JOIN users u2 ON u2.id = r.present_2 JOIN users ob ON ob.id = r.opened_by"
			      " WHERE r.file_id = ? ORDER BY r.id DESC",
			      &reviews);
	if (rc) {
		json_decref(f);
		json_decref(cl);
		json_decref(loans);
		return rc;
	}
	json_object_set_new(f, "checklist", cl);
	json_object_set_new(f, "missing", json_integer(missing));
	json_object_set_new(f, "loans", loans);
	json_object_set_new(f, "reviews", reviews);
	json_object_set_new(f, "may",
			    json_pack("{s:b, s:b, s:b, s:b}", "request", authz_allowed(c, ACT_LOAN_REQUEST), "approve",
				      authz_allowed(c, ACT_LOAN_APPROVE) && c->who.station_id == row_int(f, "unit_id"),
				      "lend", authz_allowed(c, ACT_LOAN_LEND) && c->who.station_id == row_int(f, "unit_id"),
				      "review", authz_allowed(c, ACT_ARCHIVE_REVIEW) &&
							c->who.station_id == row_int(f, "unit_id")));
	rc = audit_read(c, "archive_file", arena_printf(c->arena, "%lld", (long long)id));
	if (rc) {
		json_decref(f);
		return rc;
	}
	*out = json_pack("{s:o}", "file", f);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* ---- reviews ---- */

/* PS_OK when user is an active account of the actor's scope. */
static int check_present(struct ctx *c, int64_t user, const char *field)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, user);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?"
		      " AND o.path LIKE ? AND u.disabled = 0",
		      0, &n);
	if (rc)
		return rc;
	return n ? PS_OK : ps_fail_field(c->err, PS_EINVAL, field, "在场人员须为本单位的在职人员");
}

int archives_review(struct ctx *c, int64_t id, const char *reason, int64_t present_1,
		    int64_t present_2, json_t **out)
{
	struct rows_query q;
	json_t *f;
	int64_t rid;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_ARCHIVE_REVIEW, FILE_PATH_SQL, id, "档案不存在");
	if (rc)
		return rc;
	if (!reason || !*reason)
		return ps_fail_field(c->err, PS_EINVAL, "reason", "请填写查阅事由");
	if (present_1 == present_2)
		return ps_fail_field(c->err, PS_EINVAL, "present_ids", "查阅时须有两名不同的人员在场");
	rc = check_present(c, present_1, "present_ids");
	if (!rc)
		rc = check_present(c, present_2, "present_ids");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, "SELECT f.status, k.case_no FROM archive_file f JOIN police_case k ON k.id = f.case_id"
			  " WHERE f.id = ?", &f);
	if (rc)
		return rc;
	if (strcmp(row_str(f, "status"), "in") != 0) {
		json_decref(f);
		return ps_fail(c->err, PS_ECONFLICT, "FILE_LENT", NULL, "档案已借出，不在库内，不能开卷查阅");
	}
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, reason);
	rows_bind_int(&q, present_1);
	rows_bind_int(&q, present_2);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO archive_review(file_id, reason, present_1, present_2, opened_by, opened_at)"
			 " VALUES (?,?,?,?,?,?) RETURNING id",
			 &rid);
	if (!rc)
		rc = audit_write(c, "archive.review", "archive_file", arena_printf(c->arena, "%lld", (long long)id),
				 "success",
				 arena_printf(c->arena, "case=%s present=%lld,%lld", row_str(f, "case_no"),
					      (long long)present_1, (long long)present_2));
	json_decref(f);
	return rc ? rc : archives_get(c, id, out);
}

int archives_timely_figures(struct ctx *c, int64_t station_id, int64_t from, int64_t to, int64_t *timely,
			    int64_t *due)
{
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	*timely = *due = 0;
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rows_bind_int(&q, from);
	rows_bind_int(&q, to);
	rc = rows_all(&q,
		      "SELECT k.closed_at, f.filed_at FROM police_case k LEFT JOIN archive_file f ON f.case_id = k.id"
		      " WHERE k.unit_id = ? AND k.status IN ('closed','archived') AND k.closed_at >= ? AND k.closed_at < ?",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		/* CASE-ARCHIVE: 每案一结, filed by the end of the next day */
		int64_t deadline = rule_deadline(NULL, RULE_CASE_ARCHIVE, 0, row_int(r, "closed_at"));
		int64_t filed = row_int(r, "filed_at");

		if (!filed && c->now <= deadline)
			continue; /* not yet due */
		(*due)++;
		*timely += filed && filed <= deadline;
	}
	json_decref(rows);
	return PS_OK;
}
