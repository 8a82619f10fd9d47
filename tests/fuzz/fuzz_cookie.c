/* fuzz_cookie.c — libFuzzer target for the Cookie header parser
 * (TRUST FUZ-1): http_cookie_value on a NUL-terminated copy of the input,
 * as the http layer hands it the header. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/parse.h"
#include "fuzz_check.h"

#define COOKIE_NAME "precinct_session"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	char *hdr, *v;

	hdr = malloc(size + 1);
	if (!hdr)
		return 0;
	memcpy(hdr, data, size);
	hdr[size] = '\0';

	arena_init(&a);
	v = http_cookie_value(&a, hdr, COOKIE_NAME);
	if (v) {
		/* found only where "name=" occurs; a cookie-octet string
		 * (RFC 6265 §4.1.1) no longer than the header */
		FUZZ_CHECK(strstr(hdr, COOKIE_NAME "=") != NULL);
		FUZZ_CHECK(strlen(v) <= strlen(hdr));
		for (const unsigned char *p = (const unsigned char *)v; *p; p++)
			FUZZ_CHECK(*p >= 0x21 && *p <= 0x7e && *p != '"' &&
				   *p != ',' && *p != ';' && *p != '\\');
	}
	FUZZ_CHECK(http_cookie_value(&a, NULL, COOKIE_NAME) == NULL);
	arena_release(&a);
	free(hdr);
	return 0;
}
