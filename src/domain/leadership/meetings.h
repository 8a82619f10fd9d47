/* meetings.h — 局长调度分析会 (issue 17). */
#ifndef PS_DOMAIN_MEETINGS_H
#define PS_DOMAIN_MEETINGS_H

#include <jansson.h>

#include "domain/ctx.h"

/* in: {held_on, title, attendees, period_from, period_to, commendations?,
 * criticisms?, decisions?:[text], answers?:[{station_id, chief_name, answer}],
 * tasks?:[{station_id, content, deadline}], follow_ups?:[{decision_id, text}]}.
 * The bureau's leaders only. The snapshot (the ranking of the period and of
 * the period before, each station against its own previous period, the 研判
 * weekly brief) is frozen into the record. {"meeting":{…}} */
int meetings_create(struct ctx *c, json_t *in, json_t **out);

/* {"items":[{id, held_on, title, period_from, period_to}]} newest first */
int meetings_list(struct ctx *c, json_t **out);

/* {"meeting":{…, "snapshot", "answers", "decisions", "tasks",
 *  "previous":{id, held_on, "decisions":[…with follow_up], "tasks":[…with status]}}} */
int meetings_get(struct ctx *c, int64_t id, json_t **out);

#endif
