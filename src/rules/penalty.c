/* penalty.c — 治安 penalty rules (legal-rules §0.2 VER-1, §1 ADM-*). */
#include "rules/penalty.h"
#include "rules/date.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>

/* The limits: the catalog row of each rule and law version. Indexed
 * [id][enum law_version]. */
static const struct penalty_limit limits[LIM_COUNT][LAW_VERSIONS] = {
	[LIM_STATION_FINE_MAX] = { { RULE_ADM_STATION_POWER_ZA2012, 0 }, { RULE_ADM_STATION_POWER, 0 } },
	[LIM_ONSPOT_FINE_MAX] = { { RULE_ADM_ONSPOT_ZA2012, 0 }, { RULE_ADM_ONSPOT, 0 } },
	[LIM_HEARING_FINE_MIN] = { { RULE_ADM_HEARING_ZA2012, 0 }, { RULE_ADM_HEARING, 0 } },
	[LIM_DET_ONE_MAX] = { { RULE_ADM_DET_MAX, 0 }, { RULE_ADM_DET_MAX, 0 } },
	[LIM_DET_TOTAL_MAX] = { { RULE_ADM_DET_MAX, 1 }, { RULE_ADM_DET_MAX, 1 } },
	[LIM_NO_PUNISH_AGE] = { { RULE_ADM_NOPUNISH_U14, 0 }, { RULE_ADM_NOPUNISH_U14, 0 } },
	[LIM_LIMITATION_MONTHS] = { { RULE_ADM_LIMIT_6M, 0 }, { RULE_ADM_LIMIT_6M, 0 } },
	[LIM_REPEAT_MONTHS] = { { RULE_ADM_AGGRAV_REPEAT_ZA2012, 0 }, { RULE_ADM_AGGRAV_REPEAT, 0 } },
	[LIM_EXEMPT_REPEAT] = { { RULE_ADM_DET_EXEMPT_ZA2012, 3 }, { RULE_ADM_DET_EXEMPT, 3 } },
};

/* Ages of the ADM-DET-EXEMPT categories (ZA2025 Art 23 ¶1; ZA2012 Art 21),
 * the same in both versions; 70 is decided by the caller (age70). */
#define EXEMPT_AGE_16 rule_value(RULE_ADM_DET_EXEMPT, 0)
#define EXEMPT_AGE_18 rule_value(RULE_ADM_DET_EXEMPT, 1)

/* The largest illegal gain accepted (a sanity bound on input, not law). */
#define GAIN_MAX 1000000000000LL

static long long lim(enum penalty_limit_id id, enum law_version v)
{
	assert((unsigned)id < LIM_COUNT && (unsigned)v < LAW_VERSIONS);
	return rule_value(limits[id][v].rule_id, limits[id][v].vi);
}

const struct penalty_limit *penalty_limit(enum penalty_limit_id id,
					  enum law_version v)
{
	if ((unsigned)id >= LIM_COUNT || (unsigned)v >= LAW_VERSIONS)
		return NULL;
	return &limits[id][v];
}

/* ---- VER-1 ------------------------------------------------------------ */

/* The shape that judges the act in version v: the tier itself, or when it
 * is 无此档 the first present tier of o (NULL = not in this version). */
static const struct offence_law *counterpart(const struct offence *o,
					     const struct offence_tier *t,
					     enum law_version v)
{
	int i;

	if (t->law[v].comb != COMB_ABSENT)
		return &t->law[v];
	for (i = 0; i < o->ntiers; i++)
		if (o->tiers[i].law[v].comb != COMB_ABSENT)
			return &o->tiers[i].law[v];
	return NULL;
}

#define SEVERITY_KEYS 7

/* The severity of one shape as keys compared in order; larger = heavier
 * (VER-1, see penalty_law in penalty.h): punishable; maximum detention; the
 * fine that can come on top of it; compulsory minimum detention; compulsory
 * minimum fine; no warning available; the highest fine at all. */
static void severity(const struct offence_law *l, long long k[SEVERITY_KEYS])
{
	int det, fine, adds;
	int i;

	for (i = 0; i < SEVERITY_KEYS; i++)
		k[i] = 0;
	if (!l || l->comb == COMB_ABSENT || l->comb == COMB_NONE)
		return;
	det = l->det_max > 0;
	fine = l->fine_max > 0;
	adds = l->comb == COMB_MAY_ADD || l->comb == COMB_MUST_ADD;
	k[0] = 1;
	k[1] = det ? l->det_max : 0;
	if (fine)
		k[6] = l->fine_multiple ? INT64_MAX : l->fine_max;
	if (fine && (adds || !det))
		k[2] = k[6];
	if (det && l->comb != COMB_OR)
		k[3] = l->det_min > 0 ? l->det_min : 1;
	if (fine && (l->comb == COMB_MUST_ADD ||
		     (l->comb == COMB_SINGLE && !det)))
		k[4] = l->fine_min > 0 ? l->fine_min : 1;
	k[5] = !l->warning;
}

enum law_version penalty_law(const struct offence *o,
			     const struct offence_tier *t, int act_y,
			     int act_m, int act_d, int dec_y, int dec_m,
			     int dec_d)
{
	enum law_version act = law_in_force(act_y, act_m, act_d);
	enum law_version dec = law_in_force(dec_y, dec_m, dec_d);
	long long ka[SEVERITY_KEYS], kd[SEVERITY_KEYS];
	int i;

	assert(o && t && t >= o->tiers && t < o->tiers + o->ntiers);
	if (act == dec || date_days_from_civil(dec_y, dec_m, dec_d) <
				  date_days_from_civil(act_y, act_m, act_d))
		return act;
	severity(counterpart(o, t, act), ka);
	severity(counterpart(o, t, dec), kd);
	for (i = 0; i < SEVERITY_KEYS; i++)
		if (kd[i] != ka[i])
			return kd[i] < ka[i] ? dec : act;
	return act;
}

/* ---- ADM-FINE-RANGE / tier shape ------------------------------------- */

static int refuse(struct ps_err *err, const char *rule, const char *field,
		  const struct offence *o, const struct offence_tier *t,
		  enum law_version v, const char *what)
{
	const char *art = t->law[v].article;

	ps_fail(err, PS_ERULE, "RULE_VIOLATION", rule, "%s “%s”档（%s%s%s）：%s",
		o->code, t->tier, law_name(v), art ? " " : "", art ? art : "",
		what);
	if (err)
		err->field = field;
	return PS_ERULE;
}

/* "500–1000元" or "1000元以下" into buf. */
static void range_text(char *buf, size_t n, long long lo, long long hi,
		       const char *unit)
{
	if (lo > 0)
		snprintf(buf, n, "%lld–%lld%s", lo, hi, unit);
	else
		snprintf(buf, n, "%lld%s以下", hi, unit);
}

static int check_input(const struct offence *o, const struct offence_tier *t,
		       enum law_version v, const struct penalty *p,
		       struct ps_err *err)
{
	if (!o || !t || (unsigned)v >= LAW_VERSIONS)
		return ps_fail_field(err, PS_EINVAL, "offence",
				     "未选择违法行为或处罚档次");
	assert(t >= o->tiers && t < o->tiers + o->ntiers);
	if (!p || p->fine < 0 || p->det_days < 0 || p->warning < 0 ||
	    p->warning > 1)
		return ps_fail_field(err, PS_EINVAL, "penalty",
				     "处罚内容不正确（罚款金额、拘留天数不能为负数）");
	return PS_OK;
}

static int check_fine(const struct offence *o, const struct offence_tier *t,
		      enum law_version v, const struct penalty *p,
		      long long gain, struct ps_err *err)
{
	const struct offence_law *l = &t->law[v];
	long long lo = l->fine_min, hi = l->fine_max;
	char range[96], msg[256];

	if (p->fine == 0)
		return PS_OK;
	if (l->fine_max < 0)
		return refuse(err, "ADM-FINE-RANGE", "fine", o, t, v,
			      "该档次不能处罚款");
	if (l->fine_multiple && gain >= l->mult_below) {
		lo = gain * l->mult_lo;
		hi = gain * l->mult_hi;
		snprintf(range, sizeof(range), "违法所得%d–%d倍：%lld–%lld元",
			 l->mult_lo, l->mult_hi, lo, hi);
	} else {
		range_text(range, sizeof(range), lo, hi, "元");
	}
	if (p->fine < lo || p->fine > hi) {
		snprintf(msg, sizeof(msg), "罚款金额超出该违法行为的法定幅度（%s）",
			 range);
		return refuse(err, "ADM-FINE-RANGE", "fine", o, t, v, msg);
	}
	return PS_OK;
}

static int check_det(const struct offence *o, const struct offence_tier *t,
		     enum law_version v, const struct penalty *p,
		     struct ps_err *err)
{
	const struct offence_law *l = &t->law[v];
	char range[64], msg[256];

	if (p->det_days == 0)
		return PS_OK;
	if (l->det_max < 0)
		return refuse(err, "ADM-DET-MAX", "det_days", o, t, v,
			      "该档次不能处行政拘留");
	if (p->det_days > lim(LIM_DET_ONE_MAX, v)) {
		snprintf(msg, sizeof(msg), "一个违法行为的行政拘留不得超过%lld日",
			 lim(LIM_DET_ONE_MAX, v));
		return refuse(err, "ADM-DET-MAX", "det_days", o, t, v, msg);
	}
	if (p->det_days < l->det_min || p->det_days > l->det_max) {
		range_text(range, sizeof(range), l->det_min, l->det_max, "日");
		snprintf(msg, sizeof(msg), "拘留天数超出该违法行为的法定幅度（%s）",
			 range);
		return refuse(err, "ADM-DET-MAX", "det_days", o, t, v, msg);
	}
	return PS_OK;
}

/* The kinds of the tier in words, e.g. "警告、罚款". */
static void kinds_text(char *buf, size_t n, const struct offence_law *l)
{
	snprintf(buf, n, "%s%s%s%s%s", l->warning ? "警告" : "",
		 l->warning && (l->fine_max > 0 || l->det_max > 0) ? "、" : "",
		 l->fine_max > 0 ? "罚款" : "",
		 l->fine_max > 0 && l->det_max > 0 ? "、" : "",
		 l->det_max > 0 ? "行政拘留" : "");
}

static int check_comb(const struct offence *o, const struct offence_tier *t,
		      enum law_version v, const struct penalty *p,
		      struct ps_err *err)
{
	const struct offence_law *l = &t->law[v];
	int w = p->warning, f = p->fine > 0, d = p->det_days > 0;
	char kinds[64], msg[256];

	kinds_text(kinds, sizeof(kinds), l);
	switch (l->comb) {
	case COMB_OR:
	case COMB_SINGLE:
		if (w + f + d == 1)
			return PS_OK;
		if (l->comb == COMB_SINGLE)
			snprintf(msg, sizeof(msg), "该档次只能单处%s", kinds);
		else
			snprintf(msg, sizeof(msg), "该档次只能在%s中选择一种",
				 kinds);
		return refuse(err, "ADM-FINE-RANGE", "penalty", o, t, v, msg);
	case COMB_MAY_ADD:
		if (d && !w)
			return PS_OK;
		return refuse(err, "ADM-FINE-RANGE", "penalty", o, t, v,
			      w ? "该档次不能给予警告"
				: "该档次应处行政拘留，罚款可以并处");
	case COMB_MUST_ADD:
		if (d && f && !w)
			return PS_OK;
		return refuse(err, "ADM-FINE-RANGE", "penalty", o, t, v,
			      w ? "该档次不能给予警告"
				: "该档次应处行政拘留并处罚款");
	case COMB_ABSENT:
	case COMB_NONE:
		break;
	}
	assert(0 && "absent tiers are refused before check_comb");
	return PS_EINTERNAL;
}

int penalty_validate_gain(const struct offence *o,
			  const struct offence_tier *t, enum law_version v,
			  const struct penalty *p, long long gain,
			  struct ps_err *err)
{
	const struct offence_law *l;
	int rc;

	rc = check_input(o, t, v, p, err);
	if (rc)
		return rc;
	if (gain < 0 || gain > GAIN_MAX)
		return ps_fail_field(err, PS_EINVAL, "gain",
				     "违法所得金额不正确");
	l = &t->law[v];
	if (l->comb == COMB_ABSENT && !offence_exists_in(o, v)) {
		/* the code only: a long 行为 could overflow err->msg and be cut
		 * inside a UTF-8 sequence */
		ps_fail(err, PS_ERULE, "RULE_VIOLATION", "VER-1",
			"%s 在%s中没有规定，不能依该版本处罚", o->code,
			law_name(v));
		if (err)
			err->field = "offence";
		return PS_ERULE;
	}
	if (l->comb == COMB_ABSENT)
		return refuse(err, "ADM-FINE-RANGE", "tier", o, t, v,
			      "该版本没有这一处罚档次，应按该版本的其他档次认定");
	if (l->comb == COMB_NONE)
		return refuse(err, "ADM-FINE-RANGE", "tier", o, t, v,
			      "该档次依法不予处罚");
	if (!p->warning && p->fine == 0 && p->det_days == 0)
		return refuse(err, "ADM-FINE-RANGE", "penalty", o, t, v,
			      "未给出处罚内容（警告、罚款或行政拘留）");
	if (p->warning && !l->warning)
		return refuse(err, "ADM-FINE-RANGE", "warning", o, t, v,
			      "该档次不能给予警告");
	rc = check_fine(o, t, v, p, gain, err);
	if (rc)
		return rc;
	rc = check_det(o, t, v, p, err);
	if (rc)
		return rc;
	return check_comb(o, t, v, p, err);
}

int penalty_validate(const struct offence *o, const struct offence_tier *t,
		     enum law_version v, const struct penalty *p,
		     struct ps_err *err)
{
	return penalty_validate_gain(o, t, v, p, 0, err);
}

/* ---- thresholds ------------------------------------------------------- */

int penalty_is_lenient(const struct offence_tier *t, enum law_version v,
		       const struct penalty *p)
{
	const struct offence_law *l;

	if (!t || !p || (unsigned)v >= LAW_VERSIONS)
		return 0;
	l = &t->law[v];
	if (l->det_max <= 0)
		return 0;
	if (l->comb != COMB_MAY_ADD && l->comb != COMB_MUST_ADD &&
	    l->comb != COMB_SINGLE)
		return 0;
	return p->det_days == 0;
}

int penalty_station_may_decide(enum law_version procedure_law,
			       const struct penalty *p)
{
	if (!p || (unsigned)procedure_law >= LAW_VERSIONS)
		return 0;
	return p->det_days == 0 && p->fine >= 0 &&
	       p->fine <= lim(LIM_STATION_FINE_MAX, procedure_law);
}

int penalty_onspot_check(enum law_version procedure_law,
			 const struct offence *o, const struct penalty *p,
			 struct ps_err *err)
{
	long long cap;

	if (!o || !p || (unsigned)procedure_law >= LAW_VERSIONS)
		return ps_fail_field(err, PS_EINVAL, "offence",
				     "未选择违法行为或处罚内容");
	if (p->fine < 0 || p->det_days < 0)
		return ps_fail_field(err, PS_EINVAL, "penalty",
				     "处罚内容不正确（罚款金额、拘留天数不能为负数）");
	cap = lim(LIM_ONSPOT_FINE_MAX, procedure_law);
	if (o->onspot_excluded)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "ADM-ONSPOT",
			       "卖淫、嫖娼、赌博、毒品案件不适用当场处罚（%s）",
			       o->code);
	if (p->det_days > 0)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "ADM-ONSPOT",
			       "当场处罚不能决定行政拘留");
	if (p->fine > cap)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "ADM-ONSPOT",
			       "当场处罚限于警告或者%lld元以下罚款（%s）", cap,
			       law_name(procedure_law));
	if (!p->warning && p->fine == 0)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "ADM-ONSPOT",
			       "当场处罚须为警告或者罚款");
	return PS_OK;
}

int penalty_hearing_required(enum law_version procedure_law,
			     const struct penalty *p)
{
	if (!p || (unsigned)procedure_law >= LAW_VERSIONS)
		return 0;
	return p->fine >= lim(LIM_HEARING_FINE_MIN, procedure_law);
}

int penalty_det_total_check(int already_days, const struct penalty *p,
			    struct ps_err *err)
{
	/* the same 20 days in both versions (Art 16) */
	long long max = lim(LIM_DET_TOTAL_MAX, LAW_ZA2025);

	if (!p || already_days < 0 || p->det_days < 0)
		return ps_fail_field(err, PS_EINVAL, "det_days",
				     "拘留天数不正确");
	if ((long long)already_days + p->det_days > max)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "ADM-DET-MAX",
			       "行政拘留合并执行最长不超过%lld日（已有%d日，本次%d日）",
			       max, already_days, p->det_days);
	return PS_OK;
}

int penalty_age_check(int age_at_act, const struct penalty *p,
		      struct ps_err *err)
{
	long long min_age = lim(LIM_NO_PUNISH_AGE, LAW_ZA2025); /* both 14 */

	if (!p || age_at_act < 0)
		return ps_fail_field(err, PS_EINVAL, "age", "年龄不正确");
	if (age_at_act < min_age &&
	    (p->warning || p->fine > 0 || p->det_days > 0))
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION",
			       "ADM-NOPUNISH-U14",
			       "违法行为人实施行为时不满%lld周岁，不予处罚，应责令其监护人严加管教",
			       min_age);
	return PS_OK;
}

/* ---- ADM-DET-EXEMPT --------------------------------------------------- */

enum det_exec penalty_det_exemption(enum law_version v,
				    const struct det_exempt_facts *f,
				    enum det_exec *lost)
{
	long long repeat;
	int applies[5] = { 0 }, removed[5] = { 0 };
	int c;

	if (lost)
		*lost = DET_EXEC;
	if (!f || (unsigned)v >= LAW_VERSIONS)
		return DET_EXEC;
	if (f->age_at_act < lim(LIM_NO_PUNISH_AGE, v))
		return DET_NO_PENALTY_U14;
	applies[DET_EXEMPT_AGE_14_16] = f->age_at_act < EXEMPT_AGE_16;
	applies[DET_EXEMPT_AGE_16_18_FIRST] = f->age_at_act >= EXEMPT_AGE_16 &&
					      f->age_at_act < EXEMPT_AGE_18 &&
					      f->first_violation;
	applies[DET_EXEMPT_AGE_70] = f->age70 != 0;
	applies[DET_EXEMPT_PREGNANT] = f->pregnant_or_nursing != 0;
	/* ZA2025 Art 23 ¶2; ZA2012 Art 21 has no exceptions (repeat == 0) */
	repeat = lim(LIM_EXEMPT_REPEAT, v);
	if (repeat > 0) {
		int many = f->violations_1y >= repeat;

		removed[DET_EXEMPT_AGE_14_16] = f->serious || many;
		removed[DET_EXEMPT_AGE_16_18_FIRST] = f->serious != 0;
		removed[DET_EXEMPT_AGE_70] = f->serious || many;
	}
	for (c = DET_EXEMPT_AGE_14_16; c <= DET_EXEMPT_PREGNANT; c++)
		if (applies[c] && !removed[c])
			return (enum det_exec)c;
	for (c = DET_EXEMPT_AGE_14_16; c <= DET_EXEMPT_PREGNANT; c++)
		if (applies[c]) {
			if (lost)
				*lost = (enum det_exec)c;
			break;
		}
	return DET_EXEC;
}

/* ---- periods ---------------------------------------------------------- */

/* Day number of y-m-d plus n calendar months, the day clamped to the end of
 * the target month (legal-rules §0.4: periods in 月). */
static int64_t add_months(int y, int m, int d, long long n)
{
	long long mi = (long long)y * 12 + (m - 1) + n;
	int ty = (int)(mi / 12), tm = (int)(mi % 12) + 1;

	while (d > 28 && !date_valid(ty, tm, d))
		d--;
	return date_days_from_civil(ty, tm, d);
}

int penalty_limitation_expired(int act_y, int act_m, int act_d, int disc_y,
			       int disc_m, int disc_d)
{
	/* 6 months in both versions */
	int64_t end = add_months(act_y, act_m, act_d,
				 lim(LIM_LIMITATION_MONTHS, LAW_ZA2025));

	return date_days_from_civil(disc_y, disc_m, disc_d) > end;
}

int penalty_is_repeat(enum law_version v, int prior_y, int prior_m,
		      int prior_d, int act_y, int act_m, int act_d)
{
	int64_t prior = date_days_from_civil(prior_y, prior_m, prior_d);
	int64_t act = date_days_from_civil(act_y, act_m, act_d);

	if ((unsigned)v >= LAW_VERSIONS || prior > act)
		return 0;
	return act <= add_months(prior_y, prior_m, prior_d,
				 lim(LIM_REPEAT_MONTHS, v));
}
