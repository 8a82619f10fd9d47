/* throttle.h — counters of failures by key (a client address, an account
 * id, a receipt code) in a window: the login throttle per address (TRUST
 * AUTH-2), the public progress and complaint queries per address and per
 * code, and wrong second-factor codes per account outside login (AUTH-1).
 * A window starts at the key's first failure and lasts window_s; max
 * failures in it refuse the key until it ends.
 *
 * The counters live in the database (table throttle_window, migration 115),
 * so that every server process on one database counts the same failures
 * (issue 14: nothing that only one process knows may decide a rule) and a
 * restart forgets nothing. A failure is counted in the request's own
 * transaction; a request that is then rolled back (a refusal) writes it
 * again after the rollback, with its refusal audit rows (audit_write_pending,
 * audit_flush_pending call throttle_write_pending): a refused attempt always
 * counts. Expired windows are deleted as failures are counted, so the table
 * holds only the keys that failed within their window. An IPv6 address
 * counts by its /64; a key longer than THROTTLE_KEY_MAX bytes by its first
 * THROTTLE_KEY_MAX bytes. */
#ifndef PS_DOMAIN_THROTTLE_H
#define PS_DOMAIN_THROTTLE_H

#include <stdint.h>

#include "domain/ctx.h"

#define THROTTLE_KEY_MAX 63

/* The kinds of counters; each has its own keys. */
enum throttle_kind {
	THROTTLE_LOGIN_ADDR,    /* failed logins per client address */
	THROTTLE_PROGRESS_ADDR, /* failed progress queries per client address */
	THROTTLE_PROGRESS_CODE, /* failed progress queries per receipt code */
	THROTTLE_TOTP_USER,     /* wrong second-factor codes per account, outside login */
	THROTTLE_COMPLAINT_ADDR, /* public complaints filed per client address */
	THROTTLE_NKINDS
};

/* A failure counted by a request, kept to be counted again after a
 * rollback (see throttle_write_pending). */
struct pending_fail {
	struct pending_fail *next;
	enum throttle_kind kind;
	const char *key; /* as counted: the /64 of an IPv6 address, cut */
	int64_t at, window_s;
};

/* *retry (seconds until key may try again at c->now): > 0 when it already
 * has max failures in its window of window_s, else 0. key NULL or "" is
 * never refused, nor is anything when max <= 0. Reads c->db; the store's
 * error on failure (then *retry is 0). */
int throttle_retry_after(struct ctx *c, enum throttle_kind kind, const char *key, int max,
			 int64_t window_s, int *retry);

/* Count one failure of key at c->now in the open write transaction of c (a
 * window older than window_s starts again at 1) and remember it for a
 * rollback. *failures (may be NULL) receives the failures in the window,
 * this one included (0 for a NULL or empty key). The store's error on
 * failure: the caller fails the request, and the rollback counts it. */
int throttle_fail(struct ctx *c, enum throttle_kind kind, const char *key, int64_t window_s,
		  int *failures);

/* After the request's transaction (or savepoint) was rolled back: count
 * again, in c->db's open write transaction, every failure the request
 * counted, and forget them. Best effort: a failure of the store is logged.
 * Cannot fail from the caller's view. */
void throttle_write_pending(struct ctx *c);

#endif
