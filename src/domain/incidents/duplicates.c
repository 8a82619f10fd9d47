/* duplicates.c — the duplicate-call check of 110 intake: what a caller
 * may learn of a similar incident of another unit (issue 13). */
#include "domain/incidents/duplicates.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "core/buf.h"

#include <string.h>

int duplicates_check(struct ctx *c, const char *key, int64_t at, int64_t window, json_t **out)
{
	struct rows_query q;
	const char *like = ctx_scope_like(c);
	json_t *rows, *shown, *elsewhere, *it;
	struct buf ids;
	size_t i;
	int rc;

	*out = NULL;
	rows_binds(&q, c);
	rows_bind_text(&q, like);
	rows_bind_text(&q, like);
	rows_bind_text(&q, key);
	rows_bind_int(&q, at - window);
	rows_bind_int(&q, at + window);
	rc = rows_all(&q,
		      "SELECT i.id, i.incident_no, i.received_at, i.place, i.summary, i.status,"
		      " c.name AS category_name, CASE WHEN" INCIDENT_VISIBLE_SQL " THEN 1 ELSE 0 END AS visible,"
		      " u.id AS ask_unit_id, u.name AS ask_unit_name, u.phone AS ask_unit_phone"
		      " FROM incident i JOIN incident_category c ON c.code = i.category"
		      " JOIN org_unit u ON u.id = COALESCE(i.station_id, i.unit_id)"
		      " WHERE i.place_key = ? AND i.received_at BETWEEN ? AND ? AND i.duplicate_of IS NULL"
		      " ORDER BY i.received_at",
		      &rows);
	if (rc)
		return rc;
	if (!json_array_size(rows)) {
		json_decref(rows);
		return PS_OK;
	}
	shown = json_array();
	elsewhere = json_array();
	buf_init(&ids, 64u << 10); /* an id list, never cut: the audit names every match */
	json_array_foreach(rows, i, it) {
		int64_t unit = row_int(it, "ask_unit_id");
		int known = 0;
		size_t k;
		json_t *e;

		if (buf_addf(&ids, "%s%lld", i ? "," : "", (long long)row_int(it, "id")))
			rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		if (row_int(it, "visible")) {
			json_t *cp = json_pack("{s:O?, s:O?, s:O?, s:O?, s:O?, s:O?, s:O?}", "id", json_object_get(it, "id"),
					       "incident_no", json_object_get(it, "incident_no"), "received_at",
					       json_object_get(it, "received_at"), "place", json_object_get(it, "place"),
					       "summary", json_object_get(it, "summary"), "status",
					       json_object_get(it, "status"), "category_name",
					       json_object_get(it, "category_name"));

			if (!cp || json_array_append_new(shown, cp))
				rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
			continue;
		}
		json_array_foreach(elsewhere, k, e)
			known |= row_int(e, "unit_id") == unit;
		if (!known && json_array_append_new(elsewhere,
						    json_pack("{s:I, s:O?, s:O?}", "unit_id", (json_int_t)unit,
							      "unit_name", json_object_get(it, "ask_unit_name"),
							      "unit_phone", json_object_get(it, "ask_unit_phone"))))
			rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	json_decref(rows);
	if (!rc)
		rc = audit_write(c, "incident.duplicate_check", "incident", NULL, "success",
				 arena_printf(c->arena, "matched=%s shown=%zu elsewhere_units=%zu",
					      buf_str(&ids) ? buf_str(&ids) : "", json_array_size(shown),
					      json_array_size(elsewhere)));
	buf_release(&ids);
	if (!rc) {
		*out = json_pack("{s:o, s:o}", "duplicate_candidates", shown, "duplicate_elsewhere", elsewhere);
		return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	json_decref(shown);
	json_decref(elsewhere);
	return rc;
}
