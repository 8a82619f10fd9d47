/* replica_watch.c — the standbys that keep the county's off-site copy
 * (docs/deploy.md §4), watched by the server that sweeps the database
 * (api.h api_replicas_look). TRUST BKP-2 wants the copy at most 60 s
 * behind under load; a standby that stops replaying (its disk full, its
 * replay paused and forgotten, a network that drops the stream) or that is
 * gone says nothing to anyone, and the copy a disaster would fall back on
 * grows older by the hour.
 *
 * How late a standby is (core/lagnotes.h): each round notes the primary's
 * WAL position with the time. A standby that has not replayed a position the primary had at
 * time t lacks something written before t: it is at least now − t late, t
 * being the oldest such note (0 when it has replayed everything). The
 * ALERT goes by that bound alone, which is never above the truth: no
 * round missed (another server led the sweep, the database was away)
 * makes a standby look late, and a late one is told at most one round
 * after it passes the limit. The log also gives the other bound when a
 * note is old enough (the newest one it has replayed). */
#include "api/api.h"
#include "core/clock.h"
#include "core/lagnotes.h"
#include "core/log.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPLICA_TELL_AGAIN_MS ((int64_t)30 * 60 * 1000)

/* the sweep thread's alone: 64 notes, 32 minutes of 30 s rounds */
static struct lagnotes notes;

static struct known {
	char name[64];
	int seen, gone, late, unreadable;
	int64_t told_ms; /* the last ALERT about it */
} known[DB_REPLICAS_MAX * 2];
static int known_n, told_none, told_full;

/* The most a standby may lag: BKP-2's 60 s; PRECINCT_TEST_REPLICA_LAG_MS
 * in a test build. */
static int64_t lag_limit_ms(void)
{
#ifdef PS_TEST_HOOKS
	const char *t = getenv("PRECINCT_TEST_REPLICA_LAG_MS");

	if (t && atoll(t) > 0)
		return atoll(t);
#endif
	return 60000;
}

static struct known *known_of(const char *name)
{
	struct known *k = NULL;

	for (int i = 0; i < known_n; i++)
		if (strcmp(known[i].name, name) == 0)
			return &known[i];
	if (known_n < (int)(sizeof(known) / sizeof(known[0]))) {
		k = &known[known_n++];
	} else {
		/* full: the standby gone longest takes the place */
		for (int i = 0; i < known_n; i++)
			if (known[i].gone && (!k || known[i].told_ms < k->told_ms))
				k = &known[i];
		if (!k) {
			if (!told_full)
				log_warn("more standbys stream than the server watches (%d): %s is not watched",
					 known_n, name);
			told_full = 1;
			return NULL;
		}
	}
	memset(k, 0, sizeof(*k));
	snprintf(k->name, sizeof(k->name), "%s", name);
	return k;
}

static int tell_now(const struct known *k, int already, int64_t now)
{
	return !already || now - k->told_ms >= REPLICA_TELL_AGAIN_MS;
}

static void look_at(const struct db_replica *r, struct known *k, long long lsn, int64_t now)
{
	int64_t least, most, limit = lag_limit_ms();

	if (k->gone || !k->seen)
		log_info("the standby %s streams%s (%s, %s)", r->name, k->gone ? " again" : "",
			 r->state[0] ? r->state : "?", r->sync[0] ? r->sync : "?");
	k->seen = 1;
	k->gone = 0;
	if (!r->state[0] || r->replay_lsn < 0) {
		if (!k->unreadable)
			log_warn("the standby %s: its position is not shown to this database role, so how late "
				 "it is cannot be watched (GRANT pg_monitor TO the role: docs/deploy.md §4)",
				 r->name);
		k->unreadable = 1;
		return;
	}
	k->unreadable = 0;
	lagnotes_bounds(&notes, now, r->replay_lsn, &least, &most);
	if (least > limit) {
		if (tell_now(k, k->late, now)) {
			char holds[96] = "";

			if (most >= 0)
				snprintf(holds, sizeof(holds), ", and holds all it wrote %lld s ago",
					 (long long)(most / 1000));
			log_error("ALERT: the standby %s replays the primary's WAL more than %lld s late (it "
				  "lacks what the primary wrote %lld s ago%s; %lld MB of WAL not yet "
				  "replayed): a disaster now would lose that much of the county's work "
				  "(TRUST BKP-2: at most %lld s). Check the standby's machine, disk and network, "
				  "and that its replay is not paused (docs/deploy.md §4)",
				  r->name, (long long)(limit / 1000), (long long)(least / 1000), holds,
				  (lsn - r->replay_lsn) >> 20, (long long)(limit / 1000));
			k->told_ms = now;
		}
		k->late = 1;
	} else if (k->late) {
		log_info("the standby %s has caught up (at most %lld s late)", r->name,
			 (long long)(most >= 0 ? most / 1000 : 0));
		k->late = 0;
	}
}

void api_replicas_look(struct db *db)
{
	struct db_replicas q;
	struct ps_err e;
	int64_t now = ps_mono_ns() / 1000000;

	ps_err_clear(&e);
	if (db_replicas(db, &q, &e) || q.lsn <= 0)
		return; /* the database is away, or streams to none (SQLite) */
	lagnotes_add(&notes, now, q.lsn);
	if (!q.n && !known_n && !told_none)
		log_warn("the primary streams to no standby: the county has no off-site copy of its "
			 "database (docs/deploy.md §4)");
	told_none = !q.n;
	for (int i = 0; i < q.n; i++) {
		struct known *k = known_of(q.r[i].name);

		if (k)
			look_at(&q.r[i], k, q.lsn, now);
	}
	for (int j = 0; j < known_n; j++) {
		struct known *k = &known[j];
		int here = 0;

		for (int i = 0; i < q.n && !here; i++)
			here = strcmp(q.r[i].name, k->name) == 0;
		if (here || !tell_now(k, k->gone, now))
			continue;
		log_error("ALERT: the standby %s no longer streams from the primary: the county's off-site "
			  "copy stays as it was when it went (TRUST BKP-2). Check the standby's machine and "
			  "the network between them; a standby taken out of service for good is forgotten "
			  "when the servers restart (docs/deploy.md §4)",
			  k->name);
		k->gone = 1;
		k->late = 0;
		k->told_ms = now;
	}
}
