/* scrap_purchases.c — 废旧金属收购 register: COM-SCRAP-REG (what is recorded,
 * production scrap with the unit's certificate, banned items refused) and
 * COM-SCRAP-REPORT (suspected stolen goods: reported, held with a receipt,
 * returned or confirmed). */
#include "domain/trades/scrap_purchases.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "domain/trades/circulated_goods.h"
#include "domain/trades/trade_checks.h"
#include "rules/catalog.h"
#include "rules/date.h"
#include "rules/idcard.h"

#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")
#define ID(x) arena_printf(c->arena, "%lld", (long long)(x))
#define PURCHASE_PATH_SQL "SELECT o.path FROM scrap_purchase s JOIN org_unit o ON o.id = s.station_id WHERE s.id = ?"
/* how long the police may take to act on a report: FJS says "at once" for
 * the buyer and sets nothing for the police — a design value [U] */
#define HANDLE_HOURS 24

#define refuse trade_checks_refuse

static int64_t days_of(const char *s)
{
	int y, m, d;

	if (!s || date_parse(s, strlen(s), &y, &m, &d))
		return 0;
	return date_days_from_civil(y, m, d);
}

#define PURCHASE_COLS                                                                                     \
	"SELECT s.id, s.unit_id, t.name AS buyer, s.station_id, s.purchased_on, s.item_class, s.item, s.spec,"  \
	" s.item_state, s.weight_g, s.seller_name, s.seller_id_number, s.seller_address, s.seller_unit,"         \
	" s.seller_unit_proof, s.suspicious, s.suspicion, s.handling, s.receipt_no, s.handled_at,"              \
	" h.name AS handled_by_name, s.handling_note, s.wanted_id, u.name AS recorded_by_name, s.created_at,"   \
	" s.identifier, s.incident_id, (SELECT COUNT(*) FROM circulated_goods_hits ch"                           \
	" WHERE ch.record_kind = 'scrap_purchase' AND ch.record_id = s.id) AS circulated_hits"

#define PURCHASE_FROM                                                                                  \
	" FROM scrap_purchase s JOIN trade_unit t ON t.id = s.unit_id JOIN org_unit o ON o.id = s.station_id" \
	" JOIN users u ON u.id = s.recorded_by LEFT JOIN users h ON h.id = s.handled_by"

static void dress(struct ctx *c, json_t *r)
{
	char m[19];

	idcard_mask(row_str(r, "seller_id_number"), m);
	json_object_set_new(r, "seller_id_number", json_string(m));
	json_object_set_new(r, "suspicious", json_boolean(row_int(r, "suspicious")));
	json_object_set_new(r, "item_class_label", json_string(enums_label(ES_SCRAP_ITEM_CLASS, row_str(r, "item_class"))));
	json_object_set_new(r, "wanted_hit", json_boolean(row_int(r, "wanted_id") != 0));
	json_object_set_new(r, "circulated_hit", json_boolean(row_int(r, "circulated_hits") != 0));
	json_object_set_new(r, "handle_overdue",
			    json_boolean(row_int(r, "suspicious") && json_is_null(json_object_get(r, "handling")) &&
					 c->now > row_int(r, "created_at") + HANDLE_HOURS * 3600));
	json_object_del(r, "wanted_id");
}

static int purchase_get(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	json_t *r;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, PURCHASE_COLS PURCHASE_FROM " WHERE s.id = ?", &r);
	if (rc)
		return rc;
	dress(c, r);
	*out = json_pack("{s:o}", "scrap_purchase", r);
	return *out ? PS_OK : NOMEM(c);
}

int scrap_purchases_create(struct ctx *c, const struct scrap_purchase_input *in, json_t **out)
{
	struct rows_query q;
	struct idcard idc;
	enum idcard_result ir;
	const char *buyer = NULL, *on = in->purchased_on ? in->purchased_on : ctx_today_str(c), *cls = in->item_class;
	const char *norm = circulated_goods_norm(c, in->identifier);
	json_t *goods = NULL, *hits = NULL;
	int64_t id, station, wanted = 0, incident = 0;
	int banned, suspicious = in->suspicious, rc;

	*out = NULL;
	rc = trade_checks_unit(c, ACT_SCRAP_PURCHASE_CREATE, in->unit_id, "scrap", "只能登记在营废旧金属收购单位的收购记录",
			       &station, &buyer);
	if (rc)
		return rc;
	if (!days_of(on) || days_of(on) > date_local_days(c->now) || days_of(on) < date_local_days(c->now) - 90)
		return ps_fail_field(c->err, PS_EINVAL, "purchased_on", "收购日期应在90天以内且不晚于今天");
	if (!cls || !enums_valid(ES_SCRAP_ITEM_CLASS, cls))
		return ps_fail_field(c->err, PS_EINVAL, "item_class", "物品类别不正确");
	if (in->weight_g <= 0)
		return ps_fail_field(c->err, PS_EINVAL, "weight_g", "请填写重量");
	/* COM-SCRAP-REG (FJS Art 7): the seller's name, address and ID number */
	ir = idcard_parse(in->seller_id_number, strlen(in->seller_id_number), ctx_today_ymd(c), &idc);
	if (ir != IDCARD_OK)
		return refuse(c, "COM-SCRAP-REG", "seller_id_number",
			      arena_printf(c->arena, "须查验并登记出售人的身份证件：%s", idcard_result_message(ir)));
	if (!in->seller_address || !*in->seller_address)
		return refuse(c, "COM-SCRAP-REG", "seller_address", "须登记出售人（经办人）的住址（废旧金属收购业治安管理办法第7条）");
	/* production scrap: the selling unit and its certificate */
	if (!strcmp(cls, "production") && (!in->seller_unit || !*in->seller_unit))
		return refuse(c, "COM-SCRAP-REG", "seller_unit", "收购生产性废旧金属须登记出售单位（废旧金属收购业治安管理办法第7条）");
	if (!strcmp(cls, "production") && (!in->seller_unit_proof || !*in->seller_unit_proof))
		return refuse(c, "COM-SCRAP-REG", "seller_unit_proof",
			      "收购生产性废旧金属须查验出售单位开具的证明（废旧金属收购业治安管理办法第7条）");
	/* FJS Art 8: never bought; brought in, they are reported at once */
	banned = !strncmp(cls, "banned_", 7);
	if (banned && !suspicious)
		return refuse(c, "COM-SCRAP-REG", "item_class",
			      "该类物品禁止收购（废旧金属收购业治安管理办法第8条）；发现有人出售应立即报告公安机关，按可疑物品登记");
	if (suspicious && (!in->suspicion || !*in->suspicion))
		return ps_fail_field(c->err, PS_EINVAL, "suspicion", "请写明可疑情况");
	rows_binds(&q, c);
	rows_bind_int(&q, in->unit_id);
	rows_bind_int(&q, station);
	rows_bind_text(&q, on);
	rows_bind_text(&q, cls);
	rows_bind_text(&q, in->item);
	rows_bind_text(&q, in->spec);
	rows_bind_text(&q, in->item_state);
	rows_bind_int(&q, in->weight_g);
	rows_bind_text(&q, in->seller_name);
	rows_bind_text(&q, idc.number);
	rows_bind_text(&q, in->seller_address);
	rows_bind_text(&q, in->seller_unit);
	rows_bind_text(&q, in->seller_unit_proof);
	rows_bind_int(&q, suspicious ? 1 : 0);
	rows_bind_text(&q, suspicious ? in->suspicion : NULL);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, norm ? in->identifier : NULL);
	rows_bind_text(&q, norm);
	rc = rows_insert(&q,
			 "INSERT INTO scrap_purchase(unit_id, station_id, purchased_on, item_class, item, spec, item_state,"
			 " weight_g, seller_name, seller_id_number, seller_address, seller_unit, seller_unit_proof,"
			 " suspicious, suspicion, recorded_by, created_at, identifier, identifier_norm)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, suspicious ? "scrap_purchase.report" : "scrap_purchase.create", "scrap_purchase", ID(id),
				 "success", cls);
	/* the seller compared with the wanted list: a hit makes it a report */
	if (!rc) {
		rows_binds(&q, c);
		rows_bind_text(&q, idc.number);
		rc = rows_int(&q, "SELECT MIN(id) FROM wanted_person WHERE id_number = ? AND withdrawn_at IS NULL", 0,
			      &wanted);
	}
	if (!rc && wanted) {
		rows_binds(&q, c);
		rows_bind_int(&q, wanted);
		rows_bind_int(&q, id);
		rc = rows_exec(&q,
			       "UPDATE scrap_purchase SET wanted_id = ?, suspicious = 1, suspicion = COALESCE(suspicion,"
			       " '出售人比中在逃人员') WHERE id = ?",
			       NULL);
		if (!rc)
			rc = audit_write(c, "scrap_purchase.wanted_hit", "scrap_purchase", ID(id), "success", ID(wanted));
	}
	/* COM-SCRAP-REG (FJS Art 7-9; ZA2025 Art 71): the item compared with the
	 * goods the police circulated; a hit is reported at once (a 警情) */
	hits = json_array();
	if (!rc && !hits)
		rc = NOMEM(c);
	if (!rc)
		rc = circulated_goods_match(c, station, norm, &goods);
	if (!rc && json_array_size(goods)) {
		const char *why = circulated_goods_why(c, goods);

		rc = trade_checks_incident(c, buyer, station,
					   arena_printf(c->arena, "废旧金属收购报告：%s，收购物品%s，出售人%s。%s", buyer, in->item,
							in->seller_name, why),
					   &incident);
		if (!rc)
			rc = circulated_goods_mark(c, "scrap_purchase", id, why, incident);
		if (!rc)
			rc = circulated_goods_link(c, goods, "scrap_purchase", id, station, incident, "record", hits);
	}
	json_decref(goods);
	if (!rc)
		rc = purchase_get(c, id, out);
	if (!rc && json_object_set(*out, "hits", hits)) {
		json_decref(*out);
		*out = NULL;
		rc = NOMEM(c);
	}
	json_decref(hits);
	return rc;
}

int scrap_purchases_list(struct ctx *c, const struct scrap_purchase_filter *f, json_t **out)
{
	struct rows_query q;
	json_t *items, *r, *fig;
	int64_t open = 0;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_TRADE_REGISTER_LIST);
	if (rc)
		return rc;
	rows_query_init(&q, c, PURCHASE_FROM " WHERE o.path LIKE ?", f->page, f->per_page);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_and_int(&q, "s.unit_id = ?", f->unit_id);
	if (f->suspicious_only)
		rows_and(&q, "s.suspicious = 1");
	if (f->open_only)
		rows_and(&q, "s.suspicious = 1 AND s.handling IS NULL");
	rc = rows_page(&q, PURCHASE_COLS, " ORDER BY s.purchased_on DESC, s.id DESC", out);
	if (rc)
		return rc;
	items = json_object_get(*out, "items");
	json_array_foreach(items, i, r)
		dress(c, r);
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM scrap_purchase s JOIN org_unit o ON o.id = s.station_id WHERE o.path LIKE ?"
		      " AND s.suspicious = 1 AND s.handling IS NULL",
		      0, &open);
	fig = rc ? NULL : json_pack("{s:I}", "suspicious_open", (json_int_t)open);
	if (!rc && (!fig || json_object_set_new(*out, "figures", fig)))
		rc = NOMEM(c);
	if (!rc)
		rc = audit_read_items(c, "scrap_purchase.list", "scrap_purchase", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

int scrap_purchases_handle(struct ctx *c, int64_t id, const char *handling, const char *receipt_no,
			   const char *note, json_t **out)
{
	struct rows_query q;
	json_t *p;
	const char *cur;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_SCRAP_PURCHASE_HANDLE, PURCHASE_PATH_SQL, id, "收购记录不存在");
	if (rc)
		return rc;
	if (!handling || !enums_valid(ES_SCRAP_HANDLING, handling))
		return ps_fail_field(c->err, PS_EINVAL, "handling", "处置应为 held / returned / confirmed");
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, "SELECT suspicious, handling, receipt_no FROM scrap_purchase WHERE id = ?", &p);
	if (rc)
		return rc;
	cur = row_str(p, "handling");
	if (!row_int(p, "suspicious"))
		rc = ps_fail(c->err, PS_ECONFLICT, "NOT_REPORTED", "COM-SCRAP-REPORT", "该收购记录未报告为可疑物品");
	else if (cur && strcmp(cur, "held"))
		rc = ps_fail(c->err, PS_ECONFLICT, "HANDLED", "COM-SCRAP-REPORT", "该可疑物品已处置完毕");
	else if (!strcmp(handling, "held") && cur)
		rc = ps_fail(c->err, PS_ECONFLICT, "HANDLED", "COM-SCRAP-REPORT", "该可疑物品已扣留");
	/* FJS Art 10: goods held are held against a receipt */
	else if (!strcmp(handling, "held") && (!receipt_no || !*receipt_no))
		rc = refuse(c, "COM-SCRAP-REPORT", "receipt_no", "扣留可疑物品须开具收据（废旧金属收购业治安管理办法第10条）");
	if (!rc && !receipt_no)
		receipt_no = row_str(p, "receipt_no") ? arena_strdup(c->arena, row_str(p, "receipt_no")) : NULL;
	json_decref(p);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, handling);
	rows_bind_text(&q, receipt_no);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, note);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE scrap_purchase SET handling = ?, receipt_no = ?, handled_by = ?, handled_at = ?,"
		       " handling_note = ? WHERE id = ?",
		       NULL);
	if (!rc)
		rc = audit_write(c, "scrap_purchase.handle", "scrap_purchase", ID(id), "success", handling);
	return rc ? rc : purchase_get(c, id, out);
}

/* mine (the officer of a SCOPE_MINE board) plays no part: the station's work */
static int open_reports(struct ctx *c, const char *like, int64_t mine, json_t **rows)
{
	struct rows_query q;

	(void)mine;
	rows_binds(&q, c);
	rows_bind_text(&q, like);
	return rows_all(&q,
			"SELECT s.id, s.item, s.seller_name, s.created_at, s.station_id, t.name AS buyer,"
			" o.name AS unit_name FROM scrap_purchase s JOIN trade_unit t ON t.id = s.unit_id"
			" JOIN org_unit o ON o.id = s.station_id WHERE o.path LIKE ? AND s.suspicious = 1"
			" AND s.handling IS NULL ORDER BY s.created_at",
			rows);
}

static int scrap_purchase_clock(struct clock_sink *k, json_t *r, void *arg)
{
	struct ctx *c = clocks_sink_ctx(k);
	int64_t start = row_int(r, "created_at");

	clocks_add(k, r, arena_printf(c->arena, "scrap_purchase:%lld:handle", (long long)row_int(r, "id")),
		   rule_get(RULE_COM_SCRAP_REPORT)->code,
		   arena_printf(c->arena, "可疑废旧金属待处置：%s", row_str(r, "item")), start,
		   start + HANDLE_HOURS * 3600, CLOCK_HOURS, 0, row_str(r, "seller_name"),
		   "核查可疑物品：扣留并开具收据，或查明后发还");
	(void)arg;
	return PS_OK;
}

int scrap_purchases_clocks(struct clock_sink *k, enum clock_scope s)
{
	const struct clock_scan d = {
		.station_work = 1,
		.rows = open_reports,
		.unit_col = "station_id",
		.title_col = "buyer",
		.each = scrap_purchase_clock,
	};

	return clocks_scan(k, s, &d);
}

int scrap_purchases_today(struct ctx *c, json_t *items)
{
	json_t *rows, *r;
	size_t i;
	int rc;

	if (!authz_allowed(c, ACT_SCRAP_PURCHASE_HANDLE) || !c->who.station_id)
		return PS_OK;
	rc = open_reports(c, ctx_scope_like(c), 0, &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		int64_t due = row_int(r, "created_at") + HANDLE_HOURS * 3600;
		int y, m, d;
		json_t *row;

		date_civil_from_days(date_local_days(due), &y, &m, &d);
		row = json_pack("{s:s, s:s, s:s, s:s, s:s}", "kind", "scrap_report", "label",
				arena_printf(c->arena, "可疑废旧金属待处置：%s", row_str(r, "buyer")), "detail",
				arena_printf(c->arena, "%s（出售人 %s）", row_str(r, "item"), row_str(r, "seller_name")),
				"due_on", arena_printf(c->arena, "%04d-%02d-%02d", y, m, d), "route",
				"/trades/scrap-purchases?open=1");
		if (!row || json_array_append_new(items, row)) {
			json_decref(rows);
			return NOMEM(c);
		}
	}
	json_decref(rows);
	return PS_OK;
}
