/* monitors.c — 警风警纪监督员, their visits and opinions, the answers. */
#include "domain/team/monitors.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

#define VISIT_COLS                                                                                           \
	"SELECT v.id, v.monitor_id, m.name AS monitor_name, v.visited_on, v.opinion, v.due_on, v.answer,"       \
	" v.answered_on, a.name AS answered_by_name, v.station_id, s.name AS unit_name FROM conduct_monitor_visit v" \
	" JOIN conduct_monitor m ON m.id = v.monitor_id JOIN org_unit s ON s.id = v.station_id"                 \
	" LEFT JOIN users a ON a.id = v.answered_by"

static int valid_date(struct ctx *c, const char *v, const char *field)
{
	return v && date_valid_str(v) ? PS_OK : ps_fail_field(c->err, PS_EINVAL, field, "日期应为 YYYY-MM-DD");
}

int monitor_create(struct ctx *c, const struct monitor_input *in, json_t **out)
{
	struct rows_query q;
	json_t *row;
	int64_t id;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_MONITOR_MANAGE);
	if (rc)
		return rc;
	if (!in->name || !*in->name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "请填写监督员姓名");
	if (!in->unit || !*in->unit)
		return ps_fail_field(c->err, PS_EINVAL, "unit", "请填写监督员工作单位");
	if (!in->contact || !*in->contact)
		return ps_fail_field(c->err, PS_EINVAL, "contact", "请填写联系方式");
	rc = valid_date(c, in->term_from, "term_from");
	if (!rc)
		rc = valid_date(c, in->term_to, "term_to");
	if (rc)
		return rc;
	if (strcmp(in->term_to, in->term_from) <= 0)
		return ps_fail_field(c->err, PS_EINVAL, "term_to", "聘期结束应晚于开始");
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_text(&q, in->name);
	rows_bind_text(&q, in->unit);
	rows_bind_text(&q, in->contact);
	rows_bind_text(&q, in->term_from);
	rows_bind_text(&q, in->term_to);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO conduct_monitor(station_id, name, unit, contact, term_from, term_to, created_by, created_at)"
			 " VALUES (?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "monitor.create", "conduct_monitor", arena_printf(c->arena, "%lld", (long long)id),
				 "success", in->name);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_one(&q, "SELECT id, station_id, name, unit, contact, term_from, term_to FROM conduct_monitor WHERE id = ?",
			      &row);
	}
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "monitor", row);
	return *out ? PS_OK : NOMEM(c);
}

int monitors_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items = NULL, *visits = NULL, *m, *v;
	const char *today = ctx_today_str(c);
	size_t i, j;
	int64_t open = 0, overdue = 0;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_MONITOR_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, today);
	rows_bind_text(&q, today);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT m.id, m.station_id, s.name AS unit_name, m.name, m.unit, m.contact, m.term_from, m.term_to,"
		      " CASE WHEN m.term_from <= ? AND m.term_to >= ? THEN 1 ELSE 0 END AS serving"
		      " FROM conduct_monitor m JOIN org_unit s ON s.id = m.station_id WHERE s.path LIKE ?"
		      " ORDER BY m.station_id, m.id",
		      &items);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_all(&q, VISIT_COLS " WHERE s.path LIKE ? ORDER BY v.visited_on DESC, v.id DESC", &visits);
	}
	if (rc) {
		json_decref(items);
		return rc;
	}
	json_array_foreach(items, i, m) {
		json_t *mine = json_array();

		json_array_foreach(visits, j, v)
			if (row_int(v, "monitor_id") == row_int(m, "id"))
				json_array_append(mine, v);
		json_object_set_new(m, "visits", mine);
	}
	json_array_foreach(visits, j, v) {
		if (row_str(v, "answered_on"))
			continue;
		open++;
		overdue += strcmp(row_str(v, "due_on"), today) < 0;
	}
	json_decref(visits);
	rc = audit_read_items(c, "monitor.list", "conduct_monitor", items, "id");
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o, s:{s:I, s:I}}", "items", items, "figures", "open", (json_int_t)open, "overdue",
			 (json_int_t)overdue);
	return *out ? PS_OK : NOMEM(c);
}

int monitor_visit_create(struct ctx *c, int64_t id, const char *visited_on, const char *opinion, json_t **out)
{
	struct rows_query q;
	json_t *row;
	int64_t station = 0, vid, days;
	int y, m, d, rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_MONITOR_MANAGE,
			     "SELECT o.path FROM conduct_monitor m JOIN org_unit o ON o.id = m.station_id WHERE m.id = ?", id,
			     "监督员不存在");
	if (rc)
		return rc;
	rc = valid_date(c, visited_on, "visited_on");
	if (rc)
		return rc;
	if (strcmp(visited_on, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, "visited_on", "日期不能晚于今天");
	if (!opinion || !*opinion)
		return ps_fail_field(c->err, PS_EINVAL, "opinion", "请填写监督意见");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, "SELECT station_id FROM conduct_monitor WHERE id = ?", 0, &station);
	if (rc)
		return rc;
	days = setting_int(c, "monitor.answer_days", station);
	date_parse(visited_on, 10, &y, &m, &d);
	date_civil_from_days(date_days_from_civil(y, m, d) + days, &y, &m, &d);
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_int(&q, station);
	rows_bind_text(&q, visited_on);
	rows_bind_text(&q, opinion);
	rows_bind_text(&q, arena_printf(c->arena, "%04d-%02d-%02d", y, m, d));
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO conduct_monitor_visit(monitor_id, station_id, visited_on, opinion, due_on, recorded_by,"
			 " recorded_at) VALUES (?,?,?,?,?,?,?) RETURNING id",
			 &vid);
	if (!rc)
		rc = audit_write(c, "monitor.visit", "conduct_monitor", arena_printf(c->arena, "%lld", (long long)id),
				 "success", opinion);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, vid);
		rc = rows_one(&q, VISIT_COLS " WHERE v.id = ?", &row);
	}
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "visit", row);
	return *out ? PS_OK : NOMEM(c);
}

int monitor_visit_answer(struct ctx *c, int64_t visit_id, const char *answer, json_t **out)
{
	struct rows_query q;
	json_t *row;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_MONITOR_ANSWER,
			     "SELECT o.path FROM conduct_monitor_visit v JOIN org_unit o ON o.id = v.station_id WHERE v.id = ?",
			     visit_id, "监督意见不存在");
	if (rc)
		return rc;
	if (!answer || !*answer)
		return ps_fail_field(c->err, PS_EINVAL, "answer", "请填写答复内容");
	rows_binds(&q, c);
	rows_bind_text(&q, answer);
	rows_bind_text(&q, ctx_today_str(c));
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, visit_id);
	rc = rows_exec(&q,
		       "UPDATE conduct_monitor_visit SET answer = ?, answered_on = ?, answered_by = ? WHERE id = ?"
		       " AND answered_on IS NULL",
		       &n);
	if (rc)
		return rc;
	if (!n)
		return ps_fail(c->err, PS_ECONFLICT, "ALREADY_ANSWERED", NULL, "该意见已答复");
	rows_binds(&q, c);
	rows_bind_int(&q, visit_id);
	rc = rows_one(&q, VISIT_COLS " WHERE v.id = ?", &row);
	if (!rc)
		rc = audit_write(c, "monitor.answer", "conduct_monitor",
				 arena_printf(c->arena, "%lld", (long long)row_int(row, "monitor_id")), "success", answer);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "visit", row);
	return *out ? PS_OK : NOMEM(c);
}

static int monitor_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	int y, m, d;
	int64_t start, end, day;

	if (date_parse(row_str(r, "visited_on"), 10, &y, &m, &d))
		return PS_OK;
	day = date_days_from_civil(y, m, d);
	start = day * 86400 - 8 * 3600;
	if (date_parse(row_str(r, "due_on"), 10, &y, &m, &d))
		return PS_OK;
	day = date_days_from_civil(y, m, d) + 1; /* the due day is the last day */
	end = day * 86400 - 8 * 3600;
	clocks_add(k, r, arena_printf(c->arena, "monitor_visit:%lld:answer", (long long)row_int(r, "id")),
		   rule_get(RULE_TEAM_MONITOR_ANSWER)->code,
		   arena_printf(c->arena, "答复警风警纪监督员意见：%s", row_str(r, "opinion")), start, end,
		   CLOCK_DAYS, 0, NULL, "答复监督员意见");
	(void)arg;
	return PS_OK;
}

int monitors_clocks(struct clock_sink *k, enum clock_scope s)
{
	const struct clock_scan d = {
		.station_work = 1,
		.sql = VISIT_COLS " WHERE v.answered_on IS NULL AND s.path LIKE ? ORDER BY v.id",
		.binds = "l",
		.unit_col = "station_id",
		.title_col = "monitor_name",
		.each = monitor_clock,
	};

	return clocks_scan(k, s, &d);
}
