#include "core/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* The test clock file: "N" adds N seconds to the real clock; "@T" stops the
 * clock at epoch second T. Sets *frozen for the second form. */
static int64_t test_clock_ms(int *frozen)
{
	*frozen = 0;
#ifdef PS_TEST_HOOKS
	const char *path = getenv("PRECINCT_TEST_CLOCK_FILE");
	FILE *f;
	long long v = 0;

	if (!path || !*path)
		return 0;
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fscanf(f, " @%lld", &v) == 1)
		*frozen = 1;
	else if (fscanf(f, "%lld", &v) != 1)
		v = 0;
	fclose(f);
	return (int64_t)v * 1000;
#else
	return 0;
#endif
}

int64_t ps_now_ms(void)
{
	struct timespec ts;
	int frozen;
	int64_t t = test_clock_ms(&frozen);

	if (frozen)
		return t;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + t;
}

int64_t ps_now(void)
{
	return ps_now_ms() / 1000;
}

int64_t ps_mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}
