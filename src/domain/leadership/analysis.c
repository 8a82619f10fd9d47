/* analysis.c — 研判 (see analysis.h). */
#include "domain/leadership/analysis.h"
#include "domain/clocks/clocks.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")
#define NSLOT 5

/* A dimension: its key and name expressions (name aggregated) and any join. */
struct dim {
	const char *out, *key, *name, *join;
};

static const struct dim dims[] = {
	{ "by_type", "substr(i.category, 1, 2)", "MIN(pc.name)",
	  " LEFT JOIN incident_category pc ON pc.code = substr(i.category, 1, 2)" },
	{ "by_station", "i.station_id", "MIN(o.name)", "" },
	{ "by_place", "i.place_key", "MIN(i.place)", "" },
	{ "by_hour", "((i.received_at + 28800) % 86400) / 3600", "MIN(o.name)", "" },
	/* 网格: the grid of the addresses of the incident's 社区 at its station
	 * (the lowest when the 社区 spans several, as the patrol heat map
	 * reads it); 0 未对应网格 when none */
	{ "by_grid", "COALESCE(ga.grid_id, 0)", "MIN(COALESCE(o.name || '·' || g.name, '未对应网格'))",
	  " LEFT JOIN (SELECT a.station_id, a.community, MIN(a.grid_id) AS grid_id FROM address a"
	  " WHERE a.grid_id IS NOT NULL GROUP BY a.station_id, a.community) ga ON ga.station_id = i.station_id"
	  " AND ga.community = i.community LEFT JOIN grid g ON g.id = ga.grid_id" },
};

/* the dimensions of the weekly brief (the hour is the morning page's only) */
static const size_t weekly_dims[] = { 0, 1, 2, 4 };

/* sqrt and 2-decimal rounding without libm (non-negative values) */
static double root(double v)
{
	double x = v > 1 ? v : 1;

	if (v <= 0)
		return 0;
	for (int i = 0; i < 40; i++)
		x = (x + v / x) / 2;
	return x;
}

static double r2(double v)
{
	return (double)(int64_t)(v * 100 + 0.5) / 100;
}

static int parse_day(struct ctx *c, const char *ymd, int64_t *day)
{
	int y, m, d;

	if (!ymd || !*ymd) {
		*day = date_local_days(c->now) - 1;
		return PS_OK;
	}
	if (strlen(ymd) != 10 || date_parse(ymd, 10, &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "date", "日期应为 YYYY-MM-DD");
	*day = date_days_from_civil(y, m, d);
	return PS_OK;
}

static const char *ymd_of(struct ctx *c, int64_t day)
{
	int y, m, d;

	date_civil_from_days(day, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

/* Counts of one dimension in the slots [from[s], to[s]) (local days): rows
 * {k, name, n[NSLOT]} in *out (new array). */
static int counts(struct ctx *c, const struct dim *dm, const int64_t *from, const int64_t *to, int nslot,
		  json_t **out)
{
	struct rows_query q;
	json_t *res, *r, *acc, *items;
	const char *ranges = "";
	size_t i, j;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	for (int s = 0; s < nslot; s++) {
		rows_bind_int(&q, from[s] * 86400 - 28800);
		rows_bind_int(&q, to[s] * 86400 - 28800);
		ranges = arena_printf(c->arena, "%s%s(i.received_at >= ? AND i.received_at < ?)", ranges, s ? " OR " : "");
	}
	rc = rows_all(&q,
		      arena_printf(c->arena,
				   "SELECT (i.received_at + 28800) / 86400 AS d, %s AS k, %s AS name, COUNT(*) AS n"
				   " FROM incident i JOIN org_unit o ON o.id = i.station_id%s WHERE o.path LIKE ?"
				   " AND i.duplicate_of IS NULL AND (%s) GROUP BY (i.received_at + 28800) / 86400, %s",
				   dm->key, dm->name, dm->join, ranges, dm->key),
		      &res);
	if (rc)
		return rc;
	items = json_array();
	if (!items) {
		json_decref(res);
		return NOMEM(c);
	}
	json_array_foreach(res, i, r) {
		int64_t d = row_int(r, "d");
		int slot = -1;

		for (int s = 0; s < nslot; s++)
			if (d >= from[s] && d < to[s])
				slot = s;
		if (slot < 0)
			continue;
		acc = NULL;
		json_array_foreach(items, j, acc)
			if (json_equal(json_object_get(acc, "k"), json_object_get(r, "k")))
				break;
		if (j == json_array_size(items)) {
			json_t *n = json_array();

			for (int s = 0; s < nslot; s++)
				json_array_append_new(n, json_integer(0));
			acc = json_pack("{s:O, s:O, s:o}", "k", json_object_get(r, "k"), "name",
					json_object_get(r, "name"), "n", n);
			if (!acc || json_array_append_new(items, acc)) {
				json_decref(res);
				json_decref(items);
				return NOMEM(c);
			}
		}
		json_array_set_new(json_object_get(acc, "n"), (size_t)slot,
				   json_integer(json_integer_value(json_array_get(json_object_get(acc, "n"), (size_t)slot)) +
						row_int(r, "n")));
	}
	json_decref(res);
	*out = items;
	return PS_OK;
}

static int by_count_desc(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int64_t nx = row_int(x, "count"), ny = row_int(y, "count");

	return nx != ny ? (nx > ny ? -1 : 1) : 0;
}

/* Sort an array of {count} descending (stable enough for display). */
static void sort_items(struct ctx *c, json_t *arr)
{
	size_t n = json_array_size(arr), i;
	json_t **v = arena_alloc(c->arena, sizeof(*v) * (n + 1));

	if (!v)
		return;
	for (i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(arr, i));
	qsort(v, n, sizeof(*v), by_count_desc);
	json_array_clear(arr);
	for (i = 0; i < n; i++)
		json_array_append_new(arr, v[i]);
}

int analysis_morning(struct ctx *c, const char *ymd, json_t **out)
{
	struct rows_query q;
	int64_t day, from[NSLOT], to[NSLOT];
	double k = (double)setting_int(c, "analysis.k_tenths", 0) / 10.0;
	int64_t min_n = setting_int(c, "analysis.min_count", 0);
	json_t *res, *standouts, *warnings = NULL, *note = NULL;
	const char *date;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_ANALYSIS_READ);
	if (!rc)
		rc = parse_day(c, ymd, &day);
	if (rc)
		return rc;
	date = ymd_of(c, day);
	for (int s = 0; s < NSLOT; s++) {
		from[s] = day - 7 * s;
		to[s] = from[s] + 1;
	}
	res = json_pack("{s:s, s:s, s:I}", "date", date, "rule",
			arena_printf(c->arena, "高于近4周同一星期几的均值 + %.1f×标准差，且不少于%lld起（%s）", k,
				     (long long)min_n, rule_get(RULE_PAT_ANALYSIS_RANGE)->code),
			"k_tenths", (json_int_t)(k * 10));
	standouts = json_array();
	if (!res || !standouts) {
		json_decref(res);
		json_decref(standouts);
		return NOMEM(c);
	}
	for (size_t di = 0; di < sizeof(dims) / sizeof(dims[0]); di++) {
		json_t *items, *it;
		size_t i;

		rc = counts(c, &dims[di], from, to, NSLOT, &items);
		if (rc)
			goto fail;
		json_array_foreach(items, i, it) {
			json_t *n = json_object_get(it, "n");
			double w[4], mean = 0, var = 0, sd;
			int64_t n0 = json_integer_value(json_array_get(n, 0));
			int high;

			for (int s = 0; s < 4; s++) {
				w[s] = (double)json_integer_value(json_array_get(n, (size_t)s + 1));
				mean += w[s] / 4;
			}
			for (int s = 0; s < 4; s++)
				var += (w[s] - mean) * (w[s] - mean) / 4;
			sd = root(var);
			high = n0 >= min_n && (double)n0 > mean + k * sd;
			json_object_set_new(it, "count", json_integer(n0));
			json_object_set_new(it, "weeks", json_pack("[f, f, f, f]", w[0], w[1], w[2], w[3]));
			json_object_set_new(it, "mean", json_real(r2(mean)));
			json_object_set_new(it, "sd", json_real(r2(sd)));
			json_object_set_new(it, "high", json_boolean(high));
			json_object_del(it, "n");
			if (high && strcmp(dims[di].out, "by_hour") &&
			    !(!strcmp(dims[di].out, "by_grid") && row_int(it, "k") == 0))
				json_array_append_new(standouts,
						      json_pack("{s:s, s:O, s:I, s:f}", "dimension",
								!strcmp(dims[di].out, "by_type")      ? "类型"
								: !strcmp(dims[di].out, "by_station") ? "派出所"
								: !strcmp(dims[di].out, "by_grid")    ? "网格"
												      : "地点",
								"name", json_object_get(it, "name"), "count", (json_int_t)n0, "mean",
								r2(mean)));
		}
		if (strcmp(dims[di].out, "by_hour"))
			sort_items(c, items);
		if (!strcmp(dims[di].out, "by_place")) {
			/* the places that matter: seen that day or above range */
			json_t *keep = json_array();

			json_array_foreach(items, i, it)
				if (row_int(it, "count") >= 2 || json_is_true(json_object_get(it, "high")))
					json_array_append(keep, it);
			json_decref(items);
			items = keep;
		}
		json_object_set_new(res, dims[di].out, items);
	}
	json_object_set_new(res, "standouts", standouts);
	standouts = NULL;
	{
		/* the 30 most urgent, holding no more than 60 on the way */
		struct clock_ask a = { .scope = SCOPE_UNIT, .min = LEVEL_WARN, .keep = 30 };

		rc = clocks_ask(c, &a, &warnings);
	}
	if (rc)
		goto fail;
	json_object_set_new(res, "warnings", warnings);
	rows_binds(&q, c);
	rows_bind_text(&q, date);
	rows_bind_int(&q, c->who.unit_id);
	rc = rows_one(&q,
		      "SELECT n.text, n.updated_at, u.name AS user_name FROM analysis_note n JOIN users u ON u.id = n.user_id"
		      " WHERE n.day = ? AND n.unit_id = ?",
		      &note);
	if (rc && rc != PS_ENOTFOUND)
		goto fail;
	json_object_set_new(res, "note", rc ? json_null() : note);
	rc = audit_read_action(c, "analysis.read", "analysis", date, NULL);
	if (rc)
		goto fail;
	*out = res;
	return PS_OK;
fail:
	json_decref(standouts);
	json_decref(res);
	return rc;
}

int analysis_note_save(struct ctx *c, const char *ymd, const char *text, json_t **out)
{
	struct rows_query q;
	int64_t day;
	const char *date;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_ANALYSIS_WRITE);
	if (!rc)
		rc = parse_day(c, ymd, &day);
	if (rc)
		return rc;
	if (!text || !*text)
		return ps_fail_field(c->err, PS_EINVAL, "text", "请填写研判意见");
	date = ymd_of(c, day);
	rows_binds(&q, c);
	rows_bind_text(&q, date);
	rows_bind_int(&q, c->who.unit_id);
	rows_bind_text(&q, text);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_exec(&q,
		       "INSERT INTO analysis_note (day, unit_id, text, user_id, updated_at) VALUES (?,?,?,?,?)"
		       " ON CONFLICT (day, unit_id) DO UPDATE SET text = excluded.text, user_id = excluded.user_id,"
		       " updated_at = excluded.updated_at",
		       NULL);
	if (!rc)
		rc = audit_write(c, "analysis.note", "analysis", date, "success", NULL);
	if (rc)
		return rc;
	*out = json_pack("{s:{s:s, s:s, s:I, s:s}}", "note", "day", date, "text", text, "updated_at", (json_int_t)c->now,
			 "user_name", c->who.name ? c->who.name : "");
	return *out ? PS_OK : NOMEM(c);
}

int analysis_weekly(struct ctx *c, const char *ymd, json_t **out)
{
	int64_t day, from[2], to[2], tot[2] = { 0, 0 };
	json_t *res;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_ANALYSIS_READ);
	if (!rc)
		rc = parse_day(c, ymd, &day);
	if (rc)
		return rc;
	from[0] = day - 6;
	to[0] = day + 1;
	from[1] = day - 13;
	to[1] = day - 6;
	res = json_pack("{s:s, s:s}", "from", ymd_of(c, from[0]), "to", ymd_of(c, day));
	if (!res)
		return NOMEM(c);
	for (size_t wi = 0; wi < sizeof(weekly_dims) / sizeof(weekly_dims[0]); wi++) {
		size_t di = weekly_dims[wi];
		json_t *items, *it;
		size_t i;

		rc = counts(c, &dims[di], from, to, 2, &items);
		if (rc) {
			json_decref(res);
			return rc;
		}
		json_array_foreach(items, i, it) {
			int64_t n0 = json_integer_value(json_array_get(json_object_get(it, "n"), 0));
			int64_t n1 = json_integer_value(json_array_get(json_object_get(it, "n"), 1));

			json_object_set_new(it, "count", json_integer(n0));
			json_object_set_new(it, "prev", json_integer(n1));
			json_object_del(it, "n");
			if (di == 0) {
				tot[0] += n0;
				tot[1] += n1;
			}
		}
		sort_items(c, items);
		if (di == 2)
			while (json_array_size(items) > 15)
				json_array_remove(items, json_array_size(items) - 1);
		json_object_set_new(res, dims[di].out, items);
	}
	json_object_set_new(res, "total", json_integer(tot[0]));
	json_object_set_new(res, "prev_total", json_integer(tot[1]));
	rc = audit_read_action(c, "analysis.weekly", "analysis", ymd_of(c, day), NULL);
	if (rc) {
		json_decref(res);
		return rc;
	}
	*out = res;
	return PS_OK;
}
