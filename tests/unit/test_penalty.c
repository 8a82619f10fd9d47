/* test_penalty.c — 治安 penalty rules (legal-rules §0.2 VER-1, §1 ADM-*).
 * Expected values are read off offences.md and legal-rules.md by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rules/date.h"
#include "rules/penalty.h"

static const struct offence *of(const char *code)
{
	const struct offence *o = offence_find(code);

	assert_non_null(o);
	return o;
}

static const struct offence_tier *tier(const char *code, const char *name)
{
	const struct offence_tier *t = offence_tier_find(of(code), name);

	assert_non_null(t);
	return t;
}

static int check(const char *code, const char *name, enum law_version v,
		 int w, long long fine, int det, struct ps_err *err)
{
	struct penalty p = { w, fine, det };

	ps_err_clear(err);
	return penalty_validate(of(code), tier(code, name), v, &p, err);
}

static void refused_by(int rc, const struct ps_err *err, const char *rule)
{
	assert_int_equal(rc, PS_ERULE);
	assert_string_equal(err->code, "RULE_VIOLATION");
	assert_string_equal(err->rule, rule);
	assert_true(err->msg[0] != '\0');
}

static void test_of052_base_za2025(void **state)
{
	struct ps_err err;
	int rc;

	(void)state;
	/* 51¶1: [500,1000] 元 并处 [5,10] 日 */
	rc = check("OF-052", "基本", LAW_ZA2025, 0, 400, 5, &err);
	refused_by(rc, &err, "ADM-FINE-RANGE");
	assert_non_null(strstr(err.msg, "罚款金额超出该违法行为的法定幅度（500–1000元）"));
	assert_non_null(strstr(err.msg, "OF-052"));
	assert_string_equal(err.field, "fine");
	assert_int_equal(check("OF-052", "基本", LAW_ZA2025, 0, 500, 5, &err), PS_OK);
	assert_int_equal(check("OF-052", "基本", LAW_ZA2025, 0, 1000, 10, &err), PS_OK);
	rc = check("OF-052", "基本", LAW_ZA2025, 0, 1001, 10, &err);
	refused_by(rc, &err, "ADM-FINE-RANGE");
	rc = check("OF-052", "基本", LAW_ZA2025, 0, 500, 11, &err);
	refused_by(rc, &err, "ADM-DET-MAX");
	assert_non_null(strstr(err.msg, "5–10日"));
	rc = check("OF-052", "基本", LAW_ZA2025, 0, 500, 4, &err);
	refused_by(rc, &err, "ADM-DET-MAX");
	/* 并处: both kinds are required */
	rc = check("OF-052", "基本", LAW_ZA2025, 0, 500, 0, &err);
	refused_by(rc, &err, "ADM-FINE-RANGE");
	rc = check("OF-052", "基本", LAW_ZA2025, 0, 0, 5, &err);
	refused_by(rc, &err, "ADM-FINE-RANGE");
	/* no warning in this tier */
	rc = check("OF-052", "基本", LAW_ZA2025, 1, 500, 5, &err);
	refused_by(rc, &err, "ADM-FINE-RANGE");
	/* ZA2012 43¶1: [200,500] 并处 [5,10] */
	assert_int_equal(check("OF-052", "基本", LAW_ZA2012, 0, 200, 5, &err), PS_OK);
	refused_by(check("OF-052", "基本", LAW_ZA2012, 0, 199, 5, &err), &err,
		   "ADM-FINE-RANGE");
	refused_by(check("OF-052", "基本", LAW_ZA2012, 0, 501, 5, &err), &err,
		   "ADM-FINE-RANGE");
}

static void test_of052_lighter_shapes(void **state)
{
	struct ps_err err;
	int rc;

	(void)state;
	/* 情节较轻 51¶1: [0,1000] 或 [0,5] */
	assert_int_equal(check("OF-052", "情节较轻", LAW_ZA2025, 0, 1000, 0, &err), PS_OK);
	assert_int_equal(check("OF-052", "情节较轻", LAW_ZA2025, 0, 1, 0, &err), PS_OK);
	assert_int_equal(check("OF-052", "情节较轻", LAW_ZA2025, 0, 0, 5, &err), PS_OK);
	assert_int_equal(check("OF-052", "情节较轻", LAW_ZA2025, 0, 0, 1, &err), PS_OK);
	rc = check("OF-052", "情节较轻", LAW_ZA2025, 0, 1001, 0, &err);
	refused_by(rc, &err, "ADM-FINE-RANGE");
	assert_non_null(strstr(err.msg, "1000元以下"));
	refused_by(check("OF-052", "情节较轻", LAW_ZA2025, 0, 0, 6, &err), &err,
		   "ADM-DET-MAX");
	/* 或: one kind only */
	refused_by(check("OF-052", "情节较轻", LAW_ZA2025, 0, 500, 3, &err), &err,
		   "ADM-FINE-RANGE");
	/* no warning, and nothing at all is refused */
	refused_by(check("OF-052", "情节较轻", LAW_ZA2025, 1, 0, 0, &err), &err,
		   "ADM-FINE-RANGE");
	refused_by(check("OF-052", "情节较轻", LAW_ZA2025, 0, 0, 0, &err), &err,
		   "ADM-FINE-RANGE");
	/* ZA2012 情节较轻: [0,500] 或 [0,5] */
	refused_by(check("OF-052", "情节较轻", LAW_ZA2012, 0, 501, 0, &err), &err,
		   "ADM-FINE-RANGE");
}

static void test_other_shapes(void **state)
{
	struct ps_err err;
	struct penalty p = { 0, -1, 0 };

	(void)state;
	/* OF-065 基本: ZA2012 49 拘留[5,10] 可以并处 罚款≤500; ZA2025 58
	 * 拘留[5,10] 或 罚款≤2000 */
	assert_int_equal(check("OF-065", "基本", LAW_ZA2012, 0, 0, 5, &err), PS_OK);
	assert_int_equal(check("OF-065", "基本", LAW_ZA2012, 0, 500, 10, &err), PS_OK);
	refused_by(check("OF-065", "基本", LAW_ZA2012, 0, 500, 0, &err), &err,
		   "ADM-FINE-RANGE");
	assert_int_equal(check("OF-065", "基本", LAW_ZA2025, 0, 2000, 0, &err), PS_OK);
	refused_by(check("OF-065", "基本", LAW_ZA2025, 0, 100, 5, &err), &err,
		   "ADM-FINE-RANGE");
	/* OF-001 基本 ZA2025: 警告 或 罚款≤500; no detention */
	assert_int_equal(check("OF-001", "基本", LAW_ZA2025, 1, 0, 0, &err), PS_OK);
	refused_by(check("OF-001", "基本", LAW_ZA2025, 1, 100, 0, &err), &err,
		   "ADM-FINE-RANGE");
	refused_by(check("OF-001", "基本", LAW_ZA2025, 0, 0, 3, &err), &err,
		   "ADM-DET-MAX");
	/* OF-127 基本 ZA2025 89¶1: 警告 单处 */
	assert_int_equal(check("OF-127", "基本", LAW_ZA2025, 1, 0, 0, &err), PS_OK);
	refused_by(check("OF-127", "基本", LAW_ZA2025, 0, 100, 0, &err), &err,
		   "ADM-FINE-RANGE");
	/* OF-014 基本: 拘留 [5,10] 单处 */
	assert_int_equal(check("OF-014", "基本", LAW_ZA2025, 0, 0, 5, &err), PS_OK);
	refused_by(check("OF-014", "基本", LAW_ZA2025, 0, 0, 16, &err), &err,
		   "ADM-DET-MAX");
	assert_non_null(strstr(err.msg, "15日"));
	/* 不罚: OF-034 基本 ZA2025; 无此档: OF-023 情节较轻 ZA2012 */
	refused_by(check("OF-034", "基本", LAW_ZA2025, 0, 0, 5, &err), &err,
		   "ADM-FINE-RANGE");
	refused_by(check("OF-023", "情节较轻", LAW_ZA2012, 0, 0, 5, &err), &err,
		   "ADM-FINE-RANGE");
	assert_string_equal(err.field, "tier");
	/* offence not in the version: VER-1 */
	refused_by(check("OF-006", "基本", LAW_ZA2012, 0, 1000, 0, &err), &err,
		   "VER-1");
	refused_by(check("OF-105", "基本", LAW_ZA2025, 0, 100, 0, &err), &err,
		   "VER-1");
	/* bad input is PS_EINVAL, not a rule refusal */
	assert_int_equal(penalty_validate(of("OF-052"), tier("OF-052", "基本"),
					  LAW_ZA2025, &p, &err), PS_EINVAL);
	assert_int_equal(penalty_validate(NULL, NULL, LAW_ZA2025, &p, &err),
			 PS_EINVAL);
	/* err may be NULL */
	p.fine = 400;
	p.det_days = 5;
	assert_int_equal(penalty_validate(of("OF-052"), tier("OF-052", "基本"),
					  LAW_ZA2025, &p, NULL), PS_ERULE);
}

static void test_fine_from_gain(void **state)
{
	const struct offence *o = of("OF-006");
	const struct offence_tier *t = tier("OF-006", "基本");
	struct penalty p = { 0, 1000, 0 };
	struct ps_err err;

	(void)state;
	/* ZA2025 27: 违法所得1–5倍；无违法所得或不足1000元：[1000,3000] */
	assert_int_equal(penalty_validate(o, t, LAW_ZA2025, &p, &err), PS_OK);
	p.fine = 3001;
	refused_by(penalty_validate(o, t, LAW_ZA2025, &p, &err), &err,
		   "ADM-FINE-RANGE");
	/* gain 500 < 1000: still [1000,3000] */
	p.fine = 3000;
	assert_int_equal(penalty_validate_gain(o, t, LAW_ZA2025, &p, 500, &err), PS_OK);
	/* gain 2000: [2000,10000] */
	p.fine = 10000;
	assert_int_equal(penalty_validate_gain(o, t, LAW_ZA2025, &p, 2000, &err), PS_OK);
	p.fine = 10001;
	refused_by(penalty_validate_gain(o, t, LAW_ZA2025, &p, 2000, &err), &err,
		   "ADM-FINE-RANGE");
	assert_non_null(strstr(err.msg, "2000–10000元"));
	p.fine = 1500;
	refused_by(penalty_validate_gain(o, t, LAW_ZA2025, &p, 2000, &err), &err,
		   "ADM-FINE-RANGE");
	assert_int_equal(penalty_validate_gain(o, t, LAW_ZA2025, &p, -1, &err),
			 PS_EINVAL);
}

static void test_penalty_law(void **state)
{
	(void)state;
	/* OF-052 基本: ZA2025 raises the 并处 fine 200–500 → 500–1000, so for
	 * an act in 2025 decided in 2026 the old law stays */
	assert_int_equal(penalty_law(of("OF-052"), tier("OF-052", "基本"),
				     2025, 11, 20, 2026, 1, 10), LAW_ZA2012);
	/* OF-076 基本: 5–10 日 → 10–15 日, heavier */
	assert_int_equal(penalty_law(of("OF-076"), tier("OF-076", "基本"),
				     2025, 11, 20, 2026, 1, 10), LAW_ZA2012);
	/* OF-012 基本: 拘留(必) 可以并处 罚款 → 拘留 或 罚款: lighter */
	assert_int_equal(penalty_law(of("OF-012"), tier("OF-012", "基本"),
				     2025, 11, 20, 2026, 1, 10), LAW_ZA2025);
	/* OF-065 基本 likewise; OF-070 基本 5–10 → 5 日以下 */
	assert_int_equal(penalty_law(of("OF-065"), tier("OF-065", "基本"),
				     2025, 12, 31, 2026, 1, 1), LAW_ZA2025);
	assert_int_equal(penalty_law(of("OF-070"), tier("OF-070", "基本"),
				     2025, 12, 31, 2026, 1, 1), LAW_ZA2025);
	/* OF-009 情节较轻: same detention, fine cap 500 → 1000 only as an
	 * alternative: heavier, so ZA2012 */
	assert_int_equal(penalty_law(of("OF-009"), tier("OF-009", "情节较轻"),
				     2025, 6, 1, 2026, 2, 1), LAW_ZA2012);
	/* OF-105 删除: not punishable under ZA2025 = lighter */
	assert_int_equal(penalty_law(of("OF-105"), tier("OF-105", "基本"),
				     2025, 6, 1, 2026, 2, 1), LAW_ZA2025);
	/* OF-006 新增: not punishable under ZA2012 = the old law stays */
	assert_int_equal(penalty_law(of("OF-006"), tier("OF-006", "基本"),
				     2025, 6, 1, 2026, 2, 1), LAW_ZA2012);
	/* OF-008 ZA2012 不罚 */
	assert_int_equal(penalty_law(of("OF-008"), tier("OF-008", "基本"),
				     2025, 6, 1, 2026, 2, 1), LAW_ZA2012);
	/* OF-023 情节较轻 (无此档 in ZA2012, judged there by 基本 10–15 日)
	 * vs 5 日以下 in ZA2025 */
	assert_int_equal(penalty_law(of("OF-023"), tier("OF-023", "情节较轻"),
				     2025, 6, 1, 2026, 2, 1), LAW_ZA2025);
	/* OF-058 情节较重 (new, heavier than ZA2012 基本) */
	assert_int_equal(penalty_law(of("OF-058"), tier("OF-058", "情节较重"),
				     2025, 6, 1, 2026, 2, 1), LAW_ZA2012);
	/* both dates in one version */
	assert_int_equal(penalty_law(of("OF-012"), tier("OF-012", "基本"),
				     2025, 1, 1, 2025, 12, 31), LAW_ZA2012);
	assert_int_equal(penalty_law(of("OF-052"), tier("OF-052", "基本"),
				     2026, 1, 1, 2026, 3, 1), LAW_ZA2025);
}

static void test_lenient(void **state)
{
	struct penalty fine_only = { 0, 500, 0 }, with_det = { 0, 500, 5 };
	struct penalty none = { 0, 0, 0 };

	(void)state;
	/* 并处 / 可以并处 / 单处 detention without detention: 以罚代拘 */
	assert_true(penalty_is_lenient(tier("OF-052", "基本"), LAW_ZA2025, &fine_only));
	assert_false(penalty_is_lenient(tier("OF-052", "基本"), LAW_ZA2025, &with_det));
	assert_true(penalty_is_lenient(tier("OF-065", "基本"), LAW_ZA2012, &fine_only));
	assert_true(penalty_is_lenient(tier("OF-014", "基本"), LAW_ZA2025, &none));
	/* 或: choosing the fine is within the law */
	assert_false(penalty_is_lenient(tier("OF-065", "基本"), LAW_ZA2025, &fine_only));
	assert_false(penalty_is_lenient(tier("OF-052", "情节较轻"), LAW_ZA2025, &fine_only));
	/* no detention in the tier */
	assert_false(penalty_is_lenient(tier("OF-001", "基本"), LAW_ZA2025, &fine_only));
}

static void test_station_power(void **state)
{
	struct penalty p = { 0, 1000, 0 };

	(void)state;
	/* ZA2025 Art 109: ≤ 1000元; ZA2012 Art 91: ≤ 500元 */
	assert_true(penalty_station_may_decide(LAW_ZA2025, &p));
	p.fine = 1001;
	assert_false(penalty_station_may_decide(LAW_ZA2025, &p));
	p.fine = 500;
	assert_true(penalty_station_may_decide(LAW_ZA2012, &p));
	p.fine = 501;
	assert_false(penalty_station_may_decide(LAW_ZA2012, &p));
	p = (struct penalty){ 1, 0, 0 };
	assert_true(penalty_station_may_decide(LAW_ZA2012, &p));
	p = (struct penalty){ 0, 0, 1 };
	assert_false(penalty_station_may_decide(LAW_ZA2025, &p));
	assert_int_equal(rule_value(penalty_limit(LIM_STATION_FINE_MAX, LAW_ZA2025)->rule_id, 0), 1000);
	assert_int_equal(rule_value(penalty_limit(LIM_STATION_FINE_MAX, LAW_ZA2012)->rule_id, 0), 500);
	assert_string_equal(rule_get(penalty_limit(LIM_STATION_FINE_MAX, LAW_ZA2025)->rule_id)->code,
			    "ADM-STATION-POWER");
	assert_null(penalty_limit(LIM_COUNT, LAW_ZA2025));
}

static void test_onspot(void **state)
{
	struct penalty p = { 0, 500, 0 };
	struct ps_err err;

	(void)state;
	/* ZA2025 Art 119: 警告 or ≤ 500元 */
	assert_int_equal(penalty_onspot_check(LAW_ZA2025, of("OF-052"), &p, &err), PS_OK);
	p.fine = 501;
	refused_by(penalty_onspot_check(LAW_ZA2025, of("OF-052"), &p, &err), &err,
		   "ADM-ONSPOT");
	/* ZA2012 Art 100: ≤ 200元 */
	p.fine = 200;
	assert_int_equal(penalty_onspot_check(LAW_ZA2012, of("OF-052"), &p, &err), PS_OK);
	p.fine = 201;
	refused_by(penalty_onspot_check(LAW_ZA2012, of("OF-052"), &p, &err), &err,
		   "ADM-ONSPOT");
	/* detention never */
	p = (struct penalty){ 0, 0, 1 };
	refused_by(penalty_onspot_check(LAW_ZA2025, of("OF-052"), &p, &err), &err,
		   "ADM-ONSPOT");
	/* 赌博 / 吸毒 never */
	p = (struct penalty){ 0, 100, 0 };
	refused_by(penalty_onspot_check(LAW_ZA2025, of("OF-114"), &p, &err), &err,
		   "ADM-ONSPOT");
	refused_by(penalty_onspot_check(LAW_ZA2025, of("OF-118"), &p, &err), &err,
		   "ADM-ONSPOT");
	p = (struct penalty){ 1, 0, 0 };
	assert_int_equal(penalty_onspot_check(LAW_ZA2025, of("OF-001"), &p, &err), PS_OK);
	p = (struct penalty){ 0, 0, 0 };
	refused_by(penalty_onspot_check(LAW_ZA2025, of("OF-001"), &p, &err), &err,
		   "ADM-ONSPOT");
}

static void test_hearing(void **state)
{
	struct penalty p = { 0, 3999, 0 };

	(void)state;
	/* ZA2025 Art 117: ≥ 4000元; ZA2012 Art 98: ≥ 2000元 */
	assert_false(penalty_hearing_required(LAW_ZA2025, &p));
	p.fine = 4000;
	assert_true(penalty_hearing_required(LAW_ZA2025, &p));
	p.fine = 1999;
	assert_false(penalty_hearing_required(LAW_ZA2012, &p));
	p.fine = 2000;
	assert_true(penalty_hearing_required(LAW_ZA2012, &p));
}

static void test_det_total_and_age(void **state)
{
	struct penalty p = { 0, 0, 5 };
	struct ps_err err;

	(void)state;
	/* Art 16: ≤ 20 days executed together */
	assert_int_equal(penalty_det_total_check(15, &p, &err), PS_OK);
	p.det_days = 6;
	refused_by(penalty_det_total_check(15, &p, &err), &err, "ADM-DET-MAX");
	assert_int_equal(penalty_det_total_check(-1, &p, &err), PS_EINVAL);
	/* Art 12: under 14 no penalty */
	p = (struct penalty){ 1, 0, 0 };
	refused_by(penalty_age_check(13, &p, &err), &err, "ADM-NOPUNISH-U14");
	assert_int_equal(penalty_age_check(14, &p, &err), PS_OK);
	p = (struct penalty){ 0, 0, 0 };
	assert_int_equal(penalty_age_check(13, &p, &err), PS_OK);
	assert_int_equal(penalty_age_check(-1, &p, &err), PS_EINVAL);
}

static enum det_exec exempt(enum law_version v, int age, int first, int age70,
			    int preg, int serious, int n1y, enum det_exec *lost)
{
	struct det_exempt_facts f = { age, first, age70, preg, serious, n1y };

	return penalty_det_exemption(v, &f, lost);
}

static void test_det_exemption(void **state)
{
	enum det_exec lost;

	(void)state;
	/* (1) 15-year-old, first violation */
	assert_int_equal(exempt(LAW_ZA2025, 15, 1, 0, 0, 0, 1, &lost),
			 DET_EXEMPT_AGE_14_16);
	assert_int_equal(lost, DET_EXEC);
	/* (2) 17-year-old first offender exempt; second offender executed */
	assert_int_equal(exempt(LAW_ZA2025, 17, 1, 0, 0, 0, 1, &lost),
			 DET_EXEMPT_AGE_16_18_FIRST);
	assert_int_equal(exempt(LAW_ZA2025, 17, 0, 0, 0, 0, 2, &lost), DET_EXEC);
	assert_int_equal(lost, DET_EXEC); /* not an override: never exempt */
	assert_int_equal(exempt(LAW_ZA2012, 17, 0, 0, 0, 0, 2, &lost), DET_EXEC);
	/* 17, first, 情节严重: ZA2025 Art 23 ¶2 executes (override), ZA2012
	 * Art 21 has no exception */
	assert_int_equal(exempt(LAW_ZA2025, 17, 1, 0, 0, 1, 1, &lost), DET_EXEC);
	assert_int_equal(lost, DET_EXEMPT_AGE_16_18_FIRST);
	assert_int_equal(exempt(LAW_ZA2012, 17, 1, 0, 0, 1, 1, &lost),
			 DET_EXEMPT_AGE_16_18_FIRST);
	assert_int_equal(lost, DET_EXEC);
	/* (3) 71 with 2 violations within a year: ZA2025 executes */
	assert_int_equal(exempt(LAW_ZA2025, 71, 0, 1, 0, 0, 2, &lost), DET_EXEC);
	assert_int_equal(lost, DET_EXEMPT_AGE_70);
	assert_int_equal(exempt(LAW_ZA2025, 71, 0, 1, 0, 0, 1, &lost),
			 DET_EXEMPT_AGE_70);
	assert_int_equal(exempt(LAW_ZA2012, 71, 0, 1, 0, 1, 3, &lost),
			 DET_EXEMPT_AGE_70);
	/* (1) loses it on 2 violations in a year; (2) does not */
	assert_int_equal(exempt(LAW_ZA2025, 15, 0, 0, 0, 0, 2, &lost), DET_EXEC);
	assert_int_equal(lost, DET_EXEMPT_AGE_14_16);
	/* (4) pregnant / nursing: always exempt */
	assert_int_equal(exempt(LAW_ZA2025, 30, 0, 0, 1, 1, 3, &lost),
			 DET_EXEMPT_PREGNANT);
	assert_int_equal(lost, DET_EXEC);
	assert_int_equal(exempt(LAW_ZA2025, 15, 0, 0, 1, 1, 3, &lost),
			 DET_EXEMPT_PREGNANT);
	assert_int_equal(exempt(LAW_ZA2012, 30, 0, 0, 1, 0, 0, &lost),
			 DET_EXEMPT_PREGNANT);
	/* adults, and under-14s */
	assert_int_equal(exempt(LAW_ZA2025, 30, 1, 0, 0, 0, 1, &lost), DET_EXEC);
	assert_int_equal(lost, DET_EXEC);
	assert_int_equal(exempt(LAW_ZA2025, 18, 1, 0, 0, 0, 1, &lost), DET_EXEC);
	assert_int_equal(exempt(LAW_ZA2025, 13, 1, 0, 0, 0, 1, &lost),
			 DET_NO_PENALTY_U14);
	assert_int_equal(penalty_det_exemption(LAW_ZA2025, NULL, NULL), DET_EXEC);
}

static void test_limitation(void **state)
{
	(void)state;
	/* Art 25: 6 months; the end day is clamped to the month's end */
	assert_false(penalty_limitation_expired(2026, 1, 31, 2026, 7, 31));
	assert_true(penalty_limitation_expired(2026, 1, 31, 2026, 8, 1));
	assert_false(penalty_limitation_expired(2025, 8, 31, 2026, 2, 28));
	assert_true(penalty_limitation_expired(2025, 8, 31, 2026, 3, 1));
	/* 2028 is a leap year: 2027-08-31 + 6 months = 2028-02-29 */
	assert_false(penalty_limitation_expired(2027, 8, 31, 2028, 2, 29));
	assert_true(penalty_limitation_expired(2027, 8, 31, 2028, 3, 1));
	assert_false(penalty_limitation_expired(2026, 3, 15, 2026, 9, 15));
	assert_true(penalty_limitation_expired(2026, 3, 15, 2026, 9, 16));
	assert_false(penalty_limitation_expired(2026, 3, 15, 2026, 3, 15));
}

static void test_repeat(void **state)
{
	(void)state;
	/* hand count: 2026-06-01 + 365 days = 2027-06-01 (no 29 Feb between) */
	assert_int_equal(date_days_from_civil(2027, 5, 31) -
				 date_days_from_civil(2026, 6, 1), 364);
	assert_int_equal(date_days_from_civil(2027, 6, 2) -
				 date_days_from_civil(2026, 6, 1), 366);
	/* ZA2025 Art 22(4): 一年以内 */
	assert_true(penalty_is_repeat(LAW_ZA2025, 2026, 6, 1, 2027, 5, 31));
	assert_true(penalty_is_repeat(LAW_ZA2025, 2026, 6, 1, 2027, 6, 1));
	assert_false(penalty_is_repeat(LAW_ZA2025, 2026, 6, 1, 2027, 6, 2));
	/* ZA2012 Art 20(4): 六个月内 */
	assert_true(penalty_is_repeat(LAW_ZA2012, 2025, 3, 10, 2025, 9, 10));
	assert_false(penalty_is_repeat(LAW_ZA2012, 2025, 3, 10, 2025, 9, 11));
	assert_true(penalty_is_repeat(LAW_ZA2012, 2025, 1, 31, 2025, 7, 31));
	assert_false(penalty_is_repeat(LAW_ZA2012, 2025, 1, 31, 2025, 8, 1));
	assert_true(penalty_is_repeat(LAW_ZA2025, 2025, 3, 10, 2025, 9, 11));
	/* a prior penalty after the act is no prior penalty */
	assert_false(penalty_is_repeat(LAW_ZA2025, 2026, 6, 2, 2026, 6, 1));
	assert_true(penalty_is_repeat(LAW_ZA2025, 2026, 6, 1, 2026, 6, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_of052_base_za2025),
		cmocka_unit_test(test_of052_lighter_shapes),
		cmocka_unit_test(test_other_shapes),
		cmocka_unit_test(test_fine_from_gain),
		cmocka_unit_test(test_penalty_law),
		cmocka_unit_test(test_lenient),
		cmocka_unit_test(test_station_power),
		cmocka_unit_test(test_onspot),
		cmocka_unit_test(test_hearing),
		cmocka_unit_test(test_det_total_and_age),
		cmocka_unit_test(test_det_exemption),
		cmocka_unit_test(test_limitation),
		cmocka_unit_test(test_repeat),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
