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
	int oral_summons;          /* 口头传唤 of a person found on the spot (ADM-SUMMON-APPROVAL) */
	/* 补录: a measure handled on paper is entered with its real end too */
	int64_t ended_at;
	int has_ended;
	const char *end_reason;
};

/* One measure as decisions read it. */
struct measure_tier;
struct measure_row {
	int64_t id, case_id, party_id, started_at;
	const char *kind, *tier;     /* arena */
	int days;                    /* 行政拘留 days, 0 otherwise */
	int active;                  /* status 'active' */
	const struct measure_tier *t; /* its catalog tier (NULL if unknown) */
};

/* Load measure id (no permission check: the caller loads its case).
 * PS_ENOTFOUND "NOT_FOUND" when there is none. */
int measures_load(struct ctx *c, int64_t id, struct measure_row *m);

/* CQ-SPECIAL from the records: *special = 1 when the party is registered
 * pregnant or nursing, or is under 16 or 70 and over on y-m-d (catalog
 * ages). PS_ENOTFOUND when the party does not exist. */
int measures_party_special(struct ctx *c, int64_t party_id, int y, int m, int d, int *special);

/* Rule, not a permission (the law names the approver): may the actor
 * approve a tier whose approver is `who` ("station_chief", "bureau_chief",
 * "county_duty_chief", "procuratorate" or NULL) for case k? */
struct case_row;
int measures_may_approve(struct ctx *c, const struct case_row *k, const char *who);

/* May the actor take, extend or end measures in case k: its officers, or a
 * chief who approves at station level. Also the case's `may.measures`. */
int measures_may_act(struct ctx *c, const struct case_row *k);

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





#endif
