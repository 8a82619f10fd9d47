/* json.h — reading request JSON (jansson) with field-level errors (TRUST
 * API-3): unknown fields, wrong types, oversized strings are refused with
 * PS_EINVAL naming the field. */
#ifndef PS_JSON_H
#define PS_JSON_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "core/rc.h"

#define JSON_MAX_DEPTH 32

/* Parse a request body: must be a JSON object, UTF-8, no duplicate keys,
 * nesting at most JSON_MAX_DEPTH. On success *out is a new reference (the
 * caller json_decref's it). On failure *out is NULL and err holds
 * BAD_JSON / 400 with the error position. An empty body gives "{}". */
int json_parse_body(const char *body, size_t len, json_t **out,
		    struct ps_err *err);

/* PS_OK when every key of obj is in the NULL-terminated list allowed;
 * otherwise PS_EINVAL "UNKNOWN_FIELD" naming the first stranger. */
int json_only_keys(json_t *obj, const char *const *allowed,
		   struct ps_err *err);

/* String field: required → missing or null is an error; optional → *out =
 * NULL when absent. Length limit in characters (UTF-8 code points); control
 * characters other than \n and \t are refused. *out points into obj. */
int json_get_str(json_t *obj, const char *key, int required, size_t max_chars,
		 const char **out, struct ps_err *err);

/* Integer field within [min, max]; optional → *present = 0 when absent
 * (present may be NULL for required fields). */
int json_get_int(json_t *obj, const char *key, int required, int64_t min,
		 int64_t max, int64_t *out, int *present, struct ps_err *err);

/* Boolean field; optional → *present = 0 when absent. */
int json_get_bool(json_t *obj, const char *key, int required, int *out,
		  int *present, struct ps_err *err);

/* Number of UTF-8 code points in s (invalid bytes count one each). */
size_t utf8_chars(const char *s);

#endif
