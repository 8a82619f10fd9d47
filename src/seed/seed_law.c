/* seed_law.c — the demo county's settings for the law on every path
 * (issue 15): the bodies its 决定书 name for 复议 and 诉讼. */
#include "seed/seed.h"
#include "domain/rows.h"

static int county_setting(struct ctx *c, const char *key, const char *value)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_text(&q, key);
	rows_bind_text(&q, value);
	rows_bind_int(&q, c->now);
	return rows_exec(&q,
			 "INSERT INTO setting(skey, unit_id, value, updated_by, updated_at)"
			 " VALUES (?, NULL, ?, NULL, ?)",
			 NULL);
}

int seed_demo_law(struct ctx *c)
{
	int rc = county_setting(c, "documents.review_organ", "示范县人民政府");

	if (!rc)
		rc = county_setting(c, "documents.litigation_court", "示范县人民法院");
	return rc;
}
