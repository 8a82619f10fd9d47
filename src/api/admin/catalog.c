/* catalog.c — GET /api/v1/catalog (signed in) and /api/v1/catalog/public. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/admin/catalog.h"

int api_catalog(struct req *r)
{
	json_t *out, *fields;
	int rc = catalog_full(&r->ctx, &out);

	if (rc)
		return rc;
	/* the request field tables: the web's forms take their limits here */
	fields = fields_routes_json();
	if (!fields || json_object_set_new(out, "fields", fields)) {
		json_decref(out);
		return ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	return req_reply(r, 200, out);
}

int api_catalog_public(struct req *r)
{
	json_t *out;
	int rc = catalog_public(&r->ctx, &out);

	return rc ? rc : req_reply(r, 200, out);
}
