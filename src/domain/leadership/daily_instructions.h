/* daily_instructions.h — 阅示 (issue 17): a bureau leader reads the summed
 * day's report and writes an instruction that goes back to the stations as
 * 领导交办 tasks (source "instruction"). */
#ifndef PS_DOMAIN_DAILY_INSTRUCTIONS_H
#define PS_DOMAIN_DAILY_INSTRUCTIONS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* stations: JSON array of station ids, NULL or empty = every station of the
 * bureau. {"instruction":{…,"task_ids":[…]}} */
int daily_instructions_create(struct ctx *c, const char *ymd, const char *text, const char *leader_name,
			      int64_t deadline, json_t *stations, json_t **out);

#endif
