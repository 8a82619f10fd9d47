/* bulk.h — helpers of the bulk writers (an import's chunk, issue 14):
 * multi-row statements in groups, a map from text keys to rows, and the
 * ids a chunk wrote as runs for its one audit row. */
#ifndef PS_DOMAIN_BULK_H
#define PS_DOMAIN_BULK_H

#include <stddef.h>
#include <stdint.h>

#include "domain/ctx.h"
#include "store/db.h"

/* The size of the next group of at most max out of left: the largest power
 * of two that fits, so a chunk uses a handful of statement texts (the
 * statement cache keeps them prepared). */
size_t bulk_group_size(size_t left, size_t max);

/* Prepare "head tuple,tuple,…,tuple tail" with n tuples. */
int bulk_prepare(struct ctx *c, const char *head, const char *tuple, size_t n, const char *tail,
		 struct db_stmt **st);

/* Step a statement that returns no rows, then finalize it. */
int bulk_run(struct ctx *c, struct db_stmt *st);

/* Text keys to indexes of keys[] (open addressing, in the arena). */
struct bulk_map {
	int *slot; /* index + 1; 0 empty */
	size_t mask;
	const char *const *keys;
};
int bulk_map_init(struct ctx *c, struct bulk_map *m, const char *const *keys, size_t n);
/* The index whose key equals key, or -1; with add, index i is entered
 * when none is. */
int bulk_map_find(struct bulk_map *m, const char *key, int add, int i);

/* Read the rows of an INSERT … RETURNING id, key (key as the map's keys),
 * set ids[i] of the index i each key maps to, then finalize st. want rows
 * must come back with a key of the map whose id was not set yet; fewer is
 * a store error. BULK_SOME as want: any number (ON CONFLICT … DO NOTHING
 * leaves rows out; their ids stay 0). */
#define BULK_SOME ((size_t)-1)
int bulk_returning(struct ctx *c, struct db_stmt *st, struct bulk_map *m, int64_t *ids, size_t want);

/* ids as runs, "1001-1512,1600", in the arena (NULL when out of memory). */
const char *bulk_id_runs(struct ctx *c, const int64_t *ids, size_t n);

#endif
