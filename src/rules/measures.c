#include "rules/measures.h"

#include <string.h>

/* Periods: ADM-SUMMON-8H/12H/24H (ZA2025 Art 97 ¶1; ZA2012 Art 83); CQ-12-24-48
 * and CQ-SPECIAL (RMJC Art 9; JXPW Art 10, 11, 17); PROC-DRUNK (XZCX Art 58,
 * no period in the text: the 24 h row is a setting-level default [U]);
 * 行政拘留 days from the decision (ADM-DET-MAX); PROC-SEIZE-30D (XZCX Art 112,
 * XZQZ Art 25); PROC-PRESERVE-7D (XZCX Art 110); CRIM-SUMMON-12H (XSS Art
 * 119); CRIM-ARREST-REQUEST (XSS Art 91; XSCX Art 129); CRIM-ARREST-DECISION-7D;
 * CRIM-CUSTODY-2M (XSS Art 156–159); CRIM-BAIL-12M (XSS Art 79);
 * CRIM-RSL-6M (XSS Art 79). */
const struct measure_tier measure_tiers[] = {
	{ "summons", "8h", "ADM-SUMMON-8H", "询问查证（8小时）", CLOCK_HOURS, 8, 1, 1, 1, 0, NULL, NULL },
	{ "summons", "12h", "ADM-SUMMON-12H", "询问查证（涉案人数众多或身份不明，12小时）", CLOCK_HOURS, 12, 1, 0, 1, 1, "station_chief", "8h" },
	{ "summons", "24h", "ADM-SUMMON-24H", "询问查证（情况复杂且可能适用行政拘留，24小时）", CLOCK_HOURS, 24, 1, 1, 1, 1, "station_chief", "8h|12h" },
	{ "continued_questioning", "12h", "CQ-12-24-48", "继续盘问（12小时）", CLOCK_HOURS, 12, 1, 1, 1, 0, "station_chief", NULL },
	{ "continued_questioning", "24h", "CQ-12-24-48", "继续盘问延长至24小时", CLOCK_HOURS, 24, 1, 1, 1, 1, "county_duty_chief", "12h" },
	{ "continued_questioning", "48h", "CQ-12-24-48", "继续盘问延长至48小时（拒不讲明身份）", CLOCK_HOURS, 48, 1, 1, 1, 1, "bureau_chief", "24h" },
	{ "continued_questioning", "special_4h", "CQ-SPECIAL", "继续盘问（特殊人员，4小时）", CLOCK_HOURS, 4, 1, 1, 1, 0, "station_chief", NULL },
	{ "restraint", "sober", "PROC-DRUNK", "醉酒约束（至酒醒）", CLOCK_HOURS, 24, 1, 1, 1, 0, NULL, NULL },
	{ "admin_detention", "days", "ADM-DET-MAX", "行政拘留", CLOCK_DAYS, 0, 1, 1, 1, 0, NULL, NULL },
	{ "seizure", "30d", "PROC-SEIZE-30D", "扣押（30日）", CLOCK_DAYS, 30, 0, 1, 1, 0, "station_chief", NULL },
	{ "seizure", "60d", "PROC-SEIZE-30D", "扣押延长30日", CLOCK_DAYS, 60, 0, 1, 1, 1, "bureau_chief", "30d" },
	{ "preservation", "7d", "PROC-PRESERVE-7D", "先行登记保存（7日）", CLOCK_DAYS, 7, 0, 1, 1, 0, "station_chief", NULL },
	{ "crim_summons", "12h", "CRIM-SUMMON-12H", "刑事传唤/拘传（12小时）", CLOCK_HOURS, 12, 1, 1, 1, 0, NULL, NULL },
	{ "crim_summons", "24h", "CRIM-SUMMON-12H", "刑事传唤/拘传（案情特别重大复杂，24小时）", CLOCK_HOURS, 24, 1, 1, 1, 1, "station_chief", "12h" },
	{ "crim_detention", "3d", "CRIM-ARREST-REQUEST", "刑事拘留（提请批准逮捕3日）", CLOCK_DAYS, 3, 1, 1, 1, 0, "bureau_chief", NULL },
	{ "crim_detention", "7d", "CRIM-ARREST-REQUEST", "刑事拘留（特殊情况延长至7日）", CLOCK_DAYS, 7, 1, 1, 1, 1, "bureau_chief", "3d" },
	{ "crim_detention", "30d", "CRIM-ARREST-REQUEST", "刑事拘留（流窜、多次、结伙作案，30日）", CLOCK_DAYS, 30, 1, 1, 1, 1, "bureau_chief", "3d|7d" },
	{ "arrest_review", "7d", "CRIM-ARREST-DECISION-7D", "检察院审查批准逮捕（7日）", CLOCK_DAYS, 7, 1, 1, 1, 0, NULL, NULL },
	{ "arrest", "2m", "CRIM-CUSTODY-2M", "逮捕后侦查羁押（2个月）", CLOCK_MONTHS, 2, 1, 1, 1, 0, NULL, NULL },
	{ "arrest", "3m", "CRIM-CUSTODY-2M", "侦查羁押延长1个月", CLOCK_MONTHS, 3, 1, 1, 1, 1, "procuratorate", "2m" },
	{ "arrest", "5m", "CRIM-CUSTODY-2M", "侦查羁押再延长2个月", CLOCK_MONTHS, 5, 1, 1, 1, 1, "procuratorate", "3m" },
	{ "arrest", "7m", "CRIM-CUSTODY-2M", "侦查羁押再延长2个月（可能判处十年以上）", CLOCK_MONTHS, 7, 1, 1, 1, 1, "procuratorate", "5m" },
	{ "bail", "12m", "CRIM-BAIL-12M", "取保候审（12个月）", CLOCK_MONTHS, 12, 0, 1, 1, 0, "bureau_chief", NULL },
	{ "rsl", "6m", "CRIM-RSL-6M", "监视居住（6个月）", CLOCK_MONTHS, 6, 0, 1, 1, 0, "bureau_chief", NULL },
	{ NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, NULL, NULL },
};

const struct measure_milestone measure_milestones[] = {
	/* CRIM-DETAIN-KSS-24H, -FAMILY-24H, -QUESTION-24H (XSS Art 85–86) */
	{ "crim_detention", "kss", "CRIM-DETAIN-KSS-24H", "送看守所羁押", CLOCK_HOURS, 24, 1 },
	{ "crim_detention", "family", "CRIM-DETAIN-FAMILY-24H", "通知家属（拘留通知书）", CLOCK_HOURS, 24, 1 },
	{ "crim_detention", "question", "CRIM-DETAIN-QUESTION-24H", "拘留后24小时内讯问", CLOCK_HOURS, 24, 1 },
	/* CRIM-ARREST-24H (XSS Art 93–94) */
	{ "arrest", "family", "CRIM-ARREST-24H", "逮捕后通知家属", CLOCK_HOURS, 24, 1 },
	{ "arrest", "question", "CRIM-ARREST-24H", "逮捕后24小时内讯问", CLOCK_HOURS, 24, 1 },
	/* ADM-SUMMON-FAMILY: 及时; URGENT if nothing within 1 h [U] */
	{ "summons", "family", "ADM-SUMMON-FAMILY", "通知被传唤人家属", CLOCK_HOURS, 1, 1 },
	/* CQ-FAMILY: at once once approved; the same 1 h [U] */
	{ "continued_questioning", "family", "CQ-FAMILY", "通知家属或单位（继续盘问通知书）", CLOCK_HOURS, 1, 1 },
	{ NULL, NULL, NULL, NULL, 0, 0, 0 },
};

static const struct {
	const char *kind, *label;
} kinds[] = {
	{ "summons", "传唤（询问查证）" },	{ "continued_questioning", "继续盘问" },
	{ "restraint", "醉酒约束" },		{ "admin_detention", "行政拘留" },
	{ "seizure", "扣押" },			{ "preservation", "先行登记保存" },
	{ "crim_summons", "刑事传唤/拘传" },	{ "crim_detention", "刑事拘留" },
	{ "arrest_review", "提请批准逮捕" },	{ "arrest", "逮捕" },
	{ "bail", "取保候审" },			{ "rsl", "监视居住" },
};

const char *measure_kind_label(const char *kind)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (kind && strcmp(kinds[i].kind, kind) == 0)
			return kinds[i].label;
	return kind;
}

const struct measure_tier *measure_tier_find(const char *kind, const char *tier)
{
	for (const struct measure_tier *t = measure_tiers; t->kind; t++)
		if (kind && tier && strcmp(t->kind, kind) == 0 && strcmp(t->tier, tier) == 0)
			return t;
	return NULL;
}

int measure_start_check(const struct measure_tier *t, enum law_version v, int has_reason,
			int special_person, struct ps_err *err)
{
	if (!(v == LAW_ZA2025 ? t->za2025 : t->za2012))
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", t->rule,
			       "%s自2026年1月1日起施行，此前只能适用8小时询问查证", t->label);
	if (t->needs_reason && !has_reason)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", t->rule,
			       "适用“%s”须写明理由（事由代码）", t->label);
	/* CQ-SPECIAL (JXPW Art 10): 4 h at most */
	if (special_person && strcmp(t->kind, "continued_questioning") == 0 &&
	    strcmp(t->tier, "special_4h") != 0)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "CQ-SPECIAL",
			       "怀孕或哺乳未满一周岁婴儿的妇女、不满十六周岁或七十周岁以上的人，继续盘问不得超过4小时");
	return PS_OK;
}

/* 1 when tier is one of the '|'-separated tiers in list. */
static int extends_tier(const char *list, const char *tier)
{
	size_t n = strlen(tier);

	for (const char *p = list; p && *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);

		if (len == n && strncmp(p, tier, n) == 0)
			return 1;
		p = bar ? bar + 1 : NULL;
	}
	return 0;
}

int measure_extend_check(const struct measure_tier *from, const struct measure_tier *to,
			 int64_t now, int64_t end, int approved, struct ps_err *err)
{
	if (!to->extends || strcmp(to->kind, from->kind) != 0 || !extends_tier(to->extends, from->tier))
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", to->rule,
			       "不能从“%s”直接延长为“%s”（须逐级延长，不得越级）", from->label, to->label);
	if (now >= end)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", to->rule,
			       "延长须在当前期限届满前决定；期限已过，应当立即释放或采取其他措施");
	if (to->approver && !approved)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", to->rule,
			       "“%s”须经批准", to->label);
	return PS_OK;
}
