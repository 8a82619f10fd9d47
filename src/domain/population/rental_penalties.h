/* rental_penalties.h — what a rental visit may propose as a penalty
 * (COM-RENT-STATUS): the offences of ZA2025 Art 68, and the fines of
 * 租赁房屋治安管理规定 (1995) counted in multiples of the monthly rent only
 * where the county enables them (setting rental.zl_fines_enabled). */
#ifndef PS_DOMAIN_RENTAL_PENALTIES_H
#define PS_DOMAIN_RENTAL_PENALTIES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* A penalty a visit's finding proposes (COM-RENT-STATUS): offence_code an
 * offence of ZA2025 Art 68; zl_item (enum zl_fine_item) a fine of
 * 租赁房屋治安管理规定 Art 9 of zl_fine_yuan, at most the item's multiple of
 * monthly_rent_yuan, only where rental.zl_fines_enabled is on. Empty
 * strings and zeros = none. */
struct rental_penalty {
	const char *offence_code, *zl_item;
	int64_t monthly_rent_yuan, zl_fine_yuan;
};


/* Check the penalty a visit to rental id proposes. An offence code that is
 * not one of ZA2025 Art 68, or a ZL item while the setting is off, is
 * refused with COM-RENT-STATUS (409); a ZL fine above the item's multiple of
 * the monthly rent too; a malformed value is a 400. PS_OK when pen proposes
 * nothing. Writes nothing. */
int rental_penalties_check(struct ctx *c, int64_t rental_id, const struct rental_penalty *pen);

/* The choices offered for rental id: {"offences":[{code,name,article,
 * tiers:[{tier,article,warning,fine_min,fine_max,det_min,det_max}]}],
 * "zl_fines_enabled":bool,"zl_items":[{key,article,act,multiple}] (empty
 * while disabled),"rule":"COM-RENT-STATUS"}. Needs the visit permission
 * on the rental. */
int rental_penalties_options(struct ctx *c, int64_t rental_id, json_t **out);

#endif
