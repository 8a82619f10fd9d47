/* patrol_scores.h — 巡逻考评 (PAT-SCORE): per team and period (每周一评,
 * 每月一结, 年终汇总) the incidents in its area during its slots (fewer is
 * better, against the previous period), arrests in the act, hours
 * patrolled and plan slots covered, weighted by settings, ranked (ties
 * share a rank); the rewards given; the Monday 碰头会 notes of the week. */
#ifndef PS_DOMAIN_PATROL_SCORES_H
#define PS_DOMAIN_PATROL_SCORES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* period: week | month | year; date (YYYY-MM-DD, NULL = today) picks the
 * period holding it: {"station_id","period","start","end"(exclusive),
 * "prev_start","weights":{…},"items":[{team_id, team_name, kind,
 * incidents, prev_incidents, arrests, minutes, slots_planned,
 * slots_covered, score, rank, suggestion}],"rewards":[…],
 * "meeting":{week_start, notes, …}|null (week only)}. */
int patrol_scores_get(struct ctx *c, int64_t unit_id, const char *period, const char *date, json_t **out);

struct patrol_reward_input {
	int64_t team_id;
	const char *period, *date, *reward;
};

/* Record the reward (or admonition) given to a team for a period. */
int patrol_scores_reward(struct ctx *c, const struct patrol_reward_input *in, json_t **out);

/* Keep the 碰头会 notes of the week holding date (NULL: this week) of the
 * actor's station: {"meeting":{…}}. */
int patrol_scores_notes(struct ctx *c, const char *date, const char *notes, json_t **out);

#endif
