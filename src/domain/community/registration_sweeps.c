/* registration_sweeps.c — 漏登漏管: the candidate list, sweeps, findings. */
#include "domain/community/registration_sweeps.h"
#include "domain/community/beats.h"
#include "domain/enums.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

/* the addresses of the scope with the people registered there (residents
 * and active tenants) and the count the last household visit found */
#define CANDIDATES                                                                                        \
	"SELECT a.id, a.community, a.building, a.unit_no, a.room, a.building_type, g.beat_id,"           \
	" b.name AS beat_name,"                                                                            \
	" (SELECT COUNT(*) FROM person p WHERE p.address_id = a.id) + (SELECT COUNT(*) FROM tenancy t"    \
	" JOIN rental r ON r.id = t.rental_id WHERE r.address_id = a.id AND t.to_date IS NULL) AS registered," \
	" (SELECT v.persons_seen FROM household_visit v WHERE v.address_id = a.id"                         \
	" ORDER BY v.visited_on DESC, v.id DESC LIMIT 1) AS last_seen"                                     \
	" FROM address a JOIN org_unit o ON o.id = a.station_id LEFT JOIN grid g ON g.id = a.grid_id"      \
	" LEFT JOIN beat b ON b.id = g.beat_id WHERE o.path LIKE ? AND (? = 0 OR g.beat_id = ?)"           \
	" AND (? IS NULL OR a.building_type = ?) ORDER BY a.community, a.building, a.unit_no, a.room"

static int candidates(struct ctx *c, int64_t beat_id, const char *btype, json_t **out)
{
	struct rows_query q;
	json_t *rows, *kept, *r;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_int(&q, beat_id);
	rows_bind_int(&q, beat_id);
	rows_bind_text(&q, btype);
	rows_bind_text(&q, btype);
	rc = rows_all(&q, CANDIDATES, &rows);
	if (rc)
		return rc;
	kept = json_array();
	json_array_foreach(rows, i, r) {
		int64_t reg = row_int(r, "registered");
		json_t *seen = json_object_get(r, "last_seen");

		if (reg == 0)
			json_object_set_new(r, "reason", json_string("empty"));
		else if (json_is_integer(seen) && json_integer_value(seen) != reg)
			json_object_set_new(r, "reason", json_string("mismatch"));
		else
			continue;
		json_array_append(kept, r);
	}
	json_decref(rows);
	*out = kept;
	return PS_OK;
}

int registration_sweeps_candidates(struct ctx *c, int64_t beat_id, const char *building_type, json_t **out)
{
	json_t *items, *buildings, *r, *byb;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_REGISTRATION_SWEEP_LIST);
	if (rc)
		return rc;
	if (building_type && !enums_valid(ES_BUILDING_TYPE, building_type))
		return ps_fail_field(c->err, PS_EINVAL, "building_type", "建筑类型不正确");
	rc = candidates(c, beat_id, building_type, &items);
	if (rc)
		return rc;
	/* the same per building */
	byb = json_object();
	buildings = json_array();
	json_array_foreach(items, i, r) {
		const char *key = arena_printf(c->arena, "%s|%s", row_str(r, "community"), row_str(r, "building"));
		json_t *b = json_object_get(byb, key);

		if (!b) {
			b = json_pack("{s:O, s:O, s:O, s:i, s:i}", "community", json_object_get(r, "community"), "building",
				      json_object_get(r, "building"), "building_type", json_object_get(r, "building_type"),
				      "empty", 0, "mismatch", 0);
			if (!b)
				continue;
			json_object_set_new(byb, key, b);
			json_array_append(buildings, b);
		}
		const char *why = row_str(r, "reason");

		json_object_set_new(b, why, json_integer(row_int(b, why) + 1));
	}
	json_decref(byb);
	*out = json_pack("{s:o, s:I, s:o}", "items", items, "total", (json_int_t)json_array_size(items), "buildings",
			 buildings);
	if (!*out)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = audit_read_items(c, "registration_sweep.candidates", "address", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int registration_sweeps_create(struct ctx *c, const char *title, const char *planned_on, int64_t beat_id,
			       json_t *address_ids, json_t **out)
{
	struct rows_query q;
	json_t *list = NULL, *v;
	int64_t id, n = 0;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_REGISTRATION_SWEEP_MANAGE);
	if (rc)
		return rc;
	if (!title || !*title)
		return ps_fail_field(c->err, PS_EINVAL, "title", "请填写排查名称");
	if (!planned_on)
		planned_on = ctx_today_str(c);
	if (!date_valid_str(planned_on))
		return ps_fail_field(c->err, PS_EINVAL, "planned_on", "计划日期应为 YYYY-MM-DD");
	if (address_ids && (!json_is_array(address_ids) || !json_array_size(address_ids) ||
			    json_array_size(address_ids) > 2000))
		return ps_fail_field(c->err, PS_EINVAL, "address_ids", "地址应为 1–2000 个编号");
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_text(&q, title);
	rows_bind_text(&q, planned_on);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO registration_sweep(station_id, title, planned_on, status, created_by, created_at)"
			 " VALUES (?,?,?,'planned',?,?) RETURNING id",
			 &id);
	if (rc)
		return rc;
	if (!address_ids) {
		rc = candidates(c, beat_id, NULL, &list);
		if (rc)
			return rc;
	}
	json_array_foreach(address_ids ? address_ids : list, i, v) {
		int64_t aid = address_ids ? json_integer_value(v) : row_int(v, "id"), ok = 0;

		if (address_ids && !json_is_integer(v)) {
			rc = ps_fail_field(c->err, PS_EINVAL, "address_ids", "地址应为编号列表");
			break;
		}
		rows_binds(&q, c);
		rows_bind_int(&q, aid);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM address WHERE id = ? AND station_id = ?", 0, &ok);
		if (!rc && !ok)
			rc = ps_fail_field(c->err, PS_EINVAL, "address_ids", "地址不存在或不属于本所");
		if (rc)
			break;
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_int(&q, aid);
		rc = rows_exec(&q, "INSERT INTO registration_sweep_item(sweep_id, address_id) VALUES (?,?)"
				   " ON CONFLICT (sweep_id, address_id) DO NOTHING", NULL);
		if (rc)
			break;
		n++;
	}
	json_decref(list);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, "address_ids", "没有需要排查的地址");
	if (!rc)
		rc = audit_write(c, "registration_sweep.create", "registration_sweep",
				 arena_printf(c->arena, "%lld", (long long)id), "success",
				 arena_printf(c->arena, "addresses=%lld", (long long)n));
	return rc ? rc : registration_sweeps_get(c, id, out);
}

#define SWEEP_FIGURES                                                                                     \
	" (SELECT COUNT(*) FROM registration_sweep_item i WHERE i.sweep_id = s.id) AS addresses,"         \
	" (SELECT COUNT(*) FROM registration_sweep_item i WHERE i.sweep_id = s.id AND i.checked = 1) AS checked," \
	" (SELECT COALESCE(SUM(i.found), 0) FROM registration_sweep_item i WHERE i.sweep_id = s.id) AS found," \
	" (SELECT COALESCE(SUM(i.registered), 0) FROM registration_sweep_item i WHERE i.sweep_id = s.id)"  \
	" AS registered"

static void left(json_t *r)
{
	json_object_set_new(r, "left", json_integer(row_int(r, "found") - row_int(r, "registered")));
}

int registration_sweeps_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items, *r;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_REGISTRATION_SWEEP_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT s.id, s.title, s.planned_on, s.status, u.name AS created_by_name," SWEEP_FIGURES
		      " FROM registration_sweep s JOIN users u ON u.id = s.created_by JOIN org_unit o"
		      " ON o.id = s.station_id WHERE o.path LIKE ? ORDER BY s.status DESC, s.planned_on DESC, s.id DESC",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, r)
		left(r);
	*out = json_pack("{s:o}", "items", items);
	if (!*out)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = audit_read_items(c, "registration_sweep.list", "registration_sweep", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int registration_sweeps_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *s, *items;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_REGISTRATION_SWEEP_LIST, REGISTRATION_SWEEP_PATH_SQL, id, "排查不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, "SELECT s.id, s.title, s.planned_on, s.status," SWEEP_FIGURES
			  " FROM registration_sweep s WHERE s.id = ?", &s);
	if (rc)
		return rc;
	left(s);
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q,
		      "SELECT i.address_id, a.community, a.building, a.unit_no, a.room, a.building_type, i.checked,"
		      " i.found, i.registered, i.notes FROM registration_sweep_item i JOIN address a ON a.id = i.address_id"
		      " WHERE i.sweep_id = ? ORDER BY i.checked, a.community, a.building, a.unit_no, a.room",
		      &items);
	if (rc) {
		json_decref(s);
		return rc;
	}
	json_object_set_new(s, "items", items);
	rc = audit_read(c, "registration_sweep", arena_printf(c->arena, "%lld", (long long)id));
	if (rc) {
		json_decref(s);
		return rc;
	}
	*out = json_pack("{s:o}", "registration_sweep", s);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int registration_sweeps_finding(struct ctx *c, int64_t id, int64_t address_id, int64_t found,
				int64_t registered, const char *notes, json_t **out)
{
	struct rows_query q;
	int64_t n = 0, open = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_REGISTRATION_SWEEP_MANAGE, REGISTRATION_SWEEP_PATH_SQL, id, "排查不存在");
	if (!rc)
		rc = beats_may_edit(c, address_id, 0, "registration_sweep.finding", "registration_sweep", id);
	if (rc)
		return rc;
	if (registered > found)
		return ps_fail_field(c->err, PS_EINVAL, "registered", "补登人数不能多于发现人数");
	rows_binds(&q, c);
	rows_bind_int(&q, found);
	rows_bind_int(&q, registered);
	rows_bind_text(&q, notes);
	rows_bind_int(&q, id);
	rows_bind_int(&q, address_id);
	rc = rows_exec(&q,
		       "UPDATE registration_sweep_item SET checked = 1, found = ?, registered = ?, notes = ?"
		       " WHERE sweep_id = ? AND address_id = ?",
		       &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, "address_id", "该地址不在本次排查范围内");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM registration_sweep_item WHERE sweep_id = ? AND checked = 0", 0, &open);
	if (!rc && !open) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE registration_sweep SET status = 'done' WHERE id = ?", NULL);
	}
	if (!rc)
		rc = audit_write(c, "registration_sweep.finding", "registration_sweep",
				 arena_printf(c->arena, "%lld", (long long)id), "success",
				 arena_printf(c->arena, "address=%lld found=%lld registered=%lld", (long long)address_id,
					      (long long)found, (long long)registered));
	return rc ? rc : registration_sweeps_get(c, id, out);
}
