/* loans.c — borrowing a file of the archive room: request -> the station
 * chief's approval -> lend with a due date -> return (see archives.h). */
#include "domain/archives/archives.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/clocks/clocks.h"
#include "domain/rows.h"
#include "rules/catalog.h"

#include <string.h>

#define LOAN_PATH_SQL \
	"SELECT o.path FROM archive_loan l JOIN org_unit o ON o.id = l.unit_id WHERE l.id = ?"

struct loan_row {
	int64_t id, file_id, unit_id, requested_by, days;
	const char *status, *file_status, *file_no;
};

static int load_loan(struct ctx *c, int64_t id, enum authz_act act, struct loan_row *l)
{
	static const struct rows_col cols[] = {
		ROWS_INT(struct loan_row, id),        ROWS_INT(struct loan_row, file_id),
		ROWS_INT(struct loan_row, unit_id),   ROWS_INT(struct loan_row, requested_by),
		ROWS_INT(struct loan_row, days),      ROWS_TEXT(struct loan_row, status),
		ROWS_TEXT(struct loan_row, file_status), ROWS_TEXT(struct loan_row, file_no),
	};
	struct rows_query q;
	int rc;

	memset(l, 0, sizeof(*l));
	rc = rows_check_unit(c, act, LOAN_PATH_SQL, id, "借阅记录不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_struct(&q,
			 "SELECT l.id, l.file_id, l.unit_id, l.requested_by, l.days, l.status, f.status, f.file_no"
			 " FROM archive_loan l JOIN archive_file f ON f.id = l.file_id WHERE l.id = ?",
			 cols, sizeof(cols) / sizeof(cols[0]), l);
	return rc == PS_ENOTFOUND ? ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "借阅记录不存在") : rc;
}

static int loan_audit(struct ctx *c, const char *action, const struct loan_row *l, const char *detail)
{
	return audit_write(c, action, "archive_file", arena_printf(c->arena, "%lld", (long long)l->file_id),
			   "success", arena_printf(c->arena, "loan=%lld %s%s%s", (long long)l->id, l->file_no,
						   detail ? " " : "", detail ? detail : ""));
}

int loans_request(struct ctx *c, int64_t file_id, const char *reason, int64_t days, json_t **out)
{
	struct rows_query q;
	json_t *f;
	int64_t id, max, open = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_LOAN_REQUEST,
			     "SELECT o.path FROM archive_file f JOIN org_unit o ON o.id = f.unit_id WHERE f.id = ?",
			     file_id, "档案不存在");
	if (rc)
		return rc;
	if (!reason || !*reason)
		return ps_fail_field(c->err, PS_EINVAL, "reason", "请填写借阅事由");
	rows_binds(&q, c);
	rows_bind_int(&q, file_id);
	rc = rows_one(&q, "SELECT unit_id, file_no FROM archive_file WHERE id = ?", &f);
	if (rc)
		return rc;
	max = setting_int(c, "archive.loan_days_max", row_int(f, "unit_id"));
	if (days < 1 || days > max) {
		json_decref(f);
		rc = ps_fail_field(c->err, PS_EINVAL, "days", "借阅天数应为 1 至 %lld 天", (long long)max);
		c->err->rule = "ARCHIVE-LOAN";
		return rc;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, file_id);
	rows_bind_int(&q, c->who.user_id);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM archive_loan WHERE file_id = ? AND requested_by = ?"
		      " AND status IN ('requested','approved','lent')",
		      0, &open);
	if (!rc && open)
		rc = ps_fail(c->err, PS_ECONFLICT, "LOAN_OPEN", NULL, "您对该档案已有未办结的借阅申请");
	if (rc) {
		json_decref(f);
		return rc;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, file_id);
	rows_bind_int(&q, row_int(f, "unit_id"));
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, reason);
	rows_bind_int(&q, days);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO archive_loan(file_id, unit_id, requested_by, reason, days, requested_at, status)"
			 " VALUES (?,?,?,?,?,?,'requested') RETURNING id",
			 &id);
	if (!rc) {
		struct loan_row l = { .id = id, .file_id = file_id, .file_no = row_str(f, "file_no") };

		rc = loan_audit(c, "loan.request", &l, arena_printf(c->arena, "days=%lld", (long long)days));
	}
	json_decref(f);
	return rc ? rc : archives_get(c, file_id, out);
}

int loans_decide(struct ctx *c, int64_t id, int approve, const char *opinion, json_t **out)
{
	struct loan_row l;
	struct rows_query q;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = load_loan(c, id, ACT_LOAN_APPROVE, &l);
	if (rc)
		return rc;
	/* rule: the chief of the file's own station approves (所长审批) */
	if (c->who.station_id != l.unit_id)
		return ctx_deny(c, "loan.approve", "archive_file", arena_printf(c->arena, "%lld", (long long)l.file_id),
				"档案借阅须由档案所在派出所的所领导审批");
	if (l.requested_by == c->who.user_id)
		return ctx_deny(c, "loan.approve", "archive_file", arena_printf(c->arena, "%lld", (long long)l.file_id),
				"不能审批本人的借阅申请");
	if (!approve && (!opinion || !*opinion))
		return ps_fail_field(c->err, PS_EINVAL, "opinion", "不同意借阅须写明意见");
	rows_binds(&q, c);
	rows_bind_text(&q, approve ? "approved" : "rejected");
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, opinion);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE archive_loan SET status = ?, decided_by = ?, decided_at = ?, opinion = ?"
		       " WHERE id = ? AND status = 'requested'",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "LOAN_NOT_REQUESTED", NULL, "该借阅申请已审批");
	if (!rc)
		rc = loan_audit(c, approve ? "loan.approve" : "loan.reject", &l, NULL);
	return rc ? rc : archives_get(c, l.file_id, out);
}

int loans_lend(struct ctx *c, int64_t id, json_t **out)
{
	struct loan_row l;
	struct rows_query q;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = load_loan(c, id, ACT_LOAN_LEND, &l);
	if (rc)
		return rc;
	if (strcmp(l.status, "approved") != 0)
		return ps_fail(c->err, PS_ECONFLICT, "LOAN_NOT_APPROVED", NULL, "借阅申请尚未经所领导批准，不能借出");
	if (strcmp(l.file_status, "in") != 0)
		return ps_fail(c->err, PS_ECONFLICT, "FILE_LENT", NULL, "档案已借出，尚未归还");
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, c->now + l.days * 86400);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE archive_loan SET status = 'lent', lent_by = ?, lent_at = ?, due_at = ?"
		       " WHERE id = ? AND status = 'approved'",
		       &n);
	if (!rc && n) {
		rows_binds(&q, c);
		rows_bind_int(&q, l.file_id);
		rc = rows_exec(&q, "UPDATE archive_file SET status = 'lent' WHERE id = ? AND status = 'in'", &n);
	}
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "FILE_LENT", NULL, "档案已借出，尚未归还");
	if (!rc)
		rc = loan_audit(c, "loan.lend", &l, NULL);
	return rc ? rc : archives_get(c, l.file_id, out);
}

int loans_return(struct ctx *c, int64_t id, const char *note, json_t **out)
{
	struct loan_row l;
	struct rows_query q;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = load_loan(c, id, ACT_LOAN_LEND, &l);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, note);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE archive_loan SET status = 'returned', returned_at = ?, received_by = ?, return_note = ?"
		       " WHERE id = ? AND status = 'lent'",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "LOAN_NOT_LENT", NULL, "该借阅未借出或已归还");
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, l.file_id);
		rc = rows_exec(&q, "UPDATE archive_file SET status = 'in' WHERE id = ?", NULL);
	}
	if (!rc)
		rc = loan_audit(c, "loan.return", &l, NULL);
	return rc ? rc : archives_get(c, l.file_id, out);
}

int loans_list(struct ctx *c, const char *status, int overdue, int64_t page, int64_t per_page,
	       json_t **out)
{
	static const char where[] = " FROM archive_loan l JOIN archive_file f ON f.id = l.file_id"
				    " JOIN police_case k ON k.id = f.case_id JOIN org_unit o ON o.id = l.unit_id"
				    " JOIN users ru ON ru.id = l.requested_by WHERE o.path LIKE ?";
	struct rows_query q;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_ARCHIVE_LIST);
	if (rc)
		return rc;
	rows_query_init(&q, c, where, page, per_page);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_and_text(&q, "l.status = ?", status);
	rows_and_int(&q, "l.status = 'lent' AND l.due_at < ?", overdue ? c->now : 0);
	rc = rows_page(&q,
		       "SELECT l.id, l.file_id, f.file_no, k.case_no, k.title, l.status, l.reason, l.days,"
		       " l.requested_at, ru.name AS requested_by_name, l.decided_at, l.opinion, l.lent_at, l.due_at,"
		       " l.returned_at, o.name AS unit_name, l.unit_id",
		       "ORDER BY l.id DESC", out);
	if (rc)
		return rc;
	{
		json_t *it;
		size_t i;

		json_array_foreach(json_object_get(*out, "items"), i, it)
			json_object_set_new(it, "overdue",
					    json_boolean(!strcmp(row_str(it, "status"), "lent") &&
							 row_int(it, "due_at") < c->now));
	}
	rc = audit_read_items(c, "loan.list", "archive_loan", json_object_get(*out, "items"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

static int loan_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);

	clocks_add(k, r, arena_printf(c->arena, "loan:%lld:return", (long long)row_int(r, "id")),
		   rule_get(RULE_ARCHIVE_LOAN)->code,
		   arena_printf(c->arena, "档案借阅归还：%s（%s）", row_str(r, "file_no"), row_str(r, "borrower")),
		   row_int(r, "lent_at"), row_int(r, "due_at"), CLOCK_DAYS, 0, NULL, "借阅人归还档案");
	(void)arg;
	return PS_OK;
}

int loans_clocks(struct clock_sink *k, enum clock_scope s)
{
	/* ARCHIVE-LOAN: a lent file back by its due date; the borrower (SCOPE_MINE)
	 * and the station see it */
	const struct clock_scan d = {
		.sql = "SELECT l.id, l.lent_at, l.due_at, f.file_no, k.id AS case_id, k.case_no, l.unit_id,"
		       " o.name AS unit_name, u.name AS borrower FROM archive_loan l"
		       " JOIN archive_file f ON f.id = l.file_id JOIN police_case k ON k.id = f.case_id"
		       " JOIN org_unit o ON o.id = l.unit_id JOIN users u ON u.id = l.requested_by"
		       " WHERE l.status = 'lent' AND o.path LIKE ? AND (? = 0 OR l.requested_by = ?)",
		.binds = "lmm",
		.each = loan_clock,
	};

	return clocks_scan(k, s, &d);
}
