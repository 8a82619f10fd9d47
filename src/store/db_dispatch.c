/* db_dispatch.c — db.h dispatched to the store of each connection: a file path opens
 * SQLite (db_sqlite.c), a postgres:// or postgresql:// URL opens PostgreSQL
 * (db_pg.c). */
#include "store/db_impl.h"
#include "store/migrations.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define OPS(x) (((const struct db_head *)(const void *)(x))->ops)
#define CONN(db) ((struct db_conn_head *)(void *)(db))

/* db_epoch: one counter for every connection of the process, so that an
 * epoch names one span of one connection (a connection closed and another
 * opened at its address never meet an old epoch). */
static _Atomic uint64_t epochs;

static void new_epoch(struct db *db)
{
	CONN(db)->epoch = atomic_fetch_add(&epochs, 1) + 1;
}

uint64_t db_epoch(struct db *db)
{
	return CONN(db)->epoch;
}

int db_is_url(const char *path)
{
	return path && (strncmp(path, "postgres://", 11) == 0 ||
			strncmp(path, "postgresql://", 13) == 0);
}

/* The URL's user info, as libpq finds it: up to the last '@' before the
 * first '/' after "://" (a password may hold a raw '?' or '#'). *at is
 * that '@' or NULL; returns the start of the user info. *ambiguous is set
 * when a '?' comes before that '@' with no '/' before it: the '@' may as
 * well be a query's (…:5432?user=a@b) — then nothing after "://" is shown. */
static const char *url_authority(const char *path, const char **at, int *ambiguous)
{
	const char *scheme = strstr(path, "://") + 3, *end = scheme + strcspn(scheme, "/");
	const char *q;

	*at = NULL;
	for (const char *p = scheme; p < end; p++)
		if (*p == '@')
			*at = p;
	q = memchr(scheme, '?', (size_t)(end - scheme));
	*ambiguous = *at && q && q < *at;
	return scheme;
}

const char *db_safe_name(const char *path, char *buf, size_t n)
{
	const char *scheme, *at, *colon, *rest, *q;
	int ambiguous;

	if (!db_is_url(path) || n < 16)
		return path;
	scheme = url_authority(path, &at, &ambiguous);
	if (ambiguous) {
		snprintf(buf, n, "%.*s***", (int)(scheme - path), path);
		return buf;
	}
	colon = at ? memchr(scheme, ':', (size_t)(at - scheme)) : NULL;
	rest = at ? at : scheme; /* from the '@' on: host, port, path */
	q = strchr(rest, '?');
	snprintf(buf, n, "%.*s%s%.*s%s", (int)((colon ? colon : rest) - path), path, colon ? ":***" : "",
		 (int)((q ? q : rest + strlen(rest)) - rest), rest, q ? "?…" : "");
	return buf;
}

/* 1 when text holds s[0..len) */
static int holds(const char *text, const char *s, size_t len)
{
	for (const char *t = text; (t = strchr(t, s[0])) != NULL; t++)
		if (strncmp(t, s, len) == 0)
			return 1;
	return 0;
}

int db_url_secret_in(const char *url, const char *text)
{
	const char *scheme, *at, *colon;
	int ambiguous;

	if (!url || !text || !db_is_url(url))
		return 0;
	scheme = url_authority(url, &at, &ambiguous);
	colon = at ? memchr(scheme, ':', (size_t)(at - scheme)) : NULL;
	if (colon && at > colon + 1 && holds(text, colon + 1, (size_t)(at - colon - 1)))
		return 1;
	for (const char *pw = strstr(url, "password="); pw; pw = strstr(pw + 1, "password=")) {
		size_t len = strcspn(pw + 9, "&#");

		if (len && holds(text, pw + 9, len))
			return 1;
	}
	return 0;
}

int db_open(const char *path, struct db **out, struct ps_err *err)
{
	int rc = (db_is_url(path) ? &db_pg_ops : &db_sqlite_ops)->open(path, out, err);

	if (!rc)
		new_epoch(*out);
	return rc;
}

int db_primaries(const char *path, struct db_primaries *out)
{
	const struct db_ops *ops = db_is_url(path) ? &db_pg_ops : &db_sqlite_ops;

	memset(out, 0, sizeof(*out));
	out->hosts = out->primaries = out->answered = 1;
	return ops->primaries ? ops->primaries(path, out) : 0;
}

int db_use_as_writer(struct db *db, struct ps_err *err) { return OPS(db)->use_as_writer(db, err); }
int db_is_writer(struct db *db) { return OPS(db)->is_writer(db); }
int db_batch_max(struct db *db) { return OPS(db)->batch_max; }
int db_checkpoint_elsewhere(struct db *db, struct ps_err *err) { return OPS(db)->checkpoint_elsewhere(db, err); }
int db_secure_delete(struct db *db, struct ps_err *err) { return OPS(db)->secure_delete(db, err); }
int db_begin_write_patient(struct db *db, int ms, struct ps_err *err)
{
	int rc;

	new_epoch(db);
	rc = OPS(db)->begin_write_patient(db, ms, err);
	new_epoch(db);
	return rc;
}
int db_checkpoint(struct db *db, int *wal_frames, struct ps_err *err) { return OPS(db)->checkpoint(db, wal_frames, err); }

void db_close(struct db *db)
{
	if (db)
		OPS(db)->close(db);
}

const char *db_kind(const struct db *db) { return OPS(db)->kind; }
int db_schema_known(void)
{
	return ps_migrations_count ? atoi(ps_migrations[ps_migrations_count - 1].name) : 0;
}

/* A database that a newer Precinct migrated past this binary's last
 * migration is refused before anything runs: an older server on a newer
 * schema would write rows its columns and rules no longer describe (a
 * city's servers upgraded one by one: an old one restarted after the first
 * new one migrated). */
int db_migrate(struct db *db, struct ps_err *err)
{
	int have = OPS(db)->schema_version(db);
	int known = db_schema_known();

	if (have > known)
		return ps_fail(err, PS_EINVAL, "SCHEMA_TOO_NEW", NULL,
			       "数据库结构版本为 %d，高于本程序所知的 %d：数据库已由更新版本的 Precinct"
			       "升级，请使用该版本或更新的程序（数据库未作任何改动）",
			       have, known);
	return OPS(db)->migrate(db, err);
}
int db_schema_version(struct db *db) { return OPS(db)->schema_version(db); }
static char client_name[64] = "precinct";

void db_client_name_set(const char *name)
{
	snprintf(client_name, sizeof(client_name), "%s", name);
}

const char *db_client_name(void)
{
	return client_name;
}

int db_lead(struct db *db, enum db_lead what, int *leading, struct ps_err *err)
{
	*leading = 1;
	return OPS(db)->lead ? OPS(db)->lead(db, what, leading, err) : PS_OK;
}

int db_archive_state(struct db *db, struct db_archive *out, struct ps_err *err)
{
	memset(out, 0, sizeof(*out));
	return OPS(db)->archive_state ? OPS(db)->archive_state(db, out, err) : PS_OK;
}

int db_replicas(struct db *db, struct db_replicas *out, struct ps_err *err)
{
	memset(out, 0, sizeof(*out));
	return OPS(db)->replicas ? OPS(db)->replicas(db, out, err) : PS_OK;
}

int db_connections(struct db *db, struct db_connections *out, struct ps_err *err)
{
	memset(out, 0, sizeof(*out));
	return OPS(db)->connections ? OPS(db)->connections(db, out, err) : PS_OK;
}

int db_clock_ms(struct db *db, int64_t *ms, struct ps_err *err)
{
	*ms = 0;
	return OPS(db)->clock_ms ? OPS(db)->clock_ms(db, ms, err) : PS_OK;
}

#ifdef PS_TEST_HOOKS
static int64_t test_skew_ms(void)
{
	const char *t = getenv("PRECINCT_TEST_CLOCK_SKEW_MS"), *path = getenv("PRECINCT_TEST_CLOCK_SKEW_FILE");
	int64_t ms = t ? strtoll(t, NULL, 10) : 0;
	FILE *f = path ? fopen(path, "r") : NULL;
	long long v;

	if (f) {
		if (fscanf(f, "%lld", &v) == 1)
			ms += v;
		fclose(f);
	}
	return ms;
}
#endif

int db_clock_skew_ms(struct db *db, int64_t *skew, struct ps_err *err)
{
	struct timespec a, b;
	int64_t db_ms, here;
	int rc;

	*skew = 0;
	clock_gettime(CLOCK_REALTIME, &a);
	rc = db_clock_ms(db, &db_ms, err);
	clock_gettime(CLOCK_REALTIME, &b);
	if (rc || !db_ms)
		return rc;
	here = ((int64_t)a.tv_sec * 1000 + a.tv_nsec / 1000000 + (int64_t)b.tv_sec * 1000 +
		b.tv_nsec / 1000000) / 2;
#ifdef PS_TEST_HOOKS
	here += test_skew_ms();
#endif
	*skew = here - db_ms;
	return PS_OK;
}
/* A new epoch before and after each of these (a command may be a BEGIN or
 * a ROLLBACK too): whatever happens in between, and whether it succeeds or
 * not, no memo of the span before survives it. */
int db_exec(struct db *db, const char *sql, struct ps_err *err)
{
	int rc;

	new_epoch(db);
	rc = OPS(db)->exec(db, sql, err);
	new_epoch(db);
	return rc;
}

int db_begin(struct db *db, int write, struct ps_err *err)
{
	int rc;

	new_epoch(db);
	rc = OPS(db)->begin(db, write, err);
	new_epoch(db);
	return rc;
}

int db_commit(struct db *db, struct ps_err *err)
{
	int rc;

	new_epoch(db);
	rc = OPS(db)->commit(db, err);
	new_epoch(db);
	return rc;
}

void db_rollback(struct db *db)
{
	new_epoch(db);
	OPS(db)->rollback(db);
	new_epoch(db);
}

int db_savepoint(struct db *db, const char *name, struct ps_err *err) { return OPS(db)->savepoint(db, name, err); }

int db_savepoint_rollback(struct db *db, const char *name, struct ps_err *err)
{
	int rc;

	new_epoch(db);
	rc = OPS(db)->savepoint_rollback(db, name, err);
	new_epoch(db);
	return rc;
}
int db_savepoint_release(struct db *db, const char *name, struct ps_err *err) { return OPS(db)->savepoint_release(db, name, err); }
int db_in_transaction(struct db *db) { return OPS(db)->in_transaction(db); }
int db_sync_failed(struct db *db) { return OPS(db)->sync_failed(db); }
int db_in_write_txn(struct db *db) { return OPS(db)->in_write_txn(db); }

int db_prepare(struct db *db, const char *sql, struct db_stmt **out, struct ps_err *err)
{
	return OPS(db)->prepare(db, sql, out, err);
}

void db_finalize(struct db_stmt *st)
{
	if (st)
		OPS(st)->finalize(st);
}

void db_reset(struct db_stmt *st) { OPS(st)->reset(st); }
int db_bind_int(struct db_stmt *st, int idx, int64_t v) { return OPS(st)->bind_int(st, idx, v); }
int db_bind_double(struct db_stmt *st, int idx, double v) { return OPS(st)->bind_double(st, idx, v); }
int db_bind_text(struct db_stmt *st, int idx, const char *s) { return OPS(st)->bind_text(st, idx, s); }
int db_bind_textn(struct db_stmt *st, int idx, const char *s, size_t n) { return OPS(st)->bind_textn(st, idx, s, n); }
int db_bind_blob(struct db_stmt *st, int idx, const void *p, size_t n) { return OPS(st)->bind_blob(st, idx, p, n); }
int db_bind_null(struct db_stmt *st, int idx) { return OPS(st)->bind_null(st, idx); }
int db_step(struct db_stmt *st, struct ps_err *err) { return OPS(st)->step(st, err); }

int db_run_all(struct db_stmt **st, int n, struct ps_err *err)
{
	if (n < 1 || !OPS(st[0])->run_all)
		return PS_OK;
	return OPS(st[0])->run_all(st, n, err);
}

int db_column_count(struct db_stmt *st) { return OPS(st)->column_count(st); }
const char *db_column_name(struct db_stmt *st, int col) { return OPS(st)->column_name(st, col); }
enum db_type db_column_type(struct db_stmt *st, int col) { return OPS(st)->column_type(st, col); }
int64_t db_column_int(struct db_stmt *st, int col) { return OPS(st)->column_int(st, col); }
double db_column_double(struct db_stmt *st, int col) { return OPS(st)->column_double(st, col); }
const char *db_column_text(struct db_stmt *st, int col) { return OPS(st)->column_text(st, col); }
const void *db_column_blob(struct db_stmt *st, int col, size_t *n) { return OPS(st)->column_blob(st, col, n); }
int64_t db_changes(struct db *db) { return OPS(db)->changes(db); }

int db_backup_to(struct db *db, const char *path,
		 void (*progress)(void *arg, int64_t done, int64_t total), void *arg,
		 struct ps_err *err)
{
	return OPS(db)->backup_to(db, path, progress, arg, err);
}

int db_integrity_check(struct db *db, struct ps_err *err) { return OPS(db)->integrity_check(db, err); }

int db_syncer_open(struct db *db, struct db_syncer **out, struct ps_err *err)
{
	*out = NULL;
	return OPS(db)->syncer_open ? OPS(db)->syncer_open(db, out, err) : PS_OK;
}

/* Only the SQLite store makes syncers. */
int db_syncer_sync(struct db_syncer *s, struct ps_err *err) { return sqlite_syncer_sync(s, err); }
void db_syncer_close(struct db_syncer *s) { sqlite_syncer_close(s); }
