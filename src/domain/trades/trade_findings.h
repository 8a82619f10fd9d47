/* trade_findings.h — findings of an inspection: the 整改通知书's deadline,
 * the re-inspection, and the list of findings still open (COM-KEYUNIT-CHECK,
 * NBZA Art 16: a hazard is ordered fixed within a deadline). */
#ifndef PS_DOMAIN_TRADE_FINDINGS_H
#define PS_DOMAIN_TRADE_FINDINGS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/clocks/clocks.h"
#include "domain/ctx.h"

/* The findings of one unit (no check, no audit: the caller's). */
int trade_findings_of_unit(struct ctx *c, int64_t unit_id, json_t **out);

/* Findings of the actor's scope: open_only keeps the unrectified,
 * overdue_only those past their deadline, escalation_only the internal
 * units' past their deadline (COM-KEYUNIT-PEN, NBZA Art 19). Each has
 * "overdue", "rule", "escalation_due" and "escalation" (the fines of
 * Art 19 from the catalog, or null). Audited. */
int trade_findings_list(struct ctx *c, int open_only, int overdue_only, int escalation_only, json_t **out);

/* Re-inspection (复查) on checked_on: rectified closes the finding; else
 * the finding stays open, with new_deadline (may be NULL) as its deadline. */
int trade_findings_recheck(struct ctx *c, int64_t id, const char *checked_on, int rectified,
			   const char *notes, const char *new_deadline, json_t **out);

/* Clock source: every open finding until its deadline (COM-KEYUNIT-CHECK). */
int trade_findings_clocks(struct clock_sink *k, enum clock_scope s);

#endif
