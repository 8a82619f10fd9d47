/* api_ranking.c — the 警务动态日报 on the bureau's indicators (issue 17):
 * each indicator against a hand-computed fixture (PAT-IND-SOLVED,
 * PAT-IND-PERSONS, PAT-IND-SAFE, PAT-IND-PREVENTABLE, PAT-PREVENTABLE,
 * PAT-IND-CALLBACK, PAT-IND-OVERSIGHT, PAT-IND-BREACH), receiving more
 * incidents never raising a score, a past day frozen and a later correction
 * shown beside it (PAT-RANK-FROZEN), ties sharing a rank, a chief seeing
 * the county ranking, month and year totals, the demo's corrected day. Each story runs on a fresh demo
 * county, on a day ten days ahead that holds no demo data. */
#include "incident_util.h"

static json_t *row_of(json_t *rows, long long station)
{
	return find_id(rows, "station_id", station);
}

/* incident_util.h helpers this file does not need */
static void unused_helpers(void) __attribute__((unused));
static void unused_helpers(void)
{
	(void)find_by;
	(void)inc_get;
}

static struct resp *daily(struct server *srv, const char *user, int64_t d)
{
	struct resp *r = http(srv, S(user), "GET", fmt(srv, API "/reports/daily?date=%s", ymd(srv, d, 1)), NULL);

	EXPECT(r, 200);
	return r;
}

/* Every story starts after the breach sweep's first pass: it records the
 * demo's breaches, which the scores count (report.penalty_breach), at a
 * moment of its own — before a day is frozen, not after it as a
 * correction, and not between two reports a story adds up. */
static void ranking_begin(struct server *srv)
{
	begin(srv);
	server_wait_sweep(srv);
}

static void set(struct server *srv, const char *key, long long v)
{
	EXPECT(http(srv, S("admin"), "PUT", fmt(srv, API "/settings/%s", key), fmt(srv, "{\"value\":%lld}", v)),
	       200);
}

/* Only the preventable weight left: every other term 0. */
static void only_preventable(struct server *srv)
{
	static const char *const keys[] = { "report.weight_solved",    "report.weight_persons",
					    "report.weight_safe_pct",  "report.penalty_callback",
					    "report.penalty_oversight", "report.penalty_breach",
					    "report.penalty_task_overdue" };

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		set(srv, keys[i], 0);
}

/* Each indicator of 城关 on day D, by hand. */
STORY(indicators)
{
	long long kase, sus, mid, a, b, c1, lw, designated = 0, total = 0, score;
	int64_t d;
	json_t *row, *it;
	struct resp *r;
	size_t i;

	ranking_begin(srv);
	d = lday((int64_t)srv_now(srv)) + 10;
	/* last week's same day: one preventable call (0201 盗窃) */
	at(srv, midnight(d - 7) + 20 * HOUR);
	lw = inc_at(srv, CG, "0201", "城关镇西街五金店", midnight(d - 7) + 10 * HOUR);
	(void)lw;

	at(srv, midnight(d) + 8 * HOUR);
	/* 破案 and 打击处理: a criminal case, its suspect detained (刑事拘留) and
	 * the case concluded (侦查终结, 移送起诉) the same day */
	r = http(srv, S("minjing1"), "POST", API "/cases",
		 J(srv, "{s:s, s:s, s:s, s:s, s:I}", "kind", "criminal", "title", "入室盗窃案", "source", "walk_in",
		   "act_date", ymd(srv, d - 1, 1), "co_officer_id",
		   (json_int_t)colleague(srv, S("minjing1"), "张伟")));
	EXPECT(r, 201);
	kase = rnum(r, "case.id");
	sus = party_add(srv, S("minjing1"), kase, "suspect", "盗某", id_aged(srv, 0, 30, 41));
	EXPECT_STR(act(srv, S("juzhang"), kase, "file", NULL), "case.status", "filed");
	at(srv, midnight(d) + 9 * HOUR + 600);
	r = http(srv, S("juzhang"), "POST", fmt(srv, API "/cases/%lld/measures", kase),
		 J(srv, "{s:I, s:s, s:s, s:I}", "party_id", (json_int_t)sus, "kind", "crim_detention", "tier", "3d",
		   "started_at", (json_int_t)(midnight(d) + 9 * HOUR)));
	EXPECT(r, 201);
	mid = rnum(r, "measure.id");
	(void)mid;
	/* incidents: two preventable (0101 入室盗窃, 0201 盗窃), one not (0202);
	 * two handled, one called back */
	a = inc_at(srv, CG, "0101", "城关镇南街12号", midnight(d) + 8 * HOUR + 60);
	b = inc_at(srv, CG, "0201", "城关镇汽车站", midnight(d) + 8 * HOUR + 120);
	c1 = inc_at(srv, CG, "0202", "城关镇体育场", midnight(d) + 8 * HOUR + 180);
	(void)c1;
	handle(srv, "minjing1", a, "mediated");
	handle(srv, "minjing2", b, "mediated");
	call_back(srv, "jiejing", a);
	at(srv, midnight(d) + 20 * HOUR);
	EXPECT_STR(act(srv, S("juzhang"), kase, "conclude", "{\"reason\":\"移送审查起诉\"}"), "case.status",
		   "closed");

	/* 安全小区: 城关's compounds as of D (the demo's designations) */
	r = http(srv, S("suozhang"), "GET", fmt(srv, API "/compounds?as_of=%s&page_size=200", ymd(srv, d, 1)), NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it) {
		total++;
		designated += json_is_true(json_object_get(it, "designated"));
	}
	assert_true(total > 0);

	only_preventable(srv);
	set(srv, "report.weight_solved", 10);
	set(srv, "report.weight_persons", 6);
	set(srv, "report.weight_safe_pct", 1);
	set(srv, "report.penalty_callback", 2);
	r = daily(srv, "juzhang", d);
	row = row_of(jpath(r->json, "rows"), CG);
	if (!row)
		fail_msg("no 城关 row: %s", r->body);
	if (jint(row, "solved") != 1 || jint(row, "persons_dealt") != 2 || jint(row, "incidents") != 3 ||
	    jint(row, "preventable") != 2 || jint(row, "preventable_last_week") != 1 ||
	    jint(row, "preventable_last_year") != 0 || jint(row, "handled") != 2 || jint(row, "callbacks") != 1 ||
	    jint(row, "callback_pct") != 50 || jint(row, "missed_callbacks") != 1 ||
	    jint(row, "compounds") != total || jint(row, "safe_compounds") != designated ||
	    jint(row, "safe_pct") != designated * 100 / total)
		fail_msg("城关 figures: %s", jdump(srv, row));
	/* 10·1 + 6·2 (拘留 and 移送起诉: two kinds) + share + 3·((1−2) + (0−2)) − 2·1 */
	score = 10 + 12 + designated * 100 / total - 9 - 2;
	assert_int_equal(jint(row, "score"), score);
	EXPECT_NUM(r, "weights.preventable", 3);
	/* every other station scores its safe share only */
	json_array_foreach(jpath(r->json, "rows"), i, it)
		if (jint(it, "station_id") != CG && jint(it, "score") != jint(it, "safe_pct"))
			fail_msg("station %s: %s", jstr(it, "station_name"), jdump(srv, it));

	/* the penalties as they stand at the day's end: open breaches and
	 * overdue 督办 of the demo, each counted by the report as listed */
	set(srv, "report.penalty_breach", 10);
	r = http(srv, S("ducha"), "GET", API "/breaches?open=1&page_size=500", NULL);
	EXPECT(r, 200);
	{
		long long ob = 0;

		json_array_foreach(jpath(r->json, "items"), i, it)
			ob += jint(it, "unit_id") == CG;
		r = daily(srv, "juzhang", d);
		row = row_of(jpath(r->json, "rows"), CG);
		assert_int_equal(jint(row, "open_breaches"), ob);
		assert_int_equal(jint(row, "score"), score - 10 * ob);
	}
}

/* PAT-IND-PREVENTABLE: receiving more incidents never raises a score. */
STORY(more_incidents_never_raise)
{
	static const char *const cats[] = { "0202", "0601", "0201", "0101", "0209" };
	long long prev, now, id;
	int64_t d;

	ranking_begin(srv);
	/* ten days on, the demo's clocks run out: the breach sweep records
	 * those breaches at its next pass (every 30 s), which may fall between
	 * two of the reports below — what they cost is not this story's */
	set(srv, "report.penalty_breach", 0);
	d = lday((int64_t)srv_now(srv)) + 10;
	at(srv, midnight(d) + 8 * HOUR);
	prev = jint(row_of(jpath(daily(srv, "ducha", d)->json, "rows"), BS), "score");
	for (size_t i = 0; i < sizeof(cats) / sizeof(cats[0]); i++) {
		id = inc_at(srv, BS, cats[i], fmt(srv, "北社乡第%zu村", i + 1), midnight(d) + 8 * HOUR + 60 * (int64_t)i);
		if (i % 2)
			handle(srv, "beishe_mj1", id, "mediated");
		if (i == 3)
			call_back(srv, "jiejing", id);
		now = jint(row_of(jpath(daily(srv, "ducha", d)->json, "rows"), BS), "score");
		if (now > prev)
			fail_msg("incident %zu (%s) raised 北社's score from %lld to %lld", i, cats[i], prev, now);
		/* a preventable one costs 2 × 3 against last week and last year */
		if (!strcmp(cats[i], "0201") && now != prev - 6)
			fail_msg("a theft: want %lld, got %lld", prev - 6, now);
		prev = now;
	}
	/* the setting decides what is preventable (PAT-PREVENTABLE) */
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/report.preventable_categories", "{\"value\":\"0202\"}"),
	       200);
	assert_int_equal(jint(row_of(jpath(daily(srv, "ducha", d)->json, "rows"), BS), "preventable"), 1);
}

/* PAT-RANK-FROZEN: a past day's report stands as it was at the day's end; a
 * later correction is shown beside it, marked. */
STORY(past_day_frozen)
{
	long long s0, r0, late;
	int64_t d;
	json_t *row, *corr;
	struct resp *r;

	ranking_begin(srv);
	only_preventable(srv);
	d = lday((int64_t)srv_now(srv)) + 10;
	at(srv, midnight(d) + 9 * HOUR);
	inc_at(srv, CG, "0201", "城关镇农贸市场", midnight(d) + 8 * HOUR);
	r = daily(srv, "suozhang", d);
	assert_true(json_is_null(jpath(r->json, "frozen_at")));
	s0 = jint(row_of(jpath(r->json, "rows"), CG), "score");
	assert_int_equal(s0, -6);

	/* the next morning: the first read freezes the day */
	at(srv, midnight(d + 1) + 9 * HOUR);
	r = daily(srv, "suozhang", d);
	assert_true(json_is_integer(jpath(r->json, "frozen_at")));
	EXPECT_NUM(r, "corrections", 0);
	row = row_of(jpath(r->json, "rows"), CG);
	assert_int_equal(jint(row, "score"), s0);
	r0 = jint(row, "rank");

	/* a call of day D entered late (补录) and the weights changed since */
	late = inc_at(srv, CG, "0101", "城关镇东街8号", midnight(d) + 15 * HOUR);
	assert_true(late > 0);
	set(srv, "report.weight_preventable", 50);
	r = daily(srv, "suozhang", d);
	row = row_of(jpath(r->json, "rows"), CG);
	assert_int_equal(jint(row, "score"), s0);
	assert_int_equal(jint(row, "preventable"), 1);
	assert_int_equal(jint(row, "rank"), r0);
	EXPECT_NUM(r, "weights.preventable", 3);
	EXPECT_NUM(r, "corrections", 1);
	corr = json_object_get(json_object_get(row, "corrections"), "preventable");
	if (!corr || jint(corr, "frozen") != 1 || jint(corr, "current") != 2)
		fail_msg("correction not shown: %s", jdump(srv, row));
	/* the corrected score with the day's weights: 3·((0−2) + (0−2)) */
	assert_int_equal(jint(row, "corrected_score"), -12);
	/* the workbook says 更正 too */
	r = http(srv, S("suozhang"), "GET", fmt(srv, API "/reports/daily.xlsx?date=%s", ymd(srv, d, 1)), NULL);
	EXPECT(r, 200);
	assert_memory_equal(r->body, "PK", 2);
}

/* The demo county (seed_leadership.c) froze its last six days and corrected
 * one of them later: two days ago always shows a 更正, whatever the weekday
 * (the demo's calls follow the weekday, so the seed has two ways to change
 * a frozen figure). */
STORY(demo_day_two_days_ago_corrected)
{
	int64_t d;
	struct resp *r;

	ranking_begin(srv);
	d = lday((int64_t)srv_now(srv)) - 2;
	r = daily(srv, "juzhang", d);
	assert_true(json_is_integer(jpath(r->json, "frozen_at")));
	if (jint(r->json, "corrections") < 1)
		fail_msg("no correction on %s: %s", ymd(srv, d, 1), jdump(srv, r->json));
	assert_int_equal(json_array_size(jpath(r->json, "rows")), 9);
}

/* Ties share a rank (1, 1, 3 …). */
STORY(ties_share_rank)
{
	int64_t d;
	json_t *rows, *it;
	struct resp *r;
	size_t i;

	ranking_begin(srv);
	only_preventable(srv);
	d = lday((int64_t)srv_now(srv)) + 10;
	at(srv, midnight(d) + 9 * HOUR);
	inc_at(srv, CG, "0201", "城关镇农贸市场", midnight(d) + 8 * HOUR);
	inc_at(srv, BS, "0201", "北社乡供销社", midnight(d) + 8 * HOUR);
	inc_at(srv, BS, "0101", "北社乡卫生院", midnight(d) + 8 * HOUR);
	r = daily(srv, "ducha", d);
	rows = jpath(r->json, "rows");
	assert_int_equal(json_array_size(rows), 9);
	/* seven stations at 0 share rank 1; 城关 −6 is 8th; 北社 −12 is 9th */
	json_array_foreach(rows, i, it) {
		long long st = jint(it, "station_id"), want = st == CG ? 8 : st == BS ? 9 : 1;

		if (jint(it, "rank") != want)
			fail_msg("rank of %s: want %lld in %s", jstr(it, "station_name"), want, r->body);
	}
	/* now 城关 ties with 北社 at −12: both 8th */
	inc_at(srv, CG, "0209", "城关镇邮局", midnight(d) + 8 * HOUR);
	rows = jpath(daily(srv, "ducha", d)->json, "rows");
	assert_int_equal(jint(row_of(rows, CG), "rank"), 8);
	assert_int_equal(jint(row_of(rows, BS), "rank"), 8);
}

/* A station chief sees the county ranking and the place of the station;
 * an officer does not see the ranking. */
STORY(chief_sees_county)
{
	int64_t d;
	struct resp *r;
	json_t *it;
	size_t i, own = 0;

	ranking_begin(srv);
	d = lday((int64_t)srv_now(srv));
	r = daily(srv, "beishe_sz", d);
	assert_int_equal(json_array_size(jpath(r->json, "rows")), 9);
	json_array_foreach(jpath(r->json, "rows"), i, it)
		if (json_is_true(json_object_get(it, "own"))) {
			own++;
			assert_int_equal(jint(it, "station_id"), BS);
			EXPECT_NUM(r, "own_rank", jint(it, "rank"));
		}
	assert_int_equal(own, 1);
	r = daily(srv, "juzhang", d);
	assert_int_equal(json_array_size(jpath(r->json, "rows")), 9);
	assert_true(jpath(r->json, "own_rank") == NULL);
	assert_error(srv, http(srv, S("minjing1"), "GET", fmt(srv, API "/reports/daily?date=%s", ymd(srv, d, 1)), NULL),
		     403, "FORBIDDEN");
}

/* Month and year totals: the sum of the days' scores, ranked the same way. */
STORY(month_and_year)
{
	int64_t d, first;
	long long sum[2] = { 0, 0 };
	json_t *rows;
	struct resp *r;
	const char *mo;
	int y, m, dd;

	ranking_begin(srv);
	d = lday((int64_t)srv_now(srv));
	mo = fmt(srv, "%.7s", ymd(srv, d, 1));
	if (sscanf(ymd(srv, d, 1), "%d-%d-%d", &y, &m, &dd) != 3)
		fail_msg("date");
	first = d - (dd - 1);
	for (int64_t k = first; k <= d; k++) {
		rows = jpath(daily(srv, "juzhang", k)->json, "rows");
		sum[0] += jint(row_of(rows, CG), "score");
		sum[1] += jint(row_of(rows, BS), "score");
	}
	r = http(srv, S("juzhang"), "GET", fmt(srv, API "/reports/daily?month=%s", mo), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "period", "month");
	rows = jpath(r->json, "rows");
	assert_int_equal(jint(row_of(rows, CG), "score"), sum[0]);
	assert_int_equal(jint(row_of(rows, BS), "score"), sum[1]);
	r = http(srv, S("juzhang"), "GET", fmt(srv, API "/reports/daily?year=%d", y), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "period", "year");
	assert_int_equal(json_array_size(jpath(r->json, "rows")), 9);
	assert_error(srv, http(srv, S("juzhang"), "GET", API "/reports/daily?month=2026-13", NULL), 400, NULL);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_demo, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(indicators), T(more_incidents_never_raise), T(past_day_frozen),
		T(ties_share_rank), T(chief_sees_county), T(month_and_year),
		T(demo_day_two_days_ago_corrected),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
