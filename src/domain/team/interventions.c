/* interventions.c — early intervention: the flag (computed from the
 * records at the moment of asking), the education or support given, its
 * review. */
#include "domain/team/interventions.h"
#include "domain/team/assessment.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "rules/date.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

/* The window: [the day `months` before today, tomorrow). */
static int window(struct ctx *c, struct assess_window *w)
{
	int y, m, d;
	int64_t months = setting_int(c, "intervention.window_months", c->who.station_id ? c->who.station_id : c->who.unit_id);
	int64_t k, day;
	int yy, mm;

	ctx_today(c, &y, &m, &d);
	k = (int64_t)y * 12 + (m - 1) - months;
	yy = (int)(k / 12);
	mm = (int)(k % 12) + 1;
	while (d > 28 && !date_valid(yy, mm, d))
		d--;
	day = date_days_from_civil(yy, mm, d);
	w->from = day * 86400 - 8 * 3600;
	w->from_on = arena_printf(c->arena, "%04d-%02d-%02d", yy, mm, d);
	ctx_today(c, &y, &m, &d);
	day = date_days_from_civil(y, m, d) + 1; /* tomorrow */
	w->to = day * 86400 - 8 * 3600;
	date_civil_from_days(day, &yy, &mm, &d);
	w->to_on = arena_printf(c->arena, "%04d-%02d-%02d", yy, mm, d);
	return w->from_on && w->to_on ? PS_OK : NOMEM(c);
}

/* The figures of one officer over w and whether they reach a threshold;
 * *reasons names what does. */
static int flag_of(struct ctx *c, int64_t user_id, int64_t station_id, const struct assess_window *w, json_t *row,
		   int *flagged)
{
	struct assess_subject s = { user_id, station_id };
	struct rows_query q;
	int64_t nb = 0, nf = 0, nc = 0;
	int64_t tb = setting_int(c, "intervention.breaches", station_id);
	int64_t tc = setting_int(c, "intervention.complaints", station_id);
	int64_t tf = setting_int(c, "intervention.faults", station_id);
	const char *reasons = "";
	int has, rc;

	rc = assessment_figure(c, "faults", &s, w, &nf, &has);
	if (rc)
		return rc;
	nf /= 100;
	/* the tendency to break case procedure: BREACHes of the clocks of
	 * cases he handles (main or co), not the station's other deadlines */
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rows_bind_int(&q, w->from);
	rows_bind_int(&q, w->to);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM breach b JOIN case_officer x ON x.case_id = b.case_id AND x.duty IN ('main','co')"
		      " WHERE x.user_id = ? AND b.recorded_at >= ? AND b.recorded_at < ?",
		      0, &nb);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rows_bind_int(&q, w->from);
	rows_bind_int(&q, w->to);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM complaint_officer co JOIN complaint m ON m.id = co.complaint_id"
		      " WHERE co.user_id = ? AND co.finding IN ('founded','partly') AND m.finished_at >= ? AND m.finished_at < ?",
		      0, &nc);
	if (rc)
		return rc;
	if (nb >= tb)
		reasons = arena_printf(c->arena, "执法监督记录%lld次（≥%lld）", (long long)nb, (long long)tb);
	if (nc >= tc)
		reasons = arena_printf(c->arena, "%s%s查实投诉%lld件（≥%lld）", reasons, *reasons ? "；" : "",
				       (long long)nc, (long long)tc);
	if (nf >= tf)
		reasons = arena_printf(c->arena, "%s%s执法过错认定%lld次（≥%lld）", reasons, *reasons ? "；" : "",
				       (long long)nf, (long long)tf);
	if (!reasons)
		return NOMEM(c);
	*flagged = *reasons != 0;
	json_object_set_new(row, "breaches", json_integer(nb));
	json_object_set_new(row, "complaints", json_integer(nc));
	json_object_set_new(row, "faults", json_integer(nf));
	json_object_set_new(row, "flagged", json_boolean(*flagged));
	json_object_set_new(row, "reasons", json_string(reasons));
	return PS_OK;
}

#define MEASURE_COLS                                                                                         \
	"SELECT e.id, e.user_id, e.measure, e.reasons, e.note, e.given_on, e.review_on, e.reviewed_on,"         \
	" e.review_note, r.name AS recorded_by_name FROM early_intervention e JOIN users r ON r.id = e.recorded_by"

int intervention_list(struct ctx *c, json_t **out)
{
	struct assess_window w;
	struct rows_query q;
	json_t *officers = NULL, *shown, *o, *measures = NULL;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_INTERVENTION_LIST);
	if (!rc)
		rc = window(c, &w);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT u.id AS user_id, u.name, u.badge_no, s.id AS station_id, s.name AS unit_name"
		      " FROM users u JOIN org_unit o ON o.id = u.unit_id"
		      " JOIN org_unit s ON s.kind = 'station' AND (s.id = o.id OR s.id = o.parent_id)"
		      " WHERE u.role IN " AUTHZ_SWORN_SQL " AND u.disabled = 0 AND s.path LIKE ? ORDER BY s.id, u.id",
		      &officers);
	if (rc)
		return rc;
	shown = json_array();
	json_array_foreach(officers, i, o) {
		int flagged = 0;
		json_t *mine = NULL;

		rc = flag_of(c, row_int(o, "user_id"), row_int(o, "station_id"), &w, o, &flagged);
		if (!rc) {
			rows_binds(&q, c);
			rows_bind_int(&q, row_int(o, "user_id"));
			rc = rows_all(&q, MEASURE_COLS " WHERE e.user_id = ? ORDER BY e.given_on DESC, e.id DESC", &mine);
		}
		if (rc)
			break;
		if (flagged || json_array_size(mine)) {
			json_object_set_new(o, "interventions", mine);
			json_array_append(shown, o);
		} else {
			json_decref(mine);
		}
	}
	json_decref(officers);
	json_decref(measures);
	if (!rc)
		rc = audit_read_items(c, "intervention.list", "user", shown, "user_id");
	if (rc) {
		json_decref(shown);
		return rc;
	}
	{
		int64_t unit = c->who.station_id ? c->who.station_id : c->who.unit_id;

		*out = json_pack("{s:o, s:s, s:{s:I, s:I, s:I, s:I}, s:s}", "items", shown, "from_on", w.from_on,
				 "thresholds", "window_months", (json_int_t)setting_int(c, "intervention.window_months", unit),
				 "breaches", (json_int_t)setting_int(c, "intervention.breaches", unit), "complaints",
				 (json_int_t)setting_int(c, "intervention.complaints", unit), "faults",
				 (json_int_t)setting_int(c, "intervention.faults", unit), "note",
				 "早期干预是提示领导及时教育、帮扶的措施，不是处分，也不作为处分的依据。");
	}
	return *out ? PS_OK : NOMEM(c);
}

int intervention_create(struct ctx *c, const struct intervention_input *in, json_t **out)
{
	struct assess_window w;
	struct rows_query q;
	json_t *row = NULL;
	int64_t id, station;
	int flagged = 0, rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_INTERVENTION_CREATE,
			     "SELECT o.path FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?", in->user_id,
			     "民警不存在");
	if (rc)
		return rc;
	if (!in->measure || !enums_valid(ES_INTERVENTION_MEASURE, in->measure))
		return ps_fail_field(c->err, PS_EINVAL, "measure", "请选择教育帮扶方式");
	if (!in->given_on || !date_valid_str(in->given_on))
		return ps_fail_field(c->err, PS_EINVAL, "given_on", "日期应为 YYYY-MM-DD");
	if (strcmp(in->given_on, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, "given_on", "日期不能晚于今天");
	if (!in->review_on || !date_valid_str(in->review_on) || strcmp(in->review_on, in->given_on) <= 0)
		return ps_fail_field(c->err, PS_EINVAL, "review_on", "复查日期应晚于教育帮扶日期");
	rows_binds(&q, c);
	rows_bind_int(&q, in->user_id);
	rc = rows_one(&q,
		      "SELECT s.id AS station_id FROM users u JOIN org_unit o ON o.id = u.unit_id"
		      " JOIN org_unit s ON s.kind = 'station' AND (s.id = o.id OR s.id = o.parent_id) WHERE u.id = ?",
		      &row);
	if (rc == PS_ENOTFOUND)
		return ps_fail_field(c->err, PS_EINVAL, "user_id", "只能对派出所民警登记");
	if (rc)
		return rc;
	station = row_int(row, "station_id");
	rc = window(c, &w);
	if (!rc)
		rc = flag_of(c, in->user_id, station, &w, row, &flagged);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->user_id);
		rows_bind_int(&q, station);
		rows_bind_text(&q, in->measure);
		rows_bind_text(&q, flagged ? row_str(row, "reasons")
					   : arena_printf(c->arena, "未达到预警条件（执法监督记录%lld次、查实投诉%lld件、执法过错认定%lld次），领导主动教育帮扶",
							  (long long)row_int(row, "breaches"), (long long)row_int(row, "complaints"),
							  (long long)row_int(row, "faults")));
		rows_bind_text(&q, in->note);
		rows_bind_text(&q, in->given_on);
		rows_bind_text(&q, in->review_on);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_int(&q, c->now);
		rc = rows_insert(&q,
				 "INSERT INTO early_intervention(user_id, station_id, measure, reasons, note, given_on, review_on,"
				 " recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
				 &id);
	}
	json_decref(row);
	if (!rc)
		rc = audit_write(c, "intervention.create", "user", arena_printf(c->arena, "%lld", (long long)in->user_id),
				 "success", enums_label(ES_INTERVENTION_MEASURE, in->measure));
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, MEASURE_COLS " WHERE e.id = ?", &row);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "intervention", row);
	return *out ? PS_OK : NOMEM(c);
}

int intervention_review(struct ctx *c, int64_t id, const char *reviewed_on, const char *note, json_t **out)
{
	struct rows_query q;
	json_t *row;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_INTERVENTION_CREATE,
			     "SELECT o.path FROM early_intervention e JOIN org_unit o ON o.id = e.station_id WHERE e.id = ?",
			     id, "教育帮扶记录不存在");
	if (rc)
		return rc;
	if (!reviewed_on || !date_valid_str(reviewed_on) || strcmp(reviewed_on, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, "reviewed_on", "复查日期应为 YYYY-MM-DD，且不晚于今天");
	if (!note || !*note)
		return ps_fail_field(c->err, PS_EINVAL, "review_note", "请填写复查情况");
	rows_binds(&q, c);
	rows_bind_text(&q, reviewed_on);
	rows_bind_text(&q, note);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE early_intervention SET reviewed_on = ?, review_note = ? WHERE id = ? AND reviewed_on IS NULL",
		       &n);
	if (rc)
		return rc;
	if (!n)
		return ps_fail(c->err, PS_ECONFLICT, "ALREADY_REVIEWED", NULL, "该教育帮扶已复查");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, MEASURE_COLS " WHERE e.id = ?", &row);
	if (!rc)
		rc = audit_write(c, "intervention.review", "user",
				 arena_printf(c->arena, "%lld", (long long)row_int(row, "user_id")), "success", note);
	if (rc) {
		json_decref(row);
		return rc;
	}
	*out = json_pack("{s:o}", "intervention", row);
	return *out ? PS_OK : NOMEM(c);
}

int interventions_today(struct ctx *c, json_t *items)
{
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	if (!authz_allowed(c, ACT_INTERVENTION_LIST))
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text(&q, ctx_today_str(c));
	rc = rows_all(&q,
		      "SELECT e.id, e.review_on, u.name FROM early_intervention e JOIN users u ON u.id = e.user_id"
		      " JOIN org_unit o ON o.id = e.station_id WHERE o.path LIKE ? AND e.reviewed_on IS NULL"
		      " AND e.review_on <= ? ORDER BY e.review_on",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r)
		json_array_append_new(items, json_pack("{s:s, s:s, s:s, s:s, s:s}", "kind", "intervention", "label",
						       "教育帮扶复查", "detail", row_str(r, "name"), "due_on",
						       row_str(r, "review_on"), "route", "/team/interventions"));
	json_decref(rows);
	return PS_OK;
}
