/* assessment.c — 考核: the sources table, the period, the score and the
 * rank. Every figure is read from the records of its module; nothing is
 * entered for the assessment. */
#include "domain/team/assessment.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/clocks/breach_officers.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "domain/patrol/patrol.h"
#include "domain/population/population_summary.h"
#include "domain/population/rentals.h"
#include "rules/date.h"

#include <stdlib.h>
#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

/* A count: sql_officer binds (user_id, from, to), sql_station (station_id,
 * from, to); dates binds the window's dates instead of its instants. */
static int count_of(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
		    const char *sql_officer, const char *sql_station, int dates, int64_t *value, int *has)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, s->user_id ? s->user_id : s->station_id);
	if (dates) {
		rows_bind_text(&q, w->from_on);
		rows_bind_text(&q, w->to_on);
	} else {
		rows_bind_int(&q, w->from);
		rows_bind_int(&q, w->to);
	}
	rc = rows_int(&q, s->user_id ? sql_officer : sql_station, 0, &n);
	*value = n * 100;
	*has = 1;
	return rc;
}

/* An average: the SQL answers n, a (sum) and b (sum of the maxima, or n);
 * the figure is scale × a ÷ b (×100), absent when n is 0. */
static int average_of(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
		      const char *sql_officer, const char *sql_station, int64_t scale, int64_t *value, int *has)
{
	struct rows_query q;
	json_t *row;
	int64_t a, b;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, s->user_id ? s->user_id : s->station_id);
	rows_bind_int(&q, w->from);
	rows_bind_int(&q, w->to);
	rc = rows_one(&q, s->user_id ? sql_officer : sql_station, &row);
	if (rc)
		return rc;
	a = row_int(row, "a");
	b = row_int(row, "b");
	json_decref(row);
	*has = b > 0;
	*value = b > 0 ? (scale * 100 * a + b / 2) / b : 0;
	return PS_OK;
}

/* the case officers who count for an officer's figures: main and co */
#define MY_CASES " JOIN case_officer x ON x.case_id = k.id AND x.duty IN ('main','co')"

static int cases_handled(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
			 int64_t *value, int *has)
{
	return count_of(c, s, w,
			"SELECT COUNT(*) FROM police_case k" MY_CASES
			" WHERE x.user_id = ? AND k.accepted_at >= ? AND k.accepted_at < ?",
			"SELECT COUNT(*) FROM police_case k WHERE k.unit_id = ? AND k.accepted_at >= ? AND k.accepted_at < ?",
			0, value, has);
}

static int cases_solved(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
			int64_t *value, int *has)
{
	return count_of(c, s, w,
			"SELECT COUNT(*) FROM police_case k" MY_CASES
			" WHERE x.user_id = ? AND k.status IN ('closed','archived') AND k.closed_at >= ? AND k.closed_at < ?",
			"SELECT COUNT(*) FROM police_case k WHERE k.unit_id = ? AND k.status IN ('closed','archived')"
			" AND k.closed_at >= ? AND k.closed_at < ?",
			0, value, has);
}

static int persons_dealt(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
			 int64_t *value, int *has)
{
	return count_of(c, s, w,
			"SELECT COUNT(*) FROM case_party p JOIN police_case k ON k.id = p.case_id" MY_CASES
			" WHERE x.user_id = ? AND p.role = 'suspect' AND k.decided_at >= ? AND k.decided_at < ?",
			"SELECT COUNT(*) FROM case_party p JOIN police_case k ON k.id = p.case_id"
			" WHERE k.unit_id = ? AND p.role = 'suspect' AND k.decided_at >= ? AND k.decided_at < ?",
			0, value, has);
}

/* BREACHes recorded in the period: of a station, all of them; of an
 * officer, those he answers for (breach_officers_of: a case's clock → its
 * main and co officers; a complaint's → the chiefs) */
static int breaches(struct ctx *c, const struct assess_subject *s, const struct assess_window *w, int64_t *value,
		    int *has)
{
	struct rows_query q;
	json_t *rows, *b, *who, *p;
	int64_t n = 0;
	size_t i, j;
	int rc;

	*has = 1;
	if (!s->user_id)
		return count_of(c, s, w, NULL,
				"SELECT COUNT(*) FROM breach b WHERE b.unit_id = ? AND b.recorded_at >= ? AND b.recorded_at < ?",
				0, value, has);
	rows_binds(&q, c);
	rows_bind_int(&q, s->station_id);
	rows_bind_int(&q, w->from);
	rows_bind_int(&q, w->to);
	rc = rows_all(&q,
		      "SELECT b.id, b.clock_key, b.case_id, b.unit_id FROM breach b WHERE b.unit_id = ?"
		      " AND b.recorded_at >= ? AND b.recorded_at < ? ORDER BY b.id",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, b) {
		who = breach_officers_of(c, b);
		if (!who) {
			json_decref(rows);
			return c->err->rc ? c->err->rc : NOMEM(c);
		}
		json_array_foreach(who, j, p)
			if (row_int(p, "user_id") == s->user_id) {
				n++;
				break;
			}
		json_decref(who);
	}
	json_decref(rows);
	*value = n * 100;
	return PS_OK;
}

static int faults(struct ctx *c, const struct assess_subject *s, const struct assess_window *w, int64_t *value,
		  int *has)
{
	return count_of(c, s, w,
			"SELECT COUNT(*) FROM fault_officer fo JOIN fault_finding f ON f.id = fo.finding_id"
			" WHERE fo.user_id = ? AND f.status = 'decided' AND f.record_type = 'fault'"
			" AND f.decided_at >= ? AND f.decided_at < ?",
			"SELECT COUNT(*) FROM fault_finding f WHERE f.station_id = ? AND f.status = 'decided'"
			" AND f.record_type = 'fault' AND f.decided_at >= ? AND f.decided_at < ?",
			0, value, has);
}

/* 案件质量评分 (archives case-reviews) of the cases he led, as a percentage */
static int quality(struct ctx *c, const struct assess_subject *s, const struct assess_window *w, int64_t *value,
		   int *has)
{
	return average_of(c, s, w,
			  "SELECT COUNT(*) AS n, SUM(r.score) AS a, SUM(r.max_score) AS b FROM case_review r"
			  " JOIN case_officer x ON x.case_id = r.case_id AND x.duty = 'main'"
			  " WHERE x.user_id = ? AND r.reviewed_at >= ? AND r.reviewed_at < ?",
			  "SELECT COUNT(*) AS n, SUM(r.score) AS a, SUM(r.max_score) AS b FROM case_review r"
			  " WHERE r.unit_id = ? AND r.reviewed_at >= ? AND r.reviewed_at < ?",
			  100, value, has);
}

/* 回访满意度 (1–5) of the parties reached, of the cases he led */
static int satisfaction(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
			int64_t *value, int *has)
{
	return average_of(c, s, w,
			  "SELECT COUNT(*) AS n, SUM(v.satisfaction) AS a, COUNT(*) AS b FROM return_visit v"
			  " JOIN case_officer x ON x.case_id = v.case_id AND x.duty = 'main'"
			  " WHERE x.user_id = ? AND v.reached = 1 AND v.visited_at >= ? AND v.visited_at < ?",
			  "SELECT COUNT(*) AS n, SUM(v.satisfaction) AS a, COUNT(*) AS b FROM return_visit v"
			  " JOIN police_case k ON k.id = v.case_id"
			  " WHERE k.unit_id = ? AND v.reached = 1 AND v.visited_at >= ? AND v.visited_at < ?",
			  1, value, has);
}

static int household_visits(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
			    int64_t *value, int *has)
{
	return count_of(c, s, w,
			"SELECT COUNT(*) FROM household_visit h WHERE h.user_id = ? AND h.visited_on >= ? AND h.visited_on < ?",
			"SELECT COUNT(*) FROM household_visit h JOIN address a ON a.id = h.address_id"
			" WHERE a.station_id = ? AND h.visited_on >= ? AND h.visited_on < ?",
			1, value, has);
}

static int rental_visits(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
			 int64_t *value, int *has)
{
	return count_of(c, s, w,
			"SELECT COUNT(*) FROM rental_visit v WHERE v.user_id = ? AND v.visited_on >= ? AND v.visited_on < ?",
			"SELECT COUNT(*) FROM rental_visit v JOIN rental r ON r.id = v.rental_id"
			" WHERE r.station_id = ? AND v.visited_on >= ? AND v.visited_on < ?",
			1, value, has);
}

/* 巡逻 (issue 17): hours on patrol and arrests in the act, from the patrol logs */
static int patrol_figures(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
			  int64_t *minutes, int64_t *arrests)
{
	return s->user_id ? patrol_officer_figures(c, s->user_id, w->from, w->to, minutes, arrests)
			  : patrol_station_figures(c, s->station_id, w->from, w->to, minutes, arrests);
}

static int patrol_hours(struct ctx *c, const struct assess_subject *s, const struct assess_window *w, int64_t *value,
			int *has)
{
	int64_t minutes, arrests;
	int rc = patrol_figures(c, s, w, &minutes, &arrests);

	*value = minutes * 100 / 60;
	*has = 1;
	return rc;
}

static int patrol_arrests(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
			  int64_t *value, int *has)
{
	int64_t minutes, arrests;
	int rc = patrol_figures(c, s, w, &minutes, &arrests);

	*value = arrests * 100;
	*has = 1;
	return rc;
}

/* 学法考试: the average score of the formal and 执法资格 exams submitted
 * (practice does not count) */
static int exam_score(struct ctx *c, const struct assess_subject *s, const struct assess_window *w, int64_t *value,
		      int *has)
{
	return average_of(c, s, w,
			  "SELECT COUNT(*) AS n, SUM(x.score) AS a, COUNT(*) AS b FROM exam_sitting x"
			  " WHERE x.user_id = ? AND x.kind <> 'practice' AND x.submitted_at >= ? AND x.submitted_at < ?",
			  "SELECT COUNT(*) AS n, SUM(x.score) AS a, COUNT(*) AS b FROM exam_sitting x"
			  " WHERE x.unit_id = ? AND x.kind <> 'practice' AND x.submitted_at >= ? AND x.submitted_at < ?",
			  1, value, has);
}

/* A ratio over the window's dates: the SQL binds (subject, from_on, to_on)
 * and answers a (the part) and b (the whole); the figure is a per cent of
 * b (×100), capped at 100, absent when b is 0. */
static int ratio_dates(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
		       const char *sql_officer, const char *sql_station, int64_t *value, int *has)
{
	struct rows_query q;
	json_t *row;
	int64_t a, b;
	int rc;

	*value = 0;
	*has = 0;
	if (!(s->user_id ? sql_officer : sql_station))
		return PS_OK; /* no such figure at this level */
	rows_binds(&q, c);
	rows_bind_int(&q, s->user_id ? s->user_id : s->station_id);
	rows_bind_text(&q, w->from_on);
	rows_bind_text(&q, w->to_on);
	rc = rows_one(&q, s->user_id ? sql_officer : sql_station, &row);
	if (rc)
		return rc;
	a = row_int(row, "a");
	b = row_int(row, "b");
	json_decref(row);
	if (a > b)
		a = b;
	*has = b > 0;
	*value = b > 0 ? (100 * 100 * a + b / 2) / b : 0;
	return PS_OK;
}

/* 会议学习 (issue 18): attendance in per cent of the meetings one was
 * listed for; of a station, of all its attendee rows */
static int training_attendance(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
			       int64_t *value, int *has)
{
	return ratio_dates(c, s, w,
			   "SELECT COALESCE(SUM(a.present), 0) AS a, COUNT(*) AS b FROM team_meeting_attendee a"
			   " JOIN team_meeting m ON m.id = a.meeting_id WHERE a.user_id = ? AND m.held_on >= ? AND m.held_on < ?",
			   "SELECT COALESCE(SUM(a.present), 0) AS a, COUNT(*) AS b FROM team_meeting_attendee a"
			   " JOIN team_meeting m ON m.id = a.meeting_id WHERE m.station_id = ? AND m.held_on >= ? AND m.held_on < ?",
			   value, has);
}

/* 业务培训 days attended (TEAM-TRAIN-DAYS); of a station, per officer
 * listed (days summed over its attendees ÷ the officers listed) */
static int training_days(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
			 int64_t *value, int *has)
{
	struct rows_query q;
	json_t *row;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, s->user_id ? s->user_id : s->station_id);
	rows_bind_text(&q, w->from_on);
	rows_bind_text(&q, w->to_on);
	rc = rows_one(&q,
		      s->user_id ? "SELECT COALESCE(SUM(m.training_days), 0) AS a, 1 AS b FROM team_meeting_attendee a"
				   " JOIN team_meeting m ON m.id = a.meeting_id WHERE a.user_id = ? AND a.present = 1"
				   " AND m.kind = 'training' AND m.held_on >= ? AND m.held_on < ?"
				 : "SELECT COALESCE(SUM(CASE WHEN a.present = 1 AND m.kind = 'training' THEN m.training_days"
				   " ELSE 0 END), 0) AS a, COUNT(DISTINCT a.user_id) AS b FROM team_meeting_attendee a"
				   " JOIN team_meeting m ON m.id = a.meeting_id WHERE m.station_id = ? AND m.held_on >= ?"
				   " AND m.held_on < ?",
		      &row);
	if (rc)
		return rc;
	*has = 1;
	*value = row_int(row, "b") > 0 ? (100 * row_int(row, "a") + row_int(row, "b") / 2) / row_int(row, "b") : 0;
	json_decref(row);
	return PS_OK;
}

/* 见面率: of the persons registered at the households visited, the share
 * seen at the visit (each visit capped at its household) */
static int meet_rate(struct ctx *c, const struct assess_subject *s, const struct assess_window *w, int64_t *value,
		     int *has)
{
#define LIVING "(SELECT COUNT(*) FROM person p WHERE p.address_id = h.address_id)"
	return ratio_dates(c, s, w,
			   "SELECT COALESCE(SUM(CASE WHEN h.persons_seen < " LIVING " THEN h.persons_seen ELSE " LIVING
			   " END), 0) AS a, COALESCE(SUM(" LIVING "), 0) AS b FROM household_visit h"
			   " WHERE h.user_id = ? AND h.visited_on >= ? AND h.visited_on < ?",
			   "SELECT COALESCE(SUM(CASE WHEN h.persons_seen < " LIVING " THEN h.persons_seen ELSE " LIVING
			   " END), 0) AS a, COALESCE(SUM(" LIVING "), 0) AS b FROM household_visit h"
			   " JOIN address ad ON ad.id = h.address_id WHERE ad.station_id = ? AND h.visited_on >= ?"
			   " AND h.visited_on < ?",
			   value, has);
#undef LIVING
}

/* 发函率 (a station's): control-layer floating persons registered in the
 * period with an inquiry letter sent, of all of them; no officer figure
 * (the letters are the station's) */
static int letter_rate(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
		       int64_t *value, int *has)
{
	return ratio_dates(c, s, w, NULL,
			   "SELECT COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM inquiry_letter l WHERE l.person_id ="
			   " f.person_id) THEN 1 ELSE 0 END), 0) AS a, COUNT(*) AS b FROM floating_person f"
			   " WHERE f.station_id = ? AND f.layer = 'control' AND f.registered_on >= ? AND f.registered_on < ?",
			   value, has);
}

/* A part-of-whole figure as a per cent (×100), absent when whole is 0. */
static void percent_of(int64_t part, int64_t whole, int64_t *value, int *has)
{
	if (part > whole)
		part = whole;
	*has = whole > 0;
	*value = whole > 0 ? (100 * 100 * part + whole / 2) / whole : 0;
}

/* 比对率 (a station's): the population module's figure for the station's
 * units (population_summary_comparison) — the registry keeps no history of
 * comparisons, so it is the rate as the records stand; no officer figure */
static int compare_rate(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
			int64_t *value, int *has)
{
	struct rows_query q;
	const char *path = NULL;
	json_t *row;
	int64_t due, compared;
	int rc;

	(void)w;
	*value = 0;
	*has = 0;
	if (s->user_id)
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_int(&q, s->station_id);
	rc = rows_one(&q, "SELECT path FROM org_unit WHERE id = ?", &row);
	if (rc)
		return rc;
	path = arena_printf(c->arena, "%s%%", row_str(row, "path"));
	json_decref(row);
	if (!path)
		return NOMEM(c);
	rc = population_summary_comparison(c, path, &due, &compared, NULL);
	percent_of(compared, due, value, has);
	return rc;
}

/* 出租房屋按期检查率: visits within the level's cycle (the population
 * module's rentals_visit_timeliness); a station's also counts the rentals
 * whose visit fell due in the period and was missed */
static int rental_ontime(struct ctx *c, const struct assess_subject *s, const struct assess_window *w,
			 int64_t *value, int *has)
{
	int64_t on_time, due;
	int rc = rentals_visit_timeliness(c, s->station_id, s->user_id, w->from_on, w->to_on, &on_time, &due);

	percent_of(on_time, due, value, has);
	return rc;
}

/* The sources. To add one (training attendance, exam scores, patrol hours
 * and arrests, 比对率/发函率): a function above, a row here, a setting
 * assess.weight.<key> in settings.c. */
const struct assess_source assess_sources[] = {
	{ "cases_handled", "办理案件", "件", 1, cases_handled },
	{ "cases_solved", "办结案件", "件", 1, cases_solved },
	{ "persons_dealt", "查处违法犯罪人员", "人", 1, persons_dealt },
	{ "breaches", "执法监督记录", "次", -1, breaches },
	{ "faults", "执法过错认定", "次", -1, faults },
	{ "quality", "案件质量评分", "分", 1, quality },
	{ "satisfaction", "回访满意度", "分（5分制）", 1, satisfaction },
	{ "household_visits", "熟悉住户走访", "户次", 1, household_visits },
	{ "rental_visits", "出租房屋检查", "次", 1, rental_visits },
	{ "patrol_hours", "巡逻时长", "小时", 1, patrol_hours },
	{ "patrol_arrests", "巡逻抓现行", "人", 1, patrol_arrests },
	{ "exam_score", "学法考试成绩", "分", 1, exam_score },
	{ "training_attendance", "会议学习出席率", "%", 1, training_attendance },
	{ "training_days", "业务培训天数", "天", 1, training_days },
	{ "meet_rate", "走访见面率", "%", 1, meet_rate },
	{ "letter_rate", "流动人口发函率", "%", 1, letter_rate },
	{ "compare_rate", "人口信息比对率", "%", 1, compare_rate },
	{ "rental_ontime", "出租房屋按期检查率", "%", 1, rental_ontime },
	{ NULL, NULL, NULL, 0, NULL },
};

int assessment_figure(struct ctx *c, const char *key, const struct assess_subject *s, const struct assess_window *w,
		      int64_t *value, int *has)
{
	for (int k = 0; assess_sources[k].key; k++)
		if (!strcmp(assess_sources[k].key, key))
			return assess_sources[k].figure(c, s, w, value, has);
	return ps_fail(c->err, PS_EINVAL, NULL, NULL, "未知的考核数据源");
}

int assessment_window(struct ctx *c, const char *period, const char *on, struct assess_window *w)
{
	int y, m, d, m0, m1, y1;
	int64_t d0, d1;

	if (!period || !*period)
		period = "month";
	if (!enums_valid(ES_ASSESS_PERIOD, period))
		return ps_fail_field(c->err, PS_EINVAL, "period", "考核周期应为月度、季度或年度");
	if (!on || !*on)
		on = ctx_today_str(c);
	if (date_parse(on, strlen(on), &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "on", "日期应为 YYYY-MM-DD");
	if (!strcmp(period, "month"))
		m0 = m, m1 = m + 1;
	else if (!strcmp(period, "quarter"))
		m0 = (m - 1) / 3 * 3 + 1, m1 = m0 + 3;
	else
		m0 = 1, m1 = 13;
	y1 = y;
	if (m1 > 12)
		m1 -= 12, y1++;
	d0 = date_days_from_civil(y, m0, 1);
	d1 = date_days_from_civil(y1, m1, 1);
	/* local days of Asia/Shanghai (UTC+8) */
	{
		int64_t day = d0;

		w->from = day * 86400 - 8 * 3600;
		day = d1;
		w->to = day * 86400 - 8 * 3600;
	}
	w->from_on = arena_printf(c->arena, "%04d-%02d-01", y, m0);
	w->to_on = arena_printf(c->arena, "%04d-%02d-01", y1, m1);
	return w->from_on && w->to_on ? PS_OK : NOMEM(c);
}

#define ASSESS_SOURCES_MAX 24

/* One subject's figures and score parts. */
struct scored {
	json_t *row; /* borrowed from the list */
	int64_t value[ASSESS_SOURCES_MAX];
	int has[ASSESS_SOURCES_MAX];
	int64_t milli; /* score × 1000 */
	int64_t tenth; /* score × 10, rounded */
};

static int nsources(void)
{
	int n = 0;

	while (assess_sources[n].key)
		n++;
	return n;
}

/* Figures, scores and ranks of every row of list (each with user_id or
 * station_id, and station_id). */
static int score_all(struct ctx *c, const struct assess_window *w, json_t *list, json_t *sources)
{
	int n = nsources(), k;
	size_t cnt = json_array_size(list), i, j;
	struct scored *sc;
	json_t *row;
	int rc;

	if (n > ASSESS_SOURCES_MAX)
		return ps_fail(c->err, PS_EINVAL, NULL, NULL, "考核数据源过多");
	sc = arena_alloc(c->arena, (cnt ? cnt : 1) * sizeof(*sc));
	if (!sc)
		return NOMEM(c);
	memset(sc, 0, (cnt ? cnt : 1) * sizeof(*sc));
	json_array_foreach(list, i, row) {
		struct assess_subject s = { row_int(row, "user_id"), row_int(row, "station_id") };

		sc[i].row = row;
		for (k = 0; k < n; k++) {
			rc = assess_sources[k].figure(c, &s, w, &sc[i].value[k], &sc[i].has[k]);
			if (rc)
				return rc;
		}
	}
	for (k = 0; k < n; k++) {
		int64_t weight = row_int(json_array_get(sources, (size_t)k), "weight"), max = 0;

		for (i = 0; i < cnt; i++)
			if (sc[i].has[k] && sc[i].value[k] > max)
				max = sc[i].value[k];
		for (i = 0; i < cnt; i++) {
			int64_t part;

			if (assess_sources[k].direction > 0)
				part = max > 0 && sc[i].has[k] ? (weight * 1000 * sc[i].value[k] + max / 2) / max : 0;
			else
				part = max > 0 ? (weight * 1000 * (max - sc[i].value[k]) + max / 2) / max : weight * 1000;
			sc[i].milli += part;
		}
	}
	for (i = 0; i < cnt; i++) {
		json_t *figs = json_object();

		if (!figs)
			return NOMEM(c);
		sc[i].tenth = (sc[i].milli + 50) / 100;
		for (k = 0; k < n; k++)
			json_object_set_new(figs, assess_sources[k].key,
					    sc[i].has[k] ? json_real((double)sc[i].value[k] / 100.0) : json_null());
		json_object_set_new(sc[i].row, "figures", figs);
		json_object_set_new(sc[i].row, "score", json_real((double)sc[i].tenth / 10.0));
	}
	for (i = 0; i < cnt; i++) {
		int64_t rank = 1;

		for (j = 0; j < cnt; j++)
			rank += sc[j].tenth > sc[i].tenth;
		json_object_set_new(sc[i].row, "rank", json_integer(rank));
	}
	return PS_OK;
}

static int by_rank(const void *a, const void *b)
{
	int64_t x = row_int(*(json_t *const *)a, "rank"), y = row_int(*(json_t *const *)b, "rank");

	return x < y ? -1 : x > y;
}

/* the bureau above a station (its parent's path) */
static int bureau_path(struct ctx *c, int64_t station_id, const char **path)
{
	struct rows_query q;
	json_t *row;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rc = rows_one(&q, "SELECT p.path FROM org_unit s JOIN org_unit p ON p.id = s.parent_id WHERE s.id = ?", &row);
	if (rc)
		return rc;
	*path = arena_printf(c->arena, "%s%%", row_str(row, "path"));
	json_decref(row);
	return *path ? PS_OK : NOMEM(c);
}

int assessment_get(struct ctx *c, const char *period, const char *on, const char *level, int64_t station_id,
		   json_t **out)
{
	struct assess_window w;
	struct rows_query q;
	json_t *sources = NULL, *list = NULL, *shown = NULL, *row;
	int officer_only, station_level, rc, k;
	const char *scope;
	size_t i, cnt;

	*out = NULL;
	rc = authz_require(c, ACT_ASSESSMENT_READ);
	if (!rc)
		rc = assessment_window(c, period, on, &w);
	if (rc)
		return rc;
	if (!period || !*period)
		period = "month";
	if (!level || !*level)
		level = "officer";
	if (!enums_valid(ES_ASSESS_LEVEL, level))
		return ps_fail_field(c->err, PS_EINVAL, "level", "考核对象应为民警或派出所");
	station_level = !strcmp(level, "station");
	officer_only = ctx_has_role(c, "officer");
	if (officer_only && station_level)
		return ctx_deny(c, "assessment.read", "org_unit", NULL, "民警只能查看本人的考核");
	/* the compared set: a station user's station (officers) or bureau
	 * (stations); the bureau's own subtree, or one of its stations */
	scope = ctx_scope_like(c);
	if (station_id) {
		rc = rows_check_unit(c, ACT_ASSESSMENT_READ, "SELECT path FROM org_unit WHERE id = ? AND kind = 'station'",
				     station_id, "派出所不存在");
		if (rc)
			return rc;
	}
	if (c->who.station_id && !station_id)
		station_id = c->who.station_id;
	sources = json_array();
	if (!sources)
		return NOMEM(c);
	for (k = 0; assess_sources[k].key; k++) {
		const char *key = assess_sources[k].key;
		int64_t weight = setting_int(c, arena_printf(c->arena, "assess.weight.%s", key),
					     c->who.station_id ? c->who.station_id : c->who.unit_id);

		json_array_append_new(sources, json_pack("{s:s, s:s, s:s, s:i, s:I}", "key", key, "label",
							 assess_sources[k].label, "unit", assess_sources[k].unit,
							 "direction", assess_sources[k].direction, "weight",
							 (json_int_t)weight));
	}
	rows_binds(&q, c);
	if (station_level) {
		if (c->who.station_id) {
			rc = bureau_path(c, c->who.station_id, &scope);
			if (rc) {
				json_decref(sources);
				return rc;
			}
		}
		rows_bind_text(&q, scope);
		rc = rows_all(&q,
			      "SELECT s.id AS station_id, s.name, s.name AS unit_name FROM org_unit s"
			      " WHERE s.kind = 'station' AND s.active = 1 AND s.path LIKE ? ORDER BY s.id",
			      &list);
	} else {
		rows_bind_int(&q, station_id);
		rows_bind_int(&q, station_id);
		rows_bind_text(&q, scope);
		rc = rows_all(&q,
			      "SELECT u.id AS user_id, u.name, u.badge_no, s.id AS station_id, s.name AS unit_name"
			      " FROM users u JOIN org_unit o ON o.id = u.unit_id"
			      " JOIN org_unit s ON s.kind = 'station' AND (s.id = o.id OR s.id = o.parent_id)"
			      " WHERE u.role IN ('officer','chief') AND u.disabled = 0"
			      " AND (? = 0 OR s.id = ?) AND s.path LIKE ? ORDER BY s.id, u.id",
			      &list);
	}
	if (!rc)
		rc = score_all(c, &w, list, sources);
	if (rc) {
		json_decref(sources);
		json_decref(list);
		return rc;
	}
	cnt = json_array_size(list);
	shown = json_array();
	json_array_foreach(list, i, row) {
		/* an officer: his own row; a station user at station level: his station */
		if (officer_only && row_int(row, "user_id") != c->who.user_id)
			continue;
		if (station_level && c->who.station_id && row_int(row, "station_id") != c->who.station_id)
			continue;
		json_array_append(shown, row);
	}
	json_decref(list);
	{
		size_t n = json_array_size(shown);
		json_t **v = arena_alloc(c->arena, (n ? n : 1) * sizeof(*v));

		if (!v) {
			json_decref(sources);
			json_decref(shown);
			return NOMEM(c);
		}
		for (i = 0; i < n; i++)
			v[i] = json_incref(json_array_get(shown, i));
		qsort(v, n, sizeof(*v), by_rank);
		json_array_clear(shown);
		for (i = 0; i < n; i++)
			json_array_append_new(shown, v[i]);
	}
	rc = station_level ? audit_read_items(c, "assessment.read", "org_unit", shown, "station_id")
			   : audit_read_items(c, "assessment.read", "user", shown, "user_id");
	if (rc) {
		json_decref(sources);
		json_decref(shown);
		return rc;
	}
	*out = json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:I}", "period", period, "from_on", w.from_on, "to_on",
			 w.to_on, "level", level, "sources", sources, "items", shown, "compared", (json_int_t)cnt);
	return *out ? PS_OK : NOMEM(c);
}
