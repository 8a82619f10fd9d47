/* api_dispatch.c — dispatch and command where it failed its users (issue 17,
 * part 3): the 案由 an incident's category maps to, the station's alert and
 * the escalation of an unacknowledged dispatch, who went out (出警人员) and
 * when they arrived, and the 督察's 有警无案 list. Each story runs on a fresh
 * demo county; expected figures are computed here by hand. */
/* the shared helpers of the 110 stories: not every one is used here */
#pragma GCC diagnostic ignored "-Wunused-function"
#include "incident_util.h"

/* 1. 警情 → 案件: the 案由 is prefilled from the category (a table, 070). */
STORY(category_prefills_offence)
{
	long long theft, fight, burglary, help;
	struct resp *r;

	begin(srv);
	theft = inc_at(srv, CG, "0201", "城关镇人民路8号", 0);
	fight = inc_at(srv, CG, "0202", "城关镇人民路9号", 0);
	burglary = inc_at(srv, CG, "0101", "城关镇人民路10号", 0);
	help = inc_at(srv, CG, "0601", "城关镇人民路11号", 0);
	r = inc_get(srv, "minjing1", theft);
	EXPECT(r, 200);
	EXPECT_STR(r, "incident.offence_code", "OF-065"); /* 盗窃 → 盗窃 */
	r = inc_get(srv, "minjing1", fight);
	EXPECT_STR(r, "incident.offence_code", "OF-052"); /* 殴打他人 */
	/* a criminal category and a call for help map to no 案由 */
	r = inc_get(srv, "minjing1", burglary);
	assert_true(json_is_null(jpath(r->json, "incident.offence_code")));
	r = inc_get(srv, "minjing1", help);
	assert_true(json_is_null(jpath(r->json, "incident.offence_code")));
	/* every mapped code is an offence of the catalog's table */
	r = http(srv, S("minjing1"), "GET", API "/offences", NULL);
	EXPECT(r, 200);
	assert_non_null(find_by(jpath(r->json, "items"), "code", "OF-065"));
	assert_string_equal(jstr(find_by(jpath(r->json, "items"), "code", "OF-065"), "name"), "盗窃");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_demo, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(category_prefills_offence),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
