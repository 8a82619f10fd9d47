/* patrol_teams.c — 巡逻队 and their members. */
#include "domain/patrol/patrol_teams.h"
#include "domain/patrol/patrol.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

static int volunteer_kind(const char *kind)
{
	return strcmp(kind, "police") != 0 && strcmp(kind, "auxiliary") != 0;
}

/* Replace the members of team id by list (checked first). */
static int put_members(struct ctx *c, int64_t id, int64_t station, const char *kind, json_t *list)
{
	struct rows_query q;
	json_t *m;
	size_t i;
	int rc;

	if (!json_is_array(list) || json_array_size(list) > 100)
		return ps_fail_field(c->err, PS_EINVAL, "members", "队员应为列表（至多100人）");
	json_array_foreach(list, i, m) {
		int64_t uid = json_integer_value(json_object_get(m, "user_id"));
		const char *name = json_string_value(json_object_get(m, "name"));
		const char *phone = json_string_value(json_object_get(m, "phone"));

		if (!json_is_object(m))
			return ps_fail_field(c->err, PS_EINVAL, "members", "队员应为 {user_id} 或 {name, phone}");
		if (!volunteer_kind(kind)) {
			json_t *u;

			if (!uid)
				return ps_fail_field(c->err, PS_EINVAL, "members", "民警、辅警巡逻队的队员应从本所人员中选择");
			rows_binds(&q, c);
			rows_bind_int(&q, uid);
			rows_bind_int(&q, station);
			rows_bind_int(&q, station);
			rc = rows_one(&q,
				      "SELECT u.name, u.role FROM users u JOIN org_unit o ON o.id = u.unit_id"
				      " WHERE u.id = ? AND (o.id = ? OR o.parent_id = ?)",
				      &u);
			if (rc == PS_ENOTFOUND)
				return ps_fail_field(c->err, PS_EINVAL, "members", "队员不是本所人员");
			if (rc)
				return rc;
			if (strcmp(kind, "police") == 0 && strcmp(row_str(u, "role"), "officer") != 0 &&
			    strcmp(row_str(u, "role"), "chief") != 0) {
				json_decref(u);
				return ps_fail_field(c->err, PS_EINVAL, "members", "民警巡逻队的队员应为民警");
			}
			name = arena_strdup(c->arena, row_str(u, "name"));
			json_decref(u);
		} else {
			if (uid)
				return ps_fail_field(c->err, PS_EINVAL, "members", "群防群治队伍的队员按姓名登记");
			if (!name || !*name || strlen(name) > 32 || (phone && strlen(phone) > 20))
				return ps_fail_field(c->err, PS_EINVAL, "members", "请填写队员姓名（电话至多20位）");
		}
		if (i == 0) {
			rows_binds(&q, c);
			rows_bind_int(&q, id);
			rc = rows_exec(&q, "DELETE FROM patrol_team_member WHERE team_id = ?", NULL);
			if (rc)
				return rc;
		}
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		if (uid)
			rows_bind_int(&q, uid);
		else
			rows_bind_text(&q, NULL);
		rows_bind_text(&q, name);
		rows_bind_text(&q, phone);
		rc = rows_exec(&q, "INSERT INTO patrol_team_member(team_id, user_id, name, phone) VALUES (?,?,?,?)", NULL);
		if (rc)
			return rc;
	}
	if (json_array_size(list) == 0) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		return rows_exec(&q, "DELETE FROM patrol_team_member WHERE team_id = ?", NULL);
	}
	return PS_OK;
}

static int team_json(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *t, *m;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT t.id, t.station_id, o.name AS station_name, t.name, t.kind, t.committee, t.leader, t.contact,"
		      " t.active FROM patrol_team t JOIN org_unit o ON o.id = t.station_id WHERE t.id = ?",
		      &t);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q, "SELECT id, user_id, name, phone FROM patrol_team_member WHERE team_id = ? ORDER BY id", &m);
	if (rc) {
		json_decref(t);
		return rc;
	}
	json_object_set_new(t, "members", m);
	*out = t;
	return PS_OK;
}

static int check_fields(struct ctx *c, const struct patrol_team_input *in, int create)
{
	if (create && (!in->name || !*in->name))
		return ps_fail_field(c->err, PS_EINVAL, "name", "请填写巡逻队名称");
	if (create && (!in->kind || !enums_valid(ES_PATROL_TEAM_KIND, in->kind)))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "巡逻队类别不正确");
	if (create && (!in->leader || !*in->leader))
		return ps_fail_field(c->err, PS_EINVAL, "leader", "请填写负责人");
	return PS_OK;
}

int patrol_teams_create(struct ctx *c, const struct patrol_team_input *in, json_t **out)
{
	struct rows_query q;
	json_t *t;
	int64_t id, station;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_PATROL_MANAGE);
	if (!rc)
		rc = patrol_station(c, ACT_PATROL_MANAGE, 0, &station);
	if (!rc)
		rc = check_fields(c, in, 1);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_text(&q, in->name);
	rows_bind_text(&q, in->kind);
	rows_bind_text(&q, in->committee);
	rows_bind_text(&q, in->leader);
	rows_bind_text(&q, in->contact);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO patrol_team(station_id, name, kind, committee, leader, contact, created_at)"
			 " VALUES (?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (rc == PS_ECONFLICT)
		return ps_fail_field(c->err, PS_EINVAL, "name", "本所已有同名巡逻队");
	if (!rc && in->members)
		rc = put_members(c, id, station, in->kind, in->members);
	if (!rc)
		rc = audit_write(c, "patrol_team.create", "patrol_team", arena_printf(c->arena, "%lld", (long long)id),
				 "success", in->name);
	if (!rc)
		rc = team_json(c, id, &t);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "team", t);
	return *out ? PS_OK : NOMEM(c);
}

int patrol_teams_update(struct ctx *c, int64_t id, const struct patrol_team_input *in, json_t **out)
{
	struct rows_query q;
	json_t *t;
	int64_t station = 0;
	const char *kind;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_PATROL_MANAGE,
			     "SELECT o.path FROM patrol_team t JOIN org_unit o ON o.id = t.station_id WHERE t.id = ?", id,
			     "巡逻队不存在");
	if (!rc && in->kind && !enums_valid(ES_PATROL_TEAM_KIND, in->kind))
		rc = ps_fail_field(c->err, PS_EINVAL, "kind", "巡逻队类别不正确");
	if (!rc && in->name && !*in->name)
		rc = ps_fail_field(c->err, PS_EINVAL, "name", "请填写巡逻队名称");
	if (!rc && in->leader && !*in->leader)
		rc = ps_fail_field(c->err, PS_EINVAL, "leader", "请填写负责人");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, in->name);
	rows_bind_text(&q, in->kind);
	rows_bind_text(&q, in->committee);
	rows_bind_text(&q, in->leader);
	rows_bind_text(&q, in->contact);
	rows_bind_int(&q, in->has_active ? in->active : -1);
	rows_bind_int(&q, in->has_active ? in->active : -1);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE patrol_team SET name = COALESCE(?, name), kind = COALESCE(?, kind),"
		       " committee = COALESCE(?, committee), leader = COALESCE(?, leader), contact = COALESCE(?, contact),"
		       " active = CASE WHEN ? < 0 THEN active ELSE ? END WHERE id = ?",
		       NULL);
	if (rc == PS_ECONFLICT)
		return ps_fail_field(c->err, PS_EINVAL, "name", "本所已有同名巡逻队");
	if (rc)
		return rc;
	if (in->members) {
		rc = team_json(c, id, &t);
		if (rc)
			return rc;
		station = row_int(t, "station_id");
		kind = arena_strdup(c->arena, row_str(t, "kind"));
		json_decref(t);
		rc = put_members(c, id, station, kind, in->members);
		if (rc)
			return rc;
	}
	rc = audit_write(c, "patrol_team.update", "patrol_team", arena_printf(c->arena, "%lld", (long long)id),
			 "success", NULL);
	if (!rc)
		rc = team_json(c, id, &t);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "team", t);
	return *out ? PS_OK : NOMEM(c);
}

int patrol_teams_list(struct ctx *c, int64_t unit_id, json_t **out)
{
	struct rows_query q;
	json_t *teams, *members, *t, *m;
	int64_t station;
	size_t i, j;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_PATROL_LIST);
	if (!rc)
		rc = patrol_station(c, ACT_PATROL_LIST, unit_id, &station);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rc = rows_all(&q,
		      "SELECT t.id, t.station_id, t.name, t.kind, t.committee, t.leader, t.contact, t.active,"
		      " (SELECT COUNT(*) FROM patrol_plan p WHERE p.team_id = t.id AND p.active = 1) AS plans"
		      " FROM patrol_team t WHERE t.station_id = ? ORDER BY t.active DESC, t.kind, t.name",
		      &teams);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rc = rows_all(&q,
		      "SELECT m.id, m.team_id, m.user_id, m.name, m.phone FROM patrol_team_member m"
		      " JOIN patrol_team t ON t.id = m.team_id WHERE t.station_id = ? ORDER BY m.id",
		      &members);
	if (rc) {
		json_decref(teams);
		return rc;
	}
	json_array_foreach(teams, i, t) {
		json_t *list = json_array();

		json_array_foreach(members, j, m)
			if (row_int(m, "team_id") == row_int(t, "id"))
				json_array_append(list, m);
		json_object_set_new(t, "members", list);
	}
	json_decref(members);
	*out = json_pack("{s:I, s:o}", "station_id", (json_int_t)station, "items", teams);
	if (!*out)
		return NOMEM(c);
	rc = audit_read_items(c, "patrol_team.list", "patrol_team", teams, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
