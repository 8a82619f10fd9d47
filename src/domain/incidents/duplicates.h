/* duplicates.h — the duplicate-call check of 110 intake (issue 13), and
 * the one SQL condition for "the user may read this incident". */
#ifndef PS_DOMAIN_DUPLICATES_H
#define PS_DOMAIN_DUPLICATES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* An incident is visible to the user when the station it was given to,
 * or the unit that took it, is within the user's scope (two LIKE binds). */
#define INCIDENT_VISIBLE_SQL                                                                             \
	" (EXISTS (SELECT 1 FROM org_unit so WHERE so.id = i.station_id AND so.path LIKE ?)"      \
	"  OR EXISTS (SELECT 1 FROM org_unit uo WHERE uo.id = i.unit_id AND uo.path LIKE ?))"

/* Incidents at the place key within [at - window, at + window] that are
 * not themselves duplicates. One the user may read is listed as today
 * (duplicate_candidates: id, incident_no, received_at, place, summary,
 * status, category_name); one of another unit only as that unit's name and
 * phone (duplicate_elsewhere: unit_id, unit_name, unit_phone; one entry per
 * unit), never its content or id. *out stays NULL when there is none; else
 * it is the caller's (a 409 in api/), and an audit row
 * "incident.duplicate_check" names every matched incident by record id.
 * On failure *out is NULL and nothing is written. */
int duplicates_check(struct ctx *c, const char *key, int64_t at, int64_t window, json_t **out);

#endif
