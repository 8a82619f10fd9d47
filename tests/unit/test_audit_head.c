/* test_audit_head.c — the writer keeps the audit chain's head between the
 * rows it appends in one write transaction (audit.c, issue 14) and reads it
 * again whenever it may have changed under it: after a ROLLBACK TO undid a
 * row, and in every new transaction (another connection — another server
 * process — may have appended meanwhile). Each case ends with the chain
 * verified, ids without a gap and each row chained to the one before. */
#include "db_fixture.h"
#include "domain/admin/audit.h"
#include "store/db.h"

/* One change row on db, named by what. */
static void row(struct fx *x, struct db *db, const char *what)
{
	x->c.db = db;
	assert_int_equal(audit_write(&x->c, "test.row", "test", what, "success", NULL), PS_OK);
}

/* The change chain is whole; its row count. */
static int64_t intact(struct fx *x)
{
	int64_t bad = 0, rows = 0;

	assert_int_equal(audit_verify_chain(x->db, AUDIT_CHAIN_CHANGE, &bad, &rows, &x->err), PS_OK);
	assert_int_equal(bad, 0);
	return rows;
}

/* Rows of jobs in one batch; the middle job's row is undone by its ROLLBACK
 * TO, so the next row chains to the first. */
static void a_row_undone_by_rollback_to_is_not_the_head(void **state)
{
	struct fx *x = *state;
	int64_t before = intact(x);

	assert_int_equal(db_begin(x->db, 1, &x->err), PS_OK);
	assert_int_equal(db_savepoint(x->db, "request", &x->err), PS_OK);
	row(x, x->db, "kept-1");
	assert_int_equal(db_savepoint_release(x->db, "request", &x->err), PS_OK);
	assert_int_equal(db_savepoint(x->db, "request", &x->err), PS_OK);
	row(x, x->db, "undone");
	row(x, x->db, "undone-too");
	assert_int_equal(db_savepoint_rollback(x->db, "request", &x->err), PS_OK);
	assert_int_equal(db_savepoint_release(x->db, "request", &x->err), PS_OK);
	assert_int_equal(db_savepoint(x->db, "request", &x->err), PS_OK);
	row(x, x->db, "kept-2");
	row(x, x->db, "kept-3");
	assert_int_equal(db_savepoint_release(x->db, "request", &x->err), PS_OK);
	assert_int_equal(db_commit(x->db, &x->err), PS_OK);
	assert_int_equal(intact(x), before + 3);
}

/* Another connection appends between two transactions of the first: the
 * first's next row chains to that row, not to its own last one. */
static void a_row_of_another_connection_is_the_head_in_the_next_transaction(void **state)
{
	struct fx *x = *state;
	int64_t before = intact(x);

	assert_int_equal(db_begin(x->db, 1, &x->err), PS_OK);
	row(x, x->db, "first-1");
	row(x, x->db, "first-2");
	assert_int_equal(db_commit(x->db, &x->err), PS_OK);
	assert_int_equal(db_begin(x->other, 1, &x->err), PS_OK);
	row(x, x->other, "other");
	assert_int_equal(db_commit(x->other, &x->err), PS_OK);
	assert_int_equal(db_begin(x->db, 1, &x->err), PS_OK);
	row(x, x->db, "first-3");
	assert_int_equal(db_commit(x->db, &x->err), PS_OK);
	/* a transaction rolled back whole leaves the head where it was */
	assert_int_equal(db_begin(x->db, 1, &x->err), PS_OK);
	row(x, x->db, "rolled-back");
	db_rollback(x->db);
	assert_int_equal(db_begin(x->other, 1, &x->err), PS_OK);
	row(x, x->other, "other-2");
	assert_int_equal(db_commit(x->other, &x->err), PS_OK);
	assert_int_equal(db_begin(x->db, 1, &x->err), PS_OK);
	row(x, x->db, "first-4");
	assert_int_equal(db_commit(x->db, &x->err), PS_OK);
	/* outside a transaction (each row its own): nothing is kept */
	row(x, x->other, "other-3");
	row(x, x->db, "first-5");
	assert_int_equal(intact(x), before + 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_row_undone_by_rollback_to_is_not_the_head, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(a_row_of_another_connection_is_the_head_in_the_next_transaction,
						fx_setup, fx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
