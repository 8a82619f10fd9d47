/* api_trade_registers.c — the registers special trades keep, over HTTP
 * (issue 16 gaps): a hotel's guests with their ID documents (COM-HOTEL-REG),
 * a foreign guest's 24-hour report on both sides of its deadline
 * (COM-HOTEL-FOREIGN), each guest and each scrap seller compared with the
 * wanted list (COM-HOTEL-DUTY: a hit opens a 警情); a scrap buyer's
 * purchases with the seller, production scrap only with the selling unit's
 * certificate, banned items only as reports (COM-SCRAP-REG), and a report
 * held with a receipt and returned (COM-SCRAP-REPORT); a licence nearing its
 * expiry (COM-TRADE-LICENCE) and a key unit's drill (COM-KEYUNIT-SETUP) on
 * the 预警 board and the today page; the 社区警务 ledgers (one per special
 * trade) with the station header and the total row.
 *
 * Every story registers its own units in 城关, so the demo's never enter the
 * figures. */
#include "population_util.h"
#include "core/buf.h"
#include "core/xlsx.h"

static long long unit_new(struct server *srv, const char *category, const char *kind, const char *name,
			  const char *extra)
{
	struct resp *r = http(srv, U("minjing1"), "POST", API "/trade-units",
			      fmt(srv, "{\"category\":\"%s\",\"kind\":\"%s\",\"name\":\"%s\",\"responsible\":\"测试负责人\"%s}",
				  category, kind, name, extra ? extra : ""));

	EXPECT(r, 201);
	return rnum(r, "trade_unit.id");
}

static long long now_s(struct server *srv)
{
	return (long long)time(NULL) + srv->clock_offset;
}

static const char *level_of(struct server *srv, const char *key)
{
	struct resp *r = http(srv, U("suozhang"), "GET", API "/warnings?level=all", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "key"), key))
			return fmt(srv, "%s", jstr(it, "level"));
	return "-";
}

/* the today rows of a kind whose label names what */
static int today_rows(struct server *srv, const char *user, const char *kind, const char *what)
{
	struct resp *r = http(srv, U(user), "GET", API "/today", NULL);
	json_t *it;
	size_t i;
	int n = 0;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "kind"), kind) && strstr(jstr(it, "label"), what))
			n++;
	return n;
}

static struct resp *guest(struct server *srv, const char *user, long long hotel, const char *name, const char *type,
			  const char *number, const char *nat, const char *room, long long checkin)
{
	return http(srv, U(user), "POST", API "/hotel-guests",
		    J(srv, "{s:I, s:s, s:s, s:s, s:s, s:s, s:I}", "unit_id", (json_int_t)hotel, "name", name, "id_type", type,
		      "id_number", number, "nationality", nat, "room", room, "checkin_at", (json_int_t)checkin));
}

/* 1. COM-HOTEL-REG and COM-HOTEL-FOREIGN: the ID document, the foreign
 * guest's report 24 hours from check-in on both sides, the figures */
STORY(hotel_guests)
{
	long long hotel = unit_new(srv, "special_trade", "hotel", "测试登记旅馆", NULL),
		  pawn = unit_new(srv, "special_trade", "pawn", "测试典当行", NULL), now = now_s(srv), cn, late, fresh;
	struct resp *r;

	/* no valid ID document, no registration */
	r = guest(srv, "minjing1", hotel, "张某", "id_card", "110101199001011230", "中国", "201", now);
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-HOTEL-REG");
	EXPECT_STR(r, "error.field", "id_number");
	EXPECT_FIELD(guest(srv, "minjing1", hotel, "", "id_card", newid(srv), "中国", "201", now), 400, "name");
	/* only a hotel has guests; another station's officer registers none here */
	EXPECT_FIELD(guest(srv, "minjing1", pawn, "张某", "id_card", newid(srv), "中国", "201", now), 400, "unit_id");
	EXPECT(guest(srv, "gucheng_mj1", hotel, "张某", "id_card", newid(srv), "中国", "201", now), 403);
	/* a resident of China: no report needed, the number masked in the answer */
	r = guest(srv, "fujing", hotel, "张某", "id_card", newid(srv), "", "201", now - 3600);
	EXPECT(r, 201);
	cn = rnum(r, "hotel_guest.id");
	EXPECT_BOOL(r, "hotel_guest.foreign_guest", 0);
	EXPECT_STR(r, "hotel_guest.nationality", "中国");
	assert_non_null(strstr(rstr(r, "hotel_guest.id_number"), "********"));
	EXPECT_ERR(srv, http(srv, U("minjing1"), "POST", fmt(srv, API "/hotel-guests/%lld/report", cn), NULL), 409,
		   "NOT_FOREIGN", "COM-HOTEL-FOREIGN");
	/* two foreign guests: checked in 24 h + 1 min ago and 2 h ago, neither reported */
	r = guest(srv, "minjing1", hotel, "John Smith", "passport", "E12345678", "美国", "302", now - 24 * 3600 - 60);
	EXPECT(r, 201);
	late = rnum(r, "hotel_guest.id");
	/* a passport number is masked like an ID card's (PII-1), not shown whole */
	EXPECT_STR(r, "hotel_guest.id_number", "*********");
	EXPECT_BOOL(r, "hotel_guest.foreign_guest", 1);
	EXPECT_BOOL(r, "hotel_guest.report_overdue", 1);
	r = guest(srv, "minjing1", hotel, "陈某", "hk_macao_tw", "H12345678", "中国", "303", now - 2 * 3600);
	EXPECT(r, 201);
	fresh = rnum(r, "hotel_guest.id");
	EXPECT_BOOL(r, "hotel_guest.foreign_guest", 1); /* 港澳台居民: reported like 境外 */
	EXPECT_BOOL(r, "hotel_guest.report_overdue", 0);
	assert_string_equal(level_of(srv, fmt(srv, "hotel_guest:%lld:report", late)), "BREACH");
	assert_string_not_equal(level_of(srv, fmt(srv, "hotel_guest:%lld:report", fresh)), "BREACH");
	assert_string_not_equal(level_of(srv, fmt(srv, "hotel_guest:%lld:report", fresh)), "-");
	assert_string_equal(level_of(srv, fmt(srv, "hotel_guest:%lld:report", cn)), "-");
	assert_int_equal(today_rows(srv, "minjing1", "hotel_foreign", "测试登记旅馆"), 2);
	/* the figures of the hotel: 3 in the house, 2 foreign unreported, no hit */
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/hotel-guests?unit_id=%lld", hotel), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 3);
	EXPECT_NUM(r, "figures.in_house", 3);
	EXPECT_NUM(r, "figures.foreign_unreported", 2);
	EXPECT_NUM(r, "figures.hits", 0);
	/* the late one reported: off the board and the today page */
	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/hotel-guests/%lld/report", late), NULL);
	EXPECT(r, 200);
	assert_true(rnum(r, "hotel_guest.reported_at") > 0);
	EXPECT_ERR(srv, http(srv, U("minjing1"), "POST", fmt(srv, API "/hotel-guests/%lld/report", late), NULL), 409,
		   "ALREADY_REPORTED", NULL);
	assert_string_equal(level_of(srv, fmt(srv, "hotel_guest:%lld:report", late)), "-");
	assert_int_equal(today_rows(srv, "minjing1", "hotel_foreign", "测试登记旅馆"), 1);
	/* check-out */
	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/hotel-guests/%lld/checkout", cn), "{}");
	EXPECT(r, 200);
	assert_true(rnum(r, "hotel_guest.checkout_at") > 0);
	EXPECT(http(srv, U("minjing1"), "POST", fmt(srv, API "/hotel-guests/%lld/checkout", cn), "{}"), 409);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/hotel-guests?unit_id=%lld&in_house=1", hotel), NULL);
	EXPECT_NUM(r, "total", 2);
	EXPECT_NUM(r, "figures.foreign_unreported", 1);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/hotel-guests?unit_id=%lld&unreported=1", hotel), NULL);
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", fresh);
}

/* 2. COM-HOTEL-DUTY: a guest and a scrap seller on the wanted list */
STORY(wanted_hits)
{
	long long hotel = unit_new(srv, "special_trade", "hotel", "测试比对旅馆", NULL),
		  scrap = unit_new(srv, "special_trade", "scrap", "测试比对回收站", NULL), inc;
	const char *wanted = newid(srv);
	struct resp *r;

	EXPECT(http(srv, U("suozhang"), "POST", API "/wanted",
		    J(srv, "{s:s, s:s, s:s, s:s, s:s}", "id_number", wanted, "name", "李在逃", "case_desc", "盗窃",
		      "issuing_unit", "外地公安局", "issued_on", dstr(srv, -10))),
	       200);
	r = guest(srv, "minjing1", hotel, "李在逃", "id_card", wanted, "中国", "101", now_s(srv));
	EXPECT(r, 201);
	EXPECT_BOOL(r, "hotel_guest.wanted_hit", 1);
	inc = rnum(r, "hotel_guest.incident_id");
	assert_true(inc > 0);
	r = http(srv, U("suozhang"), "GET", fmt(srv, API "/incidents/%lld", inc), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "incident.category", "1001");
	assert_non_null(strstr(rstr(r, "incident.summary"), "测试比对旅馆"));
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/hotel-guests?unit_id=%lld&hits=1", hotel), NULL);
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "figures.hits", 1);
	/* a guest not on the list: no hit */
	r = guest(srv, "minjing1", hotel, "王某", "id_card", newid(srv), "中国", "102", now_s(srv));
	EXPECT_BOOL(r, "hotel_guest.wanted_hit", 0);
	assert_true(json_is_null(jpath(r->json, "hotel_guest.incident_id")));
	/* the seller of scrap: the purchase becomes a report */
	r = http(srv, U("minjing1"), "POST", API "/scrap-purchases",
		 J(srv, "{s:I, s:s, s:s, s:I, s:s, s:s, s:s}", "unit_id", (json_int_t)scrap, "item_class", "general", "item",
		   "废铜线", "weight_g", (json_int_t)12000, "seller_name", "李在逃", "seller_id_number", wanted,
		   "seller_address", "北关村"));
	EXPECT(r, 201);
	EXPECT_BOOL(r, "scrap_purchase.wanted_hit", 1);
	EXPECT_BOOL(r, "scrap_purchase.suspicious", 1);
}

static struct resp *buy(struct server *srv, const char *user, long long unit, const char *cls, const char *extra)
{
	return http(srv, U(user), "POST", API "/scrap-purchases",
		    fmt(srv, "{\"unit_id\":%lld,\"item_class\":\"%s\",\"item\":\"废钢\",\"spec\":\"Φ20\",\"item_state\":\"旧\","
			     "\"weight_g\":150000,\"seller_name\":\"赵某\",\"seller_id_number\":\"%s\"%s}",
			unit, cls, newid(srv), extra));
}

/* 3. COM-SCRAP-REG and COM-SCRAP-REPORT */
STORY(scrap_purchases)
{
	long long scrap = unit_new(srv, "special_trade", "scrap", "测试回收站", NULL), ok, rep;
	struct resp *r;

	/* the seller's address, a valid ID number */
	r = buy(srv, "minjing1", scrap, "general", "");
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-SCRAP-REG");
	EXPECT_STR(r, "error.field", "seller_address");
	r = http(srv, U("minjing1"), "POST", API "/scrap-purchases",
		 J(srv, "{s:I, s:s, s:s, s:I, s:s, s:s, s:s}", "unit_id", (json_int_t)scrap, "item_class", "general", "item",
		   "废铁", "weight_g", (json_int_t)1000, "seller_name", "赵某", "seller_id_number", "110101199001011230",
		   "seller_address", "东街"));
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-SCRAP-REG");
	EXPECT_STR(r, "error.field", "seller_id_number");
	r = buy(srv, "fujing", scrap, "general", ",\"seller_address\":\"东街1号\"");
	EXPECT(r, 201);
	ok = rnum(r, "scrap_purchase.id");
	EXPECT_BOOL(r, "scrap_purchase.suspicious", 0);
	EXPECT_NUM(r, "scrap_purchase.weight_g", 150000);
	/* production scrap: the selling unit and its certificate */
	r = buy(srv, "minjing1", scrap, "production", ",\"seller_address\":\"东街1号\"");
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-SCRAP-REG");
	EXPECT_STR(r, "error.field", "seller_unit");
	r = buy(srv, "minjing1", scrap, "production", ",\"seller_address\":\"东街1号\",\"seller_unit\":\"县机械厂\"");
	EXPECT_STR(r, "error.field", "seller_unit_proof");
	EXPECT(buy(srv, "minjing1", scrap, "production",
		   ",\"seller_address\":\"东街1号\",\"seller_unit\":\"县机械厂\",\"seller_unit_proof\":\"机证2026-15\""),
	       201);
	/* a banned item is never bought: only reported */
	r = buy(srv, "minjing1", scrap, "banned_utility", ",\"seller_address\":\"东街1号\"");
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-SCRAP-REG");
	EXPECT_STR(r, "error.field", "item_class");
	EXPECT_FIELD(buy(srv, "minjing1", scrap, "banned_utility", ",\"seller_address\":\"东街1号\",\"suspicious\":true"),
		     400, "suspicion");
	r = buy(srv, "minjing1", scrap, "banned_utility",
		",\"seller_address\":\"东街1号\",\"suspicious\":true,\"suspicion\":\"带供电局标记的电缆\"");
	EXPECT(r, 201);
	rep = rnum(r, "scrap_purchase.id");
	EXPECT_BOOL(r, "scrap_purchase.suspicious", 1);
	assert_string_not_equal(level_of(srv, fmt(srv, "scrap_purchase:%lld:handle", rep)), "-");
	assert_int_equal(today_rows(srv, "minjing1", "scrap_report", "测试回收站"), 1);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/scrap-purchases?unit_id=%lld", scrap), NULL);
	EXPECT_NUM(r, "total", 3);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/scrap-purchases?unit_id=%lld&open=1", scrap), NULL);
	EXPECT_NUM(r, "total", 1);
	/* the police act: sworn staff only, held against a receipt */
	EXPECT(http(srv, U("fujing"), "POST", fmt(srv, API "/scrap-purchases/%lld/handling", rep),
		    "{\"handling\":\"held\",\"receipt_no\":\"扣2026-1\"}"),
	       403);
	EXPECT_ERR(srv, http(srv, U("minjing1"), "POST", fmt(srv, API "/scrap-purchases/%lld/handling", ok),
			     "{\"handling\":\"held\",\"receipt_no\":\"扣2026-1\"}"),
		   409, "NOT_REPORTED", "COM-SCRAP-REPORT");
	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/scrap-purchases/%lld/handling", rep), "{\"handling\":\"held\"}");
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-SCRAP-REPORT");
	EXPECT_STR(r, "error.field", "receipt_no");
	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/scrap-purchases/%lld/handling", rep),
		 "{\"handling\":\"held\",\"receipt_no\":\"扣2026-1\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "scrap_purchase.handling", "held");
	assert_string_equal(level_of(srv, fmt(srv, "scrap_purchase:%lld:handle", rep)), "-");
	assert_int_equal(today_rows(srv, "minjing1", "scrap_report", "测试回收站"), 0);
	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/scrap-purchases/%lld/handling", rep),
		 "{\"handling\":\"returned\",\"note\":\"查明系供电所报废电缆，已发还\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "scrap_purchase.handling", "returned");
	EXPECT_STR(r, "scrap_purchase.receipt_no", "扣2026-1");
	EXPECT_ERR(srv, http(srv, U("minjing1"), "POST", fmt(srv, API "/scrap-purchases/%lld/handling", rep),
			     "{\"handling\":\"confirmed\"}"),
		   409, "HANDLED", "COM-SCRAP-REPORT");
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/scrap-purchases?unit_id=%lld&open=1", scrap), NULL);
	EXPECT_NUM(r, "total", 0);
}

/* 4. COM-TRADE-LICENCE and COM-KEYUNIT-SETUP: a licence 10 days from its
 * expiry (inside the 30-day warning) and one 60 days away; a key unit last
 * drilled 13 months ago, then today */
STORY(licences_and_drills)
{
	long long near = unit_new(srv, "special_trade", "locksmith", "测试开锁店",
				  fmt(srv, ",\"licence_no\":\"K-1\",\"licence_expires_on\":\"%s\"", dstr(srv, 10)));
	long long far = unit_new(srv, "special_trade", "seal", "测试刻章店",
				 fmt(srv, ",\"licence_no\":\"S-1\",\"licence_expires_on\":\"%s\"", dstr(srv, 60)));
	long long bank = unit_new(srv, "internal_unit", "finance", "测试信用社",
				   ",\"key_unit\":true,\"security_chief\":\"保卫科长\",\"key_unit_category\":\"telecom_finance\","
				   "\"key_unit_decision\":\"县政发〔2024〕18号\",\"key_unit_decided_on\":\"2024-03-15\"");
	long long school = unit_new(srv, "internal_unit", "school", "测试小学", NULL);
	struct resp *r;

	assert_string_not_equal(level_of(srv, fmt(srv, "trade:%lld:licence:%s", near, dstr(srv, 10))), "-");
	assert_string_not_equal(level_of(srv, fmt(srv, "trade:%lld:licence:%s", near, dstr(srv, 10))), "BREACH");
	assert_int_equal(today_rows(srv, "minjing1", "trade_licence", "测试开锁店"), 1);
	assert_int_equal(today_rows(srv, "minjing1", "trade_licence", "测试刻章店"), 0);
	(void)far;
	/* a new key unit: its drill is due in 12 months, not today */
	assert_int_equal(today_rows(srv, "minjing1", "trade_drill", "测试信用社"), 0);
	/* only a key unit drills; not in the future */
	EXPECT_ERR(srv, http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/drills", school),
			     J(srv, "{s:s}", "drilled_on", dstr(srv, -1))),
		   409, "NOT_KEY_UNIT", "COM-KEYUNIT-SETUP");
	EXPECT_FIELD(http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/drills", bank),
			  J(srv, "{s:s}", "drilled_on", dstr(srv, 1))),
		     400, "drilled_on");
	EXPECT(http(srv, U("fujing"), "POST", fmt(srv, API "/trade-units/%lld/drills", bank),
		    J(srv, "{s:s}", "drilled_on", dstr(srv, -1))),
	       403);
	/* drilled 400 days ago: past the 12 months */
	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/drills", bank),
		 J(srv, "{s:s, s:s}", "plan_on", dstr(srv, -500), "drilled_on", dstr(srv, -400)));
	EXPECT(r, 200);
	EXPECT_STR(r, "trade_unit.last_drill_on", dstr(srv, -400));
	EXPECT_STR(r, "trade_unit.plan_on", dstr(srv, -500));
	assert_string_equal(level_of(srv, fmt(srv, "trade:%lld:drill:%s", bank, dstr(srv, -400))), "BREACH");
	assert_int_equal(today_rows(srv, "minjing1", "trade_drill", "测试信用社"), 1);
	/* drilled today: the old clock gone, the new one far off */
	EXPECT(http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/drills", bank),
		    J(srv, "{s:s}", "drilled_on", dstr(srv, 0))),
	       200);
	assert_string_equal(level_of(srv, fmt(srv, "trade:%lld:drill:%s", bank, dstr(srv, -400))), "-");
	assert_string_equal(level_of(srv, fmt(srv, "trade:%lld:drill:%s", bank, dstr(srv, 0))), "OK");
	assert_int_equal(today_rows(srv, "minjing1", "trade_drill", "测试信用社"), 0);
}

/* the text of an XLSX answer (one line per row) */
static const char *xlsx_text(struct server *srv, const struct resp *r)
{
	struct buf b;
	struct ps_err e;
	const char *s;

	buf_init(&b, 1 << 20);
	assert_int_equal(xlsx_to_csv((const unsigned char *)r->body, r->body_len, &b, &e), 0);
	s = fmt(srv, "%s", buf_str(&b));
	buf_release(&b);
	return s;
}

static int lines_of(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* 5. the ledgers: one per special trade, the guests, the key persons and
 * the rentals, each with the station's header and its total row */
STORY(community_ledgers)
{
	long long h1 = unit_new(srv, "special_trade", "hotel", "测试台账旅馆甲", NULL), n, sum;
	struct resp *r;
	const char *t;

	unit_new(srv, "special_trade", "hotel", "测试台账旅馆乙", NULL);
	unit_new(srv, "special_trade", "pawn", "测试台账典当行", NULL);
	EXPECT(guest(srv, "minjing1", h1, "台账旅客", "passport", "E2468013", "法国", "111", now_s(srv) - 7200), 201);
	n = db_raw_int(srv->db,
		       "SELECT COUNT(*) FROM trade_unit t JOIN org_unit o ON o.id = t.station_id"
		       " WHERE o.name = '城关派出所' AND t.kind = 'hotel' AND t.closed_on IS NULL",
		       NULL);
	/* the ledger of one kind: hotels only */
	r = http(srv, U("suozhang"), "POST", API "/exports",
		 "{\"kind\":\"special_trades\",\"sub_kind\":\"hotel\",\"format\":\"xlsx\",\"reason\":\"旅馆业季度检查台账\"}");
	EXPECT(r, 200);
	t = xlsx_text(srv, r);
	assert_non_null(strstr(t, "城关派出所旅馆业台账"));
	assert_non_null(strstr(t, "测试台账旅馆甲"));
	assert_non_null(strstr(t, "测试台账旅馆乙"));
	assert_null(strstr(t, "测试台账典当行"));
	assert_non_null(strstr(t, fmt(srv, "合计：%lld 条", n)));
	/* header, watermark, titles, the rows, the total */
	assert_int_equal(lines_of(t), 3 + (int)n + 1);
	/* the guests: the foreign guest, his document masked in a clerk's file */
	r = http(srv, U("neiqin"), "POST", API "/exports",
		 "{\"kind\":\"hotel_guests\",\"format\":\"csv\",\"reason\":\"旅客住宿登记月度台账\"}");
	EXPECT(r, 200);
	assert_non_null(strstr(r->body, "台账旅客"));
	assert_non_null(strstr(r->body, "法国"));
	assert_null(strstr(r->body, "E2468013"));
	/* the key persons: the station's listed and tenant ones, not removed */
	n = db_raw_int(srv->db,
		       "SELECT COUNT(*) FROM key_person k JOIN org_unit o ON o.id = k.station_id"
		       " WHERE o.name = '城关派出所' AND k.status <> 'removed'",
		       NULL);
	assert_true(n > 10);
	r = http(srv, U("suozhang"), "GET", API "/ledgers/key_persons", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", n);
	EXPECT_STR(r, "header", "城关派出所重点人员台账");
	EXPECT_STR(r, "total_row.name", fmt(srv, "合计：%lld 条", n));
	/* an auxiliary reads no key person (COM-ZD-INTERNAL) */
	EXPECT(http(srv, U("fujing"), "GET", API "/ledgers/key_persons", NULL), 403);
	/* the rentals: the total row sums the tenants living there */
	sum = db_raw_int(srv->db,
			 "SELECT COUNT(*) FROM tenancy t JOIN rental r ON r.id = t.rental_id JOIN org_unit o"
			 " ON o.id = r.station_id WHERE o.name = '城关派出所' AND t.to_date IS NULL",
			 NULL);
	r = http(srv, U("suozhang"), "GET", API "/ledgers/rentals", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total_row.tenants", sum);
	EXPECT_STR(r, "header", "城关派出所出租房屋台账");
}

/* 6. COM-KEYUNIT-DEF: a key unit only with its range and the government's
 * decision, recorded on the unit */
STORY(key_unit_decision)
{
	struct resp *r;
	long long id;

	r = http(srv, U("minjing1"), "POST", API "/trade-units",
		 J(srv, "{s:s, s:s, s:s, s:b}", "category", "internal_unit", "kind", "hospital", "name", "测试医院甲", "key_unit", 1));
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-KEYUNIT-DEF");
	EXPECT_STR(r, "error.field", "key_unit_category");
	r = http(srv, U("minjing1"), "POST", API "/trade-units",
		 J(srv, "{s:s, s:s, s:s, s:b, s:s}", "category", "internal_unit", "kind", "hospital", "name", "测试医院甲", "key_unit", 1,
		   "key_unit_category", "education"));
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-KEYUNIT-DEF");
	EXPECT_STR(r, "error.field", "key_unit_decision");
	/* a decision dated tomorrow is not a decision yet */
	EXPECT_FIELD(http(srv, U("minjing1"), "POST", API "/trade-units",
			  J(srv, "{s:s, s:s, s:s, s:b, s:s, s:s, s:s}", "category", "internal_unit", "kind", "hospital", "name",
			    "测试医院甲", "key_unit", 1, "key_unit_category", "education", "key_unit_decision", "县政发〔2026〕3号",
			    "key_unit_decided_on", dstr(srv, 1))),
		     400, "key_unit_decided_on");
	/* a decision without the flag is a contradiction */
	EXPECT_FIELD(http(srv, U("minjing1"), "POST", API "/trade-units",
			  J(srv, "{s:s, s:s, s:s, s:s}", "category", "internal_unit", "kind", "hospital", "name", "测试医院甲",
			    "key_unit_decision", "县政发〔2026〕3号")),
		     400, "key_unit");
	r = http(srv, U("minjing1"), "POST", API "/trade-units",
		 J(srv, "{s:s, s:s, s:s, s:b, s:s, s:s, s:s}", "category", "internal_unit", "kind", "hospital", "name", "测试医院甲",
		   "key_unit", 1, "key_unit_category", "education", "key_unit_decision", "县政发〔2026〕3号", "key_unit_decided_on",
		   dstr(srv, -30)));
	EXPECT(r, 201);
	id = rnum(r, "trade_unit.id");
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/trade-units/%lld", id), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "trade_unit.key_unit_category", "education");
	EXPECT_STR(r, "trade_unit.key_unit_decision", "县政发〔2026〕3号");
	EXPECT_STR(r, "trade_unit.key_unit_decided_on", dstr(srv, -30));
	/* an ordinary unit needs none of it */
	EXPECT(http(srv, U("minjing1"), "POST", API "/trade-units",
		    J(srv, "{s:s, s:s, s:s}", "category", "internal_unit", "kind", "hospital", "name", "测试医院乙")),
	       201);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(hotel_guests),
		T(wanted_hits),
		T(scrap_purchases),
		T(licences_and_drills),
		T(community_ledgers),
		T(key_unit_decision),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
