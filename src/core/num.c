#include "core/num.h"
#include "core/rc.h"

#include <stddef.h>

/* Digits of s as a magnitude not above limit; PS_EINVAL on anything else. */
static int magnitude(const char *s, uint64_t limit, uint64_t *out)
{
	uint64_t n = 0;

	*out = 0;
	if (s[0] < '0' || s[0] > '9')
		return PS_EINVAL;
	if (s[0] == '0' && s[1] != '\0')
		return PS_EINVAL; /* leading zero */
	for (const char *p = s; *p; p++) {
		unsigned d;

		if (*p < '0' || *p > '9')
			return PS_EINVAL;
		d = (unsigned)(*p - '0');
		if (n > (limit - d) / 10)
			return PS_EINVAL; /* overflow */
		n = n * 10 + d;
	}
	*out = n;
	return PS_OK;
}

int num_parse_id(const char *s, int64_t *out)
{
	uint64_t n;

	*out = 0;
	if (!s || magnitude(s, (uint64_t)INT64_MAX, &n) || n == 0)
		return PS_EINVAL;
	*out = (int64_t)n;
	return PS_OK;
}

int num_parse_int(const char *s, int64_t *out)
{
	uint64_t n;

	*out = 0;
	if (!s)
		return PS_EINVAL;
	if (s[0] == '-') {
		if (magnitude(s + 1, (uint64_t)INT64_MAX + 1, &n) || n == 0)
			return PS_EINVAL;
		*out = n == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)n;
		return PS_OK;
	}
	if (magnitude(s, (uint64_t)INT64_MAX, &n))
		return PS_EINVAL;
	*out = (int64_t)n;
	return PS_OK;
}

size_t num_format_int(char *buf, int64_t v)
{
	char tmp[NUM_INT_MAX];
	/* the magnitude as unsigned: -INT64_MIN does not fit an int64_t */
	uint64_t n = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	size_t len = 0, i = 0;

	do {
		tmp[len++] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	if (v < 0)
		buf[i++] = '-';
	while (len)
		buf[i++] = tmp[--len];
	buf[i] = '\0';
	return i;
}
