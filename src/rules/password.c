/* password.c — the password policy (TRUST AUTH-3; 等保 身份鉴别 a; CJIS
 * 5.6.2.1.1). The common-password list and password_is_common() live in
 * common_passwords.c. */
#include "rules/password.h"

#include <stdio.h>
#include <string.h>

#define PW_UPPER 1
#define PW_LOWER 2
#define PW_DIGIT 4
#define PW_SYMBOL 8

/* AUTH-3 / 等保 a (复杂度): at least 3 of the 4 character classes. */
#define PASSWORD_MIN_CLASSES 3

/* Decode one UTF-8 code point at p (n > 0 bytes left). Returns its length in
 * bytes, or 0 for an invalid sequence (overlong, surrogate, > U+10FFFF,
 * truncated). */
static size_t utf8_len(const unsigned char *p, size_t n)
{
	unsigned long cp;
	size_t len, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2;
		cp = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3;
		cp = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4;
		cp = p[0] & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return len;
}

static int char_class(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return PW_UPPER;
	if (c >= 'a' && c <= 'z')
		return PW_LOWER;
	if (c >= '0' && c <= '9')
		return PW_DIGIT;
	/* ASCII punctuation, space and every non-ASCII character */
	return PW_SYMBOL;
}

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int equal_folded(const char *a, const char *b)
{
	while (*a && *b) {
		if (ascii_lower((unsigned char)*a) != ascii_lower((unsigned char)*b))
			return 0;
		a++;
		b++;
	}
	return *a == *b;
}

static int weak(struct ps_err *err, const char *msg)
{
	int rc = ps_fail(err, PS_EINVAL, "WEAK_PASSWORD", "AUTH-3", "%s", msg);

	if (err)
		err->field = "password";
	return rc;
}

int password_check(const char *username, const char *pw, size_t min_len,
		   struct ps_err *err)
{
	const unsigned char *p = (const unsigned char *)(pw ? pw : "");
	size_t bytes, chars = 0, i = 0, len;
	int classes = 0, nclasses = 0, bit;
	char msg[64];

	if (min_len == 0)
		min_len = PASSWORD_MIN_LEN_DEFAULT;
	/* AUTH-3: an upper bound keeps the argon2id input bounded */
	bytes = strnlen((const char *)p, PASSWORD_MAX_BYTES + 1);
	if (bytes > PASSWORD_MAX_BYTES)
		return weak(err, "密码不能超过128字节");
	while (i < bytes) {
		len = utf8_len(p + i, bytes - i);
		if (!len)
			return weak(err, "密码包含无效字符（须为UTF-8文本）");
		classes |= char_class(p[i]);
		chars++;
		i += len;
	}
	/* AUTH-3 (CJIS 5.6.2.1.1; 等保 a): at least min_len characters */
	if (chars < min_len) {
		snprintf(msg, sizeof(msg), "密码至少%zu位", min_len);
		return weak(err, msg);
	}
	for (bit = PW_UPPER; bit <= PW_SYMBOL; bit <<= 1)
		nclasses += (classes & bit) != 0;
	/* AUTH-3 / 等保 a: complexity */
	if (nclasses < PASSWORD_MIN_CLASSES)
		return weak(err, "密码须包含大写字母、小写字母、数字、符号中的至少三类");
	/* AUTH-3: not equal to the user ID (case folded) */
	if (username && equal_folded(username, (const char *)p))
		return weak(err, "密码不能与用户名相同");
	/* AUTH-3: not in the bundled common/breached list */
	if (password_is_common((const char *)p))
		return weak(err, "密码过于常见，请换一个");
	return PS_OK;
}
