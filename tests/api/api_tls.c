/* api_tls.c — precinct serve --tls-cert FILE --tls-key FILE (issue 13 "TLS",
 * TRUST API-5): HTTPS with a certificate made for the test by openssl (a
 * fresh self-signed P-256 certificate for 127.0.0.1 in the story's
 * directory; scripts/deps.sh installs openssl), curl trusting exactly that
 * certificate. A login sets a Secure __Host- cookie, every answer carries
 * HSTS, plain HTTP on the TLS port gets no answer, the body watchdog's 408
 * comes through TLS, only TLS 1.2 and 1.3 are spoken (CRY-1), and a bad
 * certificate or key stops the start. */
#include "harness.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void start_tls(struct server *srv, const char *crt, const char *key)
{
	srv->serve_args[0] = "--tls-cert";
	srv->serve_args[1] = crt;
	srv->serve_args[2] = "--tls-key";
	srv->serve_args[3] = key;
	snprintf(srv->cainfo, sizeof(srv->cainfo), "%s", crt);
	server_start(srv);
}

/* Plain HTTP on the port: the bytes a client gets back (NUL-terminated in
 * srv's pool) before the server closes or 5 s pass. */
static const char *plain_http(struct server *srv)
{
	const char *req = fmt(srv, "GET /api/v1/health HTTP/1.1\r\nHost: %s\r\n"
				   "Connection: close\r\n\r\n", srv->host);
	struct sockaddr_in sa;
	char buf[4096];
	size_t len = 0;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	assert_true(fd >= 0);
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)srv->port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(connect(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	(void)send(fd, req, strlen(req), MSG_NOSIGNAL);
	for (;;) {
		struct pollfd pfd = { fd, POLLIN, 0 };
		ssize_t n;

		if (poll(&pfd, 1, 5000) <= 0)
			break;
		n = recv(fd, buf + len, sizeof(buf) - 1 - len, 0);
		if (n <= 0)
			break;
		len += (size_t)n;
		if (len == sizeof(buf) - 1)
			break;
	}
	close(fd);
	buf[len] = '\0';
	return fmt(srv, "%s", buf);
}

STORY(https_login_sets_a_secure_cookie_and_hsts)
{
	const char *crt, *key, *cookie, *plain;
	struct session s;
	struct resp *r;

	server_make_cert(srv, "server", &crt, &key);
	start_tls(srv, crt, key);
	assert_int_equal(strncmp(srv->base, "https://", 8), 0);

	r = login_attempt(srv, "suozhang", DEMO_PW, &s);
	assert_int_equal(r->status, 200);
	cookie = resp_header(srv, r, "Set-Cookie");
	assert_non_null(cookie);
	assert_int_equal(strncmp(cookie, "__Host-precinct_session=", 24), 0);
	assert_non_null(strstr(cookie, "; Secure"));
	assert_non_null(strstr(cookie, "HttpOnly"));
	assert_non_null(strstr(cookie, "SameSite=Strict"));
	assert_non_null(strstr(cookie, "Path=/"));
	assert_string_equal(resp_header(srv, r, "Strict-Transport-Security"),
			    "max-age=31536000; includeSubDomains");
	/* the session works over TLS, and every answer carries HSTS */
	r = http(srv, &s, "GET", "/api/v1/me", NULL);
	assert_int_equal(r->status, 200);
	assert_string_equal(rstr(r, "user.username"), "suozhang");
	assert_non_null(resp_header(srv, r, "Strict-Transport-Security"));
	r = http(srv, NULL, "GET", "/api/v1/nothing-here", NULL);
	assert_int_equal(r->status, 404);
	assert_non_null(resp_header(srv, r, "Strict-Transport-Security"));
	r = http(srv, NULL, "GET", "/", NULL);
	assert_int_equal(r->status, 200);
	assert_non_null(resp_header(srv, r, "Strict-Transport-Security"));
	/* logout over TLS */
	assert_int_equal(http(srv, &s, "DELETE", "/api/v1/session", NULL)->status, 200);
	assert_int_equal(http(srv, &s, "GET", "/api/v1/me", NULL)->status, 401);

	/* plain HTTP on the TLS port: no HTTP answer at all */
	plain = plain_http(srv);
	assert_null(strstr(plain, "HTTP/1.1 200"));
	assert_null(strstr(plain, "\"status\""));
	/* and curl refuses a server it cannot verify (no CA given) */
	srv->cainfo[0] = '\0';
	r = http(srv, NULL, "GET", "/api/v1/health", NULL);
	assert_int_equal(r->status, 0);
	assert_true(r->curl_error[0] != '\0');
}

/* The watchdog answers through the TLS session too: a POST whose body
 * never comes is 408 after 5 s. */
STORY(https_stalled_body_is_408)
{
	const char *crt, *key;
	CURL *h;
	CURLcode code;
	time_t t0;

	server_make_cert(srv, "server", &crt, &key);
	start_tls(srv, crt, key);
	/* an HTTP/1.1 POST announcing 50 bytes, of which none are sent: the
	 * request goes raw over curl's TLS connection (CONNECT_ONLY) */
	h = curl_easy_init();
	assert_non_null(h);
	curl_easy_setopt(h, CURLOPT_URL, srv->base);
	curl_easy_setopt(h, CURLOPT_CAINFO, srv->cainfo);
	curl_easy_setopt(h, CURLOPT_CONNECT_ONLY, 1L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	assert_int_equal(curl_easy_perform(h), CURLE_OK);
	{
		const char *req = fmt(srv, "POST /api/v1/session HTTP/1.1\r\nHost: %s\r\n"
					   "Content-Type: application/json\r\nContent-Length: 50\r\n\r\n",
				      srv->host);
		size_t sent = 0;
		char buf[8192];
		size_t len = 0;

		assert_int_equal(curl_easy_send(h, req, strlen(req), &sent), CURLE_OK);
		assert_int_equal(sent, strlen(req));
		t0 = time(NULL);
		for (;;) {
			size_t n = 0;

			code = curl_easy_recv(h, buf + len, sizeof(buf) - 1 - len, &n);
			if (code == CURLE_AGAIN) {
				if (time(NULL) - t0 > 20)
					break;
				usleep(50 * 1000);
				continue;
			}
			if (code != CURLE_OK || n == 0)
				break;
			len += n;
			if (len == sizeof(buf) - 1)
				break;
		}
		buf[len] = '\0';
		if (strncmp(buf, "HTTP/1.1 408", 12) != 0)
			fail_msg("stalled TLS body: got '%.120s' after %ld s", buf,
				 (long)(time(NULL) - t0));
		/* not before the 5 s; after, as soon as a loaded machine gets to it */
		assert_true(time(NULL) - t0 >= 4 && time(NULL) - t0 <= 15);
		assert_non_null(strstr(buf, "REQUEST_TIMEOUT"));
		assert_non_null(strstr(buf, "Strict-Transport-Security:"));
	}
	curl_easy_cleanup(h);
}

/* A certificate or key that is missing, not PEM, or not a pair stops the
 * start with a message and status 1; half of the pair is a usage error. */
STORY(bad_certificate_or_key_stops_the_start)
{
	const char *crt, *key, *crt2, *key2, *junk = srv_path(srv, "junk.pem");
	struct cli_result r;
	FILE *f = fopen(junk, "w");

	assert_non_null(f);
	fputs("not a key\n", f);
	fclose(f);
	server_make_cert(srv, "one", &crt, &key);
	server_make_cert(srv, "two", &crt2, &key2);

	r = run_cli(srv, "serve", "--db", srv->db, "--listen", "127.0.0.1:0", "--tls-cert", crt,
		    "--tls-key", junk);
	assert_int_equal(r.code, 1);
	assert_non_null(strstr(r.err, "PEM"));
	r = run_cli(srv, "serve", "--db", srv->db, "--listen", "127.0.0.1:0", "--tls-cert", crt,
		    "--tls-key", srv_path(srv, "absent.key"));
	assert_int_equal(r.code, 1);
	assert_non_null(strstr(r.err, "absent.key"));
	r = run_cli(srv, "serve", "--db", srv->db, "--listen", "127.0.0.1:0", "--tls-cert", crt,
		    "--tls-key", key2);
	assert_int_equal(r.code, 1);
	assert_non_null(strstr(r.err, "HTTPS"));
	r = run_cli(srv, "serve", "--db", srv->db, "--listen", "127.0.0.1:0", "--tls-cert", crt);
	assert_int_equal(r.code, 2);
	(void)key;
	(void)crt2;
}

/* The handshake openssl s_client makes with TLS version v ("tls1_1" …),
 * its output in srv's pool. The client is told to offer old protocols
 * (@SECLEVEL=0): the refusal must come from the server. */
static const char *s_client(struct server *srv, const char *v)
{
	const char *out = srv_path(srv, fmt(srv, "s_client-%s.txt", v));
	const char *args[] = { "openssl", "s_client", "-connect",
			       fmt(srv, "127.0.0.1:%d", srv->port), fmt(srv, "-%s", v),
			       "-cipher", "DEFAULT:@SECLEVEL=0", NULL };
	pid_t pid = fork();
	int status;
	FILE *f;
	char buf[16384];
	size_t n;

	if (pid < 0)
		fail_msg("fork: %s", strerror(errno));
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY);
		int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		dup2(in, 0);
		dup2(o, 1);
		dup2(o, 2);
		execvp("openssl", (char *const *)args);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		fail_msg("waitpid: %s", strerror(errno));
	f = fopen(out, "r");
	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return fmt(srv, "%s", buf);
}

/* TRUST CRY-1: TLS 1.2 and 1.3 are accepted, 1.0 and 1.1 refused. */
STORY(only_tls_1_2_and_1_3_are_accepted)
{
	const char *crt, *key;

	server_make_cert(srv, "server", &crt, &key);
	start_tls(srv, crt, key);
	assert_non_null(strstr(s_client(srv, "tls1_3"), "New, TLSv1.3, Cipher is TLS_"));
	assert_non_null(strstr(s_client(srv, "tls1_2"), "New, TLSv1.2, Cipher is ECDHE-"));
	assert_non_null(strstr(s_client(srv, "tls1_1"), "Cipher is (NONE)"));
	assert_non_null(strstr(s_client(srv, "tls1"), "Cipher is (NONE)"));
	/* the server still serves */
	assert_int_equal(http(srv, NULL, "GET", "/api/v1/health", NULL)->status, 200);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(https_login_sets_a_secure_cookie_and_hsts,
						setup_demo_stopped, teardown_server),
		cmocka_unit_test_setup_teardown(https_stalled_body_is_408, setup_demo_stopped,
						teardown_server),
		cmocka_unit_test_setup_teardown(bad_certificate_or_key_stops_the_start,
						setup_demo_stopped, teardown_server),
		cmocka_unit_test_setup_teardown(only_tls_1_2_and_1_3_are_accepted,
						setup_demo_stopped, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
