/* seed_hotel_feed.c — the demo's 旅业 export (COM-HOTEL-REG): yesterday's
 * file of 城关宾馆 (named by its licence number) and 悦来客栈 (by its name)
 * taken in by 城关's auxiliary through the importer, as a station would:
 * two guests of China (one checked out), a foreign guest whose form the
 * system uploaded an hour after check-in, a Korean guest whose form it never
 * uploaded (27 hours: a breach on the 预警 board and a row of 今日工作), a
 * guest of 悦来客栈, and a row whose ID number fails its check (the
 * import's error report; nothing of it written). */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/trades/hotel_guest_imports.h"
#include "rules/date.h"
#include "rules/idcard.h"

#include <stdio.h>
#include <string.h>

/* an instant as the 旅业 system writes it, local time */
static const char *feed_time(struct ctx *c, int64_t t)
{
	int64_t days = date_local_days(t), s = t - date_local_midnight(days);
	int y, m, d;

	date_civil_from_days(days, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, (int)(s / 3600), (int)(s / 60 % 60),
			    (int)(s % 60));
}

/* a valid 居民身份证 number of 140107, born year-m-d, sequence seq */
static const char *id_no(struct ctx *c, int year, int month, int day, int seq)
{
	char d17[32];

	snprintf(d17, sizeof(d17), "140107%04d%02d%02d%03d", year, month, day, seq);
	return arena_printf(c->arena, "%s%c", d17, idcard_check_char(d17));
}

#define H(hours) feed_time(c, c->now - (int64_t)(hours) * 3600)

int seed_demo_hotel_feed(struct ctx *c)
{
	json_t *out = NULL;
	const char *csv;
	int rc = auth_actor_load(c, "fujing");

	if (rc)
		return rc;
	csv = arena_printf(
		c->arena,
		"旅馆编码,旅馆名称,姓名,证件类型,证件号码,国籍,房号,入住时间,退房时间,上传时间\r\n"
		"特行字第0001号,,吴国平,居民身份证,%s,中国,206,%s,%s,%s\r\n"
		"特行字第0001号,,郑丽华,居民身份证,%s,中国,207,%s,,%s\r\n"
		"特行字第0001号,,Emma Wilson,护照,E20261201,英国,208,%s,,%s\r\n"
		"特行字第0001号,,Kim Minjun,护照,M80012345,韩国,209,%s,,\r\n"
		",悦来客栈,冯志强,居民身份证,%s,中国,5,%s,,%s\r\n"
		",悦来客栈,褚红梅,居民身份证,110101199001011230,中国,6,%s,,%s\r\n",
		id_no(c, 1979, 4, 12, 215), H(26), H(4), H(26), id_no(c, 1991, 9, 3, 428), H(22), H(22), H(20), H(19),
		H(27), id_no(c, 1985, 11, 30, 117), H(15), H(15), H(14), H(14));
	if (!csv)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = hotel_guest_imports_run(c, csv, strlen(csv), 0, 2, &out);
	json_decref(out);
	return rc;
}
SEED_STEP(174, seed_demo_hotel_feed);
