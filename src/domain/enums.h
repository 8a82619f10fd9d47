/* enums.h — the enumerated values and their Chinese words, one table
 * (domain/enums.def). A set is named by its ES_ id; its values are also an
 * address constant, enums_values_<ID>, for the request field tables. */
#ifndef PS_DOMAIN_ENUMS_H
#define PS_DOMAIN_ENUMS_H

#include <jansson.h>

enum enum_set {
#define V(value, label)
#define ENUM_SET(id, name, rows) ES_##id,
#include "domain/enums.def"
#include "collected/enums.inc"
#undef ENUM_SET
#undef V
	ES_COUNT_
};

/* The values of each set, NULL-terminated, in the table's order. */
#define V(value, label)
#define ENUM_SET(id, name, rows) extern const char *const enums_values_##id[];
#include "domain/enums.def"
#include "collected/enums.inc"
#undef ENUM_SET
#undef V

/* 1 when v is a value of set s. Cannot fail. */
int enums_valid(enum enum_set s, const char *v);

/* The position of v in set s (0 = first), or -1. */
int enums_rank(enum enum_set s, const char *v);

/* The Chinese word of v in set s; v itself when it is not one (so a value
 * written before a set changed still shows). */
const char *enums_label(enum enum_set s, const char *v);

/* The value of set s whose value or Chinese word is text (another
 * system's export names a value by its word), or NULL. */
const char *enums_value_of(enum enum_set s, const char *text);

/* The wire name of set s ("case_kind"). */
const char *enums_name(enum enum_set s);

/* Every set as {"case_kind": [{"value", "label"}, …], …} for GET /catalog;
 * NULL on ENOMEM. */
json_t *enums_json(void);
/* only the sets named (a NULL-ended list of wire names) */
json_t *enums_json_of(const char *const *names);

#endif
