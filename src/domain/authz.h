/* authz.h — who may do what, where: the one action table (DESIGN §2).
 *
 * Each action names the roles that may perform it and how far it reaches
 * (its scope). Every permission decision of domain/ goes through
 * authz_check; GET /api/v1/me lists the actions of the user (authz_me_json)
 * and the web derives its menus and buttons from that list; the
 * authorisation matrix test (tests/api/api_authz_matrix.c) checks the
 * answers of every route against a table written by hand.
 *
 * 三权分立 (separation of duties) is written once, here: an action marked
 * AUTHZ_BUSINESS touches case, person, incident or population data, and
 * admin and auditor never get it whatever its role list says; the auditor
 * gets nothing but the audit log. authz.c is SQL-free.
 *
 * Adding an action: one enum value below, one row in the table of authz.c
 * (same order), a call authz_check(c, ACT_…, …) where it is decided, and a
 * row per route in the matrix test. */
#ifndef PS_DOMAIN_AUTHZ_H
#define PS_DOMAIN_AUTHZ_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* Roles as bits (users.role). */
enum authz_role {
	R_ADMIN = 1u << 0,
	R_AUDITOR = 1u << 1,
	R_DISPATCHER = 1u << 2,
	R_SUPERVISOR = 1u << 3,
	R_CHIEF = 1u << 4,
	R_OFFICER = 1u << 5,
	R_LEGAL = 1u << 6,
	R_CLERK = 1u << 7,
	R_AUXILIARY = 1u << 8,
	R_ARCHIVIST = 1u << 9,
};

#define R_ANY 0x3ffu /* every logged-in role */

/* How far an action reaches from the actor's unit, for a record that has a
 * unit (and maybe an owner). */
enum authz_scope {
	AUTHZ_SYSTEM, /* no record unit: system-wide (accounts, settings, audit) or
		       * a list that the query itself limits to the actor's unit */
	AUTHZ_OWN,    /* the actor's own record (owner = the actor), in the unit */
	AUTHZ_UNIT,   /* the actor's station (a 警务室 works its station's), or for
		       * county-level staff the subtree of their own unit */
	AUTHZ_BUREAU, /* the 县局 the actor belongs to, all of it */
	AUTHZ_CITY,   /* the 市局 the actor belongs to, all of it */
};

/* Flags of an action. */
#define AUTHZ_BUSINESS 1u     /* business data: never admin or auditor */
#define AUTHZ_STATION_STAFF 2u /* only staff of a 派出所 (or its 警务室) */

/* The actions. The order is the order of the table in authz.c. */
enum authz_act {
#define ACTION(name, ...) ACT_##name,
#include "domain/authz.def"
#include "collected/authz.inc" /* the areas' rows: src/domain/<area>/authz.def */
#undef ACTION
	ACT_COUNT_
};

struct authz_action {
	enum authz_act act;
	const char *name;        /* "case.read": the wire name and the audited action */
	const char *label;       /* Chinese, for messages: "查看案件" */
	const char *object_type; /* audit object type of a refusal, or NULL */
	unsigned roles;          /* R_… bits */
	enum authz_scope scope;
	unsigned flags;          /* AUTHZ_… */
};

/* The row of an action (never NULL for a valid act). */
const struct authz_action *authz_action(enum authz_act a);

/* The role bit of a role name; 0 when unknown (or NULL). */
unsigned authz_role_bit(const char *role);

/* The Chinese name of a role ("民警"); role itself when unknown. */
const char *authz_role_label(const char *role);
/* The title a user is shown: the role's label, the chief's by unit kind
 * (所长 of a station or post, 局领导 above; enums ROLE_TITLE). */
const char *authz_role_title(const char *role, const char *unit_kind);

/* 1 for a sworn police role (人民警察: officer, chief, legal), which the
 * two-officer rules count; 0 for auxiliaries and the rest. */
int authz_role_sworn(const char *role);

/* The same roles as an SQL list, for a query that counts sworn users
 * (users.role IN AUTHZ_SWORN_SQL); test_authz checks it against the role
 * table. */
#define AUTHZ_SWORN_SQL "('officer','chief','legal')"

/* The role table as [{value, label, sworn}] for GET /catalog; NULL on OOM. */
json_t *authz_roles_json(void);

/* The scope's wire name: "system", "own", "unit", "bureau", "city". */
const char *authz_scope_name(enum authz_scope s);

/* 1 when a user of this role may perform the action somewhere (the role
 * list with the 三权分立 rule applied; no unit, no audit). */
int authz_role_may(const char *role, enum authz_act a);

/* 1 when the actor may perform the action at all (role, separation of
 * duties, station staff); no audit. */
int authz_allowed(const struct ctx *c, enum authz_act a);

/* The one check. Refuses (ctx_deny: an audit row "denied" written after the
 * rollback, PS_EFORBIDDEN with a Chinese message) unless the actor's role
 * may perform the action and, when unit_path is not NULL, the record of
 * that unit (and owner, 0 = none) is within the action's scope from the
 * actor. object_id names the record in the audit row (may be NULL). */
int authz_check(struct ctx *c, enum authz_act a, const char *unit_path, int64_t owner_id,
		const char *object_id);

/* Role-only form of authz_check (no record). */
#define authz_require(c, a) authz_check((c), (a), NULL, 0, NULL)

/* The actions the actor may perform: [{"action":"case.read","scope":"unit"}, …]
 * in table order; NULL without memory. */
json_t *authz_me_json(const struct ctx *c);

#endif
