/* api_rewards_rules.c — 奖惩 rules (issue 18): TEAM-AWARD-PUBLIC (三等功 and
 * above need a public posting of at least 7 working days before the
 * approval; March 2021 has no holiday: 03-01 (Mon) to 03-09 are 7 working
 * days, from 03-02 only 6) and TEAM-SANCTION-PERIOD (no award while a 处分
 * or a measure is in force: a 警告 of 2021-01-15 runs 6 months, to
 * 2021-07-14 inclusive; a 禁闭 of 3 days from 2021-09-02 to 09-04). */
#include "harness.h"
#include "case_util.h"

#include <string.h>

#define AWARD                                                                                               \
	"{\"user_id\":%lld,\"grade\":\"%s\",\"deed\":\"%s\",\"ground\":\"case\",\"body_level\":\"city\","     \
	"\"decided_by\":\"市公安局\",\"decided_on\":\"%s\"%s}"
#define SANCTION                                                                                            \
	"{\"user_id\":%lld,\"kind\":\"%s\",\"reason\":\"违反纪律\",\"ground\":\"fault\","                      \
	"\"decided_by\":\"县公安局督察大队\",\"decided_on\":\"%s\"%s}"

STORY(award_posting_and_sanction_period)
{
	struct session *chief = as(srv, "suozhang");
	long long mj1 = user_id(srv, as(srv, "admin"), "minjing1"), mj2 = user_id(srv, as(srv, "admin"), "minjing2"),
		  mj3 = user_id(srv, as(srv, "admin"), "minjing3");

	/* TEAM-AWARD-PUBLIC */
	EXPECT_ERR(srv, http(srv, chief, "POST", API "/commendations", fmt(srv, AWARD, mj1, "merit_third", "公示一", "2021-03-10", "")),
		   409, "AWARD_NOT_POSTED", "TEAM-AWARD-PUBLIC");
	EXPECT_ERR(srv,
		   http(srv, chief, "POST", API "/commendations",
			fmt(srv, AWARD, mj1, "merit_third", "公示一", "2021-03-10", ",\"posted_from\":\"2021-03-02\"")),
		   409, "AWARD_POSTING", "TEAM-AWARD-PUBLIC");
	EXPECT(http(srv, chief, "POST", API "/commendations",
		    fmt(srv, AWARD, mj1, "merit_third", "公示一", "2021-03-10", ",\"posted_from\":\"2021-03-01\"")),
	       201);
	/* a 嘉奖 needs no posting */
	EXPECT(http(srv, chief, "POST", API "/commendations", fmt(srv, AWARD, mj3, "commendation", "嘉奖一", "2021-03-10", "")),
	       201);

	/* TEAM-SANCTION-PERIOD: a 警告 of 2021-01-15 → no award to 07-14 */
	EXPECT(http(srv, chief, "POST", API "/sanctions", fmt(srv, SANCTION, mj2, "warning", "2021-01-15", "")), 201);
	EXPECT_ERR(srv, http(srv, chief, "POST", API "/commendations", fmt(srv, AWARD, mj2, "commendation", "处分期一", "2021-07-14", "")),
		   409, "AWARD_UNDER_SANCTION", "TEAM-SANCTION-PERIOD");
	EXPECT(http(srv, chief, "POST", API "/commendations", fmt(srv, AWARD, mj2, "commendation", "处分期一", "2021-07-15", "")),
	       201);
	/* a 禁闭 of 3 days from 09-02: 09-04 refused, 09-05 allowed; a 通报批评 blocks nothing */
	EXPECT(http(srv, chief, "POST", API "/sanctions",
		    fmt(srv, SANCTION, mj3, "confinement", "2021-09-01", ",\"start_on\":\"2021-09-02\",\"days\":3")),
	       201);
	EXPECT_ERR(srv, http(srv, chief, "POST", API "/commendations", fmt(srv, AWARD, mj3, "merit_third", "禁闭期", "2021-09-04",
								      ",\"posted_from\":\"2021-08-02\"")),
		   409, "AWARD_UNDER_SANCTION", "TEAM-SANCTION-PERIOD");
	EXPECT(http(srv, chief, "POST", API "/commendations",
		    fmt(srv, AWARD, mj3, "merit_third", "禁闭期", "2021-09-05", ",\"posted_from\":\"2021-08-02\"")),
	       201);
	EXPECT(http(srv, chief, "POST", API "/sanctions", fmt(srv, SANCTION, mj1, "criticism", "2022-03-01", "")), 201);
	EXPECT(http(srv, chief, "POST", API "/commendations", fmt(srv, AWARD, mj1, "commendation", "批评后", "2022-03-11", "")),
	       201);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(award_posting_and_sanction_period, setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
