/* committer.c — the one writer: batches of jobs, one savepoint per job, one
 * transaction and one fsync per batch (see committer.h). */
#include "api/committer.h"
#include "api/api.h"
#include "api/write_stop.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/log.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_cond = PTHREAD_COND_INITIALIZER;
static struct commit_job *q_head, *q_tail; /* under q_lock */
static atomic_int q_len;                   /* jobs in it */
static struct db *committer_db;            /* used by the committer thread only */
static pthread_t committer;
static atomic_int running, stopping;
static atomic_int jobs_open; /* submitted and not yet answered */
static atomic_int checkpoint_wanted; /* committer_checkpoint_soon */

/* ---- the sync stage (SQLite: db_syncer) ----
 * Batches are numbered as they begin (seq_begun, before BEGIN: a commit
 * anyone can see has a number no larger than seq_begun at that moment).
 * After its COMMIT returned, a batch's jobs join s_head with their batch's
 * number, and s_committed is that number. The sync thread syncs (one
 * fdatasync a WAL) what had committed when it began, sets s_durable, and
 * answers every job whose number is durable; the committer meanwhile runs
 * the next batch. A read answered outside the committer that could have
 * seen a commit not yet durable waits there too (committer_wait_durable).
 * The next batch runs during the sync only when jobs wait for it and the
 * last batch took at least as long to run as a sync takes (s_sync_us): then
 * the sync ends within the next batch and its jobs are answered a sync
 * earlier. A batch shorter than a sync would end before it, wait for the
 * next sync anyway, and only make batches smaller — each costing a commit
 * and a sync of CPU, which a machine short of CPU pays for in throughput
 * (audited reads, bench/). Then the committer syncs itself, and what
 * arrives meanwhile makes the next batch larger.
 * Without a syncer (PostgreSQL, or its WAL could not be opened) each batch
 * is answered when its COMMIT returns, as that is durable already. */
static struct db_syncer *syncer; /* the committer's and the sync thread's */
static atomic_int syncing;        /* the sync thread runs: for the readers */
static pthread_t sync_thread;
static pthread_mutex_t s_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t s_work = PTHREAD_COND_INITIALIZER; /* the sync thread waits */
static pthread_cond_t s_idle = PTHREAD_COND_INITIALIZER; /* for s_busy to end */
static struct commit_job *s_head, *s_tail; /* under s_lock */
static uint64_t s_committed, s_durable;    /* under s_lock */
static int s_stopping;                     /* under s_lock */
static int s_exited;                       /* under s_lock: the sync thread is done */
static struct ps_err s_failure;            /* under s_lock: the failed sync's, code set once failed */
static int s_busy;                         /* under s_lock: a sync runs */
static int s_idle_waiters;                 /* under s_lock: waiting on s_idle */
static int64_t s_sync_us;                  /* under s_lock: a sync's time (moving average) */
static _Atomic uint64_t seq_begun;

/* ---- test hooks: a store fault and a longer batch, from a file ----
 * With PS_TEST_HOOKS, when PRECINCT_TEST_STORE_FAULT_FILE names a file that
 * exists as a batch is about to be taken, the committer reads it, removes
 * it and arms what it says (one line of words, any order):
 *     at=step|commit  kind=ioerr|full|fsync|drop|drop_unasked  n=N  txn=lose|keep  conn=writer|any
 *     gather_ms=M  gather_n=N  sync_ms=S  match=TEXT (the rest of the
 *     line: only statements containing TEXT count)
 * at/kind/n/txn/conn/match arm db_test_fault_arm (n defaults to 1, txn to
 * lose, conn to writer);
 * gather_ms makes this one batch wait M ms (at most 5000) before it takes
 * the queue, so that concurrent requests land in the same batch; with
 * gather_n it waits instead until N jobs are queued, for at most M ms (at
 * most 60000: a loaded machine's argon2id checks may take seconds);
 * sync_ms makes the sync thread wait S ms (at most 10000) before its next
 * sync (at=sync arms a failed one); sync=skip makes every later sync
 * return at once without syncing — the defect that the power-cut story
 * (TRUST DUR-3) must catch. A test knows the file was taken when it is
 * gone. */
#ifdef PS_TEST_HOOKS
static atomic_int sync_delay_ms;
static atomic_int sync_skipped;

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
		else if (strcmp(w, "kind=drop_unasked") == 0)
			kind = DB_FAULT_DROP_UNASKED;
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
		else if (strncmp(w, "sync_ms=", 8) == 0)
			atomic_store(&sync_delay_ms, atoi(w + 8));
		else if (strcmp(w, "at=sync") == 0)
			at = DB_FAULT_SYNC;
		else if (strcmp(w, "sync=skip") == 0)
			atomic_store(&sync_skipped, 1);
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

static int64_t mono_us(void)
{
	return ps_mono_ns() / 1000;
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
	write_stop_clock_look(committer_db);
	rc = db_begin(committer_db, 1, &e);
	if (!rc)
		write_stop_schema_look(committer_db);
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

	if (api_write_failed() == WRITE_STOP_SYNC)
		return; /* after a failed sync the files are left as they are */
	ps_err_clear(&e);
	if (db_checkpoint(committer_db, NULL, &e))
		log_warn("group commit: checkpoint between batches failed: %s", e.msg);
}

/* Answer one job (it may be gone after this). */
static void answer(struct commit_job *j)
{
	j->done(j);
	atomic_fetch_sub(&jobs_open, 1);
}

/* Under s_lock: j waits for batch seq to be durable. */
static void s_append(struct commit_job *j, uint64_t seq)
{
	j->next = NULL;
	j->seq = seq;
	if (s_tail)
		s_tail->next = j;
	else
		s_head = j;
	s_tail = j;
}

/* Under s_lock: a sync is due, or a job waits whose batch is durable (or
 * can never be). */
static int sync_work(void)
{
	if (!s_head)
		return 0;
	if (s_committed > s_durable || s_failure.code)
		return 1;
	for (const struct commit_job *j = s_head; j; j = j->next)
		if (j->seq <= s_durable)
			return 1;
	return 0;
}

/* A sync failed: what the batches since wrote is committed, and other
 * requests may have read it, but it may not be on disk — nor what any later
 * batch writes: the kernel may have dropped the failed pages, a later
 * fdatasync of the same file then succeeds, and a WAL is read back only up
 * to its first broken frame. So from the failure on nothing is answered as
 * durable until a restart recovers the file: a success is not claimed (nor
 * "nothing saved": it may be there after a restart), and writes stop
 * (DUR-4). A refusal keeps its own answer. */
static void sync_lost(struct commit_job *j, const struct ps_err *e)
{
	if (j->rc)
		return;
	if (j->read) { /* a read: its answer cannot stand */
		j->rc = ps_fail(j->err, PS_EUNAVAIL, "STORE_UNAVAILABLE", NULL, "%s",
				ps_rc_message(PS_EUNAVAIL));
		return;
	}
	j->rc = ps_fail(j->err, PS_EUNAVAIL, "OUTCOME_UNKNOWN", NULL,
			"数据已提交但未能确认写入磁盘（%s），无法确认本次操作是否已保存：请先查询核实，切勿直接重复提交",
			e->msg);
}

/* One round, with s_lock held (released meanwhile): sync what had
 * committed, if any is not durable yet, then answer every job whose batch
 * is durable. One sync at a time: fdatasync of a file another sync has
 * taken the mark of could end before that one, and the commits it covers
 * be taken for durable. */
static void sync_round(void)
{
	struct commit_job *mine = NULL, **tail = &mine, **pp, *j, *next;
	uint64_t target, was;
	struct ps_err e;
	int failed = 0;
	int64_t t0;

	while (s_busy) {
		s_idle_waiters++;
		pthread_cond_wait(&s_idle, &s_lock);
		s_idle_waiters--;
	}
	was = s_durable;
	target = s_committed;
	ps_err_clear(&e);
	if (target > s_durable && !s_failure.code) {
		s_busy = 1;
		pthread_mutex_unlock(&s_lock);
		write_stop_wait_began(WRITE_WAIT_SYNC, mono_us());
#ifdef PS_TEST_HOOKS
		{
			int ms = atomic_exchange(&sync_delay_ms, 0);

			if (ms > 0)
				usleep((useconds_t)(ms > 10000 ? 10000 : ms) * 1000);
		}
#endif
		t0 = mono_us();
#ifdef PS_TEST_HOOKS
		if (atomic_load(&sync_skipped))
			failed = 0;
		else
#endif
			failed = db_syncer_sync(syncer, &e) != PS_OK;
		write_stop_wait_ended(WRITE_WAIT_SYNC, mono_us());
		t0 = mono_us() - t0;
		pthread_mutex_lock(&s_lock);
		s_sync_us += (t0 - s_sync_us) / 8;
		s_busy = 0;
		if (s_idle_waiters)
			pthread_cond_broadcast(&s_idle);
		if (failed) {
			log_error("group commit: %s", e.msg);
			s_failure = e;
		} else {
			s_durable = target;
		}
	}
	failed = s_failure.code != NULL;
	e = s_failure;
	/* take every job whose batch is covered, in order (at the stop, all:
	 * a read may name a batch that never began; after a failure, all) */
	for (pp = &s_head; (j = *pp);) {
		if (j->seq > s_durable && !s_stopping && !failed) {
			pp = &j->next;
			continue;
		}
		*pp = j->next;
		j->next = NULL;
		*tail = j;
		tail = &j->next;
	}
	for (s_tail = s_head; s_tail && s_tail->next; s_tail = s_tail->next)
		;
	if (!mine)
		return;
	pthread_mutex_unlock(&s_lock);
	if (failed)
		api_write_fail_stop();
	for (j = mine; j; j = next) {
		next = j->next;
		if (failed && j->seq > was)
			sync_lost(j, &e);
		answer(j);
	}
	pthread_mutex_lock(&s_lock);
}

static void *sync_main(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&s_lock);
	for (;;) {
		while (!s_stopping && !sync_work())
			pthread_cond_wait(&s_work, &s_lock);
		if (!s_head && s_stopping)
			break;
		sync_round();
	}
	s_exited = 1;
	pthread_mutex_unlock(&s_lock);
	return NULL;
}

/* A batch has ended (seq), having run for ran_us: answer its jobs now, or
 * once durable. */
static void batch_ended(struct commit_job *list, uint64_t seq, int64_t ran_us)
{
	struct commit_job *j, *next;

	if (!syncer) {
		for (j = list; j; j = next) {
			next = j->next;
			answer(j);
		}
		return;
	}
	pthread_mutex_lock(&s_lock);
	for (j = list; j; j = next) {
		next = j->next;
		s_append(j, seq);
	}
	s_committed = seq;
	if (atomic_load(&q_len) > 0 && ran_us >= s_sync_us)
		pthread_cond_signal(&s_work); /* the sync thread's */
	else
		sync_round(); /* here */
	pthread_mutex_unlock(&s_lock);
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
		struct commit_job *list, *j;
		uint64_t seq;
		int64_t t0;
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
		atomic_fetch_sub(&q_len, n + 1);
		j->next = NULL;
		pthread_mutex_unlock(&q_lock);
		seq = atomic_fetch_add(&seq_begun, 1) + 1;
		t0 = mono_us();
		write_stop_wait_began(WRITE_WAIT_BATCH, t0);
		run_batch(list);
		write_stop_wait_ended(WRITE_WAIT_BATCH, mono_us());
		batch_ended(list, seq, mono_us() - t0);
		if (atomic_exchange(&checkpoint_wanted, 0))
			checkpoint_now();
		pthread_mutex_lock(&q_lock);
	}
	pthread_mutex_unlock(&q_lock);
	return NULL;
}

/* Stop the sync thread once it answered every job (the committer has
 * stopped, or never started). */
static void sync_stop(void)
{
	if (!syncer)
		return;
	pthread_mutex_lock(&s_lock);
	s_stopping = 1;
	pthread_cond_signal(&s_work);
	pthread_mutex_unlock(&s_lock);
	pthread_join(sync_thread, NULL);
	atomic_store(&syncing, 0);
	db_syncer_close(syncer);
	syncer = NULL;
}

int committer_start(struct db *db)
{
	struct ps_err e;

	committer_db = db;
	atomic_store(&stopping, 0);
	ps_err_clear(&e);
	if (db_syncer_open(db, &syncer, &e) != PS_OK) {
		log_warn("group commit: each commit syncs itself (%s)", e.msg);
		syncer = NULL;
	}
	if (syncer) {
		s_stopping = 0;
		s_exited = 0;
		if (pthread_create(&sync_thread, NULL, sync_main, NULL) != 0) {
			db_syncer_close(syncer);
			syncer = NULL;
			return PS_ENOMEM;
		}
		atomic_store(&syncing, 1);
	}
	if (pthread_create(&committer, NULL, committer_main, NULL) != 0) {
		sync_stop();
		return PS_ENOMEM;
	}
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
	sync_stop(); /* answers what the last batches committed */
	atomic_store(&running, 0);
	committer_db = NULL;
}

uint64_t committer_seen(void)
{
	return atomic_load(&syncing) ? atomic_load(&seq_begun) : 0;
}

int committer_durable(uint64_t seen)
{
	int yes;

	if (!seen)
		return 1;
	pthread_mutex_lock(&s_lock);
	yes = seen <= s_durable;
	pthread_mutex_unlock(&s_lock);
	return yes;
}

int committer_wait_durable(struct commit_job *j, uint64_t seen)
{
	int waits = 0;

	if (!seen)
		return 0;
	pthread_mutex_lock(&s_lock);
	if (s_failure.code && seen > s_durable) {
		/* it may have seen what the failed sync could not keep */
		j->rc = PS_OK;
		sync_lost(j, &s_failure);
	} else if (seen > s_durable && !s_exited) {
		/* after the sync thread's last round everything committed is
		 * synced */
		j->rc = PS_OK;
		atomic_fetch_add(&jobs_open, 1);
		s_append(j, seen);
		pthread_cond_signal(&s_work);
		waits = 1;
	}
	pthread_mutex_unlock(&s_lock);
	return waits;
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
	atomic_fetch_add(&q_len, 1);
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
