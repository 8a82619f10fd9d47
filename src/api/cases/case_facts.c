/* case_facts.c — PUT /cases/{id}/facts: the case's 认定事实 edited by its
 * officers before the decision, with their history (issue 15). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/cases/case_facts.h"

struct case_facts_body {
	const char *facts, *reason;
};

const struct field case_facts_put_fields[] = {
	FSTR(struct case_facts_body, facts, "facts", 1, 5000),
	FSTR(struct case_facts_body, reason, "reason", 0, 200),
	FEND,
};

int api_case_facts_put(struct req *r)
{
	struct case_facts_body in = { 0 };
	json_t *out = NULL;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, case_facts_put_fields, &in, &r->err);
	if (!rc) rc = case_facts_put(&r->ctx, id, in.facts, in.reason, &out);
	if (rc)
		return rc;
	return req_reply(r, 200, json_pack("{s:o}", "case", out));
}
