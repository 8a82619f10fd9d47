#include "domain/clocks/measures.h"
#include "domain/chain.h"
#include "rules/catalog.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/clocks/breach_officers.h"
#include "domain/admin/audit.h"
#include "domain/cases/cases.h"
#include "domain/clocks/clocks.h"
#include "domain/rows.h"
#include "domain/admin/units.h"
#include "rules/case_flow.h"
#include "rules/idcard.h"
#include "rules/measures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rule, not a permission (the law names the approver): may the actor approve a tier whose approver is `who` for case k? */
int measures_may_approve(struct ctx *c, const struct case_row *k, const char *who)
{
	if (!who || strcmp(who, "procuratorate") == 0)
		return 1; /* external approvals are recorded with their document */
	if (!ctx_has_role(c, "chief"))
		return 0;
	if (strcmp(who, "station_chief") == 0)
		return c->who.unit_id == k->unit_id || c->who.unit_id == chain_bureau_of(c, k->unit_path);
	/* bureau_chief, county_duty_chief: a chief of the county bureau */
	return c->who.unit_id == chain_bureau_of(c, k->unit_path);
}

int measures_may_act(struct ctx *c, const struct case_row *k)
{
	return k->i_am_officer || (ctx_has_role(c, "chief") && measures_may_approve(c, k, "station_chief"));
}

static const char *approver_label(const char *who)
{
	if (!who)
		return "";
	if (strcmp(who, "station_chief") == 0)
		return "派出所负责人";
	if (strcmp(who, "county_duty_chief") == 0)
		return "县局值班负责人";
	if (strcmp(who, "bureau_chief") == 0)
		return "县级以上公安机关负责人";
	return "人民检察院";
}

static int measure_json(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *m;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT m.id, m.case_id, m.party_id, m.kind, m.tier, m.days, m.reason, m.special_person,"
		      " m.started_at, m.ended_at, m.end_reason, m.status, m.kss_at, m.family_at, m.question_at,"
		      " m.family_exception, m.previous_id, " PARTY_NAME_SQL " AS person, u.name AS approved_by_name"
		      " FROM measure m JOIN case_party cp ON cp.id = m.party_id JOIN person p ON p.id = cp.person_id"
		      " LEFT JOIN users u ON u.id = m.approved_by WHERE m.id = ?",
		      &m);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, rc, "NOT_FOUND", NULL, "强制措施不存在");
	if (rc)
		return rc;
	json_object_set_new(m, "kind_label",
			    json_string(measure_kind_label(json_string_value(json_object_get(m, "kind")))));
	{
		const struct measure_tier *t = measure_tier_find(json_string_value(json_object_get(m, "kind")),
								 json_string_value(json_object_get(m, "tier")));
		if (t) {
			json_object_set_new(m, "tier_label", json_string(t->label));
			json_object_set_new(m, "rule", json_string(measure_tier_rule(t)));
		}
	}
	*out = json_pack("{s:o}", "measure", m);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int measures_load(struct ctx *c, int64_t id, struct measure_row *m)
{
	struct db_stmt *st;
	int rc;

	memset(m, 0, sizeof(*m));
	rc = db_prepare(c->db,
			"SELECT id, case_id, party_id, kind, tier, days, started_at, status FROM measure WHERE id = ?",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		m->id = db_column_int(st, 0);
		m->case_id = db_column_int(st, 1);
		m->party_id = db_column_int(st, 2);
		m->kind = arena_strdup(c->arena, db_column_text(st, 3));
		m->tier = arena_strdup(c->arena, db_column_text(st, 4));
		m->days = (int)db_column_int(st, 5);
		m->started_at = db_column_int(st, 6);
		m->active = db_column_text(st, 7) && strcmp(db_column_text(st, 7), "active") == 0;
		m->t = measure_tier_find(m->kind, m->tier);
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "强制措施不存在");
	}
	db_finalize(st);
	return rc;
}

/* A measure and its case, which the actor must be able to see. */
static int load_measure(struct ctx *c, int64_t id, struct measure_row *m, struct case_row *k)
{
	int rc = measures_load(c, id, m);

	return rc ? rc : case_load(c, m->case_id, k);
}

int measures_party_special(struct ctx *c, int64_t party_id, int y, int m, int d, int *special)
{
	struct db_stmt *st;
	int rc;

	*special = 0;
	rc = db_prepare(c->db,
			"SELECT cp.pregnant_or_nursing, p.birth_date FROM case_party cp"
			" JOIN person p ON p.id = cp.person_id WHERE cp.id = ?",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, party_id);
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		const char *birth = db_column_text(st, 1);
		int by, bm, bd;

		if (db_column_int(st, 0))
			*special = 1;
		else if (birth && !date_parse(birth, 10, &by, &bm, &bd))
			*special = measure_special_age(idcard_age_on(by, bm, bd, y, m, d));
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "当事人不存在");
	}
	db_finalize(st);
	return rc;
}

/* 行政拘留 is executed only as decided (the rules hold at execution as at
 * decision): the case's decision is made, the party has approved detention
 * days that are not exempt from execution (ADM-DET-EXEMPT), and the days
 * executed stay within the days decided less those credited (ADM-DET-MAX). */
static int detention_decided(struct ctx *c, const struct case_row *k, int64_t party_id, int days, int64_t start)
{
	struct rows_query q;
	json_t *row;
	int64_t executable, exempt, n, served = 0;
	int rc;

	if (days < 1 || days > rule_value(RULE_ADM_DET_MAX, 1))
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-DET-MAX",
			       "行政拘留执行天数应为1至%d日（合并执行不超过%d日）", rule_value(RULE_ADM_DET_MAX, 1),
			       rule_value(RULE_ADM_DET_MAX, 1));
	if (strcmp(k->status, CASE_DECIDED) != 0 && strcmp(k->status, CASE_DELIVERED) != 0)
		return ps_fail(c->err, PS_ECONFLICT, "NOT_DECIDED", NULL,
			       "案件尚未作出行政拘留决定，不能执行拘留");
	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rows_bind_int(&q, party_id);
	rc = rows_one(&q,
		      "SELECT COUNT(*) AS n,"
		      " COALESCE(SUM(CASE WHEN exec_exempt IS NULL THEN det_days - credit_days ELSE 0 END), 0)"
		      " AS executable,"
		      " COALESCE(SUM(CASE WHEN exec_exempt IS NULL THEN 0 ELSE 1 END), 0) AS exempt"
		      " FROM penalty_proposal WHERE case_id = ? AND party_id = ? AND status = 'approved'"
		      " AND det_days > 0",
		      &row);
	if (rc)
		return rc;
	n = row_int(row, "n");
	executable = row_int(row, "executable");
	exempt = row_int(row, "exempt");
	json_decref(row);
	if (!n)
		return ps_fail(c->err, PS_ECONFLICT, "NOT_DECIDED", NULL,
			       "该当事人没有经批准的行政拘留决定，不能执行拘留");
	if (executable <= 0 && exempt)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-DET-EXEMPT",
			       "该当事人依法决定但不执行行政拘留，不能送拘留所执行");
	/* executed from the decision on, and once: the days of this party's
	 * earlier 行政拘留 in the case are served (a second execution of the
	 * same decision doubled it) */
	if (start < k->decided_at)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-DET-MAX",
			       "拘留执行开始时间早于处罚决定作出的时间");
	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rows_bind_int(&q, party_id);
	rc = rows_int(&q,
		      "SELECT COALESCE(SUM(days), 0) FROM measure WHERE case_id = ? AND party_id = ?"
		      " AND kind = 'admin_detention'",
		      0, &served);
	if (rc)
		return rc;
	if (days > executable - served)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-DET-MAX",
			       "执行天数（%d日）超过决定的拘留天数扣除折抵和已执行天数后的%lld日", days,
			       (long long)(executable - served > 0 ? executable - served : 0));
	/* 合并执行 (XZCX Art 162): the same person's detentions being served
	 * in other cases count with this one, 20 days at most (the cap was
	 * counted per case) */
	rows_binds(&q, c);
	rows_bind_int(&q, party_id);
	rows_bind_int(&q, k->id);
	rc = rows_int(&q,
		      "SELECT COALESCE(SUM(m.days), 0) FROM measure m JOIN case_party cp ON cp.id = m.party_id"
		      " WHERE cp.person_id = (SELECT person_id FROM case_party WHERE id = ?) AND m.case_id <> ?"
		      " AND m.kind = 'admin_detention' AND m.status = 'active'",
		      0, &served);
	if (rc)
		return rc;
	if (served + days > rule_value(RULE_ADM_DET_MAX, 1))
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-DET-MAX",
			       "该人正在执行其他案件的行政拘留%lld日，合并执行不得超过%d日", (long long)served,
			       rule_value(RULE_ADM_DET_MAX, 1));
	return PS_OK;
}

int measures_start(struct ctx *c, int64_t case_id, const struct measure_input *in, json_t **out)
{
	const struct measure_tier *t;
	struct case_row k;
	struct rows_query q;
	int64_t start = in->has_started ? in->started_at : c->now, n = 0, id, ended = 0;
	int y, m, d, approved, rc, special = in->special_person;

	*out = NULL;
	rc = case_load(c, case_id, &k);
	if (rc)
		return rc;
	/* rule: the case's officers, or a chief over the case */
	if (!measures_may_act(c, &k))
		return ctx_deny(c, "measure.start", "case", k.case_no, "只有本案办案民警或领导可以采取强制措施");
	if (flow_state_closed(k.status))
		return ps_fail(c->err, PS_ECONFLICT, "CASE_CLOSED", NULL, "案件已办结");
	rc = cases_may_proceed(c, &k, 0); /* SUP-ECON is checked below */
	if (rc)
		return rc;
	t = measure_tier_find(in->kind, in->tier);
	if (!t)
		return ps_fail_field(c->err, PS_EINVAL, "tier", "强制措施种类或档次不正确");
	if (start > c->now + 300 || start < k.accepted_at - 7 * 86400)
		return ps_fail_field(c->err, PS_EINVAL, "started_at", "到案时间不合理");
	/* 先立案后侦查: a criminal measure belongs to a criminal case, from its
	 * 立案 on (XSS Art 112; XSCX Art 174 ¶2: before 立案 no 强制措施) */
	if (measure_kind_criminal(t->kind)) {
		if (strcmp(k.kind, "criminal") != 0)
			return ps_fail_field(c->err, PS_EINVAL, "kind", "刑事强制措施只用于刑事案件");
		if (!k.filed_at || start < k.filed_at)
			return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "CRIM-FILE-DECISION",
				       "刑事案件立案前不得采取刑事强制措施（先立案后侦查）");
	}
	/* 补录: start and end entered together, the end after the start */
	if (in->has_ended) {
		rc = cases_acted_at(c, &k, 1, in->ended_at, start, "ended_at", &ended);
		if (!rc && (!in->end_reason || !*in->end_reason))
			rc = ps_fail_field(c->err, PS_EINVAL, "end_reason", "请写明解除理由（释放、变更措施等）");
		if (rc)
			return rc;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, in->party_id);
	rows_bind_int(&q, case_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM case_party WHERE id = ? AND case_id = ?", 0, &n);
	if (rc)
		return rc;
	if (!n)
		return ps_fail_field(c->err, PS_EINVAL, "party_id", "该当事人不属于本案");
	date_civil_from_days(date_local_days(start), &y, &m, &d);
	/* CQ-SPECIAL from the records too: under 16 or 70 and over by the birth
	 * date, or pregnant/nursing as registered — not only the form's flag */
	if (!special) {
		rc = measures_party_special(c, in->party_id, y, m, d, &special);
		if (rc)
			return rc;
	}
	rc = measure_start_check(t, law_in_force(y, m, d), in->reason && *in->reason, special, c->err);
	/* a measure entered late (补录) with its end may stand at the tier it
	 * reached on paper; one taken now starts at a first tier */
	if (!rc && !in->has_ended)
		rc = measure_first_tier_check(t, c->err);
	if (rc)
		return rc;
	/* one running measure of a kind per person and case; a new summons
	 * right after the last one is flagged on the board (ADM-SUMMON-NOCHAIN) */
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, in->party_id);
	rows_bind_text(&q, t->kind);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM measure WHERE case_id = ? AND party_id = ? AND kind = ?"
		      " AND status = 'active'",
		      0, &n);
	if (!rc && n)
		rc = ps_fail(c->err, PS_ECONFLICT, "MEASURE_ACTIVE",
			     strcmp(t->kind, "summons") == 0 ? "ADM-SUMMON-NOCHAIN" : NULL,
			     "该人员已有进行中的“%s”，请延长或先解除，不得重复采取", measure_kind_label(t->kind));
	if (rc)
		return rc;
	/* SUP-ECON: no coercive measure in an economic dispute before the 法制员's review */
	if (k.econ_pending)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "SUP-ECON",
			       "本案由经济纠纷警情转来，法制员审核前不得采取强制措施");
	/* ADM-OFFICERS-2: an administrative coercive measure is taken by two
	 * sworn officers — a case handled by one officer on the spot has none */
	if (strcmp(k.kind, "admin") == 0 && k.sworn_officers < 2)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-OFFICERS-2",
			       "采取行政强制措施应当由两名以上人民警察进行，请先增加协办民警");
	if (strcmp(t->kind, "admin_detention") == 0) {
		rc = detention_decided(c, &k, in->party_id, in->days, start);
		if (rc)
			return rc;
	}
	approved = measures_may_approve(c, &k, t->approver);
	if (t->approver && !approved)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION",
			       strcmp(t->kind, "continued_questioning") == 0 ? "CQ-APPROVAL" : measure_tier_rule(t),
			       "“%s”须经%s批准，请由其登记", t->label, approver_label(t->approver));
	/* ADM-SUMMON-APPROVAL on the measure path as on the document path: a
	 * 传唤 rests on a 传唤证 the chief signed for this person, or is an oral
	 * summons of a person found on the spot, or the chief takes it */
	if (strcmp(t->kind, "summons") == 0 && !in->oral_summons &&
	    !(ctx_has_role(c, "chief") && measures_may_approve(c, &k, "station_chief"))) {
		rows_binds(&q, c);
		rows_bind_int(&q, case_id);
		rows_bind_int(&q, in->party_id);
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM case_document WHERE case_id = ? AND kind = 'summons'"
			      " AND ref_id = ?",
			      0, &n);
		if (rc)
			return rc;
		if (!n)
			return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-SUMMON-APPROVAL",
				       "使用传唤证传唤须经办案部门负责人批准：请先由所领导签发该人的传唤证，"
				       "或注明系对现场发现的违法嫌疑人口头传唤");
	}
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, in->party_id);
	rows_bind_text(&q, t->kind);
	rows_bind_text(&q, t->tier);
	if (in->days)
		rows_bind_int(&q, in->days);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->reason);
	rows_bind_int(&q, special);
	rows_bind_int(&q, start);
	if (t->approver)
		rows_bind_int(&q, c->who.user_id);
	else
		rows_bind_text(&q, NULL);
	if (in->previous_id)
		rows_bind_int(&q, in->previous_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, in->has_ended ? "ended" : "active");
	if (in->has_ended) {
		rows_bind_int(&q, ended);
		rows_bind_text(&q, in->end_reason);
	} else {
		rows_bind_text(&q, NULL);
		rows_bind_text(&q, NULL);
	}
	rc = rows_insert(&q,
			 "INSERT INTO measure(case_id, party_id, kind, tier, days, reason, special_person,"
			 " started_at, approved_by, previous_id, created_by, created_at, status, ended_at,"
			 " end_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	/* 补录 judged by its real times: a measure that outlasted its period on
	 * paper is a breach on record, as the sweep would have recorded it */
	if (!rc && in->has_ended) {
		struct calendar cal;
		int64_t end;

		rc = clocks_calendar(c, &cal);
		end = rc ? 0 : measure_tier_deadline(&cal, t, start, in->days);
		if (!rc && ended > end) {
			rows_binds(&q, c);
			rows_bind_text(&q, arena_printf(c->arena, "measure:%lld", (long long)id));
			rows_bind_int(&q, k.unit_id);
			rows_bind_int(&q, k.id);
			rows_bind_int(&q, id);
			rows_bind_text(&q, measure_tier_rule(t));
			rows_bind_text(&q, arena_printf(c->arena, "%s（补录）", t->label));
			rows_bind_int(&q, end);
			rows_bind_int(&q, c->now);
			rc = rows_exec(&q,
				       "INSERT INTO breach(clock_key, unit_id, case_id, measure_id, rule, label,"
				       " deadline, recorded_at) VALUES (?,?,?,?,?,?,?,?)",
				       NULL);
			if (!rc)
				rc = breach_officers_record(c, arena_printf(c->arena, "measure:%lld", (long long)id));
			if (!rc)
				rc = audit_write(c, "breach.record", "case", k.case_no, "success",
						 arena_printf(c->arena, "measure:%lld 补录", (long long)id));
		}
	}
	if (!rc)
		rc = case_event(c, case_id, "measure_start", NULL, NULL,
				arena_printf(c->arena, "measure=%lld %s%s%s%s", (long long)id, t->label,
					     in->oral_summons && strcmp(t->kind, "summons") == 0 ? "（口头传唤）" : "",
					     cases_late_note(c, &k, start),
					     in->has_ended ? arena_printf(c->arena, "，已解除%s：%s",
									  cases_late_note(c, &k, ended),
									  in->end_reason)
							   : ""));
	if (!rc)
		rc = audit_write(c, "measure.start", "case", k.case_no, "success", t->label);
	return rc ? rc : measure_json(c, id, out);
}

int measures_extend(struct ctx *c, int64_t id, const char *to_tier, const char *reason,
		    json_t **out)
{
	const struct measure_tier *from, *to;
	struct measure_row m;
	struct case_row k;
	struct calendar cal;
	struct rows_query q;
	int64_t end;
	int rc;

	*out = NULL;
	rc = load_measure(c, id, &m, &k);
	if (rc)
		return rc;
	/* rule: as for ending it, the case's officers or a chief over the case
	 * (a tier that needs approval also needs its approver, below) */
	if (!measures_may_act(c, &k))
		return ctx_deny(c, "measure.extend", "case", k.case_no, "只有本案办案民警或领导可以延长强制措施");
	from = m.t;
	to = measure_tier_find(m.kind, to_tier);
	rc = clocks_calendar(c, &cal);
	if (!rc && !m.active)
		rc = ps_fail(c->err, PS_ECONFLICT, "MEASURE_ENDED", NULL, "强制措施已结束");
	if (!rc && (!from || !to))
		rc = ps_fail_field(c->err, PS_EINVAL, "tier", "延长档次不正确");
	if (!rc && (!reason || !*reason))
		rc = ps_fail_field(c->err, PS_EINVAL, "reason", "请写明延长理由");
	if (!rc) {
		end = measure_tier_deadline(&cal, from, m.started_at, m.days);
		{
			/* the new tier must exist under the law of the day the measure
			 * started (ADM-SUMMON-12H is new in ZA2025) */
			int y, mo, d;
			enum law_version v;

			date_civil_from_days(date_local_days(m.started_at), &y, &mo, &d);
			v = law_in_force(y, mo, d);
			if (!(v == LAW_ZA2025 ? to->za2025 : to->za2012))
				rc = ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", measure_tier_rule(to),
					     "“%s”自2026年1月1日起施行，此前开始的措施不能延长至该档次", to->label);
			else
				rc = measure_extend_check(from, to, c->now, end, measures_may_approve(c, &k, to->approver),
							  c->err);
		}
		if (rc == PS_ERULE && to->approver && !measures_may_approve(c, &k, to->approver) &&
		    c->now < end && to->extends && !strcmp(to->extends, from->tier))
			ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", measure_tier_rule(to), "“%s”须经%s批准，请由其办理",
				to->label, approver_label(to->approver));
	}
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, from->tier);
	rows_bind_text(&q, to->tier);
	rows_bind_text(&q, reason);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_exec(&q,
		       "INSERT INTO measure_extension(measure_id, from_tier, to_tier, reason, approved_by,"
		       " approved_at) VALUES (?,?,?,?,?,?)",
		       NULL);
	rows_binds(&q, c);
	rows_bind_text(&q, to->tier);
	rows_bind_int(&q, id);
	if (!rc)
		rc = rows_exec(&q, "UPDATE measure SET tier = ? WHERE id = ?", NULL);
	if (!rc)
		rc = case_event(c, k.id, "measure_extend", NULL, NULL,
				arena_printf(c->arena, "measure=%lld %s→%s：%s", (long long)id, from->tier,
					     to->tier, reason));
	if (!rc)
		rc = audit_write(c, "measure.extend", "case", k.case_no, "success", to->label);
	return rc ? rc : measure_json(c, id, out);
}

int measures_milestone(struct ctx *c, int64_t id, const char *key, int64_t at,
		       const char *exception, json_t **out)
{
	struct measure_row m;
	struct case_row k;
	struct rows_query q;
	const char *sql;
	int rc;

	*out = NULL;
	rc = load_measure(c, id, &m, &k);
	if (rc)
		return rc;
	if (!k.i_am_officer)
		return ctx_deny(c, "measure.milestone", "case", k.case_no, "只有本案办案民警可以登记");
	if (!key)
		return ps_fail_field(c->err, PS_EINVAL, "key", "请指明登记事项");
	if (strcmp(key, "kss") == 0)
		sql = "UPDATE measure SET kss_at = ? WHERE id = ?";
	else if (strcmp(key, "family") == 0)
		sql = exception ? "UPDATE measure SET family_exception = ? WHERE id = ?"
				: "UPDATE measure SET family_at = ? WHERE id = ?";
	else if (strcmp(key, "question") == 0)
		sql = "UPDATE measure SET question_at = ? WHERE id = ?";
	else
		return ps_fail_field(c->err, PS_EINVAL, "key", "登记事项应为 kss / family / question");
	if (!exception && (at > c->now + 300 || at <= 0))
		return ps_fail_field(c->err, PS_EINVAL, "at", "时间不合理");
	/* a milestone records an act that follows the measure: never before it */
	if (!exception && at < m.started_at) {
		const char *rule = NULL;

		for (const struct measure_milestone *ms = measure_milestones; ms->kind; ms++)
			if (strcmp(ms->kind, m.kind) == 0 && strcmp(ms->key, key) == 0)
				rule = rule_get(ms->rule_id)->code;
		if (!rule)
			return ps_fail_field(c->err, PS_EINVAL, "at", "登记的时间早于强制措施开始的时间");
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", rule,
			       "登记的时间早于强制措施开始的时间，不能在措施开始前完成");
	}
	rows_binds(&q, c);
	if (exception && strcmp(key, "family") == 0)
		rows_bind_text(&q, exception);
	else
		rows_bind_int(&q, at);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, sql, NULL);
	if (!rc)
		rc = case_event(c, k.id, "measure_milestone", NULL, NULL,
				arena_printf(c->arena, "measure=%lld %s%s%s", (long long)id, key,
					     exception ? " 无法通知：" : "", exception ? exception : ""));
	if (!rc)
		rc = audit_write(c, "measure.milestone", "case", k.case_no, "success", key);
	return rc ? rc : measure_json(c, id, out);
}

int measures_end(struct ctx *c, int64_t id, const char *reason, json_t **out)
{
	struct measure_row m;
	struct case_row k;
	struct rows_query q;
	int64_t n = 0;
	int rc, recorded;

	*out = NULL;
	rc = load_measure(c, id, &m, &k);
	if (rc)
		return rc;
	/* rule: the case's officers, or a chief over the case */
	if (!measures_may_act(c, &k))
		return ctx_deny(c, "measure.end", "case", k.case_no, "只有本案办案民警或领导可以解除强制措施");
	if (!reason || !*reason)
		return ps_fail_field(c->err, PS_EINVAL, "reason", "请写明解除理由（释放、变更措施等）");
	/* a clock that ran out stays on record: sweep before ending */
	rc = clocks_sweep(c, &recorded);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, reason);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE measure SET status = 'ended', ended_at = ?, end_reason = ?"
		       " WHERE id = ? AND status = 'active'",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "MEASURE_ENDED", NULL, "强制措施已结束");
	if (!rc)
		rc = case_event(c, k.id, "measure_end", NULL, NULL,
				arena_printf(c->arena, "measure=%lld %s", (long long)id, reason));
	if (!rc)
		rc = audit_write(c, "measure.end", "case", k.case_no, "success", reason);
	return rc ? rc : measure_json(c, id, out);
}

int measures_list(struct ctx *c, int64_t case_id, int active_only, json_t **out)
{
	struct rows_query q;
	const char *scope = c->who.scope_path ? c->who.scope_path : c->who.unit_path;
	json_t *items, *it;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_MEASURE_LIST);
	if (rc)
		return rc;
	if (case_id) {
		struct case_row k;

		rc = case_load(c, case_id, &k);
		if (rc)
			return rc;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, case_id);
	rows_bind_text(&q, arena_printf(c->arena, "%s%%", scope ? scope : "/"));
	rows_bind_int(&q, active_only);
	rc = rows_all(&q,
		      "SELECT m.id, m.case_id, k.case_no, m.party_id, " PARTY_NAME_SQL " AS person, m.kind, m.tier, m.days,"
		      " m.reason, m.special_person, m.started_at, m.ended_at, m.end_reason, m.status, m.kss_at,"
		      " m.family_at, m.question_at, m.family_exception,"
		      " (SELECT name FROM users WHERE id = m.approved_by) AS approved_by_name"
		      " FROM measure m JOIN police_case k ON k.id = m.case_id JOIN org_unit o ON o.id = k.unit_id"
		      " JOIN case_party cp ON cp.id = m.party_id JOIN person p ON p.id = cp.person_id"
		      " WHERE (? = 0 OR m.case_id = ?) AND o.path LIKE ? AND (? = 0 OR m.status = 'active')"
		      " ORDER BY m.id DESC",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it) {
		const struct measure_tier *t = measure_tier_find(json_string_value(json_object_get(it, "kind")),
								 json_string_value(json_object_get(it, "tier")));

		json_object_set_new(it, "kind_label",
				    json_string(measure_kind_label(json_string_value(json_object_get(it, "kind")))));
		if (t)
			json_object_set_new(it, "tier_label", json_string(t->label));
	}
	/* AUD-1: the list names persons under a measure */
	rc = audit_read_items(c, "measure.list", "measure", items, "id");
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

static int measure_clocks(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	const struct measure_tier *t = measure_tier_find(row_str(r, "kind"), row_str(r, "tier"));
	int64_t id = row_int(r, "id"), start = row_int(r, "started_at"), end;

	if (!t)
		return PS_OK;
	end = measure_tier_deadline(clocks_sink_calendar(k), t, start, (int)row_int(r, "days"));
	clocks_add(k, r, arena_printf(c->arena, "measure:%lld", (long long)id), measure_tier_rule(t),
	    arena_printf(c->arena, "%s", t->label), start, end, measure_tier_unit(t), id, row_str(r, "person"),
	    "期限届满前释放、变更措施或依法延长");
	/* ADM-SUMMON-NOCHAIN: summoned again soon after the last summons ended */
	if (!strcmp(t->kind, "summons") && row_int(r, "chained"))
		clocks_add_warn(k, r, arena_printf(c->arena, "measure:%lld:nochain", (long long)id),
			 rule_get(RULE_ADM_SUMMON_NOCHAIN)->code, "连续传唤（距上次传唤结束不足间隔时间，防止变相拘禁）", start,
			 end, measure_tier_unit(t), id, row_str(r, "person"), "核实连续传唤的必要性，不得以连续传唤变相拘禁",
			 start);
	for (const struct measure_milestone *ms = measure_milestones; ms->kind; ms++) {
		const char *field;

		if (strcmp(ms->kind, t->kind) != 0)
			continue;
		field = strcmp(ms->key, "kss") == 0 ? "kss_at"
			: strcmp(ms->key, "family") == 0 ? "family_at" : "question_at";
		if (json_is_integer(json_object_get(r, field)))
			continue;
		if (strcmp(ms->key, "family") == 0 && row_str(r, "family_exception"))
			continue;
		clocks_add(k, r, arena_printf(c->arena, "measure:%lld:%s", (long long)id, ms->key),
		    rule_get(ms->rule_id)->code, ms->label, start,
		    measure_milestone_deadline(clocks_sink_calendar(k), ms, start), rule_clock_unit(ms->rule_id), id, row_str(r, "person"), "记录完成时间，或注明无法办理的原因");
	}
	(void)arg;
	return PS_OK;
}

int measures_clocks(struct clock_sink *k, enum clock_scope s)
{
	struct ctx *c = clocks_sink_ctx(k);
	const struct clock_scan d = {
		.sql = "SELECT m.id, m.kind, m.tier, m.days, m.started_at, m.kss_at, m.family_at,"
		       " m.question_at, m.family_exception, k.id AS case_id, k.case_no, k.unit_id,"
		       " (SELECT COUNT(*) FROM measure pm WHERE pm.case_id = m.case_id AND pm.party_id = m.party_id"
		       "  AND pm.kind = m.kind AND pm.id <> m.id AND pm.ended_at IS NOT NULL"
		       "  AND pm.ended_at > m.started_at - ?) AS chained,"
		       " o.name AS unit_name, " PARTY_NAME_SQL " AS person"
		       " FROM measure m JOIN police_case k ON k.id = m.case_id JOIN org_unit o ON o.id = k.unit_id"
		       " JOIN case_party cp ON cp.id = m.party_id JOIN person p ON p.id = cp.person_id"
		       " WHERE m.status = 'active' AND" CLOCKS_SCOPE_SQL " ORDER BY m.id",
		.binds = "ilmm",
		.ints = { setting_int(c, "warn.nochain_hours", 0) * 3600 },
		.each = measure_clocks,
	};

	return clocks_scan(k, s, &d);
}
