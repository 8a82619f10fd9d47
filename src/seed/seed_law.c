/* seed_law.c — the demo county's settings for the law on every path
 * (issue 15): the bodies its 决定书 name for 复议 and 诉讼, and the areas of
 * two stations (the communities and villages they answer for). */
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

static int station_setting(struct ctx *c, const char *station, const char *key, const char *value)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_text(&q, key);
	rows_bind_text(&q, value);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, station);
	return rows_exec(&q,
			 "INSERT INTO setting(skey, unit_id, value, updated_by, updated_at)"
			 " SELECT ?, id, ?, NULL, ? FROM org_unit WHERE name = ? AND kind = 'station'",
			 NULL);
}

int seed_demo_law(struct ctx *c)
{
	int rc = county_setting(c, "documents.review_organ", "示范县人民政府");

	if (!rc)
		rc = county_setting(c, "documents.litigation_court", "示范县人民法院");
	/* SUP-JURIS-ADM: besides the communities of its registered addresses */
	if (!rc)
		rc = station_setting(c, "城关派出所", "station.area",
				     "东街社区,西街社区,北关村,南关小区,幸福小区,人民路社区,解放路社区");
	if (!rc)
		rc = station_setting(c, "北社派出所", "station.area", "北社村,北社乡");
	return rc;
}
