/* db_pg_write.c — how a statement of the PostgreSQL store goes to the
 * server once it is prepared and bound (pg_run, db_pg.h), and how
 * several go together (pg_run_all).
 *
 * A read is one round trip; the independent reads of one record
 * (db_run_all) are one round trip together. A write takes the one write lock first (see
 * db_pg.c) and, when it could fail half-way through a transaction, must
 * not abort it all: PostgreSQL aborts the whole transaction on a failed
 * statement where SQLite undoes only the statement.
 *  - Inside a savepoint the caller holds (the group committer runs every
 *    request in `SAVEPOINT request`; an import runs its chunks in their
 *    own), the statement runs as it is: when it fails, the caller rolls
 *    back to its savepoint, as it does on SQLite for any failure of the
 *    request. No savepoint per statement: each is a subtransaction, and a
 *    batch of requests passed the 64 subtransactions a PostgreSQL backend
 *    caches per transaction — then every snapshot of every reader has to
 *    look transactions up in pg_subtrans.
 *  - Otherwise (a transaction of its own: the CLI, a ROUTE_SOLO request)
 *    SAVEPOINT, the statement and RELEASE go in one round trip (a
 *    pipeline), and a failure is rolled back to that savepoint.
 *  - Outside a transaction the write commits alone.
 * A read transaction's BEGIN goes with its first statement (a pipeline),
 * and its COMMIT is not waited for (db_pg.c): two round trips less for
 * every GET. */
#include "store/db_pg.h"

#include <stdlib.h>
#include <string.h>

static PGresult *run_prepared(struct db_stmt *st)
{
	return PQexecPrepared(st->db->conn, st->name, st->nparams,
			      (const char *const *)st->vals, st->lens, st->fmts, 0);
}

static int result_ok(PGresult *res)
{
	ExecStatusType s = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;

	return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

/* Drain the results of one pipelined query: the first one, NULL after it. */
static PGresult *pipeline_result(PGconn *conn)
{
	PGresult *res = PQgetResult(conn), *more;

	if (res)
		while ((more = PQgetResult(conn)) != NULL)
			PQclear(more);
	return res;
}

int pg_deferred_send(struct db *db)
{
	for (int i = 0; i < db->ndeferred; i++)
		if (!PQsendQueryParams(db->conn, db->deferred[i], 0, NULL, NULL, NULL, NULL, 0))
			return 0;
	return 1;
}

void pg_deferred_lost(struct db *db, int n)
{
	if (n) {
		db->ndeferred = 0;
		db->deferred_failed = 1;
	}
}

int pg_deferred_take(struct db *db, int n, struct ps_err *err)
{
	int rc = PS_OK;

	for (int i = 0; i < n; i++) {
		PGresult *res = pipeline_result(db->conn);

		if (!rc && (!res || PQresultStatus(res) != PGRES_COMMAND_OK)) {
			rc = pg_map(db, res, err, db->deferred[i]);
			db->deferred_failed = 1;
		}
		PQclear(res);
	}
	db->ndeferred = 0;
	return rc;
}

/* The deferred commands, the command before (a parameterless one; may be
 * NULL), st, and the command after (may be NULL) in one round trip (a
 * pipeline); *res is st's result (NULL when a command before failed: the
 * pipeline skips the rest). When one fails, the open transaction is
 * aborted. */
static int pipelined(struct db_stmt *st, const char *before, const char *after, PGresult **res,
		     struct ps_err *err)
{
	struct db *db = st->db;
	PGconn *conn = db->conn;
	PGresult *pre = NULL, *post = NULL;
	int rc = PS_OK, nd = db->ndeferred;

	*res = NULL;
	if (!PQenterPipelineMode(conn))
		return pg_map(db, NULL, err, st->pgsql);
	if (!pg_deferred_send(db) ||
	    (before && !PQsendQueryParams(conn, before, 0, NULL, NULL, NULL, NULL, 0)) ||
	    !PQsendQueryPrepared(conn, st->name, st->nparams, (const char *const *)st->vals,
				 st->lens, st->fmts, 0) ||
	    (after && !PQsendQueryParams(conn, after, 0, NULL, NULL, NULL, NULL, 0)) ||
	    !PQpipelineSync(conn)) {
		rc = pg_map(db, NULL, err, st->pgsql);
		PQexitPipelineMode(conn);
		pg_deferred_lost(db, nd);
		return rc;
	}
	rc = pg_deferred_take(db, nd, err);
	if (before)
		pre = pipeline_result(conn);
	*res = pipeline_result(conn);
	if (after)
		post = pipeline_result(conn);
	PQclear(PQgetResult(conn)); /* the sync */
	PQexitPipelineMode(conn);
	if (rc)
		; /* a deferred command's failure, taken above */
	else if (before && (!pre || PQresultStatus(pre) != PGRES_COMMAND_OK))
		rc = pg_map(db, pre, err, before);
	else if (!result_ok(*res))
		rc = pg_map(db, *res, err, st->pgsql);
	else if (after && (!post || PQresultStatus(post) != PGRES_COMMAND_OK))
		rc = pg_map(db, post, err, after);
	PQclear(pre);
	PQclear(post);
	if (rc) {
		PQclear(*res);
		*res = NULL;
	}
	return rc;
}

/* SAVEPOINT, the statement, RELEASE in one round trip. When the statement
 * fails, the transaction is aborted until ROLLBACK TO the savepoint,
 * which leaves it as it was before the statement. */
static int write_in_savepoint(struct db_stmt *st, struct ps_err *err)
{
	PGresult *res;
	int rc = pipelined(st, "SAVEPOINT ps_stmt", "RELEASE SAVEPOINT ps_stmt", &res, err);

	if (rc) {
		if (PQtransactionStatus(st->db->conn) == PQTRANS_INERROR &&
		    pg_exec(st->db, "ROLLBACK TO SAVEPOINT ps_stmt", NULL) == PS_OK)
			pg_exec(st->db, "RELEASE SAVEPOINT ps_stmt", NULL);
		return rc;
	}
	st->db->changes = strtoll(PQcmdTuples(res), NULL, 10);
	st->res = res;
	return PS_OK;
}

/* The result of a statement run as it is (a read, or a write inside the
 * caller's savepoint or alone in its transaction). */
static int run_plain(struct db_stmt *st, struct ps_err *err)
{
	PGresult *res;

	if (st->db->ndeferred) {
		/* the writer's SAVEPOINT or RELEASE go with it */
		int rc = pipelined(st, NULL, NULL, &res, err);

		if (rc)
			return rc;
	} else {
		res = run_prepared(st);
	}
	if (!result_ok(res)) {
		int rc = pg_map(st->db, res, err, st->pgsql);

		PQclear(res);
		return rc;
	}
	if (st->is_write)
		st->db->changes = strtoll(PQcmdTuples(res), NULL, 10);
	st->res = res;
	return PS_OK;
}

/* The pending BEGIN of a read transaction and st in one round trip. */
static int begin_and_run(struct db_stmt *st, struct ps_err *err)
{
	st->db->begin_pending = 0;
	return pipelined(st, PG_BEGIN_READ, NULL, &st->res, err);
}

int pg_run(struct db_stmt *st, struct ps_err *err)
{
	struct db *db = st->db;
	int rc;

	if (!st->is_write)
		return db->begin_pending ? begin_and_run(st, err) : run_plain(st, err);
	if (!pg_in_txn(db)) {
		/* autocommit: alone in a write transaction */
		rc = pg_begin(db, 1, err);
		if (!rc)
			rc = run_plain(st, err);
		if (rc) {
			pg_rollback(db);
			return rc;
		}
		return pg_commit(db, err);
	}
	rc = pg_take_write_lock(db, err);
	if (rc)
		return rc;
	if (db->savepoints > 0)
		return run_plain(st, err);
	return write_in_savepoint(st, err);
}

/* db.h's db_run_all: the reads (and a pending BEGIN before them) in one
 * pipeline; each result is kept in its statement for its steps. */
int pg_run_all(struct db_stmt **sts, int n, struct ps_err *err)
{
	struct db *db = sts[0]->db;
	PGconn *conn = db->conn;
	int rc = PS_OK, begin, sent, nd;

	for (int i = 0; i < n; i++)
		if (sts[i]->is_write || sts[i]->ran || sts[i]->db != db)
			return PS_OK;
	if (!pg_in_txn(db)) {
		rc = pg_reconnect_if_lost(db, err);
		if (rc)
			return rc;
	}
	for (int i = 0; i < n && !rc; i++) {
		rc = pg_server_prepare(sts[i], err);
#ifdef PS_TEST_HOOKS
		if (!rc)
			rc = pg_fault_hit(db, sts[i]->sql, err);
#endif
	}
	if (rc)
		return rc;
	begin = db->begin_pending;
	db->begin_pending = 0;
	nd = db->ndeferred;
	if (!PQenterPipelineMode(conn))
		return pg_map(db, NULL, err, sts[0]->pgsql);
	sent = pg_deferred_send(db) &&
	       (!begin || PQsendQueryParams(conn, PG_BEGIN_READ, 0, NULL, NULL, NULL, NULL, 0));
	for (int i = 0; sent && i < n; i++)
		sent = PQsendQueryPrepared(conn, sts[i]->name, sts[i]->nparams,
					   (const char *const *)sts[i]->vals, sts[i]->lens, sts[i]->fmts, 0);
	if (!sent || !PQpipelineSync(conn)) {
		rc = pg_map(db, NULL, err, sts[0]->pgsql);
		PQexitPipelineMode(conn);
		pg_deferred_lost(db, nd);
		return rc;
	}
	rc = pg_deferred_take(db, nd, err);
	if (begin) {
		PGresult *res = pipeline_result(conn);

		if (!rc && (!res || PQresultStatus(res) != PGRES_COMMAND_OK))
			rc = pg_map(db, res, err, PG_BEGIN_READ);
		PQclear(res);
	}
	/* after a failure the pipeline skips the rest: their results are
	 * taken and dropped */
	for (int i = 0; i < n; i++) {
		PGresult *res = pipeline_result(conn);

		if (!rc && !result_ok(res))
			rc = pg_map(db, res, err, sts[i]->pgsql);
		if (rc)
			PQclear(res);
		else
			sts[i]->res = res;
	}
	PQclear(PQgetResult(conn)); /* the sync */
	PQexitPipelineMode(conn);
	for (int i = 0; i < n; i++) {
		if (!rc) {
			pg_rows_ready(sts[i]);
		} else if (sts[i]->res) {
			PQclear(sts[i]->res);
			sts[i]->res = NULL;
		}
	}
	return rc;
}
