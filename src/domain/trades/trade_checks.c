/* trade_checks.c — the checks the special trades' registers share. */
#include "domain/trades/trade_checks.h"
#include "domain/authz.h"
#include "domain/incidents/incidents.h"
#include "domain/rows.h"

#include <string.h>

int trade_checks_refuse(struct ctx *c, const char *rule, const char *field, const char *msg)
{
	int rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", rule, "%s", msg);

	c->err->field = field;
	return rc;
}

int trade_checks_unit(struct ctx *c, enum authz_act act, int64_t unit_id, const char *kind, const char *not_kind,
		      int64_t *station, const char **name)
{
	struct rows_query q;
	json_t *u;
	int rc = rows_check_unit(c, act, "SELECT o.path FROM trade_unit t JOIN org_unit o ON o.id = t.station_id WHERE t.id = ?",
				 unit_id, "单位不存在");

	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, unit_id);
	rc = rows_one(&q, "SELECT name, kind, category, station_id, closed_on FROM trade_unit WHERE id = ?", &u);
	if (rc)
		return rc;
	if (strcmp(row_str(u, "category"), "special_trade") || strcmp(row_str(u, "kind"), kind) || row_str(u, "closed_on"))
		rc = ps_fail_field(c->err, PS_EINVAL, "unit_id", "%s", not_kind);
	*station = row_int(u, "station_id");
	*name = arena_strdup(c->arena, row_str(u, "name"));
	json_decref(u);
	return rc;
}

int trade_checks_wanted(struct ctx *c, const char *id_number, json_t **w)
{
	struct rows_query q;
	int rc;

	*w = NULL;
	rows_binds(&q, c);
	rows_bind_text(&q, id_number);
	rc = rows_one(&q,
		      "SELECT id, name, case_desc FROM wanted_person WHERE id_number = ? AND withdrawn_at IS NULL"
		      " ORDER BY id",
		      w);
	if (rc == PS_ENOTFOUND) {
		ps_err_clear(c->err);
		*w = NULL;
		return PS_OK;
	}
	return rc;
}

int trade_checks_incident(struct ctx *c, const char *place, int64_t station, const char *summary,
			  int64_t *incident_id)
{
	struct incident_input in = { 0 };
	json_t *dups = NULL;
	int rc;

	in.source = "other";
	in.place = place;
	in.category = "1001";
	in.priority = 1;
	in.not_duplicate = 1;
	in.forwarded = 1;
	in.station_id = station;
	in.summary = summary;
	if (!summary)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = incidents_create(c, &in, &dups, incident_id);
	json_decref(dups);
	return rc;
}
