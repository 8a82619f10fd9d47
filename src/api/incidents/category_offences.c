/* category_offences.c — the 警情类别 → 案由 table for the administrator
 * (issue 17, remaining gaps): GET and PUT /incident-category-offences. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/incidents/incident_categories.h"

int api_incident_category_offences_list(struct req *r)
{
	json_t *out;
	int rc = incident_categories_offences(&r->ctx, &out);

	r->no_store = 1;
	return rc ? rc : req_reply(r, 200, out);
}

struct category_offence_body {
	const char *category, *offence;
};

const struct field incident_category_offences_put_fields[] = {
	FSTRN(struct category_offence_body, category, "category", 1, 4, 4),
	FSTR(struct category_offence_body, offence, "offence", 0, 16),
	FEND,
};

int api_incident_category_offences_put(struct req *r)
{
	struct category_offence_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, incident_category_offences_put_fields, &b, &r->err);

	if (!rc)
		rc = incident_categories_offence_put(&r->ctx, b.category, b.offence, &out);
	return rc ? rc : req_reply(r, 200, out);
}
