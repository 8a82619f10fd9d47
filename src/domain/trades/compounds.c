/* compounds.c — 安全小区: compounds, their measures, assessments against the
 * county's criteria (COM-SAFE-AREA: no national criteria were found; the
 * settings safe_area.* hold the county's) and the dated designation. */
#include "domain/trades/compounds.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

/* households (addresses) and residents of a compound c (alias), as columns */
#define COMPOUND_COLS                                                                                          \
	"SELECT c.id, c.name, c.community, c.buildings_total, c.buildings_covered, c.access_control, c.patrol,"    \
	" c.guards, c.measures, c.station_id, o.name AS unit_name,"                                               \
	" (SELECT COUNT(*) FROM address a JOIN compound_building b ON b.compound_id = c.id AND b.building = a.building" \
	"  WHERE a.station_id = c.station_id AND a.community = c.community) AS households,"                       \
	" (SELECT COUNT(*) FROM person p JOIN address a ON a.id = p.address_id"                                   \
	"  JOIN compound_building b ON b.compound_id = c.id AND b.building = a.building"                          \
	"  WHERE a.station_id = c.station_id AND a.community = c.community) AS residents,"                        \
	" (SELECT MAX(s.assessed_on) FROM compound_assessment s WHERE s.compound_id = c.id) AS last_assessed_on,"  \
	" (SELECT MAX(d.from_on) FROM compound_designation d WHERE d.compound_id = c.id AND d.from_on <= ?"       \
	"  AND (d.to_on IS NULL OR d.to_on > ?)) AS designated_since"                                              \
	" FROM compound c JOIN org_unit o ON o.id = c.station_id"

int compounds_create(struct ctx *c, const struct compound_input *in, json_t **out)
{
	struct rows_query q;
	json_t *b;
	int64_t id, n = 0;
	size_t i, j;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_COMPOUND_CREATE);
	if (rc)
		return rc;
	if (!in->name || !*in->name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "请填写小区名称");
	if (!in->community || !*in->community)
		return ps_fail_field(c->err, PS_EINVAL, "community", "请填写所在社区（标准地址的社区）");
	if (!json_is_array(in->buildings) || !json_array_size(in->buildings) || json_array_size(in->buildings) > 200)
		return ps_fail_field(c->err, PS_EINVAL, "buildings", "请选择小区包含的楼栋");
	if (in->buildings_covered > (in->buildings_total ? in->buildings_total : (int64_t)json_array_size(in->buildings)))
		return ps_fail_field(c->err, PS_EINVAL, "buildings_covered", "视频覆盖楼栋数不能多于楼栋总数");
	json_array_foreach(in->buildings, i, b) {
		if (!json_is_string(b) || !*json_string_value(b))
			return ps_fail_field(c->err, PS_EINVAL, "buildings", "楼栋名称应为文字");
		for (j = 0; j < i; j++)
			if (!strcmp(json_string_value(json_array_get(in->buildings, j)), json_string_value(b)))
				return ps_fail_field(c->err, PS_EINVAL, "buildings", "楼栋“%s”重复", json_string_value(b));
		rows_binds(&q, c);
		rows_bind_int(&q, c->who.station_id);
		rows_bind_text(&q, in->community);
		rows_bind_text(&q, json_string_value(b));
		rc = rows_int(&q, "SELECT COUNT(*) FROM address WHERE station_id = ? AND community = ? AND building = ?", 0, &n);
		if (rc)
			return rc;
		if (!n)
			return ps_fail_field(c->err, PS_EINVAL, "buildings", "本所标准地址中没有“%s%s”", in->community,
					     json_string_value(b));
	}
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_text(&q, in->name);
	rc = rows_int(&q, "SELECT COUNT(*) FROM compound WHERE station_id = ? AND name = ?", 0, &n);
	if (rc)
		return rc;
	if (n)
		return ps_fail_field(c->err, PS_EINVAL, "name", "本所已有同名小区");
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_text(&q, in->name);
	rows_bind_text(&q, in->community);
	rows_bind_int(&q, in->buildings_total ? in->buildings_total : (int64_t)json_array_size(in->buildings));
	rows_bind_int(&q, in->buildings_covered);
	rows_bind_int(&q, in->access_control ? 1 : 0);
	rows_bind_int(&q, in->patrol ? 1 : 0);
	rows_bind_int(&q, in->guards);
	rows_bind_text(&q, in->measures);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO compound(station_id, name, community, buildings_total, buildings_covered, access_control,"
			 " patrol, guards, measures, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	json_array_foreach(in->buildings, i, b) {
		if (rc)
			break;
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_text(&q, json_string_value(b));
		rc = rows_exec(&q, "INSERT INTO compound_building(compound_id, building) VALUES (?,?)", NULL);
	}
	if (!rc)
		rc = audit_write(c, "compound.create", "compound", arena_printf(c->arena, "%lld", (long long)id), "success",
				 in->name);
	if (rc)
		return rc;
	*out = json_pack("{s:{s:I, s:s}}", "compound", "id", (json_int_t)id, "name", in->name);
	return *out ? PS_OK : NOMEM(c);
}

static void shape(json_t *it)
{
	int64_t total = row_int(it, "buildings_total");

	json_object_set_new(it, "coverage_pct", json_integer(total ? row_int(it, "buildings_covered") * 100 / total : 0));
	json_object_set_new(it, "designated", json_boolean(row_str(it, "designated_since") != NULL));
}

int compounds_list(struct ctx *c, const char *as_of, json_t **out)
{
	struct rows_query q;
	json_t *items, *it;
	int64_t n = 0;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_COMPOUND_LIST);
	if (rc)
		return rc;
	if (as_of && *as_of && !date_valid_str(as_of))
		return ps_fail_field(c->err, PS_EINVAL, "as_of", "日期应为 YYYY-MM-DD");
	if (!as_of || !*as_of)
		as_of = ctx_today_str(c);
	rows_binds(&q, c);
	rows_bind_text(&q, as_of);
	rows_bind_text(&q, as_of);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q, COMPOUND_COLS " WHERE o.path LIKE ? ORDER BY c.station_id, c.name", &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it) {
		shape(it);
		n += json_is_true(json_object_get(it, "designated"));
	}
	*out = json_pack("{s:o, s:s, s:{s:I, s:I}}", "items", items, "as_of", as_of, "figures", "compounds",
			 (json_int_t)json_array_size(items), "designated", (json_int_t)n);
	if (!*out)
		return NOMEM(c);
	rc = audit_read_items(c, "compound.list", "compound", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int compounds_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *row, *b = NULL, *a = NULL, *d = NULL;
	const char *today = ctx_today_str(c);
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_COMPOUND_LIST,
			     "SELECT o.path FROM compound c JOIN org_unit o ON o.id = c.station_id WHERE c.id = ?", id,
			     "小区不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, today);
	rows_bind_text(&q, today);
	rows_bind_int(&q, id);
	rc = rows_one(&q, COMPOUND_COLS " WHERE c.id = ?", &row);
	if (rc)
		return rc;
	shape(row);
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_all(&q, "SELECT building FROM compound_building WHERE compound_id = ? ORDER BY building", &b);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_all(&q,
			      "SELECT s.id, s.assessed_on, s.burglaries, s.coverage_pct, s.patrol, s.met, s.criteria,"
			      " u.name AS user_name FROM compound_assessment s JOIN users u ON u.id = s.user_id"
			      " WHERE s.compound_id = ? ORDER BY s.assessed_on DESC, s.id DESC",
			      &a);
	}
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_all(&q,
			      "SELECT from_on, to_on FROM compound_designation WHERE compound_id = ? ORDER BY from_on DESC",
			      &d);
	}
	if (!rc)
		rc = audit_read(c, "compound", arena_printf(c->arena, "%lld", (long long)id));
	if (!rc) {
		json_t *names = json_array();
		json_t *x;
		size_t i;

		json_array_foreach(b, i, x)
			json_array_append(names, json_object_get(x, "building"));
		json_object_set_new(row, "buildings", names);
		*out = json_pack("{s:o, s:o, s:o}", "compound", row, "assessments", a, "designations", d);
		row = a = d = NULL;
		if (!*out)
			rc = NOMEM(c);
	}
	json_decref(row);
	json_decref(b);
	json_decref(a);
	json_decref(d);
	return rc;
}

/* The day n months before y-m-d (the day clamped to the month's length). */
static int64_t months_before(int y, int m, int d, int64_t n)
{
	int64_t k = (int64_t)y * 12 + (m - 1) - n;
	int yy = (int)(k / 12), mm = (int)(k % 12) + 1;

	while (d > 28 && !date_valid(yy, mm, d))
		d--;
	return date_days_from_civil(yy, mm, d);
}

int compounds_assess(struct ctx *c, int64_t id, const char *assessed_on, json_t **out)
{
	struct rows_query q;
	json_t *row;
	const char *cats, *name, *last;
	int64_t months, min_pct, need_patrol, day, from_day, burglaries = 0, pct, patrol, n, open = 0, aid;
	int y, m, d, met, rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_COMPOUND_ASSESS,
			     "SELECT o.path FROM compound c JOIN org_unit o ON o.id = c.station_id WHERE c.id = ?", id,
			     "小区不存在");
	if (rc)
		return rc;
	if (!assessed_on || date_parse(assessed_on, strlen(assessed_on), &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "assessed_on", "评定日期应为 YYYY-MM-DD");
	if (strcmp(assessed_on, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, "assessed_on", "评定日期不能晚于今天");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT c.name, c.station_id, c.buildings_total, c.buildings_covered, c.patrol,"
		      " (SELECT MAX(s.assessed_on) FROM compound_assessment s WHERE s.compound_id = c.id) AS last"
		      " FROM compound c WHERE c.id = ?",
		      &row);
	if (rc)
		return rc;
	name = arena_strdup(c->arena, row_str(row, "name"));
	last = row_str(row, "last") ? arena_strdup(c->arena, row_str(row, "last")) : NULL;
	pct = row_int(row, "buildings_total") ? row_int(row, "buildings_covered") * 100 / row_int(row, "buildings_total") : 0;
	patrol = row_int(row, "patrol");
	{
		int64_t station = row_int(row, "station_id");

		json_decref(row);
		months = setting_int(c, "safe_area.no_burglary_months", station);
		min_pct = setting_int(c, "safe_area.min_coverage_pct", station);
		need_patrol = setting_int(c, "safe_area.require_patrol", station);
		cats = setting_text(c, "safe_area.burglary_categories", station);
		if (last && strcmp(assessed_on, last) < 0)
			return ps_fail_field(c->err, PS_EINVAL, "assessed_on", "评定日期不能早于上次评定（%s）", last);
		/* the window: [the day `months` before, the end of the assessment day] */
		day = date_days_from_civil(y, m, d) + 1;
		from_day = months_before(y, m, d, months);
		for (const char *p = cats; p && *p;) {
			const char *e = strchr(p, ',');
			const char *code = arena_strndup(c->arena, p, e ? (size_t)(e - p) : strlen(p));
			int64_t k = 0;

			rows_binds(&q, c);
			rows_bind_text(&q, code);
			rows_bind_int(&q, station);
			rows_bind_text(&q, rows_like(&q, name, ROWS_LIKE_CONTAINS));
			rows_bind_int(&q, from_day * 86400 - 8 * 3600);
			rows_bind_int(&q, day * 86400 - 8 * 3600);
			rc = rows_int(&q,
				      "SELECT COUNT(*) FROM incident WHERE category = ? AND station_id = ? AND duplicate_of IS NULL"
				      " AND place LIKE ?" ROWS_ESCAPE " AND received_at >= ? AND received_at < ?",
				      0, &k);
			if (rc)
				return rc;
			burglaries += k;
			p = e ? e + 1 : NULL;
		}
	}
	met = burglaries == 0 && pct >= min_pct && (!need_patrol || patrol);
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, assessed_on);
	rows_bind_int(&q, burglaries);
	rows_bind_int(&q, pct);
	rows_bind_int(&q, patrol);
	rows_bind_int(&q, met);
	rows_bind_text(&q, arena_printf(c->arena, "%lld个月内无入室盗窃（类别 %s）；楼栋视频覆盖≥%lld%%；%s",
					(long long)months, cats, (long long)min_pct, need_patrol ? "有巡逻或值守" : "巡逻值守不作要求"));
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO compound_assessment(compound_id, assessed_on, burglaries, coverage_pct, patrol, met,"
			 " criteria, user_id, created_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
			 &aid);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM compound_designation WHERE compound_id = ? AND to_on IS NULL", 0, &open);
	}
	if (!rc && met && !open) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_text(&q, assessed_on);
		rows_bind_int(&q, aid);
		rc = rows_exec(&q, "INSERT INTO compound_designation(compound_id, from_on, assessment_id) VALUES (?,?,?)", NULL);
	} else if (!rc && !met && open) {
		rows_binds(&q, c);
		rows_bind_text(&q, assessed_on);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE compound_designation SET to_on = ? WHERE compound_id = ? AND to_on IS NULL", &n);
	}
	if (!rc)
		rc = audit_write(c, "compound.assess", "compound", arena_printf(c->arena, "%lld", (long long)id), "success",
				 met ? "符合安全小区条件" : "不符合安全小区条件");
	return rc ? rc : compounds_get(c, id, out);
}
