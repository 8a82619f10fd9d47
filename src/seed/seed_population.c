/* seed_population.c — the demo community of 城关派出所: two communities with
 * about two thousand residents, a few hundred rentals on all three levels
 * with their visits, tenants, floating persons in all three modes, employer
 * units, letters of inquiry and a wanted list with a few hits — made through
 * the registry operations, from a fixed seed. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/population/persons.h"
#include "domain/population/addresses.h"
#include "domain/population/rentals.h"
#include "domain/population/tenancies.h"
#include "domain/population/floating.h"
#include "domain/population/employers.h"
#include "domain/rows.h"
#include "domain/population/hits.h"
#include "domain/population/letters.h"
#include "domain/population/wanted.h"
#include "rules/date.h"
#include "rules/idcard.h"

#include <stdio.h>
#include <string.h>

static unsigned rnd(uint64_t *s, unsigned n)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((*s >> 33) % n);
}

static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
					"徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗" };
static const char *const given[] = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
				     "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平",
				     "刚", "桂英", "建华", "志强", "海燕", "红", "鹏", "玉兰", "建国", "晓东" };

static const char *make_id(struct ctx *c, uint64_t *s, int *seq, const char *area)
{
	char d17[64];
	int year = 1950 + (int)rnd(s, 56), month = 1 + (int)rnd(s, 12), day = 1 + (int)rnd(s, 28);

	snprintf(d17, sizeof(d17), "%.6s%04d%02d%02d%03d", area, year, month, day, (*seq)++ % 1000);
	d17[17] = '\0';
	return arena_printf(c->arena, "%s%c", d17, idcard_check_char(d17));
}

int64_t seed_person(struct ctx *c, uint64_t *s, int *seq, const char *area, const char *kind, int64_t address_id,
		    int *rc)
{
	struct person_input in = { 0 };
	json_t *out = NULL;
	int64_t id = 0;

	in.id_number = make_id(c, s, seq, area);
	in.name = arena_printf(c->arena, "%s%s", surnames[rnd(s, 20)], given[rnd(s, 30)]);
	in.phone = arena_printf(c->arena, "13%09u", rnd(s, 1000000000));
	in.kind = kind;
	in.address_id = address_id;
	*rc = persons_register(c, &in, &out);
	if (!*rc)
		id = json_integer_value(json_object_get(json_object_get(out, "person"), "id"));
	json_decref(out);
	return id;
}

/* The demo community of 城关 (seed_population.c). */
SEED_STEP(40, seed_demo_population);
int seed_demo_population(struct ctx *c)
{
	static const char *const communities[] = { "东街社区", "西街社区" };
	uint64_t s = 20261129;
	int seq = 0, rc;
	int64_t today = date_local_days(c->now), posts[2] = { 0, 0 }, employers[3] = { 0, 0, 0 };
	int64_t landlords[320], rentals[320], floating_ids[200];
	int nrent = 0, nfloat = 0;
	struct rows_query q;

	rc = auth_actor_load(c, "minjing3");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rc = rows_int(&q, "SELECT id FROM org_unit WHERE name = '东街社区警务室'", 0, &posts[0]);
	if (!rc)
		rc = rows_int(&q, "SELECT id FROM org_unit WHERE name = '西街社区警务室'", 0, &posts[1]);
	if (rc)
		return rc;
	/* employer units first: floating persons may belong to them */
	{
		static const char *const names[] = { "老街面馆", "城关建筑工地项目部", "顺达快递城关站" };

		for (int i = 0; i < 3 && !rc; i++) {
			json_t *out = NULL;

			rc = employers_create(c, names[i], 0, "负责人", "0351-1238800", "2026-01-05", &out);
			if (!rc)
				employers[i] = json_integer_value(json_object_get(json_object_get(out, "employer"), "id"));
			json_decref(out);
		}
		/* two of three sent last month's report; one is overdue */
		for (int i = 0; i < 2 && !rc; i++) {
			json_t *out = NULL;
			int y, m, d;

			date_civil_from_days(today, &y, &m, &d);
			if (--m == 0) {
				m = 12;
				y--;
			}
			rc = employers_report(c, employers[i], arena_printf(c->arena, "%04d-%02d", y, m), 3 + i, 1,
					      &out);
			json_decref(out);
		}
	}
	for (int cm = 0; cm < 2 && !rc; cm++) {
		for (int b = 1; b <= 25 && !rc; b++) {
			for (int u = 1; u <= 2 && !rc; u++) {
				for (int fl = 1; fl <= 6 && !rc; fl++) {
					for (int rm = 1; rm <= 2 && !rc; rm++) {
						struct address_input a = {
							.community = communities[cm],
							.building = arena_printf(c->arena, "%d号楼", b),
							.unit_no = arena_printf(c->arena, "%d单元", u),
							.room = arena_printf(c->arena, "%d%02d", fl, rm),
							.post_id = posts[cm] };
						json_t *out = NULL;
						int64_t addr, first = 0;
						int residents = 1 + (int)rnd(&s, 4);

						rc = addresses_create(c, &a, &out);
						if (rc)
							break;
						addr = json_integer_value(json_object_get(json_object_get(out, "address"), "id"));
						json_decref(out);
						for (int k = 0; k < residents && !rc; k++) {
							int64_t pid = seed_person(c, &s, &seq, "140102", "resident", addr, &rc);

							if (!first)
								first = pid;
						}
						/* about one flat in eight is let */
						if (!rc && rnd(&s, 8) == 0 && nrent < 300) {
							landlords[nrent] = first;
							struct rental_input ri = { addr, first, 1 + (int)rnd(&s, 3), "2026-01-10",
										   "2027-01-09",
										   rnd(&s, 10) < 6 ? "trusted" : rnd(&s, 3) ? "normal" : "watch" };

							rc = rentals_create(c, &ri, &out);
							if (!rc)
								rentals[nrent++] = json_integer_value(
									json_object_get(json_object_get(out, "rental"), "id"));
							json_decref(out);
						}
					}
				}
			}
		}
	}
	/* tenants: temporary and floating persons in the rentals, and visits */
	for (int i = 0; i < nrent && !rc; i++) {
		int tenants = 1 + (int)rnd(&s, 2);
		json_t *out = NULL;
		int y, m, d;
		int64_t back = 1 + rnd(&s, 120);

		for (int k = 0; k < tenants && !rc; k++) {
			int floating = rnd(&s, 3) == 0;
			int64_t pid = seed_person(c, &s, &seq, "140102", floating ? "floating" : "temporary", 0, &rc);

			if (rc)
				break;
			date_civil_from_days(today - 30 - rnd(&s, 300), &y, &m, &d);
			rc = tenancies_create(c, rentals[i], pid, arena_printf(c->arena, "%04d-%02d-%02d", y, m, d),
					      NULL, rnd(&s, 6) == 0 ? "key" : "general", &out);
			json_decref(out);
			out = NULL;
			if (!rc && floating && nfloat < 200)
				floating_ids[nfloat++] = pid;
		}
		/* the last visit some time ago: some are overdue for their level */
		date_civil_from_days(today - back, &y, &m, &d);
		if (!rc)
			rc = rentals_visit(c, rentals[i], arena_printf(c->arena, "%04d-%02d-%02d", y, m, d),
					   "出租屋及承租人情况正常，消防通道畅通。", NULL, &out);
		json_decref(out);
	}
	(void)landlords;
	/* floating persons in all three modes; one in ten in the control layer */
	for (int i = 0; i < nfloat && !rc; i++) {
		struct floating_input f = { 0 };
		json_t *out = NULL;
		int mode = (int)rnd(&s, 3);

		f.person_id = floating_ids[i];
		f.registered_on = "2026-03-01";
		/* moved in two days before; one in five reported weeks late (COM-FLOAT-REG) */
		f.arrived_on = i % 5 == 0 ? "2026-02-02" : "2026-02-27";
		f.permit_no = arena_printf(c->arena, "JZZ2026%05d", i + 1);
		f.permit_issued_on = "2026-03-15";
		f.permit_expires_on = "2027-03-14";
		f.mode = mode == 0 ? "employer" : mode == 1 ? "joint" : "direct";
		f.employer_id = mode == 0 ? employers[rnd(&s, 3)] : 0;
		f.layer = rnd(&s, 10) == 0 ? "control" : "known";
		rc = floating_register(c, &f, &out);
		json_decref(out);
		/* 函查 for half of the control layer */
		if (!rc && !strcmp(f.layer, "control") && (i & 1)) {
			rc = auth_actor_load(c, "minjing3");
			if (!rc)
				rc = letters_create(c, floating_ids[i], "原籍地公安派出所", "2026-10-20", &out);
			json_decref(out);
		}
	}
	/* the wanted list, from the county: three of its people live here */
	if (!rc) {
		json_t *people = NULL, *p;
		size_t i;
		int hits = 0;

		rc = auth_actor_load(c, "ducha");
		rows_binds(&q, c);
		if (!rc)
			rc = rows_all(&q, "SELECT id_number, name FROM person WHERE kind = 'temporary' ORDER BY id"
					  " LIMIT 3", &people);
		json_array_foreach(people, i, p) {
			struct wanted_input w = { json_string_value(json_object_get(p, "id_number")),
						  json_string_value(json_object_get(p, "name")), "涉嫌盗窃（网上追逃）",
						  "外省某市公安局", "2026-08-01", 0 };

			if (!rc)
				rc = wanted_put(c, &w, &hits);
		}
		json_decref(people);
		for (int k = 0; k < 17 && !rc; k++) {
			char d17[64];
			struct wanted_input w = { 0 };

			snprintf(d17, sizeof(d17), "3201021980%02d%02d%03d", 1 + k % 12, 1 + k, 500 + k);
			d17[17] = '\0';
			w.id_number = arena_printf(c->arena, "%s%c", d17, idcard_check_char(d17));
			w.name = arena_printf(c->arena, "%s%s", surnames[k % 20], given[(k * 7) % 30]);
			w.case_desc = "涉嫌诈骗（网上追逃）";
			w.issuing_unit = "某市公安局刑侦支队";
			w.issued_on = "2026-06-15";
			rc = wanted_put(c, &w, &hits);
		}
	}
	memset(&c->who, 0, sizeof(c->who));
	return rc;
}
