/* clock.h — legal clocks: when a period ends and how close it is
 * (legal-rules §0.3 warning levels, §0.4 counting time). Pure: the holiday
 * calendar and the thresholds are handed in.
 *
 * Counting (§0.4; XZCX Art 35): hour periods run continuously from the
 * start instant; day and month periods do not count the starting day and
 * end at 24:00 local time of the last day; a last day that is not a working
 * day moves to the next working day — except while the person's liberty is
 * restricted, when the period ends on the calendar day. */
#ifndef PS_RULES_CLOCK_H
#define PS_RULES_CLOCK_H

#include <stdint.h>

#include "rules/date.h"

/* CLOCK_WORKDAYS: only working days count (XZCF Art 85: its 2/3/5/7-day
 * periods; XZQZ Art 69: periods of up to 10 days) — the period ends at 24:00
 * of the amount-th working day after the starting day. */
enum clock_unit { CLOCK_HOURS, CLOCK_DAYS, CLOCK_MONTHS, CLOCK_WORKDAYS };

enum warn_level { LEVEL_OK = 0, LEVEL_WARN, LEVEL_URGENT, LEVEL_BREACH };

/* The thresholds (settings; defaults are §0.3's design suggestion [U]). */
struct warn_policy {
	int warn_pct;        /* 75: WARN once this share of the period elapsed */
	int urgent_pct;      /* 90 */
	int warn_days_left;  /* 7: day/month periods also WARN with this many days left */
	int urgent_days_left;/* 3 */
	int short_hours;     /* 8: hour periods up to this length also WARN at … */
	int short_warn_mins; /* 60: … this many minutes before the end */
};

/* The default policy of §0.3. */
void clock_policy_default(struct warn_policy *p);

/* The end (exclusive, epoch seconds) of a period of amount units that
 * starts at start. cal may be NULL (no holidays: weekends only). amount ≤ 0
 * gives start. */
int64_t clock_deadline(const struct calendar *cal, int64_t start, enum clock_unit unit,
		       int amount, int liberty_restricted);

/* The level at now of a period [start, end) measured in unit: BREACH at or
 * after end; URGENT / WARN by share elapsed or time left per the policy. */
enum warn_level clock_level(const struct warn_policy *p, int64_t start, int64_t end,
			    enum clock_unit unit, int64_t now);

/* The instants at which WARN and URGENT begin for [start, end). */
int64_t clock_warn_at(const struct warn_policy *p, int64_t start, int64_t end,
		      enum clock_unit unit);
int64_t clock_urgent_at(const struct warn_policy *p, int64_t start, int64_t end,
			enum clock_unit unit);

/* "WARN" / "URGENT" / "BREACH" / "OK" and the Chinese 预警 / 紧急 / 超期 / 正常. */
const char *clock_level_code(enum warn_level l);
const char *clock_level_label(enum warn_level l);

#endif
