/* db_pg.c — the PostgreSQL implementation of db.h (libpq): connections
 * and statements. Transactions are db_pg_txn.c, the migration runner
 * db_pg_migrate.c, how a statement goes to the server (pipelines,
 * savepoints) db_pg_write.c; only these files call PQ*.
 *
 * Semantics kept from SQLite, so that no line of domain code changes:
 *  - '?' placeholders become $1, $2 … once per statement (prepare time); the
 *    statement is prepared on the server once per connection and cached by
 *    its SQL text, like SQLite's statement cache.
 *  - LIKE is ILIKE (SQLite's LIKE ignores ASCII case), INTEGER is BIGINT
 *    (SQLite's integers are 64-bit), REAL is DOUBLE PRECISION, BLOB BYTEA.
 *  - A write transaction (db_begin(db, 1), or a read transaction whose first
 *    write upgrades it, or an autocommit write) takes one transaction-level
 *    advisory lock: writers are serialised across every connection of every
 *    server process, as SQLite's BEGIN IMMEDIATE serialises them. So every
 *    check-then-write rule (two approvals of one step, two clerks taking the
 *    next case number, the audit chain's append) holds on PostgreSQL exactly
 *    as it does on SQLite, with no rule-specific locking in the domain.
 *    Reads never take it and run beside the writer (REPEATABLE READ: one
 *    snapshot per read transaction, as SQLite's WAL readers have).
 *  - A failed statement inside a transaction undoes only itself, where
 *    PostgreSQL would otherwise abort the whole transaction: inside a
 *    savepoint of the caller (the group committer's `request`, an import's
 *    chunk) the caller's ROLLBACK TO does it; otherwise each write runs in
 *    a savepoint of its own (db_pg_write.c).
 *  - Columns: BIGINT/INTEGER/BOOLEAN (as 1/0) and whole NUMERIC values (SUM)
 *    are DB_INT, text types DB_TEXT, BYTEA DB_BLOB, floats DB_FLOAT.
 * The connection string is never logged: it may carry a password (prefer
 * PGPASSWORD or ~/.pgpass). The SQL text itself is translated by pg_sql.c. */
#include "store/db_pg.h"
#include "store/pg_sql.h"
#include "core/mem.h"
#include "core/log.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define PG_CACHE_MAX 2048

/* type OIDs (fixed in pg_type.h since forever) */
#define OID_BOOL 16
#define OID_BYTEA 17
#define OID_CHAR 18
#define OID_NAME 19
#define OID_INT8 20
#define OID_INT2 21
#define OID_INT4 23
#define OID_TEXT 25
#define OID_OID 26
#define OID_FLOAT4 700
#define OID_FLOAT8 701
#define OID_VARCHAR 1043
#define OID_NUMERIC 1700


/* ---- errors ---- */

/* The ps_rc of a failed result: constraint violations are conflicts,
 * serialisation failures and lock timeouts are busy, lost connections and
 * exhausted resources storage errors, the rest internal errors. */
int pg_map(struct db *db, const PGresult *res, struct ps_err *err, const char *sql)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *m = res ? PQresultErrorMessage(res) : PQerrorMessage(db->conn);
	char msg[256];
	size_t n;

	snprintf(msg, sizeof(msg), "%s", m && *m ? m : "connection lost");
	n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	if (!state || PQstatus(db->conn) == CONNECTION_BAD) {
		log_error("postgresql: %s", msg);
		return ps_fail(err, PS_EIO, "STORAGE_ERROR", NULL, "数据存储故障：%s", msg);
	}
	if (strncmp(state, "23", 2) == 0)
		return ps_fail(err, PS_ECONFLICT, "CONSTRAINT", NULL, "数据与现有记录冲突");
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
	    strcmp(state, "55P03") == 0 || strcmp(state, "57014") == 0)
		return ps_fail(err, PS_EBUSY, NULL, NULL, "数据库繁忙，请稍后重试");
	if (strcmp(state, "53200") == 0)
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "数据库内存不足");
	if (strncmp(state, "08", 2) == 0 || strncmp(state, "53", 2) == 0 ||
	    strncmp(state, "58", 2) == 0 || strncmp(state, "57", 2) == 0) {
		log_error("postgresql: %s (%s)", msg, state);
		return ps_fail(err, PS_EIO, "STORAGE_ERROR", NULL, "数据存储故障：%s", msg);
	}
	if (strcmp(state, "25006") == 0) {
		/* read_only_sql_transaction: a hot standby (or a primary
		 * demoted under the servers): nothing was written */
		log_error("postgresql: %s: the database takes no writes; is --db a standby? name the "
			  "primary, or every machine with target_session_attrs=read-write (docs/deploy.md)",
			  msg);
		return ps_fail(err, PS_EIO, "STORAGE_ERROR", NULL,
			       "数据存储故障：数据库只读，不能写入（--db 是否指向了备库？）");
	}
	if (strcmp(state, "XX001") == 0 || strcmp(state, "XX002") == 0) {
		/* data_corrupted, index_corrupted */
		log_error("postgresql: %s", msg);
		return ps_fail(err, PS_EIO, "STORAGE_CORRUPT", NULL, "数据库文件已损坏：%s", msg);
	}
	if (strcmp(state, "54000") == 0)
		return ps_fail(err, PS_ETOOBIG, NULL, NULL, "数据过大");
	log_error("postgresql: %s (%s) in: %.300s", msg, state, sql ? sql : "");
	return ps_fail(err, PS_EINTERNAL, NULL, NULL, "数据库错误");
}

/* ---- connections ---- */

/* The settings of every session. The planner's costs are those of a
 * database kept in memory (random_page_cost 1.1, as for SSDs): with the
 * default 4 a generic plan joined a 110-row users table by a hash of a
 * sequential scan, once per row of a list page (the case list's main
 * officer). No JIT: a request's statements run in microseconds to a few
 * milliseconds, and compiling one (once its cost estimate passes
 * jit_above_cost, e.g. a COUNT over a city-sized table) takes tens of
 * milliseconds. */
#define PG_SESSION                                                                      \
	"SET client_encoding = 'UTF8'; SET standard_conforming_strings = on;"           \
	" SET TIME ZONE 'UTC'; SET lock_timeout = '10s'; SET random_page_cost = 1.1;"   \
	" SET jit = off"

/* How long a connection waits for a database server that does not answer,
 * given before the caller's URL so that the URL's own values win. libpq's
 * defaults wait without end: a database host that went down without a
 * word (power, network; no FIN, no RST) held a server's writer, and with
 * it the station's every write, until the kernel gave up retransmitting,
 * some fifteen minutes later, and a server starting against an address
 * that took the connection but never answered waited for ever. Now:
 * 10 s to connect (each host of a list); a command whose bytes go
 * unacknowledged for 30 s, and an idle connection whose keepalives go
 * unanswered for 30 + 3 × 10 s, fail, so the request is answered 503 and
 * the next transaction reconnects — to the promoted standby when the URL
 * lists both hosts (docs/deploy.md). */
static PGconn *pg_connect(const char *url)
{
	static const char *const keys[] = { "connect_timeout",	   "keepalives",       "keepalives_idle",
					    "keepalives_interval", "keepalives_count", "tcp_user_timeout",
					    "application_name",	   "dbname",	       NULL };
	const char *const vals[] = { "10", "1", "30", "10", "3", "30000", db_client_name(), url, NULL };

	return PQconnectdbParams(keys, vals, 1);
}

/* Notices (e.g. "there is no transaction in progress") are not news. */
static void quiet_notices(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static int pg_open(const char *url, struct db **out, struct ps_err *err)
{
	struct db *db;

	*out = NULL;
	db = ps_calloc(1, sizeof(*db));
	if (!db)
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
	db->ops = &db_pg_ops;
	db->conn = pg_connect(url);
	if (!db->conn || PQstatus(db->conn) != CONNECTION_OK) {
		const char *full = db->conn ? PQerrorMessage(db->conn) : "out of memory";
		char msg[256];

		/* the URL is not repeated: it may hold a password; nor is
		 * libpq's text when it quotes it ("invalid percent-encoded
		 * token: …" repeats a badly encoded password) — looked for in
		 * the whole text, before it is cut to one short line (a
		 * password the cut splits would show its beginning) */
		if (db_url_secret_in(url, full)) {
			snprintf(msg, sizeof(msg), "连接地址格式不正确（其中的密码不予显示）");
		} else {
			snprintf(msg, sizeof(msg), "%s", full);
			msg[strcspn(msg, "\n")] = '\0';
		}
		ps_fail(err, PS_EIO, "DB_OPEN", NULL, "无法连接 PostgreSQL 数据库：%s", msg);
		if (db->conn)
			PQfinish(db->conn);
		ps_free(db);
		return PS_EIO;
	}
	PQsetNoticeProcessor(db->conn, quiet_notices, NULL);
	if (pg_exec(db, PG_SESSION, err)) {
		PQfinish(db->conn);
		ps_free(db);
		return err ? err->rc : PS_EIO;
	}
	*out = db;
	return PS_OK;
}

static void stmt_clear_result(struct db_stmt *st)
{
	if (st->res)
		PQclear(st->res);
	st->res = NULL;
	if (st->blob)
		PQfreemem(st->blob);
	st->blob = NULL;
	st->row = -1;
	st->nrows = st->ncols = 0;
	st->ran = 0;
}

static void stmt_clear_binds(struct db_stmt *st)
{
	for (int i = 0; i < st->nparams; i++) {
		ps_free(st->vals[i]);
		st->vals[i] = NULL;
		st->lens[i] = 0;
		st->fmts[i] = 0;
		st->types[i] = 0;
	}
}

static void stmt_free(struct db_stmt *st)
{
	stmt_clear_result(st);
	stmt_clear_binds(st);
	ps_free(st->vals);
	ps_free(st->lens);
	ps_free(st->fmts);
	ps_free(st->types);
	ps_free(st->sql);
	ps_free(st->pgsql);
	ps_free(st);
}

static void pg_close(struct db *db)
{
	struct db_stmt *st, *next;

	for (int b = 0; b < PG_CACHE_BUCKETS; b++)
		for (st = db->cache[b]; st; st = next) {
			next = st->next;
			stmt_free(st);
		}
	if (db->conn)
		PQfinish(db->conn);
	ps_free(db->dealloc);
	ps_free(db);
}

/* An idle connection whose session the server ended (a restart, a
 * failover, pg_terminate_backend) has the server's farewell and the end of
 * the stream waiting on its socket, and libpq learns it only by reading:
 * without this, the command sent next on it failed, and its request with
 * it — once for each connection of each server after every restart. An
 * idle connection is sent nothing unasked but a rare notice, so reading
 * what waits costs one poll() when nothing does. */
static void notice_if_ended(struct db *db)
{
	struct pollfd p = { PQsocket(db->conn), POLLIN, 0 };

	for (int i = 0; i < 4 && PQstatus(db->conn) == CONNECTION_OK &&
			PQtransactionStatus(db->conn) == PQTRANS_IDLE && p.fd >= 0 && poll(&p, 1, 0) > 0;
	     i++)
		if (!PQconsumeInput(db->conn))
			break;
}

/* After the server went away: reconnect once, outside a transaction (the
 * prepared statements are gone with the old session). */
int pg_reconnect_if_lost(struct db *db, struct ps_err *err)
{
	if (!db->txn)
		notice_if_ended(db);
	if (PQstatus(db->conn) != CONNECTION_BAD)
		return PS_OK;
	if (db->txn)
		/* what ran of the transaction is gone with the server's
		 * session: nothing more of it may run (and commit) alone */
		return ps_fail(err, PS_EIO, "STORAGE_ERROR", NULL,
			       "数据存储故障：数据库连接中断，本次操作未保存");
	log_warn("postgresql: connection lost, reconnecting");
	PQreset(db->conn);
	db->generation++;
	ps_free(db->dealloc); /* the statements went with the old session */
	db->dealloc = NULL;
	db->dealloc_len = 0;
	db->locked = 0;
	db->savepoints = 0;
	db->ndeferred = 0;
	db->deferred_failed = 0;
	if (PQstatus(db->conn) != CONNECTION_OK)
		return ps_fail(err, PS_EIO, "STORAGE_ERROR", NULL, "数据存储故障：数据库连接中断");
	PQsetNoticeProcessor(db->conn, quiet_notices, NULL);
	return pg_exec(db, PG_SESSION, err);
}

/* ---- what SQLite needs and PostgreSQL does not ---- */

static int pg_use_as_writer(struct db *db, struct ps_err *err)
{
	(void)err;
	db->writer = 1;
	return PS_OK;
}

static int pg_is_writer(struct db *db)
{
	return db->writer;
}

static int pg_sync_failed(struct db *db)
{
	/* the server owns its files and stops itself on a failed fsync; only
	 * a test fault says one failed */
	return db->sync_failed;
}

static int pg_checkpoint_elsewhere(struct db *db, struct ps_err *err)
{
	(void)db;
	(void)err;
	return PS_OK;
}

static int pg_secure_delete(struct db *db, struct ps_err *err)
{
	(void)db;
	(void)err;
	return PS_OK; /* dead tuples are vacuumed; see docs/deploy.md */
}

static int pg_checkpoint(struct db *db, int *wal_frames, struct ps_err *err)
{
	(void)db;
	(void)err;
	if (wal_frames)
		*wal_frames = 0;
	return PS_OK;
}

static int pg_backup_to(struct db *db, const char *path,
			void (*progress)(void *arg, int64_t done, int64_t total), void *arg,
			struct ps_err *err)
{
	(void)db;
	(void)path;
	(void)progress;
	(void)arg;
	return ps_fail(err, PS_EINVAL, "BACKUP_PG", NULL,
		       "PostgreSQL 数据库请用 pg_basebackup 与 WAL 归档备份（见 docs/deploy.md）");
}

static int pg_integrity_check(struct db *db, struct ps_err *err)
{
	return pg_exec(db, "SELECT COUNT(*) FROM schema_version", err);
}

/* ---- statements ---- */

static unsigned sql_bucket(const char *sql)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h % PG_CACHE_BUCKETS;
}

static int pg_prepare(struct db *db, const char *sql, struct db_stmt **out,
		      struct ps_err *err)
{
	struct db_stmt *st;
	unsigned b = sql_bucket(sql);
	int np = 0;

	*out = NULL;
	for (st = db->cache[b]; st; st = st->next) {
		if (!st->in_use && strcmp(st->sql, sql) == 0) {
			st->in_use = 1;
			st->row = -1;
			*out = st;
			return PS_OK;
		}
	}
	st = ps_calloc(1, sizeof(*st));
	if (!st)
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
	st->ops = &db_pg_ops;
	st->db = db;
	st->row = -1;
	st->sql = ps_strdup(sql);
	st->pgsql = st->sql ? pg_sql_translate(sql, 0, &np) : NULL;
	st->nparams = np;
	if (st->pgsql && np > 0) {
		st->vals = ps_calloc((size_t)np, sizeof(*st->vals));
		st->lens = ps_calloc((size_t)np, sizeof(*st->lens));
		st->fmts = ps_calloc((size_t)np, sizeof(*st->fmts));
		st->types = ps_calloc((size_t)np, sizeof(*st->types));
	}
	if (!st->pgsql || (np > 0 && (!st->vals || !st->lens || !st->fmts || !st->types))) {
		stmt_free(st);
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	st->is_write = pg_sql_writes(sql);
	snprintf(st->name, sizeof(st->name), "ps%u", db->next_name++);
	st->in_use = 1;
	if (db->ncached < PG_CACHE_MAX) {
		st->cached = 1;
		st->next = db->cache[b];
		db->cache[b] = st;
		db->ncached++;
	}
	*out = st;
	return PS_OK;
}

static void pg_reset(struct db_stmt *st)
{
	stmt_clear_result(st);
	stmt_clear_binds(st);
}

static void pg_finalize(struct db_stmt *st)
{
	pg_reset(st);
	st->in_use = 0;
	if (!st->cached) {
		/* beyond the cache: its server-side statement goes with it,
		 * now or (inside a transaction) before the next one begins */
		struct db *db = st->db;

		if (st->prepared && st->generation == db->generation) {
			char cmd[48];
			int n = snprintf(cmd, sizeof(cmd), "DEALLOCATE %s;", st->name);
			char *q = ps_realloc(db->dealloc, db->dealloc_len + (size_t)n + 1);

			if (q) {
				memcpy(q + db->dealloc_len, cmd, (size_t)n + 1);
				db->dealloc = q;
				db->dealloc_len += (size_t)n;
			} else {
				log_warn("postgresql: statement %s left prepared (out of memory)", st->name);
			}
			if (!pg_in_txn(db))
				pg_dealloc_flush(db);
		}
		stmt_free(st);
	}
}

void pg_dealloc_flush(struct db *db)
{
	struct ps_err e;
	char *q = db->dealloc;

	if (!q)
		return;
	db->dealloc = NULL;
	db->dealloc_len = 0;
	ps_err_clear(&e);
	if (pg_exec(db, q, &e))
		log_warn("postgresql: DEALLOCATE of statements beyond the cache failed: %s", e.msg);
	ps_free(q);
}

static int bind_set(struct db_stmt *st, int idx, const void *p, size_t n, int binary, Oid type)
{
	char *v = NULL;

	if (idx < 1 || idx > st->nparams)
		return PS_EINTERNAL;
	if (st->res || st->ran)
		stmt_clear_result(st);
	if (p) {
		v = ps_malloc(n + 1);
		if (!v)
			return PS_ENOMEM;
		memcpy(v, p, n);
		v[n] = '\0';
	}
	ps_free(st->vals[idx - 1]);
	st->vals[idx - 1] = v;
	st->lens[idx - 1] = (int)n;
	st->fmts[idx - 1] = binary;
	st->types[idx - 1] = type;
	return PS_OK;
}

static int pg_bind_int(struct db_stmt *st, int idx, int64_t v)
{
	char num[24];
	int n = snprintf(num, sizeof(num), "%lld", (long long)v);

	return bind_set(st, idx, num, (size_t)n, 0, OID_INT8);
}

/* %.17g: enough digits that float8in reads the same double back */
static int pg_bind_double(struct db_stmt *st, int idx, double v)
{
	char num[32];
	int n = snprintf(num, sizeof(num), "%.17g", v);

	return bind_set(st, idx, num, (size_t)n, 0, OID_FLOAT8);
}

static int pg_bind_null(struct db_stmt *st, int idx)
{
	return bind_set(st, idx, NULL, 0, 0, OID_TEXT);
}

static int pg_bind_textn(struct db_stmt *st, int idx, const char *s, size_t n)
{
	if (!s)
		return pg_bind_null(st, idx);
	/* PostgreSQL text holds no NUL: what SQLite would keep after one is
	 * cut (the callers bind C strings) */
	n = strnlen(s, n);
	return bind_set(st, idx, s, n, 0, OID_TEXT);
}

static int pg_bind_text(struct db_stmt *st, int idx, const char *s)
{
	return s ? pg_bind_textn(st, idx, s, strlen(s)) : pg_bind_null(st, idx);
}

static int pg_bind_blob(struct db_stmt *st, int idx, const void *p, size_t n)
{
	return bind_set(st, idx, p ? p : "", n, 1, OID_BYTEA);
}

/* Prepare st on the server. When the server cannot infer a parameter's
 * type ("? IS NULL"), prepare again with the types of the values bound
 * now. In a transaction a failed prepare would abort it: a savepoint
 * keeps it. */
int pg_server_prepare(struct db_stmt *st, struct ps_err *err)
{
	struct db *db = st->db;
	int txn = pg_in_txn(db), rc = PS_OK;
	PGresult *res;

	if (st->prepared && st->generation == db->generation)
		return PS_OK;
	if (txn && pg_exec(db, "SAVEPOINT ps_prepare", err))
		return err ? err->rc : PS_EIO;
	res = PQprepare(db->conn, st->name, st->pgsql, st->nparams, NULL);
	if (!res || PQresultStatus(res) != PGRES_COMMAND_OK) {
		const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;

		/* indeterminate or ambiguous parameter types ("? IS NULL",
		 * "? - ?"), or one inferred as text where it is not
		 * ("SET n = CASE WHEN ? = 1 THEN ? END" into a bigint column:
		 * 42804; "? + 1" beside a text: 42883): the types of the values
		 * bound now */
		if (state && (strcmp(state, "42P18") == 0 || strcmp(state, "42725") == 0 ||
			      strcmp(state, "42804") == 0 || strcmp(state, "42883") == 0)) {
			PQclear(res);
			if (txn)
				pg_exec(db, "ROLLBACK TO SAVEPOINT ps_prepare", NULL);
			res = PQprepare(db->conn, st->name, st->pgsql, st->nparams, st->types);
		}
	}
	if (!res || PQresultStatus(res) != PGRES_COMMAND_OK) {
		rc = pg_map(db, res, err, st->pgsql);
		if (txn)
			pg_exec(db, "ROLLBACK TO SAVEPOINT ps_prepare", NULL);
	}
	PQclear(res);
	if (txn)
		pg_exec(db, "RELEASE SAVEPOINT ps_prepare", NULL);
	if (!rc) {
		st->prepared = 1;
		st->generation = db->generation;
	}
	return rc;
}

/* Run st once, with its bindings; the rows stay in st->res. */
static int execute(struct db_stmt *st, struct ps_err *err)
{
	struct db *db = st->db;
	int rc;

	if (!pg_in_txn(db)) {
		rc = pg_reconnect_if_lost(db, err);
		if (rc)
			return rc;
	}
	rc = pg_server_prepare(st, err);
	if (rc)
		return rc;
#ifdef PS_TEST_HOOKS
	rc = pg_fault_hit(db, st->sql, err);
	if (rc)
		return rc;
#endif
	return pg_run(st, err);
}

static int pg_step(struct db_stmt *st, struct ps_err *err)
{
	int rc;

	if (!st->ran) {
		st->ran = 1;
		rc = execute(st, err);
		if (rc)
			return rc;
		pg_rows_ready(st);
	}
	if (st->blob) {
		PQfreemem(st->blob);
		st->blob = NULL;
	}
	if (st->row + 1 < st->nrows) {
		st->row++;
		return PS_ROW;
	}
	st->row = st->nrows;
	return PS_DONE;
}

void pg_rows_ready(struct db_stmt *st)
{
	st->ran = 1;
	st->nrows = PQresultStatus(st->res) == PGRES_TUPLES_OK ? PQntuples(st->res) : 0;
	st->ncols = PQnfields(st->res);
	st->row = -1;
}

static int have_cell(struct db_stmt *st, int col)
{
	return st->res && st->row >= 0 && st->row < st->nrows && col >= 0 && col < st->ncols;
}

static int pg_column_count(struct db_stmt *st)
{
	if (!st->res) {
		/* before the first step SQLite already knows the columns */
		PGresult *d;
		int n;

		if (pg_server_prepare(st, NULL))
			return 0;
		d = PQdescribePrepared(st->db->conn, st->name);
		n = d ? PQnfields(d) : 0;
		PQclear(d);
		return n;
	}
	return st->ncols;
}

static const char *pg_column_name(struct db_stmt *st, int col)
{
	return st->res && col >= 0 && col < st->ncols ? PQfname(st->res, col) : NULL;
}

static int numeric_is_whole(const char *v)
{
	return v && !strchr(v, '.') && !strchr(v, 'e') && !strchr(v, 'E') && !strchr(v, 'N');
}

static enum db_type pg_column_type(struct db_stmt *st, int col)
{
	if (!have_cell(st, col) || PQgetisnull(st->res, st->row, col))
		return DB_NULL;
	switch (PQftype(st->res, col)) {
	case OID_INT8:
	case OID_INT4:
	case OID_INT2:
	case OID_OID:
	case OID_BOOL:
		return DB_INT;
	case OID_NUMERIC:
		return numeric_is_whole(PQgetvalue(st->res, st->row, col)) ? DB_INT : DB_FLOAT;
	case OID_FLOAT4:
	case OID_FLOAT8:
		return DB_FLOAT;
	case OID_BYTEA:
		return DB_BLOB;
	default:
		return DB_TEXT;
	}
}

static int64_t pg_column_int(struct db_stmt *st, int col)
{
	const char *v;

	if (!have_cell(st, col) || PQgetisnull(st->res, st->row, col))
		return 0;
	v = PQgetvalue(st->res, st->row, col);
	if (PQftype(st->res, col) == OID_BOOL)
		return v[0] == 't';
	if (PQftype(st->res, col) == OID_NUMERIC || PQftype(st->res, col) == OID_FLOAT8 ||
	    PQftype(st->res, col) == OID_FLOAT4)
		return (int64_t)strtod(v, NULL);
	return strtoll(v, NULL, 10);
}

/* float8out writes the shortest text that reads back as the same double
 * (PostgreSQL 12 and later, extra_float_digits 1) */
static double pg_column_double(struct db_stmt *st, int col)
{
	if (!have_cell(st, col) || PQgetisnull(st->res, st->row, col))
		return 0;
	return strtod(PQgetvalue(st->res, st->row, col), NULL);
}

static const char *pg_column_text(struct db_stmt *st, int col)
{
	if (!have_cell(st, col) || PQgetisnull(st->res, st->row, col))
		return NULL;
	if (PQftype(st->res, col) == OID_BOOL)
		return PQgetvalue(st->res, st->row, col)[0] == 't' ? "1" : "0";
	return PQgetvalue(st->res, st->row, col);
}

static const void *pg_column_blob(struct db_stmt *st, int col, size_t *n)
{
	size_t len = 0;

	*n = 0;
	if (!have_cell(st, col) || PQgetisnull(st->res, st->row, col))
		return NULL;
	if (PQftype(st->res, col) != OID_BYTEA) {
		const char *v = PQgetvalue(st->res, st->row, col);

		*n = (size_t)PQgetlength(st->res, st->row, col);
		return v;
	}
	if (st->blob)
		PQfreemem(st->blob);
	st->blob = PQunescapeBytea((const unsigned char *)PQgetvalue(st->res, st->row, col), &len);
	*n = st->blob ? len : 0;
	return st->blob;
}

static int64_t pg_changes(struct db *db)
{
	return db->changes;
}

const struct db_ops db_pg_ops = {
	.kind = "postgresql",
	.primaries = pg_primaries,
	/* 64 cached subtransactions, less a few for the savepoints a
	 * request opens itself (an import's chunk and rows) */
	.batch_max = 56,
	.open = pg_open,
	.use_as_writer = pg_use_as_writer,
	.is_writer = pg_is_writer,
	.checkpoint_elsewhere = pg_checkpoint_elsewhere,
	.secure_delete = pg_secure_delete,
	.begin_write_patient = pg_begin_write_patient,
	.checkpoint = pg_checkpoint,
	.close = pg_close,
	.migrate = pg_migrate,
	.schema_version = pg_schema_version,
	.exec = pg_exec,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.savepoint = pg_savepoint,
	.savepoint_rollback = pg_savepoint_rollback,
	.savepoint_release = pg_savepoint_release,
	.in_transaction = pg_in_transaction,
	.sync_failed = pg_sync_failed,
	.in_write_txn = pg_in_write_txn,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.reset = pg_reset,
	.bind_int = pg_bind_int,
	.bind_double = pg_bind_double,
	.bind_text = pg_bind_text,
	.bind_textn = pg_bind_textn,
	.bind_blob = pg_bind_blob,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.run_all = pg_run_all,
	.column_count = pg_column_count,
	.column_name = pg_column_name,
	.column_type = pg_column_type,
	.column_int = pg_column_int,
	.column_double = pg_column_double,
	.column_text = pg_column_text,
	.column_blob = pg_column_blob,
	.changes = pg_changes,
	.clock_ms = pg_clock_ms,
	.connections = pg_connections,
	.archive_state = pg_archive_state,
	.replicas = pg_replicas,
	.lead = pg_lead,
	.backup_to = pg_backup_to,
	.integrity_check = pg_integrity_check,
};
