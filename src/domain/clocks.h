/* clocks.h — every legal clock that is running, computed from the records
 * at the moment of asking (issue 4): coercive measures and their
 * milestones, case limits, delivery, property hand-over, archiving. The
 * sweep records each BREACH once (a permanent 执法监督 record). */
#ifndef PS_DOMAIN_CLOCKS_H
#define PS_DOMAIN_CLOCKS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"
#include "rules/clock.h"

enum clock_scope {
	SCOPE_MINE,     /* cases where I am a case officer */
	SCOPE_UNIT,     /* my unit and below (a station chief's board) */
	SCOPE_ALL,      /* everything (the sweep) */
};

/* The running clocks at ctx->now as a JSON array, most urgent first. Each:
 * {"key","rule","label","case_id","case_no","measure_id","person","unit_id",
 *  "unit_name","start","deadline","unit","level","level_label","act"}.
 * min_level filters (LEVEL_OK lists all). */
int clocks_collect(struct ctx *c, enum clock_scope scope, enum warn_level min_level,
		   json_t **out);

/* The holiday calendar from the database (arena memory). */
int clocks_calendar(struct ctx *c, struct calendar *cal);

/* The warning thresholds from the settings. */
void clocks_policy(struct ctx *c, struct warn_policy *p);

/* Record every BREACH that has no breach row yet (audited). *recorded gets
 * the count. Runs in the caller's write transaction. */
int clocks_sweep(struct ctx *c, int *recorded);

/* The same in two steps, so that the county-wide scan needs no write lock:
 * the BREACHes without a breach row (a new JSON array; a read), then
 * recording them (the caller's write transaction; one recorded meanwhile
 * is left as it is). */
int clocks_sweep_due(struct ctx *c, json_t **due);
int clocks_sweep_record(struct ctx *c, json_t *due, int *recorded);

/* The ADM-CASE-30D deadline of an admin case now (0 when it has none). */
int clocks_case_limit(struct ctx *c, int64_t case_id, int64_t *deadline);

/* 1 when a BREACH (recorded or not) that is not answered stands on the
 * party's measures in this case; *rule / *label name it. For blocking
 * further questioning after the period ran out. */
int clocks_party_blocked(struct ctx *c, int64_t case_id, int64_t party_id, const char **rule,
			 const char **label);

#endif
