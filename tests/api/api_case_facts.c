/* api_case_facts.c — a case's 认定事实 and its 呈请报告 (issue 15):
 *   - the case's officers edit the facts before the decision; every change
 *     keeps the old and the new text (case.facts_history) and the audit
 *     row says both; while approving and after the decision the edit is
 *     refused with its own code; the 决定书 prints the facts (case.facts);
 *   - the 呈请报告 (case.request_report) the approvers read lists exactly
 *     the evidence items of the case's 证据清单, numbered, in order. */
#include "case_util.h"

static struct resp *put_facts(struct server *srv, const struct session *s, long long id, const char *facts,
			      const char *reason)
{
	return http(srv, s, "PUT", fmt(srv, API "/cases/%lld/facts", id),
		    reason ? J(srv, "{s:s, s:s}", "facts", facts, "reason", reason) : J(srv, "{s:s}", "facts", facts));
}

static const char *const F1 = "经查，嫌疑人在城关镇人民路烧烤店内因琐事与被侵害人发生争执，推搡致其摔倒。";
static const char *const F2 = "经查，嫌疑人在城关镇人民路烧烤店内因琐事与被侵害人发生争执，拳击其面部致轻微伤。";
static const char *const F3 = "经查，嫌疑人酒后在城关镇人民路烧烤店内拳击被侵害人面部致轻微伤，有监控录像证实。";

STORY(facts_edited_before_the_decision_with_history)
{
	struct crew c = crew_of(srv);
	struct session *sz = as(srv, "suozhang"), *fz = as(srv, "fazhi"), *aud = as(srv, "auditor");
	long long id, sus;
	const char *case_no;
	struct resp *r;
	json_t *h;

	id = filed_case(srv, &c, "殴打他人案", 30, 901, &sus);
	case_no = fmt(srv, "%s", rstr(case_get(srv, c.mj1, id), "case.case_no"));
	EXPECT_BOOL(case_get(srv, c.mj1, id), "case.may.facts", 1);
	/* the case's officers only; text required */
	EXPECT_ERR(srv, put_facts(srv, sz, id, F1, NULL), 403, "FORBIDDEN", NULL);
	EXPECT_ERR(srv, put_facts(srv, fz, id, F1, NULL), 403, "FORBIDDEN", NULL);
	EXPECT_BOOL(case_get(srv, sz, id), "case.may.facts", 0);
	EXPECT_ERR(srv, put_facts(srv, c.mj1, id, "", NULL), 400, "INVALID_FIELD", NULL);

	r = put_facts(srv, c.mj1, id, F1, NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "case.facts", F1);
	r = put_facts(srv, as(srv, "minjing2"), id, F2, "伤情鉴定意见已出具");
	EXPECT(r, 200);
	EXPECT_STR(r, "case.facts", F2);
	h = jpath(r->json, "case.facts_history");
	assert_int_equal(json_array_size(h), 2);
	assert_true(json_is_null(json_object_get(json_array_get(h, 0), "old_facts")) ||
		    !json_object_get(json_array_get(h, 0), "old_facts"));
	assert_string_equal(jstr(json_array_get(h, 0), "new_facts"), F1);
	assert_string_equal(jstr(json_array_get(h, 0), "edited_by_name"), "李明");
	assert_string_equal(jstr(json_array_get(h, 1), "old_facts"), F1);
	assert_string_equal(jstr(json_array_get(h, 1), "new_facts"), F2);
	assert_string_equal(jstr(json_array_get(h, 1), "reason"), "伤情鉴定意见已出具");
	assert_string_equal(jstr(json_array_get(h, 1), "edited_by_name"), "张伟");
	/* the same text again: no new history row */
	EXPECT(put_facts(srv, c.mj1, id, F2, NULL), 200);
	assert_int_equal(json_array_size(jpath(case_get(srv, c.mj1, id)->json, "case.facts_history")), 2);
	/* the audit log holds the old and the new text */
	r = http(srv, aud, "GET", fmt(srv, API "/audit?action=case.facts&object_id=%s", case_no), NULL);
	EXPECT(r, 200);
	{
		/* two edits, and the two refusals (denied) */
		json_t *it;
		size_t i;
		int edits = 0, both = 0;

		json_array_foreach(jpath(r->json, "items"), i, it)
			if (!strcmp(jstr(it, "outcome"), "success")) {
				edits++;
				both += strstr(jstr(it, "detail"), fmt(srv, "原：%s｜新：%s", F1, F2)) != NULL;
			}
		assert_int_equal(rnum(r, "total"), 4);
		assert_int_equal(edits, 2);
		assert_int_equal(both, 1);
	}

	/* the submission's facts replace them (history kept), and while the
	 * approvers read the report the text stands */
	EXPECT(propose(srv, c.mj1, id, sus, "OF-052", "基本", 0, 500, 5), 201);
	notice(srv, c.mj1, id, sus, "rights");
	r = act(srv, c.mj1, id, "submit", J(srv, "{s:s, s:s}", "facts", F3, "opinion", "建议行政拘留五日并处罚款五百元"));
	EXPECT_STR(r, "case.status", "approving");
	h = jpath(r->json, "case.facts_history");
	assert_int_equal(json_array_size(h), 3);
	assert_string_equal(jstr(json_array_get(h, 2), "old_facts"), F2);
	assert_string_equal(jstr(json_array_get(h, 2), "new_facts"), F3);
	EXPECT_ERR(srv, put_facts(srv, c.mj1, id, F1, NULL), 409, "FACTS_IN_APPROVAL", NULL);
	EXPECT_BOOL(case_get(srv, c.mj1, id), "case.may.facts", 0);
	/* a rejection reopens them */
	EXPECT_STR(act(srv, fz, id, "reject", "{\"opinion\":\"事实部分请补充监控录像内容\"}"), "case.status", "filed");
	EXPECT(put_facts(srv, c.mj1, id, F3, "补充监控录像内容"), 200);
	EXPECT_STR(act(srv, c.mj1, id, "submit", NULL), "case.status", "approving");
	EXPECT(act(srv, fz, id, "approve", NULL), 200);
	EXPECT(act(srv, sz, id, "approve", NULL), 200);
	EXPECT(act(srv, as(srv, "fazhidadui"), id, "approve", NULL), 200);
	r = act(srv, as(srv, "juzhang"), id, "approve", NULL);
	EXPECT_STR(r, "case.status", "decided");
	/* what the 决定书 prints; fixed from now on */
	EXPECT_STR(r, "case.facts", F3);
	EXPECT_STR(r, "case.request_report.facts", F3);
	EXPECT_ERR(srv, put_facts(srv, c.mj1, id, F1, NULL), 409, "FACTS_LOCKED", NULL);
	EXPECT_STR(case_get(srv, c.mj1, id), "case.facts", F3);
}

/* The 呈请报告 lists the 证据清单: three items entered by hand, in order,
 * with their kinds — and nothing else (no sentence about 笔录 or property). */
STORY(request_report_lists_the_evidence_file)
{
	struct crew c = crew_of(srv);
	struct session *fz = as(srv, "fazhi");
	static const char *const kinds[3] = { "documentary", "audiovisual", "appraisal" };
	static const char *const labels[3] = { "书证", "视听资料", "鉴定意见" };
	static const char *const titles[3] = { "烧烤店消费小票", "烧烤店监控录像（2段）", "人体损伤程度鉴定意见书" };
	long long id, sus;
	struct resp *r;
	json_t *ev;

	id = filed_case(srv, &c, "殴打他人案", 30, 911, &sus);
	r = case_get(srv, c.mj1, id);
	assert_int_equal(json_array_size(jpath(r->json, "case.request_report.evidence")), 0);
	for (int i = 0; i < 3; i++)
		EXPECT(http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/evidence", id),
			    J(srv, "{s:s, s:s, s:s}", "kind", kinds[i], "title", titles[i], "source", "办案民警调取")),
		       201);
	EXPECT(put_facts(srv, c.mj1, id, F3, NULL), 200);
	EXPECT(propose(srv, c.mj1, id, sus, "OF-052", "基本", 0, 500, 5), 201);
	notice(srv, c.mj1, id, sus, "rights");
	EXPECT(act(srv, c.mj1, id, "submit", "{\"opinion\":\"建议行政拘留五日并处罚款五百元\"}"), 200);
	/* what the 法制员 reads before approving */
	r = case_get(srv, fz, id);
	EXPECT(r, 200);
	EXPECT_STR(r, "case.request_report.facts", F3);
	EXPECT_STR(r, "case.request_report.opinion", "建议行政拘留五日并处罚款五百元");
	EXPECT_STR(r, "case.request_report.by_name", "李明");
	ev = jpath(r->json, "case.request_report.evidence");
	assert_int_equal(json_array_size(ev), 3);
	for (int i = 0; i < 3; i++) {
		json_t *e = json_array_get(ev, (size_t)i);

		assert_int_equal(jint(e, "no"), i + 1);
		assert_string_equal(jstr(e, "kind"), kinds[i]);
		assert_string_equal(jstr(e, "kind_label"), labels[i]);
		assert_string_equal(jstr(e, "title"), titles[i]);
		assert_string_equal(jstr(e, "source"), "办案民警调取");
	}
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(facts_edited_before_the_decision_with_history),
		T(request_report_lists_the_evidence_file),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
