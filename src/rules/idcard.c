/* idcard.c — GB 11643-1999 公民身份号码 (legal-rules §7.1) and 周岁 age
 * (legal-rules §0.4, MINOR-AGE-CHECK). */
#include "rules/idcard.h"
#include "rules/date.h"

#include <string.h>

/* GB 11643-1999 / ISO 7064 MOD 11-2: weight of position i is 2^(18-i) mod 11
 * (legal-rules §7.1). */
static const int idcard_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6,
					3, 7, 9, 10, 5, 8, 4, 2 };

/* GB 11643-1999: check character = "10X98765432"[S % 11] (legal-rules §7.1). */
static const char idcard_check_chars[] = "10X98765432";

/* Earliest accepted birth year (ID-BIRTH-MIN, a plausibility bound [U]; the
 * legal-rules §7.1 test vector 440524188001010014 is born 1880-01-01). */
#define IDCARD_BIRTH_YEAR_MIN 1880

/* GB/T 2260 province-level codes (legal-rules §7.2): 11-15 华北, 21-23 东北,
 * 31-37 华东, 41-46 中南, 50-54 西南, 61-65 西北, 71 台湾, 81 香港, 82 澳门, 83
 * 台湾居民 (居住证). The county part is not checked: codes change over time
 * and legal-rules §7.1 forbids rejecting a number for a retired code. */
static int province_valid(int p)
{
	switch (p) {
	case 11: case 12: case 13: case 14: case 15:
	case 21: case 22: case 23:
	case 31: case 32: case 33: case 34: case 35: case 36: case 37:
	case 41: case 42: case 43: case 44: case 45: case 46:
	case 50: case 51: case 52: case 53: case 54:
	case 61: case 62: case 63: case 64: case 65:
	case 71: case 81: case 82: case 83:
		return 1;
	default:
		return 0;
	}
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int num(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

char idcard_check_char(const char *d17)
{
	int s = 0, i;

	for (i = 0; i < 17; i++)
		s += (d17[i] - '0') * idcard_weights[i];
	return idcard_check_chars[s % 11];
}

enum idcard_result idcard_parse(const char *s, size_t n, int today_ymd,
				struct idcard *out)
{
	struct idcard id;
	size_t i;
	int y, m, d;

	if (!s || (n != 18 && n != 15))
		return IDCARD_BAD_LENGTH;
	memset(&id, 0, sizeof(id));
	if (n == 18) {
		for (i = 0; i < 17; i++)
			if (!is_digit(s[i]))
				return IDCARD_BAD_CHAR;
		if (!is_digit(s[17]) && s[17] != 'X' && s[17] != 'x')
			return IDCARD_BAD_CHAR;
		memcpy(id.number, s, 17);
		/* legal-rules §7.1: accept a lower-case x, store X */
		id.number[17] = s[17] == 'x' ? 'X' : s[17];
	} else {
		/* legacy 15 digits: 6 address + YYMMDD (19YY) + 3 sequence,
		 * no check character (legal-rules §7.1) */
		for (i = 0; i < 15; i++)
			if (!is_digit(s[i]))
				return IDCARD_BAD_CHAR;
		memcpy(id.number, s, 6);
		id.number[6] = '1';
		id.number[7] = '9';
		memcpy(id.number + 8, s + 6, 9);
		id.number[17] = idcard_check_char(id.number);
		id.legacy15 = 1;
	}
	id.number[18] = '\0';

	id.province = num(id.number, 2);
	if (!province_valid(id.province))
		return IDCARD_BAD_PROVINCE;

	y = num(id.number + 6, 4);
	m = num(id.number + 10, 2);
	d = num(id.number + 12, 2);
	if (y < IDCARD_BIRTH_YEAR_MIN || !date_valid(y, m, d))
		return IDCARD_BAD_DATE;
	if (today_ymd > 0 && y * 10000 + m * 100 + d > today_ymd)
		return IDCARD_BAD_DATE;

	if (!id.legacy15 && idcard_check_char(id.number) != id.number[17])
		return IDCARD_BAD_CHECK;

	id.birth_year = y;
	id.birth_month = m;
	id.birth_day = d;
	/* GB 11643-1999: sequence number (positions 15-17) odd = male */
	id.male = (id.number[16] - '0') % 2;
	if (out)
		*out = id;
	return IDCARD_OK;
}

const char *idcard_result_message(enum idcard_result r)
{
	switch (r) {
	case IDCARD_OK:
		return "身份证号码有效";
	case IDCARD_BAD_LENGTH:
		return "身份证号码应为18位（或旧式15位）";
	case IDCARD_BAD_CHAR:
		return "身份证号码只能包含数字，末位可为X";
	case IDCARD_BAD_PROVINCE:
		return "身份证号码前两位不是有效的省级行政区划代码";
	case IDCARD_BAD_DATE:
		return "身份证号码中的出生日期无效";
	case IDCARD_BAD_CHECK:
		return "身份证号码校验位错误";
	}
	return "身份证号码无效";
}

int idcard_age_on(int birth_y, int birth_m, int birth_d, int y, int m, int d)
{
	int bm = birth_m, bd = birth_d, age;

	if (y < birth_y || (y == birth_y && (m < birth_m ||
					      (m == birth_m && d < birth_d))))
		return -1;
	/* A 29 February birthday falls on 1 March in a common year. */
	if (bm == 2 && bd == 29 && !date_valid(y, 2, 29)) {
		bm = 3;
		bd = 1;
	}
	/* 周岁 is reached on the day AFTER the birthday (最高法 2006 未成年人刑事
	 * 案件解释 Art 2; legal-rules §0.4): on the birthday itself the person
	 * is still one year younger. */
	age = y - birth_y;
	if (m < bm || (m == bm && d <= bd))
		age--;
	return age < 0 ? 0 : age;
}

void idcard_mask(const char *number, char out[19])
{
	size_t n = number ? strnlen(number, 18) : 0, i;

	/* PII-1: lists show the first 6 and last 4 characters only */
	if (n < 10) {
		for (i = 0; i < n; i++)
			out[i] = '*';
		out[n] = '\0';
		return;
	}
	for (i = 0; i < n; i++)
		out[i] = (i < 6 || i >= n - 4) ? number[i] : '*';
	out[n] = '\0';
}
