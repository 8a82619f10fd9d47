/* api_equipment.c — 装备管理责任到人 over HTTP (issue 18, part 2): kit
 * registered by the chief, issued to and returned by named officers, and
 * the recorder check TEAM-EQUIP-RECORDER: a recording id given with a 笔录,
 * a 当场处罚 or a 送达 must come from a recorder held then by an officer
 * present — else a warning is kept and the record is still saved.
 *
 * A fresh demo county; the demo's own recordings (AV-DEMO-…) name no
 * recorder and are warned already, so each check below counts the new
 * warnings only. */
#include "harness.h"
#include "case_util.h"

#include <string.h>

static int count_warnings(struct server *srv, struct session *s, const char *recording, const char *reason)
{
	struct resp *r = http(srv, s, "GET", API "/recording-warnings", NULL);
	json_t *it;
	size_t i;
	int n = 0;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "recording_id"), recording) && (!reason || !strcmp(jstr(it, "reason"), reason)))
			n++;
	return n;
}

static long long kit(struct server *srv, struct session *chief, const char *kind, const char *code)
{
	struct resp *r = http(srv, chief, "POST", API "/equipment",
			      fmt(srv, "{\"kind\":\"%s\",\"code\":\"%s\",\"model\":\"测试型号\"}", kind, code));

	EXPECT(r, 201);
	return rnum(r, "equipment.id");
}

/* a fresh server each story: forget the sessions of the last one */
static int story_setup(void **state)
{
	nsessions = 0;
	return setup_demo(state);
}

STORY(issue_and_return)
{
	struct session *chief = as(srv, "suozhang"), *mj1 = as(srv, "minjing1"), *mj2 = as(srv, "minjing2");
	long long me1 = me_id(srv, mj1, NULL), me2 = me_id(srv, mj2, NULL), radio, other;
	long long now = (long long)srv_now(srv);
	struct resp *r;

	radio = kit(srv, chief, "radio", "DJJ-T1");
	/* the same code twice in a station; an officer may not register kit */
	assert_error(srv, http(srv, chief, "POST", API "/equipment", "{\"kind\":\"radio\",\"code\":\"DJJ-T1\"}"), 409, NULL);
	assert_error(srv, http(srv, mj1, "POST", API "/equipment", "{\"kind\":\"radio\",\"code\":\"DJJ-T9\"}"), 403, NULL);
	/* not to someone of another station, not in the future */
	other = user_id(srv, as(srv, "admin"), "beishe_mj1");
	r = http(srv, chief, "POST", fmt(srv, API "/equipment/%lld/issue", radio), fmt(srv, "{\"officer_id\":%lld}", other));
	assert_error(srv, r, 400, NULL);
	assert_string_equal(rstr(r, "error.field"), "officer_id");
	r = http(srv, chief, "POST", fmt(srv, API "/equipment/%lld/issue", radio),
		 fmt(srv, "{\"officer_id\":%lld,\"issued_at\":%lld}", me1, now + 3600));
	assert_error(srv, r, 400, NULL);
	/* issued to 李明 two hours ago; not again while held */
	EXPECT(http(srv, chief, "POST", fmt(srv, API "/equipment/%lld/issue", radio),
		    fmt(srv, "{\"officer_id\":%lld,\"issued_at\":%lld,\"purpose\":\"巡逻\"}", me1, now - 7200)), 201);
	assert_error(srv, http(srv, chief, "POST", fmt(srv, API "/equipment/%lld/issue", radio),
			       fmt(srv, "{\"officer_id\":%lld}", me2)), 409, "ALREADY_ISSUED");
	r = http(srv, mj2, "GET", API "/equipment?kind=radio", NULL);
	EXPECT(r, 200);
	{
		json_t *it;
		size_t i;
		int seen = 0;

		json_array_foreach(jpath(r->json, "items"), i, it)
			if (!strcmp(jstr(it, "code"), "DJJ-T1")) {
				assert_int_equal(jint(it, "holder_id"), me1);
				assert_string_equal(jstr(it, "holder_name"), "李明");
				seen = 1;
			}
		assert_true(seen);
	}
	/* 张伟 cannot hand back what 李明 holds; 李明 can */
	assert_error(srv, http(srv, mj2, "POST", fmt(srv, API "/equipment/%lld/return", radio), "{}"), 403, NULL);
	r = http(srv, mj1, "POST", fmt(srv, API "/equipment/%lld/return", radio), "{\"note\":\"完好\"}");
	EXPECT(r, 200);
	assert_error(srv, http(srv, mj1, "POST", fmt(srv, API "/equipment/%lld/return", radio), "{}"), 409, "NOT_ISSUED");
	r = http(srv, chief, "GET", fmt(srv, API "/equipment/%lld", radio), NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "equipment.issues")), 1);
	assert_true(jint(json_array_get(jpath(r->json, "equipment.issues"), 0), "returned_at") > 0);
	/* another station's chief may not read it */
	assert_error(srv, http(srv, as(srv, "beishe_sz"), "GET", fmt(srv, API "/equipment/%lld", radio), NULL), 403, NULL);
}

STORY(recorder_check_warns)
{
	struct crew c = crew_of(srv);
	struct session *chief = as(srv, "suozhang");
	long long rec1 = kit(srv, chief, "recorder", "JLY-T1"), rec2 = kit(srv, chief, "recorder", "JLY-T2");
	long long now = (long long)srv_now(srv), sus, id, iv;
	struct resp *r;

	/* JLY-T1 held by 李明 since an hour ago; JLY-T2 by the chief */
	EXPECT(http(srv, chief, "POST", fmt(srv, API "/equipment/%lld/issue", rec1),
		    fmt(srv, "{\"officer_id\":%lld,\"issued_at\":%lld}", c.me, now - 3600)), 201);
	EXPECT(http(srv, chief, "POST", fmt(srv, API "/equipment/%lld/issue", rec2),
		    fmt(srv, "{\"officer_id\":%lld,\"issued_at\":%lld}", me_id(srv, chief, NULL), now - 3600)), 201);
	id = filed_case(srv, &c, "记录仪核对案", 30, 1, &sus);

	/* a 笔录 by 李明 and 张伟 recorded on JLY-T1, which 李明 holds: no warning */
	r = iv_post(srv, c.mj1, id, iv_with(sus, c.me, c.mj2, "{\"recording_id\":\"JLY-T1-20261203-01\"}"));
	EXPECT(r, 201);
	assert_int_equal(count_warnings(srv, chief, "JLY-T1-20261203-01", NULL), 0);
	/* on JLY-T2, held by the chief who was not there: saved, and warned */
	r = iv_post(srv, c.mj1, id, iv_with(sus, c.me, c.mj2, "{\"recording_id\":\"JLY-T2-20261203-02\"}"));
	EXPECT(r, 201);
	iv = rnum(r, "interview.id");
	assert_int_equal(count_warnings(srv, chief, "JLY-T2-20261203-02", "not_held"), 1);
	/* an id no recorder of the station has: warned as unknown */
	r = iv_post(srv, c.mj1, id, iv_with(sus, c.me, c.mj2, "{\"recording_id\":\"XX-404-01\"}"));
	EXPECT(r, 201);
	assert_int_equal(count_warnings(srv, chief, "XX-404-01", "unknown"), 1);
	/* a code is a whole prefix: JLY-T10 is not JLY-T1 */
	r = iv_post(srv, c.mj1, id, iv_with(sus, c.me, c.mj2, "{\"recording_id\":\"JLY-T10-01\"}"));
	EXPECT(r, 201);
	assert_int_equal(count_warnings(srv, chief, "JLY-T10-01", "unknown"), 1);
	/* the edit path: the recording changed to JLY-T1 is not warned again */
	EXPECT(iv_patch(srv, c.mj1, iv, "{\"recording_id\":\"JLY-T1-20261203-03\"}"), 200);
	assert_int_equal(count_warnings(srv, chief, "JLY-T1-20261203-03", NULL), 0);

	/* after 李明 hands JLY-T1 back, a 当场处罚 recorded on it is warned */
	EXPECT(http(srv, c.mj1, "POST", fmt(srv, API "/equipment/%lld/return", rec1), "{}"), 200);
	clock_advance(srv, 60);
	r = http(srv, c.mj1, "POST", API "/cases",
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s}", "kind", "admin", "procedure", "onspot", "title", "当场处罚记录仪案",
		   "source", "patrol", "act_date", day_str(srv, 0), "recording_id", "JLY-T1-20261203-09"));
	EXPECT(r, 201);
	id = rnum(r, "case.id");
	assert_int_equal(count_warnings(srv, chief, "JLY-T1-20261203-09", "not_held"), 1);
	/* the warning names the case and the rule */
	r = http(srv, chief, "GET", API "/recording-warnings", NULL);
	EXPECT_STR(r, "rule", "TEAM-EQUIP-RECORDER");
	assert_string_equal(jstr(json_array_get(jpath(r->json, "items"), 0), "recording_id"), "JLY-T1-20261203-09");
	assert_int_equal(jint(json_array_get(jpath(r->json, "items"), 0), "case_id"), id);
	/* another station sees none of them */
	r = http(srv, as(srv, "beishe_sz"), "GET", API "/recording-warnings", NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(issue_and_return, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(recorder_check_warns, story_setup, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
