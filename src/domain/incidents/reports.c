#include "domain/incidents/reports.h"
#include "domain/incidents/incidents.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "rules/date.h"

#include <stdlib.h>
#include <string.h>


/* One figure per station for [from, to): the query takes (from, to) and
 * returns (station_id, n). */
static int figure(struct ctx *c, json_t *rows, const char *key, const char *sql, int64_t from,
		  int64_t to)
{
	struct rows_query q;
	json_t *res, *r, *row;
	size_t i, j;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, from);
	rows_bind_int(&q, to);
	rc = rows_all(&q, sql, &res);
	if (rc)
		return rc;
	json_array_foreach(rows, i, row)
		json_object_set_new(row, key, json_integer(0));
	json_array_foreach(res, j, r)
		json_array_foreach(rows, i, row)
			if (row_int(row, "station_id") == row_int(r, "station_id"))
				json_object_set_new(row, key, json_integer(row_int(r, "n")));
	json_decref(res);
	return PS_OK;
}

static int by_score(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int64_t sx = row_int(x, "score"), sy = row_int(y, "score");

	if (sx != sy)
		return sx > sy ? -1 : 1;
	return row_int(x, "station_id") < row_int(y, "station_id") ? -1 : 1;
}

int reports_daily(struct ctx *c, int y, int m, int d, json_t **out)
{
	struct rows_query q;
	json_t *rows, *row, *ranked, **v, *totals, *weights;
	int64_t day, from, to, lw_from, lw_to;
	const char *scope = c->who.scope_path ? c->who.scope_path : c->who.unit_path;
	int64_t w_inc, w_filed, w_solved, w_persons, w_cb, w_breach;
	size_t i, n;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_REPORT_DAILY);
	if (rc)
		return rc;
	if (!date_valid(y, m, d))
		return ps_fail_field(c->err, PS_EINVAL, "date", "日期不正确");
	day = date_days_from_civil(y, m, d);
	from = day * 86400 - 8 * 3600;
	to = from + 86400;
	lw_from = from - 7 * 86400;
	lw_to = to - 7 * 86400;
	rows_binds(&q, c);
	rows_bind_text(&q, arena_printf(c->arena, "%s%%", scope ? scope : "/"));
	rc = rows_all(&q,
		      "SELECT id AS station_id, name AS station_name FROM org_unit WHERE kind = 'station'"
		      " AND path LIKE ? ORDER BY code",
		      &rows);
	if (rc)
		return rc;
#define FIG(key, sql, a, b) do { rc = figure(c, rows, key, sql, a, b); if (rc) goto fail; } while (0)
	FIG("incidents", "SELECT station_id, COUNT(*) AS n FROM incident WHERE received_at >= ? AND received_at < ?"
			 " AND duplicate_of IS NULL AND station_id IS NOT NULL GROUP BY station_id", from, to);
	FIG("criminal_incidents", "SELECT station_id, COUNT(*) AS n FROM incident WHERE received_at >= ?"
				  " AND received_at < ? AND duplicate_of IS NULL AND category LIKE '01%'"
				  " GROUP BY station_id", from, to);
	FIG("public_order_incidents", "SELECT station_id, COUNT(*) AS n FROM incident WHERE received_at >= ?"
				      " AND received_at < ? AND duplicate_of IS NULL AND category LIKE '02%'"
				      " GROUP BY station_id", from, to);
	FIG("cases_accepted", "SELECT unit_id AS station_id, COUNT(*) AS n FROM police_case"
			      " WHERE accepted_at >= ? AND accepted_at < ? GROUP BY unit_id", from, to);
	FIG("cases_filed", "SELECT unit_id AS station_id, COUNT(*) AS n FROM police_case"
			   " WHERE filed_at >= ? AND filed_at < ? GROUP BY unit_id", from, to);
	/* status || '': the closed_at index, not the status one (portable) */
	FIG("cases_solved", "SELECT unit_id AS station_id, COUNT(*) AS n FROM police_case"
			    " WHERE closed_at >= ? AND closed_at < ? AND status || '' IN ('closed','archived')"
			    " GROUP BY unit_id", from, to);
	/* the day's decided cases first (CROSS JOIN keeps that order, the
	 * + 0 keeps GROUP BY from choosing the unit index): 6 ms, not the
	 * 24 ms of a scan of every proposal, at city scale */
	FIG("persons_dealt", "SELECT k.unit_id + 0 AS station_id, COUNT(DISTINCT pp.party_id) AS n"
			     " FROM police_case k CROSS JOIN penalty_proposal pp"
			     " WHERE pp.case_id = k.id AND pp.status = 'approved' AND pp.no_penalty = 0"
			     " AND k.decided_at >= ? AND k.decided_at < ? GROUP BY k.unit_id + 0", from, to);
	FIG("preventable", "SELECT i.station_id, COUNT(*) AS n FROM incident i JOIN incident_category c"
			   " ON c.code = i.category WHERE i.received_at >= ? AND i.received_at < ?"
			   " AND i.duplicate_of IS NULL AND c.preventable = 1 GROUP BY i.station_id", from, to);
	FIG("preventable_last_week", "SELECT i.station_id, COUNT(*) AS n FROM incident i JOIN incident_category c"
				     " ON c.code = i.category WHERE i.received_at >= ? AND i.received_at < ?"
				     " AND i.duplicate_of IS NULL AND c.preventable = 1 GROUP BY i.station_id",
	    lw_from, lw_to);
	FIG("handled", "SELECT station_id, COUNT(*) AS n FROM incident WHERE handled_at >= ? AND handled_at < ?"
		       " AND duplicate_of IS NULL GROUP BY station_id", from, to);
	FIG("callbacks", "SELECT station_id, COUNT(*) AS n FROM incident WHERE handled_at >= ? AND handled_at < ?"
			 " AND duplicate_of IS NULL AND callback_at IS NOT NULL GROUP BY station_id", from, to);
	FIG("open_breaches", "SELECT unit_id AS station_id, COUNT(*) AS n FROM breach WHERE answered_at IS NULL"
			     " AND recorded_at >= ? - ? GROUP BY unit_id", to, to);
#undef FIG
	w_inc = setting_int(c, "report.weight_incidents", 0);
	w_filed = setting_int(c, "report.weight_filed", 0);
	w_solved = setting_int(c, "report.weight_solved", 0);
	w_persons = setting_int(c, "report.weight_persons", 0);
	w_cb = setting_int(c, "report.weight_callback_pct", 0);
	w_breach = setting_int(c, "report.weight_breach", 0);
	json_array_foreach(rows, i, row) {
		int64_t handled = row_int(row, "handled");
		int64_t pct = handled ? row_int(row, "callbacks") * 100 / handled : 0;

		json_object_set_new(row, "callback_pct", json_integer(pct));
		json_object_set_new(row, "score",
				    json_integer(w_inc * row_int(row, "incidents") + w_filed * row_int(row, "cases_filed") +
						 w_solved * row_int(row, "cases_solved") +
						 w_persons * row_int(row, "persons_dealt") + w_cb * pct +
						 w_breach * row_int(row, "open_breaches")));
	}
	n = json_array_size(rows);
	v = arena_alloc(c->arena, sizeof(*v) * (n + 1));
	ranked = json_array();
	totals = json_object();
	if (!v || !ranked || !totals) {
		json_decref(ranked);
		json_decref(totals);
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		goto fail;
	}
	for (i = 0; i < n; i++)
		v[i] = json_array_get(rows, i);
	qsort(v, n, sizeof(*v), by_score);
	for (i = 0; i < n; i++) {
		const char *key;
		json_t *val;

		json_object_set_new(v[i], "rank", json_integer((json_int_t)i + 1));
		json_array_append(ranked, v[i]);
		json_object_foreach(v[i], key, val)
			if (json_is_integer(val) && strcmp(key, "station_id") && strcmp(key, "rank") &&
			    strcmp(key, "callback_pct") && strcmp(key, "score"))
				json_object_set_new(totals, key,
						    json_integer(row_int(totals, key) + json_integer_value(val)));
	}
	json_decref(rows);
	weights = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I}", "incidents", (json_int_t)w_inc, "filed",
			    (json_int_t)w_filed, "solved", (json_int_t)w_solved, "persons",
			    (json_int_t)w_persons, "callback_pct", (json_int_t)w_cb, "open_breaches",
			    (json_int_t)w_breach);
	*out = json_pack("{s:s, s:o, s:o, s:o}", "date", arena_printf(c->arena, "%04d-%02d-%02d", y, m, d),
			 "rows", ranked, "totals", totals, "weights", weights);
	if (!*out)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	return audit_write(c, "report.daily", "report", json_string_value(json_object_get(*out, "date")),
			   "success", NULL);
fail:
	json_decref(rows);
	return rc;
}

static int group(struct ctx *c, json_t *out, const char *key, const char *sql, const char *like,
		 int64_t station, int64_t from, int64_t to)
{
	struct rows_query q;
	json_t *arr;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, like);
	rows_bind_int(&q, station);
	rows_bind_int(&q, station);
	rows_bind_int(&q, from);
	rows_bind_int(&q, to);
	rc = rows_all(&q, sql, &arr);
	if (rc)
		return rc;
	json_object_set_new(out, key, arr);
	return PS_OK;
}

#define STATS_WHERE                                                                   \
	" FROM incident i JOIN org_unit o ON o.id = i.station_id"                       \
	" WHERE o.path LIKE ? AND (? = 0 OR i.station_id = ?) AND i.received_at >= ?"    \
	" AND i.received_at < ? AND i.duplicate_of IS NULL"

int reports_stats(struct ctx *c, int64_t from, int64_t to, int64_t station_id, json_t **out)
{
	const char *scope = c->who.scope_path ? c->who.scope_path : c->who.unit_path;
	const char *like = arena_printf(c->arena, "%s%%", scope ? scope : "/");
	json_t *res;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_REPORT_STATS);
	if (rc)
		return rc;
	if (to <= from || to - from > 400LL * 86400)
		return ps_fail_field(c->err, PS_EINVAL, "to", "统计区间应为1天到400天");
	res = json_object();
	if (!res)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = group(c, res, "by_category",
		   "SELECT g.code AS code, (SELECT name FROM incident_category WHERE code = g.code)"
		   " AS name, g.n AS n FROM (SELECT substr(i.category, 1, 2) AS code, COUNT(*) AS n"
		   STATS_WHERE " GROUP BY substr(i.category, 1, 2)) g ORDER BY g.code",
		   like, station_id, from, to);
	/* local hour and weekday: UTC+8 applied in integer arithmetic (portable) */
	if (!rc)
		rc = group(c, res, "by_hour",
			   "SELECT ((i.received_at + 28800) % 86400) / 3600 AS hour, COUNT(*) AS n" STATS_WHERE
			   " GROUP BY ((i.received_at + 28800) % 86400) / 3600 ORDER BY hour",
			   like, station_id, from, to);
	if (!rc)
		rc = group(c, res, "by_weekday",
			   "SELECT (((i.received_at + 28800) / 86400) + 3) % 7 AS weekday, COUNT(*) AS n" STATS_WHERE
			   " GROUP BY (((i.received_at + 28800) / 86400) + 3) % 7 ORDER BY weekday",
			   like, station_id, from, to);
	if (!rc)
		rc = group(c, res, "by_station",
			   "SELECT i.station_id, o.name AS station_name, COUNT(*) AS n" STATS_WHERE
			   " GROUP BY i.station_id, o.name ORDER BY n DESC, i.station_id",
			   like, station_id, from, to);
	if (!rc)
		rc = group(c, res, "hot_spots",
			   "SELECT MIN(i.place) AS place, COUNT(*) AS n" STATS_WHERE
			   " GROUP BY i.place_key HAVING COUNT(*) >= 2 ORDER BY n DESC, place LIMIT 10",
			   like, station_id, from, to);
	if (!rc) /* 出警人员 and late arrivals (issue 17) */
		rc = incidents_response_figures(c, like, station_id, from, to, res);
	if (!rc)
		rc = audit_write(c, "report.stats", "report", NULL, "success", NULL);
	if (rc) {
		json_decref(res);
		return rc;
	}
	json_object_set_new(res, "from", json_integer(from));
	json_object_set_new(res, "to", json_integer(to));
	*out = res;
	return PS_OK;
}
