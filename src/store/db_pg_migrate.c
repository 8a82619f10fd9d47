/* db_pg_migrate.c — the migration runner of the PostgreSQL store: every
 * numbered migration not yet recorded in schema_version, each in one
 * transaction under the write lock; the portable file translated by
 * pg_sql.c, then its ".pg.sql" twin as written. Two servers starting at
 * once: one migrates, the other waits on the migration lock. */
#include "store/db_pg.h"
#include "store/pg_sql.h"
#include "store/migrations.h"
#include "core/mem.h"
#include "core/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


static int migration_applies(const char *name)
{
	const char *dot = strchr(name, '.');

	return dot && (strcmp(dot, ".sql") == 0 || strcmp(dot, ".pg.sql") == 0);
}

int pg_schema_version(struct db *db)
{
	PGresult *res;
	int v = 0;

	pg_settle(db);
	res = PQexec(db->conn, "SELECT MAX(version) FROM schema_version");

	if (res && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 &&
	    !PQgetisnull(res, 0, 0))
		v = atoi(PQgetvalue(res, 0, 0));
	PQclear(res);
	return v;
}

/* One migration file: the portable ones translated (types, LIKE), the
 * PostgreSQL-only ones as written. */
static int apply_file(struct db *db, const struct embedded_file *f, struct ps_err *err)
{
	int np = 0, rc;
	char *sql;

	if (strstr(f->name, ".pg.sql"))
		return pg_exec(db, f->data, err);
	sql = pg_sql_translate(f->data, 1, &np);
	if (!sql)
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = pg_exec(db, sql, err);
	if (rc)
		log_error("postgresql: migration %s failed", f->name);
	ps_free(sql);
	return rc;
}

/* 1 when migration version v has its row in schema_version (or the
 * question fails: then the version counts as applied, as before) */
static int pg_version_applied(struct db *db, int v)
{
	char sql[96];
	PGresult *res;
	int found;

	snprintf(sql, sizeof(sql), "SELECT 1 FROM schema_version WHERE version = %d", v);
	res = PQexec(db->conn, sql);
	found = PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) > 0;
	PQclear(res);
	return found;
}

int pg_migrate(struct db *db, struct ps_err *err)
{
	int rc, have;
	size_t i, j;

	/* two servers starting at once: one migrates, the other waits */
	rc = pg_exec(db, "SELECT pg_advisory_lock(" PG_MIGRATE_LOCK ")", err);
	if (rc)
		return rc;
	rc = pg_exec(db,
		     "CREATE TABLE IF NOT EXISTS schema_version ("
		     " version BIGINT PRIMARY KEY,"
		     " name TEXT NOT NULL,"
		     " applied_at BIGINT NOT NULL)",
		     err);
	if (rc)
		goto out;
	have = pg_schema_version(db);
	for (i = 0; i < ps_migrations_count; i = j) {
		int v = atoi(ps_migrations[i].name);
		char sql[512];

		for (j = i; j < ps_migrations_count && atoi(ps_migrations[j].name) == v; j++)
			;
		/* a version not recorded is applied even below the newest one:
		 * branches merged late bring numbers under a database's newest */
		if (v <= have && pg_version_applied(db, v))
			continue;
		rc = pg_begin(db, 1, err);
		if (rc)
			goto out;
		/* the portable file first, then what only PostgreSQL needs
		 * (".pg.sql" sorts before ".sql") */
		for (size_t k = i; k < j && !rc; k++)
			if (!strstr(ps_migrations[k].name, ".pg.sql") &&
			    migration_applies(ps_migrations[k].name))
				rc = apply_file(db, &ps_migrations[k], err);
		for (size_t k = i; k < j && !rc; k++)
			if (strstr(ps_migrations[k].name, ".pg.sql"))
				rc = apply_file(db, &ps_migrations[k], err);
		if (!rc) {
			char *name = PQescapeLiteral(db->conn, ps_migrations[i].name,
						     strlen(ps_migrations[i].name));

			if (!name) {
				rc = ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
			} else {
				snprintf(sql, sizeof(sql),
					 "INSERT INTO schema_version(version, name, applied_at)"
					 " VALUES (%d, %s, %lld)",
					 v, name, (long long)time(NULL));
				PQfreemem(name);
				rc = pg_exec(db, sql, err);
			}
		}
		if (rc) {
			pg_rollback(db);
			goto out;
		}
		rc = pg_commit(db, err);
		if (rc)
			goto out;
	}
out:
	pg_exec(db, "SELECT pg_advisory_unlock(" PG_MIGRATE_LOCK ")", NULL);
	return rc;
}

