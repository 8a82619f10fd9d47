/* patrol_teams.h — 巡逻队: police, auxiliary and volunteer teams (低保人员
 * 巡逻队, 治保会, 单位保卫, 治安积极分子) of a station, with the community
 * committee they are organised with, leader, contact and members (users
 * of the station for police and auxiliary teams, named persons for the
 * volunteers). PAT-PATROL-ORG. */
#ifndef PS_DOMAIN_PATROL_TEAMS_H
#define PS_DOMAIN_PATROL_TEAMS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct patrol_team_input {
	const char *name, *kind, *committee, *leader, *contact;
	json_t *members; /* [{user_id} | {name, phone?}] or NULL (update: unchanged) */
	int active, has_active;
};

/* The teams of a station (unit 0: the actor's) with members and their
 * figures this week: {"items":[…]}. */
int patrol_teams_list(struct ctx *c, int64_t unit_id, json_t **out);

/* Create in the actor's station: {"team":{…}}. */
int patrol_teams_create(struct ctx *c, const struct patrol_team_input *in, json_t **out);

/* Change (a NULL field stays); members, when given, replace the list. */
int patrol_teams_update(struct ctx *c, int64_t id, const struct patrol_team_input *in, json_t **out);

#endif
