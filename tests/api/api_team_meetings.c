/* api_team_meetings.c — meetings, study and training (issue 18;
 * TEAM-MEETING-PLAN [U], TEAM-TRAIN-DAYS [S]): the attendees proposed from
 * the station's staff and the approved leave, the refusals of a record,
 * attendance and training days per officer (hand-counted from the demo's
 * monthly two-day trainings), the training pace warning, and an expected
 * 例会 / 案件通报研讨 / 集体法律学习 not recorded as a warning and a today
 * item of the chief. */
#include "clock_util.h"

static json_t *row_of(json_t *items, const char *key, long long id)
{
	json_t *it;
	size_t i;

	json_array_foreach(items, i, it)
		if (jint(it, key) == id)
			return it;
	return NULL;
}

static json_t *figures_of(struct server *srv, const char *user, long long uid)
{
	struct resp *r = http(srv, S(user), "GET", API "/team-meetings/figures", NULL);

	EXPECT(r, 200);
	EXPECT_STR(r, "rule", "TEAM-TRAIN-DAYS");
	return row_of(jpath(r->json, "items"), "user_id", uid);
}

/* an item of the user's 待办事项 (the today sources) */
static int today_has(struct server *srv, const char *user, const char *kind)
{
	struct resp *r = http(srv, S(user), "GET", API "/todos", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (strcmp(jstr(it, "kind"), kind) == 0)
			return 1;
	return 0;
}

/* a warning of the chief's board whose key starts with prefix and ends with suffix */
static json_t *warning_like(struct server *srv, const char *user, const char *prefix, const char *suffix)
{
	struct resp *r = http(srv, S(user), "GET", API "/warnings?level=all", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it) {
		const char *k = jstr(it, "key");
		size_t n = strlen(k), m = strlen(suffix);

		if (strncmp(k, prefix, strlen(prefix)) == 0 && n >= m && strcmp(k + n - m, suffix) == 0)
			return it;
	}
	return NULL;
}

static const char *attendee(struct server *srv, long long uid, int present, const char *why)
{
	return why ? fmt(srv, "{\"user_id\":%lld,\"present\":%s,\"absence_reason\":\"%s\"}", uid, present ? "true" : "false", why)
		   : fmt(srv, "{\"user_id\":%lld,\"present\":%s}", uid, present ? "true" : "false");
}

static struct resp *record(struct server *srv, const char *user, const char *day, const char *kind, int tdays,
			   const char *attendees)
{
	return http(srv, S(user), "POST", API "/team-meetings",
		    fmt(srv,
			"{\"held_on\":\"%s\",\"kind\":\"%s\",\"topic\":\"测试议题\",\"speaker\":\"张所长\",%s"
			"\"minutes\":\"记录\",\"attendees\":[%s]}",
			day, kind, tdays ? fmt(srv, "\"training_days\":%d,", tdays) : "", attendees));
}

/* the demo: a two-day 业务培训 on the 10th of every month of the year
 * before today; 刘强 (minjing3) absent from April on */
static int demo_trainings(struct server *srv, int from_month)
{
	struct tm t = srv_day(srv, 0);
	int n = 0;

	for (int mo = from_month; mo <= t.tm_mon + 1; mo++)
		if (mo < t.tm_mon + 1 || t.tm_mday > 10)
			n++;
	return n;
}

STORY(record_attendance_and_figures)
{
	long long m1, m2, m3, zl, bs, id;
	const char *today;
	struct resp *r;
	json_t *it, *before1, *before2;
	long long l1, p1, t1, l2, p2, t2;

	clocks_begin(srv);
	today = ymd(srv, lday((int64_t)srv_now(srv)));
	m1 = me_id(srv, S("minjing1"), NULL);
	m2 = me_id(srv, S("minjing2"), NULL);
	m3 = me_id(srv, S("minjing3"), NULL);
	zl = me_id(srv, S("fazhi"), NULL);
	bs = me_id(srv, S("beishe_sz"), NULL);

	/* the proposal: the station's staff and its posts' (刘强 of a 警务室),
	 * 赵丽 on approved leave today proposed absent; not 北社's chief */
	r = http(srv, S("suozhang"), "GET", fmt(srv, API "/team-meetings/proposal?held_on=%s", today), NULL);
	EXPECT(r, 200);
	assert_non_null(row_of(jpath(r->json, "attendees"), "user_id", m3));
	assert_null(row_of(jpath(r->json, "attendees"), "user_id", bs));
	it = row_of(jpath(r->json, "attendees"), "user_id", zl);
	assert_non_null(it);
	assert_false(json_is_true(json_object_get(it, "present")));
	assert_string_equal(jstr(it, "absence_reason"), "请假（事假）");
	assert_true(json_is_true(json_object_get(row_of(jpath(r->json, "attendees"), "user_id", m1), "present")));
	assert_error(srv, http(srv, S("minjing1"), "GET", API "/team-meetings/proposal", NULL), 403, "FORBIDDEN");

	/* the demo's figures, counted by hand: 2 days a training */
	it = figures_of(srv, "suozhang", m1);
	assert_non_null(it);
	assert_int_equal(jint(it, "training_days"), 2 * demo_trainings(srv, 1));
	assert_int_equal(jint(it, "training_min"), 15);
	it = figures_of(srv, "suozhang", m3);
	assert_int_equal(jint(it, "training_days"), 2 * (demo_trainings(srv, 1) - demo_trainings(srv, 4)));

	/* refusals: an officer records none; a 例会 gives no training days; a
	 * colleague of another station; no one present; a future day */
	assert_error(srv, record(srv, "minjing1", today, "weekly", 0, attendee(srv, m1, 1, NULL)), 403, "FORBIDDEN");
	EXPECT_ERR(srv, record(srv, "suozhang", today, "weekly", 2, attendee(srv, m1, 1, NULL)), 400, "INVALID_FIELD", NULL);
	EXPECT_ERR(srv, record(srv, "suozhang", today, "weekly", 0, attendee(srv, bs, 1, NULL)), 400, "INVALID_FIELD", NULL);
	EXPECT_ERR(srv, record(srv, "suozhang", today, "weekly", 0, attendee(srv, m1, 0, "出警")), 400, "INVALID_FIELD", NULL);
	EXPECT_ERR(srv,
		   record(srv, "suozhang", ymd(srv, lday((int64_t)srv_now(srv)) + 1), "weekly", 0, attendee(srv, m1, 1, NULL)),
		   400, "INVALID_FIELD", NULL);
	EXPECT_ERR(srv, record(srv, "suozhang", today, "banquet", 0, attendee(srv, m1, 1, NULL)), 400, "INVALID_FIELD", NULL);

	before1 = json_deep_copy(figures_of(srv, "suozhang", m1));
	before2 = json_deep_copy(figures_of(srv, "suozhang", m2));
	l1 = jint(before1, "listed"), p1 = jint(before1, "present"), t1 = jint(before1, "training_days");
	l2 = jint(before2, "listed"), p2 = jint(before2, "present"), t2 = jint(before2, "training_days");
	json_decref(before1);
	json_decref(before2);
	/* 内勤 records a three-day training: minjing1 present, minjing2 absent */
	r = record(srv, "neiqin", today, "training", 3,
		   fmt(srv, "%s,%s", attendee(srv, m1, 1, NULL), attendee(srv, m2, 0, "出警")));
	EXPECT(r, 201);
	id = rnum(r, "meeting.id");
	EXPECT_NUM(r, "meeting.training_days", 3);
	EXPECT_NUM(r, "meeting.present", 1);
	EXPECT_NUM(r, "meeting.absent", 1);
	EXPECT_STR(r, "meeting.kind_label", "业务培训");
	it = figures_of(srv, "suozhang", m1);
	assert_int_equal(jint(it, "listed"), l1 + 1);
	assert_int_equal(jint(it, "present"), p1 + 1);
	assert_int_equal(jint(it, "training_days"), t1 + 3);
	it = figures_of(srv, "suozhang", m2);
	assert_int_equal(jint(it, "listed"), l2 + 1);
	assert_int_equal(jint(it, "present"), p2);
	assert_int_equal(jint(it, "absent"), l2 + 1 - p2);
	assert_int_equal(jint(it, "training_days"), t2);
	/* minjing2 sees his own row only; the chief the station's */
	r = http(srv, S("minjing2"), "GET", API "/team-meetings/figures", NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 1);
	assert_int_equal(jint(json_array_get(jpath(r->json, "items"), 0), "user_id"), m2);

	/* the list: 城关 and the county see it, 北社 not */
	r = http(srv, S("minjing2"), "GET", API "/team-meetings?kind=training", NULL);
	EXPECT(r, 200);
	it = row_of(jpath(r->json, "items"), "id", id);
	assert_non_null(it);
	assert_int_equal(json_array_size(json_object_get(it, "attendees")), 2);
	assert_string_equal(jstr(row_of(json_object_get(it, "attendees"), "user_id", m2), "absence_reason"), "出警");
	r = http(srv, S("juzhang"), "GET", API "/team-meetings", NULL);
	EXPECT(r, 200);
	assert_non_null(row_of(jpath(r->json, "items"), "id", id));
	r = http(srv, S("beishe_sz"), "GET", API "/team-meetings", NULL);
	EXPECT(r, 200);
	assert_null(row_of(jpath(r->json, "items"), "id", id));
	assert_true(json_array_size(jpath(r->json, "items")) > 0); /* its own four weeks */
}

/* TEAM-TRAIN-DAYS: on 1 July the pace is 15 × 181 ÷ 365 = 7 days (7 in a
 * leap year too: 15 × 182 ÷ 366); an officer with fewer is warned */
STORY(training_pace_warning)
{
	int64_t d = lday((int64_t)srv_now(srv));
	struct tm t;
	long long m1, m2, aux;
	json_t *it;
	char key[64];

	clocks_begin(srv);
	m1 = me_id(srv, S("minjing1"), NULL);
	m2 = me_id(srv, S("minjing2"), NULL);
	aux = me_id(srv, S("fujing"), NULL);
	/* 1 July of a year after the demo's (its records are of this year) */
	for (;; d++) {
		time_t s = (time_t)(d * DAY);

		gmtime_r(&s, &t);
		if (t.tm_mon == 6 && t.tm_mday == 1 && t.tm_year + 1900 > srv_year(srv))
			break;
	}
	at(srv, midnight(d) + 9 * HOUR);
	snprintf(key, sizeof(key), "training:%lld:%d", m1, t.tm_year + 1900);
	/* no record this year: the station keeps none, nobody is held */
	it = figures_of(srv, "suozhang", m1);
	assert_int_equal(jint(it, "training_days"), 0);
	assert_false(json_is_true(json_object_get(it, "behind")));
	assert_null(warning(srv, "suozhang", "?level=all", key));

	EXPECT(record(srv, "suozhang", ymd(srv, d), "training", 3,
		      fmt(srv, "%s,%s,%s", attendee(srv, m1, 1, NULL), attendee(srv, m2, 0, "值班"), attendee(srv, aux, 1, NULL))),
	       201);
	it = figures_of(srv, "suozhang", m1);
	assert_int_equal(jint(it, "training_days"), 3);
	assert_int_equal(jint(it, "training_expected"), 7);
	assert_true(json_is_true(json_object_get(it, "behind")));
	/* an auxiliary is not held to the officers' minimum */
	it = figures_of(srv, "suozhang", aux);
	assert_int_equal(jint(it, "training_days"), 3);
	assert_int_equal(jint(it, "training_min"), 0);
	assert_false(json_is_true(json_object_get(it, "behind")));
	it = warning(srv, "suozhang", "?level=all", key);
	assert_non_null(it);
	assert_string_equal(jstr(it, "rule"), "TEAM-TRAIN-DAYS");
	assert_true(today_has(srv, "minjing1", "training_behind"));
	assert_false(today_has(srv, "fujing", "training_behind"));

	/* four more days: 7, on the pace */
	EXPECT(record(srv, "suozhang", ymd(srv, d), "training", 4, attendee(srv, m1, 1, NULL)), 201);
	it = figures_of(srv, "suozhang", m1);
	assert_int_equal(jint(it, "training_days"), 7);
	assert_false(json_is_true(json_object_get(it, "behind")));
	assert_null(warning(srv, "suozhang", "?level=all", key));
	assert_false(today_has(srv, "minjing1", "training_behind"));
	/* minjing2 (absent) still behind; the minimum as a setting: 0 holds nobody */
	assert_true(json_is_true(json_object_get(figures_of(srv, "suozhang", m2), "behind")));
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/team.training_days_min", "{\"value\":0}"), 200);
	assert_false(json_is_true(json_object_get(figures_of(srv, "suozhang", m2), "behind")));
}

/* TEAM-MEETING-PLAN: Monday's 例会, Friday's 案件通报研讨, the 5th's
 * 集体法律学习 — due at the end of the day; a warning and the chief's today
 * item until recorded */
STORY(expected_meetings_missing)
{
	int64_t d = lday((int64_t)srv_now(srv)) + 40, mon, fifth;
	long long m1;
	struct tm t;

	clocks_begin(srv);
	m1 = me_id(srv, S("minjing1"), NULL);
	/* a Monday 40+ days on (the demo's records are older than 14 days:
	 * no station is held), day 0 of 1970 was a Thursday */
	while ((d + 3) % 7 != 0)
		d++;
	mon = d;
	at(srv, midnight(mon) + 9 * HOUR);
	assert_null(warning_like(srv, "suozhang", "team_meeting:", fmt(srv, ":weekly:%s", ymd(srv, mon))));
	assert_false(today_has(srv, "suozhang", "meeting_missing"));
	/* a record of last Friday's study: 城关 keeps records */
	EXPECT(record(srv, "neiqin", ymd(srv, mon - 3), "political", 0, attendee(srv, m1, 1, NULL)), 201);
	assert_non_null(warning_like(srv, "suozhang", "team_meeting:", fmt(srv, ":weekly:%s", ymd(srv, mon))));
	assert_string_equal(jstr(warning_like(srv, "suozhang", "team_meeting:", fmt(srv, ":weekly:%s", ymd(srv, mon))), "rule"),
			    "TEAM-MEETING-PLAN");
	assert_true(today_has(srv, "suozhang", "meeting_missing"));
	assert_true(today_has(srv, "neiqin", "meeting_missing"));
	assert_false(today_has(srv, "minjing1", "meeting_missing"));
	/* Friday's not due yet */
	assert_null(warning_like(srv, "suozhang", "team_meeting:", fmt(srv, ":case_review:%s", ymd(srv, mon + 4))));
	/* the 例会 recorded: gone */
	EXPECT(record(srv, "suozhang", ymd(srv, mon), "weekly", 0, attendee(srv, m1, 1, NULL)), 201);
	assert_null(warning_like(srv, "suozhang", "team_meeting:", fmt(srv, ":weekly:%s", ymd(srv, mon))));

	/* Saturday: Friday's 案件通报研讨 missing, overdue */
	at(srv, midnight(mon + 5) + 9 * HOUR);
	assert_non_null(warning_like(srv, "suozhang", "team_meeting:", fmt(srv, ":case_review:%s", ymd(srv, mon + 4))));
	EXPECT(record(srv, "neiqin", ymd(srv, mon + 4), "case_review", 0, attendee(srv, m1, 1, NULL)), 201);
	assert_null(warning_like(srv, "suozhang", "team_meeting:", fmt(srv, ":case_review:%s", ymd(srv, mon + 4))));

	/* the next 5th: the 集体法律学习 due at its end */
	for (fifth = mon + 6;; fifth++) {
		time_t s = (time_t)(fifth * DAY);

		gmtime_r(&s, &t);
		if (t.tm_mday == 5)
			break;
	}
	at(srv, midnight(fifth) + 8 * HOUR);
	EXPECT(record(srv, "neiqin", ymd(srv, fifth - 1), "political", 0, attendee(srv, m1, 1, NULL)), 201);
	assert_non_null(warning_like(srv, "suozhang", "team_meeting:", fmt(srv, ":legal_study:%s", ymd(srv, fifth))));
	EXPECT(record(srv, "suozhang", ymd(srv, fifth), "legal_study", 0, attendee(srv, m1, 1, NULL)), 201);
	assert_null(warning_like(srv, "suozhang", "team_meeting:", fmt(srv, ":legal_study:%s", ymd(srv, fifth))));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(record_attendance_and_figures, setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(training_pace_warning, setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(expected_meetings_missing, setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
