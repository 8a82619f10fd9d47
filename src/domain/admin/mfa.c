/* mfa.c — two-factor login with TOTP: enrolment, the login's second factor,
 * the gate of the roles that must use it, disable and the admin reset. */
#include "domain/admin/mfa.h"
#include "domain/throttle.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/rows.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/totp.h"

#include <stdio.h>
#include <string.h>

#define RECOVERY_CHARS 16 /* from 31 symbols: 79 bits */
#define MFA_ISSUER "Precinct"

int mfa_role_required(struct ctx *c, const char *role)
{
	const char *list = setting_text(c, "auth.mfa_roles", 0);
	size_t rl = role ? strlen(role) : 0;

	if (!rl)
		return 0;
	for (const char *p = list; p && *p;) {
		const char *e = strchr(p, ',');
		size_t n;

		while (*p == ' ')
			p++;
		n = e ? (size_t)(e - p) : strlen(p);
		while (n && p[n - 1] == ' ')
			n--;
		if (n == rl && strncmp(p, role, n) == 0)
			return 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

/* The account's TOTP row: *exists, *enabled, its key (opened from the
 * sealed column when load_totp was asked to: readable 0 when it was not or
 * it does not open) and the last accepted step. */
struct totp_row {
	int exists, enabled, readable;
	unsigned char key[MFA_KEY_MAX];
	size_t keylen;
	int64_t last_step;
};

/* The additional data a secret is sealed with: its owner, so that a row
 * copied to another account does not open. */
static int sealed_ad(int64_t user_id, char out[40])
{
	return snprintf(out, 40, "user_totp:%lld", (long long)user_id);
}

/* Seal key (n bytes) for user_id as the column's text (MFA_SEALED_PREFIX
 * and crypto_seal's text) into out. */
static int seal_secret(struct ctx *c, int64_t user_id, const unsigned char *key, size_t n,
		       char out[MFA_SEALED_TEXT])
{
	char ad[40];
	int adn = sealed_ad(user_id, ad);

	if (!c->totp_key)
		return ps_fail(c->err, PS_EIO, "SECRET_UNAVAILABLE", NULL,
			       "服务器密钥未加载，无法保存双因素密钥");
	memcpy(out, MFA_SEALED_PREFIX, sizeof(MFA_SEALED_PREFIX) - 1);
	if (crypto_seal(c->totp_key, key, n, ad, (size_t)adn,
			out + sizeof(MFA_SEALED_PREFIX) - 1,
			MFA_SEALED_TEXT - (sizeof(MFA_SEALED_PREFIX) - 1)) != PS_OK)
		return ps_fail(c->err, PS_EINVAL, NULL, NULL, "双因素密钥过长");
	return PS_OK;
}

/* Open the column's text for user_id into t->key; 1 when it opened. A row
 * in plain base32 (made before CRY-2) is not accepted here: serve seals
 * those at start (mfa_secrets_seal) before it answers anything. */
static int open_secret(struct ctx *c, int64_t user_id, const char *text, struct totp_row *t)
{
	char ad[40];
	int adn = sealed_ad(user_id, ad);

	t->keylen = 0;
	if (!c->totp_key || strncmp(text, MFA_SEALED_PREFIX, sizeof(MFA_SEALED_PREFIX) - 1) != 0)
		return 0;
	return crypto_open(c->totp_key, text + sizeof(MFA_SEALED_PREFIX) - 1, ad, (size_t)adn,
			   t->key, sizeof(t->key), &t->keylen) == PS_OK &&
	       t->keylen > 0;
}

static int load_totp(struct ctx *c, int64_t user_id, struct totp_row *t, int want_key)
{
	struct db_stmt *st;
	int rc;

	memset(t, 0, sizeof(*t));
	rc = db_prepare(c->db,
			"SELECT secret, enabled_at, last_step FROM user_totp WHERE user_id = ?",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, user_id);
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		const char *text = db_column_text(st, 0);

		t->exists = 1;
		t->enabled = db_column_type(st, 1) != DB_NULL;
		t->readable = want_key && open_secret(c, user_id, text ? text : "", t);
		if (want_key && !t->readable && t->enabled)
			log_warn("two-factor secret of user %lld does not open with the server key"
				 " (DB.key lost or replaced?): an administrator must reset it",
				 (long long)user_id);
		t->last_step = db_column_int(st, 2);
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = PS_OK;
	}
	db_finalize(st);
	return rc;
}

/* The matching step of a TOTP code for the row, or -1 (also for a secret
 * that did not open). */
static int64_t totp_match(struct ctx *c, const struct totp_row *t, const char *code)
{
	if (!t->readable)
		return -1;
	return totp_check(t->key, t->keylen, c->now, t->last_step, code);
}

static int exec_int2(struct ctx *c, const char *sql, int64_t a, int64_t b)
{
	struct db_stmt *st;
	int rc = db_prepare(c->db, sql, &st, c->err);

	if (rc)
		return rc;
	db_bind_int(st, 1, a);
	db_bind_int(st, 2, b);
	rc = db_step(st, c->err);
	db_finalize(st);
	return rc == PS_DONE ? PS_OK : rc;
}

static int exec_int1(struct ctx *c, const char *sql, int64_t a)
{
	struct db_stmt *st;
	int rc = db_prepare(c->db, sql, &st, c->err);

	if (rc)
		return rc;
	db_bind_int(st, 1, a);
	rc = db_step(st, c->err);
	db_finalize(st);
	return rc == PS_DONE ? PS_OK : rc;
}

/* A recovery code as it is hashed: upper case, without '-' and spaces.
 * 0 when it cannot be one. */
static int recovery_norm(const char *code, char out[RECOVERY_CHARS + 1])
{
	size_t n = 0;

	for (const char *p = code; *p; p++) {
		char ch = *p;

		if (ch == '-' || ch == ' ')
			continue;
		if (ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) || n >= RECOVERY_CHARS)
			return 0;
		out[n++] = ch;
	}
	out[n] = '\0';
	return n == RECOVERY_CHARS;
}

static void recovery_hash(int64_t user_id, const char *norm, char out[CRYPTO_HASH_HEX])
{
	char text[64];
	int n = snprintf(text, sizeof(text), "%lld:%s", (long long)user_id, norm);

	crypto_hash_hex(text, (size_t)n, out);
	ps_memzero(text, sizeof(text));
}

/* Mark an unused recovery code of user_id used; *ok = 1 when there was one. */
static int recovery_use(struct ctx *c, int64_t user_id, const char *code, int *ok)
{
	char norm[RECOVERY_CHARS + 1], hash[CRYPTO_HASH_HEX];
	struct db_stmt *st;
	int rc;

	*ok = 0;
	if (!recovery_norm(code, norm))
		return PS_OK;
	recovery_hash(user_id, norm, hash);
	ps_memzero(norm, sizeof(norm));
	rc = db_prepare(c->db,
			"UPDATE totp_recovery SET used_at = ? WHERE user_id = ? AND code_hash = ?"
			" AND used_at IS NULL",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, c->now);
	db_bind_int(st, 2, user_id);
	db_bind_text(st, 3, hash);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	*ok = db_changes(c->db) == 1;
	return PS_OK;
}

int mfa_gate(struct ctx *c)
{
	struct totp_row t;
	int rc;

	if (!c->who.user_id || !mfa_role_required(c, c->who.role))
		return PS_OK;
	rc = load_totp(c, c->who.user_id, &t, 0);
	ps_memzero(t.key, sizeof(t.key));
	if (rc)
		return rc;
	if (t.enabled)
		return PS_OK;
	return ps_fail(c->err, PS_EFORBIDDEN, "TOTP_ENROL_REQUIRED", "AUTH-5",
		       "你的角色须使用双因素认证，请先在“账号安全”中绑定动态验证码");
}

int mfa_login_verify(struct ctx *c, int64_t user_id, const char *code, enum mfa_verdict *v)
{
	struct totp_row t;
	int64_t s;
	int rc, ok;

	*v = MFA_BAD;
	rc = load_totp(c, user_id, &t, 1);
	if (rc)
		goto out;
	if (!t.enabled) {
		*v = MFA_NONE;
		goto out;
	}
	if (!code || !*code) {
		*v = MFA_MISSING;
		goto out;
	}
	if (strlen(code) == TOTP_DIGITS) {
		s = totp_match(c, &t, code);
		if (s < 0)
			goto out;
		rc = exec_int2(c, "UPDATE user_totp SET last_step = ? WHERE user_id = ?", s, user_id);
		if (!rc)
			*v = MFA_OK;
		goto out;
	}
	rc = recovery_use(c, user_id, code, &ok);
	if (!rc && ok) {
		rc = audit_write(c, "mfa.recovery_used", "user", c->who.username, "success", NULL);
		if (!rc)
			*v = MFA_OK;
	}
out:
	ps_memzero(t.key, sizeof(t.key));
	if (rc)
		*v = MFA_BAD;
	return rc;
}

static int recovery_left(struct ctx *c, int64_t user_id, int64_t *n)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	return rows_int(&q, "SELECT COUNT(*) FROM totp_recovery WHERE user_id = ? AND used_at IS NULL", 0, n);
}

int mfa_status(struct ctx *c, json_t **out)
{
	struct totp_row t;
	int64_t left = 0;
	int rc;

	*out = NULL;
	rc = load_totp(c, c->who.user_id, &t, 0);
	ps_memzero(t.key, sizeof(t.key));
	if (!rc && t.enabled)
		rc = recovery_left(c, c->who.user_id, &left);
	if (rc)
		return rc;
	*out = json_pack("{s:b, s:b, s:b, s:I}", "enabled", t.enabled, "pending",
			 t.exists && !t.enabled, "required", mfa_role_required(c, c->who.role),
			 "recovery_left", (json_int_t)left);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* Percent-encode s for the label of an otpauth URI (RFC 3986 unreserved kept). */
static const char *uri_escape(struct ctx *c, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s), o = 0;
	char *out = arena_alloc(c->arena, n * 3 + 1);

	if (!out)
		return NULL;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' || *p == '_' || *p == '~') {
			out[o++] = (char)*p;
		} else {
			out[o++] = '%';
			out[o++] = hex[*p >> 4];
			out[o++] = hex[*p & 15];
		}
	}
	out[o] = '\0';
	return out;
}

int mfa_setup_start(struct ctx *c, json_t **out)
{
	unsigned char key[TOTP_SECRET_LEN];
	char b32[TOTP_SECRET_B32], sealed[MFA_SEALED_TEXT];
	struct totp_row t;
	struct db_stmt *st;
	const char *label, *uri;
	int rc;

	*out = NULL;
	rc = load_totp(c, c->who.user_id, &t, 0);
	ps_memzero(t.key, sizeof(t.key));
	if (rc)
		return rc;
	if (t.enabled)
		return ps_fail(c->err, PS_ECONFLICT, "TOTP_ALREADY_ENABLED", NULL,
			       "已启用双因素认证；如需更换，请先停用");
	crypto_random(key, sizeof(key));
	totp_base32_encode(key, sizeof(key), b32, sizeof(b32));
	rc = seal_secret(c, c->who.user_id, key, sizeof(key), sealed);
	ps_memzero(key, sizeof(key));
	if (rc)
		goto out;
	rc = db_prepare(c->db,
			t.exists ? "UPDATE user_totp SET secret = ?, created_at = ?, last_step = 0"
				   " WHERE user_id = ?"
				 : "INSERT INTO user_totp(secret, created_at, user_id) VALUES (?,?,?)",
			&st, c->err);
	if (rc)
		goto out;
	db_bind_text(st, 1, sealed);
	db_bind_int(st, 2, c->now);
	db_bind_int(st, 3, c->who.user_id);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		goto out;
	rc = audit_write(c, "mfa.setup_start", "user", c->who.username, "success", NULL);
	if (rc)
		goto out;
	label = uri_escape(c, c->who.username ? c->who.username : "");
	uri = label ? arena_printf(c->arena,
				   "otpauth://totp/" MFA_ISSUER ":%s?secret=%s&issuer=" MFA_ISSUER
				   "&algorithm=SHA256&digits=%d&period=%d",
				   label, b32, TOTP_DIGITS, TOTP_PERIOD)
		    : NULL;
	*out = uri ? json_pack("{s:s, s:s, s:s, s:i, s:i}", "secret", b32, "otpauth_uri", uri,
			       "algorithm", "SHA256", "digits", TOTP_DIGITS, "period", TOTP_PERIOD)
		   : NULL;
	rc = *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
out:
	ps_memzero(b32, sizeof(b32));
	return rc;
}

/* Make the 10 recovery codes of the actor (old ones dropped): their hashes
 * stored, the codes themselves appended to codes in four groups of four, dashed. */
static int recovery_make(struct ctx *c, json_t *codes)
{
	struct db_stmt *st;
	int rc = exec_int1(c, "DELETE FROM totp_recovery WHERE user_id = ?", c->who.user_id);

	if (rc)
		return rc;
	for (int i = 0; i < MFA_RECOVERY_CODES; i++) {
		char raw[RECOVERY_CHARS + 1], shown[RECOVERY_CHARS + 4], hash[CRYPTO_HASH_HEX];

		crypto_code(raw, RECOVERY_CHARS);
		snprintf(shown, sizeof(shown), "%.4s-%.4s-%.4s-%.4s", raw, raw + 4, raw + 8,
			 raw + 12);
		recovery_hash(c->who.user_id, raw, hash);
		ps_memzero(raw, sizeof(raw));
		rc = db_prepare(c->db,
				"INSERT INTO totp_recovery(user_id, code_hash, created_at) VALUES (?,?,?)",
				&st, c->err);
		if (rc)
			return rc;
		db_bind_int(st, 1, c->who.user_id);
		db_bind_text(st, 2, hash);
		db_bind_int(st, 3, c->now);
		rc = db_step(st, c->err);
		db_finalize(st);
		if (rc != PS_DONE)
			return rc;
		json_array_append_new(codes, json_string(shown));
		ps_memzero(shown, sizeof(shown));
	}
	return PS_OK;
}

/* AUTH-1 for codes outside login: 5 wrong codes in 15 minutes (the lockout
 * settings) refuse confirming or disabling for the rest of the window, so a
 * stolen session cannot try the 10^6 codes. */
static const char *code_key(struct ctx *c)
{
	return arena_printf(c->arena, "%lld", (long long)c->who.user_id);
}

/* *retry for the actor's codes outside login (see mfa_code_retry_after). */
static int code_retry(struct ctx *c, int *retry)
{
	return throttle_retry_after(c, THROTTLE_TOTP_USER, code_key(c),
				    (int)setting_int(c, "auth.max_failures", 0),
				    setting_int(c, "auth.fail_window_minutes", 0) * 60, retry);
}

int mfa_code_retry_after(struct ctx *c)
{
	struct ps_err e;
	struct ps_err *saved = c->err;
	int retry = 0;

	/* for the Retry-After of a refusal already made: the refusal's error
	 * stays in c->err */
	ps_err_clear(&e);
	c->err = &e;
	code_retry(c, &retry);
	c->err = saved;
	return retry;
}

static int code_limited(struct ctx *c, const char *action)
{
	int retry, rc = code_retry(c, &retry);

	if (rc || retry <= 0)
		return rc;
	ctx_audit_after(c, action, "user", c->who.username, "denied", "too many wrong codes");
	return ps_fail(c->err, PS_ERATE, "TOO_MANY_REQUESTS", "AUTH-1", "动态验证码错误次数过多，请稍后再试");
}

/* One more wrong code of the actor; counted again after the refusal's
 * rollback (throttle.h). */
static int code_failed(struct ctx *c)
{
	return throttle_fail(c, THROTTLE_TOTP_USER, code_key(c),
			     setting_int(c, "auth.fail_window_minutes", 0) * 60, NULL);
}

int mfa_setup_confirm(struct ctx *c, const char *code, json_t **out)
{
	struct totp_row t;
	struct db_stmt *st;
	json_t *codes;
	int64_t s;
	int rc;

	*out = NULL;
	rc = load_totp(c, c->who.user_id, &t, 1);
	if (rc)
		goto out;
	if (!t.exists || t.enabled) {
		rc = ps_fail(c->err, PS_ECONFLICT, "TOTP_NOT_PENDING", NULL,
			     t.enabled ? "已启用双因素认证" : "请先开始绑定");
		goto out;
	}
	rc = code_limited(c, "mfa.enrol");
	if (rc)
		goto out;
	s = totp_match(c, &t, code);
	if (s < 0) {
		rc = code_failed(c);
		if (rc)
			goto out;
		ctx_audit_after(c, "mfa.enrol", "user", c->who.username, "denied", "wrong code");
		rc = ps_fail(c->err, PS_EINVAL, "TOTP_INVALID", "AUTH-5",
			     "动态验证码不正确，请核对手机时间后重试");
		c->err->field = "code";
		goto out;
	}
	rc = db_prepare(c->db, "UPDATE user_totp SET enabled_at = ?, last_step = ? WHERE user_id = ?",
			&st, c->err);
	if (rc)
		goto out;
	db_bind_int(st, 1, c->now);
	db_bind_int(st, 2, s);
	db_bind_int(st, 3, c->who.user_id);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		goto out;
	codes = json_array();
	*out = codes ? json_pack("{s:o}", "recovery_codes", codes) : NULL;
	if (!*out) {
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		goto out;
	}
	rc = recovery_make(c, codes);
	if (!rc)
		rc = audit_write(c, "mfa.enrol", "user", c->who.username, "success", NULL);
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
out:
	ps_memzero(t.key, sizeof(t.key));
	return rc;
}

/* Remove user_id's TOTP row and recovery codes. */
static int totp_remove(struct ctx *c, int64_t user_id)
{
	int rc = exec_int1(c, "DELETE FROM totp_recovery WHERE user_id = ?", user_id);

	if (!rc)
		rc = exec_int1(c, "DELETE FROM user_totp WHERE user_id = ?", user_id);
	return rc;
}

int mfa_disable(struct ctx *c, const char *code)
{
	struct totp_row t;
	int rc;

	rc = load_totp(c, c->who.user_id, &t, 1);
	if (rc)
		goto out;
	if (!t.enabled) {
		rc = ps_fail(c->err, PS_ECONFLICT, "TOTP_NOT_ENABLED", NULL, "尚未启用双因素认证");
		goto out;
	}
	if (mfa_role_required(c, c->who.role)) {
		rc = ps_fail(c->err, PS_ECONFLICT, "TOTP_REQUIRED_FOR_ROLE", "AUTH-5",
			     "你的角色必须使用双因素认证，不能停用；更换手机请联系管理员重置");
		goto out;
	}
	rc = code_limited(c, "mfa.disable");
	if (rc)
		goto out;
	if (totp_match(c, &t, code) < 0) {
		rc = code_failed(c);
		if (rc)
			goto out;
		ctx_audit_after(c, "mfa.disable", "user", c->who.username, "denied", "wrong code");
		rc = ps_fail(c->err, PS_EINVAL, "TOTP_INVALID", "AUTH-5", "动态验证码不正确或已使用");
		c->err->field = "code";
		goto out;
	}
	rc = totp_remove(c, c->who.user_id);
	if (!rc)
		rc = audit_write(c, "mfa.disable", "user", c->who.username, "success", NULL);
out:
	ps_memzero(t.key, sizeof(t.key));
	return rc;
}

int mfa_reset(struct ctx *c, int64_t user_id, json_t **out)
{
	struct db_stmt *st;
	const char *username = NULL;
	int had, rc;
	struct totp_row t;

	*out = NULL;
	rc = authz_require(c, ACT_USER_MFA_RESET);
	if (rc)
		return rc;
	rc = db_prepare(c->db, "SELECT username FROM users WHERE id = ?", &st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, user_id);
	rc = db_step(st, c->err);
	if (rc == PS_ROW)
		username = arena_strdup(c->arena, db_column_text(st, 0));
	db_finalize(st);
	if (rc == PS_DONE)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "用户不存在");
	if (rc != PS_ROW)
		return rc;
	if (!username)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = load_totp(c, user_id, &t, 0);
	ps_memzero(t.key, sizeof(t.key));
	if (rc)
		return rc;
	had = t.enabled;
	rc = totp_remove(c, user_id);
	if (!rc && had && user_id != c->who.user_id) {
		/* whoever holds the lost phone's sessions is logged out */
		rc = db_prepare(c->db,
				"UPDATE session SET revoked_at = ?, revoke_reason = 'two-factor reset'"
				" WHERE user_id = ? AND revoked_at IS NULL",
				&st, c->err);
		if (rc)
			return rc;
		db_bind_int(st, 1, c->now);
		db_bind_int(st, 2, user_id);
		rc = db_step(st, c->err);
		db_finalize(st);
		rc = rc == PS_DONE ? PS_OK : rc;
	}
	if (!rc)
		rc = audit_write(c, "user.mfa_reset", "user", username, "success",
				 had ? "enabled two-factor removed" : "nothing enabled");
	if (rc)
		return rc;
	*out = json_pack("{s:I, s:b}", "user_id", (json_int_t)user_id, "was_enabled", had);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* One row of user_totp as mfa_secrets_seal found it. */
struct seal_item {
	int64_t user_id;
	const char *text;
};

/* Seal the rows of user_totp still in plain base32 (databases made before
 * CRY-2) in the caller's write transaction; count what it found. */
int mfa_secrets_seal(struct ctx *c, int *sealed, int *unreadable)
{
	struct seal_item *items = NULL;
	size_t n = 0, cap = 0;
	struct db_stmt *st;
	int rc;

	*sealed = *unreadable = 0;
	rc = db_prepare(c->db, "SELECT user_id, secret FROM user_totp ORDER BY user_id", &st,
			c->err);
	if (rc)
		return rc;
	while ((rc = db_step(st, c->err)) == PS_ROW) {
		if (n == cap) {
			struct seal_item *more;

			cap = cap ? 2 * cap : 16;
			more = arena_alloc(c->arena, cap * sizeof(*more));
			if (!more) {
				db_finalize(st);
				rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
				goto out;
			}
			if (n)
				memcpy(more, items, n * sizeof(*more));
			items = more;
		}
		items[n].user_id = db_column_int(st, 0);
		items[n].text =
			arena_strdup(c->arena, db_column_text(st, 1) ? db_column_text(st, 1) : "");
		if (!items[n].text) {
			db_finalize(st);
			rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
			goto out;
		}
		n++;
	}
	db_finalize(st);
	if (rc != PS_DONE)
		goto out;
	rc = PS_OK;
	/* the plain text a row held is zeroed in the file, not left as free space */
	for (size_t i = 0; i < n; i++)
		if (strncmp(items[i].text, MFA_SEALED_PREFIX, sizeof(MFA_SEALED_PREFIX) - 1) != 0) {
			rc = db_secure_delete(c->db, c->err);
			if (rc)
				goto out;
			break;
		}
	for (size_t i = 0; i < n; i++) {
		unsigned char key[MFA_KEY_MAX];
		char text[MFA_SEALED_TEXT];
		struct totp_row t;
		int len;

		if (strncmp(items[i].text, MFA_SEALED_PREFIX, sizeof(MFA_SEALED_PREFIX) - 1) == 0) {
			if (!open_secret(c, items[i].user_id, items[i].text, &t))
				(*unreadable)++;
			ps_memzero(t.key, sizeof(t.key));
			continue;
		}
		len = totp_base32_decode(items[i].text, key, sizeof(key));
		if (len <= 0) {
			(*unreadable)++;
			continue;
		}
		rc = seal_secret(c, items[i].user_id, key, (size_t)len, text);
		ps_memzero(key, sizeof(key));
		if (rc)
			goto out;
		rc = db_prepare(c->db, "UPDATE user_totp SET secret = ? WHERE user_id = ?", &st,
				c->err);
		if (rc)
			goto out;
		db_bind_text(st, 1, text);
		db_bind_int(st, 2, items[i].user_id);
		rc = db_step(st, c->err);
		db_finalize(st);
		if (rc != PS_DONE)
			goto out;
		rc = PS_OK;
		(*sealed)++;
	}
	if (*sealed)
		rc = audit_write(c, "mfa.secrets_sealed", "database", NULL, "success",
				 arena_printf(c->arena, "%d two-factor secrets sealed", *sealed));
out:
	/* no copy of a plain secret stays in memory */
	for (size_t i = 0; i < n; i++)
		ps_memzero((char *)items[i].text, strlen(items[i].text));
	return rc;
}
