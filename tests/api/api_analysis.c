/* api_analysis.c — 研判 (issue 17): a day against the same weekday of the
 * four weeks before, by type, place, grid (网格) and hour, with what stands out above
 * mean + k·sd (PAT-ANALYSIS-RANGE, settings analysis.k_tenths and
 * analysis.min_count); the analyst's note; the weekly brief and its
 * workbook. A fresh demo county; the days used lie ahead of the demo's. */
#include "incident_util.h"

static void unused_helpers(void) __attribute__((unused));
static void unused_helpers(void)
{
	(void)find_by;
	(void)inc_get;
	(void)handle;
	(void)call_back;
	(void)find_id;
}

static json_t *item(json_t *arr, const char *code)
{
	json_t *it;
	size_t i;

	json_array_foreach(arr, i, it)
		if (json_is_string(json_object_get(it, "k")) && !strcmp(jstr(it, "k"), code))
			return it;
	return NULL;
}

static double jreal(json_t *o, const char *key)
{
	return json_number_value(json_object_get(o, key));
}

STORY(morning_and_weekly)
{
	static const int burst[4] = { 0, 0, 0, 4 }; /* 0601 on d−28, d−21, d−14, d−7 */
	int64_t d;
	json_t *t02, *t06, *st;
	struct resp *r;
	size_t i;
	int found = 0;

	begin(srv);
	d = lday((int64_t)srv_now(srv)) + 30;
	for (int w = 4; w >= 1; w--) {
		int64_t day = d - 7 * w;

		at(srv, midnight(day) + 22 * HOUR);
		/* one 盗窃 a week, at a different place each time */
		inc_at(srv, CG, "0201", fmt(srv, "城关镇第%d号商铺", w), midnight(day) + 9 * HOUR);
		for (int k = 0; k < burst[4 - w]; k++)
			inc_at(srv, BS, "0601", fmt(srv, "北社乡求助点%d", k), midnight(day) + (10 + k) * HOUR);
	}
	at(srv, midnight(d) + 22 * HOUR);
	for (int k = 0; k < 3; k++) {
		inc_at(srv, CG, "0201", "城关镇北街菜市场", midnight(d) + (8 + 2 * k) * HOUR);
		inc_at(srv, BS, "0601", fmt(srv, "北社乡求助%d号", k), midnight(d) + (9 + 2 * k) * HOUR);
	}

	/* 网格: the market is in 东街社区 (城关's grid 1), the weekly shops in
	 * 西街社区 (grid 6); 北社's calls have no 社区: 未对应网格 */
	assert_int_equal(db_raw_exec(srv->db, "UPDATE incident SET community = '东街社区' WHERE place = '城关镇北街菜市场'"), 0);
	assert_int_equal(db_raw_exec(srv->db, "UPDATE incident SET community = '西街社区' WHERE place LIKE '城关镇第%号商铺'"), 0);
	r = http(srv, S("ducha"), "GET", fmt(srv, API "/analysis/morning?date=%s", ymd(srv, d, 1)), NULL);
	EXPECT(r, 200);
	/* by grid: 东街's grid 3 against 0, 0, 0, 0 stands out; 西街's 0
	 * against 1, 1, 1, 1; 未对应网格 (k 0) 3, never a standout */
	{
		long long g1 = 0, g6 = 0, none = -1, gstand = 0;

		json_array_foreach(jpath(r->json, "by_grid"), i, st) {
			if (jint(st, "k") == 1) {
				g1 = jint(st, "count");
				assert_true(json_is_true(json_object_get(st, "high")));
				assert_non_null(strstr(jstr(st, "name"), "城关派出所·"));
			} else if (jint(st, "k") == 6) {
				g6 = jint(st, "count");
				assert_true(jreal(st, "mean") == 1.0);
			} else if (jint(st, "k") == 0) {
				none = jint(st, "count");
				assert_string_equal(jstr(st, "name"), "未对应网格");
			}
		}
		assert_int_equal(g1, 3);
		assert_int_equal(g6, 0);
		assert_int_equal(none, 3);
		json_array_foreach(jpath(r->json, "standouts"), i, st)
			gstand += !strcmp(jstr(st, "dimension"), "网格");
		assert_int_equal(gstand, 1);
	}
	/* 02: 3 against 1, 1, 1, 1 (mean 1, sd 0): stands out */
	t02 = item(jpath(r->json, "by_type"), "02");
	if (!t02 || jint(t02, "count") != 3 || jreal(t02, "mean") != 1.0 || jreal(t02, "sd") != 0.0 ||
	    !json_is_true(json_object_get(t02, "high")))
		fail_msg("type 02: %s", r->body);
	/* 06: 3 against 0, 0, 0, 4 (mean 1, sd √3 = 1.73): 3 < 1 + 2 × 1.73 */
	t06 = item(jpath(r->json, "by_type"), "06");
	if (!t06 || jint(t06, "count") != 3 || jreal(t06, "mean") != 1.0 || jreal(t06, "sd") != 1.73 ||
	    json_is_true(json_object_get(t06, "high")))
		fail_msg("type 06: %s", r->body);
	/* the market: 3 calls that day, none before */
	json_array_foreach(jpath(r->json, "standouts"), i, st)
		found += !strcmp(jstr(st, "dimension"), "地点") && strstr(jstr(st, "name"), "北街菜市场") &&
			 jint(st, "count") == 3;
	assert_int_equal(found, 1);
	json_array_foreach(jpath(r->json, "by_hour"), i, st)
		if (jint(st, "k") == 8)
			assert_int_equal(jint(st, "count"), 1);
	assert_true(json_is_null(jpath(r->json, "note")));
	assert_non_null(strstr(rstr(r, "rule"), "2.0"));

	/* k = 0: the 06 burst stands out too */
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/analysis.k_tenths", "{\"value\":0}"), 200);
	r = http(srv, S("ducha"), "GET", fmt(srv, API "/analysis/morning?date=%s", ymd(srv, d, 1)), NULL);
	EXPECT(r, 200);
	assert_true(json_is_true(json_object_get(item(jpath(r->json, "by_type"), "06"), "high")));

	/* the analyst's note, saved and read back */
	r = http(srv, S("ducha"), "POST", API "/analysis/notes",
		 J(srv, "{s:s, s:s}", "date", ymd(srv, d, 1), "text", "北街菜市场盗窃突出，建议增加午间巡逻"));
	EXPECT(r, 200);
	r = http(srv, S("ducha"), "GET", fmt(srv, API "/analysis/morning?date=%s", ymd(srv, d, 1)), NULL);
	EXPECT_STR(r, "note.text", "北街菜市场盗窃突出，建议增加午间巡逻");
	EXPECT_STR(r, "note.user_name", "马振东");

	/* the week d−6 … d (3 + 3) against d−13 … d−7 (1 + 4) */
	r = http(srv, S("ducha"), "GET", fmt(srv, API "/analysis/weekly?date=%s", ymd(srv, d, 1)), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 6);
	EXPECT_NUM(r, "prev_total", 5);
	EXPECT_STR(r, "from", ymd(srv, d - 6, 1));
	assert_int_equal(jint(item(jpath(r->json, "by_type"), "06"), "prev"), 4);
	json_array_foreach(jpath(r->json, "by_grid"), i, st)
		if (jint(st, "k") == 1)
			found += 10 * (jint(st, "count") == 3 && jint(st, "prev") == 0);
	assert_int_equal(found, 11); /* the market's standout above, 东街's grid here */
	r = http(srv, S("ducha"), "GET", fmt(srv, API "/analysis/weekly.xlsx?date=%s", ymd(srv, d, 1)), NULL);
	EXPECT(r, 200);
	assert_memory_equal(r->body, "PK", 2);

	assert_error(srv, http(srv, S("minjing1"), "GET", API "/analysis/morning", NULL), 403, "FORBIDDEN");
	assert_error(srv, http(srv, S("ducha"), "GET", API "/analysis/morning?date=2026-02-30", NULL), 400, NULL);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_demo, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(morning_and_weekly),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
