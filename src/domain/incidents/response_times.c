/* response_times.c — how fast the stations answered their dispatches: the
 * arrival target of a station (PAT-110-ARRIVAL: a setting, urban or
 * suburban) and the figures of the daily report (response_times.h). */
#include "domain/incidents/response_times.h"
#include "rules/catalog.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"

int64_t response_times_arrival_minutes(struct ctx *c, int64_t station_id)
{
	return setting_int(c,
			   setting_int(c, "incident.suburban", station_id) ? "incident.arrival_suburban_minutes"
									   : "incident.arrival_urban_minutes",
			   station_id);
}

int response_times_figures(struct ctx *c, const char *like, int64_t station, int64_t from,
			       int64_t to, json_t *res)
{
	struct rows_query q;
	json_t *rows, *r, *by = json_array();
	size_t i;
	int rc;

	if (!by)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rows_binds(&q, c);
	rows_bind_text(&q, like);
	rows_bind_int(&q, station);
	rows_bind_int(&q, station);
	rows_bind_int(&q, from);
	rows_bind_int(&q, to);
	rc = rows_all(&q,
		      "SELECT i.station_id, o.name AS station_name, i.dispatched_at, i.arrived_at,"
		      " (SELECT COUNT(*) FROM incident_officer io WHERE io.incident_id = i.id) AS officers,"
		      " (SELECT COUNT(*) FROM incident_vehicle iv WHERE iv.incident_id = i.id) AS vehicles"
		      " FROM incident i JOIN org_unit o ON o.id = i.station_id"
		      " WHERE o.path LIKE ? AND (? = 0 OR i.station_id = ?) AND i.received_at >= ?"
		      " AND i.received_at < ? AND i.duplicate_of IS NULL AND i.dispatched_at IS NOT NULL"
		      " ORDER BY i.station_id",
		      &rows);
	if (rc) {
		json_decref(by);
		return rc;
	}
	/* per station: dispatched, officers and vehicles sent, arrived, late (PAT-110-ARRIVAL) */
	json_array_foreach(rows, i, r) {
		json_t *last = json_array_size(by) ? json_array_get(by, json_array_size(by) - 1) : NULL;
		int64_t target;

		if (!last || row_int(last, "station_id") != row_int(r, "station_id")) {
			last = json_pack("{s:I, s:s?, s:I, s:I, s:I, s:I, s:I, s:I}", "station_id",
					 (json_int_t)row_int(r, "station_id"), "station_name", row_str(r, "station_name"),
					 "dispatched", (json_int_t)0, "officers", (json_int_t)0, "vehicles", (json_int_t)0,
					 "arrived", (json_int_t)0, "late", (json_int_t)0, "target_minutes",
					 (json_int_t)response_times_arrival_minutes(c, row_int(r, "station_id")));
			if (last)
				json_object_set_new(last, "late_rule", json_string(rule_get(RULE_PAT_110_LATE)->code));
			if (!last || json_array_append_new(by, last)) {
				json_decref(rows);
				json_decref(by);
				return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
			}
		}
		target = row_int(last, "target_minutes");
#define BUMP(k, n) json_object_set_new(last, k, json_integer(row_int(last, k) + (n)))
		BUMP("dispatched", 1);
		BUMP("officers", row_int(r, "officers"));
		BUMP("vehicles", row_int(r, "vehicles"));
		if (json_is_integer(json_object_get(r, "arrived_at"))) {
			BUMP("arrived", 1);
			if (row_int(r, "arrived_at") - row_int(r, "dispatched_at") > target * 60)
				BUMP("late", 1);
		}
#undef BUMP
	}
	json_decref(rows);
	json_object_set_new(res, "responders", by);
	return PS_OK;
}
