/* api_acl.c — separation of duties (TRUST ACL-3) and CSRF refusal (API-1),
 * on a fresh demo county each. */
#include "harness.h"

#include <string.h>

static const char new_user[] =
	"{\"username\":\"xinren\",\"name\":\"新人\",\"role\":\"officer\","
	"\"unit_id\":%lld,\"password\":\"Xinren#Start-2026\"}";

/* Every item of an audit query has outcome "denied" and there is at least
 * one: the refusal was recorded as a refusal. */
static void assert_denied_rows(struct server *srv, const struct session *auditor,
			       const char *action, const char *user, long long expected)
{
	assert_int_equal(audit_count(srv, auditor, action, user, "denied"), expected);
	assert_int_equal(audit_count(srv, auditor, action, user, NULL), expected);
}

/* ACL-3: the administrator manages accounts but cannot read the audit log;
 * the auditor reads the audit log and changes nothing; an officer does
 * neither. Each refusal is audited as "denied". */
STORY(three_way_separation_of_duties)
{
	struct session *admin = login(srv, "admin", DEMO_PW);
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	struct session *officer = login(srv, "minjing1", DEMO_PW);
	long long cg = unit_id(srv, admin, "城关派出所");
	long long mj2 = user_id(srv, admin, "minjing2");
	const char *body = fmt(srv, new_user, cg);
	struct resp *r;

	/* the administrator */
	assert_int_equal(http(srv, admin, "GET", "/api/v1/users", NULL)->status, 200);
	assert_error(srv, http(srv, admin, "GET", "/api/v1/audit", NULL), 403, "FORBIDDEN");
	assert_error(srv, http(srv, admin, "GET", "/api/v1/audit?action=login.*", NULL), 403,
		     "FORBIDDEN");
	/* no route changes or deletes audit rows, for anybody */
	assert_error(srv, http(srv, admin, "DELETE", "/api/v1/audit", NULL), 405, NULL);
	assert_error(srv, http(srv, auditor, "DELETE", "/api/v1/audit", NULL), 405, NULL);

	/* the auditor: reads the audit log, changes nothing */
	assert_error(srv, http(srv, auditor, "POST", "/api/v1/users", body), 403, "FORBIDDEN");
	assert_error(srv, http(srv, auditor, "GET", "/api/v1/users", NULL), 403, "FORBIDDEN");
	assert_error(srv,
		     http(srv, auditor, "POST", fmt(srv, "/api/v1/users/%lld/lock", mj2), NULL),
		     403, "FORBIDDEN");
	assert_error(srv,
		     http(srv, auditor, "PUT", "/api/v1/settings/session.idle_minutes",
			  "{\"value\":240}"),
		     403, "FORBIDDEN");

	/* an officer: neither */
	assert_error(srv, http(srv, officer, "GET", "/api/v1/users", NULL), 403, "FORBIDDEN");
	assert_error(srv, http(srv, officer, "POST", "/api/v1/users", body), 403, "FORBIDDEN");
	assert_error(srv, http(srv, officer, "GET", "/api/v1/audit", NULL), 403, "FORBIDDEN");
	assert_error(srv, http(srv, officer, "GET", "/api/v1/settings", NULL), 403, "FORBIDDEN");

	/* nothing changed: no user xinren, minjing2 not locked, setting default */
	r = http(srv, admin, "GET", "/api/v1/users?q=xinren", NULL);
	assert_int_equal(rnum(r, "total"), 0);
	assert_int_equal(login_attempt(srv, "minjing2", DEMO_PW, NULL)->status, 200);
	r = http(srv, admin, "GET", "/api/v1/settings", NULL);
	assert_string_equal(rstr(r, "items.0.key"), "session.idle_minutes");
	assert_int_equal(rnum(r, "items.0.value"), 30);

	/* the auditor reads the audit log, and every refusal is in it */
	r = http(srv, auditor, "GET", "/api/v1/audit", NULL);
	assert_int_equal(r->status, 200);
	assert_true(rnum(r, "total") > 0);
	assert_denied_rows(srv, auditor, "audit.list", "admin", 2);
	assert_denied_rows(srv, auditor, "user.create", "auditor", 1);
	assert_denied_rows(srv, auditor, "user.list", "auditor", 1);
	assert_denied_rows(srv, auditor, "user.lock", "auditor", 1);
	assert_denied_rows(srv, auditor, "settings.put", "auditor", 1);
	assert_denied_rows(srv, auditor, "user.list", "minjing1", 1);
	assert_denied_rows(srv, auditor, "user.create", "minjing1", 1);
	assert_denied_rows(srv, auditor, "audit.list", "minjing1", 1);
	assert_denied_rows(srv, auditor, "settings.list", "minjing1", 1);
	/* a refusal row says who, in which role, and from where */
	r = http(srv, auditor, "GET", "/api/v1/audit?action=user.create&user=auditor", NULL);
	assert_string_equal(rstr(r, "items.0.role"), "auditor");
	assert_string_equal(rstr(r, "items.0.client_ip"), "127.0.0.1");
	assert_string_equal(rstr(r, "items.0.outcome"), "denied");
}

/* API-1: a state-changing request with the cookie but without the session's
 * CSRF token, with a wrong one, with another session's, or from a foreign
 * Origin is refused with 403 and changes nothing. */
STORY(csrf_refusals_change_nothing)
{
	struct session *admin = login(srv, "admin", DEMO_PW);
	struct session *officer = login(srv, "minjing1", DEMO_PW);
	struct session *auditor;
	long long cg = unit_id(srv, admin, "城关派出所");
	const char *body = fmt(srv, new_user, cg);
	struct resp *r;

	r = http(srv, admin, "POST", "/api/v1/users", body, "X-CSRF-Token:");
	assert_error(srv, r, 403, "CSRF_REFUSED");
	r = http(srv, admin, "POST", "/api/v1/users", body,
		 "X-CSRF-Token: 00000000000000000000000000000000");
	assert_error(srv, r, 403, "CSRF_REFUSED");
	/* the token of somebody else's session */
	r = http(srv, admin, "POST", "/api/v1/users", body,
		 fmt(srv, "X-CSRF-Token: %s", officer->csrf));
	assert_error(srv, r, 403, "CSRF_REFUSED");
	/* the right token from a foreign page */
	r = http(srv, admin, "POST", "/api/v1/users", body, "Origin: http://evil.example");
	assert_error(srv, r, 403, "CSRF_REFUSED");
	r = http(srv, admin, "POST", "/api/v1/users", body, "Origin: null");
	assert_error(srv, r, 403, "CSRF_REFUSED");
	/* logout is state-changing too */
	r = http(srv, admin, "DELETE", "/api/v1/session", NULL, "X-CSRF-Token:");
	assert_error(srv, r, 403, "CSRF_REFUSED");

	/* nothing changed: no user, the session still alive */
	r = http(srv, admin, "GET", "/api/v1/users?q=xinren", NULL);
	assert_int_equal(r->status, 200);
	assert_int_equal(rnum(r, "total"), 0);
	assert_int_equal(http(srv, admin, "GET", "/api/v1/me", NULL)->status, 200);

	/* the same request from our own origin, with the token, works */
	r = http(srv, admin, "POST", "/api/v1/users", body,
		 fmt(srv, "Origin: http://%s", srv->host));
	assert_int_equal(r->status, 201);
	r = http(srv, admin, "GET", "/api/v1/users?q=xinren", NULL);
	assert_int_equal(rnum(r, "total"), 1);

	auditor = login(srv, "auditor", DEMO_PW);
	assert_denied_rows(srv, auditor, "csrf.refused", "admin", 6);
	assert_int_equal(audit_count(srv, auditor, "user.create", "admin", "success"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(three_way_separation_of_duties, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(csrf_refusals_change_nothing, setup_demo,
						teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
