/* test_offence.c — the offence table (shared/rules/offences.md §2) as
 * generated into offences_data.c. Every expected value below was read off
 * offences.md by hand, not from the code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rules/offence.h"

/* Assert one version of a tier: article, warning, fine and detention
 * ranges (-1,-1 = none), combination. */
static void law_is(const struct offence_law *l, const char *art, int warn,
		   int fmin, int fmax, int dmin, int dmax,
		   enum penalty_combine comb)
{
	if (art)
		assert_string_equal(l->article, art);
	else
		assert_null(l->article);
	assert_int_equal(l->warning, warn);
	assert_int_equal(l->fine_min, fmin);
	assert_int_equal(l->fine_max, fmax);
	assert_int_equal(l->det_min, dmin);
	assert_int_equal(l->det_max, dmax);
	assert_int_equal(l->comb, comb);
}

static const struct offence_tier *tier(const char *code, const char *name)
{
	const struct offence *o = offence_find(code);
	const struct offence_tier *t;

	assert_non_null(o);
	t = offence_tier_find(o, name);
	assert_non_null(t);
	return t;
}

static void test_count_and_order(void **state)
{
	size_t i;

	(void)state;
	/* §1: "Offence IDs: 130 (OF-001 … OF-130)", plus OF-131 and OF-132 of
	 * 居住证暂行条例 (COM-RESCARD-PEN) and the 6 of FJS (OF-133 … OF-138,
	 * test_fjs_offences) */
	assert_int_equal(offence_count(), 130 + 2 + 6);
	assert_string_equal(offence_at(0)->code, "OF-001");
	assert_string_equal(offence_at(51)->code, "OF-052");
	assert_string_equal(offence_at(129)->code, "OF-130");
	assert_string_equal(offence_at(131)->code, "OF-132");
	assert_string_equal(offence_at(132)->code, "OF-133");
	assert_null(offence_at(138));
	for (i = 0; i < offence_count(); i++) {
		const struct offence *o = offence_at(i);

		assert_ptr_equal(offence_find(o->code), o);
		assert_true(o->ntiers >= 1);
		assert_non_null(o->name);
	}
}

static void test_total_tiers_and_status(void **state)
{
	size_t i;
	int tiers = 0, changed = 0, added = 0, removed = 0, same = 0;

	(void)state;
	for (i = 0; i < offence_count(); i++) {
		const struct offence *o = offence_at(i);

		tiers += o->ntiers;
		if (strcmp(o->status, "变更") == 0)
			changed++;
		else if (strcmp(o->status, "新增") == 0)
			added++;
		else if (strcmp(o->status, "删除") == 0)
			removed++;
		else if (strcmp(o->status, "未变") == 0)
			same++;
	}
	/* `grep -c '^| OF-' offences.md` = 249 table rows, one per tier;
	 * plus the one tier each of OF-131 and OF-132 and the 7 tiers of
	 * OF-133 … OF-138 (FJS, test_fjs_offences) */
	assert_int_equal(tiers, 249 + 2 + 7);
	/* §1: 变更 94, 新增 25, 删除 3, 未变 7 in the law, plus OF-083
	 * (居民身份证法, 未变) outside it, OF-131 and OF-132 (居住证暂行条例,
	 * 未变) and OF-133 … OF-138 (FJS, 未变) */
	assert_int_equal(changed, 94);
	assert_int_equal(added, 25);
	assert_int_equal(removed, 3);
	assert_int_equal(same, 8 + 2 + 6);
}

static void test_find(void **state)
{
	const struct offence *o;

	(void)state;
	o = offence_find("OF-052");
	assert_non_null(o);
	assert_string_equal(o->name, "殴打他人，或故意伤害他人身体");
	assert_string_equal(o->status, "变更");
	assert_int_equal(o->ntiers, 2);
	assert_null(offence_find("OF-139"));
	/* COM-RESCARD-PEN: 居住证暂行条例 Art 18 (warning or up to 200) and Art 19 (200-1000) */
	o = offence_find("OF-131");
	assert_non_null(o);
	assert_string_equal(o->tiers[0].law[LAW_ZA2025].article, "JZZ 18");
	assert_int_equal(o->tiers[0].law[LAW_ZA2025].fine_max, 200);
	o = offence_find("OF-132");
	assert_non_null(o);
	assert_string_equal(o->tiers[0].law[LAW_ZA2025].article, "JZZ 19");
	assert_int_equal(o->tiers[0].law[LAW_ZA2025].fine_min, 200);
	assert_int_equal(o->tiers[0].law[LAW_ZA2025].fine_max, 1000);
	o = offence_find("OF-052");
	assert_null(offence_find("OF-000"));
	assert_null(offence_find("OF-52"));
	assert_null(offence_find(""));
	assert_null(offence_find(NULL));
	assert_null(offence_tier_find(o, "情节较重"));
	assert_null(offence_tier_find(o, NULL));
	assert_null(offence_tier_find(NULL, "基本"));
}

static void test_of052_beating(void **state)
{
	const struct offence_tier *t;

	(void)state;
	/* | OF-052 | 变更 | 殴打他人… | 基本 | 43¶1 | — | [200,500] | [5,10] |
	 * 并处 | 51¶1 | — | [500,1000] | [5,10] | 并处 | */
	t = tier("OF-052", "基本");
	law_is(&t->law[LAW_ZA2012], "43¶1", 0, 200, 500, 5, 10, COMB_MUST_ADD);
	law_is(&t->law[LAW_ZA2025], "51¶1", 0, 500, 1000, 5, 10, COMB_MUST_ADD);
	/* 情节较轻 | 43¶1 | — | [0,500] | [0,5] | 或 | 51¶1 | — | [0,1000] |
	 * [0,5] | 或 */
	t = tier("OF-052", "情节较轻");
	law_is(&t->law[LAW_ZA2012], "43¶1", 0, 0, 500, 0, 5, COMB_OR);
	law_is(&t->law[LAW_ZA2025], "51¶1", 0, 0, 1000, 0, 5, COMB_OR);
	assert_int_equal(offence_find("OF-052")->onspot_excluded, 0);
}

static void test_of065_theft(void **state)
{
	const struct offence_tier *t;

	(void)state;
	assert_int_equal(offence_find("OF-065")->ntiers, 2);
	assert_string_equal(offence_find("OF-065")->name, "盗窃");
	t = tier("OF-065", "基本");
	law_is(&t->law[LAW_ZA2012], "49", 0, 0, 500, 5, 10, COMB_MAY_ADD);
	law_is(&t->law[LAW_ZA2025], "58", 0, 0, 2000, 5, 10, COMB_OR);
	t = tier("OF-065", "情节较重");
	law_is(&t->law[LAW_ZA2012], "49", 0, 0, 1000, 10, 15, COMB_MAY_ADD);
	law_is(&t->law[LAW_ZA2025], "58", 0, 0, 3000, 10, 15, COMB_MAY_ADD);
}

static void test_articles_both_versions(void **state)
{
	const struct offence_tier *t;

	(void)state;
	t = tier("OF-001", "基本");
	law_is(&t->law[LAW_ZA2012], "23¶1(1)", 1, 0, 200, -1, -1, COMB_OR);
	law_is(&t->law[LAW_ZA2025], "26¶1(1)", 1, 0, 500, -1, -1, COMB_OR);
	t = tier("OF-001", "聚众实施·首要分子");
	law_is(&t->law[LAW_ZA2012], "23¶2", 0, 0, 1000, 10, 15, COMB_MAY_ADD);
	law_is(&t->law[LAW_ZA2025], "26¶2", 0, 0, 2000, 10, 15, COMB_MAY_ADD);
	t = tier("OF-114", "情节严重");
	law_is(&t->law[LAW_ZA2012], "70", 0, 500, 3000, 10, 15, COMB_MUST_ADD);
	law_is(&t->law[LAW_ZA2025], "82", 0, 1000, 5000, 10, 15, COMB_MUST_ADD);
	t = tier("OF-012", "基本");
	law_is(&t->law[LAW_ZA2012], "26", 0, 0, 500, 5, 10, COMB_MAY_ADD);
	law_is(&t->law[LAW_ZA2025], "30", 0, 0, 1000, 5, 10, COMB_OR);
	t = tier("OF-130", "基本");
	law_is(&t->law[LAW_ZA2012], "75¶2→43¶1", 0, 200, 500, 5, 10,
	       COMB_MUST_ADD);
	law_is(&t->law[LAW_ZA2025], "89¶4→51¶1", 0, 500, 1000, 5, 10,
	       COMB_MUST_ADD);
	t = tier("OF-083", "基本");
	law_is(&t->law[LAW_ZA2012], "SFZ 17¶1", 0, 200, 1000, 0, 10, COMB_OR);
	law_is(&t->law[LAW_ZA2025], "SFZ 17¶1", 0, 200, 1000, 0, 10, COMB_OR);
	t = tier("OF-126", "警告后不改正");
	law_is(&t->law[LAW_ZA2012], "58", 0, 200, 500, -1, -1, COMB_SINGLE);
	law_is(&t->law[LAW_ZA2025], NULL, 0, -1, -1, -1, -1, COMB_ABSENT);
	t = tier("OF-127", "基本");
	law_is(&t->law[LAW_ZA2025], "89¶1", 1, -1, -1, -1, -1, COMB_SINGLE);
	t = tier("OF-014", "情节严重");
	law_is(&t->law[LAW_ZA2012], "28", 0, -1, -1, 10, 15, COMB_SINGLE);
	law_is(&t->law[LAW_ZA2025], "32", 0, -1, -1, 10, 15, COMB_SINGLE);
}

static void test_absent_and_not_punished(void **state)
{
	const struct offence_tier *t;

	(void)state;
	/* OF-006 新增: （无） in ZA2012 */
	t = tier("OF-006", "基本");
	law_is(&t->law[LAW_ZA2012], NULL, 0, -1, -1, -1, -1, COMB_ABSENT);
	assert_false(offence_exists_in(offence_find("OF-006"), LAW_ZA2012));
	assert_true(offence_exists_in(offence_find("OF-006"), LAW_ZA2025));
	/* OF-105 删除: （无） in ZA2025 */
	t = tier("OF-105", "基本");
	law_is(&t->law[LAW_ZA2012], "62¶2", 0, 0, 500, 0, 5, COMB_OR);
	law_is(&t->law[LAW_ZA2025], NULL, 0, -1, -1, -1, -1, COMB_ABSENT);
	assert_false(offence_exists_in(offence_find("OF-105"), LAW_ZA2025));
	/* OF-023 情节较轻: 无此档 in ZA2012, but the offence exists */
	t = tier("OF-023", "情节较轻");
	law_is(&t->law[LAW_ZA2012], NULL, 0, -1, -1, -1, -1, COMB_ABSENT);
	law_is(&t->law[LAW_ZA2025], "39", 0, -1, -1, 0, 5, COMB_SINGLE);
	assert_true(offence_exists_in(offence_find("OF-023"), LAW_ZA2012));
	/* 不罚 keeps its article: OF-008 ZA2012 24¶2, OF-034 ZA2025 46¶1 */
	t = tier("OF-008", "基本");
	law_is(&t->law[LAW_ZA2012], "24¶2", 0, -1, -1, -1, -1, COMB_NONE);
	law_is(&t->law[LAW_ZA2025], "28¶2", 0, 0, 1000, 0, 5, COMB_OR);
	t = tier("OF-034", "基本");
	law_is(&t->law[LAW_ZA2025], "46¶1", 0, -1, -1, -1, -1, COMB_NONE);
	assert_false(offence_exists_in(offence_find("OF-034"), LAW_ZA2012));
}

static void test_fine_multiple(void **state)
{
	const struct offence_tier *t;
	const struct offence_law *l;

	(void)state;
	/* OF-006 基本 ZA2025 27: 违法所得1–5倍；无违法所得或不足1000元：
	 * [1000,3000] | — | 单处 */
	t = tier("OF-006", "基本");
	l = &t->law[LAW_ZA2025];
	law_is(l, "27", 0, 1000, 3000, -1, -1, COMB_SINGLE);
	assert_int_equal(l->fine_multiple, 1);
	assert_int_equal(l->mult_lo, 1);
	assert_int_equal(l->mult_hi, 5);
	assert_int_equal(l->mult_below, 1000);
	assert_string_equal(l->fine_text,
			    "违法所得1–5倍；无违法所得或不足1000元：[1000,3000]");
	/* 情节较重: detention only */
	t = tier("OF-006", "情节较重");
	law_is(&t->law[LAW_ZA2025], "27", 0, -1, -1, 5, 15, COMB_SINGLE);
	assert_int_equal(t->law[LAW_ZA2025].fine_multiple, 0);
	assert_null(t->law[LAW_ZA2025].fine_text);
}

static void test_notes(void **state)
{
	const struct offence *o;

	(void)state;
	o = offence_find("OF-054");
	assert_non_null(o->note);
	/* "**年龄界限 60→70 周岁**": the markdown bold is dropped */
	assert_non_null(strstr(o->note, "年龄界限 60→70 周岁"));
	assert_null(strstr(o->note, "**"));
	/* a tier's own 注 (OF-032 情节较轻: "ZA2012：对组织者") */
	assert_string_equal(tier("OF-032", "情节较轻")->note, "ZA2012：对组织者");
	assert_null(tier("OF-032", "基本")->note);
	/* OF-022's 注 column is empty */
	assert_null(offence_find("OF-022")->note);
}

static void test_onspot_excluded(void **state)
{
	(void)state;
	/* ADM-ONSPOT: 卖淫、嫖娼、赌博、毒品 */
	assert_int_equal(offence_find("OF-114")->onspot_excluded, 1); /* 赌博 */
	assert_int_equal(offence_find("OF-109")->onspot_excluded, 1); /* 卖淫嫖娼 */
	assert_int_equal(offence_find("OF-111")->onspot_excluded, 1);
	assert_int_equal(offence_find("OF-118")->onspot_excluded, 1); /* 吸毒 */
	assert_int_equal(offence_find("OF-116")->onspot_excluded, 1);
	assert_int_equal(offence_find("OF-123")->onspot_excluded, 1);
	/* 淫秽物品 is not 卖淫嫖娼; 殴打 and 盗窃 are ordinary */
	assert_int_equal(offence_find("OF-112")->onspot_excluded, 0);
	assert_int_equal(offence_find("OF-065")->onspot_excluded, 0);
	assert_int_equal(offence_find("OF-001")->onspot_excluded, 0);
}

/* COM-SCRAP-PEN: the penalties of 废旧金属收购业治安管理办法第11条, looked up
 * by code (another helper's codes may sit between OF-130 and OF-133) */
static void test_fjs_offences(void **state)
{
	static const struct {
		const char *code, *tier, *article;
		int warning, fine_min, fine_max;
	} want[] = {
		{ "OF-133", "基本", "FJS 11(1)", 1, -1, -1 },
		{ "OF-133", "警告后不改正", "FJS 11(1)", 0, 500, 2000 },
		{ "OF-134", "基本", "FJS 11(1)", 1, 0, 500 },
		{ "OF-135", "基本", "FJS 11(2)", 1, 0, 200 },
		{ "OF-136", "基本", "FJS 11(3)", 0, 5000, 10000 },
		{ "OF-137", "基本", "FJS 11(4)", 0, 2000, 5000 },
		{ "OF-138", "基本", "FJS 11(5)", 0, 2000, 10000 },
	};
	size_t i;
	int v, n = 0;

	(void)state;
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct offence_tier *t = tier(want[i].code, want[i].tier);

		assert_string_equal(offence_find(want[i].code)->status, "未变");
		for (v = 0; v < LAW_VERSIONS; v++) {
			assert_string_equal(t->law[v].article, want[i].article);
			assert_int_equal(t->law[v].warning, want[i].warning);
			assert_int_equal(t->law[v].fine_min, want[i].fine_min);
			assert_int_equal(t->law[v].fine_max, want[i].fine_max);
			assert_int_equal(t->law[v].det_max, -1);
		}
	}
	for (i = 0; i < offence_count(); i++) {
		const char *a = offence_at(i)->tiers[0].law[LAW_ZA2025].article;

		n += a && strncmp(a, "FJS ", 4) == 0;
	}
	assert_int_equal(n, 6);
	assert_null(offence_find("OF-139"));
}

static void test_detention_never_above_15(void **state)
{
	size_t i;
	int j, v;

	(void)state;
	/* ADM-DET-MAX: the highest tier of any article is 十日以上十五日以下 */
	for (i = 0; i < offence_count(); i++) {
		const struct offence *o = offence_at(i);

		for (j = 0; j < o->ntiers; j++)
			for (v = 0; v < LAW_VERSIONS; v++)
				assert_true(o->tiers[j].law[v].det_max <= 15);
	}
}

static void test_common_list(void **state)
{
	int n = 0, i, j;

	(void)state;
	for (i = 0; offence_common[i]; i++) {
		assert_non_null(offence_find(offence_common[i]));
		for (j = 0; j < i; j++)
			assert_string_not_equal(offence_common[i],
						offence_common[j]);
		n++;
	}
	assert_true(n >= 40);
	/* a few from the quick index of §1 */
	for (j = 0; j < 2; j++) {
		const char *want = j == 0 ? "OF-052" : "OF-114";
		int found = 0;

		for (i = 0; offence_common[i]; i++)
			found |= strcmp(offence_common[i], want) == 0;
		assert_true(found);
	}
}

static void test_law_in_force(void **state)
{
	(void)state;
	/* ZA2025 Art 144: 本法自2026年1月1日起施行 */
	assert_int_equal(law_in_force(2025, 12, 31), LAW_ZA2012);
	assert_int_equal(law_in_force(2026, 1, 1), LAW_ZA2025);
	assert_int_equal(law_in_force(2013, 6, 1), LAW_ZA2012);
	assert_int_equal(law_in_force(2030, 7, 1), LAW_ZA2025);
	assert_string_equal(law_name(LAW_ZA2012), "治安管理处罚法（2012修正）");
	assert_string_equal(law_name(LAW_ZA2025), "治安管理处罚法（2025修订）");
	assert_string_equal(law_name((enum law_version)7), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_count_and_order),
		cmocka_unit_test(test_fjs_offences),
		cmocka_unit_test(test_total_tiers_and_status),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_of052_beating),
		cmocka_unit_test(test_of065_theft),
		cmocka_unit_test(test_articles_both_versions),
		cmocka_unit_test(test_absent_and_not_punished),
		cmocka_unit_test(test_fine_multiple),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_onspot_excluded),
		cmocka_unit_test(test_detention_never_above_15),
		cmocka_unit_test(test_common_list),
		cmocka_unit_test(test_law_in_force),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
