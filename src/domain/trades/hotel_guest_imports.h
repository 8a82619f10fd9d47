/* hotel_guest_imports.h — the 旅业 system's export taken in (COM-HOTEL-REG:
 * "data import from the hotel 旅业 system", its format a county setting):
 * each row a guest's stay at a hotel of the station, registered as a clerk
 * would register it — the ID document checked, compared with the wanted
 * list (a hit opens a 警情, COM-HOTEL-DUTY), a foreign guest's report read
 * from the upload time (COM-HOTEL-FOREIGN). The same file again changes
 * nothing; a later one completes the stays it repeats (check-out, report). */
#ifndef PS_DOMAIN_HOTEL_GUEST_IMPORTS_H
#define PS_DOMAIN_HOTEL_GUEST_IMPORTS_H

#include <jansson.h>
#include <stddef.h>

#include "domain/ctx.h"

/* Columns 旅馆编码 (the licence number) or 旅馆名称, 姓名, 证件类型 (word or
 * code; 居民身份证 when empty), 证件号码, 国籍, 房号, 入住时间, 退房时间,
 * 上传时间, in any order; the setting trade.hotel_feed_columns names them
 * as the county's 旅业 system does. first_row and *out as imports_with. */
int hotel_guest_imports_run(struct ctx *c, const char *text, size_t len, int all, int first_row,
			    json_t **out);

#endif
