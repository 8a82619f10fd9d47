/* recusals.c — /cases/{id}/recusals and /recusals/{id}/decision: 回避
 * (ADM-RECUSAL, CRIM-RECUSAL). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/cases/recusals.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_recusals_list(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = recusals_list(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

const struct field recusals_create_fields[] = {
	FINT(struct recusal_in, user_id, "user_id", 1, 1, INT64_MAX),
	FENUM(struct recusal_in, origin, "origin", 1, 16, RECUSAL_ORIGIN),
	FENUM(struct recusal_in, ground, "ground", 1, 16, RECUSAL_GROUND),
	FSTR(struct recusal_in, requester, "requester", 0, 64),
	FSTRN(struct recusal_in, reason, "reason", 1, 2, 2000),
	FEND,
};

int api_recusals_create(struct req *r)
{
	struct recusal_in in = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, recusals_create_fields, &in, &r->err);
	if (!rc)
		rc = recusals_create(&r->ctx, id, &in, &out);
	return DONE(rc, 201, out);
}

struct recusal_decision {
	int grant;
	const char *note;
};

const struct field recusals_decide_fields[] = {
	FBOOL(struct recusal_decision, grant, "grant", 1),
	FSTR(struct recusal_decision, note, "note", 1, 1000),
	FEND,
};

int api_recusals_decide(struct req *r)
{
	struct recusal_decision b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, recusals_decide_fields, &b, &r->err);
	if (!rc)
		rc = recusals_decide(&r->ctx, id, b.grant, b.note, &out);
	return DONE(rc, 200, out);
}
