/* api_staff.c — 队伍管理 (issue 18, part 1): staff records as personal data
 * of the unit's chief and the personnel role (内勤), the structure figures
 * counted by hand from the demo's 城关 accounts, and TEAM-QUAL-USE: an
 * officer without a valid 基本级 执法资格 is refused as a case's main handler
 * on every path that makes one (受案登记, 补录, a case from a 110 feedback),
 * while he may still be a co-officer; the setting team.qual_required off
 * lets him. */
#include "case_util.h"

static int story_setup(void **state)
{
	nsessions = 0;
	return setup_demo(state);
}

static const char *record(struct server *srv, const char *kind, const char *level, const char *expiry)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "staff_kind", kind, "politics", "party", "education",
			      "bachelor", "birth_date", "1990-05-01", "qual_level", level, "post", "社区民警");

	if (strcmp(level, "none") != 0)
		json_object_set_new(o, "qual_date", json_string("2020-06-01"));
	if (expiry)
		json_object_set_new(o, "qual_expiry", json_string(expiry));
	return jdump(srv, o);
}

static json_t *find_user(json_t *items, long long id)
{
	json_t *it;
	size_t i;

	json_array_foreach(items, i, it)
		if (jint(it, "user_id") == id)
			return it;
	return NULL;
}

STORY(records_and_figures)
{
	struct session *nq = as(srv, "neiqin"), *mj1 = as(srv, "minjing1"), *bs = as(srv, "beishe_sz");
	long long me = me_id(srv, mj1, NULL), fj = colleague(srv, mj1, "周小勇");
	struct resp *r;
	json_t *it;

	/* the personnel role reads the station's records: bands, not ages */
	r = http(srv, nq, "GET", API "/staff", NULL);
	EXPECT(r, 200);
	/* 城关 and its two 警务室: 王建华, 李明, 张伟, 刘强, 陈刚, 赵丽, 孙芳,
	 * 周小勇, 吴秀兰 — 9 accounts */
	assert_int_equal(json_array_size(jpath(r->json, "items")), 9);
	it = find_user(jpath(r->json, "items"), me);
	assert_non_null(it);
	assert_true(json_is_true(json_object_get(it, "has_record")));
	assert_true(json_is_string(json_object_get(it, "age_band")));
	assert_null(json_object_get(it, "birth_date"));
	assert_true(audit_count(srv, as(srv, "auditor"), "staff.list", "neiqin", "success") >= 1);
	/* an officer does not; another station's chief is refused and audited */
	assert_error(srv, http(srv, mj1, "GET", API "/staff", NULL), 403, "FORBIDDEN");
	assert_error(srv, http(srv, bs, "GET", fmt(srv, API "/staff/%lld", me), NULL), 403, "FORBIDDEN");
	assert_true(audit_count(srv, as(srv, "auditor"), "staff.list", "beishe_sz", "denied") >= 1);
	r = http(srv, as(srv, "suozhang"), "GET", fmt(srv, API "/staff/%lld", me), NULL);
	EXPECT(r, 200);
	assert_int_equal(strlen(rstr(r, "staff.birth_date")), 10);

	/* figures: 7 police (chief, 4 officers, 法制员, 内勤), 1 辅警, 1 以工代警
	 * (the archivist); every officer can read them */
	r = http(srv, mj1, "GET", API "/staff/figures", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "unit.total", 9);
	EXPECT_NUM(r, "unit.staff_kind.police", 7);
	EXPECT_NUM(r, "unit.staff_kind.auxiliary", 1);
	EXPECT_NUM(r, "unit.staff_kind.ywdj", 1);
	EXPECT_NUM(r, "unit.qual_valid", 7);
	assert_true(rnum(r, "county.total") > 9);
	assert_int_equal(json_array_size(jpath(r->json, "age_bands")), 7);

	/* an auxiliary is no police officer and holds no 执法资格 */
	EXPECT_ERR(srv, http(srv, nq, "PUT", fmt(srv, API "/staff/%lld", fj), record(srv, "police", "none", NULL)),
		   400, "INVALID_FIELD", NULL);
	EXPECT_RULE(srv, http(srv, nq, "PUT", fmt(srv, API "/staff/%lld", fj), record(srv, "auxiliary", "basic", NULL)),
		    "TEAM-AUX-STATUS");
	/* a record changed moves the figures: 李明 to 共青团员 */
	r = http(srv, mj1, "GET", API "/staff/figures", NULL);
	long long league = rnum(r, "unit.politics.league");
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "staff_kind", "police", "politics", "league",
			      "education", "bachelor", "birth_date", "1996-05-01", "qual_level", "basic", "qual_date",
			      "2020-06-01");
	EXPECT(http(srv, nq, "PUT", fmt(srv, API "/staff/%lld", me), jdump(srv, o)), 200);
	r = http(srv, mj1, "GET", API "/staff/figures", NULL);
	EXPECT_NUM(r, "unit.politics.league", league + 1);
}

/* 110 call to 城关 dispatched to 李明 with 张伟, acknowledged and arrived. */
static long long call_for(struct server *srv, long long station, long long mj1, long long mj2)
{
	struct resp *r = http(srv, as(srv, "jiejing"), "POST", API "/incidents",
			      J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:I}", "source", "110", "caller_name", "陈某",
				"caller_phone", "13912345678", "place", "城关镇解放路17号", "category", "0202",
				"summary", "报警人称被人殴打", "station_id", (json_int_t)station));
	long long id;

	EXPECT(r, 201);
	id = rnum(r, "incident.id");
	EXPECT(http(srv, as(srv, "jiejing"), "POST", fmt(srv, API "/incidents/%lld/dispatch", id),
		    J(srv, "{s:I, s:[I, I]}", "station_id", (json_int_t)station, "officer_ids", (json_int_t)mj1,
		      (json_int_t)mj2)),
	       200);
	EXPECT(http(srv, as(srv, "minjing1"), "POST", fmt(srv, API "/incidents/%lld/acknowledge", id), NULL), 200);
	EXPECT(http(srv, as(srv, "minjing1"), "POST", fmt(srv, API "/incidents/%lld/arrive", id), NULL), 200);
	return id;
}

STORY(qualification_on_every_main_handler_path)
{
	struct crew c = crew_of(srv);
	struct session *nq = as(srv, "neiqin"), *mj2 = as(srv, "minjing2");
	long long cg = unit_id(srv, c.mj1, "城关派出所"), inc;
	const char *today = day_str(srv, 0), *yesterday = day_str(srv, -1), *walkin;
	struct resp *r;

	walkin = J(srv, "{s:s, s:s, s:s, s:s, s:I}", "kind", "admin", "title", "资格检查案", "source", "walk_in",
		   "act_date", yesterday, "co_officer_id", (json_int_t)c.mj2);
	/* qualified (demo): 李明 enters a case */
	EXPECT(http(srv, c.mj1, "POST", API "/cases", walkin), 201);

	/* his 执法资格 expired yesterday: refused as main handler */
	EXPECT(http(srv, nq, "PUT", fmt(srv, API "/staff/%lld", c.me), record(srv, "police", "basic", yesterday)), 200);
	r = http(srv, c.mj1, "GET", fmt(srv, API "/staff/%lld", c.me), NULL);
	assert_error(srv, r, 403, "FORBIDDEN");
	EXPECT_RULE(srv, http(srv, c.mj1, "POST", API "/cases", walkin), "TEAM-QUAL-USE");
	/* valid through today: allowed */
	EXPECT(http(srv, nq, "PUT", fmt(srv, API "/staff/%lld", c.me), record(srv, "police", "basic", today)), 200);
	EXPECT(http(srv, c.mj1, "POST", API "/cases", walkin), 201);

	/* no qualification at all */
	EXPECT(http(srv, nq, "PUT", fmt(srv, API "/staff/%lld", c.me), record(srv, "police", "none", NULL)), 200);
	/* path 1: 受案登记 */
	EXPECT_RULE(srv, http(srv, c.mj1, "POST", API "/cases", walkin), "TEAM-QUAL-USE");
	/* path 2: 补录 */
	EXPECT_RULE(srv,
		    http(srv, c.mj1, "POST", API "/cases",
			 J(srv, "{s:s, s:s, s:s, s:s, s:I, s:b, s:s}", "kind", "admin", "title", "补录资格检查案",
			   "source", "walk_in", "act_date", day_str(srv, -3), "co_officer_id", (json_int_t)c.mj2,
			   "late_entry", 1, "late_reason", "系统停用期间纸质办理")),
		    "TEAM-QUAL-USE");
	/* path 3: a case from a 110 feedback */
	inc = call_for(srv, cg, c.me, c.mj2);
	EXPECT_RULE(srv,
		    http(srv, c.mj1, "POST", fmt(srv, API "/incidents/%lld/feedback", inc),
			 J(srv, "{s:s, s:s, s:s, s:s, s:I}", "outcome", "admin_case", "text", "经查王某殴打陈某",
			   "title", "王某殴打他人案", "offence_code", "OF-052", "co_officer_id", (json_int_t)c.mj2)),
		    "TEAM-QUAL-USE");
	/* he may still assist a qualified officer as co-officer */
	EXPECT(http(srv, mj2, "POST", API "/cases",
		    J(srv, "{s:s, s:s, s:s, s:s, s:I}", "kind", "admin", "title", "协办资格检查案", "source",
		      "walk_in", "act_date", yesterday, "co_officer_id", (json_int_t)c.me)),
	       201);

	/* the county turns the requirement off: allowed on every path */
	EXPECT(http(srv, as(srv, "admin"), "PUT", API "/settings/team.qual_required", "{\"value\":false}"), 200);
	EXPECT(http(srv, c.mj1, "POST", API "/cases", walkin), 201);
	r = http(srv, c.mj1, "POST", fmt(srv, API "/incidents/%lld/feedback", inc),
		 J(srv, "{s:s, s:s, s:s, s:s, s:I}", "outcome", "admin_case", "text", "经查王某殴打陈某", "title",
		   "王某殴打他人案", "offence_code", "OF-052", "co_officer_id", (json_int_t)c.mj2));
	EXPECT(r, 200);
	assert_true(rnum(r, "incident.case_id") > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(records_and_figures, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(qualification_on_every_main_handler_path, story_setup, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
