#include "rules/measures.h"

#include <string.h>

/* The measures and their tiers; each period is a row of the rule catalog
 * (rules/catalog.def), which cites the articles. */
const struct measure_tier measure_tiers[] = {
	{ "summons", "8h", RULE_ADM_SUMMON_8H, 0, "询问查证（8小时）", 1, 1, 0, NULL, NULL },
	{ "summons", "12h", RULE_ADM_SUMMON_12H, 0, "询问查证（涉案人数众多或身份不明，12小时）", 0, 1, 1, "station_chief", "8h" },
	{ "summons", "24h", RULE_ADM_SUMMON_24H, 0, "询问查证（情况复杂且可能适用行政拘留，24小时）", 1, 1, 1, "station_chief", "8h|12h" },
	{ "continued_questioning", "12h", RULE_CQ_12_24_48, 0, "继续盘问（12小时）", 1, 1, 0, "station_chief", NULL },
	{ "continued_questioning", "24h", RULE_CQ_12_24_48, 1, "继续盘问延长至24小时", 1, 1, 1, "county_duty_chief", "12h" },
	{ "continued_questioning", "48h", RULE_CQ_12_24_48, 2, "继续盘问延长至48小时（拒不讲明身份）", 1, 1, 1, "bureau_chief", "24h" },
	{ "continued_questioning", "special_4h", RULE_CQ_SPECIAL, 0, "继续盘问（特殊人员，4小时）", 1, 1, 0, "station_chief", NULL },
	{ "restraint", "sober", RULE_PROC_DRUNK, 0, "醉酒约束（至酒醒）", 1, 1, 0, NULL, NULL },
	{ "admin_detention", "days", RULE_ADM_DET_MAX, -1, "行政拘留", 1, 1, 0, NULL, NULL },
	{ "seizure", "30d", RULE_PROC_SEIZE_30D, 0, "扣押（30日）", 1, 1, 0, "station_chief", NULL },
	{ "seizure", "60d", RULE_PROC_SEIZE_30D, 1, "扣押延长30日", 1, 1, 1, "bureau_chief", "30d" },
	{ "preservation", "7d", RULE_PROC_PRESERVE_7D, 0, "先行登记保存（7个工作日）", 1, 1, 0, "station_chief", NULL },
	{ "crim_summons", "12h", RULE_CRIM_SUMMON_12H, 0, "刑事传唤/拘传（12小时）", 1, 1, 0, NULL, NULL },
	{ "crim_summons", "24h", RULE_CRIM_SUMMON_12H, 1, "刑事传唤/拘传（案情特别重大复杂，24小时）", 1, 1, 1, "station_chief", "12h" },
	{ "crim_detention", "3d", RULE_CRIM_ARREST_REQUEST, 0, "刑事拘留（提请批准逮捕3日）", 1, 1, 0, "bureau_chief", NULL },
	{ "crim_detention", "7d", RULE_CRIM_ARREST_REQUEST, 1, "刑事拘留（特殊情况延长至7日）", 1, 1, 1, "bureau_chief", "3d" },
	{ "crim_detention", "30d", RULE_CRIM_ARREST_REQUEST, 2, "刑事拘留（流窜、多次、结伙作案，30日）", 1, 1, 1, "bureau_chief", "3d|7d" },
	{ "arrest_review", "7d", RULE_CRIM_ARREST_DECISION_7D, 0, "检察院审查批准逮捕（7日）", 1, 1, 0, NULL, NULL },
	{ "arrest", "2m", RULE_CRIM_CUSTODY_2M, 0, "逮捕后侦查羁押（2个月）", 1, 1, 0, NULL, NULL },
	{ "arrest", "3m", RULE_CRIM_CUSTODY_2M, 1, "侦查羁押延长1个月", 1, 1, 1, "procuratorate", "2m" },
	{ "arrest", "5m", RULE_CRIM_CUSTODY_2M, 2, "侦查羁押再延长2个月", 1, 1, 1, "procuratorate", "3m" },
	{ "arrest", "7m", RULE_CRIM_CUSTODY_2M, 3, "侦查羁押再延长2个月（可能判处十年以上）", 1, 1, 1, "procuratorate", "5m" },
	{ "bail", "12m", RULE_CRIM_BAIL_12M, 0, "取保候审（12个月）", 1, 1, 0, "bureau_chief", NULL },
	{ "rsl", "6m", RULE_CRIM_RSL_6M, 0, "监视居住（6个月）", 1, 1, 0, "bureau_chief", NULL },
	{ NULL, NULL, 0, 0, NULL, 0, 0, 0, NULL, NULL },
};

const struct measure_milestone measure_milestones[] = {
	{ "crim_detention", "kss", RULE_CRIM_DETAIN_KSS_24H, "送看守所羁押" },
	{ "crim_detention", "family", RULE_CRIM_DETAIN_FAMILY_24H, "通知家属（拘留通知书）" },
	{ "crim_detention", "question", RULE_CRIM_DETAIN_QUESTION_24H, "拘留后24小时内讯问" },
	{ "arrest", "family", RULE_CRIM_ARREST_24H, "逮捕后通知家属" },
	{ "arrest", "question", RULE_CRIM_ARREST_24H, "逮捕后24小时内讯问" },
	{ "summons", "family", RULE_ADM_SUMMON_FAMILY, "通知被传唤人家属" },
	{ "continued_questioning", "family", RULE_CQ_FAMILY, "通知家属或单位（继续盘问通知书）" },
	{ NULL, NULL, 0, NULL },
};

int measure_special_age(int age)
{
	return age < rule_value(RULE_CQ_SPECIAL, 1) || age >= rule_value(RULE_CQ_SPECIAL, 2);
}

const char *measure_tier_rule(const struct measure_tier *t)
{
	return rule_get(t->rule_id)->code;
}

enum clock_unit measure_tier_unit(const struct measure_tier *t)
{
	return rule_clock_unit(t->rule_id);
}

int measure_tier_amount(const struct measure_tier *t)
{
	return t->vi < 0 ? 0 : rule_value(t->rule_id, t->vi);
}

int measure_tier_liberty(const struct measure_tier *t)
{
	return (rule_get(t->rule_id)->flags & RF_LIBERTY) != 0;
}

int64_t measure_tier_deadline(const struct calendar *cal, const struct measure_tier *t,
			      int64_t start, int days)
{
	if (t->vi < 0)
		return clock_deadline(cal, start, measure_tier_unit(t), days, measure_tier_liberty(t));
	return rule_deadline(cal, t->rule_id, t->vi, start);
}

int64_t measure_milestone_deadline(const struct calendar *cal, const struct measure_milestone *ms,
				   int64_t start)
{
	return rule_deadline(cal, ms->rule_id, 0, start);
}

const struct measure_kind measure_kinds[] = {
	{ "summons", "传唤（询问查证）", "行政" },
	{ "continued_questioning", "继续盘问", "行政" },
	{ "restraint", "醉酒约束", "行政" },
	{ "admin_detention", "行政拘留", "行政" },
	{ "seizure", "扣押", "行政" },
	{ "preservation", "先行登记保存", "行政" },
	{ "crim_summons", "刑事传唤/拘传", "刑事" },
	{ "crim_detention", "刑事拘留", "刑事" },
	{ "arrest_review", "提请批准逮捕", "刑事" },
	{ "arrest", "逮捕", "刑事" },
	{ "bail", "取保候审", "刑事" },
	{ "rsl", "监视居住", "刑事" },
	{ NULL, NULL, NULL },
};

const struct measure_approver measure_approvers[] = {
	{ "station_chief", "派出所负责人" },
	{ "county_duty_chief", "县局值班负责人" },
	{ "bureau_chief", "县级以上公安机关负责人" },
	{ "procuratorate", "人民检察院" },
	{ NULL, NULL },
};

const char *measure_kind_label(const char *kind)
{
	for (const struct measure_kind *k = measure_kinds; k->kind; k++)
		if (kind && strcmp(k->kind, kind) == 0)
			return k->label;
	return kind;
}

const struct measure_tier *measure_tier_find(const char *kind, const char *tier)
{
	for (const struct measure_tier *t = measure_tiers; t->kind; t++)
		if (kind && tier && strcmp(t->kind, kind) == 0 && strcmp(t->tier, tier) == 0)
			return t;
	return NULL;
}

int measure_kind_criminal(const char *kind)
{
	for (const struct measure_kind *k = measure_kinds; k->kind; k++)
		if (strcmp(k->kind, kind) == 0)
			return strcmp(k->group, "刑事") == 0;
	return 0;
}

int measure_start_check(const struct measure_tier *t, enum law_version v, int has_reason,
			int special_person, struct ps_err *err)
{
	if (!(v == LAW_ZA2025 ? t->za2025 : t->za2012))
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", measure_tier_rule(t),
			       "%s自2026年1月1日起施行，此前只能适用8小时询问查证", t->label);
	if (t->needs_reason && !has_reason)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", measure_tier_rule(t),
			       "适用“%s”须写明理由（事由代码）", t->label);
	/* CQ-SPECIAL (JXPW Art 10): 4 h at most */
	if (special_person && strcmp(t->kind, "continued_questioning") == 0 &&
	    strcmp(t->tier, "special_4h") != 0)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", rule_get(RULE_CQ_SPECIAL)->code,
			       "怀孕或哺乳未满一周岁婴儿的妇女、不满十六周岁或七十周岁以上的人，继续盘问不得超过4小时");
	return PS_OK;
}

int measure_first_tier_check(const struct measure_tier *t, struct ps_err *err)
{
	/* a tier that extends another is reached by extending it, step by
	 * step and approved (JXPW Art 11, 17: 继续盘问 12 → 24 → 48 h; XSS Art
	 * 89, 156–159: 刑事拘留's 7 and 30 days, 侦查羁押's extensions;
	 * 行政强制法 Art 25: 扣押 60 days): never a first tier. The 传唤's
	 * longer periods are the law's own cases, known when it starts (ZA2025
	 * Art 97 ¶1; XSS Art 119) */
	if (t->extends && strcmp(t->kind, "summons") != 0 && strcmp(t->kind, "crim_summons") != 0)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", measure_tier_rule(t),
			       "“%s”须先采取上一档次，届满前经批准逐级延长，不得直接采取", t->label);
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
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", measure_tier_rule(to),
			       "不能从“%s”直接延长为“%s”（须逐级延长，不得越级）", from->label, to->label);
	if (now >= end)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", measure_tier_rule(to),
			       "延长须在当前期限届满前决定；期限已过，应当立即释放或采取其他措施");
	if (to->approver && !approved)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", measure_tier_rule(to),
			       "“%s”须经批准", to->label);
	return PS_OK;
}
