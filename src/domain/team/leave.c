/* leave.c — 请假/销假 (issue 18, part 1; TEAM-ROSTER-LEAVE [U]). */
#include "domain/team/leave.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/chain.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"
#include "core/clock.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

#define LEAVE_COLS                                                                                     \
	"SELECT l.id, l.user_id, u.name, u.role, l.unit_id, o.name AS unit_name, l.kind, l.from_on, l.to_on," \
	" l.days, l.reason, l.status, l.decided_by, d.name AS decided_by_name, l.decided_at, l.decision_note," \
	" l.returned_on, l.returned_at, l.created_at, o.path, o.kind AS unit_kind"                                            \
	" FROM leave_request l JOIN users u ON u.id = l.user_id JOIN org_unit o ON o.id = l.unit_id"      \
	" LEFT JOIN users d ON d.id = l.decided_by"

static int64_t day_of(const char *s)
{
	int y, m, d;

	if (!s || date_parse(s, strlen(s), &y, &m, &d))
		return -1;
	return date_days_from_civil(y, m, d);
}

static void shape(struct ctx *c, json_t *it)
{
	const char *today = ctx_today_str(c);
	int overdue = !strcmp(row_str(it, "status"), "approved") && !row_str(it, "returned_on") &&
		      strcmp(row_str(it, "to_on"), today) < 0;

	json_object_set_new(it, "kind_label", json_string(enums_label(ES_LEAVE_KIND, row_str(it, "kind"))));
	json_object_set_new(it, "status_label", json_string(enums_label(ES_LEAVE_STATUS, row_str(it, "status"))));
	json_object_set_new(it, "overdue", json_boolean(overdue));
	json_object_set_new(it, "mine", json_boolean(row_int(it, "user_id") == c->who.user_id));
	json_object_del(it, "path");
	json_object_del(it, "unit_kind");
}

int leave_create(struct ctx *c, const char *kind, const char *from_on, const char *to_on, const char *reason,
		 json_t **out)
{
	struct rows_query q;
	int64_t a = day_of(from_on), b = day_of(to_on), id, n = 0;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_LEAVE_CREATE);
	if (rc)
		return rc;
	if (!enums_valid(ES_LEAVE_KIND, kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "请假类别不正确");
	if (a < 0)
		return ps_fail_field(c->err, PS_EINVAL, "from_on", "日期格式应为 YYYY-MM-DD");
	if (b < 0 || b < a)
		return ps_fail_field(c->err, PS_EINVAL, "to_on", "结束日期不能早于开始日期");
	if (b - a > 365)
		return ps_fail_field(c->err, PS_EINVAL, "to_on", "一次请假不超过一年");
	/* no two open requests over the same days */
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, to_on);
	rows_bind_text(&q, from_on);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM leave_request WHERE user_id = ? AND status IN ('pending','approved')"
		      " AND from_on <= ? AND to_on >= ?",
		      0, &n);
	if (rc)
		return rc;
	if (n)
		return ps_fail(c->err, PS_ECONFLICT, "LEAVE_OVERLAP", NULL, "与已有的请假日期重叠");
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->who.unit_id);
	rows_bind_text(&q, kind);
	rows_bind_text(&q, from_on);
	rows_bind_text(&q, to_on);
	rows_bind_int(&q, b - a + 1);
	rows_bind_text(&q, reason);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO leave_request(user_id, unit_id, kind, from_on, to_on, days, reason, status, created_at)"
			 " VALUES (?,?,?,?,?,?,?,'pending',?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "leave.create", "leave", arena_printf(c->arena, "%lld", (long long)id), "success",
				 arena_printf(c->arena, "%s %s..%s", kind, from_on, to_on));
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, LEAVE_COLS " WHERE l.id = ?", out);
	if (rc)
		return rc;
	shape(c, *out);
	*out = json_pack("{s:o}", "leave", *out);
	return *out ? PS_OK : NOMEM(c);
}

/* may the actor decide this request? the station's chief for its staff
 * (a 警务室's too); a chief of the bureau (not of a station) for a station
 * chief's own leave and for the county-level staff */
static int may_decide(struct ctx *c, json_t *row)
{
	const char *kind = row_str(row, "unit_kind");
	int station_staff = kind && (!strcmp(kind, "station") || !strcmp(kind, "post"));

	if (!ctx_has_role(c, "chief") || row_int(row, "user_id") == c->who.user_id ||
	    !ctx_unit_visible(c, row_str(row, "path")))
		return 0;
	if (!c->who.station_id)
		return !strcmp(row_str(row, "role"), "chief") || !station_staff;
	return strcmp(row_str(row, "role"), "chief") != 0;
}

int leave_list(struct ctx *c, const char *status, int64_t year, json_t **out)
{
	struct rows_query q;
	json_t *items, *it, *days;
	int y, m, d;
	size_t i;
	int rc, all;

	*out = NULL;
	rc = authz_require(c, ACT_LEAVE_LIST);
	if (rc)
		return rc;
	if (status && *status && !enums_valid(ES_LEAVE_STATUS, status))
		return ps_fail_field(c->err, PS_EINVAL, "status", "状态不正确");
	ctx_today(c, &y, &m, &d);
	if (!year)
		year = y;
	all = ctx_has_role(c, "chief") || ctx_has_role(c, "clerk");
	rows_binds(&q, c);
	rows_bind_text(&q, arena_printf(c->arena, "%04lld-12-31", (long long)year));
	rows_bind_text(&q, arena_printf(c->arena, "%04lld-01-01", (long long)year));
	if (all) {
		rows_bind_text(&q, ctx_scope_like(c));
		rows_bind_int(&q, c->who.user_id);
	} else {
		rows_bind_int(&q, c->who.user_id);
	}
	if (status && *status)
		rows_bind_text(&q, status);
	rc = rows_all(&q,
		      arena_printf(c->arena,
				   LEAVE_COLS " WHERE l.from_on <= ? AND l.to_on >= ? AND %s%s"
					      " ORDER BY CASE l.status WHEN 'pending' THEN 0 ELSE 1 END, l.from_on DESC, l.id",
				   all ? "(o.path LIKE ? OR l.user_id = ?)" : "l.user_id = ?",
				   status && *status ? " AND l.status = ?" : ""),
		      &items);
	if (rc)
		return rc;
	days = json_object();
	json_array_foreach(items, i, it) {
		const char *key = arena_printf(c->arena, "%lld", (long long)row_int(it, "user_id"));
		json_t *p = json_object_get(days, key);

		json_object_set_new(it, "can_decide", json_boolean(!strcmp(row_str(it, "status"), "pending") &&
								   may_decide(c, it)));
		if (!p) {
			p = json_pack("{s:I, s:s, s:I, s:I}", "user_id", (json_int_t)row_int(it, "user_id"), "name",
				      row_str(it, "name"), "days", (json_int_t)0, "requests", (json_int_t)0);
			json_object_set_new(days, key, p);
		}
		if (!strcmp(row_str(it, "status"), "approved") || !strcmp(row_str(it, "status"), "returned"))
			json_object_set_new(p, "days", json_integer(row_int(p, "days") + row_int(it, "days")));
		json_object_set_new(p, "requests", json_integer(row_int(p, "requests") + 1));
		shape(c, it);
	}
	{
		json_t *arr = json_array(), *v;
		const char *k;

		json_object_foreach(days, k, v)
			json_array_append(arr, v);
		json_decref(days);
		days = arr;
	}
	rc = audit_read_items(c, "leave.list", "leave", items, "id");
	if (rc) {
		json_decref(items);
		json_decref(days);
		return rc;
	}
	*out = json_pack("{s:o, s:o, s:I}", "items", items, "days_by_officer", days, "year", (json_int_t)year);
	return *out ? PS_OK : NOMEM(c);
}

static int load(struct ctx *c, int64_t id, json_t **row)
{
	struct rows_query q;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, LEAVE_COLS " WHERE l.id = ?", row);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "请假记录不存在");
	return rc;
}

int leave_decide(struct ctx *c, int64_t id, int approve, const char *note, json_t **out)
{
	struct rows_query q;
	const char *oid = arena_printf(c->arena, "%lld", (long long)id);
	json_t *row;
	int rc;

	*out = NULL;
	rc = load(c, id, &row);
	if (rc)
		return rc;
	rc = authz_check(c, ACT_LEAVE_APPROVE, arena_strdup(c->arena, row_str(row, "path")), 0, oid);
	if (!rc && !may_decide(c, row))
		rc = ctx_deny(c, "leave.approve", "leave", oid,
			      !strcmp(row_str(row, "role"), "chief") ? "所领导的请假由县局领导审批"
								      : "只有本所所长可以审批本所人员的请假，本人不能审批自己的请假");
	if (!rc && strcmp(row_str(row, "status"), "pending") != 0)
		rc = ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL, "该请假已处理");
	json_decref(row);
	if (rc)
		return rc;
	if (!approve && (!note || !*note))
		return ps_fail_field(c->err, PS_EINVAL, "note", "不批准的请写明理由");
	rows_binds(&q, c);
	rows_bind_text(&q, approve ? "approved" : "rejected");
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, note);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE leave_request SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?"
		       " WHERE id = ? AND status = 'pending'",
		       NULL);
	if (!rc)
		rc = audit_write(c, approve ? "leave.approve" : "leave.reject", "leave", oid, "success", note);
	if (!rc)
		rc = load(c, id, &row);
	if (rc)
		return rc;
	shape(c, row);
	*out = json_pack("{s:o}", "leave", row);
	return *out ? PS_OK : NOMEM(c);
}

int leave_return(struct ctx *c, int64_t id, const char *returned_on, json_t **out)
{
	struct rows_query q;
	const char *oid = arena_printf(c->arena, "%lld", (long long)id), *today = ctx_today_str(c);
	json_t *row;
	int rc;

	*out = NULL;
	rc = load(c, id, &row);
	if (rc)
		return rc;
	/* the applicant himself, or whoever may decide his leave */
	if (row_int(row, "user_id") == c->who.user_id)
		rc = authz_check(c, ACT_LEAVE_RETURN, arena_strdup(c->arena, row_str(row, "path")),
				 row_int(row, "user_id"), oid);
	else if (!may_decide(c, row))
		rc = ctx_deny(c, "leave.return", "leave", oid, "只有本人或审批人可以销假");
	if (!rc && strcmp(row_str(row, "status"), "approved") != 0)
		rc = ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL, "只有已批准的请假可以销假");
	if (!rc && returned_on && *returned_on &&
	    (day_of(returned_on) < 0 || strcmp(returned_on, today) > 0 ||
	     strcmp(returned_on, row_str(row, "from_on")) < 0))
		rc = ps_fail_field(c->err, PS_EINVAL, "returned_on", "销假日期应在请假开始之后、不晚于今天");
	json_decref(row);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, returned_on && *returned_on ? returned_on : today);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE leave_request SET status = 'returned', returned_on = ?, returned_at = ?"
		       " WHERE id = ? AND status = 'approved'",
		       NULL);
	if (!rc)
		rc = audit_write(c, "leave.return", "leave", oid, "success", returned_on);
	if (!rc)
		rc = load(c, id, &row);
	if (rc)
		return rc;
	shape(c, row);
	*out = json_pack("{s:o}", "leave", row);
	return *out ? PS_OK : NOMEM(c);
}

#define OVERDUE_SQL                                                                                    \
	"SELECT x.*, p.id AS parent_id, p.name AS parent_name FROM (" LEAVE_COLS                         \
	" WHERE l.status = 'approved' AND l.returned_on IS NULL AND l.to_on < ?) x"                      \
	" LEFT JOIN org_unit p ON p.id = (SELECT parent_id FROM org_unit WHERE id = x.unit_id) WHERE 1 = 1"

static int leave_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	/* due: the end of the leave's last day */
	int64_t end = (day_of(row_str(r, "to_on")) + 1) * 86400 - PS_DISPLAY_TZ_OFFSET;
	int64_t start = day_of(row_str(r, "from_on")) * 86400 - PS_DISPLAY_TZ_OFFSET;

	/* the board lists a 警务室's staff under its station */
	if (row_str(r, "unit_kind") && !strcmp(row_str(r, "unit_kind"), "post") && row_str(r, "parent_name")) {
		json_object_set_new(r, "unit_id", json_integer(row_int(r, "parent_id")));
		json_object_set_new(r, "unit_name", json_string(row_str(r, "parent_name")));
	}
	clocks_add(k, r, arena_printf(c->arena, "leave:%lld:return", (long long)row_int(r, "id")),
		   rule_get(RULE_TEAM_ROSTER_LEAVE)->code,
		   arena_printf(c->arena, "%s请假%s至%s，假满未销假", row_str(r, "name"), row_str(r, "from_on"),
				row_str(r, "to_on")),
		   start, end, CLOCK_DAYS, 0, NULL, "假满应当按时销假");
	(void)arg;
	return PS_OK;
}

/* the overdue leaves within like, or the officer's own (mine) */
static int overdue_rows(struct ctx *c, const char *like, int64_t mine, json_t **rows)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_text(&q, ctx_today_str(c));
	if (mine) {
		rows_bind_int(&q, mine);
		return rows_all(&q, OVERDUE_SQL " AND x.user_id = ? ORDER BY x.id", rows);
	}
	rows_bind_text(&q, like);
	return rows_all(&q, OVERDUE_SQL " AND x.path LIKE ? ORDER BY x.id", rows);
}

int leave_clocks(struct clock_sink *k, enum clock_scope s)
{
	const struct clock_scan d = {
		.rows = overdue_rows,
		.title_col = "name",
		.each = leave_clock,
	};

	return clocks_scan(k, s, &d);
}

int leave_today(struct ctx *c, json_t *items)
{
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	if (!authz_allowed(c, ACT_LEAVE_LIST))
		return PS_OK;
	/* overdue returns: mine, and those of the staff whose leave I decide */
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_today_str(c));
	rc = rows_all(&q, OVERDUE_SQL " ORDER BY x.to_on", &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		json_t *row;

		if (row_int(r, "user_id") != c->who.user_id && !may_decide(c, r))
			continue;
		row = json_pack("{s:s, s:s, s:s, s:s, s:s}", "kind", "leave_return", "label",
				arena_printf(c->arena, "假满未销假：%s", row_str(r, "name")), "detail",
				enums_label(ES_LEAVE_KIND, row_str(r, "kind")), "due_on", row_str(r, "to_on"), "route",
				"/team/leaves");
		if (!row || json_array_append_new(items, row)) {
			json_decref(rows);
			return NOMEM(c);
		}
	}
	json_decref(rows);
	/* requests waiting for my approval */
	if (!ctx_has_role(c, "chief"))
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q, LEAVE_COLS " WHERE l.status = 'pending' AND o.path LIKE ? ORDER BY l.from_on", &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		json_t *row;

		if (!may_decide(c, r))
			continue;
		row = json_pack("{s:s, s:s, s:s, s:s, s:s}", "kind", "leave_approval", "label",
				arena_printf(c->arena, "请假待审批：%s", row_str(r, "name")), "detail",
				arena_printf(c->arena, "%s %s至%s", enums_label(ES_LEAVE_KIND, row_str(r, "kind")),
					     row_str(r, "from_on"), row_str(r, "to_on")),
				"due_on", row_str(r, "from_on"), "route", "/team/leaves");
		if (!row || json_array_append_new(items, row)) {
			json_decref(rows);
			return NOMEM(c);
		}
	}
	json_decref(rows);
	return PS_OK;
}

int leave_return_figures(struct ctx *c, int64_t station_id, const char *from_on, const char *to_on, int64_t *on_time,
			 int64_t *due)
{
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	*on_time = *due = 0;
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rows_bind_int(&q, station_id);
	rows_bind_text(&q, from_on);
	rows_bind_text(&q, to_on);
	rows_bind_text(&q, ctx_today_str(c));
	rc = rows_all(&q,
		      "SELECT l.to_on, l.returned_at FROM leave_request l JOIN org_unit o ON o.id = l.unit_id"
		      " WHERE (o.id = ? OR o.parent_id = ?) AND l.status IN ('approved','returned')"
		      " AND l.to_on >= ? AND l.to_on < ? AND l.to_on < ?",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		/* by the end of the day after the last day (local days) */
		int64_t by = (day_of(row_str(r, "to_on")) + 2) * 86400 - PS_DISPLAY_TZ_OFFSET;
		int64_t at = row_int(r, "returned_at");

		(*due)++;
		*on_time += at && at < by;
	}
	json_decref(rows);
	return PS_OK;
}
