/* breach_officers.h — who answers for a BREACH: the officers responsible
 * for the step that was late, kept with the breach when it is recorded
 * (SUP-GC-LIFETIME: responsibility follows the person, not the chair). */
#ifndef PS_DOMAIN_BREACH_OFFICERS_H
#define PS_DOMAIN_BREACH_OFFICERS_H

#include <jansson.h>

#include "domain/ctx.h"

/* The officers responsible for the late step of breach row b (columns id,
 * clock_key, case_id, unit_id): those recorded with it; for a breach
 * recorded before they were kept, a case's clock → its main and co
 * officers, a complaint's or appeal's clock → the chiefs of the station.
 * A new array of {user_id, name, badge_no}; NULL on error (c->err set). */
json_t *breach_officers_of(struct ctx *c, json_t *b);

/* Keep with the breach of clock key who answers for it now (called where
 * a breach is recorded): they answer for it wherever they go. */
int breach_officers_record(struct ctx *c, const char *key);

#endif
