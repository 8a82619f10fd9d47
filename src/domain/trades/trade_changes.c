/* trade_changes.c — registration changes of special trades and their
 * filing with the police (COM-HOTEL-CHANGE, COM-SCRAP-FILE). */
#include "domain/trades/trade_changes.h"
#include "domain/trades/trade_closures.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"
#include "rules/trade_rules.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

#define CHANGE_COLS                                                                                   \
	"SELECT ch.id, ch.unit_id, ch.kind, ch.changed_on, ch.filed_on, ch.notes, t.name AS unit_name,"  \
	" t.kind AS unit_kind, t.station_id, o.name AS station_name FROM trade_change ch"                \
	" JOIN trade_unit t ON t.id = ch.unit_id JOIN org_unit o ON o.id = t.station_id"

static int64_t days_of(const char *s)
{
	int y, m, d;

	if (!s || date_parse(s, strlen(s), &y, &m, &d))
		return 0;
	return date_days_from_civil(y, m, d);
}

static const char *ymd(struct ctx *c, int64_t days)
{
	int y, m, d;

	date_civil_from_days(days, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

/* the end (exclusive) of the filing period of change r, or 0 when none */
static int64_t deadline_of(const struct calendar *cal, json_t *r)
{
	enum rule_id id = trade_change_rule(row_str(r, "unit_kind"), row_str(r, "kind"));
	int64_t day = days_of(row_str(r, "changed_on"));

	if (id == RULE_COUNT || !day)
		return 0;
	return rule_deadline(cal, id, 0, date_local_midnight(day));
}

/* kind_label, rule, due_on, overdue, filed_late on each row */
static void shape(struct ctx *c, const struct calendar *cal, json_t *rows)
{
	int64_t today = date_local_days(c->now);
	json_t *r;
	size_t i;

	json_array_foreach(rows, i, r) {
		enum rule_id id = trade_change_rule(row_str(r, "unit_kind"), row_str(r, "kind"));
		int64_t end = deadline_of(cal, r), last = end ? date_local_days(end - 1) : 0;
		int64_t filed = days_of(row_str(r, "filed_on"));

		json_object_set_new(r, "kind_label", json_string(enums_label(ES_TRADE_CHANGE_KIND, row_str(r, "kind"))));
		json_object_set_new(r, "rule", id == RULE_COUNT ? json_null() : json_string(rule_get(id)->code));
		json_object_set_new(r, "due_on", last ? json_string(ymd(c, last)) : json_null());
		json_object_set_new(r, "overdue", json_boolean(last && !filed && today > last));
		json_object_set_new(r, "filed_late", json_boolean(last && filed && filed > last));
	}
}

int trade_changes_of_unit(struct ctx *c, int64_t unit_id, json_t **out)
{
	struct rows_query q;
	struct calendar cal;
	int rc;

	*out = NULL;
	rc = clocks_calendar(c, &cal);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, unit_id);
	rc = rows_all(&q, CHANGE_COLS " WHERE ch.unit_id = ? ORDER BY ch.changed_on DESC, ch.id DESC", out);
	if (!rc)
		shape(c, &cal, *out);
	return rc;
}

/* {"change": the row of change_id, "changes": the unit's} */
static int answer(struct ctx *c, int64_t unit_id, int64_t change_id, json_t **out)
{
	json_t *list, *it, *one = NULL;
	size_t i;
	int rc = trade_changes_of_unit(c, unit_id, &list);

	if (rc)
		return rc;
	json_array_foreach(list, i, it)
		if (row_int(it, "id") == change_id)
			one = it;
	*out = json_pack("{s:O?, s:o}", "change", one, "changes", list);
	return *out ? PS_OK : NOMEM(c);
}

static int check_filed(struct ctx *c, const char *filed_on, const char *changed_on)
{
	if (!date_valid_str(filed_on))
		return ps_fail_field(c->err, PS_EINVAL, "filed_on", "备案日期应为 YYYY-MM-DD");
	if (strcmp(filed_on, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, "filed_on", "备案日期不能晚于今天");
	if (strcmp(filed_on, changed_on) < 0)
		return ps_fail_field(c->err, PS_EINVAL, "filed_on", "备案日期不能早于变更（取得营业执照）日期");
	return PS_OK;
}

int trade_changes_create(struct ctx *c, int64_t unit_id, const char *kind, const char *changed_on,
			 const char *filed_on, const char *notes, json_t **out)
{
	struct rows_query q;
	json_t *u;
	int64_t id;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_TRADE_CREATE,
			     "SELECT o.path FROM trade_unit t JOIN org_unit o ON o.id = t.station_id WHERE t.id = ?",
			     unit_id, "单位不存在");
	if (rc)
		return rc;
	if (!kind || !enums_valid(ES_TRADE_CHANGE_KIND, kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "变更种类不正确（歇业、转业、合并、迁移、改变名称……）");
	rows_binds(&q, c);
	rows_bind_int(&q, unit_id);
	rc = rows_one(&q, "SELECT kind, closed_on FROM trade_unit WHERE id = ?", &u);
	if (rc)
		return rc;
	if (row_str(u, "closed_on"))
		rc = ps_fail(c->err, PS_ECONFLICT, "TRADE_CLOSED", NULL, "该单位已注销，不能再登记变更");
	else if (trade_change_rule(row_str(u, "kind"), kind) == RULE_COUNT)
		rc = ps_fail_field(c->err, PS_EINVAL, "kind",
				   !strcmp(kind, "licence") ? "只有废旧金属收购业须在取得营业执照后备案（旅馆开业依许可办理）"
							    : "只有旅馆业和废旧金属收购业的变更须向公安机关备案");
	json_decref(u);
	if (rc)
		return rc;
	if (!date_valid_str(changed_on))
		return ps_fail_field(c->err, PS_EINVAL, "changed_on", "变更日期应为 YYYY-MM-DD");
	if (strcmp(changed_on, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, "changed_on", "变更日期不能晚于今天");
	if (filed_on && *filed_on) {
		rc = check_filed(c, filed_on, changed_on);
		if (rc)
			return rc;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, unit_id);
	rows_bind_text(&q, kind);
	rows_bind_text(&q, changed_on);
	rows_bind_text(&q, filed_on && *filed_on ? filed_on : NULL);
	rows_bind_text(&q, notes && *notes ? notes : NULL);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO trade_change(unit_id, kind, changed_on, filed_on, notes, created_by, created_at)"
			 " VALUES (?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "trade.change", "trade_unit", arena_printf(c->arena, "%lld", (long long)unit_id),
				 "success", arena_printf(c->arena, "%s %s", enums_label(ES_TRADE_CHANGE_KIND, kind), changed_on));
	/* 歇业: the unit closes on that day (its filings stay due: the duty to
	 * file a change does not end with the business) */
	if (!rc && !strcmp(kind, "close"))
		rc = trade_closures_close(c, unit_id, changed_on, enums_label(ES_TRADE_CHANGE_KIND, kind));
	return rc ? rc : answer(c, unit_id, id, out);
}

int trade_changes_file(struct ctx *c, int64_t unit_id, int64_t change_id, const char *filed_on, json_t **out)
{
	struct rows_query q;
	json_t *ch;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_TRADE_CREATE,
			     "SELECT o.path FROM trade_unit t JOIN org_unit o ON o.id = t.station_id WHERE t.id = ?",
			     unit_id, "单位不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, change_id);
	rows_bind_int(&q, unit_id);
	rc = rows_one(&q, "SELECT changed_on, filed_on FROM trade_change WHERE id = ? AND unit_id = ?", &ch);
	if (rc == PS_ENOTFOUND)
		return ps_fail_field(c->err, PS_EINVAL, "change_id", "该单位没有这条变更记录");
	if (rc)
		return rc;
	if (row_str(ch, "filed_on"))
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_FILED", NULL, "该变更已于 %s 备案", row_str(ch, "filed_on"));
	else
		rc = check_filed(c, filed_on, row_str(ch, "changed_on"));
	json_decref(ch);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, filed_on);
	rows_bind_int(&q, change_id);
	rc = rows_exec(&q, "UPDATE trade_change SET filed_on = ? WHERE id = ? AND filed_on IS NULL", &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_FILED", NULL, "该变更已备案");
	if (!rc)
		rc = audit_write(c, "trade.change_file", "trade_unit", arena_printf(c->arena, "%lld", (long long)unit_id),
				 "success", filed_on);
	return rc ? rc : answer(c, unit_id, change_id, out);
}

static int change_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	enum rule_id id = trade_change_rule(row_str(r, "unit_kind"), row_str(r, "kind"));
	int64_t end = deadline_of(clocks_sink_calendar(k), r);

	(void)arg;
	if (!end)
		return PS_OK;
	clocks_add(k, r, arena_printf(c->arena, "trade_change:%lld:file", (long long)row_int(r, "id")),
		   rule_get(id)->code,
		   arena_printf(c->arena, "变更备案：%s（%s）", row_str(r, "unit_name"),
				enums_label(ES_TRADE_CHANGE_KIND, row_str(r, "kind"))),
		   date_local_midnight(days_of(row_str(r, "changed_on"))), end, CLOCK_DAYS, 0, NULL,
		   "督促单位向公安机关办理备案并登记备案日期");
	return PS_OK;
}

int trade_changes_clocks(struct clock_sink *k, enum clock_scope s)
{
	const struct clock_scan d = {
		.station_work = 1,
		.sql = CHANGE_COLS " WHERE ch.filed_on IS NULL AND o.path LIKE ? ORDER BY ch.id",
		.binds = "l",
		.unit_col = "station_id",
		.unit_name_col = "station_name",
		.title_col = "unit_name",
		.each = change_clock,
	};

	return clocks_scan(k, s, &d);
}

int trade_changes_today(struct ctx *c, json_t *items)
{
	struct rows_query q;
	struct calendar cal;
	json_t *rows, *r;
	size_t i;
	int rc;

	if (!authz_allowed(c, ACT_TRADE_CREATE) || !c->who.station_id)
		return PS_OK;
	rc = clocks_calendar(c, &cal);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q, CHANGE_COLS " WHERE ch.filed_on IS NULL AND o.path LIKE ? ORDER BY ch.id",
		      &rows);
	if (rc)
		return rc;
	shape(c, &cal, rows);
	json_array_foreach(rows, i, r) {
		json_t *row;

		if (!row_str(r, "due_on"))
			continue;
		row = json_pack("{s:s, s:s, s:s, s:s, s:s}", "kind", "trade_change", "label",
				arena_printf(c->arena, json_is_true(json_object_get(r, "overdue")) ? "变更逾期未备案：%s"
												 : "变更待备案：%s",
					     row_str(r, "unit_name")),
				"detail", arena_printf(c->arena, "%s %s", row_str(r, "kind_label"), row_str(r, "changed_on")),
				"due_on", row_str(r, "due_on"), "route",
				arena_printf(c->arena, "/trades/units/%lld", (long long)row_int(r, "unit_id")));
		if (!row || json_array_append_new(items, row)) {
			rc = NOMEM(c);
			break;
		}
	}
	json_decref(rows);
	return rc;
}
