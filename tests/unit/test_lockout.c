/* test_lockout.c — account lockout (TRUST AUTH-1: 5 failures within 15 min
 * lock for 15 min). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rules/lockout.h"

static const struct lockout_policy pol = { 5, 900, 900 };

static void test_fifth_failure_locks(void **state)
{
	struct lockout_state s = { 0, 0, 0 };

	(void)state;
	assert_int_equal(lockout_on_failure(&s, &pol, 1000), 0);
	assert_int_equal(lockout_on_failure(&s, &pol, 1010), 0);
	assert_int_equal(lockout_on_failure(&s, &pol, 1020), 0);
	assert_int_equal(lockout_on_failure(&s, &pol, 1030), 0);
	/* 4 failures: not locked */
	assert_false(lockout_is_locked(&s, 1030));
	assert_int_equal(s.fail_count, 4);
	/* the 5th locks for 900 s */
	assert_int_equal(lockout_on_failure(&s, &pol, 1040), 1);
	assert_int_equal(s.locked_until, 1940);
	assert_int_equal(s.fail_count, 0);
	assert_true(lockout_is_locked(&s, 1040));
	assert_true(lockout_is_locked(&s, 1939));
	assert_false(lockout_is_locked(&s, 1940));
}

static void test_locked_until_lock_s_passes(void **state)
{
	struct lockout_state s = { 0, 0, 0 };
	int i;

	(void)state;
	for (i = 0; i < 5; i++)
		lockout_on_failure(&s, &pol, 100 + i);
	assert_int_equal(s.locked_until, 104 + 900);
	/* more failures while locked neither count nor extend the lock */
	assert_int_equal(lockout_on_failure(&s, &pol, 500), 0);
	assert_int_equal(lockout_on_failure(&s, &pol, 1003), 0);
	assert_int_equal(s.locked_until, 1004);
	assert_int_equal(s.fail_count, 0);
	assert_true(lockout_is_locked(&s, 1003));
	/* once lock_s has passed the account is open; a new failure starts a
	 * fresh count */
	assert_false(lockout_is_locked(&s, 1004));
	assert_int_equal(lockout_on_failure(&s, &pol, 1004), 0);
	assert_int_equal(s.fail_count, 1);
	assert_false(lockout_is_locked(&s, 1004));
}

static void test_spread_failures(void **state)
{
	struct lockout_state s = { 0, 0, 0 };

	(void)state;
	/* 5 failures 250 s apart span 1000 s > window: no lock */
	assert_int_equal(lockout_on_failure(&s, &pol, 0), 0);
	assert_int_equal(lockout_on_failure(&s, &pol, 250), 0);
	assert_int_equal(lockout_on_failure(&s, &pol, 500), 0);
	assert_int_equal(lockout_on_failure(&s, &pol, 750), 0);
	assert_int_equal(lockout_on_failure(&s, &pol, 1000), 0);
	assert_false(lockout_is_locked(&s, 1000));
	assert_int_equal(s.fail_count, 1);
	assert_int_equal(s.window_start, 1000);
	/* the window is [start, start + window_s): 900 s later is outside */
	s = (struct lockout_state){ 0, 0, 0 };
	lockout_on_failure(&s, &pol, 0);
	lockout_on_failure(&s, &pol, 1);
	lockout_on_failure(&s, &pol, 2);
	lockout_on_failure(&s, &pol, 899);
	assert_int_equal(lockout_on_failure(&s, &pol, 900), 0);
	assert_int_equal(s.fail_count, 1);
	/* ...while 899 s later is inside */
	s = (struct lockout_state){ 0, 0, 0 };
	lockout_on_failure(&s, &pol, 0);
	lockout_on_failure(&s, &pol, 1);
	lockout_on_failure(&s, &pol, 2);
	lockout_on_failure(&s, &pol, 3);
	assert_int_equal(lockout_on_failure(&s, &pol, 899), 1);
}

static void test_success_clears(void **state)
{
	struct lockout_state s = { 0, 0, 0 };
	int i;

	(void)state;
	for (i = 0; i < 4; i++)
		assert_int_equal(lockout_on_failure(&s, &pol, 10 + i), 0);
	lockout_on_success(&s);
	assert_int_equal(s.fail_count, 0);
	/* 4 more failures after the success: still not locked */
	for (i = 0; i < 4; i++)
		assert_int_equal(lockout_on_failure(&s, &pol, 20 + i), 0);
	assert_false(lockout_is_locked(&s, 24));
	/* the 5th consecutive one locks */
	assert_int_equal(lockout_on_failure(&s, &pol, 25), 1);
	/* success does not lift an active lock */
	lockout_on_success(&s);
	assert_true(lockout_is_locked(&s, 26));
}

static void test_defaults(void **state)
{
	struct lockout_policy zero = { 0, 0, 0 };
	struct lockout_state s = { 0, 0, 0 };
	int i;

	(void)state;
	for (i = 0; i < 4; i++)
		assert_int_equal(lockout_on_failure(&s, NULL, i), 0);
	assert_int_equal(lockout_on_failure(&s, NULL, 4), 1);
	assert_int_equal(s.locked_until, 4 + 15 * 60);
	s = (struct lockout_state){ 0, 0, 0 };
	for (i = 0; i < 4; i++)
		assert_int_equal(lockout_on_failure(&s, &zero, i), 0);
	assert_int_equal(lockout_on_failure(&s, &zero, 4), 1);
	assert_int_equal(s.locked_until, 4 + 15 * 60);
}

static void test_other_policy(void **state)
{
	struct lockout_policy p3 = { 3, 60, 30 };
	struct lockout_state s = { 0, 0, 0 };

	(void)state;
	assert_int_equal(lockout_on_failure(&s, &p3, 0), 0);
	assert_int_equal(lockout_on_failure(&s, &p3, 10), 0);
	assert_int_equal(lockout_on_failure(&s, &p3, 59), 1);
	assert_int_equal(s.locked_until, 89);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fifth_failure_locks),
		cmocka_unit_test(test_locked_until_lock_s_passes),
		cmocka_unit_test(test_spread_failures),
		cmocka_unit_test(test_success_clears),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_other_policy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
