/* incident_util.h — static helpers for the 110 接处警 API stories (issue 5):
 * sessions that survive moves of the server's clock, local (UTC+8) days,
 * and short wrappers for registering, dispatching and handling incidents.
 * Included by api_incidents.c only; every expected figure stays in the
 * stories. */
#ifndef PS_TEST_INCIDENT_UTIL_H
#define PS_TEST_INCIDENT_UTIL_H

#include "case_util.h"

#define HOUR 3600LL
#define DAY 86400LL

/* ---- sessions: a user logs in again after 3 h of the server's clock
 * without use or 20 h after the login (timeouts raised by begin) ---- */

static struct {
	char user[32];
	struct session *s;
	int64_t login_off, used_off;
} who[24];
static int nwho;

static struct session *S_(struct server *srv, const char *user)
{
	int i;

	for (i = 0; i < nwho && strcmp(who[i].user, user) != 0; i++)
		;
	if (i == nwho) {
		if (nwho == (int)(sizeof(who) / sizeof(who[0])))
			fail_msg("too many users");
		snprintf(who[nwho++].user, sizeof(who[0].user), "%s", user);
		who[i].s = NULL;
	}
	if (!who[i].s || srv->clock_offset - who[i].used_off >= 3 * HOUR ||
	    srv->clock_offset - who[i].login_off >= 20 * HOUR) {
		who[i].s = login(srv, user, DEMO_PW);
		who[i].login_off = srv->clock_offset;
	}
	who[i].used_off = srv->clock_offset;
	return who[i].s;
}
#define S(user) S_(srv, user)

/* The stations every story uses. */
static long long CG, BS;

static void begin(struct server *srv)
{
	nwho = 0;
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/session.idle_minutes", "{\"value\":240}"),
	       200);
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/session.absolute_hours", "{\"value\":24}"),
	       200);
	CG = unit_id(srv, S("jiejing"), "城关派出所");
	BS = unit_id(srv, S("jiejing"), "北社派出所");
}

/* ---- local days (UTC+8) ---- */

static int64_t lday(int64_t t)
{
	return (t + 8 * HOUR) / DAY;
}

static int64_t midnight(int64_t d)
{
	return d * DAY - 8 * HOUR;
}

/* "YYYY-MM-DD" (dash = 1) or "YYYYMMDD" of local day d */
static const char *ymd(struct server *srv, int64_t d, int dash)
{
	time_t t = (time_t)(d * DAY);
	struct tm tm;

	gmtime_r(&t, &tm);
	return dash ? fmt(srv, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday)
		    : fmt(srv, "%04d%02d%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Move the server's clock forward to instant t (no-op when already past). */
static void at(struct server *srv, int64_t t)
{
	int64_t d = t - (int64_t)srv_now(srv);

	if (d > 0)
		clock_advance(srv, d);
}

/* ---- incidents ---- */

/* POST /incidents with body o (consumed). */
static struct resp *inc_post(struct server *srv, const char *user, json_t *o)
{
	return http(srv, S(user), "POST", API "/incidents", jdump(srv, o));
}

/* A call registered by user: source 110, caller, place, category, summary;
 * station (0: none), received_at (0: now). Asserts 201; the answer. */
static struct resp *inc_new(struct server *srv, const char *user, long long station,
			    const char *category, const char *place, const char *summary,
			    int64_t received_at)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "source", "110", "caller_name",
			      "报警人", "caller_phone", "13912345678", "place", place, "category",
			      category, "summary", summary);
	struct resp *r;

	if (station)
		json_object_set_new(o, "station_id", json_integer(station));
	if (received_at)
		json_object_set_new(o, "received_at", json_integer(received_at));
	r = inc_post(srv, user, o);
	EXPECT(r, 201);
	return r;
}

/* The same by jiejing to a station; the id. */
static long long inc_at(struct server *srv, long long station, const char *category,
			const char *place, int64_t received_at)
{
	return rnum(inc_new(srv, "jiejing", station, category, place, "群众报警", received_at),
		    "incident.id");
}

static struct resp *inc_get(struct server *srv, const char *user, long long id)
{
	return http(srv, S(user), "GET", fmt(srv, API "/incidents/%lld", id), NULL);
}

/* POST /incidents/{id}/{what} with body (NULL: none). */
static struct resp *inc_do(struct server *srv, const char *user, long long id, const char *what,
			   const char *body)
{
	return http(srv, S(user), "POST", fmt(srv, API "/incidents/%lld/%s", id, what), body);
}

/* 处警反馈 without a case; asserts 200. */
static void handle(struct server *srv, const char *user, long long id, const char *outcome)
{
	struct resp *r = inc_do(srv, user, id, "feedback",
				J(srv, "{s:s, s:s}", "outcome", outcome, "text", "民警到场处置完毕"));

	EXPECT(r, 200);
	EXPECT_STR(r, "incident.status", "handled");
}

static void call_back(struct server *srv, const char *user, long long id)
{
	struct resp *r = inc_do(srv, user, id, "callback",
				J(srv, "{s:s}", "result", "已电话回告报警人，报警人表示满意"));

	EXPECT(r, 200);
	if (!json_is_integer(jpath(r->json, "incident.callback_at")))
		fail_msg("no callback_at: %s", r->body);
}

/* The item of array `arr` whose string `key` equals val, or NULL. */
static json_t *find_by(json_t *arr, const char *key, const char *val)
{
	json_t *it;
	size_t i;

	json_array_foreach(arr, i, it)
		if (strcmp(jstr(it, key), val) == 0)
			return it;
	return NULL;
}

/* The item of `arr` whose integer `key` equals val, or NULL. */
static json_t *find_id(json_t *arr, const char *key, long long val)
{
	json_t *it;
	size_t i;

	json_array_foreach(arr, i, it)
		if (jint(it, key) == val)
			return it;
	return NULL;
}

#endif
