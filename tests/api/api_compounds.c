/* api_compounds.c — 安全小区 over HTTP (issue 16, part B; COM-SAFE-AREA: the
 * county's criteria are settings): a compound made of two buildings of the
 * demo's 东街社区, a 入室盗窃 call naming it 45 days ago, assessments on both
 * sides of it, the dated designation read back for any day, the months
 * setting moving the window, and the coverage criterion.
 *
 * A fresh demo county; the compounds here have names of their own. */
#include "harness.h"
#include "case_util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct session *who[4];
static const char *whon[4] = { "minjing1", "jiejing", "admin", "fujing" };

static int story_setup(void **state)
{
	memset(who, 0, sizeof(who));
	return setup_demo(state);
}

static struct session *S(struct server *srv, int i)
{
	if (!who[i])
		who[i] = login(srv, whon[i], DEMO_PW);
	return who[i];
}
#define MJ S(srv, 0)
#define DESK S(srv, 1)
#define ADMIN S(srv, 2)
#define AUX S(srv, 3)

static json_t *find_id(json_t *items, long long id)
{
	json_t *it;
	size_t i;

	json_array_foreach(items, i, it)
		if (jint(it, "id") == id)
			return it;
	return NULL;
}

/* designated on day (delta from today)? */
static int designated_on(struct server *srv, long long id, int delta)
{
	struct resp *r = http(srv, MJ, "GET", fmt(srv, API "/compounds?as_of=%s", day_str(srv, delta)), NULL);
	json_t *it;

	EXPECT(r, 200);
	it = find_id(jpath(r->json, "items"), id);
	assert_non_null(it);
	return json_is_true(json_object_get(it, "designated"));
}

static struct resp *assess(struct server *srv, struct session *s, long long id, int delta)
{
	return http(srv, s, "POST", fmt(srv, API "/compounds/%lld/assessments", id),
		    fmt(srv, "{\"assessed_on\":\"%s\"}", day_str(srv, delta)));
}

STORY(designation_by_criteria)
{
	long long a, b, cg = unit_id(srv, MJ, "城关派出所");
	long long residents = db_raw_int(srv->db,
					 "SELECT COUNT(*) FROM person p JOIN address a ON a.id = p.address_id"
					 " WHERE a.community = '东街社区' AND a.building IN ('1号楼','2号楼')",
					 NULL);
	struct resp *r;

	/* refusals: a building the community does not have */
	r = http(srv, MJ, "POST", API "/compounds",
		 "{\"name\":\"试验阳光小区\",\"community\":\"东街社区\",\"buildings\":[\"1号楼\",\"99号楼\"]}");
	assert_error(srv, r, 400, NULL);
	assert_string_equal(rstr(r, "error.field"), "buildings");
	r = http(srv, MJ, "POST", API "/compounds",
		 "{\"name\":\"试验阳光小区\",\"community\":\"东街社区\",\"buildings\":[\"1号楼\",\"2号楼\"],"
		 "\"buildings_total\":2,\"buildings_covered\":2,\"patrol\":true,\"access_control\":true,\"guards\":2,"
		 "\"measures\":\"门禁、夜间巡逻\"}");
	EXPECT(r, 201);
	a = rnum(r, "compound.id");
	r = http(srv, MJ, "POST", API "/compounds",
		 "{\"name\":\"试验幸福小区\",\"community\":\"东街社区\",\"buildings\":[\"3号楼\",\"4号楼\"],"
		 "\"buildings_covered\":1,\"patrol\":true}");
	EXPECT(r, 201);
	b = rnum(r, "compound.id");
	r = http(srv, MJ, "GET", fmt(srv, API "/compounds/%lld", a), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "compound.households", 48); /* 24 rooms in each of the two buildings */
	EXPECT_NUM(r, "compound.residents", residents);
	EXPECT_NUM(r, "compound.coverage_pct", 100);

	/* a 入室盗窃 (0101) in 试验阳光小区, 20 days ago */
	{
		json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:I}", "source", "110", "caller_name", "报警人",
				      "caller_phone", "13912345678", "place", "城关镇东街试验阳光小区2号楼301", "category",
				      "0101", "summary", "家中被盗", "station_id", (json_int_t)cg, "received_at",
				      (json_int_t)(time(NULL) + srv->clock_offset - 20 * 86400));

		r = http(srv, DESK, "POST", API "/incidents", jdump(srv, o)); /* consumes o */
		EXPECT(r, 201);
	}

	/* 25 days ago the 12 months before held no burglary: designated from then */
	r = assess(srv, MJ, a, -25);
	EXPECT(r, 201);
	EXPECT_NUM(r, "assessments.0.burglaries", 0);
	EXPECT_NUM(r, "assessments.0.met", 1);
	/* today the burglary is inside the window: the designation ends today */
	r = assess(srv, MJ, a, 0);
	EXPECT(r, 201);
	EXPECT_NUM(r, "assessments.0.burglaries", 1);
	EXPECT_NUM(r, "assessments.0.met", 0);
	EXPECT_STR(r, "designations.0.from_on", day_str(srv, -25));
	EXPECT_STR(r, "designations.0.to_on", day_str(srv, 0));
	assert_false(designated_on(srv, a, -26));
	assert_true(designated_on(srv, a, -25));
	assert_true(designated_on(srv, a, -1));
	assert_false(designated_on(srv, a, 0));
	/* an assessment may not go back before the last one */
	assert_error(srv, assess(srv, MJ, a, -5), 400, NULL);

	/* the county shortens the window to 1 month; 40 days later the burglary
	 * (60 days back) is outside it: designated again from that day */
	EXPECT(http(srv, ADMIN, "PUT", API "/settings/safe_area.no_burglary_months", "{\"value\":1}"), 200);
	clock_advance(srv, 40 * 86400);
	memset(who, 0, sizeof(who)); /* the sessions timed out */
	r = assess(srv, MJ, a, 0);
	EXPECT(r, 201);
	EXPECT_NUM(r, "assessments.0.burglaries", 0);
	assert_int_equal(json_array_size(jpath(r->json, "designations")), 2);
	assert_true(designated_on(srv, a, 0));
	assert_false(designated_on(srv, a, -40)); /* the day the first period ended */

	/* 试验幸福小区: no burglary, but 1 of 2 buildings covered (50% < 80%) */
	r = assess(srv, MJ, b, 0);
	EXPECT(r, 201);
	EXPECT_NUM(r, "assessments.0.coverage_pct", 50);
	EXPECT_NUM(r, "assessments.0.met", 0);
	assert_false(designated_on(srv, b, 0));

	/* the day's count: of these two, one designated today */
	r = http(srv, MJ, "GET", API "/compounds", NULL);
	EXPECT(r, 200);
	assert_true(json_is_true(json_object_get(find_id(jpath(r->json, "items"), a), "designated")));
	assert_false(json_is_true(json_object_get(find_id(jpath(r->json, "items"), b), "designated")));

	/* an auxiliary does not assess; another station reads nothing */
	assert_error(srv, assess(srv, AUX, a, 0), 403, NULL);
	assert_error(srv, http(srv, login(srv, "beishe_mj1", DEMO_PW), "GET", fmt(srv, API "/compounds/%lld", a), NULL),
		     403, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(designation_by_criteria, story_setup, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
