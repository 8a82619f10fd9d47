/* public_notice.c — 警务公开: the public page of a station (no login). The
 * time limits are the rows of the rule catalog in force today, in their
 * public words, so the page cannot drift from what the code enforces;
 * everything else a station prints comes from its settings. */
#include "domain/supervision/supervision.h"
#include "domain/admin/settings.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"

#include <string.h>

int public_notice_stations(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items;
	int rc;

	*out = NULL;
	rows_binds(&q, c);
	rc = rows_all(&q,
		      "SELECT id, name, phone, address FROM org_unit WHERE kind = 'station' AND active = 1"
		      " ORDER BY id",
		      &items);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* The non-empty lines of a setting's text as a JSON array. */
static json_t *lines(const char *text)
{
	json_t *a = json_array();
	const char *p = text ? text : "";

	while (a && *p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);

		while (n && (p[n - 1] == '\r' || p[n - 1] == ' '))
			n--;
		if (n)
			json_array_append_new(a, json_stringn(p, n));
		p += e ? (size_t)(e - p) + 1 : strlen(p);
	}
	return a;
}

/* 1 when rule r is in force on local day `today`. */
static int in_force(const struct rule *r, int64_t today)
{
	int y, m, d;

	if (r->from && !date_parse(r->from, strlen(r->from), &y, &m, &d) &&
	    date_days_from_civil(y, m, d) > today)
		return 0;
	if (r->to && !date_parse(r->to, strlen(r->to), &y, &m, &d) && date_days_from_civil(y, m, d) < today)
		return 0;
	return 1;
}

/* The time rules in force today: case limits and, apart, the remedies. */
static int time_rules(int64_t today, json_t *limits, json_t *remedies)
{
	for (int i = 0; i < RULE_COUNT; i++) {
		const struct rule *r = rule_get((enum rule_id)i);
		int remedy = strncmp(r->code, "SUP-", 4) == 0;

		if (!in_force(r, today) || !r->plain || !*r->plain)
			continue;
		if (r->kind != RK_TIME && !(remedy && r->kind == RK_PRACTICE))
			continue;
		if (json_array_append_new(remedy ? remedies : limits,
					  json_pack("{s:s, s:s, s:s, s:s}", "code", r->code, "label", r->label,
						    "plain", r->plain, "source", r->source)))
			return PS_ENOMEM;
	}
	return PS_OK;
}

int public_notice_get(struct ctx *c, int64_t station_id, json_t **out)
{
	struct rows_query q;
	json_t *u = NULL, *limits = json_array(), *remedies = json_array();
	int rc;

	*out = NULL;
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rc = rows_one(&q,
		      "SELECT o.id, o.name, o.phone, o.address, b.name AS bureau_name FROM org_unit o"
		      " LEFT JOIN org_unit b ON b.id = o.parent_id WHERE o.id = ? AND o.kind = 'station' AND o.active = 1",
		      &u);
	if (rc == PS_ENOTFOUND)
		rc = ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "没有这个派出所");
	if (!rc && (!limits || !remedies))
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	if (!rc && time_rules(date_local_days(c->now), limits, remedies))
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	if (rc) {
		json_decref(u);
		json_decref(limits);
		json_decref(remedies);
		return rc;
	}
	json_object_set_new(u, "supervision_phone", json_string(setting_text(c, "station.supervision_phone", station_id)));
	json_object_set_new(u, "bureau_complaint_phone",
			    json_string(setting_text(c, "station.bureau_complaint_phone", station_id)));
	json_object_set_new(u, "opening_hours", json_string(setting_text(c, "station.opening_hours", station_id)));
	json_object_set_new(u, "case_scope", lines(setting_text(c, "station.case_scope", station_id)));
	json_object_set_new(u, "service_guide", lines(setting_text(c, "station.service_guide", station_id)));
	json_object_set_new(u, "contact_card", lines(setting_text(c, "station.contact_card", station_id)));
	json_object_set_new(u, "complaint_channels",
			    lines(setting_text(c, "station.complaint_channels", station_id)));
	json_object_set_new(u, "time_limits", limits);
	json_object_set_new(u, "remedies", remedies);
	*out = u;
	return PS_OK;
}
