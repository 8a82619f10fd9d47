/* team_util.h — static helpers of the 队伍管理 stories (issue 18): sessions
 * that survive moves of the server's clock, local (UTC+8) days and the
 * warning board. Included by api_duty.c and api_leave.c; every expected
 * figure stays in the stories. */
#ifndef PS_TEST_TEAM_UTIL_H
#define PS_TEST_TEAM_UTIL_H

#include "case_util.h"

#define HOUR 3600LL
#define DAY 86400LL

/* sessions that survive the clock's moves: a user logs in again when the
 * clock moved 3 h since the session's last use or 20 h since its login
 * (the timeouts are raised to their maxima by clocks_begin) */
static struct {
	char user[32];
	struct session *s;
	int64_t login_off, used_off;
} who[16] __attribute__((unused));
static int nwho __attribute__((unused));

CU_STATIC struct session *S_(struct server *srv, const char *user)
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

/* Move the server's clock forward to instant t (no-op when already past). */
CU_STATIC void at(struct server *srv, int64_t t)
{
	int64_t d = t - (int64_t)srv_now(srv);

	if (d > 0)
		clock_advance(srv, d);
}

CU_STATIC int64_t lday(int64_t t)
{
	return (t + 8 * HOUR) / DAY;
}

CU_STATIC int64_t midnight(int64_t d)
{
	return d * DAY - 8 * HOUR;
}

CU_STATIC const char *ymd(struct server *srv, int64_t d)
{
	time_t t = (time_t)(d * DAY);
	struct tm tm;

	gmtime_r(&t, &tm);
	return fmt(srv, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

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

CU_STATIC void clocks_begin(struct server *srv)
{
	nwho = 0;
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/session.idle_minutes", "{\"value\":240}"), 200);
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/session.absolute_hours", "{\"value\":24}"), 200);
}


#endif
