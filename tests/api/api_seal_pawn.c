/* api_seal_pawn.c — the registers of seal-cutters and pawnshops over HTTP
 * (issue 16 gaps): a seal cut only for a unit on its approving document,
 * with the handler's ID checked (COM-SEAL); a pawn ticket only with the
 * pledger's ID and the goods' origin checked, goods a pawnshop may not take
 * only as a report, and a report or a pledger on the wanted list opening a
 * 警情 at once (COM-PAWN); the two ledgers.
 *
 * Every story registers its own units in 城关, so the demo's never enter the
 * figures. */
#include "population_util.h"

static long long unit_new(struct server *srv, const char *kind, const char *name)
{
	struct resp *r = http(srv, U("minjing1"), "POST", API "/trade-units",
			      J(srv, "{s:s, s:s, s:s}", "category", "special_trade", "kind", kind, "name", name));

	EXPECT(r, 201);
	return rnum(r, "trade_unit.id");
}

static struct resp *seal(struct server *srv, const char *user, long long unit, const char *customer, const char *doc,
			 const char *organ, const char *handler_id)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s}", "unit_id", (json_int_t)unit, "seal_kind", "official", "seal_text",
			      customer ? customer : "某公司", "handler_name", "赵经办", "handler_id_number", handler_id);

	if (customer)
		json_object_set_new(o, "customer_unit", json_string(customer));
	if (doc)
		json_object_set_new(o, "approval_doc", json_string(doc));
	if (organ)
		json_object_set_new(o, "approval_organ", json_string(organ));
	return http(srv, U(user), "POST", API "/seal-orders", jdump(srv, o));
}

/* 1. COM-SEAL: the approving document, its organ and the handler's ID */
STORY(seal_orders)
{
	long long cutter = unit_new(srv, "seal", "测试刻章社"), hotel = unit_new(srv, "hotel", "测试刻章旅馆"), id;
	struct resp *r;

	/* no approving document: refused with the rule, nothing recorded */
	r = seal(srv, "minjing1", cutter, "测试甲公司", NULL, "县市场监管局", newid(srv));
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-SEAL");
	EXPECT_STR(r, "error.field", "approval_doc");
	r = seal(srv, "minjing1", cutter, "测试甲公司", "准字1号", NULL, newid(srv));
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-SEAL");
	EXPECT_STR(r, "error.field", "approval_organ");
	/* no customer unit */
	r = seal(srv, "minjing1", cutter, NULL, "准字1号", "县市场监管局", newid(srv));
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-SEAL");
	EXPECT_STR(r, "error.field", "customer_unit");
	/* the handler's ID must check */
	r = seal(srv, "minjing1", cutter, "测试甲公司", "准字1号", "县市场监管局", "110101199001011230");
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-SEAL");
	EXPECT_STR(r, "error.field", "handler_id_number");
	/* a hotel cuts no seals; another station's officer records none here */
	EXPECT_FIELD(seal(srv, "minjing1", hotel, "测试甲公司", "准字1号", "县市场监管局", newid(srv)), 400, "unit_id");
	EXPECT(seal(srv, "gucheng_mj1", cutter, "测试甲公司", "准字1号", "县市场监管局", newid(srv)), 403);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/seal-orders?unit_id=%lld", cutter), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 0);
	/* with all of it: recorded, the handler's number masked; the auxiliary too */
	r = seal(srv, "fujing", cutter, "测试甲公司", "晋工商准字〔2026〕1号", "县市场监管局", newid(srv));
	EXPECT(r, 201);
	id = rnum(r, "seal_order.id");
	EXPECT_STR(r, "seal_order.customer_unit", "测试甲公司");
	EXPECT_STR(r, "seal_order.seal_kind_label", "单位公章");
	assert_non_null(strstr(rstr(r, "seal_order.handler_id_number"), "********"));
	EXPECT(seal(srv, "minjing1", cutter, "测试乙公司", "准字2号", "县民政局", newid(srv)), 201);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/seal-orders?unit_id=%lld", cutter), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 2);
	r = http(srv, U("minjing1"), "GET",
		 fmt(srv, API "/seal-orders?unit_id=%lld&q=%%E7%%94%%B2", cutter), NULL); /* q=甲 */
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", id);
	assert_true(jint(jpath(r->json, "figures"), "last_30_days") >= 2);
	/* another station does not see them */
	r = http(srv, U("gucheng_mj1"), "GET", fmt(srv, API "/seal-orders?unit_id=%lld", cutter), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 0);
}

static struct resp *pawn(struct server *srv, long long unit, const char *ticket, const char *cls, const char *origin,
			 const char *name, const char *number, const char *suspicion)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:I, s:s, s:s}", "unit_id", (json_int_t)unit, "ticket_no", ticket,
			      "item_class", cls, "item", "当物", "amount_yuan", (json_int_t)2000, "pledger_name", name,
			      "pledger_id_number", number);

	if (origin)
		json_object_set_new(o, "origin", json_string(origin));
	if (suspicion) {
		json_object_set_new(o, "suspicious", json_true());
		json_object_set_new(o, "suspicion", json_string(suspicion));
	}
	return http(srv, U("minjing1"), "POST", API "/pawn-tickets", jdump(srv, o));
}

/* 2. COM-PAWN: the pledger's ID and the origin; banned goods only as a
 * report; a report and a wanted pledger each open a 警情 */
STORY(pawn_tickets)
{
	long long shop = unit_new(srv, "pawn", "测试当铺"), inc;
	const char *wanted = newid(srv);
	struct resp *r;

	r = pawn(srv, shop, "T1", "jewellery", "自购", "钱某", "110101199001011230", NULL);
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-PAWN");
	EXPECT_STR(r, "error.field", "pledger_id_number");
	r = pawn(srv, shop, "T1", "jewellery", NULL, "钱某", newid(srv), NULL);
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-PAWN");
	EXPECT_STR(r, "error.field", "origin");
	r = pawn(srv, shop, "T1", "banned_id", "捡拾", "钱某", newid(srv), NULL);
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-PAWN");
	EXPECT_STR(r, "error.field", "item_class");
	/* an ordinary ticket: no report, no 警情 */
	r = pawn(srv, shop, "T2", "jewellery", "自购，有发票", "钱某", newid(srv), NULL);
	EXPECT(r, 201);
	EXPECT_BOOL(r, "pawn_ticket.suspicious", 0);
	EXPECT_BOOL(r, "pawn_ticket.wanted_hit", 0);
	assert_true(json_is_null(jpath(r->json, "pawn_ticket.incident_id")));
	assert_non_null(strstr(rstr(r, "pawn_ticket.pledger_id_number"), "********"));
	/* banned goods brought in: recorded as a report, a 警情 at once */
	r = pawn(srv, shop, "T3", "banned_id", "称捡拾", "孙某", newid(srv), "他人身份证");
	EXPECT(r, 201);
	EXPECT_BOOL(r, "pawn_ticket.suspicious", 1);
	inc = rnum(r, "pawn_ticket.incident_id");
	assert_true(inc > 0);
	r = http(srv, U("suozhang"), "GET", fmt(srv, API "/incidents/%lld", inc), NULL);
	EXPECT(r, 200);
	assert_non_null(strstr(rstr(r, "incident.summary"), "测试当铺"));
	/* a pledger on the wanted list, as hotel guests are compared */
	EXPECT(http(srv, U("suozhang"), "POST", API "/wanted",
		    J(srv, "{s:s, s:s, s:s, s:s, s:s}", "id_number", wanted, "name", "周在逃", "case_desc", "诈骗",
		      "issuing_unit", "外地公安局", "issued_on", dstr(srv, -5))),
	       200);
	r = pawn(srv, shop, "T4", "electronics", "自用手机", "周在逃", wanted, NULL);
	EXPECT(r, 201);
	EXPECT_BOOL(r, "pawn_ticket.wanted_hit", 1);
	EXPECT_BOOL(r, "pawn_ticket.suspicious", 1);
	inc = rnum(r, "pawn_ticket.incident_id");
	assert_true(inc > 0);
	r = http(srv, U("suozhang"), "GET", fmt(srv, API "/incidents/%lld", inc), NULL);
	EXPECT(r, 200);
	assert_non_null(strstr(rstr(r, "incident.summary"), "周在逃"));
	/* the list and its figures */
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/pawn-tickets?unit_id=%lld", shop), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 3);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/pawn-tickets?unit_id=%lld&reported=1", shop), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 2);
	assert_true(jint(jpath(r->json, "figures"), "hits") >= 1);
}

/* 3. the two ledgers with the station's header */
STORY(ledgers)
{
	long long cutter = unit_new(srv, "seal", "测试台账刻章社"), shop = unit_new(srv, "pawn", "测试台账当铺"), n;
	struct resp *r;

	EXPECT(seal(srv, "minjing1", cutter, "测试台账公司", "准字9号", "县市场监管局", newid(srv)), 201);
	EXPECT(pawn(srv, shop, "L1", "general", "自有", "台账出质人", newid(srv), NULL), 201);
	n = db_raw_int(srv->db,
		       "SELECT COUNT(*) FROM seal_order s JOIN org_unit o ON o.id = s.station_id WHERE o.name = '城关派出所'",
		       NULL);
	r = http(srv, U("suozhang"), "GET", API "/ledgers/seal_orders", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", n);
	EXPECT_STR(r, "header", "城关派出所印章刻制登记台账");
	assert_non_null(strstr(r->body, "测试台账公司"));
	r = http(srv, U("suozhang"), "GET", API "/ledgers/pawn_tickets", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "header", "城关派出所典当登记台账");
	assert_non_null(strstr(r->body, "台账出质人"));
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(seal_orders),
		T(pawn_tickets),
		T(ledgers),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
