/* api_recusal.c — 回避 (issue 15; ADM-RECUSAL, CRIM-RECUSAL) over HTTP
 * against the demo county:
 *   - case 5 (殴打他人, administrative) waits for the county 法制大队's
 *     review (step legal at 示范县公安局): its reviewer 法制大队 declares a
 *     recusal, the county's chief grants it, and the reviewer can no longer
 *     decide the step; 张伟 (co-officer) asks to withdraw at a party's
 *     request, the station chief grants it: he is off the case and cannot
 *     be added again;
 *   - case 15 (入室盗窃, criminal): the same with the criminal rule;
 *   - the chief's own recusal is decided above the station; nobody decides
 *     his own; a pending recusal blocks nothing (the investigation goes
 *     on until the decision). */
#include "harness.h"
/* the clock helpers: this file uses some of them */
#pragma GCC diagnostic ignored "-Wunused-function"
#include "clock_util.h"

#include <string.h>

static long long q1(struct server *srv, const char *sql)
{
	return db_raw_int(srv->db, sql, NULL);
}

static long long uid(struct server *srv, const char *username)
{
	return db_raw_int(srv->db, "SELECT id FROM users WHERE username = ?1", username);
}

static long long case_of(struct server *srv, const char *title)
{
	return db_raw_int(srv->db, "SELECT id FROM police_case WHERE title = ?1", title);
}

static struct resp *recuse(struct server *srv, const char *actor, long long case_id, long long user_id,
			   const char *origin, const char *requester)
{
	return http(srv, S(actor), "POST", fmt(srv, API "/cases/%lld/recusals", case_id),
		    requester ? J(srv, "{s:I, s:s, s:s, s:s, s:s}", "user_id", (json_int_t)user_id, "origin", origin,
				  "ground", "interest", "requester", requester, "reason", "与一方当事人系同学关系。")
			      : J(srv, "{s:I, s:s, s:s, s:s}", "user_id", (json_int_t)user_id, "origin", origin, "ground",
				  "relative", "reason", "违法嫌疑人系本人表弟。"));
}

STORY(recused_officer_is_kept_off_the_case)
{
	long long k5 = case_of(srv, "殴打他人"), zw = uid(srv, "minjing2"), id;
	struct resp *r;

	clocks_begin(srv);
	/* the reason and, for a party's request, the party are required */
	EXPECT(http(srv, S("minjing1"), "POST", fmt(srv, API "/cases/%lld/recusals", k5),
		    J(srv, "{s:I, s:s, s:s, s:s}", "user_id", (json_int_t)zw, "origin", "requested", "ground", "interest",
		      "reason", "同学关系。")),
	       400);
	r = recuse(srv, "minjing1", k5, zw, "requested", "被侵害人李建国");
	EXPECT(r, 201);
	id = rnum(r, "id");
	EXPECT_STR(r, "status", "pending");
	/* one at a time */
	EXPECT(recuse(srv, "minjing1", k5, zw, "declared", NULL), 409);
	/* pending: he stays on the case (the investigation does not stop) */
	assert_int_equal(q1(srv, fmt(srv, "SELECT COUNT(*) FROM case_officer WHERE case_id = %lld AND user_id = %lld", k5, zw)),
			 1);
	/* not by himself, not by an officer; the chief decides, with a note */
	EXPECT(http(srv, S("minjing1"), "POST", fmt(srv, API "/recusals/%lld/decision", id),
		    "{\"grant\":true,\"note\":\"同意\"}"),
	       403);
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/recusals/%lld/decision", id), "{\"grant\":true}"), 400);
	r = http(srv, S("suozhang"), "POST", fmt(srv, API "/recusals/%lld/decision", id),
		 "{\"grant\":true,\"note\":\"当事人申请理由成立，决定回避。\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "status", "granted");
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/recusals/%lld/decision", id),
		    "{\"grant\":false,\"note\":\"改变主意\"}"),
	       409);
	/* off the case, and its timeline says so */
	assert_int_equal(q1(srv, fmt(srv, "SELECT COUNT(*) FROM case_officer WHERE case_id = %lld AND user_id = %lld", k5, zw)),
			 0);
	assert_int_equal(q1(srv, fmt(srv, "SELECT COUNT(*) FROM case_event WHERE case_id = %lld AND action = 'officer_recused'",
				     k5)),
			 1);
	/* the handler-change path refuses him */
	EXPECT_ERR(srv,
		   http(srv, S("suozhang"), "POST", fmt(srv, API "/cases/%lld/officers", k5),
			J(srv, "{s:I, s:s}", "user_id", (json_int_t)zw, "duty", "co")),
		   409, "RECUSED", "ADM-RECUSAL");
	/* the list */
	r = http(srv, S("minjing1"), "GET", fmt(srv, API "/cases/%lld/recusals", k5), NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 1);
	EXPECT_STR(r, "items.0.requester", "被侵害人李建国");
	/* another station sees none of it */
	EXPECT(http(srv, S("beishe_sz"), "GET", fmt(srv, API "/cases/%lld/recusals", k5), NULL), 403);
}

STORY(recused_reviewer_cannot_decide_the_step)
{
	long long k5 = case_of(srv, "殴打他人"), fz = uid(srv, "fazhidadui"), id;
	struct resp *r;

	clocks_begin(srv);
	/* the county's 法制大队 reviews case 5 now; it declares a recusal */
	r = recuse(srv, "fazhidadui", k5, fz, "declared", NULL);
	EXPECT(r, 201);
	id = rnum(r, "id");
	/* nobody decides his own recusal */
	EXPECT_ERR(srv,
		   http(srv, S("fazhidadui"), "POST", fmt(srv, API "/recusals/%lld/decision", id),
			"{\"grant\":true,\"note\":\"自行决定\"}"),
		   403, NULL, NULL);
	EXPECT(http(srv, S("juzhang"), "POST", fmt(srv, API "/recusals/%lld/decision", id),
		    "{\"grant\":true,\"note\":\"决定回避，由其他法制民警审核。\"}"),
	       200);
	EXPECT_ERR(srv,
		   http(srv, S("fazhidadui"), "POST", fmt(srv, API "/cases/%lld/actions/approve", k5),
			"{\"opinion\":\"同意\"}"),
		   409, "RECUSED", "ADM-RECUSAL");
	assert_int_equal(q1(srv, fmt(srv, "SELECT COUNT(*) FROM approval WHERE case_id = %lld AND status = 'pending'"
					 " AND role = 'legal'", k5)),
			 1);
	/* a refused one blocks nothing: the station chief's recusal on case 1,
	 * refused by the county's chief; the station chief cannot decide it */
	r = recuse(srv, "minjing1", case_of(srv, "盗窃电动车电瓶"), uid(srv, "suozhang"), "requested", "违法嫌疑人");
	EXPECT(r, 201);
	id = rnum(r, "id");
	EXPECT_ERR(srv,
		   http(srv, S("suozhang"), "POST", fmt(srv, API "/recusals/%lld/decision", id),
			"{\"grant\":false,\"note\":\"理由不成立\"}"),
		   403, "RECUSAL_SELF", "ADM-RECUSAL");
	r = http(srv, S("juzhang"), "POST", fmt(srv, API "/recusals/%lld/decision", id),
		 "{\"grant\":false,\"note\":\"申请理由不成立，驳回。\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "status", "refused");
	assert_int_equal(q1(srv, "SELECT COUNT(*) FROM recusal WHERE status = 'refused'"), 2); /* and the demo's on case 3 */
}

STORY(criminal_case_recusal_and_the_main_officer)
{
	long long k15 = case_of(srv, "入室盗窃"), zw = uid(srv, "minjing2"), lm = uid(srv, "minjing1"), id;
	struct resp *r;

	clocks_begin(srv);
	r = recuse(srv, "minjing2", k15, zw, "declared", NULL);
	EXPECT(r, 201);
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/recusals/%lld/decision", rnum(r, "id")),
		    "{\"grant\":true,\"note\":\"决定回避。\"}"),
	       200);
	EXPECT_ERR(srv,
		   http(srv, S("minjing1"), "POST", fmt(srv, API "/cases/%lld/officers", k15),
			J(srv, "{s:I, s:s}", "user_id", (json_int_t)zw, "duty", "co")),
		   409, "RECUSED", "CRIM-RECUSAL");
	/* the main officer's recusal is refused until the case is handed on */
	r = recuse(srv, "minjing1", k15, lm, "declared", NULL);
	id = rnum(r, "id");
	EXPECT_ERR(srv,
		   http(srv, S("suozhang"), "POST", fmt(srv, API "/recusals/%lld/decision", id),
			"{\"grant\":true,\"note\":\"决定回避。\"}"),
		   409, "RECUSAL_MAIN", "CRIM-RECUSAL");
	/* nobody of the county: refused */
	EXPECT(recuse(srv, "minjing1", k15, 999999, "declared", NULL), 400);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_demo, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(recused_officer_is_kept_off_the_case),
		T(recused_reviewer_cannot_decide_the_step),
		T(criminal_case_recusal_and_the_main_officer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
