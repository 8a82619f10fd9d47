/* oversight.h — 案件督办: a supervised task with a deadline on an incident or
 * a case; the station signs for it and answers, the one who set it accepts
 * the answer or returns it; overdue ones are listed. */
#ifndef PS_DOMAIN_OVERSIGHT_H
#define PS_DOMAIN_OVERSIGHT_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* Open a task (supervisor or dispatcher). object_type: incident | case. */
int oversight_create(struct ctx *c, const char *object_type, int64_t object_id,
		     const char *instructions, int64_t deadline, json_t **out);

/* Sign for it / answer it (the station's chief or officers). */
int oversight_sign(struct ctx *c, int64_t id, json_t **out);
int oversight_answer(struct ctx *c, int64_t id, const char *answer, json_t **out);

/* Accept the answer (the task is done) or return it with a note (the
 * station answers again): the supervisor or the desk over the station,
 * never the station itself. */
int oversight_review(struct ctx *c, int64_t id, int accept, const char *note, json_t **out);

/* Tasks of the scope, open (not yet accepted) first; overdue flagged. */
int oversight_list(struct ctx *c, int open_only, json_t **out);

#endif
