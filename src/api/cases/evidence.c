/* evidence.c — /cases/{id}/evidence, /evidence/{id}/attachments (a raw
 * file body), /attachments/{id} (the stored file). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/cases/evidence.h"
#include "core/mem.h"

#include <string.h>

const struct field cases_evidence_add_fields[] = {
	FENUM(struct evidence_input, kind, "kind", 1, 16, EVIDENCE_KIND),
	FSTR(struct evidence_input, title, "title", 1, 200),
	FSTR(struct evidence_input, description, "description", 0, 2000),
	FSTR(struct evidence_input, source, "source", 0, 200),
	FINTP(struct evidence_input, collected_at, has_collected_at, "collected_at", 0, INT64_MAX / 2),
	FINT(struct evidence_input, interview_id, "interview_id", 0, 1, INT64_MAX),
	FINT(struct evidence_input, property_id, "property_id", 0, 1, INT64_MAX),
	FEND,
};

int api_cases_evidence_add(struct req *r)
{
	struct evidence_input in;
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	memset(&in, 0, sizeof(in));
	if (!rc) rc = fields_bind(r->in, cases_evidence_add_fields, &in, &r->err);
	if (!rc) rc = evidence_create(&r->ctx, id, &in, &out);
	if (rc)
		return rc;
	return req_reply(r, 201, json_pack("{s:o}", "case", out));
}

/* POST /evidence/{id}/attachments?name=FILE with the file as the body and
 * its media type as Content-Type. The hashing and the file's write run on
 * the worker (ROUTE_PREPARE); the writer only records the row. */
int api_evidence_attach(struct req *r)
{
	struct evidence_upload *up = r->prepared;
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (rc)
		return rc;
	if (!r->preparing && !up && r->prepare_failed) {
		/* refused or failed on the worker: the writer re-checks what a
		 * refusal must audit, then answers the worker's error */
		rc = evidence_attach_check(&r->ctx, id);
		if (rc)
			return rc;
		r->err = r->prepare_err;
		return r->err.rc ? r->err.rc : ps_fail(&r->err, PS_EUNAVAIL, NULL, NULL, "附件保存失败");
	}
	if (r->preparing || !up) {
		up = arena_alloc(r->arena, sizeof(*up));
		if (!up)
			return ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
		rc = evidence_upload_prepare(&r->ctx, id, r->content_type, req_query(r, "name"), r->body,
					     r->body_len, up);
		if (rc)
			return rc;
		if (r->preparing) {
			r->prepared = up;
			return PS_OK;
		}
	}
	rc = evidence_upload_commit(&r->ctx, up, &out);
	return rc ? rc : req_reply(r, 201, out);
}

int api_attachments_get(struct req *r)
{
	const char *mime = NULL, *name = NULL;
	void *data = NULL;
	size_t len = 0;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = evidence_attachment_read(&r->ctx, id, &data, &len, &mime, &name);
	if (rc)
		return rc;
	r->raw = data;
	r->raw_len = len;
	r->raw_type = mime;
	r->raw_name = name;
	r->no_store = 1;
	r->status = 200;
	return PS_OK;
}
