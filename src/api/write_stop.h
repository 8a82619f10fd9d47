/* write_stop.h — the reasons a server stops writing (the public calls are
 * in api.h: api_write_fail_stop, api_write_failed, api_writes_stopped …)
 * and the looks the committer makes between and in its batches. */
#ifndef PS_WRITE_STOP_H
#define PS_WRITE_STOP_H

#include "store/db.h"

#include <stdint.h>

/* api_write_failed()'s values */
enum write_stop { WRITE_STOP_SYNC = 1, WRITE_STOP_SCHEMA = 2, WRITE_STOP_CLOCK = 3, WRITE_STOP_PRIMARIES = 4 };

/* In a batch's transaction on db, about once a second: a newer migration
 * stops writes (api_schema_outgrown_stop). Committer thread only. */
void write_stop_schema_look(struct db *db);

/* Between batches on db, about every 5 s: this server's clock against the
 * database server's — a minute or more apart writes stop (503 CLOCK_SKEW),
 * and resume once they agree. Committer thread only. */
void write_stop_clock_look(struct db *db);

/* What the writer waits for the database to finish: the batch under way
 * (its statements and COMMIT; on PostgreSQL a synchronous standby's
 * answer too) and, on SQLite, the sync of the WAL. A wait that lasts
 * WRITE_STOP_HELD_MS or longer holds writes (api_writes_held); its end
 * lets them go, logged. began/ended take the monotonic µs. */
enum write_wait { WRITE_WAIT_BATCH, WRITE_WAIT_SYNC, WRITE_WAITS };
void write_stop_wait_began(enum write_wait w, int64_t us);
void write_stop_wait_ended(enum write_wait w, int64_t us);

/* 15 s: longer than any batch takes on a database that answers (the
 * sweep's largest write, 500 breaches, runs in well under a second), far
 * shorter than a proxy's 60 s. PRECINCT_TEST_HELD_MS in a test build. */
#define WRITE_STOP_HELD_MS 15000

#endif
