/* duty.c — /duty-rosters, /duty-patterns, /duty-board (issue 18, part 1):
 * rosters, the weekly pattern, sign-in and sign-out, the on-duty board. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/team/duty.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_duty_rosters_list(struct req *r)
{
	int64_t station = 0;
	json_t *out;
	int rc = req_query_int(r, "station_id", 1, INT64_MAX, 0, &station);

	if (!rc) rc = duty_rosters_list(&r->ctx, station, req_query(r, "from"), req_query(r, "to"), &out);
	return DONE(rc, 200, out);
}

struct duty_rosters_add_body {
	const char *duty_on, *duty_post;
	int64_t user_id;
};

const struct field duty_rosters_add_fields[] = {
	FSTR(struct duty_rosters_add_body, duty_on, "duty_on", 1, 10),
	FENUM(struct duty_rosters_add_body, duty_post, "duty_post", 1, 16, DUTY_POST),
	FINT(struct duty_rosters_add_body, user_id, "user_id", 1, 1, INT64_MAX),
	FEND,
};

int api_duty_rosters_add(struct req *r)
{
	struct duty_rosters_add_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, duty_rosters_add_fields, &b, &r->err);

	if (!rc) rc = duty_rosters_add(&r->ctx, b.duty_on, b.duty_post, b.user_id, &out);
	return DONE(rc, 201, out);
}

int api_duty_rosters_remove(struct req *r)
{
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = duty_rosters_remove(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

struct duty_rosters_build_body {
	const char *from, *to;
};

const struct field duty_rosters_build_fields[] = {
	FSTR(struct duty_rosters_build_body, from, "from", 1, 10),
	FSTR(struct duty_rosters_build_body, to, "to", 1, 10),
	FEND,
};

int api_duty_rosters_build(struct req *r)
{
	struct duty_rosters_build_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, duty_rosters_build_fields, &b, &r->err);

	if (!rc) rc = duty_rosters_build(&r->ctx, b.from, b.to, &out);
	return DONE(rc, 201, out);
}

int api_duty_rosters_sign_in(struct req *r)
{
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = duty_sign(&r->ctx, id, 0, &out);
	return DONE(rc, 200, out);
}

int api_duty_rosters_sign_out(struct req *r)
{
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = duty_sign(&r->ctx, id, 1, &out);
	return DONE(rc, 200, out);
}

int api_duty_patterns_get(struct req *r)
{
	json_t *out;
	int rc = duty_patterns_get(&r->ctx, &out);

	return DONE(rc, 200, out);
}

struct duty_patterns_put_body {
	json_t *items;
};

const struct field duty_patterns_put_fields[] = {
	FJSON(struct duty_patterns_put_body, items, "items", 1),
	FEND,
};

int api_duty_patterns_put(struct req *r)
{
	struct duty_patterns_put_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, duty_patterns_put_fields, &b, &r->err);

	if (!rc) rc = duty_patterns_put(&r->ctx, b.items, &out);
	return DONE(rc, 200, out);
}

int api_duty_board(struct req *r)
{
	int64_t station = 0;
	json_t *out;
	int rc = req_query_int(r, "station_id", 1, INT64_MAX, 0, &station);

	if (!rc) rc = duty_board(&r->ctx, station, &out);
	return DONE(rc, 200, out);
}
