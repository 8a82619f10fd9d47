/* api_duty.c — 值班/勤务 (issue 18, part 1; PAT-DUTY-24H): a roster day far
 * enough ahead of the demo's rosters, the chief's edits (a leader must be a
 * chief; the 案件组 no auxiliary), sign-in around the grace boundary with
 * the test clock (08:30 + 15 min is on time, one second later is late, an
 * entry never signed is missed when the shift ends), the grace setting
 * moving a mark, the on-duty board, and the PAT-DUTY-24H warning for days
 * without a 值班所领导. */
#include "clock_util.h"

static struct resp *add(struct server *srv, const char *day, const char *post, long long user)
{
	return http(srv, S("suozhang"), "POST", API "/duty-rosters",
		    J(srv, "{s:s, s:s, s:I}", "duty_on", day, "duty_post", post, "user_id", (json_int_t)user));
}

static json_t *entry(struct server *srv, const char *user, const char *day, long long id)
{
	struct resp *r = http(srv, S(user), "GET", fmt(srv, API "/duty-rosters?from=%s&to=%s", day, day), NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (jint(it, "id") == id)
			return it;
	fail_msg("roster entry %lld not listed: %s", id, r->body);
	return NULL;
}

static const char *mark(struct server *srv, const char *day, long long id)
{
	return fmt(srv, "%s", jstr(entry(srv, "suozhang", day, id), "mark"));
}

STORY(signin_marks_around_the_boundary)
{
	long long mj1, mj2, fj, sz, e1, e2, efj, esz, cg;
	int64_t d, start;
	const char *day;
	struct resp *r;

	clocks_begin(srv);
	mj1 = me_id(srv, S("minjing1"), NULL);
	mj2 = colleague(srv, S("minjing1"), "张伟");
	fj = colleague(srv, S("minjing1"), "周小勇");
	sz = me_id(srv, S("suozhang"), NULL);
	cg = unit_id(srv, S("suozhang"), "城关派出所");
	/* a day after the demo's rosters (built to today + 7) */
	d = lday((int64_t)srv_now(srv)) + 12;
	day = ymd(srv, d);
	start = midnight(d) + 8 * HOUR + 30 * 60; /* duty.shift_start 08:30 */

	/* edits: the chief only; a leader is a chief; no auxiliary on the case team */
	assert_error(srv, http(srv, S("minjing1"), "POST", API "/duty-rosters",
			       J(srv, "{s:s, s:s, s:I}", "duty_on", day, "duty_post", "officer", "user_id", (json_int_t)mj1)),
		     403, "FORBIDDEN");
	EXPECT_ERR(srv, add(srv, day, "leader", mj1), 400, "INVALID_FIELD", NULL);
	EXPECT_RULE(srv, add(srv, day, "case_team", fj), "TEAM-AUX-STATUS");
	r = add(srv, day, "leader", sz);
	EXPECT(r, 201);
	esz = rnum(r, "entry.id");
	r = add(srv, day, "officer", mj1);
	EXPECT(r, 201);
	e1 = rnum(r, "entry.id");
	EXPECT_ERR(srv, add(srv, day, "officer", mj1), 409, "ALREADY_ON_DUTY", NULL);
	r = add(srv, day, "case_team", mj2);
	EXPECT(r, 201);
	e2 = rnum(r, "entry.id");
	r = add(srv, day, "response", fj);
	EXPECT(r, 201);
	efj = rnum(r, "entry.id");
	assert_string_equal(mark(srv, day, e1), "pending");
	EXPECT_NUM(r, "entry.shift_start", start);

	/* PAT-DUTY-24H: in the coming week, the day before it (after the
	 * demo's rosters) has no 值班所领导 — a warning to the station; the day
	 * itself has one */
	at(srv, midnight(d - 6) + 9 * HOUR);
	assert_null(warning(srv, "suozhang", "?level=all", fmt(srv, "duty:%lld:%s", cg, day)));
	{
		json_t *w = warning(srv, "suozhang", "?level=all", fmt(srv, "duty:%lld:%s", cg, ymd(srv, d - 1)));

		assert_non_null(w);
		assert_string_equal(jstr(w, "rule"), "PAT-DUTY-24H");
	}

	/* sign-in opens an hour before the shift */
	at(srv, start - 2 * HOUR);
	EXPECT_ERR(srv, http(srv, S("minjing1"), "POST", fmt(srv, API "/duty-rosters/%lld/sign-in", e1), NULL), 409,
		   "TOO_EARLY", NULL);
	at(srv, start - 10 * 60);
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/duty-rosters/%lld/sign-in", esz), NULL), 200);
	/* one's own entry only */
	assert_error(srv, http(srv, S("minjing2"), "POST", fmt(srv, API "/duty-rosters/%lld/sign-in", e1), NULL), 403,
		     "FORBIDDEN");
	/* 08:45:00, the last on-time second (grace 15 min): the clock stopped
	 * there, as a loaded machine may take seconds to answer */
	clock_freeze_at(srv, start + 15 * 60);
	r = http(srv, S("minjing1"), "POST", fmt(srv, API "/duty-rosters/%lld/sign-in", e1), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "entry.mark", "on_time");
	assert_true(rnum(r, "entry.signed_in_at") <= start + 15 * 60);
	EXPECT_ERR(srv, http(srv, S("minjing1"), "POST", fmt(srv, API "/duty-rosters/%lld/sign-in", e1), NULL), 409,
		   "ALREADY_SIGNED", NULL);
	/* 08:45:02 — late (the clock runs again) */
	clock_advance(srv, 2);
	r = http(srv, S("minjing2"), "POST", fmt(srv, API "/duty-rosters/%lld/sign-in", e2), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "entry.mark", "late");
	EXPECT_STR(r, "entry.mark_label", "迟到");

	/* the board: three on duty, the 处警组 proposed for dispatch */
	r = http(srv, S("suozhang"), "GET", API "/duty-board", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "duty_on", day);
	EXPECT_NUM(r, "on_duty", 3);
	EXPECT_NUM(r, "rostered", 4);
	assert_int_equal(json_array_size(jpath(r->json, "response_ids")), 1);
	EXPECT_NUM(r, "response_ids.0", fj);

	/* a grace of 30 min makes 08:45:02 on time (marks are read, not stored) */
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/duty.signin_grace_minutes", "{\"value\":30}"), 200);
	assert_string_equal(mark(srv, day, e2), "on_time");
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/duty.signin_grace_minutes", "{\"value\":15}"), 200);
	assert_string_equal(mark(srv, day, e2), "late");

	/* never signed: pending to the shift's last minute (a loaded machine
	 * takes seconds between setting the clock and the answer), missed at
	 * its end */
	at(srv, start + DAY - 60);
	assert_string_equal(mark(srv, day, efj), "pending");
	EXPECT(http(srv, S("minjing1"), "POST", fmt(srv, API "/duty-rosters/%lld/sign-out", e1), NULL), 200);
	EXPECT_ERR(srv, http(srv, S("minjing1"), "POST", fmt(srv, API "/duty-rosters/%lld/sign-out", e1), NULL), 409,
		   "ALREADY_SIGNED", NULL);
	at(srv, start + DAY);
	assert_string_equal(mark(srv, day, efj), "missed");
	EXPECT_ERR(srv, http(srv, S("fujing"), "POST", fmt(srv, API "/duty-rosters/%lld/sign-in", efj), NULL), 409,
		   "SHIFT_OVER", NULL);
	/* a signed entry stays; an unsigned one may be removed */
	EXPECT_ERR(srv, http(srv, S("suozhang"), "DELETE", fmt(srv, API "/duty-rosters/%lld", e1), NULL), 409,
		   "SIGNED_IN", NULL);
	EXPECT(http(srv, S("suozhang"), "DELETE", fmt(srv, API "/duty-rosters/%lld", efj), NULL), 200);
}

/* the weekly pattern builds a week: one entry per pattern row and day */
STORY(rosters_from_the_weekly_pattern)
{
	long long mj1, sz;
	int64_t d;
	struct resp *r;

	clocks_begin(srv);
	mj1 = me_id(srv, S("minjing1"), NULL);
	sz = me_id(srv, S("suozhang"), NULL);
	d = lday((int64_t)srv_now(srv)) + 20;
	EXPECT(http(srv, S("suozhang"), "PUT", API "/duty-patterns",
		    J(srv, "{s:[{s:i, s:s, s:I}, {s:i, s:s, s:I}, {s:i, s:s, s:I}]}", "items", "weekday", 1, "duty_post",
		      "leader", "user_id", (json_int_t)sz, "weekday", 1, "duty_post", "officer", "user_id",
		      (json_int_t)mj1, "weekday", 3, "duty_post", "officer", "user_id", (json_int_t)mj1)),
	       200);
	r = http(srv, S("suozhang"), "POST", API "/duty-rosters/build",
		 J(srv, "{s:s, s:s}", "from", ymd(srv, d), "to", ymd(srv, d + 6)));
	EXPECT(r, 201);
	/* one Monday (2 rows) and one Wednesday (1 row) in any 7 days */
	EXPECT_NUM(r, "added", 3);
	r = http(srv, S("suozhang"), "POST", API "/duty-rosters/build",
		 J(srv, "{s:s, s:s}", "from", ymd(srv, d), "to", ymd(srv, d + 6)));
	EXPECT_NUM(r, "added", 0);
	r = http(srv, S("minjing1"), "GET", fmt(srv, API "/duty-rosters?from=%s&to=%s", ymd(srv, d), ymd(srv, d + 6)), NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 3);
	/* a range over 62 days is refused */
	EXPECT_ERR(srv,
		   http(srv, S("minjing1"), "GET",
			fmt(srv, API "/duty-rosters?from=%s&to=%s", ymd(srv, d), ymd(srv, d + 70)), NULL),
		   400, "INVALID_FIELD", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(signin_marks_around_the_boundary, setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(rosters_from_the_weekly_pattern, setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
