/* api_case_story.c — a day at 城关派出所 (issue 3, Tests): three cases
 * worked through the API by the demo accounts, each on a fresh demo
 * county. Expected figures are written by hand from the law tables:
 * OF-052 殴打他人 基本, ZA2025 Art 51 ¶1 — 五日以上十日以下拘留，并处五百元
 * 以上一千元以下罚款 (offences.md); a 派出所 decides only 警告 and fines up to
 * 1000元 (ZA2025 Art 109), so a detention goes to the county bureau; a
 * 14–16-year-old's detention is decided but not executed (ZA2025 Art 23);
 * 当场处罚 is 警告 or up to 500元 (ZA2025 Art 119). */
#include "case_util.h"

/* The timeline (case.events) holds these steps in this order, each by the
 * named user; other events may come in between. want: {action, user name,
 * to_status or NULL}, ended by {NULL}. */
static void assert_timeline(const struct resp *r, const char *const (*want)[3])
{
	json_t *ev = jpath(r->json, "case.events"), *e;
	size_t i = 0, n = json_array_size(ev);

	for (; (*want)[0]; want++) {
		for (; i < n; i++) {
			e = json_array_get(ev, i);
			if (strcmp(jstr(e, "action"), (*want)[0]) == 0 &&
			    strcmp(jstr(e, "user_name"), (*want)[1]) == 0 &&
			    (!(*want)[2] || strcmp(jstr(e, "to_status"), (*want)[2]) == 0))
				break;
		}
		if (i == n)
			fail_msg("timeline lacks '%s' by %s (→ %s) in order: %.1500s", (*want)[0],
				 (*want)[1], (*want)[2] ? (*want)[2] : "-",
				 json_dumps(ev, JSON_COMPACT));
		i++;
	}
}

static json_t *find_doc(const struct resp *r, const char *kind)
{
	json_t *d;
	size_t i;

	json_array_foreach(jpath(r->json, "case.documents"), i, d)
		if (strcmp(jstr(d, "kind"), kind) == 0)
			return d;
	fail_msg("no %s document in %.800s", kind, r->body);
	return NULL;
}

/* 1. 殴打他人, from the walk-in report to 归档. */
STORY(assault_from_walk_in_to_archive)
{
	struct session *mj1 = login(srv, "minjing1", DEMO_PW),
		       *sz = login(srv, "suozhang", DEMO_PW);
	struct session *fzd = login(srv, "fazhidadui", DEMO_PW),
		       *jz = login(srv, "juzhang", DEMO_PW);
	struct session *nq = login(srv, "neiqin", DEMO_PW), *fz = login(srv, "fazhi", DEMO_PW);
	const char *li, *wang, *lin, *gao, *sun, *code, *decision_no;
	long long me = me_id(srv, mj1, &li), mj2 = colleague(srv, mj1, "张伟"), id, sus, iv;
	const char *victim_id = id_aged(srv, 0, 52, 301), *year = fmt(srv, "%d", srv_year(srv));
	struct resp *r;
	json_t *o, *p;

	/* the generator gives the test vectors of legal-rules §7.1 */
	assert_string_equal(id_number_at(srv, "110105", 1949, 12, 31, 2), "11010519491231002X");
	assert_string_equal(id_number_at(srv, "440524", 1880, 1, 1, 1), "440524188001010014");
	me_id(srv, sz, &wang);
	me_id(srv, fzd, &lin);
	me_id(srv, jz, &gao);
	me_id(srv, nq, &sun);

	/* 王某某 walks in: he was punched at the market this morning */
	r = http(srv, mj1, "POST", API "/cases",
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:{s:s, s:s, s:s}}", "kind",
		   "admin", "title", "殴打他人", "offence_code", "OF-052", "summary",
		   "报案人称在解放路农贸市场因摊位纠纷被他人用拳头击打面部", "source", "walk_in",
		   "act_date", day_str(srv, 0), "act_place", "解放路农贸市场", "co_officer_id",
		   (json_int_t)mj2, "reporter", "name", "王某某", "id_number", victim_id, "phone",
		   "13800001111"));
	EXPECT(r, 201);
	id = rnum(r, "case.id");
	code = fmt(srv, "%s", rstr(r, "case.receipt_code"));
	assert_non_null(strstr(rstr(r, "case.case_no"), fmt(srv, "城关派出所行〔%s〕", year)));
	EXPECT_STR(r, "case.status_label", "已受案");
	EXPECT_STR(r, "case.officers.0.duty", "main");
	EXPECT_NUM(r, "case.officers.0.user_id", me);
	EXPECT_STR(r, "case.officers.1.duty", "co");
	EXPECT_NUM(r, "case.officers.1.user_id", mj2);
	/* the reporter is the victim */
	party_add(srv, mj1, id, "victim", "王某某", victim_id);
	sus = party_add(srv, mj1, id, "suspect", "刘某", id_aged(srv, 0, 34, 303));
	EXPECT_STR(http(srv, NULL, "POST", API "/progress",
		   fmt(srv, "{\"receipt_code\":\"%s\",\"phone_last4\":\"1111\"}", code)), "status_label",
		   "已受案");

	/* 刘某 is summoned and questioned by both officers, on video; his
	 * wife is told by phone where he is */
	o = json_pack("{s:I, s:o, s:b, s:I, s:s, s:[{s:s, s:s}, {s:s, s:s}]}", "party_id",
		      (json_int_t)sus, "officer_ids", ids2(me, mj2), "summoned", 1,
		      "family_notified_at", (json_int_t)srv_now(srv), "recording_id",
		      "AV-CG-ROOM1-0001", "qa", "q", "今天上午你在农贸市场做了什么？", "a",
		      "因为摊位的事和王某某吵起来，我打了他脸上两拳。", "q", "以上笔录你看过了吗？",
		      "a", "看过了，和我说的一样。");
	r = iv_post(srv, mj1, id, o);
	EXPECT(r, 201);
	iv = rnum(r, "interview.id");
	r = iv_read_and_sign(srv, mj1, iv);
	EXPECT_STR(r, "interview.status", "signed");
	assert_int_equal(strlen(rstr(r, "interview.content_hash")), 64);

	EXPECT_STR(act(srv, mj1, id, "file", NULL), "case.status", "filed");

	/* the proposal: 5 days and a fine; 400元 is below the tier's 500元 */
	EXPECT_RULE(srv, propose(srv, mj1, id, sus, "OF-052", "基本", 0, 400, 5), "ADM-FINE-RANGE");
	r = propose(srv, mj1, id, sus, "OF-052", "基本", 0, 500, 5);
	EXPECT(r, 201);
	p = last_proposal(r);
	assert_string_equal(jstr(p, "law"), "ZA2025");
	assert_string_equal(jstr(p, "level"), "bureau");
	assert_int_equal(jint(p, "lenient"), 0);
	assert_int_equal(jint(p, "repeat_offence"), 0);
	assert_true(json_is_null(json_object_get(p, "exec_exempt")));
	notice(srv, mj1, id, sus, "rights");
	r = act(srv, mj1, id, "submit", NULL);
	EXPECT_STR(r, "case.status", "approving");
	assert_string_equal(steps_of(srv, r),
			    "legal@城关派出所, chief@城关派出所, legal@示范县公安局, chief@示范县公安局");

	/* 法制员 → 所长 → 法制大队 → 局长 */
	EXPECT_STR(act(srv, fz, id, "approve", "{\"opinion\":\"事实清楚，报县局审批\"}"),
		   "case.status", "approving");
	EXPECT_STR(act(srv, sz, id, "approve", "{\"opinion\":\"同意，报县局审批\"}"), "case.status",
		   "approving");
	EXPECT_STR(
		act(srv, fzd, id, "approve", "{\"opinion\":\"事实清楚，证据确实，适用法律正确\"}"),
		"case.status", "approving");
	r = act(srv, jz, id, "approve", "{\"opinion\":\"同意\"}");
	EXPECT_STR(r, "case.status", "decided");
	p = last_proposal(r);
	assert_string_equal(jstr(p, "status"), "approved");
	decision_no = fmt(srv, "%s", jstr(p, "decision_no"));
	/* decided by the county bureau: the bureau's document and series */
	assert_non_null(strstr(decision_no, fmt(srv, "示范县公安局公（决）字〔%s〕", year)));
	assert_string_equal(jstr(find_doc(r, "decision"), "doc_no"), decision_no);
	r = http(srv, mj1, "POST", fmt(srv, API "/cases/%lld/documents", id),
		 "{\"kind\":\"decision\"}");
	EXPECT(r, 201);
	EXPECT_STR(r, "document.doc_no", decision_no);

	/* 送达, 结案, 归档 */
	EXPECT_STR(act(srv, mj1, id, "deliver", NULL), "case.status", "delivered");
	EXPECT_STR(act(srv, mj1, id, "close", "{\"reason\":\"已送拘留所执行，罚款已缴纳\"}"),
		   "case.status", "closed");
	EXPECT_ERR(srv, act(srv, mj1, id, "archive", NULL), 403, "FORBIDDEN", NULL);
	EXPECT_STR(act(srv, nq, id, "archive", NULL), "case.status", "archived");

	r = case_get(srv, mj1, id);
	{
		const char *const want[][3] = {
			{ "accept", li, "accepted" },
			{ "party_add", li, NULL },
			{ "party_add", li, NULL },
			{ "party_add", li, NULL },
			{ "interview_create", li, NULL },
			{ "interview_sign", li, NULL },
			{ "file", li, "filed" },
			{ "proposal_create", li, NULL },
			{ "notice_create", li, NULL },
			{ "submit", li, "approving" },
			{ "approve", wang, NULL },
			{ "approve", lin, NULL },
			{ "approve", gao, "decided" },
			{ "deliver", li, "delivered" },
			{ "close", li, "closed" },
			{ "archive", sun, "archived" },
			{ NULL, NULL, NULL },
		};

		assert_timeline(r, want);
	}
	EXPECT_STR(http(srv, NULL, "POST", API "/progress",
		   fmt(srv, "{\"receipt_code\":\"%s\",\"phone_last4\":\"1111\"}", code)), "status_label",
		   "已归档");
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
}

/* 2. A 15-year-old first offender: his father sits in, the father is told
 * too, the bureau decides 5 days and 500元 — the detention not executed. */
STORY(minor_first_offender_detention_not_executed)
{
	struct session *mj1 = login(srv, "minjing1", DEMO_PW),
		       *sz = login(srv, "suozhang", DEMO_PW);
	struct session *fzd = login(srv, "fazhidadui", DEMO_PW),
		       *jz = login(srv, "juzhang", DEMO_PW);
	struct session *fz = login(srv, "fazhi", DEMO_PW);
	long long me = me_id(srv, mj1, NULL), mj2 = colleague(srv, mj1, "张伟"), id, sus, iv;
	struct resp *r;
	json_t *o, *p;

	id = rnum(case_new(srv, mj1, "殴打他人", day_str(srv, -2), mj2), "case.id");
	party_add(srv, mj1, id, "victim", "郑同学", id_aged(srv, -2, 15, 312));
	r = http(srv, mj1, "POST", fmt(srv, API "/cases/%lld/parties", id),
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:b}", "role", "suspect", "name", "小周",
		   "id_number", id_aged(srv, -2, 15, 311), "guardian_name", "周建国",
		   "guardian_phone", "13700002222", "first_offence", 1));
	EXPECT(r, 201);
	EXPECT_NUM(r, "party.age_at_act", 15);
	sus = rnum(r, "party.id");

	o = json_pack("{s:I, s:o, s:s, s:s, s:b, s:I}", "party_id", (json_int_t)sus, "officer_ids",
		      ids2(me, mj2), "guardian_name", "周建国", "guardian_relation", "父亲",
		      "summoned", 1, "family_notified_at", (json_int_t)srv_now(srv));
	iv = rnum(iv_post(srv, mj1, id, o), "interview.id");
	EXPECT_STR(iv_read_and_sign(srv, mj1, iv), "interview.status", "signed");
	EXPECT(act(srv, mj1, id, "file", NULL), 200);

	r = propose(srv, mj1, id, sus, "OF-052", "基本", 0, 500, 5);
	EXPECT(r, 201);
	assert_string_equal(jstr(last_proposal(r), "exec_exempt"), "age_14_16");
	notice(srv, mj1, id, sus, "rights");
	/* ZA2025 Art 112: his father is told and heard as well */
	EXPECT_RULE(srv, act(srv, mj1, id, "submit", NULL), "ADM-NOTICE-RIGHTS");
	notice(srv, mj1, id, sus, "guardian");
	r = act(srv, mj1, id, "submit", NULL);
	EXPECT_STR(r, "case.status", "approving");
	assert_string_equal(steps_of(srv, r),
			    "legal@城关派出所, chief@城关派出所, legal@示范县公安局, chief@示范县公安局");
	EXPECT(act(srv, fz, id, "approve", NULL), 200);
	EXPECT(act(srv, sz, id, "approve", NULL), 200);
	EXPECT(act(srv, fzd, id, "approve", NULL), 200);
	r = act(srv, jz, id, "approve", NULL);
	EXPECT_STR(r, "case.status", "decided");
	p = last_proposal(r);
	assert_string_equal(jstr(p, "status"), "approved");
	assert_int_equal(jint(p, "det_days"), 5);
	assert_int_equal(jint(p, "fine"), 500);
	assert_string_equal(jstr(p, "exec_exempt"), "age_14_16");
	assert_non_null(strstr(jstr(p, "decision_no"), "（决）字"));
	EXPECT_STR(act(srv, mj1, id, "deliver", NULL), "case.status", "delivered");
	EXPECT_STR(act(srv, mj1, id, "close", "{\"reason\":\"依法不执行行政拘留；罚款已缴纳\"}"),
		   "case.status", "closed");
}

/* 3. On patrol: a man shouting at the bus station is warned on the spot by
 * 李明 alone, on his body camera. */
STORY(onspot_warning_by_one_officer)
{
	struct session *mj1 = login(srv, "minjing1", DEMO_PW);
	const char *li;
	long long id, sus;
	struct resp *r;
	json_t *p;

	me_id(srv, mj1, &li);
	r = http(srv, mj1, "POST", API "/cases",
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "kind", "admin", "procedure",
		   "onspot", "title", "扰乱公共场所秩序", "offence_code", "OF-002", "source",
		   "patrol", "act_date", day_str(srv, 0), "act_place", "城关汽车站候车厅",
		   "recording_id", "AV-BODYCAM-0417"));
	EXPECT(r, 201);
	id = rnum(r, "case.id");
	assert_int_equal(json_array_size(jpath(r->json, "case.officers")), 1);
	sus = party_add(srv, mj1, id, "suspect", "马某", id_aged(srv, 0, 45, 321));
	/* OF-002 基本, ZA2025 Art 26 ¶1(2): 警告或者五百元以下罚款 */
	r = propose(srv, mj1, id, sus, "OF-002", "基本", 1, 0, 0);
	EXPECT(r, 201);
	assert_string_equal(jstr(last_proposal(r), "level"), "station");
	/* the 告知 of the proposed penalty: after the proposal (a notice
	 * given before it, in an earlier second, does not count) */
	notice(srv, mj1, id, sus, "rights");
	r = act(srv, mj1, id, "onspot_decide", NULL);
	EXPECT_STR(r, "case.status", "decided");
	p = last_proposal(r);
	assert_int_equal(jint(p, "warning"), 1);
	assert_string_equal(jstr(p, "status"), "approved");
	assert_non_null(strstr(jstr(p, "decision_no"), "（当决）字"));
	assert_string_equal(jstr(find_doc(r, "onspot_decision"), "doc_no"), jstr(p, "decision_no"));
	EXPECT_RULE(srv, act(srv, mj1, id, "deliver", NULL), "ADM-AUX-SOLO");
	EXPECT_STR(act(srv, mj1, id, "deliver", "{\"recording_id\":\"AV-BODYCAM-0417\"}"),
		   "case.status", "delivered");
	r = act(srv, mj1, id, "close", NULL);
	EXPECT_STR(r, "case.status", "closed");
	{
		const char *const want[][3] = {
			{ "accept", li, "accepted" },	    { "party_add", li, NULL },
			{ "proposal_create", li, NULL },    { "notice_create", li, NULL },
			{ "onspot_decide", li, "decided" }, { "deliver", li, "delivered" },
			{ "close", li, "closed" },	    { NULL, NULL, NULL },
		};

		assert_timeline(r, want);
	}
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_demo, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(assault_from_walk_in_to_archive),
		T(minor_first_offender_detention_not_executed),
		T(onspot_warning_by_one_officer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
