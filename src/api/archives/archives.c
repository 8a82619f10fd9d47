/* archives.c — /archive-files, /archive-files/pending, /archive-files/{id},
 * /archive-files/{id}/loans, /archive-files/{id}/reviews, /loans,
 * /loans/{id}/{step} (执法档案, issue 15). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/archives/archives.h"

#include <string.h>

static int reply(struct req *r, int status, int rc, json_t *out)
{
	return rc ? rc : req_reply(r, status, out);
}

const struct field archive_files_create_fields[] = {
	FINT(struct archive_input, case_id, "case_id", 1, 1, INT64_MAX),
	FSTR(struct archive_input, room, "room", 1, 32),
	FSTR(struct archive_input, cabinet, "cabinet", 1, 32),
	FSTR(struct archive_input, shelf, "shelf", 1, 32),
	FSTR(struct archive_input, box, "box", 1, 32),
	FINT(struct archive_input, pages, "pages", 0, 0, 100000),
	FEND,
};

int api_archive_files_create(struct req *r)
{
	struct archive_input in;
	json_t *out = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	rc = fields_bind(r->in, archive_files_create_fields, &in, &r->err);
	if (!rc) rc = archives_create(&r->ctx, &in, &out);
	return reply(r, 201, rc, out);
}

int api_archive_files_list(struct req *r)
{
	int64_t page, per_page;
	json_t *out = NULL;
	int rc = req_query_int(r, "page", 1, 1000000, 1, &page);

	if (!rc) rc = req_query_int(r, "per_page", 1, 200, 20, &per_page);
	if (!rc) rc = archives_list(&r->ctx, req_query(r, "q"), req_query(r, "status"), page, per_page, &out);
	return reply(r, 200, rc, out);
}

int api_archive_files_pending(struct req *r)
{
	json_t *out = NULL;
	int rc = archives_pending(&r->ctx, &out);

	return reply(r, 200, rc, out);
}

int api_archive_files_get(struct req *r)
{
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = archives_get(&r->ctx, id, &out);
	return reply(r, 200, rc, out);
}

struct loan_request_body {
	const char *reason;
	int64_t days;
};

const struct field archive_files_loan_fields[] = {
	FSTR(struct loan_request_body, reason, "reason", 1, 200),
	FINT(struct loan_request_body, days, "days", 1, 1, 90),
	FEND,
};

int api_archive_files_loan(struct req *r)
{
	struct loan_request_body b = { 0 };
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, archive_files_loan_fields, &b, &r->err);
	if (!rc) rc = loans_request(&r->ctx, id, b.reason, b.days, &out);
	return reply(r, 201, rc, out);
}

struct review_body {
	const char *reason;
	json_t *present_ids;
};

const struct field archive_files_review_fields[] = {
	FSTR(struct review_body, reason, "reason", 1, 200),
	FJSON(struct review_body, present_ids, "present_ids", 1),
	FEND,
};

int api_archive_files_review(struct req *r)
{
	struct review_body b = { 0 };
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, archive_files_review_fields, &b, &r->err);
	if (!rc && (!json_is_array(b.present_ids) || json_array_size(b.present_ids) != 2 ||
		    !json_is_integer(json_array_get(b.present_ids, 0)) ||
		    !json_is_integer(json_array_get(b.present_ids, 1))))
		rc = ps_fail_field(&r->err, PS_EINVAL, "present_ids", "请选择在场的两名人员");
	if (!rc)
		rc = archives_review(&r->ctx, id, b.reason, json_integer_value(json_array_get(b.present_ids, 0)),
				     json_integer_value(json_array_get(b.present_ids, 1)), &out);
	return reply(r, 201, rc, out);
}

int api_loans_list(struct req *r)
{
	int64_t page, per_page, overdue;
	json_t *out = NULL;
	int rc = req_query_int(r, "page", 1, 1000000, 1, &page);

	if (!rc) rc = req_query_int(r, "per_page", 1, 200, 20, &per_page);
	if (!rc) rc = req_query_int(r, "overdue", 0, 1, 0, &overdue);
	if (!rc) rc = loans_list(&r->ctx, req_query(r, "status"), (int)overdue, page, per_page, &out);
	return reply(r, 200, rc, out);
}

struct loan_step_body {
	const char *opinion, *note;
};

const struct field loans_step_fields[] = {
	FSTR(struct loan_step_body, opinion, "opinion", 0, 200),
	FSTR(struct loan_step_body, note, "note", 0, 200),
	FEND,
};

/* POST /loans/{id}/{step}: approve | reject | lend | return */
int api_loans_step(struct req *r)
{
	struct loan_step_body b = { 0 };
	const char *step = r->params[1];
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, loans_step_fields, &b, &r->err);
	if (rc)
		return rc;
	if (!strcmp(step, "approve") || !strcmp(step, "reject"))
		rc = loans_decide(&r->ctx, id, !strcmp(step, "approve"), b.opinion, &out);
	else if (!strcmp(step, "lend"))
		rc = loans_lend(&r->ctx, id, &out);
	else if (!strcmp(step, "return"))
		rc = loans_return(&r->ctx, id, b.note, &out);
	else
		rc = ps_fail(&r->err, PS_ENOTFOUND, "UNKNOWN_STEP", NULL, "未知的借阅操作：%s", step);
	return reply(r, 200, rc, out);
}
