/* offload.h — the CPU-heavy step of a request (argon2id of a login), run
 * off the HTTP workers and off the writer (TRUST AUTH-9).
 *
 * A login costs ~0.1 s of argon2id. Run on an HTTP worker it holds every
 * other connection of that worker (with two workers, four clients logging
 * in stalled the station's writes); run by the one writer it held every
 * write. Here it runs on a pool of low-priority threads (nice 19; the
 * server starts one) that, while writes wait, rest four times as long as a
 * job took before the next (argon2id's 64 MiB evict the writer's caches,
 * which no priority helps):
 * the request's connection stays parked while it waits, the workers go on
 * serving, and the cores and caches go to the requests first. The job
 * carries no database work: its inputs were read by the request's prepare
 * run. */
#ifndef PS_API_OFFLOAD_H
#define PS_API_OFFLOAD_H

struct offload_job {
	/* Set by the submitter: run does the work (on a pool thread, no
	 * database), then done is called on the same thread. done may free
	 * the job. */
	void (*run)(struct offload_job *j);
	void (*done)(struct offload_job *j);
	struct offload_job *next; /* private */
};

/* Start nthreads pool threads (at least 1). writes_waiting (may be NULL:
 * never) says whether the station has writes waiting; only then does a
 * thread rest after a job. PS_ENOMEM when no thread could be made; then
 * offload_running() stays 0 and callers run their work inline. */
int offload_start(int nthreads, int (*writes_waiting)(void));

/* Run every queued job, then stop the threads. Call only when nothing can
 * be submitted any more. A no-op when the pool does not run. */
void offload_stop(void);

/* 1 while the pool runs. Cannot fail. */
int offload_running(void);

/* Queue j (owned by the caller until its done was called). The pool must
 * run. Cannot fail. */
void offload_submit(struct offload_job *j);

/* Jobs submitted and not done yet. Cannot fail. */
int offload_pending(void);

#endif
