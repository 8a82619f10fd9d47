/* test_num.c — strict decimal numbers (core/num.h): one spelling per
 * number, so "/cases/%201" (" 1"), "+1", "01" and "1x" are no id. */
#include "core/num.h"
#include "core/rc.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ids),
		cmocka_unit_test(ints),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
