/* leader_tasks.c — 领导交办 (see leader_tasks.h). */
#include "domain/leadership/leader_tasks.h"
#include "domain/clocks/clocks.h"
#include "domain/authz.h"
#include "domain/org.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

#define TASK_COLS                                                                                   \
	"SELECT t.id, t.station_id, o.name AS station_name, o.path AS station_path, t.assignee_id,"   \
	" au.name AS assignee_name, t.team, t.source, t.source_id, t.content, t.leader_name,"          \
	" t.deadline, t.status, t.created_at, cu.name AS created_by_name, t.signed_at,"               \
	" su.name AS signed_by_name, t.result, t.done_at, du.name AS done_by_name"                    \
	" FROM leader_task t JOIN org_unit o ON o.id = t.station_id JOIN users cu ON cu.id = t.created_by" \
	" LEFT JOIN users au ON au.id = t.assignee_id LEFT JOIN users su ON su.id = t.signed_by"       \
	" LEFT JOIN users du ON du.id = t.done_by"

static void decorate(struct ctx *c, json_t *t)
{
	int overdue = strcmp(row_str(t, "status"), "done") ? row_int(t, "deadline") < c->now
							   : row_int(t, "done_at") > row_int(t, "deadline");

	json_object_set_new(t, "overdue", json_boolean(overdue));
	json_object_del(t, "station_path");
}

int leader_tasks_insert(struct ctx *c, const struct leader_task_input *in, int64_t *id)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, in->station_id);
	if (in->assignee_id)
		rows_bind_int(&q, in->assignee_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->team && *in->team ? in->team : NULL);
	rows_bind_text(&q, in->source ? in->source : "leader");
	if (in->source_id)
		rows_bind_int(&q, in->source_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->content);
	rows_bind_text(&q, in->leader_name);
	rows_bind_int(&q, in->deadline);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	return rows_insert(&q,
			   "INSERT INTO leader_task (station_id, assignee_id, team, source, source_id, content,"
			   " leader_name, deadline, status, created_by, created_at)"
			   " VALUES (?,?,?,?,?,?,?,?,'assigned',?,?) RETURNING id",
			   id);
}

static int load(struct ctx *c, int64_t id, json_t **t)
{
	struct rows_query q;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, TASK_COLS " WHERE t.id = ?", t);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, rc, "NOT_FOUND", NULL, "交办任务不存在");
	return rc;
}

static int task_out(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *t, *notes;
	int rc = load(c, id, &t);

	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q,
		      "SELECT n.id, n.note, n.at, u.name AS user_name FROM leader_task_note n"
		      " JOIN users u ON u.id = n.user_id WHERE n.task_id = ? ORDER BY n.id",
		      &notes);
	if (rc) {
		json_decref(t);
		return rc;
	}
	decorate(c, t);
	json_object_set_new(t, "notes", notes);
	*out = json_pack("{s:o}", "task", t);
	return *out ? PS_OK : NOMEM(c);
}

int leader_tasks_create(struct ctx *c, const struct leader_task_input *in, json_t **out)
{
	struct rows_query q;
	json_t *st;
	const char *station_path;
	int64_t id;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_LEADER_TASK_ASSIGN);
	if (rc)
		return rc;
	if (!in->content || !*in->content)
		return ps_fail_field(c->err, PS_EINVAL, "content", "请填写交办内容");
	if (!in->leader_name || !*in->leader_name)
		return ps_fail_field(c->err, PS_EINVAL, "leader_name", "请填写交办领导");
	if (!ctx_deadline_ok(c, in->deadline))
		return ps_fail_field(c->err, PS_EINVAL, "deadline", "办理期限应晚于当前时间，且在一年以内");
	rows_binds(&q, c);
	rows_bind_int(&q, in->station_id);
	rc = rows_one(&q, "SELECT id, path FROM org_unit WHERE id = ? AND kind = 'station'", &st);
	if (rc == PS_ENOTFOUND)
		return ps_fail_field(c->err, PS_EINVAL, "station_id", "承办单位应为派出所");
	if (rc)
		return rc;
	/* a station chief assigns within the station, the bureau anywhere in it */
	station_path = arena_printf(c->arena, "%s", row_str(st, "path"));
	rc = authz_check(c, ACT_LEADER_TASK_ASSIGN, row_str(st, "path"), 0,
			 arena_printf(c->arena, "%lld", (long long)in->station_id));
	json_decref(st);
	if (rc)
		return rc;
	if (in->assignee_id) {
		json_t *u;
		int inside;

		rows_binds(&q, c);
		rows_bind_int(&q, in->assignee_id);
		rc = rows_one(&q, "SELECT o.path FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?", &u);
		if (rc && rc != PS_ENOTFOUND)
			return rc;
		inside = !rc && org_is_within(row_str(u, "path"), station_path);
		if (!rc)
			json_decref(u);
		if (!inside)
			return ps_fail_field(c->err, PS_EINVAL, "assignee_id", "承办民警应为该派出所民警");
	}
	rc = leader_tasks_insert(c, in, &id);
	if (!rc)
		rc = audit_write(c, "leader_task.create", "leader_task", arena_printf(c->arena, "%lld", (long long)id),
				 "success", in->content);
	return rc ? rc : task_out(c, id, out);
}

int leader_tasks_list(struct ctx *c, int open, json_t **out)
{
	struct rows_query q;
	json_t *items, *t;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_LEADER_TASK_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_int(&q, open);
	rc = rows_all(&q,
		      TASK_COLS " WHERE o.path LIKE ? AND (? = 0 OR t.status <> 'done')"
				" ORDER BY CASE WHEN t.status = 'done' THEN 1 ELSE 0 END, t.deadline, t.id LIMIT 500",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, t)
		decorate(c, t);
	rc = audit_read_items(c, "leader_task.list", "leader_task", items, "id");
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : NOMEM(c);
}

int leader_tasks_get(struct ctx *c, int64_t id, json_t **out)
{
	json_t *t;
	int rc;

	*out = NULL;
	rc = load(c, id, &t);
	if (rc)
		return rc;
	rc = authz_check(c, ACT_LEADER_TASK_LIST, row_str(t, "station_path"), 0,
			 arena_printf(c->arena, "%lld", (long long)id));
	json_decref(t);
	if (!rc)
		rc = audit_read_action(c, "leader_task.read", "leader_task",
				       arena_printf(c->arena, "%lld", (long long)id), NULL);
	return rc ? rc : task_out(c, id, out);
}

int leader_tasks_act(struct ctx *c, int64_t id, const char *action, const char *text, json_t **out)
{
	struct rows_query q;
	json_t *t;
	const char *status;
	int64_t station;
	int rc;

	*out = NULL;
	rc = load(c, id, &t);
	if (rc)
		return rc;
	rc = authz_check(c, ACT_LEADER_TASK_UPDATE, row_str(t, "station_path"), 0,
			 arena_printf(c->arena, "%lld", (long long)id));
	status = arena_printf(c->arena, "%s", row_str(t, "status"));
	station = row_int(t, "station_id");
	json_decref(t);
	if (rc)
		return rc;
	/* rule: the station the task was given to carries it out */
	if (c->who.station_id != station)
		return ctx_deny(c, "leader_task.update", "leader_task", arena_printf(c->arena, "%lld", (long long)id),
				"只有承办派出所可以签收、办理");
	if (!strcmp(status, "done"))
		return ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL, "任务已办结");
	if (!strcmp(action, "sign")) {
		if (strcmp(status, "assigned"))
			return ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL, "任务已签收");
		rows_binds(&q, c);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE leader_task SET status = 'signed', signed_by = ?, signed_at = ? WHERE id = ?",
			       NULL);
	} else if (!strcmp(action, "progress") || !strcmp(action, "complete")) {
		int done = !strcmp(action, "complete");

		if (!text || !*text)
			return ps_fail_field(c->err, PS_EINVAL, "text", done ? "请填写办理结果" : "请填写进展情况");
		if (!strcmp(status, "assigned"))
			return ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL, "请先签收任务");
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_text(&q, done ? arena_printf(c->arena, "办结：%s", text) : text);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_int(&q, c->now);
		rc = rows_exec(&q, "INSERT INTO leader_task_note (task_id, note, user_id, at) VALUES (?,?,?,?)", NULL);
		if (!rc && done) {
			rows_binds(&q, c);
			rows_bind_text(&q, text);
			rows_bind_int(&q, c->who.user_id);
			rows_bind_int(&q, c->now);
			rows_bind_int(&q, id);
			rc = rows_exec(&q,
				       "UPDATE leader_task SET status = 'done', result = ?, done_by = ?, done_at = ?"
				       " WHERE id = ?",
				       NULL);
		}
	} else {
		return ps_fail(c->err, PS_ENOTFOUND, "NO_ROUTE", NULL, "未知的交办任务操作");
	}
	if (!rc)
		rc = audit_write(c, arena_printf(c->arena, "leader_task.%s", action), "leader_task",
				 arena_printf(c->arena, "%lld", (long long)id), "success", text);
	return rc ? rc : task_out(c, id, out);
}

/* Open tasks are clocks from assignment to deadline (PAT-IND-TASKS): the
 * 预警 board shows them WARN leader_task.warn_hours before, BREACH after. */
static int leader_task_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	int64_t warn = *(const int64_t *)arg;
	int64_t start = row_int(r, "created_at"), end = row_int(r, "deadline");
	int64_t at = end - warn > start ? end - warn : start;

	json_object_set_new(r, "case_no", json_string(arena_printf(c->arena, "交办%lld", (long long)row_int(r, "id"))));
	json_object_set_new(r, "case_id", json_null());
	clocks_add_warn(k, r, arena_printf(c->arena, "leader_task:%lld", (long long)row_int(r, "id")),
			rule_get(RULE_PAT_IND_TASKS)->code,
			arena_printf(c->arena, "领导交办（%s）：%s", row_str(r, "leader_name"), row_str(r, "content")),
			start, end, CLOCK_HOURS, 0, NULL, "签收办理并报告办理结果", at);
	return PS_OK;
}

int leader_tasks_clocks(struct clock_sink *k, enum clock_scope s)
{
	int64_t warn = setting_int(clocks_sink_ctx(k), "leader_task.warn_hours", 0) * 3600;
	const struct clock_scan d = {
		.sql = TASK_COLS " WHERE t.status <> 'done' AND o.path LIKE ?"
				 " AND (? = 0 OR t.assignee_id IS NULL OR t.assignee_id = ?) ORDER BY t.id",
		.binds = "lmm",
		.unit_col = "station_id",
		.unit_name_col = "station_name",
		.each = leader_task_clock,
		.arg = &warn,
	};

	return clocks_scan(k, s, &d);
}

/* The today page: the open tasks of the station given to me or to nobody */
int leader_tasks_today(struct ctx *c, json_t *items)
{
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	if (!authz_allowed(c, ACT_LEADER_TASK_UPDATE) || !c->who.station_id)
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_int(&q, c->who.user_id);
	rc = rows_all(&q,
		      TASK_COLS " WHERE t.status <> 'done' AND t.station_id = ?"
				" AND (t.assignee_id IS NULL OR t.assignee_id = ?) ORDER BY t.deadline, t.id LIMIT 50",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		int y, m, d;
		json_t *row;

		date_civil_from_days(date_local_days(row_int(r, "deadline")), &y, &m, &d);
		row = json_pack("{s:s, s:s, s:s, s:s, s:s}", "kind", "leader_task", "label",
				arena_printf(c->arena, "领导交办：%s", row_str(r, "content")), "detail",
				arena_printf(c->arena, "%s交办", row_str(r, "leader_name")), "due_on",
				arena_printf(c->arena, "%04d-%02d-%02d", y, m, d), "route",
				arena_printf(c->arena, "/leader-tasks/%lld", (long long)row_int(r, "id")));
		if (!row || json_array_append_new(items, row)) {
			json_decref(rows);
			return NOMEM(c);
		}
	}
	json_decref(rows);
	return PS_OK;
}
