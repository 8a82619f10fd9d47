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

#endif
