/* cases.c — /cases, /approvals, /progress, /colleagues, /offences. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/cases/case_actions.h"
#include "domain/cases/case_records.h"
#include "domain/cases/cases.h"
#include "domain/admin/lookups.h"
#include "domain/population/persons.h"
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
	struct jw w;
	int64_t mine, lenient;
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
	if (rc)
		return rc;
	r->no_store = 1;
	req_answer_open(&w);
	return req_answer_close(r, cases_view_list(&r->ctx, &f, &w), 200, &w);
}

struct cases_create_body {
	const char *kind;
	const char *procedure;
	const char *title;
	const char *offence_code;
	const char *summary;
	const char *source;
	const char *act_date;
	const char *act_place;
	const char *discovered_date;
	int64_t co_officer_id;
	int co_officer_id_given;
	int64_t assistant_id;
	int assistant_id_given;
	int64_t incident_id;
	int incident_id_given;
	int complex;
	int complex_given;
	const char *recording_id;
	json_t *reporter;
	int late_entry;
	int late_entry_given;
	const char *late_reason;
	int64_t accepted_at;
	int accepted_at_given;
	const char *act_area;
	const char *jurisdiction_basis;
	const char *jurisdiction_reason;
	const char *econ_reason;
};

const struct field cases_create_fields[] = {
	FENUM(struct cases_create_body, kind, "kind", 1, 16, CASE_KIND),
	FENUM(struct cases_create_body, procedure, "procedure", 0, 16, CASE_PROCEDURE),
	FSTR(struct cases_create_body, title, "title", 1, 100),
	FSTR(struct cases_create_body, offence_code, "offence_code", 0, 16),
	FSTR(struct cases_create_body, summary, "summary", 0, 5000),
	FENUM(struct cases_create_body, source, "source", 1, 16, CASE_SOURCE),
	FSTR(struct cases_create_body, act_date, "act_date", 1, 10),
	FSTR(struct cases_create_body, act_place, "act_place", 0, 200),
	FSTR(struct cases_create_body, discovered_date, "discovered_date", 0, 10),
	FINTP(struct cases_create_body, co_officer_id, co_officer_id_given, "co_officer_id", 1, INT64_MAX),
	FINTP(struct cases_create_body, assistant_id, assistant_id_given, "assistant_id", 1, INT64_MAX),
	FINTP(struct cases_create_body, incident_id, incident_id_given, "incident_id", 1, INT64_MAX),
	FBOOLP(struct cases_create_body, complex, complex_given, "complex"),
	FSTR(struct cases_create_body, recording_id, "recording_id", 0, 64),
	FJSON(struct cases_create_body, reporter, "reporter", 0),
	FBOOLP(struct cases_create_body, late_entry, late_entry_given, "late_entry"),
	FSTR(struct cases_create_body, late_reason, "late_reason", 0, 500),
	FINTP(struct cases_create_body, accepted_at, accepted_at_given, "accepted_at", 1, INT64_MAX / 2),
	FSTR(struct cases_create_body, act_area, "act_area", 0, 64),
	FENUM(struct cases_create_body, jurisdiction_basis, "jurisdiction_basis", 0, 16, JURISDICTION_BASIS),
	FSTR(struct cases_create_body, jurisdiction_reason, "jurisdiction_reason", 0, 1000),
	FSTR(struct cases_create_body, econ_reason, "econ_reason", 0, 1000),
	FEND,
};

int api_cases_create(struct req *r)
{
	struct cases_create_body body_in = { 0 };
	static const char *const rkeys[] = { "name", "id_number", "phone", "confidential", NULL };
	struct case_input in;
	const char *recording = NULL;
	json_t *rep, *out;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = fields_bind(r->in, cases_create_fields, &body_in, &r->err);
	if (!rc) {
		in.kind = body_in.kind;
		in.procedure = body_in.procedure;
		in.title = body_in.title;
		in.offence_code = body_in.offence_code;
		in.summary = body_in.summary;
		in.source = body_in.source;
		in.act_date = body_in.act_date;
		in.act_place = body_in.act_place;
		in.discovered_date = body_in.discovered_date;
		if (body_in.co_officer_id_given)
			in.co_officer_id = body_in.co_officer_id;
		if (body_in.assistant_id_given)
			in.assistant_id = body_in.assistant_id;
		if (body_in.incident_id_given)
			in.incident_id = body_in.incident_id;
		if (body_in.complex_given)
			in.complex = body_in.complex;
		recording = body_in.recording_id;
		if (body_in.late_entry_given)
			in.late_entry = body_in.late_entry;
		in.late_reason = body_in.late_reason;
		if (body_in.accepted_at_given)
			in.accepted_at = body_in.accepted_at;
		in.act_area = body_in.act_area;
		in.jurisdiction_basis = body_in.jurisdiction_basis;
		in.jurisdiction_reason = body_in.jurisdiction_reason;
		in.econ_reason = body_in.econ_reason;
	}
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

/* The case file written straight into the answer, {"case":{…}} (issue 14:
 * no JSON tree for the most frequent audited read). */
int api_cases_get(struct req *r)
{
	struct jw w;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	r->no_store = 1;
	if (rc)
		return rc;
	req_answer_open(&w);
	return req_answer_close(r, cases_view_write(&r->ctx, id, "case", &w), 200, &w);
}

struct cases_officer_add_body {
	int64_t user_id;
	int user_id_given;
	const char *duty;
};

static const char *const cases_officer_add_duty_values[] = { "co", "assist", NULL };
const struct field cases_officer_add_fields[] = {
	FINT(struct cases_officer_add_body, user_id, "user_id", 1, 1, INT64_MAX),
	FONEOF(struct cases_officer_add_body, duty, "duty", 1, 8, cases_officer_add_duty_values),
	FEND,
};

int api_cases_officer_add(struct req *r)
{
	struct cases_officer_add_body body_in = { 0 };
	const char *duty = NULL;
	json_t *out = NULL;
	int64_t id, user;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, cases_officer_add_fields, &body_in, &r->err);
	if (!rc) {
		user = body_in.user_id;
		duty = body_in.duty;
	}
	if (!rc) rc = cases_add_officer(&r->ctx, id, user, duty, &out);
	return reply_case(r, 201, rc, out);
}

const struct field cases_party_add_fields[] = {
	FENUM(struct party_input, role, "role", 1, 16, PARTY_ROLE),
	FSTR(struct party_input, name, "name", 1, PERSON_NAME_MAX),
	FSTR(struct party_input, id_number, "id_number", 0, 18),
	FENUM(struct party_input, sex, "sex", 0, 1, SEX),
	FSTR(struct party_input, birth_date, "birth_date", 0, 10),
	FSTR(struct party_input, phone, "phone", 0, PERSON_PHONE_MAX),
	FSTR(struct party_input, address, "address", 0, PARTY_ADDRESS_MAX),
	FSTR(struct party_input, occupation, "occupation", 0, PARTY_OCCUPATION_MAX),
	FSTR(struct party_input, guardian_name, "guardian_name", 0, PERSON_NAME_MAX),
	FSTR(struct party_input, guardian_phone, "guardian_phone", 0, PERSON_PHONE_MAX),
	FBOOL(struct party_input, confidential, "confidential", 0),
	FBOOLP(struct party_input, first_offence, first_given, "first_offence"),
	FBOOL(struct party_input, pregnant_or_nursing, "pregnant_or_nursing", 0),
	FBOOL(struct party_input, public_official, "public_official", 0),
	FEND,
};

int api_cases_party_add(struct req *r)
{
	struct party_input in;
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	memset(&in, 0, sizeof(in));
	if (!rc) rc = fields_bind(r->in, cases_party_add_fields, &in, &r->err);
	if (!rc) rc = parties_add(&r->ctx, id, &in, &out);
	if (rc)
		return rc;
	return req_reply(r, 201, out);
}

/* one table for every action: each action reads the fields it needs */
const struct field cases_action_fields[] = {
	FSTR(struct action_input, reason, "reason", 0, 2000),
	FSTR(struct action_input, transfer_to, "transfer_to", 0, 100),
	FSTR(struct action_input, opinion, "opinion", 0, 2000),
	FSTR(struct action_input, agreement, "agreement", 0, 5000),
	FSTR(struct action_input, recording_id, "recording_id", 0, 64),
	FSTR(struct action_input, collective, "collective", 0, 5000),
	FSTR(struct action_input, facts, "facts", 0, 5000),
	FINTP(struct action_input, acted_at, has_acted_at, "acted_at", 1, INT64_MAX / 2),
	FEND,
};

int api_cases_action(struct req *r)
{
	struct action_input in;
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	memset(&in, 0, sizeof(in));
	if (!rc && r->in)
		rc = fields_bind(r->in, cases_action_fields, &in, &r->err);
	if (!rc)
		rc = case_actions_run(&r->ctx, id, r->params[1], &in, &out);
	return reply_case(r, 200, rc, out);
}

const struct field cases_notice_add_fields[] = {
	FINT(struct notice_input, party_id, "party_id", 1, 1, INT64_MAX),
	FENUM(struct notice_input, kind, "kind", 1, 16, NOTICE_KIND),
	FSTR(struct notice_input, penalty_text, "penalty_text", 1, 5000),
	FSTR(struct notice_input, statement, "statement", 0, 5000),
	FBOOL(struct notice_input, waived, "waived", 0),
	FJSON(struct notice_input, evidence_ids, "evidence_ids", 0),
	FSTR(struct notice_input, statement_missing_reason, "statement_missing_reason", 0, 500),
	FINTP(struct notice_input, at, has_at, "at", 1, INT64_MAX / 2),
	FEND,
};

int api_cases_notice_add(struct req *r)
{
	struct notice_input in;
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	memset(&in, 0, sizeof(in));
	if (!rc) rc = fields_bind(r->in, cases_notice_add_fields, &in, &r->err);
	if (!rc) rc = notices_create(&r->ctx, id, &in, &out);
	return reply_case(r, 201, rc, out);
}

struct cases_proposal_add_body {
	int64_t party_id;
	int party_id_given;
	const char *offence_code;
	const char *tier;
	int warning;
	int warning_given;
	int64_t fine;
	int fine_given;
	int64_t det_days;
	int det_days_given;
	int64_t credit_days;
	int credit_days_given;
	const char *lenient_reason;
	const char *exempt_override_reason;
	int serious;
	int serious_given;
	int no_penalty;
	int no_penalty_given;
	int64_t proposed_at;
	int proposed_at_given;
};

const struct field cases_proposal_add_fields[] = {
	FINT(struct cases_proposal_add_body, party_id, "party_id", 1, 1, INT64_MAX),
	FSTR(struct cases_proposal_add_body, offence_code, "offence_code", 1, 16),
	FSTR(struct cases_proposal_add_body, tier, "tier", 1, 32),
	FBOOLP(struct cases_proposal_add_body, warning, warning_given, "warning"),
	FINTP(struct cases_proposal_add_body, fine, fine_given, "fine", 0, 1000000000),
	FINTP(struct cases_proposal_add_body, det_days, det_days_given, "det_days", 0, 365),
	FINTP(struct cases_proposal_add_body, credit_days, credit_days_given, "credit_days", 0, 365),
	FSTR(struct cases_proposal_add_body, lenient_reason, "lenient_reason", 0, 2000),
	FSTR(struct cases_proposal_add_body, exempt_override_reason, "exempt_override_reason", 0, 2000),
	FBOOLP(struct cases_proposal_add_body, serious, serious_given, "serious"),
	FBOOLP(struct cases_proposal_add_body, no_penalty, no_penalty_given, "no_penalty"),
	FINTP(struct cases_proposal_add_body, proposed_at, proposed_at_given, "proposed_at", 1, INT64_MAX / 2),
	FEND,
};

int api_cases_proposal_add(struct req *r)
{
	struct cases_proposal_add_body body_in = { 0 };
	struct proposal_input in;
	json_t *out = NULL;
	int64_t id, det = 0, credit = 0;
	int rc = req_param_id(r, 0, &id);

	memset(&in, 0, sizeof(in));
	if (!rc) rc = fields_bind(r->in, cases_proposal_add_fields, &body_in, &r->err);
	if (!rc) {
		in.party_id = body_in.party_id;
		in.offence_code = body_in.offence_code;
		in.tier = body_in.tier;
		if (body_in.warning_given)
			in.warning = body_in.warning;
		if (body_in.fine_given)
			in.fine = body_in.fine;
		if (body_in.det_days_given)
			det = body_in.det_days;
		if (body_in.credit_days_given)
			credit = body_in.credit_days;
		in.lenient_reason = body_in.lenient_reason;
		in.exempt_override_reason = body_in.exempt_override_reason;
		if (body_in.serious_given)
			in.serious = body_in.serious;
		if (body_in.no_penalty_given)
			in.no_penalty = body_in.no_penalty;
		if (body_in.proposed_at_given) {
			in.proposed_at = body_in.proposed_at;
			in.has_proposed_at = 1;
		}
	}
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

const struct field cases_property_add_fields[] = {
	FSTR(struct property_input, name, "name", 1, 100),
	FSTR(struct property_input, quantity, "quantity", 1, 32),
	FINT(struct property_input, owner_party_id, "owner_party_id", 0, 1, INT64_MAX),
	FINTP(struct property_input, seized_at, has_seized_at, "seized_at", 0, INT64_MAX / 2),
	FEND,
};

int api_cases_property_add(struct req *r)
{
	struct property_input in;
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	memset(&in, 0, sizeof(in));
	if (!rc) rc = fields_bind(r->in, cases_property_add_fields, &in, &r->err);
	if (!rc) rc = property_create(&r->ctx, id, &in, &out);
	return reply_case(r, 201, rc, out);
}

struct property_keep_body {
	const char *keeper;
};

const struct field property_keep_fields[] = {
	FSTR(struct property_keep_body, keeper, "keeper", 1, 32),
	FEND,
};

int api_property_keep(struct req *r)
{
	struct property_keep_body body_in = { 0 };
	const char *keeper = NULL;
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, property_keep_fields, &body_in, &r->err);
	if (!rc) {
		keeper = body_in.keeper;
	}
	if (!rc) rc = property_keep(&r->ctx, id, keeper, &out);
	return reply_case(r, 200, rc, out);
}

struct cases_document_add_body {
	const char *kind;
	int64_t party_id;
	int party_id_given;
	int64_t interview_id;
	int interview_id_given;
	int64_t notice_id;
	int notice_id_given;
};

const struct field cases_document_add_fields[] = {
	FSTR(struct cases_document_add_body, kind, "kind", 1, 32),
	FINTP(struct cases_document_add_body, party_id, party_id_given, "party_id", 1, INT64_MAX),
	FINTP(struct cases_document_add_body, interview_id, interview_id_given, "interview_id", 1, INT64_MAX),
	FINTP(struct cases_document_add_body, notice_id, notice_id_given, "notice_id", 1, INT64_MAX),
	FEND,
};

int api_cases_document_add(struct req *r)
{
	struct cases_document_add_body body_in = { 0 };
	const char *kind = NULL;
	json_t *out = NULL;
	int64_t id, party = 0, iv = 0, notice = 0;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, cases_document_add_fields, &body_in, &r->err);
	if (!rc) {
		kind = body_in.kind;
		if (body_in.party_id_given)
			party = body_in.party_id;
		if (body_in.interview_id_given)
			iv = body_in.interview_id;
		if (body_in.notice_id_given)
			notice = body_in.notice_id;
	}
	if (!rc) rc = documents_issue(&r->ctx, id, kind, iv ? iv : notice ? notice : party, &out);
	if (rc)
		return rc;
	return req_reply(r, 201, out);
}

int api_approvals_inbox(struct req *r)
{
	json_t *out;
	int rc = case_actions_inbox(&r->ctx, &out);

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
