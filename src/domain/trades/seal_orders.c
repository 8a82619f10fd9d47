/* seal_orders.c — 印章刻制登记: COM-SEAL (the approving document, the
 * customer unit, the handler's ID checked). */
#include "domain/trades/seal_orders.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "domain/trades/trade_checks.h"
#include "rules/date.h"
#include "rules/idcard.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")
#define ID(x) arena_printf(c->arena, "%lld", (long long)(x))

#define SEAL_COLS                                                                                        \
	"SELECT s.id, s.unit_id, t.name AS cutter, s.station_id, s.made_on, s.seal_kind, s.seal_text,"     \
	" s.customer_unit, s.customer_code, s.approval_doc, s.approval_organ, s.handler_name,"             \
	" s.handler_id_number, u.name AS recorded_by_name, s.created_at"
#define SEAL_FROM                                                                                      \
	" FROM seal_order s JOIN trade_unit t ON t.id = s.unit_id JOIN org_unit o ON o.id = s.station_id" \
	" JOIN users u ON u.id = s.recorded_by"

static void dress(json_t *r)
{
	char m[19];

	idcard_mask(row_str(r, "handler_id_number"), m);
	json_object_set_new(r, "handler_id_number", json_string(m));
	json_object_set_new(r, "seal_kind_label", json_string(enums_label(ES_SEAL_KIND, row_str(r, "seal_kind"))));
}

static int order_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *r;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, SEAL_COLS SEAL_FROM " WHERE s.id = ?", &r);
	if (rc)
		return rc;
	dress(r);
	*out = json_pack("{s:o}", "seal_order", r);
	return *out ? PS_OK : NOMEM(c);
}

static int empty(const char *s)
{
	return !s || !*s;
}

int seal_orders_create(struct ctx *c, const struct seal_order_input *in, json_t **out)
{
	struct rows_query q;
	struct idcard idc;
	enum idcard_result ir;
	const char *cutter = NULL, *on = in->made_on ? in->made_on : ctx_today_str(c);
	int64_t id, station = 0, day;
	int y, m, d, rc;

	*out = NULL;
	rc = trade_checks_unit(c, ACT_SEAL_ORDER_CREATE, in->unit_id, "seal", "只能登记在营印章刻制单位的刻制记录",
			       &station, &cutter);
	if (rc)
		return rc;
	day = date_parse(on, strlen(on), &y, &m, &d) ? 0 : date_days_from_civil(y, m, d);
	if (!day || day > date_local_days(c->now) || day < date_local_days(c->now) - 90)
		return ps_fail_field(c->err, PS_EINVAL, "made_on", "刻制日期应在90天以内且不晚于今天");
	if (!in->seal_kind || !enums_valid(ES_SEAL_KIND, in->seal_kind))
		return ps_fail_field(c->err, PS_EINVAL, "seal_kind", "印章种类不正确");
	/* COM-SEAL: cut only for a unit, on its approving document */
	if (empty(in->customer_unit))
		return trade_checks_refuse(c, "COM-SEAL", "customer_unit", "须登记用章单位（印章管理规定第23条）");
	if (empty(in->approval_doc))
		return trade_checks_refuse(c, "COM-SEAL", "approval_doc",
					   "刻制印章须凭用章单位的批准文件或登记证明，未提交的不得刻制（印章管理规定第23条）");
	if (empty(in->approval_organ))
		return trade_checks_refuse(c, "COM-SEAL", "approval_organ", "须登记批准文件的出具机关（印章管理规定第23条）");
	ir = idcard_parse(in->handler_id_number ? in->handler_id_number : "",
			  in->handler_id_number ? strlen(in->handler_id_number) : 0, ctx_today_ymd(c), &idc);
	if (ir != IDCARD_OK)
		return trade_checks_refuse(c, "COM-SEAL", "handler_id_number",
					   arena_printf(c->arena, "须查验并登记经办人的身份证件：%s", idcard_result_message(ir)));
	rows_binds(&q, c);
	rows_bind_int(&q, in->unit_id);
	rows_bind_int(&q, station);
	rows_bind_text(&q, on);
	rows_bind_text(&q, in->seal_kind);
	rows_bind_text(&q, in->seal_text);
	rows_bind_text(&q, in->customer_unit);
	rows_bind_text(&q, in->customer_code);
	rows_bind_text(&q, in->approval_doc);
	rows_bind_text(&q, in->approval_organ);
	rows_bind_text(&q, in->handler_name);
	rows_bind_text(&q, idc.number);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO seal_order(unit_id, station_id, made_on, seal_kind, seal_text, customer_unit,"
			 " customer_code, approval_doc, approval_organ, handler_name, handler_id_number, recorded_by,"
			 " created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "seal_order.create", "seal_order", ID(id), "success", in->customer_unit);
	return rc ? rc : order_get(c, id, out);
}

int seal_orders_list(struct ctx *c, const struct seal_order_filter *f, json_t **out)
{
	struct rows_query q;
	json_t *items, *r, *fig;
	int64_t recent = 0;
	int y, m, d;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_TRADE_REGISTER_LIST);
	if (rc)
		return rc;
	rows_query_init(&q, c, SEAL_FROM " WHERE o.path LIKE ?", f->page, f->per_page);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_and_int(&q, "s.unit_id = ?", f->unit_id);
	rows_and_like(&q, "(s.customer_unit LIKE ?" ROWS_ESCAPE " OR s.seal_text LIKE ?" ROWS_ESCAPE ")", f->q);
	rc = rows_page(&q, SEAL_COLS, " ORDER BY s.made_on DESC, s.id DESC", out);
	if (rc)
		return rc;
	items = json_object_get(*out, "items");
	json_array_foreach(items, i, r)
		dress(r);
	/* the seals cut in the last 30 days, whatever the filter */
	date_civil_from_days(date_local_days(c->now) - 29, &y, &m, &d);
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text(&q, arena_printf(c->arena, "%04d-%02d-%02d", y, m, d));
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM seal_order s JOIN org_unit o ON o.id = s.station_id WHERE o.path LIKE ?"
		      " AND s.made_on >= ?",
		      0, &recent);
	fig = rc ? NULL : json_pack("{s:I}", "last_30_days", (json_int_t)recent);
	if (!rc && (!fig || json_object_set_new(*out, "figures", fig)))
		rc = NOMEM(c);
	if (!rc)
		rc = audit_read_items(c, "seal_order.list", "seal_order", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
