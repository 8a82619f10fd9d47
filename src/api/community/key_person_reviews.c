/* key_person_reviews.c — POST /key-persons/{id}/reviews: 重点人员定期复核
 * (COM-ZD-REVIEW). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/community/key_person_reviews.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

const struct field key_person_reviews_create_fields[] = {
	FSTR(struct key_person_review_input, reviewed_on, "reviewed_on", 0, 10),
	FENUM(struct key_person_review_input, conclusion, "conclusion", 1, 16, REVIEW_CONCLUSION),
	FENUM(struct key_person_review_input, level, "level", 0, 8, KEY_LEVEL),
	FSTR(struct key_person_review_input, notes, "notes", 1, 2000),
	FEND,
};

int api_key_person_reviews_create(struct req *r)
{
	struct key_person_review_input in = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, key_person_reviews_create_fields, &in, &r->err);
	if (!rc) rc = key_person_reviews_create(&r->ctx, id, &in, &out);
	return DONE(rc, 201, out);
}
