/* api_rule_paths.c — the law on every path (issue 15): a rule that holds
 * on one path (the decision, the create) must hold on the others that reach
 * the same record (the execution, the edit, a record signed later, a case
 * entered late). One story per path found open; docs/rule-paths.md lists
 * every enforced rule with its paths and the story that covers each.
 * Expected figures are written by hand from ../shared/rules (ZA2025). */
#include "case_util.h"

static struct resp *measure_start(struct server *srv, const struct session *s, long long case_id,
				  const char *body)
{
	return http(srv, s, "POST", fmt(srv, API "/cases/%lld/measures", case_id), body);
}

/* A bureau-level assault decision (OF-052 基本, ZA2025 Art 51: 5–10 日拘留，
 * 并处 ≤1000元): 5 days + 500元, approved up the county chain. Returns the
 * decided case answer's id and sets *sus. */
static long long bureau_detention_days(struct server *srv, const struct crew *c, int age, int seq, int days,
				       long long *sus, const char **decision_no);

static long long bureau_detention(struct server *srv, const struct crew *c, int age, int seq,
				  long long *sus, const char **decision_no)
{
	return bureau_detention_days(srv, c, age, seq, 5, sus, decision_no);
}

/* The same with the days of detention (5–10). */
static long long bureau_detention_days(struct server *srv, const struct crew *c, int age, int seq, int days,
				       long long *sus, const char **decision_no)
{
	struct session *sz = as(srv, "suozhang"), *fz = as(srv, "fazhi");
	struct session *fzd = as(srv, "fazhidadui"), *jz = as(srv, "juzhang");
	long long id = filed_case(srv, c, "殴打他人案", age, seq, sus);
	struct resp *r;

	r = propose(srv, c->mj1, id, *sus, "OF-052", "基本", 0, 500, days);
	EXPECT(r, 201);
	assert_string_equal(jstr(last_proposal(r), "level"), "bureau");
	notice(srv, c->mj1, id, *sus, "rights");
	if (age < 18)
		notice(srv, c->mj1, id, *sus, "guardian");
	r = act(srv, c->mj1, id, "submit",
		"{\"facts\":\"经查，嫌疑人酒后在烧烤店内殴打他人致轻微伤。\",\"opinion\":\"建议行政拘留五日并处罚款五百元\"}");
	EXPECT(r, 200);
	/* the 呈请报告 is what the approvers read: the county's 法制大队 too */
	EXPECT_STR(case_get(srv, fzd, id), "case.facts", "经查，嫌疑人酒后在烧烤店内殴打他人致轻微伤。");
	EXPECT_STR(case_get(srv, fzd, id), "case.report_opinion", "建议行政拘留五日并处罚款五百元");
	EXPECT(act(srv, fz, id, "approve", NULL), 200);
	EXPECT(act(srv, sz, id, "approve", NULL), 200);
	EXPECT(act(srv, fzd, id, "approve", NULL), 200);
	r = act(srv, jz, id, "approve", NULL);
	EXPECT_STR(r, "case.status", "decided");
	if (decision_no)
		*decision_no = fmt(srv, "%s", jstr(last_proposal(r), "decision_no"));
	return id;
}

/* ADM-DET-EXEMPT / ADM-DET-MAX at execution as at decision: 行政拘留 is
 * executed only after the decision, never for a person the decision
 * exempts from execution, and for no more days than decided. */
STORY(detention_executed_as_decided)
{
	struct crew c = crew_of(srv);
	long long id, sus, other;
	struct resp *r;

	/* before any decision: nothing to execute */
	id = filed_case(srv, &c, "殴打他人案", 30, 501, &other);
	EXPECT_ERR(srv,
		   measure_start(srv, c.mj1, id,
				 J(srv, "{s:I, s:s, s:s, s:i}", "party_id", (json_int_t)other, "kind",
				   "admin_detention", "tier", "days", "days", 5)),
		   409, "NOT_DECIDED", NULL);

	/* a 15-year-old: decided, not executed (ZA2025 Art 23 ¶1(1)) */
	id = bureau_detention(srv, &c, 15, 503, &sus, NULL);
	EXPECT_RULE(srv,
		    measure_start(srv, c.mj1, id,
				  J(srv, "{s:I, s:s, s:s, s:i}", "party_id", (json_int_t)sus, "kind",
				    "admin_detention", "tier", "days", "days", 5)),
		    "ADM-DET-EXEMPT");

	/* an adult: 5 days decided, 6 refused, 5 executed */
	id = bureau_detention(srv, &c, 30, 505, &sus, NULL);
	EXPECT_RULE(srv,
		    measure_start(srv, c.mj1, id,
				  J(srv, "{s:I, s:s, s:s, s:i}", "party_id", (json_int_t)sus, "kind",
				    "admin_detention", "tier", "days", "days", 6)),
		    "ADM-DET-MAX");
	EXPECT_RULE(srv,
		    measure_start(srv, c.mj1, id,
				  J(srv, "{s:I, s:s, s:s, s:i}", "party_id", (json_int_t)sus, "kind",
				    "admin_detention", "tier", "days", "days", 21)),
		    "ADM-DET-MAX");
	r = measure_start(srv, c.mj1, id,
			  J(srv, "{s:I, s:s, s:s, s:i}", "party_id", (json_int_t)sus, "kind",
			    "admin_detention", "tier", "days", "days", 5));
	EXPECT(r, 201);
	EXPECT_NUM(r, "measure.days", 5);
	/* served: the same decision is not executed a second time */
	EXPECT(http(srv, c.mj1, "POST", fmt(srv, API "/measures/%lld/end", rnum(r, "measure.id")),
		    "{\"reason\":\"拘留期满释放\"}"),
	       200);
	EXPECT_RULE(srv,
		    measure_start(srv, c.mj1, id,
				  J(srv, "{s:I, s:s, s:s, s:i}", "party_id", (json_int_t)sus, "kind",
				    "admin_detention", "tier", "days", "days", 5)),
		    "ADM-DET-MAX");
	/* 合并执行 (XZCX Art 162): the same person serving 10 + 10 days in two
	 * cases takes no third detention beyond 20 */
	{
		long long a, b, d3, sa, sb, sd;

		a = bureau_detention_days(srv, &c, 30, 509, 10, &sa, NULL);
		b = bureau_detention_days(srv, &c, 30, 509, 10, &sb, NULL);
		d3 = bureau_detention_days(srv, &c, 30, 509, 5, &sd, NULL);
		EXPECT(measure_start(srv, c.mj1, a,
				     J(srv, "{s:I, s:s, s:s, s:i}", "party_id", (json_int_t)sa, "kind", "admin_detention",
				       "tier", "days", "days", 10)),
		       201);
		EXPECT(measure_start(srv, c.mj1, b,
				     J(srv, "{s:I, s:s, s:s, s:i}", "party_id", (json_int_t)sb, "kind", "admin_detention",
				       "tier", "days", "days", 10)),
		       201);
		EXPECT_RULE(srv,
			    measure_start(srv, c.mj1, d3,
					  J(srv, "{s:I, s:s, s:s, s:i}", "party_id", (json_int_t)sd, "kind",
					    "admin_detention", "tier", "days", "days", 5)),
			    "ADM-DET-MAX");
	}
	/* nor begun before the decision was made */
	id = bureau_detention(srv, &c, 30, 507, &sus, NULL);
	EXPECT_RULE(srv,
		    measure_start(srv, c.mj1, id,
				  J(srv, "{s:I, s:s, s:s, s:i, s:I}", "party_id", (json_int_t)sus, "kind",
				    "admin_detention", "tier", "days", "days", 5, "started_at",
				    (json_int_t)(db_raw_int(srv->db, "SELECT decided_at FROM police_case WHERE id = ?1",
							    fmt(srv, "%lld", id)) - 3600))),
		    "ADM-DET-MAX");
}

/* The decision of the county bureau is the bureau's document: its name and
 * its own number series, not the station's (ADM-STATION-POWER on the
 * document path). A station decision keeps the station's. */
STORY(bureau_decision_is_numbered_by_the_bureau)
{
	struct crew c = crew_of(srv);
	struct session *sz = as(srv, "suozhang");
	const char *no1, *no2;
	long long id, sus;
	struct resp *r;

	bureau_detention(srv, &c, 30, 511, &sus, &no1);
	assert_non_null(strstr(no1, "示范县公安局公（决）字〔"));
	assert_null(strstr(no1, "派出所"));
	/* what the 决定书 prints besides: the established facts and the
	 * bodies for 复议 and 诉讼 from the settings */
	id = bureau_detention(srv, &c, 31, 513, &sus, &no2);
	assert_string_not_equal(no1, no2);
	r = case_get(srv, c.mj1, id);
	EXPECT(r, 200);
	{
		json_t *docs = jpath(r->json, "case.documents"), *d;
		size_t i;
		int found = 0;

		json_array_foreach(docs, i, d)
			if (!strcmp(jstr(d, "kind"), "decision")) {
				found = 1;
				assert_string_equal(jstr(d, "doc_no"), no2);
				assert_string_equal(jstr(d, "organ_name"), "示范县公安局");
			}
		assert_true(found);
	}
	EXPECT_STR(r, "case.facts", "经查，嫌疑人酒后在烧烤店内殴打他人致轻微伤。");
	EXPECT_STR(r, "case.review_organ", "示范县人民政府");
	EXPECT_STR(r, "case.litigation_court", "示范县人民法院");
	/* a fine the station may decide: the station's name and series */
	id = filed_case(srv, &c, "扰乱公共场所秩序案", 30, 515, &sus);
	EXPECT(propose(srv, c.mj1, id, sus, "OF-002", "基本", 0, 300, 0), 201);
	notice(srv, c.mj1, id, sus, "rights");
	EXPECT(act(srv, c.mj1, id, "submit", NULL), 200);
	r = act(srv, sz, id, "approve", NULL);
	EXPECT_STR(r, "case.status", "decided");
	assert_non_null(strstr(jstr(last_proposal(r), "decision_no"), "城关派出所公（决）字〔"));
}

/* ADM-INTERVIEW-SIGN: a record is signed after the questioning ended — an
 * end in the future is refused on create as on edit, and a record whose end
 * is still ahead cannot be signed yet. */
STORY(interview_signed_after_it_ended)
{
	struct crew c = crew_of(srv);
	long long id, sus, iv, now;
	struct resp *r;

	id = filed_case(srv, &c, "殴打他人案", 30, 521, &sus);
	now = (long long)srv_now(srv);
	r = iv_post(srv, c.mj1, id,
		    iv_with(sus, c.me, c.mj2, span(srv, now + 60, now + 7200)));
	EXPECT_ERR(srv, r, 400, "INVALID_FIELD", NULL);
	/* within the clock tolerance: accepted, but not signed before its end */
	r = iv_post(srv, c.mj1, id, iv_with(sus, c.me, c.mj2, span(srv, now + 1, now + 200)));
	EXPECT(r, 201);
	iv = rnum(r, "interview.id");
	EXPECT_RULE(srv, iv_read_and_sign(srv, c.mj1, iv), "ADM-INTERVIEW-SIGN");
	clock_advance(srv, 300);
	EXPECT_STR(iv_sign(srv, c.mj1, iv), "interview.status", "signed");
}

/* CRIM-FILE-DECISION on edit as on create: a 讯问 moved to before the
 * county chief filed the case is refused. */
STORY(interrogation_edit_before_filing)
{
	struct crew c = crew_of(srv);
	struct session *jz = as(srv, "juzhang");
	long long id = criminal_case(srv, &c), sus, iv, accepted, filed, a, b;
	struct resp *r;

	sus = party_add(srv, c.mj1, id, "suspect", "韩某", id_aged(srv, -3, 33, 531));
	r = case_get(srv, c.mj1, id);
	accepted = rnum(r, "case.accepted_at");
	clock_advance(srv, 3600);
	EXPECT(act(srv, jz, id, "file", NULL), 200);
	filed = rnum(case_get(srv, c.mj1, id), "case.filed_at");
	assert_true(filed >= accepted + 3600);
	iv_window(srv, filed + 60, &a, &b);
	r = iv_post(srv, c.mj1, id,
		    iv_with(sus, c.me, c.mj2,
			    fmt(srv, "{\"kind\":\"interrogation\",\"start_at\":%lld,\"end_at\":%lld}", a, b)));
	EXPECT(r, 201);
	iv = rnum(r, "interview.id");
	EXPECT_RULE(srv, iv_patch(srv, c.mj1, iv, span(srv, accepted + 60, accepted + 600)),
		    "CRIM-FILE-DECISION");
	EXPECT(iv_patch(srv, c.mj1, iv, span(srv, filed + 30, filed + 600)), 200);
}

/* A measure's milestone (家属通知, 送看守所, 讯问) follows the measure: a time
 * before it started is refused with the milestone's rule. */
STORY(milestone_not_before_measure)
{
	struct crew c = crew_of(srv);
	long long id, sus, m, start;
	struct resp *r;

	id = filed_case(srv, &c, "殴打他人案", 30, 541, &sus);
	r = measure_start(srv, c.mj1, id,
			  J(srv, "{s:I, s:s, s:s, s:b}", "party_id", (json_int_t)sus, "kind", "summons",
			    "tier", "8h", "oral_summons", 1));
	EXPECT(r, 201);
	m = rnum(r, "measure.id");
	start = rnum(r, "measure.started_at");
	EXPECT_RULE(srv,
		    http(srv, c.mj1, "POST", fmt(srv, API "/measures/%lld/milestone", m),
			 J(srv, "{s:s, s:I}", "key", "family", "at", (json_int_t)(start - 600))),
		    "ADM-SUMMON-FAMILY");
	EXPECT(http(srv, c.mj1, "POST", fmt(srv, API "/measures/%lld/milestone", m),
		    J(srv, "{s:s, s:I}", "key", "family", "at", (json_int_t)(start + 60))),
	       200);
}

/* ADM-SUMMON-APPROVAL on the measure path as on the document path: an
 * officer starts a 传唤 only on the 传唤证 the chief signed for that person,
 * or as an oral summons of a person found on the spot. */
STORY(summons_measure_needs_the_chiefs_summons)
{
	struct crew c = crew_of(srv);
	struct session *sz = as(srv, "suozhang");
	long long id, sus, other;
	struct resp *r;

	id = filed_case(srv, &c, "殴打他人案", 30, 551, &sus);
	other = party_add(srv, c.mj1, id, "suspect", "冯某", id_aged(srv, -9, 28, 553));
	EXPECT_RULE(srv,
		    measure_start(srv, c.mj1, id,
				  J(srv, "{s:I, s:s, s:s}", "party_id", (json_int_t)sus, "kind", "summons",
				    "tier", "8h")),
		    "ADM-SUMMON-APPROVAL");
	/* the officer cannot sign the 传唤证 himself */
	EXPECT_RULE(srv,
		    http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/documents", id),
			 J(srv, "{s:s, s:I}", "kind", "summons", "party_id", (json_int_t)sus)),
		    "ADM-SUMMON-APPROVAL");
	EXPECT(http(srv, sz, "POST", fmt(srv, API "/cases/%lld/documents", id),
		    J(srv, "{s:s, s:I}", "kind", "summons", "party_id", (json_int_t)sus)),
	       201);
	/* the summons of one person does not cover another */
	EXPECT_RULE(srv,
		    measure_start(srv, c.mj1, id,
				  J(srv, "{s:I, s:s, s:s}", "party_id", (json_int_t)other, "kind",
				    "summons", "tier", "8h")),
		    "ADM-SUMMON-APPROVAL");
	EXPECT(measure_start(srv, c.mj1, id,
			     J(srv, "{s:I, s:s, s:s}", "party_id", (json_int_t)sus, "kind", "summons",
			       "tier", "8h")),
	       201);
	r = measure_start(srv, c.mj1, id,
			  J(srv, "{s:I, s:s, s:s, s:b}", "party_id", (json_int_t)other, "kind", "summons",
			    "tier", "8h", "oral_summons", 1));
	EXPECT(r, 201);
}

/* ADM-OFFICERS-2 on the measure path: a case handled on the spot by one
 * officer (allowed for the on-the-spot decision with a recording) takes no
 * coercive measure until a second sworn officer joins it. */
STORY(measure_by_one_officer)
{
	struct crew c = crew_of(srv);
	long long id = onspot_case(srv, &c, 0), sus;

	sus = party_add(srv, c.mj1, id, "suspect", "蒋某", id_aged(srv, 0, 36, 561));
	EXPECT_RULE(srv,
		    measure_start(srv, c.mj1, id,
				  J(srv, "{s:I, s:s, s:s, s:b}", "party_id", (json_int_t)sus, "kind",
				    "summons", "tier", "8h", "oral_summons", 1)),
		    "ADM-OFFICERS-2");
	EXPECT(http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/officers", id),
		    J(srv, "{s:I, s:s}", "user_id", (json_int_t)c.mj2, "duty", "co")),
	       201);
	EXPECT(measure_start(srv, c.mj1, id,
			     J(srv, "{s:I, s:s, s:s, s:b}", "party_id", (json_int_t)sus, "kind",
			       "summons", "tier", "8h", "oral_summons", 1)),
	       201);
}

/* ADM-LEGAL-REVIEW on the on-the-spot path: a fine in place of the
 * detention the tier calls for (OF-044 情节较重, ZA2025 Art 50: 5–10 日拘留，
 * 可以并处 ≤1000元) is never decided on the spot, where no 法制员 reviews. */
STORY(onspot_lenient_needs_review)
{
	struct crew c = crew_of(srv);
	long long id = onspot_case(srv, &c, 0), sus;
	struct resp *r;

	sus = party_add(srv, c.mj1, id, "suspect", "沈某", id_aged(srv, 0, 22, 571));
	r = post_proposal(srv, c.mj1, id,
			  J(srv, "{s:I, s:s, s:s, s:i, s:s}", "party_id", (json_int_t)sus,
			    "offence_code", "OF-044", "tier", "情节较重", "fine", 300, "lenient_reason",
			    "嫌疑人系在校学生，已取得被害人谅解"));
	EXPECT(r, 201);
	assert_int_equal(jint(last_proposal(r), "lenient"), 1);
	notice(srv, c.mj1, id, sus, "rights");
	EXPECT_RULE(srv, act(srv, c.mj1, id, "onspot_decide", NULL), "ADM-LEGAL-REVIEW");
}

/* The code of an offence excluded from on-the-spot decisions and from
 * residence jurisdiction (卖淫、嫖娼、赌博、毒品), from GET /offences. */
static const char *gambling_offence(struct server *srv, const struct session *s)
{
	struct resp *r = http(srv, s, "GET", API "/offences", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (json_is_true(json_object_get(it, "onspot_excluded")))
			return fmt(srv, "%s", jstr(it, "code"));
	fail_msg("no offence excluded from on-the-spot decisions in %.300s", r->body);
	return NULL;
}

/* SUP-JURIS-ADM / SUP-JURIS-CRIM (XZCX Art 10, 13–15; XSCX Art 15–16): 城关
 * answers for its communities (the demo's station.area and the communities
 * of its addresses). An act in 北社村 is 北社's: refused with the rule id
 * unless the ground and a reason are written; 居住地 never for 卖淫、嫖娼、
 * 赌博、毒品 (the offences excluded from on-the-spot decisions). */
STORY(jurisdiction_outside_the_area)
{
	struct crew c = crew_of(srv);
	json_t *base = json_pack("{s:s, s:s, s:s, s:s, s:I}", "kind", "admin", "title", "殴打他人案",
				 "source", "walk_in", "act_date", day_str(srv, -2), "co_officer_id",
				 (json_int_t)c.mj2);
	json_t *o;
	struct resp *r;

	/* inside: a community of the setting, and one of its addresses */
	o = json_deep_copy(base);
	json_object_set_new(o, "act_area", json_string("北关村"));
	EXPECT(post_case(srv, c.mj1, jdump(srv, o)), 201);
	o = json_deep_copy(base);
	json_object_set_new(o, "act_area", json_string("东街社区"));
	EXPECT(post_case(srv, c.mj1, jdump(srv, o)), 201);
	/* outside: refused, for a criminal case with its own rule */
	o = json_deep_copy(base);
	json_object_set_new(o, "act_area", json_string("北社村"));
	EXPECT_RULE(srv, post_case(srv, c.mj1, jdump(srv, o)), "SUP-JURIS-ADM");
	o = json_deep_copy(base);
	json_object_set_new(o, "act_area", json_string("北社村"));
	json_object_set_new(o, "kind", json_string("criminal"));
	EXPECT_RULE(srv, post_case(srv, c.mj1, jdump(srv, o)), "SUP-JURIS-CRIM");
	/* a ground without a reason is not enough */
	o = json_deep_copy(base);
	json_object_set_new(o, "act_area", json_string("北社村"));
	json_object_set_new(o, "jurisdiction_basis", json_string("designated"));
	EXPECT_RULE(srv, post_case(srv, c.mj1, jdump(srv, o)), "SUP-JURIS-ADM");
	/* 居住地 is no ground for a gambling case (XZCX Art 10 ¶1) */
	o = json_deep_copy(base);
	json_object_set_new(o, "act_area", json_string("北社村"));
	json_object_set_new(o, "offence_code", json_string(gambling_offence(srv, c.mj1)));
	json_object_set_new(o, "jurisdiction_basis", json_string("residence"));
	json_object_set_new(o, "jurisdiction_reason", json_string("嫌疑人居住在本所辖区"));
	EXPECT_RULE(srv, post_case(srv, c.mj1, jdump(srv, o)), "SUP-JURIS-ADM");
	/* with the ground and the reason: accepted, and the file says why */
	o = json_deep_copy(base);
	json_object_set_new(o, "act_area", json_string("北社村"));
	json_object_set_new(o, "jurisdiction_basis", json_string("designated"));
	json_object_set_new(o, "jurisdiction_reason", json_string("示范县公安局指定由城关派出所管辖（县公指〔2026〕3号）"));
	r = post_case(srv, c.mj1, jdump(srv, o));
	EXPECT(r, 201);
	EXPECT_STR(r, "case.act_area", "北社村");
	EXPECT_STR(r, "case.jurisdiction_basis", "designated");
	json_decref(base);
}

/* SUP-ECON: an incident classified as 经济纠纷 (0503) becomes a case only
 * with a written reason; the case then waits for the station's 法制员 —
 * no 立案 and no coercive measure before the review. */
STORY(economic_dispute_needs_reason_and_review)
{
	struct crew c = crew_of(srv);
	struct session *jj = as(srv, "jiejing"), *fz = as(srv, "fazhi"), *sz = as(srv, "suozhang");
	long long cg = rnum(http(srv, c.mj1, "GET", API "/me", NULL), "user.unit.id"), inc, id, sus;
	struct resp *r;

	r = http(srv, jj, "POST", API "/incidents",
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "source", "110", "caller_name", "报警人",
		   "caller_phone", "13912345678", "place", "城关镇人民路88号", "community", "人民路社区",
		   "category", "0503", "summary", "报警人称对方拖欠货款三万元不还"));
	EXPECT(r, 201);
	inc = rnum(r, "incident.id");
	EXPECT(http(srv, jj, "POST", fmt(srv, API "/incidents/%lld/dispatch", inc),
		    J(srv, "{s:I, s:[I, I]}", "station_id", (json_int_t)cg, "officer_ids", (json_int_t)c.me,
		      (json_int_t)c.mj2)),
	       200);
	EXPECT_RULE(srv,
		    http(srv, c.mj1, "POST", fmt(srv, API "/incidents/%lld/feedback", inc),
			 J(srv, "{s:s, s:s, s:s, s:s, s:I}", "outcome", "criminal_case", "text",
			   "经了解，对方收货后失联", "title", "合同诈骗案", "act_date", day_str(srv, 0),
			   "co_officer_id", (json_int_t)c.mj2)),
		    "SUP-ECON");
	r = http(srv, c.mj1, "POST", fmt(srv, API "/incidents/%lld/feedback", inc),
		 J(srv, "{s:s, s:s, s:s, s:s, s:I, s:s}", "outcome", "admin_case", "text",
		   "经了解，对方收货后虚构身份并关机失联", "title", "诈骗案", "act_date", day_str(srv, 0),
		   "co_officer_id", (json_int_t)c.mj2, "econ_reason",
		   "对方以虚假身份订货后失联，涉嫌以非法占有为目的骗取财物，非单纯债务纠纷"));
	EXPECT(r, 200);
	id = rnum(r, "incident.case_id");
	r = case_get(srv, c.mj1, id);
	EXPECT_STR(r, "case.act_area", "人民路社区");
	assert_true(strlen(rstr(r, "case.econ_reason")) > 0);
	sus = party_add(srv, c.mj1, id, "suspect", "钟某", id_aged(srv, 0, 40, 581));
	/* before the review: no 立案, no measure, and the chief cannot review */
	EXPECT_RULE(srv, act(srv, c.mj1, id, "file", NULL), "SUP-ECON");
	EXPECT_RULE(srv,
		    measure_start(srv, c.mj1, id,
				  J(srv, "{s:I, s:s, s:s, s:b}", "party_id", (json_int_t)sus, "kind",
				    "summons", "tier", "8h", "oral_summons", 1)),
		    "SUP-ECON");
	EXPECT_ERR(srv, act(srv, sz, id, "econ_review", NULL), 403, "FORBIDDEN", "SUP-ECON");
	EXPECT(act(srv, fz, id, "econ_review", "{\"opinion\":\"涉嫌诈骗，非单纯经济纠纷，同意立案\"}"), 200);
	EXPECT_STR(act(srv, c.mj1, id, "file", NULL), "case.status", "filed");

	/* the same by POST /cases naming the incident */
	r = http(srv, jj, "POST", API "/incidents",
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s}", "source", "110", "caller_name", "报警人",
		   "caller_phone", "13912345679", "place", "城关镇解放路9号", "category", "0503",
		   "summary", "报警人称借款到期对方不还"));
	EXPECT(r, 201);
	inc = rnum(r, "incident.id");
	EXPECT(http(srv, jj, "POST", fmt(srv, API "/incidents/%lld/dispatch", inc),
		    J(srv, "{s:I, s:[I, I]}", "station_id", (json_int_t)cg, "officer_ids", (json_int_t)c.me,
		      (json_int_t)c.mj2)),
	       200);
	EXPECT_RULE(srv,
		    post_case(srv, c.mj1,
			      J(srv, "{s:s, s:s, s:s, s:s, s:I, s:I}", "kind", "admin", "title", "诈骗案",
				"source", "incident", "act_date", day_str(srv, 0), "co_officer_id",
				(json_int_t)c.mj2, "incident_id", (json_int_t)inc)),
		    "SUP-ECON");
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	/* clang-format off */
	const struct CMUnitTest tests[] = {
		T(detention_executed_as_decided), T(bureau_decision_is_numbered_by_the_bureau),
		T(interview_signed_after_it_ended), T(interrogation_edit_before_filing),
		T(milestone_not_before_measure), T(summons_measure_needs_the_chiefs_summons),
		T(measure_by_one_officer), T(onspot_lenient_needs_review),
		T(jurisdiction_outside_the_area), T(economic_dispute_needs_reason_and_review),
	};
	/* clang-format on */

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
