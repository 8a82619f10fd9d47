/* trade_changes.h — the business-registration changes of a special trade
 * and their filing with the police (issue 16 gaps): a hotel's closing,
 * change of trade, merger, move or new name, filed within 3 days
 * (COM-HOTEL-CHANGE, LG Art 4 ¶2); a scrap buyer's business licence and
 * each change, filed within 15 days (COM-SCRAP-FILE, FJS Art 4). One table
 * for every kind of unit; the period of each is the catalog's
 * (rules/trade_rules.h), counted from the change (its day not counted). A
 * change not filed by its last day is a clock on the 预警 board and a row of
 * the today page; one filed after it is marked filed_late. */
#ifndef PS_DOMAIN_TRADE_CHANGES_H
#define PS_DOMAIN_TRADE_CHANGES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/clocks/clocks.h"
#include "domain/ctx.h"

/* Record a change of kind (enum trade_change_kind) made on changed_on at
 * unit_id (trade.create in the unit's scope), filed with the police on
 * filed_on (NULL = not yet). Refused (400) when the law sets no filing for
 * this kind at this unit, or a date is malformed, in the future, or the
 * filing precedes the change. Answers {"change": the new row, "changes":
 * the unit's (trade_changes_of_unit)}. Audited; on failure nothing is
 * written. */
int trade_changes_create(struct ctx *c, int64_t unit_id, const char *kind, const char *changed_on,
			 const char *filed_on, const char *notes, json_t **out);

/* Record that change_id of unit_id was filed with the police on filed_on
 * (trade.create). 409 ALREADY_FILED when it was. Answers like create. */
int trade_changes_file(struct ctx *c, int64_t unit_id, int64_t change_id, const char *filed_on, json_t **out);

/* The changes of one unit, newest first, each with kind_label, rule,
 * due_on (the last day), overdue and filed_late (no check, no audit: the
 * caller's). */
int trade_changes_of_unit(struct ctx *c, int64_t unit_id, json_t **out);

/* Clock source: every change not yet filed, until the end of its last day. */
int trade_changes_clocks(struct clock_sink *k, enum clock_scope s);

/* Today rows (kind "trade_change"): the changes of the actor's scope not
 * yet filed. Nothing for one who may not record them. */
int trade_changes_today(struct ctx *c, json_t *items);

#endif
