/* exports.c — exports of personal data: the rows, their scope and masking,
 * and the audit row (see exports.h). */
#include "domain/admin/exports.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/rows.h"
#include "core/text.h"
#include "domain/cases/cases.h"
#include "domain/enums.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/json.h"
#include "rules/case_flow.h"
#include "rules/date.h"
#include "rules/idcard.h"

#include <string.h>

static const struct export_col person_cols[] = {
	{ "id", "编号" },          { "name", "姓名" },        { "sex", "性别" },
	{ "id_number", "身份证号" }, { "birth_date", "出生日期" }, { "phone", "联系电话" },
	{ "kind", "人员类别" },     { "address", "地址" },      { "unit_name", "登记单位" },
	{ NULL, NULL },
};

static const struct export_col case_cols[] = {
	{ "case_no", "案件编号" },     { "kind", "案件类别" },   { "status_label", "状态" },
	{ "title", "案由" },           { "act_date", "发案日期" }, { "accepted_at", "受案时间" },
	{ "main_officer", "主办民警" }, { "unit_name", "办案单位" },
	{ NULL, NULL },
};

static const struct export_col custody_cols[] = {
	{ "id", "登记号" },          { "case_no", "案件编号" },  { "person", "姓名" },
	{ "id_number", "身份证号" },   { "reason", "进入事由" },   { "arrived_at", "到案时间" },
	{ "room", "房间" },          { "exited_at", "离开时间" }, { "exit_reason", "离开去向" },
	{ "officer_name", "带入民警" }, { "unit_name", "单位" },
	{ NULL, NULL },
};

static const struct export_col property_cols[] = {
	{ "id", "编号" },          { "case_no", "案件编号" }, { "name", "物品名称" },
	{ "quantity", "数量" },     { "seized_at", "扣押时间" }, { "kept_at", "移交保管时间" },
	{ "keeper", "保管人" },      { "status", "状态" },     { "unit_name", "办案单位" },
	{ NULL, NULL },
};

/* 特种行业、内部单位 ledgers (issue 16, part B): one per category, rows by kind */
static const struct export_col trade_cols[] = {
	{ "kind", "类别" },           { "name", "单位名称" },       { "licence_no", "许可证（备案）号" },
	{ "responsible", "负责人" },  { "phone", "联系电话" },      { "address", "地址" },
	{ "key_unit", "重点单位" },   { "security_chief", "保卫负责人" }, { "security_staff", "保卫人数" },
	{ "cameras", "监控探头" },    { "video_linked", "视频联网" }, { "alarm", "报警装置" },
	{ "guard_measures", "人防" }, { "physical_measures", "物防" }, { "last_inspected_on", "最近检查" },
	{ "open_findings", "未整改问题" }, { "unit_name", "管辖单位" },
	{ NULL, NULL },
};

#define TRADE_LEDGER_SQL(cat)                                                                            \
	"SELECT t.id, t.kind, t.name, t.licence_no, t.responsible, t.phone,"                             \
	" CASE WHEN a.id IS NULL THEN '' ELSE a.community || a.building || a.unit_no || a.room END AS address," \
	" CASE WHEN t.key_unit = 1 THEN '是' ELSE '否' END AS key_unit, t.security_chief, t.security_staff,"  \
	" t.cameras, CASE WHEN t.video_linked = 1 THEN '是' ELSE '否' END AS video_linked,"                 \
	" CASE WHEN t.alarm = 1 THEN '是' ELSE '否' END AS alarm, t.guard_measures, t.physical_measures,"   \
	" (SELECT MAX(i.inspected_on) FROM trade_inspection i WHERE i.unit_id = t.id) AS last_inspected_on," \
	" (SELECT COUNT(*) FROM trade_finding f WHERE f.unit_id = t.id AND f.rectified_on IS NULL) AS open_findings," \
	" o.name AS unit_name FROM trade_unit t JOIN org_unit o ON o.id = t.station_id"                   \
	" LEFT JOIN address a ON a.id = t.address_id WHERE t.category = '" cat "' AND t.closed_on IS NULL" \
	" AND o.path LIKE ? ORDER BY t.kind, t.id LIMIT ?"

static const struct {
	const char *kind, *title;
	enum authz_act list_act; /* the list the export mirrors */
	const struct export_col *cols;
	const char *object_type;
	const char *sql; /* one '?': the scope pattern */
} kinds[] = {
	{ "persons", "实有人口", ACT_PERSON_SEARCH, person_cols, "person",
	  "SELECT p.id, p.name, p.sex, p.id_number, p.birth_date, p.phone, p.kind,"
	  " COALESCE(a.community || a.building || a.unit_no || a.room, p.address) AS address,"
	  " o.name AS unit_name"
	  " FROM person p JOIN org_unit o ON o.id = p.unit_id LEFT JOIN address a ON a.id = p.address_id"
	  " WHERE o.path LIKE ? ORDER BY p.id LIMIT ?" },
	{ "cases", "案件", ACT_CASE_LIST, case_cols, "case",
	  "SELECT k.id, k.case_no, k.kind, k.status, k.title, k.act_date, k.accepted_at,"
	  " (SELECT mu.name FROM case_officer mo JOIN users mu ON mu.id = mo.user_id"
	  "  WHERE mo.case_id = k.id AND mo.duty = 'main' ORDER BY mo.user_id LIMIT 1) AS main_officer,"
	  " o.name AS unit_name"
	  " FROM police_case k JOIN org_unit o ON o.id = k.unit_id"
	  " WHERE o.path LIKE ? ORDER BY k.id LIMIT ?" },
	{ "custody", "办案区登记台账", ACT_CUSTODY_BOARD, custody_cols, "custody",
	  "SELECT e.id, k.case_no, " PARTY_NAME_SQL " AS person,"
	  " CASE WHEN cp.own_name IS NULL THEN p.id_number END AS id_number, cp.confidential, e.reason,"
	  " e.arrived_at, e.room_kind, e.room_no, e.exited_at, e.exit_reason,"
	  " u.name AS officer_name, o.name AS unit_name"
	  " FROM custody_entry e JOIN police_case k ON k.id = e.case_id"
	  " JOIN org_unit o ON o.id = e.unit_id JOIN case_party cp ON cp.id = e.party_id"
	  " JOIN person p ON p.id = cp.person_id JOIN users u ON u.id = e.officer_id"
	  " WHERE o.path LIKE ? ORDER BY e.id LIMIT ?" },
	{ "property", "涉案财物台账", ACT_CASE_LIST, property_cols, "property",
	  "SELECT cpy.id, k.case_no, cpy.name, cpy.quantity, cpy.seized_at, cpy.kept_at,"
	  " cpy.keeper, cpy.status, o.name AS unit_name"
	  " FROM case_property cpy JOIN police_case k ON k.id = cpy.case_id"
	  " JOIN org_unit o ON o.id = k.unit_id"
	  " WHERE o.path LIKE ? ORDER BY cpy.id LIMIT ?" },
	{ "trade_units", "特种行业台账", ACT_TRADE_LIST, trade_cols, "trade_unit", TRADE_LEDGER_SQL("trade") },
	{ "internal_units", "内部单位台账", ACT_TRADE_LIST, trade_cols, "trade_unit", TRADE_LEDGER_SQL("internal") },
};

#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

int exports_kind_valid(const char *kind)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (kind && strcmp(kinds[i].kind, kind) == 0)
			return 1;
	return 0;
}

/* "YYYY-MM-DD HH:MM" local time of an instant, "" for 0/null. */
static const char *local_time(struct ctx *c, int64_t t)
{
	int64_t days, sec;
	int y, m, d;

	if (!t)
		return "";
	days = date_local_days(t);
	date_civil_from_days(days, &y, &m, &d);
	sec = t + PS_DISPLAY_TZ_OFFSET - days * 86400;
	return arena_printf(c->arena, "%04d-%02d-%02d %02d:%02d", y, m, d, (int)(sec / 3600),
			    (int)(sec % 3600 / 60));
}

static void set_text(json_t *row, const char *key, const char *v)
{
	json_object_set_new(row, key, v ? json_string(v) : json_string(""));
}

/* Fit a row to what the file shows: labels, local times, masks. */
static void shape_row(struct ctx *c, const char *kind, json_t *row, int full)
{
	static const char *const time_keys[] = { "accepted_at", "arrived_at", "exited_at",
						 "seized_at", "kept_at", NULL };
	const char *num = row_str(row, "id_number");

	for (const char *const *k = time_keys; *k; k++)
		if (json_object_get(row, *k))
			set_text(row, *k, local_time(c, row_int(row, *k)));
	if (!full) {
		/* masked as in lists (PII-1): the birth date is digits 7-14 of
		 * the number, so it goes with it; the phone keeps 3 + 4 digits */
		if (num) {
			char masked[19];

			idcard_mask(num, masked);
			set_text(row, "id_number", masked);
		}
		if (json_object_get(row, "birth_date"))
			set_text(row, "birth_date", "");
		if (row_str(row, "phone")) {
			char m[24];

			text_mask_phone(row_str(row, "phone"), m);
			set_text(row, "phone", m);
		}
	}
	if (row_int(row, "confidential")) {
		/* PROC-ACCEPT-ANON: a confidential party stays unnamed in every
		 * export, whoever makes it (the case file shows it only to the
		 * case's own people) */
		set_text(row, "person", "（保密）");
		set_text(row, "id_number", "");
	}
	json_object_del(row, "confidential");
	if (strcmp(kind, "cases") == 0) {
		set_text(row, "status_label", flow_state_label(row_str(row, "status")));
		set_text(row, "kind", enums_label(ES_CASE_KIND, row_str(row, "kind")));
	}
	if (strcmp(kind, "custody") == 0)
		set_text(row, "room", row_str(row, "room_kind")
					      ? arena_printf(c->arena, "%s %s", enums_label(ES_ROOM_KIND, row_str(row, "room_kind")),
							     row_str(row, "room_no") ? row_str(row, "room_no") : "")
					      : "");
	if (strcmp(kind, "persons") == 0 && row_str(row, "sex"))
		set_text(row, "sex", enums_label(ES_SEX, row_str(row, "sex")));
	if (strcmp(kind, "persons") == 0)
		set_text(row, "kind", enums_label(ES_PERSON_KIND, row_str(row, "kind")));
	if (strcmp(kind, "property") == 0)
		set_text(row, "status", enums_label(ES_PROPERTY_STATUS, row_str(row, "status")));
	if (strcmp(kind, "trade_units") == 0 || strcmp(kind, "internal_units") == 0)
		set_text(row, "kind", enums_label(strcmp(kind, "trade_units") == 0 ? ES_TRADE_KIND : ES_INTERNAL_KIND,
						  row_str(row, "kind")));
}

int exports_check(struct ctx *c, const char *kind, const char *reason)
{
	size_t k, nchars;
	int rc;

	for (k = 0; k < NKINDS && strcmp(kinds[k].kind, kind ? kind : ""); k++)
		;
	if (k == NKINDS)
		return ps_fail_field(c->err, PS_EINVAL, "kind", "没有这种导出");
	nchars = reason ? utf8_chars(reason) : 0;
	if (nchars < 4 || nchars > 200) {
		ps_fail_field(c->err, PS_EINVAL, "reason", "请填写导出事由（4 至 200 个字）");
		c->err->rule = "PII-2";
		return PS_EINVAL;
	}
	/* PII-2: exporting needs its own permission, and the list it mirrors */
	rc = authz_require(c, ACT_DATA_EXPORT);
	if (!rc)
		rc = authz_require(c, kinds[k].list_act);
	return rc;
}

int exports_make(struct ctx *c, const char *kind, const char *format, const char *reason,
		 struct export_table *out)
{
	struct rows_query q;
	struct buf detail;
	json_t *rows = NULL, *row;
	const char *scope;
	size_t k, i;
	int rc, full, bad = 0;

	memset(out, 0, sizeof(*out));
	rc = exports_check(c, kind, reason);
	if (rc)
		return rc;
	for (k = 0; k < NKINDS && strcmp(kinds[k].kind, kind); k++)
		;
	full = authz_allowed(c, ACT_DATA_EXPORT_ID_FULL);
	scope = c->who.scope_path ? c->who.scope_path : c->who.unit_path;
	rows_binds(&q, c);
	rows_bind_text(&q, arena_printf(c->arena, "%s%%", scope ? scope : "/"));
	rows_bind_int(&q, EXPORTS_MAX_ROWS + 1);
	rc = rows_all(&q, kinds[k].sql, &rows);
	if (rc)
		return rc;
	if (json_array_size(rows) > EXPORTS_MAX_ROWS) {
		json_decref(rows);
		return ps_fail(c->err, PS_ECONFLICT, "EXPORT_TOO_LARGE", NULL,
			       "导出超过 %d 行，请分单位导出", EXPORTS_MAX_ROWS);
	}
	buf_init(&detail, 8192);
	/* the reason last but one: the object ids (the first 200) close the row */
	bad |= buf_addf(&detail, "rows=%zu format=%s id_numbers=%s reason=%s | ids=",
			json_array_size(rows), format ? format : "", full ? "full" : "masked",
			reason);
	json_array_foreach(rows, i, row) {
		if (i < 200)
			bad |= buf_addf(&detail, "%s%lld", i ? "," : "", (long long)row_int(row, "id"));
		shape_row(c, kind, row, full);
	}
	if (json_array_size(rows) > 200)
		bad |= buf_addf(&detail, ",…");
	if (bad) {
		buf_release(&detail);
		json_decref(rows);
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	out->detail = arena_strdup(c->arena, buf_str(&detail));
	buf_release(&detail);
	if (!out->detail) {
		json_decref(rows);
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	out->title = kinds[k].title;
	out->name = kinds[k].kind;
	out->cols = kinds[k].cols;
	out->rows = rows;
	out->full_ids = full;
	out->count = (int64_t)json_array_size(rows);
	return PS_OK;
}

int exports_audit(struct ctx *c, const struct export_table *t)
{
	size_t k;
	int rc;

	for (k = 0; k < NKINDS && strcmp(kinds[k].kind, t->name); k++)
		;
	if (k == NKINDS)
		return ps_fail_field(c->err, PS_EINVAL, "kind", "没有这种导出");
	/* the permission again, in the transaction that records the export */
	rc = authz_require(c, ACT_DATA_EXPORT);
	if (!rc)
		rc = authz_require(c, kinds[k].list_act);
	if (!rc && t->full_ids && !authz_allowed(c, ACT_DATA_EXPORT_ID_FULL))
		rc = ps_fail(c->err, PS_EFORBIDDEN, "FORBIDDEN", NULL, "无权导出完整身份证号");
	if (rc)
		return rc;
	return audit_write(c, arena_printf(c->arena, "export.%s", t->name), kinds[k].object_type,
			   NULL, "success", t->detail);
}
