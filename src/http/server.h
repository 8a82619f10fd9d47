/* server.h — the HTTP server: libmicrohttpd with a poll() thread pool, one
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
	int secure_cookie;       /* cookies Secure (__Host-) and HSTS; on under TLS */
	const char *tls_cert;    /* PEM certificate chain file: serve HTTPS (with tls_key) */
	const char *tls_key;     /* PEM private key file */
	int trust_proxy;         /* client address from X-Forwarded-For (last entry) */
	const unsigned char *totp_key; /* the sub-key sealing TOTP secrets
					* (32 bytes, owned by the caller, alive
					* until server_run returns), or NULL */
};

/* The database connections a server of c opens at most: one per worker
 * thread, the writer's and the breach sweep's, and on SQLite the
 * checkpointer's (PostgreSQL checkpoints itself). */
unsigned server_db_connections(const struct server_config *c);

/* Serve until SIGINT or SIGTERM, then stop accepting, let in-flight requests
 * finish, close every database connection and return PS_OK. Prints
 * "listening on http://HOST:PORT" (https:// with tls_cert and tls_key) on
 * stdout once ready. An unreadable certificate or key, or one GnuTLS
 * refuses, fails the start (PS_EINVAL / PS_EIO, nothing listens); the key
 * is wiped from memory once the server has loaded it. */
int server_run(const struct server_config *cfg, struct ps_err *err);

#endif
