/* api_store_reads.c — several reads run together (db_run_all, store/db.h),
 * on the database of a fresh server, through the store as the domain calls
 * it: on SQLite each runs at its first step, on PostgreSQL they go to the
 * server in one pipeline (a case file's thirteen lists, a person record's
 * six). What must hold on both: the rows are those of the statements run
 * one by one; a failing one fails the read and leaves the connection
 * usable after the rollback; a write among them runs at its step. The
 * answers of the case file and the person record themselves are checked by
 * the stories that read them (api_case_story, api_masking, api_lists). */
#include "harness.h"

#include "store/db.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct reads {
	struct db *db;
	struct db_stmt *st[3];
	struct ps_err e;
};

static void reads_open(struct server *srv, struct reads *r)
{
	static const char *const sql[3] = { "SELECT ? + 1", "SELECT abs(CAST(? AS BIGINT))", "SELECT name FROM org_unit WHERE id = ?" };

	memset(r, 0, sizeof(*r));
	ps_err_clear(&r->e);
	assert_int_equal(db_open(srv->db, &r->db, &r->e), PS_OK);
	for (int i = 0; i < 3; i++)
		assert_int_equal(db_prepare(r->db, sql[i], &r->st[i], &r->e), PS_OK);
}

static void reads_bind(struct reads *r, int64_t a, int64_t b)
{
	for (int i = 0; i < 3; i++)
		db_reset(r->st[i]);
	assert_int_equal(db_bind_int(r->st[0], 1, a), PS_OK);
	assert_int_equal(db_bind_int(r->st[1], 1, b), PS_OK);
	assert_int_equal(db_bind_int(r->st[2], 1, 1), PS_OK);
}

/* each statement's one row, as run one by one */
static void reads_expect(struct reads *r, int64_t a1, int64_t absb, const char *unit)
{
	assert_int_equal(db_step(r->st[0], &r->e), PS_ROW);
	assert_int_equal(db_column_int(r->st[0], 0), a1);
	assert_int_equal(db_step(r->st[1], &r->e), PS_ROW);
	assert_int_equal(db_column_int(r->st[1], 0), absb);
	assert_int_equal(db_step(r->st[2], &r->e), PS_ROW);
	assert_string_equal(db_column_text(r->st[2], 0), unit);
	for (int i = 0; i < 3; i++)
		assert_int_equal(db_step(r->st[i], &r->e), PS_DONE);
}

static void reads_close(struct reads *r)
{
	for (int i = 0; i < 3; i++)
		db_finalize(r->st[i]);
	db_close(r->db);
}

STORY(reads_run_together_answer_as_one_by_one)
{
	struct reads r;
	const char *unit;

	reads_open(srv, &r);
	unit = db_raw_text(srv, srv->db, "SELECT name FROM org_unit WHERE id = 1");
	/* in a read transaction (on PostgreSQL its BEGIN goes with them) */
	assert_int_equal(db_begin(r.db, 0, &r.e), PS_OK);
	reads_bind(&r, 41, -5);
	assert_int_equal(db_run_all(r.st, 3, &r.e), PS_OK);
	reads_expect(&r, 42, 5, unit);
	/* again in the same transaction, new bindings */
	reads_bind(&r, 6, 7);
	assert_int_equal(db_run_all(r.st, 3, &r.e), PS_OK);
	reads_expect(&r, 7, 7, unit);
	assert_int_equal(db_commit(r.db, &r.e), PS_OK);
	/* outside a transaction */
	reads_bind(&r, 1, -1);
	assert_int_equal(db_run_all(r.st, 3, &r.e), PS_OK);
	reads_expect(&r, 2, 1, unit);
	/* a statement that ran already is left to its steps: nothing is sent
	 * twice, and its rows are still there */
	reads_bind(&r, 9, 9);
	assert_int_equal(db_step(r.st[0], &r.e), PS_ROW);
	assert_int_equal(db_run_all(r.st, 3, &r.e), PS_OK);
	assert_int_equal(db_column_int(r.st[0], 0), 10);
	assert_int_equal(db_step(r.st[0], &r.e), PS_DONE);
	assert_int_equal(db_step(r.st[1], &r.e), PS_ROW);
	assert_int_equal(db_column_int(r.st[1], 0), 9);
	reads_close(&r);
}

STORY(a_failing_read_fails_the_read_and_the_connection_goes_on)
{
	struct reads r;
	const char *unit;
	int rc, failed = 0;

	reads_open(srv, &r);
	unit = db_raw_text(srv, srv->db, "SELECT name FROM org_unit WHERE id = 1");
	assert_int_equal(db_begin(r.db, 0, &r.e), PS_OK);
	/* abs() of the least 64-bit integer fails on both stores */
	reads_bind(&r, 1, INT64_MIN);
	rc = db_run_all(r.st, 3, &r.e);
	if (test_pg_url())
		assert_int_not_equal(rc, PS_OK);
	if (rc) {
		failed = 1; /* PostgreSQL: the pipeline failed */
	} else {
		/* SQLite: at the step of the one that fails */
		assert_int_equal(db_step(r.st[0], &r.e), PS_ROW);
		failed = db_step(r.st[1], &r.e) != PS_ROW;
	}
	assert_true(failed);
	assert_true(r.e.msg[0] != '\0');
	db_rollback(r.db);
	/* the connection answers the next read */
	assert_int_equal(db_begin(r.db, 0, &r.e), PS_OK);
	reads_bind(&r, 3, -4);
	assert_int_equal(db_run_all(r.st, 3, &r.e), PS_OK);
	reads_expect(&r, 4, 4, unit);
	assert_int_equal(db_commit(r.db, &r.e), PS_OK);
	reads_close(&r);
}

STORY(a_write_among_them_runs_at_its_step)
{
	struct db *db;
	struct db_stmt *st[2];
	struct ps_err e;

	ps_err_clear(&e);
	assert_int_equal(db_open(srv->db, &db, &e), PS_OK);
	assert_int_equal(db_prepare(db, "SELECT COUNT(*) FROM org_unit WHERE phone = ?", &st[0], &e), PS_OK);
	assert_int_equal(db_prepare(db, "UPDATE org_unit SET phone = ? WHERE id = 1", &st[1], &e), PS_OK);
	assert_int_equal(db_bind_text(st[0], 1, "0000-run-all"), PS_OK);
	assert_int_equal(db_bind_text(st[1], 1, "0000-run-all"), PS_OK);
	assert_int_equal(db_begin(db, 1, &e), PS_OK);
	assert_int_equal(db_run_all(st, 2, &e), PS_OK);
	/* nothing ran: the count is taken at its step, before the update */
	assert_int_equal(db_step(st[0], &e), PS_ROW);
	assert_int_equal(db_column_int(st[0], 0), 0);
	assert_int_equal(db_step(st[1], &e), PS_DONE);
	assert_int_equal(db_changes(db), 1);
	assert_int_equal(db_commit(db, &e), PS_OK);
	db_finalize(st[0]);
	db_finalize(st[1]);
	db_close(db);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM org_unit WHERE phone = ?", "0000-run-all"), 1);
}

/* More distinct statements than a connection keeps prepared (2 048 on
 * PostgreSQL: PG_CACHE_MAX, db_pg.c), in a transaction and then outside
 * one: each answers right, and the server lets go of those beyond the
 * cache — DEALLOCATE at once outside a transaction, before the next one
 * inside — so a long-lived connection's backend does not grow without end
 * (pg_prepared_statements: 2 048 kept and the one asking, not the 5 000
 * and more prepared). SQLite keeps no statement on a server: they answer
 * alike. */
STORY(statements_beyond_the_cache_answer_and_are_let_go)
{
	enum { N = 2500, CACHE = 2048 };
	struct db *db;
	struct db_stmt *st;
	struct ps_err e;

	ps_err_clear(&e);
	assert_int_equal(db_open(srv->db, &db, &e), PS_OK);
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 0)
			assert_int_equal(db_begin(db, 0, &e), PS_OK);
		for (int i = 0; i < N; i++) {
			char sql[64];

			snprintf(sql, sizeof(sql), "SELECT ? + %d", pass * 100000 + i);
			assert_int_equal(db_prepare(db, sql, &st, &e), PS_OK);
			assert_int_equal(db_bind_int(st, 1, i), PS_OK);
			assert_int_equal(db_step(st, &e), PS_ROW);
			assert_int_equal(db_column_int(st, 0), pass * 100000 + 2 * i);
			assert_int_equal(db_step(st, &e), PS_DONE);
			db_finalize(st);
		}
		if (pass == 0)
			assert_int_equal(db_commit(db, &e), PS_OK);
	}
	if (test_pg_url()) {
		assert_int_equal(db_prepare(db, "SELECT COUNT(*) FROM pg_prepared_statements", &st, &e), PS_OK);
		assert_int_equal(db_step(st, &e), PS_ROW);
		print_message("%d statements prepared, %lld on the server after\n", 2 * N,
			      (long long)db_column_int(st, 0));
		assert_int_equal(db_column_int(st, 0), CACHE + 1);
		db_finalize(st);
	}
	db_close(db);
}

/* PostgreSQL's "data corrupted" and "index corrupted" (XX001, XX002, as a
 * damaged page raises them) are told apart from a failing store: code
 * STORAGE_CORRUPT, which the API answers 503 DB_CORRUPT with an ALERT
 * (SQLite's own damaged page: api_io_errors.c). */
STORY(a_damaged_page_is_told_apart_from_a_failing_store)
{
	static const char *const states[] = { "XX001", "XX002" };
	struct db *db;
	struct ps_err e;

	if (!test_pg_url()) {
		print_message("SQLite: a real damaged page in api_io_errors.c\n");
		return;
	}
	ps_err_clear(&e);
	assert_int_equal(db_open(srv->db, &db, &e), PS_OK);
	for (int i = 0; i < 2; i++) {
		ps_err_clear(&e);
		assert_int_equal(db_exec(db,
					 fmt(srv,
					     "DO $$ BEGIN RAISE EXCEPTION 'could not read block 7' USING ERRCODE"
					     " = '%s'; END $$",
					     states[i]),
					 &e),
				 PS_EIO);
		assert_string_equal(e.code, "STORAGE_CORRUPT");
		assert_non_null(strstr(e.msg, "数据库文件已损坏"));
	}
	db_close(db);
}

/* Every server of a city writes deadlines, timestamps and audit rows on
 * its own clock: one whose clock strays a minute or more from the
 * database server's (no NTP on that host) is refused before it serves;
 * a few seconds are said in its log. The store reads PostgreSQL's clock;
 * SQLite has none of its own (one machine, one clock). The stray is made
 * by a test hook on this machine's side of the comparison. */
STORY(a_server_whose_clock_strays_is_refused)
{
	struct cli_result c;
	struct server *b;
	struct db *db;
	struct ps_err e;
	int64_t ms, here;

	ps_err_clear(&e);
	assert_int_equal(db_open(srv->db, &db, &e), PS_OK);
	assert_int_equal(db_clock_ms(db, &ms, &e), PS_OK);
	db_close(db);
	if (!test_pg_url()) {
		assert_int_equal(ms, 0);
		return;
	}
	here = (int64_t)time(NULL) * 1000;
	assert_true(ms > here - 5000 && ms < here + 5000);
	assert_int_equal(setenv("PRECINCT_TEST_CLOCK_SKEW_MS", "-120000", 1), 0);
	c = run_cli(srv, "serve", "--db", srv->db, "--listen", "127.0.0.1:0");
	assert_int_equal(unsetenv("PRECINCT_TEST_CLOCK_SKEW_MS"), 0);
	assert_int_equal(c.code, 1);
	if (!strstr(c.err, "本机时钟比数据库服务器慢 120") || !strstr(c.err, "请先校准本机时间"))
		fail_msg("not refused for its clock: %s", c.err);
	assert_int_equal(setenv("PRECINCT_TEST_CLOCK_SKEW_MS", "5000", 1), 0);
	b = server_on(srv, srv->db, NULL);
	assert_int_equal(unsetenv("PRECINCT_TEST_CLOCK_SKEW_MS"), 0);
	assert_int_equal(server_logged(b, "WARNING: this machine's clock is"), 1);
	server_free(b);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_fresh, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(reads_run_together_answer_as_one_by_one),
		T(a_failing_read_fails_the_read_and_the_connection_goes_on),
		T(a_write_among_them_runs_at_its_step),
		T(statements_beyond_the_cache_answer_and_are_let_go),
		T(a_damaged_page_is_told_apart_from_a_failing_store),
		T(a_server_whose_clock_strays_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
