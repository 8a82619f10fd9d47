/* session_util.h — static helpers shared by the API stories that move the
 * server's clock (clock_util.h, incident_util.h): sessions that survive the
 * moves, moving the clock, local (UTC+8) days. Every helper is CU_STATIC (a
 * story uses some of them). */
#ifndef PS_TEST_SESSION_UTIL_H
#define PS_TEST_SESSION_UTIL_H

#include "case_util.h"

#define HOUR 3600LL
#define DAY 86400LL

/* ---- sessions: the stories move the clock by hours or weeks ---- */

/* A session is reused while the server's clock moved less than 3 h since
 * its last use (idle timeout raised to 240 min) and 20 h since the login
 * (absolute timeout raised to 24 h); otherwise the user logs in again. */
static struct {
	char user[32];
	struct session *s;
	int64_t login_off, used_off;
} who[24] __attribute__((unused));
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

/* The start of every story on a fresh demo county: forget the sessions of
 * the last one and raise the session timeouts to their maxima. */
CU_STATIC void sessions_begin(struct server *srv)
{
	nwho = 0;
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/session.idle_minutes", "{\"value\":240}"),
	       200);
	EXPECT(http(srv, S("admin"), "PUT", API "/settings/session.absolute_hours", "{\"value\":24}"),
	       200);
}

/* Move the server's clock forward to instant t (no-op when already past). */
CU_STATIC void at(struct server *srv, int64_t t)
{
	int64_t d = t - (int64_t)srv_now(srv);

	if (d > 0)
		clock_advance(srv, d);
}

/* ---- local days (UTC+8, no daylight saving) ---- */

CU_STATIC int64_t lday(int64_t t)
{
	return (t + 8 * HOUR) / DAY;
}

/* 00:00 +08 of local day d */
CU_STATIC int64_t midnight(int64_t d)
{
	return d * DAY - 8 * HOUR;
}

#endif
