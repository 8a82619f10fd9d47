/* dispatch_alerts.c — the station's new 指令 and the escalation of an
 * unacknowledged dispatch (issue 17, part 3; PAT-110-FIRST: units carry out
 * dispatch instructions promptly and acknowledge them). */
#include "domain/incidents/dispatch_alerts.h"
#include "domain/authz.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"

#include <string.h>

#define ALERT_COLS                                                                                 \
	"SELECT i.id, i.incident_no, i.priority, ic.name AS category_name, i.station_id,"          \
	" o.name AS station_name, i.dispatched_at FROM incident i"                                 \
	" JOIN incident_category ic ON ic.code = i.category JOIN org_unit o ON o.id = i.station_id" \
	" WHERE i.status = 'dispatched' AND i.acknowledged_at IS NULL AND i.duplicate_of IS NULL"

static int64_t escalate_seconds(struct ctx *c)
{
	return setting_int(c, "incident.ack_escalate_minutes", 0) * 60;
}

int dispatch_alerts_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items, *it;
	int64_t after = escalate_seconds(c);
	int station = c->who.station_id != 0, sound = 0;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_DISPATCH_ALERT_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	if (station) {
		/* the station's own new 指令, escalated or not */
		rows_bind_int(&q, c->who.station_id);
		rc = rows_all(&q, ALERT_COLS " AND i.station_id = ? ORDER BY i.dispatched_at, i.id", &items);
		sound = setting_int(c, "incident.alert_sound", c->who.station_id) != 0;
	} else {
		/* the desk and those above: only what has escalated in their scope */
		rows_bind_text(&q, ctx_scope_like(c));
		rows_bind_int(&q, c->now - after);
		rc = rows_all(&q, ALERT_COLS " AND o.path LIKE ? AND i.dispatched_at <= ? ORDER BY i.dispatched_at, i.id",
			      &items);
	}
	if (rc)
		return rc;
	json_array_foreach(items, i, it) {
		int64_t at = row_int(it, "dispatched_at") + after;

		json_object_set_new(it, "escalate_at", json_integer(at));
		json_object_set_new(it, "escalated", json_boolean(c->now >= at));
	}
	*out = json_pack("{s:o, s:b, s:I, s:I}", "items", items, "sound", sound, "escalate_minutes",
			 (json_int_t)(after / 60), "now", (json_int_t)c->now);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

static int dispatch_alert_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	int64_t after = *(const int64_t *)arg;

	clocks_add(k, r, arena_printf(c->arena, "incident:%lld:ack", (long long)row_int(r, "id")),
		   "PAT-110-FIRST", arena_printf(c->arena, "派警指令未签收：%s", row_str(r, "incident_no")),
		   row_int(r, "dispatched_at"), row_int(r, "dispatched_at") + after, CLOCK_HOURS, 0, NULL,
		   "受派单位立即签收指令并出警");
	return PS_OK;
}

int dispatch_alerts_clocks(struct clock_sink *k, enum clock_scope s)
{
	int64_t after = escalate_seconds(clocks_sink_ctx(k));
	/* mine: the dispatches naming me; unit: the scope's */
	const struct clock_scan d = {
		.sql = "SELECT i.id, i.incident_no, i.dispatched_at, i.station_id AS unit_id, o.name AS unit_name,"
		       " NULL AS case_id, i.incident_no AS case_no FROM incident i"
		       " JOIN org_unit o ON o.id = i.station_id"
		       " WHERE i.status = 'dispatched' AND i.acknowledged_at IS NULL AND i.duplicate_of IS NULL"
		       " AND o.path LIKE ? AND (? = 0 OR EXISTS (SELECT 1 FROM incident_officer io"
		       " WHERE io.incident_id = i.id AND io.user_id = ?)) ORDER BY i.id",
		.binds = "lmm",
		.each = dispatch_alert_clock,
		.arg = &after,
	};

	return clocks_scan(k, s, &d);
}

/* The oldest new 指令 listed one by one on the today page and 待办; the
 * rest are one row with their count, to the station's list of them. */
#define TODAY_ALERTS 20

int dispatch_alerts_today(struct ctx *c, json_t *items)
{
	struct rows_query q;
	json_t *rows, *r, *more = NULL;
	size_t i;
	int rc;

	if (!c->who.station_id || !authz_allowed(c, ACT_INCIDENT_RESPONDERS))
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_int(&q, TODAY_ALERTS + 1);
	rc = rows_all(&q, ALERT_COLS " AND i.station_id = ? ORDER BY i.dispatched_at, i.id LIMIT ?", &rows);
	if (rc)
		return rc;
	if (json_array_size(rows) > TODAY_ALERTS) {
		int64_t n = 0;

		json_array_remove(rows, TODAY_ALERTS);
		rows_binds(&q, c);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM incident i WHERE i.status = 'dispatched' AND i.acknowledged_at IS NULL"
			      " AND i.duplicate_of IS NULL AND i.station_id = ?",
			      0, &n);
		more = rc ? NULL
			  : json_pack("{s:s, s:s, s:s, s:s, s:s, s:I}", "kind", "dispatch_ack", "label",
				      arena_printf(c->arena, "另有 %lld 条新指令待签收", (long long)(n - TODAY_ALERTS)),
				      "detail", "按派警时间先后签收", "due_on", "", "route", "/incidents?status=dispatched",
				      "count", (json_int_t)(n - TODAY_ALERTS));
		if (!rc && !more)
			rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		if (rc) {
			json_decref(rows);
			return rc;
		}
	}
	json_array_foreach(rows, i, r) {
		json_t *row = json_pack("{s:s, s:s, s:s, s:s, s:s}", "kind", "dispatch_ack", "label",
					arena_printf(c->arena, "新指令待签收：%s", row_str(r, "incident_no")), "detail",
					row_str(r, "category_name") ? row_str(r, "category_name") : "", "due_on", "",
					"route", arena_printf(c->arena, "/incidents/%lld", (long long)row_int(r, "id")));

		if (!row || json_array_append_new(items, row)) {
			json_decref(row);
			json_decref(rows);
			json_decref(more);
			return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		}
	}
	json_decref(rows);
	/* after the oldest, the rest in one row */
	if (more && json_array_append_new(items, more))
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	return PS_OK;
}
