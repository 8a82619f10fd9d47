/* seed_incidents.c — four weeks of 110 history across the nine stations
 * (so the daily report, ranking and statistics are alive), and today's
 * incidents in every state, taken through the incident operations. The
 * history is generated from a fixed seed: every demo county is the same. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/incidents/incidents.h"
#include "domain/incidents/incident_steps.h"
#include "domain/rows.h"
#include "domain/admin/users.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

struct lcg {
	uint64_t s;
};

static unsigned next(struct lcg *g, unsigned n)
{
	g->s = g->s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((g->s >> 33) % n);
}

static const struct {
	const char *code, *summary, *outcome;
	int weight;
} kinds[] = {
	{ "0201", "群众报称财物被盗", "mediated", 6 },
	{ "0202", "报称被人殴打", "mediated", 5 },
	{ "0203", "有人酒后滋事", "mediated", 2 },
	{ "0210", "邻居深夜噪音扰民", "mediated", 3 },
	{ "0209", "报称被骗钱财", "transferred", 2 },
	{ "0101", "家中被盗（入室）", "transferred", 2 },
	{ "0104", "接到电信诈骗电话被骗", "transferred", 2 },
	{ "0301", "路口发生交通事故", "transferred", 4 },
	{ "0501", "邻里因琐事发生纠纷", "mediated", 5 },
	{ "0502", "家庭纠纷求助", "mediated", 3 },
	{ "0601", "群众求助开锁", "assistance", 3 },
	{ "0602", "老人走失", "assistance", 2 },
	{ "0801", "咨询户籍办理事项", "assistance", 2 },
	{ "0901", "误拨报警电话", "invalid", 2 },
};

static const char *const places[] = { "人民路", "解放路", "幸福小区", "汽车站", "农贸市场", "中心学校门口",
				      "华联超市", "北关村", "南关小区", "工业园区", "东街", "西街" };

/* Four weeks of 110 history and today's incidents (seed_incidents.c). */
SEED_STEP(30, seed_demo_incidents);
int seed_demo_incidents(struct ctx *c)
{
	struct lcg g = { 20261129 };
	struct rows_query q;
	json_t *stations, *st;
	int64_t today = date_local_days(c->now), dispatcher = 0;
	int total_w = 0, rc;
	size_t si;

	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		total_w += kinds[k].weight;
	users_find_id(c, "jiejing", &dispatcher);
	rows_binds(&q, c);
	rc = rows_all(&q, "SELECT id, name, address FROM org_unit WHERE kind = 'station' ORDER BY code", &stations);
	if (rc)
		return rc;
	for (int64_t day = today - 28; day < today && !rc; day++) {
		int y, m, d;
		char dstr[9];
		int64_t seq = 0;

		date_civil_from_days(day, &y, &m, &d);
		snprintf(dstr, sizeof(dstr), "%04d%02d%02d", y, m, d);
		json_array_foreach(stations, si, st) {
			/* 城关 is the busiest station; weekends are busier */
			int n = 1 + (int)next(&g, si == 0 ? 6 : 4) + (date_weekday(day) >= 5 ? 1 : 0);

			for (int i = 0; i < n && !rc; i++) {
				unsigned w = next(&g, (unsigned)total_w), k = 0;
				int64_t at = day * 86400 - 8 * 3600 + 6 * 3600 + next(&g, 17 * 3600);
				const char *place;

				while (w >= (unsigned)kinds[k].weight) {
					w -= (unsigned)kinds[k].weight;
					k++;
				}
				place = arena_printf(c->arena, "%s%s%u号",
						     json_string_value(json_object_get(st, "name")),
						     places[next(&g, sizeof(places) / sizeof(places[0]))],
						     1 + next(&g, 30));
				seq++;
				rows_binds(&q, c);
				rows_bind_text(&q, arena_printf(c->arena, "JQ%s%05lld", dstr, (long long)seq));
				rows_bind_int(&q, at);
				rows_bind_text(&q, next(&g, 4) ? "110" : "walk_in");
				rows_bind_text(&q, arena_printf(c->arena, "139%08u", next(&g, 100000000)));
				rows_bind_text(&q, place);
				rows_bind_text(&q, place);
				rows_bind_text(&q, kinds[k].code);
				rows_bind_int(&q, 2);
				rows_bind_text(&q, kinds[k].summary);
				rows_bind_int(&q, json_integer_value(json_object_get(st, "id")));
				rows_bind_text(&q, kinds[k].outcome);
				rows_bind_int(&q, at + 60 + next(&g, 240));          /* dispatched */
				rows_bind_int(&q, at + 300 + next(&g, 300));         /* acknowledged */
				rows_bind_int(&q, at + 600 + next(&g, 1200));        /* arrived */
				rows_bind_int(&q, at + 2400 + next(&g, 3600));       /* handled */
				rows_bind_int(&q, at + 7200);                         /* closed */
				if (next(&g, 10) < 8)
					rows_bind_int(&q, at + 9000);                 /* callback */
				else
					rows_bind_text(&q, NULL);
				rows_bind_int(&q, json_integer_value(json_object_get(st, "id")));
				rows_bind_int(&q, dispatcher);
				rows_bind_int(&q, at);
				rc = rows_exec(&q,
					       "INSERT INTO incident(incident_no, received_at, source, caller_phone, place,"
					       " place_key, category, priority, summary, station_id, status, outcome,"
					       " outcome_text, dispatched_at, acknowledged_at, arrived_at, handled_at,"
					       " closed_at, callback_at, unit_id, created_by, created_at)"
					       " VALUES (?,?,?,?,?,?,?,?,?,?,'closed',?,'已处置',?,?,?,?,?,?,?,?,?)",
					       NULL);
			}
		}
		if (!rc) {
			rows_binds(&q, c);
			rows_bind_text(&q, dstr);
			rows_bind_int(&q, seq);
			rc = rows_exec(&q, "INSERT INTO incident_counter(day, next_seq) VALUES (?, ?)", NULL);
		}
	}
	json_decref(stations);
	if (rc)
		return rc;

	/* today, through the desk: waiting, dispatched, on the scene */
	{
		static const struct {
			const char *place, *category, *summary;
			int priority, step; /* 0 received, 1 dispatched, 2 arrived */
		} live[] = {
			{ "城关派出所辖区人民路与解放路交叉口", "0301", "两车追尾，无人员受伤", 2, 0 },
			{ "城关派出所辖区华联超市", "0201", "超市保安抓获一名盗窃嫌疑人", 1, 1 },
			{ "城关派出所辖区幸福小区12号楼", "0210", "楼上装修噪音扰民", 3, 2 },
			{ "北社派出所辖区北社村村委会", "0501", "村民因土地边界争执", 2, 1 },
		};
		for (size_t i = 0; i < sizeof(live) / sizeof(live[0]) && !rc; i++) {
			struct incident_input in = { 0 };
			json_t *out = NULL;
			int64_t id, station = 0;

			rc = auth_actor_load(c, "jiejing");
			if (rc)
				break;
			in.source = "110";
			in.caller_phone = "13800138000";
			in.place = live[i].place;
			in.category = live[i].category;
			in.summary = live[i].summary;
			in.priority = live[i].priority;
			in.not_duplicate = 1;
			rows_binds(&q, c);
			rows_bind_text(&q, strncmp(live[i].place, "北社", 6) == 0 ? "北社派出所" : "城关派出所");
			rc = rows_int(&q, "SELECT id FROM org_unit WHERE name = ?", 0, &station);
			if (rc)
				break;
			if (live[i].step >= 1)
				in.station_id = station;
			rc = incidents_create(c, &in, &out, &id);
			json_decref(out);
			if (rc)
				break;
			if (live[i].step >= 2) {
				rc = auth_actor_load(c, "minjing1");
				if (!rc)
					rc = incident_steps_record(c, id, "acknowledge", NULL);
				if (!rc)
					rc = incident_steps_record(c, id, "arrive", NULL);
			}
		}
	}
	memset(&c->who, 0, sizeof(c->who));
	return rc;
}
