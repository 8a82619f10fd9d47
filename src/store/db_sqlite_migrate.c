/* db_sqlite_migrate.c — the migration runner of the SQLite store: every
 * numbered migration not yet recorded in schema_version (the portable file
 * and its ".sqlite.sql" twin), each version in one write transaction with
 * its schema_version row; a version that rebuilds a referenced table runs
 * with foreign keys off and is checked before it commits. Through db.h's
 * calls, like every caller of the store. */
#include "store/db_impl.h"
#include "store/migrations.h"

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
	return PS_OK;
}
