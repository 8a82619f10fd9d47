/* employer_meetings.h — 用工单位例会: the station's meetings with the employers
 * of floating workers, each employer's attendance, commendation or penalty. */
#ifndef PS_DOMAIN_EMPLOYER_MEETINGS_H
#define PS_DOMAIN_EMPLOYER_MEETINGS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* A meeting on held_on about topic; items: [{"employer_id","outcome","note"?}]
 * (outcome of enum meeting_outcome; employers of the actor's station, each
 * once). Answers the meeting with its items. */
int employer_meetings_create(struct ctx *c, const char *held_on, const char *topic, const char *notes, json_t *items,
			     json_t **out);

/* The meetings of the actor's scope, newest first, with their items (audited). */
int employer_meetings_list(struct ctx *c, json_t **out);

#endif
