/* trade_notices.c — the 整改通知书 of an inspection: numbered once in the
 * station's series, printed from this answer (COM-KEYUNIT-CHECK, NBZA
 * Art 16; an internal unit's overdue hazard: COM-KEYUNIT-PEN, Art 19). */
#include "domain/trades/trade_notices.h"
#include "domain/trades/trades.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/counters.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"
#include "rules/offence.h"
#include "rules/trade_rules.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

/* the kind of doc_counter and the word of the number */
#define NOTICE_KIND "rectification_notice"
#define NOTICE_WORD "限改"

static const char *local_date(struct ctx *c, int64_t epoch)
{
	int y, m, d;

	date_civil_from_days(date_local_days(epoch), &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

/* The station's next number of the year, written on the inspection. */
static int issue(struct ctx *c, int64_t id, int64_t station, const char *organ, const char **no)
{
	struct rows_query q;
	int64_t seq = 0, n = 0;
	int y, m, d, rc;

	ctx_today(c, &y, &m, &d);
	rc = counters_next_doc(c, station, NOTICE_KIND, y, &seq);
	if (rc)
		return rc;
	*no = arena_printf(c->arena, "%s公（%s）字〔%d〕%05lld号", organ, NOTICE_WORD, y, (long long)seq);
	if (!*no)
		return NOMEM(c);
	rows_binds(&q, c);
	rows_bind_text(&q, *no);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE trade_inspection SET notice_no = ?, notice_issued_at = ?, notice_issued_by = ?"
		       " WHERE id = ? AND notice_no IS NULL",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "NOTICE_ISSUED", NULL, "该次检查的整改通知书已编号，请重新打印");
	if (!rc)
		rc = audit_write(c, "trade.rectification_notice", "trade_inspection",
				 arena_printf(c->arena, "%lld", (long long)id), "success", *no);
	return rc;
}

/* each finding: its offence's name and the rule that names what follows */
static void shape_findings(json_t *items)
{
	json_t *it;
	size_t i;

	json_array_foreach(items, i, it) {
		const struct offence *o = offence_find(row_str(it, "offence_code"));
		const char *fk = row_str(it, "kind");
		enum rule_id rid = trade_finding_rule(fk);

		json_object_set_new(it, "offence_name", o ? json_string(o->name) : json_null());
		json_object_set_new(it, "kind_label", fk ? json_string(enums_label(ES_TRADE_FINDING_KIND, fk)) : json_null());
		json_object_set_new(it, "rule", rid == RULE_COUNT ? json_null() : json_string(rule_get(rid)->code));
		json_object_set_new(it, "no", json_integer((json_int_t)i + 1));
	}
}

int trade_notices_rectification(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *i = NULL, *findings = NULL, *officers = NULL, *basis = NULL, *escalation = NULL;
	const char *no, *organ, *signed_as, *since = NULL, *cat;
	const struct rule *chk = rule_get(RULE_COM_KEYUNIT_CHECK);
	int64_t station, open = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_TRADE_INSPECT,
			     "SELECT o.path FROM trade_inspection i JOIN trade_unit t ON t.id = i.unit_id"
			     " JOIN org_unit o ON o.id = t.station_id WHERE i.id = ?",
			     id, "检查记录不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT i.id, i.inspected_on, i.notice_no, i.notice_issued_at, i.unit_id, t.name AS unit_name,"
		      " t.category, t.kind, t.responsible, t.phone AS unit_phone, t.licence_no,"
		      " a.community, a.building, a.unit_no, a.room, t.station_id, s.name AS station_name,"
		      " s.address AS station_address, s.phone AS station_phone,"
		      " u.name AS officer_name, u.badge_no AS officer_badge, v.name AS co_officer_name,"
		      " v.badge_no AS co_officer_badge"
		      " FROM trade_inspection i JOIN trade_unit t ON t.id = i.unit_id JOIN org_unit s ON s.id = t.station_id"
		      " JOIN users u ON u.id = i.officer_id LEFT JOIN users v ON v.id = i.co_officer_id"
		      " LEFT JOIN address a ON a.id = t.address_id WHERE i.id = ?",
		      &i);
	if (rc)
		return rc;
	station = row_int(i, "station_id");
	signed_as = setting_text(c, "station.name_on_documents", station);
	organ = arena_strdup(c->arena, signed_as && *signed_as ? signed_as : row_str(i, "station_name"));
	no = row_str(i, "notice_no") ? arena_strdup(c->arena, row_str(i, "notice_no")) : NULL;
	if (no)
		since = local_date(c, row_int(i, "notice_issued_at"));
	/* the findings open now, and those fixed since the notice was served */
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, since);
	rc = rows_all(&q,
		      "SELECT f.id, f.description, f.kind, f.offence_code, f.deadline, f.rectified_on FROM trade_finding f"
		      " WHERE f.inspection_id = ? AND (f.rectified_on IS NULL OR f.rectified_on >= ?)"
		      " ORDER BY f.deadline, f.id",
		      &findings);
	if (rc)
		goto out;
	for (size_t k = 0; k < json_array_size(findings); k++)
		open += !row_str(json_array_get(findings, k), "rectified_on");
	if (!no && !open) {
		rc = ps_fail(c->err, PS_ECONFLICT, "NO_OPEN_FINDINGS", "COM-KEYUNIT-CHECK",
			     "该次检查没有待整改的问题，无需发出整改通知书");
		goto out;
	}
	if (!organ) {
		rc = NOMEM(c);
		goto out;
	}
	if (!no) {
		rc = issue(c, id, station, organ, &no);
		since = local_date(c, c->now);
	} else {
		rc = audit_read(c, "trade_inspection", arena_printf(c->arena, "%lld", (long long)id));
	}
	if (rc)
		goto out;
	shape_findings(findings);
	officers = json_array();
	if (officers)
		json_array_append_new(officers, json_pack("{s:s?, s:s?}", "name", row_str(i, "officer_name"), "badge_no",
							  row_str(i, "officer_badge")));
	if (officers && row_str(i, "co_officer_name"))
		json_array_append_new(officers, json_pack("{s:s?, s:s?}", "name", row_str(i, "co_officer_name"),
							  "badge_no", row_str(i, "co_officer_badge")));
	/* the legal basis is the catalog's row, never a string of this file */
	basis = json_pack("{s:s, s:s, s:s, s:s}", "rule", chk->code, "source", chk->source, "label", chk->label, "text",
			  chk->plain);
	cat = row_str(i, "category");
	if (cat && !strcmp(cat, "internal_unit")) {
		const struct rule *pen = rule_get(RULE_COM_KEYUNIT_PEN);

		escalation = json_pack("{s:s, s:s, s:s}", "rule", pen->code, "source", pen->source, "text", pen->plain);
	} else {
		escalation = json_null();
	}
	*out = json_pack(
		"{s:{s:I, s:s, s:s?, s:s, s:{s:s?, s:s?, s:s?}, s:{s:I, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?},"
		" s:s?, s:o, s:o, s:o, s:o}}",
		"notice", "inspection_id", (json_int_t)id, "doc_no", no, "issued_on", since, "organ_name", organ,
		"station", "name", row_str(i, "station_name"), "address", row_str(i, "station_address"), "phone",
		row_str(i, "station_phone"), "unit", "id", (json_int_t)row_int(i, "unit_id"), "name",
		row_str(i, "unit_name"), "category", cat, "kind_label",
		trades_kind_label(cat, row_str(i, "kind")),
		"responsible", row_str(i, "responsible"), "phone", row_str(i, "unit_phone"), "licence_no",
		row_str(i, "licence_no"), "address",
		row_str(i, "community")
			? arena_printf(c->arena, "%s%s%s%s", row_str(i, "community"), row_str(i, "building") ? row_str(i, "building") : "",
				       row_str(i, "unit_no") ? row_str(i, "unit_no") : "", row_str(i, "room") ? row_str(i, "room") : "")
			: NULL,
		"inspected_on", row_str(i, "inspected_on"), "officers", officers ? officers : json_array(), "findings",
		findings, "legal_basis", basis ? basis : json_null(), "escalation", escalation ? escalation : json_null());
	findings = officers = basis = escalation = NULL;
	if (!*out)
		rc = NOMEM(c);
out:
	json_decref(i);
	json_decref(findings);
	json_decref(officers);
	json_decref(basis);
	json_decref(escalation);
	return rc;
}
