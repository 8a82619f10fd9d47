/* test_measures.c — the coercive-measure catalog (issue 4): the 2026-01-01
 * switch of ADM-SUMMON-12H (ZA2025 Art 97 ¶1, Art 144), the 继续盘问 chain
 * CQ-12-24-48 (RMJC Art 9; JXPW Art 11, 17) and CQ-SPECIAL (JXPW Art 10).
 * Expected instants are computed by hand (see each comment; also
 * cross-checked with GNU date(1), never with the code under test).
 *   day numbers: 2025-01-01 = 20089, 2026-01-01 = 20454;
 *   2025-06-01 = 20089 + 151 (Jan…May) = 20240; 2026-06-01 = 20454 + 151 = 20605;
 *   2026-03-10 = 20454 + 59 + 9 = 20522; 2026-10-01 = 20727.
 *   local y-m-d hh:mm (UTC+8) = day × 86400 + hh × 3600 + mm × 60 − 28800. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/rc.h"
#include "rules/clock.h"
#include "rules/date.h"
#include "rules/measures.h"
#include "rules/offence.h"

/* National Day 2026 only (holidays-cn.csv rows 2026-09-20 … 2026-10-10). */
static const struct {
	int m, d, workday;
} oct_rows[] = {
	{ 9, 20, 1 }, { 9, 25, 0 }, { 9, 26, 0 }, { 9, 27, 0 }, { 10, 1, 0 }, { 10, 2, 0 },
	{ 10, 3, 0 }, { 10, 4, 0 }, { 10, 5, 0 }, { 10, 6, 0 }, { 10, 7, 0 }, { 10, 10, 1 },
};

#define OCT_N (sizeof(oct_rows) / sizeof(oct_rows[0]))

static struct holiday_day oct_days[OCT_N];
static struct calendar oct = { oct_days, OCT_N };

static int setup(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < OCT_N; i++) {
		oct_days[i].days = date_days_from_civil(2026, oct_rows[i].m, oct_rows[i].d);
		oct_days[i].workday = oct_rows[i].workday;
	}
	return 0;
}

static int64_t local(int y, int m, int d, int hh, int mm)
{
	return date_days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60 - 28800;
}

static const struct measure_tier *tier(const char *kind, const char *name)
{
	const struct measure_tier *t = measure_tier_find(kind, name);

	assert_non_null(t);
	return t;
}

static void refused(int rc, const struct ps_err *err, const char *rule)
{
	assert_int_equal(rc, PS_ERULE);
	assert_int_equal(err->rc, PS_ERULE);
	assert_non_null(err->rule);
	assert_string_equal(err->rule, rule);
	assert_true(err->msg[0] != '\0');
}

static int extend(const char *kind, const char *from, const char *to, int64_t now, int64_t end,
		  int approved, struct ps_err *err)
{
	ps_err_clear(err);
	return measure_extend_check(tier(kind, from), tier(kind, to), now, end, approved, err);
}

/* ---- catalog rows */

static void test_catalog_rows(void **state)
{
	const struct measure_tier *t;

	(void)state;
	/* ADM-SUMMON-8H: 8 h, both laws */
	t = tier("summons", "8h");
	assert_int_equal(measure_tier_unit(t), CLOCK_HOURS);
	assert_int_equal(measure_tier_amount(t), 8);
	assert_true(measure_tier_liberty(t));
	assert_true(t->za2012 && t->za2025);
	assert_string_equal(measure_tier_rule(t), "ADM-SUMMON-8H");
	/* ADM-SUMMON-12H: new in ZA2025, needs a reason */
	t = tier("summons", "12h");
	assert_int_equal(measure_tier_amount(t), 12);
	assert_false(t->za2012);
	assert_true(t->za2025);
	assert_true(t->needs_reason);
	/* ADM-SUMMON-24H: both laws, reason */
	t = tier("summons", "24h");
	assert_int_equal(measure_tier_amount(t), 24);
	assert_true(t->za2012 && t->za2025);
	assert_true(t->needs_reason);
	/* CQ-12-24-48 and CQ-SPECIAL */
	assert_int_equal(measure_tier_amount(tier("continued_questioning", "12h")), 12);
	assert_int_equal(measure_tier_amount(tier("continued_questioning", "24h")), 24);
	assert_int_equal(measure_tier_amount(tier("continued_questioning", "48h")), 48);
	assert_int_equal(measure_tier_amount(tier("continued_questioning", "special_4h")), 4);
	assert_string_equal(measure_tier_rule(tier("continued_questioning", "special_4h")), "CQ-SPECIAL");
	assert_string_equal(tier("continued_questioning", "48h")->extends, "24h");
	assert_string_equal(tier("continued_questioning", "24h")->extends, "12h");
	assert_null(tier("continued_questioning", "12h")->extends);
	/* the 24 h / 48 h extensions need approvals (county 值班负责人 / 主管负责人) */
	assert_non_null(tier("continued_questioning", "24h")->approver);
	assert_non_null(tier("continued_questioning", "48h")->approver);
	/* CRIM-ARREST-REQUEST: 3 days, custody; CRIM-BAIL-12M: 12 months, not custody */
	t = tier("crim_detention", "3d");
	assert_int_equal(measure_tier_unit(t), CLOCK_DAYS);
	assert_int_equal(measure_tier_amount(t), 3);
	assert_true(measure_tier_liberty(t));
	assert_int_equal(measure_tier_amount(tier("crim_detention", "7d")), 7);
	assert_int_equal(measure_tier_amount(tier("crim_detention", "30d")), 30);
	t = tier("bail", "12m");
	assert_int_equal(measure_tier_unit(t), CLOCK_MONTHS);
	assert_int_equal(measure_tier_amount(t), 12);
	assert_false(measure_tier_liberty(t));
	/* lookups */
	assert_null(measure_tier_find("summons", "9h"));
	assert_null(measure_tier_find("nope", "8h"));
	assert_null(measure_tier_find(NULL, "8h"));
	assert_null(measure_tier_find("summons", NULL));
	assert_string_equal(measure_kind_label("continued_questioning"), "继续盘问");
	assert_string_equal(measure_kind_label("bail"), "取保候审");
	assert_string_equal(measure_kind_label("xyz"), "xyz");
}

/* Every row is well formed: an extension tier names an existing, shorter
 * tier of the same kind and unit, and needs a reason. */
static void test_catalog_consistent(void **state)
{
	const struct measure_tier *t, *base;

	(void)state;
	for (t = measure_tiers; t->kind; t++) {
		assert_non_null(t->tier);
		assert_non_null(measure_tier_rule(t));
		assert_non_null(t->label);
		assert_true(t->za2012 || t->za2025);
		if (t->extends) {
			/* a '|'-separated list of the tiers it may extend */
			char list[64], *tok, *save = NULL;

			snprintf(list, sizeof(list), "%s", t->extends);
			for (tok = strtok_r(list, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
				base = measure_tier_find(t->kind, tok);
				assert_non_null(base);
				assert_int_equal(measure_tier_unit(base), measure_tier_unit(t));
				assert_true(measure_tier_amount(base) < measure_tier_amount(t));
			}
			assert_true(t->needs_reason);
		}
	}
}

/* ---- the 2026-01-01 switch (ZA2025 Art 144; VER-1: procedure follows the
 * law in force on the date of the act) */

static void test_law_switch_date(void **state)
{
	(void)state;
	assert_int_equal(law_in_force(2025, 12, 31), LAW_ZA2012);
	assert_int_equal(law_in_force(2026, 1, 1), LAW_ZA2025);
	assert_int_equal(law_in_force(2025, 6, 1), LAW_ZA2012);
	assert_int_equal(law_in_force(2026, 6, 1), LAW_ZA2025);
}

/* 2025-06-01 10:00 +08 (day 20240, a 端午 holiday — irrelevant to hours):
 *   20240 × 86400 + 7200 = 1748736000 + 7200 = 1748743200.
 * ZA2012 has only the 8 h tier (the 12 h tier is refused, even with a reason);
 * 8 h → end 1748743200 + 28800 = 1748772000 (18:00 +08).
 * 9 hours in = 1748743200 + 32400 = 1748775600 (19:00 +08) ≥ end → BREACH. */
static void test_9h_summons_2025_breach(void **state)
{
	struct warn_policy p;
	struct ps_err err;
	int64_t s = local(2025, 6, 1, 10, 0), e;
	const struct measure_tier *t8 = tier("summons", "8h");

	(void)state;
	clock_policy_default(&p);
	assert_int_equal(s, 1748743200);
	ps_err_clear(&err);
	refused(measure_start_check(tier("summons", "12h"), LAW_ZA2012, 1, 0, &err), &err,
		"ADM-SUMMON-12H");
	ps_err_clear(&err);
	assert_int_equal(measure_start_check(t8, LAW_ZA2012, 0, 0, &err), PS_OK);
	e = clock_deadline(NULL, s, measure_tier_unit(t8), measure_tier_amount(t8), measure_tier_liberty(t8));
	assert_int_equal(e, 1748772000);
	assert_int_equal(clock_level(&p, s, e, measure_tier_unit(t8), 1748775600), LEVEL_BREACH);
	assert_int_equal(clock_level(&p, s, e, measure_tier_unit(t8), 1748771999), LEVEL_URGENT);
}

/* 2026-06-01 10:00 +08 (day 20605): 20605 × 86400 + 7200 = 1780272000 + 7200
 *   = 1780279200. ZA2025, 身份不明 → 12 h tier with a reason.
 * end = +43200 = 1780322400 (22:00 +08). 9 hours in = +32400 = 1780311600:
 * not a breach; 75 % of 12 h = 9 h exactly → WARN at that second, OK one
 * second before. */
static void test_9h_summons_2026_not_breach(void **state)
{
	struct warn_policy p;
	struct ps_err err;
	int64_t s = local(2026, 6, 1, 10, 0), e;
	const struct measure_tier *t12 = tier("summons", "12h");

	(void)state;
	clock_policy_default(&p);
	assert_int_equal(s, 1780279200);
	ps_err_clear(&err);
	assert_int_equal(measure_start_check(t12, LAW_ZA2025, 1, 0, &err), PS_OK);
	/* without a reason code the 12 h tier is refused */
	ps_err_clear(&err);
	refused(measure_start_check(t12, LAW_ZA2025, 0, 0, &err), &err, "ADM-SUMMON-12H");
	e = clock_deadline(NULL, s, measure_tier_unit(t12), measure_tier_amount(t12), measure_tier_liberty(t12));
	assert_int_equal(e, 1780322400);
	assert_int_equal(clock_level(&p, s, e, measure_tier_unit(t12), 1780311600), LEVEL_WARN);
	assert_int_equal(clock_level(&p, s, e, measure_tier_unit(t12), 1780311599), LEVEL_OK);
	/* the same 9 h under the 8 h tier would be a breach: end 1780279200 + 28800 */
	assert_int_equal(clock_level(&p, s, 1780308000, CLOCK_HOURS, 1780311600), LEVEL_BREACH);
}

/* ---- 继续盘问 CQ-12-24-48 */

/* 带至公安机关 2026-03-10 20:00 +08 = 20522 × 86400 + 43200 = 1773100800 + 43200
 * = 1773144000. Ends: 12 h → 1773187200 (03-11 08:00); 24 h → 1773230400
 * (03-11 20:00); 48 h → 1773316800 (03-12 20:00). All counted from arrival. */
#define CQ_START 1773144000
#define CQ_END12 1773187200
#define CQ_END24 1773230400
#define CQ_END48 1773316800

static void test_cq_chain_accepted(void **state)
{
	struct ps_err err;
	const char *cq = "continued_questioning";

	(void)state;
	assert_int_equal(clock_deadline(NULL, CQ_START, CLOCK_HOURS, 12, 1), CQ_END12);
	assert_int_equal(clock_deadline(NULL, CQ_START, CLOCK_HOURS, 24, 1), CQ_END24);
	assert_int_equal(clock_deadline(NULL, CQ_START, CLOCK_HOURS, 48, 1), CQ_END48);
	ps_err_clear(&err);
	assert_int_equal(measure_start_check(tier(cq, "12h"), LAW_ZA2025, 0, 0, &err), PS_OK);
	/* 12 → 24 approved at 03-11 07:30 (1773185400, 30 min before the end) */
	assert_int_equal(extend(cq, "12h", "24h", 1773185400, CQ_END12, 1, &err), PS_OK);
	/* 24 → 48 approved at 03-11 19:00 (1773226800) */
	assert_int_equal(extend(cq, "24h", "48h", 1773226800, CQ_END24, 1, &err), PS_OK);
	/* one second before the end is still in time */
	assert_int_equal(extend(cq, "12h", "24h", CQ_END12 - 1, CQ_END12, 1, &err), PS_OK);
	assert_int_equal(extend(cq, "24h", "48h", CQ_END24 - 1, CQ_END24, 1, &err), PS_OK);
}

static void test_cq_refusals(void **state)
{
	struct ps_err err;
	const char *cq = "continued_questioning";

	(void)state;
	/* direct 12 → 48 jump, even approved and in time */
	refused(extend(cq, "12h", "48h", 1773185400, CQ_END12, 1, &err), &err, "CQ-12-24-48");
	/* decided at the end or after it */
	refused(extend(cq, "12h", "24h", CQ_END12, CQ_END12, 1, &err), &err, "CQ-12-24-48");
	refused(extend(cq, "12h", "24h", CQ_END12 + 3600, CQ_END12, 1, &err), &err, "CQ-12-24-48");
	refused(extend(cq, "24h", "48h", CQ_END24, CQ_END24, 1, &err), &err, "CQ-12-24-48");
	/* no approval */
	refused(extend(cq, "12h", "24h", 1773185400, CQ_END12, 0, &err), &err, "CQ-12-24-48");
	refused(extend(cq, "24h", "48h", 1773226800, CQ_END24, 0, &err), &err, "CQ-12-24-48");
	/* backwards, same tier, beyond 48 h */
	refused(extend(cq, "24h", "12h", 1773185400, CQ_END24, 1, &err), &err, "CQ-12-24-48");
	refused(extend(cq, "24h", "24h", 1773185400, CQ_END24, 1, &err), &err, "CQ-12-24-48");
	refused(extend(cq, "48h", "48h", 1773226800, CQ_END48, 1, &err), &err, "CQ-12-24-48");
	/* another kind's "12h" tier cannot be extended into 继续盘问 24 h */
	ps_err_clear(&err);
	refused(measure_extend_check(tier("summons", "12h"), tier(cq, "24h"), 1773185400,
				     CQ_END12, 1, &err),
		&err, "CQ-12-24-48");
}

/* CQ-SPECIAL (JXPW Art 10): pregnant / nursing < 1 / under 16 / 70+ get only
 * the 4 h tier, which cannot be extended.
 * 4 h from 1773144000 → 1773158400 (03-11 00:00 +08).
 * WARN: 75 % = 3 h = 10800 and limit − 1 h = 3 h → 1773154800 (23:00);
 * URGENT: 90 % = 3 h 36 min = 12960 → 1773156960 (23:36). */
static void test_cq_special_4h(void **state)
{
	struct warn_policy p;
	struct ps_err err;
	const char *cq = "continued_questioning";
	const struct measure_tier *t4 = tier(cq, "special_4h");
	int64_t e;

	(void)state;
	clock_policy_default(&p);
	ps_err_clear(&err);
	refused(measure_start_check(tier(cq, "12h"), LAW_ZA2025, 0, 1, &err), &err, "CQ-SPECIAL");
	ps_err_clear(&err);
	refused(measure_start_check(tier(cq, "24h"), LAW_ZA2025, 1, 1, &err), &err, "CQ-SPECIAL");
	ps_err_clear(&err);
	refused(measure_start_check(tier(cq, "48h"), LAW_ZA2012, 1, 1, &err), &err, "CQ-SPECIAL");
	ps_err_clear(&err);
	assert_int_equal(measure_start_check(t4, LAW_ZA2025, 0, 1, &err), PS_OK);
	ps_err_clear(&err);
	assert_int_equal(measure_start_check(t4, LAW_ZA2012, 0, 1, &err), PS_OK);
	/* a tier that extends another is not a first tier; the 传唤's are */
	ps_err_clear(&err);
	refused(measure_first_tier_check(tier(cq, "48h"), &err), &err, "CQ-12-24-48");
	ps_err_clear(&err);
	refused(measure_first_tier_check(tier("arrest", "7m"), &err), &err, "CRIM-CUSTODY-2M");
	ps_err_clear(&err);
	refused(measure_first_tier_check(tier("crim_detention", "30d"), &err), &err, "CRIM-ARREST-REQUEST");
	ps_err_clear(&err);
	assert_int_equal(measure_first_tier_check(tier("summons", "24h"), &err), PS_OK);
	assert_int_equal(measure_first_tier_check(tier(cq, "12h"), &err), PS_OK);
	assert_true(measure_kind_criminal("arrest") && !measure_kind_criminal("summons"));
	/* a special person is not thereby limited in other measures' tiers */
	ps_err_clear(&err);
	assert_int_equal(measure_start_check(tier("summons", "8h"), LAW_ZA2025, 0, 1, &err), PS_OK);

	e = clock_deadline(NULL, CQ_START, measure_tier_unit(t4), measure_tier_amount(t4), measure_tier_liberty(t4));
	assert_int_equal(e, 1773158400);
	assert_int_equal(clock_warn_at(&p, CQ_START, e, CLOCK_HOURS), 1773154800);
	assert_int_equal(clock_urgent_at(&p, CQ_START, e, CLOCK_HOURS), 1773156960);
	assert_int_equal(clock_level(&p, CQ_START, e, CLOCK_HOURS, 1773154799), LEVEL_OK);
	assert_int_equal(clock_level(&p, CQ_START, e, CLOCK_HOURS, 1773158400), LEVEL_BREACH);

	/* no extension out of the 4 h tier */
	refused(extend(cq, "special_4h", "24h", 1773154800, e, 1, &err), &err, "CQ-12-24-48");
	refused(extend(cq, "special_4h", "12h", 1773154800, e, 1, &err), &err, "CQ-12-24-48");
}

/* ---- the catalog rows drive the holiday rule */

/* crim_detention 3d (liberty): detained 2026-09-30 10:00 +08 → last day 10-03
 * → 2026-10-03T16:00Z = 20729 × 86400 + 57600 = 1791043200 (no extension).
 * bail 12m (not custody): from 2025-10-01 → last day 2026-10-01 (holiday) →
 * 10-08 (Thu, day 20734) → 20734 × 86400 + 57600 = 1791475200. */
static void test_tier_liberty_drives_holidays(void **state)
{
	const struct measure_tier *d3 = tier("crim_detention", "3d"), *b = tier("bail", "12m");

	(void)state;
	assert_int_equal(clock_deadline(&oct, local(2026, 9, 30, 10, 0), measure_tier_unit(d3), measure_tier_amount(d3),
					measure_tier_liberty(d3)),
			 1791043200);
	assert_int_equal(clock_deadline(&oct, local(2025, 10, 1, 10, 0), measure_tier_unit(b), measure_tier_amount(b),
					measure_tier_liberty(b)),
			 1791475200);
}

/* Summons 8 h → 24 h (情况复杂 and 可能行政拘留) before the end, approved: OK
 * under both laws' tiers; after the 8 h end it is refused. */
static void test_summons_extend(void **state)
{
	struct ps_err err;
	int64_t s = 1780279200, end8 = 1780279200 + 28800;

	(void)state;
	assert_int_equal(extend("summons", "8h", "24h", s + 7 * 3600, end8, 1, &err), PS_OK);
	refused(extend("summons", "8h", "24h", end8, end8, 1, &err), &err, "ADM-SUMMON-24H");
	refused(extend("summons", "8h", "24h", s + 7 * 3600, end8, 0, &err), &err,
		"ADM-SUMMON-24H");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalog_rows),
		cmocka_unit_test(test_catalog_consistent),
		cmocka_unit_test(test_law_switch_date),
		cmocka_unit_test(test_9h_summons_2025_breach),
		cmocka_unit_test(test_9h_summons_2026_not_breach),
		cmocka_unit_test(test_cq_chain_accepted),
		cmocka_unit_test(test_cq_refusals),
		cmocka_unit_test(test_cq_special_4h),
		cmocka_unit_test(test_tier_liberty_drives_holidays),
		cmocka_unit_test(test_summons_extend),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
