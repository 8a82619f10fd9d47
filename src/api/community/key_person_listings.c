/* key_person_listings.c — 列管审批 (issue 16, COM-ZD-ENLIST): POST /key-persons
 * asks (community.c), GET /key-person-listings lists, POST
 * /key-person-listings/{id}/decision approves or rejects. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/community/key_person_listings.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_key_person_listings_list(struct req *r)
{
	json_t *out;
	int rc = key_person_listings_list(&r->ctx, req_query(r, "status"), &out);

	r->no_store = 1;
	return DONE(rc, 200, out);
}

struct decision_body {
	int approve;
	const char *note;
};

const struct field key_person_listings_decide_fields[] = {
	FBOOL(struct decision_body, approve, "approve", 1),
	FSTR(struct decision_body, note, "note", 0, 500),
	FEND,
};

int api_key_person_listings_decide(struct req *r)
{
	struct decision_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, key_person_listings_decide_fields, &b, &r->err);
	if (!rc)
		rc = key_person_listings_decide(&r->ctx, id, b.approve, b.note, &out);
	return DONE(rc, 200, out);
}
