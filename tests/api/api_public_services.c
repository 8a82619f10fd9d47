/* api_public_services.c — 为民服务 over HTTP (issue 16, part B): records of each kind
 * with their required fields, a 救助 linked to the station's incident (not
 * another station's), per-officer and station figures computed by hand, and
 * a 治安形势预报 for a village made from the incidents naming it, this week
 * against the week before.
 *
 * A fresh demo county; the demo's service records are all dated before today,
 * so the figures of today are those made here. */
#include "harness.h"
#include "case_util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct session *who[3];
static const char *whon[3] = { "minjing1", "minjing2", "jiejing" };

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

static long long incident_at(struct server *srv, long long station, const char *category, const char *place, long long ago)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:I}", "source", "110", "caller_name", "报警人",
			      "caller_phone", "13912345678", "place", place, "category", category, "summary", "群众报警",
			      "station_id", (json_int_t)station, "received_at",
			      (json_int_t)(time(NULL) + srv->clock_offset - ago));
	struct resp *r = http(srv, S(srv, 2), "POST", API "/incidents", jdump(srv, o)); /* consumes o */

	EXPECT(r, 201);
	return rnum(r, "incident.id");
}

static json_t *officer_row(json_t *officers, const char *name)
{
	json_t *it;
	size_t i;

	json_array_foreach(officers, i, it)
		if (!strcmp(jstr(it, "officer_name"), name))
			return it;
	return NULL;
}

STORY(service_figures)
{
	long long cg = unit_id(srv, S(srv, 0), "城关派出所"), bs = unit_id(srv, S(srv, 0), "北社派出所");
	long long own = incident_at(srv, cg, "0211", "城关镇东街走失老人", 3600);
	long long other = incident_at(srv, bs, "0211", "北社镇北关村", 3600);
	const char *today = day_str(srv, 0), *m1 = NULL, *m2 = NULL;
	struct resp *r;
	json_t *f;

	me_id(srv, S(srv, 0), &m1);
	me_id(srv, S(srv, 1), &m2);
	/* refusals: a class without its class, a future day, another station's incident */
	r = http(srv, S(srv, 0), "POST", API "/public-services",
		 fmt(srv, "{\"kind\":\"legal_class\",\"service_on\":\"%s\",\"place\":\"城关第一小学\",\"audience\":45}", today));
	assert_error(srv, r, 400, NULL);
	assert_string_equal(rstr(r, "error.field"), "class_name");
	r = http(srv, S(srv, 0), "POST", API "/public-services",
		 fmt(srv, "{\"kind\":\"publicity\",\"service_on\":\"%s\",\"place\":\"集市\",\"topic\":\"防诈骗\"}", day_str(srv, 1)));
	assert_error(srv, r, 400, NULL);
	r = http(srv, S(srv, 0), "POST", API "/public-services",
		 fmt(srv, "{\"kind\":\"rescue\",\"service_on\":\"%s\",\"person_helped\":\"走失老人\",\"help\":\"送回家\","
			  "\"incident_id\":%lld}",
		     today, other));
	assert_error(srv, r, 403, NULL);

	/* minjing1: a class of 45, publicity to 120, a rescue on the station's
	 * incident, 2 certificates, 3 consultations; minjing2: a class of 30 */
	EXPECT(http(srv, S(srv, 0), "POST", API "/public-services",
		    fmt(srv, "{\"kind\":\"legal_class\",\"service_on\":\"%s\",\"place\":\"城关第一小学\",\"class_name\":\"五年级二班\","
			     "\"topic\":\"预防校园欺凌\",\"audience\":45}",
			today)),
	       201);
	EXPECT(http(srv, S(srv, 0), "POST", API "/public-services",
		    fmt(srv, "{\"kind\":\"publicity\",\"service_on\":\"%s\",\"place\":\"汽车站\",\"topic\":\"返乡农民工防诈骗\","
			     "\"audience\":120,\"materials\":\"宣传单300份\"}",
			today)),
	       201);
	EXPECT(http(srv, S(srv, 0), "POST", API "/public-services",
		    fmt(srv, "{\"kind\":\"rescue\",\"service_on\":\"%s\",\"person_helped\":\"走失老人\",\"help\":\"护送回家\","
			     "\"incident_id\":%lld}",
			today, own)),
	       201);
	EXPECT(http(srv, S(srv, 0), "POST", API "/public-services",
		    fmt(srv, "{\"kind\":\"convenience\",\"service_on\":\"%s\",\"convenience\":\"certificate\",\"quantity\":2}",
			today)),
	       201);
	EXPECT(http(srv, S(srv, 0), "POST", API "/public-services",
		    fmt(srv, "{\"kind\":\"convenience\",\"service_on\":\"%s\",\"convenience\":\"consultation\",\"quantity\":3}",
			today)),
	       201);
	EXPECT(http(srv, S(srv, 1), "POST", API "/public-services",
		    fmt(srv, "{\"kind\":\"legal_class\",\"service_on\":\"%s\",\"place\":\"城关中学\",\"class_name\":\"初一\","
			     "\"audience\":30}",
			today)),
	       201);

	r = http(srv, S(srv, 0), "GET", fmt(srv, API "/public-services/figures?from=%s&to=%s", today, today), NULL);
	EXPECT(r, 200);
	assert_non_null(f = officer_row(jpath(r->json, "officers"), m1));
	assert_int_equal(jint(f, "legal_class"), 1);
	assert_int_equal(jint(f, "publicity"), 1);
	assert_int_equal(jint(f, "rescue"), 1);
	assert_int_equal(jint(f, "convenience"), 2);
	assert_int_equal(jint(f, "audience"), 45 + 120);
	assert_int_equal(jint(f, "certificates"), 2);
	assert_int_equal(jint(f, "consultations"), 3);
	assert_non_null(f = officer_row(jpath(r->json, "officers"), m2));
	assert_int_equal(jint(f, "legal_class"), 1);
	assert_int_equal(jint(f, "audience"), 30);
	EXPECT_NUM(r, "station.legal_class", 2);
	EXPECT_NUM(r, "station.audience", 45 + 120 + 30);
	EXPECT_NUM(r, "station.rescue", 1);
	EXPECT_NUM(r, "station.certificates", 2);
	/* the rescue names its incident in the list */
	r = http(srv, S(srv, 0), "GET", fmt(srv, API "/public-services?kind=rescue&from=%s", today), NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 1);
	assert_int_equal(rnum(r, "items.0.incident_id"), own);
}

/* 治安形势预报 for 试验村 over the last 7 days: 盗窃 and 电信网络诈骗 this week,
 * one 盗窃 10 days ago (the week before); one elsewhere not counted. */
STORY(security_forecast)
{
	long long cg = unit_id(srv, S(srv, 0), "城关派出所"), id;
	struct resp *r;
	json_t *it;
	size_t i;
	int seen = 0;

	incident_at(srv, cg, "0201", "城关镇试验村3组王家", 2 * 86400);
	incident_at(srv, cg, "0104", "城关镇试验村5组", 3 * 86400);
	incident_at(srv, cg, "0201", "城关镇试验村1组", 10 * 86400);
	incident_at(srv, cg, "0201", "城关镇东街12号", 2 * 86400);
	r = http(srv, S(srv, 0), "POST", API "/security-forecasts",
		 fmt(srv, "{\"community\":\"试验村\",\"from_on\":\"%s\",\"to_on\":\"%s\"}", day_str(srv, -6), day_str(srv, 0)));
	EXPECT(r, 201);
	id = rnum(r, "forecast.id");
	assert_non_null(strstr(rstr(r, "forecast.body"), "共接报警情2起（上一同期1起，上升1起）"));
	assert_non_null(strstr(rstr(r, "forecast.body"), "盗窃1起"));
	assert_non_null(strstr(rstr(r, "forecast.body"), "电信网络诈骗1起"));
	assert_null(strstr(rstr(r, "forecast.body"), "重点人口"));
	json_array_foreach(jpath(r->json, "forecast.figures"), i, it)
		if (!strcmp(jstr(it, "category"), "0201")) {
			assert_int_equal(jint(it, "n"), 1);
			assert_int_equal(jint(it, "before"), 1);
			seen = 1;
		}
	assert_true(seen);
	r = http(srv, S(srv, 0), "GET", fmt(srv, API "/security-forecasts/%lld", id), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "forecast.community", "试验村");
	assert_error(srv, http(srv, login(srv, "beishe_mj1", DEMO_PW), "GET", fmt(srv, API "/security-forecasts/%lld", id), NULL),
		     403, NULL);
	/* a period ending tomorrow: 400 */
	assert_error(srv,
		     http(srv, S(srv, 0), "POST", API "/security-forecasts",
			  fmt(srv, "{\"community\":\"试验村\",\"from_on\":\"%s\",\"to_on\":\"%s\"}", day_str(srv, -6),
			      day_str(srv, 1))),
		     400, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(service_figures, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(security_forecast, story_setup, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
