/* appeals.c — 行政复议, 行政诉讼 and 国家赔偿 against a decision of a case:
 * who applied, when, the organ, the outcome (维持 / 变更 / 撤销 / 确认违法 /
 * 赔偿 and amount) with the station's own statutory clocks — the 复议
 * answer in 10 working days (SUP-FY-ANSWER), the court's evidence in 15 days
 * (SUP-SS-EVID-15), the compensation decision in 2 months
 * (SUP-PC-DECIDE-2M) — and the 60-day 复议 window shown (SUP-FY-60). An
 * outcome against the station marks the decision in the case's timeline
 * and opens an 执法过错 review naming the case's officers and approvers. */
#include "domain/supervision/supervision.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/clocks/clocks.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "core/clock.h"
#include "rules/catalog.h"
#include "rules/clock.h"
#include "rules/date.h"
#include "rules/remedy.h"

#include <string.h>

#define CASE_PATH_SQL "SELECT o.path FROM police_case k JOIN org_unit o ON o.id = k.unit_id WHERE k.id = ?"
#define PATH_SQL "SELECT o.path FROM appeal a JOIN org_unit o ON o.id = a.station_id WHERE a.id = ?"


static int appeal_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *a;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT a.id, a.case_id, k.case_no, a.station_id, o.name AS unit_name, a.kind, a.applicant, a.known_on,"
		      " a.applied_on, a.received_on, a.answered_on, a.organ, a.outcome, a.amount, a.outcome_on,"
		      " a.outcome_note, a.recorded_at, a.via_station, a.forwarded_on, a.prior_appeal_id,"
		      " a.comp_kind, a.materials_complete, a.completion_notice_on, a.completion_items, a.heard_on,"
		      " a.hearing_note, a.paid_on, o.path AS unit_path,"
		      " (SELECT MAX(f.id) FROM fault_finding f WHERE f.source = 'appeal' AND f.source_id = a.id) AS finding_id,"
		      " p.organ AS prior_organ, p.outcome AS prior_outcome FROM appeal a"
		      " JOIN police_case k ON k.id = a.case_id JOIN org_unit o ON o.id = a.station_id"
		      " LEFT JOIN appeal p ON p.id = a.prior_appeal_id WHERE a.id = ?",
		      &a);
	if (rc)
		return rc;
	json_object_set_new(a, "via_station", json_boolean(row_int(a, "via_station")));
	json_object_set_new(a, "materials_complete", json_boolean(row_int(a, "materials_complete")));
	if (strcmp(row_str(a, "kind"), "state_compensation") == 0) {
		/* the receipt (SUP-PC-INTAKE): numbered by the record, dated by
		 * the day received, in the name of the organ that acted */
		int y = 0, m, d;

		date_civil_from_days(appeal_windows_day_of(row_str(a, "received_on")), &y, &m, &d);
		json_object_set_new(a, "receipt_no", json_string(arena_printf(c->arena, "赔收〔%04d〕%05lld号", y,
										    (long long)row_int(a, "id"))));
	}
	json_object_del(a, "unit_path");
	if (strcmp(row_str(a, "kind"), "litigation") != 0) {
		/* SUP-FY-DECIDE (the 复议机关 checks in 5 working days, then
		 * decides in 60 days) / SUP-PC-DECIDE-2M: the last day of the
		 * decision; and what the person may do next, until when
		 * (appeal_windows.c) */
		struct calendar cal;
		json_t *w = NULL;
		int y, m, d;

		rc = clocks_calendar(c, &cal);
		if (!rc)
			rc = appeal_windows_of(c, &cal, a, &w);
		if (rc) {
			json_decref(a);
			return rc;
		}
		date_civil_from_days(appeal_windows_decide_day(&cal, row_str(a, "kind"), row_str(a, "applied_on"),
							       row_str(a, "received_on")),
				     &y, &m, &d);
		json_object_set_new(a, "decide_by", json_string(arena_printf(c->arena, "%04d-%02d-%02d", y, m, d)));
		json_object_set_new(a, "claimant_deadline", w ? w : json_null());
	}
	if (strcmp(row_str(a, "kind"), "litigation") == 0) {
		/* SUP-SS-DEFENDANT: after 复议, upheld → the station and the
		 * 复议机关 jointly; changed → the 复议机关 alone */
		const char *po = row_str(a, "prior_outcome");
		json_t *def = json_array();

		if (!po || strcmp(po, "changed") != 0)
			json_array_append_new(def, json_string(row_str(a, "unit_name")));
		if (po && (strcmp(po, "upheld") == 0 || strcmp(po, "changed") == 0))
			json_array_append_new(def, json_string(row_str(a, "prior_organ")));
		json_object_set_new(a, "defendants", def);
	}
	if (strcmp(row_str(a, "kind"), "reconsideration") == 0) {
		/* SUP-FY-60: applied within 60 days of knowing (the 复议机关
		 * decides; the station sees it) */
		int64_t known = appeal_windows_day_of(row_str(a, "known_on"));
		int64_t applied = appeal_windows_day_of(row_str(a, "applied_on"));
		int y, m, d;

		date_civil_from_days(known + rule_value(RULE_SUP_FY_60, 0), &y, &m, &d);
		json_object_set_new(a, "window_end", json_string(arena_printf(c->arena, "%04d-%02d-%02d", y, m, d)));
		json_object_set_new(a, "in_time", json_boolean(applied - known <= rule_value(RULE_SUP_FY_60, 0)));
	}
	json_object_set_new(a, "against_station",
			    json_boolean(row_str(a, "outcome") && strcmp(row_str(a, "outcome"), "upheld") != 0 &&
					 strcmp(row_str(a, "outcome"), "withdrawn") != 0));
	*out = a;
	return PS_OK;
}

/* Open the 执法过错 review of appeal id naming the people of its case's
 * decision: its main and co officers, its reviewers and approvers. */
static int open_review(struct ctx *c, int64_t station_id, int64_t case_id, int64_t id, int64_t *fid)
{
	struct rows_query q;
	json_t *people = NULL, *p, *officers, *seen;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, case_id);
	rc = rows_all(&q,
		      "SELECT user_id, 'handler' AS part FROM case_officer WHERE case_id = ? AND duty IN ('main','co')"
		      " UNION SELECT decided_by, CASE WHEN role = 'legal' THEN 'reviewer' ELSE 'approver' END"
		      " FROM approval WHERE case_id = ? AND status = 'approved' AND decided_by IS NOT NULL",
		      &people);
	if (rc)
		return rc;
	officers = json_array();
	seen = json_object();
	json_array_foreach(people, i, p) {
		const char *key = arena_printf(c->arena, "%lld", (long long)row_int(p, "user_id"));

		if (json_object_get(seen, key))
			continue;
		json_object_set_new(seen, key, json_true());
		json_array_append(officers, p);
	}
	rc = fault_findings_open(c, station_id, case_id, "appeal", id, officers, fid);
	json_decref(officers);
	json_decref(seen);
	json_decref(people);
	return rc;
}

int appeals_create(struct ctx *c, int64_t case_id, const struct appeal_in *in, json_t **out)
{
	struct rows_query q;
	json_t *k = NULL;
	int64_t id, known = appeal_windows_day_of(in->known_on), applied = appeal_windows_day_of(in->applied_on),
		   received = appeal_windows_day_of(in->received_on), today = date_local_days(c->now);
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_APPEAL_CREATE, CASE_PATH_SQL, case_id, "案件不存在");
	if (rc)
		return rc;
	if (known < 0)
		return ps_fail_field(c->err, PS_EINVAL, "known_on", "知道决定之日应为 YYYY-MM-DD");
	if (applied < 0 || applied < known || applied > today)
		return ps_fail_field(c->err, PS_EINVAL, "applied_on", "申请（起诉）日期应为 YYYY-MM-DD，不早于知道决定之日、不晚于今天");
	if (received < 0 || received < applied || received > today)
		return ps_fail_field(c->err, PS_EINVAL, "received_on", "收到申请书（起诉状）副本之日应为 YYYY-MM-DD，不早于申请日、不晚于今天");
	if (strcmp(in->kind, "state_compensation") == 0 && (!in->comp_kind || !enums_valid(ES_COMP_KIND, in->comp_kind)))
		return ps_fail(c->err, PS_EINVAL, "COMP_KIND", "SUP-PC-INTAKE", "请选择赔偿类别：行政赔偿或刑事赔偿");
	if (strcmp(in->kind, "state_compensation") != 0 && (in->comp_kind || in->materials_incomplete))
		return ps_fail_field(c->err, PS_EINVAL, "comp_kind", "只有国家赔偿申请填写赔偿类别和材料是否齐全");
	if (in->via_station && strcmp(in->kind, "reconsideration") != 0)
		return ps_fail_field(c->err, PS_EINVAL, "via_station", "只有行政复议申请可以经作出决定的机关提交");
	/* SUP-FY-BODY: a 复议 goes to the 本级人民政府, never to a police organ */
	if (strcmp(in->kind, "reconsideration") == 0) {
		rc = remedy_organ_check(in->organ, c->err);
		if (rc)
			return rc;
	}
	if (in->prior_appeal_id) {
		int64_t n = 0;

		if (strcmp(in->kind, "litigation") != 0)
			return ps_fail_field(c->err, PS_EINVAL, "prior_appeal_id", "只有行政诉讼可以关联在先的行政复议");
		rows_binds(&q, c);
		rows_bind_int(&q, in->prior_appeal_id);
		rows_bind_int(&q, case_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM appeal WHERE id = ? AND case_id = ? AND kind = 'reconsideration'"
				  " AND outcome IS NOT NULL", 0, &n);
		if (rc)
			return rc;
		if (!n)
			return ps_fail(c->err, PS_EINVAL, "PRIOR_APPEAL", "SUP-SS-DEFENDANT",
				       "关联的应为本案已有结果的行政复议记录");
	}
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rc = rows_one(&q, "SELECT unit_id, decided_at FROM police_case WHERE id = ?", &k);
	if (rc)
		return rc;
	if (!row_int(k, "decided_at")) {
		json_decref(k);
		return ps_fail(c->err, PS_ECONFLICT, "APPEAL_NO_DECISION", NULL, "该案件尚未作出决定，不能登记复议、诉讼或赔偿");
	}
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, row_int(k, "unit_id"));
	json_decref(k);
	rows_bind_text(&q, in->kind);
	rows_bind_text(&q, in->applicant);
	rows_bind_text(&q, in->known_on);
	rows_bind_text(&q, in->applied_on);
	rows_bind_text(&q, in->received_on);
	rows_bind_text(&q, in->organ);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, in->via_station ? 1 : 0);
	if (in->prior_appeal_id)
		rows_bind_int(&q, in->prior_appeal_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, strcmp(in->kind, "state_compensation") == 0 ? in->comp_kind : NULL);
	rows_bind_int(&q, in->materials_incomplete ? 0 : 1);
	rc = rows_insert(&q,
			 "INSERT INTO appeal(case_id, station_id, kind, applicant, known_on, applied_on, received_on, organ,"
			 " recorded_by, recorded_at, via_station, prior_appeal_id, comp_kind, materials_complete)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, case_id);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_text(&q, arena_printf(c->arena, "当事人申请%s（%s）", enums_label(ES_APPEAL_KIND, in->kind), in->organ));
		rc = rows_exec(&q, "INSERT INTO case_event(case_id, at, user_id, action, detail) VALUES (?,?,?,'appeal',?)",
			       NULL);
	}
	if (!rc)
		rc = audit_write(c, "appeal.create", "appeal", arena_printf(c->arena, "%lld", (long long)id), "success",
				 in->kind);
	return rc ? rc : appeal_get(c, id, out);
}

int appeals_forward(struct ctx *c, int64_t id, const char *forwarded_on, json_t **out)
{
	struct rows_query q;
	int64_t n = 0, day = appeal_windows_day_of(forwarded_on);
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_APPEAL_OUTCOME, PATH_SQL, id, "复议诉讼记录不存在");
	if (rc)
		return rc;
	if (day < 0 || day > date_local_days(c->now))
		return ps_fail_field(c->err, PS_EINVAL, "forwarded_on", "转送日期应为 YYYY-MM-DD，不晚于今天");
	rows_binds(&q, c);
	rows_bind_text(&q, forwarded_on);
	rows_bind_int(&q, id);
	rows_bind_text(&q, forwarded_on);
	rc = rows_exec(&q, "UPDATE appeal SET forwarded_on = ? WHERE id = ? AND via_station = 1 AND forwarded_on IS NULL"
			   " AND received_on <= ?", &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "APPEAL_FORWARD", "SUP-FY-ONSPOT-FORWARD",
			     "只有经本机关提交、尚未转送的复议申请可以登记转送，转送日期不早于收到申请之日");
	if (!rc)
		rc = audit_write(c, "appeal.forward", "appeal", arena_printf(c->arena, "%lld", (long long)id), "success",
				 NULL);
	return rc ? rc : appeal_get(c, id, out);
}

/* The state_compensation record id of the actor's scope, in *a. */
static int compensation_get(struct ctx *c, int64_t id, json_t **a)
{
	int rc = rows_check_unit(c, ACT_APPEAL_OUTCOME, PATH_SQL, id, "复议诉讼记录不存在");

	*a = NULL;
	if (!rc)
		rc = appeal_get(c, id, a);
	if (!rc && strcmp(row_str(*a, "kind"), "state_compensation") != 0) {
		json_decref(*a);
		*a = NULL;
		rc = ps_fail(c->err, PS_ECONFLICT, "NOT_COMPENSATION", NULL, "该记录不是国家赔偿申请");
	}
	return rc;
}

int appeals_completion_notice(struct ctx *c, int64_t id, const char *notice_on, const char *items,
			      json_t **out)
{
	struct rows_query q;
	json_t *a = NULL;
	int64_t day = appeal_windows_day_of(notice_on), n = 0;
	int rc;

	*out = NULL;
	rc = compensation_get(c, id, &a);
	if (rc)
		return rc;
	if (day < 0 || day > date_local_days(c->now) || day < appeal_windows_day_of(row_str(a, "received_on")))
		rc = ps_fail_field(c->err, PS_EINVAL, "notice_on", "告知日期应为 YYYY-MM-DD，不早于收到申请之日、不晚于今天");
	else if (!items || !*items)
		rc = ps_fail_field(c->err, PS_EINVAL, "items", "请一次写明需要补正的全部内容");
	/* SUP-PC-INTAKE: once, with everything, within 5 days of receipt */
	else if (row_str(a, "completion_notice_on"))
		rc = ps_fail(c->err, PS_ECONFLICT, "COMP_NOTICE_ONCE", "SUP-PC-INTAKE",
			     "补正内容应当一次性告知，已告知过");
	else if (json_is_true(json_object_get(a, "materials_complete")))
		rc = ps_fail(c->err, PS_ECONFLICT, "COMP_MATERIALS_COMPLETE", "SUP-PC-INTAKE", "登记时申请材料已齐全");
	else if (day > appeal_windows_day_of(row_str(a, "received_on")) + rule_value(RULE_SUP_PC_INTAKE, 0))
		rc = ps_fail(c->err, PS_ECONFLICT, "COMP_NOTICE_LATE", "SUP-PC-INTAKE",
			     "已超过收到申请之日起五日的一次性告知期限");
	json_decref(a);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, notice_on);
	rows_bind_text(&q, items);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE appeal SET completion_notice_on = ?, completion_items = ? WHERE id = ?"
			   " AND completion_notice_on IS NULL", &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "COMP_NOTICE_ONCE", "SUP-PC-INTAKE", "补正内容应当一次性告知，已告知过");
	if (!rc)
		rc = audit_write(c, "appeal.completion_notice", "appeal", arena_printf(c->arena, "%lld", (long long)id),
				 "success", NULL);
	return rc ? rc : appeal_get(c, id, out);
}

int appeals_hearing(struct ctx *c, int64_t id, const char *heard_on, const char *note, json_t **out)
{
	struct rows_query q;
	json_t *a = NULL;
	int64_t day = appeal_windows_day_of(heard_on);
	int rc;

	*out = NULL;
	rc = compensation_get(c, id, &a);
	if (rc)
		return rc;
	if (day < 0 || day > date_local_days(c->now) || day < appeal_windows_day_of(row_str(a, "received_on")))
		rc = ps_fail_field(c->err, PS_EINVAL, "heard_on", "听取意见日期应为 YYYY-MM-DD，不早于收到申请之日、不晚于今天");
	else if (!note || !*note)
		rc = ps_fail_field(c->err, PS_EINVAL, "note", "请记录赔偿请求人的意见（赔偿方式、项目和数额等）");
	else if (row_str(a, "outcome"))
		rc = ps_fail(c->err, PS_ECONFLICT, "APPEAL_DECIDED", NULL, "已作出赔偿决定");
	json_decref(a);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, heard_on);
	rows_bind_text(&q, note);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE appeal SET heard_on = ?, hearing_note = ? WHERE id = ?", NULL);
	if (!rc)
		rc = audit_write(c, "appeal.hearing", "appeal", arena_printf(c->arena, "%lld", (long long)id), "success",
				 NULL);
	return rc ? rc : appeal_get(c, id, out);
}

int appeals_payment(struct ctx *c, int64_t id, const char *paid_on, json_t **out)
{
	struct rows_query q;
	json_t *a = NULL;
	int64_t day = appeal_windows_day_of(paid_on), fid = 0, n = 0;
	int rc;

	*out = NULL;
	rc = compensation_get(c, id, &a);
	if (rc)
		return rc;
	if (!row_str(a, "outcome") || strcmp(row_str(a, "outcome"), "compensated") != 0)
		rc = ps_fail(c->err, PS_ECONFLICT, "COMP_NOT_DECIDED", "SUP-PC-RECOVER", "只有决定赔偿的申请可以登记支付");
	else if (row_str(a, "paid_on"))
		rc = ps_fail(c->err, PS_ECONFLICT, "COMP_PAID", "SUP-PC-RECOVER", "已登记支付");
	else if (day < 0 || day > date_local_days(c->now) || day < appeal_windows_day_of(row_str(a, "outcome_on")))
		rc = ps_fail_field(c->err, PS_EINVAL, "paid_on", "支付日期应为 YYYY-MM-DD，不早于赔偿决定之日、不晚于今天");
	if (rc) {
		json_decref(a);
		return rc;
	}
	rows_binds(&q, c);
	rows_bind_text(&q, paid_on);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE appeal SET paid_on = ? WHERE id = ? AND paid_on IS NULL", &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "COMP_PAID", "SUP-PC-RECOVER", "已登记支付");
	/* SUP-PC-RECOVER: the recovery is the case's 执法过错 task of this
	 * record (the outcome opened it; a fresh one if it was closed) */
	fid = row_int(a, "finding_id");
	if (!rc && fid) {
		int64_t open = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, fid);
		rc = rows_int(&q, "SELECT COUNT(*) FROM fault_finding WHERE id = ? AND status = 'open'", 0, &open);
		if (!open)
			fid = 0;
	}
	if (!rc && !fid)
		rc = open_review(c, row_int(a, "station_id"), row_int(a, "case_id"), id, &fid);
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, row_int(a, "amount"));
		rows_bind_int(&q, fid);
		rc = rows_exec(&q, "UPDATE fault_finding SET recovery_amount = ? WHERE id = ?", NULL);
	}
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, row_int(a, "case_id"));
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_text(&q, arena_printf(c->arena, "国家赔偿已支付 %lld 元，转执法过错调查决定追偿",
						 (long long)row_int(a, "amount")));
		rc = rows_exec(&q, "INSERT INTO case_event(case_id, at, user_id, action, detail) VALUES (?,?,?,'appeal_outcome',?)",
			       NULL);
	}
	json_decref(a);
	if (!rc)
		rc = audit_write(c, "appeal.payment", "appeal", arena_printf(c->arena, "%lld", (long long)id), "success",
				 NULL);
	return rc ? rc : appeal_get(c, id, out);
}

int appeals_answer(struct ctx *c, int64_t id, const char *answered_on, json_t **out)
{
	struct rows_query q;
	int64_t n = 0, day = appeal_windows_day_of(answered_on);
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_APPEAL_OUTCOME, PATH_SQL, id, "复议诉讼记录不存在");
	if (rc)
		return rc;
	if (day < 0 || day > date_local_days(c->now))
		return ps_fail_field(c->err, PS_EINVAL, "answered_on", "答复（举证）日期应为 YYYY-MM-DD，不晚于今天");
	rows_binds(&q, c);
	rows_bind_text(&q, answered_on);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE appeal SET answered_on = ? WHERE id = ? AND answered_on IS NULL AND outcome IS NULL", &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "APPEAL_ANSWERED", NULL, "已登记答复，或已有结果");
	if (!rc)
		rc = audit_write(c, "appeal.answer", "appeal", arena_printf(c->arena, "%lld", (long long)id), "success", NULL);
	return rc ? rc : appeal_get(c, id, out);
}

int appeals_outcome(struct ctx *c, int64_t id, const char *outcome, int64_t amount,
		    const char *outcome_on, const char *note, json_t **out)
{
	struct rows_query q;
	json_t *a = NULL;
	int64_t n = 0, day = appeal_windows_day_of(outcome_on);
	int rc, against;

	*out = NULL;
	rc = rows_check_unit(c, ACT_APPEAL_OUTCOME, PATH_SQL, id, "复议诉讼记录不存在");
	if (rc)
		return rc;
	if (day < 0 || day > date_local_days(c->now))
		return ps_fail_field(c->err, PS_EINVAL, "outcome_on", "结果日期应为 YYYY-MM-DD，不晚于今天");
	if (strcmp(outcome, "compensated") == 0 && amount <= 0)
		return ps_fail_field(c->err, PS_EINVAL, "amount", "请填写赔偿金额（元）");
	if (strcmp(outcome, "compensated") != 0 && amount)
		return ps_fail_field(c->err, PS_EINVAL, "amount", "只有赔偿结果填写金额");
	rc = appeal_get(c, id, &a);
	if (rc)
		return rc;
	if (strcmp(row_str(a, "kind"), "state_compensation") == 0) {
		/* SUP-PC-DECIDE-2M: decided after hearing the claimant; to pay
		 * (and how much), not to pay, or withdrawn */
		if (strcmp(outcome, "compensated") != 0 && strcmp(outcome, "upheld") != 0 &&
		    strcmp(outcome, "withdrawn") != 0)
			rc = ps_fail_field(c->err, PS_EINVAL, "outcome", "国家赔偿的结果为赔偿（金额）、不予赔偿或撤回申请");
		else if (strcmp(outcome, "withdrawn") != 0 && !row_str(a, "heard_on"))
			rc = ps_fail(c->err, PS_ECONFLICT, "COMP_NOT_HEARD", "SUP-PC-DECIDE-2M",
				     "作出赔偿决定前应当听取赔偿请求人的意见，请先登记听取意见");
	} else if (strcmp(outcome, "compensated") == 0) {
		rc = ps_fail_field(c->err, PS_EINVAL, "outcome", "赔偿结果只用于国家赔偿");
	}
	if (rc) {
		json_decref(a);
		return rc;
	}
	rows_binds(&q, c);
	rows_bind_text(&q, outcome);
	if (amount)
		rows_bind_int(&q, amount);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, outcome_on);
	rows_bind_text(&q, note);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE appeal SET outcome = ?, amount = ?, outcome_on = ?, outcome_note = ? WHERE id = ?"
			   " AND outcome IS NULL", &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "APPEAL_DECIDED", NULL, "已登记结果，不能更改");
	against = strcmp(outcome, "upheld") != 0 && strcmp(outcome, "withdrawn") != 0;
	if (!rc && against) {
		int64_t case_id = row_int(a, "case_id"), fid = 0;

		/* the decision is marked in the case's history */
		rows_binds(&q, c);
		rows_bind_int(&q, case_id);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_text(&q, arena_printf(c->arena, "%s结果：%s（%s）", enums_label(ES_APPEAL_KIND, row_str(a, "kind")),
						 enums_label(ES_APPEAL_OUTCOME, outcome), row_str(a, "organ")));
		rc = rows_exec(&q,
			       "INSERT INTO case_event(case_id, at, user_id, action, detail) VALUES (?,?,?,'appeal_outcome',?)",
			       NULL);
		/* and the people of the decision answer for it (SUP-GC-ROLES) */
		if (!rc)
			rc = open_review(c, row_int(a, "station_id"), case_id, id, &fid);
	}
	json_decref(a);
	if (!rc)
		rc = audit_write(c, "appeal.outcome", "appeal", arena_printf(c->arena, "%lld", (long long)id), "success",
				 outcome);
	return rc ? rc : appeal_get(c, id, out);
}

int appeals_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *ids = NULL, *items = json_array(), *by = NULL, *it;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_APPEAL_LIST);
	if (!rc && !items)
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_all(&q,
			      "SELECT a.id FROM appeal a JOIN org_unit o ON o.id = a.station_id WHERE o.path LIKE ?"
			      " ORDER BY a.received_on DESC, a.id DESC",
			      &ids);
	}
	if (!rc)
		json_array_foreach(ids, i, it) {
			json_t *a;

			rc = appeal_get(c, row_int(it, "id"), &a);
			if (rc)
				break;
			json_array_append_new(items, a);
		}
	json_decref(ids);
	if (!rc) {
		/* the station figure: challenges and outcomes against it */
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_all(&q,
			      "SELECT o.id AS unit_id, o.name AS unit_name,"
			      " SUM(CASE WHEN a.kind = 'reconsideration' THEN 1 ELSE 0 END) AS reconsideration,"
			      " SUM(CASE WHEN a.kind = 'litigation' THEN 1 ELSE 0 END) AS litigation,"
			      " SUM(CASE WHEN a.kind = 'state_compensation' THEN 1 ELSE 0 END) AS state_compensation,"
			      " SUM(CASE WHEN a.outcome IN ('changed','revoked','unlawful','compensated') THEN 1 ELSE 0 END)"
			      " AS against FROM org_unit o JOIN appeal a ON a.station_id = o.id WHERE o.path LIKE ?"
			      " GROUP BY o.id, o.name ORDER BY o.id",
			      &by);
	}
	if (!rc)
		rc = audit_read_items(c, "appeal.list", "appeal", items, "id");
	if (rc) {
		json_decref(items);
		json_decref(by);
		return rc;
	}
	*out = json_pack("{s:o, s:o}", "items", items, "by_station", by);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

static int appeal_clocks(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	const struct calendar *cal = clocks_sink_calendar(k);
	const char *kind = row_str(r, "kind");
	int64_t t = appeal_windows_day_start(appeal_windows_day_of(row_str(r, "received_on")));
	long long id = (long long)row_int(r, "id");

	/* SUP-FY-ONSPOT-FORWARD: filed through the station, forwarded in 5 working days */
	if (row_int(r, "via_station") && !row_str(r, "forwarded_on"))
		clocks_add(k, r, arena_printf(c->arena, "appeal:%lld:forward", id), "SUP-FY-ONSPOT-FORWARD",
			   "复议申请转送", t, rule_deadline(cal, RULE_SUP_FY_ONSPOT_FORWARD, 0, t), CLOCK_WORKDAYS,
			   0, NULL, "将复议申请转送行政复议机关");
	/* SUP-PC-INTAKE: everything missing told at once, within 5 days */
	if (strcmp(kind, "state_compensation") == 0 && !row_int(r, "materials_complete") &&
	    !row_str(r, "completion_notice_on"))
		clocks_add(k, r, arena_printf(c->arena, "appeal:%lld:complete", id), "SUP-PC-INTAKE",
			   "赔偿申请一次性补正告知", t, rule_deadline(cal, RULE_SUP_PC_INTAKE, 0, t), CLOCK_DAYS, 0,
			   NULL, "一次性告知需要补正的全部内容");
	if (row_str(r, "answered_on") && strcmp(kind, "state_compensation") != 0)
		return PS_OK;
	if (strcmp(kind, "reconsideration") == 0)
		clocks_add(k, r, arena_printf(c->arena, "appeal:%lld:answer", id), "SUP-FY-ANSWER", "行政复议书面答复",
			   t, rule_deadline(cal, RULE_SUP_FY_ANSWER, 0, t), CLOCK_WORKDAYS, 0, NULL,
			   "向复议机关提交书面答复和证据、依据");
	else if (strcmp(kind, "litigation") == 0)
		clocks_add(k, r, arena_printf(c->arena, "appeal:%lld:evidence", id), "SUP-SS-EVID-15",
			   "行政诉讼答辩举证", t, rule_deadline(cal, RULE_SUP_SS_EVID_15, 0, t), CLOCK_DAYS, 0, NULL,
			   "向人民法院提交证据、依据和答辩状");
	else
		clocks_add(k, r, arena_printf(c->arena, "appeal:%lld:decide", id), "SUP-PC-DECIDE-2M",
			   "国家赔偿决定", t, rule_deadline(cal, RULE_SUP_PC_DECIDE_2M, 0, t), CLOCK_MONTHS, 0, NULL,
			   "作出是否赔偿的决定");
	(void)arg;
	return PS_OK;
}

int appeals_clocks(struct clock_sink *k, enum clock_scope s)
{
	const struct clock_scan d = {
		.station_work = 1,
		.sql = "SELECT a.id, a.kind, a.received_on, a.case_id, k.case_no, a.station_id AS unit_id, o.name AS unit_name,"
		       " a.answered_on, a.via_station, a.forwarded_on, a.materials_complete, a.completion_notice_on"
		       " FROM appeal a JOIN police_case k ON k.id = a.case_id JOIN org_unit o ON o.id = a.station_id"
		       " WHERE o.path LIKE ? AND a.outcome IS NULL",
		.binds = "l",
		.each = appeal_clocks,
	};

	return clocks_scan(k, s, &d);
}
