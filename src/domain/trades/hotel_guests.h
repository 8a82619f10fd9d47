/* hotel_guests.h — a hotel's guest register (issue 16 gaps): every guest
 * with his ID document (COM-HOTEL-REG, LG Art 6 ¶1), a foreign guest's
 * form sent to the police within 24 hours (COM-HOTEL-FOREIGN, LG Art 6 ¶2:
 * a clock on the 预警 board and the today page until it is), and each
 * guest compared at once with the wanted list (COM-HOTEL-DUTY, LG Art 9):
 * a hit opens a 警情 for the station. */
#ifndef PS_DOMAIN_HOTEL_GUESTS_H
#define PS_DOMAIN_HOTEL_GUESTS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/clocks/clocks.h"
#include "domain/ctx.h"

struct hotel_guest_input {
	int64_t unit_id;
	const char *name, *id_type, *id_number, *nationality, *room;
	int64_t checkin_at; /* 0 = now */
	int reported;       /* a foreign guest's form already sent (now) */
	/* the 旅业 feed (hotel_guest_imports): */
	int64_t reported_at, checkout_at; /* 0 = not given */
	int feed;      /* 1: from the feed; a stay already registered is
			* completed (check-out, report) instead of refused */
	int *created;  /* the feed: 1 when the stay is new, 0 when found */
	json_t *hits;  /* when set, a wanted hit is appended {name, case_desc} */
};

struct hotel_guest_filter {
	int64_t unit_id;
	int foreign_only, unreported_only, in_house_only, hits_only;
	int64_t page, per_page;
};

/* Register a guest of a hotel of the actor's station: one stay per guest,
 * hotel and check-in time (409 STAY_EXISTS otherwise). out may be NULL
 * (the feed). */
int hotel_guests_create(struct ctx *c, const struct hotel_guest_input *in, json_t **out);

/* The guests of the actor's scope, newest first, ID numbers masked;
 * {"items","total","figures":{in_house, foreign_unreported, hits}}; audited. */
int hotel_guests_list(struct ctx *c, const struct hotel_guest_filter *f, json_t **out);

/* Check-out (at = 0: now). */
int hotel_guests_checkout(struct ctx *c, int64_t id, int64_t at, json_t **out);

/* A foreign guest's form received by the police. */
int hotel_guests_report(struct ctx *c, int64_t id, json_t **out);

/* The staff found the guest suspicious (LG Art 9, COM-HOTEL-DUTY): reported
 * at once, a 警情 of the station naming the reason; once per guest (a guest
 * the wanted list already hit has his 警情). */
int hotel_guests_suspicious(struct ctx *c, int64_t id, const char *reason, json_t **out);

/* Clocks (clock_sources.c) and today rows (today.c): foreign guests whose
 * form is not in, 24 hours from check-in. */
int hotel_guests_clocks(struct clock_sink *k, enum clock_scope s);
int hotel_guests_today(struct ctx *c, json_t *items);

#endif
