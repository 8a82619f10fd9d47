/* key_person_cycles.h — the contact cycle of a key person's control level
 * (COM-ZD-LIST): a county setting per level, community.contact_days_strict /
 * normal / watch, which may differ per station. No national figure was
 * found, so a new county has none (0): until it sets a level's cycle nobody
 * is listed at that level or moved to it. */
#ifndef PS_DOMAIN_KEY_PERSON_CYCLES_H
#define PS_DOMAIN_KEY_PERSON_CYCLES_H

#include <stdint.h>

#include "domain/ctx.h"

/* The cycle in days of level at station_id; 0 while not set. */
int64_t key_person_cycles_days(struct ctx *c, const char *level, int64_t station_id);

/* 409 CONTACT_CYCLE_UNSET (rule COM-ZD-LIST) unless level has a cycle at
 * station_id. */
int key_person_cycles_check(struct ctx *c, const char *level, int64_t station_id);

#endif
