/* exports.c — exports of personal data: the rows, their scope and masking,
 * and the audit row (see exports.h); the kinds and their columns are the
 * table of export_kinds.c. */
#include "domain/admin/exports.h"
#include "domain/team/assessment.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/rows.h"
#include "core/text.h"
#include "domain/enums.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/json.h"
#include "rules/case_flow.h"
#include "rules/date.h"
#include "rules/idcard.h"
#include "rules/measures.h"

#include <string.h>


int exports_kind_valid(const char *kind)
{
	return export_kinds_find(kind) != NULL;
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

/* The words of the 执法监督 ledgers (issue 15 part A). */
static void shape_supervision(const char *kind, json_t *row)
{
	if (strcmp(kind, "return_visits") == 0) {
		set_text(row, "role", enums_label(ES_PARTY_ROLE, row_str(row, "role")));
		set_text(row, "method", enums_label(ES_VISIT_METHOD, row_str(row, "method")));
		set_text(row, "reached", row_int(row, "reached") ? "是" : "否");
	} else if (strcmp(kind, "complaints") == 0) {
		/* the labels are static strings: taken before the row's own
		 * strings are replaced */
		int complaint = strcmp(row_str(row, "src") ? row_str(row, "src") : "", "complaint") == 0;
		const char *state = complaint ? enums_label(ES_COMPLAINT_STATUS, row_str(row, "state"))
				    : row_str(row, "state") ? enums_label(ES_APPEAL_OUTCOME, row_str(row, "state")) : "未结";
		const char *result = row_str(row, "result") ? enums_label(ES_FINDING, row_str(row, "result")) : NULL;
		const char *sub = complaint ? enums_label(ES_COMPLAINT_CHANNEL, row_str(row, "sub"))
				  : enums_label(ES_APPEAL_KIND, row_str(row, "sub"));

		set_text(row, "sub", sub);
		if (complaint && result)
			json_object_set_new(row, "state", json_sprintf("%s（%s）", state, result));
		else
			set_text(row, "state", state);
		set_text(row, "src", complaint ? "信访投诉" : "复议诉讼赔偿");
	} else if (strcmp(kind, "faults") == 0) {
		set_text(row, "source", enums_label(ES_FAULT_SOURCE, row_str(row, "source")));
		set_text(row, "part", enums_label(ES_FAULT_PART, row_str(row, "part")));
		set_text(row, "record_type", row_str(row, "record_type")
						     ? enums_label(ES_FAULT_RECORD_TYPE, row_str(row, "record_type")) : "调查中");
		set_text(row, "fault_kind", enums_label(ES_FAULT_KIND, row_str(row, "fault_kind")));
	} else if (strcmp(kind, "interferences") == 0) {
		set_text(row, "how", enums_label(ES_INTERFERE_HOW, row_str(row, "how")));
		set_text(row, "identity", row_int(row, "leader") ? "领导干部" : row_int(row, "internal") ? "内部人员" : "其他");
	}
}

/* The words of the 社区警务 ledgers (issue 16 gaps). */
static void shape_community(const char *kind, json_t *row)
{
	if (strcmp(kind, "key_persons") == 0) {
		set_text(row, "level", enums_label(ES_KEY_LEVEL, row_str(row, "level")));
		set_text(row, "status", enums_label(ES_KEY_PERSON_STATUS, row_str(row, "status")));
	} else if (strcmp(kind, "rentals") == 0) {
		set_text(row, "level", enums_label(ES_RENTAL_LEVEL, row_str(row, "level")));
	} else if (strcmp(kind, "floating") == 0) {
		set_text(row, "mode", enums_label(ES_FLOATING_MODE, row_str(row, "mode")));
		set_text(row, "layer", enums_label(ES_FLOATING_LAYER, row_str(row, "layer")));
	} else if (strcmp(kind, "hotel_guests") == 0) {
		set_text(row, "id_type", enums_label(ES_GUEST_ID_TYPE, row_str(row, "id_type")));
		set_text(row, "foreign_guest", row_int(row, "foreign_guest") ? "是" : "否");
		set_text(row, "wanted", row_int(row, "wanted_id") ? "是" : "");
		json_object_del(row, "wanted_id");
	} else if (strcmp(kind, "scrap_purchases") == 0) {
		set_text(row, "item_class", enums_label(ES_SCRAP_ITEM_CLASS, row_str(row, "item_class")));
		set_text(row, "suspicious", row_int(row, "suspicious") ? "是" : "否");
		set_text(row, "handling", row_str(row, "handling") ? enums_label(ES_SCRAP_HANDLING, row_str(row, "handling"))
					: row_str(row, "suspicious") && !strcmp(row_str(row, "suspicious"), "是") ? "待处置" : "");
	} else if (strcmp(kind, "residence_permits") == 0) {
		set_text(row, "basis", enums_label(ES_RESIDENCE_BASIS, row_str(row, "basis")));
		set_text(row, "status", enums_label(ES_RESIDENCE_PERMIT_STATUS, row_str(row, "status")));
	} else if (strcmp(kind, "seal_orders") == 0) {
		set_text(row, "seal_kind", enums_label(ES_SEAL_KIND, row_str(row, "seal_kind")));
	} else if (strcmp(kind, "pawn_tickets") == 0) {
		set_text(row, "item_class", enums_label(ES_PAWN_ITEM_CLASS, row_str(row, "item_class")));
		set_text(row, "suspicious", row_int(row, "suspicious") ? "是" : "否");
		set_text(row, "wanted", row_int(row, "wanted_id") ? "是" : "");
		json_object_del(row, "wanted_id");
	}
}

/* Fit a row to what the file shows: labels, local times, masks. */
static void shape_row(struct ctx *c, const char *kind, json_t *row, int full)
{
	static const char *const time_keys[] = { "accepted_at", "arrived_at", "exited_at", "seized_at",
						 "kept_at", "decided_at", "closed_at", "started_at", "ended_at",
						 "filed_at", "requested_at", "lent_at", "due_at", "returned_at",
						 "visited_at", "registered_at", "occurred_at", "checkin_at", "checkout_at",
						 "reported_at", NULL };
	int overdue = !strcmp(kind, "loan_ledger") && row_str(row, "status") &&
		      !strcmp(row_str(row, "status"), "lent") && row_int(row, "due_at") < c->now;
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
	shape_supervision(kind, row);
	if (strcmp(kind, "case_ledger") == 0) {
		set_text(row, "status_label", flow_state_label(row_str(row, "status")));
		set_text(row, "kind", enums_label(ES_CASE_KIND, row_str(row, "kind")));
	}
	if (strcmp(kind, "measure_ledger") == 0) {
		set_text(row, "kind", measure_kind_label(row_str(row, "kind")));
		set_text(row, "status", strcmp(row_str(row, "status") ? row_str(row, "status") : "", "active") == 0
						? "进行中" : "已结束");
	}
	if (strcmp(kind, "archive_ledger") == 0) {
		set_text(row, "place", arena_printf(c->arena, "%s %s柜 %s层 %s盒", row_str(row, "room"), row_str(row, "cabinet"),
						    row_str(row, "shelf"), row_str(row, "box")));
		set_text(row, "status", strcmp(row_str(row, "status"), "in") == 0 ? "在库" : "借出");
	}
	if (strcmp(kind, "loan_ledger") == 0) {
		static const char *const words[][2] = { { "requested", "待审批" }, { "approved", "已批准" },
							{ "rejected", "未批准" },   { "lent", "已借出" },
							{ "returned", "已归还" } };

		for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (row_str(row, "status") && !strcmp(row_str(row, "status"), words[i][0])) {
				set_text(row, "status", words[i][1]);
				break;
			}
		set_text(row, "overdue", overdue ? "是" : "");
	}
	if (strcmp(kind, "special_trades") == 0 || strcmp(kind, "internal_units") == 0)
		set_text(row, "kind", enums_label(strcmp(kind, "special_trades") == 0 ? ES_SPECIAL_TRADE_KIND : ES_INTERNAL_UNIT_KIND,
						  row_str(row, "kind")));
	shape_community(kind, row);
}

/* The total row of a ledger: the first column says 合计 and the count, the
 * summed column (if any) its sum. */
static int total_row(struct ctx *c, const struct export_kind *k, json_t *rows, json_t **out)
{
	json_t *row;
	size_t i;
	int64_t sum = 0;

	json_array_foreach(rows, i, row)
		if (k->sum_key)
			sum += row_int(row, k->sum_key);
	*out = json_object();
	if (!*out || json_object_set_new(*out, k->cols[0].key,
					 json_string(arena_printf(c->arena, "合计：%zu 条", json_array_size(rows)))))
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	if (k->sum_key)
		json_object_set_new(*out, k->sum_key, json_integer(sum));
	return PS_OK;
}

/* The rows of this month's officer assessment as the actor sees it: one
 * row per officer, figures as text ("—" when there is nothing to average). */
static int assessment_rows(struct ctx *c, json_t **out)
{
	json_t *a = NULL, *rows, *it, *figs, *v;
	const char *key;
	size_t i;
	int rc;

	*out = NULL;
	rc = assessment_get(c, "month", NULL, "officer", 0, &a);
	if (rc)
		return rc;
	rows = json_array();
	json_array_foreach(json_object_get(a, "items"), i, it) {
		json_t *row = json_pack("{s:I, s:I, s:O, s:O, s:s}", "id", (json_int_t)row_int(it, "user_id"), "rank",
					(json_int_t)row_int(it, "rank"), "name", json_object_get(it, "name"), "unit_name",
					json_object_get(it, "unit_name"), "score",
					arena_printf(c->arena, "%.1f", json_number_value(json_object_get(it, "score"))));

		figs = json_object_get(it, "figures");
		json_object_foreach(figs, key, v)
			json_object_set_new(row, key, json_string(json_is_null(v) ? "—" : arena_printf(c->arena, "%g", json_number_value(v))));
		json_array_append_new(rows, row);
	}
	json_decref(a);
	*out = rows;
	return PS_OK;
}

/* A ledger of one kind of its rows (sub_kind, e.g. 旅馆 of 特种行业): only
 * where the table names its enum set, and a value of it. */
static int sub_check(struct ctx *c, const struct export_kind *k, const char *sub)
{
	if (!sub || !*sub)
		return PS_OK;
	if (!k->sub_set)
		return ps_fail_field(c->err, PS_EINVAL, "sub_kind", "该台账不分类别");
	if (!enums_valid((enum enum_set)(k->sub_set - 1), sub))
		return ps_fail_field(c->err, PS_EINVAL, "sub_kind", "类别不正确");
	return PS_OK;
}

/* Keep the rows of that kind only (before shape_row puts the kind's words). */
static void sub_keep(json_t *rows, const char *sub)
{
	size_t i = 0;

	if (!sub || !*sub)
		return;
	while (i < json_array_size(rows)) {
		const char *v = row_str(json_array_get(rows, i), "kind");

		if (v && strcmp(v, sub) == 0)
			i++;
		else
			json_array_remove(rows, i);
	}
}

/* The title of the ledger, with the kind when it is one kind's. */
static const char *sub_title(struct ctx *c, const struct export_kind *k, const char *sub)
{
	if (!sub || !*sub)
		return k->title;
	return arena_printf(c->arena, "%s%s", enums_label((enum enum_set)(k->sub_set - 1), sub),
			    k->sub_suffix);
}

int exports_check(struct ctx *c, const char *kind, const char *sub, const char *reason)
{
	const struct export_kind *k = export_kinds_find(kind);
	size_t nchars;
	int rc;

	if (!k)
		return ps_fail_field(c->err, PS_EINVAL, "kind", "没有这种导出");
	rc = sub_check(c, k, sub);
	if (rc)
		return rc;
	nchars = reason ? utf8_chars(reason) : 0;
	if (nchars < 4 || nchars > 200) {
		ps_fail_field(c->err, PS_EINVAL, "reason", "请填写导出事由（4 至 200 个字）");
		c->err->rule = "PII-2";
		return PS_EINVAL;
	}
	/* PII-2: exporting needs its own permission, and the list it mirrors */
	rc = authz_require(c, k->export_act);
	if (!rc)
		rc = authz_require(c, k->list_act);
	return rc;
}

int exports_make(struct ctx *c, const char *kind, const char *sub, const char *format, const char *reason,
		 struct export_table *out)
{
	struct rows_query q;
	struct buf detail;
	json_t *rows = NULL, *row;
	const char *scope;
	const struct export_kind *k;
	size_t i;
	int rc, full, bad = 0;

	memset(out, 0, sizeof(*out));
	rc = exports_check(c, kind, sub, reason);
	if (rc)
		return rc;
	k = export_kinds_find(kind);
	full = authz_allowed(c, ACT_DATA_EXPORT_ID_FULL);
	scope = c->who.scope_path ? c->who.scope_path : c->who.unit_path;
	if (k->sql) {
		rows_binds(&q, c);
		rows_bind_text(&q, arena_printf(c->arena, "%s%%", scope ? scope : "/"));
		rows_bind_int(&q, EXPORTS_MAX_ROWS + 1);
		rc = rows_all(&q, k->sql, &rows);
	} else {
		rc = assessment_rows(c, &rows);
	}
	if (rc)
		return rc;
	sub_keep(rows, sub);
	if (json_array_size(rows) > EXPORTS_MAX_ROWS) {
		json_decref(rows);
		return ps_fail(c->err, PS_ECONFLICT, "EXPORT_TOO_LARGE", NULL,
			       "导出超过 %d 行，请分单位导出", EXPORTS_MAX_ROWS);
	}
	buf_init(&detail, 8192);
	/* the reason last but one: the object ids (the first 200) close the row */
	bad |= buf_addf(&detail, "rows=%zu format=%s id_numbers=%s%s%s reason=%s | ids=",
			json_array_size(rows), format ? format : "", full ? "full" : "masked",
			sub && *sub ? " sub_kind=" : "", sub && *sub ? sub : "", reason);
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
	out->title = sub_title(c, k, sub);
	out->name = k->kind;
	out->cols = k->cols;
	out->rows = rows;
	out->full_ids = full;
	out->count = (int64_t)json_array_size(rows);
	if (k->ledger) {
		out->ledger = 1;
		out->header = arena_printf(c->arena, "%s%s", c->who.unit_name ? c->who.unit_name : "", out->title);
		rc = total_row(c, k, rows, &out->total);
		if (rc) {
			json_decref(rows);
			out->rows = NULL;
			return rc;
		}
	}
	return PS_OK;
}

int exports_ledger(struct ctx *c, const char *kind, const char *sub, json_t **out)
{
	struct rows_query q;
	json_t *rows = NULL, *row, *cols, *total = NULL;
	const struct export_kind *k = export_kinds_find(kind);
	size_t i;
	int rc;

	*out = NULL;
	if (!k || !k->ledger)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "没有这种台账");
	/* a ledger page is the list it mirrors: its permission, masked as lists are */
	rc = authz_require(c, k->list_act);
	if (!rc)
		rc = sub_check(c, k, sub);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_int(&q, EXPORTS_MAX_ROWS + 1);
	rc = rows_all(&q, k->sql, &rows);
	if (rc)
		return rc;
	sub_keep(rows, sub);
	json_array_foreach(rows, i, row)
		shape_row(c, kind, row, 0);
	rc = total_row(c, k, rows, &total);
	if (!rc)
		rc = audit_read_items(c, arena_printf(c->arena, "ledger.%s", kind), k->object_type, rows, "id");
	if (rc) {
		json_decref(rows);
		json_decref(total);
		return rc;
	}
	cols = json_array();
	for (const struct export_col *cc = k->cols; cols && cc->key; cc++)
		json_array_append_new(cols, json_pack("{s:s, s:s}", "key", cc->key, "title", cc->title));
	*out = json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:I}", "kind", k->kind, "title", sub_title(c, k, sub),
			 "header", arena_printf(c->arena, "%s%s", c->who.unit_name ? c->who.unit_name : "", sub_title(c, k, sub)),
			 "columns", cols ? cols : json_array(), "items", rows, "total_row", total, "total",
			 (json_int_t)json_array_size(rows));
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int exports_audit(struct ctx *c, const struct export_table *t)
{
	const struct export_kind *k = export_kinds_find(t->name);
	int rc;

	if (!k)
		return ps_fail_field(c->err, PS_EINVAL, "kind", "没有这种导出");
	/* the permission again, in the transaction that records the export */
	rc = authz_require(c, k->export_act);
	if (!rc)
		rc = authz_require(c, k->list_act);
	if (!rc && t->full_ids && !authz_allowed(c, ACT_DATA_EXPORT_ID_FULL))
		rc = ps_fail(c->err, PS_EFORBIDDEN, "FORBIDDEN", NULL, "无权导出完整身份证号");
	if (rc)
		return rc;
	return audit_write(c, arena_printf(c->arena, "export.%s", t->name), k->object_type,
			   NULL, "success", t->detail);
}
