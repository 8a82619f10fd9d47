/* sqlite_sql.h — what the portable schema of Precinct becomes on SQLite
 * (db_sqlite_migrate.c): pure text, tested on its own
 * (tests/unit/test_sqlite_sql.c).
 *
 * SQLite evaluates `col IN ('a', 'b', 'c')` with three or more constants
 * by building an ephemeral B-tree of the list (a pager opened, filled and
 * closed) each time the expression runs: in a CHECK constraint, on every
 * INSERT of the table and every UPDATE of the column — 2.5–3.7 µs a
 * constraint a row on this machine, against 0.1 µs for the same test
 * written as comparisons (bench/results/…-check-lists.md). The portable
 * migrations keep the IN lists (PostgreSQL tests them as an array); the
 * SQLite store rewrites them in its tables' CHECK constraints. */
#ifndef PS_STORE_SQLITE_SQL_H
#define PS_STORE_SQLITE_SQL_H

#include <stddef.h>

/* Rewrite, in the CREATE TABLE statement sql as SQLite keeps it in
 * sqlite_schema, every CHECK's `name IN (c1, c2, c3 …)` of three or more
 * constants (quoted text or integers) into `(name = c1 OR name = c2 OR …)`:
 * the same truth for every value, NULL included, and the same affinity and
 * collation (the column's). Only an operand that stands alone is rewritten:
 * the IN is the CHECK's whole expression or a term of AND, OR or NOT;
 * anything else (NOT IN, an expression on the left, a list with a
 * non-constant, an IN after IS NOT or in a CHECK with BETWEEN … AND) is
 * left as written. Quoted text and comments are copied, but for comments
 * inside a list rewritten.
 * Returns the number of lists rewritten, with *out the new text (ps_free)
 * when it is > 0; 0 with *out NULL when there is nothing to rewrite; -1 when
 * out of memory. */
int sqlite_sql_check_lists(const char *sql, char **out);

/* The length of the head "CREATE TABLE name" of such a statement, so that
 * the rest can follow another name; 0 when sql does not start that way. */
size_t sqlite_sql_table_head(const char *sql);

#endif
