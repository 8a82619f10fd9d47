#include "domain/authz.h"
#include "domain/chain.h"
#include "domain/enums.h"
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
#define ACTION(name, wire, label, object, roles, scope, flags) \
	[ACT_##name] = { ACT_##name, wire, label, object, roles, scope, flags },
#include "domain/authz.def"
#include "collected/authz.inc" /* the areas' rows: src/domain/<area>/authz.def */
#undef ACTION
};

#undef B
#undef S

/* THE role table, in the order of the bits of enum authz_role: the code
 * kept in users.role and the Chinese name every screen shows (the web reads
 * it from GET /catalog). */
static const struct {
	const char *code, *label;
} roles[] = {
	{ "admin", "系统管理员" },   { "auditor", "安全审计员" },
	{ "dispatcher", "接警员" },  { "supervisor", "督察" },
	{ "chief", "单位领导" },     { "officer", "民警" },
	{ "legal", "法制员" },       { "clerk", "内勤" },
	{ "auxiliary", "辅警" },     { "archivist", "档案管理员" },
};
#define NROLES (sizeof(roles) / sizeof(roles[0]))

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
	for (unsigned i = 0; i < NROLES; i++)
		if (strcmp(role, roles[i].code) == 0)
			return 1u << i;
	return 0;
}

const char *authz_role_label(const char *role)
{
	unsigned bit = authz_role_bit(role);

	for (unsigned i = 0; i < NROLES; i++)
		if (bit == 1u << i)
			return roles[i].label;
	return role;
}

const char *authz_role_title(const char *role, const char *unit_kind)
{
	if (!role || strcmp(role, "chief") != 0)
		return authz_role_label(role);
	/* a 派出所 (or its 警务室) has a 所长; a bureau, brigade or centre a 局领导 */
	return enums_label(ES_ROLE_TITLE, unit_kind && (!strcmp(unit_kind, "station") || !strcmp(unit_kind, "post"))
						  ? "chief.station"
						  : "chief.bureau");
}

int authz_role_sworn(const char *role)
{
	return (authz_role_bit(role) & SWORN) != 0;
}

json_t *authz_roles_json(void)
{
	json_t *a = json_array();

	for (unsigned i = 0; a && i < NROLES; i++)
		if (json_array_append_new(a, json_pack("{s:s, s:s, s:b}", "value", roles[i].code, "label",
						       roles[i].label, "sworn",
						       (SWORN & (1u << i)) != 0))) {
			json_decref(a);
			return NULL;
		}
	return a;
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
