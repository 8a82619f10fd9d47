/* seed_team_gaps.c — the demo county's 九好 (issue 18): 督察 has scored
 * the two items no record shows (环境卫生好, 警容风纪好) of every station
 * for last month and this month, so the checklist shows full figures; the
 * other seven come from the demo's rosters, leave, archives, reviews,
 * return visits, complaints and meetings. Then 城关's training records and
 * staff changes (TEAM-TRAIN-GATE), and two past measures appealed and
 * decided (TEAM-DC-APPEAL: one upheld, one revoked with its restoration;
 * none left open, so no clock of the demo falls due when tests move the
 * clock, and no measure is in force). Through the domain operations, each
 * as the one who does it, at times before "now". */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/rows.h"
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

SEED_STEP(160, seed_demo_team_gaps);
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
