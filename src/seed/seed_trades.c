/* seed_trades.c — the demo's 特种行业 and 内部单位 (issue 16, part B): hotels,
 * pawnshops, scrap buyers … and banks, schools, a hospital, a filling station
 * in 城关 and 北社, inspected over the last months through the inspection
 * operation; some inspections overdue, some findings rectified on re-check,
 * some past their deadline. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/rows.h"
#include "domain/population/employer_meetings.h"
#include "domain/population/employers.h"
#include "domain/population/floating.h"
#include "domain/trades/compounds.h"
#include "domain/trades/public_services.h"
#include "domain/trades/trade_findings.h"
#include "domain/trades/trade_inspections.h"
#include "domain/trades/trades.h"
#include "rules/date.h"

#include <string.h>

struct demo_unit {
	const char *category, *kind, *name, *licence, *responsible, *phone, *chief;
	int staff, cameras, linked, alarm, key;
	const char *guard, *physical;
	int last_ago;     /* days since the last inspection (0 = never) */
	int finding;      /* 0 none, 1 rectified on re-check, 2 open within deadline, 3 open past deadline */
	const char *problem, *offence;
};

static const struct demo_unit chengguan[] = {
	{ "special_trade", "hotel", "城关宾馆", "特行字第0001号", "赵建国", "13903410001", "钱卫东", 2, 16, 1, 1, 0,
	  "前台24小时值班", "客房门锁、消防通道", 12, 1, "两名旅客未登记身份证件号码", "OF-088" },
	{ "special_trade", "hotel", "悦来客栈", "特行字第0002号", "孙丽", "13903410002", NULL, 0, 6, 0, 0, 0,
	  "夜间店主值守", "防盗门", 75, 3, "境外旅客未在24小时内报送", NULL },
	{ "special_trade", "hotel", "东街快捷酒店", "特行字第0003号", "李明", "13903410003", "周强", 1, 24, 1, 1, 0,
	  "保安夜间巡查", "门禁系统", 20, 0, NULL, NULL },
	{ "special_trade", "pawn", "鑫源典当行", "典当许可 140102001", "王海燕", "13903410004", "吴刚", 2, 12, 1, 1, 0,
	  "营业时间双人值守", "保险柜、防弹玻璃", 40, 3, "当物来源未查验登记", "OF-096" },
	{ "special_trade", "scrap", "城关废旧金属回收站", "备案 2025-017", "郭勇", "13903410005", NULL, 0, 4, 0, 0, 0,
	  "白天值守", "围墙、铁门", 95, 2, "生产性废旧金属收购未登记经办人身份证号", "OF-096" },
	{ "special_trade", "seal", "城关印章刻制社", "刻章备案 0012", "何秀英", "13903410006", NULL, 0, 2, 0, 0, 0,
	  NULL, "防盗门", 30, 0, NULL, NULL },
	{ "special_trade", "locksmith", "便民开锁服务部", "开锁备案 0031", "马超", "13903410007", NULL, 0, 1, 0, 0, 0,
	  NULL, NULL, 0, 0, NULL, NULL },
	{ "special_trade", "used_phone", "数码二手手机店", NULL, "林涛", "13903410008", NULL, 0, 3, 0, 0, 0,
	  NULL, "防盗柜台", 50, 0, NULL, NULL },
	{ "internal_unit", "finance", "农业银行城关支行", NULL, "陈志强", "13903410009", "罗军", 4, 48, 1, 1, 1,
	  "保安4人、押运交接", "金库、防弹玻璃、联动报警", 25, 1, "监控录像保存不足30日", NULL },
	{ "internal_unit", "finance", "城关信用社", NULL, "黄玉兰", "13903410010", "高磊", 2, 20, 1, 1, 1,
	  "保安2人", "防盗门、联动报警", 45, 3, "营业室紧急报警装置失灵", NULL },
	{ "internal_unit", "school", "城关第一小学", NULL, "刘桂英", "13903410011", "张洋", 3, 30, 1, 1, 1,
	  "上下学护学岗", "校门隔离桩、一键报警", 60, 2, "门卫未落实来访登记", NULL },
	{ "internal_unit", "school", "城关中学", NULL, "徐建华", "13903410012", "胡平", 4, 52, 1, 1, 1,
	  "门卫、夜间巡逻", "围墙、校门防冲撞设施", 100, 0, NULL, NULL },
	{ "internal_unit", "hospital", "县人民医院", NULL, "杨敏", "13903410013", "朱伟", 8, 120, 1, 1, 1,
	  "保安8人、警务室", "门禁、重点部位报警", 35, 0, NULL, NULL },
	{ "internal_unit", "fuel", "城关加油站", NULL, "吴涛", "13903410014", NULL, 1, 10, 0, 1, 0,
	  "加油员兼保安", "防撞护栏", 40, 3, "散装汽油销售未实名登记", NULL },
	{ "internal_unit", "enterprise", "晋华纺织有限公司", NULL, "周鹏", "13903410015", "孙刚", 3, 36, 0, 1, 0,
	  "门卫、厂区巡逻", "围墙、电子围栏", 150, 0, NULL, NULL },
};

static const struct demo_unit beishe[] = {
	{ "special_trade", "hotel", "北社旅社", "特行字第0101号", "罗红", "13903420001", NULL, 0, 8, 0, 0, 0,
	  NULL, "防盗门", 28, 0, NULL, NULL },
	{ "special_trade", "scrap", "北社再生资源回收点", "备案 2025-031", "马建国", "13903420002", NULL, 0, 2, 0, 0, 0,
	  NULL, "围墙", 80, 3, "收购登记簿缺少物品规格", "OF-096" },
	{ "internal_unit", "school", "北社中心小学", NULL, "胡海燕", "13903420003", "郭强", 2, 16, 1, 1, 1,
	  "护学岗", "校门隔离桩", 20, 0, NULL, NULL },
	{ "internal_unit", "finance", "邮储银行北社营业所", NULL, "林志强", "13903420004", "何磊", 2, 18, 1, 1, 1,
	  "保安2人", "联动报警", 50, 0, NULL, NULL },
};

static const char *day_str(struct ctx *c, int64_t day)
{
	int y, m, d;

	date_civil_from_days(day, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

static int seed_unit(struct ctx *c, const struct demo_unit *u, int64_t address_id)
{
	struct trade_input in = { 0 };
	json_t *out = NULL, *items = NULL, *list, *findings = NULL, *w;
	int64_t today = date_local_days(c->now), id, on, fid;
	size_t i;
	int rc;

	in.category = u->category;
	in.kind = u->kind;
	in.name = u->name;
	in.address_id = address_id;
	in.licence_no = u->licence;
	in.responsible = u->responsible;
	in.phone = u->phone;
	in.security_chief = u->chief;
	in.security_staff = u->staff;
	in.cameras = u->cameras;
	in.video_linked = u->linked;
	in.alarm = u->alarm;
	in.key_unit = u->key;
	if (u->key) { /* decided by the county government (COM-KEYUNIT-DEF) */
		in.key_unit_category = !strcmp(u->kind, "finance")                                   ? "telecom_finance"
				       : !strcmp(u->kind, "school") || !strcmp(u->kind, "hospital") ? "education"
				       : !strcmp(u->kind, "fuel")                                    ? "dangerous"
												     : "other";
		in.key_unit_decision = "县政府关于确定治安保卫重点单位的通知（县政发〔2024〕18号）";
		in.key_unit_decided_on = "2024-03-15";
	}
	in.guard_measures = u->guard;
	in.physical_measures = u->physical;
	rc = trades_create(c, &in, &out);
	if (rc)
		return rc;
	id = json_integer_value(json_object_get(json_object_get(out, "trade_unit"), "id"));
	json_decref(out);
	/* registered well before: the never-inspected unit is due already */
	{
		struct rows_query q;

		rows_binds(&q, c);
		rows_bind_int(&q, c->now - 200 * 86400);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE trade_unit SET created_at = ? WHERE id = ?", NULL);
		if (rc)
			return rc;
	}
	if (!u->last_ago)
		return PS_OK;
	on = today - u->last_ago;
	list = trades_checklist(c, u->kind, c->who.station_id);
	items = json_array();
	if (!list || !items) {
		json_decref(list);
		json_decref(items);
		return PS_ENOMEM;
	}
	json_array_foreach(list, i, w)
		json_array_append_new(items, json_pack("{s:O, s:b}", "item", w, "ok", !(u->finding && i == 0)));
	if (u->finding) {
		/* open past deadline: 15 days given, the inspection long enough ago */
		int64_t dl = u->finding == 3 ? on + 15 : u->finding == 2 ? today + 10 : on + 30;

		if (u->finding == 3 && dl >= today)
			dl = today - 1;
		findings = json_pack("[{s:s, s:s, s:s?}]", "description", u->problem, "deadline", day_str(c, dl),
				     "offence_code", u->offence);
	}
	rc = trade_inspections_create(c, id, day_str(c, on), items, "现场检查，已告知整改要求", findings, 1, 0, &out);
	json_decref(list);
	json_decref(items);
	json_decref(findings);
	json_decref(out);
	if (rc || u->finding != 1)
		return rc;
	{
		struct rows_query q;

		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_int(&q, "SELECT MAX(id) FROM trade_finding WHERE unit_id = ?", 0, &fid);
	}
	if (!rc)
		rc = trade_findings_recheck(c, fid, day_str(c, on + 7 < today ? on + 7 : today), 1, "复查已整改", NULL,
					    &out);
	json_decref(out);
	return rc;
}

static int seed_station(struct ctx *c, const char *officer, const struct demo_unit *units, size_t n)
{
	struct rows_query q;
	json_t *addrs = NULL;
	int rc = auth_actor_load(c, officer);

	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_all(&q, "SELECT id FROM address WHERE station_id = ? ORDER BY id DESC LIMIT 40", &addrs);
	}
	for (size_t i = 0; i < n && !rc; i++)
		rc = seed_unit(c, &units[i],
			       json_array_size(addrs) ? json_integer_value(json_object_get(
								json_array_get(addrs, (i * 3) % json_array_size(addrs)), "id"))
						      : 0);
	json_decref(addrs);
	return rc;
}

/* 城关's employers: a spot check with a discrepancy and one without, a
 * meeting, and a departure reported by the employer */
static int seed_floating_work(struct ctx *c)
{
	struct rows_query q;
	json_t *emps = NULL, *out = NULL, *items;
	int64_t today = date_local_days(c->now), person = 0;
	int rc = auth_actor_load(c, "minjing1");

	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_all(&q, "SELECT id, name FROM employer_unit WHERE station_id = ? ORDER BY id LIMIT 3", &emps);
	}
	if (rc || json_array_size(emps) < 2) {
		json_decref(emps);
		return rc;
	}
	{
		int64_t e = json_integer_value(json_object_get(json_array_get(emps, 0), "id")), reg = 0;

		/* all registered persons found at work: no discrepancy */
		rows_binds(&q, c);
		rows_bind_int(&q, e);
		rows_bind_text(&q, day_str(c, today - 12));
		rows_bind_text(&q, day_str(c, today - 12));
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM floating_person WHERE employer_id = ? AND registered_on <= ?"
			      " AND (departed_on IS NULL OR departed_on > ?)",
			      0, &reg);
		if (!rc)
			rc = employers_spot_check(c, e, day_str(c, today - 12), reg, NULL, NULL, NULL, &out);
		json_decref(out);
		out = NULL;
	}
	if (!rc) {
		int64_t e = json_integer_value(json_object_get(json_array_get(emps, 1), "id")), reg = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, e);
		rc = rows_int(&q, "SELECT COUNT(*) FROM floating_person WHERE employer_id = ? AND departed_on IS NULL", 0, &reg);
		if (!rc)
			rc = employers_spot_check(c, e, day_str(c, today - 5), reg + 2, "现场2人未申报居住登记", NULL,
					     "警告，责令3日内补报", &out);
		json_decref(out);
		out = NULL;
	}
	if (!rc) {
		items = json_pack("[{s:O, s:s, s:s}, {s:O, s:s, s:s}]", "employer_id",
				  json_object_get(json_array_get(emps, 0), "id"), "outcome", "commended", "note", "按月申报",
				  "employer_id", json_object_get(json_array_get(emps, 1), "id"), "outcome", "penalized", "note",
				  "2人未申报，已警告");
		rc = items ? employer_meetings_create(c, day_str(c, today - 3), "冬季用工人员登记例会", "通报抽查情况", items, &out)
			   : PS_ENOMEM;
		json_decref(items);
		json_decref(out);
		out = NULL;
	}
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_int(&q, "SELECT MAX(person_id) FROM floating_person WHERE station_id = ? AND employer_id IS NOT NULL",
			      0, &person);
	}
	if (!rc && person) {
		rc = floating_depart(c, person, day_str(c, today - 9), "employer", "人事专员", day_str(c, today - 2), &out);
		json_decref(out);
	}
	json_decref(emps);
	return rc;
}

/* 城关's compounds: one designated 安全小区 since 90 days, one designated
 * and then (the video coverage fell) not, one never met the criteria */
static int seed_compounds(struct ctx *c)
{
	static const struct {
		const char *name, *community, *b1, *b2, *measures;
		int covered, patrol, guards, first_ago, second_ago;
	} cs[] = {
		{ "东街花园小区", "东街社区", "1号楼", "2号楼", "门禁、24小时保安值守、楼道视频全覆盖", 2, 1, 4, 90, 30 },
		{ "东街锦绣小区", "东街社区", "5号楼", "6号楼", "门禁、夜间巡逻", 2, 1, 2, 120, 20 },
		{ "西街老旧小区", "西街社区", "1号楼", "2号楼", "夜间治安志愿者巡逻", 0, 1, 0, 60, 0 },
	};
	int64_t today = date_local_days(c->now);
	int rc = auth_actor_load(c, "minjing1");

	for (size_t i = 0; i < sizeof(cs) / sizeof(cs[0]) && !rc; i++) {
		struct compound_input in = { 0 };
		json_t *out = NULL, *b = json_pack("[s, s]", cs[i].b1, cs[i].b2);
		int64_t id;

		in.name = cs[i].name;
		in.community = cs[i].community;
		in.buildings = b;
		in.buildings_total = 2;
		in.buildings_covered = cs[i].covered;
		in.patrol = cs[i].patrol;
		in.access_control = cs[i].guards > 0;
		in.guards = cs[i].guards;
		in.measures = cs[i].measures;
		rc = b ? compounds_create(c, &in, &out) : PS_ENOMEM;
		json_decref(b);
		if (rc)
			break;
		id = json_integer_value(json_object_get(json_object_get(out, "compound"), "id"));
		json_decref(out);
		rc = compounds_assess(c, id, day_str(c, today - cs[i].first_ago), &out);
		json_decref(out);
		if (!rc && cs[i].second_ago) {
			if (i == 1) { /* two cameras broke: 1 of 2 buildings covered */
				struct rows_query q;

				rows_binds(&q, c);
				rows_bind_int(&q, id);
				rc = rows_exec(&q, "UPDATE compound SET buildings_covered = 1 WHERE id = ?", NULL);
			}
			if (!rc)
				rc = compounds_assess(c, id, day_str(c, today - cs[i].second_ago), &out);
			json_decref(out);
		}
	}
	return rc;
}

/* 为民服务 of 城关's officers over the last weeks (all before today), and
 * three 治安形势预报 to villages and compounds named by the demo's calls */
static int seed_services(struct ctx *c)
{
	static const struct {
		const char *officer, *kind, *place, *class_name, *topic, *materials, *helped, *help, *conv;
		int ago, audience, quantity, incident;
	} sv[] = {
		{ "minjing1", "legal_class", "城关第一小学", "五年级二班", "预防校园欺凌", NULL, NULL, NULL, NULL, 20, 46, 1, 0 },
		{ "minjing1", "legal_class", "城关中学", "初二年级", "拒绝毒品", NULL, NULL, NULL, NULL, 9, 210, 1, 0 },
		{ "minjing1", "publicity", "汽车站", NULL, "返乡农民工防诈骗", "宣传单500份、展板2块", NULL, NULL, NULL, 6, 300, 1, 0 },
		{ "minjing1", "rescue", NULL, NULL, NULL, NULL, "走失老人（80岁）", "查找家属并护送回家", NULL, 4, 0, 1, 1 },
		{ "minjing1", "convenience", NULL, NULL, NULL, NULL, NULL, NULL, "certificate", 3, 0, 4, 0 },
		{ "minjing2", "publicity", "北关村村委会", NULL, "冬季防火防盗", "宣传册200份", NULL, NULL, NULL, 12, 150, 1, 0 },
		{ "minjing2", "convenience", NULL, NULL, NULL, NULL, NULL, NULL, "consultation", 2, 0, 6, 0 },
		{ "minjing2", "rescue", NULL, NULL, NULL, NULL, "醉酒男子", "送医救治并通知家属", NULL, 1, 0, 1, 1 },
	};
	static const char *const villages[] = { "北关村", "幸福小区", "工业园区" };
	int64_t today = date_local_days(c->now), incident = 0;
	int rc = PS_OK;

	for (size_t i = 0; i < sizeof(sv) / sizeof(sv[0]) && !rc; i++) {
		struct public_service_input in = { 0 };
		json_t *out = NULL;

		rc = auth_actor_load(c, sv[i].officer);
		if (!rc && sv[i].incident) {
			struct rows_query q;

			rows_binds(&q, c);
			rows_bind_int(&q, c->who.station_id);
			rows_bind_int(&q, incident);
			rc = rows_int(&q, "SELECT MIN(id) FROM incident WHERE station_id = ? AND id > ?", 0, &incident);
		}
		if (rc)
			break;
		in.kind = sv[i].kind;
		in.service_on = day_str(c, today - sv[i].ago);
		in.place = sv[i].place;
		in.class_name = sv[i].class_name;
		in.topic = sv[i].topic;
		in.materials = sv[i].materials;
		in.person_helped = sv[i].helped;
		in.help = sv[i].help;
		in.convenience = sv[i].conv;
		in.audience = sv[i].audience;
		in.quantity = sv[i].quantity;
		in.incident_id = sv[i].incident ? incident : 0;
		rc = public_services_create(c, &in, &out);
		json_decref(out);
	}
	if (!rc)
		rc = auth_actor_load(c, "minjing1");
	for (size_t i = 0; i < sizeof(villages) / sizeof(villages[0]) && !rc; i++) {
		json_t *out = NULL;

		rc = public_services_forecast_create(c, villages[i], day_str(c, today - 28), day_str(c, today - 1), &out);
		json_decref(out);
	}
	return rc;
}

/* The demo's 特种行业 and 内部单位 with their inspections (seed_trades.c). */
SEED_STEP(80, seed_demo_trades);
int seed_demo_trades(struct ctx *c)
{
	int rc = seed_station(c, "minjing1", chengguan, sizeof(chengguan) / sizeof(chengguan[0]));

	if (!rc)
		rc = seed_station(c, "beishe_mj1", beishe, sizeof(beishe) / sizeof(beishe[0]));
	if (!rc)
		rc = seed_floating_work(c);
	if (!rc)
		rc = seed_compounds(c);
	if (!rc)
		rc = seed_services(c);
	return rc;
}
