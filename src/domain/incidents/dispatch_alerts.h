/* dispatch_alerts.h — a new 指令 at the station and the escalation of an
 * unacknowledged dispatch (issue 17, PAT-110-FIRST). */
#ifndef PS_DOMAIN_DISPATCH_ALERTS_H
#define PS_DOMAIN_DISPATCH_ALERTS_H

#include <jansson.h>

#include "domain/ctx.h"
#include "domain/clocks/clocks.h"

/* The station's unacknowledged dispatches (station staff), or the escalated
 * ones of the scope (the desk, supervisors, leaders): numbers, category and
 * times only — polled every second by the board, so no personal data. Also
 * "sound" (the station's incident.alert_sound) and "escalate_minutes". */
int dispatch_alerts_list(struct ctx *c, json_t **out);

/* Clock source: every dispatch not acknowledged runs to dispatched_at + the
 * escalation minutes (预警 board). */
int dispatch_alerts_clocks(struct clock_sink *k, enum clock_scope s);

/* Today source: the new 指令 of the user's station waiting for 签收. */
int dispatch_alerts_today(struct ctx *c, json_t *items);

#endif
