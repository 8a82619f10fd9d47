/* residence_permits.c — /residence-permits: 居住证 applications, acceptance,
 * issue, 签注, cancel/withdraw (COM-RESCARD, COM-RESCARD-ISSUE,
 * COM-RESCARD-ENDORSE); /residence-permit-eligibility for the 申领 button of
 * the floating-person page. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/population/residence_permits.h"

#include <stdlib.h>
#include <string.h>

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_residence_permits_list(struct req *r)
{
	struct residence_permit_filter f = { 0 };
	int64_t due = 0, overdue = 0, issue = 0;
	json_t *out;
	int rc = req_query_int(r, "endorse_due", 0, 1, 0, &due);

	if (!rc) rc = req_query_int(r, "endorse_overdue", 0, 1, 0, &overdue);
	if (!rc) rc = req_query_int(r, "issue_overdue", 0, 1, 0, &issue);
	if (!rc) rc = req_query_int(r, "page", 1, 1000000, 1, &f.page);
	if (!rc) rc = req_query_int(r, "per_page", 1, 200, 20, &f.per_page);
	f.status = req_query(r, "status");
	f.q = req_query(r, "q");
	f.endorse_due = (int)due;
	f.endorse_overdue = (int)overdue;
	f.issue_overdue = (int)issue;
	if (!rc) rc = residence_permits_list(&r->ctx, &f, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

const struct field residence_permits_apply_fields[] = {
	FINT(struct residence_permit_input, person_id, "person_id", 1, 1, INT64_MAX),
	FENUM(struct residence_permit_input, basis, "basis", 1, 16, RESIDENCE_BASIS),
	FSTR(struct residence_permit_input, basis_detail, "basis_detail", 0, 128),
	FSTR(struct residence_permit_input, address, "address", 0, 128),
	FSTR(struct residence_permit_input, applied_on, "applied_on", 0, 10),
	FSTR(struct residence_permit_input, missing_docs, "missing_docs", 0, 500),
	FEND,
};

int api_residence_permits_apply(struct req *r)
{
	struct residence_permit_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, residence_permits_apply_fields, &in, &r->err);

	if (!rc) rc = residence_permits_apply(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

int api_residence_permits_get(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = residence_permits_get(&r->ctx, id, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

int api_residence_permits_accept(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = residence_permits_accept(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

struct issue_body {
	const char *card_no, *issued_on;
};

const struct field residence_permits_issue_fields[] = {
	FSTR(struct issue_body, card_no, "card_no", 1, 32),
	FSTR(struct issue_body, issued_on, "issued_on", 0, 10),
	FEND,
};

int api_residence_permits_issue(struct req *r)
{
	struct issue_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, residence_permits_issue_fields, &b, &r->err);
	if (!rc) rc = residence_permits_issue(&r->ctx, id, b.card_no, b.issued_on, &out);
	return DONE(rc, 200, out);
}

struct endorse_body {
	const char *endorsed_on;
};

const struct field residence_permits_endorse_fields[] = {
	FSTR(struct endorse_body, endorsed_on, "endorsed_on", 0, 10),
	FEND,
};

int api_residence_permits_endorse(struct req *r)
{
	struct endorse_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, residence_permits_endorse_fields, &b, &r->err);
	if (!rc) rc = residence_permits_endorse(&r->ctx, id, b.endorsed_on, &out);
	return DONE(rc, 200, out);
}

struct close_body {
	const char *how, *reason;
};

const struct field residence_permits_close_fields[] = {
	FSTR(struct close_body, how, "how", 1, 16),
	FSTR(struct close_body, reason, "reason", 1, 200),
	FEND,
};

int api_residence_permits_close(struct req *r)
{
	struct close_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, residence_permits_close_fields, &b, &r->err);
	if (!rc) rc = residence_permits_close(&r->ctx, id, b.how, b.reason, &out);
	return DONE(rc, 200, out);
}

/* person_ids=1,2,3 (at most 200) */
int api_residence_permits_eligible(struct req *r)
{
	const char *s = req_query(r, "person_ids");
	int64_t ids[200];
	size_t n = 0;
	json_t *out;
	int rc;

	while (s && *s) {
		char *end;
		long long v = strtoll(s, &end, 10);

		if (end == s || v <= 0 || (*end && *end != ',') || n == sizeof(ids) / sizeof(ids[0]))
			return ps_fail_field(&r->err, PS_EINVAL, "person_ids", "person_ids 应为逗号分隔的人员编号（最多200个）");
		ids[n++] = v;
		s = *end ? end + 1 : end;
	}
	rc = residence_permits_eligible(&r->ctx, ids, n, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}
