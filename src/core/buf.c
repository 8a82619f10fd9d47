#include "core/buf.h"
#include "core/mem.h"
#include "core/rc.h"

#include <stdio.h>
#include <string.h>

void buf_init(struct buf *b, size_t max)
{
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
	b->secret = 0;
}

void buf_init_secret(struct buf *b, size_t max)
{
	buf_init(b, max);
	b->secret = 1;
}

void buf_release(struct buf *b)
{
	if (b->secret)
		ps_memzero(b->p, b->cap);
	ps_free(b->p);
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
}

static int buf_grow(struct buf *b, size_t n)
{
	size_t need, cap;
	char *p;

	if (n > b->max || b->len > b->max - n) {
		buf_release(b);
		return PS_ETOOBIG;
	}
	need = b->len + n + 1;
	if (need <= b->cap)
		return PS_OK;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	if (cap > b->max + 1)
		cap = b->max + 1;
	if (b->secret) {
		/* realloc would free the old block unwiped */
		p = ps_malloc(cap);
		if (p && b->p) {
			memcpy(p, b->p, b->len);
			ps_memzero(b->p, b->cap);
			ps_free(b->p);
		}
	} else {
		p = ps_realloc(b->p, cap);
	}
	if (!p) {
		buf_release(b);
		return PS_ENOMEM;
	}
	b->p = p;
	b->cap = cap;
	return PS_OK;
}

int buf_add(struct buf *b, const void *p, size_t n)
{
	int rc = buf_grow(b, n);

	if (rc)
		return rc;
	if (n)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
	return PS_OK;
}

int buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

int buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n, rc;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		buf_release(b);
		return PS_EINVAL;
	}
	rc = buf_grow(b, (size_t)n);
	if (rc)
		return rc;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return PS_OK;
}

const char *buf_str(const struct buf *b)
{
	return b->p ? b->p : "";
}

char *buf_take(struct buf *b, size_t *len)
{
	char *p = b->p;

	if (len)
		*len = b->len;
	if (!p)
		p = ps_strdup("");
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
	return p;
}
