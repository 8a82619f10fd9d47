/* penalty.h — the 治安 penalty rules of legal-rules §1 (ADM-*) and §0.2
 * (VER-1), checked against the offence table (offence.h). Every limit is a
 * row of a table with its rule id, law version and article (STYLE 8; see
 * penalty_limit()). Pure: no I/O, no allocation, no mutable state.
 *
 * Refusals return PS_ERULE with err->code "RULE_VIOLATION", err->rule the
 * rule id and a Chinese message; input that cannot be a penalty at all
 * (negative amounts, NULL offence) returns PS_EINVAL with err->field set.
 * err may be NULL everywhere (then only the rc is returned). */
#ifndef PS_RULES_PENALTY_H
#define PS_RULES_PENALTY_H

#include "core/rc.h"
#include "rules/catalog.h"
#include "rules/offence.h"

/* A proposed or decided penalty for one act. 0 = that kind not given. */
struct penalty {
	int warning;     /* 1 = 警告 */
	long long fine;  /* 元 */
	int det_days;    /* 行政拘留, 日 */
};

/* The limits, one row per rule and version (values in penalty.c). */
enum penalty_limit_id {
	LIM_STATION_FINE_MAX,   /* ADM-STATION-POWER: 派出所 may fine up to (元) */
	LIM_ONSPOT_FINE_MAX,    /* ADM-ONSPOT: 当场处罚 fine up to (元) */
	LIM_HEARING_FINE_MIN,   /* ADM-HEARING: hearing right from (元) */
	LIM_DET_ONE_MAX,        /* ADM-DET-MAX: one act (日) */
	LIM_DET_TOTAL_MAX,      /* ADM-DET-MAX: several acts executed together (日) */
	LIM_NO_PUNISH_AGE,      /* ADM-NOPUNISH-U14: no penalty below (周岁) */
	LIM_LIMITATION_MONTHS,  /* ADM-LIMIT-6M (月) */
	LIM_REPEAT_MONTHS,      /* ADM-AGGRAV-REPEAT window (月) */
	LIM_EXEMPT_REPEAT,      /* ADM-DET-EXEMPT: violations within 1 year that
				 * end the exemption; 0 = the version has no
				 * exceptions at all (ZA2012 Art 21) */
	LIM_COUNT
};

/* A limit is value `vi` of a rule catalog row (rules/catalog.def), which
 * holds the figure, its unit and the article. */
struct penalty_limit {
	enum rule_id rule_id;
	int vi;
};

/* The row of id for version v, or NULL for an id or v outside the enums.
 * The pointer is to static data. Cannot fail otherwise. */
const struct penalty_limit *penalty_limit(enum penalty_limit_id id,
					  enum law_version v);

/* VER-1 从旧兼从轻 (legal-rules §0.2; XZCF Art 37 [V]): the law for the
 * penalty of tier t of o — the law in force on the act date, unless the law
 * in force on the decision date is lighter for this act. The tier compared
 * in each version is t; where t is 无此档 in a version in which o exists,
 * that version's first present tier (the base tier) stands in for it; where
 * o is （无） or the tier is 不罚, the act is not punishable, which is the
 * lightest. Lighter, compared in order: not punishable; lower maximum
 * detention; lower fine that can come on top of the maximum detention
 * (under 或 / 单处 none can: a fine that only replaces detention does not
 * count); lower compulsory minimum detention; lower compulsory minimum
 * fine; a warning available; lower highest fine at all. Equal = the
 * act-date law. A decision date before the
 * act date gives the act-date law. Cannot fail; t must be a tier of o. */
enum law_version penalty_law(const struct offence *o,
			     const struct offence_tier *t, int act_y,
			     int act_m, int act_d, int dec_y, int dec_m,
			     int dec_d);

/* ADM-FINE-RANGE, ADM-DET-MAX and the tier's shape: PS_OK when p fits tier
 * t of o in version v — warning only where allowed; fine within [min, max]
 * (inclusive; min 0 = any positive amount up to max); detention within
 * [min, max] and ≤ 15 days; combination: 或 = exactly one kind; 可以并处 =
 * detention, fine optional; 并处 = detention and fine; 单处 = only the
 * listed kind; 不罚 and absent tiers are refused (an absent offence with
 * rule VER-1). For a fine counted from the illegal gain (fine_multiple,
 * OF-006) this assumes no gain: the range is [fine_min, fine_max]; use
 * penalty_validate_gain otherwise. Refusal: PS_ERULE. */
int penalty_validate(const struct offence *o, const struct offence_tier *t,
		     enum law_version v, const struct penalty *p,
		     struct ps_err *err);

/* As penalty_validate, with the illegal gain (违法所得, 元, ≥ 0) for a
 * fine_multiple tier: gain ≥ mult_below gives [gain × mult_lo, gain ×
 * mult_hi], otherwise [fine_min, fine_max] (ZA2025 Art 27). gain is ignored
 * for other tiers. A negative or absurd (> 10^12) gain is PS_EINVAL. */
int penalty_validate_gain(const struct offence *o,
			  const struct offence_tier *t, enum law_version v,
			  const struct penalty *p, long long gain,
			  struct ps_err *err);

/* 以罚代拘 / 畸轻 control (no rule id in legal-rules; it feeds
 * ADM-LEGAL-REVIEW): 1 when tier t in v provides detention as the main
 * penalty (可以并处 / 并处 / 单处 with detention) and p has none, so the
 * decision needs a written reason and a legal review. 0 otherwise, also for
 * 或 tiers, where choosing the fine is within the law. Cannot fail. */
int penalty_is_lenient(const struct offence_tier *t, enum law_version v,
		       const struct penalty *p);

/* ADM-STATION-POWER: 1 when a 派出所 may decide p itself — warning and/or a
 * fine ≤ 1000元 (ZA2025 Art 109) / ≤ 500元 (ZA2012 Art 91), no detention.
 * procedure_law is the law in force on the decision date. Cannot fail. */
int penalty_station_may_decide(enum law_version procedure_law,
			       const struct penalty *p);

/* ADM-ONSPOT: PS_OK when 当场处罚 is allowed — a warning and/or a fine ≤
 * 500元 (ZA2025 Art 119) / ≤ 200元 (ZA2012 Art 100), no detention, and o is
 * not a 卖淫、嫖娼、赌博、毒品 case (o->onspot_excluded); an empty penalty
 * is refused too. Else PS_ERULE with rule "ADM-ONSPOT". */
int penalty_onspot_check(enum law_version procedure_law,
			 const struct offence *o, const struct penalty *p,
			 struct ps_err *err);

/* ADM-HEARING: 1 when the fine requires a hearing-rights notice: ≥ 4000元
 * (ZA2025 Art 117) / ≥ 2000元 (ZA2012 Art 98). (吊销许可证件 and 责令停业整顿
 * also require it; they are not part of struct penalty.) Cannot fail. */
int penalty_hearing_required(enum law_version procedure_law,
			     const struct penalty *p);

/* ADM-DET-MAX: several acts are decided separately and executed together,
 * ≤ 20 days (ZA2025 Art 16; ZA2012 Art 16; XZCX Art 162 ¶2 also counts
 * detention being served). PS_ERULE when already_days + p->det_days > 20;
 * PS_EINVAL for negative days. */
int penalty_det_total_check(int already_days, const struct penalty *p,
			    struct ps_err *err);

/* ADM-NOPUNISH-U14: PS_ERULE when age_at_act (周岁 on the act date) < 14 and
 * p gives any penalty (ZA2025 Art 12; ZA2012 Art 12); PS_EINVAL for a
 * negative age. */
int penalty_age_check(int age_at_act, const struct penalty *p,
		      struct ps_err *err);

/* ADM-DET-EXEMPT: whether a decided detention is executed. */
enum det_exec {
	DET_EXEC = 0,               /* executed */
	DET_EXEMPT_AGE_14_16,       /* (1) 已满14不满16周岁 */
	DET_EXEMPT_AGE_16_18_FIRST, /* (2) 已满16不满18周岁，初次违反治安管理 */
	DET_EXEMPT_AGE_70,          /* (3) 70周岁以上 */
	DET_EXEMPT_PREGNANT,        /* (4) 怀孕或者哺乳自己不满1周岁婴儿 */
	DET_NO_PENALTY_U14,         /* under 14: no penalty at all (ADM-NOPUNISH-U14) */
};

/* The facts; which date each is measured on is the caller's choice
 * (legal-rules §0.4 and §8.7 [U]: ages 14/16/18 on the act date; 70+ and
 * pregnancy/nursing at decision and again at execution). */
struct det_exempt_facts {
	int age_at_act;          /* 周岁 */
	int first_violation;     /* 1 = 初次违反治安管理 */
	int age70;               /* 1 = 70周岁以上 */
	int pregnant_or_nursing; /* 1 = 怀孕或者哺乳自己不满1周岁婴儿 */
	int serious;             /* 1 = 情节严重、影响恶劣 */
	int violations_1y;       /* 违反治安管理 within 1 year, this act included */
};

/* ADM-DET-EXEMPT (ZA2025 Art 23; ZA2012 Art 21; XZCX Art 164): the first of
 * categories (1)–(4) that applies and is not removed, else DET_EXEC. v is the
 * law of the penalty (penalty_law). ZA2012 has no exceptions. ZA2025 Art 23
 * ¶2: (1)–(3) are removed when serious; (1) and (3) when violations_1y ≥ 2
 * ("一年以内二次以上", this act counted). (4) is never removed. *lost (may be
 * NULL) is set to the category that an Art 23 ¶2 exception removed when the
 * result is DET_EXEC, else DET_EXEC: such an override needs a reason code
 * and a LEGAL review, and for (1)/(2) (a minor) the hearing notice of
 * ADM-HEARING-MINOR. Cannot fail; f NULL gives DET_EXEC. */
enum det_exec penalty_det_exemption(enum law_version v,
				    const struct det_exempt_facts *f,
				    enum det_exec *lost);

/* ADM-LIMIT-6M (ZA2025 Art 25; ZA2012 Art 22): 1 when the discovery date is
 * after act + 6 calendar months (act = the act, or the end of a continuing
 * act). Months add to the same day number, clamped to the month's end:
 * 2026-01-31 → 2026-07-31, 2025-08-31 → 2026-02-28; discovery on that day is
 * still in time. Dates must be valid (date_valid). Cannot fail. */
int penalty_limitation_expired(int act_y, int act_m, int act_d, int disc_y,
			       int disc_m, int disc_d);

/* ADM-AGGRAV-REPEAT (ZA2025 Art 22(4): 一年以内; ZA2012 Art 20(4): 六个月内):
 * 1 when the prior 治安 penalty date lies in [act − window, act], the window
 * in calendar months as for penalty_limitation_expired (the end day counts:
 * 以内 includes the number, ZA2025 Art 143). v is the law of the penalty.
 * Cannot fail. */
int penalty_is_repeat(enum law_version v, int prior_y, int prior_m,
		      int prior_d, int act_y, int act_m, int act_d);

#endif
