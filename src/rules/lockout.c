/* lockout.c — account lockout (TRUST AUTH-1; CJIS 5.5.3; 等保 身份鉴别 b). */
#include "rules/lockout.h"

/* AUTH-1: 5 consecutive wrong passwords within 15 min lock for 15 min. */
#define LOCKOUT_DEFAULT_MAX_FAILURES 5
#define LOCKOUT_DEFAULT_WINDOW_S (15 * 60)
#define LOCKOUT_DEFAULT_LOCK_S (15 * 60)

int lockout_is_locked(const struct lockout_state *s, int64_t now)
{
	return s->locked_until != 0 && now < s->locked_until;
}

int lockout_on_failure(struct lockout_state *s, const struct lockout_policy *p,
		       int64_t now)
{
	int max = p && p->max_failures > 0 ? p->max_failures
					    : LOCKOUT_DEFAULT_MAX_FAILURES;
	int64_t window = p && p->window_s > 0 ? p->window_s
					      : LOCKOUT_DEFAULT_WINDOW_S;
	int64_t lock = p && p->lock_s > 0 ? p->lock_s : LOCKOUT_DEFAULT_LOCK_S;

	/* While locked the attempt is refused anyway; it neither counts nor
	 * extends the lock (an attacker cannot keep an account locked for
	 * ever by hammering it). */
	if (lockout_is_locked(s, now))
		return 0;
	s->locked_until = 0;
	if (s->fail_count <= 0 || now < s->window_start ||
	    now - s->window_start >= window) {
		s->window_start = now;
		s->fail_count = 1;
	} else {
		s->fail_count++;
	}
	if (s->fail_count < max)
		return 0;
	s->locked_until = now + lock;
	s->fail_count = 0;
	s->window_start = 0;
	return 1;
}

void lockout_on_success(struct lockout_state *s)
{
	s->fail_count = 0;
	s->window_start = 0;
}
