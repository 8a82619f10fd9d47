/* admin.c — /users, /units, /settings (admin) and /audit (auditor). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "core/mem.h"
#include "domain/admin/audit.h"
#include "domain/admin/audit_export.h"
#include "domain/admin/settings.h"
#include "domain/admin/units.h"
#include "domain/admin/users.h"
#include "core/json.h"
#include "rules/password.h"

#include <string.h>

int api_users_list(struct req *r)
{
	struct user_filter f = { 0 };
	json_t *out;
	int rc;

	f.q = req_query(r, "q");
	f.role = req_query(r, "role");
	rc = req_query_int(r, "unit_id", 0, INT64_MAX, 0, &f.unit_id);
	if (!rc)
		rc = req_query_int(r, "page", 1, 1000000, 1, &f.page);
	if (!rc)
		rc = req_query_int(r, "per_page", 1, 200, 20, &f.per_page);
	if (!rc)
		rc = users_list(&r->ctx, &f, &out);
	return rc ? rc : req_reply(r, 200, out);
}

const struct field users_create_fields[] = {
	FSTR(struct user_input, username, "username", 1, 32),
	FSTR(struct user_input, name, "name", 1, 32),
	FSTR(struct user_input, role, "role", 1, 16),
	FINT(struct user_input, unit_id, "unit_id", 1, 1, INT64_MAX),
	FSTR(struct user_input, badge_no, "badge_no", 0, 16),
	FSTR(struct user_input, phone, "phone", 0, 20),
	FSTR(struct user_input, password, "password", 1, PASSWORD_MAX_BYTES),
	FEND,
};

const struct field users_update_fields[] = {
	FSTR(struct user_input, name, "name", 0, 32),
	FSTR(struct user_input, role, "role", 0, 16),
	FINT(struct user_input, unit_id, "unit_id", 0, 1, INT64_MAX),
	FSTR(struct user_input, badge_no, "badge_no", 0, 16),
	FSTR(struct user_input, phone, "phone", 0, 20),
	FEND,
};

static int user_fields(struct req *r, struct user_input *in, int create)
{
	memset(in, 0, sizeof(*in));
	return fields_bind(r->in, create ? users_create_fields : users_update_fields, in, &r->err);
}

/* The first run of a ROUTE_PREPARE password route: a pw_prep in the arena,
 * or NULL without memory (the write then does the work itself). */
static struct pw_prep *new_prep(struct req *r)
{
	struct pw_prep *p = arena_alloc(r->arena, sizeof(*p));

	r->prepared = p;
	/* its hashes are wiped when the request ends (api_finish): a run
	 * retried after a busy store finds them whole */
	r->prepared_wipe = p ? sizeof(*p) : 0;
	return p;
}

int api_users_create(struct req *r)
{
	struct user_input in;
	struct pw_prep *p;
	json_t *out;
	int rc = user_fields(r, &in, 1);

	if (!rc && r->preparing) {
		/* on the worker: the argon2id hash, before the writer */
		p = new_prep(r);
		return p ? users_create_prepare(&r->ctx, &in, p) : PS_OK;
	}
	r->ctx.pw_prep = r->prepared;
	if (!rc)
		rc = users_create(&r->ctx, &in, &out);
	return rc ? rc : req_reply(r, 201, out);
}

int api_users_update(struct req *r)
{
	struct user_input in;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = user_fields(r, &in, 0);
	if (!rc)
		rc = users_update(&r->ctx, id, &in, &out);
	return rc ? rc : req_reply(r, 200, out);
}

static int set_disabled(struct req *r, int disabled)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = users_set_disabled(&r->ctx, id, disabled, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_users_lock(struct req *r)
{
	return set_disabled(r, 1);
}

int api_users_unlock(struct req *r)
{
	return set_disabled(r, 0);
}

struct users_password_body {
	const char *new_password;
};

const struct field users_password_fields[] = {
	FSTR(struct users_password_body, new_password, "new_password", 1, 1000),
	FEND,
};

int api_users_password(struct req *r)
{
	struct users_password_body b = { 0 };
	const char *pw = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, users_password_fields, &b, &r->err);
	if (!rc)
		pw = b.new_password;
	if (!rc && r->preparing) {
		/* on the worker: history check and hash, before the writer */
		struct pw_prep *p = new_prep(r);

		return p ? users_reset_password_prepare(&r->ctx, id, pw, p) : PS_OK;
	}
	r->ctx.pw_prep = r->prepared;
	if (!rc)
		rc = users_reset_password(&r->ctx, id, pw);
	return rc ? rc : req_reply(r, 200, json_object());
}

int api_units_list(struct req *r)
{
	json_t *out;
	int rc = units_list(&r->ctx, &out);

	return rc ? rc : req_reply(r, 200, out);
}

/* a 市局 is the root of the tree, made by init: never created under a parent */

const struct field units_create_fields[] = {
	FSTR(struct unit_input, code, "code", 1, 12),
	FSTR(struct unit_input, name, "name", 1, 64),
	FENUM(struct unit_input, kind, "kind", 1, 16, UNIT_KIND),
	FINT(struct unit_input, parent_id, "parent_id", 1, 1, INT64_MAX),
	FSTR(struct unit_input, phone, "phone", 0, 32),
	FSTR(struct unit_input, address, "address", 0, 128),
	FEND,
};

const struct field units_update_fields[] = {
	FSTR(struct unit_input, name, "name", 0, 64),
	FSTR(struct unit_input, phone, "phone", 0, 32),
	FSTR(struct unit_input, address, "address", 0, 128),
	FBOOLP(struct unit_input, active, active_given, "active"),
	FEND,
};

static int unit_fields(struct req *r, struct unit_input *in, int create)
{
	memset(in, 0, sizeof(*in));
	return fields_bind(r->in, create ? units_create_fields : units_update_fields, in, &r->err);
}

int api_units_create(struct req *r)
{
	struct unit_input in;
	json_t *out;
	int rc = unit_fields(r, &in, 1);

	if (!rc)
		rc = units_create(&r->ctx, &in, &out);
	return rc ? rc : req_reply(r, 201, out);
}

int api_units_update(struct req *r)
{
	struct unit_input in;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = unit_fields(r, &in, 0);
	if (!rc)
		rc = units_update(&r->ctx, id, &in, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_settings_list(struct req *r)
{
	json_t *out;
	int64_t unit_id;
	int rc = req_query_int(r, "unit_id", 0, INT64_MAX, 0, &unit_id);

	if (!rc)
		rc = settings_list(&r->ctx, unit_id, &out);
	return rc ? rc : req_reply(r, 200, out);
}

struct settings_put_body {
	json_t *value;
	int64_t unit_id;
	int unit_id_given;
};

const struct field settings_put_fields[] = {
	FJSON(struct settings_put_body, value, "value", 1),
	FINTP(struct settings_put_body, unit_id, unit_id_given, "unit_id", 1, INT64_MAX),
	FEND,
};

int api_settings_put(struct req *r)
{
	struct settings_put_body body_in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, settings_put_fields, &body_in, &r->err);

	if (rc)
		return rc;
	rc = settings_put(&r->ctx, r->params[0], body_in.value, body_in.unit_id_given ? body_in.unit_id : 0, &out);
	return rc ? rc : req_reply(r, 200, json_pack("{s:o}", "setting", out));
}

int api_audit_verify(struct req *r)
{
	json_t *out;
	int rc = audit_verify_report(&r->ctx, &out);

	if (rc)
		return rc;
	r->no_store = 1;
	return req_reply(r, 200, out);
}

/* GET /audit/export?from=YYYY-MM-DD&to=YYYY-MM-DD[&chain=read]: JSON lines
 * with the chain proof (domain/admin/audit_export.h), as a download. */
#define AUDIT_EXPORT_MAX ((size_t)256 << 20)

int api_audit_export(struct req *r)
{
	const char *from = req_query(r, "from"), *to = req_query(r, "to");
	struct buf out;
	int64_t rows = 0;
	size_t len = 0;
	int rc;

	buf_init(&out, AUDIT_EXPORT_MAX);
	rc = audit_export(&r->ctx, from, to, req_query(r, "chain"), &out, &rows);
	if (rc) {
		buf_release(&out);
		return rc;
	}
	r->raw = buf_take(&out, &len);
	if (!r->raw)
		return ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
	r->raw_len = len;
	r->raw_type = "application/x-ndjson; charset=utf-8";
	r->raw_name = arena_printf(r->arena, "audit%s-%s-%s.jsonl",
				   req_query(r, "chain") && !strcmp(req_query(r, "chain"), "read") ? "-read" : "", from, to);
	r->status = 200;
	return PS_OK;
}

int api_audit_list(struct req *r)
{
	struct audit_filter f = { 0 };
	json_t *out;
	int rc;

	f.user = req_query(r, "user");
	f.action = req_query(r, "action");
	f.object_type = req_query(r, "object_type");
	f.object_id = req_query(r, "object_id");
	rc = req_query_int(r, "from", 0, INT64_MAX / 1000, 0, &f.from);
	if (!rc)
		rc = req_query_int(r, "to", 0, INT64_MAX / 1000, 0, &f.to);
	if (!rc)
		rc = req_query_int(r, "page", 1, 1000000, 1, &f.page);
	if (!rc)
		rc = req_query_int(r, "per_page", 1, 200, 50, &f.per_page);
	if (!rc)
		rc = audit_list(&r->ctx, &f, &out);
	if (rc)
		return rc;
	r->no_store = 1;
	return req_reply(r, 200, out);
}
