/* api_case_rules.c — one story per rule of issue 3 that the case handling
 * enforces, named after the rule id: each shows the refusal (status,
 * error.code, error.rule) and the allowed path. Expected penalty ranges
 * are written by hand from ../shared/rules/offences.md (ZA2025 unless
 * said), thresholds from legal-rules.md. Act dates are relative to the
 * server's today (2026 or later, so ZA2025 applies) unless a rule needs a
 * fixed date. */
#include "case_util.h"

/* ADM-OFFICERS-2 (ZA2025 Art 108; XZCX Art 52): at least two sworn officers,
 * an auxiliary never counts; ZA2025 ¶2: one officer in a certified
 * 执法办案场所 with full audio-video recording. */
STORY(adm_officers_2)
{
	struct crew c = crew_of(srv);
	long long aux = colleague(srv, c.mj1, "周小勇"), id, sus;
	const char *day = day_str(srv, -9);
	struct resp *r;

	EXPECT_RULE(srv,
		    post_case(srv, c.mj1,
			      J(srv, "{s:s, s:s, s:s, s:s}", "kind", "admin", "title", "殴打他人案",
				"source", "walk_in", "act_date", day)),
		    "ADM-OFFICERS-2");
	EXPECT_RULE(srv,
		    post_case(srv, c.mj1,
			      J(srv, "{s:s, s:s, s:s, s:s, s:I}", "kind", "admin", "title",
				"殴打他人案", "source", "walk_in", "act_date", day, "co_officer_id",
				(json_int_t)aux)),
		    "ADM-OFFICERS-2");
	r = case_new(srv, c.mj1, "殴打他人案", day, c.mj2);
	id = rnum(r, "case.id");
	sus = party_add(srv, c.mj1, id, "suspect", "赵某", id_aged(srv, -9, 30, 11));

	EXPECT_RULE(srv, iv_post(srv, c.mj1, id, iv_for(sus, c.me, aux)), "ADM-OFFICERS-2");
	EXPECT(iv_post(srv, c.mj1, id, iv_for(sus, c.me, c.mj2)), 201);
	/* one officer in a certified room: only with the recording */
	r = iv_post(
		srv, c.mj1, id,
		iv_with(sus, c.me, 0, "{\"place_kind\":\"certified_room\",\"recording_id\":null}"));
	EXPECT_RULE(srv, r, "ADM-OFFICERS-2");
	r = iv_post(srv, c.mj1, id, iv_with(sus, c.me, 0, "{\"place_kind\":\"certified_room\"}"));
	EXPECT(r, 201);
	/* ... and not in an ordinary room even with one */
	r = iv_post(srv, c.mj1, id, iv_with(sus, c.me, 0, "{\"place_kind\":\"station_room\"}"));
	EXPECT_RULE(srv, r, "ADM-OFFICERS-2");

	/* the second officer becomes an auxiliary (TEAM-AUX-STATUS): the case
	 * has one sworn officer now, and the auxiliary acts on it no more */
	EXPECT(http(srv, as(srv, "admin"), "PATCH", fmt(srv, API "/users/%lld", c.mj2),
		    "{\"role\":\"auxiliary\"}"),
	       200);
	EXPECT_RULE(srv,
		    http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/measures", id),
			 J(srv, "{s:I, s:s, s:s, s:b}", "party_id", (json_int_t)sus, "kind", "summons", "tier", "8h",
			   "oral_summons", 1)),
		    "ADM-OFFICERS-2");
	assert_int_equal(iv_post(srv, login(srv, "minjing2", DEMO_PW), id, iv_for(sus, c.mj2, c.me))->status, 403);
	/* back to an officer for the stories after this one (one server) */
	EXPECT(http(srv, as(srv, "admin"), "PATCH", fmt(srv, API "/users/%lld", c.mj2),
		    "{\"role\":\"officer\"}"),
	       200);
}

/* ADM-AUX-SOLO (XZCX Art 52 ¶2): one officer with auxiliaries may 送达 and
 * 调解 only with full recording. */
STORY(adm_aux_solo)
{
	struct crew c = crew_of(srv);
	long long aux = colleague(srv, c.mj1, "周小勇"), id, sus;
	struct resp *r;

	id = onspot_case(srv, &c, aux);
	sus = party_add(srv, c.mj1, id, "suspect", "钱某", id_aged(srv, 0, 35, 21));
	EXPECT(propose(srv, c.mj1, id, sus, "OF-002", "基本", 1, 0, 0), 201);
	notice(srv, c.mj1, id, sus, "rights");
	EXPECT_STR(act(srv, c.mj1, id, "onspot_decide", NULL), "case.status", "decided");
	EXPECT_RULE(srv, act(srv, c.mj1, id, "deliver", NULL), "ADM-AUX-SOLO");
	r = act(srv, c.mj1, id, "deliver", "{\"recording_id\":\"AV-DELIVER-0001\"}");
	EXPECT_STR(r, "case.status", "delivered");

	/* 调解 by one officer and the auxiliary */
	id = onspot_case(srv, &c, aux);
	party_add(srv, c.mj1, id, "suspect", "孙某", id_aged(srv, 0, 40, 23));
	party_add(srv, c.mj1, id, "victim", "李某", id_aged(srv, 0, 41, 25));
	EXPECT(act(srv, c.mj1, id, "file", NULL), 200);
	EXPECT_RULE(srv,
		    act(srv, c.mj1, id, "mediate", "{\"agreement\":\"孙某赔偿李某医药费300元\"}"),
		    "ADM-AUX-SOLO");
	r = act(srv, c.mj1, id, "mediate",
		"{\"agreement\":\"孙某赔偿李某医药费300元\",\"recording_id\":\"AV-MEDIATE-0001\"}");
	EXPECT_STR(r, "case.status", "closed");
}

/* A 15-year-old suspect added to case id with name (and key: value when
 * key is set) is refused 400 naming field, and the case has no party. */
static void party_refused(struct server *srv, struct session *s, long long id, const char *name,
			  const char *key, const char *value, const char *field)
{
	const char *body = key ? J(srv, "{s:s, s:s, s:s, s:s}", "role", "suspect", "name", name, key, value,
				   "id_number", id_aged(srv, -9, 15, 31))
			       : J(srv, "{s:s, s:s, s:s}", "role", "suspect", "name", name, "id_number",
				   id_aged(srv, -9, 15, 31));
	struct resp *r = http(srv, s, "POST", fmt(srv, API "/cases/%lld/parties", id), body);

	EXPECT_ERR(srv, r, 400, NULL, NULL);
	EXPECT_STR(r, "error.field", field);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM case_party WHERE case_id = ?1",
				    fmt(srv, "%lld", id)), 0);
}

/* ADM-MINOR-GUARDIAN (ZA2025 Art 98 ¶3): a suspect under 18 is questioned
 * with a guardian or 合适成年人, or the reason for absence is recorded. */
STORY(adm_minor_guardian)
{
	struct crew c = crew_of(srv);
	long long id = rnum(case_new(srv, c.mj1, "殴打他人案", day_str(srv, -9), c.mj2), "case.id");
	long long iv, wit;
	struct resp *r;

	/* a party's name is one line, as a registered person's (persons_check),
	 * and so are the guardian's and the 住址 and 职业 written on the case's
	 * papers: each refused with its field, no party and no person written */
	party_refused(srv, c.mj1, id, "小\n周", NULL, NULL, "name");
	party_refused(srv, c.mj1, id, "小周", "guardian_name", "周\t建国", "guardian_name");
	party_refused(srv, c.mj1, id, "小周", "address", "城关镇\n建设路1号", "address");
	party_refused(srv, c.mj1, id, "小周", "occupation", "学生\t", "occupation");
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/parties", id),
		 J(srv, "{s:s, s:s, s:s}", "role", "suspect", "name", "小周", "id_number",
		   id_aged(srv, -9, 15, 31)));
	EXPECT(r, 201);
	EXPECT_NUM(r, "party.age_at_act", 15);
	iv = rnum(iv_post(srv, c.mj1, id, iv_for(rnum(r, "party.id"), c.me, c.mj2)),
		  "interview.id");
	EXPECT_RULE(srv, iv_read_and_sign(srv, c.mj1, iv), "ADM-MINOR-GUARDIAN");
	/* the guardian's name is one line too, on the interview as on a party */
	r = iv_patch(srv, c.mj1, iv, "{\"guardian_name\":\"周\\n建国\"}");
	EXPECT_ERR(srv, r, 400, NULL, NULL);
	EXPECT_STR(r, "error.field", "guardian_name");
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM interview WHERE guardian_name IS NOT NULL"
				    " AND case_id = ?1", fmt(srv, "%lld", id)), 0);
	EXPECT(iv_patch(srv, c.mj1, iv, "{\"guardian_name\":\"周建国\"}"), 200);
	EXPECT_RULE(srv, iv_sign(srv, c.mj1, iv), "ADM-MINOR-GUARDIAN");
	EXPECT(iv_patch(srv, c.mj1, iv, "{\"guardian_relation\":\"父亲\"}"), 200);
	EXPECT_STR(iv_sign(srv, c.mj1, iv), "interview.status", "signed");

	/* a 17-year-old witness whose parents could not come: the reason is noted */
	wit = party_add(srv, c.mj1, id, "witness", "小吴", id_aged(srv, -9, 17, 33));
	iv = rnum(iv_post(srv, c.mj1, id, iv_for(wit, c.me, c.mj2)), "interview.id");
	EXPECT_RULE(srv, iv_read_and_sign(srv, c.mj1, iv), "ADM-MINOR-GUARDIAN");
	EXPECT(iv_patch(srv, c.mj1, iv,
			"{\"guardian_absent_reason\":\"父母在外地务工无法到场，已电话通知\"}"),
	       200);
	EXPECT_STR(iv_sign(srv, c.mj1, iv), "interview.status", "signed");
}

/* ADM-INTERVIEW-SIGN (ZA2025 Art 98 ¶1): read back, signed by the subject
 * and the officer; a signed record is immutable, a correction is a new
 * version and the old one stays readable with its hash. */
STORY(adm_interview_sign)
{
	struct crew c = crew_of(srv);
	long long id, sus, iv, iv2;
	const char *h1;
	struct resp *r;

	id = filed_case(srv, &c, "殴打他人案", 30, 41, &sus);
	iv = rnum(iv_post(srv, c.mj1, id, iv_for(sus, c.me, c.mj2)), "interview.id");
	EXPECT_RULE(srv, iv_sign(srv, c.mj1, iv), "ADM-INTERVIEW-SIGN");
	EXPECT(iv_patch(srv, c.mj1, iv, "{\"read_back\":true}"), 200);
	EXPECT_RULE(srv, iv_sign(srv, c.mj1, iv), "ADM-INTERVIEW-SIGN");
	EXPECT(iv_patch(srv, c.mj1, iv, "{\"subject_signed\":true}"), 200);
	EXPECT_RULE(srv, iv_sign(srv, c.mj1, iv), "ADM-INTERVIEW-SIGN");
	EXPECT(iv_patch(srv, c.mj1, iv, "{\"officer_signed\":true}"), 200);
	r = iv_sign(srv, c.mj1, iv);
	EXPECT_STR(r, "interview.status", "signed");
	h1 = fmt(srv, "%s", rstr(r, "interview.content_hash"));
	assert_int_equal(strlen(h1), 64);

	EXPECT_ERR(srv, iv_patch(srv, c.mj1, iv, "{\"qa\":[{\"q\":\"改\",\"a\":\"改\"}]}"), 409,
		   "INTERVIEW_SIGNED", "ADM-INTERVIEW-SIGN");
	EXPECT_ERR(srv, iv_sign(srv, c.mj1, iv), 409, "INTERVIEW_SIGNED", NULL);

	r = http(srv, c.mj1, "POST", fmt(srv, API "/interviews/%lld/correct", iv), NULL);
	EXPECT(r, 201);
	iv2 = rnum(r, "interview.id");
	EXPECT_NUM(r, "interview.version", 2);
	EXPECT_NUM(r, "interview.supersedes_id", iv);
	EXPECT_STR(r, "interview.status", "draft");
	r = http(srv, c.mj1, "GET", fmt(srv, API "/interviews/%lld", iv), NULL);
	EXPECT_STR(r, "interview.status", "superseded");
	EXPECT_STR(r, "interview.content_hash", h1);

	EXPECT(iv_patch(srv, c.mj1, iv2,
			"{\"qa\":[{\"q\":\"你把当时的经过讲一下。\",\"a\":"
			"\"我推了他一把，没有打他。\"}]}"),
	       200);
	r = iv_read_and_sign(srv, c.mj1, iv2);
	EXPECT_STR(r, "interview.status", "signed");
	assert_string_not_equal(rstr(r, "interview.content_hash"), h1);
	r = case_get(srv, c.mj1, id);
	EXPECT_NUM(r, "case.interviews.0.id", iv);
	EXPECT_NUM(r, "case.interviews.1.id", iv2);

	/* a record typed in after the interview, read back and signed by both
	 * as it was given: on PostgreSQL this answered 500 (the statement's
	 * "CASE WHEN ? = 1 THEN ?" left the time untyped, 42804) */
	r = iv_post(srv, c.mj1, id,
		    iv_with(sus, c.me, c.mj2, "{\"read_back\":true,\"subject_signed\":true,\"officer_signed\":true}"));
	EXPECT(r, 201);
	EXPECT_NUM(r, "interview.read_back", 1);
	assert_true(rnum(r, "interview.subject_signed_at") > 0);
	assert_true(rnum(r, "interview.officer_signed_at") > 0);
	EXPECT_STR(iv_sign(srv, c.mj1, rnum(r, "interview.id")), "interview.status", "signed");
}

/* ADM-SUMMON-FAMILY (ZA2025 Art 97 ¶2): after a 传唤 the family is told, or
 * the reason why not is noted. */
STORY(adm_summon_family)
{
	struct crew c = crew_of(srv);
	long long id, sus, iv, wit;
	json_t *o;

	id = filed_case(srv, &c, "殴打他人案", 30, 51, &sus);
	iv = rnum(iv_post(srv, c.mj1, id, iv_with(sus, c.me, c.mj2, "{\"summoned\":true}")),
		  "interview.id");
	EXPECT_RULE(srv, iv_read_and_sign(srv, c.mj1, iv), "ADM-SUMMON-FAMILY");
	/* a notice in 1970 or in a century to come satisfies nothing */
	EXPECT(iv_patch(srv, c.mj1, iv, "{\"family_notified_at\":0}"), 400);
	EXPECT(iv_patch(srv, c.mj1, iv, fmt(srv, "{\"family_notified_at\":%lld}", (long long)srv_now(srv) + 86400)),
	       400);
	EXPECT(iv_patch(srv, c.mj1, iv,
			fmt(srv, "{\"family_notified_at\":%lld}", (long long)srv_now(srv) - 200)),
	       200);
	/* nor is a party born in year 1, or after the act, of any age */
	EXPECT(http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/parties", id),
		    "{\"role\":\"witness\",\"name\":\"古人\",\"birth_date\":\"0001-01-01\"}"),
	       400);
	EXPECT(http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/parties", id),
		    "{\"role\":\"witness\",\"name\":\"来人\",\"birth_date\":\"2099-01-01\"}"),
	       400);
	EXPECT_STR(iv_sign(srv, c.mj1, iv), "interview.status", "signed");

	wit = party_add(srv, c.mj1, id, "witness", "吴某", id_aged(srv, -9, 44, 53));
	o = iv_with(wit, c.me, c.mj2,
		    "{\"summoned\":true,\"family_notice_exception\":\"本人拒绝提供家属联系方式\"}");
	iv = rnum(iv_post(srv, c.mj1, id, o), "interview.id");
	EXPECT_STR(iv_read_and_sign(srv, c.mj1, iv), "interview.status", "signed");
}

/* ADM-SUMMON-AV (ZA2025 Art 97 ¶1): questioning a 违反治安管理行为人 in a
 * 执法办案场所 is recorded in full. */
STORY(adm_summon_av)
{
	struct crew c = crew_of(srv);
	long long id, sus, wit, iv;
	json_t *o;

	id = filed_case(srv, &c, "殴打他人案", 30, 61, &sus);
	o = iv_with(sus, c.me, c.mj2, "{\"recording_id\":null}");
	iv = rnum(iv_post(srv, c.mj1, id, o), "interview.id");
	EXPECT_RULE(srv, iv_read_and_sign(srv, c.mj1, iv), "ADM-SUMMON-AV");
	EXPECT(iv_patch(srv, c.mj1, iv, "{\"recording_id\":\"AV-ROOM1-0061\"}"), 200);
	EXPECT_STR(iv_sign(srv, c.mj1, iv), "interview.status", "signed");

	/* the rule names the offender: a witness in the same room without one */
	wit = party_add(srv, c.mj1, id, "witness", "郑某", id_aged(srv, -9, 50, 63));
	o = iv_with(wit, c.me, c.mj2, "{\"recording_id\":null}");
	iv = rnum(iv_post(srv, c.mj1, id, o), "interview.id");
	EXPECT_STR(iv_read_and_sign(srv, c.mj1, iv), "interview.status", "signed");
}

/* ADM-INTERVIEW-LANG (ZA2025 Art 101): sign language or a translator. */
STORY(adm_interview_lang)
{
	struct crew c = crew_of(srv);
	long long id, sus, wit, iv;
	json_t *o;

	id = filed_case(srv, &c, "殴打他人案", 30, 71, &sus);
	o = iv_with(sus, c.me, c.mj2, "{\"needs_sign_language\":true}");
	iv = rnum(iv_post(srv, c.mj1, id, o), "interview.id");
	EXPECT_RULE(srv, iv_read_and_sign(srv, c.mj1, iv), "ADM-INTERVIEW-LANG");
	EXPECT(iv_patch(srv, c.mj1, iv, "{\"sign_language\":\"王老师（特教学校手语教师）\"}"), 200);
	EXPECT_STR(iv_sign(srv, c.mj1, iv), "interview.status", "signed");

	wit = party_add(srv, c.mj1, id, "witness", "阿依古丽", id_aged(srv, -9, 28, 73));
	o = iv_with(wit, c.me, c.mj2, "{\"needs_interpreter\":true}");
	iv = rnum(iv_post(srv, c.mj1, id, o), "interview.id");
	EXPECT_RULE(srv, iv_read_and_sign(srv, c.mj1, iv), "ADM-INTERVIEW-LANG");
	EXPECT(iv_patch(srv, c.mj1, iv, "{\"interpreter\":\"买买提（维吾尔语翻译）\"}"), 200);
	EXPECT_STR(iv_sign(srv, c.mj1, iv), "interview.status", "signed");
}

/* ADM-ACCEPT-01 (ZA2025 Art 90): 先受案后调查 — no record before 受案. */
STORY(adm_accept_01)
{
	struct crew c = crew_of(srv);
	struct resp *r = case_new(srv, c.mj1, "殴打他人案", day_str(srv, -9), c.mj2);
	long long id = rnum(r, "case.id"), acc = rnum(r, "case.accepted_at"), sus, iv;
	json_t *o;

	sus = party_add(srv, c.mj1, id, "suspect", "冯某", id_aged(srv, -9, 30, 81));
	o = iv_with(sus, c.me, c.mj2, span(srv, acc - 3600, acc - 1800));
	EXPECT_RULE(srv, iv_post(srv, c.mj1, id, o), "ADM-ACCEPT-01");
	r = iv_post(srv, c.mj1, id, iv_for(sus, c.me, c.mj2));
	EXPECT(r, 201);
	iv = rnum(r, "interview.id");
	EXPECT_RULE(srv, iv_patch(srv, c.mj1, iv, fmt(srv, "{\"start_at\":%lld}", acc - 60)),
		    "ADM-ACCEPT-01");
	EXPECT(iv_patch(srv, c.mj1, iv, fmt(srv, "{\"start_at\":%lld}", acc)), 200);
}

/* CRIM-FILE-DECISION (XSCX Art 174, 178): 刑事立案 by the county-level
 * chief; no 讯问 before it. */
STORY(crim_file_decision)
{
	struct crew c = crew_of(srv);
	struct session *sz = as(srv, "suozhang"), *jz = as(srv, "juzhang");
	long long id = criminal_case(srv, &c), sus;
	json_t *o;
	struct resp *r;

	sus = party_add(srv, c.mj1, id, "suspect", "蒋某", id_aged(srv, -3, 26, 91));
	o = iv_with(sus, c.me, c.mj2, "{\"kind\":\"interrogation\"}");
	EXPECT_RULE(srv, iv_post(srv, c.mj1, id, o), "CRIM-FILE-DECISION");
	r = act(srv, c.mj1, id, "file", NULL);
	EXPECT_ERR(srv, r, 403, "FORBIDDEN", NULL);
	assert_string_equal(rstr(r, "error.rule"), "CRIM-FILE-DECISION");
	EXPECT_ERR(srv, act(srv, sz, id, "file", NULL), 403, "FORBIDDEN", NULL);
	EXPECT_STR(act(srv, jz, id, "file", NULL), "case.status", "filed");
	o = iv_with(sus, c.me, c.mj2, "{\"kind\":\"interrogation\"}");
	EXPECT(iv_post(srv, c.mj1, id, o), 201);
}

/* CRIM-CLOSE (XSCX Art 286): 侦查终结 is approved by the county-level chief;
 * neither the case officer nor the station chief may conclude. */
STORY(crim_close)
{
	struct crew c = crew_of(srv);
	struct session *sz = as(srv, "suozhang"), *jz = as(srv, "juzhang");
	long long id = criminal_case(srv, &c);
	struct resp *r;

	party_add(srv, c.mj1, id, "suspect", "韩某", id_aged(srv, -3, 41, 97));
	EXPECT(act(srv, jz, id, "file", NULL), 200);
	r = act(srv, c.mj1, id, "conclude", NULL);
	EXPECT_ERR(srv, r, 403, "FORBIDDEN", NULL);
	assert_string_equal(rstr(r, "error.rule"), "CRIM-CLOSE");
	r = act(srv, sz, id, "conclude", NULL);
	EXPECT_ERR(srv, r, 403, "FORBIDDEN", NULL);
	assert_string_equal(rstr(r, "error.rule"), "CRIM-CLOSE");
	EXPECT_STR(case_get(srv, c.mj1, id), "case.status", "filed");
	EXPECT_STR(act(srv, jz, id, "conclude", "{\"reason\":\"移送审查起诉\"}"), "case.status", "closed");
}

/* ADM-COLLECTIVE (ZA2025 Art 113 ¶2): a case marked complex is decided by
 * the chiefs collectively — the last approval needs the discussion record. */
STORY(adm_collective)
{
	struct crew c = crew_of(srv);
	struct session *sz = as(srv, "suozhang");
	long long id, sus;
	struct resp *r;

	r = http(srv, c.mj1, "POST", API "/cases",
		 J(srv, "{s:s, s:s, s:s, s:s, s:I, s:b}", "kind", "admin", "title", "聚众扰乱秩序案", "source",
		   "walk_in", "act_date", day_str(srv, -5), "co_officer_id", (json_int_t)c.mj2, "complex", 1));
	EXPECT(r, 201);
	id = rnum(r, "case.id");
	sus = party_add(srv, c.mj1, id, "suspect", "秦某", id_aged(srv, -5, 37, 99));
	EXPECT(act(srv, c.mj1, id, "file", NULL), 200);
	EXPECT(propose(srv, c.mj1, id, sus, "OF-002", "基本", 1, 0, 0), 201);
	notice(srv, c.mj1, id, sus, "rights");
	EXPECT(act(srv, c.mj1, id, "submit", NULL), 200);
	/* a complex case passes the 法制员 first; the collective record is
	 * asked for at the decision */
	EXPECT_STR(act(srv, as(srv, "fazhi"), id, "approve", "{\"opinion\":\"事实清楚\"}"), "case.status",
		   "approving");
	EXPECT_RULE(srv, act(srv, sz, id, "approve", "{\"opinion\":\"同意\"}"), "ADM-COLLECTIVE");
	EXPECT_STR(case_get(srv, c.mj1, id), "case.status", "approving");
	EXPECT_STR(act(srv, sz, id, "approve",
		       "{\"opinion\":\"同意\",\"collective\":\"2026年所务会集体讨论，一致同意给予警告\"}"),
		   "case.status", "decided");
}

/* CRIM-INTERROG-2 (XSS Art 118): 讯问 by at least two 侦查人员 — no
 * single-officer exception, an auxiliary does not count. */
STORY(crim_interrog_2)
{
	struct crew c = crew_of(srv);
	struct session *jz = as(srv, "juzhang");
	long long aux = colleague(srv, c.mj1, "周小勇"), id = criminal_case(srv, &c), sus;
	json_t *o;

	sus = party_add(srv, c.mj1, id, "suspect", "沈某", id_aged(srv, -3, 33, 93));
	EXPECT(act(srv, jz, id, "file", NULL), 200);
	o = iv_with(sus, c.me, 0, "{\"kind\":\"interrogation\",\"place_kind\":\"certified_room\"}");
	EXPECT_RULE(srv, iv_post(srv, c.mj1, id, o), "CRIM-INTERROG-2");
	o = iv_with(sus, c.me, aux, "{\"kind\":\"interrogation\"}");
	EXPECT_RULE(srv, iv_post(srv, c.mj1, id, o), "CRIM-INTERROG-2");
	EXPECT(iv_post(srv, c.mj1, id, iv_with(sus, c.me, c.mj2, "{\"kind\":\"interrogation\"}")),
	       201);
}

/* Fabrication check: an officer, or a subject, in two overlapping records. */
STORY(interview_overlap)
{
	struct crew c = crew_of(srv);
	long long sz = colleague(srv, c.mj1, "王建华"), mj3 = colleague(srv, c.mj1, "刘强");
	long long id, sus, wit, a;
	json_t *o;

	id = filed_case(srv, &c, "殴打他人案", 30, 101, &sus);
	a = (long long)srv_now(srv);
	wit = party_add(srv, c.mj1, id, "witness", "韩某", id_aged(srv, -9, 52, 103));
	/* records are entered after the questioning ended (an end still ahead
	 * is refused) */
	clock_advance(srv, 1201);
	EXPECT(iv_post(srv, c.mj1, id, iv_with(sus, c.me, c.mj2, span(srv, a, a + 600))), 201);
	/* minjing1 cannot question the witness at the same time */
	o = iv_with(wit, c.me, sz, span(srv, a + 300, a + 900));
	EXPECT_ERR(srv, iv_post(srv, c.mj1, id, o), 409, "INTERVIEW_OVERLAP", "ADM-OFFICERS-2");
	/* nor is the suspect in two rooms at once */
	o = iv_with(sus, mj3, sz, span(srv, a + 300, a + 900));
	EXPECT_ERR(srv, iv_post(srv, c.mj1, id, o), 409, "SUBJECT_OVERLAP", NULL);
	/* back to back is fine */
	EXPECT(iv_post(srv, c.mj1, id, iv_with(wit, c.me, sz, span(srv, a + 600, a + 1200))), 201);
}

/* ADM-NOTICE-RIGHTS (ZA2025 Art 112): 告知 before the decision; for a
 * person under 18 the guardian is told too. */
STORY(adm_notice_rights)
{
	struct crew c = crew_of(srv);
	long long id, sus;

	id = filed_case(srv, &c, "扰乱公共场所秩序案", 30, 111, &sus);
	EXPECT(propose(srv, c.mj1, id, sus, "OF-002", "基本", 1, 0, 0), 201);
	EXPECT_RULE(srv, act(srv, c.mj1, id, "submit", NULL), "ADM-NOTICE-RIGHTS");
	notice(srv, c.mj1, id, sus, "rights");
	EXPECT_STR(act(srv, c.mj1, id, "submit", NULL), "case.status", "approving");

	id = filed_case(srv, &c, "扰乱公共场所秩序案", 16, 113, &sus);
	EXPECT(propose(srv, c.mj1, id, sus, "OF-002", "基本", 1, 0, 0), 201);
	notice(srv, c.mj1, id, sus, "rights");
	EXPECT_RULE(srv, act(srv, c.mj1, id, "submit", NULL), "ADM-NOTICE-RIGHTS");
	notice(srv, c.mj1, id, sus, "guardian");
	EXPECT_STR(act(srv, c.mj1, id, "submit", NULL), "case.status", "approving");
}

/* ADM-FINE-RANGE: OF-052 殴打他人 基本, ZA2025 Art 51 ¶1: 5–10 日拘留并处
 * 500–1000元; VER-1: an act of 2025 takes ZA2012 Art 43 ¶1 (200–500元),
 * the lighter law. */
STORY(adm_fine_range)
{
	struct crew c = crew_of(srv);
	long long id, sus;
	struct resp *r;

	id = filed_case(srv, &c, "殴打他人案", 30, 121, &sus);
	EXPECT_RULE(srv, propose(srv, c.mj1, id, sus, "OF-052", "基本", 0, 499, 5),
		    "ADM-FINE-RANGE");
	EXPECT_RULE(srv, propose(srv, c.mj1, id, sus, "OF-052", "基本", 0, 1001, 5),
		    "ADM-FINE-RANGE");
	EXPECT_RULE(srv, propose(srv, c.mj1, id, sus, "OF-052", "基本", 0, 500, 11), "ADM-DET-MAX");
	r = propose(srv, c.mj1, id, sus, "OF-052", "基本", 0, 500, 5);
	EXPECT(r, 201);
	assert_string_equal(jstr(last_proposal(r), "law"), "ZA2025");
	r = propose(srv, c.mj1, id, sus, "OF-052", "基本", 0, 1000, 10);
	EXPECT(r, 201);

	/* VER-1: an act of 2025-12-20, discovered 2026-01-05 */
	id = dated_case(srv, &c, "2025-12-20", "2026-01-05", id_number(srv, 1990, 3, 5, 123), &sus);
	EXPECT_RULE(srv, propose(srv, c.mj1, id, sus, "OF-052", "基本", 0, 501, 5),
		    "ADM-FINE-RANGE");
	r = propose(srv, c.mj1, id, sus, "OF-052", "基本", 0, 200, 5);
	EXPECT(r, 201);
	assert_string_equal(jstr(last_proposal(r), "law"), "ZA2012");
}

/* ADM-DET-MAX (ZA2025 Art 16): one act ≤ 15 days (OF-053 结伙殴打 基本:
 * 10–15 日并处 1000–2000元), several acts ≤ 20 days together. */
STORY(adm_det_max)
{
	struct crew c = crew_of(srv);
	long long id, sus;

	id = filed_case(srv, &c, "结伙殴打他人案", 30, 131, &sus);
	EXPECT_RULE(srv, propose(srv, c.mj1, id, sus, "OF-053", "基本", 0, 1000, 16),
		    "ADM-DET-MAX");
	EXPECT(propose(srv, c.mj1, id, sus, "OF-053", "基本", 0, 1000, 15), 201);
	/* a second act of the same person (OF-052 基本: 5–10 日 + 500–1000元) */
	EXPECT_RULE(srv, propose(srv, c.mj1, id, sus, "OF-052", "基本", 0, 500, 6), "ADM-DET-MAX");
	EXPECT(propose(srv, c.mj1, id, sus, "OF-052", "基本", 0, 500, 5), 201);
}

/* ADM-STATION-POWER (ZA2025 Art 109): the 派出所 decides 警告 and fines up
 * to 1000元; anything else goes to the county bureau (法制大队, then 局领导). */
STORY(adm_station_power)
{
	struct crew c = crew_of(srv);
	struct session *sz = as(srv, "suozhang"), *fz = as(srv, "fazhi");
	struct session *fzd = as(srv, "fazhidadui"), *jz = as(srv, "juzhang");
	long long id, s1, s2, pid;
	struct resp *r;

	id = filed_case(srv, &c, "扰乱公共场所秩序、盗窃案", 30, 141, &s1);
	s2 = party_add(srv, c.mj1, id, "suspect", "卫某", id_aged(srv, -9, 33, 143));
	r = propose(srv, c.mj1, id, s1, "OF-002", "基本", 1, 0, 0);
	assert_string_equal(jstr(last_proposal(r), "level"), "station");
	/* OF-065 盗窃 基本, ZA2025 Art 58: 5–10 日拘留或者 2000元以下罚款 */
	r = propose(srv, c.mj1, id, s2, "OF-065", "基本", 0, 1001, 0);
	EXPECT(r, 201);
	assert_string_equal(jstr(last_proposal(r), "level"), "bureau");
	pid = jint(last_proposal(r), "id");
	EXPECT(http(srv, c.mj1, "POST", fmt(srv, API "/proposals/%lld/withdraw", pid), NULL), 200);
	r = propose(srv, c.mj1, id, s2, "OF-065", "基本", 0, 1000, 0);
	assert_string_equal(jstr(last_proposal(r), "level"), "station");
	notice(srv, c.mj1, id, s1, "rights");
	notice(srv, c.mj1, id, s2, "rights");
	r = act(srv, c.mj1, id, "submit", NULL);
	EXPECT(r, 200);
	assert_string_equal(steps_of(srv, r), "chief@城关派出所");
	EXPECT_STR(act(srv, sz, id, "approve", "{\"opinion\":\"同意\"}"), "case.status", "decided");

	/* detention: the bureau decides */
	id = filed_case(srv, &c, "殴打他人案", 30, 145, &s1);
	r = propose(srv, c.mj1, id, s1, "OF-052", "基本", 0, 500, 5);
	assert_string_equal(jstr(last_proposal(r), "level"), "bureau");
	notice(srv, c.mj1, id, s1, "rights");
	r = act(srv, c.mj1, id, "submit", NULL);
	EXPECT(r, 200);
	assert_string_equal(steps_of(srv, r),
			    "legal@城关派出所, chief@城关派出所, legal@示范县公安局, chief@示范县公安局");
	EXPECT_ERR(srv, act(srv, jz, id, "approve", NULL), 403, "FORBIDDEN", NULL);
	/* the station's 法制员 reviews first, also when the county decides */
	EXPECT_ERR(srv, act(srv, sz, id, "approve", NULL), 403, "FORBIDDEN", NULL);
	EXPECT_STR(act(srv, fz, id, "approve", NULL), "case.status", "approving");
	EXPECT_STR(act(srv, sz, id, "approve", NULL), "case.status", "approving");
	assert_true(lists(http(srv, fzd, "GET", API "/approvals", NULL), id));
	EXPECT_ERR(srv, act(srv, fz, id, "approve", NULL), 403, "FORBIDDEN", NULL);
	EXPECT_ERR(srv, act(srv, jz, id, "approve", NULL), 403, "FORBIDDEN", NULL);
	EXPECT_STR(act(srv, fzd, id, "approve", "{\"opinion\":\"事实清楚，适用法律正确\"}"),
		   "case.status", "approving");
	EXPECT_ERR(srv, act(srv, sz, id, "approve", NULL), 403, "FORBIDDEN", NULL);
	EXPECT_STR(act(srv, jz, id, "approve", NULL), "case.status", "decided");
}

/* 以罚代拘 → ADM-LEGAL-REVIEW: OF-044 威胁人身安全 情节较重, ZA2025 Art 50
 * ¶1(1): 5–10 日拘留，可以并处 1000元以下罚款. A fine alone needs a written
 * reason and the 法制员's review first; the case shows on the board. */
STORY(adm_legal_review)
{
	struct crew c = crew_of(srv);
	struct session *sz = as(srv, "suozhang"), *fz = as(srv, "fazhi");
	long long id, sus, other, s2;
	const char *rule;
	struct resp *r;

	id = filed_case(srv, &c, "威胁他人人身安全案", 30, 151, &sus);
	r = propose(srv, c.mj1, id, sus, "OF-044", "情节较重", 0, 500, 0);
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", NULL);
	assert_non_null(strstr(rstr(r, "error.message"), "法制审核"));
	rule = fmt(srv, "%s", rstr(r, "error.rule")); /* asserted last, see below */
	r = post_proposal(srv, c.mj1, id,
			  J(srv, "{s:I, s:s, s:s, s:i, s:s}", "party_id", (json_int_t)sus,
			    "offence_code", "OF-044", "tier", "情节较重", "fine", 500,
			    "lenient_reason",
			    "嫌疑人系在校学生，已取得被害人谅解，拘留将影响其学业"));
	EXPECT(r, 201);
	assert_int_equal(jint(last_proposal(r), "lenient"), 1);
	notice(srv, c.mj1, id, sus, "rights");
	r = act(srv, c.mj1, id, "submit", NULL);
	EXPECT(r, 200);
	assert_string_equal(steps_of(srv, r), "legal@城关派出所, chief@城关派出所");
	EXPECT_ERR(srv, act(srv, sz, id, "approve", NULL), 403, "FORBIDDEN", NULL);
	EXPECT_STR(act(srv, fz, id, "approve", "{\"opinion\":\"理由成立\"}"), "case.status",
		   "approving");
	EXPECT_STR(act(srv, sz, id, "approve", NULL), "case.status", "decided");

	/* the same tier with detention: within the law, not on the board */
	other = filed_case(srv, &c, "威胁他人人身安全案", 30, 153, &s2);
	EXPECT(propose(srv, c.mj1, other, s2, "OF-044", "情节较重", 0, 500, 5), 201);
	r = http(srv, sz, "GET", API "/cases?lenient=1&per_page=200", NULL);
	assert_true(lists(r, id));
	assert_false(lists(r, other));

	/* 不予处罚 where the tier calls for detention is no way round: it is
	 * lenient, reviewed by the 法制员 and counted */
	{
		long long third, s3;

		third = filed_case(srv, &c, "威胁他人人身安全案", 30, 155, &s3);
		r = post_proposal(srv, c.mj1, third,
				  J(srv, "{s:I, s:s, s:s, s:b, s:s}", "party_id", (json_int_t)s3, "offence_code",
				    "OF-044", "tier", "情节较重", "no_penalty", 1, "lenient_reason", "当事人认错态度好"));
		EXPECT(r, 201);
		assert_int_equal(jint(last_proposal(r), "lenient"), 1);
		notice(srv, c.mj1, third, s3, "rights");
		r = act(srv, c.mj1, third, "submit", NULL);
		EXPECT(r, 200);
		assert_string_equal(steps_of(srv, r), "legal@城关派出所, chief@城关派出所");
		assert_true(lists(http(srv, sz, "GET", API "/cases?lenient=1&per_page=200", NULL), third));
	}

	/* the refusal names the rule that the written reason and the legal
	 * review satisfy, not the fine range (500元 is within 1000元以下) */
	if (strcmp(rule, "ADM-LEGAL-REVIEW") != 0)
		fail_msg(
			"以罚代拘 without a reason refused with rule %s, expected ADM-LEGAL-REVIEW",
			rule);
}

/* ADM-HEARING (ZA2025 Art 117): a fine of 4000元 or more needs the hearing
 * notice. OF-061 强买强卖 基本, ZA2025 Art 54: 5–10 日并处 3000–5000元. */
STORY(adm_hearing)
{
	struct crew c = crew_of(srv);
	long long id, sus;

	id = filed_case(srv, &c, "强买强卖案", 30, 161, &sus);
	EXPECT(propose(srv, c.mj1, id, sus, "OF-061", "基本", 0, 4000, 5), 201);
	notice(srv, c.mj1, id, sus, "rights");
	EXPECT_RULE(srv, act(srv, c.mj1, id, "submit", NULL), "ADM-HEARING");
	notice(srv, c.mj1, id, sus, "hearing");
	EXPECT_STR(act(srv, c.mj1, id, "submit", NULL), "case.status", "approving");
}

/* ADM-ONSPOT (ZA2025 Art 119–120): 警告 or a fine ≤ 500元, no detention,
 * not for 卖淫嫖娼/赌博/毒品; one officer only with a recording. OF-044
 * 基本: 5 日以下拘留或者 1000元以下罚款; OF-114 赌博 基本 likewise. */
STORY(adm_onspot)
{
	struct crew c = crew_of(srv);
	long long id, sus, normal;
	struct resp *r;

	r = post_case(srv, c.mj1,
		      J(srv, "{s:s, s:s, s:s, s:s, s:s}", "kind", "admin", "procedure", "onspot",
			"title", "威胁他人人身安全案", "source", "patrol", "act_date",
			day_str(srv, 0)));
	EXPECT_RULE(srv, r, "ADM-ONSPOT");
	id = onspot_case(srv, &c, 0);
	sus = party_add(srv, c.mj1, id, "suspect", "杨某", id_aged(srv, 0, 29, 171));
	EXPECT_RULE(srv, propose(srv, c.mj1, id, sus, "OF-044", "基本", 0, 501, 0), "ADM-ONSPOT");
	EXPECT_RULE(srv, propose(srv, c.mj1, id, sus, "OF-044", "基本", 0, 0, 3), "ADM-ONSPOT");
	EXPECT_RULE(srv, propose(srv, c.mj1, id, sus, "OF-114", "基本", 0, 200, 0), "ADM-ONSPOT");
	EXPECT(propose(srv, c.mj1, id, sus, "OF-044", "基本", 0, 500, 0), 201);
	EXPECT_RULE(srv, act(srv, c.mj1, id, "onspot_decide", NULL), "ADM-NOTICE-RIGHTS");
	notice(srv, c.mj1, id, sus, "rights");
	r = act(srv, c.mj1, id, "onspot_decide", NULL);
	EXPECT_STR(r, "case.status", "decided");
	EXPECT_STR(r, "case.documents.0.kind", "onspot_decision");
	assert_non_null(strstr(rstr(r, "case.documents.0.doc_no"), "（当决）字"));
	assert_string_equal(jstr(last_proposal(r), "decision_no"),
			    rstr(r, "case.documents.0.doc_no"));
	/* PROC-SIMPLE (XZCX Art 39): filed with the bureau within 24 h — a running clock
	 * until the 备案 is recorded, and only once */
	{
		const char *key = fmt(srv, "case:%lld:onspot_report", id);
		struct resp *w = http(srv, c.mj1, "GET", "/api/v1/warnings?level=all&scope=mine", NULL);
		json_t *it;
		size_t i;
		int seen = 0;

		json_array_foreach(jpath(w->json, "items"), i, it)
			seen |= !strcmp(json_string_value(json_object_get(it, "key")), key) &&
				!strcmp(json_string_value(json_object_get(it, "rule")), "PROC-SIMPLE");
		assert_true(seen);
		EXPECT(act(srv, c.mj1, id, "onspot_report", NULL), 200);
		EXPECT_ERR(srv, act(srv, c.mj1, id, "onspot_report", NULL), 409, "ALREADY_REPORTED", NULL);
		w = http(srv, c.mj1, "GET", "/api/v1/warnings?level=all&scope=mine", NULL);
		seen = 0;
		json_array_foreach(jpath(w->json, "items"), i, it)
			seen |= !strcmp(json_string_value(json_object_get(it, "key")), key);
		assert_false(seen);
	}

	/* a normal-procedure case cannot be decided on the spot */
	normal = filed_case(srv, &c, "威胁他人人身安全案", 30, 173, &sus);
	EXPECT(propose(srv, c.mj1, normal, sus, "OF-044", "基本", 0, 200, 0), 201);
	notice(srv, c.mj1, normal, sus, "rights");
	EXPECT_RULE(srv, act(srv, c.mj1, normal, "onspot_decide", NULL), "ADM-ONSPOT");
}

/* ADM-NOPUNISH-U14 (ZA2025 Art 12): under 14 at the act, no penalty. */
STORY(adm_nopunish_u14)
{
	struct crew c = crew_of(srv);
	long long id, sus;
	struct resp *r;

	id = filed_case(srv, &c, "扰乱公共场所秩序案", 13, 181, &sus);
	EXPECT_NUM(case_get(srv, c.mj1, id), "case.parties.0.age_at_act", 13);
	EXPECT_RULE(srv, propose(srv, c.mj1, id, sus, "OF-002", "基本", 1, 0, 0),
		    "ADM-NOPUNISH-U14");
	EXPECT_RULE(srv, propose(srv, c.mj1, id, sus, "OF-002", "基本", 0, 200, 0),
		    "ADM-NOPUNISH-U14");
	r = propose_none(srv, c.mj1, id, sus, "OF-002",
			 "行为时未满十四周岁，不予处罚，责令其监护人严加管教");
	EXPECT(r, 201);
	assert_int_equal(jint(last_proposal(r), "no_penalty"), 1);
}

/* ADM-LIMIT-6M (ZA2025 Art 25): not discovered within six months → no
 * penalty. Act 2026-01-10: six months end 2026-07-10. */
STORY(adm_limit_6m)
{
	struct crew c = crew_of(srv);
	const char *disc[2] = { "2026-08-15", "2026-07-10" };
	long long id[2], sus[2];
	struct resp *r;

	for (int i = 0; i < 2; i++)
		id[i] = dated_case(srv, &c, "2026-01-10", disc[i],
				   id_number(srv, 1988, 6, 6, 191 + 2 * i), &sus[i]);
	EXPECT_RULE(srv, propose(srv, c.mj1, id[0], sus[0], "OF-052", "基本", 0, 500, 5),
		    "ADM-LIMIT-6M");
	r = propose_none(srv, c.mj1, id[0], sus[0], "OF-052",
			 "违法行为在六个月内没有被公安机关发现，不再处罚");
	EXPECT(r, 201);
	/* discovered on the last day of the six months: still in time */
	EXPECT(propose(srv, c.mj1, id[1], sus[1], "OF-052", "基本", 0, 500, 5), 201);
}

/* ADM-DET-EXEMPT (ZA2025 Art 23): a detention of a 14–16-year-old is
 * decided but not executed; Art 23 ¶2 (情节严重) removes it only with a
 * written reason. */
STORY(adm_det_exempt)
{
	struct crew c = crew_of(srv);
	long long id, sus, s2, adult;
	struct resp *r;

	id = filed_case(srv, &c, "殴打他人案", 15, 201, &sus);
	s2 = party_add(srv, c.mj1, id, "suspect", "小韩", id_aged(srv, -9, 15, 203));
	adult = party_add(srv, c.mj1, id, "suspect", "韩某", id_aged(srv, -9, 40, 205));
	r = propose(srv, c.mj1, id, sus, "OF-052", "基本", 0, 500, 5);
	EXPECT(r, 201);
	assert_string_equal(jstr(last_proposal(r), "exec_exempt"), "age_14_16");
	r = propose(srv, c.mj1, id, adult, "OF-052", "基本", 0, 500, 5);
	assert_true(json_is_null(json_object_get(last_proposal(r), "exec_exempt")));

	r = post_proposal(srv, c.mj1, id,
			  J(srv, "{s:I, s:s, s:s, s:i, s:i, s:b}", "party_id", (json_int_t)s2,
			    "offence_code", "OF-052", "tier", "基本", "fine", 500, "det_days", 5,
			    "serious", 1));
	EXPECT_RULE(srv, r, "ADM-DET-EXEMPT");
	r = post_proposal(srv, c.mj1, id,
			  J(srv, "{s:I, s:s, s:s, s:i, s:i, s:b, s:s}", "party_id", (json_int_t)s2,
			    "offence_code", "OF-052", "tier", "基本", "fine", 500, "det_days", 5,
			    "serious", 1, "exempt_override_reason",
			    "持刀殴打致被害人轻微伤，情节严重、影响恶劣"));
	EXPECT(r, 201);
	assert_true(json_is_null(json_object_get(last_proposal(r), "exec_exempt")));
}

/* ADM-AGGRAV-REPEAT (ZA2025 Art 22(4)): a 治安 penalty within one year is
 * shown as aggravating on the new proposal. */
STORY(adm_aggrav_repeat)
{
	struct crew c = crew_of(srv);
	const char *idno = id_aged(srv, 0, 36, 211);
	long long id, sus, other;
	struct resp *r;

	id = onspot_case(srv, &c, 0);
	sus = party_add(srv, c.mj1, id, "suspect", "秦某", idno);
	r = propose(srv, c.mj1, id, sus, "OF-002", "基本", 1, 0, 0);
	assert_int_equal(jint(last_proposal(r), "repeat_offence"), 0);
	notice(srv, c.mj1, id, sus, "rights");
	EXPECT_STR(act(srv, c.mj1, id, "onspot_decide", NULL), "case.status", "decided");

	/* the same person again, today */
	r = case_new(srv, c.mj1, "殴打他人案", day_str(srv, 0), c.mj2);
	id = rnum(r, "case.id");
	sus = party_add(srv, c.mj1, id, "suspect", "秦某", idno);
	other = party_add(srv, c.mj1, id, "suspect", "许某", id_aged(srv, 0, 36, 213));
	EXPECT(act(srv, c.mj1, id, "file", NULL), 200);
	r = propose(srv, c.mj1, id, sus, "OF-052", "基本", 0, 500, 5);
	EXPECT(r, 201);
	assert_int_equal(jint(last_proposal(r), "repeat_offence"), 1);
	r = propose(srv, c.mj1, id, other, "OF-052", "基本", 0, 500, 5);
	assert_int_equal(jint(last_proposal(r), "repeat_offence"), 0);
}

/* ADM-MEDIATE (ZA2025 Art 9): 治安 cases from 民间纠纷 may close by
 * mediation; criminal cases never. */
STORY(adm_mediate)
{
	struct crew c = crew_of(srv);
	struct session *jz = as(srv, "juzhang");
	long long id, sus;
	struct resp *r;

	id = filed_case(srv, &c, "邻里纠纷殴打他人案", 30, 221, &sus);
	party_add(srv, c.mj1, id, "victim", "吕某", id_aged(srv, -9, 62, 223));
	EXPECT_ERR(srv, act(srv, c.mj1, id, "mediate", "{}"), 400, NULL, NULL);
	r = act(srv, c.mj1, id, "mediate",
		"{\"agreement\":\"双方自愿和解，赔偿医药费800元，已当场履行\"}");
	EXPECT_STR(r, "case.status", "closed");
	assert_non_null(strstr(rstr(r, "case.close_reason"), "调解"));

	id = criminal_case(srv, &c);
	EXPECT(act(srv, jz, id, "file", NULL), 200);
	EXPECT_RULE(srv, act(srv, c.mj1, id, "mediate", "{\"agreement\":\"赔偿损失\"}"),
		    "ADM-MEDIATE");
}

/* ADM-SUMMON-APPROVAL (ZA2025 Art 96): a 传唤证 needs the 办案部门负责人. */
STORY(adm_summon_approval)
{
	struct crew c = crew_of(srv);
	struct session *sz = as(srv, "suozhang");
	long long id, sus;
	const char *body;
	struct resp *r;

	id = filed_case(srv, &c, "殴打他人案", 30, 231, &sus);
	body = J(srv, "{s:s, s:I}", "kind", "summons", "party_id", (json_int_t)sus);
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/documents", id), body);
	EXPECT_RULE(srv, r, "ADM-SUMMON-APPROVAL");
	r = http(srv, sz, "POST", fmt(srv, API "/cases/%lld/documents", id), body);
	EXPECT(r, 201);
	assert_non_null(strstr(rstr(r, "document.doc_no"), "（传）字"));
}

/* The state machine: an action from the wrong state is BAD_TRANSITION. */
STORY(bad_transition)
{
	struct crew c = crew_of(srv);
	long long id, sus;

	id = filed_case(srv, &c, "殴打他人案", 30, 241, &sus);
	EXPECT_ERR(srv, act(srv, c.mj1, id, "deliver", NULL), 409, "BAD_TRANSITION", NULL);
	EXPECT_ERR(srv, act(srv, c.mj1, id, "file", NULL), 409, "BAD_TRANSITION", NULL);
	EXPECT_ERR(srv, act(srv, c.mj1, id, "close", NULL), 409, "BAD_TRANSITION", NULL);
	EXPECT_STR(case_get(srv, c.mj1, id), "case.status", "filed");
}

/* The case list's filters, alone and together, on two cases made here. */
STORY(list_filters)
{
	struct crew c = crew_of(srv);
	struct session *jz = as(srv, "juzhang"), *mj3 = as(srv, "minjing3");
	long long a = rnum(case_new(srv, c.mj1, "筛选甲案", day_str(srv, -2), c.mj2), "case.id");
	struct resp *r = case_new(srv, c.mj1, "筛选乙案", day_str(srv, -2), c.mj2);
	const char *fresh = fmt(srv, "%s", rstr(r, "case.status"));
	struct resp *filed;

	(void)a;
	filed = act(srv, c.mj1, rnum(r, "case.id"), "file", NULL);
	EXPECT(filed, 200);
#define LISTED(s, extra, n)                                                                  \
	do {                                                                                 \
		struct resp *l = http(srv, s, "GET", fmt(srv, API "/cases?q=%s%s", "筛选", extra), NULL); \
		EXPECT(l, 200);                                                              \
		EXPECT_NUM(l, "total", n);                                                   \
	} while (0)
	LISTED(jz, "", 2);
	LISTED(jz, "&kind=admin", 2);
	LISTED(jz, "&kind=criminal", 0);
	LISTED(jz, fmt(srv, "&status=%s", fresh), 1);
	LISTED(jz, fmt(srv, "&status=%s", rstr(filed, "case.status")), 1);
	LISTED(jz, fmt(srv, "&status=%s&kind=admin", fresh), 1);
	LISTED(c.mj1, "&mine=1", 2);
	LISTED(mj3, "&mine=1", 0);
	LISTED(jz, fmt(srv, "&officer_id=%lld", c.mj2), 2);
	LISTED(jz, fmt(srv, "&officer_id=%lld", c.me), 2);
	LISTED(jz, "&lenient=1", 0);
#undef LISTED
}

/* Unit scope: another station's officer and the administrator cannot read
 * a case; the refusal is audited as denied. */
STORY(acl)
{
	struct crew c = crew_of(srv);
	struct session *bs = as(srv, "beishe_mj1"), *adm = as(srv, "admin");
	struct session *jz = as(srv, "juzhang"), *aud = as(srv, "auditor");
	long long id = rnum(case_new(srv, c.mj1, "殴打他人案", day_str(srv, -9), c.mj2), "case.id");

	EXPECT_ERR(srv, case_get(srv, bs, id), 403, "FORBIDDEN", NULL);
	assert_false(lists(http(srv, bs, "GET", API "/cases?per_page=200", NULL), id));
	EXPECT_ERR(srv, http(srv, adm, "GET", API "/cases", NULL), 403, "FORBIDDEN", NULL);
	EXPECT_ERR(srv, case_get(srv, adm, id), 403, "FORBIDDEN", NULL);
	assert_int_equal(audit_count(srv, aud, "case.read", "beishe_mj1", "denied"), 1);
	assert_int_equal(audit_count(srv, aud, "case.list", "admin", "denied"), 1);
	EXPECT(case_get(srv, c.mj1, id), 200);
	EXPECT(case_get(srv, jz, id), 200);
	assert_true(lists(http(srv, jz, "GET", API "/cases", NULL), id));
}

/* The case answers what the caller may do on it, by the rules its requests
 * are decided with (the web shows its buttons from this): the main officer
 * staffs the case, the co-officer works it but does not staff it, the
 * station's chief and clerk issue documents, only the county bureau's chief
 * extends the 办案期限 of an admin case; and each "false" is a refusal. */
static int may(struct server *srv, struct session *s, long long id, const char *what)
{
	struct resp *r = case_get(srv, s, id);
	json_t *v;

	EXPECT(r, 200);
	v = jpath(r->json, fmt(srv, "case.may.%s", what));
	assert_true(json_is_boolean(v));
	return json_is_true(v);
}

static int may_act(struct server *srv, struct session *s, long long id, const char *step)
{
	struct resp *r = case_get(srv, s, id);
	json_t *a, *v;
	size_t i;

	EXPECT(r, 200);
	a = jpath(r->json, "case.may.actions");
	assert_true(json_is_array(a));
	json_array_foreach(a, i, v)
		if (!strcmp(json_string_value(v), step))
			return 1;
	return 0;
}

STORY(case_may)
{
	struct crew c = crew_of(srv);
	struct session *mj2 = as(srv, "minjing2"), *suo = as(srv, "suozhang");
	struct session *nq = as(srv, "neiqin"), *fj = as(srv, "fujing"), *jz = as(srv, "juzhang");
	long long id = rnum(case_new(srv, c.mj1, "寻衅滋事案", day_str(srv, -3), c.mj2), "case.id");

	/*                          edit staff measures documents extend */
	assert_true(may(srv, c.mj1, id, "edit"));
	assert_true(may(srv, c.mj1, id, "staff"));
	assert_true(may(srv, c.mj1, id, "measures"));
	assert_true(may(srv, c.mj1, id, "issue_documents"));
	assert_false(may(srv, c.mj1, id, "extend_limit"));

	assert_true(may(srv, mj2, id, "edit"));
	assert_false(may(srv, mj2, id, "staff"));
	assert_true(may(srv, mj2, id, "measures"));

	assert_true(may(srv, suo, id, "edit"));
	assert_true(may(srv, suo, id, "staff"));
	assert_false(may(srv, suo, id, "extend_limit"));

	assert_false(may(srv, nq, id, "edit"));
	assert_true(may(srv, nq, id, "issue_documents"));
	assert_false(may(srv, fj, id, "edit"));
	assert_false(may(srv, fj, id, "issue_documents"));

	assert_false(may(srv, jz, id, "edit"));
	assert_true(may(srv, jz, id, "extend_limit"));

	/* the flow steps: 立案 of an accepted admin case is the case officers'
	 * or the station chief's (FLOW_OFFICER_OR_CHIEF), not the clerk's, the
	 * auxiliary's or a county leader's */
	assert_true(may_act(srv, c.mj1, id, "file"));
	assert_true(may_act(srv, suo, id, "file"));
	assert_false(may_act(srv, nq, id, "file"));
	assert_false(may_act(srv, fj, id, "file"));
	assert_false(may_act(srv, jz, id, "file"));
	assert_false(may_act(srv, c.mj1, id, "archive")); /* not from this state */

	/* a "false" is a refusal: the co-officer cannot add an officer, the
	 * station chief cannot extend the limit (ADM-CASE-30D) */
	EXPECT_ERR(srv,
		   http(srv, mj2, "POST", fmt(srv, API "/cases/%lld/officers", id),
			fmt(srv, "{\"user_id\":%lld,\"duty\":\"co\"}", c.me)),
		   403, "FORBIDDEN", NULL);
	EXPECT_ERR(srv,
		   http(srv, suo, "POST", fmt(srv, API "/cases/%lld/limit", id),
			"{\"action\":\"extend\",\"reason\":\"案情复杂\"}"),
		   409, "RULE_VIOLATION", "ADM-CASE-30D");
}

/* PII-1 / PROC-ACCEPT-ANON: readers who do not work the case see masked ID
 * numbers and no name of a confidential reporter. */
STORY(masking)
{
	struct crew c = crew_of(srv);
	struct session *dc = as(srv, "ducha");
	const char *rep_id = id_aged(srv, -9, 45, 251), *sus_id = id_aged(srv, -9, 30, 253);
	long long id, rep = 0, iv;
	struct resp *r;
	json_t *it;
	size_t i;

	r = post_case(srv, c.mj1,
		      J(srv, "{s:s, s:s, s:s, s:s, s:I, s:{s:s, s:s, s:s, s:b}}", "kind", "admin",
			"title", "殴打他人案", "source", "walk_in", "act_date", day_str(srv, -9),
			"co_officer_id", (json_int_t)c.mj2, "reporter", "name", "欧阳举报",
			"id_number", rep_id, "phone", "13900000001", "confidential", 1));
	EXPECT(r, 201);
	id = rnum(r, "case.id");
	party_add(srv, c.mj1, id, "suspect", "施某", sus_id);

	r = case_get(srv, c.mj1, id);
	assert_non_null(strstr(r->body, "欧阳举报"));
	assert_non_null(strstr(r->body, sus_id));
	/* the 执法监督卡: the case's officer sees the reporter, whose card alone
	 * carries the receipt code; an auxiliary sees neither, nor does the
	 * reporter's person page link the case */
	{
		struct session *fj = login(srv, "fujing", DEMO_PW);
		long long person = 0;

		r = http(srv, c.mj1, "GET", fmt(srv, API "/cases/%lld/supervision-cards", id), NULL);
		EXPECT(r, 200);
		json_array_foreach(jpath(r->json, "parties"), i, it) {
			if (strcmp(jstr(it, "role"), "reporter") == 0) {
				assert_string_equal(jstr(it, "name"), "欧阳举报");
				assert_int_equal(strlen(jstr(it, "receipt_code")), 10);
			} else {
				assert_true(json_is_null(json_object_get(it, "receipt_code")));
			}
		}
		r = http(srv, fj, "GET", fmt(srv, API "/cases/%lld/supervision-cards", id), NULL);
		EXPECT(r, 200);
		assert_null(strstr(r->body, "欧阳举报"));
		json_array_foreach(jpath(r->json, "parties"), i, it)
			assert_true(json_is_null(json_object_get(it, "receipt_code")));
		person = db_raw_int(srv->db, "SELECT id FROM person WHERE id_number = ?1", rep_id);
		r = http(srv, fj, "GET", fmt(srv, API "/persons/%lld", person), NULL);
		EXPECT(r, 200);
		assert_null(strstr(r->body, fmt(srv, "\"id\":%lld,", id)));
		r = case_get(srv, c.mj1, id);
	}
	json_array_foreach(jpath(r->json, "case.parties"), i, it)
		if (strcmp(jstr(it, "role"), "reporter") == 0)
			rep = jint(it, "id");
	/* the reporter is questioned too (询问报案人) */
	assert_true(rep > 0);
	r = iv_post(srv, c.mj1, id, iv_for(rep, c.me, c.mj2));
	EXPECT(r, 201);
	iv = rnum(r, "interview.id");

	r = http(srv, dc, "GET", API "/cases", NULL);
	EXPECT(r, 200);
	assert_null(strstr(r->body, sus_id));
	assert_null(strstr(r->body, rep_id));
	assert_null(strstr(r->body, "欧阳举报"));
	r = case_get(srv, dc, id);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "case.parties"), i, it) {
		assert_int_equal(strlen(jstr(it, "id_number")), 18);
		assert_non_null(strstr(jstr(it, "id_number"), "********"));
		if (strcmp(jstr(it, "role"), "reporter") == 0) {
			assert_string_equal(jstr(it, "name"), "（保密）");
			assert_true(json_is_null(json_object_get(it, "phone")));
		}
	}
	assert_null(strstr(r->body, sus_id));
	assert_null(strstr(r->body, rep_id));
	assert_null(strstr(r->body, "13900000001"));
	if (strstr(r->body, "欧阳举报"))
		fail_msg("ducha's case file names the confidential reporter: %.900s",
			 strstr(r->body, "\"interviews\""));
	r = http(srv, dc, "GET", fmt(srv, API "/interviews/%lld", iv), NULL);
	if (r->status == 200 && strstr(r->body, "欧阳举报"))
		fail_msg("ducha's view of the 笔录 names the confidential reporter: %.300s",
			 r->body);
}

/* Issue 13: a party registered with an ID number that another station's
 * register holds is linked to that person but never changes the record
 * and never shows its name or phone; the match is audited on the
 * person's record id. Within the station the register is used (and kept
 * current) as before. */
STORY(party_elsewhere)
{
	struct crew c = crew_of(srv);
	struct session *bs = as(srv, "beishe_mj1"), *aud = as(srv, "auditor");
	const char *theirs = id_aged(srv, -9, 33, 271), *ours = id_aged(srv, -9, 41, 273);
	long long id, pid, own_pid;
	struct resp *r;

	r = http(srv, bs, "POST", API "/persons",
		 J(srv, "{s:s, s:s, s:s, s:s}", "id_number", theirs, "name", "钱北社", "kind", "temporary",
		   "phone", "13700000099"));
	EXPECT(r, 201);
	pid = rnum(r, "person.id");
	r = http(srv, c.mj1, "POST", API "/persons",
		 J(srv, "{s:s, s:s, s:s, s:s}", "id_number", ours, "name", "城关登记", "kind", "temporary",
		   "phone", "13700000011"));
	EXPECT(r, 201);
	own_pid = rnum(r, "person.id");

	id = rnum(case_new(srv, c.mj1, "殴打他人案", day_str(srv, -9), c.mj2), "case.id");
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/parties", id),
		 J(srv, "{s:s, s:s, s:s, s:s, s:s}", "role", "suspect", "name", "化名某", "id_number", theirs,
		   "phone", "13600000001", "address", "城关镇某街1号"));
	EXPECT(r, 201);
	EXPECT_STR(r, "party.name", "化名某");
	assert_null(strstr(r->body, "钱北社"));
	r = case_get(srv, c.mj1, id);
	EXPECT(r, 200);
	EXPECT_STR(r, "case.parties.0.name", "化名某");
	EXPECT_STR(r, "case.parties.0.phone", "13600000001");
	EXPECT_STR(r, "case.parties.0.address", "城关镇某街1号");
	EXPECT_NUM(r, "case.parties.0.person_id", pid);
	assert_null(strstr(r->body, "钱北社"));
	assert_null(strstr(r->body, "13700000099"));
	/* the case list's name search does not find the case by the register's name */
	assert_false(lists(http(srv, c.mj1, "GET", API "/cases?q=%E9%92%B1%E5%8C%97%E7%A4%BE", NULL), id));
	assert_true(lists(http(srv, c.mj1, "GET", API "/cases?q=%E5%8C%96%E5%90%8D%E6%9F%90", NULL), id));
	/* 北社's record is as 北社 registered it, and does not show 城关's case */
	r = http(srv, bs, "GET", fmt(srv, API "/persons/%lld", pid), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "person.name", "钱北社");
	EXPECT_STR(r, "person.phone", "13700000099");
	assert_true(json_is_null(jpath(r->json, "person.address")));
	assert_int_equal(json_array_size(jpath(r->json, "person.cases")), 0);
	/* the match is audited on the person's record id, never the number */
	r = http(srv, aud, "GET", fmt(srv, API "/audit?action=case.party_match&user=minjing1&object_id=%lld", pid),
		 NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_STR(r, "items.0.object_type", "person");
	assert_null(strstr(r->body, theirs));
	/* the register's person stays out of reach: reading it is refused */
	EXPECT(http(srv, c.mj1, "GET", fmt(srv, API "/persons/%lld", pid), NULL), 403);

	/* the station's own register: today's behaviour, kept current */
	r = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/parties", id),
		 J(srv, "{s:s, s:s, s:s, s:s}", "role", "witness", "name", "别名", "id_number", ours, "phone",
		   "13600000002"));
	EXPECT(r, 201);
	EXPECT_STR(r, "party.name", "城关登记");
	r = http(srv, c.mj1, "GET", fmt(srv, API "/persons/%lld", own_pid), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "person.phone", "13600000002");
	assert_int_equal(json_array_size(jpath(r->json, "person.cases")), 1);
	r = http(srv, aud, "GET", API "/audit?action=case.party_match&user=minjing1", NULL);
	EXPECT_NUM(r, "total", 1);
}

/* PROC-ACCEPT-RECEIPT: the public progress query by receipt code shows the
 * state and no personal data. */
STORY(progress)
{
	struct crew c = crew_of(srv);
	struct resp *r = post_case(
		srv, c.mj1,
		J(srv, "{s:s, s:s, s:s, s:s, s:I, s:{s:s, s:s}}", "kind", "admin", "title",
		  "殴打他人案", "source", "walk_in", "act_date", day_str(srv, -9), "co_officer_id",
		  (json_int_t)c.mj2, "reporter", "name", "陶报案", "phone", "13900000002"));
	const char *code = fmt(srv, "%s", rstr(r, "case.receipt_code"));
	const char *case_no = fmt(srv, "%s", rstr(r, "case.case_no"));
	long long id = rnum(r, "case.id");

	EXPECT(r, 201);
	assert_int_equal(strlen(code), 10);
	party_add(srv, c.mj1, id, "suspect", "姜某", id_aged(srv, -9, 30, 261));
	/* the second factor: the last four digits of the reporter's phone */
	r = http(srv, NULL, "POST", API "/progress",
		 fmt(srv, "{\"receipt_code\":\"%s\",\"phone_last4\":\"0002\"}", code));
	EXPECT(r, 200);
	EXPECT_STR(r, "status_label", "已受案");
	assert_null(strstr(r->body, case_no));
	assert_null(strstr(r->body, "殴打他人案"));
	assert_null(strstr(r->body, "陶报案"));
	assert_null(strstr(r->body, "姜某"));
	assert_null(strstr(r->body, "13900000002"));
	EXPECT(act(srv, c.mj1, id, "file", NULL), 200);
	EXPECT_STR(http(srv, NULL, "POST", API "/progress",
			fmt(srv, "{\"receipt_code\":\"%s\",\"phone_last4\":\"0002\"}", code)),
		   "status_label", "已立案");
	EXPECT_ERR(srv, http(srv, NULL, "POST", API "/progress",
			     "{\"receipt_code\":\"ZZZZZZZZZZ\",\"phone_last4\":\"0002\"}"),
		   404, "NOT_FOUND", NULL);
	EXPECT_ERR(srv, http(srv, NULL, "POST", API "/progress",
			     fmt(srv, "{\"receipt_code\":\"%s\",\"phone_last4\":\"0003\"}", code)),
		   404, "NOT_FOUND", NULL);
}

/* Last: after every story above, the audit table keeps record ids, never
 * an ID number (AUD-6, issue 13). */
STORY(audit_holds_no_id_number)
{
	assert_int_equal(audit_id_numbers(srv), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	/* clang-format off */
	const struct CMUnitTest tests[] = {
		T(adm_officers_2), T(adm_aux_solo), T(adm_minor_guardian),
		T(adm_interview_sign), T(adm_summon_family), T(adm_summon_av),
		T(adm_interview_lang), T(adm_accept_01), T(crim_file_decision),
		T(crim_close), T(adm_collective),
		T(crim_interrog_2), T(interview_overlap), T(adm_notice_rights),
		T(adm_fine_range), T(adm_det_max), T(adm_station_power),
		T(adm_legal_review), T(adm_hearing), T(adm_onspot),
		T(adm_nopunish_u14), T(adm_limit_6m), T(adm_det_exempt),
		T(adm_aggrav_repeat), T(adm_mediate), T(adm_summon_approval),
		T(bad_transition), T(acl), T(case_may), T(masking), T(list_filters),
		T(progress), T(party_elsewhere), T(audit_holds_no_id_number),
	};
	/* clang-format on */

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
