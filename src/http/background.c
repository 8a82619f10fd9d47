/* background.c — the server's two background threads, run at a lower
 * priority than requests: the WAL checkpoints (off the commit path) and the
 * breach sweep (BREACH transitions recorded at most ~30 s late). */
#include "http/background.h"
#include "api/api.h"
#include "store/db.h"
#include "core/log.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static pthread_t sweeper, checkpointer;
static int sweeper_running, checkpointer_running;

/* Background work yields the cores to requests (Linux: per-thread nice). */
static void run_in_background(void)
{
	setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10);
}

/* ---- the breach sweep: BREACH transitions recorded at most ~30 s late ---- */

static pthread_mutex_t sweep_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sweep_cond = PTHREAD_COND_INITIALIZER;
static int sweep_stop;

/* 30 s between two sweeps; PRECINCT_TEST_SWEEP_MS in a test build. */
static int64_t sweep_interval_ms(void)
{
#ifdef PS_TEST_HOOKS
	const char *t = getenv("PRECINCT_TEST_SWEEP_MS");

	if (t && atoll(t) > 0)
		return atoll(t);
#endif
	return 30000;
}

static void *sweep_main(void *arg)
{
	const char *db_path = arg;
	struct db *db = NULL;
	struct ps_err e;
	int recorded;

	run_in_background();
	ps_err_clear(&e);
	if (db_open(db_path, &db, &e)) {
		log_error("breach sweep: cannot open database: %s", e.msg);
		return NULL;
	}
	pthread_mutex_lock(&sweep_lock);
	for (int pass = 0, led = -1; !sweep_stop; pass++) {
		struct timespec until;
		int64_t ms = sweep_interval_ms();
		int leading = 0;

		pthread_mutex_unlock(&sweep_lock);
		api_primaries_look(db_path); /* a split brain stops writes */
		/* one server of a database sweeps it (db_lead): the others
		 * would scan the same county for the same breaches */
		ps_err_clear(&e);
		if (db_lead(db, DB_LEAD_SWEEP, &leading, &e))
			leading = 0; /* the database is away: the next round asks again */
		else if (leading != led)
			log_info(leading ? "breach sweep: this server sweeps the database"
					 : "breach sweep: another server of this database sweeps it");
		if (!e.code)
			led = leading;
		if (leading) {
			api_sweep_once(db, &recorded);
			api_archive_look(db);
			api_replicas_look(db);
		}
		if (pass == 0)
			log_info("breach sweep: first pass done%s",
				 leading ? "" : e.code ? " (skipped: the database did not answer)"
						     : " (by another server of this database)");
		pthread_mutex_lock(&sweep_lock);
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += ms / 1000;
		until.tv_nsec += (ms % 1000) * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		while (!sweep_stop &&
		       pthread_cond_timedwait(&sweep_cond, &sweep_lock, &until) == 0)
			;
	}
	pthread_mutex_unlock(&sweep_lock);
	db_close(db);
	return NULL;
}

/* ---- checkpoints: the WAL copied into the database off the commit path ---- */

/* A WAL longer than this many frames (16 MiB of 4 KiB pages) after a pass
 * has not restarted since the last pause of the writes: the committer is
 * asked to copy the rest between two batches (committer.h), which costs it
 * only what was committed during this pass. Without it a steady stream of
 * commits (the read-audit rows of a busy server) grows the WAL without end:
 * 805 MB after 17 s of case reads in bench/, every commit appending to a
 * longer file. */
#define CHECKPOINT_BOUND_FRAMES 4096

static void *checkpoint_main(void *arg)
{
	const char *db_path = arg;
	struct db *db = NULL;
	struct ps_err e;

	run_in_background();
	ps_err_clear(&e);
	if (db_open(db_path, &db, &e)) {
		log_error("checkpoints: cannot open database: %s", e.msg);
		return NULL;
	}
	pthread_mutex_lock(&sweep_lock);
	while (!sweep_stop) {
		struct timespec until;
		int frames = 0;

		pthread_mutex_unlock(&sweep_lock);
		if (db_checkpoint(db, &frames, &e))
			log_warn("checkpoint failed: %s", e.msg);
		else if (frames > CHECKPOINT_BOUND_FRAMES)
			api_committer_checkpoint_soon();
		pthread_mutex_lock(&sweep_lock);
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += 250 * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		while (!sweep_stop &&
		       pthread_cond_timedwait(&sweep_cond, &sweep_lock, &until) == 0)
			;
	}
	pthread_mutex_unlock(&sweep_lock);
	db_close(db); /* the last connection out checkpoints what is left */
	return NULL;
}

int background_checkpointer_start(const char *db_path)
{
	sweep_stop = 0;
	checkpointer_running = pthread_create(&checkpointer, NULL, checkpoint_main, (void *)db_path) == 0;
	return checkpointer_running;
}

int background_checkpointer_running(void)
{
	return checkpointer_running;
}

int background_sweep_start(const char *db_path)
{
	sweeper_running = pthread_create(&sweeper, NULL, sweep_main, (void *)db_path) == 0;
	return sweeper_running;
}

void background_stop(void)
{
	pthread_mutex_lock(&sweep_lock);
	sweep_stop = 1;
	pthread_cond_broadcast(&sweep_cond);
	pthread_mutex_unlock(&sweep_lock);
	if (sweeper_running)
		pthread_join(sweeper, NULL);
	if (checkpointer_running)
		pthread_join(checkpointer, NULL);
	sweeper_running = checkpointer_running = 0;
}
