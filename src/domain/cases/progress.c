/* progress.c — the public progress query (see progress.h). */
#include "domain/cases/progress.h"
#include "domain/cases/cases.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/rows.h"
#include "domain/throttle.h"
#include "rules/case_flow.h"

#include "core/text.h"
#include <string.h>

#define PROGRESS_ACTION "case.progress_query"


/* 1 when one of the case's reporters has a phone ending in last4. */
static int reporter_matches(struct ctx *c, int64_t case_id, const char *last4, int *match)
{
	struct rows_query q;
	json_t *rows = NULL, *it;
	size_t i;
	int rc;

	*match = 0;
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rc = rows_all(&q,
		      "SELECT " PARTY_FIELD_SQL("phone") " AS phone FROM case_party cp JOIN person p ON p.id = cp.person_id"
		      " WHERE cp.case_id = ? AND cp.role = 'reporter'",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, it)
		if (text_phone_ends_with(json_string_value(json_object_get(it, "phone")), last4))
			*match = 1;
	json_decref(rows);
	return PS_OK;
}

/* the window of the public queries' limit, in seconds */
static int64_t guard_window(struct ctx *c)
{
	return setting_int(c, "public.progress_window_minutes", 0) * 60;
}

int progress_guard_check(struct ctx *c, const struct progress_guard *g,
			 struct progress_result *res)
{
	int max = (int)setting_int(c, "public.progress_max_failures", 0);
	int64_t window = guard_window(c);
	int rc, retry = 0, by_code = 0;

	/* limited: by the address or by the code, whichever ends later */
	rc = throttle_retry_after(c, THROTTLE_PROGRESS_ADDR, c->client_ip, max, window, &retry);
	if (!rc)
		rc = throttle_retry_after(c, THROTTLE_PROGRESS_CODE, g->code, max, window, &by_code);
	if (rc)
		return rc;
	if (by_code > retry)
		retry = by_code;
	if (retry <= 0)
		return PS_OK;
	res->outcome = PROGRESS_LIMITED;
	res->retry_after = retry;
	return audit_write(c, g->action, g->target_type, g->oid, "denied",
			   "too many failed queries (rate limited)");
}

int progress_guard_refuse(struct ctx *c, const struct progress_guard *g, const char *unknown,
			  struct progress_result *res)
{
	int64_t window = guard_window(c);
	int rc = throttle_fail(c, THROTTLE_PROGRESS_ADDR, c->client_ip, window, NULL);

	if (!rc)
		rc = throttle_fail(c, THROTTLE_PROGRESS_CODE, g->code, window, NULL);
	if (rc)
		return rc;
	res->outcome = PROGRESS_NO;
	return audit_write(c, g->action, g->target_type, g->oid, "denied",
			   g->oid ? "wrong phone digits" : unknown);
}

int progress_query(struct ctx *c, const char *receipt_code, const char *phone_last4,
		   struct progress_result *res)
{
	struct progress_guard g = { PROGRESS_ACTION, "case", NULL, receipt_code };
	struct rows_query q;
	json_t *obj = NULL;
	int64_t case_id = 0;
	int rc, match = 0;

	memset(res, 0, sizeof(*res));
	rows_binds(&q, c);
	rows_bind_text_exact(&q, receipt_code);
	rc = rows_one(&q,
		      "SELECT k.id, k.kind, k.status, k.reported_at, k.accepted_at, k.filed_at,"
		      " k.decided_at, k.closed_at, o.name AS unit_name, o.phone AS unit_phone"
		      " FROM police_case k JOIN org_unit o ON o.id = k.unit_id WHERE k.receipt_code = ?",
		      &obj);
	if (rc && rc != PS_ENOTFOUND)
		return rc;
	ps_err_clear(c->err);
	if (obj) {
		case_id = json_integer_value(json_object_get(obj, "id"));
		g.oid = arena_printf(c->arena, "%lld", (long long)case_id);
	}
	rc = progress_guard_check(c, &g, res);
	if (!rc && res->outcome != PROGRESS_LIMITED && obj)
		rc = reporter_matches(c, case_id, phone_last4, &match);
	if (rc || res->outcome == PROGRESS_LIMITED) {
		json_decref(obj);
		return rc;
	}
	if (!match) {
		json_decref(obj);
		return progress_guard_refuse(c, &g, "unknown receipt code", res);
	}
	json_object_del(obj, "id");
	json_object_set_new(obj, "status_label",
			    json_string(flow_state_label(json_string_value(json_object_get(obj, "status")))));
	rc = audit_write(c, PROGRESS_ACTION, "case", g.oid, "success", NULL);
	if (rc) {
		json_decref(obj);
		return rc;
	}
	res->outcome = PROGRESS_OK;
	res->out = obj;
	return PS_OK;
}
