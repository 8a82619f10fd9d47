/* team_meetings.c — /team-meetings (issue 18): a station's meetings, study
 * and training, the attendees proposed for one, attendance and training
 * days per officer. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/team/team_meetings.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_team_meetings_list(struct req *r)
{
	json_t *out;
	int rc = team_meetings_list(&r->ctx, req_query(r, "from"), req_query(r, "to"), req_query(r, "kind"), &out);

	return DONE(rc, 200, out);
}

const struct field team_meetings_create_fields[] = {
	FSTR(struct team_meeting_input, held_on, "held_on", 1, 10),
	FENUM(struct team_meeting_input, kind, "kind", 1, 16, TEAM_MEETING_KIND),
	FSTRN(struct team_meeting_input, topic, "topic", 1, 1, 100),
	FSTRN(struct team_meeting_input, speaker, "speaker", 1, 1, 50),
	FINT(struct team_meeting_input, training_days, "training_days", 0, 0, 30),
	FSTR(struct team_meeting_input, materials, "materials", 0, 500),
	FSTR(struct team_meeting_input, minutes, "minutes", 0, 4000),
	FJSON(struct team_meeting_input, attendees, "attendees", 1),
	FEND,
};

int api_team_meetings_create(struct req *r)
{
	struct team_meeting_input b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, team_meetings_create_fields, &b, &r->err);

	if (!rc) rc = team_meetings_create(&r->ctx, &b, &out);
	return DONE(rc, 201, out);
}

int api_team_meetings_proposal(struct req *r)
{
	json_t *out;
	int rc = team_meetings_proposal(&r->ctx, req_query(r, "held_on"), &out);

	return DONE(rc, 200, out);
}

int api_team_meetings_figures(struct req *r)
{
	int64_t year = 0;
	json_t *out;
	int rc = req_query_int(r, "year", 2000, 2100, 0, &year);

	if (!rc) rc = team_meetings_figures(&r->ctx, year, &out);
	return DONE(rc, 200, out);
}
