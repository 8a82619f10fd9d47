/* key_person_reviews.c — 重点人员定期复核 (COM-ZD-REVIEW [U]; a proposed
 * removal goes through COM-ZD-REMOVE). */
#include "domain/community/key_person_reviews.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/community/beats.h"
#include "domain/community/key_person_removals.h"
#include "domain/community/key_person_cycles.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <string.h>

#define ID(x) arena_printf(c->arena, "%lld", (long long)(x))
#define KP_PATH_SQL "SELECT o.path FROM key_person k JOIN org_unit o ON o.id = k.station_id WHERE k.id = ?"

static int64_t day_of(const char *s)
{
	int y, m, d;

	return s && !date_parse(s, strlen(s), &y, &m, &d) ? date_days_from_civil(y, m, d) : 0;
}

static const char *ymd(struct ctx *c, int64_t days)
{
	int y, m, d;

	date_civil_from_days(days, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

int64_t key_person_reviews_due(struct ctx *c, const char *listed_on, const char *reviewed_on, int64_t station_id)
{
	int64_t base = reviewed_on ? day_of(reviewed_on) : day_of(listed_on);

	/* the period ends on the corresponding day of the month (民法典 Art 202) */
	return date_add_months(base, (int)setting_int(c, "community.review_months", station_id));
}

int key_person_reviews_create(struct ctx *c, int64_t kp_id, const struct key_person_review_input *in, json_t **out)
{
	struct rows_query q;
	json_t *k = NULL, *tmp = NULL;
	const char *on = in->reviewed_on && *in->reviewed_on ? in->reviewed_on : ctx_today_str(c);
	const char *from, *to;
	int64_t beat, station, removal = 0, id, day = day_of(on), since;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_KEY_PERSON_UPDATE, KP_PATH_SQL, kp_id, "重点人员不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, kp_id);
	rc = rows_one(&q,
		      "SELECT k.beat_id, k.station_id, k.status, k.level, k.listed_on, (SELECT MAX(r.reviewed_on) FROM key_person_review r"
		      " WHERE r.key_person_id = k.id) AS reviewed_on FROM key_person k WHERE k.id = ?",
		      &k);
	if (rc)
		return rc;
	beat = row_int(k, "beat_id");
	station = row_int(k, "station_id");
	from = arena_strdup(c->arena, row_str(k, "level"));
	since = day_of(row_str(k, "reviewed_on") ? row_str(k, "reviewed_on") : row_str(k, "listed_on"));
	/* COM-WARD: his beat's officer, sergeant, auxiliaries or the chief */
	rc = beats_may_edit(c, 0, beat, "key_person.review", "key_person", kp_id);
	if (!rc && strcmp(row_str(k, "status"), "active"))
		rc = ps_fail(c->err, PS_ECONFLICT, "KEY_PERSON_NOT_ACTIVE", NULL, "该人员正在移交或已撤管，不能复核");
	json_decref(k);
	if (rc)
		return rc;
	if (!day)
		return ps_fail_field(c->err, PS_EINVAL, "reviewed_on", "复核日期应为 YYYY-MM-DD");
	if (day > date_local_days(c->now))
		return ps_fail_field(c->err, PS_EINVAL, "reviewed_on", "复核日期不能晚于今天");
	if (day < since)
		return ps_fail_field(c->err, PS_EINVAL, "reviewed_on", "复核日期不能早于列管日期或上次复核日期");
	if (!in->conclusion || !enums_valid(ES_REVIEW_CONCLUSION, in->conclusion))
		return ps_fail_field(c->err, PS_EINVAL, "conclusion", "复核结论应为 keep（维持）、change_level（调整级别）或 propose_removal（提请撤管）");
	if (!in->notes || !*in->notes)
		return ps_fail_field(c->err, PS_EINVAL, "notes", "请写明复核情况（近期表现、见面情况、是否仍符合列管条件）");
	to = from;
	if (!strcmp(in->conclusion, "change_level")) {
		if (!in->level || !enums_valid(ES_KEY_LEVEL, in->level))
			return ps_fail_field(c->err, PS_EINVAL, "level", "请选择调整后的管控级别");
		if (!strcmp(in->level, from))
			return ps_fail_field(c->err, PS_EINVAL, "level", "调整后的级别与现级别相同");
		rc = key_person_cycles_check(c, in->level, station);
		if (rc)
			return rc;
		to = in->level;
		rows_binds(&q, c);
		rows_bind_text(&q, to);
		rows_bind_int(&q, kp_id);
		rc = rows_exec(&q, "UPDATE key_person SET level = ? WHERE id = ?", NULL);
	} else if (!strcmp(in->conclusion, "propose_removal")) {
		/* COM-ZD-REMOVE: a request for the approver; he stays under control */
		rc = key_person_removals_request(c, kp_id, arena_printf(c->arena, "复核提请撤管：%s", in->notes), &tmp);
		if (!rc)
			removal = json_integer_value(json_object_get(json_object_get(tmp, "removal"), "id"));
	}
	json_decref(tmp);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, kp_id);
	rows_bind_text(&q, on);
	rows_bind_text(&q, in->conclusion);
	rows_bind_text(&q, from);
	rows_bind_text(&q, to);
	rows_bind_text(&q, in->notes);
	if (removal)
		rows_bind_int(&q, removal);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO key_person_review(key_person_id, reviewed_on, conclusion, level_from, level_to, notes,"
			 " removal_id, user_id, created_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "key_person.review", "key_person", ID(kp_id), "success",
				 arena_printf(c->arena, "%s %s", on, in->conclusion));
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT r.id, r.key_person_id, r.reviewed_on, r.conclusion, r.level_from, r.level_to, r.notes,"
		      " r.removal_id, u.name AS user_name FROM key_person_review r JOIN users u ON u.id = r.user_id"
		      " WHERE r.id = ?",
		      &k);
	if (rc)
		return rc;
	json_object_set_new(k, "conclusion_label", json_string(enums_label(ES_REVIEW_CONCLUSION, in->conclusion)));
	json_object_set_new(k, "next_review_on",
			    json_string(ymd(c, key_person_reviews_due(c, NULL, on, c->who.station_id))));
	*out = json_pack("{s:o}", "review", k);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int key_person_reviews_of(struct ctx *c, int64_t kp_id, json_t **out)
{
	struct rows_query q;
	json_t *r;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, kp_id);
	rc = rows_all(&q,
		      "SELECT r.id, r.reviewed_on, r.conclusion, r.level_from, r.level_to, r.notes, r.removal_id,"
		      " u.name AS user_name FROM key_person_review r JOIN users u ON u.id = r.user_id"
		      " WHERE r.key_person_id = ? ORDER BY r.reviewed_on DESC, r.id DESC",
		      out);
	if (rc)
		return rc;
	json_array_foreach(*out, i, r)
		json_object_set_new(r, "conclusion_label",
				    json_string(enums_label(ES_REVIEW_CONCLUSION, row_str(r, "conclusion"))));
	return PS_OK;
}

/* 预警: a key person whose listing is not reviewed by its day (COM-ZD-REVIEW) */
static int review_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	const char *reviewed = row_str(r, "reviewed_on");
	int64_t base = day_of(reviewed ? reviewed : row_str(r, "listed_on"));
	int64_t due = key_person_reviews_due(c, row_str(r, "listed_on"), reviewed, row_int(r, "station_id"));

	(void)arg;
	json_object_set_new(r, "case_no", json_string(arena_printf(c->arena, "重点人员%lld", (long long)row_int(r, "id"))));
	clocks_add(k, r, arena_printf(c->arena, "key_person_review:%lld:%s", (long long)row_int(r, "id"), ymd(c, base)),
		   "COM-ZD-REVIEW", "重点人员定期复核", date_local_midnight(base), date_local_midnight(due + 1), CLOCK_DAYS, 0,
		   row_str(r, "person_name"), "复核是否仍需列管并登记复核结论");
	return PS_OK;
}

int key_person_reviews_clocks(struct clock_sink *k, enum clock_scope s)
{
	const struct clock_scan d = {
		.sql = "SELECT k.id, k.station_id, k.station_id AS unit_id, o.name AS unit_name, k.listed_on,"
		       " NULL AS case_id, '' AS case_no, p.name AS person_name,"
		       " (SELECT MAX(r.reviewed_on) FROM key_person_review r WHERE r.key_person_id = k.id) AS reviewed_on"
		       " FROM key_person k JOIN person p ON p.id = k.person_id JOIN org_unit o ON o.id = k.station_id"
		       " WHERE k.status = 'active' AND o.path LIKE ? AND (? = 0 OR k.beat_id IN " BEATS_OF_USER_SQL ")",
		.binds = "lmmmm",
		.each = review_clock,
	};

	return clocks_scan(k, s, &d);
}
