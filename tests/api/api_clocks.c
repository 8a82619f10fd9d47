/* api_clocks.c — legal clocks, warnings, breaches and the 办案区 over HTTP
 * (issue 4). Each story runs on a fresh demo county and moves the server's
 * clock with clock_advance. Thresholds are legal-rules §0.3 (WARN 75 %,
 * limits ≤ 8 h also at limit − 1 h; URGENT 90 %; day limits also at 7 / 3
 * days left); counting is §0.4 (hours run from 到案; days leave out the first
 * day and end at 24:00 +08; a last day off work moves to the next working day
 * unless liberty is restricted). The worked figures in the comments are for
 * a run on 2026-11-29 15:40 +08; the assertions compute the same from the
 * run's own instants. */
#include "clock_util.h"

/* 1. An 8 h 询问查证 (ADM-SUMMON-8H, ZA2025 Art 97 ¶1) runs out. */
STORY(summons_8h_breach_blocks_questioning)
{
	long long id, sus, mid, bid, me, mj2, ivid;
	int64_t t0;
	const char *key;
	json_t *it;
	struct resp *r;
	size_t i;

	clocks_begin(srv);
	me = me_id(srv, S("minjing1"), NULL);
	mj2 = colleague(srv, S("minjing1"), "张伟");
	id = admin_case(srv, "寻衅滋事案");
	sus = person(srv, id, "钱某", 30, 11);
	EXPECT(act(srv, S("minjing1"), id, "file", NULL), 200);

	/* 到案 t0 (15:40); family told at once (ADM-SUMMON-FAMILY) */
	t0 = (int64_t)srv_now(srv);
	r = measure(srv, "minjing1", id,
		    json_pack("{s:I, s:s, s:s, s:I, s:b}", "party_id", (json_int_t)sus, "kind", "summons",
			      "tier", "8h", "started_at", (json_int_t)t0, "oral_summons", 1));
	EXPECT(r, 201);
	mid = rnum(r, "measure.id");
	EXPECT_STR(r, "measure.rule", "ADM-SUMMON-8H");
	milestone(srv, mid, "family");
	key = mkey(srv, mid, NULL);
	/* deadline t0 + 8 h (23:40); WARN 6 h (21:40) = 75 % and also limit −
	 * 1 h = 7 h, the earlier wins; URGENT 7 h 12 min (22:52); BREACH 23:40 */
	assert_int_equal(deadline_of(srv, "minjing1", key), t0 + 8 * HOUR);

	/* questioned from 1 h on; the record's end not written yet */
	at(srv, t0 + HOUR);
	r = iv_post(srv, S("minjing1"), id,
		    json_pack("{s:I, s:o, s:I}", "party_id", (json_int_t)sus, "officer_ids", ids2(me, mj2), "start_at",
			      (json_int_t)(t0 + HOUR)));
	EXPECT(r, 201);
	ivid = rnum(r, "interview.id");

	at(srv, t0 + 5 * HOUR + 59 * 60);
	{
		struct resp *w = http(srv, S("minjing1"), "GET", API "/warnings", NULL);

		EXPECT(w, 200);
		json_array_foreach(jpath(w->json, "items"), i, it)
			if (jint(it, "measure_id") == mid)
				fail_msg("at 5 h 59 min already listed: %s", w->body);
	}
	at(srv, t0 + 6 * HOUR);
	it = warning(srv, "minjing1", "", key);
	assert_non_null(it);
	assert_string_equal(jstr(it, "level"), "WARN");
	assert_string_equal(jstr(it, "rule"), "ADM-SUMMON-8H");
	assert_string_equal(jstr(it, "person"), "钱某");
	assert_int_equal(jint(it, "case_id"), id);
	/* the chief's board starts at URGENT, but a WARN clock with under a day
	 * left (2 h) is listed too, and before a clock with more time left (issue 17) */
	EXPECT_LEVEL("suozhang", "", key, "WARN");
	{
		struct resp *w = http(srv, S("suozhang"), "GET", API "/warnings", NULL);
		int64_t prev = 0;

		EXPECT(w, 200);
		json_array_foreach(jpath(w->json, "items"), i, it) {
			assert_true(jint(it, "deadline") >= prev);
			prev = jint(it, "deadline");
			if (strcmp(jstr(it, "level"), "WARN") == 0)
				assert_true(jint(it, "deadline") - srv_now(srv) < 86400);
		}
	}

	at(srv, t0 + 7 * HOUR + 12 * 60);
	EXPECT_LEVEL("minjing1", "", key, "URGENT");
	EXPECT_LEVEL("suozhang", "", key, "URGENT");
	EXPECT_LEVEL("fazhi", "", key, "URGENT");
	EXPECT_LEVEL("ducha", "", key, "-"); /* the supervisor from BREACH */

	at(srv, t0 + 8 * HOUR);
	EXPECT_LEVEL("minjing1", "", key, "BREACH");
	EXPECT_LEVEL("ducha", "", key, "BREACH");
	/* the supervisor's listing records the breach */
	it = breach(srv, "ducha", key);
	assert_non_null(it);
	assert_string_equal(jstr(it, "rule"), "ADM-SUMMON-8H");
	assert_int_equal(jint(it, "measure_id"), mid);
	assert_int_equal(jint(it, "deadline"), t0 + 8 * HOUR);
	assert_true(jint(it, "recorded_at") >= t0 + 8 * HOUR);
	bid = jint(it, "id");
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM breach WHERE clock_key = ?1", key), 1);

	/* no further questioning after the limit, nor a record signed now
	 * without its end, which would say it went on till now */
	EXPECT_RULE(srv, iv_post(srv, S("minjing1"), id, iv_for(sus, me, mj2)), "ADM-SUMMON-8H");
	EXPECT_RULE(srv, http(srv, S("minjing1"), "POST", fmt(srv, API "/interviews/%lld/sign", ivid), "{}"),
		    "ADM-SUMMON-8H");

	/* a record cannot be removed: no route, and the database refuses */
	r = http(srv, S("suozhang"), "DELETE", fmt(srv, API "/breaches/%lld", bid), NULL);
	assert_true(r->status == 404 || r->status == 405);
	assert_int_equal(db_raw_exec(srv->db, fmt(srv, "DELETE FROM breach WHERE id = %lld", bid)),
			 SQLITE_CONSTRAINT);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM breach WHERE clock_key = ?1", key), 1);

	/* not answered by words while the person is still held, nor by an
	 * extension after the period ran out (legal-rules §0.3) */
	EXPECT_ERR(srv,
		   http(srv, S("minjing1"), "POST", fmt(srv, API "/breaches/%lld/answer", bid),
			"{\"kind\":\"explanation\",\"text\":\"工作忙，已补问\"}"),
		   409, "BREACH_NOT_CLOSED", "ADM-SUMMON-8H");
	EXPECT_ERR(srv,
		   http(srv, S("minjing1"), "POST", fmt(srv, API "/breaches/%lld/answer", bid),
			"{\"kind\":\"extension\",\"text\":\"已延长\"}"),
		   409, "BREACH_NOT_CLOSED", "ADM-SUMMON-8H");
	/* answered by releasing the person: the measure ends */
	r = http(srv, S("minjing1"), "POST", fmt(srv, API "/breaches/%lld/answer", bid),
		 "{\"kind\":\"release\",\"text\":\"已于超时后立即释放，情况已报告所领导\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "breach.answer_kind", "release");
	r = http(srv, S("minjing1"), "GET", fmt(srv, API "/measures?case_id=%lld", id), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "items.0.status", "ended");
	EXPECT_ERR(srv,
		   http(srv, S("minjing1"), "POST", fmt(srv, API "/breaches/%lld/answer", bid),
			"{\"kind\":\"explanation\",\"text\":\"再次答复\"}"),
		   409, "BREACH_ANSWERED", NULL);
	it = breach(srv, "ducha", key);
	assert_non_null(it);
	assert_string_equal(jstr(it, "answer_kind"), "release");
	EXPECT_LEVEL("minjing1", "?level=all", key, "-");
}

/* 2. The 12 h tier (涉案人数众多 / 身份不明) exists from 2026 (ZA2025 Art 97 ¶1);
 * it needs a reason code and the station chief [U]. */
STORY(summons_12h_tier_2026)
{
	long long id, sus, mid;
	int64_t t0;
	const char *key;
	struct resp *r;

	clocks_begin(srv);
	id = admin_case(srv, "聚众斗殴（治安）案");
	sus = person(srv, id, "无名氏", 40, 13);
	EXPECT(act(srv, S("minjing1"), id, "file", NULL), 200);
	t0 = (int64_t)srv_now(srv);

	/* without a reason (absent or empty) */
	r = measure(srv, "suozhang", id,
		    json_pack("{s:I, s:s, s:s, s:s}", "party_id", (json_int_t)sus, "kind", "summons",
			      "tier", "12h", "reason", ""));
	EXPECT_RULE(srv, r, "ADM-SUMMON-12H");
	r = measure(srv, "suozhang", id,
		    json_pack("{s:I, s:s, s:s}", "party_id", (json_int_t)sus, "kind", "summons",
			      "tier", "12h"));
	assert_true(r->status == 409 || r->status == 400);
	if (r->status == 409)
		EXPECT_RULE(srv, r, "ADM-SUMMON-12H");
	else
		EXPECT_ERR(srv, r, 400, NULL, NULL);
	/* with the reason, but by the officer alone */
	EXPECT_RULE(srv,
		    measure(srv, "minjing1", id,
			    json_pack("{s:I, s:s, s:s, s:s}", "party_id", (json_int_t)sus, "kind",
				      "summons", "tier", "12h", "reason", "身份不明，拒不讲明姓名住址")),
		    "ADM-SUMMON-12H");
	r = measure(srv, "suozhang", id,
		    json_pack("{s:I, s:s, s:s, s:s, s:I}", "party_id", (json_int_t)sus, "kind",
			      "summons", "tier", "12h", "reason", "身份不明，拒不讲明姓名住址",
			      "started_at", (json_int_t)t0));
	EXPECT(r, 201);
	mid = rnum(r, "measure.id");
	milestone(srv, mid, "family");
	key = mkey(srv, mid, NULL);
	/* deadline t0 + 12 h (03:40 next day); WARN 9 h (75 %), URGENT 10 h 48 min */
	assert_int_equal(deadline_of(srv, "minjing1", key), t0 + 12 * HOUR);

	/* 9 hours in: past the 8 h of the old law, not a breach under this tier */
	at(srv, t0 + 9 * HOUR);
	EXPECT_LEVEL("minjing1", "", key, "WARN");
	assert_null(breach(srv, "ducha", key));
	at(srv, t0 + 10 * HOUR + 48 * 60);
	EXPECT_LEVEL("minjing1", "", key, "URGENT");
	at(srv, t0 + 12 * HOUR);
	EXPECT_LEVEL("minjing1", "", key, "BREACH");
}

/* 3. 继续盘问 (RMJC Art 9; JXPW Art 10, 11, 13, 17): 12 h by the station chief,
 * 24 h by the county (值班负责人), 48 h by the county (主管负责人), step by
 * step and before the current period ends; 4 h for special persons. */
STORY(continued_questioning_chain)
{
	long long id, a, b, kid, ma, mb, mc;
	int64_t t0;
	struct resp *r;

	clocks_begin(srv);
	id = admin_case(srv, "盗窃（盘问）案");
	a = person(srv, id, "甲某", 35, 15);
	b = person(srv, id, "乙某", 28, 17);
	kid = person(srv, id, "丙某", 15, 19);
	t0 = (int64_t)srv_now(srv);
#define CQ(user, party, tier, special)                                                             \
	measure(srv, user, id,                                                                     \
		json_pack("{s:I, s:s, s:s, s:b, s:I}", "party_id", (json_int_t)(party), "kind",    \
			  "continued_questioning", "tier", tier, "special_person", special,        \
			  "started_at", (json_int_t)t0))

	EXPECT_RULE(srv, CQ("minjing1", a, "12h", 0), "CQ-APPROVAL");
	r = CQ("suozhang", a, "12h", 0);
	EXPECT(r, 201);
	ma = rnum(r, "measure.id");
	r = CQ("suozhang", b, "12h", 0);
	EXPECT(r, 201);
	mb = rnum(r, "measure.id");
	/* 15 years old: 4 h at most (CQ-SPECIAL) */
	EXPECT_RULE(srv, CQ("suozhang", kid, "12h", 1), "CQ-SPECIAL");
	r = CQ("suozhang", kid, "special_4h", 1);
	EXPECT(r, 201);
	mc = rnum(r, "measure.id");
	EXPECT_STR(r, "measure.rule", "CQ-SPECIAL");
	assert_int_equal(deadline_of(srv, "minjing1", mkey(srv, ma, NULL)), t0 + 12 * HOUR);
	assert_int_equal(deadline_of(srv, "minjing1", mkey(srv, mc, NULL)), t0 + 4 * HOUR);

	/* no 12 → 48 jump, even by the county chief */
	EXPECT_RULE(srv, extend(srv, "juzhang", ma, "48h", "拒不讲明身份"), "CQ-12-24-48");
	/* 24 h needs the county, not the station chief */
	r = extend(srv, "suozhang", ma, "24h", "12小时内不能证实或排除嫌疑");
	EXPECT_RULE(srv, r, "CQ-12-24-48");
	assert_non_null(strstr(rstr(r, "error.message"), "县"));

	/* t0 + 4 h (19:40): the special person's time is up */
	at(srv, t0 + 4 * HOUR);
	EXPECT_LEVEL("minjing1", "", mkey(srv, mc, NULL), "BREACH");
	EXPECT_LEVEL("minjing1", "?level=all", mkey(srv, ma, NULL), "OK");

	/* t0 + 11 h (02:40): the county extends A to 24 h before the end */
	at(srv, t0 + 11 * HOUR);
	r = extend(srv, "juzhang", ma, "24h", "12小时内不能证实或排除嫌疑");
	EXPECT(r, 200);
	EXPECT_STR(r, "measure.tier", "24h");
	assert_int_equal(deadline_of(srv, "minjing1", mkey(srv, ma, NULL)), t0 + 24 * HOUR);

	/* t0 + 12 h 1 min: B's 12 h ran out; too late to extend */
	at(srv, t0 + 12 * HOUR + 60);
	r = extend(srv, "juzhang", mb, "24h", "12小时内不能证实或排除嫌疑");
	EXPECT_RULE(srv, r, "CQ-12-24-48");
	assert_non_null(strstr(rstr(r, "error.message"), "届满前"));
	EXPECT_LEVEL("minjing1", "", mkey(srv, mb, NULL), "BREACH");

	/* t0 + 23 h (14:40 next day): A to 48 h */
	at(srv, t0 + 23 * HOUR);
	EXPECT_RULE(srv, extend(srv, "suozhang", ma, "48h", "拒不讲明真实姓名、住址、身份"),
		    "CQ-12-24-48");
	r = extend(srv, "juzhang", ma, "48h", "拒不讲明真实姓名、住址、身份");
	EXPECT(r, 200);
	EXPECT_STR(r, "measure.tier", "48h");
	assert_int_equal(deadline_of(srv, "minjing1", mkey(srv, ma, NULL)), t0 + 48 * HOUR);
	assert_null(breach(srv, "ducha", mkey(srv, ma, NULL)));
	/* nothing beyond 48 h */
	assert_int_equal(extend(srv, "juzhang", ma, "48h", "再延长")->status, 409);
#undef CQ
}

/* A day whose 30th day after is not a working day (CRIM story). */
static int ends_off_work(struct server *srv, int64_t d)
{
	return !workday(srv, d + 30);
}

/* 4. 刑事拘留 (XSS Art 85–86, 91; XSCX Art 129): 3 days to request arrest,
 * 30 days for 流窜作案 with the county chief; liberty restricted, so a
 * period ending on a day off is not extended (XZCX Art 35 principle). */
STORY(crim_detention_30d)
{
	long long id, sus, mid;
	int64_t t0, d0;
	struct resp *r;
	static const char *const ms[] = { "kss", "family", "question" };

	clocks_begin(srv);
	/* The run of 2026-11-29: 12-03 is the first day D after today with D + 30
	 * off work (2027-01-02, a Saturday). Detained 2026-12-03 10:00 +08:
	 * 3 days → ends 2026-12-06 24:00; 30 days → 2027-01-02 24:00 =
	 * 2027-01-03 00:00 +08 (not moved to Monday 01-04). */
	/* reported and filed before the day of the detention (先立案后侦查) */
	r = post_case(srv, S("minjing1"),
		      J(srv, "{s:s, s:s, s:s, s:s, s:I}", "kind", "criminal", "title", "系列盗窃案",
			"source", "walk_in", "act_date", ymd(srv, lday((int64_t)srv_now(srv))), "co_officer_id",
			(json_int_t)colleague(srv, S("minjing1"), "张伟")));
	EXPECT(r, 201);
	id = rnum(r, "case.id");
	sus = person(srv, id, "流某", 33, 21);
	/* no criminal measure before the 立案 (XSCX Art 174 ¶2), even by the
	 * county chief who could order it */
	EXPECT_RULE(srv,
		    measure(srv, "juzhang", id,
			    json_pack("{s:I, s:s, s:s}", "party_id", (json_int_t)sus, "kind", "crim_detention", "tier",
				      "3d")),
		    "CRIM-FILE-DECISION");
	EXPECT_STR(act(srv, S("juzhang"), id, "file", NULL), "case.status", "filed");
	t0 = morning_when(srv, ends_off_work);
	d0 = lday(t0);
	/* an extended period is reached by extending, never taken at once */
	EXPECT_RULE(srv,
		    measure(srv, "juzhang", id,
			    json_pack("{s:I, s:s, s:s, s:s, s:I}", "party_id", (json_int_t)sus, "kind", "crim_detention",
				      "tier", "30d", "reason", "流窜作案", "started_at", (json_int_t)t0)),
		    "CRIM-ARREST-REQUEST");

	/* 拘留证 by the county chief only (CRIM-DETAIN-APPROVAL) */
	assert_int_equal(measure(srv, "suozhang", id,
				 json_pack("{s:I, s:s, s:s}", "party_id", (json_int_t)sus, "kind",
					   "crim_detention", "tier", "3d"))
				 ->status,
			 409);
	r = measure(srv, "juzhang", id,
		    json_pack("{s:I, s:s, s:s, s:I}", "party_id", (json_int_t)sus, "kind",
			      "crim_detention", "tier", "3d", "started_at", (json_int_t)t0));
	EXPECT(r, 201);
	mid = rnum(r, "measure.id");
	assert_int_equal(deadline_of(srv, "minjing1", mkey(srv, mid, NULL)), midnight(d0 + 4));

	/* 看守所, family, first 讯问: 24 h each from t0, WARN at 18 h */
	for (int i = 0; i < 3; i++)
		assert_int_equal(deadline_of(srv, "minjing1", mkey(srv, mid, ms[i])), t0 + 24 * HOUR);
	at(srv, t0 + 18 * HOUR);
	EXPECT_LEVEL("minjing1", "", mkey(srv, mid, "kss"), "WARN");
	assert_string_equal(jstr(warning(srv, "minjing1", "", mkey(srv, mid, "question")), "rule"),
			    "CRIM-DETAIN-QUESTION-24H");
	for (int i = 0; i < 3; i++) {
		milestone(srv, mid, ms[i]);
		EXPECT_LEVEL("minjing1", "?level=all", mkey(srv, mid, ms[i]), "-");
	}

	/* 流窜作案: up to 30 days, approved by the county chief */
	EXPECT_RULE(srv, extend(srv, "suozhang", mid, "30d", "流窜作案"), "CRIM-ARREST-REQUEST");
	r = extend(srv, "juzhang", mid, "30d", "流窜作案");
	EXPECT(r, 200);
	EXPECT_STR(r, "measure.tier", "30d");
	assert_true(!workday(srv, d0 + 30));
	assert_int_equal(deadline_of(srv, "minjing1", mkey(srv, mid, NULL)), midnight(d0 + 31));
	EXPECT_LEVEL("minjing1", "?level=all", mkey(srv, mid, NULL), "OK");
}

/* A day whose 30th day after is a working day (no move of the case limit). */
static int ends_at_work(struct server *srv, int64_t d)
{
	return workday(srv, d + 30);
}

/* The first working day from d on. */
static int64_t next_workday(struct server *srv, int64_t d)
{
	while (!workday(srv, d))
		d++;
	return d;
}

/* 5. The 治安 case limit (ADM-CASE-30D, ZA2025 Art 118): 30 days from 立案,
 * +30 twice by the county bureau, 鉴定/听证 time not counted. */
STORY(case_limit_30d)
{
	long long id;
	int64_t f, d0, end, warn, urgent, end2, p;
	const char *key;

	clocks_begin(srv);
	/* Filed 2026-11-30 10:00 +08 (12-30 is a Wednesday): the limit ends
	 * 2026-12-30 24:00 = 12-31 00:00 +08, 30 d 14 h after filing.
	 * WARN = 75 % = 22 d 22 h 30 min → 12-23 08:30 (day 23; 7 days left
	 * would be 12-24 00:00, later); URGENT = 90 % = 27 d 12 h 36 min →
	 * 12-27 22:36 (day 27; 3 days left = 12-28 00:00, later). */
	f = morning_when(srv, ends_at_work);
	d0 = lday(f);
	id = admin_case(srv, "殴打他人（期限）案");
	person(srv, id, "孙某", 45, 23);
	EXPECT(act(srv, S("minjing1"), id, "file", NULL), 200);
	/* the limit runs from 立案, which for a 治安 matter is the acceptance
	 * itself (立即立案, ZA2025 Art 90): a 立案 recorded later never delays
	 * it (a second or two after 10:00 in real time) */
	f = rnum(case_get(srv, S("minjing1"), id), "case.accepted_at");
	assert_true(lday(f) == d0 && f - midnight(d0) < 10 * HOUR + 60);
	key = fmt(srv, "case:%lld:limit", id);
	end = midnight(d0 + 31);
	warn = f + (end - f) * 75 / 100;
	urgent = f + (end - f) * 90 / 100;
	assert_int_equal(deadline_of(srv, "minjing1", key), end);
	assert_int_equal(lday(warn) - d0, 23);
	assert_int_equal(lday(urgent) - d0, 27);
	assert_true(warn < end - 7 * DAY && urgent < end - 3 * DAY);
	{
		json_t *it = warning(srv, "minjing1", "?level=all", key);

		assert_int_equal(jint(it, "warn_at"), warn);
		assert_int_equal(jint(it, "urgent_at"), urgent);
		assert_string_equal(jstr(it, "rule"), "ADM-CASE-30D");
	}

	at(srv, warn - 60);
	EXPECT_LEVEL("minjing1", "", key, "-");
	at(srv, warn);
	EXPECT_LEVEL("minjing1", "", key, "WARN");
	at(srv, urgent - 60);
	EXPECT_LEVEL("minjing1", "", key, "WARN");
	EXPECT_LEVEL("suozhang", "", key, "-");
	at(srv, urgent);
	EXPECT_LEVEL("minjing1", "", key, "URGENT");
	EXPECT_LEVEL("suozhang", "", key, "URGENT");

	/* extensions: by the county bureau only, at most two */
#define LIMIT(user, body) http(srv, S(user), "POST", fmt(srv, API "/cases/%lld/limit", id), body)
	EXPECT_RULE(srv, LIMIT("minjing1", "{\"action\":\"extend\",\"reason\":\"案情重大复杂\"}"),
		    "ADM-CASE-30D");
	EXPECT_RULE(srv, LIMIT("suozhang", "{\"action\":\"extend\",\"reason\":\"案情重大复杂\"}"),
		    "ADM-CASE-30D");
	EXPECT(LIMIT("juzhang", "{\"action\":\"extend\",\"reason\":\"案情重大复杂\"}"), 200);
	assert_int_equal(deadline_of(srv, "minjing1", key),
			 midnight(next_workday(srv, d0 + 60) + 1));
	EXPECT_LEVEL("minjing1", "", key, "-");
	EXPECT(LIMIT("juzhang", "{\"action\":\"extend\",\"reason\":\"涉案人员众多，需继续调查\"}"), 200);
	EXPECT_RULE(srv, LIMIT("juzhang", "{\"action\":\"extend\",\"reason\":\"第三次延长\"}"),
		    "ADM-CASE-30D");
	end2 = midnight(next_workday(srv, d0 + 90) + 1);
	assert_int_equal(deadline_of(srv, "minjing1", key), end2);

	/* 鉴定: 3 days 5 hours not counted */
	EXPECT(LIMIT("minjing1", "{\"action\":\"pause\",\"kind\":\"appraisal\"}"), 200);
	EXPECT_ERR(srv, LIMIT("minjing1", "{\"action\":\"pause\",\"kind\":\"hearing\"}"), 409,
		   "ALREADY_PAUSED", NULL);
	at(srv, (int64_t)srv_now(srv) + 3 * DAY + 5 * HOUR);
	EXPECT(LIMIT("minjing1", "{\"action\":\"resume\"}"), 200);
	p = db_raw_int(srv->db, "SELECT ended_at - started_at FROM case_pause WHERE case_id = ?1",
		       fmt(srv, "%lld", id));
	assert_true(p >= 3 * DAY + 5 * HOUR && p < 3 * DAY + 5 * HOUR + 30);
	assert_int_equal(deadline_of(srv, "minjing1", key), end2 + p);
	EXPECT_ERR(srv, LIMIT("minjing1", "{\"action\":\"resume\"}"), 409, "NOT_PAUSED", NULL);
#undef LIMIT
}

/* 6. The 办案区: entry, 安全检查 (PROC-SEC-CHECK), rooms (PROC-HOLDROOM-SEX,
 * CQ-SPECIAL), the board with the running clock, meals (ADM-SUMMON-CARE),
 * exit with belongings returned. */
STORY(custody_area)
{
	long long id, man, woman, kid, mid, e1, e2, e3;
	int64_t t0;
	struct resp *r;
	json_t *it = NULL, *x;
	size_t i;

	clocks_begin(srv);
	id = admin_case(srv, "打架斗殴案");
	man = person(srv, id, "赵某", 30, 25);
	woman = person(srv, id, "钱某某", 29, 26);
	kid = person(srv, id, "孙小某", 15, 27);
	EXPECT(act(srv, S("minjing1"), id, "file", NULL), 200);
	t0 = (int64_t)srv_now(srv);
	r = measure(srv, "minjing1", id,
		    json_pack("{s:I, s:s, s:s, s:I, s:b}", "party_id", (json_int_t)man, "kind", "summons",
			      "tier", "8h", "started_at", (json_int_t)t0, "oral_summons", 1));
	EXPECT(r, 201);
	mid = rnum(r, "measure.id");

#define ENTER(party, m)                                                                            \
	http(srv, S("minjing1"), "POST", API "/custody",                                           \
	     m ? J(srv, "{s:I, s:I, s:I, s:s, s:I}", "case_id", (json_int_t)id, "party_id",        \
		   (json_int_t)(party), "measure_id", (json_int_t)(m), "reason", "传唤到案",       \
		   "arrived_at", (json_int_t)t0)                                                   \
	       : J(srv, "{s:I, s:I, s:s}", "case_id", (json_int_t)id, "party_id",                  \
		   (json_int_t)(party), "reason", "口头传唤到案"))
#define POST(path, n, body) http(srv, S("minjing1"), "POST", fmt(srv, API "/custody/%lld/" path, n), body)
	r = ENTER(man, mid);
	EXPECT(r, 201);
	e1 = rnum(r, "entry.id");
	EXPECT_STR(r, "entry.sex", "M");
	EXPECT_ERR(srv, ENTER(man, mid), 409, "ALREADY_INSIDE", NULL);
	EXPECT_RULE(srv, POST("room", e1, "{\"room_kind\":\"holding_room\",\"room_no\":\"候问室（九）\"}"),
		    "PROC-SEC-CHECK");
	r = POST("check", e1,
		 "{\"notes\":\"未发现违禁品\",\"locker_no\":\"A-07\",\"items\":"
		 "[{\"name\":\"手机\",\"quantity\":\"1部\"},{\"name\":\"钥匙\",\"quantity\":\"1串\"}]}");
	EXPECT(r, 200);
	EXPECT_STR(r, "entry.locker_no", "A-07");
	assert_int_equal(json_array_size(jpath(r->json, "entry.items")), 2);
	EXPECT(POST("room", e1, "{\"room_kind\":\"holding_room\",\"room_no\":\"候问室（九）\"}"), 200);

	/* a woman may not join him; a 15-year-old no 候问室 at all */
	r = ENTER(woman, 0);
	EXPECT(r, 201);
	e2 = rnum(r, "entry.id");
	EXPECT(POST("check", e2, "{\"notes\":\"由女民警检查，未发现违禁品\"}"), 200);
	EXPECT_RULE(srv, POST("room", e2, "{\"room_kind\":\"holding_room\",\"room_no\":\"候问室（九）\"}"),
		    "PROC-HOLDROOM-SEX");
	EXPECT(POST("room", e2, "{\"room_kind\":\"holding_room\",\"room_no\":\"候问室（十）\"}"), 200);
	r = ENTER(kid, 0);
	EXPECT(r, 201);
	e3 = rnum(r, "entry.id");
	EXPECT(POST("check", e3, "{\"notes\":\"未发现违禁品\"}"), 200);
	EXPECT_RULE(srv, POST("room", e3, "{\"room_kind\":\"holding_room\",\"room_no\":\"候问室（十一）\"}"),
		    "CQ-SPECIAL");
	EXPECT(POST("room", e3, "{\"room_kind\":\"inquiry_room\",\"room_no\":\"询问室（二）\"}"), 200);

	/* t0 + 6 h: the board shows the clock (WARN, 2 h left) and no meal yet */
	at(srv, t0 + 6 * HOUR);
	r = http(srv, S("suozhang"), "GET", API "/custody", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, x)
		if (jint(x, "id") == e1)
			it = x;
	assert_non_null(it);
	assert_string_equal(jstr(it, "person"), "赵某");
	assert_string_equal(jstr(it, "room_no"), "候问室（九）");
	assert_int_equal(jint(it, "deadline"), t0 + 8 * HOUR);
	assert_true(jint(it, "remaining") <= 2 * HOUR && jint(it, "remaining") > 2 * HOUR - 30);
	assert_string_equal(jstr(it, "level"), "WARN");
	assert_true(json_is_true(json_object_get(it, "meal_due")));
	/* a person held with no measure recorded runs on the 询问查证's 8 h
	 * from the arrival (there was no deadline at all) */
	json_array_foreach(jpath(r->json, "items"), i, x)
		if (jint(x, "id") == e2) {
			assert_int_equal(jint(x, "deadline"), jint(x, "arrived_at") + 8 * HOUR);
			assert_non_null(strstr(jstr(x, "measure_label"), "到案未登记强制措施"));
		}
	EXPECT(POST("log", e1, "{\"kind\":\"meal\",\"note\":\"晚餐：盒饭一份、饮用水\"}"), 201);
	r = http(srv, S("suozhang"), "GET", API "/custody", NULL);
	json_array_foreach(jpath(r->json, "items"), i, x)
		if (jint(x, "id") == e1)
			assert_true(json_is_false(json_object_get(x, "meal_due")));

	/* exit: the belongings go back first */
	EXPECT_RULE(srv, POST("exit", e1, "{\"reason\":\"询问结束，释放\"}"), "PROC-SEC-CHECK");
	r = POST("exit", e1, "{\"reason\":\"询问结束，释放\",\"belongings_returned\":true}");
	EXPECT(r, 200);
	EXPECT_NUM(r, "entry.belongings_returned", 1);
	json_array_foreach(jpath(r->json, "entry.items"), i, x)
		assert_true(jint(x, "returned_at") > 0);
	r = http(srv, S("suozhang"), "GET", API "/custody", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, x)
		assert_true(jint(x, "id") != e1);
	EXPECT_ERR(srv, POST("exit", e1, "{\"reason\":\"再次离开\",\"belongings_returned\":true}"), 409,
		   "ALREADY_EXITED", NULL);
#undef ENTER
#undef POST
}

/* 7. Seized property to the keeper within 24 h (PROC-PROPERTY-24H, XZCX
 * Art 188–190): the rule row's own WARN at 20 h, URGENT 21 h 36 min (90 %,
 * §0.3), BREACH 24 h. */
STORY(property_24h)
{
	long long id, pid;
	int64_t t0;
	const char *key;
	struct resp *r;
	json_t *p;

	clocks_begin(srv);
	id = admin_case(srv, "赌博案");
	person(srv, id, "周某", 50, 29);
	EXPECT(act(srv, S("minjing1"), id, "file", NULL), 200);
	r = http(srv, S("minjing1"), "POST", fmt(srv, API "/cases/%lld/property", id),
		 "{\"name\":\"赌资（人民币）\",\"quantity\":\"3200元\"}");
	EXPECT(r, 201);
	p = json_array_get(jpath(r->json, "case.property"), 0);
	pid = jint(p, "id");
	t0 = jint(p, "seized_at");
	key = fmt(srv, "property:%lld:keep", pid);
	assert_int_equal(deadline_of(srv, "minjing1", key), t0 + 24 * HOUR);

	at(srv, t0 + 18 * HOUR);
	EXPECT_LEVEL("minjing1", "", key, "-");
	at(srv, t0 + 19 * HOUR + 59 * 60);
	EXPECT_LEVEL("minjing1", "", key, "-");
	at(srv, t0 + 20 * HOUR);
	EXPECT_LEVEL("minjing1", "", key, "WARN");
	at(srv, t0 + 21 * HOUR + 36 * 60);
	EXPECT_LEVEL("minjing1", "", key, "URGENT");
	at(srv, t0 + 24 * HOUR);
	EXPECT_LEVEL("minjing1", "", key, "BREACH");
	assert_string_equal(jstr(warning(srv, "minjing1", "", key), "rule"), "PROC-PROPERTY-24H");
	assert_non_null(breach(srv, "ducha", key));

	r = http(srv, S("minjing1"), "POST", fmt(srv, API "/property/%lld/keep", pid),
		 "{\"keeper\":\"孙芳\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "case.property.0.status", "kept");
	EXPECT_LEVEL("minjing1", "?level=all", key, "-");
	/* the breach stays on record */
	assert_non_null(breach(srv, "ducha", key));
}

/* 8. The holiday calendar is data (State Council schedule); an admin adds a
 * year. */
STORY(holidays)
{
	struct resp *r;
	json_t *it;
	size_t i;
	int found = 0;

	clocks_begin(srv);
	r = http(srv, S("minjing1"), "GET", API "/holidays?year=2026", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it) {
		assert_int_equal(strncmp(jstr(it, "day"), "2026-", 5), 0);
		if (strcmp(jstr(it, "day"), "2026-10-01") == 0) {
			assert_string_equal(jstr(it, "kind"), "holiday");
			found = 1;
		}
	}
	assert_true(found);

	r = http(srv, S("admin"), "PUT", API "/holidays/2027-01-01", "{\"kind\":\"holiday\",\"name\":\"元旦\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "holiday.day", "2027-01-01");
	assert_int_equal(audit_count(srv, S("auditor"), "holiday.put", "admin", "success"), 1);
	r = http(srv, S("minjing1"), "GET", API "/holidays?year=2027", NULL);
	EXPECT_STR(r, "items.0.day", "2027-01-01");
	EXPECT_STR(r, "items.0.name", "元旦");

	EXPECT(http(srv, S("minjing1"), "PUT", API "/holidays/2027-01-02",
		    "{\"kind\":\"holiday\",\"name\":\"元旦\"}"),
	       403);
	EXPECT(http(srv, S("suozhang"), "PUT", API "/holidays/2027-01-02",
		    "{\"kind\":\"workday\",\"name\":\"调休\"}"),
	       403);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM holiday WHERE day = ?1", "2027-01-02"), 0);
}

/* 9. Who sees what: the county 督察 the BREACHes of every station; an officer
 * of another station nothing of 城关's. */
STORY(supervisor_view)
{
	struct resp *r;
	json_t *it;
	size_t i;
	int chengguan = 0, beishe = 0;

	clocks_begin(srv);
	/* demo case 15: the first 讯问 after 刑事拘留 is missing */
	r = http(srv, S("ducha"), "GET", API "/warnings", NULL);
	EXPECT(r, 200);
	assert_true(json_array_size(jpath(r->json, "items")) > 0);
	json_array_foreach(jpath(r->json, "items"), i, it) {
		assert_string_equal(jstr(it, "level"), "BREACH");
		if (jint(it, "case_id") == 15)
			assert_string_equal(jstr(it, "rule"), "CRIM-DETAIN-QUESTION-24H");
	}
	/* a day later 北社's case 16 has waited 24 h for its 受案审查 too */
	at(srv, (int64_t)srv_now(srv) + 24 * HOUR + 60);
	r = http(srv, S("ducha"), "GET", API "/warnings", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it) {
		assert_string_equal(jstr(it, "level"), "BREACH");
		chengguan |= strcmp(jstr(it, "unit_name"), "城关派出所") == 0;
		beishe |= strcmp(jstr(it, "unit_name"), "北社派出所") == 0;
	}
	assert_true(chengguan && beishe);

	/* 北社's officer: his own clocks, none of 城关's, whatever the scope */
	beishe = 0;
	r = http(srv, S("beishe_mj1"), "GET", API "/warnings?scope=unit&level=all", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it) {
		assert_string_equal(jstr(it, "unit_name"), "北社派出所");
		beishe = 1;
	}
	assert_true(beishe);
	r = http(srv, S("beishe_mj1"), "GET", API "/breaches", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		assert_string_equal(jstr(it, "unit_name"), "北社派出所");
	r = http(srv, S("beishe_mj1"), "GET", API "/custody", NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 0);
	/* and 城关's officer none of 北社's */
	r = http(srv, S("minjing1"), "GET", API "/warnings?scope=unit&level=all", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		assert_string_equal(jstr(it, "unit_name"), "城关派出所");
}

/* The items of GET path as user (asserts 200). */
static json_t *items_of(struct server *srv, const char *user, const char *path)
{
	struct resp *r = http(srv, S(user), "GET", path, NULL);

	EXPECT(r, 200);
	return jpath(r->json, "items");
}

/* 10. One case's clocks and breaches (its 强制措施 tab) without the whole
 * board, and the counts of a header and of 待办 without a list: each the
 * same as the board read whole. Demo case 15 (城关) has its first 讯问
 * after 刑事拘留 overdue; case 16 is 北社's. */
STORY(one_case_and_counts)
{
	json_t *all, *mine, *it;
	long long n[4] = { 0 }, in15 = 0, breach15 = 0, todo = -1;
	size_t i;
	struct resp *r;

	clocks_begin(srv);
	all = items_of(srv, "suozhang", API "/warnings?scope=unit&level=all");
	json_array_foreach(all, i, it)
		in15 += jint(it, "case_id") == 15;
	assert_true(in15 > 0);
	mine = items_of(srv, "suozhang", API "/warnings?scope=unit&level=all&case_id=15");
	assert_int_equal(json_array_size(mine), in15);
	json_array_foreach(mine, i, it) {
		assert_int_equal(jint(it, "case_id"), 15);
		breach15 |= strcmp(jstr(it, "rule"), "CRIM-DETAIN-QUESTION-24H") == 0 &&
			    strcmp(jstr(it, "level"), "BREACH") == 0;
	}
	assert_true(breach15);
	/* the same order as the board's: most urgent first */
	for (size_t j = 0, k = 0; j < json_array_size(all); j++)
		if (jint(json_array_get(all, j), "case_id") == 15)
			assert_string_equal(jstr(json_array_get(all, j), "key"),
					    jstr(json_array_get(mine, k++), "key"));
	/* the board by pages: the second page of two is the board's 3rd and 4th
	 * clocks, the total every clock's (the server keeps the 4 most urgent,
	 * cutting at 8: the board has more than that) */
	if (json_array_size(all) < 9)
		fail_msg("the demo board has %zu clocks: too few to cut", json_array_size(all));
	r = http(srv, S("suozhang"), "GET", API "/warnings?scope=unit&level=all&per_page=2&page=2", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", (long long)json_array_size(all));
	EXPECT_NUM(r, "page", 2);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 2);
	assert_string_equal(rstr(r, "items.0.key"), jstr(json_array_get(all, 2), "key"));
	assert_string_equal(rstr(r, "items.1.key"), jstr(json_array_get(all, 3), "key"));
	/* no deeper than the board's 10 000th clock */
	assert_error(srv, http(srv, S("suozhang"), "GET", API "/warnings?per_page=500&page=21", NULL), 400, NULL);
	EXPECT(http(srv, S("suozhang"), "GET", API "/warnings?per_page=500&page=20", NULL), 200);
	/* 北社's case from 城关's chief: refused and audited, as the case
	 * itself is (never answered as empty); a case number that is none: 400 */
	assert_error(srv, http(srv, S("suozhang"), "GET", API "/warnings?scope=unit&level=all&case_id=16", NULL), 403,
		     "FORBIDDEN");
	assert_error(srv, http(srv, S("suozhang"), "GET", API "/warnings?case_id=abc", NULL), 400, NULL);
	assert_error(srv, http(srv, S("suozhang"), "GET", API "/warnings?case_id=0", NULL), 400, NULL);

	/* the header's counts: the board from WARN, counted by level */
	json_array_foreach(items_of(srv, "suozhang", API "/warnings?scope=unit&level=WARN"), i, it)
		n[jint(it, "level_rank")]++;
	r = http(srv, S("suozhang"), "GET", API "/warnings/summary", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "WARN", n[1]);
	EXPECT_NUM(r, "URGENT", n[2]);
	EXPECT_NUM(r, "BREACH", n[3]);
	assert_true(n[3] > 0);
	/* 待办: the same number */
	json_array_foreach(items_of(srv, "suozhang", API "/todos"), i, it)
		if (strcmp(jstr(it, "kind"), "warnings") == 0)
			todo = jint(it, "count");
	assert_int_equal(todo, n[1] + n[2] + n[3]);

	/* the case's breach records: those of the county's that are case 15's */
	in15 = 0;
	json_array_foreach(items_of(srv, "ducha", API "/breaches?open=1"), i, it)
		in15 += jint(it, "case_id") == 15;
	assert_true(in15 > 0);
	mine = items_of(srv, "ducha", API "/breaches?open=1&case_id=15");
	assert_int_equal(json_array_size(mine), in15);
	json_array_foreach(mine, i, it)
		assert_int_equal(jint(it, "case_id"), 15);
	assert_error(srv, http(srv, S("minjing1"), "GET", API "/breaches?case_id=16", NULL), 403, "FORBIDDEN");
	/* a milestone's breach (the first 讯问 after 刑事拘留) is answered while
	 * the detention rightly goes on: not only by releasing the person */
	breach15 = 0;
	json_array_foreach(items_of(srv, "minjing1", API "/breaches?open=1&case_id=15"), i, it)
		if (strcmp(jstr(it, "rule"), "CRIM-DETAIN-QUESTION-24H") == 0) {
			EXPECT(http(srv, S("minjing1"), "POST", fmt(srv, API "/breaches/%lld/answer", jint(it, "id")),
				    "{\"kind\":\"explanation\",\"text\":\"嫌疑人入所后突发疾病送医，已于次日讯问\"}"),
			       200);
			breach15++;
		}
	assert_int_equal(breach15, 1);
	assert_error(srv, http(srv, S("ducha"), "GET", API "/breaches?case_id=x", NULL), 400, NULL);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_demo, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(summons_8h_breach_blocks_questioning),
		T(summons_12h_tier_2026),
		T(continued_questioning_chain),
		T(crim_detention_30d),
		T(case_limit_30d),
		T(custody_area),
		T(property_24h),
		T(holidays),
		T(supervisor_view),
		T(one_case_and_counts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
