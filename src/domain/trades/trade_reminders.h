/* trade_reminders.h — reminders on the register of special trades and
 * internal units (issue 16 gaps): a licence nearing its expiry
 * (COM-TRADE-LICENCE, setting trade.licence_warn_days) and a key unit's
 * emergency plan not drilled within the county's period (COM-KEYUNIT-SETUP,
 * NBZA Art 15; setting trade.drill_months). Both are clocks on the 预警
 * board and rows of the today page; a drill is recorded on the unit. */
#ifndef PS_DOMAIN_TRADE_REMINDERS_H
#define PS_DOMAIN_TRADE_REMINDERS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/clocks/clocks.h"
#include "domain/ctx.h"

/* Record the unit's emergency plan date (plan_on, may be NULL) and its
 * drill on drilled_on (trade.inspect); answers the unit (trades_get). */
int trade_reminders_drill(struct ctx *c, int64_t unit_id, const char *plan_on, const char *drilled_on,
			  json_t **out);

int trade_reminders_clocks(struct clock_sink *k, enum clock_scope s);
int trade_reminders_today(struct ctx *c, json_t *items);

#endif
