/* api_alloc_fail.c — the server under allocation failure (issue 12, item 9;
 * STYLE 4 and 12, after curl's torture tests and SQLite's malloc tests).
 *
 * The core stories of a station — log in, register a case, add a party,
 * take a 110 call, register a person, read the case list — are replayed
 * with the N-th allocation of the server failing, for N = 1, 2, 3 … until
 * the request needs fewer than N allocations. The server (a
 * PRECINCT_TEST_HOOKS build) arms the failure for a request carrying
 * "X-Test-Fail-Alloc: N" and tells in "X-Test-Alloc-Failed" how many of
 * its allocations failed. Every answer must be
 *   - a 2xx (the failure was absorbed: a read then lists exactly what it
 *     lists without failure), or
 *   - a clean 5xx: a JSON error with a code, and the database exactly as
 *     before the request (every row of every table compared);
 * never another status, a lost connection or a crash; and the server must
 * stop cleanly at the end (exit 0: no ASan/LSan report, so no leak). */
#include "case_util.h"

#include <stdint.h>

#define MAX_N 20000

/* ---- the database, every row of every table, hashed (FNV-1a) ----
 * except what the server's background breach sweep writes by itself: the
 * breach and breach_officer tables and the sweep's audit rows (username
 * system:sweep). */

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 0x100000001b3ULL;
	return h;
}

/* "table=hash " for every table of db, in name order, as db sees it (in
 * its read transaction, if one is open) */
static const char *db_hash(struct server *srv, sqlite3 *db)
{
	sqlite3_stmt *tables, *rows;
	const char *all = "";

	if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
			       -1, &tables, NULL) != SQLITE_OK)
		fail_msg("db_hash: %s", sqlite3_errmsg(db));
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(tables, 0);
		char sql[256];

		uint64_t h = 0xcbf29ce484222325ULL;

		/* the breach sweep of the server writes on its own every 30 s:
		 * its rows (a breach and who answers for it) are not the
		 * request's */
		if (strcmp(t, "breach") == 0 || strcmp(t, "breach_officer") == 0)
			continue;
		if (strcmp(t, "audit") == 0)
			snprintf(sql, sizeof(sql), "SELECT * FROM audit WHERE username IS NOT"
				 " 'system:sweep' ORDER BY rowid");
		else
			snprintf(sql, sizeof(sql), "SELECT * FROM \"%s\" ORDER BY rowid", t);
		if (sqlite3_prepare_v2(db, sql, -1, &rows, NULL) != SQLITE_OK) {
			/* a WITHOUT ROWID table */
			snprintf(sql, sizeof(sql), "SELECT * FROM \"%s\" ORDER BY 1, 2", t);
			if (sqlite3_prepare_v2(db, sql, -1, &rows, NULL) != SQLITE_OK)
				fail_msg("db_hash %s: %s", t, sqlite3_errmsg(db));
		}
		while (sqlite3_step(rows) == SQLITE_ROW)
			for (int i = 0; i < sqlite3_column_count(rows); i++) {
				unsigned char type = (unsigned char)sqlite3_column_type(rows, i);

				h = fnv(h, &type, 1);
				if (type == SQLITE_INTEGER) {
					/* as it is stored: no conversion to text */
					sqlite3_int64 v = sqlite3_column_int64(rows, i);

					h = fnv(h, &v, sizeof(v));
				} else if (type == SQLITE_FLOAT) {
					double v = sqlite3_column_double(rows, i);

					h = fnv(h, &v, sizeof(v));
				} else if (type != SQLITE_NULL) {
					const void *v = sqlite3_column_blob(rows, i);
					int n = sqlite3_column_bytes(rows, i);

					h = fnv(h, &n, sizeof(n));
					if (v)
						h = fnv(h, v, (size_t)n);
				}
			}
		sqlite3_finalize(rows);
		all = fmt(srv, "%s%s=%016llx ", all, t, (unsigned long long)h);
	}
	sqlite3_finalize(tables);
	return all;
}

/* The tables whose rows differ between two db_hash results. */
static const char *db_diff(struct server *srv, const char *a, const char *b)
{
	const char *d = "";

	while (*a && *b) {
		const char *ea = strchr(a, ' '), *eb = strchr(b, ' ');

		if (ea - a != eb - b || memcmp(a, b, (size_t)(ea - a)) != 0)
			d = fmt(srv, "%s%.*s ", d, (int)(strchr(a, '=') - a), a);
		a = ea + 1;
		b = eb + 1;
	}
	return d;
}

/* PRAGMA data_version of a connection kept open by the test: it changes
 * when any other connection commits, so an unchanged value proves that a
 * request wrote nothing without reading the whole database again. When it
 * changed, the database as it was before the request is the hash taken
 * after the last refused request (snap), or else (a request was answered
 * 2xx since) it is read on `before`, whose read transaction, begun before
 * the request, still sees it (WAL; the server's checkpoints are PASSIVE and
 * step around it): an answered request costs no hash of the database. */
static sqlite3 *watch, *before;

static void exec_or_fail(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
}

/* Pin the database as it is now on `before`. */
static void pin_before(void)
{
	if (!sqlite3_get_autocommit(before))
		exec_or_fail(before, "COMMIT");
	exec_or_fail(before, "BEGIN; SELECT COUNT(*) FROM sqlite_master");
}

static long long data_version(void)
{
	sqlite3_stmt *st;
	long long v = -1;

	if (sqlite3_prepare_v2(watch, "PRAGMA data_version", -1, &st, NULL) != SQLITE_OK)
		fail_msg("data_version: %s", sqlite3_errmsg(watch));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* "action outcome detail" of the newest audit row: what the server says it
 * did, to tell a wrong answer's path (a login's "unknown user", "wrong
 * password", "password not checked …"). */
static const char *last_audit(struct server *srv)
{
	sqlite3 *db = db_raw_open(srv->db);
	sqlite3_stmt *st;
	const char *s = "(none)";

	if (sqlite3_prepare_v2(db, "SELECT action, outcome, detail FROM audit ORDER BY id DESC LIMIT 1",
			       -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			s = fmt(srv, "%s %s %s", (const char *)sqlite3_column_text(st, 0),
				(const char *)sqlite3_column_text(st, 1),
				sqlite3_column_text(st, 2) ? (const char *)sqlite3_column_text(st, 2) : "");
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return s;
}

/* ---- the loop ---- */

/* One request of a story, with the extra header hdr (NULL: none). */
typedef struct resp *(*step_fn)(struct server *srv, const char *hdr, int i);

/* "total" and the ids of the items of a list answer. */
static const char *list_digest(struct server *srv, const struct resp *r)
{
	json_t *it;
	size_t i;
	const char *d = fmt(srv, "total=%lld", rnum(r, "total"));

	json_array_foreach(jpath(r->json, "items"), i, it)
		d = fmt(srv, "%s,%lld", d, (long long)json_integer_value(json_object_get(it, "id")));
	return d;
}

static void alloc_loop(struct server *srv, const char *what, step_fn step, int is_list)
{
	const char *want = NULL, *snap = NULL, *only = getenv("ALLOC_FAIL_ONLY");
	time_t t0 = time(NULL);
	int n, fives = 0, absorbed = 0;
	struct resp *r;

	/* ALLOC_FAIL_ONLY="read the case list" runs one loop (to debug it) */
	if (only && *only && strcmp(only, what) != 0)
		return;
	if (!watch)
		watch = db_raw_open(srv->db);
	if (!before)
		before = db_raw_open(srv->db);

	if (is_list) {
		r = step(srv, NULL, 0);
		EXPECT(r, 200);
		want = list_digest(srv, r);
	}
	srv->allow_5xx = 1;
	for (n = 1; n < MAX_N; n++) {
		const char *failed;
		long long version;

		pin_before();
		version = data_version();
		r = step(srv, fmt(srv, "X-Test-Fail-Alloc: %d", n), n);
		failed = resp_header(srv, r, "X-Test-Alloc-Failed");
		if (!failed)
			fail_msg("%s, allocation %d failing: status %ld, no X-Test-Alloc-Failed header"
				 " (a lost connection, or a build without PRECINCT_TEST_HOOKS): %s",
				 what, n, r->status, r->curl_error);
		if (r->status >= 500 && r->status <= 599) {
			if (atoi(failed) == 0)
				fail_msg("%s: %ld without an injected failure: %s", what, r->status,
					 r->body);
			if (!jpath(r->json, "error.code") || !has_chinese(rstr(r, "error.message")))
				fail_msg("%s, allocation %d failing: %ld without a clean JSON error: %s",
					 what, n, r->status, r->body);
			/* nothing committed since the request began, or else
			 * (the breach sweep ran) every row compared */
			if (data_version() != version) {
				const char *was = snap ? snap : db_hash(srv, before);
				const char *now = db_hash(srv, watch);

				if (strcmp(now, was) != 0)
					fail_msg("%s, allocation %d failing: answered %ld but the database"
						 " changed (tables: %s)", what, n, r->status,
						 db_diff(srv, was, now));
				snap = now; /* the state before the next request */
			}
			fives++;
		} else if (r->status >= 200 && r->status <= 299) {
			if (is_list && strcmp(list_digest(srv, r), want) != 0)
				fail_msg("%s, allocation %d failing: 2xx with another list: %s, want %s: %.300s",
					 what, n, list_digest(srv, r), want, r->body);
			snap = NULL; /* the request wrote: the next reads `before` */
			if (atoi(failed) == 0)
				break; /* the request needed fewer than n allocations */
			absorbed++;
		} else {
			fail_msg("%s, allocation %d failing: status %ld (only 2xx or a 5xx may be): %s;"
				 " the last audit row: %s", what, n, r->status, r->body, last_audit(srv));
		}
	}
	srv->allow_5xx = 0;
	sqlite3_close(watch);
	sqlite3_close(before); /* its read transaction ends with it */
	watch = before = NULL;
	if (n >= MAX_N)
		fail_msg("%s: still failing at allocation %d", what, n);
	print_message("%-22s %4d allocations: %4d answered 5xx, %3d absorbed (%lds)\n", what, n - 1,
		      fives, absorbed, (long)(time(NULL) - t0));
}

/* ---- the stories ---- */

static struct session *mj1, *jj, *mj3;
static long long co_officer, the_case;

static struct resp *login_step(struct server *srv, const char *hdr, int i)
{
	(void)i;
	return http(srv, NULL, "POST", API "/session",
		    J(srv, "{s:s, s:s}", "username", "suozhang", "password", DEMO_PW), hdr);
}

static struct resp *case_step(struct server *srv, const char *hdr, int i)
{
	return http(srv, mj1, "POST", API "/cases",
		    J(srv, "{s:s, s:s, s:s, s:s, s:I}", "kind", "admin", "title",
		      fmt(srv, "内存压力案件%d", i), "source", "walk_in", "act_date", day_str(srv, -1),
		      "co_officer_id", (json_int_t)co_officer),
		    hdr);
}

static struct resp *party_step(struct server *srv, const char *hdr, int i)
{
	return http(srv, mj1, "POST", fmt(srv, API "/cases/%lld/parties", the_case),
		    J(srv, "{s:s, s:s, s:s}", "role", "suspect", "name", fmt(srv, "压力%d", i),
		      "id_number", id_number(srv, 1980 + i % 20, 1 + i % 12, 1 + i % 28, i % 1000)),
		    hdr);
}

static struct resp *incident_step(struct server *srv, const char *hdr, int i)
{
	return http(srv, jj, "POST", API "/incidents",
		    J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s}", "source", "110", "caller_name", "报警人",
		      "caller_phone", "13912345678", "place", fmt(srv, "城关镇压力街%d号", i),
		      "category", "0201", "summary", "店内财物被盗"),
		    hdr);
}

static struct resp *person_step(struct server *srv, const char *hdr, int i)
{
	return http(srv, mj3, "POST", API "/persons",
		    J(srv, "{s:s, s:s, s:s}", "name", fmt(srv, "登记%d", i), "id_number",
		      id_number_at(srv, "320106", 1960 + i % 40, 1 + i % 12, 1 + i % 28, 500 + i % 400),
		      "kind", "temporary"),
		    hdr);
}

static struct resp *list_step(struct server *srv, const char *hdr, int i)
{
	(void)i;
	return http(srv, mj1, "GET", API "/cases?per_page=5", NULL, hdr);
}

STORY(core_stories_survive_allocation_failure)
{
	mj1 = login(srv, "minjing1", DEMO_PW);
	jj = login(srv, "jiejing", DEMO_PW);
	mj3 = login(srv, "minjing3", DEMO_PW);
	co_officer = colleague(srv, mj1, "张伟");
	the_case = rnum(case_new(srv, mj1, "内存压力基准案件", day_str(srv, -1), co_officer), "case.id");

	alloc_loop(srv, "log in", login_step, 0);
	alloc_loop(srv, "register a case", case_step, 0);
	alloc_loop(srv, "add a party", party_step, 0);
	alloc_loop(srv, "take a 110 call", incident_step, 0);
	alloc_loop(srv, "register a person", person_step, 0);
	alloc_loop(srv, "read the case list", list_step, 1);

	/* still serving, and a clean stop: no crash, no leak report */
	EXPECT(http(srv, mj1, "GET", API "/me", NULL), 200);
	server_stop(srv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(core_stories_survive_allocation_failure, setup_demo,
						teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
