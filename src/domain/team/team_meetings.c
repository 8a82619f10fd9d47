/* team_meetings.c — a station's meetings, study and training (issue 18;
 * TEAM-MEETING-PLAN [U], TEAM-TRAIN-DAYS [S]). */
#include "domain/team/team_meetings.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"
#include "core/clock.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

/* a station keeps meeting records when it recorded one within this many
 * days: only such stations are held to the plan */
#define ACTIVE_DAYS 14

#define MEETING_COLS                                                                                   \
	"SELECT m.id, m.station_id, o.name AS unit_name, m.held_on, m.kind, m.topic, m.speaker,"         \
	" m.training_days, m.materials, m.minutes, m.created_by, u.name AS created_by_name, m.created_at" \
	" FROM team_meeting m JOIN org_unit o ON o.id = m.station_id JOIN users u ON u.id = m.created_by"

/* the members of a station and its posts (business roles) */
#define MEMBERS_SQL                                                                                    \
	"SELECT u.id AS user_id, u.name, u.role, u.disabled FROM users u JOIN org_unit o ON o.id = u.unit_id" \
	" WHERE (o.id = ? OR o.parent_id = ?) AND u.role NOT IN ('admin','auditor')"

static int64_t day_of(const char *s)
{
	int y, m, d;

	if (!s || date_parse(s, strlen(s), &y, &m, &d) || !date_valid(y, m, d))
		return -1;
	return date_days_from_civil(y, m, d);
}

static const char *day_str(struct ctx *c, int64_t day)
{
	int y, m, d;

	date_civil_from_days(day, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

static int64_t local_midnight(int64_t day)
{
	return day * 86400 - PS_DISPLAY_TZ_OFFSET;
}

static int members(struct ctx *c, int64_t station, json_t **out)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_int(&q, station);
	return rows_all(&q, MEMBERS_SQL " ORDER BY u.id", out);
}

static json_t *member_of(json_t *list, int64_t id)
{
	json_t *it;
	size_t i;

	json_array_foreach(list, i, it)
		if (row_int(it, "user_id") == id)
			return it;
	return NULL;
}

static int validate_attendees(struct ctx *c, json_t *list, json_t *att)
{
	json_t *it, *seen = json_object();
	size_t i;
	int present = 0, rc = PS_OK;

	if (!seen)
		return NOMEM(c);
	if (!json_is_array(att) || !json_array_size(att) || json_array_size(att) > 300)
		rc = ps_fail_field(c->err, PS_EINVAL, "attendees", "请列出参加人员（1至300人）");
	json_array_foreach(att, i, it) {
		json_t *uid = json_object_get(it, "user_id"), *p = json_object_get(it, "present"),
		       *why = json_object_get(it, "absence_reason");
		const char *key;

		if (rc)
			break;
		if (!json_is_object(it) || !json_is_integer(uid) || !json_is_boolean(p) ||
		    (why && !json_is_null(why) && (!json_is_string(why) || json_string_length(why) > 100))) {
			rc = ps_fail_field(c->err, PS_EINVAL, "attendees",
					   "每名人员须有 user_id、present（是否出席），缺席原因不超过100字");
			break;
		}
		if (!member_of(list, json_integer_value(uid))) {
			rc = ps_fail_field(c->err, PS_EINVAL, "attendees", "参加人员须为本所（含警务室）人员");
			break;
		}
		key = arena_printf(c->arena, "%lld", (long long)json_integer_value(uid));
		if (json_object_get(seen, key)) {
			rc = ps_fail_field(c->err, PS_EINVAL, "attendees", "同一人员重复列出");
			break;
		}
		json_object_set_new(seen, key, json_true());
		present += json_is_true(p);
	}
	json_decref(seen);
	if (!rc && !present)
		rc = ps_fail_field(c->err, PS_EINVAL, "attendees", "至少一人出席");
	return rc;
}

/* the attendees of the meetings in rows (an array of meetings), attached to
 * each with its counts */
static int attach_attendees(struct ctx *c, json_t *rows)
{
	struct rows_query q;
	json_t *all, *m, *a, *byid = json_object();
	int64_t lo = INT64_MAX, hi = 0;
	size_t i;
	int rc;

	if (!byid)
		return NOMEM(c);
	json_array_foreach(rows, i, m) {
		json_object_set_new(m, "kind_label", json_string(enums_label(ES_TEAM_MEETING_KIND, row_str(m, "kind"))));
		json_object_set_new(m, "attendees", json_array());
		json_object_set_new(m, "present", json_integer(0));
		json_object_set_new(m, "absent", json_integer(0));
		json_object_set(byid, arena_printf(c->arena, "%lld", (long long)row_int(m, "id")), m);
		lo = row_int(m, "id") < lo ? row_int(m, "id") : lo;
		hi = row_int(m, "id") > hi ? row_int(m, "id") : hi;
	}
	if (!json_array_size(rows)) {
		json_decref(byid);
		return PS_OK;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, lo);
	rows_bind_int(&q, hi);
	rc = rows_all(&q,
		      "SELECT a.meeting_id, a.user_id, u.name, a.present, a.absence_reason FROM team_meeting_attendee a"
		      " JOIN users u ON u.id = a.user_id WHERE a.meeting_id BETWEEN ? AND ? ORDER BY a.meeting_id,"
		      " a.present DESC, a.user_id",
		      &all);
	if (rc) {
		json_decref(byid);
		return rc;
	}
	json_array_foreach(all, i, a) {
		m = json_object_get(byid, arena_printf(c->arena, "%lld", (long long)row_int(a, "meeting_id")));
		if (!m)
			continue;
		json_object_set_new(a, "present", json_boolean(row_int(a, "present")));
		json_object_del(a, "meeting_id");
		json_array_append(json_object_get(m, "attendees"), a);
		json_object_set_new(m, json_is_true(json_object_get(a, "present")) ? "present" : "absent",
				    json_integer(row_int(m, json_is_true(json_object_get(a, "present")) ? "present"
													 : "absent") +
						 1));
	}
	json_decref(all);
	json_decref(byid);
	return PS_OK;
}

int team_meetings_create(struct ctx *c, const struct team_meeting_input *in, json_t **out)
{
	struct rows_query q;
	int64_t station = c->who.station_id, day = day_of(in->held_on), tdays = in->training_days, id;
	json_t *list = NULL, *it, *rows;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_TEAM_MEETING_CREATE);
	if (rc)
		return rc;
	if (!station)
		return ctx_deny(c, "team_meeting.create", "team_meeting", NULL, "会议学习由派出所记录");
	if (!enums_valid(ES_TEAM_MEETING_KIND, in->kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "会议类别不正确");
	if (day < 0)
		return ps_fail_field(c->err, PS_EINVAL, "held_on", "日期格式应为 YYYY-MM-DD");
	if (day > date_local_days(c->now))
		return ps_fail_field(c->err, PS_EINVAL, "held_on", "会议日期不能晚于今天");
	if (!strcmp(in->kind, "training")) {
		if (!tdays)
			tdays = 1;
	} else if (tdays) {
		return ps_fail_field(c->err, PS_EINVAL, "training_days", "只有业务培训计培训天数");
	}
	rc = members(c, station, &list);
	if (!rc)
		rc = validate_attendees(c, list, in->attendees);
	json_decref(list);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_text(&q, in->held_on);
	rows_bind_text(&q, in->kind);
	rows_bind_text(&q, in->topic);
	rows_bind_text(&q, in->speaker);
	rows_bind_int(&q, tdays);
	rows_bind_text(&q, in->materials && *in->materials ? in->materials : NULL);
	rows_bind_text(&q, in->minutes && *in->minutes ? in->minutes : NULL);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO team_meeting(station_id, held_on, kind, topic, speaker, training_days, materials,"
			 " minutes, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	json_array_foreach(in->attendees, i, it) {
		const char *why = json_string_value(json_object_get(it, "absence_reason"));

		if (rc)
			break;
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_int(&q, json_integer_value(json_object_get(it, "user_id")));
		rows_bind_int(&q, json_is_true(json_object_get(it, "present")));
		rows_bind_text(&q, !json_is_true(json_object_get(it, "present")) && why && *why ? why : NULL);
		rc = rows_exec(&q,
			       "INSERT INTO team_meeting_attendee(meeting_id, user_id, present, absence_reason)"
			       " VALUES (?,?,?,?)",
			       NULL);
	}
	if (!rc)
		rc = audit_write(c, "team_meeting.create", "team_meeting", arena_printf(c->arena, "%lld", (long long)id),
				 "success", arena_printf(c->arena, "%s %s %s", in->kind, in->held_on, in->topic));
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q, MEETING_COLS " WHERE m.id = ?", &rows);
	if (!rc)
		rc = attach_attendees(c, rows);
	if (rc) {
		json_decref(rows);
		return rc;
	}
	*out = json_pack("{s:O}", "meeting", json_array_get(rows, 0));
	json_decref(rows);
	return *out ? PS_OK : NOMEM(c);
}

int team_meetings_list(struct ctx *c, const char *from, const char *to, const char *kind, json_t **out)
{
	struct rows_query q;
	int64_t today = date_local_days(c->now);
	json_t *rows;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_TEAM_MEETING_LIST);
	if (rc)
		return rc;
	if (from && *from && day_of(from) < 0)
		return ps_fail_field(c->err, PS_EINVAL, "from", "日期格式应为 YYYY-MM-DD");
	if (to && *to && day_of(to) < 0)
		return ps_fail_field(c->err, PS_EINVAL, "to", "日期格式应为 YYYY-MM-DD");
	if (kind && *kind && !enums_valid(ES_TEAM_MEETING_KIND, kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "会议类别不正确");
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text(&q, from && *from ? from : day_str(c, today - 60));
	rows_bind_text(&q, to && *to ? to : day_str(c, today));
	if (kind && *kind)
		rows_bind_text(&q, kind);
	rc = rows_all(&q,
		      arena_printf(c->arena, MEETING_COLS " WHERE o.path LIKE ? AND m.held_on >= ? AND m.held_on <= ?%s"
							  " ORDER BY m.held_on DESC, m.id DESC LIMIT 500",
				   kind && *kind ? " AND m.kind = ?" : ""),
		      &rows);
	if (rc)
		return rc;
	rc = attach_attendees(c, rows);
	if (!rc)
		rc = audit_read_items(c, "team_meeting.list", "team_meeting", rows, "id");
	if (rc) {
		json_decref(rows);
		return rc;
	}
	*out = json_pack("{s:o}", "items", rows);
	return *out ? PS_OK : NOMEM(c);
}

int team_meetings_proposal(struct ctx *c, const char *held_on, json_t **out)
{
	struct rows_query q;
	int64_t station = c->who.station_id;
	json_t *list, *busy, *it, *b;
	size_t i, j;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_TEAM_MEETING_CREATE);
	if (rc)
		return rc;
	if (!station)
		return ctx_deny(c, "team_meeting.create", "team_meeting", NULL, "会议学习由派出所记录");
	if (!held_on || !*held_on)
		held_on = ctx_today_str(c);
	if (day_of(held_on) < 0)
		return ps_fail_field(c->err, PS_EINVAL, "held_on", "日期格式应为 YYYY-MM-DD");
	rc = members(c, station, &list);
	if (rc)
		return rc;
	/* approved leave over the day; the duty post of the day */
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_int(&q, station);
	rows_bind_text(&q, held_on);
	rows_bind_text(&q, held_on);
	rows_bind_int(&q, station);
	rows_bind_text(&q, held_on);
	rc = rows_all(&q,
		      "SELECT l.user_id, 'leave' AS what, l.kind FROM leave_request l JOIN org_unit o ON o.id = l.unit_id"
		      " WHERE (o.id = ? OR o.parent_id = ?) AND l.status IN ('approved','returned') AND l.from_on <= ?"
		      " AND l.to_on >= ? AND (l.returned_on IS NULL OR l.returned_on > l.from_on)"
		      " UNION ALL SELECT r.user_id, 'duty' AS what, r.duty_post AS kind FROM duty_roster r"
		      " WHERE r.station_id = ? AND r.duty_on = ?",
		      &busy);
	if (rc) {
		json_decref(list);
		return rc;
	}
	{
		json_t *keep = json_array();

		json_array_foreach(list, i, it) {
			const char *leave = NULL, *duty = NULL;

			if (row_int(it, "disabled"))
				continue;
			json_array_foreach(busy, j, b) {
				if (row_int(b, "user_id") != row_int(it, "user_id"))
					continue;
				if (!strcmp(row_str(b, "what"), "leave"))
					leave = enums_label(ES_LEAVE_KIND, row_str(b, "kind"));
				else
					duty = enums_label(ES_DUTY_POST, row_str(b, "kind"));
			}
			json_object_del(it, "disabled");
			json_object_del(it, "role");
			json_object_set_new(it, "present", json_boolean(!leave));
			json_object_set_new(it, "absence_reason", leave ? json_string(arena_printf(c->arena, "请假（%s）", leave))
								     : json_null());
			json_object_set_new(it, "duty_post", duty ? json_string(duty) : json_null());
			json_array_append(keep, it);
		}
		json_decref(list);
		list = keep;
	}
	json_decref(busy);
	rc = audit_read_items(c, "team_meeting.proposal", "user", list, "user_id");
	if (rc) {
		json_decref(list);
		return rc;
	}
	*out = json_pack("{s:s, s:o}", "held_on", held_on, "attendees", list);
	return *out ? PS_OK : NOMEM(c);
}

int team_meetings_training_days(struct ctx *c, int64_t user_id, const char *from, const char *to,
				int64_t *days)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rows_bind_text(&q, from);
	rows_bind_text(&q, to);
	return rows_int(&q,
			"SELECT COALESCE(SUM(m.training_days), 0) FROM team_meeting_attendee a"
			" JOIN team_meeting m ON m.id = a.meeting_id WHERE a.user_id = ? AND a.present = 1"
			" AND m.kind = 'training' AND m.held_on >= ? AND m.held_on <= ?",
			0, days);
}

/* Per officer of the stations under like (or only user when user_id) in
 * year: the attendance and training figures, as team_meetings_figures
 * answers them. */
static int officer_rows(struct ctx *c, const char *like, int64_t user_id, int64_t year, json_t **out)
{
	struct rows_query q;
	const char *from = arena_printf(c->arena, "%04lld-01-01", (long long)year),
		   *to = arena_printf(c->arena, "%04lld-12-31", (long long)year);
	int64_t jan1 = day_of(from), ndays = day_of(to) - jan1 + 1, today = date_local_days(c->now);
	json_t *rows, *agg, *kinds, *r, *a;
	size_t i, j;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, from);
	rows_bind_text(&q, to);
	rows_bind_text(&q, like);
	if (user_id)
		rows_bind_int(&q, user_id);
	rc = rows_all(&q,
		      arena_printf(c->arena,
				   "SELECT u.id AS user_id, u.name, o.name AS unit_name,"
				   " CASE WHEN o.kind = 'post' THEN o.parent_id ELSE o.id END AS station_id,"
				   " CASE WHEN o.kind = 'post' THEN (SELECT p.name FROM org_unit p WHERE p.id = o.parent_id)"
				   " ELSE o.name END AS station_name,"
				   " (SELECT COUNT(*) FROM team_meeting tm WHERE tm.station_id IN (o.id, o.parent_id)"
				   " AND tm.held_on >= ? AND tm.held_on <= ?) AS keeps,"
				   " COALESCE(s.staff_kind, CASE WHEN u.role IN ('auxiliary','archivist') THEN 'auxiliary'"
				   " ELSE 'police' END) AS staff_kind FROM users u JOIN org_unit o ON o.id = u.unit_id"
				   " LEFT JOIN staff_record s ON s.user_id = u.id WHERE o.path LIKE ?"
				   " AND o.kind IN ('station','post') AND u.role NOT IN ('admin','auditor') AND u.disabled = 0%s"
				   " ORDER BY o.path, u.id",
				   user_id ? " AND u.id = ?" : ""),
		      &rows);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, from);
	rows_bind_text(&q, to);
	rows_bind_text(&q, like);
	rc = rows_all(&q,
		      "SELECT a.user_id, m.kind, COUNT(*) AS listed, SUM(a.present) AS present,"
		      " SUM(CASE WHEN a.present = 1 AND m.kind = 'training' THEN m.training_days ELSE 0 END) AS tdays"
		      " FROM team_meeting_attendee a JOIN team_meeting m ON m.id = a.meeting_id"
		      " JOIN users u ON u.id = a.user_id JOIN org_unit o ON o.id = u.unit_id"
		      " WHERE m.held_on >= ? AND m.held_on <= ? AND o.path LIKE ? GROUP BY a.user_id, m.kind",
		      &agg);
	if (rc) {
		json_decref(rows);
		return rc;
	}
	json_array_foreach(rows, i, r) {
		int64_t listed = 0, present = 0, tdays = 0, min, expected;
		/* the minimum binds police officers of a station that keeps
		 * meeting records this year */
		int police = !strcmp(row_str(r, "staff_kind"), "police") && row_int(r, "keeps") > 0;

		kinds = json_object();
		json_array_foreach(agg, j, a) {
			if (row_int(a, "user_id") != row_int(r, "user_id"))
				continue;
			listed += row_int(a, "listed");
			present += row_int(a, "present");
			tdays += row_int(a, "tdays");
			json_object_set_new(kinds, row_str(a, "kind"), json_integer(row_int(a, "present")));
		}
		min = setting_int(c, "team.training_days_min", row_int(r, "station_id"));
		/* the pace: the minimum spread evenly over the year's days
		 * that have passed before today */
		expected = today < jan1 ? 0 : today >= jan1 + ndays ? min : min * (today - jan1) / ndays;
		json_object_set_new(r, "listed", json_integer(listed));
		json_object_set_new(r, "present", json_integer(present));
		json_object_set_new(r, "absent", json_integer(listed - present));
		json_object_set_new(r, "attendance_pct", listed ? json_integer((present * 100 + listed / 2) / listed)
								: json_null());
		json_object_del(r, "keeps");
		json_object_set_new(r, "present_by_kind", kinds);
		json_object_set_new(r, "training_days", json_integer(tdays));
		json_object_set_new(r, "training_min", json_integer(police ? min : 0));
		json_object_set_new(r, "training_expected", json_integer(police ? expected : 0));
		json_object_set_new(r, "behind", json_boolean(police && tdays < expected));
	}
	json_decref(agg);
	*out = rows;
	return PS_OK;
}

int team_meetings_figures(struct ctx *c, int64_t year, json_t **out)
{
	json_t *rows;
	int y, m, d, rc, all;

	*out = NULL;
	rc = authz_require(c, ACT_TEAM_MEETING_LIST);
	if (rc)
		return rc;
	ctx_today(c, &y, &m, &d);
	if (!year)
		year = y;
	all = ctx_has_role(c, "chief") || ctx_has_role(c, "clerk");
	rc = officer_rows(c, ctx_scope_like(c), all ? 0 : c->who.user_id, year, &rows);
	if (!rc)
		rc = audit_read_items(c, "team_meeting.figures", "user", rows, "user_id");
	if (rc) {
		json_decref(rows);
		return rc;
	}
	*out = json_pack("{s:I, s:o, s:s}", "year", (json_int_t)year, "items", rows, "rule",
			 rule_get(RULE_TEAM_TRAIN_DAYS)->code);
	return *out ? PS_OK : NOMEM(c);
}

/* The expected meetings of station not recorded by today: appended to out
 * as {kind, day, label}. Only a station that keeps records is held to the
 * plan (one recorded within ACTIVE_DAYS). */
static int missing_for(struct ctx *c, int64_t station, json_t *out)
{
	struct rows_query q;
	int64_t today = date_local_days(c->now), monday = today - date_weekday(today), n = 0;
	int y, mo, d;
	struct {
		const char *kind, *what;
		int64_t due, from;
	} want[3];
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_text(&q, day_str(c, today - ACTIVE_DAYS));
	rc = rows_int(&q, "SELECT COUNT(*) FROM team_meeting WHERE station_id = ? AND held_on >= ?", 0, &n);
	if (rc || !n)
		return rc;
	date_civil_from_days(today, &y, &mo, &d);
	want[0].kind = "weekly";
	want[0].what = "本周例会";
	want[0].from = monday;
	want[0].due = monday + setting_int(c, "team.meeting_weekday", station) - 1;
	want[1].kind = "case_review";
	want[1].what = "本周案件通报研讨";
	want[1].from = monday;
	want[1].due = monday + setting_int(c, "team.case_review_weekday", station) - 1;
	want[2].kind = "legal_study";
	want[2].what = "本月集体法律学习";
	want[2].from = today - (d - 1);
	want[2].due = want[2].from + setting_int(c, "team.legal_study_day", station) - 1;
	for (int i = 0; i < 3 && !rc; i++) {
		json_t *row;

		if (today < want[i].due)
			continue;
		rows_binds(&q, c);
		rows_bind_int(&q, station);
		rows_bind_text(&q, want[i].kind);
		rows_bind_text(&q, day_str(c, want[i].from));
		rows_bind_text(&q, day_str(c, today));
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM team_meeting WHERE station_id = ? AND kind = ? AND held_on >= ?"
			      " AND held_on <= ?",
			      0, &n);
		if (rc || n)
			continue;
		row = json_pack("{s:s, s:s, s:I, s:s}", "kind", want[i].kind, "day", day_str(c, want[i].due), "due",
				(json_int_t)want[i].due, "label",
				arena_printf(c->arena, "%s（%s）未记录", want[i].what, day_str(c, want[i].due)));
		if (!row || json_array_append_new(out, row))
			rc = NOMEM(c);
	}
	return rc;
}

/* a station's expected meetings that were not recorded */
static int meeting_clocks(struct clock_sink *k, json_t *st, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	json_t *miss = json_array(), *it;
	size_t j;
	int rc;

	(void)arg;
	rc = missing_for(c, row_int(st, "station_id"), miss);
	json_array_foreach(miss, j, it) {
		if (rc)
			break;
		clocks_add(k, st,
			   arena_printf(c->arena, "team_meeting:%lld:%s:%s", (long long)row_int(st, "station_id"),
					row_str(it, "kind"), row_str(it, "day")),
			   rule_get(RULE_TEAM_MEETING_PLAN)->code, row_str(it, "label"),
			   local_midnight(row_int(it, "due")), local_midnight(row_int(it, "due") + 1), CLOCK_DAYS,
			   0, NULL, "召开并记录会议学习");
	}
	json_decref(miss);
	return rc;
}

/* officer_rows of this year */
static int officers_this_year(struct ctx *c, const char *like, int64_t mine, json_t **out)
{
	int y, m, d;

	ctx_today(c, &y, &m, &d);
	return officer_rows(c, like, mine, y, out);
}

/* an officer behind the year's training pace */
static int training_clock(struct clock_sink *k, json_t *it, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	int y, m, d;

	(void)arg;
	if (!json_is_true(json_object_get(it, "behind")))
		return PS_OK;
	ctx_today(c, &y, &m, &d);
	clocks_add_warn(k, it, arena_printf(c->arena, "training:%lld:%d", (long long)row_int(it, "user_id"), y),
			rule_get(RULE_TEAM_TRAIN_DAYS)->code,
			arena_printf(c->arena, "%s本年培训%lld天，按进度应有%lld天（全年不少于%lld天）",
				     row_str(it, "name"), (long long)row_int(it, "training_days"),
				     (long long)row_int(it, "training_expected"), (long long)row_int(it, "training_min")),
			local_midnight(date_days_from_civil(y, 1, 1)), local_midnight(date_days_from_civil(y + 1, 1, 1)),
			CLOCK_DAYS, 0, NULL, "参加业务培训", local_midnight(date_days_from_civil(y, 1, 1)));
	return PS_OK;
}

int team_meetings_clocks(struct clock_sink *k, enum clock_scope s)
{
	struct ctx *c = clocks_sink_ctx(k);
	/* expected meetings: the station's work, not one officer's */
	const struct clock_scan meetings = {
		.station_work = 1,
		.sql = "SELECT DISTINCT m.station_id, o.name AS unit_name FROM team_meeting m"
		       " JOIN org_unit o ON o.id = m.station_id WHERE m.held_on >= ? AND o.path LIKE ?"
		       " ORDER BY m.station_id",
		.binds = "tl",
		.texts = { day_str(c, date_local_days(c->now) - ACTIVE_DAYS) },
		.unit_col = "station_id",
		.title_col = "unit_name",
		.each = meeting_clocks,
	};
	/* officers behind the year's training pace, in stations that keep
	 * meeting records; the board lists a 警务室's staff under its station */
	const struct clock_scan training = {
		.rows = officers_this_year,
		.unit_col = "station_id",
		.unit_name_col = "station_name",
		.title_col = "name",
		.each = training_clock,
	};
	int rc = clocks_scan(k, s, &meetings);

	return rc ? rc : clocks_scan(k, s, &training);
}

int team_meetings_today(struct ctx *c, json_t *items)
{
	json_t *miss, *it, *rows = NULL, *row;
	size_t i;
	int y, m, d, rc = PS_OK;

	if (!authz_allowed(c, ACT_TEAM_MEETING_LIST))
		return PS_OK;
	/* the station's missing meetings: its chief and 内勤 record them */
	if (c->who.station_id && authz_allowed(c, ACT_TEAM_MEETING_CREATE)) {
		miss = json_array();
		if (!miss)
			return NOMEM(c);
		rc = missing_for(c, c->who.station_id, miss);
		json_array_foreach(miss, i, it) {
			if (rc)
				break;
			row = json_pack("{s:s, s:s, s:s, s:s, s:s}", "kind", "meeting_missing", "label", row_str(it, "label"),
					"detail", enums_label(ES_TEAM_MEETING_KIND, row_str(it, "kind")), "due_on",
					row_str(it, "day"), "route", "/team/meetings");
			if (!row || json_array_append_new(items, row))
				rc = NOMEM(c);
		}
		json_decref(miss);
		if (rc)
			return rc;
	}
	/* my own training behind the pace */
	ctx_today(c, &y, &m, &d);
	rc = officer_rows(c, ctx_scope_like(c), c->who.user_id, y, &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, it) {
		if (!json_is_true(json_object_get(it, "behind")))
			continue;
		row = json_pack("{s:s, s:s, s:s, s:s, s:s}", "kind", "training_behind", "label", "本年培训天数落后于进度",
				"detail",
				arena_printf(c->arena, "已培训%lld天，按进度应有%lld天", (long long)row_int(it, "training_days"),
					     (long long)row_int(it, "training_expected")),
				"due_on", arena_printf(c->arena, "%04d-12-31", y), "route", "/team/meetings");
		if (!row || json_array_append_new(items, row)) {
			rc = NOMEM(c);
			break;
		}
	}
	json_decref(rows);
	return rc;
}
