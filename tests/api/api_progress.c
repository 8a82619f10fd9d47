/* api_progress.c — the public progress query (issue 13): POST /progress with
 * the receipt code of the 受案回执 and the last four digits of the
 * reporter's phone. Right code + digits shows the stage and dates only; a
 * wrong code and wrong digits answer the same; 5 failures in 15 minutes
 * per client address and per code give 429 with Retry-After; every query is
 * audited without a personal number; no public answer names anyone.
 *
 * The fixture is the demo county (src/seed/seed_cases.c): every reporter
 * there left the phone 13800001111. The names and ID numbers scanned for
 * are copied from the seed by hand (the ID numbers with their check
 * character worked out by hand from GB 11643). A second client address is
 * 127.0.0.2 (the loopback network), bound with CURLOPT_INTERFACE. */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#define API "/api/v1"
#define DIGITS "1111" /* 13800001111, the demo reporters' phone */

/* The receipt code of the demo case with this title (read from the file). */
static const char *code_of(struct server *srv, const char *title)
{
	const char *c = db_raw_text(srv, srv->db,
				    fmt(srv, "SELECT receipt_code FROM police_case WHERE title = '%s'", title));

	assert_non_null(c);
	assert_int_equal(strlen(c), 10);
	return c;
}

static long long case_id_of(struct server *srv, const char *title)
{
	return db_raw_int(srv->db, "SELECT id FROM police_case WHERE title = ?1", title);
}

static const char *body(struct server *srv, const char *code, const char *digits)
{
	return fmt(srv, "{\"receipt_code\":\"%s\",\"phone_last4\":\"%s\"}", code, digits);
}

/* POST /progress from 127.0.0.1. */
static struct resp *query(struct server *srv, const char *code, const char *digits)
{
	return http(srv, NULL, "POST", API "/progress", body(srv, code, digits));
}

/* POST /progress from another client address: its status; *body and
 * *headers (srv's pool) receive the answer. */
static long query_from(struct server *srv, const char *addr, const char *code,
		       const char *digits, const char **body_out, const char **headers)
{
	const char *const no_extra[] = { NULL };
	struct curl_slist *hdrs = NULL;
	struct resp r;
	CURL *h;
	long status;

	h = http_easy(srv, NULL, "POST", API "/progress", body(srv, code, digits), no_extra, &r,
		      &hdrs);
	assert_non_null(h);
	curl_easy_setopt(h, CURLOPT_INTERFACE, addr);
	http_finish(h, curl_easy_perform(h), &r);
	curl_easy_cleanup(h);
	curl_slist_free_all(hdrs);
	if (r.status == 0)
		fail_msg("POST /progress from %s: %s", addr, r.curl_error);
	status = r.status;
	*body_out = fmt(srv, "%s", r.body ? r.body : "");
	*headers = fmt(srv, "%s", r.headers ? r.headers : "");
	resp_release(&r);
	return status;
}

/* The status and error object of a refusal without its request_id. */
static const char *refusal(struct server *srv, const struct resp *r)
{
	json_t *e = json_deep_copy(json_object_get(r->json, "error"));
	char *text;
	const char *kept;

	assert_non_null(e);
	json_object_del(e, "request_id");
	text = json_dumps(e, JSON_COMPACT | JSON_SORT_KEYS);
	kept = fmt(srv, "%ld %s", r->status, text);
	json_mem_free(text);
	json_decref(e);
	return kept;
}

static long long audit_rows(struct server *srv, const char *outcome, long long case_id)
{
	const char *sql = case_id
		? fmt(srv, "SELECT COUNT(*) FROM audit WHERE action = 'case.progress_query'"
			   " AND outcome = ?1 AND object_id = '%lld'", case_id)
		: "SELECT COUNT(*) FROM audit WHERE action = 'case.progress_query'"
		  " AND outcome = ?1 AND object_id IS NULL";

	return db_raw_int(srv->db, sql, outcome);
}

/* Right code and digits: the stage and the dates, nothing else. */
STORY(right_code_and_digits_show_the_stage_only)
{
	const char *accepted = code_of(srv, "盗窃电动车电瓶"), *filed = code_of(srv, "寻衅滋事");
	struct resp *r = query(srv, accepted, DIGITS);
	const char *key;
	json_t *v;
	static const char *const allowed[] = { "kind",     "status",      "status_label",
						"reported_at", "accepted_at", "filed_at",
						"decided_at",  "closed_at",   "unit_name",
						"unit_phone",  NULL };

	assert_int_equal(r->status, 200);
	assert_string_equal(resp_header(srv, r, "Cache-Control"), "no-store");
	assert_string_equal(rstr(r, "status"), "accepted");
	assert_string_equal(rstr(r, "status_label"), "已受案");
	assert_string_equal(rstr(r, "unit_name"), "城关派出所");
	assert_string_equal(rstr(r, "unit_phone"), "0351-1230001");
	assert_true(rnum(r, "accepted_at") > 0);
	assert_true(json_is_null(jpath(r->json, "filed_at")));
	/* exactly these keys: no number, title, name, offence or free text */
	json_object_foreach(r->json, key, v) {
		int ok = 0;

		for (int i = 0; allowed[i]; i++)
			ok |= strcmp(key, allowed[i]) == 0;
		if (!ok)
			fail_msg("the public answer carries \"%s\": %s", key, r->body);
	}
	assert_null(strstr(r->body, "盗窃电动车电瓶"));
	assert_null(strstr(r->body, "王秀英"));
	assert_null(strstr(r->body, "幸福小区"));
	assert_null(strstr(r->body, "OF-065"));

	r = query(srv, filed, DIGITS);
	assert_int_equal(r->status, 200);
	assert_string_equal(rstr(r, "status_label"), "已立案");
	assert_true(rnum(r, "filed_at") > 0);
	assert_null(strstr(r->body, "孙大勇"));
	assert_null(strstr(r->body, "赵海"));

	/* each answer is audited against the case's record id */
	assert_int_equal(audit_rows(srv, "success", case_id_of(srv, "盗窃电动车电瓶")), 1);
	assert_int_equal(audit_rows(srv, "success", case_id_of(srv, "寻衅滋事")), 1);
}

/* Wrong digits and a wrong code: one answer; both audited; no personal
 * number in the audit rows. A malformed field is a form error. */
STORY(wrong_digits_and_wrong_code_answer_the_same)
{
	const char *code = code_of(srv, "盗窃电动车电瓶");
	long long id = case_id_of(srv, "盗窃电动车电瓶");
	struct resp *digits = query(srv, code, "1112");
	struct resp *nocode = query(srv, "ZZZZZZZZZZ", DIGITS);
	struct resp *r;

	assert_error(srv, digits, 404, "NOT_FOUND");
	assert_error(srv, nocode, 404, "NOT_FOUND");
	assert_string_equal(refusal(srv, digits), refusal(srv, nocode));
	assert_null(jpath(digits->json, "error.field"));
	assert_null(jpath(digits->json, "error.rule"));
	/* the other phones of the case do not open it either (the suspect's) */
	assert_error(srv, query(srv, code, "2222"), 404, "NOT_FOUND");

	r = query(srv, code, "12a4");
	assert_error(srv, r, 400, NULL);
	assert_string_equal(rstr(r, "error.field"), "phone_last4");
	r = http(srv, NULL, "POST", API "/progress", fmt(srv, "{\"receipt_code\":\"%s\"}", code));
	assert_error(srv, r, 400, NULL);
	r = http(srv, NULL, "POST", API "/progress",
		 fmt(srv, "{\"receipt_code\":\"%s\",\"phone_last4\":\"11111\"}", code));
	assert_error(srv, r, 400, NULL);
	/* the old way, the code in the address, is gone */
	assert_int_equal(http(srv, NULL, "GET", fmt(srv, API "/progress/%s", code), NULL)->status,
			 404);

	/* audited: two wrong digits against the case, the unknown code
	 * without an object; the form errors are not queries */
	assert_int_equal(audit_rows(srv, "denied", id), 2);
	assert_int_equal(audit_rows(srv, "denied", 0), 1);
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit WHERE action = 'case.progress_query'"
				    " AND (detail LIKE '%' || ?1 || '%' OR object_id LIKE '%' || ?1 || '%')",
				    "13800001111"),
			 0);
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit WHERE action = 'case.progress_query'"
				    " AND (detail LIKE '%1112%' OR object_id LIKE '%1112%' OR detail LIKE ?1)",
				    "%王秀英%"),
			 0);
	/* the auditor reads them like any other row */
	assert_int_equal(audit_count(srv, login(srv, "auditor", DEMO_PW), "case.progress_query",
				     NULL, "denied"),
			 3);
}

/* 5 failures in 15 minutes: the address is refused (any code), the code is
 * refused (any address), 429 with Retry-After; audited; 15 minutes later
 * it answers again. */
STORY(burst_beyond_the_limit_gets_429)
{
	const char *a = code_of(srv, "盗窃电动车电瓶"), *b = code_of(srv, "寻衅滋事");
	long long ida = case_id_of(srv, "盗窃电动车电瓶"), idb = case_id_of(srv, "寻衅滋事");
	const char *retry, *text, *headers;
	struct resp *r;

	for (int i = 0; i < 5; i++)
		assert_error(srv, query(srv, a, fmt(srv, "%04d", 2000 + i)), 404, "NOT_FOUND");
	/* the address: even another case with the right digits */
	r = query(srv, b, DIGITS);
	assert_error(srv, r, 429, "TOO_MANY_REQUESTS");
	retry = resp_header(srv, r, "Retry-After");
	assert_non_null(retry);
	assert_in_range(atoi(retry), 1, 15 * 60);
	/* the code: from another address, even with the right digits */
	assert_int_equal(query_from(srv, "127.0.0.2", a, DIGITS, &text, &headers), 429);
	assert_non_null(strstr(headers, "Retry-After: "));
	assert_non_null(strstr(text, "TOO_MANY_REQUESTS"));
	/* neither limited: the other address and the other code */
	assert_int_equal(query_from(srv, "127.0.0.2", b, DIGITS, &text, &headers), 200);
	assert_non_null(strstr(text, "已立案"));

	/* audited: 5 wrong digits and 1 limited against a, 1 limited and 1
	 * answer against b */
	assert_int_equal(audit_rows(srv, "denied", ida), 6);
	assert_int_equal(audit_rows(srv, "denied", idb), 1);
	assert_int_equal(audit_rows(srv, "success", idb), 1);
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit WHERE action = 'case.progress_query'"
				    " AND detail LIKE ?1",
				    "%rate limited%"),
			 2);

	/* 15 minutes after the first failure the window is over */
	clock_advance(srv, 15 * 60 + 1);
	r = query(srv, a, DIGITS);
	assert_int_equal(r->status, 200);
	assert_string_equal(rstr(r, "status_label"), "已受案");
}

/* The limits are settings ([U]): the administrator may tighten them. */
STORY(the_limit_is_a_setting)
{
	struct session *admin = login(srv, "admin", DEMO_PW);
	const char *a = code_of(srv, "盗窃电动车电瓶");

	assert_int_equal(http(srv, admin, "PUT", API "/settings/public.progress_max_failures",
			      "{\"value\":2}")->status,
			 200);
	assert_error(srv, query(srv, a, "0000"), 404, "NOT_FOUND");
	assert_error(srv, query(srv, a, "0001"), 404, "NOT_FOUND");
	assert_error(srv, query(srv, a, DIGITS), 429, "TOO_MANY_REQUESTS");
}

/* Every name and ID number of the demo fixture, copied by hand from
 * src/seed/seed_cases.c: the reporters, the suspects and their numbers. */
static const char *const fixture[] = {
	/* reporters */
	"王秀英", "赵海", "钱丽", "华联超市", "李建国", "何大山", "吕小红", "施文", "孔繁荣",
	"严素芬", "匿名群众", "13800001111",
	/* suspects, their ID numbers and phone */
	"孙大勇", "140102198802151237", "周建明", "140102197506301013", "吴小军",
	"140102199909093211", "张志强", "140102199003071235", "郑永刚", "140102198001011111",
	"冯德胜", "140102198202022220", "陈春花", "140102198403033321", "褚卫东",
	"140102198604044414", "曹小明", "140102200008085551", "严小虎", "140102199505051250",
	"13900002222",
	/* the officers of the cases */
	"李明",
	NULL,
};

/* What the cases say happened (titles, places, summaries): never in a
 * progress answer. (The public catalog of rules may name an offence.) */
static const char *const case_text[] = {
	"盗窃电动车电瓶", "寻衅滋事", "噪声干扰", "入室盗窃", "殴打他人", "幸福小区", "夜市",
	"汽车站", "宅基地", "电瓶", NULL,
};

static void scan_list(const char *const *list, const char *what, const char *text)
{
	for (int i = 0; list[i]; i++)
		if (strstr(text, list[i]))
			fail_msg("%s names \"%s\": %.300s", what, list[i], text);
}

static void scan(const char *what, const char *text)
{
	scan_list(fixture, what, text);
}

static void scan_progress(const char *what, const char *text)
{
	scan_list(fixture, what, text);
	scan_list(case_text, what, text);
}

/* No public answer — health, the public catalog, the progress query in
 * every outcome, the public web page — carries a name or an ID number of
 * the fixture, nor any person's name or number in the database. */
STORY(public_answers_name_no_one)
{
	struct session *admin = login(srv, "admin", DEMO_PW);
	const char *const paths[] = { API "/health", API "/catalog/public", "/", "/progress",
				      "/index.html", NULL };
	sqlite3 *db;
	sqlite3_stmt *st;
	struct resp *answers[64];
	int n = 0;

	/* every case of the county, right and wrong digits: room for them */
	assert_int_equal(http(srv, admin, "PUT", API "/settings/public.progress_max_failures",
			      "{\"value\":100}")->status,
			 200);
	for (int i = 0; paths[i]; i++) {
		struct resp *r = http(srv, NULL, "GET", paths[i], NULL);

		scan(paths[i], r->body);
		answers[n++] = r;
	}
	db = db_raw_open(srv->db);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT receipt_code FROM police_case", -1, &st,
					    NULL),
			 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW && n < 60) {
		const char *code = fmt(srv, "%s", (const char *)sqlite3_column_text(st, 0));
		struct resp *right = query(srv, code, DIGITS), *wrong = query(srv, code, "9999");

		scan_progress("POST /progress", right->body);
		scan_progress("POST /progress (wrong digits)", wrong->body);
		answers[n++] = right;
		answers[n++] = wrong;
	}
	sqlite3_finalize(st);
	/* a limited answer too */
	assert_int_equal(http(srv, admin, "PUT", API "/settings/public.progress_max_failures",
			      "{\"value\":1}")->status,
			 200);
	answers[n] = query(srv, "ZZZZZZZZZZ", DIGITS);
	assert_int_equal(answers[n]->status, 429);
	scan_progress("POST /progress (429)", answers[n++]->body);
	/* at least the cases with a reporter were answered */
	{
		int ok = 0;

		for (int i = 0; i < n; i++)
			ok += answers[i]->status == 200 && strstr(answers[i]->body, "status_label");
		assert_true(ok >= 10);
	}
	/* and no person's name, number or phone of the whole database (the
	 * population register included), no account's name */
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT name FROM person UNION SELECT id_number FROM person"
					    " UNION SELECT phone FROM person UNION SELECT name FROM users",
					    -1, &st, NULL),
			 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);

		for (int i = 0; v && strlen(v) >= 2 && i < n; i++)
			if (answers[i]->body && strstr(answers[i]->body, v))
				fail_msg("a public answer carries \"%s\": %.300s", v, answers[i]->body);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(right_code_and_digits_show_the_stage_only, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(wrong_digits_and_wrong_code_answer_the_same,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(burst_beyond_the_limit_gets_429, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(the_limit_is_a_setting, setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(public_answers_name_no_one, setup_demo,
						teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
