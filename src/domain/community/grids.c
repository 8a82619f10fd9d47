/* grids.c — 网格 and the bulk assignment of addresses. */
#include "domain/community/grids.h"
#include "domain/community/beats.h"
#include "domain/community/key_persons.h"
#include "domain/enums.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"

#include <stdio.h>
#include <string.h>

int grids_create(struct ctx *c, int64_t beat_id, const char *name, json_t **out)
{
	struct rows_query q;
	json_t *g;
	int64_t id;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_BEAT_MANAGE, BEAT_PATH_SQL, beat_id, "责任区不存在");
	if (rc)
		return rc;
	if (!name || !*name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "请填写网格名称");
	rows_binds(&q, c);
	rows_bind_int(&q, beat_id);
	rows_bind_text(&q, name);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q, "INSERT INTO grid(beat_id, name, created_at) VALUES (?,?,?) RETURNING id", &id);
	if (rc == PS_ECONFLICT)
		return ps_fail(c->err, PS_ECONFLICT, "GRID_EXISTS", NULL, "该责任区已有同名网格");
	if (!rc)
		rc = audit_write(c, "grid.create", "grid", arena_printf(c->arena, "%lld", (long long)id), "success",
				 name);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, "SELECT id, beat_id, name FROM grid WHERE id = ?", &g);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "grid", g);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* point in polygon (even-odd rule) */
static int inside(json_t *poly, double x, double y)
{
	size_t n = json_array_size(poly), i, j;
	int in = 0;

	for (i = 0, j = n - 1; i < n; j = i++) {
		double xi = json_number_value(json_array_get(json_array_get(poly, i), 0));
		double yi = json_number_value(json_array_get(json_array_get(poly, i), 1));
		double xj = json_number_value(json_array_get(json_array_get(poly, j), 0));
		double yj = json_number_value(json_array_get(json_array_get(poly, j), 1));

		if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
			in = !in;
	}
	return in;
}

static int move_one(struct ctx *c, int64_t grid_id, int64_t address_id, const char *btype, int64_t *moved)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, grid_id);
	rows_bind_text(&q, btype);
	rows_bind_int(&q, address_id);
	rows_bind_int(&q, c->who.station_id);
	rc = rows_exec(&q,
		       "UPDATE address SET grid_id = ?, building_type = COALESCE(?, building_type) WHERE id = ?"
		       " AND station_id = ?",
		       &n);
	*moved += n;
	return rc;
}

int grids_assign(struct ctx *c, int64_t grid_id, const struct grid_assign *in, json_t **out)
{
	struct rows_query q;
	json_t *rows, *r, *v;
	int64_t moved = 0;
	size_t i;
	int rc, ways = !!(in->community && *in->community) + !!in->address_ids + !!in->polygon;

	*out = NULL;
	rc = rows_check_unit(c, ACT_BEAT_MANAGE, GRID_PATH_SQL, grid_id, "网格不存在");
	if (rc)
		return rc;
	if (ways != 1)
		return ps_fail_field(c->err, PS_EINVAL, "community",
				     "请选择一种方式：按社区（街道、村）、按楼栋、按地址列表或在地图上圈选");
	if (in->building && *in->building && !(in->community && *in->community))
		return ps_fail_field(c->err, PS_EINVAL, "community", "按楼栋分配时请同时填写社区");
	if (in->building_type && !enums_valid(ES_BUILDING_TYPE, in->building_type))
		return ps_fail_field(c->err, PS_EINVAL, "building_type", "建筑类型不正确");
	if (in->address_ids) {
		if (!json_is_array(in->address_ids) || json_array_size(in->address_ids) > 5000)
			return ps_fail_field(c->err, PS_EINVAL, "address_ids", "地址应为编号列表（至多 5000 个）");
		json_array_foreach(in->address_ids, i, v) {
			if (!json_is_integer(v))
				return ps_fail_field(c->err, PS_EINVAL, "address_ids", "地址应为编号列表");
			rc = move_one(c, grid_id, json_integer_value(v), in->building_type, &moved);
			if (rc)
				return rc;
		}
	} else if (in->polygon) {
		size_t n = json_array_size(in->polygon);

		if (!json_is_array(in->polygon) || n < 3 || n > 200)
			return ps_fail_field(c->err, PS_EINVAL, "polygon", "圈选区域应为 3–200 个坐标点");
		json_array_foreach(in->polygon, i, v) {
			if (!json_is_array(v) || json_array_size(v) != 2 || !json_is_number(json_array_get(v, 0)) ||
			    !json_is_number(json_array_get(v, 1)))
				return ps_fail_field(c->err, PS_EINVAL, "polygon", "坐标点应为 [经度, 纬度]");
		}
		rows_binds(&q, c);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_all(&q, "SELECT id, lng_e6, lat_e6 FROM address WHERE station_id = ? AND lng_e6 IS NOT NULL",
			      &rows);
		if (rc)
			return rc;
		json_array_foreach(rows, i, r) {
			if (!inside(in->polygon, (double)row_int(r, "lng_e6") / 1e6, (double)row_int(r, "lat_e6") / 1e6))
				continue;
			rc = move_one(c, grid_id, row_int(r, "id"), in->building_type, &moved);
			if (rc)
				break;
		}
		json_decref(rows);
		if (rc)
			return rc;
	} else {
		rows_binds(&q, c);
		rows_bind_int(&q, grid_id);
		rows_bind_text(&q, in->building_type);
		rows_bind_int(&q, c->who.station_id);
		rows_bind_text(&q, in->community);
		if (in->building && *in->building)
			rows_bind_text(&q, in->building);
		rc = rows_exec(&q,
			       in->building && *in->building
				       ? "UPDATE address SET grid_id = ?, building_type = COALESCE(?, building_type)"
					 " WHERE station_id = ? AND community = ? AND building = ?"
				       : "UPDATE address SET grid_id = ?, building_type = COALESCE(?, building_type)"
					 " WHERE station_id = ? AND community = ?",
			       &moved);
		if (rc)
			return rc;
	}
	/* the key persons living there follow their addresses */
	rc = key_persons_rebeat_grid(c, grid_id);
	if (!rc)
		rc = audit_write(c, "grid.assign", "grid", arena_printf(c->arena, "%lld", (long long)grid_id), "success",
			 arena_printf(c->arena, "moved=%lld", (long long)moved));
	if (rc)
		return rc;
	*out = json_pack("{s:I, s:I}", "grid_id", (json_int_t)grid_id, "moved", (json_int_t)moved);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
