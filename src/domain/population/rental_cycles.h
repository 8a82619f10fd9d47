/* rental_cycles.h — a change of a visit cycle setting (rental.visit_days_*)
 * re-dates the rentals it applies to: their maintained visit_due_day
 * (migration 025) is visit_base_day + the new cycle, so the lists and the
 * 走访逾期 counts read by index stay right (issue 14). The setting's value
 * at each station comes through a function of the settings module, passed
 * in (the settings module calls this one; this one does not include it). */
#ifndef PS_DOMAIN_RENTAL_CYCLES_H
#define PS_DOMAIN_RENTAL_CYCLES_H

#include <stdint.h>

#include "domain/ctx.h"

typedef int64_t (*rental_cycle_fn)(struct ctx *c, const char *key, int64_t unit_id);

/* 1 when key is one of the visit cycle settings. */
int rental_cycles_is_key(const char *key);

/* For every station with rentals: visit_due_day = visit_base_day +
 * cycle(c, key, station) for the rentals of the key's level. */
int rental_cycles_apply(struct ctx *c, const char *key, rental_cycle_fn cycle);

#endif
