/* key_person_listings.h — 列管: putting a person under control as a key
 * person is asked by his beat's officer with category, reason, level and
 * plan, and decided by the approver the county sets (COM-ZD-ENLIST, setting
 * community.listing_approver: the station's chief by default — whose own
 * listing takes effect at once — or a leader of the county bureau). Until
 * approved the person is not under control: no contact cycle, not in
 * 见面率. The requester never decides his own request; requests and
 * decisions are kept as history. Key tenants are listed by rule
 * (key_persons_from_tenancy), without a request. */
#ifndef PS_DOMAIN_KEY_PERSON_LISTINGS_H
#define PS_DOMAIN_KEY_PERSON_LISTINGS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/community/key_persons.h"
#include "domain/ctx.h"

/* List a person (POST /key-persons): the checks of key_persons_check_input,
 * then 409 LISTING_PENDING when a request for him waits. When the actor is
 * the approver the person is listed at once and *out is {"key_person"};
 * otherwise a request is filed and *out is {"listing"} (status pending).
 * Audited either way; on failure nothing is written. */
int key_person_listings_create(struct ctx *c, const struct key_person_input *in, json_t **out);

/* The requests of the actor's scope, status "pending", "approved",
 * "rejected" or NULL (all), newest first, with "approver"; audited
 * (COM-ZD-INTERNAL). */
int key_person_listings_list(struct ctx *c, const char *status, json_t **out);

/* Approve (the person is listed from the day asked — his contact cycle
 * counts from it) or reject (note required). Only the approver of the setting, never
 * the requester (403, audited). */
int key_person_listings_decide(struct ctx *c, int64_t id, int approve, const char *note, json_t **out);

/* The today page and 待办 of the approver (TODAY_SOURCE): one row per
 * request waiting for him (kind key_person_listing). */
int key_person_listings_today(struct ctx *c, json_t *items);

/* Whether the actor lists at once (the approver) or must ask. */
int key_person_listings_actor_approves(struct ctx *c, int64_t station);

#endif
