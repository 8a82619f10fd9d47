/* residence.h — the dates of a 居住证 (居住证暂行条例 2016 = JZZ): the
 * half-year of residence before an application (COM-RESCARD, JZZ Art 2),
 * the issue deadline (COM-RESCARD-ISSUE, Art 9) and the yearly 签注 window
 * (COM-RESCARD-ENDORSE, Art 10). Days are local day numbers (days since
 * 1970-01-01, rules/date.h). Pure: no I/O, no allocation. */
#ifndef PS_RULES_RESIDENCE_H
#define PS_RULES_RESIDENCE_H

#include <stdint.h>

/* 1 when a person whose 居住登记 is dated registered has lived here for the
 * COM-RESCARD half-year (its value in months) on day on: on is on or after
 * registered + 6 months. */
int residence_half_year_met(int64_t registered, int64_t on);

/* The last day to issue a card accepted on day accepted with a period of
 * days (COM-RESCARD-ISSUE: the day of acceptance not counted). */
int64_t residence_issue_last_day(int64_t accepted, int days);

/* The 签注 window of the year after from (COM-RESCARD-ENDORSE): *due = the
 * day a full year of residence counted from `from` is reached, *opens = the
 * first day of the month before it. */
void residence_endorse_window(int64_t from, int64_t *opens, int64_t *due);

enum residence_endorse_state {
	ENDORSE_NOT_DUE = 0, /* before the window */
	ENDORSE_DUE,         /* within the window, up to and including the due day */
	ENDORSE_OVERDUE,     /* after the due day: the card's functions stop */
};

/* Where day today stands against the window [opens, due]. */
enum residence_endorse_state residence_endorse_state(int64_t opens, int64_t due, int64_t today);

#endif
