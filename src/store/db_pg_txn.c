/* db_pg_txn.c — the transactions of the PostgreSQL store: plain commands,
 * BEGIN/COMMIT/ROLLBACK with the one write lock, savepoints, and the round
 * trips saved: a read's BEGIN goes with its first statement (db_pg_write.c)
 * and its COMMIT is not waited for (pg_settle); the writer's SAVEPOINT and
 * RELEASE around each job of a batch go with the job's first statement and
 * with the next job's (or the COMMIT), and a job that ran no statement
 * sends neither. */
#include "store/db_pg.h"
#include "core/log.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#ifdef PS_TEST_HOOKS
/* The armed store fault (db_fault.c) when it fires at sql: the command is
 * not sent and fails as a storage error; with lose_txn the open
 * transaction is rolled back first, as a server that lost its disk or its
 * connection would leave it; a failed sync sticks (db_sync_failed). */
int pg_fault_hit(struct db *db, const char *sql, struct ps_err *err)
{
	int lose, kind = db_fault_take(db->writer, sql, &lose);

	if (!kind)
		return PS_OK;
	log_warn("test hook: store fault %d at \"%.60s\"%s", kind, sql,
		 lose ? " (transaction rolled back)" : "");
	if ((kind == DB_FAULT_DROP && !lose) || kind == DB_FAULT_DROP_UNASKED) {
		if (strcmp(sql, "COMMIT") == 0) {
			/* txn=keep: the COMMIT runs, its answer is lost */
			db->test_lose_answer = 1;
			db->test_unasked = kind == DB_FAULT_DROP_UNASKED;
			return PS_OK;
		}
	}
	if (kind == DB_FAULT_DROP) {
		/* the server's side is gone: the statement meets it */
		shutdown(PQsocket(db->conn), SHUT_RDWR);
		return PS_OK;
	}
	if (kind == DB_FAULT_FSYNC)
		db->sync_failed = 1;
	if (lose && pg_in_txn(db))
		pg_rollback(db);
	return ps_fail(err, PS_EIO, "STORAGE_ERROR", NULL, "数据存储故障：%s",
		       kind == DB_FAULT_FULL ? "磁盘已满（测试注入）" : "写入失败（测试注入）");
}
#endif

void pg_settle(struct db *db)
{
	PGresult *res;

	if (!db->commit_sent)
		return;
	db->commit_sent = 0;
	while ((res = PQgetResult(db->conn)) != NULL) {
		/* a read's COMMIT: nothing it wrote can be lost */
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			log_warn("postgresql: COMMIT of a read transaction: %s",
				 PQresultErrorMessage(res));
		PQclear(res);
	}
}

/* A read transaction's BEGIN, sent before a command that is not a
 * statement (db_pg_write.c sends it with the first statement instead). */
static int send_begin(struct db *db, struct ps_err *err)
{
	PGresult *res;
	int rc = PS_OK;

	if (!db->begin_pending)
		return PS_OK;
	db->begin_pending = 0;
	res = PQexec(db->conn, PG_BEGIN_READ);
	if (!res || PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = pg_map(db, res, err, PG_BEGIN_READ);
	PQclear(res);
	return rc;
}

/* The deferred SAVEPOINT and RELEASE commands alone, in one round trip:
 * before a command that cannot carry them. */
static int flush_deferred(struct db *db, struct ps_err *err)
{
	PGconn *conn = db->conn;
	int n = db->ndeferred, rc;

	if (!n)
		return PS_OK;
	if (!PQenterPipelineMode(conn) || !pg_deferred_send(db) || !PQpipelineSync(conn)) {
		rc = pg_map(db, NULL, err, db->deferred[0]);
		PQexitPipelineMode(conn);
		pg_deferred_lost(db, n);
		return rc;
	}
	rc = pg_deferred_take(db, n, err);
	PQclear(PQgetResult(conn)); /* the sync */
	PQexitPipelineMode(conn);
	return rc;
}

/* pg_exec, keeping the second column of the last result's first row in
 * val (n bytes; "" when it has none): the write lock's statement also
 * gives the transaction's id. */
static int exec_keep(struct db *db, const char *sql, char *val, size_t n, struct ps_err *err)
{
	PGresult *res;
	ExecStatusType s;
	int rc = PS_OK;

	if (val)
		val[0] = '\0';

	pg_settle(db);
#ifdef PS_TEST_HOOKS
	rc = pg_fault_hit(db, sql, err);
	if (rc)
		return rc;
#endif
	rc = flush_deferred(db, err);
	if (rc)
		return rc;
	rc = send_begin(db, err);
	if (rc)
		return rc;
	db->read_only = 0; /* a command of the caller's may write */
	res = PQexec(db->conn, sql);
	s = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK && s != PGRES_EMPTY_QUERY)
		rc = pg_map(db, res, err, sql);
	else if (val && s == PGRES_TUPLES_OK && PQntuples(res) == 1 && PQnfields(res) >= 2)
		snprintf(val, n, "%s", PQgetvalue(res, 0, 1));
	PQclear(res);
	return rc;
}

int pg_exec(struct db *db, const char *sql, struct ps_err *err)
{
	return exec_keep(db, sql, NULL, 0, err);
}

int pg_in_txn(struct db *db)
{
	PGTransactionStatusType t;

	pg_settle(db);
	if (db->begin_pending)
		return 1;
	t = PQtransactionStatus(db->conn);

	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

int pg_in_transaction(struct db *db)
{
	return pg_in_txn(db);
}

int pg_in_write_txn(struct db *db)
{
	return db->locked && pg_in_txn(db);
}

int pg_take_write_lock(struct db *db, struct ps_err *err)
{
	int rc;

	if (db->locked)
		return PS_OK;
	/* a read that turned to write: its id too, for a COMMIT whose answer
	 * is lost */
	rc = exec_keep(db, "SELECT pg_advisory_xact_lock(" PG_WRITE_LOCK "), pg_current_xact_id()::text", db->xid,
		       sizeof(db->xid), err);
	if (!rc)
		db->locked = 1;
	return rc;
}

int pg_begin(struct db *db, int write, struct ps_err *err)
{
	int rc;

	pg_settle(db);
	db->txn = 0;
	rc = pg_reconnect_if_lost(db, err);
	if (rc)
		return rc;
	db->locked = 0;
	db->savepoints = 0;
	db->begin_pending = 0;
	db->read_only = 0;
	db->ndeferred = 0;
	db->deferred_failed = 0;
	pg_dealloc_flush(db);
	db->txn = 1;
	if (!write) {
		/* sent with the first statement: one round trip less */
#ifdef PS_TEST_HOOKS
		rc = pg_fault_hit(db, PG_BEGIN_READ, err);
		if (rc) {
			db->txn = 0;
			return rc;
		}
#endif
		db->begin_pending = 1;
		db->read_only = 1;
		return PS_OK;
	}
	/* BEGIN, the write lock and the transaction's id, in one round trip */
	rc = exec_keep(db, "BEGIN ISOLATION LEVEL READ COMMITTED;"
			   " SELECT pg_advisory_xact_lock(" PG_WRITE_LOCK "), pg_current_xact_id()::text",
		       db->xid, sizeof(db->xid), err);
	if (!rc)
		db->locked = 1;
	if (rc && pg_in_txn(db))
		pg_exec(db, "ROLLBACK", NULL);
	if (rc)
		db->txn = 0;
	return rc;
}

int pg_begin_write_patient(struct db *db, int ms, struct ps_err *err)
{
	char sql[160];
	int rc;

	snprintf(sql, sizeof(sql), "SET lock_timeout = '%dms'", ms > 0 ? ms : 1);
	rc = pg_exec(db, sql, err);
	if (!rc)
		rc = pg_begin(db, 1, err);
	pg_exec(db, "SET lock_timeout = '10s'", NULL);
	return rc;
}

/* The deferred commands (if any) and COMMIT in one round trip: COMMIT's
 * result, *rc set when a deferred command failed. */
static PGresult *commit_pipelined(struct db *db, struct ps_err *err, int *rc)
{
	PGconn *conn = db->conn;
	int n = db->ndeferred;
	PGresult *res, *more;

	if (!PQenterPipelineMode(conn) || !pg_deferred_send(db) ||
	    !PQsendQueryParams(conn, "COMMIT", 0, NULL, NULL, NULL, NULL, 0) || !PQpipelineSync(conn)) {
		*rc = pg_map(db, NULL, err, "COMMIT");
		PQexitPipelineMode(conn);
		pg_deferred_lost(db, n);
		return NULL;
	}
#ifdef PS_TEST_HOOKS
	if (db->test_lose_answer) {
		/* a fault: the COMMIT is on its way, its answers will never be
		 * read. The socket is closed under libpq: its descriptor is
		 * now a socket whose peer is gone (an end of file) — a
		 * shutdown() would still have let it read answers already
		 * received. The server gets the whole pipeline (sent before
		 * the close, answered only at its Sync) and runs the COMMIT. */
		int sv[2];

		db->test_lose_answer = 0;
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0) {
			close(sv[1]);
			dup2(sv[0], PQsocket(conn));
			close(sv[0]);
		}
	}
#endif
	*rc = pg_deferred_take(db, n, err);
	res = PQgetResult(conn);
	if (res)
		while ((more = PQgetResult(conn)) != NULL)
			PQclear(more);
	PQclear(PQgetResult(conn)); /* the sync */
	PQexitPipelineMode(conn);
	return res;
}

/* The connection went with a write transaction's COMMIT answer: in a new
 * session, ask the server what became of it (pg_xact_status). Committed:
 * PS_OK. Aborted: the store's error, nothing was saved. Still running (the
 * old backend has not seen the loss yet) for 5 s, or not to be asked:
 * PS_EUNAVAIL, code OUTCOME_UNKNOWN — an answer that must not say
 * "nothing was saved" to a clerk who would then enter it again. */
static int commit_outcome(struct db *db, struct ps_err *err)
{
	char xid[32], sql[96];
	struct ps_err e;

	snprintf(xid, sizeof(xid), "%s", db->xid);
	db->xid[0] = '\0';
	db->locked = 0;
	db->savepoints = 0;
	snprintf(sql, sizeof(sql), "SELECT pg_xact_status('%s'::xid8)", xid);
	for (int tries = 0; tries < 50; tries++) {
		PGresult *res;
		const char *st;

#ifdef PS_TEST_HOOKS
		if (db->test_unasked) {
			db->test_unasked = 0;
			break; /* a fault: no session to ask in */
		}
#endif
		ps_err_clear(&e);
		if (pg_reconnect_if_lost(db, &e))
			break;
		res = PQexec(db->conn, sql);
		st = res && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 &&
				     !PQgetisnull(res, 0, 0)
			     ? PQgetvalue(res, 0, 0)
			     : "";
		if (strcmp(st, "committed") == 0) {
			PQclear(res);
			log_warn("postgresql: the COMMIT's answer was lost; transaction %s committed", xid);
			return PS_OK;
		}
		if (strcmp(st, "aborted") == 0) {
			PQclear(res);
			log_error("postgresql: the connection was lost at COMMIT; transaction %s rolled back", xid);
			return ps_fail(err, PS_EIO, "STORAGE_ERROR", NULL,
				       "数据存储故障：提交时数据库连接中断，本次操作未保存");
		}
		PQclear(res);
		if (strcmp(st, "in progress") != 0)
			break;
		usleep(100 * 1000);
	}
	log_error("postgresql: the connection was lost at COMMIT; whether transaction %s committed is unknown",
		  xid);
	return ps_fail(err, PS_EUNAVAIL, "OUTCOME_UNKNOWN", NULL,
		       "提交时数据库连接中断，无法确认本次操作是否已保存：请先查询核实，切勿直接重复提交");
}

int pg_commit(struct db *db, struct ps_err *err)
{
	PGresult *res;
	int rc = PS_OK;

	pg_settle(db);
#ifdef PS_TEST_HOOKS
	rc = pg_fault_hit(db, "COMMIT", err);
	if (rc) {
		/* a COMMIT that fails ends the transaction */
		pg_rollback(db);
		return rc;
	}
#endif
	db->txn = 0; /* ended here, whatever the outcome */
	if (db->begin_pending) {
		/* nothing was asked: nothing to end */
		db->begin_pending = 0;
		db->read_only = 0;
		return PS_OK;
	}
	if (db->read_only && !db->locked && PQtransactionStatus(db->conn) == PQTRANS_INTRANS &&
	    PQsendQuery(db->conn, "COMMIT")) {
		/* a read: its answer does not wait for the COMMIT, which
		 * only ends the snapshot; its result is taken before the
		 * connection's next command (pg_settle) */
		db->commit_sent = 1;
		db->read_only = 0;
		db->savepoints = 0;
		return PS_OK;
	}
	db->read_only = 0;
	if (db->deferred_failed) {
		pg_rollback(db);
		return ps_fail(err, PS_EIO, "STORAGE_ERROR", NULL, "数据存储故障：事务已失败，未能提交");
	}
	res = commit_pipelined(db, err, &rc);
	if (PQstatus(db->conn) == CONNECTION_BAD && db->locked && db->xid[0])
		/* the connection went with the answers: whatever the deferred
		 * commands' results said, only the server knows how it ended */
		rc = commit_outcome(db, err);
	else if (rc)
		; /* a deferred RELEASE failed: the COMMIT rolled back */
	else if (!res || PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = pg_map(db, res, err, "COMMIT");
	else if (strcmp(PQcmdStatus(res), "ROLLBACK") == 0)
		/* COMMIT of a failed transaction rolls back without an error */
		rc = ps_fail(err, PS_EIO, "STORAGE_ERROR", NULL,
			     "数据存储故障：事务已失败，未能提交");
	PQclear(res);
	db->locked = 0;
	db->savepoints = 0;
	db->xid[0] = '\0';
	if (rc && pg_in_txn(db))
		pg_exec(db, "ROLLBACK", NULL);
	return rc;
}

void pg_rollback(struct db *db)
{
	pg_settle(db);
	db->txn = 0;
	db->xid[0] = '\0';
	/* never sent, or to be undone with the rest */
	db->ndeferred = 0;
	db->deferred_failed = 0;
	if (db->begin_pending) {
		db->begin_pending = 0; /* never sent */
	} else if (pg_in_txn(db)) {
		db->read_only = 0;
		pg_exec(db, "ROLLBACK", NULL);
	}
	db->read_only = 0;
	db->locked = 0;
	db->savepoints = 0;
}

static int savepoint_exec(struct db *db, const char *verb, const char *name,
			  struct ps_err *err)
{
	char sql[96];
	int n = snprintf(sql, sizeof(sql), "%s %s", verb, name);

	if (n < 0 || (size_t)n >= sizeof(sql))
		return ps_fail(err, PS_EINTERNAL, NULL, NULL, "savepoint name too long");
	return pg_exec(db, sql, err);
}

/* The writer's savepoint commands inside its locked transaction wait for
 * the next statement (db_pg_write.c) or command; elsewhere they are sent
 * now. The fault hook sees each when it is asked, as before. */
static int defer(struct db *db, const char *verb, const char *name, struct ps_err *err)
{
	int n;

	if (!db->writer || !db->locked || db->ndeferred >= PG_DEFERRED)
		return savepoint_exec(db, verb, name, err);
#ifdef PS_TEST_HOOKS
	{
		char sql[96];
		int rc;

		snprintf(sql, sizeof(sql), "%s %s", verb, name);
		rc = pg_fault_hit(db, sql, err);
		if (rc)
			return rc;
	}
#endif
	n = snprintf(db->deferred[db->ndeferred], sizeof(db->deferred[0]), "%s %s", verb, name);
	if (n < 0 || (size_t)n >= sizeof(db->deferred[0]))
		return ps_fail(err, PS_EINTERNAL, NULL, NULL, "savepoint name too long");
	db->ndeferred++;
	return PS_OK;
}

int pg_savepoint(struct db *db, const char *name, struct ps_err *err)
{
	int rc = defer(db, "SAVEPOINT", name, err);

	if (!rc)
		db->savepoints++;
	return rc;
}

/* 1 when the last command waiting is SAVEPOINT name: nothing ran inside. */
static int empty_savepoint(struct db *db, const char *name)
{
	char sp[64];

	snprintf(sp, sizeof(sp), "SAVEPOINT %s", name);
	return db->ndeferred && strcmp(db->deferred[db->ndeferred - 1], sp) == 0;
}

int pg_savepoint_rollback(struct db *db, const char *name, struct ps_err *err)
{
	if (db->deferred_failed)
		return ps_fail(err, PS_EIO, "STORAGE_ERROR", NULL, "数据存储故障：事务已失败");
	if (empty_savepoint(db, name))
		return PS_OK; /* a request refused before it wrote: nothing to undo */
	return savepoint_exec(db, "ROLLBACK TO SAVEPOINT", name, err);
}

int pg_savepoint_release(struct db *db, const char *name, struct ps_err *err)
{
	int rc;

	if (db->deferred_failed)
		return ps_fail(err, PS_EIO, "STORAGE_ERROR", NULL, "数据存储故障：事务已失败");
	if (empty_savepoint(db, name)) {
		/* nothing ran inside: the savepoint is never sent */
		db->ndeferred--;
		rc = PS_OK;
	} else {
		rc = defer(db, "RELEASE SAVEPOINT", name, err);
	}
	if (!rc && db->savepoints > 0)
		db->savepoints--;
	return rc;
}
