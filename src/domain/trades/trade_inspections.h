/* trade_inspections.h — an inspection of a 特种行业 or 内部单位 by its kind's
 * checklist, with its findings (COM-KEYUNIT-CHECK). */
#ifndef PS_DOMAIN_TRADE_INSPECTIONS_H
#define PS_DOMAIN_TRADE_INSPECTIONS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* Record an inspection of unit_id on inspected_on (not in the future).
 * items: [{"item","ok"}] covering every item of the kind's checklist and
 * nothing else; findings: [{"description","deadline","offence_code"?}] with
 * a deadline after the inspection and an offence code of the table (when
 * given); an item marked not ok needs a finding. Answers the unit as
 * trades_get does. */
int trade_inspections_create(struct ctx *c, int64_t unit_id, const char *inspected_on, json_t *items,
			     const char *notes, json_t *findings, json_t **out);

#endif
