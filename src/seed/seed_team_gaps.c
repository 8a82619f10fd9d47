/* seed_team_gaps.c — the demo county's 九好 (issue 18): 督察 has scored
 * the two items no record shows (环境卫生好, 警容风纪好) of every station
 * for last month and this month, so the checklist shows full figures; the
 * other seven come from the demo's rosters, leave, archives, reviews,
 * return visits, complaints and meetings. Through the domain operation, as
 * 督察. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/rows.h"
#include "domain/team/station_checklists.h"

#define TRY(x) do { rc = (x); json_decref(out); out = NULL; if (rc) goto done; } while (0)

SEED_STEP(160, seed_demo_team_gaps);
int seed_demo_team_gaps(struct ctx *c)
{
	static const int hygiene[] = { 92, 85, 88, 78, 95, 90 }, discipline[] = { 95, 88, 90, 84, 93, 86 };
	struct rows_query q;
	json_t *out = NULL, *stations = NULL, *st;
	const char *months[2];
	int y, m, d, rc;
	size_t i;

	TRY(auth_actor_load(c, "ducha"));
	ctx_today(c, &y, &m, &d);
	months[0] = arena_printf(c->arena, "%04d-%02d", m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1);
	months[1] = arena_printf(c->arena, "%04d-%02d", y, m);
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	TRY(rows_all(&q, "SELECT id FROM org_unit WHERE kind = 'station' AND active = 1 AND path LIKE ? ORDER BY id",
		     &stations));
	json_array_foreach(stations, i, st) {
		int64_t id = json_integer_value(json_object_get(st, "id"));

		for (int k = 0; k < 2; k++) {
			int h = hygiene[(i + (size_t)k) % 6], p = discipline[(i + (size_t)k) % 6];

			TRY(station_checklists_score(c, id, months[k], "hygiene", h,
						     h >= 90 ? "办公区、值班室整洁，物品摆放有序" : "档案柜顶杂物未清理，已当场指出", &out));
			TRY(station_checklists_score(c, id, months[k], "discipline", p,
						     p >= 90 ? "着装规范，持证上岗" : "个别民警值班时未按规定着装", &out));
		}
	}
done:
	json_decref(out);
	json_decref(stations);
	return rc;
}
