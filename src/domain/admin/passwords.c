/* passwords.c — setting and changing passwords (TRUST AUTH-3, AUTH-9): the
 * policy, the last ten not reused, the argon2id work prepared before the
 * writer, the old password checked on a change, the user's other sessions
 * ended. The login half is auth.c. */
#include "domain/admin/passwords.h"
#include "domain/admin/audit.h"
#include "domain/admin/auth.h"
#include "domain/admin/settings.h"
#include "domain/rows.h"
#include "rules/password.h"
#include "core/crypto.h"
#include "core/mem.h"

#include <stdio.h>
#include <string.h>

/* The password hash of username's account into hash ("" and *found 0 when
 * there is none). A hash that could not be read (no memory) is a 5xx,
 * never an empty hash that answers "wrong password". */
static int account_hash(struct ctx *c, const char *username, char hash[CRYPTO_PWHASH_LEN],
			int *found)
{
	struct db_stmt *st;
	int rc = db_prepare(c->db, "SELECT pw_hash FROM users WHERE username = ?", &st, c->err);

	*found = 0;
	hash[0] = '\0';
	if (rc)
		return rc;
	db_bind_text(st, 1, username);
	rc = db_step(st, c->err);
	if (rc == PS_ROW && db_column_type(st, 0) != DB_NULL && !db_column_text(st, 0)) {
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	} else if (rc == PS_ROW) {
		*found = 1;
		snprintf(hash, CRYPTO_PWHASH_LEN, "%s",
			 db_column_text(st, 0) ? db_column_text(st, 0) : "");
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = PS_OK;
	}
	db_finalize(st);
	return rc;
}

/* A check that argon2id could not make (no memory) is no verdict: 503, never
 * "wrong password" nor "not reused". */
static int check_failed(struct ctx *c)
{
	return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "密码校验暂时无法完成，请稍后重试");
}

static int reused(struct ctx *c, int64_t user_id, const char *pw, int *is_reused)
{
	struct db_stmt *st;
	int rc = db_prepare(c->db,
			    "SELECT pw_hash FROM password_history WHERE user_id = ?"
			    " ORDER BY id DESC LIMIT 10",
			    &st, c->err);

	*is_reused = 0;
	if (rc)
		return rc;
	db_bind_int(st, 1, user_id);
	while ((rc = db_step(st, c->err)) == PS_ROW) {
		int v = crypto_password_check(db_column_text(st, 0), pw);

		if (v == CRYPTO_PW_ERROR) {
			rc = check_failed(c);
			break;
		}
		if (v == CRYPTO_PW_MATCH) {
			*is_reused = 1;
			break;
		}
	}
	db_finalize(st);
	return (rc == PS_ROW || rc == PS_DONE) ? PS_OK : rc;
}

/* The newest password_history row of user_id (0 when none). */
static int history_id(struct ctx *c, int64_t user_id, int64_t *id)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	return rows_int(&q, "SELECT COALESCE(MAX(id), 0) FROM password_history WHERE user_id = ?", 0, id);
}

int passwords_prepare(struct ctx *c, int64_t user_id, const char *username,
		      const char *old_pw, const char *pw, struct pw_prep *p)
{
	struct ps_err e, *saved = c->err;
	int rc = PS_OK;

	memset(p, 0, sizeof(*p));
	if (old_pw && username) {
		char hash[CRYPTO_PWHASH_LEN];
		int found = 0;

		rc = account_hash(c, username, hash, &found);
		if (rc)
			return rc;
		if (found) {
			int v = crypto_password_check(hash, old_pw);

			if (v == CRYPTO_PW_ERROR) {
				ps_memzero(hash, sizeof(hash));
				return check_failed(c); /* the write checks again */
			}
			p->old_ok = v == CRYPTO_PW_MATCH;
		}
		snprintf(p->old_hash, sizeof(p->old_hash), "%s", found ? hash : "");
		p->old_done = found;
		ps_memzero(hash, sizeof(hash));
		if (!p->old_ok)
			return PS_OK; /* refused at the write, no more work */
	}
	/* a policy refusal is the write's to report */
	ps_err_clear(&e);
	c->err = &e;
	rc = password_check(username, pw, (size_t)setting_int(c, "auth.password_min_length", 0),
			    &e);
	c->err = saved;
	if (rc)
		return PS_OK;
	if (user_id) {
		rc = history_id(c, user_id, &p->history_id);
		if (!rc)
			rc = reused(c, user_id, pw, &p->reused);
		if (rc)
			return rc;
	}
	if (!p->reused && crypto_password_hash(pw, p->hash))
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	p->user_id = user_id;
	p->done = 1;
	return PS_OK;
}

/* c->pw_prep when it was made for user_id and no password was set since. */
static const struct pw_prep *usable_prep(struct ctx *c, int64_t user_id)
{
	const struct pw_prep *p = c->pw_prep;
	int64_t now_id = 0;

	if (!p || !p->done || p->user_id != user_id)
		return NULL;
	if (user_id && (history_id(c, user_id, &now_id) || now_id != p->history_id))
		return NULL;
	return p;
}

int passwords_set(struct ctx *c, int64_t user_id, const char *username, const char *pw,
		  int must_change)
{
	char hash[CRYPTO_PWHASH_LEN];
	struct db_stmt *st;
	const struct pw_prep *prep;
	int rc, is_reused;

	rc = password_check(username, pw,
			    (size_t)setting_int(c, "auth.password_min_length", 0),
			    c->err);
	if (rc)
		return rc;
	prep = usable_prep(c, user_id);
	if (user_id) {
		if (prep)
			is_reused = prep->reused;
		else
			rc = reused(c, user_id, pw, &is_reused);
		if (rc)
			return rc;
		if (is_reused) {
			ps_fail(c->err, PS_EINVAL, "WEAK_PASSWORD", "AUTH-3",
				"新密码不能与最近 10 次使用过的密码相同");
			c->err->field = "new_password";
			return PS_EINVAL;
		}
	}
	if (prep)
		memcpy(hash, prep->hash, sizeof(hash));
	else if (crypto_password_hash(pw, hash))
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = db_prepare(c->db,
			"UPDATE users SET pw_hash = ?, pw_changed_at = ?, must_change_pw = ?,"
			" updated_at = ? WHERE id = ?",
			&st, c->err);
	if (rc)
		goto out;
	db_bind_text(st, 1, hash);
	db_bind_int(st, 2, c->now);
	db_bind_int(st, 3, must_change);
	db_bind_int(st, 4, c->now);
	db_bind_int(st, 5, user_id);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		goto out;
	rc = db_prepare(c->db,
			"INSERT INTO password_history(user_id, pw_hash, created_at) VALUES (?,?,?)",
			&st, c->err);
	if (rc)
		goto out;
	db_bind_int(st, 1, user_id);
	db_bind_text(st, 2, hash);
	db_bind_int(st, 3, c->now);
	rc = db_step(st, c->err);
	db_finalize(st);
	rc = rc == PS_DONE ? PS_OK : rc;
out:
	ps_memzero(hash, sizeof(hash));
	return rc;
}

int passwords_change(struct ctx *c, const char *old_pw, const char *new_pw)
{
	char hash[CRYPTO_PWHASH_LEN];
	int found, rc, old_ok = 0;
	const struct actor me = c->who;

	rc = account_hash(c, me.username, hash, &found);
	if (rc)
		return rc;
	if (found && c->pw_prep && c->pw_prep->old_done && strcmp(c->pw_prep->old_hash, hash) == 0) {
		old_ok = c->pw_prep->old_ok;
	} else if (found) {
		int v = crypto_password_check(hash, old_pw);

		old_ok = v == CRYPTO_PW_MATCH;
		if (v == CRYPTO_PW_ERROR) {
			ps_memzero(hash, sizeof(hash));
			return check_failed(c);
		}
	}
	ps_memzero(hash, sizeof(hash));
	if (!old_ok) {
		/* the refusal is audited after the rollback */
		ctx_deny(c, "password.change", "user", me.username, "wrong old password");
		ps_fail(c->err, PS_EINVAL, "BAD_OLD_PASSWORD", NULL, "原密码不正确");
		c->err->field = "old_password";
		return PS_EINVAL;
	}
	if (strcmp(old_pw, new_pw) == 0) {
		ctx_audit_after(c, "password.change", "user", me.username, "denied",
				"new password equals the old one");
		ps_fail(c->err, PS_EINVAL, "WEAK_PASSWORD", "AUTH-3", "新密码不能与原密码相同");
		c->err->field = "new_password";
		return PS_EINVAL;
	}
	rc = passwords_set(c, me.user_id, me.username, new_pw, 0);
	if (rc)
		ctx_audit_after(c, "password.change", "user", me.username, "denied",
				c->err->msg);
	if (rc) {
		if (c->err->field && strcmp(c->err->field, "password") == 0)
			c->err->field = "new_password";
		return rc;
	}
	rc = auth_end_sessions(c, me.user_id, "password changed", c->session_hash);
	if (rc)
		return rc;
	return audit_write(c, "password.change", "user", me.username, "success", NULL);
}
