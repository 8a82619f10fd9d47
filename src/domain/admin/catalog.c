#include "domain/admin/catalog.h"
#include "domain/admin/lookups.h"
#include "domain/enums.h"
#include "domain/cases/case_records.h"
#include "domain/authz.h"
#include "rules/case_flow.h"
#include "rules/catalog.h"
#include "rules/clock.h"
#include "rules/measures.h"

#include <string.h>

static json_t *values_json(const struct rule *r)
{
	json_t *a = json_array();
	int n = RULE_VALUES;

	while (n > 0 && r->value[n - 1] == 0)
		n--;
	for (int i = 0; i < n && a; i++)
		json_array_append_new(a, json_integer(r->value[i]));
	return a;
}

/* One rule; internal is 0 for the public page (no notes, no tests). */
static json_t *rule_json(const struct rule *r, int internal)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s?, s:o, s:s, s:s, s:b, s:s, s:s}",
			      "code", r->code, "kind", rule_kind_code(r->kind), "kind_label",
			      rule_kind_label(r->kind), "label", r->label, "plain", r->plain, "from", r->from,
			      "to", r->to, "values", values_json(r), "unit", rule_unit_code(r->unit),
			      "unit_label", rule_unit_label(r->unit), "liberty", (r->flags & RF_LIBERTY) != 0,
			      "status", rule_status_code(r->status), "status_label",
			      rule_status_label(r->status));

	if (!o)
		return NULL;
	json_object_set_new(o, "source", json_string(r->source));
	if (internal) {
		char ver[2] = { r->ver, 0 };

		json_object_set_new(o, "verified", json_string(ver));
		json_object_set_new(o, "setting", json_boolean(r->flags & RF_SETTING));
		json_object_set_new(o, "note", r->note ? json_string(r->note) : json_null());
		json_object_set_new(o, "test", r->test ? json_string(r->test) : json_null());
	}
	return o;
}

/* The areas of the catalog the public may read: the law of the procedure
 * (治安 and criminal cases, 传唤, minors, the file) and of supervision and
 * remedies, which 警务公开 publishes. Community policing (重点人员 work is
 * police-internal: COM-ZD-INTERNAL), patrol, the team and the accounts'
 * security are the police's own. */
static const char *const public_areas[] = { "ADM-", "CRIM-", "PROC-", "CQ-", "MINOR-", "CASE-", "SUP-", NULL };

static int rule_is_public(const struct rule *r)
{
	for (int i = 0; public_areas[i]; i++)
		if (strncmp(r->code, public_areas[i], strlen(public_areas[i])) == 0)
			return 1;
	return 0;
}

static json_t *rules_json(int internal)
{
	json_t *a = json_array();

	for (int i = 0; i < RULE_COUNT && a; i++) {
		const struct rule *r = rule_get((enum rule_id)i);
		json_t *o;

		if (!internal && !rule_is_public(r))
			continue;
		o = rule_json(r, internal);

		if (!o || json_array_append_new(a, o)) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static json_t *states_json(void)
{
	json_t *a = json_array();

	for (const struct flow_state *f = flow_states; f->state && a; f++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:b}", "value", f->state, "label", f->label,
						   "closed", flow_state_closed(f->state)));
	return a;
}

static json_t *actions_json(void)
{
	json_t *a = json_array();

	for (const struct flow_rule *r = flow_rules; r->action && a; r++) {
		json_t *from = json_array();

		json_array_append_new(from, json_string(r->from));
		if (r->from2)
			json_array_append_new(from, json_string(r->from2));
		json_array_append_new(a, json_pack("{s:s, s:s, s:o, s:s?, s:s?}", "action", r->action, "label",
						   r->label, "from", from, "to", r->to, "rule", r->rule));
	}
	return a;
}

static json_t *tiers_json(void)
{
	json_t *a = json_array();

	for (const struct measure_tier *t = measure_tiers; t->kind && a; t++) {
		json_t *ext = json_array();

		for (const char *p = t->extends; p && *p && ext;) {
			const char *bar = strchr(p, '|');
			size_t n = bar ? (size_t)(bar - p) : strlen(p);

			json_array_append_new(ext, json_stringn(p, n));
			p = bar ? bar + 1 : NULL;
		}
		json_array_append_new(
			a, json_pack("{s:s, s:s, s:s, s:s, s:i, s:s, s:b, s:b, s:s?, s:o, s:b, s:b}", "kind", t->kind,
				     "tier", t->tier, "rule", measure_tier_rule(t), "label", t->label, "period",
				     measure_tier_amount(t), "unit", rule_unit_code(rule_get(t->rule_id)->unit),
				     "days", t->vi < 0, "reason", t->needs_reason || t->extends != NULL,
				     "approver", t->approver, "extends", ext, "from2026", !t->za2012,
				     "liberty", measure_tier_liberty(t)));
	}
	return a;
}

static json_t *kinds_json(void)
{
	json_t *a = json_array();

	for (const struct measure_kind *k = measure_kinds; k->kind && a; k++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "value", k->kind, "label", k->label,
						   "group", k->group));
	return a;
}

static json_t *milestones_json(void)
{
	json_t *a = json_array();

	for (const struct measure_milestone *m = measure_milestones; m->kind && a; m++) {
		char field[32];

		snprintf(field, sizeof(field), "%s_at", m->key);
		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s, s:s, s:i}", "kind", m->kind, "key",
						   m->key, "field", field, "label", m->label, "rule",
						   rule_get(m->rule_id)->code, "hours", rule_value(m->rule_id, 0)));
	}
	return a;
}

static json_t *approvers_json(void)
{
	json_t *a = json_array();

	for (const struct measure_approver *p = measure_approvers; p->code && a; p++)
		json_array_append_new(a, json_pack("{s:s, s:s}", "value", p->code, "label", p->label));
	return a;
}

static json_t *levels_json(void)
{
	json_t *a = json_array();

	for (int l = LEVEL_OK; l <= LEVEL_BREACH && a; l++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:i}", "code", clock_level_code((enum warn_level)l),
						   "label", clock_level_label((enum warn_level)l), "rank", l));
	return a;
}

int catalog_full(struct ctx *c, json_t **out)
{
	json_t *offences = NULL;
	int rc;

	*out = NULL;
	rc = lookups_offences(c, NULL, &offences);
	if (rc)
		return rc;
	*out = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:O, s:o, s:o, s:o}", "rules", rules_json(1),
			 "measure_kinds", kinds_json(), "measure_tiers", tiers_json(), "milestones",
			 milestones_json(), "approvers", approvers_json(), "case_states", states_json(),
			 "case_actions", actions_json(), "warning_levels", levels_json(), "offences",
			 json_object_get(offences, "items"), "roles", authz_roles_json(), "enums",
			 enums_json(), "doc_kinds", documents_kinds_json());
	json_decref(offences);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int catalog_public(struct ctx *c, json_t **out)
{
	/* the words of the public pages (案件类型 on the progress page): of the
	 * enumerated sets only theirs, since the rest name internal work
	 * (重点人员 levels, interventions, sanction grounds …) */
	static const char *const sets[] = { "case_kind", "case_procedure", NULL };

	*out = json_pack("{s:o, s:o, s:o}", "rules", rules_json(0), "case_states", states_json(), "enums",
			 enums_json_of(sets));
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
