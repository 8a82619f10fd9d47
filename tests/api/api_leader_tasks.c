/* api_leader_tasks.c — 领导交办, 逐级上报 and 阅示 (issue 17): a leader
 * assigns, the station signs, notes progress and completes; an overdue task
 * is on the 预警 board and the today page, and the day's report counts
 * tasks done and overdue (PAT-IND-TASKS); a 阅示 becomes a task at each
 * station; a station submits its day once and the bureau sees the sum.
 * Each story runs on a fresh demo county, on a day ten days ahead. */
#include "incident_util.h"

static void unused_helpers(void) __attribute__((unused));
static void unused_helpers(void)
{
	(void)find_by;
	(void)inc_get;
	(void)inc_at;
	(void)handle;
	(void)call_back;
}

static struct resp *assign(struct server *srv, const char *user, long long station, const char *content,
			   int64_t deadline)
{
	return http(srv, S(user), "POST", API "/leader-tasks",
		    J(srv, "{s:I, s:s, s:s, s:I}", "station_id", (json_int_t)station, "content", content,
		      "leader_name", "高建军", "deadline", (json_int_t)deadline));
}

static struct resp *task_do(struct server *srv, const char *user, long long id, const char *action,
			    const char *text)
{
	return http(srv, S(user), "POST", fmt(srv, API "/leader-tasks/%lld/%s", id, action),
		    text ? J(srv, "{s:s}", "text", text) : NULL);
}

static json_t *cg_row(struct server *srv, int64_t d)
{
	struct resp *r = http(srv, S("juzhang"), "GET", fmt(srv, API "/reports/daily?date=%s", ymd(srv, d, 1)), NULL);

	EXPECT(r, 200);
	return find_id(jpath(r->json, "rows"), "station_id", CG);
}

/* The level of the clock `key` on user's 预警 board (level=all), or "-". */
static const char *board_level(struct server *srv, const char *user, const char *key)
{
	struct resp *r = http(srv, S(user), "GET", API "/warnings?level=all", NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "key"), key))
			return jstr(it, "level");
	return "-";
}

STORY(assign_sign_complete_and_report)
{
	long long t1, t2;
	int64_t d;
	json_t *row;
	struct resp *r;
	long long with, without;
	size_t i;
	int found = 0;

	long long base_overdue, base_open, base_done;

	begin(srv);
	/* the sweep's first pass records the demo's breaches before the day is
	 * frozen, not after it as a correction */
	server_wait_sweep(srv);
	d = lday((int64_t)srv_now(srv)) + 10;
	at(srv, midnight(d) + 8 * HOUR);
	/* the demo's own tasks at 城关 all fall due before D: a baseline */
	row = cg_row(srv, d);
	base_overdue = jint(row, "tasks_overdue");
	base_open = jint(row, "tasks_open");
	base_done = jint(row, "tasks_done");
	assert_int_equal(base_done, 0);
	r = assign(srv, "juzhang", CG, "排查城关镇南街出租屋（本测试）", midnight(d) + 12 * HOUR);
	EXPECT(r, 201);
	t1 = rnum(r, "task.id");
	EXPECT_STR(r, "task.status", "assigned");
	EXPECT_STR(r, "task.leader_name", "高建军");
	t2 = rnum(assign(srv, "juzhang", CG, "清查城关镇东街网吧（本测试）", midnight(d) + 11 * HOUR), "task.id");
	/* a station chief assigns only within the station; an officer not at all */
	assert_error(srv, assign(srv, "suozhang", BS, "越权交办", midnight(d) + 12 * HOUR), 403, "FORBIDDEN");
	/* a deadline is within a year: not in the year 146 billion */
	assert_error(srv, assign(srv, "juzhang", CG, "远期交办", 4611686018427387903LL), 400, "INVALID_FIELD");
	assert_error(srv, assign(srv, "juzhang", CG, "远期交办", midnight(d) + 400 * 86400LL), 400, "INVALID_FIELD");
	assert_error(srv, assign(srv, "minjing1", CG, "民警交办", midnight(d) + 12 * HOUR), 403, "FORBIDDEN");
	assert_error(srv, assign(srv, "juzhang", CG, "已过期限", midnight(d) + 7 * HOUR), 400, NULL);
	EXPECT(assign(srv, "suozhang", CG, "所长交办", midnight(d) + 20 * HOUR), 201);

	/* the station carries it out: 签收 before progress; another station may not */
	assert_error(srv, task_do(srv, "minjing1", t1, "progress", "已走访5户"), 409, "BAD_TRANSITION");
	assert_error(srv, task_do(srv, "beishe_sz", t1, "sign", NULL), 403, "FORBIDDEN");
	r = task_do(srv, "minjing1", t1, "sign", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "task.status", "signed");
	EXPECT_STR(r, "task.signed_by_name", "李明");
	at(srv, midnight(d) + 9 * HOUR);
	EXPECT(task_do(srv, "minjing1", t1, "progress", "已走访出租屋5户"), 200);
	assert_error(srv, task_do(srv, "minjing1", t1, "complete", NULL), 400, NULL);
	at(srv, midnight(d) + 10 * HOUR);
	r = task_do(srv, "minjing1", t1, "complete", "排查出租屋12户，登记流动人口3人");
	EXPECT(r, 200);
	EXPECT_STR(r, "task.status", "done");
	EXPECT_BOOL(r, "task.overdue", 0);
	assert_int_equal(json_array_size(jpath(r->json, "task.notes")), 2);
	assert_error(srv, task_do(srv, "minjing1", t1, "sign", NULL), 409, "BAD_TRANSITION");

	/* t2 runs out at 11:00: BREACH on the board, on the officer's today page */
	at(srv, midnight(d) + 12 * HOUR);
	assert_string_equal(board_level(srv, "suozhang", fmt(srv, "leader_task:%lld", t2)), "BREACH");
	assert_string_equal(board_level(srv, "suozhang", fmt(srv, "leader_task:%lld", t1)), "-");
	r = http(srv, S("minjing1"), "GET", API "/today", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, row)
		found += !strcmp(jstr(row, "kind"), "leader_task") && strstr(jstr(row, "label"), "清查城关镇东街网吧（本测试）");
	if (found != 1)
		fail_msg("today: %s", r->body);
	r = http(srv, S("suozhang"), "GET", API "/leader-tasks?open=1", NULL);
	EXPECT(r, 200);
	row = find_id(jpath(r->json, "items"), "id", t2);
	assert_non_null(row);
	assert_true(json_is_true(json_object_get(row, "overdue")));
	assert_null(find_id(jpath(r->json, "items"), "id", t1));
	/* another station does not read it */
	assert_error(srv, http(srv, S("beishe_sz"), "GET", fmt(srv, API "/leader-tasks/%lld", t1), NULL), 403,
		     "FORBIDDEN");

	/* the day's report: one done, one overdue (−5 each), two open at its end
	 * (breaches of the demo's cases are recorded as the clock moves on: out
	 * of the score here) */
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/report.penalty_breach", "{\"value\":0}"), 200);
	row = cg_row(srv, d);
	assert_int_equal(jint(row, "tasks_done"), 1);
	assert_int_equal(jint(row, "tasks_overdue"), base_overdue + 1);
	assert_int_equal(jint(row, "tasks_open"), base_open + 2);
	with = jint(row, "score");
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/report.penalty_task_overdue", "{\"value\":0}"), 200);
	{
		json_t *w0 = json_deep_copy(row), *w1 = cg_row(srv, d);

		without = jint(w1, "score");
		if (without - with != 5 * (base_overdue + 1))
			fail_msg("penalty: with %s without %s", jdump(srv, w0), jdump(srv, w1));
		json_decref(w0);
	}
	/* at the day's end the chief's 20:00 task ran out too: the frozen day
	 * shows two overdue, and still after t2 is done the next day */
	at(srv, midnight(d + 1) + 8 * HOUR);
	row = cg_row(srv, d);
	assert_int_equal(jint(row, "tasks_overdue"), base_overdue + 2);
	EXPECT(task_do(srv, "minjing2", t2, "sign", NULL), 200);
	EXPECT(task_do(srv, "minjing2", t2, "complete", "已清查网吧4家"), 200);
	row = cg_row(srv, d);
	assert_int_equal(jint(row, "tasks_overdue"), base_overdue + 2);
	assert_null(json_object_get(row, "corrections"));
	assert_int_equal(jint(row, "tasks_done"), 1);
	assert_int_equal(jint(cg_row(srv, d + 1), "tasks_done"), 1);
}

STORY(instruction_becomes_tasks)
{
	long long task_cg = 0;
	const char *today;
	json_t *it;
	struct resp *r;
	size_t i;
	int64_t d;

	begin(srv);
	d = lday((int64_t)srv_now(srv));
	today = ymd(srv, d, 1);
	/* 逐级上报: 城关 submits the day once */
	r = http(srv, S("suozhang"), "POST", API "/daily-submissions",
		 J(srv, "{s:s, s:s}", "date", today, "note", "今日无重大警情"));
	EXPECT(r, 201);
	assert_error(srv, http(srv, S("suozhang"), "POST", API "/daily-submissions", J(srv, "{s:s}", "date", today)), 409,
		     "ALREADY_SUBMITTED");
	assert_error(srv, http(srv, S("minjing1"), "POST", API "/daily-submissions", J(srv, "{s:s}", "date", today)), 403,
		     "FORBIDDEN");

	/* 阅示 by the bureau's leader, to 城关 and 北社; not by a station chief */
	assert_error(srv,
		     http(srv, S("suozhang"), "POST", API "/daily-instructions",
			  J(srv, "{s:s, s:s, s:s, s:I}", "date", today, "text", "所长阅示", "leader_name", "王建华",
			    "deadline", (json_int_t)(srv_now(srv) + 86400))),
		     403, "FORBIDDEN");
	r = http(srv, S("juzhang"), "POST", API "/daily-instructions",
		 J(srv, "{s:s, s:s, s:s, s:I, s:[I, I]}", "date", today, "text", "加强校园周边巡逻（本测试）",
		   "leader_name", "高建军", "deadline", (json_int_t)(srv_now(srv) + 3 * 86400), "station_ids",
		   (json_int_t)CG, (json_int_t)BS));
	EXPECT(r, 201);
	assert_int_equal(json_array_size(jpath(r->json, "instruction.task_ids")), 2);

	/* the task at 城关 (the demo's 阅示 of yesterday has its own) */
	r = http(srv, S("suozhang"), "GET", API "/leader-tasks", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strcmp(jstr(it, "source"), "instruction") && strstr(jstr(it, "content"), "加强校园周边巡逻（本测试）")) {
			assert_int_equal(jint(it, "station_id"), CG);
			assert_non_null(strstr(jstr(it, "content"), "加强校园周边巡逻（本测试）"));
			assert_string_equal(jstr(it, "leader_name"), "高建军");
			task_cg = jint(it, "id");
		}
	assert_true(task_cg > 0);
	EXPECT(task_do(srv, "suozhang", task_cg, "sign", NULL), 200);
	/* and at 北社 */
	r = http(srv, S("beishe_sz"), "GET", API "/leader-tasks?open=1", NULL);
	EXPECT(r, 200);
	{
		int n = 0;

		json_array_foreach(jpath(r->json, "items"), i, it)
			n += !strcmp(jstr(it, "source"), "instruction") && strstr(jstr(it, "content"), "加强校园周边巡逻（本测试）") &&
			     jint(it, "station_id") == BS;
		assert_int_equal(n, 1);
	}

	/* the bureau's summary: 城关 in, eight missing, the 阅示 with its tasks */
	r = http(srv, S("juzhang"), "GET", fmt(srv, API "/daily-submissions?date=%s", today), NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "submissions")), 1);
	EXPECT_NUM(r, "submissions.0.station_id", CG);
	EXPECT_STR(r, "submissions.0.note", "今日无重大警情");
	assert_int_equal(json_array_size(jpath(r->json, "missing")), 8);
	EXPECT_NUM(r, "instructions.0.tasks", 2);
	EXPECT_NUM(r, "totals.incidents", jint(jpath(r->json, "submissions.0.figures"), "incidents"));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_demo, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(assign_sign_complete_and_report),
		T(instruction_becomes_tasks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
