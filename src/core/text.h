/* text.h — converting the clerks' files to UTF-8 (GBK/GB18030 CSV exported
 * by Excel) with iconv. */
#ifndef PS_TEXT_H
#define PS_TEXT_H

#include <stddef.h>

#include "core/arena.h"

/* Convert n bytes of s from encoding (e.g. "GB18030") into a new
 * NUL-terminated UTF-8 string in the arena; *out_len gets its length. A UTF-8
 * BOM is dropped. NULL on a malformed input or an unknown encoding. */
char *text_to_utf8(struct arena *a, const char *s, size_t n, const char *encoding,
		   size_t *out_len);

/* 1 when the n bytes are valid UTF-8. */
int text_is_utf8(const char *s, size_t n);

/* s itself when it is valid UTF-8 (or NULL), else a copy in the arena with
 * each byte that starts no character replaced by '?'; NULL when memory
 * runs out. */
const char *text_utf8_scrub(struct arena *a, const char *s);

/* 1 when s is one line of at most max characters (UTF-8 code points): no
 * control character (below U+0020, or DEL), so no tab and no line break —
 * in a name or an address part those come from a faulty file. NULL counts
 * as one. Cannot fail. */
int text_is_line(const char *s, size_t max);

/* A phone number as lists show it: the first 3 and last 4 characters kept,
 * the rest '*' ("138****1111"); shorter than 7 characters is copied as is.
 * Written in ASCII by characters: a full-width digit as its digit, any
 * other non-ASCII character (or a byte that is not UTF-8) as '*'. out
 * holds at least 24 bytes; a longer s is cut to 23 characters. Cannot
 * fail. */
void text_mask_phone(const char *s, char out[24]);

/* 1 when the last four digits of phone (other characters skipped) are the
 * four digits last4. Every digit is compared, so the time does not tell how
 * many matched (the public progress and complaint queries). */
int text_phone_ends_with(const char *phone, const char *last4);

#endif
