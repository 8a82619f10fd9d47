/* population_summary.h — the 一标三实 figures of a station. */
#ifndef PS_DOMAIN_POPULATION_SUMMARY_H
#define PS_DOMAIN_POPULATION_SUMMARY_H

#include <jansson.h>

#include "domain/ctx.h"

/* The station page figures: residents by kind, rentals by level and overdue
 * visits, 比对率 (compared among tenants, temporary and floating persons)
 * with the ones not compared and why, 发函率 (control-layer floating persons
 * with a letter), overdue letters and employer reports, open hits. */
int population_summary(struct ctx *c, json_t **out);

#endif
