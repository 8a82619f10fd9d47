/* case_flow.h — the case lifecycle as data (issue 3): which action moves a
 * case from which state to which, and which role may take it. The domain
 * layer (domain/cases.c) adds the preconditions that need data (officers,
 * notices, penalties) and cites their rules. Pure. */
#ifndef PS_RULES_CASE_FLOW_H
#define PS_RULES_CASE_FLOW_H

#include "core/rc.h"

/* States (police_case.status). */
#define CASE_ACCEPTED   "accepted"    /* 已受案 */
#define CASE_FILED      "filed"       /* 已立案，调查取证 */
#define CASE_DECLINED   "declined"    /* 不予立案 */
#define CASE_TRANSFERRED "transferred" /* 已移送 */
#define CASE_APPROVING  "approving"   /* 处理意见审批中 */
#define CASE_DECIDED    "decided"     /* 已决定，待送达 */
#define CASE_DELIVERED  "delivered"   /* 已送达，执行中 */
#define CASE_CLOSED     "closed"      /* 已结案 */
#define CASE_ARCHIVED   "archived"    /* 已归档 */
#define CASE_WITHDRAWN  "withdrawn"   /* 已撤销 */

/* Who may take an action (besides the preconditions in domain). */
enum flow_actor {
	FLOW_CASE_OFFICER,   /* a sworn case officer of the case (main or co) */
	FLOW_STATION_CHIEF,  /* chief of the handling station */
	FLOW_BUREAU_CHIEF,   /* chief at the county bureau (局领导) */
	FLOW_OFFICER_OR_CHIEF,
	FLOW_APPROVER,       /* the approver of the current approval step */
	FLOW_RECORDS,        /* clerk or archivist of the station */
	FLOW_STATION_LEGAL,  /* the legal reviewer (法制员) of the handling station */
};

struct flow_rule {
	const char *action;   /* "file", "decline", … */
	const char *from;     /* state, or "*" for any open state listed in from_any */
	const char *from2;    /* a second allowed state, or NULL */
	const char *to;       /* resulting state; NULL = decided by the domain */
	enum flow_actor actor;
	const char *rule;     /* rule id that names the step, or NULL */
	const char *label;    /* Chinese name of the action */
};

/* Every action (NULL-action terminated) and every state with its Chinese
 * label (NULL-state terminated). */
struct flow_state {
	const char *state, *label;
};
extern const struct flow_rule flow_rules[];
extern const struct flow_state flow_states[];

/* The row for action, or NULL when the action is unknown. */
const struct flow_rule *flow_find(const char *action);

/* PS_OK when action may be taken from state; else PS_ECONFLICT with code
 * "BAD_TRANSITION" and a Chinese message naming the state. */
int flow_check(const char *action, const char *state, struct ps_err *err);

/* Chinese label of a state ("已立案"); the code itself when unknown. */
const char *flow_state_label(const char *state);

/* 1 when a state is terminal (no further action but archive/none). */
int flow_state_closed(const char *state);

/* 1 when investigation records (interviews, notices, property, parties) may
 * still be added in this state. */
int flow_state_investigating(const char *state);

#endif
