/* date.c — civil dates in the display zone and the holiday calendar
 * (legal-rules §0.4: periods counted in local calendar days; a last day on a
 * holiday moves to the next working day, XZCX Art 35). */
#include "rules/date.h"

#include "core/clock.h"

#include <string.h>

#define SECONDS_PER_DAY 86400

/* Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms":
 * days_from_civil. Eras of 400 years (146097 days) starting on 1 March, so
 * that the leap day is the last day of the shifted year. */
int64_t date_days_from_civil(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;                            /* [0, 399] */
	int64_t mp = m > 2 ? m - 3 : m + 9;                      /* [0, 11] */
	int64_t doy = (153 * mp + 2) / 5 + d - 1;                /* [0, 365] */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;     /* [0, 146096] */

	return era * 146097 + doe - 719468;
}

/* Hinnant's civil_from_days, the inverse of the above. */
void date_civil_from_days(int64_t days, int *y, int *m, int *d)
{
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;                                 /* [0, 146096] */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);          /* [0, 365] */
	int64_t mp = (5 * doy + 2) / 153;                               /* [0, 11] */
	int64_t dd = doy - (153 * mp + 2) / 5 + 1;                      /* [1, 31] */
	int64_t mm = mp < 10 ? mp + 3 : mp - 9;                         /* [1, 12] */
	int64_t yy = yoe + era * 400 + (mm <= 2);

	*y = (int)yy;
	*m = (int)mm;
	*d = (int)dd;
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_valid(int y, int m, int d)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30,
				       31, 31, 30, 31, 30, 31 };
	int last;

	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX || m < 1 || m > 12 || d < 1)
		return 0;
	last = mdays[m - 1] + (m == 2 && is_leap(y));
	return d <= last;
}

int64_t date_local_midnight(int64_t days)
{
	return days * 86400 - 8 * 3600;
}

int64_t date_add_months(int64_t days, int n)
{
	int y, m, d, dim;
	int64_t months;

	date_civil_from_days(days, &y, &m, &d);
	months = (int64_t)y * 12 + (m - 1) + n;
	y = (int)(months / 12);
	m = (int)(months % 12) + 1;
	/* clamp to the month's last day */
	for (dim = 31; dim > 28 && !date_valid(y, m, dim); dim--)
		;
	if (d > dim)
		d = dim;
	return date_days_from_civil(y, m, d);
}

static int digits(const char *s, size_t n, int *out)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse(const char *s, size_t n, int *y, int *m, int *d)
{
	int yy, mm, dd;

	if (!s || n != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if (digits(s, 4, &yy) || digits(s + 5, 2, &mm) || digits(s + 8, 2, &dd))
		return -1;
	if (!date_valid(yy, mm, dd))
		return -1;
	*y = yy;
	*m = mm;
	*d = dd;
	return 0;
}

int date_time_parse(const char *s, size_t n, int64_t *epoch)
{
	int y, m, d, hh, mm, ss = 0;
	const char *t;
	size_t tn;

	if (!s)
		return -1;
	if (n == 12 || n == 14) { /* YYYYMMDDHHMM[SS] */
		if (digits(s, 4, &y) || digits(s + 4, 2, &m) || digits(s + 6, 2, &d) || digits(s + 8, 2, &hh) ||
		    digits(s + 10, 2, &mm) || (n == 14 && digits(s + 12, 2, &ss)))
			return -1;
	} else {
		if (n < 16 || (s[4] != '-' && s[4] != '/') || s[7] != s[4] || (s[10] != ' ' && s[10] != 'T'))
			return -1;
		if (digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d))
			return -1;
		t = s + 11;
		tn = n - 11;
		if ((tn != 5 && tn != 8) || t[2] != ':' || (tn == 8 && t[5] != ':'))
			return -1;
		if (digits(t, 2, &hh) || digits(t + 3, 2, &mm) || (tn == 8 && digits(t + 6, 2, &ss)))
			return -1;
	}
	if (!date_valid(y, m, d) || hh > 23 || mm > 59 || ss > 59)
		return -1;
	*epoch = date_local_midnight(date_days_from_civil(y, m, d)) + hh * 3600 + mm * 60 + ss;
	return 0;
}

/* Floor division, so that instants before 1970 land on the right day. */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

int64_t date_local_days(int64_t epoch_s)
{
	/* Asia/Shanghai is UTC+8 all year (no DST since 1991). */
	return floor_div(epoch_s + PS_DISPLAY_TZ_OFFSET, SECONDS_PER_DAY);
}

int date_weekday(int64_t days)
{
	/* Day 0 (1970-01-01) was a Thursday, i.e. 3 with Monday = 0. */
	int64_t r = (days % 7 + 7) % 7;

	return (int)((r + 3) % 7);
}

static const struct holiday_day *calendar_find(const struct calendar *cal,
					       int64_t days)
{
	size_t lo = 0, hi;

	if (!cal || !cal->days)
		return NULL;
	hi = cal->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cal->days[mid].days == days)
			return &cal->days[mid];
		if (cal->days[mid].days < days)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int calendar_is_workday(const struct calendar *cal, int64_t days)
{
	const struct holiday_day *h = calendar_find(cal, days);

	if (h)
		return h->workday != 0;
	return date_weekday(days) < 5;
}

int64_t calendar_next_workday(const struct calendar *cal, int64_t days)
{
	/* Terminates: the calendar is finite, and past its last entry every
	 * Monday is a working day. */
	while (!calendar_is_workday(cal, days))
		days++;
	return days;
}

int date_valid_str(const char *s)
{
	int y, m, d;

	return s && !date_parse(s, strlen(s), &y, &m, &d);
}
