/* api_pg_restart.c — the database server restarts (or fails over) under a
 * city's servers (issue 14). PostgreSQL ends every session it held: each of
 * a server's connections (the writer, the readers) learns it only at its
 * next command. What must hold: the station sees no error for it — a
 * command that was the first of its transaction ran nowhere and is sent
 * again on a new session — every write after it is saved once, and the
 * audit chain goes on. Runs only on PostgreSQL (ctest: api_pg_restart_pg;
 * tests/CMakeLists.txt PG_ONLY). */
#include "harness.h"
#include "case_util.h"

#include <string.h>

#define API "/api/v1"

static const char *person_body(struct server *srv, const char *name, const char *id)
{
	return fmt(srv, "{\"name\":\"%s\",\"id_number\":\"%s\"}", name, id);
}

/* A fresh valid number (area 320106, unused by the demo county). */
static const char *fresh_id(struct server *srv)
{
	static int n;

	n++;
	return id_number_at(srv, "320106", 1970 + n % 30, 1 + n % 12, 1 + n % 28, 300 + n);
}

static long long persons_with(struct server *srv, const char *id)
{
	return db_raw_int(srv->db, "SELECT COUNT(*) FROM person WHERE id_number = ?1", id);
}

/* 8:00, the database server restarted at night; the first requests of the
 * day meet connections whose sessions it ended. Every one is answered as
 * if nothing happened: reads (each of the pool's connections in turn),
 * the 110 desk's registration, the officer's; then the same once more,
 * sessions cut while a second server runs beside the first. */
STORY(the_database_restarting_costs_the_station_no_request)
{
	struct session *mj = login(srv, "minjing1", DEMO_PW), *dc = login(srv, "ducha", DEMO_PW);
	const char *first = fresh_id(srv);
	struct server *b;
	struct session *mb;
	long long id;
	struct resp *r;

	r = http(srv, mj, "POST", API "/persons", person_body(srv, "重启之前", first));
	EXPECT(r, 201);
	id = rnum(r, "person.id");
	/* every connection of the pool has run a statement */
	for (int i = 0; i < 16; i++)
		EXPECT(http(srv, dc, "GET", fmt(srv, API "/persons/%lld", id), NULL), 200);

	server_pg_cut_sessions(srv);
	for (int i = 0; i < 16; i++)
		EXPECT(http(srv, dc, "GET", fmt(srv, API "/persons/%lld", id), NULL), 200);
	for (int i = 0; i < 3; i++) {
		const char *n = fresh_id(srv);

		EXPECT(http(srv, mj, "POST", API "/persons", person_body(srv, "重启之后", n)), 201);
		assert_int_equal(persons_with(srv, n), 1);
	}
	EXPECT(http(srv, mj, "GET", API "/cases", NULL), 200);

	/* two servers of one database, both cut */
	b = server_twin(srv);
	mb = login(b, "minjing3", DEMO_PW);
	EXPECT(http(b, mb, "GET", fmt(b, API "/persons/%lld", id), NULL), 200);
	server_pg_cut_sessions(srv);
	for (int i = 0; i < 3; i++) {
		const char *n = fresh_id(srv), *m = fresh_id(srv);

		EXPECT(http(b, mb, "POST", API "/persons", person_body(b, "乙服务器", m)), 201);
		EXPECT(http(srv, mj, "POST", API "/persons", person_body(srv, "甲服务器", n)), 201);
		assert_int_equal(persons_with(srv, n), 1);
		assert_int_equal(persons_with(srv, m), 1);
		EXPECT(http(b, mb, "GET", fmt(b, API "/persons/%lld", id), NULL), 200);
	}
	/* a session made before the cut is still the user's */
	EXPECT(http(b, mb, "GET", API "/me", NULL), 200);
	server_free(b);
	assert_int_equal(server_logged(srv, "connection lost, reconnecting") > 0, 1);
	{
		struct cli_result c = run_cli(srv, "audit", "verify", "--db", srv->db);

		if (c.code != 0)
			fail_msg("audit verify: exit %d: %s%s", c.code, c.out, c.err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(the_database_restarting_costs_the_station_no_request,
						setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
