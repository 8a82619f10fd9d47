/* seed_left_items.c — the demo's hotel left property and one suspicious
 * guest (COM-HOTEL-LEFT, COM-FOUND-STATE, COM-HOTEL-DUTY): in 城关 a bag
 * kept and posted 20 days ago; a charger and earphones posted 100 days ago
 * and still at the hotel (past the 3 months: a today row); a watch given
 * back to its owner; a camera the station took 200 days ago (held, within
 * its year); a suitcase the station took 400 days ago (past the year: may
 * go to the state); a coat handed to the state last summer; a phone the
 * station gave back to its owner. 东街快捷酒店 reported 孙浩 as suspicious. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/rows.h"
#include "domain/trades/hotel_guests.h"
#include "domain/trades/left_items.h"
#include "rules/date.h"

static int64_t one(struct ctx *c, const char *sql, const char *a, const char *b, int *rc)
{
	struct rows_query q;
	int64_t id = 0;

	if (*rc)
		return 0;
	rows_binds(&q, c);
	rows_bind_text(&q, a);
	if (b)
		rows_bind_text(&q, b);
	*rc = rows_int(&q, sql, 0, &id);
	return id;
}

#define UNIT_SQL "SELECT MIN(id) FROM trade_unit WHERE name = ?"
#define GUEST_SQL "SELECT MIN(id) FROM hotel_guest WHERE name = ? AND room = ?"

int seed_demo_left_items(struct ctx *c)
{
	static const struct {
		const char *hotel, *room, *what, *keeper, *guest, *guest_room;
		int found, noticed;       /* days ago */
		char fate;                /* k kept, r returned by the hotel, h held, c claimed at the station, s state */
		int handed, state_or_ret; /* days ago */
	} items[] = {
		{ "城关宾馆", "203", "黑色双肩包一个（内有衣物、充电器）", "前台 王丽", "钱晓燕", "203", 20, 20, 'k', 0, 0 },
		{ "悦来客栈", "6", "充电宝一个、蓝牙耳机一副", "店主 孙丽", NULL, NULL, 101, 100, 'k', 0, 0 },
		{ "城关宾馆", "305", "男式手表一块（银色钢带）", "前台 王丽", NULL, NULL, 45, 45, 'r', 0, 40 },
		{ "东街快捷酒店", "612", "数码相机一台（佳能，黑色）", "大堂经理 刘洋", NULL, NULL, 300, 299, 'h', 200, 0 },
		{ "城关宾馆", "201", "拉杆箱一个（灰色，内有衣物）", "前台 王丽", NULL, NULL, 500, 498, 'h', 400, 0 },
		{ "悦来客栈", "3", "男式羽绒服一件", "店主 孙丽", NULL, NULL, 700, 700, 's', 600, 200 },
		{ "东街快捷酒店", "701", "手机一部（白色）", "大堂经理 刘洋", NULL, NULL, 150, 150, 'c', 50, 30 },
	};
	int rc = auth_actor_load(c, "fujing");

	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]) && !rc; i++) {
		struct left_item_input in = { 0 };
		json_t *out = NULL;
		int64_t id;
		char fate = items[i].fate;

		in.unit_id = one(c, UNIT_SQL, items[i].hotel, NULL, &rc);
		in.guest_id = items[i].guest ? one(c, GUEST_SQL, items[i].guest, items[i].guest_room, &rc) : 0;
		in.found_on = seed_day(c, items[i].found);
		in.noticed_on = seed_day(c, items[i].noticed);
		in.room = items[i].room;
		in.description = items[i].what;
		in.kept_by = items[i].keeper;
		if (!rc && !in.unit_id)
			continue; /* a demo without the hotel */
		if (!rc)
			rc = auth_actor_load(c, "fujing");
		if (!rc)
			rc = left_items_create(c, &in, &out);
		id = rc ? 0 : json_integer_value(json_object_get(json_object_get(out, "left_item"), "id"));
		json_decref(out);
		out = NULL;
		if (!rc && fate == 'r')
			rc = left_items_return(c, id, seed_day(c, items[i].state_or_ret), "失主（旅客本人）", &out);
		if (!rc && (fate == 'h' || fate == 'c' || fate == 's')) {
			rc = auth_actor_load(c, "minjing1");
			if (!rc)
				rc = left_items_receive(c, id, seed_day(c, items[i].handed), NULL, &out);
		}
		json_decref(out);
		out = NULL;
		if (!rc && fate == 'c')
			rc = left_items_return(c, id, seed_day(c, items[i].state_or_ret), "失主 何建平（凭购机发票认领）", &out);
		if (!rc && fate == 's')
			rc = left_items_to_state(c, id, seed_day(c, items[i].state_or_ret), "招领一年无人认领，上缴县财政", &out);
		json_decref(out);
	}
	if (!rc) {
		int64_t guest = one(c, GUEST_SQL, "孙浩", "612", &rc);
		json_t *out = NULL;

		if (!rc && guest)
			rc = auth_actor_load(c, "fujing");
		if (!rc && guest)
			rc = hotel_guests_suspicious(c, guest, "深夜多次进出，随身携带多部手机和多张他人银行卡", &out);
		json_decref(out);
	}
	return rc;
}

SEED_STEP(170, seed_demo_left_items);
