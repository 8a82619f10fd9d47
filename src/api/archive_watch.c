/* archive_watch.c — the database server's WAL archive, watched by the
 * server that sweeps the database (api.h api_archive_look). The archive is
 * what a point-in-time restore replays after the nightly base backup
 * (docs/deploy.md §4); when archive_command fails, nothing says so to the
 * county: the backups silently stop at the last segment archived, and the
 * primary keeps every later segment until its disk is full. */
#include "api/api.h"
#include "core/clock.h"
#include "core/log.h"

#include <stdint.h>

/* the sweep thread's alone */
static int told;        /* the failure under way was logged */
static int64_t told_us; /* when (monotonic µs): told again every 30 minutes */

void api_archive_look(struct db *db)
{
	struct db_archive a;
	struct ps_err e;
	int64_t now = ps_mono_ns() / 1000;

	ps_err_clear(&e);
	if (db_archive_state(db, &a, &e))
		return; /* the database is away: the next round asks again */
	if (!a.failing) {
		if (told)
			log_info("the database server's WAL archive works again");
		told = 0;
		return;
	}
	if (told && now - told_us < (int64_t)30 * 60 * 1000000)
		return;
	told = 1;
	told_us = now;
	log_error("ALERT: the database server's WAL archive fails (segment %s; %lld failures since "
		  "it started): a point-in-time restore stops at the last segment archived, and the "
		  "primary keeps every later one until its disk is full. Check archive_command and the "
		  "backup host (docs/deploy.md)",
		  a.last_failed[0] ? a.last_failed : "?", a.failures);
}
