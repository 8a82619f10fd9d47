/* api_rules_110.c — the 110 desk's [V] rows built in issue 17's remaining
 * gaps: PAT-110-RECORD (the unified record's mandatory facts; no deletion;
 * the case and the incident linked), PAT-RESCUE (the feedback says what
 * was done, and why no case when none) and PAT-110-LATE (a late arrival
 * flagged with its rule and counted). */
#pragma GCC diagnostic ignored "-Wunused-function"
#include "incident_util.h"

STORY(record_and_rescue)
{
	struct resp *r;
	long long id;

	begin(srv);
	/* PAT-110-RECORD: no place, no summary: refused with the rule */
	r = inc_post(srv, "jiejing",
		     json_pack("{s:s, s:s, s:s, s:s}", "source", "110", "place", "", "category", "0601", "summary", "求助"));
	EXPECT_ERR(srv, r, 400, "INVALID_FIELD", "PAT-110-RECORD");
	EXPECT_STR(r, "error.field", "place");
	r = inc_post(srv, "jiejing",
		     json_pack("{s:s, s:s, s:s, s:s}", "source", "110", "place", "城关镇东街1号", "category", "0601",
			       "summary", ""));
	EXPECT_ERR(srv, r, 400, "INVALID_FIELD", "PAT-110-RECORD");
	EXPECT_STR(r, "error.field", "summary");
	/* the record is kept: there is no way to delete it */
	id = inc_at(srv, CG, "0601", "城关镇东街1号", 0);
	r = http(srv, S("jiejing"), "DELETE", fmt(srv, API "/incidents/%lld", id), NULL);
	assert_true(r->status == 404 || r->status == 405);
	EXPECT(inc_get(srv, "jiejing", id), 200);

	/* PAT-RESCUE: a 群众求助 handled without a case needs what was done */
	EXPECT(inc_do(srv, "minjing1", id, "acknowledge", NULL), 200);
	r = inc_do(srv, "minjing1", id, "feedback", J(srv, "{s:s, s:s}", "outcome", "assistance", "text", ""));
	EXPECT_ERR(srv, r, 400, "INVALID_FIELD", "PAT-RESCUE");
	EXPECT_STR(r, "error.field", "text");
	r = inc_do(srv, "minjing1", id, "feedback",
		   J(srv, "{s:s, s:s}", "outcome", "assistance", "text", "老人走失，已护送回家并告知社区"));
	EXPECT(r, 200);
	EXPECT_STR(r, "incident.outcome", "assistance");
}

/* PAT-110-LATE: an arrival past the station's target (5 minutes in 城关)
 * is flagged with the rule on the incident and in the day's figures; one
 * on time is not */
STORY(late_arrival_reported)
{
	struct resp *r;
	long long a, b, mj1, late0 = 0;
	int64_t d;
	json_t *it;

	begin(srv);
	mj1 = me_id(srv, S("minjing1"), NULL);
	d = lday((int64_t)srv_now(srv)) + 2;
	at(srv, midnight(d) + 10 * HOUR);
	a = inc_at(srv, CG, "0202", "城关镇东大街11号", 0);
	clock_advance(srv, 3 * 60);
	r = http(srv, S("minjing1"), "POST", API "/responders",
		 J(srv, "{s:I, s:[I]}", "incident_id", (json_int_t)a, "officer_ids", (json_int_t)mj1));
	EXPECT(r, 200);
	assert_true(json_is_false(jpath(r->json, "incident.arrival_late")));
	assert_true(json_is_null(jpath(r->json, "incident.arrival_late_rule")));
	r = http(srv, S("ducha"), "GET",
		 fmt(srv, API "/reports/stats?from=%lld&to=%lld", (long long)midnight(d), (long long)(midnight(d) + DAY)), NULL);
	EXPECT(r, 200);
	it = find_id(jpath(r->json, "responders"), "station_id", CG);
	assert_non_null(it);
	late0 = jint(it, "late");
	assert_int_equal(late0, 0);
	b = inc_at(srv, CG, "0201", "城关镇东大街12号", 0);
	clock_advance(srv, 7 * 60);
	r = http(srv, S("minjing1"), "POST", API "/responders",
		 J(srv, "{s:I, s:[I]}", "incident_id", (json_int_t)b, "officer_ids", (json_int_t)mj1));
	EXPECT(r, 200);
	assert_true(json_is_true(jpath(r->json, "incident.arrival_late")));
	EXPECT_STR(r, "incident.arrival_late_rule", "PAT-110-LATE");
	r = http(srv, S("ducha"), "GET",
		 fmt(srv, API "/reports/stats?from=%lld&to=%lld", (long long)midnight(d), (long long)(midnight(d) + DAY)), NULL);
	it = find_id(jpath(r->json, "responders"), "station_id", CG);
	assert_int_equal(jint(it, "late"), 1);
	assert_string_equal(jstr(it, "late_rule"), "PAT-110-LATE");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(record_and_rescue, setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(late_arrival_reported, setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
