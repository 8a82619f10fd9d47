/* seed_dispatch.c — the demo's 指挥调度 figures (issue 17, part 3): who went
 * out to the four weeks of history (the station's officers and its car,
 * arriving when the incident says), 北社 counted as 城郊, and three
 * incidents two days old at 城关 and 北社 that should have become cases and
 * did not (有警无案 for the 督察). Today's dispatches not yet signed for
 * (seed_incidents.c) escalate on their own after the setting's minutes. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/admin/users.h"
#include "domain/incidents/incidents.h"
#include "domain/incidents/incident_steps.h"
#include "domain/rows.h"

#include <string.h>

/* The demo's 出警人员, 城郊 station and 有警无案 (seed_dispatch.c, issue 17). */
SEED_STEP(110, seed_demo_dispatch);
int seed_demo_dispatch(struct ctx *c)
{
	static const struct {
		const char *station, *place, *category, *summary;
		int64_t hours_ago;
	} unfiled[] = {
		{ "城关派出所", "城关派出所辖区东关村东关路6号", "0201", "报警人称电动车在楼下被盗", 50 },
		{ "城关派出所", "城关派出所辖区迎宾路棋牌室", "0204", "群众举报棋牌室内有人聚众赌博", 30 },
		{ "北社派出所", "北社派出所辖区北社村南街", "0202", "两村民因琐事互殴，一人面部受伤", 70 },
	};
	struct rows_query q;
	int rc;

	/* 出警人员 of the history: the station's officers and its car */
	rows_binds(&q, c);
	rc = rows_exec(&q,
		       "INSERT INTO incident_officer(incident_id, user_id, arrived_at)"
		       " SELECT i.id, u.id, i.arrived_at FROM incident i JOIN users u ON u.unit_id = i.station_id"
		       " WHERE i.status = 'closed' AND i.arrived_at IS NOT NULL AND u.role = 'officer'"
		       " ON CONFLICT (incident_id, user_id) DO NOTHING",
		       NULL);
	if (!rc) {
		rows_binds(&q, c);
		rc = rows_exec(&q,
			       "INSERT INTO incident_vehicle(incident_id, plate, arrived_at)"
			       " SELECT i.id, o.name || '1号警车', i.arrived_at FROM incident i"
			       " JOIN org_unit o ON o.id = i.station_id"
			       " WHERE i.status = 'closed' AND i.arrived_at IS NOT NULL AND i.priority <= 2"
			       " ON CONFLICT (incident_id, plate) DO NOTHING",
			       NULL);
	}
	/* 北社 lies outside the town: its arrival target is the 城郊 one */
	if (!rc) {
		int64_t bs = 0, admin = 0;

		rows_binds(&q, c);
		rows_bind_text(&q, "北社派出所");
		rc = rows_int(&q, "SELECT id FROM org_unit WHERE name = ?", 0, &bs);
		if (!rc)
			rc = users_find_id(c, "admin", &admin);
		if (!rc && bs) {
			rows_binds(&q, c);
			rows_bind_int(&q, bs);
			rows_bind_int(&q, admin);
			rows_bind_int(&q, c->now);
			rc = rows_exec(&q,
				       "INSERT INTO setting(skey, unit_id, value, updated_by, updated_at)"
				       " VALUES ('incident.suburban', ?, 'true', ?, ?)",
				       NULL);
		}
	}
	/* 有警无案: reported two or three days ago, on the scene, no case */
	for (size_t i = 0; i < sizeof(unfiled) / sizeof(unfiled[0]) && !rc; i++) {
		struct incident_input in = { 0 };
		json_t *out = NULL;
		int64_t id, station = 0;

		rc = auth_actor_load(c, "jiejing");
		if (!rc) {
			rows_binds(&q, c);
			rows_bind_text(&q, unfiled[i].station);
			rc = rows_int(&q, "SELECT id FROM org_unit WHERE name = ?", 0, &station);
		}
		if (rc)
			break;
		in.source = "110";
		in.caller_phone = "13800138001";
		in.place = unfiled[i].place;
		in.category = unfiled[i].category;
		in.summary = unfiled[i].summary;
		in.priority = 2;
		in.not_duplicate = 1;
		in.station_id = station;
		in.received_at = c->now - unfiled[i].hours_ago * 3600;
		in.has_received = 1;
		rc = incidents_create(c, &in, &out, &id);
		json_decref(out);
		if (rc)
			break;
		rc = auth_actor_load(c, strcmp(unfiled[i].station, "北社派出所") ? "minjing1" : "beishe_mj1");
		if (!rc)
			rc = incident_steps_record(c, id, "acknowledge", NULL);
		if (!rc)
			rc = incident_steps_record(c, id, "arrive", NULL);
	}
	memset(&c->who, 0, sizeof(c->who));
	return rc;
}
