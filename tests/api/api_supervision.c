/* api_supervision.c — 执法监督与警务公开 (issue 15 part A), driven over HTTP
 * against the demo county (src/seed/seed_supervision.c). Expected figures
 * are worked out by hand from the seed:
 *   - 城关 visits suspects too (return_visit.suspects on for 城关); its
 *     closed or archived cases and parties owed a visit: case 8 suspect
 *     (main officer 李明, visited, satisfaction 2), case 9 suspect (张伟,
 *     still due), case 13 reporter (张伟, visited, 5), case 14 suspect
 *     (李明, visited, not reached), and the archive room's two cases of
 *     src/seed/seed_archives.c (扰乱公共场所秩序, closed in the last weeks,
 *     main officer 李明, co 张伟): their reporter and suspect each, 4 still
 *     due. So 城关 owes 8, reached 2, 5 due: 回访率 25.0 %, satisfaction
 *     (5 + 2) / 2 = 3.5; 李明 owes 6 (2 visited, 1 reached: 2.0), 张伟 2.
 *   - two 复议 at 城关 (cases 8 and 14), the one on 14 upheld, and the
 *     suit that followed it.
 *   - case 5 (殴打他人) was acted on by 李明 (main), 张伟 (co, questioning),
 *     赵丽 (the station's 法制员, whose review opens a chain going up to
 *     the county: ADM-LEGAL-REVIEW) and 王建华 (approved it up to the
 *     bureau): its complaint's trace lists exactly these four.
 * Rules proved here: SUP-CARD, SUP-XINFANG, SUP-XF-REVIEW, SUP-XF-RECHECK,
 * SUP-FY-60, SUP-FY-ANSWER, SUP-SS-EVID-15, SUP-PC-DECIDE-2M,
 * SUP-RETURN-VISIT, SUP-INTERFERE-LEADER, SUP-GC-DEF. */
#include "harness.h"
/* the clock helpers: this file uses some of them */
#pragma GCC diagnostic ignored "-Wunused-function"
#include "clock_util.h"

#include "core/buf.h"
#include "core/xlsx.h"
#include "store/db.h"

#include <stdlib.h>
#include <string.h>

static long long q1(struct server *srv, const char *sql)
{
	return db_raw_int(srv->db, sql, NULL);
}

static long long station(struct server *srv, const char *name)
{
	return db_raw_int(srv->db, "SELECT id FROM org_unit WHERE name = ?1", name);
}

/* Every name, ID number and phone of a person in the database and every
 * case text of the demo: none may appear in a public answer. */
static void scan_public(struct server *srv, const char *what, const char *body)
{
	static const char *const case_text[] = { "盗窃电动车电瓶", "殴打他人", "扰乱公共场所秩序", "邻里纠纷",
						  "寻衅滋事", "入室盗窃", "幸福小区", "汽车站", NULL };
	struct db *db = NULL;
	struct db_stmt *st = NULL;
	struct ps_err e;

	/* through the store: the same query on SQLite and on PostgreSQL */
	ps_err_clear(&e);
	assert_int_equal(db_open(srv->db, &db, &e), PS_OK);
	assert_int_equal(db_prepare(db,
				    "SELECT name FROM person UNION SELECT id_number FROM person"
				    " UNION SELECT phone FROM person UNION SELECT contact_name FROM complaint"
				    " UNION SELECT contact_phone FROM complaint UNION SELECT content FROM complaint",
				    &st, &e),
			 PS_OK);
	while (db_step(st, &e) == PS_ROW) {
		const char *v = db_column_text(st, 0);

		if (v && strlen(v) >= 2 && strstr(body, v))
			fail_msg("%s carries \"%s\": %.400s", what, v, body);
	}
	db_finalize(st);
	db_close(db);
	for (int i = 0; case_text[i]; i++)
		if (strstr(body, case_text[i]))
			fail_msg("%s carries \"%s\": %.400s", what, case_text[i], body);
}

static json_t *find_code(json_t *arr, const char *code)
{
	json_t *it;
	size_t i;

	json_array_foreach(arr, i, it)
		if (strcmp(jstr(it, "code"), code) == 0)
			return it;
	return NULL;
}

/* The 警务公开 page needs no login; its limits are the catalog's rows in
 * their public words, its phones and texts the station's settings. */
STORY(public_notice_comes_from_the_catalog_and_the_settings)
{
	long long cg = station(srv, "城关派出所");
	struct resp *cat = http(srv, NULL, "GET", API "/catalog/public", NULL);
	struct resp *r = http(srv, NULL, "GET", API "/public/stations", NULL);
	json_t *it, *rule;
	size_t i;
	int found = 0;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		found += strcmp(jstr(it, "name"), "城关派出所") == 0;
	assert_int_equal(found, 1);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 9);

	r = http(srv, NULL, "GET", fmt(srv, API "/public/stations/%lld", cg), NULL);
	EXPECT(r, 200);
	EXPECT_STR(r, "name", "城关派出所");
	EXPECT_STR(r, "supervision_phone", "0351-1234110");
	EXPECT_STR(r, "bureau_complaint_phone", "12389");
	assert_true(strlen(rstr(r, "opening_hours")) > 0);
	assert_true(json_array_size(jpath(r->json, "case_scope")) == 4);
	assert_true(json_array_size(jpath(r->json, "complaint_channels")) == 3);
	assert_true(json_array_size(jpath(r->json, "contact_card")) == 3);
	/* every limit is the catalog's own sentence */
	rule = find_code(jpath(r->json, "time_limits"), "ADM-SUMMON-8H");
	assert_non_null(rule);
	json_array_foreach(jpath(cat->json, "rules"), i, it)
		if (strcmp(jstr(it, "code"), "ADM-SUMMON-8H") == 0)
			assert_string_equal(jstr(rule, "plain"), jstr(it, "plain"));
	assert_non_null(find_code(jpath(r->json, "remedies"), "SUP-XINFANG"));
	assert_non_null(find_code(jpath(r->json, "remedies"), "SUP-FY-60"));
	assert_non_null(find_code(jpath(r->json, "remedies"), "SUP-SS-6M"));
	assert_null(find_code(jpath(r->json, "time_limits"), "SUP-XINFANG"));
	/* a rule out of force is not shown: the 2012 tier of the 2026 law */
	assert_null(find_code(jpath(r->json, "time_limits"), "AUTH-1"));
	scan_public(srv, "GET /public/stations/{id}", r->body);

	/* a station's own phone: the setting, nothing written in the web */
	EXPECT(http(srv, login(srv, "admin", DEMO_PW), "PUT", API "/settings/station.supervision_phone",
		    fmt(srv, "{\"value\":\"0351-9999000\",\"unit_id\":%lld}", cg)),
	       200);
	r = http(srv, NULL, "GET", fmt(srv, API "/public/stations/%lld", cg), NULL);
	EXPECT_STR(r, "supervision_phone", "0351-9999000");
	r = http(srv, NULL, "GET", fmt(srv, API "/public/stations/%lld", station(srv, "北社派出所")), NULL);
	EXPECT_STR(r, "supervision_phone", "0351-1234110");
	/* not a station */
	r = http(srv, NULL, "GET", fmt(srv, API "/public/stations/%lld", station(srv, "督察大队")), NULL);
	assert_error(srv, r, 404, "NOT_FOUND");
}

/* The case-progress query under /public answers as /progress does. */
STORY(public_progress_is_the_progress_query)
{
	const char *code = db_raw_text(srv, srv->db, "SELECT receipt_code FROM police_case WHERE title = '殴打他人'");
	struct resp *r = http(srv, NULL, "POST", API "/public/progress",
			      fmt(srv, "{\"receipt_code\":\"%s\",\"phone_last4\":\"1111\"}", code));

	EXPECT(r, 200);
	EXPECT_STR(r, "status", "approving");
	scan_public(srv, "POST /public/progress", r->body);
	r = http(srv, NULL, "POST", API "/public/progress",
		 fmt(srv, "{\"receipt_code\":\"%s\",\"phone_last4\":\"1112\"}", code));
	assert_error(srv, r, 404, "NOT_FOUND");
	assert_int_equal(q1(srv, "SELECT COUNT(*) FROM audit WHERE action = 'case.progress_query'"), 2);
}

static struct resp *cquery(struct server *srv, const char *code, const char *digits)
{
	return http(srv, NULL, "POST", API "/public/complaints/query",
		    fmt(srv, "{\"tracking_code\":\"%s\",\"phone_last4\":\"%s\"}", code, digits));
}

/* A member of the public files a complaint and follows it by its tracking
 * code and phone digits: the stage and dates only; wrong answers are one
 * answer, bursts are limited, everything is audited. */
STORY(public_complaint_is_filed_and_followed)
{
	long long cg = station(srv, "城关派出所");
	const char *receipt = db_raw_text(srv, srv->db, "SELECT receipt_code FROM police_case WHERE id = 1");
	struct resp *r = http(srv, NULL, "POST", API "/public/complaints",
			      fmt(srv, "{\"station_id\":%lld,\"content\":\"办案民警态度不好，报案后一直没有回音。\","
				       "\"receipt_code\":\"%s\",\"contact_name\":\"吴女士\",\"contact_phone\":\"137-1234-5678\"}",
				  cg, receipt));
	const char *code, *key;
	json_t *v;
	static const char *const allowed[] = { "status", "status_label", "received_at", "accepted_at", "extended_at",
					       "finished_at", "review_requested_at", "review_answered_at",
					       "recheck_requested_at", "recheck_answered_at", "unit_name", "unit_phone",
					       NULL };

	EXPECT(r, 201);
	code = fmt(srv, "%s", rstr(r, "tracking_code"));
	assert_int_equal(strlen(code), 10);
	assert_null(jpath(r->json, "case_no"));
	scan_public(srv, "POST /public/complaints", r->body);
	/* linked to the case of the receipt code, without saying so */
	assert_int_equal(db_raw_int(srv->db, "SELECT case_id FROM complaint WHERE tracking_code = ?1", code), 1);

	r = cquery(srv, code, "5678");
	EXPECT(r, 200);
	assert_string_equal(resp_header(srv, r, "Cache-Control"), "no-store");
	EXPECT_STR(r, "status", "received");
	EXPECT_STR(r, "status_label", "已登记");
	EXPECT_STR(r, "unit_name", "城关派出所");
	json_object_foreach(r->json, key, v) {
		int ok = 0;

		for (int i = 0; allowed[i]; i++)
			ok |= strcmp(key, allowed[i]) == 0;
		if (!ok)
			fail_msg("the public answer carries \"%s\": %s", key, r->body);
	}
	scan_public(srv, "POST /public/complaints/query", r->body);

	/* the station accepts it: the public sees the stage move */
	{
		long long id = db_raw_int(srv->db, "SELECT id FROM complaint WHERE tracking_code = ?1", code);

		EXPECT(http(srv, login(srv, "suozhang", DEMO_PW), "POST", fmt(srv, API "/complaints/%lld/accept", id), "{}"),
		       200);
		r = cquery(srv, code, "5678");
		EXPECT_STR(r, "status_label", "已受理");
		assert_true(rnum(r, "accepted_at") > 0);
	}

	/* wrong digits and an unknown code: one answer, audited apart */
	{
		struct resp *a = cquery(srv, code, "5679"), *b = cquery(srv, "ZZZZZZZZZZ", "5678");

		assert_error(srv, a, 404, "NOT_FOUND");
		assert_error(srv, b, 404, "NOT_FOUND");
		assert_string_equal(rstr(a, "error.message"), rstr(b, "error.message"));
		scan_public(srv, "a refused query", a->body);
	}
	assert_int_equal(q1(srv, "SELECT COUNT(*) FROM audit WHERE action = 'complaint.query_public' AND outcome = 'denied'"),
			 2);
	assert_int_equal(q1(srv, "SELECT COUNT(*) FROM audit WHERE action = 'complaint.query_public'"
				 " AND (detail LIKE '%5678%' OR detail LIKE '%5679%')"),
			 0);
	/* a burst: 5 failures from this address in the window, then 429 even
	 * for the right digits */
	for (int i = 0; i < 3; i++)
		assert_error(srv, cquery(srv, code, "0000"), 404, "NOT_FOUND");
	r = cquery(srv, code, "5678");
	assert_error(srv, r, 429, "TOO_MANY_REQUESTS");
	assert_true(strlen(resp_header(srv, r, "Retry-After")) > 0);
	assert_int_equal(q1(srv, "SELECT COUNT(*) FROM audit WHERE action = 'complaint.query_public' AND outcome = 'denied'"
				 " AND detail LIKE '%rate limited%'"),
			 1);

	/* filing is limited per address too (public.complaint_max_per_hour) */
	EXPECT(http(srv, login(srv, "admin", DEMO_PW), "PUT", API "/settings/public.complaint_max_per_hour", "{\"value\":2}"),
	       200);
	EXPECT(http(srv, NULL, "POST", API "/public/complaints",
		    fmt(srv, "{\"station_id\":%lld,\"content\":\"第二次反映同一个问题，请尽快处理。\",\"contact_phone\":\"13712345678\"}", cg)),
	       201);
	r = http(srv, NULL, "POST", API "/public/complaints",
		 fmt(srv, "{\"station_id\":%lld,\"content\":\"第三次反映同一个问题，请尽快处理。\",\"contact_phone\":\"13712345678\"}", cg));
	assert_error(srv, r, 429, "TOO_MANY_REQUESTS");
	assert_int_equal(q1(srv, "SELECT COUNT(*) FROM audit WHERE action = 'complaint.file_public' AND outcome = 'denied'"), 1);
	/* a form error is a form error */
	r = http(srv, NULL, "POST", API "/public/complaints", fmt(srv, "{\"station_id\":%lld,\"content\":\"短\"}", cg));
	assert_error(srv, r, 400, NULL);
}

/* The 信访 chain and its clocks (SUP-XINFANG, SUP-XF-REVIEW,
 * SUP-XF-RECHECK); a breach of a station's step names its chief. */
STORY(complaint_chain_runs_on_its_clocks)
{
	struct resp *r;
	long long id;
	const char *key;
	json_t *b, *p;
	size_t i;
	int chief = 0;
	int64_t due;

	clocks_begin(srv);
	r = http(srv, S("neiqin"), "POST", API "/complaints",
		 "{\"scope\":\"own\",\"channel\":\"visit\",\"kind\":\"petition\",\"content\":\"来访反映派出所不给办理居住证。\","
		 "\"contact_name\":\"来访人\",\"contact_phone\":\"13500001234\"}");
	EXPECT(r, 201);
	id = rnum(r, "id");
	EXPECT_STR(r, "status", "received");
	key = fmt(srv, "complaint:%lld:notice", id);
	/* the notice is due in 15 days: on the chief's board, not an officer's */
	due = deadline_of(srv, "suozhang", key);
	assert_true(due >= (int64_t)time(NULL) + srv->clock_offset + 15 * DAY - DAY);
	EXPECT_LEVEL("minjing1", "?level=all", key, "-");
	EXPECT_STR(http(srv, S("suozhang"), "GET", API "/warnings?level=all", NULL), "items.0.unit_name", "城关派出所");
	p = warning(srv, "suozhang", "?level=all", key);
	assert_string_equal(jstr(p, "rule"), "SUP-XINFANG");

	/* past the deadline it is a breach (a 15th day on a weekend or holiday
	 * moves the deadline: the board's deadline is the one to pass): the
	 * station's step, its chief answers */
	clock_advance(srv, due - ((int64_t)time(NULL) + srv->clock_offset) + 3600);
	b = breach(srv, "ducha", key);
	assert_non_null(b);
	json_array_foreach(json_object_get(b, "responsible"), i, p)
		chief += strcmp(jstr(p, "name"), "王建华") == 0;
	assert_int_equal(chief, 1);
	assert_int_equal(json_array_size(json_object_get(b, "responsible")), 1);
	/* responsibility follows the person, not the chair (SUP-GC-LIFETIME):
	 * a chief appointed after the breach does not answer for it */
	EXPECT(http(srv, login(srv, "admin", DEMO_PW), "POST", API "/users",
		    fmt(srv, "{\"username\":\"xinsuozhang\",\"name\":\"新所长\",\"role\":\"chief\","
			     "\"unit_id\":%lld,\"password\":\"Xinsuo#Start-2026\"}",
			q1(srv, "SELECT id FROM org_unit WHERE name = '城关派出所'"))),
	       201);
	b = breach(srv, "ducha", key);
	assert_int_equal(json_array_size(json_object_get(b, "responsible")), 1);
	assert_string_equal(jstr(json_array_get(json_object_get(b, "responsible"), 0), "name"), "王建华");

	/* an officer cannot handle it; the chief can */
	EXPECT(http(srv, S("minjing1"), "POST", fmt(srv, API "/complaints/%lld/accept", id), "{}"), 403);
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/accept", id), "{}"), 200);
	key = fmt(srv, "complaint:%lld:finish", id);
	assert_true(deadline_of(srv, "suozhang", key) > 0);
	{
		int64_t d60 = deadline_of(srv, "suozhang", key);

		/* the extension: the chief, once, with the reason: +30 days */
		EXPECT_ERR(srv, http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/extend", id), "{}"), 400,
			   NULL, NULL);
		EXPECT_ERR(srv, http(srv, S("fazhi"), "POST", fmt(srv, API "/complaints/%lld/extend", id), "{\"note\":\"情况复杂\"}"),
			   403, "CHIEF_ONLY", "SUP-XINFANG");
		EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/extend", id),
			    "{\"note\":\"需调取户籍档案核实，情况复杂\"}"),
		       200);
		/* +30 days; the 60th day may itself have been moved past a weekend
		 * or holiday (up to 8 days at the Spring Festival) that the 90th is
		 * not, so the two differ by 22–30 days */
		assert_true(deadline_of(srv, "suozhang", key) - d60 >= 22 * DAY);
		assert_true(deadline_of(srv, "suozhang", key) - d60 <= 31 * DAY);
		EXPECT_ERR(srv, http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/extend", id),
				     "{\"note\":\"再次延长\"}"),
			   409, "ALREADY_EXTENDED", "SUP-XINFANG");
	}
	/* finishing needs the 处理意见 and the finding */
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/finish", id), "{\"finding\":\"unfounded\"}"),
	       400);
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/finish", id),
		    "{\"facts\":\"经核实的事实。\",\"basis\":\"《信访工作条例》第三十二条\",\"finding\":\"unfounded\",\"note\":\"经核实，申请材料不全，已一次告知补齐材料，不属实。\"}"),
	       200);
	/* 复查 (30 days) and 复核 (30 days), then the chain is closed */
	EXPECT(http(srv, S("ducha"), "POST", fmt(srv, API "/complaints/%lld/recheck", id), "{}"), 409);
	EXPECT(http(srv, S("ducha"), "POST", fmt(srv, API "/complaints/%lld/review", id), "{}"), 200);
	p = warning(srv, "ducha", "?level=all", fmt(srv, "complaint:%lld:review", id));
	assert_non_null(p);
	assert_string_equal(jstr(p, "rule"), "SUP-XF-REVIEW");
	EXPECT(http(srv, S("ducha"), "POST", fmt(srv, API "/complaints/%lld/review_answer", id),
		    "{\"note\":\"复查意见：维持原处理意见。\"}"),
	       200);
	/* 复核 is asked within 30 days of the 复查 opinion (SUP-XF-RECHECK);
	 * a 30th day on a weekend or holiday moves the end, so 40 days on */
	clock_advance(srv, 40 * DAY);
	EXPECT_ERR(srv, http(srv, S("ducha"), "POST", fmt(srv, API "/complaints/%lld/recheck", id), "{}"), 409,
		   "RECHECK_TOO_LATE", "SUP-XF-RECHECK");
	/* (the clock cannot go back: the rest of the chain on a second one) */
	EXPECT(http(srv, S("ducha"), "POST", fmt(srv, API "/complaints/%lld/recheck", id), "{}"), 409);
	r = http(srv, S("neiqin"), "POST", API "/complaints",
		 "{\"scope\":\"own\",\"channel\":\"letter\",\"kind\":\"complaint\",\"content\":\"第二件来信。\"}");
	EXPECT(r, 201);
	id = rnum(r, "id");
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/accept", id), "{}"), 200);
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/finish", id),
		    "{\"facts\":\"经核实的事实。\",\"basis\":\"《信访工作条例》第三十二条\",\"finding\":\"unfounded\",\"note\":\"不属实。\"}"),
	       200);
	/* 复查 is asked within 30 days of the reply (SUP-XF-REVIEW), 40 days on */
	clock_advance(srv, 40 * DAY);
	EXPECT_ERR(srv, http(srv, S("ducha"), "POST", fmt(srv, API "/complaints/%lld/review", id), "{}"), 409,
		   "REVIEW_TOO_LATE", "SUP-XF-REVIEW");
	r = http(srv, S("neiqin"), "POST", API "/complaints",
		 "{\"scope\":\"own\",\"channel\":\"letter\",\"kind\":\"complaint\",\"content\":\"第三件来信。\"}");
	id = rnum(r, "id");
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/accept", id), "{}"), 200);
	/* found true, it names who is responsible (信访责任倒查), each once,
	 * and never the one who finishes it */
	r = http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/finish", id),
		 "{\"facts\":\"经核实的事实。\",\"basis\":\"《信访工作条例》第三十二条\",\"finding\":\"founded\",\"note\":\"属实。\"}");
	EXPECT_ERR(srv, r, 400, "INVALID_FIELD", NULL);
	EXPECT_STR(r, "error.field", "officers");
	r = http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/finish", id),
		 fmt(srv, "{\"facts\":\"经核实的事实。\",\"basis\":\"依据\",\"finding\":\"founded\",\"note\":\"属实。\","
			  "\"officers\":[{\"user_id\":%lld,\"finding\":\"founded\"}]}",
		     db_raw_int(srv->db, "SELECT id FROM users WHERE username = ?1", "suozhang")));
	EXPECT_ERR(srv, r, 409, "RECUSED", NULL);
	{
		long long li = db_raw_int(srv->db, "SELECT id FROM users WHERE username = ?1", "minjing1");

		r = http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/finish", id),
			 fmt(srv, "{\"facts\":\"经核实的事实。\",\"basis\":\"依据\",\"finding\":\"founded\",\"note\":\"属实。\","
				  "\"officers\":[{\"user_id\":%lld,\"finding\":\"founded\"},{\"user_id\":%lld,\"finding\":\"unfounded\"}]}",
			     li, li));
		EXPECT_ERR(srv, r, 400, "INVALID_FIELD", NULL);
	}
	EXPECT(http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/finish", id),
		    "{\"facts\":\"经核实的事实。\",\"basis\":\"《信访工作条例》第三十二条\",\"finding\":\"unfounded\",\"note\":\"不属实。\"}"),
	       200);
	EXPECT(http(srv, S("ducha"), "POST", fmt(srv, API "/complaints/%lld/review", id), "{}"), 200);
	/* the 复查 is the bureau's, not the station's own */
	EXPECT_ERR(srv,
		   http(srv, S("suozhang"), "POST", fmt(srv, API "/complaints/%lld/review_answer", id),
			"{\"note\":\"维持。\"}"),
		   403, "NOT_ABOVE", "SUP-XF-REVIEW");
	EXPECT(http(srv, S("ducha"), "POST", fmt(srv, API "/complaints/%lld/review_answer", id),
		    "{\"note\":\"维持。\"}"),
	       200);
	/* and it is asked once: then comes the 复核 */
	EXPECT_ERR(srv, http(srv, S("ducha"), "POST", fmt(srv, API "/complaints/%lld/review", id), "{}"), 409,
		   "ALREADY_REVIEWED", "SUP-XF-REVIEW");
	EXPECT(http(srv, S("ducha"), "POST", fmt(srv, API "/complaints/%lld/recheck", id), "{}"), 200);
	p = warning(srv, "ducha", "?level=all", fmt(srv, "complaint:%lld:recheck", id));
	assert_non_null(p);
	assert_string_equal(jstr(p, "rule"), "SUP-XF-RECHECK");
	r = http(srv, S("ducha"), "POST", fmt(srv, API "/complaints/%lld/recheck_answer", id),
		 "{\"note\":\"复核意见：维持。\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "status", "closed");
	EXPECT(http(srv, S("ducha"), "POST", fmt(srv, API "/complaints/%lld/review", id), "{}"), 409);
	/* another station's complaint is refused and audited */
	r = http(srv, S("beishe_sz"), "GET", fmt(srv, API "/complaints/%lld", id), NULL);
	EXPECT(r, 403);
}

/* The responsibility trace lists exactly the people in the case's history;
 * a founded finding against some of them opens a 执法过错 review. */
STORY(complaint_trace_lists_exactly_the_case_people)
{
	struct session *sz = login(srv, "suozhang", DEMO_PW);
	long long id = q1(srv, "SELECT id FROM complaint WHERE case_id = (SELECT id FROM police_case WHERE title = '殴打他人')");
	long long liming = q1(srv, "SELECT id FROM users WHERE username = 'minjing1'");
	long long zhangwei = q1(srv, "SELECT id FROM users WHERE username = 'minjing2'");
	struct resp *r = http(srv, sz, "GET", fmt(srv, API "/complaints/%lld", id), NULL);
	const char *want[] = { "李明", "张伟", "赵丽", "王建华" };
	json_t *p;
	size_t i;

	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "trace")), 4);
	for (int w = 0; w < 4; w++) {
		int n = 0;

		json_array_foreach(jpath(r->json, "trace"), i, p)
			n += strcmp(jstr(p, "name"), want[w]) == 0 && json_array_size(json_object_get(p, "acts")) > 0;
		if (n != 1)
			fail_msg("%s is not once in the trace: %s", want[w], r->body);
	}
	/* the reader of the case (the 督察 who read it) did not act on it */
	EXPECT(http(srv, login(srv, "ducha", DEMO_PW), "GET", API "/cases/5", NULL), 200);
	r = http(srv, sz, "GET", fmt(srv, API "/complaints/%lld", id), NULL);
	assert_int_equal(json_array_size(jpath(r->json, "trace")), 4);

	/* the finding: partly founded against 李明, not founded against 张伟 */
	r = http(srv, sz, "POST", fmt(srv, API "/complaints/%lld/finish", id),
		 fmt(srv, "{\"facts\":\"经核实的事实。\",\"basis\":\"《信访工作条例》第三十二条\",\"finding\":\"partly\",\"note\":\"嫌疑人未及时处理属实，偏袒不属实。\","
			  "\"officers\":[{\"user_id\":%lld,\"finding\":\"partly\"},{\"user_id\":%lld,\"finding\":\"unfounded\"}]}",
		     liming, zhangwei));
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "officers")), 2);
	assert_int_equal(q1(srv, fmt(srv, "SELECT COUNT(*) FROM fault_finding f JOIN fault_officer o ON o.finding_id = f.id"
					 " WHERE f.source = 'complaint' AND f.source_id = %lld AND f.status = 'open'"
					 " AND o.user_id = %lld", id, liming)),
			 1);
	assert_int_equal(q1(srv, fmt(srv, "SELECT COUNT(*) FROM fault_officer o JOIN fault_finding f ON f.id = o.finding_id"
					 " WHERE f.source = 'complaint' AND f.source_id = %lld", id)),
			 1);
}

/* 回访率 and satisfaction per station and per officer, by hand (see the
 * head of this file); a dissatisfied answer waits for the chief. */
STORY(return_visit_rate_and_satisfaction)
{
	struct session *sz = login(srv, "suozhang", DEMO_PW), *mj2 = login(srv, "minjing2", DEMO_PW);
	long long k9 = q1(srv, "SELECT id FROM police_case WHERE case_no LIKE '%行〔2026〕00009号'");
	long long p9 = q1(srv, fmt(srv, "SELECT id FROM case_party WHERE case_id = %lld AND role = 'suspect'", k9));
	struct resp *r = http(srv, sz, "GET", API "/return-visits/stats", NULL);
	json_t *s = NULL, *o, *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "stations"), i, it)
		if (strcmp(jstr(it, "unit_name"), "城关派出所") == 0)
			s = it;
	assert_non_null(s);
	assert_int_equal(jint(s, "owed"), 8);
	assert_int_equal(jint(s, "reached"), 2);
	assert_int_equal(jint(s, "due"), 5);
	assert_true(json_real_value(json_object_get(s, "rate_pct")) == 25.0);
	assert_true(json_real_value(json_object_get(s, "satisfaction_avg")) == 3.5);
	json_array_foreach(jpath(r->json, "officers"), i, o) {
		if (strcmp(jstr(o, "name"), "李明") == 0) {
			assert_int_equal(jint(o, "owed"), 6);
			assert_int_equal(jint(o, "reached"), 1);
			assert_int_equal(jint(o, "due"), 4);
			assert_true(json_real_value(json_object_get(o, "rate_pct")) == 16.7);
			assert_true(json_real_value(json_object_get(o, "satisfaction_avg")) == 2.0);
		} else if (strcmp(jstr(o, "name"), "张伟") == 0) {
			assert_int_equal(jint(o, "owed"), 2);
			assert_int_equal(jint(o, "due"), 1);
			assert_true(json_real_value(json_object_get(o, "rate_pct")) == 50.0);
		}
	}
	/* 张伟's due list: case 9's suspect (his own) and the two parties of
	 * each archive-room case he is co-officer of, oldest closing first;
	 * the witness of no case is owed */
	r = http(srv, mj2, "GET", API "/return-visits", NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 5);
	assert_int_equal(rnum(r, "items.4.party_id"), p9);
	/* the phones to call: whole for the chief (and a case's own officers
	 * and the 内勤), masked for an auxiliary (PII-1, as on the case page) */
	{
		int whole = 0, masked = 0;

		r = http(srv, login(srv, "fujing", DEMO_PW), "GET", API "/return-visits", NULL);
		EXPECT(r, 200);
		json_array_foreach(jpath(r->json, "items"), i, it)
			if (json_is_string(json_object_get(it, "phone")))
				masked += strstr(jstr(it, "phone"), "****") != NULL ? 1 : -100;
		r = http(srv, sz, "GET", API "/return-visits", NULL);
		EXPECT(r, 200);
		json_array_foreach(jpath(r->json, "items"), i, it)
			if (json_is_string(json_object_get(it, "phone")))
				whole += strstr(jstr(it, "phone"), "****") == NULL;
		assert_true(masked > 0);
		assert_true(whole == masked);
	}

	/* a visit needs a closed case, a reached party needs a score */
	EXPECT_ERR(srv, http(srv, mj2, "POST", API "/cases/5/return-visits",
			     "{\"party_id\":8,\"reached\":true,\"method\":\"phone\",\"satisfaction\":4}"),
		   409, "CASE_NOT_CLOSED", "SUP-RETURN-VISIT");
	EXPECT(http(srv, mj2, "POST", fmt(srv, API "/cases/%lld/return-visits", k9),
		    fmt(srv, "{\"party_id\":%lld,\"reached\":true,\"method\":\"visit\"}", p9)),
	       400);
	EXPECT(http(srv, mj2, "POST", fmt(srv, API "/cases/%lld/return-visits", k9),
		    fmt(srv, "{\"party_id\":%lld,\"reached\":true,\"method\":\"visit\",\"satisfaction\":4,"
			     "\"comments\":\"认可处理结果\"}", p9)),
	       201);
	EXPECT(http(srv, mj2, "POST", fmt(srv, API "/cases/%lld/return-visits", k9),
		    fmt(srv, "{\"party_id\":%lld,\"reached\":true,\"method\":\"visit\",\"satisfaction\":4}", p9)),
	       409);
	/* another station's officer may not visit 城关's parties */
	EXPECT(http(srv, login(srv, "beishe_mj1", DEMO_PW), "POST", fmt(srv, API "/cases/%lld/return-visits", k9),
		    fmt(srv, "{\"party_id\":%lld,\"reached\":true,\"method\":\"visit\",\"satisfaction\":4}", p9)),
	       403);
	/* now 3 of 8 reached: 37.5 %, (5 + 2 + 4) / 3 = 3.67 */
	r = http(srv, sz, "GET", API "/return-visits/stats", NULL);
	json_array_foreach(jpath(r->json, "stations"), i, it)
		if (strcmp(jstr(it, "unit_name"), "城关派出所") == 0) {
			assert_int_equal(jint(it, "reached"), 3);
			assert_true(json_real_value(json_object_get(it, "rate_pct")) == 37.5);
			assert_true(json_real_value(json_object_get(it, "satisfaction_avg")) == 3.67);
		}

	/* the dissatisfied answer (case 8, satisfaction 2) is the chief's */
	r = http(srv, sz, "GET", API "/return-visits?status=review", NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 1);
	{
		long long vid = rnum(r, "items.0.id");

		EXPECT(http(srv, mj2, "POST", fmt(srv, API "/return-visits/%lld/review", vid), "{\"note\":\"已复核\"}"), 403);
		EXPECT(http(srv, sz, "POST", fmt(srv, API "/return-visits/%lld/review", vid),
			    "{\"note\":\"已当面向当事人解释处罚依据，当事人表示理解。\"}"),
		       200);
		EXPECT(http(srv, sz, "POST", fmt(srv, API "/return-visits/%lld/review", vid), "{\"note\":\"再次复核\"}"), 409);
	}
	r = http(srv, sz, "GET", API "/return-visits?status=review", NULL);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 0);

	/* not reached is not the end: tried again, then reached (the new
	 * attempt in the place of the last), then done */
	r = http(srv, mj2, "GET", API "/return-visits", NULL);
	{
		long long kc = rnum(r, "items.0.case_id"), pc = rnum(r, "items.0.party_id");
		const char *path = fmt(srv, API "/cases/%lld/return-visits", kc);

		EXPECT(http(srv, mj2, "POST", path, fmt(srv, "{\"party_id\":%lld,\"reached\":false,\"method\":\"phone\"}", pc)),
		       201);
		r = http(srv, mj2, "POST", path,
			 fmt(srv, "{\"party_id\":%lld,\"reached\":true,\"method\":\"phone\",\"satisfaction\":4}", pc));
		EXPECT(r, 201);
		EXPECT_NUM(r, "satisfaction", 4);
		EXPECT_ERR(srv,
			   http(srv, mj2, "POST", path,
				fmt(srv, "{\"party_id\":%lld,\"reached\":true,\"method\":\"phone\",\"satisfaction\":5}", pc)),
			   409, "ALREADY_VISITED", NULL);
		assert_int_equal(q1(srv, fmt(srv, "SELECT COUNT(*) FROM return_visit WHERE case_id = %lld AND party_id = %lld", kc, pc)),
				 1);
	}
}

/* SUP-RETURN-VISIT is a clock: past due_days after closing it is a breach
 * that names the case's officers. */
STORY(return_visit_breach_names_the_case_officers)
{
	long long k9 = q1(srv, "SELECT id FROM police_case WHERE case_no LIKE '%行〔2026〕00009号'");
	long long p9 = q1(srv, fmt(srv, "SELECT id FROM case_party WHERE case_id = %lld AND role = 'suspect'", k9));
	const char *key = fmt(srv, "return_visit:%lld:%lld", k9, p9);
	json_t *b, *p;
	size_t i;
	int liming = 0, zhangwei = 0;

	clocks_begin(srv);
	p = warning(srv, "minjing2", "?level=all", key);
	assert_non_null(p);
	assert_string_equal(jstr(p, "rule"), "SUP-RETURN-VISIT");
	/* the 7th day on a weekend or holiday moves the end: pass the
	 * board's own deadline */
	assert_true(jint(p, "deadline") >= (int64_t)time(NULL) + srv->clock_offset + 6 * DAY);
	clock_advance(srv, jint(p, "deadline") - ((int64_t)time(NULL) + srv->clock_offset) + 3600);
	b = breach(srv, "ducha", key);
	assert_non_null(b);
	json_array_foreach(json_object_get(b, "responsible"), i, p) {
		liming += strcmp(jstr(p, "name"), "李明") == 0;
		zhangwei += strcmp(jstr(p, "name"), "张伟") == 0;
	}
	assert_int_equal(liming + zhangwei, 2);
	assert_int_equal(json_array_size(json_object_get(b, "responsible")), 2);
	/* and the breach rolls up on their records */
	{
		struct resp *r = http(srv, S("ducha"), "GET", API "/officer-records", NULL);
		json_t *o;

		EXPECT(r, 200);
		json_array_foreach(jpath(r->json, "items"), i, o)
			if (strcmp(jstr(o, "name"), "张伟") == 0)
				assert_true(jint(o, "breaches") >= 1);
		r = http(srv, S("ducha"), "GET",
			 fmt(srv, API "/officer-records/%lld", q1(srv, "SELECT id FROM users WHERE username = 'minjing2'")), NULL);
		EXPECT(r, 200);
		{
			int n = 0;

			json_array_foreach(jpath(r->json, "breaches"), i, o)
				n += strcmp(jstr(o, "clock_key"), key) == 0;
			assert_int_equal(n, 1);
		}
	}
}

/* 复议 / 诉讼 counts per station; an outcome against the station marks the
 * decision and opens a 执法过错 review naming its people (SUP-FY-60,
 * SUP-FY-ANSWER, SUP-SS-EVID-15, SUP-PC-DECIDE-2M). */
STORY(appeals_are_counted_and_an_outcome_against_opens_a_review)
{
	struct session *fz;
	struct resp *r;
	long long k8 = q1(srv, "SELECT id FROM police_case WHERE case_no LIKE '%行〔2026〕00008号'");
	long long a1 = q1(srv, "SELECT id FROM appeal WHERE applicant = '陈春花'"), lit, fid;
	json_t *it, *cg = NULL;
	size_t i;

	clocks_begin(srv);
	fz = S("fazhi");
	r = http(srv, fz, "GET", API "/appeals", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "by_station"), i, it)
		if (strcmp(jstr(it, "unit_name"), "城关派出所") == 0)
			cg = it;
	assert_non_null(cg);
	assert_int_equal(jint(cg, "reconsideration"), 2);
	assert_int_equal(jint(cg, "litigation"), 1); /* 曹小明's suit after his 复议 */
	assert_int_equal(jint(cg, "against"), 0);
	/* the 60-day window: known 10 days ago, applied 3 days ago */
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (jint(it, "id") == a1)
			assert_true(json_is_true(json_object_get(it, "in_time")));
	/* the running answer clock, 10 working days (SUP-FY-ANSWER) */
	it = warning(srv, "suozhang", "?level=all", fmt(srv, "appeal:%lld:answer", a1));
	assert_non_null(it);
	assert_string_equal(jstr(it, "rule"), "SUP-FY-ANSWER");
	assert_string_equal(jstr(it, "unit"), "workdays");

	/* a decision must exist; a late application shows as late */
	EXPECT_ERR(srv, http(srv, fz, "POST", API "/cases/1/appeals",
			     "{\"kind\":\"litigation\",\"applicant\":\"某\",\"known_on\":\"2026-01-01\",\"applied_on\":\"2026-01-02\","
			     "\"received_on\":\"2026-01-03\",\"organ\":\"示范县人民法院\"}"),
		   409, "APPEAL_NO_DECISION", NULL);
	r = http(srv, fz, "POST", fmt(srv, API "/cases/%lld/appeals", k8),
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s}", "kind", "litigation", "applicant", "陈春花", "known_on",
		   ymd(srv, lday(srv_now(srv)) - 80), "applied_on", ymd(srv, lday(srv_now(srv)) - 1), "received_on",
		   ymd(srv, lday(srv_now(srv))), "organ", "示范县人民法院"));
	EXPECT(r, 201);
	lit = rnum(r, "id");
	it = warning(srv, "suozhang", "?level=all", fmt(srv, "appeal:%lld:evidence", lit));
	assert_non_null(it);
	assert_string_equal(jstr(it, "rule"), "SUP-SS-EVID-15");
	r = http(srv, fz, "POST", fmt(srv, API "/cases/%lld/appeals", k8),
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s}", "kind", "reconsideration", "applicant", "陈春花", "known_on",
		   ymd(srv, lday(srv_now(srv)) - 80), "applied_on", ymd(srv, lday(srv_now(srv)) - 1), "received_on",
		   ymd(srv, lday(srv_now(srv))), "organ", "示范县人民政府"));
	EXPECT(r, 201);
	EXPECT_BOOL(r, "in_time", 0);
	r = http(srv, fz, "POST", fmt(srv, API "/cases/%lld/appeals", k8),
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "kind", "state_compensation", "applicant", "陈春花", "known_on",
		   ymd(srv, lday(srv_now(srv)) - 5), "applied_on", ymd(srv, lday(srv_now(srv)) - 1), "received_on",
		   ymd(srv, lday(srv_now(srv))), "organ", "城关派出所", "comp_kind", "admin_comp"));
	EXPECT(r, 201);
	it = warning(srv, "suozhang", "?level=all", fmt(srv, "appeal:%lld:decide", rnum(r, "id")));
	assert_non_null(it);
	assert_string_equal(jstr(it, "rule"), "SUP-PC-DECIDE-2M");

	/* the running 复议 is revoked: against the station */
	EXPECT(http(srv, fz, "POST", fmt(srv, API "/appeals/%lld/outcome", a1),
		    J(srv, "{s:s, s:s, s:I}", "outcome", "revoked", "outcome_on", ymd(srv, lday(srv_now(srv))), "amount",
		      (json_int_t)100)),
	       400);
	r = http(srv, fz, "POST", fmt(srv, API "/appeals/%lld/outcome", a1),
		 J(srv, "{s:s, s:s, s:s}", "outcome", "revoked", "outcome_on", ymd(srv, lday(srv_now(srv))), "note",
		   "复议机关认为证据不足，撤销原处罚决定"));
	EXPECT(r, 200);
	EXPECT_BOOL(r, "against_station", 1);
	EXPECT(http(srv, fz, "POST", fmt(srv, API "/appeals/%lld/outcome", a1),
		    J(srv, "{s:s, s:s}", "outcome", "upheld", "outcome_on", ymd(srv, lday(srv_now(srv))))),
	       409);
	assert_int_equal(q1(srv, fmt(srv, "SELECT COUNT(*) FROM case_event WHERE case_id = %lld AND action = 'appeal_outcome'", k8)),
			 1);
	fid = q1(srv, fmt(srv, "SELECT id FROM fault_finding WHERE source = 'appeal' AND source_id = %lld", a1));
	assert_true(fid > 0);
	/* its people: the two case officers and the approving chief */
	assert_int_equal(q1(srv, fmt(srv, "SELECT COUNT(*) FROM fault_officer WHERE finding_id = %lld", fid)), 3);
	assert_int_equal(q1(srv, fmt(srv, "SELECT COUNT(*) FROM fault_officer fo JOIN users u ON u.id = fo.user_id"
					 " WHERE fo.finding_id = %lld AND ((u.username = 'suozhang' AND fo.part = 'approver')"
					 " OR (u.username IN ('minjing1','minjing2') AND fo.part = 'handler'))", fid)),
			 3);
	r = http(srv, fz, "GET", API "/appeals", NULL);
	json_array_foreach(jpath(r->json, "by_station"), i, it)
		if (strcmp(jstr(it, "unit_name"), "城关派出所") == 0) {
			assert_int_equal(jint(it, "reconsideration"), 3);
			assert_int_equal(jint(it, "litigation"), 2);
			assert_int_equal(jint(it, "state_compensation"), 2); /* the demo's and this one */
			assert_int_equal(jint(it, "against"), 1);
		}
}

/* SUP-GC-DEF: a fault or a defect, always with a reason; a fault names
 * its kind and a sanction of the setting; the officer's record shows it. */
STORY(fault_findings_need_a_reason_and_a_sanction)
{
	struct session *sz = login(srv, "suozhang", DEMO_PW), *fz = login(srv, "fazhi", DEMO_PW);
	long long liming = q1(srv, "SELECT id FROM users WHERE username = 'minjing1'");
	struct resp *r = http(srv, fz, "POST", API "/fault-findings",
			      fmt(srv, "{\"case_id\":6,\"source\":\"breach\",\"officers\":[{\"user_id\":%lld,\"part\":\"handler\"}]}",
				  liming));
	long long id;

	EXPECT(r, 201);
	id = rnum(r, "id");
	EXPECT_STR(r, "status", "open");
	/* the legal reviewer opens, the chief decides */
	EXPECT(http(srv, fz, "POST", fmt(srv, API "/fault-findings/%lld/decide", id),
		    "{\"record_type\":\"defect\",\"reason\":\"文书瑕疵\"}"),
	       403);
	EXPECT_ERR(srv, http(srv, sz, "POST", fmt(srv, API "/fault-findings/%lld/decide", id), "{\"record_type\":\"fault\",\"kind\":\"procedure\",\"sanction\":\"诫勉谈话\"}"),
		   400, "FAULT_REASON_REQUIRED", "SUP-GC-DEF");
	EXPECT_ERR(srv, http(srv, sz, "POST", fmt(srv, API "/fault-findings/%lld/decide", id),
			     "{\"record_type\":\"fault\",\"kind\":\"procedure\",\"sanction\":\"罚酒三杯\",\"reason\":\"超期羁押\"}"),
		   400, "FAULT_SANCTION", "SUP-GC-DEF");
	EXPECT_ERR(srv, http(srv, sz, "POST", fmt(srv, API "/fault-findings/%lld/decide", id),
			     "{\"record_type\":\"defect\",\"sanction\":\"诫勉谈话\",\"reason\":\"文书瑕疵\"}"),
		   400, "DEFECT_NO_SANCTION", "SUP-GC-DEF");
	r = http(srv, sz, "POST", fmt(srv, API "/fault-findings/%lld/decide", id),
		 "{\"record_type\":\"fault\",\"kind\":\"procedure\",\"sanction\":\"诫勉谈话\",\"reason\":\"未在法定期限内送达决定书\"}");
	EXPECT(r, 200);
	EXPECT_STR(r, "status", "decided");
	EXPECT_STR(r, "decided_by_name", "王建华");
	EXPECT(http(srv, sz, "POST", fmt(srv, API "/fault-findings/%lld/decide", id),
		    "{\"record_type\":\"defect\",\"reason\":\"改判\"}"),
	       409);
	/* the officer's record: this fault and the seeded defect */
	r = http(srv, sz, "GET", fmt(srv, API "/officer-records/%lld", liming), NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "findings")), 2);
	r = http(srv, sz, "GET", API "/officer-records", NULL);
	{
		json_t *o;
		size_t i;

		json_array_foreach(jpath(r->json, "items"), i, o)
			if (jint(o, "user_id") == liming)
				assert_int_equal(jint(o, "faults"), 1);
	}
	/* an officer reads no one's record; another county's chief not 城关's */
	EXPECT(http(srv, login(srv, "minjing1", DEMO_PW), "GET", fmt(srv, API "/officer-records/%lld", liming), NULL), 403);
	EXPECT(http(srv, login(srv, "beishe_sz", DEMO_PW), "GET", fmt(srv, API "/officer-records/%lld", liming), NULL), 403);
	r = http(srv, sz, "GET", fmt(srv, API "/fault-findings?officer_id=%lld", liming), NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 2);
}

/* SUP-INTERFERE-LEADER: any officer records, only the 督察 reads, nothing
 * changes a record — no route, and the database refuses. */
STORY(interference_register_is_append_only)
{
	struct session *mj = login(srv, "minjing2", DEMO_PW), *dc = login(srv, "ducha", DEMO_PW);
	struct resp *r = http(srv, mj, "POST", API "/interferences",
			      fmt(srv, "{\"case_id\":5,\"occurred_at\":%lld,\"who\":\"某局领导秘书\",\"how\":\"phone\","
				       "\"asked\":\"询问能否对嫌疑人不予拘留\",\"leader\":true}",
				  (long long)srv_now(srv) - 3600));
	long long id, n;

	EXPECT(r, 201);
	id = rnum(r, "id");
	EXPECT(http(srv, mj, "GET", API "/interferences", NULL), 403);
	EXPECT(http(srv, login(srv, "suozhang", DEMO_PW), "GET", API "/interferences", NULL), 403);
	r = http(srv, dc, "GET", API "/interferences", NULL);
	EXPECT(r, 200);
	assert_int_equal(json_array_size(jpath(r->json, "items")), 3);
	assert_int_equal(json_array_size(jpath(r->json, "quarters")), 4);
	EXPECT_STR(r, "items.0.who", "某局领导秘书");
	/* a time in the future is refused */
	EXPECT(http(srv, mj, "POST", API "/interferences",
		    fmt(srv, "{\"occurred_at\":%lld,\"who\":\"某人\",\"how\":\"visit\",\"asked\":\"打听案情\"}",
			(long long)srv_now(srv) + 86400)),
	       400);
	/* no route changes or removes a record */
	assert_int_equal(http(srv, mj, "PATCH", fmt(srv, API "/interferences/%lld", id), "{\"asked\":\"改\"}")->status, 404);
	assert_int_equal(http(srv, dc, "DELETE", fmt(srv, API "/interferences/%lld", id), NULL)->status, 404);
	/* and the database refuses both */
	assert_int_not_equal(db_raw_exec(srv->db, fmt(srv, "UPDATE interference SET asked = 'x' WHERE id = %lld", id)),
			     SQLITE_OK);
	assert_int_not_equal(db_raw_exec(srv->db, fmt(srv, "DELETE FROM interference WHERE id = %lld", id)), SQLITE_OK);
	n = q1(srv, fmt(srv, "SELECT COUNT(*) FROM interference WHERE id = %lld AND asked = '询问能否对嫌疑人不予拘留'", id));
	assert_int_equal(n, 1);
}

/* SUP-CARD: every party's card, with the phones of the settings; each
 * hand-over recorded (and in the case's timeline). */
STORY(supervision_card_for_every_party)
{
	struct session *mj = login(srv, "minjing1", DEMO_PW);
	struct resp *r = http(srv, mj, "GET", API "/cases/5/supervision-cards", NULL);
	json_t *p;
	size_t i;

	EXPECT(r, 200);
	EXPECT_STR(r, "supervision_phone", "0351-1234110");
	EXPECT_STR(r, "bureau_complaint_phone", "12389");
	assert_int_equal(strlen(rstr(r, "receipt_code")), 10);
	assert_int_equal(json_array_size(jpath(r->json, "parties")), 2);
	json_array_foreach(jpath(r->json, "parties"), i, p)
		assert_true(json_is_true(json_object_get(p, "handed")));
	r = http(srv, mj, "GET", API "/cases/1/supervision-cards", NULL);
	EXPECT(r, 200);
	assert_false(json_is_true(jpath(r->json, "parties.0.handed")));
	r = http(srv, mj, "POST", API "/cases/1/supervision-cards",
		 fmt(srv, "{\"party_id\":%lld,\"method\":\"in_person\"}", rnum(r, "parties.0.party_id")));
	EXPECT(r, 201);
	EXPECT_BOOL(r, "parties.0.handed", 1);
	EXPECT_STR(r, "parties.0.handovers.0.handed_by_name", "李明");
	assert_int_equal(q1(srv, "SELECT COUNT(*) FROM case_event WHERE case_id = 1 AND action = 'supervision_card'"), 1);
	/* a party of another case is refused; another station's officer too */
	EXPECT(http(srv, mj, "POST", API "/cases/1/supervision-cards", "{\"party_id\":8,\"method\":\"in_person\"}"), 400);
	EXPECT(http(srv, login(srv, "beishe_mj1", DEMO_PW), "GET", API "/cases/5/supervision-cards", NULL), 403);
}

/* The four ledgers export as workbooks that read back, with the demo's
 * rows: 3 visits, 7 complaints (4 + the transferred, the not-ours and the
 * anonymous one) + 4 appeals (2 复议, 1 suit, 1 赔偿), 1 finding × 1 officer, 2
 * interference records (the unit's header line, the watermark and the
 * column titles before them, the total row after). */
STORY(supervision_ledgers_export_and_read_back)
{
	struct session *dc = login(srv, "ducha", DEMO_PW);
	static const struct { const char *kind, *must; int rows; } ledgers[] = {
		{ "return_visits", "满意度", 3 },
		{ "complaints", "复议诉讼赔偿", 11 },
		{ "faults", "执法瑕疵", 1 },
		{ "interferences", "领导干部", 2 },
	};

	for (size_t i = 0; i < sizeof(ledgers) / sizeof(ledgers[0]); i++) {
		struct resp *r = http(srv, dc, "POST", API "/exports",
				      fmt(srv, "{\"kind\":\"%s\",\"format\":\"xlsx\",\"reason\":\"督察核查台账\"}",
					  ledgers[i].kind));
		struct buf b;
		struct ps_err e;
		int lines = 0;

		EXPECT(r, 200);
		buf_init(&b, 1 << 20);
		assert_int_equal(xlsx_to_csv((const unsigned char *)r->body, r->body_len, &b, &e), 0);
		for (const char *p = buf_str(&b); *p; p++)
			lines += *p == '\n';
		/* a 台账: the unit's header line, the watermark, the column
		 * titles, the rows and the total row */
		if (lines != 3 + ledgers[i].rows + 1 || !strstr(buf_str(&b), ledgers[i].must) ||
		    !strstr(buf_str(&b), "督察大队") || !strstr(buf_str(&b), fmt(srv, "合计：%d 条", ledgers[i].rows)))
			fail_msg("ledger %s: %d lines: %s", ledgers[i].kind, lines, buf_str(&b));
		buf_release(&b);
	}
	/* an officer exports none of them */
	EXPECT(http(srv, login(srv, "minjing1", DEMO_PW), "POST", API "/exports",
		    "{\"kind\":\"interferences\",\"format\":\"csv\",\"reason\":\"查看登记\"}"),
	       403);
}

/* SUP-XF-CONFIDENTIAL: a denunciation never reaches the station it
 * accuses — not in its list, not by its id, not on its board. */
STORY(denunciation_stays_away_from_the_accused_station)
{
	struct session *dc, *sz, *nq;
	struct resp *r;
	long long id, id2;
	json_t *it;
	size_t i;

	clocks_begin(srv);
	dc = S("ducha"), sz = S("suozhang"), nq = S("neiqin");
	r = http(srv, dc, "POST", API "/complaints",
			      fmt(srv, "{\"scope\":\"own\",\"station_id\":%lld,\"channel\":\"letter\",\"kind\":\"denunciation\","
				       "\"content\":\"检举某民警收受当事人财物。\"}",
				  station(srv, "城关派出所")));
	EXPECT(r, 201);
	id = rnum(r, "id");
	r = http(srv, sz, "GET", API "/complaints", NULL);
	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (jint(it, "id") == id)
			fail_msg("the accused station lists the denunciation: %s", r->body);
	EXPECT_ERR(srv, http(srv, sz, "GET", fmt(srv, API "/complaints/%lld", id), NULL), 403, NULL, "SUP-XF-CONFIDENTIAL");
	EXPECT_ERR(srv, http(srv, sz, "POST", fmt(srv, API "/complaints/%lld/accept", id), "{}"), 403, NULL,
		   "SUP-XF-CONFIDENTIAL");
	assert_null(warning(srv, "suozhang", "?level=all", fmt(srv, "complaint:%lld:notice", id)));
	assert_true(q1(srv, fmt(srv, "SELECT COUNT(*) FROM audit WHERE action = 'complaint.read' AND outcome = 'denied'"
				   " AND object_id = '%lld'", id)) == 1);
	/* the county's 督察 handles it */
	EXPECT(http(srv, dc, "GET", fmt(srv, API "/complaints/%lld", id), NULL), 200);
	assert_non_null(warning(srv, "ducha", "?level=all", fmt(srv, "complaint:%lld:notice", id)));
	EXPECT(http(srv, dc, "POST", fmt(srv, API "/complaints/%lld/accept", id), "{}"), 200);
	/* a station clerk registers one and gets back its code only */
	r = http(srv, nq, "POST", API "/complaints",
		 "{\"scope\":\"own\",\"channel\":\"visit\",\"kind\":\"denunciation\",\"content\":\"来访检举。\"}");
	EXPECT(r, 201);
	id2 = rnum(r, "id");
	assert_int_equal(strlen(rstr(r, "tracking_code")), 10);
	assert_null(jpath(r->json, "content"));
	EXPECT(http(srv, nq, "GET", fmt(srv, API "/complaints/%lld", id2), NULL), 403);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_demo, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(public_notice_comes_from_the_catalog_and_the_settings),
		T(public_progress_is_the_progress_query),
		T(public_complaint_is_filed_and_followed),
		T(complaint_chain_runs_on_its_clocks),
		T(complaint_trace_lists_exactly_the_case_people),
		T(return_visit_rate_and_satisfaction),
		T(return_visit_breach_names_the_case_officers),
		T(appeals_are_counted_and_an_outcome_against_opens_a_review),
		T(fault_findings_need_a_reason_and_a_sanction),
		T(interference_register_is_append_only),
		T(supervision_card_for_every_party),
		T(supervision_ledgers_export_and_read_back),
		T(denunciation_stays_away_from_the_accused_station),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
