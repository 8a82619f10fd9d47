/* api_residence_permits.c — 居住证 over HTTP (issue 16 gaps; 居住证暂行条例
 * 2016 = JZZ): a floating person registered 7 months ago applies, the
 * station accepts, the issue clock runs on the 预警 board and the card is
 * issued on day 14 (COM-RESCARD, COM-RESCARD-ISSUE); one registered under
 * half a year is refused with the rule; the yearly 签注 on the days either
 * side of its window and of its due day (COM-RESCARD-ENDORSE); another
 * station reads nothing and every read is audited; the offences of JZZ
 * Art 18-19 (COM-RESCARD-PEN); what a rental visit may propose as a penalty
 * (COM-RENT-STATUS) with the ZL rent-multiple fines off and on.
 *
 * Dates are counted here by hand (calendar months with the C library's
 * struct tm), never by the code under test. */
#include "population_util.h"

#define DAYS(n) ((int64_t)(n) * PDAY)

static const int month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

/* "YYYY-MM-DD" of (today + delta) moved by n calendar months, the day
 * clamped to the month's last (31 Mar - 1 month = 28/29 Feb) */
static const char *mshift(struct server *srv, long long delta, int n)
{
	struct tm tm = day_tm(today_days(srv) + delta);
	int y = tm.tm_year + 1900, m = tm.tm_mon + n, d = tm.tm_mday, last;

	while (m < 0) {
		m += 12;
		y--;
	}
	y += m / 12;
	m %= 12;
	last = month_days[m] + (m == 1 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	if (d > last)
		d = last;
	return fmt(srv, "%04d-%02d-%02d", y, m + 1, d);
}

/* days from the server's today to the date s */
static long long days_until(struct server *srv, const char *s)
{
	struct tm tm = { 0 };

	if (sscanf(s, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
		fail_msg("bad date %s", s);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return (long long)(timegm(&tm) / PDAY) - today_days(srv);
}

/* a floating person of 城关 whose 居住登记 is dated on */
static long long floating_person(struct server *srv, const char *name, const char *on)
{
	struct resp *r = person_post(srv, "minjing1", name, newid(srv), "temporary", NULL);
	long long id;

	EXPECT(r, 201);
	id = rnum(r, "person.id");
	EXPECT(http(srv, U("minjing1"), "POST", API "/floating",
		    J(srv, "{s:I, s:s, s:s, s:s}", "person_id", (json_int_t)id, "mode", "direct", "layer", "known",
		      "registered_on", on)),
	       200);
	return id;
}

static struct resp *apply(struct server *srv, const char *user, long long person, const char *detail)
{
	json_t *o = json_pack("{s:I, s:s}", "person_id", (json_int_t)person, "basis", "work");

	if (detail)
		json_object_set_new(o, "basis_detail", json_string(detail));
	return http(srv, U(user), "POST", API "/residence-permits", jdump(srv, o));
}

static long long applied(struct server *srv, long long person)
{
	struct resp *r = apply(srv, "minjing1", person, "城关测试物流公司（劳动合同）");

	EXPECT(r, 201);
	EXPECT_STR(r, "residence_permit.status", "applied");
	return rnum(r, "residence_permit.id");
}

static struct resp *step(struct server *srv, const char *user, long long id, const char *what, const char *body)
{
	return http(srv, U(user), "POST", fmt(srv, API "/residence-permits/%lld/%s", id, what), body);
}

/* an application accepted today and issued today as card no */
static long long issued_card(struct server *srv, long long person, const char *no)
{
	long long id = applied(srv, person);

	EXPECT(step(srv, "minjing1", id, "accept", NULL), 200);
	EXPECT(step(srv, "neiqin", id, "issue", J(srv, "{s:s}", "card_no", no)), 200);
	return id;
}

/* the level of the clock key on 城关's 预警 board, "-" when absent */
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

/* 1 when the list GET /residence-permits?query (as minjing1) holds id */
static int listed(struct server *srv, const char *query, long long id)
{
	struct resp *r = http(srv, U("minjing1"), "GET", fmt(srv, API "/residence-permits?per_page=200&%s", query), NULL);

	EXPECT(r, 200);
	return find_in(r, "items", "id", id) != NULL;
}

static struct resp *permit(struct server *srv, const char *user, long long id)
{
	return http(srv, U(user), "GET", fmt(srv, API "/residence-permits/%lld", id), NULL);
}

/* 1. COM-RESCARD and COM-RESCARD-ISSUE: registered 7 months ago, applies,
 * accepted, the clock runs, issued on day 14; another left past its 15
 * days is a BREACH and listed as overdue */
STORY(apply_accept_issue)
{
	long long a = floating_person(srv, "居证甲", mshift(srv, 0, -7));
	long long b = floating_person(srv, "居证乙", mshift(srv, 0, -7));
	long long id, late;
	struct resp *r;

	/* the permission: an auxiliary does not take applications */
	EXPECT(apply(srv, "fujing", a, "城关测试物流公司"), 403);
	/* a stable job, home or study must be named */
	r = apply(srv, "minjing1", a, NULL);
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-RESCARD");
	EXPECT_STR(r, "error.field", "basis_detail");
	id = applied(srv, a);
	/* one open application a person */
	EXPECT_ERR(srv, apply(srv, "minjing1", a, "城关测试物流公司"), 409, "PERMIT_OPEN", NULL);
	/* issue before acceptance: the state refuses */
	EXPECT_ERR(srv, step(srv, "minjing1", id, "issue", "{\"card_no\":\"JZZTEST0001\"}"), 409, "BAD_STATE", NULL);
	/* the clerk accepts: 15 days from today (the day itself not counted) */
	r = step(srv, "neiqin", id, "accept", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "residence_permit.status", "accepted");
	EXPECT_STR(r, "residence_permit.accepted_on", dstr(srv, 0));
	EXPECT_STR(r, "residence_permit.issue_due", dstr(srv, 15));
	EXPECT_NUM(r, "residence_permit.issue_days", 15);
	assert_string_equal(level_of(srv, fmt(srv, "residence_permit:%lld:issue", id)), "OK");
	late = applied(srv, b);
	EXPECT(step(srv, "minjing1", late, "accept", NULL), 200);
	/* the warning policy of the board (legal-rules §0.3): day 9, six days
	 * and some hours left (under 7): WARN; day 14, one day and some hours
	 * left (under 3): URGENT, not yet breached, not overdue */
	clock_advance(srv, DAYS(9));
	assert_string_equal(level_of(srv, fmt(srv, "residence_permit:%lld:issue", id)), "WARN");
	clock_advance(srv, DAYS(5));
	assert_string_equal(level_of(srv, fmt(srv, "residence_permit:%lld:issue", id)), "URGENT");
	assert_false(listed(srv, "issue_overdue=1", id));
	/* issued on day 14: off the board; the floating register carries the number */
	r = step(srv, "minjing1", id, "issue", "{\"card_no\":\"JZZTEST0001\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "residence_permit.status", "issued");
	EXPECT_STR(r, "residence_permit.issued_on", dstr(srv, 0));
	EXPECT_STR(r, "residence_permit.years_from", dstr(srv, 0));
	EXPECT_STR(r, "residence_permit.endorse_due", mshift(srv, 0, 12));
	EXPECT_STR(r, "residence_permit.endorse_from", mshift(srv, 0, 11));
	assert_string_equal(level_of(srv, fmt(srv, "residence_permit:%lld:issue", id)), "-");
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM floating_person WHERE permit_no = 'JZZTEST0001'"
					     " AND person_id = ?1",
				    fmt(srv, "%lld", a)),
			 1);
	/* the same number twice is refused */
	EXPECT(step(srv, "minjing1", late, "issue", "{\"card_no\":\"JZZTEST0001\"}"), 409);
	/* day 16: the other one is past its 15 days */
	clock_advance(srv, DAYS(2));
	assert_string_equal(level_of(srv, fmt(srv, "residence_permit:%lld:issue", late)), "BREACH");
	assert_true(listed(srv, "issue_overdue=1", late));
	r = permit(srv, "minjing1", late);
	EXPECT(r, 200);
	EXPECT_BOOL(r, "residence_permit.issue_overdue", 1);
	/* withdrawn: off the board */
	EXPECT_FIELD(step(srv, "minjing1", late, "close", "{\"how\":\"withdraw\",\"reason\":\"\"}"), 400, "reason");
	r = step(srv, "minjing1", late, "close", "{\"how\":\"withdraw\",\"reason\":\"申请人撤回\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "residence_permit.status", "withdrawn");
	assert_string_equal(level_of(srv, fmt(srv, "residence_permit:%lld:issue", late)), "-");
	/* a card is cancelled, not withdrawn */
	EXPECT_ERR(srv, step(srv, "minjing1", id, "close", "{\"how\":\"withdraw\",\"reason\":\"x\"}"), 409, "BAD_STATE",
		   NULL);
}

/* 2. COM-RESCARD: the half year counted from the 居住登记 date, on both
 * sides of the day it is met; not registered, refused; nothing written */
STORY(half_year)
{
	long long young = floating_person(srv, "居证丙", mshift(srv, 0, -5));
	long long edge = floating_person(srv, "居证丁", mshift(srv, 0, -6));
	long long early = floating_person(srv, "居证戊", dstr(srv, days_until(srv, mshift(srv, 0, -6)) + 1));
	long long plain = person_new(srv, "居证己", newid(srv), "resident", NULL);
	struct resp *r;

	r = apply(srv, "minjing1", young, "城关测试物流公司");
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-RESCARD");
	EXPECT_STR(r, "error.field", "person_id");
	assert_non_null(strstr(rstr(r, "error.message"), "未满半年"));
	/* a day short of six months */
	EXPECT_ERR(srv, apply(srv, "minjing1", early, "城关测试物流公司"), 409, "RULE_VIOLATION", "COM-RESCARD");
	/* not registered as floating population at all */
	EXPECT_ERR(srv, apply(srv, "minjing1", plain, "城关测试物流公司"), 409, "RULE_VIOLATION", "COM-RESCARD");
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM residence_permit WHERE person_id IN (?1)",
				    fmt(srv, "%lld", young)),
			 0);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM residence_permit WHERE person_id = ?1",
				    fmt(srv, "%lld", early)),
			 0);
	/* six months to the day: accepted */
	applied(srv, edge);
	/* the 申领 button: only the one that may apply */
	r = http(srv, U("minjing1"), "GET",
		 fmt(srv, API "/residence-permit-eligibility?person_ids=%lld,%lld,%lld", young, edge, early), NULL);
	EXPECT(r, 200);
	assert_false(json_is_true(json_object_get(find_in(r, "items", "person_id", young), "eligible")));
	assert_false(json_is_true(json_object_get(find_in(r, "items", "person_id", edge), "eligible"))); /* now applied */
	assert_false(json_is_true(json_object_get(find_in(r, "items", "person_id", early), "eligible")));
	assert_string_equal(jstr(find_in(r, "items", "person_id", young), "eligible_on"), mshift(srv, 0, 1));
	/* a day later the early one may apply */
	clock_advance(srv, DAYS(1));
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/residence-permit-eligibility?person_ids=%lld", early), NULL);
	EXPECT(r, 200);
	assert_true(json_is_true(json_object_get(find_in(r, "items", "person_id", early), "eligible")));
	applied(srv, early);
}

/* 3. COM-RESCARD-ENDORSE: a card issued today is signed off within the
 * month before each full year: refused the day before the window, due from
 * its first day to the due day, overdue (functions stop) the day after;
 * late, the years restart; in time, the next year follows on */
STORY(endorsement)
{
	long long p1 = floating_person(srv, "签注甲", mshift(srv, 0, -8));
	long long p2 = floating_person(srv, "签注乙", mshift(srv, 0, -8));
	long long c1 = issued_card(srv, p1, "JZZTEST0101"), c2 = issued_card(srv, p2, "JZZTEST0102");
	const char *due = mshift(srv, 0, 12), *opens = mshift(srv, 0, 11), *next2 = mshift(srv, 0, 24);
	const char *key1 = fmt(srv, "residence_permit:%lld:endorse:%s", c1, due);
	long long to_open = days_until(srv, opens), to_due = days_until(srv, due);
	struct resp *r;

	/* the day before the window opens */
	clock_advance(srv, DAYS(to_open - 1));
	r = step(srv, "minjing1", c1, "endorse", "{}");
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-RESCARD-ENDORSE");
	EXPECT_STR(r, "error.field", "endorsed_on");
	r = permit(srv, "minjing1", c1);
	EXPECT_STR(r, "residence_permit.endorse_state", "not_due");
	assert_false(listed(srv, "endorse_due=1", c1));
	assert_string_equal(level_of(srv, key1), "-");
	/* its first day: due, warned */
	clock_advance(srv, DAYS(1));
	r = permit(srv, "minjing1", c1);
	EXPECT_STR(r, "residence_permit.endorse_state", "due");
	EXPECT_BOOL(r, "residence_permit.suspended", 0);
	assert_true(listed(srv, "endorse_due=1", c1));
	assert_string_equal(level_of(srv, key1), "WARN");
	/* the due day itself: still due; the second card is endorsed in time */
	clock_advance(srv, DAYS(to_due - to_open));
	assert_true(listed(srv, "endorse_due=1", c1));
	assert_false(listed(srv, "endorse_overdue=1", c1));
	r = step(srv, "neiqin", c2, "endorse", "{}");
	EXPECT(r, 200);
	EXPECT_STR(r, "residence_permit.endorse_due", next2);
	EXPECT_STR(r, "residence_permit.years_from", dstr(srv, -to_due));
	EXPECT_NUM(r, "residence_permit.endorsements", 1);
	/* the day after: overdue, the card's functions stop */
	clock_advance(srv, DAYS(1));
	r = permit(srv, "minjing1", c1);
	EXPECT_STR(r, "residence_permit.endorse_state", "overdue");
	EXPECT_BOOL(r, "residence_permit.suspended", 1);
	assert_true(listed(srv, "endorse_overdue=1", c1));
	assert_true(listed(srv, "status=suspended", c1));
	assert_false(listed(srv, "endorse_due=1", c1));
	assert_false(listed(srv, "status=suspended", c2));
	assert_string_equal(level_of(srv, key1), "BREACH");
	/* endorsed late: the years restart from today */
	r = step(srv, "minjing1", c1, "endorse", "{}");
	EXPECT(r, 200);
	EXPECT_STR(r, "residence_permit.years_from", dstr(srv, 0));
	EXPECT_STR(r, "residence_permit.endorse_due", mshift(srv, 0, 12));
	EXPECT_BOOL(r, "residence_permit.suspended", 0);
	r = permit(srv, "minjing1", c1);
	EXPECT_NUM(r, "residence_permit.endorsement_history.0.late", 1);
	EXPECT_STR(r, "residence_permit.endorsement_history.0.due_on", due);
	assert_string_equal(level_of(srv, key1), "-");
	/* cancelled */
	r = step(srv, "minjing1", c1, "close", "{\"how\":\"cancel\",\"reason\":\"持证人迁离\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "residence_permit.status", "cancelled");
}

/* 4. the holder's station only; every read audited */
STORY(scope_and_audit)
{
	long long p = floating_person(srv, "居证审计", mshift(srv, 0, -9));
	long long id = applied(srv, p), before, after;
	struct resp *r;

	/* another station: the record is refused (403, audited), not answered as absent */
	r = permit(srv, "gucheng_mj1", id);
	EXPECT(r, 403);
	assert_true(db_raw_int(srv->db,
			       "SELECT COUNT(*) FROM audit WHERE outcome = 'denied' AND object_type = 'residence_permit'"
			       " AND object_id = ?1",
			       fmt(srv, "%lld", id)) >= 1);
	EXPECT(step(srv, "gucheng_mj1", id, "accept", NULL), 403);
	r = http(srv, U("gucheng_mj1"), "GET", fmt(srv, API "/residence-permits?q=%s", urlenc(srv, "居证审计")), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 0);
	/* nor may it apply for 城关's floating person */
	EXPECT(apply(srv, "gucheng_mj1", p, "某公司"), 403);
	/* every read of the record leaves a row */
	before = db_raw_int(srv->db,
			    "SELECT COUNT(*) FROM audit_read WHERE action = 'read' AND object_type = 'residence_permit'"
			    " AND object_id = ?1",
			    fmt(srv, "%lld", id));
	r = permit(srv, "minjing2", id);
	EXPECT(r, 200);
	EXPECT_STR(r, "residence_permit.name", "居证审计");
	EXPECT(permit(srv, "suozhang", id), 200);
	after = db_raw_int(srv->db,
			   "SELECT COUNT(*) FROM audit_read WHERE action = 'read' AND object_type = 'residence_permit'"
			   " AND object_id = ?1",
			   fmt(srv, "%lld", id));
	assert_int_equal(after, before + 2);
	/* the list masks the number and is audited */
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/residence-permits?q=%s", urlenc(srv, "居证审计")), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	assert_non_null(strstr(rstr(r, "items.0.id_number"), "********"));
	assert_true(db_raw_int(srv->db,
			       "SELECT COUNT(*) FROM audit_read WHERE action = 'residence_permit.list' AND detail LIKE ?1",
			       fmt(srv, "%%%lld%%", id)) >= 1);
	/* the ledger with the station's header */
	r = http(srv, U("suozhang"), "GET", API "/ledgers/residence_permits", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "header", "城关派出所居住证台账");
	assert_non_null(strstr(r->body, "居证审计"));
}

/* 5. COM-RESCARD-PEN: JZZ Art 18-19 in the offence table, for cases to pick */
STORY(offences)
{
	struct resp *r = http(srv, U("minjing1"), "GET", fmt(srv, API "/offences?q=%s", urlenc(srv, "居住证")), NULL);
	json_t *it;
	size_t i;
	int n131 = 0, n132 = 0;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it) {
		json_t *za = jpath(json_array_get(json_object_get(it, "tiers"), 0), "za2025");

		if (!strcmp(jstr(it, "code"), "OF-131")) {
			n131++;
			assert_string_equal(jstr(za, "article"), "JZZ 18");
			assert_int_equal(jint(za, "fine_max"), 200);
			assert_true(json_is_true(json_object_get(za, "warning")));
			assert_non_null(strstr(jstr(it, "note"), "第十八条"));
		} else if (!strcmp(jstr(it, "code"), "OF-132")) {
			n132++;
			assert_string_equal(jstr(za, "article"), "JZZ 19");
			assert_int_equal(jint(za, "fine_min"), 200);
			assert_int_equal(jint(za, "fine_max"), 1000);
			assert_non_null(strstr(jstr(it, "note"), "收缴"));
		}
	}
	assert_int_equal(n131, 1);
	assert_int_equal(n132, 1);
}

static struct resp *rvisit(struct server *srv, long long rental, const char *extra)
{
	return http(srv, U("minjing1"), "POST", fmt(srv, API "/rentals/%lld/visits", rental),
		    fmt(srv, "{\"findings\":\"承租人未登记\"%s}", extra));
}

/* 6. COM-RENT-STATUS: a visit proposes ZA2025 Art 68 offences only; the ZL
 * rent-multiple fines only when the county enables them */
STORY(rental_penalties)
{
	long long rental = db_raw_int(srv->db,
				      "SELECT MIN(r.id) FROM rental r JOIN org_unit o ON o.id = r.station_id"
				      " WHERE o.name = '城关派出所'",
				      NULL);
	struct resp *r;
	json_t *offs;

	/* the choices: OF-092 and OF-093 (ZA2025 Art 68), no ZL item */
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/rentals/%lld/penalty-options", rental), NULL);
	EXPECT(r, 200);
	offs = jpath(r->json, "offences");
	assert_int_equal(json_array_size(offs), 2);
	assert_string_equal(jstr(json_array_get(offs, 0), "code"), "OF-092");
	assert_string_equal(jstr(json_array_get(offs, 1), "code"), "OF-093");
	EXPECT_BOOL(r, "zl_fines_enabled", 0);
	assert_int_equal(json_array_size(jpath(r->json, "zl_items")), 0);
	/* another offence is refused; Art 68 is recorded */
	r = rvisit(srv, rental, ",\"offence_code\":\"OF-052\"");
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-RENT-STATUS");
	EXPECT_STR(r, "error.field", "offence_code");
	r = rvisit(srv, rental, ",\"offence_code\":\"OF-092\"");
	EXPECT(r, 201);
	EXPECT_STR(r, "rental.visits.0.offence_code", "OF-092");
	/* a ZL fine while the setting is off: refused, nothing written */
	r = rvisit(srv, rental, ",\"zl_item\":\"zl9_2\",\"monthly_rent_yuan\":800,\"zl_fine_yuan\":1600");
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-RENT-STATUS");
	EXPECT_STR(r, "error.field", "zl_item");
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM rental_visit WHERE zl_item IS NOT NULL", NULL), 0);
	/* the county enables them: four items; Art 9(2) is at most 3 x the rent */
	EXPECT(http(srv, U("admin"), "PUT", API "/settings/rental.zl_fines_enabled", "{\"value\":true}"), 200);
	r = http(srv, U("minjing1"), "GET", fmt(srv, API "/rentals/%lld/penalty-options", rental), NULL);
	EXPECT(r, 200);
	EXPECT_BOOL(r, "zl_fines_enabled", 1);
	assert_int_equal(json_array_size(jpath(r->json, "zl_items")), 4);
	r = rvisit(srv, rental, ",\"zl_item\":\"zl9_2\",\"monthly_rent_yuan\":800,\"zl_fine_yuan\":2401");
	EXPECT_ERR(srv, r, 409, "RULE_VIOLATION", "COM-RENT-STATUS");
	EXPECT_STR(r, "error.field", "zl_fine_yuan");
	EXPECT_FIELD(rvisit(srv, rental, ",\"zl_item\":\"zl9_2\",\"zl_fine_yuan\":100"), 400, "monthly_rent_yuan");
	r = rvisit(srv, rental, ",\"zl_item\":\"zl9_2\",\"monthly_rent_yuan\":800,\"zl_fine_yuan\":2400");
	EXPECT(r, 201);
	EXPECT_STR(r, "rental.visits.0.zl_item", "zl9_2");
	EXPECT_NUM(r, "rental.visits.0.zl_fine_yuan", 2400);
}


/* the number in the today-page row (the clerk's 待办) of user whose label starts with prefix
 * ("居住证待签注：3 张" → 3); 0 when there is no such row, and the row's
 * route and due day into *route / *due_on when asked */
static long long today_n(struct server *srv, const char *user, const char *prefix, const char **route,
			 const char **due_on)
{
	struct resp *r = http(srv, U(user), "GET", strcmp(user, "neiqin") ? API "/today" : API "/todos", NULL);
	json_t *it;
	size_t i, n = strlen(prefix);

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strncmp(jstr(it, "label"), prefix, n)) {
			if (route)
				*route = fmt(srv, "%s", jstr(it, "route"));
			if (due_on)
				*due_on = fmt(srv, "%s", jstr(it, "due_on"));
			assert_int_equal(jint(it, "count"), atoll(jstr(it, "label") + n));
			return atoll(jstr(it, "label") + n);
		}
	return 0;
}

/* 7. the station's 居住证 work on the today page and 待办, as counts: one
 * more accepted card to issue, two cards in their 签注 window, one endorsed
 * (one fewer), then the other overdue; the auxiliary has no such work and
 * 北社's officer does not see 城关's */
STORY(today_rows)
{
	long long p1 = floating_person(srv, "今日甲", mshift(srv, 0, -8));
	long long p2 = floating_person(srv, "今日乙", mshift(srv, 0, -8));
	long long p3 = floating_person(srv, "今日丙", mshift(srv, 0, -8));
	long long acc0 = today_n(srv, "minjing1", "居住证待制作发放：", NULL, NULL);
	long long bei0 = today_n(srv, "beishe_mj1", "居住证待制作发放：", NULL, NULL);
	long long c1, c2, id, e0, o0;
	const char *route = NULL, *due_on = NULL, *due = mshift(srv, 0, 12), *opens = mshift(srv, 0, 11);
	long long to_open = days_until(srv, opens), to_due = days_until(srv, due);

	/* accepted today: 15 days to issue (the day itself not counted) */
	id = applied(srv, p3);
	EXPECT(step(srv, "minjing1", id, "accept", NULL), 200);
	assert_int_equal(today_n(srv, "minjing1", "居住证待制作发放：", &route, &due_on), acc0 + 1);
	assert_string_equal(route, "/population/residence-permits?status=accepted");
	assert_true(strcmp(due_on, dstr(srv, 15)) <= 0);
	assert_int_equal(today_n(srv, "neiqin", "居住证待制作发放：", NULL, NULL), acc0 + 1);
	assert_int_equal(today_n(srv, "fujing", "居住证", NULL, NULL), 0);
	assert_int_equal(today_n(srv, "beishe_mj1", "居住证待制作发放：", NULL, NULL), bei0);

	/* two cards issued today; their 签注 window opens in 11 months */
	c1 = issued_card(srv, p1, "JZZTEST0701");
	c2 = issued_card(srv, p2, "JZZTEST0702");
	clock_advance(srv, DAYS(to_open));
	e0 = today_n(srv, "minjing1", "居住证待签注：", &route, &due_on);
	assert_true(e0 >= 2);
	assert_string_equal(route, "/population/residence-permits?endorse_due=1");
	assert_true(strcmp(due_on, due) <= 0);
	EXPECT(step(srv, "neiqin", c2, "endorse", "{}"), 200);
	assert_int_equal(today_n(srv, "minjing1", "居住证待签注：", NULL, NULL), e0 - 1);
	/* the day after the due day: c1 is overdue, no longer due */
	clock_advance(srv, DAYS(to_due - to_open + 1));
	o0 = today_n(srv, "minjing1", "居住证逾期未签注：", &route, NULL);
	assert_true(o0 >= 1);
	assert_string_equal(route, "/population/residence-permits?endorse_overdue=1");
	EXPECT(step(srv, "minjing1", c1, "endorse", "{}"), 200);
	assert_int_equal(today_n(srv, "minjing1", "居住证逾期未签注：", NULL, NULL), o0 - 1);
}

#define T(name) cmocka_unit_test_setup_teardown(name, story_before, story_after)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(apply_accept_issue), T(half_year), T(endorsement), T(scope_and_audit), T(offences), T(rental_penalties),
		T(today_rows),
	};

	return cmocka_run_group_tests(tests, setup_demo, group_teardown);
}
