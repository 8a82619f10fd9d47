/* test_sqlite_sql.c — the SQLite store's CHECK lists (store/sqlite_sql.h):
 * which lists become comparisons and which are left, and what a migrated
 * file holds — no CHECK that builds an ephemeral table, the same values
 * refused and accepted, an older file's tables rewritten at its next
 * migration. */
#include "db_fixture.h"

#include "core/mem.h"
#include "store/sqlite_sql.h"

static void rewrites(const char *sql, int want_n, const char *want)
{
	char *got = NULL;
	int n = sqlite_sql_check_lists(sql, &got);

	assert_int_equal(n, want_n);
	if (want) {
		assert_non_null(got);
		assert_string_equal(got, want);
	} else {
		assert_null(got);
	}
	ps_free(got);
}

static void a_list_of_three_becomes_comparisons(void **state)
{
	(void)state;
	rewrites("CREATE TABLE t (o TEXT NOT NULL CHECK (o IN ('success','denied','error')))", 1,
		 "CREATE TABLE t (o TEXT NOT NULL CHECK ((o = 'success' OR o = 'denied' OR o = 'error')))");
	/* integers, negative ones, quoted names, any case, blanks as written */
	rewrites("CREATE TABLE t (n INTEGER, CHECK (\"n\" in ( 1, -2 ,3 )))", 1,
		 "CREATE TABLE t (n INTEGER, CHECK ((\"n\" = 1 OR \"n\" = -2 OR \"n\" = 3)))");
	/* terms of AND, OR and NOT, two lists in one CHECK */
	rewrites("CREATE TABLE t (a, b, CHECK (a IN ('x','y','z') AND (b IS NULL OR b IN (1,2,3))))", 2,
		 "CREATE TABLE t (a, b, CHECK ((a = 'x' OR a = 'y' OR a = 'z') AND (b IS NULL OR (b = 1 OR b = 2 OR b = 3))))");
	rewrites("CREATE TABLE t (a CHECK (NOT a IN ('x','y','z')))", 1,
		 "CREATE TABLE t (a CHECK (NOT (a = 'x' OR a = 'y' OR a = 'z')))");
}

static void what_is_not_a_lone_list_is_left(void **state)
{
	(void)state;
	/* two constants: SQLite compares them without a table already */
	rewrites("CREATE TABLE t (sex TEXT CHECK (sex IN ('M','F')))", 0, NULL);
	rewrites("CREATE TABLE t (a CHECK (a NOT IN ('x','y','z')))", 0, NULL);
	/* an expression on the left binds tighter than IN */
	rewrites("CREATE TABLE t (a, b, CHECK (a + b IN (1,2,3)))", 0, NULL);
	rewrites("CREATE TABLE t (a CHECK (lower(a) IN ('x','y','z')))", 0, NULL);
	/* a list with a non-constant, a subquery, a comparison of the result */
	rewrites("CREATE TABLE t (a, b, CHECK (a IN ('x', b, 'z')))", 0, NULL);
	rewrites("CREATE TABLE t (a CHECK (a IN (SELECT 1)))", 0, NULL);
	rewrites("CREATE TABLE t (a CHECK (a IN ('x','y','z') = 1))", 0, NULL);
	/* IS NOT and BETWEEN … AND bind as tightly as IN, left to right:
	 * `b IS NOT a IN (…)` is `(b IS NOT a) IN (…)` */
	rewrites("CREATE TABLE t (a, b, CHECK (b IS NOT a IN (1,2,3)))", 0, NULL);
	rewrites("CREATE TABLE t (a, b, CHECK (b BETWEEN 1 AND a IN (1,2,3)))", 0, NULL);
	rewrites("CREATE TABLE t (a, b, CHECK (b NOT BETWEEN 1 AND a IN (1,2,3)))", 0, NULL);
	/* not in a CHECK: a DEFAULT, a generated column */
	rewrites("CREATE TABLE t (a, b AS (a IN (1,2,3)))", 0, NULL);
}

static void quoted_text_and_comments_are_copied(void **state)
{
	(void)state;
	rewrites("CREATE TABLE t (\n"
		 "  note TEXT, -- a comment (with a CHECK (x IN (1,2,3)) and 'a quote\n"
		 "  /* CHECK (y IN (1,2,3)) */ k TEXT CHECK (k IN ('it''s', 'a,b', ')'))\n"
		 ")",
		 1,
		 "CREATE TABLE t (\n"
		 "  note TEXT, -- a comment (with a CHECK (x IN (1,2,3)) and 'a quote\n"
		 "  /* CHECK (y IN (1,2,3)) */ k TEXT CHECK ((k = 'it''s' OR k = 'a,b' OR k = ')'))\n"
		 ")");
	/* an unbalanced text is left */
	rewrites("CREATE TABLE t (k CHECK (k IN ('a','b','c')", 0, NULL);
}

static void the_head_names_the_table(void **state)
{
	(void)state;
	assert_int_equal(sqlite_sql_table_head("CREATE TABLE audit_read (id)"), strlen("CREATE TABLE audit_read"));
	assert_int_equal(sqlite_sql_table_head("CREATE TABLE \"a b\"(id)"), strlen("CREATE TABLE \"a b\""));
	assert_int_equal(sqlite_sql_table_head("CREATE INDEX i ON t(a)"), 0);
}

/* the opcodes of EXPLAIN sql that are name */
static int opcodes(struct db *db, const char *sql, const char *name)
{
	struct db_stmt *st;
	struct ps_err e = { 0 };
	char q[1024];
	int n = 0;

	snprintf(q, sizeof(q), "EXPLAIN %s", sql);
	assert_int_equal(db_prepare(db, q, &st, &e), PS_OK);
	while (db_step(st, &e) == PS_ROW)
		n += strcmp(db_column_text(st, 1), name) == 0;
	db_finalize(st);
	return n;
}

static int64_t one_int(struct db *db, const char *sql)
{
	struct db_stmt *st;
	struct ps_err e = { 0 };
	int64_t v = -1;

	assert_int_equal(db_prepare(db, sql, &st, &e), PS_OK);
	if (db_step(st, &e) == PS_ROW)
		v = db_column_int(st, 0);
	db_finalize(st);
	return v;
}

static const char *const audit_insert =
	"INSERT INTO readaudit.audit_read(id, at_ms, action, outcome, prev_hash, hash)"
	" VALUES (1, 1, 'read', ?, 'p', 'h')";

static void a_migrated_file_has_no_check_list(void **state)
{
	struct fx *x = *state;
	struct db_stmt *st;
	struct ps_err e = { 0 };
	char *sql;

	/* every table of both files, as a new connection reads them */
	assert_int_equal(db_prepare(x->other,
				    "SELECT sql FROM main.sqlite_schema WHERE type = 'table'"
				    " UNION ALL SELECT sql FROM readaudit.sqlite_schema WHERE type = 'table'",
				    &st, &e),
			 PS_OK);
	while (db_step(st, &e) == PS_ROW) {
		assert_int_equal(sqlite_sql_check_lists(db_column_text(st, 0), &sql), 0);
		assert_null(sql);
	}
	db_finalize(st);
	assert_int_equal(opcodes(x->other, audit_insert, "OpenEphemeral"), 0);
	/* a complaint had five lists */
	assert_int_equal(opcodes(x->other, "INSERT INTO complaint DEFAULT VALUES", "OpenEphemeral"), 0);
	/* an incident had four: the one left is the WHERE of the partial index
	 * incident_unfiled, which stays as written, since the planner uses
	 * the index only for a query whose WHERE implies the index's as
	 * written */
	assert_int_equal(opcodes(x->other, "INSERT INTO incident DEFAULT VALUES", "OpenEphemeral"), 1);
}

static int insert_outcome(struct db *db, const char *outcome)
{
	struct db_stmt *st;
	struct ps_err e = { 0 };
	int rc;

	assert_int_equal(db_prepare(db, audit_insert, &st, &e), PS_OK);
	db_bind_text(st, 1, outcome);
	rc = db_step(st, &e);
	db_finalize(st);
	return rc;
}

static void the_checks_refuse_what_they_refused(void **state)
{
	struct fx *x = *state;
	struct ps_err e = { 0 };

	assert_int_equal(db_begin(x->other, 1, &e), PS_OK);
	assert_int_not_equal(insert_outcome(x->other, "bogus"), PS_DONE);
	assert_int_equal(insert_outcome(x->other, "denied"), PS_DONE);
	db_rollback(x->other);
	/* NULL passes a CHECK as it did: the column's NOT NULL refuses it */
	assert_int_equal(db_begin(x->other, 1, &e), PS_OK);
	assert_int_not_equal(insert_outcome(x->other, NULL), PS_DONE);
	db_rollback(x->other);
}

static void an_older_file_is_rewritten_at_its_next_migration(void **state)
{
	struct fx *x = *state;
	struct ps_err e = { 0 };
	struct db *fresh;
	int64_t version = one_int(x->db, "PRAGMA main.schema_version");

	/* a table as an older migration left it */
	assert_int_equal(db_exec(x->db,
				 "CREATE TABLE old_kind (id INTEGER PRIMARY KEY,"
				 " k TEXT NOT NULL CHECK (k IN ('a','b','c')))",
				 &e),
			 PS_OK);
	assert_int_equal(db_exec(x->db, "INSERT INTO old_kind(k) VALUES ('b')", &e), PS_OK);
	/* a text SQLite would not read under another name (its CHECK names
	 * the table) is left as written, and the migration goes on */
	assert_int_equal(db_exec(x->db,
				 "CREATE TABLE old_named (n INTEGER,"
				 " k TEXT CHECK (k IN ('a','b','c') AND old_named.n > 0))",
				 &e),
			 PS_OK);
	assert_int_equal(db_migrate(x->db, &e), PS_OK);
	assert_int_equal(one_int(x->db, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'old_named'"
					" AND sql LIKE '%k IN (''a'',''b'',''c'')%'"),
			 1);
	assert_true(one_int(x->db, "PRAGMA main.schema_version") > version + 1);
	assert_int_equal(one_int(x->db, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'old_kind'"
					" AND sql LIKE '%(k = ''a'' OR k = ''b'' OR k = ''c'')%'"),
			 1);
	assert_int_equal(one_int(x->db, "SELECT COUNT(*) FROM sqlite_schema WHERE name LIKE '%probe%'"), 0);
	/* a connection opened afterwards reads the new text and holds it */
	assert_int_equal(db_open(x->path, &fresh, &e), PS_OK);
	assert_int_equal(opcodes(fresh, "INSERT INTO old_kind(k) VALUES ('a')", "OpenEphemeral"), 0);
	assert_int_not_equal(db_exec(fresh, "INSERT INTO old_kind(k) VALUES ('d')", &e), PS_OK);
	assert_int_equal(db_exec(fresh, "INSERT INTO old_kind(k) VALUES ('c')", &e), PS_OK);
	assert_int_equal(one_int(fresh, "SELECT COUNT(*) FROM old_kind"), 2);
	assert_int_not_equal(db_exec(fresh, "INSERT INTO old_named VALUES (1, 'd')", &e), PS_OK);
	assert_int_equal(db_exec(fresh, "INSERT INTO old_named VALUES (1, 'a')", &e), PS_OK);
	assert_int_equal(db_integrity_check(fresh, &e), PS_OK);
	/* nothing left to rewrite: the next migration changes nothing */
	version = one_int(fresh, "PRAGMA main.schema_version");
	assert_int_equal(db_migrate(fresh, &e), PS_OK);
	assert_int_equal(one_int(fresh, "PRAGMA main.schema_version"), version);
	db_close(fresh);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_list_of_three_becomes_comparisons),
		cmocka_unit_test(what_is_not_a_lone_list_is_left),
		cmocka_unit_test(quoted_text_and_comments_are_copied),
		cmocka_unit_test(the_head_names_the_table),
		cmocka_unit_test_setup_teardown(a_migrated_file_has_no_check_list, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(the_checks_refuse_what_they_refused, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(an_older_file_is_rewritten_at_its_next_migration, fx_setup,
						fx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
