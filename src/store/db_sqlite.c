/* db_sqlite.c — the SQLite implementation of db.h: connections, statements
 * and transactions (backups and the integrity check: db_sqlite_backup.c;
 * what the two share: db_sqlite.h). */
#include "store/db_sqlite.h"
#include "core/mem.h"
#include "core/log.h"
#include "store/walbuf.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void sq_close(struct db *db);
static int sq_exec(struct db *db, const char *sql, struct ps_err *err);
static int sq_begin(struct db *db, int write, struct ps_err *err);
static void sq_rollback(struct db *db);
static int sq_prepare(struct db *db, const char *sql, struct db_stmt **out, struct ps_err *err);
static int sq_step(struct db_stmt *st, struct ps_err *err);
static void sq_finalize(struct db_stmt *st);
static int sq_bind_null(struct db_stmt *st, int idx);

/* Remember what a failed call on db says about its files. */
static void note_error(struct db *db, int src)
{
	if (src == SQLITE_IOERR_FSYNC || src == SQLITE_IOERR_DIR_FSYNC)
		db->sync_failed = 1;
}

/* The bucket of a statement: its length and its first and last 32 bytes
 * (FNV-1a). A case file prepares ~25 statements of up to 1 KB a request,
 * and hashing each whole, byte by byte, was 3 % of a read's CPU (issue 14);
 * two statements that differ only in their middle share a bucket, and
 * strcmp tells them apart. */
static unsigned sql_bucket(const char *sql)
{
	size_t n = strlen(sql), head = n < 32 ? n : 32, tail = n < 64 ? n - head : 32;
	const unsigned char *p = (const unsigned char *)sql;
	uint32_t h = 2166136261u ^ (uint32_t)n;

	for (size_t i = 0; i < head; i++)
		h = (h ^ p[i]) * 16777619u;
	for (size_t i = n - tail; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h % DB_CACHE_BUCKETS;
}

int sqlite_map_error(sqlite3 *h, int src, struct ps_err *err)
{
	int prim = src & 0xff;
	const char *m = h ? sqlite3_errmsg(h) : sqlite3_errstr(src);

	switch (prim) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return PS_OK;
	case SQLITE_NOMEM:
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "数据库内存不足");
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ps_fail(err, PS_EBUSY, NULL, NULL, "数据库繁忙，请稍后重试");
	case SQLITE_CONSTRAINT:
		return ps_fail(err, PS_ECONFLICT, "CONSTRAINT", NULL,
			       "数据与现有记录冲突");
	case SQLITE_TOOBIG:
		return ps_fail(err, PS_ETOOBIG, NULL, NULL, "数据过大");
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		log_error("sqlite: %s (code %d)", m, src);
		return ps_fail(err, PS_EIO, "STORAGE_CORRUPT", NULL, "数据库文件已损坏：%s", m);
	case SQLITE_IOERR:
	case SQLITE_FULL:
	case SQLITE_CANTOPEN:
	case SQLITE_READONLY:
	case SQLITE_PERM:
		log_error("sqlite: %s (code %d)", m, src);
		return ps_fail(err, PS_EIO, "STORAGE_ERROR", NULL,
			       "数据存储故障：%s", m);
	default:
		log_error("sqlite: %s (code %d)", m, src);
		return ps_fail(err, PS_EINTERNAL, NULL, NULL, "数据库错误");
	}
}

/* Before SQLite starts: no global memory statistics, whose one mutex every
 * allocation of every connection would take. */
static void configure_once(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	/* savepoint journals in memory, never spilled to a temporary file:
	 * every row of an import runs in a savepoint, and a spilled journal
	 * costs a write(2) per page it copies */
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1);
	if (walbuf_register() != SQLITE_OK)
		log_warn("walbuf: not registered; WAL frames are written one by one");
}

/* The read-audit file (issue 14): <db>-audit.db beside the main file,
 * attached as DB_AUDIT_SCHEMA on every connection, so that domain SQL names
 * its tables (audit_read, audit_read_anchor: migration 147) unqualified. The
 * rows recording reads commit there, and a read-only batch of the group
 * committer leaves the main file (and its readers' page caches) alone.
 *
 * A transaction that writes both files is atomic per file, not across them
 * (WAL mode: SQLite's super-journal is not used with WAL): a crash between
 * the two commits may keep a batch's read rows and lose its changes, or the
 * reverse. No answer of such a batch was sent (the committer answers after
 * the commit returned), so no answered read lacks its row; each chain stays
 * whole on its own (api/committer.c). */
static int attach_audit_file(struct db *db, const char *path, struct ps_err *err)
{
	sqlite3_stmt *st = NULL;
	char *file;
	int src, rc = PS_OK;

	if (strcmp(path, ":memory:") == 0 || !*path)
		file = sqlite3_mprintf(":memory:");
	else
		file = sqlite3_mprintf("%s" DB_AUDIT_SUFFIX, path);
	if (!file)
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
	/* the database's own schema first (preparing a statement on it reads
	 * all of it): a file that is not a database, or is malformed, is named
	 * as the database file, not as the audit file attached after it. And
	 * a read-audit file named as the database (serve, init, migrate
	 * --db X-audit.db) would be migrated into a database of its own, its
	 * chain's file filled with every table and given an audit file beside
	 * it: refused */
	src = sqlite3_prepare_v2(db->h,
				 "SELECT EXISTS (SELECT 1 FROM main.sqlite_schema WHERE name = 'audit_read')"
				 " AND NOT EXISTS (SELECT 1 FROM main.sqlite_schema WHERE name = 'schema_version')",
				 -1, &st, NULL);
	if (src != SQLITE_OK) {
		rc = sqlite_map_error(db->h, src, err);
		ps_fail(err, rc ? rc : PS_EIO, "DB_OPEN", NULL, "无法打开数据库文件 %s：%s", path,
			sqlite3_errmsg(db->h));
		rc = err ? err->rc : PS_EIO;
	} else if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0)) {
		rc = ps_fail(err, PS_EINVAL, "DB_IS_AUDIT_FILE", NULL,
			     "%s 是某个数据库的审计读取记录文件，不是数据库本身：请指定数据库文件"
			     "（名称中去掉 " DB_AUDIT_SUFFIX "）", path);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc) {
		sqlite3_free(file);
		return rc;
	}
	src = sqlite3_prepare_v2(db->h, "ATTACH DATABASE ? AS " DB_AUDIT_SCHEMA, -1, &st, NULL);
	if (src == SQLITE_OK)
		src = sqlite3_bind_text(st, 1, file, -1, SQLITE_TRANSIENT);
	if (src == SQLITE_OK)
		src = sqlite3_step(st);
	if (src != SQLITE_DONE) {
		rc = sqlite_map_error(db->h, src, err);
		ps_fail(err, rc ? rc : PS_EIO, "DB_OPEN", NULL, "无法打开审计读取记录文件 %s：%s",
			file, sqlite3_errmsg(db->h));
		rc = err ? err->rc : PS_EIO;
	}
	sqlite3_finalize(st);
	st = NULL;
	/* a database past migration 147 whose audit file is missing or empty
	 * (copied or restored without it) is refused: a new empty chain would
	 * verify and hide the loss */
	if (!rc)
		src = sqlite3_prepare_v2(db->h,
					 "SELECT (SELECT COUNT(*) FROM main.sqlite_schema"
					 "         WHERE name = 'schema_version')"
					 " AND EXISTS (SELECT 1 FROM main.schema_version WHERE version >= 147)"
					 " AND NOT EXISTS (SELECT 1 FROM " DB_AUDIT_SCHEMA ".sqlite_schema"
					 "                 WHERE name = 'audit_read')",
					 -1, &st, NULL);
	if (!rc && src != SQLITE_OK) {
		/* no schema_version table yet: the subquery cannot be prepared */
		src = SQLITE_OK;
	} else if (!rc && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0)) {
		rc = ps_fail(err, PS_EIO, "AUDIT_FILE_MISSING", NULL,
			     "审计读取记录文件 %s 缺失或为空（须与数据库文件一同复制、备份和恢复）", file);
	}
	sqlite3_finalize(st);
	sqlite3_free(file);
	return rc;
}

static int sq_open(const char *path, struct db **out, struct ps_err *err)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	struct db *db;
	int src, rc;

	pthread_once(&once, configure_once);
	*out = NULL;
	db = ps_calloc(1, sizeof(*db));
	if (!db)
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
	db->ops = &db_sqlite_ops;
	src = sqlite3_open_v2(path, &db->h,
			      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				      SQLITE_OPEN_NOMUTEX,
			      NULL);
	if (src != SQLITE_OK) {
		rc = sqlite_map_error(db->h, src, err);
		ps_fail(err, rc ? rc : PS_EIO, "DB_OPEN", NULL,
			"无法打开数据库 %s：%s", path,
			db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(src));
		sq_close(db);
		return err ? err->rc : PS_EIO;
	}
	sqlite3_extended_result_codes(db->h, 1);
	/* plans must not depend on bound values: otherwise every bind of a
	 * LIKE pattern (the unit-scope test `o.path LIKE ?` is in most
	 * statements) expires the cached statement and step re-parses it
	 * (bench/: 21 % of the committer's time creating incidents) */
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_QPSG, 1, (int *)NULL);
	sqlite3_busy_timeout(db->h, 5000);
	rc = attach_audit_file(db, path, err);
	if (rc) {
		sq_close(db);
		return rc;
	}
	rc = sq_exec(db,
		     "PRAGMA journal_mode=WAL;"
		     "PRAGMA " DB_AUDIT_SCHEMA ".journal_mode=WAL;"
		     "PRAGMA " DB_AUDIT_SCHEMA ".synchronous=FULL;"
		     "PRAGMA synchronous=FULL;"
		     "PRAGMA foreign_keys=ON;"
		     "PRAGMA trusted_schema=OFF;"
		     /* 16 MB of page cache per connection, and no memory map:
		      * in WAL mode every commit by another connection makes a
		      * reader drop its cache and unmap the whole file at its
		      * next transaction, so with audit rows committed all the
		      * time a map costs page faults on every read (bench/,
		      * case reads 970/s with a 256 MB map, 2 870/s without) */
		     "PRAGMA cache_size=-16384;"
		     "PRAGMA mmap_size=0;",
		     err);
	if (rc) {
		sq_close(db);
		return rc;
	}
	*out = db;
	return PS_OK;
}

/* The committer's connection keeps 32 MB of pages, twice a reader's: its
 * own commits leave its cache valid, so the indexes' upper levels stay in
 * it between batches. It was 64 MB while imports ran in the committer; now
 * they run on a worker (ROUTE_SOLO), and creates at scale 1 (1 M persons)
 * and 0.05 ran the same with 32, 48 and 64 MB (3 rounds each, within this
 * machine's noise), while the server's peak RSS fell by the difference
 * (bench/results/2026-12-06-2163cc9-writer-cache.md). */
static int sq_use_as_writer(struct db *db, struct ps_err *err)
{
	db->writer = 1;
	return sq_exec(db, "PRAGMA cache_size=-32768;", err);
}

static int sq_is_writer(struct db *db)
{
	return db->writer;
}

static int sq_sync_failed(struct db *db)
{
	return db->sync_failed;
}

static int sq_checkpoint_elsewhere(struct db *db, struct ps_err *err)
{
	return sq_exec(db, "PRAGMA wal_autocheckpoint=0", err);
}

static int sq_secure_delete(struct db *db, struct ps_err *err)
{
	return sq_exec(db, "PRAGMA secure_delete=ON", err);
}

static int sq_checkpoint(struct db *db, int *wal_frames, struct ps_err *err)
{
	static const char *const schemas[] = { "main", DB_AUDIT_SCHEMA };
	int longest = 0;

	/* each file on its own, so that the WAL sizes are each file's */
	for (size_t i = 0; i < sizeof(schemas) / sizeof(schemas[0]); i++) {
		int log = 0, done = 0;
		int src = sqlite3_wal_checkpoint_v2(db->h, schemas[i], SQLITE_CHECKPOINT_PASSIVE,
						    &log, &done);

		if (src != SQLITE_OK && src != SQLITE_BUSY)
			return sqlite_map_error(db->h, src, err);
		if (log > longest)
			longest = log;
	}
	if (wal_frames)
		*wal_frames = longest;
	return PS_OK;
}

static int sq_begin_write_patient(struct db *db, int ms, struct ps_err *err)
{
	int rc = PS_EBUSY;

	sqlite3_busy_timeout(db->h, 0);
	for (int waited = 0; waited <= ms * 10; waited++) {
		rc = sq_begin(db, 1, err);
		if (rc != PS_EBUSY)
			break;
		sqlite3_sleep(0); /* yields; the loop below paces it */
		usleep(100);
	}
	sqlite3_busy_timeout(db->h, 5000);
	return rc;
}

static void sq_close(struct db *db)
{
	struct db_stmt *st, *next;

	if (!db)
		return;
	for (int b = 0; b < DB_CACHE_BUCKETS; b++) {
		for (st = db->cache[b]; st; st = next) {
			next = st->next;
			sqlite3_finalize(st->s);
			ps_free(st->sql);
			ps_free(st);
		}
	}
	sqlite3_close(db->h);
	ps_free(db);
}

static int sq_exec(struct db *db, const char *sql, struct ps_err *err)
{
	char *msg = NULL;
	int src, rc;

	if (!strchr(sql, ';')) {
		/* one statement (BEGIN, COMMIT, SAVEPOINT … on every request):
		 * from the statement cache, not parsed again */
		struct db_stmt *st;

		rc = sq_prepare(db, sql, &st, err);
		if (rc)
			return rc;
		while ((rc = sq_step(st, err)) == PS_ROW)
			;
		sq_finalize(st);
		return rc == PS_DONE ? PS_OK : rc;
	}
	src = sqlite3_exec(db->h, sql, NULL, NULL, &msg);

	if (src == SQLITE_OK)
		return PS_OK;
	note_error(db, sqlite3_extended_errcode(db->h));
	rc = sqlite_map_error(db->h, src, err);
	if (msg) {
		log_error("sqlite exec: %s", msg);
		sqlite3_free(msg);
	}
	return rc ? rc : PS_EINTERNAL;
}

static int savepoint_exec(struct db *db, const char *verb, const char *name,
			  struct ps_err *err)
{
	char sql[96];
	int n = snprintf(sql, sizeof(sql), "%s %s", verb, name);

	if (n < 0 || (size_t)n >= sizeof(sql))
		return ps_fail(err, PS_EINTERNAL, NULL, NULL, "savepoint name too long");
	return sq_exec(db, sql, err);
}

static int sq_savepoint(struct db *db, const char *name, struct ps_err *err)
{
	return savepoint_exec(db, "SAVEPOINT", name, err);
}

static int sq_savepoint_rollback(struct db *db, const char *name, struct ps_err *err)
{
	return savepoint_exec(db, "ROLLBACK TO SAVEPOINT", name, err);
}

static int sq_savepoint_release(struct db *db, const char *name, struct ps_err *err)
{
	return savepoint_exec(db, "RELEASE SAVEPOINT", name, err);
}

static int sq_begin(struct db *db, int write, struct ps_err *err)
{
	int rc;

	db->txn = 0;
	rc = sq_exec(db, write ? "BEGIN IMMEDIATE" : "BEGIN", err);
	db->txn = !rc;
	return rc;
}

static int sq_commit(struct db *db, struct ps_err *err)
{
	int rc;

	if (db->txn && sqlite3_get_autocommit(db->h)) {
		/* rolled back under the caller: nothing to commit */
		db->txn = 0;
		return ps_fail(err, PS_EIO, "STORAGE_ERROR", NULL, "数据存储故障：事务已被回滚，未能提交");
	}
	db->txn = 0;
	rc = sq_exec(db, "COMMIT", err);
	if (rc)
		sq_rollback(db);
	return rc;
}

static void sq_rollback(struct db *db)
{
	db->txn = 0;
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

static int sq_in_transaction(struct db *db)
{
	return !sqlite3_get_autocommit(db->h);
}

static int sq_in_write_txn(struct db *db)
{
	return sqlite3_txn_state(db->h, NULL) == SQLITE_TXN_WRITE;
}

static int sq_prepare(struct db *db, const char *sql, struct db_stmt **out,
	       struct ps_err *err)
{
	struct db_stmt *st;
	unsigned b = sql_bucket(sql);
	int src;

	*out = NULL;
	for (st = db->cache[b]; st; st = st->next) {
		if (!st->in_use && strcmp(st->sql, sql) == 0) {
			st->in_use = 1;
			*out = st;
			return PS_OK;
		}
	}
	st = ps_calloc(1, sizeof(*st));
	if (!st)
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
	st->ops = &db_sqlite_ops;
	st->db = db;
	st->sql = ps_strdup(sql);
	if (!st->sql) {
		ps_free(st);
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	src = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
				 &st->s, NULL);
	if (src != SQLITE_OK) {
		int rc = sqlite_map_error(db->h, src, err);

		log_error("sqlite prepare failed: %s in: %s",
			  sqlite3_errmsg(db->h), sql);
		ps_free(st->sql);
		ps_free(st);
		return rc ? rc : PS_EINTERNAL;
	}
	st->in_use = 1;
	if (db->ncached < DB_CACHE_MAX) {
		st->cached = 1;
		st->next = db->cache[b];
		db->cache[b] = st;
		db->ncached++;
	}
	*out = st;
	return PS_OK;
}

static void sq_reset(struct db_stmt *st)
{
	sqlite3_reset(st->s);
	sqlite3_clear_bindings(st->s);
}

static void sq_finalize(struct db_stmt *st)
{
	if (!st)
		return;
	sqlite3_reset(st->s);
	sqlite3_clear_bindings(st->s);
	st->in_use = 0;
	if (!st->cached) {
		sqlite3_finalize(st->s);
		ps_free(st->sql);
		ps_free(st);
	}
}

static int bind_rc(struct db_stmt *st, int src)
{
	return src == SQLITE_OK ? PS_OK : sqlite_map_error(st->db->h, src, NULL);
}

static int sq_bind_int(struct db_stmt *st, int idx, int64_t v)
{
	return bind_rc(st, sqlite3_bind_int64(st->s, idx, v));
}

static int sq_bind_double(struct db_stmt *st, int idx, double v)
{
	return bind_rc(st, sqlite3_bind_double(st->s, idx, v));
}

static int sq_bind_text(struct db_stmt *st, int idx, const char *s)
{
	if (!s)
		return sq_bind_null(st, idx);
	return bind_rc(st, sqlite3_bind_text(st->s, idx, s, -1,
					     SQLITE_TRANSIENT));
}

static int sq_bind_textn(struct db_stmt *st, int idx, const char *s, size_t n)
{
	if (!s)
		return sq_bind_null(st, idx);
	return bind_rc(st, sqlite3_bind_text64(st->s, idx, s, n,
					       SQLITE_TRANSIENT, SQLITE_UTF8));
}

static int sq_bind_blob(struct db_stmt *st, int idx, const void *p, size_t n)
{
	return bind_rc(st, sqlite3_bind_blob64(st->s, idx, p, n,
					       SQLITE_TRANSIENT));
}

static int sq_bind_null(struct db_stmt *st, int idx)
{
	return bind_rc(st, sqlite3_bind_null(st->s, idx));
}

/* ---- store faults for tests ---- */
#ifdef PS_TEST_HOOKS
int db_test_explain(struct db *db, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *s = NULL;
	size_t len = 0;
	char *text = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	int src;

	if (n)
		out[0] = '\0';
	if (!text)
		return PS_ENOMEM;
	src = sqlite3_prepare_v2(db->h, text, -1, &s, NULL);
	sqlite3_free(text);
	if (src != SQLITE_OK)
		return PS_EINTERNAL;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(s, 3);
		int w = snprintf(out + len, n > len ? n - len : 0, "%s\n", d ? d : "");

		if (w > 0)
			len += (size_t)w;
		if (len >= n) {
			len = n ? n - 1 : 0;
			break;
		}
	}
	sqlite3_finalize(s);
	return PS_OK;
}

/* The SQLite code of an armed fault that fires at this step of st, or 0
 * (the count and the arming are the stores' own: db_fault.c). */
static int fault_fires(struct db_stmt *st, int *lose)
{
	switch (db_fault_take(st->db->writer, st->sql, lose)) {
	case 0:
		return 0;
	case DB_FAULT_FULL:
		return SQLITE_FULL;
	case DB_FAULT_FSYNC:
		return SQLITE_IOERR_FSYNC;
	default:
		return SQLITE_IOERR_WRITE;
	}
}

static int fault_fire(struct db_stmt *st, int src, int lose, struct ps_err *err)
{
	struct db *db = st->db;

	log_warn("test hook: store fault %d at \"%.60s\"%s", src, st->sql,
		 lose ? " (transaction rolled back)" : "");
	if (lose && !sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	note_error(db, src);
	return sqlite_map_error(NULL, src, err);
}
#endif

static int sq_step(struct db_stmt *st, struct ps_err *err)
{
	int src, rc;

#ifdef PS_TEST_HOOKS
	int lose = 0;

	src = fault_fires(st, &lose);
	if (src)
		return fault_fire(st, src, lose, err);
#endif
	if (st->db->txn && sqlite3_get_autocommit(st->db->h))
		return ps_fail(err, PS_EIO, "STORAGE_ERROR", NULL,
			       "数据存储故障：事务已被存储回滚，本次操作未保存");
	src = sqlite3_step(st->s);
	if (src == SQLITE_ROW)
		return PS_ROW;
	if (src == SQLITE_DONE)
		return PS_DONE;
	note_error(st->db, src);
	rc = sqlite_map_error(st->db->h, src, err);
	return rc ? rc : PS_EINTERNAL;
}

static int sq_column_count(struct db_stmt *st)
{
	return sqlite3_column_count(st->s);
}

static const char *sq_column_name(struct db_stmt *st, int col)
{
	return sqlite3_column_name(st->s, col);
}

static enum db_type sq_column_type(struct db_stmt *st, int col)
{
	switch (sqlite3_column_type(st->s, col)) {
	case SQLITE_INTEGER:
		return DB_INT;
	case SQLITE_FLOAT:
		return DB_FLOAT;
	case SQLITE_TEXT:
		return DB_TEXT;
	case SQLITE_BLOB:
		return DB_BLOB;
	default:
		return DB_NULL;
	}
}

static int64_t sq_column_int(struct db_stmt *st, int col)
{
	return sqlite3_column_int64(st->s, col);
}

static double sq_column_double(struct db_stmt *st, int col)
{
	return sqlite3_column_double(st->s, col);
}

static const char *sq_column_text(struct db_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st->s, col);
}

static const void *sq_column_blob(struct db_stmt *st, int col, size_t *n)
{
	const void *p = sqlite3_column_blob(st->s, col);

	*n = (size_t)sqlite3_column_bytes(st->s, col);
	return p;
}

static int64_t sq_changes(struct db *db)
{
	return sqlite3_changes64(db->h);
}

const struct db_ops db_sqlite_ops = {
	.kind = "sqlite",
	.open = sq_open,
	.use_as_writer = sq_use_as_writer,
	.is_writer = sq_is_writer,
	.sync_failed = sq_sync_failed,
	.checkpoint_elsewhere = sq_checkpoint_elsewhere,
	.secure_delete = sq_secure_delete,
	.checkpoint = sq_checkpoint,
	.begin_write_patient = sq_begin_write_patient,
	.close = sq_close,
	.exec = sq_exec,
	.savepoint = sq_savepoint,
	.savepoint_rollback = sq_savepoint_rollback,
	.savepoint_release = sq_savepoint_release,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.in_transaction = sq_in_transaction,
	.in_write_txn = sq_in_write_txn,
	.prepare = sq_prepare,
	.reset = sq_reset,
	.finalize = sq_finalize,
	.bind_int = sq_bind_int,
	.bind_double = sq_bind_double,
	.bind_text = sq_bind_text,
	.bind_textn = sq_bind_textn,
	.bind_blob = sq_bind_blob,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.column_count = sq_column_count,
	.column_name = sq_column_name,
	.column_type = sq_column_type,
	.column_int = sq_column_int,
	.column_double = sq_column_double,
	.column_text = sq_column_text,
	.column_blob = sq_column_blob,
	.changes = sq_changes,
	.backup_to = sqlite_backup_to,
	.integrity_check = sqlite_integrity_check,
	.schema_version = sqlite_schema_version,
	.migrate = sqlite_migrate,
	.syncer_open = sqlite_syncer_open,
};
