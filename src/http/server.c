#include "http/server.h"
#include "http/background.h"
#include "http/edge.h"
#include "http/parse.h"
#include "http/peers.h"
#include "http/replies.h"
#include "http/static.h"
#include "api/api.h"
#include "store/db.h"
#include "core/clock.h"
#include "core/buf.h"
#include "core/crypto.h"
#include "core/json.h"
#include "core/log.h"
#include "core/mem.h"

#include <arpa/inet.h>
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

static const struct server_config *cfg;

/* ---- one database connection per worker thread ---- */

static pthread_mutex_t dbs_lock = PTHREAD_MUTEX_INITIALIZER;
static struct db *dbs[64];
static int ndbs;
static _Thread_local struct db *thread_db;

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
	if (background_checkpointer_running())
		db_checkpoint_elsewhere(thread_db, &e);
	pthread_mutex_lock(&dbs_lock);
	if (ndbs < (int)(sizeof(dbs) / sizeof(dbs[0])))
		dbs[ndbs++] = thread_db;
	pthread_mutex_unlock(&dbs_lock);
	return thread_db;
}

unsigned server_db_connections(const struct server_config *c)
{
	return (c->threads ? c->threads : 2) + 2 + !db_is_url(c->db_path);
}

/* ---- connections, for a clean stop (DUR-2) ----
 * On SIGTERM the server stops accepting, refuses the requests that begin
 * afterwards (503, Connection: close, nothing written), answers the ones in
 * flight with Connection: close, and closes idle keep-alive connections at
 * once. Whether a connection is idle is told by its sock's busy flag: set
 * when a request line arrives (uri_logger), cleared when its answer was
 * sent (completed). The request thread sets busy and then reads stopping;
 * the stop sets stopping and then reads busy (both sequentially consistent),
 * so either the request sees the stop and is refused, or the stop sees the
 * request and lets it finish: a connection is never closed under a request
 * that may write. */
struct sock {
	struct sock *prev, *next;
	MHD_socket fd;
	atomic_int busy;
	int linked; /* in the socks list (under socks_lock) */
	int shut;   /* closed by the stop (under socks_lock) */
};

static pthread_mutex_t socks_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sock *socks;
static atomic_int stopping;    /* SIGTERM received */
static atomic_int closing;     /* last phase: no API request starts running */
static atomic_int running_api; /* API requests from api_handle to their answer's end */

static void notify_connection(void *cls, struct MHD_Connection *c, void **socket_context,
			      enum MHD_ConnectionNotificationCode code)
{
	struct sock *s;

	(void)cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci =
			MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);

		s = ps_calloc(1, sizeof(*s));
		*socket_context = s;
		if (!s || !ci)
			return; /* untracked: closed by MHD_stop_daemon at the end */
		s->fd = ci->connect_fd;
		pthread_mutex_lock(&socks_lock);
		s->linked = 1;
		s->next = socks;
		if (socks)
			socks->prev = s;
		socks = s;
		pthread_mutex_unlock(&socks_lock);
		return;
	}
	s = *socket_context;
	if (!s)
		return;
	/* MHD closes the socket after this call: unlinked first, so the stop
	 * never shuts a descriptor number that was reused */
	pthread_mutex_lock(&socks_lock);
	if (s->linked) {
		if (s->prev)
			s->prev->next = s->next;
		else if (socks == s)
			socks = s->next;
		if (s->next)
			s->next->prev = s->prev;
	}
	pthread_mutex_unlock(&socks_lock);
	ps_free(s);
	*socket_context = NULL;
}

static struct sock *conn_sock(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci ? ci->socket_context : NULL;
}

/* The stop: close every connection that has no request in flight. */
static void close_idle_connections(void)
{
	pthread_mutex_lock(&socks_lock);
	for (struct sock *s = socks; s; s = s->next) {
		if (s->shut || atomic_load(&s->busy))
			continue;
		s->shut = 1;
		shutdown(s->fd, SHUT_RDWR);
	}
	pthread_mutex_unlock(&socks_lock);
}

/* ---- per-request state ---- */

struct conn {
	struct arena arena;
	struct buf body;
	char *uri;          /* raw request target, from the URI log callback */
	int too_big;
	int oom;            /* the body could not be stored */
	int started;
	struct req *parked; /* waiting for the group committer, then its answer */
	struct MHD_Connection *mc;
	int refuse;         /* began after SIGTERM: answered 503, nothing run */
	int counted;        /* counted in running_api */
	struct edge_watch watch; /* while its body is awaited (http/edge.h) */
};

static void *uri_logger(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct sock *s = conn_sock(c);
	struct conn *cn;

	(void)cls;
	if (s)
		atomic_store(&s->busy, 1);
	cn = ps_calloc(1, sizeof(*cn));
	if (!cn)
		return NULL;
	cn->refuse = atomic_load(&stopping);
	arena_init(&cn->arena);
	/* a body may carry a password (login, password change, user create
	 * and reset): every body is wiped before its memory is freed */
	buf_init_secret(&cn->body, cfg->max_body);
	cn->uri = arena_strdup(&cn->arena, uri);
	/* the headers are due within the request timeout of the request
	 * line (a client dribbling headers gets 408, not a held connection) */
	edge_watch(&cn->watch, c);
	return cn;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
		      enum MHD_RequestTerminationCode toe)
{
	struct conn *cn = *con_cls;
	struct sock *s = conn_sock(c);

	(void)cls;
	(void)toe;
	if (s)
		atomic_store(&s->busy, 0);
	if (!cn)
		return;
	if (cn->counted)
		atomic_fetch_sub(&running_api, 1);
	if (cn->parked) {
		/* answered by the committer, but the client went away before
		 * MHD called us again */
		struct req *r = cn->parked;

		json_decref(r->in);
		json_decref(r->out);
		json_mem_free(r->out_text);
		ps_free(r->raw);
	}
	edge_watch_forget(&cn->watch);
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

/* Every answer of a test build tells how many argon2id password checks the
 * server has run so far: tests/api/api_auth.c counts one per login, whatever
 * its outcome (AUTH-2), without timing it. */
static void test_checks_report(struct MHD_Response *resp)
{
	char num[24];

	snprintf(num, sizeof(num), "%ld", crypto_password_checks());
	MHD_add_response_header(resp, "X-Test-Password-Checks", num);
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

static void test_checks_report(struct MHD_Response *resp)
{
	(void)resp;
}
#endif

static void common_headers(struct MHD_Response *resp)
{
	test_alloc_report(resp);
	test_checks_report(resp);
	edge_headers(resp);
	/* stopping: this answer is the connection's last */
	if (atomic_load(&stopping))
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
}

/* A web file answers GET and HEAD only (RFC 9110 §15.5.6: a 405 says which) */
static void static_405_headers(struct MHD_Response *resp)
{
	common_headers(resp);
	MHD_add_response_header(resp, "Allow", "GET, HEAD");
}

/* The committer is done with a parked request: let MHD call us again. */
static void unpark(void *arg)
{
	struct conn *cn = arg;

	MHD_resume_connection(cn->mc);
}

static enum MHD_Result handle_api(struct MHD_Connection *c, struct conn *cn,
				  const char *method, const char *path,
				  const char *query, size_t qlen)
{
	struct req *r = arena_alloc(&cn->arena, sizeof(*r));
	char tok[CRYPTO_TOKEN_HEX];

	if (!r)
		return replies_error(c, PS_ENOMEM, "OUT_OF_MEMORY", "服务器资源不足，请稍后重试", common_headers);
	/* counted before the check, as the stop sets closing before it waits
	 * for the count: a request either sees closing or is waited for */
	cn->counted = 1;
	atomic_fetch_add(&running_api, 1);
	if (atomic_load(&closing))
		return replies_error(c, PS_EBUSY, "SHUTTING_DOWN", "服务正在停止，请稍后重试", common_headers);
	memset(r, 0, sizeof(*r));
	r->arena = &cn->arena;
	r->method = method;
	r->path = path;
	if (http_parse_query(&cn->arena, query, qlen, r->query, API_MAX_QUERY, &r->nquery))
		return replies_error(c, PS_EINVAL, "BAD_QUERY", "查询参数编码不正确", common_headers);
	r->db = worker_db();
	if (!r->db) /* the database is down (a restart, a failover): nothing ran */
		return replies_error(c, PS_EUNAVAIL, "STORE_UNAVAILABLE", ps_rc_message(PS_EUNAVAIL),
				     common_headers);
	r->content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
	r->csrf_header = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CSRF-Token");
	r->origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
	r->host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
	r->session_token = http_cookie_value(
		&cn->arena, MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Cookie"),
		api_cookie_name());
	r->body = cn->body.p;
	r->body_len = cn->body.len;
	r->client_ip = peers_client_ip(c, &cn->arena, cfg->trust_proxy);
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
	return replies_api(c, &cn->arena, r, common_headers);
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
		return replies_api(c, &cn->arena, r, common_headers);
	}
	if (!cn->started) {
		/* the first call only sets up: queueing here loses keep-alive */
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							     "Content-Length");
		const char *te = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							     "Transfer-Encoding");

		cn->started = 1;
		if (edge_watch_expired(&cn->watch, 1))
			return MHD_NO; /* the headers came too late: answered 408 */
		test_alloc_arm(c);
		/* the edge limits, answered before any body is read (the
		 * connection is closed after such an answer) */
		if (!edge_method_ok(method))
			return replies_error(c, PS_EINVAL, "BAD_REQUEST_LINE", "请求行格式不正确", common_headers);
		if (strlen(cn->uri ? cn->uri : "") > EDGE_URI_LIMIT)
			return edge_refuse(c, PS_ETOOLONG, "请求地址超过 8 KiB");
		if (edge_header_block_size(c, method, cn->uri ? cn->uri : "", version) >
		    EDGE_HEADER_LIMIT)
			return edge_refuse(c, PS_EHEADERS, "请求头超过 16 KiB");
		{
			/* an upload route (evidence attachments) has its own ceiling */
			size_t limit = api_body_limit(method, cn->uri ? cn->uri : "", cfg->max_body);

			if (cl && strtoull(cl, NULL, 10) > limit)
				return replies_error(c, PS_ETOOBIG, "BODY_TOO_LARGE",
						     limit > cfg->max_body ? "上传内容超过上限" : "请求内容超过 1 MiB",
						     common_headers);
			if (limit > cfg->max_body) {
				buf_release(&cn->body);
				buf_init(&cn->body, limit);
			}
		}
		if ((cl && strtoull(cl, NULL, 10) > 0) || te)
			edge_watch(&cn->watch, c);
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (edge_watch_expired(&cn->watch, 0)) {
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
	if (cn->refuse)
		return replies_error(c, PS_EBUSY, "SHUTTING_DOWN", "服务正在停止，请稍后重试", common_headers);
	if (edge_watch_expired(&cn->watch, 1))
		return MHD_NO; /* answered 408 already */
	if (cn->too_big) /* a chunked body past its route's ceiling */
		return replies_error(c, PS_ETOOBIG, "BODY_TOO_LARGE",
				     cn->body.max > cfg->max_body ? "上传内容超过上限" : "请求内容超过 1 MiB",
				     common_headers);
	if (cn->oom)
		return replies_error(c, PS_ENOMEM, "OUT_OF_MEMORY", "服务器资源不足，请稍后重试", common_headers);

	raw = cn->uri ? cn->uri : "/";
	q = strchr(raw, '?');
	plen = q ? (size_t)(q - raw) : strlen(raw);
	path = http_url_decode(&cn->arena, raw, plen, 0);
	if (!path || !http_path_safe(path))
		return replies_error(c, PS_EINVAL, "BAD_PATH", "请求地址不正确", common_headers);
	if (strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0)
		return handle_api(c, cn, method, path, q ? q + 1 : "",
				  q ? strlen(q + 1) : 0);
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return replies_error(c, PS_EMETHOD, "METHOD_NOT_ALLOWED", "不支持该请求方法", static_405_headers);
	return static_serve(c, cfg->web_dir, path, common_headers);
}

/* ---- start and stop ---- */


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

static int64_t mono_ms(void)
{
	return ps_mono_ns() / 1000000;
}

/* DUR-2: stop accepting; refuse what begins now; close idle connections;
 * let the requests in flight finish and be answered (up to 3 s);
 * then let no request start and wait for the ones running to be answered
 * (a write that commits is answered), so that MHD_stop_daemon cuts only
 * requests that never ran. */
#define STOP_DRAIN_MS 3000
#define STOP_RUNNING_MAX_MS 60000

static MHD_socket stop_serving(struct MHD_Daemon *d)
{
	int64_t start = mono_ms();
	MHD_socket lsock;

	atomic_store(&stopping, 1);
	lsock = MHD_quiesce_daemon(d);
	/* New clients are refused at once, not queued: on Linux shutting down the
	 * read side of a listening socket takes it out of the listening state.
	 * It is closed only after MHD_stop_daemon, so that no worker can see its
	 * number reused while it still polls it. */
	if (lsock != MHD_INVALID_SOCKET)
		shutdown(lsock, SHUT_RD);
	while (mono_ms() - start < STOP_DRAIN_MS) {
		const union MHD_DaemonInfo *ci =
			MHD_get_daemon_info(d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);

		close_idle_connections();
		if (!ci || ci->num_connections == 0)
			break;
		usleep(5000);
	}
	atomic_store(&closing, 1);
	while (atomic_load(&running_api) > 0 || api_committer_pending() > 0) {
		if (mono_ms() - start > STOP_RUNNING_MAX_MS) {
			log_error("stop: %d requests still running after %d s; stopping anyway",
				  atomic_load(&running_api), STOP_RUNNING_MAX_MS / 1000);
			break;
		}
		usleep(2000);
	}
	log_info("stop: connections drained in %lld ms", (long long)(mono_ms() - start));
	return lsock;
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
	MHD_socket lsock;
	sigset_t set;
	struct db *commit_db = NULL;
	int sig, rc;
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

	cfg = config;
	edge_init(cfg->secure_cookie || tls, tls);
	api_config.secure_cookie = cfg->secure_cookie || tls;
	api_config.totp_key = cfg->totp_key;
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
	/* block the stop signals in every thread; main waits for them. SIGHUP
	 * (the terminal that ran it closed) stops it the same way: its default
	 * action ended the process at once, dropping the requests in flight */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	/* PostgreSQL checkpoints itself: no thread, no connection for it */
	if (!db_is_url(cfg->db_path) && !background_checkpointer_start(cfg->db_path))
		log_warn("checkpoint thread not started; commits checkpoint the WAL themselves");
	/* the group committer before the first request can arrive: a GET
	 * served without it writes its audit rows in its own read
	 * transaction, whose snapshot (on PostgreSQL) predates the write lock */
	{
		struct ps_err ce;

		ps_err_clear(&ce);
		if (db_open(cfg->db_path, &commit_db, &ce) == PS_OK && db_use_as_writer(commit_db, &ce) == PS_OK &&
		    (!background_checkpointer_running() || db_checkpoint_elsewhere(commit_db, &ce) == PS_OK) &&
		    api_committer_start(commit_db) == PS_OK) {
			log_info("group commit on");
		} else {
			log_error("group commit not started (%s): every write runs on its request's worker",
				  ce.msg[0] ? ce.msg : "thread not started");
			db_close(commit_db);
			commit_db = NULL;
		}
	}
	/* No MHD_OPTION_LISTENING_ADDRESS_REUSE: its 1 is SO_REUSEPORT, under
	 * which a second server started on the same address shares the port
	 * and answers some of the connections (from another database, maybe).
	 * Left unset, libmicrohttpd sets SO_REUSEADDR alone: a restart binds at
	 * once, a second server is refused (LISTEN_FAILED).
	 * poll(), not epoll: libmicrohttpd 0.9.75 (Debian 12) aborts the process in
	 * MHD_quiesce_daemon when a pool worker removes the listening socket from
	 * its epoll set first ("Failed to remove listen FD from epoll set"), a race
	 * seen once in CI at shutdown. poll() wakes each worker through its ITC. */
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ITC |
				     MHD_ALLOW_SUSPEND_RESUME |
				     MHD_USE_ERROR_LOG | (tls ? MHD_USE_TLS : 0),
			     0, NULL, NULL, &access_handler, NULL,
			     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
			     MHD_OPTION_THREAD_POOL_SIZE, cfg->threads ? cfg->threads : 2,
			     MHD_OPTION_URI_LOG_CALLBACK, &uri_logger, NULL,
			     MHD_OPTION_NOTIFY_COMPLETED, &completed, NULL,
			     MHD_OPTION_NOTIFY_CONNECTION, &notify_connection, NULL,
			     MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)EDGE_POOL_SIZE,
			     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)EDGE_IDLE_TIMEOUT_S,
			     MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
			     MHD_OPTION_ARRAY, tls_opts,
			     MHD_OPTION_END);
	/* GnuTLS holds its own copy of the key now */
	buf_release(&key);
	buf_release(&cert);
	if (!d) {
		background_stop();
		api_committer_stop();
		db_close(commit_db);
		commit_db = NULL;
		if (tls)
			return ps_fail(err, PS_EIO, "LISTEN_FAILED", NULL,
				       "无法在 %s 上启动 HTTPS（端口被占用，或证书与私钥不匹配？）",
				       cfg->listen);
		return ps_fail(err, PS_EIO, "LISTEN_FAILED", NULL,
			       "无法在 %s 上监听（端口被占用？）", cfg->listen);
	}
	if (edge_watchdog_start())
		log_warn("body watchdog not started; a stalled body waits for the %d s timeout",
			 EDGE_IDLE_TIMEOUT_S);
	di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	inet_ntop(AF_INET, &sa.sin_addr, host, sizeof(host));
	printf("listening on %s://%s:%u\n", tls ? "https" : "http", host,
	       di ? (unsigned)di->port : 0u);
	fflush(stdout);
	{
		char safe[512];

		log_info("precinct %s serving %s (db %s, web %s)", PRECINCT_VERSION, cfg->listen,
			 db_safe_name(cfg->db_path, safe, sizeof(safe)),
			 cfg->web_dir ? cfg->web_dir : "-");
	}
	if (!background_sweep_start(cfg->db_path))
		log_warn("breach sweep thread not started; breaches are recorded when measures end");

	do {
		if (sigwait(&set, &sig) != 0)
			sig = SIGTERM;
	} while (sig != SIGINT && sig != SIGTERM && sig != SIGHUP);
	log_info("signal %d: stopping; in-flight requests finish", sig);
	lsock = stop_serving(d);
	MHD_stop_daemon(d);
	if (lsock != MHD_INVALID_SOCKET)
		close(lsock);
	edge_watchdog_stop();
	/* the sweep writes through the committer: stop it first */
	background_stop();
	api_committer_stop();
	db_close(commit_db);
	pthread_mutex_lock(&dbs_lock);
	for (int i = 0; i < ndbs; i++)
		db_close(dbs[i]);
	ndbs = 0;
	pthread_mutex_unlock(&dbs_lock);
	api_config.totp_key = NULL;
	log_info("stopped cleanly");
	return PS_OK;
}
