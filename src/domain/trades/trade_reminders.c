/* trade_reminders.c — licence expiry (COM-TRADE-LICENCE) and the drill of a
 * key unit's emergency plan (COM-KEYUNIT-SETUP). */
#include "domain/trades/trade_reminders.h"
#include "domain/trades/trades.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

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

/* the day the next drill is due: the last drill (else the plan, else the
 * registration) + trade.drill_months */
static int64_t drill_due(struct ctx *c, json_t *r)
{
	int64_t base = days_of(row_str(r, "last_drill_on"));
	int y, m, d, months = (int)setting_int(c, "trade.drill_months", row_int(r, "station_id"));

	if (!base)
		base = days_of(row_str(r, "plan_on"));
	if (!base)
		base = date_local_days(row_int(r, "created_at"));
	date_civil_from_days(base, &y, &m, &d);
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	if (d > 28)
		d = 28; /* a month's end: the 28th is in every month */
	return date_days_from_civil(y, m, d);
}

int trade_reminders_drill(struct ctx *c, int64_t unit_id, const char *plan_on, const char *drilled_on,
			  json_t **out)
{
	struct rows_query q;
	int64_t key = 0, today = date_local_days(c->now);
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_TRADE_INSPECT,
			     "SELECT o.path FROM trade_unit t JOIN org_unit o ON o.id = t.station_id WHERE t.id = ?", unit_id,
			     "单位不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, unit_id);
	rc = rows_int(&q, "SELECT key_unit FROM trade_unit WHERE id = ?", 0, &key);
	if (!rc && !key)
		rc = ps_fail(c->err, PS_ECONFLICT, "NOT_KEY_UNIT", "COM-KEYUNIT-SETUP",
			     "只有治安保卫重点单位登记应急预案演练");
	if (rc)
		return rc;
	if (!drilled_on || !days_of(drilled_on) || days_of(drilled_on) > today)
		return ps_fail_field(c->err, PS_EINVAL, "drilled_on", "演练日期不正确（不能晚于今天）");
	if (plan_on && *plan_on && (!days_of(plan_on) || days_of(plan_on) > days_of(drilled_on)))
		return ps_fail_field(c->err, PS_EINVAL, "plan_on", "预案日期不正确（不能晚于演练日期）");
	rows_binds(&q, c);
	rows_bind_text(&q, plan_on);
	rows_bind_text(&q, drilled_on);
	rows_bind_text(&q, drilled_on);
	rows_bind_int(&q, unit_id);
	rc = rows_exec(&q,
		       "UPDATE trade_unit SET plan_on = COALESCE(?, plan_on), last_drill_on = CASE WHEN last_drill_on IS NULL"
		       " OR last_drill_on < ? THEN ? ELSE last_drill_on END WHERE id = ?",
		       NULL);
	if (!rc)
		rc = audit_write(c, "trade.drill", "trade_unit", arena_printf(c->arena, "%lld", (long long)unit_id),
				 "success", drilled_on);
	return rc ? rc : trades_get(c, unit_id, out);
}

/* mine (the officer of a SCOPE_MINE board) plays no part: the station's work */
static int open_units(struct ctx *c, const char *like, int64_t mine, json_t **rows)
{
	struct rows_query q;

	(void)mine;
	rows_binds(&q, c);
	rows_bind_text(&q, like);
	return rows_all(&q,
			"SELECT t.id, t.name, t.category, t.kind, t.key_unit, t.licence_no, t.licence_expires_on, t.plan_on,"
			" t.last_drill_on, t.station_id, t.created_at, o.name AS unit_name FROM trade_unit t"
			" JOIN org_unit o ON o.id = t.station_id WHERE o.path LIKE ? AND t.closed_on IS NULL"
			" AND (t.licence_expires_on IS NOT NULL OR t.key_unit = 1) ORDER BY t.id",
			rows);
}

static int trade_reminder_clocks(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	int64_t id = row_int(r, "id"), exp = days_of(row_str(r, "licence_expires_on"));

	/* the licence: from warn days before its expiry to the end of its last day */
	if (exp) {
		int64_t warn = setting_int(c, "trade.licence_warn_days", row_int(r, "station_id"));

		clocks_add(k, r, arena_printf(c->arena, "trade:%lld:licence:%s", (long long)id, ymd(c, exp)),
			   rule_get(RULE_COM_TRADE_LICENCE)->code,
			   arena_printf(c->arena, "许可证到期：%s", row_str(r, "name")), date_local_midnight(exp - warn),
			   date_local_midnight(exp + 1), CLOCK_DAYS, 0, NULL, "督促换证或登记歇业、变更");
	}
	/* the key unit's drill */
	if (row_int(r, "key_unit")) {
		int64_t due = drill_due(c, r), base = days_of(row_str(r, "last_drill_on"));

		if (!base)
			base = days_of(row_str(r, "plan_on"));
		if (!base)
			base = date_local_days(row_int(r, "created_at"));
		clocks_add(k, r, arena_printf(c->arena, "trade:%lld:drill:%s", (long long)id, ymd(c, base)),
			   rule_get(RULE_COM_KEYUNIT_SETUP)->code,
			   arena_printf(c->arena, "应急预案演练：%s", row_str(r, "name")), date_local_midnight(base),
			   date_local_midnight(due + 1), CLOCK_DAYS, 0, NULL, "指导单位组织应急预案演练并登记");
	}
	(void)arg;
	return PS_OK;
}

int trade_reminders_clocks(struct clock_sink *k, enum clock_scope s)
{
	const struct clock_scan d = {
		.station_work = 1,
		.rows = open_units,
		.unit_col = "station_id",
		.title_col = "name",
		.each = trade_reminder_clocks,
	};

	return clocks_scan(k, s, &d);
}

static int add_row(struct ctx *c, json_t *items, const char *kind, const char *label, const char *detail,
		   int64_t due, int64_t id)
{
	json_t *row = json_pack("{s:s, s:s, s:s, s:s, s:s}", "kind", kind, "label", label, "detail", detail, "due_on",
				ymd(c, due), "route", arena_printf(c->arena, "/trades/units/%lld", (long long)id));

	if (!row || json_array_append_new(items, row))
		return NOMEM(c);
	return PS_OK;
}

int trade_reminders_today(struct ctx *c, json_t *items)
{
	json_t *rows, *r;
	int64_t today = date_local_days(c->now);
	size_t i;
	int rc;

	if (!authz_allowed(c, ACT_TRADE_INSPECT) || !c->who.station_id)
		return PS_OK;
	rc = open_units(c, ctx_scope_like(c), 0, &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		int64_t exp = days_of(row_str(r, "licence_expires_on"));
		int64_t warn = setting_int(c, "trade.licence_warn_days", row_int(r, "station_id"));

		if (exp && exp - warn <= today)
			rc = add_row(c, items, "trade_licence",
				     arena_printf(c->arena, exp < today ? "许可证已过期：%s" : "许可证即将到期：%s",
						  row_str(r, "name")),
				     row_str(r, "licence_no") ? row_str(r, "licence_no") : "", exp, row_int(r, "id"));
		if (!rc && row_int(r, "key_unit")) {
			int64_t due = drill_due(c, r);

			if (due - 30 <= today)
				rc = add_row(c, items, "trade_drill", arena_printf(c->arena, "应急预案演练到期：%s", row_str(r, "name")),
					     row_str(r, "last_drill_on") ? arena_printf(c->arena, "上次演练 %s", row_str(r, "last_drill_on"))
									  : "未登记演练",
					     due, row_int(r, "id"));
		}
		if (rc)
			break;
	}
	json_decref(rows);
	return rc;
}
