/* seed_circulated_goods.c — the demo of the 协查物品 list (issue 16): eight
 * goods 城关 circulated (a stolen 电动车 with its 车架号, phones with their
 * IMEI, copper cable, a necklace, a laptop, a motorcycle), one of them
 * withdrawn as recovered; then a phone brought to 鑫源典当行 whose IMEI is a
 * circulated one: the ticket is recorded as a report, its 警情 opened and
 * the hit shown on the good (COM-PAWN). Made through the domain
 * operations, as each account would. Runs after seed_demo_community_gaps. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/rows.h"
#include "domain/trades/circulated_goods.h"
#include "domain/trades/pawn_tickets.h"
#include "rules/date.h"
#include "rules/idcard.h"

#include <stdio.h>

/* the goods 城关 circulated; the fifth (a phone) recovered and withdrawn */
int seed_demo_circulated_goods(struct ctx *c)
{
	static const struct {
		const char *user, *name, *cat, *brand, *ident, *features;
		int64_t value;
		int back, valid_days;
	} g[] = {
		{ "minjing1", "电动自行车", "ebike", "雅迪 DE3", "YD2026E0318427", "白色，后座加装儿童座椅，车筐有凹痕", 2800, 12, 0 },
		{ "minjing1", "手机", "phone", "华为 Mate 60", "86 775306 123456 7", "黑色，背面有裂纹，蓝色手机壳", 5999, 5, 0 },
		{ "minjing2", "手机", "phone", "苹果 iPhone 15", "35-678912-345678-9", "粉色，屏幕左上角碎裂", 6999, 8, 0 },
		{ "suozhang", "铜芯电缆", "cable_metal", "YJV 3×95", NULL, "约200米，外皮印有“城关供电”字样，两端断口新鲜", 12000, 3, 60 },
		{ "minjing2", "手机", "phone", "小米 14", "86 123405 678901 2", "白色，贴有卡通贴纸", 3999, 20, 0 },
		{ "minjing1", "金项链", "jewellery", "足金", NULL, "约30克，麻花链，吊坠刻“福”字", 18000, 15, 0 },
		{ "minjing2", "笔记本电脑", "electronics", "联想 ThinkPad X1", "PF3K2L9X", "银灰色，键盘有磨损，贴有公司资产标签", 9000, 6, 0 },
		{ "suozhang", "摩托车", "motorcycle", "豪爵 HJ150", "HJ157FMI-26A01234", "红色，油箱右侧有划痕", 7500, 30, 0 },
	};
	int rc = 0;
	int64_t withdraw = 0;
	json_t *out = NULL;

	for (size_t i = 0; i < sizeof(g) / sizeof(g[0]) && !rc; i++) {
		struct circulated_goods_input in = { 0 };

		rc = auth_actor_load(c, g[i].user);
		if (rc)
			break;
		in.name = g[i].name;
		in.category = g[i].cat;
		in.brand_model = g[i].brand;
		in.identifier = g[i].ident;
		in.features = g[i].features;
		in.quantity = 1;
		in.value_yuan = g[i].value;
		in.circulated_on = seed_day(c, g[i].back);
		in.valid_until = g[i].valid_days ? seed_day(c, -g[i].valid_days) : NULL;
		rc = circulated_goods_create(c, &in, &out);
		if (!rc && i == 4)
			withdraw = json_integer_value(json_object_get(json_object_get(out, "circulated_goods"), "id"));
		json_decref(out);
		out = NULL;
	}
	if (!rc && withdraw) {
		rc = auth_actor_load(c, "minjing2");
		if (!rc)
			rc = circulated_goods_withdraw(c, withdraw, "recovered", "失主在二手市场发现，已追回发还", &out);
		json_decref(out);
	}
	return rc;
}

/* a phone brought to 鑫源典当行 today: its IMEI is the circulated 华为 */
int seed_demo_circulated_hit(struct ctx *c)
{
	struct pawn_ticket_input in = { 0 };
	struct rows_query q;
	int64_t unit = 0;
	char d17[32];
	json_t *out = NULL;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, "鑫源典当行");
	rc = rows_int(&q, "SELECT MIN(id) FROM trade_unit WHERE name = ?", 0, &unit);
	if (rc || !unit)
		return rc;
	rc = auth_actor_load(c, "fujing");
	if (rc)
		return rc;
	snprintf(d17, sizeof(d17), "14010519950611%03d", 744);
	in.unit_id = unit;
	in.ticket_no = "XY2026-0352";
	in.pawned_on = seed_day(c, 0);
	in.item_class = "electronics";
	in.item = "华为 Mate 60 手机";
	in.identifier = "867753061234567";
	in.origin = "称自用旧机，无发票和包装盒";
	in.amount_yuan = 1500;
	in.pledger_name = "蒋某";
	in.pledger_id_number = arena_printf(c->arena, "%s%c", d17, idcard_check_char(d17));
	rc = pawn_tickets_create(c, &in, &out);
	json_decref(out);
	return rc;
}

SEED_STEP(166, seed_demo_circulated_goods);
SEED_STEP(167, seed_demo_circulated_hit);
