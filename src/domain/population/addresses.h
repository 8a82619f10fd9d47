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

/* Addresses of the user's station: {"items":[…]} (community, building, unit,
 * room) ordered as a tree. */
int addresses_list(struct ctx *c, const char *community, json_t **out);

/* Create (or find: one address is one place) an address of the station. */
int addresses_create(struct ctx *c, const struct address_input *in, json_t **out);
/* The same without the answer: the address's id (an import's row). */
int addresses_find_or_create(struct ctx *c, const struct address_input *in, int64_t *out_id);

#endif
