/* seed_stations.c — the demo's eight rural stations beside 城关 get their own
 * ground, so that each station's people open 一标三实 and 社区警务 on real
 * figures: a village of fifteen houses in the 第1网格 of the station's
 * 驻地责任区 with one to four residents each, three rentals with a floating
 * tenant, two key persons listed by the chief (the strict one not seen for
 * twelve days: overdue on a 7-day cycle) and three households visited by the
 * beat officer this week. Made through the registry operations in the names
 * of the station's own chief and officer, from a fixed seed; ID numbers of
 * area 140121, apart from 城关's. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/community/household_visits.h"
#include "domain/community/key_person_listings.h"
#include "domain/community/key_persons.h"
#include "domain/population/addresses.h"
#include "domain/population/rentals.h"
#include "domain/population/tenancies.h"
#include "domain/rows.h"

#include <string.h>

static const char *const groups[] = { "一组", "二组", "三组" };

static int64_t id_in(json_t *out, const char *key)
{
	return json_integer_value(json_object_get(json_object_get(out, key), "id"));
}

/* one station: its village, people, rentals, key persons and visits */
static int station_ground(struct ctx *c, json_t *st, uint64_t *s, int *seq)
{
	const char *name = row_str(st, "name"), *chief = row_str(st, "chief"), *officer = row_str(st, "officer");
	const char *village = arena_printf(c->arena, "%.*s村", (int)(strlen(name) - strlen("派出所")), name);
	int64_t addr[15] = { 0 }, first[15] = { 0 }, n_at[15] = { 0 };
	int rc = auth_actor_load(c, officer);

	for (int i = 0; i < 15 && !rc; i++) {
		struct address_input a = { .community = village,
					   .building = groups[i / 5],
					   .unit_no = "",
					   .room = arena_printf(c->arena, "%d号", i % 5 + 1),
					   .grid_id = row_int(st, "grid"),
					   .building_type = "bungalow" };
		json_t *out = NULL;
		int residents = 1 + (int)(*s >> 40) % 4;

		*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
		rc = addresses_create(c, &a, &out);
		addr[i] = rc ? 0 : id_in(out, "address");
		json_decref(out);
		for (int k = 0; k < residents && !rc; k++) {
			int64_t pid = seed_person(c, s, seq, "140121", "resident", addr[i], &rc);

			if (!first[i])
				first[i] = pid;
			n_at[i]++;
		}
	}
	/* three rentals, each with a floating tenant since last month */
	for (int i = 0; i < 3 && !rc; i++) {
		struct rental_input in = { .address_id = addr[i * 5 + 1], .landlord_id = first[i * 5 + 1], .rooms = 2,
					   .letter_signed_on = seed_day(c, 200), .letter_expires_on = NULL,
					   .level = i == 2 ? "watch" : "normal" };
		json_t *out = NULL;
		int64_t rental, tenant;

		rc = rentals_create(c, &in, &out);
		rental = rc ? 0 : id_in(out, "rental");
		json_decref(out);
		out = NULL;
		tenant = rc ? 0 : seed_person(c, s, seq, "140121", "floating", 0, &rc);
		if (!rc)
			rc = tenancies_create(c, rental, tenant, seed_day(c, 35), NULL, "general", &out);
		json_decref(out);
	}
	/* three households visited this week by the beat officer */
	for (int i = 0; i < 3 && !rc; i++) {
		struct household_visit_input in = { .address_id = addr[i * 5 + 3], .persons_seen = n_at[i * 5 + 3],
						    .visited_on = seed_day(c, i), .learnt = "家庭成员情况与登记一致",
						    .changes = "无变化" };
		json_t *out = NULL;

		rc = household_visits_create(c, &in, &out);
		json_decref(out);
	}
	/* two key persons listed by the chief two months ago */
	if (!rc)
		rc = auth_actor_load(c, chief);
	for (int i = 0; i < 2 && !rc; i++) {
		struct key_person_input in = { .person_id = first[i * 5 + 4],
					       .category = i ? "吸毒人员" : "刑释解教",
					       .reason = i ? "社区戒毒期间" : "刑满释放回村居住",
					       .level = i ? "strict" : "normal",
					       .control_plan = "按周期见面，掌握其生活、工作和交往情况。",
					       .listed_on = seed_day(c, 60) };
		json_t *out = NULL;
		int64_t kp;

		rc = key_person_listings_create(c, &in, &out);
		kp = rc ? 0 : id_in(out, "key_person");
		json_decref(out);
		out = NULL;
		if (!rc)
			rc = auth_actor_load(c, officer);
		if (!rc)
			rc = key_persons_contact(c, kp, seed_day(c, i ? 12 : 10), "meet", "家中", "在家，情况稳定", &out);
		json_decref(out);
		if (!rc)
			rc = auth_actor_load(c, chief);
	}
	return rc;
}

int seed_demo_stations(struct ctx *c)
{
	struct rows_query q;
	json_t *st = NULL, *r;
	uint64_t s = 20261204;
	int seq = 0, rc;
	size_t i;

	rows_binds(&q, c);
	rc = rows_all(&q,
		      "SELECT o.id, o.name, (SELECT MIN(u.username) FROM users u WHERE u.unit_id = o.id"
		      " AND u.role = 'chief') AS chief, (SELECT u.username FROM users u JOIN beat b ON b.officer_id = u.id"
		      " WHERE b.station_id = o.id ORDER BY b.id LIMIT 1) AS officer, (SELECT MIN(g.id) FROM grid g"
		      " JOIN beat b ON b.id = g.beat_id WHERE b.station_id = o.id) AS grid"
		      " FROM org_unit o WHERE o.kind = 'station' AND o.name <> '城关派出所' ORDER BY o.id",
		      &st);
	json_array_foreach(rc ? NULL : st, i, r) {
		if (!row_str(r, "chief") || !row_str(r, "officer") || !row_int(r, "grid"))
			continue;
		rc = station_ground(c, r, &s, &seq);
		if (rc)
			break;
	}
	json_decref(st);
	return rc;
}

SEED_STEP(173, seed_demo_stations);
