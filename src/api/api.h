/* api.h — one request as the api layer sees it, the route table and the
 * helpers handlers share. The http layer (src/http) fills a struct req from
 * the wire, calls api_handle, and writes what it leaves in the response
 * fields. Handlers parse input, call one domain operation, and render JSON;
 * they never write SQL. */
#ifndef PS_API_H
#define PS_API_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/jw.h"
#include "core/rc.h"
#include "domain/ctx.h"

#define API_MAX_PARAMS 4
#define API_MAX_QUERY 32

struct kv {
	const char *key, *value;
};

struct req {
	struct arena *arena;
	struct db *db;

	/* from the wire (filled by http) */
	const char *method;        /* "GET" … */
	const char *path;          /* decoded path, no query */
	struct kv query[API_MAX_QUERY];
	size_t nquery;
	const char *content_type;
	const char *session_token; /* value of the session cookie, or NULL */
	const char *csrf_header;   /* X-CSRF-Token */
	const char *origin;        /* Origin header */
	const char *host;          /* Host header */
	const char *body;
	size_t body_len;
	const char *client_ip;
	char request_id[17];

	/* set by the router */
	const char *params[API_MAX_PARAMS];
	json_t *in;                /* parsed body (object) or NULL */
	const char *session_csrf;  /* CSRF token of the session, once resolved */
	struct ctx ctx;
	struct ps_err err;

	/* the response (read by http) */
	int status;
	json_t *out;               /* owned; NULL = empty body */
	char *out_text;            /* out serialized before the commit, or NULL
				    * (then http serializes out); owned,
				    * json_mem_free'd by http */
	size_t out_len;
	const char *set_cookie;    /* Set-Cookie value or NULL */
	int retry_after;           /* seconds, 0 = no header */
	const char *allow;         /* a 405's Allow header (the path's methods), or NULL */
	int no_store;              /* Cache-Control: no-store */
	void *raw;                 /* a non-JSON body (ps_malloc'd, ps_free'd by http), or NULL */
	size_t raw_len;
	const char *raw_type;      /* its Content-Type */
	const char *raw_name;      /* download file name (Content-Disposition), or NULL */

	/* waiting for the group committer (api_handle returned API_WAIT) */
	void *job;
	int rc;

	/* a ROUTE_PREPARE request: the handler runs first with preparing set
	 * (on the worker, in a read transaction) and leaves what it learnt in
	 * prepared (arena), then again by the committer with preparing 0;
	 * prepared is NULL when there was no such first run */
	int preparing;
	void *prepared;
	size_t prepared_wipe;       /* bytes of prepared api_finish zeroes (a hash) */
	json_t *err_extra;          /* req_error_extra: merged into the error object */
	int prepare_failed;         /* the worker's run was refused or failed: */
	struct ps_err prepare_err;  /* its error, for the writer's run to answer */
	/* set by a ROUTE_PREPARE handler in its prepare run: CPU-only work on
	 * what it prepared (argon2id; no database, no ctx), run on the offload
	 * pool (api/offload.h) before the write, so that neither the worker
	 * nor the writer waits for it (AUTH-9); NULL when none */
	void (*offload)(struct req *r);
};

/* A route: method, pattern ("/api/v1/users/{id}"), handler and flags. */
enum route_flags {
	ROUTE_PUBLIC = 1,     /* no session needed */
	ROUTE_WRITE = 2,      /* a GET that records data as it reads: take the
			       * write lock at once, audit in the same txn */
	ROUTE_PW_CHANGE = 4,  /* allowed while the password must be changed */
	ROUTE_SOLO = 8,       /* its own write transaction on the worker, not
			       * the group commit: a long import must not hold
			       * up a batch (a documented exception to the one
			       * writer, see README) */
	ROUTE_PREPARE = 16,   /* a write whose CPU-heavy part (argon2id, a
			       * workbook's decoding) the handler does in a
			       * first run on the worker, before it joins a
			       * batch or (SOLO) takes the write lock (see
			       * struct req); implied by a file field in the
			       * route's table (an import) */
	ROUTE_MFA_SETUP = 32, /* allowed while the role must still enrol in
			       * two-factor login (domain/admin/mfa.h) */
	ROUTE_UPLOAD = 64,    /* the body is a file, not JSON (its media type
			       * is the file's), up to API_UPLOAD_MAX bytes */
	ROUTE_NO_DATA = 128,  /* answers nothing read from the store (the
			       * health check): not held until what the store
			       * committed is synced, so after a failed sync it
			       * says so itself (WRITES_STOPPED) */
};

/* The body ceiling of an upload route (the setting of its resource caps it
 * lower); every other route keeps the server's 1 MiB. */
#define API_UPLOAD_MAX ((size_t)32 << 20)

/* The largest body the edge accepts for method and raw request target
 * (path and query as received): API_UPLOAD_MAX for a ROUTE_UPLOAD route,
 * else def. Cannot fail. */
size_t api_body_limit(const char *method, const char *raw_target, size_t def);

struct field;
struct route {
	const char *method;
	const char *pattern;
	int (*handler)(struct req *r);
	int flags;
	const struct field *body; /* the request body's field table (api/fields.h), or NULL */
};

extern const struct route api_routes[];

/* Configuration read by the http layer and api (set once at start-up). */
struct api_config {
	int secure_cookie;   /* add Secure and the __Host- prefix (behind TLS) */
	const unsigned char *totp_key; /* seals TOTP secrets: handed to every
					* request's ctx (domain/admin/mfa.h) */
};
extern struct api_config api_config;

/* Handle one request: route, session, CSRF, transaction (with retries when
 * the database is busy), handler, error rendering. API_DONE: r holds a
 * status and (except 204) a JSON body. API_WAIT: r needs the group
 * committer — the caller parks it, calls api_submit, and once done(arg) was
 * called (from the committer thread) calls api_finish, after which r holds
 * the answer. Cannot fail. */
enum { API_DONE = 0, API_WAIT = 1 };
int api_handle(struct req *r);
void api_submit(struct req *r, void (*done)(void *arg), void *arg);
void api_finish(struct req *r);

/* The name of the session cookie. */
const char *api_cookie_name(void);

/* ---- helpers for handlers ---- */

/* The query value of key, or NULL. */
const char *req_query(struct req *r, const char *key);

/* Parse query key as an integer in [min, max]; absent → def. PS_EINVAL with
 * a field error on junk (strict decimal, core/num.h). */
int req_query_int(struct req *r, const char *key, int64_t min, int64_t max,
		  int64_t def, int64_t *out);

/* Parse route parameter i as a record id in its one decimal spelling
 * (core/num.h); PS_EINVAL with code BAD_ID (400) when it is malformed. */
int req_param_id(struct req *r, int i, int64_t *out);

/* Require a JSON body whose keys are all in allowed (NULL-terminated). */
int req_body(struct req *r, const char *const *allowed);

/* Set the response to status with a new reference to body (stolen). */
int req_reply(struct req *r, int status, json_t *body);

/* Members added to the error object of this request's refusal, should it
 * be refused ({"report": …} of an import refused whole); extra is stolen
 * (NULL: none; without memory the error goes without them). */
void req_error_extra(struct req *r, json_t *extra);

/* The largest answer a handler writes as text (req_reply_jw). */
#define API_ANSWER_MAX (64u << 20)

/* Set the response to status with the JSON text w wrote (core/jw: the
 * bytes json_render would give; copied, w is left as it was). PS_ENOMEM
 * "内存不足" when w failed or the copy cannot be made; nothing is set then. */
int req_reply_jw(struct req *r, int status, const struct jw *w);

/* An answer the handler's domain call writes as text into an object:
 * req_answer_open makes w and opens the object; req_answer_close closes
 * it, answers status with it when rc is PS_OK (req_reply_jw), releases w
 * and returns rc or the reply's failure. */
void req_answer_open(struct jw *w);
int req_answer_close(struct req *r, int rc, int status, struct jw *w);

/* The two plain read routes, answered 200: the record the route's {id}
 * names (get), and the list of the unit ?unit= names (0 or absent: the
 * actor's own scope; no-store, a unit's figures change with each write). */
int req_reply_get(struct req *r, int (*get)(struct ctx *c, int64_t id, json_t **out));
int req_reply_unit_list(struct req *r, int (*list)(struct ctx *c, int64_t unit, json_t **out));

/* Group commit (api/committer.c, the one writer): writes (and the audit
 * rows of reads) run on one committer thread with its own connection db
 * (owned by the caller, open until stop), each request in a savepoint of a
 * batch's transaction. A request of a batch the store lost is answered 503
 * STORE_UNAVAILABLE, never 2xx. Without the committer every request commits
 * alone. Start returns PS_ENOMEM when the thread cannot be made. Stop only
 * when no request can be submitted any more: it finishes what is queued
 * first. Start also starts the offload pool (api/offload.h) and stop
 * drains and stops it first; pending counts its jobs too. */
int api_committer_start(struct db *db);
void api_committer_stop(void);
/* Requests handed to the committer and not answered yet (their connections
 * are parked: the server must not stop before they are answered). */
int api_committer_pending(void);
/* A WAL has grown past the checkpoint thread's bound: the committer
 * checkpoints once between two batches (committer_checkpoint_soon). */
void api_committer_checkpoint_soon(void);

/* Record the BREACHes that have no record yet (the background sweep of
 * the server calls this about every 30 s on its own connection): with the
 * committer running, 500 at a time as the scan finds them, each batch one
 * committer job. */
int api_sweep_once(struct db *db, int *recorded);

/* Mark the service as failed for writes (DUR-4: a sync of the database
 * failed, so what it holds is in doubt until checked) / test it. Once
 * marked, every write is answered 503 until restart; reads go on. Both
 * are safe from any thread and cannot fail. */
void api_write_fail_stop(void);
int api_write_failed(void);
/* Writes stopped because a newer Precinct migrated the database under this
 * server (have > known: a rolling upgrade of a city's servers): this
 * binary's rules and columns no longer describe it. Every write is
 * answered 503 SCHEMA_TOO_NEW until the server is upgraded and restarted;
 * reads go on. The committer looks about once a second. */
void api_schema_outgrown_stop(int have, int known);
/* The refusal while writes are stopped (503 WRITES_STOPPED after a failed
 * sync, SCHEMA_TOO_NEW after a newer migration, CLOCK_SKEW while this
 * server's clock strays from the database's, SPLIT_BRAIN while two of the
 * database's machines answer as primary: api/write_stop.c) into e: every
 * write, and GET /health, so that monitoring sees the server is not well. */
int api_writes_stopped(struct ps_err *e);
/* While the writer has waited WRITE_STOP_HELD_MS or more for the database
 * to finish a batch or a sync (on PostgreSQL most often a synchronous
 * standby lost: every COMMIT waits for it; on SQLite a disk that does not
 * finish a sync), a request that needs the writer is refused at once: 503
 * WRITES_HELD into e, nothing done, instead of joining a queue that does
 * not move. The held batch's own requests wait for the database's answer.
 * PS_OK when writes flow. Any thread (api/write_stop.c). */
int api_writes_held(struct ps_err *e);
/* About every round of the breach sweep (30 s), on the sweep's thread: do
 * the machines the database address names hold more than one primary (a
 * former primary started again beside the promoted standby)? Then writes
 * stop (503 SPLIT_BRAIN; reads go on) until one primary is left, when they
 * resume by themselves. A URL of one host, and SQLite: nothing asked. */
void api_primaries_look(const char *db_path);
/* Each round of the server that sweeps the database: is the database
 * server's WAL archive failing? An ALERT when it starts to (again every 30
 * minutes while it lasts), a line when it works again. Nothing on SQLite.
 * Sweep thread only (api/archive_watch.c). */
void api_archive_look(struct db *db);
/* Each round of the server that sweeps the database: do its standbys still
 * stream, and how late is each (TRUST BKP-2: at most 60 s)? An ALERT when
 * one is later than that or gone (again every 30 minutes while it lasts),
 * a line when it catches up or streams again. Nothing on SQLite. Sweep
 * thread only (api/replica_watch.c). */
void api_replicas_look(struct db *db);

/* Answer a workbook download: write(arg, path) writes it into a temporary
 * file, which is read back into the answer (Content-Type xlsx, file name
 * name) and removed. what names the file in the error message. */
int req_reply_workbook(struct req *r, int (*write)(void *arg, const char *path), void *arg, const char *name,
		       const char *what);

#endif
