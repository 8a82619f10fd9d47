/* api_remedy_notice.c — the remedy notice (救济途径告知) the decision
 * documents print (issue 15), read from the case JSON the print pages
 * render (case.remedy_notices):
 *   SUP-FY-BODY (行政复议法（2023修订）第24条第1款第1项、第4款): the 复议机关
 *     of the bureau's act and of a station's act in its own name is the
 *     county's people's government (the setting documents.review_organ,
 *     示范县人民政府 in the demo), never 上一级公安机关 — the setting and a
 *     复议 record naming a police organ are refused;
 *   SUP-FY-FIRST (第23条第1款第1项、第2款): the 当场处罚决定书 says that the
 *     penalty goes to 复议 first.
 * The periods printed are SUP-FY-60 (六十日) and SUP-SS-6M (六个月, 十五日);
 * a 废旧金属收购业 penalty prints the same (COM-SCRAP-APPEAL). */
#include "case_util.h"

static const char *notice_of(struct server *srv, const struct session *s, long long id, const char *doc)
{
	struct resp *r = case_get(srv, s, id);
	json_t *n;

	EXPECT(r, 200);
	n = json_object_get(jpath(r->json, "case.remedy_notices"), doc);
	if (!json_is_string(n))
		fail_msg("case %lld has no remedy notice %s: %.400s", id, doc, r->body);
	return fmt(srv, "%s", json_string_value(n));
}

static void has(const char *text, const char *part)
{
	if (!strstr(text, part))
		fail_msg("「%s」 does not say 「%s」", text, part);
}

static void lacks(const char *text, const char *part)
{
	if (strstr(text, part))
		fail_msg("「%s」 says 「%s」", text, part);
}

/* A station decision (城关派出所, 罚款三百元) and a county one (行政拘留):
 * both notices name 示范县人民政府 and 示范县人民法院. */
STORY(remedy_notice_names_the_county_government)
{
	struct crew c = crew_of(srv);
	struct session *sz = as(srv, "suozhang"), *adm = as(srv, "admin"), *fz = as(srv, "fazhi");
	long long id, sus, cg = rnum(http(srv, c.mj1, "GET", API "/me", NULL), "user.unit.id");
	const char *t;
	struct resp *r;

	id = filed_case(srv, &c, "扰乱公共场所秩序案", 30, 801, &sus);
	EXPECT(propose(srv, c.mj1, id, sus, "OF-002", "基本", 0, 300, 0), 201);
	notice(srv, c.mj1, id, sus, "rights");
	EXPECT(act(srv, c.mj1, id, "submit", NULL), 200);
	r = act(srv, sz, id, "approve", NULL);
	EXPECT_STR(r, "case.status", "decided");
	has(jstr(last_proposal(r), "decision_no"), "城关派出所");
	t = notice_of(srv, c.mj1, id, "decision");
	assert_string_equal(t, "如不服本决定，可以在收到本决定书之日起六十日内向示范县人民政府申请行政复议，"
			       "或者在六个月内依法向示范县人民法院提起行政诉讼。行政复议和行政诉讼期间，"
			       "本决定不停止执行（法律另有规定的除外）。");
	lacks(t, "公安机关");
	/* an administrative 不予立案 names the same bodies */
	t = notice_of(srv, c.mj1, id, "decline_notice");
	has(t, "六十日内向示范县人民政府申请行政复议");
	has(t, "六个月内依法向示范县人民法院提起行政诉讼");

	/* the setting names a 人民政府, never a police organ (county or station) */
	EXPECT_RULE(srv, http(srv, adm, "PUT", API "/settings/documents.review_organ", "{\"value\":\"上一级公安机关\"}"),
		    "SUP-FY-BODY");
	EXPECT_RULE(srv,
		    http(srv, adm, "PUT", API "/settings/documents.review_organ",
			 fmt(srv, "{\"value\":\"示范县公安局\",\"unit_id\":%lld}", cg)),
		    "SUP-FY-BODY");
	EXPECT_RULE(srv, http(srv, adm, "PUT", API "/settings/documents.review_organ", "{\"value\":\"示范县法制办\"}"),
		    "SUP-FY-BODY");
	/* empty: a blank to fill in, still a people's government */
	EXPECT(http(srv, adm, "PUT", API "/settings/documents.review_organ", "{\"value\":\"\"}"), 200);
	has(notice_of(srv, c.mj1, id, "decision"), "六十日内向＿＿＿＿＿＿人民政府申请行政复议");
	EXPECT(http(srv, adm, "PUT", API "/settings/documents.review_organ", "{\"value\":\"示范县人民政府\"}"), 200);
	has(notice_of(srv, c.mj1, id, "decision"), "六十日内向示范县人民政府申请行政复议");

	/* a 复议 recorded against the decision goes to the government too */
	EXPECT_RULE(srv,
		    http(srv, fz, "POST", fmt(srv, API "/cases/%lld/appeals", id),
			 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s}", "kind", "reconsideration", "applicant", "嫌疑人801",
			   "known_on", day_str(srv, 0), "applied_on", day_str(srv, 0), "received_on", day_str(srv, 0),
			   "organ", "示范县公安局")),
		    "SUP-FY-BODY");
	EXPECT(http(srv, fz, "POST", fmt(srv, API "/cases/%lld/appeals", id),
		    J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s}", "kind", "reconsideration", "applicant", "嫌疑人801",
		      "known_on", day_str(srv, 0), "applied_on", day_str(srv, 0), "received_on", day_str(srv, 0), "organ",
		      "示范县人民政府")),
	       201);
}

/* Every case of the demo county: no notice names 上一级公安机关, and
 * every one names the county government. */
STORY(no_document_names_the_higher_police_organ)
{
	struct session *fzd = as(srv, "fazhidadui");
	struct resp *r = http(srv, fzd, "GET", API "/cases?limit=200", NULL);
	json_t *it;
	size_t i;
	int n = 0;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it) {
		struct resp *k = case_get(srv, fzd, jint(it, "id"));
		json_t *rn;
		const char *key;
		json_t *v;

		EXPECT(k, 200);
		rn = jpath(k->json, "case.remedy_notices");
		assert_non_null(rn);
		json_object_foreach(rn, key, v) {
			lacks(json_string_value(v), "上一级公安机关");
			has(json_string_value(v), "示范县人民政府");
		}
		n++;
	}
	assert_true(n >= 10);
}

/* SUP-FY-FIRST: a fine decided on the spot (ZA2025 Art 119: ≤500元)
 * prints the 复议前置 wording; the ordinary decision does not. */
STORY(onspot_decision_says_reconsideration_first)
{
	struct crew c = crew_of(srv);
	long long id = onspot_case(srv, &c, 0), sus;
	const char *t;
	struct resp *r;

	sus = party_add(srv, c.mj1, id, "suspect", "孔某", id_aged(srv, 0, 26, 811));
	EXPECT(propose(srv, c.mj1, id, sus, "OF-044", "基本", 0, 200, 0), 201);
	notice(srv, c.mj1, id, sus, "rights");
	r = act(srv, c.mj1, id, "onspot_decide", NULL);
	EXPECT_STR(r, "case.status", "decided");
	EXPECT_STR(r, "case.documents.0.kind", "onspot_decision");
	t = notice_of(srv, c.mj1, id, "onspot_decision");
	assert_string_equal(t, "被处罚人对本当场处罚决定不服的，应当先申请行政复议：可以自收到本决定书之日起六十日内向"
			       "示范县人民政府申请行政复议，也可以通过作出本决定的公安机关提交行政复议申请；"
			       "对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向示范县人民法院"
			       "提起行政诉讼。未经行政复议，不得直接提起行政诉讼。行政复议期间，本决定不停止执行"
			       "（法律另有规定的除外）。");
	lacks(notice_of(srv, c.mj1, id, "decision"), "先申请行政复议");
}


/* COM-SCRAP-APPEAL: a 废旧金属收购业 penalty (FJS Art 11, OF-134) prints
 * the general notice — 60 days to the county government (行政复议法 2023),
 * never FJS Art 12's 15 days to the higher police organ. */
STORY(scrap_trade_penalty_prints_the_general_notice)
{
	struct crew c = crew_of(srv);
	struct session *sz = as(srv, "suozhang");
	long long id, sus;
	const char *t;
	struct resp *r;

	id = filed_case(srv, &c, "未履行备案手续收购非生产性废旧金属案", 45, 802, &sus);
	EXPECT(propose(srv, c.mj1, id, sus, "OF-134", "基本", 0, 300, 0), 201);
	notice(srv, c.mj1, id, sus, "rights");
	EXPECT(act(srv, c.mj1, id, "submit", NULL), 200);
	r = act(srv, sz, id, "approve", NULL);
	EXPECT_STR(r, "case.status", "decided");
	t = notice_of(srv, c.mj1, id, "decision");
	has(t, "六十日内向示范县人民政府申请行政复议");
	has(t, "六个月内依法向示范县人民法院提起行政诉讼");
	lacks(t, "十五日");
	lacks(t, "公安机关");
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(remedy_notice_names_the_county_government),
		T(no_document_names_the_higher_police_organ),
		T(onspot_decision_says_reconsideration_first),
		T(scrap_trade_penalty_prints_the_general_notice),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
