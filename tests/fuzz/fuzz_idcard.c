/* fuzz_idcard.c — libFuzzer target for the 公民身份号码 parser (TRUST
 * FUZ-1): idcard_parse as of 2026-11-29, idcard_mask, and on success
 * idcard_age_on against a few dates. Checks the contracts of
 * rules/idcard.h. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules/date.h"
#include "rules/idcard.h"
#include "fuzz_check.h"

#define TODAY_YMD 20261129

static int is_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* idcard_mask on NUL-terminated s: same length (at most 18), first 6 and
 * last 4 kept when 10 or more, the rest '*'. */
static void check_mask(const char *s)
{
	char out[19];
	size_t n = strnlen(s, 18);

	memset(out, 'Z', sizeof(out));
	idcard_mask(s, out);
	FUZZ_CHECK(strnlen(out, sizeof(out)) == n);
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(out[i] == '*' ||
			   (n >= 10 && (i < 6 || i >= n - 4) && out[i] == s[i]));
}

static void check_ages(const struct idcard *id)
{
	static const int dates[][3] = {
		{ 2026, 11, 29 }, { 2000, 2, 29 }, { 2023, 3, 1 },
		{ 2024, 3, 1 },   { 1949, 12, 31 }, { 1880, 1, 1 },
	};
	int by = id->birth_year, bm = id->birth_month, bd = id->birth_day;

	/* the day of birth: 0; the day before: -1 */
	FUZZ_CHECK(idcard_age_on(by, bm, bd, by, bm, bd) == 0);
	if (bd > 1)
		FUZZ_CHECK(idcard_age_on(by, bm, bd, by, bm, bd - 1) == -1);
	/* on the 14th birthday still 13, the next day 14 (周岁) */
	if (date_valid(by + 14, bm, bd)) {
		int64_t day = date_days_from_civil(by + 14, bm, bd);
		int y, m, d;

		FUZZ_CHECK(idcard_age_on(by, bm, bd, by + 14, bm, bd) == 13);
		date_civil_from_days(day + 1, &y, &m, &d);
		FUZZ_CHECK(idcard_age_on(by, bm, bd, y, m, d) == 14);
	}
	for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		int age = idcard_age_on(by, bm, bd, dates[i][0], dates[i][1],
					dates[i][2]);

		FUZZ_CHECK(age == -1 || (age >= 0 && age <= dates[i][0] - by));
	}
	/* around each of the first 20 birthdays: from the 1st of the birth
	 * month for 34 days the age goes from k-1 to k in one step (this also
	 * covers a 29 February birth in common years) */
	for (int k = 1; k <= 20; k++) {
		int64_t first = date_days_from_civil(by + k, bm, 1);
		int prev = k - 1;

		for (int64_t j = 0; j < 34; j++) {
			int y, m, d, age;

			date_civil_from_days(first + j, &y, &m, &d);
			age = idcard_age_on(by, bm, bd, y, m, d);
			FUZZ_CHECK(j ? age == prev || age == prev + 1
				     : age == k - 1);
			prev = age;
		}
		FUZZ_CHECK(prev == k);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct idcard id, again;
	enum idcard_result r, r0;
	char *z;

	memset(&id, 0x5a, sizeof(id));
	r = idcard_parse(s, size, TODAY_YMD, &id);
	FUZZ_CHECK(r >= IDCARD_OK && r <= IDCARD_BAD_CHECK);
	FUZZ_CHECK(idcard_result_message(r) != NULL);
	/* out may be NULL; the result does not depend on it */
	FUZZ_CHECK(idcard_parse(s, size, TODAY_YMD, NULL) == r);
	r0 = idcard_parse(s, size, 0, NULL);
	/* without today only a future birth date changes the result */
	FUZZ_CHECK(r0 == r || (r == IDCARD_BAD_DATE && (r0 == IDCARD_OK ||
							r0 == IDCARD_BAD_CHECK)));

	z = malloc(size + 1);
	if (!z)
		return 0;
	memcpy(z, data, size);
	z[size] = '\0';
	check_mask(z);
	free(z);

	if (r != IDCARD_OK)
		return 0;

	/* the normalised number: 18 chars, upper-case X, valid on its own */
	FUZZ_CHECK(id.number[18] == '\0' && strlen(id.number) == 18);
	FUZZ_CHECK(is_digits(id.number, 17));
	FUZZ_CHECK(idcard_check_char(id.number) == id.number[17]);
	FUZZ_CHECK(id.legacy15 == (size == 15));
	FUZZ_CHECK(id.male == (id.number[16] - '0') % 2);
	FUZZ_CHECK(date_valid(id.birth_year, id.birth_month, id.birth_day));
	FUZZ_CHECK(id.birth_year >= 1880 &&
		   id.birth_year * 10000 + id.birth_month * 100 +
				   id.birth_day <= TODAY_YMD);
	FUZZ_CHECK(idcard_parse(id.number, 18, TODAY_YMD, &again) == IDCARD_OK);
	FUZZ_CHECK(memcmp(again.number, id.number, 19) == 0 &&
		   again.birth_year == id.birth_year &&
		   again.birth_month == id.birth_month &&
		   again.birth_day == id.birth_day && again.male == id.male);
	check_mask(id.number);
	check_ages(&id);
	return 0;
}
