/* reports.h — 警务动态日报 (the daily per-station report and ranking) and
 * 统计分析 (incidents by category, hour, weekday, station; hot spots). The
 * figures come from the records the stations work on (issue 5). */
#ifndef PS_DOMAIN_REPORTS_H
#define PS_DOMAIN_REPORTS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* The ranking of the local day y-m-d on the bureau's indicators (PAT-IND-*):
 * {"date","period":"day","rows":[per station of the actor's 县局, ranked,
 * ties sharing a rank],"totals","weights","frozen_at","corrections",
 * "own_rank"}. A past day is frozen by its first read (daily_ranking) and
 * shows those figures; a station whose records changed since carries
 * "corrections" {key:{frozen,current}} and "corrected_score". */
int reports_daily(struct ctx *c, int y, int m, int d, json_t **out);

/* Month (m 1..12) or year (m 0) totals ranked the same way: the sum of the
 * days as frozen. */
int reports_period(struct ctx *c, int y, int m, json_t **out);

/* The same over local days [first, last) (at most 400), without the role
 * check or audit (the caller's: 调度会 snapshots). */
int reports_range(struct ctx *c, int64_t first, int64_t last, json_t **out);

/* Statistics over [from, to) for the user's scope (station_id narrows it). */
int reports_stats(struct ctx *c, int64_t from, int64_t to, int64_t station_id, json_t **out);

#endif
