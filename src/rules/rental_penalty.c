/* rental_penalty.c — the penalties a rental visit may propose
 * (COM-RENT-STATUS; see rental_penalty.h). The ZL items are the fines of
 * 租赁房屋治安管理规定 (公安部令第24号, 1995) Art 9 that are counted in
 * multiples of the monthly rent; the research saw that article only in part
 * (supervision-community-team.md COM-RENT-STATUS), so they stay behind the
 * county's setting. */
#include "rules/rental_penalty.h"

#include <string.h>

const struct zl_fine_item zl_fine_items[] = {
	{ "zl9_1", "租赁房屋治安管理规定（1995）第9条第1项",
	  "出租人未办理登记手续或未签订治安责任保证书出租房屋，情节严重", 5 },
	{ "zl9_2", "租赁房屋治安管理规定（1995）第9条第2项", "出租人将房屋出租给无合法有效证件的承租人", 3 },
	{ "zl9_3", "租赁房屋治安管理规定（1995）第9条第3项",
	  "出租人不履行治安责任，发现承租人利用所租房屋进行违法犯罪活动不制止、不报告，或发生案件、治安灾害事故", 10 },
	{ "zl9_5", "租赁房屋治安管理规定（1995）第9条第5项",
	  "承租人利用出租房屋非法生产、储存、经营易燃、易爆、有毒等危险物品", 10 },
};
const size_t zl_fine_items_len = sizeof(zl_fine_items) / sizeof(zl_fine_items[0]);

const struct zl_fine_item *zl_fine_find(const char *key)
{
	for (size_t i = 0; key && i < zl_fine_items_len; i++)
		if (!strcmp(zl_fine_items[i].key, key))
			return &zl_fine_items[i];
	return NULL;
}

int rental_offence_za68(const struct offence *o)
{
	const char *a;

	if (!o || o->ntiers < 1)
		return 0;
	a = o->tiers[0].law[LAW_ZA2025].article;
	return a && !strncmp(a, "68", 2) && (a[2] == '\0' || a[2] < '0' || a[2] > '9');
}
