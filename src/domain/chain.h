/* chain.h — the units above a unit and their kinds (org_unit), for the
 * permission check and the "bureau of" rules. */
#ifndef PS_DOMAIN_CHAIN_H
#define PS_DOMAIN_CHAIN_H

#include <stdint.h>

#include "domain/ctx.h"
#include "domain/org.h"

/* The units of path with their kinds, root first (kinds in c's arena). A
 * malformed path is PS_EINVAL; a unit missing from the tree has kind NULL. */
int chain_load(struct ctx *c, const char *path, struct org_chain *out);

/* The id of the 县局 of the unit of path (0 when none or on error): the
 * bureau at any depth, with or without a 市局 above it. */
int64_t chain_bureau_of(struct ctx *c, const char *path);

#endif
