/* api_throttle.c — the failure throttles are kept in the database (issue
 * 14: "nothing that only one process knows may decide a rule"):
 *  - on either store, the failed logins of an address (AUTH-2) and the
 *    failed public progress queries (issue 13) still count after the
 *    server restarts (in memory they were forgotten);
 *  - on PostgreSQL, two `precinct serve` on one database count the same
 *    failures: 3 on one server and 2 on the other lock the address on
 *    both (each alone would have allowed 5);
 *  - public complaints count an IPv6 client by its /64.
 * Clients come through --trust-proxy with their own X-Forwarded-For, so
 * that the harness's own address is never locked. */
#include "harness.h"

#define WRONG_PW "Wrong-Password-7"

static void restart_behind_proxy(struct server *s)
{
	server_stop(s);
	s->serve_args[0] = "--trust-proxy";
	s->serve_args[1] = NULL;
	server_start(s);
}

static struct resp *login_from(struct server *s, const char *ip, const char *user)
{
	return http(s, NULL, "POST", "/api/v1/session",
		    fmt(s, "{\"username\":\"%s\",\"password\":\"%s\"}", user, WRONG_PW),
		    fmt(s, "X-Forwarded-For: %s", ip));
}

static struct resp *progress_from(struct server *s, const char *ip, int n)
{
	return http(s, NULL, "POST", "/api/v1/progress",
		    fmt(s, "{\"receipt_code\":\"ZZ%08d\",\"phone_last4\":\"0000\"}", n),
		    fmt(s, "X-Forwarded-For: %s", ip));
}

static void limit_logins_to_5(struct server *s)
{
	struct session *admin = login(s, "admin", DEMO_PW);

	assert_int_equal(http(s, admin, "PUT", "/api/v1/settings/auth.ip_failures_per_minute",
			      "{\"value\":5}")->status,
			 200);
}

static void assert_login_limited(struct server *s, const char *ip)
{
	struct resp *r = login_from(s, ip, "ghost-last");

	assert_error(s, r, 429, "TOO_MANY_REQUESTS");
	assert_string_equal(rstr(r, "error.rule"), "AUTH-2");
	assert_non_null(resp_header(s, r, "Retry-After"));
}

static void assert_progress_limited(struct server *s, const char *ip)
{
	struct resp *r = progress_from(s, ip, 99);

	assert_error(s, r, 429, "TOO_MANY_REQUESTS");
	assert_non_null(resp_header(s, r, "Retry-After"));
}

STORY(login_and_progress_failures_survive_a_restart)
{
	restart_behind_proxy(srv);
	limit_logins_to_5(srv);
	/* the minute's window on a stopped clock: a loaded machine's restart
	 * does not carry the failures out of it */
	clock_freeze(srv);
	for (int i = 0; i < 5; i++) {
		assert_error(srv, login_from(srv, "198.51.100.20", fmt(srv, "ghost%d", i)), 401,
			     "BAD_CREDENTIALS");
		assert_error(srv, progress_from(srv, "198.51.100.30", i), 404, "NOT_FOUND");
	}
	restart_behind_proxy(srv);
	assert_login_limited(srv, "198.51.100.20");
	assert_progress_limited(srv, "198.51.100.30");
	/* another address is not limited, and the harness's own logs in */
	assert_error(srv, login_from(srv, "198.51.100.21", "ghost9"), 401, "BAD_CREDENTIALS");
	assert_error(srv, progress_from(srv, "198.51.100.31", 9), 404, "NOT_FOUND");
	login(srv, "jiejing", DEMO_PW);
	/* one row per counted key in the database: the two addresses and the
	 * codes, each window from its first failure */
	assert_string_equal(db_raw_text(srv, srv->db,
					"SELECT failures FROM throttle_window WHERE kind = 'login_addr'"
					" AND subject = '198.51.100.20'"),
			    "5");
	assert_string_equal(db_raw_text(srv, srv->db,
					"SELECT failures FROM throttle_window WHERE kind = 'progress_addr'"
					" AND subject = '198.51.100.30'"),
			    "5");
}

static struct resp *complain_from(struct server *s, const char *ip, long long station, int n)
{
	return http(s, NULL, "POST", "/api/v1/public/complaints",
		    fmt(s, "{\"station_id\":%lld,\"content\":\"第%d次反映同一个问题，请尽快处理。\",\"contact_phone\":\"13712345678\"}",
			station, n),
		    fmt(s, "X-Forwarded-For: %s", ip));
}

/* Public complaints are limited per address (public.complaint_max_per_hour),
 * an IPv6 client by its /64 like every other address throttle: one
 * subscriber holds 2^64 addresses. The limit was counted per whole
 * address, so eight of one /64 filed eight. */
STORY(public_complaints_count_an_ipv6_client_by_its_64)
{
	long long cg;

	restart_behind_proxy(srv);
	cg = db_raw_int(srv->db, "SELECT id FROM org_unit WHERE name = ?1", "城关派出所");
	assert_int_equal(http(srv, login(srv, "admin", DEMO_PW), "PUT",
			      "/api/v1/settings/public.complaint_max_per_hour", "{\"value\":2}")->status,
			 200);
	clock_freeze(srv);
	assert_int_equal(complain_from(srv, "2001:db8:1:2::1", cg, 1)->status, 201);
	assert_int_equal(complain_from(srv, "2001:db8:1:2::2", cg, 2)->status, 201);
	assert_error(srv, complain_from(srv, "2001:db8:1:2::3", cg, 3), 429, "TOO_MANY_REQUESTS");
	assert_error(srv, complain_from(srv, "2001:db8:1:2:ffff::9", cg, 4), 429, "TOO_MANY_REQUESTS");
	/* the next /64, and an IPv4 client, are others */
	assert_int_equal(complain_from(srv, "2001:db8:1:3::1", cg, 5)->status, 201);
	assert_int_equal(complain_from(srv, "198.51.100.60", cg, 6)->status, 201);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM complaint WHERE content LIKE ?1", "第_次反映同一个问题%"), 4);
}

STORY(two_servers_count_the_same_failures)
{
	struct server *b;

	restart_behind_proxy(srv);
	b = server_twin(srv);
	restart_behind_proxy(b);
	limit_logins_to_5(srv);
	clock_freeze(srv); /* one minute's window, however slow the machine (one clock file) */
	for (int i = 0; i < 5; i++) {
		struct server *s = i < 3 ? srv : b;

		assert_error(s, login_from(s, "203.0.113.40", fmt(s, "ghost%d", i)), 401,
			     "BAD_CREDENTIALS");
		assert_error(s, progress_from(s, "203.0.113.50", i), 404, "NOT_FOUND");
	}
	/* 5 in all: refused by both, though each saw fewer */
	assert_login_limited(b, "203.0.113.40");
	assert_login_limited(srv, "203.0.113.40");
	assert_progress_limited(srv, "203.0.113.50");
	assert_progress_limited(b, "203.0.113.50");
	assert_error(b, login_from(b, "203.0.113.41", "ghost9"), 401, "BAD_CREDENTIALS");
	b->passed = 1; /* its directory goes; the database is srv's */
	server_free(b);
}

int main(void)
{
	const struct CMUnitTest both[] = {
		cmocka_unit_test_setup_teardown(login_and_progress_failures_survive_a_restart,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(public_complaints_count_an_ipv6_client_by_its_64,
						setup_demo, teardown_server),
	};
	const struct CMUnitTest pg[] = {
		cmocka_unit_test_setup_teardown(two_servers_count_the_same_failures, setup_demo,
						teardown_server),
	};
	int rc = cmocka_run_group_tests(both, NULL, NULL);

	if (test_pg_url())
		rc |= cmocka_run_group_tests(pg, NULL, NULL);
	return rc;
}
