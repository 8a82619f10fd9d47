/* api_late_entry.c — 补录 (issue 15): a case handled on paper while the
 * system was down is entered afterwards with the real times of its acts,
 * marked 补录, with a reason and the chief's approval; every rule and clock
 * is judged by those real times, including which version of the law was in
 * force, while the audit log keeps the time of entry. Figures by hand from
 * ../shared/rules (offences.md OF-085; legal-rules ADM-STATION-POWER,
 * ADM-LIMIT-6M, ADM-CASE-30D). */
#include "case_util.h"

static struct resp *late_case(struct server *srv, const struct session *s, long long co,
			      const char *act_date, json_t *extra)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:I}", "kind", "admin", "title",
			      "非法出售、购买、运输、持有管制刀具案", "offence_code", "OF-085", "source",
			      "walk_in", "act_date", act_date, "co_officer_id", (json_int_t)co);

	json_object_update(o, extra);
	json_decref(extra);
	return http(srv, s, "POST", API "/cases", jdump(srv, o));
}

static json_t *clock_item(struct server *srv, const struct session *s, const char *key)
{
	struct resp *r = http(srv, s, "GET", API "/warnings?level=all", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (strcmp(jstr(it, "key"), key) == 0)
			return it;
	return NULL;
}

/* A case from last year entered now: judged by last year's law (ZA2012:
 * the station decides fines up to 500元, Art 91) and last year's dates
 * (discovered when accepted, so ADM-LIMIT-6M does not bar it; its 30-day
 * limit ran out last year). */
STORY(case_from_last_year_judged_by_last_years_law)
{
	struct crew c = crew_of(srv);
	struct session *sz = as(srv, "suozhang"), *fz = as(srv, "fazhi");
	struct session *auditor = as(srv, "auditor");
	int y = srv_year(srv) - 1;
	const char *act_day = fmt(srv, "%04d-06-10", y);
	long long accepted = shanghai(y, 6, 11, 10), now = (long long)srv_now(srv), id, sus, other;
	struct resp *r;
	json_t *it;

	/* a reason and the real acceptance time are required, and only a 补录
	 * case may carry one */
	EXPECT_ERR(srv,
		   late_case(srv, c.mj1, c.mj2, act_day,
			     json_pack("{s:b, s:I}", "late_entry", 1, "accepted_at", (json_int_t)accepted)),
		   400, "INVALID_FIELD", NULL);
	EXPECT_ERR(srv,
		   late_case(srv, c.mj1, c.mj2, act_day,
			     json_pack("{s:b, s:s}", "late_entry", 1, "late_reason", "系统停用期间纸质办理")),
		   400, "INVALID_FIELD", NULL);
	EXPECT_ERR(srv, late_case(srv, c.mj1, c.mj2, act_day, json_pack("{s:I}", "accepted_at", (json_int_t)accepted)),
		   400, "INVALID_FIELD", NULL);

	r = late_case(srv, c.mj1, c.mj2, act_day,
		      json_pack("{s:b, s:s, s:I}", "late_entry", 1, "late_reason",
				"系统停用期间纸质办理", "accepted_at", (json_int_t)accepted));
	EXPECT(r, 201);
	id = rnum(r, "case.id");
	EXPECT_BOOL(r, "case.late_entry", 1);
	EXPECT_NUM(r, "case.accepted_at", accepted);
	EXPECT_STR(r, "case.discovered_date", fmt(srv, "%04d-06-11", y));
	assert_true(rnum(r, "case.created_at") >= now);

	/* nothing moves before the chief approves the entry: no case action,
	 * and no act on any other path — a measure, a seizure — either (they
	 * went on, with back-dated times the clocks then judged) */
	EXPECT_ERR(srv, act(srv, c.mj1, id, "file", NULL), 409, "LATE_NOT_APPROVED", NULL);
	other = party_add(srv, c.mj1, id, "suspect", "补录乙", id_number(srv, y - 31, 4, 4, 603));
	EXPECT_ERR(srv,
		   http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/measures", id),
			J(srv, "{s:I, s:s, s:s, s:b, s:I, s:I, s:s}", "party_id", (json_int_t)other, "kind", "summons",
			  "tier", "8h", "oral_summons", 1, "started_at", (json_int_t)(accepted + 7200), "ended_at",
			  (json_int_t)(accepted + 7200 + 5 * 3600), "end_reason", "询问完毕")),
		   409, "LATE_NOT_APPROVED", NULL);
	EXPECT_ERR(srv,
		   http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/property", id),
			"{\"name\":\"手机\",\"quantity\":\"1部\"}"),
		   409, "LATE_NOT_APPROVED", NULL);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM measure WHERE party_id = ?1",
				    fmt(srv, "%lld", other)),
			 0);
	EXPECT_ERR(srv, act(srv, c.mj1, id, "approve_late", NULL), 403, "FORBIDDEN", NULL);
	EXPECT(act(srv, sz, id, "approve_late", "{\"opinion\":\"情况属实，同意补录\"}"), 200);
	EXPECT_ERR(srv, act(srv, sz, id, "approve_late", NULL), 409, "NOT_LATE_ENTRY", NULL);

	/* each step at its real time, never before the one it follows */
	EXPECT_ERR(srv, act(srv, c.mj1, id, "file", fmt(srv, "{\"acted_at\":%lld}", accepted - 60)), 400,
		   "INVALID_FIELD", NULL);
	r = act(srv, c.mj1, id, "file", fmt(srv, "{\"acted_at\":%lld}", accepted + 3600));
	EXPECT_STR(r, "case.status", "filed");
	EXPECT_NUM(r, "case.filed_at", accepted + 3600);

	/* the 30-day limit (ZA2012 Art 99: from 受理) ran out last year */
	it = clock_item(srv, c.mj1, fmt(srv, "case:%lld:limit", id));
	assert_non_null(it);
	assert_string_equal(jstr(it, "rule"), "ADM-CASE-30D");
	assert_int_equal(jint(it, "start"), accepted);
	assert_true(jint(it, "deadline") >= accepted + 30 * 86400);
	assert_true(jint(it, "deadline") < shanghai(y, 8, 1, 0));
	assert_string_equal(jstr(it, "level"), "BREACH");

	/* measures handled on paper are entered with their real start and end:
	 * 传唤 of 5 h — within 8 h, nothing on record; 9 h — a breach on record */
	sus = party_add(srv, c.mj1, id, "suspect", "补录甲", id_number(srv, y - 30, 3, 3, 601));
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/measures", id),
		 J(srv, "{s:I, s:s, s:s, s:b, s:I, s:I, s:s}", "party_id", (json_int_t)sus, "kind", "summons",
		   "tier", "8h", "oral_summons", 1, "started_at", (json_int_t)(accepted + 7200), "ended_at",
		   (json_int_t)(accepted + 7200 + 5 * 3600), "end_reason", "询问完毕，释放"));
	EXPECT(r, 201);
	EXPECT_STR(r, "measure.status", "ended");
	/* a 继续盘问 extended to 24 h on paper stands at the tier it reached
	 * (taken now, a measure starts at a first tier; entered late with its
	 * end, it was refused outright) */
	r = http(srv, as(srv, "juzhang"), "POST", fmt(srv, API "/cases/%lld/measures", id),
		 J(srv, "{s:I, s:s, s:s, s:s, s:I, s:I, s:s}", "party_id", (json_int_t)sus, "kind",
		   "continued_questioning", "tier", "24h", "reason", "十二小时内不能证实或排除嫌疑", "started_at",
		   (json_int_t)(accepted + 3 * 86400), "ended_at", (json_int_t)(accepted + 3 * 86400 + 20 * 3600),
		   "end_reason", "排除嫌疑，放行"));
	EXPECT(r, 201);
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/measures", id),
		 J(srv, "{s:I, s:s, s:s, s:b, s:I, s:I, s:s}", "party_id", (json_int_t)sus, "kind", "summons",
		   "tier", "8h", "oral_summons", 1, "started_at", (json_int_t)(accepted + 86400), "ended_at",
		   (json_int_t)(accepted + 86400 + 9 * 3600), "end_reason", "询问完毕，释放"));
	EXPECT(r, 201);
	{
		struct resp *b = http(srv, as(srv, "ducha"), "GET", API "/breaches", NULL);
		json_t *bi;
		size_t i;
		int n = 0;

		EXPECT(b, 200);
		json_array_foreach(jpath(b->json, "items"), i, bi)
			if (jint(bi, "case_id") == id && !strcmp(jstr(bi, "rule"), "ADM-SUMMON-8H")) {
				n++;
				assert_int_equal(jint(bi, "deadline"), accepted + 86400 + 8 * 3600);
			}
		assert_int_equal(n, 1);
	}
	/* OF-085 基本 (ZA2012 Art 53: 500–1000元): 800元, proposed last June —
	 * beyond the station's 500元 of ZA2012, so the county bureau decides */
	r = post_proposal(srv, c.mj1, id,
			  J(srv, "{s:I, s:s, s:s, s:i, s:I}", "party_id", (json_int_t)sus, "offence_code",
			    "OF-085", "tier", "基本", "fine", 800, "proposed_at",
			    (json_int_t)shanghai(y, 6, 20, 10)));
	EXPECT(r, 201);
	assert_string_equal(jstr(last_proposal(r), "law"), "ZA2012");
	assert_string_equal(jstr(last_proposal(r), "level"), "bureau");
	/* 先取证后告知 (ADM-NOTICE-EVIDENCE): the notice cites the file's
	 * evidence and says why no signed statement of the suspect is there */
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/notices", id),
		 J(srv, "{s:I, s:s, s:s, s:I}", "party_id", (json_int_t)sus, "kind", "rights",
		   "penalty_text", "拟处罚款八百元", "at", (json_int_t)shanghai(y, 6, 21, 10)));
	EXPECT_RULE(srv, r, "ADM-NOTICE-EVIDENCE");
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/notices", id),
		 J(srv, "{s:I, s:s, s:s, s:I, s:[I], s:s}", "party_id", (json_int_t)sus, "kind", "rights",
		   "penalty_text", "拟处罚款八百元", "at", (json_int_t)shanghai(y, 6, 21, 10), "evidence_ids",
		   (json_int_t)evidence_first(srv, c.mj1, id), "statement_missing_reason",
		   "违法嫌疑人拒绝在询问笔录上签名"));
	EXPECT(r, 201);
	r = act(srv, c.mj1, id, "submit", fmt(srv, "{\"acted_at\":%lld}", shanghai(y, 6, 22, 10)));
	EXPECT_STR(r, "case.status", "approving");
	assert_string_equal(steps_of(srv, r),
			    "legal@城关派出所, chief@城关派出所, legal@示范县公安局, chief@示范县公安局");
	EXPECT(act(srv, fz, id, "approve", fmt(srv, "{\"acted_at\":%lld}", shanghai(y, 6, 23, 10))), 200);
	EXPECT(act(srv, sz, id, "approve", fmt(srv, "{\"acted_at\":%lld}", shanghai(y, 6, 24, 10))), 200);
	EXPECT(act(srv, as(srv, "fazhidadui"), id, "approve",
		   fmt(srv, "{\"acted_at\":%lld}", shanghai(y, 7, 1, 10))),
	       200);
	/* decided on paper on 20 July, after the limit of 30 days from 11 June
	 * (ZA2012 Art 99): judged by those dates, a breach on record */
	r = act(srv, as(srv, "juzhang"), id, "approve", fmt(srv, "{\"acted_at\":%lld}", shanghai(y, 7, 20, 10)));
	EXPECT_STR(r, "case.status", "decided");
	EXPECT_NUM(r, "case.decided_at", shanghai(y, 7, 20, 10));
	assert_non_null(strstr(jstr(last_proposal(r), "decision_no"), "示范县公安局公（决）字"));
	{
		struct resp *b = http(srv, as(srv, "ducha"), "GET", API "/breaches", NULL);
		json_t *bi;
		size_t i;
		int n = 0;

		EXPECT(b, 200);
		json_array_foreach(jpath(b->json, "items"), i, bi)
			if (jint(bi, "case_id") == id && !strcmp(jstr(bi, "rule"), "ADM-CASE-30D")) {
				n++;
				assert_true(jint(bi, "deadline") >= accepted + 30 * 86400);
				assert_true(jint(bi, "deadline") < shanghai(y, 7, 20, 10));
			}
		assert_int_equal(n, 1);
	}

	/* the same act entered today as an ordinary case: discovered today,
	 * more than six months after the act — no penalty (ADM-LIMIT-6M) */
	r = case_new(srv, c.mj1, "非法携带管制刀具案", act_day, c.mj2);
	other = rnum(r, "case.id");
	EXPECT(act(srv, c.mj1, other, "file", NULL), 200);
	sus = party_add(srv, c.mj1, other, "suspect", "补录乙", id_number(srv, y - 30, 3, 5, 603));
	EXPECT_RULE(srv, propose(srv, c.mj1, other, sus, "OF-085", "基本", 0, 800, 0), "ADM-LIMIT-6M");
	/* and an ordinary case takes no real time, nor a measure's real end */
	EXPECT_ERR(srv,
		   http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/measures", other),
			J(srv, "{s:I, s:s, s:s, s:b, s:I, s:s}", "party_id", (json_int_t)sus, "kind", "summons",
			  "tier", "8h", "oral_summons", 1, "ended_at", (json_int_t)now + 3600, "end_reason", "释放")),
		   400, "INVALID_FIELD", NULL);
	EXPECT_ERR(srv, act(srv, c.mj1, other, "withdraw", fmt(srv, "{\"acted_at\":%lld,\"reason\":\"测试\"}", accepted)),
		   400, "INVALID_FIELD", NULL);

	/* the audit log keeps the time of entry */
	r = http(srv, auditor, "GET", fmt(srv, API "/audit?action=case.create&object_id=%lld", id), NULL);
	EXPECT(r, 200);
	assert_non_null(strstr(rstr(r, "items.0.detail"), "补录"));
	assert_true(rnum(r, "items.0.at_ms") / 1000 >= now);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

/* A 补录 case entered within its limit, whose limit then runs out: the
 * sweep records the breach (one breach.record row). The step that ends the
 * case, entered later with its real time past the limit, finds the breach
 * on record — and wrote a second breach.record row for it. */
STORY(a_late_breach_already_on_record_is_audited_once)
{
	struct crew c = crew_of(srv);
	long long now = (long long)srv_now(srv), accepted = now - 29 * 86400, id;
	struct session *sz;
	const char *like;
	struct resp *r;

	r = late_case(srv, c.mj1, c.mj2, day_str(srv, -30),
		      json_pack("{s:b, s:s, s:I}", "late_entry", 1, "late_reason", "网络中断期间纸质办理",
				"accepted_at", (json_int_t)accepted));
	EXPECT(r, 201);
	id = rnum(r, "case.id");
	like = fmt(srv, "case:%lld:limit%%", id);
	EXPECT(act(srv, as(srv, "suozhang"), id, "approve_late", "{\"opinion\":\"同意补录\"}"), 200);
	EXPECT(act(srv, c.mj1, id, "file", fmt(srv, "{\"acted_at\":%lld}", accepted + 3600)), 200);
	/* thirty days on: the limit has run out, and the sweep records it */
	clock_freeze_at(srv, now + 30 * 86400);
	sz = login(srv, "suozhang", DEMO_PW); /* a month on: new sessions */
	EXPECT(http(srv, login(srv, "ducha", DEMO_PW), "GET", API "/breaches", NULL), 200);
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit WHERE action = 'breach.record' AND detail LIKE ?1", like),
			 1);
	/* the chief withdrew the case on paper a day before: entered now */
	r = act(srv, sz, id, "withdraw",
		fmt(srv, "{\"reason\":\"报案人撤回，经查不构成违法\",\"acted_at\":%lld}", now + 29 * 86400));
	EXPECT(r, 200);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM breach WHERE clock_key = ?1",
				    fmt(srv, "case:%lld:limit", id)),
			 1);
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit WHERE action = 'breach.record' AND detail LIKE ?1", like),
			 1);
	clock_advance(srv, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(case_from_last_year_judged_by_last_years_law),
		T(a_late_breach_already_on_record_is_audited_once),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
