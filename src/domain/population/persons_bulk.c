/* persons_bulk.c — many persons registered in one go (issue 14). Profiled at
 * 8 000 rows/s of CPU, a row registered alone cost a dozen statements: the
 * name index one INSERT per character and per pair (26 %), its own audit
 * row (16 %), its address looked up (15 %). Here a chunk costs a few
 * multi-row statements and one audit row. */
#include "domain/population/persons_bulk.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/bulk.h"
#include "domain/rows.h"

#include <stdlib.h>
#include <string.h>

/* Rows of one multi-row statement: 15 values a person (15 360 parameters),
 * 4 a name-index row (16 384), 1 a number looked up — under SQLite's 32 766
 * and PostgreSQL's 65 535. Each statement copies the pages it changes to
 * its statement journal once, so larger groups copy less. Smaller groups
 * are powers of two, so a chunk uses a handful of statement texts (the
 * statement cache keeps them prepared). */
#define GROUP_PERSONS 1024
#define GROUP_INDEX 4096
#define GROUP_KEYS 1024

/* The ID numbers of the rows as the map's keys (NULL until checked). */
static const char **numbers_of(struct ctx *c, const struct persons_bulk_row *rows, size_t n)
{
	const char **k = arena_alloc(c->arena, (n ? n : 1) * sizeof(*k));

	if (k)
		for (size_t i = 0; i < n; i++)
			k[i] = rows[i].ck.id_number;
	return k;
}

/* The indexes of the rows in state s. */
static int rows_in(struct ctx *c, const struct persons_bulk_row *rows, size_t n, enum persons_bulk_state s,
		   size_t **out, size_t *m)
{
	*m = 0;
	*out = arena_alloc(c->arena, (n ? n : 1) * sizeof(**out));
	if (!*out)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	for (size_t i = 0; i < n; i++)
		if (rows[i].state == s)
			(*out)[(*m)++] = i;
	return PS_OK;
}

/* ---- sorting ---- */

int persons_bulk_sort(struct ctx *c, struct persons_bulk_row *rows, size_t n)
{
	struct bulk_map map;
	const char **num = numbers_of(c, rows, n);
	int rc = authz_require(c, ACT_PERSON_REGISTER);

	if (!rc && !num)
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	if (!rc)
		rc = bulk_map_init(c, &map, num, n);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++) {
		struct persons_bulk_row *r = &rows[i];

		if (r->state != PERSONS_BULK_NEW)
			continue;
		if (!r->ck.id_number) {
			struct ps_err e, *saved = c->err;

			ps_err_clear(&e);
			c->err = &e;
			rc = persons_check(c, &r->in, &r->ck);
			c->err = saved;
			if (rc == PS_EINVAL) {
				r->state = PERSONS_BULK_REFUSED;
				r->reason = arena_strdup(c->arena, e.msg);
				continue;
			}
			if (rc) {
				*c->err = e;
				return rc;
			}
		}
		num[i] = r->ck.id_number;
		if (bulk_map_find(&map, r->ck.id_number, 1, (int)i) >= 0)
			r->state = PERSONS_BULK_ALONE; /* the earlier row creates it, this one updates */
	}
	return PS_OK;
}

/* ---- inserting ---- */

static int insert_persons(struct ctx *c, struct persons_bulk_row *rows, size_t n, const size_t *pending, size_t m,
			  struct bulk_map *map)
{
	int64_t *ids = arena_alloc(c->arena, (n ? n : 1) * sizeof(*ids));
	int rc = PS_OK;

	if (!ids)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	memset(ids, 0, (n ? n : 1) * sizeof(*ids));

	for (size_t k = 0; !rc && k < m;) {
		size_t g = bulk_group_size(m - k, GROUP_PERSONS);
		struct db_stmt *st;
		int b = 1;

		rc = bulk_prepare(c,
				   "INSERT INTO person(id_number, name, sex, birth_date, phone, kind, address_id,"
				   " household_no, key_person, key_tags, unit_id, created_by, created_at, updated_at,"
				   " compared_at) VALUES ",
				   "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", g,
				   /* a number registered already is left to be updated
				    * alone: one probe of the unique index, not two */
				   " ON CONFLICT (id_number) DO NOTHING RETURNING id, id_number", &st);
		if (rc)
			break;
		for (size_t j = 0; j < g; j++) {
			const struct persons_bulk_row *r = &rows[pending[k + j]];

			db_bind_text(st, b++, r->ck.id_number);
			db_bind_text(st, b++, r->in.name);
			db_bind_text(st, b++, r->ck.sex);
			db_bind_text(st, b++, r->ck.birth_date);
			db_bind_text(st, b++, r->in.phone && *r->in.phone ? r->in.phone : NULL);
			db_bind_text(st, b++, r->in.kind ? r->in.kind : "resident");
			if (r->in.address_id)
				db_bind_int(st, b++, r->in.address_id);
			else
				db_bind_null(st, b++);
			db_bind_text(st, b++, r->in.household_no && *r->in.household_no ? r->in.household_no : NULL);
			db_bind_int(st, b++, r->in.key_person);
			db_bind_text(st, b++, r->in.key_tags && *r->in.key_tags ? r->in.key_tags : NULL);
			db_bind_int(st, b++, c->who.station_id);
			db_bind_int(st, b++, c->who.user_id);
			db_bind_int(st, b++, c->now);
			db_bind_int(st, b++, c->now);
			db_bind_int(st, b++, c->now); /* compared below, in this transaction */
		}
		rc = bulk_returning(c, st, map, ids, BULK_SOME);
		k += g;
	}
	for (size_t k = 0; !rc && k < m; k++) {
		struct persons_bulk_row *r = &rows[pending[k]];

		r->id = ids[pending[k]];
		r->state = r->id ? PERSONS_BULK_DONE : PERSONS_BULK_ALONE;
	}
	return rc;
}

struct index_row {
	const char *ch, *next_ch;
	int64_t person_id;
	int pos;
};

/* In the index's own order: consecutive inserts land on the same pages
 * (unsorted, the name index was 41 % of a bulk import's time, most of it
 * descending the b-tree to a new page for every row). */
static int index_row_cmp(const void *a, const void *b)
{
	const struct index_row *x = a, *y = b;
	int d = strcmp(x->ch, y->ch);

	if (!d)
		d = strcmp(x->next_ch, y->next_ch);
	if (d)
		return d;
	if (x->person_id != y->person_id)
		return x->person_id < y->person_id ? -1 : 1;
	return x->pos - y->pos;
}

static int insert_index(struct ctx *c, const struct index_row *ix, size_t m)
{
	int rc = PS_OK;

	for (size_t k = 0; !rc && k < m;) {
		size_t g = bulk_group_size(m - k, GROUP_INDEX);
		struct db_stmt *st;
		int b = 1;

		rc = bulk_prepare(c, "INSERT INTO person_name_token(ch, next_ch, person_id, pos) VALUES ",
				  "(?,?,?,?)", g, "", &st);
		if (rc)
			break;
		for (size_t j = 0; j < g; j++) {
			db_bind_text(st, b++, ix[k + j].ch);
			db_bind_text(st, b++, ix[k + j].next_ch);
			db_bind_int(st, b++, ix[k + j].person_id);
			db_bind_int(st, b++, ix[k + j].pos);
		}
		rc = bulk_run(c, st);
		k += g;
	}
	return rc;
}

/* The name index of the new persons: every character with the one after
 * it (persons_index_new_name, in bulk). */
static int index_names(struct ctx *c, const struct persons_bulk_row *rows, const size_t *done, size_t m)
{
	struct index_row *ix;
	size_t n = 0, cap = 0;
	int rc = PS_OK;

	for (size_t k = 0; k < m; k++)
		cap += strlen(rows[done[k]].in.name) + 1;
	ix = arena_alloc(c->arena, cap * sizeof(*ix));
	if (!ix)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	for (size_t k = 0; !rc && k < m; k++) {
		const struct persons_bulk_row *r = &rows[done[k]];
		const char **tok;
		int nt;

		rc = persons_name_tokens(c, r->in.name, &tok, &nt);
		for (int t = 0; !rc && t < nt; t++)
			ix[n++] = (struct index_row){ tok[t], t + 1 < nt ? tok[t + 1] : "", r->id, t };
	}
	if (rc)
		return rc;
	qsort(ix, n, sizeof(*ix), index_row_cmp);
	return insert_index(c, ix, n);
}

/* The new persons the active wanted list may name. The list is short beside
 * a chunk (a county's hundreds of warrants against 8 000 rows): read once,
 * each of its numbers looked up in the chunk's map, so that only the rows it
 * names are joined (compare_new) instead of every new number in groups of
 * 1 024 (~7 % of an import's CPU). A list longer than the new rows is not
 * read to its end: then every new row is joined, as before. *cand and *mc
 * receive the rows of done[] (m of them) to join, in their order. */
static int wanted_candidates(struct ctx *c, const struct persons_bulk_row *rows, size_t n,
			     struct bulk_map *map, const size_t *done, size_t m, const size_t **cand,
			     size_t *mc)
{
	struct db_stmt *st;
	unsigned char *named = arena_alloc(c->arena, n ? n : 1); /* by index of rows[] */
	size_t *kept = arena_alloc(c->arena, (m ? m : 1) * sizeof(*kept));
	size_t read = 0, k;
	int rc;

	*cand = done;
	*mc = m;
	if (!named || !kept)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	memset(named, 0, n ? n : 1);
	rc = db_prepare(c->db,
			"SELECT id_number FROM wanted_person WHERE withdrawn_at IS NULL"
			" AND id_number IS NOT NULL LIMIT ?",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, (int64_t)m + 1);
	while ((rc = db_step(st, c->err)) == PS_ROW) {
		const char *num = db_column_text(st, 0);
		int i = num ? bulk_map_find(map, num, 0, 0) : -1;

		read++;
		if (i >= 0 && (size_t)i < n && rows[i].state == PERSONS_BULK_DONE)
			named[i] = 1;
	}
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	if (read > m)
		return PS_OK; /* a long list: every new row is joined */
	*mc = 0;
	for (k = 0; k < m; k++)
		if (named[done[k]])
			kept[(*mc)++] = done[k];
	*cand = kept;
	return PS_OK;
}

/* The new persons against the active wanted list (persons_compare, one
 * join per group of numbers). */
static int compare_new(struct ctx *c, const struct persons_bulk_row *rows, const size_t *done, size_t m,
		       json_t *hits)
{
	int rc = PS_OK;

	for (size_t k = 0; !rc && k < m;) {
		size_t g = bulk_group_size(m - k, GROUP_KEYS);
		json_t *found = json_array(), *r;
		struct db_stmt *st;
		size_t i;

		if (!found)
			return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		rc = bulk_prepare(c,
				   "SELECT w.id AS wanted_id, w.name, w.case_desc, w.issuing_unit, p.unit_id, p.id_number,"
				   " p.id AS person_id FROM wanted_person w JOIN person p ON p.id_number = w.id_number"
				   " WHERE w.withdrawn_at IS NULL AND w.id_number IN (",
				   "?", g, ") ORDER BY p.id, w.id", &st);
		if (rc) {
			json_decref(found);
			break;
		}
		for (size_t j = 0; j < g; j++)
			db_bind_text(st, (int)j + 1, rows[done[k + j]].ck.id_number);
		while ((rc = db_step(st, c->err)) == PS_ROW) {
			json_t *row = rows_to_json(st);

			if (!row || json_array_append_new(found, row)) {
				rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
				break;
			}
		}
		db_finalize(st);
		if (rc == PS_DONE)
			rc = PS_OK;
		json_array_foreach(found, i, r) {
			int64_t pid = row_int(r, "person_id");

			if (rc)
				break;
			json_object_del(r, "person_id");
			rc = persons_record_hit(c, pid, r, hits);
		}
		json_decref(found);
		k += g;
	}
	return rc;
}

int persons_bulk_insert(struct ctx *c, struct persons_bulk_row *rows, size_t n, const char *label,
			json_t *hits)
{
	struct bulk_map map;
	const char **num = numbers_of(c, rows, n);
	size_t *pending, *done, m, md, mc;
	const size_t *cand;
	int64_t *ids;
	const char *runs;
	int rc = authz_require(c, ACT_PERSON_REGISTER);

	if (!rc && !num)
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	if (!rc)
		rc = rows_in(c, rows, n, PERSONS_BULK_NEW, &pending, &m);
	if (rc || !m)
		return rc;
	rc = bulk_map_init(c, &map, num, n);
	for (size_t k = 0; !rc && k < m; k++)
		bulk_map_find(&map, rows[pending[k]].ck.id_number, 1, (int)pending[k]);
	if (!rc)
		rc = insert_persons(c, rows, n, pending, m, &map);
	if (!rc)
		rc = rows_in(c, rows, n, PERSONS_BULK_DONE, &done, &md);
	if (!rc)
		rc = index_names(c, rows, done, md);
	if (!rc)
		rc = wanted_candidates(c, rows, n, &map, done, md, &cand, &mc);
	if (!rc)
		rc = compare_new(c, rows, cand, mc, hits);
	if (rc || !md)
		return rc; /* every number registered already: nothing created */
	/* one row for the chunk, naming every person it created */
	ids = arena_alloc(c->arena, (md ? md : 1) * sizeof(*ids));
	for (size_t k = 0; ids && k < md; k++)
		ids[k] = rows[done[k]].id;
	runs = ids ? bulk_id_runs(c, ids, md) : NULL;
	if (!runs)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	return audit_write(c, "person.create", "person", NULL, "success",
			   arena_printf(c->arena, "%s: %zu persons, ids %s", label ? label : "bulk", md, runs));
}
