/* seed_team.c — the demo's 队伍管理 (issue 18, part 1): a staff record for
 * every demo account, entered by the county chief (juzhang). Every police
 * officer holds a valid 基本级 or higher (the demo's cases are entered by
 * them: TEAM-QUAL-USE); auxiliaries are 辅警, one a 以工代警. Figures are
 * spread so the structure page shows every band. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/rows.h"
#include "domain/team/duty.h"
#include "domain/team/leave.h"
#include "domain/team/staff.h"
#include "rules/date.h"
#include "core/clock.h"

#include <stdio.h>
#include <string.h>

static const char *const politics[] = { "party", "party", "league", "masses", "party", "probation" };
static const char *const education[] = { "bachelor", "college", "bachelor", "postgrad", "high", "college" };
static const char *const levels[] = { "basic", "mid", "basic", "high", "mid" };
static const int ages[] = { 27, 33, 38, 44, 49, 53, 57, 29, 36, 41 };

static int seed_staff(struct ctx *c)
{
	struct rows_query q;
	json_t *users, *u;
	size_t i;
	int rc, y, m, d;

	rows_binds(&q, c);
	rc = rows_all(&q,
		      "SELECT u.id, u.username, u.role, u.badge_no, o.name AS unit_name FROM users u"
		      " JOIN org_unit o ON o.id = u.unit_id WHERE u.role NOT IN ('admin','auditor') ORDER BY u.id",
		      &users);
	if (rc)
		return rc;
	ctx_today(c, &y, &m, &d);
	rc = auth_actor_load(c, "juzhang");
	json_array_foreach(users, i, u) {
		struct staff_input in = { 0 };
		const char *role = row_str(u, "role");
		int aux = strcmp(role, "auxiliary") == 0;
		int ywdj = strcmp(role, "archivist") == 0;
		json_t *out = NULL;

		if (rc)
			break;
		/* the clerk (内勤) is a police officer; the archivist, without a
		 * badge, is a worker in a police post (以工代警) */
		in.staff_kind = aux ? "auxiliary" : ywdj ? "ywdj" : "police";
		aux = aux || ywdj;
		in.post = strcmp(role, "chief") == 0 ? "所长"
			  : strcmp(role, "officer") == 0 ? "社区民警"
			  : ywdj ? "档案管理" : aux ? "辅警" : "内勤";
		in.rank_title = aux ? NULL : (strcmp(role, "chief") == 0 ? "一级警长" : "二级警员");
		in.police_no = aux ? NULL : row_str(u, "badge_no");
		in.beat = strcmp(role, "officer") == 0 ? arena_printf(c->arena, "%s责任区", row_str(u, "unit_name"))
						       : NULL;
		in.politics = politics[i % 6];
		in.education = education[i % 6];
		in.birth_date = arena_printf(c->arena, "%04d-%02d-%02d", y - ages[i % 10] - 1, (int)(i % 12) + 1,
					     (int)(i % 27) + 1);
		in.qual_level = aux ? "none" : levels[i % 5];
		in.qual_date = aux ? NULL : arena_printf(c->arena, "%04d-06-%02d", y - 1 - (int)(i % 6), (int)(i % 27) + 1);
		in.qual_cert_no = aux ? NULL : arena_printf(c->arena, "ZFZG%04d%03d", y - 1 - (int)(i % 6), (int)i + 1);
		rc = staff_put(c, row_int(u, "id"), &in, &out);
		json_decref(out);
	}
	json_decref(users);
	return rc;
}

#define DAY 86400

/* the users of a station (and its posts) with a role, by id */
static int members(struct ctx *c, int64_t station, const char *role, json_t **out)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_int(&q, station);
	rows_bind_text(&q, role);
	return rows_all(&q,
			"SELECT u.id, u.username FROM users u JOIN org_unit o ON o.id = u.unit_id"
			" WHERE (o.id = ? OR o.parent_id = ?) AND u.role = ? AND u.disabled = 0 ORDER BY u.id",
			out);
}

static json_t *pat(int wd, const char *post, json_t *u)
{
	return json_pack("{s:i, s:s, s:I}", "weekday", wd, "duty_post", post, "user_id",
			 (json_int_t)row_int(u, "id"));
}

/* Put the user on the current shift's 110 处警组 (unless rostered on it
 * already); *uid his id. The actor is the station's chief. */
static int current_for(struct ctx *c, const char *username, int64_t *uid)
{
	struct rows_query q;
	json_t *b = NULL, *e = NULL;
	int64_t n = 0;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, username);
	rc = rows_int(&q, "SELECT id FROM users WHERE username = ?", 0, uid);
	if (!rc)
		rc = duty_board(c, 0, &b);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, *uid);
	rows_bind_text(&q, row_str(b, "duty_on"));
	rc = rows_int(&q, "SELECT COUNT(*) FROM duty_roster WHERE user_id = ? AND duty_on = ? AND duty_post = 'response'",
		      0, &n);
	if (!rc && !n)
		rc = duty_rosters_add(c, row_str(b, "duty_on"), "response", *uid, &e);
	json_decref(e);
	json_decref(b);
	return rc;
}

/* One station: the weekly pattern (the chief leads every day; officers
 * take the 值班民警, 案件组 and 110 处警组 posts in turn, the auxiliary joins
 * the 处警组), a month of rosters from it and next week's, sign-ins of the
 * past days: most on time, every 7th late, one missed in 城关. */
static int seed_station_duty(struct ctx *c, int64_t station, const char *chief, int missed)
{
	json_t *chiefs = NULL, *officers = NULL, *aux = NULL, *items, *out = NULL, *list = NULL, *e;
	int64_t real = c->now, today = date_local_days(real), mj = 0;
	int rc, y, m, d;
	size_t i, n;

	rc = members(c, station, "chief", &chiefs);
	if (!rc)
		rc = members(c, station, "officer", &officers);
	if (!rc)
		rc = members(c, station, "auxiliary", &aux);
	if (rc || !json_array_size(chiefs) || json_array_size(officers) < 2) {
		json_decref(chiefs);
		json_decref(officers);
		json_decref(aux);
		return rc;
	}
	n = json_array_size(officers);
	items = json_array();
	for (int wd = 1; wd <= 7; wd++) {
		json_array_append_new(items, pat(wd, "leader", json_array_get(chiefs, 0)));
		json_array_append_new(items, pat(wd, "officer", json_array_get(officers, (size_t)wd % n)));
		json_array_append_new(items, pat(wd, "case_team", json_array_get(officers, (size_t)(wd + 1) % n)));
		json_array_append_new(items, pat(wd, "response", json_array_get(officers, (size_t)(wd + 2) % n)));
		if (json_array_size(aux))
			json_array_append_new(items, pat(wd, "response", json_array_get(aux, 0)));
	}
	json_decref(chiefs);
	json_decref(officers);
	json_decref(aux);
	rc = auth_actor_load(c, chief);
	if (!rc)
		rc = duty_patterns_put(c, items, &out);
	json_decref(items);
	json_decref(out);
	out = NULL;
	date_civil_from_days(today - 30, &y, &m, &d);
	{
		const char *from = arena_printf(c->arena, "%04d-%02d-%02d", y, m, d), *to;

		date_civil_from_days(today + 7, &y, &m, &d);
		to = arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
		if (!rc)
			rc = duty_rosters_build(c, from, to, &out);
		json_decref(out);
		out = NULL;
		/* 城关: 李明 is also on the current shift's 110 处警组 and has not
		 * signed in yet (the browser story signs him in) */
		if (!rc && missed)
			rc = current_for(c, "minjing1", &mj);
		if (!rc)
			rc = duty_rosters_list(c, 0, from, to, &list);
	}
	if (rc)
		return rc;
	/* sign-ins of the shifts begun (today's too, when it has begun) */
	json_array_foreach(json_object_get(list, "items"), i, e) {
		struct rows_query q;
		json_t *u = NULL, *o = NULL;
		int64_t start = row_int(e, "shift_start"), id = row_int(e, "id");

		if (start > real)
			continue;
		if (missed && i == 9)
			continue; /* the one missed shift */
		if (row_int(e, "user_id") == mj && start + DAY > real)
			continue; /* 李明's current shift */
		rows_binds(&q, c);
		rows_bind_int(&q, row_int(e, "user_id"));
		rc = rows_one(&q, "SELECT username FROM users WHERE id = ?", &u);
		if (!rc)
			rc = auth_actor_load(c, row_str(u, "username"));
		json_decref(u);
		/* every 7th late by 25-40 minutes, the rest 5-20 minutes early */
		c->now = i % 7 == 3 ? start + 25 * 60 + (int64_t)(i % 4) * 5 * 60 : start - 5 * 60 - (int64_t)(i % 4) * 5 * 60;
		if (c->now > real)
			c->now = real;
		if (!rc)
			rc = duty_sign(c, id, 0, &o);
		json_decref(o);
		o = NULL;
		if (!rc && start + DAY <= real) {
			c->now = start + DAY - 10 * 60;
			rc = duty_sign(c, id, 1, &o);
			json_decref(o);
		}
		c->now = real;
		if (rc)
			break;
	}
	json_decref(list);
	return rc;
}

static int seed_duty(struct ctx *c)
{
	struct rows_query q;
	json_t *st, *s;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rc = rows_all(&q,
		      "SELECT o.id, o.name, (SELECT MIN(u.username) FROM users u WHERE u.unit_id = o.id AND u.role = 'chief')"
		      " AS chief FROM org_unit o WHERE o.kind = 'station' ORDER BY o.id",
		      &st);
	if (rc)
		return rc;
	json_array_foreach(st, i, s) {
		if (!row_str(s, "chief"))
			continue;
		rc = seed_station_duty(c, row_int(s, "id"), row_str(s, "chief"), !strcmp(row_str(s, "name"), "城关派出所"));
		if (rc)
			break;
	}
	json_decref(st);
	return rc;
}

/* leave of 城关: one taken and returned, one pending, one overdue return,
 * one on leave today; the chief's own request approved by the county */
struct demo_leave {
	const char *who, *kind, *reason, *decider;
	int from, to;   /* days from today */
	int returned;   /* 1: 销假 on its last day + 1 */
};

static const struct demo_leave leaves[] = {
	{ "minjing2", "annual", "年休假探亲", "suozhang", -25, -21, 1 },
	{ "minjing4", "sick", "感冒发烧住院", "suozhang", -6, -2, 0 },
	{ "fazhi", "personal", "家中有事", "suozhang", -1, 1, 0 },
	{ "suozhang", "annual", "年休假", "juzhang", -15, -13, 1 },
	{ "minjing3", "personal", "子女升学", NULL, 5, 6, 0 },
};

static int seed_leaves(struct ctx *c)
{
	int64_t real = c->now, today = date_local_days(real);
	int rc = 0, y, m, d;

	for (size_t i = 0; i < sizeof(leaves) / sizeof(leaves[0]) && !rc; i++) {
		const struct demo_leave *l = &leaves[i];
		const char *from, *to;
		json_t *out = NULL;
		int64_t id;

		date_civil_from_days(today + l->from, &y, &m, &d);
		from = arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
		date_civil_from_days(today + l->to, &y, &m, &d);
		to = arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
		c->now = real + (int64_t)(l->from < 0 ? l->from - 2 : -1) * DAY;
		rc = auth_actor_load(c, l->who);
		if (!rc)
			rc = leave_create(c, l->kind, from, to, l->reason, &out);
		if (rc)
			break;
		id = row_int(json_object_get(out, "leave"), "id");
		json_decref(out);
		out = NULL;
		if (l->decider) {
			c->now += 3600;
			rc = auth_actor_load(c, l->decider);
			if (!rc)
				rc = leave_decide(c, id, 1, "同意", &out);
			json_decref(out);
			out = NULL;
		}
		if (!rc && l->returned) {
			date_civil_from_days(today + l->to + 1, &y, &m, &d);
			c->now = (today + l->to + 1) * DAY - PS_DISPLAY_TZ_OFFSET + 9 * 3600;
			rc = auth_actor_load(c, l->who);
			if (!rc)
				rc = leave_return(c, id, arena_printf(c->arena, "%04d-%02d-%02d", y, m, d), &out);
			json_decref(out);
		}
	}
	c->now = real;
	return rc;
}

/* 队伍管理: staff records, rosters with sign-ins, leave (seed_team.c, issue 18).
 * Runs right after the accounts: the cases need qualified main handlers. */
SEED_STEP(10, seed_demo_team);
int seed_demo_team(struct ctx *c)
{
	int rc = seed_staff(c);

	if (!rc)
		rc = seed_duty(c);
	if (!rc)
		rc = seed_leaves(c);
	return rc;
}
