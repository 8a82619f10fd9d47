#include "core/mem.h"

#include <sodium.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static atomic_ulong fail_countdown;
static atomic_int fail_persistent;
static atomic_ulong failures; /* injected failures so far */
static _Thread_local unsigned long thread_failures; /* any, on this thread */

unsigned long ps_mem_thread_failures(void)
{
	return thread_failures;
}

static void *counted(void *p)
{
	if (!p)
		thread_failures++;
	return p;
}

void ps_mem_fail_at(unsigned long n, int persistent)
{
	atomic_store(&fail_persistent, persistent);
	atomic_store(&fail_countdown, n);
}

unsigned long ps_mem_failures(void)
{
	return atomic_load(&failures);
}

#ifdef PS_TEST_HOOKS
/* With PRECINCT_TEST_ALLOC_TRACE set, an injected failure prints where it
 * happened (in a sanitizer build): to find the failures a request absorbs. */
extern void __sanitizer_print_stack_trace(void) __attribute__((weak));

static void trace_failure(void)
{
	const char *t = getenv("PRECINCT_TEST_ALLOC_TRACE");

	if (t && *t && __sanitizer_print_stack_trace)
		__sanitizer_print_stack_trace();
}
#else
static void trace_failure(void)
{
}
#endif

static int should_fail(void)
{
	unsigned long n = atomic_load(&fail_countdown);

	if (n == 0)
		return 0;
	if (n == 1) {
		if (!atomic_load(&fail_persistent))
			atomic_store(&fail_countdown, 0);
		atomic_fetch_add(&failures, 1);
		trace_failure();
		return 1;
	}
	atomic_fetch_sub(&fail_countdown, 1);
	return 0;
}

void *ps_malloc(size_t n)
{
	if (should_fail())
		return counted(NULL);
	return counted(malloc(n ? n : 1));
}

void *ps_calloc(size_t count, size_t n)
{
	if (should_fail())
		return counted(NULL);
	return counted(calloc(count ? count : 1, n ? n : 1));
}

void *ps_realloc(void *p, size_t n)
{
	if (should_fail())
		return counted(NULL);
	return counted(realloc(p, n ? n : 1));
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

void ps_mem_release(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

void ps_memzero(void *p, size_t n)
{
	if (p && n)
		sodium_memzero(p, n);
}
