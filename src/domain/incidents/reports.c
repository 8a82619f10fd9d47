#include "domain/incidents/reports.h"
#include "domain/incidents/incidents.h"
#include "domain/incidents/response_times.h"
#include "domain/authz.h"
#include "domain/org.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "rules/date.h"
#include "core/json.h"

#include <stdlib.h>
#include <string.h>


/* One figure per station for the day: the query's binds are pushed by the
 * caller (args), it returns (station_id, n). */
static int figure_q(struct ctx *c, json_t *rows, const char *key, struct rows_query *q, const char *sql)
{
	json_t *res, *r, *row;
	size_t i, j;
	int rc;

	(void)c;
	rc = rows_all(q, sql, &res);
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

static int figure(struct ctx *c, json_t *rows, const char *key, const char *sql, int64_t from, int64_t to)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, from);
	rows_bind_int(&q, to);
	return figure_q(c, rows, key, &q, sql);
}

/* The preventable kinds (PAT-PREVENTABLE, setting report.preventable_categories):
 * "(?,?,…)" with the codes bound; "('')" when the list is empty. */
static const char *preventable_in(struct ctx *c, struct rows_query *q)
{
	const char *list = setting_text(c, "report.preventable_categories", 0);
	char *sql = arena_printf(c->arena, "(''"), *copy, *tok, *save = NULL;

	if (!list || !sql)
		return "('')";
	copy = arena_printf(c->arena, "%s", list);
	for (tok = copy ? strtok_r(copy, ", ", &save) : NULL; tok; tok = strtok_r(NULL, ", ", &save)) {
		rows_bind_text(q, tok);
		sql = arena_printf(c->arena, "%s,?", sql);
		if (!sql)
			return "('')";
	}
	return arena_printf(c->arena, "%s)", sql);
}

static int preventable(struct ctx *c, json_t *rows, const char *key, int64_t from, int64_t to)
{
	struct rows_query q;
	const char *in;

	rows_binds(&q, c);
	rows_bind_int(&q, from);
	rows_bind_int(&q, to);
	in = preventable_in(c, &q);
	return figure_q(c, rows, key, &q,
			arena_printf(c->arena,
				     "SELECT station_id, COUNT(*) AS n FROM incident WHERE received_at >= ?"
				     " AND received_at < ? AND duplicate_of IS NULL AND station_id IS NOT NULL"
				     " AND category IN %s GROUP BY station_id",
				     in));
}

/* The same calendar day one year earlier (29 Feb → 28 Feb). */
static int64_t year_before(int64_t day)
{
	int y, m, d;

	date_civil_from_days(day, &y, &m, &d);
	if (m == 2 && d == 29)
		d = 28;
	return date_days_from_civil(y - 1, m, d);
}

/* Weights (settings report.*): points per unit of each indicator; the
 * penalties are subtracted. */
struct weights {
	int64_t solved, persons, safe_pct, preventable, callback, oversight, breach, tasks;
};

static void weights_load(struct ctx *c, struct weights *w)
{
	w->solved = setting_int(c, "report.weight_solved", 0);
	w->persons = setting_int(c, "report.weight_persons", 0);
	w->safe_pct = setting_int(c, "report.weight_safe_pct", 0);
	w->preventable = setting_int(c, "report.weight_preventable", 0);
	w->callback = setting_int(c, "report.penalty_callback", 0);
	w->oversight = setting_int(c, "report.penalty_oversight", 0);
	w->breach = setting_int(c, "report.penalty_breach", 0);
	w->tasks = setting_int(c, "report.penalty_task_overdue", 0);
}

static json_t *weights_json(const struct weights *w)
{
	return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "solved", (json_int_t)w->solved,
			 "persons", (json_int_t)w->persons, "safe_pct", (json_int_t)w->safe_pct,
			 "preventable", (json_int_t)w->preventable, "callback", (json_int_t)w->callback,
			 "oversight", (json_int_t)w->oversight, "breach", (json_int_t)w->breach, "tasks",
			 (json_int_t)w->tasks);
}

/* The score of one station's figures (the 口径 of each term is its catalog
 * row, PAT-IND-*). Receiving incidents earns nothing: an incident can only
 * add to 可防性案件 or to 未回告, both of which lower the score. */
static int64_t score_of(json_t *row, const struct weights *w)
{
	int64_t p = row_int(row, "preventable");

	return w->solved * row_int(row, "solved") + w->persons * row_int(row, "persons_dealt") +
	       w->safe_pct * row_int(row, "safe_pct") +
	       w->preventable * ((row_int(row, "preventable_last_week") - p) +
				 (row_int(row, "preventable_last_year") - p)) -
	       w->callback * row_int(row, "missed_callbacks") - w->oversight * row_int(row, "overdue_oversight") -
	       w->breach * row_int(row, "open_breaches") - w->tasks * row_int(row, "tasks_overdue");
}

/* The stations of the scope, with every figure of local day `day` as of the
 * end of that day (or as of now for today). */
static int day_figures(struct ctx *c, const char *like, int64_t day, json_t **out)
{
	struct rows_query q;
	json_t *rows, *row;
	int64_t from = day * 86400 - 8 * 3600, to = from + 86400;
	int64_t lw = from - 7 * 86400, ly = year_before(day) * 86400 - 8 * 3600;
	/* what was overdue or open: at the day's end, or now for today */
	int64_t asof = to <= c->now ? to : c->now + 1;
	int y, m, d;
	const char *ymd;
	size_t i;
	int rc;

	*out = NULL;
	date_civil_from_days(day, &y, &m, &d);
	ymd = arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
	rows_binds(&q, c);
	rows_bind_text(&q, like);
	rc = rows_all(&q,
		      "SELECT id AS station_id, name AS station_name FROM org_unit WHERE kind = 'station'"
		      " AND path LIKE ? ORDER BY code",
		      &rows);
	if (rc)
		return rc;
#define FIG(key, sql, a, b) do { rc = figure(c, rows, key, sql, a, b); if (rc) goto fail; } while (0)
	/* shown, never scored */
	FIG("incidents", "SELECT station_id, COUNT(*) AS n FROM incident WHERE received_at >= ? AND received_at < ?"
			 " AND duplicate_of IS NULL AND station_id IS NOT NULL GROUP BY station_id", from, to);
	FIG("cases_accepted", "SELECT unit_id AS station_id, COUNT(*) AS n FROM police_case"
			      " WHERE accepted_at >= ? AND accepted_at < ? GROUP BY unit_id", from, to);
	FIG("cases_filed", "SELECT unit_id AS station_id, COUNT(*) AS n FROM police_case"
			   " WHERE filed_at >= ? AND filed_at < ? GROUP BY unit_id", from, to);
	/* PAT-IND-SOLVED: criminal cases concluded (侦查终结) that day */
	FIG("solved", "SELECT unit_id AS station_id, COUNT(*) AS n FROM police_case"
		      " WHERE closed_at >= ? AND closed_at < ? AND kind = 'criminal'"
		      " AND status || '' IN ('closed','archived') GROUP BY unit_id", from, to);
	/* PAT-IND-PERSONS: each person once per day per kind of 打击处理 */
	rows_binds(&q, c);
	for (i = 0; i < 3; i++) {
		rows_bind_int(&q, from);
		rows_bind_int(&q, to);
	}
	rc = figure_q(c, rows, "persons_dealt", &q,
		      "SELECT station_id, COUNT(*) AS n FROM ("
		      " SELECT k.unit_id AS station_id, cp.person_id, 'penalty' AS kind"
		      " FROM police_case k JOIN penalty_proposal pp ON pp.case_id = k.id"
		      " JOIN case_party cp ON cp.id = pp.party_id"
		      " WHERE pp.status = 'approved' AND pp.no_penalty = 0 AND k.decided_at >= ? AND k.decided_at < ?"
		      " UNION SELECT k.unit_id, cp.person_id, m.kind FROM measure m"
		      " JOIN police_case k ON k.id = m.case_id JOIN case_party cp ON cp.id = m.party_id"
		      " WHERE m.kind IN ('crim_detention','arrest','bail','rsl') AND m.started_at >= ?"
		      " AND m.started_at < ? AND NOT EXISTS (SELECT 1 FROM measure p WHERE p.id = m.previous_id"
		      " AND p.kind = m.kind)"
		      " UNION SELECT k.unit_id, cp.person_id, 'prosecution' FROM police_case k"
		      " JOIN case_party cp ON cp.case_id = k.id AND cp.role = 'suspect'"
		      " WHERE k.kind = 'criminal' AND k.status IN ('closed','archived')"
		      " AND k.closed_at >= ? AND k.closed_at < ?"
		      ") x GROUP BY station_id");
	if (rc)
		goto fail;
	/* PAT-IND-SAFE: compounds designated on the day / compounds registered by its end */
	rows_binds(&q, c);
	rows_bind_int(&q, to);
	rc = figure_q(c, rows, "compounds", &q,
		      "SELECT station_id, COUNT(*) AS n FROM compound WHERE created_at < ? GROUP BY station_id");
	if (rc)
		goto fail;
	rows_binds(&q, c);
	rows_bind_text(&q, ymd);
	rows_bind_text(&q, ymd);
	rows_bind_int(&q, to);
	rc = figure_q(c, rows, "safe_compounds", &q,
		      "SELECT k.station_id, COUNT(DISTINCT k.id) AS n FROM compound k"
		      " JOIN compound_designation g ON g.compound_id = k.id"
		      " WHERE g.from_on <= ? AND (g.to_on IS NULL OR g.to_on > ?) AND k.created_at < ?"
		      " GROUP BY k.station_id");
	if (rc)
		goto fail;
	/* PAT-IND-PREVENTABLE: fewer is better, against last week's and last year's same day */
	rc = preventable(c, rows, "preventable", from, to);
	if (!rc)
		rc = preventable(c, rows, "preventable_last_week", lw, lw + 86400);
	if (!rc)
		rc = preventable(c, rows, "preventable_last_year", ly, ly + 86400);
	if (rc)
		goto fail;
	/* PAT-IND-CALLBACK */
	FIG("handled", "SELECT station_id, COUNT(*) AS n FROM incident WHERE handled_at >= ? AND handled_at < ?"
		       " AND duplicate_of IS NULL GROUP BY station_id", from, to);
#undef FIG
	rows_binds(&q, c);
	rows_bind_int(&q, from);
	rows_bind_int(&q, to);
	rows_bind_int(&q, to);
	rc = figure_q(c, rows, "callbacks", &q,
		      "SELECT station_id, COUNT(*) AS n FROM incident WHERE handled_at >= ? AND handled_at < ?"
		      " AND duplicate_of IS NULL AND callback_at IS NOT NULL AND callback_at < ?"
		      " GROUP BY station_id");
	if (rc)
		goto fail;
	/* PAT-IND-OVERSIGHT and open breaches: as they stood at the end of the day */
	rows_binds(&q, c);
	rows_bind_int(&q, asof);
	rows_bind_int(&q, asof);
	rc = figure_q(c, rows, "overdue_oversight", &q,
		      "SELECT station_id, COUNT(*) AS n FROM oversight_task WHERE deadline < ?"
		      " AND (answered_at IS NULL OR answered_at >= ?)"
		      " GROUP BY station_id");
	if (rc)
		goto fail;
	rows_binds(&q, c);
	rows_bind_int(&q, asof);
	rows_bind_int(&q, asof);
	rc = figure_q(c, rows, "open_breaches", &q,
		      "SELECT unit_id AS station_id, COUNT(*) AS n FROM breach WHERE recorded_at < ?"
		      " AND (answered_at IS NULL OR answered_at >= ?) GROUP BY unit_id");
	if (rc)
		goto fail;
	/* 领导交办: done that day; overdue and not done at its end (PAT-IND-TASKS) */
	rc = figure(c, rows, "tasks_done", "SELECT station_id, COUNT(*) AS n FROM leader_task WHERE done_at >= ? AND done_at < ?"
			   " GROUP BY station_id", from, to);
	if (rc)
		goto fail;
	rows_binds(&q, c);
	rows_bind_int(&q, asof);
	rows_bind_int(&q, asof);
	rows_bind_int(&q, asof);
	rc = figure_q(c, rows, "tasks_overdue", &q,
		      "SELECT station_id, COUNT(*) AS n FROM leader_task WHERE deadline < ? AND created_at < ?"
		      " AND (done_at IS NULL OR done_at >= ?) GROUP BY station_id");
	if (rc)
		goto fail;
	rows_binds(&q, c);
	rows_bind_int(&q, asof);
	rows_bind_int(&q, asof);
	rc = figure_q(c, rows, "tasks_open", &q,
		      "SELECT station_id, COUNT(*) AS n FROM leader_task WHERE created_at < ?"
		      " AND (done_at IS NULL OR done_at >= ?) GROUP BY station_id");
	if (rc)
		goto fail;
	json_array_foreach(rows, i, row) {
		int64_t handled = row_int(row, "handled"), cb = row_int(row, "callbacks");
		int64_t total = row_int(row, "compounds");

		json_object_set_new(row, "callback_pct", json_integer(handled ? cb * 100 / handled : 0));
		json_object_set_new(row, "missed_callbacks", json_integer(handled - cb));
		json_object_set_new(row, "safe_pct",
				    json_integer(total ? row_int(row, "safe_compounds") * 100 / total : 0));
	}
	*out = rows;
	return PS_OK;
fail:
	json_decref(rows);
	return rc;
}

static int by_score(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int64_t sx = row_int(x, "score"), sy = row_int(y, "score");

	if (sx != sy)
		return sx > sy ? -1 : 1;
	return row_int(x, "station_id") < row_int(y, "station_id") ? -1 : 1;
}

/* Sort rows by score, rank them (ties share a rank: 1, 1, 3) and return the
 * ranked array (new) and the totals of the integer figures. */
static int rank_rows(struct ctx *c, json_t *rows, json_t **ranked_out, json_t **totals_out)
{
	size_t n = json_array_size(rows), i;
	json_t **v = arena_alloc(c->arena, sizeof(*v) * (n + 1));
	json_t *ranked = json_array(), *totals = json_object();
	int64_t rank = 0;

	if (!v || !ranked || !totals) {
		json_decref(ranked);
		json_decref(totals);
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	for (i = 0; i < n; i++)
		v[i] = json_array_get(rows, i);
	qsort(v, n, sizeof(*v), by_score);
	for (i = 0; i < n; i++) {
		const char *key;
		json_t *val;

		if (i == 0 || row_int(v[i], "score") != row_int(v[i - 1], "score"))
			rank = (int64_t)i + 1;
		json_object_set_new(v[i], "rank", json_integer(rank));
		json_array_append(ranked, v[i]);
		json_object_foreach(v[i], key, val)
			if (json_is_integer(val) && strcmp(key, "station_id") && strcmp(key, "rank") &&
			    strcmp(key, "callback_pct") && strcmp(key, "safe_pct") && strcmp(key, "score"))
				json_object_set_new(totals, key,
						    json_integer(row_int(totals, key) + json_integer_value(val)));
	}
	*ranked_out = ranked;
	*totals_out = totals;
	return PS_OK;
}

/* The path of the 县局 the actor belongs to: station chiefs see the county
 * ranking and their place in it, the bureau every station. */
static int ranking_scope(struct ctx *c, const char **path, int64_t *bureau_id)
{
	struct rows_query q;
	struct org_chain ch;
	const char *own = c->who.scope_path ? c->who.scope_path : c->who.unit_path;
	json_t *b;
	int rc;

	*path = own ? own : "/";
	*bureau_id = c->who.unit_id;
	if (!own || org_parse(own, &ch))
		return PS_OK;
	for (int i = ch.n - 1; i >= 0; i--) {
		rows_binds(&q, c);
		rows_bind_int(&q, ch.id[i]);
		rc = rows_one(&q, "SELECT id, path FROM org_unit WHERE id = ? AND kind = 'bureau'", &b);
		if (rc == PS_ENOTFOUND)
			continue;
		if (rc)
			return rc;
		*path = arena_printf(c->arena, "%s", row_str(b, "path"));
		*bureau_id = row_int(b, "id");
		json_decref(b);
		return *path ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	return PS_OK;
}

/* The figures that make the score; a correction is a change in one of these */
static const char *const scored_keys[] = {
	"solved", "persons_dealt", "safe_pct", "preventable", "preventable_last_week",
	"preventable_last_year", "missed_callbacks", "overdue_oversight", "open_breaches",
	"tasks_overdue", NULL,
};

/* Compare the frozen rows with the current figures: each station whose
 * figures changed since gets "corrections": {key: {"frozen","current"}}
 * and "corrected_score"; the frozen figures and rank stand. */
static int mark_corrections(struct ctx *c, json_t *frozen, json_t *current, const struct weights *w,
			    int64_t *count)
{
	json_t *f, *cur;
	size_t i, j;

	*count = 0;
	json_array_foreach(frozen, i, f)
		json_array_foreach(current, j, cur) {
			json_t *corr;

			if (row_int(cur, "station_id") != row_int(f, "station_id"))
				continue;
			corr = json_object();
			if (!corr)
				return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
			for (const char *const *k = scored_keys; *k; k++)
				if (row_int(cur, *k) != row_int(f, *k))
					json_object_set_new(corr, *k,
							    json_pack("{s:I, s:I}", "frozen",
								      (json_int_t)row_int(f, *k), "current",
								      (json_int_t)row_int(cur, *k)));
			if (json_object_size(corr)) {
				json_object_set_new(f, "corrections", corr);
				json_object_set_new(f, "corrected_score", json_integer(score_of(cur, w)));
				(*count)++;
			} else {
				json_decref(corr);
			}
		}
	return PS_OK;
}

/* The ranking of local day `day` for the bureau: a past day's frozen figures
 * (frozen now if this is the first read since the day ended) with any later
 * correction beside them; today's live. *out: {"rows","weights","frozen_at"}. */
static int day_ranking(struct ctx *c, const char *like, int64_t bureau_id, int64_t day, int64_t today,
		       json_t **out)
{
	struct rows_query q;
	json_t *cur = NULL, *frozen = NULL, *rows, *wj;
	struct weights w;
	int y, m, d;
	const char *ymd;
	size_t i;
	json_t *row;
	int64_t ncorr = 0;
	int rc;

	*out = NULL;
	date_civil_from_days(day, &y, &m, &d);
	ymd = arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
	weights_load(c, &w);
	if (day < today) {
		rows_binds(&q, c);
		rows_bind_text(&q, ymd);
		rows_bind_int(&q, bureau_id);
		rc = rows_one(&q, "SELECT figures, frozen_at FROM daily_ranking WHERE day = ? AND bureau_id = ?",
			      &frozen);
		if (rc && rc != PS_ENOTFOUND)
			return rc;
		if (!rc) {
			json_t *parsed = NULL;
			int64_t at = row_int(frozen, "frozen_at");

			rc = json_parse_stored(row_str(frozen, "figures"), &parsed, c->err);
			json_decref(frozen);
			frozen = NULL;
			if (rc)
				return rc;
			if (parsed) {
				json_object_set_new(parsed, "frozen_at", json_integer(at));
				frozen = parsed;
			}
		}
	}
	rc = day_figures(c, like, day, &cur);
	if (rc) {
		json_decref(frozen);
		return rc;
	}
	json_array_foreach(cur, i, row)
		json_object_set_new(row, "score", json_integer(score_of(row, &w)));
	if (frozen) {
		/* weights of the day as frozen */
		json_t *fw = json_object_get(frozen, "weights");
		struct weights w0 = {
			row_int(fw, "solved"), row_int(fw, "persons"), row_int(fw, "safe_pct"),
			row_int(fw, "preventable"), row_int(fw, "callback"), row_int(fw, "oversight"),
			row_int(fw, "breach"), row_int(fw, "tasks"),
		};

		rc = mark_corrections(c, json_object_get(frozen, "rows"), cur, &w0, &ncorr);
		json_decref(cur);
		if (rc) {
			json_decref(frozen);
			return rc;
		}
		json_object_set_new(frozen, "corrections", json_integer(ncorr));
		*out = frozen;
		return PS_OK;
	}
	wj = weights_json(&w);
	rc = rank_rows(c, cur, &rows, &frozen);
	json_decref(cur);
	if (rc) {
		json_decref(wj);
		return rc;
	}
	json_decref(frozen); /* totals: recomputed by the caller */
	frozen = json_pack("{s:o, s:o}", "rows", rows, "weights", wj);
	if (!frozen)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	if (day < today) {
		/* freeze: the first read after the day ended writes the day down */
		char *text = json_render(frozen, JSON_COMPACT);

		if (!text) {
			json_decref(frozen);
			return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
		}
		rows_binds(&q, c);
		rows_bind_text(&q, ymd);
		rows_bind_int(&q, bureau_id);
		rows_bind_text(&q, text);
		rows_bind_int(&q, c->now);
		rc = rows_exec(&q,
			       "INSERT INTO daily_ranking (day, bureau_id, figures, frozen_at) VALUES (?,?,?,?)"
			       " ON CONFLICT (day, bureau_id) DO NOTHING",
			       NULL);
		json_mem_free(text);
		if (rc) {
			json_decref(frozen);
			return rc;
		}
		json_object_set_new(frozen, "frozen_at", json_integer(c->now));
	} else {
		json_object_set_new(frozen, "frozen_at", json_null());
	}
	json_object_set_new(frozen, "corrections", json_integer(0));
	*out = frozen;
	return PS_OK;
}

/* Mark the actor's own station (a chief sees the county and their place). */
static void mark_own(struct ctx *c, json_t *rows, json_t *out)
{
	json_t *row;
	size_t i;

	json_array_foreach(rows, i, row)
		if (c->who.station_id && row_int(row, "station_id") == c->who.station_id) {
			json_object_set_new(row, "own", json_true());
			json_object_set_new(out, "own_rank", json_integer(row_int(row, "rank")));
		}
}

static json_t *totals_of(json_t *rows)
{
	json_t *totals = json_object(), *row, *val;
	const char *key;
	size_t i;

	if (!totals)
		return NULL;
	json_array_foreach(rows, i, row)
		json_object_foreach(row, key, val)
			if (json_is_integer(val) && strcmp(key, "station_id") && strcmp(key, "rank") &&
			    strcmp(key, "callback_pct") && strcmp(key, "safe_pct") && strcmp(key, "score") &&
			    strcmp(key, "corrected_score"))
				json_object_set_new(totals, key,
						    json_integer(row_int(totals, key) + json_integer_value(val)));
	return totals;
}

int reports_daily(struct ctx *c, int y, int m, int d, json_t **out)
{
	json_t *rep;
	const char *path;
	int64_t bureau_id, day, today;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_REPORT_DAILY);
	if (rc)
		return rc;
	if (!date_valid(y, m, d))
		return ps_fail_field(c->err, PS_EINVAL, "date", "日期不正确");
	day = date_days_from_civil(y, m, d);
	today = date_local_days(c->now);
	rc = ranking_scope(c, &path, &bureau_id);
	if (!rc)
		rc = day_ranking(c, arena_printf(c->arena, "%s%%", path), bureau_id, day, today, &rep);
	if (rc)
		return rc;
	json_object_set_new(rep, "date", json_string(arena_printf(c->arena, "%04d-%02d-%02d", y, m, d)));
	json_object_set_new(rep, "period", json_string("day"));
	json_object_set_new(rep, "totals", totals_of(json_object_get(rep, "rows")));
	mark_own(c, json_object_get(rep, "rows"), rep);
	*out = rep;
	return audit_read_action(c, "report.daily", "report", json_string_value(json_object_get(rep, "date")),
				 NULL);
}

static int period_rank(struct ctx *c, int64_t first, int64_t last, const char *label, const char *kind,
		       json_t **out);

/* Month (m > 0) or year (m == 0) totals: every day's figures as frozen (each
 * past day frozen now if not yet), today's live; the score is the sum of
 * the days' scores, ranked the same way (ties share a rank). */
int reports_period(struct ctx *c, int y, int m, json_t **out)
{
	int64_t first, last;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_REPORT_DAILY);
	if (rc)
		return rc;
	if (y < 2000 || y > 2100 || m < 0 || m > 12)
		return ps_fail_field(c->err, PS_EINVAL, "month", "月份不正确");
	first = date_days_from_civil(y, m ? m : 1, 1);
	last = m ? (m == 12 ? date_days_from_civil(y + 1, 1, 1) : date_days_from_civil(y, m + 1, 1))
		 : date_days_from_civil(y + 1, 1, 1);
	rc = period_rank(c, first, last,
			 m ? arena_printf(c->arena, "%04d-%02d", y, m) : arena_printf(c->arena, "%04d", y),
			 m ? "month" : "year", out);
	if (rc)
		return rc;
	return audit_read_action(c, "report.daily", "report", json_string_value(json_object_get(*out, "date")),
				 NULL);
}

int reports_range(struct ctx *c, int64_t first, int64_t last, json_t **out)
{
	int y, m, d, y2, m2, d2;

	*out = NULL;
	if (last <= first || last - first > 400)
		return ps_fail_field(c->err, PS_EINVAL, "period_to", "统计区间应为1天到400天");
	date_civil_from_days(first, &y, &m, &d);
	date_civil_from_days(last - 1, &y2, &m2, &d2);
	return period_rank(c, first, last,
			   arena_printf(c->arena, "%04d-%02d-%02d/%04d-%02d-%02d", y, m, d, y2, m2, d2), "range", out);
}

static int period_rank(struct ctx *c, int64_t first, int64_t last, const char *label, const char *kind,
		       json_t **out)
{
	const char *path, *like;
	int64_t bureau_id, today, day;
	json_t *sum = NULL, *ranked, *totals, *rep;
	int rc;

	*out = NULL;
	today = date_local_days(c->now);
	if (last > today + 1)
		last = today + 1;
	rc = ranking_scope(c, &path, &bureau_id);
	if (rc)
		return rc;
	like = arena_printf(c->arena, "%s%%", path);
	sum = json_array();
	if (!sum)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	for (day = first; day < last; day++) {
		json_t *dr, *row, *acc;
		size_t i, j;

		rc = day_ranking(c, like, bureau_id, day, today, &dr);
		if (rc)
			goto fail;
		json_array_foreach(json_object_get(dr, "rows"), i, row) {
			const char *key;
			json_t *val;

			acc = NULL;
			json_array_foreach(sum, j, acc)
				if (row_int(acc, "station_id") == row_int(row, "station_id"))
					break;
			if (j == json_array_size(sum)) {
				acc = json_pack("{s:I, s:s, s:I}", "station_id", (json_int_t)row_int(row, "station_id"),
						"station_name", row_str(row, "station_name"), "score", (json_int_t)0);
				if (!acc || json_array_append_new(sum, acc)) {
					json_decref(dr);
					rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
					goto fail;
				}
			}
			json_object_foreach(row, key, val)
				if (json_is_integer(val) && strcmp(key, "station_id") && strcmp(key, "rank") &&
				    strcmp(key, "callback_pct") && strcmp(key, "safe_pct") &&
				    strcmp(key, "corrected_score") && strcmp(key, "compounds") &&
				    strcmp(key, "safe_compounds"))
					json_object_set_new(acc, key,
							    json_integer(row_int(acc, key) + json_integer_value(val)));
			/* 安全小区: the share on the period's last day */
			json_object_set(acc, "safe_pct", json_object_get(row, "safe_pct"));
			json_object_set(acc, "compounds", json_object_get(row, "compounds"));
			json_object_set(acc, "safe_compounds", json_object_get(row, "safe_compounds"));
			if (json_object_get(row, "corrections"))
				json_object_set_new(acc, "corrected_days",
						    json_integer(row_int(acc, "corrected_days") + 1));
		}
		json_decref(dr);
	}
	{
		json_t *row;
		size_t i;

		json_array_foreach(sum, i, row) {
			int64_t h = row_int(row, "handled");

			json_object_set_new(row, "callback_pct",
					    json_integer(h ? row_int(row, "callbacks") * 100 / h : 0));
		}
	}
	rc = rank_rows(c, sum, &ranked, &totals);
	json_decref(sum);
	if (rc)
		return rc;
	rep = json_pack("{s:s, s:s, s:o, s:o}", "period", kind, "date", label, "rows", ranked, "totals", totals);
	if (!rep)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	mark_own(c, json_object_get(rep, "rows"), rep);
	*out = rep;
	return PS_OK;
fail:
	json_decref(sum);
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
		rc = response_times_figures(c, like, station_id, from, to, res);
	if (!rc)
		rc = audit_read_action(c, "report.stats", "report", NULL, NULL);
	if (rc) {
		json_decref(res);
		return rc;
	}
	json_object_set_new(res, "from", json_integer(from));
	json_object_set_new(res, "to", json_integer(to));
	*out = res;
	return PS_OK;
}
