/* incident_util.h — static helpers for the 110 接处警 API stories (issue 5):
 * sessions and local days (session_util.h), and short wrappers for
 * registering, dispatching and handling incidents. Every expected figure
 * stays in the stories. */
#ifndef PS_TEST_INCIDENT_UTIL_H
#define PS_TEST_INCIDENT_UTIL_H

#include "session_util.h"

/* The stations every story uses. */
static long long CG, BS;

static void begin(struct server *srv)
{
	sessions_begin(srv);
	CG = unit_id(srv, S("jiejing"), "城关派出所");
	BS = unit_id(srv, S("jiejing"), "北社派出所");
}

/* ---- local days (UTC+8): session_util.h ---- */

/* "YYYY-MM-DD" (dash = 1) or "YYYYMMDD" of local day d */
static const char *ymd(struct server *srv, int64_t d, int dash)
{
	time_t t = (time_t)(d * DAY);
	struct tm tm;

	gmtime_r(&t, &tm);
	return dash ? fmt(srv, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday)
		    : fmt(srv, "%04d%02d%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
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
