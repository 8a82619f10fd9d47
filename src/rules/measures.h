/* measures.h — coercive measures (强制措施) and the clocks they start, as data
 * with citations (issue 4; legal-rules §1–§4). A measure has a kind and a
 * tier; each tier is one row: its period, whether the person's liberty is
 * restricted (no holiday extension, §0.4), the law versions it exists in,
 * and whether it needs a reason or an approval. Some measures start further
 * clocks that end when a milestone is recorded (刑事拘留: 看守所, family,
 * first 讯问, 提请批准逮捕). Pure. */
#ifndef PS_RULES_MEASURES_H
#define PS_RULES_MEASURES_H

#include "core/rc.h"
#include "rules/catalog.h"
#include "rules/clock.h"
#include "rules/offence.h"

struct measure_tier {
	const char *kind;      /* "summons", "continued_questioning", … */
	const char *tier;      /* "8h", "12h", … */
	enum rule_id rule_id;  /* its period: value `vi` of this catalog row */
	int vi;                /* -1 = the amount comes from the decision (拘留日数) */
	const char *label;     /* Chinese */
	int za2012, za2025;    /* exists under that law (by the date it starts) */
	int needs_reason;      /* a reason code is required (12 h / 24 h tiers) */
	const char *approver;  /* "station_chief", "bureau_chief", … or NULL */
	const char *extends;   /* the tiers this one may extend ('|'-separated), or
				* NULL when it can only be a first tier */
};

/* A milestone clock started by a measure: done when its field is recorded. */
struct measure_milestone {
	const char *kind;      /* measure kind */
	const char *key;       /* "kss", "family", "question", "arrest_request" */
	enum rule_id rule_id;  /* its period: value 0 of this catalog row */
	const char *label;     /* "送看守所羁押" */
};

/* A tier's rule id ("ADM-SUMMON-8H"), clock unit, period (0 when it comes
 * from the decision), and whether liberty is restricted while it runs — all
 * read from the rule catalog. Cannot fail. */
const char *measure_tier_rule(const struct measure_tier *t);
enum clock_unit measure_tier_unit(const struct measure_tier *t);
int measure_tier_amount(const struct measure_tier *t);
int measure_tier_liberty(const struct measure_tier *t);

/* The end of tier t started at start; days is the decided number of days
 * for a tier whose period comes from the decision (行政拘留), else unused.
 * cal may be NULL. */
int64_t measure_tier_deadline(const struct calendar *cal, const struct measure_tier *t,
			      int64_t start, int days);

/* The end of milestone ms for a measure started at start. */
int64_t measure_milestone_deadline(const struct calendar *cal, const struct measure_milestone *ms,
				   int64_t start);

/* 1 when a person of this age is one of CQ-SPECIAL's special persons by
 * age (under 16, or 70 and over; catalog values). Cannot fail. */
int measure_special_age(int age);

/* The tier row, or NULL. */
const struct measure_tier *measure_tier_find(const char *kind, const char *tier);

/* The kinds of measure with their Chinese names and group ("行政" /
 * "刑事"), and who approves a tier; both NULL-terminated. */
struct measure_kind {
	const char *kind, *label, *group;
};
struct measure_approver {
	const char *code, *label;
};
extern const struct measure_kind measure_kinds[];

/* A tier a measure may start at: not one that extends another (those are
 * reached by extending, measure_extend_check). */
int measure_first_tier_check(const struct measure_tier *t, struct ps_err *err);

/* 1 when the kind is a criminal procedure's measure (group "刑事"). */
int measure_kind_criminal(const char *kind);
extern const struct measure_approver measure_approvers[];

/* All rows (NULL-kind terminated) and the milestone rows. */
extern const struct measure_tier measure_tiers[];
extern const struct measure_milestone measure_milestones[];

/* Chinese name of a kind ("传唤（询问查证）"); the code when unknown. */
const char *measure_kind_label(const char *kind);

/* PS_OK when tier may be used for a measure starting under law v, with the
 * facts given: the tier exists in v (ADM-SUMMON-12H is new in ZA2025), a
 * reason is given where required, and the special persons of CQ-SPECIAL
 * (pregnant, nursing a baby < 1, under 16, 70 or over) get only the 4 h
 * tier of 继续盘问. Else PS_ERULE with the rule. */
int measure_start_check(const struct measure_tier *t, enum law_version v, int has_reason,
			int special_person, struct ps_err *err);

/* CQ-12-24-48 (JXPW Art 11, 17): an extension of a running measure from
 * tier `from` to tier `to`, decided at now while the current period ends at
 * `end`: `to` must extend `from` directly (no 12 → 48 jump), be decided
 * before the current period ended, and have its approval. PS_ERULE else. */
int measure_extend_check(const struct measure_tier *from, const struct measure_tier *to,
			 int64_t now, int64_t end, int approved, struct ps_err *err);

#endif
