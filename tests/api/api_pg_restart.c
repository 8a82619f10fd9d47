/* api_pg_restart.c — the database server restarts (or fails over) under a
 * city's servers (issue 14). PostgreSQL ends every session it held: each of
 * a server's connections (the writer, the readers) learns it only at its
 * next command. What must hold: the station sees no error for it — a
 * command that was the first of its transaction ran nowhere and is sent
 * again on a new session — every write after it is saved once, and the
 * audit chain goes on. And a database address that takes the connection
 * but never answers (a host gone mute) is given up within seconds, never
 * waited on for ever. Runs only on PostgreSQL (ctest: api_pg_restart_pg;
 * tests/CMakeLists.txt PG_ONLY). */
#include "harness.h"
#include "case_util.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define API "/api/v1"

static const char *person_body(struct server *srv, const char *name, const char *id)
{
	return fmt(srv, "{\"name\":\"%s\",\"id_number\":\"%s\"}", name, id);
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
	const char *first = fresh_id_number(srv);
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
		const char *n = fresh_id_number(srv);

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
		const char *n = fresh_id_number(srv), *m = fresh_id_number(srv);

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

/* A socket that takes connections (the kernel completes them) and never
 * reads or answers: a database host gone mute. Its port in *port. */
static int mute_listener(int *port)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	assert_true(fd >= 0);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(listen(fd, 16), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	*port = ntohs(a.sin_port);
	return fd;
}

/* The city's servers are started against a database address that takes the
 * connection and never answers: `migrate` and `serve` give up within the
 * connection timeout (10 s) with the reason, instead of waiting for ever. */
STORY(a_database_that_never_answers_is_given_up)
{
	int port, fd = mute_listener(&port);
	const char *url = fmt(srv, "postgres://precinct@127.0.0.1:%d/precinct", port);
	const char *verbs[] = { "migrate", "serve" };

	for (int i = 0; i < 2; i++) {
		time_t t0 = time(NULL);
		struct cli_result r = i ? run_cli(srv, "serve", "--db", url, "--listen", "127.0.0.1:0")
					: run_cli(srv, "migrate", "--db", url);
		long took = (long)(time(NULL) - t0);

		print_message("%s against a mute address: exit %d after %ld s\n", verbs[i], r.code, took);
		assert_int_equal(r.code, 1);
		assert_non_null(strstr(r.err, "无法连接 PostgreSQL 数据库"));
		assert_true(took >= 8 && took <= 40);
	}
	close(fd);
}

static void put_skew(struct server *srv, const char *path, const char *ms)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(ms, f) < 0 || fclose(f) != 0)
		fail_msg("cannot write %s", path);
	(void)srv;
}

/* A server's clock strays while it runs (its NTP stopped; a VM resumed a
 * minute and a half behind). Its clock decides the city's deadlines and
 * breaches, and serve compared it with the database's only at its start.
 * Now its writes stop within seconds — 503 CLOCK_SKEW, /health too, an
 * ALERT in the log — while reads go on; set right, it writes again by
 * itself. */
STORY(a_server_whose_clock_strays_while_it_runs_stops_writing)
{
	const char *skew = srv_path(srv, "clock-skew");
	struct session *mj, *dc;
	struct server *b;
	struct resp *r = NULL;
	long long id;
	time_t t0;

	put_skew(srv, skew, "0");
	assert_int_equal(setenv("PRECINCT_TEST_CLOCK_SKEW_FILE", skew, 1), 0);
	b = server_on(srv, srv->db, NULL);
	assert_int_equal(unsetenv("PRECINCT_TEST_CLOCK_SKEW_FILE"), 0);
	mj = login(b, "minjing1", DEMO_PW);
	dc = login(b, "ducha", DEMO_PW);
	r = http(b, mj, "POST", API "/persons", person_body(b, "时钟之前", fresh_id_number(b)));
	EXPECT(r, 201);
	id = rnum(r, "person.id");

	put_skew(srv, skew, "-90000");
	b->allow_5xx = 1; /* the 503s this story waits for */
	for (t0 = time(NULL); time(NULL) - t0 < 30; usleep(300000)) {
		r = http(b, mj, "POST", API "/persons", person_body(b, "时钟走偏", fresh_id_number(b)));
		if (r->status != 201)
			break;
	}
	EXPECT_ERR(b, r, 503, "CLOCK_SKEW", NULL);
	assert_non_null(strstr(rstr(r, "error.message"), "慢 90 秒"));
	EXPECT_ERR(b, http(b, NULL, "GET", API "/health", NULL), 503, "CLOCK_SKEW", NULL);
	EXPECT(http(b, dc, "GET", fmt(b, API "/persons/%lld", id), NULL), 200);
	assert_int_equal(server_logged(b, "ALERT: this server's clock is 90.0 s behind"), 1);

	put_skew(srv, skew, "0");
	for (t0 = time(NULL); time(NULL) - t0 < 30; usleep(300000)) {
		EXPECT(http(b, dc, "GET", fmt(b, API "/persons/%lld", id), NULL), 200); /* a batch: the look */
		if (http(b, NULL, "GET", API "/health", NULL)->status == 200)
			break;
	}
	b->allow_5xx = 0;
	EXPECT(http(b, mj, "POST", API "/persons", person_body(b, "时钟校准", fresh_id_number(b))), 201);
	assert_int_equal(server_logged(b, "writes resume"), 1);
	b->passed = 1;
	server_free(b);
}

/* A mistyped address (here an unclosed "[") whose user name is long: libpq
 * quotes the whole URL in its message, and the message was cut to one
 * short line before the password was looked for in it, so the cut showed
 * the password's beginning. */
STORY(a_malformed_address_never_shows_its_password)
{
	char user[151];
	struct cli_result r;

	memset(user, 'u', 150);
	user[150] = '\0';
	r = run_cli(srv, "migrate", "--db", fmt(srv, "postgres://%s:Sup3rSecretPassw0rd@[::1/db", user));
	assert_int_equal(r.code, 1);
	assert_null(strstr(r.err, "Sup3r"));
	assert_null(strstr(r.out, "Sup3r"));
	assert_non_null(strstr(r.err, "不予显示"));
}

/* A city's servers share one database; one of them sweeps it for the
 * breaches of every deadline (it used to be each of them, every 30 s: the
 * same county scanned once per server for the same breaches). The first
 * server takes the lead (a session advisory lock); a second one started
 * beside it leaves the sweep to it. When the first stops, the second takes
 * the sweep over at its next round; the first, started again, follows.
 * Rounds every 300 ms here (PRECINCT_TEST_SWEEP_MS; 30 s in production). */
STORY(one_server_of_a_database_sweeps_it)
{
	struct server *b;

	server_wait_sweep(srv); /* each start logs its first pass */
	server_stop(srv);
	setenv("PRECINCT_TEST_SWEEP_MS", "300", 1);
	server_start(srv);
	server_wait_sweep(srv);
	b = server_twin(srv);
	server_wait_sweep(b);
	assert_int_equal(server_logged(srv, "breach sweep: this server sweeps the database"), 2);
	assert_int_equal(server_logged(b, "breach sweep: another server of this database sweeps it"), 1);
	assert_int_equal(server_logged(b, "breach sweep: this server sweeps the database"), 0);
	assert_int_equal(server_logged(b, "first pass done (by another server of this database)"), 1);

	/* the leader stops: the other takes the sweep over */
	server_stop(srv);
	for (int i = 0; i < 100 && !server_logged(b, "breach sweep: this server sweeps the database"); i++)
		usleep(100 * 1000);
	assert_int_equal(server_logged(b, "breach sweep: this server sweeps the database"), 1);
	/* and the first, back, follows */
	server_start(srv);
	unsetenv("PRECINCT_TEST_SWEEP_MS");
	server_wait_sweep(srv);
	assert_int_equal(server_logged(srv, "breach sweep: this server sweeps the database"), 2);
	assert_int_equal(server_logged(srv, "breach sweep: another server of this database sweeps it"), 1);
	b->passed = 1;
	server_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(the_database_restarting_costs_the_station_no_request,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(a_database_that_never_answers_is_given_up, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(a_malformed_address_never_shows_its_password, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(a_server_whose_clock_strays_while_it_runs_stops_writing,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(one_server_of_a_database_sweeps_it, setup_demo,
						teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
