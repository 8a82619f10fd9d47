/* registers.c — the registers special trades keep (issue 16 gaps):
 * /hotel-guests (COM-HOTEL-REG, COM-HOTEL-FOREIGN, COM-HOTEL-DUTY),
 * /scrap-purchases (COM-SCRAP-REG, COM-SCRAP-REPORT) and a key unit's drill,
 * /trade-units/{id}/drills (COM-KEYUNIT-SETUP), /seal-orders (COM-SEAL) and
 * /pawn-tickets (COM-PAWN). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "api/imports.h"
#include "domain/trades/hotel_guests.h"
#include "domain/trades/hotel_guest_imports.h"
#include "domain/trades/pawn_tickets.h"
#include "domain/trades/scrap_purchases.h"
#include "domain/trades/seal_orders.h"
#include "domain/trades/trade_reminders.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

/* ---- 旅客住宿登记 ---- */

int api_hotel_guests_list(struct req *r)
{
	struct hotel_guest_filter f = { 0 };
	int64_t foreign = 0, unrep = 0, in_house = 0, hits = 0;
	json_t *out;
	int rc = req_query_int(r, "unit_id", 0, INT64_MAX, 0, &f.unit_id);

	if (!rc) rc = req_query_int(r, "foreign", 0, 1, 0, &foreign);
	if (!rc) rc = req_query_int(r, "unreported", 0, 1, 0, &unrep);
	if (!rc) rc = req_query_int(r, "in_house", 0, 1, 0, &in_house);
	if (!rc) rc = req_query_int(r, "hits", 0, 1, 0, &hits);
	if (!rc) rc = req_query_int(r, "page", 1, 1000000, 1, &f.page);
	if (!rc) rc = req_query_int(r, "per_page", 1, 200, 20, &f.per_page);
	f.foreign_only = (int)foreign;
	f.unreported_only = (int)unrep;
	f.in_house_only = (int)in_house;
	f.hits_only = (int)hits;
	if (!rc) rc = hotel_guests_list(&r->ctx, &f, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

const struct field hotel_guests_create_fields[] = {
	FINT(struct hotel_guest_input, unit_id, "unit_id", 1, 1, INT64_MAX),
	FSTR(struct hotel_guest_input, name, "name", 1, 32),
	FENUM(struct hotel_guest_input, id_type, "id_type", 1, 16, GUEST_ID_TYPE),
	FSTR(struct hotel_guest_input, id_number, "id_number", 1, 32),
	FSTR(struct hotel_guest_input, nationality, "nationality", 0, 32),
	FSTR(struct hotel_guest_input, room, "room", 1, 16),
	FINT(struct hotel_guest_input, checkin_at, "checkin_at", 0, 0, INT64_MAX),
	FBOOL(struct hotel_guest_input, reported, "reported", 0),
	FEND,
};

int api_hotel_guests_create(struct req *r)
{
	struct hotel_guest_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, hotel_guests_create_fields, &in, &r->err);

	if (!rc) rc = hotel_guests_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

/* 旅业系统数据导入: the system's export as a CSV or workbook */
const struct field hotel_guests_import_fields[] = {
	IMPORT_FIELDS,
	IMPORT_PART_FIELD,
	FEND,
};

int api_hotel_guests_import(struct req *r)
{
	struct import_body in = { 0 };
	const char *text = NULL;
	size_t len = 0;
	json_t *out = NULL;
	int rc = api_import_file(r, hotel_guests_import_fields, &text, &len);

	if (rc || r->preparing)
		return rc;
	rc = fields_bind(r->in, hotel_guests_import_fields, &in, &r->err);
	if (!rc)
		rc = hotel_guest_imports_run(&r->ctx, text, len, in.all_or_nothing, IMPORT_FIRST_ROW(in), &out);
	return api_import_done(r, rc, out);
}

struct checkout_body {
	int64_t checkout_at;
};

const struct field hotel_guests_checkout_fields[] = {
	FINT(struct checkout_body, checkout_at, "checkout_at", 0, 0, INT64_MAX),
	FEND,
};

int api_hotel_guests_checkout(struct req *r)
{
	struct checkout_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, hotel_guests_checkout_fields, &b, &r->err);
	if (!rc) rc = hotel_guests_checkout(&r->ctx, id, b.checkout_at, &out);
	return DONE(rc, 200, out);
}

int api_hotel_guests_report(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = hotel_guests_report(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

struct suspicious_body {
	const char *suspicion;
};

const struct field hotel_guests_suspicious_fields[] = {
	FSTR(struct suspicious_body, suspicion, "suspicion", 1, 200),
	FEND,
};

int api_hotel_guests_suspicious(struct req *r)
{
	struct suspicious_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, hotel_guests_suspicious_fields, &b, &r->err);
	if (!rc) rc = hotel_guests_suspicious(&r->ctx, id, b.suspicion, &out);
	return DONE(rc, 200, out);
}

/* ---- 废旧金属收购登记 ---- */

int api_scrap_purchases_list(struct req *r)
{
	struct scrap_purchase_filter f = { 0 };
	int64_t susp = 0, open = 0;
	json_t *out;
	int rc = req_query_int(r, "unit_id", 0, INT64_MAX, 0, &f.unit_id);

	if (!rc) rc = req_query_int(r, "suspicious", 0, 1, 0, &susp);
	if (!rc) rc = req_query_int(r, "open", 0, 1, 0, &open);
	if (!rc) rc = req_query_int(r, "page", 1, 1000000, 1, &f.page);
	if (!rc) rc = req_query_int(r, "per_page", 1, 200, 20, &f.per_page);
	f.suspicious_only = (int)susp;
	f.open_only = (int)open;
	if (!rc) rc = scrap_purchases_list(&r->ctx, &f, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

const struct field scrap_purchases_create_fields[] = {
	FINT(struct scrap_purchase_input, unit_id, "unit_id", 1, 1, INT64_MAX),
	FSTR(struct scrap_purchase_input, purchased_on, "purchased_on", 0, 10),
	FENUM(struct scrap_purchase_input, item_class, "item_class", 1, 16, SCRAP_ITEM_CLASS),
	FSTR(struct scrap_purchase_input, item, "item", 1, 64),
	FSTR(struct scrap_purchase_input, spec, "spec", 0, 64),
	FSTR(struct scrap_purchase_input, item_state, "item_state", 0, 32),
	FSTR(struct scrap_purchase_input, identifier, "identifier", 0, 64),
	FINT(struct scrap_purchase_input, weight_g, "weight_g", 1, 1, 100000000),
	FSTR(struct scrap_purchase_input, seller_name, "seller_name", 1, 32),
	FSTR(struct scrap_purchase_input, seller_id_number, "seller_id_number", 1, 18),
	FSTR(struct scrap_purchase_input, seller_address, "seller_address", 0, 100),
	FSTR(struct scrap_purchase_input, seller_unit, "seller_unit", 0, 64),
	FSTR(struct scrap_purchase_input, seller_unit_proof, "seller_unit_proof", 0, 64),
	FBOOL(struct scrap_purchase_input, suspicious, "suspicious", 0),
	FSTR(struct scrap_purchase_input, suspicion, "suspicion", 0, 200),
	FEND,
};

int api_scrap_purchases_create(struct req *r)
{
	struct scrap_purchase_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, scrap_purchases_create_fields, &in, &r->err);

	if (!rc) rc = scrap_purchases_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

struct handling_body {
	const char *handling, *receipt_no, *note;
};

const struct field scrap_purchases_handle_fields[] = {
	FENUM(struct handling_body, handling, "handling", 1, 16, SCRAP_HANDLING),
	FSTR(struct handling_body, receipt_no, "receipt_no", 0, 32),
	FSTR(struct handling_body, note, "note", 0, 200),
	FEND,
};

int api_scrap_purchases_handle(struct req *r)
{
	struct handling_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, scrap_purchases_handle_fields, &b, &r->err);
	if (!rc) rc = scrap_purchases_handle(&r->ctx, id, b.handling, b.receipt_no, b.note, &out);
	return DONE(rc, 200, out);
}

/* ---- 重点单位应急预案演练 ---- */

struct drill_body {
	const char *plan_on, *drilled_on;
};

const struct field trade_units_drill_fields[] = {
	FSTR(struct drill_body, plan_on, "plan_on", 0, 10),
	FSTR(struct drill_body, drilled_on, "drilled_on", 1, 10),
	FEND,
};

int api_trade_units_drill(struct req *r)
{
	struct drill_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, trade_units_drill_fields, &b, &r->err);
	if (!rc) rc = trade_reminders_drill(&r->ctx, id, b.plan_on, b.drilled_on, &out);
	return DONE(rc, 200, out);
}

/* ---- 印章刻制登记 (com6) ---- */

int api_seal_orders_list(struct req *r)
{
	struct seal_order_filter f = { 0 };
	json_t *out;
	int rc = req_query_int(r, "unit_id", 0, INT64_MAX, 0, &f.unit_id);

	if (!rc) rc = req_query_int(r, "page", 1, 1000000, 1, &f.page);
	if (!rc) rc = req_query_int(r, "per_page", 1, 200, 20, &f.per_page);
	f.q = req_query(r, "q");
	if (!rc) rc = seal_orders_list(&r->ctx, &f, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

const struct field seal_orders_create_fields[] = {
	FINT(struct seal_order_input, unit_id, "unit_id", 1, 1, INT64_MAX),
	FSTR(struct seal_order_input, made_on, "made_on", 0, 10),
	FENUM(struct seal_order_input, seal_kind, "seal_kind", 1, 16, SEAL_KIND),
	FSTR(struct seal_order_input, seal_text, "seal_text", 1, 64),
	FSTR(struct seal_order_input, customer_unit, "customer_unit", 0, 64),
	FSTR(struct seal_order_input, customer_code, "customer_code", 0, 18),
	FSTR(struct seal_order_input, approval_doc, "approval_doc", 0, 64),
	FSTR(struct seal_order_input, approval_organ, "approval_organ", 0, 64),
	FSTR(struct seal_order_input, handler_name, "handler_name", 1, 32),
	FSTR(struct seal_order_input, handler_id_number, "handler_id_number", 1, 18),
	FEND,
};

int api_seal_orders_create(struct req *r)
{
	struct seal_order_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, seal_orders_create_fields, &in, &r->err);

	if (!rc) rc = seal_orders_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

/* ---- 典当登记 (com6) ---- */

int api_pawn_tickets_list(struct req *r)
{
	struct pawn_ticket_filter f = { 0 };
	int64_t reported = 0;
	json_t *out;
	int rc = req_query_int(r, "unit_id", 0, INT64_MAX, 0, &f.unit_id);

	if (!rc) rc = req_query_int(r, "reported", 0, 1, 0, &reported);
	if (!rc) rc = req_query_int(r, "page", 1, 1000000, 1, &f.page);
	if (!rc) rc = req_query_int(r, "per_page", 1, 200, 20, &f.per_page);
	f.reported_only = (int)reported;
	if (!rc) rc = pawn_tickets_list(&r->ctx, &f, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

const struct field pawn_tickets_create_fields[] = {
	FINT(struct pawn_ticket_input, unit_id, "unit_id", 1, 1, INT64_MAX),
	FSTR(struct pawn_ticket_input, ticket_no, "ticket_no", 1, 32),
	FSTR(struct pawn_ticket_input, pawned_on, "pawned_on", 0, 10),
	FENUM(struct pawn_ticket_input, item_class, "item_class", 1, 16, PAWN_ITEM_CLASS),
	FSTR(struct pawn_ticket_input, item, "item", 1, 64),
	FSTR(struct pawn_ticket_input, origin, "origin", 0, 100),
	FSTR(struct pawn_ticket_input, identifier, "identifier", 0, 64),
	FINT(struct pawn_ticket_input, amount_yuan, "amount_yuan", 1, 1, 100000000),
	FSTR(struct pawn_ticket_input, pledger_name, "pledger_name", 1, 32),
	FSTR(struct pawn_ticket_input, pledger_id_number, "pledger_id_number", 1, 18),
	FBOOL(struct pawn_ticket_input, suspicious, "suspicious", 0),
	FSTR(struct pawn_ticket_input, suspicion, "suspicion", 0, 200),
	FEND,
};

int api_pawn_tickets_create(struct req *r)
{
	struct pawn_ticket_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, pawn_tickets_create_fields, &in, &r->err);

	if (!rc) rc = pawn_tickets_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}
