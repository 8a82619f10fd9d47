/* tenancies.h — who lives in a rental (承租人). */
#ifndef PS_DOMAIN_TENANCIES_H
#define PS_DOMAIN_TENANCIES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* A tenancy; refused when the person already lives somewhere in that time
 * (TENANCY_OVERLAP). to_date NULL = open. */
int tenancies_create(struct ctx *c, int64_t rental_id, int64_t person_id, const char *from,
		     const char *to, const char *layer, json_t **out);
int tenancies_end(struct ctx *c, int64_t id, const char *to, json_t **out);

#endif
