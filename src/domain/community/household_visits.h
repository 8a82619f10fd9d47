/* household_visits.h — 熟悉住户: a beat officer's visit to a household (an
 * address where people live): who went, when, what was learnt, and the
 * changes found, each applied to the person register and audited; the
 * weekly target per officer (community.visits_per_week, COM-DUTIES) and the
 * households never visited. */
#ifndef PS_DOMAIN_HOUSEHOLD_VISITS_H
#define PS_DOMAIN_HOUSEHOLD_VISITS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct household_visit_input {
	int64_t address_id, persons_seen;
	const char *visited_on, *learnt, *changes;
	json_t *updates; /* [{person_id, phone?, household_no?, moved_out?}] or NULL */
};

int household_visits_create(struct ctx *c, const struct household_visit_input *in, json_t **out);

/* This week's completion per beat officer, the households never visited
 * (of beat_id, or all) and the recent visits: {"week_start","target",
 * "officers":[…],"never_visited":{"items","total"},"recent":[…]}. The
 * households never visited: page `page` (≥ 1) of `per_page`; the recent
 * visits: the last `recent` (≤ 50). */
int household_visits_list(struct ctx *c, int64_t beat_id, int64_t page, int64_t per_page, int64_t recent,
			  json_t **out);

/* The actor's figures for the today page: visits this week and target. */
int household_visits_week(struct ctx *c, int64_t user_id, int64_t *done, int64_t *target);

#endif
