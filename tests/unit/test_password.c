/* test_password.c — the password policy (TRUST AUTH-3). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rules/password.h"

static void assert_weak(const char *user, const char *pw, size_t min_len,
			const char *msg)
{
	struct ps_err err;

	ps_err_clear(&err);
	assert_int_equal(password_check(user, pw, min_len, &err), PS_EINVAL);
	assert_int_equal(err.rc, PS_EINVAL);
	assert_string_equal(err.code, "WEAK_PASSWORD");
	assert_string_equal(err.rule, "AUTH-3");
	assert_string_equal(err.field, "password");
	assert_string_equal(err.msg, msg);
}

static void assert_ok(const char *user, const char *pw, size_t min_len)
{
	struct ps_err err;

	ps_err_clear(&err);
	assert_int_equal(password_check(user, pw, min_len, &err), PS_OK);
	assert_int_equal(err.rc, PS_OK);
}

static void test_length(void **state)
{
	(void)state;
	/* 11 characters, 4 classes */
	assert_weak("wang", "Tiger-Lily4", 12, "密码至少12位");
	/* 12 characters */
	assert_ok("wang", "Tiger-Lily42", 12);
	/* min_len 0 means the default 12 */
	assert_weak("wang", "Tiger-Lily4", 0, "密码至少12位");
	assert_ok("wang", "Tiger-Lily42", 0);
	/* a stricter setting */
	assert_weak("wang", "Tiger-Lily42", 16, "密码至少16位");
	assert_weak("wang", "", 12, "密码至少12位");
	assert_weak("wang", NULL, 12, "密码至少12位");
}

static void test_classes(void **state)
{
	const char *msg = "密码须包含大写字母、小写字母、数字、符号中的至少三类";

	(void)state;
	/* exactly 3 classes, 12 characters */
	assert_ok("wang", "tigerlily#42", 12); /* lower, symbol, digit */
	assert_ok("wang", "TigerLily042", 12); /* upper, lower, digit */
	assert_ok("wang", "TIGER-LILY42", 12); /* upper, symbol, digit */
	assert_ok("wang", "Tiger-Lilyxy", 12); /* upper, lower, symbol */
	/* 2 classes */
	assert_weak("wang", "tigerlilyrose42", 12, msg);
	assert_weak("wang", "TigerLilyRose", 12, msg);
	assert_weak("wang", "tiger lily rose", 12, msg);
	assert_weak("wang", "1234-5678-9012", 12, msg);
	/* 1 class */
	assert_weak("wang", "tigerlilyrose", 12, msg);
}

static void test_username(void **state)
{
	(void)state;
	assert_weak("Zhang.Wei2026", "zhang.wei2026", 12, "密码不能与用户名相同");
	assert_weak("zhang.wei2026", "ZHANG.WEI2026", 12, "密码不能与用户名相同");
	assert_ok("zhang.wei", "zhang.wei2026", 12);
	assert_ok(NULL, "zhang.wei2026", 12);
}

static void test_common(void **state)
{
	const char *msg = "密码过于常见，请换一个";

	(void)state;
	/* 12+ characters and 3+ classes, yet on the list */
	assert_weak("wang", "Password123!", 12, msg);
	assert_weak("wang", "P@ssw0rd1234", 12, msg);
	assert_weak("wang", "Qwerty123456!", 12, msg);
	assert_weak("wang", "Admin@123456", 12, msg);
	assert_weak("wang", "Aa123456789!", 12, msg);
	assert_true(password_is_common("password"));
	assert_true(password_is_common("123456"));
	assert_true(password_is_common("WOAINI1314"));
	assert_true(password_is_common("5201314"));
	assert_true(password_is_common("iloveyou"));
	assert_true(password_is_common("abc123456"));
	assert_false(password_is_common("Tiger-Lily42"));
	assert_false(password_is_common(NULL));
	assert_false(password_is_common(""));
	/* the demo password of the README is not refused */
	assert_ok("admin", "Precinct-Demo-2026", 12);
}

static void test_list_sorted(void **state)
{
	size_t n = password_common_count(), i;
	const char *p;

	(void)state;
	assert_true(n >= 1000);
	assert_null(password_common_at(n));
	for (i = 0; i < n; i++) {
		p = password_common_at(i);
		assert_non_null(p);
		assert_true(strlen(p) <= PASSWORD_MAX_BYTES);
		for (; *p; p++)
			assert_false(*p >= 'A' && *p <= 'Z');
		if (i)
			assert_true(strcmp(password_common_at(i - 1),
					   password_common_at(i)) < 0);
		/* every entry is found by the lookup */
		assert_true(password_is_common(password_common_at(i)));
	}
}

static void fill(char *buf, size_t n)
{
	/* n-3 'a', then "A1!": 3 classes */
	memset(buf, 'a', n - 3);
	memcpy(buf + n - 3, "A1!", 3);
	buf[n] = '\0';
}

static void test_max(void **state)
{
	char buf[PASSWORD_MAX_BYTES + 2];

	(void)state;
	fill(buf, 64);
	assert_ok("wang", buf, 12);
	fill(buf, 128);
	assert_ok("wang", buf, 12);
	fill(buf, 129);
	assert_weak("wang", buf, 12, "密码不能超过128字节");
	/* 43 CJK characters = 129 bytes */
	buf[0] = '\0';
	for (int i = 0; i < 43; i++)
		memcpy(buf + 3 * i, "密", 4);
	assert_int_equal(strlen(buf), 129);
	assert_weak("wang", buf, 12, "密码不能超过128字节");
}

static void test_utf8(void **state)
{
	(void)state;
	/* 4 CJK + 8 ASCII = 12 characters (20 bytes) */
	assert_ok("wang", "中文密码Abc12345", 12);
	/* 2 CJK + 9 ASCII = 11 characters although 15 bytes */
	assert_weak("wang", "密码Abc123456", 12, "密码至少12位");
	/* CJK counts as a symbol class: lower + digit + CJK */
	assert_ok("wang", "派出所tiger2026", 12);
	/* invalid UTF-8 */
	assert_weak("wang", "Tiger-Lily42\xff", 12,
		    "密码包含无效字符（须为UTF-8文本）");
	assert_weak("wang", "Tiger-Lily42\xe5\xaf", 12,
		    "密码包含无效字符（须为UTF-8文本）");
	assert_weak("wang", "Tiger-Lily42\xc0\xaf", 12,
		    "密码包含无效字符（须为UTF-8文本）");
	assert_weak("wang", "Tiger-Lily42\xed\xa0\x80", 12,
		    "密码包含无效字符（须为UTF-8文本）");
}

static void test_err_null(void **state)
{
	(void)state;
	assert_int_equal(password_check("wang", "short", 12, NULL), PS_EINVAL);
	assert_int_equal(password_check("wang", "Tiger-Lily42", 12, NULL), PS_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_username),
		cmocka_unit_test(test_common),
		cmocka_unit_test(test_list_sorted),
		cmocka_unit_test(test_max),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_err_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
