/* unfiled_incidents.h — 有警无案 for the 督察 (issue 17, part 3). */
#ifndef PS_DOMAIN_UNFILED_INCIDENTS_H
#define PS_DOMAIN_UNFILED_INCIDENTS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"
#include "domain/clocks/clocks.h"

struct unfiled_filter {
	int64_t station_id;     /* 0: the whole scope */
	int64_t from, to;       /* received_at in [from, to); 0: open */
	const char *category;   /* a category or its top level ('02'); NULL: any */
};

/* Incidents that should have become cases and did not: a category that is
 * a violation or crime by nature, or a feedback saying 违法犯罪 (a case
 * outcome), no case linked, received more than incident.unfiled_hours ago
 * (PROC-ACCEPT-REG); newest first, with the open 督办 of each; audited. */
int unfiled_incidents_list(struct ctx *c, const struct unfiled_filter *f, json_t **out);

/* The clock source of 有警无案 (incidents/clocks.def): one clock per such
 * incident, from its receipt for incident.unfiled_hours. */
int unfiled_incidents_clocks(struct clock_sink *k, enum clock_scope s);

#endif
