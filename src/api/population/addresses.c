/* addresses.c — /addresses (issue 6; issue 16: grid, building type and map
 * point on create and edit, the addresses outside any grid). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/community/key_persons.h"
#include "domain/population/addresses.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_addresses_list(struct req *r)
{
	struct address_filter f = { 0 };
	json_t *out;
	int64_t no_grid = 0;
	int rc = req_query_int(r, "grid_id", 0, INT64_MAX, 0, &f.grid_id);

	if (!rc) rc = req_query_int(r, "no_grid", 0, 1, 0, &no_grid);
	if (!rc) rc = req_query_int(r, "page", 0, 1000000, 0, &f.page);
	if (!rc) rc = req_query_int(r, "per_page", 1, 200, 100, &f.per_page);
	f.no_grid = (int)no_grid;
	f.community = req_query(r, "community");
	f.building = req_query(r, "building");
	f.q = req_query(r, "q");
	if (!rc) rc = addresses_list(&r->ctx, &f, &out);
	return DONE(rc, 200, out);
}

struct addresses_body {
	const char *community;
	const char *building;
	const char *unit_no;
	const char *room;
	const char *building_type;
	int64_t post_id, grid_id, lng_e6, lat_e6;
	int post_id_given, grid_id_given, lng_given, lat_given;
};

/* the map point: both or neither, in micro-degrees (0, 0 = none); a
 * building type of enum building_type ("" clears it: checked by the domain) */
#define ADDRESS_PLACE_FIELDS                                                                            \
	FINTP(struct addresses_body, grid_id, grid_id_given, "grid_id", 0, INT64_MAX),                   \
	FSTR(struct addresses_body, building_type, "building_type", 0, 16),                               \
	FINTP(struct addresses_body, lng_e6, lng_given, "lng_e6", -180000000, 180000000),                \
	FINTP(struct addresses_body, lat_e6, lat_given, "lat_e6", -90000000, 90000000)

const struct field addresses_create_fields[] = {
	FSTR(struct addresses_body, community, "community", 1, ADDRESS_COMMUNITY_MAX),
	FSTR(struct addresses_body, building, "building", 0, ADDRESS_BUILDING_MAX),
	FSTR(struct addresses_body, unit_no, "unit_no", 0, ADDRESS_UNIT_MAX),
	FSTR(struct addresses_body, room, "room", 0, ADDRESS_ROOM_MAX),
	FINTP(struct addresses_body, post_id, post_id_given, "post_id", 1, INT64_MAX),
	ADDRESS_PLACE_FIELDS,
	FEND,
};

const struct field addresses_update_fields[] = {
	FSTR(struct addresses_body, community, "community", 0, ADDRESS_COMMUNITY_MAX),
	FSTR(struct addresses_body, building, "building", 0, ADDRESS_BUILDING_MAX),
	FSTR(struct addresses_body, unit_no, "unit_no", 0, ADDRESS_UNIT_MAX),
	FSTR(struct addresses_body, room, "room", 0, ADDRESS_ROOM_MAX),
	ADDRESS_PLACE_FIELDS,
	FEND,
};

static int point_both(struct req *r, const struct addresses_body *b)
{
	if (b->lng_given != b->lat_given)
		return ps_fail_field(&r->err, PS_EINVAL, b->lng_given ? "lat_e6" : "lng_e6",
				     "经度和纬度应同时填写（或同时不填）");
	return PS_OK;
}

int api_addresses_create(struct req *r)
{
	struct addresses_body b = { 0 };
	struct address_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, addresses_create_fields, &b, &r->err);

	if (!rc) rc = point_both(r, &b);
	if (!rc) {
		in.community = b.community;
		in.building = b.building;
		in.unit_no = b.unit_no;
		in.room = b.room;
		if (b.post_id_given)
			in.post_id = b.post_id;
		in.grid_id = b.grid_id_given ? b.grid_id : 0;
		in.building_type = b.building_type && *b.building_type ? b.building_type : NULL;
		in.has_point = b.lng_given;
		in.lng_e6 = b.lng_e6;
		in.lat_e6 = b.lat_e6;
	}
	if (!rc) rc = addresses_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

int api_addresses_update(struct req *r)
{
	struct addresses_body b = { 0 };
	struct address_update in = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, addresses_update_fields, &b, &r->err);
	if (!rc) rc = point_both(r, &b);
	if (!rc) {
		in.community = b.community;
		in.building = b.building;
		in.unit_no = b.unit_no;
		in.room = b.room;
		in.building_type = b.building_type;
		in.has_grid = b.grid_id_given;
		in.grid_id = b.grid_id;
		in.has_point = b.lng_given;
		in.lng_e6 = b.lng_e6;
		in.lat_e6 = b.lat_e6;
	}
	if (!rc) rc = addresses_update(&r->ctx, id, &in, &out);
	/* the key persons living there follow the address to its new grid */
	if (!rc && in.has_grid && in.grid_id) {
		rc = key_persons_rebeat_grid(&r->ctx, in.grid_id);
		if (rc)
			json_decref(out);
	}
	return DONE(rc, 200, out);
}
