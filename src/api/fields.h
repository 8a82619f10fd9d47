/* fields.h — what a request body may carry, as one table per resource:
 * each field's name, type, whether it is required, its length or range,
 * and its allowed values. One function binds a body to the handler's input
 * struct; the route table points at the same table, so `precinct fields`
 * can print every request shape and tests/lint/openapi_fields.py checks
 * docs/openapi.yaml against it (issue 12, item 5). */
#ifndef PS_API_FIELDS_H
#define PS_API_FIELDS_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "core/rc.h"
#include "domain/enums.h"

enum field_type {
	FIELD_STR,    /* const char * into the body (max = characters) */
	FIELD_INT,    /* int64_t within [min, max] */
	FIELD_BOOL,   /* int 0/1 */
	FIELD_OBJECT, /* a nested object whose fields bind into the same struct */
	FIELD_JSON,   /* json_t * (borrowed from the body): arrays the domain reads */
	FIELD_FILE,   /* const char *: a file's text as sent (CR, tabs kept; no NUL; max = bytes) */
};

#define FIELD_NO_FLAG ((size_t)-1)

struct field {
	const char *name;
	enum field_type type;
	int required;
	int64_t min, max;          /* INT: range; STR: min/max characters */
	const char *const *enums;  /* STR: the allowed values (NULL-terminated) or NULL */
	int set;                   /* STR: their enum_set (domain/enums.def), or -1 */
	size_t offset;             /* of the member in the bound struct */
	size_t present;            /* INT/BOOL: offset of an int set to 1 when given, or FIELD_NO_FLAG */
	const struct field *sub;   /* OBJECT: its fields */
};

/* offsetof(T, m), refusing to compile unless m has type C (the table would
 * otherwise write the wrong width into the struct). */
#define FIELD_AT(T, m, C) (offsetof(T, m) + 0 * sizeof(char[_Generic(((T *)0)->m, C: 1, default: -1)]))

#define FIELD_STR_(T, m, n, req, lo, hi, en, set) \
	{ n, FIELD_STR, req, lo, hi, en, set, FIELD_AT(T, m, const char *), FIELD_NO_FLAG, NULL }
/* A string of at most hi characters. */
#define FSTR(T, m, n, req, hi) FIELD_STR_(T, m, n, req, 0, hi, NULL, -1)
/* A string of lo to hi characters. */
#define FSTRN(T, m, n, req, lo, hi) FIELD_STR_(T, m, n, req, lo, hi, NULL, -1)
/* A string that must be a value of the enum set SET (domain/enums.def),
 * e.g. FENUM(struct x, kind, "kind", 1, 16, CASE_KIND). */
#define FENUM(T, m, n, req, hi, SET) FIELD_STR_(T, m, n, req, 0, hi, enums_values_##SET, ES_##SET)
/* A string that must be one of en (NULL-terminated): a request's own word
 * (an action, a step) that no screen shows as a choice. */
#define FONEOF(T, m, n, req, hi, en) FIELD_STR_(T, m, n, req, 0, hi, en, -1)
/* An integer in [lo, hi]; FINTP also sets the int member p when given. */
#define FINT(T, m, n, req, lo, hi) \
	{ n, FIELD_INT, req, lo, hi, NULL, -1, FIELD_AT(T, m, int64_t), FIELD_NO_FLAG, NULL }
#define FINTP(T, m, p, n, lo, hi) \
	{ n, FIELD_INT, 0, lo, hi, NULL, -1, FIELD_AT(T, m, int64_t), FIELD_AT(T, p, int), NULL }
#define FBOOL(T, m, n, req) { n, FIELD_BOOL, req, 0, 1, NULL, -1, FIELD_AT(T, m, int), FIELD_NO_FLAG, NULL }
#define FBOOLP(T, m, p, n) { n, FIELD_BOOL, 0, 0, 1, NULL, -1, FIELD_AT(T, m, int), FIELD_AT(T, p, int), NULL }
#define FOBJ(n, req, sub) { n, FIELD_OBJECT, req, 0, 0, NULL, -1, 0, FIELD_NO_FLAG, sub }
#define FJSON(T, m, n, req) { n, FIELD_JSON, req, 0, 0, NULL, -1, FIELD_AT(T, m, json_t *), FIELD_NO_FLAG, NULL }
/* A file's text (an import's CSV) of at most hi bytes: line ends as sent. */
#define FFILE(T, m, n, req, hi) \
	{ n, FIELD_FILE, req, 0, hi, NULL, -1, FIELD_AT(T, m, const char *), FIELD_NO_FLAG, NULL }
#define FEND { NULL, 0, 0, 0, 0, NULL, -1, 0, 0, NULL }

/* The table of a write that takes no fields (a lock, a signature, a step):
 * the dispatcher binds any body of a write route without a table to it, so
 * a stray field is refused as everywhere else. */
extern const struct field fields_none[];

/* Bind obj to out by the NULL-name terminated table: an unknown key is
 * refused (UNKNOWN_FIELD), a missing required one, a wrong type, a string
 * too long or not one of its values, a number out of range (each
 * INVALID_FIELD naming the field, Chinese message). obj NULL = no body
 * (BAD_JSON). Strings and JSON values point into obj. On failure err is
 * set and out may be partly filled (the caller drops it). */
int fields_bind(json_t *obj, const struct field *table, void *out, struct ps_err *err);

/* Every route's request fields as JSON, for `precinct fields` and the
 * OpenAPI lint: [{"method","path","fields":[{"name","type","required",
 * "min","max","enum","enum_set","fields"}]}]. A new reference, or NULL on ENOMEM. */
json_t *fields_routes_json(void);

#endif
