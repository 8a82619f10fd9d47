/* api_inspections.c — 网上巡查 (issue 15, SUP-INSPECT): the 督察 samples a
 * station's decided cases, lists a finding with a deadline (a clock on the
 * 预警 board until answered), and the station's chief answers it. */
#include "case_util.h"

static const char *level_of(struct server *srv, struct session *s, const char *key)
{
	struct resp *r = http(srv, s, "GET", API "/warnings?level=all&scope=unit", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "key"), key))
			return fmt(srv, "%s", jstr(it, "level"));
	return "-";
}

STORY(sup_inspect)
{
	struct session *dc = as(srv, "ducha"), *sz = as(srv, "suozhang");
	long long cg = unit_id(srv, dc, "城关派出所");
	long long id, k0, other, fid;
	const char *key;
	struct resp *r;
	json_t *it;
	size_t i;

	/* who inspects: the 督察 and 法制, stations only */
	EXPECT_ERR(srv, http(srv, as(srv, "minjing1"), "POST", API "/online-inspections",
			     fmt(srv, "{\"station_id\":%lld,\"title\":\"巡查\",\"sample\":3}", cg)),
		   403, "FORBIDDEN", NULL);
	EXPECT_ERR(srv, http(srv, sz, "POST", API "/online-inspections",
			     fmt(srv, "{\"station_id\":%lld,\"title\":\"巡查\",\"sample\":3}", cg)),
		   403, "FORBIDDEN", NULL);
	EXPECT_ERR(srv, http(srv, dc, "POST", API "/online-inspections",
			     fmt(srv, "{\"station_id\":%lld,\"title\":\"巡查\",\"sample\":3}",
				 unit_id(srv, dc, "示范县公安局"))),
		   404, "NOT_FOUND", NULL);
	/* three decided cases of 城关 at random, answers due in two days */
	r = http(srv, dc, "POST", API "/online-inspections",
		 fmt(srv, "{\"station_id\":%lld,\"title\":\"十二月网上巡查\",\"sample\":3,\"deadline_days\":2}", cg));
	EXPECT(r, 201);
	id = rnum(r, "inspection.id");
	assert_int_equal(json_array_size(jpath(r->json, "inspection.cases")), 3);
	json_array_foreach(jpath(r->json, "inspection.cases"), i, it) {
		const char *st = jstr(it, "status");

		assert_true(!strcmp(st, "decided") || !strcmp(st, "delivered") || !strcmp(st, "closed") ||
			    !strcmp(st, "archived"));
	}
	k0 = jint(json_array_get(jpath(r->json, "inspection.cases"), 0), "id");
	EXPECT(http(srv, as(srv, "fazhidadui"), "POST", API "/online-inspections",
		    fmt(srv, "{\"station_id\":%lld,\"title\":\"法制巡查\",\"sample\":1}", cg)),
	       201);
	/* a station with no decided case has nothing to sample */
	EXPECT_ERR(srv, http(srv, dc, "POST", API "/online-inspections",
			     fmt(srv, "{\"station_id\":%lld,\"title\":\"巡查\",\"sample\":2}",
				 unit_id(srv, dc, "北社派出所"))),
		   409, "NOTHING_TO_INSPECT", NULL);

	/* a finding on a sampled case only */
	other = rnum(case_new(srv, as(srv, "minjing1"), "未抽中的案件", day_str(srv, -1),
			      colleague(srv, as(srv, "minjing1"), "张伟")), "case.id");
	EXPECT_ERR(srv, http(srv, dc, "POST", fmt(srv, API "/online-inspections/%lld/findings", id),
			     fmt(srv, "{\"case_id\":%lld,\"finding\":\"问题\"}", other)),
		   400, NULL, NULL);
	r = http(srv, dc, "POST", fmt(srv, API "/online-inspections/%lld/findings", id),
		 fmt(srv, "{\"case_id\":%lld,\"finding\":\"告知笔录未载明陈述申辩情况\"}", k0));
	EXPECT(r, 201);
	fid = jint(json_array_get(jpath(r->json, "inspection.findings"), 0), "id");
	key = fmt(srv, "inspection:%lld:answer", fid);
	assert_string_equal(level_of(srv, sz, key), "OK");
	clock_advance(srv, 4 * 86400);
	nsessions = 0;
	dc = as(srv, "ducha");
	sz = as(srv, "suozhang");
	assert_string_equal(level_of(srv, sz, key), "BREACH");
	r = http(srv, dc, "GET", API "/online-inspections", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (jint(it, "id") == id) {
			assert_int_equal(jint(it, "cases"), 3);
			assert_int_equal(jint(it, "open_findings"), 1);
			assert_int_equal(jint(it, "overdue"), 1);
		}

	/* the station's own chief answers */
	EXPECT_ERR(srv, http(srv, as(srv, "minjing1"), "POST", fmt(srv, API "/inspection-findings/%lld/answer", fid),
			     "{\"answer\":\"已整改\"}"),
		   403, "FORBIDDEN", NULL);
	EXPECT_ERR(srv, http(srv, as(srv, "juzhang"), "POST", fmt(srv, API "/inspection-findings/%lld/answer", fid),
			     "{\"answer\":\"已整改\"}"),
		   403, "FORBIDDEN", NULL);
	EXPECT_ERR(srv, http(srv, as(srv, "beishe_sz"), "POST", fmt(srv, API "/inspection-findings/%lld/answer", fid),
			     "{\"answer\":\"已整改\"}"),
		   403, "FORBIDDEN", NULL);
	r = http(srv, sz, "POST", fmt(srv, API "/inspection-findings/%lld/answer", fid),
		 "{\"answer\":\"已补充告知笔录，组织全所学习\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "inspection.findings.0.answer", "已补充告知笔录，组织全所学习");
	assert_string_equal(level_of(srv, sz, key), "-");
	EXPECT_ERR(srv, http(srv, sz, "POST", fmt(srv, API "/inspection-findings/%lld/answer", fid),
			     "{\"answer\":\"再答\"}"),
		   409, "ALREADY_ANSWERED", NULL);
}

STORY(audit_holds_no_id_number)
{
	assert_int_equal(audit_id_numbers(srv), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(sup_inspect),
		T(audit_holds_no_id_number),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
