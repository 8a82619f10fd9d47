#include "core/text.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

/* The length of the UTF-8 character at p (before end), 0 when the bytes
 * there are not one. RFC 3629: no overlong form (C0, C1, E0 80–9F, F0
 * 80–8F), no surrogate (ED A0–BF: CESU-8, MySQL's utf8mb3 exports) and
 * nothing past U+10FFFF (F4 90–, F5–FF) — what jansson refuses, so that
 * every text taken can be answered. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
	size_t k;

	if (*p < 0x80)
		return 1;
	k = *p >= 0xc2 && *p <= 0xdf ? 2 : (*p & 0xf0) == 0xe0 ? 3 : *p >= 0xf0 && *p <= 0xf4 ? 4 : 0;
	if (!k || (size_t)(end - p) < k)
		return 0;
	for (size_t i = 1; i < k; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if ((*p == 0xe0 && p[1] < 0xa0) || (*p == 0xed && p[1] > 0x9f) || (*p == 0xf0 && p[1] < 0x90) ||
	    (*p == 0xf4 && p[1] > 0x8f))
		return 0;
	return k;
}

int text_is_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;

	while (p < end) {
		size_t k = utf8_len(p, end);

		if (!k)
			return 0;
		p += k;
	}
	return 1;
}

const char *text_utf8_scrub(struct arena *a, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	const unsigned char *p, *end;
	char *out;
	size_t o = 0;

	if (!s || text_is_utf8(s, n))
		return s;
	out = arena_alloc(a, n + 1);
	if (!out)
		return NULL;
	for (p = (const unsigned char *)s, end = p + n; p < end;) {
		size_t k = utf8_len(p, end);

		if (!k) {
			out[o++] = '?';
			p++;
			continue;
		}
		memcpy(out + o, p, k);
		o += k;
		p += k;
	}
	out[o] = '\0';
	return out;
}

int text_is_line(const char *s, size_t max)
{
	size_t chars = 0;

	if (!s)
		return 1;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return 0;
		if ((*p & 0xc0) != 0x80 && ++chars > max)
			return 0;
	}
	return 1;
}

char *text_to_utf8(struct arena *a, const char *s, size_t n, const char *encoding,
		   size_t *out_len)
{
	iconv_t cd;
	char *out, *in = (char *)s, *o;
	size_t inleft = n, cap = n * 2 + 16, outleft = cap;

	if (n >= 3 && (unsigned char)s[0] == 0xef && (unsigned char)s[1] == 0xbb &&
	    (unsigned char)s[2] == 0xbf) {
		in += 3;
		inleft -= 3;
	}
	if (!encoding || !strcasecmp(encoding, "utf-8") || !strcasecmp(encoding, "utf8")) {
		if (!text_is_utf8(in, inleft))
			return NULL;
		*out_len = inleft;
		return arena_strndup(a, in, inleft);
	}
	out = arena_alloc(a, cap + 1);
	if (!out)
		return NULL;
	cd = iconv_open("UTF-8", !strcasecmp(encoding, "gbk") ? "GB18030" : encoding);
	if (cd == (iconv_t)-1)
		return NULL;
	o = out;
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		iconv_close(cd);
		return NULL;
	}
	iconv_close(cd);
	*o = '\0';
	*out_len = (size_t)(o - out);
	return out;
}

void text_mask_phone(const char *s, char out[24])
{
	const unsigned char *p = (const unsigned char *)(s ? s : ""), *end = p + strlen((const char *)p);
	size_t n = 0, k;

	/* by characters, written in ASCII: a full-width digit (U+FF10–FF19)
	 * as its digit, any other character that is not ASCII as '*', so
	 * that a mask never cuts a character (whose broken bytes no JSON
	 * answer can carry) */
	for (; p < end && n < 23; p += k) {
		k = utf8_len(p, end);
		if (k == 1)
			out[n++] = (char)*p;
		else if (k == 3 && p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x90 && p[2] <= 0x99)
			out[n++] = (char)('0' + (p[2] - 0x90));
		else
			out[n++] = '*';
		if (!k)
			k = 1;
	}
	out[n] = '\0';
	if (n < 7)
		return;
	for (size_t x = 3; x + 4 < n; x++)
		out[x] = '*';
}

int text_phone_ends_with(const char *phone, const char *last4)
{
	char digits[4];
	int n = 0, diff = 0;

	if (!phone || !last4 || strlen(last4) != 4)
		return 0;
	for (const char *p = phone + strlen(phone); p > phone && n < 4;) {
		p--;
		if (*p >= '0' && *p <= '9')
			digits[3 - n++] = *p;
	}
	if (n < 4)
		return 0;
	for (int i = 0; i < 4; i++)
		diff |= digits[i] ^ last4[i];
	return diff == 0;
}
