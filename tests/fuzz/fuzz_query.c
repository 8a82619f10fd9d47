/* fuzz_query.c — libFuzzer target for URL and query-string parsing
 * (TRUST FUZ-1). The input is a request target "path?query": the path is
 * percent-decoded and checked with http_path_safe, the query is split with
 * http_parse_query. One arena per input, as in a request. The last path
 * segment and every query value also go through the strict decimal parsers
 * of record ids and query integers (core/num.h). */
#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/num.h"
#include "http/parse.h"
#include "fuzz_check.h"

/* Bytes a successful decode must produce: every escape is 3 bytes in, 1 out. */
static size_t decoded_len(const char *s, size_t n)
{
	size_t pct = 0;

	for (size_t i = 0; i < n; i++)
		if (s[i] == '%')
			pct++;
	return n - 2 * pct;
}

static void check_decode(struct arena *a, const char *s, size_t n, int plus)
{
	char *d = http_url_decode(a, s, n, plus);

	if (!d)
		return;
	/* no NUL byte inside, nothing dropped or added */
	FUZZ_CHECK(strlen(d) == decoded_len(s, n));
	if (plus)
		FUZZ_CHECK(!memchr(d, '+', strlen(d)) || memchr(s, '%', n));
}

/* What "safe" promises (parse.h): a leading '/', no "." or ".." segment, no
 * empty segment inside, no backslash, no control character. */
static void check_safe_path(const char *path)
{
	const char *p = path, *seg;

	FUZZ_CHECK(path[0] == '/');
	for (; *p; p++)
		FUZZ_CHECK((unsigned char)*p >= 0x20 && *p != 0x7f && *p != '\\');
	for (p = path + 1;; p++) {
		size_t len;

		seg = p;
		while (*p && *p != '/')
			p++;
		len = (size_t)(p - seg);
		FUZZ_CHECK(!(len == 1 && seg[0] == '.'));
		FUZZ_CHECK(!(len == 2 && seg[0] == '.' && seg[1] == '.'));
		FUZZ_CHECK(len > 0 || *p == '\0');
		if (!*p)
			break;
	}
}

/* What "strict decimal" promises (num.h): a number is accepted only in
 * its one canonical spelling, so printing it back gives the input. */
static void check_number(const char *s)
{
	char back[32];
	int64_t v;

	if (num_parse_id(s, &v) == 0) {
		FUZZ_CHECK(v > 0);
		snprintf(back, sizeof(back), "%" PRId64, v);
		FUZZ_CHECK(strcmp(back, s) == 0);
	}
	if (num_parse_int(s, &v) == 0) {
		snprintf(back, sizeof(back), "%" PRId64, v);
		FUZZ_CHECK(strcmp(back, s) == 0);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	const char *q = memchr(s, '?', size);
	size_t plen = q ? (size_t)(q - s) : size;
	struct kv query[API_MAX_QUERY], one[1];
	size_t count = (size_t)-1;
	struct arena a;
	char *path;
	int rc;

	arena_init(&a);

	/* the whole input both ways: escapes, '+', NUL bytes */
	check_decode(&a, s, size, 0);
	check_decode(&a, s, size, 1);

	path = http_url_decode(&a, s, plen, 0);
	if (path && http_path_safe(path))
		check_safe_path(path);
	if (path)
		check_number(strrchr(path, '/') ? strrchr(path, '/') + 1 : path);

	if (q) {
		size_t qlen = size - plen - 1;

		memset(query, 0, sizeof(query));
		rc = http_parse_query(&a, q + 1, qlen, query, API_MAX_QUERY,
				      &count);
		FUZZ_CHECK(rc == 0 || rc == -1);
		FUZZ_CHECK(count <= API_MAX_QUERY);
		if (rc == 0)
			for (size_t i = 0; i < count; i++) {
				FUZZ_CHECK(query[i].key && query[i].value);
				FUZZ_CHECK(strlen(query[i].key) <= qlen);
				FUZZ_CHECK(strlen(query[i].value) <= qlen);
				check_number(query[i].value);
			}
		/* max 1 into a 1-element array: the rest must be ignored,
		 * not written (ASan sees a write past one[0]) */
		rc = http_parse_query(&a, q + 1, qlen, one, 1, &count);
		FUZZ_CHECK((rc == 0 || rc == -1) && count <= 1);
	}

	arena_release(&a);
	return 0;
}
