/* circulated_goods.c — /circulated-goods: the 协查物品 list (issue 16;
 * COM-SCRAP-REG, COM-PAWN): circulate, withdraw (撤销), read with its hits
 * in scrap purchases and pawn tickets. */
#include "api/api.h"
#include "api/fields.h"
#include "api/handlers.h"
#include "domain/trades/circulated_goods.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_circulated_goods_list(struct req *r)
{
	struct circulated_goods_filter f = { 0 };
	json_t *out;
	int rc = req_query_int(r, "page", 1, 1000000, 1, &f.page);

	if (!rc) rc = req_query_int(r, "per_page", 1, 200, 20, &f.per_page);
	f.status = req_query(r, "status");
	f.category = req_query(r, "category");
	f.q = req_query(r, "q");
	if (!rc) rc = circulated_goods_list(&r->ctx, &f, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

const struct field circulated_goods_create_fields[] = {
	FSTR(struct circulated_goods_input, name, "name", 1, 64),
	FENUM(struct circulated_goods_input, category, "category", 1, 16, CIRCULATED_CATEGORY),
	FSTR(struct circulated_goods_input, brand_model, "brand_model", 0, 64),
	FSTR(struct circulated_goods_input, identifier, "identifier", 0, 64),
	FSTR(struct circulated_goods_input, features, "features", 0, 300),
	FINT(struct circulated_goods_input, quantity, "quantity", 0, 1, 1000000),
	FINT(struct circulated_goods_input, value_yuan, "value_yuan", 0, 0, 1000000000),
	FSTR(struct circulated_goods_input, circulated_on, "circulated_on", 0, 10),
	FSTR(struct circulated_goods_input, valid_until, "valid_until", 0, 10),
	FINT(struct circulated_goods_input, case_id, "case_id", 0, 1, INT64_MAX),
	FINT(struct circulated_goods_input, incident_id, "incident_id", 0, 1, INT64_MAX),
	FEND,
};

int api_circulated_goods_create(struct req *r)
{
	struct circulated_goods_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, circulated_goods_create_fields, &in, &r->err);

	if (!rc) rc = circulated_goods_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

int api_circulated_goods_get(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = circulated_goods_get(&r->ctx, id, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

struct withdraw_body {
	const char *reason, *note;
};

const struct field circulated_goods_withdraw_fields[] = {
	FENUM(struct withdraw_body, reason, "reason", 1, 16, CIRCULATED_WITHDRAW_REASON),
	FSTR(struct withdraw_body, note, "note", 0, 200),
	FEND,
};

int api_circulated_goods_withdraw(struct req *r)
{
	struct withdraw_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, circulated_goods_withdraw_fields, &b, &r->err);
	if (!rc) rc = circulated_goods_withdraw(&r->ctx, id, b.reason, b.note, &out);
	return DONE(rc, 200, out);
}
