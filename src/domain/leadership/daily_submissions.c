/* daily_submissions.c — 逐级上报 (see daily_submissions.h). */
#include "domain/leadership/daily_submissions.h"
#include "domain/incidents/reports.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "core/json.h"
#include "rules/date.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

static int parse_day(struct ctx *c, const char *ymd, int *y, int *m, int *d)
{
	if (!ymd || date_parse(ymd, strlen(ymd), y, m, d) || strlen(ymd) != 10)
		return ps_fail_field(c->err, PS_EINVAL, "date", "日期应为 YYYY-MM-DD");
	return PS_OK;
}

int daily_submissions_submit(struct ctx *c, const char *ymd, const char *note, json_t **out)
{
	struct rows_query q;
	json_t *rep = NULL, *row, *mine = NULL;
	char *text;
	size_t i;
	int y, m, d, rc;

	*out = NULL;
	rc = authz_require(c, ACT_DAILY_SUBMIT);
	if (!rc)
		rc = parse_day(c, ymd, &y, &m, &d);
	if (rc)
		return rc;
	if (date_days_from_civil(y, m, d) > date_local_days(c->now))
		return ps_fail_field(c->err, PS_EINVAL, "date", "不能上报未来的日报");
	rc = reports_daily(c, y, m, d, &rep);
	if (rc)
		return rc;
	json_array_foreach(json_object_get(rep, "rows"), i, row)
		if (row_int(row, "station_id") == c->who.station_id)
			mine = row;
	if (!mine) {
		json_decref(rep);
		return ps_fail(c->err, PS_EFORBIDDEN, "FORBIDDEN", NULL, "只有派出所可以上报日报");
	}
	text = json_render(mine, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(rep);
	if (!text)
		return NOMEM(c);
	rows_binds(&q, c);
	rows_bind_text(&q, ymd);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_text(&q, text);
	rows_bind_text(&q, note && *note ? note : NULL);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	{
		int64_t n = 0;

		rc = rows_exec(&q,
			       "INSERT INTO daily_submission (day, station_id, figures, note, submitted_by, submitted_at)"
			       " VALUES (?,?,?,?,?,?) ON CONFLICT (day, station_id) DO NOTHING",
			       &n);
		json_mem_free(text);
		if (!rc && !n)
			return ps_fail(c->err, PS_ECONFLICT, "ALREADY_SUBMITTED", NULL, "本所该日日报已上报");
	}
	if (!rc)
		rc = audit_write(c, "daily.submit", "daily_submission", ymd, "success", note);
	if (rc)
		return rc;
	*out = json_pack("{s:s, s:I}", "date", ymd, "station_id", (json_int_t)c->who.station_id);
	return *out ? PS_OK : NOMEM(c);
}

int daily_submissions_summary(struct ctx *c, const char *ymd, json_t **out)
{
	struct rows_query q;
	json_t *subs = NULL, *missing = NULL, *ins = NULL, *totals, *s;
	size_t i;
	int y, m, d, rc;

	*out = NULL;
	rc = authz_require(c, ACT_REPORT_DAILY);
	if (!rc)
		rc = parse_day(c, ymd, &y, &m, &d);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ymd);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT s.station_id, o.name AS station_name, s.figures, s.note, s.submitted_at,"
		      " u.name AS submitted_by_name FROM daily_submission s JOIN org_unit o ON o.id = s.station_id"
		      " JOIN users u ON u.id = s.submitted_by WHERE s.day = ? AND o.path LIKE ? ORDER BY o.code",
		      &subs);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rows_bind_text(&q, ymd);
		rc = rows_all(&q,
			      "SELECT o.id AS station_id, o.name AS station_name FROM org_unit o WHERE o.kind = 'station'"
			      " AND o.path LIKE ? AND NOT EXISTS (SELECT 1 FROM daily_submission s WHERE s.station_id = o.id"
			      " AND s.day = ?) ORDER BY o.code",
			      &missing);
	}
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ymd);
		rc = rows_all(&q,
			      "SELECT i.id, i.day, i.leader_name, i.text, i.created_at,"
			      " (SELECT COUNT(*) FROM leader_task t WHERE t.source = 'instruction' AND t.source_id = i.id) AS tasks,"
			      " (SELECT COUNT(*) FROM leader_task t WHERE t.source = 'instruction' AND t.source_id = i.id"
			      " AND t.status = 'done') AS tasks_done FROM daily_instruction i WHERE i.day = ? ORDER BY i.id",
			      &ins);
	}
	totals = json_object();
	if (rc || !totals) {
		json_decref(subs);
		json_decref(missing);
		json_decref(ins);
		json_decref(totals);
		return rc ? rc : NOMEM(c);
	}
	json_array_foreach(subs, i, s) {
		json_t *f = NULL, *v;
		const char *key;

		rc = json_parse_stored(row_str(s, "figures"), &f, c->err);
		if (rc)
			break;
		if (f)
			json_object_foreach(f, key, v)
				if (json_is_integer(v) && strcmp(key, "station_id") && strcmp(key, "rank") &&
				    strcmp(key, "score") && strcmp(key, "callback_pct") && strcmp(key, "safe_pct") &&
				    strcmp(key, "corrected_score"))
					json_object_set_new(totals, key,
							    json_integer(row_int(totals, key) + json_integer_value(v)));
		json_object_set_new(s, "figures", f ? f : json_null());
	}
	*out = json_pack("{s:s, s:o, s:o, s:o, s:o}", "date", ymd, "submissions", subs, "missing", missing, "totals",
			 totals, "instructions", ins);
	if (rc || !*out) {
		json_decref(*out);
		*out = NULL;
		return rc ? rc : NOMEM(c);
	}
	return audit_read_action(c, "daily.summary", "daily_submission", ymd, NULL);
}
