/* breaches.h — 执法监督 records of clocks that ran out (recorded by the
 * sweep, never deleted): the list and the answer that closes one. */
#ifndef PS_DOMAIN_BREACHES_H
#define PS_DOMAIN_BREACHES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* Recorded breaches in the user's scope: {"items":[…],"total"}. */
int breaches_list(struct ctx *c, int open_only, json_t **out);

/* Answer a breach: release (ends the measure), next_measure, extension or
 * explanation, with text. Case officers or the station chief. */
int breaches_answer(struct ctx *c, int64_t id, const char *kind, const char *text,
		    json_t **out);

#endif
