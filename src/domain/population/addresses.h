/* addresses.h — 标准地址 of a station (one row per place). */
#ifndef PS_DOMAIN_ADDRESSES_H
#define PS_DOMAIN_ADDRESSES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct address_input {
	const char *community, *building, *unit_no, *room;
	int64_t post_id;
};

/* A page of the station's addresses: exact community / building (served by
 * the index address_station_tree), a grid (address_grid), or text in any
 * part; page 0 = the whole list (up to 5000, for pickers). */
struct address_filter {
	const char *community, *building, *q;
	int64_t grid_id;
	int64_t page, per_page;
};

/* Addresses of the user's scope: {"items":[…],"total"} (community,
 * building, unit, room, grid) ordered as a tree; a paged answer also
 * carries "communities": [{community, addresses}] of the whole scope and,
 * filtered by a community, "buildings": [{building, addresses}] of it. */
int addresses_list(struct ctx *c, const struct address_filter *f, json_t **out);

/* Create (or find: one address is one place) an address of the station. */
int addresses_create(struct ctx *c, const struct address_input *in, json_t **out);
/* The same without the answer: the address's id (an import's row). */
int addresses_find_or_create(struct ctx *c, const struct address_input *in, int64_t *out_id);
/* The same for n addresses at once (an import's chunk; post_id must be 0):
 * ids[i] receives the id of in[i]; the ones made get one audit row naming
 * them, its detail starting with label. */
int addresses_find_or_create_many(struct ctx *c, const struct address_input *in, size_t n, int64_t *ids,
				  const char *label);

#endif
