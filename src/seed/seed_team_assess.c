/* seed_team_assess.c — the demo county's 考核与奖惩 (issue 18, part 3): the
 * assessment itself needs nothing (it reads the demo's cases, breaches,
 * reviews, return visits and visits); 城关 records two commendations and
 * a 通报批评, the education of one flagged officer, and two 警风警纪监督员
 * with their visits (one opinion answered, one waiting) — each through the
 * domain operations as the station's chief, at times before "now". */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/rows.h"
#include "domain/team/interventions.h"
#include "domain/team/monitors.h"
#include "domain/team/rewards.h"

#define TRY(x) do { rc = (x); json_decref(out); out = NULL; if (rc) goto done; } while (0)
#define DAY (24 * 60 * 60)

static int64_t user_of(struct ctx *c, const char *username)
{
	struct rows_query q;
	int64_t id = 0;

	rows_binds(&q, c);
	rows_bind_text(&q, username);
	rows_int(&q, "SELECT id FROM users WHERE username = ?", 0, &id);
	return id;
}

static const char *date_of(struct ctx *c, int64_t t)
{
	int64_t saved = c->now;
	const char *s;

	c->now = t;
	s = ctx_today_str(c);
	c->now = saved;
	return s;
}

/* The demo's 考核与奖惩 and 警风警纪监督员 (issue 18, part 3): after the
 * cases and supervision (seed_team_assess.c). */
SEED_STEP(120, seed_demo_team_assess);
int seed_demo_team_assess(struct ctx *c)
{
	const int64_t now = c->now;
	int64_t mj1 = user_of(c, "minjing1"), mj2 = user_of(c, "minjing2"), mj3 = user_of(c, "minjing3");
	json_t *out = NULL;
	int rc;

	TRY(auth_actor_load(c, "suozhang"));
	{
		struct reward_award_input a = { mj1, "commendation", "上月考核全所第一，办结案件最多", "assessment",
						 date_of(c, now - 35 * DAY), "city", "市公安局", date_of(c, now - 20 * DAY),
						 NULL, NULL };
		struct reward_award_input b = { mj2, "merit_third", "破获系列入室盗窃案，抓获嫌疑人3名", "case", NULL,
						 "city", "市公安局", date_of(c, now - 60 * DAY), NULL,
						 date_of(c, now - 90 * DAY) /* TEAM-AWARD-PUBLIC: posted a month */ };
		struct reward_sanction_input s = { mj3, 0, "criticism", "办案期限届满未及时处理，形成执法监督记录",
						   "breach", NULL, "县公安局", date_of(c, now - 10 * DAY), NULL, NULL, NULL };

		a.ground_ref = arena_printf(c->arena, "%.7s", a.ground_ref); /* the month assessed: YYYY-MM */
		TRY(reward_award_create(c, &a, &out));
		TRY(reward_award_create(c, &b, &out));
		TRY(reward_sanction_create(c, &s, &out));
	}
	{
		struct intervention_input e = { mj1, "talk", "所长谈心谈话，提醒按期办理、及时答复执法监督记录",
						date_of(c, now - 5 * DAY), date_of(c, now + 25 * DAY) };

		TRY(intervention_create(c, &e, &out));
	}
	{
		struct monitor_input m1 = { "周文华", "县人大代表（城关镇）", "13903510001", date_of(c, now - 300 * DAY),
					    date_of(c, now + 430 * DAY) };
		struct monitor_input m2 = { "吴秀兰", "城关镇东街社区居委会", "13903510002", date_of(c, now - 200 * DAY),
					    date_of(c, now + 530 * DAY) };
		int64_t a, b, v;

		rc = monitor_create(c, &m1, &out);
		a = rc ? 0 : json_integer_value(json_object_get(json_object_get(out, "monitor"), "id"));
		TRY(rc);
		rc = monitor_create(c, &m2, &out);
		b = rc ? 0 : json_integer_value(json_object_get(json_object_get(out, "monitor"), "id"));
		TRY(rc);
		rc = monitor_visit_create(c, a, date_of(c, now - 40 * DAY), "部分民警接警时语气生硬，建议加强窗口服务培训", &out);
		v = rc ? 0 : json_integer_value(json_object_get(json_object_get(out, "visit"), "id"));
		TRY(rc);
		c->now = now - 30 * DAY;
		TRY(monitor_visit_answer(c, v, "已组织全所民警服务规范培训，窗口实行首问负责制", &out));
		c->now = now;
		/* answered too: an open one would become a breach when tests move the clock */
		rc = monitor_visit_create(c, b, date_of(c, now - 3 * DAY), "夜间巡逻在东街社区次数偏少，居民希望增加", &out);
		v = rc ? 0 : json_integer_value(json_object_get(json_object_get(out, "visit"), "id"));
		TRY(rc);
		TRY(monitor_visit_answer(c, v, "已调整巡逻线路，东街社区夜间巡逻每晚两次", &out));
	}
done:
	json_decref(out);
	c->now = now;
	return rc;
}
