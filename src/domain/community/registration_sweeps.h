/* registration_sweeps.h — 漏登漏管排查: the addresses of a station with no
 * registered resident or tenant, or whose registered count differs from
 * what the last household visit found; a sweep planned over such a list,
 * its findings per address, and its figures (found, registered, left). */
#ifndef PS_DOMAIN_REGISTRATION_SWEEPS_H
#define PS_DOMAIN_REGISTRATION_SWEEPS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* {"items":[{id, community, building, …, building_type, registered,
 * last_seen, reason: "empty"|"mismatch"}], "total", "buildings":[…]} */
int registration_sweeps_candidates(struct ctx *c, int64_t beat_id, const char *building_type, json_t **out);

/* Plan a sweep over address_ids (or, when NULL, every candidate of beat_id). */
int registration_sweeps_create(struct ctx *c, const char *title, const char *planned_on, int64_t beat_id,
			       json_t *address_ids, json_t **out);

/* The station's sweeps with their figures. */
int registration_sweeps_list(struct ctx *c, json_t **out);
int registration_sweeps_get(struct ctx *c, int64_t id, json_t **out);

/* One address checked: people found unregistered, of them registered. */
int registration_sweeps_finding(struct ctx *c, int64_t id, int64_t address_id, int64_t found,
				int64_t registered, const char *notes, json_t **out);

#define REGISTRATION_SWEEP_PATH_SQL \
	"SELECT o.path FROM registration_sweep s JOIN org_unit o ON o.id = s.station_id WHERE s.id = ?"

#endif
