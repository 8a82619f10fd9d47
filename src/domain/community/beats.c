/* beats.c — 责任区 and their figures, the map, 包片包点, the beat rule. */
#include "domain/community/beats.h"
#include "domain/enums.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/rows.h"
#include "core/json.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

#define DAY 86400

/* Figures of every beat: sql selects id and the figures (every other column
 * is copied into the beat's row; "n" is renamed key) and binds extra (when
 * not 0), then the scope. */
static int figure(struct ctx *c, json_t *byid, const char *key, const char *sql, int64_t extra)
{
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	rows_binds(&q, c);
	if (extra)
		rows_bind_int(&q, extra);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q, sql, &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		json_t *b = json_object_get(byid, arena_printf(c->arena, "%lld", (long long)row_int(r, "id")));

		const char *k;
		json_t *v;

		if (!b)
			continue;
		json_object_foreach(r, k, v) {
			if (strcmp(k, "id"))
				json_object_set(b, strcmp(k, "n") ? k : key, v);
		}
	}
	json_decref(rows);
	return PS_OK;
}

/* the beats of the scope joined to their station */
#define IN_SCOPE " JOIN beat b ON b.id = g.beat_id JOIN org_unit o ON o.id = b.station_id WHERE o.path LIKE ?"

/* the people living at an address: registered there, or an active tenant */
#define LIVING                                                                                    \
	"(SELECT p.id AS pid, p.address_id AS aid, p.kind AS kind FROM person p"                  \
	" WHERE p.address_id IS NOT NULL UNION ALL SELECT t.person_id, r.address_id, p.kind"      \
	" FROM tenancy t JOIN rental r ON r.id = t.rental_id JOIN person p ON p.id = t.person_id" \
	" WHERE t.to_date IS NULL)"

static const char *const figure_keys[] = { "residents", "households", "rentals", "floating", "key_persons",
					   "incidents_30d", NULL };

static int figures(struct ctx *c, json_t *byid)
{
	int rc;

	/* residents, households and floating persons in one pass */
	rc = figure(c, byid, "residents",
		    "SELECT g.beat_id AS id, COUNT(DISTINCT l.pid) AS residents, COUNT(DISTINCT a.id) AS households,"
		    " COUNT(DISTINCT CASE WHEN l.kind = 'floating' THEN l.pid END) AS floating FROM " LIVING " l"
		    " JOIN address a ON a.id = l.aid JOIN grid g ON g.id = a.grid_id" IN_SCOPE " GROUP BY g.beat_id",
		    0);
	if (!rc)
		rc = figure(c, byid, "rentals",
			    "SELECT g.beat_id AS id, COUNT(*) AS n FROM rental r JOIN address a ON a.id = r.address_id"
			    " JOIN grid g ON g.id = a.grid_id" IN_SCOPE " GROUP BY g.beat_id",
			    0);
	if (!rc)
		rc = figure(c, byid, "key_persons",
			    "SELECT k.beat_id AS id, COUNT(*) AS n FROM key_person k JOIN beat b ON b.id = k.beat_id"
			    " JOIN org_unit o ON o.id = b.station_id WHERE k.status <> 'removed' AND o.path LIKE ?"
			    " GROUP BY k.beat_id",
			    0);
	/* an incident is placed by its 社区 only: it counts once, for the beat
	 * holding most of that 社区's addresses (the lower beat id on a tie),
	 * so the beats' and officers' sums are the station's incidents */
	if (!rc)
		rc = figure(c, byid, "incidents_30d",
			    "WITH held AS (SELECT a.station_id, a.community, g.beat_id, COUNT(*) AS n FROM address a"
			    " JOIN grid g ON g.id = a.grid_id GROUP BY a.station_id, a.community, g.beat_id),"
			    " owner AS (SELECT h.station_id, h.community, h.beat_id FROM held h WHERE NOT EXISTS"
			    " (SELECT 1 FROM held y WHERE y.station_id = h.station_id AND y.community = h.community"
			    " AND (y.n > h.n OR (y.n = h.n AND y.beat_id < h.beat_id))))"
			    " SELECT x.beat_id AS id, COUNT(*) AS n FROM incident i JOIN owner x"
			    " ON x.community = i.community AND x.station_id = i.station_id JOIN beat b ON b.id = x.beat_id"
			    " JOIN org_unit o ON o.id = b.station_id WHERE i.duplicate_of IS NULL AND i.received_at >= ?"
			    " AND o.path LIKE ? GROUP BY x.beat_id",
			    c->now - 30 * DAY);
	return rc;
}

int beats_list(struct ctx *c, int over_only, json_t **out)
{
	struct rows_query q;
	json_t *beats, *grids, *aux, *byid, *officers, *kept, *r;
	int64_t limit;
	size_t i;
	int rc, over = 0;

	*out = NULL;
	rc = authz_require(c, ACT_BEAT_LIST);
	if (rc)
		return rc;
	limit = setting_int(c, "community.residents_per_officer", c->who.station_id);
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	/* a station's own beats (no post) first, on both stores: their NULLs
	 * sort at opposite ends */
	rc = rows_all(&q,
		      "SELECT b.id, b.name, b.kind, b.station_id, s.name AS station_name, b.post_id,"
		      " p.name AS post_name, b.officer_id, uo.name AS officer_name, b.sergeant_id,"
		      " us.name AS sergeant_name, b.polygon IS NOT NULL AS drawn"
		      " FROM beat b JOIN org_unit o ON o.id = b.station_id JOIN org_unit s ON s.id = b.station_id"
		      " LEFT JOIN org_unit p ON p.id = b.post_id LEFT JOIN users uo ON uo.id = b.officer_id"
		      " LEFT JOIN users us ON us.id = b.sergeant_id WHERE o.path LIKE ? ORDER BY b.station_id,"
		      " b.post_id IS NOT NULL, b.post_id, b.name",
		      &beats);
	if (rc)
		return rc;
	byid = json_object();
	json_array_foreach(beats, i, r) {
		json_object_set_new(r, "grids", json_array());
		json_object_set_new(r, "auxiliaries", json_array());
		for (const char *const *k = figure_keys; *k; k++)
			json_object_set_new(r, *k, json_integer(0));
		json_object_set(byid, arena_printf(c->arena, "%lld", (long long)row_int(r, "id")), r);
	}
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT g.id, g.name, g.beat_id, (SELECT COUNT(*) FROM address a WHERE a.grid_id = g.id)"
		      " AS addresses FROM grid g" IN_SCOPE " ORDER BY g.name",
		      &grids);
	if (!rc) {
		json_array_foreach(grids, i, r) {
			json_t *b = json_object_get(byid, arena_printf(c->arena, "%lld", (long long)row_int(r, "beat_id")));

			if (b)
				json_array_append(json_object_get(b, "grids"), r);
		}
		json_decref(grids);
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_all(&q,
			      "SELECT x.beat_id, u.id, u.name FROM beat_auxiliary x JOIN users u ON u.id = x.user_id"
			      " JOIN beat b ON b.id = x.beat_id JOIN org_unit o ON o.id = b.station_id"
			      " WHERE o.path LIKE ? ORDER BY u.name",
			      &aux);
	}
	if (!rc) {
		json_array_foreach(aux, i, r) {
			json_t *b = json_object_get(byid, arena_printf(c->arena, "%lld", (long long)row_int(r, "beat_id")));

			if (b)
				json_array_append(json_object_get(b, "auxiliaries"), r);
		}
		json_decref(aux);
		rc = figures(c, byid);
	}
	json_decref(byid);
	if (rc) {
		json_decref(beats);
		return rc;
	}
	/* per officer: the sum over the beats he is responsible for */
	officers = json_object();
	kept = json_array();
	json_array_foreach(beats, i, r) {
		int64_t res = row_int(r, "residents");
		/* the load of the beat's own station (the viewer may be the county) */
		int64_t b_limit = setting_int(c, "community.residents_per_officer", row_int(r, "station_id"));
		int64_t h_limit = setting_int(c, "community.households_per_officer", row_int(r, "station_id"));
		int b_over = !row_int(r, "officer_id") || res > b_limit ||
			     (h_limit > 0 && row_int(r, "households") > h_limit);
		json_t *o;

		json_object_set_new(r, "over_load", json_boolean(b_over));
		json_object_set_new(r, "residents_per_officer", json_integer(b_limit));
		json_object_set_new(r, "households_per_officer", json_integer(h_limit));
		over += b_over;
		if (!over_only || b_over)
			json_array_append(kept, r);
		if (!row_int(r, "officer_id"))
			continue;
		const char *key = arena_printf(c->arena, "%lld", (long long)row_int(r, "officer_id"));

		o = json_object_get(officers, key);
		if (!o) {
			o = json_pack("{s:I, s:O, s:O, s:i, s:I, s:I}", "user_id", (json_int_t)row_int(r, "officer_id"),
				      "name", json_object_get(r, "officer_name"), "station_name",
				      json_object_get(r, "station_name"), "beats", 0, "residents_per_officer",
				      (json_int_t)b_limit, "households_per_officer", (json_int_t)h_limit);
			for (const char *const *k = figure_keys; o && *k; k++)
				json_object_set_new(o, *k, json_integer(0));
			if (!o || json_object_set_new(officers, key, o)) {
				json_decref(officers);
				json_decref(kept);
				json_decref(beats);
				return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
			}
		}
		json_object_set_new(o, "beats", json_integer(row_int(o, "beats") + 1));
		for (const char *const *k = figure_keys; *k; k++)
			json_object_set_new(o, *k, json_integer(row_int(o, *k) + row_int(r, *k)));
	}
	json_decref(beats);
	{
		json_t *list = json_array(), *o;
		const char *k;

		json_object_foreach(officers, k, o) {
			/* an officer's beats are of his station: its load */
			int64_t o_limit = row_int(o, "residents_per_officer"), o_hlimit = row_int(o, "households_per_officer");
			int o_over = row_int(o, "residents") > o_limit ||
				     (o_hlimit > 0 && row_int(o, "households") > o_hlimit);

			json_object_set_new(o, "over_load", json_boolean(o_over));
			json_object_set_new(o, "ratio_pct",
					    json_integer(o_limit > 0 ? row_int(o, "residents") * 100 / o_limit : 0));
			if (!over_only || o_over)
				json_array_append(list, o);
		}
		json_decref(officers);
		*out = json_pack("{s:o, s:o, s:I, s:i}", "items", kept, "officers", list, "residents_per_officer",
				 (json_int_t)limit, "over_load", over);
	}
	if (!*out)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	/* the figures name the officers responsible (AUD-1) */
	rc = audit_read_items(c, "beat.list", "beat", json_object_get(*out, "items"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

/* a user who may hold a beat: sworn staff of the station or its 警务室
 * (auxiliaries: an auxiliary) */
static int check_user(struct ctx *c, int64_t station_id, int64_t user_id, int auxiliary, const char *field)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rows_bind_int(&q, station_id);
	rows_bind_int(&q, station_id);
	rc = rows_int(&q,
		      auxiliary ? "SELECT COUNT(*) FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?"
				  " AND u.disabled = 0 AND (o.id = ? OR o.parent_id = ?) AND u.role = 'auxiliary'"
				: "SELECT COUNT(*) FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?"
				  " AND u.disabled = 0 AND (o.id = ? OR o.parent_id = ?) AND u.role IN ('officer','chief')",
		      0, &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, field,
				   auxiliary ? "辅警应为本所（含警务室）在岗辅警" : "应为本所（含警务室）在岗民警");
	return rc;
}

static int check_polygon(struct ctx *c, json_t *poly)
{
	size_t i, n = json_array_size(poly);
	json_t *pt;

	if (json_is_null(poly))
		return PS_OK;
	if (!json_is_array(poly) || n < 3 || n > 200)
		return ps_fail_field(c->err, PS_EINVAL, "polygon", "区域应为 3–200 个坐标点");
	json_array_foreach(poly, i, pt) {
		if (!json_is_array(pt) || json_array_size(pt) != 2 || !json_is_number(json_array_get(pt, 0)) ||
		    !json_is_number(json_array_get(pt, 1)))
			return ps_fail_field(c->err, PS_EINVAL, "polygon", "坐标点应为 [经度, 纬度]");
	}
	return PS_OK;
}

static int set_people(struct ctx *c, int64_t id, int64_t station_id, const struct beat_input *in)
{
	struct rows_query q;
	json_t *v;
	size_t i;
	int rc = PS_OK;

	if (in->has_officer && in->officer_id)
		rc = check_user(c, station_id, in->officer_id, 0, "officer_id");
	if (!rc && in->has_sergeant && in->sergeant_id)
		rc = check_user(c, station_id, in->sergeant_id, 0, "sergeant_id");
	if (!rc && in->auxiliaries) {
		if (!json_is_array(in->auxiliaries) || json_array_size(in->auxiliaries) > 20)
			return ps_fail_field(c->err, PS_EINVAL, "auxiliaries", "辅警应为用户编号列表（至多 20 人）");
		json_array_foreach(in->auxiliaries, i, v) {
			if (!json_is_integer(v))
				return ps_fail_field(c->err, PS_EINVAL, "auxiliaries", "辅警应为用户编号列表");
			rc = check_user(c, station_id, json_integer_value(v), 1, "auxiliaries");
			if (rc)
				return rc;
		}
	}
	if (!rc && in->polygon)
		rc = check_polygon(c, in->polygon);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in->has_officer);
	if (in->officer_id)
		rows_bind_int(&q, in->officer_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, in->has_sergeant);
	if (in->sergeant_id)
		rows_bind_int(&q, in->sergeant_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, in->polygon ? 1 : 0);
	if (in->polygon && !json_is_null(in->polygon)) {
		char *text = json_render(in->polygon, JSON_COMPACT);

		if (!text)
			return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		rows_bind_text(&q, arena_strdup(c->arena, text));
		json_mem_free(text);
	} else {
		rows_bind_text(&q, NULL);
	}
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE beat SET officer_id = CASE WHEN ? = 1 THEN ? ELSE officer_id END,"
		       " sergeant_id = CASE WHEN ? = 1 THEN ? ELSE sergeant_id END,"
		       " polygon = CASE WHEN ? = 1 THEN ? ELSE polygon END WHERE id = ?",
		       NULL);
	if (!rc && in->auxiliaries) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "DELETE FROM beat_auxiliary WHERE beat_id = ?", NULL);
		json_array_foreach(in->auxiliaries, i, v) {
			if (rc)
				break;
			rows_binds(&q, c);
			rows_bind_int(&q, id);
			rows_bind_int(&q, json_integer_value(v));
			rc = rows_exec(&q, "INSERT INTO beat_auxiliary(beat_id, user_id) VALUES (?,?)"
					   " ON CONFLICT (beat_id, user_id) DO NOTHING", NULL);
		}
	}
	return rc;
}

static int beat_answer(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *b;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT b.id, b.name, b.kind, b.station_id, b.post_id, b.officer_id, b.sergeant_id, b.polygon,"
		      " (SELECT COUNT(*) FROM beat_auxiliary x WHERE x.beat_id = b.id) AS auxiliaries"
		      " FROM beat b WHERE b.id = ?",
		      &b);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "beat", b);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* A 警务室 (post) the beat may belong to: a post under the beat's own station. */
static int check_post(struct ctx *c, int64_t station, int64_t post_id)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, post_id);
	rows_bind_int(&q, station);
	rc = rows_int(&q, "SELECT COUNT(*) FROM org_unit WHERE id = ? AND parent_id = ? AND kind = 'post'", 0, &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, "post_id", "警务室应为本所下属警务室");
	return rc;
}

int beats_create(struct ctx *c, const struct beat_input *in, json_t **out)
{
	struct rows_query q;
	int64_t id;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_BEAT_MANAGE);
	if (rc)
		return rc;
	if (!in->name || !*in->name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "请填写责任区名称");
	if (in->kind && !enums_valid(ES_BEAT_KIND, in->kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "类型应为 urban（城区）/rural（农村）");
	if (in->post_id) {
		rc = check_post(c, c->who.station_id, in->post_id);
		if (rc)
			return rc;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	if (in->post_id)
		rows_bind_int(&q, in->post_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->name);
	rows_bind_text(&q, in->kind ? in->kind : "urban");
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q, "INSERT INTO beat(station_id, post_id, name, kind, created_at) VALUES (?,?,?,?,?)"
			     " RETURNING id", &id);
	if (rc == PS_ECONFLICT)
		return ps_fail(c->err, PS_ECONFLICT, "BEAT_EXISTS", NULL, "本所已有同名责任区");
	if (!rc)
		rc = set_people(c, id, c->who.station_id, in);
	if (!rc)
		rc = audit_write(c, "beat.create", "beat", arena_printf(c->arena, "%lld", (long long)id), "success",
				 in->name);
	return rc ? rc : beat_answer(c, id, out);
}

int beats_update(struct ctx *c, int64_t id, const struct beat_input *in, json_t **out)
{
	struct rows_query q;
	int64_t station = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_BEAT_MANAGE, BEAT_PATH_SQL, id, "责任区不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, "SELECT station_id FROM beat WHERE id = ?", 0, &station);
	/* checked before anything is written: a refused request changes nothing */
	if (!rc && in->has_post)
		rc = check_post(c, station, in->post_id);
	if (!rc && in->name && *in->name) {
		rows_binds(&q, c);
		rows_bind_text(&q, in->name);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE beat SET name = ? WHERE id = ?", NULL);
		if (rc == PS_ECONFLICT)
			return ps_fail(c->err, PS_ECONFLICT, "BEAT_EXISTS", NULL, "本所已有同名责任区");
	}
	if (!rc && in->has_post) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->post_id);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE beat SET post_id = ? WHERE id = ?", NULL);
	}
	if (!rc && in->kind) {
		if (!enums_valid(ES_BEAT_KIND, in->kind))
			return ps_fail_field(c->err, PS_EINVAL, "kind", "类型应为 urban（城区）/rural（农村）");
		rows_binds(&q, c);
		rows_bind_text(&q, in->kind);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE beat SET kind = ? WHERE id = ?", NULL);
	}
	if (!rc)
		rc = set_people(c, id, station, in);
	if (!rc)
		rc = audit_write(c, "beat.update", "beat", arena_printf(c->arena, "%lld", (long long)id), "success",
				 NULL);
	return rc ? rc : beat_answer(c, id, out);
}

int beats_map(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *points, *beats;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_BEAT_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT a.id, a.lng_e6, a.lat_e6, a.community, a.building, a.grid_id, g.beat_id FROM address a"
		      " JOIN org_unit o ON o.id = a.station_id LEFT JOIN grid g ON g.id = a.grid_id"
		      " WHERE o.path LIKE ? AND a.lng_e6 IS NOT NULL AND a.lat_e6 IS NOT NULL ORDER BY a.id",
		      &points);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT b.id, b.name, b.polygon, u.name AS officer_name FROM beat b JOIN org_unit o"
		      " ON o.id = b.station_id LEFT JOIN users u ON u.id = b.officer_id WHERE o.path LIKE ?"
		      " ORDER BY b.id",
		      &beats);
	if (rc) {
		json_decref(points);
		return rc;
	}
	*out = json_pack("{s:o, s:o, s:s}", "points", points, "beats", beats, "tile_url",
			 setting_text(c, "community.map_tile_url", c->who.station_id) ?: "");
	if (!*out)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = audit_read_items(c, "beat.map", "beat", json_object_get(*out, "beats"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int beats_leaders(struct ctx *c, int all, json_t **out)
{
	struct rows_query q;
	json_t *items;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_BEAT_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_int(&q, all);
	rc = rows_all(&q,
		      "SELECT l.id, l.station_id, s.name AS station_name, l.user_id, u.name AS user_name, u.role,"
		      " l.assigned_at, l.ended_on, l.end_reason, e.name AS ended_by_name"
		      " FROM leader_assignment l JOIN org_unit s ON s.id = l.station_id"
		      " JOIN users u ON u.id = l.user_id LEFT JOIN users e ON e.id = l.ended_by"
		      " WHERE s.path LIKE ? AND (? = 1 OR l.ended_on IS NULL)"
		      " ORDER BY l.ended_on IS NOT NULL, s.name, u.name, l.ended_on DESC, l.id DESC",
		      &items);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "items", items);
	if (!*out)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = audit_read_items(c, "leader_assignment.list", "org_unit", items, "station_id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int beats_leader_assign(struct ctx *c, int64_t station_id, int64_t user_id, json_t **out)
{
	struct rows_query q;
	json_t *r = NULL;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_LEADER_ASSIGN, "SELECT path FROM org_unit WHERE id = ? AND kind = 'station'",
			     station_id, "派出所不存在");
	if (rc)
		return rc;
	/* 包片包点 is the bureau's decision, not the station's own */
	if (!c->who.unit_kind || (strcmp(c->who.unit_kind, "bureau") && strcmp(c->who.unit_kind, "city")))
		return ctx_deny(c, "leader_assignment.create", "org_unit",
				arena_printf(c->arena, "%lld", (long long)station_id), "包片领导由县（市）局指定");
	/* a leader (chief or supervisor) of a bureau or city above the station */
	{
		json_t *u = NULL;
		const char *spath = NULL;

		rows_binds(&q, c);
		rows_bind_int(&q, user_id);
		rc = rows_one(&q,
			      "SELECT o.path, o.kind FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?"
			      " AND u.disabled = 0 AND u.role IN ('chief','supervisor')",
			      &u);
		if (rc == PS_ENOTFOUND)
			rc = PS_OK;
		if (!rc) {
			rows_binds(&q, c);
			rows_bind_int(&q, station_id);
			rc = rows_one(&q, "SELECT path FROM org_unit WHERE id = ?", &r);
		}
		if (!rc) {
			spath = row_str(r, "path");
			n = u && spath && row_str(u, "kind") &&
			    (!strcmp(row_str(u, "kind"), "bureau") || !strcmp(row_str(u, "kind"), "city")) &&
			    !strncmp(spath, row_str(u, "path"), strlen(row_str(u, "path")));
			json_decref(r);
		}
		json_decref(u);
		if (rc)
			return rc;
	}
	if (!n)
		return ps_fail_field(c->err, PS_EINVAL, "user_id", "包片领导应为上级局的领导（所长、督察）");
	/* assigned already (and not ended): the answer is the list as it is */
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rows_bind_int(&q, user_id);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM leader_assignment WHERE station_id = ? AND user_id = ? AND ended_on IS NULL", 0,
		      &n);
	if (rc)
		return rc;
	if (n)
		return beats_leaders(c, 0, out);
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rows_bind_int(&q, user_id);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_exec(&q, "INSERT INTO leader_assignment(station_id, user_id, assigned_by, assigned_at) VALUES (?,?,?,?)",
		       NULL);
	if (!rc)
		rc = audit_write(c, "leader_assignment.create", "org_unit",
				 arena_printf(c->arena, "%lld", (long long)station_id), "success",
				 arena_printf(c->arena, "user=%lld", (long long)user_id));
	return rc ? rc : beats_leaders(c, 0, out);
}

int beats_leader_end(struct ctx *c, int64_t id, const char *ended_on, const char *reason, json_t **out)
{
	struct rows_query q;
	json_t *l;
	const char *from;
	int64_t n = 0, day;
	int y, m, d, rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_LEADER_END,
			     "SELECT s.path FROM leader_assignment l JOIN org_unit s ON s.id = l.station_id WHERE l.id = ?",
			     id, "包片领导指定记录不存在");
	if (rc)
		return rc;
	/* 包片包点 is the bureau's decision, and so is its end */
	if (!c->who.unit_kind || (strcmp(c->who.unit_kind, "bureau") && strcmp(c->who.unit_kind, "city")))
		return ctx_deny(c, "leader_assignment.end", "leader_assignment",
				arena_printf(c->arena, "%lld", (long long)id), "包片领导由县（市）局指定和撤销");
	if (!ended_on || !date_valid_str(ended_on))
		return ps_fail_field(c->err, PS_EINVAL, "ended_on", "撤销日期应为 YYYY-MM-DD");
	if (strcmp(ended_on, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, "ended_on", "撤销日期不能晚于今天");
	if (!reason || !*reason)
		return ps_fail_field(c->err, PS_EINVAL, "reason", "请填写撤销原因");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, "SELECT station_id, user_id, assigned_at, ended_on FROM leader_assignment WHERE id = ?", &l);
	if (rc)
		return rc;
	day = date_local_days(row_int(l, "assigned_at"));
	date_civil_from_days(day, &y, &m, &d);
	from = arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
	if (row_str(l, "ended_on")) {
		json_decref(l);
		return ps_fail(c->err, PS_ECONFLICT, "ASSIGNMENT_ENDED", NULL, "该包片领导已撤销");
	}
	if (from && strcmp(ended_on, from) < 0) {
		json_decref(l);
		return ps_fail_field(c->err, PS_EINVAL, "ended_on", "撤销日期不能早于指定日期（%s）", from);
	}
	json_decref(l);
	rows_binds(&q, c);
	rows_bind_text(&q, ended_on);
	rows_bind_text(&q, reason);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE leader_assignment SET ended_on = ?, end_reason = ?, ended_by = ?, ended_at = ?"
		       " WHERE id = ? AND ended_on IS NULL",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "ASSIGNMENT_ENDED", NULL, "该包片领导已撤销");
	if (!rc)
		rc = audit_write(c, "leader_assignment.end", "leader_assignment",
				 arena_printf(c->arena, "%lld", (long long)id), "success",
				 arena_printf(c->arena, "%s %s", ended_on, reason));
	return rc ? rc : beats_leaders(c, 0, out);
}

int beats_of_address(struct ctx *c, int64_t address_id, int64_t *beat_id)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, address_id);
	return rows_int(&q, "SELECT g.beat_id FROM address a JOIN grid g ON g.id = a.grid_id WHERE a.id = ?", 0,
			beat_id);
}

int beats_mine(struct ctx *c, int64_t beat_id, int *yes)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	*yes = 1;
	/* the station's chief works every beat; an address in no beat is open */
	if (!beat_id || ctx_has_role(c, "chief"))
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_int(&q, beat_id);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->who.user_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM beat WHERE id = ? AND id IN " BEATS_OF_USER_SQL, 0, &n);
	*yes = n > 0;
	return rc;
}

int beats_may_edit(struct ctx *c, int64_t address_id, int64_t beat_id, const char *action,
		   const char *object_type, int64_t object_id)
{
	int mine = 0, rc;

	if (address_id) {
		rc = beats_of_address(c, address_id, &beat_id);
		if (rc)
			return rc;
	}
	rc = beats_mine(c, beat_id, &mine);
	if (rc || mine)
		return rc;
	rc = ctx_deny(c, action, object_type, arena_printf(c->arena, "%lld", (long long)object_id),
		      "只有本责任区的社区民警、警长和辅警可以登记或修改该记录，其他人员只能查看");
	c->err->rule = "COM-WARD";
	return rc;
}
