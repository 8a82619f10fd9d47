/* proposals.c — 处理意见: a penalty per suspect, checked against the law. */
#include "domain/cases/case_records.h"
#include "domain/cases/evidence.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "domain/chain.h"
#include "rules/catalog.h"
#include "rules/case_flow.h"
#include "rules/date.h"
#include "rules/idcard.h"
#include "rules/offence.h"
#include "rules/penalty.h"

#include <stdio.h>
#include <string.h>

static const char *exempt_code(enum det_exec e)
{
	switch (e) {
	case DET_EXEMPT_AGE_14_16: return "age_14_16";
	case DET_EXEMPT_AGE_16_18_FIRST: return "age_16_18_first";
	case DET_EXEMPT_AGE_70: return "age_70";
	case DET_EXEMPT_PREGNANT: return "pregnant_or_nursing";
	case DET_NO_PENALTY_U14: return "under_14";
	default: return NULL;
	}
}

/* 1 when p is not heavier than the tier allows in any kind: no more
 * detention and no higher fine than its maximum — so a refusal can only be
 * for being too light (below a minimum, a required kind missing, a warning
 * or a fine in place of detention). */
static int lighter_than_tier(const struct offence_law *l, const struct penalty *p)
{
	if (l->comb == COMB_ABSENT || l->comb == COMB_NONE)
		return 0;
	if (p->det_days > (l->det_max > 0 ? l->det_max : 0))
		return 0;
	if (l->fine_max >= 0 && p->fine > l->fine_max)
		return 0;
	/* a fine where the tier has none replaces detention: 以罚代拘 */
	if (l->fine_max < 0 && p->fine > 0 && l->det_max <= 0)
		return 0;
	return 1;
}

struct party_facts {
	int64_t person_id;
	int age_at_act, first_offence, pregnant;
	const char *birth_date;
};

static int load_suspect(struct ctx *c, int64_t case_id, int64_t party_id, struct party_facts *f)
{
	struct rows_query q;
	json_t *row;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, party_id);
	rows_bind_int(&q, case_id);
	rc = rows_one(&q,
		      "SELECT cp.person_id, cp.role, cp.age_at_act, cp.first_offence,"
		      " cp.pregnant_or_nursing, p.birth_date FROM case_party cp"
		      " JOIN person p ON p.id = cp.person_id WHERE cp.id = ? AND cp.case_id = ?",
		      &row);
	if (rc == PS_ENOTFOUND)
		return ps_fail_field(c->err, PS_EINVAL, "party_id", "该当事人不属于本案");
	if (rc)
		return rc;
	if (strcmp(json_string_value(json_object_get(row, "role")), "suspect") != 0) {
		json_decref(row);
		return ps_fail_field(c->err, PS_EINVAL, "party_id", "只能对违法嫌疑人提出处罚意见");
	}
	f->person_id = json_integer_value(json_object_get(row, "person_id"));
	f->age_at_act = json_is_integer(json_object_get(row, "age_at_act"))
				? (int)json_integer_value(json_object_get(row, "age_at_act"))
				: -1;
	f->first_offence = (int)json_integer_value(json_object_get(row, "first_offence"));
	f->pregnant = (int)json_integer_value(json_object_get(row, "pregnant_or_nursing"));
	f->birth_date = arena_strdup(c->arena, json_string_value(json_object_get(row, "birth_date")));
	json_decref(row);
	return PS_OK;
}

/* Prior 治安 decisions against the person in other cases: whether the
 * latest one is within the repeat window (ADM-AGGRAV-REPEAT) and how many
 * fall within one year of the act (ADM-DET-EXEMPT, ZA2025 Art 23 ¶2). */
static int priors(struct ctx *c, int64_t case_id, int64_t person_id, enum law_version v,
		  int ay, int am, int ad, int *repeat, int *within_1y)
{
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	*repeat = 0;
	*within_1y = 0;
	rows_binds(&q, c);
	rows_bind_int(&q, person_id);
	rows_bind_int(&q, case_id);
	rc = rows_all(&q,
		      "SELECT k.decided_at FROM penalty_proposal pp JOIN case_party cp ON cp.id = pp.party_id"
		      " JOIN police_case k ON k.id = pp.case_id"
		      " WHERE cp.person_id = ? AND pp.case_id <> ? AND pp.status = 'approved'"
		      " AND pp.no_penalty = 0 AND k.decided_at IS NOT NULL",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		int py, pm, pd;

		date_civil_from_days(date_local_days(json_integer_value(json_object_get(r, "decided_at"))),
				     &py, &pm, &pd);
		if (penalty_is_repeat(v, py, pm, pd, ay, am, ad))
			*repeat = 1;
		if (penalty_is_repeat(LAW_ZA2025, py, pm, pd, ay, am, ad))
			(*within_1y)++;
	}
	json_decref(rows);
	return PS_OK;
}

/* police_case.lenient (migration 026): the number of the case's 以罚代拘/畸轻
 * proposals that are not withdrawn, kept by every writer of a proposal's
 * lenient flag or status, so the case list filters and shows it by index
 * instead of a subquery per case (issue 14). */
static int lenient_refresh(struct ctx *c, int64_t case_id)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, case_id);
	return rows_exec(&q,
			 "UPDATE police_case SET lenient = (SELECT COUNT(*) FROM penalty_proposal pp"
			 " WHERE pp.case_id = ? AND pp.lenient = 1 AND pp.status <> 'withdrawn') WHERE id = ?",
			 NULL);
}

int proposals_create(struct ctx *c, int64_t case_id, const struct proposal_input *in,
		     json_t **out)
{
	const struct offence *o;
	const struct offence_tier *t;
	struct case_row k;
	struct party_facts pf = { 0 };
	struct penalty p = { in->warning, in->fine, in->det_days };
	struct rows_query q;
	enum law_version v, proc;
	enum det_exec exec = DET_EXEC, lost = DET_EXEC;
	int ay, am, ad, dy, dm, dd, ty, tm, td, repeat, n1y, lenient = 0, rc;
	int64_t already = 0, id, at;

	*out = NULL;
	rc = case_load(c, case_id, &k);
	if (rc)
		return rc;
	if (!k.i_am_officer)
		return ctx_deny(c, "proposal.create", "case", k.case_no, "只有本案办案民警可以提出处理意见");
	rc = cases_may_proceed(c, &k, 0);
	if (rc)
		return rc;
	if (strcmp(k.status, CASE_FILED) != 0 &&
	    !(strcmp(k.procedure, "onspot") == 0 && strcmp(k.status, CASE_ACCEPTED) == 0))
		return ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL,
			       "案件当前状态为“%s”，立案后才能提出处理意见", flow_state_label(k.status));
	if (strcmp(k.kind, "admin") != 0)
		return ps_fail(c->err, PS_EINVAL, "NOT_ADMIN_CASE", NULL,
			       "刑事案件不适用治安管理处罚，请按刑事程序处理");
	rc = load_suspect(c, case_id, in->party_id, &pf);
	if (rc)
		return rc;
	o = in->offence_code ? offence_find(in->offence_code) : NULL;
	if (!o)
		return ps_fail_field(c->err, PS_EINVAL, "offence_code", "违法行为代码不存在");
	t = in->tier ? offence_tier_find(o, in->tier) : NULL;
	if (!t)
		return ps_fail_field(c->err, PS_EINVAL, "tier", "该违法行为没有这个处罚档次");
	if (in->fine < 0 || in->det_days < 0 || in->credit_days < 0)
		return ps_fail_field(c->err, PS_EINVAL, "fine", "罚款和拘留天数不能为负数");
	/* the day of the proposal: today, or its real day for a 补录 case —
	 * the law is judged by it (VER-1) */
	rc = cases_acted_at(c, &k, in->has_proposed_at, in->proposed_at, k.filed_at ? k.filed_at : k.accepted_at,
			    "proposed_at", &at);
	if (rc)
		return rc;
	date_parse(k.act_date, 10, &ay, &am, &ad);
	date_parse(k.discovered_date, 10, &dy, &dm, &dd);
	date_civil_from_days(date_local_days(at), &ty, &tm, &td);
	v = penalty_law(o, t, ay, am, ad, ty, tm, td);   /* VER-1 从旧兼从轻 */
	proc = law_in_force(ty, tm, td);                /* procedure: the law of the day of the act */

	if (in->no_penalty) {
		/* 不予处罚: a reason is required, nothing to validate */
		if (!in->lenient_reason || !*in->lenient_reason)
			return ps_fail_field(c->err, PS_EINVAL, "lenient_reason", "不予处罚须写明理由");
		p.warning = 0;
		p.fine = 0;
		p.det_days = 0;
		/* no penalty where the tier calls for detention is the most
		 * lenient handling of all (以罚代拘's way round): the legal
		 * review of ADM-LEGAL-REVIEW, and the board's count, as for
		 * a fine in its place */
		lenient = penalty_is_lenient(t, v, &p);
	} else {
		/* ADM-LIMIT-6M: discovered more than six months after the act */
		if (penalty_limitation_expired(ay, am, ad, dy, dm, dd))
			return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-LIMIT-6M",
				       "违法行为在六个月内没有被公安机关发现，不再处罚，只能不予处罚或撤销案件");
		if (pf.age_at_act >= 0) {
			rc = penalty_age_check(pf.age_at_act, &p, c->err);
			if (rc)
				return rc;
		}
		rc = penalty_validate(o, t, v, &p, c->err);
		if (rc == PS_ERULE && lighter_than_tier(&t->law[v], &p) &&
		    strcmp(c->err->rule ? c->err->rule : "", "VER-1") != 0) {
			/* 以罚代拘 / 畸轻: lighter than the tier allows. Only with a
			 * written ground of 减轻处罚 (ZA2025 Art 20) and the legal
			 * review that ADM-LEGAL-REVIEW demands; counted on the board */
			if (!in->lenient_reason || !*in->lenient_reason) {
				size_t n = strlen(c->err->msg);

				snprintf(c->err->msg + n, sizeof(c->err->msg) - n, "%s",
					 "。如依法减轻处罚（以罚代拘、低于法定幅度），须书面写明理由并经法制审核");
				/* 以罚代拘 (no detention where the tier calls for it): what is
				 * missing is the reason and the review; an amount below the
				 * range stays a range refusal */
				if (penalty_is_lenient(t, v, &p)) {
					c->err->rule = "ADM-LEGAL-REVIEW";
					c->err->field = "lenient_reason";
				}
				return rc;
			}
			lenient = 1;
			rc = PS_OK;
		}
		if (rc)
			return rc;
		if (strcmp(k.procedure, "onspot") == 0) {
			rc = penalty_onspot_check(proc, o, &p, c->err);
			if (rc)
				return rc;
		}
		/* ADM-DET-MAX: with the other acts of the same person in this case */
		rows_binds(&q, c);
		rows_bind_int(&q, case_id);
		rows_bind_int(&q, in->party_id);
		rc = rows_int(&q,
			      "SELECT COALESCE(SUM(det_days - credit_days), 0) FROM penalty_proposal"
			      " WHERE case_id = ? AND party_id = ? AND status IN ('draft','submitted','approved')",
			      0, &already);
		if (!rc)
			rc = penalty_det_total_check((int)already, &p, c->err);
		if (rc)
			return rc;
		if (in->credit_days > in->det_days)
			return ps_fail_field(c->err, PS_EINVAL, "credit_days", "折抵天数不能超过拘留天数");
		/* 以罚代拘 / 畸轻: a written reason, then a legal review (ADM-LEGAL-REVIEW) */
		lenient = lenient || penalty_is_lenient(t, v, &p);
		if (lenient && (!in->lenient_reason || !*in->lenient_reason))
			return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-LEGAL-REVIEW",
				       "该档次依法应处拘留，拟不予拘留（以罚代拘）须书面说明理由并经法制审核");
	}
	rc = priors(c, case_id, pf.person_id, v, ay, am, ad, &repeat, &n1y);
	if (rc)
		return rc;
	if (p.det_days > 0) {
		struct det_exempt_facts f = { 0 };
		int by, bm, bd;

		f.age_at_act = pf.age_at_act >= 0 ? pf.age_at_act : 30;
		f.first_violation = pf.first_offence && n1y == 0 && !repeat;
		f.age70 = pf.birth_date && !date_parse(pf.birth_date, 10, &by, &bm, &bd) &&
			  idcard_age_on(by, bm, bd, ty, tm, td) >= rule_value(RULE_ADM_DET_EXEMPT, 2);
		f.pregnant_or_nursing = pf.pregnant;
		f.serious = in->serious;
		f.violations_1y = n1y + 1;
		exec = penalty_det_exemption(v, &f, &lost);
		if (lost != DET_EXEC && (!in->exempt_override_reason || !*in->exempt_override_reason))
			return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-DET-EXEMPT",
				       "依法本应不执行拘留，适用第二十三条第二款例外执行拘留的，须写明理由并经法制审核");
	}
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, in->party_id);
	rows_bind_text(&q, o->code);
	rows_bind_text(&q, t->tier);
	rows_bind_text(&q, v == LAW_ZA2025 ? "ZA2025" : "ZA2012");
	rows_bind_int(&q, p.warning);
	rows_bind_int(&q, p.fine);
	rows_bind_int(&q, p.det_days);
	rows_bind_int(&q, in->credit_days);
	rows_bind_int(&q, lenient);
	rows_bind_text(&q, in->lenient_reason);
	rows_bind_int(&q, repeat);
	rows_bind_text(&q, exempt_code(exec));
	rows_bind_text(&q, lost != DET_EXEC ? in->exempt_override_reason : NULL);
	rows_bind_int(&q, in->no_penalty);
	rows_bind_text(&q, penalty_station_may_decide(proc, &p) ? "station" : "bureau");
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, at);
	rc = rows_insert(&q,
			 "INSERT INTO penalty_proposal(case_id, party_id, offence_code, tier, law, warning,"
			 " fine, det_days, credit_days, lenient, lenient_reason, repeat_offence, exec_exempt,"
			 " exempt_override_reason, no_penalty, level, status, created_by, created_at)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'draft',?,?) RETURNING id",
			 &id);
	if (!rc && lenient)
		rc = lenient_refresh(c, case_id);
	if (!rc) {
		char d[200];

		snprintf(d, sizeof(d), "proposal=%lld %s %s warning=%d fine=%lld det=%d%s%s%s",
			 (long long)id, o->code, t->tier, p.warning, p.fine, p.det_days,
			 lenient ? " lenient" : "", repeat ? " repeat" : "", cases_late_note(c, &k, at));
		rc = case_event(c, case_id, "proposal_create", NULL, NULL, d);
		if (!rc)
			rc = audit_write(c, "proposal.create", "case", k.case_no, "success", d);
	}
	return rc ? rc : cases_view_get(c, case_id, out);
}

int proposals_withdraw(struct ctx *c, int64_t id, json_t **out)
{
	struct case_row k;
	struct rows_query q;
	int64_t case_id = 0, n = 0;
	int rc;

	*out = NULL;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, "SELECT case_id FROM penalty_proposal WHERE id = ?", 0, &case_id);
	if (rc)
		return rc;
	if (!case_id)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "处理意见不存在");
	rc = case_load(c, case_id, &k);
	if (rc)
		return rc;
	if (!k.i_am_officer)
		return ctx_deny(c, "proposal.withdraw", "case", k.case_no, "只有本案办案民警可以撤回处理意见");
	rc = rows_exec(&q, "UPDATE penalty_proposal SET status = 'withdrawn' WHERE id = ? AND status = 'draft'",
		       &n);
	if (rc)
		return rc;
	if (!n)
		return ps_fail(c->err, PS_ECONFLICT, "PROPOSAL_NOT_DRAFT", NULL, "只能撤回尚未呈批的处理意见");
	rc = lenient_refresh(c, case_id);
	if (!rc)
		rc = case_event(c, case_id, "proposal_withdraw", NULL, NULL,
			arena_printf(c->arena, "proposal=%lld", (long long)id));
	if (!rc)
		rc = audit_write(c, "proposal.withdraw", "case", k.case_no, "success", NULL);
	return rc ? rc : cases_view_get(c, case_id, out);
}

/* 1 when the case holds a notice of kind for party made at or after since. */
static int has_notice(struct ctx *c, int64_t case_id, int64_t party_id, const char *kind,
		      int64_t since, int *yes)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, party_id);
	rows_bind_text(&q, kind);
	rows_bind_int(&q, since);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM case_notice WHERE case_id = ? AND party_id = ? AND kind = ?"
		      " AND at >= ?",
		      0, &n);
	*yes = n > 0;
	return rc;
}

int proposals_ready(struct ctx *c, const struct case_row *k, struct proposal_summary *s)
{
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int ty, tm, td, rc = PS_OK;
	enum law_version proc;

	memset(s, 0, sizeof(*s));
	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rc = rows_all(&q,
		      "SELECT pp.id, pp.party_id, pp.fine, pp.warning, pp.det_days, pp.lenient,"
		      " pp.exec_exempt, pp.exempt_override_reason, pp.no_penalty, pp.level, pp.created_at,"
		      " cp.age_at_act, " PARTY_NAME_SQL " AS name FROM penalty_proposal pp"
		      " JOIN case_party cp ON cp.id = pp.party_id JOIN person p ON p.id = cp.person_id"
		      " WHERE pp.case_id = ? AND pp.status = 'draft'",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		int64_t party = json_integer_value(json_object_get(r, "party_id"));
		int64_t since = json_integer_value(json_object_get(r, "created_at"));
		const char *name = json_string_value(json_object_get(r, "name"));
		struct penalty p = { (int)json_integer_value(json_object_get(r, "warning")),
				     json_integer_value(json_object_get(r, "fine")),
				     (int)json_integer_value(json_object_get(r, "det_days")) };
		int age = json_is_integer(json_object_get(r, "age_at_act"))
				  ? (int)json_integer_value(json_object_get(r, "age_at_act")) : -1;
		int override = json_is_string(json_object_get(r, "exempt_override_reason"));
		int yes;

		/* procedure (告知, 听证): the law in force on the day of the proposal */
		date_civil_from_days(date_local_days(since), &ty, &tm, &td);
		proc = law_in_force(ty, tm, td);

		s->count++;
		if (json_integer_value(json_object_get(r, "lenient")) || override)
			s->needs_legal = 1;
		if (strcmp(json_string_value(json_object_get(r, "level")), "bureau") == 0)
			s->bureau = 1;
		if (json_integer_value(json_object_get(r, "no_penalty")))
			continue;
		/* ADM-NOTICE-RIGHTS: 告知 of the proposed penalty and 陈述申辩 */
		rc = has_notice(c, k->id, party, "rights", since, &yes);
		if (!rc && !yes)
			rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-NOTICE-RIGHTS",
				     "作出处罚决定前应当告知%s拟作出处罚的违法事实、理由、依据及陈述申辩权利", name);
		/* ZA2025 Art 112: a minor's parents or guardian are told too */
		if (!rc && proc == LAW_ZA2025 && age >= 0 && age < rule_value(RULE_ADM_HEARING_MINOR, 0)) {
			rc = has_notice(c, k->id, party, "guardian", since, &yes);
			if (!rc && !yes)
				rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-NOTICE-RIGHTS",
					     "%s未满十八周岁，还应当告知其父母或者其他监护人并听取意见", name);
		}
		/* ADM-HEARING / ADM-HEARING-MINOR */
		if (!rc && (penalty_hearing_required(proc, &p) || (override && age >= 0 && age < rule_value(RULE_ADM_HEARING_MINOR, 0)))) {
			rc = has_notice(c, k->id, party, "hearing", since, &yes);
			if (!rc && !yes)
				rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION",
					     override && age < rule_value(RULE_ADM_HEARING_MINOR, 0) ? "ADM-HEARING-MINOR" : "ADM-HEARING",
					     "拟作出的处罚依法应当告知%s有要求举行听证的权利", name);
		}
		/* ADM-NOTICE-EVIDENCE: no evidence entered the file after the notice */
		if (!rc)
			rc = evidence_decision_check(c, k, party, name);
		if (rc)
			break;
	}
	json_decref(rows);
	if (!rc && s->count == 0)
		rc = ps_fail(c->err, PS_ECONFLICT, "NO_PROPOSAL", NULL, "尚未提出处理意见，不能呈请审批");
	return rc;
}

int proposals_set_status(struct ctx *c, int64_t case_id, const char *from, const char *to)
{
	struct rows_query q;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, to);
	rows_bind_int(&q, case_id);
	rows_bind_text(&q, from);
	rc = rows_exec(&q, "UPDATE penalty_proposal SET status = ? WHERE case_id = ? AND status = ?", NULL);
	return rc ? rc : lenient_refresh(c, case_id);
}

static int number_proposals(struct ctx *c, const struct case_row *k, const char *from,
			    const char *kind)
{
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rows_bind_text(&q, from);
	rc = rows_all(&q, "SELECT id, level FROM penalty_proposal WHERE case_id = ? AND status = ?", &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		const char *no = NULL;
		/* ADM-STATION-POWER: beyond the station's power the county bureau
		 * decides, and the decision is the bureau's document */
		int64_t organ = strcmp(row_str(r, "level"), "bureau") == 0 ? chain_bureau_of(c, k->unit_path)
									     : k->unit_id;

		rc = documents_issue_as(c, k, kind, organ, &no);
		if (rc)
			break;
		rows_binds(&q, c);
		rows_bind_text(&q, no);
		rows_bind_int(&q, json_integer_value(json_object_get(r, "id")));
		rc = rows_exec(&q,
			       "UPDATE penalty_proposal SET status = 'approved', decision_no = ? WHERE id = ?",
			       NULL);
		if (rc)
			break;
	}
	json_decref(rows);
	return rc;
}

int proposals_decide(struct ctx *c, const struct case_row *k)
{
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	/* ADM-NOTICE-EVIDENCE once more at the decision: evidence added while
	 * the request was waiting for approval needs a new notice first */
	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rc = rows_all(&q,
		      "SELECT DISTINCT pp.party_id, " PARTY_NAME_SQL " AS name FROM penalty_proposal pp"
		      " JOIN case_party cp ON cp.id = pp.party_id JOIN person p ON p.id = cp.person_id"
		      " WHERE pp.case_id = ? AND pp.status = 'submitted' AND pp.no_penalty = 0",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		rc = evidence_decision_check(c, k, row_int(r, "party_id"), row_str(r, "name"));
		if (rc)
			break;
	}
	json_decref(rows);
	return rc ? rc : number_proposals(c, k, "submitted", "decision");
}

int proposals_decide_onspot(struct ctx *c, const struct case_row *k, int64_t at)
{
	struct proposal_summary s;
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int ty, tm, td, rc;

	if (strcmp(k->procedure, "onspot") != 0)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-ONSPOT",
			       "本案不是当场处罚案件，应当按一般程序呈请审批");
	rc = proposals_ready(c, k, &s);
	if (rc)
		return rc;
	/* ADM-LEGAL-REVIEW on the on-the-spot path as on the approval chain: a
	 * lenient proposal or an overridden exemption goes to the 法制员 */
	if (s.needs_legal)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-LEGAL-REVIEW",
			       "拟减轻处罚（以罚代拘、低于法定幅度）须经法制审核，不能当场决定，请立案后呈请审批");
	date_civil_from_days(date_local_days(at), &ty, &tm, &td);
	/* ADM-ONSPOT once more at the moment of the decision */
	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rc = rows_all(&q,
		      "SELECT offence_code, warning, fine, det_days FROM penalty_proposal"
		      " WHERE case_id = ? AND status = 'draft' AND no_penalty = 0",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		struct penalty p = { (int)json_integer_value(json_object_get(r, "warning")),
				     json_integer_value(json_object_get(r, "fine")),
				     (int)json_integer_value(json_object_get(r, "det_days")) };
		const struct offence *o = offence_find(json_string_value(json_object_get(r, "offence_code")));

		rc = penalty_onspot_check(law_in_force(ty, tm, td), o, &p, c->err);
		if (rc)
			break;
	}
	json_decref(rows);
	return rc ? rc : number_proposals(c, k, "draft", "onspot_decision");
}
