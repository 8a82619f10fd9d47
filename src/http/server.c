#include "http/server.h"
#include "http/parse.h"
#include "http/static.h"
#include "api/api.h"
#include "store/db.h"
#include "core/buf.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/log.h"
#include "core/mem.h"

#include <arpa/inet.h>
#include <gnutls/gnutls.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* The HTTP edge (issue 13, API-2). libmicrohttpd keeps the request line and
 * headers of a connection in one memory pool; when they outgrow it, it
 * answers 414/431 itself (its own small HTML page). Below that the limits
 * are checked here, on the first call, and answered on the socket
 * (refuse_raw): a header block that *just* fits the pool leaves no room to
 * build an answer in it, and 0.9.75 then closes without one. The pool is
 * twice the header limit, so a block up to ~36 KiB gets our JSON answer. */
#define HEADER_LIMIT (16 * 1024) /* request line + headers → 431 */
#define URI_LIMIT (8 * 1024)     /* request target → 414 */
#define POOL_SIZE (2 * HEADER_LIMIT + 4096)
/* The keep-alive idle timeout, and the body timeout (shorter): a request
 * that announces a body must deliver all of it within BODY_TIMEOUT_MS of
 * its headers, or it is answered 408 and closed (the body watchdog). */
#define IDLE_TIMEOUT_S 60
#define BODY_TIMEOUT_MS 10000

static const struct server_config *cfg;
static int hsts; /* under TLS, or behind a TLS proxy (--secure-cookie) */

/* ---- one database connection per worker thread ---- */

static pthread_mutex_t dbs_lock = PTHREAD_MUTEX_INITIALIZER;
static struct db *dbs[64];
static int ndbs;
static _Thread_local struct db *thread_db;
static int checkpointer_running; /* set before any connection is opened */

static struct db *worker_db(void)
{
	struct ps_err e;

	if (thread_db)
		return thread_db;
	ps_err_clear(&e);
	if (db_open(cfg->db_path, &thread_db, &e)) {
		log_error("cannot open database: %s", e.msg);
		return NULL;
	}
	if (checkpointer_running)
		db_checkpoint_elsewhere(thread_db, &e);
	pthread_mutex_lock(&dbs_lock);
	if (ndbs < (int)(sizeof(dbs) / sizeof(dbs[0])))
		dbs[ndbs++] = thread_db;
	pthread_mutex_unlock(&dbs_lock);
	return thread_db;
}

/* ---- per-request state ---- */

struct conn {
	struct arena arena;
	struct buf body;
	char *uri;          /* raw request target, from the URI log callback */
	int too_big;
	int oom;            /* the body could not be stored */
	int started;
	int body_expected;  /* listed with the watchdog (this thread's view) */
	struct req *parked; /* waiting for the group committer, then its answer */
	struct MHD_Connection *mc;
	/* the body watchdog (under wd_lock): set while a body is awaited */
	int wd_on;
	int timed_out;      /* the watchdog answered 408: drop the request */
	int fd;
	void *tls;          /* gnutls_session_t under TLS, else NULL */
	int64_t deadline;   /* monotonic ms */
	struct conn *wd_prev, *wd_next;
};

/* ---- the body watchdog: 408 for a body that does not arrive ----
 *
 * libmicrohttpd calls the access handler only when body bytes arrive, and
 * on its own timeout it closes the connection without an answer. So the
 * connections awaiting a body are listed here with a deadline; a thread
 * answers 408 on the socket of each one past it and shuts the socket down
 * (MHD then sees the end of the stream and closes the connection). The
 * list is guarded by wd_lock; a connection leaves it when its body is
 * complete (before any answer is queued) and in completed(), which MHD
 * calls before it closes the socket — so the watchdog never writes to a
 * socket that is answered, closed, or reused. */
static pthread_mutex_t wd_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wd_cond = PTHREAD_COND_INITIALIZER;
static struct conn *wd_head;
static int wd_stop;

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Under wd_lock. */
static void wd_add(struct conn *cn)
{
	cn->wd_on = 1;
	cn->wd_prev = NULL;
	cn->wd_next = wd_head;
	if (wd_head)
		wd_head->wd_prev = cn;
	wd_head = cn;
}

/* Under wd_lock; a connection not listed is left alone. */
static void wd_remove(struct conn *cn)
{
	if (!cn->wd_on)
		return;
	if (cn->wd_prev)
		cn->wd_prev->wd_next = cn->wd_next;
	else
		wd_head = cn->wd_next;
	if (cn->wd_next)
		cn->wd_next->wd_prev = cn->wd_prev;
	cn->wd_on = 0;
	cn->wd_prev = cn->wd_next = NULL;
}

static void *uri_logger(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct conn *cn = ps_calloc(1, sizeof(*cn));

	(void)cls;
	(void)c;
	if (!cn)
		return NULL;
	arena_init(&cn->arena);
	/* a body may carry a password (login, password change, user create
	 * and reset): every body is wiped before its memory is freed */
	buf_init_secret(&cn->body, cfg->max_body);
	cn->uri = arena_strdup(&cn->arena, uri);
	return cn;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
		      enum MHD_RequestTerminationCode toe)
{
	struct conn *cn = *con_cls;

	(void)cls;
	(void)c;
	(void)toe;
	if (!cn)
		return;
	if (cn->parked) {
		/* answered by the committer, but the client went away before
		 * MHD called us again */
		struct req *r = cn->parked;

		json_decref(r->in);
		json_decref(r->out);
		json_mem_free(r->out_text);
		ps_free(r->raw);
	}
	pthread_mutex_lock(&wd_lock);
	wd_remove(cn);
	pthread_mutex_unlock(&wd_lock);
	buf_release(&cn->body);
	arena_release(&cn->arena);
	ps_free(cn);
	*con_cls = NULL;
}

#ifdef PS_TEST_HOOKS
/* Allocation-failure tests (tests/api/api_alloc_fail.c): a request with
 * "X-Test-Fail-Alloc: N" makes the N-th allocation of the server from its
 * first call on fail (core/mem.h); its answer tells in "X-Test-Alloc-
 * Failed" how many did (0: the request needed fewer than N). The count is
 * global: one such request at a time. Release builds have no such header. */
static atomic_int alloc_armed;
static atomic_ulong alloc_base;

static void test_alloc_arm(struct MHD_Connection *c)
{
	const char *v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Test-Fail-Alloc");
	unsigned long n = v ? strtoul(v, NULL, 10) : 0;

	if (!n)
		return;
	atomic_store(&alloc_base, ps_mem_failures());
	atomic_store(&alloc_armed, 1);
	ps_mem_fail_at(n, 0);
}

static void test_alloc_report(struct MHD_Response *resp)
{
	char num[24];

	if (!atomic_exchange(&alloc_armed, 0))
		return;
	ps_mem_fail_at(0, 0);
	snprintf(num, sizeof(num), "%lu", ps_mem_failures() - atomic_load(&alloc_base));
	MHD_add_response_header(resp, "X-Test-Alloc-Failed", num);
}
#else
static void test_alloc_arm(struct MHD_Connection *c)
{
	(void)c;
}

static void test_alloc_report(struct MHD_Response *resp)
{
	(void)resp;
}
#endif

/* API-5: the headers of every answer — the MHD responses and the raw 408
 * of the body watchdog both read this table. HSTS is added under TLS (or
 * --secure-cookie behind a TLS proxy). */
static const struct {
	const char *name, *value;
} security_headers[] = {
	{ "X-Content-Type-Options", "nosniff" },
	{ "Content-Security-Policy",
	  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
	  " img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
	  " object-src 'none'; base-uri 'none'; form-action 'self';"
	  " frame-ancestors 'none'" },
	{ "Referrer-Policy", "no-referrer" },
	{ "X-Frame-Options", "DENY" },
	{ "Cross-Origin-Opener-Policy", "same-origin" },
};
#define HSTS_VALUE "max-age=31536000; includeSubDomains"

static void common_headers(struct MHD_Response *resp)
{
	test_alloc_report(resp);
	for (size_t i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
		MHD_add_response_header(resp, security_headers[i].name, security_headers[i].value);
	if (hsts)
		MHD_add_response_header(resp, "Strict-Transport-Security", HSTS_VALUE);
}

static enum MHD_Result send_json(struct MHD_Connection *c, struct req *r)
{
	struct MHD_Response *resp;
	char *body = NULL;
	size_t len = 0;
	enum MHD_Result ret;
	char num[32];

	if (r->out_text) {
		/* rendered before the commit (api/dispatch.c) */
		body = r->out_text;
		len = r->out_len;
		r->out_text = NULL;
	} else if (r->out) {
		body = json_render(r->out, JSON_COMPACT);
		if (body)
			len = strlen(body);
	}
	if (!body && r->status >= 200 && r->status <= 299 && r->status != 204) {
		/* the writes of the request are committed (the group committer
		 * answers after COMMIT): keep the status, say the details are
		 * missing — a 5xx would invite the client to do it again */
		static const char partial[] =
			"{\"notice\":{\"code\":\"ANSWER_INCOMPLETE\",\"message\":"
			"\"操作已完成，但服务器资源不足，未能返回详细结果，请刷新查看\"}}";
		resp = MHD_create_response_from_buffer(sizeof(partial) - 1, (void *)partial,
						       MHD_RESPMEM_PERSISTENT);
	} else if (!body && r->status != 204) {
		static const char oom[] =
			"{\"error\":{\"code\":\"OUT_OF_MEMORY\",\"message\":\"服务器资源不足，请稍后重试\"}}";
		if (r->status < 500)
			r->status = 503;
		resp = MHD_create_response_from_buffer(sizeof(oom) - 1, (void *)oom,
						       MHD_RESPMEM_PERSISTENT);
	} else {
		/* jansson's string: MHD hands it back to jansson's free */
		resp = MHD_create_response_from_buffer_with_free_callback(len, body,
									  json_mem_free);
	}
	if (!resp) {
		json_mem_free(body);
		return MHD_NO;
	}
	common_headers(resp);
	MHD_add_response_header(resp, "Content-Type", "application/json; charset=utf-8");
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	MHD_add_response_header(resp, "X-Request-Id", r->request_id);
	if (r->set_cookie)
		MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
	if (r->retry_after) {
		snprintf(num, sizeof(num), "%d", r->retry_after);
		MHD_add_response_header(resp, "Retry-After", num);
	}
	ret = MHD_queue_response(c, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *c, int rc, const char *code,
				  const char *msg)
{
	struct req r;

	memset(&r, 0, sizeof(r));
	snprintf(r.request_id, sizeof(r.request_id), "-");
	r.status = ps_rc_http_status(rc);
	r.out = json_pack("{s:{s:s, s:s}}", "error", "code", code, "message", msg);
	if (rc == PS_ERATE)
		r.retry_after = 60;
	{
		enum MHD_Result ret = send_json(c, &r);

		json_decref(r.out);
		return ret;
	}
}

/* An error answer written straight on the connection's socket (or through
 * its TLS session) instead of queued with MHD, for the edge cases where MHD
 * cannot answer: the 408 of the watchdog (MHD is waiting for body bytes and
 * never calls us) and 414/431 (a header block that fills MHD's memory pool
 * leaves no room to build an answer there). MHD writes nothing to the
 * connection at these points; the caller closes it afterwards. A full
 * send buffer or a lost allocation loses the answer, not the close. */
static void raw_answer(int fd, void *tls, int rc, const char *msg)
{
	const char *code = ps_rc_code(rc);
	struct buf b;
	int err;

	buf_init(&b, 4096);
	err = buf_addf(&b, "HTTP/1.1 %d %s\r\nConnection: close\r\n"
		       "Content-Type: application/json; charset=utf-8\r\n"
		       "Cache-Control: no-store\r\nX-Request-Id: -\r\n",
		       ps_rc_http_status(rc),
		       rc == PS_ETIMEOUT ? "Request Timeout"
		       : rc == PS_ETOOLONG ? "URI Too Long"
					   : "Request Header Fields Too Large");
	for (size_t i = 0; !err && i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
		err = buf_addf(&b, "%s: %s\r\n", security_headers[i].name, security_headers[i].value);
	if (!err && hsts)
		err = buf_addf(&b, "Strict-Transport-Security: %s\r\n", HSTS_VALUE);
	/* code and msg are our own constants: nothing to escape */
	if (!err)
		err = buf_addf(&b, "Content-Length: %zu\r\n\r\n{\"error\":{\"code\":\"%s\",\"message\":\"%s\"}}",
			       strlen("{\"error\":{\"code\":\"\",\"message\":\"\"}}") + strlen(code) +
				       strlen(msg),
			       code, msg);
	if (!err) {
		if (tls)
			(void)gnutls_record_send((gnutls_session_t)tls, b.p, b.len);
		else
			(void)send(fd, b.p, b.len, MSG_NOSIGNAL | MSG_DONTWAIT);
	}
	buf_release(&b);
}

/* The socket and TLS session of c; -1 when MHD does not say. */
static int conn_socket(struct MHD_Connection *c, void **tls)
{
	const union MHD_ConnectionInfo *fd =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
	const union MHD_ConnectionInfo *t =
		cfg->tls_cert ? MHD_get_connection_info(c, MHD_CONNECTION_INFO_GNUTLS_SESSION)
			      : NULL;

	*tls = t ? t->tls_session : NULL;
	return fd ? fd->connect_fd : -1;
}

/* Answer rc on the socket and drop the connection (MHD closes it when the
 * access handler returns MHD_NO). */
static enum MHD_Result refuse_raw(struct MHD_Connection *c, int rc, const char *msg)
{
	void *tls;
	int fd = conn_socket(c, &tls);

	if (fd >= 0) {
		raw_answer(fd, tls, rc, msg);
		shutdown(fd, SHUT_WR);
	}
	return MHD_NO;
}

static void *watchdog_main(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&wd_lock);
	while (!wd_stop) {
		int64_t now = mono_ms(), next = now + 1000;
		struct timespec until;
		struct conn *cn = wd_head, *nx;

		for (; cn; cn = nx) {
			nx = cn->wd_next;
			if (cn->deadline <= now) {
				wd_remove(cn);
				cn->timed_out = 1;
				log_info("body not received within %d ms: 408", BODY_TIMEOUT_MS);
				raw_answer(cn->fd, cn->tls, PS_ETIMEOUT, ps_rc_message(PS_ETIMEOUT));
				shutdown(cn->fd, SHUT_RDWR);
			} else if (cn->deadline < next) {
				next = cn->deadline;
			}
		}
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += (next - now) / 1000;
		until.tv_nsec += ((next - now) % 1000) * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&wd_cond, &wd_lock, &until);
	}
	pthread_mutex_unlock(&wd_lock);
	return NULL;
}

/* List cn for the watchdog: its body is due within BODY_TIMEOUT_MS. */
static void wd_watch(struct MHD_Connection *c, struct conn *cn)
{
	cn->fd = conn_socket(c, &cn->tls);
	if (cn->fd < 0)
		return;
	cn->deadline = mono_ms() + BODY_TIMEOUT_MS;
	cn->body_expected = 1;
	pthread_mutex_lock(&wd_lock);
	wd_add(cn);
	pthread_mutex_unlock(&wd_lock);
}

/* 1 when the watchdog already answered 408 for cn (its request is
 * dropped); with done, cn also leaves the list (its body is complete). */
static int wd_expired(struct conn *cn, int done)
{
	int expired;

	if (!cn->body_expected)
		return 0;
	pthread_mutex_lock(&wd_lock);
	expired = cn->timed_out;
	if (done)
		wd_remove(cn);
	pthread_mutex_unlock(&wd_lock);
	if (done)
		cn->body_expected = 0;
	return expired;
}

/* 1 for a method as HTTP spells the ones we serve: upper-case letters. */
static int method_token(const char *m)
{
	if (!*m)
		return 0;
	for (; *m; m++)
		if (*m < 'A' || *m > 'Z')
			return 0;
	return 1;
}

struct header_size {
	size_t total;
};

static enum MHD_Result add_header_size(void *cls, enum MHD_ValueKind kind, const char *key,
				       const char *value)
{
	struct header_size *hs = cls;

	(void)kind;
	hs->total += strlen(key) + (value ? strlen(value) : 0) + 4; /* ": " CRLF */
	return MHD_YES;
}

/* The request line and header block as they came (give or take the
 * spaces around the values), in bytes. */
static size_t header_block_size(struct MHD_Connection *c, const char *method,
				const char *uri, const char *version)
{
	struct header_size hs = { 0 };

	MHD_get_connection_values(c, MHD_HEADER_KIND, add_header_size, &hs);
	return strlen(method) + strlen(uri) + strlen(version) + 4 + hs.total + 2;
}

/* With --trust-proxy: the last address of X-Forwarded-For — the one the
 * proxy in front wrote (nginx: proxy_set_header X-Forwarded-For
 * $remote_addr) — when it is an IP address; else NULL. Only sound when
 * nothing but that proxy can reach the server (README "TLS"). */
static const char *forwarded_ip(struct MHD_Connection *c, struct arena *a)
{
	const char *xff = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For");
	const char *last;
	unsigned char bin[16];
	char ip[INET6_ADDRSTRLEN];
	size_t n;

	if (!xff)
		return NULL;
	last = strrchr(xff, ',');
	last = last ? last + 1 : xff;
	while (*last == ' ' || *last == '\t')
		last++;
	n = strcspn(last, " \t");
	if (n == 0 || n >= sizeof(ip) || last[n + strspn(last + n, " \t")] != '\0')
		return NULL;
	memcpy(ip, last, n);
	ip[n] = '\0';
	if (inet_pton(AF_INET, ip, bin) != 1 && inet_pton(AF_INET6, ip, bin) != 1)
		return NULL;
	return arena_strdup(a, ip);
}

static const char *client_ip(struct MHD_Connection *c, struct arena *a)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char ip[INET6_ADDRSTRLEN];
	const struct sockaddr *sa;

	if (cfg->trust_proxy) {
		const char *fwd = forwarded_ip(c, a);

		if (fwd)
			return fwd;
	}
	if (!ci || !ci->client_addr)
		return "?";
	sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
			  ip, sizeof(ip));
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
			  ip, sizeof(ip));
	else
		return "?";
	return arena_strdup(a, ip);
}

/* The committer is done with a parked request: let MHD call us again. */
static void unpark(void *arg)
{
	struct conn *cn = arg;

	MHD_resume_connection(cn->mc);
}

static enum MHD_Result send_api(struct MHD_Connection *c, struct conn *cn, struct req *r)
{
	enum MHD_Result ret;

	if (r->raw && r->status == 200) {
		struct MHD_Response *resp = MHD_create_response_from_buffer_with_free_callback(
			r->raw_len, r->raw, ps_free);

		if (!resp) {
			ps_free(r->raw);
			json_decref(r->out);
			json_mem_free(r->out_text);
			return MHD_NO;
		}
		common_headers(resp);
		MHD_add_response_header(resp, "Content-Type", r->raw_type);
		MHD_add_response_header(resp, "Cache-Control", "no-store");
		MHD_add_response_header(resp, "X-Request-Id", r->request_id);
		if (r->raw_name)
			MHD_add_response_header(resp, "Content-Disposition",
						arena_printf(&cn->arena, "attachment; filename=\"%s\"",
							     r->raw_name));
		ret = MHD_queue_response(c, 200, resp);
		MHD_destroy_response(resp);
		json_decref(r->out);
		json_mem_free(r->out_text);
		return ret;
	}
	ps_free(r->raw);
	ret = send_json(c, r);
	json_decref(r->out);
	return ret;
}

static enum MHD_Result handle_api(struct MHD_Connection *c, struct conn *cn,
				  const char *method, const char *path,
				  const char *query, size_t qlen)
{
	struct req *r = arena_alloc(&cn->arena, sizeof(*r));
	char tok[CRYPTO_TOKEN_HEX];

	if (!r)
		return send_error(c, PS_ENOMEM, "OUT_OF_MEMORY", "服务器资源不足，请稍后重试");
	memset(r, 0, sizeof(*r));
	r->arena = &cn->arena;
	r->method = method;
	r->path = path;
	if (http_parse_query(&cn->arena, query, qlen, r->query, API_MAX_QUERY, &r->nquery))
		return send_error(c, PS_EINVAL, "BAD_QUERY", "查询参数编码不正确");
	r->db = worker_db();
	if (!r->db)
		return send_error(c, PS_EIO, "STORAGE_ERROR", "数据库不可用");
	r->content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
	r->csrf_header = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CSRF-Token");
	r->origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
	r->host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
	r->session_token = http_cookie_value(
		&cn->arena, MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Cookie"),
		api_cookie_name());
	r->body = cn->body.p;
	r->body_len = cn->body.len;
	r->client_ip = client_ip(c, &cn->arena);
	crypto_token(tok);
	memcpy(r->request_id, tok, 16);
	r->request_id[16] = '\0';
	if (api_handle(r) == API_WAIT) {
		/* park the connection (this thread serves others meanwhile)
		 * before the committer can call unpark */
		cn->parked = r;
		cn->mc = c;
		MHD_suspend_connection(c);
		api_submit(r, unpark, cn);
		return MHD_YES;
	}
	return send_api(c, cn, r);
}

static enum MHD_Result access_handler(void *cls, struct MHD_Connection *c,
				      const char *url, const char *method,
				      const char *version, const char *upload_data,
				      size_t *upload_data_size, void **con_cls)
{
	struct conn *cn = *con_cls;
	const char *q, *raw;
	char *path;
	size_t plen;

	(void)cls;
	(void)url;
	if (!cn)
		return MHD_NO; /* out of memory in the URI callback */
	if (cn->parked) {
		/* called again after unpark: the committer has answered */
		struct req *r = cn->parked;

		cn->parked = NULL;
		api_finish(r);
		return send_api(c, cn, r);
	}
	if (!cn->started) {
		/* the first call only sets up: queueing here loses keep-alive */
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							     "Content-Length");
		const char *te = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							     "Transfer-Encoding");

		cn->started = 1;
		test_alloc_arm(c);
		/* the edge limits, answered before any body is read (the
		 * connection is closed after such an answer) */
		if (!method_token(method))
			return send_error(c, PS_EINVAL, "BAD_REQUEST_LINE", "请求行格式不正确");
		if (strlen(cn->uri ? cn->uri : "") > URI_LIMIT)
			return refuse_raw(c, PS_ETOOLONG, "请求地址超过 8 KiB");
		if (header_block_size(c, method, cn->uri ? cn->uri : "", version) > HEADER_LIMIT)
			return refuse_raw(c, PS_EHEADERS, "请求头超过 16 KiB");
		if (cl && strtoull(cl, NULL, 10) > cfg->max_body)
			return send_error(c, PS_ETOOBIG, "BODY_TOO_LARGE", "请求内容超过 1 MiB");
		if ((cl && strtoull(cl, NULL, 10) > 0) || te)
			wd_watch(c, cn);
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (wd_expired(cn, 0)) {
			*upload_data_size = 0;
			return MHD_NO; /* answered 408 already */
		}
		if (!cn->too_big && !cn->oom) {
			int rc = buf_add(&cn->body, upload_data, *upload_data_size);

			if (rc == PS_ENOMEM)
				cn->oom = 1;
			else if (rc)
				cn->too_big = 1;
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (wd_expired(cn, 1))
		return MHD_NO; /* answered 408 already */
	if (cn->too_big)
		return send_error(c, PS_ETOOBIG, "BODY_TOO_LARGE", "请求内容超过 1 MiB");
	if (cn->oom)
		return send_error(c, PS_ENOMEM, "OUT_OF_MEMORY", "服务器资源不足，请稍后重试");

	raw = cn->uri ? cn->uri : "/";
	q = strchr(raw, '?');
	plen = q ? (size_t)(q - raw) : strlen(raw);
	path = http_url_decode(&cn->arena, raw, plen, 0);
	if (!path || !http_path_safe(path))
		return send_error(c, PS_EINVAL, "BAD_PATH", "请求地址不正确");
	if (strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0)
		return handle_api(c, cn, method, path, q ? q + 1 : "",
				  q ? strlen(q + 1) : 0);
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return send_error(c, PS_EMETHOD, "METHOD_NOT_ALLOWED", "不支持该请求方法");
	return static_serve(c, cfg->web_dir, path, common_headers);
}

/* Background work yields the cores to requests (Linux: per-thread nice). */
static void run_in_background(void)
{
	setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10);
}

/* ---- the breach sweep: BREACH transitions recorded at most ~30 s late ---- */

static pthread_mutex_t sweep_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sweep_cond = PTHREAD_COND_INITIALIZER;
static int sweep_stop;

static void *sweep_main(void *arg)
{
	struct db *db = NULL;
	struct ps_err e;
	int recorded;

	(void)arg;
	run_in_background();
	ps_err_clear(&e);
	if (db_open(cfg->db_path, &db, &e)) {
		log_error("breach sweep: cannot open database: %s", e.msg);
		return NULL;
	}
	pthread_mutex_lock(&sweep_lock);
	for (int pass = 0; !sweep_stop; pass++) {
		struct timespec until;

		pthread_mutex_unlock(&sweep_lock);
		api_sweep_once(db, &recorded);
		if (pass == 0)
			log_info("breach sweep: first pass done");
		pthread_mutex_lock(&sweep_lock);
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += 30;
		while (!sweep_stop &&
		       pthread_cond_timedwait(&sweep_cond, &sweep_lock, &until) == 0)
			;
	}
	pthread_mutex_unlock(&sweep_lock);
	db_close(db);
	return NULL;
}

/* ---- checkpoints: the WAL copied into the database off the commit path ---- */

static void *checkpoint_main(void *arg)
{
	struct db *db = NULL;
	struct ps_err e;

	(void)arg;
	run_in_background();
	ps_err_clear(&e);
	if (db_open(cfg->db_path, &db, &e)) {
		log_error("checkpoints: cannot open database: %s", e.msg);
		return NULL;
	}
	pthread_mutex_lock(&sweep_lock);
	while (!sweep_stop) {
		struct timespec until;

		pthread_mutex_unlock(&sweep_lock);
		if (db_checkpoint(db, NULL, &e))
			log_warn("checkpoint failed: %s", e.msg);
		pthread_mutex_lock(&sweep_lock);
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += 250 * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		while (!sweep_stop &&
		       pthread_cond_timedwait(&sweep_cond, &sweep_lock, &until) == 0)
			;
	}
	pthread_mutex_unlock(&sweep_lock);
	db_close(db); /* the last connection out checkpoints what is left */
	return NULL;
}

/* ---- start and stop ---- */

/* Stop the sweep (when sweeper is not NULL) and the checkpoint thread. */
static void stop_background(pthread_t *sweeper, pthread_t *checkpointer)
{
	pthread_mutex_lock(&sweep_lock);
	sweep_stop = 1;
	pthread_cond_broadcast(&sweep_cond);
	pthread_mutex_unlock(&sweep_lock);
	if (sweeper)
		pthread_join(*sweeper, NULL);
	if (checkpointer_running)
		pthread_join(*checkpointer, NULL);
	checkpointer_running = 0;
}

static int parse_listen(const char *listen, struct sockaddr_in *sa, struct ps_err *err)
{
	char host[64];
	const char *colon = strrchr(listen, ':');
	char *end;
	long port;

	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	if (!colon || (size_t)(colon - listen) >= sizeof(host))
		return ps_fail(err, PS_EINVAL, "BAD_LISTEN", NULL,
			       "--listen 应为 主机:端口，例如 127.0.0.1:8080");
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = '\0';
	port = strtol(colon + 1, &end, 10);
	if (*end || port < 0 || port > 65535 ||
	    inet_pton(AF_INET, host[0] ? host : "0.0.0.0", &sa->sin_addr) != 1)
		return ps_fail(err, PS_EINVAL, "BAD_LISTEN", NULL,
			       "--listen 地址不正确：%s", listen);
	sa->sin_port = htons((uint16_t)port);
	return PS_OK;
}

/* Read a PEM file (at most 1 MiB) into b as a C string. */
static int read_pem(const char *path, struct buf *b, const char *what, struct ps_err *err)
{
	char chunk[4096];
	FILE *f = fopen(path, "rb");
	size_t n;
	int rc = PS_OK;

	if (!f)
		return ps_fail(err, PS_EINVAL, "TLS_FILE", NULL, "无法读取 TLS %s文件 %s：%s", what,
			       path, strerror(errno));
	while (!rc && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		rc = buf_add(b, chunk, n);
	ps_memzero(chunk, sizeof(chunk));
	if (!rc && ferror(f))
		rc = PS_EIO;
	fclose(f);
	if (!rc && !strstr(buf_str(b), "-----BEGIN "))
		rc = PS_EINVAL;
	if (rc) {
		buf_release(b);
		return ps_fail(err, PS_EINVAL, "TLS_FILE", NULL, "TLS %s文件 %s 不是 PEM 格式或过大",
			       what, path);
	}
	return PS_OK;
}

int server_run(const struct server_config *config, struct ps_err *err)
{
	struct sockaddr_in sa;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *di;
	sigset_t set;
	pthread_t sweeper, checkpointer;
	struct db *commit_db = NULL;
	int sig, rc, have_sweeper, have_watchdog;
	char host[INET_ADDRSTRLEN];
	/* TLS: the certificate and key in memory for MHD (GnuTLS) */
	struct buf cert, key;
	struct MHD_OptionItem tls_opts[] = {
		{ MHD_OPTION_HTTPS_MEM_CERT, 0, NULL },
		{ MHD_OPTION_HTTPS_MEM_KEY, 0, NULL },
		{ MHD_OPTION_HTTPS_PRIORITIES, 0,
		  (void *)"NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2" },
		{ MHD_OPTION_END, 0, NULL },
	};
	int tls = config->tls_cert && config->tls_key;
	pthread_t watchdog;

	cfg = config;
	hsts = cfg->secure_cookie || tls;
	api_config.secure_cookie = hsts;
	rc = parse_listen(cfg->listen, &sa, err);
	if (rc)
		return rc;
	buf_init(&cert, 1 << 20);
	buf_init_secret(&key, 1 << 20);
	if (tls) {
		if (!MHD_is_feature_supported(MHD_FEATURE_TLS))
			return ps_fail(err, PS_EINVAL, "TLS_UNSUPPORTED", NULL,
				       "此 libmicrohttpd 不支持 TLS");
		rc = read_pem(cfg->tls_cert, &cert, "证书", err);
		if (!rc)
			rc = read_pem(cfg->tls_key, &key, "私钥", err);
		if (rc) {
			buf_release(&cert);
			return rc;
		}
		tls_opts[0].ptr_value = (void *)buf_str(&cert);
		tls_opts[1].ptr_value = (void *)buf_str(&key);
	} else {
		tls_opts[0].option = MHD_OPTION_END;
	}
	/* block the stop signals in every thread; main waits for them */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	sweep_stop = 0;
	checkpointer_running = pthread_create(&checkpointer, NULL, checkpoint_main, NULL) == 0;
	if (!checkpointer_running)
		log_warn("checkpoint thread not started; commits checkpoint the WAL themselves");
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC |
				     MHD_ALLOW_SUSPEND_RESUME |
				     MHD_USE_ERROR_LOG | (tls ? MHD_USE_TLS : 0),
			     0, NULL, NULL, &access_handler, NULL,
			     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
			     MHD_OPTION_THREAD_POOL_SIZE, cfg->threads ? cfg->threads : 2,
			     MHD_OPTION_URI_LOG_CALLBACK, &uri_logger, NULL,
			     MHD_OPTION_NOTIFY_COMPLETED, &completed, NULL,
			     MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)POOL_SIZE,
			     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_TIMEOUT_S,
			     MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
			     MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
			     MHD_OPTION_ARRAY, tls_opts,
			     MHD_OPTION_END);
	/* GnuTLS holds its own copy of the key now */
	buf_release(&key);
	buf_release(&cert);
	if (!d) {
		stop_background(NULL, &checkpointer);
		if (tls)
			return ps_fail(err, PS_EIO, "LISTEN_FAILED", NULL,
				       "无法在 %s 上启动 HTTPS（端口被占用，或证书与私钥不匹配？）",
				       cfg->listen);
		return ps_fail(err, PS_EIO, "LISTEN_FAILED", NULL,
			       "无法在 %s 上监听（端口被占用？）", cfg->listen);
	}
	wd_stop = 0;
	have_watchdog = pthread_create(&watchdog, NULL, watchdog_main, NULL) == 0;
	if (!have_watchdog)
		log_warn("body watchdog not started; a stalled body waits for the %d s timeout",
			 IDLE_TIMEOUT_S);
	di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	inet_ntop(AF_INET, &sa.sin_addr, host, sizeof(host));
	printf("listening on %s://%s:%u\n", tls ? "https" : "http", host,
	       di ? (unsigned)di->port : 0u);
	fflush(stdout);
	log_info("precinct %s serving %s (db %s, web %s)", PRECINCT_VERSION, cfg->listen,
		 cfg->db_path, cfg->web_dir ? cfg->web_dir : "-");
	if (db_open(cfg->db_path, &commit_db, err) == PS_OK && db_use_as_writer(commit_db, err) == PS_OK &&
	    (!checkpointer_running || db_checkpoint_elsewhere(commit_db, err) == PS_OK) &&
	    api_committer_start(commit_db) == PS_OK)
		log_info("group commit on");
	if (pthread_create(&sweeper, NULL, sweep_main, NULL) != 0) {
		log_warn("breach sweep thread not started; breaches are recorded when measures end");
		have_sweeper = 0;
	} else {
		have_sweeper = 1;
	}

	do {
		if (sigwait(&set, &sig) != 0)
			sig = SIGTERM;
	} while (sig != SIGINT && sig != SIGTERM);
	log_info("signal %d: stopping; in-flight requests finish", sig);
	/* DUR-2: stop accepting, let the open connections finish their
	 * requests (at most 10 s), then stop */
	MHD_quiesce_daemon(d);
	/* a parked request is always answered: first wait for the batches
	 * being written (at most 60 s), then give the connections 10 s */
	for (int i = 0; i < 6000 && api_committer_pending() > 0; i++)
		usleep(10000);
	for (int i = 0; i < 1000; i++) {
		const union MHD_DaemonInfo *ci =
			MHD_get_daemon_info(d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);

		if (!ci || ci->num_connections == 0)
			break;
		usleep(10000);
	}
	MHD_stop_daemon(d);
	if (have_watchdog) {
		pthread_mutex_lock(&wd_lock);
		wd_stop = 1;
		pthread_cond_broadcast(&wd_cond);
		pthread_mutex_unlock(&wd_lock);
		pthread_join(watchdog, NULL);
	}
	/* the sweep writes through the committer: stop it first */
	stop_background(have_sweeper ? &sweeper : NULL, &checkpointer);
	api_committer_stop();
	db_close(commit_db);
	pthread_mutex_lock(&dbs_lock);
	for (int i = 0; i < ndbs; i++)
		db_close(dbs[i]);
	ndbs = 0;
	pthread_mutex_unlock(&dbs_lock);
	log_info("stopped cleanly");
	return PS_OK;
}
