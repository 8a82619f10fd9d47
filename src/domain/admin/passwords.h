/* passwords.h — setting and changing passwords (TRUST AUTH-3, AUTH-9). */
#ifndef PS_DOMAIN_PASSWORDS_H
#define PS_DOMAIN_PASSWORDS_H

#include "domain/ctx.h"
#include "core/crypto.h"

#include <stdint.h>

/* The argon2id work of setting a password, done on the request's worker
 * before it joins a batch of the one writer (AUTH-9): the old password
 * checked (a change), the new one checked against the last 10 and hashed.
 * A write that has one in c->pw_prep uses what still holds (the same
 * account hash, no newer history row) and does the rest itself. */
struct pw_prep {
	int done;                         /* the new password was prepared */
	int64_t user_id;                  /* 0 for a new account */
	int64_t history_id;               /* newest history row when checked */
	int reused;                       /* among the last 10 */
	char hash[CRYPTO_PWHASH_LEN];     /* argon2id of the new password */
	int old_done, old_ok;             /* the old password checked / right */
	char old_hash[CRYPTO_PWHASH_LEN]; /* the account hash it was checked against */
};

/* Prepare *p in the caller's (read) transaction, writing nothing: old_pw
 * (may be NULL) is checked against username's account, pw against the
 * policy (when it fails, p->done stays 0 and the write reports it) and the
 * history of user_id (0 = a new account), then hashed. Only a storage error
 * or no memory fails; p is wiped by the caller (ps_memzero) when done. */
int passwords_prepare(struct ctx *c, int64_t user_id, const char *username,
		      const char *old_pw, const char *pw, struct pw_prep *p);

/* Set a user's password (hash, history, pw_changed_at, must_change flag)
 * after checking the policy and reuse. Does not audit (callers do). Uses
 * c->pw_prep when it was made for this user and password history. */
int passwords_set(struct ctx *c, int64_t user_id, const char *username, const char *pw,
		  int must_change);

/* Change one's own password (old one checked; policy; not one of the last
 * 10); other sessions of the user are ended; audited. */
int passwords_change(struct ctx *c, const char *old_pw, const char *new_pw);

#endif
