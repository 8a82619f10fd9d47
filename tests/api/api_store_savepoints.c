/* api_store_savepoints.c — the writer's savepoints, as the group committer
 * uses them (`SAVEPOINT request` around every job of a batch), through the
 * store on the database of a fresh server. On PostgreSQL the writer's
 * SAVEPOINT and RELEASE wait for the next statement and go in its pipeline
 * (db_pg_txn.c), and a job that ran no statement sends neither; on SQLite
 * they run at once. What must hold on both: a released job is kept, a job
 * rolled back to its savepoint is undone, a refused job that wrote nothing
 * leaves the rest alone, a failed statement is undone by the job's ROLLBACK
 * TO, nested savepoints work; and when a savepoint command itself fails,
 * nothing of the transaction is kept. */
#include "harness.h"

#include "store/db.h"

#include <stdint.h>
#include <string.h>

struct writer {
	struct db *db;
	struct db_stmt *set, *get, *bad;
	struct ps_err e;
};

static void writer_open(struct server *srv, struct writer *w)
{
	memset(w, 0, sizeof(*w));
	ps_err_clear(&w->e);
	assert_int_equal(db_open(srv->db, &w->db, &w->e), PS_OK);
	assert_int_equal(db_use_as_writer(w->db, &w->e), PS_OK);
	/* a table of this connection's own: what a job kept is read back on
	 * it after the COMMIT */
	assert_int_equal(db_exec(w->db, "CREATE TEMP TABLE sp_t (k BIGINT PRIMARY KEY, v TEXT NOT NULL)", &w->e),
			 PS_OK);
	assert_int_equal(db_prepare(w->db, "INSERT INTO sp_t(k, v) VALUES (?, ?)", &w->set, &w->e), PS_OK);
	assert_int_equal(db_prepare(w->db, "SELECT COUNT(*) FROM sp_t WHERE k = ? AND v = ?", &w->get, &w->e), PS_OK);
	/* fails on both stores: abs() of the least 64-bit integer */
	assert_int_equal(db_prepare(w->db, "SELECT abs(CAST(? AS BIGINT))", &w->bad, &w->e), PS_OK);
}

/* one row, as a statement of a job */
static int writer_set(struct writer *w, int64_t k, const char *v)
{
	db_reset(w->set);
	db_bind_int(w->set, 1, k);
	db_bind_text(w->set, 2, v);
	return db_step(w->set, &w->e);
}

/* 1 when row k holds v (read outside the transaction, on the connection) */
static int64_t kept(struct writer *w, int64_t k, const char *v)
{
	int64_t n = -1;

	db_reset(w->get);
	db_bind_int(w->get, 1, k);
	db_bind_text(w->get, 2, v);
	if (db_step(w->get, &w->e) == PS_ROW)
		n = db_column_int(w->get, 0);
	db_reset(w->get);
	return n;
}

static void writer_close(struct writer *w)
{
	db_finalize(w->set);
	db_finalize(w->get);
	db_finalize(w->bad);
	db_close(w->db);
}

STORY(a_batch_of_jobs_keeps_and_undoes_each_by_its_savepoint)
{
	struct writer w;

	writer_open(srv, &w);
	assert_int_equal(db_begin(w.db, 1, &w.e), PS_OK);
	/* 1: a job that wrote and was released */
	assert_int_equal(db_savepoint(w.db, "request", &w.e), PS_OK);
	assert_int_equal(writer_set(&w, 1, "sp-kept"), PS_DONE);
	assert_int_equal(db_savepoint_release(w.db, "request", &w.e), PS_OK);
	/* 2: a job that wrote and was refused afterwards */
	assert_int_equal(db_savepoint(w.db, "request", &w.e), PS_OK);
	assert_int_equal(writer_set(&w, 2, "sp-undone"), PS_DONE);
	assert_int_equal(db_savepoint_rollback(w.db, "request", &w.e), PS_OK);
	assert_int_equal(db_savepoint_release(w.db, "request", &w.e), PS_OK);
	/* 3: a job refused before it wrote anything */
	assert_int_equal(db_savepoint(w.db, "request", &w.e), PS_OK);
	assert_int_equal(db_savepoint_rollback(w.db, "request", &w.e), PS_OK);
	assert_int_equal(db_savepoint_release(w.db, "request", &w.e), PS_OK);
	/* 4: a job that ran nothing at all */
	assert_int_equal(db_savepoint(w.db, "request", &w.e), PS_OK);
	assert_int_equal(db_savepoint_release(w.db, "request", &w.e), PS_OK);
	/* 5: a job whose statement failed after a write: its ROLLBACK TO
	 * undoes both, and the transaction goes on */
	assert_int_equal(db_savepoint(w.db, "request", &w.e), PS_OK);
	assert_int_equal(writer_set(&w, 3, "sp-failed"), PS_DONE);
	db_reset(w.bad);
	db_bind_int(w.bad, 1, INT64_MIN);
	assert_int_not_equal(db_step(w.bad, &w.e), PS_ROW);
	assert_true(db_in_transaction(w.db));
	assert_int_equal(db_savepoint_rollback(w.db, "request", &w.e), PS_OK);
	assert_int_equal(db_savepoint_release(w.db, "request", &w.e), PS_OK);
	/* 6: a job with a savepoint of its own inside (an import's chunk) */
	assert_int_equal(db_savepoint(w.db, "request", &w.e), PS_OK);
	assert_int_equal(db_savepoint(w.db, "chunk", &w.e), PS_OK);
	assert_int_equal(writer_set(&w, 4, "sp-chunk-undone"), PS_DONE);
	assert_int_equal(db_savepoint_rollback(w.db, "chunk", &w.e), PS_OK);
	assert_int_equal(db_savepoint_release(w.db, "chunk", &w.e), PS_OK);
	assert_int_equal(db_savepoint(w.db, "chunk", &w.e), PS_OK);
	assert_int_equal(writer_set(&w, 5, "sp-chunk-kept"), PS_DONE);
	assert_int_equal(db_savepoint_release(w.db, "chunk", &w.e), PS_OK);
	assert_int_equal(db_savepoint_release(w.db, "request", &w.e), PS_OK);
	assert_int_equal(db_commit(w.db, &w.e), PS_OK);
	assert_false(db_in_transaction(w.db));

	assert_int_equal(kept(&w, 1, "sp-kept"), 1);
	assert_int_equal(kept(&w, 2, "sp-undone"), 0);
	assert_int_equal(kept(&w, 3, "sp-failed"), 0);
	assert_int_equal(kept(&w, 4, "sp-chunk-undone"), 0);
	assert_int_equal(kept(&w, 5, "sp-chunk-kept"), 1);
	/* the connection goes on */
	assert_int_equal(db_begin(w.db, 1, &w.e), PS_OK);
	assert_int_equal(db_savepoint(w.db, "request", &w.e), PS_OK);
	assert_int_equal(writer_set(&w, 6, "sp-again"), PS_DONE);
	assert_int_equal(db_savepoint_release(w.db, "request", &w.e), PS_OK);
	assert_int_equal(db_commit(w.db, &w.e), PS_OK);
	assert_int_equal(kept(&w, 6, "sp-again"), 1);
	writer_close(&w);
}

/* A savepoint command that fails (here RELEASE of a savepoint never made)
 * must not leave a transaction that looks whole: on PostgreSQL the RELEASE
 * waits for the next statement, which then fails, and after it neither a
 * ROLLBACK TO an older savepoint (it would undo a job answered as done
 * without saying so) nor the COMMIT succeeds, and nothing is kept; on
 * SQLite the RELEASE fails at once, and the committer loses the batch. */
STORY(a_failed_savepoint_command_loses_the_transaction)
{
	struct writer w;
	int rc;

	writer_open(srv, &w);
	assert_int_equal(db_begin(w.db, 1, &w.e), PS_OK);
	assert_int_equal(db_savepoint(w.db, "request", &w.e), PS_OK);
	assert_int_equal(writer_set(&w, 1, "sp-lost-1"), PS_DONE);
	assert_int_equal(db_savepoint_release(w.db, "request", &w.e), PS_OK);
	assert_int_equal(db_savepoint(w.db, "request", &w.e), PS_OK);
	assert_int_equal(writer_set(&w, 2, "sp-lost-2"), PS_DONE);
	rc = db_savepoint_release(w.db, "never_made", &w.e);
	assert_int_equal(rc == PS_OK, db_is_url(srv->db)); /* deferred on PostgreSQL alone */
	if (rc == PS_OK) {
		/* deferred (PostgreSQL): the next statement carries it */
		assert_int_not_equal(writer_set(&w, 3, "sp-lost-3"), PS_DONE);
		assert_int_not_equal(db_savepoint_rollback(w.db, "request", &w.e), PS_OK);
		assert_int_not_equal(db_savepoint_release(w.db, "request", &w.e), PS_OK);
		assert_int_not_equal(db_commit(w.db, &w.e), PS_OK);
	} else {
		db_rollback(w.db);
	}
	assert_false(db_in_transaction(w.db));
	assert_int_equal(kept(&w, 1, "sp-lost-1"), 0);
	assert_int_equal(kept(&w, 2, "sp-lost-2"), 0);
	assert_int_equal(kept(&w, 3, "sp-lost-3"), 0);
	/* the connection goes on */
	assert_int_equal(db_begin(w.db, 1, &w.e), PS_OK);
	assert_int_equal(writer_set(&w, 7, "sp-after"), PS_DONE);
	assert_int_equal(db_commit(w.db, &w.e), PS_OK);
	assert_int_equal(kept(&w, 7, "sp-after"), 1);
	writer_close(&w);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_fresh, teardown_server)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(a_batch_of_jobs_keeps_and_undoes_each_by_its_savepoint),
		T(a_failed_savepoint_command_loses_the_transaction),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
