/* trade_closures.c — a unit of the trade register closed (注销, 歇业) on its
 * day with its reason: by PATCH /trade-units/{id} (trades.c) and by a 歇业
 * change (trade_changes.c). */
#include "domain/trades/trade_closures.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <string.h>

int trade_closures_close(struct ctx *c, int64_t id, const char *closed_on, const char *reason)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	if (!closed_on || !date_valid_str(closed_on))
		return ps_fail_field(c->err, PS_EINVAL, "closed_on", "注销（歇业）日期应为 YYYY-MM-DD");
	if (strcmp(closed_on, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, "closed_on", "注销（歇业）日期不能晚于今天");
	if (!reason || !*reason)
		return ps_fail_field(c->err, PS_EINVAL, "close_reason", "请写明注销原因（歇业、转业、吊销许可……）");
	rows_binds(&q, c);
	rows_bind_text(&q, closed_on);
	rows_bind_text(&q, reason);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE trade_unit SET closed_on = ?, close_reason = ? WHERE id = ? AND closed_on IS NULL", &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "TRADE_CLOSED", NULL, "该单位已注销");
	if (!rc)
		rc = audit_write(c, "trade.close", "trade_unit", arena_printf(c->arena, "%lld", (long long)id), "success",
				 arena_printf(c->arena, "%s %s", closed_on, reason));
	return rc;
}
