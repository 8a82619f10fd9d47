/* throttle.h — counters of failures by key (a client address, an account
 * name, a receipt code) in a window, kept in memory by the server: the
 * login throttle per address (TRUST AUTH-2) and the public progress query
 * per address and per code. A window starts at the key's first failure and
 * lasts window_s; max failures in it refuse the key until it ends.
 *
 * The counters live in a fixed table (no allocation) at positions of a
 * keyed hash; a key that finds its slots full takes the one with the fewest
 * failures, so a flood of new keys can only forget partial counts, never
 * grow memory, and no one can aim at a given key's slots. An IPv6 address
 * counts by its /64. A restart forgets them all
 * (the account lockout, AUTH-1, is stored and survives). Thread-safe. */
#ifndef PS_DOMAIN_THROTTLE_H
#define PS_DOMAIN_THROTTLE_H

#include <stdint.h>

/* The kinds of counters; each has its own keys. */
enum throttle_kind {
	THROTTLE_LOGIN_ADDR,    /* failed logins per client address */
	THROTTLE_PROGRESS_ADDR, /* failed progress queries per client address */
	THROTTLE_PROGRESS_CODE, /* failed progress queries per receipt code */
	THROTTLE_TOTP_USER,     /* wrong second-factor codes per account, outside login */
	THROTTLE_NKINDS
};

/* Seconds until key may try again at now: > 0 when it already has max
 * failures in its window of window_s, else 0. key NULL or "" is never
 * refused. Cannot fail. */
int throttle_retry_after(enum throttle_kind kind, const char *key, int64_t now,
			 int max, int64_t window_s);

/* Count one failure of key at now (a window older than window_s starts
 * again at 1). Returns the failures in the window, this one included (0 for
 * a NULL or empty key). Cannot fail. */
int throttle_fail(enum throttle_kind kind, const char *key, int64_t now, int64_t window_s);

/* Forget every counter (tests, a restart of the table). Cannot fail. */
void throttle_reset(void);

#endif
