/* db_sqlite_migrate.c — the migration runner of the SQLite store: every
 * numbered migration not yet recorded in schema_version (the portable file
 * and its ".sqlite.sql" twin), each version in one write transaction with
 * its schema_version row; a version that rebuilds a referenced table runs
 * with foreign keys off and is checked before it commits. Then the
 * tables' CHECK lists are rewritten as comparisons (sqlite_sql.h). Through
 * db.h's calls, like every caller of the store. */
#include "store/db_impl.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/mem.h"
#include "store/migrations.h"
#include "store/sqlite_sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int migration_applies(const char *name)
{
	const char *dot = strchr(name, '.');

	if (!dot)
		return 0;
	if (strcmp(dot, ".sql") == 0 || strcmp(dot, ".sqlite.sql") == 0)
		return 1;
	return 0;
}

int sqlite_schema_version(struct db *db)
{
	struct db_stmt *st;
	int v = 0, made;

	/* a new file has no table yet: 0, without the failed prepare's error
	 * in the log of every init */
	if (db_prepare(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'", &st,
		       NULL))
		return 0;
	made = db_step(st, NULL) == PS_ROW;
	db_finalize(st);
	if (!made || db_prepare(db, "SELECT MAX(version) FROM schema_version", &st, NULL))
		return 0;
	if (db_step(st, NULL) == PS_ROW)
		v = (int)db_column_int(st, 0);
	db_finalize(st);
	return v;
}

/* 1 when migration version v has its row in schema_version (or the
 * question fails: then the version counts as applied, as before) */
static int version_applied(struct db *db, int v)
{
	struct db_stmt *st;
	struct ps_err e = { 0 };
	int rc, found = 1;

	if (db_prepare(db, "SELECT 1 FROM schema_version WHERE version = ?", &st, &e))
		return 1;
	db_bind_int(st, 1, v);
	rc = db_step(st, &e);
	found = rc == PS_ROW || (rc != PS_DONE);
	db_finalize(st);
	return found;
}

/* A SQLite file that rebuilds a table other tables reference (the
 * "12-step" way of changing a column's CHECK: make the new table, copy,
 * drop the old one, rename) starts with this line. Its version runs with
 * foreign keys off, which SQLite only allows outside a transaction, and
 * commits only when PRAGMA foreign_key_check finds no row. */
#define MIGRATION_REBUILD "-- precinct: rebuild"

static int rebuild_version(size_t i, size_t j)
{
	for (size_t k = i; k < j; k++)
		if (migration_applies(ps_migrations[k].name) &&
		    !strncmp(ps_migrations[k].data, MIGRATION_REBUILD, strlen(MIGRATION_REBUILD)))
			return 1;
	return 0;
}

static int foreign_keys_clean(struct db *db, struct ps_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, "PRAGMA foreign_key_check", &st, err);

	if (rc)
		return rc;
	rc = db_step(st, err);
	if (rc == PS_ROW)
		rc = ps_fail(err, PS_EIO, "INTEGRITY", NULL, "迁移后外键检查失败：表 %s 第 %lld 行",
			     db_column_text(st, 0) ? db_column_text(st, 0) : "",
			     (long long)db_column_int(st, 1));
	else if (rc == PS_DONE)
		rc = PS_OK;
	db_finalize(st);
	return rc;
}

/* ---- CHECK lists (sqlite_sql.h) ----
 * SQLite cannot ALTER a CHECK; its documented way of changing one that
 * every row already meets is to write the table's new text in
 * sqlite_schema and step the schema version (lang_altertable.html, "Making
 * other kinds of table schema changes"). A text SQLite could not read
 * would make the file unreadable, so each new text is first made as a
 * TEMP table of its own and dropped, in the same transaction; a text
 * refused there is left as it was. Rewritten once per table: the new text
 * has no list left. */
struct check_rewrite {
	const char *name, *old, *sql;
	struct check_rewrite *next;
};

#define CHECK_PROBE "precinct_check_probe"

/* Whether SQLite makes the table of the text sql under another name: 1
 * yes, 0 no, -1 when the probe left the transaction or its table behind
 * (an I/O error rolls the transaction back: nothing more may be written in
 * it). */
static int check_text_reads(struct db *db, struct arena *a, const char *sql)
{
	size_t head = sqlite_sql_table_head(sql);
	struct ps_err e = { 0 };
	char *probe;
	int made;

	if (!head)
		return 0;
	probe = arena_printf(a, "CREATE TEMP TABLE " CHECK_PROBE "%s", sql + head);
	if (!probe)
		return 0;
	made = db_exec(db, probe, &e) == PS_OK;
	if (made && db_exec(db, "DROP TABLE temp." CHECK_PROBE, &e) != PS_OK)
		return -1;
	return db_in_write_txn(db) ? made : -1;
}

static int check_lists_find(struct db *db, struct arena *a, const char *schema,
			    struct check_rewrite **out, struct ps_err *err)
{
	char q[160];
	struct db_stmt *st;
	int rc;

	snprintf(q, sizeof(q),
		 "SELECT name, sql FROM %s.sqlite_schema WHERE type = 'table' ORDER BY name",
		 schema);
	rc = db_prepare(db, q, &st, err);
	while (!rc && (rc = db_step(st, err)) == PS_ROW) {
		const char *text = db_column_text(st, 1);
		struct check_rewrite *w;
		char *sql = NULL;
		int n = text ? sqlite_sql_check_lists(text, &sql) : 0;

		rc = PS_OK;
		if (n == 0)
			continue;
		w = arena_alloc(a, sizeof(*w));
		if (w && n > 0) {
			w->name = arena_strdup(a, db_column_text(st, 0));
			w->old = arena_strdup(a, text);
			w->sql = arena_strdup(a, sql);
		}
		ps_free(sql);
		if (!w || n < 0 || !w->name || !w->old || !w->sql) {
			rc = ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
		} else {
			w->next = *out;
			*out = w;
		}
	}
	if (rc == PS_DONE)
		rc = PS_OK;
	db_finalize(st);
	return rc;
}

static int check_lists_write(struct db *db, const char *schema, struct check_rewrite *w,
			     struct ps_err *err)
{
	char q[160];
	struct db_stmt *st;
	int64_t version = -1;
	int rc;

	snprintf(q, sizeof(q), "UPDATE %s.sqlite_schema SET sql = ? WHERE type = 'table' AND name = ? AND sql = ?",
		 schema);
	rc = db_exec(db, "PRAGMA writable_schema=ON", err);
	for (; w && !rc; w = w->next) {
		rc = db_prepare(db, q, &st, err);
		if (rc)
			break;
		db_bind_text(st, 1, w->sql);
		db_bind_text(st, 2, w->name);
		db_bind_text(st, 3, w->old);
		rc = db_step(st, err);
		rc = rc == PS_DONE ? PS_OK : rc;
		db_finalize(st);
	}
	snprintf(q, sizeof(q), "PRAGMA %s.schema_version", schema);
	if (!rc && !(rc = db_prepare(db, q, &st, err))) {
		if (db_step(st, err) == PS_ROW)
			version = db_column_int(st, 0);
		db_finalize(st);
	}
	if (!rc && version < 0)
		rc = ps_fail(err, PS_EIO, "STORAGE_ERROR", NULL, "读取数据库结构版本失败");
	if (!rc) {
		snprintf(q, sizeof(q), "PRAGMA %s.schema_version = %lld", schema, (long long)version + 1);
		rc = db_exec(db, q, err);
	}
	{
		struct ps_err e2 = { 0 };
		int rc2 = db_exec(db, "PRAGMA writable_schema=OFF", rc ? &e2 : err);

		rc = rc ? rc : rc2;
	}
	return rc;
}

/* The rewrite of one schema's CHECK lists: a speed, not a rule, so a
 * failure leaves the file as it was, with a warning, and the migration goes
 * on. The schema is read first outside any transaction, so that a file
 * with nothing left to rewrite (every file after its first migration) takes
 * no write lock: every CLI command migrates. */
static void check_lists(struct db *db, const char *schema)
{
	struct check_rewrite *found = NULL, *good = NULL, *next;
	struct ps_err e = { 0 };
	struct arena a;
	int rc, kept = 0;

	arena_init(&a);
	rc = check_lists_find(db, &a, schema, &found, &e);
	if (rc || !found) {
		if (rc)
			log_warn("schema: the CHECK lists of %s are left as written: %s", schema, e.msg);
		arena_release(&a);
		return;
	}
	found = NULL;
	rc = db_begin(db, 1, &e);
	if (!rc) /* again under the write lock: another process may have done it */
		rc = check_lists_find(db, &a, schema, &found, &e);
	for (struct check_rewrite *w = found; w && !rc; w = next) {
		int reads = check_text_reads(db, &a, w->sql);

		next = w->next;
		if (reads < 0) {
			rc = ps_fail(&e, PS_EIO, "STORAGE_ERROR", NULL, "the probe of %s failed", w->name);
		} else if (reads) {
			w->next = good;
			good = w;
			kept++;
		} else {
			log_warn("schema: the CHECK lists of %s.%s are left as written"
				 " (SQLite did not read their rewrite)", schema, w->name);
		}
	}
	if (!rc && good)
		rc = check_lists_write(db, schema, good, &e);
	if (rc)
		db_rollback(db);
	else
		rc = db_commit(db, &e);
	if (rc)
		log_warn("schema: the CHECK lists of %s are left as written: %s", schema, e.msg);
	else if (kept)
		log_info("schema: the CHECK lists of %d tables of %s written as comparisons", kept, schema);
	arena_release(&a);
}

int sqlite_migrate(struct db *db, struct ps_err *err)
{
	int rc, have, rebuild;
	size_t i, j;

	rc = db_exec(db,
		     "CREATE TABLE IF NOT EXISTS schema_version ("
		     " version INTEGER PRIMARY KEY,"
		     " name TEXT NOT NULL,"
		     " applied_at INTEGER NOT NULL)",
		     err);
	if (rc)
		return rc;
	have = sqlite_schema_version(db);
	/* files are sorted by name; all files of one number (portable and
	 * sqlite-only) are applied in one transaction with their version row */
	for (i = 0; i < ps_migrations_count; i = j) {
		int v = atoi(ps_migrations[i].name);
		struct db_stmt *st;

		for (j = i; j < ps_migrations_count &&
			    atoi(ps_migrations[j].name) == v; j++)
			;
		/* a version not recorded is applied even below the newest one:
		 * branches merged late bring numbers under a database's newest */
		if (v <= have && version_applied(db, v))
			continue;
		rebuild = rebuild_version(i, j);
		if (rebuild && (rc = db_exec(db, "PRAGMA foreign_keys=OFF", err)))
			return rc;
		rc = db_begin(db, 1, err);
		if (rc)
			goto keys_on;
		for (size_t k = i; k < j && !rc; k++)
			if (migration_applies(ps_migrations[k].name))
				rc = db_exec(db, ps_migrations[k].data, err);
		if (!rc && rebuild)
			rc = foreign_keys_clean(db, err);
		if (!rc)
			rc = db_prepare(db,
					"INSERT INTO schema_version(version, name,"
					" applied_at) VALUES (?, ?,"
					" CAST(strftime('%s','now') AS INTEGER))",
					&st, err);
		if (!rc) {
			db_bind_int(st, 1, v);
			db_bind_text(st, 2, ps_migrations[i].name);
			rc = db_step(st, err);
			if (rc == PS_DONE)
				rc = PS_OK;
			db_finalize(st);
		}
		if (rc)
			db_rollback(db);
		else
			rc = db_commit(db, err);
keys_on:
		if (rebuild) {
			struct ps_err e2 = { 0 };
			int rc2 = db_exec(db, "PRAGMA foreign_keys=ON", rc ? &e2 : err);

			rc = rc ? rc : rc2;
		}
		if (rc)
			return rc;
	}
	check_lists(db, "main");
	check_lists(db, DB_AUDIT_SCHEMA);
	return PS_OK;
}
