/* offence.c — look-ups in the generated offence table (offences.md §2) and
 * the law versions (legal-rules §0.2, VER-1). */
#include "rules/offence.h"
#include "rules/date.h"

#include <string.h>

/* The law versions: the day each comes into force, with its citation
 * (legal-rules §0.2). A version is in force from its date until the next
 * row's date. */
static const struct {
	enum law_version v;
	const char *name;
	int from_y, from_m, from_d;
	const char *source;
} law_versions[LAW_VERSIONS] = {
	{ LAW_ZA2012, "治安管理处罚法（2012修正）", DATE_YEAR_MIN, 1, 1,
	  "legal-rules §0.2: in force until 2025-12-31 (older texts are not "
	  "modelled: every earlier date maps to ZA2012)" },
	{ LAW_ZA2025, "治安管理处罚法（2025修订）", 2026, 1, 1,
	  "ZA2025 Art 144: 本法自2026年1月1日起施行 [V]" },
};

/* The short list for the UI, from the quick index of offences.md §1. */
const char *const offence_common[] = {
	"OF-052", /* 殴打他人、故意伤害 */
	"OF-053", /* 结伙殴打、伤害 */
	"OF-054", /* 殴打、伤害特定人员 */
	"OF-055", /* 多次殴打或殴打多人 */
	"OF-065", /* 盗窃 */
	"OF-066", /* 诈骗 */
	"OF-067", /* 哄抢 */
	"OF-068", /* 抢夺 */
	"OF-069", /* 敲诈勒索 */
	"OF-070", /* 故意损毁公私财物 */
	"OF-012", /* 寻衅滋事 */
	"OF-001", /* 扰乱单位秩序 */
	"OF-002", /* 扰乱公共场所秩序 */
	"OF-003", /* 扰乱公共交通工具秩序 */
	"OF-009", /* 散布谣言，谎报险情、警情 */
	"OF-114", /* 赌博、为赌博提供条件 */
	"OF-109", /* 卖淫、嫖娼 */
	"OF-110", /* 拉客招嫖 */
	"OF-111", /* 引诱、容留、介绍卖淫 */
	"OF-118", /* 吸食、注射毒品 */
	"OF-116", /* 非法持有毒品 */
	"OF-123", /* 容留吸毒、介绍买卖毒品 */
	"OF-021", /* 非法携带管制器具 */
	"OF-022", /* 携带管制器具进入公共场所 */
	"OF-072", /* 阻碍国家机关工作人员执行职务 */
	"OF-073", /* 阻碍人民警察执行职务（从重） */
	"OF-044", /* 威胁人身安全 */
	"OF-045", /* 公然侮辱 */
	"OF-046", /* 诽谤 */
	"OF-049", /* 发送信息、滋扰纠缠跟踪 */
	"OF-051", /* 偷窥、偷拍、窃听、散布隐私 */
	"OF-056", /* 猥亵 */
	"OF-039", /* 非法侵入住宅 */
	"OF-058", /* 虐待家庭成员 */
	"OF-060", /* 遗弃 */
	"OF-126", /* 噪声扰民 */
	"OF-031", /* 高空抛物 */
	"OF-034", /* 无人机（违反飞行空域管理） */
	"OF-076", /* 冒充国家机关工作人员招摇撞骗 */
	"OF-078", /* 以其他虚假身份招摇撞骗 */
	"OF-082", /* 倒卖车票等有价票证 */
	"OF-083", /* 冒用居民身份证（居民身份证法） */
	"OF-088", /* 旅馆业不按规定登记 */
	"OF-092", /* 房屋出租不按规定登记 */
	/* 饮酒后扰乱 / 醉酒: no offence of its own (offences.md §5); pick
	 * the act's offence (OF-002, OF-012, OF-052 …). */
	NULL,
};

const struct offence *offence_find(const char *code)
{
	size_t lo = 0, hi = offence_table_len;

	if (!code)
		return NULL;
	/* codes are "OF-nnn", zero-padded, so strcmp order is numeric order */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(code, offence_table[mid].code);

		if (c == 0)
			return &offence_table[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

size_t offence_count(void)
{
	return offence_table_len;
}

const struct offence *offence_at(size_t i)
{
	return i < offence_table_len ? &offence_table[i] : NULL;
}

const struct offence_tier *offence_tier_find(const struct offence *o,
					     const char *tier)
{
	int i;

	if (!o || !tier)
		return NULL;
	for (i = 0; i < o->ntiers; i++)
		if (strcmp(o->tiers[i].tier, tier) == 0)
			return &o->tiers[i];
	return NULL;
}

int offence_exists_in(const struct offence *o, enum law_version v)
{
	int i;

	if (!o || (unsigned)v >= LAW_VERSIONS)
		return 0;
	for (i = 0; i < o->ntiers; i++)
		if (o->tiers[i].law[v].comb != COMB_ABSENT)
			return 1;
	return 0;
}

enum law_version law_in_force(int y, int m, int d)
{
	int64_t day = date_days_from_civil(y, m, d);
	enum law_version v = LAW_ZA2012;
	int i;

	for (i = 0; i < LAW_VERSIONS; i++)
		if (day >= date_days_from_civil(law_versions[i].from_y,
						law_versions[i].from_m,
						law_versions[i].from_d))
			v = law_versions[i].v;
	return v;
}

const char *law_name(enum law_version v)
{
	if ((unsigned)v >= LAW_VERSIONS)
		return "";
	return law_versions[v].name;
}
