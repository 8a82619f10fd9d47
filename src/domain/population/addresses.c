/* addresses.c — 标准地址: the station's standard addresses (社区 → 楼栋 →
 * 单元 → 房号), one row per place. */
#include "domain/population/addresses.h"
#include "domain/community/beats.h"
#include "domain/enums.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "domain/bulk.h"
#include "core/text.h"

#include <stdio.h>
#include <string.h>

#define ADDRESS_COLS                                                                                   \
	"SELECT a.id, a.community, a.building, a.unit_no, a.room, a.station_id, a.post_id,"                \
	" p.name AS post_name, a.grid_id, gr.name AS grid_name, gr.beat_id, a.building_type, a.lng_e6,"    \
	" a.lat_e6,"                                                                                       \
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

/* the scope's address figures: all and those in no grid (未划网格) */
static int figures(struct ctx *c, json_t *out)
{
	struct rows_query q;
	json_t *row;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_one(&q,
		      "SELECT COUNT(*) AS addresses, COALESCE(SUM(CASE WHEN a.grid_id IS NULL THEN 1 ELSE 0 END), 0)"
		      " AS no_grid FROM address a JOIN org_unit o ON o.id = a.station_id WHERE o.path LIKE ?",
		      &row);
	if (!rc && json_object_set_new(out, "figures", row))
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
		rows_and_int(&q, "a.grid_id IS NULL", f->no_grid);
		rows_and_like(&q,
			      "(a.community LIKE ?" ROWS_ESCAPE " OR a.building LIKE ?" ROWS_ESCAPE
			      " OR a.unit_no LIKE ?" ROWS_ESCAPE " OR a.room LIKE ?" ROWS_ESCAPE ")",
			      f->q);
		rc = rows_page(&q, ADDRESS_COLS, ADDRESS_ORDER, out);
		if (!rc)
			rc = communities(c, *out);
		if (!rc)
			rc = figures(c, *out);
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
	rows_bind_int(&q, f->no_grid);
	rc = rows_all(&q,
		      ADDRESS_COLS ADDRESS_FROM " AND (? IS NULL OR a.community = ?) AND (? = 0 OR a.grid_id IS NULL)"
			      ADDRESS_ORDER " LIMIT 5000",
		      &items);
	if (rc)
		return rc;
	*out = json_pack("{s:I, s:o}", "total", (json_int_t)json_array_size(items), "items", items);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* The unique key of an address of a station. */
static const char *key_of(struct ctx *c, int64_t station_id, const char *community, const char *building,
			  const char *unit_no, const char *room)
{
	return arena_printf(c->arena, "%lld|%s|%s|%s|%s", (long long)station_id, community, building ? building : "",
			    unit_no ? unit_no : "", room ? room : "");
}

/* The unique key of an address of the user's station. */
static const char *address_key(struct ctx *c, const struct address_input *in)
{
	return key_of(c, c->who.station_id, in->community, in->building, in->unit_no, in->room);
}

/* The grid, building type and map point of an address of station_id: the
 * grid one of the station's (*beat_id its beat), the type of enum
 * building_type, the point both or neither and on the globe. */
static int check_place(struct ctx *c, int64_t station_id, int64_t grid_id, const char *building_type,
		       int has_point, int64_t lng_e6, int64_t lat_e6, int64_t *beat_id)
{
	struct rows_query q;
	int rc;

	*beat_id = 0;
	if (building_type && *building_type && !enums_valid(ES_BUILDING_TYPE, building_type))
		return ps_fail_field(c->err, PS_EINVAL, "building_type", "建筑类型不正确");
	if (has_point && (lng_e6 < -180000000 || lng_e6 > 180000000))
		return ps_fail_field(c->err, PS_EINVAL, "lng_e6", "经度应在 -180° 到 180° 之间");
	if (has_point && (lat_e6 < -90000000 || lat_e6 > 90000000))
		return ps_fail_field(c->err, PS_EINVAL, "lat_e6", "纬度应在 -90° 到 90° 之间");
	if (grid_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, grid_id);
		rows_bind_int(&q, station_id);
		rc = rows_int(&q, "SELECT g.beat_id FROM grid g JOIN beat b ON b.id = g.beat_id WHERE g.id = ?"
				  " AND b.station_id = ?",
			      0, beat_id);
		if (rc)
			return rc;
		if (!*beat_id)
			return ps_fail_field(c->err, PS_EINVAL, "grid_id", "网格应为本所责任区的网格");
	}
	return PS_OK;
}

/* the whole row of an address as the list gives it */
static int address_row(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_text(&q, "%");
	rows_bind_int(&q, id);
	return rows_one(&q, ADDRESS_COLS ADDRESS_FROM " AND a.id = ?", out);
}

int addresses_check_parts(struct ctx *c, const char *community, const char *building, const char *unit_no,
			  const char *room)
{
	static const struct {
		const char *field, *label;
		size_t max;
	} part[] = {
		{ "community", "社区（村）", ADDRESS_COMMUNITY_MAX },
		{ "building", "楼栋", ADDRESS_BUILDING_MAX },
		{ "unit_no", "单元", ADDRESS_UNIT_MAX },
		{ "room", "房号", ADDRESS_ROOM_MAX },
	};
	const char *v[] = { community, building, unit_no, room };

	for (size_t i = 0; i < sizeof(part) / sizeof(part[0]); i++)
		if (!text_is_line(v[i], part[i].max))
			return ps_fail_field(c->err, PS_EINVAL, part[i].field, "%s应为一行、不超过 %zu 个字（不含换行和制表符）",
					     part[i].label, part[i].max);
	return PS_OK;
}

static int find_or_create(struct ctx *c, const struct address_input *in, int64_t *out_id, int *created)
{
	struct rows_query q;
	const char *key;
	int64_t id = 0, beat = 0;
	int rc;

	*out_id = 0;
	rc = authz_require(c, ACT_ADDRESS_CREATE);
	if (rc)
		return rc;
	if (!in->community || !*in->community)
		return ps_fail_field(c->err, PS_EINVAL, "community", "请填写社区（村）");
	rc = addresses_check_parts(c, in->community, in->building, in->unit_no, in->room);
	if (rc)
		return rc;
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
	rc = check_place(c, c->who.station_id, in->grid_id, in->building_type, in->has_point, in->lng_e6, in->lat_e6,
			 &beat);
	if (rc)
		return rc;
	key = address_key(c, in);
	rows_binds(&q, c);
	rows_bind_text(&q, key);
	rc = rows_int(&q, "SELECT id FROM address WHERE address_key = ?", 0, &id);
	/* COM-WARD: an address put in a grid is a record of its beat */
	if (!rc && !id && beat)
		rc = beats_may_edit(c, 0, beat, "address.create", "grid", in->grid_id);
	if (!rc && !id) {
		int point = in->has_point && (in->lng_e6 || in->lat_e6);

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
		if (in->grid_id)
			rows_bind_int(&q, in->grid_id);
		else
			rows_bind_text(&q, NULL);
		rows_bind_text(&q, in->building_type);
		if (point) {
			rows_bind_int(&q, in->lng_e6);
			rows_bind_int(&q, in->lat_e6);
		} else {
			rows_bind_text(&q, NULL);
			rows_bind_text(&q, NULL);
		}
		rc = rows_insert(&q,
				 "INSERT INTO address(station_id, post_id, community, building, unit_no, room,"
				 " address_key, created_at, grid_id, building_type, lng_e6, lat_e6)"
				 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
				 &id);
		if (!rc)
			rc = audit_write(c, "address.create", "address", key, "success",
					 in->grid_id || in->building_type || point
						 ? arena_printf(c->arena, "grid=%lld type=%s point=%s", (long long)in->grid_id,
								in->building_type && *in->building_type ? in->building_type : "-",
								point ? "set" : "-")
						 : NULL);
		if (!rc)
			*created = 1;
	}
	if (!rc)
		*out_id = id;
	return rc;
}

int addresses_find_or_create(struct ctx *c, const struct address_input *in, int64_t *out_id)
{
	int created = 0;

	return find_or_create(c, in, out_id, &created);
}

int addresses_create(struct ctx *c, const struct address_input *in, json_t **out)
{
	int64_t id;
	json_t *a;
	int created = 0, rc = find_or_create(c, in, &id, &created);

	*out = NULL;
	if (rc)
		return rc;
	rc = address_row(c, id, &a);
	if (rc)
		return rc;
	*out = json_pack("{s:o, s:b}", "address", a, "created", created);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* "field: old→new; " of a changed text field */
static void change(struct ctx *c, const char **log, const char *field, const char *was, const char *now)
{
	if (!*log)
		return;
	if (!was)
		was = "";
	if (!now)
		now = "";
	if (strcmp(was, now))
		*log = arena_printf(c->arena, "%s%s%s: %s→%s", *log, **log ? "; " : "", field, *was ? was : "(空)",
				    *now ? now : "(空)");
}

/* the new value, or the row's (copied to the arena: the row is freed first) */
static const char *or_was(struct ctx *c, const char *v, json_t *row, const char *key)
{
	return v ? v : arena_strdup(c->arena, row_str(row, key) ? row_str(row, key) : "");
}

int addresses_update(struct ctx *c, int64_t id, const struct address_update *in, json_t **out)
{
	struct rows_query q;
	json_t *a;
	const char *community, *building, *unit_no, *room, *btype, *key, *log = "";
	int64_t station, grid, lng, lat, new_beat = 0, other = 0;
	int point, rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_ADDRESS_UPDATE,
			     "SELECT o.path FROM address a JOIN org_unit o ON o.id = a.station_id WHERE a.id = ?", id,
			     "地址不存在");
	if (rc)
		return rc;
	if (in->community && !*in->community)
		return ps_fail_field(c->err, PS_EINVAL, "community", "请填写社区（村）");
	rc = addresses_check_parts(c, in->community, in->building, in->unit_no, in->room);
	if (rc)
		return rc;
	rc = address_row(c, id, &a);
	if (rc)
		return rc;
	station = row_int(a, "station_id");
	community = or_was(c, in->community, a, "community");
	building = or_was(c, in->building, a, "building");
	unit_no = or_was(c, in->unit_no, a, "unit_no");
	room = or_was(c, in->room, a, "room");
	btype = in->building_type ? in->building_type : or_was(c, NULL, a, "building_type");
	grid = in->has_grid ? in->grid_id : row_int(a, "grid_id");
	point = in->has_point ? (in->lng_e6 || in->lat_e6) : json_is_integer(json_object_get(a, "lng_e6"));
	lng = in->has_point ? in->lng_e6 : row_int(a, "lng_e6");
	lat = in->has_point ? in->lat_e6 : row_int(a, "lat_e6");
	rc = check_place(c, station, in->has_grid ? grid : 0, in->building_type, in->has_point, lng, lat, &new_beat);
	/* COM-WARD: the address's beat decides who edits it, and so does the
	 * beat of the grid it moves to */
	if (!rc)
		rc = beats_may_edit(c, id, 0, "address.update", "address", id);
	if (!rc && new_beat && new_beat != row_int(a, "beat_id"))
		rc = beats_may_edit(c, 0, new_beat, "address.update", "address", id);
	key = key_of(c, station, community, building, unit_no, room);
	if (!rc && (!key || !community || !building || !unit_no || !room || !btype))
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, key);
		rows_bind_int(&q, id);
		rc = rows_int(&q, "SELECT id FROM address WHERE address_key = ? AND id <> ?", 0, &other);
		if (!rc && other)
			rc = ps_fail(c->err, PS_ECONFLICT, "ADDRESS_EXISTS", NULL, "已有同一地址（编号 %lld）",
				     (long long)other);
	}
	if (rc) {
		json_decref(a);
		return rc;
	}
	change(c, &log, "community", row_str(a, "community"), community);
	change(c, &log, "building", row_str(a, "building"), building);
	change(c, &log, "unit_no", row_str(a, "unit_no"), unit_no);
	change(c, &log, "room", row_str(a, "room"), room);
	change(c, &log, "building_type", row_str(a, "building_type"), btype);
	change(c, &log, "grid_id", row_int(a, "grid_id") ? arena_printf(c->arena, "%lld", (long long)row_int(a, "grid_id")) : "",
	       grid ? arena_printf(c->arena, "%lld", (long long)grid) : "");
	change(c, &log, "point",
	       json_is_integer(json_object_get(a, "lng_e6"))
		       ? arena_printf(c->arena, "%lld,%lld", (long long)row_int(a, "lng_e6"), (long long)row_int(a, "lat_e6"))
		       : "",
	       point ? arena_printf(c->arena, "%lld,%lld", (long long)lng, (long long)lat) : "");
	json_decref(a);
	if (!log)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rows_binds(&q, c);
	rows_bind_text(&q, community);
	rows_bind_text_exact(&q, building);
	rows_bind_text_exact(&q, unit_no);
	rows_bind_text_exact(&q, room);
	rows_bind_text(&q, key);
	rows_bind_text(&q, btype && *btype ? btype : NULL);
	if (grid)
		rows_bind_int(&q, grid);
	else
		rows_bind_text(&q, NULL);
	if (point) {
		rows_bind_int(&q, lng);
		rows_bind_int(&q, lat);
	} else {
		rows_bind_text(&q, NULL);
		rows_bind_text(&q, NULL);
	}
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE address SET community = ?, building = ?, unit_no = ?, room = ?, address_key = ?,"
		       " building_type = ?, grid_id = ?, lng_e6 = ?, lat_e6 = ? WHERE id = ?",
		       NULL);
	if (rc == PS_ECONFLICT)
		rc = ps_fail(c->err, PS_ECONFLICT, "ADDRESS_EXISTS", NULL, "已有同一地址");
	if (!rc)
		rc = audit_write(c, "address.update", "address", arena_printf(c->arena, "%lld", (long long)id), "success",
				 *log ? log : "无变化");
	if (!rc)
		rc = address_row(c, id, &a);
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
		rc = addresses_check_parts(c, in[i].community, in[i].building, in[i].unit_no, in[i].room);
		if (rc)
			return rc;
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
