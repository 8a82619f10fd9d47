/* clock.h — wall-clock time in UTC epoch seconds / milliseconds.
 *
 * Test builds (PS_TEST_HOOKS) honour PRECINCT_TEST_CLOCK_FILE: a file holding
 * a number of seconds added to the real clock, re-read on every call, so a
 * test can move time forward (idle timeout, lockout expiry) without sleeping;
 * or "@T", which stops the clock at epoch second T (two servers compared
 * answer for answer see the same instant).
 * Release builds ignore it. */
#ifndef PS_CLOCK_H
#define PS_CLOCK_H

#include <stdint.h>

/* Seconds since the epoch, UTC. Cannot fail. */
int64_t ps_now(void);

/* Milliseconds since the epoch, UTC. Cannot fail. */
int64_t ps_now_ms(void);

/* Nanoseconds of the monotonic clock (CLOCK_MONOTONIC), for durations and
 * deadlines: it never jumps, and the test clock above does not move it.
 * Cannot fail. */
int64_t ps_mono_ns(void);

/* Seconds east of UTC of the display zone (Asia/Shanghai: +8 h, no DST). */
#define PS_DISPLAY_TZ_OFFSET (8 * 3600)

#endif
