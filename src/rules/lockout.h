/* lockout.h — account lockout after repeated failures (TRUST AUTH-1; CJIS
 * 5.5.3; 等保 身份鉴别 b): max_failures failed logins within window_s lock
 * the account for lock_s; while locked even the right password is refused.
 * Pure state transitions; the caller stores the state. */
#ifndef PS_RULES_LOCKOUT_H
#define PS_RULES_LOCKOUT_H

#include <stdint.h>

struct lockout_policy {
	int max_failures;   /* default 5 */
	int64_t window_s;   /* default 15 min */
	int64_t lock_s;     /* default 15 min */
};

struct lockout_state {
	int fail_count;
	int64_t window_start;
	int64_t locked_until; /* 0 = not locked */
};

/* 1 when the account is locked at now (now < locked_until). Cannot fail. */
int lockout_is_locked(const struct lockout_state *s, int64_t now);

/* Record one failure at now. A failure outside the current window starts a
 * new window. Returns 1 when this failure locked the account (then
 * locked_until = now + lock_s and the counter restarts), else 0. The window
 * is [window_start, window_start + window_s). A failure while the account is
 * locked changes nothing and returns 0 (it does not extend the lock). A
 * policy field <= 0 takes its default. p may be NULL (all defaults). */
int lockout_on_failure(struct lockout_state *s, const struct lockout_policy *p,
		       int64_t now);

/* A successful login clears the counter and the window. It does not lift an
 * active lock (the caller must not accept a login while locked; an admin
 * unlock zeroes the whole state). Cannot fail. */
void lockout_on_success(struct lockout_state *s);

#endif
