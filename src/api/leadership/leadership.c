/* leadership.c — /leader-tasks (领导交办), /daily-submissions (逐级上报) and
 * /daily-instructions (阅示), issue 17. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/leadership/leader_tasks.h"
#include "domain/leadership/daily_submissions.h"
#include "domain/leadership/daily_instructions.h"
#include "domain/leadership/analysis.h"
#include "domain/leadership/meetings.h"
#include "core/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <string.h>

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_leader_tasks_list(struct req *r)
{
	int64_t open;
	json_t *out;
	int rc = req_query_int(r, "open", 0, 1, 0, &open);

	if (!rc)
		rc = leader_tasks_list(&r->ctx, (int)open, &out);
	return DONE(rc, 200, out);
}

struct leader_tasks_create_body {
	int64_t station_id, assignee_id, deadline;
	int station_given, assignee_given, deadline_given;
	const char *team, *content, *leader_name;
};

const struct field leader_tasks_create_fields[] = {
	FINT(struct leader_tasks_create_body, station_id, "station_id", 1, 1, INT64_MAX),
	FINTP(struct leader_tasks_create_body, assignee_id, assignee_given, "assignee_id", 1, INT64_MAX),
	FSTR(struct leader_tasks_create_body, team, "team", 0, 64),
	FSTR(struct leader_tasks_create_body, content, "content", 1, 2000),
	FSTR(struct leader_tasks_create_body, leader_name, "leader_name", 1, 32),
	FINT(struct leader_tasks_create_body, deadline, "deadline", 1, 0, INT64_MAX / 2),
	FEND,
};

int api_leader_tasks_create(struct req *r)
{
	struct leader_tasks_create_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, leader_tasks_create_fields, &b, &r->err);

	if (!rc) {
		struct leader_task_input in = { 0 };

		in.station_id = b.station_id;
		in.assignee_id = b.assignee_given ? b.assignee_id : 0;
		in.team = b.team;
		in.content = b.content;
		in.leader_name = b.leader_name;
		in.deadline = b.deadline;
		in.source = "leader";
		rc = leader_tasks_create(&r->ctx, &in, &out);
	}
	return DONE(rc, 201, out);
}

int api_leader_tasks_get(struct req *r)
{
	return req_reply_get(r, leader_tasks_get);
}

struct leader_tasks_action_body {
	const char *text;
};

const struct field leader_tasks_action_fields[] = {
	FSTR(struct leader_tasks_action_body, text, "text", 0, 2000),
	FEND,
};

int api_leader_tasks_action(struct req *r)
{
	struct leader_tasks_action_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc && r->in)
		rc = fields_bind(r->in, leader_tasks_action_fields, &b, &r->err);
	if (!rc)
		rc = leader_tasks_act(&r->ctx, id, r->params[1], b.text, &out);
	return DONE(rc, 200, out);
}

int api_daily_submissions_summary(struct req *r)
{
	json_t *out;
	const char *d = req_query(r, "date");
	int rc = daily_submissions_summary(&r->ctx, d && *d ? d : ctx_today_str(&r->ctx), &out);

	return DONE(rc, 200, out);
}

struct daily_submissions_body {
	const char *date, *note;
};

const struct field daily_submissions_create_fields[] = {
	FSTR(struct daily_submissions_body, date, "date", 1, 10),
	FSTR(struct daily_submissions_body, note, "note", 0, 2000),
	FEND,
};

int api_daily_submissions_create(struct req *r)
{
	struct daily_submissions_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, daily_submissions_create_fields, &b, &r->err);

	if (!rc)
		rc = daily_submissions_submit(&r->ctx, b.date, b.note, &out);
	return DONE(rc, 201, out);
}

struct daily_instructions_body {
	const char *date, *text, *leader_name;
	int64_t deadline;
	int deadline_given;
	json_t *station_ids;
};

const struct field daily_instructions_create_fields[] = {
	FSTR(struct daily_instructions_body, date, "date", 1, 10),
	FSTR(struct daily_instructions_body, text, "text", 1, 2000),
	FSTR(struct daily_instructions_body, leader_name, "leader_name", 1, 32),
	FINT(struct daily_instructions_body, deadline, "deadline", 1, 0, INT64_MAX / 2),
	FJSON(struct daily_instructions_body, station_ids, "station_ids", 0),
	FEND,
};

int api_daily_instructions_create(struct req *r)
{
	struct daily_instructions_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, daily_instructions_create_fields, &b, &r->err);

	if (!rc && b.station_ids && !json_is_array(b.station_ids))
		rc = ps_fail_field(&r->err, PS_EINVAL, "station_ids", "承办单位应为派出所编号列表");
	if (!rc)
		rc = daily_instructions_create(&r->ctx, b.date, b.text, b.leader_name, b.deadline, b.station_ids, &out);
	return DONE(rc, 201, out);
}

/* 研判 (issue 17) */
int api_analysis_morning(struct req *r)
{
	json_t *out;
	int rc = analysis_morning(&r->ctx, req_query(r, "date"), &out);

	return DONE(rc, 200, out);
}

struct analysis_notes_body {
	const char *date, *text;
};

const struct field analysis_notes_create_fields[] = {
	FSTR(struct analysis_notes_body, date, "date", 1, 10),
	FSTR(struct analysis_notes_body, text, "text", 1, 4000),
	FEND,
};

int api_analysis_notes_create(struct req *r)
{
	struct analysis_notes_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, analysis_notes_create_fields, &b, &r->err);

	if (!rc)
		rc = analysis_note_save(&r->ctx, b.date, b.text, &out);
	return DONE(rc, 200, out);
}

int api_analysis_weekly(struct req *r)
{
	json_t *out;
	int rc = analysis_weekly(&r->ctx, req_query(r, "date"), &out);

	return DONE(rc, 200, out);
}

/* The weekly brief as a workbook: one sheet per dimension (类型, 派出所, 地点, 网格). */
struct brief {
	json_t *rep;
	const char *span; /* "from 至 to" */
};

static int write_brief(void *arg, const char *path)
{
	static const struct {
		const char *key, *sheet;
	} dims[] = { { "by_type", "警情类型" }, { "by_station", "派出所" }, { "by_place", "地点" }, { "by_grid", "网格" } };
	const struct brief *br = arg;
	lxw_workbook *wb = workbook_new(path);
	lxw_format *bold;

	if (!wb)
		return PS_EIO;
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	for (size_t d = 0; d < sizeof(dims) / sizeof(dims[0]); d++) {
		lxw_worksheet *ws = workbook_add_worksheet(wb, dims[d].sheet);
		json_t *it;
		size_t i;

		worksheet_write_string(ws, 0, 0, "研判周报", bold);
		worksheet_write_string(ws, 0, 1, br->span, NULL);
		worksheet_write_string(ws, 2, 0, dims[d].sheet, bold);
		worksheet_write_string(ws, 2, 1, "本周", bold);
		worksheet_write_string(ws, 2, 2, "上周", bold);
		worksheet_write_string(ws, 2, 3, "增减", bold);
		json_array_foreach(json_object_get(br->rep, dims[d].key), i, it) {
			json_t *name = json_object_get(it, "name");
			json_int_t n = json_integer_value(json_object_get(it, "count"));
			json_int_t p = json_integer_value(json_object_get(it, "prev"));

			worksheet_write_string(ws, (lxw_row_t)(3 + i), 0, json_is_string(name) ? json_string_value(name) : "",
					       NULL);
			worksheet_write_number(ws, (lxw_row_t)(3 + i), 1, (double)n, NULL);
			worksheet_write_number(ws, (lxw_row_t)(3 + i), 2, (double)p, NULL);
			worksheet_write_number(ws, (lxw_row_t)(3 + i), 3, (double)(n - p), NULL);
		}
		worksheet_set_column(ws, 0, 0, 24, NULL);
	}
	return workbook_close(wb) == LXW_NO_ERROR ? PS_OK : PS_EIO;
}

int api_analysis_weekly_xlsx(struct req *r)
{
	struct brief br;
	int rc = analysis_weekly(&r->ctx, req_query(r, "date"), &br.rep);

	if (rc)
		return rc;
	br.span = arena_printf(r->arena, "%s 至 %s", json_string_value(json_object_get(br.rep, "from")),
			       json_string_value(json_object_get(br.rep, "to")));
	rc = req_reply_workbook(r, write_brief, &br,
				arena_printf(r->arena, "weekly-brief-%s.xlsx",
					     json_string_value(json_object_get(br.rep, "to"))),
				"报表文件");
	json_decref(br.rep);
	return rc;
}

/* 局长调度分析会 (issue 17) */
int api_meetings_list(struct req *r)
{
	json_t *out;
	int rc = meetings_list(&r->ctx, &out);

	return DONE(rc, 200, out);
}

struct meetings_body {
	const char *held_on, *title, *attendees, *period_from, *period_to, *commendations, *criticisms;
	json_t *decisions, *answers, *tasks, *follow_ups;
};

const struct field meetings_create_fields[] = {
	FSTR(struct meetings_body, held_on, "held_on", 1, 10),
	FSTR(struct meetings_body, title, "title", 1, 100),
	FSTR(struct meetings_body, attendees, "attendees", 1, 1000),
	FSTR(struct meetings_body, period_from, "period_from", 1, 10),
	FSTR(struct meetings_body, period_to, "period_to", 1, 10),
	FSTR(struct meetings_body, commendations, "commendations", 0, 2000),
	FSTR(struct meetings_body, criticisms, "criticisms", 0, 2000),
	FJSON(struct meetings_body, decisions, "decisions", 0),
	FJSON(struct meetings_body, answers, "answers", 0),
	FJSON(struct meetings_body, tasks, "tasks", 0),
	FJSON(struct meetings_body, follow_ups, "follow_ups", 0),
	FEND,
};

int api_meetings_create(struct req *r)
{
	struct meetings_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, meetings_create_fields, &b, &r->err);

	if (!rc && ((b.decisions && !json_is_array(b.decisions)) || (b.answers && !json_is_array(b.answers)) ||
		    (b.tasks && !json_is_array(b.tasks)) || (b.follow_ups && !json_is_array(b.follow_ups))))
		rc = ps_fail(&r->err, PS_EINVAL, "INVALID_FIELD", NULL, "决定事项、表态、任务和落实情况应为列表");
	if (!rc)
		rc = meetings_create(&r->ctx, r->in, &out);
	return DONE(rc, 201, out);
}

int api_meetings_get(struct req *r)
{
	return req_reply_get(r, meetings_get);
}

/* The meeting record as a workbook (issue 17, remaining gaps): 会议记录
 * (title, date, attendees, period, answers, commendations, criticisms,
 * decisions, tasks, the earlier meeting's follow-up) and 各所数据 (each
 * station against its own previous period, as frozen at the meeting). */
static void cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, json_t *v)
{
	if (json_is_integer(v))
		worksheet_write_number(ws, row, col, (double)json_integer_value(v), NULL);
	else if (json_is_string(v))
		worksheet_write_string(ws, row, col, json_string_value(v), NULL);
}

static const char *text_of(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) && *json_string_value(v) ? json_string_value(v) : "无";
}

struct meeting_book {
	json_t *m;
	struct arena *arena;
};

static int write_meeting(void *arg, const char *path)
{
	static const struct {
		const char *key, *label;
	} cols[] = { { "rank", "排名" },
		     { "station_name", "单位" },
		     { "score", "得分" },
		     { "prev_score", "上期得分" },
		     { "solved", "破案数" },
		     { "prev_solved", "上期破案数" },
		     { "persons_dealt", "打击处理人数" },
		     { "prev_persons_dealt", "上期打击处理人数" },
		     { "preventable", "可防性案件" },
		     { "prev_preventable", "上期可防性案件" },
		     { "tasks_overdue", "交办超期" } };
	const struct meeting_book *bk = arg;
	json_t *m = bk->m, *it, *prev = json_object_get(m, "previous");
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws, *st;
	lxw_format *bold;
	lxw_row_t row = 0;
	size_t i;

	if (!wb)
		return PS_EIO;
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	ws = workbook_add_worksheet(wb, "会议记录");
	worksheet_set_column(ws, 0, 0, 18, NULL);
	worksheet_set_column(ws, 1, 1, 80, NULL);
	worksheet_write_string(ws, row, 0, "局长调度分析会", bold);
	worksheet_write_string(ws, row++, 1, text_of(m, "title"), bold);
	worksheet_write_string(ws, row, 0, "会议日期", bold);
	worksheet_write_string(ws, row++, 1, text_of(m, "held_on"), NULL);
	worksheet_write_string(ws, row, 0, "参会人员", bold);
	worksheet_write_string(ws, row++, 1, text_of(m, "attendees"), NULL);
	worksheet_write_string(ws, row, 0, "分析区间", bold);
	worksheet_write_string(ws, row++, 1,
			       arena_printf(bk->arena, "%s 至 %s", text_of(m, "period_from"), text_of(m, "period_to")), NULL);
	if (json_is_object(prev)) {
		row++;
		worksheet_write_string(ws, row, 0, "上次会议", bold);
		worksheet_write_string(ws, row++, 1, text_of(prev, "held_on"), NULL);
		json_array_foreach(json_object_get(prev, "decisions"), i, it) {
			worksheet_write_string(ws, row, 0, "决定事项落实", bold);
			worksheet_write_string(ws, row++, 1,
					       arena_printf(bk->arena, "%s —— %s", text_of(it, "text"),
								   json_is_string(json_object_get(it, "follow_up")) ?
									   json_string_value(json_object_get(it, "follow_up")) :
									   "尚未报告"),
					       NULL);
		}
		json_array_foreach(json_object_get(prev, "tasks"), i, it) {
			worksheet_write_string(ws, row, 0, "交办任务办理", bold);
			worksheet_write_string(ws, row++, 1,
					       arena_printf(bk->arena, "%s —— %s", text_of(it, "content"),
								   !strcmp(text_of(it, "status"), "done") ? "已办结" :
								   json_is_true(json_object_get(it, "overdue")) ? "超期未办结" :
														 "办理中"),
					       NULL);
		}
	}
	row++;
	json_array_foreach(json_object_get(m, "answers"), i, it) {
		worksheet_write_string(ws, row, 0, "所长表态", bold);
		worksheet_write_string(ws, row++, 1,
				       arena_printf(bk->arena, "%s：%s", text_of(it, "station_name"), text_of(it, "answer")), NULL);
	}
	worksheet_write_string(ws, row, 0, "表扬", bold);
	worksheet_write_string(ws, row++, 1, text_of(m, "commendations"), NULL);
	worksheet_write_string(ws, row, 0, "批评", bold);
	worksheet_write_string(ws, row++, 1, text_of(m, "criticisms"), NULL);
	json_array_foreach(json_object_get(m, "decisions"), i, it) {
		worksheet_write_string(ws, row, 0, "决定事项", bold);
		worksheet_write_string(ws, row++, 1, text_of(it, "text"), NULL);
	}
	json_array_foreach(json_object_get(m, "tasks"), i, it) {
		worksheet_write_string(ws, row, 0, "交办任务", bold);
		worksheet_write_string(ws, row++, 1,
				       arena_printf(bk->arena, "%s：%s", text_of(it, "station_name"), text_of(it, "content")), NULL);
	}
	st = workbook_add_worksheet(wb, "各所数据");
	for (size_t c = 0; c < sizeof(cols) / sizeof(cols[0]); c++)
		worksheet_write_string(st, 0, (lxw_col_t)c, cols[c].label, bold);
	json_array_foreach(json_object_get(json_object_get(m, "snapshot"), "stations"), i, it)
		for (size_t c = 0; c < sizeof(cols) / sizeof(cols[0]); c++)
			cell(st, (lxw_row_t)(1 + i), (lxw_col_t)c, json_object_get(it, cols[c].key));
	worksheet_set_column(st, 1, 1, 14, NULL);
	return workbook_close(wb) == LXW_NO_ERROR ? PS_OK : PS_EIO;
}

int api_meetings_xlsx(struct req *r)
{
	int64_t id;
	json_t *out = NULL;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = meetings_get(&r->ctx, id, &out);
	if (rc)
		return rc;
	{
		struct meeting_book bk = { json_object_get(out, "meeting"), r->arena };

		rc = req_reply_workbook(r, write_meeting, &bk, arena_printf(r->arena, "meeting-%lld.xlsx", (long long)id),
					"会议记录文件");
	}
	json_decref(out);
	return rc;
}
