/* rentals.h — 以房管人: rental houses with their 治安责任书, level and visit
 * cycle, visits, tenancies (no one lives in two rentals at once), cases that
 * happened there (谁出租谁负责), floating persons and the employer units that
 * manage them (issue 6). */
#ifndef PS_DOMAIN_RENTALS_H
#define PS_DOMAIN_RENTALS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct rental_input {
	int64_t address_id, landlord_id;
	int rooms;
	const char *letter_signed_on, *letter_expires_on, *level;
};

int rentals_create(struct ctx *c, const struct rental_input *in, json_t **out);

/* The station's rentals with next_visit_on and overdue (by the level's
 * cycle); overdue_only narrows; due_on lists the ones due by that day
 * (today's visits). */
int rentals_list(struct ctx *c, int overdue_only, const char *due_on, json_t **out);

/* rentals_list without its audit row, for figures computed from the list
 * (population_summary): its rows must never reach a client. */
int rentals_list_unaudited(struct ctx *c, int overdue_only, const char *due_on, json_t **out);

/* Rental with landlord, visits, tenants, cases; audited. */
int rentals_get(struct ctx *c, int64_t id, json_t **out);

/* A visit (officer or auxiliary); may change the level. */
int rentals_visit(struct ctx *c, int64_t id, const char *visited_on, const char *findings,
		  const char *new_level, json_t **out);

/* Link a case that happened in the rental. */
int rentals_link_case(struct ctx *c, int64_t id, int64_t case_id, json_t **out);

/* The unit path of a rental (one bind: its id), for rows_check_unit. */
#define RENTAL_PATH_SQL "SELECT o.path FROM rental r JOIN org_unit o ON o.id = r.station_id WHERE r.id = ?"

#endif
