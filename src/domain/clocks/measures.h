/* measures.h — coercive measures on a case party and their clocks; breach
 * answers; case-limit extensions and pauses (issue 4). */
#ifndef PS_DOMAIN_MEASURES_H
#define PS_DOMAIN_MEASURES_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct measure_input {
	int64_t party_id;
	const char *kind, *tier, *reason;
	int days;                  /* 行政拘留 */
	int special_person;        /* CQ-SPECIAL */
	int64_t started_at;        /* 到案; default now */
	int has_started;
	int64_t previous_id;       /* the measure this follows (next measure / transfer) */
};

/* Start a measure (case officer; a tier that needs an approver is started
 * or approved by that chief). Checks: the tier exists under the law of the
 * start date (ADM-SUMMON-12H), a reason where required, CQ-SPECIAL. *out =
 * {"measure":{…}}. */
int measures_start(struct ctx *c, int64_t case_id, const struct measure_input *in, json_t **out);

/* Extend a running measure to tier (CQ-12-24-48: step by step, before the
 * end, approved by the right chief). */
int measures_extend(struct ctx *c, int64_t id, const char *to_tier, const char *reason,
		    json_t **out);

/* Record a milestone (kss, family, question) at `at`, or a family-notice
 * exception. */
int measures_milestone(struct ctx *c, int64_t id, const char *key, int64_t at,
		       const char *exception, json_t **out);

/* End a measure (release / next measure). A measure ended after its end is
 * recorded as a breach at once. */
int measures_end(struct ctx *c, int64_t id, const char *reason, json_t **out);

/* Measures of a case, or the active ones in the user's scope when case_id
 * is 0: {"items":[…]}. */
int measures_list(struct ctx *c, int64_t case_id, int active_only, json_t **out);

/* Recorded breaches in the user's scope: {"items":[…],"total"}. */
int breaches_list(struct ctx *c, int open_only, json_t **out);

/* Answer a breach: release (ends the measure), next_measure, extension or
 * explanation, with text. Case officers or the station chief. */
int breaches_answer(struct ctx *c, int64_t id, const char *kind, const char *text,
		    json_t **out);

/* ADM-CASE-30D: +30 days approved by the county bureau's chief; at most two
 * from 2026 (ZA2025 Art 118), one before. */
int cases_extend_limit(struct ctx *c, int64_t case_id, const char *reason, json_t **out);

/* 鉴定 / 听证 time is not counted: start or end a pause. */
int cases_pause(struct ctx *c, int64_t case_id, const char *kind, json_t **out);
int cases_resume(struct ctx *c, int64_t case_id, json_t **out);

#endif
