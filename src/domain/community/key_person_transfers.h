/* key_person_transfers.h — 重点人员移交: a key person who moves is sent to the
 * receiving station through a 函查 letter; both stations see the transfer
 * pending until the receiver acknowledges, and the person then belongs to
 * it (his open tenancies and 居住登记 at the old station end that day). */
#ifndef PS_DOMAIN_KEY_PERSON_TRANSFERS_H
#define PS_DOMAIN_KEY_PERSON_TRANSFERS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

/* Send key person id to another station with the reason; answers him. */
int key_person_transfers_create(struct ctx *c, int64_t id, int64_t to_station_id, const char *reason, json_t **out);

/* The transfers in and out of the actor's scope; audited. */
int key_person_transfers_list(struct ctx *c, json_t **out);

/* The receiving station takes him over; answers him. */
int key_person_transfers_acknowledge(struct ctx *c, int64_t transfer_id, json_t **out);

#endif
