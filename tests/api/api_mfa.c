/* api_mfa.c — two-factor login with TOTP (TRUST AUTH-5, AUD-2): enrolment,
 * login with and without a code, a code used twice, recovery codes used
 * once, wrong codes counting towards the lock (AUTH-1), a role that must
 * enrol before it reaches any data, the self-disable that needs a current
 * code, and the admin reset, audited. Codes are computed by the test's own
 * TOTP (totp_util.h). */
#include "harness.h"
#include "totp_util.h"

#include <stdlib.h>
#include <string.h>

#define API "/api/v1"

/* the test's TOTP against RFC 6238 Appendix B (SHA256, T = 59 s, step 1):
 * 46119246 in 8 digits, so 119246 in 6; the seed
 * "12345678901234567890123456789012" in base32 */
static void own_totp_matches_rfc(struct server *srv)
{
	assert_string_equal(
		tu_code_at(srv, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA", 1), "119246");
	assert_string_equal(
		tu_code_at(srv, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA", 37037036),
		"084774");
}

STORY(enrol_then_login_needs_a_fresh_code)
{
	struct session *me, s2, s3;
	const char *secret, *codes[10], *used;
	struct resp *r;
	long long step;

	own_totp_matches_rfc(srv);
	tu_next_step(srv);
	me = login(srv, "minjing1", DEMO_PW);
	r = http(srv, me, "GET", API "/me/totp", NULL);
	assert_int_equal(r->status, 200);
	assert_true(json_is_false(jpath(r->json, "enabled")));
	assert_true(json_is_false(jpath(r->json, "required")));

	/* the secret and the URI an authenticator app reads */
	r = http(srv, me, "POST", API "/me/totp/setup", NULL);
	assert_int_equal(r->status, 200);
	secret = fmt(srv, "%s", rstr(r, "secret"));
	assert_int_equal(strlen(secret), 32);
	assert_non_null(strstr(rstr(r, "otpauth_uri"), "otpauth://totp/Precinct:minjing1?"));
	assert_non_null(strstr(rstr(r, "otpauth_uri"), fmt(srv, "secret=%s", secret)));
	assert_non_null(strstr(rstr(r, "otpauth_uri"), "algorithm=SHA256"));
	assert_non_null(strstr(rstr(r, "otpauth_uri"), "digits=6"));
	assert_non_null(strstr(rstr(r, "otpauth_uri"), "period=30"));
	assert_string_equal(resp_header(srv, r, "Cache-Control"), "no-store");
	/* pending, not enabled: the login still needs the password only */
	r = http(srv, me, "GET", API "/me/totp", NULL);
	assert_true(json_is_true(jpath(r->json, "pending")));
	assert_true(json_is_false(jpath(r->json, "enabled")));

	/* a code of another step (five steps on) does not confirm */
	step = tu_now(srv) / 30;
	r = http(srv, me, "POST", API "/me/totp/confirm",
		 fmt(srv, "{\"code\":\"%s\"}", tu_code_at(srv, secret, step + 5)));
	assert_error(srv, r, 400, "TOTP_INVALID");
	assert_string_equal(rstr(r, "error.field"), "code");
	used = tu_code(srv, secret);
	r = http(srv, me, "POST", API "/me/totp/confirm", fmt(srv, "{\"code\":\"%s\"}", used));
	assert_int_equal(r->status, 200);
	assert_int_equal(json_array_size(jpath(r->json, "recovery_codes")), 10);
	for (int i = 0; i < 10; i++) {
		codes[i] = fmt(srv, "%s", rstr(r, fmt(srv, "recovery_codes.%d", i)));
		assert_int_equal(strlen(codes[i]), 19); /* XXXX-XXXX-XXXX-XXXX */
	}
	assert_string_not_equal(codes[0], codes[1]);
	/* the codes are kept only as hashes, the secret not in the audit */
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM totp_recovery WHERE code_hash = ?1",
				    codes[0]), 0);
	/* setup again once enabled: refused */
	assert_error(srv, http(srv, me, "POST", API "/me/totp/setup", NULL), 409,
		     "TOTP_ALREADY_ENABLED");

	/* AUTH-5: the password alone is not enough any more; a wrong password
	 * still answers as a wrong password (the code is asked only after) */
	r = login_attempt(srv, "minjing1", DEMO_PW, NULL);
	assert_error(srv, r, 401, "TOTP_REQUIRED");
	assert_string_equal(rstr(r, "error.rule"), "AUTH-5");
	assert_error(srv, tu_login2(srv, "minjing1", "Wrong-Password-2026", tu_code(srv, secret), NULL),
		     401, "BAD_CREDENTIALS");
	/* the code that confirmed the enrolment was used: never again */
	assert_error(srv, tu_login2(srv, "minjing1", DEMO_PW, used, NULL), 401, "TOTP_INVALID");

	/* the next step's code logs in, once */
	tu_next_step(srv);
	used = tu_code(srv, secret);
	r = tu_login2(srv, "minjing1", DEMO_PW, used, &s2);
	assert_int_equal(r->status, 200);
	assert_int_equal(http(srv, &s2, "GET", API "/cases", NULL)->status, 200);
	assert_error(srv, tu_login2(srv, "minjing1", DEMO_PW, used, NULL), 401, "TOTP_INVALID");
	/* nor is an older step's code accepted after a newer one */
	assert_error(srv, tu_login2(srv, "minjing1", DEMO_PW,
				    tu_code_at(srv, secret, tu_now(srv) / 30 - 1), NULL),
		     401, "TOTP_INVALID");

	/* a recovery code works once; spelt in lower case without dashes too */
	assert_int_equal(tu_login2(srv, "minjing1", DEMO_PW, codes[0], NULL)->status, 200);
	assert_error(srv, tu_login2(srv, "minjing1", DEMO_PW, codes[0], NULL), 401, "TOTP_INVALID");
	{
		char low[20];
		size_t n = 0;

		for (const char *p = codes[1]; *p; p++)
			if (*p != '-')
				low[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
		low[n] = '\0';
		assert_int_equal(tu_login2(srv, "minjing1", DEMO_PW, low, &s3)->status, 200);
	}
	r = http(srv, &s3, "GET", API "/me/totp", NULL);
	assert_true(json_is_true(jpath(r->json, "enabled")));
	assert_int_equal(rnum(r, "recovery_left"), 8);
	r = http(srv, &s3, "GET", API "/me", NULL);
	assert_true(json_is_true(jpath(r->json, "totp.enabled")));

	/* turning it off needs a current code */
	assert_error(srv, http(srv, &s3, "POST", API "/me/totp/disable",
			       fmt(srv, "{\"code\":\"%s\"}", tu_code_at(srv, secret, tu_now(srv) / 30 + 7))),
		     400, "TOTP_INVALID");
	tu_next_step(srv);
	assert_int_equal(http(srv, &s3, "POST", API "/me/totp/disable",
			      fmt(srv, "{\"code\":\"%s\"}", tu_code(srv, secret)))->status, 200);
	login(srv, "minjing1", DEMO_PW);

	/* AUD-2: each step is in the audit log */
	{
		struct session *auditor = login(srv, "auditor", DEMO_PW);

		assert_int_equal(audit_count(srv, auditor, "mfa.setup_start", "minjing1", "success"), 1);
		assert_int_equal(audit_count(srv, auditor, "mfa.enrol", "minjing1", "success"), 1);
		assert_int_equal(audit_count(srv, auditor, "mfa.enrol", "minjing1", "denied"), 1);
		assert_int_equal(audit_count(srv, auditor, "login.totp_required", "minjing1", "denied"), 1);
		assert_int_equal(audit_count(srv, auditor, "mfa.recovery_used", "minjing1", "success"), 2);
		assert_int_equal(audit_count(srv, auditor, "mfa.disable", "minjing1", "success"), 1);
		/* AUD-6: the secret is nowhere in the audit log */
		assert_int_equal(db_raw_int(srv->db, "SELECT (SELECT COUNT(*) FROM audit WHERE detail LIKE '%' || ?1 || '%')"
				    " + (SELECT COUNT(*) FROM audit_read WHERE detail LIKE '%' || ?1 || '%')",
					    secret), 0);
	}
}

/* Wrong codes are failed logins: five lock the account (AUTH-1), and then
 * even the right code is refused. */
STORY(wrong_codes_lock_the_account)
{
	struct session *me = login(srv, "minjing2", DEMO_PW);
	const char *secret = tu_enrol(srv, me, NULL);
	long long step = tu_now(srv) / 30;

	tu_next_step(srv);
	for (int i = 0; i < 5; i++)
		assert_error(srv, tu_login2(srv, "minjing2", DEMO_PW,
					    tu_code_at(srv, secret, step + 10 + i), NULL),
			     401, "TOTP_INVALID");
	assert_true(tu_login2(srv, "minjing2", DEMO_PW, tu_code(srv, secret), NULL)->status != 200);
	{
		struct session *auditor = login(srv, "auditor", DEMO_PW);

		assert_int_equal(audit_count(srv, auditor, "account.lock", "minjing2", "success"), 1);
	}
}

/* Outside login too (AUTH-1): 5 wrong codes to turn two factors off refuse
 * the next tries — even the right code — with 429 and Retry-After, so a
 * stolen session cannot try the million codes. */
STORY(wrong_disable_codes_are_limited)
{
	struct session *me = login(srv, "minjing2", DEMO_PW);
	const char *secret = tu_enrol(srv, me, NULL);
	long long step = tu_now(srv) / 30;
	struct resp *r;

	tu_next_step(srv);
	for (int i = 0; i < 5; i++)
		assert_error(srv, http(srv, me, "POST", API "/me/totp/disable",
				       fmt(srv, "{\"code\":\"%s\"}", tu_code_at(srv, secret, step + 10 + i))),
			     400, "TOTP_INVALID");
	r = http(srv, me, "POST", API "/me/totp/disable",
		 fmt(srv, "{\"code\":\"%s\"}", tu_code(srv, secret)));
	assert_error(srv, r, 429, "TOO_MANY_REQUESTS");
	assert_non_null(resp_header(srv, r, "Retry-After"));
	/* still enabled */
	assert_true(json_is_true(jpath(http(srv, me, "GET", API "/me", NULL)->json, "totp.enabled")));
}

/* The setting names the roles that must use two factors: such a user logs
 * in to a session that reaches only the enrolment, until enrolled. */
STORY(required_role_reaches_nothing_before_enrolling)
{
	struct session *admin = login(srv, "admin", DEMO_PW), *chief, *officer;
	struct resp *r;

	/* the demo leaves the list empty; a bad role name is refused */
	assert_error(srv, http(srv, admin, "PUT", API "/settings/auth.mfa_roles",
			       "{\"value\":\"chief,boss\"}"),
		     400, NULL);
	r = http(srv, admin, "PUT", API "/settings/auth.mfa_roles", "{\"value\":\"chief\"}");
	assert_int_equal(r->status, 200);

	chief = login(srv, "suozhang", DEMO_PW);
	r = http(srv, chief, "GET", API "/cases", NULL);
	assert_error(srv, r, 403, "TOTP_ENROL_REQUIRED");
	assert_string_equal(rstr(r, "error.rule"), "AUTH-5");
	assert_error(srv, http(srv, chief, "GET", API "/persons?name=%E6%9D%8E", NULL), 403,
		     "TOTP_ENROL_REQUIRED");
	assert_error(srv, http(srv, chief, "GET", API "/custody", NULL), 403, "TOTP_ENROL_REQUIRED");
	assert_error(srv, http(srv, chief, "POST", API "/exports",
			       "{\"kind\":\"cases\",\"format\":\"csv\",\"reason\":\"核对案件台账\"}"),
		     403, "TOTP_ENROL_REQUIRED");
	/* what it may reach: who it is, and the enrolment */
	r = http(srv, chief, "GET", API "/me", NULL);
	assert_int_equal(r->status, 200);
	assert_true(json_is_true(jpath(r->json, "totp.required")));
	assert_true(json_is_false(jpath(r->json, "totp.enabled")));
	/* other roles are not concerned */
	officer = login(srv, "minjing1", DEMO_PW);
	assert_int_equal(http(srv, officer, "GET", API "/cases", NULL)->status, 200);

	tu_enrol(srv, chief, NULL);
	assert_int_equal(http(srv, chief, "GET", API "/cases", NULL)->status, 200);
	/* and a required role cannot turn it off */
	tu_next_step(srv);
	assert_error(srv, http(srv, chief, "POST", API "/me/totp/disable",
			       fmt(srv, "{\"code\":\"%s\"}", "123456")),
		     409, "TOTP_REQUIRED_FOR_ROLE");
}

/* The admin resets a lost phone: the user's sessions end, the next login
 * needs the password only; audited. Nobody else may reset. */
STORY(admin_reset_is_audited)
{
	struct session *admin = login(srv, "admin", DEMO_PW);
	struct session *me = login(srv, "fazhi", DEMO_PW), *auditor, *officer;
	long long id = user_id(srv, admin, "fazhi");
	struct resp *r;

	tu_enrol(srv, me, NULL);
	assert_error(srv, login_attempt(srv, "fazhi", DEMO_PW, NULL), 401, "TOTP_REQUIRED");

	auditor = login(srv, "auditor", DEMO_PW);
	officer = login(srv, "minjing1", DEMO_PW);
	assert_error(srv, http(srv, auditor, "POST", fmt(srv, API "/users/%lld/totp/reset", id), NULL),
		     403, NULL);
	assert_error(srv, http(srv, officer, "POST", fmt(srv, API "/users/%lld/totp/reset", id), NULL),
		     403, NULL);
	assert_error(srv, http(srv, admin, "POST", API "/users/999999/totp/reset", NULL), 404,
		     "NOT_FOUND");

	r = http(srv, admin, "POST", fmt(srv, API "/users/%lld/totp/reset", id), NULL);
	assert_int_equal(r->status, 200);
	assert_true(json_is_true(jpath(r->json, "was_enabled")));
	/* the session that may be on the lost phone is over */
	assert_error(srv, http(srv, me, "GET", API "/me", NULL), 401, NULL);
	login(srv, "fazhi", DEMO_PW);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM totp_recovery WHERE user_id = "
					     "(SELECT id FROM users WHERE username = ?1)", "fazhi"), 0);

	assert_int_equal(audit_count(srv, auditor, "user.mfa_reset", "admin", "success"), 1);
	r = http(srv, auditor, "GET", API "/audit?action=user.mfa_reset", NULL);
	assert_string_equal(rstr(r, "items.0.object_id"), "fazhi");
}

/* AUTH-5 on a fresh install: the administrator cannot reach anything with
 * the password alone, and after enrolling logs in only with a code. */
STORY(fresh_admin_cannot_work_without_totp)
{
	const char *good = "Admin#Secure-2026x", *secret;
	struct session *admin = login(srv, "admin", srv->otp), s2;
	struct resp *r;

	/* the password change first (AUTH-6), then the second factor */
	assert_error(srv, http(srv, admin, "POST", API "/me/totp/setup", NULL), 403,
		     "PASSWORD_CHANGE_REQUIRED");
	r = http(srv, admin, "POST", API "/me/password",
		 fmt(srv, "{\"old_password\":\"%s\",\"new_password\":\"%s\"}", srv->otp, good));
	assert_int_equal(r->status, 200);
	r = http(srv, admin, "GET", API "/users", NULL);
	assert_error(srv, r, 403, "TOTP_ENROL_REQUIRED");
	assert_error(srv, http(srv, admin, "GET", API "/settings", NULL), 403, "TOTP_ENROL_REQUIRED");
	secret = tu_enrol(srv, admin, NULL);
	assert_int_equal(http(srv, admin, "GET", API "/users", NULL)->status, 200);

	assert_error(srv, login_attempt(srv, "admin", good, NULL), 401, "TOTP_REQUIRED");
	tu_next_step(srv);
	assert_int_equal(tu_login2(srv, "admin", good, tu_code(srv, secret), &s2)->status, 200);
	assert_int_equal(http(srv, &s2, "GET", API "/users", NULL)->status, 200);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(enrol_then_login_needs_a_fresh_code, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(wrong_codes_lock_the_account, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(wrong_disable_codes_are_limited, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(required_role_reaches_nothing_before_enrolling,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(admin_reset_is_audited, setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(fresh_admin_cannot_work_without_totp, setup_fresh,
						teardown_server),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
