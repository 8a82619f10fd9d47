/* api_assess_training.c — the 考核 sources read from 会议学习 and 熟悉住户
 * (issue 18): 会议学习出席率, 业务培训天数, 走访见面率, against a
 * hand-computed fixture in June 2021 (no demo record falls in it). Only
 * these three weights count (10 each).
 *
 *   June 2021, 城关:  例会 06-07: 李明 present, 张伟 absent
 *                     业务培训 06-08 (3 days): both present
 *                     业务培训 06-09 (2 days): 李明 absent, 张伟 present
 *   attendance: 李明 2/3 = 66.67 %, 张伟 2/3 = 66.67 %; station 4/6 = 66.67 %
 *   training days: 李明 3, 张伟 5; station (3 + 3 + 2) ÷ 2 officers listed = 4
 *   见面率: 李明 visits a household of 2 persons and sees 1 → 50 %
 *   scores (weight × value ÷ the highest): 李明 10·1 + 10·3/5 + 10·1 = 26,
 *   张伟 10·1 + 10·5/5 + 0 (no visit) = 20 → 李明 first */
#include "harness.h"
#include "case_util.h"

#include <math.h>
#include <string.h>

static void weight(struct server *srv, const char *key, int v)
{
	EXPECT(http(srv, as(srv, "admin"), "PUT", fmt(srv, API "/settings/assess.weight.%s", key),
		    fmt(srv, "{\"value\":%d}", v)),
	       200);
}

static json_t *row_of(json_t *items, const char *key, long long id)
{
	json_t *it;
	size_t i;

	json_array_foreach(items, i, it)
		if (jint(it, key) == id)
			return it;
	return NULL;
}

static double fig(json_t *it, const char *key)
{
	return json_number_value(json_object_get(json_object_get(it, "figures"), key));
}

static void meeting(struct server *srv, const char *day, const char *kind, int tdays, long long a, int ap, long long b,
		    int bp)
{
	EXPECT(http(srv, as(srv, "suozhang"), "POST", API "/team-meetings",
		    fmt(srv,
			"{\"held_on\":\"%s\",\"kind\":\"%s\",\"topic\":\"六月\",\"speaker\":\"所长\",%s\"attendees\":["
			"{\"user_id\":%lld,\"present\":%s},{\"user_id\":%lld,\"present\":%s}]}",
			day, kind, tdays ? fmt(srv, "\"training_days\":%d,", tdays) : "", a, ap ? "true" : "false", b,
			bp ? "true" : "false")),
	       201);
}

STORY(training_and_meet_rate_sources)
{
	static const char *const zero[] = { "cases_handled", "cases_solved", "persons_dealt", "breaches", "faults",
					    "quality", "satisfaction", "household_visits", "rental_visits", "patrol_hours",
					    "patrol_arrests", "exam_score", "letter_rate",
					    "compare_rate", "rental_ontime" };
	long long mj1 = user_id(srv, as(srv, "admin"), "minjing1"), mj2 = user_id(srv, as(srv, "admin"), "minjing2");
	long long cg = unit_id(srv, as(srv, "suozhang"), "城关派出所");
	struct resp *r;
	json_t *a, *b, *st;

	for (size_t i = 0; i < sizeof(zero) / sizeof(zero[0]); i++)
		weight(srv, zero[i], 0);
	weight(srv, "training_attendance", 10);
	weight(srv, "training_days", 10);
	weight(srv, "meet_rate", 10);
	meeting(srv, "2021-06-07", "weekly", 0, mj1, 1, mj2, 0);
	meeting(srv, "2021-06-08", "training", 3, mj1, 1, mj2, 1);
	meeting(srv, "2021-06-09", "training", 2, mj1, 0, mj2, 1);
	/* a household of exactly two registered persons, one seen */
	if (db_raw_exec(srv->db,
			fmt(srv,
			    "INSERT INTO household_visit(address_id, visited_on, user_id, persons_seen, learnt, created_at)"
			    " SELECT a.id, '2021-06-10', %lld, 1, '见到户主', 0 FROM address a WHERE a.station_id = %lld"
			    " AND (SELECT COUNT(*) FROM person p WHERE p.address_id = a.id) = 2 ORDER BY a.id LIMIT 1",
			    mj1, cg)) != 0)
		fail_msg("fixture SQL failed");

	r = http(srv, as(srv, "suozhang"), "GET", API "/assessments?period=month&on=2021-06-18", NULL);
	EXPECT(r, 200);
	a = row_of(jpath(r->json, "items"), "user_id", mj1);
	b = row_of(jpath(r->json, "items"), "user_id", mj2);
	assert_non_null(a);
	assert_non_null(b);
	assert_true(fabs(fig(a, "training_attendance") - 66.67) < 0.01);
	assert_true(fabs(fig(b, "training_attendance") - 66.67) < 0.01);
	assert_true(fabs(fig(a, "training_days") - 3) < 0.01);
	assert_true(fabs(fig(b, "training_days") - 5) < 0.01);
	assert_true(fabs(fig(a, "meet_rate") - 50) < 0.01);
	assert_true(json_is_null(json_object_get(json_object_get(b, "figures"), "meet_rate")));
	/* the station's 发函率 is no officer figure */
	assert_true(json_is_null(json_object_get(json_object_get(a, "figures"), "letter_rate")));
	assert_true(fabs(json_number_value(json_object_get(a, "score")) - 26) < 0.01);
	assert_true(fabs(json_number_value(json_object_get(b, "score")) - 20) < 0.01);
	assert_int_equal(jint(a, "rank"), 1);
	assert_int_equal(jint(b, "rank"), 2);

	/* the stations: 城关's attendance 4/6, training days 4 per officer listed */
	r = http(srv, as(srv, "juzhang"), "GET", API "/assessments?period=month&on=2021-06-18&level=station", NULL);
	EXPECT(r, 200);
	st = row_of(jpath(r->json, "items"), "station_id", cg);
	assert_non_null(st);
	assert_true(fabs(fig(st, "training_attendance") - 66.67) < 0.01);
	assert_true(fabs(fig(st, "training_days") - 4) < 0.01);
	assert_true(fabs(fig(st, "meet_rate") - 50) < 0.01);
	/* a change moves it: 张伟 at one more training, 4 days → 9 */
	meeting(srv, "2021-06-21", "training", 4, mj1, 0, mj2, 1);
	r = http(srv, as(srv, "suozhang"), "GET", API "/assessments?period=month&on=2021-06-18", NULL);
	EXPECT(r, 200);
	b = row_of(jpath(r->json, "items"), "user_id", mj2);
	assert_true(fabs(fig(b, "training_days") - 9) < 0.01);
	assert_true(fabs(fig(b, "training_attendance") - 75) < 0.01);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(training_and_meet_rate_sources, setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
