/* persons_bulk.h — many persons registered in one go (an import's chunk,
 * issue 14): the rows checked in C, the new ones inserted with multi-row
 * statements, their name index in bulk, one comparison with the wanted list
 * and one audit row naming every id written. A row that needs more than an
 * insert (a person already registered, a number repeated in the chunk) is
 * left to the caller, who registers it alone (persons_register_id). */
#ifndef PS_DOMAIN_PERSONS_BULK_H
#define PS_DOMAIN_PERSONS_BULK_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/ctx.h"
#include "domain/population/persons.h"

enum persons_bulk_state {
	PERSONS_BULK_NEW,     /* checked, not registered yet: persons_bulk_insert writes it */
	PERSONS_BULK_DONE,    /* created; id set */
	PERSONS_BULK_REFUSED, /* refused; reason set */
	PERSONS_BULK_ALONE,   /* to be registered alone by the caller */
};

struct persons_bulk_row {
	struct person_input in;
	enum persons_bulk_state state;
	const char *reason;    /* the clerk's message when refused */
	struct person_checked ck;
	int64_t id;
};

/* Sort rows in state PERSONS_BULK_NEW: refused by persons_check (reason
 * set), ALONE when the number repeats an earlier row of the chunk, NEW
 * otherwise (a number registered already is found by persons_bulk_insert).
 * Rows in another state are left alone. No statement: PS_OK, or out of
 * memory. */
int persons_bulk_sort(struct ctx *c, struct persons_bulk_row *rows, size_t n);

/* Insert the rows still NEW (after persons_bulk_sort; in.address_id set by
 * the caller, already in the user's unit): DONE with their id, or ALONE when
 * their number is registered already (to be updated alone). label names
 * the rows in the audit row ("import rows 2-513"). New hits with the wanted
 * list are appended to hits. A refusal of a statement (PS_ECONFLICT) leaves
 * the caller to roll back its savepoint and take the rows one by one. */
int persons_bulk_insert(struct ctx *c, struct persons_bulk_row *rows, size_t n, const char *label,
			json_t *hits);

#endif
