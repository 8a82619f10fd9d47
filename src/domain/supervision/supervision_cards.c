/* supervision_cards.c — 执法监督卡 (SUP-CARD): the card of every party of a
 * case — the station's supervision phone and the bureau's complaint phone
 * from the settings, the case's receipt code, the complaint channels — and
 * a record of each hand-over (also a step of the case's timeline). */
#include "domain/supervision/supervision.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/cases/cases.h"
#include "domain/enums.h"
#include "domain/rows.h"

#include <string.h>

#define CASE_PATH_SQL "SELECT o.path FROM police_case k JOIN org_unit o ON o.id = k.unit_id WHERE k.id = ?"

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

int supervision_cards_get(struct ctx *c, int64_t case_id, json_t **out)
{
	struct rows_query q;
	json_t *k = NULL, *parties = NULL, *cards = NULL, *p, *h;
	int64_t unit;
	size_t i, j;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_SUPERVISION_CARD_LIST, CASE_PATH_SQL, case_id, "案件不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rc = rows_one(&q,
		      "SELECT k.id AS case_id, k.case_no, k.receipt_code, k.unit_id, o.name AS unit_name,"
		      " o.phone AS unit_phone, o.address AS unit_address, b.name AS bureau_name"
		      " FROM police_case k JOIN org_unit o ON o.id = k.unit_id LEFT JOIN org_unit b ON b.id = o.parent_id"
		      " WHERE k.id = ?",
		      &k);
	if (rc)
		return rc;
	unit = row_int(k, "unit_id");
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, case_id);
	rc = rows_all(&q,
		      "SELECT cp.id AS party_id, cp.role, " PARTY_NAME_SQL " AS name, cp.confidential,"
		      " EXISTS (SELECT 1 FROM case_officer x WHERE x.case_id = cp.case_id AND x.user_id = ?) AS on_case"
		      " FROM case_party cp JOIN person p ON p.id = cp.person_id WHERE cp.case_id = ? ORDER BY cp.id",
		      &parties);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, case_id);
		rc = rows_all(&q,
			      "SELECT s.id, s.party_id, s.method, s.handed_at, u.name AS handed_by_name FROM supervision_card s"
			      " JOIN users u ON u.id = s.handed_by WHERE s.case_id = ? ORDER BY s.handed_at, s.id",
			      &cards);
	}
	if (!rc)
		rc = audit_read(c, "case", arena_printf(c->arena, "%lld", (long long)case_id));
	if (rc) {
		json_decref(k);
		json_decref(parties);
		json_decref(cards);
		return rc;
	}
	json_array_foreach(parties, i, p) {
		json_t *mine = json_array();
		/* PROC-ACCEPT-ANON: a confidential reporter is named to the
		 * case's own people only, as on the case page */
		int hidden = row_int(p, "confidential") &&
			     !(row_int(p, "on_case") || ctx_has_role(c, "chief") || ctx_has_role(c, "legal"));
		/* the receipt code is the reporter's key to the progress
		 * query (with the phone's last digits): on the reporter's card
		 * alone, never on a suspect's */
		json_t *code = json_object_get(k, "receipt_code");
		int keyed = !strcmp(row_str(p, "role"), "reporter") && !hidden && json_is_string(code);

		if (hidden)
			json_object_set_new(p, "name", json_string("（保密）"));
		json_object_del(p, "on_case");
		json_object_set_new(p, "confidential", json_boolean(row_int(p, "confidential")));
		json_object_set_new(p, "receipt_code",
				    keyed ? json_incref(code) : json_null());

		json_array_foreach(cards, j, h)
			if (row_int(h, "party_id") == row_int(p, "party_id"))
				json_array_append(mine, h);
		json_object_set_new(p, "role_label", json_string(enums_label(ES_PARTY_ROLE, row_str(p, "role"))));
		json_object_set_new(p, "handed", json_boolean(json_array_size(mine) > 0));
		json_object_set_new(p, "handovers", mine);
	}
	json_decref(cards);
	json_object_set_new(k, "supervision_phone", json_string(setting_text(c, "station.supervision_phone", unit)));
	json_object_set_new(k, "bureau_complaint_phone",
			    json_string(setting_text(c, "station.bureau_complaint_phone", unit)));
	json_object_set_new(k, "complaint_channels", lines(setting_text(c, "station.complaint_channels", unit)));
	json_object_set_new(k, "parties", parties);
	*out = k;
	return PS_OK;
}

int supervision_cards_hand(struct ctx *c, int64_t case_id, int64_t party_id, const char *method,
			   json_t **out)
{
	struct rows_query q;
	int64_t n = 0, id;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_SUPERVISION_CARD_HAND, CASE_PATH_SQL, case_id, "案件不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, party_id);
	rows_bind_int(&q, case_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM case_party WHERE id = ? AND case_id = ?", 0, &n);
	if (!rc && !n)
		rc = ps_fail_field(c->err, PS_EINVAL, "party_id", "该当事人不属于本案");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, party_id);
	rows_bind_text(&q, method);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO supervision_card(case_id, party_id, method, handed_by, handed_at) VALUES (?,?,?,?,?)"
			 " RETURNING id",
			 &id);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, case_id);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_text(&q, arena_printf(c->arena, "执法监督卡已交当事人（%s）", enums_label(ES_CARD_METHOD, method)));
		rc = rows_exec(&q,
			       "INSERT INTO case_event(case_id, at, user_id, action, detail) VALUES (?,?,?,'supervision_card',?)",
			       NULL);
	}
	if (!rc)
		rc = audit_write(c, "supervision_card.hand", "case", arena_printf(c->arena, "%lld", (long long)case_id),
				 "success", arena_printf(c->arena, "party %lld", (long long)party_id));
	return rc ? rc : supervision_cards_get(c, case_id, out);
}
