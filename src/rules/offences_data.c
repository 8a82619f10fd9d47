/* offences_data.c — the offence table of the rule catalog: the project's own
 * data, first transcribed from the offence research (offences.md §2) and
 * edited here from now on; the article columns are the citation.
 * 138 offences, 258 tiers (OF-131 and OF-132: 居住证暂行条例, COM-RESCARD-PEN;
 * OF-133 … OF-138: FJS, COM-SCRAP-PEN). Each tier comment gives the line of the
 * research table it was taken from.
 * Field order of struct offence_law: article, warning, fine_min,
 * fine_max, det_min, det_max, comb, fine_multiple, mult_lo, mult_hi,
 * mult_below, fine_text. */
#include "rules/offence.h"

static const struct offence_tier tiers_001[] = {
	/* offences.md:45 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "23¶1(1)", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "26¶1(1)", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:46 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "23¶1(1)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "26¶1(1)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:47 */
	{ "聚众实施·首要分子", NULL,
		{
			/* ZA2012 */ { "23¶2", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "26¶2", 0, 0, 2000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_002[] = {
	/* offences.md:48 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "23¶1(2)", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "26¶1(2)", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:49 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "23¶1(2)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "26¶1(2)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:50 */
	{ "聚众实施·首要分子", NULL,
		{
			/* ZA2012 */ { "23¶2", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "26¶2", 0, 0, 2000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_003[] = {
	/* offences.md:51 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "23¶1(3)", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "26¶1(3)", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:52 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "23¶1(3)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "26¶1(3)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:53 */
	{ "聚众实施·首要分子", NULL,
		{
			/* ZA2012 */ { "23¶2", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "26¶2", 0, 0, 2000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_004[] = {
	/* offences.md:54 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "23¶1(4)", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "26¶1(4)", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:55 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "23¶1(4)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "26¶1(4)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:56 */
	{ "聚众实施·首要分子", NULL,
		{
			/* ZA2012 */ { "23¶2", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "26¶2", 0, 0, 2000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_005[] = {
	/* offences.md:57 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "23¶1(5)", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "26¶1(5)", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:58 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "23¶1(5)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "26¶1(5)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:59 */
	{ "聚众实施·首要分子", NULL,
		{
			/* ZA2012 */ { "23¶2", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "26¶2", 0, 0, 2000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_006[] = {
	/* offences.md:60 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "27", 0, 1000, 3000, -1, -1, COMB_SINGLE, 1, 1, 5, 1000, "违法所得1–5倍；无违法所得或不足1000元：[1000,3000]" },
		} },
	/* offences.md:61 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "27", 0, -1, -1, 5, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_007[] = {
	/* offences.md:62 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "24¶1", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "28¶1", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:63 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { "24¶1", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "28¶1", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_008[] = {
	/* offences.md:64 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "24¶2", 0, -1, -1, -1, -1, COMB_NONE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "28¶2", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_009[] = {
	/* offences.md:65 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "25(1)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "29(1)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:66 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "25(1)", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "29(1)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_010[] = {
	/* offences.md:67 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "25(2)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "29(2)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:68 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "25(2)", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "29(2)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_011[] = {
	/* offences.md:69 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "25(3)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "29(3)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:70 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "25(3)", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "29(3)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_012[] = {
	/* offences.md:71 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "26", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "30", 0, 0, 1000, 5, 10, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:72 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "26", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "30", 0, 0, 2000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_013[] = {
	/* offences.md:73 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "27", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "31", 0, 0, 2000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:74 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "27", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "31", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_014[] = {
	/* offences.md:75 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "28", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "32", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:76 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { "28", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "32", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_015[] = {
	/* offences.md:77 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "29", 0, -1, -1, 0, 5, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "33", 0, -1, -1, 0, 5, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:78 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "29", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "33", 0, -1, -1, 5, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_016[] = {
	/* offences.md:79 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "34¶1", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:80 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "34¶1", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_017[] = {
	/* offences.md:81 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "34¶2", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:82 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "34¶2", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_018[] = {
	/* offences.md:83 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "35", 0, 1000, 3000, 5, 10, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:84 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "35", 0, 0, 5000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_019[] = {
	/* offences.md:90 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "30", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "36", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:91 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "30", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "36", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_020[] = {
	/* offences.md:92 */
	{ "未按规定报告", NULL,
		{
			/* ZA2012 */ { "31", 0, -1, -1, 0, 5, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "37", 0, -1, -1, 0, 5, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:93 */
	{ "故意隐瞒不报", NULL,
		{
			/* ZA2012 */ { "31", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "37", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_021[] = {
	/* offences.md:94 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "32¶1", 0, 0, 500, 0, 5, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "38¶1", 0, 0, 1000, 0, 5, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:95 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "32¶1", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "38¶1", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_022[] = {
	/* offences.md:96 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "32¶2", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "38¶2", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_023[] = {
	/* offences.md:97 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "33", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "39", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:98 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "39", 0, -1, -1, 0, 5, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_024[] = {
	/* offences.md:99 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "34¶1", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "40¶1", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_025[] = {
	/* offences.md:100 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "34¶2", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "40¶2", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_026[] = {
	/* offences.md:101 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "40¶3", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:102 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "40¶3", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_027[] = {
	/* offences.md:103 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "35", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "41", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:104 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "35", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "41", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_028[] = {
	/* offences.md:105 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "36", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "42", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_029[] = {
	/* offences.md:106 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "37", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "43", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:107 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { "37", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "43", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_030[] = {
	/* offences.md:108 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "43(4)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:109 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "43(4)", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_031[] = {
	/* offences.md:110 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "43(5)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:111 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "43(5)", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_032[] = {
	/* offences.md:112 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "38", 0, 200, 500, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "44", 0, 1000, 3000, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:113 */
	{ "情节较轻", "ZA2012：对组织者",
		{
			/* ZA2012 */ { "38", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:114 */
	{ "情节较重", "ZA2025：另可责令6个月至1年不得举办大型群众性活动",
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "44", 0, 3000, 5000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_033[] = {
	/* offences.md:115 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "39", 0, -1, -1, 0, 5, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "45", 0, -1, -1, 0, 5, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:116 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "45", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_034[] = {
	/* offences.md:117 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "46¶1", 0, -1, -1, -1, -1, COMB_NONE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:118 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "46¶1", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_035[] = {
	/* offences.md:119 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "46¶2", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_036[] = {
	/* offences.md:125 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "40(1)", 0, 500, 1000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "47(1)", 0, 1000, 2000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:126 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "40(1)", 0, 200, 500, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "47(1)", 0, 0, 1000, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_037[] = {
	/* offences.md:127 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "40(2)", 0, 500, 1000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "47(2)", 0, 1000, 2000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:128 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "40(2)", 0, 200, 500, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "47(2)", 0, 0, 1000, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_038[] = {
	/* offences.md:129 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "40(3)", 0, 500, 1000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "47(3)", 0, 1000, 2000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:130 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "40(3)", 0, 200, 500, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "47(3)", 0, 0, 1000, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_039[] = {
	/* offences.md:131 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "40(3)", 0, 500, 1000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "47(3)", 0, 1000, 2000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:132 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "40(3)", 0, 200, 500, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "47(3)", 0, 0, 1000, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_040[] = {
	/* offences.md:133 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "40(3)", 0, 500, 1000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "47(3)", 0, 1000, 2000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:134 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "40(3)", 0, 200, 500, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "47(3)", 0, 0, 1000, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_041[] = {
	/* offences.md:135 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "48", 0, 0, 5000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:136 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "48", 0, 0, 5000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_042[] = {
	/* offences.md:137 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "41¶1", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "49¶1", 0, 0, 2000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_043[] = {
	/* offences.md:138 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "41¶2", 1, -1, -1, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "49¶2", 1, -1, -1, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_044[] = {
	/* offences.md:139 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "42(1)", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "50¶1(1)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:140 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "42(1)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "50¶1(1)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_045[] = {
	/* offences.md:141 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "42(2)", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "50¶1(2)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:142 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "42(2)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "50¶1(2)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_046[] = {
	/* offences.md:143 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "42(2)", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "50¶1(2)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:144 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "42(2)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "50¶1(2)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_047[] = {
	/* offences.md:145 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "42(3)", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "50¶1(3)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:146 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "42(3)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "50¶1(3)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_048[] = {
	/* offences.md:147 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "42(4)", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "50¶1(4)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:148 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "42(4)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "50¶1(4)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_049[] = {
	/* offences.md:149 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "42(5)", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "50¶1(5)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:150 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "42(5)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "50¶1(5)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_050[] = {
	/* offences.md:151 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "50¶2", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_051[] = {
	/* offences.md:152 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "42(6)", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "50¶1(6)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:153 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "42(6)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "50¶1(6)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_052[] = {
	/* offences.md:154 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "43¶1", 0, 200, 500, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "51¶1", 0, 500, 1000, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:155 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "43¶1", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "51¶1", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_053[] = {
	/* offences.md:156 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "43¶2(1)", 0, 500, 1000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "51¶2(1)", 0, 1000, 2000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_054[] = {
	/* offences.md:157 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "43¶2(2)", 0, 500, 1000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "51¶2(2)", 0, 1000, 2000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_055[] = {
	/* offences.md:158 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "43¶2(3)", 0, 500, 1000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "51¶2(3)", 0, 1000, 2000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_056[] = {
	/* offences.md:159 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "44", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "52¶1", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:160 */
	{ "加重（特定对象或其他严重情节）", NULL,
		{
			/* ZA2012 */ { "44", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "52¶1", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_057[] = {
	/* offences.md:161 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "44", 0, -1, -1, -1, -1, COMB_NONE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "52¶2", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:162 */
	{ "情节恶劣", NULL,
		{
			/* ZA2012 */ { "44", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "52¶2", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_058[] = {
	/* offences.md:163 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "45(1)", 1, -1, -1, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "53(1)", 1, -1, -1, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:164 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "53(1)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_059[] = {
	/* offences.md:165 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "53(2)", 1, -1, -1, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:166 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "53(2)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_060[] = {
	/* offences.md:167 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "45(2)", 1, -1, -1, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "53(3)", 1, -1, -1, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:168 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "53(3)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_061[] = {
	/* offences.md:169 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "46", 0, 200, 500, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "54", 0, 3000, 5000, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:170 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "46", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "54", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_062[] = {
	/* offences.md:171 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "47", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "55", 0, 0, 3000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:172 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "55", 0, 0, 3000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_063[] = {
	/* offences.md:173 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "56", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:174 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "56", 0, -1, -1, 0, 5, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_064[] = {
	/* offences.md:175 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "48", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "57", 1, 0, 1000, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:176 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "57", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_065[] = {
	/* offences.md:177 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "49", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "58", 0, 0, 2000, 5, 10, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:178 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "49", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "58", 0, 0, 3000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_066[] = {
	/* offences.md:179 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "49", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "58", 0, 0, 2000, 5, 10, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:180 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "49", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "58", 0, 0, 3000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_067[] = {
	/* offences.md:181 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "49", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "58", 0, 0, 2000, 5, 10, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:182 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "49", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "58", 0, 0, 3000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_068[] = {
	/* offences.md:183 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "49", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "58", 0, 0, 2000, 5, 10, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:184 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "49", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "58", 0, 0, 3000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_069[] = {
	/* offences.md:185 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "49", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "58", 0, 0, 2000, 5, 10, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:186 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "49", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "58", 0, 0, 3000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_070[] = {
	/* offences.md:187 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "49", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "59", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:188 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "49", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "59", 0, 0, 3000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_071[] = {
	/* offences.md:194 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "50¶1(1)", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "61¶1(1)", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:195 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { "50¶1(1)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "61¶1(1)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_072[] = {
	/* offences.md:196 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "50¶1(2)", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "61¶1(2)", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:197 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { "50¶1(2)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "61¶1(2)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_073[] = {
	/* offences.md:198 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "50¶1(2)", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "61¶1(2)", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:199 */
	{ "情节严重", "ZA2012：从重（50¶2）；ZA2025：从重（61¶2）",
		{
			/* ZA2012 */ { "50¶1(2)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "61¶1(2)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_074[] = {
	/* offences.md:200 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "50¶1(3)", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "61¶1(3)", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:201 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { "50¶1(3)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "61¶1(3)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_075[] = {
	/* offences.md:202 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "50¶1(4)", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "61¶1(4)", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:203 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { "50¶1(4)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "61¶1(4)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_076[] = {
	/* offences.md:204 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "51¶1", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "62¶1", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:205 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "51¶1", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "62¶1", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_077[] = {
	/* offences.md:206 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "51¶1", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "62¶1", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:207 */
	{ "情节较轻", "ZA2012：从重（51¶2）；ZA2025：从重（62¶2）",
		{
			/* ZA2012 */ { "51¶1", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "62¶1", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_078[] = {
	/* offences.md:208 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "51¶1", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "62¶3", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:209 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "51¶1", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:210 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "62¶3", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_079[] = {
	/* offences.md:211 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "52(1)", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "63(1)", 0, 0, 5000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:212 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "52(1)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "63(1)", 0, 0, 3000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_080[] = {
	/* offences.md:213 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "63(2)", 0, 0, 5000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:214 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "63(2)", 0, 0, 3000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_081[] = {
	/* offences.md:215 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "52(2)", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "63(3)", 0, 0, 5000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:216 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "52(2)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "63(3)", 0, 0, 3000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_082[] = {
	/* offences.md:217 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "52(3)", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "63(4)", 0, 0, 5000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:218 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "52(3)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "63(4)", 0, 0, 3000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_083[] = {
	/* offences.md:219 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "SFZ 17¶1", 0, 200, 1000, 0, 10, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "SFZ 17¶1", 0, 200, 1000, 0, 10, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_084[] = {
	/* offences.md:220 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "52(4)", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "63(5)", 0, 0, 5000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:221 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "52(4)", 0, 0, 500, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "63(5)", 0, 0, 3000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_085[] = {
	/* offences.md:222 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "53", 0, 500, 1000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "64", 0, 1000, 2000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:223 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { "53", 0, 500, 1000, 0, 5, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "64", 0, 0, 2000, 0, 5, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_086[] = {
	/* offences.md:224 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "54¶1", 0, 500, 1000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "65¶1", 0, 0, 5000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:225 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "54¶1", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "65¶1", 0, 1000, 3000, 5, 10, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:226 */
	{ "未经许可经营被取缔后一年内又实施", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "65¶2", 0, 3000, 5000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_087[] = {
	/* offences.md:227 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "55", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "66", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_088[] = {
	/* offences.md:228 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "56¶1", 0, 200, 500, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "67¶1", 0, 500, 1000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:229 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "67¶1", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_089[] = {
	/* offences.md:230 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "56¶1", 0, 200, 500, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "67¶3(1)", 0, 1000, 3000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:231 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "67¶3(1)", 0, 3000, 5000, 0, 5, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_090[] = {
	/* offences.md:232 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "56¶2", 0, 200, 500, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "67¶3(2)", 0, 1000, 3000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:233 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { "56¶2", 0, 0, 500, 0, 5, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "67¶3(2)", 0, 3000, 5000, 0, 5, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_091[] = {
	/* offences.md:234 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "67¶3(3)", 0, 1000, 3000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:235 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "67¶3(3)", 0, 3000, 5000, 0, 5, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_092[] = {
	/* offences.md:236 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "57¶1", 0, 200, 500, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "68¶1", 0, 500, 1000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:237 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "68¶1", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_093[] = {
	/* offences.md:238 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "57¶2", 0, 200, 500, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "68¶2", 0, 1000, 3000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:239 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { "57¶2", 0, 0, 500, 0, 5, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "68¶2", 0, 3000, 5000, 0, 5, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_094[] = {
	/* offences.md:240 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "69", 1, -1, -1, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:241 */
	{ "拒不改正或造成后果", "ZA2025：对直接负责的主管人员和其他直接责任人员",
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "69", 0, 0, 3000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_095[] = {
	/* offences.md:242 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "70", 0, 1000, 3000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:243 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "70", 0, 3000, 5000, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_096[] = {
	/* offences.md:244 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "59", 0, 500, 1000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "71", 0, 1000, 3000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:245 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { "59", 0, 500, 1000, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "71", 0, 1000, 3000, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_097[] = {
	/* offences.md:246 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "60(1)", 0, 200, 500, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "72(1)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:247 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "72(1)", 1, 0, 1000, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_098[] = {
	/* offences.md:248 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "60(2)", 0, 200, 500, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "72(2)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:249 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "72(2)", 1, 0, 1000, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_099[] = {
	/* offences.md:250 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "60(3)", 0, 200, 500, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "72(3)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:251 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "72(3)", 1, 0, 1000, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_100[] = {
	/* offences.md:252 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "60(4)", 0, 200, 500, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "72(4)", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:253 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "72(4)", 1, 0, 1000, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_101[] = {
	/* offences.md:254 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "73", 1, 0, 1000, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:255 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "73", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_102[] = {
	/* offences.md:256 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "74", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:257 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "74", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_103[] = {
	/* offences.md:258 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "61", 0, 1000, 5000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_104[] = {
	/* offences.md:259 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "62¶1", 0, 500, 2000, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_105[] = {
	/* offences.md:260 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "62¶2", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_106[] = {
	/* offences.md:261 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "63", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "75", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:262 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { "63", 0, 200, 500, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "75", 0, 500, 1000, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_107[] = {
	/* offences.md:263 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "64", 0, 500, 1000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "76", 0, 1000, 2000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:264 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { "64", 0, 500, 1000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "76", 0, 0, 2000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_108[] = {
	/* offences.md:265 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "65", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "77", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:266 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { "65", 0, 0, 1000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "77", 0, 0, 2000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_109[] = {
	/* offences.md:267 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "66¶1", 0, 0, 5000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "78¶1", 0, 0, 5000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:268 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "66¶1", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "78¶1", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_110[] = {
	/* offences.md:269 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "66¶2", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "78¶2", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_111[] = {
	/* offences.md:270 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "67", 0, 0, 5000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "79", 0, 0, 5000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:271 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "67", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "79", 0, 1000, 2000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_112[] = {
	/* offences.md:272 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "68", 0, 0, 3000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "80¶1", 0, 0, 5000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:273 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "68", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "80¶1", 0, 1000, 3000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_113[] = {
	/* offences.md:274 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "69", 0, 500, 1000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "81", 0, 1000, 2000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_114[] = {
	/* offences.md:275 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "70", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "82", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:276 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { "70", 0, 500, 3000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "82", 0, 1000, 5000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_115[] = {
	/* offences.md:277 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "71¶1", 0, 0, 3000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "83¶1", 0, 0, 5000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:278 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "71¶1", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "83¶1", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_116[] = {
	/* offences.md:279 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "72(1)", 0, 0, 2000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "84¶1(1)", 0, 0, 3000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:280 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "72(1)", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "84¶1(1)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_117[] = {
	/* offences.md:281 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "72(2)", 0, 0, 2000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "84¶1(2)", 0, 0, 3000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:282 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "72(2)", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "84¶1(2)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_118[] = {
	/* offences.md:283 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "72(3)", 0, 0, 2000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "84¶1(3)", 0, 0, 3000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:284 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "72(3)", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "84¶1(3)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_119[] = {
	/* offences.md:285 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "72(4)", 0, 0, 2000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "84¶1(4)", 0, 0, 3000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:286 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "72(4)", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "84¶1(4)", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_120[] = {
	/* offences.md:287 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "84¶2", 0, 0, 3000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:288 */
	{ "情节较轻", "ZA2025：从重（84¶2，依 84¶1）",
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "84¶2", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_121[] = {
	/* offences.md:289 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "84¶3", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_122[] = {
	/* offences.md:290 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "73", 0, 500, 2000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "85¶1", 0, 1000, 5000, 10, 15, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_123[] = {
	/* offences.md:291 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "85¶2", 0, 0, 3000, 10, 15, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:292 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "85¶2", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_124[] = {
	/* offences.md:293 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "86", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:294 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "86", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_125[] = {
	/* offences.md:295 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "74", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "87", 0, -1, -1, 10, 15, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:296 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "87", 0, 1000, 2000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_126[] = {
	/* offences.md:297 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "58", 1, -1, -1, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "88", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:298 */
	{ "警告后不改正", NULL,
		{
			/* ZA2012 */ { "58", 0, 200, 500, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:299 */
	{ "情节严重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "88", 0, 0, 1000, 5, 10, COMB_MAY_ADD, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_127[] = {
	/* offences.md:300 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "75¶1", 1, -1, -1, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "89¶1", 1, -1, -1, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:301 */
	{ "警告后不改正或放任动物恐吓他人", NULL,
		{
			/* ZA2012 */ { "75¶1", 0, 200, 500, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "89¶1", 0, 0, 1000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_128[] = {
	/* offences.md:302 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "89¶2", 1, -1, -1, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:303 */
	{ "警告后不改正或致使动物伤害他人", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "89¶2", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:304 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "89¶2", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_129[] = {
	/* offences.md:305 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "89¶3", 0, 0, 1000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:306 */
	{ "情节较重", NULL,
		{
			/* ZA2012 */ { NULL, 0, -1, -1, -1, -1, COMB_ABSENT, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "89¶3", 0, -1, -1, 5, 10, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_130[] = {
	/* offences.md:307 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "75¶2→43¶1", 0, 200, 500, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "89¶4→51¶1", 0, 500, 1000, 5, 10, COMB_MUST_ADD, 0, 0, 0, 0, NULL },
		} },
	/* offences.md:308 */
	{ "情节较轻", NULL,
		{
			/* ZA2012 */ { "75¶2→43¶1", 0, 0, 500, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "89¶4→51¶1", 0, 0, 1000, 0, 5, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_131[] = {
	/* supervision-community-team.md COM-RESCARD-PEN: JZZ Art 18 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "JZZ 18", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "JZZ 18", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_132[] = {
	/* supervision-community-team.md COM-RESCARD-PEN: JZZ Art 19 */
	{ "基本", NULL,
		{
			/* ZA2012 */ { "JZZ 19", 0, 200, 1000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "JZZ 19", 0, 200, 1000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

/* OF-133 … OF-138: 废旧金属收购业治安管理办法（2023修订）第11条 (FJS),
 * outside 治安管理处罚法 like OF-083: the same figures in both columns
 * (facts before 2023-07-20 are not modelled); the items follow the order
 * of supervision-community-team.md COM-SCRAP-PEN [U] (COM-SCRAP-PEN). */
static const struct offence_tier tiers_133[] = {
	{ "基本", NULL,
		{
			/* ZA2012 */ { "FJS 11(1)", 1, -1, -1, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "FJS 11(1)", 1, -1, -1, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
	{ "警告后不改正", NULL,
		{
			/* ZA2012 */ { "FJS 11(1)", 0, 500, 2000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "FJS 11(1)", 0, 500, 2000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_134[] = {
	{ "基本", NULL,
		{
			/* ZA2012 */ { "FJS 11(1)", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "FJS 11(1)", 1, 0, 500, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_135[] = {
	{ "基本", NULL,
		{
			/* ZA2012 */ { "FJS 11(2)", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "FJS 11(2)", 1, 0, 200, -1, -1, COMB_OR, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_136[] = {
	{ "基本", NULL,
		{
			/* ZA2012 */ { "FJS 11(3)", 0, 5000, 10000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "FJS 11(3)", 0, 5000, 10000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_137[] = {
	{ "基本", NULL,
		{
			/* ZA2012 */ { "FJS 11(4)", 0, 2000, 5000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "FJS 11(4)", 0, 2000, 5000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

static const struct offence_tier tiers_138[] = {
	{ "基本", NULL,
		{
			/* ZA2012 */ { "FJS 11(5)", 0, 2000, 10000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
			/* ZA2025 */ { "FJS 11(5)", 0, 2000, 10000, -1, -1, COMB_SINGLE, 0, 0, 0, 0, NULL },
		} },
};

const struct offence offence_table[] = {
	/* offences.md:45 */
	{ "OF-001", "变更",
	  "扰乱机关、团体、企业、事业单位秩序（致工作、生产、营业、医疗、教学、科研不能正常进行，尚未造成严重损失）",
	  "罚款上限约翻倍（200→500，500→1000，1000→2000）。",
	  0, 3, tiers_001 },
	/* offences.md:48 */
	{ "OF-002", "变更",
	  "扰乱车站、港口、码头、机场、商场、公园、展览馆等公共场所秩序",
	  "同 OF-001。",
	  0, 3, tiers_002 },
	/* offences.md:51 */
	{ "OF-003", "变更",
	  "扰乱公共交通工具上的秩序（公共汽车、电车、火车、船舶、航空器等）",
	  "ZA2025 明文加入“城市轨道交通车辆”。罚款同 OF-001。",
	  0, 3, tiers_003 },
	/* offences.md:54 */
	{ "OF-004", "变更",
	  "非法拦截或者强登、扒乘机动车、船舶、航空器等交通工具，影响正常行驶",
	  "同 OF-001。",
	  0, 3, tiers_004 },
	/* offences.md:57 */
	{ "OF-005", "变更",
	  "破坏依法进行的选举秩序",
	  "同 OF-001。",
	  0, 3, tiers_005 },
	/* offences.md:60 */
	{ "OF-006", "新增",
	  "国家考试作弊：组织作弊；为组织作弊提供器材或帮助；为作弊向他人非法出售、提供试题答案；代替他人或让他人代替自己考试",
	  "ZA2025 新增。情节较重档文本只写拘留（无并处罚款）。",
	  0, 2, tiers_006 },
	/* offences.md:62 */
	{ "OF-007", "变更",
	  "扰乱体育、文化等大型群众性活动秩序（强行进场、违规燃放、展示侮辱性标语、围攻裁判运动员、投掷杂物不听制止等）",
	  "被拘留者可被责令禁入：ZA2012 24¶2 仅体育比赛、12个月内；ZA2025 28¶2 体育比赛和文艺演出、6个月至1年。",
	  0, 2, tiers_007 },
	/* offences.md:64 */
	{ "OF-008", "变更",
	  "违反禁入令进入体育场馆、演出场馆（因扰乱比赛/演出被拘留并被责令禁入后）",
	  "ZA2012：仅强行带离现场；ZA2025：强行带离现场，“可以处”",
	  0, 1, tiers_008 },
	/* offences.md:65 */
	{ "OF-009", "变更",
	  "散布谣言，谎报险情、疫情、（灾情、）警情或以其他方法故意扰乱公共秩序",
	  "ZA2025 加“故意”“灾情”；罚款上限 500→1000。",
	  0, 2, tiers_009 },
	/* offences.md:67 */
	{ "OF-010", "变更",
	  "投放虚假的爆炸性、毒害性、放射性、腐蚀性物质或传染病病原体等危险物质扰乱公共秩序",
	  "罚款上限 500→1000。",
	  0, 2, tiers_010 },
	/* offences.md:69 */
	{ "OF-011", "变更",
	  "扬言实施放火、爆炸、投放危险物质（等危害公共安全犯罪行为）扰乱公共秩序",
	  "罚款上限 500→1000。",
	  0, 2, tiers_011 },
	/* offences.md:71 */
	{ "OF-012", "变更",
	  "寻衅滋事：结伙斗殴（ZA2025 加“随意殴打他人”）；追逐、拦截他人；强拿硬要或任意损毁、占用公私财物；其他寻衅滋事行为",
	  "基本档由“必拘、可并罚”改为“拘留或者罚款”（可只罚款）。",
	  0, 2, tiers_012 },
	/* offences.md:73 */
	{ "OF-013", "变更",
	  "组织、教唆、胁迫、诱骗、煽动他人从事邪教、会道门（ZA2025 加：非法的宗教）活动或利用其扰乱社会秩序、损害他人身体健康；冒用宗教、气功名义",
	  "ZA2025 31(3) 新增：制作、传播宣扬邪教、会道门内容的物品、信息、资料。",
	  0, 2, tiers_013 },
	/* offences.md:75 */
	{ "OF-014", "未变",
	  "干扰无线电业务；有害干扰拒不消除；（ZA2025 新增）未经批准设置无线电台（站）或非法使用、占用频率从事违法活动",
	  "ZA2025 141¶3：其他法律另定罚款等的，由主管部门处罚，公安机关只处拘留。",
	  0, 2, tiers_014 },
	/* offences.md:77 */
	{ "OF-015", "变更",
	  "非法侵入计算机信息系统、非法获取数据或控制、删改功能/数据、制作传播病毒；（ZA2025 新增）提供专门侵入工具",
	  "ZA2025：须“造成危害”；ZA2025 情节较重档上限 10→15 日。",
	  0, 2, tiers_015 },
	/* offences.md:79 */
	{ "OF-016", "新增",
	  "组织、领导传销活动",
	  "ZA2025 新增。141¶3 同 OF-014。",
	  0, 2, tiers_016 },
	/* offences.md:81 */
	{ "OF-017", "新增",
	  "胁迫、诱骗他人参加传销活动",
	  "ZA2025 新增。",
	  0, 2, tiers_017 },
	/* offences.md:83 */
	{ "OF-018", "新增",
	  "在国家重要纪念活动场所从事违背活动主题的行为；损害英雄烈士纪念设施、名誉；宣扬、美化侵略战争的言论、物品、服饰标志",
	  "ZA2025 新增（35 条 5 项）。",
	  0, 2, tiers_018 },
	/* offences.md:90 */
	{ "OF-019", "未变",
	  "违反国家规定制造、买卖、储存、运输、邮寄、携带、使用、提供、处置危险物质",
	  NULL,
	  0, 2, tiers_019 },
	/* offences.md:92 */
	{ "OF-020", "未变",
	  "危险物质被盗、被抢或丢失，未按规定报告（或故意隐瞒不报）",
	  NULL,
	  0, 2, tiers_020 },
	/* offences.md:94 */
	{ "OF-021", "变更",
	  "非法携带枪支、弹药或弩、匕首等国家规定的管制器具",
	  "罚款上限提高。",
	  0, 2, tiers_021 },
	/* offences.md:96 */
	{ "OF-022", "变更",
	  "非法携带枪支、弹药或管制器具进入公共场所或公共交通工具",
	  NULL,
	  0, 1, tiers_022 },
	/* offences.md:97 */
	{ "OF-023", "变更",
	  "盗窃、损毁油气管道、电力电信、广播电视、水利等公共设施；移动、损毁界碑界桩等边境标志；影响国（边）界线走向",
	  "ZA2025 39(1) 加“危及公共安全”，并新增情节较轻档（5 日以下）。",
	  0, 2, tiers_023 },
	/* offences.md:99 */
	{ "OF-024", "未变",
	  "盗窃、损坏、擅自移动使用中的航空设施，或强行进入航空器驾驶舱",
	  NULL,
	  0, 1, tiers_024 },
	/* offences.md:100 */
	{ "OF-025", "变更",
	  "在使用中的航空器上使用可能影响导航系统的器具、工具，不听劝阻",
	  NULL,
	  0, 1, tiers_025 },
	/* offences.md:101 */
	{ "OF-026", "新增",
	  "盗窃、损坏、擅自移动其他公共交通工具设施设备，或以抢控驾驶操纵装置、拉扯、殴打驾驶人员等方式干扰公共交通工具正常行驶",
	  "ZA2025 新增（“抢方向盘”）。",
	  0, 2, tiers_026 },
	/* offences.md:103 */
	{ "OF-027", "变更",
	  "盗窃、损毁、擅自移动铁路（ZA2025 加城市轨道交通）设施设备、配件、安全标志；放置障碍物、向列车投掷物品；挖掘坑穴、采石取沙；私设道口",
	  NULL,
	  0, 2, tiers_027 },
	/* offences.md:105 */
	{ "OF-028", "变更",
	  "擅自进入铁路（城市轨道交通）防护网，或列车来临时在线路上行走坐卧、抢越，影响行车安全",
	  NULL,
	  0, 1, tiers_028 },
	/* offences.md:106 */
	{ "OF-029", "变更",
	  "未经批准安装、使用电网或不符合安全规定；施工不设覆盖物、防围、警示标志或故意损毁移动；盗窃、损毁路面井盖、照明等公共设施",
	  "ZA2025 情节严重档拘留由 5–10 日提到 10–15 日。",
	  0, 2, tiers_029 },
	/* offences.md:108 */
	{ "OF-030", "新增",
	  "违规升放携带明火的升空物体（孔明灯等），有发生火灾危险，不听劝阻",
	  "ZA2025 新增。",
	  0, 2, tiers_030 },
	/* offences.md:110 */
	{ "OF-031", "新增",
	  "从建筑物或其他高空抛掷物品，有危害他人人身、财产或公共安全危险（高空抛物）",
	  "ZA2025 新增。",
	  0, 2, tiers_031 },
	/* offences.md:112 */
	{ "OF-032", "变更",
	  "举办大型群众性活动违反有关规定，有发生安全事故危险（ZA2025：经责令改正拒不改正或无法改正）",
	  "ZA2012：对组织者；ZA2025：对直接负责的主管人员和其他直接责任人员；处罚对象由“组织者”改为单位的直接责任人员；ZA2012 的“情节较轻”档被“情节较重”档取代。均责令停止活动、立即疏散。",
	  0, 3, tiers_032 },
	/* offences.md:115 */
	{ "OF-033", "变更",
	  "旅馆、饭店、影剧院、娱乐场、体育场馆、展览馆等公众活动场所违反安全规定，有发生安全事故危险，经责令改正拒不改正",
	  "ZA2012：对经营管理人员；ZA2025：对直接负责的主管人员和其他直接责任人员；ZA2025 新增情节较重档。",
	  0, 2, tiers_033 },
	/* offences.md:117 */
	{ "OF-034", "新增",
	  "违反飞行空域管理规定飞行民用无人驾驶航空器（无人机）、航空运动器材，或升放无人驾驶自由气球、系留气球等",
	  "ZA2025：本条只罚“情节较重”；ZA2025 新增。141¶3 同 OF-014。",
	  0, 2, tiers_034 },
	/* offences.md:119 */
	{ "OF-035", "新增",
	  "飞行、升放无人机等升空物体非法穿越国（边）境",
	  "ZA2025 新增。",
	  0, 1, tiers_035 },
	/* offences.md:125 */
	{ "OF-036", "变更",
	  "组织、胁迫、诱骗不满十六周岁的人或残疾人进行恐怖、残忍表演",
	  "罚款提高；情节较轻档罚款由 200–500 改为 1000 以下（仍为“并处”）。",
	  0, 2, tiers_036 },
	/* offences.md:127 */
	{ "OF-037", "变更",
	  "以暴力、威胁或其他手段强迫他人劳动",
	  "同 OF-036。",
	  0, 2, tiers_037 },
	/* offences.md:129 */
	{ "OF-038", "变更",
	  "非法限制他人人身自由",
	  "同 OF-036。",
	  0, 2, tiers_038 },
	/* offences.md:131 */
	{ "OF-039", "变更",
	  "非法侵入他人住宅",
	  "同 OF-036。",
	  0, 2, tiers_039 },
	/* offences.md:133 */
	{ "OF-040", "变更",
	  "非法搜查他人身体",
	  "同 OF-036。",
	  0, 2, tiers_040 },
	/* offences.md:135 */
	{ "OF-041", "新增",
	  "组织、胁迫未成年人在不适宜未成年人活动的经营场所从事陪酒、陪唱等有偿陪侍",
	  "ZA2025 新增。",
	  0, 2, tiers_041 },
	/* offences.md:137 */
	{ "OF-042", "变更",
	  "胁迫、诱骗或利用他人乞讨",
	  NULL,
	  0, 1, tiers_042 },
	/* offences.md:138 */
	{ "OF-043", "未变",
	  "反复纠缠、强行讨要或以其他滋扰他人的方式乞讨",
	  "未变。",
	  0, 1, tiers_043 },
	/* offences.md:139 */
	{ "OF-044", "变更",
	  "写恐吓信或以其他方法威胁他人人身安全",
	  "罚款上限 500→1000。",
	  0, 2, tiers_044 },
	/* offences.md:141 */
	{ "OF-045", "变更",
	  "公然侮辱他人",
	  "同 OF-044。",
	  0, 2, tiers_045 },
	/* offences.md:143 */
	{ "OF-046", "变更",
	  "捏造事实诽谤他人",
	  "同 OF-044。",
	  0, 2, tiers_046 },
	/* offences.md:145 */
	{ "OF-047", "变更",
	  "捏造事实诬告陷害他人，企图使他人受刑事追究或治安管理处罚",
	  "同 OF-044。",
	  0, 2, tiers_047 },
	/* offences.md:147 */
	{ "OF-048", "变更",
	  "对证人及其近亲属进行威胁、侮辱、殴打或打击报复",
	  "同 OF-044。",
	  0, 2, tiers_048 },
	/* offences.md:149 */
	{ "OF-049", "变更",
	  "多次发送淫秽、侮辱、恐吓等信息，（ZA2025 加）或采取滋扰、纠缠、跟踪等方法，干扰他人正常生活",
	  "同 OF-044；ZA2025 50¶2 可对滋扰、纠缠、跟踪者发禁止接触令（见 OF-050）。",
	  0, 2, tiers_049 },
	/* offences.md:151 */
	{ "OF-050", "新增",
	  "违反公安机关责令的禁止接触被侵害人规定（针对滋扰、纠缠、跟踪者）",
	  "ZA2025 新增。禁止接触令须经公安机关负责人批准。",
	  0, 1, tiers_050 },
	/* offences.md:152 */
	{ "OF-051", "变更",
	  "偷窥、偷拍、窃听、散布他人隐私",
	  "同 OF-044。",
	  0, 2, tiers_051 },
	/* offences.md:154 */
	{ "OF-052", "变更",
	  "殴打他人，或故意伤害他人身体",
	  "基本档并处罚款 200–500→500–1000；情节较轻档罚款上限 500→1000。",
	  0, 2, tiers_052 },
	/* offences.md:156 */
	{ "OF-053", "变更",
	  "结伙殴打、伤害他人",
	  "并处罚款 500–1000→1000–2000。",
	  0, 1, tiers_053 },
	/* offences.md:157 */
	{ "OF-054", "变更",
	  "殴打、伤害残疾人、孕妇、不满十四周岁的人或老年人（ZA2012：六十周岁以上；ZA2025：七十周岁以上）",
	  "年龄界限 60→70 周岁；罚款同 OF-053。60–69 周岁的受害人在 ZA2025 下不再自动入此档。",
	  0, 1, tiers_054 },
	/* offences.md:158 */
	{ "OF-055", "变更",
	  "多次殴打、伤害他人或一次殴打、伤害多人",
	  "同 OF-053。",
	  0, 1, tiers_055 },
	/* offences.md:159 */
	{ "OF-056", "未变",
	  "猥亵他人（加重：猥亵精神病人、智力残疾人、不满十四周岁的人或有其他严重情节）",
	  "未变。",
	  0, 2, tiers_056 },
	/* offences.md:161 */
	{ "OF-057", "变更",
	  "在公共场所故意裸露身体（ZA2025：裸露身体隐私部位）",
	  "ZA2012：ZA2012 只罚“情节恶劣”；ZA2025 单列一款并新设基本档（警告或 500 元以下罚款）。",
	  0, 2, tiers_057 },
	/* offences.md:163 */
	{ "OF-058", "变更",
	  "虐待家庭成员（被虐待人或其监护人要求处理）",
	  "ZA2025 新增情节较重档；ZA2025 允许“监护人”要求处理。",
	  0, 2, tiers_058 },
	/* offences.md:165 */
	{ "OF-059", "新增",
	  "对未成年人、老年人、患病的人、残疾人等负有监护、看护职责的人虐待被监护、看护的人",
	  "ZA2025 新增。",
	  0, 2, tiers_059 },
	/* offences.md:167 */
	{ "OF-060", "变更",
	  "遗弃没有独立生活能力的被扶养人",
	  "ZA2025 新增情节较重档。",
	  0, 2, tiers_060 },
	/* offences.md:169 */
	{ "OF-061", "变更",
	  "强买强卖商品，强迫他人提供服务或强迫他人接受服务",
	  "基本档并处罚款 200–500→3000–5000（增幅最大之一）。",
	  0, 2, tiers_061 },
	/* offences.md:171 */
	{ "OF-062", "变更",
	  "煽动民族仇恨、民族歧视，或在出版物、（计算机）信息网络中刊载民族歧视、侮辱内容",
	  "ZA2025 新增情节较轻档；罚款上限 1000→3000。",
	  0, 2, tiers_062 },
	/* offences.md:173 */
	{ "OF-063", "新增",
	  "违反国家有关规定向他人出售或提供个人信息；窃取或以其他方法非法获取个人信息",
	  "ZA2025 新增。141¶3 同 OF-014。",
	  0, 2, tiers_063 },
	/* offences.md:175 */
	{ "OF-064", "变更",
	  "冒领、隐匿、毁弃、（ZA2025 加倒卖、）私自开拆或非法检查他人邮件（ZA2025 加快件）",
	  "基本档改为警告或罚款（不再可拘留），另设情节较重档。",
	  0, 2, tiers_064 },
	/* offences.md:177 */
	{ "OF-065", "变更",
	  "盗窃",
	  "基本档由“必拘 5–10 日、可并罚≤500”改为“拘留 5–10 日或罚款≤2000”；情节较重档罚款上限 1000→3000。",
	  0, 2, tiers_065 },
	/* offences.md:179 */
	{ "OF-066", "变更",
	  "诈骗",
	  "同 OF-065。",
	  0, 2, tiers_066 },
	/* offences.md:181 */
	{ "OF-067", "变更",
	  "哄抢",
	  "同 OF-065。",
	  0, 2, tiers_067 },
	/* offences.md:183 */
	{ "OF-068", "变更",
	  "抢夺",
	  "同 OF-065。",
	  0, 2, tiers_068 },
	/* offences.md:185 */
	{ "OF-069", "变更",
	  "敲诈勒索",
	  "同 OF-065。",
	  0, 2, tiers_069 },
	/* offences.md:187 */
	{ "OF-070", "变更",
	  "故意损毁公私财物",
	  "ZA2025 从盗窃等条中分出，单列第五十九条，两档均降低拘留幅度（5 日以下 / 5–10 日）。",
	  0, 2, tiers_070 },
	/* offences.md:194 */
	{ "OF-071", "变更",
	  "拒不执行人民政府在紧急状态情况下依法发布的决定、命令",
	  "罚款上限提高。",
	  0, 2, tiers_071 },
	/* offences.md:196 */
	{ "OF-072", "变更",
	  "阻碍国家机关工作人员依法执行职务",
	  "罚款上限提高。",
	  0, 2, tiers_072 },
	/* offences.md:198 */
	{ "OF-073", "变更",
	  "阻碍人民警察依法执行职务（从重处罚）",
	  "ZA2012：从重（50¶2）；ZA2025：从重（61¶2）；适用 OF-072 的幅度并从重（“从重”= 在法定幅度内从重，见 §3）。",
	  0, 2, tiers_073 },
	/* offences.md:200 */
	{ "OF-074", "变更",
	  "阻碍执行紧急任务的消防车、救护车、工程抢险车、警车（ZA2025 加执行紧急任务的专用船舶）通行",
	  NULL,
	  0, 2, tiers_074 },
	/* offences.md:202 */
	{ "OF-075", "变更",
	  "强行冲闯公安机关设置的警戒带、警戒区（ZA2025 加检查点）",
	  NULL,
	  0, 2, tiers_075 },
	/* offences.md:204 */
	{ "OF-076", "变更",
	  "冒充国家机关工作人员招摇撞骗",
	  "ZA2025 两档均加重（基本 10–15 日；情节较轻 5–10 日、不再可只罚款）。",
	  0, 2, tiers_076 },
	/* offences.md:206 */
	{ "OF-077", "变更",
	  "冒充军警人员招摇撞骗（从重处罚）",
	  "ZA2012：从重（51¶2）；ZA2025：从重（62¶2）；适用 OF-076 的幅度并从重。",
	  0, 2, tiers_077 },
	/* offences.md:208 */
	{ "OF-078", "变更",
	  "以其他虚假身份招摇撞骗（ZA2025：盗用、冒用个人、组织的身份、名义或以其他虚假身份招摇撞骗）",
	  "ZA2012 与冒充国家机关工作人员同款同幅度；ZA2025 单列 62¶3，基本档变轻（可只罚款）。",
	  0, 3, tiers_078 },
	/* offences.md:211 */
	{ "OF-079", "变更",
	  "伪造、变造或买卖国家机关、人民团体、企业、事业单位或其他组织的公文、证件、证明文件、印章",
	  "罚款上限 1000→5000（基本）、500→3000（情节较轻）。",
	  0, 2, tiers_079 },
	/* offences.md:213 */
	{ "OF-080", "新增",
	  "出租、出借国家机关、人民团体、企业、事业单位或其他组织的公文、证件、证明文件、印章供他人非法使用",
	  "ZA2025 新增。",
	  0, 2, tiers_080 },
	/* offences.md:215 */
	{ "OF-081", "变更",
	  "买卖或使用伪造、变造的国家机关、人民团体、企业、事业单位或其他组织的公文、证件、证明文件（ZA2025 加印章）",
	  "同 OF-079。含使用伪造、变造的证件（居民身份证另见 OF-083）。",
	  0, 2, tiers_081 },
	/* offences.md:217 */
	{ "OF-082", "变更",
	  "伪造、变造、倒卖车票、船票、航空客票、文艺演出票、体育比赛入场券或其他有价票证、凭证",
	  "同 OF-079。",
	  0, 2, tiers_082 },
	/* offences.md:219 */
	{ "OF-083", "未变",
	  "冒用他人居民身份证或使用骗领的居民身份证；购买、出售、使用伪造、变造的居民身份证（不在治安管理处罚法内）",
	  "SFZ = 《居民身份证法》（2011-10-29 修正），两版治安管理处罚法均无专门条款；第十七条：罚款或者拘留，有违法所得的没收；2011 年后是否修改未查 [U]。出租、出借、转让、非法扣押居民身份证：同法第十六条，警告并处 200 元以下罚款。",
	  0, 1, tiers_083 },
	/* offences.md:220 */
	{ "OF-084", "变更",
	  "伪造、变造船舶户牌，买卖或使用伪造、变造的船舶户牌，或涂改船舶发动机号码",
	  "同 OF-079。",
	  0, 2, tiers_084 },
	/* offences.md:222 */
	{ "OF-085", "变更",
	  "船舶擅自进入、停靠国家禁止、限制进入的水域或岛屿（对船舶负责人及有关责任人员）",
	  "情节严重档由“并处 500–1000”改为“可以并处 2000 以下”。",
	  0, 2, tiers_085 },
	/* offences.md:224 */
	{ "OF-086", "变更",
	  "未经注册登记以社会团体（ZA2025：社会组织）名义活动被取缔后仍活动；被撤销登记后仍以原名义活动；未经许可擅自经营需公安机关许可的行业",
	  "擅自经营特种行业予以取缔（两版）；许可经营者情节严重可吊销许可证（件）。ZA2025 新增再犯档。",
	  0, 3, tiers_086 },
	/* offences.md:227 */
	{ "OF-087", "未变",
	  "煽动、策划非法集会、游行、示威，不听劝阻",
	  "未变。",
	  0, 1, tiers_087 },
	/* offences.md:228 */
	{ "OF-088", "变更",
	  "旅馆业不按规定登记住宿人员姓名、身份证件种类和号码等信息；（ZA2025 加）为身份不明、拒绝登记的人提供住宿",
	  "ZA2012：对旅馆业工作人员；ZA2025：对直接负责的主管人员和其他直接责任人员；ZA2025 67¶2：妨害反恐怖主义工作的，依反恐怖主义法处罚。",
	  0, 2, tiers_088 },
	/* offences.md:230 */
	{ "OF-089", "变更",
	  "旅馆业明知住宿人员（旅客）将危险物质带入旅馆（住宿区域），不予制止",
	  "ZA2025 移入第三款，加重并新增情节严重档。",
	  0, 2, tiers_089 },
	/* offences.md:232 */
	{ "OF-090", "变更",
	  "旅馆业明知住宿人员是犯罪嫌疑人员或被公安机关通缉的人员，不向公安机关报告",
	  "罚款提高；情节严重档可并处罚款变为 3000–5000。",
	  0, 2, tiers_090 },
	/* offences.md:234 */
	{ "OF-091", "新增",
	  "旅馆业明知住宿人员利用旅馆实施犯罪活动，不向公安机关报告",
	  "ZA2025 新增。",
	  0, 2, tiers_091 },
	/* offences.md:236 */
	{ "OF-092", "变更",
	  "房屋出租人将房屋出租给无身份证件（ZA2025：身份不明、拒绝登记身份信息）的人，或不按规定登记承租人姓名、身份证件种类和号码等信息",
	  "罚款提高，ZA2025 新增情节较轻档（可警告）。",
	  0, 2, tiers_092 },
	/* offences.md:238 */
	{ "OF-093", "变更",
	  "房屋出租人明知承租人利用出租房屋进行（实施）犯罪活动，不向公安机关报告",
	  "罚款提高。",
	  0, 2, tiers_093 },
	/* offences.md:240 */
	{ "OF-094", "新增",
	  "娱乐场所和公章刻制、机动车修理、报废机动车回收行业经营者不按规定登记信息",
	  "ZA2025 新增。",
	  0, 2, tiers_094 },
	/* offences.md:242 */
	{ "OF-095", "新增",
	  "非法安装、使用、提供窃听、窃照专用器材",
	  "ZA2025 新增。",
	  0, 2, tiers_095 },
	/* offences.md:244 */
	{ "OF-096", "变更",
	  "典当业不查验、不登记或明知是违法犯罪嫌疑人、赃物不报告；违规收购废旧专用器材；收购公安机关通报寻查的赃物或有赃物嫌疑的物品；收购国家禁止收购的物品",
	  "罚款提高。",
	  0, 2, tiers_096 },
	/* offences.md:246 */
	{ "OF-097", "变更",
	  "隐藏、转移、变卖、（ZA2025 加擅自使用、）损毁行政执法机关依法扣押、查封、冻结（ZA2025 加扣留、先行登记保存）的财物",
	  "ZA2012 一档必拘并罚；ZA2025 可以并处，并新增情节较轻档（警告或罚款）。",
	  0, 2, tiers_097 },
	/* offences.md:248 */
	{ "OF-098", "变更",
	  "伪造、隐匿、毁灭证据或提供虚假证言、谎报案情，影响行政执法机关依法办案",
	  "同 OF-097。",
	  0, 2, tiers_098 },
	/* offences.md:250 */
	{ "OF-099", "变更",
	  "明知是赃物而窝藏、转移或代为销售",
	  "同 OF-097。",
	  0, 2, tiers_099 },
	/* offences.md:252 */
	{ "OF-100", "变更",
	  "被管制、剥夺政治权利、缓刑、暂予监外执行的罪犯或被采取刑事强制措施的人违反监督管理规定",
	  "同 OF-097。",
	  0, 2, tiers_100 },
	/* offences.md:254 */
	{ "OF-101", "新增",
	  "违反刑事判决禁止令或职业禁止决定；拒不执行禁止家庭暴力告诫书、禁止性骚扰告诫书；违反禁止接触证人、鉴定人、被害人及其近亲属的保护措施",
	  "ZA2025 新增。",
	  0, 2, tiers_101 },
	/* offences.md:256 */
	{ "OF-102", "新增",
	  "依法被关押的违法行为人脱逃",
	  "ZA2025 新增。",
	  0, 2, tiers_102 },
	/* offences.md:258 */
	{ "OF-103", "删除",
	  "协助组织或者运送他人偷越国（边）境",
	  "ZA2025 删除（不再规定于本法）。",
	  0, 1, tiers_103 },
	/* offences.md:259 */
	{ "OF-104", "删除",
	  "为偷越国（边）境人员提供条件",
	  "ZA2025 删除。",
	  0, 1, tiers_104 },
	/* offences.md:260 */
	{ "OF-105", "删除",
	  "偷越国（边）境",
	  "ZA2025 删除。",
	  0, 1, tiers_105 },
	/* offences.md:261 */
	{ "OF-106", "变更",
	  "刻划、涂污或以其他方式故意损坏国家保护的文物、名胜古迹；在文物保护单位附近爆破、（ZA2025 加钻探、）挖掘危及文物安全",
	  "罚款提高。",
	  0, 2, tiers_106 },
	/* offences.md:263 */
	{ "OF-107", "变更",
	  "偷开他人机动车；未取得驾驶证驾驶或偷开他人航空器、机动船舶",
	  "情节严重档由“并处 500–1000”改为“可以并处 2000 以下”。",
	  0, 2, tiers_107 },
	/* offences.md:265 */
	{ "OF-108", "变更",
	  "故意破坏、污损他人坟墓或毁坏、丢弃他人尸骨、骨灰；在公共场所停放尸体或因停放尸体影响他人正常生活、工作秩序，不听劝阻",
	  NULL,
	  0, 2, tiers_108 },
	/* offences.md:267; ADM-ONSPOT excluded: 卖淫、嫖娼 */
	{ "OF-109", "变更",
	  "卖淫、嫖娼",
	  "情节较轻档罚款上限 500→1000。ZA2012 76：屡教不改可采取强制性教育措施（ZA2025 删除）。",
	  1, 2, tiers_109 },
	/* offences.md:269; ADM-ONSPOT excluded: 拉客招嫖（卖淫嫖娼案件） */
	{ "OF-110", "变更",
	  "在公共场所拉客招嫖",
	  "罚款上限 500→1000。",
	  1, 1, tiers_110 },
	/* offences.md:270; ADM-ONSPOT excluded: 引诱、容留、介绍卖淫 */
	{ "OF-111", "变更",
	  "引诱、容留、介绍他人卖淫",
	  "情节较轻档罚款改为 1000–2000（有下限）。",
	  1, 2, tiers_111 },
	/* offences.md:272 */
	{ "OF-112", "变更",
	  "制作、运输、复制、出售、出租淫秽物品，或利用（计算机）信息网络、电话等传播淫秽信息",
	  "ZA2025 80¶2：涉及未成年人的，从重处罚。",
	  0, 2, tiers_112 },
	/* offences.md:274 */
	{ "OF-113", "变更",
	  "组织播放淫秽音像；组织或进行淫秽表演；参与聚众淫乱活动；明知他人从事上述活动而为其提供条件",
	  "ZA2025 81¶3：组织未成年人从事的，从重处罚。",
	  0, 1, tiers_113 },
	/* offences.md:275; ADM-ONSPOT excluded: 赌博 */
	{ "OF-114", "变更",
	  "以营利为目的为赌博提供条件，或参与赌博赌资较大",
	  "罚款提高。ZA2012 76：屡教不改可强制性教育措施（ZA2025 删除）。",
	  1, 2, tiers_114 },
	/* offences.md:277; ADM-ONSPOT excluded: 毒品原植物、罂粟壳 */
	{ "OF-115", "变更",
	  "非法种植罂粟不满五百株或其他少量毒品原植物；非法买卖、运输、携带、持有少量未灭活毒品原植物种子或幼苗；非法运输、买卖、储存、使用少量罂粟壳",
	  "种植在成熟前自行铲除的，不予处罚（ZA2012 71¶2；ZA2025 83¶2）。",
	  1, 2, tiers_115 },
	/* offences.md:279; ADM-ONSPOT excluded: 非法持有毒品 */
	{ "OF-116", "变更",
	  "非法持有鸦片不满二百克、海洛因或甲基苯丙胺不满十克或其他少量毒品",
	  "可以并处罚款上限 2000→3000；情节较轻档罚款上限 500→1000。",
	  1, 2, tiers_116 },
	/* offences.md:281; ADM-ONSPOT excluded: 向他人提供毒品 */
	{ "OF-117", "变更",
	  "向他人提供毒品",
	  "同 OF-116。",
	  1, 2, tiers_117 },
	/* offences.md:283; ADM-ONSPOT excluded: 吸食、注射毒品 */
	{ "OF-118", "变更",
	  "吸食、注射毒品",
	  "同 OF-116。ZA2025 84¶3：可责令 6 个月至 1 年不得进入娱乐场所、不得擅自接触涉毒人员（见 OF-121）。",
	  1, 2, tiers_118 },
	/* offences.md:285; ADM-ONSPOT excluded: 骗开麻醉药品、精神药品（禁毒条款） */
	{ "OF-119", "变更",
	  "胁迫、欺骗医务人员开具麻醉药品、精神药品",
	  "同 OF-116。",
	  1, 2, tiers_119 },
	/* offences.md:287; ADM-ONSPOT excluded: 聚众、组织吸毒 */
	{ "OF-120", "新增",
	  "聚众、组织吸食、注射毒品（对首要分子、组织者从重处罚）",
	  "ZA2025：从重（84¶2，依 84¶1）；ZA2025 新增。",
	  1, 2, tiers_120 },
	/* offences.md:289; ADM-ONSPOT excluded: 吸毒人员违反禁入、禁止接触规定 */
	{ "OF-121", "新增",
	  "吸毒人员违反责令的不得进入娱乐场所、不得擅自接触涉毒违法犯罪人员的规定",
	  "ZA2025 新增。",
	  1, 1, tiers_121 },
	/* offences.md:290; ADM-ONSPOT excluded: 教唆、引诱、欺骗吸毒 */
	{ "OF-122", "变更",
	  "教唆、引诱、欺骗（ZA2025 加强迫）他人吸食、注射毒品",
	  "罚款提高。",
	  1, 1, tiers_122 },
	/* offences.md:291; ADM-ONSPOT excluded: 容留吸毒、介绍买卖毒品 */
	{ "OF-123", "新增",
	  "容留他人吸食、注射毒品或介绍买卖毒品",
	  "ZA2025 新增（ZA2012 无此治安条款）。",
	  1, 2, tiers_123 },
	/* offences.md:293; ADM-ONSPOT excluded: 制毒原料、配剂 */
	{ "OF-124", "新增",
	  "违反国家规定非法生产、经营、购买、运输用于制造毒品的原料、配剂",
	  "ZA2025 新增。",
	  1, 2, tiers_124 },
	/* offences.md:295; ADM-ONSPOT excluded: 查处吸毒、赌博、卖淫、嫖娼时通风报信（涉及上述案件） */
	{ "OF-125", "变更",
	  "旅馆业、饮食服务业、文化娱乐业、出租汽车业等单位人员在公安机关查处吸毒、赌博、卖淫、嫖娼时通风报信（ZA2025 加：或以其他方式为上述活动提供条件）",
	  "ZA2025 新增情节较轻档。",
	  1, 2, tiers_125 },
	/* offences.md:297 */
	{ "OF-126", "变更",
	  "违反社会生活噪声污染防治规定，制造（产生）噪声干扰他人正常生活",
	  "ZA2025：前提：经基层组织、业委会、物业、有关部门劝阻调解处理未能制止，继续干扰；整条重写：ZA2012 先警告后罚款；ZA2025 先劝阻调解，之后可拘留或罚款。",
	  0, 3, tiers_126 },
	/* offences.md:300 */
	{ "OF-127", "变更",
	  "饲养动物干扰他人正常生活；警告后不改正或放任动物恐吓他人",
	  "罚款由 200–500 改为 1000 以下。",
	  0, 2, tiers_127 },
	/* offences.md:302 */
	{ "OF-128", "新增",
	  "违反规定出售、饲养烈性犬等危险动物",
	  "ZA2025 新增。",
	  0, 3, tiers_128 },
	/* offences.md:305 */
	{ "OF-129", "新增",
	  "未对动物采取安全措施，致使动物伤害他人",
	  "ZA2025 新增。",
	  0, 2, tiers_129 },
	/* offences.md:307 */
	{ "OF-130", "变更",
	  "驱使动物伤害他人（按殴打他人处罚）",
	  "ZA2012 明确引第四十三条第一款；ZA2025 只写“依照本法第五十一条”，故第二款加重档（结伙、特定对象等）也可能适用。",
	  0, 2, tiers_130 },
	/* COM-RESCARD-PEN (JZZ = 居住证暂行条例, 2016) */
	{ "OF-131", "未变",
	  "使用虚假证明材料骗领居住证；出租、出借、转让居住证；非法扣押他人居住证（不在治安管理处罚法内）",
	  "JZZ = 《居住证暂行条例》（国务院令第663号，2016-01-01 施行），两版治安管理处罚法均无专门条款。第十八条：有下列行为之一的，由公安机关给予警告、责令改正，处200元以下罚款，有违法所得的，没收违法所得：（一）使用虚假证明材料骗领居住证；（二）出租、出借、转让居住证；（三）非法扣押他人居住证。条文为警告并处罚款，表中只能记为其一。第二十条：构成违反治安管理行为的依法给予治安管理处罚。",
	  0, 1, tiers_131 },
	{ "OF-132", "未变",
	  "冒用他人居住证或使用骗领的居住证；购买、出售、使用伪造、变造的居住证（不在治安管理处罚法内）",
	  "JZZ 第十九条：有下列行为之一的，由公安机关处200元以上1000元以下罚款，有违法所得的，没收违法所得：（一）冒用他人居住证或者使用骗领的居住证；（二）购买、出售、使用伪造、变造的居住证。伪造、变造的居住证和骗领的居住证，由公安机关予以收缴。第二十条：构成违反治安管理行为的依法给予治安管理处罚。",
	  0, 1, tiers_132 },
	/* supervision-community-team.md COM-SCRAP-PEN */
	{ "OF-133", "未变",
	  "未履行备案手续收购生产性废旧金属",
	  "FJS 第11条第1项：予以警告；警告后仍不备案的处 500–2000 元罚款（COM-SCRAP-PEN、COM-SCRAP-FILE）。",
	  0, 2, tiers_133 },
	/* supervision-community-team.md COM-SCRAP-PEN */
	{ "OF-134", "未变",
	  "未履行备案手续收购非生产性废旧金属",
	  "FJS 第11条第1项：予以警告或处 500 元以下罚款。",
	  0, 1, tiers_134 },
	/* supervision-community-team.md COM-SCRAP-PEN */
	{ "OF-135", "未变",
	  "废旧金属收购业备案事项变更未办理变更备案",
	  "FJS 第11条第2项：予以警告或处 200 元以下罚款（变更之日起 15 日内，COM-SCRAP-FILE）。",
	  0, 1, tiers_135 },
	/* supervision-community-team.md COM-SCRAP-PEN */
	{ "OF-136", "未变",
	  "在铁路、矿区、油田、港口、机场、施工工地、军事禁区和金属冶炼加工企业附近等禁止区域设点收购废旧金属",
	  "FJS 第11条第3项：予以取缔，没收非法收购的物品及非法所得，并处 5000–10000 元罚款。",
	  0, 1, tiers_136 },
	/* supervision-community-team.md COM-SCRAP-PEN */
	{ "OF-137", "未变",
	  "收购生产性废旧金属未如实登记出售单位、经办人和物品情况",
	  "FJS 第11条第4项：处 2000–5000 元罚款，或者责令停业整顿（停业整顿不在本表的处罚种类内）。",
	  0, 1, tiers_137 },
	/* supervision-community-team.md COM-SCRAP-PEN */
	{ "OF-138", "未变",
	  "收购枪支弹药、爆炸物品，剧毒、放射性物品及其容器等禁止收购的物品",
	  "FJS 第11条第5项：处 2000–10000 元罚款，或者责令停业整顿；收购公安机关通报寻查的赃物、专用器材的见 OF-096（治安管理处罚法第71条）。",
	  0, 1, tiers_138 },
};

const size_t offence_table_len = sizeof(offence_table) / sizeof(offence_table[0]);
