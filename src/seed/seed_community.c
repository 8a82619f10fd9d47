/* seed_community.c — 社区警务 of the demo county (issue 16): map points and
 * building types for 城关's addresses, four beats with grids and their
 * officers (one officer holding two beats, over 城关's load setting), a beat
 * per other station, 包片包点, household visits (some weeks behind), about
 * twenty listed key persons with contact histories (some overdue) besides
 * the key-layer tenants, a pending transfer to 东关, and a 漏登漏管 sweep
 * over the street shops. Made through the domain operations, as each
 * account would. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/community/beats.h"
#include "domain/community/grids.h"
#include "domain/community/household_visits.h"
#include "domain/community/key_person_transfers.h"
#include "domain/community/key_persons.h"
#include "domain/community/registration_sweeps.h"
#include "domain/population/addresses.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

static unsigned rnd(uint64_t *s, unsigned n)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((*s >> 33) % n);
}

static int64_t id_of(json_t *out, const char *obj)
{
	return json_integer_value(json_object_get(json_object_get(out, obj), "id"));
}

static int64_t scalar(struct ctx *c, const char *sql, const char *text, int *rc)
{
	struct rows_query q;
	int64_t v = 0;

	if (*rc)
		return 0;
	rows_binds(&q, c);
	if (text)
		rows_bind_text(&q, text);
	*rc = rows_int(&q, sql, 0, &v);
	return v;
}

/* map points: 东街 west of 西街, buildings on a 5 × 5 block grid */
static int place_addresses(struct ctx *c, int64_t station)
{
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rc = rows_all(&q, "SELECT id, community, building, unit_no, room FROM address WHERE station_id = ?", &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		int b = 0, u = 0, rm = 0, west = !strcmp(row_str(r, "community"), "东街社区");
		const char *bt;
		double x, y;

		if (sscanf(row_str(r, "building"), "%d", &b) != 1)
			b = 26; /* the street shops */
		sscanf(row_str(r, "unit_no"), "%d", &u);
		sscanf(row_str(r, "room"), "%d", &rm);
		x = (west ? 112.5480 : 112.5560) + ((b - 1) % 5) * 0.0014 + (u == 2 ? 0.0004 : 0.0);
		y = 37.8700 + ((b - 1) / 5) * 0.0011 + (double)(rm % 100) * 0.00005;
		bt = b == 26 ? "shop" : west ? (b <= 10 ? "highrise" : "scattered") : (b <= 4 ? "dorm" : b >= 22 ? "bungalow" : "scattered");
		rows_binds(&q, c);
		rows_bind_int(&q, (int64_t)(x * 1e6 + 0.5));
		rows_bind_int(&q, (int64_t)(y * 1e6 + 0.5));
		rows_bind_text(&q, bt);
		rows_bind_int(&q, row_int(r, "id"));
		rc = rows_exec(&q, "UPDATE address SET lng_e6 = ?, lat_e6 = ?, building_type = ? WHERE id = ?",
			       NULL);
		if (rc)
			break;
	}
	json_decref(rows);
	return rc;
}

static int64_t user_id_of(struct ctx *c, const char *username, int *rc)
{
	return scalar(c, "SELECT id FROM users WHERE username = ?", username, rc);
}

struct demo_beat {
	const char *name, *community, *post, *officer, *sergeant, *aux;
	int from, to; /* buildings */
};

static const struct demo_beat beats[] = {
	{ "东街一区", "东街社区", "东街社区警务室", "minjing3", "minjing1", "fujing", 1, 12 },
	{ "东街二区", "东街社区", "东街社区警务室", "minjing1", NULL, NULL, 13, 26 },
	{ "西街一区", "西街社区", "西街社区警务室", "minjing4", "minjing2", NULL, 1, 12 },
	{ "西街二区", "西街社区", "西街社区警务室", "minjing4", "minjing2", NULL, 13, 25 },
};

static int make_beats(struct ctx *c, int64_t beat_ids[4])
{
	int rc = auth_actor_load(c, "suozhang");

	for (int i = 0; i < 4 && !rc; i++) {
		const struct demo_beat *d = &beats[i];
		struct beat_input in = { 0 };
		json_t *out = NULL;

		in.name = d->name;
		in.kind = "urban";
		in.post_id = scalar(c, "SELECT id FROM org_unit WHERE name = ?", d->post, &rc);
		in.has_officer = 1;
		in.officer_id = user_id_of(c, d->officer, &rc);
		in.has_sergeant = d->sergeant != NULL;
		in.sergeant_id = d->sergeant ? user_id_of(c, d->sergeant, &rc) : 0;
		if (d->aux)
			in.auxiliaries = json_pack("[I]", (json_int_t)user_id_of(c, d->aux, &rc));
		if (!rc)
			rc = beats_create(c, &in, &out);
		json_decref(in.auxiliaries);
		beat_ids[i] = rc ? 0 : id_of(out, "beat");
		json_decref(out);
		/* grids of about six buildings, filled by building */
		for (int g = 0; !rc && d->from + g * 6 <= d->to; g++) {
			int64_t grid;

			out = NULL;
			rc = grids_create(c, beat_ids[i], arena_printf(c->arena, "%s第%d网格", d->name, g + 1), &out);
			grid = rc ? 0 : id_of(out, "grid");
			json_decref(out);
			for (int b = d->from + g * 6; !rc && b <= d->to && b < d->from + (g + 1) * 6; b++) {
				struct grid_assign a = { 0 };

				a.community = d->community;
				a.building = b == 26 ? "临街商铺" : arena_printf(c->arena, "%d号楼", b);
				out = NULL;
				rc = grids_assign(c, grid, &a, &out);
				json_decref(out);
			}
		}
	}
	return rc;
}

/* 城关's street shops: places with nobody registered (漏登漏管 candidates) */
static int make_shops(struct ctx *c, int64_t post)
{
	int rc = PS_OK;

	for (int i = 1; i <= 8 && !rc; i++) {
		struct address_input a = { .community = "东街社区", .building = "临街商铺", .unit_no = "",
					   .room = arena_printf(c->arena, "%d号", i), .post_id = post };
		int64_t id;

		rc = addresses_find_or_create(c, &a, &id);
	}
	return rc;
}

static const struct {
	const char *category, *reason, *level;
} kinds[] = {
	{ "刑释解教", "盗窃罪刑满释放，回归社会未满五年", "strict" },
	{ "社区矫正", "缓刑期间在社区矫正", "strict" },
	{ "吸毒人员", "曾因吸毒被强制隔离戒毒", "normal" },
	{ "重点人口", "多次参与聚众斗殴", "normal" },
	{ "肇事肇祸精神障碍患者", "曾有肇事行为，由监护人看护", "watch" },
};

static int make_key_persons(struct ctx *c, const int64_t beat_ids[4], int64_t *moving)
{
	uint64_t s = 20261203;
	int rc = PS_OK, n = 0;

	for (int i = 0; i < 4 && !rc; i++) {
		struct rows_query q;
		json_t *persons = NULL, *p;
		size_t k;

		rc = auth_actor_load(c, beats[i].officer);
		if (rc)
			break;
		rows_binds(&q, c);
		rows_bind_int(&q, beat_ids[i]);
		rc = rows_all(&q,
			      "SELECT p.id FROM person p JOIN address a ON a.id = p.address_id JOIN grid g ON g.id = a.grid_id"
			      " WHERE g.beat_id = ? AND p.kind = 'resident' AND NOT EXISTS (SELECT 1 FROM key_person k"
			      " WHERE k.person_id = p.id) ORDER BY p.id LIMIT 5",
			      &persons);
		json_array_foreach(persons, k, p) {
			struct key_person_input in = { 0 };
			json_t *out = NULL;
			int64_t kp, listed = 200 + rnd(&s, 300), cycle;
			int m = n % 5;

			if (rc)
				break;
			in.person_id = row_int(p, "id");
			in.category = kinds[m].category;
			in.reason = kinds[m].reason;
			in.level = kinds[m].level;
			in.control_plan = "每周期见面一次，掌握其工作、居住和交往情况；外出须告知社区民警。";
			in.listed_on = seed_day(c, listed);
			rc = key_persons_create(c, &in, &out);
			kp = rc ? 0 : id_of(out, "key_person");
			json_decref(out);
			cycle = !strcmp(in.level, "strict") ? 7 : !strcmp(in.level, "normal") ? 30 : 90;
			/* a contact history: every cycle until recently; one in four
			 * was last seen two cycles ago (overdue), some only by phone */
			for (int64_t back = listed - 3; !rc && back > 0; back -= cycle) {
				int stale = n % 4 == 3 && back < cycle * 2;

				if (stale)
					break;
				out = NULL;
				rc = key_persons_contact(c, kp, seed_day(c, back), rnd(&s, 5) == 0 ? "visit" : "meet",
							 rnd(&s, 2) ? "住所" : "社区警务室",
							 "本人在家，近期在附近打零工，情绪稳定，无异常交往。", &out);
				json_decref(out);
			}
			if (!rc && n % 4 == 3) {
				out = NULL;
				rc = key_persons_contact(c, kp, seed_day(c, 2), "phone", NULL, "电话联系，称在外地务工，近期返回。",
							 &out);
				json_decref(out);
			}
			if (!rc && i == 2 && k == 1)
				*moving = kp;
			n++;
		}
		json_decref(persons);
	}
	return rc;
}

/* the key-layer tenants: two in three seen within the month */
static int contact_tenants(struct ctx *c, const int64_t beat_ids[4])
{
	int rc = PS_OK;

	for (int i = 0; i < 4 && !rc; i++) {
		struct rows_query q;
		json_t *rows = NULL, *r;
		size_t k;

		rc = auth_actor_load(c, beats[i].officer);
		if (rc)
			break;
		rows_binds(&q, c);
		rows_bind_int(&q, beat_ids[i]);
		rc = rows_all(&q, "SELECT id FROM key_person WHERE beat_id = ? AND source = 'tenant' ORDER BY id", &rows);
		json_array_foreach(rows, k, r) {
			json_t *out = NULL;

			if (rc || k % 3 == 2)
				continue;
			rc = key_persons_contact(c, row_int(r, "id"), seed_day(c, 3 + (int64_t)(k % 20)), "visit", "出租屋",
						 "走访出租屋，本人在家，工作稳定。", &out);
			json_decref(out);
		}
		json_decref(rows);
	}
	return rc;
}

static int make_visits(struct ctx *c, const int64_t beat_ids[4])
{
	static const char *const who[4] = { "minjing3", "minjing1", "minjing4", "minjing4" };
	static const int per_beat[4] = { 14, 6, 9, 3 };
	uint64_t s = 7;
	int rc = PS_OK;

	for (int i = 0; i < 4 && !rc; i++) {
		struct rows_query q;
		json_t *rows = NULL, *r;
		size_t k;

		rc = auth_actor_load(c, who[i]);
		if (rc)
			break;
		rows_binds(&q, c);
		rows_bind_int(&q, beat_ids[i]);
		rows_bind_int(&q, per_beat[i]);
		rc = rows_all(&q,
			      "SELECT a.id, (SELECT COUNT(*) FROM person p WHERE p.address_id = a.id) AS persons FROM address a"
			      " JOIN grid g ON g.id = a.grid_id WHERE g.beat_id = ? AND EXISTS (SELECT 1 FROM person p"
			      " WHERE p.address_id = a.id) ORDER BY a.id LIMIT ?",
			      &rows);
		json_array_foreach(rows, k, r) {
			struct household_visit_input in = { 0 };
			json_t *out = NULL;
			/* the first two of 东街一区 this week (target met), the rest earlier */
			int64_t back = (i == 0 && k < 2) ? 0 : 8 + rnd(&s, 80);

			if (rc)
				break;
			in.address_id = row_int(r, "id");
			in.visited_on = seed_day(c, back);
			/* one visit in five found one more person than registered */
			in.persons_seen = row_int(r, "persons") + (k % 5 == 4 ? 1 : 0);
			in.learnt = k % 5 == 4 ? "户主称近期有亲属来此长住，尚未登记。" : "户内人员与登记一致，家庭和睦，无矛盾纠纷。";
			in.changes = k % 5 == 4 ? "多一名未登记的同住人员" : NULL;
			rc = household_visits_create(c, &in, &out);
			json_decref(out);
		}
		json_decref(rows);
	}
	return rc;
}

/* 社区警务: beats, grids, visits, key persons, a sweep (issue 16). */
SEED_STEP(70, seed_demo_community);
int seed_demo_community(struct ctx *c)
{
	int64_t chengguan, beat_ids[4] = { 0 }, moving = 0, post1;
	int rc = auth_actor_load(c, "suozhang");

	chengguan = c->who.station_id;
	post1 = scalar(c, "SELECT id FROM org_unit WHERE name = ?", "东街社区警务室", &rc);
	if (!rc)
		rc = make_shops(c, post1);
	if (!rc)
		rc = place_addresses(c, chengguan);
	if (!rc)
		rc = make_beats(c, beat_ids);
	/* the 110 history names its streets in the place only: give the
	 * incidents of 东街 and 西街 their 社区 (an incident counts for the beats
	 * of its 社区) */
	if (!rc) {
		struct rows_query q;
		json_t *rows = NULL, *r;
		size_t i;

		rows_binds(&q, c);
		rows_bind_int(&q, chengguan);
		rc = rows_all(&q, "SELECT id, place FROM incident WHERE station_id = ? AND community IS NULL", &rows);
		json_array_foreach(rows, i, r) {
			const char *place = row_str(r, "place");
			const char *cm = !place ? NULL : strstr(place, "东街") ? "东街社区" : strstr(place, "西街") ? "西街社区" : NULL;

			if (rc || !cm)
				continue;
			rows_binds(&q, c);
			rows_bind_text(&q, cm);
			rows_bind_int(&q, row_int(r, "id"));
			rc = rows_exec(&q, "UPDATE incident SET community = ? WHERE id = ?", NULL);
		}
		json_decref(rows);
	}
	/* the county seat sizes its beats smaller than the county default */
	if (!rc) {
		struct rows_query q;

		rows_binds(&q, c);
		rows_bind_int(&q, chengguan);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_int(&q, c->now);
		rc = rows_exec(&q,
			       "INSERT INTO setting(skey, unit_id, value, updated_by, updated_at)"
			       " VALUES ('community.residents_per_officer', ?, '1500', ?, ?)",
			       NULL);
	}
	/* one beat (one grid, no addresses yet) per other station */
	{
		struct rows_query q;
		json_t *st = NULL, *r;
		size_t i;

		rows_binds(&q, c);
		if (!rc)
			rc = rows_all(&q,
				      "SELECT o.id, o.name, (SELECT MIN(u.username) FROM users u WHERE u.unit_id = o.id"
				      " AND u.role = 'chief') AS chief, (SELECT MIN(u.id) FROM users u WHERE u.unit_id = o.id"
				      " AND u.role = 'officer') AS officer FROM org_unit o WHERE o.kind = 'station'"
				      " AND o.name <> '城关派出所' ORDER BY o.id",
				      &st);
		json_array_foreach(st, i, r) {
			struct beat_input in = { 0 };
			json_t *out = NULL;

			if (rc || !row_str(r, "chief"))
				break;
			rc = auth_actor_load(c, row_str(r, "chief"));
			in.name = arena_printf(c->arena, "%s驻地责任区", row_str(r, "name"));
			in.kind = "rural";
			in.has_officer = 1;
			in.officer_id = row_int(r, "officer");
			if (!rc)
				rc = beats_create(c, &in, &out);
			if (!rc) {
				int64_t b = id_of(out, "beat");

				json_decref(out);
				out = NULL;
				rc = grids_create(c, b, "第1网格", &out);
			}
			json_decref(out);
		}
		json_decref(st);
	}
	/* 包片包点: the county chief leads 城关 */
	if (!rc)
		rc = auth_actor_load(c, "juzhang");
	if (!rc) {
		json_t *out = NULL;

		rc = beats_leader_assign(c, chengguan, c->who.user_id, &out);
		json_decref(out);
	}
	/* key tenants got their rows before the beats existed */
	if (!rc) {
		struct rows_query q;

		rows_binds(&q, c);
		rc = rows_exec(&q,
			       "UPDATE key_person SET beat_id = (SELECT g.beat_id FROM tenancy t JOIN rental r"
			       " ON r.id = t.rental_id JOIN address a ON a.id = r.address_id JOIN grid g ON g.id = a.grid_id"
			       " WHERE t.person_id = key_person.person_id AND t.to_date IS NULL) WHERE beat_id IS NULL"
			       " AND source = 'tenant'",
			       NULL);
	}
	if (!rc)
		rc = make_key_persons(c, beat_ids, &moving);
	if (!rc)
		rc = contact_tenants(c, beat_ids);
	if (!rc)
		rc = make_visits(c, beat_ids);
	/* a key person moving to 东关: pending until 东关 acknowledges */
	if (!rc && moving) {
		json_t *out = NULL;
		int64_t to = scalar(c, "SELECT id FROM org_unit WHERE name = ?", "东关派出所", &rc);

		if (!rc)
			rc = auth_actor_load(c, "minjing4");
		if (!rc)
			rc = key_person_transfers_create(c, moving, to, "搬迁至东关街居住", &out);
		json_decref(out);
	}
	/* a sweep over 东街二区's candidates (the street shops and the
	 * households whose visit found more people), two findings in */
	if (!rc)
		rc = auth_actor_load(c, "minjing1");
	if (!rc) {
		json_t *out = NULL, *items;
		int64_t sweep;

		rc = registration_sweeps_create(c, "东街临街商铺及出租屋漏登排查", seed_day(c, 1), beat_ids[1], NULL, &out);
		sweep = rc ? 0 : id_of(out, "registration_sweep");
		items = rc ? NULL : json_incref(json_object_get(json_object_get(out, "registration_sweep"), "items"));
		json_decref(out);
		for (size_t i = 0; i < 2 && !rc && i < json_array_size(items); i++) {
			out = NULL;
			rc = registration_sweeps_finding(c, sweep, row_int(json_array_get(items, i), "address_id"),
							 i == 0 ? 2 : 1, i == 0 ? 2 : 0,
							 i == 0 ? "店内住宿两名店员，已现场登记" : "一名外地务工人员，已通知其三日内登记", &out);
			json_decref(out);
		}
		json_decref(items);
	}
	return rc;
}
