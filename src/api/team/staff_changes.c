/* staff_changes.c — /staff-changes and /staff-trainings (issue 18,
 * TEAM-TRAIN-GATE): an officer's training records and his 任职, 晋升 and
 * 警衔 changes, each needing a passed training first. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/team/staff_changes.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_staff_changes_list(struct req *r)
{
	int64_t user = 0;
	json_t *out;
	int rc = req_query_int(r, "user_id", 0, INT64_MAX, 0, &user);

	if (!rc)
		rc = staff_changes_list(&r->ctx, user, &out);
	return DONE(rc, 200, out);
}

const struct field staff_changes_create_fields[] = {
	FINT(struct staff_change_input, user_id, "user_id", 1, 1, INT64_MAX),
	FENUM(struct staff_change_input, kind, "kind", 1, 16, STAFF_CHANGE_KIND),
	FSTR(struct staff_change_input, effective_on, "effective_on", 1, 10),
	FSTR(struct staff_change_input, title, "title", 1, 64),
	FSTR(struct staff_change_input, approving_body, "approving_body", 1, 64),
	FSTR(struct staff_change_input, document_no, "document_no", 1, 64),
	FEND,
};

int api_staff_changes_create(struct req *r)
{
	struct staff_change_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, staff_changes_create_fields, &in, &r->err);

	if (!rc)
		rc = staff_changes_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

const struct field staff_trainings_create_fields[] = {
	FINT(struct staff_training_input, user_id, "user_id", 1, 1, INT64_MAX),
	FENUM(struct staff_training_input, course, "course", 1, 16, TRAINING_COURSE),
	FSTR(struct staff_training_input, body, "body", 1, 64),
	FSTR(struct staff_training_input, from_on, "from_on", 1, 10),
	FSTR(struct staff_training_input, to_on, "to_on", 1, 10),
	FBOOL(struct staff_training_input, passed, "passed", 1),
	FSTR(struct staff_training_input, certificate_no, "certificate_no", 0, 64),
	FEND,
};

int api_staff_trainings_create(struct req *r)
{
	struct staff_training_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, staff_trainings_create_fields, &in, &r->err);

	if (!rc)
		rc = staff_changes_training(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}
