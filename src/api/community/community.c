/* community.c — 社区警务 (issue 16, part A): /beats, /grids, /beat-map,
 * /leader-assignments, /household-visits, /key-persons,
 * /key-person-transfers, /registration-sweeps, /today. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/community/beats.h"
#include "domain/community/grids.h"
#include "domain/community/household_visits.h"
#include "domain/community/key_person_listings.h"
#include "domain/community/key_person_transfers.h"
#include "domain/community/key_persons.h"
#include "domain/community/registration_sweeps.h"
#include "domain/community/today.h"

#include <string.h>

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

/* ---- beats and grids ---- */

int api_beats_list(struct req *r)
{
	json_t *out;
	int64_t over = 0;
	int rc = req_query_int(r, "over", 0, 1, 0, &over);

	if (!rc)
		rc = beats_list(&r->ctx, (int)over, &out);
	return DONE(rc, 200, out);
}

struct beat_body {
	const char *name, *kind;
	int64_t post_id, officer_id, sergeant_id;
	int has_post, has_officer, has_sergeant;
	json_t *auxiliaries, *polygon;
};

#define BEAT_FIELDS(req)                                                                        \
	FSTR(struct beat_body, name, "name", req, 32),                                          \
	FENUM(struct beat_body, kind, "kind", 0, 8, BEAT_KIND),                                 \
	FINTP(struct beat_body, post_id, has_post, "post_id", 1, INT64_MAX),                    \
	FINTP(struct beat_body, officer_id, has_officer, "officer_id", 0, INT64_MAX),           \
	FINTP(struct beat_body, sergeant_id, has_sergeant, "sergeant_id", 0, INT64_MAX),        \
	FJSON(struct beat_body, auxiliaries, "auxiliaries", 0),                                 \
	FJSON(struct beat_body, polygon, "polygon", 0)

const struct field beats_create_fields[] = { BEAT_FIELDS(1), FEND };
const struct field beats_update_fields[] = { BEAT_FIELDS(0), FEND };

static void beat_in(const struct beat_body *b, struct beat_input *in)
{
	in->name = b->name;
	in->kind = b->kind;
	in->post_id = b->has_post ? b->post_id : 0;
	in->has_post = b->has_post;
	in->officer_id = b->officer_id;
	in->has_officer = b->has_officer;
	in->sergeant_id = b->sergeant_id;
	in->has_sergeant = b->has_sergeant;
	in->auxiliaries = b->auxiliaries;
	in->polygon = b->polygon;
}

int api_beats_create(struct req *r)
{
	struct beat_body b = { 0 };
	struct beat_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, beats_create_fields, &b, &r->err);

	beat_in(&b, &in);
	if (!rc)
		rc = beats_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

int api_beats_update(struct req *r)
{
	struct beat_body b = { 0 };
	struct beat_input in = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, beats_update_fields, &b, &r->err);
	beat_in(&b, &in);
	if (!rc)
		rc = beats_update(&r->ctx, id, &in, &out);
	return DONE(rc, 200, out);
}

struct grid_body {
	const char *name;
};

const struct field grids_create_fields[] = {
	FSTR(struct grid_body, name, "name", 1, 32),
	FEND,
};

int api_grids_create(struct req *r)
{
	struct grid_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, grids_create_fields, &b, &r->err);
	if (!rc)
		rc = grids_create(&r->ctx, id, b.name, &out);
	return DONE(rc, 201, out);
}

const struct field grids_assign_fields[] = {
	FSTR(struct grid_assign, community, "community", 0, 64),
	FSTR(struct grid_assign, building, "building", 0, 32),
	FJSON(struct grid_assign, address_ids, "address_ids", 0),
	FJSON(struct grid_assign, polygon, "polygon", 0),
	FENUM(struct grid_assign, building_type, "building_type", 0, 16, BUILDING_TYPE),
	FEND,
};

int api_grids_assign(struct req *r)
{
	struct grid_assign in = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, grids_assign_fields, &in, &r->err);
	if (!rc)
		rc = grids_assign(&r->ctx, id, &in, &out);
	return DONE(rc, 200, out);
}

int api_beat_map(struct req *r)
{
	json_t *out;
	int rc = beats_map(&r->ctx, &out);

	return DONE(rc, 200, out);
}

int api_leader_assignments_list(struct req *r)
{
	json_t *out;
	int64_t all = 0;
	int rc = req_query_int(r, "all", 0, 1, 0, &all);

	if (!rc)
		rc = beats_leaders(&r->ctx, (int)all, &out);
	return DONE(rc, 200, out);
}

struct leader_body {
	int64_t station_id, user_id;
};

const struct field leader_assignments_create_fields[] = {
	FINT(struct leader_body, station_id, "station_id", 1, 1, INT64_MAX),
	FINT(struct leader_body, user_id, "user_id", 1, 1, INT64_MAX),
	FEND,
};

int api_leader_assignments_create(struct req *r)
{
	struct leader_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, leader_assignments_create_fields, &b, &r->err);

	if (!rc)
		rc = beats_leader_assign(&r->ctx, b.station_id, b.user_id, &out);
	return DONE(rc, 201, out);
}

struct leader_end_body {
	const char *ended_on, *reason;
};

const struct field leader_assignments_end_fields[] = {
	FSTR(struct leader_end_body, ended_on, "ended_on", 1, 10),
	FSTR(struct leader_end_body, reason, "reason", 1, 200),
	FEND,
};

int api_leader_assignments_end(struct req *r)
{
	struct leader_end_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, leader_assignments_end_fields, &b, &r->err);
	if (!rc)
		rc = beats_leader_end(&r->ctx, id, b.ended_on, b.reason, &out);
	return DONE(rc, 200, out);
}

/* ---- 熟悉住户 ---- */

int api_household_visits_list(struct req *r)
{
	json_t *out;
	int64_t beat = 0, page = 1, per_page = 100, recent = 50;
	int rc = req_query_int(r, "beat_id", 0, INT64_MAX, 0, &beat);

	if (!rc)
		rc = req_query_int(r, "page", 1, 1000000, 1, &page);
	if (!rc)
		rc = req_query_int(r, "per_page", 1, 200, 100, &per_page);
	if (!rc)
		rc = req_query_int(r, "recent", 1, 50, 50, &recent);
	if (!rc)
		rc = household_visits_list(&r->ctx, beat, page, per_page, recent, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

const struct field household_visits_create_fields[] = {
	FINT(struct household_visit_input, address_id, "address_id", 1, 1, INT64_MAX),
	FINT(struct household_visit_input, persons_seen, "persons_seen", 0, 0, 999),
	FSTR(struct household_visit_input, visited_on, "visited_on", 0, 10),
	FSTR(struct household_visit_input, learnt, "learnt", 1, 1000),
	FSTR(struct household_visit_input, changes, "changes", 0, 1000),
	FJSON(struct household_visit_input, updates, "updates", 0),
	FEND,
};

int api_household_visits_create(struct req *r)
{
	struct household_visit_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, household_visits_create_fields, &in, &r->err);

	if (!rc)
		rc = household_visits_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

/* ---- key persons ---- */

int api_key_persons_list(struct req *r)
{
	struct key_person_filter f = { 0, 0, 0, -1, 0, 0, 0 };
	int64_t overdue = 0, mine = 0, review_due = 0;
	json_t *out;
	int rc = req_query_int(r, "beat_id", 0, INT64_MAX, 0, &f.beat_id);

	if (!rc)
		rc = req_query_int(r, "overdue", 0, 1, 0, &overdue);
	if (!rc)
		rc = req_query_int(r, "review_due", 0, 1, 0, &review_due);
	if (!rc)
		rc = req_query_int(r, "mine", 0, 1, 0, &mine);
	if (!rc)
		rc = req_query_int(r, "page", 0, 1000000, 0, &f.page);
	if (!rc)
		rc = req_query_int(r, "per_page", 1, 200, 20, &f.per_page);
	f.overdue_only = (int)overdue;
	f.review_due_only = (int)review_due;
	f.mine = (int)mine;
	if (!rc)
		rc = key_persons_list(&r->ctx, &f, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

const struct field key_persons_create_fields[] = {
	FINT(struct key_person_input, person_id, "person_id", 1, 1, INT64_MAX),
	FINT(struct key_person_input, beat_id, "beat_id", 0, 0, INT64_MAX),
	FSTR(struct key_person_input, category, "category", 1, 32),
	FSTR(struct key_person_input, reason, "reason", 1, 500),
	FENUM(struct key_person_input, level, "level", 1, 8, KEY_LEVEL),
	FSTR(struct key_person_input, control_plan, "control_plan", 0, 2000),
	FSTR(struct key_person_input, listed_on, "listed_on", 0, 10),
	FEND,
};

int api_key_persons_create(struct req *r)
{
	struct key_person_input in = { 0 };
	json_t *out = NULL;
	int rc = fields_bind(r->in, key_persons_create_fields, &in, &r->err);

	if (!rc)
		rc = key_person_listings_create(&r->ctx, &in, &out);
	/* listed at once (the approver), or a request that waits (COM-ZD-ENLIST) */
	return DONE(rc, json_object_get(out, "listing") ? 202 : 201, out);
}

int api_key_persons_get(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = key_persons_get(&r->ctx, id, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

struct key_person_update_body {
	const char *level, *control_plan, *reason;
	int remove;
};

const struct field key_persons_update_fields[] = {
	FENUM(struct key_person_update_body, level, "level", 0, 8, KEY_LEVEL),
	FSTR(struct key_person_update_body, control_plan, "control_plan", 0, 2000),
	FSTR(struct key_person_update_body, reason, "reason", 0, 500),
	FBOOL(struct key_person_update_body, remove, "remove", 0),
	FEND,
};

int api_key_persons_update(struct req *r)
{
	struct key_person_update_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, key_persons_update_fields, &b, &r->err);
	if (!rc)
		rc = key_persons_update(&r->ctx, id, b.level, b.control_plan, b.reason, b.remove, &out);
	return DONE(rc, 200, out);
}

struct contact_body {
	const char *contacted_on, *mode, *place, *findings;
};

const struct field key_persons_contact_fields[] = {
	FSTR(struct contact_body, contacted_on, "contacted_on", 0, 10),
	FENUM(struct contact_body, mode, "mode", 1, 8, CONTACT_MODE),
	FSTR(struct contact_body, place, "place", 0, 100),
	FSTR(struct contact_body, findings, "findings", 1, 1000),
	FEND,
};

int api_key_persons_contact(struct req *r)
{
	struct contact_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, key_persons_contact_fields, &b, &r->err);
	if (!rc)
		rc = key_persons_contact(&r->ctx, id, b.contacted_on, b.mode, b.place, b.findings, &out);
	return DONE(rc, 201, out);
}

struct transfer_body {
	int64_t to_station_id;
	const char *reason;
};

const struct field key_persons_transfer_fields[] = {
	FINT(struct transfer_body, to_station_id, "to_station_id", 1, 1, INT64_MAX),
	FSTR(struct transfer_body, reason, "reason", 1, 500),
	FEND,
};

int api_key_persons_transfer(struct req *r)
{
	struct transfer_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, key_persons_transfer_fields, &b, &r->err);
	if (!rc)
		rc = key_person_transfers_create(&r->ctx, id, b.to_station_id, b.reason, &out);
	return DONE(rc, 201, out);
}

int api_key_person_transfers_list(struct req *r)
{
	json_t *out;
	int rc = key_person_transfers_list(&r->ctx, &out);

	r->no_store = 1;
	return DONE(rc, 200, out);
}

int api_key_person_transfers_acknowledge(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = key_person_transfers_acknowledge(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

/* ---- 漏登漏管 ---- */

int api_registration_sweeps_candidates(struct req *r)
{
	json_t *out;
	int64_t beat = 0;
	int rc = req_query_int(r, "beat_id", 0, INT64_MAX, 0, &beat);

	if (!rc)
		rc = registration_sweeps_candidates(&r->ctx, beat, req_query(r, "building_type"), &out);
	return DONE(rc, 200, out);
}

int api_registration_sweeps_list(struct req *r)
{
	json_t *out;
	int rc = registration_sweeps_list(&r->ctx, &out);

	return DONE(rc, 200, out);
}

int api_registration_sweeps_get(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = registration_sweeps_get(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

struct sweep_body {
	const char *title, *planned_on;
	int64_t beat_id;
	json_t *address_ids;
};

const struct field registration_sweeps_create_fields[] = {
	FSTR(struct sweep_body, title, "title", 1, 64),
	FSTR(struct sweep_body, planned_on, "planned_on", 0, 10),
	FINT(struct sweep_body, beat_id, "beat_id", 0, 0, INT64_MAX),
	FJSON(struct sweep_body, address_ids, "address_ids", 0),
	FEND,
};

int api_registration_sweeps_create(struct req *r)
{
	struct sweep_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, registration_sweeps_create_fields, &b, &r->err);

	if (!rc)
		rc = registration_sweeps_create(&r->ctx, b.title, b.planned_on, b.beat_id, b.address_ids, &out);
	return DONE(rc, 201, out);
}

struct finding_body {
	int64_t address_id, found, registered;
	const char *notes;
};

const struct field registration_sweeps_finding_fields[] = {
	FINT(struct finding_body, address_id, "address_id", 1, 1, INT64_MAX),
	FINT(struct finding_body, found, "found", 1, 0, 999),
	FINT(struct finding_body, registered, "registered", 1, 0, 999),
	FSTR(struct finding_body, notes, "notes", 0, 500),
	FEND,
};

int api_registration_sweeps_finding(struct req *r)
{
	struct finding_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, registration_sweeps_finding_fields, &b, &r->err);
	if (!rc)
		rc = registration_sweeps_finding(&r->ctx, id, b.address_id, b.found, b.registered, b.notes, &out);
	return DONE(rc, 200, out);
}

/* ---- today ---- */

int api_today(struct req *r)
{
	json_t *out;
	int rc = today_get(&r->ctx, &out);

	r->no_store = 1;
	return DONE(rc, 200, out);
}
