/* reviews.h — 案件质量考评 (issue 15, SUP-KP-ITEMS): the legal reviewer scores
 * a closed case on the checklist of the setting review.items ("key:名称:分值"
 * entries, the weights summing to the full score), the system pre-filling
 * the deductions it can see — BREACHes of the case's clocks (受案及时, 时限遵守,
 * 涉案财物规范), documents missing from the file (文书规范, archives.h), late
 * filing to the archive (时限遵守), no evidence behind a penalty (证据) — so
 * the reviewer confirms rather than hunts. Scores roll up per officer (the
 * case's main and co officers) and per station. */
#ifndef PS_DOMAIN_REVIEWS_H
#define PS_DOMAIN_REVIEWS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* The checklist of case_id with the system's deductions, for the reviewer
 * (CASE_REVIEW_CREATE on the case's unit; the case closed or archived):
 * {"case_id","case_no","title","max_score","score","reviewed":bool,
 *  "items":[{"key","label","weight","deduct","note","system"}]}. */
int reviews_draft(struct ctx *c, int64_t case_id, json_t **out);

/* Record the review of case_id: items (borrowed JSON array of {"key",
 * "deduct","note"}; an item left out keeps the system's deduction), each
 * deduction 0..its weight; comment optional. One review per case (409
 * ALREADY_REVIEWED). *out = {"review":{…}} with the score. */
int reviews_create(struct ctx *c, int64_t case_id, json_t *items, const char *comment, json_t **out);

/* Reviews of the actor's scope, newest first: {"items":[…],"total":N}. */
int reviews_list(struct ctx *c, int64_t page, int64_t per_page, json_t **out);

/* Scores rolled up: {"officers":[{"user_id","name","unit_name","cases",
 * "avg_score"}],"stations":[{"unit_id","name","cases","avg_score"}]};
 * avg_score has one decimal (x10 rounded half up, as a number). */
int reviews_summary(struct ctx *c, json_t **out);

#endif
