/* reports.h — 警务动态日报 (the daily per-station report and ranking) and
 * 统计分析 (incidents by category, hour, weekday, station; hot spots). The
 * figures come from the records the stations work on (issue 5). */
#ifndef PS_DOMAIN_REPORTS_H
#define PS_DOMAIN_REPORTS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* The report of the local day y-m-d: {"date","rows":[per station, ranked],
 * "totals":{…},"weights":{…}}. Supervisors, dispatchers and chiefs. */
int reports_daily(struct ctx *c, int y, int m, int d, json_t **out);

/* Statistics over [from, to) for the user's scope (station_id narrows it). */
int reports_stats(struct ctx *c, int64_t from, int64_t to, int64_t station_id, json_t **out);

#endif
