/* test_catalog.c — the rule catalog (rules/catalog.def): its rows are well
 * formed, a code finds the row of the law in force on a day, and the periods
 * of the clocks it drives end where the law says. Expected instants are
 * computed by hand from the calendar (each comment says how), never with
 * the code under test.
 *   day numbers: 1970-01-01 (a Thursday) = 0; 2026-01-01 = 20454 (Thursday);
 *   2026-06-01 = 20605 (Monday); 2026-09-01 = 20697 (Tuesday);
 *   2026-09-30 = 20726 (Wednesday); 2026-10-01 = 20727 (Thursday).
 *   National Day 2026: 10-01 … 10-07 放假, 10-10 (Saturday) 调休上班.
 *   local y-m-d hh:mm (UTC+8) = day × 86400 + hh × 3600 + mm × 60 − 28800. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/rc.h"
#include "rules/catalog.h"
#include "rules/clock.h"
#include "rules/date.h"
#include "rules/interview_rules.h"
#include "rules/measures.h"

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
	(void)state;
	for (size_t i = 0; i < OCT_N; i++) {
		oct_days[i].days = date_days_from_civil(2026, oct_rows[i].m, oct_rows[i].d);
		oct_days[i].workday = oct_rows[i].workday;
	}
	return 0;
}

static int64_t local(int y, int m, int d, int hh, int mm)
{
	return date_days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60 - 28800;
}

/* Every row has a code, a label, a public sentence and a source; rows that
 * the system enforces or warns on name their test; rows of one code do not
 * overlap in time; a value-less unit has no values. */
static void rows_are_well_formed(void **state)
{
	(void)state;
	for (int i = 0; i < RULE_COUNT; i++) {
		const struct rule *r = rule_get((enum rule_id)i);

		assert_int_equal(r->id, i);
		assert_non_null(r->code);
		assert_true(strlen(r->label) > 0 && strlen(r->plain) > 0 && strlen(r->source) > 0);
		assert_true(r->ver == 'V' || r->ver == 'S' || r->ver == 'U');
		assert_non_null(r->from);
		if (r->status != RS_NOT)
			assert_non_null(r->test);
		else
			assert_non_null(r->note); /* why it is not enforced */
		if (r->kind == RK_TIME && !(r->flags & RF_SETTING))
			assert_true(r->value[0] > 0);
		for (int j = i + 1; j < RULE_COUNT; j++) {
			const struct rule *o = rule_get((enum rule_id)j);

			if (strcmp(r->code, o->code) != 0)
				continue;
			/* two versions: one ends before the other starts */
			assert_true((r->to && strcmp(r->to, o->from) < 0) || (o->to && strcmp(o->to, r->from) < 0));
		}
	}
}

/* A code finds the row of the law in force that day (VER-1: ADM-STATION-POWER
 * is 500 元 under ZA2012 Art 91 until 2025-12-31, 1000 元 under ZA2025 Art 109). */
static void find_by_day(void **state)
{
	(void)state;
	assert_int_equal(rule_find_on("ADM-STATION-POWER", date_days_from_civil(2025, 12, 31))->value[0], 500);
	assert_int_equal(rule_find_on("ADM-STATION-POWER", date_days_from_civil(2026, 1, 1))->value[0], 1000);
	assert_int_equal(rule_find("ADM-HEARING")->value[0], 4000);
	assert_int_equal(rule_find_on("ADM-HEARING", 0)->value[0], 2000);
	assert_int_equal(rule_find_on("ADM-MINOR-GUARDIAN", date_days_from_civil(2025, 6, 1))->value[0], 16);
	assert_int_equal(rule_find("ADM-MINOR-GUARDIAN")->value[0], 18);
	/* ADM-HEARING-MINOR: under 18 (ZA2025 Art 117 ¶2) */
	assert_int_equal(rule_find("ADM-HEARING-MINOR")->value[0], 18);
	assert_null(rule_find("NO-SUCH-RULE"));
	assert_null(rule_find(NULL));
	/* ADM-SUMMON-NOCHAIN's gap is a setting (warn.nochain_hours), not law */
	assert_true(rule_find("ADM-SUMMON-NOCHAIN")->flags & RF_SETTING);
}

/* PROC-PRESERVE-7D: 7 working days (XZCF Art 56, 85). From Wednesday
 * 2026-09-30 10:00: 10-01…10-07 do not count; 10-08 (1), 10-09 (2), 10-10
 * Saturday 调休 (3), 10-12 (4), 10-13 (5), 10-14 (6), 10-15 (7) → ends
 * 10-15 24:00 = 10-16 00:00. As calendar days it would have ended 10-07,
 * moved to 10-08 (10-09 00:00). Without holidays, from Monday 2026-06-01:
 * 06-02…06-05 (4), 06-08, 06-09, 06-10 (7) → 06-11 00:00. */
static void preservation_counts_working_days(void **state)
{
	(void)state;
	assert_int_equal(rule_get(RULE_PROC_PRESERVE_7D)->unit, RU_WORKDAYS);
	assert_int_equal(rule_deadline(&oct, RULE_PROC_PRESERVE_7D, 0, local(2026, 9, 30, 10, 0)),
			 local(2026, 10, 16, 0, 0));
	assert_int_equal(rule_deadline(NULL, RULE_PROC_PRESERVE_7D, 0, local(2026, 6, 1, 10, 0)),
			 local(2026, 6, 11, 0, 0));
	assert_int_equal(measure_tier_deadline(&oct, measure_tier_find("preservation", "7d"),
					       local(2026, 9, 30, 10, 0), 0),
			 local(2026, 10, 16, 0, 0));
}

/* Calendar-day periods move past a holiday unless liberty is restricted. */
static void day_periods(void **state)
{
	int64_t s = local(2026, 9, 30, 10, 0);

	(void)state;
	/* ADM-DELIVER-2D: 10-02 is a holiday → 10-08, ends 10-09 00:00 */
	assert_int_equal(rule_deadline(&oct, RULE_ADM_DELIVER_2D, 0, s), local(2026, 10, 9, 0, 0));
	/* CRIM-FILE-REVIEW-3D: 3 days → 10-03 → 10-08 (10-09 00:00); 30 days
	 * → 10-30 (a Friday), ends 10-31 00:00 */
	assert_int_equal(rule_deadline(&oct, RULE_CRIM_FILE_REVIEW_3D, 0, s), local(2026, 10, 9, 0, 0));
	assert_int_equal(rule_deadline(&oct, RULE_CRIM_FILE_REVIEW_3D, 2, s), local(2026, 10, 31, 0, 0));
	/* PROC-ACCEPT-REVIEW-3D (before 2026): the same 3 days */
	assert_int_equal(rule_deadline(&oct, RULE_PROC_ACCEPT_REVIEW_3D, 0, s), local(2026, 10, 9, 0, 0));
	/* CRIM-ARREST-DECISION-7D: liberty restricted, no move: 10-07 → 10-08 00:00 */
	assert_int_equal(rule_deadline(&oct, RULE_CRIM_ARREST_DECISION_7D, 0, s), local(2026, 10, 8, 0, 0));
	/* CASE-ARCHIVE: the day after closing, never moved: 10-01 → 10-02 00:00 */
	assert_int_equal(rule_deadline(&oct, RULE_CASE_ARCHIVE, 0, s), local(2026, 10, 2, 0, 0));
	/* PROC-SEIZE-30D: from 09-01, 30 days → 10-01 holiday → 10-08 (10-09
	 * 00:00); extended to 60 → 10-31 (Saturday) → 11-02 (11-03 00:00) */
	assert_int_equal(rule_deadline(&oct, RULE_PROC_SEIZE_30D, 0, local(2026, 9, 1, 10, 0)),
			 local(2026, 10, 9, 0, 0));
	assert_int_equal(rule_deadline(&oct, RULE_PROC_SEIZE_30D, 1, local(2026, 9, 1, 10, 0)),
			 local(2026, 11, 3, 0, 0));
}

/* Month periods: CRIM-CUSTODY-2M 2/3/5/7 months, in custody (no move);
 * CRIM-RSL-6M 6 months, not in custody. From 2026-03-10 10:00: 2 months →
 * 05-10 (a Sunday, not moved) → 05-11 00:00; 7 months → 10-10 → 10-11
 * 00:00; 监视居住 6 months → 09-10 (a Thursday) → 09-11 00:00; from
 * 2026-04-05 10:00, 6 months → 10-05 (holiday) → 10-08 → 10-09 00:00. */
static void month_periods(void **state)
{
	int64_t s = local(2026, 3, 10, 10, 0);

	(void)state;
	assert_int_equal(rule_deadline(&oct, RULE_CRIM_CUSTODY_2M, 0, s), local(2026, 5, 11, 0, 0));
	assert_int_equal(rule_deadline(&oct, RULE_CRIM_CUSTODY_2M, 3, s), local(2026, 10, 11, 0, 0));
	assert_int_equal(rule_deadline(&oct, RULE_CRIM_RSL_6M, 0, s), local(2026, 9, 11, 0, 0));
	assert_int_equal(rule_deadline(&oct, RULE_CRIM_RSL_6M, 0, local(2026, 4, 5, 10, 0)),
			 local(2026, 10, 9, 0, 0));
}

/* Hour periods run continuously: CRIM-SUMMON-12H 12 / 24 h; the 24 h
 * milestones of CRIM-DETAIN-KSS-24H, CRIM-DETAIN-FAMILY-24H, CRIM-ARREST-24H;
 * PROC-DRUNK 24 h [U]; CQ-FAMILY 1 h [U]; PROC-ACCEPT-REVIEW 24 h. */
static void hour_periods(void **state)
{
	int64_t s = local(2026, 9, 30, 22, 30);

	(void)state;
	assert_int_equal(rule_deadline(&oct, RULE_CRIM_SUMMON_12H, 0, s), local(2026, 10, 1, 10, 30));
	assert_int_equal(rule_deadline(&oct, RULE_CRIM_SUMMON_12H, 1, s), local(2026, 10, 1, 22, 30));
	assert_int_equal(rule_deadline(&oct, RULE_CRIM_DETAIN_KSS_24H, 0, s), local(2026, 10, 1, 22, 30));
	assert_int_equal(rule_deadline(&oct, RULE_CRIM_DETAIN_FAMILY_24H, 0, s), local(2026, 10, 1, 22, 30));
	assert_int_equal(rule_deadline(&oct, RULE_CRIM_ARREST_24H, 0, s), local(2026, 10, 1, 22, 30));
	assert_int_equal(rule_deadline(&oct, RULE_PROC_DRUNK, 0, s), local(2026, 10, 1, 22, 30));
	assert_int_equal(rule_deadline(&oct, RULE_CQ_FAMILY, 0, s), local(2026, 9, 30, 23, 30));
	assert_int_equal(rule_deadline(&oct, RULE_PROC_ACCEPT_REVIEW, 0, s), local(2026, 10, 1, 22, 30));
	/* the measure tiers read the same rows */
	assert_int_equal(measure_tier_deadline(&oct, measure_tier_find("crim_summons", "24h"), s, 0),
			 local(2026, 10, 1, 22, 30));
	assert_string_equal(measure_tier_rule(measure_tier_find("restraint", "sober")), "PROC-DRUNK");
}

/* ADM-REMOTE (ZA2025 Art 100): remote questioning needs a recording;
 * MINOR-CRIM-INTERROG (XSS Art 281): a minor's 讯问 needs a guardian or an
 * appropriate adult, a female minor a female staff member. */
static void interview_rows(void **state)
{
	struct interview_facts f = { 0 };
	struct ps_err err;

	(void)state;
	f.za2025 = 1;
	f.sworn_officers = 2;
	f.read_back = f.subject_signed = f.officer_signed = 1;
	f.subject_age = 30;
	f.remote = 1;
	ps_err_clear(&err);
	assert_int_equal(interview_check_sign(&f, &err), PS_ERULE);
	assert_string_equal(err.rule, "ADM-REMOTE");
	f.has_recording = 1;
	ps_err_clear(&err);
	assert_int_equal(interview_check_sign(&f, &err), PS_OK);

	f.remote = 0;
	f.criminal = f.interrogation = f.subject_is_suspect = 1;
	f.subject_age = 17;
	ps_err_clear(&err);
	assert_int_equal(interview_check_sign(&f, &err), PS_ERULE);
	assert_string_equal(err.rule, "MINOR-CRIM-INTERROG");
	f.guardian_present = 1;
	f.subject_female = 1;
	ps_err_clear(&err);
	assert_int_equal(interview_check_sign(&f, &err), PS_ERULE);
	assert_string_equal(err.rule, "MINOR-CRIM-INTERROG");
	f.guardian_female_staff = 1;
	ps_err_clear(&err);
	assert_int_equal(interview_check_sign(&f, &err), PS_OK);
	/* 18 is an adult: no guardian needed */
	f.subject_age = 18;
	f.guardian_present = f.guardian_female_staff = 0;
	ps_err_clear(&err);
	assert_int_equal(interview_check_sign(&f, &err), PS_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rows_are_well_formed),
		cmocka_unit_test(find_by_day),
		cmocka_unit_test(preservation_counts_working_days),
		cmocka_unit_test(day_periods),
		cmocka_unit_test(month_periods),
		cmocka_unit_test(hour_periods),
		cmocka_unit_test(interview_rows),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
