/* incidents.h — 110 接处警: incident intake with duplicate detection, the
 * timeline 接警 → 派警 → 签收 → 到场 → 处置/反馈 → 结束, callbacks (回告),
 * conversion to a case in one step, the dispatch board (issue 5). */
#ifndef PS_DOMAIN_INCIDENTS_H
#define PS_DOMAIN_INCIDENTS_H

#include <jansson.h>
#include <stdint.h>

#include "core/jw.h"
#include "domain/ctx.h"

struct incident_input {
	int64_t received_at;
	int has_received;
	const char *source, *caller_name, *caller_phone, *place, *community, *category, *summary;
	int confidential, priority;
	double lat, lng;
	int has_coords;
	int64_t station_id;     /* dispatch at once (optional) */
	int64_t duplicate_of;   /* link as 同一警情 */
	int not_duplicate;      /* the desk confirmed it is a new incident */
	int forwarded;          /* a report a special trade's register sends
				 * (trade_checks_incident): the 警情 is station_id's,
				 * the business's station, whoever records it */
};

struct incident_filter {
	const char *status, *category, *q;
	int64_t station_id, from, to;
	int active;             /* not closed */
	int64_t page, per_page;
};

/* Register a call: *new_id is the new incident's. When other incidents at
 * the same place came in within the duplicate window and neither
 * duplicate_of nor not_duplicate is given, nothing is written, *new_id is
 * 0 and *dups = {"duplicate_candidates":[…]} (the caller answers 409). A
 * duplicate is stored linked and closed, never counted. */
int incidents_create(struct ctx *c, const struct incident_input *in, json_t **dups, int64_t *new_id);

/* A page of incidents in the caller's scope, written into the object w has
 * open: "items", "total", "total_capped" (rows_page_write); audited. */
int incidents_list(struct ctx *c, const struct incident_filter *f, struct jw *w);

/* The most an incident's record may take when it is written only to be
 * checked (incidents_check_read): its timeline grows with its steps, a few
 * KB; the API's answers have the same bound. */
#define INCIDENT_RECORD_MAX (64u << 20)

/* One incident with its timeline, officers, response times, written as
 * "incident":{…} into the object w has open; audited. 404 when there is
 * none, 403 (audited) when it is another unit's. */
int incidents_write(struct ctx *c, int64_t id, struct jw *w);

/* incidents_write's check alone (its refusal and its audit row), the
 * record written nowhere: linking a duplicate, a step on an incident the
 * caller cannot see. */
int incidents_check_read(struct ctx *c, int64_t id);

/* The steps after the intake (派警, 签收 / 到场 / 结束, 出警人员, 反馈, 回告):
 * domain/incidents/incident_steps.h. */

/* The dispatch board: open incidents of the scope with their state and
 * elapsed times, and each station's current incidents (incidents_board.c). */
int incidents_board(struct ctx *c, json_t **out);

/* The rule a missing or empty request field breaks (the request tables
 * refuse it before the domain sees it): form "create" — source, place,
 * category, summary: PAT-110-RECORD; "feedback" — text: PAT-RESCUE; NULL
 * for any other. */
const char *incidents_field_rule(const char *form, const char *field);

/* Inside the area (incident_steps.c): one incident_event row of the
 * timeline (detail may be NULL); 1 for the 110 desk (dispatcher,
 * supervisor: a business rule, not a permission — it sees confidential
 * incidents and dispatches to any station). */
int incidents_event(struct ctx *c, int64_t id, const char *action, const char *detail);
int incidents_is_desk(struct ctx *c);

#endif
