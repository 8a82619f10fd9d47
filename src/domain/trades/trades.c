/* trades.c — 特种行业 and 内部单位: the register, the list with the next
 * inspection due, one unit with its inspections and findings, and the clock
 * of the inspection cycle (COM-KEYUNIT-CHECK: the frequency is a setting per
 * kind; NBZA sets none). */
#include "domain/trades/trades.h"
#include "domain/trades/trade_changes.h"
#include "domain/trades/trade_closures.h"
#include "domain/trades/trade_findings.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "core/json.h"
#include "core/text.h"
#include "rules/catalog.h"
#include "rules/date.h"
#include "rules/trade_rules.h"

#include "core/buf.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

static int kind_valid(const char *category, const char *kind)
{
	if (!category || !kind)
		return 0;
	if (!strcmp(category, "special_trade"))
		return enums_valid(ES_SPECIAL_TRADE_KIND, kind);
	if (!strcmp(category, "internal_unit"))
		return enums_valid(ES_INTERNAL_UNIT_KIND, kind);
	return 0;
}

const char *trades_kind_label(const char *category, const char *kind)
{
	return enums_label(category && !strcmp(category, "internal_unit") ? ES_INTERNAL_UNIT_KIND : ES_SPECIAL_TRADE_KIND, kind);
}

int64_t trades_cycle_days(struct ctx *c, const char *kind, int64_t station_id)
{
	return setting_int(c, arena_printf(c->arena, "trade.cycle_days_%s", kind ? kind : ""), station_id);
}

json_t *trades_checklist(struct ctx *c, const char *kind, int64_t station_id)
{
	static const char sep[] = "；";
	const char *s = setting_text(c, arena_printf(c->arena, "trade.checklist_%s", kind ? kind : ""), station_id);
	json_t *a = json_array();

	while (a && s && *s) {
		const char *e = strstr(s, sep);
		size_t n = e ? (size_t)(e - s) : strlen(s);

		while (n && s[0] == ' ') {
			s++;
			n--;
		}
		if (n && json_array_append_new(a, json_stringn(s, n))) {
			json_decref(a);
			return NULL;
		}
		s = e ? e + sizeof(sep) - 1 : NULL;
	}
	return a;
}

static int refuse_def(struct ctx *c, const char *field, const char *msg)
{
	int rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "COM-KEYUNIT-DEF", "%s", msg);

	c->err->field = field;
	return rc;
}

/* COM-KEYUNIT-DEF (NBZA Art 13): a key unit is one the government decided,
 * in one of the article's ranges; its decision is recorded on the unit */
static int key_unit_check(struct ctx *c, const struct trade_input *in)
{
	const char *d = in->key_unit_decided_on;

	if (!in->key_unit)
		return (in->key_unit_category && *in->key_unit_category) || (in->key_unit_decision && *in->key_unit_decision)
			       ? ps_fail_field(c->err, PS_EINVAL, "key_unit", "登记重点单位的决定须同时标明为治安保卫重点单位")
			       : PS_OK;
	if (!in->key_unit_category || !enums_valid(ES_KEY_UNIT_CATEGORY, in->key_unit_category))
		return refuse_def(c, "key_unit_category", "治安保卫重点单位须写明所属范围（企业事业单位内部治安保卫条例第13条）");
	if (!in->key_unit_decision || !*in->key_unit_decision)
		return refuse_def(c, "key_unit_decision",
				  "治安保卫重点单位由县级以上人民政府确定，须登记政府的决定文号（企业事业单位内部治安保卫条例第13条）");
	if (!d || !date_valid_str(d) || strcmp(d, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, "key_unit_decided_on", "决定日期应为不晚于今天的 YYYY-MM-DD");
	return PS_OK;
}

/* A category that is neither kind of unit (the form's and the list
 * filter's). */
static int category_refused(struct ctx *c)
{
	return ps_fail_field(c->err, PS_EINVAL, "category", "类别应为 special_trade（特种行业）或 internal_unit（内部单位）");
}

int trades_create(struct ctx *c, const struct trade_input *in, json_t **out)
{
	struct rows_query q;
	int64_t id, n = 0;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_TRADE_CREATE);
	if (rc)
		return rc;
	if (!enums_valid(ES_TRADE_CATEGORY, in->category))
		return category_refused(c);
	if (!kind_valid(in->category, in->kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", !strcmp(in->category, "special_trade")
								 ? "特种行业种类不正确（旅馆、典当、废旧金属收购……）"
								 : "内部单位种类不正确（金融单位、学校、医院……）");
	if (!in->name || !*in->name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "请填写单位名称");
	if (in->licence_expires_on && *in->licence_expires_on && !date_valid_str(in->licence_expires_on))
		return ps_fail_field(c->err, PS_EINVAL, "licence_expires_on", "许可证有效期应为 YYYY-MM-DD");
	if (!c->who.station_id)
		return ps_fail(c->err, PS_EFORBIDDEN, "FORBIDDEN", NULL, "只有派出所（警务室）可以登记单位");
	rc = key_unit_check(c, in);
	if (rc)
		return rc;
	if (in->address_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->address_id);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM address WHERE id = ? AND station_id = ?", 0, &n);
		if (rc)
			return rc;
		if (!n)
			return ps_fail_field(c->err, PS_EINVAL, "address_id", "标准地址不存在或不属于本所");
	}
	rows_binds(&q, c);
	rows_bind_text(&q, in->category);
	rows_bind_text(&q, in->kind);
	rows_bind_text(&q, in->name);
	if (in->address_id)
		rows_bind_int(&q, in->address_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->licence_no);
	rows_bind_text(&q, in->licence_expires_on);
	rows_bind_text(&q, in->responsible);
	rows_bind_text(&q, in->phone);
	rows_bind_text(&q, in->security_chief);
	rows_bind_int(&q, in->security_staff);
	rows_bind_int(&q, in->key_unit ? 1 : 0);
	rows_bind_int(&q, in->cameras);
	rows_bind_int(&q, in->video_linked ? 1 : 0);
	rows_bind_int(&q, in->alarm ? 1 : 0);
	rows_bind_text(&q, in->guard_measures);
	rows_bind_text(&q, in->physical_measures);
	rows_bind_text(&q, in->key_unit ? in->key_unit_category : NULL);
	rows_bind_text(&q, in->key_unit ? in->key_unit_decision : NULL);
	rows_bind_text(&q, in->key_unit ? in->key_unit_decided_on : NULL);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO trade_unit(category, kind, name, address_id, licence_no, licence_expires_on,"
			 " responsible, phone, security_chief, security_staff, key_unit, cameras, video_linked, alarm,"
			 " guard_measures, physical_measures, key_unit_category, key_unit_decision, key_unit_decided_on,"
			 " station_id, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "trade.create", "trade_unit", arena_printf(c->arena, "%lld", (long long)id),
				 "success", in->name);
	if (rc)
		return rc;
	*out = json_pack("{s:{s:I, s:s}}", "trade_unit", "id", (json_int_t)id, "name", in->name);
	return *out ? PS_OK : NOMEM(c);
}

/* ---- edit and close ---- */

/* one text column of the patch: NULL = not given, "" = cleared */
static int set_text(struct buf *sql, struct rows_query *q, const char *col, const char *v, int *n)
{
	if (!v)
		return 0;
	rows_bind_text(q, *v ? v : NULL);
	return buf_addf(sql, "%s%s = ?", (*n)++ ? ", " : "", col);
}

static int set_int(struct buf *sql, struct rows_query *q, const char *col, int given, int64_t v, int *n)
{
	if (!given)
		return 0;
	rows_bind_int(q, v);
	return buf_addf(sql, "%s%s = ?", (*n)++ ? ", " : "", col);
}

int trades_update(struct ctx *c, int64_t id, const struct trade_patch *p, json_t **out)
{
	const struct trade_input *in = &p->in;
	struct rows_query q;
	struct buf sql;
	json_t *u;
	int64_t station, n = 0;
	int rc, cols = 0, closed, bad = 0;

	*out = NULL;
	rc = rows_check_unit(c, ACT_TRADE_CREATE,
			     "SELECT o.path FROM trade_unit t JOIN org_unit o ON o.id = t.station_id WHERE t.id = ?", id,
			     "单位不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, "SELECT station_id, closed_on FROM trade_unit WHERE id = ?", &u);
	if (rc)
		return rc;
	station = row_int(u, "station_id");
	closed = row_str(u, "closed_on") != NULL;
	json_decref(u);
	if (closed)
		return ps_fail(c->err, PS_ECONFLICT, "TRADE_CLOSED", NULL, "该单位已注销，不能再修改");
	if (in->name && !*in->name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "请填写单位名称");
	if (in->licence_expires_on && *in->licence_expires_on && !date_valid_str(in->licence_expires_on))
		return ps_fail_field(c->err, PS_EINVAL, "licence_expires_on", "许可证有效期应为 YYYY-MM-DD");
	if ((p->closed_on != NULL) != (p->close_reason != NULL))
		return ps_fail_field(c->err, PS_EINVAL, p->closed_on ? "close_reason" : "closed_on",
				     "注销须同时写明日期和原因");
	if (p->has_address && p->address_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, p->address_id);
		rows_bind_int(&q, station);
		rc = rows_int(&q, "SELECT COUNT(*) FROM address WHERE id = ? AND station_id = ?", 0, &n);
		if (rc)
			return rc;
		if (!n)
			return ps_fail_field(c->err, PS_EINVAL, "address_id", "标准地址不存在或不属于本所");
	}
	buf_init(&sql, 4096);
	bad |= buf_addf(&sql, "UPDATE trade_unit SET ");
	rows_binds(&q, c);
	bad |= set_text(&sql, &q, "name", in->name, &cols);
	if (p->has_address) {
		if (p->address_id)
			rows_bind_int(&q, p->address_id);
		else
			rows_bind_text(&q, NULL);
		bad |= buf_addf(&sql, "%saddress_id = ?", cols++ ? ", " : "");
	}
	bad |= set_text(&sql, &q, "licence_no", in->licence_no, &cols);
	bad |= set_text(&sql, &q, "licence_expires_on", in->licence_expires_on, &cols);
	bad |= set_text(&sql, &q, "responsible", in->responsible, &cols);
	bad |= set_text(&sql, &q, "phone", in->phone, &cols);
	bad |= set_text(&sql, &q, "security_chief", in->security_chief, &cols);
	bad |= set_int(&sql, &q, "security_staff", p->has_staff, in->security_staff, &cols);
	bad |= set_int(&sql, &q, "cameras", p->has_cameras, in->cameras, &cols);
	bad |= set_int(&sql, &q, "video_linked", p->has_video, in->video_linked ? 1 : 0, &cols);
	bad |= set_int(&sql, &q, "alarm", p->has_alarm, in->alarm ? 1 : 0, &cols);
	bad |= set_text(&sql, &q, "guard_measures", in->guard_measures, &cols);
	bad |= set_text(&sql, &q, "physical_measures", in->physical_measures, &cols);
	bad |= buf_addf(&sql, " WHERE id = ?");
	rows_bind_int(&q, id);
	if (bad)
		rc = NOMEM(c);
	else if (cols)
		rc = rows_exec(&q, buf_str(&sql), NULL);
	buf_release(&sql);
	if (!rc && cols)
		rc = audit_write(c, "trade.update", "trade_unit", arena_printf(c->arena, "%lld", (long long)id), "success",
				 NULL);
	if (!rc && p->closed_on)
		rc = trade_closures_close(c, id, p->closed_on, p->close_reason);
	if (!rc && !cols && !p->closed_on)
		rc = ps_fail(c->err, PS_EINVAL, "EMPTY_PATCH", NULL, "没有要修改的内容");
	return rc ? rc : trades_get(c, id, out);
}

/* The day after which the unit is due again: its last inspection (or its
 * registration) plus the kind's cycle. */
static int64_t due_day(struct ctx *c, json_t *it)
{
	const char *last = row_str(it, "last_inspected_on");
	int64_t base;
	int y, m, d;

	if (last && !date_parse(last, strlen(last), &y, &m, &d))
		base = date_days_from_civil(y, m, d);
	else
		base = date_local_days(row_int(it, "created_at"));
	return base + trades_cycle_days(c, row_str(it, "kind"), row_int(it, "station_id"));
}

static const char *day_str(struct ctx *c, int64_t day)
{
	int y, m, d;

	date_civil_from_days(day, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

#define UNIT_COLS                                                                                       \
	"SELECT t.id, t.category, t.kind, t.name, t.address_id,"                                        \
	" CASE WHEN a.id IS NULL THEN NULL ELSE a.community || a.building || a.unit_no || a.room END AS address," \
	" t.licence_no, t.licence_expires_on, t.responsible, t.phone, t.security_chief, t.security_staff,"  \
	" t.key_unit, t.cameras, t.video_linked, t.alarm, t.guard_measures, t.physical_measures,"          \
	" t.plan_on, t.last_drill_on, t.key_unit_category, t.key_unit_decision, t.key_unit_decided_on,"      \
	" t.station_id, o.name AS unit_name, t.created_at, t.closed_on, t.close_reason,"                  \
	" (SELECT MAX(i.inspected_on) FROM trade_inspection i WHERE i.unit_id = t.id) AS last_inspected_on," \
	" (SELECT COUNT(*) FROM trade_finding f WHERE f.unit_id = t.id AND f.rectified_on IS NULL) AS open_findings," \
	" (SELECT COUNT(*) FROM trade_finding f WHERE f.unit_id = t.id AND f.rectified_on IS NULL"           \
	"  AND f.deadline < ?) AS overdue_findings"                                                        \
	" FROM trade_unit t JOIN org_unit o ON o.id = t.station_id LEFT JOIN address a ON a.id = t.address_id"

int trades_list(struct ctx *c, const char *category, const char *kind, int overdue_only, json_t **out)
{
	struct rows_query q;
	json_t *rows, *items, *it, *by_kind;
	int64_t today = date_local_days(c->now), n_due = 0, n_findings = 0, n_linked = 0;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_TRADE_LIST);
	if (rc)
		return rc;
	if (category && !enums_valid(ES_TRADE_CATEGORY, category))
		return category_refused(c);
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_today_str(c));
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text_exact(&q, category ? category : "");
	rows_bind_text_exact(&q, category ? category : "");
	rows_bind_text_exact(&q, kind ? kind : "");
	rows_bind_text_exact(&q, kind ? kind : "");
	rc = rows_all(&q,
		      UNIT_COLS " WHERE o.path LIKE ? AND t.closed_on IS NULL AND (? = '' OR t.category = ?)"
				" AND (? = '' OR t.kind = ?) ORDER BY t.category DESC, t.kind, t.id",
		      &rows);
	if (rc)
		return rc;
	items = json_array();
	by_kind = json_object();
	if (!items || !by_kind) {
		json_decref(rows);
		json_decref(items);
		json_decref(by_kind);
		return NOMEM(c);
	}
	json_array_foreach(rows, i, it) {
		int64_t due = due_day(c, it);
		int overdue = today > due;
		char masked[24];
		const char *k = row_str(it, "kind");
		json_t *cnt = json_object_get(by_kind, k ? k : "");

		if (row_str(it, "phone")) {
			text_mask_phone(row_str(it, "phone"), masked);
			json_object_set_new(it, "phone", json_string(masked));
		}
		json_object_set_new(it, "kind_label", json_string(trades_kind_label(row_str(it, "category"), k)));
		json_object_set_new(it, "next_due", json_string(day_str(c, due)));
		json_object_set_new(it, "inspection_overdue", json_boolean(overdue));
		n_due += overdue;
		n_findings += row_int(it, "overdue_findings");
		n_linked += row_int(it, "video_linked");
		json_object_set_new(by_kind, k ? k : "", json_integer(json_integer_value(cnt) + 1));
		if (!overdue_only || overdue)
			json_array_append(items, it);
	}
	*out = json_pack("{s:o, s:{s:I, s:I, s:I, s:I, s:o}}", "items", items, "figures", "units",
			 (json_int_t)json_array_size(rows), "inspection_overdue", (json_int_t)n_due,
			 "overdue_findings", (json_int_t)n_findings, "video_linked", (json_int_t)n_linked, "by_kind",
			 by_kind);
	json_decref(rows);
	if (!*out)
		return NOMEM(c);
	/* AUD-1: the list names the units' responsible persons */
	rc = audit_read_items(c, "trade.list", "trade_unit", json_object_get(*out, "items"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

static json_t *finding_kinds(const char *category, const char *kind);
static json_t *change_kinds(const char *kind);

int trades_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *unit, *insp = NULL, *findings = NULL, *list = NULL, *changes = NULL;
	int64_t due;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_TRADE_READ,
			     "SELECT o.path FROM trade_unit t JOIN org_unit o ON o.id = t.station_id WHERE t.id = ?", id,
			     "单位不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_today_str(c));
	rows_bind_int(&q, id);
	rc = rows_one(&q, UNIT_COLS " WHERE t.id = ?", &unit);
	if (rc)
		return rc;
	due = due_day(c, unit);
	json_object_set_new(unit, "kind_label", json_string(trades_kind_label(row_str(unit, "category"), row_str(unit, "kind"))));
	json_object_set_new(unit, "next_due", json_string(day_str(c, due)));
	json_object_set_new(unit, "inspection_overdue",
			    json_boolean(!row_str(unit, "closed_on") && date_local_days(c->now) > due));
	json_object_set_new(unit, "cycle_days", json_integer(trades_cycle_days(c, row_str(unit, "kind"), row_int(unit, "station_id"))));
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q,
		      "SELECT i.id, i.inspected_on, i.officer_id, u.name AS officer_name, i.co_officer_id,"
		      " v.name AS co_officer_name, i.id_shown, i.items, i.notes, i.findings, i.notice_no"
		      " FROM trade_inspection i JOIN users u ON u.id = i.officer_id"
		      " LEFT JOIN users v ON v.id = i.co_officer_id WHERE i.unit_id = ?"
		      " ORDER BY i.inspected_on DESC, i.id DESC",
		      &insp);
	if (!rc) {
		json_t *it, *parsed;
		size_t i;

		json_array_foreach(insp, i, it) {
			rc = json_parse_stored(row_str(it, "items"), &parsed, c->err);
			if (rc)
				break;
			json_object_set_new(it, "items", parsed ? parsed : json_array());
		}
	}
	if (!rc)
		rc = trade_findings_of_unit(c, id, &findings);
	if (!rc)
		rc = trade_changes_of_unit(c, id, &changes);
	if (!rc) {
		list = trades_checklist(c, row_str(unit, "kind"), row_int(unit, "station_id"));
		if (!list)
			rc = NOMEM(c);
	}
	if (!rc)
		rc = audit_read(c, "trade_unit", arena_printf(c->arena, "%lld", (long long)id));
	if (!rc) {
		const char *cat = row_str(unit, "category"), *kind = row_str(unit, "kind");

		*out = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "trade_unit", unit, "inspections", insp, "findings",
				 findings, "checklist", list, "changes", changes, "finding_kinds", finding_kinds(cat, kind),
				 "change_kinds", change_kinds(cat && !strcmp(cat, "special_trade") ? kind : NULL));
		unit = insp = findings = list = changes = NULL;
		if (!*out)
			rc = NOMEM(c);
	}
	json_decref(unit);
	json_decref(insp);
	json_decref(findings);
	json_decref(list);
	json_decref(changes);
	return rc;
}

/* the finding kinds that fit a unit of category/kind, each with the offence
 * code it proposes and its rule (rules/trade_rules.h), for the forms */
static json_t *finding_kinds(const char *category, const char *kind)
{
	json_t *a = json_array();
	const char *fk;
	int i;

	for (i = 0; a && (fk = trade_finding_kind_at(i)); i++) {
		const char *want = trade_finding_unit(fk);
		enum rule_id rid = trade_finding_rule(fk);

		if (want && strcmp(want, kind ? kind : "") && strcmp(want, category ? category : ""))
			continue;
		json_array_append_new(a, json_pack("{s:s, s:s, s:s?, s:s?}", "value", fk, "label",
						   enums_label(ES_TRADE_FINDING_KIND, fk), "offence_code",
						   trade_finding_offence(fk), "rule",
						   rid == RULE_COUNT ? NULL : rule_get(rid)->code));
	}
	return a;
}

/* the registration changes a unit of kind files with the police, each with
 * its rule and period (COM-HOTEL-CHANGE, COM-SCRAP-FILE); empty for the
 * kinds the law sets no filing for */
static json_t *change_kinds(const char *kind)
{
	json_t *a = json_array();
	const char *ck;
	int i;

	for (i = 0; a && (ck = trade_change_kind_at(i)); i++) {
		enum rule_id rid = trade_change_rule(kind, ck);

		if (rid == RULE_COUNT)
			continue;
		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:i}", "value", ck, "label",
						   enums_label(ES_TRADE_CHANGE_KIND, ck), "rule", rule_get(rid)->code,
						   "days", rule_value(rid, 0)));
	}
	return a;
}

static int trade_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);

	/* [the day of the last inspection, the end of the due day) */
	int64_t due = due_day(c, r), day = due + 1, end = day * 86400 - 8 * 3600;

	day = due - trades_cycle_days(c, row_str(r, "kind"), row_int(r, "station_id"));
	clocks_add(k, r, arena_printf(c->arena, "trade:%lld:inspect", (long long)row_int(r, "id")),
		   rule_get(RULE_COM_KEYUNIT_CHECK)->code,
		   arena_printf(c->arena, "%s检查：%s", trades_kind_label(row_str(r, "category"), row_str(r, "kind")),
				row_str(r, "name")),
		   day * 86400 - 8 * 3600, end, CLOCK_DAYS, 0, NULL, "按检查周期进行治安检查并登记");
	(void)arg;
	return PS_OK;
}

int trades_clocks(struct clock_sink *k, enum clock_scope s)
{
	/* the inspection cycle is the station's work, not one officer's */
	const struct clock_scan d = {
		.station_work = 1,
		.sql = UNIT_COLS " WHERE o.path LIKE ? AND t.closed_on IS NULL ORDER BY t.id",
		.binds = "dl",
		.unit_col = "station_id",
		.title_col = "name",
		.each = trade_clock,
	};

	return clocks_scan(k, s, &d);
}

int trades_today(struct ctx *c, json_t *items)
{
	json_t *list = NULL, *it;
	size_t i;
	int rc;

	if (!authz_allowed(c, ACT_TRADE_INSPECT))
		return PS_OK;
	rc = trades_list(c, NULL, NULL, 1, &list);
	if (rc)
		return rc;
	json_array_foreach(json_object_get(list, "items"), i, it) {
		json_t *row = json_pack("{s:s, s:s, s:s, s:s, s:s}", "kind", "trade_inspection", "label",
					arena_printf(c->arena, "治安检查到期：%s", row_str(it, "name")), "detail",
					row_str(it, "kind_label") ? row_str(it, "kind_label") : "", "due_on",
					row_str(it, "next_due") ? row_str(it, "next_due") : "", "route",
					arena_printf(c->arena, "/trades/units/%lld", (long long)row_int(it, "id")));

		if (!row || json_array_append_new(items, row)) {
			json_decref(list);
			return NOMEM(c);
		}
	}
	json_decref(list);
	return PS_OK;
}
