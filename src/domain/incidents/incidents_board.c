/* incidents_board.c — the 110 desk's board (GET /incidents/board): the
 * open incidents of the scope by priority and the stations' current work
 * (incidents.h). */
#include "domain/incidents/incidents.h"
#include "domain/incidents/duplicates.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"

int incidents_board(struct ctx *c, json_t **out)
{
	struct rows_query q;
	const char *like = ctx_scope_like(c);
	json_t *open, *units;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_INCIDENT_BOARD);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, like);
	rows_bind_text(&q, like);
	rc = rows_all(&q,
		      "SELECT i.id, i.incident_no, i.received_at, i.place, i.category, c.name AS category_name,"
		      " i.priority, i.summary, i.station_id, o.name AS station_name, i.status, i.dispatched_at,"
		      " i.acknowledged_at, i.arrived_at FROM incident i"
		      " JOIN incident_category c ON c.code = i.category LEFT JOIN org_unit o ON o.id = i.station_id"
		      " WHERE i.status <> 'closed' AND i.status <> 'handled' AND i.duplicate_of IS NULL AND" INCIDENT_VISIBLE_SQL
		      " ORDER BY i.priority, i.received_at, i.id",
		      &open);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, like);
	rc = rows_all(&q,
		      "SELECT o.id, o.name,"
		      " (SELECT COUNT(*) FROM incident i WHERE i.station_id = o.id AND i.status IN"
		      "  ('dispatched','acknowledged','arrived')) AS active,"
		      " (SELECT i.incident_no FROM incident i WHERE i.station_id = o.id AND i.status IN"
		      "  ('dispatched','acknowledged','arrived') ORDER BY i.received_at DESC, i.id DESC LIMIT 1) AS current_no,"
		      " (SELECT i.id FROM incident i WHERE i.station_id = o.id AND i.status IN"
		      "  ('dispatched','acknowledged','arrived') ORDER BY i.received_at DESC, i.id DESC LIMIT 1) AS current_id,"
		      " (SELECT i.summary FROM incident i WHERE i.station_id = o.id AND i.status IN"
		      "  ('dispatched','acknowledged','arrived') ORDER BY i.received_at DESC, i.id DESC LIMIT 1) AS current_summary"
		      " FROM org_unit o WHERE o.kind = 'station' AND o.path LIKE ? ORDER BY o.code",
		      &units);
	/* AUD-1: the board shows the open incidents' content */
	if (!rc)
		rc = audit_read_items(c, "incident.board", "incident", open, "id");
	if (rc) {
		json_decref(open);
		json_decref(units);
		return rc;
	}
	*out = json_pack("{s:o, s:o, s:I}", "open", open, "stations", units, "now", (json_int_t)c->now);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
