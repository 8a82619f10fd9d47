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
	ROUTE("GET", "/api/v1/colleagues", api_colleagues, 0),
	ROUTE("GET", "/api/v1/offences", api_offences, 0),
	ROUTE("GET", "/api/v1/cases", api_cases_list, ROUTE_WRITE),
	ROUTE("POST", "/api/v1/cases", api_cases_create, 0),
	ROUTE("GET", "/api/v1/cases/{id}", api_cases_get, ROUTE_WRITE),
	ROUTE("POST", "/api/v1/cases/{id}/officers", api_cases_officer_add, 0),
	ROUTE("POST", "/api/v1/cases/{id}/parties", api_cases_party_add, 0),
	ROUTE("POST", "/api/v1/cases/{id}/actions/{action}", api_cases_action, 0),
	ROUTE("POST", "/api/v1/cases/{id}/interviews", api_interviews_create, 0),
	ROUTE("POST", "/api/v1/cases/{id}/notices", api_cases_notice_add, 0),
	ROUTE("POST", "/api/v1/cases/{id}/proposals", api_cases_proposal_add, 0),
	ROUTE("POST", "/api/v1/cases/{id}/property", api_cases_property_add, 0),
	ROUTE("POST", "/api/v1/cases/{id}/documents", api_cases_document_add, 0),
	ROUTE("GET", "/api/v1/interviews/{id}", api_interviews_get, ROUTE_WRITE),
	ROUTE("PATCH", "/api/v1/interviews/{id}", api_interviews_update, 0),
	ROUTE("POST", "/api/v1/interviews/{id}/sign", api_interviews_sign, 0),
	ROUTE("POST", "/api/v1/interviews/{id}/correct", api_interviews_correct, 0),
	ROUTE("POST", "/api/v1/proposals/{id}/withdraw", api_proposals_withdraw, 0),
	ROUTE("POST", "/api/v1/property/{id}/keep", api_property_keep, 0),
	ROUTE("GET", "/api/v1/approvals", api_approvals_inbox, 0),
	ROUTE("GET", "/api/v1/progress/{code}", api_progress, ROUTE_PUBLIC | ROUTE_WRITE),
	{ NULL, NULL, NULL, 0 },
};
