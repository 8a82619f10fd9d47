/* fuzz_date.c — libFuzzer target for the date parsers of rules/date.h
 * (TRUST FUZ-1): date_parse (YYYY-MM-DD of every form field) and
 * date_time_parse (the 旅业 systems' export times). On each input:
 *  - a parsed date is a valid one, and written back as YYYY-MM-DD it
 *    parses to the same day;
 *  - a parsed time, written back in each accepted form, parses to the same
 *    instant, whose local day is the date's day;
 *  - a refusal leaves the outputs untouched. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "rules/date.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
