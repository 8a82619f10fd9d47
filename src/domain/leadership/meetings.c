/* meetings.c — 局长调度分析会 (see meetings.h). */
#include "domain/leadership/meetings.h"
#include "domain/leadership/analysis.h"
#include "domain/leadership/leader_tasks.h"
#include "domain/incidents/reports.h"
#include "domain/authz.h"
#include "domain/org.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "core/json.h"
#include "rules/date.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

static int day_of(struct ctx *c, const char *s, const char *field, int64_t *day)
{
	int y, m, d;

	if (!s || strlen(s) != 10 || date_parse(s, 10, &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, field, "日期应为 YYYY-MM-DD");
	*day = date_days_from_civil(y, m, d);
	return PS_OK;
}

static const char *str(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* The snapshot: this period's ranking, the previous period's, each
 * station's figures against its own previous period, the weekly 研判. */
static int snapshot(struct ctx *c, int64_t from, int64_t to, const char *to_s, json_t **out)
{
	json_t *cur = NULL, *prev = NULL, *week = NULL, *vs, *row, *p;
	size_t i, j;
	int rc = reports_range(c, from, to + 1, &cur);

	if (!rc)
		rc = reports_range(c, from - (to + 1 - from), from, &prev);
	if (!rc)
		rc = analysis_weekly(c, to_s, &week);
	if (rc) {
		json_decref(cur);
		json_decref(prev);
		return rc;
	}
	vs = json_array();
	json_array_foreach(json_object_get(cur, "rows"), i, row) {
		json_t *o = json_pack("{s:I, s:s, s:I, s:I, s:I, s:I, s:I, s:I}", "station_id",
				      (json_int_t)row_int(row, "station_id"), "station_name", row_str(row, "station_name"),
				      "rank", (json_int_t)row_int(row, "rank"), "score", (json_int_t)row_int(row, "score"),
				      "solved", (json_int_t)row_int(row, "solved"), "persons_dealt",
				      (json_int_t)row_int(row, "persons_dealt"), "preventable",
				      (json_int_t)row_int(row, "preventable"), "tasks_overdue",
				      (json_int_t)row_int(row, "tasks_overdue"));

		json_array_foreach(json_object_get(prev, "rows"), j, p)
			if (o && row_int(p, "station_id") == row_int(row, "station_id")) {
				json_object_set_new(o, "prev_rank", json_integer(row_int(p, "rank")));
				json_object_set_new(o, "prev_score", json_integer(row_int(p, "score")));
				json_object_set_new(o, "prev_solved", json_integer(row_int(p, "solved")));
				json_object_set_new(o, "prev_persons_dealt", json_integer(row_int(p, "persons_dealt")));
				json_object_set_new(o, "prev_preventable", json_integer(row_int(p, "preventable")));
			}
		if (o)
			json_array_append_new(vs, o);
	}
	*out = json_pack("{s:o, s:o, s:o, s:o}", "ranking", cur, "previous_ranking", prev, "stations", vs, "weekly", week);
	return *out ? PS_OK : NOMEM(c);
}

static int64_t station_in_scope(struct ctx *c, json_t *v)
{
	struct rows_query q;
	int64_t n = 0;

	if (!json_is_integer(v))
		return 0;
	rows_binds(&q, c);
	rows_bind_int(&q, json_integer_value(v));
	rows_bind_text(&q, ctx_scope_like(c));
	if (rows_int(&q, "SELECT COUNT(*) FROM org_unit WHERE id = ? AND kind = 'station' AND path LIKE ?", 0, &n))
		return 0;
	return n ? json_integer_value(v) : 0;
}

int meetings_create(struct ctx *c, json_t *in, json_t **out)
{
	struct rows_query q;
	int64_t from, to, id;
	const char *held, *title, *att;
	json_t *snap = NULL, *it;
	char *text;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_MEETING_CREATE);
	if (rc)
		return rc;
	if (c->who.station_id)
		return ctx_deny(c, "meeting.create", "meeting", NULL, "调度分析会由局领导召开");
	held = str(in, "held_on");
	title = str(in, "title");
	att = str(in, "attendees");
	rc = day_of(c, held, "held_on", &id);
	if (!rc)
		rc = day_of(c, str(in, "period_from"), "period_from", &from);
	if (!rc)
		rc = day_of(c, str(in, "period_to"), "period_to", &to);
	if (rc)
		return rc;
	if (to < from || to - from > 92)
		return ps_fail_field(c->err, PS_EINVAL, "period_to", "分析区间应为1天到93天");
	if (!title || !*title)
		return ps_fail_field(c->err, PS_EINVAL, "title", "请填写会议名称");
	if (!att || !*att)
		return ps_fail_field(c->err, PS_EINVAL, "attendees", "请填写参会人员");
	rc = snapshot(c, from, to, str(in, "period_to"), &snap);
	if (rc)
		return rc;
	text = json_render(snap, JSON_COMPACT);
	json_decref(snap);
	if (!text)
		return NOMEM(c);
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.unit_id);
	rows_bind_text(&q, held);
	rows_bind_text(&q, title);
	rows_bind_text(&q, att);
	rows_bind_text(&q, str(in, "period_from"));
	rows_bind_text(&q, str(in, "period_to"));
	rows_bind_text(&q, text);
	rows_bind_text(&q, str(in, "commendations"));
	rows_bind_text(&q, str(in, "criticisms"));
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO meeting (bureau_id, held_on, title, attendees, period_from, period_to, snapshot,"
			 " commendations, criticisms, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	json_mem_free(text);
	json_array_foreach(json_object_get(in, "decisions"), i, it) {
		if (rc)
			break;
		if (!json_is_string(it) || !*json_string_value(it))
			return ps_fail_field(c->err, PS_EINVAL, "decisions", "决定事项应为文字");
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_text(&q, json_string_value(it));
		rc = rows_exec(&q, "INSERT INTO meeting_decision (meeting_id, text) VALUES (?,?)", NULL);
	}
	json_array_foreach(json_object_get(in, "answers"), i, it) {
		int64_t st = station_in_scope(c, json_object_get(it, "station_id"));

		if (rc)
			break;
		if (!st || !str(it, "chief_name") || !str(it, "answer"))
			return ps_fail_field(c->err, PS_EINVAL, "answers", "所长表态应写明派出所、所长和内容");
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_int(&q, st);
		rows_bind_text(&q, str(it, "chief_name"));
		rows_bind_text(&q, str(it, "answer"));
		rc = rows_exec(&q,
			       "INSERT INTO meeting_answer (meeting_id, station_id, chief_name, answer) VALUES (?,?,?,?)"
			       " ON CONFLICT (meeting_id, station_id) DO UPDATE SET answer = excluded.answer",
			       NULL);
	}
	json_array_foreach(json_object_get(in, "tasks"), i, it) {
		struct leader_task_input t = { 0 };
		int64_t tid;

		if (rc)
			break;
		t.station_id = station_in_scope(c, json_object_get(it, "station_id"));
		t.content = str(it, "content");
		t.deadline = json_integer_value(json_object_get(it, "deadline"));
		if (!t.station_id || !t.content || !*t.content || !ctx_deadline_ok(c, t.deadline))
			return ps_fail_field(c->err, PS_EINVAL, "tasks", "交办任务应写明派出所、内容和晚于现在、一年以内的期限");
		t.leader_name = c->who.name;
		t.source = "meeting";
		t.source_id = id;
		rc = leader_tasks_insert(c, &t, &tid);
	}
	json_array_foreach(json_object_get(in, "follow_ups"), i, it) {
		int64_t n = 0;

		if (rc)
			break;
		if (!json_is_integer(json_object_get(it, "decision_id")) || !str(it, "text"))
			return ps_fail_field(c->err, PS_EINVAL, "follow_ups", "落实情况应写明决定事项和内容");
		rows_binds(&q, c);
		rows_bind_text(&q, str(it, "text"));
		rows_bind_int(&q, id);
		rows_bind_int(&q, json_integer_value(json_object_get(it, "decision_id")));
		rows_bind_int(&q, c->who.unit_id);
		rows_bind_int(&q, id);
		rc = rows_exec(&q,
			       "UPDATE meeting_decision SET follow_up = ?, followed_in = ? WHERE id = ? AND meeting_id IN"
			       " (SELECT id FROM meeting WHERE bureau_id = ? AND id < ?)",
			       &n);
		if (!rc && !n)
			return ps_fail_field(c->err, PS_EINVAL, "follow_ups", "落实情况应针对以前会议的决定事项");
	}
	if (!rc)
		rc = audit_write(c, "meeting.create", "meeting", arena_printf(c->arena, "%lld", (long long)id), "success",
				 title);
	return rc ? rc : meetings_get(c, id, out);
}

int meetings_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_MEETING_LIST);
	if (rc)
		return rc;
	{
		/* the meetings of bureaus in the scope, and of the bureau above a station */
		struct org_chain ch;
		const char *in = "0";

		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		if (c->who.unit_path && !org_parse(c->who.unit_path, &ch))
			for (int k = 0; k < ch.n; k++) {
				rows_bind_int(&q, ch.id[k]);
				in = arena_printf(c->arena, "%s,?", in);
			}
		rc = rows_all(&q,
			      arena_printf(c->arena,
					   "SELECT m.id, m.held_on, m.title, m.period_from, m.period_to FROM meeting m"
					   " JOIN org_unit b ON b.id = m.bureau_id WHERE b.path LIKE ? OR m.bureau_id IN (%s)"
					   " ORDER BY m.held_on DESC, m.id DESC LIMIT 200",
					   in),
			      &items);
	}
	if (!rc)
		rc = audit_read_items(c, "meeting.list", "meeting", items, "id");
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : NOMEM(c);
}

static int parts(struct ctx *c, int64_t id, json_t *m)
{
	struct rows_query q;
	json_t *a = NULL, *d = NULL, *t = NULL;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q,
		      "SELECT a.station_id, o.name AS station_name, a.chief_name, a.answer FROM meeting_answer a"
		      " JOIN org_unit o ON o.id = a.station_id WHERE a.meeting_id = ? ORDER BY o.code",
		      &a);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_all(&q,
			      "SELECT d.id, d.text, d.follow_up, f.held_on AS followed_on FROM meeting_decision d"
			      " LEFT JOIN meeting f ON f.id = d.followed_in WHERE d.meeting_id = ? ORDER BY d.id",
			      &d);
	}
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, id);
		rc = rows_all(&q,
			      "SELECT t.id, t.station_id, o.name AS station_name, t.content, t.deadline, t.status, t.result,"
			      " t.done_at, CASE WHEN t.status <> 'done' AND t.deadline < ? THEN 1 ELSE 0 END AS overdue"
			      " FROM leader_task t JOIN org_unit o ON o.id = t.station_id WHERE t.source = 'meeting'"
			      " AND t.source_id = ? ORDER BY t.id",
			      &t);
	}
	if (rc) {
		json_decref(a);
		json_decref(d);
		json_decref(t);
		return rc;
	}
	json_object_set_new(m, "answers", a);
	json_object_set_new(m, "decisions", d);
	json_object_set_new(m, "tasks", t);
	return PS_OK;
}

int meetings_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *m, *snap = NULL, *prev = NULL;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_MEETING_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT m.id, m.bureau_id, b.path AS bureau_path, m.held_on, m.title, m.attendees, m.period_from,"
		      " m.period_to, m.snapshot, m.commendations, m.criticisms, m.created_at FROM meeting m"
		      " JOIN org_unit b ON b.id = m.bureau_id WHERE m.id = ?",
		      &m);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, rc, "NOT_FOUND", NULL, "会议记录不存在");
	if (rc)
		return rc;
	/* the bureau's meeting: its staff and its stations read it */
	if (!org_is_within(c->who.unit_path, row_str(m, "bureau_path"))) {
		json_decref(m);
		return ctx_deny(c, "meeting.read", "meeting", arena_printf(c->arena, "%lld", (long long)id),
				"不能查看其他单位的会议记录");
	}
	json_object_del(m, "bureau_path");
	rc = json_parse_stored(row_str(m, "snapshot"), &snap, c->err);
	if (!rc) {
		json_object_set_new(m, "snapshot", snap ? snap : json_null());
		rc = parts(c, id, m);
	}
	/* the previous meeting's decisions and tasks, shown first */
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, row_int(m, "bureau_id"));
		rows_bind_int(&q, id);
		rc = rows_one(&q, "SELECT id, held_on, title FROM meeting WHERE bureau_id = ? AND id < ? ORDER BY id DESC LIMIT 1",
			      &prev);
		if (rc == PS_ENOTFOUND) {
			rc = PS_OK;
			json_object_set_new(m, "previous", json_null());
		} else if (!rc) {
			rc = parts(c, row_int(prev, "id"), prev);
			json_object_set_new(m, "previous", prev);
		}
	}
	if (!rc)
		rc = audit_read_action(c, "meeting.read", "meeting", arena_printf(c->arena, "%lld", (long long)id),
				       NULL);
	if (rc) {
		json_decref(m);
		return rc;
	}
	*out = json_pack("{s:o}", "meeting", m);
	return *out ? PS_OK : NOMEM(c);
}
