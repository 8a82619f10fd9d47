/* case_limits.h — the 治安 case limit (ADM-CASE-30D) of a case: extend it
 * (county bureau, while it runs, at most as many times as the law of the
 * acceptance allows) and pause / resume it for 鉴定 and 听证. */
#ifndef PS_DOMAIN_CASE_LIMITS_H
#define PS_DOMAIN_CASE_LIMITS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct case_row;

/* ADM-CASE-30D: +30 days approved by the county bureau's chief; at most two
 * from 2026 (ZA2025 Art 118), one before. */
/* May the actor extend the 办案期限 of case k: an admin case, and a chief of
 * its county bureau (ADM-CASE-30D). Also the case's `may.extend_limit`. */
int case_limits_may_extend(struct ctx *c, const struct case_row *k);

int case_limits_extend(struct ctx *c, int64_t case_id, const char *reason, json_t **out);

/* 鉴定 / 听证 time is not counted: start or end a pause. */
int case_limits_pause(struct ctx *c, int64_t case_id, const char *kind, json_t **out);
int case_limits_resume(struct ctx *c, int64_t case_id, json_t **out);

#endif
