/* api_leave.c — 请假/销假 (issue 18, part 1; TEAM-ROSTER-LEAVE [U]): a
 * request, the refusals (own approval, another station's chief, a chief's
 * own leave decided only by the county), approval by the chief, the days
 * counted per officer and year, the overdue return on the day after the
 * last day (warning board and the today list), 销假 clearing it. */
#include "clock_util.h"

static json_t *leave_of(struct server *srv, const char *user, long long id, const char *query)
{
	struct resp *r = http(srv, S(user), "GET", fmt(srv, API "/leaves%s", query), NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (jint(it, "id") == id)
			return it;
	return NULL;
}

static int today_has(struct server *srv, const char *user, const char *kind)
{
	struct resp *r = http(srv, S(user), "GET", API "/today", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (strcmp(jstr(it, "kind"), kind) == 0)
			return 1;
	return 0;
}

STORY(leave_approval_and_overdue_return)
{
	int64_t d0, from, to;
	long long id, sid, me;
	const char *year;
	struct resp *r;
	json_t *it, *o;
	size_t i;
	int found = 0;

	clocks_begin(srv);
	me = me_id(srv, S("minjing1"), NULL);
	d0 = lday((int64_t)srv_now(srv));
	from = d0 + 20;
	to = d0 + 22;
	year = fmt(srv, "%.4s", ymd(srv, from));

	EXPECT_ERR(srv, http(srv, S("minjing1"), "POST", API "/leaves",
			     J(srv, "{s:s, s:s, s:s}", "kind", "annual", "from_on", ymd(srv, to), "to_on", ymd(srv, from))),
		   400, "INVALID_FIELD", NULL);
	r = http(srv, S("minjing1"), "POST", API "/leaves",
		 J(srv, "{s:s, s:s, s:s, s:s}", "kind", "annual", "from_on", ymd(srv, from), "to_on", ymd(srv, to),
		   "reason", "年休假"));
	EXPECT(r, 201);
	id = rnum(r, "leave.id");
	EXPECT_STR(r, "leave.status", "pending");
	EXPECT_NUM(r, "leave.days", 3);
	EXPECT_ERR(srv, http(srv, S("minjing1"), "POST", API "/leaves",
			     J(srv, "{s:s, s:s, s:s}", "kind", "personal", "from_on", ymd(srv, to), "to_on", ymd(srv, to + 1))),
		   409, "LEAVE_OVERLAP", NULL);

	/* nobody approves his own, a colleague or another station's chief not */
	assert_error(srv, http(srv, S("minjing1"), "POST", fmt(srv, API "/leaves/%lld/decision", id), "{\"approve\":true}"),
		     403, "FORBIDDEN");
	assert_error(srv, http(srv, S("beishe_sz"), "POST", fmt(srv, API "/leaves/%lld/decision", id), "{\"approve\":true}"),
		     403, "FORBIDDEN");
	/* the chief sees it waiting on his today list and in his 待办事项 */
	assert_true(today_has(srv, "suozhang", "leave_approval"));
	r = http(srv, S("suozhang"), "GET", API "/todos", NULL);
	EXPECT(r, 200);
	found = 0;
	json_array_foreach(jpath(r->json, "items"), i, it)
		found += strcmp(jstr(it, "kind"), "leave_approval") == 0;
	assert_int_equal(found, 2); /* this one and 刘强's of the demo */
	assert_true(rnum(r, "total") >= 2);
	/* the county's chief decides no station officer's leave */
	assert_error(srv, http(srv, S("juzhang"), "POST", fmt(srv, API "/leaves/%lld/decision", id), "{\"approve\":true}"),
		     403, "FORBIDDEN");
	found = 0;
	/* a refusal needs its reason */
	EXPECT_ERR(srv, http(srv, S("suozhang"), "POST", fmt(srv, API "/leaves/%lld/decision", id), "{\"approve\":false}"),
		   400, "INVALID_FIELD", NULL);
	r = http(srv, S("suozhang"), "POST", fmt(srv, API "/leaves/%lld/decision", id), "{\"approve\":true,\"note\":\"同意\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "leave.status", "approved");
	EXPECT_ERR(srv, http(srv, S("suozhang"), "POST", fmt(srv, API "/leaves/%lld/decision", id), "{\"approve\":true}"),
		   409, "BAD_TRANSITION", NULL);

	/* the chief's own leave: not himself, the county's chief */
	r = http(srv, S("suozhang"), "POST", API "/leaves",
		 J(srv, "{s:s, s:s, s:s}", "kind", "personal", "from_on", ymd(srv, from), "to_on", ymd(srv, from)));
	EXPECT(r, 201);
	sid = rnum(r, "leave.id");
	assert_error(srv, http(srv, S("suozhang"), "POST", fmt(srv, API "/leaves/%lld/decision", sid), "{\"approve\":true}"),
		     403, "FORBIDDEN");
	EXPECT(http(srv, S("juzhang"), "POST", fmt(srv, API "/leaves/%lld/decision", sid), "{\"approve\":true}"), 200);

	/* days per officer and year: approved days count (李明 has no demo leave) */
	r = http(srv, S("suozhang"), "GET", fmt(srv, API "/leaves?year=%s", year), NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "days_by_officer"), i, o)
		if (jint(o, "user_id") == me) {
			assert_int_equal(jint(o, "days"), 3);
			found = 1;
		}
	assert_true(found);
	/* an officer sees his own requests only */
	r = http(srv, S("minjing2"), "GET", fmt(srv, API "/leaves?year=%s", year), NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		assert_int_not_equal(jint(it, "id"), id);

	/* the last day: not overdue yet */
	at(srv, midnight(to) + 23 * HOUR);
	it = leave_of(srv, "minjing1", id, fmt(srv, "?year=%s", year));
	assert_non_null(it);
	assert_false(json_is_true(json_object_get(it, "overdue")));
	assert_null(warning(srv, "suozhang", "?level=all", fmt(srv, "leave:%lld:return", id)));
	/* the next morning: overdue — warning board, both today lists */
	at(srv, midnight(to + 1) + 9 * HOUR);
	it = leave_of(srv, "minjing1", id, fmt(srv, "?year=%s", year));
	assert_true(json_is_true(json_object_get(it, "overdue")));
	it = warning(srv, "suozhang", "?level=all", fmt(srv, "leave:%lld:return", id));
	assert_non_null(it);
	assert_string_equal(jstr(it, "rule"), "TEAM-ROSTER-LEAVE");
	assert_true(today_has(srv, "minjing1", "leave_return"));
	assert_true(today_has(srv, "suozhang", "leave_return"));
	/* 销假: by a colleague refused; by himself, not in the future */
	assert_error(srv, http(srv, S("minjing2"), "POST", fmt(srv, API "/leaves/%lld/return", id), "{}"), 403, "FORBIDDEN");
	EXPECT_ERR(srv, http(srv, S("minjing1"), "POST", fmt(srv, API "/leaves/%lld/return", id),
			     J(srv, "{s:s}", "returned_on", ymd(srv, to + 5))),
		   400, "INVALID_FIELD", NULL);
	r = http(srv, S("minjing1"), "POST", fmt(srv, API "/leaves/%lld/return", id), "{}");
	EXPECT(r, 200);
	EXPECT_STR(r, "leave.status", "returned");
	EXPECT_STR(r, "leave.returned_on", ymd(srv, to + 1));
	assert_null(warning(srv, "suozhang", "?level=all", fmt(srv, "leave:%lld:return", id)));
	assert_false(today_has(srv, "minjing1", "leave_return"));
}

/* the demo: an overdue return in 城关 shows on the chief's board at once */
STORY(demo_overdue_return)
{
	struct resp *r = http(srv, as(srv, "suozhang"), "GET", API "/leaves", NULL);
	json_t *it;
	size_t i;
	int overdue = 0, pending = 0;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it) {
		overdue += json_is_true(json_object_get(it, "overdue"));
		pending += strcmp(jstr(it, "status"), "pending") == 0;
	}
	assert_int_equal(overdue, 1);
	assert_int_equal(pending, 1);
	r = http(srv, as(srv, "suozhang"), "GET", API "/duty-board", NULL);
	EXPECT(r, 200);
	/* 赵丽 on leave today, 陈刚 not back */
	EXPECT_NUM(r, "away_count", 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(leave_approval_and_overdue_return, setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(demo_overdue_return, setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
