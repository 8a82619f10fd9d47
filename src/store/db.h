/* db.h — the one database interface of Precinct. Only src/store/ calls a
 * database driver; domain code speaks the portable SQL subset through this
 * header: '?' placeholders, RETURNING, ON CONFLICT, no driver-specific
 * functions.
 *
 * A struct db is one connection; it is used by one thread at a time (the
 * server keeps one per worker thread). Errors are reported as enum ps_rc and,
 * where an err slot is given, a message. */
#ifndef PS_DB_H
#define PS_DB_H

#include <stddef.h>
#include <stdint.h>

#include "core/rc.h"

struct db;
struct db_stmt;

enum db_type { DB_NULL, DB_INT, DB_TEXT, DB_BLOB, DB_FLOAT };

/* 1 when path is a PostgreSQL URL (postgres://… or postgresql://…): db_open
 * then connects to that server (the password from PGPASSWORD or ~/.pgpass,
 * never from the URL in logs); anything else is an SQLite file. */
int db_is_url(const char *path);

/* path as it may be logged or printed: a URL without its password (a
 * "user:secret@" becomes "user:***@", a query string is not shown), in buf
 * (at least 16 bytes); a file path as it is. */
const char *db_safe_name(const char *path, char *buf, size_t n);

/* 1 when text (a driver's message) repeats the password the URL carries,
 * in its user info or as password=…; 0 for a file path. */
int db_url_secret_in(const char *url, const char *text);

/* SQLite keeps the read-audit chain (tables audit_read, audit_read_anchor)
 * in a file of its own, path DB_AUDIT_SUFFIX ("x.db" → "x.db-audit.db"),
 * attached to every connection as schema DB_AUDIT_SCHEMA: SQL names the
 * tables unqualified. PostgreSQL keeps them in the same database. */
#define DB_AUDIT_SCHEMA "readaudit"
#define DB_AUDIT_SUFFIX "-audit.db"

/* Open (creating if missing) the database at path and set WAL,
 * synchronous=FULL, foreign_keys=ON and a busy timeout. *out is a new
 * connection owned by the caller (db_close). On failure *out is NULL and err
 * says why. */
int db_open(const char *path, struct db **out, struct ps_err *err);

/* Make db the connection of the group committer. Each request of a batch
 * runs in a savepoint, so every page it first touches is copied to the
 * statement journal: keep that journal in memory (it spilled to a temp
 * file after 64 KB, ~half the time of a 10 000-row import), and a page
 * cache that holds a whole batch. */
int db_use_as_writer(struct db *db, struct ps_err *err);

/* 1 when db was made the writer (db_use_as_writer). Cannot fail. */
int db_is_writer(struct db *db);

/* The most requests the group committer should run in one transaction
 * (each in a savepoint) on this store, 0 for no limit of the store's own.
 * PostgreSQL keeps the subtransactions of 64 savepoints per transaction in
 * a backend's cache; beyond them every snapshot taken while the batch is
 * open must look transactions up in pg_subtrans, which slows every reader
 * of the database. Cannot fail. */
int db_batch_max(struct db *db);

/* Leave checkpoints to db_checkpoint on another thread: a commit on this
 * connection never copies the WAL into the database itself (at city scale
 * that stalled the group commit for up to 0.7 s). */
int db_checkpoint_elsewhere(struct db *db, struct ps_err *err);

/* From now on this connection zeroes what it deletes or overwrites, so the
 * old bytes of a changed row do not stay in the file's free space (used
 * when secrets kept in plain text are sealed in place). */
int db_secure_delete(struct db *db, struct ps_err *err);

/* Begin a write transaction within ms milliseconds, polling every ~1 ms
 * instead of SQLite's growing sleeps: a connection beside a busy writer
 * (the CLI beside the server's group committer) finds a gap between its
 * batches. PS_EBUSY when none came. */
int db_begin_write_patient(struct db *db, int ms, struct ps_err *err);

/* Syncs apart from commits (the group committer, issue 14). On SQLite,
 * db_syncer_open turns db's commits into writes without a sync
 * (synchronous=NORMAL on the main file and the read-audit file: a WAL
 * commit is then whole or absent after a power loss, and checkpoints still
 * sync the WAL before they copy it) and *out into a handle on the two WAL
 * files; db_syncer_sync, on another thread, makes every commit that had
 * returned before it was called durable (fdatasync of both WALs: a WAL is
 * only appended to between checkpoints, and a checkpoint syncs it first).
 * So the writer's next transaction runs while the last one's sync is on
 * the disk. A store whose commit is durable when it returns (PostgreSQL),
 * or a file whose WALs could not be opened, gives *out = NULL with PS_OK:
 * db stays as it was. db must be open until db_syncer_close. */
struct db_syncer;
int db_syncer_open(struct db *db, struct db_syncer **out, struct ps_err *err);
/* Thread-safe against db's own use; one caller at a time. A WAL that had no
 * write since the last sync is not synced again (a batch of audited reads
 * writes only the read-audit file's; an fdatasync of an unchanged file
 * still costs the disk a flush). PS_EIO (code SYNC_FAILED) when a sync
 * failed: what the commits before it wrote may not be on disk. */
int db_syncer_sync(struct db_syncer *s, struct ps_err *err);
/* NULL is a no-op. */
void db_syncer_close(struct db_syncer *s);

/* Copy what the WAL holds into the database as far as readers allow
 * (passive: never waits for them). *wal_frames (may be NULL) receives the
 * size in frames of the longest WAL (SQLite: the main file's or the
 * read-audit file's; PostgreSQL: 0). */
int db_checkpoint(struct db *db, int *wal_frames, struct ps_err *err);

/* Close the connection and every statement still cached. NULL is a no-op. */
void db_close(struct db *db);

/* "sqlite" or "postgresql". */
const char *db_kind(const struct db *db);

/* Apply every numbered migration not yet applied (schema_version table);
 * idempotent. Each migration is one transaction. A database migrated past
 * this binary's last migration is refused (SCHEMA_TOO_NEW), unchanged. */
int db_migrate(struct db *db, struct ps_err *err);

/* Who this process is to the database server: PostgreSQL shows it as
 * each connection's application_name ("precinct serve HOST:PID", …; a
 * URL's own application_name wins). Set once, before the first open. */
void db_client_name_set(const char *name);
const char *db_client_name(void);
#define DB_CLIENT_SERVE "precinct serve " /* the servers' names begin so */

/* Work that one server of a database does for all of them: the breach
 * sweep. db_lead tells (*leading) whether this connection leads it: on
 * PostgreSQL it holds, or now takes, a session advisory lock no other
 * connection holds, kept while the connection lives (a server that stops
 * or loses its session hands the work to the next that asks); on SQLite,
 * which one server serves, always. Ask before each round of the work. */
enum db_lead { DB_LEAD_SWEEP };
int db_lead(struct db *db, enum db_lead what, int *leading, struct ps_err *err);

/* The machines a database address names, and which of them take writes
 * now: a PostgreSQL URL may list several (host=a,b: a primary and its
 * standby, target_session_attrs=read-write). Each is asked on a short
 * connection of its own (3 s to connect) whether it is in recovery. Two
 * or more answering that they are not is a split brain (a former primary
 * started again beside the promoted standby): writes would fork the
 * county. which names the primaries ("a:5432, b:5432"). SQLite and a URL of
 * one host: hosts = primaries = 1, nothing asked. 0, or -1 when the URL
 * cannot be read. */
struct db_primaries {
	int hosts, primaries, answered;
	char which[256];
};
int db_primaries(const char *path, struct db_primaries *out);

/* The WAL archive of the database server (PostgreSQL's pg_stat_archiver):
 * failing = its last attempt failed (no segment archived since), with the
 * segment (last_failed, "" when none) and the failures counted since the
 * server's start. All zero on SQLite, which has no archive. */
struct db_archive {
	int failing;
	long long failures;
	char last_failed[64];
};
int db_archive_state(struct db *db, struct db_archive *out, struct ps_err *err);

/* The standbys that stream the database's WAL, as the primary sees them
 * (PostgreSQL's pg_stat_replication): each one's name (its application
 * name, the standby's cluster_name: docs/deploy.md §4), its state
 * ("streaming", "catchup" …; "" when the role may not read it: grant it
 * pg_monitor) and sync state ("sync", "async" …), and the WAL position
 * it has replayed (replay_lsn, bytes from the start of WAL; -1 when not
 * known); with the primary's own position now (lsn), so that a caller may
 * date what each standby holds. n = 0 on SQLite, which streams to none; at
 * most DB_REPLICAS_MAX are listed. */
#define DB_REPLICAS_MAX 8
struct db_replica {
	char name[64];
	char state[16];
	char sync[16];
	long long replay_lsn;
};
struct db_replicas {
	long long lsn;
	int n;
	struct db_replica r[DB_REPLICAS_MAX];
};
int db_replicas(struct db *db, struct db_replicas *out, struct ps_err *err);

/* The database server's room for connections (PostgreSQL): allowed =
 * max_connections less superuser_reserved_connections; in_use = the client
 * connections open now, to every database; servers = the other Precinct
 * servers connected now (by their client names). All 0 on SQLite, which
 * takes any number. */
struct db_connections {
	int allowed, in_use, servers;
};
int db_connections(struct db *db, struct db_connections *out, struct ps_err *err);

/* The database server's own clock in ms since the epoch (PostgreSQL's
 * clock_timestamp()) in *ms; 0 there when the store has none of its own
 * (SQLite runs on this machine's clock). */
int db_clock_ms(struct db *db, int64_t *ms, struct ps_err *err);

/* How far a server's clock may stray from the database server's (every
 * server of a city writes deadlines, breaches and audit times on its own
 * clock): beyond the first a warning, beyond the second no start, and a
 * running server stops writing until it agrees again. */
#define DB_CLOCK_SKEW_WARN_MS 2000
#define DB_CLOCK_SKEW_REFUSE_MS 60000

/* This machine's clock less the database server's in ms (*skew), taken at
 * the middle of the round trip; 0 when the store has no clock of its own
 * (SQLite). Read from this machine's own clock, never the tests' moved
 * days; with PS_TEST_HOOKS the environment's PRECINCT_TEST_CLOCK_SKEW_MS and
 * the number in the file PRECINCT_TEST_CLOCK_SKEW_FILE names (read each
 * time: a clock that strays while the server runs) are added. */
int db_clock_skew_ms(struct db *db, int64_t *skew, struct ps_err *err);

/* The highest migration applied, 0 for an empty database. */
int db_schema_version(struct db *db);
/* The last migration this binary knows: a database past it was migrated by
 * a newer Precinct. */
int db_schema_known(void);

/* Run SQL without parameters or results (may hold several statements). */
int db_exec(struct db *db, const char *sql, struct ps_err *err);

/* Transactions. db_begin(db, 1) takes the write lock at once (BEGIN
 * IMMEDIATE) so that a request that writes never fails half-way for a
 * competing writer. db_rollback cannot fail from the caller's view. */
int db_begin(struct db *db, int write, struct ps_err *err);
int db_commit(struct db *db, struct ps_err *err);
void db_rollback(struct db *db);
/* Savepoints inside the open transaction, by name ([a-z_]+, the caller's
 * constant). db_savepoint opens one (outside a transaction SQLite would
 * open a transaction with it: callers check db_in_transaction first);
 * db_savepoint_rollback undoes what was done since, keeping the savepoint
 * open; db_savepoint_release closes it, keeping what was done. Each
 * returns the store's error when it fails: then the caller cannot know
 * what the transaction holds and must roll all of it back. */
int db_savepoint(struct db *db, const char *name, struct ps_err *err);
int db_savepoint_rollback(struct db *db, const char *name, struct ps_err *err);
int db_savepoint_release(struct db *db, const char *name, struct ps_err *err);

/* 1 while a transaction is open on db. After a failed statement this tells
 * whether SQLite kept the transaction (only the statement was undone) or
 * rolled all of it back itself (SQLITE_IOERR, SQLITE_FULL, SQLITE_NOMEM …
 * may do that): the group committer asks it after every job. Cannot fail. */
int db_in_transaction(struct db *db);
/* 1 once a sync (fsync) of this connection's files has failed: what was
 * written before may not be on disk even though later syncs succeed, so the
 * caller stops writing (DUR-4, write-fail-stop). Sticky until db_close.
 * Cannot fail. */
int db_sync_failed(struct db *db);
/* 1 when the open transaction has written (holds the write lock). */
int db_in_write_txn(struct db *db);
/* A number that names the span of db's life since the last db_open,
 * db_exec, db_begin(_write_patient), db_commit, db_rollback or
 * db_savepoint_rollback; no two spans of any connections of the process
 * share one. Within one span of a write transaction nothing but db's own
 * statements changes what db reads, and none of its writes is undone: a
 * value read and kept by the writer stays true while db_epoch is unchanged
 * (the audit chain's head, audit.c). Cannot fail. */
uint64_t db_epoch(struct db *db);

/* Prepare a statement. Statements are cached per connection by their SQL
 * text: the caller must db_finalize (which resets and returns it to the
 * cache). On failure *out is NULL. */
int db_prepare(struct db *db, const char *sql, struct db_stmt **out,
	       struct ps_err *err);
void db_finalize(struct db_stmt *st);

/* Reset st for another run with new bindings (bindings are cleared). */
void db_reset(struct db_stmt *st);

/* Bind parameter idx (1-based). Text is copied. A NULL text binds NULL. */
int db_bind_int(struct db_stmt *st, int idx, int64_t v);
/* A REAL, every bit of it (precinct copy; the domain writes its reals as
 * text of the digits it means) */
int db_bind_double(struct db_stmt *st, int idx, double v);
int db_bind_text(struct db_stmt *st, int idx, const char *s);
int db_bind_textn(struct db_stmt *st, int idx, const char *s, size_t n);
int db_bind_blob(struct db_stmt *st, int idx, const void *p, size_t n);
int db_bind_null(struct db_stmt *st, int idx);

/* Step: PS_ROW when a row is ready, PS_DONE at the end, otherwise an error
 * (PS_ECONFLICT for a constraint violation, PS_EBUSY, PS_EIO). */
int db_step(struct db_stmt *st, struct ps_err *err);

/* Run n prepared and bound reads now, together, then step each as usual.
 * On PostgreSQL they go to the server in one round trip (a pipeline) —
 * a record read of a dozen independent lists pays one round trip instead
 * of a dozen; SQLite runs each at its first db_step anyway, so there it
 * does nothing. When one of them writes, has run, or belongs to another
 * connection, each is left to its first step. On failure every statement
 * is left unrun and the open transaction is aborted (as by a failed step). */
int db_run_all(struct db_stmt **st, int n, struct ps_err *err);

/* Columns of the current row (0-based). Text is owned by the statement and
 * valid until the next step or finalize; NULL for SQL NULL. */
int db_column_count(struct db_stmt *st);
const char *db_column_name(struct db_stmt *st, int col);
enum db_type db_column_type(struct db_stmt *st, int col);
int64_t db_column_int(struct db_stmt *st, int col);
/* The value as a double, exactly as stored (a REAL's text form may round
 * it: SQLite's has 15 digits) */
double db_column_double(struct db_stmt *st, int col);
const char *db_column_text(struct db_stmt *st, int col);
const void *db_column_blob(struct db_stmt *st, int col, size_t *n);

/* Rows changed by the last INSERT/UPDATE/DELETE on this connection. */
int64_t db_changes(struct db *db);

/* Online copy of the whole database to path (overwritten), safe while other
 * connections write: the copy is made from one read transaction on db (one
 * snapshot), so writes committed meanwhile by other connections neither
 * restart it nor enter it, and it finishes under any write load. path is
 * left a self-contained file (rollback journal, not WAL). progress (may be
 * NULL) is called after each step with the pages copied and the total.
 * db must not be in a transaction. On failure path may hold a partial copy:
 * the caller removes it. */
int db_backup_to(struct db *db, const char *path,
		 void (*progress)(void *arg, int64_t done, int64_t total), void *arg,
		 struct ps_err *err);

/* 1 when some connection — another process's, a server's — has the SQLite
 * database file at path open, 0 when none has or there is no such file.
 * Asked by taking the file's exclusive lock, which every open connection
 * in WAL mode stands in the way of (its shared lock lasts as long as it
 * is open), and letting it go at once: nothing is read or changed, unless
 * a crash left a WAL beside a file no one has open, which is then copied
 * into it as the next open would. */
int db_file_in_use(const char *path);

/* Copy every table of the SQLite database from into the PostgreSQL
 * database to (both migrated to the same version; to holds no data yet),
 * parents before children, in one transaction on to; identity columns
 * continue after the copied ids; to is then analyzed (the planner's
 * statistics). Then each table is read back from both and
 * report (may be NULL) is called with its row counts and checksums (the
 * lane-wise sum of the BLAKE2b-256 of each row's canonical form, so row
 * order does not matter); *mismatches counts the tables that differ. */
int db_copy(struct db *from, struct db *to,
	    void (*report)(void *arg, const char *table, int64_t rows_from, const char *sum_from,
			   int64_t rows_to, const char *sum_to),
	    void *arg, int *mismatches, struct ps_err *err);

/* Check the file: PS_OK when the integrity check says ok. */
int db_integrity_check(struct db *db, struct ps_err *err);

/* ---- store faults, for tests (compiled only with PS_TEST_HOOKS) ----
 * Arm one fault on the writer connections (db_use_as_writer), or with
 * any_conn on every connection (a ROUTE_SOLO request's own): the n-th
 * statement step from now (DB_FAULT_STEP, every db_step counts: BEGIN,
 * SAVEPOINT, RELEASE, the requests' statements) or the n-th COMMIT from now
 * (DB_FAULT_COMMIT) fails with the given error instead of running, or the
 * n-th db_syncer_sync from now (DB_FAULT_SYNC) fails as a failed fdatasync
 * would, after the real one (whatever the kind). With
 * lose_txn the open transaction is rolled back first, as SQLite itself may
 * do on an I/O error or a full disk; without it only that statement fails.
 * With match (may be NULL; copied, at most 63 bytes) only steps of
 * statements whose SQL text contains it count. The fault fires once and is
 * then disarmed; n = 0 disarms. Safe to call from any thread. Release
 * builds have no such function. */
#ifdef PS_TEST_HOOKS
enum db_fault_at { DB_FAULT_STEP = 1, DB_FAULT_COMMIT = 2, DB_FAULT_SYNC = 3 };
enum db_fault_kind {
	DB_FAULT_IOERR = 1, /* SQLITE_IOERR_WRITE: a write(2) failed */
	DB_FAULT_FULL = 2,  /* SQLITE_FULL: the disk is full */
	DB_FAULT_FSYNC = 3, /* SQLITE_IOERR_FSYNC: a sync failed (db_sync_failed) */
	DB_FAULT_DROP = 4,  /* PostgreSQL: the connection is cut before the
			     * statement, which then runs and fails as on a
			     * server gone away (SQLite: as IOERR) */
	DB_FAULT_DROP_UNASKED = 5, /* PostgreSQL, at COMMIT: the COMMIT runs and
				    * its answer is lost (DROP with txn=keep),
				    * and no new session can ask what became
				    * of it (SQLite: as IOERR) */
};
void db_test_fault_arm(enum db_fault_at at, enum db_fault_kind kind, int n, int lose_txn,
		       int any_conn, const char *match);
/* 1 while a fault is armed and has not fired. */
int db_test_fault_armed(void);

/* The query plan of sql (prepared, not run) into out, one step per line as
 * the store words it (SQLite: EXPLAIN QUERY PLAN's detail column, e.g.
 * "SCAN i" or "SEARCH r USING INDEX rental_due (visit_due_day<?)");
 * truncated to n. For the list plan check (tests/api/api_lists.c). */
int db_test_explain(struct db *db, const char *sql, char *out, size_t n);
#endif

#endif
