/* catalog.h — the rule catalog and the tables the web shows (measure kinds
 * and tiers, case states and actions, warning levels, offences) as one
 * JSON document: GET /api/v1/catalog, and its public part without login
 * (GET /api/v1/catalog/public: the rules in plain words, case states). The
 * web keeps no copy of any of them. */
#ifndef PS_DOMAIN_CATALOG_H
#define PS_DOMAIN_CATALOG_H

#include <jansson.h>

#include "domain/ctx.h"

/* The whole catalog: {"rules":[…], "measure_kinds":[…], "measure_tiers":[…],
 * "milestones":[…], "approvers":[…], "case_states":[…], "case_actions":[…],
 * "warning_levels":[…], "offences":[…]}. *out is a new reference owned by
 * the caller; on failure NULL and PS_ENOMEM in c->err. */
int catalog_full(struct ctx *c, json_t **out);

/* The public part: the rules (labels, plain words, articles, figures; no
 * internal notes) and the case states. Same ownership and failure. */
int catalog_public(struct ctx *c, json_t **out);

#endif
