/* seed_team_assess.c — the demo county's 考核与奖惩 (issue 18, part 3; the
 * 九好 scores, trainings, staff changes and appealed measures of the gaps
 * at the end, a later step): the
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
#include "domain/team/staff_changes.h"
#include "domain/team/station_checklists.h"

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

/* TEAM-TRAIN-GATE: 城关's trainings (one not passed) and the changes they
 * allowed, recorded by the 内勤 */
static int trainings_and_changes(struct ctx *c)
{
	const int64_t now = c->now;
	int64_t mj1 = user_of(c, "minjing1"), mj2 = user_of(c, "minjing2"), mj3 = user_of(c, "minjing3");
	json_t *out = NULL;
	int rc;

	TRY(auth_actor_load(c, "neiqin"));
	{
		struct staff_training_input t[] = {
			{ mj3, 1, "initial", "省人民警察培训学校", date_of(c, now - 400 * DAY), date_of(c, now - 310 * DAY),
			  "初训〔2025〕118号" },
			{ mj2, 1, "rank", "市公安局警衔培训班", date_of(c, now - 150 * DAY), date_of(c, now - 140 * DAY),
			  "衔训〔2026〕21号" },
			{ mj1, 1, "promotion", "省公安厅晋升培训班", date_of(c, now - 100 * DAY), date_of(c, now - 80 * DAY),
			  "晋训〔2026〕09号" },
			{ mj1, 0, "rank", "市公安局警衔培训班", date_of(c, now - 150 * DAY), date_of(c, now - 140 * DAY), NULL },
		};
		struct staff_change_input x[] = {
			{ mj3, "appointment", date_of(c, now - 300 * DAY), "社区民警（东街警务室）", "县公安局",
			  "县公政〔2025〕31号" },
			{ mj2, "rank", date_of(c, now - 120 * DAY), "一级警司", "市公安局", "市公警衔〔2026〕6号" },
			{ mj1, "promotion", date_of(c, now - 60 * DAY), "城关派出所副所长", "县公安局", "县公任〔2026〕12号" },
		};

		for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
			TRY(staff_changes_training(c, &t[i], &out));
		for (size_t i = 0; i < sizeof(x) / sizeof(x[0]); i++)
			TRY(staff_changes_create(c, &x[i], &out));
	}
done:
	json_decref(out);
	c->now = now;
	return rc;
}

/* a measure recorded by 督察 at `at`, appealed by its officer a little
 * later and decided by 城关's chief; answers nothing */
static int measure_appealed(struct ctx *c, const char *officer, const char *kind, int64_t days, int64_t at,
			    int64_t decide_after, int revoke, const char *reason, const char *appeal_reason,
			    const char *note, const char *restoration)
{
	const int64_t now = c->now;
	struct reward_sanction_input s = { user_of(c, officer), days, kind, reason, "other", NULL, "县公安局督察大队",
					   date_of(c, at), date_of(c, at), "inspectorate", NULL };
	json_t *out = NULL;
	int64_t id;
	int rc;

	c->now = at;
	TRY(auth_actor_load(c, "ducha"));
	rc = reward_sanction_create(c, &s, &out);
	id = rc ? 0 : json_integer_value(json_object_get(json_object_get(out, "sanction"), "id"));
	TRY(rc);
	c->now = at + 3 * 3600;
	TRY(auth_actor_load(c, officer));
	TRY(rewards_appeal(c, id, "市公安局", appeal_reason, &out));
	c->now = at + decide_after;
	TRY(auth_actor_load(c, "suozhang"));
	TRY(rewards_appeal_decide(c, id, revoke, note, restoration, &out));
done:
	json_decref(out);
	c->now = now;
	return rc;
}

/* The demo's 九好 (issue 18): 督察 has scored the two items no record
 * shows (环境卫生好, 警容风纪好) of every station for last month and this
 * month; the other seven come from the demo's rosters, leave, archives,
 * reviews, return visits, complaints and meetings. Then 城关's training
 * records and staff changes (TEAM-TRAIN-GATE), and two past measures
 * appealed and decided (TEAM-DC-APPEAL: one upheld, one revoked with its
 * restoration; none left open, so no clock of the demo falls due when
 * tests move the clock, and no measure is in force). Each through the
 * domain operations as the one who does it, at times before "now". */
SEED_STEP(162, seed_demo_team_gaps);
int seed_demo_team_gaps(struct ctx *c)
{
	static const int hygiene[] = { 92, 85, 88, 78, 95, 90 }, discipline[] = { 95, 88, 90, 84, 93, 86 };
	struct rows_query q;
	json_t *out = NULL, *stations = NULL, *st;
	const char *months[2];
	int y, m, d, rc;
	size_t i;

	TRY(auth_actor_load(c, "ducha"));
	ctx_today(c, &y, &m, &d);
	months[0] = arena_printf(c->arena, "%04d-%02d", m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1);
	months[1] = arena_printf(c->arena, "%04d-%02d", y, m);
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	TRY(rows_all(&q, "SELECT id FROM org_unit WHERE kind = 'station' AND active = 1 AND path LIKE ? ORDER BY id",
		     &stations));
	json_array_foreach(stations, i, st) {
		int64_t id = json_integer_value(json_object_get(st, "id"));

		for (int k = 0; k < 2; k++) {
			int h = hygiene[(i + (size_t)k) % 6], p = discipline[(i + (size_t)k) % 6];

			TRY(station_checklists_score(c, id, months[k], "hygiene", h,
						     h >= 90 ? "办公区、值班室整洁，物品摆放有序" : "档案柜顶杂物未清理，已当场指出", &out));
			TRY(station_checklists_score(c, id, months[k], "discipline", p,
						     p >= 90 ? "着装规范，持证上岗" : "个别民警值班时未按规定着装", &out));
		}
	}
	TRY(trainings_and_changes(c));
	TRY(measure_appealed(c, "minjing2", "suspension", 10, c->now - 60 * DAY, 4 * DAY, 0,
			     "值班期间擅离岗位，经督察查实", "离岗系处置群众求助，已向值班所领导报告",
			     "经查离岗未报告属实，维持停止执行职务决定", NULL));
	TRY(measure_appealed(c, "minjing4", "confinement", 2, c->now - 25 * DAY, 20 * 3600, 1,
			     "酒后驾驶警车的举报", "当日未饮酒，有同车人员和行车记录可证",
			     "经调取行车记录和询问同车人员，举报不实，撤销禁闭决定", "在全所民警大会上宣布撤销决定，恢复名誉"));
done:
	json_decref(out);
	json_decref(stations);
	return rc;
}
