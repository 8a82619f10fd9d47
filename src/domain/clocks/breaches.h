/* breaches.h — 执法监督 records of clocks that ran out (recorded by the
 * sweep, never deleted): the list and the answer that closes one. */
#ifndef PS_DOMAIN_BREACHES_H
#define PS_DOMAIN_BREACHES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* Recorded breaches in the user's scope: {"items":[…],"total"}. */
/* What GET /breaches lists: open ones only, one rule, one clock (its key),
 * a page of per_page rows (the county has thousands over the years). */
struct breach_filter {
	int open_only;
	const char *rule, *key;
	int64_t case_id; /* 0: every case's */
	int64_t page, per_page;
};

int breaches_list(struct ctx *c, const struct breach_filter *f, json_t **out);

/* Answer a breach: release (ends the measure), next_measure, extension or
 * explanation, with text. Case officers or the station chief. */
int breaches_answer(struct ctx *c, int64_t id, const char *kind, const char *text,
		    json_t **out);

#endif
