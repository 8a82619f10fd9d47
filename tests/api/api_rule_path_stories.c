/* api_rule_path_stories.c — the law on every path (issue 15), the paths
 * docs/rule-paths.md still listed without a story: one story per path,
 * driving the real binary over HTTP against the demo county. Expected
 * figures are written by hand from ../shared/rules (ZA2012 / ZA2025,
 * XSS, legal-rules.md). */
#include "clock_util.h"

static struct crew crew(struct server *srv)
{
	struct crew c;

	c.mj1 = S("minjing1");
	c.me = me_id(srv, c.mj1, NULL);
	c.mj2 = colleague(srv, c.mj1, "张伟");
	return c;
}

/* A 补录 administrative case of last year (accepted y-06-11 10:00 +08, the
 * act the day before), approved by the chief and filed an hour after its
 * acceptance; the case id. */
static long long late_case_of_last_year(struct server *srv, const struct crew *c, const char *title,
					const char *offence)
{
	int y = srv_year(srv) - 1;
	long long accepted = shanghai(y, 6, 11, 10), id;
	struct resp *r;

	r = post_case(srv, c->mj1,
		      J(srv, "{s:s, s:s, s:s, s:s, s:s, s:I, s:b, s:s, s:I}", "kind", "admin", "title", title,
			"offence_code", offence, "source", "walk_in", "act_date", fmt(srv, "%04d-06-10", y),
			"co_officer_id", (json_int_t)c->mj2, "late_entry", 1, "late_reason",
			"系统停用期间纸质办理", "accepted_at", (json_int_t)accepted));
	EXPECT(r, 201);
	id = rnum(r, "case.id");
	EXPECT(act(srv, S("suozhang"), id, "approve_late", "{\"opinion\":\"情况属实，同意补录\"}"), 200);
	EXPECT_STR(act(srv, c->mj1, id, "file", fmt(srv, "{\"acted_at\":%lld}", accepted + 3600)), "case.status",
		   "filed");
	return id;
}

/* ADM-SUMMON-24H (ZA2025 Art 97 ¶1; ZA2012 Art 83): 情况复杂且可能适用行政
 * 拘留 — 24 hours from 到案, started by the station's chief with its reason.
 * The demo's case 4 runs one, started by 所长 20 h before the demo was made
 * (WARN from 18 h); a new one is refused to the officer and without a
 * reason, and runs 24 h when the chief starts it. */
STORY(summons_24h_started_by_the_chief)
{
	struct crew c;
	long long id, sus, mid, t0;
	json_t *it, *seeded = NULL;
	struct resp *r;
	size_t i;

	clocks_begin(srv);
	c = crew(srv);
	r = http(srv, S("suozhang"), "GET", API "/warnings?level=all", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "rule"), "ADM-SUMMON-24H") && jint(it, "case_id") == 4)
			seeded = it;
	if (!seeded)
		fail_msg("the demo's case 4 runs no ADM-SUMMON-24H clock: %.600s", r->body);
	assert_int_equal(jint(seeded, "deadline") - jint(seeded, "start"), 24 * HOUR);
	assert_true(jint(seeded, "start") <= (long long)srv_now(srv) - 20 * HOUR);
	assert_string_equal(jstr(seeded, "level"), "WARN");

	id = admin_case(srv, "多次盗窃案");
	sus = person(srv, id, "钱某", 35, 701);
	EXPECT(act(srv, c.mj1, id, "file", NULL), 200);
	/* by the officer, with the reason: the chief must start it */
	EXPECT_RULE(srv,
		    measure(srv, "minjing1", id,
			    json_pack("{s:I, s:s, s:s, s:s, s:b}", "party_id", (json_int_t)sus, "kind", "summons",
				      "tier", "24h", "reason", "多次盗窃，情况复杂，可能适用行政拘留", "oral_summons",
				      1)),
		    "ADM-SUMMON-24H");
	/* by the chief, without a reason */
	r = measure(srv, "suozhang", id,
		    json_pack("{s:I, s:s, s:s, s:s}", "party_id", (json_int_t)sus, "kind", "summons", "tier", "24h",
			      "reason", ""));
	EXPECT_RULE(srv, r, "ADM-SUMMON-24H");
	t0 = (long long)srv_now(srv);
	r = measure(srv, "suozhang", id,
		    json_pack("{s:I, s:s, s:s, s:s, s:I}", "party_id", (json_int_t)sus, "kind", "summons", "tier",
			      "24h", "reason", "多次盗窃，情况复杂，可能适用行政拘留", "started_at", (json_int_t)t0));
	EXPECT(r, 201);
	mid = rnum(r, "measure.id");
	assert_int_equal(deadline_of(srv, "minjing1", mkey(srv, mid, NULL)), t0 + 24 * HOUR);
	assert_string_equal(jstr(warning(srv, "minjing1", "?level=all", mkey(srv, mid, NULL)), "rule"),
			    "ADM-SUMMON-24H");
}

/* ADM-MINOR-GUARDIAN under the law of the day of the questioning: ZA2012
 * Art 84 ¶3 asks for the guardian of a person under 16 (ZA2025 Art 98 ¶3:
 * under 18). A 补录 case questioned last June: the 16-year-old's record is
 * signed without a guardian, the 15-year-old's is not. */
STORY(minor_guardian_under_the_2012_law)
{
	struct crew c;
	int y = srv_year(srv) - 1;
	long long id, p16, p15, iv;
	struct resp *r;

	clocks_begin(srv);
	c = crew(srv);
	id = late_case_of_last_year(srv, &c, "殴打他人案", "OF-052");
	/* born 2009-03-03 / 2010-03-03 for y = 2025: 16 and 15 on y-06-12 */
	p16 = party_add(srv, c.mj1, id, "suspect", "小秦", id_number(srv, y - 16, 3, 3, 711));
	p15 = party_add(srv, c.mj1, id, "suspect", "小尤", id_number(srv, y - 15, 3, 3, 713));
	r = iv_post(srv, c.mj1, id,
		    iv_with(p16, c.me, c.mj2, span(srv, shanghai(y, 6, 12, 9), shanghai(y, 6, 12, 10))));
	EXPECT(r, 201);
	iv = rnum(r, "interview.id");
	EXPECT_STR(iv_read_and_sign(srv, c.mj1, iv), "interview.status", "signed");
	r = iv_post(srv, c.mj1, id,
		    iv_with(p15, c.me, c.mj2, span(srv, shanghai(y, 6, 12, 14), shanghai(y, 6, 12, 15))));
	EXPECT(r, 201);
	iv = rnum(r, "interview.id");
	EXPECT_RULE(srv, iv_read_and_sign(srv, c.mj1, iv), "ADM-MINOR-GUARDIAN");
	EXPECT(iv_patch(srv, c.mj1, iv, "{\"guardian_name\":\"尤建华\",\"guardian_relation\":\"父亲\"}"), 200);
	EXPECT_STR(iv_sign(srv, c.mj1, iv), "interview.status", "signed");

	/* the same 16-year-old questioned today (ZA2025): a guardian is needed */
	id = filed_case(srv, &c, "殴打他人案", 16, 715, &p16);
	iv = rnum(iv_post(srv, c.mj1, id, iv_for(p16, c.me, c.mj2)), "interview.id");
	EXPECT_RULE(srv, iv_read_and_sign(srv, c.mj1, iv), "ADM-MINOR-GUARDIAN");
}

/* ADM-LIMIT-6M (ZA2025 Art 25; ZA2012 Art 22): six months from the act to
 * the police's discovery. A case made from a 110 call is discovered with
 * the call, not when the feedback is typed: an act 175 days before a call
 * received 20 days ago may be punished; the same act registered today as a
 * walk-in (discovered today, 195 days after it) may not. */
STORY(limit_6m_case_from_an_incident)
{
	struct crew c;
	struct session *jj;
	long long cg, inc, id, sus, received;
	const char *act_day, *call_day;
	struct resp *r;

	clocks_begin(srv);
	c = crew(srv);
	jj = S("jiejing");
	cg = rnum(http(srv, c.mj1, "GET", API "/me", NULL), "user.unit.id");
	received = (long long)srv_now(srv) - 20 * DAY;
	call_day = ymd(srv, lday(received));
	act_day = ymd(srv, lday(received) - 175);
	r = http(srv, jj, "POST", API "/incidents",
		 J(srv, "{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "received_at", (json_int_t)received, "source",
		   "110", "caller_name", "报警人", "caller_phone", "13912345670", "place", "城关镇人民路18号",
		   "community", "人民路社区", "category", "0202", "summary", "报警人称半年前被邻居殴打，今日找到证人"));
	EXPECT(r, 201);
	inc = rnum(r, "incident.id");
	EXPECT(http(srv, jj, "POST", fmt(srv, API "/incidents/%lld/dispatch", inc),
		    J(srv, "{s:I, s:[I, I]}", "station_id", (json_int_t)cg, "officer_ids", (json_int_t)c.me,
		      (json_int_t)c.mj2)),
	       200);
	r = http(srv, c.mj1, "POST", fmt(srv, API "/incidents/%lld/feedback", inc),
		 J(srv, "{s:s, s:s, s:s, s:s, s:I}", "outcome", "admin_case", "text", "经初步核实，殴打事实存在，转为行政案件",
		   "title", "殴打他人案", "act_date", act_day, "co_officer_id", (json_int_t)c.mj2));
	EXPECT(r, 200);
	id = rnum(r, "incident.case_id");
	r = case_get(srv, c.mj1, id);
	EXPECT_STR(r, "case.discovered_date", call_day);
	EXPECT_STR(r, "case.act_date", act_day);
	EXPECT(act(srv, c.mj1, id, "file", NULL), 200);
	sus = party_add(srv, c.mj1, id, "suspect", "邻居甲", id_aged(srv, -200, 40, 721));
	EXPECT(propose(srv, c.mj1, id, sus, "OF-002", "基本", 0, 300, 0), 201);

	/* the same act walked in today */
	id = rnum(case_new(srv, c.mj1, "殴打他人案", act_day, c.mj2), "case.id");
	EXPECT_STR(case_get(srv, c.mj1, id), "case.discovered_date", day_str(srv, 0));
	EXPECT(act(srv, c.mj1, id, "file", NULL), 200);
	sus = party_add(srv, c.mj1, id, "suspect", "邻居乙", id_aged(srv, -200, 40, 723));
	EXPECT_RULE(srv, propose(srv, c.mj1, id, sus, "OF-002", "基本", 0, 300, 0), "ADM-LIMIT-6M");
}

/* ADM-HEARING under the law of the day of the proposal: ZA2012 Art 98 —
 * a fine of 2000元 or more; ZA2025 Art 117 — 4000元. OF-116 基本 (ZA2012
 * Art 72(1): 10–15 日拘留，可以并处 2000元以下罚款): 10 days + 2000元
 * proposed last June needs the hearing notice; the same today does not. */
STORY(hearing_under_the_law_of_the_proposal_day)
{
	struct crew c;
	int y = srv_year(srv) - 1;
	long long id, sus;
	struct resp *r;

	clocks_begin(srv);
	c = crew(srv);
	id = late_case_of_last_year(srv, &c, "非法持有毒品案", "OF-116");
	sus = party_add(srv, c.mj1, id, "suspect", "补录丙", id_number(srv, y - 30, 4, 4, 731));
	r = post_proposal(srv, c.mj1, id,
			  J(srv, "{s:I, s:s, s:s, s:i, s:i, s:I}", "party_id", (json_int_t)sus, "offence_code",
			    "OF-116", "tier", "基本", "fine", 2000, "det_days", 10, "proposed_at",
			    (json_int_t)shanghai(y, 6, 20, 10)));
	EXPECT(r, 201);
	assert_string_equal(jstr(last_proposal(r), "law"), "ZA2012");
	EXPECT(http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/notices", id),
		    J(srv, "{s:I, s:s, s:s, s:I, s:[I], s:s}", "party_id", (json_int_t)sus, "kind", "rights",
		      "penalty_text", "拟处行政拘留十日并处罚款二千元", "at", (json_int_t)shanghai(y, 6, 21, 10),
		      "evidence_ids", (json_int_t)evidence_first(srv, c.mj1, id), "statement_missing_reason",
		      "违法嫌疑人拒绝在询问笔录上签名")),
	       201);
	EXPECT_RULE(srv, act(srv, c.mj1, id, "submit", fmt(srv, "{\"acted_at\":%lld}", shanghai(y, 6, 22, 10))),
		    "ADM-HEARING");
	EXPECT(http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/notices", id),
		    J(srv, "{s:I, s:s, s:s, s:s, s:I}", "party_id", (json_int_t)sus, "kind", "hearing", "penalty_text",
		      "拟处罚款二千元，依法享有要求听证的权利", "statement", "不要求听证", "at",
		      (json_int_t)shanghai(y, 6, 21, 15))),
	       201);
	EXPECT_STR(act(srv, c.mj1, id, "submit", fmt(srv, "{\"acted_at\":%lld}", shanghai(y, 6, 22, 10))),
		   "case.status", "approving");

	/* today (ZA2025): 2000元 is below the 4000元 of Art 117 */
	id = filed_case(srv, &c, "非法持有毒品案", 30, 733, &sus);
	EXPECT(propose(srv, c.mj1, id, sus, "OF-116", "基本", 0, 2000, 10), 201);
	notice(srv, c.mj1, id, sus, "rights");
	EXPECT_STR(act(srv, c.mj1, id, "submit", NULL), "case.status", "approving");
}

/* Local day d plus n calendar months (same day of month, clamped). */
static int64_t plus_months(int64_t d, int n)
{
	time_t t = (time_t)(d * DAY);
	struct tm tm, probe;
	int last;

	gmtime_r(&t, &tm);
	tm.tm_mon += n;
	tm.tm_year += tm.tm_mon / 12;
	tm.tm_mon %= 12;
	for (last = 31; last > 28; last--) {
		probe = tm;
		probe.tm_mday = last;
		t = timegm(&probe);
		gmtime_r(&t, &probe);
		if (probe.tm_mon == tm.tm_mon)
			break;
	}
	if (tm.tm_mday > last)
		tm.tm_mday = last;
	return (int64_t)timegm(&tm) / DAY;
}

/* CRIM-CUSTODY-2M (XSS Art 156–159): 侦查羁押 two months from the arrest,
 * extended one month, then two, then two, each step approved by the
 * procuratorate (recorded with its document, the officer enters it), step
 * by step and never skipping one. The period counts whole days from the
 * day after the arrest, not moved for holidays (liberty). */
STORY(custody_extended_by_the_procuratorate)
{
	struct crew c;
	long long id, sus, mid, t0, d1;
	struct resp *r;

	clocks_begin(srv);
	c = crew(srv);
	id = criminal_case(srv, &c);
	sus = person(srv, id, "卫某", 33, 741);
	EXPECT_STR(act(srv, S("juzhang"), id, "file", NULL), "case.status", "filed");
	t0 = (long long)srv_now(srv);
	r = measure(srv, "minjing1", id,
		    json_pack("{s:I, s:s, s:s, s:I}", "party_id", (json_int_t)sus, "kind", "arrest", "tier", "2m",
			      "started_at", (json_int_t)t0));
	EXPECT(r, 201);
	mid = rnum(r, "measure.id");
	d1 = lday(t0) + 1;
	assert_int_equal(deadline_of(srv, "minjing1", mkey(srv, mid, NULL)), midnight(plus_months(d1, 2)));
	assert_string_equal(jstr(warning(srv, "minjing1", "?level=all", mkey(srv, mid, NULL)), "rule"),
			    "CRIM-CUSTODY-2M");
	/* no skipping to the 5-month tier, no extension without a reason */
	EXPECT_RULE(srv, extend(srv, "minjing1", mid, "5m", "案情复杂，经上一级人民检察院批准"), "CRIM-CUSTODY-2M");
	EXPECT_ERR(srv, extend(srv, "minjing1", mid, "3m", ""), 400, "INVALID_FIELD", NULL);
	r = extend(srv, "minjing1", mid, "3m", "案情复杂、期限届满不能终结，经上一级人民检察院批准延长一个月");
	EXPECT(r, 200);
	assert_int_equal(deadline_of(srv, "minjing1", mkey(srv, mid, NULL)), midnight(plus_months(d1, 3)));
	/* and from 3 months the next step is 5 */
	EXPECT_RULE(srv, extend(srv, "minjing1", mid, "7m", "可能判处十年有期徒刑以上刑罚"), "CRIM-CUSTODY-2M");
	EXPECT(extend(srv, "minjing1", mid, "5m", "重大复杂案件，经省级人民检察院批准再延长二个月"), 200);
	assert_int_equal(deadline_of(srv, "minjing1", mkey(srv, mid, NULL)), midnight(plus_months(d1, 5)));
}

/* A granted recusal of 张伟 from case id, then adding him back refused. */
static void recuse_and_refuse(struct server *srv, const struct crew *c, long long id, const char *rule)
{
	struct resp *r;
	long long rid;

	r = http(srv, c->mj1, "POST", fmt(srv, API "/cases/%lld/recusals", id),
		 J(srv, "{s:I, s:s, s:s, s:s}", "user_id", (json_int_t)c->mj2, "origin", "declared", "ground",
		   "relative", "reason", "违法嫌疑人系本人表弟。"));
	EXPECT(r, 201);
	rid = rnum(r, "id");
	EXPECT_STR(http(srv, S("suozhang"), "POST", fmt(srv, API "/recusals/%lld/decision", rid),
			"{\"grant\":true,\"note\":\"理由成立，决定回避。\"}"),
		   "status", "granted");
	r = case_get(srv, c->mj1, id);
	{
		json_t *it;
		size_t i;

		json_array_foreach(jpath(r->json, "case.officers"), i, it)
			assert_true(jint(it, "user_id") != c->mj2 && jint(it, "id") != c->mj2);
	}
	EXPECT_ERR(srv,
		   http(srv, c->mj1, "POST", fmt(srv, API "/cases/%lld/officers", id),
			J(srv, "{s:I, s:s}", "user_id", (json_int_t)c->mj2, "duty", "co")),
		   409, "RECUSED", rule);
}

/* ADM-RECUSAL (ZA2025 Art 94; XZCX Art 17): whatever path made the case —
 * 受案登记, 补录, a 110 call turned into a case — its handlers are added by
 * the one function that checks recusals, and a granted recusal keeps the
 * officer off it. A new case has no recusal yet, so on create the check
 * can only pass: the story proves the cases of every origin carry it. */
STORY(recusal_holds_on_cases_of_every_origin)
{
	struct crew c;
	long long cg, inc, id;
	struct resp *r;

	clocks_begin(srv);
	c = crew(srv);
	/* 受案登记 */
	id = rnum(case_new(srv, c.mj1, "寻衅滋事案", day_str(srv, -1), c.mj2), "case.id");
	recuse_and_refuse(srv, &c, id, "ADM-RECUSAL");
	/* 补录 */
	id = late_case_of_last_year(srv, &c, "殴打他人案", "OF-052");
	recuse_and_refuse(srv, &c, id, "ADM-RECUSAL");
	/* a 110 call turned into a case */
	cg = rnum(http(srv, c.mj1, "GET", API "/me", NULL), "user.unit.id");
	r = http(srv, S("jiejing"), "POST", API "/incidents",
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "source", "110", "caller_name", "报警人", "caller_phone",
		   "13912345671", "place", "城关镇人民路20号", "community", "人民路社区", "category", "0202",
		   "summary", "报警人称被人殴打"));
	EXPECT(r, 201);
	inc = rnum(r, "incident.id");
	EXPECT(http(srv, S("jiejing"), "POST", fmt(srv, API "/incidents/%lld/dispatch", inc),
		    J(srv, "{s:I, s:[I, I]}", "station_id", (json_int_t)cg, "officer_ids", (json_int_t)c.me,
		      (json_int_t)c.mj2)),
	       200);
	r = http(srv, c.mj1, "POST", fmt(srv, API "/incidents/%lld/feedback", inc),
		 J(srv, "{s:s, s:s, s:s, s:s, s:I}", "outcome", "admin_case", "text", "双方互殴，转为行政案件", "title",
		   "殴打他人案", "act_date", day_str(srv, 0), "co_officer_id", (json_int_t)c.mj2));
	EXPECT(r, 200);
	recuse_and_refuse(srv, &c, rnum(r, "incident.case_id"), "ADM-RECUSAL");
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	/* clang-format off */
	const struct CMUnitTest tests[] = {
		T(summons_24h_started_by_the_chief), T(minor_guardian_under_the_2012_law),
		T(limit_6m_case_from_an_incident), T(hearing_under_the_law_of_the_proposal_day),
		T(custody_extended_by_the_procuratorate), T(recusal_holds_on_cases_of_every_origin),
	};
	/* clang-format on */

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
