#include "domain/cases/case_actions.h"
#include "domain/cases/case_facts.h"
#include "domain/chain.h"
#include "domain/team/equipment.h"
#include "domain/authz.h"
#include "domain/clocks/breach_officers.h"
#include "domain/admin/audit.h"
#include "domain/cases/case_records.h"
#include "domain/cases/cases.h"
#include "domain/cases/recusals.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "domain/admin/units.h"
#include "rules/case_flow.h"
#include "rules/catalog.h"
#include "domain/clocks/clocks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int set_status(struct ctx *c, const struct case_row *k, const char *to,
		      const char *ts_col, const char *action, const char *detail, int64_t at)
{
	struct rows_query q;
	char sql[256];
	int rc;

	/* ts_col is one of a fixed set of column names chosen by this file */
	snprintf(sql, sizeof(sql),
		 "UPDATE police_case SET status = ?, updated_at = ?%s%s WHERE id = ? AND status = ?",
		 ts_col ? ", " : "", ts_col ? ts_col : "");
	rows_binds(&q, c);
	rows_bind_text(&q, to);
	rows_bind_int(&q, c->now);
	if (ts_col)
		rows_bind_int(&q, at);
	rows_bind_int(&q, k->id);
	rows_bind_text(&q, k->status);
	rc = rows_exec(&q, sql, NULL);
	/* 补录: the timeline and the audit keep the time of entry; the detail
	 * says the real time of the step */
	if (*cases_late_note(c, k, at))
		detail = arena_printf(c->arena, "%s%s", detail ? detail : "", cases_late_note(c, k, at));
	if (!rc)
		rc = case_event(c, k->id, action, k->status, to, detail);
	if (!rc)
		rc = audit_write(c, arena_printf(c->arena, "case.%s", action), "case", k->case_no,
				 "success", detail);
	return rc;
}

static int set_text(struct ctx *c, int64_t id, const char *sql, const char *v)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_text(&q, v);
	rows_bind_int(&q, id);
	return rows_exec(&q, sql, NULL);
}

static int need_text(struct ctx *c, const char *v, const char *field, const char *what)
{
	if (!v || !*v)
		return ps_fail_field(c->err, PS_EINVAL, field, "请填写%s", what);
	return PS_OK;
}

/* TEAM-EQUIP-RECORDER: a recording given for a step taken by the actor
 * comes from a recorder he held then (a warning, never a refusal). */
static int recorder_check(struct ctx *c, const struct case_row *k, const char *recording, int64_t at)
{
	int64_t me = c->who.user_id;

	return equipment_recording_check(c, k->unit_path, recording, at, &me, 1, "case", k->id, k->id);
}

/* ADM-AUX-SOLO / ADM-OFFICERS-2 for 送达 and 调解: two sworn officers, or one
 * officer with auxiliaries and a full recording. */
static int two_or_recorded(struct ctx *c, const struct case_row *k, const char *recording)
{
	if (k->sworn_officers >= 2)
		return PS_OK;
	if (recording && *recording)
		return PS_OK;
	return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-AUX-SOLO",
		       "一名民警带领辅警送达、调解的，应当全程录音录像，请填写录音录像编号");
}

/* ---- approval chain ---- */

static int add_step(struct ctx *c, int64_t case_id, int step, const char *role, int64_t unit,
		    const char *status)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, step);
	rows_bind_text(&q, role);
	rows_bind_int(&q, unit);
	rows_bind_text(&q, status);
	rows_bind_int(&q, c->now);
	return rows_exec(&q,
			 "INSERT INTO approval(case_id, subject, step, role, unit_id, status, created_at)"
			 " VALUES (?, 'decision', ?, ?, ?, ?, ?)",
			 NULL);
}

/* The 呈请报告: the facts established and the officer's opinion, kept on the
 * case for the approvers and the 决定书 (a new submission replaces them). */
static int save_report(struct ctx *c, const struct case_row *k, const struct action_input *in,
		       int64_t at)
{
	struct rows_query q;

	int rc;

	int has_facts = in->facts && *in->facts;

	if (!has_facts && (!in->opinion || !*in->opinion))
		return PS_OK;
	/* a changed text is kept in the facts' history (case_facts.c); facts
	 * edited before (PUT /cases/{id}/facts) stand when none are given */
	if (has_facts) {
		rc = case_facts_record(c, k, in->facts, "呈请报告", at);
		if (rc)
			return rc;
	}
	rows_binds(&q, c);
	rows_bind_text(&q, has_facts ? in->facts : NULL);
	rows_bind_text(&q, in->opinion);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, at);
	rows_bind_int(&q, k->id);
	return rows_exec(&q,
			 "UPDATE police_case SET facts = COALESCE(?, facts), report_opinion = ?, report_by = ?, report_at = ?"
			 " WHERE id = ?",
			 NULL);
}

static int submit(struct ctx *c, const struct case_row *k, int64_t at)
{
	struct proposal_summary s;
	int64_t bureau = chain_bureau_of(c, k->unit_path);
	int step = 1, rc;

	/* ADM-OFFICERS-2: the case still has two sworn officers */
	if (k->sworn_officers < 2)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-OFFICERS-2",
			       "办案民警不得少于两人（辅警不计入），不能呈请审批");
	rc = proposals_ready(c, k, &s);
	if (rc)
		return rc;
	/* ADM-LEGAL-REVIEW: review by the station's legal officer when the case is
	 * complex, a proposal is lenient (以罚代拘/畸轻) or overrides a detention
	 * exemption, or the station requires it for every decision */
	/* ... and always when the chain goes up to the county: the station's
	 * 法制员 review stays a step before the bureau's */
	if (s.needs_legal || k->complex || s.bureau ||
	    setting_int(c, "station.require_legal_review", k->unit_id))
		rc = add_step(c, k->id, step++, "legal", k->unit_id, "pending");
	if (!rc)
		rc = add_step(c, k->id, step, "chief", k->unit_id, step == 1 ? "pending" : "waiting");
	step++;
	/* ADM-STATION-POWER: beyond the station's power the county bureau decides:
	 * 法制大队 review, then 局领导 approval */
	if (!rc && s.bureau) {
		rc = add_step(c, k->id, step++, "legal", bureau, "waiting");
		if (!rc)
			rc = add_step(c, k->id, step++, "chief", bureau, "waiting");
	}
	if (!rc)
		rc = proposals_set_status(c, k->id, "draft", "submitted");
	if (!rc)
		rc = set_status(c, k, CASE_APPROVING, NULL, "submit",
				s.bureau ? "报县局审批" : "本所审批", at);
	return rc;
}

struct step {
	int64_t id, unit_id;
	int step;
	const char *role;
};

static int current_step(struct ctx *c, int64_t case_id, struct step *s)
{
	struct rows_query q;
	json_t *row;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rc = rows_one(&q,
		      "SELECT id, step, role, unit_id FROM approval WHERE case_id = ? AND status = 'pending'"
		      " ORDER BY step LIMIT 1",
		      &row);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, PS_ECONFLICT, "NO_PENDING_APPROVAL", NULL, "没有待审批的环节");
	if (rc)
		return rc;
	s->id = json_integer_value(json_object_get(row, "id"));
	s->step = (int)json_integer_value(json_object_get(row, "step"));
	s->role = arena_strdup(c->arena, json_string_value(json_object_get(row, "role")));
	s->unit_id = json_integer_value(json_object_get(row, "unit_id"));
	json_decref(row);
	return PS_OK;
}

/* Who may decide the step: the role at the unit; for the bureau's legal
 * review also the 法制大队 directly under the bureau. */
static int approver_matches(struct ctx *c, const struct step *s)
{
	if (!ctx_has_role(c, s->role))
		return 0;
	if (c->who.unit_id == s->unit_id)
		return 1;
	return strcmp(s->role, "legal") == 0 && chain_bureau_of(c, c->who.unit_path) == s->unit_id &&
	       c->who.unit_kind && strcmp(c->who.unit_kind, "brigade") == 0;
}

static int decide_step(struct ctx *c, const struct case_row *k, int approve,
		       const char *opinion, const char *collective, int64_t at)
{
	struct rows_query q;
	struct step s = { 0 };
	int64_t more = 0;
	int rc;

	rc = current_step(c, k->id, &s);
	if (rc)
		return rc;
	if (!approver_matches(c, &s))
		return ctx_deny(c, approve ? "case.approve" : "case.reject", "case", k->case_no,
				strcmp(s.role, "legal") == 0 ? "当前环节应由法制员审核"
							     : "当前环节应由单位负责人审批");
	if (!approve && (!opinion || !*opinion))
		return ps_fail_field(c->err, PS_EINVAL, "opinion", "退回时请填写审批意见");
	/* ADM-RECUSAL / CRIM-RECUSAL: a recused officer decides no step */
	rc = recusals_check(c, k->id, c->who.user_id, "审核审批人");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, approve ? "approved" : "rejected");
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, at);
	rows_bind_text(&q, opinion);
	rows_bind_int(&q, s.id);
	rc = rows_exec(&q,
		       "UPDATE approval SET status = ?, decided_by = ?, decided_at = ?, opinion = ?"
		       " WHERE id = ?",
		       NULL);
	if (rc)
		return rc;
	if (!approve) {
		rows_binds(&q, c);
		rows_bind_int(&q, k->id);
		rc = rows_exec(&q,
			       "UPDATE approval SET status = 'cancelled' WHERE case_id = ?"
			       " AND status IN ('waiting','pending')",
			       NULL);
		if (!rc)
			rc = proposals_set_status(c, k->id, "submitted", "draft");
		if (!rc)
			rc = set_status(c, k, CASE_FILED, NULL, "reject", opinion, at);
		return rc;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rows_bind_int(&q, k->id);
	rc = rows_exec(&q,
		       "UPDATE approval SET status = 'pending' WHERE case_id = ? AND status = 'waiting'"
		       " AND step = (SELECT MIN(step) FROM approval WHERE case_id = ? AND status = 'waiting')",
		       &more);
	if (rc)
		return rc;
	if (more) {
		rc = case_event(c, k->id, "approve", k->status, k->status,
				arena_printf(c->arena, "%s%s", opinion ? opinion : "同意",
					     cases_late_note(c, k, at)));
		if (!rc)
			rc = audit_write(c, "case.approve", "case", k->case_no, "success", s.role);
		return rc;
	}
	/* the last step: the decision is made; a complex case is decided by
	 * the chiefs collectively (ZA2025 Art 113 ¶2, ADM-COLLECTIVE) */
	if (k->complex && (!collective || !*collective))
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-COLLECTIVE",
			       "情节复杂或者重大违法行为的处罚决定，应当由公安机关负责人集体讨论决定，请填写集体讨论记录");
	if (k->complex) {
		rc = case_event(c, k->id, "collective", NULL, NULL, collective);
		if (rc)
			return rc;
	}
	rc = proposals_decide(c, k);
	if (!rc)
		rc = set_status(c, k, CASE_DECIDED, "decided_at = ?", "approve",
				opinion ? opinion : "同意，作出决定", at);
	return rc;
}

/* Who may take a step: the actor rule of the flow (a rule of procedure, not
 * a permission), decided here once for the run below and for the case's
 * may.actions. The approver of an approval step is checked with the step. */
static int actor_may(struct ctx *c, const struct case_row *k, const struct flow_rule *fr)
{
	switch (fr->actor) {
	case FLOW_CASE_OFFICER:
		return k->i_am_officer;
	case FLOW_OFFICER_OR_CHIEF:
		/* CRIM-FILE-DECISION: 刑事立案 by the county-level chief */
		if (strcmp(fr->action, "file") == 0 && strcmp(k->kind, "criminal") == 0)
			return cases_is_bureau_chief(c, k);
		return cases_may_edit(c, k);
	case FLOW_STATION_CHIEF:
		return cases_is_station_chief(c, k) || cases_is_bureau_chief(c, k);
	case FLOW_RECORDS:
		/* archiving is the station's records office */
		return (ctx_has_role(c, "clerk") || ctx_has_role(c, "archivist")) &&
		       c->who.station_id == k->unit_id;
	case FLOW_BUREAU_CHIEF:
		return cases_is_bureau_chief(c, k);
	case FLOW_APPROVER:
		return 1;
	case FLOW_STATION_LEGAL:
		return ctx_has_role(c, "legal") && c->who.station_id == k->unit_id;
	}
	return 0;
}

/* The steps open while an economic dispute waits for the 法制员 (SUP-ECON):
 * the review itself, or not taking the case on. */
static int econ_may_wait(const char *action)
{
	return strcmp(action, "econ_review") == 0 || strcmp(action, "decline") == 0 ||
	       strcmp(action, "transfer") == 0 || strcmp(action, "withdraw") == 0;
}

/* 补录 judged by its real times: a step that ended the case limit (the
 * decision, or ending the case) entered with a real time past the limit is a
 * breach on record, dated as the sweep would have seen it (ADM-CASE-30D). */
static int late_breach(struct ctx *c, const struct case_row *k, int64_t deadline)
{
	struct case_row now;
	struct rows_query q;
	int64_t n = 0;
	int rc = case_load(c, k->id, &now);

	if (rc)
		return rc;
	if (!flow_state_closed(now.status) && strcmp(now.status, CASE_DECIDED) != 0 &&
	    strcmp(now.status, CASE_DELIVERED) != 0)
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_text(&q, arena_printf(c->arena, "case:%lld:limit", (long long)k->id));
	rows_bind_int(&q, k->unit_id);
	rows_bind_int(&q, k->id);
	rows_bind_text(&q, rule_get(RULE_ADM_CASE_30D)->code);
	rows_bind_text(&q, "治安案件办案期限（补录）");
	rows_bind_int(&q, deadline);
	rows_bind_int(&q, c->now);
	rc = rows_exec(&q,
		       "INSERT INTO breach(clock_key, unit_id, case_id, rule, label, deadline, recorded_at)"
		       " VALUES (?,?,?,?,?,?,?) ON CONFLICT (clock_key) DO NOTHING",
		       &n);
	/* a breach a sweep recorded already is audited once, by it */
	if (!rc && n)
		rc = breach_officers_record(c, arena_printf(c->arena, "case:%lld:limit", (long long)k->id));
	if (!rc && n)
		rc = audit_write(c, "breach.record", "case", k->case_no, "success",
				 arena_printf(c->arena, "case:%lld:limit 补录", (long long)k->id));
	return rc;
}

json_t *case_actions_allowed(struct ctx *c, const struct case_row *k)
{
	json_t *a = json_array();
	struct ps_err e;

	int late_pending = k->late_entry && !k->late_approved_at;

	for (const struct flow_rule *fr = flow_rules; a && fr->action; fr++) {
		if (fr->actor == FLOW_APPROVER || flow_check(fr->action, k->status, &e) != PS_OK ||
		    !actor_may(c, k, fr))
			continue;
		/* 补录: nothing moves before the chief approved the entry */
		if ((strcmp(fr->action, "approve_late") == 0) != late_pending)
			continue;
		/* SUP-ECON: before the 法制员's review only the review or ending it */
		if ((strcmp(fr->action, "econ_review") == 0 && !k->econ_pending) ||
		    (k->econ_pending && !econ_may_wait(fr->action)))
			continue;
		if (json_array_append_new(a, json_string(fr->action))) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

int case_actions_run(struct ctx *c, int64_t id, const char *action,
		 const struct action_input *in, json_t **out)
{
	const struct flow_rule *fr;
	struct case_row k;
	int64_t at, last, limit = 0;
	int rc;

	*out = NULL;
	rc = case_load(c, id, &k);
	if (rc)
		return rc;
	/* 补录: the entry waits for the chief's approval; then each step may
	 * carry its real time, after the one before it */
	if (strcmp(action, "approve_late") != 0) {
		rc = cases_may_proceed(c, &k, 0);
		if (rc)
			return rc;
	}
	if (strcmp(action, "approve_late") == 0 && !(k.late_entry && !k.late_approved_at))
		return ps_fail(c->err, PS_ECONFLICT, "NOT_LATE_ENTRY", NULL, "本案不是待批准的补录案件");
	if (k.econ_pending && !econ_may_wait(action))
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "SUP-ECON",
			       "本案由经济纠纷警情转来，须经法制员审核后方可立案或继续办理");
	if (strcmp(action, "econ_review") == 0 && !k.econ_pending)
		return ps_fail(c->err, PS_ECONFLICT, "NOT_ECON_PENDING", NULL, "本案没有待审核的经济纠纷事项");
	last = k.accepted_at > k.filed_at ? k.accepted_at : k.filed_at;
	last = last > k.decided_at ? last : k.decided_at;
	rc = cases_acted_at(c, &k, in->has_acted_at, in->acted_at, last, "acted_at", &at);
	if (rc)
		return rc;
	/* 补录: the case limit as it stood before this step, to judge the step's
	 * real time against it below */
	if (in->has_acted_at && strcmp(k.kind, "admin") == 0) {
		rc = clocks_case_limit(c, id, &limit);
		if (rc)
			return rc;
	}
	fr = flow_find(action);
	if (!fr)
		return ps_fail(c->err, PS_ENOTFOUND, "UNKNOWN_ACTION", NULL, "未知的办案操作：%s", action);
	rc = flow_check(action, k.status, c->err);
	if (rc)
		return rc;
	if (!actor_may(c, &k, fr)) {
		const char *what = arena_printf(c->arena, "case.%s", action);

		switch (fr->actor) {
		case FLOW_CASE_OFFICER:
			return ctx_deny(c, what, "case", k.case_no, "只有本案办案民警可以进行此操作（辅警不能）");
		case FLOW_OFFICER_OR_CHIEF:
			if (strcmp(action, "file") == 0 && strcmp(k.kind, "criminal") == 0) {
				ctx_deny(c, "case.file", "case", k.case_no,
					 "刑事案件立案须经县级以上公安机关负责人批准");
				c->err->rule = "CRIM-FILE-DECISION";
				return PS_EFORBIDDEN;
			}
			return ctx_deny(c, what, "case", k.case_no, "只有本案办案民警或所领导可以进行此操作");
		case FLOW_STATION_CHIEF:
			return ctx_deny(c, what, "case", k.case_no, "此操作须由办案单位负责人进行");
		case FLOW_RECORDS:
			return ctx_deny(c, "case.archive", "case", k.case_no, "归档须由本所内勤或档案管理员进行");
		case FLOW_BUREAU_CHIEF:
			/* a competence rule (CRIM-CLOSE): the refusal names it */
			rc = ctx_deny(c, what, "case", k.case_no, "此操作须经县级以上公安机关负责人批准");
			c->err->rule = fr->rule;
			return rc;
		case FLOW_APPROVER:
			break; /* checked against the approval step below */
		case FLOW_STATION_LEGAL:
			rc = ctx_deny(c, what, "case", k.case_no, "此操作须由本所法制员进行");
			c->err->rule = fr->rule;
			return rc;
		}
	}

	if (strcmp(action, "file") == 0) {
		rc = set_status(c, &k, CASE_FILED, "filed_at = ?", "file", NULL, at);
	} else if (strcmp(action, "decline") == 0) {
		rc = need_text(c, in->reason, "reason", "不予立案的理由");
		if (!rc)
			rc = set_text(c, id, "UPDATE police_case SET decline_reason = ? WHERE id = ?", in->reason);
		if (!rc)
			rc = set_status(c, &k, CASE_DECLINED, "closed_at = ?", "decline", in->reason, at);
		if (!rc)
			rc = documents_issue_internal(c, &k, "decline_notice", NULL);
	} else if (strcmp(action, "transfer") == 0) {
		rc = need_text(c, in->transfer_to, "transfer_to", "移送单位");
		if (!rc)
			rc = set_text(c, id, "UPDATE police_case SET transfer_to = ? WHERE id = ?", in->transfer_to);
		if (!rc)
			rc = set_status(c, &k, CASE_TRANSFERRED, "closed_at = ?", "transfer", in->transfer_to, at);
	} else if (strcmp(action, "approve_late") == 0) {
		struct rows_query q;

		rows_binds(&q, c);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE police_case SET late_approved_by = ?, late_approved_at = ?"
				   " WHERE id = ? AND late_approved_at IS NULL", NULL);
		if (!rc)
			rc = case_event(c, id, "approve_late", NULL, NULL,
					in->opinion && *in->opinion ? in->opinion : "同意补录");
		if (!rc)
			rc = audit_write(c, "case.approve_late", "case", k.case_no, "success", in->opinion);
	} else if (strcmp(action, "econ_review") == 0) {
		struct rows_query q;

		rows_binds(&q, c);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE police_case SET econ_reviewed_by = ?, econ_reviewed_at = ?"
				   " WHERE id = ? AND econ_reviewed_at IS NULL", NULL);
		if (!rc)
			rc = case_event(c, id, "econ_review", NULL, NULL,
					in->opinion && *in->opinion ? in->opinion : "经审核，涉嫌违法犯罪，同意立案");
		if (!rc)
			rc = audit_write(c, "case.econ_review", "case", k.case_no, "success", in->opinion);
	} else if (strcmp(action, "submit") == 0) {
		rc = save_report(c, &k, in, at);
		if (!rc)
			rc = submit(c, &k, at);
	} else if (strcmp(action, "approve") == 0 || strcmp(action, "reject") == 0) {
		rc = decide_step(c, &k, strcmp(action, "approve") == 0, in->opinion, in->collective, at);
	} else if (strcmp(action, "onspot_decide") == 0) {
		rc = save_report(c, &k, in, at);
		if (!rc)
			rc = proposals_decide_onspot(c, &k, at);
		if (!rc)
			rc = set_status(c, &k, CASE_DECIDED, "decided_at = ?", "onspot_decide", "当场处罚", at);
	} else if (strcmp(action, "onspot_report") == 0) {
		/* ADM-ONSPOT / PROC-SIMPLE: the 当场处罚决定书 filed with the bureau
		 * within 24 h; no change of state */
		struct rows_query q;
		int64_t n = 0;

		if (strcmp(k.procedure, "onspot") != 0)
			return ps_fail(c->err, PS_ECONFLICT, "NOT_ONSPOT", NULL, "只有当场处罚案件需要备案");
		rows_binds(&q, c);
		rows_bind_int(&q, at);
		rows_bind_int(&q, id);
		rc = rows_exec(&q, "UPDATE police_case SET onspot_reported_at = ? WHERE id = ?"
				   " AND onspot_reported_at IS NULL", &n);
		if (!rc && !n)
			rc = ps_fail(c->err, PS_ECONFLICT, "ALREADY_REPORTED", NULL, "已备案");
		if (!rc)
			rc = case_event(c, id, "onspot_report", NULL, NULL, "当场处罚决定书已报所属公安机关备案");
		if (!rc)
			rc = audit_write(c, "case.onspot_report", "case", k.case_no, "success", NULL);
	} else if (strcmp(action, "deliver") == 0) {
		rc = two_or_recorded(c, &k, in->recording_id);
		if (!rc)
			rc = recorder_check(c, &k, in->recording_id, at);
		if (!rc)
			rc = set_status(c, &k, CASE_DELIVERED, NULL, "deliver",
					in->recording_id ? arena_printf(c->arena, "录音录像 %s", in->recording_id)
							 : NULL, at);
	} else if (strcmp(action, "close") == 0) {
		rc = set_text(c, id, "UPDATE police_case SET close_reason = ? WHERE id = ?",
			      in->reason ? in->reason : "处罚决定已执行");
		if (!rc)
			rc = set_status(c, &k, CASE_CLOSED, "closed_at = ?", "close", in->reason, at);
	} else if (strcmp(action, "mediate") == 0) {
		if (strcmp(k.kind, "admin") != 0)
			return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-MEDIATE",
				       "调解结案只适用于治安案件");
		rc = need_text(c, in->agreement, "agreement", "调解协议内容");
		if (!rc)
			rc = two_or_recorded(c, &k, in->recording_id);
		if (!rc)
			rc = recorder_check(c, &k, in->recording_id, at);
		if (!rc)
			rc = set_text(c, id, "UPDATE police_case SET close_reason = ? WHERE id = ?",
				      arena_printf(c->arena, "调解结案：%s", in->agreement));
		if (!rc)
			rc = set_status(c, &k, CASE_CLOSED, "closed_at = ?", "mediate", in->agreement, at);
	} else if (strcmp(action, "conclude") == 0) {
		/* CRIM-CLOSE: 侦查终结 (移送审查起诉 or 撤销) approved by the county chief */
		if (strcmp(k.kind, "criminal") != 0)
			return ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL,
				       "侦查终结只适用于刑事案件，治安案件请呈请审批后结案");
		rc = need_text(c, in->reason, "reason", "侦查终结意见（如移送审查起诉）");
		if (!rc)
			rc = set_text(c, id, "UPDATE police_case SET close_reason = ? WHERE id = ?", in->reason);
		if (!rc)
			rc = set_status(c, &k, CASE_CLOSED, "closed_at = ?", "conclude", in->reason, at);
	} else if (strcmp(action, "withdraw") == 0) {
		rc = need_text(c, in->reason, "reason", "撤销理由");
		if (!rc)
			rc = set_text(c, id, "UPDATE police_case SET close_reason = ? WHERE id = ?", in->reason);
		if (!rc)
			rc = set_status(c, &k, CASE_WITHDRAWN, "closed_at = ?", "withdraw", in->reason, at);
	} else if (strcmp(action, "archive") == 0) {
		rc = set_status(c, &k, CASE_ARCHIVED, "archived_at = ?", "archive", NULL, at);
	}
	if (!rc && limit && at > limit)
		rc = late_breach(c, &k, limit);
	if (!rc)
		rc = cases_view_get(c, id, out);
	return rc;
}

int case_actions_inbox(struct ctx *c, json_t **out)
{
	static const char where[] =
		" FROM approval a JOIN police_case k ON k.id = a.case_id"
		" JOIN org_unit o ON o.id = k.unit_id"
		" WHERE a.status = 'pending' AND a.role = ?"
		" AND (a.unit_id = ? OR (a.role = 'legal' AND a.unit_id = ? AND ? = 'brigade'))";
	struct rows_query q;
	int rc = authz_require(c, ACT_APPROVAL_LIST);

	if (rc)
		return rc;
	rows_query_init(&q, c, where, 1, 200);
	rows_bind_text(&q, c->who.role);
	rows_bind_int(&q, c->who.unit_id);
	rows_bind_int(&q, chain_bureau_of(c, c->who.unit_path));
	rows_bind_text(&q, c->who.unit_kind);
	rc = rows_page(&q,
		       "SELECT a.id, a.case_id, a.step, a.role, a.created_at, k.case_no, k.title,"
		       " k.kind, k.status, o.name AS unit_name,"
		       " (SELECT COUNT(*) FROM penalty_proposal pp WHERE pp.case_id = k.id"
		       "  AND pp.lenient = 1 AND pp.status = 'submitted') AS lenient",
		       "ORDER BY a.id", out);
	/* AUD-1: the inbox shows the cases' titles: audited with the case ids */
	if (!rc)
		rc = audit_read_items(c, "approval.list", "case", json_object_get(*out, "items"), "case_id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
