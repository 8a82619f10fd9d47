/* session.c — POST/DELETE /session, GET /me, POST /me/password, GET /health. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/admin/auth.h"
#include "domain/admin/passwords.h"
#include "domain/admin/mfa.h"
#include "domain/authz.h"
#include "domain/admin/settings.h"
#include "core/json.h"
#include "core/mem.h"
#include "rules/password.h"

#include <string.h>

static const char *cookie(struct req *r, const char *value, int max_age)
{
	return arena_printf(r->arena, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s; Max-Age=%d",
			    api_cookie_name(), value,
			    api_config.secure_cookie ? "; Secure" : "", max_age);
}

struct session_create_body {
	const char *username;
	const char *password;
	const char *totp_code; /* 6 digits, or a recovery code (AUTH-5) */
};

const struct field session_create_fields[] = {
	FSTR(struct session_create_body, username, "username", 1, 64),
	FSTR(struct session_create_body, password, "password", 1, PASSWORD_MAX_BYTES),
	FSTR(struct session_create_body, totp_code, "totp_code", 0, 32),
	FEND,
};

/* The argon2id of a login, on the offload pool (AUTH-9). */
static void session_verify(struct req *r)
{
	struct login_check *chk = r->prepared;
	const char *pw = json_string_value(json_object_get(r->in, "password"));

	if (chk && pw)
		auth_login_verify(chk, pw);
}

int api_session_create(struct req *r)
{
	struct session_create_body body_in = { 0 };
	struct login_result res;
	int rc;

	rc = fields_bind(r->in, session_create_fields, &body_in, &r->err);
	if (rc)
		return rc;
	if (r->preparing) {
		/* on the worker: read the account; the argon2id check runs
		 * next on the offload pool, before the writer */
		struct login_check *chk = arena_alloc(r->arena, sizeof(*chk));

		if (!chk)
			return ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
		rc = auth_login_check(&r->ctx, body_in.username, chk);
		if (!rc) {
			r->prepared = chk;
			r->prepared_wipe = sizeof(*chk); /* the account's hash */
			r->offload = session_verify;
		}
		return rc;
	}
	/* the account could not be read for the check (out of memory,
	 * storage): a 5xx to try again, never a wrong-password answer */
	if (!r->prepared && r->prepare_failed) {
		r->err = r->prepare_err;
		return r->err.rc;
	}
	/* chk stays whole until the request ends (api_finish wipes it): a
	 * run retried after a busy store checks the same verdict again */
	rc = auth_login(&r->ctx, body_in.username, body_in.totp_code, r->prepared, &res);
	if (rc)
		return rc;
	/* every outcome is committed: counters and audit rows must land */
	switch (res.outcome) {
	case LOGIN_OK:
		/* the cookie lives as long as the session may (SESS-2) */
		r->set_cookie = cookie(r, res.token, setting_int(&r->ctx, "session.absolute_hours", 0) * 3600);
		r->no_store = 1;
		rc = req_reply(r, 200, json_pack("{s:o, s:s}", "user", res.user,
						 "csrf_token", res.csrf));
		ps_memzero(res.token, sizeof(res.token));
		return rc;
	case LOGIN_RATE:
		r->retry_after = res.retry_after;
		ps_fail(&r->err, PS_ERATE, "TOO_MANY_REQUESTS", "AUTH-2",
			"登录失败次数过多，请稍后再试");
		break;
	case LOGIN_TOTP_REQUIRED:
		/* said only after the password was right (AUTH-5) */
		ps_fail(&r->err, PS_EAUTH, "TOTP_REQUIRED", "AUTH-5", "请输入动态验证码");
		break;
	case LOGIN_TOTP_BAD:
		ps_fail(&r->err, PS_EAUTH, "TOTP_INVALID", "AUTH-5", "动态验证码错误或已使用");
		break;
	default:
		/* a locked account answers exactly like a wrong password
		 * (AUTH-9): the lock is shown only to the administrator */
		ps_fail(&r->err, PS_EAUTH, "BAD_CREDENTIALS", NULL, "用户名或密码错误");
	}
	{
		/* the rule that refused the login (AUTH-2 rate) goes out as in
		 * every other error answer */
		json_t *err = json_pack("{s:s, s:s, s:s}", "code", r->err.code, "message",
					r->err.msg, "request_id", r->request_id);

		if (err && r->err.rule)
			json_object_set_new(err, "rule", json_string(r->err.rule));
		return req_reply(r, ps_rc_http_status(r->err.rc),
				 err ? json_pack("{s:o}", "error", err) : NULL);
	}
}

int api_session_delete(struct req *r)
{
	int rc = auth_logout(&r->ctx);

	if (rc)
		return rc;
	r->set_cookie = cookie(r, "", 0);
	return req_reply(r, 200, json_object());
}

int api_me(struct req *r)
{
	json_t *u, *actions, *totp;
	int rc = auth_me(&r->ctx, &u);

	if (rc)
		return rc;
	/* the two-factor state: the web sends a required role to enrol (AUTH-5) */
	rc = mfa_status(&r->ctx, &totp);
	if (rc) {
		json_decref(u);
		return rc;
	}
	/* what this user may do (the action table): the web's menus and buttons */
	actions = authz_me_json(&r->ctx);
	if (!actions) {
		json_decref(u);
		json_decref(totp);
		return ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	r->no_store = 1;
	return req_reply(r, 200, json_pack("{s:o, s:s, s:o, s:o}", "user", u, "csrf_token",
					   r->session_csrf, "actions", actions, "totp", totp));
}

struct me_password_body {
	const char *old_password;
	const char *new_password;
};

const struct field me_password_fields[] = {
	FSTR(struct me_password_body, old_password, "old_password", 1, PASSWORD_MAX_BYTES),
	FSTR(struct me_password_body, new_password, "new_password", 1, 1000),
	FEND,
};

int api_me_password(struct req *r)
{
	struct me_password_body body_in = { 0 };
	int rc;

	rc = fields_bind(r->in, me_password_fields, &body_in, &r->err);
	if (!rc)
	if (!rc && r->preparing) {
		/* on the worker: old password, history and hash, before the writer */
		struct pw_prep *p = arena_alloc(r->arena, sizeof(*p));

		r->prepared = p;
		r->prepared_wipe = p ? sizeof(*p) : 0; /* wiped by api_finish */
		return p ? passwords_prepare(&r->ctx, r->ctx.who.user_id, r->ctx.who.username,
						 body_in.old_password, body_in.new_password, p)
			 : PS_OK;
	}
	r->ctx.pw_prep = r->prepared;
	if (!rc)
		rc = passwords_change(&r->ctx, body_in.old_password, body_in.new_password);
	if (rc)
		return rc;
	return req_reply(r, 200, json_object());
}

int api_health(struct req *r)
{
	int rc = api_write_failed() ? api_writes_stopped(&r->err) : api_writes_held(&r->err);

	if (rc)
		return rc;
	return req_reply(r, 200, json_pack("{s:s, s:s, s:s}", "status", "ok", "store",
					   db_kind(r->db), "version", PRECINCT_VERSION));
}
