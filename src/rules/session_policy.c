/* session_policy.c — session timeouts (TRUST SESS-2; CJIS 5.5.5; 等保 超时自动退出). */
#include "rules/session_policy.h"

enum session_state session_state_at(int64_t created_at, int64_t last_seen_at,
				    int revoked, int64_t now, int64_t idle_s,
				    int64_t absolute_s)
{
	if (revoked)
		return SESSION_REVOKED;
	/* SESS-2: absolute limit (12 h) holds even for an active session, so
	 * it is checked first. Exactly absolute_s elapsed is still valid. */
	if (now - created_at > absolute_s)
		return SESSION_EXPIRED;
	/* SESS-2: idle limit (a setting chosen by the caller); strict >. */
	if (now - last_seen_at > idle_s)
		return SESSION_IDLE;
	return SESSION_VALID;
}
