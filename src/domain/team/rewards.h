/* rewards.h — 奖惩 (issue 18, part 3): commendations (奖励, TEAM-AWARD-KINDS,
 * limited by TEAM-AWARD-LIMITS, approved at the level of TEAM-AWARD-AUTH)
 * and sanctions (惩处: 行政处分 of TEAM-SANCTION-KINDS, 通报批评, and the
 * measures 停止执行职务 / 禁闭 within TEAM-DC-SUSPEND), each with its ground
 * (the assessment, a 执法过错 finding, the patrol score …), the body that
 * decided and when. The station records the competent body's decision; it
 * does not decide (TEAM-SANCTION-WHO). The officer's record shows them. */
#ifndef PS_DOMAIN_REWARDS_H
#define PS_DOMAIN_REWARDS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/clocks/clocks.h"
#include "domain/ctx.h"

struct reward_award_input {
	int64_t user_id;
	const char *grade, *deed, *ground, *ground_ref, *body_level, *decided_by, *decided_on, *exception;
	const char *posted_from; /* TEAM-AWARD-PUBLIC: first day of the public posting (三等功 and above) */
};
int reward_award_create(struct ctx *c, const struct reward_award_input *in, json_t **out);

struct reward_sanction_input {
	int64_t user_id, days;
	const char *kind, *reason, *ground, *ground_ref, *decided_by, *decided_on, *start_on;
	/* TEAM-SANCTION-WHO: enum sanction_body (NULL: 督察机构 for a measure,
	 * 派出所 for a 通报批评; required for a 处分) and the decision's number */
	const char *decided_body, *decision_doc;
};
int reward_sanction_create(struct ctx *c, const struct reward_sanction_input *in, json_t **out);

/* {"commendations":[…],"sanctions":[…]} of the actor's unit (an officer:
 * his own), user_id narrows to one officer. Audited. */
int rewards_list(struct ctx *c, int64_t user_id, json_t **out);

/* The commendations and sanctions of one officer (for the officer's
 * record; the caller checked the access and audits the read). */
int rewards_of_officer(struct ctx *c, int64_t user_id, json_t **commendations, json_t **sanctions);

/* TEAM-DC-APPEAL: the officer appeals his 停止执行职务 or 禁闭 to the
 * next-higher 公安机关 while it runs (the measure goes on); the decision is
 * recorded by a chief or 督察 (discipline.create): upheld, or revoked with
 * the restoration of his reputation (the revoked measure no longer bars an
 * award). */
int rewards_appeal(struct ctx *c, int64_t sanction_id, const char *appeal_to, const char *reason, json_t **out);
int rewards_appeal_decide(struct ctx *c, int64_t sanction_id, int revoke, const char *note, const char *restoration,
			  json_t **out);

/* clock source: appeal decisions due (5 days / 24 hours) */
int rewards_clocks(struct clock_sink *k, enum clock_scope s);

#endif
