/* units.h — the org tree: 市局 → 县局 → 指挥中心/大队/派出所 → 警务室. */
#ifndef PS_DOMAIN_UNITS_H
#define PS_DOMAIN_UNITS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"
#include "domain/org.h"

struct unit_input {
	const char *code, *name, *kind, *phone, *address;
	int64_t parent_id;  /* 0 = none (only for the root) / not given */
	int active, active_given;
};

/* Every unit, ordered by tree path: {"items":[…],"total":N}. Any
 * logged-in user (the tree itself is not personal data). */
int units_list(struct ctx *c, json_t **out);

/* Create (admin): code 12 digits and unique, kind valid, parent exists and a
 * kind above the child's. Audited. *out = {"unit":{…}}. */
int units_create(struct ctx *c, const struct unit_input *in, json_t **out);

/* Update name, phone, address, active (admin). Audited. */
int units_update(struct ctx *c, int64_t id, const struct unit_input *in,
		 json_t **out);

/* Insert without permission check (init): returns the id. */
int units_insert(struct ctx *c, const struct unit_input *in, int64_t *id_out);

/* 1 when kind is one of city, bureau, center, brigade, station, post. */
int unit_kind_valid(const char *kind);

/* The id of the unit with this 12-digit code (PS_ENOTFOUND otherwise). */
int units_find_by_code(struct ctx *c, const char *code, int64_t *id);

#endif
