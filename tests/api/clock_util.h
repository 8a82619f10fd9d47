/* clock_util.h — static helpers for the legal-clock API stories (issue 4):
 * sessions that survive large moves of the server's clock, local (UTC+8)
 * day arithmetic, the working-day calendar as the server publishes it, and
 * lookups in GET /warnings and GET /breaches. Included by the stories that
 * move the clock (api_clocks.c, api_supervision.c, and the 队伍管理 stories
 * api_duty.c and api_leave.c, whose team_util.h it replaces); every helper
 * is CU_STATIC (a story uses some of them), every expected instant is
 * computed in the stories themselves. */
#ifndef PS_TEST_CLOCK_UTIL_H
#define PS_TEST_CLOCK_UTIL_H

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
CU_STATIC void clocks_begin(struct server *srv)
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
