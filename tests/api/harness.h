/* harness.h — API tests against the real precinct binary (STYLE 9).
 *
 * Each story gets a fresh temporary directory DIR with a database DIR/t.db
 * made by `precinct init`, a server `precinct serve` on an ephemeral port of
 * 127.0.0.1 with the test clock file DIR/clock, and talks to it over HTTP with
 * libcurl. Everything the harness allocates for a story (responses, sessions,
 * strings) belongs to its struct server and is freed by server_free, so a
 * story never frees anything itself.
 *
 * The binary comes from $PRECINCT_BIN (set by ctest). Every wait is bounded;
 * a server child dies with the test process (PR_SET_PDEATHSIG). Stopping a
 * server sends SIGTERM and requires exit status 0: a leak report of ASan or a
 * crash on shutdown fails the story. The directory is removed when the story
 * passed and kept (its path printed) when it failed.
 *
 * Any HTTP answer with status 500 or above fails the story at once (issue 2:
 * "bad input is never a 500"), unless srv->allow_5xx is set. */
#ifndef PS_TEST_HARNESS_H
#define PS_TEST_HARNESS_H

#include <curl/curl.h>
#include <jansson.h>

#include "core/json.h" /* json_mem_free for what json_dumps returns */
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* setjmp.h, stdarg.h and stddef.h must precede cmocka.h */
#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>

#define DEMO_PW "Precinct-Demo-2026"

struct pool_item;

struct server {
	char dir[256];         /* the temporary directory */
	char db[320];          /* database served (DIR/t.db unless changed) */
	char clock_path[320];  /* DIR/clock */
	char web[320];         /* DIR/web */
	char log[320];         /* DIR/server.log: the server's stderr */
	char base[64];         /* "http://127.0.0.1:PORT" (https:// under TLS) */
	char host[32];         /* "127.0.0.1:PORT" (the Host header) */
	int port;
	pid_t pid;             /* 0 when not running */
	int starts;            /* server_start calls so far (one log, appended) */
	int out_fd;            /* read end of the server's stdout */
	int64_t clock_offset;  /* seconds added to the server's clock */
	char otp[64];          /* one-time admin password of a non-demo init */
	int allow_5xx;         /* do not fail on a 5xx answer */
	const char *serve_args[8]; /* more arguments of precinct serve, NULL-ended
				    * (e.g. --tls-cert FILE --tls-key FILE) */
	char cainfo[320];      /* CA file that signs an https:// server's certificate */
	int passed;            /* set by STORY when the body returned */
	char pg_name[64];      /* on PostgreSQL: the story's database ("" on SQLite) */
	char secret[600];      /* on PostgreSQL: the server secret file (PRECINCT_SECRET_FILE) */
	char files[700];       /* the attachment directory: "<db>.files" on SQLite; on
				* PostgreSQL DIR/t.db.files (PRECINCT_FILES_DIR) */
	struct pool_item *pool;
};

struct session {
	char cookie[128];      /* "precinct_session=HEX" */
	char csrf[64];
	char username[64];
};

struct resp {
	long status;           /* HTTP status; 0 when the transfer failed */
	json_t *json;          /* parsed body, or NULL when it is not JSON */
	char *body;            /* raw body, NUL-terminated ("" when empty) */
	size_t body_len;
	char *headers;         /* raw response header block */
	size_t headers_len;
	char curl_error[CURL_ERROR_SIZE];
};

/* A test that runs with a fresh server as state (see the setups below) and
 * marks it passed when its body returns:
 *     STORY(wrong_password_is_refused) { struct session *a = login(srv, …); … } */
#define STORY(name)                                                            \
	static void name##_story(struct server *srv);                          \
	static void name(void **state)                                         \
	{                                                                      \
		struct server *s_ = *state;                                    \
		name##_story(s_);                                              \
		s_->passed = 1;                                                \
	}                                                                      \
	static void name##_story(struct server *srv)

/* ---- servers ----
 * With PRECINCT_TEST_PG_DIR set (the *_pg tests of ctest), every story's
 * database is a fresh database on the PostgreSQL 15 that the fixture
 * pg_start runs (tests/pg/pg_server.sh), srv->db its postgres:// URL; the
 * demo county is built once per program and copied (CREATE DATABASE …
 * TEMPLATE). The harness fails, never skips, when that server is not up. */

/* The base URL of the test PostgreSQL ("postgres://precinct@127.0.0.1:PORT"),
 * NULL when the suite runs on SQLite. */
const char *test_pg_url(void);

/* Make a temp dir and run `precinct init --db DIR/t.db [--demo]`; without
 * demo, srv->otp receives the printed one-time admin password. The server is
 * not started. Fails the test on any error. */
struct server *server_new_stopped(int demo);

/* server_new_stopped + server_start. */
struct server *server_new(int demo);

/* A second `precinct serve` on srv's PostgreSQL database (same clock file,
 * web directory and server secret; a directory of its own for its log),
 * started. Free it with server_free (its database stays srv's). Fails the
 * test on SQLite. */
struct server *server_twin(struct server *srv);

/* A server on another database db (a file or a URL) with srv's clock file
 * and web directory, and the server secret file secret (NULL: srv's),
 * started; free it with server_free (db is not removed). */
struct server *server_on(struct server *srv, const char *db, const char *secret);

/* A new empty database on the test PostgreSQL beside srv's (dropped with
 * srv when the story passed); its URL. Fails the test on SQLite. */
const char *server_pg_empty_db(struct server *srv);

/* Every session PostgreSQL holds on srv's database ended by the server
 * (pg_terminate_backend), as a restart or a failover of the database
 * server ends them: the servers' connections learn it at their next
 * command. Fails the test on SQLite. */
void server_pg_cut_sessions(struct server *srv);

/* First line of a story that checks what only the SQLite store has (its
 * file's bytes, file backups): on PostgreSQL it is reported SKIPPED with
 * the reason, never run half. */
#define SQLITE_ONLY(srv, reason)                                                       \
	do {                                                                            \
		if (test_pg_url()) {                                                    \
			print_message("SKIPPED on PostgreSQL: %s\n", reason);           \
			(srv)->passed = 1;                                              \
			skip();                                                         \
		}                                                                       \
	} while (0)

/* Start `precinct serve` on srv->db (with srv->serve_args) and wait (at
 * most 20 s) for its "listening on" line; fills port/base/host. */
void server_start(struct server *srv);

/* SIGTERM, wait at most 30 s, and assert a clean exit (status 0). */
void server_stop(struct server *srv);

/* How many lines of the server's log (every start of it) contain text. */
int server_logged(struct server *srv, const char *text);

/* Wait (at most 30 s, then fail) until the breach sweep's first pass since
 * the last start is done. It runs beside the first requests and records
 * the breaches of the demo's records (audit rows "breach.record"): a story
 * that counts audit rows or breaches of a moment waits for it first. */
void server_wait_sweep(struct server *srv);

/* Send SIGTERM without waiting (for shutdown-under-load stories). */
void server_signal_term(struct server *srv);

/* Wait for the server to exit after server_signal_term and assert status 0. */
void server_wait_exit(struct server *srv);

/* kill -9 the server (no clean stop) and reap it (crash stories). */
void server_kill9(struct server *srv);

/* Stop the server if it runs, remove the directory when the story passed
 * (else keep it and print where), free everything. srv may be NULL. */
void server_free(struct server *srv);

/* cmocka setup/teardown: a fresh demo server, a fresh non-demo server, a
 * demo database without a running server, and the teardown for all. */
int setup_demo(void **state);
int setup_fresh(void **state);
int setup_demo_stopped(void **state);
int teardown_server(void **state);

/* Move the server's clock forward by seconds (cumulative; the server reads
 * DIR/clock at every clock call in a PRECINCT_TEST_HOOKS build). */
void clock_advance(struct server *srv, int64_t seconds);
/* Stop the servers' clock at the present instant (offset included), so two
 * servers' answers can be compared field for field; clock_advance after it
 * starts the clock again. */
void clock_freeze(struct server *srv);
/* Stop the servers' clock at instant t (the server's time), for a request
 * that must be judged at one exact second however long it takes on a
 * loaded machine; clock_advance after it starts the clock again from t. */
void clock_freeze_at(struct server *srv, int64_t t);

/* ---- HTTP ---- */

/* One request. path starts with "/" and may carry a query. body (a
 * NUL-terminated string) is sent with Content-Type application/json unless
 * an extra header sets Content-Type. With a session, its cookie is sent, and
 * for a method other than GET/HEAD its X-CSRF-Token too, unless an extra
 * header names X-CSRF-Token ("X-CSRF-Token:" alone sends none). Extra headers
 * are "Name: value" strings, NULL-terminated (the macro adds the NULL). The
 * answer belongs to srv. A 5xx fails the test unless srv->allow_5xx. */
struct resp *http_v(const char *file, int line, struct server *srv,
		    const struct session *sess, const char *method, const char *path,
		    const char *body, ...);
#define http(srv, sess, method, path, ...)                                     \
	http_v(__FILE__, __LINE__, srv, sess, method, path, __VA_ARGS__,       \
	       (const char *)NULL)

/* The same request as an easy handle for curl multi (not performed). The
 * answer is collected into *out (zeroed here); call http_finish after the
 * transfer. headers must be freed with curl_slist_free_all by the caller
 * after the transfer. */
CURL *http_easy(struct server *srv, const struct session *sess,
		const char *method, const char *path, const char *body,
		const char *const *extra, struct resp *out,
		struct curl_slist **headers);

/* Fill status, JSON and NUL-terminate after an easy handle's transfer. */
void http_finish(CURL *h, CURLcode code, struct resp *r);

/* Free what a struct resp filled by http_easy holds (not r itself). */
void resp_release(struct resp *r);

/* Log in; on 200 fill and return a session (owned by srv), else fail. */
struct session *login(struct server *srv, const char *user, const char *pw);

/* POST /session without asserting anything; the answer. If sess is not NULL
 * and the login succeeded, it is filled. */
struct resp *login_attempt(struct server *srv, const char *user, const char *pw,
			   struct session *sess);

/* Value of response header name (case-insensitive, first one), trimmed, in
 * srv's pool; NULL when absent. */
const char *resp_header(struct server *srv, const struct resp *r, const char *name);

/* JSON by dotted path: "error.code", "items.0.name". NULL when absent. */
json_t *jpath(json_t *root, const char *path);
/* String at path, or "" (so assert_string_equal shows what was missing). */
const char *rstr(const struct resp *r, const char *path);
/* Integer at path, or -999999 when absent or not an integer. */
long long rnum(const struct resp *r, const char *path);

/* Assert an error answer: status, error.code (NULL = any), a message with
 * Chinese text, JSON Content-Type. */
void assert_error_at(struct server *srv, const struct resp *r, long status,
		     const char *code, const char *file, int line);
#define assert_error(srv, r, status, code)                                     \
	assert_error_at(srv, r, status, code, __FILE__, __LINE__)

/* Assert the security headers of API-5 and (json=1) the JSON Content-Type. */
void assert_security_headers_at(struct server *srv, const struct resp *r, int json,
				const char *file, int line);
#define assert_security_headers(srv, r, json)                                  \
	assert_security_headers_at(srv, r, json, __FILE__, __LINE__)

/* 1 when s contains at least one CJK ideograph (U+4E00–U+9FFF). */
int has_chinese(const char *s);

/* How many times needle occurs in the len bytes of hay, in one pass (a
 * strstr from each hit is quadratic under ASan, which measures the rest of
 * the string at every call: an export of thousands of rows took seconds). */
size_t count_in(const char *hay, size_t len, const char *needle);

/* printf into srv's pool. */
const char *fmt(struct server *srv, const char *f, ...)
	__attribute__((format(printf, 2, 3)));

/* ---- helpers built on the API ---- */

/* id of a user, looked up by an admin session (GET /users?q=). */
long long user_id(struct server *srv, const struct session *admin,
		  const char *username);

/* id of an org unit by name (GET /units), any logged-in session. */
long long unit_id(struct server *srv, const struct session *sess, const char *name);

/* Number of audit rows with this action (exact) and, when not NULL, user and
 * outcome, as the auditor sees them (GET /audit). */
long long audit_count(struct server *srv, const struct session *auditor,
		      const char *action, const char *user, const char *outcome);

/* ---- the CLI and the database file ---- */

struct cli_result {
	int code;     /* exit status; -1 when killed by a signal or timed out */
	char *out;    /* captured stdout (srv's pool) */
	char *err;    /* captured stderr (srv's pool) */
};

/* Run $PRECINCT_BIN with the arguments (NULL-terminated; the macro adds it),
 * at most 60 s. */
struct cli_result run_cli_v(struct server *srv, const char *arg, ...);
#define run_cli(srv, ...) run_cli_v(srv, __VA_ARGS__, (const char *)NULL)

/* Open a database file with sqlite3 directly (read-write). Fails the test on
 * error. Close with sqlite3_close. */
sqlite3 *db_raw_open(const char *path);

/* Execute sql on path; return the sqlite3 result code (message to stderr). */
int db_raw_exec(const char *path, const char *sql);

/* First column of the first row of sql as an integer (bind one optional
 * text parameter ?1); -1 when there is no row. */
long long db_raw_int(const char *path, const char *sql, const char *param);

/* First column of the first row as text in srv's pool, or NULL. */
const char *db_raw_text(struct server *srv, const char *path, const char *sql);

/* A self-signed certificate for IP 127.0.0.1 and its key, made by openssl
 * as name.crt and name.key in the story's directory (paths in srv's pool). */
void server_make_cert(struct server *srv, const char *name, const char **crt, const char **key);

/* A path inside the server's directory, in srv's pool. */
const char *srv_path(struct server *srv, const char *name);

/* 1 when text[0..] starts an 18-character 公民身份号码 standing alone: 17
 * digits and a digit or X with the right GB 11643 check character, a
 * birth date of 18xx/19xx/20xx with month 01–12 and day 01–31, and no
 * digit right before or after it. */
int looks_like_id_number(const char *text, size_t pos);

/* Scan the audit table's object ids and details for ID numbers (AUD-6:
 * the log keeps record ids, never personal numbers); each one found is
 * printed with its row. Returns how many were found. */
int audit_id_numbers(struct server *srv);

#endif
