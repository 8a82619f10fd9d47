/* api_trade_rules.c — the rules of special trades and internal units over
 * HTTP (issue 16 gaps, trades8): a hotel's registration change filed with
 * the police within 3 days on both sides of its last day
 * (COM-HOTEL-CHANGE), a scrap buyer's licence and change filed within 15
 * days (COM-SCRAP-FILE), both on the 预警 board and the today page while not
 * filed; an inspection finding's kind proposing its offence code
 * (COM-HOTEL-PEN: OF-088 …; COM-SCRAP-PEN: OF-133 …); an internal unit's
 * hazard past its deadline listed for escalation with the fines of NBZA
 * Art 19 (COM-KEYUNIT-PEN); a hotel inspection only with the officers' ID
 * shown and sworn officers (COM-HOTEL-POLICE); the key-person categories of
 * the definition in the setting (COM-ZD-DEF).
 *
 * Dates of the filing stories are fixed working days of 2026 (no holiday
 * near them): 2026-06-01 is a Monday, its 3rd day after is Thursday
 * 2026-06-04, its 15th Tuesday 2026-06-16. Every story registers its own
 * units in 城关, so the demo's never enter a figure checked here. */
#include "population_util.h"

static long long unit_new(struct server *srv, const char *category, const char *kind, const char *name)
{
	struct resp *r = http(srv, U("minjing1"), "POST", API "/trade-units",
			      J(srv, "{s:s, s:s, s:s, s:s}", "category", category, "kind", kind, "name", name,
				"responsible", "测试负责人"));

	EXPECT(r, 201);
	return rnum(r, "trade_unit.id");
}

static const char *level_of(struct server *srv, const char *key, const char **rule)
{
	struct resp *r = http(srv, U("suozhang"), "GET", API "/warnings?level=all", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "key"), key)) {
			if (rule)
				*rule = fmt(srv, "%s", jstr(it, "rule"));
			return fmt(srv, "%s", jstr(it, "level"));
		}
	return "-";
}

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

static struct resp *change(struct server *srv, const char *user, long long unit, const char *kind,
			   const char *changed_on, const char *filed_on)
{
	return http(srv, U(user), "POST", fmt(srv, API "/trade-units/%lld/changes", unit),
		    filed_on ? J(srv, "{s:s, s:s, s:s}", "kind", kind, "changed_on", changed_on, "filed_on", filed_on)
			     : J(srv, "{s:s, s:s}", "kind", kind, "changed_on", changed_on));
}

/* every checklist item of the unit, all ok but the first when bad */
static json_t *items_for(struct server *srv, long long id, int bad)
{
	struct resp *r = http(srv, U("minjing1"), "GET", fmt(srv, API "/trade-units/%lld", id), NULL);
	json_t *list, *w, *out = json_array();
	size_t i;

	EXPECT(r, 200);
	list = jpath(r->json, "checklist");
	json_array_foreach(list, i, w)
		json_array_append_new(out, json_pack("{s:O, s:b}", "item", w, "ok", !(bad && i == 0)));
	return out;
}

/* 1. COM-HOTEL-CHANGE: 3 days from the change, on both sides; the unfiled
 * change on the board and the today page until filed */
STORY(hotel_change)
{
	long long hotel = unit_new(srv, "special_trade", "hotel", "测试变更旅馆"), pawn = unit_new(srv, "special_trade", "pawn", "测试变更典当行");
	long long late, fresh;
	const char *rule = NULL;
	struct resp *r;

	/* renamed 2026-06-01, filed on its 3rd day: in time */
	r = change(srv, "minjing1", hotel, "rename", "2026-06-01", "2026-06-04");
	EXPECT(r, 201);
	EXPECT_STR(r, "change.kind", "rename");
	EXPECT_STR(r, "change.kind_label", "改变名称");
	EXPECT_STR(r, "change.rule", "COM-HOTEL-CHANGE");
	EXPECT_STR(r, "change.due_on", "2026-06-04");
	EXPECT_BOOL(r, "change.filed_late", 0);
	EXPECT_BOOL(r, "change.overdue", 0);
	/* moved the same day, filed on the 4th day: late */
	r = change(srv, "fujing", hotel, "move", "2026-06-01", "2026-06-05");
	EXPECT(r, 201);
	EXPECT_STR(r, "change.due_on", "2026-06-04");
	EXPECT_BOOL(r, "change.filed_late", 1);
	/* refusals: a hotel's licence is no filing; a pawnshop files nothing
	 * here; dates in the future or a filing before the change; another
	 * station */
	EXPECT_FIELD(change(srv, "minjing1", hotel, "licence", "2026-06-01", NULL), 400, "kind");
	EXPECT_FIELD(change(srv, "minjing1", pawn, "rename", "2026-06-01", NULL), 400, "kind");
	EXPECT_FIELD(change(srv, "minjing1", hotel, "close", dstr(srv, 1), NULL), 400, "changed_on");
	EXPECT_FIELD(change(srv, "minjing1", hotel, "close", "2026-06-01", "2026-05-31"), 400, "filed_on");
	EXPECT_FIELD(change(srv, "minjing1", hotel, "close", "2026-06-01", dstr(srv, 1)), 400, "filed_on");
	EXPECT_FIELD(change(srv, "minjing1", hotel, "sold", "2026-06-01", NULL), 400, "kind");
	EXPECT(change(srv, "gucheng_mj1", hotel, "close", "2026-06-01", NULL), 403);
	/* merged today, not filed: still running; closed (歇业) 20 days ago,
	 * not filed: past its last day (3 days, at most a week's holiday after
	 * it) — and the hotel is closed on that day, its filings still due */
	r = change(srv, "minjing1", hotel, "merge", dstr(srv, 0), NULL);
	EXPECT(r, 201);
	fresh = rnum(r, "change.id");
	EXPECT_BOOL(r, "change.overdue", 0);
	r = change(srv, "minjing1", hotel, "close", dstr(srv, -20), NULL);
	EXPECT(r, 201);
	late = rnum(r, "change.id");
	EXPECT_BOOL(r, "change.overdue", 1);
	assert_int_equal(json_array_size(jpath(r->json, "changes")), 4);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/trade-units/%lld", hotel), NULL);
	EXPECT_STR(r, "trade_unit.closed_on", dstr(srv, -20));
	EXPECT_STR(r, "trade_unit.close_reason", "歇业");
	EXPECT_ERR(srv, change(srv, "minjing1", hotel, "rename", dstr(srv, 0), NULL), 409, "TRADE_CLOSED", NULL);
	assert_string_equal(level_of(srv, fmt(srv, "trade_change:%lld:file", late), &rule), "BREACH");
	assert_string_equal(rule, "COM-HOTEL-CHANGE");
	assert_string_not_equal(level_of(srv, fmt(srv, "trade_change:%lld:file", fresh), NULL), "BREACH");
	assert_string_not_equal(level_of(srv, fmt(srv, "trade_change:%lld:file", fresh), NULL), "-");
	assert_int_equal(today_rows(srv, "minjing1", "trade_change", "测试变更旅馆"), 2);
	assert_int_equal(today_rows(srv, "minjing1", "trade_change", "变更逾期未备案：测试变更旅馆"), 1);
	/* the late one filed today: late, off the board and the today page */
	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/change-filings", hotel),
		 J(srv, "{s:I, s:s}", "change_id", (json_int_t)late, "filed_on", dstr(srv, 0)));
	EXPECT(r, 200);
	EXPECT_NUM(r, "change.id", late);
	EXPECT_STR(r, "change.filed_on", dstr(srv, 0));
	EXPECT_BOOL(r, "change.filed_late", 1);
	EXPECT_BOOL(r, "change.overdue", 0);
	EXPECT_ERR(srv,
		   http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/change-filings", hotel),
			J(srv, "{s:I, s:s}", "change_id", (json_int_t)late, "filed_on", dstr(srv, 0))),
		   409, "ALREADY_FILED", NULL);
	/* a change of another unit is not this unit's */
	EXPECT_FIELD(http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/change-filings", pawn),
			  J(srv, "{s:I, s:s}", "change_id", (json_int_t)fresh, "filed_on", dstr(srv, 0))),
		     400, "change_id");
	assert_string_equal(level_of(srv, fmt(srv, "trade_change:%lld:file", late), NULL), "-");
	assert_int_equal(today_rows(srv, "minjing1", "trade_change", "测试变更旅馆"), 1);
}

/* 2. COM-SCRAP-FILE: 15 days from the business licence and from a change */
STORY(scrap_filing)
{
	long long scrap = unit_new(srv, "special_trade", "scrap", "测试备案回收站"), late;
	const char *rule = NULL;
	struct resp *r;

	r = change(srv, "minjing1", scrap, "licence", "2026-06-01", "2026-06-16");
	EXPECT(r, 201);
	EXPECT_STR(r, "change.rule", "COM-SCRAP-FILE");
	EXPECT_STR(r, "change.due_on", "2026-06-16");
	EXPECT_BOOL(r, "change.filed_late", 0);
	r = change(srv, "minjing1", scrap, "other_change", "2026-06-01", "2026-06-17");
	EXPECT(r, 201);
	EXPECT_STR(r, "change.due_on", "2026-06-16");
	EXPECT_BOOL(r, "change.filed_late", 1);
	/* a change 40 days ago not filed: overdue on the board */
	r = change(srv, "minjing1", scrap, "move", dstr(srv, -40), NULL);
	EXPECT(r, 201);
	late = rnum(r, "change.id");
	EXPECT_BOOL(r, "change.overdue", 1);
	assert_string_equal(level_of(srv, fmt(srv, "trade_change:%lld:file", late), &rule), "BREACH");
	assert_string_equal(rule, "COM-SCRAP-FILE");
	assert_int_equal(today_rows(srv, "minjing1", "trade_change", "测试备案回收站"), 1);
}

/* 3. COM-HOTEL-PEN and COM-SCRAP-PEN: a finding's kind proposes its offence
 * code; a kind of another trade is refused; a code the officer chose stays */
STORY(finding_offences)
{
	long long hotel = unit_new(srv, "special_trade", "hotel", "测试处罚旅馆"), scrap = unit_new(srv, "special_trade", "scrap", "测试处罚回收站");
	struct resp *r;

	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", hotel),
		 J(srv, "{s:s, s:o, s:b, s:[{s:s, s:s, s:s}, {s:s, s:s, s:s, s:s}]}", "inspected_on", dstr(srv, -1), "items",
		   items_for(srv, hotel, 1), "id_shown", 1, "findings", "description", "两名旅客未登记", "deadline",
		   dstr(srv, 10), "kind", "guest_unregistered", "description", "通缉人员入住未报告", "deadline",
		   dstr(srv, 10), "kind", "suspect_unreported", "offence_code", "OF-091"));
	EXPECT(r, 201);
	assert_int_equal(json_array_size(jpath(r->json, "findings")), 2);
	EXPECT_STR(r, "findings.0.offence_code", "OF-088");
	EXPECT_STR(r, "findings.0.rule", "COM-HOTEL-PEN");
	EXPECT_STR(r, "findings.0.finding_kind_label", "未按规定登记住宿旅客");
	assert_non_null(strstr(rstr(r, "findings.0.offence_name"), "旅馆业"));
	EXPECT_STR(r, "findings.1.offence_code", "OF-091"); /* the officer's choice */
	/* a scrap kind at a hotel; an unknown kind */
	EXPECT_FIELD(http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", hotel),
			  J(srv, "{s:s, s:o, s:b, s:[{s:s, s:s, s:s}]}", "inspected_on", dstr(srv, -1), "items",
			    items_for(srv, hotel, 1), "id_shown", 1, "findings", "description", "x", "deadline",
			    dstr(srv, 10), "kind", "scrap_unfiled")),
		     400, "findings");
	EXPECT_FIELD(http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", hotel),
			  J(srv, "{s:s, s:o, s:b, s:[{s:s, s:s, s:s}]}", "inspected_on", dstr(srv, -1), "items",
			    items_for(srv, hotel, 1), "id_shown", 1, "findings", "description", "x", "deadline",
			    dstr(srv, 10), "kind", "no_such_kind")),
		     400, "findings");
	/* FJS Art 11: production scrap bought unfiled (OF-133), banned goods (OF-138) */
	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", scrap),
		 J(srv, "{s:s, s:o, s:[{s:s, s:s, s:s}, {s:s, s:s, s:s}]}", "inspected_on", dstr(srv, -1), "items",
		   items_for(srv, scrap, 1), "findings", "description", "未备案即收购生产性废旧金属", "deadline",
		   dstr(srv, 15), "kind", "scrap_unfiled_production", "description", "收购电力专用器材", "deadline",
		   dstr(srv, 15), "kind", "scrap_banned_goods"));
	EXPECT(r, 201);
	EXPECT_STR(r, "findings.0.offence_code", "OF-133");
	EXPECT_STR(r, "findings.0.rule", "COM-SCRAP-PEN");
	EXPECT_STR(r, "findings.1.offence_code", "OF-138");
	assert_non_null(strstr(rstr(r, "findings.1.offence_name"), "禁止收购"));
	/* the offence table answers the FJS rows */
	r = http(srv, U("minjing1"), "GET", API "/offences?q=%E5%A4%87%E6%A1%88%E6%89%8B%E7%BB%AD", NULL); /* 备案手续 */
	EXPECT(r, 200);
	assert_non_null(strstr(r->body, "OF-133"));
	assert_non_null(strstr(r->body, "OF-134"));
}

/* 4. COM-KEYUNIT-PEN: an internal unit's hazard past its deadline is listed
 * for escalation with Art 19's fines; a hotel's overdue finding is not */
STORY(keyunit_escalation)
{
	long long school = unit_new(srv, "internal_unit", "school", "测试隐患学校"), hotel = unit_new(srv, "special_trade", "hotel", "测试逾期旅馆");
	long long hazard = 0, hotel_f = 0;
	const char *rule = NULL;
	struct resp *r;
	json_t *it;
	size_t i;

	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", school),
		 J(srv, "{s:s, s:o, s:[{s:s, s:s, s:s}]}", "inspected_on", dstr(srv, -20), "items", items_for(srv, school, 1),
		   "findings", "description", "围墙破损、监控失灵", "deadline", dstr(srv, -5), "kind", "hazard"));
	EXPECT(r, 201);
	hazard = rnum(r, "findings.0.id");
	EXPECT_STR(r, "findings.0.rule", "COM-KEYUNIT-PEN");
	EXPECT_BOOL(r, "findings.0.escalation_due", 1);
	EXPECT_NUM(r, "findings.0.escalation.unit_fine_min", 10000);
	EXPECT_NUM(r, "findings.0.escalation.unit_fine_max", 100000);
	EXPECT_NUM(r, "findings.0.escalation.person_fine_min", 500);
	EXPECT_NUM(r, "findings.0.escalation.person_fine_max", 5000);
	/* a hazard is an internal unit's kind */
	EXPECT_FIELD(http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", hotel),
			  J(srv, "{s:s, s:o, s:b, s:[{s:s, s:s, s:s}]}", "inspected_on", dstr(srv, -20), "items",
			    items_for(srv, hotel, 1), "id_shown", 1, "findings", "description", "x", "deadline", dstr(srv, -5),
			    "kind", "hazard")),
		     400, "findings");
	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", hotel),
		 J(srv, "{s:s, s:o, s:b, s:[{s:s, s:s}]}", "inspected_on", dstr(srv, -20), "items", items_for(srv, hotel, 1),
		   "id_shown", 1, "findings", "description", "遗留物品未登记", "deadline", dstr(srv, -5)));
	EXPECT(r, 201);
	hotel_f = rnum(r, "findings.0.id");
	EXPECT_BOOL(r, "findings.0.overdue", 1);
	EXPECT_BOOL(r, "findings.0.escalation_due", 0);
	/* the escalation list: the school's hazard, not the hotel's finding */
	r = http(srv, U("suozhang"), "GET", API "/trade-findings?escalation=1", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it) {
		assert_true(jint(it, "id") != hotel_f);
		assert_true(json_is_true(json_object_get(it, "escalation_due")));
	}
	{
		int found = 0;

		json_array_foreach(jpath(r->json, "items"), i, it)
			if (jint(it, "id") == hazard) {
				found = 1;
				assert_non_null(strstr(jstr(json_object_get(it, "escalation"), "text"), "10000元以上100000元以下"));
			}
		assert_true(found);
	}
	/* the board: past its deadline, citing NBZA Art 19; the hotel's cites the check */
	assert_string_equal(level_of(srv, fmt(srv, "trade_finding:%lld:rectify", hazard), &rule), "BREACH");
	assert_string_equal(rule, "COM-KEYUNIT-PEN");
	assert_string_equal(level_of(srv, fmt(srv, "trade_finding:%lld:rectify", hotel_f), &rule), "BREACH");
	assert_string_equal(rule, "COM-KEYUNIT-CHECK");
	/* rectified: off the escalation list */
	EXPECT(http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-findings/%lld/recheck", hazard),
		    J(srv, "{s:s, s:b}", "checked_on", dstr(srv, 0), "rectified", 1)),
	       200);
	r = http(srv, U("suozhang"), "GET", API "/trade-findings?escalation=1", NULL);
	json_array_foreach(jpath(r->json, "items"), i, it)
		assert_true(jint(it, "id") != hazard);
}

/* 5. COM-HOTEL-POLICE: a hotel inspection with the officers' ID shown, the
 * second officer a sworn officer of the station */
STORY(hotel_police)
{
	long long hotel = unit_new(srv, "special_trade", "hotel", "测试检查旅馆"), seal = unit_new(srv, "special_trade", "seal", "测试检查刻章社");
	long long mj2 = me_id(srv, U("minjing2"), NULL), aux = me_id(srv, U("fujing"), NULL),
		  other = me_id(srv, U("gucheng_mj1"), NULL);
	struct resp *r;

	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", hotel),
		 J(srv, "{s:s, s:o}", "inspected_on", dstr(srv, 0), "items", items_for(srv, hotel, 0)));
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-HOTEL-POLICE");
	EXPECT_STR(r, "error.field", "id_shown");
	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", hotel),
		 J(srv, "{s:s, s:o, s:b, s:I}", "inspected_on", dstr(srv, 0), "items", items_for(srv, hotel, 0), "id_shown",
		   1, "co_officer_id", (json_int_t)aux));
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-HOTEL-POLICE");
	EXPECT_STR(r, "error.field", "co_officer_id");
	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", hotel),
		 J(srv, "{s:s, s:o, s:b, s:I}", "inspected_on", dstr(srv, 0), "items", items_for(srv, hotel, 0), "id_shown",
		   1, "co_officer_id", (json_int_t)other));
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-HOTEL-POLICE");
	/* nothing was recorded by the refusals */
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/trade-units/%lld", hotel), NULL);
	assert_int_equal(json_array_size(jpath(r->json, "inspections")), 0);
	r = http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", hotel),
		 J(srv, "{s:s, s:o, s:b, s:I}", "inspected_on", dstr(srv, 0), "items", items_for(srv, hotel, 0), "id_shown",
		   1, "co_officer_id", (json_int_t)mj2));
	EXPECT(r, 201);
	EXPECT_NUM(r, "inspections.0.id_shown", 1);
	EXPECT_NUM(r, "inspections.0.co_officer_id", mj2);
	assert_non_null(rstr(r, "inspections.0.co_officer_name"));
	/* the edit holds the rule too: ID unconfirmed or an auxiliary as second
	 * officer is refused and changes nothing; clearing the second officer is fine */
	{
		long long insp = rnum(r, "inspections.0.id");

		r = http(srv, U("minjing1"), "PATCH", fmt(srv, API "/trade-inspections/%lld", insp),
			 J(srv, "{s:b}", "id_shown", 0));
		EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-HOTEL-POLICE");
		r = http(srv, U("minjing1"), "PATCH", fmt(srv, API "/trade-inspections/%lld", insp),
			 J(srv, "{s:I}", "co_officer_id", (json_int_t)aux));
		EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-HOTEL-POLICE");
		EXPECT(http(srv, U("fujing"), "PATCH", fmt(srv, API "/trade-inspections/%lld", insp),
			    J(srv, "{s:s}", "notes", "x")),
		       403);
		r = http(srv, U("minjing1"), "GET", fmt(srv, API "/trade-units/%lld", hotel), NULL);
		EXPECT_NUM(r, "inspections.0.id_shown", 1);
		EXPECT_NUM(r, "inspections.0.co_officer_id", mj2);
		r = http(srv, U("minjing1"), "PATCH", fmt(srv, API "/trade-inspections/%lld", insp),
			 J(srv, "{s:I, s:s}", "co_officer_id", (json_int_t)0, "notes", "同行民警登记有误，已更正"));
		EXPECT(r, 200);
		assert_true(json_is_null(jpath(r->json, "inspections.0.co_officer_id")));
		EXPECT_STR(r, "inspections.0.notes", "同行民警登记有误，已更正");
	}
	/* other kinds: no ID confirmation required by this rule */
	EXPECT(http(srv, U("minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", seal),
		    J(srv, "{s:s, s:o}", "inspected_on", dstr(srv, 0), "items", items_for(srv, seal, 0))),
	       201);
}

/* 6. COM-ZD-DEF: the categories of the definition are in the county's
 * table (a setting, not code); a category outside it is refused */
STORY(key_categories)
{
	struct resp *r = http(srv, U("admin"), "GET", API "/settings", NULL);
	json_t *it;
	size_t i;
	int found = 0;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "key"), "community.key_categories")) {
			found = 1;
			assert_non_null(strstr(jstr(it, "value"), "涉嫌危害国家安全"));
			assert_non_null(strstr(jstr(it, "value"), "涉嫌严重刑事犯罪"));
			assert_string_equal(jstr(it, "rule"), "COM-ZD-DEF");
		}
	assert_true(found);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(hotel_change),
		T(scrap_filing),
		T(finding_offences),
		T(keyunit_escalation),
		T(hotel_police),
		T(key_categories),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
