/* compounds.c — /compounds (issue 16, part B): 安全小区, their measures,
 * assessments and dated designation. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/trades/compounds.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_compounds_list(struct req *r)
{
	json_t *out;
	int rc = compounds_list(&r->ctx, req_query(r, "as_of"), &out);

	return DONE(rc, 200, out);
}

struct compounds_create_body {
	struct compound_input in;
	int64_t total, covered, guards;
	int total_given, covered_given, guards_given, access_given, patrol_given;
};

const struct field compounds_create_fields[] = {
	FSTR(struct compounds_create_body, in.name, "name", 1, 64),
	FSTR(struct compounds_create_body, in.community, "community", 1, 64),
	FJSON(struct compounds_create_body, in.buildings, "buildings", 1),
	FINTP(struct compounds_create_body, total, total_given, "buildings_total", 0, 10000),
	FINTP(struct compounds_create_body, covered, covered_given, "buildings_covered", 0, 10000),
	FINTP(struct compounds_create_body, guards, guards_given, "guards", 0, 10000),
	FBOOLP(struct compounds_create_body, in.access_control, access_given, "access_control"),
	FBOOLP(struct compounds_create_body, in.patrol, patrol_given, "patrol"),
	FSTR(struct compounds_create_body, in.measures, "measures", 0, 200),
	FEND,
};

int api_compounds_create(struct req *r)
{
	struct compounds_create_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, compounds_create_fields, &b, &r->err);

	if (!rc) {
		b.in.buildings_total = b.total;
		b.in.buildings_covered = b.covered;
		b.in.guards = b.guards;
		rc = compounds_create(&r->ctx, &b.in, &out);
	}
	return DONE(rc, 201, out);
}

int api_compounds_get(struct req *r)
{
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = compounds_get(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

struct compounds_assess_body {
	const char *assessed_on;
};

const struct field compounds_assess_fields[] = {
	FSTR(struct compounds_assess_body, assessed_on, "assessed_on", 1, 10),
	FEND,
};

int api_compounds_assess(struct req *r)
{
	struct compounds_assess_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, compounds_assess_fields, &b, &r->err);
	if (!rc) rc = compounds_assess(&r->ctx, id, b.assessed_on, &out);
	return DONE(rc, 201, out);
}
