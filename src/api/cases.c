/* cases.c — /cases, /approvals, /progress, /colleagues, /offences. */
#include "api/api.h"
#include "api/handlers.h"
#include "domain/case_actions.h"
#include "domain/case_records.h"
#include "domain/cases.h"
#include "domain/lookups.h"
#include "core/json.h"

#include <string.h>

static int reply_case(struct req *r, int status, int rc, json_t *c)
{
	if (rc)
		return rc;
	return req_reply(r, status, json_pack("{s:o}", "case", c));
}

int api_cases_list(struct req *r)
{
	struct case_filter f = { 0 };
	int64_t mine, lenient;
	json_t *out;
	int rc;

	f.kind = req_query(r, "kind");
	f.status = req_query(r, "status");
	f.q = req_query(r, "q");
	rc = req_query_int(r, "mine", 0, 1, 0, &mine);
	if (!rc)
		rc = req_query_int(r, "lenient", 0, 1, 0, &lenient);
	if (!rc)
		rc = req_query_int(r, "officer_id", 0, INT64_MAX, 0, &f.officer_id);
	if (!rc)
		rc = req_query_int(r, "page", 1, 1000000, 1, &f.page);
	if (!rc)
		rc = req_query_int(r, "per_page", 1, 200, 20, &f.per_page);
	f.mine = (int)mine;
	f.lenient = (int)lenient;
	if (!rc)
		rc = cases_list(&r->ctx, &f, &out);
	if (rc)
		return rc;
	r->no_store = 1;
	return req_reply(r, 200, out);
}

int api_cases_create(struct req *r)
{
	static const char *const keys[] = { "kind", "procedure", "title", "offence_code", "summary",
					    "source", "act_date", "act_place", "discovered_date",
					    "co_officer_id", "assistant_id", "incident_id", "complex",
					    "recording_id", "reporter", NULL };
	static const char *const rkeys[] = { "name", "id_number", "phone", "confidential", NULL };
	struct case_input in;
	const char *recording = NULL;
	json_t *rep, *out;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "kind", 1, 16, &in.kind, &r->err);
	if (!rc) rc = json_get_str(r->in, "procedure", 0, 16, &in.procedure, &r->err);
	if (!rc) rc = json_get_str(r->in, "title", 1, 100, &in.title, &r->err);
	if (!rc) rc = json_get_str(r->in, "offence_code", 0, 16, &in.offence_code, &r->err);
	if (!rc) rc = json_get_str(r->in, "summary", 0, 5000, &in.summary, &r->err);
	if (!rc) rc = json_get_str(r->in, "source", 1, 16, &in.source, &r->err);
	if (!rc) rc = json_get_str(r->in, "act_date", 1, 10, &in.act_date, &r->err);
	if (!rc) rc = json_get_str(r->in, "act_place", 0, 200, &in.act_place, &r->err);
	if (!rc) rc = json_get_str(r->in, "discovered_date", 0, 10, &in.discovered_date, &r->err);
	if (!rc) rc = json_get_int(r->in, "co_officer_id", 0, 1, INT64_MAX, &in.co_officer_id, NULL, &r->err);
	if (!rc) rc = json_get_int(r->in, "assistant_id", 0, 1, INT64_MAX, &in.assistant_id, NULL, &r->err);
	if (!rc) rc = json_get_int(r->in, "incident_id", 0, 1, INT64_MAX, &in.incident_id, NULL, &r->err);
	if (!rc) rc = json_get_bool(r->in, "complex", 0, &in.complex, NULL, &r->err);
	if (!rc) rc = json_get_str(r->in, "recording_id", 0, 64, &recording, &r->err);
	in.recording_id = recording;
	rep = json_object_get(r->in, "reporter");
	if (!rc && rep && !json_is_null(rep)) {
		if (!json_is_object(rep))
			return ps_fail_field(&r->err, PS_EINVAL, "reporter", "报案人应为对象");
		rc = json_only_keys(rep, rkeys, &r->err);
		if (!rc) rc = json_get_str(rep, "name", 1, 32, &in.reporter_name, &r->err);
		if (!rc) rc = json_get_str(rep, "id_number", 0, 18, &in.reporter_id_number, &r->err);
		if (!rc) rc = json_get_str(rep, "phone", 0, 20, &in.reporter_phone, &r->err);
		if (!rc) rc = json_get_bool(rep, "confidential", 0, &in.reporter_confidential, NULL, &r->err);
	}
	if (!rc)
		rc = cases_create(&r->ctx, &in, &out);
	return reply_case(r, 201, rc, out);
}

int api_cases_get(struct req *r)
{
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = cases_get(&r->ctx, id, &out);
	r->no_store = 1;
	return reply_case(r, 200, rc, out);
}

int api_cases_officer_add(struct req *r)
{
	static const char *const keys[] = { "user_id", "duty", NULL };
	const char *duty = NULL;
	json_t *out = NULL;
	int64_t id, user;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_int(r->in, "user_id", 1, 1, INT64_MAX, &user, NULL, &r->err);
	if (!rc) rc = json_get_str(r->in, "duty", 1, 8, &duty, &r->err);
	if (!rc) rc = cases_add_officer(&r->ctx, id, user, duty, &out);
	return reply_case(r, 201, rc, out);
}

int api_cases_party_add(struct req *r)
{
	static const char *const keys[] = { "role", "name", "id_number", "sex", "birth_date", "phone",
					    "address", "occupation", "guardian_name", "guardian_phone",
					    "confidential", "first_offence", "pregnant_or_nursing",
					    "public_official", NULL };
	struct party_input in;
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	memset(&in, 0, sizeof(in));
	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "role", 1, 16, &in.role, &r->err);
	if (!rc) rc = json_get_str(r->in, "name", 1, 32, &in.name, &r->err);
	if (!rc) rc = json_get_str(r->in, "id_number", 0, 18, &in.id_number, &r->err);
	if (!rc) rc = json_get_str(r->in, "sex", 0, 1, &in.sex, &r->err);
	if (!rc) rc = json_get_str(r->in, "birth_date", 0, 10, &in.birth_date, &r->err);
	if (!rc) rc = json_get_str(r->in, "phone", 0, 20, &in.phone, &r->err);
	if (!rc) rc = json_get_str(r->in, "address", 0, 200, &in.address, &r->err);
	if (!rc) rc = json_get_str(r->in, "occupation", 0, 64, &in.occupation, &r->err);
	if (!rc) rc = json_get_str(r->in, "guardian_name", 0, 32, &in.guardian_name, &r->err);
	if (!rc) rc = json_get_str(r->in, "guardian_phone", 0, 20, &in.guardian_phone, &r->err);
	if (!rc) rc = json_get_bool(r->in, "confidential", 0, &in.confidential, NULL, &r->err);
	if (!rc) rc = json_get_bool(r->in, "first_offence", 0, &in.first_offence, &in.first_given, &r->err);
	if (!rc) rc = json_get_bool(r->in, "pregnant_or_nursing", 0, &in.pregnant_or_nursing, NULL, &r->err);
	if (!rc) rc = json_get_bool(r->in, "public_official", 0, &in.public_official, NULL, &r->err);
	if (!rc) rc = cases_add_party(&r->ctx, id, &in, &out);
	if (rc)
		return rc;
	return req_reply(r, 201, out);
}

int api_cases_action(struct req *r)
{
	static const char *const keys[] = { "reason", "transfer_to", "opinion", "agreement",
					    "recording_id", "collective", NULL };
	struct action_input in;
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	memset(&in, 0, sizeof(in));
	if (!rc && r->in) {
		rc = json_only_keys(r->in, keys, &r->err);
		if (!rc) rc = json_get_str(r->in, "reason", 0, 2000, &in.reason, &r->err);
		if (!rc) rc = json_get_str(r->in, "transfer_to", 0, 100, &in.transfer_to, &r->err);
		if (!rc) rc = json_get_str(r->in, "opinion", 0, 2000, &in.opinion, &r->err);
		if (!rc) rc = json_get_str(r->in, "agreement", 0, 5000, &in.agreement, &r->err);
		if (!rc) rc = json_get_str(r->in, "recording_id", 0, 64, &in.recording_id, &r->err);
		if (!rc) rc = json_get_str(r->in, "collective", 0, 5000, &in.collective, &r->err);
	}
	if (!rc)
		rc = cases_action(&r->ctx, id, r->params[1], &in, &out);
	return reply_case(r, 200, rc, out);
}

int api_cases_notice_add(struct req *r)
{
	static const char *const keys[] = { "party_id", "kind", "penalty_text", "statement", "waived",
					    NULL };
	struct notice_input in;
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	memset(&in, 0, sizeof(in));
	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_int(r->in, "party_id", 1, 1, INT64_MAX, &in.party_id, NULL, &r->err);
	if (!rc) rc = json_get_str(r->in, "kind", 1, 16, &in.kind, &r->err);
	if (!rc) rc = json_get_str(r->in, "penalty_text", 1, 5000, &in.penalty_text, &r->err);
	if (!rc) rc = json_get_str(r->in, "statement", 0, 5000, &in.statement, &r->err);
	if (!rc) rc = json_get_bool(r->in, "waived", 0, &in.waived, NULL, &r->err);
	if (!rc) rc = notices_create(&r->ctx, id, &in, &out);
	return reply_case(r, 201, rc, out);
}

int api_cases_proposal_add(struct req *r)
{
	static const char *const keys[] = { "party_id", "offence_code", "tier", "warning", "fine",
					    "det_days", "credit_days", "lenient_reason",
					    "exempt_override_reason", "serious", "no_penalty", NULL };
	struct proposal_input in;
	json_t *out = NULL;
	int64_t id, det = 0, credit = 0;
	int rc = req_param_id(r, 0, &id);

	memset(&in, 0, sizeof(in));
	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_int(r->in, "party_id", 1, 1, INT64_MAX, &in.party_id, NULL, &r->err);
	if (!rc) rc = json_get_str(r->in, "offence_code", 1, 16, &in.offence_code, &r->err);
	if (!rc) rc = json_get_str(r->in, "tier", 1, 32, &in.tier, &r->err);
	if (!rc) rc = json_get_bool(r->in, "warning", 0, &in.warning, NULL, &r->err);
	if (!rc) rc = json_get_int(r->in, "fine", 0, 0, 1000000000, &in.fine, NULL, &r->err);
	if (!rc) rc = json_get_int(r->in, "det_days", 0, 0, 365, &det, NULL, &r->err);
	if (!rc) rc = json_get_int(r->in, "credit_days", 0, 0, 365, &credit, NULL, &r->err);
	if (!rc) rc = json_get_str(r->in, "lenient_reason", 0, 2000, &in.lenient_reason, &r->err);
	if (!rc) rc = json_get_str(r->in, "exempt_override_reason", 0, 2000, &in.exempt_override_reason, &r->err);
	if (!rc) rc = json_get_bool(r->in, "serious", 0, &in.serious, NULL, &r->err);
	if (!rc) rc = json_get_bool(r->in, "no_penalty", 0, &in.no_penalty, NULL, &r->err);
	in.det_days = (int)det;
	in.credit_days = (int)credit;
	if (!rc) rc = proposals_create(&r->ctx, id, &in, &out);
	return reply_case(r, 201, rc, out);
}

int api_proposals_withdraw(struct req *r)
{
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = proposals_withdraw(&r->ctx, id, &out);
	return reply_case(r, 200, rc, out);
}

int api_cases_property_add(struct req *r)
{
	static const char *const keys[] = { "name", "quantity", "owner_party_id", "seized_at", NULL };
	struct property_input in;
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	memset(&in, 0, sizeof(in));
	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "name", 1, 100, &in.name, &r->err);
	if (!rc) rc = json_get_str(r->in, "quantity", 1, 32, &in.quantity, &r->err);
	if (!rc) rc = json_get_int(r->in, "owner_party_id", 0, 1, INT64_MAX, &in.owner_party_id, NULL, &r->err);
	if (!rc) rc = json_get_int(r->in, "seized_at", 0, 0, INT64_MAX / 2, &in.seized_at, &in.has_seized_at, &r->err);
	if (!rc) rc = property_create(&r->ctx, id, &in, &out);
	return reply_case(r, 201, rc, out);
}

int api_property_keep(struct req *r)
{
	static const char *const keys[] = { "keeper", NULL };
	const char *keeper = NULL;
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "keeper", 1, 32, &keeper, &r->err);
	if (!rc) rc = property_keep(&r->ctx, id, keeper, &out);
	return reply_case(r, 200, rc, out);
}

int api_cases_document_add(struct req *r)
{
	static const char *const keys[] = { "kind", "party_id", "interview_id", "notice_id", NULL };
	const char *kind = NULL;
	json_t *out = NULL;
	int64_t id, party = 0, iv = 0, notice = 0;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "kind", 1, 32, &kind, &r->err);
	if (!rc) rc = json_get_int(r->in, "party_id", 0, 1, INT64_MAX, &party, NULL, &r->err);
	if (!rc) rc = json_get_int(r->in, "interview_id", 0, 1, INT64_MAX, &iv, NULL, &r->err);
	if (!rc) rc = json_get_int(r->in, "notice_id", 0, 1, INT64_MAX, &notice, NULL, &r->err);
	if (!rc) rc = documents_issue(&r->ctx, id, kind, iv ? iv : notice ? notice : party, &out);
	if (rc)
		return rc;
	return req_reply(r, 201, out);
}

int api_approvals_inbox(struct req *r)
{
	json_t *out;
	int rc = cases_inbox(&r->ctx, &out);

	return rc ? rc : req_reply(r, 200, out);
}

int api_progress(struct req *r)
{
	json_t *out;
	int rc = cases_progress(&r->ctx, r->params[0], &out);

	return rc ? rc : req_reply(r, 200, out);
}

int api_colleagues(struct req *r)
{
	json_t *out;
	int rc = lookups_colleagues(&r->ctx, &out);

	return rc ? rc : req_reply(r, 200, out);
}

int api_offences(struct req *r)
{
	json_t *out;
	int rc = lookups_offences(&r->ctx, req_query(r, "q"), &out);

	return rc ? rc : req_reply(r, 200, out);
}
