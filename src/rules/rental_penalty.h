/* rental_penalty.h — what a rental visit may propose as a penalty
 * (COM-RENT-STATUS): the offences of ZA2025 Art 68 from the offence table,
 * and the fines of 租赁房屋治安管理规定 (1995, ZL) Art 9 counted in multiples
 * of the monthly rent, which apply only where the county enables them
 * (setting rental.zl_fines_enabled; whether ZL is still in force was not
 * checked). Pure: no I/O, no allocation. */
#ifndef PS_RULES_RENTAL_PENALTY_H
#define PS_RULES_RENTAL_PENALTY_H

#include <stddef.h>

#include "rules/offence.h"

/* One fine of ZL Art 9: up to `multiple` times the monthly rent. */
struct zl_fine_item {
	const char *key;     /* "zl9_1" … (the wire value) */
	const char *article; /* "租赁房屋治安管理规定第9条第1项" */
	const char *act;     /* the act, in Chinese */
	int multiple;        /* 月租金 × multiple at most */
};

extern const struct zl_fine_item zl_fine_items[];
extern const size_t zl_fine_items_len;

/* The item with key, or NULL (key may be NULL). Cannot fail. */
const struct zl_fine_item *zl_fine_find(const char *key);

/* 1 when the base tier of o cites ZA2025 Art 68 (the rental offences of
 * the law in force), else 0 (o may be NULL). Cannot fail. */
int rental_offence_za68(const struct offence *o);

#endif
