/* trade_closures.h — closing a unit of the trade register (注销, 歇业). */
#ifndef PS_DOMAIN_TRADE_CLOSURES_H
#define PS_DOMAIN_TRADE_CLOSURES_H

#include <stdint.h>

#include "domain/ctx.h"

/* Close unit id on closed_on (YYYY-MM-DD, not after today) for reason,
 * audited trade.close: it leaves the inspection cycle, its reminders, the
 * list and the ledgers. PS_EINVAL (field closed_on / close_reason), 409
 * TRADE_CLOSED when it was closed. In the caller's transaction, after the
 * caller's permission check. */
int trade_closures_close(struct ctx *c, int64_t id, const char *closed_on, const char *reason);

#endif
