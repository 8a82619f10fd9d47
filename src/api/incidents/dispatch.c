/* dispatch.c — /dispatch-alerts, /responders, /unfiled-incidents: the
 * command side's fixes of issue 17 (part 3). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/incidents/incidents.h"
#include "domain/incidents/incident_steps.h"
#include "domain/incidents/dispatch_alerts.h"
#include "domain/incidents/unfiled_incidents.h"

#include <string.h>

int api_dispatch_alerts(struct req *r)
{
	json_t *out;
	int rc = dispatch_alerts_list(&r->ctx, &out);

	r->no_store = 1;
	return rc ? rc : req_reply(r, 200, out);
}

struct responders_body {
	int64_t incident_id;
	json_t *officer_ids, *vehicles;
	int64_t arrived_at;
	int arrived_at_given;
};

const struct field responders_create_fields[] = {
	FINT(struct responders_body, incident_id, "incident_id", 1, 1, INT64_MAX),
	FJSON(struct responders_body, officer_ids, "officer_ids", 0),
	FJSON(struct responders_body, vehicles, "vehicles", 0),
	FINTP(struct responders_body, arrived_at, arrived_at_given, "arrived_at", 1, INT64_MAX / 2),
	FEND,
};

#define RESPONDERS_MAX 16

int api_responders_create(struct req *r)
{
	struct responders_body b = { 0 };
	int64_t officers[RESPONDERS_MAX];
	const char *plates[RESPONDERS_MAX];
	struct incident_responders in = { 0 };
	struct jw w;
	json_t *arr, *v;
	size_t i;
	int rc = fields_bind(r->in, responders_create_fields, &b, &r->err);

	if (rc)
		return rc;
	arr = b.officer_ids;
	if (arr && !json_is_null(arr)) {
		if (!json_is_array(arr) || json_array_size(arr) > RESPONDERS_MAX)
			return ps_fail_field(&r->err, PS_EINVAL, "officer_ids", "出警人员应为编号列表（最多16人）");
		json_array_foreach(arr, i, v) {
			if (!json_is_integer(v) || json_integer_value(v) <= 0)
				return ps_fail_field(&r->err, PS_EINVAL, "officer_ids", "出警人员编号应为正整数");
			officers[in.nofficers++] = json_integer_value(v);
		}
	}
	arr = b.vehicles;
	if (arr && !json_is_null(arr)) {
		if (!json_is_array(arr) || json_array_size(arr) > RESPONDERS_MAX)
			return ps_fail_field(&r->err, PS_EINVAL, "vehicles", "出警车辆应为号牌列表（最多16辆）");
		json_array_foreach(arr, i, v) {
			const char *p = json_string_value(v);
			size_t n = p ? strlen(p) : 0;

			if (n < 2 || n > 32)
				return ps_fail_field(&r->err, PS_EINVAL, "vehicles", "车辆号牌应为2至32个字符");
			plates[in.nvehicles++] = p;
		}
	}
	in.officers = officers;
	in.vehicles = plates;
	in.arrived_at = b.arrived_at_given ? b.arrived_at : 0;
	req_answer_open(&w);
	return req_answer_close(r, incident_steps_responders(&r->ctx, b.incident_id, &in, &w), 200, &w);
}

int api_unfiled_incidents_list(struct req *r)
{
	struct unfiled_filter f = { 0 };
	json_t *out;
	int rc = req_query_int(r, "station_id", 0, INT64_MAX, 0, &f.station_id);

	if (!rc) rc = req_query_int(r, "from", 0, INT64_MAX / 2, 0, &f.from);
	if (!rc) rc = req_query_int(r, "to", 0, INT64_MAX / 2, 0, &f.to);
	f.category = req_query(r, "category");
	if (!rc && f.category && (!*f.category || strlen(f.category) > 8))
		rc = ps_fail_field(&r->err, PS_EINVAL, "category", "警情类别代码不正确");
	if (!rc) rc = unfiled_incidents_list(&r->ctx, &f, &out);
	r->no_store = 1;
	return rc ? rc : req_reply(r, 200, out);
}
