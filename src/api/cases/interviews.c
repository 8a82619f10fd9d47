/* interviews.c — /cases/{id}/interviews and /interviews/{id}. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/cases/interviews.h"
#include "domain/population/persons.h"
#include "core/json.h"

#include <string.h>

/* The body binds into the domain's input; the officer list is read below. */
struct interview_body {
	struct interview_input in;
	json_t *officer_ids;
};


/* the fields a record has whether it is created or changed */
#define INTERVIEW_FIELDS \
	FSTR(struct interview_body, in.recording_id, "recording_id", 0, 64), \
	FJSON(struct interview_body, officer_ids, "officer_ids", 0), \
	FBOOLP(struct interview_body, in.summoned, in.has_summoned, "summoned"), \
	FBOOLP(struct interview_body, in.oral_summons, in.has_oral, "oral_summons"), \
	FBOOLP(struct interview_body, in.needs_interpreter, in.has_needs_interp, "needs_interpreter"), \
	FSTR(struct interview_body, in.interpreter, "interpreter", 0, 32), \
	FBOOLP(struct interview_body, in.needs_sign_language, in.has_needs_sign, "needs_sign_language"), \
	FSTR(struct interview_body, in.sign_language, "sign_language", 0, 32), \
	FSTR(struct interview_body, in.guardian_name, "guardian_name", 0, PERSON_NAME_MAX), \
	FSTR(struct interview_body, in.guardian_relation, "guardian_relation", 0, 32), \
	FSTR(struct interview_body, in.guardian_absent_reason, "guardian_absent_reason", 0, 500), \
	FSTR(struct interview_body, in.female_staff, "female_staff", 0, 32), \
	FINTP(struct interview_body, in.family_notified_at, in.has_family_notified, "family_notified_at", 0, INT64_MAX / 2), \
	FSTR(struct interview_body, in.family_notice_exception, "family_notice_exception", 0, 500), \
	FJSON(struct interview_body, in.qa, "qa", 0), \
	FBOOLP(struct interview_body, in.read_back, in.has_read_back, "read_back"), \
	FBOOLP(struct interview_body, in.subject_signed, in.has_subject_signed, "subject_signed"), \
	FSTR(struct interview_body, in.subject_refusal, "subject_refusal", 0, 500), \
	FBOOLP(struct interview_body, in.officer_signed, in.has_officer_signed, "officer_signed"),

const struct field interviews_create_fields[] = {
	FINT(struct interview_body, in.party_id, "party_id", 1, 1, INT64_MAX),
	FENUM(struct interview_body, in.kind, "kind", 1, 16, INTERVIEW_KIND),
	FINT(struct interview_body, in.start_at, "start_at", 1, 0, INT64_MAX / 2),
	FINTP(struct interview_body, in.end_at, in.has_end, "end_at", 0, INT64_MAX / 2),
	FENUM(struct interview_body, in.place_kind, "place_kind", 1, 16, INTERVIEW_PLACE),
	FSTR(struct interview_body, in.place, "place", 1, 100),
	INTERVIEW_FIELDS
	FEND,
};

/* a draft's change: every field optional; kind and party stay as created */
const struct field interviews_update_fields[] = {
	FINT(struct interview_body, in.party_id, "party_id", 0, 1, INT64_MAX),
	FSTR(struct interview_body, in.kind, "kind", 0, 16),
	FINTP(struct interview_body, in.start_at, in.has_start, "start_at", 0, INT64_MAX / 2),
	FINTP(struct interview_body, in.end_at, in.has_end, "end_at", 0, INT64_MAX / 2),
	FENUM(struct interview_body, in.place_kind, "place_kind", 0, 16, INTERVIEW_PLACE),
	FSTR(struct interview_body, in.place, "place", 0, 100),
	INTERVIEW_FIELDS
	FEND,
};

static int fields(struct req *r, struct interview_input *in, int create)
{
	struct interview_body b;
	json_t *ids, *v;
	size_t i;
	int rc;

	memset(&b, 0, sizeof(b));
	rc = fields_bind(r->in, create ? interviews_create_fields : interviews_update_fields, &b, &r->err);
	if (rc)
		return rc;
	*in = b.in;
	if (create)
		in->has_start = 1; /* required when creating */
	in->nofficers = -1;
	ids = b.officer_ids;
	if (ids && !json_is_null(ids)) {
		if (!json_is_array(ids) || json_array_size(ids) > INTERVIEW_MAX_OFFICERS)
			return ps_fail_field(&r->err, PS_EINVAL, "officer_ids",
					     "询问人应为用户编号列表（最多 %d 人）", INTERVIEW_MAX_OFFICERS);
		in->nofficers = 0;
		json_array_foreach(ids, i, v) {
			if (!json_is_integer(v) || json_integer_value(v) <= 0)
				return ps_fail_field(&r->err, PS_EINVAL, "officer_ids", "询问人编号应为正整数");
			in->officer_ids[in->nofficers++] = json_integer_value(v);
		}
	} else if (create) {
		in->nofficers = 0;
	}
	return PS_OK;
}

int api_interviews_create(struct req *r)
{
	struct interview_input in;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields(r, &in, 1);
	if (!rc) rc = interviews_create(&r->ctx, id, &in, &out);
	return rc ? rc : req_reply(r, 201, out);
}

int api_interviews_get(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = interviews_get(&r->ctx, id, &out);
	r->no_store = 1;
	return rc ? rc : req_reply(r, 200, out);
}

int api_interviews_update(struct req *r)
{
	struct interview_input in;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields(r, &in, 0);
	if (!rc) rc = interviews_update(&r->ctx, id, &in, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_interviews_sign(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = interview_sign(&r->ctx, id, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_interviews_correct(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = interview_sign_correct(&r->ctx, id, &out);
	return rc ? rc : req_reply(r, 201, out);
}
