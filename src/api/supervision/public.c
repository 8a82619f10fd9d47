/* public.c — the public side of 执法监督与警务公开 (no login, issue 15):
 * GET /public/stations, GET /public/stations/{id} (警务公开), POST
 * /public/progress (the case-progress query, also at /progress), POST
 * /public/complaints (控告申诉) and POST /public/complaints/query. Codes and
 * phone digits travel in bodies, never in a URL; answers are no-store. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/supervision/supervision.h"
#include "core/json.h"

#include <string.h>

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_public_stations(struct req *r)
{
	json_t *out;
	int rc = public_notice_stations(&r->ctx, &out);

	return DONE(rc, 200, out);
}

int api_public_notice(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = public_notice_get(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

/* An error answer whose audit row stays: the request commits. */
static int refuse(struct req *r, int rc, const char *code, const char *msg)
{
	json_t *err;

	ps_fail(&r->err, rc, code, NULL, "%s", msg);
	err = json_pack("{s:s, s:s, s:s}", "code", code, "message", msg, "request_id", r->request_id);
	return req_reply(r, ps_rc_http_status(rc), err ? json_pack("{s:o}", "error", err) : NULL);
}

static int digits4(struct req *r, const char *s)
{
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return ps_fail_field(&r->err, PS_EINVAL, "phone_last4", "请填写所留手机号码的后四位数字");
	return PS_OK;
}

struct complaint_file_body {
	int64_t station_id;
	const char *content;
	const char *receipt_code;
	const char *contact_name;
	const char *contact_phone;
};

const struct field public_complaints_fields[] = {
	FINT(struct complaint_file_body, station_id, "station_id", 1, 1, INT64_MAX),
	FSTRN(struct complaint_file_body, content, "content", 1, 10, 4000),
	FSTR(struct complaint_file_body, receipt_code, "receipt_code", 0, 32),
	FSTR(struct complaint_file_body, contact_name, "contact_name", 0, 32),
	FSTRN(struct complaint_file_body, contact_phone, "contact_phone", 1, 7, 20),
	FEND,
};

int api_public_complaints_file(struct req *r)
{
	struct complaint_file_body in = { 0 };
	struct progress_result res;
	int rc = fields_bind(r->in, public_complaints_fields, &in, &r->err);
	int n = 0;

	if (rc)
		return rc;
	for (const char *p = in.contact_phone; *p; p++)
		n += *p >= '0' && *p <= '9';
	if (n < 7)
		return ps_fail_field(&r->err, PS_EINVAL, "contact_phone", "请填写能联系到您的电话号码（查询进度时要用后四位）");
	rc = complaints_public_file(&r->ctx, in.station_id, in.content, in.receipt_code, in.contact_name,
				    in.contact_phone, &res);
	if (rc)
		return rc;
	r->no_store = 1;
	if (res.outcome == PROGRESS_LIMITED) {
		r->retry_after = res.retry_after;
		return refuse(r, PS_ERATE, "TOO_MANY_REQUESTS", "提交过于频繁，请稍后再试，或拨打监督电话");
	}
	return req_reply(r, 201, res.out);
}

struct complaint_query_body {
	const char *tracking_code;
	const char *phone_last4;
};

const struct field public_complaints_query_fields[] = {
	FSTR(struct complaint_query_body, tracking_code, "tracking_code", 1, 32),
	FSTRN(struct complaint_query_body, phone_last4, "phone_last4", 1, 4, 4),
	FEND,
};

int api_public_complaints_query(struct req *r)
{
	struct complaint_query_body in = { 0 };
	struct progress_result res;
	int rc = fields_bind(r->in, public_complaints_query_fields, &in, &r->err);

	if (!rc)
		rc = digits4(r, in.phone_last4);
	if (!rc)
		rc = complaints_public_query(&r->ctx, in.tracking_code, in.phone_last4, &res);
	if (rc)
		return rc;
	r->no_store = 1;
	switch (res.outcome) {
	case PROGRESS_OK:
		return req_reply(r, 200, res.out);
	case PROGRESS_LIMITED:
		r->retry_after = res.retry_after;
		return refuse(r, PS_ERATE, "TOO_MANY_REQUESTS", "查询失败次数过多，请稍后再试");
	default:
		return refuse(r, PS_ENOTFOUND, "NOT_FOUND", "查询码或手机号码后四位不正确，请核对后重试");
	}
}
