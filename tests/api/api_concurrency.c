/* api_concurrency.c — many writers at once, on either store (issue 14):
 *  - 8 clients register incidents and cases for PRECINCT_CONCURRENCY_SECONDS
 *    (3 s by default; the long run sets 30): every number is unique, every
 *    answered 201 is a row and every row of the run was answered 201, and
 *    the audit chain verifies;
 *  - two approvals of one approval step at the same instant: exactly one
 *    wins, the other is refused, the step is decided once;
 * and on PostgreSQL only (registered when the suite runs there):
 *  - two `precinct serve` on one database behind the repo's nginx config
 *    (deploy/nginx.conf): a session made through one server is valid on the
 *    other, a dispatch made through one is on the board the other serves,
 *    and the two writers' case numbers never collide;
 *  - the two servers restarted one at a time behind it (an upgrade), each
 *    taken out of nginx first: every call registered meanwhile is answered
 *    201, none is lost or saved twice. */
#include "harness.h"
#include "case_util.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_CREATED 20000

struct writer {
	char url[160], cookie[200], csrf[120], body[400];
	char cainfo[320]; /* the CA of an https:// url ("" for http) */
	char failed[240]; /* the first answer that was not 201 */
	int is_case, seq;
	atomic_int *stop;
	int ok, refused;
	char (*numbers)[64]; /* incident_no / case_no of each 201 */
	pthread_t th;
};

static size_t collect(char *p, size_t size, size_t n, void *arg)
{
	struct { char *b; size_t len; } *o = arg;
	size_t k = size * n;
	char *nb = realloc(o->b, o->len + k + 1);

	if (!nb)
		return 0;
	memcpy(nb + o->len, p, k);
	o->len += k;
	nb[o->len] = '\0';
	o->b = nb;
	return k;
}

static void *writer_main(void *arg)
{
	struct writer *w = arg;
	struct curl_slist *h = NULL;
	CURL *c = curl_easy_init();

	if (!c)
		return NULL;
	h = curl_slist_append(h, "Content-Type: application/json");
	h = curl_slist_append(h, "Expect:");
	h = curl_slist_append(h, w->cookie);
	h = curl_slist_append(h, w->csrf);
	curl_easy_setopt(c, CURLOPT_URL, w->url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 30000L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
	if (w->cainfo[0])
		curl_easy_setopt(c, CURLOPT_CAINFO, w->cainfo);
	while (!atomic_load(w->stop) && w->ok < MAX_CREATED) {
		struct { char *b; size_t len; } out = { NULL, 0 };
		long code = 0;
		char inc[400];

		if (!w->is_case) {
			/* a caller and a place of their own: not a duplicate call */
			int n = w->seq * 100000 + w->ok + w->refused;

			snprintf(inc, sizeof(inc),
				 "{\"source\":\"110\",\"caller_name\":\"报警人\",\"caller_phone\":"
				 "\"139%08d\",\"place\":\"并发测试%d号\",\"category\":\"0201\","
				 "\"summary\":\"并发测试\"}",
				 n, n);
			curl_easy_setopt(c, CURLOPT_COPYPOSTFIELDS, inc);
		} else {
			curl_easy_setopt(c, CURLOPT_POSTFIELDS, w->body);
		}
		curl_easy_setopt(c, CURLOPT_WRITEDATA, &out);
		if (curl_easy_perform(c) == CURLE_OK)
			curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
		if (code == 201 && out.b) {
			json_t *j = json_loads(out.b, 0, NULL);
			json_t *no = j ? json_object_get(json_object_get(j, w->is_case ? "case" : "incident"),
							 w->is_case ? "case_no" : "incident_no")
				       : NULL;

			snprintf(w->numbers[w->ok], 64, "%s", json_string_value(no) ? json_string_value(no) : "");
			w->ok++;
			json_decref(j);
		} else {
			if (!w->refused)
				snprintf(w->failed, sizeof(w->failed), "%ld %.200s", code, out.b ? out.b : "");
			w->refused++;
			usleep(10000);
		}
		free(out.b);
	}
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return NULL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(a, b);
}

static int run_seconds(void)
{
	const char *s = getenv("PRECINCT_CONCURRENCY_SECONDS");
	int n = s ? atoi(s) : 0;

	return n > 0 ? n : 3;
}

/* 8 writers over the servers in srvs (round robin): 4 register incidents as
 * jiejing, 4 cases as minjing1; then every check of the story. */
static void eight_writers(struct server **srvs, int nsrv)
{
	struct server *srv = srvs[0];
	struct session *jj = as(srv, "jiejing"), *mj = as(srv, "minjing1");
	long long co = colleague(srv, mj, "张伟");
	long long inc0 = db_raw_int(srv->db, "SELECT COUNT(*) FROM incident", NULL);
	long long case0 = db_raw_int(srv->db, "SELECT COUNT(*) FROM police_case", NULL);
	struct writer w[8];
	atomic_int stop = 0;
	int incidents = 0, cases = 0, total = 0, k = 0;
	char (*all)[64];
	struct cli_result cr;

	memset(w, 0, sizeof(w));
	for (int i = 0; i < 8; i++) {
		struct session *s = i % 2 ? mj : jj;

		w[i].is_case = i % 2;
		w[i].stop = &stop;
		w[i].numbers = calloc(MAX_CREATED, 64);
		assert_non_null(w[i].numbers);
		snprintf(w[i].url, sizeof(w[i].url), "%s/api/v1/%s", srvs[i % nsrv]->base,
			 w[i].is_case ? "cases" : "incidents");
		snprintf(w[i].cookie, sizeof(w[i].cookie), "Cookie: %s", s->cookie);
		snprintf(w[i].csrf, sizeof(w[i].csrf), "X-CSRF-Token: %s", s->csrf);
		if (w[i].is_case)
			snprintf(w[i].body, sizeof(w[i].body),
				 "{\"kind\":\"admin\",\"title\":\"并发测试案\",\"source\":\"walk_in\","
				 "\"act_date\":\"%s\",\"co_officer_id\":%lld}",
				 day_str(srv, -1), co);
		w[i].seq = i;
		if (pthread_create(&w[i].th, NULL, writer_main, &w[i]) != 0)
			fail_msg("pthread_create failed");
	}
	sleep((unsigned)run_seconds());
	atomic_store(&stop, 1);
	for (int i = 0; i < 8; i++) {
		pthread_join(w[i].th, NULL);
		if (w[i].is_case)
			cases += w[i].ok;
		else
			incidents += w[i].ok;
		total += w[i].ok;
	}
	print_message("8 writers on %d server(s), %d s: %d incidents, %d cases\n", nsrv,
		      run_seconds(), incidents, cases);
	assert_true(incidents > 0 && cases > 0);
	/* no refusal: a busy store is waited for, never answered 409/503 */
	for (int i = 0; i < 8; i++)
		assert_int_equal(w[i].refused, 0);
	/* no number twice among the answers */
	all = calloc((size_t)total, 64);
	assert_non_null(all);
	for (int i = 0; i < 8; i++)
		for (int j = 0; j < w[i].ok; j++) {
			assert_true(w[i].numbers[j][0] != '\0');
			memcpy(all[k++], w[i].numbers[j], 64);
		}
	qsort(all, (size_t)total, 64, cmp_str);
	for (int i = 1; i < total; i++)
		if (strcmp(all[i - 1], all[i]) == 0)
			fail_msg("number %s was given twice", all[i]);
	/* no lost row, no row without its answer */
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM incident", NULL) - inc0, incidents);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM police_case", NULL) - case0, cases);
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) - COUNT(DISTINCT case_no) FROM police_case", NULL),
			 0);
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) - COUNT(DISTINCT incident_no) FROM incident", NULL),
			 0);
	/* each create left its audit row, and the chain is one chain */
	assert_true(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = 'case.create'",
			       NULL) >= cases);
	cr = run_cli(srv, "audit", "verify", "--db", srv->db);
	if (cr.code != 0)
		fail_msg("audit verify failed (%d): %s%s", cr.code, cr.out, cr.err);
	for (int i = 0; i < 8; i++)
		free(w[i].numbers);
	free(all);
}

STORY(eight_clients_create_incidents_and_cases)
{
	nsessions = 0; /* as(): sessions of this server only */
	eight_writers(&srv, 1);
}

/* A case waiting for the station chief's approval (one step). */
static long long case_at_chief(struct server *srv)
{
	struct crew c = crew_of(srv);
	long long id, s1;
	struct resp *r;

	id = filed_case(srv, &c, "扰乱公共场所秩序案", 30, 161, &s1);
	r = propose(srv, c.mj1, id, s1, "OF-002", "基本", 1, 0, 0);
	EXPECT(r, 201);
	notice(srv, c.mj1, id, s1, "rights");
	EXPECT(act(srv, c.mj1, id, "submit", NULL), 200);
	return id;
}

/* POST the same approval through each of a and b at the same instant (curl
 * multi: both requests are in flight together); the two statuses. */
static void approve_twice(struct server *a, struct server *b, const struct session *s,
			  long long id, long *st1, long *st2)
{
	CURLM *m = curl_multi_init();
	struct resp r1, r2;
	struct curl_slist *h1 = NULL, *h2 = NULL;
	CURL *e1, *e2;
	int running = 1;
	CURLMsg *msg;
	int left;

	e1 = http_easy(a, s, "POST", fmt(a, API "/cases/%lld/actions/approve", id),
		       "{\"opinion\":\"同意\"}", NULL, &r1, &h1);
	e2 = http_easy(b, s, "POST", fmt(a, API "/cases/%lld/actions/approve", id),
		       "{\"opinion\":\"同意\"}", NULL, &r2, &h2);
	curl_multi_add_handle(m, e1);
	curl_multi_add_handle(m, e2);
	while (running) {
		curl_multi_perform(m, &running);
		if (running)
			curl_multi_poll(m, NULL, 0, 100, NULL);
	}
	while ((msg = curl_multi_info_read(m, &left)) != NULL)
		if (msg->msg == CURLMSG_DONE)
			http_finish(msg->easy_handle, msg->data.result,
				    msg->easy_handle == e1 ? &r1 : &r2);
	*st1 = r1.status;
	*st2 = r2.status;
	curl_multi_remove_handle(m, e1);
	curl_multi_remove_handle(m, e2);
	curl_easy_cleanup(e1);
	curl_easy_cleanup(e2);
	curl_slist_free_all(h1);
	curl_slist_free_all(h2);
	resp_release(&r1);
	resp_release(&r2);
	curl_multi_cleanup(m);
}

static void check_one_approval(struct server *srv, long long id, long st1, long st2)
{
	print_message("two approvals at once: %ld and %ld\n", st1, st2);
	assert_true((st1 == 200 && st2 == 409) || (st1 == 409 && st2 == 200));
	assert_int_equal(db_raw_int(srv->db,
				    fmt(srv, "SELECT COUNT(*) FROM approval WHERE case_id = %lld"
					     " AND status = 'approved'", id),
				    NULL),
			 1);
	assert_int_equal(db_raw_int(srv->db,
				    fmt(srv, "SELECT COUNT(*) FROM audit WHERE action = 'case.approve'"
					     " AND outcome = 'success' AND object_id ="
					     " (SELECT case_no FROM police_case WHERE id = %lld)", id),
				    NULL),
			 1);
	EXPECT_STR(case_get(srv, as(srv, "suozhang"), id), "case.status", "decided");
}

STORY(two_approvals_of_one_step_one_wins)
{
	long st1, st2;

	nsessions = 0;

	for (int round = 0; round < 3; round++) {
		long long id = case_at_chief(srv);

		approve_twice(srv, srv, as(srv, "suozhang"), id, &st1, &st2);
		check_one_approval(srv, id, st1, st2);
	}
}

/* ---- two servers behind nginx (PostgreSQL) ---- */

static int free_port(void)
{
	struct sockaddr_in a;
	socklen_t n = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM, 0), port;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    getsockname(fd, (struct sockaddr *)&a, &n) != 0)
		fail_msg("no free port: %s", strerror(errno));
	port = ntohs(a.sin_port);
	close(fd);
	return port;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *p;
	long n;

	if (!f)
		fail_msg("cannot read %s: %s", path, strerror(errno));
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	p = calloc(1, (size_t)n + 1);
	if (!p || fread(p, 1, (size_t)n, f) != (size_t)n)
		fail_msg("cannot read %s", path);
	fclose(f);
	return p;
}

/* Replace every "from" in s by "to" (a new string). */
static char *replace_all(const char *s, const char *from, const char *to)
{
	size_t nf = strlen(from), nt = strlen(to), cap = strlen(s) * 2 + 4096, o = 0;
	char *out = calloc(1, cap);

	assert_non_null(out);
	while (*s) {
		if (strncmp(s, from, nf) == 0) {
			assert_true(o + nt < cap);
			memcpy(out + o, to, nt);
			o += nt;
			s += nf;
		} else {
			assert_true(o + 1 < cap);
			out[o++] = *s++;
		}
	}
	return out;
}

/* The front: nginx with deploy/nginx.conf, its two upstream ports (a
 * server marked down is left out, as an administrator drains it), its two
 * listen ports — TLS on port, the redirect on plain_port — and its
 * certificate replaced, in a directory of its own, in the foreground. With
 * master, nginx runs a master process, which reloads the file on SIGHUP
 * (its old workers finish what they serve, then go). */
struct front {
	int a_port, b_port, port, plain_port;
	int down_a, down_b, master;
	const char *crt, *key;
};

static void nginx_write_conf(struct server *srv, const struct front *f)
{
	const char *src = getenv("PRECINCT_SRC");
	const char *dir = srv_path(srv, "nginx");
	static const char a_line[] = "server 127.0.0.1:8080 max_fails=3 fail_timeout=5s;";
	static const char b_line[] = "server 127.0.0.1:8081 max_fails=3 fail_timeout=5s;";
	char *conf, *c1, *c2, *c3, *c4, *c5, *c6, *main_conf;

	if (!src)
		fail_msg("PRECINCT_SRC is not set");
	mkdir(dir, 0755);
	conf = slurp(fmt(srv, "%s/deploy/nginx.conf", src));
	if (!strstr(conf, a_line) || !strstr(conf, b_line))
		fail_msg("deploy/nginx.conf no longer lists its servers as this test writes them");
	c1 = replace_all(conf, a_line,
			 fmt(srv, "server 127.0.0.1:%d max_fails=3 fail_timeout=5s%s;", f->a_port,
			     f->down_a ? " down" : ""));
	c2 = replace_all(c1, b_line,
			 fmt(srv, "server 127.0.0.1:%d max_fails=3 fail_timeout=5s%s;", f->b_port,
			     f->down_b ? " down" : ""));
	c3 = replace_all(c2, "listen 443 ssl;", fmt(srv, "listen 127.0.0.1:%d ssl;", f->port));
	c4 = replace_all(c3, "listen 80;", fmt(srv, "listen 127.0.0.1:%d;", f->plain_port));
	c5 = replace_all(c4, "/etc/nginx/precinct/fullchain.pem", f->crt);
	c6 = replace_all(c5, "/etc/nginx/precinct/privkey.pem", f->key);
	/* user root: as root its workers would be nobody, and could not write
	 * a large body into this directory (ignored, with a warning, when the
	 * test does not run as root) */
	main_conf = (char *)fmt(srv,
				"daemon off;\nmaster_process %s;\n%spid %s/nginx.pid;\n"
				"error_log %s/error.log;\nevents { worker_connections 256; }\n"
				"http {\n access_log off;\n client_body_temp_path %s/body;\n"
				" proxy_temp_path %s/proxy;\n fastcgi_temp_path %s/fcgi;\n"
				" uwsgi_temp_path %s/uwsgi;\n scgi_temp_path %s/scgi;\n%s\n}\n",
				f->master ? "on" : "off", f->master && geteuid() == 0 ? "user root;\n" : "",
				dir, dir, dir, dir, dir, dir, dir, c6);
	{
		const char *tmp = fmt(srv, "%s/nginx.conf.tmp", dir);
		FILE *o = fopen(tmp, "w");

		if (!o || fputs(main_conf, o) < 0 || fclose(o) != 0 ||
		    rename(tmp, fmt(srv, "%s/nginx.conf", dir)) != 0)
			fail_msg("cannot write the nginx config");
	}
	free(conf);
	free(c1);
	free(c2);
	free(c3);
	free(c4);
	free(c5);
	free(c6);
}

/* The running nginx (its master's pid), stopped by the teardown of a story
 * that failed before it stopped it itself. */
static pid_t front_pid;

/* Stop nginx: SIGTERM, and its master ends its workers before it exits. */
static void nginx_stop(pid_t pid)
{
	if (pid <= 0)
		return;
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	if (front_pid == pid)
		front_pid = 0;
}

static int teardown_front(void **state)
{
	nginx_stop(front_pid);
	return teardown_server(state);
}

/* Start nginx as f says; its pid (the master's with f->master). */
static pid_t nginx_start(struct server *srv, const struct front *f)
{
	const char *dir = srv_path(srv, "nginx");
	pid_t pid;

	if (access("/usr/sbin/nginx", X_OK) != 0)
		fail_msg("nginx is not installed (scripts/deps.sh installs nginx-light)");
	nginx_write_conf(srv, f);
	pid = fork();
	if (pid == 0) {
		/* its output to a file of its own, and nothing else of the test
		 * held open: a worker outliving its master (killed with the test)
		 * would otherwise keep ctest's pipe open */
		int out = open(fmt(srv, "%s/nginx.out", dir), O_WRONLY | O_CREAT | O_APPEND, 0644);

		if (out < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0)
			_exit(126);
		for (long fd = 3, max = sysconf(_SC_OPEN_MAX); fd < max && fd < 65536; fd++)
			close((int)fd);
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		execl("/usr/sbin/nginx", "nginx", "-p", dir, "-c", fmt(srv, "%s/nginx.conf", dir),
		      (char *)NULL);
		_exit(127);
	}
	front_pid = pid;
	for (int i = 0; i < 200; i++) {
		int fd = socket(AF_INET, SOCK_STREAM, 0);
		struct sockaddr_in a;

		memset(&a, 0, sizeof(a));
		a.sin_family = AF_INET;
		a.sin_port = htons((uint16_t)f->port);
		a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		if (connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0) {
			close(fd);
			return pid;
		}
		close(fd);
		usleep(50000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	fail_msg("nginx did not start: see %s/error.log", dir);
	return 0;
}

STORY(two_servers_behind_nginx_share_sessions_board_and_numbers)
{
	struct server *b = (nsessions = 0, server_twin(srv));
	struct server *srvs[2] = { srv, b };
	int port = free_port(), plain_port = free_port();
	struct front f = { srv->port, b->port, port, plain_port, 0, 0, 0, NULL, NULL };
	const char *crt, *key;
	pid_t ng = (server_make_cert(srv, "nginx", &crt, &key), f.crt = crt, f.key = key,
		    nginx_start(srv, &f));
	struct session *jj = as(srv, "jiejing");
	struct session *mj = as(srv, "minjing1");
	long long cg = unit_id(srv, jj, "城关派出所"), id, mj1, st1, st2;
	struct resp *r;
	struct server front;
	struct crew c;
	long long cs, sus, item;
	long a1, a2;

	/* a session made on A is valid on B */
	r = http(b, jj, "GET", "/api/v1/me", NULL);
	EXPECT(r, 200);
	assert_non_null(strstr(r->body, "\"jiejing\""));
	/* logged out on A: gone on B too */
	{
		struct session *tmp = login(srv, "minjing2", DEMO_PW);

		EXPECT(http(srv, tmp, "DELETE", "/api/v1/session", NULL), 200);
		assert_int_equal(http(b, tmp, "GET", "/api/v1/me", NULL)->status, 401);
	}
	/* a dispatch made through A is on the board B serves */
	mj1 = me_id(srv, mj, NULL);
	r = http(srv, jj, "POST", "/api/v1/incidents",
		 J(srv, "{s:s, s:s, s:s, s:s, s:s, s:s}", "source", "110", "caller_name", "报警人",
		   "caller_phone", "13912345678", "place", "双服务器测试1号", "category", "0201",
		   "summary", "双服务器测试"));
	EXPECT(r, 201);
	id = rnum(r, "incident.id");
	EXPECT(http(srv, jj, "POST", fmt(srv, "/api/v1/incidents/%lld/dispatch", id),
		    J(srv, "{s:I, s:[I]}", "station_id", (json_int_t)cg, "officer_ids",
		      (json_int_t)mj1)),
	       200);
	r = http(b, jj, "GET", "/api/v1/incidents/board", NULL);
	EXPECT(r, 200);
	assert_non_null(strstr(r->body, rstr(http(srv, jj, "GET", fmt(srv, "/api/v1/incidents/%lld", id),
						    NULL),
					       "incident.incident_no")));
	/* an evidence item to attach a file to through the front */
	c = crew_of(srv);
	cs = filed_case(srv, &c, "殴打他人案", 30, 377, &sus);
	r = http(srv, c.mj1, "POST", fmt(srv, "/api/v1/cases/%lld/evidence", cs),
		 "{\"kind\":\"documentary\",\"title\":\"现场照片扫描件\"}");
	EXPECT(r, 201);
	item = rnum(r, "case.evidence.0.id");
	/* the same through nginx: round robin over A and B, one session */
	front = *srv;
	snprintf(front.base, sizeof(front.base), "https://127.0.0.1:%d", port);
	snprintf(front.host, sizeof(front.host), "127.0.0.1:%d", port);
	snprintf(front.cainfo, sizeof(front.cainfo), "%s", crt);
	for (int i = 0; i < 6; i++) {
		r = http(&front, jj, "GET", fmt(&front, "/api/v1/incidents/%lld", id), NULL);
		EXPECT(r, 200);
		EXPECT_STR(r, "incident.status", "dispatched");
	}
	/* what the front sends to the servers and what it answers itself. An
	 * evidence photo of 2 MiB reaches a server (nginx stopped every body
	 * over 1 MiB with its own HTML 413); a JSON body over the servers'
	 * 1 MiB and a file over their 32 MiB are refused by nginx, in the
	 * servers' form (a server refusing one at its headers closed the
	 * connection while nginx was still sending, and nginx took that for a
	 * failed server: 502) */
	{
		size_t big = 2u << 20, huge = 33u << 20;
		char *pdf = malloc(huge + 1);

		assert_non_null(pdf);
		memset(pdf, ' ', huge);
		memcpy(pdf, "%PDF-1.4\n", 9);
		memcpy(pdf + big - 6, "%%EOF\n", 6);
		pdf[big] = '\0';
		r = http(&front, c.mj1, "POST", fmt(&front, "/api/v1/evidence/%lld/attachments?name=scan.pdf", item),
			 pdf, "Content-Type: application/pdf");
		EXPECT(r, 201);
		EXPECT_NUM(r, "attachment.size", (long long)big);
		pdf[big] = ' ';
		memcpy(pdf, "{\"summary\":\"", 12);
		memcpy(pdf + big - 6, "    \"}", 6);
		pdf[big] = '\0';
		r = http(&front, jj, "POST", "/api/v1/incidents", pdf);
		EXPECT_ERR(&front, r, 413, "BODY_TOO_LARGE", NULL);
		assert_non_null(strstr(rstr(r, "error.message"), "1 MiB"));
		pdf[big] = ' ';
		memcpy(pdf + big - 6, "      ", 6);
		memcpy(pdf, "%PDF-1.4\n", 9);
		memcpy(pdf + huge - 6, "%%EOF\n", 6);
		pdf[huge] = '\0';
		r = http(&front, c.mj1, "POST", fmt(&front, "/api/v1/evidence/%lld/attachments?name=big.pdf", item),
			 pdf, "Content-Type: application/pdf");
		EXPECT_ERR(&front, r, 413, "BODY_TOO_LARGE", NULL);
		assert_non_null(strstr(rstr(r, "error.message"), "32 MiB"));
		free(pdf);
	}
	/* plain HTTP only sends the browser to HTTPS: the Secure session
	 * cookie of --secure-cookie is not kept over HTTP */
	{
		struct server plain = front;

		snprintf(plain.base, sizeof(plain.base), "http://127.0.0.1:%d", plain_port);
		plain.cainfo[0] = '\0';
		r = http(&plain, NULL, "GET", "/cases", NULL);
		assert_int_equal(r->status, 301);
		assert_non_null(resp_header(&plain, r, "Location"));
		assert_true(strncmp(resp_header(&plain, r, "Location"), "https://", 8) == 0);
		front.pool = plain.pool;
	}
	srv->pool = front.pool; /* what front's answers allocated, on srv's list */
	/* two approvals of one step, one through each server: one wins */
	st1 = case_at_chief(srv);
	approve_twice(srv, b, as(srv, "suozhang"), st1, &a1, &a2);
	check_one_approval(srv, st1, a1, a2);
	st2 = 0;
	(void)st2;
	/* 8 writers split over the two servers: numbers unique, chain intact */
	eight_writers(srvs, 2);
	nginx_stop(ng);
	b->passed = 1; /* its directory goes; the database is srv's */
	server_free(b);
}

/* An upgrade of a city's servers, one at a time, through the front, as
 * docs/deploy.md §3 tells it: take a server out of nginx (marked down, the
 * file reloaded), stop it once nginx's old workers have gone, start it (the
 * new binary), put it back; then the next. Four 110 desks register calls
 * through the front all along, on kept-alive connections: every call is
 * answered 201, none is lost, none is saved twice. (Stopped without
 * being taken out first, a server may receive a request just as it
 * closes, which then fails: 503 SHUTTING_DOWN, or nginx's 502.) */
STORY(a_rolling_restart_behind_nginx_loses_no_call)
{
	struct server *b = (nsessions = 0, server_twin(srv));
	struct server *srvs[2] = { srv, b };
	struct session *jj = as(srv, "jiejing");
	long long inc0 = db_raw_int(srv->db, "SELECT COUNT(*) FROM incident", NULL);
	struct front f = { srv->port, b->port, free_port(), free_port(), 0, 0, 1, NULL, NULL };
	struct writer w[4];
	atomic_int stop = 0;
	int total = 0, k = 0;
	char (*all)[64];
	pid_t ng;

	server_make_cert(srv, "nginx", &f.crt, &f.key);
	ng = nginx_start(srv, &f);
	memset(w, 0, sizeof(w));
	for (int i = 0; i < 4; i++) {
		w[i].stop = &stop;
		w[i].seq = 10 + i;
		w[i].numbers = calloc(MAX_CREATED, 64);
		assert_non_null(w[i].numbers);
		snprintf(w[i].url, sizeof(w[i].url), "https://127.0.0.1:%d/api/v1/incidents", f.port);
		snprintf(w[i].cainfo, sizeof(w[i].cainfo), "%s", f.crt);
		snprintf(w[i].cookie, sizeof(w[i].cookie), "Cookie: %s", jj->cookie);
		snprintf(w[i].csrf, sizeof(w[i].csrf), "X-CSRF-Token: %s", jj->csrf);
		if (pthread_create(&w[i].th, NULL, writer_main, &w[i]) != 0)
			fail_msg("pthread_create failed");
	}
	sleep(1);
	for (int i = 0; i < 2; i++) {
		struct server *x = srvs[i];
		int *down = i ? &f.down_b : &f.down_a, *xport = i ? &f.b_port : &f.a_port;

		*down = 1; /* out of the front */
		nginx_write_conf(srv, &f);
		assert_int_equal(kill(ng, SIGHUP), 0);
		sleep(2); /* nginx's old workers end what they serve, then go */
		server_stop(x);
		server_start(x); /* the new binary, on a port of its own */
		*xport = x->port;
		*down = 0; /* back into the front */
		nginx_write_conf(srv, &f);
		assert_int_equal(kill(ng, SIGHUP), 0);
		sleep(2);
	}
	atomic_store(&stop, 1);
	for (int i = 0; i < 4; i++) {
		pthread_join(w[i].th, NULL);
		if (w[i].refused)
			fail_msg("desk %d: %d call(s) not answered 201 during the restart, the first: %s", i,
				 w[i].refused, w[i].failed);
		total += w[i].ok;
	}
	print_message("%d calls registered through the front while both servers restarted\n", total);
	assert_true(total > 0);
	all = calloc((size_t)total, 64);
	assert_non_null(all);
	for (int i = 0; i < 4; i++)
		for (int j = 0; j < w[i].ok; j++)
			memcpy(all[k++], w[i].numbers[j], 64);
	qsort(all, (size_t)total, 64, cmp_str);
	for (int i = 1; i < total; i++)
		if (strcmp(all[i - 1], all[i]) == 0)
			fail_msg("number %s was given twice", all[i]);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM incident", NULL) - inc0, total);
	nginx_stop(ng);
	for (int i = 0; i < 4; i++)
		free(w[i].numbers);
	free(all);
	b->passed = 1; /* its directory goes; the database is srv's */
	server_free(b);
}

int main(void)
{
	const struct CMUnitTest both[] = {
		cmocka_unit_test_setup_teardown(eight_clients_create_incidents_and_cases, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(two_approvals_of_one_step_one_wins, setup_demo,
						teardown_server),
	};
	const struct CMUnitTest pg[] = {
		cmocka_unit_test_setup_teardown(two_servers_behind_nginx_share_sessions_board_and_numbers,
						setup_demo, teardown_front),
		cmocka_unit_test_setup_teardown(a_rolling_restart_behind_nginx_loses_no_call, setup_demo,
						teardown_front),
	};
	int rc = cmocka_run_group_tests(both, NULL, NULL);

	if (test_pg_url())
		rc |= cmocka_run_group_tests(pg, NULL, NULL);
	return rc;
}
