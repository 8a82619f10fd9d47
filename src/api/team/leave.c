/* leave.c — /leaves (issue 18, part 1): 请假, approval, 销假. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/team/leave.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_leaves_list(struct req *r)
{
	int64_t year = 0;
	json_t *out;
	int rc = req_query_int(r, "year", 2000, 2100, 0, &year);

	if (!rc) rc = leave_list(&r->ctx, req_query(r, "status"), year, &out);
	return DONE(rc, 200, out);
}

struct leaves_create_body {
	const char *kind, *from_on, *to_on, *reason;
};

const struct field leaves_create_fields[] = {
	FENUM(struct leaves_create_body, kind, "kind", 1, 16, LEAVE_KIND),
	FSTR(struct leaves_create_body, from_on, "from_on", 1, 10),
	FSTR(struct leaves_create_body, to_on, "to_on", 1, 10),
	FSTR(struct leaves_create_body, reason, "reason", 0, 200),
	FEND,
};

int api_leaves_create(struct req *r)
{
	struct leaves_create_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, leaves_create_fields, &b, &r->err);

	if (!rc) rc = leave_create(&r->ctx, b.kind, b.from_on, b.to_on, b.reason, &out);
	return DONE(rc, 201, out);
}

struct leaves_decide_body {
	int approve;
	const char *note;
};

const struct field leaves_decide_fields[] = {
	FBOOL(struct leaves_decide_body, approve, "approve", 1),
	FSTR(struct leaves_decide_body, note, "note", 0, 200),
	FEND,
};

int api_leaves_decide(struct req *r)
{
	struct leaves_decide_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, leaves_decide_fields, &b, &r->err);
	if (!rc) rc = leave_decide(&r->ctx, id, b.approve, b.note, &out);
	return DONE(rc, 200, out);
}

struct leaves_return_body {
	const char *returned_on;
};

const struct field leaves_return_fields[] = {
	FSTR(struct leaves_return_body, returned_on, "returned_on", 0, 10),
	FEND,
};

int api_leaves_return(struct req *r)
{
	struct leaves_return_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, leaves_return_fields, &b, &r->err);
	if (!rc) rc = leave_return(&r->ctx, id, b.returned_on, &out);
	return DONE(rc, 200, out);
}
