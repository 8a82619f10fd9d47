/* test_throttle.c — failure counters by key in a window (domain/throttle.h):
 * the login limit per address (TRUST AUTH-2) and the progress query's
 * limits per address and per code (issue 13). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "domain/throttle.h"

#define T0 1790784000 /* 2026-10-01 00:00 +08:00 */
#define W (15 * 60)

static int setup(void **state)
{
	(void)state;
	throttle_reset();
	return 0;
}

/* 5 failures in 15 minutes: refused until 15 minutes after the first. */
static void test_window_from_the_first_failure(void **state)
{
	(void)state;
	for (int i = 1; i <= 4; i++) {
		assert_int_equal(throttle_fail(THROTTLE_PROGRESS_ADDR, "10.0.0.1", T0 + i * 60, W), i);
		assert_int_equal(throttle_retry_after(THROTTLE_PROGRESS_ADDR, "10.0.0.1", T0 + i * 60, 5, W), 0);
	}
	assert_int_equal(throttle_fail(THROTTLE_PROGRESS_ADDR, "10.0.0.1", T0 + 300, W), 5);
	/* the window began at T0 + 60 */
	assert_int_equal(throttle_retry_after(THROTTLE_PROGRESS_ADDR, "10.0.0.1", T0 + 300, 5, W),
			 60 + W - 300);
	assert_int_equal(throttle_retry_after(THROTTLE_PROGRESS_ADDR, "10.0.0.1", T0 + 60 + W - 1, 5, W), 1);
	assert_int_equal(throttle_retry_after(THROTTLE_PROGRESS_ADDR, "10.0.0.1", T0 + 60 + W, 5, W), 0);
	/* a failure after the window starts a new one at 1 */
	assert_int_equal(throttle_fail(THROTTLE_PROGRESS_ADDR, "10.0.0.1", T0 + 60 + W, W), 1);
}

/* Keys and kinds are counted apart; an empty key never is. */
static void test_keys_and_kinds_apart(void **state)
{
	(void)state;
	for (int i = 0; i < 5; i++)
		throttle_fail(THROTTLE_PROGRESS_CODE, "ABCDEFGHJK", T0, W);
	assert_true(throttle_retry_after(THROTTLE_PROGRESS_CODE, "ABCDEFGHJK", T0, 5, W) > 0);
	assert_int_equal(throttle_retry_after(THROTTLE_PROGRESS_CODE, "ABCDEFGHJM", T0, 5, W), 0);
	assert_int_equal(throttle_retry_after(THROTTLE_PROGRESS_ADDR, "ABCDEFGHJK", T0, 5, W), 0);
	assert_int_equal(throttle_retry_after(THROTTLE_LOGIN_ADDR, "ABCDEFGHJK", T0, 5, W), 0);
	assert_int_equal(throttle_fail(THROTTLE_LOGIN_ADDR, "", T0, W), 0);
	assert_int_equal(throttle_fail(THROTTLE_LOGIN_ADDR, NULL, T0, W), 0);
	assert_int_equal(throttle_retry_after(THROTTLE_LOGIN_ADDR, NULL, T0, 1, W), 0);
}

/* A flood of new keys (an attacker's made-up codes) takes old slots; the
 * table never grows, and a key that keeps failing is still counted. */
static void test_flood_of_keys(void **state)
{
	char key[32];

	(void)state;
	for (int i = 0; i < 5; i++)
		throttle_fail(THROTTLE_LOGIN_ADDR, "192.0.2.7", T0 + i, 60);
	for (int i = 0; i < 100000; i++) {
		snprintf(key, sizeof(key), "198.51.%d.%d", i / 256, i % 256);
		throttle_fail(THROTTLE_LOGIN_ADDR, key, T0 + 10, 60);
	}
	/* 192.0.2.7 may have been pushed out by the flood: counting on */
	throttle_fail(THROTTLE_LOGIN_ADDR, "192.0.2.7", T0 + 20, 60);
	for (int i = 0; i < 5; i++)
		throttle_fail(THROTTLE_LOGIN_ADDR, "192.0.2.7", T0 + 21, 60);
	assert_true(throttle_retry_after(THROTTLE_LOGIN_ADDR, "192.0.2.7", T0 + 22, 5, 60) > 0);
}

/* A key at its limit is not forgotten when a flood of new keys each fail
 * once: the flood takes the slots with the fewest failures. */
static void test_flood_does_not_free_a_limited_key(void **state)
{
	char key[32];

	(void)state;
	for (int i = 0; i < 5; i++)
		throttle_fail(THROTTLE_PROGRESS_CODE, "R2026000123", T0 + i, W);
	for (int i = 0; i < 20000; i++) {
		snprintf(key, sizeof(key), "R9%09d", i);
		throttle_fail(THROTTLE_PROGRESS_CODE, key, T0 + 10, W);
	}
	assert_true(throttle_retry_after(THROTTLE_PROGRESS_CODE, "R2026000123", T0 + 20, 5, W) > 0);
}

/* An IPv6 client counts by its /64: new addresses in one prefix share it. */
static void test_ipv6_counts_by_64(void **state)
{
	char key[64];

	(void)state;
	for (int i = 1; i <= 5; i++) {
		snprintf(key, sizeof(key), "2001:db8:1:2::%x", i);
		throttle_fail(THROTTLE_PROGRESS_ADDR, key, T0 + i, W);
	}
	assert_true(throttle_retry_after(THROTTLE_PROGRESS_ADDR, "2001:db8:1:2:ffff::1", T0 + 10, 5, W) > 0);
	assert_int_equal(throttle_retry_after(THROTTLE_PROGRESS_ADDR, "2001:db8:1:3::1", T0 + 10, 5, W), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_window_from_the_first_failure, setup),
		cmocka_unit_test_setup(test_keys_and_kinds_apart, setup),
		cmocka_unit_test_setup(test_flood_of_keys, setup),
		cmocka_unit_test_setup(test_flood_does_not_free_a_limited_key, setup),
		cmocka_unit_test_setup(test_ipv6_counts_by_64, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
