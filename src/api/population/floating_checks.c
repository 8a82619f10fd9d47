/* floating_checks.c — /floating/{id}/departure, /employers/{id}/checks,
 * /employer-checks, /employer-meetings, /population/letter-coverage
 * (issue 16, part B: 流动人口 — 人走报告, 抽查, 例会, 责任书覆盖). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/population/employer_meetings.h"
#include "domain/population/employers.h"
#include "domain/population/floating.h"
#include "domain/population/letter_coverage.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

struct floating_depart_body {
	const char *departed_on, *reporter_kind, *reporter, *reported_on;
};

const struct field floating_depart_fields[] = {
	FSTR(struct floating_depart_body, departed_on, "departed_on", 1, 10),
	FENUM(struct floating_depart_body, reporter_kind, "reporter_kind", 1, 16, DEPARTURE_REPORTER),
	FSTR(struct floating_depart_body, reporter, "reporter", 0, 32),
	FSTR(struct floating_depart_body, reported_on, "reported_on", 1, 10),
	FEND,
};

int api_floating_depart(struct req *r)
{
	struct floating_depart_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, floating_depart_fields, &b, &r->err);
	if (!rc) rc = floating_depart(&r->ctx, id, b.departed_on, b.reporter_kind, b.reporter, b.reported_on, &out);
	return DONE(rc, 200, out);
}

struct employers_spot_check_body {
	const char *checked_on, *findings, *offence_code, *penalty;
	int64_t persons_found;
};

const struct field employers_spot_check_fields[] = {
	FSTR(struct employers_spot_check_body, checked_on, "checked_on", 1, 10),
	FINT(struct employers_spot_check_body, persons_found, "persons_found", 1, 0, 100000),
	FSTR(struct employers_spot_check_body, findings, "findings", 0, 200),
	FSTR(struct employers_spot_check_body, offence_code, "offence_code", 0, 8),
	FSTR(struct employers_spot_check_body, penalty, "penalty", 0, 64),
	FEND,
};

int api_employers_spot_check(struct req *r)
{
	struct employers_spot_check_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, employers_spot_check_fields, &b, &r->err);
	if (!rc) rc = employers_spot_check(&r->ctx, id, b.checked_on, b.persons_found, b.findings, b.offence_code, b.penalty, &out);
	return DONE(rc, 201, out);
}

int api_spot_checks_list(struct req *r)
{
	json_t *out;
	int rc = employers_spot_checks_list(&r->ctx, &out);

	return DONE(rc, 200, out);
}

struct employer_meetings_body {
	const char *held_on, *topic, *notes;
	json_t *items;
};

const struct field employer_meetings_create_fields[] = {
	FSTR(struct employer_meetings_body, held_on, "held_on", 1, 10),
	FSTR(struct employer_meetings_body, topic, "topic", 1, 100),
	FSTR(struct employer_meetings_body, notes, "notes", 0, 500),
	FJSON(struct employer_meetings_body, items, "items", 1),
	FEND,
};

int api_employer_meetings_create(struct req *r)
{
	struct employer_meetings_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, employer_meetings_create_fields, &b, &r->err);

	if (!rc) rc = employer_meetings_create(&r->ctx, b.held_on, b.topic, b.notes, b.items, &out);
	return DONE(rc, 201, out);
}

int api_employer_meetings_list(struct req *r)
{
	json_t *out;
	int rc = employer_meetings_list(&r->ctx, &out);

	return DONE(rc, 200, out);
}

int api_letter_coverage(struct req *r)
{
	json_t *out;
	int rc = letter_coverage_get(&r->ctx, &out);

	return DONE(rc, 200, out);
}
