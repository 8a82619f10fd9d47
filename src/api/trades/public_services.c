/* services.c — /services, /services/figures, /security-forecasts (issue 16,
 * part B: 为民服务 and 治安形势预报). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/trades/public_services.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_public_services_list(struct req *r)
{
	json_t *out;
	int rc = public_services_list(&r->ctx, req_query(r, "kind"), req_query(r, "from"), req_query(r, "to"), &out);

	return DONE(rc, 200, out);
}

struct public_services_create_body {
	struct public_service_input in;
	int64_t audience, quantity, incident_id;
	int audience_given, quantity_given, incident_given;
};

const struct field public_services_create_fields[] = {
	FENUM(struct public_services_create_body, in.kind, "kind", 1, 16, PUBLIC_SERVICE_KIND),
	FSTR(struct public_services_create_body, in.service_on, "service_on", 1, 10),
	FSTR(struct public_services_create_body, in.place, "place", 0, 64),
	FSTR(struct public_services_create_body, in.class_name, "class_name", 0, 32),
	FSTR(struct public_services_create_body, in.topic, "topic", 0, 100),
	FINTP(struct public_services_create_body, audience, audience_given, "audience", 0, 100000),
	FSTR(struct public_services_create_body, in.materials, "materials", 0, 200),
	FSTR(struct public_services_create_body, in.person_helped, "person_helped", 0, 64),
	FSTR(struct public_services_create_body, in.help, "help", 0, 200),
	FINTP(struct public_services_create_body, incident_id, incident_given, "incident_id", 1, INT64_MAX),
	FENUM(struct public_services_create_body, in.convenience, "convenience", 0, 16, CONVENIENCE_KIND),
	FINTP(struct public_services_create_body, quantity, quantity_given, "quantity", 1, 10000),
	FSTR(struct public_services_create_body, in.notes, "notes", 0, 200),
	FEND,
};

int api_public_services_create(struct req *r)
{
	struct public_services_create_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, public_services_create_fields, &b, &r->err);

	if (!rc) {
		b.in.audience = b.audience;
		b.in.quantity = b.quantity_given ? b.quantity : 1;
		b.in.incident_id = b.incident_given ? b.incident_id : 0;
		rc = public_services_create(&r->ctx, &b.in, &out);
	}
	return DONE(rc, 201, out);
}

int api_public_services_figures(struct req *r)
{
	json_t *out;
	int rc = public_services_figures(&r->ctx, req_query(r, "from"), req_query(r, "to"), &out);

	return DONE(rc, 200, out);
}

int api_security_forecasts_list(struct req *r)
{
	json_t *out;
	int rc = public_services_forecast_list(&r->ctx, &out);

	return DONE(rc, 200, out);
}

struct security_forecasts_body {
	const char *community, *from_on, *to_on;
};

const struct field security_forecasts_create_fields[] = {
	FSTR(struct security_forecasts_body, community, "community", 1, 64),
	FSTR(struct security_forecasts_body, from_on, "from_on", 1, 10),
	FSTR(struct security_forecasts_body, to_on, "to_on", 1, 10),
	FEND,
};

int api_security_forecasts_create(struct req *r)
{
	struct security_forecasts_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, security_forecasts_create_fields, &b, &r->err);

	if (!rc) rc = public_services_forecast_create(&r->ctx, b.community, b.from_on, b.to_on, &out);
	return DONE(rc, 201, out);
}

int api_security_forecasts_get(struct req *r)
{
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = public_services_forecast_get(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}
