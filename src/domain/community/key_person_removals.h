/* key_person_removals.h — 撤管: removing a key person from control is a
 * request with its reason, decided by the approver the county sets
 * (COM-ZD-REMOVE, setting community.removal_approver: the station's chief
 * by default, or a leader of the county bureau). The requester never
 * decides his own request; until the decision the person stays under
 * control at his level. Requests and decisions are kept as history. */
#ifndef PS_DOMAIN_KEY_PERSON_REMOVALS_H
#define PS_DOMAIN_KEY_PERSON_REMOVALS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* Ask to remove key person kp_id (his beat's officer or the chief). */
int key_person_removals_request(struct ctx *c, int64_t kp_id, const char *reason, json_t **out);

/* After a tenancy ended (退租, 人走): a key person listed for being a
 * key-layer tenant (source "tenant") who now holds no open key-layer
 * tenancy gets a removal request in the actor's name, for the approver to
 * decide (COM-ZD-REMOVE: until then he stays under control). Nothing when he
 * was listed by hand, is still such a tenant, or a request is pending. */
int key_person_removals_tenant_left(struct ctx *c, int64_t person_id);

/* The requests of the actor's scope, status "pending", "approved",
 * "rejected" or NULL (all), newest first; audited. */
int key_person_removals_list(struct ctx *c, const char *status, json_t **out);

/* Approve (the person is removed) or reject (note required). */
int key_person_removals_decide(struct ctx *c, int64_t id, int approve, const char *note, json_t **out);

/* The history of one key person (no audit: part of his detail). */
int key_person_removals_of(struct ctx *c, int64_t kp_id, json_t **out);

#endif
