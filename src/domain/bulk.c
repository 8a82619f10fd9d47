/* bulk.c — helpers of the bulk writers (bulk.h). */
#include "domain/bulk.h"

#include <stdio.h>
#include <string.h>

size_t bulk_group_size(size_t left, size_t max)
{
	size_t g = 1;

	while (g * 2 <= left && g * 2 <= max)
		g *= 2;
	return g;
}

int bulk_prepare(struct ctx *c, const char *head, const char *tuple, size_t n, const char *tail,
		 struct db_stmt **st)
{
	size_t lh = strlen(head), lt = strlen(tuple), ltail = strlen(tail);
	char *s = arena_alloc(c->arena, lh + n * (lt + 1) + ltail + 1), *p = s;

	*st = NULL;
	if (!s)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	memcpy(p, head, lh);
	p += lh;
	for (size_t i = 0; i < n; i++) {
		if (i)
			*p++ = ',';
		memcpy(p, tuple, lt);
		p += lt;
	}
	memcpy(p, tail, ltail + 1);
	return db_prepare(c->db, s, st, c->err);
}

int bulk_run(struct ctx *c, struct db_stmt *st)
{
	int rc = db_step(st, c->err);

	db_finalize(st);
	if (rc == PS_DONE)
		return PS_OK;
	return rc == PS_ROW ? ps_fail(c->err, PS_EIO, "STORAGE_ERROR", NULL, "数据存储故障") : rc;
}

static size_t key_hash(const char *s)
{
	size_t h = 1469598103934665603u; /* FNV-1a */

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

int bulk_map_init(struct ctx *c, struct bulk_map *m, const char *const *keys, size_t n)
{
	size_t size = 16;

	while (size < 2 * n)
		size <<= 1;
	m->keys = keys;
	m->slot = arena_alloc(c->arena, size * sizeof(*m->slot));
	if (!m->slot)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	memset(m->slot, 0, size * sizeof(*m->slot));
	m->mask = size - 1;
	return PS_OK;
}

int bulk_map_find(struct bulk_map *m, const char *key, int add, int i)
{
	for (size_t h = key_hash(key) & m->mask;; h = (h + 1) & m->mask) {
		int s = m->slot[h];

		if (!s) {
			if (add)
				m->slot[h] = i + 1;
			return -1;
		}
		if (!strcmp(m->keys[s - 1], key))
			return s - 1;
	}
}

int bulk_returning(struct ctx *c, struct db_stmt *st, struct bulk_map *m, int64_t *ids, size_t want)
{
	size_t got = 0;
	int rc;

	while ((rc = db_step(st, c->err)) == PS_ROW) {
		int i = bulk_map_find(m, db_column_text(st, 1), 0, 0);

		if (i >= 0 && !ids[i]) {
			ids[i] = db_column_int(st, 0);
			got++;
		}
	}
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	return got == want || want == BULK_SOME ? PS_OK : ps_fail(c->err, PS_EIO, "STORAGE_ERROR", NULL, "数据存储故障：批量写入的行未全部写入");
}

const char *bulk_id_runs(struct ctx *c, const int64_t *ids, size_t n)
{
	size_t cap = 44 * n + 1, len = 0;
	char *s = arena_alloc(c->arena, cap);

	if (!s)
		return NULL;
	s[0] = '\0';
	for (size_t k = 0; k < n;) {
		size_t e = k;

		while (e + 1 < n && ids[e + 1] == ids[e] + 1)
			e++;
		if (e == k)
			len += (size_t)snprintf(s + len, cap - len, "%s%lld", len ? "," : "", (long long)ids[k]);
		else
			len += (size_t)snprintf(s + len, cap - len, "%s%lld-%lld", len ? "," : "", (long long)ids[k],
						(long long)ids[e]);
		k = e + 1;
	}
	return s;
}
