/* monitors.h — 警风警纪监督员 (issue 18, part 3): the outside supervisors a
 * station appoints (name, unit, contact, term), their visits and opinions,
 * and the station's answers, due within the setting monitor.answer_days
 * (no national figure); an unanswered opinion past its day is on the 预警
 * board (monitors_clocks). */
#ifndef PS_DOMAIN_MONITORS_H
#define PS_DOMAIN_MONITORS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/clocks/clocks.h"
#include "domain/ctx.h"

struct monitor_input {
	const char *name, *unit, *contact, *term_from, *term_to;
};
int monitor_create(struct ctx *c, const struct monitor_input *in, json_t **out);

/* {"items":[monitors with visits, open]} of the actor's unit. Audited. */
int monitors_list(struct ctx *c, json_t **out);

/* A visit of monitor id on visited_on with the opinion. */
int monitor_visit_create(struct ctx *c, int64_t id, const char *visited_on, const char *opinion, json_t **out);

/* The station's answer to visit id. */
int monitor_visit_answer(struct ctx *c, int64_t visit_id, const char *answer, json_t **out);

/* clock source: opinions not answered yet */
int monitors_clocks(struct clock_sink *k, enum clock_scope s);

#endif
