/* recusals.h — 回避 (issue 15; ADM-RECUSAL, CRIM-RECUSAL): the record of an
 * officer's recusal from a case — declared by himself, requested by a
 * party, or ordered — and the chief's decision; a granted recusal keeps
 * him off the case on every path that assigns a handler or an approver. */
#ifndef PS_DOMAIN_RECUSALS_H
#define PS_DOMAIN_RECUSALS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct recusal_in {
	int64_t user_id;
	const char *origin, *ground, *requester, *reason;
};

/* The recusals of a case, {"items":[…]} (read audited). */
int recusals_list(struct ctx *c, int64_t case_id, json_t **out);

/* Record one; the officer must be a user of the case's unit tree; one
 * pending or granted recusal per officer and case. */
int recusals_create(struct ctx *c, int64_t case_id, const struct recusal_in *in, json_t **out);

/* The chief's decision: grant or refuse, with a note. Not by the recused
 * officer himself; a station chief's own recusal is decided above the
 * station. A granted recusal of a co-officer or assistant takes him off the
 * case (its timeline says so); the main officer's is refused until another
 * main officer exists (there is no such path yet: see the note). */
int recusals_decide(struct ctx *c, int64_t id, int grant, const char *note, json_t **out);

/* PS_OK, or PS_ECONFLICT "RECUSED" with ADM-RECUSAL / CRIM-RECUSAL when
 * user_id has a granted recusal from case_id (what: "办案人" / "审批人"). */
int recusals_check(struct ctx *c, int64_t case_id, int64_t user_id, const char *what);

#endif
