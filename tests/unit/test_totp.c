/* test_totp.c — TOTP (RFC 6238) with HMAC-SHA-256 and base32 (RFC 4648),
 * TRUST AUTH-5. The expected figures are copied from the RFCs' appendices,
 * not computed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/totp.h"

/* RFC 6238 Appendix B: the SHA256 seed is the 32 ASCII bytes below */
static const unsigned char seed32[] = "12345678901234567890123456789012";

static void test_rfc6238_sha256_vectors(void **state)
{
	static const struct {
		int64_t t;
		uint32_t code; /* 8 digits, Appendix B table, SHA256 column */
	} v[] = {
		{ 59, 46119246 },         { 1111111109, 68084774 }, { 1111111111, 67062674 },
		{ 1234567890, 91819424 }, { 2000000000, 90698825 }, { 20000000000, 77737706 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		assert_int_equal(totp_hotp(seed32, 32, (uint64_t)totp_step(v[i].t), 8), v[i].code);
	/* 6 digits are the last six of the same value */
	assert_int_equal(totp_hotp(seed32, 32, (uint64_t)totp_step(59), 6), 119246);
	assert_int_equal(totp_step(59), 1);
	assert_int_equal(totp_step(1111111109), 37037036);
}

static void test_check_window_and_reuse(void **state)
{
	/* 1111111109 is step 37037036, whose 6-digit code is 084774; the
	 * steps around it give 062674 (1111111111, step 37037037) */
	(void)state;
	assert_int_equal(totp_check(seed32, 32, 1111111109, 0, "084774"), 37037036);
	/* one step later (30 s) the code still passes: clock drift */
	assert_int_equal(totp_check(seed32, 32, 1111111109 + 30, 0, "084774"), 37037036);
	/* two steps later it does not */
	assert_int_equal(totp_check(seed32, 32, 1111111109 + 60, 0, "084774"), -1);
	/* a code of a later step, one step early */
	assert_int_equal(totp_check(seed32, 32, 1111111109, 0, "062674"), 37037037);
	/* used once: its step is the last step and it is refused */
	assert_int_equal(totp_check(seed32, 32, 1111111109, 37037036, "084774"), -1);
	/* and so is an older step's code after a newer one was used */
	assert_int_equal(totp_check(seed32, 32, 1111111111, 37037037, "084774"), -1);
	/* junk */
	assert_int_equal(totp_check(seed32, 32, 1111111109, 0, "84774"), -1);
	assert_int_equal(totp_check(seed32, 32, 1111111109, 0, "0847741"), -1);
	assert_int_equal(totp_check(seed32, 32, 1111111109, 0, "08477a"), -1);
	assert_int_equal(totp_check(seed32, 32, 1111111109, 0, NULL), -1);
	assert_int_equal(totp_check(seed32, 32, 1111111109, 0, "000000"), -1);
}

static void test_base32_rfc4648(void **state)
{
	static const struct {
		const char *in, *out;
	} v[] = {
		{ "", "" },          { "f", "MY" },           { "fo", "MZXQ" },
		{ "foo", "MZXW6" },  { "foob", "MZXW6YQ" },   { "fooba", "MZXW6YTB" },
		{ "foobar", "MZXW6YTBOI" },
	};
	char out[64];
	unsigned char back[64];

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		size_t n = strlen(v[i].in);

		assert_int_equal(totp_base32_encode((const unsigned char *)v[i].in, n, out,
						    sizeof(out)),
				 strlen(v[i].out));
		assert_string_equal(out, v[i].out);
		assert_int_equal(totp_base32_decode(v[i].out, back, sizeof(back)), (int)n);
		assert_memory_equal(back, v[i].in, n);
	}
	/* lower case, spaces and padding are read; other characters are not */
	assert_int_equal(totp_base32_decode("mzxw 6ytb oi==", back, sizeof(back)), 6);
	assert_memory_equal(back, "foobar", 6);
	assert_int_equal(totp_base32_decode("MZXW1", back, sizeof(back)), -1);
	assert_int_equal(totp_base32_decode("MZXW6YTBOI", back, 3), -1);
	/* a 20-byte secret is 32 characters */
	memset(back, 0xff, 20);
	assert_int_equal(totp_base32_encode(back, 20, out, TOTP_SECRET_B32), 32);
	assert_string_equal(out, "77777777777777777777777777777777");
	assert_int_equal(totp_base32_encode(back, 20, out, 32), 0);
	assert_string_equal(out, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc6238_sha256_vectors),
		cmocka_unit_test(test_check_window_and_reuse),
		cmocka_unit_test(test_base32_rfc4648),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
