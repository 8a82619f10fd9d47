/* addresses.h — 标准地址 of a station (one row per place). */
#ifndef PS_DOMAIN_ADDRESSES_H
#define PS_DOMAIN_ADDRESSES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* The longest part of an address (characters; the API's field tables take
 * the same), each one line: addresses_check_parts. */
#define ADDRESS_COMMUNITY_MAX 64
#define ADDRESS_BUILDING_MAX 32
#define ADDRESS_UNIT_MAX 16
#define ADDRESS_ROOM_MAX 16

struct address_input {
	const char *community, *building, *unit_no, *room;
	int64_t post_id;
	/* the place on the beat map (issue 16): a grid of the station (0 =
	 * none), a building type (enum building_type; NULL or "" = none) and a
	 * point in micro-degrees (has_point: both given; 0, 0 = none) */
	int64_t grid_id;
	const char *building_type;
	int has_point;
	int64_t lng_e6, lat_e6;
};

/* What PATCH /addresses/{id} changes: a NULL text is unchanged, "" clears
 * (community cannot be cleared); has_grid with grid_id 0 clears the grid;
 * has_point with 0, 0 clears the point. */
struct address_update {
	const char *community, *building, *unit_no, *room, *building_type;
	int has_grid, has_point;
	int64_t grid_id, lng_e6, lat_e6;
};

/* A page of the station's addresses: exact community / building (served by
 * the index address_station_tree), a grid (address_grid), or text in any
 * part; page 0 = the whole list (up to 5000, for pickers). */
struct address_filter {
	const char *community, *building, *q;
	int64_t grid_id;
	int no_grid; /* only the addresses in no grid (未划网格) */
	int64_t page, per_page;
};

/* Addresses of the user's scope: {"items":[…],"total"} (community,
 * building, unit, room, grid) ordered as a tree; a paged answer also
 * carries "communities": [{community, addresses}] of the whole scope,
 * "figures": {addresses, no_grid} of the whole scope and, filtered by a
 * community, "buildings": [{building, addresses}] of it. */
int addresses_list(struct ctx *c, const struct address_filter *f, json_t **out);

/* Create (or find: one address is one place) an address of the station.
 * A grid must be one of the station's (400 grid_id otherwise) and, when its
 * beat is not the actor's, the beat rule refuses (COM-WARD, 403); the
 * building type one of enum building_type; the point inside ±180° / ±90°.
 * An address that exists already is answered unchanged ("created": false;
 * PATCH changes it). On failure nothing is written. */
int addresses_create(struct ctx *c, const struct address_input *in, json_t **out);
/* The same without the answer: the address's id (an import's row). */
int addresses_find_or_create(struct ctx *c, const struct address_input *in, int64_t *out_id);
/* The same for n addresses at once (an import's chunk; post_id must be 0):
 * ids[i] receives the id of in[i]; the ones made get one audit row naming
 * them, its detail starting with label. */
int addresses_find_or_create_many(struct ctx *c, const struct address_input *in, size_t n, int64_t *ids,
				  const char *label);

/* Change address id (address.update in the station of the address; the
 * beat rule COM-WARD on its current beat and on a new grid's beat: the
 * beat's officer, sergeant and auxiliaries or the station's chief; an
 * address in no beat is open to the station's staff). Text that would make
 * it the same place as another address is a 409 ADDRESS_EXISTS. Audited
 * (address.update, each changed field old→new). The caller moves the key
 * persons living there to a new grid's beat (key_persons_rebeat_grid: the
 * community area sits above this one). Answers {"address":{…}}; on failure
 * nothing is written. */
int addresses_update(struct ctx *c, int64_t id, const struct address_update *in, json_t **out);

/* The parts of an address each one line of at most its length (NULL: not
 * given): PS_EINVAL naming the part. Every path that writes an address
 * checks it (the functions above; an import's rows before their chunk). */
int addresses_check_parts(struct ctx *c, const char *community, const char *building, const char *unit_no,
			  const char *room);

#endif
