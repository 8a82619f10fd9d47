/* pg_sql.h — the SQL text translation of the PostgreSQL store (db_pg.c):
 * what the portable SQL of Precinct becomes before libpq sees it. Pure
 * text, tested on its own (tests/unit/test_pg_sql.c). */
#ifndef PS_STORE_PG_SQL_H
#define PS_STORE_PG_SQL_H

/* Translate the portable SQL of Precinct for PostgreSQL: '?' → $n ('?NNN'
 * → $NNN), LIKE → ILIKE, and with ddl the column types (INTEGER PRIMARY
 * KEY → an identity column, INTEGER → BIGINT, REAL → DOUBLE PRECISION,
 * BLOB → BYTEA). Quoted text and comments are copied as they are. A new
 * string (ps_free), NULL when out of memory; *nparams the number of
 * parameters. */
char *pg_sql_translate(const char *sql, int ddl, int *nparams);

/* 1 when the statement changes data or schema (it takes the write lock). */
int pg_sql_writes(const char *sql);

#endif
