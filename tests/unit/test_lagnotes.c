/* test_lagnotes.c — how late a copy of a growing log is (core/lagnotes.h),
 * on notes written by hand: a copy that keeps up, one that stopped, notes
 * with a gap of ten minutes between them (a server that did not lead the
 * standbys' watch for a while), a copy older than every note, and the ring
 * dropping its oldest note. The bounds below are counted from the notes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/lagnotes.h"

static void bounds(const struct lagnotes *l, int64_t now, long long copied, int64_t least, int64_t most)
{
	int64_t lo, hi;

	lagnotes_bounds(l, now, copied, &lo, &hi);
	assert_int_equal(lo, least);
	assert_int_equal(hi, most);
}

static void a_copy_that_keeps_up_is_not_late(void **state)
{
	struct lagnotes l = { 0 };

	(void)state;
	/* every 30 s the log grows by 100 */
	for (int i = 0; i <= 4; i++)
		lagnotes_add(&l, 30000LL * i, 100LL * i);
	/* at 120 s: the copy has everything */
	bounds(&l, 120000, 400, 0, 0);
	/* it lacks the last 50: written after the note of 90 s, before 120 s */
	bounds(&l, 120000, 350, 0, 30000);
	/* the empty ring says nothing */
	{
		struct lagnotes none = { 0 };

		bounds(&none, 5, 7, 0, -1);
	}
}

static void a_copy_that_stopped_grows_late(void **state)
{
	struct lagnotes l = { 0 };

	(void)state;
	for (int i = 0; i <= 6; i++)
		lagnotes_add(&l, 30000LL * i, 100LL * i);
	/* it stopped at 150 (between the notes of 30 s and 60 s): it lacks
	 * what was written before 60 s, and holds all until 30 s */
	bounds(&l, 180000, 150, 120000, 150000);
	/* it stopped at exactly the note of 60 s */
	bounds(&l, 180000, 200, 90000, 120000);
}

static void a_gap_in_the_notes_never_makes_a_copy_late(void **state)
{
	struct lagnotes l = { 0 };

	(void)state;
	/* notes at 0 and 30 s, then none for ten minutes (another server
	 * watched), then one at 630 s */
	lagnotes_add(&l, 0, 0);
	lagnotes_add(&l, 30000, 100);
	lagnotes_add(&l, 630000, 5000);
	/* a copy 1 s behind lacks only what was written before the last note:
	 * at least 0 s late, whatever the gap (its upper bound is wide) */
	bounds(&l, 630000, 4990, 0, 600000);
	/* at 631 s, still behind: at least 1 s */
	bounds(&l, 631000, 4990, 1000, 601000);
}

static void a_copy_older_than_every_note(void **state)
{
	struct lagnotes l = { 0 };

	(void)state;
	lagnotes_add(&l, 60000, 500);
	lagnotes_add(&l, 90000, 600);
	/* it lacks what the oldest note saw: at least 60 s at 120 s, and no
	 * note is old enough to say how much more */
	bounds(&l, 120000, 400, 60000, -1);
}

static void the_ring_drops_its_oldest_note(void **state)
{
	struct lagnotes l = { 0 };

	(void)state;
	for (int i = 0; i < LAGNOTES_MAX + 10; i++)
		lagnotes_add(&l, 1000LL * i, 10LL * i);
	assert_int_equal(l.n, LAGNOTES_MAX);
	/* the oldest note kept is of i = 10 (10 s, position 100): a copy at
	 * 50 lacks it, and the bound comes from it */
	bounds(&l, 100000, 50, 90000, -1);
	/* a copy at position 100 holds the oldest note kept: from 10 s on */
	bounds(&l, 100000, 100, 89000, 90000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_copy_that_keeps_up_is_not_late),
		cmocka_unit_test(a_copy_that_stopped_grows_late),
		cmocka_unit_test(a_gap_in_the_notes_never_makes_a_copy_late),
		cmocka_unit_test(a_copy_older_than_every_note),
		cmocka_unit_test(the_ring_drops_its_oldest_note),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
