/* api_search.c — a search box takes what the user types literally (issue
 * 12, item 10): '%' and '_' are characters to find, not LIKE wildcards, in
 * every list that searches text (accounts, cases, incidents, persons by
 * address, the audit log by action). One demo county for the file. */
#include "case_util.h"

/* Every item of list r has want in one of the keys (up to three). */
static void all_contain(const struct resp *r, const char *want, const char *k1, const char *k2,
			const char *k3)
{
	json_t *it;
	size_t i;

	json_array_foreach(jpath(r->json, "items"), i, it) {
		const char *keys[] = { k1, k2, k3 };
		int found = 0;

		for (int k = 0; k < 3; k++) {
			const char *v = keys[k] ? json_string_value(json_object_get(it, keys[k])) : NULL;

			found |= v && strstr(v, want) != NULL;
		}
		if (!found)
			fail_msg("item %zu of the search for '%s' does not contain it", i, want);
	}
}

static long long count_of(struct server *srv, const struct session *s, const char *path)
{
	struct resp *r = http(srv, s, "GET", path, NULL);

	EXPECT(r, 200);
	return rnum(r, "total");
}

/* Accounts: "i_s" finds li_si, not lixsi; "%" finds the one name with it. */
STORY(search_accounts_literally)
{
	struct session *admin = login(srv, "admin", DEMO_PW);
	long long cg = unit_id(srv, admin, "城关派出所");
	struct resp *r;

	EXPECT(http(srv, admin, "POST", API "/users",
		    J(srv, "{s:s, s:s, s:s, s:I, s:s}", "username", "li_si", "name", "李四", "role",
		      "officer", "unit_id", (json_int_t)cg, "password", "Chushi#Mima-2026")),
	       201);
	EXPECT(http(srv, admin, "POST", API "/users",
		    J(srv, "{s:s, s:s, s:s, s:I, s:s}", "username", "lixsi", "name", "百分%之百",
		      "role", "officer", "unit_id", (json_int_t)cg, "password", "Chushi#Mima-2026")),
	       201);
	r = http(srv, admin, "GET", API "/users?q=_&per_page=200", NULL);
	EXPECT(r, 200);
	all_contain(r, "_", "username", "name", NULL); /* li_si and demo accounts (beishe_sz) */
	assert_true(rnum(r, "total") >= 1);
	r = http(srv, admin, "GET", API "/users?q=%25&per_page=200", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_STR(r, "items.0.username", "lixsi");
	/* the escape character itself is literal too */
	assert_int_equal(count_of(srv, admin, API "/users?q=%5C"), 0);
	/* "i_s" is li_si only, not lixsi */
	r = http(srv, admin, "GET", API "/users?q=i_s", NULL);
	EXPECT_NUM(r, "total", 1);
	EXPECT_STR(r, "items.0.username", "li_si");
}

/* Cases: "100%" finds 折扣100%活动, not 折扣1000元; "a_b" finds a_b only. */
STORY(search_cases_literally)
{
	struct session *mj1 = login(srv, "minjing1", DEMO_PW);
	long long co = colleague(srv, mj1, "张伟");
	struct resp *r;

	case_new(srv, mj1, "折扣100%活动纠纷", day_str(srv, -1), co);
	case_new(srv, mj1, "折扣1000元纠纷", day_str(srv, -1), co);
	case_new(srv, mj1, "门牌a_b号纠纷", day_str(srv, -1), co);
	case_new(srv, mj1, "门牌axb号纠纷", day_str(srv, -1), co);
	r = http(srv, mj1, "GET", API "/cases?q=100%25", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_STR(r, "items.0.title", "折扣100%活动纠纷");
	r = http(srv, mj1, "GET", API "/cases?q=a_b", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_STR(r, "items.0.title", "门牌a_b号纠纷");
	assert_int_equal(count_of(srv, mj1, API "/cases?q=%25%25"), 0);
	assert_int_equal(count_of(srv, mj1, API "/cases?q=%E6%8A%98%E6%89%A3"), 2); /* 折扣 */
}

/* Incidents: place and summary are searched literally; the number and the
 * caller's phone still match exactly. */
STORY(search_incidents_literally)
{
	struct session *jj = login(srv, "jiejing", DEMO_PW);
	long long cg = unit_id(srv, jj, "城关派出所");
	struct resp *r;

	r = http(srv, jj, "POST", API "/incidents",
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:I}", "source", "110", "caller_name", "报警人",
		   "caller_phone", "13912340001", "place", "东街5_1号", "category", "0201", "summary",
		   "店内财物被盗", "station_id", (json_int_t)cg));
	EXPECT(r, 201);
	r = http(srv, jj, "POST", API "/incidents",
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:I}", "source", "110", "caller_name", "报警人",
		   "caller_phone", "13912340002", "place", "西街5x1号", "category", "0201", "summary",
		   "折扣50%被骗", "station_id", (json_int_t)cg));
	EXPECT(r, 201);
	r = http(srv, jj, "GET", API "/incidents?q=5_1", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_STR(r, "items.0.place", "东街5_1号");
	r = http(srv, jj, "GET", API "/incidents?q=50%25", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_STR(r, "items.0.place", "西街5x1号");
	assert_int_equal(count_of(srv, jj, API "/incidents?q=13912340002"), 1);
}

/* The audit log: "user.*" is a prefix, and '_' in it is no wildcard. */
STORY(search_audit_actions_literally)
{
	struct session *admin = login(srv, "admin", DEMO_PW), *aud;
	long long cg = unit_id(srv, admin, "城关派出所");

	EXPECT(http(srv, admin, "POST", API "/users",
		    J(srv, "{s:s, s:s, s:s, s:I, s:s}", "username", "zhao.liu", "name", "赵六", "role",
		      "officer", "unit_id", (json_int_t)cg, "password", "Chushi#Mima-2026")),
	       201);
	aud = login(srv, "auditor", DEMO_PW);
	assert_true(count_of(srv, aud, API "/audit?action=user.*") >= 1);
	assert_int_equal(count_of(srv, aud, API "/audit?action=user_*"), 0);
	assert_int_equal(count_of(srv, aud, API "/audit?action=%25"), 0);
	assert_int_equal(count_of(srv, aud, API "/audit?action=user.create"),
			 count_of(srv, aud, API "/audit?action=USER.CREATE"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(search_accounts_literally, setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(search_cases_literally, setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(search_incidents_literally, setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(search_audit_actions_literally, setup_demo,
						teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
