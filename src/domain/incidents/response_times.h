/* response_times.h — dispatch to arrival, per station (PAT-110-ARRIVAL). */
#ifndef PS_DOMAIN_RESPONSE_TIMES_H
#define PS_DOMAIN_RESPONSE_TIMES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* The minutes within which a dispatch to station_id should arrive: the
 * station's urban or suburban target (settings incident.suburban,
 * incident.arrival_urban_minutes, incident.arrival_suburban_minutes). */
int64_t response_times_arrival_minutes(struct ctx *c, int64_t station_id);

/* 出警 figures of the statistics (reports_stats): per station the incidents
 * dispatched, officers and vehicles sent, arrived, arrived late; into
 * res.responders. like: the scope; station 0: all; [from, to) received. */
int response_times_figures(struct ctx *c, const char *like, int64_t station, int64_t from,
			   int64_t to, json_t *res);

#endif
