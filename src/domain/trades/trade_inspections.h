/* trade_inspections.h — an inspection of a 特种行业 or 内部单位 by its kind's
 * checklist, with its findings (COM-KEYUNIT-CHECK). */
#ifndef PS_DOMAIN_TRADE_INSPECTIONS_H
#define PS_DOMAIN_TRADE_INSPECTIONS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* Record an inspection of unit_id on inspected_on (not in the future) by
 * the actor. items: [{"item","ok"}] covering every item of the kind's
 * checklist and nothing else; findings: [{"description","deadline",
 * "offence_code"?,"kind"?}] with a deadline after the inspection, an offence
 * code of the table (when given) and a kind (enum trade_finding_kind) that
 * fits the unit — a kind without a code proposes its own (COM-HOTEL-PEN,
 * COM-SCRAP-PEN); an item marked not ok needs a finding. A hotel's
 * inspection needs id_shown (COM-HOTEL-POLICE); co_officer_id (0 = none) is
 * a sworn officer of the unit's station. Answers the unit as trades_get
 * does; on failure nothing is written. */
int trade_inspections_create(struct ctx *c, int64_t unit_id, const char *inspected_on, json_t *items,
			     const char *notes, json_t *findings, int id_shown, int64_t co_officer_id, json_t **out);

/* Correct the police side of inspection id (trade.inspect in its unit's
 * scope): id_shown (-1 = unchanged), co_officer_id (-1 = unchanged, 0 =
 * none) and notes (NULL = unchanged). COM-HOTEL-POLICE is checked on the
 * result as on the record (409, nothing written). Answers the unit as
 * trades_get does. Audited. */
int trade_inspections_update(struct ctx *c, int64_t id, int id_shown, int64_t co_officer_id, const char *notes,
			     json_t **out);

#endif
