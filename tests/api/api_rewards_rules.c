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
	EXPECT(http(srv, chief, "POST", API "/sanctions", fmt(srv, SANCTION, mj2, "warning", "2021-01-15",
						      ",\"decided_body\":\"appointing\",\"decision_doc\":\"县公安局〔2021〕3号\"")), 201);
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

/* TEAM-DC-APPEAL: 刘强 (minjing3) is under 停止执行职务 from yesterday for
 * 10 days; he appeals to the city bureau: the decision is due in 5 days (a
 * clock), the measure goes on (an award still refused); a colleague cannot
 * appeal for him, nor can a 通报批评 be appealed; the chief records the
 * revocation with the restoration: the clock ends, the award is allowed. A
 * 禁闭's appeal is due in 24 hours. */
STORY(measure_appeal)
{
	struct session *chief, *mj3;
	long long m3, m4, id, crit, conf;
	struct resp *r;
	json_t *it, *w;
	size_t i;
	int found = 0;

	nsessions = 0; /* a new server: log in afresh */
	chief = as(srv, "suozhang");
	mj3 = as(srv, "minjing3");
	m3 = user_id(srv, as(srv, "admin"), "minjing3");
	m4 = user_id(srv, as(srv, "admin"), "minjing4");
	r = http(srv, chief, "POST", API "/sanctions",
		 fmt(srv, SANCTION, m3, "suspension", day_str(srv, -1),
		     fmt(srv, ",\"start_on\":\"%s\",\"days\":10", day_str(srv, -1))));
	EXPECT(r, 201);
	id = rnum(r, "sanction.id");
	r = http(srv, chief, "POST", API "/sanctions", fmt(srv, SANCTION, m3, "criticism", day_str(srv, -1), ""));
	EXPECT(r, 201);
	crit = rnum(r, "sanction.id");
	/* only he appeals, only a measure */
	assert_error(srv, http(srv, as(srv, "minjing1"), "POST", fmt(srv, API "/sanctions/%lld/appeal", id),
			       "{\"appeal_to\":\"市公安局\"}"),
		     403, NULL);
	EXPECT_ERR(srv, http(srv, mj3, "POST", fmt(srv, API "/sanctions/%lld/appeal", crit), "{\"appeal_to\":\"市公安局\"}"),
		   409, "APPEAL_NOT_MEASURE", "TEAM-DC-APPEAL");
	r = http(srv, mj3, "POST", fmt(srv, API "/sanctions/%lld/appeal", id),
		 "{\"appeal_to\":\"市公安局\",\"reason\":\"事实不清\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "sanction.appeal_to", "市公安局");
	EXPECT_ERR(srv, http(srv, mj3, "POST", fmt(srv, API "/sanctions/%lld/appeal", id), "{\"appeal_to\":\"市公安局\"}"),
		   409, "APPEAL_LODGED", NULL);
	/* the decision's clock: 5 days (a day period ends at 24:00 of its last day) */
	r = http(srv, chief, "GET", API "/warnings?level=all", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (strcmp(jstr(it, "key"), fmt(srv, "sanction:%lld:appeal", id)) == 0) {
			w = it;
			assert_string_equal(jstr(w, "rule"), "TEAM-DC-APPEAL");
			assert_true(jint(w, "deadline") - jint(w, "start") >= 5 * 86400);
			found = 1;
		}
	assert_true(found);
	/* the measure goes on: no award yet */
	EXPECT_ERR(srv, http(srv, chief, "POST", API "/commendations", fmt(srv, AWARD, m3, "commendation", "申诉中", day_str(srv, 0), "")),
		   409, "AWARD_UNDER_SANCTION", "TEAM-SANCTION-PERIOD");
	/* the decision: a revocation needs its restoration; an officer records none */
	assert_error(srv, http(srv, mj3, "POST", fmt(srv, API "/sanctions/%lld/appeal-decision", id),
			       "{\"revoke\":true,\"note\":\"撤销\",\"restoration\":\"通报\"}"),
		     403, NULL);
	EXPECT_ERR(srv, http(srv, chief, "POST", fmt(srv, API "/sanctions/%lld/appeal-decision", id),
			     "{\"revoke\":true,\"note\":\"市局决定撤销\"}"),
		   400, "INVALID_FIELD", NULL);
	r = http(srv, chief, "POST", fmt(srv, API "/sanctions/%lld/appeal-decision", id),
		 "{\"revoke\":true,\"note\":\"市局决定撤销\",\"restoration\":\"在全所大会上宣布撤销，恢复名誉\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "sanction.appeal_result", "revoked");
	EXPECT_STR(r, "sanction.revoked_on", day_str(srv, 0));
	r = http(srv, chief, "GET", API "/warnings?level=all", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		assert_string_not_equal(jstr(it, "key"), fmt(srv, "sanction:%lld:appeal", id));
	EXPECT(http(srv, chief, "POST", API "/commendations", fmt(srv, AWARD, m3, "commendation", "申诉中", day_str(srv, 0), "")),
	       201);

	/* a 禁闭: the decision due 24 hours after the appeal */
	r = http(srv, chief, "POST", API "/sanctions",
		 fmt(srv, SANCTION, m4, "confinement", day_str(srv, 0), fmt(srv, ",\"start_on\":\"%s\",\"days\":2", day_str(srv, 0))));
	EXPECT(r, 201);
	conf = rnum(r, "sanction.id");
	EXPECT(http(srv, as(srv, "minjing4"), "POST", fmt(srv, API "/sanctions/%lld/appeal", conf), "{\"appeal_to\":\"市公安局\"}"),
	       200);
	r = http(srv, chief, "GET", API "/warnings?level=all", NULL);
	EXPECT(r, 200);
	found = 0;
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (strcmp(jstr(it, "key"), fmt(srv, "sanction:%lld:appeal", conf)) == 0) {
			assert_int_equal(jint(it, "deadline") - jint(it, "start"), 24 * 3600);
			found = 1;
		}
	assert_true(found);
	/* upheld: the measure stays */
	r = http(srv, chief, "POST", fmt(srv, API "/sanctions/%lld/appeal-decision", conf), "{\"revoke\":false,\"note\":\"维持\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "sanction.appeal_result", "upheld");
	assert_true(json_is_null(jpath(r->json, "sanction.revoked_on")));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(award_posting_and_sanction_period, setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(measure_appeal, setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
