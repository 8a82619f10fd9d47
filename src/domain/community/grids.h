/* grids.h — 网格: the smallest area of a beat; every address of a station
 * is in one grid. Addresses are assigned in bulk: by 社区 (street or
 * village), by building, by a list, or by a polygon drawn on the map. */
#ifndef PS_DOMAIN_GRIDS_H
#define PS_DOMAIN_GRIDS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

int grids_create(struct ctx *c, int64_t beat_id, const char *name, json_t **out);

struct grid_assign {
	const char *community, *building; /* by 社区, or by 社区 + building */
	json_t *address_ids;              /* [id, …] or NULL */
	json_t *polygon;                  /* [[x,y],…] or NULL: the points inside */
	const char *building_type;        /* also set the building type, or NULL */
};

/* Move the selected addresses of the station into the grid:
 * {"moved":N,"grid_id":…}. Audited with the count. */
int grids_assign(struct ctx *c, int64_t grid_id, const struct grid_assign *in, json_t **out);

#define GRID_PATH_SQL                                                                  \
	"SELECT o.path FROM grid g JOIN beat b ON b.id = g.beat_id JOIN org_unit o ON o.id = b.station_id" \
	" WHERE g.id = ?"

#endif
