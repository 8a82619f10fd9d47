/* analysis.h — 研判 (issue 17): the morning page — a day's incidents against
 * the same weekday of the four weeks before, by type, station, place and
 * hour; what stands out (above mean + k·sd of those four days, k the setting
 * analysis.k_tenths / 10: PAT-ANALYSIS-RANGE); the open 预警; the analyst's
 * note. The weekly brief: seven days against the seven before. */
#ifndef PS_DOMAIN_ANALYSIS_H
#define PS_DOMAIN_ANALYSIS_H

#include <jansson.h>

#include "domain/ctx.h"

/* ymd NULL: yesterday. {"date","rule","by_type":[{code,name,n,weeks:[4],mean,sd,high}],
 * "by_station":[…],"by_place":[…],"by_hour":[24 × {hour,n,mean}],"by_grid":[…] (网格: the
 * grid of the incident's 社区; k 0 未对应网格, never a standout),"standouts":[…],
 * "warnings":[…],"note":{text,user_name,updated_at}|null} */
int analysis_morning(struct ctx *c, const char *ymd, json_t **out);

/* Save (replace) the actor's unit's note of day ymd. */
int analysis_note_save(struct ctx *c, const char *ymd, const char *text, json_t **out);

/* The 7 days ending ymd (NULL: yesterday) against the 7 before:
 * {"from","to","by_type":[{code,name,n,prev}],"by_station":[…],"by_place":[…],"by_grid":[…],
 * "total","prev_total"} */
int analysis_weekly(struct ctx *c, const char *ymd, json_t **out);

#endif
