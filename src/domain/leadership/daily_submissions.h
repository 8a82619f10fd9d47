/* daily_submissions.h — 逐级上报 (issue 17): each station submits the day's
 * report (its row of the 警务动态日报: cases, incidents, tasks, leaders'
 * assigned work and its completion) with a note; the bureau sees them summed
 * with the stations still missing and the leaders' 阅示 of the day. */
#ifndef PS_DOMAIN_DAILY_SUBMISSIONS_H
#define PS_DOMAIN_DAILY_SUBMISSIONS_H

#include <jansson.h>

#include "domain/ctx.h"

/* The actor's station submits day ymd (today or a past day, once). */
int daily_submissions_submit(struct ctx *c, const char *ymd, const char *note, json_t **out);

/* {"date","submissions":[…],"missing":[…],"totals":{…},"instructions":[…]} */
int daily_submissions_summary(struct ctx *c, const char *ymd, json_t **out);

#endif
