/* api_meetings.c — 局长调度分析会 (issue 17): the 局长 records a meeting;
 * the figures of the period are frozen into it (a later change of the
 * records does not change the record); each station against its own
 * previous period; the tasks it assigns reach the stations as 领导交办; at
 * the next meeting the earlier decisions and tasks come first with their
 * follow-up. A fresh demo county. */
#include "incident_util.h"
#include "core/buf.h"
#include "core/xlsx.h"

static void unused_helpers(void) __attribute__((unused));
static void unused_helpers(void)
{
	(void)find_by;
	(void)inc_get;
	(void)handle;
	(void)call_back;
}

STORY(meeting_and_follow_up)
{
	int64_t d;
	long long m1, m2, dec, task;
	long long score0;
	json_t *row;
	struct resp *r;

	begin(srv);
	/* the period before d−6 … d lies past the demo's history too */
	d = lday((int64_t)srv_now(srv)) + 20;
	at(srv, midnight(d) + 8 * HOUR);
	inc_at(srv, CG, "0201", "城关镇农贸市场", midnight(d) + 7 * HOUR);
	r = http(srv, S("juzhang"), "POST", API "/meetings",
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:[s], s:[{s:I, s:s, s:s}], s:[{s:I, s:s, s:I}]}", "held_on",
		   ymd(srv, d, 1), "title", "第一次调度分析会", "attendees", "高建军、各所所长", "period_from", ymd(srv, d - 6, 1),
		   "period_to", ymd(srv, d, 1), "commendations", "东关派出所破案数居前", "criticisms", "城关派出所可防性案件上升",
		   "decisions", "城关所一周内开展农贸市场防盗整治", "answers", "station_id", (json_int_t)CG, "chief_name",
		   "王建华", "answer", "一周内压降可防性案件", "tasks", "station_id", (json_int_t)CG, "content",
		   "农贸市场防盗整治", "deadline", (json_int_t)(midnight(d + 7))));
	EXPECT(r, 201);
	m1 = rnum(r, "meeting.id");
	row = find_id(jpath(r->json, "meeting.snapshot.stations"), "station_id", CG);
	if (!row || jint(row, "preventable") != 1 || jint(row, "prev_preventable") != 0)
		fail_msg("城关 against its previous period: %s", r->body);
	score0 = jint(row, "score");
	EXPECT_STR(r, "meeting.answers.0.chief_name", "王建华");
	dec = rnum(r, "meeting.decisions.0.id");
	task = rnum(r, "meeting.tasks.0.id");
	/* the demo's last meeting comes first */
	assert_true(rnum(r, "meeting.previous.id") > 0 && rnum(r, "meeting.previous.id") < m1);
	/* a station chief may not hold it; an officer may not read it */
	assert_error(srv,
		     http(srv, S("suozhang"), "POST", API "/meetings",
			  J(srv, "{s:s, s:s, s:s, s:s, s:s}", "held_on", ymd(srv, d, 1), "title", "所务会", "attendees", "王建华",
			    "period_from", ymd(srv, d, 1), "period_to", ymd(srv, d, 1))),
		     403, "FORBIDDEN");
	assert_error(srv, http(srv, S("minjing1"), "GET", fmt(srv, API "/meetings/%lld", m1), NULL), 403, "FORBIDDEN");

	/* the task is at 城关: signed and done */
	r = http(srv, S("suozhang"), "GET", fmt(srv, API "/leader-tasks/%lld", task), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "task.source", "meeting");
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/leader-tasks/%lld/sign", task), NULL), 200);
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/leader-tasks/%lld/complete", task),
		    J(srv, "{s:s}", "text", "整治完成，增设巡逻点2处")),
	       200);

	/* more calls since: the first meeting's snapshot stands */
	inc_at(srv, CG, "0101", "城关镇东街9号", midnight(d) + 7 * HOUR + 1800);
	r = http(srv, S("juzhang"), "GET", fmt(srv, API "/meetings/%lld", m1), NULL);
	EXPECT(r, 200);
	row = find_id(jpath(r->json, "meeting.snapshot.stations"), "station_id", CG);
	assert_int_equal(jint(row, "preventable"), 1);
	assert_int_equal(jint(row, "score"), score0);

	/* the next meeting: the follow-up of the decision; the earlier decisions and tasks first */
	at(srv, midnight(d + 7) + 9 * HOUR);
	r = http(srv, S("juzhang"), "POST", API "/meetings",
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:[{s:I, s:s}]}", "held_on", ymd(srv, d + 7, 1), "title", "第二次调度分析会",
		   "attendees", "高建军、各所所长", "period_from", ymd(srv, d + 1, 1), "period_to", ymd(srv, d + 7, 1),
		   "follow_ups", "decision_id", (json_int_t)dec, "text", "已落实，农贸市场一周无盗窃"));
	EXPECT(r, 201);
	m2 = rnum(r, "meeting.id");
	EXPECT_NUM(r, "meeting.previous.id", m1);
	EXPECT_STR(r, "meeting.previous.decisions.0.follow_up", "已落实，农贸市场一周无盗窃");
	EXPECT_STR(r, "meeting.previous.tasks.0.status", "done");
	row = find_id(jpath(r->json, "meeting.snapshot.stations"), "station_id", CG);
	/* 城关 this week (d+1 … d+7): none; its previous period (d−5 … d): two */
	if (!row || jint(row, "preventable") != 0 || jint(row, "prev_preventable") != 2)
		fail_msg("城关 second period: %s", jdump(srv, row));
	r = http(srv, S("suozhang"), "GET", API "/meetings", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "items.0.id", m2);
	/* the record as a workbook: its first sheet holds the meeting, the
	 * earlier decision with its follow-up and the earlier task done; a
	 * station chief reads it, an officer may not */
	r = http(srv, S("suozhang"), "GET", fmt(srv, API "/meetings/%lld/export.xlsx", m2), NULL);
	EXPECT(r, 200);
	{
		struct buf b;
		struct ps_err e;

		buf_init(&b, 1 << 20);
		assert_int_equal(xlsx_to_csv((const unsigned char *)r->body, r->body_len, &b, &e), 0);
		if (!strstr(buf_str(&b), "第二次调度分析会") || !strstr(buf_str(&b), "已落实，农贸市场一周无盗窃") ||
		    !strstr(buf_str(&b), "已办结") || !strstr(buf_str(&b), "高建军、各所所长"))
			fail_msg("the meeting workbook: %s", buf_str(&b));
		buf_release(&b);
	}
	assert_error(srv, http(srv, S("minjing1"), "GET", fmt(srv, API "/meetings/%lld/export.xlsx", m2), NULL), 403,
		     NULL);
	/* a follow-up must name an earlier decision */
	assert_error(srv,
		     http(srv, S("juzhang"), "POST", API "/meetings",
			  J(srv, "{s:s, s:s, s:s, s:s, s:s, s:[{s:I, s:s}]}", "held_on", ymd(srv, d + 7, 1), "title", "错误",
			    "attendees", "高建军", "period_from", ymd(srv, d + 1, 1), "period_to", ymd(srv, d + 7, 1),
			    "follow_ups", "decision_id", (json_int_t)999999, "text", "无")),
		     400, NULL);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_demo, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(meeting_and_follow_up),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
