#include "core/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int64_t test_offset_ms(void)
{
#ifdef PS_TEST_HOOKS
	const char *path = getenv("PRECINCT_TEST_CLOCK_FILE");
	FILE *f;
	long long off = 0;

	if (!path || !*path)
		return 0;
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fscanf(f, "%lld", &off) != 1)
		off = 0;
	fclose(f);
	return (int64_t)off * 1000;
#else
	return 0;
#endif
}

int64_t ps_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + test_offset_ms();
}

int64_t ps_now(void)
{
	return ps_now_ms() / 1000;
}
