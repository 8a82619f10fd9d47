/* staff.c — 队伍管理 (issue 18, part 1): staff records, structure figures
 * and the 执法资格 check of a case's main handler (TEAM-QUAL-USE). */
#include "domain/team/staff.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/chain.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

#define USER_PATH_SQL "SELECT o.path FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?"

/* age bands of the structure figures, as the reports give them */
static const struct {
	const char *key, *label;
	int upto; /* last age in the band */
} bands[] = {
	{ "to30", "30岁及以下", 30 }, { "31_35", "31-35岁", 35 }, { "36_40", "36-40岁", 40 },
	{ "41_45", "41-45岁", 45 },   { "46_50", "46-50岁", 50 }, { "51_55", "51-55岁", 55 },
	{ "over55", "56岁及以上", 200 },
};
#define NBANDS (sizeof(bands) / sizeof(bands[0]))

const char *staff_age_band(const char *birth_date, int today_ymd)
{
	int y, m, d, age;

	if (!birth_date || date_parse(birth_date, strlen(birth_date), &y, &m, &d))
		return NULL;
	age = today_ymd / 10000 - y - ((today_ymd % 10000) < m * 100 + d ? 1 : 0);
	for (size_t i = 0; i < NBANDS; i++)
		if (age <= bands[i].upto)
			return bands[i].key;
	return NULL;
}

static const char *band_label(const char *key)
{
	for (size_t i = 0; key && i < NBANDS; i++)
		if (strcmp(bands[i].key, key) == 0)
			return bands[i].label;
	return NULL;
}

static void set_str(json_t *o, const char *k, const char *v)
{
	json_object_set_new(o, k, v ? json_string(v) : json_null());
}

/* the 执法资格 of one record on today: valid or not */
static int qual_valid(const char *level, const char *expiry, const char *today)
{
	if (!level || strcmp(level, "none") == 0 || !enums_valid(ES_QUAL_LEVEL, level))
		return 0;
	return !expiry || !*expiry || strcmp(expiry, today) >= 0;
}

static void shape(struct ctx *c, json_t *it, int keep_birth)
{
	const char *band = staff_age_band(row_str(it, "birth_date"), ctx_today_ymd(c));

	set_str(it, "age_band", band);
	set_str(it, "age_band_label", band_label(band));
	json_object_set_new(it, "has_record", json_boolean(row_str(it, "staff_kind") != NULL));
	json_object_set_new(it, "qual_valid", json_boolean(qual_valid(row_str(it, "qual_level"),
								       row_str(it, "qual_expiry"), ctx_today_str(c))));
	if (!keep_birth)
		json_object_del(it, "birth_date");
}

#define STAFF_COLS                                                                                     \
	"SELECT u.id AS user_id, u.name, u.role, u.badge_no, u.unit_id, o.name AS unit_name,"           \
	" s.staff_kind, s.post, s.rank_title, s.police_no, s.beat, s.politics, s.education,"            \
	" s.birth_date, s.qual_level, s.qual_date, s.qual_expiry, s.qual_cert_no, s.updated_at"         \
	" FROM users u JOIN org_unit o ON o.id = u.unit_id LEFT JOIN staff_record s ON s.user_id = u.id"

int staff_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items, *it;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_STAFF_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      STAFF_COLS " WHERE o.path LIKE ? AND u.role NOT IN ('admin','auditor') AND u.disabled = 0"
				 " ORDER BY o.path, CASE u.role WHEN 'chief' THEN 0 ELSE 1 END, u.id",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it)
		shape(c, it, 0);
	rc = audit_read_items(c, "staff.list", "staff", items, "user_id");
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : NOMEM(c);
}

int staff_get(struct ctx *c, int64_t user_id, json_t **out)
{
	struct rows_query q;
	json_t *row;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_STAFF_LIST, USER_PATH_SQL, user_id, "人员不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rc = rows_one(&q, STAFF_COLS " WHERE u.id = ?", &row);
	if (rc)
		return rc;
	shape(c, row, 1);
	rc = audit_read(c, "staff", arena_printf(c->arena, "%lld", (long long)user_id));
	if (rc) {
		json_decref(row);
		return rc;
	}
	*out = json_pack("{s:o}", "staff", row);
	return *out ? PS_OK : NOMEM(c);
}

static int check_date(struct ctx *c, const char *v, const char *field, int required)
{
	if (!v || !*v)
		return required ? ps_fail_field(c->err, PS_EINVAL, field, "请填写日期") : PS_OK;
	if (!date_valid_str(v))
		return ps_fail_field(c->err, PS_EINVAL, field, "日期格式应为 YYYY-MM-DD");
	return PS_OK;
}

int staff_put(struct ctx *c, int64_t user_id, const struct staff_input *in, json_t **out)
{
	struct rows_query q;
	const char *role = NULL;
	json_t *u;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_STAFF_UPDATE, USER_PATH_SQL, user_id, "人员不存在");
	if (rc)
		return rc;
	if (!enums_valid(ES_STAFF_KIND, in->staff_kind))
		return ps_fail_field(c->err, PS_EINVAL, "staff_kind", "人员类别不正确");
	if (!enums_valid(ES_STAFF_POLITICS, in->politics))
		return ps_fail_field(c->err, PS_EINVAL, "politics", "政治面貌不正确");
	if (!enums_valid(ES_STAFF_EDUCATION, in->education))
		return ps_fail_field(c->err, PS_EINVAL, "education", "学历不正确");
	if (!enums_valid(ES_QUAL_LEVEL, in->qual_level))
		return ps_fail_field(c->err, PS_EINVAL, "qual_level", "执法资格等级不正确");
	rc = check_date(c, in->birth_date, "birth_date", 1);
	if (!rc)
		rc = check_date(c, in->qual_date, "qual_date", strcmp(in->qual_level, "none") != 0);
	if (!rc)
		rc = check_date(c, in->qual_expiry, "qual_expiry", 0);
	if (rc)
		return rc;
	if (strcmp(in->birth_date, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, "birth_date", "出生日期不能晚于今天");
	if (in->qual_expiry && *in->qual_expiry && in->qual_date && strcmp(in->qual_expiry, in->qual_date) < 0)
		return ps_fail_field(c->err, PS_EINVAL, "qual_expiry", "有效期不能早于取得日期");
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rc = rows_one(&q, "SELECT role FROM users WHERE id = ?", &u);
	if (rc)
		return rc;
	role = arena_strdup(c->arena, row_str(u, "role") ? row_str(u, "role") : "");
	json_decref(u);
	/* TEAM-AUX-STATUS: an auxiliary is no police officer and holds no
	 * 执法资格; a police account is not recorded as an auxiliary */
	if (strcmp(role, "auxiliary") == 0 && strcmp(in->staff_kind, "police") == 0)
		return ps_fail_field(c->err, PS_EINVAL, "staff_kind", "辅警账号不能登记为民警");
	if (strcmp(in->staff_kind, "police") != 0 && strcmp(in->qual_level, "none") != 0)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "TEAM-AUX-STATUS",
			       "辅警和以工代警人员不是人民警察，不能登记执法资格");
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rows_bind_text(&q, in->staff_kind);
	rows_bind_text(&q, in->post);
	rows_bind_text(&q, in->rank_title);
	rows_bind_text(&q, in->police_no);
	rows_bind_text(&q, in->beat);
	rows_bind_text(&q, in->politics);
	rows_bind_text(&q, in->education);
	rows_bind_text(&q, in->birth_date);
	rows_bind_text(&q, in->qual_level);
	rows_bind_text(&q, in->qual_date && *in->qual_date ? in->qual_date : NULL);
	rows_bind_text(&q, in->qual_expiry && *in->qual_expiry ? in->qual_expiry : NULL);
	rows_bind_text(&q, in->qual_cert_no);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_exec(&q,
		       "INSERT INTO staff_record(user_id, staff_kind, post, rank_title, police_no, beat, politics,"
		       " education, birth_date, qual_level, qual_date, qual_expiry, qual_cert_no, updated_by, updated_at)"
		       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (user_id) DO UPDATE SET"
		       " staff_kind = excluded.staff_kind, post = excluded.post, rank_title = excluded.rank_title,"
		       " police_no = excluded.police_no, beat = excluded.beat, politics = excluded.politics,"
		       " education = excluded.education, birth_date = excluded.birth_date,"
		       " qual_level = excluded.qual_level, qual_date = excluded.qual_date,"
		       " qual_expiry = excluded.qual_expiry, qual_cert_no = excluded.qual_cert_no,"
		       " updated_by = excluded.updated_by, updated_at = excluded.updated_at",
		       NULL);
	if (!rc)
		rc = audit_write(c, "staff.update", "staff", arena_printf(c->arena, "%lld", (long long)user_id),
				 "success", in->qual_level);
	if (!rc)
		rc = staff_get(c, user_id, out);
	return rc;
}

static void bump(json_t *o, const char *key)
{
	if (!key)
		key = "unknown";
	json_object_set_new(o, key, json_integer(json_integer_value(json_object_get(o, key)) + 1));
}

/* counts of the records of the units under path_like */
static int figures_of(struct ctx *c, const char *path_like, const char *name, json_t **out)
{
	struct rows_query q;
	json_t *rows, *r, *f;
	const char *today = ctx_today_str(c);
	int64_t with_record = 0;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, path_like);
	rc = rows_all(&q,
		      "SELECT s.staff_kind, s.politics, s.education, s.birth_date, s.qual_level, s.qual_expiry"
		      " FROM users u JOIN org_unit o ON o.id = u.unit_id LEFT JOIN staff_record s ON s.user_id = u.id"
		      " WHERE o.path LIKE ? AND u.role NOT IN ('admin','auditor') AND u.disabled = 0",
		      &rows);
	if (rc)
		return rc;
	f = json_pack("{s:s, s:I, s:{}, s:{}, s:{}, s:{}, s:{}, s:I}", "unit_name", name, "total",
		      (json_int_t)json_array_size(rows), "staff_kind", "politics", "education", "age_band", "qual_level",
		      "qual_valid", (json_int_t)0);
	if (!f) {
		json_decref(rows);
		return NOMEM(c);
	}
	json_array_foreach(rows, i, r) {
		if (!row_str(r, "staff_kind"))
			continue;
		with_record++;
		bump(json_object_get(f, "staff_kind"), row_str(r, "staff_kind"));
		bump(json_object_get(f, "politics"), row_str(r, "politics"));
		bump(json_object_get(f, "education"), row_str(r, "education"));
		bump(json_object_get(f, "age_band"), staff_age_band(row_str(r, "birth_date"), ctx_today_ymd(c)));
		bump(json_object_get(f, "qual_level"), row_str(r, "qual_level"));
		if (strcmp(row_str(r, "staff_kind"), "police") == 0 &&
		    qual_valid(row_str(r, "qual_level"), row_str(r, "qual_expiry"), today))
			json_object_set_new(f, "qual_valid",
					    json_integer(json_integer_value(json_object_get(f, "qual_valid")) + 1));
	}
	json_object_set_new(f, "with_record", json_integer(with_record));
	json_decref(rows);
	*out = f;
	return PS_OK;
}

int staff_figures(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *unit = NULL, *county = NULL, *b, *bu;
	int64_t bureau;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_STAFF_FIGURES);
	if (rc)
		return rc;
	rc = figures_of(c, ctx_scope_like(c), c->who.unit_name ? c->who.unit_name : "", &unit);
	if (rc)
		return rc;
	bureau = chain_bureau_of(c, c->who.unit_path);
	if (bureau > 0) {
		rows_binds(&q, c);
		rows_bind_int(&q, bureau);
		rc = rows_one(&q, "SELECT path, name FROM org_unit WHERE id = ?", &bu);
		if (!rc) {
			rc = figures_of(c, arena_printf(c->arena, "%s%%", row_str(bu, "path")), row_str(bu, "name"),
					&county);
			json_decref(bu);
		}
	}
	if (rc) {
		json_decref(unit);
		return rc;
	}
	/* counts only, but of personnel: the read is audited (AUD-1) */
	rc = audit_read(c, "staff_figures", arena_printf(c->arena, "%lld", (long long)c->who.unit_id));
	if (rc) {
		json_decref(unit);
		json_decref(county);
		return rc;
	}
	b = json_array();
	for (size_t i = 0; b && i < NBANDS; i++)
		json_array_append_new(b, json_pack("{s:s, s:s}", "key", bands[i].key, "label", bands[i].label));
	*out = json_pack("{s:o, s:o, s:o}", "unit", unit, "county", county ? county : json_null(), "age_bands",
			 b ? b : json_array());
	return *out ? PS_OK : NOMEM(c);
}

int staff_check_main_handler(struct ctx *c, int64_t user_id)
{
	struct rows_query q;
	json_t *row = NULL;
	int rc, ok = 0;

	if (!setting_int(c, "team.qual_required", c->who.station_id))
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rc = rows_one(&q, "SELECT staff_kind, qual_level, qual_expiry FROM staff_record WHERE user_id = ?", &row);
	if (rc && rc != PS_ENOTFOUND)
		return rc;
	if (row)
		ok = row_str(row, "staff_kind") && strcmp(row_str(row, "staff_kind"), "police") == 0 &&
		     qual_valid(row_str(row, "qual_level"), row_str(row, "qual_expiry"), ctx_today_str(c));
	json_decref(row);
	if (!ok)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "TEAM-QUAL-USE",
			       "主办民警未取得有效的基本级执法资格，不能主办案件（可作为协办民警在有资格民警带领下办案）");
	return PS_OK;
}

static int qual_rank(const char *level)
{
	static const char *const order[] = { "none", "basic", "mid", "high" };

	for (int i = 0; i < 4; i++)
		if (level && !strcmp(level, order[i]))
			return i;
	return 0;
}

int staff_qualify(struct ctx *c, int64_t user_id, const char *exam_level, const char *day, int *updated)
{
	struct rows_query q;
	const char *level = !strcmp(exam_level, "basic")	? "basic"
			    : !strcmp(exam_level, "intermediate") ? "mid"
			    : !strcmp(exam_level, "advanced")	? "high"
								: NULL;
	const char *expiry = NULL;
	json_t *row = NULL;
	int64_t years;
	int rc, y, m, d, have, rises;

	*updated = 0;
	if (!level)
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rc = rows_one(&q, "SELECT staff_kind, qual_level FROM staff_record WHERE user_id = ?", &row);
	if (rc == PS_ENOTFOUND)
		return PS_OK;
	if (rc)
		return rc;
	have = qual_rank(row_str(row, "qual_level"));
	rises = qual_rank(level) > have;
	rc = strcmp(row_str(row, "staff_kind"), "police") != 0 || qual_rank(level) < have;
	json_decref(row);
	if (rc)
		return PS_OK;
	years = setting_int(c, "team.qual_valid_years", c->who.station_id);
	if (years > 0 && !date_parse(day, strlen(day), &y, &m, &d))
		expiry = arena_printf(c->arena, "%04d-%02d-%02d", y + (int)years, m, m == 2 && d == 29 ? 28 : d);
	rows_binds(&q, c);
	rows_bind_text(&q, level);
	rows_bind_text(&q, day);
	rows_bind_text(&q, expiry);
	rows_bind_int(&q, rises);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, user_id);
	rc = rows_exec(&q,
		       "UPDATE staff_record SET qual_level = ?, qual_date = ?, qual_expiry = ?,"
		       " qual_cert_no = CASE WHEN ? = 1 THEN NULL ELSE qual_cert_no END, updated_by = ?, updated_at = ?"
		       " WHERE user_id = ?",
		       NULL);
	if (!rc)
		rc = audit_write(c, "staff.qualification", "staff", arena_printf(c->arena, "%lld", (long long)user_id),
				 "success", arena_printf(c->arena, "%s %s", level, day));
	if (!rc)
		*updated = 1;
	return rc;
}
