/* server.h — the HTTP server: libmicrohttpd with an epoll thread pool, one
 * database connection per worker thread, the API under /api/v1 and the
 * built web UI as static files (index.html for unknown non-API paths). */
#ifndef PS_HTTP_SERVER_H
#define PS_HTTP_SERVER_H

#include <stddef.h>

#include "core/rc.h"

struct server_config {
	const char *db_path;
	const char *listen;      /* "127.0.0.1:8080"; port 0 = ephemeral */
	const char *web_dir;     /* NULL = no static files */
	unsigned threads;        /* worker threads (default 2) */
	size_t max_body;         /* default 1 MiB (API-2) */
	int secure_cookie;
};

/* Serve until SIGINT or SIGTERM, then stop accepting, let in-flight requests
 * finish, close every database connection and return PS_OK. Prints
 * "listening on http://HOST:PORT" on stdout once ready. */
int server_run(const struct server_config *cfg, struct ps_err *err);

#endif
