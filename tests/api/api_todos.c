/* api_todos.c — 待办事项 (issue 18): besides approvals, warnings and the
 * today sources, the user's own archive loans to return, return visits to
 * make and the week's household visits short of the target, each with its
 * due day; doing the work removes the row. From the demo: 张伟 (minjing2)
 * holds a file lent 10 days ago for 7 days; 李明 (minjing1) is the main
 * officer of closed cases waiting for their 回访 and has visited no
 * household this week (target 2). */
#include "clock_util.h"

static int count_kind(struct server *srv, const char *user, const char *kind, json_t **first)
{
	struct resp *r = http(srv, S(user), "GET", API "/todos", NULL);
	json_t *it;
	size_t i;
	int n = 0;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (strcmp(jstr(it, "kind"), kind) == 0) {
			if (first && !n)
				*first = it;
			n++;
		}
	return n;
}

STORY(todos_list_loans_return_visits_and_household_visits)
{
	const char *today = ymd(srv, lday((int64_t)srv_now(srv)));
	json_t *it = NULL, *v;
	struct resp *r;
	long long loan = 0;
	size_t i;
	int n;

	/* the loan: one row for the borrower, overdue; none for a colleague */
	assert_int_equal(count_kind(srv, "minjing2", "loan_return", &it), 1);
	assert_true(strcmp(jstr(it, "due_on"), today) < 0);
	assert_int_equal(count_kind(srv, "minjing1", "loan_return", NULL), 0);
	r = http(srv, S("dangan"), "GET", API "/loans", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, v)
		if (strcmp(jstr(v, "status"), "lent") == 0)
			loan = jint(v, "id");
	assert_true(loan > 0);
	EXPECT(http(srv, S("dangan"), "POST", fmt(srv, API "/loans/%lld/return", loan), "{\"note\":\"完整\"}"), 200);
	assert_int_equal(count_kind(srv, "minjing2", "loan_return", NULL), 0);

	/* return visits: one row per party due; a visit made removes one */
	n = count_kind(srv, "minjing1", "return_visit", NULL);
	assert_true(n > 0);
	assert_int_equal(count_kind(srv, "fujing", "return_visit", NULL), 0);
	r = http(srv, S("minjing1"), "GET", API "/return-visits", NULL);
	EXPECT(r, 200);
	it = NULL;
	json_array_foreach(jpath(r->json, "items"), i, v)
		if (!it && jstr(v, "main_officer") && strcmp(jstr(v, "main_officer"), "李明") == 0)
			it = v;
	assert_non_null(it);
	v = it;
	EXPECT(http(srv, S("minjing1"), "POST", fmt(srv, API "/cases/%lld/return-visits", jint(v, "case_id")),
		    J(srv, "{s:I, s:b, s:s, s:i}", "party_id", (json_int_t)jint(v, "party_id"), "reached", 1, "method", "phone",
		      "satisfaction", 5)),
	       201);
	assert_int_equal(count_kind(srv, "minjing1", "return_visit", NULL), n - 1);

	/* household visits: 0 of 2 this week; two visits clear it */
	assert_int_equal(count_kind(srv, "minjing1", "household_visits", &it), 1);
	assert_string_equal(jstr(it, "detail"), "已走访 0 户，目标 2 户");
	r = http(srv, S("minjing1"), "GET", API "/today", NULL);
	EXPECT(r, 200);
	for (i = 0; i < 2; i++) {
		v = json_array_get(jpath(r->json, "visits.suggest"), i);
		assert_non_null(v);
		EXPECT(http(srv, S("minjing1"), "POST", API "/household-visits",
			    J(srv, "{s:I, s:s, s:s}", "address_id", (json_int_t)jint(v, "id"), "visited_on", today, "learnt",
			      "住户情况正常")),
		       201);
	}
	assert_int_equal(count_kind(srv, "minjing1", "household_visits", &it), 0);
	/* a 内勤 has no beat: no such row */
	assert_int_equal(count_kind(srv, "neiqin", "household_visits", NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(todos_list_loans_return_visits_and_household_visits, setup_demo,
						teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
