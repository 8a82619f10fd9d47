/* seed_community_gaps.c — the demo of the issue 16 gaps: in 西街一区 one key
 * person removed with the chief's approval, one request rejected and one
 * waiting for the chief (撤管); guests of 城关's hotels (two foreign, one of
 * them not reported for more than 24 hours); purchases of 城关's scrap buyer
 * (one production lot with its certificate, one suspicious lot held against
 * a receipt and one waiting for the police); the drills of its key units
 * (one 13 months ago, past the county's 12) and a licence expiring in two
 * weeks; seals cut by 城关印章刻制社 on their approving documents and tickets
 * of 鑫源典当行 (one reported: a 警情). Made through the domain operations, as each account would. Runs
 * after seed_demo_trades. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/community/key_person_removals.h"
#include "domain/trades/hotel_guests.h"
#include "domain/trades/pawn_tickets.h"
#include "domain/trades/scrap_purchases.h"
#include "domain/trades/seal_orders.h"
#include "domain/trades/trade_reminders.h"
#include "domain/rows.h"
#include "rules/date.h"
#include "rules/idcard.h"

#include <stdio.h>
#include <string.h>

static int64_t id_of(json_t *out, const char *obj)
{
	return json_integer_value(json_object_get(json_object_get(out, obj), "id"));
}

static int removals(struct ctx *c)
{
	static const char *const reasons[3] = {
		"考察期满两年，表现良好，已稳定就业",
		"已长期外出务工，联系方式有效",
		"刑满释放满五年，无违法记录",
	};
	struct rows_query q;
	json_t *rows, *out = NULL;
	int64_t ids[3] = { 0, 0, 0 }, rid[3] = { 0, 0, 0 };
	int rc;

	rows_binds(&q, c);
	rc = rows_all(&q,
		      "SELECT k.id FROM key_person k JOIN beat b ON b.id = k.beat_id WHERE b.name = '西街一区'"
		      " AND k.source = 'listed' AND k.status = 'active' ORDER BY k.id LIMIT 3",
		      &rows);
	if (rc)
		return rc;
	for (size_t i = 0; i < 3 && i < json_array_size(rows); i++)
		ids[i] = row_int(json_array_get(rows, i), "id");
	json_decref(rows);
	rc = auth_actor_load(c, "minjing4");
	for (int i = 0; i < 3 && !rc; i++) {
		if (!ids[i])
			continue;
		rc = key_person_removals_request(c, ids[i], reasons[i], &out);
		rid[i] = rc ? 0 : id_of(out, "removal");
		json_decref(out);
		out = NULL;
	}
	if (!rc)
		rc = auth_actor_load(c, "suozhang");
	if (!rc && rid[0]) {
		rc = key_person_removals_decide(c, rid[0], 1, "同意撤管，转为一般关注", &out);
		json_decref(out);
		out = NULL;
	}
	if (!rc && rid[1]) {
		rc = key_person_removals_decide(c, rid[1], 0, "外出期间仍需电话联系，暂不撤管", &out);
		json_decref(out);
	}
	return rc;
}

static int64_t unit_named(struct ctx *c, const char *name, int *rc)
{
	struct rows_query q;
	int64_t id = 0;

	if (*rc)
		return 0;
	rows_binds(&q, c);
	rows_bind_text(&q, name);
	*rc = rows_int(&q, "SELECT MIN(id) FROM trade_unit WHERE name = ?", 0, &id);
	return id;
}

/* a valid 居民身份证 number of 140105 (the demo county's area), seq 1..999 */
static const char *id_no(struct ctx *c, int year, int seq)
{
	char d17[32];

	snprintf(d17, sizeof(d17), "140105%04d%02d%02d%03d", year % 10000, 1 + seq % 12, 1 + seq % 28,
		 (seq % 1000 + 1000) % 1000);
	return arena_printf(c->arena, "%s%c", d17, idcard_check_char(d17));
}

static int guests(struct ctx *c)
{
	static const struct {
		const char *hotel, *name, *type, *nat, *room;
		int hours_ago, out_after, reported;
	} g[] = {
		{ "城关宾馆", "赵文斌", "id_card", "中国", "201", 30, 20, 0 },
		{ "城关宾馆", "钱晓燕", "id_card", "中国", "203", 10, 0, 0 },
		{ "城关宾馆", "Michael Brown", "passport", "美国", "305", 28, 0, 0 },
		{ "东街快捷酒店", "孙浩", "id_card", "中国", "612", 5, 0, 0 },
		{ "东街快捷酒店", "李秀英", "id_card", "中国", "615", 50, 40, 0 },
		{ "东街快捷酒店", "Tanaka Hiroshi", "passport", "日本", "701", 6, 0, 0 },
		{ "东街快捷酒店", "陈嘉欣", "hk_macao_tw", "中国", "702", 26, 0, 1 },
		{ "悦来客栈", "周建军", "id_card", "中国", "8", 3, 0, 0 },
	};
	int rc = auth_actor_load(c, "fujing");

	for (size_t i = 0; i < sizeof(g) / sizeof(g[0]) && !rc; i++) {
		struct hotel_guest_input in = { 0 };
		json_t *out = NULL;
		int64_t id;

		in.unit_id = unit_named(c, g[i].hotel, &rc);
		in.name = g[i].name;
		in.id_type = g[i].type;
		in.id_number = !strcmp(g[i].type, "id_card") ? id_no(c, 1970 + (int)i * 3, 100 + (int)i)
				: arena_printf(c->arena, "%c%08d", !strcmp(g[i].type, "passport") ? 'E' : 'H', 3141590 + (int)i);
		in.nationality = g[i].nat;
		in.room = g[i].room;
		in.checkin_at = c->now - g[i].hours_ago * 3600;
		in.reported = g[i].reported;
		if (!rc)
			rc = hotel_guests_create(c, &in, &out);
		id = rc ? 0 : json_integer_value(json_object_get(json_object_get(out, "hotel_guest"), "id"));
		json_decref(out);
		out = NULL;
		if (!rc && g[i].out_after) {
			rc = hotel_guests_checkout(c, id, in.checkin_at + g[i].out_after * 3600, &out);
			json_decref(out);
		}
	}
	return rc;
}

static int purchases(struct ctx *c)
{
	int rc = 0;
	int64_t unit = unit_named(c, "城关废旧金属回收站", &rc), held = 0;
	json_t *out = NULL;
	struct scrap_purchase_input in = { 0 };

	if (!rc && !unit)
		return PS_OK;
	if (!rc)
		rc = auth_actor_load(c, "fujing");
	in.unit_id = unit;
	in.item_class = "general";
	in.item = "废旧铝制门窗";
	in.item_state = "旧";
	in.weight_g = 86000;
	in.seller_name = "吴国庆";
	in.seller_id_number = id_no(c, 1968, 211);
	in.seller_address = "城关镇西街村";
	in.purchased_on = seed_day(c, 6);
	if (!rc)
		rc = scrap_purchases_create(c, &in, &out);
	json_decref(out);
	out = NULL;
	in.item_class = "production";
	in.item = "机加工钢屑";
	in.spec = "45号钢";
	in.weight_g = 1250000;
	in.seller_name = "郑海";
	in.seller_id_number = id_no(c, 1979, 322);
	in.seller_address = "城关镇工业园";
	in.seller_unit = "县通用机械厂";
	in.seller_unit_proof = "机械厂证明〔2026〕31号";
	in.purchased_on = seed_day(c, 3);
	if (!rc)
		rc = scrap_purchases_create(c, &in, &out);
	json_decref(out);
	out = NULL;
	in = (struct scrap_purchase_input){ 0 };
	in.unit_id = unit;
	in.item_class = "banned_utility";
	in.item = "铜芯电缆（带供电局标记）";
	in.weight_g = 42000;
	in.seller_name = "冯某";
	in.seller_id_number = id_no(c, 1990, 433);
	in.seller_address = "外县，暂住城关镇北关";
	in.suspicious = 1;
	in.suspicion = "电缆外皮有供电局标记，出售人说不清来源";
	in.purchased_on = seed_day(c, 2);
	if (!rc)
		rc = scrap_purchases_create(c, &in, &out);
	held = rc ? 0 : json_integer_value(json_object_get(json_object_get(out, "scrap_purchase"), "id"));
	json_decref(out);
	out = NULL;
	in.item_class = "general";
	in.item = "井盖（铸铁）";
	in.weight_g = 65000;
	in.seller_name = "褚某";
	in.seller_id_number = id_no(c, 1985, 544);
	in.seller_address = "城关镇南街";
	in.suspicion = "疑似市政井盖";
	in.purchased_on = seed_day(c, 0);
	if (!rc)
		rc = scrap_purchases_create(c, &in, &out);
	json_decref(out);
	out = NULL;
	if (!rc)
		rc = auth_actor_load(c, "minjing1");
	if (!rc && held) {
		rc = scrap_purchases_handle(c, held, "held", "城关扣〔2026〕07号", "已扣留，函询县供电公司", &out);
		json_decref(out);
	}
	return rc;
}

/* seals cut by 城关印章刻制社, each on its approving document (COM-SEAL) */
static int seals(struct ctx *c)
{
	static const struct {
		const char *kind, *text, *unit, *code, *doc, *organ, *handler;
		int back, seq;
	} o[] = {
		{ "official", "城关镇恒达建材有限公司", "城关镇恒达建材有限公司", "91140105MA0HD0001X", "营业执照 91140105MA0HD0001X",
		  "县市场监督管理局", "高志远", 40, 611 },
		{ "finance", "城关镇恒达建材有限公司财务专用章", "城关镇恒达建材有限公司", "91140105MA0HD0001X",
		  "营业执照 91140105MA0HD0001X", "县市场监督管理局", "高志远", 40, 611 },
		{ "official", "城关镇东街社区居民委员会", "城关镇东街社区居民委员会", NULL, "城政发〔2026〕12号", "城关镇人民政府",
		  "林秀芳", 12, 622 },
		{ "contract", "县宏远物流有限公司合同专用章", "县宏远物流有限公司", "91140105MA0HY0002Y", "营业执照 91140105MA0HY0002Y",
		  "县市场监督管理局", "田伟", 3, 633 },
	};
	int rc = 0;
	int64_t unit = unit_named(c, "城关印章刻制社", &rc);
	json_t *out = NULL;

	if (!rc && !unit)
		return PS_OK;
	if (!rc)
		rc = auth_actor_load(c, "fujing");
	for (size_t i = 0; i < sizeof(o) / sizeof(o[0]) && !rc; i++) {
		struct seal_order_input in = { 0 };

		in.unit_id = unit;
		in.made_on = seed_day(c, o[i].back);
		in.seal_kind = o[i].kind;
		in.seal_text = o[i].text;
		in.customer_unit = o[i].unit;
		in.customer_code = o[i].code;
		in.approval_doc = o[i].doc;
		in.approval_organ = o[i].organ;
		in.handler_name = o[i].handler;
		in.handler_id_number = id_no(c, 1975, o[i].seq);
		rc = seal_orders_create(c, &in, &out);
		json_decref(out);
		out = NULL;
	}
	return rc;
}

/* tickets of 鑫源典当行: two ordinary, one reported (COM-PAWN) */
static int pawns(struct ctx *c)
{
	static const struct {
		const char *no, *cls, *item, *origin, *name, *suspicion;
		int64_t amount;
		int back, seq;
	} t[] = {
		{ "XY2026-0311", "jewellery", "足金项链 25克", "本人购买，有购货发票", "曹丽", NULL, 8000, 20, 711 },
		{ "XY2026-0327", "vehicle", "小型轿车 晋A·3K5**", "本人名下，行驶证、登记证书齐全", "许文斌", NULL, 45000, 9, 722 },
		{ "XY2026-0340", "electronics", "笔记本电脑 2台（九成新）", "称朋友抵债所得，无发票", "邹某", "同型号两台，出质人说不清来源",
		  3000, 1, 733 },
	};
	int rc = 0;
	int64_t unit = unit_named(c, "鑫源典当行", &rc);
	json_t *out = NULL;

	if (!rc && !unit)
		return PS_OK;
	if (!rc)
		rc = auth_actor_load(c, "minjing1");
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]) && !rc; i++) {
		struct pawn_ticket_input in = { 0 };

		in.unit_id = unit;
		in.ticket_no = t[i].no;
		in.pawned_on = seed_day(c, t[i].back);
		in.item_class = t[i].cls;
		in.item = t[i].item;
		in.origin = t[i].origin;
		in.amount_yuan = t[i].amount;
		in.pledger_name = t[i].name;
		in.pledger_id_number = id_no(c, 1986, t[i].seq);
		in.suspicious = t[i].suspicion != NULL;
		in.suspicion = t[i].suspicion;
		rc = pawn_tickets_create(c, &in, &out);
		json_decref(out);
		out = NULL;
	}
	return rc;
}

/* drills of 城关's key units; a licence expiring soon */
static int drills(struct ctx *c)
{
	int rc = auth_actor_load(c, "minjing1");
	int64_t bank = unit_named(c, "农业银行城关支行", &rc), coop = unit_named(c, "城关信用社", &rc),
		school = unit_named(c, "城关第一小学", &rc), lock = unit_named(c, "便民开锁服务部", &rc);
	json_t *out = NULL;

	if (!rc && bank) {
		rc = trade_reminders_drill(c, bank, seed_day(c, 700), seed_day(c, 60), &out);
		json_decref(out);
		out = NULL;
	}
	if (!rc && coop) {
		rc = trade_reminders_drill(c, coop, seed_day(c, 800), seed_day(c, 400), &out);
		json_decref(out);
		out = NULL;
	}
	if (!rc && school) {
		rc = trade_reminders_drill(c, school, seed_day(c, 500), seed_day(c, 150), &out);
		json_decref(out);
	}
	if (!rc && lock) {
		struct rows_query q;

		rows_binds(&q, c);
		rows_bind_text(&q, seed_day(c, -14));
		rows_bind_int(&q, lock);
		rc = rows_exec(&q, "UPDATE trade_unit SET licence_expires_on = ? WHERE id = ?", NULL);
	}
	return rc;
}

int seed_demo_community_gaps(struct ctx *c)
{
	int rc = removals(c);

	if (!rc)
		rc = guests(c);
	if (!rc)
		rc = purchases(c);
	if (!rc)
		rc = drills(c);
	if (!rc)
		rc = seals(c);
	if (!rc)
		rc = pawns(c);
	return rc;
}

SEED_STEP(145, seed_demo_community_gaps);
