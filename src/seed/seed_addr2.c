/* seed_addr2.c — the demo's figures of three 社区警务 gaps (issue 16, addr2):
 * 168: four new addresses of 城关's 西关新村 in no grid yet (未划网格), with
 *      their building types and map points, and the 包片领导 of the county:
 *      高建军 (juzhang) for 城关 now, and for 北社 from 200 days ago until
 *      30 days ago (撤销, in the history);
 * 169: one numbered 整改通知书 of 城关 (the first inspection with an open
 *      finding), so the series of the year starts at 00001. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/community/beats.h"
#include "domain/population/addresses.h"
#include "domain/trades/trade_notices.h"
#include "domain/rows.h"
#include "rules/date.h"

static int64_t station_named(struct ctx *c, const char *name, int *rc)
{
	struct rows_query q;
	int64_t id = 0;

	if (*rc)
		return 0;
	rows_binds(&q, c);
	rows_bind_text(&q, name);
	*rc = rows_int(&q, "SELECT MIN(id) FROM org_unit WHERE name = ? AND kind = 'station'", 0, &id);
	return id;
}

int seed_demo_addresses_leaders(struct ctx *c)
{
	static const struct {
		const char *building, *room, *type;
		int64_t lng_e6, lat_e6;
	} places[] = {
		{ "1号楼", "101", "scattered", 112561200, 37871500 },
		{ "1号楼", "102", "scattered", 112561300, 37871500 },
		{ "沿街", "3号", "shop", 112562100, 37870800 },
		{ "后院", "1号", "bungalow", 112563000, 37872200 },
	};
	struct rows_query q;
	json_t *out = NULL;
	int64_t id, cg, bs, juzhang = 0, la = 0;
	int rc = auth_actor_load(c, "suozhang");

	for (size_t i = 0; !rc && i < sizeof(places) / sizeof(places[0]); i++) {
		struct address_input a = { .community = "西关新村",
					   .building = places[i].building,
					   .room = places[i].room,
					   .building_type = places[i].type,
					   .has_point = 1,
					   .lng_e6 = places[i].lng_e6,
					   .lat_e6 = places[i].lat_e6 };

		rc = addresses_find_or_create(c, &a, &id);
	}
	if (!rc)
		rc = auth_actor_load(c, "juzhang");
	cg = station_named(c, "城关派出所", &rc);
	bs = station_named(c, "北社派出所", &rc);
	juzhang = c->who.user_id;
	if (!rc && cg) {
		rc = beats_leader_assign(c, cg, juzhang, &out);
		json_decref(out);
		out = NULL;
	}
	if (!rc && bs) {
		rc = beats_leader_assign(c, bs, juzhang, &out);
		json_decref(out);
		out = NULL;
	}
	if (rc || !bs)
		return rc;
	/* 北社's from 200 days ago, ended 30 days ago */
	rows_binds(&q, c);
	rows_bind_int(&q, c->now - 200 * 86400);
	rows_bind_int(&q, bs);
	rows_bind_int(&q, juzhang);
	rc = rows_exec(&q, "UPDATE leader_assignment SET assigned_at = ? WHERE station_id = ? AND user_id = ?", NULL);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, bs);
		rows_bind_int(&q, juzhang);
		rc = rows_int(&q, "SELECT MAX(id) FROM leader_assignment WHERE station_id = ? AND user_id = ?", 0, &la);
	}
	if (!rc && la) {
		rc = beats_leader_end(c, la, seed_day(c, 30), "工作分工调整，改由分管副局长包片", &out);
		json_decref(out);
	}
	return rc;
}

int seed_demo_rectification_notice(struct ctx *c)
{
	struct rows_query q;
	json_t *out = NULL;
	int64_t insp = 0;
	int rc = auth_actor_load(c, "minjing1");

	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_int(&q,
			      "SELECT MIN(i.id) FROM trade_inspection i JOIN trade_unit t ON t.id = i.unit_id"
			      " WHERE t.station_id = ? AND EXISTS (SELECT 1 FROM trade_finding f WHERE f.inspection_id = i.id"
			      " AND f.rectified_on IS NULL)",
			      0, &insp);
	}
	if (!rc && insp) {
		rc = trade_notices_rectification(c, insp, &out);
		json_decref(out);
	}
	return rc;
}

SEED_STEP(168, seed_demo_addresses_leaders);
SEED_STEP(169, seed_demo_rectification_notice);
