/* assessment.c — /assessments (issue 18, part 3): officer and station
 * figures from the records, the score and the rank; /interventions: the
 * early-intervention flags (the chief only) and the education given. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/team/assessment.h"
#include "domain/team/interventions.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_assessments_get(struct req *r)
{
	int64_t station = 0;
	json_t *out;
	int rc = req_query_int(r, "station_id", 0, INT64_MAX, 0, &station);

	if (!rc)
		rc = assessment_get(&r->ctx, req_query(r, "period"), req_query(r, "on"), req_query(r, "level"), station,
				    &out);
	return DONE(rc, 200, out);
}

int api_interventions_list(struct req *r)
{
	json_t *out;
	int rc = intervention_list(&r->ctx, &out);

	return DONE(rc, 200, out);
}

const struct field interventions_create_fields[] = {
	FINT(struct intervention_input, user_id, "user_id", 1, 1, INT64_MAX),
	FENUM(struct intervention_input, measure, "measure", 1, 16, INTERVENTION_MEASURE),
	FSTR(struct intervention_input, note, "note", 0, 500),
	FSTR(struct intervention_input, given_on, "given_on", 1, 10),
	FSTR(struct intervention_input, review_on, "review_on", 1, 10),
	FEND,
};

int api_interventions_create(struct req *r)
{
	struct intervention_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, interventions_create_fields, &in, &r->err);

	if (!rc)
		rc = intervention_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

struct interventions_review_body {
	const char *reviewed_on, *review_note;
};

const struct field interventions_review_fields[] = {
	FSTR(struct interventions_review_body, reviewed_on, "reviewed_on", 1, 10),
	FSTR(struct interventions_review_body, review_note, "review_note", 1, 500),
	FEND,
};

int api_interventions_review(struct req *r)
{
	struct interventions_review_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, interventions_review_fields, &b, &r->err);
	if (!rc)
		rc = intervention_review(&r->ctx, id, b.reviewed_on, b.review_note, &out);
	return DONE(rc, 200, out);
}
