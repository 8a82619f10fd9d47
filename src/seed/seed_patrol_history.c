/* seed_patrol_history.c — the demo's remaining issue-17 pieces (pat5): 城关's
 * police plan was changed three weeks ago (its old version — the same team
 * on 东街 and a Saturday-evening slot since taken out — is kept, so the
 * earlier weeks are scored against it), and an arrest in the act of 城关's
 * evening patrol is linked to the case it produced (shown on the case). */
#include "seed/seed.h"
#include "domain/rows.h"

static int exec_sql(struct ctx *c, const char *sql)
{
	struct rows_query q;

	rows_binds(&q, c);
	return rows_exec(&q, sql, NULL);
}

int seed_demo_patrol_history(struct ctx *c)
{
	struct rows_query q;
	int64_t plan = 0, changed = c->now - 21 * 86400;
	int rc;

	rows_binds(&q, c);
	rc = rows_int(&q,
		      "SELECT MIN(p.id) FROM patrol_plan p JOIN patrol_team t ON t.id = p.team_id JOIN org_unit o"
		      " ON o.id = p.station_id WHERE o.name = '城关派出所' AND t.kind = 'police'",
		      0, &plan);
	if (rc || !plan)
		return rc;
	rc = exec_sql(c, arena_printf(c->arena,
				      "INSERT INTO patrol_plan_version(plan_id, valid_from, valid_to, team_id, name, beat_id,"
				      " grid_id, route, mode, dress, stakeout_points, active, changed_by) SELECT id, 0, %lld,"
				      " team_id, '东街夜巡（旧）', beat_id, grid_id, route, mode, dress, '农贸市场东口', 1,"
				      " (SELECT id FROM users WHERE username = 'suozhang') FROM patrol_plan WHERE id = %lld",
				      (long long)changed, (long long)plan));
	if (!rc)
		rc = exec_sql(c, arena_printf(c->arena, "UPDATE patrol_plan SET effective_from = %lld WHERE id = %lld",
					      (long long)changed, (long long)plan));
	if (!rc)
		rc = exec_sql(c, arena_printf(c->arena,
					      "INSERT INTO patrol_slot(plan_id, weekday, start_min, end_min, source, created_by,"
					      " created_at, valid_from, valid_to) SELECT %lld, 5, 1200, 1320, 'manual', id, 0, 0,"
					      " %lld FROM users WHERE username = 'suozhang'",
					      (long long)plan, (long long)changed));
	/* the latest arrest of 城关's patrol: the case it became (a theft case
	 * of the station) */
	if (!rc)
		rc = exec_sql(c, "UPDATE patrol_arrest SET case_id = (SELECT MIN(k.id) FROM police_case k JOIN org_unit o"
				 " ON o.id = k.unit_id WHERE o.name = '城关派出所') WHERE id = (SELECT MAX(a.id) FROM"
				 " patrol_arrest a JOIN patrol_log l ON l.id = a.log_id JOIN org_unit o ON o.id = l.station_id"
				 " WHERE o.name = '城关派出所')");
	return rc;
}

SEED_STEP(150, seed_demo_patrol_history);
