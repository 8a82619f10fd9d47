/* letters.h — 函查: letters of inquiry and their answers. */
#ifndef PS_DOMAIN_LETTERS_H
#define PS_DOMAIN_LETTERS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* 函查: send a letter for a person; answer it. */
int letters_create(struct ctx *c, int64_t person_id, const char *to_unit, const char *sent_on,
		   json_t **out);
int letters_answer(struct ctx *c, int64_t id, const char *answered_on, const char *result,
		   const char *notes, json_t **out);
/* The station's letters, {"items":[…]}; the read is audited. */
int letters_list(struct ctx *c, int open_only, json_t **out);

/* letters_list without its audit row, for figures only (population_summary):
 * its rows must never reach a client. */
int letters_list_unaudited(struct ctx *c, int open_only, json_t **out);

#endif
