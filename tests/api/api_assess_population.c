/* api_assess_population.c — the 考核 sources read from 一标三实 (issue 18):
 * 出租房屋按期检查率 and 人口信息比对率, never typed twice (the population
 * module's figures). Only these two weights count (10 each).
 *
 *   出租房屋 of 城关, June 2021 (cycle of a 一般户: 30 days):
 *     A, registered 05-01: visited 05-20, 06-10 (李明, 21 days after: on
 *        time), 06-25 (李明, 15 days after: on time)
 *     B, registered 04-01: visited 06-05 (张伟, 65 days after: late)
 *     C: its visit fell due 06-15 and passed with no visit (missed)
 *   李明 2/2 = 100 %, 张伟 0/1 = 0 %; 城关 2 on time of 3 visits + 1 missed
 *   = 50 %; scores: 李明 10, 张伟 0.
 *   比对率 of 城关: the station page's compared ÷ due; one more temporary
 *   resident with no ID number (not comparable) → compared ÷ (due + 1). */
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

static void sql(struct server *srv, const char *s)
{
	if (db_raw_exec(srv->db, s) != 0)
		fail_msg("fixture SQL failed: %s", s);
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

/* the n-th (0-based) rental of the station by id */
static const char *nth_rental(struct server *srv, long long station, int n)
{
	return fmt(srv, "(SELECT id FROM rental WHERE station_id = %lld ORDER BY id LIMIT 1 OFFSET %d)", station, n);
}

STORY(rental_ontime_and_compare_rate_sources)
{
	static const char *const zero[] = { "cases_handled", "cases_solved", "persons_dealt", "breaches", "faults",
					    "quality", "satisfaction", "household_visits", "rental_visits", "patrol_hours",
					    "patrol_arrests", "exam_score", "training_attendance", "training_days",
					    "meet_rate", "letter_rate" };
	long long mj1 = user_id(srv, as(srv, "admin"), "minjing1"), mj2 = user_id(srv, as(srv, "admin"), "minjing2");
	long long cg = unit_id(srv, as(srv, "suozhang"), "城关派出所");
	struct resp *r, *s;
	json_t *a, *b, *st;
	double want;

	for (size_t i = 0; i < sizeof(zero) / sizeof(zero[0]); i++)
		weight(srv, zero[i], 0);
	weight(srv, "rental_ontime", 10);
	weight(srv, "compare_rate", 10);
	sql(srv, fmt(srv, "UPDATE rental SET level = 'normal', created_at = 1619798400 WHERE id = %s", nth_rental(srv, cg, 0)));
	sql(srv, fmt(srv, "UPDATE rental SET level = 'normal', created_at = 1617206400 WHERE id = %s", nth_rental(srv, cg, 1)));
	sql(srv, fmt(srv, "UPDATE rental SET visit_due_day = 18793 WHERE id = %s", nth_rental(srv, cg, 2)));
	sql(srv, fmt(srv,
		     "INSERT INTO rental_visit(rental_id, visited_on, user_id, findings, created_at) VALUES"
		     " (%s, '2021-05-20', %lld, '正常', 0), (%s, '2021-06-10', %lld, '正常', 0),"
		     " (%s, '2021-06-25', %lld, '正常', 0), (%s, '2021-06-05', %lld, '正常', 0)",
		     nth_rental(srv, cg, 0), mj1, nth_rental(srv, cg, 0), mj1, nth_rental(srv, cg, 0), mj1,
		     nth_rental(srv, cg, 1), mj2));

	r = http(srv, as(srv, "suozhang"), "GET", API "/assessments?period=month&on=2021-06-18", NULL);
	EXPECT(r, 200);
	a = row_of(jpath(r->json, "items"), "user_id", mj1);
	b = row_of(jpath(r->json, "items"), "user_id", mj2);
	assert_non_null(a);
	assert_non_null(b);
	assert_true(fabs(fig(a, "rental_ontime") - 100) < 0.01);
	assert_true(fabs(fig(b, "rental_ontime") - 0) < 0.01);
	/* 比对率 is the station's, no officer figure */
	assert_true(json_is_null(json_object_get(json_object_get(a, "figures"), "compare_rate")));
	assert_true(fabs(json_number_value(json_object_get(a, "score")) - 10) < 0.01);
	assert_true(fabs(json_number_value(json_object_get(b, "score")) - 0) < 0.01);

	/* the station: 2 on time of 3 visits and 1 missed; 比对率 as the station page shows it */
	s = http(srv, as(srv, "suozhang"), "GET", API "/population/summary", NULL);
	EXPECT(s, 200);
	assert_true(rnum(s, "comparison_due") > 0);
	r = http(srv, as(srv, "juzhang"), "GET", API "/assessments?period=month&on=2021-06-18&level=station", NULL);
	EXPECT(r, 200);
	st = row_of(jpath(r->json, "items"), "station_id", cg);
	assert_non_null(st);
	assert_true(fabs(fig(st, "rental_ontime") - 50) < 0.01);
	want = 100.0 * (double)rnum(s, "compared") / (double)rnum(s, "comparison_due");
	assert_true(fabs(fig(st, "compare_rate") - want) < 0.006);

	/* a temporary resident with no ID number cannot be compared: the rate drops */
	sql(srv, fmt(srv, "INSERT INTO person(name, unit_id, kind, created_at) VALUES ('暂住测试', %lld, 'temporary', 0)",
		     cg));
	r = http(srv, as(srv, "juzhang"), "GET", API "/assessments?period=month&on=2021-06-18&level=station", NULL);
	EXPECT(r, 200);
	st = row_of(jpath(r->json, "items"), "station_id", cg);
	want = 100.0 * (double)rnum(s, "compared") / (double)(rnum(s, "comparison_due") + 1);
	assert_true(fabs(fig(st, "compare_rate") - want) < 0.006);
	/* a late visit made on time moves 张伟 */
	sql(srv, fmt(srv, "UPDATE rental_visit SET visited_on = '2021-05-30' WHERE user_id = %lld AND visited_on = '2021-06-05'",
		     mj2));
	sql(srv, fmt(srv,
		     "INSERT INTO rental_visit(rental_id, visited_on, user_id, findings, created_at) VALUES (%s, '2021-06-20',"
		     " %lld, '正常', 0)",
		     nth_rental(srv, cg, 1), mj2));
	r = http(srv, as(srv, "suozhang"), "GET", API "/assessments?period=month&on=2021-06-18", NULL);
	EXPECT(r, 200);
	b = row_of(jpath(r->json, "items"), "user_id", mj2);
	assert_true(fabs(fig(b, "rental_ontime") - 100) < 0.01);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(rental_ontime_and_compare_rate_sources, setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
