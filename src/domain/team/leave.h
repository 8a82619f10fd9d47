/* leave.h — 请假/销假 (issue 18, part 1; TEAM-ROSTER-LEAVE [U]): a request
 * (kind, from..to, reason) → approval by the station's chief, or by the
 * county's leadership (a chief of the bureau) for a station chief's own
 * leave → leave → 销假 (return). An approved leave whose last day has
 * passed without a return is overdue: a clock (warning board) and an item
 * of the applicant's and the chief's today list. Days per officer per year. */
#ifndef PS_DOMAIN_LEAVE_H
#define PS_DOMAIN_LEAVE_H

#include <jansson.h>
#include <stdint.h>

#include "domain/clocks/clocks.h"
#include "domain/ctx.h"

int leave_create(struct ctx *c, const char *kind, const char *from_on, const char *to_on, const char *reason,
		 json_t **out);

/* The actor's own requests; for a chief or the personnel role also the
 * unit's; status filter (NULL = all); year (0 = this year) for the days
 * per officer. */
int leave_list(struct ctx *c, const char *status, int64_t year, json_t **out);

/* approve (1) or refuse (0) a pending request, with a note. */
int leave_decide(struct ctx *c, int64_t id, int approve, const char *note, json_t **out);

/* 销假: the applicant (or the approver's side) records the return day. */
int leave_return(struct ctx *c, int64_t id, const char *returned_on, json_t **out);

/* overdue returns: a clock source */
int leave_clocks(struct clock_sink *k, enum clock_scope s);

/* today_sources: pending approvals (the approver) and overdue returns (the
 * applicant and the approver) */
int leave_today(struct ctx *c, json_t *items);

/* 九好 请假销假好: of the leaves of the station's staff (its 警务室 too)
 * approved and ending in from_on..to_on (exclusive) before today, *due;
 * of them with the return recorded by the end of the day after the last
 * day of leave, *on_time. */
int leave_return_figures(struct ctx *c, int64_t station_id, const char *from_on, const char *to_on, int64_t *on_time,
			 int64_t *due);

#endif
