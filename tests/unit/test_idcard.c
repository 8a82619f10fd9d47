/* test_idcard.c — GB 11643-1999 checks and 周岁 age (legal-rules §7.1, §0.4).
 * Every expected check character below was computed by hand:
 * S = Σ digit_i × W_i with W = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
 * check = "10X98765432"[S % 11]. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rules/idcard.h"

static enum idcard_result parse(const char *s, int today, struct idcard *out)
{
	return idcard_parse(s, strlen(s), today, out);
}

/* legal-rules §7.1 test vector 1: S = 167, 167 % 11 = 2 → 'X'. */
static void test_vector_1949(void **state)
{
	struct idcard id;

	(void)state;
	assert_int_equal(idcard_check_char("11010519491231002"), 'X');
	assert_int_equal(parse("11010519491231002X", 20260101, &id), IDCARD_OK);
	assert_string_equal(id.number, "11010519491231002X");
	assert_int_equal(id.birth_year, 1949);
	assert_int_equal(id.birth_month, 12);
	assert_int_equal(id.birth_day, 31);
	assert_int_equal(id.province, 11);
	assert_int_equal(id.male, 0); /* sequence 002: even → female */
	assert_int_equal(id.legacy15, 0);
}

/* legal-rules §7.1 test vector 2: S = 195, 195 % 11 = 8 → '4'; born
 * 1880-01-01, the earliest accepted year. */
static void test_vector_1880(void **state)
{
	struct idcard id;

	(void)state;
	assert_int_equal(idcard_check_char("44052418800101001"), '4');
	assert_int_equal(parse("440524188001010014", 0, &id), IDCARD_OK);
	assert_int_equal(id.birth_year, 1880);
	assert_int_equal(id.province, 44);
	assert_int_equal(id.male, 1); /* sequence 001: odd → male */
}

static void test_wrong_check(void **state)
{
	struct idcard id;

	(void)state;
	memset(&id, 0x5a, sizeof(id));
	assert_int_equal(parse("110105194912310021", 0, &id), IDCARD_BAD_CHECK);
	assert_int_equal(parse("440524188001010015", 0, &id), IDCARD_BAD_CHECK);
	assert_int_equal(parse("44052418800101001X", 0, &id), IDCARD_BAD_CHECK);
	/* *out untouched on failure */
	assert_int_equal((unsigned char)id.number[0], 0x5a);
	assert_string_equal(idcard_result_message(IDCARD_BAD_CHECK),
			    "身份证号码校验位错误");
}

static void test_lowercase_x(void **state)
{
	struct idcard id;

	(void)state;
	assert_int_equal(parse("11010519491231002x", 0, &id), IDCARD_OK);
	assert_string_equal(id.number, "11010519491231002X");
}

static void test_length_and_chars(void **state)
{
	(void)state;
	assert_int_equal(parse("", 0, NULL), IDCARD_BAD_LENGTH);
	assert_int_equal(parse("11010519491231002", 0, NULL), IDCARD_BAD_LENGTH);
	assert_int_equal(parse("11010519491231002X1", 0, NULL),
			 IDCARD_BAD_LENGTH);
	assert_int_equal(idcard_parse(NULL, 18, 0, NULL), IDCARD_BAD_LENGTH);
	assert_int_equal(parse("11010519491231002A", 0, NULL), IDCARD_BAD_CHAR);
	assert_int_equal(parse("1101051949123100X2", 0, NULL), IDCARD_BAD_CHAR);
	assert_int_equal(parse("11010549123100X", 0, NULL), IDCARD_BAD_CHAR);
	assert_int_equal(parse(" 1010519491231002X", 0, NULL), IDCARD_BAD_CHAR);
	/* n counts: the first 18 bytes of a longer buffer are parsed */
	assert_int_equal(idcard_parse("11010519491231002X trailing", 18, 0, NULL),
			 IDCARD_OK);
}

/* 15-digit legacy numbers: insert "19" before YYMMDD, then compute the check
 * character of the 17 digits.
 *   440524800101001 → 44052419800101001 + ?
 *     4·7 + 4·9 + 0·10 + 5·5 + 2·8 + 4·4 + 1·2 + 9·1 + 8·6 + 0·3 + 0·7
 *     + 1·9 + 0·10 + 1·5 + 0·8 + 0·4 + 1·2
 *     = 28+36+0+25+16+16+2+9+48+0+0+9+0+5+0+0+2 = 196; 196 % 11 = 9 → '3'
 *   → 440524198001010013
 *   110105491231002 → 11010519491231002 + 'X' (test vector 1, S = 167). */
static void test_legacy15(void **state)
{
	struct idcard id;

	(void)state;
	assert_int_equal(parse("440524800101001", 0, &id), IDCARD_OK);
	assert_string_equal(id.number, "440524198001010013");
	assert_int_equal(id.legacy15, 1);
	assert_int_equal(id.birth_year, 1980);
	assert_int_equal(id.birth_month, 1);
	assert_int_equal(id.birth_day, 1);
	assert_int_equal(id.male, 1);

	assert_int_equal(parse("110105491231002", 0, &id), IDCARD_OK);
	assert_string_equal(id.number, "11010519491231002X");
	assert_int_equal(id.male, 0);

	/* 1900 is not a leap year (divisible by 100, not by 400) */
	assert_int_equal(parse("110105000229001", 0, &id), IDCARD_BAD_DATE);
	assert_int_equal(parse("990105491231002", 0, &id), IDCARD_BAD_PROVINCE);
}

/* 110105200002290013: S = 7+9+0+5+0+20+4+0+0+0+0+18+20+45+0+0+2 = 130,
 *   130 % 11 = 9 → '3' (2000 is a leap year: divisible by 400).
 * 110105199602290011: S = 7+9+0+5+0+20+2+9+54+18+0+18+20+45+0+0+2 = 209,
 *   209 % 11 = 0 → '1'. */
static void test_feb29(void **state)
{
	struct idcard id;

	(void)state;
	assert_int_equal(parse("110105200002290013", 0, &id), IDCARD_OK);
	assert_int_equal(id.birth_month, 2);
	assert_int_equal(id.birth_day, 29);
	assert_int_equal(parse("110105199602290011", 0, &id), IDCARD_OK);
	/* common years: the date does not exist, whatever the check char */
	assert_int_equal(parse("110105190002290011", 0, &id), IDCARD_BAD_DATE);
	assert_int_equal(parse("110105200102290011", 0, &id), IDCARD_BAD_DATE);
	assert_int_equal(parse("110105200102300011", 0, &id), IDCARD_BAD_DATE);
	assert_int_equal(parse("110105200113010011", 0, &id), IDCARD_BAD_DATE);
	assert_int_equal(parse("110105200100000011", 0, &id), IDCARD_BAD_DATE);
	/* before 1880 */
	assert_int_equal(parse("110105187912310010", 0, &id), IDCARD_BAD_DATE);
}

/* 110105202601160017: S = 7+9+0+5+0+20+4+0+12+18+0+9+10+30+0+0+2 = 126,
 *   126 % 11 = 5 → '7'. Born 2026-01-16. */
static void test_future_date(void **state)
{
	(void)state;
	assert_int_equal(parse("110105202601160017", 20260115, NULL),
			 IDCARD_BAD_DATE);
	assert_int_equal(parse("110105202601160017", 20260116, NULL), IDCARD_OK);
	assert_int_equal(parse("110105202601160017", 0, NULL), IDCARD_OK);
}

/* 830000199001010012: S = 56+27+0+0+0+0+2+9+54+0+0+9+0+5+0+0+2 = 164,
 *   164 % 11 = 10 → '2' (83 = 台湾居民居住证). */
static void test_province(void **state)
{
	struct idcard id;

	(void)state;
	assert_int_equal(parse("830000199001010012", 0, &id), IDCARD_OK);
	assert_int_equal(id.province, 83);
	/* bad province is reported before the check character */
	assert_int_equal(parse("990105194912310021", 0, NULL),
			 IDCARD_BAD_PROVINCE);
	assert_int_equal(parse("100105194912310021", 0, NULL),
			 IDCARD_BAD_PROVINCE);
	assert_int_equal(parse("160105194912310021", 0, NULL),
			 IDCARD_BAD_PROVINCE);
	assert_int_equal(parse("720105194912310021", 0, NULL),
			 IDCARD_BAD_PROVINCE);
	assert_int_equal(parse("910105194912310021", 0, NULL),
			 IDCARD_BAD_PROVINCE);
	assert_int_equal(parse("000105194912310021", 0, NULL),
			 IDCARD_BAD_PROVINCE);
}

static void test_mask(void **state)
{
	char out[19];

	(void)state;
	idcard_mask("11010519491231002X", out);
	assert_string_equal(out, "110105********002X");
	idcard_mask("440524800101001", out);
	assert_string_equal(out, "440524*****1001");
	idcard_mask("1234567890", out);
	assert_string_equal(out, "1234567890");
	idcard_mask("123456789", out);
	assert_string_equal(out, "*********");
	idcard_mask("", out);
	assert_string_equal(out, "");
	idcard_mask(NULL, out);
	assert_string_equal(out, "");
}

/* 周岁 from the day AFTER the birthday (最高法 2006 解释 Art 2). */
static void test_age_14th_birthday(void **state)
{
	(void)state;
	assert_int_equal(idcard_age_on(2012, 5, 10, 2026, 5, 9), 13);
	assert_int_equal(idcard_age_on(2012, 5, 10, 2026, 5, 10), 13);
	assert_int_equal(idcard_age_on(2012, 5, 10, 2026, 5, 11), 14);
	assert_int_equal(idcard_age_on(2012, 5, 10, 2026, 12, 31), 14);
	/* year boundary */
	assert_int_equal(idcard_age_on(2011, 12, 31, 2025, 12, 31), 13);
	assert_int_equal(idcard_age_on(2011, 12, 31, 2026, 1, 1), 14);
	/* around birth */
	assert_int_equal(idcard_age_on(2012, 5, 10, 2012, 5, 9), -1);
	assert_int_equal(idcard_age_on(2012, 5, 10, 2011, 12, 31), -1);
	assert_int_equal(idcard_age_on(2012, 5, 10, 2012, 5, 10), 0);
	assert_int_equal(idcard_age_on(2012, 5, 10, 2013, 5, 10), 0);
	assert_int_equal(idcard_age_on(2012, 5, 10, 2013, 5, 11), 1);
}

/* 29 February: in a common year the birthday is 1 March, so the new age
 * starts on 2 March; in a leap year it starts on 1 March. */
static void test_age_feb29(void **state)
{
	(void)state;
	/* 2026 is a common year */
	assert_int_equal(idcard_age_on(2012, 2, 29, 2026, 2, 28), 13);
	assert_int_equal(idcard_age_on(2012, 2, 29, 2026, 3, 1), 13);
	assert_int_equal(idcard_age_on(2012, 2, 29, 2026, 3, 2), 14);
	/* 2028 is a leap year */
	assert_int_equal(idcard_age_on(2012, 2, 29, 2028, 2, 28), 15);
	assert_int_equal(idcard_age_on(2012, 2, 29, 2028, 2, 29), 15);
	assert_int_equal(idcard_age_on(2012, 2, 29, 2028, 3, 1), 16);
	/* 2100 is a common year (divisible by 100, not by 400) */
	assert_int_equal(idcard_age_on(2084, 2, 29, 2100, 3, 1), 15);
	assert_int_equal(idcard_age_on(2084, 2, 29, 2100, 3, 2), 16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vector_1949),
		cmocka_unit_test(test_vector_1880),
		cmocka_unit_test(test_wrong_check),
		cmocka_unit_test(test_lowercase_x),
		cmocka_unit_test(test_length_and_chars),
		cmocka_unit_test(test_legacy15),
		cmocka_unit_test(test_feb29),
		cmocka_unit_test(test_future_date),
		cmocka_unit_test(test_province),
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_age_14th_birthday),
		cmocka_unit_test(test_age_feb29),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
