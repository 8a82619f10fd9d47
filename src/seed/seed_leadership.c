/* seed_leadership.c — the demo's 领导交办, 逐级上报, 阅示 and frozen daily
 * rankings (issue 17): tasks done on time, done late, overdue and open; the
 * last six days' rankings frozen as a reader would have found them, one of
 * them with a later correction (a call re-classified as 盗窃); yesterday's
 * report submitted by two stations and a 阅示 sent back as tasks. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/incidents/reports.h"
#include "domain/leadership/daily_instructions.h"
#include "domain/leadership/daily_submissions.h"
#include "domain/leadership/leader_tasks.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <string.h>

#define TRY(x) do { rc = (x); if (rc) goto out; } while (0)
#define DAY 86400

static int64_t station(struct ctx *c, const char *name)
{
	struct rows_query q;
	int64_t id = 0;

	rows_binds(&q, c);
	rows_bind_text(&q, name);
	if (rows_int(&q, "SELECT id FROM org_unit WHERE name = ?", 0, &id))
		return 0;
	return id;
}

static int assign(struct ctx *c, int64_t st, const char *content, int64_t deadline, int64_t *id)
{
	json_t *out = NULL;
	struct leader_task_input in = { 0 };
	int rc;

	in.station_id = st;
	in.content = content;
	in.leader_name = c->who.name;
	in.deadline = deadline;
	in.source = "leader";
	rc = leader_tasks_create(c, &in, &out);
	if (!rc)
		*id = json_integer_value(json_object_get(json_object_get(out, "task"), "id"));
	json_decref(out);
	return rc;
}

static int act(struct ctx *c, const char *who, int64_t id, const char *action, const char *text)
{
	json_t *out = NULL;
	int rc = auth_actor_load(c, who);

	if (!rc)
		rc = leader_tasks_act(c, id, action, text, &out);
	json_decref(out);
	return rc;
}

static const char *ymd_of(struct ctx *c, int64_t day)
{
	int y, m, d;

	date_civil_from_days(day, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

int seed_demo_leadership(struct ctx *c)
{
	struct rows_query q;
	int64_t now0 = c->now, today = date_local_days(c->now), cg = station(c, "城关派出所"),
		bs = station(c, "北社派出所"), t1, t2, t3, t4, t5;
	json_t *out = NULL;
	int rc;

	/* ten days ago the 局长 assigns */
	c->now = now0 - 10 * DAY;
	TRY(auth_actor_load(c, "juzhang"));
	TRY(assign(c, cg, "排查城关镇南街出租屋，登记流动人口", now0 - 7 * DAY, &t1));
	TRY(assign(c, cg, "清查城关镇网吧，督促落实实名登记", now0 - 3 * DAY, &t2));
	TRY(assign(c, cg, "整改城关信用社报警装置，限期复查", now0 - 5 * DAY, &t3));
	TRY(assign(c, bs, "北社乡集市安全检查，加强节日巡逻", now0 + 2 * DAY, &t4));
	c->now = now0 - 9 * DAY;
	TRY(act(c, "suozhang", t1, "sign", NULL));
	TRY(act(c, "minjing1", t2, "sign", NULL));
	TRY(act(c, "suozhang", t3, "sign", NULL));
	c->now = now0 - 8 * DAY;
	TRY(act(c, "minjing1", t1, "progress", "已走访南街出租屋8户"));
	c->now = now0 - 7 * DAY - 3600;
	TRY(act(c, "minjing1", t1, "complete", "排查出租屋15户，登记流动人口6人，发现未登记2人已补登"));
	c->now = now0 - 6 * DAY;
	TRY(act(c, "minjing1", t2, "progress", "已清查网吧3家，尚余2家"));
	c->now = now0 - 4 * DAY;
	TRY(act(c, "suozhang", t3, "complete", "报警装置已更换，经复查运行正常"));
	/* the 所长 gives one of his officers a task */
	c->now = now0 - 2 * DAY;
	TRY(auth_actor_load(c, "suozhang"));
	{
		struct leader_task_input in = { 0 };

		in.station_id = cg;
		in.assignee_id = 0;
		in.content = "走访东街社区重点人员，核实现实表现";
		in.leader_name = c->who.name;
		in.deadline = now0 + DAY;
		in.source = "leader";
		TRY(leader_tasks_create(c, &in, &out));
		json_decref(out);
		out = NULL;
	}
	c->now = now0;

	/* the last six days' rankings as the 局长 read them each morning */
	TRY(auth_actor_load(c, "juzhang"));
	for (int64_t d = today - 6; d < today; d++) {
		int y, m, dd;

		date_civil_from_days(d, &y, &m, &dd);
		TRY(reports_daily(c, y, m, dd, &out));
		json_decref(out);
		out = NULL;
	}
	/* a later correction: a call of two days ago at 城关 re-classified as 盗窃 */
	rows_binds(&q, c);
	rows_bind_int(&q, cg);
	rows_bind_int(&q, (today - 2) * DAY - 8 * 3600);
	rows_bind_int(&q, (today - 1) * DAY - 8 * 3600);
	TRY(rows_exec(&q,
		      "UPDATE incident SET category = '0201' WHERE id = (SELECT MIN(id) FROM incident"
		      " WHERE station_id = ? AND received_at >= ? AND received_at < ? AND category NOT IN"
		      " ('0101','0102','0104','0201','0209') AND duplicate_of IS NULL)",
		      NULL));

	/* 逐级上报 of yesterday by two stations, and the 局长's 阅示 */
	TRY(auth_actor_load(c, "suozhang"));
	TRY(daily_submissions_submit(c, ymd_of(c, today - 1), "昨日警情平稳，南街出租屋排查已完成", &out));
	json_decref(out);
	out = NULL;
	TRY(auth_actor_load(c, "beishe_sz"));
	TRY(daily_submissions_submit(c, ymd_of(c, today - 1), "集市安全检查正在进行", &out));
	json_decref(out);
	out = NULL;
	TRY(auth_actor_load(c, "juzhang"));
	TRY(daily_instructions_create(c, ymd_of(c, today - 1), "可防性案件有所上升，各所加强夜间巡逻，严防入室盗窃",
				      "高建军", now0 + 3 * DAY, NULL, &out));
	json_decref(out);
	out = NULL;
	rows_binds(&q, c);
	rows_bind_int(&q, cg);
	TRY(rows_int(&q, "SELECT MAX(id) FROM leader_task WHERE source = 'instruction' AND station_id = ?", 0, &t5));
	TRY(act(c, "suozhang", t5, "sign", NULL));
out:
	c->now = now0;
	json_decref(out);
	return rc;
}
