/* interviews.c — /cases/{id}/interviews and /interviews/{id}. */
#include "api/api.h"
#include "api/handlers.h"
#include "domain/cases/interviews.h"
#include "core/json.h"

#include <string.h>

static int fields(struct req *r, struct interview_input *in, int create)
{
	static const char *const keys[] = {
		"party_id", "kind", "start_at", "end_at", "place_kind", "place", "recording_id",
		"officer_ids", "summoned", "oral_summons", "needs_interpreter", "interpreter",
		"needs_sign_language", "sign_language", "guardian_name", "guardian_relation",
		"guardian_absent_reason", "female_staff", "family_notified_at",
		"family_notice_exception", "qa", "read_back", "subject_signed", "subject_refusal",
		"officer_signed", NULL
	};
	json_t *ids, *v;
	size_t i;
	int rc;

	memset(in, 0, sizeof(*in));
	in->nofficers = -1;
	rc = req_body(r, keys);
	if (!rc) rc = json_get_int(r->in, "party_id", create, 1, INT64_MAX, &in->party_id, NULL, &r->err);
	if (!rc) rc = json_get_str(r->in, "kind", create, 16, &in->kind, &r->err);
	if (!rc) rc = json_get_int(r->in, "start_at", create, 0, INT64_MAX / 2, &in->start_at, &in->has_start, &r->err);
	if (!rc) rc = json_get_int(r->in, "end_at", 0, 0, INT64_MAX / 2, &in->end_at, &in->has_end, &r->err);
	if (!rc) rc = json_get_str(r->in, "place_kind", create, 16, &in->place_kind, &r->err);
	if (!rc) rc = json_get_str(r->in, "place", create, 100, &in->place, &r->err);
	if (!rc) rc = json_get_str(r->in, "recording_id", 0, 64, &in->recording_id, &r->err);
	if (!rc) rc = json_get_bool(r->in, "summoned", 0, &in->summoned, &in->has_summoned, &r->err);
	if (!rc) rc = json_get_bool(r->in, "oral_summons", 0, &in->oral_summons, &in->has_oral, &r->err);
	if (!rc) rc = json_get_bool(r->in, "needs_interpreter", 0, &in->needs_interpreter, &in->has_needs_interp, &r->err);
	if (!rc) rc = json_get_str(r->in, "interpreter", 0, 32, &in->interpreter, &r->err);
	if (!rc) rc = json_get_bool(r->in, "needs_sign_language", 0, &in->needs_sign_language, &in->has_needs_sign, &r->err);
	if (!rc) rc = json_get_str(r->in, "sign_language", 0, 32, &in->sign_language, &r->err);
	if (!rc) rc = json_get_str(r->in, "guardian_name", 0, 32, &in->guardian_name, &r->err);
	if (!rc) rc = json_get_str(r->in, "guardian_relation", 0, 32, &in->guardian_relation, &r->err);
	if (!rc) rc = json_get_str(r->in, "guardian_absent_reason", 0, 500, &in->guardian_absent_reason, &r->err);
	if (!rc) rc = json_get_str(r->in, "female_staff", 0, 32, &in->female_staff, &r->err);
	if (!rc) rc = json_get_int(r->in, "family_notified_at", 0, 0, INT64_MAX / 2, &in->family_notified_at, &in->has_family_notified, &r->err);
	if (!rc) rc = json_get_str(r->in, "family_notice_exception", 0, 500, &in->family_notice_exception, &r->err);
	if (!rc) rc = json_get_bool(r->in, "read_back", 0, &in->read_back, &in->has_read_back, &r->err);
	if (!rc) rc = json_get_bool(r->in, "subject_signed", 0, &in->subject_signed, &in->has_subject_signed, &r->err);
	if (!rc) rc = json_get_str(r->in, "subject_refusal", 0, 500, &in->subject_refusal, &r->err);
	if (!rc) rc = json_get_bool(r->in, "officer_signed", 0, &in->officer_signed, &in->has_officer_signed, &r->err);
	if (rc)
		return rc;
	in->qa = json_object_get(r->in, "qa");
	if (in->qa && json_is_null(in->qa))
		in->qa = NULL;
	ids = json_object_get(r->in, "officer_ids");
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

	if (!rc) rc = interviews_sign(&r->ctx, id, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_interviews_correct(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = interviews_correct(&r->ctx, id, &out);
	return rc ? rc : req_reply(r, 201, out);
}
