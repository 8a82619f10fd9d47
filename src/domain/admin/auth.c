#include "domain/authz.h"
#include "domain/admin/auth.h"
#include "domain/admin/audit.h"
#include "domain/admin/mfa.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "domain/throttle.h"
#include "rules/lockout.h"
#include "rules/session_policy.h"
#include "core/log.h"
#include "core/mem.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ---- per-address failure rate (AUTH-2): domain/throttle.h ---- */

/* *retry: seconds until the client address may try again (0: it may
 * now). The counters are in the database: every server counts alike. */
static int addr_retry_after(struct ctx *c, int *retry)
{
	return throttle_retry_after(c, THROTTLE_LOGIN_ADDR, c->client_ip,
				    (int)setting_int(c, "auth.ip_failures_per_minute", 0), 60, retry);
}

/* One more failed login from the client address. */
static int addr_failed(struct ctx *c)
{
	return throttle_fail(c, THROTTLE_LOGIN_ADDR, c->client_ip, 60, NULL);
}

/* ---- users as JSON ---- */

static const char user_select[] =
	"SELECT u.id, u.username, u.name, u.role, u.unit_id, u.badge_no,"
	" u.must_change_pw, u.pw_changed_at, o.name, o.kind, o.path"
	" FROM users u JOIN org_unit o ON o.id = u.unit_id";

static json_t *user_json_from(struct db_stmt *st, int must_change)
{
	json_t *u = json_object(), *unit = json_object();

	if (!u || !unit) {
		json_decref(u);
		json_decref(unit);
		return NULL;
	}
	json_object_set_new(unit, "id", json_integer(db_column_int(st, 4)));
	json_object_set_new(unit, "name", json_string(db_column_text(st, 8)));
	json_object_set_new(unit, "kind", json_string(db_column_text(st, 9)));
	json_object_set_new(u, "id", json_integer(db_column_int(st, 0)));
	json_object_set_new(u, "username", json_string(db_column_text(st, 1)));
	json_object_set_new(u, "name", json_string(db_column_text(st, 2)));
	json_object_set_new(u, "role", json_string(db_column_text(st, 3)));
	json_object_set_new(u, "role_name",
			    json_string(authz_role_title(db_column_text(st, 3), db_column_text(st, 9))));
	json_object_set_new(u, "unit", unit);
	json_object_set_new(u, "badge_no",
			    db_column_text(st, 5) ? json_string(db_column_text(st, 5))
						  : json_null());
	json_object_set_new(u, "must_change_password", json_boolean(must_change));
	return u;
}

static int password_expired(struct ctx *c, int64_t changed_at, int64_t unit_id)
{
	int64_t days = setting_int(c, "auth.password_max_age_days", unit_id);

	return days > 0 && c->now - changed_at > days * 86400;
}

int auth_user_json(struct ctx *c, int64_t user_id, json_t **out)
{
	struct db_stmt *st;
	char sql[512];
	int rc;

	*out = NULL;
	snprintf(sql, sizeof(sql), "%s WHERE u.id = ?", user_select);
	rc = db_prepare(c->db, sql, &st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, user_id);
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		int must = db_column_int(st, 6) ||
			   password_expired(c, db_column_int(st, 7),
					    db_column_int(st, 4));
		*out = user_json_from(st, must);
		rc = *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	} else if (rc == PS_DONE) {
		rc = ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "用户不存在");
	}
	db_finalize(st);
	return rc;
}

/* ---- login ---- */

struct login_user {
	int64_t id, unit_id;
	char hash[CRYPTO_PWHASH_LEN];
	int disabled;
	struct lockout_state lock;
};

static int load_login_user(struct ctx *c, const char *username,
			   struct login_user *u, int *found)
{
	struct db_stmt *st;
	int rc;

	*found = 0;
	rc = db_prepare(c->db,
			"SELECT id, unit_id, pw_hash, disabled, fail_count,"
			" fail_window_start, locked_until, role, name"
			" FROM users WHERE username = ?",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_text(st, 1, username);
	rc = db_step(st, c->err);
	if (rc == PS_ROW && db_column_type(st, 2) != DB_NULL && !db_column_text(st, 2)) {
		/* the hash could not be read (out of memory): a 5xx to try
		 * again, never an empty hash that answers "wrong password" */
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	} else if (rc == PS_ROW) {
		*found = 1;
		u->id = db_column_int(st, 0);
		u->unit_id = db_column_int(st, 1);
		snprintf(u->hash, sizeof(u->hash), "%s",
			 db_column_text(st, 2) ? db_column_text(st, 2) : "");
		u->disabled = (int)db_column_int(st, 3);
		u->lock.fail_count = (int)db_column_int(st, 4);
		u->lock.window_start = db_column_int(st, 5);
		u->lock.locked_until = db_column_int(st, 6);
		c->who.user_id = u->id;
		c->who.username = arena_strdup(c->arena, username);
		c->who.role = arena_strdup(c->arena, db_column_text(st, 7));
		c->who.name = arena_strdup(c->arena, db_column_text(st, 8));
		c->who.unit_id = u->unit_id;
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = PS_OK;
	}
	db_finalize(st);
	return rc;
}

static int store_lock_state(struct ctx *c, const struct login_user *u)
{
	struct db_stmt *st;
	int rc = db_prepare(c->db,
			    "UPDATE users SET fail_count = ?, fail_window_start = ?,"
			    " locked_until = ? WHERE id = ?",
			    &st, c->err);

	if (rc)
		return rc;
	db_bind_int(st, 1, u->lock.fail_count);
	db_bind_int(st, 2, u->lock.window_start);
	db_bind_int(st, 3, u->lock.locked_until);
	db_bind_int(st, 4, u->id);
	rc = db_step(st, c->err);
	db_finalize(st);
	return rc == PS_DONE ? PS_OK : rc;
}

/* A hash of a random password, verified against when the user is unknown, so
 * that the answer takes as long as for a real account (AUTH-2). */
static char dummy_buf[CRYPTO_PWHASH_LEN];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void init_dummy(void)
{
	char tok[CRYPTO_TOKEN_HEX];

	crypto_token(tok);
	if (crypto_password_hash(tok, dummy_buf))
		dummy_buf[0] = '\0';
}

static const char *dummy_hash(void)
{
	pthread_once(&dummy_once, init_dummy);
	return dummy_buf[0] ? dummy_buf : NULL;
}

int auth_end_sessions(struct ctx *c, int64_t user_id, const char *reason,
		      const char *except_hash)
{
	struct db_stmt *st;
	int rc = db_prepare(c->db,
			    "UPDATE session SET revoked_at = ?, revoke_reason = ?"
			    " WHERE user_id = ? AND revoked_at IS NULL"
			    " AND (? IS NULL OR token_hash <> ?)",
			    &st, c->err);

	if (rc)
		return rc;
	db_bind_int(st, 1, c->now);
	db_bind_text(st, 2, reason);
	db_bind_int(st, 3, user_id);
	db_bind_text(st, 4, except_hash);
	db_bind_text(st, 5, except_hash);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	if (db_changes(c->db) > 0)
		return audit_write(c, "session.end_others", "user", NULL,
				   "success", reason);
	return PS_OK;
}

static int create_session(struct ctx *c, int64_t user_id, struct login_result *out)
{
	char hash[CRYPTO_HASH_HEX];
	struct db_stmt *st;
	int64_t abs_h = setting_int(c, "session.absolute_hours", 0);
	int rc;

	crypto_token(out->token);
	crypto_token(out->csrf);
	crypto_hash_hex(out->token, strlen(out->token), hash);
	c->session_hash = arena_strdup(c->arena, hash);
	rc = db_prepare(c->db,
			"INSERT INTO session(token_hash, csrf_token, user_id, created_at,"
			" last_seen_at, expires_at, client_ip) VALUES (?,?,?,?,?,?,?)",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_text(st, 1, hash);
	db_bind_text(st, 2, out->csrf);
	db_bind_int(st, 3, user_id);
	db_bind_int(st, 4, c->now);
	db_bind_int(st, 5, c->now);
	db_bind_int(st, 6, c->now + abs_h * 3600);
	db_bind_text(st, 7, c->client_ip);
	rc = db_step(st, c->err);
	db_finalize(st);
	return rc == PS_DONE ? PS_OK : rc;
}

int auth_login_check(struct ctx *c, const char *username, struct login_check *chk)
{
	struct login_user u;
	int found = 0, rc, retry;

	memset(chk, 0, sizeof(*chk));
	rc = addr_retry_after(c, &retry);
	if (rc)
		return rc;
	if (retry > 0) {
		chk->rate = 1; /* no work is spent on it */
		return PS_OK;
	}
	memset(&u, 0, sizeof(u));
	rc = load_login_user(c, username, &u, &found);
	if (rc)
		return rc;
	chk->found = found;
	snprintf(chk->hash, sizeof(chk->hash), "%s", found ? u.hash : "");
	chk->loaded = 1;
	ps_memzero(u.hash, sizeof(u.hash));
	return PS_OK;
}

void auth_login_verify(struct login_check *chk, const char *password)
{
	const char *h;
	int v;

	if (!chk->loaded || chk->done)
		return;
	/* an unknown account costs the same as a known one (AUTH-2) */
	h = chk->found && chk->hash[0] ? chk->hash : dummy_hash();
	v = h ? crypto_password_check(h, password) : CRYPTO_PW_MISMATCH;
	chk->failed = v == CRYPTO_PW_ERROR;
	chk->ok = chk->found && v == CRYPTO_PW_MATCH;
	chk->done = 1;
}

/* The password check of chk still holds for the account as loaded now: the
 * same account, the same hash. */
static int check_holds(const struct login_check *chk, int found, const struct login_user *u)
{
	return chk && chk->done && chk->found == found &&
	       (!found || strcmp(chk->hash, u->hash) == 0);
}

int auth_login(struct ctx *c, const char *username, const char *totp_code,
	       const struct login_check *chk, struct login_result *out)
{
	struct login_user u;
	struct lockout_policy pol;
	enum mfa_verdict mv = MFA_NONE;
	int found = 0, rc, locked_now, retry;

	memset(out, 0, sizeof(*out));
	memset(&u, 0, sizeof(u));
	/* the check could not be made (argon2id without memory) or has not
	 * run (the offload pool never took it): a 5xx to try again, never a
	 * wrong-password answer, nothing counted */
	if (chk && chk->failed)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "登录暂时无法完成，请重试");
	if (chk && chk->loaded && !chk->done)
		return ps_fail(c->err, PS_EBUSY, NULL, NULL, "登录暂时无法完成，请重试");
	rc = addr_retry_after(c, &retry);
	if (rc)
		return rc;
	if (retry > 0 || (chk && chk->rate)) {
		/* AUTH-2: the address is over its limit (or was when the check
		 * would have run: then it may try again at once) */
		out->outcome = LOGIN_RATE;
		out->retry_after = retry > 0 ? retry : 1;
		return audit_write(c, "login.rate_limited", "user", username, "denied", NULL);
	}
	rc = load_login_user(c, username, &u, &found);
	if (rc)
		return rc;
	pol.max_failures = (int)setting_int(c, "auth.max_failures", 0);
	pol.window_s = setting_int(c, "auth.fail_window_minutes", 0) * 60;
	pol.lock_s = setting_int(c, "auth.lock_minutes", 0) * 60;

	/* Every refusal below answers the same (LOGIN_BAD: 401
	 * BAD_CREDENTIALS): an unknown user, a disabled or locked account, a
	 * wrong password (AUTH-2, AUTH-9). Only the audit row says which. */
	out->outcome = LOGIN_BAD;
	if (!found) {
		rc = addr_failed(c);
		if (rc)
			return rc;
		return audit_write(c, "login.failure", "user", username, "denied",
				   "unknown user");
	}
	if (!check_holds(chk, found, &u)) {
		/* not checked against the account's hash of now (its password
		 * changed meanwhile, or the check could not be made): the
		 * writer never runs argon2id (AUTH-9); not counted as a failure */
		ps_memzero(u.hash, sizeof(u.hash));
		return audit_write(c, "login.failure", "user", username, "denied",
				   "password not checked against the current hash; not counted");
	}
	ps_memzero(u.hash, sizeof(u.hash));
	if (u.disabled || lockout_is_locked(&u.lock, c->now)) {
		rc = addr_failed(c);
		if (rc)
			return rc;
		return audit_write(c, "login.failure", "user", username, "denied",
				   u.disabled ? "account disabled by administrator"
					      : "account locked");
	}
	if (chk->ok) {
		/* the second factor (AUTH-5), once the password was right: an
		 * HMAC, cheap enough for the writer */
		rc = mfa_login_verify(c, u.id, totp_code, &mv);
		if (rc)
			return rc;
		if (mv == MFA_MISSING) {
			out->outcome = LOGIN_TOTP_REQUIRED;
			return audit_write(c, "login.totp_required", "user", username, "denied", NULL);
		}
	}
	if (!chk->ok || mv == MFA_BAD) {
		locked_now = lockout_on_failure(&u.lock, &pol, c->now);
		rc = addr_failed(c);
		if (!rc)
			rc = store_lock_state(c, &u);
		if (!rc)
			rc = audit_write(c, "login.failure", "user", username, "denied",
					 chk->ok ? "wrong second factor" : "wrong password");
		if (!rc && locked_now)
			rc = audit_write(c, "account.lock", "user", username,
					 "success", "too many failed logins");
		out->outcome = chk->ok ? LOGIN_TOTP_BAD : LOGIN_BAD;
		return rc;
	}
	lockout_on_success(&u.lock);
	rc = store_lock_state(c, &u);
	if (!rc)
		rc = auth_end_sessions(c, u.id, "superseded by a new login", NULL);
	if (!rc)
		rc = create_session(c, u.id, out);
	if (!rc) {
		struct db_stmt *st;

		rc = db_prepare(c->db, "UPDATE users SET last_login_at = ? WHERE id = ?",
				&st, c->err);
		if (!rc) {
			db_bind_int(st, 1, c->now);
			db_bind_int(st, 2, u.id);
			rc = db_step(st, c->err);
			db_finalize(st);
			rc = rc == PS_DONE ? PS_OK : rc;
		}
	}
	if (!rc)
		rc = audit_write(c, "login.success", "user", username, "success", NULL);
	if (!rc)
		rc = auth_user_json(c, u.id, &out->user);
	if (rc)
		return rc;
	out->outcome = LOGIN_OK;
	return PS_OK;
}

/* Fill c->who from ten columns starting at col: id, username, name, role,
 * unit_id, unit name, unit kind, unit path, badge_no, must_change_pw. */
static void actor_from_row(struct ctx *c, struct db_stmt *st, int col)
{
	c->who.user_id = db_column_int(st, col);
	c->who.username = arena_strdup(c->arena, db_column_text(st, col + 1));
	c->who.name = arena_strdup(c->arena, db_column_text(st, col + 2));
	c->who.role = arena_strdup(c->arena, db_column_text(st, col + 3));
	c->who.unit_id = db_column_int(st, col + 4);
	c->who.unit_name = arena_strdup(c->arena, db_column_text(st, col + 5));
	c->who.unit_kind = arena_strdup(c->arena, db_column_text(st, col + 6));
	c->who.unit_path = arena_strdup(c->arena, db_column_text(st, col + 7));
	c->who.badge_no = arena_strdup(c->arena, db_column_text(st, col + 8));
	c->who.must_change_pw = (int)db_column_int(st, col + 9);
	c->who.scope_path = c->who.unit_path;
	c->who.station_id = 0;
	if (c->who.unit_kind && strcmp(c->who.unit_kind, "station") == 0)
		c->who.station_id = c->who.unit_id;
	/* a 警务室 works its station's cases; a county brigade or the 110
	 * center works across the county: their scope is the unit above */
	if (c->who.unit_kind && c->who.unit_path &&
	    (strcmp(c->who.unit_kind, "post") == 0 || strcmp(c->who.unit_kind, "brigade") == 0 ||
	     strcmp(c->who.unit_kind, "center") == 0)) {
		size_t n = strlen(c->who.unit_path);
		char *sp = arena_strdup(c->arena, c->who.unit_path);

		if (sp && n >= 2) {
			char *cut = sp + n - 2;

			while (cut > sp && *cut != '/')
				cut--;
			cut[1] = '\0';
			c->who.scope_path = sp;
			if (strcmp(c->who.unit_kind, "post") == 0) {
				while (cut > sp && cut[-1] != '/')
					cut--;
				c->who.station_id = strtoll(cut, NULL, 10);
			}
		}
	}
}

static int actor_load(struct ctx *c, const char *username, int enabled_only)
{
	struct db_stmt *st;
	int rc = db_prepare(c->db,
			    "SELECT u.id, u.username, u.name, u.role, u.unit_id, o.name, o.kind, o.path,"
			    " u.badge_no, u.must_change_pw, u.disabled"
			    " FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.username = ?",
			    &st, c->err);

	if (rc)
		return rc;
	db_bind_text(st, 1, username);
	rc = db_step(st, c->err);
	if (rc == PS_ROW && enabled_only && db_column_int(st, 10)) {
		rc = ps_fail(c->err, PS_EFORBIDDEN, "ACCOUNT_DISABLED", NULL,
			     "用户 %s 已被管理员停用，不能以其名义操作", username);
	} else if (rc == PS_ROW) {
		actor_from_row(c, st, 0);
		rc = c->who.username ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	} else if (rc == PS_DONE) {
		rc = ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "用户不存在：%s", username);
	}
	db_finalize(st);
	return rc;
}

int auth_actor_load(struct ctx *c, const char *username)
{
	return actor_load(c, username, 0);
}

int auth_actor_load_enabled(struct ctx *c, const char *username)
{
	return actor_load(c, username, 1);
}

/* ---- sessions ---- */

int auth_touch_deferred(struct ctx *c)
{
	struct db_stmt *st;
	int rc;

	if (!c->touch_hash)
		return PS_OK;
	rc = db_prepare(c->db, "UPDATE session SET last_seen_at = ?"
			" WHERE token_hash = ? AND last_seen_at < ?", &st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, c->now);
	db_bind_text(st, 2, c->touch_hash);
	db_bind_int(st, 3, c->now);
	rc = db_step(st, c->err);
	db_finalize(st);
	c->touch_hash = NULL;
	return rc == PS_DONE ? PS_OK : rc;
}

int auth_session(struct ctx *c, const char *token, const char **csrf)
{
	char hash[CRYPTO_HASH_HEX];
	struct db_stmt *st, *all[2];
	enum session_state state;
	int64_t last_seen, idle_min;
	int rc;

	*csrf = NULL;
	if (!token || strlen(token) != CRYPTO_TOKEN_HEX - 1)
		return ps_fail(c->err, PS_EAUTH, "UNAUTHENTICATED", NULL, "请先登录");
	crypto_hash_hex(token, strlen(token), hash);
	rc = db_prepare(c->db,
			"SELECT s.csrf_token, s.created_at, s.last_seen_at, s.expires_at,"
			" s.revoked_at, u.id, u.username, u.name, u.role, u.unit_id,"
			" o.name, o.kind, o.path, u.badge_no, u.must_change_pw, u.disabled"
			" FROM session s JOIN users u ON u.id = s.user_id"
			" JOIN org_unit o ON o.id = u.unit_id WHERE s.token_hash = ?",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_text(st, 1, hash);
	/* the county's settings, which nearly every request reads (the idle
	 * time just below), go with the session: one round trip on
	 * PostgreSQL */
	all[0] = st;
	settings_memo_prepare(c, 0, &all[1]);
	rc = all[1] ? db_run_all(all, 2, c->err) : PS_OK;
	if (!rc)
		rc = db_step(st, c->err);
	if (rc == PS_DONE || rc == PS_ROW)
		settings_memo_take(c, 0, all[1]);
	else
		db_finalize(all[1]);
	if (rc == PS_DONE) {
		db_finalize(st);
		return ps_fail(c->err, PS_EAUTH, "UNAUTHENTICATED", NULL, "请先登录");
	}
	if (rc != PS_ROW) {
		db_finalize(st);
		return rc;
	}
	*csrf = arena_strdup(c->arena, db_column_text(st, 0));
	last_seen = db_column_int(st, 2);
	actor_from_row(c, st, 5);
	idle_min = setting_int(c, "session.idle_minutes", 0);
	state = session_state_at(db_column_int(st, 1), last_seen,
				 db_column_type(st, 4) != DB_NULL || db_column_int(st, 15),
				 c->now, idle_min * 60,
				 db_column_int(st, 3) - db_column_int(st, 1));
	db_finalize(st);
	if (!*csrf || !c->who.username)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	c->session_hash = arena_strdup(c->arena, hash);
	if (state != SESSION_VALID) {
		struct actor anon = { 0 };

		c->who = anon;
		return ps_fail(c->err, PS_EAUTH, "SESSION_EXPIRED", NULL,
			       state == SESSION_REVOKED ? "会话已失效，请重新登录"
							: "登录已超时，请重新登录");
	}
	/* touch at most every 15 s: keeps read-only requests read-only */
	if (c->now - last_seen >= 15) {
		if (c->defer_writes) {
			c->touch_hash = c->session_hash;
			return PS_OK;
		}
		/* never backwards: another server's clock may run behind */
		rc = db_prepare(c->db,
				"UPDATE session SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?",
				&st, c->err);
		if (rc)
			return rc;
		db_bind_int(st, 1, c->now);
		db_bind_text(st, 2, hash);
		db_bind_int(st, 3, c->now);
		rc = db_step(st, c->err);
		db_finalize(st);
		if (rc != PS_DONE)
			return rc;
	}
	return PS_OK;
}

int auth_logout(struct ctx *c)
{
	struct db_stmt *st;
	int rc = db_prepare(c->db,
			    "UPDATE session SET revoked_at = ?, revoke_reason = 'logout'"
			    " WHERE token_hash = ? AND revoked_at IS NULL",
			    &st, c->err);

	if (rc)
		return rc;
	db_bind_int(st, 1, c->now);
	db_bind_text(st, 2, c->session_hash);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	return audit_write(c, "logout", "user", c->who.username, "success", NULL);
}

int auth_me(struct ctx *c, json_t **out)
{
	return auth_user_json(c, c->who.user_id, out);
}
