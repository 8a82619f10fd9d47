/* db_impl.h — what a store implementation (db_sqlite.c, db_pg.c) gives
 * db_dispatch.c, which sends every call of db.h to the store of its connection.
 * Private to src/store/. Every struct db and struct db_stmt of a store
 * begins with a pointer to its store's operations. */
#ifndef PS_DB_IMPL_H
#define PS_DB_IMPL_H

#include "store/db.h"

struct db_ops {
	const char *kind;
	int batch_max; /* db_batch_max: 0 for no limit of the store's own */
	int (*open)(const char *path, struct db **out, struct ps_err *err);
	/* NULL: one machine, one primary (db_primaries) */
	int (*primaries)(const char *path, struct db_primaries *out);
	int (*use_as_writer)(struct db *db, struct ps_err *err);
	int (*is_writer)(struct db *db);
	int (*checkpoint_elsewhere)(struct db *db, struct ps_err *err);
	int (*secure_delete)(struct db *db, struct ps_err *err);
	int (*begin_write_patient)(struct db *db, int ms, struct ps_err *err);
	int (*checkpoint)(struct db *db, int *wal_frames, struct ps_err *err);
	void (*close)(struct db *db);
	int (*migrate)(struct db *db, struct ps_err *err);
	int (*schema_version)(struct db *db);
	int (*exec)(struct db *db, const char *sql, struct ps_err *err);
	int (*begin)(struct db *db, int write, struct ps_err *err);
	int (*commit)(struct db *db, struct ps_err *err);
	void (*rollback)(struct db *db);
	int (*savepoint)(struct db *db, const char *name, struct ps_err *err);
	int (*savepoint_rollback)(struct db *db, const char *name, struct ps_err *err);
	int (*savepoint_release)(struct db *db, const char *name, struct ps_err *err);
	int (*in_transaction)(struct db *db);
	int (*sync_failed)(struct db *db);
	int (*in_write_txn)(struct db *db);
	int (*prepare)(struct db *db, const char *sql, struct db_stmt **out, struct ps_err *err);
	void (*finalize)(struct db_stmt *st);
	void (*reset)(struct db_stmt *st);
	int (*bind_int)(struct db_stmt *st, int idx, int64_t v);
	int (*bind_double)(struct db_stmt *st, int idx, double v);
	int (*bind_text)(struct db_stmt *st, int idx, const char *s);
	int (*bind_textn)(struct db_stmt *st, int idx, const char *s, size_t n);
	int (*bind_blob)(struct db_stmt *st, int idx, const void *p, size_t n);
	int (*bind_null)(struct db_stmt *st, int idx);
	int (*step)(struct db_stmt *st, struct ps_err *err);
	int (*run_all)(struct db_stmt **st, int n, struct ps_err *err); /* NULL: nothing to do */
	int (*column_count)(struct db_stmt *st);
	const char *(*column_name)(struct db_stmt *st, int col);
	enum db_type (*column_type)(struct db_stmt *st, int col);
	int64_t (*column_int)(struct db_stmt *st, int col);
	double (*column_double)(struct db_stmt *st, int col);
	const char *(*column_text)(struct db_stmt *st, int col);
	const void *(*column_blob)(struct db_stmt *st, int col, size_t *n);
	int64_t (*changes)(struct db *db);
	int (*backup_to)(struct db *db, const char *path,
			 void (*progress)(void *arg, int64_t done, int64_t total), void *arg,
			 struct ps_err *err);
	int (*integrity_check)(struct db *db, struct ps_err *err);
	/* NULL: each commit is durable when it returns (db_syncer_open) */
	int (*syncer_open)(struct db *db, struct db_syncer **out, struct ps_err *err);
	/* NULL: the store has no clock of its own (db_clock_ms) */
	int (*clock_ms)(struct db *db, int64_t *ms, struct ps_err *err);
	/* NULL: one server per database, which leads everything (db_lead) */
	int (*lead)(struct db *db, enum db_lead what, int *leading, struct ps_err *err);
	/* NULL: the store has no WAL archive (db_archive_state) */
	int (*archive_state)(struct db *db, struct db_archive *out, struct ps_err *err);
	/* NULL: the store streams to no standby (db_replicas) */
	int (*replicas)(struct db *db, struct db_replicas *out, struct ps_err *err);
	/* NULL: the store takes any number of connections (db_connections) */
	int (*connections)(struct db *db, struct db_connections *out, struct ps_err *err);
};

/* The first member of every struct db and struct db_stmt. */
struct db_head {
	const struct db_ops *ops;
};

/* The first members of every struct db: its operations, and its epoch
 * (db_epoch, kept by db_dispatch.c). */
struct db_conn_head {
	const struct db_ops *ops;
	uint64_t epoch;
};

#ifdef PS_TEST_HOOKS
/* The armed store fault (db_test_fault_arm) when it fires at this step of
 * a statement (or COMMIT) whose SQL text is sql, on a connection that is
 * the writer or not: its enum db_fault_kind, with *lose_txn set when the
 * open transaction is to be rolled back first; 0 when none fires (and
 * *lose_txn is 0). Thread-safe (db_fault.c). */
int db_fault_take(int writer, const char *sql, int *lose_txn);
/* The text a syncer's sync passes as sql: only DB_FAULT_SYNC fires there. */
#define DB_FAULT_SYNC_SQL "-- sync"
#endif

/* The SQLite store's deferred syncs (db_sqlite_sync.c): db_syncer_open of
 * a SQLite connection; the handle's sync and close are the file's own. */
int sqlite_syncer_open(struct db *db, struct db_syncer **out, struct ps_err *err);
int sqlite_syncer_sync(struct db_syncer *s, struct ps_err *err);
void sqlite_syncer_close(struct db_syncer *s);

/* The SQLite store's migration runner and its schema version
 * (db_sqlite_migrate.c, through db.h's calls): db_migrate and
 * db_schema_version of a SQLite connection. */
int sqlite_migrate(struct db *db, struct ps_err *err);
int sqlite_schema_version(struct db *db);

extern const struct db_ops db_sqlite_ops;
extern const struct db_ops db_pg_ops;

#endif
