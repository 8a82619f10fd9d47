/* test_audit_head.c — the writer keeps the audit chain's head between the
 * rows it appends in one write transaction (audit.c, issue 14) and reads it
 * again whenever it may have changed under it: after a ROLLBACK TO undid a
 * row, and in every new transaction (another connection — another server
 * process — may have appended meanwhile). Each case ends with the chain
 * verified, ids without a gap and each row chained to the one before. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "domain/admin/audit.h"
#include "store/db.h"

struct fx {
	char path[64];
	struct db *db, *other; /* two connections: two server processes */
	struct arena arena;
	struct ps_err err;
	struct ctx c;
};

static int setup(void **state)
{
	struct fx *x = calloc(1, sizeof(*x));
	int fd;

	assert_non_null(x);
	snprintf(x->path, sizeof(x->path), "/tmp/test_audit_head_XXXXXX");
	fd = mkstemp(x->path);
	assert_true(fd >= 0);
	close(fd);
	unlink(x->path);
	assert_int_equal(db_open(x->path, &x->db, &x->err), PS_OK);
	assert_int_equal(db_migrate(x->db, &x->err), PS_OK);
	assert_int_equal(db_open(x->path, &x->other, &x->err), PS_OK);
	arena_init(&x->arena);
	ctx_init(&x->c, x->db, &x->arena, &x->err);
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct fx *x = *state;
	static const char *const sides[] = { "", "-wal", "-shm", "-audit.db", "-audit.db-wal", "-audit.db-shm" };
	char side[96];

	db_close(x->db);
	db_close(x->other);
	arena_release(&x->arena);
	for (size_t i = 0; i < sizeof(sides) / sizeof(sides[0]); i++) {
		snprintf(side, sizeof(side), "%s%s", x->path, sides[i]);
		unlink(side);
	}
	free(x);
	return 0;
}

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
		cmocka_unit_test_setup_teardown(a_row_undone_by_rollback_to_is_not_the_head, setup, teardown),
		cmocka_unit_test_setup_teardown(a_row_of_another_connection_is_the_head_in_the_next_transaction,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
