#include "core/jw.h"
#include "core/num.h"
#include "core/rc.h"

#include <stdio.h>
#include <string.h>

void jw_init(struct jw *w, size_t max)
{
	buf_init(&w->b, max);
	w->depth = 0;
	w->rc = PS_OK;
}

void jw_release(struct jw *w)
{
	buf_release(&w->b);
	w->depth = 0;
	w->rc = PS_OK;
}

int jw_rc(const struct jw *w)
{
	return w->rc;
}

const char *jw_text(const struct jw *w, size_t *len)
{
	if (len)
		*len = w->b.len;
	return buf_str(&w->b);
}

static void add(struct jw *w, const char *p, size_t n)
{
	struct buf *b = &w->b;

	if (w->rc)
		return;
	if (b->p && n < b->cap - b->len) {
		/* room for it and the NUL (so within max): buf_add's work
		 * without its call, once for every piece of an answer */
		memcpy(b->p + b->len, p, n);
		b->len += n;
		b->p[b->len] = '\0';
		return;
	}
	w->rc = buf_add(b, p, n);
}

/* The length of the UTF-8 sequence at s (at most n bytes), as jansson's
 * utf8_check_first/utf8_check_full accept it; 0 when it is not valid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len, i;
	uint32_t v;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (len == 3 && v < 0x800) ||
	    (len == 4 && v < 0x10000))
		return 0;
	return len;
}

/* s as a JSON string, jansson's escapes (dump.c dump_string, no flags) */
static void string(struct jw *w, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	size_t n = strlen(s);
	const unsigned char *end = p + n;

	add(w, "\"", 1);
	while (p < end && !w->rc) {
		size_t len;
		char esc[8];
		const char *e = esc;
		size_t elen = 2;

		/* plain ASCII, most of what is written: no call a byte */
		while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\')
			p++;
		if (p == end)
			break;
		len = utf8_len(p, (size_t)(end - p));
		if (!len) {
			w->rc = PS_EINVAL;
			break;
		}
		if (len > 1 || (*p >= 0x20 && *p != '"' && *p != '\\')) {
			p += len;
			continue;
		}
		add(w, (const char *)run, (size_t)(p - run));
		switch (*p) {
		case '\\': e = "\\\\"; break;
		case '"': e = "\\\""; break;
		case '\b': e = "\\b"; break;
		case '\f': e = "\\f"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\t': e = "\\t"; break;
		default:
			snprintf(esc, sizeof(esc), "\\u%04X", (unsigned)*p);
			elen = 6;
		}
		add(w, e, elen);
		run = ++p;
	}
	add(w, (const char *)run, (size_t)(p - run));
	add(w, "\"", 1);
}

/* the comma before a value and its key. A key is the code's own name (a
 * literal, a column's name): when it is short plain ASCII, comma, quotes,
 * key and colon go in as one piece, the way string() would have written
 * them in five (a case file has ~300 keys). */
static void head(struct jw *w, const char *key)
{
	int comma = 0;

	if (w->rc)
		return;
	if (w->depth > 0) {
		comma = w->used[w->depth - 1];
		w->used[w->depth - 1] = 1;
	}
	if (key) {
		char piece[64];
		size_t n = 0;

		if (comma)
			piece[n++] = ',';
		piece[n++] = '"';
		for (const unsigned char *k = (const unsigned char *)key;; k++) {
			if (!*k) {
				piece[n++] = '"';
				piece[n++] = ':';
				add(w, piece, n);
				return;
			}
			if (*k < 0x20 || *k >= 0x80 || *k == '"' || *k == '\\' ||
			    n + 2 >= sizeof(piece))
				break;
			piece[n++] = (char)*k;
		}
		/* a key to escape, or a long one */
		if (comma)
			add(w, ",", 1);
		string(w, key);
		add(w, ":", 1);
		return;
	}
	if (comma)
		add(w, ",", 1);
}

static void open(struct jw *w, const char *key, const char *brace)
{
	head(w, key);
	if (w->rc)
		return;
	if (w->depth >= JW_MAX_DEPTH) {
		w->rc = PS_EINVAL;
		return;
	}
	add(w, brace, 1);
	w->used[w->depth++] = 0;
}

static void close_(struct jw *w, const char *brace)
{
	if (w->rc)
		return;
	if (w->depth == 0) {
		w->rc = PS_EINVAL;
		return;
	}
	w->depth--;
	add(w, brace, 1);
}

void jw_obj(struct jw *w, const char *key)
{
	open(w, key, "{");
}

void jw_arr(struct jw *w, const char *key)
{
	open(w, key, "[");
}

void jw_end_obj(struct jw *w)
{
	close_(w, "}");
}

void jw_end_arr(struct jw *w)
{
	close_(w, "]");
}

void jw_str(struct jw *w, const char *key, const char *s)
{
	head(w, key);
	if (!s)
		add(w, "null", 4);
	else if (!w->rc)
		string(w, s);
}

void jw_int(struct jw *w, const char *key, int64_t v)
{
	char num[NUM_INT_MAX];
	size_t n = num_format_int(num, v);

	head(w, key);
	add(w, num, n);
}

void jw_bool(struct jw *w, const char *key, int v)
{
	head(w, key);
	if (v)
		add(w, "true", 4);
	else
		add(w, "false", 5);
}

void jw_null(struct jw *w, const char *key)
{
	head(w, key);
	add(w, "null", 4);
}

/* 1 when s is a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static int json_number_text(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return 0;
	if (*s == '.') {
		s++;
		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

void jw_number(struct jw *w, const char *key, const char *text)
{
	head(w, key);
	if (text && json_number_text(text))
		add(w, text, strlen(text));
	else
		add(w, "null", 4);
}
