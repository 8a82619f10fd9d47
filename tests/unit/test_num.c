/* test_num.c — strict decimal numbers (core/num.h): one spelling per
 * number, so "/cases/%201" (" 1"), "+1", "01" and "1x" are no id. */
#include "core/num.h"
#include "core/rc.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

static void ids(void **state)
{
	static const char *const bad[] = { "", " 1", "1 ", "+1", "-1", "01", "00", "0", "1x",
					   "0x1", "1.0", "1e3", "\t1", "9223372036854775808",
					   "18446744073709551617", "99999999999999999999", NULL };
	int64_t v = 7;

	(void)state;
	assert_int_equal(num_parse_id("1", &v), PS_OK);
	assert_int_equal(v, 1);
	assert_int_equal(num_parse_id("1200", &v), PS_OK);
	assert_int_equal(v, 1200);
	assert_int_equal(num_parse_id("9223372036854775807", &v), PS_OK);
	assert_true(v == INT64_MAX);
	for (int i = 0; bad[i]; i++) {
		v = 7;
		assert_int_equal(num_parse_id(bad[i], &v), PS_EINVAL);
		assert_int_equal(v, 0);
	}
	assert_int_equal(num_parse_id(NULL, &v), PS_EINVAL);
}

static void ints(void **state)
{
	static const char *const bad[] = { "", "-", "-0", "+0", "+5", " 5", "05", "-05", "5-",
					   "9223372036854775808", "-9223372036854775809", NULL };
	int64_t v;

	(void)state;
	assert_int_equal(num_parse_int("0", &v), PS_OK);
	assert_int_equal(v, 0);
	assert_int_equal(num_parse_int("-20", &v), PS_OK);
	assert_int_equal(v, -20);
	assert_int_equal(num_parse_int("-9223372036854775808", &v), PS_OK);
	assert_true(v == INT64_MIN);
	assert_int_equal(num_parse_int("9223372036854775807", &v), PS_OK);
	assert_true(v == INT64_MAX);
	for (int i = 0; bad[i]; i++)
		assert_int_equal(num_parse_int(bad[i], &v), PS_EINVAL);
}

/* written as printf writes it: the ends, the powers of ten either side,
 * and a sweep of values against snprintf and back through num_parse_int */
static void formatted(void **state)
{
	static const struct {
		int64_t v;
		const char *s;
	} fixed[] = {
		{ 0, "0" }, { 7, "7" }, { -7, "-7" }, { 9, "9" }, { 10, "10" }, { -10, "-10" },
		{ 99, "99" }, { 100, "100" }, { 1765432100123, "1765432100123" },
		{ INT64_MAX, "9223372036854775807" }, { INT64_MIN, "-9223372036854775808" },
		{ INT64_MIN + 1, "-9223372036854775807" },
	};
	char buf[NUM_INT_MAX], ref[32];
	uint64_t x = 1;

	(void)state;
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		assert_int_equal(num_format_int(buf, fixed[i].v), strlen(fixed[i].s));
		assert_string_equal(buf, fixed[i].s);
	}
	for (int i = 0; i < 20000; i++) {
		int64_t v, back;

		x = x * 6364136223846793005u + 1442695040888963407u;
		v = (int64_t)(x >> (i % 64));
		if (i % 3 == 0 && v != INT64_MIN)
			v = -v;
		snprintf(ref, sizeof(ref), "%lld", (long long)v);
		assert_int_equal(num_format_int(buf, v), strlen(ref));
		assert_string_equal(buf, ref);
		assert_int_equal(num_parse_int(buf, &back), PS_OK);
		assert_true(back == v);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ids),
		cmocka_unit_test(ints),
		cmocka_unit_test(formatted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
