/* login_storm.c — the login storm of TRUST AUTH-9, measured (issue 13).
 *
 *   bin/login_storm --url http://127.0.0.1:PORT --station ID [--seconds 5]
 *                   [--rounds 3] [--password PW] [--desk USER] [--users a,b,c,d]
 *
 * 8 threads create incidents (POST /incidents as the 110 desk, one write
 * and its audit row each) as fast as the server answers; in alternating
 * windows of --seconds, 4 more threads log in continuously with valid
 * passwords (one account each: a login ends the account's older session).
 * Prints one line:
 *   RESULT alone_per_s=A with_logins_per_s=B ratio=B/A logins_per_s=L errors=E
 * The target is ratio >= 0.8 (the rate with no logins and the rate with
 * them, in the same run). Every request is bounded (30 s); a failed write or
 * login counts as an error. */
#include <curl/curl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WRITERS 8
#define LOGGERS 4

static const char *url = "http://127.0.0.1:8080", *password = "Precinct-Demo-2026",
		  *desk = "jiejing";
static const char *users[LOGGERS] = { "minjing1", "minjing2", "fazhi", "neiqin" };
static long long station;
static char cookie[256], csrf[128];
static atomic_int stop_all, pause_logins = 1;
static atomic_long writes, logins, errors;

struct body {
	char text[8192];
	size_t len;
};

static size_t collect(char *p, size_t size, size_t n, void *arg)
{
	struct body *b = arg;
	size_t k = size * n;

	if (b && b->len + k < sizeof(b->text)) {
		memcpy(b->text + b->len, p, k);
		b->len += k;
		b->text[b->len] = '\0';
	}
	return k;
}

static size_t header(char *p, size_t size, size_t n, void *arg)
{
	size_t k = size * n;
	const char *name = "Set-Cookie: precinct_session=";

	(void)arg;
	if (k > strlen(name) && strncasecmp(p, name, strlen(name)) == 0) {
		size_t i = strlen("Set-Cookie: "), j = 0;

		while (i < k && p[i] != ';' && p[i] != '\r' && j + 1 < sizeof(cookie))
			cookie[j++] = p[i++];
		cookie[j] = '\0';
	}
	return k;
}

static long post(CURL *h, const char *path, struct curl_slist *hdrs, const char *data,
		 struct body *b)
{
	char u[512];
	long status = 0;

	snprintf(u, sizeof(u), "%s%s", url, path);
	curl_easy_setopt(h, CURLOPT_URL, u);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(h, CURLOPT_POSTFIELDS, data);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, b);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
	if (b)
		b->len = 0;
	if (curl_easy_perform(h) != CURLE_OK)
		return 0;
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	return status;
}

/* Log the desk in: cookie and CSRF token for the writers. */
static int desk_login(void)
{
	CURL *h = curl_easy_init();
	struct curl_slist *hdrs = curl_slist_append(NULL, "Content-Type: application/json");
	struct body b;
	char data[256];
	const char *p;
	long s;
	size_t j = 0;

	snprintf(data, sizeof(data), "{\"username\":\"%s\",\"password\":\"%s\"}", desk, password);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, header);
	s = post(h, "/api/v1/session", hdrs, data, &b);
	curl_slist_free_all(hdrs);
	curl_easy_cleanup(h);
	p = s == 200 ? strstr(b.text, "\"csrf_token\":\"") : NULL;
	if (!p || !cookie[0]) {
		fprintf(stderr, "login_storm: login as %s failed (%ld)\n", desk, s);
		return -1;
	}
	for (p += strlen("\"csrf_token\":\""); *p && *p != '"' && j + 1 < sizeof(csrf); p++)
		csrf[j++] = *p;
	csrf[j] = '\0';
	return 0;
}

static void *writer_main(void *arg)
{
	long n = (long)(intptr_t)arg;
	CURL *h = curl_easy_init();
	struct curl_slist *hdrs = curl_slist_append(NULL, "Content-Type: application/json");
	char line[512], data[512];

	snprintf(line, sizeof(line), "Cookie: %s", cookie);
	hdrs = curl_slist_append(hdrs, line);
	snprintf(line, sizeof(line), "X-CSRF-Token: %s", csrf);
	hdrs = curl_slist_append(hdrs, line);
	for (long i = 0; !atomic_load(&stop_all); i++) {
		long s;

		snprintf(data, sizeof(data),
			 "{\"source\":\"110\",\"caller_name\":\"压测\",\"caller_phone\":\"13800000000\","
			 "\"place\":\"登录压测路%ld-%ld-%ld号\",\"category\":\"0501\",\"priority\":2,"
			 "\"summary\":\"邻里纠纷，请求出警\",\"station_id\":%lld,\"not_duplicate\":true}",
			 (long)time(NULL) % 100000, n, i, station);
		s = post(h, "/api/v1/incidents", hdrs, data, NULL);
		if (s == 200 || s == 201)
			atomic_fetch_add(&writes, 1);
		else
			atomic_fetch_add(&errors, 1);
	}
	curl_slist_free_all(hdrs);
	curl_easy_cleanup(h);
	return NULL;
}

static void *login_main(void *arg)
{
	long n = (long)(intptr_t)arg;
	CURL *h = curl_easy_init();
	struct curl_slist *hdrs = curl_slist_append(NULL, "Content-Type: application/json");
	char data[256];

	snprintf(data, sizeof(data), "{\"username\":\"%s\",\"password\":\"%s\"}", users[n], password);
	while (!atomic_load(&stop_all)) {
		if (atomic_load(&pause_logins)) {
			usleep(10000);
			continue;
		}
		if (post(h, "/api/v1/session", hdrs, data, NULL) == 200)
			atomic_fetch_add(&logins, 1);
		else
			atomic_fetch_add(&errors, 1);
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

/* Writes (and logins) counted over the next seconds. */
static void window(int seconds, double *w, double *l, double *dt)
{
	long w0 = atomic_load(&writes), l0 = atomic_load(&logins);
	double t0 = now_s();

	sleep((unsigned)seconds);
	*dt += now_s() - t0;
	*w += (double)(atomic_load(&writes) - w0);
	*l += (double)(atomic_load(&logins) - l0);
}

int main(int argc, char **argv)
{
	pthread_t wt[WRITERS], lt[LOGGERS];
	int seconds = 5, rounds = 3;
	double w_alone = 0, w_with = 0, l_alone = 0, l_with = 0, t_alone = 0, t_with = 0;
	static char ulist[512];

	for (int i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--url"))
			url = argv[i + 1];
		else if (!strcmp(argv[i], "--station"))
			station = atoll(argv[i + 1]);
		else if (!strcmp(argv[i], "--seconds"))
			seconds = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--rounds"))
			rounds = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--password"))
			password = argv[i + 1];
		else if (!strcmp(argv[i], "--desk"))
			desk = argv[i + 1];
		else if (!strcmp(argv[i], "--users")) {
			char *save = NULL, *tok;
			int k = 0;

			snprintf(ulist, sizeof(ulist), "%s", argv[i + 1]);
			for (tok = strtok_r(ulist, ",", &save); tok && k < LOGGERS;
			     tok = strtok_r(NULL, ",", &save))
				users[k++] = tok;
		} else {
			fprintf(stderr, "login_storm: unknown option %s\n", argv[i]);
			return 2;
		}
	}
	if (station <= 0 || seconds <= 0 || rounds <= 0) {
		fprintf(stderr, "usage: login_storm --url URL --station ID [--seconds N] [--rounds N]\n");
		return 2;
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (desk_login())
		return 1;
	for (long i = 0; i < WRITERS; i++)
		pthread_create(&wt[i], NULL, writer_main, (void *)(intptr_t)i);
	for (long i = 0; i < LOGGERS; i++)
		pthread_create(&lt[i], NULL, login_main, (void *)(intptr_t)i);
	sleep(1);
	for (int r = 0; r < rounds; r++) {
		window(seconds, &w_alone, &l_alone, &t_alone);
		atomic_store(&pause_logins, 0);
		sleep(1);
		window(seconds, &w_with, &l_with, &t_with);
		atomic_store(&pause_logins, 1);
		sleep(1);
	}
	atomic_store(&stop_all, 1);
	for (int i = 0; i < WRITERS; i++)
		pthread_join(wt[i], NULL);
	for (int i = 0; i < LOGGERS; i++)
		pthread_join(lt[i], NULL);
	printf("RESULT alone_per_s=%.1f with_logins_per_s=%.1f ratio=%.3f logins_per_s=%.2f errors=%ld\n",
	       w_alone / t_alone, w_with / t_with,
	       w_alone > 0 ? (w_with / t_with) / (w_alone / t_alone) : 0.0, l_with / t_with,
	       atomic_load(&errors));
	curl_global_cleanup();
	return 0;
}
