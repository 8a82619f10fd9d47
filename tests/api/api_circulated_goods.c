/* api_circulated_goods.c — the 协查物品 list over HTTP (issue 16): goods
 * circulated as stolen are matched by their identifier (normalized: case,
 * spaces and dashes do not count) against scrap purchases (COM-SCRAP-REG)
 * and pawn tickets (COM-PAWN) when these are recorded, and against the
 * records of the last trade.circulated_lookback_days days when circulated.
 * A hit never refuses the record: it is marked suspicious, a 警情 opened,
 * the hit linked and returned as a warning. Withdrawn goods match nothing;
 * only the circulating unit withdraws; bad input writes nothing.
 *
 * Every story registers its own units in 城关 and uses identifiers of its
 * own, so the demo's never enter the figures. */
#include "population_util.h"

static long long unit_new(struct server *srv, const char *kind, const char *name)
{
	struct resp *r = http(srv, U("minjing1"), "POST", API "/trade-units",
			      J(srv, "{s:s, s:s, s:s}", "category", "special_trade", "kind", kind, "name", name));

	EXPECT(r, 201);
	return rnum(r, "trade_unit.id");
}

static struct resp *circulate(struct server *srv, const char *user, const char *name, const char *category,
			      const char *identifier)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "name", name, "category", category, "features", "测试特征",
			      "circulated_on", dstr(srv, 0));

	if (identifier)
		json_object_set_new(o, "identifier", json_string(identifier));
	return http(srv, U(user), "POST", API "/circulated-goods", jdump(srv, o));
}

static struct resp *purchase(struct server *srv, long long unit, const char *identifier, long long back)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:I, s:s, s:s, s:s, s:s}", "unit_id", (json_int_t)unit, "item_class",
			      "general", "item", "旧手机", "weight_g", (json_int_t)300, "seller_name", "测试出售人",
			      "seller_id_number", newid(srv), "seller_address", "城关镇测试村", "purchased_on",
			      dstr(srv, -back));

	if (identifier)
		json_object_set_new(o, "identifier", json_string(identifier));
	return http(srv, U("minjing1"), "POST", API "/scrap-purchases", jdump(srv, o));
}

static struct resp *ticket(struct server *srv, long long unit, const char *no, const char *identifier)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:s, s:s}", "unit_id", (json_int_t)unit, "ticket_no", no,
			      "item_class", "vehicle", "item", "电动自行车", "origin", "自购", "amount_yuan", (json_int_t)800,
			      "pledger_name", "测试出质人", "pledger_id_number", newid(srv));

	if (identifier)
		json_object_set_new(o, "identifier", json_string(identifier));
	return http(srv, U("minjing1"), "POST", API "/pawn-tickets", jdump(srv, o));
}

static long long count(struct server *srv, const char *sql)
{
	return db_raw_int(srv->db, sql, NULL);
}

/* 1. COM-SCRAP-REG: a purchase whose identifier matches (written with
 * spaces, dashes, lower case) is recorded, marked suspicious, opens a 警情
 * and is listed as the good's hit */
STORY(scrap_purchase_hit)
{
	long long buyer = unit_new(srv, "scrap", "测试协查回收站"), good, pid, inc;
	struct resp *r;

	r = circulate(srv, "minjing1", "苹果手机 被盗", "phone", "IMEI 3567-8901-2345-678");
	EXPECT(r, 201);
	good = rnum(r, "circulated_goods.id");
	EXPECT_STR(r, "circulated_goods.status", "active");
	EXPECT_STR(r, "circulated_goods.category_label", "手机");
	EXPECT_STR(r, "circulated_goods.station_name", "城关派出所");
	assert_int_equal(json_array_size(jpath(r->json, "hits")), 0);
	/* an ordinary purchase with another identifier: no hit */
	r = purchase(srv, buyer, "imei356789012345679", 0);
	EXPECT(r, 201);
	EXPECT_BOOL(r, "scrap_purchase.suspicious", 0);
	assert_int_equal(json_array_size(jpath(r->json, "hits")), 0);
	/* the circulated one, written otherwise: a hit, not a refusal */
	r = purchase(srv, buyer, "imei 3567 8901-2345 678", 3);
	EXPECT(r, 201);
	pid = rnum(r, "scrap_purchase.id");
	EXPECT_BOOL(r, "scrap_purchase.suspicious", 1);
	EXPECT_BOOL(r, "scrap_purchase.circulated_hit", 1);
	assert_int_equal(json_array_size(jpath(r->json, "hits")), 1);
	EXPECT_STR(r, "hits.0.rule", "COM-SCRAP-REG");
	EXPECT_NUM(r, "hits.0.goods.id", good);
	assert_non_null(strstr(rstr(r, "hits.0.message"), "协查物品"));
	assert_non_null(strstr(rstr(r, "scrap_purchase.suspicion"), "协查物品"));
	inc = rnum(r, "scrap_purchase.incident_id");
	assert_true(inc > 0);
	EXPECT_NUM(r, "hits.0.incident_id", inc);
	/* the 警情 of the station at the buyer */
	r = http(srv, U("suozhang"), "GET", fmt(srv, API "/incidents/%lld", inc), NULL);
	EXPECT(r, 200);
	assert_non_null(strstr(rstr(r, "incident.summary"), "测试协查回收站"));
	assert_non_null(strstr(rstr(r, "incident.summary"), "苹果手机"));
	/* the good lists its hit; the purchase list shows the tag and the open report */
	r = http(srv, U("minjing2"), "GET", fmt(srv, API "/circulated-goods/%lld", good), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "circulated_goods.hit_count", 1);
	EXPECT_STR(r, "circulated_goods.hits.0.record_kind", "scrap_purchase");
	EXPECT_NUM(r, "circulated_goods.hits.0.record_id", pid);
	EXPECT_STR(r, "circulated_goods.hits.0.found_by", "record");
	EXPECT_STR(r, "circulated_goods.hits.0.unit_name", "测试协查回收站");
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/scrap-purchases?unit_id=%lld&open=1", buyer), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", pid);
	EXPECT_BOOL(r, "items.0.circulated_hit", 1);
	/* the list finds the good by its identifier, written any way */
	r = http(srv, U("fujing"), "GET", API "/circulated-goods?q=imei3567890123-45678&status=active", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", good);
	EXPECT_NUM(r, "items.0.hit_count", 1);
}

/* 2. COM-PAWN: a ticket for a circulated 电动车 (车架号) is recorded as a
 * report: one 警情 at once, the hit linked */
STORY(pawn_ticket_hit)
{
	long long shop = unit_new(srv, "pawn", "测试协查当铺"), good, tid, inc;
	struct resp *r;

	r = circulate(srv, "suozhang", "雅迪电动车", "ebike", "LYD-2026-EB0099");
	EXPECT(r, 201);
	good = rnum(r, "circulated_goods.id");
	r = ticket(srv, shop, "CG-T1", "lyd 2026 eb0099");
	EXPECT(r, 201);
	tid = rnum(r, "pawn_ticket.id");
	EXPECT_BOOL(r, "pawn_ticket.suspicious", 1);
	EXPECT_BOOL(r, "pawn_ticket.circulated_hit", 1);
	EXPECT_STR(r, "hits.0.rule", "COM-PAWN");
	EXPECT_NUM(r, "hits.0.goods.id", good);
	inc = rnum(r, "pawn_ticket.incident_id");
	assert_true(inc > 0);
	assert_int_equal(count(srv, fmt(srv, "SELECT COUNT(*) FROM incident WHERE summary LIKE '%%CG-T1%%'")), 1);
	r = http(srv, U("suozhang"), "GET", fmt(srv, API "/incidents/%lld", inc), NULL);
	EXPECT(r, 200);
	assert_non_null(strstr(rstr(r, "incident.summary"), "雅迪电动车"));
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/circulated-goods/%lld", good), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "circulated_goods.hits.0.record_kind", "pawn_ticket");
	EXPECT_NUM(r, "circulated_goods.hits.0.record_id", tid);
	EXPECT_NUM(r, "circulated_goods.hits.0.incident_id", inc);
	/* a ticket without an identifier matches nothing */
	r = ticket(srv, shop, "CG-T2", NULL);
	EXPECT(r, 201);
	EXPECT_BOOL(r, "pawn_ticket.suspicious", 0);
	assert_int_equal(json_array_size(jpath(r->json, "hits")), 0);
}

/* 3. a withdrawn good matches nothing; withdrawn once only */
STORY(withdrawn_no_match)
{
	long long buyer = unit_new(srv, "scrap", "测试撤销回收站"), good;
	struct resp *r;

	r = circulate(srv, "minjing1", "华为手机", "phone", "WD-862233445566778");
	EXPECT(r, 201);
	good = rnum(r, "circulated_goods.id");
	r = http(srv, U("minjing2"), "POST", fmt(srv, API "/circulated-goods/%lld/withdraw", good),
		 J(srv, "{s:s, s:s}", "reason", "recovered", "note", "失主已领回"));
	EXPECT(r, 200);
	EXPECT_STR(r, "circulated_goods.status", "withdrawn");
	EXPECT_STR(r, "circulated_goods.withdraw_reason_label", "已追回");
	EXPECT_ERR(srv,
		   http(srv, U("minjing2"), "POST", fmt(srv, API "/circulated-goods/%lld/withdraw", good),
			J(srv, "{s:s}", "reason", "false_report")),
		   409, "ALREADY_WITHDRAWN", NULL);
	r = purchase(srv, buyer, "wd862233445566778", 1);
	EXPECT(r, 201);
	EXPECT_BOOL(r, "scrap_purchase.suspicious", 0);
	assert_int_equal(json_array_size(jpath(r->json, "hits")), 0);
	r = http(srv, U("minjing1"), "GET", API "/circulated-goods?status=withdrawn&q=WD862233445566778", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	r = http(srv, U("minjing1"), "GET", API "/circulated-goods?status=active&q=WD862233445566778", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 0);
}

/* 4. the lookback: the county circulates goods that a purchase of 30 days
 * ago and a ticket of today hold: each is marked, each gets its 警情; past
 * the lookback (set to 20 days) nothing is found */
STORY(lookback_scan)
{
	long long buyer = unit_new(srv, "scrap", "测试回查回收站"), shop = unit_new(srv, "pawn", "测试回查当铺");
	long long p1, p2, tid, good, before;
	struct resp *r;

	r = purchase(srv, buyer, "LB-CU-20261", 30);
	EXPECT(r, 201);
	p1 = rnum(r, "scrap_purchase.id");
	r = purchase(srv, buyer, "LB-CU-20262", 30);
	EXPECT(r, 201);
	p2 = rnum(r, "scrap_purchase.id");
	EXPECT_BOOL(r, "scrap_purchase.suspicious", 0);
	r = ticket(srv, shop, "LB-T1", "lb cu 20262");
	EXPECT(r, 201);
	tid = rnum(r, "pawn_ticket.id");
	EXPECT_BOOL(r, "pawn_ticket.suspicious", 0);
	/* 20 days back: the purchase of 30 days ago is out */
	EXPECT(http(srv, U("admin"), "PUT", API "/settings/trade.circulated_lookback_days", "{\"value\":20}"), 200);
	r = circulate(srv, "juzhang", "铜芯电缆 500米", "cable_metal", "LB-CU-20261");
	EXPECT(r, 201);
	assert_int_equal(json_array_size(jpath(r->json, "hits")), 0);
	EXPECT(http(srv, U("admin"), "PUT", API "/settings/trade.circulated_lookback_days", "{\"value\":90}"), 200);
	/* 90 days (the default): both records of the other identifier */
	before = count(srv, "SELECT COUNT(*) FROM incident");
	r = circulate(srv, "juzhang", "铜芯电缆 300米", "cable_metal", "LB-CU-20262");
	EXPECT(r, 201);
	good = rnum(r, "circulated_goods.id");
	EXPECT_STR(r, "circulated_goods.station_name", "示范县公安局");
	assert_int_equal(json_array_size(jpath(r->json, "hits")), 2);
	EXPECT_STR(r, "hits.0.found_by", "lookback");
	EXPECT_STR(r, "hits.0.record_kind", "pawn_ticket");
	EXPECT_NUM(r, "hits.0.record_id", tid);
	EXPECT_STR(r, "hits.0.rule", "COM-PAWN");
	EXPECT_STR(r, "hits.1.record_kind", "scrap_purchase");
	EXPECT_NUM(r, "hits.1.record_id", p2);
	EXPECT_STR(r, "hits.1.rule", "COM-SCRAP-REG");
	/* a 警情 for each record hit, for 城关 */
	assert_int_equal(count(srv, "SELECT COUNT(*) FROM incident") - before, 2);
	assert_int_equal(count(srv, fmt(srv, "SELECT COUNT(*) FROM incident i JOIN org_unit o ON o.id = i.station_id"
					     " WHERE o.name = '城关派出所' AND i.summary LIKE '%%测试回查%%'")),
			 2);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/scrap-purchases?unit_id=%lld&suspicious=1", buyer), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", p2);
	assert_int_not_equal(p1, p2);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/pawn-tickets?unit_id=%lld&reported=1", shop), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_BOOL(r, "items.0.circulated_hit", 1);
	/* a station reads the county's good and its hits in the station */
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/circulated-goods/%lld", good), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "circulated_goods.hit_count", 2);
	EXPECT_STR(r, "circulated_goods.hits.0.found_by", "lookback");
}

/* 5. who circulates, withdraws and reads: the circulating unit only */
STORY(scope)
{
	long long good, county;
	struct resp *r;

	r = circulate(srv, "minjing1", "测试范围手机", "phone", "SC-861100220033");
	EXPECT(r, 201);
	good = rnum(r, "circulated_goods.id");
	r = circulate(srv, "juzhang", "测试范围汽车", "car", "SC-LFV2A21K0000001");
	EXPECT(r, 201);
	county = rnum(r, "circulated_goods.id");
	/* an auxiliary reads but does not circulate */
	EXPECT(circulate(srv, "fujing", "测试辅警发布", "phone", "SC-000011112222"), 403);
	EXPECT(http(srv, U("fujing"), "GET", fmt(srv, API "/circulated-goods/%lld", good), NULL), 200);
	/* another station's officer: no withdrawal, no read of 城关's good */
	EXPECT(http(srv, U("gucheng_mj1"), "POST", fmt(srv, API "/circulated-goods/%lld/withdraw", good),
		    J(srv, "{s:s}", "reason", "false_report")),
	       403);
	EXPECT(http(srv, U("gucheng_mj1"), "GET", fmt(srv, API "/circulated-goods/%lld", good), NULL), 403);
	r = http(srv, U("gucheng_mj1"), "GET", API "/circulated-goods?q=SC-861100220033", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 0);
	/* the county's good: every station reads it, only the county withdraws it */
	r = http(srv, U("gucheng_mj1"), "GET", API "/circulated-goods?q=SC-LFV2A21K0000001", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT(http(srv, U("suozhang"), "POST", fmt(srv, API "/circulated-goods/%lld/withdraw", county),
		    J(srv, "{s:s}", "reason", "false_report")),
	       403);
	EXPECT_STR(http(srv, U("minjing1"), "GET", fmt(srv, API "/circulated-goods/%lld", good), NULL),
		   "circulated_goods.status", "active");
	/* 其他 needs a note */
	EXPECT_FIELD(http(srv, U("juzhang"), "POST", fmt(srv, API "/circulated-goods/%lld/withdraw", county),
			  J(srv, "{s:s}", "reason", "other")),
		     400, "note");
	r = http(srv, U("juzhang"), "POST", fmt(srv, API "/circulated-goods/%lld/withdraw", county),
		 J(srv, "{s:s}", "reason", "false_report"));
	EXPECT(r, 200);
	EXPECT_STR(r, "circulated_goods.status", "withdrawn");
}

/* 6. bad input: a 400 with its field and Chinese message; nothing written */
STORY(bad_input)
{
	long long n = count(srv, "SELECT COUNT(*) FROM circulated_goods");
	struct resp *r;

	r = http(srv, U("minjing1"), "POST", API "/circulated-goods", J(srv, "{s:s}", "category", "phone"));
	EXPECT_FIELD(r, 400, "name");
	assert_true(strlen(rstr(r, "error.message")) > 0);
	r = circulate(srv, "minjing1", "测试", "spaceship", "BAD-00001");
	EXPECT_FIELD(r, 400, "category");
	r = http(srv, U("minjing1"), "POST", API "/circulated-goods",
		 J(srv, "{s:s, s:s, s:s}", "name", "测试", "category", "phone", "circulated_on", "2026-13-45"));
	EXPECT_FIELD(r, 400, "circulated_on");
	EXPECT_STR(r, "error.code", "INVALID_FIELD");
	assert_non_null(strstr(rstr(r, "error.message"), "协查日期"));
	r = http(srv, U("minjing1"), "POST", API "/circulated-goods",
		 J(srv, "{s:s, s:s, s:s}", "name", "测试", "category", "phone", "circulated_on", dstr(srv, 1)));
	EXPECT_FIELD(r, 400, "circulated_on");
	r = http(srv, U("minjing1"), "POST", API "/circulated-goods",
		 J(srv, "{s:s, s:s, s:s}", "name", "测试", "category", "phone", "valid_until", dstr(srv, -1)));
	EXPECT_FIELD(r, 400, "valid_until");
	EXPECT_FIELD(circulate(srv, "minjing1", "测试", "phone", "a-b c"), 400, "identifier");
	r = http(srv, U("minjing1"), "POST", API "/circulated-goods",
		 J(srv, "{s:s, s:s, s:I}", "name", "测试", "category", "phone", "case_id", (json_int_t)99999999));
	EXPECT_FIELD(r, 400, "case_id");
	EXPECT_FIELD(http(srv, U("minjing1"), "GET", API "/circulated-goods?status=lost", NULL), 400, "status");
	EXPECT(http(srv, U("minjing1"), "GET", API "/circulated-goods/99999999", NULL), 404);
	assert_int_equal(count(srv, "SELECT COUNT(*) FROM circulated_goods"), n);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(scrap_purchase_hit),
		T(pawn_ticket_hit),
		T(withdrawn_no_match),
		T(lookback_scan),
		T(scope),
		T(bad_input),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
