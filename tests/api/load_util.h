/* load_util.h — steady writers for the durability stories (issue 13, TRUST
 * DUR-1/DUR-2): N threads, each with its own keep-alive connection, register
 * 110 incidents one after another ("walk-in at <tag>N号") until told to stop.
 * Every request has a number; its answer's status is kept (0: the transfer
 * failed, no answer), so a story can hold the database against the answers:
 * every 2xx is in the database, and (for a clean stop) every row in the
 * database was answered 2xx. The threads touch nothing of struct server. */
#ifndef PS_TEST_LOAD_UTIL_H
#define PS_TEST_LOAD_UTIL_H

#include "harness.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define LOAD_MAX 400000
#define LOAD_WRITERS_MAX 16

struct load {
	char url[96];
	char cookie[200], csrf[120];
	char tag[64];
	int nwriters;
	atomic_int stop;
	atomic_int next;     /* the next request number */
	atomic_int ok;       /* answered 2xx */
	atomic_int failed;   /* transfers without an answer */
	short *status;       /* by request number; -1 = never sent */
	pthread_t th[LOAD_WRITERS_MAX];
};

static inline size_t load_sink(char *p, size_t size, size_t n, void *arg)
{
	(void)p;
	(void)arg;
	return size * n;
}

/* c set for url with the headers h, on loopback, its answers dropped. */
static inline void load_easy(CURL *c, const char *url, struct curl_slist *h)
{
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 30000L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 2000L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, load_sink);
}

static inline void *load_writer(void *arg)
{
	struct load *l = arg;
	struct curl_slist *h = NULL;
	CURL *c = curl_easy_init();
	char body[512];

	if (!c)
		return NULL;
	h = curl_slist_append(h, "Content-Type: application/json");
	h = curl_slist_append(h, "Expect:");
	h = curl_slist_append(h, l->cookie);
	h = curl_slist_append(h, l->csrf);
	load_easy(c, l->url, h);
	while (!atomic_load(&l->stop)) {
		int n = atomic_fetch_add(&l->next, 1);
		long code = 0;

		if (n >= LOAD_MAX)
			break;
		snprintf(body, sizeof(body),
			 "{\"source\":\"110\",\"caller_name\":\"报警人\",\"caller_phone\":\"13912345678\","
			 "\"place\":\"%s%d号\",\"category\":\"0201\",\"summary\":\"负载测试\"}",
			 l->tag, n);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		if (curl_easy_perform(c) == CURLE_OK)
			curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
		l->status[n] = (short)code;
		if (code >= 200 && code <= 299) {
			atomic_fetch_add(&l->ok, 1);
		} else {
			if (!code)
				atomic_fetch_add(&l->failed, 1);
			usleep(20000); /* the server is stopping or gone: do not spin */
		}
	}
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return NULL;
}

/* Start n writers as sess (a dispatcher, e.g. jiejing) against srv. */
static inline struct load *load_start(struct server *srv, const struct session *sess, const char *tag,
			       int n)
{
	struct load *l = calloc(1, sizeof(*l));

	assert_non_null(l);
	assert_true(n >= 1 && n <= LOAD_WRITERS_MAX);
	l->status = malloc(sizeof(short) * LOAD_MAX);
	assert_non_null(l->status);
	memset(l->status, 0xff, sizeof(short) * LOAD_MAX);
	snprintf(l->url, sizeof(l->url), "%s/api/v1/incidents", srv->base);
	snprintf(l->cookie, sizeof(l->cookie), "Cookie: %s", sess->cookie);
	snprintf(l->csrf, sizeof(l->csrf), "X-CSRF-Token: %s", sess->csrf);
	snprintf(l->tag, sizeof(l->tag), "%s", tag);
	l->nwriters = n;
	for (int i = 0; i < n; i++)
		if (pthread_create(&l->th[i], NULL, load_writer, l) != 0)
			fail_msg("pthread_create failed");
	return l;
}

/* Wait (at most timeout_ms) until at least n requests were answered 2xx. */
static inline void load_wait_ok(struct load *l, int n, int timeout_ms)
{
	for (int waited = 0; atomic_load(&l->ok) < n; waited += 10) {
		if (waited >= timeout_ms)
			fail_msg("the writers got only %d answers 2xx in %d ms (wanted %d)",
				 atomic_load(&l->ok), timeout_ms, n);
		usleep(10000);
	}
}

/* Stop and join the writers; the statuses stay readable. */
static inline void load_stop(struct load *l)
{
	atomic_store(&l->stop, 1);
	for (int i = 0; i < l->nwriters; i++)
		pthread_join(l->th[i], NULL);
}

static inline void load_free(struct load *l)
{
	if (!l)
		return;
	free(l->status);
	free(l);
}

/* Hold the database at path against the answers: no request is there
 * twice; with every_row_answered, every row of the tag was answered 2xx (a
 * write that commits is answered). Counts the requests answered 2xx, the
 * rows, and the requests answered 2xx that are not there (missing). */
static inline void load_scan_db(struct load *l, const char *path, int every_row_answered, int *answered,
				int *rows, int *missing)
{
	sqlite3 *db = db_raw_open(path);
	sqlite3_stmt *st;
	char like[80];
	int last = atomic_load(&l->next);
	unsigned char *seen = calloc((size_t)LOAD_MAX, 1);
	size_t tl = strlen(l->tag);

	assert_non_null(seen);
	*answered = *rows = *missing = 0;
	snprintf(like, sizeof(like), "%s%%", l->tag);
	if (sqlite3_prepare_v2(db, "SELECT place FROM incident WHERE place LIKE ?1", -1, &st,
			       NULL) != SQLITE_OK)
		fail_msg("prepare: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, like, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 0);
		int n = atoi(p + tl);

		if (strncmp(p, l->tag, tl) != 0 || n < 0 || n >= LOAD_MAX)
			fail_msg("unexpected place %s", p);
		if (seen[n]++)
			fail_msg("request %d was written twice", n);
		(*rows)++;
		if (every_row_answered && !(l->status[n] >= 200 && l->status[n] <= 299))
			fail_msg("request %d is in the database but was answered %d (0: no answer)", n,
				 l->status[n]);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	for (int n = 0; n < last && n < LOAD_MAX; n++) {
		if (l->status[n] >= 200 && l->status[n] <= 299) {
			(*answered)++;
			if (!seen[n] && !(*missing)++)
				print_message("request %d was answered %d but is not in the database\n", n,
					      l->status[n]);
		}
	}
	free(seen);
}

/* load_scan_db, and every request answered 2xx is in the database. */
static inline void load_check_db(struct load *l, const char *path, int every_row_answered,
			  int *answered, int *rows)
{
	int missing;

	load_scan_db(l, path, every_row_answered, answered, rows, &missing);
	if (missing)
		fail_msg("%d requests answered 2xx are not in the database", missing);
}

static inline int64_t load_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

#endif
