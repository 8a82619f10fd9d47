/* beats.h — 责任区 (beats) and 网格 (grids) of a station (issue 16): the
 * tree station → 警务室 → beat → grid, each beat with its responsible
 * 社区民警, an optional 警长 and auxiliaries; the per-beat and per-officer
 * figures against the 警民比 setting (COM-WARD-RATIO); bureau leaders
 * assigned to stations (包片包点); and the beat rule: a beat's records are
 * edited by its own people only, the others read them (COM-WARD). */
#ifndef PS_DOMAIN_BEATS_H
#define PS_DOMAIN_BEATS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct beat_input {
	const char *name, *kind;
	int64_t post_id, officer_id, sergeant_id;
	int has_post, has_officer, has_sergeant;
	json_t *auxiliaries; /* array of user ids, or NULL (unchanged) */
	json_t *polygon;     /* [[x,y],…] (3..200 points), JSON null to clear, or NULL */
};

/* The station's beats with their grids, people and figures, the per-officer
 * figures and the load setting: {"items":[…],"officers":[…],
 * "residents_per_officer":N,"over_load":K}. over_only keeps the beats (and
 * officers) over the load. */
int beats_list(struct ctx *c, int over_only, json_t **out);

/* A new beat of the caller's station (its 警务室, when post_id is set, a post
 * under that station); {"beat":{…}}. On failure nothing is written. */
int beats_create(struct ctx *c, const struct beat_input *in, json_t **out);

/* Changes what the input sets: name, kind, 警务室 (has_post: a post under the
 * beat's station, checked before anything is written), people, area;
 * {"beat":{…}}. On failure the error slot says why. */
int beats_update(struct ctx *c, int64_t id, const struct beat_input *in, json_t **out);

/* The station's address points and the beats' shapes for the map page:
 * {"points":[{id,lng_e6,lat_e6,beat_id,grid_id}],"beats":[{id,name,polygon}],"tile_url"}. */
int beats_map(struct ctx *c, json_t **out);

/* 包片包点: the leaders assigned to the visible stations (all: with the
 * ended ones, newest first after the current); assign one. */
int beats_leaders(struct ctx *c, int all, json_t **out);
int beats_leader_assign(struct ctx *c, int64_t station_id, int64_t user_id, json_t **out);

/* End assignment id (撤销) on ended_on (YYYY-MM-DD, not after today, not
 * before the day it was made) for reason: the bureau's leaders who may
 * assign (leader_assignment.end, the station in their scope). An ended one
 * is a 409 ASSIGNMENT_ENDED. Audited; answers the current list. On failure
 * nothing is written. */
int beats_leader_end(struct ctx *c, int64_t id, const char *ended_on, const char *reason, json_t **out);

/* The beat rule (COM-WARD) for a write on a record at address_id (0: a
 * record whose beat is beat_id): the station's chief, or the beat's
 * officer, sergeant or auxiliaries; an address in no beat is open to the
 * station's staff. A refusal is 403 with a denied audit row naming
 * object_type/object_id. */
int beats_may_edit(struct ctx *c, int64_t address_id, int64_t beat_id, const char *action,
		   const char *object_type, int64_t object_id);

/* Whether the actor works beat_id under the beat rule (COM-WARD), without
 * refusing: the station's chief, the beat's people, or no beat (0). */
int beats_mine(struct ctx *c, int64_t beat_id, int *yes);

/* The beat of an address (0 when none). */
int beats_of_address(struct ctx *c, int64_t address_id, int64_t *beat_id);

/* A select-list column "beat_id": the beat of the address aliased a (no
 * binds). */
#define BEAT_OF_ADDRESS_SQL " (SELECT g.beat_id FROM grid g WHERE g.id = a.grid_id) AS beat_id,"

/* The beat ids a user works (officer, sergeant or auxiliary), for
 * "beat_id IN " BEATS_OF_USER_SQL: three binds of the user id. */
#define BEATS_OF_USER_SQL                                                              \
	"(SELECT id FROM beat WHERE officer_id = ? OR sergeant_id = ?"                  \
	" UNION SELECT beat_id FROM beat_auxiliary WHERE user_id = ?)"

/* The unit path of a beat (one bind: its id), for rows_check_unit. */
#define BEAT_PATH_SQL "SELECT o.path FROM beat b JOIN org_unit o ON o.id = b.station_id WHERE b.id = ?"

#endif
