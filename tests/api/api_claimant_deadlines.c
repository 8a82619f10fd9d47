/* api_claimant_deadlines.c — the claimant's later deadlines (issue 15,
 * "statutory clocks") over HTTP against the demo county: after a 国家赔偿
 * claim or a 复议, what the person may do next and until which day, on the
 * record (claimant_deadline) and, while it runs and nothing followed, in
 * the 待办 of those who handle appeals (a today source). Dates by hand:
 *   行政赔偿 (国家赔偿法第13—14条; SUP-PC-DECIDE-2M, SUP-PC-SUE-3M): received
 *     2026-06-03 (Wed) → decided by 2026-08-03 (Mon); none made → may sue
 *     from 08-04 until 2026-11-03 (Tue, three months from 08-03);
 *     decided 2026-07-15 (Wed) → may sue until 2026-10-15 (Thu);
 *   刑事赔偿 (第23—24条; SUP-PC-CRIM-30D): decided 2026-11-02 (Mon) → may
 *     apply to the organ above until 2026-12-02 (Wed, 30 days);
 *   行政复议 (行政诉讼法第45条; SUP-SS-6M): decided two days ago → may sue
 *     for 15 days (a last day off work moves to the next working day). */
#include "harness.h"
/* the clock helpers: this file uses some of them */
#pragma GCC diagnostic ignored "-Wunused-function"
#include "clock_util.h"

#include <string.h>

/* A station decision of 城关 (OF-002, 罚款三百元); its case id. */
static long long decided_case(struct server *srv, int seq)
{
	struct crew c = { S("minjing1"), me_id(srv, S("minjing1"), NULL), colleague(srv, S("minjing1"), "张伟") };
	long long id, sus;

	id = filed_case(srv, &c, "扰乱公共场所秩序案", 30, seq, &sus);
	EXPECT(propose(srv, c.mj1, id, sus, "OF-002", "基本", 0, 300, 0), 201);
	notice(srv, c.mj1, id, sus, "rights");
	EXPECT(act(srv, c.mj1, id, "submit", NULL), 200);
	EXPECT_STR(act(srv, S("suozhang"), id, "approve", NULL), "case.status", "decided");
	return id;
}

static struct resp *claim(struct server *srv, long long case_id, const char *kind, const char *comp_kind,
			  const char *received, const char *organ)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "kind", kind, "applicant", "请求人甲", "known_on", "2026-05-20",
			      "applied_on", received, "received_on", received, "organ", organ);

	if (comp_kind)
		json_object_set_new(o, "comp_kind", json_string(comp_kind));
	return http(srv, S("fazhi"), "POST", fmt(srv, API "/cases/%lld/appeals", case_id), jdump(srv, o));
}

static void decide(struct server *srv, long long id, const char *outcome, const char *day, int heard)
{
	if (heard)
		EXPECT(http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/hearing", id),
			    J(srv, "{s:s, s:s}", "heard_on", day, "note", "听取赔偿请求人意见")),
		       200);
	EXPECT(http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/outcome", id),
		    strcmp(outcome, "compensated") == 0
			    ? J(srv, "{s:s, s:s, s:i}", "outcome", outcome, "outcome_on", day, "amount", 1200)
			    : J(srv, "{s:s, s:s}", "outcome", outcome, "outcome_on", day)),
	       200);
}

/* The claimant_deadline of appeal id in GET /appeals (fails when absent). */
static json_t *deadline_of_appeal(struct server *srv, long long id)
{
	struct resp *r = http(srv, S("fazhi"), "GET", API "/appeals", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (jint(it, "id") == id)
			return json_object_get(it, "claimant_deadline");
	fail_msg("appeal %lld is not listed", id);
	return NULL;
}

/* The 待办 item (GET /todos, fed by the today sources) of the appeal
 * window ending `until` for user, or NULL. */
static json_t *today_item(struct server *srv, const char *until, const char *user)
{
	struct resp *r = http(srv, S(user), "GET", API "/todos", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "kind"), "appeal_window") && !strcmp(jstr(it, "due_on"), until))
			return it;
	return NULL;
}

STORY(compensation_claimant_may_sue_or_apply_until)
{
	long long k1, k2, k3, id;
	struct resp *r;
	json_t *w;

	clocks_begin(srv);
	k1 = decided_case(srv, 951);
	k2 = decided_case(srv, 953);
	k3 = decided_case(srv, 955);

	/* 行政赔偿, no decision within two months */
	r = claim(srv, k1, "state_compensation", "admin_comp", "2026-06-03", "城关派出所");
	EXPECT(r, 201);
	EXPECT_STR(r, "decide_by", "2026-08-03");
	EXPECT_STR(r, "claimant_deadline.rule", "SUP-PC-SUE-3M");
	EXPECT_STR(r, "claimant_deadline.since", "no_decision");
	EXPECT_STR(r, "claimant_deadline.from", "2026-08-04");
	EXPECT_STR(r, "claimant_deadline.until", "2026-11-03");
	EXPECT_STR(r, "claimant_deadline.what", "向人民法院提起诉讼");
	EXPECT_BOOL(r, "claimant_deadline.open", 0);

	/* 行政赔偿, 不予赔偿 decided on 07-15: three months from the decision */
	r = claim(srv, k2, "state_compensation", "admin_comp", "2026-06-03", "城关派出所");
	EXPECT(r, 201);
	id = rnum(r, "id");
	decide(srv, id, "upheld", "2026-07-15", 1);
	w = deadline_of_appeal(srv, id);
	assert_non_null(w);
	assert_string_equal(jstr(w, "since"), "decision");
	assert_string_equal(jstr(w, "from"), "2026-07-15");
	assert_string_equal(jstr(w, "until"), "2026-10-15");

	/* 刑事赔偿 decided 11-02: 30 days to apply to the organ above */
	r = claim(srv, k3, "state_compensation", "crim_comp", "2026-09-07", "城关派出所");
	EXPECT(r, 201);
	id = rnum(r, "id");
	decide(srv, id, "compensated", "2026-11-02", 1);
	w = deadline_of_appeal(srv, id);
	assert_non_null(w);
	assert_string_equal(jstr(w, "rule"), "SUP-PC-CRIM-30D");
	assert_string_equal(jstr(w, "until"), "2026-12-02");
	assert_string_equal(jstr(w, "what"), "向赔偿义务机关的上一级机关申请复议");
	/* all three windows are past: nothing in the 待办 */
	assert_null(today_item(srv, "2026-11-03", "fazhi"));
	assert_null(today_item(srv, "2026-10-15", "fazhi"));
	assert_null(today_item(srv, "2026-12-02", "fazhi"));
}

/* A 复议 decided two days ago: the applicant may sue for 15 days — on the
 * record and in the 待办 of the station's 法制员 and chief, until a suit is
 * recorded; the 民警 sees nothing. A withdrawn claim has no window. */
STORY(reconsideration_decided_then_fifteen_days_to_sue)
{
	int64_t today, ev, last;
	long long k, id, w;
	const char *until;
	struct resp *r;
	json_t *it;

	clocks_begin(srv);
	k = decided_case(srv, 961);
	today = lday(srv_now(srv));
	ev = today - 2;
	last = ev + 15;
	while (!workday(srv, last))
		last++;
	until = ymd(srv, last);
	r = claim(srv, k, "reconsideration", NULL, ymd(srv, today - 20), "示范县人民政府");
	EXPECT(r, 201);
	id = rnum(r, "id");
	decide(srv, id, "upheld", ymd(srv, ev), 0);
	it = deadline_of_appeal(srv, id);
	assert_non_null(it);
	assert_string_equal(jstr(it, "rule"), "SUP-SS-6M");
	assert_string_equal(jstr(it, "what"), "向人民法院提起行政诉讼");
	assert_string_equal(jstr(it, "from"), ymd(srv, ev));
	assert_string_equal(jstr(it, "until"), until);
	assert_true(json_is_true(json_object_get(it, "open")));
	it = today_item(srv, until, "fazhi");
	assert_non_null(it);
	assert_non_null(strstr(jstr(it, "label"), fmt(srv, "请求人甲可于%s前向人民法院提起行政诉讼", until)));
	assert_string_equal(jstr(it, "route"), "/supervision/appeals");
	assert_non_null(today_item(srv, until, "suozhang"));
	assert_null(today_item(srv, until, "minjing1"));

	/* the suit comes: the item goes */
	r = http(srv, S("fazhi"), "POST", fmt(srv, API "/cases/%lld/appeals", k),
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:I}", "kind", "litigation", "applicant", "请求人甲", "known_on",
		   ymd(srv, ev), "applied_on", ymd(srv, today), "received_on", ymd(srv, today), "organ", "示范县人民法院",
		   "prior_appeal_id", (json_int_t)id));
	EXPECT(r, 201);
	assert_true(json_is_null(json_object_get(r->json, "claimant_deadline")) ||
		    !json_object_get(r->json, "claimant_deadline"));
	assert_null(today_item(srv, until, "fazhi"));

	/* a withdrawn claim: no window */
	r = claim(srv, decided_case(srv, 963), "state_compensation", "admin_comp", ymd(srv, today - 3), "城关派出所");
	EXPECT(r, 201);
	w = rnum(r, "id");
	decide(srv, w, "withdrawn", ymd(srv, today), 0);
	assert_true(json_is_null(deadline_of_appeal(srv, w)));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_demo, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(compensation_claimant_may_sue_or_apply_until),
		T(reconsideration_decided_then_fifteen_days_to_sue),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
