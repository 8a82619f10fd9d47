/* api_patrol.c — 巡逻防控 over HTTP (issue 17, part 1) on a demo county whose
 * own patrol and incident places are put aside, with the server's clock
 * moved to a Wednesday noon between the 23rd and the 28th of a month, so
 * that the week before (W) and the one before it (P) lie in that month:
 *
 * - team A (police, 李明) patrols grid 1 (东街社区's grid) on Tuesdays
 *   19:00–21:00 (both plans entered as in force since 1 January); team B (auxiliary) walks a route only, Wednesdays 08–09;
 * - incidents in W: 东街 Tue 19:30 (in), Tue 20:59 (in), Tue 21:10 (out of
 *   the slot), 西街 Tue 19:45 (out of the area), 东街 Wed 19:30 (out of the
 *   day), a 求助 Tue 19:10 (not a violation); in P: 东街 Tue 19:05 ×3;
 * - A's logs in W: Tue 19:00–20:30 with one arrest in the act (linked to the
 *   19:30 incident), Thu 10:00–10:45: 135 minutes, 2 whole hours;
 * - weights by default: arrest 10, hour 1, slot 2, incident −3, drop 2.
 *
 * Week W: A = 10·1 + 1·2 + 2·1 − 3·2 + 2·(3 − 2) = 10, B = 0 (its one
 * Wednesday slot not covered) → A 1st, B 2nd.
 * Month: A's incidents 2 + 3 = 5, none the month before; Tuesdays whose
 * slot has ended: D−1, D−8, D−15, D−22 → 4 planned, 1 covered;
 * A = 10 + 2 + 2 − 15 + 2·(0 − 5) = −11; B: 4 Wednesdays (D, D−7, D−14,
 * D−21), score 0 → B 1st, A 2nd.
 * Year: the same figures, planned = the Tuesdays (A) and Wednesdays (B)
 * of the year so far; A = −11, B = 0.
 *
 * The hot spot: 西街社区 (grid 6) on the three Sundays before D at 03:xx —
 * 3 incidents in one uncovered grid × hour: the only proposal (PAT-HOTSPOT,
 * 15-minute visits); accepted, the cell is covered and nothing is proposed.
 * PAT-PATROL-ORG: another station's chief is refused (403, audited);
 * PAT-PATROL-DUTIES: a duty outside XL Art 4 is refused; PAT-PATROL-POWERS:
 * a person checked on the wanted list registers a 巡逻盘查 incident of the
 * station and a comparison hit. */
#include "harness.h"
#include "case_util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DAYS 86400LL

static struct session *sess[8];
static const char *names[8] = { "suozhang", "minjing1", "fujing", "xihe_sz", "auditor", "ducha", "minjing2", NULL };

static int story_setup(void **state)
{
	memset(sess, 0, sizeof(sess));
	return setup_demo(state);
}

static struct session *S(struct server *srv, int i)
{
	if (!sess[i])
		sess[i] = login(srv, names[i], DEMO_PW);
	return sess[i];
}
#define CHIEF S(srv, 0)
#define MJ S(srv, 1)
#define AUX S(srv, 2)
#define OTHER S(srv, 3)
#define AUDITOR S(srv, 4)
#define DUCHA S(srv, 5)

static int64_t wday(int64_t day)
{
	return (day + 3) % 7; /* 1970-01-01 was a Thursday; 0 = Monday */
}

static void civil(int64_t day, int *y, int *m, int *d)
{
	time_t t = (time_t)(day * DAYS);
	struct tm tm;

	gmtime_r(&t, &tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
}

static int64_t day_of(int y, int m, int d)
{
	struct tm tm = { 0 };

	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	return (int64_t)timegm(&tm) / DAYS;
}

/* local day `day` at hh:mm as epoch seconds (UTC+8) */
static int64_t at(int64_t day, int hh, int mm)
{
	return day * DAYS - 8 * 3600 + hh * 3600 + mm * 60;
}

static const char *ymd(struct server *srv, int64_t day)
{
	int y, m, d;

	civil(day, &y, &m, &d);
	return fmt(srv, "%04d-%02d-%02d", y, m, d);
}

static int seq;

static long long incident(struct server *srv, long long station, const char *community, const char *category,
			  int64_t t)
{
	seq++;
	assert_int_equal(db_raw_exec(srv->db,
				     fmt(srv,
					 "INSERT INTO incident(incident_no, received_at, source, place, place_key, community,"
					 " category, priority, summary, station_id, status, unit_id, created_by, created_at)"
					 " VALUES ('JQPATROL%04d', %lld, '110', '巡逻测试地点%d', 'xlcs%d', %s%s%s, '%s', 2,"
					 " '巡逻测试', %lld, 'closed', %lld, 1, %lld)",
					 seq, (long long)t, seq, seq, community ? "'" : "", community ? community : "NULL",
					 community ? "'" : "", category, station, station, (long long)t)),
			 0);
	return db_raw_int(srv->db, fmt(srv, "SELECT id FROM incident WHERE incident_no = 'JQPATROL%04d'", seq), NULL);
}

static json_t *find(json_t *items, const char *key, long long id)
{
	json_t *it;
	size_t i;

	json_array_foreach(items, i, it)
		if (json_integer_value(json_object_get(it, key)) == id)
			return it;
	return NULL;
}

static long long num(json_t *o, const char *k)
{
	return (long long)json_integer_value(json_object_get(o, k));
}

static long long count_weekday(int64_t from, int64_t to_incl, int wd)
{
	long long n = 0;

	for (int64_t d = from; d <= to_incl; d++)
		n += wday(d) == wd;
	return n;
}

STORY(patrol_scores_proposals_hits)
{
	struct resp *r;
	int64_t today, d, mon_w, tue_w, tue_p;
	long long station, team_a, team_b, plan_a, plan_b, inc1, mj1, log1, arrest;
	int y, m, dom;
	json_t *it;

	/* the clock: the next Wednesday noon between the 23rd and the 28th */
	today = (srv_now(srv) + 8 * 3600) / DAYS;
	for (d = today + 1;; d++) {
		civil(d, &y, &m, &dom);
		if (wday(d) == 2 && dom >= 23 && dom <= 28)
			break;
	}
	clock_advance(srv, at(d, 12, 0) - srv_now(srv));
	mon_w = d - 9;
	tue_w = d - 8;
	tue_p = d - 15;
	station = unit_id(srv, CHIEF, "城关派出所");
	/* the demo's own places and patrol put aside */
	assert_int_equal(db_raw_exec(srv->db, "UPDATE incident SET community = NULL"), 0);
	assert_int_equal(db_raw_exec(srv->db, "UPDATE patrol_team SET active = 0"), 0);
	assert_int_equal(db_raw_exec(srv->db, "UPDATE patrol_plan SET active = 0"), 0);
	mj1 = db_raw_int(srv->db, "SELECT id FROM users WHERE username = 'minjing1'", NULL);

	/* teams: an auxiliary may not keep them (PAT-PATROL-ORG) */
	r = http(srv, AUX, "POST", API "/patrol-teams", "{\"name\":\"测试队\",\"kind\":\"police\",\"leader\":\"某\"}");
	assert_error(srv, r, 403, NULL);
	r = http(srv, CHIEF, "POST", API "/patrol-teams",
		 fmt(srv, "{\"name\":\"测试民警巡逻队\",\"kind\":\"police\",\"leader\":\"李明\",\"contact\":\"13900000001\","
			  "\"members\":[{\"user_id\":%lld}]}",
		     mj1));
	EXPECT(r, 201);
	team_a = rnum(r, "team.id");
	EXPECT_STR(r, "team.members.0.name", "李明");
	r = http(srv, CHIEF, "POST", API "/patrol-teams",
		 "{\"name\":\"测试辅警巡逻队\",\"kind\":\"auxiliary\",\"leader\":\"周小勇\"}");
	EXPECT(r, 201);
	team_b = rnum(r, "team.id");
	/* volunteers are named persons, with their committee */
	r = http(srv, CHIEF, "POST", API "/patrol-teams",
		 "{\"name\":\"测试治保会\",\"kind\":\"security_committee\",\"committee\":\"东街社区居委会\","
		 "\"leader\":\"王大爷\",\"members\":[{\"name\":\"王大爷\",\"phone\":\"13900000002\"},{\"user_id\":1}]}");
	assert_error(srv, r, 400, NULL);
	EXPECT_STR(r, "error.field", "members");

	r = http(srv, CHIEF, "POST", API "/patrol-plans",
		 fmt(srv, "{\"team_id\":%lld,\"name\":\"东街夜巡\",\"grid_id\":1,\"dress\":\"uniform\","
			  "\"stakeout_points\":\"东街菜市场口\",\"effective_from\":\"%04d-01-01\","
			  "\"slots\":[{\"weekday\":1,\"start\":\"19:00\",\"end\":\"21:00\"}]}",
		     team_a, y));
	EXPECT(r, 201);
	plan_a = rnum(r, "plan.id");
	/* the visits vary: two 15-minute visits, one in each hour */
	it = jpath(r->json, "plan.slots.0.visits");
	assert_int_equal(json_array_size(it), 2);
	assert_true(strcmp(json_string_value(json_object_get(json_array_get(it, 0), "start")), "19:00") >= 0);
	assert_true(strcmp(json_string_value(json_object_get(json_array_get(it, 0), "start")), "19:45") <= 0);
	assert_true(strcmp(json_string_value(json_object_get(json_array_get(it, 1), "start")), "20:00") >= 0);
	assert_true(strcmp(json_string_value(json_object_get(json_array_get(it, 1), "start")), "20:45") <= 0);
	r = http(srv, CHIEF, "POST", API "/patrol-plans",
		 fmt(srv, "{\"team_id\":%lld,\"name\":\"解放路早巡\",\"route\":\"解放路—汽车站\",\"mode\":\"bicycle\","
			  "\"effective_from\":\"%04d-01-01\",\"slots\":[{\"weekday\":2,\"start\":\"08:00\",\"end\":\"09:00\"}]}",
		     team_b, y));
	EXPECT(r, 201);
	plan_b = rnum(r, "plan.id");
	(void)plan_b;

	/* the incidents */
	inc1 = incident(srv, station, "东街社区", "0201", at(tue_w, 19, 30));
	incident(srv, station, "东街社区", "0201", at(tue_w, 20, 59));
	incident(srv, station, "东街社区", "0201", at(tue_w, 21, 10));
	incident(srv, station, "西街社区", "0201", at(tue_w, 19, 45));
	incident(srv, station, "东街社区", "0201", at(tue_w + 1, 19, 30));
	incident(srv, station, "东街社区", "0601", at(tue_w, 19, 10));
	for (int k = 0; k < 3; k++)
		incident(srv, station, "东街社区", "0101", at(tue_p, 19, 5 + k));
	for (int k = 1; k <= 3; k++)
		incident(srv, station, "西街社区", "0201", at(d - 3 - 7 * (k - 1), 3, 10 + k));

	/* the logs: a duty outside XL Art 4 is refused (PAT-PATROL-DUTIES) */
	r = http(srv, MJ, "POST", API "/patrol-logs",
		 fmt(srv, "{\"team_id\":%lld,\"started_at\":%lld,\"ended_at\":%lld,\"duties\":[\"order\",\"collect_fees\"]}",
		     team_a, (long long)at(tue_w, 19, 0), (long long)at(tue_w, 20, 30)));
	EXPECT_ERR(srv, r, 400, "BAD_DUTY", "PAT-PATROL-DUTIES");
	/* an arrest's officer sent as text is refused, not credited to the
	 * one who writes the log */
	r = http(srv, MJ, "POST", API "/patrol-logs",
		 fmt(srv, "{\"team_id\":%lld,\"started_at\":%lld,\"ended_at\":%lld,\"duties\":[\"order\"],"
			  "\"arrests\":[{\"person_name\":\"王五\",\"offence\":\"盗窃\",\"officer_id\":\"9\"}]}",
		     team_a, (long long)at(tue_w, 19, 0), (long long)at(tue_w, 20, 30)));
	EXPECT_ERR(srv, r, 400, "INVALID_FIELD", NULL);
	EXPECT_STR(r, "error.field", "arrests");
	r = http(srv, MJ, "POST", API "/patrol-logs",
		 fmt(srv, "{\"team_id\":%lld,\"plan_id\":%lld,\"started_at\":%lld,\"ended_at\":%lld,\"grid_id\":1,"
			  "\"duties\":[\"order\",\"prevent\"],\"findings\":\"菜市场口可疑人员一名\","
			  "\"arrests\":[{\"person_name\":\"张某\",\"offence\":\"扒窃\",\"arrested_at\":%lld,"
			  "\"incident_id\":%lld}]}",
		     team_a, plan_a, (long long)at(tue_w, 19, 0), (long long)at(tue_w, 20, 30),
		     (long long)at(tue_w, 20, 0), inc1));
	EXPECT(r, 201);
	log1 = rnum(r, "log.id");
	arrest = rnum(r, "log.arrests.0.id");
	EXPECT_NUM(r, "log.minutes", 90);
	EXPECT_STR(r, "log.members.0.name", "李明");
	r = http(srv, MJ, "POST", API "/patrol-logs",
		 fmt(srv, "{\"team_id\":%lld,\"started_at\":%lld,\"ended_at\":%lld,\"route\":\"东街\"}", team_a,
		     (long long)at(tue_w + 2, 10, 0), (long long)at(tue_w + 2, 10, 45)));
	EXPECT(r, 201);
	/* the link back: the logs whose arrest produced incident 1 */
	r = http(srv, CHIEF, "GET", fmt(srv, API "/patrol-logs?incident_id=%lld", inc1), NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 1);
	EXPECT_NUM(r, "items.0.id", log1);
	EXPECT_NUM(r, "items.0.arrests.0.id", arrest);

	/* week W (PAT-SCORE) */
	r = http(srv, CHIEF, "GET", fmt(srv, API "/patrol-scores?period=week&date=%s", ymd(srv, tue_w)), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "start", ymd(srv, mon_w));
	EXPECT_STR(r, "prev_start", ymd(srv, mon_w - 7));
	assert_int_equal(json_array_size(jpath(r->json, "items")), 2);
	it = find(jpath(r->json, "items"), "team_id", team_a);
	assert_non_null(it);
	assert_int_equal(num(it, "incidents"), 2);
	assert_int_equal(num(it, "prev_incidents"), 3);
	assert_int_equal(num(it, "arrests"), 1);
	assert_int_equal(num(it, "minutes"), 135);
	assert_int_equal(num(it, "slots_planned"), 1);
	assert_int_equal(num(it, "slots_covered"), 1);
	assert_int_equal(num(it, "score"), 10);
	assert_int_equal(num(it, "rank"), 1);
	it = find(jpath(r->json, "items"), "team_id", team_b);
	assert_int_equal(num(it, "incidents"), 0);
	assert_int_equal(num(it, "slots_planned"), 1);
	assert_int_equal(num(it, "slots_covered"), 0);
	assert_int_equal(num(it, "score"), 0);
	assert_int_equal(num(it, "rank"), 2);

	/* the same table as a workbook */
	r = http(srv, CHIEF, "GET", fmt(srv, API "/patrol-scores.xlsx?period=week&date=%s", ymd(srv, tue_w)), NULL);
	EXPECT(r, 200);
	assert_true(r->body_len > 100 && memcmp(r->body, "PK", 2) == 0);

	/* the month of D */
	r = http(srv, CHIEF, "GET", fmt(srv, API "/patrol-scores?period=month&date=%s", ymd(srv, d)), NULL);
	EXPECT(r, 200);
	it = find(jpath(r->json, "items"), "team_id", team_a);
	assert_int_equal(num(it, "incidents"), 5);
	assert_int_equal(num(it, "prev_incidents"), 0);
	assert_int_equal(num(it, "arrests"), 1);
	assert_int_equal(num(it, "minutes"), 135);
	assert_int_equal(num(it, "slots_planned"), 4);
	assert_int_equal(num(it, "slots_covered"), 1);
	assert_int_equal(num(it, "score"), -11);
	assert_int_equal(num(it, "rank"), 2);
	it = find(jpath(r->json, "items"), "team_id", team_b);
	assert_int_equal(num(it, "slots_planned"), 4);
	assert_int_equal(num(it, "score"), 0);
	assert_int_equal(num(it, "rank"), 1);

	/* the year of D */
	r = http(srv, CHIEF, "GET", fmt(srv, API "/patrol-scores?period=year&date=%s", ymd(srv, d)), NULL);
	EXPECT(r, 200);
	it = find(jpath(r->json, "items"), "team_id", team_a);
	assert_int_equal(num(it, "incidents"), 5);
	assert_int_equal(num(it, "arrests"), 1);
	assert_int_equal(num(it, "minutes"), 135);
	assert_int_equal(num(it, "slots_planned"), count_weekday(day_of(y, 1, 1), d - 1, 1));
	assert_int_equal(num(it, "slots_covered"), 1);
	assert_int_equal(num(it, "score"), -11);
	it = find(jpath(r->json, "items"), "team_id", team_b);
	assert_int_equal(num(it, "slots_planned"), count_weekday(day_of(y, 1, 1), d, 2));
	assert_int_equal(num(it, "score"), 0);

	/* the reward given and the Monday meeting's notes kept with the week */
	r = http(srv, CHIEF, "POST", API "/patrol-rewards",
		 fmt(srv, "{\"team_id\":%lld,\"period\":\"week\",\"date\":\"%s\",\"reward\":\"通报表扬\"}", team_a,
		     ymd(srv, tue_w)));
	EXPECT(r, 201);
	r = http(srv, MJ, "PUT", API "/patrol-meetings", "{\"notes\":\"无权\"}");
	assert_error(srv, r, 403, NULL);
	r = http(srv, CHIEF, "PUT", API "/patrol-meetings",
		 fmt(srv, "{\"date\":\"%s\",\"notes\":\"东街夜巡抓现行一起，表扬。\"}", ymd(srv, tue_w)));
	EXPECT(r, 200);
	r = http(srv, CHIEF, "GET", fmt(srv, API "/patrol-scores?period=week&date=%s", ymd(srv, mon_w)), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "meeting.notes", "东街夜巡抓现行一起，表扬。");
	EXPECT_STR(r, "rewards.0.reward", "通报表扬");
	EXPECT_STR(r, "rewards.0.given_by_name", "王建华");

	/* the heat map: the one uncovered hot spot is proposed (PAT-HOTSPOT) */
	r = http(srv, CHIEF, "GET", API "/patrol-plans/heat?weeks=4", NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "proposals")), 1);
	EXPECT_NUM(r, "proposals.0.grid_id", 6);
	EXPECT_NUM(r, "proposals.0.weekday", 6);
	EXPECT_NUM(r, "proposals.0.hour", 3);
	EXPECT_NUM(r, "proposals.0.incidents", 3);
	EXPECT_NUM(r, "proposals.0.visit_minutes", 15);
	EXPECT_STR(r, "proposals.0.start", "03:00");
	{
		json_t *cl;
		size_t i;
		long long tue19 = -1;

		json_array_foreach(jpath(r->json, "cells"), i, cl)
			if (num(cl, "grid_id") == 1 && num(cl, "weekday") == 1 && num(cl, "hour") == 19) {
				tue19 = num(cl, "incidents");
				assert_true(json_is_true(json_object_get(cl, "covered")));
			}
		assert_int_equal(tue19, 4); /* W's 19:30 and P's three */
	}
	/* another station's chief: 403, audited */
	r = http(srv, OTHER, "GET", fmt(srv, API "/patrol-plans/heat?unit=%lld", station), NULL);
	assert_error(srv, r, 403, NULL);
	r = http(srv, OTHER, "POST", fmt(srv, API "/patrol-plans/%lld/slots", plan_a),
		 "{\"weekday\":6,\"start\":\"03:00\",\"end\":\"04:00\",\"grid_id\":6}");
	assert_error(srv, r, 403, NULL);
	assert_true(audit_count(srv, AUDITOR, "patrol.list", "xihe_sz", "denied") >= 1);
	assert_true(audit_count(srv, AUDITOR, "patrol.manage", "xihe_sz", "denied") >= 1);
	/* accepted: the slot is in the plan and nothing is proposed */
	r = http(srv, CHIEF, "POST", fmt(srv, API "/patrol-plans/%lld/slots", plan_a),
		 "{\"weekday\":6,\"start\":\"03:00\",\"end\":\"04:00\",\"grid_id\":6,\"source\":\"proposal\"}");
	EXPECT(r, 201);
	assert_int_equal(json_array_size(jpath(r->json, "plan.slots")), 2);
	r = http(srv, CHIEF, "GET", API "/patrol-plans/heat?weeks=4", NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "proposals")), 0);

	/* 盘查 against the wanted list (PAT-PATROL-POWERS) */
	{
		const char *wanted = id_number(srv, 1990, 5, 17, 123);
		const char *clean = id_number(srv, 1991, 6, 18, 124);
		long long hit_incident, before = db_raw_int(srv->db, "SELECT COUNT(*) FROM incident", NULL);

		r = http(srv, DUCHA, "POST", API "/wanted",
			 J(srv, "{s:s, s:s, s:s, s:s, s:s}", "id_number", wanted, "name", "钱某丙", "case_desc",
			   "涉嫌盗窃（网上追逃）", "issuing_unit", "某市公安局刑侦支队", "issued_on", "2026-09-01"));
		EXPECT(r, 200);
		r = http(srv, AUX, "POST", API "/patrol-logs",
			 J(srv, "{s:I, s:I, s:I, s:s, s:[s], s:[{s:s, s:s, s:s}, {s:s, s:s}, {s:s, s:s}]}", "team_id",
			   (json_int_t)team_b, "started_at", (json_int_t)at(d, 8, 0), "ended_at", (json_int_t)at(d, 9, 0),
			   "route", "解放路汽车站", "duties", "stop_check", "checks", "kind", "person", "id_number", wanted,
			   "name", "钱某丙", "kind", "person", "id_number", clean, "kind", "vehicle", "plate", "晋A12345"));
		EXPECT(r, 201);
		EXPECT_NUM(r, "hits", 1);
		EXPECT_STR(r, "log.checks.0.result", "wanted_hit");
		EXPECT_STR(r, "log.checks.1.result", "clear");
		EXPECT_STR(r, "log.checks.2.plate", "晋A12345");
		assert_null(strstr(r->body, wanted)); /* masked */
		hit_incident = rnum(r, "log.checks.0.incident_id");
		assert_true(hit_incident > 0);
		assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM incident", NULL), before + 1);
		r = http(srv, CHIEF, "GET", fmt(srv, API "/incidents/%lld", hit_incident), NULL);
		EXPECT(r, 200);
		EXPECT_STR(r, "incident.category", "1001");
		EXPECT_STR(r, "incident.source", "patrol");
		EXPECT_NUM(r, "incident.station_id", station);
	}
}

/* A plan edited mid-month (plan history): the clock at M, the Wednesday
 * noon two weeks before D (the 9th–14th), where the plan entered as in
 * force since the 1st — team A, grid 1 (东街), Tuesdays 19:00–21:00 — is
 * changed: its area becomes grid 6 (西街), the Tuesday slot is taken out
 * and a Thursday 19:00–21:00 slot added. Incidents (violations, 19:30):
 * Tue D−15 东街 (in, v1), Tue D−15 西街 (out of v1's area), Thu D−20 西街
 * (no Thursday slot before M), Tue D−8 东街 (v1 over, the slot out),
 * Thu D−6 西街 (in, v2). Then D, Wednesday noon:
 * - week of D−15 (Monday D−16): incidents 1, planned Tue D−15 and Thu
 *   D−13 → 2; scored against today's plan it would be 0 incidents;
 * - week of D−8 (Monday D−9): incidents 1 (D−6), previous 1, planned 1;
 * - the month: incidents 2; planned = the Tuesdays from the 1st to D−15
 *   plus Thursdays D−13 and D−6. */
STORY(patrol_plan_edited_mid_month)
{
	struct resp *r;
	int64_t d, mday, today;
	long long team, plan, slot_tue, station;
	int y, m, dom;
	json_t *it;

	today = (srv_now(srv) + 8 * 3600) / DAYS;
	for (d = today + 15;; d++) {
		civil(d, &y, &m, &dom);
		if (wday(d) == 2 && dom >= 23 && dom <= 28)
			break;
	}
	mday = d - 14;
	clock_advance(srv, at(mday, 12, 0) - srv_now(srv));
	station = unit_id(srv, CHIEF, "城关派出所");
	assert_int_equal(db_raw_exec(srv->db, "UPDATE incident SET community = NULL"), 0);
	assert_int_equal(db_raw_exec(srv->db, "UPDATE patrol_team SET active = 0"), 0);
	assert_int_equal(db_raw_exec(srv->db, "UPDATE patrol_plan SET active = 0"), 0);
	r = http(srv, CHIEF, "POST", API "/patrol-teams", "{\"name\":\"历史测试队\",\"kind\":\"police\",\"leader\":\"李明\"}");
	EXPECT(r, 201);
	team = rnum(r, "team.id");
	r = http(srv, CHIEF, "POST", API "/patrol-plans",
		 fmt(srv, "{\"team_id\":%lld,\"name\":\"东街夜巡\",\"grid_id\":1,\"effective_from\":\"bad\"}", team));
	assert_error(srv, r, 400, NULL);
	EXPECT_STR(r, "error.field", "effective_from");
	r = http(srv, CHIEF, "POST", API "/patrol-plans",
		 fmt(srv, "{\"team_id\":%lld,\"name\":\"东街夜巡\",\"grid_id\":1,\"effective_from\":\"%04d-%02d-01\","
			  "\"slots\":[{\"weekday\":1,\"start\":\"19:00\",\"end\":\"21:00\"}]}",
		     team, y, m));
	EXPECT(r, 201);
	plan = rnum(r, "plan.id");
	slot_tue = rnum(r, "plan.slots.0.id");

	/* the edit at M: another station's chief may not (403) */
	r = http(srv, OTHER, "PATCH", fmt(srv, API "/patrol-plans/%lld", plan), "{\"grid_id\":6}");
	assert_error(srv, r, 403, NULL);
	r = http(srv, OTHER, "DELETE", fmt(srv, API "/patrol-slots/%lld", slot_tue), NULL);
	assert_error(srv, r, 403, NULL);
	r = http(srv, CHIEF, "PATCH", fmt(srv, API "/patrol-plans/%lld", plan), "{\"grid_id\":6,\"name\":\"西街夜巡\"}");
	EXPECT(r, 200);
	EXPECT_NUM(r, "plan.grid_id", 6);
	EXPECT_NUM(r, "plan.versions.0.grid_id", 1);
	EXPECT_STR(r, "plan.versions.0.name", "东街夜巡");
	/* the clock runs on while the requests travel */
	assert_true(rnum(r, "plan.versions.0.valid_to") >= at(mday, 12, 0) &&
		    rnum(r, "plan.versions.0.valid_to") < at(mday, 12, 5));
	r = http(srv, CHIEF, "DELETE", fmt(srv, API "/patrol-slots/%lld", slot_tue), NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "plan.slots")), 0);
	EXPECT_NUM(r, "plan.ended_slots.0.id", slot_tue);
	r = http(srv, CHIEF, "DELETE", fmt(srv, API "/patrol-slots/%lld", slot_tue), NULL);
	EXPECT_ERR(srv, r, 409, "SLOT_ENDED", NULL);
	r = http(srv, CHIEF, "POST", fmt(srv, API "/patrol-plans/%lld/slots", plan),
		 "{\"weekday\":3,\"start\":\"19:00\",\"end\":\"21:00\"}");
	EXPECT(r, 201);
	assert_int_equal(json_array_size(jpath(r->json, "plan.slots")), 1);
	assert_true(audit_count(srv, AUDITOR, "patrol_plan.update", "suozhang", "success") >= 1);
	assert_true(audit_count(srv, AUDITOR, "patrol_plan.end_slot", "suozhang", "success") >= 1);

	incident(srv, station, "东街社区", "0201", at(d - 15, 19, 30));
	incident(srv, station, "西街社区", "0201", at(d - 15, 19, 40));
	incident(srv, station, "西街社区", "0201", at(d - 20, 19, 30));
	incident(srv, station, "东街社区", "0201", at(d - 8, 19, 30));
	incident(srv, station, "西街社区", "0201", at(d - 6, 19, 30));
	clock_advance(srv, at(d, 12, 0) - srv_now(srv));
	memset(sess, 0, sizeof(sess)); /* two weeks on: the sessions have expired */

	r = http(srv, CHIEF, "GET", fmt(srv, API "/patrol-scores?period=week&date=%s", ymd(srv, d - 15)), NULL);
	EXPECT(r, 200);
	it = find(jpath(r->json, "items"), "team_id", team);
	assert_non_null(it);
	assert_int_equal(num(it, "incidents"), 1);
	assert_int_equal(num(it, "slots_planned"), 2);
	r = http(srv, CHIEF, "GET", fmt(srv, API "/patrol-scores?period=week&date=%s", ymd(srv, d - 8)), NULL);
	EXPECT(r, 200);
	it = find(jpath(r->json, "items"), "team_id", team);
	assert_int_equal(num(it, "incidents"), 1);
	assert_int_equal(num(it, "prev_incidents"), 1);
	assert_int_equal(num(it, "slots_planned"), 1);
	r = http(srv, CHIEF, "GET", fmt(srv, API "/patrol-scores?period=month&date=%s", ymd(srv, d)), NULL);
	EXPECT(r, 200);
	it = find(jpath(r->json, "items"), "team_id", team);
	assert_int_equal(num(it, "incidents"), 2);
	assert_int_equal(num(it, "slots_planned"), count_weekday(day_of(y, m, 1), d - 15, 1) + 2);
	assert_int_equal(num(it, "slots_covered"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(patrol_scores_proposals_hits, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(patrol_plan_edited_mid_month, story_setup, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
