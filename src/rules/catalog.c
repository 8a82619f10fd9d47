/* catalog.c — the table of rules/catalog.def and its look-ups. */
#include "rules/catalog.h"

#include <assert.h>
#include <string.h>

#define RV(...) { __VA_ARGS__ }

static const struct rule rules[RULE_COUNT] = {
#define RULE(name, code, kind, from, to, ver, source, values, unit, flags, status, test, label,  \
	     plain, note)                                                                          \
	[RULE_##name] = { RULE_##name, code, kind, from, to, ver, source, RV values, unit, flags,   \
			  status, test, label, plain, note },
#include "rules/catalog.def"
#undef RULE
};

const struct rule *rule_get(enum rule_id id)
{
	assert((unsigned)id < RULE_COUNT);
	return &rules[id];
}

int rule_value(enum rule_id id, int i)
{
	assert(i >= 0 && i < RULE_VALUES);
	return rule_get(id)->value[i];
}

static int64_t day_of(const char *ymd, int64_t dflt)
{
	int y, m, d;

	if (!ymd || date_parse(ymd, strlen(ymd), &y, &m, &d))
		return dflt;
	return date_days_from_civil(y, m, d);
}

const struct rule *rule_find_on(const char *code, int64_t days)
{
	const struct rule *best = NULL;
	int64_t best_gap = INT64_MAX;

	if (!code)
		return NULL;
	for (int i = 0; i < RULE_COUNT; i++) {
		const struct rule *r = &rules[i];
		int64_t from, to, gap;

		if (strcmp(r->code, code) != 0)
			continue;
		from = day_of(r->from, INT64_MIN / 2);
		to = day_of(r->to, INT64_MAX / 2);
		gap = days < from ? from - days : days > to ? days - to : 0;
		if (gap < best_gap) {
			best = r;
			best_gap = gap;
		}
	}
	return best;
}

const struct rule *rule_find(const char *code)
{
	return rule_find_on(code, INT64_MAX / 4);
}

enum clock_unit rule_clock_unit(enum rule_id id)
{
	switch (rule_get(id)->unit) {
	case RU_HOURS:
		return CLOCK_HOURS;
	case RU_WORKDAYS:
		return CLOCK_WORKDAYS;
	case RU_MONTHS:
		return CLOCK_MONTHS;
	default:
		return CLOCK_DAYS;
	}
}

int64_t rule_deadline(const struct calendar *cal, enum rule_id id, int i, int64_t start)
{
	const struct rule *r = rule_get(id);

	return clock_deadline(cal, start, rule_clock_unit(id), rule_value(id, i),
			      (r->flags & RF_LIBERTY) != 0);
}

static const char *const kind_codes[] = { "time", "amount", "age", "procedure", "competence",
					  "security", "practice" };
static const char *const kind_labels[] = { "期限", "数额", "年龄", "程序", "权限", "安全", "工作规范" };
static const char *const unit_codes[] = { "none", "hours", "days", "workdays", "months", "years",
					  "yuan", "age", "persons", "times" };
static const char *const unit_labels[] = { "", "小时", "日", "个工作日", "个月", "年", "元", "周岁", "人", "次" };
static const char *const status_codes[] = { "enforced", "warn", "not_enforced" };
static const char *const status_labels[] = { "系统拦截", "预警提示", "未实施" };

const char *rule_kind_code(enum rule_kind k)
{
	return kind_codes[k];
}

const char *rule_kind_label(enum rule_kind k)
{
	return kind_labels[k];
}

const char *rule_unit_code(enum rule_unit u)
{
	return unit_codes[u];
}

const char *rule_unit_label(enum rule_unit u)
{
	return unit_labels[u];
}

const char *rule_status_code(enum rule_status s)
{
	return status_codes[s];
}

const char *rule_status_label(enum rule_status s)
{
	return status_labels[s];
}
