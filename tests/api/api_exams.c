/* api_exams.c — 三考题库 over HTTP (issue 18, part 2): the questions
 * generated from the rule catalog each carry the figure, the article or the
 * truth the catalog gives (read here from GET /catalog, never from the C
 * table); a paper of hand-written questions scored by hand; the time limit
 * enforced by the server clock; the 执法资格 levels in order
 * (TEAM-QUAL-LEVELS); regeneration when the catalog changes.
 *
 * A fresh demo county each story: minjing1/minjing2 sit, fazhi (城关's legal
 * officer) keeps the bank, suozhang reads the station's results. */
#include "harness.h"
#include "case_util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static struct session *who[6];
static const char *whon[6] = { "fazhi", "minjing1", "minjing2", "suozhang", "fujing", "minjing3" };

static int story_setup(void **state)
{
	memset(who, 0, sizeof(who));
	return setup_demo(state);
}

static struct session *S(struct server *srv, int i)
{
	if (!who[i])
		who[i] = login(srv, whon[i], DEMO_PW);
	return who[i];
}

/* The catalog row of code in force on day (from <= day <= to). */
static json_t *catalog_row(json_t *rules, const char *code, const char *day)
{
	json_t *it;
	size_t i;

	json_array_foreach(rules, i, it) {
		const char *from = json_string_value(json_object_get(it, "from"));
		const char *to = json_string_value(json_object_get(it, "to"));

		if (!strcmp(json_string_value(json_object_get(it, "code")), code) && strcmp(from, day) <= 0 &&
		    (!to || strcmp(to, day) >= 0))
			return it;
	}
	return NULL;
}

/* 1 when text holds digits as a whole number. */
static int has_number(const char *text, const char *digits)
{
	size_t n = strlen(digits);

	for (const char *p = strstr(text, digits); p; p = strstr(p + 1, digits))
		if ((p == text || p[-1] < '0' || p[-1] > '9') && (p[n] < '0' || p[n] > '9'))
			return 1;
	return 0;
}

static const char *option_of(json_t *q, const char *letter)
{
	return json_string_value(json_array_get(json_object_get(q, "options"), (size_t)(letter[0] - 'A')));
}

STORY(generated_questions_follow_catalog)
{
	struct resp *cat = http(srv, S(srv, 0), "GET", API "/catalog", NULL), *r;
	json_t *rules = jpath(cat->json, "rules"), *it;
	int nvalue = 0, nsource = 0, njudge = 0;
	size_t i;

	EXPECT(cat, 200);
	/* the demo synced the bank already: nothing to add or change */
	r = http(srv, S(srv, 0), "POST", API "/exam-questions/generate", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "added", 0);
	EXPECT_NUM(r, "updated", 0);
	EXPECT_NUM(r, "withdrawn", 0);
	assert_true(rnum(r, "generated") >= 50);
	/* an officer may not touch the bank, nor read its keys */
	assert_error(srv, http(srv, S(srv, 1), "POST", API "/exam-questions/generate", NULL), 403, NULL);
	assert_error(srv, http(srv, S(srv, 1), "GET", API "/exam-questions", NULL), 403, NULL);

	r = http(srv, S(srv, 0), "GET", API "/exam-questions?source=catalog", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it) {
		const char *code = json_string_value(json_object_get(it, "rule_code"));
		const char *tmpl = json_string_value(json_object_get(it, "template"));
		const char *key = json_string_value(json_object_get(it, "answer"));
		const char *stem = json_string_value(json_object_get(it, "stem"));
		json_t *row = catalog_row(rules, code, day_str(srv, 0));
		char want[64], digits[16];

		assert_non_null(row);
		if (!strcmp(tmpl, "value")) {
			/* the key option is the figure of the catalog row, in its unit */
			snprintf(want, sizeof(want), "%lld%s",
				 (long long)json_integer_value(json_array_get(json_object_get(row, "values"), 0)),
				 json_string_value(json_object_get(row, "unit_label")));
			assert_string_equal(option_of(it, key), want);
			assert_string_equal(json_string_value(json_object_get(it, "kind")), "single");
			/* and the stem blanks it out */
			assert_non_null(strstr(stem, "（　）"));
			assert_non_null(strstr(stem, json_string_value(json_object_get(row, "source"))));
			nvalue++;
		} else if (!strcmp(tmpl, "source")) {
			assert_string_equal(option_of(it, key), json_string_value(json_object_get(row, "source")));
			nsource++;
		} else {
			const char *cut = strstr(stem, "（依据：");
			char body[2048];

			assert_string_equal(tmpl, "judge");
			assert_non_null(cut);
			snprintf(body, sizeof(body), "%.*s", (int)(cut - stem), stem);
			/* true exactly when the statement is the catalog's sentence; a
			 * false one is the sentence with its figure changed */
			assert_string_equal(key, strcmp(body, json_string_value(json_object_get(row, "plain"))) ? "F" : "T");
			snprintf(digits, sizeof(digits), "%lld",
				 (long long)json_integer_value(json_array_get(json_object_get(row, "values"), 0)));
			if (!strcmp(key, "F"))
				assert_false(has_number(body, digits));
			njudge++;
		}
	}
	assert_true(nvalue >= 10);
	assert_true(nsource >= 10);
	assert_true(njudge >= 10);
	/* one row by name: ADM-SUMMON-8H (8 hours) is asked as a figure */
	{
		int found = 0;

		json_array_foreach(jpath(r->json, "items"), i, it)
			if (!strcmp(json_string_value(json_object_get(it, "rule_code")), "ADM-SUMMON-8H") &&
			    !strcmp(json_string_value(json_object_get(it, "template")), "value")) {
				assert_string_equal(option_of(it, json_string_value(json_object_get(it, "answer"))), "8小时");
				found = 1;
			}
		assert_true(found);
	}
}

/* A question changed or made from a row no longer in the catalog is put
 * back in line by the next generation (stands in for a catalog edit). */
STORY(generated_questions_regenerate)
{
	struct resp *r;
	long long id;

	SQLITE_ONLY(srv, "edits the stored question directly");
	id = db_raw_int(srv->db, "SELECT id FROM exam_question WHERE gen_key = 'ADM-SUMMON-8H:value'", NULL);
	assert_true(id > 0);
	assert_int_equal(db_raw_exec(srv->db, "UPDATE exam_question SET answer = 'Z', stem = 'old' "
					      "WHERE gen_key = 'ADM-SUMMON-8H:value'"), 0);
	assert_int_equal(db_raw_exec(srv->db, "INSERT INTO exam_question(kind, stem, options, answer, rule_code, gen_key,"
					      " active, created_at, updated_at) VALUES ('judge','gone','[]','T','XX-GONE',"
					      "'XX-GONE:judge',1,0,0)"), 0);
	r = http(srv, S(srv, 0), "POST", API "/exam-questions/generate", NULL);
	EXPECT(r, 200);
	EXPECT_NUM(r, "added", 0);
	EXPECT_NUM(r, "updated", 1);
	EXPECT_NUM(r, "withdrawn", 1);
	assert_string_not_equal(db_raw_text(srv, srv->db, "SELECT stem FROM exam_question WHERE gen_key = 'ADM-SUMMON-8H:value'"),
				"old");
	assert_int_equal(db_raw_int(srv->db, "SELECT active FROM exam_question WHERE gen_key = 'XX-GONE:judge'", NULL), 0);
	/* the same id: sittings keep pointing at it */
	assert_int_equal(db_raw_int(srv->db, "SELECT id FROM exam_question WHERE gen_key = 'ADM-SUMMON-8H:value'", NULL), id);
}

static long long question(struct server *srv, const char *kind, const char *options, const char *answer)
{
	struct resp *r = http(srv, S(srv, 0), "POST", API "/exam-questions",
			      fmt(srv, "{\"kind\":\"%s\",\"stem\":\"测试题干\",\"options\":%s,\"answer\":\"%s\"}", kind,
				  options, answer));

	EXPECT(r, 201);
	return rnum(r, "question.id");
}

static long long paper(struct server *srv, const char *kind, const char *level, int minutes, const char *ids)
{
	struct resp *r = http(srv, S(srv, 0), "POST", API "/exam-papers",
			      level ? fmt(srv, "{\"title\":\"%s考试\",\"kind\":\"%s\",\"level\":\"%s\",\"time_limit_min\":%d,"
					       "\"pass_score\":60,\"question_ids\":%s}", level, kind, level, minutes, ids)
				    : fmt(srv, "{\"title\":\"月度考试\",\"kind\":\"%s\",\"time_limit_min\":%d,\"pass_score\":60,"
					       "\"question_ids\":%s}", kind, minutes, ids));

	EXPECT(r, 201);
	return rnum(r, "paper.id");
}

static json_t *officer_of(json_t *officers, const char *name)
{
	json_t *it;
	size_t i;

	json_array_foreach(officers, i, it)
		if (!strcmp(json_string_value(json_object_get(it, "user_name")), name))
			return it;
	return NULL;
}

STORY(exam_scored)
{
	long long q1, q2, q3, q4, p, s;
	struct resp *r;
	json_t *qs, *o;

	/* refusals of the bank: a single choice with two keys, a judge with options */
	r = http(srv, S(srv, 0), "POST", API "/exam-questions",
		 "{\"kind\":\"single\",\"stem\":\"题\",\"options\":[\"甲\",\"乙\"],\"answer\":\"AB\"}");
	assert_error(srv, r, 400, NULL);
	assert_string_equal(rstr(r, "error.field"), "answer");
	r = http(srv, S(srv, 0), "POST", API "/exam-questions",
		 "{\"kind\":\"judge\",\"stem\":\"题\",\"options\":[\"甲\"],\"answer\":\"T\"}");
	assert_error(srv, r, 400, NULL);
	assert_error(srv, http(srv, S(srv, 1), "POST", API "/exam-questions",
			       "{\"kind\":\"judge\",\"stem\":\"题\",\"options\":[],\"answer\":\"T\"}"), 403, NULL);

	q1 = question(srv, "single", "[\"甲\",\"乙\",\"丙\",\"丁\"]", "B");
	q2 = question(srv, "multiple", "[\"甲\",\"乙\",\"丙\",\"丁\"]", "CA"); /* stored as AC */
	q3 = question(srv, "judge", "[]", "F");
	q4 = question(srv, "single", "[\"甲\",\"乙\",\"丙\"]", "C");
	p = paper(srv, "formal", NULL, 30, fmt(srv, "[%lld,%lld,%lld,%lld]", q1, q2, q3, q4));
	assert_error(srv, http(srv, S(srv, 1), "POST", API "/exam-papers",
			       fmt(srv, "{\"title\":\"x\",\"kind\":\"formal\",\"time_limit_min\":5,\"count\":3}")), 403, NULL);

	r = http(srv, S(srv, 1), "POST", API "/exam-sittings", fmt(srv, "{\"paper_id\":%lld}", p));
	EXPECT(r, 201);
	s = rnum(r, "sitting.id");
	qs = jpath(r->json, "sitting.questions");
	assert_int_equal(json_array_size(qs), 4);
	/* the keys are not sent before submission */
	assert_null(json_object_get(json_array_get(qs, 0), "key"));
	assert_null(json_object_get(json_array_get(qs, 0), "answer"));
	/* another officer may not answer it */
	assert_error(srv, http(srv, S(srv, 2), "POST", fmt(srv, API "/exam-sittings/%lld/submit", s),
			       fmt(srv, "{\"answers\":[{\"question_id\":%lld,\"answer\":\"B\"}]}", q1)), 403, NULL);
	/* q1 right, q2 right in another order, q3 wrong, q4 not answered: 2 of 4 = 50, below 60 */
	r = http(srv, S(srv, 1), "POST", fmt(srv, API "/exam-sittings/%lld/submit", s),
		 fmt(srv, "{\"answers\":[{\"question_id\":%lld,\"answer\":\"B\"},{\"question_id\":%lld,\"answer\":\"CA\"},"
			  "{\"question_id\":%lld,\"answer\":\"T\"}]}", q1, q2, q3));
	EXPECT(r, 200);
	EXPECT_NUM(r, "sitting.correct", 2);
	EXPECT_NUM(r, "sitting.score", 50);
	EXPECT_BOOL(r, "sitting.passed", 0);
	assert_string_equal(json_string_value(json_object_get(json_array_get(jpath(r->json, "sitting.questions"), 1), "key")), "AC");
	/* once only, and one sitting per paper */
	assert_error(srv, http(srv, S(srv, 1), "POST", fmt(srv, API "/exam-sittings/%lld/submit", s), "{\"answers\":[]}"),
		     409, "EXAM_SUBMITTED");
	assert_error(srv, http(srv, S(srv, 1), "POST", API "/exam-sittings", fmt(srv, "{\"paper_id\":%lld}", p)), 409,
		     "EXAM_TAKEN");
	/* minjing2: all four right = 100 */
	r = http(srv, S(srv, 2), "POST", API "/exam-sittings", fmt(srv, "{\"paper_id\":%lld}", p));
	EXPECT(r, 201);
	r = http(srv, S(srv, 2), "POST", fmt(srv, API "/exam-sittings/%lld/submit", rnum(r, "sitting.id")),
		 fmt(srv, "{\"answers\":[{\"question_id\":%lld,\"answer\":\"B\"},{\"question_id\":%lld,\"answer\":\"AC\"},"
			  "{\"question_id\":%lld,\"answer\":\"F\"},{\"question_id\":%lld,\"answer\":\"C\"}]}", q1, q2, q3, q4));
	EXPECT_NUM(r, "sitting.score", 100);
	EXPECT_BOOL(r, "sitting.passed", 1);

	/* results: the officer sees his own; the chief the station's */
	r = http(srv, S(srv, 1), "GET", API "/exam-results?from=2000-01-01", NULL);
	EXPECT(r, 200);
	EXPECT_BOOL(r, "unit_wide", 0);
	o = officer_of(jpath(r->json, "officers"), "李明");
	assert_non_null(o);
	assert_null(officer_of(jpath(r->json, "officers"), "张伟"));
	r = http(srv, S(srv, 3), "GET", API "/exam-results", NULL);
	EXPECT(r, 200);
	o = officer_of(jpath(r->json, "officers"), "李明");
	assert_non_null(o);
	/* the demo's past formal exam counts too: compare with this paper's row */
	{
		json_t *it;
		size_t i;
		int seen = 0;

		json_array_foreach(jpath(r->json, "items"), i, it)
			if (json_integer_value(json_object_get(it, "id")) == s) {
				assert_int_equal(json_integer_value(json_object_get(it, "score")), 50);
				assert_string_equal(json_string_value(json_object_get(it, "status")), "submitted");
				seen = 1;
			}
		assert_true(seen);
	}
	assert_true(json_integer_value(json_object_get(officer_of(jpath(r->json, "officers"), "张伟"), "best")) == 100);
	/* the chief reads the sitting with keys; another station's chief may not */
	EXPECT(http(srv, S(srv, 3), "GET", fmt(srv, API "/exam-sittings/%lld", s), NULL), 200);
	assert_error(srv, http(srv, login(srv, "beishe_sz", DEMO_PW), "GET", fmt(srv, API "/exam-sittings/%lld", s), NULL),
		     403, NULL);
}

STORY(time_limit_enforced)
{
	long long q1 = question(srv, "judge", "[]", "T"), p, s;
	struct resp *r;

	p = paper(srv, "formal", NULL, 10, fmt(srv, "[%lld]", q1));
	r = http(srv, S(srv, 1), "POST", API "/exam-sittings", fmt(srv, "{\"paper_id\":%lld}", p));
	EXPECT(r, 201);
	s = rnum(r, "sitting.id");
	assert_int_equal(rnum(r, "sitting.deadline_at") - rnum(r, "sitting.started_at"), 600);
	/* on the last second it is still taken … */
	r = http(srv, S(srv, 2), "POST", API "/exam-sittings", fmt(srv, "{\"paper_id\":%lld}", p));
	EXPECT(r, 201);
	/* the clock stopped on the deadline's own second: a loaded machine
	 * may take more than a second to answer */
	clock_freeze_at(srv, rnum(r, "sitting.deadline_at"));
	EXPECT(http(srv, S(srv, 2), "POST", fmt(srv, API "/exam-sittings/%lld/submit", rnum(r, "sitting.id")),
		    fmt(srv, "{\"answers\":[{\"question_id\":%lld,\"answer\":\"T\"}]}", q1)), 200);
	/* … one second after the limit it is refused, and counts as 0 */
	clock_advance(srv, 2);
	r = http(srv, S(srv, 1), "POST", fmt(srv, API "/exam-sittings/%lld/submit", s),
		 fmt(srv, "{\"answers\":[{\"question_id\":%lld,\"answer\":\"T\"}]}", q1));
	assert_error(srv, r, 409, "EXAM_TIME_UP");
	r = http(srv, S(srv, 1), "GET", fmt(srv, API "/exam-sittings/%lld", s), NULL);
	EXPECT(r, 200);
	EXPECT_BOOL(r, "sitting.expired", 1);
	EXPECT_BOOL(r, "sitting.submitted", 0);
	r = http(srv, S(srv, 1), "GET", API "/exam-results", NULL);
	{
		json_t *it;
		size_t i;
		int seen = 0;

		json_array_foreach(jpath(r->json, "items"), i, it)
			if (json_integer_value(json_object_get(it, "id")) == s) {
				assert_string_equal(json_string_value(json_object_get(it, "status")), "expired");
				seen = 1;
			}
		assert_true(seen);
	}

	/* a practice: the setting's number of questions unless asked, its own limit */
	r = http(srv, S(srv, 2), "POST", API "/exam-sittings", "{\"count\":5}");
	EXPECT(r, 201);
	assert_int_equal(json_array_size(jpath(r->json, "sitting.questions")), 5);
	EXPECT_STR(r, "sitting.kind", "practice");
	assert_int_equal(rnum(r, "sitting.deadline_at") - rnum(r, "sitting.started_at"), 20 * 60);
	s = rnum(r, "sitting.id");
	r = http(srv, S(srv, 2), "POST", fmt(srv, API "/exam-sittings/%lld/submit", s), "{\"answers\":[]}");
	EXPECT(r, 200);
	EXPECT_NUM(r, "sitting.score", 0);
	EXPECT_NUM(r, "sitting.total", 5);
}

STORY(qualification_levels)
{
	long long q1 = question(srv, "judge", "[]", "T"), basic, mid;
	struct resp *r;

	basic = paper(srv, "qualification", "basic", 60, fmt(srv, "[%lld]", q1));
	mid = paper(srv, "qualification", "intermediate", 60, fmt(srv, "[%lld]", q1));
	/* TEAM-QUAL-LEVELS: 中级 only after 基本级 (minjing3 has none in the demo) */
	r = http(srv, S(srv, 5), "POST", API "/exam-sittings", fmt(srv, "{\"paper_id\":%lld}", mid));
	EXPECT_RULE(srv, r, "TEAM-QUAL-LEVELS");
	/* an auxiliary is no police officer: no qualification exam */
	assert_error(srv, http(srv, S(srv, 4), "POST", API "/exam-sittings", fmt(srv, "{\"paper_id\":%lld}", basic)), 403,
		     NULL);
	r = http(srv, S(srv, 5), "POST", API "/exam-sittings", fmt(srv, "{\"paper_id\":%lld}", basic));
	EXPECT(r, 201);
	r = http(srv, S(srv, 5), "POST", fmt(srv, API "/exam-sittings/%lld/submit", rnum(r, "sitting.id")),
		 fmt(srv, "{\"answers\":[{\"question_id\":%lld,\"answer\":\"T\"}]}", q1));
	EXPECT_BOOL(r, "sitting.passed", 1);
	EXPECT_STR(r, "sitting.level", "basic");
	EXPECT(http(srv, S(srv, 5), "POST", API "/exam-sittings", fmt(srv, "{\"paper_id\":%lld}", mid)), 201);
	r = http(srv, S(srv, 3), "GET", API "/exam-results", NULL);
	EXPECT(r, 200);
	assert_string_equal(json_string_value(json_object_get(officer_of(jpath(r->json, "officers"), "刘强"),
								"qualification")), "basic");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(generated_questions_follow_catalog, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(generated_questions_regenerate, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(exam_scored, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(time_limit_enforced, story_setup, teardown_server),
		cmocka_unit_test_setup_teardown(qualification_levels, story_setup, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
