/* api_io_errors.c — the disk refuses (TRUST FLT-2, after SQLite's ioerr
 * tests, issue 14). Through the library of the power-cut stories
 * (tests/api/powercut.c), the N-th write of the store's files from a given
 * moment fails with ENOSPC (a full disk), or the N-th read with EIO, for
 * N = 1, 2, 3 … while the 110 desk registers an incident and a beat officer
 * opens a person's record, until the requests no longer reach the N-th.
 * Every answer is a success or a clean 503 (a JSON error with a code and a
 * Chinese message; never a 500, a lost connection or a crash); an incident
 * answered 503 is not there, one answered 201 is; a read answered 200 has
 * its audit row; the server goes on serving after each; and at the end it
 * stops cleanly (no sanitizer report), PRAGMA integrity_check is ok and
 * both audit chains verify. The checkpoints and the breach sweep run
 * meanwhile and may meet the fault first: they must survive it too.
 * Then a sync fails (EIO): a checkpoint's is survived, the committer's
 * stops the writes until a restart (DUR-4), its registration answered
 * 503 OUTCOME_UNKNOWN and there.
 *
 * And broken database files (TRUST FUZ-3, after SQLite's malformed-
 * database tests): random bytes, the demo county cut short, a header with
 * an impossible page size, a read-audit file of random bytes — `serve`,
 * `migrate` and `audit verify` each refuse them with an exit status of 1
 * and a Chinese message naming the broken file, never a crash or a
 * sanitizer report; a database that opens with a damaged table answers
 * what touches it 503 DB_CORRUPT, with an ALERT, and the rest goes on. */
#include "harness.h"
#include "powercut_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Arm the fault: the n-th op ("write", "read") from now fails with e. */
static void arm(struct server *srv, const char *log, const char *op, int n, int e)
{
	const char *tmp = fmt(srv, "%s.fail.tmp", log);
	FILE *f = fopen(tmp, "w");

	assert_non_null(f);
	fprintf(f, "%s %d %d\n", op, n, e);
	fclose(f);
	unlink(fmt(srv, "%s.fired", log));
	if (rename(tmp, fmt(srv, "%s.fail", log)) != 0)
		fail_msg("cannot arm the fault: %s", strerror(errno));
}

/* An answer to a request that met the fault: the success asked for, or a
 * clean 503. 1 when it succeeded. */
static int clean(struct server *srv, const struct resp *r, long ok, const char *what, int n)
{
	if (r->status == ok)
		return 1;
	if (r->status != 503)
		fail_msg("%s, fault at %d: answered %ld (%s), not %ld or a clean 503", what, n, r->status,
			 r->body, ok);
	assert_error(srv, r, 503, NULL);
	return 0;
}

STORY(a_disk_that_refuses_fails_only_the_request_that_met_it)
{
	static const struct {
		const char *op;
		int err;
	} faults[] = { { "write", ENOSPC }, { "read", EIO } };
	const char *log = srv_path(srv, "powercut.log");
	struct session *jj, *mj;
	int refused = 0, absorbed = 0;
	long long person;

	server_stop(srv);
	powercut_start(srv, log, NULL);
	jj = login(srv, "jiejing", DEMO_PW);
	mj = login(srv, "minjing1", DEMO_PW);
	{
		struct resp *r = http(srv, mj, "GET", "/api/v1/persons?per_page=1", NULL);

		assert_int_equal(r->status, 200);
		person = rnum(r, "items.0.id");
	}
	srv->allow_5xx = 1;
	for (size_t k = 0; k < sizeof(faults) / sizeof(faults[0]); k++) {
		int missed = 0;

		for (int n = 1; n <= 200 && missed < 3; n++) {
			const char *place = fmt(srv, "城关镇故障%s%d号", faults[k].op, n);
			struct resp *r;
			const char *what;
			int made, fired;

			arm(srv, log, faults[k].op, n, faults[k].err);
			r = http(srv, jj, "POST", "/api/v1/incidents",
				 fmt(srv,
				     "{\"source\":\"110\",\"caller_name\":\"报警人\",\"caller_phone\":"
				     "\"13912345678\",\"place\":\"%s\",\"category\":\"0201\",\"summary\":"
				     "\"磁盘故障测试\"}",
				     place));
			made = clean(srv, r, 201, "a 110 registration", n);
			what = fmt(srv, "%ld %s", r->status, made ? "" : rstr(r, "error.code"));
			/* and the record, read (an audited read: its row is written) */
			r = http(srv, mj, "GET", fmt(srv, "/api/v1/persons/%lld", person), NULL);
			if (clean(srv, r, 200, "a person's record", n)) {
				const char *rid = resp_header(srv, r, "X-Request-Id");

				assert_non_null(rid);
				assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit_read WHERE"
								     " request_id = ?1",
							    rid),
						 1);
			}
			fired = access(fmt(srv, "%s.fired", log), F_OK) == 0;
			print_message("  %s %d: registration %s, read %ld %s%s\n", faults[k].op, n, what,
				      r->status, r->status == 200 ? "" : rstr(r, "error.code"),
				      fired ? "" : " (not reached)");
			assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM incident WHERE place = ?1",
						    place),
					 made);
			if (!made || r->status != 200)
				refused++;
			else if (fired)
				absorbed++;
			/* the server goes on: the next registration is taken */
			arm(srv, log, "none", 0, 0);
			r = http(srv, jj, "POST", "/api/v1/incidents",
				 fmt(srv,
				     "{\"source\":\"110\",\"caller_name\":\"报警人\",\"caller_phone\":"
				     "\"13912345678\",\"place\":\"%s之后\",\"category\":\"0201\","
				     "\"summary\":\"磁盘故障之后\"}",
				     place));
			assert_int_equal(r->status, 201);
			missed = fired ? 0 : missed + 1;
		}
		print_message("%s failing (errno %d): the fault moved through every %s of a registration"
			      " and a read\n",
			      faults[k].op, faults[k].err, faults[k].op);
	}
	print_message("%d requests refused cleanly (503), %d faults absorbed elsewhere (a checkpoint,"
		      " the sweep)\n",
		      refused, absorbed);
	assert_true(refused > 0);

	/* a sync that fails (EIO): a checkpoint's is retried by the next
	 * checkpoint, the WAL kept until one succeeds; the committer's is
	 * the write-fail-stop of DUR-4 — its registration committed but not
	 * known to be on the disk (503 OUTCOME_UNKNOWN, the row there), every
	 * later write 503 until the server is restarted */
	for (int n = 1;; n++) {
		const char *place = fmt(srv, "城关镇同步失败%d号", n);
		struct resp *r;

		if (n > 20)
			fail_msg("20 failed syncs and none of them the committer's");
		arm(srv, log, "sync", 1, EIO);
		r = http(srv, jj, "POST", "/api/v1/incidents",
			 fmt(srv,
			     "{\"source\":\"110\",\"caller_name\":\"报警人\",\"caller_phone\":"
			     "\"13912345678\",\"place\":\"%s\",\"category\":\"0201\",\"summary\":"
			     "\"同步失败测试\"}",
			     place));
		print_message("  sync %d: registration %ld %s\n", n, r->status,
			      r->status == 201 ? "" : rstr(r, "error.code"));
		if (r->status == 201) {
			assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM incident WHERE place = ?1",
						    place),
					 1);
			continue;
		}
		assert_error(srv, r, 503, "OUTCOME_UNKNOWN");
		assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM incident WHERE place = ?1", place),
				 1);
		r = http(srv, jj, "POST", "/api/v1/incidents",
			 fmt(srv,
			     "{\"source\":\"110\",\"caller_name\":\"报警人\",\"caller_phone\":"
			     "\"13912345678\",\"place\":\"%s之后\",\"category\":\"0201\",\"summary\":"
			     "\"同步失败之后\"}",
			     place));
		assert_error(srv, r, 503, "WRITES_STOPPED");
		assert_int_equal(server_logged(srv, "ALERT: a sync of the database failed"), 1);
		/* and the health check says so, for whoever watches the servers */
		r = http(srv, NULL, "GET", "/api/v1/health", NULL);
		assert_error(srv, r, 503, "WRITES_STOPPED");
		break;
	}
	srv->allow_5xx = 0;
	/* restarted and checked, it writes again */
	server_stop(srv);
	powercut_start(srv, log, NULL);
	jj = login(srv, "jiejing", DEMO_PW);
	assert_int_equal(http(srv, NULL, "GET", "/api/v1/health", NULL)->status, 200);
	assert_int_equal(http(srv, jj, "POST", "/api/v1/incidents",
			      "{\"source\":\"110\",\"caller_name\":\"报警人\",\"caller_phone\":"
			      "\"13912345678\",\"place\":\"城关镇重启之后1号\",\"category\":\"0201\","
			      "\"summary\":\"重启之后\"}")
				 ->status,
			 201);
	server_stop(srv);
	assert_string_equal(db_raw_text(srv, srv->db, "PRAGMA integrity_check"), "ok");
	{
		struct cli_result c = run_cli(srv, "audit", "verify", "--db", srv->db);

		if (c.code != 0)
			fail_msg("audit chain broken: %s", c.err);
	}
}

static void write_file(const char *path, const unsigned char *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(p, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static unsigned char *read_whole(const char *path, size_t *n)
{
	int fd = open(path, O_RDONLY);
	char *p;

	if (fd < 0)
		fail_msg("cannot open %s: %s", path, strerror(errno));
	p = pc_read_all(fd, n, path);
	close(fd);
	return (unsigned char *)p;
}

STORY(a_broken_database_file_is_refused_by_name)
{
	size_t n, an;
	unsigned char *demo, *audit, *junk = malloc(64 * 1024);
	const char *main_db = srv_path(srv, "t.db");

	server_stop(srv);
	/* the demo county and its read-audit file, as the server left them */
	assert_int_equal(db_raw_exec(srv->db, "PRAGMA wal_checkpoint(TRUNCATE)"), 0);
	demo = read_whole(main_db, &n);
	audit = read_whole(fmt(srv, "%s-audit.db", main_db), &an);
	assert_non_null(junk);
	srand(7);
	for (size_t i = 0; i < 64 * 1024; i++)
		junk[i] = (unsigned char)rand();
	for (int k = 0; k < 4; k++) {
		static const char *const what[] = { "random bytes", "cut short", "page size 3", "read-audit file of random bytes" };
		const char *dir = srv_path(srv, fmt(srv, "broken%d", k)), *db = fmt(srv, "%s/b.db", dir),
			   *bad = k == 3 ? fmt(srv, "%s-audit.db", db) : db;
		unsigned char *copy = malloc(n);

		assert_non_null(copy);
		memcpy(copy, demo, n);
		assert_int_equal(mkdir(dir, 0700), 0);
		if (k == 0) {
			write_file(db, junk, 64 * 1024);
		} else if (k == 1) {
			write_file(db, copy, n / 3);
		} else if (k == 2) {
			copy[16] = 0, copy[17] = 3; /* a page size must be a power of two */
			write_file(db, copy, n);
		} else {
			write_file(db, copy, n);
		}
		if (k == 3)
			write_file(bad, junk, 64 * 1024);
		else
			write_file(fmt(srv, "%s-audit.db", db), audit, an);
		free(copy);
		for (int c = 0; c < 3; c++) {
			struct cli_result r = c == 0   ? run_cli(srv, "serve", "--db", db, "--listen", "127.0.0.1:0")
					      : c == 1 ? run_cli(srv, "migrate", "--db", db)
						       : run_cli(srv, "audit", "verify", "--db", db);
			static const char *const cmd[] = { "serve", "migrate", "audit verify" };

			print_message("%s, %s: exit %d: %s", what[k], cmd[c], r.code, r.err);
			if (r.code != 1)
				fail_msg("%s: %s exited %d, not 1", what[k], cmd[c], r.code);
			if (!strstr(r.err, fmt(srv, "%s%s：", k == 3 ? "无法打开审计读取记录文件 " : "无法打开数据库文件 ",
					       bad)))
				fail_msg("%s: %s did not name %s: %s", what[k], cmd[c], bad, r.err);
			if (strstr(r.err, "Sanitizer") || strstr(r.err, "runtime error"))
				fail_msg("%s: %s: %s", what[k], cmd[c], r.err);
		}
	}
	free(demo);
	free(audit);
	free(junk);
}

/* A database that opens but whose incident table has a damaged page (its
 * root, overwritten): the incident list is answered 503 DB_CORRUPT — with
 * a message that tells to report it, not to retry — and an ALERT in the
 * log; the case list, which does not touch that page, is answered, and
 * the server stops cleanly. */
STORY(a_damaged_table_answers_db_corrupt_and_the_rest_goes_on)
{
	struct session *dc;
	struct resp *r;
	long long root, psize;
	unsigned char junk[65536];
	FILE *f;

	server_stop(srv);
	assert_int_equal(db_raw_exec(srv->db, "PRAGMA wal_checkpoint(TRUNCATE)"), 0);
	root = db_raw_int(srv->db, "SELECT rootpage FROM sqlite_schema WHERE name = 'incident'", NULL);
	psize = db_raw_int(srv->db, "PRAGMA page_size", NULL);
	assert_true(root > 1 && psize >= 512 && psize <= (long long)sizeof(junk));
	srand(11);
	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (unsigned char)rand();
	f = fopen(srv->db, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, (long)((root - 1) * psize), SEEK_SET), 0);
	assert_int_equal(fwrite(junk, 1, (size_t)psize, f), (size_t)psize);
	assert_int_equal(fclose(f), 0);

	server_start(srv);
	dc = login(srv, "ducha", DEMO_PW);
	srv->allow_5xx = 1;
	r = http(srv, dc, "GET", "/api/v1/incidents?per_page=5", NULL);
	assert_error(srv, r, 503, "DB_CORRUPT");
	assert_non_null(strstr(rstr(r, "error.message"), "系统管理员"));
	srv->allow_5xx = 0;
	assert_true(server_logged(srv, "met a damaged database") >= 1);
	assert_int_equal(http(srv, dc, "GET", "/api/v1/cases?per_page=5", NULL)->status, 200);
	server_stop(srv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_disk_that_refuses_fails_only_the_request_that_met_it,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(a_broken_database_file_is_refused_by_name, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(a_damaged_table_answers_db_corrupt_and_the_rest_goes_on,
						setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
