/* api_dispatch.c — dispatch and command where it failed its users (issue 17,
 * part 3): the 案由 an incident's category maps to, the station's alert and
 * the escalation of an unacknowledged dispatch, who went out (出警人员) and
 * when they arrived, and the 督察's 有警无案 list. Each story runs on a fresh
 * demo county; expected figures are computed here by hand. */
/* the shared helpers of the 110 stories: not every one is used here */
#pragma GCC diagnostic ignored "-Wunused-function"
#include "incident_util.h"

/* 1. 警情 → 案件: the 案由 is prefilled from the category (a table, 070). */
STORY(category_prefills_offence)
{
	long long theft, fight, burglary, help;
	struct resp *r;

	begin(srv);
	theft = inc_at(srv, CG, "0201", "城关镇人民路8号", 0);
	fight = inc_at(srv, CG, "0202", "城关镇人民路9号", 0);
	burglary = inc_at(srv, CG, "0101", "城关镇人民路10号", 0);
	help = inc_at(srv, CG, "0601", "城关镇人民路11号", 0);
	r = inc_get(srv, "minjing1", theft);
	EXPECT(r, 200);
	EXPECT_STR(r, "incident.offence_code", "OF-065"); /* 盗窃 → 盗窃 */
	r = inc_get(srv, "minjing1", fight);
	EXPECT_STR(r, "incident.offence_code", "OF-052"); /* 殴打他人 */
	/* a criminal category and a call for help map to no 案由 */
	r = inc_get(srv, "minjing1", burglary);
	assert_true(json_is_null(jpath(r->json, "incident.offence_code")));
	r = inc_get(srv, "minjing1", help);
	assert_true(json_is_null(jpath(r->json, "incident.offence_code")));
	/* every mapped code is an offence of the catalog's table */
	r = http(srv, S("minjing1"), "GET", API "/offences", NULL);
	EXPECT(r, 200);
	assert_non_null(find_by(jpath(r->json, "items"), "code", "OF-065"));
	assert_string_equal(jstr(find_by(jpath(r->json, "items"), "code", "OF-065"), "name"), "盗窃");
}


/* A 4xx naming field (error.field). */
#define EXPECT_FIELD(r, status, field)                                                             \
	do {                                                                                        \
		struct resp *r_ = (r);                                                              \
		assert_error(srv, r_, status, NULL);                                                \
		if (strcmp(rstr(r_, "error.field"), field) != 0)                                    \
			fail_msg("expected field %s: %s", field, r_->body);                          \
	} while (0)

/* The item of GET /dispatch-alerts for incident id as user (NULL: absent). */
static json_t *alert_of(struct server *srv, const char *user, long long id, struct resp **out)
{
	struct resp *r = http(srv, S(user), "GET", API "/dispatch-alerts", NULL);

	EXPECT(r, 200);
	if (out)
		*out = r;
	return find_id(jpath(r->json, "items"), "id", id);
}

/* The level of warning key on user's board (all levels), "-" when absent. */
static const char *board_level(struct server *srv, const char *user, const char *key)
{
	struct resp *r = http(srv, S(user), "GET", API "/warnings?scope=unit&level=all", NULL);
	json_t *it;

	EXPECT(r, 200);
	it = find_by(jpath(r->json, "items"), "key", key);
	return it ? jstr(it, "level") : "-";
}

/* 2. A new 指令 reaches the station (PAT-110-FIRST); unacknowledged, it
 * escalates after incident.ack_escalate_minutes (5) to the desk and the
 * 督察, on the board and as a clock; the station may mute the sound. */
STORY(dispatch_alert_escalates)
{
	long long id, mine;
	const char *key;
	struct resp *r;
	json_t *it;

	begin(srv);
	id = inc_at(srv, CG, "0202", "城关镇人民路20号", 0);
	key = fmt(srv, "incident:%lld:ack", id);
	/* the station's duty officer sees it at once, with the sound on */
	it = alert_of(srv, "minjing1", id, &r);
	assert_non_null(it);
	assert_true(json_is_true(jpath(r->json, "sound")));
	EXPECT_NUM(r, "escalate_minutes", 5);
	assert_true(json_is_false(json_object_get(it, "escalated")));
	assert_int_equal(jint(it, "escalate_at"), jint(it, "dispatched_at") + 5 * 60);
	assert_string_equal(jstr(it, "category_name"), "殴打他人");
	/* no caller, place or summary in a poll */
	assert_null(json_object_get(it, "place"));
	assert_null(json_object_get(it, "caller_phone"));
	/* another station does not see it; the desk not before it escalates */
	assert_null(alert_of(srv, "beishe_mj1", id, NULL));
	assert_null(alert_of(srv, "jiejing", id, NULL));
	assert_null(alert_of(srv, "ducha", id, NULL));
	/* on the officer's today page, to 签收 */
	r = http(srv, S("minjing1"), "GET", API "/today", NULL);
	EXPECT(r, 200);
	assert_non_null(find_by(jpath(r->json, "items"), "route", fmt(srv, "/incidents/%lld", id)));
	/* a clock on the station's 预警 board: WARN at 75 % (3 min 45 s) */
	assert_string_equal(board_level(srv, "suozhang", key), "OK");
	clock_advance(srv, 4 * 60);
	assert_string_equal(board_level(srv, "suozhang", key), "WARN");
	assert_null(alert_of(srv, "jiejing", id, NULL));

	/* 5 minutes without 签收: escalated for the desk and the 督察 */
	clock_advance(srv, 60);
	it = alert_of(srv, "jiejing", id, NULL);
	assert_non_null(it);
	assert_true(json_is_true(json_object_get(it, "escalated")));
	assert_non_null(alert_of(srv, "ducha", id, NULL));
	assert_true(json_is_true(json_object_get(alert_of(srv, "minjing1", id, NULL), "escalated")));
	assert_string_equal(board_level(srv, "suozhang", key), "BREACH");
	assert_string_equal(board_level(srv, "ducha", key), "BREACH");
	r = http(srv, S("ducha"), "GET", API "/warnings", NULL);
	EXPECT(r, 200);
	it = find_by(jpath(r->json, "items"), "key", key);
	assert_non_null(it);
	assert_string_equal(jstr(it, "rule"), "PAT-110-FIRST");

	/* the station mutes its sound (a per-unit setting); the alert stays */
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/incident.alert_sound",
		    J(srv, "{s:b, s:I}", "value", 0, "unit_id", (json_int_t)CG)),
	       200);
	assert_non_null(alert_of(srv, "minjing1", id, &r));
	assert_true(json_is_false(jpath(r->json, "sound")));
	assert_null(alert_of(srv, "beishe_mj1", 0, &r));
	assert_true(json_is_true(jpath(r->json, "sound"))); /* 北社 keeps its sound */

	/* 签收 ends the alert and the clock */
	EXPECT(inc_do(srv, "minjing1", id, "acknowledge", NULL), 200);
	assert_null(alert_of(srv, "minjing1", id, NULL));
	assert_null(alert_of(srv, "jiejing", id, NULL));
	assert_string_equal(board_level(srv, "suozhang", key), "-");
	/* the escalation minutes are a setting */
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/incident.ack_escalate_minutes", "{\"value\":2}"), 200);
	mine = inc_at(srv, CG, "0203", "城关镇人民路21号", 0);
	clock_advance(srv, 2 * 60);
	assert_non_null(alert_of(srv, "jiejing", mine, NULL));
	/* not for the administrator (三权分立) */
	EXPECT(http(srv, S("admin"), "GET", API "/dispatch-alerts", NULL), 403);
}

/* 3. 出警人员: officers and vehicles and their arrival; late against the
 * station's target (PAT-110-ARRIVAL: 城区 5, 城郊 10 minutes); counted in
 * the statistics. */
STORY(responders_and_late_arrival)
{
	long long a, b, mj1, mj2, other;
	int64_t d, base, t0;
	struct resp *r;
	json_t *it;

	begin(srv);
	mj1 = me_id(srv, S("minjing1"), NULL);
	mj2 = colleague(srv, S("minjing1"), "张伟");
	other = me_id(srv, S("beishe_mj1"), NULL);
	d = lday((int64_t)srv_now(srv)) + 3;
	at(srv, midnight(d) + 10 * HOUR);
	base = midnight(d);
	a = inc_at(srv, CG, "0202", "城关镇东大街1号", 0);
	t0 = rnum(inc_get(srv, "minjing1", a), "incident.dispatched_at");
	/* 4 minutes later two officers and a car arrive: on time */
	clock_advance(srv, 4 * 60);
	r = http(srv, S("minjing1"), "POST", API "/responders",
		 J(srv, "{s:I, s:[I, I], s:[s]}", "incident_id", (json_int_t)a, "officer_ids", (json_int_t)mj1,
		   (json_int_t)mj2, "vehicles", "浙A1234警"));
	EXPECT(r, 200);
	EXPECT_STR(r, "incident.status", "arrived");
	assert_true(rnum(r, "incident.arrived_at") - t0 >= 4 * 60 && rnum(r, "incident.arrived_at") - t0 < 5 * 60);
	EXPECT_NUM(r, "incident.arrival_target_minutes", 5);
	assert_true(json_is_false(jpath(r->json, "incident.arrival_late")));
	assert_int_equal(json_array_size(jpath(r->json, "incident.officers")), 2);
	it = find_id(jpath(r->json, "incident.officers"), "user_id", mj2);
	assert_non_null(it);
	assert_int_equal(jint(it, "arrived_at"), rnum(r, "incident.arrived_at"));
	EXPECT_STR(r, "incident.vehicles.0.plate", "浙A1234警");

	/* the second incident: one officer 6 minutes after the dispatch — late */
	b = inc_at(srv, CG, "0201", "城关镇东大街2号", 0);
	clock_advance(srv, 6 * 60);
	r = http(srv, S("minjing1"), "POST", API "/responders",
		 J(srv, "{s:I, s:[I]}", "incident_id", (json_int_t)b, "officer_ids", (json_int_t)mj1));
	EXPECT(r, 200);
	assert_true(json_is_true(jpath(r->json, "incident.arrival_late")));
	/* refusals: an officer of another station, a time before the dispatch,
	 * another station's user, nothing at all */
	EXPECT_FIELD(http(srv, S("minjing1"), "POST", API "/responders",
			  J(srv, "{s:I, s:[I]}", "incident_id", (json_int_t)b, "officer_ids", (json_int_t)other)),
		     400, "officer_ids");
	EXPECT_FIELD(http(srv, S("minjing1"), "POST", API "/responders",
			  J(srv, "{s:I, s:[I], s:I}", "incident_id", (json_int_t)b, "officer_ids", (json_int_t)mj1,
			    "arrived_at", (json_int_t)(t0 - 60))),
		     400, "arrived_at");
	EXPECT(http(srv, S("beishe_mj1"), "POST", API "/responders",
		    J(srv, "{s:I, s:[I]}", "incident_id", (json_int_t)b, "officer_ids", (json_int_t)other)),
	       403);
	EXPECT_FIELD(http(srv, S("minjing1"), "POST", API "/responders",
			  J(srv, "{s:I}", "incident_id", (json_int_t)b)),
		     400, "officer_ids");

	/* the figures of the day: 城关 2 dispatched, 3 officers, 1 car, 2 arrived, 1 late */
	r = http(srv, S("ducha"), "GET",
		 fmt(srv, API "/reports/stats?from=%lld&to=%lld", (long long)base, (long long)(base + DAY)), NULL);
	EXPECT(r, 200);
	it = find_id(jpath(r->json, "responders"), "station_id", CG);
	assert_non_null(it);
	assert_int_equal(jint(it, "dispatched"), 2);
	assert_int_equal(jint(it, "officers"), 3);
	assert_int_equal(jint(it, "vehicles"), 1);
	assert_int_equal(jint(it, "arrived"), 2);
	assert_int_equal(jint(it, "late"), 1);
	assert_int_equal(jint(it, "target_minutes"), 5);
	assert_null(find_id(jpath(r->json, "responders"), "station_id", BS));

	/* 城关 counted as 城郊: 10 minutes, the 6-minute arrival is on time */
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/incident.suburban",
		    J(srv, "{s:b, s:I}", "value", 1, "unit_id", (json_int_t)CG)),
	       200);
	r = inc_get(srv, "minjing1", b);
	EXPECT_NUM(r, "incident.arrival_target_minutes", 10);
	assert_true(json_is_false(jpath(r->json, "incident.arrival_late")));
}

/* 4. 有警无案 for the 督察: violation categories (or a feedback saying
 * 违法犯罪) with no case after incident.unfiled_hours (24); filters; the
 * one-click 督办 shows on the row. */
STORY(unfiled_list_for_ducha)
{
	long long a, help, bs, t;
	int64_t d, base;
	struct resp *r;
	json_t *items;
	const char *q;

	begin(srv);
	d = lday((int64_t)srv_now(srv)) + 3;
	at(srv, midnight(d) + 8 * HOUR);
	base = midnight(d);
	a = inc_at(srv, CG, "0201", "城关镇西街5号", 0);
	help = inc_at(srv, CG, "0601", "城关镇西街6号", 0);
	bs = inc_at(srv, BS, "0202", "北社乡北社村", 0);
	q = fmt(srv, API "/unfiled-incidents?from=%lld&to=%lld", (long long)base, (long long)(base + DAY));
	/* within 24 h: nothing yet */
	r = http(srv, S("ducha"), "GET", q, NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 0);
	EXPECT_NUM(r, "unfiled_hours", 24);

	at(srv, base + 8 * HOUR + 24 * HOUR + 60);
	r = http(srv, S("ducha"), "GET", q, NULL);
	EXPECT(r, 200);
	items = jpath(r->json, "items");
	EXPECT_NUM(r, "total", 2);
	assert_non_null(find_id(items, "id", a));
	assert_non_null(find_id(items, "id", bs));
	assert_null(find_id(items, "id", help)); /* a call for help is no violation */
	assert_string_equal(jstr(find_id(items, "id", a), "reason"), "category");
	/* filters: the station, the category (its top level or itself) */
	r = http(srv, S("ducha"), "GET", fmt(srv, "%s&station_id=%lld", q, CG), NULL);
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", a);
	r = http(srv, S("ducha"), "GET", fmt(srv, "%s&category=02", q), NULL);
	EXPECT_NUM(r, "total", 2);
	r = http(srv, S("ducha"), "GET", fmt(srv, "%s&category=0202", q), NULL);
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", bs);
	/* a station's chief sees his own; an officer is refused */
	r = http(srv, S("suozhang"), "GET", q, NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT(http(srv, S("minjing1"), "GET", q, NULL), 403);

	/* one-click 督办 from the row */
	EXPECT_NUM(r, "items.0.oversight_open", 0);
	r = http(srv, S("ducha"), "POST", API "/oversight",
		 J(srv, "{s:s, s:I, s:s, s:I}", "object_type", "incident", "object_id", (json_int_t)a,
		   "instructions", "有警无案：请说明未受案理由", "deadline", (json_int_t)(srv_now(srv) + 24 * HOUR)));
	EXPECT(r, 201);
	t = rnum(r, "task.id");
	assert_true(t > 0);
	r = http(srv, S("ducha"), "GET", fmt(srv, "%s&station_id=%lld", q, CG), NULL);
	EXPECT_NUM(r, "items.0.oversight_open", 1);
	/* the hours are a setting */
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/incident.unfiled_hours", "{\"value\":48}"), 200);
	r = http(srv, S("ducha"), "GET", q, NULL);
	EXPECT_NUM(r, "total", 0);
}

/* 4b. The clock of 有警无案 starts where the list finds one: a call for
 * help (not a violation by its category) whose 处警反馈 says 行政案件 and
 * which has no case is on the station's board and runs out after 24 h, as
 * it is on the 督察's list with reason "feedback"; a call for help settled
 * as 求助 is on neither. The web's feedback 行政案件 opens the case in the
 * same step, so such a record comes from the old system (precinct copy,
 * a migration): it is written here as one would find it. */
STORY(unfiled_by_feedback_is_a_clock)
{
	long long fb, help;
	int64_t d, base;
	const char *key, *q;
	struct resp *r;

	begin(srv);
	d = lday((int64_t)srv_now(srv)) + 3;
	at(srv, midnight(d) + 8 * HOUR);
	base = midnight(d);
	fb = inc_at(srv, CG, "0601", "城关镇西街7号", 0);
	help = inc_at(srv, CG, "0601", "城关镇西街8号", 0);
	assert_int_equal(db_raw_exec(srv->db,
				     fmt(srv,
					 "UPDATE incident SET status = 'handled', outcome = 'admin_case',"
					 " outcome_text = '旧系统迁入', handled_at = received_at + 3600 WHERE id = %lld",
					 fb)),
			 0);
	handle(srv, "minjing1", help, "assistance");
	key = fmt(srv, "incident:%lld:unfiled", fb);
	assert_string_equal(board_level(srv, "suozhang", key), "OK");
	assert_string_equal(board_level(srv, "suozhang", fmt(srv, "incident:%lld:unfiled", help)), "-");

	at(srv, base + 8 * HOUR + 24 * HOUR + 60);
	assert_string_equal(board_level(srv, "suozhang", key), "BREACH");
	assert_string_equal(board_level(srv, "suozhang", fmt(srv, "incident:%lld:unfiled", help)), "-");
	q = fmt(srv, API "/unfiled-incidents?from=%lld&to=%lld", (long long)base, (long long)(base + DAY));
	r = http(srv, S("ducha"), "GET", q, NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", fb);
	EXPECT_STR(r, "items.0.reason", "feedback");
}

/* 5. A backlog the sweep meets at once (a county moved in with 1 050 指令
 * nobody acknowledged): 待办 lists the 20 oldest of a station's and counts
 * the rest in one row; the breaches are recorded in writes of 500 as the
 * scan finds them —
 * every breach once, one audit row each — and nothing again on the next
 * pass. Figures by hand: 1 050 new breaches of PAT-110-FIRST, with the
 * clocks of the demo that ran out meanwhile: ⌈total / 500⌉ writes. */
#define BACKLOG 1050

STORY(backlog_swept_in_batches)
{
	long long first = 0, last = 0, before, audits, ours, total;
	int passes;
	const char *line;

	begin(srv);
	server_wait_sweep(srv);
	for (int i = 0; i < BACKLOG; i++) {
		long long id = inc_at(srv, i % 2 ? BS : CG, "0202", fmt(srv, "城关镇积压路%d号", i + 1), 0);

		if (!first)
			first = id;
		last = id;
	}
	assert_int_equal(last - first + 1, BACKLOG);
	/* 城关's officer's 待办: the 20 oldest 指令 one by one, the rest in a row
	 * with their count, to the station's list of them */
	{
		long long cg = db_raw_int(srv->db,
					  fmt(srv,
					      "SELECT COUNT(*) FROM incident WHERE status = 'dispatched'"
					      " AND acknowledged_at IS NULL AND duplicate_of IS NULL AND station_id = %lld",
					      CG),
					  NULL);
		struct resp *r = http(srv, S("minjing1"), "GET", API "/todos", NULL);
		long long one = 0, rest = -1, sum = 0;
		json_t *it;
		size_t i;

		EXPECT(r, 200);
		assert_true(cg >= BACKLOG / 2);
		json_array_foreach(jpath(r->json, "items"), i, it) {
			if (strcmp(jstr(it, "kind"), "dispatch_ack"))
				continue;
			if (json_is_integer(json_object_get(it, "count"))) {
				rest = jint(it, "count");
				assert_string_equal(jstr(it, "route"), "/incidents?status=dispatched");
			} else {
				one++;
			}
		}
		assert_int_equal(one, 20);
		assert_int_equal(rest, cg - 20);
		json_array_foreach(jpath(r->json, "items"), i, it)
			sum += json_is_integer(json_object_get(it, "count")) ? jint(it, "count") : 1;
		EXPECT_NUM(r, "total", sum);
	}
	before = db_raw_int(srv->db, "SELECT COUNT(*) FROM breach", NULL);
	audits = db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = 'breach.record'", NULL);
	/* none escalated yet: the server stops, five minutes pass */
	server_stop(srv);
	clock_advance(srv, 5 * 60 + 1);
	server_start(srv);
	server_wait_sweep(srv);
	ours = db_raw_int(srv->db,
			  fmt(srv,
			      "SELECT COUNT(*) FROM breach WHERE rule = 'PAT-110-FIRST' AND case_id IS NULL"
			      " AND clock_key IN (SELECT 'incident:' || id || ':ack' FROM incident"
			      " WHERE id BETWEEN %lld AND %lld)",
			      first, last),
			  NULL);
	assert_int_equal(ours, BACKLOG);
	total = db_raw_int(srv->db, "SELECT COUNT(*) FROM breach", NULL) - before;
	assert_true(total >= BACKLOG);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = 'breach.record'", NULL) -
				 audits,
			 total);
	line = fmt(srv, "breach sweep recorded %lld breach(es) in %lld write(s)", total, (total + 499) / 500);
	if (server_logged(srv, line) != 1)
		fail_msg("expected one log line \"%s\" (see %s)", line, srv->log);
	/* the next pass finds nothing new: nothing recorded twice */
	passes = server_logged(srv, "breach sweep recorded");
	server_stop(srv);
	server_start(srv);
	server_wait_sweep(srv);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM breach", NULL) - before, total);
	assert_int_equal(server_logged(srv, "breach sweep recorded"), passes);
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_demo, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(category_prefills_offence), T(dispatch_alert_escalates), T(responders_and_late_arrival),
		T(unfiled_list_for_ducha), T(unfiled_by_feedback_is_a_clock), T(backlog_swept_in_batches),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
