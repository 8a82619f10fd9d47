/* rentals.h — 以房管人: rental houses with their 治安责任书, level and visit
 * cycle, visits, tenancies (no one lives in two rentals at once), cases that
 * happened there (谁出租谁负责), floating persons and the employer units that
 * manage them (issue 6). */
#ifndef PS_DOMAIN_RENTALS_H
#define PS_DOMAIN_RENTALS_H

#include <jansson.h>
#include <stdint.h>

#include "core/jw.h"
#include "domain/ctx.h"
#include "domain/population/rental_penalties.h"

struct rental_input {
	int64_t address_id, landlord_id;
	int rooms;
	const char *letter_signed_on, *letter_expires_on, *level;
};

int rentals_create(struct ctx *c, const struct rental_input *in, json_t **out);

/* The registration of rental id (at in->address_id) made again, as an
 * import of an address already let does: landlord, rooms, level and the
 * 责任书's dates (a date not given is kept) checked as rentals_create checks
 * them, the next visit re-dated, audited rental.update. */
int rentals_register_again(struct ctx *c, int64_t id, const struct rental_input *in);

struct rental_filter {
	int overdue;        /* only the rentals whose visit is overdue */
	const char *due_on; /* only the ones due by this day (today's visits) */
	const char *level;  /* trusted / normal / watch */
	const char *q;      /* a part of the address (without spaces) or the landlord's name */
	int64_t page, per_page;
};

/* A page of the rentals in the user's scope with next_visit_on and overdue
 * (by the level's cycle: the maintained visit_due_day, migration 025), the
 * total (capped at ROWS_COUNT_CAP) and overdue_total (the scope's overdue
 * rentals, capped the same way: overdue_capped), written into the object
 * w has open (rows_page_write); audited with the ids of the page. Sorted
 * by due day when overdue or due_on is asked, else by id. */
int rentals_list(struct ctx *c, const struct rental_filter *f, struct jw *w);

/* The scope's rentals and, of them, the overdue ones (exact counts, the
 * overdue ones from the due-day index), for the population summary. */
int rentals_counts(struct ctx *c, int64_t *all, int64_t *overdue);

/* Recompute the maintained schedule of rental id (visit_base_day from its
 * last visit or registration, visit_due_day = base + the level's cycle at
 * its station): called by every writer that changes them. */
int rentals_reschedule(struct ctx *c, int64_t id);

/* Rental with landlord, visits, tenants, cases; audited. */
int rentals_get(struct ctx *c, int64_t id, json_t **out);

/* rentals_visit with the penalty its finding proposes (pen may be NULL);
 * refused with COM-RENT-STATUS (409) as rental_penalties_check says. */
int rentals_visit_penalty(struct ctx *c, int64_t id, const char *visited_on, const char *findings,
			  const char *new_level, const struct rental_penalty *pen, json_t **out);

/* A visit (officer or auxiliary); may change the level. */
int rentals_visit(struct ctx *c, int64_t id, const char *visited_on, const char *findings,
		  const char *new_level, json_t **out);

/* Link a case that happened in the rental. */
int rentals_link_case(struct ctx *c, int64_t id, int64_t case_id, json_t **out);

/* The unit path of a rental (one bind: its id), for rows_check_unit. */
#define RENTAL_PATH_SQL "SELECT o.path FROM rental r JOIN org_unit o ON o.id = r.station_id WHERE r.id = ?"

/* 出租房屋按期检查 for 考核: of the visits made from_on..to_on (exclusive)
 * by user_id (0: at station_id's rentals), *on_time within the level's
 * cycle after the previous visit (or the registration); *due counts them
 * and, for a station, the rentals whose due day fell in the window and
 * passed unvisited. */
int rentals_visit_timeliness(struct ctx *c, int64_t station_id, int64_t user_id, const char *from_on,
			     const char *to_on, int64_t *on_time, int64_t *due);

#endif
