#include "http/parse.h"
#include "core/text.h"

#include <string.h>

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

char *http_url_decode(struct arena *a, const char *s, size_t n, int plus_is_space)
{
	char *out = arena_alloc(a, n + 1);
	size_t o = 0;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];

		if (ch == '%') {
			int h, l;

			if (i + 2 >= n)
				return NULL;
			h = hexval(s[i + 1]);
			l = hexval(s[i + 2]);
			if (h < 0 || l < 0 || (h == 0 && l == 0))
				return NULL;
			out[o++] = (char)(h * 16 + l);
			i += 2;
		} else if (ch == '+' && plus_is_space) {
			out[o++] = ' ';
		} else if (ch == '\0') {
			return NULL;
		} else {
			out[o++] = ch;
		}
	}
	out[o] = '\0';
	/* a path or a parameter that is not UTF-8 names nothing we hold, and
	 * would reach the audit rows and answers as broken text */
	if (!text_is_utf8(out, o))
		return NULL;
	return out;
}

int http_parse_query(struct arena *a, const char *qs, size_t n, struct kv *out,
		     size_t max, size_t *count)
{
	size_t i = 0;

	*count = 0;
	while (i < n) {
		size_t start = i, eq = (size_t)-1;
		char *k, *v;

		while (i < n && qs[i] != '&') {
			if (qs[i] == '=' && eq == (size_t)-1)
				eq = i;
			i++;
		}
		if (i > start && *count < max) {
			size_t kend = eq == (size_t)-1 ? i : eq;

			k = http_url_decode(a, qs + start, kend - start, 1);
			v = eq == (size_t)-1 ? http_url_decode(a, "", 0, 1)
					     : http_url_decode(a, qs + eq + 1, i - eq - 1, 1);
			if (!k || !v)
				return -1;
			out[*count].key = k;
			out[*count].value = v;
			(*count)++;
		}
		i++; /* skip '&' */
	}
	return 0;
}

char *http_cookie_value(struct arena *a, const char *header, const char *name)
{
	size_t nlen = strlen(name);
	const char *p = header;

	if (!header)
		return NULL;
	while (*p) {
		const char *end;

		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		end = strchr(p, ';');
		if (!end)
			end = p + strlen(p);
		if ((size_t)(end - p) > nlen && strncmp(p, name, nlen) == 0 &&
		    p[nlen] == '=') {
			const char *v = p + nlen + 1;
			size_t vn = (size_t)(end - v);

			while (vn && (v[vn - 1] == ' ' || v[vn - 1] == '\t'))
				vn--;
			if (vn >= 2 && v[0] == '"' && v[vn - 1] == '"') {
				v++;
				vn -= 2;
			}
			for (size_t i = 0; i < vn; i++)
				if ((unsigned char)v[i] < 0x21 || v[i] == '"' ||
				    v[i] == ',' || v[i] == '\\' || (unsigned char)v[i] > 0x7e)
					return NULL;
			return arena_strndup(a, v, vn);
		}
		p = *end ? end + 1 : end;
	}
	return NULL;
}

int http_path_safe(const char *path)
{
	if (path[0] != '/')
		return 0;
	for (const char *p = path; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\')
			return 0;
		if (p[0] == '/' && p[1] == '/')
			return 0;
		if (p[0] == '/' && p[1] == '.' && (p[2] == '.' || p[2] == '/' || p[2] == '\0'))
			return 0;
	}
	return 1;
}
