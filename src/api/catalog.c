/* catalog.c — GET /api/v1/catalog (signed in) and /api/v1/catalog/public. */
#include "api/api.h"
#include "api/handlers.h"
#include "domain/catalog.h"

int api_catalog(struct req *r)
{
	json_t *out;
	int rc = catalog_full(&r->ctx, &out);

	return rc ? rc : req_reply(r, 200, out);
}

int api_catalog_public(struct req *r)
{
	json_t *out;
	int rc = catalog_public(&r->ctx, &out);

	return rc ? rc : req_reply(r, 200, out);
}
