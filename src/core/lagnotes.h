/* lagnotes.h — how late a copy of a growing log is, from notes of the log's
 * position taken over time (the standbys' watch, api/replica_watch.c).
 * Each note says: at time at, the log had reached position pos. A copy that
 * has not reached the position of the note at t lacks something written
 * before t, so it is at least now − t late (t the oldest such note); one that
 * has reached the position of the note at t holds everything written until
 * t, so it is at most now − t late (t the newest such note). The lower
 * bound is never above the truth, whatever the gaps between notes. */
#ifndef PS_CORE_LAGNOTES_H
#define PS_CORE_LAGNOTES_H

#include <stdint.h>

#define LAGNOTES_MAX 64

struct lagnotes {
	int64_t at[LAGNOTES_MAX];
	long long pos[LAGNOTES_MAX];
	int n, head; /* head: where the next note goes (the oldest is dropped) */
};

/* Note that at time at the log had reached pos. */
void lagnotes_add(struct lagnotes *l, int64_t at, long long pos);

/* How late, at time now, a copy that has reached position copied is: at
 * least *least (0 when it has reached every note), at most *most (-1 when
 * no note is old enough to say). */
void lagnotes_bounds(const struct lagnotes *l, int64_t now, long long copied, int64_t *least, int64_t *most);

#endif
