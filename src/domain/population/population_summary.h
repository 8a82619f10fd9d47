/* population_summary.h — the 一标三实 figures of a station. */
#ifndef PS_DOMAIN_POPULATION_SUMMARY_H
#define PS_DOMAIN_POPULATION_SUMMARY_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* The station page figures: residents by kind, rentals by level and overdue
 * visits, 比对率 (compared among tenants, temporary and floating persons)
 * with the ones not compared and why, 发函率 (control-layer floating persons
 * with a letter), overdue letters and employer reports, open hits. */
int population_summary(struct ctx *c, json_t **out);

/* 比对率 of the units whose path is LIKE like: *due (tenants, temporary and
 * floating residents), *compared (of them compared, at registration or by
 * a whole-registry run since); with not_compared, the ones not compared
 * and why (at most 200). Also a 考核 source (assessment.c). Unaudited: the
 * caller audits what it shows. */
int population_summary_comparison(struct ctx *c, const char *like, int64_t *due, int64_t *compared,
				  json_t **not_compared);

#endif
