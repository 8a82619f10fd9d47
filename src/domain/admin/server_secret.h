/* server_secret.h — which server secret a database is served with (its
 * fingerprint, table server_secret): one for all the servers of a
 * database. */
#ifndef PS_SERVER_SECRET_H
#define PS_SERVER_SECRET_H

#include "domain/ctx.h"

/* What server_secret_register found. */
enum server_secret_state {
	SERVER_SECRET_NEW,      /* none was registered: fp is now */
	SERVER_SECRET_SAME,     /* fp is the one registered */
	SERVER_SECRET_OTHER,    /* another is registered; nothing changed */
	SERVER_SECRET_REPLACED, /* another was registered; fp is now (replace) */
};

/* In the caller's write transaction: the fingerprint fp of the secret this
 * server holds against the one registered. Another one registered is kept
 * (SERVER_SECRET_OTHER) unless replace; registering and replacing are
 * audited (system.secret_register, system.secret_replace). */
int server_secret_register(struct ctx *c, const char *fp, int replace,
			   enum server_secret_state *state);

#endif
