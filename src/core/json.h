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

/* Make jansson allocate through ps_malloc (so the allocation-failure hook of
 * core/mem.h covers it) and wipe every block it frees: a request body is
 * parsed by jansson, and passwords pass through its lexer buffers and
 * strings, which no caller can reach to wipe (STYLE 10). Each block carries
 * its size in a small header. Call once at start-up, before any other
 * jansson call and before threads start, in every binary. Cannot fail. */
void json_mem_init(void);

/* json_dumps that fails (NULL) when any allocation inside it failed:
 * jansson 2.14 may otherwise return text with a character missing. The
 * only way Precinct serializes JSON (src/ may not call json_dumps). Free
 * the result with json_mem_free. */
char *json_render(const json_t *v, size_t flags);

/* A copy of the n bytes at s, NUL added, in a block json_mem_free frees
 * (how a text written otherwise, e.g. by core/jw, becomes an answer that
 * http frees like json_render's). NULL on ENOMEM. */
char *json_mem_strndup(const char *s, size_t n);

/* Free (and wipe) a string jansson returned to the caller, such as the
 * result of json_dumps, after json_mem_init. NULL is a no-op. */
void json_mem_free(void *p);

/* Parse a request body: must be a JSON object, UTF-8, no duplicate keys,
 * nesting at most JSON_MAX_DEPTH. On success *out is a new reference (the
 * caller json_decref's it). On failure *out is NULL and err holds
 * BAD_JSON / 400 with the error position, or PS_ENOMEM when jansson ran
 * out of memory. An empty body gives "{}". */
int json_parse_body(const char *body, size_t len, json_t **out,
		    struct ps_err *err);

/* Parse JSON text the server stored itself (a column holding JSON). On
 * success *out is a new reference, or NULL when text is not JSON (PS_OK
 * all the same); PS_ENOMEM (and *out NULL) when memory ran out. */
int json_parse_stored(const char *text, json_t **out, struct ps_err *err);

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
