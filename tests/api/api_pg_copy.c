/* api_pg_copy.c — precinct copy (issue 14): the demo county built on an
 * SQLite file, copied into an empty PostgreSQL database, answers every list
 * route exactly as the file does, for each kind of user; the copy's report
 * names every table with equal counts and checksums; a second copy into a
 * database that has rows is refused. Runs only on PostgreSQL (ctest:
 * api_pg_copy_pg; tests/CMakeLists.txt PG_ONLY). */
#include "harness.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define API "/api/v1"

static const char *const lists[] = {
	"/users?per_page=200",	  "/units",
	"/cases?per_page=200",	  "/approvals",
	"/warnings",		  "/warnings/summary",
	"/breaches?per_page=200", "/measures?per_page=200",
	"/custody",		  "/holidays",
	"/incident-categories",	  "/incidents?per_page=200",
	"/incidents/board",	  "/oversight",
	"/addresses?per_page=200", "/persons?per_page=200",
	"/persons?q=%E5%BC%A0%E4%BC%9F", /* 张伟: a 2-character name */
	"/rentals?per_page=200",  "/employers?per_page=200",
	"/wanted",		  "/hits",
	"/letters",		  "/population/summary",
	"/colleagues",		  "/offences",
	"/reports/daily",	  "/reports/stats",
	"/incidents?per_page=50&page=2",
	"/beats",
};

static const char *const users[] = { "admin", "juzhang", "suozhang", "minjing1", "jiejing" };

STORY(demo_county_copied_to_postgresql_answers_alike)
{
	const char *file = srv_path(srv, "county.db");
	const char *url = server_pg_empty_db(srv);
	struct cli_result r;
	struct server *a, *b;
	int compared = 0;

	r = run_cli(srv, "init", "--db", file, "--demo");
	if (r.code != 0)
		fail_msg("init: %s%s", r.out, r.err);
	r = run_cli(srv, "copy", "--from", file, "--to", url);
	if (r.code != 0)
		fail_msg("copy (%d): %s%s", r.code, r.out, r.err);
	print_message("%s", r.out);
	/* the report: every table, equal on both sides */
	assert_non_null(strstr(r.out, "copy complete"));
	assert_null(strstr(r.out, "DIFFERENT"));
	for (const char *t = strstr(r.out, "\n"); t && t[1]; t = strstr(t + 1, "\n"))
		if (strncmp(t + 1, "copy complete", 13) != 0)
			assert_non_null(strstr(t + 1, " ok"));
	assert_non_null(strstr(r.out, "\naudit "));
	assert_non_null(strstr(r.out, "\nperson "));
	assert_non_null(strstr(r.out, "\npolice_case "));
	/* the copy leaves the planner its statistics: every table analyzed, so
	 * that the first plans are not made for empty tables */
	assert_int_equal(db_raw_int(url,
				    "SELECT COUNT(*) FROM pg_stat_user_tables"
				    " WHERE last_analyze IS NULL AND last_autoanalyze IS NULL",
				    NULL),
			 0);
	assert_true(db_raw_int(url, "SELECT reltuples::bigint FROM pg_class WHERE relname = 'person'", NULL) > 0);
	/* a copy into a database that holds the county already is refused */
	r = run_cli(srv, "copy", "--from", file, "--to", url);
	assert_int_equal(r.code, 1);

	/* one instant for both servers, so that nothing computed from the clock
	 * (a custody clock's remaining seconds, the minutes since a meal, the
	 * answer's own "now", a login's time, the breach sweep at each server's
	 * start) can differ between the two answers */
	clock_freeze(srv);
	a = server_on(srv, file, fmt(srv, "%s.key", file));
	b = server_on(srv, url, fmt(srv, "%s.key", file));
	for (size_t u = 0; u < sizeof(users) / sizeof(users[0]); u++) {
		struct session *sa = login(a, users[u], DEMO_PW), *sb = login(b, users[u], DEMO_PW);

		for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
			/* the statistics of the last 30 days */
			const char *path = strcmp(lists[i], "/reports/stats") == 0
						   ? fmt(srv, API "/reports/stats?from=%lld&to=%lld",
							 (long long)time(NULL) - 30 * 86400,
							 (long long)time(NULL) + 86400)
						   : fmt(srv, API "%s", lists[i]);
			struct resp *ra = http(a, sa, "GET", path, NULL);
			struct resp *rb = http(b, sb, "GET", path, NULL);

			assert_int_equal(ra->status, rb->status);
			if (ra->status != 200)
				continue;
			assert_non_null(ra->json);
			assert_non_null(rb->json);
			if (!json_equal(ra->json, rb->json)) {
				char *ja = json_dumps(ra->json, JSON_COMPACT | JSON_SORT_KEYS);
				char *jb = json_dumps(rb->json, JSON_COMPACT | JSON_SORT_KEYS);
				size_t d = 0;

				while (ja && jb && ja[d] && ja[d] == jb[d])
					d++;
				d = d > 200 ? d - 200 : 0;
				fail_msg("%s as %s differs:\nSQLite:     …%.800s\nPostgreSQL: …%.800s",
					 lists[i], users[u], ja ? ja + d : "", jb ? jb + d : "");
			}
			compared++;
		}
	}
	print_message("%d list answers equal on both stores\n", compared);
	assert_true(compared >= 60);
	/* the copied audit chain verifies on PostgreSQL */
	r = run_cli(srv, "audit", "verify", "--db", url);
	if (r.code != 0)
		fail_msg("audit verify on the copy: %s%s", r.out, r.err);
	a->passed = b->passed = 1;
	server_free(a);
	server_free(b);
}

/* A county's schema grows with every issue: the copy lists its tables as it
 * finds them. It stopped at 256 once, without a word, and the tables after
 * the 256th (by name) would have stayed behind: 120 more tables, each with a
 * row, are copied and reported like the rest. */
STORY(every_table_is_copied_however_many_there_are)
{
	const char *file = srv_path(srv, "county.db");
	const char *url = server_pg_empty_db(srv);
	struct cli_result r;
	char sql[160];

	r = run_cli(srv, "init", "--db", file);
	if (r.code != 0)
		fail_msg("init: %s%s", r.out, r.err);
	assert_true(db_raw_int(file, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table'", NULL) > 136);
	for (int i = 0; i < 120; i++) {
		snprintf(sql, sizeof(sql), "CREATE TABLE zz_extra_%03d (id INTEGER PRIMARY KEY, v TEXT, r DOUBLE PRECISION)",
			 i);
		assert_int_equal(db_raw_exec(file, sql), SQLITE_OK);
		assert_int_equal(db_raw_exec(url, sql), SQLITE_OK);
		snprintf(sql, sizeof(sql), "INSERT INTO zz_extra_%03d (id, v, r) VALUES (1, '第%d张表', 0.1 + 0.2)", i, i);
		assert_int_equal(db_raw_exec(file, sql), SQLITE_OK);
	}
	r = run_cli(srv, "copy", "--from", file, "--to", url);
	if (r.code != 0)
		fail_msg("copy (%d): %s%s", r.code, r.out, r.err);
	assert_non_null(strstr(r.out, "\nzz_extra_000 "));
	assert_non_null(strstr(r.out, "\nzz_extra_119 "));
	assert_null(strstr(r.out, "DIFFERENT"));
	assert_int_equal(db_raw_int(url, "SELECT COUNT(*) FROM zz_extra_119 WHERE v = '第119张表'", NULL), 1);
	/* a REAL goes whole, every bit of it: its 15-digit text made 0.3 of
	 * 0.30000000000000004 (and the checksum, read the same way, saw none) */
	assert_int_equal(db_raw_int(url, "SELECT COUNT(*) FROM zz_extra_000 WHERE r = 0.1::float8 + 0.2::float8", NULL),
			 1);
}

/* The source is read as it is. A mistyped --from made an empty county,
 * migrated it, copied it and reported every table "ok" (exit 0): a
 * scripted move would have put the stations on an empty database. And a
 * source at an older version (its servers not upgraded yet) was migrated
 * under them by the copy; it is now refused with what to do. */
STORY(the_copy_reads_its_source_as_it_is)
{
	const char *file = srv_path(srv, "county.db"), *typo = srv_path(srv, "countv.db");
	const char *url = server_pg_empty_db(srv);
	struct cli_result r;

	r = run_cli(srv, "copy", "--from", typo, "--to", url);
	assert_int_equal(r.code, 1);
	assert_non_null(strstr(r.err, "不存在"));
	assert_int_equal(access(typo, F_OK), -1);
	assert_int_equal(db_raw_int(url, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'users'",
				    NULL),
			 0);

	r = run_cli(srv, "init", "--db", file);
	if (r.code != 0)
		fail_msg("init: %s%s", r.out, r.err);
	assert_int_equal(db_raw_exec(file, "DELETE FROM schema_version WHERE version ="
					   " (SELECT MAX(version) FROM schema_version)"),
			 SQLITE_OK);
	{
		long long before = db_raw_int(file, "SELECT MAX(version) FROM schema_version", NULL);

		r = run_cli(srv, "copy", "--from", file, "--to", url);
		assert_int_equal(r.code, 1);
		assert_non_null(strstr(r.err, "precinct migrate"));
		assert_int_equal(db_raw_int(file, "SELECT MAX(version) FROM schema_version", NULL), before);
	}
	assert_int_equal(db_raw_int(url, "SELECT COUNT(*) FROM users", NULL), 0);
}

/* The demo county built straight on PostgreSQL keeps its evidence files in
 * the directory PRECINCT_FILES_DIR names: without it, init refuses before
 * writing a row — once it failed half-way, and PostgreSQL, which does not
 * take back the identities of rolled-back rows, left the next init meeting
 * 案件不存在 — and with it the same database is built whole. */
STORY(the_demo_county_on_postgresql_needs_its_attachments_directory)
{
	const char *url = server_pg_empty_db(srv);
	char files[sizeof(srv->files)];
	struct cli_result r;

	memcpy(files, srv->files, sizeof(files));
	srv->files[0] = '\0'; /* run_cli names no PRECINCT_FILES_DIR */
	r = run_cli(srv, "init", "--db", url, "--demo");
	memcpy(srv->files, files, sizeof(files));
	assert_int_equal(r.code, 1);
	assert_non_null(strstr(r.err, "PRECINCT_FILES_DIR"));
	assert_int_equal(db_raw_int(url, "SELECT COUNT(*) FROM users", NULL), 0);
	assert_int_equal(db_raw_int(url, "SELECT COUNT(*) FROM police_case", NULL), 0);
	r = run_cli(srv, "init", "--db", url, "--demo");
	if (r.code != 0)
		fail_msg("init with the directory (%d): %s%s", r.code, r.out, r.err);
	assert_true(db_raw_int(url, "SELECT COUNT(*) FROM police_case", NULL) >= 15);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(demo_county_copied_to_postgresql_answers_alike,
						setup_fresh, teardown_server),
		cmocka_unit_test_setup_teardown(the_demo_county_on_postgresql_needs_its_attachments_directory,
						setup_fresh, teardown_server),
		cmocka_unit_test_setup_teardown(every_table_is_copied_however_many_there_are,
						setup_fresh, teardown_server),
		cmocka_unit_test_setup_teardown(the_copy_reads_its_source_as_it_is, setup_fresh,
						teardown_server),
	};

	if (!test_pg_url()) {
		fprintf(stderr, "api_pg_copy needs PostgreSQL (PRECINCT_TEST_PG_DIR): run api_pg_copy_pg\n");
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
