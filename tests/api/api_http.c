/* api_http.c — what the HTTP surface does with bad input (TRUST API-2/3/4/5):
 * 400/404/405/413/415/431 with the same Chinese error shape, security headers
 * on every answer, injection strings that change nothing, and never a 500
 * (the harness fails any story that sees a 5xx). */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#define MIB (1024 * 1024)

/* A user body for 城关派出所 (unit id looked up by the caller). */
static const char *user_body(struct server *srv, const char *username, const char *name,
			     long long unit)
{
	json_t *b = json_pack("{s:s, s:s, s:s, s:I, s:s}", "username", username, "name", name,
			      "role", "officer", "unit_id", (json_int_t)unit, "password",
			      "Kaishi#Gongzuo-2026");
	char *s = json_dumps(b, JSON_COMPACT);
	const char *kept = fmt(srv, "%s", s);

	json_mem_free(s);
	json_decref(b);
	return kept;
}

/* A JSON object nested depth levels deep: {"a":{"a":…{}…}}. */
static const char *nested(struct server *srv, int depth)
{
	size_t n = (size_t)depth * 6 + 1;
	char *p = malloc(n), *o = p;
	const char *kept;

	assert_non_null(p);
	for (int i = 1; i < depth; i++) {
		memcpy(o, "{\"a\":", 5);
		o += 5;
	}
	*o++ = '{';
	for (int i = 0; i < depth; i++)
		*o++ = '}';
	*o = '\0';
	kept = fmt(srv, "%s", p);
	free(p);
	return kept;
}

/* A body of exactly size bytes: {"a":"xxx…"}. */
static const char *body_of_size(struct server *srv, size_t size)
{
	char *p = malloc(size + 1);
	const char *kept;

	assert_non_null(p);
	memset(p, 'x', size);
	memcpy(p, "{\"a\":\"", 6);
	memcpy(p + size - 2, "\"}", 2);
	p[size] = '\0';
	kept = fmt(srv, "%s", p);
	free(p);
	return kept;
}

STORY(malformed_json_is_400_bad_json)
{
	struct session *admin = login(srv, "admin", DEMO_PW);
	struct resp *r;

	assert_error(srv, http(srv, NULL, "POST", "/api/v1/session", "{\"username\":"), 400,
		     "BAD_JSON");
	assert_error(srv, http(srv, admin, "POST", "/api/v1/users", "{bad json}"), 400,
		     "BAD_JSON");
	/* an array, a string, duplicate keys, invalid UTF-8: not an object we take */
	assert_error(srv, http(srv, admin, "POST", "/api/v1/users", "[1,2]"), 400, "BAD_JSON");
	assert_error(srv, http(srv, admin, "POST", "/api/v1/users", "\"text\""), 400,
		     "BAD_JSON");
	assert_error(srv,
		     http(srv, NULL, "POST", "/api/v1/session",
			  "{\"username\":\"admin\",\"username\":\"auditor\",\"password\":\"x\"}"),
		     400, "BAD_JSON");
	assert_error(srv, http(srv, NULL, "POST", "/api/v1/session", "{\"username\":\"\xff\xfe\"}"),
		     400, "BAD_JSON");
	/* a route that needs a body, without one */
	r = http(srv, admin, "POST", "/api/v1/users", NULL);
	assert_error(srv, r, 400, NULL);
	/* the correlation id of the answer is the one in the header (API-6) */
	r = http(srv, admin, "POST", "/api/v1/users", "{");
	assert_string_equal(rstr(r, "error.request_id"), resp_header(srv, r, "X-Request-Id"));
}

STORY(wrong_content_type_is_415)
{
	struct session *admin = login(srv, "admin", DEMO_PW);
	const char *json = "{\"username\":\"admin\",\"password\":\"" DEMO_PW "\"}";

	assert_error(srv,
		     http(srv, NULL, "POST", "/api/v1/session", json, "Content-Type: text/plain"),
		     415, "UNSUPPORTED_MEDIA_TYPE");
	assert_error(srv,
		     http(srv, admin, "POST", "/api/v1/users", "username=x",
			  "Content-Type: application/x-www-form-urlencoded"),
		     415, "UNSUPPORTED_MEDIA_TYPE");
	assert_error(srv,
		     http(srv, NULL, "POST", "/api/v1/session", json,
			  "Content-Type: application/jsonp"),
		     415, "UNSUPPORTED_MEDIA_TYPE");
	assert_error(srv, http(srv, NULL, "POST", "/api/v1/session", json, "Content-Type:"), 415,
		     "UNSUPPORTED_MEDIA_TYPE");
	/* with a charset parameter it is JSON */
	assert_int_equal(http(srv, NULL, "POST", "/api/v1/session", json,
			      "Content-Type: application/json; charset=utf-8")
				 ->status,
			 200);
}

STORY(body_over_1_mib_is_413)
{
	struct resp *r;

	r = http(srv, NULL, "POST", "/api/v1/session", body_of_size(srv, MIB + 1));
	assert_error(srv, r, 413, "BODY_TOO_LARGE");
	assert_security_headers(srv, r, 1);
	/* the same without Content-Length (chunked) */
	r = http(srv, NULL, "POST", "/api/v1/session", body_of_size(srv, 2 * MIB),
		 "Transfer-Encoding: chunked");
	assert_error(srv, r, 413, "BODY_TOO_LARGE");
	/* exactly 1 MiB is read and judged on its content */
	r = http(srv, NULL, "POST", "/api/v1/session", body_of_size(srv, MIB));
	assert_error(srv, r, 400, "UNKNOWN_FIELD");
	/* and the server still serves */
	assert_int_equal(http(srv, NULL, "GET", "/api/v1/health", NULL)->status, 200);
}

/* API-2: a header block over 16 KiB. The server (libmicrohttpd) answers 431
 * itself, with its own small HTML page. */
STORY(header_over_16_kib_is_refused)
{
	char *filler = malloc(20 * 1024 + 1);
	const char *small, *big;
	struct resp *r;

	assert_non_null(filler);
	memset(filler, 'a', 20 * 1024);
	filler[20 * 1024] = '\0';
	big = fmt(srv, "X-Filler: %s", filler);
	filler[10 * 1024] = '\0';
	small = fmt(srv, "X-Filler: %s", filler);
	free(filler);

	r = http(srv, NULL, "GET", "/api/v1/health", NULL, big);
	if (r->status != 431)
		print_message("note: a 20 KiB header got %ld\n", r->status);
	assert_int_equal(r->status, 431);
	/* 10 KiB is within the limit */
	assert_int_equal(http(srv, NULL, "GET", "/api/v1/health", NULL, small)->status, 200);
	assert_int_equal(http(srv, NULL, "GET", "/api/v1/health", NULL)->status, 200);
}

/* API-2: nesting deeper than 32 is refused before any handler sees it. */
STORY(json_nested_too_deep_is_400)
{
	assert_error(srv, http(srv, NULL, "POST", "/api/v1/session", nested(srv, 40)), 400,
		     "BAD_JSON");
	assert_error(srv, http(srv, NULL, "POST", "/api/v1/session", nested(srv, 33)), 400,
		     "BAD_JSON");
	/* 32 levels parse; then the unknown key "a" is refused */
	assert_error(srv, http(srv, NULL, "POST", "/api/v1/session", nested(srv, 32)), 400,
		     "UNKNOWN_FIELD");
	assert_error(srv, http(srv, NULL, "POST", "/api/v1/session", nested(srv, 5000)), 400,
		     "BAD_JSON");
}

/* API-3: schema errors are 400 and name the field. */
STORY(schema_errors_name_the_field)
{
	struct session *admin = login(srv, "admin", DEMO_PW);
	long long cg = unit_id(srv, admin, "城关派出所");
	struct resp *r;

	r = http(srv, admin, "POST", "/api/v1/users",
		 fmt(srv,
		     "{\"username\":\"ziduan\",\"name\":\"字段\",\"role\":\"officer\","
		     "\"unit_id\":%lld,\"password\":\"Kaishi#Gongzuo-2026\",\"colour\":\"red\"}",
		     cg));
	assert_error(srv, r, 400, "UNKNOWN_FIELD");
	assert_non_null(strstr(rstr(r, "error.message"), "colour"));

	/* a step that takes no fields (lock) refuses one, and changes nothing */
	{
		long long mj2 = user_id(srv, admin, "minjing2");

		r = http(srv, admin, "POST", fmt(srv, "/api/v1/users/%lld/lock", mj2),
			 "{\"reason\":\"离职\"}");
		assert_error(srv, r, 400, "UNKNOWN_FIELD");
		assert_non_null(strstr(rstr(r, "error.message"), "reason"));
		assert_int_equal(login_attempt(srv, "minjing2", DEMO_PW, NULL)->status, 200);
	}

	r = http(srv, admin, "POST", "/api/v1/users",
		 fmt(srv,
		     "{\"username\":\"ziduan\",\"name\":\"字段\",\"role\":\"officer\","
		     "\"unit_id\":\"%lld\",\"password\":\"Kaishi#Gongzuo-2026\"}",
		     cg));
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "unit_id");

	r = http(srv, admin, "POST", "/api/v1/users",
		 fmt(srv,
		     "{\"username\":\"ziduan\",\"name\":\"字段\",\"role\":7,"
		     "\"unit_id\":%lld,\"password\":\"Kaishi#Gongzuo-2026\"}",
		     cg));
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "role");

	/* 33 characters for a name of at most 32 */
	r = http(srv, admin, "POST", "/api/v1/users",
		 user_body(srv, "ziduan", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三",
			   cg));
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "name");

	r = http(srv, admin, "POST", "/api/v1/users",
		 fmt(srv,
		     "{\"username\":\"ziduan\",\"role\":\"officer\","
		     "\"unit_id\":%lld,\"password\":\"Kaishi#Gongzuo-2026\"}",
		     cg));
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "name");

	r = http(srv, admin, "POST", "/api/v1/users", user_body(srv, "ziduan", "字\x01段", cg));
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "name");

	/* an escaped NUL is refused by the JSON parser already */
	r = http(srv, admin, "POST", "/api/v1/users",
		 fmt(srv,
		     "{\"username\":\"ziduan\",\"name\":\"字\\u0000段\",\"role\":\"officer\","
		     "\"unit_id\":%lld,\"password\":\"Kaishi#Gongzuo-2026\"}",
		     cg));
	assert_error(srv, r, 400, "BAD_JSON");

	/* a query parameter that is not a number */
	r = http(srv, admin, "GET", "/api/v1/users?page=abc", NULL);
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "page");
	r = http(srv, admin, "GET", "/api/v1/users?per_page=100000", NULL);
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "per_page");
	assert_error(srv, http(srv, admin, "GET", "/api/v1/users?q=%ZZ", NULL), 400, "BAD_QUERY");

	/* nothing was created */
	assert_int_equal(rnum(http(srv, admin, "GET", "/api/v1/users?q=ziduan", NULL), "total"),
			 0);
}

STORY(unknown_route_404_wrong_method_405)
{
	struct session *admin = login(srv, "admin", DEMO_PW);

	assert_error(srv, http(srv, admin, "GET", "/api/v1/nothing-here", NULL), 404, "NO_ROUTE");
	assert_error(srv, http(srv, NULL, "GET", "/api/v2/users", NULL), 404, "NO_ROUTE");
	assert_error(srv, http(srv, NULL, "GET", "/api", NULL), 404, "NO_ROUTE");
	/* a malformed id is 400 (ids are strict decimal, api_edge.c) */
	assert_error(srv, http(srv, admin, "PATCH", "/api/v1/users/abc", "{\"name\":\"某\"}"), 400,
		     "BAD_ID");
	assert_error(srv, http(srv, admin, "PATCH", "/api/v1/users/999999", "{\"name\":\"某\"}"),
		     404, "NOT_FOUND");
	assert_error(srv, http(srv, admin, "PATCH", "/api/v1/users/-1", "{\"name\":\"某\"}"), 400,
		     "BAD_ID");

	assert_error(srv, http(srv, admin, "DELETE", "/api/v1/users", NULL), 405,
		     "METHOD_NOT_ALLOWED");
	assert_error(srv, http(srv, admin, "PUT", "/api/v1/me", "{}"), 405, "METHOD_NOT_ALLOWED");
	assert_error(srv, http(srv, NULL, "POST", "/api/v1/health", NULL), 405,
		     "METHOD_NOT_ALLOWED");
	assert_error(srv, http(srv, admin, "GET", "/api/v1/users/1", NULL), 405,
		     "METHOD_NOT_ALLOWED");
	/* a 405 says which methods the path takes (RFC 9110 §15.5.6) */
	{
		struct resp *r = http(srv, admin, "DELETE", "/api/v1/users", NULL);

		assert_string_equal(resp_header(srv, r, "Allow"), "GET, HEAD, POST");
		r = http(srv, NULL, "POST", "/api/v1/health", NULL);
		assert_string_equal(resp_header(srv, r, "Allow"), "GET, HEAD");
	}
	/* HEAD is GET without the body, on the API as on the web files: the
	 * status and headers of the GET (it was 405) */
	{
		struct resp *g = http(srv, admin, "GET", "/api/v1/users", NULL);
		struct resp *h = http(srv, admin, "HEAD", "/api/v1/users", NULL);

		assert_int_equal(h->status, 200);
		assert_int_equal(h->body_len, 0);
		assert_string_equal(resp_header(srv, h, "Content-Type"), resp_header(srv, g, "Content-Type"));
		assert_int_equal(http(srv, NULL, "HEAD", "/api/v1/users", NULL)->status, 401);
	}
	/* the web UI takes only GET/HEAD */
	{
		struct resp *r = http(srv, NULL, "POST", "/", "{}");

		assert_error(srv, r, 405, "METHOD_NOT_ALLOWED");
		assert_string_equal(resp_header(srv, r, "Allow"), "GET, HEAD");
	}
	/* a web file that is not there is 404 in the API's form (it was
	 * English text), and so is a path the web does not serve */
	assert_error(srv, http(srv, NULL, "GET", "/assets/nope.js", NULL), 404, "NOT_FOUND");
	assert_error(srv, http(srv, NULL, "GET", "/.env", NULL), 404, "NOT_FOUND");
	/* paths that try to climb out */
	assert_error(srv, http(srv, NULL, "GET", "/api/../../etc/passwd", NULL), 400, "BAD_PATH");
	assert_error(srv, http(srv, NULL, "GET", "/%2e%2e/%2e%2e/etc/passwd", NULL), 400,
		     "BAD_PATH");
	assert_error(srv, http(srv, NULL, "GET", "/api/v1/me%00", NULL), 400, "BAD_PATH");
}

/* API-5: the security headers are on every answer, whatever its status. */
STORY(security_headers_on_every_response)
{
	struct session *admin = login(srv, "admin", DEMO_PW);
	long long cg = unit_id(srv, admin, "城关派出所");
	struct resp *rs[16];
	struct resp *page;
	int n = 0;

	rs[n++] = http(srv, NULL, "GET", "/api/v1/health", NULL);                        /* 200 */
	rs[n++] = login_attempt(srv, "fujing", DEMO_PW, NULL);                            /* 200 */
	rs[n++] = http(srv, admin, "POST", "/api/v1/users",
		       user_body(srv, "toubu", "头部", cg));                               /* 201 */
	rs[n++] = http(srv, admin, "DELETE", "/api/v1/session", NULL, "X-CSRF-Token:");  /* 403 */
	rs[n++] = http(srv, admin, "POST", "/api/v1/users", "{");                         /* 400 */
	rs[n++] = login_attempt(srv, "admin", "Wrong-Password-7", NULL);                  /* 401 */
	rs[n++] = http(srv, NULL, "GET", "/api/v1/me", NULL);                             /* 401 */
	rs[n++] = http(srv, NULL, "GET", "/api/v1/nope", NULL);                           /* 404 */
	rs[n++] = http(srv, NULL, "DELETE", "/api/v1/health", NULL);                      /* 405 */
	rs[n++] = http(srv, NULL, "POST", "/api/v1/session", body_of_size(srv, MIB + 1)); /* 413 */
	rs[n++] = http(srv, NULL, "POST", "/api/v1/session", "{}",
		       "Content-Type: text/plain");                                       /* 415 */
	rs[n++] = http(srv, NULL, "GET", "/api/v1/users?q=%ZZ", NULL);                    /* 400 */
	for (int i = 0; i < n; i++) {
		assert_security_headers(srv, rs[i], 1);
		if (rs[i]->status >= 400)
			assert_error(srv, rs[i], rs[i]->status, NULL);
		else
			assert_non_null(rs[i]->json);
	}
	assert_int_equal(rs[2]->status, 201);
	assert_int_equal(rs[3]->status, 403);
	/* the web shell too */
	page = http(srv, NULL, "GET", "/", NULL);
	assert_int_equal(page->status, 200);
	assert_security_headers(srv, page, 0);
	assert_non_null(strstr(resp_header(srv, page, "Content-Type"), "text/html"));
	assert_string_equal(resp_header(srv, page, "X-Frame-Options"), "DENY");
}

/* API-4: injection strings as filters and as field values are data. */
STORY(injection_strings_change_nothing)
{
	static const char *const evil[] = { "' OR 1=1--", "\"; DROP TABLE users;--",
					    "%' OR '1'='1", "admin'--", NULL };
	struct session *admin = login(srv, "admin", DEMO_PW);
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	long long cg = unit_id(srv, admin, "城关派出所");
	long long before, after;
	CURL *esc = curl_easy_init();
	struct resp *r;

	assert_non_null(esc);
	r = http(srv, admin, "GET", "/api/v1/users?per_page=1", NULL);
	before = rnum(r, "total");
	assert_true(before > 40); /* the demo county */

	for (int i = 0; evil[i]; i++) {
		char *q = curl_easy_escape(esc, evil[i], 0);
		const char *qq = fmt(srv, "%s", q);

		curl_free(q);
		r = http(srv, admin, "GET", fmt(srv, "/api/v1/users?q=%s", qq), NULL);
		assert_int_equal(r->status, 200);
		assert_int_equal(rnum(r, "total"), 0);
		r = http(srv, admin, "GET", fmt(srv, "/api/v1/users?role=%s", qq), NULL);
		assert_int_equal(r->status, 200);
		assert_int_equal(rnum(r, "total"), 0);
		r = http(srv, auditor, "GET", fmt(srv, "/api/v1/audit?user=%s", qq), NULL);
		assert_int_equal(r->status, 200);
		assert_int_equal(rnum(r, "total"), 0);
		/* as a username: refused by its format */
		r = http(srv, admin, "POST", "/api/v1/users", user_body(srv, evil[i], "注入", cg));
		assert_error(srv, r, 400, "INVALID_FIELD");
		assert_string_equal(rstr(r, "error.field"), "username");
		/* as a login */
		assert_error(srv, login_attempt(srv, evil[i], evil[i], NULL), 401,
			     "BAD_CREDENTIALS");
	}
	curl_easy_cleanup(esc);
	/* as a name: stored as it is, one legitimate user more */
	r = http(srv, admin, "POST", "/api/v1/users",
		 user_body(srv, "zhuru.test", "\"; DROP TABLE users;--", cg));
	assert_int_equal(r->status, 201);
	assert_string_equal(rstr(r, "user.name"), "\"; DROP TABLE users;--");

	r = http(srv, admin, "GET", "/api/v1/users?per_page=1", NULL);
	after = rnum(r, "total");
	assert_int_equal(after, before + 1);
	r = http(srv, admin, "GET", "/api/v1/users?q=DROP%20TABLE", NULL);
	assert_int_equal(rnum(r, "total"), 1);
	assert_string_equal(rstr(r, "items.0.username"), "zhuru.test");
	/* LIKE wildcards in q are literal: '%' matches nobody */
	r = http(srv, admin, "GET", "/api/v1/users?q=%25", NULL);
	assert_int_equal(rnum(r, "total"), 0);
	/* the audit chain is still whole (checked on the file after stopping) */
	server_stop(srv);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM users", NULL), before + 1);
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
}

/* API-3: an oversized filter in the query string is bad input (400 naming
 * the parameter), not a request body over the limit (413). */
STORY(oversized_query_filter_is_400)
{
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	char action[602];
	struct resp *r;

	memset(action, 'a', 600);
	action[600] = '*';
	action[601] = '\0';
	r = http(srv, auditor, "GET", fmt(srv, "/api/v1/audit?action=%s", action), NULL);
	assert_error(srv, r, 400, "INVALID_FIELD");
	assert_string_equal(rstr(r, "error.field"), "action");
}

/* A second `precinct serve` on the address a running server listens on is
 * refused (exit 1, the address named), and the first goes on alone. With
 * SO_REUSEPORT the kernel would share the port between the two, each
 * answering some of the connections: a server started by mistake on
 * another copy of the database would take some of the station's writes
 * into that copy, and sessions made on one would be unknown to the other. */
STORY(a_busy_port_refuses_a_second_server)
{
	const char *listen = fmt(srv, "127.0.0.1:%d", srv->port);
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	struct cli_result c = run_cli(srv, "serve", "--db", srv->db, "--listen", listen);
	struct resp *r;

	assert_int_equal(c.code, 1);
	if (!strstr(c.err, fmt(srv, "无法在 %s 上监听", listen)))
		fail_msg("the second server did not name the busy address: %s", c.err);
	/* every connection still reaches the first server, whose session it is */
	for (int i = 0; i < 20; i++) {
		r = http(srv, auditor, "GET", "/api/v1/me", NULL);
		assert_int_equal(r->status, 200);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(malformed_json_is_400_bad_json, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(wrong_content_type_is_415, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(body_over_1_mib_is_413, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(header_over_16_kib_is_refused, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(json_nested_too_deep_is_400, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(schema_errors_name_the_field, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(unknown_route_404_wrong_method_405, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(security_headers_on_every_response, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(injection_strings_change_nothing, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(oversized_query_filter_is_400, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(a_busy_port_refuses_a_second_server, setup_demo,
						teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
