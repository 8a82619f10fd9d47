/* seed.h — a new database: the schema, the holiday calendar, the first
 * administrator, and (with demo) the demo county of the README. */
#ifndef PS_DOMAIN_SEED_H
#define PS_DOMAIN_SEED_H

#include "domain/ctx.h"

#define DEMO_PASSWORD "Precinct-Demo-2026"

/* Initialise an empty, migrated database in one transaction (the caller
 * opens and commits it). Without demo: the county bureau unit named
 * bureau_name and the account "admin" with a generated one-time password
 * written to otp (must be changed at first login). With demo: the demo
 * county; otp is left empty. PS_ECONFLICT when the database already holds
 * accounts. */
int seed_init(struct ctx *c, int demo, const char *bureau_name,
	      char otp[32]);

/* A step of the demo county: each src/seed/seed_<area>.c names its own with
 *     SEED_STEP(order, seed_demo_<area>);
 * above its definition, and the build lists them (cmake/seed_steps.cmake →
 * seed_steps.inc) for seed_init to run by order after the units and
 * accounts. Orders of the demo today: 10 team … 140 leadership; a step that
 * needs another's records takes a larger number. */
#define SEED_STEP(order, fn) int fn(struct ctx *c)







/* "YYYY-MM-DD" of the day back days before today (Beijing), in c's arena:
 * the demo's dates, relative to the day the demo is made. */
const char *seed_day(struct ctx *c, int64_t back);

/* A person registered through the registry (kind resident / temporary /
 * floating, at address_id or none): a random name and phone from *s, an ID
 * number of the 6-digit area code with the next sequence *seq; 0 and *rc
 * set on failure (seed_population.c). */
int64_t seed_person(struct ctx *c, uint64_t *s, int *seq, const char *area, const char *kind, int64_t address_id,
		    int *rc);

/* Load (or refresh) the holiday calendar from the CSV text (date,kind,name
 * lines; '#' comments and the header skipped). */
int seed_holidays(struct ctx *c, const char *csv, size_t len);



#endif
