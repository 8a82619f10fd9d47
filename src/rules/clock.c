#include "rules/clock.h"

void clock_policy_default(struct warn_policy *p)
{
	/* legal-rules §0.3 [U]: WARN 75 % (hour limits ≤ 8 h also at limit −
	 * 1 h; day limits also at 7 days left), URGENT 90 % (or 3 days left) */
	p->warn_pct = 75;
	p->urgent_pct = 90;
	p->warn_days_left = 7;
	p->urgent_days_left = 3;
	p->short_hours = 8;
	p->short_warn_mins = 60;
}

int64_t clock_deadline(const struct calendar *cal, int64_t start, enum clock_unit unit,
		       int amount, int liberty_restricted)
{
	int64_t first, last;

	if (amount <= 0)
		return start;
	if (unit == CLOCK_HOURS)
		return start + (int64_t)amount * 3600;
	/* the starting day is not counted: day n after it is the last day */
	first = date_local_days(start);
	if (unit == CLOCK_WORKDAYS) {
		struct calendar none = { 0, 0 };

		last = first;
		for (int n = 0; n < amount;)
			if (calendar_is_workday(cal ? cal : &none, ++last))
				n++;
		return date_local_midnight(last + 1);
	}
	last = unit == CLOCK_DAYS ? first + amount : date_add_months(first, amount);
	if (!liberty_restricted) {
		struct calendar none = { 0, 0 };

		last = calendar_next_workday(cal ? cal : &none, last);
	}
	return date_local_midnight(last + 1);
}

/* For month periods the thresholds also fall on calendar months: WARN at
 * ceil(amount × pct) months (12 months → 9, CRIM-BAIL-12M), URGENT likewise
 * (→ 11), whichever comes first. 0 when that point is not before the end. */
static int64_t month_point(int64_t start, int64_t end, int pct)
{
	int y, m, d, y2, m2, d2, months, k;
	int64_t first = date_local_days(start), at;

	date_civil_from_days(first, &y, &m, &d);
	date_civil_from_days(date_local_days(end - 1), &y2, &m2, &d2);
	months = (y2 - y) * 12 + (m2 - m);
	if (months <= 0)
		return 0;
	k = (months * pct + 99) / 100;
	if (k >= months)
		return 0;
	at = start + (date_add_months(first, k) - first) * 86400;
	return at < end ? at : 0;
}

int64_t clock_urgent_at(const struct warn_policy *p, int64_t start, int64_t end,
			enum clock_unit unit)
{
	int64_t len = end - start, at = start + len * p->urgent_pct / 100, alt;

	if (unit == CLOCK_MONTHS) {
		alt = month_point(start, end, p->urgent_pct);
		if (alt && alt < at)
			at = alt;
	}
	if (unit != CLOCK_HOURS) {
		alt = end - (int64_t)p->urgent_days_left * 86400;
		if (alt > start && alt < at)
			at = alt;
	}
	return at;
}

int64_t clock_warn_at(const struct warn_policy *p, int64_t start, int64_t end,
		      enum clock_unit unit)
{
	int64_t len = end - start, at = start + len * p->warn_pct / 100, alt;
	int64_t urgent = clock_urgent_at(p, start, end, unit);

	if (unit == CLOCK_HOURS) {
		if (len <= (int64_t)p->short_hours * 3600) {
			alt = end - (int64_t)p->short_warn_mins * 60;
			if (alt > start && alt < at)
				at = alt;
		}
	} else {
		if (unit == CLOCK_MONTHS) {
			alt = month_point(start, end, p->warn_pct);
			if (alt && alt < at)
				at = alt;
		}
		alt = end - (int64_t)p->warn_days_left * 86400;
		if (alt > start && alt < at)
			at = alt;
	}
	/* WARN never begins after URGENT (short day periods) */
	return at < urgent ? at : urgent;
}

enum warn_level clock_level(const struct warn_policy *p, int64_t start, int64_t end,
			    enum clock_unit unit, int64_t now)
{
	if (now >= end)
		return LEVEL_BREACH;
	if (now >= clock_urgent_at(p, start, end, unit))
		return LEVEL_URGENT;
	if (now >= clock_warn_at(p, start, end, unit))
		return LEVEL_WARN;
	return LEVEL_OK;
}

const char *clock_level_code(enum warn_level l)
{
	static const char *const c[] = { "OK", "WARN", "URGENT", "BREACH" };

	return c[l];
}

const char *clock_level_label(enum warn_level l)
{
	static const char *const c[] = { "正常", "预警", "紧急", "超期" };

	return c[l];
}
