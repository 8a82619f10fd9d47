/* seed_team_meetings.c — the demo's meetings, study and training (issue
 * 18): in every station four weeks of Monday 例会 and Friday 案件通报研讨,
 * this month's and last month's 集体法律学习 on the 5th, a 思想教育/党建
 * activity and a 电视电话会议; a two-day 业务培训 on the 10th of every month
 * of the year so far, so the officers keep the training pace
 * (TEAM-TRAIN-DAYS) — except 城关's 刘强 (minjing3), on loan to a case
 * team from April, who is behind. Attendees come from the proposal
 * (approved leave absent). Recorded by each station's chief, on the day. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/rows.h"
#include "domain/team/team_meetings.h"
#include "rules/date.h"
#include "core/clock.h"

#include <string.h>

#define DAY 86400

static const char *const topics_weekly[] = { "上周工作讲评与本周勤务安排", "辖区治安形势分析与重点工作部署",
					     "值班备勤和接处警工作讲评", "社区警务与走访工作推进" };
static const char *const topics_review[] = { "本周受理治安案件通报与办案质量研讨", "一起盗窃案件证据收集问题研讨",
					     "执法监督预警案件逐件通报", "调解结案案件卷宗质量研讨" };

static const char *day_str(struct ctx *c, int64_t day)
{
	int y, m, d;

	date_civil_from_days(day, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

/* record one meeting of the chief's station on day (10:00 that day) */
static int meeting(struct ctx *c, int64_t real, int64_t day, const char *kind, const char *topic, const char *speaker,
		   int64_t tdays, const char *absent_user, const char *why)
{
	struct team_meeting_input in = { 0 };
	json_t *prop = NULL, *out = NULL, *it;
	size_t i;
	int rc;

	c->now = day * DAY - PS_DISPLAY_TZ_OFFSET + 10 * 3600;
	if (c->now > real)
		return PS_OK;
	in.held_on = day_str(c, day);
	rc = team_meetings_proposal(c, in.held_on, &prop);
	if (rc)
		return rc;
	if (absent_user) {
		struct rows_query q;
		int64_t uid = 0;

		rows_binds(&q, c);
		rows_bind_text(&q, absent_user);
		rc = rows_int(&q, "SELECT id FROM users WHERE username = ?", 0, &uid);
		json_array_foreach(json_object_get(prop, "attendees"), i, it)
			if (row_int(it, "user_id") == uid) {
				json_object_set_new(it, "present", json_false());
				json_object_set_new(it, "absence_reason", json_string(why));
			}
	}
	in.kind = kind;
	in.topic = topic;
	in.speaker = speaker;
	in.training_days = tdays;
	in.attendees = json_object_get(prop, "attendees");
	in.materials = !strcmp(kind, "legal_study") ? "《治安管理处罚法》（2025修订）条文对照；学习笔记" :
		       !strcmp(kind, "training")    ? "培训讲义；实操考核表" : NULL;
	in.minutes = arena_printf(c->arena, "%s：%s。会议传达了上级要求，逐项明确了责任人和完成时限。", speaker, topic);
	if (!rc)
		rc = team_meetings_create(c, &in, &out);
	json_decref(out);
	json_decref(prop);
	return rc;
}

static int seed_station(struct ctx *c, int64_t real, const char *chief, const char *chief_name, int chengguan)
{
	int64_t today = date_local_days(real), monday = today - date_weekday(today);
	int y, m, d, rc;

	rc = auth_actor_load(c, chief);
	date_civil_from_days(today, &y, &m, &d);
	/* 业务培训: two days on the 10th of every month so far */
	for (int mo = 1; mo <= m && !rc; mo++) {
		int64_t day = date_days_from_civil(y, mo, 10);

		if (day >= today)
			break;
		rc = meeting(c, real, day, "training", mo % 2 ? "执法办案规范化实操培训" : "警务实战技能训练（盘查、约束）",
			     "县局教官", 2, chengguan && mo >= 4 ? "minjing3" : NULL, "借调专案组");
	}
	/* four weeks of 例会 and 案件通报研讨; this week's so far */
	for (int w = 4; w >= 0 && !rc; w--) {
		int64_t mon = monday - 7 * w;

		rc = meeting(c, real, mon, "weekly", topics_weekly[w % 4], chief_name, 0, NULL, NULL);
		if (!rc && mon + 4 < today)
			rc = meeting(c, real, mon + 4, "case_review", topics_review[w % 4], "法制员", 0, NULL, NULL);
	}
	/* 集体法律学习 on the 5th: this month's (when past) and last month's */
	{
		int64_t first = today - (d - 1), prev = date_days_from_civil(m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1, 5);

		if (!rc)
			rc = meeting(c, real, prev, "legal_study", "学习《治安管理处罚法》修订要点", chief_name, 0, NULL, NULL);
		if (!rc && first + 4 < today)
			rc = meeting(c, real, first + 4, "legal_study", "学习《行政执法程序规定》", chief_name, 0, NULL, NULL);
		if (!rc)
			rc = meeting(c, real, today - 18, "political", "主题党日：学习先进典型事迹", "党支部书记", 0, NULL, NULL);
		if (!rc)
			rc = meeting(c, real, today - 11, "teleconference", "全省冬季治安防控工作电视电话会议", "省厅领导", 0,
				     NULL, NULL);
	}
	c->now = real;
	return rc;
}

int seed_demo_team_meetings(struct ctx *c)
{
	struct rows_query q;
	int64_t real = c->now;
	json_t *st, *s;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rc = rows_all(&q,
		      "SELECT o.id, o.name, (SELECT MIN(u.username) FROM users u WHERE u.unit_id = o.id AND u.role = 'chief')"
		      " AS chief, (SELECT MIN(u.name) FROM users u WHERE u.unit_id = o.id AND u.role = 'chief') AS chief_name"
		      " FROM org_unit o WHERE o.kind = 'station' ORDER BY o.id",
		      &st);
	if (rc)
		return rc;
	json_array_foreach(st, i, s) {
		if (!row_str(s, "chief"))
			continue;
		rc = seed_station(c, real, row_str(s, "chief"), row_str(s, "chief_name"),
				  !strcmp(row_str(s, "name"), "城关派出所"));
		if (rc)
			break;
	}
	json_decref(st);
	c->now = real;
	return rc;
}

SEED_STEP(155, seed_demo_team_meetings);
