/* rewards.c — 奖惩: commendations and sanctions with their checks. */
#include "domain/team/rewards.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/clocks/clocks.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "rules/catalog.h"
#include "rules/date.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")

/* The officer's station (his unit, or the station of his 警务室), after
 * the access check of act; only sworn officers and chiefs. */
static int officer_station(struct ctx *c, enum authz_act act, int64_t user_id, int64_t *station)
{
	struct rows_query q;
	int rc;

	rc = rows_check_unit(c, act, "SELECT o.path FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?",
			     user_id, "民警不存在");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rc = rows_int(&q,
		      "SELECT s.id FROM users u JOIN org_unit o ON o.id = u.unit_id"
		      " JOIN org_unit s ON s.kind = 'station' AND (s.id = o.id OR s.id = o.parent_id)"
		      " WHERE u.id = ? AND u.role IN " AUTHZ_SWORN_SQL,
		      0, station);
	if (!rc && !*station)
		return ps_fail_field(c->err, PS_EINVAL, "user_id", "只能为派出所民警登记奖惩");
	return rc;
}

static int date_field(struct ctx *c, const char *v, const char *field)
{
	if (!v || !date_valid_str(v))
		return ps_fail_field(c->err, PS_EINVAL, field, "日期应为 YYYY-MM-DD");
	if (strcmp(v, ctx_today_str(c)) > 0)
		return ps_fail_field(c->err, PS_EINVAL, field, "日期不能晚于今天");
	return PS_OK;
}

#define AWARD_COLS                                                                                          \
	"SELECT a.id, a.user_id, u.name, a.grade, a.deed, a.ground, a.ground_ref, a.body_level, a.decided_by,"  \
	" a.decided_on, a.exception, a.posted_from, s.name AS unit_name FROM commendation a JOIN users u ON u.id = a.user_id"  \
	" JOIN org_unit s ON s.id = a.station_id"
#define SANCTION_COLS                                                                                        \
	"SELECT x.id, x.user_id, u.name, x.kind, x.reason, x.ground, x.ground_ref, x.decided_by, x.decided_on,"  \
	" x.start_on, x.days, x.appeal_at, x.appeal_to, x.appeal_reason, x.appeal_decided_at, x.appeal_result,"     \
	" x.appeal_note, x.revoked_on, x.restoration, x.decided_body, x.decision_doc, s.name AS unit_name FROM sanction x JOIN users u ON u.id = x.user_id"            \
	" JOIN org_unit s ON s.id = x.station_id"

/* day number of a date plus months (the day clamped to the month's end) */
static int64_t plus_months(const char *date, int months)
{
	int y, m, d;

	if (!date || date_parse(date, strlen(date), &y, &m, &d))
		return -1;
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	while (d > 28 && !date_valid(y, m, d))
		d--;
	return date_days_from_civil(y, m, d);
}

static int64_t day_num(const char *date)
{
	int y, m, d;

	if (!date || date_parse(date, strlen(date), &y, &m, &d))
		return -1;
	return date_days_from_civil(y, m, d);
}

/* TEAM-SANCTION-PERIOD: the sanction of user in force on day (not revoked):
 * a 处分 for its period from its decision, 开除 for ever, 停止执行职务 and
 * 禁闭 over their days; its kind in *kind (NULL when none). */
static int sanction_in_force(struct ctx *c, int64_t user_id, const char *day, const char **kind, const char **since)
{
	const struct rule *per = rule_get(RULE_TEAM_SANCTION_PERIOD);
	struct rows_query q;
	json_t *rows, *r;
	int64_t on = day_num(day);
	size_t i;
	int rc;

	*kind = *since = NULL;
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rows_bind_text(&q, day);
	rc = rows_all(&q,
		      "SELECT kind, decided_on, start_on, days FROM sanction WHERE user_id = ? AND revoked_on IS NULL"
		      " AND decided_on <= ? ORDER BY decided_on DESC",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		const char *k = row_str(r, "kind");
		int64_t from = -1, to = -1;
		int idx = !strcmp(k, "warning") ? 0 : !strcmp(k, "demerit") ? 1 : !strcmp(k, "major_demerit") ? 2
			: (!strcmp(k, "demotion") || !strcmp(k, "removal")) ? 3 : -1;

		if (idx >= 0) {
			from = day_num(row_str(r, "decided_on"));
			to = plus_months(row_str(r, "decided_on"), per->value[idx]);
		} else if (!strcmp(k, "expulsion")) {
			from = day_num(row_str(r, "decided_on"));
			to = INT64_MAX;
		} else if (!strcmp(k, "suspension") || !strcmp(k, "confinement")) {
			from = day_num(row_str(r, "start_on"));
			to = from + row_int(r, "days");
		}
		if (from >= 0 && on >= from && on < to) {
			*kind = enums_label(ES_SANCTION_KIND, k);
			*since = arena_strdup(c->arena, row_str(r, "decided_on"));
			break;
		}
	}
	json_decref(rows);
	return PS_OK;
}

int reward_award_create(struct ctx *c, const struct reward_award_input *in, json_t **out)
{
	const struct rule *lim = rule_get(RULE_TEAM_AWARD_LIMITS);
	struct rows_query q;
	json_t *row;
	int64_t station = 0, n = 0, id;
	int grade, body, need, y, m, d, rc;
	const char *since;

	*out = NULL;
	rc = officer_station(c, ACT_DISCIPLINE_CREATE, in->user_id, &station);
	if (rc)
		return rc;
	grade = in->grade ? enums_rank(ES_COMMENDATION_GRADE, in->grade) : -1;
	if (grade < 0)
	{
		ps_fail_field(c->err, PS_EINVAL, "grade", "奖励种类为嘉奖、三等功、二等功、一等功、荣誉称号");
		c->err->rule = "TEAM-AWARD-KINDS";
		return PS_EINVAL;
	}
	if (!in->deed || !*in->deed)
		return ps_fail_field(c->err, PS_EINVAL, "deed", "请填写事迹");
	if (!in->ground || !enums_valid(ES_COMMENDATION_GROUND, in->ground))
		return ps_fail_field(c->err, PS_EINVAL, "ground", "请选择奖励依据");
	body = in->body_level ? enums_rank(ES_BODY_LEVEL, in->body_level) : -1;
	if (body < 0)
		return ps_fail_field(c->err, PS_EINVAL, "body_level", "请选择批准机关级别");
	if (!in->decided_by || !*in->decided_by)
		return ps_fail_field(c->err, PS_EINVAL, "decided_by", "请填写批准机关");
	rc = date_field(c, in->decided_on, "decided_on");
	if (rc)
		return rc;
	/* TEAM-AWARD-AUTH: 荣誉称号, 一等功 → 公安部; 二等功 → province or
	 * above; 嘉奖, 三等功 → city or above (body: 0 ministry … 2 city) */
	need = grade >= enums_rank(ES_COMMENDATION_GRADE, "merit_first") ? 0
	       : grade == enums_rank(ES_COMMENDATION_GRADE, "merit_second") ? 1
									: 2;
	if (body > need)
		return ps_fail(c->err, PS_ERULE, "AWARD_AUTHORITY", "TEAM-AWARD-AUTH", "%s须由%s批准，不能由%s批准",
			       enums_label(ES_COMMENDATION_GRADE, in->grade),
			       need == 0 ? "公安部" : "省级及以上公安机关", enums_label(ES_BODY_LEVEL, in->body_level));
	/* TEAM-AWARD-PUBLIC: 三等功 and above posted publicly for at least 7
	 * working days before the approval */
	if (grade >= enums_rank(ES_COMMENDATION_GRADE, "merit_third")) {
		const struct rule *pub = rule_get(RULE_TEAM_AWARD_PUBLIC);
		int64_t from = day_num(in->posted_from), to = day_num(in->decided_on), wd = 0;
		struct calendar cal;

		if (from < 0 || !date_valid_str(in->posted_from))
			return ps_fail(c->err, PS_ERULE, "AWARD_NOT_POSTED", pub->code,
				       "%s以上奖励须经公示，请填写公示开始日期", enums_label(ES_COMMENDATION_GRADE, "merit_third"));
		rc = clocks_calendar(c, &cal);
		if (rc)
			return rc;
		for (int64_t day = from; day < to; day++)
			wd += calendar_is_workday(&cal, day);
		if (wd < pub->value[0])
			return ps_fail(c->err, PS_ERULE, "AWARD_POSTING", pub->code,
				       "公示自%s起至批准日前仅%lld个工作日，不少于%d个工作日后方可批准", in->posted_from,
				       (long long)wd, pub->value[0]);
	}
	/* TEAM-SANCTION-PERIOD (TEAM-AWARD-LIMITS: no award during a 处分) */
	{
		const char *kind, *when;

		rc = sanction_in_force(c, in->user_id, in->decided_on, &kind, &when);
		if (rc)
			return rc;
		if (kind)
			return ps_fail(c->err, PS_ERULE, "AWARD_UNDER_SANCTION", "TEAM-SANCTION-PERIOD",
				       "该民警%s受%s，处分期间（或措施期间）不予奖励", when, kind);
	}
	/* TEAM-AWARD-LIMITS: one deed, one award */
	rows_binds(&q, c);
	rows_bind_int(&q, in->user_id);
	rows_bind_text(&q, in->deed);
	rc = rows_int(&q, "SELECT COUNT(*) FROM commendation WHERE user_id = ? AND deed = ?", 0, &n);
	if (rc)
		return rc;
	if (n)
		return ps_fail(c->err, PS_ERULE, "AWARD_SAME_DEED", lim->code, "同一事迹已经奖励过，一事不重复奖励");
	/* … and no award of the same or a lower grade within a year of one of
	 * the same or a higher grade, unless for a major contribution */
	date_parse(in->decided_on, 10, &y, &m, &d);
	y -= lim->value[0];
	while (d > 28 && !date_valid(y, m, d))
		d--;
	since = arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
	if (!since)
		return NOMEM(c);
	if (!in->exception || !*in->exception) {
		json_t *prev = NULL, *p;
		size_t i;

		rows_binds(&q, c);
		rows_bind_int(&q, in->user_id);
		rows_bind_text(&q, since);
		rows_bind_text(&q, in->decided_on);
		rc = rows_all(&q,
			      "SELECT grade, decided_on FROM commendation WHERE user_id = ? AND decided_on > ? AND decided_on <= ?"
			      " ORDER BY decided_on DESC",
			      &prev);
		if (rc)
			return rc;
		json_array_foreach(prev, i, p) {
			if (enums_rank(ES_COMMENDATION_GRADE, row_str(p, "grade")) >= grade) {
				rc = ps_fail(c->err, PS_ERULE, "AWARD_REPEAT", lim->code,
					     "%s已获%s，%d年内原则上不再给予同级或较低等级的奖励（重大或特殊贡献请写明理由）",
					     row_str(p, "decided_on"), enums_label(ES_COMMENDATION_GRADE, row_str(p, "grade")),
					     lim->value[0]);
				break;
			}
		}
		json_decref(prev);
		if (rc)
			return rc;
	}
	rows_binds(&q, c);
	rows_bind_int(&q, in->user_id);
	rows_bind_int(&q, station);
	rows_bind_text(&q, in->grade);
	rows_bind_text(&q, in->deed);
	rows_bind_text(&q, in->ground);
	rows_bind_text(&q, in->ground_ref);
	rows_bind_text(&q, in->body_level);
	rows_bind_text(&q, in->decided_by);
	rows_bind_text(&q, in->decided_on);
	rows_bind_text(&q, in->exception);
	rows_bind_text(&q, in->posted_from && *in->posted_from ? in->posted_from : NULL);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO commendation(user_id, station_id, grade, deed, ground, ground_ref, body_level, decided_by,"
			 " decided_on, exception, posted_from, recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
			 " RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "commendation.create", "user", arena_printf(c->arena, "%lld", (long long)in->user_id),
				 "success", enums_label(ES_COMMENDATION_GRADE, in->grade));
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_one(&q, AWARD_COLS " WHERE a.id = ?", &row);
	}
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "commendation", row);
	return *out ? PS_OK : NOMEM(c);
}

/* TEAM-SANCTION-WHO: a 处分 (警告 … 开除) is the decision of the 任免机关
 * or the 监察机关 — never of the station, which only records it, with the
 * decision's number; a measure (停止执行职务, 禁闭) is the 督察机构's
 * (TEAM-DC-SUSPEND); a 通报批评 is no 处分. *body: the kind recorded. */
static int sanction_body_check(struct ctx *c, const struct reward_sanction_input *in, int64_t station, int measure,
			       const char **body)
{
	const char *who = rule_get(RULE_TEAM_SANCTION_WHO)->code;
	int disciplinary = strcmp(in->kind, "criticism") != 0 && !measure;
	struct rows_query q;
	json_t *row;
	int rc, names_station;

	*body = in->decided_body && *in->decided_body ? in->decided_body
		: measure ? "inspectorate" : disciplinary ? NULL : "station";
	if (*body && !enums_valid(ES_SANCTION_BODY, *body))
		return ps_fail_field(c->err, PS_EINVAL, "decided_body", "决定机关类别应为任免机关、监察机关、督察机构或派出所");
	if (!disciplinary) {
		if (measure && strcmp(*body, "inspectorate") != 0)
			return ps_fail(c->err, PS_ERULE, "SANCTION_BODY", rule_get(RULE_TEAM_DC_SUSPEND)->code,
				       "停止执行职务、禁闭由督察机构决定，请登记督察机构的决定");
		return PS_OK;
	}
	if (!*body) {
		ps_fail_field(c->err, PS_EINVAL, "decided_body", "请选择作出处分决定的机关（任免机关或监察机关）");
		c->err->rule = who;
		return PS_EINVAL;
	}
	if (strcmp(*body, "appointing") != 0 && strcmp(*body, "supervisory") != 0)
		return ps_fail(c->err, PS_ERULE, "SANCTION_BODY", who,
			       "处分由任免机关或监察机关决定，%s不能作出处分；系统只登记有权机关的决定",
			       enums_label(ES_SANCTION_BODY, *body));
	/* the deciding body named as the station itself (or any 派出所) */
	rows_binds(&q, c);
	rows_bind_int(&q, station);
	rc = rows_one(&q, "SELECT name FROM org_unit WHERE id = ?", &row);
	if (rc)
		return rc;
	names_station = strstr(in->decided_by, "派出所") != NULL || !strcmp(in->decided_by, row_str(row, "name"));
	json_decref(row);
	if (names_station)
		return ps_fail(c->err, PS_ERULE, "SANCTION_BODY", who,
			       "派出所不能作出处分，请填写作出决定的任免机关或监察机关");
	if (!in->decision_doc || !*in->decision_doc) {
		ps_fail_field(c->err, PS_EINVAL, "decision_doc", "请填写处分决定书文号");
		c->err->rule = who;
		return PS_EINVAL;
	}
	return PS_OK;
}

int reward_sanction_create(struct ctx *c, const struct reward_sanction_input *in, json_t **out)
{
	const struct rule *dc = rule_get(RULE_TEAM_DC_SUSPEND);
	struct rows_query q;
	json_t *row;
	int64_t station = 0, id;
	const char *body = NULL;
	int measure, rc;

	*out = NULL;
	rc = officer_station(c, ACT_DISCIPLINE_CREATE, in->user_id, &station);
	if (rc)
		return rc;
	if (!in->kind || !enums_valid(ES_SANCTION_KIND, in->kind))
	{
		ps_fail_field(c->err, PS_EINVAL, "kind", "处分种类为警告、记过、记大过、降级、撤职、开除（另可登记通报批评、停止执行职务、禁闭）");
		c->err->rule = "TEAM-SANCTION-KINDS";
		return PS_EINVAL;
	}
	if (!in->reason || !*in->reason)
		return ps_fail_field(c->err, PS_EINVAL, "reason", "请填写事由");
	if (!in->ground || !enums_valid(ES_SANCTION_GROUND, in->ground))
		return ps_fail_field(c->err, PS_EINVAL, "ground", "请选择依据");
	if (!in->decided_by || !*in->decided_by)
		return ps_fail(c->err, PS_EINVAL, "INVALID", "TEAM-SANCTION-KINDS",
			       "请填写作出决定的机关（派出所只登记有权机关的决定）");
	rc = date_field(c, in->decided_on, "decided_on");
	if (rc)
		return rc;
	measure = !strcmp(in->kind, "suspension") ? 1 : !strcmp(in->kind, "confinement") ? 2 : 0;
	rc = sanction_body_check(c, in, station, measure, &body);
	if (rc)
		return rc;
	if (measure) {
		int lo = dc->value[measure == 1 ? 0 : 2], hi = dc->value[measure == 1 ? 1 : 3];

		if (in->days < lo || in->days > hi)
			return ps_fail(c->err, PS_ERULE, "MEASURE_DAYS", dc->code, "%s的期限为%d日以上%d日以下",
				       enums_label(ES_SANCTION_KIND, in->kind), lo, hi);
		if (!in->start_on || !date_valid_str(in->start_on) || strcmp(in->start_on, in->decided_on) < 0)
			return ps_fail_field(c->err, PS_EINVAL, "start_on", "请填写开始日期（不早于决定日期）");
	}
	rows_binds(&q, c);
	rows_bind_int(&q, in->user_id);
	rows_bind_int(&q, station);
	rows_bind_text(&q, in->kind);
	rows_bind_text(&q, in->reason);
	rows_bind_text(&q, in->ground);
	rows_bind_text(&q, in->ground_ref);
	rows_bind_text(&q, in->decided_by);
	rows_bind_text(&q, in->decided_on);
	rows_bind_text(&q, measure ? in->start_on : NULL);
	if (measure)
		rows_bind_int(&q, in->days);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, body);
	rows_bind_text(&q, in->decision_doc);
	rc = rows_insert(&q,
			 "INSERT INTO sanction(user_id, station_id, kind, reason, ground, ground_ref, decided_by, decided_on,"
			 " start_on, days, recorded_by, recorded_at, decided_body, decision_doc)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "sanction.create", "user", arena_printf(c->arena, "%lld", (long long)in->user_id),
				 "success", enums_label(ES_SANCTION_KIND, in->kind));
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_one(&q, SANCTION_COLS " WHERE x.id = ?", &row);
	}
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "sanction", row);
	return *out ? PS_OK : NOMEM(c);
}

int rewards_of_officer(struct ctx *c, int64_t user_id, json_t **commendations, json_t **sanctions)
{
	struct rows_query q;
	int rc;

	*commendations = *sanctions = NULL;
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rc = rows_all(&q, AWARD_COLS " WHERE a.user_id = ? ORDER BY a.decided_on DESC, a.id DESC", commendations);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, user_id);
	rc = rows_all(&q, SANCTION_COLS " WHERE x.user_id = ? ORDER BY x.decided_on DESC, x.id DESC", sanctions);
	if (rc) {
		json_decref(*commendations);
		*commendations = NULL;
	}
	return rc;
}

int rewards_list(struct ctx *c, int64_t user_id, json_t **out)
{
	struct rows_query q;
	json_t *a = NULL, *s = NULL;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_DISCIPLINE_LIST);
	if (rc)
		return rc;
	/* an officer: his own only */
	if (ctx_has_role(c, "officer"))
		user_id = c->who.user_id;
	if (user_id) {
		rc = rows_check_unit(c, ACT_DISCIPLINE_LIST,
				     "SELECT o.path FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?", user_id,
				     "民警不存在");
		if (!rc)
			rc = rewards_of_officer(c, user_id, &a, &s);
	} else {
		rows_binds(&q, c);
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_all(&q, AWARD_COLS " WHERE s.path LIKE ? ORDER BY a.decided_on DESC, a.id DESC", &a);
		if (!rc) {
			rows_binds(&q, c);
			rows_bind_text(&q, ctx_scope_like(c));
			rc = rows_all(&q, SANCTION_COLS " WHERE s.path LIKE ? ORDER BY x.decided_on DESC, x.id DESC", &s);
		}
	}
	if (!rc)
		rc = audit_read_items(c, "discipline.list", "commendation", a, "id");
	if (!rc)
		rc = audit_read_items(c, "discipline.list", "sanction", s, "id");
	if (rc) {
		json_decref(a);
		json_decref(s);
		return rc;
	}
	*out = json_pack("{s:o, s:o}", "commendations", a, "sanctions", s);
	return *out ? PS_OK : NOMEM(c);
}

/* ---- TEAM-DC-APPEAL ---- */

struct sanction_row {
	int64_t id, user_id, days, appeal_at, appeal_decided_at;
	const char *kind, *start_on, *revoked_on, *path;
};

static int sanction_load(struct ctx *c, int64_t id, struct sanction_row *x)
{
	static const struct rows_col cols[] = {
		ROWS_INT(struct sanction_row, id),	 ROWS_INT(struct sanction_row, user_id),
		ROWS_INT(struct sanction_row, days),	 ROWS_INT(struct sanction_row, appeal_at),
		ROWS_INT(struct sanction_row, appeal_decided_at), ROWS_TEXT(struct sanction_row, kind),
		ROWS_TEXT(struct sanction_row, start_on), ROWS_TEXT(struct sanction_row, revoked_on),
		ROWS_TEXT(struct sanction_row, path),
	};
	struct rows_query q;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_struct(&q,
			 "SELECT x.id, x.user_id, x.days, x.appeal_at, x.appeal_decided_at, x.kind, x.start_on, x.revoked_on,"
			 " s.path FROM sanction x JOIN org_unit s ON s.id = x.station_id WHERE x.id = ?",
			 cols, sizeof(cols) / sizeof(cols[0]), x);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "惩处记录不存在");
	return rc;
}

static int sanction_answer(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *row;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, SANCTION_COLS " WHERE x.id = ?", &row);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "sanction", row);
	return *out ? PS_OK : NOMEM(c);
}

int rewards_appeal(struct ctx *c, int64_t sanction_id, const char *appeal_to, const char *reason, json_t **out)
{
	const char *oid = arena_printf(c->arena, "%lld", (long long)sanction_id);
	struct sanction_row x;
	struct rows_query q;
	int64_t today = date_local_days(c->now), from;
	int rc;

	*out = NULL;
	rc = sanction_load(c, sanction_id, &x);
	if (!rc)
		rc = authz_check(c, ACT_SANCTION_APPEAL, x.path, x.user_id, oid);
	if (rc)
		return rc;
	if (strcmp(x.kind, "suspension") != 0 && strcmp(x.kind, "confinement") != 0)
		return ps_fail(c->err, PS_ERULE, "APPEAL_NOT_MEASURE", "TEAM-DC-APPEAL",
			       "向上一级公安机关申诉只适用于停止执行职务、禁闭");
	from = day_num(x.start_on);
	if (x.revoked_on || today < from || today >= from + x.days)
		return ps_fail(c->err, PS_ERULE, "APPEAL_OUT_OF_TERM", "TEAM-DC-APPEAL", "申诉应在%s期间提出",
			       enums_label(ES_SANCTION_KIND, x.kind));
	if (x.appeal_at)
		return ps_fail(c->err, PS_ECONFLICT, "APPEAL_LODGED", NULL, "已经提出申诉");
	if (!appeal_to || !*appeal_to)
		return ps_fail_field(c->err, PS_EINVAL, "appeal_to", "请写明受理申诉的上一级公安机关");
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, appeal_to);
	rows_bind_text(&q, reason && *reason ? reason : NULL);
	rows_bind_int(&q, sanction_id);
	rc = rows_exec(&q,
		       "UPDATE sanction SET appeal_at = ?, appeal_to = ?, appeal_reason = ? WHERE id = ? AND appeal_at IS NULL",
		       NULL);
	if (!rc)
		rc = audit_write(c, "sanction.appeal", "sanction", oid, "success", appeal_to);
	return rc ? rc : sanction_answer(c, sanction_id, out);
}

int rewards_appeal_decide(struct ctx *c, int64_t sanction_id, int revoke, const char *note, const char *restoration,
			  json_t **out)
{
	const char *oid = arena_printf(c->arena, "%lld", (long long)sanction_id);
	struct sanction_row x;
	struct rows_query q;
	int rc;

	*out = NULL;
	rc = sanction_load(c, sanction_id, &x);
	if (!rc)
		rc = authz_check(c, ACT_DISCIPLINE_CREATE, x.path, 0, oid);
	if (rc)
		return rc;
	if (!x.appeal_at || x.appeal_decided_at)
		return ps_fail(c->err, PS_ECONFLICT, "BAD_TRANSITION", NULL, x.appeal_at ? "申诉已有决定" : "尚未提出申诉");
	if (!note || !*note)
		return ps_fail_field(c->err, PS_EINVAL, "note", "请写明上一级公安机关的决定");
	if (revoke && (!restoration || !*restoration))
		return ps_fail_field(c->err, PS_EINVAL, "restoration", "撤销的，请写明恢复名誉的方式");
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, revoke ? "revoked" : "upheld");
	rows_bind_text(&q, note);
	rows_bind_text(&q, revoke ? ctx_today_str(c) : NULL);
	rows_bind_text(&q, revoke ? restoration : NULL);
	rows_bind_int(&q, sanction_id);
	rc = rows_exec(&q,
		       "UPDATE sanction SET appeal_decided_at = ?, appeal_result = ?, appeal_note = ?, revoked_on = ?,"
		       " restoration = ? WHERE id = ? AND appeal_decided_at IS NULL",
		       NULL);
	if (!rc)
		rc = audit_write(c, revoke ? "sanction.revoke" : "sanction.uphold", "sanction", oid, "success", note);
	return rc ? rc : sanction_answer(c, sanction_id, out);
}

static int sanction_clock(struct clock_sink *k, json_t *r, void *arg)
{
	const struct rule *ap = rule_get(RULE_TEAM_DC_APPEAL);
	struct ctx *c = clocks_sink_ctx(k);
	int hours = !strcmp(row_str(r, "kind"), "confinement");
	int64_t start = row_int(r, "appeal_at");
	int64_t end = clock_deadline(clocks_sink_calendar(k), start, hours ? CLOCK_HOURS : CLOCK_DAYS,
				     ap->value[hours ? 1 : 0], 0);

	clocks_add(k, r, arena_printf(c->arena, "sanction:%lld:appeal", (long long)row_int(r, "id")), ap->code,
		   arena_printf(c->arena, "%s对%s的申诉待%s决定", row_str(r, "name"),
				enums_label(ES_SANCTION_KIND, row_str(r, "kind")), row_str(r, "appeal_to")),
		   start, end, hours ? CLOCK_HOURS : CLOCK_DAYS, 0, NULL, "登记上一级公安机关的申诉决定");
	(void)arg;
	return PS_OK;
}

int rewards_clocks(struct clock_sink *k, enum clock_scope s)
{
	const struct clock_scan d = {
		.sql = "SELECT x.id, x.kind, x.appeal_at, x.appeal_to, u.name, x.station_id AS unit_id, o.name AS unit_name"
		       " FROM sanction x JOIN users u ON u.id = x.user_id JOIN org_unit o ON o.id = x.station_id"
		       " WHERE x.appeal_at IS NOT NULL AND x.appeal_decided_at IS NULL AND o.path LIKE ?"
		       " AND (? = 0 OR x.user_id = ?) ORDER BY x.id",
		.binds = "lmm",
		.title_col = "name",
		.each = sanction_clock,
	};

	return clocks_scan(k, s, &d);
}
