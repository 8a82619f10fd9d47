/* clock_util.h — static helpers for the legal-clock API stories (issue 4):
 * sessions and local days (session_util.h), dates, the working-day
 * calendar as the server publishes it, and lookups in GET /warnings and
 * GET /breaches. Included by the stories that move the clock (api_clocks.c,
 * api_supervision.c, and the 队伍管理 stories api_duty.c and api_leave.c,
 * whose team_util.h it replaces); every helper is CU_STATIC (a story uses
 * some of them), every expected instant is computed in the stories
 * themselves. */
#ifndef PS_TEST_CLOCK_UTIL_H
#define PS_TEST_CLOCK_UTIL_H

#include "session_util.h"

/* The start of every story on a fresh demo county (sessions_begin). */
CU_STATIC void clocks_begin(struct server *srv)
{
	sessions_begin(srv);
}

CU_STATIC const char *ymd(struct server *srv, int64_t d)
{
	time_t t = (time_t)(d * DAY);
	struct tm tm;

	gmtime_r(&t, &tm);
	return fmt(srv, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday) */
CU_STATIC int weekday(int64_t d)
{
	return (int)((d + 4) % 7);
}

/* A working day by the server's published calendar (GET /holidays): a
 * listed holiday is not, a listed make-up day (调休上班) is, else Mon–Fri. */
CU_STATIC int workday(struct server *srv, int64_t d)
{
	const char *day = ymd(srv, d);
	struct resp *r = http(srv, S("minjing1"), "GET", fmt(srv, API "/holidays?year=%.4s", day), NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (strcmp(jstr(it, "day"), day) == 0)
			return strcmp(jstr(it, "kind"), "workday") == 0;
	return weekday(d) >= 1 && weekday(d) <= 5;
}

/* Move the clock to 10:00 +08 of the first day after today for which ok(d)
 * holds (at most 14 days ahead); the instant. */
CU_STATIC int64_t morning_when(struct server *srv, int (*ok)(struct server *, int64_t))
{
	int64_t d = lday((int64_t)srv_now(srv)) + 1, end = d + 14;

	while (d < end && !ok(srv, d))
		d++;
	if (d == end)
		fail_msg("no suitable day within two weeks");
	at(srv, midnight(d) + 10 * HOUR);
	return midnight(d) + 10 * HOUR;
}

/* ---- warnings and breaches ---- */

/* The item with this key in GET /warnings<query> as user, or NULL. */
CU_STATIC json_t *warning(struct server *srv, const char *user, const char *query, const char *key)
{
	struct resp *r = http(srv, S(user), "GET", fmt(srv, API "/warnings%s", query), NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (strcmp(jstr(it, "key"), key) == 0)
			return it;
	return NULL;
}

/* The level of that item, or "-" when it is not listed. */
CU_STATIC const char *level(struct server *srv, const char *user, const char *query, const char *key)
{
	json_t *it = warning(srv, user, query, key);

	return it ? fmt(srv, "%s", jstr(it, "level")) : "-";
}
#define EXPECT_LEVEL(user, query, key, want)                                                       \
	assert_string_equal(level(srv, user, query, key), want)

/* The deadline of that item in GET /warnings?level=all; fails when absent. */
CU_STATIC int64_t deadline_of(struct server *srv, const char *user, const char *key)
{
	json_t *it = warning(srv, user, "?level=all", key);

	if (!it)
		fail_msg("no clock %s listed for %s", key, user);
	return jint(it, "deadline");
}

/* The breach row of GET /breaches for clock key, or NULL. */
CU_STATIC json_t *breach(struct server *srv, const char *user, const char *key)
{
	struct resp *r = http(srv, S(user), "GET", fmt(srv, API "/breaches?key=%s", key), NULL);
	json_t *it;
	size_t i;

	EXPECT(r, 200);
	json_array_foreach(jpath(r->json, "items"), i, it)
		if (strcmp(jstr(it, "clock_key"), key) == 0)
			return it;
	return NULL;
}

/* ---- cases, parties, measures ---- */

/* A filed administrative case of minjing1 with co-officer 张伟. */
CU_STATIC long long admin_case(struct server *srv, const char *title)
{
	long long id = rnum(case_new(srv, S("minjing1"), title, day_str(srv, -1),
				     colleague(srv, S("minjing1"), "张伟")),
			    "case.id");

	return id;
}

/* A party of age `age` (seq odd: male, even: female). */
CU_STATIC long long person(struct server *srv, long long case_id, const char *name, int age, int seq)
{
	return party_add(srv, S("minjing1"), case_id, "suspect", name, id_aged(srv, 0, age, seq));
}

CU_STATIC struct resp *measure(struct server *srv, const char *user, long long case_id, json_t *o)
{
	return http(srv, S(user), "POST", fmt(srv, API "/cases/%lld/measures", case_id), jdump(srv, o));
}

CU_STATIC struct resp *extend(struct server *srv, const char *user, long long mid, const char *tier,
			   const char *reason)
{
	return http(srv, S(user), "POST", fmt(srv, API "/measures/%lld/extend", mid),
		    J(srv, "{s:s, s:s}", "tier", tier, "reason", reason));
}

CU_STATIC void milestone(struct server *srv, long long mid, const char *key)
{
	EXPECT(http(srv, S("minjing1"), "POST", fmt(srv, API "/measures/%lld/milestone", mid),
		    J(srv, "{s:s}", "key", key)),
	       200);
}

CU_STATIC const char *mkey(struct server *srv, long long mid, const char *suffix)
{
	return suffix ? fmt(srv, "measure:%lld:%s", mid, suffix) : fmt(srv, "measure:%lld", mid);
}

#endif
