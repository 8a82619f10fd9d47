/* committer.c — the one writer: batches of jobs, one savepoint per job, one
 * transaction and one fsync per batch (see committer.h). */
#include "api/committer.h"
#include "api/api.h"
#include "core/crypto.h"
#include "core/log.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_cond = PTHREAD_COND_INITIALIZER;
static struct commit_job *q_head, *q_tail; /* under q_lock */
static struct db *committer_db;            /* used by the committer thread only */
static pthread_t committer;
static atomic_int running, stopping;
static atomic_int jobs_open; /* submitted and not yet answered */
static atomic_int write_failed;
static atomic_int checkpoint_wanted; /* committer_checkpoint_soon */

void api_write_fail_stop(void)
{
	if (!atomic_exchange(&write_failed, 1))
		log_error("ALERT: a sync of the database failed; the server refuses "
			  "writes (503) until it is restarted and checked");
}

int api_write_failed(void)
{
	return atomic_load(&write_failed);
}

/* ---- test hooks: a store fault and a longer batch, from a file ----
 * With PS_TEST_HOOKS, when PRECINCT_TEST_STORE_FAULT_FILE names a file that
 * exists as a batch is about to be taken, the committer reads it, removes
 * it and arms what it says (one line of words, any order):
 *     at=step|commit  kind=ioerr|full|fsync|drop  n=N  txn=lose|keep  conn=writer|any
 *     gather_ms=M  gather_n=N  match=TEXT (the rest of the line: only
 *     statements containing TEXT count)
 * at/kind/n/txn/conn/match arm db_test_fault_arm (n defaults to 1, txn to
 * lose, conn to writer);
 * gather_ms makes this one batch wait M ms (at most 5000) before it takes
 * the queue, so that concurrent requests land in the same batch; with
 * gather_n it waits instead until N jobs are queued, for at most M ms (at
 * most 60000: a loaded machine's argon2id checks may take seconds). A test
 * knows the file was taken when it is gone. */
#ifdef PS_TEST_HOOKS
/* jobs waiting in the queue */
static int queued(void)
{
	int n = 0;

	pthread_mutex_lock(&q_lock);
	for (const struct commit_job *j = q_head; j; j = j->next)
		n++;
	pthread_mutex_unlock(&q_lock);
	return n;
}

static int test_hooks_poll(void)
{
	static const char *path;
	static int looked;
	char line[256], *save = NULL, *match = NULL;
	int at = 0, kind = DB_FAULT_IOERR, n = 1, lose = 1, any = 0, gather = 0, want = 0;
	FILE *f;

	if (!looked) {
		path = getenv("PRECINCT_TEST_STORE_FAULT_FILE");
		looked = 1;
	}
	if (!path || !*path)
		return 0;
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (!fgets(line, sizeof(line), f))
		line[0] = '\0';
	fclose(f);
	unlink(path);
	line[strcspn(line, "\r\n")] = '\0';
	match = strstr(line, "match=");
	if (match) {
		*match = '\0';
		match += 6;
	}
	for (char *w = strtok_r(line, " \t\r\n", &save); w; w = strtok_r(NULL, " \t\r\n", &save)) {
		if (strcmp(w, "at=step") == 0)
			at = DB_FAULT_STEP;
		else if (strcmp(w, "at=commit") == 0)
			at = DB_FAULT_COMMIT;
		else if (strcmp(w, "kind=ioerr") == 0)
			kind = DB_FAULT_IOERR;
		else if (strcmp(w, "kind=full") == 0)
			kind = DB_FAULT_FULL;
		else if (strcmp(w, "kind=fsync") == 0)
			kind = DB_FAULT_FSYNC;
		else if (strcmp(w, "kind=drop") == 0)
			kind = DB_FAULT_DROP;
		else if (strcmp(w, "txn=keep") == 0)
			lose = 0;
		else if (strcmp(w, "txn=lose") == 0)
			lose = 1;
		else if (strcmp(w, "conn=any") == 0)
			any = 1;
		else if (strcmp(w, "conn=writer") == 0)
			any = 0;
		else if (strncmp(w, "n=", 2) == 0)
			n = atoi(w + 2);
		else if (strncmp(w, "gather_ms=", 10) == 0)
			gather = atoi(w + 10);
		else if (strncmp(w, "gather_n=", 9) == 0)
			want = atoi(w + 9);
		else
			log_warn("test hook: unknown word in %s: %s", path, w);
	}
	log_warn("test hook: store fault at=%d kind=%d n=%d lose=%d gather_ms=%d match=%s", at,
		 kind, n, lose, gather, match ? match : "");
	if (at)
		db_test_fault_arm((enum db_fault_at)at, (enum db_fault_kind)kind, n, lose, any,
				  match);
	if (gather > 0 && want > 0) {
		for (int waited = 0; waited < gather && waited < 60000 && queued() < want; waited += 10)
			usleep(10 * 1000);
	} else if (gather > 0) {
		usleep((useconds_t)(gather > 5000 ? 5000 : gather) * 1000);
	}
	return gather > 0;
}
#endif

/* ---- one batch ---- */

/* The store failed under the batch: nothing of it is kept — unless the
 * store could not tell (its COMMIT's answer lost with the connection:
 * OUTCOME_UNKNOWN, given in store_err), and then each request is told so,
 * never "not saved". */
static void lose_batch(struct commit_job *list, const char *why, const struct ps_err *store_err)
{
	int n = 0, unknown = store_err && store_err->code && !strcmp(store_err->code, "OUTCOME_UNKNOWN");

	db_rollback(committer_db);
	for (struct commit_job *j = list; j; j = j->next, n++) {
		if (unknown) {
			*j->err = *store_err;
			j->rc = store_err->rc;
			continue;
		}
		j->rc = ps_fail(j->err, PS_EUNAVAIL, "STORE_UNAVAILABLE", NULL,
				"%s", ps_rc_message(PS_EUNAVAIL));
	}
	log_error("group commit: a batch of %d request(s) was lost (%s); each is answered 503",
		  n, why);
	if (db_sync_failed(committer_db))
		api_write_fail_stop();
}

/* Run j in its savepoint. 0 while the batch is sound, -1 when it is lost
 * (the outer transaction is gone or a savepoint could not be closed);
 * *why then names the step. */
static int run_one(struct commit_job *j, const char **why)
{
	struct db *db = committer_db;
	struct ps_err e;

	ps_err_clear(&e);
	/* outside a transaction SAVEPOINT would open one, and RELEASE would
	 * commit this job alone */
	if (!db_in_transaction(db)) {
		*why = "transaction gone before SAVEPOINT";
		return -1;
	}
	if (db_savepoint(db, "request", &e)) {
		*why = "SAVEPOINT failed";
		return -1;
	}
	j->rc = j->run(j, db);
	if (j->rc) {
		if (!db_in_transaction(db)) {
			*why = "transaction rolled back by the store during a request";
			return -1;
		}
		if (db_savepoint_rollback(db, "request", &e)) {
			*why = "ROLLBACK TO failed";
			return -1;
		}
		if (j->rolled_back)
			j->rolled_back(j, db);
	}
	if (db_savepoint_release(db, "request", &e)) {
		*why = "RELEASE failed";
		return -1;
	}
	if (!db_in_transaction(db)) {
		*why = "transaction gone after a request";
		return -1;
	}
	return 0;
}

/* One transaction for the batch. On SQLite it may write two files: the
 * main one (changes, the change chain) and the read-audit file (the rows of
 * audited reads, table audit_read: store/db.h). In WAL mode such a commit
 * is atomic per file, not across them: a crash between the two may keep a
 * batch's changes and lose its read rows, or the reverse. Each chain stays
 * whole, and no answer of that batch was sent (answers leave after the
 * commit returned): no answered read lacks its row, at worst a read row
 * records a read whose answer never left. A batch of reads alone commits
 * to the audit file only,
 * leaving the main file's readers their page caches (issue 14). */
static void run_batch(struct commit_job *list)
{
	const char *why = NULL;
	struct ps_err e;
	int rc;

	ps_err_clear(&e);
	rc = db_begin(committer_db, 1, &e);
	if (rc) {
		if (rc == PS_EBUSY) {
			/* another connection held the write lock too long: the
			 * batch never started, answer busy */
			for (struct commit_job *j = list; j; j = j->next) {
				*j->err = e;
				j->rc = rc;
			}
			return;
		}
		lose_batch(list, "BEGIN failed", NULL);
		return;
	}
	for (struct commit_job *j = list; j; j = j->next) {
		if (run_one(j, &why)) {
			lose_batch(list, why, NULL);
			return;
		}
	}
	rc = db_commit(committer_db, &e); /* rolls back on failure */
	if (rc)
		lose_batch(list, "COMMIT failed", &e);
}

/* Between two batches, on request (committer_checkpoint_soon): what the
 * checkpoint thread's last pass left is copied, no transaction open, no
 * other writer, so the WAL is whole in the database unless a reader still
 * holds an older snapshot (then the next request tries again). */
static void checkpoint_now(void)
{
	struct ps_err e;

	if (atomic_load(&write_failed))
		return; /* after a failed sync the files are left as they are */
	ps_err_clear(&e);
	if (db_checkpoint(committer_db, NULL, &e))
		log_warn("group commit: checkpoint between batches failed: %s", e.msg);
}

static void *committer_main(void *arg)
{
	int batch_max = db_batch_max(committer_db);

	(void)arg;
	if (batch_max <= 0 || batch_max > COMMITTER_BATCH_MAX)
		batch_max = COMMITTER_BATCH_MAX;
	crypto_mark_writer_thread(); /* AUTH-9: no argon2id here */
	pthread_mutex_lock(&q_lock);
	for (;;) {
		struct commit_job *list, *j, *next;
		int n = 0, gathered = 0;

		while (!atomic_load(&stopping) && !q_head)
			pthread_cond_wait(&q_cond, &q_lock);
		if (!q_head && atomic_load(&stopping))
			break;
#ifdef PS_TEST_HOOKS
		pthread_mutex_unlock(&q_lock);
		gathered = test_hooks_poll();
		pthread_mutex_lock(&q_lock);
#endif
		/* take what is waiting, up to a batch (and what the store
		 * takes in one transaction: db_batch_max) */
		list = q_head;
		for (j = q_head; j->next && n + 1 < batch_max; j = j->next)
			n++; /* n + 1 jobs taken */
		if (gathered)
			log_warn("test hook: a batch of %d job(s) gathered", n + 1);
		q_head = j->next;
		if (!q_head)
			q_tail = NULL;
		j->next = NULL;
		pthread_mutex_unlock(&q_lock);
		run_batch(list);
		for (j = list; j; j = next) {
			next = j->next;
			j->done(j); /* the job may be gone after this */
			atomic_fetch_sub(&jobs_open, 1);
		}
		if (atomic_exchange(&checkpoint_wanted, 0))
			checkpoint_now();
		pthread_mutex_lock(&q_lock);
	}
	pthread_mutex_unlock(&q_lock);
	return NULL;
}

int committer_start(struct db *db)
{
	committer_db = db;
	atomic_store(&stopping, 0);
	if (pthread_create(&committer, NULL, committer_main, NULL) != 0)
		return PS_ENOMEM;
	atomic_store(&running, 1);
	return PS_OK;
}

void committer_stop(void)
{
	if (!atomic_load(&running))
		return;
	pthread_mutex_lock(&q_lock);
	atomic_store(&stopping, 1);
	pthread_cond_broadcast(&q_cond);
	pthread_mutex_unlock(&q_lock);
	pthread_join(committer, NULL);
	atomic_store(&running, 0);
	committer_db = NULL;
}

int committer_running(void)
{
	return atomic_load(&running);
}

void committer_submit(struct commit_job *j)
{
	j->next = NULL;
	j->rc = PS_OK;
	atomic_fetch_add(&jobs_open, 1);
	pthread_mutex_lock(&q_lock);
	if (q_tail)
		q_tail->next = j;
	else
		q_head = j;
	q_tail = j;
	pthread_cond_signal(&q_cond);
	pthread_mutex_unlock(&q_lock);
}

int committer_pending(void)
{
	return atomic_load(&jobs_open);
}

void committer_checkpoint_soon(void)
{
	if (atomic_load(&running))
		atomic_store(&checkpoint_wanted, 1);
}

/* ---- a synchronous call ---- */

struct call {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int finished;
};

static void call_done(struct commit_job *j)
{
	struct call *c = j->arg;

	pthread_mutex_lock(&c->lock);
	c->finished = 1;
	pthread_cond_signal(&c->cond);
	pthread_mutex_unlock(&c->lock);
}

int committer_call(struct commit_job *j)
{
	struct call c = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0 };

	j->done = call_done;
	j->arg = &c;
	committer_submit(j);
	pthread_mutex_lock(&c.lock);
	while (!c.finished)
		pthread_cond_wait(&c.cond, &c.lock);
	pthread_mutex_unlock(&c.lock);
	pthread_mutex_destroy(&c.lock);
	pthread_cond_destroy(&c.cond);
	return j->rc;
}
