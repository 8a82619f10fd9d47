/* test_throttle.c — failure counters by key in a window (domain/throttle.h),
 * kept in the database: the login limit per address (TRUST AUTH-2), the
 * progress query's limits per address and per code (issue 13), counted
 * alike by every connection (every server process) on one database
 * (issue 14), and counted again after a rollback. */
#include "db_fixture.h"
#include "domain/throttle.h"
#include "store/db.h"

#define T0 1790784000 /* 2026-10-01 00:00 +08:00 */
#define W (15 * 60)

/* One failure at now on db, committed; the failures in the window. */
static int fail_on(struct fx *x, struct db *db, enum throttle_kind kind, const char *key,
		   int64_t now, int64_t window)
{
	int n = -1;

	x->c.db = db;
	x->c.now = now;
	assert_int_equal(db_begin(db, 1, &x->err), PS_OK);
	assert_int_equal(throttle_fail(&x->c, kind, key, window, &n), PS_OK);
	assert_int_equal(db_commit(db, &x->err), PS_OK);
	x->c.pending_fails = NULL; /* committed: nothing to count again */
	return n;
}

static int count_fail(struct fx *x, enum throttle_kind kind, const char *key, int64_t now, int64_t window)
{
	return fail_on(x, x->db, kind, key, now, window);
}

static int retry_on(struct fx *x, struct db *db, enum throttle_kind kind, const char *key,
		    int64_t now, int max, int64_t window)
{
	int r = -1;

	x->c.db = db;
	x->c.now = now;
	assert_int_equal(db_begin(db, 0, &x->err), PS_OK);
	assert_int_equal(throttle_retry_after(&x->c, kind, key, max, window, &r), PS_OK);
	db_rollback(db);
	return r;
}

static int retry_at(struct fx *x, enum throttle_kind kind, const char *key, int64_t now, int max,
		 int64_t window)
{
	return retry_on(x, x->db, kind, key, now, max, window);
}

static int64_t rows(struct fx *x)
{
	struct db_stmt *st;
	int64_t n = -1;

	assert_int_equal(db_prepare(x->db, "SELECT COUNT(*) FROM throttle_window", &st, &x->err), PS_OK);
	if (db_step(st, &x->err) == PS_ROW)
		n = db_column_int(st, 0);
	db_finalize(st);
	return n;
}

/* 5 failures in 15 minutes: refused until 15 minutes after the first. */
static void test_window_from_the_first_failure(void **state)
{
	struct fx *x = *state;

	for (int i = 1; i <= 4; i++) {
		assert_int_equal(count_fail(x, THROTTLE_PROGRESS_ADDR, "10.0.0.1", T0 + i * 60, W), i);
		assert_int_equal(retry_at(x, THROTTLE_PROGRESS_ADDR, "10.0.0.1", T0 + i * 60, 5, W), 0);
	}
	assert_int_equal(count_fail(x, THROTTLE_PROGRESS_ADDR, "10.0.0.1", T0 + 300, W), 5);
	/* the window began at T0 + 60 */
	assert_int_equal(retry_at(x, THROTTLE_PROGRESS_ADDR, "10.0.0.1", T0 + 300, 5, W), 60 + W - 300);
	assert_int_equal(retry_at(x, THROTTLE_PROGRESS_ADDR, "10.0.0.1", T0 + 60 + W - 1, 5, W), 1);
	assert_int_equal(retry_at(x, THROTTLE_PROGRESS_ADDR, "10.0.0.1", T0 + 60 + W, 5, W), 0);
	/* a failure after the window starts a new one at 1 */
	assert_int_equal(count_fail(x, THROTTLE_PROGRESS_ADDR, "10.0.0.1", T0 + 60 + W, W), 1);
	/* a clock that went back starts one too */
	assert_int_equal(count_fail(x, THROTTLE_PROGRESS_ADDR, "10.0.0.1", T0, W), 1);
}

/* Keys and kinds are counted apart; an empty key never is. */
static void test_keys_and_kinds_apart(void **state)
{
	struct fx *x = *state;

	for (int i = 0; i < 5; i++)
		count_fail(x, THROTTLE_PROGRESS_CODE, "ABCDEFGHJK", T0, W);
	assert_true(retry_at(x, THROTTLE_PROGRESS_CODE, "ABCDEFGHJK", T0, 5, W) > 0);
	assert_int_equal(retry_at(x, THROTTLE_PROGRESS_CODE, "ABCDEFGHJM", T0, 5, W), 0);
	assert_int_equal(retry_at(x, THROTTLE_PROGRESS_ADDR, "ABCDEFGHJK", T0, 5, W), 0);
	assert_int_equal(retry_at(x, THROTTLE_LOGIN_ADDR, "ABCDEFGHJK", T0, 5, W), 0);
	assert_int_equal(count_fail(x, THROTTLE_LOGIN_ADDR, "", T0, W), 0);
	assert_int_equal(count_fail(x, THROTTLE_LOGIN_ADDR, NULL, T0, W), 0);
	assert_int_equal(retry_at(x, THROTTLE_LOGIN_ADDR, NULL, T0, 1, W), 0);
	/* no limit set: never refused */
	assert_int_equal(retry_at(x, THROTTLE_PROGRESS_CODE, "ABCDEFGHJK", T0, 0, W), 0);
}

/* Two connections (two server processes) count the same failures: 3 on
 * one and 2 on the other lock the address on both. */
static void test_counted_across_connections(void **state)
{
	struct fx *x = *state;

	for (int i = 0; i < 3; i++)
		assert_int_equal(fail_on(x, x->db, THROTTLE_LOGIN_ADDR, "192.0.2.7", T0 + i, 60), i + 1);
	assert_int_equal(retry_on(x, x->other, THROTTLE_LOGIN_ADDR, "192.0.2.7", T0 + 3, 5, 60), 0);
	assert_int_equal(fail_on(x, x->other, THROTTLE_LOGIN_ADDR, "192.0.2.7", T0 + 3, 60), 4);
	assert_int_equal(fail_on(x, x->other, THROTTLE_LOGIN_ADDR, "192.0.2.7", T0 + 4, 60), 5);
	assert_int_equal(retry_on(x, x->db, THROTTLE_LOGIN_ADDR, "192.0.2.7", T0 + 5, 5, 60), 55);
	assert_int_equal(retry_on(x, x->other, THROTTLE_LOGIN_ADDR, "192.0.2.7", T0 + 5, 5, 60), 55);
}

/* A failure counted in a transaction that is rolled back (a refusal) is
 * counted again by throttle_write_pending; without it, it would be lost. */
static void test_counted_again_after_rollback(void **state)
{
	struct fx *x = *state;
	int n;

	x->c.now = T0;
	assert_int_equal(db_begin(x->db, 1, &x->err), PS_OK);
	assert_int_equal(throttle_fail(&x->c, THROTTLE_TOTP_USER, "42", W, &n), PS_OK);
	assert_int_equal(throttle_fail(&x->c, THROTTLE_TOTP_USER, "42", W, &n), PS_OK);
	assert_int_equal(n, 2);
	db_rollback(x->db);
	assert_non_null(x->c.pending_fails);
	assert_int_equal(db_begin(x->db, 1, &x->err), PS_OK);
	throttle_write_pending(&x->c);
	assert_int_equal(db_commit(x->db, &x->err), PS_OK);
	assert_null(x->c.pending_fails);
	/* both counted, once each */
	assert_int_equal(count_fail(x, THROTTLE_TOTP_USER, "42", T0 + 1, W), 3);
}

/* Ended windows are deleted as failures are counted: a flood of one-off
 * keys does not stay in the table past its window. */
static void test_ended_windows_are_pruned(void **state)
{
	struct fx *x = *state;
	char key[32];

	assert_int_equal(db_begin(x->db, 1, &x->err), PS_OK);
	x->c.now = T0;
	for (int i = 0; i < 2000; i++) {
		snprintf(key, sizeof(key), "198.51.%d.%d", i / 256, i % 256);
		assert_int_equal(throttle_fail(&x->c, THROTTLE_LOGIN_ADDR, key, 60, NULL), PS_OK);
	}
	assert_int_equal(db_commit(x->db, &x->err), PS_OK);
	x->c.pending_fails = NULL;
	assert_int_equal(rows(x), 2000);
	assert_int_equal(count_fail(x, THROTTLE_LOGIN_ADDR, "192.0.2.9", T0 + 59, 60), 1);
	assert_int_equal(rows(x), 2001);
	assert_int_equal(count_fail(x, THROTTLE_LOGIN_ADDR, "192.0.2.9", T0 + 60, 60), 2);
	assert_int_equal(rows(x), 1);
}

/* An IPv6 client counts by its /64: new addresses in one prefix share it;
 * a code that looks like an address is a code. */
static void test_ipv6_counts_by_64(void **state)
{
	struct fx *x = *state;
	char key[64];

	for (int i = 1; i <= 5; i++) {
		snprintf(key, sizeof(key), "2001:db8:1:2::%x", i);
		count_fail(x, THROTTLE_PROGRESS_ADDR, key, T0 + i, W);
	}
	assert_true(retry_at(x, THROTTLE_PROGRESS_ADDR, "2001:db8:1:2:ffff::1", T0 + 10, 5, W) > 0);
	assert_int_equal(retry_at(x, THROTTLE_PROGRESS_ADDR, "2001:db8:1:3::1", T0 + 10, 5, W), 0);
	assert_int_equal(retry_at(x, THROTTLE_PROGRESS_CODE, "2001:db8:1:2::1", T0 + 10, 1, W), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_window_from_the_first_failure, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_keys_and_kinds_apart, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_counted_across_connections, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_counted_again_after_rollback, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_ended_windows_are_pruned, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_ipv6_counts_by_64, fx_setup, fx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
