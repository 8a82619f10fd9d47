/* patrol.c — what the patrol area shares: the station of a request, local
 * times, the active slots with their areas, the incidents by grid, the
 * varied visit times, and an officer's patrol figures for other areas. */
#include "domain/patrol/patrol.h"
#include "domain/rows.h"
#include "core/clock.h"
#include "rules/date.h"

#include <string.h>

int patrol_station(struct ctx *c, enum authz_act act, int64_t unit_id, int64_t *station)
{
	*station = 0;
	if (!unit_id) {
		if (!c->who.station_id)
			return ps_fail_field(c->err, PS_EINVAL, "unit", "请选择派出所");
		unit_id = c->who.station_id;
	}
	{
		int rc = rows_check_unit(c, act, "SELECT path FROM org_unit WHERE id = ? AND kind = 'station'", unit_id,
					 "派出所不存在");

		if (rc)
			return rc;
	}
	*station = unit_id;
	return PS_OK;
}

void patrol_local_time(int64_t at, int *weekday, int *minute)
{
	int64_t day = date_local_days(at);

	*weekday = date_weekday(day);
	*minute = (int)((at + PS_DISPLAY_TZ_OFFSET - day * 86400) / 60);
}

int64_t patrol_day_start(int64_t day)
{
	return day * 86400 - PS_DISPLAY_TZ_OFFSET;
}

int patrol_slot_covers(const struct patrol_slot_area *s, int64_t grid_id, int64_t beat_id, int weekday, int minute)
{
	if (s->weekday != weekday || minute < s->start_min || minute >= s->end_min)
		return 0;
	if (s->grid_id)
		return grid_id && s->grid_id == grid_id;
	return s->beat_id && beat_id && s->beat_id == beat_id;
}

/* Every row of sql as a struct of `ncols` int64_t members in SELECT
 * order (the structs here hold integers only), in the arena. */
static int int_rows(struct rows_query *q, const char *sql, const char *const *keys, size_t ncols, void **out,
		    size_t *n)
{
	json_t *rows, *r;
	int64_t *p;
	size_t i;
	int rc = rows_all(q, sql, &rows);

	*out = NULL;
	*n = 0;
	if (rc)
		return rc;
	p = arena_alloc(q->c->arena, (json_array_size(rows) + 1) * ncols * sizeof(int64_t));
	if (!p) {
		json_decref(rows);
		return ps_fail(q->c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	json_array_foreach(rows, i, r) {
		for (size_t j = 0; j < ncols; j++)
			p[i * ncols + j] = row_int(r, keys[j]);
	}
	*out = p;
	*n = json_array_size(rows);
	json_decref(rows);
	return PS_OK;
}

/* the members of the structs, in order */
static const char *const slot_keys[] = { "id",	"plan_id", "team_id",	 "weekday",   "start_min",
					  "end_min", "grid_id", "beat_id", "valid_from", "valid_to" };
static const char *const incident_keys[] = { "id", "received_at", "grid_id", "beat_id" };

_Static_assert(sizeof(struct patrol_slot_area) == sizeof(slot_keys) / sizeof(slot_keys[0]) * sizeof(int64_t),
	       "slot keys");
_Static_assert(sizeof(struct patrol_incident) == sizeof(incident_keys) / sizeof(incident_keys[0]) * sizeof(int64_t),
	       "incident keys");

int patrol_slot_in_force(const struct patrol_slot_area *s, int64_t t)
{
	return t >= s->valid_from && (!s->valid_to || t < s->valid_to);
}

/* A slot under each version of its plan: the current one (from
 * patrol_plan.effective_from on) and the superseded ones; the interval is
 * the meet of the slot's and the version's. */
#define SLOT_VERSION(V, VFROM, VTO)                                                                                 \
	"SELECT s.id, s.plan_id, " V ".team_id, s.weekday, s.start_min, s.end_min,"                                   \
	" COALESCE(s.grid_id, " V ".grid_id) AS grid_id,"                                                              \
	" CASE WHEN COALESCE(s.grid_id, " V ".grid_id) IS NULL THEN " V ".beat_id"                                     \
	" ELSE (SELECT g.beat_id FROM grid g WHERE g.id = COALESCE(s.grid_id, " V ".grid_id)) END AS beat_id,"         \
	" CASE WHEN s.valid_from > " VFROM " THEN s.valid_from ELSE " VFROM " END AS valid_from,"                     \
	" CASE WHEN s.valid_to IS NULL THEN " VTO " WHEN " VTO " IS NULL THEN s.valid_to"                               \
	" WHEN s.valid_to < " VTO " THEN s.valid_to ELSE " VTO " END AS valid_to, " V ".active AS active"             \
	" FROM patrol_slot s JOIN "

int patrol_slots_load(struct ctx *c, int64_t station, int64_t team_id, int64_t from, int64_t to,
		      struct patrol_slot_area **out, size_t *n)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_int(&q, station);
	rows_bind_int(&q, to);
	rows_bind_int(&q, from);
	rows_bind_int(&q, team_id);
	rows_bind_int(&q, team_id);
	return int_rows(&q,
			"SELECT x.id, x.plan_id, x.team_id, x.weekday, x.start_min, x.end_min, x.grid_id, x.beat_id,"
			" x.valid_from, x.valid_to FROM ("
			SLOT_VERSION("p", "p.effective_from", "NULL")
			"patrol_plan p ON p.id = s.plan_id WHERE p.station_id = ?"
			" UNION ALL "
			SLOT_VERSION("v", "v.valid_from", "v.valid_to")
			"patrol_plan_version v ON v.plan_id = s.plan_id JOIN patrol_plan p ON p.id = s.plan_id"
			" WHERE p.station_id = ?) x JOIN patrol_team t ON t.id = x.team_id"
			" WHERE x.active = 1 AND t.active = 1 AND x.valid_from < ? AND (x.valid_to IS NULL OR x.valid_to > ?)"
			" AND (x.valid_to IS NULL OR x.valid_to > x.valid_from) AND (? = 0 OR x.team_id = ?)"
			" ORDER BY x.weekday, x.start_min, x.id, x.valid_from",
			slot_keys, sizeof(slot_keys) / sizeof(slot_keys[0]), (void **)out, n);
}

int patrol_incidents_load(struct ctx *c, int64_t station, int64_t from, int64_t to, struct patrol_incident **out,
			  size_t *n)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rows_bind_int(&q, from);
	rows_bind_int(&q, to);
	return int_rows(&q,
			    "SELECT x.id, x.received_at, x.grid_id, (SELECT g.beat_id FROM grid g WHERE g.id = x.grid_id)"
			    " AS beat_id FROM (SELECT i.id, i.received_at, (SELECT MIN(a.grid_id) FROM address a"
			    " WHERE a.station_id = i.station_id AND a.community = i.community) AS grid_id"
			    " FROM incident i JOIN incident_category ic ON ic.code = i.category WHERE i.station_id = ?"
			    " AND i.duplicate_of IS NULL AND ic.violation = 1 AND i.received_at >= ? AND i.received_at < ?) x"
			    " ORDER BY x.received_at, x.id",
			    incident_keys, sizeof(incident_keys) / sizeof(incident_keys[0]), (void **)out, n);
}

/* splitmix64: a well-mixed 64-bit hash of a counter */
static uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

int64_t patrol_visit_count(int64_t start, int64_t end)
{
	int64_t k = (end - start) / 60;

	return k < 1 ? 1 : k;
}

int64_t patrol_visit_start(int64_t seed, int64_t monday, int64_t start, int64_t end, int64_t visit, int64_t k)
{
	int64_t n = patrol_visit_count(start, end), len = (end - start) / n;
	int64_t lo = start + k * len, room = len - visit;

	if (room <= 0)
		return lo;
	return lo + (int64_t)(mix((uint64_t)seed * 1000003u ^ mix((uint64_t)monday * 131u + (uint64_t)k)) %
			      (uint64_t)(room + 1));
}

int patrol_officer_figures(struct ctx *c, int64_t user_id, int64_t from, int64_t to, int64_t *minutes,
			   int64_t *arrests)
{
	struct rows_query q;
	int rc;

	*minutes = *arrests = 0;
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rows_bind_int(&q, user_id);
	rows_bind_int(&q, from);
	rows_bind_int(&q, to);
	rc = rows_int(&q,
		      "SELECT COALESCE(SUM(l.ended_at - l.started_at), 0) / 60 FROM patrol_log l WHERE (l.created_by = ?"
		      " OR EXISTS (SELECT 1 FROM patrol_log_member m WHERE m.log_id = l.id AND m.user_id = ?))"
		      " AND l.started_at >= ? AND l.started_at < ?",
		      0, minutes);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rows_bind_int(&q, from);
	rows_bind_int(&q, to);
	return rows_int(&q,
			"SELECT COUNT(*) FROM patrol_arrest a JOIN patrol_log l ON l.id = a.log_id WHERE a.officer_id = ?"
			" AND l.started_at >= ? AND l.started_at < ?",
			0, arrests);
}

int patrol_station_figures(struct ctx *c, int64_t station_id, int64_t from, int64_t to, int64_t *minutes,
			   int64_t *arrests)
{
	struct rows_query q;
	int rc;

	*minutes = *arrests = 0;
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rows_bind_int(&q, from);
	rows_bind_int(&q, to);
	rc = rows_int(&q,
		      "SELECT COALESCE(SUM(l.ended_at - l.started_at), 0) / 60 FROM patrol_log l WHERE l.station_id = ?"
		      " AND l.started_at >= ? AND l.started_at < ?",
		      0, minutes);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, station_id);
	rows_bind_int(&q, from);
	rows_bind_int(&q, to);
	return rows_int(&q,
			"SELECT COUNT(*) FROM patrol_arrest a JOIN patrol_log l ON l.id = a.log_id WHERE l.station_id = ?"
			" AND l.started_at >= ? AND l.started_at < ?",
			0, arrests);
}
