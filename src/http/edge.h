/* edge.h — the HTTP edge around libmicrohttpd (issue 13, TRUST API-2/5):
 * the request limits, the security headers of every answer, answers
 * written straight on a connection's socket where MHD cannot answer (408,
 * 414, 431), and the body watchdog that answers 408 for a body that does
 * not arrive.
 *
 * libmicrohttpd keeps the request line and headers of a connection in one
 * memory pool (EDGE_POOL_SIZE); when they outgrow it, it answers 414/431
 * itself with a small HTML page. Below that the limits are checked by the
 * server on the first call of a request and answered here on the socket:
 * a header block that *just* fits the pool leaves no room to build an
 * answer in it (0.9.75 then closes without one). With the pool twice the
 * header limit, a block up to ~36 KiB gets the JSON answer. */
#ifndef PS_HTTP_EDGE_H
#define PS_HTTP_EDGE_H

#include <microhttpd.h>
#include <stddef.h>
#include <stdint.h>

#define EDGE_HEADER_LIMIT (16 * 1024) /* request line + headers → 431 */
#define EDGE_URI_LIMIT (8 * 1024)     /* request target → 414 */
#define EDGE_POOL_SIZE (2 * EDGE_HEADER_LIMIT + 4096)
/* The keep-alive idle timeout, and the request timeouts (much shorter):
 * once its request line has come, a request that stops sending for
 * EDGE_STALL_MS — headers not complete, or an announced body not
 * complete with no byte of it for that long — is answered 408 and
 * closed; so is a body still coming EDGE_REQUEST_MS after the headers (a
 * dribble of bytes does not hold a connection). */
#define EDGE_IDLE_TIMEOUT_S 60
#define EDGE_STALL_MS 5000
#define EDGE_REQUEST_MS 30000

/* Set once before serving: hsts adds Strict-Transport-Security to every
 * answer (under TLS or behind a TLS proxy); tls says the connections are
 * MHD TLS connections (answers go through their GnuTLS session). Cannot
 * fail. */
void edge_init(int hsts, int tls);

/* Add the security headers of API-5 to resp. Cannot fail (MHD leaves out a
 * header it cannot add). */
void edge_headers(struct MHD_Response *resp);

/* The size in bytes of the request line and header block of c as sent
 * (one space after each colon). Cannot fail. */
size_t edge_header_block_size(struct MHD_Connection *c, const char *method,
			      const char *uri, const char *version);

/* 1 when m is a method as HTTP spells the ones served: upper-case letters. */
int edge_method_ok(const char *m);

/* Answer rc (PS_ETOOLONG or PS_EHEADERS, core/rc.h) with msg on c's socket,
 * shut the socket for writing, and return MHD_NO so that MHD closes the
 * connection. A full send buffer loses the answer, never the close. */
enum MHD_Result edge_refuse(struct MHD_Connection *c, int rc, const char *msg);

/* A connection's place in the body watchdog's list: part of the
 * connection's state, zeroed with it, used only through the calls below. */
struct edge_watch {
	int expected;        /* listed (the connection thread's own view) */
	int on, timed_out;   /* under the watchdog's lock */
	int fd;
	void *tls;           /* gnutls_session_t under TLS */
	int64_t deadline;    /* monotonic ms: 408 past it */
	int64_t cap;         /* monotonic ms: the deadline never moves past it */
	struct edge_watch *prev, *next;
};

/* List w: the rest of c's headers (or its body) is due within
 * EDGE_STALL_MS. Called by the connection's thread when the request line
 * has come, and again on the first call of a request announcing a body
 * (after edge_watch_expired(w, 1) took it off the list). */
void edge_watch(struct edge_watch *w, struct MHD_Connection *c);

/* 1 when the watchdog has answered 408 for w (the request is dropped:
 * return MHD_NO). Without done (body bytes came) the deadline moves to
 * EDGE_STALL_MS from now, never past EDGE_REQUEST_MS from the watch's
 * start; with done (the body is complete) w leaves the list, so no 408 can
 * follow. Only the connection's thread calls it. */
int edge_watch_expired(struct edge_watch *w, int done);

/* Take w off the list. MHD's completion callback calls it, before MHD
 * closes the socket: the watchdog never writes to a closed or reused one. */
void edge_watch_forget(struct edge_watch *w);

/* Start the watchdog thread; 0, or -1 when it cannot be started (then a
 * stalled body waits for the idle timeout). Stop it after MHD_stop_daemon. */
int edge_watchdog_start(void);
void edge_watchdog_stop(void);

#endif
