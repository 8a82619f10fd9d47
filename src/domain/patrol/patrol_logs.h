/* patrol_logs.h — 巡逻记录 filed from a phone: start and end, team and
 * members, area or route, the duties done (PAT-PATROL-DUTIES), findings,
 * the persons and vehicles checked (盘查, PAT-PATROL-POWERS: each person
 * compared with the wanted list; a hit registers a 巡逻盘查 incident of the
 * station for the dispatch board and, when the person is registered, a
 * comparison hit for the 签收—核查—反馈 steps), and the arrests in the act
 * (抓现行) linked to the incident and case they produced. */
#ifndef PS_DOMAIN_PATROL_LOGS_H
#define PS_DOMAIN_PATROL_LOGS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct patrol_log_input {
	int64_t team_id, plan_id, beat_id, grid_id, started_at, ended_at;
	const char *route, *mode, *findings;
	json_t *duties;  /* ["order", …] (enum patrol_duty) */
	json_t *members; /* [{user_id} | {name}] or NULL: the actor */
	json_t *checks;  /* [{kind: person|vehicle, id_number?, name?, plate?}] */
	json_t *arrests; /* [{person_name, offence, officer_id?, arrested_at?, incident_id?, case_id?}] */
};

struct patrol_log_filter {
	int64_t unit_id, team_id, incident_id, case_id;
	const char *from, *to; /* YYYY-MM-DD, inclusive */
};

/* File a log in the actor's station: {"log":{…},"hits":N}. */
int patrol_logs_create(struct ctx *c, const struct patrol_log_input *in, json_t **out);

/* The logs of a station, newest first (at most 200), with members, checks
 * (ID numbers masked) and arrests; incident_id/case_id give the logs whose
 * arrests produced that incident or case (the link back). */
int patrol_logs_list(struct ctx *c, const struct patrol_log_filter *f, json_t **out);

/* Link an arrest to the incident and/or case it produced (later, when
 * they exist): {"arrest":{…}}. */
int patrol_logs_link_arrest(struct ctx *c, int64_t arrest_id, int64_t incident_id, int64_t case_id, json_t **out);

#endif
