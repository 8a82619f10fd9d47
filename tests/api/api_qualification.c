/* api_qualification.c — a passed 执法资格 exam is the staff record's
 * qualification (issue 18; TEAM-QUAL-LEVELS, TEAM-QUAL-VALID [U]): the
 * level, the day and an expiry team.qual_valid_years later; a lower pass
 * never lowers the level; a failed exam changes nothing; the certificate
 * number goes when the level rises. 刘强 (minjing3) of the demo, his record
 * first set to no qualification by the chief. */
#include "clock_util.h"

static long long paper_of(struct server *srv, const char *level, long long q)
{
	struct resp *r = http(srv, S("fazhi"), "POST", API "/exam-papers",
			      fmt(srv,
				  "{\"title\":\"%s考试\",\"kind\":\"qualification\",\"level\":\"%s\",\"time_limit_min\":60,"
				  "\"pass_score\":60,\"question_ids\":[%lld]}",
				  level, level, q));

	EXPECT(r, 201);
	return rnum(r, "paper.id");
}

static struct resp *sit(struct server *srv, long long paper, long long q, const char *answer)
{
	struct resp *r = http(srv, S("minjing3"), "POST", API "/exam-sittings", fmt(srv, "{\"paper_id\":%lld}", paper));

	EXPECT(r, 201);
	return http(srv, S("minjing3"), "POST", fmt(srv, API "/exam-sittings/%lld/submit", rnum(r, "sitting.id")),
		    fmt(srv, "{\"answers\":[{\"question_id\":%lld,\"answer\":\"%s\"}]}", q, answer));
}

static struct resp *record_of(struct server *srv, long long uid)
{
	struct resp *r = http(srv, S("suozhang"), "GET", fmt(srv, API "/staff/%lld", uid), NULL);

	EXPECT(r, 200);
	return r;
}

STORY(passed_qualification_exam_updates_staff_record)
{
	const char *today = ymd(srv, lday((int64_t)srv_now(srv)));
	struct tm t = srv_day(srv, 0);
	long long m3 = me_id(srv, S("minjing3"), NULL), q, basic, mid, high;
	struct resp *r;

	/* the chief records 刘强 without a qualification */
	EXPECT(http(srv, S("suozhang"), "PUT", fmt(srv, API "/staff/%lld", m3),
		    "{\"staff_kind\":\"police\",\"politics\":\"party\",\"education\":\"bachelor\",\"birth_date\":\"1990-03-01\","
		    "\"qual_level\":\"none\"}"),
	       200);
	r = http(srv, S("fazhi"), "POST", API "/exam-questions",
		 "{\"kind\":\"judge\",\"stem\":\"执法资格测试题\",\"options\":[],\"answer\":\"T\"}");
	EXPECT(r, 201);
	q = rnum(r, "question.id");
	basic = paper_of(srv, "basic", q);
	mid = paper_of(srv, "intermediate", q);
	high = paper_of(srv, "advanced", q);

	/* 基本级 passed with a 3-year validity: level, day, expiry */
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/team.qual_valid_years", "{\"value\":3}"), 200);
	r = sit(srv, basic, q, "T");
	EXPECT(r, 200);
	EXPECT_BOOL(r, "sitting.passed", 1);
	r = record_of(srv, m3);
	EXPECT_STR(r, "staff.qual_level", "basic");
	EXPECT_STR(r, "staff.qual_date", today);
	EXPECT_STR(r, "staff.qual_expiry",
		   fmt(srv, "%04d-%02d-%02d", t.tm_year + 1900 + 3, t.tm_mon + 1,
		       t.tm_mon == 1 && t.tm_mday == 29 ? 28 : t.tm_mday));
	EXPECT_BOOL(r, "staff.qual_valid", 1);

	/* 中级 passed, no validity set: mid, no expiry */
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/team.qual_valid_years", "{\"value\":0}"), 200);
	EXPECT(http(srv, S("suozhang"), "PUT", fmt(srv, API "/staff/%lld", m3),
		    fmt(srv,
			"{\"staff_kind\":\"police\",\"politics\":\"party\",\"education\":\"bachelor\",\"birth_date\":\"1990-03-01\","
			"\"qual_level\":\"basic\",\"qual_date\":\"%s\",\"qual_cert_no\":\"ZFZG-T-1\"}",
			today)),
	       200);
	r = sit(srv, mid, q, "T");
	EXPECT_BOOL(r, "sitting.passed", 1);
	r = record_of(srv, m3);
	EXPECT_STR(r, "staff.qual_level", "mid");
	assert_true(json_is_null(jpath(r->json, "staff.qual_expiry")));
	/* the level rose: the old certificate number is gone */
	assert_true(json_is_null(jpath(r->json, "staff.qual_cert_no")));

	/* a failed 高级 changes nothing; a lower pass does not lower it */
	r = sit(srv, high, q, "F");
	EXPECT_BOOL(r, "sitting.passed", 0);
	EXPECT_STR(record_of(srv, m3), "staff.qual_level", "mid");
	r = sit(srv, paper_of(srv, "basic", q), q, "T");
	EXPECT_BOOL(r, "sitting.passed", 1);
	EXPECT_STR(record_of(srv, m3), "staff.qual_level", "mid");
	/* 高级 passed (a paper sits once: a second one): high */
	r = sit(srv, paper_of(srv, "advanced", q), q, "T");
	EXPECT_BOOL(r, "sitting.passed", 1);
	EXPECT_STR(record_of(srv, m3), "staff.qual_level", "high");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(passed_qualification_exam_updates_staff_record, setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
