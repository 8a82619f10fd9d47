/* harness.c — see harness.h. Test code: it fails the running cmocka test
 * (fail_msg) instead of returning errors, and bounds every wait. */
#define _GNU_SOURCE /* pipe2, nftw */
#include "harness.h"
#include "store/db.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* Every API test program allocates jansson's memory the way the server
 * does (core/json.h): set before main, so before any jansson call. */
__attribute__((constructor)) static void harness_json_mem(void)
{
	json_mem_init();
}

/* Fail the running test at the caller's file and line. */
#define FAIL_AT(file, line, ...)                                               \
	do {                                                                   \
		print_error(__VA_ARGS__);                                      \
		print_error("\n");                                             \
		_fail(file, line);                                             \
	} while (0)


#define START_TIMEOUT_MS 20000
#define STOP_TIMEOUT_MS 60000
#define CLI_TIMEOUT_MS 60000
#define HTTP_TIMEOUT_MS 60000
#define MAX_RESPONSE (16u << 20)

static void raw_close(void);

/* ---- the pool: everything a story allocates, freed with its server ---- */

struct pool_item {
	struct pool_item *next;
	void *p;
	void (*free_fn)(void *);
};

static void *pool_keep(struct server *srv, void *p, void (*free_fn)(void *))
{
	struct pool_item *it;

	if (!p)
		fail_msg("out of memory in the test harness");
	it = calloc(1, sizeof(*it));
	if (!it)
		fail_msg("out of memory in the test harness");
	it->p = p;
	it->free_fn = free_fn;
	it->next = srv->pool;
	srv->pool = it;
	return p;
}

static void pool_release(struct server *srv)
{
	while (srv->pool) {
		struct pool_item *it = srv->pool;

		srv->pool = it->next;
		it->free_fn(it->p);
		free(it);
	}
}

static char *pool_strdup(struct server *srv, const char *s)
{
	return pool_keep(srv, strdup(s ? s : ""), free);
}

const char *fmt(struct server *srv, const char *f, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, f);
	n = vsnprintf(NULL, 0, f, ap);
	va_end(ap);
	if (n < 0)
		fail_msg("fmt: bad format %s", f);
	p = malloc((size_t)n + 1);
	if (!p)
		fail_msg("out of memory in the test harness");
	va_start(ap, f);
	vsnprintf(p, (size_t)n + 1, f, ap);
	va_end(ap);
	return pool_keep(srv, p, free);
}

const char *srv_path(struct server *srv, const char *name)
{
	return fmt(srv, "%s/%s", srv->dir, name);
}

/* ---- small process helpers ---- */

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void nap_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/* Wait at most timeout_ms for pid; 1 and *status when it exited, 0 when it
 * had to be killed (then it is reaped). */
static int wait_child(pid_t pid, int timeout_ms, int *status)
{
	int64_t end = now_ms() + timeout_ms;

	for (;;) {
		pid_t r = waitpid(pid, status, WNOHANG);

		if (r == pid)
			return 1;
		if (r < 0 && errno != EINTR) {
			*status = -1;
			return 1;
		}
		if (now_ms() >= end)
			break;
		nap_ms(5);
	}
	kill(pid, SIGKILL);
	while (waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
	return 0;
}

static const char *bin(void)
{
	const char *b = getenv("PRECINCT_BIN");

	if (!b || !*b)
		fail_msg("PRECINCT_BIN is not set (run through ctest)");
	return b;
}

/* environ plus PRECINCT_TEST_CLOCK_FILE=clock; built before fork. */
static char **child_env(struct server *srv)
{
	size_t n = 0, o = 0;
	char **env;

	while (environ[n])
		n++;
	env = calloc(n + 4, sizeof(*env));
	if (!env)
		fail_msg("out of memory in the test harness");
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "PRECINCT_TEST_CLOCK_FILE=", 25) != 0 &&
		    strncmp(environ[i], "PRECINCT_SECRET_FILE=", 21) != 0 &&
		    strncmp(environ[i], "PRECINCT_FILES_DIR=", 19) != 0)
			env[o++] = environ[i];
	env[o++] = (char *)fmt(srv, "PRECINCT_TEST_CLOCK_FILE=%s", srv->clock_path);
	/* on PostgreSQL the server secret is named, not beside a file */
	if (srv->secret[0])
		env[o++] = (char *)fmt(srv, "PRECINCT_SECRET_FILE=%s", srv->secret);
	/* and the attachments, which an SQLite database keeps beside it */
	if (db_is_url(srv->db) && srv->files[0])
		env[o++] = (char *)fmt(srv, "PRECINCT_FILES_DIR=%s", srv->files);
	env[o] = NULL;
	return pool_keep(srv, env, free);
}

static char *read_file(const char *path, size_t max)
{
	FILE *f = fopen(path, "rb");
	char *p;
	size_t n;

	p = calloc(1, max + 1);
	if (!p)
		return NULL;
	if (!f)
		return p;
	n = fread(p, 1, max, f);
	p[n] = '\0';
	fclose(f);
	return p;
}

static void print_log_tail(struct server *srv)
{
	char *log = read_file(srv->log, 1 << 20);
	size_t n;

	if (!log)
		return;
	n = strlen(log);
	fprintf(stderr, "---- server log (%s), last part ----\n%s\n----\n", srv->log,
		n > 8000 ? log + n - 8000 : log);
	free(log);
}

/* ---- the CLI ---- */

struct cli_result run_cli_v(struct server *srv, const char *arg, ...)
{
	static int seq;
	const char *argv[40];
	const char *out_path, *err_path;
	struct cli_result res = { -1, NULL, NULL };
	char **env = child_env(srv);
	va_list ap;
	int n = 0, status = 0, fo, fe;
	pid_t pid;

	raw_close(); /* the command finds the files as the story left them */
	argv[n++] = bin();
	va_start(ap, arg);
	for (const char *a = arg; a && n < 39; a = va_arg(ap, const char *))
		argv[n++] = a;
	va_end(ap);
	argv[n] = NULL;
	seq++;
	out_path = fmt(srv, "%s/cli.%d.out", srv->dir, seq);
	err_path = fmt(srv, "%s/cli.%d.err", srv->dir, seq);
	fo = open(out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	fe = open(err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fo < 0 || fe < 0)
		fail_msg("cannot create %s: %s", out_path, strerror(errno));
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		fail_msg("fork: %s", strerror(errno));
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		dup2(fo, 1);
		dup2(fe, 2);
		execve(argv[0], (char *const *)argv, env);
		_exit(127);
	}
	close(fo);
	close(fe);
	if (wait_child(pid, CLI_TIMEOUT_MS, &status) && WIFEXITED(status))
		res.code = WEXITSTATUS(status);
	res.out = pool_keep(srv, read_file(out_path, 1 << 20), free);
	res.err = pool_keep(srv, read_file(err_path, 1 << 20), free);
	return res;
}

/* ---- servers ---- */

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(text, f) < 0 || fclose(f) != 0)
		fail_msg("cannot write %s: %s", path, strerror(errno));
}

static void global_init(void)
{
	static int done;

	if (done)
		return;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		fail_msg("curl_global_init failed");
	signal(SIGPIPE, SIG_IGN);
	done = 1;
}

static char demo_template[512];

/* ---- PostgreSQL (PRECINCT_TEST_PG_DIR: see tests/pg/pg_server.sh) ---- */

static char pg_url[256]; /* "postgres://precinct@127.0.0.1:PORT", "" on SQLite */
static char pg_template[64]; /* the demo database every demo story copies */
static int pg_seq;
static int pg_shared_template; /* pg_template is pg_start's: never dropped here */
static int sqlite_shared_template; /* demo_template is the fixture demo_db's: never removed here */

/* The demo database the fixture demo_db built for every program
 * (tests/api/demo_template.sh), NULL when not run through ctest. A named one
 * that is not there fails the story: the fixture failed. */
static const char *shared_demo_db(void)
{
	const char *p = getenv("PRECINCT_TEST_DEMO_DB");

	if (!p || !*p)
		return NULL;
	if (access(p, R_OK) != 0)
		fail_msg("the demo database of the fixture demo_db (%s) is missing: %s; see the"
			 " output of the test demo_db_start", p, strerror(errno));
	return p;
}

const char *test_pg_url(void)
{
	static int looked;
	const char *dir = getenv("PRECINCT_TEST_PG_DIR");

	if (looked)
		return pg_url[0] ? pg_url : NULL;
	looked = 1;
	if (dir && *dir) {
		char path[600];
		FILE *f;

		snprintf(path, sizeof(path), "%s/url", dir);
		f = fopen(path, "r");
		if (!f || !fgets(pg_url, sizeof(pg_url), f))
			fail_msg("PostgreSQL for the tests is not running (%s: %s): the fixture"
				 " pg_start (tests/pg/pg_server.sh) failed, see its output",
				 path, strerror(errno));
		fclose(f);
		pg_url[strcspn(pg_url, "\r\n")] = '\0';
		/* the demo county pg_start built for every program */
		snprintf(path, sizeof(path), "%s/template", dir);
		f = fopen(path, "r");
		if (f) {
			if (fgets(pg_template, sizeof(pg_template), f)) {
				pg_template[strcspn(pg_template, "\r\n")] = '\0';
				pg_shared_template = 1;
				snprintf(demo_template, sizeof(demo_template), "%s/%s", dir, pg_template);
			}
			fclose(f);
		}
	}
	return pg_url[0] ? pg_url : NULL;
}

/* Run sql on the server's maintenance database (CREATE/DROP DATABASE). */
static void pg_admin(const char *sql, int must)
{
	char url[400];
	struct db *db = NULL;
	struct ps_err e;

	raw_close(); /* a database it drops may be the raw connection's */
	ps_err_clear(&e);
	snprintf(url, sizeof(url), "%s/postgres", pg_url);
	if (db_open(url, &db, &e) || db_exec(db, sql, &e)) {
		db_close(db);
		if (must)
			fail_msg("PostgreSQL: %s: %s", sql, e.msg);
		return;
	}
	db_close(db);
}

static void drop_pg_template(void)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s WITH (FORCE)", pg_template);
	pg_admin(sql, 0);
}

static void drop_template(void)
{
	char p[600];

	if (!demo_template[0])
		return;
	if (pg_template[0] && !pg_shared_template)
		drop_pg_template();
	if (pg_shared_template || sqlite_shared_template)
		return;
	unlink(demo_template);
	snprintf(p, sizeof(p), "%s.key", demo_template);
	unlink(p);
	snprintf(p, sizeof(p), "%s-wal", demo_template);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", demo_template);
	unlink(p);
	snprintf(p, sizeof(p), "%s-audit.db", demo_template);
	unlink(p);
	snprintf(p, sizeof(p), "%s-audit.db-wal", demo_template);
	unlink(p);
	snprintf(p, sizeof(p), "%s-audit.db-shm", demo_template);
	unlink(p);
}

static void copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[65536];
	size_t n;

	if (!in || !out)
		fail_msg("copy %s to %s: %s", from, to, strerror(errno));
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			fail_msg("copy %s to %s: %s", from, to, strerror(errno));
	fclose(in);
	if (fclose(out) != 0)
		fail_msg("copy %s to %s: %s", from, to, strerror(errno));
}

/* The attachment files of the demo template ("<template>.files/ab/<sha>")
 * into to, so the copied county's evidence files are there too; nothing when
 * the template has none. */
static void copy_blobs(const char *from, const char *to)
{
	DIR *top = opendir(from), *sub;
	struct dirent *e, *f;
	char a[1200], b[1200];

	if (!top)
		return;
	if (mkdir(to, 0750) != 0 && errno != EEXIST)
		fail_msg("mkdir %s: %s", to, strerror(errno));
	while ((e = readdir(top)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(a, sizeof(a), "%s/%s", from, e->d_name);
		snprintf(b, sizeof(b), "%s/%s", to, e->d_name);
		if (mkdir(b, 0750) != 0 && errno != EEXIST)
			fail_msg("mkdir %s: %s", b, strerror(errno));
		if (!(sub = opendir(a)))
			continue;
		while ((f = readdir(sub)) != NULL) {
			char x[1500], y[1500];

			if (f->d_name[0] == '.')
				continue;
			snprintf(x, sizeof(x), "%s/%s", a, f->d_name);
			snprintf(y, sizeof(y), "%s/%s", b, f->d_name);
			copy_file(x, y);
		}
		closedir(sub);
	}
	closedir(top);
}

struct server *server_new_stopped(int demo)
{
	struct server *srv = calloc(1, sizeof(*srv));
	const char *tmp = getenv("TMPDIR");
	struct cli_result r = { 0 };

	global_init();
	if (!srv)
		fail_msg("out of memory in the test harness");
	srv->out_fd = -1;
	snprintf(srv->dir, sizeof(srv->dir), "%s/precinct-api-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(srv->dir))
		fail_msg("mkdtemp %s: %s", srv->dir, strerror(errno));
	snprintf(srv->db, sizeof(srv->db), "%s/t.db", srv->dir);
	snprintf(srv->clock_path, sizeof(srv->clock_path), "%s/clock", srv->dir);
	snprintf(srv->web, sizeof(srv->web), "%s/web", srv->dir);
	snprintf(srv->log, sizeof(srv->log), "%s/server.log", srv->dir);
	if (mkdir(srv->web, 0700) != 0)
		fail_msg("mkdir %s: %s", srv->web, strerror(errno));
	write_text(fmt(srv, "%s/index.html", srv->web),
		   "<!doctype html><html lang=\"zh-CN\"><title>派出所综合警务平台</title>"
		   "<body>test shell</body></html>\n");
	write_text(srv->clock_path, "0\n");
	if (test_pg_url()) {
		/* a database of its own on the test server, named after
		 * this process and story */
		snprintf(srv->pg_name, sizeof(srv->pg_name), "t_%d_%d", (int)getpid(), ++pg_seq);
		snprintf(srv->secret, sizeof(srv->secret), "%s/t.db.key", srv->dir);
		snprintf(srv->files, sizeof(srv->files), "%s/t.db.files", srv->dir);
		if (demo && !pg_template[0]) {
			snprintf(pg_template, sizeof(pg_template), "tpl_%d", (int)getpid());
			snprintf(demo_template, sizeof(demo_template), "%s/precinct-demo-%d.db",
				 tmp && *tmp ? tmp : "/tmp", (int)getpid());
			drop_pg_template();
			pg_admin(fmt(srv, "CREATE DATABASE %s", pg_template), 1);
			snprintf(srv->secret, sizeof(srv->secret), "%s.key", demo_template);
			snprintf(srv->files, sizeof(srv->files), "%s.files", demo_template);
			unlink(srv->secret);
			r = run_cli(srv, "init", "--db", fmt(srv, "%s/%s", pg_url, pg_template), "--demo");
			snprintf(srv->secret, sizeof(srv->secret), "%s/t.db.key", srv->dir);
			snprintf(srv->files, sizeof(srv->files), "%s/t.db.files", srv->dir);
			if (r.code != 0) {
				demo_template[0] = '\0';
				fail_msg("precinct init failed (%d): %s%s", r.code, r.out, r.err);
			}
			atexit(drop_template);
		}
		snprintf(srv->db, sizeof(srv->db), "%s/%s", pg_url, srv->pg_name);
		pg_admin(fmt(srv, "DROP DATABASE IF EXISTS %s WITH (FORCE)", srv->pg_name), 1);
		if (demo) {
			/* FILE_COPY: PostgreSQL 15's default (WAL_LOG) writes each
			 * of the template's blocks to the WAL, 0.4 s a story here
			 * against 0.1 s for copying its files */
			pg_admin(fmt(srv, "CREATE DATABASE %s STRATEGY FILE_COPY TEMPLATE %s", srv->pg_name,
				     pg_template),
				 1);
			copy_file(fmt(srv, "%s.key", demo_template), srv->secret);
			if (chmod(srv->secret, 0600) != 0)
				fail_msg("chmod %s: %s", srv->secret, strerror(errno));
			copy_blobs(fmt(srv, "%s.files", demo_template), srv->files);
			r.code = 0;
		} else {
			pg_admin(fmt(srv, "CREATE DATABASE %s", srv->pg_name), 1);
			r = run_cli(srv, "init", "--db", srv->db);
		}
	} else if (demo) {
		snprintf(srv->files, sizeof(srv->files), "%s.files", srv->db);
		/* the demo county takes seconds to build under the sanitizers:
		 * ctest builds it once for every program (the fixture demo_db,
		 * PRECINCT_TEST_DEMO_DB); a program run by hand builds it once
		 * and copies it for each server */
		if (!demo_template[0] && shared_demo_db()) {
			snprintf(demo_template, sizeof(demo_template), "%s", shared_demo_db());
			sqlite_shared_template = 1;
		}
		if (!demo_template[0]) {
			snprintf(demo_template, sizeof(demo_template), "%s/precinct-demo-%d.db",
				 tmp && *tmp ? tmp : "/tmp", (int)getpid());
			unlink(demo_template);
			r = run_cli(srv, "init", "--db", demo_template, "--demo");
			if (r.code != 0) {
				demo_template[0] = '\0';
				fail_msg("precinct init failed (%d): %s%s", r.code, r.out, r.err);
			}
			atexit(drop_template);
		}
		copy_file(demo_template, srv->db);
		/* the read-audit chain's file (migration 147) goes with it */
		copy_file(fmt(srv, "%s-audit.db", demo_template), fmt(srv, "%s-audit.db", srv->db));
		copy_blobs(fmt(srv, "%s.files", demo_template), srv->files);
		/* and the server secret init made beside it (0600) */
		copy_file(fmt(srv, "%s.key", demo_template), fmt(srv, "%s.key", srv->db));
		if (chmod(fmt(srv, "%s.key", srv->db), 0600) != 0)
			fail_msg("chmod %s.key: %s", srv->db, strerror(errno));
		r.code = 0;
	} else {
		snprintf(srv->files, sizeof(srv->files), "%s.files", srv->db);
		r = run_cli(srv, "init", "--db", srv->db);
	}
	if (r.code != 0)
		fail_msg("precinct init failed (%d): %s%s", r.code, r.out, r.err);
	/* a new database's init logs no error (the schema version of a file
	 * without its table once logged a failed prepare) */
	if (r.err && strstr(r.err, " error "))
		fail_msg("precinct init logged an error: %s", r.err);
	if (!demo) {
		const char *p = strstr(r.out, "one-time password: ");
		size_t n = 0;

		if (!p)
			fail_msg("init printed no one-time password: %s", r.out);
		p += strlen("one-time password: ");
		while (p[n] && p[n] != '\n' && p[n] != ' ' && n < sizeof(srv->otp) - 1)
			n++;
		memcpy(srv->otp, p, n);
		srv->otp[n] = '\0';
		if (n < 12)
			fail_msg("one-time password too short: '%s'", srv->otp);
	}
	return srv;
}

struct server *server_on(struct server *srv, const char *db, const char *secret)
{
	struct server *b = calloc(1, sizeof(*b));
	const char *tmp = getenv("TMPDIR");

	if (!b)
		fail_msg("out of memory in the test harness");
	b->out_fd = -1;
	snprintf(b->dir, sizeof(b->dir), "%s/precinct-api-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(b->dir))
		fail_msg("mkdtemp %s: %s", b->dir, strerror(errno));
	snprintf(b->db, sizeof(b->db), "%s", db);
	snprintf(b->clock_path, sizeof(b->clock_path), "%s", srv->clock_path);
	snprintf(b->web, sizeof(b->web), "%s", srv->web);
	snprintf(b->secret, sizeof(b->secret), "%s", secret ? secret : srv->secret);
	/* the same database: the same attachments */
	if (!db_is_url(db))
		snprintf(b->files, sizeof(b->files), "%s.files", db);
	else if (strcmp(db, srv->db) == 0)
		snprintf(b->files, sizeof(b->files), "%s", srv->files);
	else
		snprintf(b->files, sizeof(b->files), "%s/t.db.files", b->dir);
	snprintf(b->log, sizeof(b->log), "%s/server.log", b->dir);
	b->clock_offset = srv->clock_offset;
	server_start(b);
	return b;
}

struct server *server_twin(struct server *srv)
{
	if (!srv->pg_name[0])
		fail_msg("server_twin: a second server needs PostgreSQL");
	return server_on(srv, srv->db, NULL);
}

void server_pg_cut_sessions(struct server *srv)
{
	if (!srv->pg_name[0])
		fail_msg("server_pg_cut_sessions: the suite does not run on PostgreSQL");
	pg_admin(fmt(srv, "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE datname = '%s'",
		     srv->pg_name),
		 1);
}

const char *server_pg_empty_db(struct server *srv)
{
	if (!srv->pg_name[0])
		fail_msg("server_pg_empty_db: the suite does not run on PostgreSQL");
	pg_admin(fmt(srv, "DROP DATABASE IF EXISTS %s_x WITH (FORCE)", srv->pg_name), 1);
	pg_admin(fmt(srv, "CREATE DATABASE %s_x", srv->pg_name), 1);
	return fmt(srv, "%s/%s_x", pg_url, srv->pg_name);
}

int server_logged(struct server *srv, const char *text)
{
	FILE *f = fopen(srv->log, "r");
	char line[1024];
	int n = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		n += strstr(line, text) != NULL;
	fclose(f);
	return n;
}

void server_wait_sweep(struct server *srv)
{
	int64_t end = now_ms() + 120000;

	while (server_logged(srv, "breach sweep: first pass done") < srv->starts) {
		if (now_ms() > end)
			fail_msg("the breach sweep's first pass did not end in 120 s (see %s)", srv->log);
		usleep(20000);
	}
}

struct server *server_new(int demo)
{
	struct server *srv = server_new_stopped(demo);

	server_start(srv);
	return srv;
}

void server_start(struct server *srv)
{
	const char *argv[8 + sizeof(srv->serve_args) / sizeof(srv->serve_args[0])] = {
		bin(), "serve", "--db", srv->db, "--listen", "127.0.0.1:0", "--web", srv->web
	};
	char **env = child_env(srv);
	char line[512];
	size_t len = 0;
	int fds[2], logfd;
	int64_t end;
	pid_t pid;

	if (srv->pid)
		fail_msg("server already running");
	raw_close(); /* the server opens (and may migrate) the files first */
	for (size_t i = 0; i + 1 < sizeof(srv->serve_args) / sizeof(srv->serve_args[0]) &&
			   srv->serve_args[i]; i++)
		argv[8 + i] = srv->serve_args[i];
	if (pipe2(fds, O_CLOEXEC) != 0)
		fail_msg("pipe: %s", strerror(errno));
	logfd = open(srv->log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (logfd < 0)
		fail_msg("open %s: %s", srv->log, strerror(errno));
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		fail_msg("fork: %s", strerror(errno));
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		dup2(fds[1], 1);
		dup2(logfd, 2);
		execve(argv[0], (char *const *)argv, env);
		_exit(127);
	}
	close(fds[1]);
	close(logfd);
	srv->pid = pid;
	srv->out_fd = fds[0];
	srv->starts++;

	/* read stdout until the "listening on http://HOST:PORT" line */
	end = now_ms() + START_TIMEOUT_MS;
	for (;;) {
		struct pollfd pfd = { fds[0], POLLIN, 0 };
		int64_t left = end - now_ms();
		char *nl, *p;
		ssize_t n;

		if (left <= 0)
			break;
		if (poll(&pfd, 1, (int)left) <= 0)
			continue;
		n = read(fds[0], line + len, sizeof(line) - 1 - len);
		if (n <= 0)
			break; /* the server exited */
		len += (size_t)n;
		line[len] = '\0';
		nl = strchr(line, '\n');
		if (!nl) {
			if (len == sizeof(line) - 1)
				break;
			continue;
		}
		p = strstr(line, "listening on http");
		if (!p) {
			/* another line first: drop it */
			len -= (size_t)(nl + 1 - line);
			memmove(line, nl + 1, len + 1);
			continue;
		}
		{
			int tls = strncmp(p, "listening on https://", 21) == 0;

			p += strlen(tls ? "listening on https://" : "listening on http://");
			*nl = '\0';
			p = strchr(p, ':');
			srv->port = p ? atoi(p + 1) : 0;
			if (srv->port <= 0)
				break;
			snprintf(srv->host, sizeof(srv->host), "127.0.0.1:%d", srv->port);
			snprintf(srv->base, sizeof(srv->base), "%s://127.0.0.1:%d",
				 tls ? "https" : "http", srv->port);
		}
		return;
	}
	{
		int status;

		kill(pid, SIGKILL);
		wait_child(pid, 5000, &status);
		srv->pid = 0;
		close(srv->out_fd);
		srv->out_fd = -1;
		print_log_tail(srv);
		fail_msg("precinct serve did not report listening within %d ms",
			 START_TIMEOUT_MS);
	}
}

void server_signal_term(struct server *srv)
{
	if (!srv->pid)
		fail_msg("server not running");
	raw_close(); /* the server's connections are the file's last */
	kill(srv->pid, SIGTERM);
}

/* Wait for the exit; 1 when it was clean (status 0), else 0 and why. */
static int wait_exit(struct server *srv, char *why, size_t whylen)
{
	int status = 0, exited;

	exited = wait_child(srv->pid, STOP_TIMEOUT_MS, &status);
	srv->pid = 0;
	if (srv->out_fd >= 0)
		close(srv->out_fd);
	srv->out_fd = -1;
	if (!exited) {
		snprintf(why, whylen, "server did not stop within %d ms after SIGTERM (killed)",
			 STOP_TIMEOUT_MS);
		return 0;
	}
	if (WIFSIGNALED(status)) {
		snprintf(why, whylen, "server died of signal %d", WTERMSIG(status));
		return 0;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(why, whylen, "server exited with status %d (ASan/UBSan report?)",
			 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return 0;
	}
	return 1;
}

void server_wait_exit(struct server *srv)
{
	char why[160];

	if (!srv->pid)
		fail_msg("server not running");
	if (!wait_exit(srv, why, sizeof(why))) {
		print_log_tail(srv);
		fail_msg("%s", why);
	}
}

void server_kill9(struct server *srv)
{
	int status;

	if (!srv->pid)
		fail_msg("server not running");
	raw_close();
	kill(srv->pid, SIGKILL);
	while (waitpid(srv->pid, &status, 0) < 0 && errno == EINTR)
		;
	srv->pid = 0;
	if (srv->out_fd >= 0)
		close(srv->out_fd);
	srv->out_fd = -1;
}

void server_stop(struct server *srv)
{
	server_signal_term(srv);
	server_wait_exit(srv);
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

void server_free(struct server *srv)
{
	char why[160] = "";
	int clean = 1;

	if (!srv)
		return;
	raw_close();
	if (srv->pid) {
		kill(srv->pid, SIGTERM);
		clean = wait_exit(srv, why, sizeof(why));
		if (!clean)
			print_log_tail(srv);
	}
	if (srv->passed && clean && srv->pg_name[0]) {
		pg_admin(fmt(srv, "DROP DATABASE IF EXISTS %s WITH (FORCE)", srv->pg_name), 0);
		pg_admin(fmt(srv, "DROP DATABASE IF EXISTS %s_x WITH (FORCE)", srv->pg_name), 0);
	}
	if (srv->passed && clean)
		nftw(srv->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	else
		fprintf(stderr, "kept %s for inspection\n", srv->dir);
	pool_release(srv);
	free(srv);
	if (!clean)
		fail_msg("%s", why);
}

int setup_demo(void **state)
{
	*state = server_new(1);
	return 0;
}

int setup_fresh(void **state)
{
	*state = server_new(0);
	return 0;
}

int setup_demo_stopped(void **state)
{
	*state = server_new_stopped(1);
	return 0;
}

int teardown_server(void **state)
{
	server_free(*state);
	*state = NULL;
	return 0;
}

void clock_advance(struct server *srv, int64_t seconds)
{
	const char *tmp = fmt(srv, "%s.tmp", srv->clock_path);

	srv->clock_offset += seconds;
	write_text(tmp, fmt(srv, "%lld\n", (long long)srv->clock_offset));
	if (rename(tmp, srv->clock_path) != 0)
		fail_msg("rename %s: %s", tmp, strerror(errno));
}

void clock_freeze_at(struct server *srv, int64_t t)
{
	const char *tmp = fmt(srv, "%s.tmp", srv->clock_path);

	write_text(tmp, fmt(srv, "@%lld\n", (long long)t));
	if (rename(tmp, srv->clock_path) != 0)
		fail_msg("rename %s: %s", tmp, strerror(errno));
	srv->clock_offset = t - (int64_t)time(NULL);
}

void clock_freeze(struct server *srv)
{
	clock_freeze_at(srv, time(NULL) + srv->clock_offset);
}

/* ---- HTTP ---- */

static size_t grow(char **p, size_t *len, const char *data, size_t n)
{
	char *q;

	if (*len + n > MAX_RESPONSE)
		return 0;
	q = realloc(*p, *len + n + 1);
	if (!q)
		return 0;
	memcpy(q + *len, data, n);
	*len += n;
	q[*len] = '\0';
	*p = q;
	return n;
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *user)
{
	struct resp *r = user;

	return grow(&r->body, &r->body_len, data, size * nmemb);
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *user)
{
	struct resp *r = user;
	size_t n = size * nmemb;

	/* a new status line starts a new header block (after 100 Continue) */
	if (n >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		free(r->headers);
		r->headers = NULL;
		r->headers_len = 0;
	}
	return grow(&r->headers, &r->headers_len, data, n);
}

static int names_header(const char *h, const char *name)
{
	size_t n = strlen(name);

	return strncasecmp(h, name, n) == 0 && h[n] == ':';
}

static CURL *easy_on(CURL *h, struct server *srv, const struct session *sess,
		     const char *method, const char *path, const char *body,
		     const char *const *extra, struct resp *out,
		     struct curl_slist **headers);

CURL *http_easy(struct server *srv, const struct session *sess,
		const char *method, const char *path, const char *body,
		const char *const *extra, struct resp *out,
		struct curl_slist **headers)
{
	return easy_on(curl_easy_init(), srv, sess, method, path, body, extra, out, headers);
}

/* http()'s easy handle, one a thread, reset and used again: a handle made
 * and freed for every request allocates curl's buffers and its multi handle
 * anew, each through ASan's quarantine into fresh pages. Each request still
 * has a connection and a TLS handshake of its own (CURLOPT_FORBID_REUSE, no
 * session cache), as with a new handle. */
static pthread_key_t easy_key;
static pthread_once_t easy_once = PTHREAD_ONCE_INIT;

static void easy_free(void *h)
{
	curl_easy_cleanup(h);
}

static void easy_key_make(void)
{
	if (pthread_key_create(&easy_key, easy_free) != 0)
		fail_msg("pthread_key_create failed");
}

static CURL *easy_take(void)
{
	CURL *h;

	pthread_once(&easy_once, easy_key_make);
	h = pthread_getspecific(easy_key);
	if (!h)
		return curl_easy_init();
	pthread_setspecific(easy_key, NULL);
	curl_easy_reset(h);
	return h;
}

static void easy_keep(CURL *h)
{
	if (pthread_getspecific(easy_key) || pthread_setspecific(easy_key, h) != 0)
		curl_easy_cleanup(h);
}

static CURL *easy_on(CURL *h, struct server *srv, const struct session *sess,
		     const char *method, const char *path, const char *body,
		     const char *const *extra, struct resp *out,
		     struct curl_slist **headers)
{
	struct curl_slist *hl = NULL;
	int has_ct = 0, has_csrf = 0, has_cookie = 0;
	int is_write = strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;

	memset(out, 0, sizeof(*out));
	*headers = NULL;
	if (!h)
		fail_msg("curl_easy_init failed");
	for (const char *const *e = extra; e && *e; e++) {
		has_ct |= names_header(*e, "Content-Type");
		has_csrf |= names_header(*e, "X-CSRF-Token");
		has_cookie |= names_header(*e, "Cookie");
		hl = curl_slist_append(hl, *e);
	}
	hl = curl_slist_append(hl, "Expect:");
	if (sess && !has_cookie)
		hl = curl_slist_append(hl, fmt(srv, "Cookie: %s", sess->cookie));
	if (sess && is_write && !has_csrf)
		hl = curl_slist_append(hl, fmt(srv, "X-CSRF-Token: %s", sess->csrf));
	if (!has_ct)
		hl = curl_slist_append(hl, body ? "Content-Type: application/json"
						: "Content-Type:");
	curl_easy_setopt(h, CURLOPT_URL, fmt(srv, "%s%s", srv->base, path));
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(h, CURLOPT_PATH_AS_IS, 1L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, (long)HTTP_TIMEOUT_MS);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, out->curl_error);
	if (srv->cainfo[0])
		curl_easy_setopt(h, CURLOPT_CAINFO, srv->cainfo);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, out);
	if (body) {
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(body));
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
	} else if (is_write) {
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)0);
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, "");
	}
	if (strcmp(method, "HEAD") == 0)
		curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
	else if (strcmp(method, "GET") != 0 || body)
		curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hl);
	*headers = hl;
	return h;
}

void http_finish(CURL *h, CURLcode code, struct resp *r)
{
	long status = 0;

	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	r->status = code == CURLE_OK ? status : 0;
	if (code != CURLE_OK && !r->curl_error[0])
		snprintf(r->curl_error, sizeof(r->curl_error), "%s", curl_easy_strerror(code));
	if (!r->body)
		r->body = calloc(1, 1);
	if (!r->headers)
		r->headers = calloc(1, 1);
	if (!r->body || !r->headers)
		fail_msg("out of memory in the test harness");
	r->json = r->body_len ? json_loadb(r->body, r->body_len, 0, NULL) : NULL;
}

void resp_release(struct resp *r)
{
	json_decref(r->json);
	free(r->body);
	free(r->headers);
	r->json = NULL;
	r->body = NULL;
	r->headers = NULL;
}

static void resp_free(void *p)
{
	resp_release(p);
	free(p);
}

struct resp *http_v(const char *file, int line, struct server *srv,
		    const struct session *sess, const char *method, const char *path,
		    const char *body, ...)
{
	const char *extra[24];
	struct resp *r = pool_keep(srv, calloc(1, sizeof(*r)), resp_free);
	struct curl_slist *hl;
	va_list ap;
	size_t n = 0;
	CURLcode code;
	CURL *h;

	if (!srv->pid)
		fail_msg("%s %s: the server is not running", method, path);
	va_start(ap, body);
	for (const char *e = va_arg(ap, const char *); e && n < 23;
	     e = va_arg(ap, const char *))
		extra[n++] = e;
	va_end(ap);
	extra[n] = NULL;
	h = easy_on(easy_take(), srv, sess, method, path, body, extra, r, &hl);
	curl_easy_setopt(h, CURLOPT_FORBID_REUSE, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_SESSIONID_CACHE, 0L); /* a new handshake, as before */
	code = curl_easy_perform(h);
	http_finish(h, code, r);
	easy_keep(h);
	curl_slist_free_all(hl);
	if (r->status >= 500 && !srv->allow_5xx) {
		print_error("%s %s answered %ld (never a 5xx): %.500s\n", method, path,
			    r->status, r->body);
		_fail(file, line);
	}
	return r;
}

struct resp *login_attempt(struct server *srv, const char *user, const char *pw,
			   struct session *sess)
{
	json_t *b = json_pack("{s:s, s:s}", "username", user, "password", pw);
	char *body = b ? json_dumps(b, JSON_COMPACT) : NULL;
	struct resp *r;

	json_decref(b);
	if (!body)
		fail_msg("out of memory in the test harness");
	pool_keep(srv, body, json_mem_free);
	r = http(srv, NULL, "POST", "/api/v1/session", body);
	if (sess && r->status == 200) {
		const char *c = resp_header(srv, r, "Set-Cookie");
		const char *semi = c ? strchr(c, ';') : NULL;
		size_t n = semi ? (size_t)(semi - c) : 0;

		memset(sess, 0, sizeof(*sess));
		if (!c || n == 0 || n >= sizeof(sess->cookie))
			fail_msg("login of %s: bad Set-Cookie '%s'", user, c ? c : "(none)");
		memcpy(sess->cookie, c, n);
		snprintf(sess->csrf, sizeof(sess->csrf), "%s", rstr(r, "csrf_token"));
		snprintf(sess->username, sizeof(sess->username), "%s", user);
		if (!sess->csrf[0])
			fail_msg("login of %s: no csrf_token in %s", user, r->body);
	}
	return r;
}

struct session *login(struct server *srv, const char *user, const char *pw)
{
	struct session *s = pool_keep(srv, calloc(1, sizeof(*s)), free);
	struct resp *r = login_attempt(srv, user, pw, s);

	if (r->status != 200)
		fail_msg("login of %s: expected 200, got %ld: %s", user, r->status, r->body);
	return s;
}

const char *resp_header(struct server *srv, const struct resp *r, const char *name)
{
	const char *p = r->headers;
	size_t n = strlen(name);

	while (p && *p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);

		if (len > n && strncasecmp(p, name, n) == 0 && p[n] == ':') {
			const char *v = p + n + 1;
			size_t vn = len - n - 1;
			char *out;

			while (vn && (*v == ' ' || *v == '\t')) {
				v++;
				vn--;
			}
			while (vn && (v[vn - 1] == '\r' || v[vn - 1] == ' '))
				vn--;
			out = pool_keep(srv, malloc(vn + 1), free);
			memcpy(out, v, vn);
			out[vn] = '\0';
			return out;
		}
		p = eol ? eol + 1 : p + len;
	}
	return NULL;
}

json_t *jpath(json_t *root, const char *path)
{
	char key[128];
	const char *p = path;
	json_t *cur = root;

	while (cur && *p) {
		const char *dot = strchr(p, '.');
		size_t n = dot ? (size_t)(dot - p) : strlen(p);
		char *end;

		if (n >= sizeof(key))
			return NULL;
		memcpy(key, p, n);
		key[n] = '\0';
		if (json_is_array(cur)) {
			long i = strtol(key, &end, 10);

			cur = *end ? NULL : json_array_get(cur, (size_t)i);
		} else {
			cur = json_object_get(cur, key);
		}
		p = dot ? dot + 1 : p + n;
	}
	return cur;
}

const char *rstr(const struct resp *r, const char *path)
{
	const char *s = json_string_value(jpath(r->json, path));

	return s ? s : "";
}

long long rnum(const struct resp *r, const char *path)
{
	json_t *v = jpath(r->json, path);

	return json_is_integer(v) ? (long long)json_integer_value(v) : -999999;
}

size_t count_in(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle), found = 0;
	const char *p = hay, *end = hay + len;

	while (n && p < end && (p = memmem(p, (size_t)(end - p), needle, n)) != NULL) {
		found++;
		p += n;
	}
	return found;
}

int has_chinese(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; p && *p; p++)
		if (p[0] >= 0xe4 && p[0] <= 0xe9 && (p[1] & 0xc0) == 0x80 &&
		    (p[2] & 0xc0) == 0x80) {
			unsigned cp = ((p[0] & 0x0fu) << 12) | ((p[1] & 0x3fu) << 6) |
				      (p[2] & 0x3fu);
			if (cp >= 0x4e00 && cp <= 0x9fff)
				return 1;
		}
	return 0;
}

void assert_error_at(struct server *srv, const struct resp *r, long status,
		     const char *code, const char *file, int line)
{
	const char *ct = resp_header(srv, r, "Content-Type");

	if (r->status != status)
		FAIL_AT(file, line, "expected %ld %s, got %ld: %.400s", status,
			code ? code : "", r->status, r->body);
	if (!json_is_object(jpath(r->json, "error")))
		FAIL_AT(file, line, "no {\"error\":{...}} object in %.400s", r->body);
	if (code && strcmp(rstr(r, "error.code"), code) != 0)
		FAIL_AT(file, line, "expected error code %s, got %s: %.400s", code,
			rstr(r, "error.code"), r->body);
	if (!code && !*rstr(r, "error.code"))
		FAIL_AT(file, line, "error without a code: %.400s", r->body);
	if (!has_chinese(rstr(r, "error.message")))
		FAIL_AT(file, line, "error message is not Chinese: %.400s", r->body);
	if (!ct || strncmp(ct, "application/json", 16) != 0)
		FAIL_AT(file, line, "error answer with Content-Type %s", ct ? ct : "(none)");
}

void assert_security_headers_at(struct server *srv, const struct resp *r, int json,
				const char *file, int line)
{
	const char *csp = resp_header(srv, r, "Content-Security-Policy");
	const char *nosniff = resp_header(srv, r, "X-Content-Type-Options");
	const char *refpol = resp_header(srv, r, "Referrer-Policy");
	const char *ct = resp_header(srv, r, "Content-Type");

	if (!csp || !strstr(csp, "frame-ancestors 'none'"))
		FAIL_AT(file, line, "status %ld: CSP without frame-ancestors 'none': %s",
			r->status, csp ? csp : "(none)");
	if (!nosniff || strcmp(nosniff, "nosniff") != 0)
		FAIL_AT(file, line, "status %ld: X-Content-Type-Options %s", r->status,
			nosniff ? nosniff : "(none)");
	if (!refpol || strcmp(refpol, "no-referrer") != 0)
		FAIL_AT(file, line, "status %ld: Referrer-Policy %s", r->status,
			refpol ? refpol : "(none)");
	if (json && (!ct || strcmp(ct, "application/json; charset=utf-8") != 0))
		FAIL_AT(file, line, "status %ld: Content-Type %s", r->status,
			ct ? ct : "(none)");
}

/* ---- helpers built on the API ---- */

long long user_id(struct server *srv, const struct session *admin,
		  const char *username)
{
	struct resp *r = http(srv, admin, "GET",
			      fmt(srv, "/api/v1/users?q=%s&per_page=200", username), NULL);
	json_t *it;
	size_t i;

	if (r->status != 200)
		fail_msg("GET /users?q=%s: %ld %s", username, r->status, r->body);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (strcmp(json_string_value(json_object_get(it, "username")), username) == 0)
			return (long long)json_integer_value(json_object_get(it, "id"));
	fail_msg("user %s not found", username);
	return -1;
}

long long unit_id(struct server *srv, const struct session *sess, const char *name)
{
	struct resp *r = http(srv, sess, "GET", "/api/v1/units", NULL);
	json_t *it;
	size_t i;

	if (r->status != 200)
		fail_msg("GET /units: %ld %s", r->status, r->body);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (strcmp(json_string_value(json_object_get(it, "name")), name) == 0)
			return (long long)json_integer_value(json_object_get(it, "id"));
	fail_msg("unit %s not found", name);
	return -1;
}

long long audit_count(struct server *srv, const struct session *auditor,
		      const char *action, const char *user, const char *outcome)
{
	long long n = 0;
	CURL *esc = curl_easy_init();
	char *a = esc ? curl_easy_escape(esc, action, 0) : NULL;
	char *u = esc && user ? curl_easy_escape(esc, user, 0) : NULL;
	const char *base;

	if (!a || (user && !u))
		fail_msg("out of memory in the test harness");
	base = fmt(srv, "/api/v1/audit?action=%s%s%s&per_page=200", a, u ? "&user=" : "",
		   u ? u : "");
	curl_free(a);
	curl_free(u);
	curl_easy_cleanup(esc);
	for (int page = 1;; page++) {
		struct resp *r = http(srv, auditor, "GET", fmt(srv, "%s&page=%d", base, page),
				      NULL);
		json_t *items = jpath(r->json, "items"), *it;
		size_t i;

		if (r->status != 200)
			fail_msg("GET /audit: %ld %s", r->status, r->body);
		json_array_foreach(items, i, it) {
			const char *o = json_string_value(json_object_get(it, "outcome"));

			if (!outcome || (o && strcmp(o, outcome) == 0))
				n++;
		}
		if (json_array_size(items) < 200)
			break;
	}
	return n;
}

/* ---- the database file ---- */

/* The raw connection of db_raw_int/_text/_exec, kept from one call to the
 * next on the main thread: opening the file parses the whole schema (~36 ms
 * under ASan), and on PostgreSQL a connection is a backend started. It is
 * closed whenever a server starts or stops, a CLI command runs, a story
 * ends or a database is dropped, and a SQLite file is opened again when its
 * path (or its read-audit file's) names another file than before. A call
 * never leaves a transaction open on it. */
static struct {
	char path[1024];
	sqlite3 *lite;
	struct db *pg;
	struct stat id[2]; /* the file and its -audit.db */
} raw;
static pthread_t raw_thread;

__attribute__((constructor)) static void raw_thread_mark(void)
{
	raw_thread = pthread_self();
}

static void raw_close(void)
{
	if (raw.lite)
		sqlite3_close(raw.lite);
	if (raw.pg)
		db_close(raw.pg);
	memset(&raw, 0, sizeof(raw));
}

static int same_file(const char *path, const struct stat *was)
{
	struct stat st;

	return stat(path, &st) == 0 && st.st_dev == was->st_dev && st.st_ino == was->st_ino;
}

static int raw_usable(const char *path)
{
	char audit[1100];

	if (!pthread_equal(pthread_self(), raw_thread) || strcmp(path, raw.path) != 0)
		return 0;
	if (raw.pg)
		return 1;
	snprintf(audit, sizeof(audit), "%s-audit.db", path);
	return raw.lite && same_file(path, &raw.id[0]) && same_file(audit, &raw.id[1]);
}

/* Keep db as path's raw connection (main thread only); 1 when kept. */
static int raw_keep(const char *path, sqlite3 *lite, struct db *pg)
{
	char audit[1100];

	if (!pthread_equal(pthread_self(), raw_thread) || strlen(path) >= sizeof(raw.path))
		return 0;
	raw_close();
	snprintf(audit, sizeof(audit), "%s-audit.db", path);
	if (lite && (stat(path, &raw.id[0]) != 0 || stat(audit, &raw.id[1]) != 0))
		return 0;
	snprintf(raw.path, sizeof(raw.path), "%s", path);
	raw.lite = lite;
	raw.pg = pg;
	return 1;
}

static sqlite3 *raw_lite(const char *path, int *kept)
{
	sqlite3 *db;

	if (raw_usable(path)) {
		*kept = 1;
		return raw.lite;
	}
	db = db_raw_open(path);
	*kept = raw_keep(path, db, NULL);
	return db;
}

/* After a call: a kept connection stays open (out of any transaction the
 * SQL began), another is closed. */
static void raw_lite_done(sqlite3 *db, int kept)
{
	if (!kept)
		sqlite3_close(db);
	else if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

/* The same on PostgreSQL (path a URL), through the store's db.h. */
static struct db *pg_raw_open(const char *url)
{
	struct db *db = NULL;
	struct ps_err e;

	ps_err_clear(&e);
	if (db_open(url, &db, &e))
		fail_msg("cannot open %s: %s", url, e.msg);
	return db;
}

static struct db *raw_pg(const char *url, int *kept)
{
	struct db *db;

	if (raw_usable(url)) {
		*kept = 1;
		return raw.pg;
	}
	db = pg_raw_open(url);
	*kept = raw_keep(url, NULL, db);
	return db;
}

static void raw_pg_done(struct db *db, int kept)
{
	if (!kept)
		db_close(db);
}

static long long pg_raw_int(const char *url, const char *sql, const char *param, char **text)
{
	int kept;
	struct db *db = raw_pg(url, &kept);
	struct db_stmt *st = NULL;
	struct ps_err e;
	long long v = -1;

	ps_err_clear(&e);
	if (db_prepare(db, sql, &st, &e)) {
		raw_pg_done(db, kept);
		fail_msg("bad test SQL: %s (%s)", sql, e.msg);
	}
	if (param)
		db_bind_text(st, 1, param);
	if (db_step(st, &e) == PS_ROW) {
		v = db_column_int(st, 0);
		if (text && db_column_text(st, 0))
			*text = strdup(db_column_text(st, 0));
	}
	db_finalize(st);
	raw_pg_done(db, kept);
	return v;
}

sqlite3 *db_raw_open(const char *path)
{
	sqlite3 *db = NULL;

	if (db_is_url(path))
		fail_msg("this story opens the SQLite file itself: it cannot run on PostgreSQL"
			 " (list it in tests/CMakeLists.txt PG_SQLITE_ONLY)");

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		const char *m = db ? sqlite3_errmsg(db) : "out of memory";

		fail_msg("sqlite3_open %s: %s", path, m);
	}
	sqlite3_busy_timeout(db, 30000);
	/* the read-audit chain's file, as the server attaches it (store/db.h):
	 * test SQL names audit_read unqualified on both stores */
	{
		char *a = sqlite3_mprintf("ATTACH DATABASE '%q-audit.db' AS readaudit", path);

		if (!a || sqlite3_exec(db, a, NULL, NULL, NULL) != SQLITE_OK)
			fail_msg("attach %s-audit.db: %s", path, sqlite3_errmsg(db));
		sqlite3_free(a);
	}
	return db;
}

int db_raw_exec(const char *path, const char *sql)
{
	int kept;

	if (db_is_url(path)) {
		struct db *pg = raw_pg(path, &kept);
		struct ps_err e;
		int rc;

		ps_err_clear(&e);
		rc = db_exec(pg, sql, &e);
		raw_pg_done(pg, kept);
		if (rc)
			fprintf(stderr, "postgresql (expected or not): %s: %s\n", sql, e.msg);
		return rc == PS_OK ? SQLITE_OK : rc == PS_ECONFLICT ? SQLITE_CONSTRAINT : SQLITE_ERROR;
	}
	sqlite3 *db = raw_lite(path, &kept);
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK)
		fprintf(stderr, "sqlite3 (expected or not): %s: %s\n", sql, msg ? msg : "?");
	sqlite3_free(msg);
	raw_lite_done(db, kept);
	return rc;
}

long long db_raw_int(const char *path, const char *sql, const char *param)
{
	if (db_is_url(path))
		return pg_raw_int(path, sql, param, NULL);
	int kept;
	sqlite3 *db = raw_lite(path, &kept);
	sqlite3_stmt *st = NULL;
	long long v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "sqlite3 prepare %s: %s\n", sql, sqlite3_errmsg(db));
		raw_lite_done(db, kept);
		fail_msg("bad test SQL: %s", sql);
	}
	if (param)
		sqlite3_bind_text(st, 1, param, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	raw_lite_done(db, kept);
	return v;
}

const char *db_raw_text(struct server *srv, const char *path, const char *sql)
{
	if (db_is_url(path)) {
		char *t = NULL;

		pg_raw_int(path, sql, NULL, &t);
		return t ? pool_keep(srv, t, free) : NULL;
	}
	int kept;
	sqlite3 *db = raw_lite(path, &kept);
	sqlite3_stmt *st = NULL;
	const char *v = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "sqlite3 prepare %s: %s\n", sql, sqlite3_errmsg(db));
		raw_lite_done(db, kept);
		fail_msg("bad test SQL: %s", sql);
	}
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = pool_strdup(srv, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	raw_lite_done(db, kept);
	return v;
}

int looks_like_id_number(const char *t, size_t pos)
{
	static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	const char *s = t + pos;
	int sum = 0, m, d;

	if (pos > 0 && t[pos - 1] >= '0' && t[pos - 1] <= '9')
		return 0;
	for (int i = 0; i < 17; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		sum += (s[i] - '0') * w[i];
	}
	if (s[17] != "10X98765432"[sum % 11] || (s[18] >= '0' && s[18] <= '9'))
		return 0;
	m = (s[10] - '0') * 10 + (s[11] - '0');
	d = (s[12] - '0') * 10 + (s[13] - '0');
	return (s[6] == '1' && (s[7] == '8' || s[7] == '9')) || (s[6] == '2' && s[7] == '0')
		       ? m >= 1 && m <= 12 && d >= 1 && d <= 31
		       : 0;
}

static int pg_audit_id_numbers(struct server *srv)
{
	struct db *db = pg_raw_open(srv->db);
	struct db_stmt *st = NULL;
	struct ps_err e;
	int found = 0;

	ps_err_clear(&e);
	if (db_prepare(db, "SELECT id, action, COALESCE(object_id, '') || ' ' || COALESCE(detail, '')"
			   " FROM audit UNION ALL SELECT id, action,"
			   " COALESCE(object_id, '') || ' ' || COALESCE(detail, '') FROM audit_read",
			   &st, &e))
		fail_msg("cannot read the audit table: %s", e.msg);
	while (db_step(st, &e) == PS_ROW) {
		const char *text = db_column_text(st, 2);

		for (size_t i = 0; text && text[i]; i++)
			if (looks_like_id_number(text, i)) {
				print_error("audit row %lld (%s) holds an ID number: %s\n",
					    (long long)db_column_int(st, 0), db_column_text(st, 1), text);
				found++;
				break;
			}
	}
	db_finalize(st);
	db_close(db);
	return found;
}

int audit_id_numbers(struct server *srv)
{
	if (db_is_url(srv->db))
		return pg_audit_id_numbers(srv);
	sqlite3 *db = db_raw_open(srv->db);
	sqlite3_stmt *st = NULL;
	int found = 0;

	if (sqlite3_prepare_v2(db,
			       "SELECT id, action, COALESCE(object_id, '') || ' ' || COALESCE(detail, '') FROM audit"
			       " UNION ALL SELECT id, action, COALESCE(object_id, '') || ' ' ||"
			       " COALESCE(detail, '') FROM audit_read",
			       -1, &st, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		fail_msg("cannot read the audit table");
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 2);

		for (size_t i = 0; text && text[i]; i++)
			if (looks_like_id_number(text, i)) {
				print_error("audit row %lld (%s) holds an ID number: %s\n",
					    (long long)sqlite3_column_int64(st, 0),
					    (const char *)sqlite3_column_text(st, 1), text);
				found++;
				break;
			}
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return found;
}

/* ---- certificates ---- */

/* Run openssl with the arguments (NULL-terminated), quietly; its status. */
static int openssl(const char *const *args)
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		fail_msg("fork: %s", strerror(errno));
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 1);
		dup2(null, 2);
		execvp("openssl", (char *const *)args);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		fail_msg("waitpid: %s", strerror(errno));
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void server_make_cert(struct server *srv, const char *name, const char **crt,
		      const char **key)
{
	*crt = srv_path(srv, fmt(srv, "%s.crt", name));
	*key = srv_path(srv, fmt(srv, "%s.key", name));
	{
		const char *args[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
				       "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
				       "-subj", "/CN=127.0.0.1", "-addext",
				       "subjectAltName=IP:127.0.0.1", "-keyout", *key, "-out", *crt,
				       NULL };
		int rc = openssl(args);

		if (rc == 127)
			fail_msg("openssl not found: run scripts/deps.sh");
		assert_int_equal(rc, 0);
	}
}
