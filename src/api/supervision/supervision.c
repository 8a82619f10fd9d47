/* supervision.c — the inside of 执法监督 (issue 15 part A): 执法监督卡
 * (/cases/{id}/supervision-cards), 案件回访 (/return-visits,
 * /cases/{id}/return-visits), 信访投诉 (/complaints), 复议诉讼赔偿
 * (/appeals, /cases/{id}/appeals), 执法过错 (/fault-findings), the officer's
 * record (/officer-records) and the 干预执法 register (/interferences; no
 * route changes or removes a record). See domain/supervision/supervision.h. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/supervision/supervision.h"
#include "core/json.h"

#include <string.h>

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

/* ---- 执法监督卡 ---- */

int api_supervision_cards_get(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = supervision_cards_get(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

struct card_body {
	int64_t party_id;
	const char *method;
};

const struct field supervision_cards_fields[] = {
	FINT(struct card_body, party_id, "party_id", 1, 1, INT64_MAX),
	FENUM(struct card_body, method, "method", 1, 16, CARD_METHOD),
	FEND,
};

int api_supervision_cards_hand(struct req *r)
{
	struct card_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, supervision_cards_fields, &b, &r->err);
	if (!rc)
		rc = supervision_cards_hand(&r->ctx, id, b.party_id, b.method, &out);
	return DONE(rc, 201, out);
}

/* ---- 案件回访 ---- */

int api_return_visits_list(struct req *r)
{
	json_t *out;
	int rc = return_visits_list(&r->ctx, req_query(r, "status"), &out);

	return DONE(rc, 200, out);
}

int api_return_visits_stats(struct req *r)
{
	json_t *out;
	int rc = return_visits_stats(&r->ctx, &out);

	return DONE(rc, 200, out);
}

struct visit_body {
	int64_t party_id;
	int reached;
	const char *method;
	int64_t satisfaction;
	const char *comments;
};

const struct field return_visits_create_fields[] = {
	FINT(struct visit_body, party_id, "party_id", 1, 1, INT64_MAX),
	FBOOL(struct visit_body, reached, "reached", 1),
	FENUM(struct visit_body, method, "method", 1, 16, VISIT_METHOD),
	FINT(struct visit_body, satisfaction, "satisfaction", 0, 1, 5),
	FSTR(struct visit_body, comments, "comments", 0, 1000),
	FEND,
};

int api_return_visits_create(struct req *r)
{
	struct visit_body b = { 0 };
	struct return_visit_in in;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, return_visits_create_fields, &b, &r->err);
	if (rc)
		return rc;
	in.party_id = b.party_id;
	in.reached = b.reached;
	in.method = b.method;
	in.satisfaction = b.satisfaction;
	in.comments = b.comments;
	rc = return_visits_create(&r->ctx, id, &in, &out);
	return DONE(rc, 201, out);
}

struct note_body {
	const char *note;
};

const struct field return_visits_review_fields[] = {
	FSTR(struct note_body, note, "note", 1, 1000),
	FEND,
};

int api_return_visits_review(struct req *r)
{
	struct note_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, return_visits_review_fields, &b, &r->err);
	if (!rc)
		rc = return_visits_review(&r->ctx, id, b.note, &out);
	return DONE(rc, 200, out);
}

/* ---- 信访 / 投诉 ---- */

int api_complaints_list(struct req *r)
{
	json_t *out;
	int rc = complaints_list(&r->ctx, req_query(r, "status"), &out);

	return DONE(rc, 200, out);
}

struct complaint_body {
	int64_t station_id, case_id, incident_id, appeal_id;
	const char *channel, *kind, *track, *content, *contact_name, *contact_phone;
	const char *scope, *scope_unit, *origin, *origin_unit;
	int identity_unclear;
};

const struct field complaints_create_fields[] = {
	FINT(struct complaint_body, station_id, "station_id", 0, 1, INT64_MAX),
	FINT(struct complaint_body, case_id, "case_id", 0, 1, INT64_MAX),
	FINT(struct complaint_body, incident_id, "incident_id", 0, 1, INT64_MAX),
	FENUM(struct complaint_body, channel, "channel", 1, 16, COMPLAINT_CHANNEL),
	FENUM(struct complaint_body, kind, "kind", 1, 16, COMPLAINT_KIND),
	FENUM(struct complaint_body, track, "track", 0, 16, COMPLAINT_TRACK),
	FSTRN(struct complaint_body, content, "content", 1, 2, 4000),
	FSTR(struct complaint_body, contact_name, "contact_name", 0, 32),
	FSTR(struct complaint_body, contact_phone, "contact_phone", 0, 20),
	FENUM(struct complaint_body, scope, "scope", 1, 24, COMPLAINT_SCOPE),
	FSTR(struct complaint_body, scope_unit, "scope_unit", 0, 64),
	FENUM(struct complaint_body, origin, "origin", 0, 24, COMPLAINT_ORIGIN),
	FSTR(struct complaint_body, origin_unit, "origin_unit", 0, 64),
	FBOOL(struct complaint_body, identity_unclear, "identity_unclear", 0),
	FINT(struct complaint_body, appeal_id, "appeal_id", 0, 1, INT64_MAX),
	FEND,
};

int api_complaints_create(struct req *r)
{
	struct complaint_body b = { 0 };
	struct complaint_in in;
	json_t *out;
	int rc = fields_bind(r->in, complaints_create_fields, &b, &r->err);

	if (rc)
		return rc;
	in.station_id = b.station_id;
	in.case_id = b.case_id;
	in.incident_id = b.incident_id;
	in.channel = b.channel;
	in.kind = b.kind;
	in.track = b.track;
	in.content = b.content;
	in.contact_name = b.contact_name;
	in.contact_phone = b.contact_phone;
	in.scope = b.scope;
	in.scope_unit = b.scope_unit;
	in.origin = b.origin;
	in.origin_unit = b.origin_unit;
	in.identity_unclear = b.identity_unclear;
	in.appeal_id = b.appeal_id;
	rc = complaints_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

int api_complaints_get(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = complaints_get(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

struct step_body {
	const char *note, *finding, *track, *facts, *basis;
	json_t *officers;
	int64_t case_id, appeal_id;
};

const struct field complaints_step_fields[] = {
	FSTR(struct step_body, note, "note", 0, 4000),
	FENUM(struct step_body, finding, "finding", 0, 16, FINDING),
	FENUM(struct step_body, track, "track", 0, 16, COMPLAINT_TRACK),
	FJSON(struct step_body, officers, "officers", 0),
	FSTR(struct step_body, facts, "facts", 0, 4000),
	FSTR(struct step_body, basis, "basis", 0, 1000),
	FINT(struct step_body, case_id, "case_id", 0, 1, INT64_MAX),
	FINT(struct step_body, appeal_id, "appeal_id", 0, 1, INT64_MAX),
	FEND,
};

int api_complaints_step(struct req *r)
{
	struct step_body b = { 0 };
	struct complaint_step_in in;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc && r->in)
		rc = fields_bind(r->in, complaints_step_fields, &b, &r->err);
	if (!rc && b.officers && !json_is_array(b.officers))
		rc = ps_fail_field(&r->err, PS_EINVAL, "officers", "officers 应为数组");
	if (rc)
		return rc;
	in.note = b.note;
	in.finding = b.finding;
	in.track = b.track;
	in.officers = b.officers;
	in.facts = b.facts;
	in.basis = b.basis;
	in.case_id = b.case_id;
	in.appeal_id = b.appeal_id;
	rc = complaints_step(&r->ctx, id, r->params[1], &in, &out);
	return DONE(rc, 200, out);
}

/* ---- 复议 / 诉讼 / 国家赔偿 ---- */

int api_appeals_list(struct req *r)
{
	json_t *out;
	int rc = appeals_list(&r->ctx, &out);

	return DONE(rc, 200, out);
}

struct appeal_body {
	const char *kind, *applicant, *known_on, *applied_on, *received_on, *organ;
	int via_station, materials_incomplete;
	int64_t prior_appeal_id;
	const char *comp_kind;
};

const struct field appeals_create_fields[] = {
	FENUM(struct appeal_body, kind, "kind", 1, 24, APPEAL_KIND),
	FSTR(struct appeal_body, applicant, "applicant", 1, 64),
	FSTRN(struct appeal_body, known_on, "known_on", 1, 10, 10),
	FSTRN(struct appeal_body, applied_on, "applied_on", 1, 10, 10),
	FSTRN(struct appeal_body, received_on, "received_on", 1, 10, 10),
	FSTR(struct appeal_body, organ, "organ", 1, 64),
	FBOOL(struct appeal_body, via_station, "via_station", 0),
	FINT(struct appeal_body, prior_appeal_id, "prior_appeal_id", 0, 1, INT64_MAX),
	FENUM(struct appeal_body, comp_kind, "comp_kind", 0, 16, COMP_KIND),
	FBOOL(struct appeal_body, materials_incomplete, "materials_incomplete", 0),
	FEND,
};

int api_appeals_create(struct req *r)
{
	struct appeal_body b = { 0 };
	struct appeal_in in;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, appeals_create_fields, &b, &r->err);
	if (rc)
		return rc;
	in.kind = b.kind;
	in.applicant = b.applicant;
	in.known_on = b.known_on;
	in.applied_on = b.applied_on;
	in.received_on = b.received_on;
	in.organ = b.organ;
	in.via_station = b.via_station;
	in.prior_appeal_id = b.prior_appeal_id;
	in.comp_kind = b.comp_kind;
	in.materials_incomplete = b.materials_incomplete;
	rc = appeals_create(&r->ctx, id, &in, &out);
	return DONE(rc, 201, out);
}

struct forward_body {
	const char *forwarded_on;
};

const struct field appeals_forward_fields[] = {
	FSTRN(struct forward_body, forwarded_on, "forwarded_on", 1, 10, 10),
	FEND,
};

int api_appeals_forward(struct req *r)
{
	struct forward_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, appeals_forward_fields, &b, &r->err);
	if (!rc)
		rc = appeals_forward(&r->ctx, id, b.forwarded_on, &out);
	return DONE(rc, 200, out);
}

struct completion_body {
	const char *notice_on, *items;
};

const struct field appeals_completion_notice_fields[] = {
	FSTRN(struct completion_body, notice_on, "notice_on", 1, 10, 10),
	FSTR(struct completion_body, items, "items", 1, 2000),
	FEND,
};

int api_appeals_completion_notice(struct req *r)
{
	struct completion_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, appeals_completion_notice_fields, &b, &r->err);
	if (!rc)
		rc = appeals_completion_notice(&r->ctx, id, b.notice_on, b.items, &out);
	return DONE(rc, 200, out);
}

struct hearing_body {
	const char *heard_on, *note;
};

const struct field appeals_hearing_fields[] = {
	FSTRN(struct hearing_body, heard_on, "heard_on", 1, 10, 10),
	FSTR(struct hearing_body, note, "note", 1, 2000),
	FEND,
};

int api_appeals_hearing(struct req *r)
{
	struct hearing_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, appeals_hearing_fields, &b, &r->err);
	if (!rc)
		rc = appeals_hearing(&r->ctx, id, b.heard_on, b.note, &out);
	return DONE(rc, 200, out);
}

struct payment_body {
	const char *paid_on;
};

const struct field appeals_payment_fields[] = {
	FSTRN(struct payment_body, paid_on, "paid_on", 1, 10, 10),
	FEND,
};

int api_appeals_payment(struct req *r)
{
	struct payment_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, appeals_payment_fields, &b, &r->err);
	if (!rc)
		rc = appeals_payment(&r->ctx, id, b.paid_on, &out);
	return DONE(rc, 200, out);
}

struct answer_body {
	const char *answered_on;
};

const struct field appeals_answer_fields[] = {
	FSTRN(struct answer_body, answered_on, "answered_on", 1, 10, 10),
	FEND,
};

int api_appeals_answer(struct req *r)
{
	struct answer_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, appeals_answer_fields, &b, &r->err);
	if (!rc)
		rc = appeals_answer(&r->ctx, id, b.answered_on, &out);
	return DONE(rc, 200, out);
}

struct outcome_body {
	const char *outcome, *outcome_on, *note;
	int64_t amount;
};

const struct field appeals_outcome_fields[] = {
	FENUM(struct outcome_body, outcome, "outcome", 1, 16, APPEAL_OUTCOME),
	FSTRN(struct outcome_body, outcome_on, "outcome_on", 1, 10, 10),
	FINT(struct outcome_body, amount, "amount", 0, 1, 100000000),
	FSTR(struct outcome_body, note, "note", 0, 1000),
	FEND,
};

int api_appeals_outcome(struct req *r)
{
	struct outcome_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, appeals_outcome_fields, &b, &r->err);
	if (!rc)
		rc = appeals_outcome(&r->ctx, id, b.outcome, b.amount, b.outcome_on, b.note, &out);
	return DONE(rc, 200, out);
}

/* ---- 执法过错 ---- */

int api_fault_findings_list(struct req *r)
{
	json_t *out;
	int64_t officer;
	int rc = req_query_int(r, "officer_id", 0, INT64_MAX, 0, &officer);

	if (!rc)
		rc = fault_findings_list(&r->ctx, officer, &out);
	return DONE(rc, 200, out);
}

struct fault_body {
	int64_t case_id, station_id, source_id;
	const char *source;
	json_t *officers;
};

const struct field fault_findings_create_fields[] = {
	FINT(struct fault_body, case_id, "case_id", 0, 1, INT64_MAX),
	FINT(struct fault_body, station_id, "station_id", 0, 1, INT64_MAX),
	FINT(struct fault_body, source_id, "source_id", 0, 1, INT64_MAX),
	FENUM(struct fault_body, source, "source", 1, 16, FAULT_SOURCE),
	FJSON(struct fault_body, officers, "officers", 1),
	FEND,
};

int api_fault_findings_create(struct req *r)
{
	struct fault_body b = { 0 };
	struct fault_in in;
	json_t *out;
	int rc = fields_bind(r->in, fault_findings_create_fields, &b, &r->err);

	if (!rc && !json_is_array(b.officers))
		rc = ps_fail_field(&r->err, PS_EINVAL, "officers", "officers 应为数组：[{\"user_id\":1,\"part\":\"handler\"}]");
	if (rc)
		return rc;
	in.case_id = b.case_id;
	in.station_id = b.station_id;
	in.source_id = b.source_id;
	in.source = b.source;
	in.officers = b.officers;
	rc = fault_findings_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

struct decide_body {
	const char *record_type, *kind, *sanction, *reason;
};

const struct field fault_findings_decide_fields[] = {
	FENUM(struct decide_body, record_type, "record_type", 1, 16, FAULT_RECORD_TYPE),
	FENUM(struct decide_body, kind, "kind", 0, 16, FAULT_KIND),
	FSTR(struct decide_body, sanction, "sanction", 0, 32),
	FSTR(struct decide_body, reason, "reason", 0, 2000),
	FEND,
};

int api_fault_findings_decide(struct req *r)
{
	struct decide_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, fault_findings_decide_fields, &b, &r->err);
	if (!rc)
		rc = fault_findings_decide(&r->ctx, id, b.record_type, b.kind, b.sanction, b.reason, &out);
	return DONE(rc, 200, out);
}

/* ---- the officer's record ---- */

int api_officer_records_list(struct req *r)
{
	json_t *out;
	int rc = officer_records_list(&r->ctx, &out);

	return DONE(rc, 200, out);
}

int api_officer_records_get(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = officer_records_get(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

/* ---- 干预执法 ---- */

int api_interferences_list(struct req *r)
{
	json_t *out;
	int rc = interferences_list(&r->ctx, &out);

	return DONE(rc, 200, out);
}

struct interference_body {
	int64_t case_id, occurred_at;
	const char *who, *how, *asked;
	int internal, leader;
};

const struct field interferences_create_fields[] = {
	FINT(struct interference_body, case_id, "case_id", 0, 1, INT64_MAX),
	FINT(struct interference_body, occurred_at, "occurred_at", 1, 1, INT64_MAX),
	FSTRN(struct interference_body, who, "who", 1, 2, 100),
	FENUM(struct interference_body, how, "how", 1, 16, INTERFERE_HOW),
	FSTRN(struct interference_body, asked, "asked", 1, 2, 4000),
	FBOOL(struct interference_body, internal, "internal", 0),
	FBOOL(struct interference_body, leader, "leader", 0),
	FEND,
};

int api_interferences_create(struct req *r)
{
	struct interference_body b = { 0 };
	struct interference_in in;
	json_t *out;
	int rc = fields_bind(r->in, interferences_create_fields, &b, &r->err);

	if (rc)
		return rc;
	in.case_id = b.case_id;
	in.occurred_at = b.occurred_at;
	in.who = b.who;
	in.how = b.how;
	in.asked = b.asked;
	in.internal = b.internal;
	in.leader = b.leader;
	rc = interferences_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}
