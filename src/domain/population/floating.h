/* floating.h — 流动人口 registration. */
#ifndef PS_DOMAIN_FLOATING_H
#define PS_DOMAIN_FLOATING_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct floating_input {
	int64_t person_id, employer_id;
	const char *registered_on, *permit_no, *permit_issued_on, *permit_expires_on, *mode, *layer;
};

/* Register or update a floating person (mode employer/joint/direct, layer
 * control/known). */
int floating_register(struct ctx *c, const struct floating_input *in, json_t **out);

#endif
