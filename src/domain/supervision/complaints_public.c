/* complaints_public.c — the public side of 信访 / 投诉: the complaint form
 * of the 警务公开 page and the query of a complaint's stage by its tracking
 * code and the phone's last digits; limited per address (and per code),
 * every attempt audited. The rest of the chain is complaints.c. */
#include "domain/supervision/supervision.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "domain/throttle.h"
#include "core/text.h"

#include <string.h>

static const char *idstr(struct ctx *c, int64_t id)
{
	return arena_printf(c->arena, "%lld", (long long)id);
}

int complaints_public_file(struct ctx *c, int64_t station_id, const char *content,
			   const char *receipt_code, const char *contact_name,
			   const char *contact_phone, struct progress_result *res)
{
	int max = (int)setting_int(c, "public.complaint_max_per_hour", 0);
	/* by the address alone, so that an IPv6 client counts by its /64 */
	const char *key = c->client_ip ? c->client_ip : "";
	struct rows_query q;
	json_t *unit = NULL;
	int64_t case_id = 0, id = 0;
	char code[16];
	int rc, retry = 0;

	memset(res, 0, sizeof(*res));
	rc = throttle_retry_after(c, THROTTLE_COMPLAINT_ADDR, key, max, 3600, &retry);
	if (rc)
		return rc;
	if (retry > 0) {
		res->outcome = PROGRESS_LIMITED;
		res->retry_after = retry;
		return audit_write(c, "complaint.file_public", "complaint", NULL, "denied",
				   "too many complaints from one address (rate limited)");
	}
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rc = rows_one(&q, "SELECT id, name AS unit_name, phone AS unit_phone FROM org_unit"
			  " WHERE id = ? AND kind = 'station' AND active = 1", &unit);
	if (rc == PS_ENOTFOUND)
		return ps_fail_field(c->err, PS_EINVAL, "station_id", "请选择受理投诉的派出所");
	if (rc)
		return rc;
	if (receipt_code && *receipt_code) {
		rows_binds(&q, c);
		rows_bind_text_exact(&q, receipt_code);
		rows_bind_int(&q, station_id);
		rc = rows_int(&q, "SELECT id FROM police_case WHERE receipt_code = ? AND unit_id = ?", 0, &case_id);
	}
	if (!rc)
		rc = complaints_insert(c, station_id, "online", "complaint", "residual", content,
				       contact_name, contact_phone, receipt_code, case_id, 0, code, &id);
	if (!rc)
		rc = audit_write(c, "complaint.file_public", "complaint", idstr(c, id), "success", NULL);
	if (rc) {
		json_decref(unit);
		return rc;
	}
	rc = throttle_fail(c, THROTTLE_COMPLAINT_ADDR, key, 3600, NULL);
	if (rc) {
		json_decref(unit);
		return rc;
	}
	json_object_del(unit, "id");
	json_object_set_new(unit, "tracking_code", json_string(code));
	json_object_set_new(unit, "received_at", json_integer(c->now));
	res->outcome = PROGRESS_OK;
	res->out = unit;
	return PS_OK;
}

int complaints_public_query(struct ctx *c, const char *tracking_code, const char *phone_last4,
			    struct progress_result *res)
{
	struct progress_guard g = { "complaint.query_public", "complaint", NULL, tracking_code };
	struct rows_query q;
	json_t *obj = NULL;
	int rc;

	memset(res, 0, sizeof(*res));
	rows_binds(&q, c);
	rows_bind_text_exact(&q, tracking_code);
	rc = rows_one(&q,
		      "SELECT m.id, m.contact_phone, m.status, m.received_at, m.accepted_at, m.extended_at,"
		      " m.finished_at, m.review_requested_at, m.review_answered_at, m.recheck_requested_at,"
		      " m.recheck_answered_at, o.name AS unit_name, o.phone AS unit_phone"
		      " FROM complaint m JOIN org_unit o ON o.id = m.station_id WHERE m.tracking_code = ?",
		      &obj);
	if (rc && rc != PS_ENOTFOUND)
		return rc;
	ps_err_clear(c->err);
	if (obj)
		g.oid = idstr(c, row_int(obj, "id"));
	rc = progress_guard_check(c, &g, res);
	if (rc || res->outcome == PROGRESS_LIMITED) {
		json_decref(obj);
		return rc;
	}
	if (!obj || !text_phone_ends_with(row_str(obj, "contact_phone"), phone_last4)) {
		json_decref(obj);
		return progress_guard_refuse(c, &g, "unknown tracking code", res);
	}
	json_object_del(obj, "id");
	json_object_del(obj, "contact_phone");
	json_object_set_new(obj, "status_label",
			    json_string(enums_label(ES_COMPLAINT_STATUS, row_str(obj, "status"))));
	rc = audit_write(c, "complaint.query_public", "complaint", g.oid, "success", NULL);
	if (rc) {
		json_decref(obj);
		return rc;
	}
	res->outcome = PROGRESS_OK;
	res->out = obj;
	return PS_OK;
}
