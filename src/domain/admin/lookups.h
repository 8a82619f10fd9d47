/* lookups.h — small read-only lists the forms need: the colleagues of the
 * user's station, and the offence table with its tiers. */
#ifndef PS_DOMAIN_LOOKUPS_H
#define PS_DOMAIN_LOOKUPS_H

#include <jansson.h>

#include "domain/ctx.h"

/* Sworn officers, chiefs, legal officers and auxiliaries of the user's
 * station (and its posts), active only: {"items":[…]}. */
int lookups_colleagues(struct ctx *c, json_t **out);

/* The offence table (common ones first), filtered by q on code or name:
 * {"items":[{"code","name","common","onspot_excluded","tiers":[…]}]}. */
int lookups_offences(struct ctx *c, const char *q, json_t **out);

#endif
