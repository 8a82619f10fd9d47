/* inspections.c — /online-inspections, /online-inspections/{id},
 * /online-inspections/{id}/findings, /inspection-findings/{id}/answer
 * (网上巡查, issue 15). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/archives/inspections.h"

struct inspection_body {
	int64_t station_id, sample, deadline_days;
	const char *title;
};

const struct field online_inspections_create_fields[] = {
	FINT(struct inspection_body, station_id, "station_id", 1, 1, INT64_MAX),
	FSTR(struct inspection_body, title, "title", 1, 100),
	FINT(struct inspection_body, sample, "sample", 1, 1, 50),
	FINT(struct inspection_body, deadline_days, "deadline_days", 0, 1, 60),
	FEND,
};

int api_online_inspections_create(struct req *r)
{
	struct inspection_body b = { 0 };
	json_t *out = NULL;
	int rc = fields_bind(r->in, online_inspections_create_fields, &b, &r->err);

	if (!rc) rc = inspections_create(&r->ctx, b.station_id, b.title, b.sample, b.deadline_days, &out);
	return rc ? rc : req_reply(r, 201, out);
}

int api_online_inspections_list(struct req *r)
{
	json_t *out = NULL;
	int rc = inspections_list(&r->ctx, &out);

	return rc ? rc : req_reply(r, 200, out);
}

int api_online_inspections_get(struct req *r)
{
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = inspections_get(&r->ctx, id, &out);
	return rc ? rc : req_reply(r, 200, out);
}

struct finding_body {
	int64_t case_id;
	const char *finding;
};

const struct field online_inspections_finding_fields[] = {
	FINT(struct finding_body, case_id, "case_id", 1, 1, INT64_MAX),
	FSTR(struct finding_body, finding, "finding", 1, 1000),
	FEND,
};

int api_online_inspections_finding(struct req *r)
{
	struct finding_body b = { 0 };
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, online_inspections_finding_fields, &b, &r->err);
	if (!rc) rc = inspections_finding(&r->ctx, id, b.case_id, b.finding, &out);
	return rc ? rc : req_reply(r, 201, out);
}

struct answer_body {
	const char *answer;
};

const struct field inspection_findings_answer_fields[] = {
	FSTR(struct answer_body, answer, "answer", 1, 1000),
	FEND,
};

int api_inspection_findings_answer(struct req *r)
{
	struct answer_body b = { 0 };
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, inspection_findings_answer_fields, &b, &r->err);
	if (!rc) rc = inspections_answer(&r->ctx, id, b.answer, &out);
	return rc ? rc : req_reply(r, 200, out);
}
