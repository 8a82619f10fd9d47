/* holidays.h — the holiday calendar as data: the State Council schedule
 * shipped for 2025 and 2026, and an admin adds further years (issue 4). */
#ifndef PS_DOMAIN_HOLIDAYS_H
#define PS_DOMAIN_HOLIDAYS_H

#include <jansson.h>

#include "domain/ctx.h"

/* Entries of a year (0 = all): {"items":[{"day","kind","name"}]}. */
int holidays_list(struct ctx *c, int year, json_t **out);

/* Add or change one day (admin; audited). kind: holiday | workday. */
int holidays_put(struct ctx *c, const char *day, const char *kind, const char *name, json_t **out);

#endif
