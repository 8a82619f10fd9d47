/* compounds.h — 安全小区 (issue 16, part B). A compound (小区) is a named set
 * of buildings of one community of the station's standard addresses (its
 * addresses: same station, community = the compound's, building one of its
 * buildings). Its 防范 measures; an assessment against the county's criteria
 * (COM-SAFE-AREA: settings safe_area.*) opens or closes a dated designation
 * period, so "designated on day D" is answerable for any D. */
#ifndef PS_DOMAIN_COMPOUNDS_H
#define PS_DOMAIN_COMPOUNDS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct compound_input {
	const char *name, *community, *measures;
	json_t *buildings; /* array of building names of the community */
	int64_t buildings_total, buildings_covered, guards;
	int access_control, patrol;
};

int compounds_create(struct ctx *c, const struct compound_input *in, json_t **out);

/* The compounds of the actor's scope with households, residents and whether
 * designated on as_of (NULL = today); figures.designated counts them.
 * Audited. */
int compounds_list(struct ctx *c, const char *as_of, json_t **out);

/* One compound with its buildings, assessments and designation history. */
int compounds_get(struct ctx *c, int64_t id, json_t **out);

/* Assess on assessed_on (not before the last assessment, not after today):
 * burglaries (incidents of the categories of safe_area.burglary_categories
 * whose place names the compound) in the safe_area.no_burglary_months before
 * it, video coverage of the buildings, patrol; met opens a designation
 * from that day, not met closes an open one on that day. */
int compounds_assess(struct ctx *c, int64_t id, const char *assessed_on, json_t **out);

#endif
