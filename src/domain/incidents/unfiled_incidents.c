/* unfiled_incidents.c — 有警无案 (应立未立) for the 督察: the list behind the
 * PROC-ACCEPT-REG clock, with filters, for a one-click 督办 (issue 17). */
#include "domain/incidents/unfiled_incidents.h"
#include "domain/clocks/clocks.h"
#include "domain/authz.h"
#include "domain/rows.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"

/* 有警无案, asked the same by the list and the clock: first what may still
 * be one, word for word the predicate of the index incident_unfiled
 * (migration 165, so that both stores read from it); then what makes it
 * one (the list's reason): a feedback saying 违法犯罪, or a violation by
 * its category that no feedback settled. */
#define UNFILED_WHERE                                                                              \
	"i.case_id IS NULL AND i.duplicate_of IS NULL"                                             \
	" AND (i.outcome IS NULL OR i.outcome IN ('admin_case','criminal_case','other'))"          \
	" AND (i.outcome IN ('admin_case','criminal_case')"                                        \
	"  OR (ic.violation = 1 AND (i.outcome IS NULL OR i.outcome = 'other')))"

int unfiled_incidents_list(struct ctx *c, const struct unfiled_filter *f, json_t **out)
{
	struct rows_query q;
	json_t *items;
	int64_t window = setting_int(c, "incident.unfiled_hours", 0) * 3600;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_UNFILED_INCIDENT_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_int(&q, c->now - window);
	rows_bind_int(&q, f->station_id);
	rows_bind_int(&q, f->station_id);
	rows_bind_int(&q, f->from);
	rows_bind_int(&q, f->from);
	rows_bind_int(&q, f->to);
	rows_bind_int(&q, f->to);
	rows_bind_int(&q, f->category != NULL);
	rows_bind_text(&q, f->category ? f->category : "-");
	rows_bind_text(&q, f->category ? f->category : "-");
	rc = rows_all(&q,
		      "SELECT i.id, i.incident_no, i.received_at, i.category, ic.name AS category_name,"
		      " i.station_id, o.name AS station_name, i.place, i.summary, i.status, i.outcome,"
		      " CASE WHEN i.outcome IN ('admin_case','criminal_case') THEN 'feedback' ELSE 'category' END"
		      " AS reason,"
		      " (SELECT COUNT(*) FROM oversight_task t WHERE t.object_type = 'incident'"
		      "  AND t.object_id = i.id AND t.reviewed_at IS NULL) AS oversight_open"
		      " FROM incident i JOIN incident_category ic ON ic.code = i.category"
		      " JOIN org_unit o ON o.id = i.station_id"
		      " WHERE " UNFILED_WHERE
		      /* + (here and in the order): from the index of what may
		       * be unfiled (migration 165), not by walking every call
		       * back in time until 500 are found */
		      " AND o.path LIKE ? AND +i.received_at <= ?"
		      " AND (? = 0 OR i.station_id = ?) AND (? = 0 OR i.received_at >= ?)"
		      " AND (? = 0 OR i.received_at < ?)"
		      " AND (? = 0 OR i.category = ? OR ic.parent_code = ?)"
		      " ORDER BY +i.received_at DESC, i.id DESC LIMIT 500",
		      &items);
	if (rc)
		return rc;
	rc = audit_read_items(c, "unfiled_incident.list", "incident", items, "id");
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o, s:I, s:I}", "items", items, "total", (json_int_t)json_array_size(items),
			 "unfiled_hours", (json_int_t)(window / 3600));
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* The clock of 有警无案 (PROC-ACCEPT-REG) on the 预警 board. */
static int unfiled_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	int64_t window = *(const int64_t *)arg;

	clocks_add(k, r, arena_printf(c->arena, "incident:%lld:unfiled", (long long)row_int(r, "id")),
		   "PROC-ACCEPT-REG", arena_printf(c->arena, "有警无案：%s", row_str(r, "incident_no")),
		   row_int(r, "received_at"), row_int(r, "received_at") + window, CLOCK_HOURS, 0, NULL,
		   "依法受案立案，或反馈不属于违法犯罪的处警结果");
	return PS_OK;
}

int unfiled_incidents_clocks(struct clock_sink *k, enum clock_scope s)
{
	int64_t window = setting_int(clocks_sink_ctx(k), "incident.unfiled_hours", 0) * 3600;
	/* 有警无案: a violation or crime reported, or so found at the scene, and
	 * no case after the window (PROC-ACCEPT-REG: every report is accepted
	 * and registered, XZCX Art 60) */
	const struct clock_scan d = {
		.sql = "SELECT i.id, i.incident_no, i.received_at, i.station_id AS unit_id, o.name AS unit_name,"
		       " NULL AS case_id, i.incident_no AS case_no FROM incident i"
		       " JOIN incident_category ic ON ic.code = i.category JOIN org_unit o ON o.id = i.station_id"
		       " WHERE " UNFILED_WHERE
		       " AND o.path LIKE ? AND (? = 0 OR EXISTS (SELECT 1 FROM incident_officer io"
		       " WHERE io.incident_id = i.id AND io.user_id = ?))",
		.binds = "lmm",
		.each = unfiled_clock,
		.arg = &window,
	};

	return clocks_scan(k, s, &d);
}
