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
int letters_list(struct ctx *c, int open_only, json_t **out);

#endif
