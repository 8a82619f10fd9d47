/* progress.c — POST /progress: the public progress query (no login), by the
 * receipt code of the 受案回执 and the last four digits of the reporter's
 * phone (issue 13; see domain/cases/progress.h). Both travel in the body, so
 * that neither lands in a URL, a log line or a browser's history. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/cases/progress.h"
#include "core/json.h"

#include <string.h>

struct progress_body {
	const char *receipt_code;
	const char *phone_last4;
};

const struct field progress_fields[] = {
	FSTR(struct progress_body, receipt_code, "receipt_code", 1, 32),
	FSTRN(struct progress_body, phone_last4, "phone_last4", 1, 4, 4),
	FEND,
};

/* An error answer whose audit row stays: the request commits. */
static int refuse(struct req *r, int rc, const char *code, const char *msg)
{
	json_t *err;

	ps_fail(&r->err, rc, code, NULL, "%s", msg);
	err = json_pack("{s:s, s:s, s:s}", "code", code, "message", msg, "request_id",
			r->request_id);
	return req_reply(r, ps_rc_http_status(rc), err ? json_pack("{s:o}", "error", err) : NULL);
}

int api_progress(struct req *r)
{
	struct progress_body in = { 0 };
	struct progress_result res;
	int rc;

	rc = fields_bind(r->in, progress_fields, &in, &r->err);
	if (rc)
		return rc;
	for (int i = 0; i < 4; i++)
		if (in.phone_last4[i] < '0' || in.phone_last4[i] > '9')
			return ps_fail_field(&r->err, PS_EINVAL, "phone_last4",
					     "请填写报案时所留手机号码的后四位数字");
	rc = progress_query(&r->ctx, in.receipt_code, in.phone_last4, &res);
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
		/* one answer for a wrong code and for wrong digits */
		return refuse(r, PS_ENOTFOUND, "NOT_FOUND",
			      "回执编号或手机号码后四位不正确，请核对受案回执后重试");
	}
}
