/* incident_steps.h — the timeline of an incident after its intake
 * (incidents.h): 派警, 签收 / 到场 / 结束, 出警人员, 处警反馈, 回告. Each
 * answers the incident as incidents_write does, into the object w has
 * open (w NULL: the step alone, as the demo's seed takes it). 出警 figures and arrival
 * targets: domain/incidents/response_times.h. */
#ifndef PS_DOMAIN_INCIDENT_STEPS_H
#define PS_DOMAIN_INCIDENT_STEPS_H

#include <jansson.h>
#include <stdint.h>

#include "core/jw.h"
#include "domain/ctx.h"

/* 派警: to a station (and officers of it). Dispatcher/supervisor, or the
 * station's chief within the station. */
int incident_steps_dispatch(struct ctx *c, int64_t id, int64_t station_id, const int64_t *officers,
			    int nofficers, struct jw *w);

/* 签收, 到场, 结束 by the station. */
int incident_steps_record(struct ctx *c, int64_t id, const char *step, struct jw *w);

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
int incident_steps_feedback(struct ctx *c, int64_t id, const struct incident_feedback *fb,
			    struct jw *w);

/* 出警人员 (issue 17): the officers (of the station) and vehicles sent, and
 * when they arrived (0: now); the first arrival is the incident's 到场. */
struct incident_responders {
	const int64_t *officers;
	int nofficers;
	const char *const *vehicles;
	int nvehicles;
	int64_t arrived_at;
};
int incident_steps_responders(struct ctx *c, int64_t id, const struct incident_responders *in,
			      struct jw *w);

/* 回告: the callback to the caller, with its result. */
int incident_steps_callback(struct ctx *c, int64_t id, const char *result, struct jw *w);

#endif
