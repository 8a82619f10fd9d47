/* custody.h — 办案区: every person brought into the station's case-handling
 * area — arrival (到案), safety check and belongings (PROC-SEC-CHECK), room
 * (PROC-HOLDROOM-SEX, CQ-SPECIAL), meals and rest (ADM-SUMMON-CARE),
 * temporary exits, the final exit with belongings returned; and the area
 * board with each person's running clock (issue 4). */
#ifndef PS_DOMAIN_CUSTODY_H
#define PS_DOMAIN_CUSTODY_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct custody_input {
	int64_t case_id, party_id, measure_id;
	const char *reason;
	int64_t arrived_at;
	int has_arrived;
};

struct custody_item_input {
	const char *name, *quantity;
};

int custody_enter(struct ctx *c, const struct custody_input *in, json_t **out);

/* Safety check with the belongings put in locker_no. */
int custody_check(struct ctx *c, int64_t id, const char *notes, const char *locker_no,
		  const struct custody_item_input *items, int nitems, json_t **out);

/* Assign a room; needs the safety check first; a 候问室 holds no special
 * person and no one of the other sex. */
int custody_room(struct ctx *c, int64_t id, const char *room_kind, const char *room_no,
		 json_t **out);

/* meal | rest | note | out (temporary exit) | back. */
int custody_log(struct ctx *c, int64_t id, const char *kind, const char *note, json_t **out);

/* Final exit; belongings must be returned (all items). */
int custody_exit(struct ctx *c, int64_t id, const char *reason, int belongings_returned,
		 json_t **out);

/* One entry with items and log (no permission check: for the module). */
int custody_get(struct ctx *c, int64_t id, json_t **out);

/* One entry for a reader: visible when its case is; audited. */
int custody_read(struct ctx *c, int64_t id, json_t **out);

/* Who is inside now in the user's station, with the clock of the linked
 * measure (remaining seconds, level) and the hours since the last meal. */
int custody_board(struct ctx *c, json_t **out);

#endif
