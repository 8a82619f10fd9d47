#include "domain/authz.h"
#include "domain/chain.h"
#include "domain/org.h"

#include <string.h>

/* Role sets used by several rows. */
#define BIZ (R_ANY & ~(R_ADMIN | R_AUDITOR)) /* every business role */
#define STATION_WORKERS (R_OFFICER | R_CHIEF | R_AUXILIARY | R_CLERK)
#define REPORT_READERS (R_SUPERVISOR | R_DISPATCHER | R_CHIEF | R_LEGAL)
#define SWORN (R_OFFICER | R_CHIEF | R_LEGAL)

#define B AUTHZ_BUSINESS
#define S AUTHZ_STATION_STAFF

/* THE table: action → roles → scope. Rows in the order of enum authz_act
 * (checked at start-up by authz_action and in tests/unit/test_authz.c). */
static const struct authz_action table[ACT_COUNT_] = {
	/* system administration: the admin; the audit log: the auditor */
	{ ACT_USER_LIST, "user.list", "查看用户", NULL, R_ADMIN, AUTHZ_SYSTEM, 0 },
	{ ACT_USER_CREATE, "user.create", "创建用户", NULL, R_ADMIN, AUTHZ_SYSTEM, 0 },
	{ ACT_USER_UPDATE, "user.update", "修改用户", NULL, R_ADMIN, AUTHZ_SYSTEM, 0 },
	{ ACT_USER_LOCK, "user.lock", "锁定用户", NULL, R_ADMIN, AUTHZ_SYSTEM, 0 },
	{ ACT_USER_UNLOCK, "user.unlock", "解锁用户", NULL, R_ADMIN, AUTHZ_SYSTEM, 0 },
	{ ACT_USER_PASSWORD_RESET, "user.password_reset", "重置密码", NULL, R_ADMIN, AUTHZ_SYSTEM, 0 },
	/* the tree itself is not personal data: every logged-in user */
	{ ACT_UNIT_LIST, "unit.list", "查看机构", NULL, R_ANY, AUTHZ_SYSTEM, 0 },
	{ ACT_UNIT_CREATE, "unit.create", "新建机构", NULL, R_ADMIN, AUTHZ_SYSTEM, 0 },
	{ ACT_UNIT_UPDATE, "unit.update", "修改机构", NULL, R_ADMIN, AUTHZ_SYSTEM, 0 },
	{ ACT_SETTINGS_LIST, "settings.list", "查看系统设置", NULL, R_ADMIN, AUTHZ_SYSTEM, 0 },
	{ ACT_SETTINGS_PUT, "settings.put", "修改系统设置", NULL, R_ADMIN, AUTHZ_SYSTEM, 0 },
	/* the calendar counts every legal period: every logged-in user reads it */
	{ ACT_HOLIDAY_LIST, "holiday.list", "查看节假日", NULL, R_ANY, AUTHZ_SYSTEM, 0 },
	{ ACT_HOLIDAY_PUT, "holiday.put", "维护节假日", NULL, R_ADMIN, AUTHZ_SYSTEM, 0 },
	{ ACT_AUDIT_LIST, "audit.list", "查看审计日志", NULL, R_AUDITOR, AUTHZ_SYSTEM, 0 },
	{ ACT_AUDIT_VERIFY, "audit.verify", "校验审计链", NULL, R_AUDITOR, AUTHZ_SYSTEM, 0 },

	/* cases: what a user may do on one case beyond reading it (being one of
	 * its officers, the station's chief …) are rules of the case, decided
	 * in cases.c, case_actions.c, case_records.c, measures.c */
	{ ACT_CASE_LIST, "case.list", "查看案件", "case", BIZ, AUTHZ_UNIT, B },
	{ ACT_CASE_READ, "case.read", "查看案件", "case", BIZ, AUTHZ_UNIT, B },
	{ ACT_CASE_CREATE, "case.create", "受案登记", "case", R_OFFICER | R_CHIEF, AUTHZ_UNIT, B | S },
	{ ACT_COLLEAGUE_LIST, "colleague.list", "查看本单位民警", "user", BIZ, AUTHZ_UNIT, B },
	{ ACT_APPROVAL_LIST, "approval.list", "审批", "approval", R_CHIEF | R_LEGAL, AUTHZ_UNIT, B },
	{ ACT_WARNING_LIST, "warning.list", "查看执法预警", "warning", BIZ, AUTHZ_UNIT, B },
	{ ACT_BREACH_LIST, "breach.list", "查看执法监督记录", "breach", BIZ, AUTHZ_UNIT, B },
	{ ACT_MEASURE_LIST, "measure.list", "查看强制措施", "measure", BIZ, AUTHZ_UNIT, B },
	{ ACT_CUSTODY_BOARD, "custody.board", "查看办案区", "custody", BIZ, AUTHZ_UNIT, B },
	{ ACT_CUSTODY_UPDATE, "custody.update", "操作办案区登记", "case", SWORN | R_AUXILIARY, AUTHZ_UNIT, B },

	/* 110: the desk (dispatcher, supervisor) and the stations */
	{ ACT_INCIDENT_CREATE, "incident.create", "接警登记", "incident",
	  R_DISPATCHER | R_SUPERVISOR | R_OFFICER | R_CHIEF | R_AUXILIARY, AUTHZ_UNIT, B },
	{ ACT_INCIDENT_LIST, "incident.list", "查看警情", "incident", BIZ, AUTHZ_UNIT, B },
	{ ACT_INCIDENT_READ, "incident.read", "查看警情", "incident", BIZ, AUTHZ_UNIT, B },
	{ ACT_INCIDENT_BOARD, "incident.board", "查看警情看板", "incident", BIZ, AUTHZ_UNIT, B },
	/* the desk anywhere; a chief only for an incident given to the station
	 * (that assignment is a rule of incidents.c) */
	{ ACT_INCIDENT_DISPATCH, "incident.dispatch", "派警", "incident",
	  R_DISPATCHER | R_SUPERVISOR | R_CHIEF, AUTHZ_UNIT, B },
	{ ACT_INCIDENT_FEEDBACK, "incident.feedback", "反馈处警结果", "incident",
	  R_OFFICER | R_CHIEF, AUTHZ_UNIT, B },
	{ ACT_OVERSIGHT_LIST, "oversight.list", "查看督办", "oversight", BIZ, AUTHZ_UNIT, B },
	{ ACT_OVERSIGHT_CREATE, "oversight.create", "督办", "oversight",
	  R_SUPERVISOR | R_DISPATCHER, AUTHZ_UNIT, B },
	{ ACT_OVERSIGHT_UPDATE, "oversight.update", "签收、答复督办", "oversight",
	  R_CHIEF | R_OFFICER, AUTHZ_UNIT, B },
	{ ACT_REPORT_DAILY, "report.daily", "查看警务动态日报", NULL, REPORT_READERS, AUTHZ_UNIT, B },
	{ ACT_REPORT_STATS, "report.stats", "查看统计分析", NULL, REPORT_READERS, AUTHZ_UNIT, B },

	/* 一标三实: station staff register, every business role reads its unit */
	{ ACT_POPULATION_SUMMARY, "population.summary", "查看一标三实看板", "person", BIZ, AUTHZ_UNIT, B },
	{ ACT_ADDRESS_LIST, "address.list", "查看标准地址", "address", BIZ, AUTHZ_UNIT, B },
	{ ACT_ADDRESS_CREATE, "address.create", "登记标准地址", "address", STATION_WORKERS, AUTHZ_UNIT, B | S },
	{ ACT_PERSON_SEARCH, "person.search", "查询实有人口", "person", BIZ, AUTHZ_UNIT, B },
	{ ACT_PERSON_READ, "person.read", "查看实有人口", "person", BIZ, AUTHZ_UNIT, B },
	{ ACT_PERSON_REGISTER, "person.register", "登记实有人口", "person", STATION_WORKERS, AUTHZ_UNIT, B | S },
	{ ACT_PERSON_IMPORT, "person.import", "批量导入", "person", STATION_WORKERS, AUTHZ_UNIT, B | S },
	{ ACT_RENTAL_LIST, "rental.list", "查看出租房屋", "rental", BIZ, AUTHZ_UNIT, B },
	{ ACT_RENTAL_READ, "rental.read", "查看出租房屋", "rental", BIZ, AUTHZ_UNIT, B },
	{ ACT_RENTAL_CREATE, "rental.create", "登记出租房屋", "rental", STATION_WORKERS, AUTHZ_UNIT, B | S },
	{ ACT_RENTAL_VISIT, "rental.visit", "登记走访", "rental", STATION_WORKERS, AUTHZ_UNIT, B | S },
	{ ACT_RENTAL_LINK_CASE, "rental.link_case", "关联案件", "rental", STATION_WORKERS, AUTHZ_UNIT, B | S },
	{ ACT_TENANCY_CREATE, "tenancy.create", "登记承租人", "tenancy", STATION_WORKERS, AUTHZ_UNIT, B | S },
	{ ACT_TENANCY_END, "tenancy.end", "登记退租", "tenancy", STATION_WORKERS, AUTHZ_UNIT, B | S },
	{ ACT_FLOATING_REGISTER, "floating.register", "登记流动人口", "person", STATION_WORKERS, AUTHZ_UNIT, B | S },
	{ ACT_EMPLOYER_LIST, "employer.list", "查看用工单位", "employer", BIZ, AUTHZ_UNIT, B },
	{ ACT_EMPLOYER_CREATE, "employer.create", "登记用工单位", "employer", STATION_WORKERS, AUTHZ_UNIT, B | S },
	{ ACT_EMPLOYER_REPORT, "employer.report", "登记用工报告", "employer", STATION_WORKERS, AUTHZ_UNIT, B | S },
	/* the wanted list is the county's, kept by supervisors, chiefs, legal */
	{ ACT_WANTED_LIST, "wanted.list", "查看在逃人员名单", "wanted_person", BIZ, AUTHZ_UNIT, B },
	{ ACT_WANTED_PUT, "wanted.put", "维护在逃人员名单", "wanted_person",
	  R_SUPERVISOR | R_CHIEF | R_LEGAL, AUTHZ_UNIT, B },
	{ ACT_WANTED_IMPORT, "wanted.import", "导入在逃人员名单", "wanted_person",
	  R_SUPERVISOR | R_CHIEF | R_LEGAL, AUTHZ_UNIT, B },
	{ ACT_HIT_LIST, "hit.list", "查看比对命中", "comparison_hit", BIZ, AUTHZ_UNIT, B },
	{ ACT_HIT_UPDATE, "hit.update", "签收、核查比对命中", "comparison_hit", R_OFFICER | R_CHIEF, AUTHZ_UNIT, B },
	{ ACT_LETTER_LIST, "letter.list", "查看函查", "inquiry_letter", BIZ, AUTHZ_UNIT, B },
	{ ACT_LETTER_CREATE, "letter.create", "发函", "inquiry_letter",
	  R_OFFICER | R_CHIEF | R_CLERK, AUTHZ_UNIT, B | S },
	{ ACT_LETTER_ANSWER, "letter.answer", "登记回函", "inquiry_letter",
	  R_OFFICER | R_CHIEF | R_CLERK, AUTHZ_UNIT, B },
};

#undef B
#undef S

static const char *const role_names[] = { "admin", "auditor", "dispatcher", "supervisor", "chief",
					  "officer", "legal", "clerk", "auxiliary", "archivist" };

const struct authz_action *authz_action(enum authz_act a)
{
	if ((unsigned)a >= ACT_COUNT_ || table[a].act != a)
		return NULL;
	return &table[a];
}

unsigned authz_role_bit(const char *role)
{
	if (!role)
		return 0;
	for (unsigned i = 0; i < sizeof(role_names) / sizeof(role_names[0]); i++)
		if (strcmp(role, role_names[i]) == 0)
			return 1u << i;
	return 0;
}

const char *authz_scope_name(enum authz_scope s)
{
	switch (s) {
	case AUTHZ_SYSTEM: return "system";
	case AUTHZ_OWN: return "own";
	case AUTHZ_UNIT: return "unit";
	case AUTHZ_BUREAU: return "bureau";
	case AUTHZ_CITY: return "city";
	}
	return "system";
}

/* The roles of a row with the 三权分立 rule applied: business data is
 * never the administrator's or the auditor's. */
static unsigned effective_roles(const struct authz_action *x)
{
	return (x->flags & AUTHZ_BUSINESS) ? x->roles & ~(unsigned)(R_ADMIN | R_AUDITOR) : x->roles;
}

int authz_role_may(const char *role, enum authz_act a)
{
	const struct authz_action *x = authz_action(a);

	return x && (effective_roles(x) & authz_role_bit(role)) != 0;
}

int authz_allowed(const struct ctx *c, enum authz_act a)
{
	const struct authz_action *x = authz_action(a);

	if (!x || !authz_role_may(c->who.role, a))
		return 0;
	return !(x->flags & AUTHZ_STATION_STAFF) || c->who.station_id != 0;
}

/* The path of the actor's unit of a kind ("bureau", "city") into buf. */
static int actor_reach(struct ctx *c, const char *kind, char *buf, unsigned n)
{
	struct org_chain ch;

	if (chain_load(c, c->who.unit_path, &ch))
		return -1;
	return org_path_to(&ch, org_kind_of(&ch, kind), buf, n);
}

static int within_scope(struct ctx *c, const struct authz_action *x, const char *unit_path,
			int64_t owner_id)
{
	char reach[256];

	switch (x->scope) {
	case AUTHZ_SYSTEM:
		return 1;
	case AUTHZ_OWN:
		return owner_id == c->who.user_id && ctx_unit_visible(c, unit_path);
	case AUTHZ_UNIT:
		return ctx_unit_visible(c, unit_path);
	case AUTHZ_BUREAU:
		return actor_reach(c, "bureau", reach, sizeof(reach)) == 0 &&
		       org_is_within(unit_path, reach);
	case AUTHZ_CITY:
		return actor_reach(c, "city", reach, sizeof(reach)) == 0 &&
		       org_is_within(unit_path, reach);
	}
	return 0;
}

int authz_check(struct ctx *c, enum authz_act a, const char *unit_path, int64_t owner_id,
		const char *object_id)
{
	const struct authz_action *x = authz_action(a);
	unsigned bit;

	if (!x)
		return ctx_deny(c, "authz.unknown", NULL, NULL, "无权进行此操作");
	bit = authz_role_bit(c->who.role);
	if ((x->flags & AUTHZ_BUSINESS) && (bit & (R_ADMIN | R_AUDITOR)))
		return ctx_deny(c, x->name, x->object_type, object_id,
				arena_printf(c->arena, "系统管理员和审计员不能%s（三权分立）", x->label));
	if (!(effective_roles(x) & bit))
		return ctx_deny(c, x->name, object_id ? x->object_type : NULL, object_id,
				arena_printf(c->arena, "当前角色无权%s", x->label));
	if ((x->flags & AUTHZ_STATION_STAFF) && !c->who.station_id)
		return ctx_deny(c, x->name, object_id ? x->object_type : NULL, object_id,
				arena_printf(c->arena, "只有派出所人员可以%s", x->label));
	if (unit_path && !within_scope(c, x, unit_path, owner_id))
		return ctx_deny(c, x->name, x->object_type, object_id,
				arena_printf(c->arena, "无权%s：不属于本单位", x->label));
	return PS_OK;
}

json_t *authz_me_json(const struct ctx *c)
{
	json_t *arr = json_array();

	for (int a = 0; arr && a < ACT_COUNT_; a++) {
		if (!authz_allowed(c, (enum authz_act)a))
			continue;
		if (json_array_append_new(arr, json_pack("{s:s, s:s}", "action", table[a].name, "scope",
							 authz_scope_name(table[a].scope)))) {
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}
