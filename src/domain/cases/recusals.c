/* recusals.c — 回避: see recusals.h. The law: 治安管理处罚法 (2012) Art 81 and
 * 公安机关办理行政案件程序规定 Art 17–25 for administrative cases (ADM-
 * RECUSAL); 刑事诉讼法 Art 29–31 for criminal ones (CRIM-RECUSAL): grounds,
 * who decides, and that the investigation does not stop before the
 * decision (so a pending recusal blocks nothing). */
#include "domain/cases/recusals.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/chain.h"
#include "domain/enums.h"
#include "domain/rows.h"

#include <string.h>

#define CASE_PATH_SQL "SELECT o.path FROM police_case k JOIN org_unit o ON o.id = k.unit_id WHERE k.id = ?"
#define PATH_SQL                                                                                   \
	"SELECT o.path FROM recusal r JOIN police_case k ON k.id = r.case_id"                     \
	" JOIN org_unit o ON o.id = k.unit_id WHERE r.id = ?"

static const char select_sql[] =
	"SELECT r.id, r.case_id, k.case_no, r.user_id, u.name, u.role, r.origin, r.ground, r.requester, r.reason,"
	" r.status, r.recorded_at, ru.name AS recorded_by_name, r.decided_at, du.name AS decided_by_name,"
	" r.decision_note FROM recusal r JOIN police_case k ON k.id = r.case_id JOIN users u ON u.id = r.user_id"
	" JOIN users ru ON ru.id = r.recorded_by LEFT JOIN users du ON du.id = r.decided_by";

static const char *idstr(struct ctx *c, int64_t id)
{
	return arena_printf(c->arena, "%lld", (long long)id);
}

/* One row of the case's timeline (as case_event of cases.c, which
 * includes this file). */
static int timeline(struct ctx *c, int64_t case_id, const char *action, const char *detail)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, action);
	rows_bind_text(&q, detail);
	return rows_exec(&q, "INSERT INTO case_event(case_id, at, user_id, action, detail) VALUES (?,?,?,?,?)", NULL);
}

static int get_one(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	return rows_one(&q, arena_printf(c->arena, "%s WHERE r.id = ?", select_sql), out);
}

static const char *rule_of(struct ctx *c, int64_t case_id)
{
	struct rows_query q;
	json_t *k = NULL;
	const char *rule = "ADM-RECUSAL";

	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	if (rows_one(&q, "SELECT kind FROM police_case WHERE id = ?", &k) == PS_OK &&
	    strcmp(row_str(k, "kind"), "criminal") == 0)
		rule = "CRIM-RECUSAL";
	json_decref(k);
	ps_err_clear(c->err);
	return rule;
}

int recusals_list(struct ctx *c, int64_t case_id, json_t **out)
{
	struct rows_query q;
	json_t *items = NULL;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_CASE_READ, CASE_PATH_SQL, case_id, "案件不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rc = rows_all(&q, arena_printf(c->arena, "%s WHERE r.case_id = ? ORDER BY r.id", select_sql), &items);
	if (!rc)
		rc = audit_read_items(c, "recusal.list", "recusal", items, "id");
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int recusals_create(struct ctx *c, int64_t case_id, const struct recusal_in *in, json_t **out)
{
	struct rows_query q;
	int64_t n = 0, id;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_RECUSAL_CREATE, CASE_PATH_SQL, case_id, "案件不存在");
	if (rc)
		return rc;
	if (!enums_valid(ES_RECUSAL_ORIGIN, in->origin))
		return ps_fail_field(c->err, PS_EINVAL, "origin", "请选择回避方式：自行回避、当事人申请或指令回避");
	if (!enums_valid(ES_RECUSAL_GROUND, in->ground))
		return ps_fail_field(c->err, PS_EINVAL, "ground", "请选择回避理由");
	if (!in->reason || !*in->reason)
		return ps_fail_field(c->err, PS_EINVAL, "reason", "请写明回避的具体事实");
	if (strcmp(in->origin, "requested") == 0 && (!in->requester || !*in->requester))
		return ps_fail_field(c->err, PS_EINVAL, "requester", "请写明申请回避的当事人");
	/* the officer: a user of the case's bureau (its stations, brigades
	 * and the bureau itself: handlers, reviewers, approvers) */
	{
		json_t *p = NULL;
		int64_t kb = 0, ub = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, in->user_id);
		rows_bind_int(&q, case_id);
		rc = rows_one(&q,
			      "SELECT uo.path AS upath, ko.path AS kpath FROM users u JOIN org_unit uo ON uo.id = u.unit_id,"
			      " police_case k JOIN org_unit ko ON ko.id = k.unit_id WHERE u.id = ? AND k.id = ?",
			      &p);
		if (rc == PS_ENOTFOUND) {
			ps_err_clear(c->err);
			rc = PS_OK;
		} else if (!rc) {
			kb = chain_bureau_of(c, row_str(p, "kpath"));
			ub = chain_bureau_of(c, row_str(p, "upath"));
		}
		json_decref(p);
		if (!rc && (!kb || kb != ub))
			rc = ps_fail_field(c->err, PS_EINVAL, "user_id", "回避人员不存在或不是本单位的民警");
		if (rc)
			return rc;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, in->user_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM recusal WHERE case_id = ? AND user_id = ? AND status IN ('pending','granted')",
		      0, &n);
	if (!rc && n)
		rc = ps_fail(c->err, PS_ECONFLICT, "RECUSAL_EXISTS", NULL, "该民警已有待决定或已决定的回避");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, in->user_id);
	rows_bind_text(&q, in->origin);
	rows_bind_text(&q, in->ground);
	rows_bind_text(&q, in->requester && *in->requester ? in->requester : NULL);
	rows_bind_text(&q, in->reason);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO recusal(case_id, user_id, origin, ground, requester, reason, status, recorded_by,"
			 " recorded_at) VALUES (?,?,?,?,?,?,'pending',?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = timeline(c, case_id, "recusal",
			      arena_printf(c->arena, "user=%lld %s", (long long)in->user_id, in->origin));
	if (!rc)
		rc = audit_write(c, "recusal.create", "recusal", idstr(c, id), "success", in->origin);
	return rc ? rc : get_one(c, id, out);
}

int recusals_decide(struct ctx *c, int64_t id, int grant, const char *note, json_t **out)
{
	struct rows_query q;
	json_t *r = NULL;
	int64_t case_id, user_id, n = 0;
	const char *rule;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_RECUSAL_DECIDE, PATH_SQL, id, "回避记录不存在");
	if (!rc)
		rc = get_one(c, id, &r);
	if (rc)
		return rc;
	case_id = row_int(r, "case_id");
	user_id = row_int(r, "user_id");
	rule = rule_of(c, case_id);
	if (strcmp(row_str(r, "status"), "pending") != 0)
		rc = ps_fail(c->err, PS_ECONFLICT, "RECUSAL_DECIDED", NULL, "该回避已作出决定");
	else if (!note || !*note)
		rc = ps_fail_field(c->err, PS_EINVAL, "note", "请填写决定理由");
	/* the chief decides; his own recusal is decided by the organ above */
	else if (user_id == c->who.user_id)
		rc = ps_fail(c->err, PS_EFORBIDDEN, "RECUSAL_SELF", rule, "本人的回避由上一级负责人决定");
	else if (c->who.station_id && strcmp(row_str(r, "role"), "chief") == 0)
		rc = ps_fail(c->err, PS_EFORBIDDEN, "RECUSAL_CHIEF", rule, "派出所负责人的回避由上一级公安机关负责人决定");
	if (!rc && grant) {
		rows_binds(&q, c);
		rows_bind_int(&q, case_id);
		rows_bind_int(&q, user_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM case_officer WHERE case_id = ? AND user_id = ? AND duty = 'main'", 0, &n);
		if (!rc && n)
			rc = ps_fail(c->err, PS_ECONFLICT, "RECUSAL_MAIN", rule,
				     "主办民警回避须先另行指定主办民警（系统尚不支持更换主办民警，请移交案件）");
	}
	json_decref(r);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, grant ? "granted" : "refused");
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, note);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE recusal SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?"
			   " WHERE id = ? AND status = 'pending'", NULL);
	if (!rc && grant) {
		/* a granted recusal takes him off the case */
		rows_binds(&q, c);
		rows_bind_int(&q, case_id);
		rows_bind_int(&q, user_id);
		rc = rows_exec(&q, "DELETE FROM case_officer WHERE case_id = ? AND user_id = ? AND duty <> 'main'", &n);
		if (!rc && n)
			rc = timeline(c, case_id, "officer_recused", arena_printf(c->arena, "user=%lld", (long long)user_id));
	}
	if (!rc)
		rc = audit_write(c, "recusal.decide", "recusal", idstr(c, id), "success", grant ? "granted" : "refused");
	return rc ? rc : get_one(c, id, out);
}

int recusals_check(struct ctx *c, int64_t case_id, int64_t user_id, const char *what)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, user_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM recusal WHERE case_id = ? AND user_id = ? AND status = 'granted'", 0, &n);
	if (rc || !n)
		return rc;
	return ps_fail(c->err, PS_ECONFLICT, "RECUSED", rule_of(c, case_id), "该民警已决定回避本案，不能担任%s", what);
}
