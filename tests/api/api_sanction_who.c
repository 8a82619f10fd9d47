/* api_sanction_who.c — TEAM-SANCTION-WHO (issue 18): a 处分 is the decision
 * of the 任免机关 or the 监察机关; the station (its chief) only records it.
 * POST /sanctions is the one path that writes a sanction (there is no edit,
 * and a 执法过错 decision records its handling, not a sanction row): a 处分
 * without its body, decided by the station, by 督察, named as a 派出所, or
 * without the decision's number is refused with the rule id; a 通报批评 (no
 * 处分) may be the station's; a measure is the 督察机构's (TEAM-DC-SUSPEND). */
#include "harness.h"
#include "case_util.h"

#include <string.h>

#define BODY                                                                                                 \
	"{\"user_id\":%lld,\"kind\":\"%s\",\"reason\":\"违反办案程序\",\"ground\":\"fault\",\"decided_by\":\"%s\","  \
	"\"decided_on\":\"2021-05-10\"%s}"

STORY(a_sanction_names_the_competent_body)
{
	struct session *chief = as(srv, "suozhang"), *ducha = as(srv, "ducha");
	long long mj2 = user_id(srv, as(srv, "admin"), "minjing2");
	struct resp *r;

	/* no body named */
	EXPECT_ERR(srv, http(srv, chief, "POST", API "/sanctions", fmt(srv, BODY, mj2, "demerit", "县公安局", "")), 400,
		   "INVALID_FIELD", "TEAM-SANCTION-WHO");
	/* decided by the station, or by 督察 (which only proposes a 处分) */
	EXPECT_ERR(srv,
		   http(srv, chief, "POST", API "/sanctions",
			fmt(srv, BODY, mj2, "demerit", "城关派出所", ",\"decided_body\":\"station\",\"decision_doc\":\"城所〔2021〕1号\"")),
		   409, "SANCTION_BODY", "TEAM-SANCTION-WHO");
	EXPECT_ERR(srv,
		   http(srv, ducha, "POST", API "/sanctions",
			fmt(srv, BODY, mj2, "warning", "县公安局督察大队",
			    ",\"decided_body\":\"inspectorate\",\"decision_doc\":\"督〔2021〕1号\"")),
		   409, "SANCTION_BODY", "TEAM-SANCTION-WHO");
	/* an appointing body that is a 派出所 */
	EXPECT_ERR(srv,
		   http(srv, chief, "POST", API "/sanctions",
			fmt(srv, BODY, mj2, "major_demerit", "城关派出所",
			    ",\"decided_body\":\"appointing\",\"decision_doc\":\"城所〔2021〕2号\"")),
		   409, "SANCTION_BODY", "TEAM-SANCTION-WHO");
	/* no decision number */
	EXPECT_ERR(srv,
		   http(srv, chief, "POST", API "/sanctions",
			fmt(srv, BODY, mj2, "demerit", "县公安局", ",\"decided_body\":\"appointing\"")),
		   400, "INVALID_FIELD", "TEAM-SANCTION-WHO");
	/* an unknown body kind */
	assert_error(srv,
		     http(srv, chief, "POST", API "/sanctions",
			  fmt(srv, BODY, mj2, "demerit", "县公安局", ",\"decided_body\":\"court\",\"decision_doc\":\"1\"")),
		     400, NULL);
	/* the 监察机关's decision is recorded, with its number */
	r = http(srv, chief, "POST", API "/sanctions",
		 fmt(srv, BODY, mj2, "demerit", "县监察委员会", ",\"decided_body\":\"supervisory\",\"decision_doc\":\"县监委〔2021〕5号\""));
	EXPECT(r, 201);
	EXPECT_STR(r, "sanction.decided_body", "supervisory");
	EXPECT_STR(r, "sanction.decision_doc", "县监委〔2021〕5号");
	/* 督察 records the 任免机关's decision too */
	r = http(srv, ducha, "POST", API "/sanctions",
		 fmt(srv, BODY, mj2, "warning", "县公安局", ",\"decided_body\":\"appointing\",\"decision_doc\":\"县公安局〔2021〕9号\""));
	EXPECT(r, 201);
	EXPECT_STR(r, "sanction.decided_body", "appointing");
	/* a 通报批评 is no 处分: the station's own */
	r = http(srv, chief, "POST", API "/sanctions", fmt(srv, BODY, mj2, "criticism", "城关派出所", ""));
	EXPECT(r, 201);
	EXPECT_STR(r, "sanction.decided_body", "station");
	/* a 禁闭 decided by the station: refused, it is the 督察机构's */
	EXPECT_ERR(srv,
		   http(srv, chief, "POST", API "/sanctions",
			fmt(srv, BODY, mj2, "confinement", "城关派出所",
			    ",\"decided_body\":\"station\",\"start_on\":\"2021-05-10\",\"days\":2")),
		   409, "SANCTION_BODY", "TEAM-DC-SUSPEND");
	r = http(srv, chief, "POST", API "/sanctions",
		 fmt(srv, BODY, mj2, "confinement", "县公安局督察大队", ",\"start_on\":\"2021-05-10\",\"days\":2"));
	EXPECT(r, 201);
	EXPECT_STR(r, "sanction.decided_body", "inspectorate");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_sanction_names_the_competent_body, setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
