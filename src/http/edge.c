#include "http/edge.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/rc.h"

#include <gnutls/gnutls.h>
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

/* API-5: the headers of every answer — MHD's responses and the answers
 * written on the socket both read this table. */
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
#define NHEADERS (sizeof(security_headers) / sizeof(security_headers[0]))
#define HSTS_VALUE "max-age=31536000; includeSubDomains"

static int hsts, tls_on;

void edge_init(int with_hsts, int tls)
{
	hsts = with_hsts;
	tls_on = tls;
}

void edge_headers(struct MHD_Response *resp)
{
	for (size_t i = 0; i < NHEADERS; i++)
		MHD_add_response_header(resp, security_headers[i].name, security_headers[i].value);
	if (hsts)
		MHD_add_response_header(resp, "Strict-Transport-Security", HSTS_VALUE);
}

static enum MHD_Result add_header_size(void *cls, enum MHD_ValueKind kind, const char *key,
				       const char *value)
{
	size_t *total = cls;

	(void)kind;
	*total += strlen(key) + (value ? strlen(value) : 0) + 4; /* ": " CRLF */
	return MHD_YES;
}

size_t edge_header_block_size(struct MHD_Connection *c, const char *method,
			      const char *uri, const char *version)
{
	size_t total = 0;

	MHD_get_connection_values(c, MHD_HEADER_KIND, add_header_size, &total);
	return strlen(method) + strlen(uri) + strlen(version) + 4 + total + 2;
}

int edge_method_ok(const char *m)
{
	if (!*m)
		return 0;
	for (; *m; m++)
		if (*m < 'A' || *m > 'Z')
			return 0;
	return 1;
}

/* Write an error answer for rc on a socket (or through its TLS session)
 * that MHD is not writing to. */
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
	for (size_t i = 0; !err && i < NHEADERS; i++)
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

/* The socket of c and its TLS session (NULL without TLS); -1 when MHD
 * does not say. */
static int conn_socket(struct MHD_Connection *c, void **tls)
{
	const union MHD_ConnectionInfo *fd =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
	const union MHD_ConnectionInfo *t =
		tls_on ? MHD_get_connection_info(c, MHD_CONNECTION_INFO_GNUTLS_SESSION) : NULL;

	*tls = t ? t->tls_session : NULL;
	return fd ? fd->connect_fd : -1;
}

enum MHD_Result edge_refuse(struct MHD_Connection *c, int rc, const char *msg)
{
	void *tls;
	int fd = conn_socket(c, &tls);

	if (fd >= 0) {
		raw_answer(fd, tls, rc, msg);
		shutdown(fd, SHUT_WR);
	}
	return MHD_NO;
}

/* ---- the watchdog: 408 for headers or a body that do not arrive ----
 *
 * libmicrohttpd calls the access handler only when the headers are
 * complete and when body bytes arrive, and on its own timeout it closes
 * the connection without an answer. So the connections awaiting headers
 * or a body are listed here with a deadline (EDGE_STALL_MS after the last
 * sign of progress, at most EDGE_REQUEST_MS after the start); a thread
 * answers 408 on the socket of each one past it and shuts the socket down
 * (MHD then sees the end of the stream and closes the connection). The
 * list is guarded by wd_lock; a connection leaves it when its headers or
 * body are complete (before any answer is queued) and in MHD's completion
 * callback, which runs before MHD closes the socket — so the watchdog
 * never writes to a socket that is being answered, closed, or reused. */
static pthread_mutex_t wd_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wd_cond = PTHREAD_COND_INITIALIZER;
static struct edge_watch *wd_head;
static int wd_stop, wd_running;
static pthread_t wd_thread;

static int64_t mono_ms(void)
{
	return ps_mono_ns() / 1000000;
}

/* Under wd_lock; a watch not listed is left alone. */
static void wd_remove(struct edge_watch *w)
{
	if (!w->on)
		return;
	if (w->prev)
		w->prev->next = w->next;
	else
		wd_head = w->next;
	if (w->next)
		w->next->prev = w->prev;
	w->on = 0;
	w->prev = w->next = NULL;
}

void edge_watch(struct edge_watch *w, struct MHD_Connection *c)
{
	w->fd = conn_socket(c, &w->tls);
	if (w->fd < 0)
		return;
	w->deadline = mono_ms() + EDGE_STALL_MS;
	w->cap = w->deadline - EDGE_STALL_MS + EDGE_REQUEST_MS;
	w->expected = 1;
	pthread_mutex_lock(&wd_lock);
	w->on = 1;
	w->prev = NULL;
	w->next = wd_head;
	if (wd_head)
		wd_head->prev = w;
	wd_head = w;
	pthread_mutex_unlock(&wd_lock);
}

int edge_watch_expired(struct edge_watch *w, int done)
{
	int expired;

	if (!w->expected)
		return 0;
	pthread_mutex_lock(&wd_lock);
	expired = w->timed_out;
	if (done) {
		wd_remove(w);
	} else if (!expired) {
		int64_t next = mono_ms() + EDGE_STALL_MS;

		w->deadline = next < w->cap ? next : w->cap;
	}
	pthread_mutex_unlock(&wd_lock);
	if (done)
		w->expected = 0;
	return expired;
}

void edge_watch_forget(struct edge_watch *w)
{
	/* expected is cleared only after w left the list: not listed */
	if (!w->expected)
		return;
	pthread_mutex_lock(&wd_lock);
	wd_remove(w);
	pthread_mutex_unlock(&wd_lock);
}

static void *watchdog_main(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&wd_lock);
	while (!wd_stop) {
		int64_t now = mono_ms(), next = now + 1000;
		struct timespec until;
		struct edge_watch *w = wd_head, *nx;

		for (; w; w = nx) {
			nx = w->next;
			if (w->deadline <= now) {
				wd_remove(w);
				w->timed_out = 1;
				log_info("request stalled or too slow: 408");
				raw_answer(w->fd, w->tls, PS_ETIMEOUT, ps_rc_message(PS_ETIMEOUT));
				shutdown(w->fd, SHUT_RDWR);
			} else if (w->deadline < next) {
				next = w->deadline;
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

int edge_watchdog_start(void)
{
	wd_stop = 0;
	wd_running = pthread_create(&wd_thread, NULL, watchdog_main, NULL) == 0;
	return wd_running ? 0 : -1;
}

void edge_watchdog_stop(void)
{
	if (!wd_running)
		return;
	pthread_mutex_lock(&wd_lock);
	wd_stop = 1;
	pthread_cond_broadcast(&wd_cond);
	pthread_mutex_unlock(&wd_lock);
	pthread_join(wd_thread, NULL);
	wd_running = 0;
}
