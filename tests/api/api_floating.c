/* api_floating.c — 流动人口 over HTTP (issue 16, part B): the departure
 * report (人走报告) on time and late by working days (COM-FLOAT-REG, setting
 * floating.departure_report_workdays = 3), the spot check of an employer
 * (persons found vs registered that day), employer meetings, and the
 * coverage of the 治安责任保证书 (COM-RENT).
 *
 * Each story gets a fresh demo county and makes its own persons (area code
 * 320106), employers and rentals; figures are checked on them or as deltas. */
#include "harness.h"
#include "case_util.h"

#include <stdlib.h>
#include <string.h>

static struct session *m1;

static int story_setup(void **state)
{
	m1 = NULL;
	return setup_demo(state);
}

static struct session *M1(struct server *srv)
{
	if (!m1)
		m1 = login(srv, "minjing1", DEMO_PW);
	return m1;
}

static long long person_new(struct server *srv, const char *name, int seq)
{
	struct resp *r = http(srv, M1(srv), "POST", API "/persons",
			      fmt(srv, "{\"name\":\"%s\",\"id_number\":\"%s\",\"kind\":\"floating\"}", name,
				  id_number_at(srv, "320106", 1990, 1 + seq % 12, 1 + seq % 28, 300 + seq)));

	EXPECT(r, 201);
	return rnum(r, "person.id");
}

static long long employer_new(struct server *srv, const char *name, int letter)
{
	struct resp *r = http(srv, M1(srv), "POST", API "/employers",
			      letter ? fmt(srv, "{\"name\":\"%s\",\"letter_signed_on\":\"2026-01-05\"}", name)
				     : fmt(srv, "{\"name\":\"%s\"}", name));

	EXPECT(r, 201);
	return rnum(r, "employer.id");
}

static void floating_at(struct server *srv, long long person, long long employer, const char *on)
{
	EXPECT(http(srv, M1(srv), "POST", API "/floating",
		    fmt(srv, "{\"person_id\":%lld,\"mode\":\"employer\",\"layer\":\"known\",\"registered_on\":\"%s\","
			     "\"employer_id\":%lld}",
			person, on, employer)),
	       200);
}

static json_t *by_key(json_t *items, const char *key, long long id)
{
	json_t *it;
	size_t i;

	json_array_foreach(items, i, it)
		if (jint(it, key) == id)
			return it;
	return NULL;
}

/* 1. 人走报告: departed Monday 2026-11-02 (no holiday that week). Reported
 *    Thursday: Tue, Wed, Thu = 3 working days ≤ 3, on time; reported Friday:
 *    4 > 3, late. The employer's count of floating staff drops. */
STORY(departure_report)
{
	long long e = employer_new(srv, "试验用工甲", 1), a = person_new(srv, "试流甲", 1), b = person_new(srv, "试流乙", 2);
	struct resp *r;

	floating_at(srv, a, e, "2026-10-01");
	floating_at(srv, b, e, "2026-10-01");
	r = http(srv, M1(srv), "GET", API "/employers", NULL);
	assert_int_equal(jint(by_key(jpath(r->json, "items"), "id", e), "persons"), 2);

	r = http(srv, M1(srv), "POST", fmt(srv, API "/floating/%lld/departure", a),
		 "{\"departed_on\":\"2026-11-02\",\"reporter_kind\":\"employer\",\"reporter\":\"人事\",\"reported_on\":\"2026-11-05\"}");
	EXPECT(r, 200);
	EXPECT_NUM(r, "floating.workdays", 3);
	EXPECT_NUM(r, "floating.limit_workdays", 3);
	EXPECT_BOOL(r, "floating.late", 0);
	r = http(srv, M1(srv), "POST", fmt(srv, API "/floating/%lld/departure", b),
		 "{\"departed_on\":\"2026-11-02\",\"reporter_kind\":\"landlord\",\"reported_on\":\"2026-11-06\"}");
	EXPECT(r, 200);
	EXPECT_NUM(r, "floating.workdays", 4);
	EXPECT_BOOL(r, "floating.late", 1);
	/* twice: 409; a report before the departure, a bad reporter: 400 */
	r = http(srv, M1(srv), "POST", fmt(srv, API "/floating/%lld/departure", b),
		 "{\"departed_on\":\"2026-11-02\",\"reporter_kind\":\"landlord\",\"reported_on\":\"2026-11-06\"}");
	assert_error(srv, r, 409, "ALREADY_DEPARTED");
	r = http(srv, M1(srv), "POST", fmt(srv, API "/floating/%lld/departure", a),
		 "{\"departed_on\":\"2026-11-09\",\"reporter_kind\":\"landlord\",\"reported_on\":\"2026-11-06\"}");
	assert_error(srv, r, 400, NULL);
	r = http(srv, M1(srv), "GET", API "/employers", NULL);
	assert_int_equal(jint(by_key(jpath(r->json, "items"), "id", e), "persons"), 0);
	/* gone from the floating population list, still found as a person */
	r = http(srv, M1(srv), "GET", API "/persons?kind=floating&name=%E8%AF%95%E6%B5%81", NULL);
	EXPECT_NUM(r, "total", 0);
	r = http(srv, M1(srv), "GET", API "/persons?name=%E8%AF%95%E6%B5%81", NULL);
	EXPECT_NUM(r, "total", 2);
	/* another station's officer may not report for 城关's person */
	r = http(srv, login(srv, "beishe_mj1", DEMO_PW), "POST", fmt(srv, API "/floating/%lld/departure", a),
		 "{\"departed_on\":\"2026-11-02\",\"reporter_kind\":\"self\",\"reported_on\":\"2026-11-03\"}");
	assert_error(srv, r, 403, NULL);
	/* registered again: living here again */
	floating_at(srv, b, e, "2026-11-20");
	r = http(srv, M1(srv), "GET", API "/employers", NULL);
	assert_int_equal(jint(by_key(jpath(r->json, "items"), "id", e), "persons"), 1);
	r = http(srv, M1(srv), "GET", API "/persons?kind=floating&name=%E8%AF%95%E6%B5%81", NULL);
	EXPECT_NUM(r, "total", 1);
	EXPECT_STR(r, "items.0.name", "试流乙");
}

#define ARRIVAL(person, registered, arrived)                                                                   \
	fmt(srv, "{\"person_id\":%lld,\"mode\":\"direct\",\"layer\":\"known\",\"registered_on\":\"%s\",\"arrived_on\":\"%s\"}", \
	    person, registered, arrived)

/* 1b. 人来登记: moved in Monday 2026-11-02 (no holiday that week).
 *    Registered Thursday: Tue, Wed, Thu = 3 working days <= 3, on time;
 *    registered Friday: 4 > 3, late, with the province's fine per person
 *    (100元, the default). A moving-in day after the registration is a 400
 *    and changes nothing. With the county's limit raised to 5, the same
 *    registration made again is on time. */
STORY(arrival_report)
{
	long long a = person_new(srv, "试来甲", 11), b = person_new(srv, "试来乙", 12);
	struct resp *r;

	r = http(srv, M1(srv), "POST", API "/floating", ARRIVAL(a, "2026-11-05", "2026-11-02"));
	EXPECT(r, 200);
	EXPECT_NUM(r, "floating.arrival_workdays", 3);
	EXPECT_NUM(r, "floating.arrival_limit_workdays", 3);
	EXPECT_BOOL(r, "floating.arrival_late", 0);
	assert_true(json_is_null(jpath(r->json, "floating.fine_per_person")));
	r = http(srv, M1(srv), "POST", API "/floating", ARRIVAL(b, "2026-11-06", "2026-11-02"));
	EXPECT(r, 200);
	EXPECT_NUM(r, "floating.arrival_workdays", 4);
	EXPECT_BOOL(r, "floating.arrival_late", 1);
	EXPECT_NUM(r, "floating.fine_per_person", 100);
	/* the person's record keeps it */
	r = http(srv, M1(srv), "GET", fmt(srv, API "/persons/%lld", b), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "person.floating.0.arrived_on", "2026-11-02");
	EXPECT_NUM(r, "person.floating.0.arrival_late", 1);
	/* moving in after the registration: refused, the record unchanged */
	r = http(srv, M1(srv), "POST", API "/floating", ARRIVAL(b, "2026-11-06", "2026-11-07"));
	assert_error(srv, r, 400, NULL);
	EXPECT_STR(r, "error.field", "arrived_on");
	r = http(srv, M1(srv), "GET", fmt(srv, API "/persons/%lld", b), NULL);
	EXPECT_STR(r, "person.floating.0.arrived_on", "2026-11-02");
	/* the province allows 5 working days: the same registration is on time */
	EXPECT(http(srv, login(srv, "admin", DEMO_PW), "PUT", API "/settings/floating.arrival_report_workdays",
		    "{\"value\":5}"),
	       200);
	r = http(srv, M1(srv), "POST", API "/floating", ARRIVAL(b, "2026-11-06", "2026-11-02"));
	EXPECT(r, 200);
	EXPECT_NUM(r, "floating.arrival_limit_workdays", 5);
	EXPECT_BOOL(r, "floating.arrival_late", 0);
}

/* 2. 抽查: three registered on 2026-10-01, one left on 2026-11-02. On
 *    2026-11-10 the employer had 2 registered; 5 found → discrepancy +3. On
 *    2026-10-20 it had 3; 3 found → none. */
STORY(employer_spot_check)
{
	long long e = employer_new(srv, "试验用工乙", 1), p[3];
	long long far = db_raw_int(srv->db, "SELECT a.id FROM address a JOIN org_unit o ON o.id = a.station_id"
					    " WHERE o.name = ?1 LIMIT 1", "北社派出所");
	struct resp *r;
	json_t *it;

	/* a unit's address is one of the station's own */
	assert_true(far > 0);
	r = http(srv, M1(srv), "POST", API "/employers", fmt(srv, "{\"name\":\"跨所用工\",\"address_id\":%lld}", far));
	EXPECT(r, 400);
	EXPECT_STR(r, "error.field", "address_id");
	r = http(srv, M1(srv), "POST", API "/employers", "{\"name\":\"无址用工\",\"address_id\":99999999}");
	EXPECT(r, 400);
	/* dates of this world: registered by today, a permit expiring after
	 * its issue, an arrival after 1900 */
	p[0] = person_new(srv, "试查戊", 19);
	r = http(srv, M1(srv), "POST", API "/floating",
		 fmt(srv, "{\"person_id\":%lld,\"mode\":\"direct\",\"layer\":\"known\",\"registered_on\":\"9999-12-31\"}",
		     p[0]));
	EXPECT(r, 400);
	EXPECT_STR(r, "error.field", "registered_on");
	r = http(srv, M1(srv), "POST", API "/floating",
		 fmt(srv, "{\"person_id\":%lld,\"mode\":\"direct\",\"layer\":\"known\",\"registered_on\":\"2026-01-05\","
			  "\"arrived_on\":\"0001-01-01\"}",
		     p[0]));
	EXPECT(r, 400);
	r = http(srv, M1(srv), "POST", API "/floating",
		 fmt(srv, "{\"person_id\":%lld,\"mode\":\"direct\",\"layer\":\"known\",\"registered_on\":\"2026-01-05\","
			  "\"permit_issued_on\":\"2026-01-06\",\"permit_expires_on\":\"2020-01-01\"}",
		     p[0]));
	EXPECT(r, 400);
	EXPECT_STR(r, "error.field", "permit_expires_on");

	for (int i = 0; i < 3; i++) {
		p[i] = person_new(srv, i == 0 ? "试查甲" : i == 1 ? "试查乙" : "试查丙", 10 + i);
		floating_at(srv, p[i], e, "2026-10-01");
	}
	EXPECT(http(srv, M1(srv), "POST", fmt(srv, API "/floating/%lld/departure", p[0]),
		    "{\"departed_on\":\"2026-11-02\",\"reporter_kind\":\"employer\",\"reported_on\":\"2026-11-03\"}"),
	       200);
	/* a discrepancy without findings, an unknown offence: 400 */
	r = http(srv, M1(srv), "POST", fmt(srv, API "/employers/%lld/spot-checks", e),
		 "{\"checked_on\":\"2026-11-10\",\"persons_found\":5}");
	assert_error(srv, r, 400, NULL);
	assert_string_equal(rstr(r, "error.field"), "findings");
	assert_non_null(strstr(rstr(r, "error.message"), "登记 2 人，现场 5 人"));
	r = http(srv, M1(srv), "POST", fmt(srv, API "/employers/%lld/spot-checks", e),
		 "{\"checked_on\":\"2026-11-10\",\"persons_found\":5,\"findings\":\"3人未登记\",\"offence_code\":\"OF-999\"}");
	assert_error(srv, r, 400, NULL);
	r = http(srv, M1(srv), "POST", fmt(srv, API "/employers/%lld/spot-checks", e),
		 "{\"checked_on\":\"2026-11-10\",\"persons_found\":5,\"findings\":\"3人未申报居住登记\",\"penalty\":\"警告，责令3日内补报\"}");
	EXPECT(r, 201);
	EXPECT_NUM(r, "check.persons_registered", 2);
	EXPECT_NUM(r, "check.persons_found", 5);
	EXPECT_NUM(r, "check.discrepancy", 3);
	/* the day before the departure: 3 registered, 3 found, nothing to punish */
	r = http(srv, M1(srv), "POST", fmt(srv, API "/employers/%lld/spot-checks", e),
		 "{\"checked_on\":\"2026-10-20\",\"persons_found\":3,\"penalty\":\"警告\"}");
	assert_error(srv, r, 400, NULL);
	r = http(srv, M1(srv), "POST", fmt(srv, API "/employers/%lld/spot-checks", e),
		 "{\"checked_on\":\"2026-10-20\",\"persons_found\":3}");
	EXPECT(r, 201);
	EXPECT_NUM(r, "check.discrepancy", 0);
	/* an auxiliary does not check; another station may not */
	assert_error(srv, http(srv, login(srv, "fujing", DEMO_PW), "POST", fmt(srv, API "/employers/%lld/spot-checks", e),
			       "{\"checked_on\":\"2026-10-20\",\"persons_found\":3}"),
		     403, NULL);
	r = http(srv, M1(srv), "GET", API "/spot-checks", NULL);
	EXPECT(r, 200);
	{
		int n = 0, diff = 0;
		size_t i;

		json_array_foreach(jpath(r->json, "items"), i, it)
			if (jint(it, "employer_id") == e) {
				n++;
				diff += jint(it, "discrepancy") != 0;
			}
		assert_int_equal(n, 2);
		assert_int_equal(diff, 1);
	}
}

/* 3. 例会: two employers, one commended, one penalized. */
STORY(employer_meeting)
{
	long long a = employer_new(srv, "试验例会甲", 1), b = employer_new(srv, "试验例会乙", 0), id;
	long long other = db_raw_int(srv->db,
				     "SELECT e.id FROM employer_unit e JOIN org_unit o ON o.id = e.station_id"
				     " WHERE o.name <> '城关派出所' LIMIT 1",
				     NULL);
	struct resp *r;
	json_t *m;

	r = http(srv, M1(srv), "POST", API "/employer-meetings",
		 fmt(srv, "{\"held_on\":\"2026-11-20\",\"topic\":\"冬季用工登记例会\",\"items\":["
			  "{\"employer_id\":%lld,\"outcome\":\"commended\",\"note\":\"按时申报\"},"
			  "{\"employer_id\":%lld,\"outcome\":\"commended\"}]}",
		     a, a));
	assert_error(srv, r, 400, NULL);
	if (other > 0) {
		r = http(srv, M1(srv), "POST", API "/employer-meetings",
			 fmt(srv, "{\"held_on\":\"2026-11-20\",\"topic\":\"例会\",\"items\":[{\"employer_id\":%lld,"
				  "\"outcome\":\"attended\"}]}",
			     other));
		assert_error(srv, r, 400, NULL);
	}
	r = http(srv, M1(srv), "POST", API "/employer-meetings",
		 fmt(srv, "{\"held_on\":\"2026-11-20\",\"topic\":\"冬季用工登记例会\",\"items\":["
			  "{\"employer_id\":%lld,\"outcome\":\"commended\",\"note\":\"按时申报\"},"
			  "{\"employer_id\":%lld,\"outcome\":\"penalized\",\"note\":\"未签责任书\"}]}",
		     a, b));
	EXPECT(r, 201);
	id = rnum(r, "meeting.id");
	assert_int_equal(json_array_size(jpath(r->json, "meeting.items")), 2);
	r = http(srv, M1(srv), "GET", API "/employer-meetings", NULL);
	EXPECT(r, 200);
	m = by_key(jpath(r->json, "items"), "id", id);
	assert_non_null(m);
	assert_int_equal(jint(m, "commended"), 1);
	assert_int_equal(jint(m, "penalized"), 1);
}

/* 4. 责任书覆盖 (COM-RENT): three new rentals — none signed, expired, valid —
 *    and an employer without a letter. */
STORY(letter_coverage)
{
	long long before_r, before_v, before_e, before_ev, addr[3], landlord, rent[3], e;
	struct resp *r = http(srv, M1(srv), "GET", API "/population/letter-coverage", NULL);
	json_t *it;

	EXPECT(r, 200);
	before_r = rnum(r, "rentals");
	before_v = rnum(r, "rentals_valid");
	before_e = rnum(r, "employers");
	before_ev = rnum(r, "employers_valid");
	landlord = person_new(srv, "试房东", 20);
	for (int i = 0; i < 3; i++) {
		r = http(srv, M1(srv), "POST", API "/addresses",
			 fmt(srv, "{\"community\":\"试验社区\",\"building\":\"9号楼\",\"unit_no\":\"1\",\"room\":\"%d01\"}", i + 1));
		EXPECT(r, 201);
		addr[i] = rnum(r, "address.id");
	}
	r = http(srv, M1(srv), "POST", API "/rentals",
		 fmt(srv, "{\"address_id\":%lld,\"landlord_id\":%lld,\"level\":\"normal\"}", addr[0], landlord));
	EXPECT(r, 201);
	rent[0] = rnum(r, "rental.id");
	r = http(srv, M1(srv), "POST", API "/rentals",
		 fmt(srv, "{\"address_id\":%lld,\"landlord_id\":%lld,\"level\":\"normal\",\"letter_signed_on\":\"%s\","
			  "\"letter_expires_on\":\"%s\"}",
		     addr[1], landlord, day_str(srv, -400), day_str(srv, -1)));
	EXPECT(r, 201);
	rent[1] = rnum(r, "rental.id");
	r = http(srv, M1(srv), "POST", API "/rentals",
		 fmt(srv, "{\"address_id\":%lld,\"landlord_id\":%lld,\"level\":\"normal\",\"letter_signed_on\":\"%s\","
			  "\"letter_expires_on\":\"%s\"}",
		     addr[2], landlord, day_str(srv, -10), day_str(srv, 0)));
	EXPECT(r, 201);
	rent[2] = rnum(r, "rental.id");
	e = employer_new(srv, "试验无责任书", 0);

	r = http(srv, M1(srv), "GET", API "/population/letter-coverage", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "rentals", before_r + 3);
	EXPECT_NUM(r, "rentals_valid", before_v + 1); /* expiring today is still valid */
	EXPECT_NUM(r, "employers", before_e + 1);
	EXPECT_NUM(r, "employers_valid", before_ev);
	assert_non_null(it = by_key(jpath(r->json, "missing"), "id", rent[0]));
	assert_string_equal(jstr(it, "reason"), "none");
	assert_non_null(it = by_key(jpath(r->json, "missing"), "id", rent[1]));
	assert_string_equal(jstr(it, "reason"), "expired");
	assert_null(by_key(jpath(r->json, "missing"), "id", rent[2]));
	assert_non_null(by_key(jpath(r->json, "employers_missing"), "id", e));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(departure_report, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(arrival_report, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(employer_spot_check, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(employer_meeting, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(letter_coverage, story_setup, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
