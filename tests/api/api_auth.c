/* api_auth.c — logging in and out, lockout, rate limit, password policy,
 * session timeouts (TRUST AUTH-1/2/3/6, SESS-1/2/3/5). Each story runs on a
 * fresh demo county unless it says otherwise. */
#include "harness.h"
#include "totp_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define WRONG_PW "Wrong-Password-7"

static void assert_contains(const char *hay, const char *needle)
{
	if (!hay || !strstr(hay, needle))
		fail_msg("'%s' does not contain '%s'", hay ? hay : "(null)", needle);
}

/* SESS-1: a login sets an HttpOnly, SameSite=Strict cookie with a fresh
 * 128-bit token; SESS-5: the next login of the same user ends the older
 * session. */
STORY(login_sets_strict_cookie_and_new_token_each_time)
{
	struct session first, second;
	struct resp *r = login_attempt(srv, "minjing1", DEMO_PW, &first);
	const char *cookie = resp_header(srv, r, "Set-Cookie");

	assert_int_equal(r->status, 200);
	assert_contains(cookie, "precinct_session=");
	assert_contains(cookie, "HttpOnly");
	assert_contains(cookie, "SameSite=Strict");
	assert_contains(cookie, "Path=/");
	/* "precinct_session=" + 32 hex digits = 128 bits */
	assert_int_equal(strlen(first.cookie), strlen("precinct_session=") + 32);
	assert_string_equal(resp_header(srv, r, "Cache-Control"), "no-store");
	assert_string_equal(rstr(r, "user.username"), "minjing1");
	assert_string_equal(rstr(r, "user.name"), "李明");
	assert_string_equal(rstr(r, "user.role"), "officer");
	assert_string_equal(rstr(r, "user.unit.name"), "城关派出所");
	assert_true(json_is_false(jpath(r->json, "user.must_change_password")));
	assert_int_equal(strlen(first.csrf), 32);

	r = login_attempt(srv, "minjing1", DEMO_PW, &second);
	assert_int_equal(r->status, 200);
	assert_string_not_equal(first.cookie, second.cookie);
	assert_string_not_equal(first.csrf, second.csrf);

	r = http(srv, &second, "GET", "/api/v1/me", NULL);
	assert_int_equal(r->status, 200);
	assert_string_equal(rstr(r, "user.username"), "minjing1");
	assert_string_equal(rstr(r, "csrf_token"), second.csrf);
	/* the first session was ended by the second login (SESS-5) */
	r = http(srv, &first, "GET", "/api/v1/me", NULL);
	assert_error(srv, r, 401, "SESSION_EXPIRED");
	/* no cookie at all */
	r = http(srv, NULL, "GET", "/api/v1/me", NULL);
	assert_error(srv, r, 401, "UNAUTHENTICATED");
	/* the ended session is audited */
	assert_int_equal(audit_count(srv, login(srv, "auditor", DEMO_PW), "session.end_others",
				     "minjing1", "success"),
			 1);
}

/* A wrong password and an unknown user get the same 401 answer. */
STORY(wrong_password_and_unknown_user_look_the_same)
{
	struct resp *wrong = login_attempt(srv, "minjing1", WRONG_PW, NULL);
	struct resp *unknown = login_attempt(srv, "nosuchuser", WRONG_PW, NULL);

	assert_error(srv, wrong, 401, "BAD_CREDENTIALS");
	assert_error(srv, unknown, 401, "BAD_CREDENTIALS");
	assert_string_equal(rstr(wrong, "error.message"), rstr(unknown, "error.message"));
	assert_null(resp_header(srv, wrong, "Set-Cookie"));
	assert_null(resp_header(srv, unknown, "Set-Cookie"));
	/* an empty password is bad input, not a login attempt */
	assert_error(srv, login_attempt(srv, "minjing1", "", NULL), 400, NULL);
}

/* The error object of a refused login without its request_id (which is
 * each request's own): what a client can compare. */
static const char *refusal(struct server *srv, const struct resp *r)
{
	json_t *e = json_deep_copy(json_object_get(r->json, "error"));
	char *text;
	const char *kept;

	assert_non_null(e);
	json_object_del(e, "request_id");
	text = json_dumps(e, JSON_COMPACT | JSON_SORT_KEYS);
	kept = fmt(srv, "%ld %s", r->status, text);
	json_mem_free(text);
	json_decref(e);
	return kept;
}

/* locked_until of username in the administrator's user list (0: not locked). */
static long long locked_until(struct server *srv, const struct session *admin,
			      const char *username)
{
	struct resp *r = http(srv, admin, "GET", fmt(srv, "/api/v1/users?q=%s", username), NULL);
	json_t *it;
	size_t i;

	assert_int_equal(r->status, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (strcmp(json_string_value(json_object_get(it, "username")), username) == 0)
			return (long long)json_integer_value(json_object_get(it, "locked_until"));
	fail_msg("user %s not in the list", username);
	return -1;
}

/* AUTH-1: five wrong passwords lock the account for 15 minutes; the right
 * password is refused while locked; every failure and the lock are audited.
 * AUTH-9: the refusal of a locked account is exactly that of a wrong
 * password (status, code, message, no rule, no other header). */
STORY(five_failures_lock_even_the_right_password)
{
	struct session *auditor;
	struct resp *r, *wrong;

	for (int i = 1; i <= 5; i++)
		assert_error(srv, login_attempt(srv, "minjing1", WRONG_PW, NULL), 401,
			     "BAD_CREDENTIALS");
	wrong = login_attempt(srv, "minjing2", WRONG_PW, NULL);
	r = login_attempt(srv, "minjing1", DEMO_PW, NULL);
	assert_error(srv, r, 401, "BAD_CREDENTIALS");
	assert_string_equal(refusal(srv, r), refusal(srv, wrong));
	assert_string_equal(rstr(r, "error.message"), "用户名或密码错误");
	assert_null(jpath(r->json, "error.rule"));
	assert_null(resp_header(srv, r, "Set-Cookie"));
	assert_null(resp_header(srv, r, "Retry-After"));

	/* the lock shows only in the administrator's user list: locked_until
	 * is 15 minutes after the fifth failure */
	{
		struct session *admin = login(srv, "admin", DEMO_PW);
		long long until = locked_until(srv, admin, "minjing1");
		long long server_now = (long long)time(NULL) + srv->clock_offset;

		assert_in_range(until, server_now + 15 * 60 - 30, server_now + 15 * 60);
		assert_int_equal(locked_until(srv, admin, "minjing2"), 0);
	}

	/* 14 minutes later: still locked, and this attempt does not extend it */
	clock_advance(srv, 14 * 60);
	assert_error(srv, login_attempt(srv, "minjing1", DEMO_PW, NULL), 401,
		     "BAD_CREDENTIALS");
	/* 15 minutes and 1 second after the lock: the right password works */
	clock_advance(srv, 60 + 1);
	r = login_attempt(srv, "minjing1", DEMO_PW, NULL);
	assert_int_equal(r->status, 200);

	auditor = login(srv, "auditor", DEMO_PW);
	/* 5 wrong passwords + 2 refusals while locked */
	assert_int_equal(audit_count(srv, auditor, "login.failure", "minjing1", "denied"), 7);
	assert_int_equal(audit_count(srv, auditor, "account.lock", "minjing1", NULL), 1);
	assert_int_equal(audit_count(srv, auditor, "account.lock", "minjing1", "success"), 1);
	assert_int_equal(audit_count(srv, auditor, "login.success", "minjing1", "success"), 1);
}

/* AUTH-1: an administrator's unlock works at once. */
STORY(admin_unlock_lifts_the_lock_at_once)
{
	struct session *admin, *auditor;
	long long id;

	for (int i = 0; i < 5; i++)
		login_attempt(srv, "minjing2", WRONG_PW, NULL);
	assert_error(srv, login_attempt(srv, "minjing2", DEMO_PW, NULL), 401,
		     "BAD_CREDENTIALS");

	admin = login(srv, "admin", DEMO_PW);
	id = user_id(srv, admin, "minjing2");
	assert_int_equal(http(srv, admin, "POST", fmt(srv, "/api/v1/users/%lld/unlock", id),
			      NULL)->status,
			 200);
	assert_int_equal(login_attempt(srv, "minjing2", DEMO_PW, NULL)->status, 200);

	auditor = login(srv, "auditor", DEMO_PW);
	assert_int_equal(audit_count(srv, auditor, "account.lock", "minjing2", NULL), 1);
	assert_int_equal(audit_count(srv, auditor, "account.unlock", "admin", "success"), 1);
}

/* AUTH-2: more than 20 failed logins from one address within a minute →
 * 429 with Retry-After, even for a right password; a minute later it works. */
STORY(many_failures_from_one_address_get_429)
{
	struct session *auditor;
	const char *retry;
	struct resp *r;
	long long server_now;

	/* start at second 1 of a server-clock minute: 59 s for 21 logins */
	server_now = (long long)time(NULL) + srv->clock_offset;
	clock_advance(srv, (61 - server_now % 60) % 60);

	for (int i = 1; i <= 20; i++)
		assert_error(srv, login_attempt(srv, fmt(srv, "intruder%02d", i), WRONG_PW, NULL),
			     401, "BAD_CREDENTIALS");
	r = login_attempt(srv, "intruder21", WRONG_PW, NULL);
	assert_error(srv, r, 429, "TOO_MANY_REQUESTS");
	retry = resp_header(srv, r, "Retry-After");
	assert_non_null(retry);
	assert_in_range(atoi(retry), 1, 60);
	/* the address is refused, whatever the password */
	assert_error(srv, login_attempt(srv, "admin", DEMO_PW, NULL), 429,
		     "TOO_MANY_REQUESTS");

	clock_advance(srv, 60);
	auditor = login(srv, "auditor", DEMO_PW);
	assert_int_equal(audit_count(srv, auditor, "login.rate_limited", NULL, "denied"), 2);
	assert_int_equal(audit_count(srv, auditor, "login.failure", NULL, "denied"), 20);
}

/* How many argon2id password checks the server has run, as its answer r
 * tells (X-Test-Password-Checks, test builds only). */
static long checks_after(struct server *srv, struct resp *r)
{
	const char *v = resp_header(srv, r, "X-Test-Password-Checks");

	if (!v)
		fail_msg("no X-Test-Password-Checks header: %ld %s", r->status, r->body);
	return atol(v);
}

/* One login; asserts its status and that it ran exactly `checks` argon2id
 * checks (the previous answer's count is *count). */
static void login_costs(struct server *srv, const char *user, const char *pw, long status,
			long checks, long *count)
{
	struct resp *r = login_attempt(srv, user, pw, NULL);
	long now = checks_after(srv, r);

	if (r->status != status)
		fail_msg("login %s: status %ld, want %ld: %s", user, r->status, status, r->body);
	if (now - *count != checks)
		fail_msg("login %s (%ld): %ld argon2id checks, want %ld", user, status,
			 now - *count, checks);
	*count = now;
}

/* AUTH-2, AUTH-9: a locked account, an unknown user and a wrong password
 * cost the same: each runs exactly one argon2id check (the unknown one
 * against a dummy hash made with the same limits), as a right password
 * does; only a refusal for the address's rate spends none. Counted, not
 * timed: the time itself is measured in bench/login_refusals.sh, away from
 * a shared test machine's load. */
STORY(locked_unknown_and_wrong_cost_one_check_each)
{
	struct session *admin = login(srv, "admin", DEMO_PW);
	struct resp *r;
	long count;

	assert_int_equal(http(srv, admin, "PUT", "/api/v1/settings/auth.ip_failures_per_minute",
			      "{\"value\":30}")->status,
			 200);
	r = http(srv, NULL, "GET", "/api/v1/health", NULL);
	count = checks_after(srv, r);
	/* five wrong passwords lock minjing1 (auth.max_failures) */
	for (int i = 0; i < 5; i++)
		login_costs(srv, "minjing1", WRONG_PW, 401, 1, &count);
	login_costs(srv, "minjing1", DEMO_PW, 401, 1, &count);     /* locked */
	login_costs(srv, "minjing1", WRONG_PW, 401, 1, &count);    /* locked, wrong */
	login_costs(srv, "ghost01", WRONG_PW, 401, 1, &count);     /* unknown */
	login_costs(srv, "ghost02", DEMO_PW, 401, 1, &count);      /* unknown */
	login_costs(srv, "minjing2", WRONG_PW, 401, 1, &count);    /* wrong */
	login_costs(srv, "minjing2", DEMO_PW, 200, 1, &count);     /* right */
	/* a read spends none */
	r = http(srv, admin, "GET", "/api/v1/me", NULL);
	assert_int_equal(r->status, 200);
	assert_int_equal(checks_after(srv, r), count);
	/* the address over its limit: refused before any work */
	assert_int_equal(http(srv, admin, "PUT", "/api/v1/settings/auth.ip_failures_per_minute",
			      "{\"value\":9}")->status,
			 200);
	login_costs(srv, "ghost03", WRONG_PW, 429, 0, &count);
	login_costs(srv, "minjing2", DEMO_PW, 429, 0, &count);
}

static struct resp *change_pw(struct server *srv, struct session *s, const char *old_pw,
			      const char *new_pw)
{
	json_t *b = json_pack("{s:s, s:s}", "old_password", old_pw, "new_password", new_pw);
	char *body = json_dumps(b, JSON_COMPACT);
	const char *kept = fmt(srv, "%s", body);

	json_mem_free(body);
	json_decref(b);
	return http(srv, s, "POST", "/api/v1/me/password", kept);
}

static void assert_weak(struct server *srv, struct resp *r)
{
	assert_error(srv, r, 400, "WEAK_PASSWORD");
	assert_string_equal(rstr(r, "error.rule"), "AUTH-3");
	assert_string_equal(rstr(r, "error.field"), "new_password");
}

/* AUTH-3: the password policy on POST /me/password. nanzhuang_mj1 is a demo
 * officer whose 13-character username itself has three character classes. */
STORY(password_policy_on_change)
{
	const char *good = "Lantern#River-2026";
	struct session *me = login(srv, "nanzhuang_mj1", DEMO_PW), *auditor;
	struct resp *r;

	assert_weak(srv, change_pw(srv, me, DEMO_PW, "Ab1!short"));        /* 9 chars */
	assert_weak(srv, change_pw(srv, me, DEMO_PW, "onlylower12345"));   /* 2 classes */
	assert_weak(srv, change_pw(srv, me, DEMO_PW, "Nanzhuang_Mj1"));    /* = username */
	assert_weak(srv, change_pw(srv, me, DEMO_PW, "Password123!"));     /* common */
	assert_weak(srv, change_pw(srv, me, DEMO_PW, DEMO_PW));            /* the current one */
	r = change_pw(srv, me, "Not-My-Password-1", good);
	assert_error(srv, r, 400, "BAD_OLD_PASSWORD");
	assert_string_equal(rstr(r, "error.field"), "old_password");

	assert_int_equal(change_pw(srv, me, DEMO_PW, good)->status, 200);
	/* the session that changed it lives on */
	assert_int_equal(http(srv, me, "GET", "/api/v1/me", NULL)->status, 200);
	assert_error(srv, login_attempt(srv, "nanzhuang_mj1", DEMO_PW, NULL), 401,
		     "BAD_CREDENTIALS");
	me = login(srv, "nanzhuang_mj1", good);
	/* and the old one cannot come back (history) */
	assert_weak(srv, change_pw(srv, me, good, DEMO_PW));

	auditor = login(srv, "auditor", DEMO_PW);
	assert_int_equal(audit_count(srv, auditor, "password.change", "nanzhuang_mj1",
				     "success"),
			 1);
	/* AUD-2: every refused change is audited — the five weak ones, the
	 * wrong old password and the reuse of the old one: 5 + 1 + 1 */
	assert_int_equal(audit_count(srv, auditor, "password.change", "nanzhuang_mj1",
				     "denied"),
			 7);
}

/* SESS-2: 30 minutes without a request end the session. */
STORY(idle_timeout_ends_the_session)
{
	struct session *me = login(srv, "minjing1", DEMO_PW);

	clock_advance(srv, 29 * 60);
	assert_int_equal(http(srv, me, "GET", "/api/v1/me", NULL)->status, 200);
	clock_advance(srv, 31 * 60);
	assert_error(srv, http(srv, me, "GET", "/api/v1/me", NULL), 401, "SESSION_EXPIRED");
	/* a write is refused the same way */
	assert_error(srv, http(srv, me, "DELETE", "/api/v1/session", NULL), 401,
		     "SESSION_EXPIRED");
}

/* SESS-2: 12 hours after login the session ends even when it is busy. */
STORY(absolute_timeout_after_12_hours)
{
	struct session *me = login(srv, "minjing1", DEMO_PW);

	for (int i = 1; i <= 35; i++) { /* 35 × 20 min = 11 h 40 min */
		struct resp *r;

		clock_advance(srv, 20 * 60);
		r = http(srv, me, "GET", "/api/v1/me", NULL);
		if (r->status != 200)
			fail_msg("after %d min: %ld %s", i * 20, r->status, r->body);
	}
	clock_advance(srv, 19 * 60); /* 11 h 59 min */
	assert_int_equal(http(srv, me, "GET", "/api/v1/me", NULL)->status, 200);
	clock_advance(srv, 2 * 60);  /* 12 h 1 min, idle only 2 min */
	assert_error(srv, http(srv, me, "GET", "/api/v1/me", NULL), 401, "SESSION_EXPIRED");
	/* a new login works */
	login(srv, "minjing1", DEMO_PW);
}

/* SESS-3: logout revokes the token on the server; replaying it fails. */
STORY(logout_then_replay_is_refused)
{
	struct session *me = login(srv, "minjing1", DEMO_PW), *auditor;
	struct resp *r = http(srv, me, "DELETE", "/api/v1/session", NULL);

	assert_int_equal(r->status, 200);
	assert_contains(resp_header(srv, r, "Set-Cookie"), "Max-Age=0");
	assert_error(srv, http(srv, me, "GET", "/api/v1/me", NULL), 401, "SESSION_EXPIRED");
	assert_error(srv, http(srv, me, "DELETE", "/api/v1/session", NULL), 401,
		     "SESSION_EXPIRED");

	auditor = login(srv, "auditor", DEMO_PW);
	assert_int_equal(audit_count(srv, auditor, "logout", "minjing1", "success"), 1);
}

/* AUTH-6: a fresh (non-demo) database has only admin, with a one-time
 * password that must be changed before anything else. */
STORY(first_login_must_change_password)
{
	const char *good = "Admin#Secure-2026x", *secret;
	struct session *admin;
	struct resp *r;

	r = login_attempt(srv, "admin", DEMO_PW, NULL);
	assert_error(srv, r, 401, "BAD_CREDENTIALS");
	admin = login(srv, "admin", srv->otp);
	r = http(srv, admin, "GET", "/api/v1/me", NULL);
	assert_int_equal(r->status, 200);
	assert_true(json_is_true(jpath(r->json, "user.must_change_password")));

	r = http(srv, admin, "GET", "/api/v1/users", NULL);
	assert_error(srv, r, 403, "PASSWORD_CHANGE_REQUIRED");
	assert_string_equal(rstr(r, "error.rule"), "AUTH-6");
	assert_error(srv, http(srv, admin, "GET", "/api/v1/units", NULL), 403,
		     "PASSWORD_CHANGE_REQUIRED");
	assert_error(srv,
		     http(srv, admin, "POST", "/api/v1/users",
			  "{\"username\":\"early\",\"name\":\"早\",\"role\":\"officer\","
			  "\"unit_id\":1,\"password\":\"Early#Bird-2026\"}"),
		     403, "PASSWORD_CHANGE_REQUIRED");

	assert_weak(srv, change_pw(srv, admin, srv->otp, srv->otp));
	assert_int_equal(change_pw(srv, admin, srv->otp, good)->status, 200);

	r = http(srv, admin, "GET", "/api/v1/me", NULL);
	assert_true(json_is_false(jpath(r->json, "user.must_change_password")));
	/* then the second factor, which the admin role must use (AUTH-5) */
	assert_error(srv, http(srv, admin, "GET", "/api/v1/users", NULL), 403, "TOTP_ENROL_REQUIRED");
	secret = tu_enrol(srv, admin, NULL);
	r = http(srv, admin, "GET", "/api/v1/users", NULL);
	assert_int_equal(r->status, 200);
	assert_int_equal(rnum(r, "total"), 1);
	assert_string_equal(rstr(r, "items.0.username"), "admin");
	assert_error(srv, login_attempt(srv, "admin", srv->otp, NULL), 401, "BAD_CREDENTIALS");
	tu_next_step(srv);
	assert_int_equal(tu_login2(srv, "admin", good, tu_code(srv, secret), NULL)->status, 200);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(login_sets_strict_cookie_and_new_token_each_time,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(wrong_password_and_unknown_user_look_the_same,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(five_failures_lock_even_the_right_password,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(locked_unknown_and_wrong_cost_one_check_each,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(admin_unlock_lifts_the_lock_at_once,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(many_failures_from_one_address_get_429,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(password_policy_on_change, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(idle_timeout_ends_the_session, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(absolute_timeout_after_12_hours, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(logout_then_replay_is_refused, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(first_login_must_change_password, setup_fresh,
						teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
