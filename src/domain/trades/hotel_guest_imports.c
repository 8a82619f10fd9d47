#include "domain/trades/hotel_guest_imports.h"
#include "domain/enums.h"
#include "domain/population/imports.h"
#include "domain/rows.h"
#include "domain/trades/hotel_guests.h"
#include "rules/date.h"

#include <string.h>

enum { HOTEL_CODE, HOTEL_NAME, NAME, ID_TYPE, ID_NUMBER, NATIONALITY, ROOM, CHECKIN, CHECKOUT, UPLOADED };

#define HOTEL_SQL(col)                                                                                     \
	"SELECT COUNT(*) AS n, MIN(t.id) AS id FROM trade_unit t JOIN org_unit o ON o.id = t.station_id" \
	" WHERE o.path LIKE ? AND t." col " = ? AND t.kind = 'hotel' AND t.closed_on IS NULL"

/* The open hotel of the actor's scope the row names: by its licence number,
 * else by its name (two of one name: the number is needed). */
static int hotel_of(struct ctx *c, const char *code, const char *name, int64_t *id)
{
	struct rows_query q;
	json_t *r = NULL;
	int64_t n;
	int rc;

	if (!code && !name)
		return ps_fail_field(c->err, PS_EINVAL, "旅馆", "“旅馆编码”和“旅馆名称”至少填写一项");
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text(&q, code ? code : name);
	rc = rows_one(&q, code ? HOTEL_SQL("licence_no") : HOTEL_SQL("name"), &r);
	if (rc)
		return rc;
	n = row_int(r, "n");
	*id = row_int(r, "id");
	json_decref(r);
	if (n > 1)
		return ps_fail_field(c->err, PS_ECONFLICT, "旅馆", "有%lld家在营旅馆同为“%s”，请填写旅馆编码（许可证号）",
				     (long long)n, code ? code : name);
	if (!n)
		return ps_fail_field(c->err, PS_ENOTFOUND, "旅馆", "“%s”不是本所管辖的在营旅馆，请先在特种行业中登记",
				     code ? code : name);
	return PS_OK;
}

static int when(struct ctx *c, const char *text, const char *column, int64_t *t)
{
	*t = 0;
	if (text && date_time_parse(text, strlen(text), t))
		return ps_fail_field(c->err, PS_EINVAL, column, "%s“%s”不是时间（应为 2026-12-05 08:30 或 20261205083000）",
				     column, text);
	return PS_OK;
}

static int guest_row(struct ctx *c, const char *const *col, int *created, json_t *hits)
{
	struct hotel_guest_input in = { 0 };
	int rc = hotel_of(c, col[HOTEL_CODE], col[HOTEL_NAME], &in.unit_id);

	in.name = col[NAME];
	in.id_type = col[ID_TYPE] ? enums_value_of(ES_GUEST_ID_TYPE, col[ID_TYPE]) : "id_card";
	in.id_number = col[ID_NUMBER];
	in.nationality = col[NATIONALITY];
	in.room = col[ROOM];
	in.feed = 1;
	in.created = created;
	in.hits = hits;
	if (!rc && !in.id_type)
		rc = ps_fail_field(c->err, PS_EINVAL, "证件类型",
				   "证件类型“%s”不正确（居民身份证、港澳台居民来往内地通行证、护照、外国人永久居留身份证、其他有效证件）",
				   col[ID_TYPE]);
	if (!rc)
		rc = when(c, col[CHECKIN], "入住时间", &in.checkin_at);
	if (!rc)
		rc = when(c, col[CHECKOUT], "退房时间", &in.checkout_at);
	if (!rc)
		rc = when(c, col[UPLOADED], "上传时间", &in.reported_at);
	if (!rc)
		rc = hotel_guests_create(c, &in, NULL);
	return rc;
}

static const struct import_kind hotel_guests_kind = {
	"hotel_guests", ACT_HOTEL_GUEST_IMPORT, "trade.hotel_feed_columns",
	{ "旅馆编码", "旅馆名称", "姓名", "证件类型", "证件号码", "国籍", "房号", "入住时间", "退房时间", "上传时间" },
	{ 0, 0, 1, 0, 1, 0, 1, 1, 0, 0 },
	guest_row, NULL,
};

int hotel_guest_imports_run(struct ctx *c, const char *text, size_t len, int all, int first_row,
			    json_t **out)
{
	return imports_with(c, &hotel_guests_kind, text, len, all, first_row, out);
}
