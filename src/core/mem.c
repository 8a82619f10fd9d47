#include "core/mem.h"

#include <sodium.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static atomic_ulong fail_countdown;
static atomic_int fail_persistent;

void ps_mem_fail_at(unsigned long n, int persistent)
{
	atomic_store(&fail_persistent, persistent);
	atomic_store(&fail_countdown, n);
}

static int should_fail(void)
{
	unsigned long n = atomic_load(&fail_countdown);

	if (n == 0)
		return 0;
	if (n == 1) {
		if (!atomic_load(&fail_persistent))
			atomic_store(&fail_countdown, 0);
		return 1;
	}
	atomic_fetch_sub(&fail_countdown, 1);
	return 0;
}

void *ps_malloc(size_t n)
{
	if (should_fail())
		return NULL;
	return malloc(n ? n : 1);
}

void *ps_calloc(size_t count, size_t n)
{
	if (should_fail())
		return NULL;
	return calloc(count ? count : 1, n ? n : 1);
}

void *ps_realloc(void *p, size_t n)
{
	if (should_fail())
		return NULL;
	return realloc(p, n ? n : 1);
}

void ps_free(void *p)
{
	free(p);
}

char *ps_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = ps_malloc(n);

	if (p)
		memcpy(p, s, n);
	return p;
}

void ps_memzero(void *p, size_t n)
{
	if (p && n)
		sodium_memzero(p, n);
}
