/* appeal_windows.c — the claimant's later deadlines (issue 15, "statutory
 * clocks"): after a 复议 or a 国家赔偿 claim, what the person may do next and
 * until which day, from the decision or from the end of the period in which
 * none was made:
 *   行政赔偿 (国家赔偿法第13条、第14条; SUP-PC-SUE-3M): sue within 3 months;
 *   刑事赔偿 (第23条、第24条; SUP-PC-CRIM-30D): apply to the organ above
 *     for 复议 within 30 days;
 *   行政复议 (行政诉讼法第45条; SUP-SS-6M value 2): sue within 15 days.
 * The day is shown on the record (appeals.c) and, while it runs and the
 * person has not moved yet, on the today page and 待办 of those who handle
 * appeals: the station should expect the suit (it answers in 15 days,
 * SUP-SS-EVID-15). The police decide nothing here: no breach is recorded. */
#include "domain/supervision/supervision.h"
#include "domain/authz.h"
#include "domain/clocks/clocks.h"
#include "domain/rows.h"
#include "core/clock.h"
#include "rules/catalog.h"
#include "rules/clock.h"
#include "rules/date.h"

#include <string.h>

int64_t appeal_windows_day_of(const char *s)
{
	int y, m, d;

	if (!s || date_parse(s, strlen(s), &y, &m, &d))
		return -1;
	return date_days_from_civil(y, m, d);
}

int64_t appeal_windows_day_start(int64_t d)
{
	return d * 86400 - PS_DISPLAY_TZ_OFFSET;
}

static const char *ymd(struct ctx *c, int64_t day)
{
	int y, m, d;

	date_civil_from_days(day, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

int64_t appeal_windows_decide_day(const struct calendar *cal, const char *kind, const char *applied_on,
				  const char *received_on)
{
	int64_t t, end;

	if (strcmp(kind, "reconsideration") == 0) {
		/* SUP-FY-DECIDE: checked in 5 working days, decided in 60 days */
		t = clock_deadline(cal, appeal_windows_day_start(appeal_windows_day_of(applied_on)), CLOCK_WORKDAYS,
				   rule_value(RULE_SUP_FY_DECIDE, 0), 0);
		end = clock_deadline(cal, t - 1, CLOCK_DAYS, rule_value(RULE_SUP_FY_DECIDE, 1), 0);
	} else if (strcmp(kind, "state_compensation") == 0) {
		/* SUP-PC-DECIDE-2M: two months from the application's receipt */
		end = rule_deadline(cal, RULE_SUP_PC_DECIDE_2M, 0,
				    appeal_windows_day_start(appeal_windows_day_of(received_on)));
	} else {
		return -1;
	}
	return date_local_days(end - 1);
}

int appeal_windows_of(struct ctx *c, const struct calendar *cal, json_t *a, json_t **out)
{
	const char *kind = row_str(a, "kind"), *outcome = row_str(a, "outcome"), *rule, *what;
	int64_t ev, decide, until;
	int decided = outcome && row_str(a, "outcome_on");

	*out = NULL;
	if (strcmp(kind, "litigation") == 0 || (outcome && strcmp(outcome, "withdrawn") == 0))
		return PS_OK;
	decide = appeal_windows_decide_day(cal, kind, row_str(a, "applied_on"), row_str(a, "received_on"));
	/* the event: the decision's day, or the last day of the period */
	ev = decided ? appeal_windows_day_of(row_str(a, "outcome_on")) : decide;
	if (ev < 0)
		return PS_OK;
	if (strcmp(kind, "reconsideration") == 0) {
		rule = rule_get(RULE_SUP_SS_6M)->code;
		what = "向人民法院提起行政诉讼";
		until = date_local_days(
			clock_deadline(cal, appeal_windows_day_start(ev), CLOCK_DAYS, rule_value(RULE_SUP_SS_6M, 1), 0) - 1);
	} else if (row_str(a, "comp_kind") && strcmp(row_str(a, "comp_kind"), "crim_comp") == 0) {
		rule = rule_get(RULE_SUP_PC_CRIM_30D)->code;
		what = "向赔偿义务机关的上一级机关申请复议";
		until = date_local_days(rule_deadline(cal, RULE_SUP_PC_CRIM_30D, 0, appeal_windows_day_start(ev)) - 1);
	} else {
		rule = rule_get(RULE_SUP_PC_SUE_3M)->code;
		what = "向人民法院提起诉讼";
		until = date_local_days(rule_deadline(cal, RULE_SUP_PC_SUE_3M, 0, appeal_windows_day_start(ev)) - 1);
	}
	*out = json_pack("{s:s, s:s, s:s, s:s, s:s, s:b}", "rule", rule, "what", what, "since",
			 decided ? "decision" : "no_decision", "from", ymd(c, decided ? ev : ev + 1), "until",
			 ymd(c, until), "open", date_local_days(c->now) >= (decided ? ev : ev + 1) &&
						 date_local_days(c->now) <= until);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int appeal_windows_today(struct ctx *c, json_t *items)
{
	struct calendar cal;
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	if (!authz_allowed(c, ACT_APPEAL_LIST))
		return PS_OK;
	rc = clocks_calendar(c, &cal);
	if (rc)
		return rc;
	/* records whose person has not moved on yet: no later 复议/诉讼/赔偿
	 * record of the case */
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT a.id, a.kind, a.comp_kind, a.applied_on, a.received_on, a.outcome, a.outcome_on,"
		      " a.applicant, k.case_no FROM appeal a JOIN police_case k ON k.id = a.case_id"
		      " JOIN org_unit o ON o.id = a.station_id WHERE o.path LIKE ? AND a.kind <> 'litigation'"
		      " AND NOT EXISTS (SELECT 1 FROM appeal b WHERE b.case_id = a.case_id AND b.id > a.id)"
		      " ORDER BY a.id LIMIT 200",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		json_t *w = NULL, *row;

		rc = appeal_windows_of(c, &cal, r, &w);
		if (rc)
			break;
		if (!w || !json_is_true(json_object_get(w, "open"))) {
			json_decref(w);
			continue;
		}
		row = json_pack("{s:s, s:s, s:s, s:s, s:s}", "kind", "appeal_window", "label",
				arena_printf(c->arena, "%s可于%s前%s", row_str(r, "applicant"), row_str(w, "until"),
					     row_str(w, "what")),
				"detail",
				arena_printf(c->arena, "%s（%s）：%s，留意应诉或答复", row_str(r, "case_no"),
					     strcmp(row_str(r, "kind"), "reconsideration") == 0 ? "行政复议" : "国家赔偿",
					     strcmp(row_str(w, "since"), "decision") == 0 ? "已作出决定" : "期限届满未作决定"),
				"due_on", row_str(w, "until"), "route", "/supervision/appeals");
		json_decref(w);
		if (!row || json_array_append_new(items, row)) {
			rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
			break;
		}
	}
	json_decref(rows);
	return rc;
}
