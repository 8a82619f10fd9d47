/* api_trades.c — 特种行业 and 内部单位 over HTTP (issue 16, part B): the
 * checklist of the kind, an inspection with findings, a finding past its
 * rectification deadline listed and on the 预警 board, the re-inspection,
 * the inspection cycle of the kind (COM-KEYUNIT-CHECK: a setting) on both
 * sides of its boundary, the ledger exported and read back, permissions.
 *
 * Every story gets a fresh demo county; the units it makes have names of
 * their own, so the demo's units never enter a figure checked here. */
#include "harness.h"
#include "case_util.h"
#include "core/buf.h"
#include "core/xlsx.h"

#include <stdlib.h>
#include <string.h>

static struct session *sess[8];
static const char *names[8];

static struct session *S(struct server *srv, const char *user)
{
	int i;

	for (i = 0; i < 8 && names[i]; i++)
		if (!strcmp(names[i], user))
			return sess[i];
	assert_true(i < 8);
	names[i] = user;
	sess[i] = login(srv, user, DEMO_PW);
	return sess[i];
}

static int story_setup(void **state)
{
	memset(sess, 0, sizeof(sess));
	memset(names, 0, sizeof(names));
	return setup_demo(state);
}

static long long unit_new(struct server *srv, const char *category, const char *kind, const char *name)
{
	struct resp *r = http(srv, S(srv, "minjing1"), "POST", API "/trade-units",
			      fmt(srv, "{\"category\":\"%s\",\"kind\":\"%s\",\"name\":\"%s\",\"responsible\":\"测试负责人\","
				       "\"phone\":\"13912345678\",\"cameras\":8,\"video_linked\":true,\"licence_no\":\"T-1\"}",
				  category, kind, name));

	EXPECT(r, 201);
	return rnum(r, "trade_unit.id");
}

/* every checklist item of the unit ok, except the first when bad */
static const char *items_for(struct server *srv, long long id, int bad)
{
	struct resp *r = http(srv, S(srv, "minjing1"), "GET", fmt(srv, API "/trade-units/%lld", id), NULL);
	json_t *list, *w, *out = json_array();
	size_t i;
	const char *s;

	EXPECT(r, 200);
	list = jpath(r->json, "checklist");
	assert_true(json_array_size(list) > 1);
	json_array_foreach(list, i, w)
		json_array_append_new(out, json_pack("{s:O, s:b}", "item", w, "ok", !(bad && i == 0)));
	s = jdump(srv, out); /* consumes out */
	return s;
}

static json_t *find_id(json_t *items, long long id)
{
	json_t *it;
	size_t i;

	json_array_foreach(items, i, it)
		if (jint(it, "id") == id)
			return it;
	return NULL;
}

static const char *level_of(struct server *srv, const char *key)
{
	struct resp *r = http(srv, S(srv, "suozhang"), "GET", API "/warnings?level=all", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "key"), key))
			return fmt(srv, "%s", jstr(it, "level"));
	return "-";
}

/* a refusal of a field: 400 naming it */
static void bad_field(struct resp *r, const char *field)
{
	EXPECT(r, 400);
	EXPECT_STR(r, "error.field", field);
}

static void bad_sub(struct resp *r)
{
	bad_field(r, "sub_kind");
}

/* 1. An inspection by the hotel checklist; a finding past its deadline is
 *    listed, on the board, and leaves both once re-checked as rectified. */
STORY(finding_past_deadline)
{
	long long u, f_late, f_open;
	struct resp *r;
	json_t *it;
	const char *ok = items_for(srv, u = unit_new(srv, "special_trade", "hotel", "试验旅馆甲"), 0);
	const char *bad = items_for(srv, u, 1);

	/* the hotel checklist (setting trade.checklist_hotel): 7 items */
	r = http(srv, S(srv, "minjing1"), "GET", fmt(srv, API "/trade-units/%lld", u), NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "checklist")), 7);
	EXPECT_STR(r, "trade_unit.kind_label", "旅馆");
	EXPECT_STR(r, "trade_unit.phone", "13912345678"); /* in full on the audited detail */

	/* refusals: an item missing, an unknown item, a bad item without a
	 * finding, a deadline not after the inspection, an unknown offence,
	 * a date in the future */
	r = http(srv, S(srv, "minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", u),
		 fmt(srv, "{\"inspected_on\":\"%s\",\"items\":[{\"item\":\"旅客住宿登记并查验身份证件\",\"ok\":true}]}",
		     day_str(srv, -20)));
	assert_error(srv, r, 400, NULL);
	assert_non_null(strstr(rstr(r, "error.message"), "未填写"));
	r = http(srv, S(srv, "minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", u),
		 fmt(srv, "{\"inspected_on\":\"%s\",\"items\":[{\"item\":\"消防验收\",\"ok\":true}]}", day_str(srv, -20)));
	assert_error(srv, r, 400, NULL);
	r = http(srv, S(srv, "minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", u),
		 fmt(srv, "{\"inspected_on\":\"%s\",\"items\":%s}", day_str(srv, -20), bad));
	assert_error(srv, r, 400, NULL);
	assert_non_null(strstr(rstr(r, "error.message"), "整改期限"));
	r = http(srv, S(srv, "minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", u),
		 fmt(srv, "{\"inspected_on\":\"%s\",\"items\":%s,\"findings\":[{\"description\":\"未登记\",\"deadline\":\"%s\"}]}",
		     day_str(srv, -20), bad, day_str(srv, -20)));
	assert_error(srv, r, 400, NULL);
	r = http(srv, S(srv, "minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", u),
		 fmt(srv, "{\"inspected_on\":\"%s\",\"items\":%s,\"findings\":[{\"description\":\"未登记\",\"deadline\":\"%s\","
			  "\"offence_code\":\"OF-999\"}]}",
		     day_str(srv, -20), bad, day_str(srv, -5)));
	assert_error(srv, r, 400, NULL);
	r = http(srv, S(srv, "minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", u),
		 fmt(srv, "{\"inspected_on\":\"%s\",\"items\":%s}", day_str(srv, 1), ok));
	assert_error(srv, r, 400, NULL);
	/* an auxiliary does not inspect alone (TEAM-AUX-FORBIDDEN): 403 */
	r = http(srv, S(srv, "fujing"), "POST", fmt(srv, API "/trade-units/%lld/inspections", u),
		 fmt(srv, "{\"inspected_on\":\"%s\",\"items\":%s}", day_str(srv, -20), ok));
	assert_error(srv, r, 403, NULL);

	/* 20 days ago: two findings, one due 5 days ago (OF-088, ZA2025 Art 67),
	 * one due in 10 days */
	r = http(srv, S(srv, "minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", u),
		 fmt(srv, "{\"inspected_on\":\"%s\",\"items\":%s,\"notes\":\"现场检查\",\"id_shown\":true,\"findings\":["
			  "{\"description\":\"两名旅客未登记证件号码\",\"deadline\":\"%s\",\"offence_code\":\"OF-088\"},"
			  "{\"description\":\"遗留物品未登记\",\"deadline\":\"%s\"}]}",
		     day_str(srv, -20), bad, day_str(srv, -5), day_str(srv, 10)));
	EXPECT(r, 201);
	EXPECT_NUM(r, "trade_unit.open_findings", 2);
	EXPECT_NUM(r, "trade_unit.overdue_findings", 1);
	EXPECT_STR(r, "trade_unit.last_inspected_on", day_str(srv, -20));
	/* hotel cycle 30 days (trade.cycle_days_hotel): due 20 - 30 = 10 days from now */
	EXPECT_STR(r, "trade_unit.next_due", day_str(srv, 10));
	EXPECT_BOOL(r, "trade_unit.inspection_overdue", 0);
	assert_int_equal(json_array_size(jpath(r->json, "inspections")), 1);
	assert_int_equal(json_array_size(jpath(r->json, "inspections.0.items")), 7);
	f_late = rnum(r, "findings.0.id");
	f_open = rnum(r, "findings.1.id");
	EXPECT_STR(r, "findings.0.deadline", day_str(srv, -5));
	EXPECT_BOOL(r, "findings.0.overdue", 1);
	EXPECT_BOOL(r, "findings.1.overdue", 0);
	assert_non_null(strstr(rstr(r, "findings.0.offence_name"), "旅馆业"));

	/* the overdue list holds the late finding, not the one still in time */
	r = http(srv, S(srv, "suozhang"), "GET", API "/trade-findings?overdue=1", NULL);
	EXPECT(r, 200);
	assert_non_null(it = find_id(jpath(r->json, "items"), f_late));
	assert_string_equal(jstr(it, "unit_name"), "试验旅馆甲");
	assert_null(find_id(jpath(r->json, "items"), f_open));
	/* and the 预警 board: past the deadline = BREACH (COM-KEYUNIT-CHECK) */
	assert_string_equal(level_of(srv, fmt(srv, "trade_finding:%lld:rectify", f_late)), "BREACH");
	assert_string_equal(level_of(srv, fmt(srv, "trade_finding:%lld:rectify", f_open)), "OK");

	/* another station reads nothing of it: 403, audited as denied */
	r = http(srv, S(srv, "beishe_mj1"), "GET", fmt(srv, API "/trade-units/%lld", u), NULL);
	assert_error(srv, r, 403, NULL);
	r = http(srv, S(srv, "beishe_mj1"), "GET", API "/trade-findings?open=1", NULL);
	EXPECT(r, 200);
	assert_null(find_id(jpath(r->json, "items"), f_late));

	/* re-checked: still not fixed → stays listed with a new deadline in
	 * the future; then fixed → leaves the list; a second re-check is 409 */
	r = http(srv, S(srv, "minjing1"), "POST", fmt(srv, API "/trade-findings/%lld/recheck", f_late),
		 fmt(srv, "{\"checked_on\":\"%s\",\"rectified\":false,\"notes\":\"仍未整改\",\"new_deadline\":\"%s\"}",
		     day_str(srv, -2), day_str(srv, 3)));
	EXPECT(r, 200);
	EXPECT_BOOL(r, "finding.overdue", 0);
	EXPECT_STR(r, "finding.deadline", day_str(srv, 3));
	r = http(srv, S(srv, "minjing1"), "POST", fmt(srv, API "/trade-findings/%lld/recheck", f_late),
		 fmt(srv, "{\"checked_on\":\"%s\",\"rectified\":true}", day_str(srv, 0)));
	EXPECT(r, 200);
	EXPECT_STR(r, "finding.rectified_on", day_str(srv, 0));
	r = http(srv, S(srv, "minjing1"), "POST", fmt(srv, API "/trade-findings/%lld/recheck", f_late),
		 fmt(srv, "{\"checked_on\":\"%s\",\"rectified\":true}", day_str(srv, 0)));
	assert_error(srv, r, 409, "FINDING_CLOSED");
	r = http(srv, S(srv, "suozhang"), "GET", API "/trade-findings?open=1", NULL);
	EXPECT(r, 200);
	assert_null(find_id(jpath(r->json, "items"), f_late));
	assert_non_null(find_id(jpath(r->json, "items"), f_open));
	assert_string_equal(level_of(srv, fmt(srv, "trade_finding:%lld:rectify", f_late)), "-");
	/* the two here and the demo's two (城关宾馆, 农业银行城关支行: re-checked by minjing1) */
	assert_true(audit_count(srv, S(srv, "auditor"), "trade.recheck", "minjing1", "success") == 4);
}

/* 1 when the today page's items hold unit id's inspection (due on due_on
 * when not NULL). */
static int today_has(struct server *srv, json_t *today, long long id, const char *due_on)
{
	const char *route = fmt(srv, "/trades/units/%lld", id);
	json_t *it;
	size_t i;

	json_array_foreach(json_object_get(today, "items"), i, it)
		if (jstr(it, "route") && !strcmp(jstr(it, "route"), route))
			return !due_on || (jstr(it, "due_on") && !strcmp(jstr(it, "due_on"), due_on));
	return 0;
}

/* 2. The inspection cycle of the kind (印章刻制: 90 days, a setting) on both
 *    sides of the boundary, and the setting moving it. */
STORY(inspection_cycle)
{
	long long a = unit_new(srv, "special_trade", "seal", "试验刻章社甲"), b = unit_new(srv, "special_trade", "seal", "试验刻章社乙");
	struct resp *r;
	json_t *items;

	/* a: inspected 91 days ago → due 1 day ago: overdue; b: 89 → due tomorrow */
	EXPECT(http(srv, S(srv, "minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", a),
		    fmt(srv, "{\"inspected_on\":\"%s\",\"items\":%s}", day_str(srv, -91), items_for(srv, a, 0))),
	       201);
	EXPECT(http(srv, S(srv, "minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", b),
		    fmt(srv, "{\"inspected_on\":\"%s\",\"items\":%s}", day_str(srv, -89), items_for(srv, b, 0))),
	       201);
	r = http(srv, S(srv, "suozhang"), "GET", API "/trade-units?category=special_trade&kind=seal&overdue=1", NULL);
	EXPECT(r, 200);
	items = jpath(r->json, "items");
	assert_non_null(find_id(items, a));
	assert_null(find_id(items, b));
	assert_string_equal(jstr(find_id(items, a), "next_due"), day_str(srv, -1));
	assert_string_equal(jstr(find_id(items, a), "phone"), "139****5678"); /* masked in lists */
	assert_string_equal(level_of(srv, fmt(srv, "trade:%lld:inspect", a)), "BREACH");
	assert_string_equal(level_of(srv, fmt(srv, "trade:%lld:inspect", b)), "URGENT");
	/* the beat officer's 今日工作 lists a's inspection (due yesterday), not b's */
	r = http(srv, S(srv, "minjing1"), "GET", API "/today", NULL);
	EXPECT(r, 200);
	assert_true(today_has(srv, r->json, a, day_str(srv, -1)));
	assert_false(today_has(srv, r->json, b, NULL));

	/* the county lengthens the cycle to 100 days: a is due in 9 days */
	r = http(srv, S(srv, "admin"), "PUT", API "/settings/trade.cycle_days_seal", "{\"value\":100}");
	EXPECT(r, 200);
	r = http(srv, S(srv, "suozhang"), "GET", API "/trade-units?kind=seal", NULL);
	EXPECT(r, 200);
	assert_string_equal(jstr(find_id(jpath(r->json, "items"), a), "next_due"), day_str(srv, 9));
	assert_false(json_is_true(json_object_get(find_id(jpath(r->json, "items"), a), "inspection_overdue")));
	r = http(srv, S(srv, "suozhang"), "GET", API "/trade-units?kind=seal&overdue=1", NULL);
	assert_null(find_id(jpath(r->json, "items"), a));
	r = http(srv, S(srv, "minjing1"), "GET", API "/today", NULL);
	EXPECT(r, 200);
	assert_false(today_has(srv, r->json, a, NULL));
	/* an auxiliary does not inspect: his today page lists no inspection */
	r = http(srv, S(srv, "fujing"), "GET", API "/today", NULL);
	if (r->status == 200)
		assert_false(today_has(srv, r->json, a, NULL) || today_has(srv, r->json, b, NULL));
	/* a wrong category is a 400, not an empty list */
	assert_error(srv, http(srv, S(srv, "suozhang"), "GET", API "/trade-units?category=shop", NULL), 400, NULL);
}

/* 4. A unit's record follows the unit: its licence renewed, its 技防 and
 *    people changed (audited), then closed (注销) with its day and reason —
 *    out of the inspection cycle, the today page and the list; a closed
 *    unit takes no edit nor inspection. Refusals change nothing. */
STORY(edit_and_close)
{
	long long a = unit_new(srv, "internal_unit", "fuel", "试验加油站"), b = unit_new(srv, "special_trade", "seal", "试验刻章社丙");
	const char *path = fmt(srv, API "/trade-units/%lld", a);
	struct resp *r;

	r = http(srv, S(srv, "minjing1"), "PATCH", path,
		 fmt(srv, "{\"licence_no\":\"JY-2027-001\",\"licence_expires_on\":\"%s\",\"cameras\":12,"
			  "\"video_linked\":false,\"security_chief\":\"新保卫负责人\",\"phone\":\"\"}",
		     day_str(srv, 365)));
	EXPECT(r, 200);
	EXPECT_STR(r, "trade_unit.licence_no", "JY-2027-001");
	EXPECT_STR(r, "trade_unit.licence_expires_on", day_str(srv, 365));
	EXPECT_NUM(r, "trade_unit.cameras", 12);
	EXPECT_NUM(r, "trade_unit.video_linked", 0);
	EXPECT_STR(r, "trade_unit.security_chief", "新保卫负责人");
	assert_true(json_is_null(jpath(r->json, "trade_unit.phone")));     /* cleared */
	EXPECT_STR(r, "trade_unit.responsible", "测试负责人");                /* not given: kept */
	assert_true(audit_count(srv, S(srv, "auditor"), "trade.update", "minjing1", "success") == 1);
	/* refusals: nothing to change, a bad day, an empty name, closing without a reason or on a later day */
	assert_error(srv, http(srv, S(srv, "minjing1"), "PATCH", path, "{}"), 400, "EMPTY_PATCH");
	bad_field(http(srv, S(srv, "minjing1"), "PATCH", path, "{\"licence_expires_on\":\"2027-02-30\"}"),
		  "licence_expires_on");
	bad_field(http(srv, S(srv, "minjing1"), "PATCH", path, "{\"name\":\"\"}"), "name");
	bad_field(http(srv, S(srv, "minjing1"), "PATCH", path, fmt(srv, "{\"closed_on\":\"%s\"}", day_str(srv, 0))),
		  "close_reason");
	bad_field(http(srv, S(srv, "minjing1"), "PATCH", path,
		       fmt(srv, "{\"closed_on\":\"%s\",\"close_reason\":\"歇业\"}", day_str(srv, 1))),
		  "closed_on");
	/* another station's officer: not his */
	r = http(srv, S(srv, "beishe_mj1"), "PATCH", path, "{\"cameras\":1}");
	assert_true(r->status == 403 || r->status == 404);
	r = http(srv, S(srv, "minjing1"), "GET", path, NULL);
	EXPECT_NUM(r, "trade_unit.cameras", 12);

	/* closed yesterday: out of the list and of the inspection cycle */
	r = http(srv, S(srv, "suozhang"), "PATCH", path,
		 fmt(srv, "{\"closed_on\":\"%s\",\"close_reason\":\"停业转让，营业执照已注销\"}", day_str(srv, -1)));
	EXPECT(r, 200);
	EXPECT_STR(r, "trade_unit.closed_on", day_str(srv, -1));
	EXPECT_STR(r, "trade_unit.close_reason", "停业转让，营业执照已注销");
	assert_false(json_is_true(jpath(r->json, "trade_unit.inspection_overdue")));
	r = http(srv, S(srv, "suozhang"), "GET", API "/trade-units?category=internal_unit", NULL);
	assert_null(find_id(jpath(r->json, "items"), a));
	assert_error(srv, http(srv, S(srv, "suozhang"), "PATCH", path, "{\"cameras\":3}"), 409, NULL);
	assert_error(srv, http(srv, S(srv, "minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", a),
			       fmt(srv, "{\"inspected_on\":\"%s\",\"items\":%s}", day_str(srv, 0), items_for(srv, a, 0))),
		     409, NULL);
	assert_true(audit_count(srv, S(srv, "auditor"), "trade.close", "suozhang", "success") == 1);

	/* b inspected 91 days ago is on the today page; closed, it is not */
	EXPECT(http(srv, S(srv, "minjing1"), "POST", fmt(srv, API "/trade-units/%lld/inspections", b),
		    fmt(srv, "{\"inspected_on\":\"%s\",\"items\":%s}", day_str(srv, -91), items_for(srv, b, 0))),
	       201);
	r = http(srv, S(srv, "minjing1"), "GET", API "/today", NULL);
	assert_true(today_has(srv, r->json, b, NULL));
	EXPECT(http(srv, S(srv, "minjing1"), "PATCH", fmt(srv, API "/trade-units/%lld", b),
		    fmt(srv, "{\"closed_on\":\"%s\",\"close_reason\":\"歇业\"}", day_str(srv, 0))),
	       200);
	r = http(srv, S(srv, "minjing1"), "GET", API "/today", NULL);
	assert_false(today_has(srv, r->json, b, NULL));
	assert_string_equal(level_of(srv, fmt(srv, "trade:%lld:inspect", b)), "-");
}

/* 3. The ledger of special trades: exported by the chief, read back. */
STORY(ledger_exports)
{
	long long n, u = unit_new(srv, "special_trade", "pawn", "试验典当行");
	struct resp *r;
	struct buf b;
	struct ps_err e;
	int lines = 0;

	(void)u;
	unit_new(srv, "internal_unit", "school", "试验小学");
	n = db_raw_int(srv->db,
		       "SELECT COUNT(*) FROM trade_unit t JOIN org_unit o ON o.id = t.station_id"
		       " WHERE o.name = '城关派出所' AND t.category = 'special_trade'",
		       NULL);
	/* the demo's 8 special trades of 城关 and the pawnshop made here */
	assert_int_equal(n, 9);
	r = http(srv, S(srv, "suozhang"), "POST", API "/exports",
		 "{\"kind\":\"special_trades\",\"format\":\"xlsx\",\"reason\":\"特种行业季度检查台账\"}");
	EXPECT(r, 200);
	buf_init(&b, 1 << 20);
	assert_int_equal(xlsx_to_csv((const unsigned char *)r->body, r->body_len, &b, &e), 0);
	for (const char *p = buf_str(&b); *p; p++)
		lines += *p == '\n';
	/* a 台账: the station's header line, the watermark, the column titles,
	 * the 9 units and the total row */
	assert_int_equal(lines, 3 + 9 + 1);
	assert_non_null(strstr(buf_str(&b), "城关派出所特种行业台账"));
	assert_non_null(strstr(buf_str(&b), "合计：9 条"));
	assert_non_null(strstr(buf_str(&b), "试验典当行"));
	assert_non_null(strstr(buf_str(&b), "典当"));
	assert_null(strstr(buf_str(&b), "北社旅社")); /* 北社 keeps its own */
	assert_null(strstr(buf_str(&b), "试验小学"));                       /* internal units: their own ledger */
	assert_non_null(strstr(buf_str(&b), "13912345678")); /* the chief's file: in full (PII-2) */
	buf_release(&b);
	r = http(srv, S(srv, "suozhang"), "POST", API "/exports",
		 "{\"kind\":\"internal_units\",\"format\":\"csv\",\"reason\":\"内部单位季度检查台账\"}");
	EXPECT(r, 200);
	assert_non_null(strstr(r->body, "试验小学"));
	assert_true(audit_count(srv, S(srv, "auditor"), "export.special_trades", "suozhang", "success") == 1);

	/* one ledger per kind: 城关's schools (the demo's and the one made here), not its banks */
	n = db_raw_int(srv->db,
		       "SELECT COUNT(*) FROM trade_unit t JOIN org_unit o ON o.id = t.station_id"
		       " WHERE o.name = '城关派出所' AND t.category = 'internal_unit' AND t.kind = 'school' AND t.closed_on IS NULL",
		       NULL);
	assert_true(n >= 3);
	r = http(srv, S(srv, "suozhang"), "POST", API "/exports",
		 "{\"kind\":\"internal_units\",\"sub_kind\":\"school\",\"format\":\"csv\",\"reason\":\"学校安全检查台账\"}");
	EXPECT(r, 200);
	assert_non_null(strstr(r->body, "城关派出所学校台账"));
	assert_non_null(strstr(r->body, "试验小学"));
	assert_non_null(strstr(r->body, "城关中学"));
	assert_null(strstr(r->body, "农业银行城关支行"));
	assert_non_null(strstr(r->body, fmt(srv, "合计：%lld 条", n)));
	/* the same on the ledger page */
	r = http(srv, S(srv, "minjing1"), "GET", API "/ledgers/internal_units?sub_kind=school", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "title", "学校台账");
	EXPECT_NUM(r, "total", n);
	r = http(srv, S(srv, "minjing1"), "GET", API "/ledgers/internal_units", NULL);
	EXPECT(r, 200);
	assert_true(jint(r->json, "total") > n);
	/* a kind of the other category, an unknown kind, a ledger not kept per kind: 400 */
	bad_sub(http(srv, S(srv, "minjing1"), "GET", API "/ledgers/internal_units?sub_kind=hotel", NULL));
	bad_sub(http(srv, S(srv, "minjing1"), "GET", API "/ledgers/special_trades?sub_kind=nope", NULL));
	bad_sub(http(srv, S(srv, "minjing1"), "GET", API "/ledgers/key_persons?sub_kind=hotel", NULL));
	bad_sub(http(srv, S(srv, "suozhang"), "POST", API "/exports",
		     "{\"kind\":\"rentals\",\"sub_kind\":\"hotel\",\"format\":\"csv\",\"reason\":\"出租房屋台账\"}"));
	assert_true(audit_count(srv, S(srv, "auditor"), "export.internal_units", "suozhang", "success") == 2);
}

/* 5. A county's database made before migration 159 (categories 'trade' and
 *    'internal') is brought to the glossary's names when a server starts on
 *    it: every unit keeps its id and kind, the inspections and findings that
 *    reference the units stay theirs, and the old names are refused. */
STORY(categories_migrated)
{
	const char *pg = test_pg_url(), *db = srv->db;
	long long insp = db_raw_int(db, "SELECT COUNT(*) FROM trade_inspection", NULL),
		  found = db_raw_int(db, "SELECT COUNT(*) FROM trade_finding", NULL);
	struct resp *r;

	server_stop(srv);
	/* the old shape: the old CHECK on PostgreSQL; on SQLite the old values
	 * under the new CHECK (checks ignored): the rebuild maps them all the same */
	assert_int_equal(db_raw_exec(db, pg ?
		"ALTER TABLE trade_unit DROP CONSTRAINT trade_unit_category_check;"
		"UPDATE trade_unit SET category = CASE category WHEN 'special_trade' THEN 'trade' ELSE 'internal' END;"
		"ALTER TABLE trade_unit ADD CONSTRAINT trade_unit_category_check CHECK (category IN ('trade','internal'));"
		"DELETE FROM schema_version WHERE version = 159" :
		"PRAGMA ignore_check_constraints=ON;"
		"UPDATE trade_unit SET category = CASE category WHEN 'special_trade' THEN 'trade' ELSE 'internal' END;"
		"DELETE FROM schema_version WHERE version = 159"), 0);
	/* the demo's units (src/seed/seed_trades.c): 8 + 2 special trades, 7 + 2 internal units */
	assert_int_equal(db_raw_int(db, "SELECT COUNT(*) FROM trade_unit WHERE category = 'trade'", NULL), 10);
	assert_int_equal(db_raw_int(db, "SELECT COUNT(*) FROM trade_unit WHERE category = 'internal'", NULL), 9);
	server_start(srv);

	assert_int_equal(db_raw_int(db, "SELECT COUNT(*) FROM trade_unit WHERE category = 'special_trade'", NULL), 10);
	assert_int_equal(db_raw_int(db, "SELECT COUNT(*) FROM trade_unit WHERE category = 'internal_unit'", NULL), 9);
	assert_int_equal(db_raw_int(db, "SELECT COUNT(*) FROM trade_unit WHERE category IN ('trade', 'internal')", NULL), 0);
	assert_int_equal(db_raw_int(db, "SELECT COUNT(*) FROM schema_version WHERE version = 159", NULL), 1);
	assert_int_equal(db_raw_int(db, "SELECT COUNT(*) FROM trade_inspection i JOIN trade_unit t ON t.id = i.unit_id", NULL),
			 insp);
	assert_int_equal(db_raw_int(db, "SELECT COUNT(*) FROM trade_finding f JOIN trade_unit t ON t.id = f.unit_id", NULL),
			 found);
	if (!pg) /* foreign keys were off during the rebuild: none broken, and on again */
		assert_int_equal(db_raw_int(db, "SELECT COUNT(*) FROM pragma_foreign_key_check", NULL), 0);
	assert_true(db_raw_exec(db, "INSERT INTO trade_unit(category, kind, name, station_id, created_by, created_at)"
				    " SELECT 'trade', 'hotel', '旧类别旅馆', station_id, created_by, created_at FROM trade_unit"
				    " LIMIT 1") != 0);

	/* 城关派出所's chief: its seven internal units and eight special trades */
	r = http(srv, S(srv, "suozhang"), "GET", API "/trade-units?category=internal_unit&per_page=50", NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 7);
	EXPECT_STR(r, "items.0.category", "internal_unit");
	r = http(srv, S(srv, "suozhang"), "GET", API "/trade-units?category=special_trade&per_page=50", NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 8);
	bad_field(http(srv, S(srv, "suozhang"), "GET", API "/trade-units?category=trade", NULL), "category");
	bad_field(http(srv, S(srv, "minjing1"), "POST", API "/trade-units",
		       "{\"category\":\"internal\",\"kind\":\"school\",\"name\":\"旧类别小学\"}"),
		  "category");
	assert_int_equal(db_raw_int(db, "SELECT COUNT(*) FROM trade_unit WHERE name LIKE '旧类别%'", NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(finding_past_deadline, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(inspection_cycle, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(ledger_exports, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(edit_and_close, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(categories_migrated, story_setup, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
