/* patrol_plans.h — 巡逻计划: a team's area (beat, grid or route text), mode,
 * 着装/便衣, 蹲点守候 points and weekly time slots; the heat map of the last
 * weeks' incidents by grid and hour of the week beside the coverage of the
 * slots, and the proposals of uncovered hot slots (警力跟着警情走,
 * PAT-HOTSPOT). */
#ifndef PS_DOMAIN_PATROL_PLANS_H
#define PS_DOMAIN_PATROL_PLANS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct patrol_slot_input {
	int64_t weekday, grid_id;
	const char *start, *end; /* "HH:MM"; end "24:00" allowed */
	const char *source;      /* "manual" (default) | "proposal" */
};

struct patrol_plan_input {
	int64_t team_id, beat_id, grid_id;
	const char *name, *route, *mode, *dress, *stakeout_points;
	const char *effective_from; /* YYYY-MM-DD the plan holds from; NULL: now */
	json_t *slots;		    /* [{weekday, start, end, grid_id?}] or NULL */
};

/* A change of a plan: a NULL string or an unset has_ flag keeps the value
 * (beat_id/grid_id 0 with the flag set clears it). */
struct patrol_plan_update {
	int64_t team_id, beat_id, grid_id;
	int has_team, has_beat, has_grid, active, has_active;
	const char *name, *route, *mode, *dress, *stakeout_points;
};

/* The plans of a station with their slots and this week's visit times:
 * {"station_id","week_start","visit_minutes","items":[…]}. */
int patrol_plans_list(struct ctx *c, int64_t unit_id, json_t **out);

int patrol_plans_create(struct ctx *c, const struct patrol_plan_input *in, json_t **out);

/* Change plan id from now on: the version that held until now is kept in
 * patrol_plan_version with its interval, so that a past period is scored
 * against the plan as it stood then: {"plan":{…, "versions":[…]}}. */
int patrol_plans_update(struct ctx *c, int64_t id, const struct patrol_plan_update *in, json_t **out);

/* Take a slot out of its plan from now on (kept, closed: valid_to):
 * {"plan":{…, "ended_slots":[…]}}; 409 SLOT_ENDED when already out. */
int patrol_plans_end_slot(struct ctx *c, int64_t slot_id, json_t **out);

/* Add one slot to plan id (accepting a proposal is this with source
 * "proposal"): {"plan":{…}}. */
int patrol_plans_add_slot(struct ctx *c, int64_t id, const struct patrol_slot_input *in, json_t **out);

/* The last `weeks` full weeks before today plus this week so far:
 * {"station_id","weeks","from","to","grids":[…],"cells":[{grid_id,
 * weekday, hour, incidents, covered}],"coverage":[slots…],"proposals":[…]}. */
int patrol_plans_heat(struct ctx *c, int64_t unit_id, int64_t weeks, json_t **out);

#endif
