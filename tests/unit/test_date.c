/* test_date.c — civil dates, UTC+8 day numbers and the holiday calendar
 * (legal-rules §0.4). Day numbers below were counted by hand:
 *   2000-01-01: 30 years × 365 + 7 leap days (1972…1996)      = 10957
 *   2000-02-29: 10957 + 31 + 28                                = 11016
 *   2100-01-01: 130 years × 365 + 32 leap days (1972…2096)     = 47482
 *   2100-03-01: 47482 + 31 + 28 (2100 is not a leap year)      = 47541
 *   2026-01-01: 56 years × 365 + 14 leap days (1972…2024)      = 20454
 *   2026-10-01: 20454 + 273 (Jan…Sep of a common year)         = 20727
 *   1900-01-01: −(70 × 365 + 17 leap days (1904…1968))         = −25567 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rules/date.h"

#define D_2026_10_01 20727

static void check_civil(int64_t days, int y, int m, int d)
{
	int yy = 0, mm = 0, dd = 0;

	assert_int_equal(date_days_from_civil(y, m, d), days);
	date_civil_from_days(days, &yy, &mm, &dd);
	assert_int_equal(yy, y);
	assert_int_equal(mm, m);
	assert_int_equal(dd, d);
}

static void test_known_days(void **state)
{
	(void)state;
	check_civil(0, 1970, 1, 1);
	check_civil(-1, 1969, 12, 31);
	check_civil(31, 1970, 2, 1);
	check_civil(10957, 2000, 1, 1);
	check_civil(11016, 2000, 2, 29);
	check_civil(11017, 2000, 3, 1);
	check_civil(47482, 2100, 1, 1);
	check_civil(47540, 2100, 2, 28);
	check_civil(47541, 2100, 3, 1);
	check_civil(20454, 2026, 1, 1);
	check_civil(D_2026_10_01, 2026, 10, 1);
	check_civil(-25567, 1900, 1, 1);
}

/* Property: walking day by day, the civil date advances by exactly one
 * calendar day and converts back to the same number. */
static void test_round_trip_walk(void **state)
{
	int64_t day;
	int y, m, d, py, pm, pd;

	(void)state;
	date_civil_from_days(-25567 - 1, &py, &pm, &pd); /* 1899-12-31 */
	assert_int_equal(py, 1899);
	for (day = -25567; day <= 47541 + 400; day++) {
		date_civil_from_days(day, &y, &m, &d);
		assert_true(date_valid(y, m, d));
		assert_int_equal(date_days_from_civil(y, m, d), day);
		if (d == 1) {
			assert_true(m == pm + 1 || (m == 1 && pm == 12 && y == py + 1));
		} else {
			assert_int_equal(d, pd + 1);
			assert_int_equal(m, pm);
			assert_int_equal(y, py);
		}
		py = y;
		pm = m;
		pd = d;
	}
}

static void test_valid(void **state)
{
	(void)state;
	assert_true(date_valid(2000, 2, 29));  /* divisible by 400 */
	assert_false(date_valid(1900, 2, 29)); /* divisible by 100 */
	assert_false(date_valid(2100, 2, 29));
	assert_true(date_valid(2024, 2, 29));
	assert_false(date_valid(2026, 2, 29));
	assert_false(date_valid(2026, 4, 31));
	assert_true(date_valid(2026, 12, 31));
	assert_false(date_valid(2026, 13, 1));
	assert_false(date_valid(2026, 0, 10));
	assert_false(date_valid(2026, 1, 0));
	assert_false(date_valid(0, 1, 1));
	assert_false(date_valid(10000, 1, 1));
}

static void test_parse(void **state)
{
	int y = 0, m = 0, d = 0;
	const char *s = "2026-10-01T08:00:00+08:00";

	(void)state;
	assert_int_equal(date_parse("2024-02-29", 10, &y, &m, &d), 0);
	assert_int_equal(y, 2024);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	/* not NUL-terminated: the first 10 bytes */
	assert_int_equal(date_parse(s, 10, &y, &m, &d), 0);
	assert_int_equal(y, 2026);
	assert_int_equal(m, 10);
	assert_int_equal(d, 1);
	assert_int_equal(date_parse("2025-02-29", 10, &y, &m, &d), -1);
	assert_int_equal(date_parse("2026-1-01", 9, &y, &m, &d), -1);
	assert_int_equal(date_parse("2026/10/01", 10, &y, &m, &d), -1);
	assert_int_equal(date_parse("2026-10-0a", 10, &y, &m, &d), -1);
	assert_int_equal(date_parse("+026-10-01", 10, &y, &m, &d), -1);
	assert_int_equal(date_parse(s, strlen(s), &y, &m, &d), -1);
	assert_int_equal(date_parse(NULL, 10, &y, &m, &d), -1);
	/* outputs untouched on failure */
	assert_int_equal(y, 2026);
}

/* 2026-10-01 00:00 local is 1790784000 (test_local_days) */
static void test_time_parse(void **state)
{
	int64_t t = 7;

	(void)state;
	assert_int_equal(date_time_parse("2026-10-01 08:30:15", 19, &t), 0);
	assert_int_equal(t, 1790784000 + 8 * 3600 + 30 * 60 + 15);
	assert_int_equal(date_time_parse("2026/10/01T23:59", 16, &t), 0);
	assert_int_equal(t, 1790784000 + 86340);
	assert_int_equal(date_time_parse("20261001083015", 14, &t), 0);
	assert_int_equal(t, 1790814615);
	assert_int_equal(date_time_parse("202610010830", 12, &t), 0);
	assert_int_equal(t, 1790814600);
	/* the date part before the end: not NUL-terminated */
	assert_int_equal(date_time_parse("2026-10-01 00:00:00+08:00", 19, &t), 0);
	assert_int_equal(t, 1790784000);
	t = 7;
	assert_int_equal(date_time_parse("2026-10-01", 10, &t), -1);
	assert_int_equal(date_time_parse("2026-10/01 08:30", 16, &t), -1);
	assert_int_equal(date_time_parse("2026-10-01 24:00", 16, &t), -1);
	assert_int_equal(date_time_parse("2026-10-01 08:60", 16, &t), -1);
	assert_int_equal(date_time_parse("2026-10-01 08:30:60", 19, &t), -1);
	assert_int_equal(date_time_parse("2026-10-01 8:30:00", 18, &t), -1);
	assert_int_equal(date_time_parse("2025-02-29 08:00", 16, &t), -1);
	assert_int_equal(date_time_parse("20250229080000", 14, &t), -1);
	assert_int_equal(date_time_parse("2026100108301", 13, &t), -1);
	assert_int_equal(date_time_parse("2026-10-01 08:30:1x", 19, &t), -1);
	assert_int_equal(date_time_parse(NULL, 16, &t), -1);
	assert_int_equal(t, 7); /* untouched on failure */
}

static void test_local_days(void **state)
{
	int64_t midnight = (int64_t)D_2026_10_01 * 86400 - 8 * 3600;

	(void)state;
	assert_int_equal(date_local_days(0), 0);          /* 08:00 local */
	assert_int_equal(date_local_days(-28800), 0);     /* 00:00 local */
	assert_int_equal(date_local_days(-28801), -1);    /* 23:59:59 the day before */
	assert_int_equal(date_local_days(57599), 0);      /* 23:59:59 local */
	assert_int_equal(date_local_days(57600), 1);      /* 16:00 UTC = next day */
	assert_int_equal(midnight, 1790784000);
	assert_int_equal(date_local_days(midnight), D_2026_10_01);
	assert_int_equal(date_local_days(midnight - 1), D_2026_10_01 - 1);
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(0), 3);            /* 1970-01-01 Thursday */
	assert_int_equal(date_weekday(-1), 2);           /* 1969-12-31 Wednesday */
	assert_int_equal(date_weekday(D_2026_10_01), 3); /* Thursday */
	assert_int_equal(date_weekday(D_2026_10_01 + 2), 5); /* 10-03 Saturday */
	assert_int_equal(date_weekday(D_2026_10_01 + 3), 6); /* 10-04 Sunday */
	assert_int_equal(date_weekday(10957), 5);        /* 2000-01-01 Saturday */
	assert_int_equal(date_weekday(-25567), 0);       /* 1900-01-01 Monday */
}

/* 国庆 2026 as given: 10-01…10-08 off, Saturday 10-10 调休上班. */
static const struct holiday_day oct2026[] = {
	{ D_2026_10_01 + 0, 0 }, { D_2026_10_01 + 1, 0 },
	{ D_2026_10_01 + 2, 0 }, { D_2026_10_01 + 3, 0 },
	{ D_2026_10_01 + 4, 0 }, { D_2026_10_01 + 5, 0 },
	{ D_2026_10_01 + 6, 0 }, { D_2026_10_01 + 7, 0 },
	{ D_2026_10_01 + 9, 1 },
};

static void test_calendar(void **state)
{
	struct calendar cal = { oct2026, sizeof(oct2026) / sizeof(oct2026[0]) };
	int64_t sep30 = D_2026_10_01 - 1, oct1 = D_2026_10_01;

	(void)state;
	assert_true(calendar_is_workday(&cal, sep30));       /* Wednesday */
	assert_false(calendar_is_workday(&cal, oct1));       /* holiday, Thursday */
	assert_false(calendar_is_workday(&cal, oct1 + 2));   /* 10-03 Saturday */
	assert_false(calendar_is_workday(&cal, oct1 + 7));   /* 10-08 Thursday */
	assert_true(calendar_is_workday(&cal, oct1 + 8));    /* 10-09 Friday */
	assert_true(calendar_is_workday(&cal, oct1 + 9));    /* 10-10 Sat, 调休 */
	assert_false(calendar_is_workday(&cal, oct1 + 10));  /* 10-11 Sunday */
	assert_true(calendar_is_workday(&cal, oct1 + 11));   /* 10-12 Monday */

	assert_int_equal(calendar_next_workday(&cal, sep30), sep30);
	assert_int_equal(calendar_next_workday(&cal, oct1), oct1 + 8);
	assert_int_equal(calendar_next_workday(&cal, oct1 + 2), oct1 + 8);
	assert_int_equal(calendar_next_workday(&cal, oct1 + 7), oct1 + 8);
	assert_int_equal(calendar_next_workday(&cal, oct1 + 9), oct1 + 9);
	assert_int_equal(calendar_next_workday(&cal, oct1 + 10), oct1 + 11);
}

static void test_calendar_empty(void **state)
{
	struct calendar empty = { NULL, 0 };
	int64_t oct1 = D_2026_10_01;

	(void)state;
	assert_true(calendar_is_workday(&empty, oct1));       /* Thursday */
	assert_false(calendar_is_workday(NULL, oct1 + 2));    /* Saturday */
	assert_int_equal(calendar_next_workday(NULL, oct1 + 2), oct1 + 4);
	assert_int_equal(calendar_next_workday(&empty, oct1 + 3), oct1 + 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_days),
		cmocka_unit_test(test_round_trip_walk),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_time_parse),
		cmocka_unit_test(test_local_days),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_calendar_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
