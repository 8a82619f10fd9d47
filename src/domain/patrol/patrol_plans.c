/* patrol_plans.c — 巡逻计划, their slots, the heat map and the proposals. */
#include "domain/patrol/patrol_plans.h"
#include "domain/patrol/patrol.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

/* "HH:MM" → minutes of the day; -1 when malformed (24:00 only when end) */
static int64_t hhmm(const char *s, int end)
{
	int h, m;
	char tail;

	if (!s || strlen(s) != 5 || sscanf(s, "%2d:%2d%c", &h, &m, &tail) != 2 || s[2] != ':')
		return -1;
	if (m < 0 || m > 59 || h < 0 || h > 24 || (h == 24 && (m || !end)))
		return -1;
	return (int64_t)h * 60 + m;
}

static const char *monday_str(struct ctx *c, int64_t monday)
{
	int y, m, d;

	date_civil_from_days(monday, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

/* the grid must be of the station (and of beat when beat is set) */
static int check_area(struct ctx *c, int64_t station, int64_t beat_id, int64_t grid_id, const char *field)
{
	struct rows_query q;
	int64_t n = 0;
	int rc = PS_OK;

	if (beat_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, beat_id);
		rows_bind_int(&q, station);
		rc = rows_int(&q, "SELECT COUNT(*) FROM beat WHERE id = ? AND station_id = ?", 0, &n);
		if (!rc && !n)
			return ps_fail_field(c->err, PS_EINVAL, "beat_id", "责任区不存在或不属于本所");
	}
	if (!rc && grid_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, grid_id);
		rows_bind_int(&q, station);
		rows_bind_int(&q, beat_id);
		rows_bind_int(&q, beat_id);
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM grid g JOIN beat b ON b.id = g.beat_id WHERE g.id = ? AND b.station_id = ?"
			      " AND (? = 0 OR b.id = ?)",
			      0, &n);
		if (!rc && !n)
			return ps_fail_field(c->err, PS_EINVAL, field, "网格不存在或不属于本所（本责任区）");
	}
	return rc;
}

static int insert_slot(struct ctx *c, int64_t plan_id, int64_t station, int64_t plan_beat, int64_t valid_from,
		       const struct patrol_slot_input *in, int64_t *id)
{
	struct rows_query q;
	int64_t start = hhmm(in->start, 0), end = hhmm(in->end, 1), n = 0;
	const char *source = in->source && *in->source ? in->source : "manual";
	int rc;

	if (in->weekday < 0 || in->weekday > 6)
		return ps_fail_field(c->err, PS_EINVAL, "weekday", "星期应为 0（周一）到 6（周日）");
	if (start < 0 || end < 0 || end <= start)
		return ps_fail_field(c->err, PS_EINVAL, "start", "时段应为 HH:MM—HH:MM，结束晚于开始");
	if (strcmp(source, "manual") && strcmp(source, "proposal"))
		return ps_fail_field(c->err, PS_EINVAL, "source", "来源应为 manual 或 proposal");
	rc = check_area(c, station, plan_beat, in->grid_id, "grid_id");
	if (rc)
		return rc;
	/* the same time of the same area twice (among the slots in force) is a mistake */
	rows_binds(&q, c);
	rows_bind_int(&q, plan_id);
	rows_bind_int(&q, in->weekday);
	rows_bind_int(&q, end);
	rows_bind_int(&q, start);
	rows_bind_int(&q, in->grid_id);
	rows_bind_int(&q, valid_from);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM patrol_slot WHERE plan_id = ? AND weekday = ? AND start_min < ? AND end_min > ?"
		      " AND COALESCE(grid_id, 0) = ? AND (valid_to IS NULL OR valid_to > ?)",
		      0, &n);
	if (!rc && n)
		return ps_fail_field(c->err, PS_EINVAL, "start", "该计划在此时段已有巡逻");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, plan_id);
	rows_bind_int(&q, in->weekday);
	rows_bind_int(&q, start);
	rows_bind_int(&q, end);
	if (in->grid_id)
		rows_bind_int(&q, in->grid_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, source);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, valid_from);
	return rows_insert(&q,
			   "INSERT INTO patrol_slot(plan_id, weekday, start_min, end_min, grid_id, source, created_by,"
			   " created_at, valid_from) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
			   id);
}

/* "HH:MM" of minutes */
static const char *clock_str(struct ctx *c, int64_t min)
{
	return arena_printf(c->arena, "%02d:%02d", (int)(min / 60), (int)(min % 60));
}

/* slots of plan (or of every plan of the station when plan_id is 0), with
 * this week's visits */
static int slots_json(struct ctx *c, int64_t station, int64_t plan_id, int64_t monday, int64_t visit, json_t **out)
{
	struct rows_query q;
	json_t *s;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_int(&q, plan_id);
	rows_bind_int(&q, plan_id);
	rows_bind_int(&q, c->now);
	rc = rows_all(&q,
		      "SELECT s.id, s.plan_id, s.weekday, s.start_min, s.end_min, s.grid_id, g.name AS grid_name, s.source,"
		      " s.valid_from FROM patrol_slot s JOIN patrol_plan p ON p.id = s.plan_id LEFT JOIN grid g ON g.id = s.grid_id"
		      " WHERE p.station_id = ? AND (? = 0 OR s.plan_id = ?) AND (s.valid_to IS NULL OR s.valid_to > ?)"
		      " ORDER BY s.weekday, s.start_min, s.id",
		      out);
	if (rc)
		return rc;
	json_array_foreach(*out, i, s) {
		int64_t a = row_int(s, "start_min"), b = row_int(s, "end_min"), id = row_int(s, "id");
		json_t *v = json_array();

		json_object_set_new(s, "start", json_string(clock_str(c, a)));
		json_object_set_new(s, "end", json_string(clock_str(c, b)));
		for (int64_t k = 0; k < patrol_visit_count(a, b); k++) {
			int64_t at = patrol_visit_start(id, monday, a, b, visit, k);

			json_array_append_new(v, json_pack("{s:s, s:s}", "start", clock_str(c, at), "end",
							   clock_str(c, at + visit < b ? at + visit : b)));
		}
		json_object_set_new(s, "visits", v);
	}
	return PS_OK;
}

#define PLAN_COLS                                                                                              \
	"SELECT p.id, p.station_id, p.team_id, t.name AS team_name, t.kind AS team_kind, p.name, p.beat_id,"       \
	" b.name AS beat_name, p.grid_id, g.name AS grid_name, p.route, p.mode, p.dress, p.stakeout_points,"      \
	" p.active, p.effective_from FROM patrol_plan p JOIN patrol_team t ON t.id = p.team_id LEFT JOIN beat b ON b.id = p.beat_id" \
	" LEFT JOIN grid g ON g.id = p.grid_id"

/* the plan's history: its superseded versions (newest first) and the
 * slots taken out of it, each with the interval it held */
static int history_json(struct ctx *c, int64_t id, json_t *p)
{
	struct rows_query q;
	json_t *v, *e, *x;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q,
		      "SELECT v.id, v.valid_from, v.valid_to, v.team_id, t.name AS team_name, v.name, v.beat_id,"
		      " b.name AS beat_name, v.grid_id, g.name AS grid_name, v.route, v.mode, v.dress, v.active,"
		      " u.name AS changed_by_name FROM patrol_plan_version v JOIN patrol_team t ON t.id = v.team_id"
		      " JOIN users u ON u.id = v.changed_by LEFT JOIN beat b ON b.id = v.beat_id"
		      " LEFT JOIN grid g ON g.id = v.grid_id WHERE v.plan_id = ? ORDER BY v.valid_to DESC, v.id DESC",
		      &v);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_int(&q, c->now);
	rc = rows_all(&q,
		      "SELECT s.id, s.weekday, s.start_min, s.end_min, s.grid_id, g.name AS grid_name, s.source, s.valid_from,"
		      " s.valid_to FROM patrol_slot s LEFT JOIN grid g ON g.id = s.grid_id WHERE s.plan_id = ?"
		      " AND s.valid_to IS NOT NULL AND s.valid_to <= ? ORDER BY s.valid_to DESC, s.id DESC",
		      &e);
	if (rc) {
		json_decref(v);
		return rc;
	}
	json_array_foreach(e, i, x) {
		json_object_set_new(x, "start", json_string(clock_str(c, row_int(x, "start_min"))));
		json_object_set_new(x, "end", json_string(clock_str(c, row_int(x, "end_min"))));
	}
	json_object_set_new(p, "versions", v);
	json_object_set_new(p, "ended_slots", e);
	return PS_OK;
}

static int plan_json(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *p, *s;
	int64_t monday = date_local_days(c->now) - date_weekday(date_local_days(c->now));
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, PLAN_COLS " WHERE p.id = ?", &p);
	if (rc)
		return rc;
	rc = slots_json(c, row_int(p, "station_id"), id, monday,
			setting_int(c, "patrol.visit_minutes", row_int(p, "station_id")), &s);
	if (!rc) {
		json_object_set_new(p, "slots", s);
		rc = history_json(c, id, p);
	}
	if (rc) {
		json_decref(p);
		return rc;
	}
	*out = json_pack("{s:o}", "plan", p);
	return *out ? PS_OK : NOMEM(c);
}

/* A plan's first day (YYYY-MM-DD, the start of that local day) or, when
 * not given, now: a paper plan entered later may say since when it held,
 * a plan may start on a coming day (within a year either way). */
static int effective_of(struct ctx *c, const char *date, int64_t *at)
{
	int y, m, d;
	int64_t day, today = date_local_days(c->now);

	*at = c->now;
	if (!date || !*date)
		return PS_OK;
	if (date_parse(date, strlen(date), &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "effective_from", "执行日期应为 YYYY-MM-DD");
	day = date_days_from_civil(y, m, d);
	if (day < today - 366 || day > today + 366)
		return ps_fail_field(c->err, PS_EINVAL, "effective_from", "执行日期应在前后一年之内");
	*at = patrol_day_start(day);
	return PS_OK;
}

int patrol_plans_create(struct ctx *c, const struct patrol_plan_input *in, json_t **out)
{
	struct rows_query q;
	json_t *sl;
	int64_t station, id, n = 0, sid, from;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_PATROL_MANAGE);
	if (!rc)
		rc = patrol_station(c, ACT_PATROL_MANAGE, 0, &station);
	if (rc)
		return rc;
	if (!in->name || !*in->name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "请填写计划名称");
	if (in->mode && !enums_valid(ES_PATROL_MODE, in->mode))
		return ps_fail_field(c->err, PS_EINVAL, "mode", "巡逻方式不正确");
	if (in->dress && !enums_valid(ES_PATROL_DRESS, in->dress))
		return ps_fail_field(c->err, PS_EINVAL, "dress", "着装方式不正确");
	if (!in->beat_id && !in->grid_id && (!in->route || !*in->route))
		return ps_fail_field(c->err, PS_EINVAL, "beat_id", "请选择巡逻区域（责任区、网格或路线）");
	if (in->slots && (!json_is_array(in->slots) || json_array_size(in->slots) > 100))
		return ps_fail_field(c->err, PS_EINVAL, "slots", "时段应为列表（至多100个）");
	rc = effective_of(c, in->effective_from, &from);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in->team_id);
	rows_bind_int(&q, station);
	rc = rows_int(&q, "SELECT COUNT(*) FROM patrol_team WHERE id = ? AND station_id = ? AND active = 1", 0, &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, "team_id", "巡逻队不存在或不属于本所");
	if (!rc)
		rc = check_area(c, station, in->beat_id, in->grid_id, "grid_id");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_int(&q, in->team_id);
	rows_bind_text(&q, in->name);
	if (in->beat_id)
		rows_bind_int(&q, in->beat_id);
	else
		rows_bind_text(&q, NULL);
	if (in->grid_id)
		rows_bind_int(&q, in->grid_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->route);
	rows_bind_text(&q, in->mode ? in->mode : "foot");
	rows_bind_text(&q, in->dress ? in->dress : "uniform");
	rows_bind_text(&q, in->stakeout_points);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, from);
	rc = rows_insert(&q,
			 "INSERT INTO patrol_plan(station_id, team_id, name, beat_id, grid_id, route, mode, dress,"
			 " stakeout_points, created_by, created_at, effective_from) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
			 " RETURNING id",
			 &id);
	json_array_foreach(in->slots, i, sl) {
		struct patrol_slot_input s = { 0 };

		if (rc)
			break;
		if (!json_is_object(sl))
			return ps_fail_field(c->err, PS_EINVAL, "slots", "时段应为 {weekday, start, end}");
		s.weekday = json_is_integer(json_object_get(sl, "weekday")) ?
				    json_integer_value(json_object_get(sl, "weekday")) : -1;
		s.start = json_string_value(json_object_get(sl, "start"));
		s.end = json_string_value(json_object_get(sl, "end"));
		s.grid_id = json_integer_value(json_object_get(sl, "grid_id"));
		rc = insert_slot(c, id, station, in->beat_id, from, &s, &sid);
		if (rc && c->err->field)
			c->err->field = "slots";
	}
	if (!rc)
		rc = audit_write(c, "patrol_plan.create", "patrol_plan", arena_printf(c->arena, "%lld", (long long)id),
				 "success", in->name);
	return rc ? rc : plan_json(c, id, out);
}

int patrol_plans_add_slot(struct ctx *c, int64_t id, const struct patrol_slot_input *in, json_t **out)
{
	struct rows_query q;
	json_t *p;
	int64_t sid;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_PATROL_MANAGE,
			     "SELECT o.path FROM patrol_plan p JOIN org_unit o ON o.id = p.station_id WHERE p.id = ?", id,
			     "巡逻计划不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, "SELECT station_id, beat_id FROM patrol_plan WHERE id = ?", &p);
	if (rc)
		return rc;
	{
		int64_t station = row_int(p, "station_id"), beat = row_int(p, "beat_id");

		json_decref(p);
		rc = insert_slot(c, id, station, beat, c->now, in, &sid);
	}
	if (!rc)
		rc = audit_write(c, "patrol_plan.add_slot", "patrol_plan", arena_printf(c->arena, "%lld", (long long)id),
				 "success",
				 arena_printf(c->arena, "slot=%lld source=%s", (long long)sid,
					      in->source && *in->source ? in->source : "manual"));
	return rc ? rc : plan_json(c, id, out);
}

int patrol_plans_update(struct ctx *c, int64_t id, const struct patrol_plan_update *in, json_t **out)
{
	struct rows_query q;
	json_t *p;
	int64_t station, team, beat, grid, active, from;
	const char *name, *route, *mode, *dress, *points;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_PATROL_MANAGE,
			     "SELECT o.path FROM patrol_plan p JOIN org_unit o ON o.id = p.station_id WHERE p.id = ?", id,
			     "巡逻计划不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT station_id, team_id, name, beat_id, grid_id, route, mode, dress, stakeout_points, active,"
		      " effective_from FROM patrol_plan WHERE id = ?",
		      &p);
	if (rc)
		return rc;
	station = row_int(p, "station_id");
	team = in->has_team ? in->team_id : row_int(p, "team_id");
	beat = in->has_beat ? in->beat_id : row_int(p, "beat_id");
	grid = in->has_grid ? in->grid_id : row_int(p, "grid_id");
	active = in->has_active ? in->active : row_int(p, "active");
	name = in->name ? in->name : row_str(p, "name");
	route = in->route ? in->route : row_str(p, "route");
	mode = in->mode ? in->mode : row_str(p, "mode");
	dress = in->dress ? in->dress : row_str(p, "dress");
	points = in->stakeout_points ? in->stakeout_points : row_str(p, "stakeout_points");
	from = row_int(p, "effective_from");
	if (!name || !*name)
		rc = ps_fail_field(c->err, PS_EINVAL, "name", "请填写计划名称");
	else if (!beat && !grid && (!route || !*route))
		rc = ps_fail_field(c->err, PS_EINVAL, "beat_id", "请选择巡逻区域（责任区、网格或路线）");
	if (!rc && in->has_team) {
		int64_t n = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, team);
		rows_bind_int(&q, station);
		rc = rows_int(&q, "SELECT COUNT(*) FROM patrol_team WHERE id = ? AND station_id = ? AND active = 1", 0,
			      &n);
		if (!rc && !n)
			rc = ps_fail_field(c->err, PS_EINVAL, "team_id", "巡逻队不存在或不属于本所");
	}
	if (!rc && (in->has_beat || in->has_grid))
		rc = check_area(c, station, beat, grid, "grid_id");
	/* the version that held until now is kept with its interval */
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, from < c->now ? from : c->now);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_int(&q, id);
		rc = rows_exec(&q,
			       "INSERT INTO patrol_plan_version(plan_id, valid_from, valid_to, team_id, name, beat_id, grid_id,"
			       " route, mode, dress, stakeout_points, active, changed_by) SELECT id, ?, ?, team_id, name,"
			       " beat_id, grid_id, route, mode, dress, stakeout_points, active, ? FROM patrol_plan WHERE id = ?",
			       NULL);
	}
	if (rc) {
		json_decref(p);
		return rc;
	}
	/* name … points point into p: freed after the statement */
	rows_binds(&q, c);
	rows_bind_int(&q, team);
	rows_bind_text(&q, name);
	if (beat)
		rows_bind_int(&q, beat);
	else
		rows_bind_text(&q, NULL);
	if (grid)
		rows_bind_int(&q, grid);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, route);
	rows_bind_text(&q, mode);
	rows_bind_text(&q, dress);
	rows_bind_text(&q, points);
	rows_bind_int(&q, active ? 1 : 0);
	rows_bind_int(&q, from > c->now ? from : c->now); /* a plan not yet started keeps its first day */
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE patrol_plan SET team_id = ?, name = ?, beat_id = ?, grid_id = ?, route = ?, mode = ?, dress = ?,"
		       " stakeout_points = ?, active = ?, effective_from = ? WHERE id = ?",
		       NULL);
	json_decref(p);
	if (!rc)
		rc = audit_write(c, "patrol_plan.update", "patrol_plan", arena_printf(c->arena, "%lld", (long long)id),
				 "success",
				 arena_printf(c->arena, "team=%lld beat=%lld grid=%lld active=%lld", (long long)team,
					      (long long)beat, (long long)grid, (long long)active));
	return rc ? rc : plan_json(c, id, out);
}

int patrol_plans_end_slot(struct ctx *c, int64_t slot_id, json_t **out)
{
	struct rows_query q;
	int64_t plan = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_PATROL_MANAGE,
			     "SELECT o.path FROM patrol_slot s JOIN patrol_plan p ON p.id = s.plan_id"
			     " JOIN org_unit o ON o.id = p.station_id WHERE s.id = ?",
			     slot_id, "巡逻时段不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, slot_id);
	rows_bind_int(&q, c->now);
	rc = rows_int(&q, "SELECT plan_id FROM patrol_slot WHERE id = ? AND (valid_to IS NULL OR valid_to > ?)", 0,
		      &plan);
	if (!rc && !plan)
		return ps_fail(c->err, PS_ECONFLICT, "SLOT_ENDED", NULL, "该时段已停止执行");
	if (rc)
		return rc;
	/* a slot that has not started yet ends where it begins (never in force) */
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, slot_id);
	rc = rows_exec(&q,
		       "UPDATE patrol_slot SET valid_to = CASE WHEN valid_from > ? THEN valid_from ELSE ? END WHERE id = ?",
		       NULL);
	if (!rc)
		rc = audit_write(c, "patrol_plan.end_slot", "patrol_plan", arena_printf(c->arena, "%lld", (long long)plan),
				 "success", arena_printf(c->arena, "slot=%lld", (long long)slot_id));
	return rc ? rc : plan_json(c, plan, out);
}

int patrol_plans_list(struct ctx *c, int64_t unit_id, json_t **out)
{
	struct rows_query q;
	json_t *plans, *slots, *p, *s;
	int64_t station, monday = date_local_days(c->now) - date_weekday(date_local_days(c->now)), visit;
	size_t i, j;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_PATROL_LIST);
	if (!rc)
		rc = patrol_station(c, ACT_PATROL_LIST, unit_id, &station);
	if (rc)
		return rc;
	visit = setting_int(c, "patrol.visit_minutes", station);
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rc = rows_all(&q, PLAN_COLS " WHERE p.station_id = ? ORDER BY p.active DESC, t.name, p.name", &plans);
	if (rc)
		return rc;
	rc = slots_json(c, station, 0, monday, visit, &slots);
	if (rc) {
		json_decref(plans);
		return rc;
	}
	json_array_foreach(plans, i, p) {
		json_t *list = json_array();

		json_array_foreach(slots, j, s)
			if (row_int(s, "plan_id") == row_int(p, "id"))
				json_array_append(list, s);
		json_object_set_new(p, "slots", list);
		if (!rc)
			rc = history_json(c, row_int(p, "id"), p);
	}
	json_decref(slots);
	if (rc) {
		json_decref(plans);
		return rc;
	}
	*out = json_pack("{s:I, s:s, s:I, s:o}", "station_id", (json_int_t)station, "week_start",
			 monday_str(c, monday), "visit_minutes", (json_int_t)visit, "items", plans);
	if (!*out)
		return NOMEM(c);
	rc = audit_read_items(c, "patrol_plan.list", "patrol_plan", plans, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int patrol_plans_heat(struct ctx *c, int64_t unit_id, int64_t weeks, json_t **out)
{
	struct rows_query q;
	struct patrol_slot_area *slots;
	struct patrol_incident *inc;
	size_t nslots, ninc, ngrids;
	json_t *grids, *cells, *coverage, *proposals, *g;
	int64_t station, today, from_day, from, to, visit, min_n, max_p, next_monday;
	int64_t *count; /* [grid index][168] */
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_PATROL_LIST);
	if (!rc)
		rc = patrol_station(c, ACT_PATROL_LIST, unit_id, &station);
	if (rc)
		return rc;
	if (weeks < 1 || weeks > 26)
		return ps_fail_field(c->err, PS_EINVAL, "weeks", "周数应为 1 到 26");
	visit = setting_int(c, "patrol.visit_minutes", station);
	min_n = setting_int(c, "patrol.hotspot_min_incidents", station);
	max_p = setting_int(c, "patrol.max_proposals", station);
	/* the last `weeks` weeks: 7 × weeks days up to the end of today */
	today = date_local_days(c->now);
	from_day = today + 1 - 7 * weeks;
	from = patrol_day_start(from_day);
	to = patrol_day_start(today + 1);
	next_monday = today - date_weekday(today) + 7;
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rc = rows_all(&q,
		      "SELECT g.id, g.name, g.beat_id, b.name AS beat_name FROM grid g JOIN beat b ON b.id = g.beat_id"
		      " WHERE b.station_id = ? ORDER BY b.name, g.name, g.id",
		      &grids);
	if (rc)
		return rc;
	rc = patrol_slots_load(c, station, 0, c->now, c->now + 1, &slots, &nslots);
	if (!rc)
		rc = patrol_incidents_load(c, station, from, to, &inc, &ninc);
	/* incidents whose 社区 has no grid: a row of their own (never proposed:
	 * no slot can cover it) */
	for (size_t k = 0; !rc && k < ninc; k++)
		if (!inc[k].grid_id) {
			json_array_append_new(grids, json_pack("{s:i, s:s, s:i, s:n}", "id", 0, "name", "未对应网格",
							       "beat_id", 0, "beat_name"));
			break;
		}
	ngrids = json_array_size(grids);
	count = NULL;
	if (!rc && ngrids) {
		count = arena_alloc(c->arena, ngrids * 168 * sizeof(int64_t));
		if (!count)
			rc = NOMEM(c);
		else
			memset(count, 0, ngrids * 168 * sizeof(int64_t));
	}
	if (rc) {
		json_decref(grids);
		return rc;
	}
	for (size_t k = 0; k < ninc; k++) {
		int wd, minute;
		size_t gi;

		json_array_foreach(grids, gi, g)
			if (row_int(g, "id") == inc[k].grid_id)
				break;
		if (gi >= ngrids)
			continue; /* no grid known for its 社区 */
		patrol_local_time(inc[k].received_at, &wd, &minute);
		count[gi * 168 + (size_t)wd * 24 + (size_t)minute / 60]++;
	}
	cells = json_array();
	proposals = json_array();
	coverage = json_array();
	if (!cells || !proposals || !coverage) {
		json_decref(cells);
		json_decref(proposals);
		json_decref(coverage);
		json_decref(grids);
		return NOMEM(c);
	}
	for (size_t gi = 0; gi < ngrids; gi++) {
		json_t *gr = json_array_get(grids, gi);
		int64_t gid = row_int(gr, "id"), bid = row_int(gr, "beat_id");

		for (int h = 0; h < 168; h++) {
			int covered = 0;

			for (size_t s = 0; s < nslots && !covered; s++)
				for (int m = 0; m < 60 && !covered; m += 5)
					covered = patrol_slot_covers(&slots[s], gid, bid, h / 24, (h % 24) * 60 + m);
			if (covered)
				json_array_append_new(coverage, json_pack("{s:I, s:i, s:i}", "grid_id", (json_int_t)gid,
									  "weekday", h / 24, "hour", h % 24));
			if (!count[gi * 168 + (size_t)h])
				continue;
			json_array_append_new(cells,
					      json_pack("{s:I, s:i, s:i, s:I, s:b}", "grid_id", (json_int_t)gid, "weekday",
							h / 24, "hour", h % 24, "incidents",
							(json_int_t)count[gi * 168 + (size_t)h], "covered", covered));
		}
	}
	/* proposals: the hottest uncovered cells at or above the threshold,
	 * hottest first (then grid, weekday, hour) */
	for (int64_t taken = 0; taken < max_p;) {
		json_t *best = NULL, *cl;
		size_t i;

		json_array_foreach(cells, i, cl) {
			if (json_is_true(json_object_get(cl, "covered")) || json_object_get(cl, "proposed") ||
			    row_int(cl, "incidents") < min_n || !row_int(cl, "grid_id"))
				continue;
			if (!best || row_int(cl, "incidents") > row_int(best, "incidents"))
				best = cl;
		}
		if (!best)
			break;
		json_object_set_new(best, "proposed", json_true());
		{
			int64_t gid = row_int(best, "grid_id"), wd = row_int(best, "weekday"), h = row_int(best, "hour");
			int64_t a = h * 60, b = a + 60, seed = gid * 168 + wd * 24 + h;
			json_t *gr = NULL, *x;
			size_t gi;

			json_array_foreach(grids, gi, x)
				if (row_int(x, "id") == gid)
					gr = x;
			json_array_append_new(
				proposals,
				json_pack("{s:I, s:s?, s:I, s:s?, s:I, s:I, s:s, s:s, s:I, s:I, s:s, s:s}", "grid_id",
					  (json_int_t)gid, "grid_name", row_str(gr, "name"), "beat_id",
					  (json_int_t)row_int(gr, "beat_id"), "beat_name", row_str(gr, "beat_name"),
					  "weekday", (json_int_t)wd, "hour", (json_int_t)h, "start", clock_str(c, a), "end",
					  clock_str(c, b), "incidents", (json_int_t)row_int(best, "incidents"),
					  "visit_minutes", (json_int_t)visit, "next_visit",
					  clock_str(c, patrol_visit_start(seed, next_monday, a, b, visit, 0)), "rule",
					  "PAT-HOTSPOT"));
		}
		taken++;
	}
	{
		json_t *cl;
		size_t i;

		json_array_foreach(cells, i, cl)
			json_object_del(cl, "proposed");
	}
	*out = json_pack("{s:I, s:I, s:s, s:s, s:I, s:I, s:o, s:o, s:o, s:o}", "station_id", (json_int_t)station,
			 "weeks", (json_int_t)weeks, "from", monday_str(c, from_day), "to", monday_str(c, today),
			 "visit_minutes", (json_int_t)visit, "min_incidents", (json_int_t)min_n, "grids", grids, "cells",
			 cells, "coverage", coverage, "proposals", proposals);
	if (!*out)
		return NOMEM(c);
	rc = audit_read_action(c, "patrol_plan.heat", "org_unit", arena_printf(c->arena, "%lld", (long long)station),
			       arena_printf(c->arena, "weeks=%lld", (long long)weeks));
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
