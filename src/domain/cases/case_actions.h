/* case_actions.h — moving a case through its lifecycle (rules/case_flow.h)
 * with the preconditions that need data, and the approval chain
 * (ADM-STATION-POWER, ADM-LEGAL-REVIEW). */
#ifndef PS_DOMAIN_CASE_ACTIONS_H
#define PS_DOMAIN_CASE_ACTIONS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct case_row;

struct action_input {
	const char *reason;       /* decline, withdraw, close */
	const char *transfer_to;  /* transfer */
	const char *opinion;      /* approve / reject */
	const char *agreement;    /* mediate: the agreement text */
	const char *recording_id; /* deliver / mediate with one officer (ADM-AUX-SOLO) */
	const char *collective;   /* the last approval of a complex case: the record of
				   * the collective discussion (ADM-COLLECTIVE) */
	const char *facts;        /* submit: the established facts of the 呈请报告 (the
				   * officer's opinion is `opinion`) */
	int64_t acted_at;         /* 补录: the real time of the step */
	int has_acted_at;
};

/* Take action on case id. PS_ECONFLICT BAD_TRANSITION for a wrong state,
 * PS_ERULE with the rule id for a refused precondition, PS_EFORBIDDEN for
 * the wrong person. On success the case file is in *out. */
int case_actions_run(struct ctx *c, int64_t id, const char *action,
		 const struct action_input *in, json_t **out);

/* The approval steps waiting for the actor: {"items":[…],"total":N}. */
int case_actions_inbox(struct ctx *c, json_t **out);

/* The flow actions the actor may take on case k now (its state allows them
 * and the flow's actor rule holds; approval steps excluded: the inbox says
 * those), as a JSON array of names: the case's may.actions. NULL on OOM. */
json_t *case_actions_allowed(struct ctx *c, const struct case_row *k);

/* Issue a numbered document of kind for the case (受案登记表, 回执, …);
 * *out = {"document":{"id","kind","doc_no"}}. Kinds and their preconditions
 * are in notices.c, property.c and documents.c. */

#endif
