/* session_policy.h — session timeouts (TRUST SESS-2; 等保 超时自动退出):
 * idle timeout (default 30 min, a setting) and absolute timeout (12 h). */
#ifndef PS_RULES_SESSION_POLICY_H
#define PS_RULES_SESSION_POLICY_H

#include <stdint.h>

enum session_state { SESSION_VALID, SESSION_IDLE, SESSION_EXPIRED, SESSION_REVOKED };

/* The state of a session at now. revoked != 0 wins over everything, then
 * SESSION_EXPIRED when now - created_at > absolute_s, then SESSION_IDLE when
 * now - last_seen_at > idle_s (exactly idle_s or absolute_s elapsed is still
 * valid). Cannot fail. */
enum session_state session_state_at(int64_t created_at, int64_t last_seen_at,
				    int revoked, int64_t now, int64_t idle_s,
				    int64_t absolute_s);

#endif
