/* patrol.h — 巡逻防控 (issue 17, part 1): what the patrol area shares and
 * what other areas may read (the assessment of issue 18 reads
 * patrol_officer_figures). Teams, plans, logs and scores have their own
 * headers in this folder. */
#ifndef PS_DOMAIN_PATROL_H
#define PS_DOMAIN_PATROL_H

#include <jansson.h>
#include <stdint.h>

#include "domain/authz.h"
#include "domain/ctx.h"

/* An officer's patrol in [from, to) (epoch seconds, by the log's start):
 * *minutes patrolled (logs the officer was a member of or filed) and
 * *arrests in the act the officer made. No authorisation check and no
 * audit (figures, not personal data of others): the caller decides who
 * may see them. */
int patrol_officer_figures(struct ctx *c, int64_t user_id, int64_t from, int64_t to, int64_t *minutes,
			   int64_t *arrests);
/* The same for all the patrols of a station (the assessment's station view). */
int patrol_station_figures(struct ctx *c, int64_t station_id, int64_t from, int64_t to, int64_t *minutes,
			   int64_t *arrests);

/* The station a patrol request is about: unit_id (a station the actor may
 * `act` on: 403 audited otherwise) or, when 0, the actor's own station
 * (400 for a user above the stations who names none). */
int patrol_station(struct ctx *c, enum authz_act act, int64_t unit_id, int64_t *station);

/* The local (UTC+8) weekday (0 = Monday) and minute of the day of an
 * instant. */
void patrol_local_time(int64_t at, int *weekday, int *minute);

/* The start of local day `day` (a day number) as epoch seconds. */
int64_t patrol_day_start(int64_t day);

/* One weekly slot with its area, as the plans, the heat map and the score
 * read it: grid_id (the slot's or the plan's grid) or, when 0, every grid
 * of beat_id; neither: a route only, which no grid counts as covered.
 * The slot under one version of its plan holds in [valid_from, valid_to)
 * (epoch seconds; valid_to 0: still in force): a slot appears once per
 * version of its plan that overlaps the window it was loaded for. */
struct patrol_slot_area {
	int64_t id, plan_id, team_id, weekday, start_min, end_min, grid_id, beat_id, valid_from, valid_to;
};

/* Was slot s in force at instant t? */
int patrol_slot_in_force(const struct patrol_slot_area *s, int64_t t);

/* Does slot s cover grid (of beat) at weekday and minute? */
int patrol_slot_covers(const struct patrol_slot_area *s, int64_t grid_id, int64_t beat_id, int weekday,
		       int minute);

/* The slots of a station (team_id 0) or of one team that were in force,
 * under an active version of their plan, at some time of [from, to): an
 * arena array in *out, its length in *n (the plans as they stood then:
 * patrol_plan_version holds the superseded versions). */
int patrol_slots_load(struct ctx *c, int64_t station, int64_t team_id, int64_t from, int64_t to,
		      struct patrol_slot_area **out, size_t *n);

/* The incidents (violations and crimes, not duplicates) of a station in
 * [from, to), each with its grid and beat: the grid holding the addresses
 * of the incident's 社区 at the station (the lowest grid id when the 社区
 * spans several; none when no address of it is in a grid). */
struct patrol_incident {
	int64_t id, received_at, grid_id, beat_id;
};
int patrol_incidents_load(struct ctx *c, int64_t station, int64_t from, int64_t to, struct patrol_incident **out,
			  size_t *n);

/* The start minute (of the day) of visit k of a slot [start, end) in the
 * week whose Monday is day `monday`: visits of `visit` minutes, one in
 * each hour of the slot, at a deterministic pseudo-random offset of the
 * slot, the week and k — the times vary week to week and cannot be read
 * off the plan (PAT-HOTSPOT). */
int64_t patrol_visit_start(int64_t seed, int64_t monday, int64_t start, int64_t end, int64_t visit, int64_t k);

/* The number of visits of a slot: one per full hour, at least one. */
int64_t patrol_visit_count(int64_t start, int64_t end);

#endif
