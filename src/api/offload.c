/* offload.c — a pool of low-priority threads for the CPU-heavy step of a
 * request (see offload.h). */
#include "api/offload.h"
#include "core/clock.h"
#include "core/mem.h"
#include "core/rc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define OFFLOAD_MAX_THREADS 8
/* the weight of a nice-19 thread is 15 against 1024 for a request's: the
 * hashing takes what the requests leave (AUTH-9) */
#define OFFLOAD_NICE 19
/* rest after a job this many times as long as it ran (see offload_main) */
#define OFFLOAD_REST 4

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_cond = PTHREAD_COND_INITIALIZER;
static struct offload_job *q_head, *q_tail; /* under q_lock */
static pthread_t threads[OFFLOAD_MAX_THREADS];
static int nthreads_running;
static atomic_int running, stopping, jobs_open;
static int (*busy)(void); /* set before the threads start */

/* Sleep ns nanoseconds (at most 1 s), unless the pool is stopping. */
static void pace(int64_t ns)
{
	struct timespec ts;

	if (ns <= 0 || atomic_load(&stopping))
		return;
	if (ns > 1000000000)
		ns = 1000000000;
	ts.tv_sec = (time_t)(ns / 1000000000);
	ts.tv_nsec = (long)(ns % 1000000000);
	nanosleep(&ts, NULL);
}

static void *offload_main(void *arg)
{
	int64_t t0, spent;
	int writes;

	(void)arg;
	/* Linux: the nice value is per thread. (SCHED_IDLE was tried: on a
	 * machine busy with other work it starved logins for seconds; nice 19
	 * still gets ~1.5 % of a contended core, so a login always ends.) */
	setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), OFFLOAD_NICE);
	pthread_mutex_lock(&q_lock);
	for (;;) {
		struct offload_job *j;

		while (!q_head && !atomic_load(&stopping))
			pthread_cond_wait(&q_cond, &q_lock);
		if (!q_head)
			break; /* stopping and drained */
		j = q_head;
		q_head = j->next;
		if (!q_head)
			q_tail = NULL;
		pthread_mutex_unlock(&q_lock);
		/* argon2id maps its 64 MiB while it runs: first give back what
		 * the threads' heaps hold free (~50 MB after a while of writes
		 * and imports, bench/), so the server's peak is what is live
		 * plus one job (the peak-RSS target of issue 14) */
		ps_mem_release();
		t0 = ps_mono_ns();
		j->run(j);
		spent = ps_mono_ns() - t0;
		writes = busy && busy(); /* before done adds the job's own write */
		atomic_fetch_sub(&jobs_open, 1);
		j->done(j); /* j may be gone */
		/* a duty cycle while the station writes: argon2id sweeps 64 MiB
		 * and evicts the caches the writer works in (no priority helps
		 * there); resting four times as long as it worked keeps a
		 * login storm to a fifth of that (AUTH-9: the write rate of 8
		 * writers with 4 clients logging in, bench/login_storm.sh).
		 * With no write waiting there is nothing to protect: no rest. */
		if (writes)
			pace(spent * OFFLOAD_REST);
		pthread_mutex_lock(&q_lock);
	}
	pthread_mutex_unlock(&q_lock);
	return NULL;
}

int offload_start(int nthreads, int (*writes_waiting)(void))
{
	busy = writes_waiting;
	if (nthreads < 1)
		nthreads = 1;
	if (nthreads > OFFLOAD_MAX_THREADS)
		nthreads = OFFLOAD_MAX_THREADS;
	atomic_store(&stopping, 0);
	nthreads_running = 0;
	for (int i = 0; i < nthreads; i++) {
		if (pthread_create(&threads[i], NULL, offload_main, NULL) != 0)
			break;
		nthreads_running++;
	}
	if (!nthreads_running)
		return PS_ENOMEM;
	atomic_store(&running, 1);
	return PS_OK;
}

void offload_stop(void)
{
	if (!atomic_load(&running))
		return;
	pthread_mutex_lock(&q_lock);
	atomic_store(&stopping, 1);
	pthread_cond_broadcast(&q_cond);
	pthread_mutex_unlock(&q_lock);
	for (int i = 0; i < nthreads_running; i++)
		pthread_join(threads[i], NULL);
	nthreads_running = 0;
	atomic_store(&running, 0);
}

int offload_running(void)
{
	return atomic_load(&running);
}

void offload_submit(struct offload_job *j)
{
	j->next = NULL;
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

int offload_pending(void)
{
	return atomic_load(&jobs_open);
}
