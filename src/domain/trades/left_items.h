/* left_items.h — a hotel's left property as the police see it (旅馆业治安
 * 管理办法 = LG Art 8, COM-HOTEL-LEFT): kept by the hotel and posted
 * (揭示招领), returned to its owner, or — unclaimed 3 months after the
 * posting — handed to the station as found property against a numbered
 * receipt; the station posts its notice and returns it to an owner, or
 * hands it to the state once a year has passed unclaimed (民法典 Art 318,
 * COM-FOUND-STATE: never before). The items past their 3 months and the
 * station's items past their year are today rows. */
#ifndef PS_DOMAIN_LEFT_ITEMS_H
#define PS_DOMAIN_LEFT_ITEMS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct left_item_input {
	int64_t unit_id, guest_id; /* guest_id 0: no guest named */
	const char *found_on, *noticed_on, *room, *description, *kept_by;
};

struct left_item_filter {
	int64_t unit_id;
	const char *status; /* NULL: all; else an enum left_item_status value */
	int due_only;       /* kept past the 3 months, or held past the year */
	int64_t page, per_page;
};

/* Record an item a guest left at a hotel of the actor's station. */
int left_items_create(struct ctx *c, const struct left_item_input *in, json_t **out);

/* The items of the actor's scope, newest first: {"items","total","figures":
 * {kept, handover_due, held, state_due}}; each row has handover_from (the
 * first day it may go to the station unclaimed) and, once handed,
 * state_from. Audited (the owners' names are personal). */
int left_items_list(struct ctx *c, const struct left_item_filter *f, json_t **out);

/* Given back to its owner (to: his name) on day on: by the hotel while it
 * keeps the item, by a sworn officer once the station holds it. */
int left_items_return(struct ctx *c, int64_t id, const char *on, const char *to, json_t **out);

/* The station takes the item on day on (a sworn officer): a numbered
 * receipt; its 招领公告 dated announced_on (NULL: the same day). */
int left_items_receive(struct ctx *c, int64_t id, const char *on, const char *announced_on, json_t **out);

/* Handed to the state on day on with a note (COM-FOUND-STATE: only after
 * the year from the station's notice). */
int left_items_to_state(struct ctx *c, int64_t id, const char *on, const char *note, json_t **out);

/* Today rows (today.def): items past their 3 months, items past their year. */
int left_items_today(struct ctx *c, json_t *items);

#endif
