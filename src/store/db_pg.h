/* db_pg.h — what the files of the PostgreSQL store share (private to
 * src/store/): the connection and statement structs, and the calls that
 * connections and statements (db_pg.c), transactions (db_pg_txn.c), the
 * migration runner (db_pg_migrate.c), the write path (db_pg_write.c) and
 * what is asked of the database server beside the data (db_pg_cluster.c)
 * make of each other. Only these files call PQ*. */
#ifndef PS_DB_PG_H
#define PS_DB_PG_H

#include "store/db_impl.h"

#include <libpq-fe.h>

/* pg_advisory_xact_lock key of the one write lock ("PRCT") and of the
 * migration lock */
#define PG_WRITE_LOCK "1347572564"
#define PG_MIGRATE_LOCK "1347572565"
/* session advisory lock keys of db_lead: PG_LEAD_LOCK + enum db_lead */
#define PG_LEAD_LOCK 1347572600LL

#define PG_CACHE_BUCKETS 512

struct db_stmt {
	const struct db_ops *ops; /* first: see db_impl.h */
	struct db_stmt *next;
	struct db *db;
	char *sql;   /* as the caller wrote it (the cache key) */
	char *pgsql; /* translated */
	char name[24];
	int nparams;
	int prepared; /* on the server, for db->generation */
	unsigned generation;
	int is_write; /* INSERT/UPDATE/DELETE/DDL: takes the write lock */
	int in_use, cached;
	/* bindings, as text (or binary for blobs) */
	char **vals;
	int *lens, *fmts;
	Oid *types; /* of the bound values, used only when the server cannot infer */
	/* the result */
	PGresult *res;
	int row, nrows, ncols, ran;
	unsigned char *blob; /* the last bytea column decoded */
};

#define PG_DEFERRED 4

struct db {
	const struct db_ops *ops; /* first two: see db_impl.h */
	uint64_t epoch;
	PGconn *conn;
	struct db_stmt *cache[PG_CACHE_BUCKETS];
	int ncached;
	unsigned next_name;
	unsigned generation; /* bumped when the connection is reset */
	int writer;
	int locked; /* the open transaction holds the write lock */
	int txn;    /* a transaction was begun (pg_begin) and not yet ended:
		     * a lost connection then fails every statement until
		     * the caller ends it, never reconnects under it (the
		     * rest would run and commit on its own) */
	/* savepoints the caller opened (db_savepoint) and has not released:
	 * while one is open, a failed statement is undone by the caller's
	 * ROLLBACK TO, so a write needs no savepoint of its own */
	int savepoints;
	/* db_begin of a read transaction not sent yet: it goes to the server
	 * with the first statement, in one round trip (db_pg_write.c) */
	int begin_pending;
	/* the open transaction is a read that ran only statements (no
	 * command of the caller's, no write lock): its COMMIT is not waited
	 * for */
	int read_only;
	/* that COMMIT was sent and its result not taken yet (pg_settle) */
	int commit_sent;
	int sync_failed; /* a test fault said a sync failed (db_sync_failed) */
	int64_t changes;
	/* the writer's SAVEPOINT and RELEASE (the committer's `request` around
	 * every job), not sent yet: they go first in the pipeline of the next
	 * statement or command (db_pg_txn.c), two round trips less a job */
	char deferred[PG_DEFERRED][64];
	int ndeferred;
	/* one of them failed: the transaction is lost, and no ROLLBACK TO or
	 * RELEASE may pretend otherwise (it could reach an older savepoint) */
	int deferred_failed;
	/* "DEALLOCATE psN;" of statements beyond the cache finalized inside a
	 * transaction (an aborted one refuses the command): sent before the
	 * next transaction begins (pg_dealloc_flush), so the backend does not
	 * keep one server-side statement for every such run */
	char *dealloc;
	size_t dealloc_len;
	/* the open write transaction's id (pg_current_xact_id, taken with
	 * its BEGIN): when the connection is lost with its COMMIT's answer,
	 * a new session asks the server what became of it */
	char xid[32];
#ifdef PS_TEST_HOOKS
	int test_lose_answer; /* a fault: the COMMIT's answer is lost after it ran */
	int test_unasked;     /* a fault: and its outcome cannot be asked */
#endif
};

/* Send the queued DEALLOCATEs (outside a transaction); a failure is
 * logged, the queue emptied either way. */
void pg_dealloc_flush(struct db *db);

#define PG_BEGIN_READ "BEGIN ISOLATION LEVEL REPEATABLE READ"

/* Take the result of a read's COMMIT sent without waiting (pg_commit):
 * called before anything else is sent on the connection. */
void pg_settle(struct db *db);

/* A command without parameters (may hold several); the store's error. */
int pg_exec(struct db *db, const char *sql, struct ps_err *err);

/* In pipeline mode: send the deferred commands (0 when a send failed);
 * after the sync, take their results, first of the pipeline: PS_OK or the
 * first failure (then deferred_failed is set). Either way the list is
 * emptied by pg_deferred_take. When the pipeline could not be sent,
 * pg_deferred_lost(db, n) says the n commands sent with it are lost with
 * the transaction (nothing when n is 0). */
int pg_deferred_send(struct db *db);
int pg_deferred_take(struct db *db, int n, struct ps_err *err);
void pg_deferred_lost(struct db *db, int n);

/* The ps_rc of a failed result (res may be NULL: the connection's error). */
int pg_map(struct db *db, const PGresult *res, struct ps_err *err, const char *sql);

/* 1 while a transaction is open on db. */
int pg_in_txn(struct db *db);

/* Transactions (db.h's db_begin, db_commit, db_rollback). */
int pg_begin(struct db *db, int write, struct ps_err *err);
int pg_commit(struct db *db, struct ps_err *err);
void pg_rollback(struct db *db);

/* What a server asks the database server beside its data, for db_pg_ops
 * (db_pg_cluster.c). */
int pg_clock_ms(struct db *db, int64_t *ms, struct ps_err *err);
int pg_lead(struct db *db, enum db_lead what, int *leading, struct ps_err *err);
int pg_primaries(const char *url, struct db_primaries *out);
int pg_archive_state(struct db *db, struct db_archive *out, struct ps_err *err);
int pg_replicas(struct db *db, struct db_replicas *out, struct ps_err *err);
int pg_connections(struct db *db, struct db_connections *out, struct ps_err *err);

/* db.h's transaction calls for db_pg_ops (db_pg_txn.c). */
int pg_in_transaction(struct db *db);
int pg_in_write_txn(struct db *db);
int pg_begin_write_patient(struct db *db, int ms, struct ps_err *err);
int pg_savepoint(struct db *db, const char *name, struct ps_err *err);
int pg_savepoint_rollback(struct db *db, const char *name, struct ps_err *err);
int pg_savepoint_release(struct db *db, const char *name, struct ps_err *err);

/* After the server went away: reconnect once, outside a transaction. */
int pg_reconnect_if_lost(struct db *db, struct ps_err *err);

/* Take the one write lock for the open transaction (once). */
int pg_take_write_lock(struct db *db, struct ps_err *err);

#ifdef PS_TEST_HOOKS
/* The armed store fault (db_fault.c) when it fires at sql: the command is
 * not sent and fails as a storage error. */
int pg_fault_hit(struct db *db, const char *sql, struct ps_err *err);
#endif

/* db_pg_write.c: run the prepared st with its bindings, as the
 * transaction needs it (a write under the write lock: autocommitted alone
 * outside a transaction, else in a savepoint of its own unless the caller
 * holds one); its result in st->res and db->changes. */
int pg_run(struct db_stmt *st, struct ps_err *err);

/* Prepare st on the server once per connection (db_pg.c). */
int pg_server_prepare(struct db_stmt *st, struct ps_err *err);

/* st->res is its result: its rows are ready to step (db_pg.c). */
void pg_rows_ready(struct db_stmt *st);

/* db.h's db_run_all (db_pg_write.c). */
int pg_run_all(struct db_stmt **st, int n, struct ps_err *err);

/* db_pg_migrate.c */
int pg_migrate(struct db *db, struct ps_err *err);
int pg_schema_version(struct db *db);

#endif
