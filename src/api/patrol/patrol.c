/* patrol.c — 巡逻防控 (issue 17, part 1): /patrol-teams, /patrol-plans,
 * /patrol-plans/heat, /patrol-plans/{id}/slots, /patrol-logs,
 * /patrol-arrests/{id}/links, /patrol-scores, /patrol-rewards,
 * /patrol-meetings. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/patrol/patrol_logs.h"
#include "domain/patrol/patrol_plans.h"
#include "domain/patrol/patrol_scores.h"
#include "domain/patrol/patrol_teams.h"
#include "core/mem.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

/* ---- teams ---- */

int api_patrol_teams_list(struct req *r)
{
	return req_reply_unit_list(r, patrol_teams_list);
}

#define TEAM_FIELDS(req)                                                                         \
	FSTR(struct patrol_team_input, name, "name", req, 32),                                   \
	FENUM(struct patrol_team_input, kind, "kind", req, 24, PATROL_TEAM_KIND),                \
	FSTR(struct patrol_team_input, committee, "committee", 0, 64),                           \
	FSTR(struct patrol_team_input, leader, "leader", req, 32),                               \
	FSTR(struct patrol_team_input, contact, "contact", 0, 32),                               \
	FJSON(struct patrol_team_input, members, "members", 0)

const struct field patrol_teams_create_fields[] = { TEAM_FIELDS(1), FEND };
const struct field patrol_teams_update_fields[] = {
	TEAM_FIELDS(0),
	FBOOLP(struct patrol_team_input, active, has_active, "active"),
	FEND,
};

int api_patrol_teams_create(struct req *r)
{
	struct patrol_team_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, patrol_teams_create_fields, &in, &r->err);

	if (!rc)
		rc = patrol_teams_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

int api_patrol_teams_update(struct req *r)
{
	struct patrol_team_input in = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, patrol_teams_update_fields, &in, &r->err);
	if (!rc)
		rc = patrol_teams_update(&r->ctx, id, &in, &out);
	return DONE(rc, 200, out);
}

/* ---- plans ---- */

int api_patrol_plans_list(struct req *r)
{
	return req_reply_unit_list(r, patrol_plans_list);
}

const struct field patrol_plans_create_fields[] = {
	FINT(struct patrol_plan_input, team_id, "team_id", 1, 1, INT64_MAX),
	FSTR(struct patrol_plan_input, name, "name", 1, 64),
	FINT(struct patrol_plan_input, beat_id, "beat_id", 0, 0, INT64_MAX),
	FINT(struct patrol_plan_input, grid_id, "grid_id", 0, 0, INT64_MAX),
	FSTR(struct patrol_plan_input, route, "route", 0, 500),
	FENUM(struct patrol_plan_input, mode, "mode", 0, 8, PATROL_MODE),
	FENUM(struct patrol_plan_input, dress, "dress", 0, 8, PATROL_DRESS),
	FSTR(struct patrol_plan_input, stakeout_points, "stakeout_points", 0, 1000),
	FSTR(struct patrol_plan_input, effective_from, "effective_from", 0, 10),
	FJSON(struct patrol_plan_input, slots, "slots", 0),
	FEND,
};

const struct field patrol_plans_update_fields[] = {
	FINTP(struct patrol_plan_update, team_id, has_team, "team_id", 1, INT64_MAX),
	FSTR(struct patrol_plan_update, name, "name", 0, 64),
	FINTP(struct patrol_plan_update, beat_id, has_beat, "beat_id", 0, INT64_MAX),
	FINTP(struct patrol_plan_update, grid_id, has_grid, "grid_id", 0, INT64_MAX),
	FSTR(struct patrol_plan_update, route, "route", 0, 500),
	FENUM(struct patrol_plan_update, mode, "mode", 0, 8, PATROL_MODE),
	FENUM(struct patrol_plan_update, dress, "dress", 0, 8, PATROL_DRESS),
	FSTR(struct patrol_plan_update, stakeout_points, "stakeout_points", 0, 1000),
	FBOOLP(struct patrol_plan_update, active, has_active, "active"),
	FEND,
};

int api_patrol_plans_update(struct req *r)
{
	struct patrol_plan_update in = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, patrol_plans_update_fields, &in, &r->err);
	if (!rc)
		rc = patrol_plans_update(&r->ctx, id, &in, &out);
	return DONE(rc, 200, out);
}

int api_patrol_slots_end(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = patrol_plans_end_slot(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

int api_patrol_plans_create(struct req *r)
{
	struct patrol_plan_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, patrol_plans_create_fields, &in, &r->err);

	if (!rc)
		rc = patrol_plans_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

static const char *const slot_sources[] = { "manual", "proposal", NULL };

const struct field patrol_plans_slot_fields[] = {
	FINT(struct patrol_slot_input, weekday, "weekday", 1, 0, 6),
	FSTR(struct patrol_slot_input, start, "start", 1, 5),
	FSTR(struct patrol_slot_input, end, "end", 1, 5),
	FINT(struct patrol_slot_input, grid_id, "grid_id", 0, 0, INT64_MAX),
	FONEOF(struct patrol_slot_input, source, "source", 0, 8, slot_sources),
	FEND,
};

int api_patrol_plans_slot(struct req *r)
{
	struct patrol_slot_input in = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, patrol_plans_slot_fields, &in, &r->err);
	if (!rc)
		rc = patrol_plans_add_slot(&r->ctx, id, &in, &out);
	return DONE(rc, 201, out);
}

int api_patrol_plans_heat(struct req *r)
{
	json_t *out;
	int64_t unit = 0, weeks = 4;
	int rc = req_query_int(r, "unit", 0, INT64_MAX, 0, &unit);

	if (!rc)
		rc = req_query_int(r, "weeks", 1, 26, 4, &weeks);
	if (!rc)
		rc = patrol_plans_heat(&r->ctx, unit, weeks, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

/* ---- logs ---- */

int api_patrol_logs_list(struct req *r)
{
	struct patrol_log_filter f = { 0 };
	json_t *out;
	int rc = req_query_int(r, "unit", 0, INT64_MAX, 0, &f.unit_id);

	if (!rc)
		rc = req_query_int(r, "team_id", 0, INT64_MAX, 0, &f.team_id);
	if (!rc)
		rc = req_query_int(r, "incident_id", 0, INT64_MAX, 0, &f.incident_id);
	if (!rc)
		rc = req_query_int(r, "case_id", 0, INT64_MAX, 0, &f.case_id);
	f.from = req_query(r, "from");
	f.to = req_query(r, "to");
	if (!rc)
		rc = patrol_logs_list(&r->ctx, &f, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

const struct field patrol_logs_create_fields[] = {
	FINT(struct patrol_log_input, team_id, "team_id", 1, 1, INT64_MAX),
	FINT(struct patrol_log_input, plan_id, "plan_id", 0, 0, INT64_MAX),
	FINT(struct patrol_log_input, started_at, "started_at", 1, 1, INT64_MAX),
	FINT(struct patrol_log_input, ended_at, "ended_at", 1, 1, INT64_MAX),
	FINT(struct patrol_log_input, beat_id, "beat_id", 0, 0, INT64_MAX),
	FINT(struct patrol_log_input, grid_id, "grid_id", 0, 0, INT64_MAX),
	FSTR(struct patrol_log_input, route, "route", 0, 500),
	FENUM(struct patrol_log_input, mode, "mode", 0, 8, PATROL_MODE),
	FJSON(struct patrol_log_input, duties, "duties", 0),
	FSTR(struct patrol_log_input, findings, "findings", 0, 2000),
	FJSON(struct patrol_log_input, members, "members", 0),
	FJSON(struct patrol_log_input, checks, "checks", 0),
	FJSON(struct patrol_log_input, arrests, "arrests", 0),
	FEND,
};

int api_patrol_logs_create(struct req *r)
{
	struct patrol_log_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, patrol_logs_create_fields, &in, &r->err);

	if (!rc)
		rc = patrol_logs_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

struct arrest_link_body {
	int64_t incident_id, case_id;
};

const struct field patrol_arrests_link_fields[] = {
	FINT(struct arrest_link_body, incident_id, "incident_id", 0, 0, INT64_MAX),
	FINT(struct arrest_link_body, case_id, "case_id", 0, 0, INT64_MAX),
	FEND,
};

int api_patrol_arrests_link(struct req *r)
{
	struct arrest_link_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, patrol_arrests_link_fields, &b, &r->err);
	if (!rc)
		rc = patrol_logs_link_arrest(&r->ctx, id, b.incident_id, b.case_id, &out);
	return DONE(rc, 200, out);
}

/* ---- scores ---- */

int api_patrol_scores_get(struct req *r)
{
	json_t *out;
	int64_t unit = 0;
	int rc = req_query_int(r, "unit", 0, INT64_MAX, 0, &unit);

	if (!rc)
		rc = patrol_scores_get(&r->ctx, unit, req_query(r, "period"), req_query(r, "date"), &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

const struct field patrol_rewards_create_fields[] = {
	FINT(struct patrol_reward_input, team_id, "team_id", 1, 1, INT64_MAX),
	FENUM(struct patrol_reward_input, period, "period", 1, 8, PATROL_PERIOD),
	FSTR(struct patrol_reward_input, date, "date", 0, 10),
	FSTR(struct patrol_reward_input, reward, "reward", 1, 200),
	FEND,
};

int api_patrol_rewards_create(struct req *r)
{
	struct patrol_reward_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, patrol_rewards_create_fields, &in, &r->err);

	if (!rc)
		rc = patrol_scores_reward(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

struct meeting_body {
	const char *date, *notes;
};

const struct field patrol_meetings_put_fields[] = {
	FSTR(struct meeting_body, date, "date", 0, 10),
	FSTR(struct meeting_body, notes, "notes", 1, 4000),
	FEND,
};

int api_patrol_meetings_put(struct req *r)
{
	struct meeting_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, patrol_meetings_put_fields, &b, &r->err);

	if (!rc)
		rc = patrol_scores_notes(&r->ctx, b.date, b.notes, &out);
	return DONE(rc, 200, out);
}

/* The score table as a workbook: a title row, the ranked table. */
static int scores_xlsx(json_t *sc, const char *path)
{
	static const struct {
		const char *key, *title;
	} cols[] = {
		{ "rank", "名次" },	       { "team_name", "巡逻队" },	  { "incidents", "巡区时段警情" },
		{ "prev_incidents", "上期警情" }, { "arrests", "抓现行" },	  { "minutes", "巡逻分钟" },
		{ "slots_planned", "计划时段" },  { "slots_covered", "落实时段" }, { "score", "得分" },
		{ "suggestion", "奖勤罚懒建议" },
	};
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	lxw_format *bold;
	json_t *row;
	size_t i;
	char title[128];

	if (!wb)
		return PS_EIO;
	ws = workbook_add_worksheet(wb, "巡逻考评");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	snprintf(title, sizeof(title), "巡逻考评 %s 至 %s（不含末日）", json_string_value(json_object_get(sc, "start")),
		 json_string_value(json_object_get(sc, "end")));
	worksheet_write_string(ws, 0, 0, title, bold);
	for (size_t k = 0; k < sizeof(cols) / sizeof(cols[0]); k++)
		worksheet_write_string(ws, 2, (lxw_col_t)k, cols[k].title, bold);
	json_array_foreach(json_object_get(sc, "items"), i, row)
		for (size_t k = 0; k < sizeof(cols) / sizeof(cols[0]); k++) {
			json_t *v = json_object_get(row, cols[k].key);

			if (json_is_string(v))
				worksheet_write_string(ws, (lxw_row_t)(3 + i), (lxw_col_t)k, json_string_value(v), NULL);
			else if (json_is_integer(v))
				worksheet_write_number(ws, (lxw_row_t)(3 + i), (lxw_col_t)k,
						       (double)json_integer_value(v), NULL);
		}
	worksheet_set_column(ws, 1, 1, 18, NULL);
	return workbook_close(wb) == LXW_NO_ERROR ? PS_OK : PS_EIO;
}

static int write_scores(void *sc, const char *path)
{
	return scores_xlsx(sc, path);
}

int api_patrol_scores_xlsx(struct req *r)
{
	json_t *sc;
	int64_t unit = 0;
	int rc = req_query_int(r, "unit", 0, INT64_MAX, 0, &unit);

	if (!rc)
		rc = patrol_scores_get(&r->ctx, unit, req_query(r, "period"), req_query(r, "date"), &sc);
	if (rc)
		return rc;
	rc = req_reply_workbook(r, write_scores, sc,
				arena_printf(r->arena, "巡逻考评-%s-%s.xlsx",
					     json_string_value(json_object_get(sc, "period")),
					     json_string_value(json_object_get(sc, "start"))),
				"考评文件");
	json_decref(sc);
	return rc;
}
