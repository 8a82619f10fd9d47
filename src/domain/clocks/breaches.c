/* breaches.c — the 执法监督 records of clocks that ran out: the list and
 * their answers (release, next measure, extension, explanation). */
#include "domain/enums.h"
#include "domain/clocks/breaches.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/cases/cases.h"
#include "domain/clocks/clocks.h"
#include "domain/clocks/measures.h"
#include "domain/rows.h"
#include "domain/clocks/breach_officers.h"

#include <string.h>

int breaches_list(struct ctx *c, const struct breach_filter *f, json_t **out)
{
	static const char where[] =
		" FROM breach b JOIN org_unit o ON o.id = b.unit_id LEFT JOIN police_case k ON k.id = b.case_id"
		" LEFT JOIN users u ON u.id = b.answered_by"
		" WHERE o.path LIKE ? AND (? = 0 OR b.answered_at IS NULL)";
	struct rows_query q;
	const char *scope = c->who.scope_path ? c->who.scope_path : c->who.unit_path;

	int rc, recorded;

	rc = authz_require(c, ACT_BREACH_LIST);
	if (rc)
		return rc;
	/* one case's breaches: a case the reader may read (another unit's
	 * refused and audited, not answered as empty) */
	if (f->case_id) {
		struct case_row k;

		rc = case_load(c, f->case_id, &k);
		if (rc)
			return rc;
	}
	/* whatever ran out since the last sweep is recorded before listing */
	rc = clocks_sweep(c, &recorded);
	if (rc)
		return rc;
	rows_query_init(&q, c, where, f->page, f->per_page);
	rows_bind_text(&q, arena_printf(c->arena, "%s%%", scope ? scope : "/"));
	rows_bind_int(&q, f->open_only);
	rows_and_text(&q, "b.rule = ?", f->rule);
	rows_and_text(&q, "b.clock_key = ?", f->key);
	rows_and_int(&q, "b.case_id = ?", f->case_id);
	rc = rows_page(&q,
			 "SELECT b.id, b.clock_key, b.unit_id, o.name AS unit_name, b.case_id, k.case_no,"
			 " b.measure_id, b.rule, b.label, b.deadline, b.recorded_at, b.answer_kind, b.answer_text,"
			 " b.answered_at, u.name AS answered_by_name,"
			 " (SELECT " PARTY_NAME_SQL " FROM measure m JOIN case_party cp ON cp.id = m.party_id"
			 "  JOIN person p ON p.id = cp.person_id WHERE m.id = b.measure_id) AS person",
			 /* b.id: breaches due at one moment come in one order on
			  * both stores, whatever plan each chose */
			 "ORDER BY b.answered_at IS NOT NULL, b.deadline, b.id", out);
	/* issue 15: each breach names the officers who answer for the late step */
	if (!rc) {
		json_t *it;
		size_t i;

		json_array_foreach(json_object_get(*out, "items"), i, it) {
			json_t *who = breach_officers_of(c, it);

			if (!who) {
				rc = ps_fail(c->err, PS_EIO, NULL, NULL, "读取责任民警失败");
				break;
			}
			json_object_set_new(it, "responsible", who);
		}
	}
	/* AUD-1: the rows name the persons under a measure */
	if (!rc)
		rc = audit_read_items(c, "breach.list", "breach", json_object_get(*out, "items"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

/* 1 for the clock key of a measure's own period ("measure:12"), 0 for a
 * milestone's ("measure:12:question") and anything else. */
static int measure_period_key(const char *key)
{
	return key && strncmp(key, "measure:", 8) == 0 && !strchr(key + 8, ':');
}

int breaches_answer(struct ctx *c, int64_t id, const char *kind, const char *text,
		    json_t **out)
{
	struct rows_query q;
	struct case_row k;
	json_t *b;
	int64_t n = 0;
	int rc;

	*out = NULL;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q,
		      "SELECT b.id, b.case_id, b.measure_id, b.unit_id, b.clock_key, b.answered_at, b.rule,"
		      " m.status AS measure_status FROM breach b LEFT JOIN measure m ON m.id = b.measure_id"
		      " WHERE b.id = ?",
		      &b);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, rc, "NOT_FOUND", NULL, "执法监督记录不存在");
	if (rc)
		return rc;
	memset(&k, 0, sizeof(k));
	if (json_is_integer(json_object_get(b, "case_id"))) {
		rc = case_load(c, json_integer_value(json_object_get(b, "case_id")), &k);
		/* rule: the case's officers, or a chief over the case */
		if (!rc && !k.i_am_officer && !(ctx_has_role(c, "chief") && measures_may_approve(c, &k, "station_chief")))
			rc = ctx_deny(c, "breach.answer", "case", k.case_no, "只有本案办案民警或所领导可以答复");
	} else {
		/* a breach on an incident (有警无案): the station's chief or officers */
		k.case_no = arena_strdup(c->arena, json_string_value(json_object_get(b, "clock_key")));
		/* rule: the station's chief or officers (as for an oversight task) */
		if (!(ctx_has_role(c, "chief") || ctx_has_role(c, "officer")) ||
		    c->who.station_id != json_integer_value(json_object_get(b, "unit_id")))
			rc = ctx_deny(c, "breach.answer", "breach", k.case_no, "只有该派出所的领导或民警可以答复");
	}
	if (!rc && json_is_integer(json_object_get(b, "answered_at")))
		rc = ps_fail(c->err, PS_ECONFLICT, "BREACH_ANSWERED", NULL, "该记录已答复");
	if (!rc && !enums_valid(ES_BREACH_ANSWER, kind))
		rc = ps_fail_field(c->err, PS_EINVAL, "kind", "答复类型应为 release/next_measure/extension/explanation");
	if (!rc && (!text || !*text))
		rc = ps_fail_field(c->err, PS_EINVAL, "text", "请填写答复内容");
	/* legal-rules §0.3: a measure's breach is closed by its closing
	 * record — the person released, or the measure ended for the next
	 * one — not by words while the person is still held, and a period
	 * that ran out is not extended after it */
	/* (the measure's own period, "measure:ID": a milestone's breach — the
	 * first 讯问, the family's notice — is answered while the measure
	 * rightly goes on) */
	if (!rc && json_is_integer(json_object_get(b, "measure_id")) && strcmp(kind, "release") != 0 &&
	    measure_period_key(json_string_value(json_object_get(b, "clock_key")))) {
		/* the error keeps the rule's pointer: a copy that outlives b */
		const char *rule = arena_strdup(c->arena, json_string_value(json_object_get(b, "rule")));
		const char *ms = json_string_value(json_object_get(b, "measure_status"));
		int active = ms && strcmp(ms, "active") == 0;

		if (strcmp(kind, "extension") == 0)
			rc = ps_fail(c->err, PS_ECONFLICT, "BREACH_NOT_CLOSED", rule,
				     "强制措施期限届满后不能再延长：请释放当事人或依法变更措施");
		else if (active)
			rc = ps_fail(c->err, PS_ECONFLICT, "BREACH_NOT_CLOSED", rule,
				     "当事人仍在原措施下：请先释放或结束原措施、依法采取下一措施，再答复");
	}
	if (!rc && strcmp(kind, "release") == 0 && json_is_integer(json_object_get(b, "measure_id"))) {
		/* releasing ends the measure */
		rows_binds(&q, c);
		rows_bind_int(&q, c->now);
		rows_bind_text(&q, text);
		rows_bind_int(&q, json_integer_value(json_object_get(b, "measure_id")));
		rc = rows_exec(&q,
			       "UPDATE measure SET status = 'ended', ended_at = ?, end_reason = ?"
			       " WHERE id = ? AND status = 'active'",
			       NULL);
	}
	json_decref(b);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, kind);
	rows_bind_text(&q, text);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE breach SET answer_kind = ?, answer_text = ?, answered_by = ?, answered_at = ?"
		       " WHERE id = ? AND answered_at IS NULL",
		       &n);
	if (!rc && k.id)
		rc = case_event(c, k.id, "breach_answer", NULL, NULL,
				arena_printf(c->arena, "breach=%lld %s：%s", (long long)id, kind, text));
	if (!rc)
		rc = audit_write(c, "breach.answer", k.id ? "case" : "breach", k.case_no, "success", kind);
	if (rc)
		return rc;
	*out = json_pack("{s:{s:I, s:s, s:s}}", "breach", "id", (json_int_t)id, "answer_kind", kind,
			 "answer_text", text);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

