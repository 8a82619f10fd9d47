/* buf.h — the capped string buffer (curl's dynbuf, git's strbuf). The only
 * way Precinct builds strings. Always NUL-terminated once anything was added;
 * on any failure the buffer frees itself and stays empty. */
#ifndef PS_BUF_H
#define PS_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *p;    /* NULL until the first add */
	size_t len; /* bytes used, without the NUL */
	size_t cap; /* bytes allocated */
	size_t max; /* the most len may reach */
	int secret; /* wipe every block before it is freed (buf_init_secret) */
};

/* Initialise an empty buffer that may hold at most max bytes. No allocation. */
void buf_init(struct buf *b, size_t max);

/* The same for contents that may hold a secret (a request body with a
 * password): growing copies into a new block and wipes the old one, and
 * release wipes, so no copy is left in freed memory. buf_take hands the
 * contents over unwiped: the taker wipes them. No allocation. */
void buf_init_secret(struct buf *b, size_t max);

/* Free the contents; the buffer is empty and reusable. */
void buf_release(struct buf *b);

/* Append n bytes. PS_ETOOBIG past max, PS_ENOMEM on allocation failure;
 * on either failure the buffer is released (empty). */
int buf_add(struct buf *b, const void *p, size_t n);

/* Append a NUL-terminated string. */
int buf_adds(struct buf *b, const char *s);

/* Append formatted text. Same failure behaviour as buf_add. */
int buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The contents as a C string ("" when empty). Owned by the buffer. */
const char *buf_str(const struct buf *b);

/* Hand the contents over to the caller (free with ps_free); the buffer is
 * left empty. Returns NULL only when allocating an empty string fails. */
char *buf_take(struct buf *b, size_t *len);

#endif
