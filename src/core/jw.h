/* jw.h — a JSON writer: values straight into a capped buffer, the bytes
 * json_render(…, JSON_COMPACT) would give for the same tree (jansson's
 * escapes: \" \\ \b \f \n \r \t and \u00XX for the other control
 * characters; everything else as is, UTF-8 checked; keys in the order
 * written). For the hot reads (issue 14): a record read as rows → bytes,
 * without a jansson tree to build, dump and free.
 *
 * Each value call takes the key it is written under (NULL inside an array
 * or at the top). The first failure (no memory, the cap, bad UTF-8,
 * nesting past JW_MAX_DEPTH, an end without its opening) is kept in the
 * writer: every later call does nothing, and jw_rc reports it. */
#ifndef PS_JW_H
#define PS_JW_H

#include "core/buf.h"

#include <stddef.h>
#include <stdint.h>

#define JW_MAX_DEPTH 32

struct jw {
	struct buf b;
	int depth;
	int rc;                          /* the first failure, PS_OK until then */
	unsigned char used[JW_MAX_DEPTH]; /* a value was written at this level */
};

/* An empty writer whose text may reach max bytes. No allocation. */
void jw_init(struct jw *w, size_t max);

/* Free the text; the writer is empty (and its failure forgotten). */
void jw_release(struct jw *w);

/* Open an object / array under key; close the innermost one. */
void jw_obj(struct jw *w, const char *key);
void jw_arr(struct jw *w, const char *key);
void jw_end_obj(struct jw *w);
void jw_end_arr(struct jw *w);

/* A string (NULL writes null), an integer, a boolean (0 false, else
 * true), null. */
void jw_str(struct jw *w, const char *key, const char *s);
void jw_int(struct jw *w, const char *key, int64_t v);
void jw_bool(struct jw *w, const char *key, int v);
/* A number given as its text (a REAL column as the store writes it, e.g.
 * "37.871234"), written as it is when it is a JSON number, null when it
 * is not ("Inf", "NaN", NULL). */
void jw_number(struct jw *w, const char *key, const char *text);

void jw_null(struct jw *w, const char *key);

/* PS_OK, or the first failure: PS_ENOMEM, PS_ETOOBIG, PS_EINVAL (bad
 * UTF-8, bad nesting). Cannot fail. */
int jw_rc(const struct jw *w);

/* The text written so far ("" when none) and its length. Owned by w. */
const char *jw_text(const struct jw *w, size_t *len);

#endif
