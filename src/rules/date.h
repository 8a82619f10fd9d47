/* date.h — civil-date arithmetic in the display zone (Asia/Shanghai, UTC+8,
 * no DST) and the State Council holiday calendar. Pure; the calendar is data
 * handed in by the caller (legal-rules §0.4). */
#ifndef PS_RULES_DATE_H
#define PS_RULES_DATE_H

#include <stddef.h>
#include <stdint.h>

/* Days since 1970-01-01 of the civil date y-m-d (proleptic Gregorian). */
int64_t date_days_from_civil(int y, int m, int d);

/* Inverse of date_days_from_civil. */
void date_civil_from_days(int64_t days, int *y, int *m, int *d);

/* The years date_valid and date_parse accept (4-digit years). */
#define DATE_YEAR_MIN 1
#define DATE_YEAR_MAX 9999

/* 1 when y-m-d is a real calendar date (leap years per the Gregorian rule)
 * with DATE_YEAR_MIN <= y <= DATE_YEAR_MAX, else 0. */
int date_valid(int y, int m, int d);

/* Parse "YYYY-MM-DD" (exactly 10 chars, s need not be NUL-terminated); 0
 * on success, -1 otherwise (also for a date that does not exist, such as
 * 2025-02-29). The outputs are written only on success. */
int date_parse(const char *s, size_t n, int *y, int *m, int *d);

/* Parse a local (UTC+8) date and time as other systems export it into
 * *epoch: "YYYY-MM-DD HH:MM[:SS]" with '-' or '/' between the date's parts
 * and ' ' or 'T' before the time, or the digits alone "YYYYMMDDHHMM[SS]"
 * (the 旅业 systems' export). s need not be NUL-terminated. 0 on success,
 * -1 otherwise (a date or time that does not exist; *epoch untouched). */
int date_time_parse(const char *s, size_t n, int64_t *epoch);

/* 1 when s (NUL-terminated, may be NULL) is a valid YYYY-MM-DD date. */
int date_valid_str(const char *s);

/* Local (UTC+8) civil day number of an epoch instant (floor division, so
 * instants before 1970 work too). */
int64_t date_local_days(int64_t epoch_s);

/* Local (UTC+8) midnight that begins day number days, as epoch seconds:
 * the inverse of date_local_days on the day's first second. */
int64_t date_local_midnight(int64_t days);

/* days + n months (n may be negative), clamped to the month's last day
 * (31 Mar - 1 month = 28/29 Feb). Cannot fail. */
int64_t date_add_months(int64_t days, int n);

/* 0 = Monday … 6 = Sunday for a day number. */
int date_weekday(int64_t days);

/* One entry of the holiday calendar. */
struct holiday_day {
	int64_t days;   /* day number */
	int workday;    /* 1 = 调休上班 (make-up working day), 0 = 放假 */
};

/* The calendar: entries sorted by days (the caller keeps them). */
struct calendar {
	const struct holiday_day *days;
	size_t n;
};

/* 1 when the day is a working day: listed make-up days work, listed
 * holidays rest, otherwise Saturday and Sunday rest. cal may be NULL (no
 * entries); entries must be sorted by days (binary search). */
int calendar_is_workday(const struct calendar *cal, int64_t days);

/* The first working day on or after days. cal may be NULL (no entries). */
int64_t calendar_next_workday(const struct calendar *cal, int64_t days);

#endif
