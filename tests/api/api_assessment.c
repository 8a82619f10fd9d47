/* api_assessment.c — 考核, early intervention, 奖惩 and 警风警纪监督员 over
 * HTTP (issue 18, part 3).
 *
 * 1. The officer assessment against a hand-computed fixture: June 2021 (no
 *    demo record falls in it) gets two cases of 城关 and one BREACH, written
 *    into the database; the weights are set so that only three sources
 *    count. Every figure, score and rank is computed below by hand; then a
 *    case closing and a second breach move the scores and the ranks; ties
 *    share a rank; an officer sees only his own row; the bureau ranks
 *    stations.
 * 2. Early intervention: the thresholds are settings; a 执法过错 finding
 *    raises the flag for the chief only; the education given is recorded.
 * 3. 奖惩: TEAM-AWARD-KINDS, TEAM-AWARD-AUTH, TEAM-AWARD-LIMITS (repeat
 *    within a year refused, a major contribution allowed, one deed one
 *    award), TEAM-SANCTION-KINDS, TEAM-DC-SUSPEND (10–60 / 1–7 days).
 * 4. 警风警纪监督员: a visit's opinion unanswered past monitor.answer_days is
 *    on the 预警 board (TEAM-MONITOR-ANSWER), answered it leaves it. */
#include "harness.h"
#include "case_util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* 2021-06-10, -15, -20 at 12:00 Beijing time */
#define D10 1623297600LL
#define D15 1623729600LL
#define D20 1624161600LL

static void exec_sql(struct server *srv, const char *sql)
{
	if (db_raw_exec(srv->db, sql) != 0)
		fail_msg("fixture SQL failed: %s", sql);
}

static void weight(struct server *srv, const char *key, int v)
{
	EXPECT(http(srv, as(srv, "admin"), "PUT", fmt(srv, API "/settings/assess.weight.%s", key),
		    fmt(srv, "{\"value\":%d}", v)),
	       200);
}

static json_t *row_of(json_t *items, const char *key, long long id)
{
	json_t *it;
	size_t i;

	json_array_foreach(items, i, it)
		if (jint(it, key) == id)
			return it;
	return NULL;
}

static double score_of(json_t *it)
{
	return json_number_value(json_object_get(it, "score"));
}

static double fig(json_t *it, const char *key)
{
	return json_number_value(json_object_get(json_object_get(it, "figures"), key));
}

/* every officer of 城关 but mj1 and mj2 has nothing in June 2021: the
 * "fewer is better" sources give them the full weight (other) */
static void check_others(json_t *items, long long mj1, long long mj2, double other, long long rank)
{
	json_t *it;
	size_t i;

	json_array_foreach(items, i, it) {
		if (jint(it, "user_id") == mj1 || jint(it, "user_id") == mj2)
			continue;
		assert_true(fabs(score_of(it) - other) < 0.01);
		assert_int_equal(jint(it, "rank"), rank);
	}
}

static struct resp *june(struct server *srv, struct session *s, const char *extra)
{
	return http(srv, s, "GET", fmt(srv, API "/assessments?period=month&on=2021-06-18%s", extra), NULL);
}

STORY(officer_score_and_rank)
{
	struct session *chief = as(srv, "suozhang"), *mj = as(srv, "minjing1"), *bureau = as(srv, "juzhang");
	long long mj1 = user_id(srv, as(srv, "admin"), "minjing1"), mj2 = user_id(srv, as(srv, "admin"), "minjing2");
	long long cg = unit_id(srv, chief, "城关派出所"), ka, kb, n;
	struct resp *r;
	json_t *items, *a, *b;

	/* only three sources count: handled 50, solved 20, breaches 50 */
	weight(srv, "cases_handled", 50);
	weight(srv, "cases_solved", 20);
	weight(srv, "persons_dealt", 0);
	weight(srv, "breaches", 50);
	weight(srv, "faults", 0);
	weight(srv, "quality", 0);
	weight(srv, "satisfaction", 0);
	weight(srv, "household_visits", 0);
	weight(srv, "rental_visits", 0);
	weight(srv, "patrol_hours", 0);
	weight(srv, "patrol_arrests", 0);
	weight(srv, "exam_score", 0);
	weight(srv, "training_attendance", 0);
	weight(srv, "training_days", 0);
	weight(srv, "meet_rate", 0);
	weight(srv, "letter_rate", 0);
	weight(srv, "compare_rate", 0);
	weight(srv, "rental_ontime", 0);
	/* case A: mj1 main, mj2 co, closed on the 20th; case B: mj1 alone,
	 * still open, with a BREACH on the 15th */
	exec_sql(srv, fmt(srv,
			  "INSERT INTO police_case(unit_id, kind, case_year, case_seq, case_no, receipt_code, status, title,"
			  " source, act_date, discovered_date, reported_at, accepted_at, closed_at, created_by, created_at,"
			  " updated_at) VALUES (%lld, 'admin', 2021, 9001, '考核测试案A', 'KHTESTA', 'closed', '考核测试A',"
			  " 'walk_in', '2021-06-09', '2021-06-09', %lld, %lld, %lld, %lld, %lld, %lld)",
			  cg, D10, D10, D20, mj1, D10, D20));
	exec_sql(srv, fmt(srv,
			  "INSERT INTO police_case(unit_id, kind, case_year, case_seq, case_no, receipt_code, status, title,"
			  " source, act_date, discovered_date, reported_at, accepted_at, created_by, created_at,"
			  " updated_at) VALUES (%lld, 'admin', 2021, 9002, '考核测试案B', 'KHTESTB', 'filed', '考核测试B',"
			  " 'walk_in', '2021-06-09', '2021-06-09', %lld, %lld, %lld, %lld, %lld)",
			  cg, D10, D10, mj1, D10, D10));
	ka = db_raw_int(srv->db, "SELECT id FROM police_case WHERE case_no = '考核测试案A'", NULL);
	kb = db_raw_int(srv->db, "SELECT id FROM police_case WHERE case_no = '考核测试案B'", NULL);
	exec_sql(srv, fmt(srv,
			  "INSERT INTO case_officer(case_id, user_id, duty, added_at) VALUES (%lld, %lld, 'main', %lld),"
			  " (%lld, %lld, 'co', %lld), (%lld, %lld, 'main', %lld)",
			  ka, mj1, D10, ka, mj2, D10, kb, mj1, D10));
	exec_sql(srv, fmt(srv,
			  "INSERT INTO breach(clock_key, unit_id, case_id, rule, label, deadline, recorded_at)"
			  " VALUES ('case:%lld:khtest1', %lld, %lld, 'ADM-ACCEPT-01', '考核测试', %lld, %lld)",
			  kb, cg, kb, D15, D15));

	/* by hand: handled mj1 2, mj2 1 (max 2); solved mj1 1, mj2 1 (max 1);
	 * breaches mj1 1 (max 1).
	 *   mj1 = 50·2/2 + 20·1/1 + 50·(1 − 1/1) = 70
	 *   mj2 = 50·1/2 + 20·1/1 + 50·(1 − 0)   = 95
	 *   others = 0 + 0 + 50 = 50
	 * ranks: mj2 1, mj1 2, the others 3 (tied) */
	r = june(srv, chief, "");
	EXPECT(r, 200);
	EXPECT_STR(r, "from_on", "2021-06-01");
	EXPECT_STR(r, "to_on", "2021-07-01");
	items = jpath(r->json, "items");
	n = (long long)json_array_size(items);
	assert_true(n >= 3);
	assert_int_equal(jint(r->json, "compared"), n);
	assert_non_null(a = row_of(items, "user_id", mj1));
	assert_non_null(b = row_of(items, "user_id", mj2));
	assert_true(fabs(fig(a, "cases_handled") - 2) < 0.01);
	assert_true(fabs(fig(b, "cases_handled") - 1) < 0.01);
	assert_true(fabs(fig(a, "breaches") - 1) < 0.01);
	assert_true(fabs(fig(b, "breaches") - 0) < 0.01);
	assert_true(json_is_null(json_object_get(json_object_get(a, "figures"), "quality")));
	assert_true(fabs(score_of(a) - 70) < 0.01);
	assert_true(fabs(score_of(b) - 95) < 0.01);
	assert_int_equal(jint(b, "rank"), 1);
	assert_int_equal(jint(a, "rank"), 2);
	check_others(items, mj1, mj2, 50, 3);
	/* the list is in rank order */
	assert_int_equal(jint(json_array_get(items, 0), "user_id"), mj2);

	/* the patrol logs and exams are read too: mj1 patrolled 90 minutes on
	 * the 10th and took one in the act; mj2 sat a formal exam, scored 80
	 * (figures only: their weights are 0 here) */
	exec_sql(srv, fmt(srv,
			  "INSERT INTO patrol_log(station_id, team_id, started_at, ended_at, route, created_by, created_at)"
			  " VALUES (%lld, (SELECT MIN(id) FROM patrol_team WHERE station_id = %lld), %lld, %lld, '考核测试路',"
			  " %lld, %lld)",
			  cg, cg, D10, D10 + 5400, mj1, D10));
	exec_sql(srv, fmt(srv,
			  "INSERT INTO patrol_arrest(log_id, officer_id, person_name, offence, arrested_at)"
			  " VALUES ((SELECT MAX(id) FROM patrol_log), %lld, '考核某', '扒窃', %lld)",
			  mj1, D10 + 3600));
	exec_sql(srv, fmt(srv,
			  "INSERT INTO exam_sitting(kind, user_id, unit_id, questions, answer_keys, started_at, deadline_at,"
			  " submitted_at, correct, total, score, pass_score) VALUES ('formal', %lld, %lld, '', '', %lld, %lld,"
			  " %lld, 8, 10, 80, 60)",
			  mj2, cg, D10, D10 + 3600, D10 + 1800));
	r = june(srv, chief, "");
	EXPECT(r, 200);
	items = jpath(r->json, "items");
	assert_non_null(a = row_of(items, "user_id", mj1));
	assert_non_null(b = row_of(items, "user_id", mj2));
	assert_true(fabs(fig(a, "patrol_hours") - 1.5) < 0.01);
	assert_true(fabs(fig(a, "patrol_arrests") - 1) < 0.01);
	assert_true(fabs(fig(b, "patrol_hours") - 0) < 0.01);
	assert_true(fabs(fig(b, "exam_score") - 80) < 0.01);
	assert_true(json_is_null(json_object_get(json_object_get(a, "figures"), "exam_score")));
	assert_true(fabs(score_of(a) - 70) < 0.01);

	/* case B closes on the 20th: solved mj1 2, mj2 1 (max 2)
	 *   mj1 = 50 + 20 + 0 = 70;  mj2 = 25 + 10 + 50 = 85 */
	exec_sql(srv, fmt(srv, "UPDATE police_case SET status = 'closed', closed_at = %lld WHERE id = %lld", D20, kb));
	r = june(srv, chief, "");
	EXPECT(r, 200);
	items = jpath(r->json, "items");
	assert_true(fabs(score_of(row_of(items, "user_id", mj1)) - 70) < 0.01);
	assert_true(fabs(score_of(row_of(items, "user_id", mj2)) - 85) < 0.01);

	/* a breach on case A (both answer for it): breaches mj1 2, mj2 1 (max 2)
	 *   mj1 = 50 + 20 + 0 = 70;  mj2 = 25 + 10 + 25 = 60;  others 50
	 * ranks: mj1 1, mj2 2, others 3 */
	exec_sql(srv, fmt(srv,
			  "INSERT INTO breach(clock_key, unit_id, case_id, rule, label, deadline, recorded_at)"
			  " VALUES ('case:%lld:khtest2', %lld, %lld, 'ADM-ACCEPT-01', '考核测试', %lld, %lld)",
			  ka, cg, ka, D15, D15));
	r = june(srv, chief, "");
	EXPECT(r, 200);
	items = jpath(r->json, "items");
	a = row_of(items, "user_id", mj1);
	b = row_of(items, "user_id", mj2);
	assert_true(fabs(score_of(a) - 70) < 0.01);
	assert_true(fabs(score_of(b) - 60) < 0.01);
	assert_int_equal(jint(a, "rank"), 1);
	assert_int_equal(jint(b, "rank"), 2);
	check_others(items, mj1, mj2, 50, 3);

	/* ties share a rank: with handled and solved not counted, mj2 and
	 * mj1 both have breaches → 50·(1 − 1/2) = 25 and 50·(1 − 2/2) = 0;
	 * with breaches not counted either everybody has 0 and rank 1 */
	weight(srv, "cases_handled", 0);
	weight(srv, "cases_solved", 0);
	weight(srv, "breaches", 0);
	r = june(srv, chief, "");
	EXPECT(r, 200);
	check_others(jpath(r->json, "items"), 0, 0, 0, 1);
	weight(srv, "cases_handled", 50);
	weight(srv, "cases_solved", 20);
	weight(srv, "breaches", 50);

	/* the officer sees his own row only, with his place among all */
	r = june(srv, mj, "");
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 1);
	a = json_array_get(jpath(r->json, "items"), 0);
	assert_int_equal(jint(a, "user_id"), mj1);
	assert_int_equal(jint(a, "rank"), 1);
	assert_int_equal(jint(r->json, "compared"), n);
	/* … not the stations, not another station's officers */
	assert_error(srv, june(srv, mj, "&level=station"), 403, NULL);
	assert_error(srv, june(srv, as(srv, "fujing"), ""), 403, NULL);
	assert_error(srv, june(srv, chief, fmt(srv, "&station_id=%lld", unit_id(srv, chief, "北社派出所"))), 403, NULL);

	/* the bureau ranks the stations: 城关 has the two cases and the two
	 * breaches, every other station nothing:
	 *   城关 = 50·2/2 + 20·2/2 + 50·(1 − 2/2) = 70; the others 0 + 0 + 50 = 50 */
	r = june(srv, bureau, "&level=station");
	EXPECT(r, 200);
	items = jpath(r->json, "items");
	assert_true(json_array_size(items) >= 2);
	a = row_of(items, "station_id", cg);
	assert_non_null(a);
	assert_true(fabs(score_of(a) - 70) < 0.01);
	assert_int_equal(jint(a, "rank"), 1);
	b = json_array_get(items, 1);
	assert_true(fabs(score_of(b) - 50) < 0.01);
	assert_int_equal(jint(b, "rank"), 2);
	/* a quarter and a year hold the month */
	r = http(srv, chief, "GET", API "/assessments?period=quarter&on=2021-05-02", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "from_on", "2021-04-01");
	EXPECT_STR(r, "to_on", "2021-07-01");
	assert_true(fabs(score_of(row_of(jpath(r->json, "items"), "user_id", mj1)) - 70) < 0.01);
	r = http(srv, chief, "GET", API "/assessments?period=year&on=2021-12-31", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "to_on", "2022-01-01");
	assert_error(srv, http(srv, chief, "GET", API "/assessments?period=week", NULL), 400, NULL);
	/* the month's ranking as a file (this month: the demo's figures) with its header row */
	r = http(srv, chief, "POST", API "/exports", "{\"kind\":\"assessment\",\"format\":\"csv\",\"reason\":\"月度考核通报\"}");
	EXPECT(r, 200);
	assert_non_null(strstr(r->body, "名次,民警,单位,得分,办理案件"));
	assert_error(srv, http(srv, mj, "POST", API "/exports", "{\"kind\":\"assessment\",\"reason\":\"月度考核通报\"}"), 403, NULL);
}

STORY(early_intervention_flag)
{
	struct session *chief = as(srv, "suozhang");
	long long mj2 = user_id(srv, as(srv, "admin"), "minjing2");
	long long cg = unit_id(srv, chief, "城关派出所"), f0, fid;
	struct resp *r;
	json_t *it;

	/* thresholds out of reach: nobody is flagged */
	EXPECT(http(srv, as(srv, "admin"), "PUT", API "/settings/intervention.breaches", "{\"value\":100}"), 200);
	EXPECT(http(srv, as(srv, "admin"), "PUT", API "/settings/intervention.complaints", "{\"value\":100}"), 200);
	EXPECT(http(srv, as(srv, "admin"), "PUT", API "/settings/intervention.faults", "{\"value\":100}"), 200);
	r = http(srv, chief, "GET", API "/interventions", NULL);
	EXPECT(r, 200);
	assert_null(row_of(jpath(r->json, "items"), "user_id", mj2));
	assert_non_null(strstr(rstr(r, "note"), "不是处分"));
	/* one 执法过错 finding against mj2 ten days ago, threshold 1 → flagged */
	f0 = db_raw_int(srv->db,
			fmt(srv, "SELECT COUNT(*) FROM fault_officer fo JOIN fault_finding f ON f.id = fo.finding_id"
				 " WHERE fo.user_id = %lld AND f.status = 'decided' AND f.record_type = 'fault'",
			    mj2),
			NULL);
	exec_sql(srv, fmt(srv,
			  "INSERT INTO fault_finding(station_id, source, record_type, kind, reason, status, opened_at,"
			  " decided_at) VALUES (%lld, 'other', 'fault', 'procedure', '考核测试', 'decided', %lld, %lld)",
			  cg, (long long)srv_now(srv) - 10 * 86400, (long long)srv_now(srv) - 10 * 86400));
	fid = db_raw_int(srv->db, "SELECT MAX(id) FROM fault_finding", NULL);
	exec_sql(srv, fmt(srv, "INSERT INTO fault_officer(finding_id, user_id, part) VALUES (%lld, %lld, 'handler')", fid,
			  mj2));
	EXPECT(http(srv, as(srv, "admin"), "PUT", API "/settings/intervention.faults", fmt(srv, "{\"value\":%lld}", f0 + 2)),
	       200);
	r = http(srv, chief, "GET", API "/interventions", NULL);
	EXPECT(r, 200);
	assert_null(row_of(jpath(r->json, "items"), "user_id", mj2)); /* f0 + 1 < f0 + 2 */
	EXPECT(http(srv, as(srv, "admin"), "PUT", API "/settings/intervention.faults", fmt(srv, "{\"value\":%lld}", f0 + 1)),
	       200);
	r = http(srv, chief, "GET", API "/interventions", NULL);
	EXPECT(r, 200);
	assert_non_null(it = row_of(jpath(r->json, "items"), "user_id", mj2));
	assert_true(json_is_true(json_object_get(it, "flagged")));
	assert_int_equal(jint(it, "faults"), f0 + 1);
	assert_non_null(strstr(jstr(it, "reasons"), "执法过错认定"));
	/* the read is audited with the officer's id */
	assert_true(audit_count(srv, as(srv, "auditor"), "intervention.list", "suozhang", "success") > 0);
	/* the chief only: not the officer himself, not 督察 */
	assert_error(srv, http(srv, as(srv, "minjing2"), "GET", API "/interventions", NULL), 403, NULL);
	assert_error(srv, http(srv, as(srv, "minjing1"), "GET", API "/interventions", NULL), 403, NULL);
	/* the education given, with its review date */
	r = http(srv, chief, "POST", API "/interventions",
		 fmt(srv, "{\"user_id\":%lld,\"measure\":\"talk\",\"note\":\"谈心谈话\",\"given_on\":\"%s\",\"review_on\":\"%s\"}",
		     mj2, day_str(srv, 0), day_str(srv, 30)));
	EXPECT(r, 201);
	assert_non_null(strstr(rstr(r, "intervention.reasons"), "执法过错认定"));
	assert_error(srv,
		     http(srv, chief, "POST", API "/interventions",
			  fmt(srv, "{\"user_id\":%lld,\"measure\":\"talk\",\"given_on\":\"%s\",\"review_on\":\"%s\"}", mj2,
			      day_str(srv, 0), day_str(srv, 0))),
		     400, NULL);
	r = http(srv, chief, "GET", API "/interventions", NULL);
	it = row_of(jpath(r->json, "items"), "user_id", mj2);
	assert_int_equal(json_array_size(json_object_get(it, "interventions")), 1);
}

#define base                                                                                              \
	"{\"user_id\":%lld,\"grade\":\"%s\",\"deed\":\"%s\",\"ground\":\"case\",\"body_level\":\"%s\","     \
	"\"decided_by\":\"市公安局\",\"decided_on\":\"%s\"%s}"
#define sb                                                                                                \
	"{\"user_id\":%lld,\"kind\":\"%s\",\"reason\":\"违反纪律\",\"ground\":\"fault\","                      \
	"\"decided_by\":\"县公安局督察大队\",\"decided_on\":\"%s\",\"start_on\":\"%s\",\"days\":%d}"

STORY(commendations_and_sanctions)
{
	struct session *chief = as(srv, "suozhang");
	long long mj1 = user_id(srv, as(srv, "admin"), "minjing1");
	struct resp *r;

	/* TEAM-AWARD-KINDS: five grades only */
	EXPECT_ERR(srv,
		   http(srv, chief, "POST", API "/commendations",
			fmt(srv, base, mj1, "merit_fourth", "事迹零", "city", day_str(srv, -40), "")),
		   400, "INVALID_FIELD", "TEAM-AWARD-KINDS");
	/* TEAM-AWARD-AUTH: 一等功 only by the ministry, 二等功 not by a city */
	EXPECT_ERR(srv,
		   http(srv, chief, "POST", API "/commendations",
			fmt(srv, base, mj1, "merit_first", "事迹一", "city", day_str(srv, -40), "")),
		   409, "AWARD_AUTHORITY", "TEAM-AWARD-AUTH");
	EXPECT_ERR(srv,
		   http(srv, chief, "POST", API "/commendations",
			fmt(srv, base, mj1, "merit_second", "事迹一", "city", day_str(srv, -40), "")),
		   409, "AWARD_AUTHORITY", "TEAM-AWARD-AUTH");
	r = http(srv, chief, "POST", API "/commendations",
		 fmt(srv, base, mj1, "merit_third", "事迹一", "city", day_str(srv, -40), fmt(srv, ",\"posted_from\":\"%s\"", day_str(srv, -70))));
	EXPECT(r, 201);
	/* TEAM-AWARD-LIMITS: the same deed never twice; a same-or-lower grade
	 * within a year refused, a higher one allowed, a major contribution
	 * with its reason allowed */
	EXPECT_ERR(srv,
		   http(srv, chief, "POST", API "/commendations",
			fmt(srv, base, mj1, "merit_second", "事迹一", "province", day_str(srv, -1), fmt(srv, ",\"posted_from\":\"%s\"", day_str(srv, -70)))),
		   409, "AWARD_SAME_DEED", "TEAM-AWARD-LIMITS");
	EXPECT_ERR(srv,
		   http(srv, chief, "POST", API "/commendations",
			fmt(srv, base, mj1, "commendation", "事迹二", "city", day_str(srv, -1), "")),
		   409, "AWARD_REPEAT", "TEAM-AWARD-LIMITS");
	EXPECT_ERR(srv,
		   http(srv, chief, "POST", API "/commendations",
			fmt(srv, base, mj1, "merit_third", "事迹二", "city", day_str(srv, -1), fmt(srv, ",\"posted_from\":\"%s\"", day_str(srv, -70)))),
		   409, "AWARD_REPEAT", "TEAM-AWARD-LIMITS");
	EXPECT(http(srv, chief, "POST", API "/commendations",
		    fmt(srv, base, mj1, "commendation", "事迹二", "city", day_str(srv, -1),
			",\"exception\":\"抢险救人，重大贡献\"")),
	       201);
	EXPECT(http(srv, chief, "POST", API "/commendations",
		    fmt(srv, base, mj1, "merit_second", "事迹三", "province", day_str(srv, 0), fmt(srv, ",\"posted_from\":\"%s\"", day_str(srv, -70)))),
	       201);
	/* an officer may not record one, and sees his own */
	assert_error(srv,
		     http(srv, as(srv, "minjing1"), "POST", API "/commendations",
			  fmt(srv, base, mj1, "commendation", "事迹四", "city", day_str(srv, 0), "")),
		     403, NULL);
	/* his three and the demo's 嘉奖 (seed_team_assess.c) */
	r = http(srv, as(srv, "minjing1"), "GET", API "/rewards", NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "commendations")), 4);
	assert_int_equal(json_array_size(jpath(r->json, "sanctions")), 0);

	/* TEAM-SANCTION-KINDS and TEAM-DC-SUSPEND */
	EXPECT_ERR(srv, http(srv, chief, "POST", API "/sanctions", fmt(srv, sb, mj1, "fine", day_str(srv, -2), day_str(srv, -1), 0)),
		   400, "INVALID_FIELD", "TEAM-SANCTION-KINDS");
	EXPECT_ERR(srv,
		   http(srv, chief, "POST", API "/sanctions", fmt(srv, sb, mj1, "suspension", day_str(srv, -2), day_str(srv, -1), 9)),
		   409, "MEASURE_DAYS", "TEAM-DC-SUSPEND");
	EXPECT_ERR(srv,
		   http(srv, chief, "POST", API "/sanctions", fmt(srv, sb, mj1, "suspension", day_str(srv, -2), day_str(srv, -1), 61)),
		   409, "MEASURE_DAYS", "TEAM-DC-SUSPEND");
	EXPECT_ERR(srv,
		   http(srv, chief, "POST", API "/sanctions", fmt(srv, sb, mj1, "confinement", day_str(srv, -2), day_str(srv, -1), 8)),
		   409, "MEASURE_DAYS", "TEAM-DC-SUSPEND");
	EXPECT(http(srv, chief, "POST", API "/sanctions", fmt(srv, sb, mj1, "confinement", day_str(srv, -2), day_str(srv, -1), 7)),
	       201);
	EXPECT(http(srv, chief, "POST", API "/sanctions", fmt(srv, sb, mj1, "suspension", day_str(srv, -2), day_str(srv, -1), 10)),
	       201);
	/* a 处分: the 任免机关's decision with its number (TEAM-SANCTION-WHO) */
	r = http(srv, chief, "POST", API "/sanctions",
		 fmt(srv,
		     "{\"user_id\":%lld,\"kind\":\"warning\",\"reason\":\"违反纪律\",\"ground\":\"fault\","
		     "\"decided_by\":\"县公安局督察大队\",\"decided_on\":\"%s\",\"decided_body\":\"appointing\","
		     "\"decision_doc\":\"县公安局〔2026〕7号\"}",
		     mj1, day_str(srv, -2)));
	EXPECT(r, 201);
	EXPECT_STR(r, "sanction.decided_by", "县公安局督察大队");
	/* the officer's record shows them */
	r = http(srv, chief, "GET", fmt(srv, API "/officer-records/%lld", mj1), NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "commendations")), 4);
	assert_int_equal(json_array_size(jpath(r->json, "sanctions")), 3);
}

STORY(conduct_monitor_answer_clock)
{
	struct session *chief = as(srv, "suozhang");
	struct resp *r;
	long long m, v;
	json_t *it;
	size_t i;
	const char *level = "-";

	r = http(srv, chief, "POST", API "/conduct-monitors",
		 "{\"name\":\"测试监督员\",\"unit\":\"县政协\",\"contact\":\"13900001234\",\"term_from\":\"2026-01-01\","
		 "\"term_to\":\"2027-12-31\"}");
	EXPECT(r, 201);
	m = rnum(r, "monitor.id");
	/* monitor.answer_days (15): visited 16 days ago → past its day */
	r = http(srv, chief, "POST", fmt(srv, API "/conduct-monitors/%lld/visits", m),
		 fmt(srv, "{\"visited_on\":\"%s\",\"opinion\":\"接待窗口等候时间长\"}", day_str(srv, -16)));
	EXPECT(r, 201);
	v = rnum(r, "visit.id");
	EXPECT_STR(r, "visit.due_on", day_str(srv, -1));
	r = http(srv, chief, "GET", API "/warnings?level=all", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "key"), fmt(srv, "monitor_visit:%lld:answer", v))) {
			level = fmt(srv, "%s", jstr(it, "level"));
			assert_string_equal(jstr(it, "rule"), "TEAM-MONITOR-ANSWER");
		}
	assert_string_equal(level, "BREACH");
	r = http(srv, chief, "GET", API "/conduct-monitors", NULL);
	EXPECT(r, 200);
	assert_true(rnum(r, "figures.overdue") >= 1);
	/* an officer reads but does not answer; the chief answers once */
	assert_error(srv, http(srv, as(srv, "minjing1"), "POST", fmt(srv, API "/conduct-monitor-visits/%lld/answer", v),
			       "{\"answer\":\"已整改\"}"),
		     403, NULL);
	EXPECT(http(srv, chief, "POST", fmt(srv, API "/conduct-monitor-visits/%lld/answer", v), "{\"answer\":\"已增开窗口\"}"), 200);
	assert_error(srv, http(srv, chief, "POST", fmt(srv, API "/conduct-monitor-visits/%lld/answer", v), "{\"answer\":\"再答\"}"),
		     409, NULL);
	r = http(srv, chief, "GET", API "/warnings?level=all", NULL);
	json_array_foreach(jpath(r->json, "items"), i, it)
		assert_string_not_equal(jstr(it, "key"), fmt(srv, "monitor_visit:%lld:answer", v));
	/* another station's chief cannot touch it */
	assert_error(srv, http(srv, as(srv, "beishe_sz"), "POST", fmt(srv, API "/conduct-monitors/%lld/visits", m),
			       fmt(srv, "{\"visited_on\":\"%s\",\"opinion\":\"x\"}", day_str(srv, 0))),
		     403, NULL);
}

/* a fresh demo county per story, with fresh sessions */
static int story_setup(void **state)
{
	nsessions = 0;
	return setup_demo(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(officer_score_and_rank, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(early_intervention_flag, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(commendations_and_sanctions, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(conduct_monitor_answer_clock, story_setup, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
