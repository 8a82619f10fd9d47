/* incidents.c — /incidents, /incident-categories, /oversight, /reports. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/incidents/incidents.h"
#include "domain/incidents/incident_steps.h"
#include "domain/incidents/incident_categories.h"
#include "domain/incidents/oversight.h"
#include "domain/incidents/reports.h"
#include "rules/date.h"
#include "core/json.h"
#include "core/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

int api_incident_categories(struct req *r)
{
	json_t *out;
	int rc = incident_categories_list(&r->ctx, &out);

	return rc ? rc : req_reply(r, 200, out);
}

int api_incidents_list(struct req *r)
{
	struct incident_filter f = { 0 };
	struct jw w;
	int64_t active;
	int rc;

	f.status = req_query(r, "status");
	f.category = req_query(r, "category");
	f.q = req_query(r, "q");
	rc = req_query_int(r, "station_id", 0, INT64_MAX, 0, &f.station_id);
	if (!rc) rc = req_query_int(r, "from", 0, INT64_MAX / 2, 0, &f.from);
	if (!rc) rc = req_query_int(r, "to", 0, INT64_MAX / 2, 0, &f.to);
	if (!rc) rc = req_query_int(r, "active", 0, 1, 0, &active);
	if (!rc) rc = req_query_int(r, "page", 1, 1000000, 1, &f.page);
	if (!rc) rc = req_query_int(r, "per_page", 1, 200, 20, &f.per_page);
	f.active = (int)active;
	r->no_store = 1;
	if (rc)
		return rc;
	req_answer_open(&w);
	return req_answer_close(r, incidents_list(&r->ctx, &f, &w), 200, &w);
}

struct incidents_create_body {
	int64_t received_at;
	int received_at_given;
	const char *source;
	const char *caller_name;
	const char *caller_phone;
	int confidential;
	int confidential_given;
	const char *place;
	const char *community;
	json_t *lat;
	json_t *lng;
	const char *category;
	int64_t priority;
	int priority_given;
	const char *summary;
	int64_t station_id;
	int station_id_given;
	int64_t duplicate_of;
	int duplicate_of_given;
	int not_duplicate;
	int not_duplicate_given;
};

const struct field incidents_create_fields[] = {
	FINTP(struct incidents_create_body, received_at, received_at_given, "received_at", 0, INT64_MAX / 2),
	FENUM(struct incidents_create_body, source, "source", 1, 16, INCIDENT_SOURCE),
	FSTR(struct incidents_create_body, caller_name, "caller_name", 0, 32),
	FSTR(struct incidents_create_body, caller_phone, "caller_phone", 0, 20),
	FBOOLP(struct incidents_create_body, confidential, confidential_given, "confidential"),
	FSTR(struct incidents_create_body, place, "place", 1, 200),
	FSTR(struct incidents_create_body, community, "community", 0, 64),
	FJSON(struct incidents_create_body, lat, "lat", 0),
	FJSON(struct incidents_create_body, lng, "lng", 0),
	FSTR(struct incidents_create_body, category, "category", 1, 8),
	FINTP(struct incidents_create_body, priority, priority_given, "priority", 1, 3),
	FSTR(struct incidents_create_body, summary, "summary", 1, 2000),
	FINTP(struct incidents_create_body, station_id, station_id_given, "station_id", 1, INT64_MAX),
	FINTP(struct incidents_create_body, duplicate_of, duplicate_of_given, "duplicate_of", 1, INT64_MAX),
	FBOOLP(struct incidents_create_body, not_duplicate, not_duplicate_given, "not_duplicate"),
	FEND,
};

int api_incidents_create(struct req *r)
{
	struct incidents_create_body body_in = { 0 };
	struct incident_input in;
	int64_t prio = 0, id;
	json_t *dups, *lat, *lng;
	struct jw w;
	int rc, mine;

	memset(&in, 0, sizeof(in));
	rc = fields_bind(r->in, incidents_create_fields, &body_in, &r->err);
	if (rc && r->err.field && incidents_field_rule("create", r->err.field))
		r->err.rule = incidents_field_rule("create", r->err.field);
	if (!rc) {
		if (body_in.received_at_given)
			in.received_at = body_in.received_at;
		in.has_received = body_in.received_at_given;
		in.source = body_in.source;
		in.caller_name = body_in.caller_name;
		in.caller_phone = body_in.caller_phone;
		if (body_in.confidential_given)
			in.confidential = body_in.confidential;
		in.place = body_in.place;
		in.community = body_in.community;
		in.category = body_in.category;
		if (body_in.priority_given)
			prio = body_in.priority;
		in.summary = body_in.summary;
		if (body_in.station_id_given)
			in.station_id = body_in.station_id;
		if (body_in.duplicate_of_given)
			in.duplicate_of = body_in.duplicate_of;
		if (body_in.not_duplicate_given)
			in.not_duplicate = body_in.not_duplicate;
	}
	if (rc)
		return rc;
	in.priority = (int)prio;
	lat = json_object_get(r->in, "lat");
	lng = json_object_get(r->in, "lng");
	if ((lat && !json_is_null(lat)) || (lng && !json_is_null(lng))) {
		if (!json_is_number(lat) || !json_is_number(lng))
			return ps_fail_field(&r->err, PS_EINVAL, "lat", "坐标应为数字（lat、lng 同时给出）");
		in.lat = json_number_value(lat);
		in.lng = json_number_value(lng);
		in.has_coords = 1;
	}
	rc = incidents_create(&r->ctx, &in, &dups, &id);
	if (rc)
		return rc;
	if (!dups) {
		req_answer_open(&w);
		return req_answer_close(r, incidents_write(&r->ctx, id, &w), 201, &w);
	}
	/* nothing was written: the desk decides 同一警情 or a new one; an
	 * incident of a unit the caller may not read is named only by that
	 * unit (duplicate_elsewhere), never by its content */
	mine = json_array_size(json_object_get(dups, "duplicate_candidates")) > 0;
	json_object_set_new(dups, "error",
			    json_pack("{s:s, s:s, s:s}", "code", "DUPLICATE_SUSPECTED", "message",
				      mine ? "同一地点近期已有报警，请确认是否为同一警情（关联）或新警情"
					   : "其他单位近期在同一地点已有报警，可能为同一警情，请联系该单位核实；"
					     "确认不是同一警情后可作为新警情登记",
				      "request_id", r->request_id));
	return req_reply(r, 409, dups);
}

int api_incidents_get(struct req *r)
{
	struct jw w;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	r->no_store = 1;
	if (rc)
		return rc;
	req_answer_open(&w);
	return req_answer_close(r, incidents_write(&r->ctx, id, &w), 200, &w);
}

struct incidents_dispatch_body {
	int64_t station_id;
	int station_id_given;
	json_t *officer_ids;
};

const struct field incidents_dispatch_fields[] = {
	FINTP(struct incidents_dispatch_body, station_id, station_id_given, "station_id", 1, INT64_MAX),
	FJSON(struct incidents_dispatch_body, officer_ids, "officer_ids", 0),
	FEND,
};

int api_incidents_dispatch(struct req *r)
{
	struct incidents_dispatch_body body_in = { 0 };
	int64_t id, station = 0, officers[16];
	struct jw w;
	json_t *arr, *v;
	size_t i;
	int n = 0, rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, incidents_dispatch_fields, &body_in, &r->err);
	if (!rc) {
		if (body_in.station_id_given)
			station = body_in.station_id;
	}
	if (rc)
		return rc;
	arr = json_object_get(r->in, "officer_ids");
	if (arr && !json_is_null(arr)) {
		if (!json_is_array(arr) || json_array_size(arr) > 16)
			return ps_fail_field(&r->err, PS_EINVAL, "officer_ids", "出警人员应为编号列表（最多16人）");
		json_array_foreach(arr, i, v) {
			if (!json_is_integer(v) || json_integer_value(v) <= 0)
				return ps_fail_field(&r->err, PS_EINVAL, "officer_ids", "出警人员编号应为正整数");
			officers[n++] = json_integer_value(v);
		}
	}
	req_answer_open(&w);
	return req_answer_close(r, incident_steps_dispatch(&r->ctx, id, station, officers, n, &w), 200, &w);
}

int api_incidents_step(struct req *r)
{
	struct jw w;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (rc)
		return rc;
	req_answer_open(&w);
	return req_answer_close(r, incident_steps_record(&r->ctx, id, r->params[1], &w), 200, &w);
}

struct incidents_feedback_body {
	const char *outcome;
	const char *text;
	const char *title;
	const char *offence_code;
	const char *act_date;
	int64_t co_officer_id;
	int co_officer_id_given;
	const char *econ_reason;
	const char *jurisdiction_basis;
	const char *jurisdiction_reason;
};

const struct field incidents_feedback_fields[] = {
	FENUM(struct incidents_feedback_body, outcome, "outcome", 1, 16, INCIDENT_OUTCOME),
	FSTR(struct incidents_feedback_body, text, "text", 1, 2000),
	FSTR(struct incidents_feedback_body, title, "title", 0, 100),
	FSTR(struct incidents_feedback_body, offence_code, "offence_code", 0, 16),
	FSTR(struct incidents_feedback_body, act_date, "act_date", 0, 10),
	FINTP(struct incidents_feedback_body, co_officer_id, co_officer_id_given, "co_officer_id", 1, INT64_MAX),
	FSTR(struct incidents_feedback_body, econ_reason, "econ_reason", 0, 1000),
	FENUM(struct incidents_feedback_body, jurisdiction_basis, "jurisdiction_basis", 0, 16, JURISDICTION_BASIS),
	FSTR(struct incidents_feedback_body, jurisdiction_reason, "jurisdiction_reason", 0, 1000),
	FEND,
};

int api_incidents_feedback(struct req *r)
{
	struct incidents_feedback_body body_in = { 0 };
	struct incident_feedback fb;
	struct jw w;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	memset(&fb, 0, sizeof(fb));
	if (!rc) rc = fields_bind(r->in, incidents_feedback_fields, &body_in, &r->err);
	if (rc && r->err.field && incidents_field_rule("feedback", r->err.field))
		r->err.rule = incidents_field_rule("feedback", r->err.field);
	if (!rc) {
		fb.outcome = body_in.outcome;
		fb.text = body_in.text;
		fb.title = body_in.title;
		fb.offence_code = body_in.offence_code;
		fb.act_date = body_in.act_date;
		if (body_in.co_officer_id_given)
			fb.co_officer_id = body_in.co_officer_id;
		fb.econ_reason = body_in.econ_reason;
		fb.jurisdiction_basis = body_in.jurisdiction_basis;
		fb.jurisdiction_reason = body_in.jurisdiction_reason;
	}
	if (rc)
		return rc;
	req_answer_open(&w);
	return req_answer_close(r, incident_steps_feedback(&r->ctx, id, &fb, &w), 200, &w);
}

struct incidents_callback_body {
	const char *result;
};

const struct field incidents_callback_fields[] = {
	FSTR(struct incidents_callback_body, result, "result", 1, 500),
	FEND,
};

int api_incidents_callback(struct req *r)
{
	struct incidents_callback_body body_in = { 0 };
	const char *result = NULL;
	struct jw w;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, incidents_callback_fields, &body_in, &r->err);
	if (!rc) {
		result = body_in.result;
	}
	if (rc)
		return rc;
	req_answer_open(&w);
	return req_answer_close(r, incident_steps_callback(&r->ctx, id, result, &w), 200, &w);
}

int api_incidents_board(struct req *r)
{
	json_t *out;
	int rc = incidents_board(&r->ctx, &out);

	r->no_store = 1;
	return rc ? rc : req_reply(r, 200, out);
}

int api_oversight_list(struct req *r)
{
	int64_t open;
	json_t *out;
	int rc = req_query_int(r, "open", 0, 1, 0, &open);

	if (!rc) rc = oversight_list(&r->ctx, (int)open, &out);
	return rc ? rc : req_reply(r, 200, out);
}

struct oversight_create_body {
	const char *object_type;
	int64_t object_id;
	int object_id_given;
	const char *instructions;
	int64_t deadline;
	int deadline_given;
};

const struct field oversight_create_fields[] = {
	FENUM(struct oversight_create_body, object_type, "object_type", 1, 16, OVERSIGHT_OBJECT),
	FINT(struct oversight_create_body, object_id, "object_id", 1, 1, INT64_MAX),
	FSTR(struct oversight_create_body, instructions, "instructions", 1, 2000),
	FINT(struct oversight_create_body, deadline, "deadline", 1, 0, INT64_MAX / 2),
	FEND,
};

int api_oversight_create(struct req *r)
{
	struct oversight_create_body body_in = { 0 };
	const char *type = NULL, *instr = NULL;
	int64_t oid = 0, deadline = 0;
	json_t *out;
	int rc = fields_bind(r->in, oversight_create_fields, &body_in, &r->err);
	if (!rc) {
		type = body_in.object_type;
		oid = body_in.object_id;
		instr = body_in.instructions;
		deadline = body_in.deadline;
	}

	if (!rc) rc = oversight_create(&r->ctx, type, oid, instr, deadline, &out);
	return rc ? rc : req_reply(r, 201, out);
}

struct oversight_action_body {
	const char *answer;
	int accept;
	const char *note;
};

const struct field oversight_action_fields[] = {
	FSTR(struct oversight_action_body, answer, "answer", 0, 2000),
	FBOOL(struct oversight_action_body, accept, "accept", 0),
	FSTR(struct oversight_action_body, note, "note", 0, 1000),
	FEND,
};

int api_oversight_action(struct req *r)
{
	struct oversight_action_body b = { 0 };
	const char *answer;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc && r->in)
		rc = fields_bind(r->in, oversight_action_fields, &b, &r->err);
	answer = b.answer;
	if (rc)
		return rc;
	if (!strcmp(r->params[1], "sign"))
		rc = oversight_sign(&r->ctx, id, &out);
	else if (!strcmp(r->params[1], "answer"))
		rc = oversight_answer(&r->ctx, id, answer, &out);
	else if (!strcmp(r->params[1], "review"))
		rc = oversight_review(&r->ctx, id, b.accept, b.note, &out);
	else
		rc = ps_fail(&r->err, PS_ENOTFOUND, "NO_ROUTE", NULL, "未知的督办操作");
	return rc ? rc : req_reply(r, 200, out);
}

static int report_date(struct req *r, int *y, int *m, int *d)
{
	const char *s = req_query(r, "date");

	if (!s || !*s) {
		date_civil_from_days(date_local_days(r->ctx.now), y, m, d);
		return PS_OK;
	}
	if (date_parse(s, strlen(s), y, m, d))
		return ps_fail_field(&r->err, PS_EINVAL, "date", "日期应为 YYYY-MM-DD");
	return PS_OK;
}

/* ?date=YYYY-MM-DD (default today), or ?month=YYYY-MM, or ?year=YYYY */
static int report_get(struct req *r, json_t **out)
{
	const char *mo = req_query(r, "month"), *yr = req_query(r, "year");
	int y, m, d, rc;

	if (mo && *mo) {
		if (strlen(mo) != 7 || date_parse(arena_printf(r->ctx.arena, "%s-01", mo), 10, &y, &m, &d))
			return ps_fail_field(&r->err, PS_EINVAL, "month", "月份应为 YYYY-MM");
		return reports_period(&r->ctx, y, m, out);
	}
	if (yr && *yr) {
		if (strlen(yr) != 4 || date_parse(arena_printf(r->ctx.arena, "%s-01-01", yr), 10, &y, &m, &d))
			return ps_fail_field(&r->err, PS_EINVAL, "year", "年份应为 YYYY");
		return reports_period(&r->ctx, y, 0, out);
	}
	rc = report_date(r, &y, &m, &d);
	return rc ? rc : reports_daily(&r->ctx, y, m, d, out);
}

int api_reports_daily(struct req *r)
{
	json_t *out;
	int rc = report_get(r, &out);

	return rc ? rc : req_reply(r, 200, out);
}

/* The daily report as a workbook: one sheet, a title row, the ranked table;
 * a corrected station's row says 更正 with the current figures beside. */
static int daily_xlsx(json_t *rep, const char *path)
{
	static const struct {
		const char *key, *title;
	} cols[] = {
		{ "rank", "排名" }, { "station_name", "单位" }, { "score", "得分" },
		{ "solved", "破案数" }, { "persons_dealt", "打击处理人数" }, { "safe_pct", "安全小区%" },
		{ "preventable", "可防性案件" }, { "preventable_last_week", "上周同日" },
		{ "preventable_last_year", "去年同日" }, { "callback_pct", "回告率%" },
		{ "missed_callbacks", "未回告" }, { "overdue_oversight", "督办超期" },
		{ "open_breaches", "未处理超期记录" }, { "tasks_done", "交办办结" },
		{ "tasks_overdue", "交办超期" }, { "incidents", "接报警情（不计分）" },
		{ "corrected_score", "更正后得分" },
	};
	const size_t ncols = sizeof(cols) / sizeof(cols[0]);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	lxw_format *bold;
	json_t *row;
	size_t i;

	if (!wb)
		return PS_EIO;
	ws = workbook_add_worksheet(wb, "警务动态日报");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	worksheet_write_string(ws, 0, 0, "警务动态日报", bold);
	worksheet_write_string(ws, 0, 1, json_string_value(json_object_get(rep, "date")), NULL);
	for (size_t k = 0; k < ncols; k++)
		worksheet_write_string(ws, 2, (lxw_col_t)k, cols[k].title, bold);
	worksheet_write_string(ws, 2, (lxw_col_t)ncols, "更正", bold);
	json_array_foreach(json_object_get(rep, "rows"), i, row) {
		for (size_t k = 0; k < ncols; k++) {
			json_t *v = json_object_get(row, cols[k].key);

			if (json_is_string(v))
				worksheet_write_string(ws, (lxw_row_t)(3 + i), (lxw_col_t)k, json_string_value(v), NULL);
			else if (json_is_integer(v))
				worksheet_write_number(ws, (lxw_row_t)(3 + i), (lxw_col_t)k,
						       (double)json_integer_value(v), NULL);
		}
		if (json_object_get(row, "corrections"))
			worksheet_write_string(ws, (lxw_row_t)(3 + i), (lxw_col_t)ncols, "更正", NULL);
	}
	worksheet_set_column(ws, 1, 1, 16, NULL);
	return workbook_close(wb) == LXW_NO_ERROR ? PS_OK : PS_EIO;
}

static int write_daily(void *rep, const char *path)
{
	return daily_xlsx(rep, path);
}

int api_reports_daily_xlsx(struct req *r)
{
	json_t *rep;
	int rc = report_get(r, &rep);

	if (rc)
		return rc;
	rc = req_reply_workbook(r, write_daily, rep,
				arena_printf(r->arena, "daily-report-%s.xlsx",
					     json_string_value(json_object_get(rep, "date"))),
				"报表文件");
	json_decref(rep);
	return rc;
}

int api_reports_stats(struct req *r)
{
	int64_t from, to, station;
	json_t *out;
	int rc = req_query_int(r, "from", 1, INT64_MAX / 2, r->ctx.now - 28 * 86400, &from);

	if (!rc) rc = req_query_int(r, "to", 1, INT64_MAX / 2, r->ctx.now + 1, &to);
	if (!rc) rc = req_query_int(r, "station_id", 0, INT64_MAX, 0, &station);
	if (!rc) rc = reports_stats(&r->ctx, from, to, station, &out);
	return rc ? rc : req_reply(r, 200, out);
}
