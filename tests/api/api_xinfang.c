/* api_xinfang.c — the 信访工作条例 and 行政复议法/行政诉讼法 rows of issue 15
 * that the first supervision round left out, driven over HTTP against the
 * demo county (src/seed/seed_supervision.c):
 *   - SUP-XF-SCOPE: every item is registered with its outcome code; an item
 *     not ours is never accepted, only closed by the written notice of
 *     where it went;
 *   - SUP-XF-NOTICE-15: no notice clock when the petitioner's name or
 *     address is unclear;
 *   - SUP-XF-OBJECT-5WD: an item transferred to us is objected to within
 *     5 working days of receipt (working days by the server's calendar);
 *   - SUP-XF-LEGAL-TRACK: an item routed into a legal procedure names its
 *     case or appeal record and has no 60-day clock;
 *   - SUP-XF-FINISH-60: the 信访处理意见书 states the facts, the opinion and
 *     the basis;
 *   - SUP-FY-ONSPOT-FORWARD: a 复议 filed through the station is forwarded
 *     in 5 working days; SUP-FY-DECIDE: the day the 复议机关 must decide;
 *   - SUP-SS-DEFENDANT: the defendants of a suit after 复议.
 * The demo's two 复议 at 城关: 陈春花's on case 8 (running) and 曹小明's on
 * case 14, upheld by 示范县人民政府. */
#include "harness.h"
/* the clock helpers: this file uses some of them */
#pragma GCC diagnostic ignored "-Wunused-function"
#include "clock_util.h"

#include <string.h>

static long long q1(struct server *srv, const char *sql)
{
	return db_raw_int(srv->db, sql, NULL);
}

/* The n-th working day after local day d (d itself not counted). */
static int64_t nth_workday(struct server *srv, int64_t d, int n)
{
	while (n > 0) {
		d++;
		n -= workday(srv, d);
	}
	return d;
}

STORY(xinfang_scope_is_chosen_at_registration)
{
	struct resp *r;
	long long id;

	clocks_begin(srv);
	/* no outcome code: refused */
	r = http(srv, S("neiqin"), "POST", API "/complaints",
		 "{\"channel\":\"visit\",\"kind\":\"petition\",\"content\":\"来访反映村里的土地承包问题。\"}");
	EXPECT(r, 400);
	/* transferred down or not ours: where it goes is required */
	EXPECT_ERR(srv,
		   http(srv, S("neiqin"), "POST", API "/complaints",
			"{\"scope\":\"not_ours\",\"channel\":\"visit\",\"kind\":\"petition\","
			"\"content\":\"来访反映村里的土地承包问题。\"}"),
		   400, "XF_SCOPE_UNIT", "SUP-XF-SCOPE");
	r = http(srv, S("neiqin"), "POST", API "/complaints",
		 "{\"scope\":\"not_ours\",\"scope_unit\":\"示范县农业农村局\",\"channel\":\"visit\","
		 "\"kind\":\"petition\",\"content\":\"来访反映村里的土地承包问题。\",\"contact_name\":\"来访人甲\","
		 "\"contact_phone\":\"13500002222\"}");
	EXPECT(r, 201);
	id = rnum(r, "id");
	EXPECT_STR(r, "scope", "not_ours");
	EXPECT_STR(r, "scope_unit", "示范县农业农村局");
	/* the written notice is still owed in 15 days */
	assert_non_null(warning(srv, "suozhang", "?level=all", fmt(srv, "complaint:%lld:notice", id)));
	/* it cannot be accepted; the notice of where to go closes it */
	EXPECT_ERR(srv, http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/accept", id), "{}"), 409,
		   "XF_NOT_OURS", "SUP-XF-SCOPE");
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/notify", id), "{}"), 400);
	r = http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/notify", id),
		 "{\"note\":\"您反映的土地承包问题属于示范县农业农村局职责，请向该局提出。\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "status", "closed");
	assert_null(warning(srv, "suozhang", "?level=all", fmt(srv, "complaint:%lld:notice", id)));

	/* an item of ours is accepted, never "notified away" */
	r = http(srv, S("neiqin"), "POST", API "/complaints",
		 "{\"scope\":\"own\",\"channel\":\"phone\",\"kind\":\"complaint\",\"content\":\"电话反映出警慢。\"}");
	EXPECT(r, 201);
	id = rnum(r, "id");
	EXPECT_ERR(srv, http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/notify", id), "{\"note\":\"转走\"}"),
		   409, "XF_OWN", "SUP-XF-SCOPE");
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/accept", id), "{}"), 200);
	/* SUP-XF-FINISH-60: the 信访处理意见书 needs the facts and the basis */
	EXPECT_ERR(srv,
		   http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/finish", id),
			"{\"finding\":\"unfounded\",\"note\":\"不属实。\"}"),
		   400, "XF_OPINION_INCOMPLETE", "SUP-XF-FINISH-60");
	EXPECT_ERR(srv,
		   http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/finish", id),
			"{\"finding\":\"unfounded\",\"note\":\"不属实。\",\"facts\":\"经查出警记录，到场用时九分钟。\"}"),
		   400, "XF_OPINION_INCOMPLETE", "SUP-XF-FINISH-60");
	r = http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/finish", id),
		 "{\"finding\":\"unfounded\",\"note\":\"出警及时，反映的情况不属实。\",\"facts\":\"经查出警记录，到场用时九分钟。\","
		 "\"basis\":\"《信访工作条例》第三十二条\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "facts", "经查出警记录，到场用时九分钟。");
	EXPECT_STR(r, "basis", "《信访工作条例》第三十二条");
}

STORY(xinfang_unclear_identity_owes_no_notice)
{
	struct resp *r;
	long long clear, unclear;

	clocks_begin(srv);
	r = http(srv, S("neiqin"), "POST", API "/complaints",
		 "{\"scope\":\"own\",\"channel\":\"letter\",\"kind\":\"complaint\",\"content\":\"匿名来信反映夜间噪音。\","
		 "\"identity_unclear\":true}");
	EXPECT(r, 201);
	unclear = rnum(r, "id");
	EXPECT_BOOL(r, "identity_unclear", 1);
	r = http(srv, S("neiqin"), "POST", API "/complaints",
		 "{\"scope\":\"own\",\"channel\":\"letter\",\"kind\":\"complaint\",\"content\":\"署名来信反映夜间噪音。\","
		 "\"contact_name\":\"署名人\",\"contact_phone\":\"13500003333\"}");
	EXPECT(r, 201);
	clear = rnum(r, "id");
	assert_null(warning(srv, "suozhang", "?level=all", fmt(srv, "complaint:%lld:notice", unclear)));
	assert_non_null(warning(srv, "suozhang", "?level=all", fmt(srv, "complaint:%lld:notice", clear)));
}

STORY(xinfang_transferred_item_objection_in_5_workdays)
{
	struct resp *r;
	long long id, id2;
	int64_t t0, d5, due;
	json_t *w;

	clocks_begin(srv);
	t0 = morning_when(srv, workday);
	/* transferred to us: the sender is named */
	EXPECT(http(srv, S("neiqin"), "POST", API "/complaints",
		    "{\"scope\":\"own\",\"origin\":\"transferred_in\",\"channel\":\"letter\",\"kind\":\"petition\","
		    "\"content\":\"县信访局转来：反映房屋租赁纠纷。\"}"),
	       400);
	r = http(srv, S("neiqin"), "POST", API "/complaints",
		 "{\"scope\":\"own\",\"origin\":\"transferred_in\",\"origin_unit\":\"示范县信访局\",\"channel\":\"letter\","
		 "\"kind\":\"petition\",\"content\":\"县信访局转来：反映房屋租赁纠纷。\",\"contact_name\":\"转来人\","
		 "\"contact_phone\":\"13500004444\"}");
	EXPECT(r, 201);
	id = rnum(r, "id");
	EXPECT_STR(r, "origin_unit", "示范县信访局");
	/* the window ends at 24:00 of the 5th working day after receipt */
	d5 = nth_workday(srv, lday(t0), 5);
	w = warning(srv, "suozhang", "?level=all", fmt(srv, "complaint:%lld:object", id));
	assert_non_null(w);
	assert_string_equal(jstr(w, "rule"), "SUP-XF-OBJECT-5WD");
	assert_string_equal(jstr(w, "unit"), "workdays");
	due = deadline_of(srv, "suozhang", fmt(srv, "complaint:%lld:object", id));
	assert_int_equal(due, midnight(d5 + 1));
	/* a second one, objected to in time: once, with the reasons */
	r = http(srv, S("neiqin"), "POST", API "/complaints",
		 "{\"scope\":\"own\",\"origin\":\"transferred_in\",\"origin_unit\":\"示范县公安局\",\"channel\":\"letter\","
		 "\"kind\":\"petition\",\"content\":\"县局交办：反映工地欠薪。\"}");
	id2 = rnum(r, "id");
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/object", id2), "{}"), 400);
	r = http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/object", id2),
		 "{\"note\":\"欠薪属劳动保障监察职责，不属于派出所职权范围，请予退回。\"}");
	EXPECT(r, 200);
	assert_true(rnum(r, "objected_at") > 0);
	EXPECT_STR(r, "objection", "欠薪属劳动保障监察职责，不属于派出所职权范围，请予退回。");
	assert_null(warning(srv, "suozhang", "?level=all", fmt(srv, "complaint:%lld:object", id2)));
	EXPECT_ERR(srv, http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/object", id2), "{\"note\":\"再次\"}"),
		   409, "XF_OBJECTED", "SUP-XF-OBJECT-5WD");
	/* a direct item has no objection */
	r = http(srv, S("neiqin"), "POST", API "/complaints",
		 "{\"scope\":\"own\",\"channel\":\"visit\",\"kind\":\"petition\",\"content\":\"来访。\"}");
	EXPECT_ERR(srv, http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/object", rnum(r, "id")),
			     "{\"note\":\"不属于\"}"),
		   409, "XF_NOT_TRANSFERRED", "SUP-XF-OBJECT-5WD");
	/* the last moment of the 5th working day is in time for the first;
	 * at 24:00 it is too late, and the window leaves the board */
	at(srv, due + 60);
	EXPECT_ERR(srv, http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/object", id),
			     "{\"note\":\"租赁纠纷属民事纠纷。\"}"),
		   409, "XF_OBJECTION_TOO_LATE", "SUP-XF-OBJECT-5WD");
	assert_null(warning(srv, "suozhang", "?level=all", fmt(srv, "complaint:%lld:object", id)));
}

STORY(xinfang_legal_track_names_its_record)
{
	struct resp *r;
	long long a1 = q1(srv, "SELECT id FROM appeal WHERE applicant = '陈春花'");
	long long k8 = q1(srv, "SELECT case_id FROM appeal WHERE applicant = '陈春花'"), id;

	clocks_begin(srv);
	EXPECT_ERR(srv,
		   http(srv, S("neiqin"), "POST", API "/complaints",
			"{\"scope\":\"own\",\"track\":\"legal_procedure\",\"channel\":\"visit\",\"kind\":\"petition\","
			"\"content\":\"对罚款决定不服。\"}"),
		   400, "XF_LEGAL_LINK", "SUP-XF-LEGAL-TRACK");
	/* linked to the running 复议: its case comes with it */
	r = http(srv, S("neiqin"), "POST", API "/complaints",
		 fmt(srv, "{\"scope\":\"own\",\"track\":\"legal_procedure\",\"appeal_id\":%lld,\"channel\":\"visit\","
			  "\"kind\":\"petition\",\"content\":\"对罚款决定不服，已申请复议。\"}", a1));
	EXPECT(r, 201);
	id = rnum(r, "id");
	assert_int_equal(rnum(r, "case_id"), k8);
	assert_int_equal(rnum(r, "appeal_id"), a1);
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/accept", id), "{}"), 200);
	/* the 60-day chain does not apply to it */
	assert_null(warning(srv, "suozhang", "?level=all", fmt(srv, "complaint:%lld:finish", id)));

	/* routed at acceptance: the record is named then */
	r = http(srv, S("neiqin"), "POST", API "/complaints",
		 "{\"scope\":\"own\",\"channel\":\"visit\",\"kind\":\"petition\",\"content\":\"对处罚不服，要求撤销。\"}");
	id = rnum(r, "id");
	EXPECT_ERR(srv,
		   http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/accept", id),
			"{\"track\":\"legal_procedure\"}"),
		   400, "XF_LEGAL_LINK", "SUP-XF-LEGAL-TRACK");
	r = http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/accept", id),
		 fmt(srv, "{\"track\":\"legal_procedure\",\"case_id\":%lld}", k8));
	EXPECT(r, 200);
	EXPECT_STR(r, "track", "legal_procedure");
	assert_int_equal(rnum(r, "case_id"), k8);
	assert_null(warning(srv, "suozhang", "?level=all", fmt(srv, "complaint:%lld:finish", id)));
	/* a residual one has its 60 days */
	r = http(srv, S("neiqin"), "POST", API "/complaints",
		 "{\"scope\":\"own\",\"channel\":\"visit\",\"kind\":\"petition\",\"content\":\"反映邻居占道。\"}");
	id = rnum(r, "id");
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/accept", id), "{}"), 200);
	assert_non_null(warning(srv, "suozhang", "?level=all", fmt(srv, "complaint:%lld:finish", id)));
}

STORY(reconsideration_filed_through_the_station_is_forwarded)
{
	struct resp *r;
	long long k8 = q1(srv, "SELECT case_id FROM appeal WHERE applicant = '陈春花'"), id;
	int64_t t0, today, w5, decide;
	json_t *w;

	clocks_begin(srv);
	t0 = morning_when(srv, workday);
	today = lday(t0);
	/* only a 复议 goes through the station */
	EXPECT(http(srv, S("fazhi"), "POST", fmt(srv, API "/cases/%lld/appeals", k8),
		    J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:b}", "kind", "litigation", "applicant", "陈春花", "known_on",
		      ymd(srv, today - 5), "applied_on", ymd(srv, today), "received_on", ymd(srv, today), "organ",
		      "示范县人民法院", "via_station", 1)),
	       400);
	r = http(srv, S("fazhi"), "POST", fmt(srv, API "/cases/%lld/appeals", k8),
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:b}", "kind", "reconsideration", "applicant", "陈春花", "known_on",
		   ymd(srv, today - 5), "applied_on", ymd(srv, today), "received_on", ymd(srv, today), "organ",
		   "示范县人民政府", "via_station", 1));
	EXPECT(r, 201);
	id = rnum(r, "id");
	EXPECT_BOOL(r, "via_station", 1);
	/* SUP-FY-DECIDE: checked in 5 working days, decided in 60 days after
	 * (a last day on a holiday moves to the next working day) */
	w5 = nth_workday(srv, today, 5);
	decide = w5 + 60;
	while (!workday(srv, decide))
		decide++;
	EXPECT_STR(r, "decide_by", ymd(srv, decide));
	/* SUP-FY-ONSPOT-FORWARD: forwarded within 5 working days of receipt */
	w = warning(srv, "suozhang", "?level=all", fmt(srv, "appeal:%lld:forward", id));
	assert_non_null(w);
	assert_string_equal(jstr(w, "rule"), "SUP-FY-ONSPOT-FORWARD");
	assert_int_equal(deadline_of(srv, "suozhang", fmt(srv, "appeal:%lld:forward", id)), midnight(w5 + 1));
	EXPECT(http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/forward", id),
		    J(srv, "{s:s}", "forwarded_on", ymd(srv, today + 1))),
	       400);
	r = http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/forward", id),
		 J(srv, "{s:s}", "forwarded_on", ymd(srv, today)));
	EXPECT(r, 200);
	EXPECT_STR(r, "forwarded_on", ymd(srv, today));
	assert_null(warning(srv, "suozhang", "?level=all", fmt(srv, "appeal:%lld:forward", id)));
	/* the answer clock runs on */
	assert_non_null(warning(srv, "suozhang", "?level=all", fmt(srv, "appeal:%lld:answer", id)));
	EXPECT_ERR(srv, http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/forward", id),
			     J(srv, "{s:s}", "forwarded_on", ymd(srv, today))),
		   409, "APPEAL_FORWARD", "SUP-FY-ONSPOT-FORWARD");
	/* one not filed through the station has no forward clock */
	r = http(srv, S("fazhi"), "POST", fmt(srv, API "/cases/%lld/appeals", k8),
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s}", "kind", "reconsideration", "applicant", "陈春花", "known_on",
		   ymd(srv, today - 5), "applied_on", ymd(srv, today), "received_on", ymd(srv, today), "organ",
		   "示范县人民政府"));
	EXPECT(r, 201);
	assert_null(warning(srv, "suozhang", "?level=all", fmt(srv, "appeal:%lld:forward", rnum(r, "id"))));
	EXPECT_ERR(srv, http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/forward", rnum(r, "id")),
			     J(srv, "{s:s}", "forwarded_on", ymd(srv, today))),
		   409, "APPEAL_FORWARD", "SUP-FY-ONSPOT-FORWARD");
}

STORY(suit_after_reconsideration_names_its_defendants)
{
	struct resp *r;
	long long upheld = q1(srv, "SELECT id FROM appeal WHERE applicant = '曹小明'");
	long long k14 = q1(srv, "SELECT case_id FROM appeal WHERE applicant = '曹小明'");
	long long running = q1(srv, "SELECT id FROM appeal WHERE applicant = '陈春花'");
	long long k8 = q1(srv, "SELECT case_id FROM appeal WHERE applicant = '陈春花'");
	int64_t today;
	json_t *d;

	clocks_begin(srv);
	today = lday(srv_now(srv));
	/* upheld: the station and the 复议机关 jointly */
	r = http(srv, S("fazhi"), "POST", fmt(srv, API "/cases/%lld/appeals", k14),
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:I}", "kind", "litigation", "applicant", "曹小明", "known_on",
		   ymd(srv, today - 2), "applied_on", ymd(srv, today), "received_on", ymd(srv, today), "organ",
		   "示范县人民法院", "prior_appeal_id", (json_int_t)upheld));
	EXPECT(r, 201);
	d = jpath(r->json, "defendants");
	assert_int_equal(json_array_size(d), 2);
	assert_string_equal(json_string_value(json_array_get(d, 0)), "城关派出所");
	assert_string_equal(json_string_value(json_array_get(d, 1)), "示范县人民政府");
	/* no 复议: the station alone */
	r = http(srv, S("fazhi"), "POST", fmt(srv, API "/cases/%lld/appeals", k14),
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s}", "kind", "litigation", "applicant", "曹小明", "known_on",
		   ymd(srv, today - 2), "applied_on", ymd(srv, today), "received_on", ymd(srv, today), "organ",
		   "示范县人民法院"));
	EXPECT(r, 201);
	d = jpath(r->json, "defendants");
	assert_int_equal(json_array_size(d), 1);
	assert_string_equal(json_string_value(json_array_get(d, 0)), "城关派出所");
	/* a 复议 without an outcome, or of another case, is not a prior one */
	EXPECT_ERR(srv,
		   http(srv, S("fazhi"), "POST", fmt(srv, API "/cases/%lld/appeals", k8),
			J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:I}", "kind", "litigation", "applicant", "陈春花", "known_on",
			  ymd(srv, today - 2), "applied_on", ymd(srv, today), "received_on", ymd(srv, today), "organ",
			  "示范县人民法院", "prior_appeal_id", (json_int_t)running)),
		   400, "PRIOR_APPEAL", "SUP-SS-DEFENDANT");
	EXPECT_ERR(srv,
		   http(srv, S("fazhi"), "POST", fmt(srv, API "/cases/%lld/appeals", k8),
			J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:I}", "kind", "litigation", "applicant", "陈春花", "known_on",
			  ymd(srv, today - 2), "applied_on", ymd(srv, today), "received_on", ymd(srv, today), "organ",
			  "示范县人民法院", "prior_appeal_id", (json_int_t)upheld)),
		   400, "PRIOR_APPEAL", "SUP-SS-DEFENDANT");
	/* changed by the 复议机关: it alone */
	EXPECT(http(srv, S("fazhi"), "POST", fmt(srv, API "/appeals/%lld/outcome", running),
		    J(srv, "{s:s, s:s, s:s}", "outcome", "changed", "outcome_on", ymd(srv, today), "note",
		      "复议机关将罚款五百元变更为警告")),
	       200);
	r = http(srv, S("fazhi"), "POST", fmt(srv, API "/cases/%lld/appeals", k8),
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:I}", "kind", "litigation", "applicant", "陈春花", "known_on",
		   ymd(srv, today - 2), "applied_on", ymd(srv, today), "received_on", ymd(srv, today), "organ",
		   "示范县人民法院", "prior_appeal_id", (json_int_t)running));
	EXPECT(r, 201);
	d = jpath(r->json, "defendants");
	assert_int_equal(json_array_size(d), 1);
	assert_string_equal(json_string_value(json_array_get(d, 0)), "示范县人民政府");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_demo, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(xinfang_scope_is_chosen_at_registration),
		T(xinfang_unclear_identity_owes_no_notice),
		T(xinfang_transferred_item_objection_in_5_workdays),
		T(xinfang_legal_track_names_its_record),
		T(reconsideration_filed_through_the_station_is_forwarded),
		T(suit_after_reconsideration_names_its_defendants),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
