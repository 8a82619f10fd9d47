/* idcard.h — GB 11643-1999 公民身份号码 checks (legal-rules §7.1) and 周岁
 * age (legal-rules §0.4; MINOR-AGE-CHECK). Pure: no I/O, no allocation. */
#ifndef PS_RULES_IDCARD_H
#define PS_RULES_IDCARD_H

#include <stddef.h>

enum idcard_result {
	IDCARD_OK = 0,
	IDCARD_BAD_LENGTH,   /* not 18 (or legacy 15) characters */
	IDCARD_BAD_CHAR,     /* non-digit (only a final X/x is allowed) */
	IDCARD_BAD_PROVINCE, /* first two digits are not a province code */
	IDCARD_BAD_DATE,     /* birth date does not exist or is in the future */
	IDCARD_BAD_CHECK,    /* check character wrong */
};

struct idcard {
	char number[19]; /* normalised: 18 chars, upper-case X, NUL-terminated */
	int birth_year, birth_month, birth_day;
	int male;        /* sequence number odd */
	int province;    /* first two digits */
	int legacy15;    /* was a 15-digit number (no check digit, 19YY) */
};

/* The check character of the first 17 digits: "10X98765432"[S % 11] with the
 * weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2. d17 must be 17 digits. */
char idcard_check_char(const char *d17);

/* Validate s (n bytes, not necessarily NUL-terminated). A 15-digit legacy
 * number is accepted and converted to 18 digits. today_ymd (YYYYMMDD, 0 =
 * don't check) rejects birth dates after today. Fills *out on IDCARD_OK.
 * Checks run in the order of the enum: length, characters, province, date
 * (must exist, year >= 1880, not after today_ymd), check character; the
 * first failure is returned and *out is left untouched. No whitespace is
 * trimmed. out may be NULL (validate only). */
enum idcard_result idcard_parse(const char *s, size_t n, int today_ymd,
				struct idcard *out);

/* Chinese message for a result, e.g. "身份证号码校验位错误". */
const char *idcard_result_message(enum idcard_result r);

/* 周岁 on the date y-m-d: the age is reached on the day after the birthday
 * (最高法 2006 解释 Art 2), so on the 14th birthday itself the age is still
 * 13. A 29 February birthday falls on 1 March in common years, so for a
 * 29 February birth the new age starts on 2 March of a common year. Returns
 * -1 when y-m-d is before the birth date, 0 from the birth date until the
 * day after the first birthday. Cannot fail. */
int idcard_age_on(int birth_y, int birth_m, int birth_d, int y, int m, int d);

/* Mask for lists (PII-1): first 6 and last 4 kept, the rest '*'. out must
 * hold 19 bytes; number shorter than 10 chars is fully masked (same length,
 * all '*'); at most 18 chars of number are read; NULL gives "". */
void idcard_mask(const char *number, char out[19]);

#endif
