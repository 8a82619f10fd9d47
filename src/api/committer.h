/* committer.h — the one writer of the server.
 *
 * Every write of the serving path reaches the store through here: one
 * committer thread on its own connection takes the jobs that are waiting (up
 * to COMMITTER_BATCH_MAX), runs each inside `SAVEPOINT request` of one
 * outer transaction, and commits the batch with one fsync. A job that fails
 * is rolled back to its savepoint (then its `rolled_back` step may keep what
 * a refusal keeps, e.g. its audit rows) and the others of the batch commit.
 *
 * When the store itself fails — SAVEPOINT, ROLLBACK TO or RELEASE fails, or
 * after a job the outer transaction is gone because SQLite rolled it back
 * (SQLITE_IOERR, SQLITE_FULL …), or BEGIN or COMMIT fails — nothing of the
 * batch is kept: every job of the batch, including those already run and
 * released, is answered PS_EUNAVAIL (503 STORE_UNAVAILABLE) and the next
 * batch starts afresh. No job is ever committed outside its batch, and no
 * job is answered success before its batch is durable. A failed sync
 * (db_sync_failed) also stops all writes until restart (DUR-4,
 * api_write_fail_stop).
 *
 * On SQLite the batch's COMMIT writes without waiting for the disk, and a
 * sync thread makes it durable (db_syncer_open) while the next batch runs:
 * a job is answered once the sync that covers its batch returned. A failed
 * sync answers the jobs it covered 503 OUTCOME_UNKNOWN (they committed, and
 * may or may not be on disk) and stops writes (DUR-4).
 *
 * Jobs are answered from the committer thread or the sync thread through
 * their `done` callback; the jobs of one batch in the order they were
 * submitted, two batches' possibly at once. */
#ifndef PS_API_COMMITTER_H
#define PS_API_COMMITTER_H

#include "core/rc.h"
#include "store/db.h"

#include <stdint.h>

#define COMMITTER_BATCH_MAX 256

struct commit_job {
	/* Set by the submitter. run performs the job's writes on db inside its
	 * savepoint and returns a ps_rc; on failure the savepoint is rolled
	 * back and then rolled_back (may be NULL) runs inside the same
	 * savepoint, for what a refusal keeps (its failure is only logged).
	 * done is called once the batch is durable or lost: rc is final and,
	 * when the batch was lost, *err says why. done may free the job. */
	int (*run)(struct commit_job *j, struct db *db);
	void (*rolled_back)(struct commit_job *j, struct db *db);
	void (*done)(struct commit_job *j);
	struct ps_err *err; /* the job's error slot (not NULL) */
	void *arg;          /* the submitter's, untouched */
	int read;           /* 1: a read's job (its audit rows, or a wait):
			     * when its sync fails it is answered
			     * STORE_UNAVAILABLE, not OUTCOME_UNKNOWN */

	/* Set by the committer: what run returned, or PS_EUNAVAIL when the
	 * batch was lost. */
	int rc;
	struct commit_job *next; /* private */
	uint64_t seq;            /* private: the batch to be durable first */
};

/* Start the committer thread on db (owned by the caller, open until
 * committer_stop returned; should have had db_use_as_writer). PS_ENOMEM
 * when the thread cannot be made; then committer_running() stays 0. */
int committer_start(struct db *db);

/* Finish every queued job, then stop the thread. Call only when nothing
 * can be submitted any more. A no-op when it does not run. */
void committer_stop(void);

/* 1 while the committer runs (started and not stopped). Cannot fail. */
int committer_running(void);

/* Queue j (owned by the caller, valid until its done was called). The
 * committer must run. Cannot fail. */
void committer_submit(struct commit_job *j);

/* Submit j and wait until its batch is durable or lost (for a thread that
 * may block, e.g. a background sweep): returns j->rc. j->done is set here
 * and must not be set by the caller. The committer must run. */
int committer_call(struct commit_job *j);

/* A read answered outside the committer may have seen a batch whose COMMIT
 * returned and whose sync has not (the store syncs apart from its commits:
 * db_syncer_open). Call committer_seen after the read's transaction ended:
 * every batch it could have seen has a number no larger (0: none needs
 * waiting for). committer_wait_durable(j, seen) then returns 0 when those
 * batches are durable already, or never will be (a sync failed: j->rc is
 * then PS_EUNAVAIL) — answer now; committer_durable only asks. Or it
 * returns 1 and queues j, whose done is called once they are (rc 0), or
 * once their sync failed (rc PS_EUNAVAIL). j as for committer_submit,
 * with run NULL and read set. Neither can fail. */
uint64_t committer_seen(void);
int committer_durable(uint64_t seen);
int committer_wait_durable(struct commit_job *j, uint64_t seen);

/* Jobs submitted and not answered yet. Cannot fail. */
int committer_pending(void);

/* Ask the committer to checkpoint its own connection once, between two
 * batches (db_checkpoint). The checkpoint thread asks when a WAL has grown
 * past its bound: a passive checkpoint on another connection never lets the
 * WAL restart while commits follow each other without a pause, as the next
 * commit always comes before the copy is complete; the one writer, between
 * its batches, copies what is left, and its next commit writes from the
 * WAL's start again. A no-op when the committer does not run. Cannot
 * fail. */
void committer_checkpoint_soon(void);

#endif
