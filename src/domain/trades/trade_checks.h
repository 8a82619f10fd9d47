/* trade_checks.h — what every register a special trade keeps for the police
 * shares (hotel guests, scrap purchases, seal orders, pawn tickets): the
 * open business of the right kind, a refusal naming its rule, the wanted
 * list and the 警情 a report or a hit opens at once. */
#ifndef PS_DOMAIN_TRADE_CHECKS_H
#define PS_DOMAIN_TRADE_CHECKS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/authz.h"
#include "domain/ctx.h"

/* A refusal by a rule of the law, naming the field (PS_ERULE). */
int trade_checks_refuse(struct ctx *c, const char *rule, const char *field, const char *msg);

/* The trade unit exists in the actor's scope with action act (403/404
 * otherwise) and is an open special trade of kind; *station and *name (in
 * the arena) are the unit's. not_kind is the refusal's message. */
int trade_checks_unit(struct ctx *c, enum authz_act act, int64_t unit_id, const char *kind, const char *not_kind,
		      int64_t *station, const char **name);

/* The active wanted person with this ID number: *w = {id, name, case_desc}
 * or NULL when there is none. */
int trade_checks_wanted(struct ctx *c, const char *id_number, json_t **w);

/* Open a 警情 for the station at the business (reported at once). */
int trade_checks_incident(struct ctx *c, const char *place, int64_t station, const char *summary,
			  int64_t *incident_id);

#endif
