/* ctx.h — what every domain operation receives: who acts, from where, the
 * connection with its open transaction, the request arena and the error
 * slot. One request = one ctx = one transaction (opened and closed by the
 * caller, api/dispatch.c or the CLI). */
#ifndef PS_DOMAIN_CTX_H
#define PS_DOMAIN_CTX_H

#include <stdint.h>

#include "core/arena.h"
#include "core/rc.h"
#include "store/db.h"

/* The logged-in user; user_id 0 = nobody (public or CLI). */
struct actor {
	int64_t user_id;
	const char *username;
	const char *name;
	const char *role;
	int64_t unit_id;
	const char *unit_name;
	const char *unit_kind;
	const char *unit_path; /* '/1/3/' */
	const char *scope_path; /* what the user sees: the unit, or for a 警务室
				 * its station (a post works the station's cases) */
	int64_t station_id;    /* the station of a station or post user, else 0 */
	const char *badge_no;
	int must_change_pw;
};

/* An audit row to write after the transaction was rolled back (a refusal). */
struct pending_audit {
	struct pending_audit *next;
	int64_t at_ms;
	int chain; /* enum audit_chain (domain/admin/audit.h) */
	const char *action, *object_type, *object_id, *outcome, *detail;
};

struct pw_prep;
struct pending_fail; /* domain/throttle.h */

struct ctx {
	struct db *db;
	struct arena *arena;
	struct ps_err *err;
	struct actor who;
	const char *client_ip;
	const char *session_hash; /* hex BLAKE2b of the session token, or NULL */
	const char *request_id;
	int64_t now;              /* epoch seconds, fixed for the request */
	struct pending_audit *pending; /* refusals to audit after rollback */
	struct pending_fail *pending_fails; /* failures to count again after rollback */

	/* A read that runs in a read transaction of its own defers its few
	 * writes (audit rows, the session touch) to the group committer, which
	 * makes them durable before the answer leaves (see api/dispatch.c). */
	int defer_writes;
	/* the object of the last successful audit row of this request: a
	 * write that answers with the object it wrote does not add a read */
	const char *audited_type, *audited_id;
	struct pending_audit *deferred; /* newest first */
	const char *touch_hash;        /* session to mark seen at c->now */
	/* With memo_settings (an HTTP request: api/dispatch.c) the settings
	 * looked up are remembered for the rest of the request (settings.c;
	 * settings_put forgets them): a case file asked the store for the
	 * same few a dozen times, each a round trip on PostgreSQL. */
	int memo_settings;
	struct setting_memo *setting_memo;

	/* argon2id work done before the writer for this request (see
	 * passwords_prepare), or NULL */
	const struct pw_prep *pw_prep;

	/* the key that seals TOTP secrets at rest (CRYPTO_SECRET_LEN bytes,
	 * a sub-key of the server secret DB.key; domain/admin/mfa.h), or
	 * NULL when none was loaded (TOTP enrolment then fails) */
	const unsigned char *totp_key;
};

/* Initialise a ctx for a request. Cannot fail. */
void ctx_init(struct ctx *c, struct db *db, struct arena *a, struct ps_err *err);

/* 1 when the actor has this role. Permissions are decided by authz_check
 * (domain/authz.h); a role test is left only where a rule of the law or of
 * procedure names a role (the approver, the records office, the desk). */
int ctx_has_role(const struct ctx *c, const char *role);

/* Refuse: remember an audit row with outcome "denied" (written by the caller
 * after rollback, see audit_flush_pending) and return PS_EFORBIDDEN with a
 * Chinese message. */
int ctx_deny(struct ctx *c, const char *action, const char *object_type,
	     const char *object_id, const char *msg);

/* Remember an audit row to write after the rollback of a refused request
 * (e.g. a rejected password change). Best effort: without memory the row
 * is dropped. */
void ctx_audit_after(struct ctx *c, const char *action, const char *object_type,
		     const char *object_id, const char *outcome, const char *detail);

/* 1 when unit_path (of a record) is the actor's unit or below it. */
int ctx_unit_visible(const struct ctx *c, const char *unit_path);

/* The actor's visible subtree as a LIKE pattern ("/1/3/%"), arena-owned:
 * the 警务室's station for a 警务室 user, else the actor's unit. */
const char *ctx_scope_like(struct ctx *c);

/* Today's local date as y, m, d (from ctx->now). */
void ctx_today(const struct ctx *c, int *y, int *m, int *d);

/* Today's local date as the number YYYYMMDD (for idcard_parse). */
int ctx_today_ymd(const struct ctx *c);

/* Today's local date as "YYYY-MM-DD" in the request's arena (NULL on ENOMEM). */
const char *ctx_today_str(struct ctx *c);

/* 1 when t (epoch seconds) can be the deadline of a task set now: later
 * than now and within a year (the year 146 billion was taken, and shown
 * on the officer's 待办). */
int ctx_deadline_ok(const struct ctx *c, int64_t t);

#endif
