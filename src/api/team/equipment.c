/* equipment.c — /equipment, /equipment/{id}/issue, /equipment/{id}/return,
 * /recording-warnings (issue 18, part 2: 装备管理责任到人). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/team/equipment.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_equipment_list(struct req *r)
{
	json_t *out;
	int rc = equipment_list(&r->ctx, req_query(r, "kind"), &out);

	return DONE(rc, 200, out);
}

struct equipment_body {
	const char *kind, *code, *model;
};

const struct field equipment_create_fields[] = {
	FENUM(struct equipment_body, kind, "kind", 1, 16, EQUIPMENT_KIND),
	FSTR(struct equipment_body, code, "code", 1, 32),
	FSTR(struct equipment_body, model, "model", 0, 64),
	FEND,
};

int api_equipment_create(struct req *r)
{
	struct equipment_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, equipment_create_fields, &b, &r->err);

	if (!rc) rc = equipment_create(&r->ctx, b.kind, b.code, b.model, &out);
	return DONE(rc, 201, out);
}

int api_equipment_get(struct req *r)
{
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = equipment_get(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

struct equipment_issue_body {
	int64_t officer_id, issued_at;
	int at_given;
	const char *purpose;
};

const struct field equipment_issue_fields[] = {
	FINT(struct equipment_issue_body, officer_id, "officer_id", 1, 1, INT64_MAX),
	FINTP(struct equipment_issue_body, issued_at, at_given, "issued_at", 1, INT64_MAX),
	FSTR(struct equipment_issue_body, purpose, "purpose", 0, 100),
	FEND,
};

int api_equipment_issue(struct req *r)
{
	struct equipment_issue_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, equipment_issue_fields, &b, &r->err);
	if (!rc) rc = equipment_issue(&r->ctx, id, b.officer_id, b.at_given ? b.issued_at : 0, b.purpose, &out);
	return DONE(rc, 201, out);
}

struct equipment_return_body {
	int64_t returned_at;
	int at_given;
	const char *note;
};

const struct field equipment_return_fields[] = {
	FINTP(struct equipment_return_body, returned_at, at_given, "returned_at", 1, INT64_MAX),
	FSTR(struct equipment_return_body, note, "note", 0, 100),
	FEND,
};

int api_equipment_return(struct req *r)
{
	struct equipment_return_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, equipment_return_fields, &b, &r->err);
	if (!rc) rc = equipment_return(&r->ctx, id, b.at_given ? b.returned_at : 0, b.note, &out);
	return DONE(rc, 200, out);
}

int api_recording_warnings_list(struct req *r)
{
	json_t *out;
	int rc = equipment_recording_warnings(&r->ctx, &out);

	return DONE(rc, 200, out);
}
