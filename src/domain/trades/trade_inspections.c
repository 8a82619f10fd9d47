/* trade_inspections.c — an inspection by the kind's checklist and the
 * findings it raises, each with the deadline of its 整改通知书 (NBZA Art 16,
 * COM-KEYUNIT-CHECK) and, when an offence applies, its code in the offence
 * table (COM-HOTEL-PEN, COM-SCRAP-PEN: ZA2025 Art 67, 71). */
#include "domain/trades/trade_inspections.h"
#include "domain/trades/trades.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/rows.h"
#include "core/json.h"
#include "rules/date.h"
#include "rules/offence.h"
#include "rules/trade_rules.h"
#include "domain/enums.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

static int day_of(const char *s, int64_t *day)
{
	int y, m, d;

	if (!s || date_parse(s, strlen(s), &y, &m, &d))
		return -1;
	*day = date_days_from_civil(y, m, d);
	return 0;
}

/* items must answer every checklist item once and name no other; *bad is
 * set when an item is marked not ok. */
static int check_items(struct ctx *c, json_t *list, json_t *items, int *bad)
{
	json_t *it, *want;
	size_t i, j;

	*bad = 0;
	if (!json_is_array(items) || json_array_size(items) > 64)
		return ps_fail_field(c->err, PS_EINVAL, "items", "检查项目应为数组");
	json_array_foreach(items, i, it) {
		const char *name = json_string_value(json_object_get(it, "item"));
		json_t *ok = json_object_get(it, "ok");
		int known = 0;

		if (!json_is_object(it) || !name || !json_is_boolean(ok) || json_object_size(it) != 2)
			return ps_fail_field(c->err, PS_EINVAL, "items", "每个检查项目应为 {\"item\":…,\"ok\":true/false}");
		json_array_foreach(list, j, want)
			known |= !strcmp(json_string_value(want), name);
		if (!known)
			return ps_fail_field(c->err, PS_EINVAL, "items",
					     "“%s”不是该类单位的检查项目", name);
		for (j = 0; j < i; j++)
			if (!strcmp(json_string_value(json_object_get(json_array_get(items, j), "item")), name))
				return ps_fail_field(c->err, PS_EINVAL, "items",
						     "检查项目“%s”重复", name);
		*bad |= json_is_false(ok);
	}
	json_array_foreach(list, j, want) {
		int found = 0;

		json_array_foreach(items, i, it)
			found |= !strcmp(json_string_value(json_object_get(it, "item")), json_string_value(want));
		if (!found)
			return ps_fail_field(c->err, PS_EINVAL, "items",
					     "检查项目“%s”未填写", json_string_value(want));
	}
	return PS_OK;
}

/* a finding's kind fits the unit: a hotel's, a scrap buyer's, an internal
 * unit's or any (rules/trade_rules.h) */
static int kind_fits(const char *fkind, const char *category, const char *kind)
{
	const char *want = trade_finding_unit(fkind);

	return !want || !strcmp(want, kind) || !strcmp(want, category);
}

static int check_findings(struct ctx *c, json_t *findings, int64_t on, const char *category, const char *ukind)
{
	json_t *f;
	size_t i;

	if (!findings)
		return PS_OK;
	if (!json_is_array(findings) || json_array_size(findings) > 32)
		return ps_fail_field(c->err, PS_EINVAL, "findings", "发现问题应为数组（至多 32 条）");
	json_array_foreach(findings, i, f) {
		const char *desc = json_string_value(json_object_get(f, "description"));
		const char *dl = json_string_value(json_object_get(f, "deadline"));
		json_t *code = json_object_get(f, "offence_code");
		int64_t day;
		void *iter;

		if (!json_is_object(f))
			return ps_fail_field(c->err, PS_EINVAL, "findings", "每条问题应为对象");
		for (iter = json_object_iter(f); iter; iter = json_object_iter_next(f, iter)) {
			const char *key = json_object_iter_key(iter);

			if (strcmp(key, "description") && strcmp(key, "deadline") && strcmp(key, "offence_code") &&
			    strcmp(key, "kind"))
				return ps_fail_field(c->err, PS_EINVAL, "findings",
						     "问题中有未知字段“%s”", key);
		}
		if (!desc || !*desc || strlen(desc) > 600)
			return ps_fail_field(c->err, PS_EINVAL, "findings", "请填写发现的问题（至多 200 字）");
		if (day_of(dl, &day) || day <= on)
			return ps_fail_field(c->err, PS_EINVAL, "findings",
					     "整改期限应为 YYYY-MM-DD，且晚于检查日期");
		if (json_object_get(f, "kind") && !json_is_null(json_object_get(f, "kind"))) {
			const char *fk = json_string_value(json_object_get(f, "kind"));

			if (!fk || !enums_valid(ES_TRADE_FINDING_KIND, fk))
				return ps_fail_field(c->err, PS_EINVAL, "findings", "问题种类不正确");
			if (!kind_fits(fk, category, ukind))
				return ps_fail_field(c->err, PS_EINVAL, "findings", "问题种类“%s”不适用于该类单位",
						     enums_label(ES_TRADE_FINDING_KIND, fk));
		}
		if (code && !json_is_null(code) &&
		    (!json_is_string(code) || (*json_string_value(code) && !offence_find(json_string_value(code)))))
			return ps_fail_field(c->err, PS_EINVAL, "findings", "违法行为代码不在违法行为表中");
	}
	return PS_OK;
}

/* COM-HOTEL-POLICE (LG Art 14): a hotel is inspected by sworn officers who
 * showed their ID; the second officer, when named, is a sworn officer of
 * the unit's station (an auxiliary never counts) */
static int check_police(struct ctx *c, const char *kind, int64_t station, int64_t officer_id, int id_shown,
			int64_t co_officer_id)
{
	struct rows_query q;
	json_t *u;
	int rc, ok;

	if (!strcmp(kind, "hotel") && !id_shown) {
		rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "COM-HOTEL-POLICE",
			     "到旅馆执行公务应当出示证件（旅馆业治安管理办法第14条），请确认检查民警已出示证件");
		c->err->field = "id_shown";
		return rc;
	}
	if (!co_officer_id)
		return PS_OK;
	if (co_officer_id == officer_id)
		return ps_fail_field(c->err, PS_EINVAL, "co_officer_id", "同行民警不能是登记人本人");
	rows_binds(&q, c);
	rows_bind_int(&q, co_officer_id);
	rc = rows_one(&q, "SELECT role, unit_id FROM users WHERE id = ? AND disabled = 0", &u);
	if (rc == PS_ENOTFOUND)
		return ps_fail_field(c->err, PS_EINVAL, "co_officer_id", "同行民警不存在或已停用");
	if (rc)
		return rc;
	ok = authz_role_sworn(row_str(u, "role")) && row_int(u, "unit_id") == station;
	json_decref(u);
	if (!ok) {
		rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", !strcmp(kind, "hotel") ? "COM-HOTEL-POLICE" : NULL,
			     "同行民警须为本所人民警察（辅警不计）");
		c->err->field = "co_officer_id";
		return rc;
	}
	return PS_OK;
}

int trade_inspections_create(struct ctx *c, int64_t unit_id, const char *inspected_on, json_t *items,
			     const char *notes, json_t *findings, int id_shown, int64_t co_officer_id, json_t **out)
{
	struct rows_query q;
	json_t *list, *f;
	const char *kind = NULL, *category = NULL;
	char *text;
	int64_t on, station = 0, insp_id;
	size_t i;
	int bad = 0, rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_TRADE_INSPECT,
			     "SELECT o.path FROM trade_unit t JOIN org_unit o ON o.id = t.station_id WHERE t.id = ?",
			     unit_id, "单位不存在");
	if (rc)
		return rc;
	if (day_of(inspected_on, &on))
		return ps_fail_field(c->err, PS_EINVAL, "inspected_on", "检查日期应为 YYYY-MM-DD");
	if (on > date_local_days(c->now))
		return ps_fail_field(c->err, PS_EINVAL, "inspected_on", "检查日期不能晚于今天");
	{
		json_t *u;

		rows_binds(&q, c);
		rows_bind_int(&q, unit_id);
		rc = rows_one(&q, "SELECT kind, category, station_id, closed_on FROM trade_unit WHERE id = ?", &u);
		if (rc)
			return rc;
		kind = arena_strdup(c->arena, row_str(u, "kind"));
		category = arena_strdup(c->arena, row_str(u, "category"));
		station = row_int(u, "station_id");
		if (row_str(u, "closed_on")) {
			json_decref(u);
			return ps_fail(c->err, PS_ECONFLICT, "TRADE_CLOSED", NULL, "该单位已注销，不能再登记检查");
		}
		json_decref(u);
	}
	list = trades_checklist(c, kind, station);
	if (!list)
		return NOMEM(c);
	rc = check_items(c, list, items, &bad);
	json_decref(list);
	if (!rc)
		rc = check_findings(c, findings, on, category, kind);
	if (rc)
		return rc;
	if (bad && json_array_size(findings) == 0)
		return ps_fail_field(c->err, PS_EINVAL, "findings", "有不合格项目，须登记发现的问题和整改期限");
	rc = check_police(c, kind, station, c->who.user_id, id_shown, co_officer_id);
	if (rc)
		return rc;
	text = json_render(items, JSON_COMPACT);
	if (!text)
		return NOMEM(c);
	rows_binds(&q, c);
	rows_bind_int(&q, unit_id);
	rows_bind_text(&q, inspected_on);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, arena_strdup(c->arena, text));
	json_mem_free(text);
	rows_bind_text(&q, notes);
	rows_bind_int(&q, (int64_t)json_array_size(findings));
	rows_bind_int(&q, id_shown ? 1 : 0);
	if (co_officer_id)
		rows_bind_int(&q, co_officer_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO trade_inspection(unit_id, inspected_on, officer_id, items, notes, findings, id_shown,"
			 " co_officer_id, created_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
			 &insp_id);
	json_array_foreach(findings, i, f) {
		const char *code = json_string_value(json_object_get(f, "offence_code"));
		const char *fk = json_string_value(json_object_get(f, "kind"));
		int64_t fid;

		if (rc)
			break;
		rows_binds(&q, c);
		rows_bind_int(&q, insp_id);
		rows_bind_int(&q, unit_id);
		rows_bind_text(&q, json_string_value(json_object_get(f, "description")));
		/* COM-HOTEL-PEN, COM-SCRAP-PEN: the kind proposes its offence
		 * code when the officer named none */
		if ((!code || !*code) && fk)
			code = trade_finding_offence(fk);
		rows_bind_text(&q, code && *code ? code : NULL);
		rows_bind_text(&q, json_string_value(json_object_get(f, "deadline")));
		rows_bind_text(&q, fk);
		rows_bind_int(&q, c->now);
		rc = rows_insert(&q,
				 "INSERT INTO trade_finding(inspection_id, unit_id, description, offence_code, deadline, kind,"
				 " created_at) VALUES (?,?,?,?,?,?,?) RETURNING id",
				 &fid);
	}
	if (!rc)
		rc = audit_write(c, "trade.inspect", "trade_unit", arena_printf(c->arena, "%lld", (long long)unit_id),
				 "success",
				 arena_printf(c->arena, "检查 %s，问题 %zu 条", inspected_on, json_array_size(findings)));
	return rc ? rc : trades_get(c, unit_id, out);
}

int trade_inspections_update(struct ctx *c, int64_t id, int id_shown, int64_t co_officer_id, const char *notes,
			     json_t **out)
{
	struct rows_query q;
	json_t *i;
	const char *kind;
	int64_t unit_id, station, officer, co;
	int shown, rc;

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
		      "SELECT i.unit_id, i.officer_id, i.id_shown, i.co_officer_id, t.kind, t.station_id FROM trade_inspection i"
		      " JOIN trade_unit t ON t.id = i.unit_id WHERE i.id = ?",
		      &i);
	if (rc)
		return rc;
	unit_id = row_int(i, "unit_id");
	officer = row_int(i, "officer_id");
	station = row_int(i, "station_id");
	kind = arena_strdup(c->arena, row_str(i, "kind"));
	shown = id_shown >= 0 ? id_shown : (int)row_int(i, "id_shown");
	co = co_officer_id >= 0 ? co_officer_id : row_int(i, "co_officer_id");
	json_decref(i);
	/* COM-HOTEL-POLICE holds on the edit as on the record */
	rc = check_police(c, kind, station, officer, shown, co);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, shown ? 1 : 0);
	if (co)
		rows_bind_int(&q, co);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, notes);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE trade_inspection SET id_shown = ?, co_officer_id = ?, notes = COALESCE(?, notes) WHERE id = ?",
		       NULL);
	if (!rc)
		rc = audit_write(c, "trade.inspection_edit", "trade_inspection", arena_printf(c->arena, "%lld", (long long)id),
				 "success", NULL);
	return rc ? rc : trades_get(c, unit_id, out);
}
