/* monitors.c — /conduct-monitors (issue 18, part 3): 警风警纪监督员, their
 * visits and opinions, the station's answers. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/team/monitors.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_conduct_monitors_list(struct req *r)
{
	json_t *out;
	int rc = monitors_list(&r->ctx, &out);

	return DONE(rc, 200, out);
}

const struct field conduct_monitors_create_fields[] = {
	FSTR(struct monitor_input, name, "name", 1, 32),
	FSTR(struct monitor_input, unit, "unit", 1, 64),
	FSTR(struct monitor_input, contact, "contact", 1, 64),
	FSTR(struct monitor_input, term_from, "term_from", 1, 10),
	FSTR(struct monitor_input, term_to, "term_to", 1, 10),
	FEND,
};

int api_conduct_monitors_create(struct req *r)
{
	struct monitor_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, conduct_monitors_create_fields, &in, &r->err);

	if (!rc)
		rc = monitor_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

struct conduct_monitor_visit_body {
	const char *visited_on, *opinion;
};

const struct field conduct_monitor_visits_create_fields[] = {
	FSTR(struct conduct_monitor_visit_body, visited_on, "visited_on", 1, 10),
	FSTR(struct conduct_monitor_visit_body, opinion, "opinion", 1, 1000),
	FEND,
};

int api_conduct_monitor_visits_create(struct req *r)
{
	struct conduct_monitor_visit_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, conduct_monitor_visits_create_fields, &b, &r->err);
	if (!rc)
		rc = monitor_visit_create(&r->ctx, id, b.visited_on, b.opinion, &out);
	return DONE(rc, 201, out);
}

struct conduct_monitor_answer_body {
	const char *answer;
};

const struct field conduct_monitor_visits_answer_fields[] = {
	FSTR(struct conduct_monitor_answer_body, answer, "answer", 1, 1000),
	FEND,
};

int api_conduct_monitor_visits_answer(struct req *r)
{
	struct conduct_monitor_answer_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, conduct_monitor_visits_answer_fields, &b, &r->err);
	if (!rc)
		rc = monitor_visit_answer(&r->ctx, id, b.answer, &out);
	return DONE(rc, 200, out);
}
