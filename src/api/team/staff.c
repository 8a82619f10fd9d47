/* staff.c — /staff (issue 18, part 1): staff records and the structure
 * figures of station and county. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/team/staff.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_staff_list(struct req *r)
{
	json_t *out;
	int rc = staff_list(&r->ctx, &out);

	return DONE(rc, 200, out);
}

int api_staff_figures(struct req *r)
{
	json_t *out;
	int rc = staff_figures(&r->ctx, &out);

	return DONE(rc, 200, out);
}

int api_staff_get(struct req *r)
{
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = staff_get(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

const struct field staff_put_fields[] = {
	FENUM(struct staff_input, staff_kind, "staff_kind", 1, 16, STAFF_KIND),
	FSTR(struct staff_input, post, "post", 0, 40),
	FSTR(struct staff_input, rank_title, "rank_title", 0, 40),
	FSTR(struct staff_input, police_no, "police_no", 0, 20),
	FSTR(struct staff_input, beat, "beat", 0, 64),
	FENUM(struct staff_input, politics, "politics", 1, 16, STAFF_POLITICS),
	FENUM(struct staff_input, education, "education", 1, 16, STAFF_EDUCATION),
	FSTR(struct staff_input, birth_date, "birth_date", 1, 10),
	FENUM(struct staff_input, qual_level, "qual_level", 1, 8, QUAL_LEVEL),
	FSTR(struct staff_input, qual_date, "qual_date", 0, 10),
	FSTR(struct staff_input, qual_expiry, "qual_expiry", 0, 10),
	FSTR(struct staff_input, qual_cert_no, "qual_cert_no", 0, 40),
	FEND,
};

int api_staff_put(struct req *r)
{
	struct staff_input b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, staff_put_fields, &b, &r->err);
	if (!rc) rc = staff_put(&r->ctx, id, &b, &out);
	return DONE(rc, 200, out);
}
