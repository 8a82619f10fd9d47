#include "domain/admin/users.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/admin/auth.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "rules/password.h"
#include "core/crypto.h"
#include "core/mem.h"

#include <stdio.h>
#include <string.h>


static const char user_cols[] =
	"SELECT u.id, u.username, u.name, u.role, u.unit_id, o.name AS unit_name, o.kind AS unit_kind,"
	" u.badge_no, u.phone, u.disabled, u.locked_until, u.must_change_pw,"
	" u.last_login_at, u.created_at,"
	" (SELECT COUNT(*) FROM user_totp t WHERE t.user_id = u.id AND t.enabled_at IS NOT NULL)"
	" AS totp_enabled";

/* 1 when username is 3–32 of [a-z0-9_.-] starting with a letter or digit. */
static int username_valid(const char *u)
{
	size_t n = strlen(u);

	if (n < 3 || n > 32)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = u[i];
		int ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
			 (i > 0 && (ch == '_' || ch == '.' || ch == '-'));
		if (!ok)
			return 0;
	}
	return 1;
}

/* Add role_name and turn the 0/1 columns into booleans. */
static void decorate(json_t *u, int64_t now)
{
	json_t *lu = json_object_get(u, "locked_until");

	json_object_set_new(u, "role_name",
			    json_string(authz_role_title(json_string_value(json_object_get(u, "role")),
							 json_string_value(json_object_get(u, "unit_kind")))));
	json_object_del(u, "unit_kind");
	json_object_set_new(u, "disabled",
			    json_boolean(json_integer_value(json_object_get(u, "disabled"))));
	json_object_set_new(u, "must_change_password",
			    json_boolean(json_integer_value(json_object_get(u, "must_change_pw"))));
	json_object_del(u, "must_change_pw");
	json_object_set_new(u, "totp_enabled",
			    json_boolean(json_integer_value(json_object_get(u, "totp_enabled"))));
	if (lu && json_integer_value(lu) <= now)
		json_object_set_new(u, "locked_until", json_integer(0));
}

int users_get_json(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	char sql[1024];
	int rc;

	snprintf(sql, sizeof(sql),
		 "%s FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?",
		 user_cols);
	rows_query_init(&q, c, NULL, 1, 1);
	rows_bind_int(&q, id);
	rc = rows_one(&q, sql, out);
	if (rc == PS_ENOTFOUND)
		ps_fail(c->err, rc, "NOT_FOUND", NULL, "用户不存在");
	if (!rc)
		decorate(*out, c->now);
	return rc;
}

static int wrap_user(struct ctx *c, int64_t id, json_t **out)
{
	json_t *u;
	int rc = users_get_json(c, id, &u);

	if (rc)
		return rc;
	*out = json_pack("{s:o}", "user", u);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int users_list(struct ctx *c, const struct user_filter *f, json_t **out)
{
	static const char where[] =
		" FROM users u JOIN org_unit o ON o.id = u.unit_id"
		" WHERE (? IS NULL OR u.username LIKE ?" ROWS_ESCAPE " OR u.name LIKE ?" ROWS_ESCAPE ")"
		" AND (? IS NULL OR u.role = ?)"
		" AND (? = 0 OR u.unit_id = ?)";
	struct rows_query q;
	const char *like = NULL;
	json_t *items, *it;
	size_t i;
	int rc;

	rc = authz_require(c, ACT_USER_LIST);
	if (rc)
		return rc;
	rows_query_init(&q, c, where, f->page, f->per_page);
	like = rows_like(&q, f->q, ROWS_LIKE_CONTAINS);
	rows_bind_text(&q, like);
	rows_bind_text(&q, like);
	rows_bind_text(&q, like);
	rows_bind_text(&q, f->role);
	rows_bind_text(&q, f->role);
	rows_bind_int(&q, f->unit_id);
	rows_bind_int(&q, f->unit_id);
	rc = rows_page(&q, user_cols, "ORDER BY u.unit_id, u.id", out);
	if (rc)
		return rc;
	items = json_object_get(*out, "items");
	json_array_foreach(items, i, it)
		decorate(it, c->now);
	return PS_OK;
}

static int unit_exists(struct ctx *c, int64_t unit_id)
{
	struct db_stmt *st;
	int rc = db_prepare(c->db, "SELECT 1 FROM org_unit WHERE id = ? AND active = 1",
			    &st, c->err);

	if (rc)
		return rc;
	db_bind_int(st, 1, unit_id);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc == PS_DONE)
		return ps_fail_field(c->err, PS_EINVAL, "unit_id", "所属单位不存在");
	return rc == PS_ROW ? PS_OK : rc;
}

static int check_input(struct ctx *c, const struct user_input *in, int create)
{
	if (create || in->username) {
		if (!in->username || !username_valid(in->username))
			return ps_fail_field(c->err, PS_EINVAL, "username",
					     "用户名应为 3–32 位小写字母、数字或 _ . -，以字母或数字开头");
	}
	if (create && (!in->name || !*in->name))
		return ps_fail_field(c->err, PS_EINVAL, "name", "姓名不能为空");
	if ((create || in->role) && !authz_role_bit(in->role))
		return ps_fail_field(c->err, PS_EINVAL, "role", "角色不正确");
	if (create || in->unit_id)
		return unit_exists(c, in->unit_id);
	return PS_OK;
}

int users_insert(struct ctx *c, const struct user_input *in, const char *pw_hash,
		 int must_change, int64_t *id_out)
{
	char hash[CRYPTO_PWHASH_LEN];
	struct db_stmt *st;
	int rc;

	if (!pw_hash && c->pw_prep && c->pw_prep->done && c->pw_prep->user_id == 0) {
		pw_hash = c->pw_prep->hash; /* hashed before the writer */
	} else if (!pw_hash) {
		if (crypto_password_hash(in->password, hash))
			return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		pw_hash = hash;
	}
	rc = db_prepare(c->db,
			"INSERT INTO users(username, name, role, unit_id, badge_no, phone,"
			" pw_hash, pw_changed_at, must_change_pw, created_at, updated_at)"
			" VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_text(st, 1, in->username);
	db_bind_text(st, 2, in->name);
	db_bind_text(st, 3, in->role);
	db_bind_int(st, 4, in->unit_id);
	db_bind_text(st, 5, in->badge_no);
	db_bind_text(st, 6, in->phone);
	db_bind_text(st, 7, pw_hash);
	db_bind_int(st, 8, c->now);
	db_bind_int(st, 9, must_change);
	db_bind_int(st, 10, c->now);
	db_bind_int(st, 11, c->now);
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		*id_out = db_column_int(st, 0);
		rc = PS_OK;
	} else if (rc == PS_ECONFLICT) {
		rc = ps_fail(c->err, PS_ECONFLICT, "USERNAME_TAKEN", NULL,
			     "用户名已存在");
		c->err->field = "username";
	} else if (rc == PS_DONE) {
		rc = PS_EINTERNAL;
	}
	/* drain RETURNING so the statement completes */
	db_finalize(st);
	if (rc)
		return rc;
	/* remember the hash, so the first change cannot reuse it */
	rc = db_prepare(c->db,
			"INSERT INTO password_history(user_id, pw_hash, created_at) VALUES (?,?,?)",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, *id_out);
	db_bind_text(st, 2, pw_hash);
	db_bind_int(st, 3, c->now);
	rc = db_step(st, c->err);
	db_finalize(st);
	ps_memzero(hash, sizeof(hash));
	return rc == PS_DONE ? PS_OK : rc;
}

int users_create(struct ctx *c, const struct user_input *in, json_t **out)
{
	int64_t id = 0;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_USER_CREATE);
	if (!rc)
		rc = check_input(c, in, 1);
	if (rc)
		return rc;
	if (!in->password)
		return ps_fail_field(c->err, PS_EINVAL, "password", "缺少初始密码");
	rc = password_check(in->username, in->password,
			    (size_t)setting_int(c, "auth.password_min_length", 0),
			    c->err);
	if (rc)
		return rc;
	rc = users_insert(c, in, NULL, 1, &id);
	if (!rc) {
		char d[160];

		snprintf(d, sizeof(d), "role=%s unit=%lld", in->role,
			 (long long)in->unit_id);
		rc = audit_write(c, "user.create", "user", in->username, "success", d);
	}
	if (!rc)
		rc = wrap_user(c, id, out);
	return rc;
}

static int load_username(struct ctx *c, int64_t id, const char **username,
			 const char **role)
{
	struct db_stmt *st;
	int rc = db_prepare(c->db, "SELECT username, role FROM users WHERE id = ?", &st,
			    c->err);

	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		*username = arena_strdup(c->arena, db_column_text(st, 0));
		if (role)
			*role = arena_strdup(c->arena, db_column_text(st, 1));
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "用户不存在");
	}
	db_finalize(st);
	return rc;
}

int users_update(struct ctx *c, int64_t id, const struct user_input *in,
		 json_t **out)
{
	const char *username, *old_role;
	struct db_stmt *st;
	char d[200];
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_USER_UPDATE);
	if (!rc)
		rc = load_username(c, id, &username, &old_role);
	if (!rc)
		rc = check_input(c, in, 0);
	if (rc)
		return rc;
	if (in->name && !*in->name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "姓名不能为空");
	if (id == c->who.user_id && in->role && strcmp(in->role, "admin") != 0)
		return ps_fail(c->err, PS_ECONFLICT, "SELF_DEMOTE", NULL,
			       "不能修改自己的管理员角色");
	rc = db_prepare(c->db,
			"UPDATE users SET name = COALESCE(?, name), role = COALESCE(?, role),"
			" unit_id = CASE WHEN ? = 0 THEN unit_id ELSE ? END,"
			" badge_no = COALESCE(?, badge_no), phone = COALESCE(?, phone),"
			" updated_at = ? WHERE id = ?",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_text(st, 1, in->name);
	db_bind_text(st, 2, in->role);
	db_bind_int(st, 3, in->unit_id);
	db_bind_int(st, 4, in->unit_id);
	db_bind_text(st, 5, in->badge_no);
	db_bind_text(st, 6, in->phone);
	db_bind_int(st, 7, c->now);
	db_bind_int(st, 8, id);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	snprintf(d, sizeof(d), "role %s->%s unit=%lld", old_role,
		 in->role ? in->role : old_role, (long long)in->unit_id);
	rc = audit_write(c, in->role && strcmp(in->role, old_role) != 0
				    ? "user.role_change" : "user.update",
			 "user", username, "success", d);
	return rc ? rc : wrap_user(c, id, out);
}

int users_set_disabled(struct ctx *c, int64_t id, int disabled, json_t **out)
{
	const char *username;
	struct db_stmt *st;
	int rc;

	*out = NULL;
	rc = authz_require(c, disabled ? ACT_USER_LOCK : ACT_USER_UNLOCK);
	if (!rc)
		rc = load_username(c, id, &username, NULL);
	if (rc)
		return rc;
	if (disabled && id == c->who.user_id)
		return ps_fail(c->err, PS_ECONFLICT, "SELF_LOCK", NULL, "不能锁定自己的账号");
	rc = db_prepare(c->db,
			disabled ? "UPDATE users SET disabled = 1, updated_at = ? WHERE id = ?"
				 : "UPDATE users SET disabled = 0, locked_until = 0, fail_count = 0,"
				   " fail_window_start = 0, updated_at = ? WHERE id = ?",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, c->now);
	db_bind_int(st, 2, id);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	if (disabled) {
		rc = db_prepare(c->db,
				"UPDATE session SET revoked_at = ?, revoke_reason = 'account locked'"
				" WHERE user_id = ? AND revoked_at IS NULL",
				&st, c->err);
		if (rc)
			return rc;
		db_bind_int(st, 1, c->now);
		db_bind_int(st, 2, id);
		rc = db_step(st, c->err);
		db_finalize(st);
		if (rc != PS_DONE)
			return rc;
	}
	rc = audit_write(c, disabled ? "account.lock" : "account.unlock", "user",
			 username, "success", "by administrator");
	return rc ? rc : wrap_user(c, id, out);
}

int users_reset_password(struct ctx *c, int64_t id, const char *pw)
{
	const char *username;
	struct db_stmt *st;
	int rc;

	rc = authz_require(c, ACT_USER_PASSWORD_RESET);
	if (!rc)
		rc = load_username(c, id, &username, NULL);
	if (!rc)
		rc = passwords_set(c, id, username, pw, 1);
	if (rc)
		return rc;
	rc = db_prepare(c->db,
			"UPDATE session SET revoked_at = ?, revoke_reason = 'password reset'"
			" WHERE user_id = ? AND revoked_at IS NULL",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, c->now);
	db_bind_int(st, 2, id);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	return audit_write(c, "user.password_reset", "user", username, "success", NULL);
}

static int find_id(struct ctx *c, const char *sql, const char *key, int64_t *id,
		   const char *what)
{
	struct db_stmt *st;
	int rc = db_prepare(c->db, sql, &st, c->err);

	*id = 0;
	if (rc)
		return rc;
	db_bind_text(st, 1, key);
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		*id = db_column_int(st, 0);
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "%s不存在：%s", what, key);
	}
	db_finalize(st);
	return rc;
}

int users_find_id(struct ctx *c, const char *username, int64_t *id)
{
	return find_id(c, "SELECT id FROM users WHERE username = ?", username, id, "用户");
}


int users_create_prepare(struct ctx *c, const struct user_input *in, struct pw_prep *p)
{
	int rc = authz_require(c, ACT_USER_CREATE);

	memset(p, 0, sizeof(*p));
	if (!rc && in->username && in->password)
		rc = passwords_prepare(c, 0, in->username, NULL, in->password, p);
	return rc;
}

int users_reset_password_prepare(struct ctx *c, int64_t id, const char *pw, struct pw_prep *p)
{
	const char *username;
	int rc = authz_require(c, ACT_USER_PASSWORD_RESET);

	memset(p, 0, sizeof(*p));
	if (!rc)
		rc = load_username(c, id, &username, NULL);
	if (!rc)
		rc = passwords_prepare(c, id, username, NULL, pw, p);
	return rc;
}
