/* addresses.c — 标准地址: the station's standard addresses (社区 → 楼栋 →
 * 单元 → 房号), one row per place. */
#include "domain/population/addresses.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "domain/bulk.h"

#include <stdio.h>
#include <string.h>

#define ADDRESS_COLS                                                                                   \
	"SELECT a.id, a.community, a.building, a.unit_no, a.room, a.station_id, a.post_id,"                \
	" p.name AS post_name, a.grid_id, gr.name AS grid_name,"                                           \
	" (SELECT COUNT(*) FROM person x WHERE x.address_id = a.id) AS persons,"                           \
	" (SELECT id FROM rental r WHERE r.address_id = a.id) AS rental_id"
#define ADDRESS_FROM                                                                                   \
	" FROM address a JOIN org_unit o ON o.id = a.station_id LEFT JOIN org_unit p ON p.id = a.post_id" \
	" LEFT JOIN grid gr ON gr.id = a.grid_id WHERE o.path LIKE ?"
#define ADDRESS_ORDER " ORDER BY a.community, a.building, a.unit_no, a.room, a.id"

/* the scope's communities with their address counts (the page's filter) */
static int communities(struct ctx *c, json_t *out)
{
	struct rows_query q;
	json_t *rows;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT a.community, COUNT(*) AS addresses FROM address a JOIN org_unit o ON o.id = a.station_id"
		      " WHERE o.path LIKE ? GROUP BY a.community ORDER BY a.community",
		      &rows);
	if (!rc && json_object_set_new(out, "communities", rows))
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	return rc;
}

/* the buildings of one community of the scope with their address counts (the
 * page's 社区 → 楼栋 navigator); an address with no 楼栋 counts under "" */
static int buildings(struct ctx *c, const char *community, json_t *out)
{
	struct rows_query q;
	json_t *rows;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text(&q, community);
	rc = rows_all(&q,
		      "SELECT a.building, COUNT(*) AS addresses FROM address a JOIN org_unit o ON o.id = a.station_id"
		      " WHERE o.path LIKE ? AND a.community = ? GROUP BY a.building ORDER BY a.building",
		      &rows);
	if (!rc && json_object_set_new(out, "buildings", rows))
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	return rc;
}

int addresses_list(struct ctx *c, const struct address_filter *f, json_t **out)
{
	struct rows_query q;
	json_t *items;
	int rc = authz_require(c, ACT_ADDRESS_LIST);

	*out = NULL;
	if (rc)
		return rc;
	if (f->page) {
		rows_query_init(&q, c, ADDRESS_FROM, f->page, f->per_page);
		rows_bind_text(&q, ctx_scope_like(c));
		rows_and_text(&q, "a.community = ?", f->community);
		rows_and_text(&q, "a.building = ?", f->building);
		rows_and_int(&q, "a.grid_id = ?", f->grid_id);
		rows_and_like(&q,
			      "(a.community LIKE ?" ROWS_ESCAPE " OR a.building LIKE ?" ROWS_ESCAPE
			      " OR a.unit_no LIKE ?" ROWS_ESCAPE " OR a.room LIKE ?" ROWS_ESCAPE ")",
			      f->q);
		rc = rows_page(&q, ADDRESS_COLS, ADDRESS_ORDER, out);
		if (!rc)
			rc = communities(c, *out);
		if (!rc && f->community && *f->community)
			rc = buildings(c, f->community, *out);
		if (rc) {
			json_decref(*out);
			*out = NULL;
		}
		return rc;
	}
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text(&q, f->community);
	rows_bind_text(&q, f->community);
	rc = rows_all(&q, ADDRESS_COLS ADDRESS_FROM " AND (? IS NULL OR a.community = ?)" ADDRESS_ORDER " LIMIT 5000",
		      &items);
	if (rc)
		return rc;
	*out = json_pack("{s:I, s:o}", "total", (json_int_t)json_array_size(items), "items", items);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* The unique key of an address of the user's station. */
static const char *address_key(struct ctx *c, const struct address_input *in)
{
	return arena_printf(c->arena, "%lld|%s|%s|%s|%s", (long long)c->who.station_id, in->community,
			    in->building ? in->building : "", in->unit_no ? in->unit_no : "", in->room ? in->room : "");
}

int addresses_find_or_create(struct ctx *c, const struct address_input *in, int64_t *out_id)
{
	struct rows_query q;
	const char *key;
	int64_t id = 0;
	int rc;

	*out_id = 0;
	rc = authz_require(c, ACT_ADDRESS_CREATE);
	if (rc)
		return rc;
	if (!in->community || !*in->community)
		return ps_fail_field(c->err, PS_EINVAL, "community", "请填写社区（村）");
	if (in->post_id) {
		int64_t n = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, in->post_id);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM org_unit WHERE id = ? AND parent_id = ? AND kind = 'post'",
			      0, &n);
		if (!rc && !n)
			rc = ps_fail_field(c->err, PS_EINVAL, "post_id", "警务室应为本所下属警务室");
		if (rc)
			return rc;
	}
	key = address_key(c, in);
	rows_binds(&q, c);
	rows_bind_text(&q, key);
	rc = rows_int(&q, "SELECT id FROM address WHERE address_key = ?", 0, &id);
	if (!rc && !id) {
		rows_binds(&q, c);
		rows_bind_int(&q, c->who.station_id);
		if (in->post_id)
			rows_bind_int(&q, in->post_id);
		else
			rows_bind_text(&q, NULL);
		rows_bind_text(&q, in->community);
		rows_bind_text_exact(&q, in->building ? in->building : "");
		rows_bind_text_exact(&q, in->unit_no ? in->unit_no : "");
		rows_bind_text_exact(&q, in->room ? in->room : "");
		rows_bind_text(&q, key);
		rows_bind_int(&q, c->now);
		rc = rows_insert(&q,
				 "INSERT INTO address(station_id, post_id, community, building, unit_no, room,"
				 " address_key, created_at) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
				 &id);
		if (!rc)
			rc = audit_write(c, "address.create", "address", key, "success", NULL);
	}
	if (!rc)
		*out_id = id;
	return rc;
}

int addresses_create(struct ctx *c, const struct address_input *in, json_t **out)
{
	struct rows_query q;
	int64_t id;
	json_t *a;
	int rc = addresses_find_or_create(c, in, &id);

	*out = NULL;
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, "SELECT id, community, building, unit_no, room, station_id, post_id FROM address"
			  " WHERE id = ?", &a);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "address", a);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* ---- many at once (an import's chunk, issue 14) ---- */

#define ADDR_GROUP_KEYS 1024 /* keys of one IN (…) */
#define ADDR_GROUP_ROWS 256  /* 8 values an address */

/* Look up the keys of the indexes pending[0..m) in groups; ids[i] of the
 * found ones set. */
static int addresses_found(struct ctx *c, struct bulk_map *map, const char *const *keys, const size_t *pending,
			   size_t m, int64_t *ids)
{
	int rc = PS_OK;

	for (size_t k = 0; !rc && k < m;) {
		size_t g = bulk_group_size(m - k, ADDR_GROUP_KEYS);
		struct db_stmt *st;

		rc = bulk_prepare(c, "SELECT id, address_key FROM address WHERE address_key IN (", "?", g, ")", &st);
		if (rc)
			break;
		for (size_t j = 0; j < g; j++)
			db_bind_text(st, (int)j + 1, keys[pending[k + j]]);
		while ((rc = db_step(st, c->err)) == PS_ROW) {
			int i = bulk_map_find(map, db_column_text(st, 1), 0, 0);

			if (i >= 0)
				ids[i] = db_column_int(st, 0);
		}
		db_finalize(st);
		if (rc == PS_DONE)
			rc = PS_OK;
		k += g;
	}
	return rc;
}

static int addresses_insert(struct ctx *c, struct bulk_map *map, const struct address_input *in,
			    const char *const *keys, const size_t *pending, size_t m, int64_t *ids)
{
	int rc = PS_OK;

	for (size_t k = 0; !rc && k < m;) {
		size_t g = bulk_group_size(m - k, ADDR_GROUP_ROWS);
		struct db_stmt *st;
		int b = 1;

		rc = bulk_prepare(c,
				  "INSERT INTO address(station_id, post_id, community, building, unit_no, room,"
				  " address_key, created_at) VALUES ",
				  "(?,NULL,?,?,?,?,?,?)", g, " RETURNING id, address_key", &st);
		if (rc)
			break;
		for (size_t j = 0; j < g; j++) {
			const struct address_input *a = &in[pending[k + j]];

			db_bind_int(st, b++, c->who.station_id);
			db_bind_text(st, b++, a->community);
			db_bind_text(st, b++, a->building ? a->building : "");
			db_bind_text(st, b++, a->unit_no ? a->unit_no : "");
			db_bind_text(st, b++, a->room ? a->room : "");
			db_bind_text(st, b++, keys[pending[k + j]]);
			db_bind_int(st, b++, c->now);
		}
		rc = bulk_returning(c, st, map, ids, g);
		k += g;
	}
	return rc;
}

int addresses_find_or_create_many(struct ctx *c, const struct address_input *in, size_t n, int64_t *ids,
				  const char *label)
{
	const char **keys = arena_alloc(c->arena, (n ? n : 1) * sizeof(*keys));
	size_t *pending = arena_alloc(c->arena, (n ? n : 1) * sizeof(*pending)), m = 0, nm = 0;
	int64_t *made;
	struct bulk_map map;
	const char *runs;
	int rc = authz_require(c, ACT_ADDRESS_CREATE);

	if (rc)
		return rc;
	if (!keys || !pending)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	for (size_t i = 0; i < n; i++) {
		if (!in[i].community || !*in[i].community)
			return ps_fail_field(c->err, PS_EINVAL, "community", "请填写社区（村）");
		if (in[i].post_id)
			return ps_fail_field(c->err, PS_EINVAL, "post_id", "批量登记的地址不指定警务室");
		keys[i] = address_key(c, &in[i]);
		if (!keys[i])
			return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		ids[i] = 0;
	}
	rc = bulk_map_init(c, &map, keys, n);
	for (size_t i = 0; !rc && i < n; i++)
		if (bulk_map_find(&map, keys[i], 1, (int)i) < 0)
			pending[m++] = i; /* the first of each key */
	if (!rc)
		rc = addresses_found(c, &map, keys, pending, m, ids);
	if (rc)
		return rc;
	for (size_t k = 0; k < m; k++)
		if (!ids[pending[k]])
			pending[nm++] = pending[k];
	rc = addresses_insert(c, &map, in, keys, pending, nm, ids);
	if (rc)
		return rc;
	made = arena_alloc(c->arena, (nm ? nm : 1) * sizeof(*made));
	if (!made)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	for (size_t k = 0; k < nm; k++)
		made[k] = ids[pending[k]];
	for (size_t i = 0; i < n; i++)
		if (!ids[i])
			ids[i] = ids[bulk_map_find(&map, keys[i], 0, 0)];
	if (!nm)
		return PS_OK;
	/* one row for the chunk, naming every address it made */
	runs = bulk_id_runs(c, made, nm);
	if (!runs)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	return audit_write(c, "address.create", "address", NULL, "success",
			   arena_printf(c->arena, "%s: %zu addresses, ids %s", label ? label : "bulk", nm, runs));
}
