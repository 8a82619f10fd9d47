/* api_pg_replica.c — the city's database layout of docs/deploy.md §4, run
 * as a drill (issue 14; TRUST BKP-1 and BKP-2): a primary that archives its
 * WAL, a hot standby that streams it synchronously, the nightly
 * pg_basebackup taken while the 110 desk writes, a restore of that backup
 * with the archive into a cluster of its own, and the failover when the
 * primary's machine is lost. What must hold: every write the county was
 * answered 201 for is on the standby that takes over, the restore holds the
 * same rows as the primary, both audit chains verify everywhere, and the
 * servers go on on the promoted standby without a restart (their --db
 * names both machines, target_session_attrs=read-write). And what the
 * layout does to the servers: a former primary started again beside the
 * promoted standby stops writes (503 SPLIT_BRAIN) until it is stopped; a
 * lost synchronous standby holds writes
 * (503 WRITES_HELD until released), and servers that may open more
 * connections than the database server takes are told at their start.
 *
 * The clusters are the test's own (tests/pg/pg_cluster.sh), beside the
 * suite's PostgreSQL, which only lends the demo county. Runs only on
 * PostgreSQL (ctest: api_pg_replica_pg; tests/CMakeLists.txt PG_ONLY). */
#include "harness.h"
#include "case_util.h"
#include "store/db.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define API "/api/v1"

/* Run tests/pg/pg_cluster.sh with the arguments (NULL-ended; no shell
 * between, so SQL needs no quoting). With refused 0: fail the story with
 * its output when it fails, and return its first line of output, trimmed
 * ("" when none). With refused 1: fail the story when it succeeds, and
 * return the last 32 KB of its output (a refused restore prints the
 * cluster's log). */
static const char *cluster_run(struct server *srv, int refused, const char *arg, va_list ap)
{
	const char *src = getenv("PRECINCT_SRC");
	const char *out = srv_path(srv, "cluster.out");
	const char *argv[12];
	static char all[32768];
	size_t n = 0, len;
	pid_t pid;
	int status, failed;
	FILE *f;

	if (!src || !*src)
		fail_msg("PRECINCT_SRC is not set (run through ctest)");
	argv[n++] = "bash";
	argv[n++] = fmt(srv, "%s/tests/pg/pg_cluster.sh", src);
	for (const char *a = arg; a && n < 11; a = va_arg(ap, const char *))
		argv[n++] = a;
	argv[n] = NULL;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		FILE *o = freopen(out, "w", stdout);

		if (!o || dup2(fileno(o), 2) < 0)
			_exit(126);
		execvp("bash", (char *const *)argv);
		_exit(127);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	f = fopen(out, "r");
	if (f && refused && fseek(f, 0, SEEK_END) == 0 && ftell(f) > (long)sizeof(all) - 1)
		fseek(f, -(long)(sizeof(all) - 1), SEEK_END);
	else if (f)
		rewind(f);
	len = f ? fread(all, 1, sizeof(all) - 1, f) : 0;
	all[len] = '\0';
	if (f)
		fclose(f);
	failed = !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	if (failed && !refused)
		fail_msg("pg_cluster.sh %s %s failed (status %d):\n%.8000s", arg, argv[3] ? argv[3] : "", status,
			 all);
	if (!failed && refused)
		fail_msg("pg_cluster.sh %s %s succeeded, where it should have been refused:\n%.8000s", arg,
			 argv[3] ? argv[3] : "", all);
	if (!refused)
		all[strcspn(all, "\r\n")] = '\0';
	return fmt(srv, "%s", all);
}

static const char *cluster_v(struct server *srv, const char *arg, ...)
{
	const char *r;
	va_list ap;

	va_start(ap, arg);
	r = cluster_run(srv, 0, arg, ap);
	va_end(ap);
	return r;
}

static const char *cluster_refused_v(struct server *srv, const char *arg, ...)
{
	const char *r;
	va_list ap;

	va_start(ap, arg);
	r = cluster_run(srv, 1, arg, ap);
	va_end(ap);
	return r;
}
#define cluster_refused(srv, ...) cluster_refused_v(srv, __VA_ARGS__, (const char *)NULL)
#define cluster(srv, ...) cluster_v(srv, __VA_ARGS__, (const char *)NULL)

/* The one-line file name of a cluster's directory (url, port, archive). */
static const char *cluster_file(struct server *srv, const char *dir, const char *name)
{
	char line[600] = "";
	FILE *f = fopen(fmt(srv, "%s/%s", dir, name), "r");

	if (!f || !fgets(line, sizeof(line), f))
		fail_msg("%s/%s is missing", dir, name);
	fclose(f);
	line[strcspn(line, "\r\n")] = '\0';
	return fmt(srv, "%s", line);
}

/* The clusters of the story, removed when the program ends, passed or not:
 * they are running PostgreSQL servers, not evidence (a failing command
 * printed their logs). */
static char *homes[5];

static void clusters_remove(void)
{
	const char *src = getenv("PRECINCT_SRC");

	for (int i = 0; i < 5; i++) {
		char cmd[1200];

		if (!homes[i] || !src)
			continue;
		snprintf(cmd, sizeof(cmd), "bash '%s/tests/pg/pg_cluster.sh' remove '%s' >/dev/null 2>&1", src,
			 homes[i]);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove the cluster in %s\n", homes[i]);
		free(homes[i]);
		homes[i] = NULL;
	}
}

static const char *home(struct server *srv, int i, const char *name)
{
	const char *dir = srv_path(srv, name);

	free(homes[i]);
	homes[i] = strdup(dir);
	return dir;
}

static struct resp *register_call(struct server *srv, struct session *desk, int i)
{
	return http(srv, desk, "POST", API "/incidents",
		    J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s}", "source", "110", "caller_name", "报警人",
		      "caller_phone", "13912345678", "place", fmt(srv, "城关镇夜班路%d号", i), "category",
		      "0201", "summary", "夜间财物被盗"));
}

/* A content hash of the tables a failover or a restore must keep whole,
 * computed by PostgreSQL itself on each side (not by the code under test). */
static const char *content_hash(struct server *srv, const char *url)
{
	static const char *const tables[] = { "incident", "person", "police_case", "audit", "audit_read" };
	const char *all = "";

	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		all = fmt(srv, "%s%s:%s ", all, tables[i],
			  db_raw_text(srv, url,
				      fmt(srv,
					  "SELECT COUNT(*) || '/' || COALESCE(md5(string_agg(t::text, '|'"
					  " ORDER BY t.id)), '-') FROM %s t",
					  tables[i])));
	return all;
}

static long long incidents_among(struct server *srv, const char *url, long long first, long long last)
{
	return db_raw_int(url,
			  fmt(srv, "SELECT COUNT(*) FROM incident WHERE id BETWEEN %lld AND %lld", first,
			      last),
			  NULL);
}

/* The primary with the county on it (srv's demo database, copied) and its
 * hot standby standby1, synchronous (deploy.md §4): their databases' URLs. */
static void county_with_standby(struct server *srv, const char *pdir, const char *sdir,
				const char **primary, const char **standby)
{
	const char *sync = "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'";

	cluster(srv, "primary", pdir);
	*primary = cluster(srv, "load", pdir, srv->db, "county");
	*standby = fmt(srv, "%s/county", cluster(srv, "standby", sdir, pdir, "standby1"));
	cluster(srv, "sql", pdir, "ALTER SYSTEM SET synchronous_standby_names = 'standby1'");
	cluster(srv, "sql", pdir, "SELECT pg_reload_conf()");
	for (int i = 0; i < 100 && strcmp(cluster(srv, "sql", pdir, sync), "sync") != 0; i++)
		usleep(100 * 1000);
	assert_string_equal(cluster(srv, "sql", pdir, sync), "sync");
}

/* The night of 12 March: the 110 desk registers calls while the nightly
 * base backup runs; the standby follows every one of them. At 03:00 the
 * primary's machine is lost. The standby is promoted, and the desk goes on
 * through the same servers. The morning after, the night's backup is
 * restored into a scratch cluster and checked, as deploy.md tells the
 * administrator to. */
STORY(the_county_outlives_its_database_machine)
{
	const char *pdir = home(srv, 0, "primary"), *sdir = home(srv, 1, "standby");
	const char *bdir = home(srv, 2, "backup"), *rdir = home(srv, 3, "restored");
	const char *primary, *standby, *both, *restored, *before, *seg;
	struct server *a;
	struct session *desk, *ducha;
	long long first = 0, last = 0, after_backup = 0, answered = 0;
	int n = 0, status;
	pid_t backup;
	struct resp *r;

	/* the archive sealed with the county's key, as deploy.md §4 sets it:
	 * precinct wal archive and, in the restore, precinct wal restore */
	assert_int_equal(access(srv->secret, R_OK), 0);
	assert_non_null(getenv("PRECINCT_BIN"));
	assert_int_equal(run_cli(srv, "wal", "key", "--key", srv->secret, "--out", srv_path(srv, "wal.key")).code, 0);
	setenv("PG_SEAL_BIN", getenv("PRECINCT_BIN"), 1);
	setenv("PG_SEAL_KEY", srv_path(srv, "wal.key"), 1);
	county_with_standby(srv, pdir, sdir, &primary, &standby);

	/* the servers name both machines: whichever takes writes is used */
	both = fmt(srv, "postgres://precinct@127.0.0.1:%s,127.0.0.1:%s/county?target_session_attrs=read-write",
		   cluster_file(srv, pdir, "port"), cluster_file(srv, sdir, "port"));
	a = server_on(srv, both, NULL);
	desk = login(a, "jiejing", DEMO_PW);
	ducha = login(a, "ducha", DEMO_PW);

	/* 01:00 the nightly base backup, while the desk registers calls */
	backup = fork();
	assert_true(backup >= 0);
	if (backup == 0) {
		execlp("bash", "bash", fmt(srv, "%s/tests/pg/pg_cluster.sh", getenv("PRECINCT_SRC")),
		       "backup", bdir, pdir, (char *)NULL);
		_exit(127);
	}
	for (;;) {
		pid_t done = waitpid(backup, &status, WNOHANG);

		r = register_call(a, desk, n++);
		EXPECT(r, 201);
		last = rnum(r, "incident.id");
		if (!first)
			first = last;
		answered++;
		if (done == backup)
			break;
		assert_true(n < 100000);
	}
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	print_message("%lld calls registered while the base backup ran\n", answered);
	/* every file of it checks against its manifest; one byte changed in a
	 * copy, and the copy is refused (TRUST CRY-3: a bit flip in a backup is
	 * found before a restore) */
	assert_string_equal(cluster(srv, "verify", bdir), "backup verified");
	assert_non_null(strstr(cluster(srv, "tamper", bdir), "checksum mismatch"));
	/* and sealed with the county's key (precinct backup): whoever could
	 * write the backup could write a new manifest for a changed file, or
	 * change a WAL segment, which the manifest does not list — the seal
	 * refuses both before any restore */
	{
		const char *base = fmt(srv, "%s/base", cluster_file(srv, bdir, "datadir"));
		struct cli_result c = run_cli(srv, "backup", "--db", primary, "--to", base);

		assert_int_equal(c.code, 0);
		assert_non_null(strstr(c.out, "backup sealed"));
		c = run_cli(srv, "restore", "--db", primary, "--from", base);
		assert_int_equal(c.code, 0);
		assert_non_null(strstr(c.out, "backup seal verified"));
		assert_string_equal(cluster(srv, "verify", bdir), "backup verified"); /* the seal is beside it */
		for (int i = 0; i < 2; i++) {
			const char *forged = cluster(srv, "forge", bdir, i ? "wal" : "manifest");

			c = run_cli(srv, "restore", "--db", primary, "--from", forged);
			assert_int_equal(c.code, 1);
			assert_non_null(strstr(c.err, "备份的校验码不符"));
		}
	}
	/* calls after the backup ended: only the archive carries them */
	for (int i = 0; i < 20; i++) {
		r = register_call(a, desk, n++);
		EXPECT(r, 201);
		last = after_backup = rnum(r, "incident.id");
		answered++;
	}
	/* and audited reads (the read chain is kept the same way) */
	for (int i = 0; i < 5; i++)
		EXPECT(http(a, ducha, "GET", fmt(a, API "/incidents/%lld", first + i), NULL), 200);

	/* the standby holds every answered call (synchronous: flushed there
	 * before the answer; replayed within the minute, TRUST BKP-2) */
	for (int i = 0; i < 600 && incidents_among(srv, standby, first, last) != answered; i++)
		usleep(100 * 1000);
	assert_int_equal(incidents_among(srv, standby, first, last), answered);
	/* the auditor verifies both chains on the standby, which takes no
	 * write (a command that only reads migrates nothing there) */
	assert_int_equal(run_cli(a, "audit", "verify", "--db", standby).code, 0);
	/* a server pointed at the standby alone by mistake says so */
	{
		struct cli_result c = run_cli(a, "serve", "--db", standby, "--listen", "127.0.0.1:0");

		assert_int_equal(c.code, 1);
		assert_non_null(strstr(c.err, "数据库只读，不能写入（--db 是否指向了备库？）"));
	}

	/* the morning after: the night's backup and the archive, restored into
	 * a cluster of their own, hold what the primary holds (the servers
	 * stopped for the compare) */
	server_stop(a);
	before = content_hash(srv, primary);
	seg = cluster(srv, "sql", pdir, "SELECT pg_walfile_name(pg_switch_wal())");
	for (int i = 0; i < 300 && strcmp(cluster(srv, "sql", pdir,
						  "SELECT COALESCE(last_archived_wal, '') FROM pg_stat_archiver"),
					  seg) < 0;
	     i++)
		usleep(100 * 1000);
	restored = fmt(srv, "%s/county", cluster(srv, "restore", rdir, bdir, cluster_file(srv, pdir, "archive")));
	assert_string_equal(content_hash(srv, restored), before);
	assert_int_equal(incidents_among(srv, restored, after_backup, after_backup), 1);
	assert_int_equal(run_cli(a, "audit", "verify", "--db", restored).code, 0);
	assert_int_equal(run_cli(a, "audit", "verify", "--db", primary).code, 0);
	/* whoever can write the backup host changes a segment archived after
	 * the backup: its seal fails, and the recovery stops, saying which,
	 * where a plain copy would have opened the cluster without the rest
	 * of the night (TRUST BKP-3 for the archive) */
	{
		const char *forged = cluster(srv, "forge", bdir, "archive", cluster_file(srv, pdir, "archive"));
		const char *log = cluster_refused(srv, "restore", home(srv, 4, "forged"), bdir, forged);

		assert_non_null(strstr(log, "校验码不符"));
		assert_non_null(strstr(log, "the recovery stops here"));
	}
	unsetenv("PG_SEAL_BIN");
	unsetenv("PG_SEAL_KEY");

	/* 03:00 the primary's machine is lost: the desk is told, not hung
	 * (the servers' sweep, and with it their look for a second primary,
	 * every 300 ms here) */
	setenv("PRECINCT_TEST_SWEEP_MS", "300", 1);
	server_start(a);
	unsetenv("PRECINCT_TEST_SWEEP_MS");
	desk = login(a, "jiejing", DEMO_PW);
	/* 02:00 the backup host's disk is full: the primary's archive_command
	 * fails, and the backups stop at the last segment archived. The server
	 * that sweeps the database says so; and again when it works */
	cluster(srv, "archive", pdir, "off");
	EXPECT(register_call(a, desk, n++), 201);
	cluster(srv, "sql", pdir, "SELECT pg_switch_wal()");
	for (int i = 0; i < 300 && !server_logged(a, "ALERT: the database server's WAL archive fails"); i++)
		usleep(100 * 1000);
	assert_int_equal(server_logged(a, "ALERT: the database server's WAL archive fails"), 1);
	cluster(srv, "archive", pdir, "on");
	EXPECT(register_call(a, desk, n++), 201);
	cluster(srv, "sql", pdir, "SELECT pg_switch_wal()"); /* the archiver wakes for it */
	{
		int i = 0;

		for (; i < 900 && !server_logged(a, "WAL archive works again"); i++)
			usleep(100 * 1000);
		assert_int_equal(server_logged(a, "WAL archive works again"), 1);
		print_message("the archive was seen working again after %.1f s\n", i / 10.0);
	}
	cluster(srv, "stop", pdir, "immediate");
	a->allow_5xx = 1;
	r = register_call(a, desk, n++);
	assert_error(a, r, 503, "STORE_UNAVAILABLE");
	/* the standby is promoted; the same servers write to it at once */
	cluster(srv, "promote", sdir);
	a->allow_5xx = 0;
	r = register_call(a, desk, n++);
	EXPECT(r, 201);
	assert_true(rnum(r, "incident.id") > last);
	assert_int_equal(incidents_among(srv, standby, first, last), answered);
	EXPECT(http(a, ducha, "GET", fmt(a, API "/incidents/%lld", last), NULL), 200);

	/* 09:00 the repaired machine boots, and its PostgreSQL starts as the
	 * primary it was: two primaries, and a server renewing a connection
	 * would reach the old one first. The servers stop writing rather
	 * than fork the county; the administrator stops the old primary, and
	 * writes resume by themselves */
	cluster(srv, "restart", pdir);
	a->allow_5xx = 1;
	for (int i = 0; i < 300 && (r = http(a, NULL, "GET", API "/health", NULL))->status != 503; i++)
		usleep(100 * 1000);
	assert_error(a, r, 503, "SPLIT_BRAIN");
	assert_non_null(strstr(rstr(r, "error.message"), "两个主库"));
	assert_error(a, register_call(a, desk, n++), 503, "SPLIT_BRAIN");
	assert_int_equal(server_logged(a, "ALERT: 2 machines of the database answer as primary"), 1);
	EXPECT(http(a, ducha, "GET", fmt(a, API "/incidents/%lld", last), NULL), 200); /* reads go on */
	cluster(srv, "stop", pdir, "immediate");
	for (int i = 0; i < 300 && (r = http(a, NULL, "GET", API "/health", NULL))->status != 200; i++)
		usleep(100 * 1000);
	EXPECT(r, 200);
	a->allow_5xx = 0;
	EXPECT(register_call(a, desk, n++), 201);
	assert_int_equal(server_logged(a, "one primary again"), 1);
	server_stop(a);
	assert_int_equal(run_cli(a, "audit", "verify", "--db", standby).code, 0);
	a->passed = 1; /* its directory goes; the databases are the clusters' */
	server_free(a);
	clusters_remove();
}

/* 14 March: the standby's machine is lost while the primary runs. With one
 * synchronous standby every COMMIT now waits for it, for ever: the desk's
 * call in flight waits, and so would every request after it, each in a
 * queue that no longer moves. The server says so instead: after
 * WRITE_STOP_HELD_MS (2 s here) /health and every request that needs the
 * writer answer 503 WRITES_HELD at once, nothing done, and the log has an
 * ALERT naming the likely cause. The administrator releases the primary
 * (synchronous_standby_names emptied, deploy.md §4): the call in flight
 * is saved and answered 201, and the desk goes on. */
STORY(a_lost_standby_holds_writes_and_the_server_says_so)
{
	unsetenv("PG_SEAL_BIN"); /* left by a story that failed */
	unsetenv("PG_SEAL_KEY");
	const char *pdir = home(srv, 0, "primary"), *sdir = home(srv, 1, "standby");
	const char *primary, *standby;
	struct server *a;
	struct session *desk, *ducha;
	long long before, id = 0;
	int fds[2], status;
	pid_t held;
	struct resp *r;

	county_with_standby(srv, pdir, sdir, &primary, &standby);
	setenv("PRECINCT_TEST_HELD_MS", "2000", 1);
	a = server_on(srv, primary, NULL);
	unsetenv("PRECINCT_TEST_HELD_MS");
	desk = login(a, "jiejing", DEMO_PW);
	ducha = login(a, "ducha", DEMO_PW);
	r = register_call(a, desk, 1);
	EXPECT(r, 201);
	before = rnum(r, "incident.id");

	cluster(srv, "stop", sdir, "immediate");
	assert_int_equal(pipe(fds), 0);
	held = fork();
	assert_true(held >= 0);
	if (held == 0) {
		struct resp *c = register_call(a, desk, 2);
		long long got = c->status == 201 ? rnum(c, "incident.id") : 0;

		if (write(fds[1], &got, sizeof(got)) != (ssize_t)sizeof(got))
			_exit(2);
		_exit(got ? 0 : 1);
	}
	close(fds[1]);
	a->allow_5xx = 1;
	for (int i = 0; i < 300; i++) {
		r = http(a, NULL, "GET", API "/health", NULL);
		if (r->status == 503)
			break;
		usleep(100 * 1000);
	}
	assert_error(a, r, 503, "WRITES_HELD");
	assert_non_null(strstr(rstr(r, "error.message"), "未确认写入"));
	/* the next call is refused at once, and leaves nothing */
	r = http(a, desk, "POST", API "/incidents",
		 J(a, "{s:s, s:s, s:s, s:s, s:s, s:s}", "source", "110", "caller_name", "报警人", "caller_phone",
		   "13912345678", "place", "城关镇被拒路1号", "category", "0201", "summary", "备库失联时报警"));
	assert_error(a, r, 503, "WRITES_HELD");
	/* an audited read owes its audit row: refused too, nothing shown */
	r = http(a, ducha, "GET", fmt(a, API "/incidents/%lld", before), NULL);
	assert_error(a, r, 503, "WRITES_HELD");
	assert_null(strstr(r->body, "城关镇夜班路"));
	assert_int_equal(server_logged(a, "ALERT: the writer has waited"), 1);
	assert_int_equal(waitpid(held, &status, WNOHANG), 0); /* still waiting */

	/* the administrator releases the primary */
	cluster(srv, "sql", pdir, "ALTER SYSTEM SET synchronous_standby_names = ''");
	cluster(srv, "sql", pdir, "SELECT pg_reload_conf()");
	assert_int_equal(read(fds[0], &id, sizeof(id)), (ssize_t)sizeof(id));
	close(fds[0]);
	assert_int_equal(waitpid(held, &status, 0), held);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_true(id > before);
	a->allow_5xx = 0;
	EXPECT(http(a, NULL, "GET", API "/health", NULL), 200);
	EXPECT(http(a, ducha, "GET", fmt(a, API "/incidents/%lld", id), NULL), 200);
	EXPECT(register_call(a, desk, 3), 201);
	assert_int_equal(db_raw_int(primary, "SELECT COUNT(*) FROM incident WHERE place = ?", "城关镇被拒路1号"),
			 0);
	assert_int_equal(server_logged(a, "writes resume"), 1);
	server_stop(a);
	a->passed = 1;
	server_free(a);
	clusters_remove();
}

/* 20 March: the city adds servers. The database server takes 13 client
 * connections here (max_connections 16, 3 reserved); each Precinct server
 * opens up to its --threads + 2 (its workers as requests come, the writer,
 * the breach sweep). The first server (4 threads: 6) fits; the second
 * (8 threads: 10) is told at its start that the two together may need more
 * than there are — in Chinese and English, with the numbers — and starts.
 * When the room is gone, a worker that cannot connect answers 503
 * STORE_UNAVAILABLE (nothing done), never a 500, and once connections are
 * free again the same server answers. */
STORY(servers_that_outgrow_the_database_connections_are_told)
{
	const char *pdir = home(srv, 0, "primary"), *primary;
	struct db *held[40];
	int nheld = 0;
	struct server *a, *b;
	struct ps_err e;
	struct resp *r;

	setenv("PG_EXTRA_OPTS", "-c max_connections=16 -c superuser_reserved_connections=3", 1);
	cluster(srv, "primary", pdir);
	unsetenv("PG_EXTRA_OPTS");
	primary = cluster(srv, "load", pdir, srv->db, "county");

	a = server_on(srv, primary, NULL);
	server_stop(a);
	a->serve_args[0] = "--threads";
	a->serve_args[1] = "4";
	server_start(a);
	assert_int_equal(server_logged(a, "WARNING: 数据库服务器最多接受"), 0);
	EXPECT(http(a, NULL, "GET", API "/health", NULL), 200);
	b = server_on(srv, primary, NULL);
	server_stop(b);
	b->serve_args[0] = "--threads";
	b->serve_args[1] = "8";
	server_start(b);
	assert_true(server_logged(b, "WARNING: 数据库服务器最多接受 13 个连接") >= 1);
	assert_true(server_logged(b, "本服务器最多再用 10 个（--threads 8 加 2）") >= 1);
	assert_true(server_logged(b, "另有 1 台 Precinct 服务器") >= 1);

	/* every connection taken (by others) before b's first request */
	ps_err_clear(&e);
	while (nheld < 40 && db_open(primary, &held[nheld], &e) == PS_OK)
		nheld++;
	assert_true(nheld < 40);
	b->allow_5xx = 1;
	r = http(b, NULL, "GET", API "/health", NULL);
	assert_error(b, r, 503, "STORE_UNAVAILABLE");
	assert_true(server_logged(b, "too many clients") >= 1);
	while (nheld > 0)
		db_close(held[--nheld]);
	b->allow_5xx = 0;
	EXPECT(http(b, NULL, "GET", API "/health", NULL), 200);
	a->passed = b->passed = 1;
	server_free(b);
	server_free(a);
	clusters_remove();
}

/* Until text appears in a's log (max_s seconds), registering a call every
 * 50 ms meanwhile when desk is given (the primary's WAL moves on); the calls
 * must all be answered 201. The last call's id, or 0 when none was made. */
static long long until_logged(struct server *a, const char *text, int max_s, struct session *desk, int *calls)
{
	long long last = 0;

	for (int i = 0; i < max_s * 20 && !server_logged(a, text); i++) {
		if (desk) {
			struct resp *r = register_call(a, desk, 1000 + (*calls)++);

			EXPECT(r, 201);
			last = rnum(r, "incident.id");
		}
		usleep(50 * 1000);
	}
	if (!server_logged(a, text))
		fail_msg("the server never logged \"%s\"", text);
	return last;
}

static double mono_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* 21 March: the county's off-site copy (TRUST BKP-2). The standby streams
 * asynchronously, the primary waiting for no one. Under the 110 desk's
 * load it keeps within 60 s, as PostgreSQL itself measures: the desk's
 * calls are on it within seconds. Then someone pauses the standby's replay
 * to look at something, and forgets: the copy falls behind, and the server
 * that sweeps the database says so in an ALERT (the limit is 2 s here,
 * PRECINCT_TEST_REPLICA_LAG_MS, 60 s in a county); resumed, it catches up,
 * and the log says that too. The nightly base backup, which streams WAL
 * too, is no standby. Then the standby's machine is lost: an ALERT again,
 * while the desk goes on (asynchronous: nothing waits); back, it streams
 * again. */
STORY(the_off_site_copy_is_watched)
{
	const char *pdir = home(srv, 0, "primary"), *sdir = home(srv, 1, "standby");
	const char *primary, *standby;
	const char *lag = "SELECT COALESCE(EXTRACT(EPOCH FROM replay_lag), 0)::int FROM pg_stat_replication"
			  " WHERE application_name = 'standby1'";
	struct server *a;
	struct session *desk;
	long long first = 0, last = 0, id;
	int calls = 0;
	double t0;

	county_with_standby(srv, pdir, sdir, &primary, &standby);
	cluster(srv, "sql", pdir, "ALTER SYSTEM SET synchronous_standby_names = ''");
	cluster(srv, "sql", pdir, "SELECT pg_reload_conf()");
	setenv("PRECINCT_TEST_SWEEP_MS", "300", 1);
	setenv("PRECINCT_TEST_REPLICA_LAG_MS", "2000", 1);
	a = server_on(srv, primary, NULL);
	unsetenv("PRECINCT_TEST_SWEEP_MS");
	unsetenv("PRECINCT_TEST_REPLICA_LAG_MS");
	desk = login(a, "jiejing", DEMO_PW);
	until_logged(a, "the standby standby1 streams (streaming, async)", 20, NULL, &calls);

	/* a busy evening: 120 calls, and the copy keeps up */
	for (int i = 0; i < 120; i++) {
		struct resp *r = register_call(a, desk, i);

		EXPECT(r, 201);
		last = rnum(r, "incident.id");
		first = first ? first : last;
		assert_true(atoi(cluster(srv, "sql", pdir, lag)) <= 60);
	}
	t0 = mono_s();
	while (incidents_among(srv, standby, first, last) != 120 && mono_s() - t0 < 60)
		usleep(50 * 1000);
	assert_int_equal(incidents_among(srv, standby, first, last), 120);
	assert_true(mono_s() - t0 < 60);
	assert_int_equal(server_logged(a, "ALERT: the standby"), 0);

	/* the replay paused and forgotten: the copy falls behind */
	cluster(srv, "sql", sdir, "SELECT pg_wal_replay_pause()");
	id = until_logged(a, "ALERT: the standby standby1 replays the primary's WAL more than 2 s late", 30, desk,
			  &calls);
	assert_true(id > last);
	assert_int_equal(incidents_among(srv, standby, id, id), 0);
	assert_int_equal(server_logged(a, "ALERT: the standby standby1 replays"), 1); /* told once */
	cluster(srv, "sql", sdir, "SELECT pg_wal_replay_resume()");
	until_logged(a, "the standby standby1 has caught up", 30, NULL, &calls);
	for (int i = 0; i < 100 && incidents_among(srv, standby, id, id) != 1; i++)
		usleep(100 * 1000);
	assert_int_equal(incidents_among(srv, standby, id, id), 1);

	/* the nightly base backup streams WAL from the primary too: it is no
	 * standby, and no ALERT says it went when it ends */
	cluster(srv, "backup", home(srv, 2, "backup"), pdir);
	usleep(1000 * 1000);
	assert_int_equal(server_logged(a, "pg_basebackup"), 0);

	/* the standby's machine is lost: the desk goes on, the log says so */
	cluster(srv, "stop", sdir, "immediate");
	until_logged(a, "ALERT: the standby standby1 no longer streams", 30, desk, &calls);
	EXPECT(register_call(a, desk, 9999), 201);
	cluster(srv, "restart", sdir);
	until_logged(a, "the standby standby1 streams again", 30, NULL, &calls);
	server_stop(a);
	a->passed = 1;
	server_free(a);
	clusters_remove();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(the_county_outlives_its_database_machine, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(a_lost_standby_holds_writes_and_the_server_says_so, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(servers_that_outgrow_the_database_connections_are_told,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(the_off_site_copy_is_watched, setup_demo, teardown_server),
	};

	atexit(clusters_remove); /* a story that failed leaves its clusters running */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
