/* routes.c — the route table. tests/lint/openapi_routes.sh checks that every
 * ROUTE line here has its path and method in docs/openapi.yaml and back. */
#include "api/api.h"
#include "api/handlers.h"

#define ROUTE(m, p, h, f) { m, p, h, f }

const struct route api_routes[] = {
	ROUTE("GET", "/api/v1/health", api_health, ROUTE_PUBLIC),
	ROUTE("POST", "/api/v1/session", api_session_create, ROUTE_PUBLIC),
	ROUTE("DELETE", "/api/v1/session", api_session_delete, ROUTE_PW_CHANGE),
	ROUTE("GET", "/api/v1/me", api_me, ROUTE_PW_CHANGE),
	ROUTE("POST", "/api/v1/me/password", api_me_password, ROUTE_PW_CHANGE),
	ROUTE("GET", "/api/v1/users", api_users_list, 0),
	ROUTE("POST", "/api/v1/users", api_users_create, 0),
	ROUTE("PATCH", "/api/v1/users/{id}", api_users_update, 0),
	ROUTE("POST", "/api/v1/users/{id}/lock", api_users_lock, 0),
	ROUTE("POST", "/api/v1/users/{id}/unlock", api_users_unlock, 0),
	ROUTE("POST", "/api/v1/users/{id}/password", api_users_password, 0),
	ROUTE("GET", "/api/v1/units", api_units_list, 0),
	ROUTE("POST", "/api/v1/units", api_units_create, 0),
	ROUTE("PATCH", "/api/v1/units/{id}", api_units_update, 0),
	ROUTE("GET", "/api/v1/settings", api_settings_list, 0),
	ROUTE("PUT", "/api/v1/settings/{key}", api_settings_put, 0),
	ROUTE("GET", "/api/v1/audit", api_audit_list, ROUTE_WRITE),
	{ NULL, NULL, NULL, 0 },
};
