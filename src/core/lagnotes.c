/* lagnotes.c — see lagnotes.h. */
#include "core/lagnotes.h"

void lagnotes_add(struct lagnotes *l, int64_t at, long long pos)
{
	l->at[l->head] = at;
	l->pos[l->head] = pos;
	l->head = (l->head + 1) % LAGNOTES_MAX;
	if (l->n < LAGNOTES_MAX)
		l->n++;
}

void lagnotes_bounds(const struct lagnotes *l, int64_t now, long long copied, int64_t *least, int64_t *most)
{
	int lacks = 0;

	*least = 0;
	*most = -1;
	for (int k = l->n; k >= 1; k--) { /* oldest first */
		int i = (l->head - k + LAGNOTES_MAX) % LAGNOTES_MAX;

		if (l->pos[i] > copied && !lacks) {
			*least = now - l->at[i];
			lacks = 1;
		}
		if (l->pos[i] <= copied)
			*most = now - l->at[i];
	}
}
