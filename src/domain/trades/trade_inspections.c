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

static int check_findings(struct ctx *c, json_t *findings, int64_t on)
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

			if (strcmp(key, "description") && strcmp(key, "deadline") && strcmp(key, "offence_code"))
				return ps_fail_field(c->err, PS_EINVAL, "findings",
						     "问题中有未知字段“%s”", key);
		}
		if (!desc || !*desc || strlen(desc) > 600)
			return ps_fail_field(c->err, PS_EINVAL, "findings", "请填写发现的问题（至多 200 字）");
		if (day_of(dl, &day) || day <= on)
			return ps_fail_field(c->err, PS_EINVAL, "findings",
					     "整改期限应为 YYYY-MM-DD，且晚于检查日期");
		if (code && !json_is_null(code) &&
		    (!json_is_string(code) || (*json_string_value(code) && !offence_find(json_string_value(code)))))
			return ps_fail_field(c->err, PS_EINVAL, "findings", "违法行为代码不在违法行为表中");
	}
	return PS_OK;
}

int trade_inspections_create(struct ctx *c, int64_t unit_id, const char *inspected_on, json_t *items,
			     const char *notes, json_t *findings, json_t **out)
{
	struct rows_query q;
	json_t *list, *f;
	const char *kind = NULL;
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
		rc = rows_one(&q, "SELECT kind, station_id, closed_on FROM trade_unit WHERE id = ?", &u);
		if (rc)
			return rc;
		kind = arena_strdup(c->arena, row_str(u, "kind"));
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
		rc = check_findings(c, findings, on);
	if (rc)
		return rc;
	if (bad && json_array_size(findings) == 0)
		return ps_fail_field(c->err, PS_EINVAL, "findings", "有不合格项目，须登记发现的问题和整改期限");
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
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO trade_inspection(unit_id, inspected_on, officer_id, items, notes, findings, created_at)"
			 " VALUES (?,?,?,?,?,?,?) RETURNING id",
			 &insp_id);
	json_array_foreach(findings, i, f) {
		const char *code = json_string_value(json_object_get(f, "offence_code"));
		int64_t fid;

		if (rc)
			break;
		rows_binds(&q, c);
		rows_bind_int(&q, insp_id);
		rows_bind_int(&q, unit_id);
		rows_bind_text(&q, json_string_value(json_object_get(f, "description")));
		rows_bind_text(&q, code && *code ? code : NULL);
		rows_bind_text(&q, json_string_value(json_object_get(f, "deadline")));
		rows_bind_int(&q, c->now);
		rc = rows_insert(&q,
				 "INSERT INTO trade_finding(inspection_id, unit_id, description, offence_code, deadline,"
				 " created_at) VALUES (?,?,?,?,?,?) RETURNING id",
				 &fid);
	}
	if (!rc)
		rc = audit_write(c, "trade.inspect", "trade_unit", arena_printf(c->arena, "%lld", (long long)unit_id),
				 "success",
				 arena_printf(c->arena, "检查 %s，问题 %zu 条", inspected_on, json_array_size(findings)));
	return rc ? rc : trades_get(c, unit_id, out);
}
