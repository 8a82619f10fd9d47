/* patrol_scores.c — 巡逻考评: figures, weights, ranks, rewards, notes. */
#include "domain/patrol/patrol_scores.h"
#include "domain/patrol/patrol.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <stdlib.h>
#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

/* a period as local day numbers: [start, end), the previous [prev, start) */
struct period {
	int64_t start, end, prev;
};

static int period_of(struct ctx *c, const char *period, const char *date, struct period *p)
{
	int y, m, d;
	int64_t day;

	if (!date || !*date)
		date = ctx_today_str(c);
	if (!date || date_parse(date, strlen(date), &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "date", "日期应为 YYYY-MM-DD");
	day = date_days_from_civil(y, m, d);
	if (!period || strcmp(period, "week") == 0) {
		p->start = day - date_weekday(day);
		p->end = p->start + 7;
		p->prev = p->start - 7;
	} else if (strcmp(period, "month") == 0) {
		p->start = date_days_from_civil(y, m, 1);
		p->end = m == 12 ? date_days_from_civil(y + 1, 1, 1) : date_days_from_civil(y, m + 1, 1);
		p->prev = m == 1 ? date_days_from_civil(y - 1, 12, 1) : date_days_from_civil(y, m - 1, 1);
	} else if (strcmp(period, "year") == 0) {
		p->start = date_days_from_civil(y, 1, 1);
		p->end = date_days_from_civil(y + 1, 1, 1);
		p->prev = date_days_from_civil(y - 1, 1, 1);
	} else {
		return ps_fail_field(c->err, PS_EINVAL, "period", "期间应为 week、month 或 year");
	}
	return PS_OK;
}

static const char *day_str(struct ctx *c, int64_t day)
{
	int y, m, d;

	date_civil_from_days(day, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

/* incidents of inc[] in the area of one of the team's slots at its time,
 * under the version of the plan in force when each was received */
static int64_t in_slots(const struct patrol_slot_area *s, size_t ns, const struct patrol_incident *inc, size_t ni,
			int64_t from, int64_t to)
{
	int64_t n = 0;

	for (size_t k = 0; k < ni; k++) {
		int wd, minute;

		if (inc[k].received_at < from || inc[k].received_at >= to)
			continue;
		patrol_local_time(inc[k].received_at, &wd, &minute);
		for (size_t j = 0; j < ns; j++)
			if (patrol_slot_in_force(&s[j], inc[k].received_at) &&
			    patrol_slot_covers(&s[j], inc[k].grid_id, inc[k].beat_id, wd, minute)) {
				n++;
				break;
			}
	}
	return n;
}

struct team_fig {
	int64_t incidents, prev, arrests, minutes, planned, covered, score;
};

static int team_figures(struct ctx *c, int64_t station, int64_t team, const struct period *p,
			const struct patrol_incident *inc, size_t ni, struct team_fig *f)
{
	struct rows_query q;
	struct patrol_slot_area *s;
	json_t *logs, *l;
	size_t ns, i;
	int64_t from = patrol_day_start(p->start), to = patrol_day_start(p->end);
	int rc = patrol_slots_load(c, station, team, patrol_day_start(p->prev), to, &s, &ns);

	if (rc)
		return rc;
	f->incidents = in_slots(s, ns, inc, ni, from, to);
	f->prev = in_slots(s, ns, inc, ni, patrol_day_start(p->prev), from);
	rows_binds(&q, c);
	rows_bind_int(&q, team);
	rows_bind_int(&q, from);
	rows_bind_int(&q, to);
	rc = rows_all(&q,
		      "SELECT started_at, ended_at FROM patrol_log WHERE team_id = ? AND started_at >= ? AND started_at < ?",
		      &logs);
	if (rc)
		return rc;
	f->minutes = 0;
	json_array_foreach(logs, i, l)
		f->minutes += (row_int(l, "ended_at") - row_int(l, "started_at")) / 60;
	/* each planned occurrence of a slot that has ended: covered when a
	 * log of the team overlaps it */
	f->planned = f->covered = 0;
	for (int64_t day = p->start; day < p->end; day++) {
		int wd = date_weekday(day);

		for (size_t j = 0; j < ns; j++) {
			int64_t a, b;

			if (s[j].weekday != wd)
				continue;
			a = patrol_day_start(day) + s[j].start_min * 60;
			b = patrol_day_start(day) + s[j].end_min * 60;
			if (b > c->now || !patrol_slot_in_force(&s[j], a))
				continue;
			f->planned++;
			json_array_foreach(logs, i, l)
				if (row_int(l, "started_at") < b && row_int(l, "ended_at") > a) {
					f->covered++;
					break;
				}
		}
	}
	json_decref(logs);
	rows_binds(&q, c);
	rows_bind_int(&q, team);
	rows_bind_int(&q, from);
	rows_bind_int(&q, to);
	return rows_int(&q,
			"SELECT COUNT(*) FROM patrol_arrest a JOIN patrol_log l ON l.id = a.log_id WHERE l.team_id = ?"
			" AND l.started_at >= ? AND l.started_at < ?",
			0, &f->arrests);
}

static int by_score(const void *a, const void *b)
{
	int64_t x = json_integer_value(json_object_get(*(json_t *const *)a, "score"));
	int64_t y = json_integer_value(json_object_get(*(json_t *const *)b, "score"));

	return x < y ? 1 : x > y ? -1 : 0;
}

static int meeting_json(struct ctx *c, int64_t station, const char *week, json_t **out)
{
	struct rows_query q;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_text(&q, week);
	rc = rows_one(&q,
		      "SELECT n.week_start, n.notes, u.name AS updated_by_name, n.updated_at FROM patrol_meeting_note n"
		      " JOIN users u ON u.id = n.updated_by WHERE n.station_id = ? AND n.week_start = ?",
		      out);
	if (rc == PS_ENOTFOUND) {
		ps_err_clear(c->err);
		*out = json_null();
		return PS_OK;
	}
	return rc;
}

int patrol_scores_get(struct ctx *c, int64_t unit_id, const char *period, const char *date, json_t **out)
{
	struct rows_query q;
	struct period p;
	struct patrol_incident *inc;
	json_t *teams, *t, *rewards, *meeting = NULL, **sorted;
	int64_t station, wa, wh, ws, wi, wd;
	size_t ni, i, n;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_PATROL_LIST);
	if (!rc)
		rc = patrol_station(c, ACT_PATROL_LIST, unit_id, &station);
	if (!rc)
		rc = period_of(c, period, date, &p);
	if (rc)
		return rc;
	if (!period)
		period = "week";
	wa = setting_int(c, "patrol.weight_arrest", station);
	wh = setting_int(c, "patrol.weight_hour", station);
	ws = setting_int(c, "patrol.weight_slot", station);
	wi = setting_int(c, "patrol.weight_incident", station);
	wd = setting_int(c, "patrol.weight_drop", station);
	rc = patrol_incidents_load(c, station, patrol_day_start(p.prev), patrol_day_start(p.end), &inc, &ni);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rc = rows_all(&q,
		      "SELECT id AS team_id, name AS team_name, kind FROM patrol_team WHERE station_id = ? AND active = 1"
		      " ORDER BY name, id",
		      &teams);
	if (rc)
		return rc;
	n = json_array_size(teams);
	json_array_foreach(teams, i, t) {
		struct team_fig f = { 0 };

		rc = team_figures(c, station, row_int(t, "team_id"), &p, inc, ni, &f);
		if (rc) {
			json_decref(teams);
			return rc;
		}
		f.score = wa * f.arrests + wh * (f.minutes / 60) + ws * f.covered - wi * f.incidents +
			  wd * (f.prev - f.incidents);
		json_object_set_new(t, "incidents", json_integer(f.incidents));
		json_object_set_new(t, "prev_incidents", json_integer(f.prev));
		json_object_set_new(t, "arrests", json_integer(f.arrests));
		json_object_set_new(t, "minutes", json_integer(f.minutes));
		json_object_set_new(t, "slots_planned", json_integer(f.planned));
		json_object_set_new(t, "slots_covered", json_integer(f.covered));
		json_object_set_new(t, "score", json_integer(f.score));
	}
	/* rank by score, ties share a rank (1, 1, 3) */
	sorted = arena_alloc(c->arena, (n + 1) * sizeof(*sorted));
	if (!sorted) {
		json_decref(teams);
		return NOMEM(c);
	}
	for (i = 0; i < n; i++)
		sorted[i] = json_incref(json_array_get(teams, i));
	qsort(sorted, n, sizeof(*sorted), by_score);
	json_array_clear(teams);
	for (i = 0; i < n; i++) {
		int64_t rank = i + 1;

		if (i > 0 && row_int(sorted[i], "score") == row_int(sorted[i - 1], "score"))
			rank = row_int(sorted[i - 1], "rank");
		json_object_set_new(sorted[i], "rank", json_integer(rank));
		json_array_append_new(teams, sorted[i]);
	}
	/* 奖勤罚懒: the suggestion for the first and the last (when they differ) */
	json_array_foreach(teams, i, t) {
		const char *s = NULL;

		if (n > 1 && row_int(t, "rank") == 1)
			s = setting_text(c, "patrol.reward_first", station);
		else if (n > 1 && row_int(t, "score") == row_int(json_array_get(teams, n - 1), "score"))
			s = setting_text(c, "patrol.reward_last", station);
		json_object_set_new(t, "suggestion", s && *s ? json_string(s) : json_null());
	}
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_text(&q, period);
	rows_bind_text(&q, day_str(c, p.start));
	rc = rows_all(&q,
		      "SELECT r.id, r.team_id, t.name AS team_name, r.reward, u.name AS given_by_name, r.given_at"
		      " FROM patrol_reward r JOIN patrol_team t ON t.id = r.team_id JOIN users u ON u.id = r.given_by"
		      " WHERE r.station_id = ? AND r.period = ? AND r.period_start = ? ORDER BY r.given_at, r.id",
		      &rewards);
	if (!rc && strcmp(period, "week") == 0)
		rc = meeting_json(c, station, day_str(c, p.start), &meeting);
	if (rc) {
		json_decref(teams);
		json_decref(rewards);
		return rc;
	}
	*out = json_pack("{s:I, s:s, s:s, s:s, s:s, s:{s:I, s:I, s:I, s:I, s:I}, s:o, s:o, s:o*, s:s}", "station_id",
			 (json_int_t)station, "period", period, "start", day_str(c, p.start), "end", day_str(c, p.end),
			 "prev_start", day_str(c, p.prev), "weights", "arrest", (json_int_t)wa, "hour", (json_int_t)wh,
			 "slot", (json_int_t)ws, "incident", (json_int_t)wi, "drop", (json_int_t)wd, "items", teams,
			 "rewards", rewards, "meeting", meeting, "rule", "PAT-SCORE");
	if (!*out)
		return NOMEM(c);
	rc = audit_read_items(c, "patrol_score.list", "patrol_team", teams, "team_id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int patrol_scores_reward(struct ctx *c, const struct patrol_reward_input *in, json_t **out)
{
	struct rows_query q;
	struct period p;
	int64_t station = 0, id;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_PATROL_SCORE,
			     "SELECT o.path FROM patrol_team t JOIN org_unit o ON o.id = t.station_id WHERE t.id = ?",
			     in->team_id, "巡逻队不存在");
	if (!rc)
		rc = period_of(c, in->period, in->date, &p);
	if (!rc && (!in->reward || !*in->reward))
		rc = ps_fail_field(c->err, PS_EINVAL, "reward", "请填写奖励或督促内容");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in->team_id);
	rc = rows_int(&q, "SELECT station_id FROM patrol_team WHERE id = ?", 0, &station);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_int(&q, in->team_id);
	rows_bind_text(&q, in->period ? in->period : "week");
	rows_bind_text(&q, day_str(c, p.start));
	rows_bind_text(&q, in->reward);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO patrol_reward(station_id, team_id, period, period_start, reward, given_by, given_at)"
			 " VALUES (?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "patrol_reward.create", "patrol_team",
				 arena_printf(c->arena, "%lld", (long long)in->team_id), "success", in->reward);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	{
		json_t *r;

		rc = rows_one(&q,
			      "SELECT r.id, r.team_id, t.name AS team_name, r.period, r.period_start, r.reward,"
			      " u.name AS given_by_name, r.given_at FROM patrol_reward r JOIN patrol_team t ON t.id = r.team_id"
			      " JOIN users u ON u.id = r.given_by WHERE r.id = ?",
			      &r);
		if (rc)
			return rc;
		*out = json_pack("{s:o}", "reward", r);
	}
	return *out ? PS_OK : NOMEM(c);
}

int patrol_scores_notes(struct ctx *c, const char *date, const char *notes, json_t **out)
{
	struct rows_query q;
	struct period p;
	json_t *m;
	int64_t station;
	const char *week;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_PATROL_SCORE);
	if (!rc)
		rc = patrol_station(c, ACT_PATROL_SCORE, 0, &station);
	if (!rc)
		rc = period_of(c, "week", date, &p);
	if (!rc && (!notes || !*notes))
		rc = ps_fail_field(c->err, PS_EINVAL, "notes", "请填写碰头会记录");
	if (rc)
		return rc;
	week = day_str(c, p.start);
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_text(&q, week);
	rows_bind_text(&q, notes);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_exec(&q,
		       "INSERT INTO patrol_meeting_note(station_id, week_start, notes, updated_by, updated_at)"
		       " VALUES (?,?,?,?,?) ON CONFLICT (station_id, week_start) DO UPDATE SET notes = excluded.notes,"
		       " updated_by = excluded.updated_by, updated_at = excluded.updated_at",
		       NULL);
	if (!rc)
		rc = audit_write(c, "patrol_meeting.notes", "org_unit", arena_printf(c->arena, "%lld", (long long)station),
				 "success", week);
	if (!rc)
		rc = meeting_json(c, station, week, &m);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "meeting", m);
	return *out ? PS_OK : NOMEM(c);
}
