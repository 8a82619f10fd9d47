/* incident_categories.h — the 警情类别 table (code, name, parent, initials,
 * whether a violation happened, whether it is 可防性). */
#ifndef PS_DOMAIN_INCIDENT_CATEGORIES_H
#define PS_DOMAIN_INCIDENT_CATEGORIES_H

#include <jansson.h>
#include <stddef.h>

#include "domain/ctx.h"

/* The category table: {"items":[{"code","name","parent","initials","violation","preventable"}]}. */
int incident_categories_list(struct ctx *c, json_t **out);

/* Load the category CSV (seed). */
int incident_categories_seed(struct ctx *c, const char *csv, size_t len);

/* Load data/incident-category-offences.csv (category,offence) into
 * incident_category_offence: the 案由 an incident's category prefills (issue 17). */
int incident_categories_seed_offences(struct ctx *c, const char *csv, size_t len);

/* The 警情类别 → 案由 table for the administrator (settings.list): every
 * sub-category with its 案由 or null: {"items":[{code, name, parent,
 * violation, offence_code, offence_name}]}. */
int incident_categories_offences(struct ctx *c, json_t **out);

/* Set (offence "OF-…") or clear (NULL or "") the 案由 of a sub-category
 * (settings.put), audited with the old and the new code. */
int incident_categories_offence_put(struct ctx *c, const char *category, const char *offence, json_t **out);

#endif
