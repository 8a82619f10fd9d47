/* catalog.h — the rule catalog: one row per rule (and per law version where
 * the figure changed), written once in rules/catalog.def. Domain code names
 * rows by enum rule_id and reads periods and amounts from here; no legal
 * figure is written anywhere else (tests/lint/catalog.sh). Pure: constant
 * tables, no allocation. */
#ifndef PS_RULES_CATALOG_H
#define PS_RULES_CATALOG_H

#include <stdint.h>

#include "rules/clock.h"
#include "rules/date.h"

enum rule_kind { RK_TIME, RK_AMOUNT, RK_AGE, RK_PROCEDURE, RK_COMPETENCE, RK_SECURITY, RK_PRACTICE };
enum rule_unit {
	RU_NONE, RU_HOURS, RU_DAYS, RU_WORKDAYS, RU_MONTHS, RU_YEARS, RU_YUAN, RU_AGE, RU_PERSONS, RU_TIMES
};
enum rule_status { RS_ENFORCED, RS_WARN, RS_NOT };

#define RF_LIBERTY 1 /* no holiday move while liberty is restricted */
#define RF_SETTING 2 /* the figure is a setting's default */

#define RULE_VALUES 4

enum rule_id {
#define RULE(name, ...) RULE_##name,
#include "rules/catalog.def"
#undef RULE
	RULE_COUNT
};

struct rule {
	enum rule_id id;
	const char *code;      /* "ADM-SUMMON-8H" */
	enum rule_kind kind;
	const char *from, *to; /* in force (YYYY-MM-DD), to NULL = still */
	char ver;              /* 'V' / 'S' / 'U' */
	const char *source;    /* law, version, article */
	int value[RULE_VALUES];
	enum rule_unit unit;
	int flags;
	enum rule_status status;
	const char *test;      /* the test file that proves it, or NULL */
	const char *label;     /* Chinese */
	const char *plain;     /* one sentence for the public */
	const char *note;      /* meaning of the values, why not enforced; may be NULL */
};

/* The row of id. id must be < RULE_COUNT (assert). Cannot fail. */
const struct rule *rule_get(enum rule_id id);

/* Its value i (0 ≤ i < RULE_VALUES). Cannot fail. */
int rule_value(enum rule_id id, int i);

/* The row with this code in force on local day `days` (days since
 * 1970-01-01; use rule_find for "the newest"), NULL when the code is unknown.
 * When no row of the code is in force that day, the nearest one. */
const struct rule *rule_find_on(const char *code, int64_t days);

/* The newest row of code (the one in force today or last), or NULL. */
const struct rule *rule_find(const char *code);

/* The clock unit of a time rule (hours / days / workdays / months). */
enum clock_unit rule_clock_unit(enum rule_id id);

/* The end of rule id's period number i (value i) started at start, counted
 * as the row says (unit, holiday move unless RF_LIBERTY). cal may be NULL.
 * A rule whose value i is 0 gives start. */
int64_t rule_deadline(const struct calendar *cal, enum rule_id id, int i, int64_t start);

/* Codes for the wire: "time", "amount", …; "hours", "days", "workdays", …;
 * "enforced", "warn", "not_enforced". And Chinese labels for each. */
const char *rule_kind_code(enum rule_kind k);
const char *rule_kind_label(enum rule_kind k);
const char *rule_unit_code(enum rule_unit u);
const char *rule_unit_label(enum rule_unit u);
const char *rule_status_code(enum rule_status s);
const char *rule_status_label(enum rule_status s);

#endif
