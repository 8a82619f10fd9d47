/* seed_trade_rules.c — the demo's registration changes filed with the
 * police (issue 16 gaps, trades8): 悦来客栈 renamed 40 days ago and filed a
 * week late (COM-HOTEL-CHANGE: 3 days), then moved 10 days ago and not yet
 * filed (on the 预警 board); 城关废旧金属回收站 changed its legal
 * representative 25 days ago and has not filed it (COM-SCRAP-FILE: 15
 * days). The internal
 * units' hazards past their deadline (COM-KEYUNIT-PEN) are seed_trades.c's
 * 城关信用社 and 城关加油站. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/rows.h"
#include "domain/trades/trade_changes.h"
#include "rules/date.h"

static int64_t unit_named(struct ctx *c, const char *name, int *rc)
{
	struct rows_query q;
	int64_t id = 0;

	if (*rc)
		return 0;
	rows_binds(&q, c);
	rows_bind_text(&q, name);
	*rc = rows_int(&q, "SELECT MIN(id) FROM trade_unit WHERE name = ?", 0, &id);
	return id;
}

int seed_demo_trade_changes(struct ctx *c)
{
	json_t *out = NULL;
	int rc = auth_actor_load(c, "minjing1");
	int64_t inn = unit_named(c, "悦来客栈", &rc), scrap = unit_named(c, "城关废旧金属回收站", &rc);

	if (!rc && inn) {
		rc = trade_changes_create(c, inn, "rename", seed_day(c, 40), seed_day(c, 33), "原名“悦来旅社”", &out);
		json_decref(out);
		out = NULL;
	}
	if (!rc && inn) {
		rc = trade_changes_create(c, inn, "move", seed_day(c, 10), NULL, "迁至东街88号", &out);
		json_decref(out);
		out = NULL;
	}
	if (!rc && scrap) {
		rc = trade_changes_create(c, scrap, "other_change", seed_day(c, 25), NULL, "法定代表人变更为郭敏", &out);
		json_decref(out);
	}
	return rc;
}

SEED_STEP(165, seed_demo_trade_changes);
