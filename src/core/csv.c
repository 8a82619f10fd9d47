#include "core/csv.h"

#include <string.h>

void csv_reader_init(struct csv_reader *r, const char *text, size_t len)
{
	r->p = text;
	r->end = text + len;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		r->p += 3;
	r->record = 0;
	r->line = 0;
	r->next_line = 1;
	r->comments = 0;
}

static int blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* A line break at s (CRLF, LF or a lone CR): its length, else 0. */
static size_t line_break(const char *s, const char *end)
{
	if (s >= end)
		return 0;
	if (*s == '\n')
		return 1;
	if (*s == '\r')
		return s + 1 < end && s[1] == '\n' ? 2 : 1;
	return 0;
}

/* Find where the record starting at p ends (before its line break), and
 * count the line breaks inside its quotes. NULL when a quote is open at
 * the end of the text. */
static const char *record_end(const char *p, const char *end, int *lines)
{
	int quoted = 0, field_start = 1;

	while (p < end) {
		size_t lb;

		if (quoted) {
			if (*p == '"') {
				if (p + 1 < end && p[1] == '"') {
					p += 2;
					continue;
				}
				quoted = 0;
				p++;
				continue;
			}
			lb = line_break(p, end);
			if (lb) {
				(*lines)++;
				p += lb;
				continue;
			}
			p++;
			continue;
		}
		if (line_break(p, end))
			return p;
		if (*p == ',') {
			field_start = 1;
		} else if (*p == '"' && field_start) {
			quoted = 1;
			field_start = 0;
		} else if (!blank(*p) && *p) { /* NUL counts as a blank, as in split */
			field_start = 0;
		}
		p++;
	}
	return quoted ? NULL : p;
}

/* Split the record [s, e) into fields written at w (room for e - s + 1
 * bytes: unquoting only shrinks, and each comma becomes a NUL). */
static int split(const char *s, const char *e, char *w, char **f, int max)
{
	int n = 0;

	for (;;) {
		char *start = w, *keep = w;

		while (s < e && (blank(*s) || !*s))
			s++;
		if (s < e && *s == '"') {
			for (s++; s < e; s++) {
				if (*s == '"') {
					if (s + 1 < e && s[1] == '"') {
						*w++ = *s++;
						continue;
					}
					s++;
					break;
				}
				if (*s)
					*w++ = *s;
			}
			keep = w; /* blanks inside the quotes stay */
		}
		/* unquoted text, or what follows a closing quote */
		for (; s < e && *s != ','; s++)
			if (*s)
				*w++ = *s;
		while (w > keep && (blank(w[-1]) || w[-1] == '\r'))
			w--;
		*w++ = '\0';
		if (n < max)
			f[n++] = start;
		if (s >= e)
			return n;
		s++; /* the comma */
	}
}

int csv_read(struct csv_reader *r, struct arena *a, char **f, int max, int *nf,
	     struct ps_err *err)
{
	const char *e;
	char *w;
	int lines;

	*nf = 0;
	while (r->comments && r->p < r->end && *r->p == '#') {
		const char *q = r->p;

		while (q < r->end && !line_break(q, r->end))
			q++;
		r->p = q + line_break(q, r->end);
		r->next_line++;
	}
	if (r->p >= r->end || max < 1)
		return PS_OK;
	lines = 0;
	e = record_end(r->p, r->end, &lines);
	if (!e) {
		int at = r->next_line;

		r->p = r->end;
		return ps_fail(err, PS_EINVAL, "CSV_OPEN_QUOTE", NULL,
			       "第 %d 行起的引号没有闭合，无法读出其后的内容", at);
	}
	w = arena_alloc(a, (size_t)(e - r->p) + 1);
	if (!w)
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
	*nf = split(r->p, e, w, f, max);
	r->record++;
	r->line = r->next_line;
	r->next_line += lines + 1;
	r->p = e + line_break(e, r->end);
	return PS_OK;
}

/* [a, e) with blanks around it dropped equals the C string s */
static int same_trimmed(const char *a, const char *e, const char *s)
{
	size_t n = strlen(s);

	while (a < e && blank(*a))
		a++;
	while (e > a && blank(e[-1]))
		e--;
	return (size_t)(e - a) == n && !memcmp(a, s, n);
}

/* the separator at p (';', '；' or a line break): its length, or 0 */
static size_t pair_end(const char *p)
{
	if (*p == ';' || *p == '\n' || *p == '\r')
		return 1;
	return !strncmp(p, "\xef\xbc\x9b", 3) ? 3 : 0; /* ； */
}

static size_t equals_at(const char *p)
{
	if (*p == '=')
		return 1;
	return !strncmp(p, "\xef\xbc\x9d", 3) ? 3 : 0; /* ＝ */
}

int csv_header_is(const char *spec, const char *canonical, const char *cell)
{
	const char *p = spec;

	if (!strcmp(canonical, cell))
		return 1;
	while (p && *p) {
		const char *a = p, *eq = NULL;
		size_t n = 0, en = 0;

		while (*p && !(n = pair_end(p))) {
			if (!eq && (en = equals_at(p)))
				eq = p;
			p++;
		}
		if (eq && same_trimmed(a, eq, canonical) && same_trimmed(eq + en, p, cell))
			return 1;
		p += n;
	}
	return 0;
}

int csv_record_blank(char *const *f, int nf)
{
	for (int i = 0; i < nf; i++)
		if (*f[i])
			return 0;
	return 1;
}
