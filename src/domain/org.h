/* org.h — the org tree read from paths. A unit's path lists the ids from
 * the root down to the unit itself: '/1/3/7/' is unit 7 under 3 under 1.
 * Kinds (city, bureau, center, brigade, station, post) are not in the path;
 * helpers that need them take an org_chain, the units of one path with
 * their kinds (units_chain in units.h loads it). Pure: no SQL, no
 * allocation, tested in tests/unit/test_org.c. */
#ifndef PS_DOMAIN_ORG_H
#define PS_DOMAIN_ORG_H

#include <stdint.h>

#define ORG_MAX_DEPTH 8

/* The units of one path, root first; kind[i] may be NULL when unknown. */
struct org_chain {
	int n;
	int64_t id[ORG_MAX_DEPTH];
	const char *kind[ORG_MAX_DEPTH];
};

/* Parse '/1/3/7/' into ids (kinds NULL). 0, or -1 when the path is not a
 * well-formed path of at most ORG_MAX_DEPTH positive ids. */
int org_parse(const char *path, struct org_chain *out);

/* 1 when the unit of path is the unit of ancestor or below it. Whole ids
 * are compared ('/1/30/' is not within '/1/3/'); NULL or malformed → 0. */
int org_is_within(const char *path, const char *ancestor);

/* The id of the unit above the unit of path ('/1/5/' → 1); 0 at the root
 * or for a malformed path. */
int64_t org_parent_of(const char *path);

/* The nearest unit of a kind on the chain, from the unit itself upwards:
 * org_kind_of(ch, "bureau") is the 县局 a unit belongs to, whether or not a
 * 市局 sits above it. 0 when the chain holds no such unit. */
int64_t org_kind_of(const struct org_chain *ch, const char *kind);

/* The 派出所 of a unit: the station itself, or the station above a 警务室. */
int64_t org_station_of(const struct org_chain *ch);

/* The 县局 (kind bureau) of a unit. */
int64_t org_bureau_of(const struct org_chain *ch);

/* The 市局 (kind city) of a unit; 0 when the tree has no city. */
int64_t org_city_of(const struct org_chain *ch);

/* Write into buf (size n) the path of the chain's unit with this id
 * ('/1/3/'); 0, or -1 when the id is not on the chain or buf is short. */
int org_path_to(const struct org_chain *ch, int64_t id, char *buf, unsigned n);

#endif
