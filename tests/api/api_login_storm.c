/* api_login_storm.c — logins do not stall the station (issue 13, TRUST
 * AUTH-9). A login costs ~0.1 s of argon2id; it must run neither inside
 * the one writer nor on the HTTP workers the writes need.
 *
 * The story: 8 clients create incidents (one write and its audit row each)
 * as fast as the server answers, first alone, then while 4 more clients log
 * in continuously with valid passwords. The write rate with the logins must
 * keep a coarse floor of the rate without (here 50 %; the bench, bench/
 * run.sh --only login-storm, measures the ratio against the 0.8 target on a
 * quiet machine). Every write and every login must succeed, and the server
 * must log no argon2id on the writer thread (src/core/crypto.c counts and
 * logs each such call). */
#include "harness.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WRITERS 8
#define LOGGERS 4
#define FLOOR 0.5

/* seconds of each measured window (PRECINCT_STORM_SECONDS overrides) */
static int window_s(void)
{
	const char *e = getenv("PRECINCT_STORM_SECONDS");
	int s = e ? atoi(e) : 0;

	return s > 0 ? s : 3;
}

struct storm {
	const struct server *srv;
	const struct session *desk; /* the writers' session (110 desk) */
	long long station;
	atomic_int stop_writes, stop_logins, pause_logins;
	atomic_long writes, write_errors, logins, login_errors;
	atomic_long last_bad_status;
};

struct worker {
	struct storm *st;
	int n;
	pthread_t t;
};

static size_t discard(char *p, size_t size, size_t n, void *arg)
{
	(void)p;
	(void)arg;
	return size * n;
}

/* One POST on h; the HTTP status (0 when the transfer failed). */
static long post(CURL *h, const char *url, struct curl_slist *hdrs, const char *body)
{
	long status = 0;

	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 60L);
	if (curl_easy_perform(h) != CURLE_OK)
		return 0;
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	return status;
}

static void *writer_main(void *arg)
{
	struct worker *w = arg;
	struct storm *st = w->st;
	CURL *h = curl_easy_init();
	struct curl_slist *hdrs = NULL;
	char url[128], line[256], body[512];

	snprintf(url, sizeof(url), "%s/api/v1/incidents", st->srv->base);
	hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
	snprintf(line, sizeof(line), "Cookie: %s", st->desk->cookie);
	hdrs = curl_slist_append(hdrs, line);
	snprintf(line, sizeof(line), "X-CSRF-Token: %s", st->desk->csrf);
	hdrs = curl_slist_append(hdrs, line);
	for (long i = 0; h && hdrs && !atomic_load(&st->stop_writes); i++) {
		long s;

		/* a place of its own: no duplicate-call check stops it */
		snprintf(body, sizeof(body),
			 "{\"source\":\"110\",\"caller_name\":\"压测\",\"caller_phone\":\"13800000000\","
			 "\"place\":\"压测路%d-%ld号\",\"category\":\"0501\",\"priority\":2,"
			 "\"summary\":\"邻里纠纷，请求出警\",\"station_id\":%lld,\"not_duplicate\":true}",
			 w->n, i, st->station);
		s = post(h, url, hdrs, body);
		if (s == 201 || s == 200) {
			atomic_fetch_add(&st->writes, 1);
		} else {
			atomic_fetch_add(&st->write_errors, 1);
			atomic_store(&st->last_bad_status, s);
		}
	}
	curl_slist_free_all(hdrs);
	curl_easy_cleanup(h);
	return NULL;
}

static const char *const login_users[LOGGERS] = { "minjing1", "minjing2", "fazhi", "neiqin" };
/* their passwords for the storm, hashed by this server at the real cost */
#define STORM_PW "Storm-Login-2026!"
/* argon2id's interactive limits as libsodium writes them in a hash */
#define REAL_COST "$argon2id$v=19$m=65536,t=2,p=1$"

/* The demo county's hashes may have been made at argon2id's minimum cost
 * (the rest of the suite runs with PRECINCT_TEST_PWHASH=min, this story
 * without it): each logging-in account changes its password here, so that
 * the storm's logins cost what they cost in production; the stored
 * parameters are checked. */
static void real_cost_passwords(struct server *srv)
{
	for (int i = 0; i < LOGGERS; i++) {
		struct session *s = login(srv, login_users[i], DEMO_PW);
		struct resp *r = http(srv, s, "POST", "/api/v1/me/password",
				      "{\"old_password\":\"" DEMO_PW "\",\"new_password\":\"" STORM_PW "\"}");
		const char *h;

		if (r->status / 100 != 2)
			fail_msg("%s: password change answered %ld: %s", login_users[i], r->status, r->body);
		h = db_raw_text(srv, srv->db, fmt(srv, "SELECT pw_hash FROM users WHERE username = '%s'", login_users[i]));
		if (!h || strncmp(h, REAL_COST, strlen(REAL_COST)))
			fail_msg("%s: the new hash is not argon2id at the interactive cost: %.40s", login_users[i],
				 h ? h : "(none)");
	}
}

static void *login_main(void *arg)
{
	struct worker *w = arg;
	struct storm *st = w->st;
	CURL *h = curl_easy_init();
	struct curl_slist *hdrs = curl_slist_append(NULL, "Content-Type: application/json");
	char url[128], body[256];

	snprintf(url, sizeof(url), "%s/api/v1/session", st->srv->base);
	snprintf(body, sizeof(body), "{\"username\":\"%s\",\"password\":\"%s\"}",
		 login_users[w->n], STORM_PW);
	while (h && hdrs && !atomic_load(&st->stop_logins)) {
		long s;

		if (atomic_load(&st->pause_logins)) {
			usleep(10000);
			continue;
		}
		s = post(h, url, hdrs, body);

		if (s == 200) {
			atomic_fetch_add(&st->logins, 1);
		} else {
			atomic_fetch_add(&st->login_errors, 1);
			atomic_store(&st->last_bad_status, s);
		}
	}
	curl_slist_free_all(hdrs);
	curl_easy_cleanup(h);
	return NULL;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Writes per second over the next seconds. */
static double write_rate(struct storm *st, int seconds)
{
	long w0 = atomic_load(&st->writes);
	double t0 = now_s(), t1;
	long w1;

	sleep((unsigned)seconds);
	w1 = atomic_load(&st->writes);
	t1 = now_s();
	return (double)(w1 - w0) / (t1 - t0);
}


/* AUTH-9: 4 clients logging in continuously keep >= FLOOR of the write rate
 * of 8 writers, and no argon2id runs on the writer. The machine is shared,
 * so the windows alternate (alone, with logins, alone, with logins) and the
 * sums are compared. */
STORY(login_storm_keeps_the_write_rate)
{
	static struct storm st; /* shared with the threads */
	struct worker writers[WRITERS], loggers[LOGGERS];
	double alone = 0, with_logins = 0;
	long logins_during = 0;
	int secs = window_s();

	memset(&st, 0, sizeof(st));
	st.srv = srv;
	real_cost_passwords(srv);
	st.desk = login(srv, "jiejing", DEMO_PW);
	st.station = unit_id(srv, st.desk, "城关派出所");
	atomic_store(&st.pause_logins, 1);
	for (int i = 0; i < WRITERS; i++) {
		writers[i].st = &st;
		writers[i].n = i;
		assert_int_equal(pthread_create(&writers[i].t, NULL, writer_main, &writers[i]), 0);
	}
	for (int i = 0; i < LOGGERS; i++) {
		loggers[i].st = &st;
		loggers[i].n = i;
		assert_int_equal(pthread_create(&loggers[i].t, NULL, login_main, &loggers[i]), 0);
	}
	sleep(1); /* warm up: connections open, statements cached */
	for (int round = 0; round < 2; round++) {
		long l0;

		alone += write_rate(&st, secs);
		l0 = atomic_load(&st.logins);
		atomic_store(&st.pause_logins, 0);
		sleep(1); /* the logins are in full swing */
		with_logins += write_rate(&st, secs);
		atomic_store(&st.pause_logins, 1);
		sleep(1); /* the logins under way finish */
		/* the logins that ran beside the window: begun after the
		 * pause was lifted, ended by now (a loaded machine's hash may
		 * end in the second after the window) */
		logins_during += atomic_load(&st.logins) - l0;
	}
	atomic_store(&st.stop_writes, 1);
	atomic_store(&st.stop_logins, 1);
	for (int i = 0; i < WRITERS; i++)
		pthread_join(writers[i].t, NULL);
	for (int i = 0; i < LOGGERS; i++)
		pthread_join(loggers[i].t, NULL);

	printf("login storm: %.0f writes/s alone, %.0f writes/s with 4 clients logging in "
	       "(%ld logins in %d s): ratio %.2f (floor %.2f)\n",
	       alone / 2, with_logins / 2, logins_during, 2 * secs,
	       alone > 0 ? with_logins / alone : 0.0, FLOOR);
	fflush(stdout);
	assert_int_equal(atomic_load(&st.write_errors), 0);
	assert_int_equal(atomic_load(&st.login_errors), 0);
	assert_true(alone > 0);
	/* the logins really ran while the rate was measured: at least one in the
	 * two windows (an ASan argon2id check on a loaded machine takes seconds, and
	 * the four checks in flight load the CPU whether they end in the window
	 * or just after it); under ThreadSanitizer at least one in the whole
	 * run, since that copy looks for races, not rates */
	if (getenv("PRECINCT_STORM_NO_FLOOR"))
		assert_true(atomic_load(&st.logins) >= 1);
	else /* one in the two windows: a clean run had a single one under load */
		assert_true(logins_during >= 1);
	/* the ThreadSanitizer copy (tsan_login_storm) looks for races, not rates */
	if (!getenv("PRECINCT_STORM_NO_FLOOR") && with_logins < FLOOR * alone)
		fail_msg("write rate with logins %.0f/s is below %.0f %% of %.0f/s", with_logins / 2,
			 FLOOR * 100, alone / 2);
	if (server_logged(srv, "on the writer thread (AUTH-9)"))
		fail_msg("argon2id ran on the writer thread: see %s", srv->log);
	/* the logins were real: each is audited */
	assert_true(audit_count(srv, login(srv, "auditor", DEMO_PW), "login.success", "minjing1",
				"success") >= 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(login_storm_keeps_the_write_rate, setup_demo,
						teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
