/* api_incidents.c — 110 接处警, 督办 and the daily report over HTTP
 * (issue 5). Each story runs on a fresh demo county. The demo holds four
 * weeks of history up to today, so the report and statistics stories move
 * the server's clock to a later day that has no demo data and build their
 * own small data set there; every expected figure is computed here by hand.
 * The server's clock is the real one plus an offset, so response times are
 * checked against the advances made plus the real seconds the story took. */
#include "incident_util.h"

/* 1. 接警 → 派警 → 签收 → 到场 → 反馈 (转为行政案件) → 回告 → 结束. */
STORY(full_timeline)
{
	static const char *const steps[][2] = {
		{ "intake", "刘晓燕" }, { "dispatch", "刘晓燕" }, { "acknowledge", "李明" },
		{ "arrive", "李明" },   { "feedback", "李明" },   { "callback", "刘晓燕" },
		{ "close", "王建华" },
	};
	long long id, mj1, mj2, case_id;
	int64_t recv, t0, t1;
	const char *no, *want;
	json_t *ev;
	struct resp *r;
	size_t i;

	begin(srv);
	mj1 = me_id(srv, S("minjing1"), NULL);
	mj2 = colleague(srv, S("minjing1"), "张伟");
	t0 = (int64_t)time(NULL);
	r = inc_post(srv, "jiejing",
		     json_pack("{s:s, s:s, s:s, s:s, s:s, s:i, s:s}", "source", "110", "caller_name",
			       "陈某", "caller_phone", "13912345678", "place",
			       "城关镇解放路17号金源小区门口", "category", "0202", "priority", 1,
			       "summary", "报警人称在小区门口被人殴打"));
	EXPECT(r, 201);
	id = rnum(r, "incident.id");
	recv = rnum(r, "incident.received_at");
	EXPECT_STR(r, "incident.status", "received");
	EXPECT_STR(r, "incident.category_name", "殴打他人");
	/* JQ + the local date of the call + a five-digit sequence */
	no = fmt(srv, "%s", rstr(r, "incident.incident_no"));
	want = fmt(srv, "JQ%s", ymd(srv, lday(recv), 0));
	assert_int_equal(strlen(no), 15);
	assert_memory_equal(no, want, 10);
	for (i = 10; i < 15; i++)
		assert_true(no[i] >= '0' && no[i] <= '9');
	assert_true(recv >= t0 + srv->clock_offset - 1 && recv <= (int64_t)srv_now(srv) + 1);
	/* the list masks the caller's phone */
	r = http(srv, S("jiejing"), "GET", fmt(srv, API "/incidents?q=%s", no), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_STR(r, "items.0.caller_phone", "139****5678");

	/* 派警 90 s after the call, to 城关 with 李明 and 张伟 */
	clock_advance(srv, 90);
	r = inc_do(srv, "jiejing", id, "dispatch",
		   J(srv, "{s:I, s:[I, I]}", "station_id", (json_int_t)CG, "officer_ids",
		     (json_int_t)mj1, (json_int_t)mj2));
	t1 = (int64_t)time(NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "incident.status", "dispatched");
	EXPECT_NUM(r, "incident.station_id", CG);
	assert_int_equal(json_array_size(jpath(r->json, "incident.officers")), 2);
	assert_true(rnum(r, "incident.dispatch_seconds") >= 90 &&
		    rnum(r, "incident.dispatch_seconds") <= 90 + (t1 - t0) + 2);

	/* 签收 2 min later, 到场 5 min after that: 510 s after the call */
	clock_advance(srv, 120);
	r = inc_do(srv, "minjing1", id, "acknowledge", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "incident.status", "acknowledged");
	EXPECT_ERR(srv, inc_do(srv, "minjing1", id, "acknowledge", NULL), 409, "BAD_TRANSITION", NULL);
	clock_advance(srv, 300);
	r = inc_do(srv, "minjing1", id, "arrive", NULL);
	t1 = (int64_t)time(NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "incident.status", "arrived");
	assert_true(rnum(r, "incident.arrive_seconds") >= 510 &&
		    rnum(r, "incident.arrive_seconds") <= 510 + (t1 - t0) + 2);
	assert_true(rnum(r, "incident.dispatch_seconds") >= 90 &&
		    rnum(r, "incident.dispatch_seconds") <= 90 + (t1 - t0) + 2);
	/* not closed before the feedback */
	EXPECT_ERR(srv, inc_do(srv, "suozhang", id, "close", NULL), 409, "BAD_TRANSITION", NULL);

	/* 处警反馈: 转为行政案件 in one step */
	clock_advance(srv, 600);
	r = inc_do(srv, "minjing1", id, "feedback",
		   J(srv, "{s:s, s:s, s:s, s:s, s:I}", "outcome", "admin_case", "text",
		     "经查王某因琐事殴打陈某，陈某面部轻微伤", "title", "王某殴打他人案",
		     "offence_code", "OF-052", "co_officer_id", (json_int_t)mj2));
	EXPECT(r, 200);
	EXPECT_STR(r, "incident.status", "handled");
	EXPECT_STR(r, "incident.outcome", "admin_case");
	case_id = rnum(r, "incident.case_id");
	assert_true(case_id > 0);
	assert_true(strlen(rstr(r, "incident.case_no")) > 0);
	/* the case carries the incident number */
	r = case_get(srv, S("minjing1"), case_id);
	EXPECT(r, 200);
	EXPECT_STR(r, "case.incident_no", no);
	EXPECT_STR(r, "case.source", "incident");
	EXPECT_NUM(r, "case.incident_id", id);
	EXPECT_STR(r, "case.offence_code", "OF-052");
	EXPECT_STR(r, "case.title", "王某殴打他人案");

	/* 回告 by the desk, 结束 by the station chief */
	clock_advance(srv, 1800);
	call_back(srv, "jiejing", id);
	r = inc_do(srv, "suozhang", id, "close", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "incident.status", "closed");

	r = inc_get(srv, "jiejing", id);
	EXPECT(r, 200);
	EXPECT_STR(r, "incident.case_no", rstr(case_get(srv, S("minjing1"), case_id), "case.case_no"));
	ev = jpath(r->json, "incident.events");
	if (json_array_size(ev) != sizeof(steps) / sizeof(steps[0]))
		fail_msg("timeline: %s", r->body);
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		json_t *e = json_array_get(ev, i);

		if (strcmp(jstr(e, "action"), steps[i][0]) || strcmp(jstr(e, "user_name"), steps[i][1]))
			fail_msg("event %zu: want %s by %s in %s", i, steps[i][0], steps[i][1], r->body);
		if (i && jint(e, "at") < jint(json_array_get(ev, i - 1), "at"))
			fail_msg("event %zu out of time order: %s", i, r->body);
	}
	/* the timeline's instants are the incident's */
	assert_int_equal(jint(json_array_get(ev, 0), "at"), recv);
	EXPECT_NUM(r, "incident.dispatched_at", jint(json_array_get(ev, 1), "at"));
	EXPECT_NUM(r, "incident.arrived_at", jint(json_array_get(ev, 3), "at"));
	EXPECT_NUM(r, "incident.callback_at", jint(json_array_get(ev, 5), "at"));
	EXPECT_NUM(r, "incident.closed_at", jint(json_array_get(ev, 6), "at"));
	assert_int_equal(jint(json_array_get(ev, 6), "at") - jint(json_array_get(ev, 4), "at") >= 1800,
			 1);
}

/* The number of incidents GET /incidents?q=tag lists for user. */
static long long count_q(struct server *srv, const char *user, const char *tag)
{
	struct resp *r = http(srv, S(user), "GET", fmt(srv, API "/incidents?q=%s", tag), NULL);

	EXPECT(r, 200);
	return rnum(r, "total");
}

/* The row of station `name` in the daily report of local day d. */
static json_t *report_row(struct server *srv, const char *user, int64_t d, const char *name)
{
	struct resp *r = http(srv, S(user), "GET",
			      fmt(srv, API "/reports/daily?date=%s", ymd(srv, d, 1)), NULL);
	json_t *row;

	EXPECT(r, 200);
	row = find_by(jpath(r->json, "rows"), "station_name", name);
	if (!row)
		fail_msg("no row for %s: %.400s", name, r->body);
	return row;
}

/* 2. 同一警情: a second call about the same place within 30 min. */
STORY(duplicate_linking)
{
	const char *tag = "DUPTEST", *place = "城关镇人民路88号华润万家门口";
	const char *same = " 城关镇 人民路88号，华润万家门口。 ";
	long long a, b, c2, n0, before;
	int64_t d;
	struct resp *r;

	begin(srv);
	/* the story's calls span 41 minutes of one local day (its report
	 * counts them on the first call's day): a run begun after 22:00 local
	 * starts the next morning at 08:00 */
	{
		int64_t tod = ((int64_t)srv_now(srv) + 8 * 3600) % 86400;

		if (tod > 22 * 3600)
			clock_advance(srv, 86400 - tod + 8 * 3600);
	}
	n0 = count_q(srv, "jiejing", tag);
	assert_int_equal(n0, 0);
	r = inc_new(srv, "jiejing", CG, "0203", place, "DUPTEST 超市门口有人打架", 0);
	a = rnum(r, "incident.id");
	d = lday(rnum(r, "incident.received_at"));
	before = jint(report_row(srv, "jiejing", d, "城关派出所"), "incidents");

	/* 10 minutes later, the same place with spaces and punctuation */
	clock_advance(srv, 600);
	r = inc_post(srv, "jiejing",
		     json_pack("{s:s, s:s, s:s, s:s, s:I}", "source", "110", "place", same, "category",
			       "0203", "summary", "DUPTEST 又有人报警称超市门口打架", "station_id",
			       (json_int_t)CG));
	assert_error(srv, r, 409, "DUPLICATE_SUSPECTED");
	assert_int_equal(json_array_size(jpath(r->json, "duplicate_candidates")), 1);
	EXPECT_NUM(r, "duplicate_candidates.0.id", a);
	EXPECT_STR(r, "duplicate_candidates.0.place", place);
	assert_int_equal(count_q(srv, "jiejing", tag), 1);

	/* linked as 同一警情: written, closed, never counted */
	r = inc_post(srv, "jiejing",
		     json_pack("{s:s, s:s, s:s, s:s, s:I, s:I}", "source", "110", "place", same,
			       "category", "0203", "summary", "DUPTEST 又有人报警称超市门口打架",
			       "station_id", (json_int_t)CG, "duplicate_of", (json_int_t)a));
	EXPECT(r, 201);
	b = rnum(r, "incident.id");
	EXPECT_STR(r, "incident.status", "closed");
	EXPECT_NUM(r, "incident.duplicate_of", a);
	assert_int_equal(count_q(srv, "jiejing", tag), 2);
	/* a duplicate is not a target for linking */
	r = inc_post(srv, "jiejing",
		     json_pack("{s:s, s:s, s:s, s:s, s:I}", "source", "110", "place", place, "category",
			       "0203", "summary", "DUPTEST 第三次报警", "duplicate_of", (json_int_t)b));
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_int_equal(count_q(srv, "jiejing", tag), 2);

	/* the desk decides it is a new incident */
	r = inc_post(srv, "jiejing",
		     json_pack("{s:s, s:s, s:s, s:s, s:I, s:b}", "source", "110", "place", same,
			       "category", "0203", "summary", "DUPTEST 超市门口另一起纠纷", "station_id",
			       (json_int_t)CG, "not_duplicate", 1));
	EXPECT(r, 201);
	EXPECT_STR(r, "incident.status", "dispatched");
	assert_true(json_is_null(jpath(r->json, "incident.duplicate_of")) ||
		    !jpath(r->json, "incident.duplicate_of"));
	assert_int_equal(count_q(srv, "jiejing", tag), 3);
	/* the report (before: with the first) counts the new one, not the linked one */
	assert_int_equal(jint(report_row(srv, "jiejing", d, "城关派出所"), "incidents"), before + 1);

	/* 31 minutes after the last call the place is not flagged */
	clock_advance(srv, 31 * 60);
	r = inc_new(srv, "jiejing", CG, "0203", same, "DUPTEST 半小时后再次报警", 0);
	c2 = rnum(r, "incident.id");
	assert_true(c2 > b);
	assert_int_equal(count_q(srv, "jiejing", tag), 4);
}

/* The level of clock `key` in GET /warnings?level=all for user ("-": none). */
static const char *level_of(struct server *srv, const char *user, const char *key)
{
	struct resp *r = http(srv, S(user), "GET", API "/warnings?level=all", NULL);
	json_t *it;

	EXPECT(r, 200);
	it = find_by(jpath(r->json, "items"), "key", key);
	return it ? fmt(srv, "%s", jstr(it, "level")) : "-";
}

/* 3. 有警无案: a theft handled without a case, 24 h later. */
STORY(unfiled_incident)
{
	long long other, med, conv, mj2;
	int64_t t0;
	const char *key, *kmed, *kconv;
	struct resp *r;
	json_t *it;

	begin(srv);
	mj2 = colleague(srv, S("minjing1"), "张伟");
	r = inc_new(srv, "jiejing", CG, "0201", "城关镇东街12号五金店", "店内财物被盗", 0);
	other = rnum(r, "incident.id");
	t0 = rnum(r, "incident.received_at");
	med = inc_at(srv, CG, "0201", "城关镇西街3号理发店", 0);
	conv = inc_at(srv, CG, "0201", "城关镇南关小区8号楼车棚", 0);
	handle(srv, "minjing1", other, "other");
	handle(srv, "minjing1", med, "mediated");
	r = inc_do(srv, "minjing1", conv, "feedback",
		   J(srv, "{s:s, s:s, s:s, s:I}", "outcome", "admin_case", "text", "电动车电瓶被盗",
		     "title", "电瓶被盗案", "co_officer_id", (json_int_t)mj2));
	EXPECT(r, 200);
	assert_true(rnum(r, "incident.case_id") > 0);
	key = fmt(srv, "incident:%lld:unfiled", other);
	kmed = fmt(srv, "incident:%lld:unfiled", med);
	kconv = fmt(srv, "incident:%lld:unfiled", conv);

	/* one minute before the 24 h: not yet a breach */
	at(srv, t0 + 24 * HOUR - 60);
	assert_string_not_equal(level_of(srv, "suozhang", key), "BREACH");
	assert_string_not_equal(level_of(srv, "suozhang", key), "-");

	at(srv, t0 + 24 * HOUR + 1);
	r = http(srv, S("suozhang"), "GET", API "/warnings?level=all", NULL);
	EXPECT(r, 200);
	it = find_by(jpath(r->json, "items"), "key", key);
	if (!it)
		fail_msg("no %s for the chief: %.600s", key, r->body);
	assert_string_equal(jstr(it, "level"), "BREACH");
	assert_string_equal(jstr(it, "rule"), "PROC-ACCEPT-REG");
	assert_int_equal(jint(it, "deadline"), t0 + 24 * HOUR);
	assert_int_equal(jint(it, "unit_id"), CG);
	assert_null(find_by(jpath(r->json, "items"), "key", kmed));
	assert_null(find_by(jpath(r->json, "items"), "key", kconv));
	/* the legal desk of the county sees it too */
	assert_string_equal(level_of(srv, "fazhidadui", key), "BREACH");

	/* the supervisor's listing records it */
	r = http(srv, S("ducha"), "GET", API "/breaches", NULL);
	EXPECT(r, 200);
	it = find_by(jpath(r->json, "items"), "clock_key", key);
	if (!it)
		fail_msg("no breach %s: %.600s", key, r->body);
	assert_string_equal(jstr(it, "rule"), "PROC-ACCEPT-REG");
	assert_string_equal(jstr(it, "unit_name"), "城关派出所");
	assert_int_equal(jint(it, "deadline"), t0 + 24 * HOUR);
	assert_null(find_by(jpath(r->json, "items"), "clock_key", kmed));
	assert_null(find_by(jpath(r->json, "items"), "clock_key", kconv));
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM breach WHERE clock_key = ?1", key), 1);
}

/* 4. 案件督办: sign, answer, overdue. */
STORY(oversight)
{
	long long inc, t1, t2;
	int64_t now;
	struct resp *r;
	json_t *it;

	begin(srv);
	inc = inc_at(srv, CG, "0203", "城关镇汽车站候车厅", 0);
	now = (int64_t)srv_now(srv);
	/* only the desks open a 督办, and never with a deadline past */
	EXPECT(http(srv, S("minjing1"), "POST", API "/oversight",
		    J(srv, "{s:s, s:I, s:s, s:I}", "object_type", "incident", "object_id",
		      (json_int_t)inc, "instructions", "查明情况", "deadline", (json_int_t)(now + 2 * HOUR))),
	       403);
	assert_error(srv,
		     http(srv, S("ducha"), "POST", API "/oversight",
			  J(srv, "{s:s, s:I, s:s, s:I}", "object_type", "incident", "object_id",
			    (json_int_t)inc, "instructions", "查明情况", "deadline", (json_int_t)(now - 60))),
		     400, "INVALID_FIELD");

	r = http(srv, S("ducha"), "POST", API "/oversight",
		 J(srv, "{s:s, s:I, s:s, s:I}", "object_type", "incident", "object_id", (json_int_t)inc,
		   "instructions", "2小时内查明滋事人员并反馈", "deadline", (json_int_t)(now + 2 * HOUR)));
	EXPECT(r, 201);
	t1 = rnum(r, "task.id");
	EXPECT_NUM(r, "task.station_id", CG);
	EXPECT_NUM(r, "task.deadline", now + 2 * HOUR);
	assert_true(json_is_false(jpath(r->json, "task.overdue")));

	/* another station's officer cannot sign */
	assert_error(srv, http(srv, S("beishe_mj1"), "POST", fmt(srv, API "/oversight/%lld/sign", t1), NULL),
		     403, "FORBIDDEN");
	/* no answer before signing */
	assert_error(srv,
		     http(srv, S("suozhang"), "POST", fmt(srv, API "/oversight/%lld/answer", t1),
			  "{\"answer\":\"已查明\"}"),
		     409, "NOT_SIGNED");
	r = http(srv, S("suozhang"), "POST", fmt(srv, API "/oversight/%lld/sign", t1), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "task.signed_by_name", "王建华");
	assert_true(rnum(r, "task.signed_at") >= now);
	assert_error(srv, http(srv, S("suozhang"), "POST", fmt(srv, API "/oversight/%lld/sign", t1), NULL),
		     409, "ALREADY_SIGNED");
	r = http(srv, S("suozhang"), "POST", fmt(srv, API "/oversight/%lld/answer", t1),
		 "{\"answer\":\"已查明两名滋事人员，已传唤到所\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "task.answer", "已查明两名滋事人员，已传唤到所");
	EXPECT_STR(r, "task.answered_by_name", "王建华");
	assert_true(json_is_integer(jpath(r->json, "task.answered_at")));
	/* the answer closes nothing: the supervisor reviews it, never the
	 * station; returned with its reasons, answered again, accepted */
	assert_error(srv,
		     http(srv, S("suozhang"), "POST", fmt(srv, API "/oversight/%lld/review", t1), "{\"accept\":true}"),
		     403, "FORBIDDEN");
	assert_error(srv, http(srv, S("ducha"), "POST", fmt(srv, API "/oversight/%lld/review", t1), "{\"accept\":false}"),
		     400, "INVALID_FIELD");
	r = http(srv, S("ducha"), "POST", fmt(srv, API "/oversight/%lld/review", t1),
		 "{\"accept\":false,\"note\":\"未写明传唤后的处理结果，请补充\"}");
	EXPECT(r, 200);
	assert_true(json_is_null(jpath(r->json, "task.answered_at")));
	EXPECT_NUM(r, "task.returned", 1);
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/oversight/%lld/answer", t1),
		    "{\"answer\":\"两名滋事人员已传唤到所，各处罚款二百元\"}"),
	       200);
	r = http(srv, S("ducha"), "POST", fmt(srv, API "/oversight/%lld/review", t1), "{\"accept\":true}");
	EXPECT(r, 200);
	assert_true(json_is_integer(jpath(r->json, "task.reviewed_at")));
	assert_error(srv, http(srv, S("ducha"), "POST", fmt(srv, API "/oversight/%lld/review", t1), "{\"accept\":true}"),
		     409, "ALREADY_REVIEWED");

	/* a second task, 1 h, left open; a third, 3 h */
	r = http(srv, S("jiejing"), "POST", API "/oversight",
		 J(srv, "{s:s, s:I, s:s, s:I}", "object_type", "incident", "object_id", (json_int_t)inc,
		   "instructions", "1小时内回告报警人", "deadline", (json_int_t)(now + HOUR)));
	EXPECT(r, 201);
	t2 = rnum(r, "task.id");
	EXPECT(http(srv, S("ducha"), "POST", API "/oversight",
		    J(srv, "{s:s, s:I, s:s, s:I}", "object_type", "incident", "object_id",
		      (json_int_t)inc, "instructions", "3小时内报送书面材料", "deadline",
		      (json_int_t)(now + 3 * HOUR))),
	       201);
	at(srv, now + HOUR + 60);
	r = http(srv, S("ducha"), "GET", API "/oversight?open=1", NULL);
	EXPECT(r, 200);
	assert_null(find_id(jpath(r->json, "items"), "id", t1));
	it = find_id(jpath(r->json, "items"), "id", t2);
	if (!it)
		fail_msg("task %lld not listed: %s", t2, r->body);
	assert_true(json_is_true(json_object_get(it, "overdue")));
	assert_int_equal(json_array_size(jpath(r->json, "items")), 2);
	assert_true(json_is_false(json_object_get(json_array_get(jpath(r->json, "items"), 1), "overdue")));
	/* the answered one is in the full list, not overdue */
	r = http(srv, S("ducha"), "GET", API "/oversight", NULL);
	EXPECT(r, 200);
	it = find_id(jpath(r->json, "items"), "id", t1);
	assert_non_null(it);
	assert_true(json_is_false(json_object_get(it, "overdue")));
}

/* 5. Who may do what. */
STORY(permissions)
{
	long long inc, before;
	struct resp *r;

	begin(srv);
	inc = inc_at(srv, CG, "0202", "城关镇农贸市场东门", 0);
	EXPECT(inc_do(srv, "fujing", inc, "acknowledge", NULL), 200);
	assert_error(srv,
		     inc_do(srv, "fujing", inc, "feedback",
			    J(srv, "{s:s, s:s}", "outcome", "mediated", "text", "调解")),
		     403, "FORBIDDEN");
	assert_error(srv, http(srv, S("admin"), "GET", API "/incidents", NULL), 403, "FORBIDDEN");
	assert_error(srv, http(srv, S("admin"), "GET", fmt(srv, API "/incidents/%lld", inc), NULL), 403,
		     "FORBIDDEN");

	/* a walk-in at a station is that station's, whatever it asks */
	r = inc_post(srv, "minjing1",
		     json_pack("{s:s, s:s, s:s, s:s, s:I}", "source", "walk_in", "place",
			       "城关派出所接待大厅", "category", "0501", "summary", "群众来所反映邻里纠纷",
			       "station_id", (json_int_t)BS));
	EXPECT(r, 201);
	EXPECT_NUM(r, "incident.station_id", CG);
	EXPECT_STR(r, "incident.station_name", "城关派出所");

	/* another station: refused and audited */
	before = audit_count(srv, S("auditor"), "incident.read", "beishe_mj1", "denied");
	assert_error(srv, inc_get(srv, "beishe_mj1", inc), 403, "FORBIDDEN");
	assert_int_equal(audit_count(srv, S("auditor"), "incident.read", "beishe_mj1", "denied"),
			 before + 1);
	assert_error(srv,
		     inc_do(srv, "beishe_mj1", inc, "feedback",
			    J(srv, "{s:s, s:s}", "outcome", "mediated", "text", "调解")),
		     403, "FORBIDDEN");
	assert_int_equal(count_q(srv, "beishe_mj1", "城关镇农贸市场东门"), 0);
	assert_int_equal(count_q(srv, "minjing1", "城关镇农贸市场东门"), 1);
}

/* The unanswered breaches of station id st in GET /breaches?open=1. */
static long long open_breaches(json_t *items, long long st)
{
	long long n = 0;
	json_t *it;
	size_t i;

	json_array_foreach(items, i, it)
		if (jint(it, "unit_id") == st && !json_is_integer(json_object_get(it, "answered_at")))
			n++;
	return n;
}

struct want_row {
	long long id, score;
};

static int by_want(const void *a, const void *b)
{
	const struct want_row *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->id < y->id ? -1 : 1;
}

/* 6. 警务动态日报 of a clean day, by hand. */
STORY(daily_report)
{
	long long cg1, cg2, cg3, bs1, lw;
	int64_t d, base;
	struct want_row want[16];
	json_t *rows, *row, *br;
	struct resp *r;
	size_t i, n;

	begin(srv);
	/* D = today + 10; the same day last week (today + 3) has one 城关 theft */
	d = lday((int64_t)srv_now(srv)) + 10;
	at(srv, midnight(d - 7) + 22 * HOUR);
	lw = inc_at(srv, CG, "0201", "城关镇东关村3组", midnight(d - 7) + 9 * HOUR);
	handle(srv, "minjing1", lw, "mediated");

	at(srv, midnight(d) + 22 * HOUR);
	base = midnight(d);
	cg1 = inc_at(srv, CG, "0201", "城关镇北街菜市场", base + 8 * HOUR + 600);   /* preventable */
	cg2 = inc_at(srv, CG, "0202", "城关镇中心学校门口", base + 11 * HOUR);
	cg3 = inc_at(srv, CG, "0601", "城关镇幸福小区5号楼", base + 15 * HOUR + 1800);
	bs1 = inc_at(srv, BS, "0201", "北社乡北社村小卖部", base + 9 * HOUR);
	(void)cg3;
	handle(srv, "minjing1", cg1, "mediated");
	handle(srv, "minjing2", cg2, "mediated");
	call_back(srv, "minjing1", cg1);
	handle(srv, "beishe_mj1", bs1, "mediated");
	call_back(srv, "jiejing", bs1);
	/* a linked duplicate of cg1 does not count */
	EXPECT(inc_post(srv, "jiejing",
			json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:I}", "source", "110", "place",
				  "城关镇北街菜市场", "category", "0201", "summary", "同一警情",
				  "station_id", (json_int_t)CG, "duplicate_of", (json_int_t)cg1,
				  "received_at", (json_int_t)(base + 8 * HOUR + 900))),
	       201);

	/* the open breaches of every station (demo cases run out meanwhile) */
	r = http(srv, S("ducha"), "GET", API "/breaches?open=1", NULL);
	EXPECT(r, 200);
	br = jpath(r->json, "items");
	assert_true(rnum(r, "total") == (long long)json_array_size(br));

	r = http(srv, S("ducha"), "GET", fmt(srv, API "/reports/daily?date=%s", ymd(srv, d, 1)), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "date", ymd(srv, d, 1));
	EXPECT_NUM(r, "weights.solved", 10);
	EXPECT_NUM(r, "weights.breach", 10);
	rows = jpath(r->json, "rows");
	n = json_array_size(rows);
	assert_int_equal(n, 9);
	json_array_foreach(rows, i, row) {
		long long st = jint(row, "station_id"), ob = open_breaches(br, st);
		int cg = st == CG, bs = st == BS;
		long long inc = cg ? 3 : bs ? 1 : 0, pct = cg ? 50 : bs ? 100 : 0;
		long long prev = cg || bs ? 1 : 0, plw = cg ? 1 : 0, missed = cg ? 1 : 0;

		if (jint(row, "incidents") != inc || jint(row, "preventable") != prev ||
		    jint(row, "preventable_last_week") != plw || jint(row, "preventable_last_year") != 0 ||
		    jint(row, "handled") != (cg ? 2 : bs ? 1 : 0) ||
		    jint(row, "callbacks") != (cg || bs ? 1 : 0) || jint(row, "callback_pct") != pct ||
		    jint(row, "missed_callbacks") != missed || jint(row, "cases_filed") != 0 ||
		    jint(row, "solved") != 0 || jint(row, "persons_dealt") != 0 ||
		    jint(row, "open_breaches") != ob)
			fail_msg("row %s: want incidents %lld, callback_pct %lld, open_breaches %lld: %s",
				 jstr(row, "station_name"), inc, pct, ob, r->body);
		want[i].id = st;
		/* receiving incidents earns nothing: the theft costs 3 against each of
		 * last week and last year, the missed callback 2 */
		want[i].score = jint(row, "safe_pct") + 3 * ((plw - prev) + (0 - prev)) - 2 * missed - 10 * ob -
				10 * jint(row, "overdue_oversight") - 5 * jint(row, "tasks_overdue");
		if (jint(row, "score") != want[i].score)
			fail_msg("score of %s: want %lld in %s", jstr(row, "station_name"), want[i].score,
				 r->body);
	}
	EXPECT_NUM(r, "totals.incidents", 4);
	EXPECT_NUM(r, "totals.handled", 3);
	qsort(want, n, sizeof(want[0]), by_want);
	for (i = 0; i < n; i++) {
		long long rank = i && want[i].score == want[i - 1].score ? jint(json_array_get(rows, i - 1), "rank")
								      : (long long)i + 1;

		row = json_array_get(rows, i);
		if (jint(row, "station_id") != want[i].id || jint(row, "rank") != rank)
			fail_msg("rank %zu: want station %lld in %s", i + 1, want[i].id, r->body);
	}

	r = http(srv, S("ducha"), "GET", fmt(srv, API "/reports/daily.xlsx?date=%s", ymd(srv, d, 1)), NULL);
	EXPECT(r, 200);
	assert_string_equal(resp_header(srv, r, "Content-Type"),
			    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	assert_true(r->body_len > 100);
	assert_memory_equal(r->body, "PK", 2);

	assert_error(srv,
		     http(srv, S("minjing1"), "GET", fmt(srv, API "/reports/daily?date=%s", ymd(srv, d, 1)),
			  NULL),
		     403, "FORBIDDEN");
	EXPECT(http(srv, S("suozhang"), "GET", fmt(srv, API "/reports/daily?date=%s", ymd(srv, d, 1)), NULL),
	       200);
}

/* The count n of the item with integer `key` = val in array at path. */
static long long n_of(const struct resp *r, const char *path, const char *key, long long val)
{
	json_t *it = find_id(jpath(r->json, path), key, val);

	return it ? jint(it, "n") : 0;
}

/* 7. 统计分析 over a clean day. */
STORY(stats)
{
	const char *spot = "城关镇东大街菜市场";
	int64_t d, base;
	struct resp *r;
	json_t *it;
	struct tm tm;
	time_t t;

	begin(srv);
	d = lday((int64_t)srv_now(srv)) + 3;
	at(srv, midnight(d) + 23 * HOUR);
	base = midnight(d);
	/* local hours: 09:15 and 15:40 at the spot, 20:05, and 北社 09:50 */
	inc_at(srv, CG, "0201", spot, base + 9 * HOUR + 15 * 60);
	inc_at(srv, CG, "0201", "城关镇 东大街菜市场", base + 15 * HOUR + 40 * 60);
	inc_at(srv, CG, "0202", "城关镇西关村", base + 20 * HOUR + 5 * 60);
	inc_at(srv, BS, "0601", "北社乡敬老院", base + 9 * HOUR + 50 * 60);

	r = http(srv, S("ducha"), "GET",
		 fmt(srv, API "/reports/stats?from=%lld&to=%lld", (long long)base, (long long)(base + DAY)),
		 NULL);
	EXPECT(r, 200);
	/* by_category: 治安 3, 求助 1 */
	assert_int_equal(json_array_size(jpath(r->json, "by_category")), 2);
	it = find_by(jpath(r->json, "by_category"), "code", "02");
	assert_non_null(it);
	assert_int_equal(jint(it, "n"), 3);
	assert_string_equal(jstr(it, "name"), "治安警情");
	it = find_by(jpath(r->json, "by_category"), "code", "06");
	assert_non_null(it);
	assert_int_equal(jint(it, "n"), 1);
	/* by_hour: 9 → 2, 15 → 1, 20 → 1 */
	assert_int_equal(json_array_size(jpath(r->json, "by_hour")), 3);
	assert_int_equal(n_of(r, "by_hour", "hour", 9), 2);
	assert_int_equal(n_of(r, "by_hour", "hour", 15), 1);
	assert_int_equal(n_of(r, "by_hour", "hour", 20), 1);
	/* by_weekday: all four on D (0 = Monday) */
	t = (time_t)(d * DAY);
	gmtime_r(&t, &tm);
	assert_int_equal(json_array_size(jpath(r->json, "by_weekday")), 1);
	assert_int_equal(n_of(r, "by_weekday", "weekday", (tm.tm_wday + 6) % 7), 4);
	/* by_station: 城关 3, 北社 1 */
	assert_int_equal(n_of(r, "by_station", "station_id", CG), 3);
	assert_int_equal(n_of(r, "by_station", "station_id", BS), 1);
	/* hot spots: only the spot, twice */
	assert_int_equal(json_array_size(jpath(r->json, "hot_spots")), 1);
	EXPECT_NUM(r, "hot_spots.0.n", 2);
	assert_non_null(strstr(rstr(r, "hot_spots.0.place"), "东大街菜市场"));

	/* one station only */
	r = http(srv, S("ducha"), "GET",
		 fmt(srv, API "/reports/stats?from=%lld&to=%lld&station_id=%lld", (long long)base,
		     (long long)(base + DAY), BS),
		 NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "by_category")), 1);
	assert_int_equal(n_of(r, "by_hour", "hour", 9), 1);
	assert_int_equal(json_array_size(jpath(r->json, "hot_spots")), 0);
	assert_error(srv, http(srv, S("minjing1"), "GET", API "/reports/stats", NULL), 403, "FORBIDDEN");
}

/* 8. Bad input is refused with the field named. */
STORY(validation)
{
	struct {
		const char *field;
		json_t *o;
	} bad[6];
	int64_t now;
	size_t i;

	begin(srv);
	now = (int64_t)srv_now(srv);
#define BASE "s:s, s:s"
#define BASEV "place", "城关镇人民路1号", "summary", "测试"
	bad[0].field = "category";
	bad[0].o = json_pack("{" BASE ", s:s, s:s}", BASEV, "source", "110", "category", "9999");
	bad[1].field = "source";
	bad[1].o = json_pack("{" BASE ", s:s, s:s}", BASEV, "source", "fax", "category", "0202");
	bad[2].field = "priority";
	bad[2].o = json_pack("{" BASE ", s:s, s:s, s:i}", BASEV, "source", "110", "category", "0202",
			     "priority", 4);
	bad[3].field = "lat";
	bad[3].o = json_pack("{" BASE ", s:s, s:s, s:f}", BASEV, "source", "110", "category", "0202",
			     "lat", 37.87);
	bad[4].field = "received_at";
	bad[4].o = json_pack("{" BASE ", s:s, s:s, s:I}", BASEV, "source", "110", "category", "0202",
			     "received_at", (json_int_t)(now + HOUR));
	bad[5].field = "received_at";
	bad[5].o = json_pack("{" BASE ", s:s, s:s, s:I}", BASEV, "source", "110", "category", "0202",
			     "received_at", (json_int_t)(now - 40 * DAY));
#undef BASE
#undef BASEV
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct resp *r = inc_post(srv, "jiejing", bad[i].o);

		assert_error(srv, r, 400, NULL);
		if (strcmp(rstr(r, "error.field"), bad[i].field) != 0)
			fail_msg("case %zu: want field %s: %s", i, bad[i].field, r->body);
	}
	assert_int_equal(count_q(srv, "jiejing", "城关镇人民路1号"), 0);
	/* coordinates come back to the sixth place (on PostgreSQL a cast to
	 * its 4-byte REAL moved them by ~1 m) */
	{
		struct resp *r = inc_post(srv, "jiejing",
					  json_pack("{s:s, s:s, s:s, s:s, s:f, s:f}", "place", "城关镇人民路2号",
						    "summary", "坐标", "source", "110", "category", "0202", "lat",
						    37.871234, "lng", 112.548765));
		double dlat, dlng;

		EXPECT(r, 201);
		r = http(srv, S("jiejing"), "GET", fmt(srv, API "/incidents/%lld", rnum(r, "incident.id")), NULL);
		EXPECT(r, 200);
		dlat = json_number_value(jpath(r->json, "incident.lat")) - 37.871234;
		dlng = json_number_value(jpath(r->json, "incident.lng")) - 112.548765;
		if (dlat > 1e-9 || dlat < -1e-9 || dlng > 1e-9 || dlng < -1e-9)
			fail_msg("coordinates moved: %.300s", r->body);
	}
	/* the code table answers everyone logged in */
	{
		struct resp *r = http(srv, S("minjing1"), "GET", API "/incident-categories", NULL);

		EXPECT(r, 200);
		if (!find_by(jpath(r->json, "items"), "code", "0202"))
			fail_msg("no 0202: %.300s", r->body);
		assert_string_equal(jstr(find_by(jpath(r->json, "items"), "code", "0201"), "initials"), "dq");
		assert_int_equal(jint(find_by(jpath(r->json, "items"), "code", "0201"), "preventable"), 1);
	}
}

/* The list's filters, each alone and together, on four calls made here:
 * 城关 0201 and 0202, 北社 0202 and 0501, all with one place tag. */
STORY(list_filters)
{
	static const char tag[] = "筛选测试路";
	struct resp *r;

	begin(srv);
	inc_at(srv, CG, "0201", "筛选测试路1号", 0);
	inc_at(srv, CG, "0202", "筛选测试路2号", 0);
	inc_at(srv, BS, "0202", "筛选测试路3号", 0);
	inc_at(srv, BS, "0501", "筛选测试路4号", 0);
#define LISTED(user, extra, n)                                                                   \
	do {                                                                                    \
		r = http(srv, S(user), "GET", fmt(srv, API "/incidents?q=%s%s", tag, extra), NULL); \
		EXPECT(r, 200);                                                                 \
		EXPECT_NUM(r, "total", n);                                                      \
	} while (0)
	LISTED("jiejing", "", 4);
	LISTED("jiejing", "&category=02", 3);
	LISTED("jiejing", "&category=0202", 2);
	LISTED("jiejing", "&category=05", 1);
	LISTED("jiejing", "&category=09", 0);
	LISTED("jiejing", fmt(srv, "&station_id=%lld", CG), 2);
	LISTED("jiejing", fmt(srv, "&station_id=%lld&category=02", BS), 1);
	LISTED("jiejing", fmt(srv, "&station_id=%lld&category=05", CG), 0);
	LISTED("jiejing", "&active=1", 4);
	/* a station sees its own calls only, whatever it asks */
	LISTED("beishe_mj1", "", 2);
	LISTED("beishe_mj1", fmt(srv, "&station_id=%lld", CG), 0);
#undef LISTED
	r = http(srv, S("jiejing"), "GET",
		 fmt(srv, API "/incidents?q=%s&category=02&per_page=2&page=2", tag), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 3);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 1);
	/* oldest last: page 2 holds the first call of category 02 */
	EXPECT_STR(r, "items.0.place", "筛选测试路1号");
}

/* 1b. A call that resembles another unit's incident: a station officer is
 * told only which unit to ask (its name and phone), never the incident's
 * content, number or id; the desk, which may read it, sees it as before;
 * linking to an incident one may not read is refused and audited; the
 * check itself leaves an audit row naming the matched incident. */
STORY(duplicate_elsewhere_names_only_the_unit)
{
	const char *place = "北社乡北社村委会东侧路口", *summary = "ELSEWHERE 路口两车相撞有人受伤";
	const char *again = "ELSEWHERE 又有人报警称路口撞车";
	struct session *aud;
	long long a;
	struct resp *r;

	begin(srv);
	aud = login(srv, "auditor", DEMO_PW);
	/* 北社's phone, so that the answer has one to give */
	EXPECT(http(srv, S("admin"), "PATCH", fmt(srv, API "/units/%lld", BS), "{\"phone\":\"0351-7654321\"}"),
	       200);
	r = inc_new(srv, "jiejing", BS, "0203", place, summary, 0);
	a = rnum(r, "incident.id");

	/* 城关's officer, a walk-in about the same place: 北社's incident */
	clock_advance(srv, 300);
	r = inc_post(srv, "minjing1",
		     json_pack("{s:s, s:s, s:s, s:s}", "source", "walk_in", "place", place, "category", "0203",
			       "summary", again));
	assert_error(srv, r, 409, "DUPLICATE_SUSPECTED");
	assert_int_equal(json_array_size(jpath(r->json, "duplicate_candidates")), 0);
	assert_int_equal(json_array_size(jpath(r->json, "duplicate_elsewhere")), 1);
	EXPECT_STR(r, "duplicate_elsewhere.0.unit_name", "北社派出所");
	EXPECT_STR(r, "duplicate_elsewhere.0.unit_phone", "0351-7654321");
	EXPECT_NUM(r, "duplicate_elsewhere.0.unit_id", BS);
	/* nothing of the incident itself */
	assert_null(strstr(r->body, "ELSEWHERE"));
	assert_null(strstr(r->body, "JQ"));
	assert_null(strstr(r->body, "\"id\""));
	assert_null(strstr(r->body, "received_at"));
	assert_int_equal(audit_count(srv, aud, "incident.duplicate_check", "minjing1", "success"), 1);
	r = http(srv, aud, "GET", API "/audit?action=incident.duplicate_check&user=minjing1", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "items.0.detail", fmt(srv, "matched=%lld shown=0 elsewhere_units=1", a));

	/* linking to it is reading it: refused and audited */
	r = inc_post(srv, "minjing1",
		     json_pack("{s:s, s:s, s:s, s:s, s:I}", "source", "walk_in", "place", place, "category",
			       "0203", "summary", again, "duplicate_of", (json_int_t)a));
	assert_error(srv, r, 403, "FORBIDDEN");
	assert_int_equal(audit_count(srv, aud, "incident.read", "minjing1", "denied"), 1);

	/* the desk reads the county: the incident itself, as before */
	r = inc_post(srv, "jiejing",
		     json_pack("{s:s, s:s, s:s, s:s}", "source", "110", "place", place, "category", "0203",
			       "summary", again));
	assert_error(srv, r, 409, "DUPLICATE_SUSPECTED");
	assert_int_equal(json_array_size(jpath(r->json, "duplicate_candidates")), 1);
	EXPECT_NUM(r, "duplicate_candidates.0.id", a);
	EXPECT_STR(r, "duplicate_candidates.0.summary", summary);
	assert_int_equal(json_array_size(jpath(r->json, "duplicate_elsewhere")), 0);

	/* not the same event: the officer registers it as new */
	r = inc_post(srv, "minjing1",
		     json_pack("{s:s, s:s, s:s, s:s, s:b}", "source", "walk_in", "place", place, "category",
			       "0203", "summary", again, "not_duplicate", 1));
	EXPECT(r, 201);
}

/* A caller who asked for confidentiality: the 110 desk's list shows the
 * number masked, a station's list shows "（保密）" in its place, and only the
 * desk finds it by that number; each list read is audited with the ids it
 * showed. */
STORY(confidential_caller_in_lists)
{
	struct resp *r;
	long long id;
	const char *no;

	begin(srv);
	r = inc_post(srv, "jiejing",
		     json_pack("{s:s, s:s, s:s, s:b, s:s, s:s, s:s, s:I}", "source", "110", "caller_phone",
			       "13912340417", "caller_name", "匿名", "confidential", 1, "place",
			       "城关镇解放路21号", "category", "0202", "summary", "报警人要求对其身份保密",
			       "station_id", (json_int_t)CG));
	EXPECT(r, 201);
	id = rnum(r, "incident.id");
	no = fmt(srv, "%s", rstr(r, "incident.incident_no"));
	r = http(srv, S("jiejing"), "GET", fmt(srv, API "/incidents?q=%s", no), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_STR(r, "items.0.caller_phone", "139****0417");
	EXPECT_NUM(r, "items.0.confidential", 1);
	/* the desk finds it by the caller's number; a station cannot learn by
	 * searching a number that it called in */
	r = http(srv, S("jiejing"), "GET", API "/incidents?q=13912340417", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", id);
	r = http(srv, S("suozhang"), "GET", API "/incidents?q=13912340417", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 0);
	r = http(srv, S("suozhang"), "GET", fmt(srv, API "/incidents?q=%s", no), NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "total", 1);
	EXPECT_NUM(r, "items.0.id", id);
	EXPECT_STR(r, "items.0.caller_phone", "（保密）");
	r = http(srv, S("auditor"), "GET", API "/audit?action=incident.list&user=suozhang", NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "items.0.detail", fmt(srv, "n=1 ids=%lld", id));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_demo, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(full_timeline), T(duplicate_linking), T(duplicate_elsewhere_names_only_the_unit),
		T(unfiled_incident), T(oversight),
		T(permissions),   T(daily_report),      T(stats),            T(validation),
		T(list_filters),  T(confidential_caller_in_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
