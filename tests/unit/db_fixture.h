/* db_fixture.h — the fixture of the unit tests that need a database: a
 * fresh migrated SQLite file in /tmp opened twice (two connections: two
 * server processes), an arena and a ctx on the first. Header only: each
 * test_*.c is its own program (tests/CMakeLists.txt). */
#ifndef PS_TEST_DB_FIXTURE_H
#define PS_TEST_DB_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "domain/ctx.h"
#include "store/db.h"

struct fx {
	char path[64];
	struct db *db, *other; /* two connections: two server processes */
	struct arena arena;
	struct ps_err err;
	struct ctx c;
};

static int fx_setup(void **state)
{
	struct fx *x = calloc(1, sizeof(*x));
	int fd;

	assert_non_null(x);
	snprintf(x->path, sizeof(x->path), "/tmp/precinct_unit_XXXXXX"); /* mkstemp's template */
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

static int fx_teardown(void **state)
{
	static const char *const sides[] = { "", "-wal", "-shm", "-audit.db", "-audit.db-wal", "-audit.db-shm" };
	struct fx *x = *state;
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

#endif
