/* cases.c — 案件: registration (受案), its officers, the clocks it starts, and
 * the rules of who may change it. Parties: parties.c; the list and the file
 * as the wire shows them: cases_view.c. */
#include "domain/cases/cases.h"
#include "domain/cases/recusals.h"
#include "rules/offence.h"
#include "rules/catalog.h"
#include "domain/clocks/clocks.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/chain.h"
#include "domain/team/equipment.h"
#include "domain/admin/audit.h"
#include "domain/admin/auth.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "domain/team/staff.h"
#include "rules/case_flow.h"
#include "rules/date.h"
#include "rules/idcard.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/crypto.h"

#include <stdio.h>
#include <string.h>

int case_event(struct ctx *c, int64_t case_id, const char *action, const char *from,
	       const char *to, const char *detail)
{
	struct rows_query q;

	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, action);
	rows_bind_text(&q, from);
	rows_bind_text(&q, to);
	rows_bind_text(&q, detail);
	return rows_exec(&q,
			 "INSERT INTO case_event(case_id, at, user_id, action, from_status,"
			 " to_status, detail) VALUES (?,?,?,?,?,?,?)",
			 NULL);
}

int cases_is_station_chief(struct ctx *c, const struct case_row *k)
{
	return ctx_has_role(c, "chief") && c->who.station_id == k->unit_id;
}

int cases_is_bureau_chief(struct ctx *c, const struct case_row *k)
{
	return ctx_has_role(c, "chief") && c->who.unit_id == chain_bureau_of(c, k->unit_path);
}

int cases_may_edit(struct ctx *c, const struct case_row *k)
{
	return k->i_am_officer || cases_is_station_chief(c, k);
}

int cases_may_staff(struct ctx *c, const struct case_row *k)
{
	return k->i_am_main || cases_is_station_chief(c, k);
}

int case_load(struct ctx *c, int64_t id, struct case_row *out)
{
	struct db_stmt *st;
	char oid[32];
	int rc;

	memset(out, 0, sizeof(*out));
	rc = db_prepare(c->db,
			"SELECT k.id, k.unit_id, k.kind, k.procedure, k.status, k.case_no, o.path,"
			" k.act_date, k.discovered_date, k.offence_code, k.title, k.complex,"
			" k.accepted_at, k.filed_at, k.decided_at,"
			" (SELECT duty FROM case_officer WHERE case_id = k.id AND user_id = ?),"
			/* the sworn officers of the case as they are now: one
			 * who became an auxiliary or was disabled is no second
			 * officer (ADM-OFFICERS-2, TEAM-AUX-STATUS) */
			" (SELECT COUNT(*) FROM case_officer co JOIN users cu ON cu.id = co.user_id"
			"  WHERE co.case_id = k.id AND co.duty IN ('main','co')"
			"  AND cu.role IN " AUTHZ_SWORN_SQL " AND cu.disabled = 0),"
			" k.late_entry, COALESCE(k.late_approved_at, 0),"
			" CASE WHEN k.econ_reason IS NOT NULL AND k.econ_reviewed_at IS NULL THEN 1 ELSE 0 END"
			" FROM police_case k JOIN org_unit o ON o.id = k.unit_id WHERE k.id = ?",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, c->who.user_id);
	db_bind_int(st, 2, id);
	rc = db_step(st, c->err);
	if (rc == PS_DONE) {
		db_finalize(st);
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "案件不存在");
	}
	if (rc != PS_ROW) {
		db_finalize(st);
		return rc;
	}
	out->id = db_column_int(st, 0);
	out->unit_id = db_column_int(st, 1);
	out->kind = arena_strdup(c->arena, db_column_text(st, 2));
	out->procedure = arena_strdup(c->arena, db_column_text(st, 3));
	out->status = arena_strdup(c->arena, db_column_text(st, 4));
	out->case_no = arena_strdup(c->arena, db_column_text(st, 5));
	out->unit_path = arena_strdup(c->arena, db_column_text(st, 6));
	out->act_date = arena_strdup(c->arena, db_column_text(st, 7));
	out->discovered_date = arena_strdup(c->arena, db_column_text(st, 8));
	out->offence_code = arena_strdup(c->arena, db_column_text(st, 9));
	out->title = arena_strdup(c->arena, db_column_text(st, 10));
	out->complex = (int)db_column_int(st, 11);
	out->accepted_at = db_column_int(st, 12);
	out->filed_at = db_column_int(st, 13);
	out->decided_at = db_column_int(st, 14);
	if (db_column_text(st, 15)) {
		const char *duty = db_column_text(st, 15);

		/* an enforcement act is a sworn officer's (协勤执法): a case
		 * officer who is an auxiliary now acts as one no more */
		int sworn = c->who.role && authz_role_sworn(c->who.role);

		out->i_am_officer = sworn && strcmp(duty, "assist") != 0;
		out->i_am_main = sworn && strcmp(duty, "main") == 0;
	}
	out->sworn_officers = (int)db_column_int(st, 16);
	out->late_entry = (int)db_column_int(st, 17);
	out->late_approved_at = db_column_int(st, 18);
	out->econ_pending = (int)db_column_int(st, 19);
	db_finalize(st);
	if (!out->status || !out->unit_path)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	snprintf(oid, sizeof(oid), "%lld", (long long)id);
	return authz_check(c, ACT_CASE_READ, out->unit_path, 0, oid);
}

/* ---- create ---- */

static int check_case_input(struct ctx *c, const struct case_input *in, int *act_days)
{
	int y, m, d, y2, m2, d2;
	int64_t today = date_local_days(c->now);

	if (!in->kind || (strcmp(in->kind, "admin") && strcmp(in->kind, "criminal")))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "案件类型应为 admin（行政）或 criminal（刑事）");
	if (in->procedure && strcmp(in->procedure, "normal") && strcmp(in->procedure, "onspot"))
		return ps_fail_field(c->err, PS_EINVAL, "procedure", "程序应为 normal 或 onspot");
	if (in->procedure && !strcmp(in->procedure, "onspot") && strcmp(in->kind, "admin"))
		return ps_fail_field(c->err, PS_EINVAL, "procedure", "当场处罚只适用于行政案件");
	if (!in->title || !*in->title)
		return ps_fail_field(c->err, PS_EINVAL, "title", "案由不能为空");
	if (!enums_valid(ES_CASE_SOURCE, in->source))
		return ps_fail_field(c->err, PS_EINVAL, "source", "案件来源不正确");
	if (!in->act_date || date_parse(in->act_date, strlen(in->act_date), &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "act_date", "违法行为发生日期应为 YYYY-MM-DD");
	*act_days = (int)date_days_from_civil(y, m, d);
	if (*act_days > today)
		return ps_fail_field(c->err, PS_EINVAL, "act_date", "违法行为发生日期不能晚于今天");
	if (in->discovered_date) {
		if (date_parse(in->discovered_date, strlen(in->discovered_date), &y2, &m2, &d2))
			return ps_fail_field(c->err, PS_EINVAL, "discovered_date", "发现日期应为 YYYY-MM-DD");
		if (date_days_from_civil(y2, m2, d2) < *act_days ||
		    date_days_from_civil(y2, m2, d2) > today)
			return ps_fail_field(c->err, PS_EINVAL, "discovered_date",
					     "发现日期应在行为发生日与今天之间");
	}
	return PS_OK;
}

/* A station colleague of the given kind for the case (sworn or auxiliary). */
static int check_colleague(struct ctx *c, int64_t user_id, int want_sworn, const char *field)
{
	struct db_stmt *st;
	int rc, ok = 0;

	rc = db_prepare(c->db,
			"SELECT u.role, o.path, u.disabled FROM users u JOIN org_unit o ON o.id = u.unit_id"
			" WHERE u.id = ?",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, user_id);
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		const char *role = db_column_text(st, 0);

		ok = ctx_unit_visible(c, db_column_text(st, 1)) && !db_column_int(st, 2) &&
		     (want_sworn ? (strcmp(role, "officer") == 0 || strcmp(role, "chief") == 0)
				 : strcmp(role, "auxiliary") == 0);
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = PS_OK;
	}
	db_finalize(st);
	if (rc)
		return rc;
	if (!ok)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION",
			       want_sworn ? "ADM-OFFICERS-2" : "ADM-AUX-SOLO",
			       want_sworn ? "协办人必须是本所在职的人民警察（民警或所领导），辅警不能作为办案人"
					  : "辅助人员必须是本所的辅警");
	(void)field;
	return PS_OK;
}

static int next_case_no(struct ctx *c, const char *kind, int year, int64_t *seq,
			const char **case_no)
{
	struct rows_query q;
	const char *unit_name = c->who.unit_name;
	int64_t n, unit = c->who.station_id;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, unit);
	rows_bind_text(&q, kind);
	rows_bind_int(&q, year);
	/* the upsert returns the number it made: one round trip */
	rc = rows_int(&q,
		      "INSERT INTO case_counter(unit_id, kind, case_year, next_seq) VALUES (?,?,?,1)"
		      " ON CONFLICT (unit_id, kind, case_year) DO UPDATE SET next_seq = case_counter.next_seq + 1"
		      " RETURNING next_seq",
		      0, &n);
	if (rc)
		return rc;
	if (c->who.unit_id != unit) {
		rows_binds(&q, c);
		rows_bind_int(&q, unit);
		{
			json_t *row;

			rc = rows_one(&q, "SELECT name FROM org_unit WHERE id = ?", &row);
			if (rc)
				return rc;
			unit_name = arena_strdup(c->arena, json_string_value(json_object_get(row, "name")));
			json_decref(row);
		}
	}
	*seq = n;
	*case_no = arena_printf(c->arena, "%s%s〔%d〕%05lld号", unit_name,
				strcmp(kind, "admin") == 0 ? "行" : "刑", year, (long long)n);
	return *case_no ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

static int add_officer_row(struct ctx *c, int64_t case_id, int64_t user_id, const char *duty)
{
	struct rows_query q;
	/* ADM-RECUSAL / CRIM-RECUSAL: every path that assigns a handler (case
	 * create, 补录, a case from 110, a handler added) comes here */
	int rc = recusals_check(c, case_id, user_id, "办案人");

	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_int(&q, user_id);
	rows_bind_text(&q, duty);
	rows_bind_int(&q, c->now);
	return rows_exec(&q,
			 "INSERT INTO case_officer(case_id, user_id, duty, added_at) VALUES (?,?,?,?)",
			 NULL);
}

int cases_may_proceed(struct ctx *c, const struct case_row *k, int coercive)
{
	if (k->late_entry && !k->late_approved_at)
		return ps_fail(c->err, PS_ECONFLICT, "LATE_NOT_APPROVED", NULL, "补录案件须经所长批准后才能继续办理");
	if (coercive && k->econ_pending)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "SUP-ECON",
			       "本案由经济纠纷警情转来，须经法制员审核后方可采取强制措施或扣押财物");
	return PS_OK;
}

int cases_acted_at(struct ctx *c, const struct case_row *k, int has, int64_t at, int64_t after,
		   const char *field, int64_t *out)
{
	*out = c->now;
	if (!has)
		return PS_OK;
	if (!k->late_entry)
		return ps_fail_field(c->err, PS_EINVAL, field, "只有补录案件可以填写实际办理时间");
	if (at > c->now)
		return ps_fail_field(c->err, PS_EINVAL, field, "实际办理时间不能晚于当前时间");
	if (at < after)
		return ps_fail_field(c->err, PS_EINVAL, field, "实际办理时间不能早于上一步办理的时间");
	*out = at;
	return PS_OK;
}

const char *cases_late_note(struct ctx *c, const struct case_row *k, int64_t at)
{
	int64_t days = date_local_days(at), sec = at + PS_DISPLAY_TZ_OFFSET - days * 86400;
	int y, m, d;

	if (!k->late_entry || at == c->now)
		return "";
	date_civil_from_days(days, &y, &m, &d);
	return arena_printf(c->arena, "（补录，实际时间 %04d-%02d-%02d %02d:%02d）", y, m, d,
			    (int)(sec / 3600), (int)(sec % 3600 / 60));
}

/* 补录: a reason, a real acceptance time between the act and now; the
 * discovery is then no later than the acceptance (ADM-LIMIT-6M counts to
 * it). Sets *accepted and *discovered (a date the caller may keep). */
static int check_late(struct ctx *c, const struct case_input *in, int act_days, int64_t *accepted,
		      const char **discovered)
{
	int y, m, d;

	*accepted = c->now;
	if (!in->late_entry) {
		if (in->accepted_at)
			return ps_fail_field(c->err, PS_EINVAL, "accepted_at", "只有补录案件可以填写受案时间");
		return PS_OK;
	}
	if (!in->late_reason || !*in->late_reason)
		return ps_fail_field(c->err, PS_EINVAL, "late_reason", "补录须写明理由（如系统停用期间纸质办理）");
	if (!in->accepted_at)
		return ps_fail_field(c->err, PS_EINVAL, "accepted_at", "补录须填写实际受案时间");
	if (in->accepted_at > c->now)
		return ps_fail_field(c->err, PS_EINVAL, "accepted_at", "受案时间不能晚于当前时间");
	if (date_local_days(in->accepted_at) < act_days)
		return ps_fail_field(c->err, PS_EINVAL, "accepted_at", "受案时间不能早于违法行为发生日期");
	*accepted = in->accepted_at;
	date_civil_from_days(date_local_days(in->accepted_at), &y, &m, &d);
	if (in->discovered_date) {
		if (strcmp(in->discovered_date, arena_printf(c->arena, "%04d-%02d-%02d", y, m, d)) > 0)
			return ps_fail_field(c->err, PS_EINVAL, "discovered_date", "发现日期不能晚于受案日期");
		*discovered = in->discovered_date;
	} else {
		*discovered = arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
	}
	return *discovered ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* 1 when name is one of the items of list, separated by ',', '，' or '、'. */
static int list_has(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	while (p && *p) {
		const char *e = p;

		while (*e && *e != ',' && strncmp(e, "，", 3) != 0 && strncmp(e, "、", 3) != 0)
			e++;
		while (p < e && *p == ' ')
			p++;
		{
			const char *t = e;

			while (t > p && t[-1] == ' ')
				t--;
			if ((size_t)(t - p) == n && strncmp(p, name, n) == 0)
				return 1;
		}
		p = *e == ',' ? e + 1 : *e ? e + 3 : e;
	}
	return 0;
}

/* SUP-JURIS-ADM / SUP-JURIS-CRIM (XZCX Art 10, 13–15; XSCX Art 15–16, 22–23):
 * the station handles acts in its area — the communities and villages of
 * its setting station.area and of its registered addresses. An act
 * elsewhere needs the ground (指定管辖, 居住地, 最初受理, 先行受理后移送) and
 * a reason; 居住地 never for 卖淫、嫖娼、赌博、毒品 (XZCX Art 10). A station
 * whose area is not recorded is not judged. */
static int check_jurisdiction(struct ctx *c, const struct case_input *in, const char *area)
{
	const char *list = setting_text(c, "station.area", c->who.station_id);
	const char *rule = strcmp(in->kind, "criminal") == 0 ? "SUP-JURIS-CRIM" : "SUP-JURIS-ADM";
	const struct offence *o = in->offence_code ? offence_find(in->offence_code) : NULL;
	struct rows_query q;
	int64_t here = 0, any = 0;
	int rc;

	if (in->jurisdiction_basis && !enums_valid(ES_JURISDICTION_BASIS, in->jurisdiction_basis))
		return ps_fail_field(c->err, PS_EINVAL, "jurisdiction_basis", "管辖依据不正确");
	if (!area || !*area)
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_text(&q, area);
	rows_bind_int(&q, c->who.station_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM address WHERE community = ? AND station_id = ?", 0, &here);
	if (!rc && !here && !(list && *list)) {
		rows_binds(&q, c);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM address WHERE station_id = ?", 0, &any);
	}
	if (rc)
		return rc;
	if (here || list_has(list, area) || (!(list && *list) && !any))
		return PS_OK;
	if (!in->jurisdiction_basis || !in->jurisdiction_reason || !*in->jurisdiction_reason)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", rule,
			       "违法行为地“%s”不在本所辖区：应当移送行为地公安机关；确由本所管辖的，请写明管辖依据"
			       "（上级指定管辖、违法嫌疑人居住地等）和理由",
			       area);
	if (strcmp(in->jurisdiction_basis, "residence") == 0 && strcmp(in->kind, "admin") == 0 && o &&
	    o->onspot_excluded)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", rule,
			       "卖淫、嫖娼、赌博、毒品案件不适用违法嫌疑人居住地管辖，应由违法行为地公安机关管辖");
	return PS_OK;
}

/* SUP-ECON: a case made from an incident classified as an economic dispute
 * (setting case.econ_dispute_categories) needs a written reason; the case
 * then waits for the 法制员's review. *econ = 1 when it is such a case. */
static int check_econ(struct ctx *c, const struct case_input *in, int *econ, const char **area)
{
	struct rows_query q;
	json_t *row;
	int rc;

	*econ = 0;
	if (!in->incident_id)
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_int(&q, in->incident_id);
	rc = rows_one(&q, "SELECT category, community FROM incident WHERE id = ?", &row);
	if (rc == PS_ENOTFOUND) {
		ps_err_clear(c->err);
		return PS_OK; /* reported below as an unknown incident */
	}
	if (rc)
		return rc;
	*econ = list_has(setting_text(c, "case.econ_dispute_categories", 0), row_str(row, "category"));
	/* the place of the act of a case from an incident: the incident's community */
	if (!*area && row_str(row, "community"))
		*area = arena_strdup(c->arena, row_str(row, "community"));
	json_decref(row);
	if (*econ && (!in->econ_reason || !*in->econ_reason))
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "SUP-ECON",
			       "该警情分类为经济纠纷，公安机关不得插手经济纠纷：确涉嫌违法犯罪须转为案件的，"
			       "请写明理由，并经法制员审核后方可立案");
	return PS_OK;
}

int cases_create(struct ctx *c, const struct case_input *in, json_t **out)
{
	struct rows_query q;
	const char *case_no, *discovered = in->discovered_date;
	char receipt[16], oid[32];
	int64_t id, seq, accepted;
	int act_days = 0, y, m, d, rc, late_ok, econ = 0;
	const char *area = in->act_area && *in->act_area ? in->act_area : NULL;

	*out = NULL;
	rc = authz_require(c, ACT_CASE_CREATE);
	if (rc)
		return rc;
	rc = check_case_input(c, in, &act_days);
	/* TEAM-QUAL-USE: the one who enters a case (also a 补录) is its main
	 * handler; without a valid 基本级 执法资格 he may not be */
	if (!rc)
		rc = staff_check_main_handler(c, c->who.user_id);
	if (!rc)
		rc = check_late(c, in, act_days, &accepted, &discovered);
	if (!rc)
		rc = check_econ(c, in, &econ, &area);
	if (!rc)
		rc = check_jurisdiction(c, in, area);
	if (rc)
		return rc;
	/* the station's chief entering it approves it by doing so */
	late_ok = in->late_entry && ctx_has_role(c, "chief");
	/* ADM-OFFICERS-2: a case is handled by at least two sworn officers;
	 * ADM-ONSPOT (ZA2025 Art 120): one officer may decide on the spot with a
	 * full audio-video recording */
	if (!in->co_officer_id && !(in->procedure && strcmp(in->procedure, "onspot") == 0 &&
				    in->recording_id && *in->recording_id))
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION",
			       in->procedure && strcmp(in->procedure, "onspot") == 0 ? "ADM-ONSPOT"
										    : "ADM-OFFICERS-2",
			       in->procedure && strcmp(in->procedure, "onspot") == 0
				       ? "当场处罚由一名民警作出的，应当全程录音录像，请填写录音录像编号或指定协办民警"
				       : "办案民警不得少于两人，请指定一名协办民警（辅警不计入）");
	if (in->co_officer_id == c->who.user_id)
		return ps_fail_field(c->err, PS_EINVAL, "co_officer_id", "协办民警不能是本人");
	rc = in->co_officer_id ? check_colleague(c, in->co_officer_id, 1, "co_officer_id") : PS_OK;
	if (!rc && in->assistant_id)
		rc = check_colleague(c, in->assistant_id, 0, "assistant_id");
	if (rc)
		return rc;
	ctx_today(c, &y, &m, &d);
	rc = next_case_no(c, in->kind, y, &seq, &case_no);
	if (rc)
		return rc;
	crypto_code(receipt, 10);

	rows_binds(&q, c);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_text(&q, in->kind);
	rows_bind_text(&q, in->procedure ? in->procedure : "normal");
	rows_bind_int(&q, y);
	rows_bind_int(&q, seq);
	rows_bind_text(&q, case_no);
	rows_bind_text(&q, receipt);
	rows_bind_text(&q, CASE_ACCEPTED);
	rows_bind_text(&q, in->title);
	rows_bind_text(&q, in->offence_code);
	rows_bind_text(&q, in->summary);
	rows_bind_text(&q, in->source);
	if (in->incident_id)
		rows_bind_int(&q, in->incident_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, in->act_date);
	rows_bind_text(&q, in->act_place);
	rows_bind_text(&q, discovered ? discovered : arena_printf(c->arena, "%04d-%02d-%02d", y, m, d));
	rows_bind_int(&q, in->reported_at && in->reported_at <= accepted ? in->reported_at : accepted);
	rows_bind_int(&q, accepted);
	rows_bind_int(&q, in->complex);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, in->late_entry ? 1 : 0);
	rows_bind_text(&q, in->late_entry ? in->late_reason : NULL);
	if (late_ok) {
		rows_bind_int(&q, c->who.user_id);
		rows_bind_int(&q, c->now);
	} else {
		rows_bind_text(&q, NULL);
		rows_bind_text(&q, NULL);
	}
	rows_bind_text(&q, area);
	rows_bind_text(&q, in->jurisdiction_basis);
	rows_bind_text(&q, in->jurisdiction_reason);
	rows_bind_text(&q, econ ? in->econ_reason : NULL);
	rc = rows_insert(&q,
			 "INSERT INTO police_case(unit_id, kind, procedure, case_year, case_seq, case_no,"
			 " receipt_code, status, title, offence_code, summary, source, incident_id,"
			 " act_date, act_place, discovered_date, reported_at, accepted_at, complex,"
			 " created_by, created_at, updated_at, late_entry, late_reason, late_approved_by,"
			 " late_approved_at, act_area, jurisdiction_basis, jurisdiction_reason, econ_reason)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = add_officer_row(c, id, c->who.user_id, "main");
	if (!rc && in->incident_id) {
		/* the case that follows an incident: one number runs through */
		int64_t n = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rows_bind_int(&q, in->incident_id);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_exec(&q, "UPDATE incident SET case_id = ? WHERE id = ? AND station_id = ? AND case_id IS NULL",
			       &n);
		if (!rc && !n)
			rc = ps_fail_field(c->err, PS_EINVAL, "incident_id", "警情不存在、不属于本所或已立案");
	}
	if (!rc && in->co_officer_id)
		rc = add_officer_row(c, id, in->co_officer_id, "co");
	if (!rc && in->assistant_id)
		rc = add_officer_row(c, id, in->assistant_id, "assist");
	if (!rc)
		rc = case_event(c, id, "accept", NULL, CASE_ACCEPTED,
				in->recording_id ? arena_printf(c->arena, "%s 录音录像 %s", case_no,
								in->recording_id)
						 : case_no);
	/* TEAM-EQUIP-RECORDER: the 当场处罚 recording from a recorder the officers held */
	if (!rc && in->recording_id && *in->recording_id) {
		int64_t present[2] = { c->who.user_id, in->co_officer_id };

		rc = equipment_recording_check(c, c->who.unit_path, in->recording_id, accepted, present,
					       in->co_officer_id ? 2 : 1, "case", id, id);
	}
	if (!rc && in->jurisdiction_basis && in->jurisdiction_reason && *in->jurisdiction_reason)
		rc = case_event(c, id, "jurisdiction", NULL, NULL,
				arena_printf(c->arena, "行为地 %s；管辖依据：%s；%s", area ? area : "",
					     enums_label(ES_JURISDICTION_BASIS, in->jurisdiction_basis),
					     in->jurisdiction_reason));
	if (!rc && econ)
		rc = case_event(c, id, "econ_dispute", NULL, NULL,
				arena_printf(c->arena, "经济纠纷警情转为案件（待法制员审核）：%s", in->econ_reason));
	if (!rc && in->late_entry) {
		struct case_row lk = { 0 };

		lk.late_entry = 1;
		rc = case_event(c, id, "late_entry", NULL, NULL,
				arena_printf(c->arena, "补录%s：%s%s", cases_late_note(c, &lk, accepted),
					     in->late_reason, late_ok ? "（所长录入，已批准）" : "（待所长批准）"));
	}
	if (rc)
		return rc;
	if (in->reporter_name) {
		struct party_input p = { 0 };
		json_t *pj = NULL;

		p.role = "reporter";
		p.name = in->reporter_name;
		p.id_number = in->reporter_id_number;
		p.phone = in->reporter_phone;
		p.confidential = in->reporter_confidential;
		rc = parties_add(c, id, &p, &pj);
		json_decref(pj);
		if (rc)
			return rc;
	}
	snprintf(oid, sizeof(oid), "%lld", (long long)id);
	rc = audit_write(c, "case.create", "case", oid, "success",
			 in->late_entry ? arena_printf(c->arena, "%s 补录", case_no) : case_no);
	if (!rc)
		rc = cases_view_get(c, id, out);
	return rc;
}

/* ---- officers and parties ---- */

int cases_add_officer(struct ctx *c, int64_t case_id, int64_t user_id,
		      const char *duty, json_t **out)
{
	struct case_row k;
	char oid[32];
	int rc;

	*out = NULL;
	rc = case_load(c, case_id, &k);
	if (rc)
		return rc;
	/* rule: the main officer, or the chief of the case's station */
	if (!cases_may_staff(c, &k))
		return ctx_deny(c, "case.officer_add", "case", k.case_no,
				"只有主办民警或所领导可以调整办案人员");
	if (flow_state_closed(k.status))
		return ps_fail(c->err, PS_ECONFLICT, "CASE_CLOSED", NULL, "案件已办结，不能调整办案人员");
	if (!duty || (strcmp(duty, "co") && strcmp(duty, "assist")))
		return ps_fail_field(c->err, PS_EINVAL, "duty", "职责应为 co（协办民警）或 assist（辅警协助）");
	rc = check_colleague(c, user_id, strcmp(duty, "co") == 0, "user_id");
	if (!rc)
		rc = recusals_check(c, case_id, user_id, "办案人");
	if (rc)
		return rc;
	rc = add_officer_row(c, case_id, user_id, duty);
	if (rc == PS_ECONFLICT)
		return ps_fail(c->err, PS_ECONFLICT, "ALREADY_OFFICER", NULL, "该人员已是本案办案人员");
	snprintf(oid, sizeof(oid), "user=%lld duty=%s", (long long)user_id, duty);
	if (!rc)
		rc = case_event(c, case_id, "officer_add", NULL, NULL, oid);
	if (!rc)
		rc = audit_write(c, "case.officer_add", "case", k.case_no, "success", oid);
	if (!rc)
		rc = cases_view_get(c, case_id, out);
	return rc;
}

static int case_clocks(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	const char *st = row_str(r, "status");
	int64_t id = row_int(r, "case_id"), acc = row_int(r, "accepted_at");
	int admin = strcmp(row_str(r, "kind"), "admin") == 0;

	int y, m, d;
	enum law_version law;

	date_civil_from_days(date_local_days(acc), &y, &m, &d);
	law = law_in_force(y, m, d);
	if (strcmp(st, CASE_CLOSED) == 0) {
		/* 每案一结: archived the day after closing */
		clocks_add(k, r, arena_printf(c->arena, "case:%lld:archive", (long long)id), rule_get(RULE_CASE_ARCHIVE)->code,
		    rule_get(RULE_CASE_ARCHIVE)->label, row_int(r, "closed_at"),
		    rule_deadline(NULL, RULE_CASE_ARCHIVE, 0, row_int(r, "closed_at")), CLOCK_DAYS, 0, NULL,
		    "内勤或档案管理员归档");
		return PS_OK;
	}
	if (strcmp(st, CASE_ACCEPTED) == 0) {
		int complex = row_int(r, "complex") != 0;

		/* PROC-ACCEPT-REVIEW: an administrative case accepted before
		 * 2026; from 2026 a 治安 matter is 立即立案 (ZA2025 Art 90)
		 * and has no review window */
		if (admin && law == LAW_ZA2025)
			/* ADM-ACCEPT-01: 立即立案 — the 立案 is to be recorded at once */
			clocks_add(k, r, arena_printf(c->arena, "case:%lld:review", (long long)id),
			    rule_get(RULE_ADM_ACCEPT_01)->code, "治安案件立即立案", acc,
			    rule_deadline(clocks_sink_calendar(k), RULE_ADM_ACCEPT_01, 0, acc), CLOCK_HOURS, 0, NULL,
			    "立即录入立案决定，或告知报案人不属于违反治安管理行为");
		else if (admin) {
			enum rule_id rr = complex ? RULE_PROC_ACCEPT_REVIEW_3D : RULE_PROC_ACCEPT_REVIEW;

			clocks_add(k, r, arena_printf(c->arena, "case:%lld:review", (long long)id),
			    rule_get(rr)->code, rule_get(rr)->label, acc, rule_deadline(clocks_sink_calendar(k), rr, 0, acc),
			    rule_clock_unit(rr), 0, NULL, "作出立案或不予立案决定");
		} else if (!admin)
			clocks_add(k, r, arena_printf(c->arena, "case:%lld:review", (long long)id),
			    rule_get(RULE_CRIM_FILE_REVIEW_3D)->code,
			    complex ? "刑事立案审查（重大疑难复杂）" : "刑事立案审查",
			    acc, rule_deadline(clocks_sink_calendar(k), RULE_CRIM_FILE_REVIEW_3D, complex ? 2 : 0, acc),
			    CLOCK_DAYS, 0, NULL, "报县局负责人作出立案或不予立案决定");
	}
	if (admin && strcmp(st, CASE_DECIDED) != 0 && strcmp(st, CASE_DELIVERED) != 0) {
		/* ADM-CASE-30D: under ZA2025 from 立案, which for a 治安
		 * matter is the acceptance itself (立即立案, Art 90) — a later
		 * recorded 立案 never delays the clock; under ZA2012 from
		 * 受理. +30 per approved extension, 鉴定/听证 time not counted */
		enum rule_id lr = law == LAW_ZA2025 ? RULE_ADM_CASE_30D : RULE_ADM_CASE_30D_ZA2012;
		int64_t start = acc;

		clocks_add(k, r, arena_printf(c->arena, "case:%lld:limit", (long long)id), rule_get(lr)->code,
		    row_int(r, "ext_days") ? "治安案件办案期限（已延长）" : "治安案件办案期限（30日）", start,
		    clock_deadline(clocks_sink_calendar(k), start, CLOCK_DAYS, rule_value(lr, 0) + (int)row_int(r, "ext_days"), 0) +
			    row_int(r, "paused"),
		    CLOCK_DAYS, 0, NULL, "期限内作出决定，或报县局批准延长");
	}
	/* PROC-SIMPLE: a 当场处罚 is filed with the bureau within 24 h */
	if (!strcmp(row_str(r, "procedure"), "onspot") && row_int(r, "decided_at") &&
	    !json_is_integer(json_object_get(r, "onspot_reported_at")))
		clocks_add(k, r, arena_printf(c->arena, "case:%lld:onspot_report", (long long)id),
		    rule_get(RULE_PROC_SIMPLE)->code, rule_get(RULE_PROC_SIMPLE)->label, row_int(r, "decided_at"),
		    rule_deadline(clocks_sink_calendar(k), RULE_PROC_SIMPLE, 0, row_int(r, "decided_at")),
		    CLOCK_HOURS, 0, NULL, "将当场处罚决定书报所属公安机关备案");
	if (strcmp(st, CASE_DECIDED) == 0)
		clocks_add(k, r, arena_printf(c->arena, "case:%lld:deliver", (long long)id),
		    rule_get(RULE_ADM_DELIVER_2D)->code, rule_get(RULE_ADM_DELIVER_2D)->label,
		    row_int(r, "decided_at"),
		    rule_deadline(clocks_sink_calendar(k), RULE_ADM_DELIVER_2D, 0, row_int(r, "decided_at")), CLOCK_DAYS, 0,
		    NULL, "当场宣告或2日内送达");
	(void)arg;
	return PS_OK;
}

int cases_clocks(struct clock_sink *k, enum clock_scope s)
{
	const struct clock_scan d = {
		.sql = "SELECT k.id AS case_id, k.case_no, k.unit_id, o.name AS unit_name, k.kind, k.status,"
		       " k.complex, k.accepted_at, k.filed_at, k.decided_at, k.closed_at, k.procedure,"
		       " k.onspot_reported_at,"
		       " (SELECT COALESCE(SUM(days), 0) FROM case_extension e WHERE e.case_id = k.id) AS ext_days,"
		       " (SELECT COALESCE(SUM(COALESCE(ended_at, ?) - started_at), 0) FROM case_pause cp"
		       "  WHERE cp.case_id = k.id) AS paused"
		       " FROM police_case k JOIN org_unit o ON o.id = k.unit_id"
		       " WHERE k.status NOT IN ('declined','transferred','withdrawn','archived') AND" CLOCKS_SCOPE_SQL,
		.binds = "nlmm",
		.each = case_clocks,
	};

	return clocks_scan(k, s, &d);
}

int cases_load_as_officer(struct ctx *c, int64_t case_id, struct case_row *k, const char *action)
{
	int rc = case_load(c, case_id, k);

	if (rc)
		return rc;
	if (!k->i_am_officer)
		return ctx_deny(c, action, "case", k->case_no, "只有本案办案民警可以进行此操作");
	return PS_OK;
}
