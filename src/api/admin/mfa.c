/* mfa.c — two-factor login (TOTP): GET /me/totp, POST /me/totp/setup,
 * /me/totp/confirm, /me/totp/disable, and the admin's POST
 * /users/{id}/totp/reset. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/admin/mfa.h"

struct totp_code_body {
	const char *code;
};

const struct field me_totp_code_fields[] = {
	FSTR(struct totp_code_body, code, "code", 1, 32),
	FEND,
};

int api_me_totp(struct req *r)
{
	json_t *out;
	int rc = mfa_status(&r->ctx, &out);

	if (rc)
		return rc;
	r->no_store = 1;
	return req_reply(r, 200, out);
}

int api_me_totp_setup(struct req *r)
{
	json_t *out;
	int rc = mfa_setup_start(&r->ctx, &out);

	if (rc)
		return rc;
	r->no_store = 1; /* the secret */
	return req_reply(r, 200, out);
}

int api_me_totp_confirm(struct req *r)
{
	struct totp_code_body in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, me_totp_code_fields, &in, &r->err);

	if (!rc)
		rc = mfa_setup_confirm(&r->ctx, in.code, &out);
	if (rc == PS_ERATE)
		r->retry_after = mfa_code_retry_after(&r->ctx);
	if (rc)
		return rc;
	r->no_store = 1; /* the recovery codes, shown once */
	return req_reply(r, 200, out);
}

int api_me_totp_disable(struct req *r)
{
	struct totp_code_body in = { 0 };
	int rc = fields_bind(r->in, me_totp_code_fields, &in, &r->err);

	if (!rc)
		rc = mfa_disable(&r->ctx, in.code);
	if (rc == PS_ERATE)
		r->retry_after = mfa_code_retry_after(&r->ctx);
	if (rc)
		return rc;
	return req_reply(r, 200, json_object());
}

int api_users_totp_reset(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = mfa_reset(&r->ctx, id, &out);
	if (rc)
		return rc;
	return req_reply(r, 200, out);
}
