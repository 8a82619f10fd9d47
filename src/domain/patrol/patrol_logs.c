/* patrol_logs.c — 巡逻记录, 盘查 against the wanted list, 抓现行. */
#include "domain/patrol/patrol_logs.h"
#include "domain/patrol/patrol.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/incidents/incidents.h"
#include "domain/rows.h"
#include "rules/date.h"
#include "rules/idcard.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")
#define ID(x) arena_printf(c->arena, "%lld", (long long)(x))

/* The integer member key of o into *out (0 when absent or null); 0 when
 * it is there but not an integer. */
static int int_member(json_t *o, const char *key, int64_t *out)
{
	json_t *v = json_object_get(o, key);

	*out = json_is_integer(v) ? json_integer_value(v) : 0;
	return !v || json_is_null(v) || json_is_integer(v);
}

/* the incident or case must be of the station */
static int check_links(struct ctx *c, int64_t station, int64_t incident_id, int64_t case_id)
{
	struct rows_query q;
	int64_t n = 0;
	int rc = PS_OK;

	if (incident_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, incident_id);
		rows_bind_int(&q, station);
		rc = rows_int(&q, "SELECT COUNT(*) FROM incident WHERE id = ? AND station_id = ?", 0, &n);
		if (!rc && !n)
			return ps_fail_field(c->err, PS_EINVAL, "arrests", "关联的警情不存在或不属于本所");
	}
	if (!rc && case_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, case_id);
		rows_bind_int(&q, station);
		rc = rows_int(&q, "SELECT COUNT(*) FROM police_case WHERE id = ? AND unit_id = ?", 0, &n);
		if (!rc && !n)
			return ps_fail_field(c->err, PS_EINVAL, "arrests", "关联的案件不存在或不属于本所");
	}
	return rc;
}

/* 盘查 of a person: compared with the active wanted list (PAT-PATROL-POWERS) */
static int check_person(struct ctx *c, int64_t log_id, int64_t station, const char *place, json_t *ck, int *hits)
{
	struct rows_query q;
	struct idcard id;
	const char *num = json_string_value(json_object_get(ck, "id_number"));
	const char *name = json_string_value(json_object_get(ck, "name"));
	json_t *w = NULL;
	int64_t incident_id = 0, hit_id = 0, wanted_id = 0, person_id = 0;
	int rc;

	if (!num || idcard_parse(num, strlen(num), 0, &id) != IDCARD_OK)
		return ps_fail_field(c->err, PS_EINVAL, "checks", "盘查人员的身份证号码不正确");
	if (name && strlen(name) > 32)
		return ps_fail_field(c->err, PS_EINVAL, "checks", "姓名过长");
	rows_binds(&q, c);
	rows_bind_text(&q, id.number);
	rc = rows_one(&q, "SELECT id, name, case_desc FROM wanted_person WHERE id_number = ? AND withdrawn_at IS NULL",
		      &w);
	if (rc == PS_ENOTFOUND) {
		ps_err_clear(c->err);
		w = NULL;
		rc = PS_OK;
	}
	if (rc)
		return rc;
	if (w) {
		struct incident_input in = { 0 };
		json_t *dups = NULL;

		wanted_id = row_int(w, "id");
		in.source = "patrol";
		in.place = place;
		in.category = "1001";
		in.priority = 1;
		in.not_duplicate = 1;
		in.summary = arena_printf(c->arena, "巡逻盘查比中在逃人员：%s（%s），巡逻记录 %lld",
					  row_str(w, "name"), row_str(w, "case_desc"), (long long)log_id);
		json_decref(w);
		if (!in.summary)
			return NOMEM(c);
		rc = incidents_create(c, &in, &dups, &incident_id);
		json_decref(dups);
		if (rc)
			return rc;
		/* registered in the population: the comparison hit's steps too */
		rows_binds(&q, c);
		rows_bind_text(&q, id.number);
		rc = rows_int(&q, "SELECT MIN(id) FROM person WHERE id_number = ?", 0, &person_id);
		if (!rc && person_id) {
			rows_binds(&q, c);
			rows_bind_int(&q, person_id);
			rows_bind_int(&q, wanted_id);
			rows_bind_int(&q, station);
			rows_bind_int(&q, c->now);
			rc = rows_exec(&q,
				       "INSERT INTO comparison_hit(person_id, wanted_id, unit_id, hit_at, status)"
				       " VALUES (?,?,?,?,'new') ON CONFLICT (person_id, wanted_id) DO NOTHING",
				       NULL);
			if (!rc) {
				rows_binds(&q, c);
				rows_bind_int(&q, person_id);
				rows_bind_int(&q, wanted_id);
				rc = rows_int(&q, "SELECT id FROM comparison_hit WHERE person_id = ? AND wanted_id = ?", 0,
					      &hit_id);
			}
		}
		if (rc)
			return rc;
		(*hits)++;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, log_id);
	rows_bind_text(&q, id.number);
	rows_bind_text(&q, name);
	rows_bind_text(&q, wanted_id ? "wanted_hit" : "clear");
	if (wanted_id) {
		rows_bind_int(&q, wanted_id);
		rows_bind_int(&q, incident_id);
	} else {
		rows_bind_text(&q, NULL);
		rows_bind_text(&q, NULL);
	}
	if (hit_id)
		rows_bind_int(&q, hit_id);
	else
		rows_bind_text(&q, NULL);
	rc = rows_exec(&q,
		       "INSERT INTO patrol_check(log_id, kind, id_number, name, result, wanted_id, incident_id, hit_id)"
		       " VALUES (?,'person',?,?,?,?,?,?)",
		       NULL);
	if (!rc && wanted_id)
		rc = audit_write(c, "patrol_log.wanted_hit", "patrol_log", ID(log_id), "success",
				 arena_printf(c->arena, "wanted=%lld incident=%lld", (long long)wanted_id,
					      (long long)incident_id));
	return rc;
}

static int put_checks(struct ctx *c, int64_t log_id, int64_t station, const char *place, json_t *checks, int *hits)
{
	struct rows_query q;
	json_t *ck;
	size_t i;
	int rc = PS_OK;

	if (!checks)
		return PS_OK;
	if (!json_is_array(checks) || json_array_size(checks) > 100)
		return ps_fail_field(c->err, PS_EINVAL, "checks", "盘查应为列表（至多100条）");
	json_array_foreach(checks, i, ck) {
		const char *kind = json_string_value(json_object_get(ck, "kind"));

		if (!kind || (strcmp(kind, "person") && strcmp(kind, "vehicle")))
			return ps_fail_field(c->err, PS_EINVAL, "checks", "盘查对象应为 person 或 vehicle");
		if (strcmp(kind, "person") == 0) {
			rc = check_person(c, log_id, station, place, ck, hits);
		} else {
			const char *plate = json_string_value(json_object_get(ck, "plate"));

			if (!plate || !*plate || strlen(plate) > 16)
				return ps_fail_field(c->err, PS_EINVAL, "checks", "请填写车牌号");
			rows_binds(&q, c);
			rows_bind_int(&q, log_id);
			rows_bind_text(&q, plate);
			rc = rows_exec(&q,
				       "INSERT INTO patrol_check(log_id, kind, plate, result) VALUES (?,'vehicle',?,'clear')",
				       NULL);
		}
		if (rc)
			return rc;
	}
	return PS_OK;
}

static int put_arrests(struct ctx *c, int64_t log_id, int64_t station, int64_t started, int64_t ended,
		       json_t *arrests)
{
	struct rows_query q;
	json_t *a;
	size_t i;
	int rc;

	if (!arrests)
		return PS_OK;
	if (!json_is_array(arrests) || json_array_size(arrests) > 50)
		return ps_fail_field(c->err, PS_EINVAL, "arrests", "抓现行应为列表（至多50条）");
	json_array_foreach(arrests, i, a) {
		const char *who = json_string_value(json_object_get(a, "person_name"));
		const char *what = json_string_value(json_object_get(a, "offence"));
		int64_t officer, at, inc, cs;
		int64_t n = 0, id;

		/* a number sent as text was read as absent: the arrest went to
		 * the submitter, at the log's end */
		if (!int_member(a, "officer_id", &officer) || !int_member(a, "arrested_at", &at) ||
		    !int_member(a, "incident_id", &inc) || !int_member(a, "case_id", &cs))
			return ps_fail_field(c->err, PS_EINVAL, "arrests", "抓现行的民警、时间、警情和案件应为整数");

		if (!who || !*who || strlen(who) > 32 || !what || !*what || strlen(what) > 200)
			return ps_fail_field(c->err, PS_EINVAL, "arrests", "抓现行应填写被抓获人姓名和违法犯罪行为");
		if (!at)
			at = ended;
		if (at < started || at > ended)
			return ps_fail_field(c->err, PS_EINVAL, "arrests", "抓获时间应在巡逻时间内");
		if (!officer)
			officer = c->who.user_id;
		rows_binds(&q, c);
		rows_bind_int(&q, log_id);
		rows_bind_int(&q, officer);
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM patrol_log_member WHERE log_id = ? AND user_id = ?", 0, &n);
		if (!rc && !n && officer != c->who.user_id)
			rc = ps_fail_field(c->err, PS_EINVAL, "arrests", "抓获民警应为本次巡逻的队员");
		if (!rc)
			rc = check_links(c, station, inc, cs);
		if (rc)
			return rc;
		rows_binds(&q, c);
		rows_bind_int(&q, log_id);
		rows_bind_int(&q, officer);
		rows_bind_text(&q, who);
		rows_bind_text(&q, what);
		rows_bind_int(&q, at);
		if (inc)
			rows_bind_int(&q, inc);
		else
			rows_bind_text(&q, NULL);
		if (cs)
			rows_bind_int(&q, cs);
		else
			rows_bind_text(&q, NULL);
		rc = rows_insert(&q,
				 "INSERT INTO patrol_arrest(log_id, officer_id, person_name, offence, arrested_at, incident_id,"
				 " case_id) VALUES (?,?,?,?,?,?,?) RETURNING id",
				 &id);
		if (rc)
			return rc;
	}
	return PS_OK;
}

static int put_members(struct ctx *c, int64_t log_id, int64_t station, json_t *members)
{
	struct rows_query q;
	json_t *m;
	size_t i;
	int rc;

	if (!members || json_array_size(members) == 0) {
		rows_binds(&q, c);
		rows_bind_int(&q, log_id);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_text(&q, c->who.name);
		return rows_exec(&q, "INSERT INTO patrol_log_member(log_id, user_id, name) VALUES (?,?,?)", NULL);
	}
	if (!json_is_array(members) || json_array_size(members) > 50)
		return ps_fail_field(c->err, PS_EINVAL, "members", "队员应为列表（至多50人）");
	json_array_foreach(members, i, m) {
		int64_t uid;
		const char *name = json_string_value(json_object_get(m, "name"));

		if (!int_member(m, "user_id", &uid))
			return ps_fail_field(c->err, PS_EINVAL, "members", "队员的 user_id 应为整数");
		for (size_t j = 0; uid && j < i; j++)
			if (json_integer_value(json_object_get(json_array_get(members, j), "user_id")) == uid)
				return ps_fail_field(c->err, PS_EINVAL, "members", "同一队员只能列一次");

		if (uid) {
			json_t *u;

			rows_binds(&q, c);
			rows_bind_int(&q, uid);
			rows_bind_int(&q, station);
			rows_bind_int(&q, station);
			rc = rows_one(&q,
				      "SELECT u.name FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?"
				      " AND (o.id = ? OR o.parent_id = ?)",
				      &u);
			if (rc == PS_ENOTFOUND)
				return ps_fail_field(c->err, PS_EINVAL, "members", "队员不是本所人员");
			if (rc)
				return rc;
			name = arena_strdup(c->arena, row_str(u, "name"));
			json_decref(u);
		} else if (!name || !*name || strlen(name) > 32) {
			return ps_fail_field(c->err, PS_EINVAL, "members", "队员应为 {user_id} 或 {name}");
		}
		rows_binds(&q, c);
		rows_bind_int(&q, log_id);
		if (uid)
			rows_bind_int(&q, uid);
		else
			rows_bind_text(&q, NULL);
		rows_bind_text(&q, name);
		rc = rows_exec(&q, "INSERT INTO patrol_log_member(log_id, user_id, name) VALUES (?,?,?)", NULL);
		if (rc)
			return rc;
	}
	return PS_OK;
}

/* the duties as a comma list, each an item of XL Art 4 (PAT-PATROL-DUTIES) */
static int duties_text(struct ctx *c, json_t *duties, const char **out)
{
	json_t *d;
	size_t i;
	const char *s = "";

	*out = NULL;
	if (!duties)
		return PS_OK;
	if (!json_is_array(duties) || json_array_size(duties) > 20)
		return ps_fail_field(c->err, PS_EINVAL, "duties", "巡逻事项应为列表");
	json_array_foreach(duties, i, d) {
		const char *v = json_string_value(d);

		if (!v || !enums_valid(ES_PATROL_DUTY, v)) {
			ps_fail(c->err, PS_EINVAL, "BAD_DUTY", "PAT-PATROL-DUTIES",
				"巡逻事项“%s”不在《城市人民警察巡逻规定》第4条所列职责之内", v ? v : "");
			c->err->field = "duties";
			return PS_EINVAL;
		}
		s = arena_printf(c->arena, "%s%s%s", s, *s ? "," : "", v);
		if (!s)
			return NOMEM(c);
	}
	*out = *s ? s : NULL;
	return PS_OK;
}

int patrol_logs_create(struct ctx *c, const struct patrol_log_input *in, json_t **out)
{
	struct rows_query q;
	struct patrol_log_filter f = { 0 };
	json_t *list;
	const char *duties, *place;
	int64_t station, n = 0, id;
	int hits = 0, rc;

	*out = NULL;
	rc = authz_require(c, ACT_PATROL_LOG);
	if (!rc)
		rc = patrol_station(c, ACT_PATROL_LOG, 0, &station);
	if (rc)
		return rc;
	if (in->ended_at <= in->started_at)
		return ps_fail_field(c->err, PS_EINVAL, "ended_at", "结束时间应晚于开始时间");
	if (in->ended_at > c->now + 300 || in->started_at < c->now - 30 * 86400 ||
	    in->ended_at - in->started_at > 86400)
		return ps_fail_field(c->err, PS_EINVAL, "started_at", "巡逻时间不合理（30天内、不晚于现在、至多24小时）");
	if (in->mode && !enums_valid(ES_PATROL_MODE, in->mode))
		return ps_fail_field(c->err, PS_EINVAL, "mode", "巡逻方式不正确");
	rc = duties_text(c, in->duties, &duties);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, in->team_id);
	rows_bind_int(&q, station);
	rc = rows_int(&q, "SELECT COUNT(*) FROM patrol_team WHERE id = ? AND station_id = ?", 0, &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, "team_id", "巡逻队不存在或不属于本所");
	if (!rc && in->plan_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->plan_id);
		rows_bind_int(&q, in->team_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM patrol_plan WHERE id = ? AND team_id = ?", 0, &n);
		if (!rc && !n)
			rc = ps_fail_field(c->err, PS_EINVAL, "plan_id", "巡逻计划不属于该巡逻队");
	}
	if (!rc && (in->beat_id || in->grid_id)) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->grid_id);
		rows_bind_int(&q, in->beat_id);
		rows_bind_int(&q, station);
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM beat b WHERE b.id = COALESCE((SELECT g.beat_id FROM grid g WHERE g.id = ?), ?)"
			      " AND b.station_id = ?",
			      0, &n);
		if (!rc && !n)
			rc = ps_fail_field(c->err, PS_EINVAL, "grid_id", "巡逻区域不属于本所");
	}
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_int(&q, in->team_id);
	if (in->plan_id)
		rows_bind_int(&q, in->plan_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, in->started_at);
	rows_bind_int(&q, in->ended_at);
	if (in->beat_id)
		rows_bind_int(&q, in->beat_id);
	else
		rows_bind_text(&q, NULL);
	if (in->grid_id)
		rows_bind_int(&q, in->grid_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->route);
	rows_bind_text(&q, in->mode ? in->mode : "foot");
	rows_bind_text(&q, duties);
	rows_bind_text(&q, in->findings);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO patrol_log(station_id, team_id, plan_id, started_at, ended_at, beat_id, grid_id, route,"
			 " mode, duties, findings, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = put_members(c, id, station, in->members);
	place = in->route && *in->route ? in->route : "巡逻途中";
	if (!rc)
		rc = put_checks(c, id, station, place, in->checks, &hits);
	if (!rc)
		rc = put_arrests(c, id, station, in->started_at, in->ended_at, in->arrests);
	if (!rc)
		rc = audit_write(c, "patrol_log.create", "patrol_log", ID(id), "success",
				 arena_printf(c->arena, "team=%lld hits=%d", (long long)in->team_id, hits));
	if (rc)
		return rc;
	f.unit_id = station;
	rc = patrol_logs_list(c, &f, &list);
	if (rc)
		return rc;
	{
		json_t *it, *mine = NULL;
		size_t i;

		json_array_foreach(json_object_get(list, "items"), i, it)
			if (row_int(it, "id") == id)
				mine = it;
		*out = json_pack("{s:O?, s:i}", "log", mine, "hits", hits);
	}
	json_decref(list);
	return *out ? PS_OK : NOMEM(c);
}

int patrol_logs_list(struct ctx *c, const struct patrol_log_filter *f, json_t **out)
{
	struct rows_query q;
	json_t *logs, *sub[3] = { NULL, NULL, NULL }, *l, *x;
	static const char *const keys[3] = { "members", "checks", "arrests" };
	static const char *const sqls[3][2] = {
		{ "SELECT m.log_id, m.user_id, m.name FROM patrol_log_member m WHERE m.log_id IN (", ")" },
		{ "SELECT k.log_id, k.id, k.kind, k.id_number, k.plate, k.name, k.result, k.incident_id, k.hit_id"
		  " FROM patrol_check k WHERE k.log_id IN (",
		  ") ORDER BY k.id" },
		{ "SELECT a.log_id, a.id, a.officer_id, u.name AS officer_name, a.person_name, a.offence, a.arrested_at,"
		  " a.incident_id, i.incident_no, a.case_id, pc.case_no FROM patrol_arrest a JOIN users u ON u.id = a.officer_id"
		  " LEFT JOIN incident i ON i.id = a.incident_id LEFT JOIN police_case pc ON pc.id = a.case_id"
		  " WHERE a.log_id IN (",
		  ") ORDER BY a.id" },
	};
	const char *ids = "0";
	int64_t station, from = 0, to = INT64_MAX;
	size_t i, j;
	int y, m, d, rc;

	*out = NULL;
	rc = authz_require(c, ACT_PATROL_LIST);
	if (!rc)
		rc = patrol_station(c, ACT_PATROL_LIST, f->unit_id, &station);
	if (rc)
		return rc;
	if (f->from && *f->from) {
		if (date_parse(f->from, strlen(f->from), &y, &m, &d))
			return ps_fail_field(c->err, PS_EINVAL, "from", "日期应为 YYYY-MM-DD");
		from = patrol_day_start(date_days_from_civil(y, m, d));
	}
	if (f->to && *f->to) {
		if (date_parse(f->to, strlen(f->to), &y, &m, &d))
			return ps_fail_field(c->err, PS_EINVAL, "to", "日期应为 YYYY-MM-DD");
		to = patrol_day_start(date_days_from_civil(y, m, d) + 1);
	}
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_int(&q, from);
	rows_bind_int(&q, to);
	rows_bind_int(&q, f->team_id);
	rows_bind_int(&q, f->team_id);
	rows_bind_int(&q, f->incident_id);
	rows_bind_int(&q, f->incident_id);
	rows_bind_int(&q, f->case_id);
	rows_bind_int(&q, f->case_id);
	rc = rows_all(&q,
		      "SELECT l.id, l.team_id, t.name AS team_name, l.plan_id, l.started_at, l.ended_at,"
		      " (l.ended_at - l.started_at) / 60 AS minutes, l.beat_id, b.name AS beat_name, l.grid_id,"
		      " g.name AS grid_name, l.route, l.mode, l.duties, l.findings, u.name AS created_by_name"
		      " FROM patrol_log l JOIN patrol_team t ON t.id = l.team_id JOIN users u ON u.id = l.created_by"
		      " LEFT JOIN beat b ON b.id = l.beat_id LEFT JOIN grid g ON g.id = l.grid_id"
		      " WHERE l.station_id = ? AND l.started_at >= ? AND l.started_at < ? AND (? = 0 OR l.team_id = ?)"
		      " AND (? = 0 OR EXISTS (SELECT 1 FROM patrol_arrest a WHERE a.log_id = l.id AND a.incident_id = ?))"
		      " AND (? = 0 OR EXISTS (SELECT 1 FROM patrol_arrest a WHERE a.log_id = l.id AND a.case_id = ?))"
		      " ORDER BY l.started_at DESC, l.id DESC LIMIT 200",
		      &logs);
	if (rc)
		return rc;
	/* the ids are integers of our own rows: safe to write into the IN list */
	json_array_foreach(logs, i, l)
		ids = arena_printf(c->arena, "%s,%lld", ids, (long long)row_int(l, "id"));
	if (!ids) {
		json_decref(logs);
		return NOMEM(c);
	}
	for (int k = 0; k < 3 && !rc; k++) {
		rows_binds(&q, c);
		rc = rows_all(&q, arena_printf(c->arena, "%s%s%s", sqls[k][0], ids, sqls[k][1]), &sub[k]);
	}
	if (rc) {
		json_decref(logs);
		for (int k = 0; k < 3; k++)
			json_decref(sub[k]);
		return rc;
	}
	json_array_foreach(sub[1], j, x) {
		char masked[19];

		if (row_str(x, "id_number")) {
			idcard_mask(row_str(x, "id_number"), masked);
			json_object_set_new(x, "id_number", json_string(masked));
		}
	}
	json_array_foreach(logs, i, l) {
		for (int k = 0; k < 3; k++) {
			json_t *list = json_array();

			json_array_foreach(sub[k], j, x)
				if (row_int(x, "log_id") == row_int(l, "id"))
					json_array_append(list, x);
			json_object_set_new(l, keys[k], list);
		}
	}
	for (int k = 0; k < 3; k++)
		json_decref(sub[k]);
	*out = json_pack("{s:I, s:o}", "station_id", (json_int_t)station, "items", logs);
	if (!*out)
		return NOMEM(c);
	rc = audit_read_items(c, "patrol_log.list", "patrol_log", logs, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int patrol_logs_link_arrest(struct ctx *c, int64_t arrest_id, int64_t incident_id, int64_t case_id, json_t **out)
{
	struct rows_query q;
	int64_t station = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_PATROL_LOG,
			     "SELECT o.path FROM patrol_arrest a JOIN patrol_log l ON l.id = a.log_id"
			     " JOIN org_unit o ON o.id = l.station_id WHERE a.id = ?",
			     arrest_id, "抓现行记录不存在");
	if (rc)
		return rc;
	if (!incident_id && !case_id)
		return ps_fail_field(c->err, PS_EINVAL, "incident_id", "请选择关联的警情或案件");
	rows_binds(&q, c);
	rows_bind_int(&q, arrest_id);
	rc = rows_int(&q, "SELECT l.station_id FROM patrol_arrest a JOIN patrol_log l ON l.id = a.log_id WHERE a.id = ?",
		      0, &station);
	if (!rc)
		rc = check_links(c, station, incident_id, case_id);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, incident_id);
	rows_bind_int(&q, incident_id);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, arrest_id);
	rc = rows_exec(&q,
		       "UPDATE patrol_arrest SET incident_id = CASE WHEN ? = 0 THEN incident_id ELSE ? END,"
		       " case_id = CASE WHEN ? = 0 THEN case_id ELSE ? END WHERE id = ?",
		       NULL);
	if (!rc)
		rc = audit_write(c, "patrol_arrest.link", "patrol_arrest", ID(arrest_id), "success",
				 arena_printf(c->arena, "incident=%lld case=%lld", (long long)incident_id,
					      (long long)case_id));
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, arrest_id);
	{
		json_t *a;

		rc = rows_one(&q,
			      "SELECT a.id, a.log_id, a.person_name, a.offence, a.arrested_at, a.incident_id, i.incident_no,"
			      " a.case_id, pc.case_no FROM patrol_arrest a LEFT JOIN incident i ON i.id = a.incident_id"
			      " LEFT JOIN police_case pc ON pc.id = a.case_id WHERE a.id = ?",
			      &a);
		if (rc)
			return rc;
		*out = json_pack("{s:o}", "arrest", a);
	}
	return *out ? PS_OK : NOMEM(c);
}
