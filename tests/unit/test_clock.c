/* test_clock.c — legal clocks: deadlines (legal-rules §0.4, XZCX Art 35,
 * XSS Art 105) and warning levels (§0.3). Every expected instant below was
 * computed by hand; the arithmetic is in the comment next to it.
 *
 * Conventions used in the arithmetic:
 *   day numbers (days since 1970-01-01):
 *     2024-01-01 = 20089 − 366 = 19723 (2024 is a leap year)
 *     2025-01-01 = 55 × 365 + 14 leap days (1972…2024)            = 20089
 *     2026-01-01 = 20089 + 365                                    = 20454 (Thu)
 *     2027-01-01 = 20454 + 365                                    = 20819 (Fri)
 *     2026-02-01 = 20454 + 31 = 20485 (Sun);  2026-03-01 = 20485 + 28 = 20513 (Sun)
 *     2026-10-01 = 20454 + 273 = 20727 (Thu)
 *     weekday: day 0 (1970-01-01) was a Thursday; 20727 = 7 × 2961 → Thursday.
 *   a local (UTC+8) instant y-m-d hh:mm = day × 86400 + hh × 3600 + mm × 60 − 28800;
 *   "24:00 +08 of day N" = (N + 1) × 86400 − 28800 = N × 86400 + 57600.
 *   All literal epochs were also cross-checked with GNU date(1), not with
 *   the code under test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rules/clock.h"
#include "rules/date.h"

/* ---- the 2025 and 2026 State Council calendar (shared/data/holidays-cn.csv) */

static const struct {
	int y, m, d, workday;
} cn_rows[] = {
	{ 2025, 1, 1, 0 },   { 2025, 1, 26, 1 },  { 2025, 1, 28, 0 },  { 2025, 1, 29, 0 },
	{ 2025, 1, 30, 0 },  { 2025, 1, 31, 0 },  { 2025, 2, 1, 0 },   { 2025, 2, 2, 0 },
	{ 2025, 2, 3, 0 },   { 2025, 2, 4, 0 },   { 2025, 2, 8, 1 },   { 2025, 4, 4, 0 },
	{ 2025, 4, 5, 0 },   { 2025, 4, 6, 0 },   { 2025, 4, 27, 1 },  { 2025, 5, 1, 0 },
	{ 2025, 5, 2, 0 },   { 2025, 5, 3, 0 },   { 2025, 5, 4, 0 },   { 2025, 5, 5, 0 },
	{ 2025, 5, 31, 0 },  { 2025, 6, 1, 0 },   { 2025, 6, 2, 0 },   { 2025, 9, 28, 1 },
	{ 2025, 10, 1, 0 },  { 2025, 10, 2, 0 },  { 2025, 10, 3, 0 },  { 2025, 10, 4, 0 },
	{ 2025, 10, 5, 0 },  { 2025, 10, 6, 0 },  { 2025, 10, 7, 0 },  { 2025, 10, 8, 0 },
	{ 2025, 10, 11, 1 }, { 2026, 1, 1, 0 },   { 2026, 1, 2, 0 },   { 2026, 1, 3, 0 },
	{ 2026, 1, 4, 1 },   { 2026, 2, 14, 1 },  { 2026, 2, 15, 0 },  { 2026, 2, 16, 0 },
	{ 2026, 2, 17, 0 },  { 2026, 2, 18, 0 },  { 2026, 2, 19, 0 },  { 2026, 2, 20, 0 },
	{ 2026, 2, 21, 0 },  { 2026, 2, 22, 0 },  { 2026, 2, 23, 0 },  { 2026, 2, 28, 1 },
	{ 2026, 4, 4, 0 },   { 2026, 4, 5, 0 },   { 2026, 4, 6, 0 },   { 2026, 5, 1, 0 },
	{ 2026, 5, 2, 0 },   { 2026, 5, 3, 0 },   { 2026, 5, 4, 0 },   { 2026, 5, 5, 0 },
	{ 2026, 5, 9, 1 },   { 2026, 6, 19, 0 },  { 2026, 6, 20, 0 },  { 2026, 6, 21, 0 },
	{ 2026, 9, 20, 1 },  { 2026, 9, 25, 0 },  { 2026, 9, 26, 0 },  { 2026, 9, 27, 0 },
	{ 2026, 10, 1, 0 },  { 2026, 10, 2, 0 },  { 2026, 10, 3, 0 },  { 2026, 10, 4, 0 },
	{ 2026, 10, 5, 0 },  { 2026, 10, 6, 0 },  { 2026, 10, 7, 0 },  { 2026, 10, 10, 1 },
};

#define CN_N (sizeof(cn_rows) / sizeof(cn_rows[0]))

static struct holiday_day cn_days[CN_N];
static struct calendar cn = { cn_days, CN_N };

static int setup_calendar(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < CN_N; i++) {
		cn_days[i].days = date_days_from_civil(cn_rows[i].y, cn_rows[i].m, cn_rows[i].d);
		cn_days[i].workday = cn_rows[i].workday;
	}
	return 0;
}

/* Input instants only (expected values are literals). */
static int64_t local(int y, int m, int d, int hh, int mm, int ss)
{
	return date_days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss - 28800;
}

static struct warn_policy pol(void)
{
	struct warn_policy p;

	clock_policy_default(&p);
	return p;
}

/* ---- policy and labels */

static void test_policy_default(void **state)
{
	struct warn_policy p = pol();

	(void)state;
	assert_int_equal(p.warn_pct, 75);
	assert_int_equal(p.urgent_pct, 90);
	assert_int_equal(p.warn_days_left, 7);
	assert_int_equal(p.urgent_days_left, 3);
	assert_int_equal(p.short_hours, 8);
	assert_int_equal(p.short_warn_mins, 60);
}

static void test_level_code_label(void **state)
{
	(void)state;
	assert_string_equal(clock_level_code(LEVEL_OK), "OK");
	assert_string_equal(clock_level_code(LEVEL_WARN), "WARN");
	assert_string_equal(clock_level_code(LEVEL_URGENT), "URGENT");
	assert_string_equal(clock_level_code(LEVEL_BREACH), "BREACH");
	assert_string_equal(clock_level_label(LEVEL_OK), "正常");
	assert_string_equal(clock_level_label(LEVEL_WARN), "预警");
	assert_string_equal(clock_level_label(LEVEL_URGENT), "紧急");
	assert_string_equal(clock_level_label(LEVEL_BREACH), "超期");
	assert_true(LEVEL_OK < LEVEL_WARN && LEVEL_WARN < LEVEL_URGENT &&
		    LEVEL_URGENT < LEVEL_BREACH);
}

/* ---- day periods: liberty restricted → no holiday extension */

/* CRIM-ARREST-REQUEST (XSS Art 91; XSS Art 105 ¶2: 在押 → 不得因节假日而延长).
 * 2026-09-30 10:00 +08 detained (Wed; day 20727 − 1 = 20726).
 * 3 days, start day not counted: 10-01, 10-02, 10-03 → last day 2026-10-03
 * (day 20729, a Saturday inside the National Day holiday 10-01…10-07).
 * Liberty restricted → ends 2026-10-03 24:00 +08 = 2026-10-03T16:00Z
 *   = 20729 × 86400 + 57600 = 1790985600 + 57600 = 1791043200.
 * Not restricted (for contrast): 10-03…10-07 are holidays, 10-08 (Thu,
 * day 20734) works → 2026-10-08T16:00Z = 20734 × 86400 + 57600
 *   = 1791417600 + 57600 = 1791475200. */
static void test_arrest_request_national_day(void **state)
{
	int64_t det = local(2026, 9, 30, 10, 0, 0);

	(void)state;
	assert_int_equal(det, 1790733600); /* 20726 × 86400 + 7200 (02:00Z) */
	assert_int_equal(clock_deadline(&cn, det, CLOCK_DAYS, 3, 1), 1791043200);
	assert_int_equal(clock_deadline(&cn, det, CLOCK_DAYS, 3, 0), 1791475200);
	/* the holiday calendar plays no part while liberty is restricted */
	assert_int_equal(clock_deadline(NULL, det, CLOCK_DAYS, 3, 1), 1791043200);
}

/* The start day is the local (UTC+8) day of the start instant.
 * 2026-09-30 00:00:00 +08 (= 2026-09-29T16:00Z = 1790697600): start day
 *   09-30 → last day 10-03 → 1791043200 (as above).
 * 2026-09-29 23:59:59 +08 (one second earlier): start day 09-29 → last day
 *   10-02 (day 20728) → 20728 × 86400 + 57600 = 1790899200 + 57600 = 1790956800. */
static void test_start_day_boundary(void **state)
{
	(void)state;
	assert_int_equal(clock_deadline(&cn, 1790697600, CLOCK_DAYS, 3, 1), 1791043200);
	assert_int_equal(clock_deadline(&cn, 1790697599, CLOCK_DAYS, 3, 1), 1790956800);
	/* 2026-09-30 23:59:59 +08 is still start day 09-30 */
	assert_int_equal(clock_deadline(&cn, 1790697600 + 86399, CLOCK_DAYS, 3, 1),
			 1791043200);
}

/* amount ≤ 0 gives the start. */
static void test_zero_amount(void **state)
{
	(void)state;
	assert_int_equal(clock_deadline(&cn, 1790733600, CLOCK_DAYS, 0, 0), 1790733600);
	assert_int_equal(clock_deadline(&cn, 1790733600, CLOCK_HOURS, 0, 0), 1790733600);
	assert_int_equal(clock_deadline(&cn, 1790733600, CLOCK_MONTHS, -1, 0), 1790733600);
}

/* ---- day periods not restricting liberty: ADM-CASE-30D (XZCX Art 35) */

/* Last day a Sunday → Monday.
 * 立案 2026-01-30 09:00 +08 (Fri, day 20454 + 29 = 20483).
 * +30 days: day 20513 = 2026-03-01, a Sunday (20513 − 20510 = 3 → Thu+3), not
 * a make-up day → next working day Mon 2026-03-02 (day 20514).
 * Ends 2026-03-02 24:00 +08 = 2026-03-02T16:00Z = 20514 × 86400 + 57600
 *   = 1772409600 + 57600 = 1772467200.
 * Liberty restricted instead: 2026-03-01T16:00Z = 1772323200 + 57600 = 1772380800. */
static void test_case30_sunday(void **state)
{
	int64_t start = local(2026, 1, 30, 9, 0, 0);

	(void)state;
	assert_int_equal(start, 1769734800); /* 20483 × 86400 + 3600 */
	assert_int_equal(clock_deadline(&cn, start, CLOCK_DAYS, 30, 0), 1772467200);
	assert_int_equal(clock_deadline(NULL, start, CLOCK_DAYS, 30, 0), 1772467200);
	assert_int_equal(clock_deadline(&cn, start, CLOCK_DAYS, 30, 1), 1772380800);
}

/* Last day in the Spring Festival holiday → first working day after it.
 * 立案 2026-01-17 14:00 +08 (day 20470). +30: day 20500 = 2026-02-16 (holiday).
 * 02-16…02-23 are holidays (02-22 Sun, 02-23 Mon); 02-24 (Tue, day 20508) works.
 * Ends 2026-02-24T16:00Z = 20508 × 86400 + 57600 = 1771891200 + 57600 = 1771948800.
 * Without the calendar (weekends only) 02-16 is a Monday → 02-16T16:00Z
 *   = 20500 × 86400 + 57600 = 1771200000 + 57600 = 1771257600. */
static void test_case30_spring_festival(void **state)
{
	int64_t start = local(2026, 1, 17, 14, 0, 0);

	(void)state;
	assert_int_equal(start, 1768629600); /* 20470 × 86400 + 21600 */
	assert_int_equal(clock_deadline(&cn, start, CLOCK_DAYS, 30, 0), 1771948800);
	assert_int_equal(clock_deadline(NULL, start, CLOCK_DAYS, 30, 0), 1771257600);
}

/* Last day in the National Day holiday.
 * 立案 2026-09-02 10:00 +08 (day 20727 − 29 = 20698). +30: day 20728 = 10-02
 * (holiday) → 10-08 (Thu, day 20734) → 2026-10-08T16:00Z = 1791475200. */
static void test_case30_national_day(void **state)
{
	int64_t start = local(2026, 9, 2, 10, 0, 0);

	(void)state;
	assert_int_equal(start, 1788314400); /* 20698 × 86400 + 7200 */
	assert_int_equal(clock_deadline(&cn, start, CLOCK_DAYS, 30, 0), 1791475200);
}

/* Last day a make-up working day → not moved.
 * (a) 立案 2026-01-29 (day 20482) +30 = day 20512 = 2026-02-28, a Saturday
 *     (20512 − 20510 = 2 → Thu+2) listed as 春节调休上班 → ends that day:
 *     2026-02-28T16:00Z = 20512 × 86400 + 57600 = 1772236800 + 57600 = 1772294400.
 *     Without the calendar, Saturday → Monday 03-02 = 1772467200.
 * (b) 立案 2026-08-21 (day 20697 − 11 = 20686) +30 = day 20716 = 2026-09-20, a
 *     Sunday listed as 国庆节调休上班 → 20716 × 86400 + 57600
 *     = 1789862400 + 57600 = 1789920000. */
static void test_case30_makeup_workday(void **state)
{
	int64_t a = local(2026, 1, 29, 16, 45, 0), b = local(2026, 8, 21, 8, 0, 0);

	(void)state;
	assert_int_equal(clock_deadline(&cn, a, CLOCK_DAYS, 30, 0), 1772294400);
	assert_int_equal(clock_deadline(NULL, a, CLOCK_DAYS, 30, 0), 1772467200);
	assert_int_equal(clock_deadline(&cn, b, CLOCK_DAYS, 30, 0), 1789920000);
}

/* ---- hour periods: continuous, no holiday logic */

/* ADM-SUMMON-8H. 到案 2026-03-01 22:30 +08 (a Sunday) = 20513 × 86400 + 52200
 *   = 1772323200 + 52200 = 1772375400 (14:30Z).
 * end = +8 h = +28800 → 1772404200 = 2026-03-02 06:30 +08.
 * WARN: 75 % = 6 h = 21600 → 1772397000 (04:30 +08); the ≤ 8 h rule gives
 *   limit − 1 h = 7 h, later → 6 h wins.
 * URGENT: 90 % = 7 h 12 min = 25920 → 1772401320 (05:42 +08).
 * BREACH at end. */
static void test_hours_8(void **state)
{
	struct warn_policy p = pol();
	int64_t s = local(2026, 3, 1, 22, 30, 0), e;

	(void)state;
	assert_int_equal(s, 1772375400);
	e = clock_deadline(&cn, s, CLOCK_HOURS, 8, 0);
	assert_int_equal(e, 1772404200);
	/* liberty flag and calendar make no difference to an hour period */
	assert_int_equal(clock_deadline(&cn, s, CLOCK_HOURS, 8, 1), 1772404200);
	assert_int_equal(clock_deadline(NULL, s, CLOCK_HOURS, 8, 0), 1772404200);

	assert_int_equal(clock_warn_at(&p, s, e, CLOCK_HOURS), 1772397000);
	assert_int_equal(clock_urgent_at(&p, s, e, CLOCK_HOURS), 1772401320);

	assert_int_equal(clock_level(&p, s, e, CLOCK_HOURS, s), LEVEL_OK);
	assert_int_equal(clock_level(&p, s, e, CLOCK_HOURS, 1772396999), LEVEL_OK);
	assert_int_equal(clock_level(&p, s, e, CLOCK_HOURS, 1772397000), LEVEL_WARN);
	assert_int_equal(clock_level(&p, s, e, CLOCK_HOURS, 1772401319), LEVEL_WARN);
	assert_int_equal(clock_level(&p, s, e, CLOCK_HOURS, 1772401320), LEVEL_URGENT);
	assert_int_equal(clock_level(&p, s, e, CLOCK_HOURS, 1772404199), LEVEL_URGENT);
	assert_int_equal(clock_level(&p, s, e, CLOCK_HOURS, 1772404200), LEVEL_BREACH);
	assert_int_equal(clock_level(&p, s, e, CLOCK_HOURS, 1772404200 + 86400), LEVEL_BREACH);
}

/* 24 h (ADM-SUMMON-24H, same 到案 1772375400): end +86400 = 1772461800
 * (2026-03-02 22:30 +08). WARN 75 % = 18 h = 64800 → 1772440200 (no
 * limit − 1 h rule above 8 h). URGENT 90 % = 21.6 h = 21 h 36 min = 77760
 * → 1772453160. */
static void test_hours_24(void **state)
{
	struct warn_policy p = pol();
	int64_t s = 1772375400, e;

	(void)state;
	e = clock_deadline(&cn, s, CLOCK_HOURS, 24, 1);
	assert_int_equal(e, 1772461800);
	assert_int_equal(clock_warn_at(&p, s, e, CLOCK_HOURS), 1772440200);
	assert_int_equal(clock_urgent_at(&p, s, e, CLOCK_HOURS), 1772453160);
	assert_int_equal(clock_level(&p, s, e, CLOCK_HOURS, 1772440199), LEVEL_OK);
	assert_int_equal(clock_level(&p, s, e, CLOCK_HOURS, 1772440200), LEVEL_WARN);
	assert_int_equal(clock_level(&p, s, e, CLOCK_HOURS, 1772453159), LEVEL_WARN);
	assert_int_equal(clock_level(&p, s, e, CLOCK_HOURS, 1772453160), LEVEL_URGENT);
	assert_int_equal(clock_level(&p, s, e, CLOCK_HOURS, 1772461799), LEVEL_URGENT);
	assert_int_equal(clock_level(&p, s, e, CLOCK_HOURS, 1772461800), LEVEL_BREACH);
}

/* Short hour limits: the "limit − 1 h" WARN only matters below 4 h.
 *   12 h: 75 % = 9 h = 32400 (> 8 h, so no −1 h rule; 11 h would be later anyway).
 *    4 h: 75 % = 3 h = 10800; −1 h = 3 h → 10800.
 *    3 h: 75 % = 2 h 15 min = 8100; −1 h = 2 h = 7200 → 7200 (earlier wins).
 *    2 h: 75 % = 1 h 30 min = 5400; −1 h = 1 h = 3600 → 3600.
 *    1 h: −1 h = start → not after start, ignored → 75 % = 2700.
 *    9 h: > 8 h → 75 % = 6 h 45 min = 24300 only. */
static void test_hours_short(void **state)
{
	struct warn_policy p = pol();
	int64_t s = 1772375400;

	(void)state;
	assert_int_equal(clock_warn_at(&p, s, s + 12 * 3600, CLOCK_HOURS) - s, 32400);
	assert_int_equal(clock_warn_at(&p, s, s + 4 * 3600, CLOCK_HOURS) - s, 10800);
	assert_int_equal(clock_warn_at(&p, s, s + 3 * 3600, CLOCK_HOURS) - s, 7200);
	assert_int_equal(clock_warn_at(&p, s, s + 2 * 3600, CLOCK_HOURS) - s, 3600);
	assert_int_equal(clock_warn_at(&p, s, s + 1 * 3600, CLOCK_HOURS) - s, 2700);
	assert_int_equal(clock_warn_at(&p, s, s + 9 * 3600, CLOCK_HOURS) - s, 24300);
	/* 3 h: OK at 1:59:59, WARN at 2:00:00, URGENT at 90 % = 2 h 42 min = 9720 */
	assert_int_equal(clock_level(&p, s, s + 10800, CLOCK_HOURS, s + 7199), LEVEL_OK);
	assert_int_equal(clock_level(&p, s, s + 10800, CLOCK_HOURS, s + 7200), LEVEL_WARN);
	assert_int_equal(clock_level(&p, s, s + 10800, CLOCK_HOURS, s + 9719), LEVEL_WARN);
	assert_int_equal(clock_level(&p, s, s + 10800, CLOCK_HOURS, s + 9720), LEVEL_URGENT);
	/* hour periods never use the days-left rule: 48 h, 90 % = 43.2 h = 155520
	 * (3 days left would be before the start anyway) */
	assert_int_equal(clock_urgent_at(&p, s, s + 48 * 3600, CLOCK_HOURS) - s, 155520);
}

/* ---- day-period warnings */

/* A 30-day span [S, S + 30 d) (S = 2026-03-02 00:00 +08 = 20514 × 86400 −
 * 28800 = 1772380800; 30 d = 2592000 s):
 *   WARN: 75 % = 22.5 d = 1944000 → S + 1944000 = 1774324800; 7 days left =
 *     23 d = 1987200 → later → WARN at 22.5 d.
 *   URGENT: 90 % = 27 d = 2332800; 3 days left = 27 d too → S + 2332800 = 1774713600. */
static void test_days_30_levels(void **state)
{
	struct warn_policy p = pol();
	int64_t s = 1772380800, e = 1772380800 + 2592000;

	(void)state;
	assert_int_equal(s, local(2026, 3, 2, 0, 0, 0));
	assert_int_equal(clock_warn_at(&p, s, e, CLOCK_DAYS), 1774324800);
	assert_int_equal(clock_urgent_at(&p, s, e, CLOCK_DAYS), 1774713600);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, 1774324799), LEVEL_OK);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, 1774324800), LEVEL_WARN);
	/* day 23 (7 days left) is WARN, not yet URGENT */
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, s + 1987200), LEVEL_WARN);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, 1774713599), LEVEL_WARN);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, 1774713600), LEVEL_URGENT);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, e - 1), LEVEL_URGENT);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, e), LEVEL_BREACH);
}

/* A 20-day span: the days-left rules come first.
 *   WARN: 75 % = 15 d; 7 days left = 13 d → 13 d = 1123200.
 *   URGENT: 90 % = 18 d; 3 days left = 17 d → 17 d = 1468800. */
static void test_days_20_days_left_first(void **state)
{
	struct warn_policy p = pol();
	int64_t s = 1772380800, e = s + 20 * 86400;

	(void)state;
	assert_int_equal(clock_warn_at(&p, s, e, CLOCK_DAYS) - s, 1123200);
	assert_int_equal(clock_urgent_at(&p, s, e, CLOCK_DAYS) - s, 1468800);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, s + 1123199), LEVEL_OK);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, s + 1123200), LEVEL_WARN);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, s + 1468800), LEVEL_URGENT);
}

/* The real ADM-CASE-30D clock from 立案 2026-03-02 10:00 +08 (day 20514):
 * last day +30 = day 20544 = 2026-04-01 (Wed, works) → end 2026-04-01T16:00Z
 *   = 20544 × 86400 + 57600 = 1775001600 + 57600 = 1775059200.
 * start = 20514 × 86400 + 7200 = 1772409600 + 7200 = 1772416800;
 * length = 1775059200 − 1772416800 = 2642400 s (30 d 14 h).
 * WARN: 75 % = 1981800 → 1774398600 (2026-03-25 08:30 +08, i.e. day 23);
 *   7 days left = 1775059200 − 604800 = 1774454400 (later).
 * URGENT: 90 % = 2378160 → 1774794960 (2026-03-29 22:36 +08, day 27);
 *   3 days left = 1775059200 − 259200 = 1774800000 (later).
 * This matches the row's "WARN at day 23, URGENT at day 27, BREACH at day 30". */
static void test_case30_levels_real(void **state)
{
	struct warn_policy p = pol();
	int64_t s = local(2026, 3, 2, 10, 0, 0), e;

	(void)state;
	assert_int_equal(s, 1772416800);
	e = clock_deadline(&cn, s, CLOCK_DAYS, 30, 0);
	assert_int_equal(e, 1775059200);
	assert_int_equal(clock_warn_at(&p, s, e, CLOCK_DAYS), 1774398600);
	assert_int_equal(clock_urgent_at(&p, s, e, CLOCK_DAYS), 1774794960);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, local(2026, 3, 25, 8, 29, 59)), LEVEL_OK);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, local(2026, 3, 25, 8, 30, 0)), LEVEL_WARN);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, local(2026, 3, 29, 22, 36, 0)),
			 LEVEL_URGENT);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, local(2026, 4, 1, 23, 59, 59)),
			 LEVEL_URGENT);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, local(2026, 4, 2, 0, 0, 0)), LEVEL_BREACH);
}

/* The 3-day 提请批准逮捕 clock of test_arrest_request_national_day:
 * start 1790733600, end 1791043200, length 309600 s (86 h).
 *   URGENT: 90 % = 278640 → 1791012240; 3 days left = 1791043200 − 259200 =
 *     1790784000 (2026-10-01 00:00 +08), after the start → URGENT from there.
 *   WARN: 75 % = 232200 → 1790965800; 7 days left is before the start → ignored.
 * So the level is OK for the first 14 h and URGENT afterwards (§0.3 read
 * literally: "3 days left" is the whole of a 3-day period). */
static void test_arrest_request_levels(void **state)
{
	struct warn_policy p = pol();
	int64_t s = 1790733600, e = 1791043200;

	(void)state;
	assert_int_equal(clock_urgent_at(&p, s, e, CLOCK_DAYS), 1790784000);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, 1790783999), LEVEL_OK);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, 1790784000), LEVEL_URGENT);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, 1791043199), LEVEL_URGENT);
	assert_int_equal(clock_level(&p, s, e, CLOCK_DAYS, 1791043200), LEVEL_BREACH);
}

/* ---- month periods */

/* CRIM-BAIL-12M: 取保候审 decided 2026-01-15 10:00 +08 (day 20468) =
 *   20468 × 86400 + 7200 = 1768435200 + 7200 = 1768442400.
 * 12 months, start day not counted, corresponding day → last day 2027-01-15
 * (day 20819 + 14 = 20833). 2027-01-01 is a Friday (2026 has 365 days = 52 w
 * + 1 d after Thursday 2026-01-01), so 2027-01-15 is a Friday: a working day
 * (not in the holiday list; 取保 is not custody, so moving would apply).
 * end = 2027-01-15T16:00Z = 20833 × 86400 + 57600 = 1799971200 + 57600 = 1800028800.
 * length = 1800028800 − 1768442400 = 31586400 (365 d 14 h).
 * WARN: 75 % of the seconds = 23689800 → 1792132200 = 2026-10-16 14:30 +08,
 *   but month periods also warn at ceil(12 × 75 %) = 9 calendar months,
 *   2026-10-15 10:00 +08 = 20741 × 86400 + 7200 = 1792029600, which is first
 *   (CRIM-BAIL-12M: "WARN at 9 months").
 * URGENT: 90 % = 28427760 → 1796870160 = 2026-12-10 10:36 +08
 *   (1796870160 + 28800 = 20797 × 86400 + 38160; 20797 = 12-10).
 * Days-left rules (7 d / 3 d before end) come later and do not matter.
 * 11 months = 2026-12-15 10:00 +08 = 20802 × 86400 + 7200 = 1797300000 → URGENT.
 * 9 months + 2 days = 2026-10-17 10:00 +08 = 20743 × 86400 + 7200
 *   = 1792195200 + 7200 = 1792202400 → WARN.
 * URGENT by months would be ceil(12 × 90 %) = 11 months (12-15), later than
 * the 90 % of seconds (12-10), so 12-10 stands. */
static void test_bail_12_months(void **state)
{
	struct warn_policy p = pol();
	int64_t s = local(2026, 1, 15, 10, 0, 0), e;

	(void)state;
	assert_int_equal(s, 1768442400);
	e = clock_deadline(&cn, s, CLOCK_MONTHS, 12, 0);
	assert_int_equal(e, 1800028800);
	assert_int_equal(clock_warn_at(&p, s, e, CLOCK_MONTHS), 1792029600);
	assert_int_equal(clock_urgent_at(&p, s, e, CLOCK_MONTHS), 1796870160);
	assert_int_equal(clock_level(&p, s, e, CLOCK_MONTHS, 1792029599), LEVEL_OK);
	assert_int_equal(clock_level(&p, s, e, CLOCK_MONTHS, 1792029600), LEVEL_WARN);
	assert_int_equal(clock_level(&p, s, e, CLOCK_MONTHS, 1792132200), LEVEL_WARN);
	assert_int_equal(clock_level(&p, s, e, CLOCK_MONTHS, 1792202400), LEVEL_WARN);
	assert_int_equal(clock_level(&p, s, e, CLOCK_MONTHS, 1796870159), LEVEL_WARN);
	assert_int_equal(clock_level(&p, s, e, CLOCK_MONTHS, 1796870160), LEVEL_URGENT);
	assert_int_equal(clock_level(&p, s, e, CLOCK_MONTHS, 1797300000), LEVEL_URGENT);
	assert_int_equal(clock_level(&p, s, e, CLOCK_MONTHS, 1800028799), LEVEL_URGENT);
	assert_int_equal(clock_level(&p, s, e, CLOCK_MONTHS, 1800028800), LEVEL_BREACH);
}

/* CRIM-BAIL-12M says "WARN at 9 months": 2026-10-15 10:00 +08 (1792029600).
 * Only 74.8 % of the seconds have passed then, so the month periods warn by
 * calendar months too (clock.c month_point). */
static void test_bail_9_months_row(void **state)
{
	struct warn_policy p = pol();

	(void)state;
	assert_int_equal(clock_level(&p, 1768442400, 1800028800, CLOCK_MONTHS, 1792029600),
			 LEVEL_WARN);
}

/* 取保候审 from 2025-10-01 10:00 +08 (day 20089 + 273 = 20362): 12 months →
 * last day 2026-10-01 (holiday) → next working day 10-08 → 1791475200. */
static void test_bail_ends_in_holiday(void **state)
{
	(void)state;
	assert_int_equal(clock_deadline(&cn, local(2025, 10, 1, 10, 0, 0), CLOCK_MONTHS, 12, 0),
			 1791475200);
	/* the same period restricting liberty (e.g. custody months) ends 10-01:
	 * 20727 × 86400 + 57600 = 1790812800 + 57600 = 1790870400 */
	assert_int_equal(clock_deadline(&cn, local(2025, 10, 1, 10, 0, 0), CLOCK_MONTHS, 12, 1),
			 1790870400);
}

/* Month-end clamping (no corresponding day → last day of the month).
 *   2026-01-31 + 1 month → 2026-02-28 (day 20512; a make-up working
 *     Saturday, so not moved either way) → 1772294400.
 *   2026-03-31 + 1 month → 2026-04-30 (Thu, day 20454+31+28+31+29 = 20573)
 *     → 20573 × 86400 + 57600 = 1777507200 + 57600 = 1777564800.
 *   2024-01-31 + 1 month (leap) → 2024-02-29 (day 19723 + 59 = 19782, Thu)
 *     → 19782 × 86400 + 57600 = 1709164800 + 57600 = 1709222400.
 *   2025-12-31 + 2 months → 2026-02-28 → 1772294400 (year roll-over).
 *   2025-11-30 + 3 months → 2026-02-28 → 1772294400. */
static void test_month_end_clamp(void **state)
{
	(void)state;
	assert_int_equal(clock_deadline(&cn, local(2026, 1, 31, 10, 0, 0), CLOCK_MONTHS, 1, 0),
			 1772294400);
	assert_int_equal(clock_deadline(&cn, local(2026, 1, 31, 10, 0, 0), CLOCK_MONTHS, 1, 1),
			 1772294400);
	assert_int_equal(clock_deadline(&cn, local(2026, 3, 31, 10, 0, 0), CLOCK_MONTHS, 1, 0),
			 1777564800);
	assert_int_equal(clock_deadline(NULL, local(2024, 1, 31, 10, 0, 0), CLOCK_MONTHS, 1, 1),
			 1709222400);
	assert_int_equal(clock_deadline(&cn, local(2025, 12, 31, 10, 0, 0), CLOCK_MONTHS, 2, 1),
			 1772294400);
	assert_int_equal(clock_deadline(&cn, local(2025, 11, 30, 10, 0, 0), CLOCK_MONTHS, 3, 1),
			 1772294400);
}

/* December + 12 months stays in December: 2025-12-15 + 12 → 2026-12-15
 * (Tue, day 20802) → 20802 × 86400 + 57600 = 1797292800 + 57600 = 1797350400. */
static void test_month_december(void **state)
{
	(void)state;
	assert_int_equal(clock_deadline(&cn, local(2025, 12, 15, 9, 0, 0), CLOCK_MONTHS, 12, 0),
			 1797350400);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_policy_default),
		cmocka_unit_test(test_level_code_label),
		cmocka_unit_test(test_arrest_request_national_day),
		cmocka_unit_test(test_start_day_boundary),
		cmocka_unit_test(test_zero_amount),
		cmocka_unit_test(test_case30_sunday),
		cmocka_unit_test(test_case30_spring_festival),
		cmocka_unit_test(test_case30_national_day),
		cmocka_unit_test(test_case30_makeup_workday),
		cmocka_unit_test(test_hours_8),
		cmocka_unit_test(test_hours_24),
		cmocka_unit_test(test_hours_short),
		cmocka_unit_test(test_days_30_levels),
		cmocka_unit_test(test_days_20_days_left_first),
		cmocka_unit_test(test_case30_levels_real),
		cmocka_unit_test(test_arrest_request_levels),
		cmocka_unit_test(test_bail_12_months),
		cmocka_unit_test(test_bail_9_months_row),
		cmocka_unit_test(test_bail_ends_in_holiday),
		cmocka_unit_test(test_month_end_clamp),
		cmocka_unit_test(test_month_december),
	};

	return cmocka_run_group_tests(tests, setup_calendar, NULL);
}
