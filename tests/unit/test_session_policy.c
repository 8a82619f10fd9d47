/* test_session_policy.c — session timeouts (TRUST SESS-2). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "rules/session_policy.h"

#define IDLE (15 * 60)
#define ABS (12 * 3600)
#define T0 1790784000 /* 2026-10-01 00:00 +08:00 */

static enum session_state at(int64_t created, int64_t seen, int revoked,
			     int64_t now)
{
	return session_state_at(created, seen, revoked, now, IDLE, ABS);
}

static void test_idle_boundary(void **state)
{
	(void)state;
	assert_int_equal(at(T0, T0, 0, T0), SESSION_VALID);
	assert_int_equal(at(T0, T0 + 1000, 0, T0 + 1000 + IDLE - 1), SESSION_VALID);
	/* exactly idle_s elapsed: still valid */
	assert_int_equal(at(T0, T0 + 1000, 0, T0 + 1000 + IDLE), SESSION_VALID);
	/* idle_s + 1: idle */
	assert_int_equal(at(T0, T0 + 1000, 0, T0 + 1000 + IDLE + 1), SESSION_IDLE);
	/* other idle settings are honoured */
	assert_int_equal(session_state_at(T0, T0, 0, T0 + 1800, 1800, ABS),
			 SESSION_VALID);
	assert_int_equal(session_state_at(T0, T0, 0, T0 + 1801, 1800, ABS),
			 SESSION_IDLE);
}

static void test_absolute(void **state)
{
	(void)state;
	/* active a second ago, exactly 12 h old: valid */
	assert_int_equal(at(T0, T0 + ABS - 1, 0, T0 + ABS), SESSION_VALID);
	/* active right now, 12 h + 1 s old: expired */
	assert_int_equal(at(T0, T0 + ABS + 1, 0, T0 + ABS + 1), SESSION_EXPIRED);
	assert_int_equal(at(T0, T0 + ABS, 0, T0 + ABS + 1), SESSION_EXPIRED);
	/* both limits passed: absolute is checked first */
	assert_int_equal(at(T0, T0, 0, T0 + ABS + 1), SESSION_EXPIRED);
}

static void test_revoked(void **state)
{
	(void)state;
	assert_int_equal(at(T0, T0, 1, T0), SESSION_REVOKED);
	assert_int_equal(at(T0, T0, 1, T0 + IDLE + 1), SESSION_REVOKED);
	assert_int_equal(at(T0, T0, 1, T0 + ABS + 1), SESSION_REVOKED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_idle_boundary),
		cmocka_unit_test(test_absolute),
		cmocka_unit_test(test_revoked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
