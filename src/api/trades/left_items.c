/* left_items.c — /left-items: a hotel's left property from its posting to
 * the owner, the station or the state (COM-HOTEL-LEFT, COM-FOUND-STATE). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/trades/left_items.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_left_items_list(struct req *r)
{
	struct left_item_filter f = { 0 };
	int64_t due = 0;
	json_t *out;
	int rc = req_query_int(r, "unit_id", 0, INT64_MAX, 0, &f.unit_id);

	if (!rc) rc = req_query_int(r, "due", 0, 1, 0, &due);
	if (!rc) rc = req_query_int(r, "page", 1, 1000000, 1, &f.page);
	if (!rc) rc = req_query_int(r, "per_page", 1, 200, 20, &f.per_page);
	f.status = req_query(r, "status");
	f.due_only = (int)due;
	if (!rc) rc = left_items_list(&r->ctx, &f, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

const struct field left_items_create_fields[] = {
	FINT(struct left_item_input, unit_id, "unit_id", 1, 1, INT64_MAX),
	FINT(struct left_item_input, guest_id, "guest_id", 0, 0, INT64_MAX),
	FSTR(struct left_item_input, found_on, "found_on", 0, 10),
	FSTR(struct left_item_input, noticed_on, "noticed_on", 0, 10),
	FSTR(struct left_item_input, room, "room", 0, 16),
	FSTR(struct left_item_input, description, "description", 1, 200),
	FSTR(struct left_item_input, kept_by, "kept_by", 0, 32),
	FEND,
};

int api_left_items_create(struct req *r)
{
	struct left_item_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, left_items_create_fields, &in, &r->err);

	if (!rc) rc = left_items_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

struct return_body {
	const char *returned_on, *returned_to;
};

const struct field left_items_return_fields[] = {
	FSTR(struct return_body, returned_on, "returned_on", 0, 10),
	FSTR(struct return_body, returned_to, "returned_to", 1, 32),
	FEND,
};

int api_left_items_return(struct req *r)
{
	struct return_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, left_items_return_fields, &b, &r->err);
	if (!rc) rc = left_items_return(&r->ctx, id, b.returned_on, b.returned_to, &out);
	return DONE(rc, 200, out);
}

struct receive_body {
	const char *handed_on, *announced_on;
};

const struct field left_items_receive_fields[] = {
	FSTR(struct receive_body, handed_on, "handed_on", 0, 10),
	FSTR(struct receive_body, announced_on, "announced_on", 0, 10),
	FEND,
};

int api_left_items_receive(struct req *r)
{
	struct receive_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, left_items_receive_fields, &b, &r->err);
	if (!rc) rc = left_items_receive(&r->ctx, id, b.handed_on, b.announced_on, &out);
	return DONE(rc, 200, out);
}

struct state_body {
	const char *disposed_on, *disposal_note;
};

const struct field left_items_to_state_fields[] = {
	FSTR(struct state_body, disposed_on, "disposed_on", 0, 10),
	FSTR(struct state_body, disposal_note, "disposal_note", 1, 200),
	FEND,
};

int api_left_items_to_state(struct req *r)
{
	struct state_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, left_items_to_state_fields, &b, &r->err);
	if (!rc) rc = left_items_to_state(&r->ctx, id, b.disposed_on, b.disposal_note, &out);
	return DONE(rc, 200, out);
}
