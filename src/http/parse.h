/* parse.h — the pure parsers of the http layer (each has a libFuzzer target
 * in tests/fuzz): percent-decoding, query strings, the Cookie header, and
 * path safety for static files. They allocate only from the given arena. */
#ifndef PS_HTTP_PARSE_H
#define PS_HTTP_PARSE_H

#include <stddef.h>

#include "api/api.h"
#include "core/arena.h"

/* Percent-decode n bytes of s ('+' → space when plus_is_space) into a new
 * arena string. NULL when the input has a bad escape, decodes to a NUL
 * byte or to bytes that are not UTF-8, or memory runs out. */
char *http_url_decode(struct arena *a, const char *s, size_t n, int plus_is_space);

/* Split "a=1&b=%E4%B8%AD" into r->query (at most API_MAX_QUERY pairs; the
 * rest is ignored). 0 on success, -1 on a malformed escape (→ 400). */
int http_parse_query(struct arena *a, const char *qs, size_t n, struct kv *out,
		     size_t max, size_t *count);

/* The value of cookie name in a Cookie header, copied to the arena; NULL
 * when absent or malformed. */
char *http_cookie_value(struct arena *a, const char *header, const char *name);

/* 1 when the decoded path is safe to map under the web root: starts with
 * '/', no "..", no "//", no backslash, no control characters. */
int http_path_safe(const char *path);

#endif
