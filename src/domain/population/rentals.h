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

/* A tenancy; refused when the person already lives somewhere in that time
 * (TENANCY_OVERLAP). to_date NULL = open. */
int tenancies_create(struct ctx *c, int64_t rental_id, int64_t person_id, const char *from,
		     const char *to, const char *layer, json_t **out);
int tenancies_end(struct ctx *c, int64_t id, const char *to, json_t **out);

struct floating_input {
	int64_t person_id, employer_id;
	const char *registered_on, *permit_no, *permit_issued_on, *permit_expires_on, *mode, *layer;
};

/* Register or update a floating person (mode employer/joint/direct, layer
 * control/known). */
int floating_register(struct ctx *c, const struct floating_input *in, json_t **out);

int employers_create(struct ctx *c, const char *name, int64_t address_id, const char *contact,
		     const char *phone, const char *letter_signed_on, json_t **out);

/* Employer units with their last monthly report and whether last month's is
 * missing (overdue). */
int employers_list(struct ctx *c, json_t **out);

/* employers_list without its audit row, for figures only (as above). */
int employers_list_unaudited(struct ctx *c, json_t **out);

/* The monthly report of arrivals and departures (YYYY-MM). */
int employers_report(struct ctx *c, int64_t id, const char *month, int arrivals, int departures,
		     json_t **out);

#endif
