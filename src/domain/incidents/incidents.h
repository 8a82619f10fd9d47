/* incidents.h — 110 接处警: incident intake with duplicate detection, the
 * timeline 接警 → 派警 → 签收 → 到场 → 处置/反馈 → 结束, callbacks (回告),
 * conversion to a case in one step, the dispatch board (issue 5). */
#ifndef PS_DOMAIN_INCIDENTS_H
#define PS_DOMAIN_INCIDENTS_H

#include <jansson.h>
#include <stdint.h>

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
};

struct incident_filter {
	const char *status, *category, *q;
	int64_t station_id, from, to;
	int active;             /* not closed */
	int64_t page, per_page;
};

/* Register a call. When other incidents at the same place came in within
 * the duplicate window and neither duplicate_of nor not_duplicate is given,
 * nothing is written and *out = {"duplicate_candidates":[…]} (the caller
 * answers 409). A duplicate is stored linked and closed, never counted. */
int incidents_create(struct ctx *c, const struct incident_input *in, json_t **out);

int incidents_list(struct ctx *c, const struct incident_filter *f, json_t **out);

/* One incident with its timeline, officers, response times; audited. */
int incidents_get(struct ctx *c, int64_t id, json_t **out);

/* 派警: to a station (and officers of it). Dispatcher/supervisor, or the
 * station's chief within the station. */
int incidents_dispatch(struct ctx *c, int64_t id, int64_t station_id, const int64_t *officers,
		       int nofficers, json_t **out);

/* 签收, 到场, 结束 by the station. */
int incidents_step(struct ctx *c, int64_t id, const char *step, json_t **out);

struct incident_feedback {
	const char *outcome, *text;
	/* for admin_case / criminal_case: the case made in the same step */
	const char *title, *offence_code, *act_date;
	int64_t co_officer_id;
	/* SUP-ECON: why an economic dispute becomes a case; SUP-JURIS-ADM: the
	 * ground for an act outside the station's area */
	const char *econ_reason, *jurisdiction_basis, *jurisdiction_reason;
};

/* 处警反馈: the outcome; a case outcome registers the case at once (one
 * number runs from incident to case). */
int incidents_feedback(struct ctx *c, int64_t id, const struct incident_feedback *fb,
		       json_t **out);

/* 出警人员 (issue 17): the officers (of the station) and vehicles sent, and
 * when they arrived (0: now); the first arrival is the incident's 到场. */
struct incident_responders {
	const int64_t *officers;
	int nofficers;
	const char *const *vehicles;
	int nvehicles;
	int64_t arrived_at;
};
int incidents_responders(struct ctx *c, int64_t id, const struct incident_responders *in,
			 json_t **out);

/* 出警 figures and arrival targets: domain/incidents/response_times.h. */

/* 回告: the callback to the caller, with its result. */
int incidents_callback(struct ctx *c, int64_t id, const char *result, json_t **out);

/* The dispatch board: open incidents of the scope with their state and
 * elapsed times, and each station's current incidents (incidents_board.c). */
int incidents_board(struct ctx *c, json_t **out);

/* The rule a missing or empty request field breaks (the request tables
 * refuse it before the domain sees it): form "create" — source, place,
 * category, summary: PAT-110-RECORD; "feedback" — text: PAT-RESCUE; NULL
 * for any other. */
const char *incidents_field_rule(const char *form, const char *field);

#endif
