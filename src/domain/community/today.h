/* today.h — the beat officer's "today" page (issue 16, on a phone): the
 * week's household visits against the target, key persons due or overdue
 * in his beats, sweeps in progress, and what other modules add through
 * today_sources (inspections due, …). */
#ifndef PS_DOMAIN_TODAY_H
#define PS_DOMAIN_TODAY_H

#include <jansson.h>

#include "domain/ctx.h"

/* A module that puts work on the today page: it appends to items objects
 * {"kind","label","detail","due_on","route"} of the actor's work due
 * today or overdue. One row per module in its area's today.def
 * (src/domain/<area>/today.def, collected into today.c's today_sources). */
typedef int (*today_source_fn)(struct ctx *c, json_t *items);
struct today_source {
	const char *name;
	today_source_fn collect;
};
extern const struct today_source today_sources[]; /* NULL-name terminated */

/* {"date","visits":{done,target,due,suggest:[…]},"contacts":[…],
 *  "sweeps":[…],"items":[…]} — the contacts' read is audited. */
int today_get(struct ctx *c, json_t **out);

#endif
