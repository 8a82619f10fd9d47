/* fuzz_date.c — libFuzzer target for the date parsers of rules/date.h
 * (TRUST FUZ-1): date_parse (YYYY-MM-DD of every form field) and
 * date_time_parse (the 旅业 systems' export times). On each input:
 *  - a parsed date is a valid one, and written back as YYYY-MM-DD it
 *    parses to the same day;
 *  - a parsed time, written back in each accepted form, parses to the same
 *    instant, whose local day is the date's day;
 *  - a refusal leaves the outputs untouched;
 *  - on a parsed day: months added, the weekday, the holiday calendar. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "rules/date.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The arithmetic on a parsed day: months added land in the month k on,
 * on the same day or the month's last; the week repeats every 7 days; a
 * listed holiday rests, a listed make-up day works, and the next working
 * day is the day itself or within the holidays after it. */
static void check_arithmetic(int64_t days, int y, int m, int d)
{
	static const int ks[] = { -13, -1, 1, 12 };
	struct holiday_day list[3] = { { days, 0 }, { days + 1, 0 }, { days + 2, 1 } };
	struct calendar cal = { list, 3 };
	int64_t next;

	for (size_t i = 0; i < sizeof(ks) / sizeof(ks[0]); i++) {
		int y2, m2, d2;
		int64_t months = (int64_t)y * 12 + (m - 1) + ks[i];

		date_civil_from_days(date_add_months(days, ks[i]), &y2, &m2, &d2);
		FUZZ_CHECK((int64_t)y2 * 12 + (m2 - 1) == months);
		FUZZ_CHECK(d2 == d || (d2 < d && !date_valid(y2, m2, d2 + 1)));
	}
	FUZZ_CHECK(date_weekday(days) >= 0 && date_weekday(days) < 7);
	FUZZ_CHECK(date_weekday(days + 7) == date_weekday(days));
	FUZZ_CHECK(calendar_is_workday(NULL, days) == (date_weekday(days) < 5));
	FUZZ_CHECK(!calendar_is_workday(&cal, days) && calendar_is_workday(&cal, days + 2));
	FUZZ_CHECK(calendar_next_workday(&cal, days) == days + 2);
	next = calendar_next_workday(NULL, days);
	FUZZ_CHECK(next >= days && next < days + 3 && calendar_is_workday(NULL, next));
}

static void check_date(const char *s, size_t n)
{
	int y = -1, m = -1, d = -1, y2, m2, d2;
	char back[16];

	if (date_parse(s, n, &y, &m, &d)) {
		FUZZ_CHECK(y == -1 && m == -1 && d == -1);
		return;
	}
	FUZZ_CHECK(date_valid(y, m, d));
	snprintf(back, sizeof(back), "%04d-%02d-%02d", y, m, d);
	FUZZ_CHECK(!date_parse(back, 10, &y2, &m2, &d2) && y2 == y && m2 == m && d2 == d);
	FUZZ_CHECK(date_valid_str(back));
	check_arithmetic(date_days_from_civil(y, m, d), y, m, d);
}

static void check_time(const char *s, size_t n)
{
	int64_t t = INT64_MIN, t2;
	int y, m, d;
	int64_t days, secs;
	char back[32];

	if (date_time_parse(s, n, &t)) {
		FUZZ_CHECK(t == INT64_MIN);
		return;
	}
	days = date_local_days(t);
	secs = t - date_local_midnight(days);
	FUZZ_CHECK(secs >= 0 && secs < 86400);
	date_civil_from_days(days, &y, &m, &d);
	FUZZ_CHECK(date_valid(y, m, d));
	snprintf(back, sizeof(back), "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, (int)(secs / 3600),
		 (int)(secs / 60 % 60), (int)(secs % 60));
	FUZZ_CHECK(!date_time_parse(back, 19, &t2) && t2 == t);
	snprintf(back, sizeof(back), "%04d%02d%02d%02d%02d%02d", y, m, d, (int)(secs / 3600), (int)(secs / 60 % 60),
		 (int)(secs % 60));
	FUZZ_CHECK(!date_time_parse(back, 14, &t2) && t2 == t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_date((const char *)data, size);
	check_time((const char *)data, size);
	return 0;
}
