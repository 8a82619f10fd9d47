/* auth.h — login, sessions and logout (issue 2; TRUST
 * AUTH-1, AUTH-2, AUTH-4, AUTH-6, SESS-1..SESS-5); passwords are set and
 * changed in passwords.h. */
#ifndef PS_DOMAIN_AUTH_H
#define PS_DOMAIN_AUTH_H

#include <jansson.h>

#include "core/crypto.h"
#include "domain/ctx.h"

enum login_outcome { LOGIN_OK, LOGIN_BAD, LOGIN_RATE,
		     LOGIN_TOTP_REQUIRED, /* password right, TOTP enabled, no code (AUTH-5) */
		     LOGIN_TOTP_BAD };    /* password right, the code wrong or used: a failure */

struct login_result {
	enum login_outcome outcome;   /* LOGIN_BAD also for a locked, disabled
				       * or unknown account (AUTH-9) */
	char token[CRYPTO_TOKEN_HEX]; /* the cookie value (LOGIN_OK only) */
	char csrf[CRYPTO_TOKEN_HEX];
	json_t *user;                 /* new reference (LOGIN_OK only) */
	int retry_after;              /* seconds (LOGIN_RATE) */
};

/* What a login learnt before it writes, in two steps that both run before
 * the writer (AUTH-9): auth_login_check reads the account's hash (a read
 * transaction on the worker), auth_login_verify runs argon2id on it (~0.1 s,
 * no database: on the offload pool). An unknown account is verified against
 * a dummy hash, so that it costs the same (AUTH-2). */
struct login_check {
	int rate;                     /* the address was over its limit: nothing read */
	int loaded;                   /* the account was looked up */
	int found;                    /* the account exists */
	int done;                     /* the password was checked */
	int ok;                       /* the password matched */
	int failed;                   /* the check could not be made (memory) */
	char hash[CRYPTO_PWHASH_LEN]; /* the account's hash ("" when unknown) */
};

/* Look username up in the caller's (read) transaction, writing nothing:
 * fills *chk (only chk->rate when the address is over its failure rate).
 * Only a storage error fails. The caller wipes chk (ps_memzero) when done. */
int auth_login_check(struct ctx *c, const char *username, struct login_check *chk);

/* argon2id of password against what auth_login_check loaded; sets
 * chk->done and chk->ok, or chk->failed when the hash function could not
 * run (no verdict: the login answers "try again", never a wrong password).
 * No database; a no-op when nothing was loaded. */
void auth_login_verify(struct login_check *chk, const char *password);

/* Try a login with the verdict of chk (checked before, see above; NULL when
 * the check could not be made). A check that failed (chk->failed) or never
 * ran is no verdict: PS_ENOMEM / PS_EBUSY, "登录暂时无法完成，请重试",
 * nothing written. The writer never runs argon2id: when the
 * account's hash is no longer the one checked, the login is refused
 * without counting a failure. Every outcome is audited and the failure
 * counters are updated, so the caller COMMITS whatever the outcome (only a
 * storage error, the return value, rolls back). A locked, disabled or
 * unknown account and a wrong password all give LOGIN_BAD (AUTH-9); only
 * the audit row says which. On LOGIN_OK the user's older sessions are ended
 * (SESS-5) and a new session row is written. totp_code (may be NULL) is the
 * second factor when the account has TOTP enabled (domain/admin/mfa.h):
 * without it LOGIN_TOTP_REQUIRED; a wrong one counts as a failed login
 * (AUTH-1) and gives LOGIN_TOTP_BAD. */
int auth_login(struct ctx *c, const char *username, const char *totp_code,
	       const struct login_check *chk, struct login_result *out);

/* Resolve a session token (cookie value) into c->who and c->session_hash.
 * PS_EAUTH with code UNAUTHENTICATED (no or unknown token) or
 * SESSION_EXPIRED (idle, absolute or revoked). Touches last_seen_at. *csrf
 * points to the session's CSRF token (arena). */
int auth_session(struct ctx *c, const char *token, const char **csrf);

/* The touch auth_session deferred (ctx.defer_writes), in the caller's
 * write transaction. */
int auth_touch_deferred(struct ctx *c);

/* Act as username (c->who filled from the database, as a session would);
 * for the CLI and the demo data. PS_ENOTFOUND when there is no such user. */
int auth_actor_load(struct ctx *c, const char *username);

/* auth_actor_load for a person at a keyboard (precinct import --as): an
 * account an administrator disabled is refused (PS_EFORBIDDEN,
 * ACCOUNT_DISABLED), as its login would be; an automatic lock after
 * failed passwords is not (it guards the password, which is not asked). */
int auth_actor_load_enabled(struct ctx *c, const char *username);

/* Revoke the current session (logout); audited. */
int auth_logout(struct ctx *c);

/* The logged-in user as JSON (the /me shape). */
int auth_me(struct ctx *c, json_t **out);

/* The JSON of user id (the /me shape), or PS_ENOTFOUND. */
int auth_user_json(struct ctx *c, int64_t user_id, json_t **out);

/* End user_id's open sessions but the one whose hash is except_hash (may be
 * NULL: all), for reason; audited when any was open. */
int auth_end_sessions(struct ctx *c, int64_t user_id, const char *reason,
		      const char *except_hash);

#endif
