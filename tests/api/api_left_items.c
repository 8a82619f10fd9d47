/* api_left_items.c — a hotel's left property and its suspicious guests, over
 * HTTP: the hotel keeps and posts what a guest left (COM-HOTEL-LEFT, LG Art
 * 8) and hands it to the station once 3 months have passed unclaimed — on
 * both sides of the 3 months; the station takes it against a numbered
 * receipt, gives it back to an owner, and hands it to the state only after a
 * year from its notice (COM-FOUND-STATE, 民法典 Art 318) — on both sides of
 * the year; a guest the staff found suspicious is reported at once as a 警情
 * (COM-HOTEL-DUTY, LG Art 9).
 *
 * Every story registers its own hotel in 城关, so the demo's items never
 * enter its figures (the figures are read with ?unit_id). */
#include "population_util.h"

static long long hotel_new(struct server *srv, const char *name)
{
	struct resp *r = http(srv, U("minjing1"), "POST", API "/trade-units",
			      J(srv, "{s:s, s:s, s:s, s:s}", "category", "special_trade", "kind", "hotel", "name", name,
				"responsible", "测试负责人"));

	EXPECT(r, 201);
	return rnum(r, "trade_unit.id");
}

/* the day a period of months counted from today's corresponding day began:
 * today's date with the month moved back; NULL when today's day does not
 * exist in that month (the 31st, 29 Feb …: the boundary is then not the
 * corresponding day and the story skips it) */
static const char *months_back(struct server *srv, int months, int extra_days)
{
	struct tm tm = day_tm(today_days(srv)), back;
	time_t t;

	back = tm;
	back.tm_mon -= months;
	t = timegm(&back);
	gmtime_r(&t, &back);
	if (back.tm_mday != tm.tm_mday)
		return NULL;
	return dstr(srv, (long long)t / PDAY - today_days(srv) - extra_days);
}

static struct resp *left(struct server *srv, const char *user, long long hotel, const char *found,
			 const char *noticed, const char *what, const char *keeper)
{
	json_t *b = json_pack("{s:I, s:s}", "unit_id", (json_int_t)hotel, "room", "101");

	if (found)
		json_object_set_new(b, "found_on", json_string(found));
	if (noticed)
		json_object_set_new(b, "noticed_on", json_string(noticed));
	if (what)
		json_object_set_new(b, "description", json_string(what));
	if (keeper)
		json_object_set_new(b, "kept_by", json_string(keeper));
	return http(srv, U(user), "POST", API "/left-items", jdump(srv, b));
}

static long long left_ok(struct server *srv, long long hotel, const char *found, const char *noticed)
{
	struct resp *r = left(srv, "fujing", hotel, found, noticed, "黑色双肩包一个", "前台 王某");

	EXPECT(r, 201);
	return rnum(r, "left_item.id");
}

static struct resp *item_act(struct server *srv, const char *user, long long id, const char *what, const char *body)
{
	return http(srv, U(user), "POST", fmt(srv, API "/left-items/%lld/%s", id, what), body);
}

static struct resp *list(struct server *srv, long long hotel, const char *extra)
{
	struct resp *r = http(srv, U("minjing1"), "GET", fmt(srv, API "/left-items?unit_id=%lld%s", hotel, extra), NULL);

	EXPECT(r, 200);
	return r;
}

/* the today rows of a kind whose detail names what */
static int today_rows(struct server *srv, const char *kind, const char *label_has)
{
	struct resp *r = http(srv, U("minjing1"), "GET", API "/today", NULL);
	json_t *it;
	size_t i;
	int n = 0;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "kind"), kind) && strstr(jstr(it, "label"), label_has))
			n++;
	return n;
}

/* 1. COM-HOTEL-LEFT: kept and posted; the 3 months on both sides; the
 * station's numbered receipt; given back by the hotel */
STORY(hotel_keeps_and_hands_over)
{
	long long hotel = hotel_new(srv, "测试遗留物品旅馆"), other = hotel_new(srv, "测试遗留物品旅馆乙"), fresh, late, edge = 0,
		  guest_other, n1, n2;
	const char *at_edge = months_back(srv, 3, 0), *past_edge = months_back(srv, 3, 1), *receipt;
	struct resp *r;

	/* refusals change nothing */
	r = left(srv, "fujing", hotel, NULL, NULL, "钱包一个", NULL);
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-HOTEL-LEFT");
	EXPECT_STR(r, "error.field", "kept_by");
	EXPECT_FIELD(left(srv, "fujing", hotel, NULL, NULL, NULL, "前台"), 400, "description");
	EXPECT_FIELD(left(srv, "fujing", hotel, dstr(srv, 1), NULL, "钱包", "前台"), 400, "found_on");
	EXPECT_FIELD(left(srv, "fujing", hotel, dstr(srv, -5), dstr(srv, -6), "钱包", "前台"), 400, "noticed_on");
	EXPECT_FIELD(left(srv, "fujing", hotel, "2026-13-01", NULL, "钱包", "前台"), 400, "found_on");
	EXPECT(left(srv, "gucheng_mj1", hotel, NULL, NULL, "钱包", "前台"), 403);
	r = http(srv, U("minjing1"), "POST", API "/hotel-guests",
		 J(srv, "{s:I, s:s, s:s, s:s, s:s}", "unit_id", (json_int_t)other, "name", "别家旅客", "id_type", "id_card",
		   "id_number", newid(srv), "room", "9"));
	EXPECT(r, 201);
	guest_other = rnum(r, "hotel_guest.id");
	EXPECT_FIELD(http(srv, U("fujing"), "POST", API "/left-items",
			  J(srv, "{s:I, s:I, s:s, s:s}", "unit_id", (json_int_t)hotel, "guest_id", (json_int_t)guest_other,
			    "description", "钱包", "kept_by", "前台")),
		     400, "guest_id");
	r = list(srv, hotel, "");
	EXPECT_NUM(r, "total", 0);

	/* found today; posted 3 months + 1 day ago (past its 3 months); and,
	 * when today's day exists 3 months back, posted exactly 3 months ago
	 * (the period's last day is today: not yet due) */
	fresh = left_ok(srv, hotel, NULL, NULL);
	r = list(srv, hotel, "");
	EXPECT_STR(r, "items.0.status", "kept");
	EXPECT_STR(r, "items.0.noticed_on", dstr(srv, 0));
	EXPECT_BOOL(r, "items.0.handover_due", 0);
	if (past_edge) {
		late = left_ok(srv, hotel, past_edge, past_edge);
		edge = left_ok(srv, hotel, at_edge, at_edge);
	} else {
		late = left_ok(srv, hotel, dstr(srv, -100), dstr(srv, -100));
	}
	r = list(srv, hotel, "");
	EXPECT_NUM(r, "figures.kept", past_edge ? 3 : 2);
	EXPECT_NUM(r, "figures.handover_due", 1);
	EXPECT_NUM(r, "figures.held", 0);
	r = list(srv, hotel, "&due=1");
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", late);
	EXPECT_BOOL(r, "items.0.handover_due", 1);
	if (past_edge)
		EXPECT_STR(r, "items.0.handover_from", dstr(srv, 0));
	if (edge) {
		r = list(srv, hotel, "&status=kept");
		EXPECT_NUM(r, "total", 3);
	}
	assert_int_equal(today_rows(srv, "left_item_handover", "测试遗留物品旅馆"), 1);
	EXPECT_FIELD(http(srv, U("minjing1"), "GET", API "/left-items?status=lost", NULL), 400, "status");

	/* the station takes it: an auxiliary may not; two receipts numbered in turn */
	EXPECT(item_act(srv, "fujing", late, "receive", "{}"), 403);
	EXPECT(item_act(srv, "gucheng_mj1", late, "receive", "{}"), 403);
	EXPECT_FIELD(item_act(srv, "minjing1", late, "receive", J(srv, "{s:s}", "handed_on", dstr(srv, 1))), 400, "handed_on");
	EXPECT_FIELD(item_act(srv, "minjing1", late, "receive",
			 J(srv, "{s:s, s:s}", "handed_on", dstr(srv, 0), "announced_on", dstr(srv, -1))),
		     400, "announced_on");
	r = item_act(srv, "minjing1", late, "receive", "{}");
	EXPECT(r, 200);
	EXPECT_STR(r, "left_item.status", "handed");
	EXPECT_STR(r, "left_item.handed_on", dstr(srv, 0));
	EXPECT_STR(r, "left_item.announced_on", dstr(srv, 0));
	EXPECT_STR(r, "left_item.received_by_name", "李明");
	receipt = rstr(r, "left_item.receipt_no");
	assert_int_equal(sscanf(receipt + strlen("拾物收据〔0000〕"), "%lld", &n1), 1);
	assert_memory_equal(receipt, fmt(srv, "拾物收据〔%.4s〕", dstr(srv, 0)), strlen("拾物收据〔0000〕"));
	EXPECT_ERR(srv, item_act(srv, "minjing1", late, "receive", "{}"), 409, "LEFT_ITEM_NOT_KEPT", NULL);
	r = item_act(srv, "minjing1", fresh, "receive", "{}");
	EXPECT(r, 200);
	assert_int_equal(sscanf(rstr(r, "left_item.receipt_no") + strlen("拾物收据〔0000〕"), "%lld", &n2), 1);
	assert_int_equal(n2, n1 + 1);
	r = list(srv, hotel, "");
	EXPECT_NUM(r, "figures.kept", edge ? 1 : 0);
	EXPECT_NUM(r, "figures.handover_due", 0);
	EXPECT_NUM(r, "figures.held", 2);
	EXPECT_NUM(r, "figures.state_due", 0);
	assert_int_equal(today_rows(srv, "left_item_handover", "测试遗留物品旅馆"), 0);

	/* the hotel gives back what it keeps; then nothing more */
	if (edge) {
		EXPECT_FIELD(item_act(srv, "fujing", edge, "return", "{}"), 400, "returned_to");
		r = item_act(srv, "fujing", edge, "return", J(srv, "{s:s}", "returned_to", "失主张某"));
		EXPECT(r, 200);
		EXPECT_STR(r, "left_item.status", "returned");
		EXPECT_STR(r, "left_item.returned_on", dstr(srv, 0));
		EXPECT_ERR(srv, item_act(srv, "fujing", edge, "return", J(srv, "{s:s}", "returned_to", "失主张某")), 409,
			   "LEFT_ITEM_CLOSED", NULL);
		EXPECT_ERR(srv, item_act(srv, "minjing1", edge, "receive", "{}"), 409, "LEFT_ITEM_NOT_KEPT", NULL);
	}
	assert_true(audit_count(srv, U("auditor"), "left_item.receive", "minjing1", "success") >= 2);
}

/* the day one year before today + extra days back; NULL on 29 Feb */
static const char *years_back(struct server *srv, int extra_days)
{
	struct tm tm = day_tm(today_days(srv));

	if (tm.tm_mon == 1 && tm.tm_mday == 29)
		return NULL;
	tm.tm_year -= 1;
	return dstr(srv, (long long)timegm(&tm) / PDAY - today_days(srv) - extra_days);
}

/* 2. COM-FOUND-STATE: the year from the station's notice on both sides; the
 * owner's claim; the note of where it went */
STORY(station_hands_to_state)
{
	long long hotel = hotel_new(srv, "测试拾遗旅馆"), edge, past, claimed;
	const char *at_edge = years_back(srv, 0), *past_edge = years_back(srv, 1);
	struct resp *r;

	if (!at_edge)
		skip();
	edge = left_ok(srv, hotel, dstr(srv, -600), dstr(srv, -600));
	past = left_ok(srv, hotel, dstr(srv, -600), dstr(srv, -600));
	claimed = left_ok(srv, hotel, dstr(srv, -30), dstr(srv, -30));
	EXPECT(item_act(srv, "minjing1", edge, "receive", J(srv, "{s:s}", "handed_on", at_edge)), 200);
	EXPECT(item_act(srv, "minjing1", past, "receive", J(srv, "{s:s}", "handed_on", past_edge)), 200);
	EXPECT(item_act(srv, "minjing1", claimed, "receive", J(srv, "{s:s}", "handed_on", dstr(srv, -3))), 200);

	/* posted a year ago today: the year's last day is today — refused, unchanged */
	r = item_act(srv, "minjing1", edge, "to-state", J(srv, "{s:s}", "disposal_note", "上缴县财政"));
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-FOUND-STATE");
	assert_non_null(strstr(rstr(r, "error.message"), dstr(srv, 1)));
	r = list(srv, hotel, "&status=handed");
	EXPECT_NUM(r, "total", 3);
	EXPECT_NUM(r, "figures.held", 3);
	EXPECT_NUM(r, "figures.state_due", 1);
	r = list(srv, hotel, "&due=1");
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", past);
	EXPECT_STR(r, "items.0.state_from", dstr(srv, 0));
	EXPECT_BOOL(r, "items.0.state_due", 1);
	assert_int_equal(today_rows(srv, "left_item_state", "满一年"), 1 + 1 /* the demo's suitcase */);

	/* a day more: the state's, with a note; an auxiliary may not */
	EXPECT(item_act(srv, "fujing", past, "to-state", J(srv, "{s:s}", "disposal_note", "上缴县财政")), 403);
	EXPECT_FIELD(item_act(srv, "minjing1", past, "to-state", "{}"), 400, "disposal_note");
	EXPECT_FIELD(item_act(srv, "minjing1", past, "to-state",
			 J(srv, "{s:s, s:s}", "disposal_note", "上缴县财政", "disposed_on", dstr(srv, 1))),
		     400, "disposed_on");
	r = item_act(srv, "minjing1", past, "to-state", J(srv, "{s:s}", "disposal_note", "上缴县财政"));
	EXPECT(r, 200);
	EXPECT_STR(r, "left_item.status", "state");
	EXPECT_STR(r, "left_item.disposed_on", dstr(srv, 0));
	EXPECT_ERR(srv, item_act(srv, "minjing1", past, "to-state", J(srv, "{s:s}", "disposal_note", "再上缴")), 409,
		   "LEFT_ITEM_NOT_HELD", NULL);

	/* the owner claims at the station: a sworn officer gives it back */
	EXPECT(item_act(srv, "fujing", claimed, "return", J(srv, "{s:s}", "returned_to", "失主李某")), 403);
	EXPECT_FIELD(item_act(srv, "minjing1", claimed, "return",
			 J(srv, "{s:s, s:s}", "returned_to", "失主李某", "returned_on", dstr(srv, -5))),
		     400, "returned_on");
	r = item_act(srv, "minjing1", claimed, "return", J(srv, "{s:s}", "returned_to", "失主李某"));
	EXPECT(r, 200);
	EXPECT_STR(r, "left_item.status", "claimed");
	EXPECT_ERR(srv, item_act(srv, "minjing1", claimed, "to-state", J(srv, "{s:s}", "disposal_note", "上缴")), 409,
		   "LEFT_ITEM_NOT_HELD", NULL);
	r = list(srv, hotel, "");
	EXPECT_NUM(r, "figures.held", 1);
	EXPECT_NUM(r, "figures.state_due", 0);
}

/* 3. COM-HOTEL-DUTY: a guest the staff found suspicious, reported at once */
STORY(suspicious_guest)
{
	long long hotel = hotel_new(srv, "测试可疑旅客旅馆"), g, inc;
	struct resp *r;

	r = http(srv, U("fujing"), "POST", API "/hotel-guests",
		 J(srv, "{s:I, s:s, s:s, s:s, s:s}", "unit_id", (json_int_t)hotel, "name", "可疑某", "id_type", "id_card",
		   "id_number", newid(srv), "room", "808"));
	EXPECT(r, 201);
	g = rnum(r, "hotel_guest.id");
	EXPECT_FIELD(http(srv, U("fujing"), "POST", fmt(srv, API "/hotel-guests/%lld/suspicious", g), "{}"), 400,
		     "suspicion");
	EXPECT(http(srv, U("gucheng_mj1"), "POST", fmt(srv, API "/hotel-guests/%lld/suspicious", g),
		    J(srv, "{s:s}", "suspicion", "深夜频繁进出")),
	       403);
	r = http(srv, U("fujing"), "POST", fmt(srv, API "/hotel-guests/%lld/suspicious", g),
		 J(srv, "{s:s}", "suspicion", "深夜频繁进出，携带多张他人银行卡"));
	EXPECT(r, 200);
	EXPECT_STR(r, "hotel_guest.suspicion", "深夜频繁进出，携带多张他人银行卡");
	inc = rnum(r, "hotel_guest.incident_id");
	assert_true(inc > 0);
	r = http(srv, U("suozhang"), "GET", fmt(srv, API "/incidents/%lld", inc), NULL);
	EXPECT(r, 200);
	assert_non_null(strstr(rstr(r, "incident.summary"), "形迹可疑"));
	assert_non_null(strstr(rstr(r, "incident.summary"), "808房"));
	EXPECT_ERR(srv,
		   http(srv, U("fujing"), "POST", fmt(srv, API "/hotel-guests/%lld/suspicious", g),
			J(srv, "{s:s}", "suspicion", "再报一次")),
		   409, "ALREADY_REPORTED", "COM-HOTEL-DUTY");
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(hotel_keeps_and_hands_over),
		T(station_hands_to_state),
		T(suspicious_guest),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
