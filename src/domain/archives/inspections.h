/* inspections.h — 网上巡查 (issue 15): the 督察 or 法制 samples decided cases
 * of a station at random, lists findings to rectify with a deadline (the
 * SUP-INSPECT clock warns on the unanswered ones), and the station's chief
 * answers each finding. */
#ifndef PS_DOMAIN_INSPECTIONS_H
#define PS_DOMAIN_INSPECTIONS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct clock_sink;
enum clock_scope;

/* Start an inspection of station_id (a 派出所 of the actor's scope;
 * INSPECTION_CREATE): a random sample of at most sample of its cases that
 * were decided (决定, 送达, 结案, 归档), answers due by the end of the day
 * deadline_days from today (0 = the setting inspection.answer_days).
 * *out = {"inspection":{…}} as inspections_get. */
int inspections_create(struct ctx *c, int64_t station_id, const char *title, int64_t sample,
		       int64_t deadline_days, json_t **out);

/* A finding on a sampled case (INSPECTION_CREATE on the station). */
int inspections_finding(struct ctx *c, int64_t id, int64_t case_id, const char *finding, json_t **out);

/* The station's chief answers finding id (its own station only). */
int inspections_answer(struct ctx *c, int64_t finding_id, const char *answer, json_t **out);

/* Inspections of the scope with their open and answered findings. */
int inspections_list(struct ctx *c, json_t **out);

/* One inspection: its sample, findings and what the actor may do. */
int inspections_get(struct ctx *c, int64_t id, json_t **out);

/* Clock source: each unanswered finding runs to its inspection's deadline. */
int inspections_clocks(struct clock_sink *k, enum clock_scope s);

#endif
