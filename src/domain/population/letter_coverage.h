/* letter_coverage.h — coverage of the 出租房屋治安责任保证书 (COM-RENT) and the
 * employers' letters: the rentals and employers of the actor's scope without
 * a valid one (none signed, or expired). */
#ifndef PS_DOMAIN_LETTER_COVERAGE_H
#define PS_DOMAIN_LETTER_COVERAGE_H

#include <jansson.h>

#include "domain/ctx.h"

/* {"rentals":N,"rentals_valid":N,"rental_pct":P,"employers":N,"employers_valid":N,
 *  "missing":[{"id","address","landlord_name","letter_signed_on","letter_expires_on","reason"}],
 *  "employers_missing":[{"id","name","letter_signed_on"}]}; audited. */
int letter_coverage_get(struct ctx *c, json_t **out);

#endif
