/* persons.h — 实有人口: the actual population, registered with a checked ID
 * number, searchable by any part of the name, compared at once against the
 * wanted list (issue 6). */
#ifndef PS_DOMAIN_PERSONS_H
#define PS_DOMAIN_PERSONS_H

#include <jansson.h>
#include <stdint.h>

#include "core/jw.h"
#include "domain/ctx.h"

/* The longest name and phone a person may have (characters; the API's field
 * tables take the same): each one line, checked by persons_check on every
 * path, forms and imports. */
#define PERSON_NAME_MAX 32
#define PERSON_PHONE_MAX 20

struct person_input {
	const char *id_number, *name, *sex, *birth_date, *phone, *kind, *household_no, *key_tags;
	int64_t address_id;
	int key_person, has_key_person;
};

/* The values a valid ID number gives (persons_check): the number as stored
 * (upper-case X), the birth date and the sex, in the request's arena. */
struct person_checked {
	const char *id_number, *birth_date, *sex;
};

struct person_filter {
	const char *name, *id_prefix, *phone, *address, *kind;
	int64_t page, per_page;
};

/* Register or update a person by ID number: the number is checked (GB
 * 11643), typed name/sex/birth date must agree with it; the name index is
 * kept in step; the person is compared with the wanted list at once.
 * *out = {"person":{…},"created":bool,"hits":[…]}. */
int persons_register(struct ctx *c, const struct person_input *in, json_t **out);
/* The same without the answer (an import's row): the person's id, whether
 * the record was created, and the hits this registration made appended to
 * hits. */
int persons_register_id(struct ctx *c, const struct person_input *in, int64_t *out_id, int *out_created,
			json_t *hits);

/* The checks of a registration that need no database: name and phone (one
 * line each, PERSON_NAME_MAX and PERSON_PHONE_MAX), kind, the ID number
 * (GB 11643), typed birth date and sex agreeing with it. PS_EINVAL
 * with the field and the message a clerk sees. */
int persons_check(struct ctx *c, const struct person_input *in, struct person_checked *out);

/* A name and a phone as the register takes them: each one line of at most
 * PERSON_NAME_MAX / PERSON_PHONE_MAX characters (NULL passes). PS_EINVAL
 * naming the field. persons_check and a case's new party (parties.c) ask it. */
int persons_check_text(struct ctx *c, const char *name, const char *phone);

/* The same for a guardian's name and phone (a party's, an interview's):
 * the fields named guardian_name / guardian_phone. */
int persons_check_guardian(struct ctx *c, const char *name, const char *phone);

/* Search (masked ID numbers and phones), written into the object w has
 * open: "items", "total", "total_capped" (rows_page_write). Audited. */
int persons_search(struct ctx *c, const struct person_filter *f, struct jw *w);

/* The whole record, {"person":{…}} with its rentals, tenancies, cases,
 * hits, floating data, letters, written as text into w (core/jw; issue 14:
 * no JSON tree for an audited read). The full ID number is shown here and
 * the read is audited. On failure w holds an incomplete text the caller
 * drops; nothing is audited then. */
int persons_write(struct ctx *c, int64_t id, struct jw *w);

/* PS_OK when person_id is registered within the user's unit; otherwise
 * PS_ENOTFOUND (no such person) or PS_EFORBIDDEN (another unit's record,
 * audited) with field set. */
int persons_visible(struct ctx *c, int64_t person_id, const char *field);

/* Rebuild the name index of one person whose name was old_name (NULL:
 * unknown, nothing is deleted) and is now name: the old name's rows go by
 * their keys, the new name's are inserted when missing. */
int persons_index_name(struct ctx *c, int64_t person_id, const char *old_name, const char *name);
/* The same for a person created in this transaction (nothing to replace). */
int persons_index_new_name(struct ctx *c, int64_t person_id, const char *name);

/* The tokens of a name as the name index holds them (one per character, a
 * run of ASCII letters or digits as one, lower-cased), in order, in the
 * request's arena. */
int persons_name_tokens(struct ctx *c, const char *name, const char ***toks, int *n);

/* Record one row of the comparison join (wanted_id, name, case_desc,
 * issuing_unit, unit_id, id_number) as a hit of person_id when it is new:
 * the hit, its audit row, and the row appended to hits (may be NULL). */
int persons_record_hit(struct ctx *c, int64_t person_id, json_t *row, json_t *hits);

/* Compare one person with the active wanted list; new hits are appended to
 * *hits (may be NULL). */
int persons_compare(struct ctx *c, int64_t person_id, json_t *hits);

#endif
