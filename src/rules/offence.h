/* offence.h — the 治安管理处罚法 offence table (part of the rule catalog)
 * as data, in both law versions (legal-rules §0.2): ZA2012 = the 2012
 * amendment, in force until 2025-12-31; ZA2025 = the 2025 revision, in
 * force from 2026-01-01 (ZA2025 Art 144). Every number in the table has its
 * article next to it (STYLE 8). The table is offences_data.c, the
 * project's own data (edit it there, with its article).
 * Pure: no I/O, no allocation, no mutable state. */
#ifndef PS_RULES_OFFENCE_H
#define PS_RULES_OFFENCE_H

#include <stddef.h>

enum law_version { LAW_ZA2012 = 0, LAW_ZA2025 = 1 };
#define LAW_VERSIONS 2

/* How the kinds of penalty of one tier combine (offences.md, column 组合). */
enum penalty_combine {
	COMB_ABSENT = 0, /* offence （无） or tier 无此档 in this version */
	COMB_OR,         /* 或: exactly one of the listed kinds */
	COMB_MAY_ADD,    /* 可以并处: detention, a fine may be added */
	COMB_MUST_ADD,   /* 并处: detention and the fine, both */
	COMB_SINGLE,     /* 单处: only the one listed kind */
	COMB_NONE,       /* 不罚: the article exists but this tier is not punished */
};

/* One tier in one law version. Ranges are inclusive (以上/以下 include the
 * number: ZA2012 Art 118, ZA2025 Art 143). min 0 means the text gives only
 * a maximum ("…以下"); the smallest real fine or detention is then 1
 * (offences.md §6.1 [U]), which a positive amount meets anyway. */
struct offence_law {
	const char *article;   /* "51¶1", "75¶2→43¶1", "SFZ 17¶1"; NULL when absent */
	int warning;           /* 1 = 警告 may be given */
	int fine_min, fine_max; /* 元; -1,-1 = no fine in this tier */
	int det_min, det_max;  /* 日; -1,-1 = no detention in this tier */
	enum penalty_combine comb;
	/* A fine counted from the illegal gain (only OF-006, ZA2025 Art 27):
	 * gain × [mult_lo, mult_hi]; with no gain or a gain below mult_below
	 * the range is [fine_min, fine_max]. fine_text is the table's words. */
	int fine_multiple;
	int mult_lo, mult_hi, mult_below;
	const char *fine_text; /* NULL unless fine_multiple */
};

struct offence_tier {
	const char *tier;  /* "基本", "情节较轻", "情节较重", … as in the table */
	const char *note;  /* the row's 注 for tiers after the first, else NULL */
	struct offence_law law[LAW_VERSIONS]; /* indexed by enum law_version */
};

struct offence {
	const char *code;   /* "OF-052" */
	const char *status; /* "新增" / "删除" / "变更" / "未变" (ZA2012 → ZA2025) */
	const char *name;   /* 行为 */
	const char *note;   /* 注 of the first row, NULL if empty */
	int onspot_excluded; /* 卖淫、嫖娼、赌博、毒品 case: no 当场处罚 (ADM-ONSPOT) */
	int ntiers;
	const struct offence_tier *tiers; /* tiers[0] is the base tier (基本 or the first named) */
};

/* The offence with code ("OF-052", exact, NUL-terminated), or NULL when there
 * is none or code is NULL. Cannot fail. */
const struct offence *offence_find(const char *code);

/* Number of offences (OF-001 … OF-130 of the research, OF-131 … OF-132 of JZZ,
 * OF-133 … OF-138 of FJS; in code order). */
size_t offence_count(void);

/* The i-th offence in code order, or NULL when i >= offence_count(). */
const struct offence *offence_at(size_t i);

/* The tier named tier ("基本", "情节较轻" …) of o, or NULL. Either argument
 * may be NULL (then NULL). */
const struct offence_tier *offence_tier_find(const struct offence *o,
					     const char *tier);

/* 1 when o exists in version v (some tier is not （无）), else 0. A tier
 * that is COMB_ABSENT in a version where the offence exists is 无此档: the
 * act is then judged under another tier of that version. */
int offence_exists_in(const struct offence *o, enum law_version v);

/* The law in force on y-m-d: LAW_ZA2025 from 2026-01-01 (ZA2025 Art 144),
 * LAW_ZA2012 before. Cannot fail (no date check). */
enum law_version law_in_force(int y, int m, int d);

/* "治安管理处罚法（2012修正）" / "治安管理处罚法（2025修订）"; "" for a value
 * outside the enum. */
const char *law_name(enum law_version v);

/* The ids of the offences most used at a 派出所, for the UI's short list,
 * NULL-terminated, in display order. 饮酒后扰乱 / 醉酒 is not in it: it has
 * no offence of its own (offences.md §5; ZA2012/ZA2025 Art 15: a drunk
 * person is punished under the article for the act, e.g. OF-002, OF-012,
 * OF-052). */
extern const char *const offence_common[];

/* The generated table (offences_data.c). Private to offence.c: use the
 * functions above. */
extern const struct offence offence_table[];
extern const size_t offence_table_len;

#endif
