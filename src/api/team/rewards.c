/* rewards.c — 奖惩 (issue 18, part 3): /commendations, /sanctions, and
 * GET /rewards (both lists; an officer his own). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/team/rewards.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_rewards_list(struct req *r)
{
	int64_t user = 0;
	json_t *out;
	int rc = req_query_int(r, "user_id", 0, INT64_MAX, 0, &user);

	if (!rc)
		rc = rewards_list(&r->ctx, user, &out);
	return DONE(rc, 200, out);
}

const struct field commendations_create_fields[] = {
	FINT(struct reward_award_input, user_id, "user_id", 1, 1, INT64_MAX),
	FSTR(struct reward_award_input, grade, "grade", 1, 16),
	FSTR(struct reward_award_input, deed, "deed", 1, 500),
	FENUM(struct reward_award_input, ground, "ground", 1, 16, COMMENDATION_GROUND),
	FSTR(struct reward_award_input, ground_ref, "ground_ref", 0, 64),
	FENUM(struct reward_award_input, body_level, "body_level", 1, 16, BODY_LEVEL),
	FSTR(struct reward_award_input, decided_by, "decided_by", 1, 64),
	FSTR(struct reward_award_input, decided_on, "decided_on", 1, 10),
	FSTR(struct reward_award_input, exception, "exception", 0, 500),
	FSTR(struct reward_award_input, posted_from, "posted_from", 0, 10),
	FEND,
};

int api_commendations_create(struct req *r)
{
	struct reward_award_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, commendations_create_fields, &in, &r->err);

	if (!rc)
		rc = reward_award_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

const struct field sanctions_create_fields[] = {
	FINT(struct reward_sanction_input, user_id, "user_id", 1, 1, INT64_MAX),
	FSTR(struct reward_sanction_input, kind, "kind", 1, 16),
	FSTR(struct reward_sanction_input, reason, "reason", 1, 500),
	FENUM(struct reward_sanction_input, ground, "ground", 1, 16, SANCTION_GROUND),
	FSTR(struct reward_sanction_input, ground_ref, "ground_ref", 0, 64),
	FSTR(struct reward_sanction_input, decided_by, "decided_by", 1, 64),
	FSTR(struct reward_sanction_input, decided_on, "decided_on", 1, 10),
	FSTR(struct reward_sanction_input, start_on, "start_on", 0, 10),
	FINT(struct reward_sanction_input, days, "days", 0, 0, 3650),
	FENUM(struct reward_sanction_input, decided_body, "decided_body", 0, 16, SANCTION_BODY),
	FSTR(struct reward_sanction_input, decision_doc, "decision_doc", 0, 64),
	FEND,
};

int api_sanctions_create(struct req *r)
{
	struct reward_sanction_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, sanctions_create_fields, &in, &r->err);

	if (!rc)
		rc = reward_sanction_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

struct sanctions_appeal_body {
	const char *appeal_to, *reason;
};

const struct field sanctions_appeal_fields[] = {
	FSTRN(struct sanctions_appeal_body, appeal_to, "appeal_to", 1, 1, 64),
	FSTR(struct sanctions_appeal_body, reason, "reason", 0, 1000),
	FEND,
};

int api_sanctions_appeal(struct req *r)
{
	struct sanctions_appeal_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, sanctions_appeal_fields, &b, &r->err);
	if (!rc)
		rc = rewards_appeal(&r->ctx, id, b.appeal_to, b.reason, &out);
	return DONE(rc, 200, out);
}

struct sanctions_appeal_decision_body {
	int revoke;
	const char *note, *restoration;
};

const struct field sanctions_appeal_decision_fields[] = {
	FBOOL(struct sanctions_appeal_decision_body, revoke, "revoke", 1),
	FSTR(struct sanctions_appeal_decision_body, note, "note", 0, 500),
	FSTR(struct sanctions_appeal_decision_body, restoration, "restoration", 0, 500),
	FEND,
};

int api_sanctions_appeal_decide(struct req *r)
{
	struct sanctions_appeal_decision_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, sanctions_appeal_decision_fields, &b, &r->err);
	if (!rc)
		rc = rewards_appeal_decide(&r->ctx, id, b.revoke, b.note, b.restoration, &out);
	return DONE(rc, 200, out);
}
