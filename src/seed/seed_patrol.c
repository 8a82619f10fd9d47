/* seed_patrol.c — 巡逻防控 of the demo county (issue 17 part 1): in every
 * station a team of each kind (民警, 辅警, 低保人员巡逻队, 治保会, 单位保卫,
 * 治安积极分子) with members, a plan for each with weekly slots, six weeks
 * of patrol logs on most of the slots (some missed), arrests in the act
 * linked to 城关's incidents, and in 城关 the incidents that make its map:
 * thefts in 东街社区 during the police team's evening slots, and a hot spot
 * nobody patrols — 西街社区 on Friday nights — which the heat map proposes. */
#include "seed/seed.h"
#include "domain/patrol/patrol.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

#define TRY(x)                    \
	do {                      \
		rc = (x);         \
		if (rc)           \
			return rc; \
	} while (0)

static int exec_sql(struct ctx *c, const char *sql)
{
	struct rows_query q;

	rows_binds(&q, c);
	return rows_exec(&q, sql, NULL);
}

static int64_t last_id(struct ctx *c, const char *table, int *rc)
{
	struct rows_query q;
	int64_t v = 0;

	if (*rc)
		return 0;
	rows_binds(&q, c);
	*rc = rows_int(&q, arena_printf(c->arena, "SELECT MAX(id) FROM %s", table), 0, &v);
	return v;
}

struct team_spec {
	const char *kind, *name, *leader, *committee, *names[3];
	int weekday[2], start, end; /* the plan's slots (minutes of the day) */
	const char *route, *mode, *dress;
};

static const struct team_spec specs[] = {
	{ "police", "民警巡逻队", NULL, NULL, { NULL }, { 1, 3 }, 19 * 60, 21 * 60, NULL, "foot", "uniform" },
	{ "auxiliary", "辅警巡逻队", NULL, NULL, { NULL }, { 0, 2 }, 8 * 60, 10 * 60, NULL, "bicycle", "uniform" },
	{ "low_income", "低保人员巡逻队", "张福来", "居委会", { "张福来", "李桂兰", "王二喜" }, { 5, -1 }, 9 * 60, 11 * 60,
	  "主街—农贸市场—学校门口", "foot", "uniform" },
	{ "security_committee", "治保会巡逻队", "赵德顺", "居委会治保会", { "赵德顺", "孙秀英", "周长生" }, { 6, -1 },
	  14 * 60, 16 * 60, "居民区内环路", "foot", "uniform" },
	{ "unit_guard", "单位保卫队", "钱保国", NULL, { "钱保国", "吴立强", NULL }, { 4, -1 }, 22 * 60, 23 * 60 + 30,
	  "厂区与仓库周边", "vehicle", "uniform" },
	{ "activist", "治安积极分子队", "郑春花", "居委会", { "郑春花", "冯大妈", "陈老汉" }, { 2, -1 }, 15 * 60,
	  16 * 60, "背街小巷", "foot", "plain" },
};

static int incident_at(struct ctx *c, int64_t station, const char *community, const char *place, const char *cat,
		       int64_t at, int n)
{
	int y, m, d;

	date_civil_from_days(date_local_days(at), &y, &m, &d);
	return exec_sql(c, arena_printf(c->arena,
					"INSERT INTO incident(incident_no, received_at, source, place, place_key, community,"
					" category, priority, summary, station_id, status, outcome, outcome_text, closed_at,"
					" unit_id, created_by, created_at) VALUES ('JQ%04d%02d%02d9%05d', %lld, '110', '%s',"
					" '%s', '%s', '%s', 2, '群众报警称财物被盗', %lld, 'closed', 'other', '已登记，移交侦查',"
					" %lld, %lld, 1, %lld)",
					y, m, d, n, (long long)at, place, place, community, cat, (long long)station,
					(long long)at + 3600, (long long)station, (long long)at));
}

static int station_patrol(struct ctx *c, int64_t station, const char *sname, int chengguan, int *nseq)
{
	struct rows_query q;
	json_t *grids = NULL, *officers = NULL;
	int64_t today = date_local_days(c->now), grid1 = 0, grid2 = 0, aux = 0, officer = 0;
	int walked, arrests;
	int rc = PS_OK;

	rows_binds(&q, c);
	rows_bind_int(&q, station);
	TRY(rows_all(&q, "SELECT g.id FROM grid g JOIN beat b ON b.id = g.beat_id WHERE b.station_id = ? ORDER BY g.id",
		     &grids));
	grid1 = json_integer_value(json_object_get(json_array_get(grids, 0), "id"));
	/* 城关: the auxiliaries walk 西街 (grid 6 of the demo), the police 东街 */
	grid2 = json_array_size(grids) > 5 ? json_integer_value(json_object_get(json_array_get(grids, 5), "id")) : grid1;
	json_decref(grids);
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_int(&q, station);
	rc = rows_all(&q,
		      "SELECT u.id, u.name, u.role FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE (o.id = ? OR"
		      " o.parent_id = ?) AND u.role IN ('officer','auxiliary') ORDER BY u.role DESC, u.id",
		      &officers);
	if (rc)
		return rc;
	for (size_t k = 0; k < sizeof(specs) / sizeof(specs[0]); k++) {
		const struct team_spec *t = &specs[k];
		int64_t team, plan;
		json_t *u;
		size_t i;
		const char *leader = t->leader;

		if (!leader) {
			leader = "";
			json_array_foreach(officers, i, u)
				if (strcmp(json_string_value(json_object_get(u, "role")), k == 0 ? "officer" : "auxiliary") ==
				    0) {
					leader = arena_strdup(c->arena, json_string_value(json_object_get(u, "name")));
					break;
				}
		}
		rows_binds(&q, c);
		rows_bind_int(&q, station);
		rows_bind_text(&q, arena_printf(c->arena, "%s%s", k < 2 ? sname : "", t->name));
		rows_bind_text(&q, t->kind);
		rows_bind_text(&q, t->committee ? arena_printf(c->arena, "%s%s", chengguan ? "东街社区" : sname,
								t->committee) : NULL);
		rows_bind_text(&q, leader);
		rows_bind_text(&q, arena_printf(c->arena, "1390351%04d", (int)(station * 10 + (int64_t)k)));
		rows_bind_int(&q, c->now - 60 * 86400);
		rc = rows_exec(&q,
			       "INSERT INTO patrol_team(station_id, name, kind, committee, leader, contact, created_at)"
			       " VALUES (?,?,?,?,?,?,?)",
			       NULL);
		team = last_id(c, "patrol_team", &rc);
		if (rc)
			break;
		if (k < 2) {
			json_array_foreach(officers, i, u) {
				const char *role = json_string_value(json_object_get(u, "role"));

				if (strcmp(role, k == 0 ? "officer" : "auxiliary") != 0)
					continue;
				if (k == 0 && !officer)
					officer = json_integer_value(json_object_get(u, "id"));
				if (k == 1 && !aux)
					aux = json_integer_value(json_object_get(u, "id"));
				rc = exec_sql(c, arena_printf(c->arena,
							      "INSERT INTO patrol_team_member(team_id, user_id, name)"
							      " VALUES (%lld, %lld, '%s')",
							      (long long)team,
							      (long long)json_integer_value(json_object_get(u, "id")),
							      json_string_value(json_object_get(u, "name"))));
				if (rc)
					break;
			}
		} else {
			for (int j = 0; j < 3 && !rc && t->names[j]; j++)
				rc = exec_sql(c, arena_printf(c->arena,
							      "INSERT INTO patrol_team_member(team_id, name, phone) VALUES"
							      " (%lld, '%s', '1380351%02d%02d')",
							      (long long)team, t->names[j], (int)(station % 100), (int)k * 3 + j));
		}
		if (rc)
			break;
		rc = exec_sql(c, arena_printf(c->arena,
					      "INSERT INTO patrol_plan(station_id, team_id, name, grid_id, route, mode, dress,"
					      " stakeout_points, created_by, created_at) VALUES (%lld, %lld, '%s', %s, %s%s%s,"
					      " '%s', '%s', %s, 1, %lld)",
					      (long long)station, (long long)team,
					      k == 0 ? "夜间街面巡逻" : k == 1 ? "早高峰巡逻" : "群防群治巡逻",
					      k < 2 && grid1 ? arena_printf(c->arena, "%lld", (long long)(k == 0 ? grid1 : grid2)) :
							       "NULL",
					      t->route ? "'" : "", t->route ? t->route : "NULL", t->route ? "'" : "", t->mode, t->dress,
					      k == 0 ? "'农贸市场东口\n公交站台'" : "NULL", (long long)c->now - 60 * 86400));
		plan = last_id(c, "patrol_plan", &rc);
		for (int j = 0; j < 2 && !rc; j++) {
			if (t->weekday[j] < 0)
				continue;
			rc = exec_sql(c, arena_printf(c->arena,
						      "INSERT INTO patrol_slot(plan_id, weekday, start_min, end_min, source,"
						      " created_by, created_at) VALUES (%lld, %d, %d, %d, 'manual', 1, %lld)",
						      (long long)plan, t->weekday[j], t->start, t->end,
						      (long long)c->now - 60 * 86400));
		}
		/* six weeks of logs: most slots walked, every fifth missed */
		walked = 0;
		arrests = 0;
		for (int64_t back = 42; back >= 1 && !rc; back--) {
			int64_t day = today - back, from, to;
			int wd = date_weekday(day);

			if (wd != t->weekday[0] && wd != t->weekday[1])
				continue;
			if ((day * 7 + (int64_t)k + station) % 5 == 0)
				continue;
			from = patrol_day_start(day) + t->start * 60 + (day % 4) * 5 * 60;
			to = patrol_day_start(day) + t->end * 60 - (day % 3) * 5 * 60;
			rc = exec_sql(c, arena_printf(c->arena,
						      "INSERT INTO patrol_log(station_id, team_id, plan_id, started_at, ended_at,"
						      " grid_id, route, mode, duties, findings, created_by, created_at) VALUES"
						      " (%lld, %lld, %lld, %lld, %lld, %s, %s%s%s, '%s', 'order,prevent,hazard', '%s',"
						      " %lld, %lld)",
						      (long long)station, (long long)team, (long long)plan, (long long)from,
						      (long long)to,
						      k < 2 && grid1 ?
							      arena_printf(c->arena, "%lld", (long long)(k == 0 ? grid1 : grid2)) :
							      "NULL",
						      t->route ? "'" : "", t->route ? t->route : "NULL", t->route ? "'" : "",
						      t->mode, back % 3 ? "巡逻区域秩序正常" : "发现一处路灯损坏，已告知社区",
						      (long long)(k == 0 ? officer : k == 1 ? aux : 0) ?
							      (long long)(k == 0 ? officer : aux) :
							      1LL,
						      (long long)to));
			if (!rc && k < 2 && (k == 0 ? officer : aux))
				rc = exec_sql(c, arena_printf(c->arena,
							      "INSERT INTO patrol_log_member(log_id, user_id, name) SELECT MAX(l.id),"
							      " u.id, u.name FROM patrol_log l, users u WHERE u.id = %lld"
							      " GROUP BY u.id, u.name",
							      (long long)(k == 0 ? officer : aux)));
			else if (!rc)
				rc = exec_sql(c, arena_printf(c->arena,
							      "INSERT INTO patrol_log_member(log_id, name) SELECT MAX(id), '%s'"
							      " FROM patrol_log",
							      t->names[0]));
			/* 城关's evening patrol: a theft in 东街 on two walks in
			 * three, and three arrests in the act in the weeks before
			 * the last — counted by walk, so every weekday the county
			 * is made on has them (a rule by day of the week left a
			 * county made on a Sunday or a Monday without any) */
			if (!rc && chengguan && k == 0 && walked++ % 3 != 2) {
				rc = incident_at(c, station, "东街社区", "城关派出所东街菜市场", "0201", from + 40 * 60,
						 ++*nseq);
				if (!rc && back > 7 && back < 35 && arrests++ < 3)
					rc = exec_sql(c, arena_printf(c->arena,
								      "INSERT INTO patrol_arrest(log_id, officer_id, person_name,"
								      " offence, arrested_at, incident_id) SELECT MAX(l.id), %lld,"
								      " '嫌疑人%lld', '扒窃', %lld, (SELECT MAX(id) FROM incident)"
								      " FROM patrol_log l",
								      (long long)officer, (long long)back,
								      (long long)from + 45 * 60));
			}
		}
		if (rc)
			break;
	}
	json_decref(officers);
	if (rc || !chengguan)
		return rc;
	/* the hot spot nobody patrols: 西街, Friday nights 21:00–22:00, every week */
	for (int64_t w = 0; w < 6 && !rc; w++) {
		int64_t fri = today - date_weekday(today) - 7 * (w + 1) + 4;

		rc = incident_at(c, station, "西街社区", "城关派出所西街夜市", w % 2 ? "0201" : "0101",
				 patrol_day_start(fri) + 21 * 3600 + (10 + 7 * w) * 60, ++*nseq);
		if (!rc && w < 3)
			rc = incident_at(c, station, "西街社区", "城关派出所西街烧烤店", "0202",
					 patrol_day_start(fri) + 21 * 3600 + (30 + 3 * w) * 60, ++*nseq);
	}
	if (!rc) {
		int y, m, d;

		date_civil_from_days(today - date_weekday(today) - 7, &y, &m, &d);
		rows_binds(&q, c);
		rows_bind_int(&q, station);
		rows_bind_text(&q, arena_printf(c->arena, "%04d-%02d-%02d", y, m, d));
		rows_bind_text(&q, "上周东街夜巡抓现行，表扬民警巡逻队；西街夜市周五晚盗窃多发，研究增加巡逻时段。");
		rows_bind_int(&q, c->now - 3 * 86400);
		rc = rows_exec(&q,
			       "INSERT INTO patrol_meeting_note(station_id, week_start, notes, updated_by, updated_at)"
			       " SELECT ?, ?, ?, u.id, ? FROM users u WHERE u.username = 'suozhang'",
			       NULL);
	}
	return rc;
}

/* The demo's 巡逻防控: teams, plans, six weeks of logs, 城关's hot spot
 * (seed_patrol.c): after seed_demo_community. */
SEED_STEP(130, seed_demo_patrol);
int seed_demo_patrol(struct ctx *c)
{
	struct rows_query q;
	json_t *st, *s;
	size_t i;
	int nseq = 0, rc;

	rows_binds(&q, c);
	rc = rows_all(&q, "SELECT id, name FROM org_unit WHERE kind = 'station' ORDER BY id", &st);
	if (rc)
		return rc;
	json_array_foreach(st, i, s) {
		const char *name = json_string_value(json_object_get(s, "name"));
		const char *e = strstr(name, "派出所");
		const char *shortname = e ? arena_strndup(c->arena, name, (size_t)(e - name)) : name;

		rc = station_patrol(c, json_integer_value(json_object_get(s, "id")), shortname,
				    strcmp(name, "城关派出所") == 0, &nseq);
		if (rc)
			break;
	}
	json_decref(st);
	return rc;
}
