/* api_edge.c — the HTTP edge (issue 13 "The HTTP edge", TRUST API-2), each
 * case over a raw TCP socket, byte for byte as a client may send it (curl
 * would fix the request up): headers or a body that stop coming → 408
 * after 5 s (the keep-alive idle timeout is 60 s), a dribbled body → 408
 * after 30 s; a header block over 16 KiB → 431; a request target over
 * 8 KiB → 414; a garbage request line → 400; a declared body over 1 MiB →
 * 413 at once; record ids in one decimal spelling (else 400 BAD_ID); the
 * static handler serves the built web files and nothing else; '%' and '_'
 * in a search match themselves; the client address behind a proxy. Every
 * limit below is written out by hand. */
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
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define KIB 1024
#define MIB (1024 * KIB)

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One raw exchange, as the server answered it. */
struct raw {
	int status;      /* 0: the connection closed with no answer */
	const char *text; /* the whole answer, in srv's pool ("" when none) */
	const char *code; /* error.code of a JSON body, or "" */
	double seconds;  /* from the last byte sent to the end of the answer */
};

static int raw_connect(struct server *srv)
{
	struct sockaddr_in sa;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	assert_true(fd >= 0);
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)srv->port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0)
		fail_msg("connect: %s", strerror(errno));
	return fd;
}

/* Send n bytes (the server may close early: errors are ignored). */
static void raw_send(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n) {
		ssize_t w = send(fd, c, n, MSG_NOSIGNAL);

		if (w <= 0)
			return;
		c += w;
		n -= (size_t)w;
	}
}

/* Read until the server closes (or limit_s passes), parse the answer. */
static struct raw raw_read(struct server *srv, int fd, double sent_at, double limit_s)
{
	size_t cap = 256 * KIB, len = 0;
	char *buf = malloc(cap + 1);
	struct raw r = { 0, "", "", 0 };
	json_t *j;
	const char *body;

	assert_non_null(buf);
	for (;;) {
		struct pollfd pfd = { fd, POLLIN, 0 };
		double left = limit_s - (now_s() - sent_at);
		ssize_t n;

		if (left <= 0 || poll(&pfd, 1, (int)(left * 1000) + 1) <= 0)
			break;
		n = recv(fd, buf + len, cap - len, 0);
		if (n <= 0)
			break;
		len += (size_t)n;
		if (len == cap)
			break;
	}
	r.seconds = now_s() - sent_at;
	close(fd);
	buf[len] = '\0';
	r.text = fmt(srv, "%s", buf);
	if (len >= 12 && strncmp(buf, "HTTP/1.", 7) == 0)
		r.status = atoi(buf + 9);
	body = strstr(buf, "\r\n\r\n");
	if (body && (j = json_loads(body + 4, 0, NULL))) {
		json_t *code = jpath(j, "error.code");

		if (json_is_string(code))
			r.code = fmt(srv, "%s", json_string_value(code));
		json_decref(j);
	}
	free(buf);
	return r;
}

static struct raw raw_exchange(struct server *srv, const void *req, size_t n, double limit_s)
{
	int fd = raw_connect(srv);

	raw_send(fd, req, n);
	return raw_read(srv, fd, now_s(), limit_s);
}

static struct raw raw_str(struct server *srv, const char *req)
{
	return raw_exchange(srv, req, strlen(req), 20);
}

/* A header named "value" of the answer, or NULL. */
static const char *raw_header(struct server *srv, const struct raw *r, const char *name)
{
	const char *h = fmt(srv, "\r\n%s: ", name);
	const char *p = strstr(r->text, h);
	const char *end;

	if (!p)
		return NULL;
	p += strlen(h);
	end = strstr(p, "\r\n");
	return fmt(srv, "%.*s", (int)(end ? end - p : (long)strlen(p)), p);
}

/* ---- 408 ---- */

/* A request that announces a body and stops sending it is answered 408
 * 5 s after its last byte, long before the keep-alive idle timeout (60 s),
 * whether nothing, a part, or an unfinished chunked body came; so is a
 * request whose headers stop coming. The server serves others meanwhile,
 * and a slow body that keeps coming is read as usual. */
STORY(body_that_does_not_arrive_is_408_within_the_body_timeout)
{
	const char *head = fmt(srv,
			       "POST /api/v1/session HTTP/1.1\r\nHost: %s\r\n"
			       "Content-Type: application/json\r\n",
			       srv->host);
	const char *none = fmt(srv, "%sContent-Length: 50\r\n\r\n", head);
	const char *part = fmt(srv, "%sContent-Length: 50\r\n\r\n{\"usernam", head);
	const char *chunked = fmt(srv, "%sTransfer-Encoding: chunked\r\n\r\n5\r\n{\"use\r\n", head);
	const char *headers = fmt(srv, "GET /api/v1/health HTTP/1.1\r\nHost: %s\r\nX-Slow: 1\r\n",
				  srv->host);
	const char *reqs[4] = { none, part, chunked, headers };
	int fds[4];
	double sent;
	struct raw r;
	int fd;

	/* the watchdog answers on the socket before any store is reached:
	 * ~11 s of waiting, run once (as api_http and api_tls are) */
	SQLITE_ONLY(srv, "store-independent (the HTTP edge's body watchdog): run once, on SQLite");

	for (int i = 0; i < 4; i++) {
		fds[i] = raw_connect(srv);
		raw_send(fds[i], reqs[i], strlen(reqs[i]));
	}
	sent = now_s();
	/* the server is not held up by them */
	assert_int_equal(http(srv, NULL, "GET", "/api/v1/health", NULL)->status, 200);
	assert_true(now_s() - sent < 4.5); /* not after their 5 s */
	for (int i = 0; i < 4; i++) {
		r = raw_read(srv, fds[i], sent, 30);
		/* not before 5 s; after, as soon as a loaded machine gets to it */
		if (r.status != 408 || r.seconds < 4.0 || r.seconds > 15.0)
			fail_msg("stalled request %d: status %d after %.1f s (want 408 after 5 s): %s",
				 i, r.status, r.seconds, r.text);
		assert_string_equal(r.code, "REQUEST_TIMEOUT");
		assert_string_equal(raw_header(srv, &r, "Connection"), "close");
		assert_string_equal(raw_header(srv, &r, "X-Content-Type-Options"), "nosniff");
		assert_non_null(raw_header(srv, &r, "Content-Security-Policy"));
		assert_string_equal(raw_header(srv, &r, "Content-Type"),
				    "application/json; charset=utf-8");
	}
	/* a body sent in four parts 2 s apart (6 s in all, but never 5 s
	 * without a byte, with 3 s to spare on a loaded machine) is read and
	 * judged on its content */
	fd = raw_connect(srv);
	raw_send(fd, fmt(srv, "%sContent-Length: 7\r\nConnection: close\r\n\r\n{\"a\"", head),
		 strlen(head) + strlen("Content-Length: 7\r\nConnection: close\r\n\r\n{\"a\""));
	sleep(2);
	raw_send(fd, ":", 1);
	sleep(2);
	raw_send(fd, "1", 1);
	sleep(2);
	raw_send(fd, "}", 1);
	r = raw_read(srv, fd, now_s(), 10);
	assert_int_equal(r.status, 400);
	assert_string_equal(r.code, "UNKNOWN_FIELD");
}

/* A body dribbled one byte every 2 s (never stalled 5 s) is still cut off
 * with 408 30 s after the headers: a slow client does not hold a
 * connection for as long as it likes. */
STORY(dribbled_body_is_408_after_30_s)
{
	const char *req = fmt(srv,
			      "POST /api/v1/session HTTP/1.1\r\nHost: %s\r\n"
			      "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
			      srv->host);
	double sent;
	struct raw r;
	int fd;

	/* the watchdog answers on the socket before any store is reached:
	 * ~30 s of waiting, run once (as api_http and api_tls are) */
	SQLITE_ONLY(srv, "store-independent (the HTTP edge's body watchdog): run once, on SQLite");
	fd = raw_connect(srv);
	raw_send(fd, req, strlen(req));
	sent = now_s();
	for (;;) {
		struct pollfd pfd = { fd, POLLIN, 0 };

		if (poll(&pfd, 1, 2000) > 0 || now_s() - sent > 45)
			break;
		raw_send(fd, " ", 1);
	}
	r = raw_read(srv, fd, sent, 50);
	if (r.status != 408 || r.seconds < 29.0 || r.seconds > 45.0)
		fail_msg("dribbled body: status %d after %.1f s (want 408 after 30 s): %.100s",
			 r.status, r.seconds, r.text);
	assert_string_equal(r.code, "REQUEST_TIMEOUT");
}

/* ---- 431 and 414 ---- */

/* The request "GET /api/v1/health" with one X-Filler header, padded so the
 * request line and header block are exactly total bytes. */
static const char *request_of_size(struct server *srv, size_t total)
{
	const char *fixed = fmt(srv,
				"GET /api/v1/health HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n"
				"X-Filler: \r\n\r\n",
				srv->host);
	size_t pad = total - strlen(fixed);
	char *filler = malloc(pad + 1);
	const char *req;

	assert_non_null(filler);
	memset(filler, 'f', pad);
	filler[pad] = '\0';
	req = fmt(srv,
		  "GET /api/v1/health HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n"
		  "X-Filler: %s\r\n\r\n",
		  srv->host, filler);
	free(filler);
	assert_int_equal(strlen(req), total);
	return req;
}

/* API-2: a header block over 16 KiB is 431 with the JSON error shape, at
 * once, whether it is one long header or many, and whatever its size; up to
 * 16 KiB it is served. */
STORY(header_block_over_16_kib_is_431)
{
	static const size_t over[] = { 16 * KIB + 1, 20 * KIB, 30 * KIB, 36 * KIB - 300,
				       36 * KIB, 40 * KIB, 64 * KIB, 200 * KIB };
	struct raw r;
	const char *many;

	r = raw_str(srv, request_of_size(srv, 16 * KIB));
	assert_int_equal(r.status, 200);
	r = raw_str(srv, request_of_size(srv, 16 * KIB - 1));
	assert_int_equal(r.status, 200);
	for (size_t i = 0; i < sizeof(over) / sizeof(over[0]); i++) {
		r = raw_str(srv, request_of_size(srv, over[i]));
		if (r.status != 431)
			fail_msg("a %zu-byte header block got %d: %.200s", over[i], r.status, r.text);
		assert_true(r.seconds < 4.5); /* at once: not after a 5 s timeout */
		/* our JSON up to ~35.5 KiB; past ~36 KiB (its memory pool)
		 * libmicrohttpd answers 431 itself, with an HTML page */
		if (over[i] <= 36 * KIB - 300)
			assert_string_equal(r.code, "HEADERS_TOO_LARGE");
	}
	/* 20 headers of 900 bytes */
	many = fmt(srv, "GET /api/v1/health HTTP/1.1\r\nHost: %s\r\n", srv->host);
	for (int i = 0; i < 20; i++) {
		char v[901];

		memset(v, 'm', 900);
		v[900] = '\0';
		many = fmt(srv, "%sX-Many-%d: %s\r\n", many, i, v);
	}
	r = raw_str(srv, fmt(srv, "%s\r\n", many));
	assert_int_equal(r.status, 431);
	assert_string_equal(r.code, "HEADERS_TOO_LARGE");
	/* and the server still serves */
	assert_int_equal(http(srv, NULL, "GET", "/api/v1/health", NULL)->status, 200);
}

/* A request target over 8 KiB is 414; 8 KiB exactly is served. */
STORY(request_target_over_8_kib_is_414)
{
	const char *prefix = "/api/v1/health?pad=";
	size_t n = 8 * KIB - strlen(prefix);
	char *pad = malloc(n + 2);
	struct raw r;

	assert_non_null(pad);
	memset(pad, 'p', n + 1);
	pad[n] = '\0';
	r = raw_str(srv, fmt(srv, "GET %s%s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n",
			     prefix, pad, srv->host));
	assert_int_equal(r.status, 200);
	pad[n] = 'p';
	pad[n + 1] = '\0';
	r = raw_str(srv, fmt(srv, "GET %s%s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n",
			     prefix, pad, srv->host));
	assert_int_equal(r.status, 414);
	assert_string_equal(r.code, "URI_TOO_LONG");
	assert_true(r.seconds < 4.5); /* at once: not after a 5 s timeout */
	free(pad);
	/* 100 KiB of path: libmicrohttpd's own 414 */
	pad = malloc(100 * KIB + 1);
	assert_non_null(pad);
	memset(pad, 'q', 100 * KIB);
	pad[100 * KIB] = '\0';
	r = raw_str(srv, fmt(srv, "GET /%s HTTP/1.1\r\nHost: %s\r\n\r\n", pad, srv->host));
	free(pad);
	assert_int_equal(r.status, 414);
}

/* ---- 400 and 413 ---- */

/* A request line that is not HTTP is 400, at once, and the connection is
 * closed (no keep-alive after such a line). */
STORY(garbage_request_line_is_400)
{
	static const char *const garbage[] = {
		"FOO BAR BAZ\r\n\r\n",
		"GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n",
		"GET /\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
		"GET api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
		"GET /api/v1/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
		"\x01\x02\x03 \x04 HTTP/1.1\r\nHost: x\r\n\r\n",
		"get /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n",
		"G{T /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n",
		NULL,
	};
	struct raw r;

	for (int i = 0; garbage[i]; i++) {
		r = raw_str(srv, garbage[i]);
		if (r.status != 400 || r.seconds > 4.5)
			fail_msg("garbage %d got %d after %.1f s: %.120s", i, r.status, r.seconds,
				 r.text);
	}
	/* A line with no space at all: libmicrohttpd 0.9.75 drops the
	 * connection at once without any answer (no hook reaches it; README
	 * "HTTP edge"). It must not hang, and it may not be anything but 400. */
	r = raw_str(srv, "GARBAGE\r\n\r\n");
	assert_true(r.seconds < 4.5); /* at once: not after a 5 s timeout */
	assert_true(r.status == 0 || r.status == 400);
	assert_int_equal(http(srv, NULL, "GET", "/api/v1/health", NULL)->status, 200);
}

/* API-2: a declared body over 1 MiB is 413 before a byte of it is read
 * (not 408 after waiting for it). */
STORY(declared_body_over_1_mib_is_413_at_once)
{
	struct raw r;

	r = raw_str(srv, fmt(srv,
			     "POST /api/v1/session HTTP/1.1\r\nHost: %s\r\n"
			     "Content-Type: application/json\r\nContent-Length: 1048577\r\n\r\n",
			     srv->host));
	assert_int_equal(r.status, 413);
	assert_string_equal(r.code, "BODY_TOO_LARGE");
	assert_true(r.seconds < 4.5); /* at once: not after a 5 s timeout */
	r = raw_str(srv, fmt(srv,
			     "POST /api/v1/session HTTP/1.1\r\nHost: %s\r\n"
			     "Content-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n",
			     srv->host));
	assert_int_equal(r.status, 413);
	assert_true(r.seconds < 4.5); /* at once: not after a 5 s timeout */
}

/* A chunked body past its route's ceiling is 413 with that route's reason:
 * over 1 MiB for a JSON route, over the upload ceiling (32 MiB) for an
 * evidence file — which was told "请求内容超过 1 MiB" when it came chunked. */
STORY(chunked_body_over_its_ceiling_is_413_with_its_reason)
{
	const char *routes[2] = { "/api/v1/session", "/api/v1/evidence/1/attachments?name=a.pdf" };
	const char *reasons[2] = { "请求内容超过 1 MiB", "上传内容超过上限" };
	size_t sizes[2] = { MIB + KIB, 32 * MIB + KIB };

	for (int i = 0; i < 2; i++) {
		const char *head = fmt(srv,
				       "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/octet-stream\r\n"
				       "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n%zx\r\n",
				       routes[i], srv->host, sizes[i]);
		size_t hn = strlen(head), n = hn + sizes[i] + 7;
		char *req = malloc(n);
		struct raw r;

		assert_non_null(req);
		memcpy(req, head, hn);
		memset(req + hn, 'x', sizes[i]);
		memcpy(req + hn + sizes[i], "\r\n0\r\n\r\n", 7);
		r = raw_exchange(srv, req, n, 60);
		free(req);
		assert_int_equal(r.status, 413);
		assert_string_equal(r.code, "BODY_TOO_LARGE");
		if (!strstr(r.text, reasons[i]))
			fail_msg("%s: %.300s", routes[i], r.text);
	}
}

/* ---- strict ids ---- */

/* A record id has one spelling: [1-9][0-9]* within int64. Every other
 * spelling of "1" is 400 BAD_ID (not case 1, not 404); a well-formed id
 * that names no record is 404. */
STORY(ids_are_strict_decimal)
{
	static const char *const bad[] = { "%201", "+1", "01", "1x", "0", "-1", "1%20",
					   "0x1", "1.0", "1e0", "%2B1",
					   "9223372036854775808", "99999999999999999999", NULL };
	struct session *chief = login(srv, "suozhang", DEMO_PW);
	struct resp *list = http(srv, chief, "GET", "/api/v1/cases?per_page=1", NULL);
	long long id = rnum(list, "items.0.id");
	const char *cookie = fmt(srv, "Cookie: %s\r\n", chief->cookie);
	struct raw r;

	assert_int_equal(list->status, 200);
	assert_true(id > 0);
	r = raw_str(srv, fmt(srv, "GET /api/v1/cases/%lld HTTP/1.1\r\nHost: %s\r\n%s"
			     "Connection: close\r\n\r\n", id, srv->host, cookie));
	assert_int_equal(r.status, 200);
	r = raw_str(srv, fmt(srv, "GET /api/v1/cases/9223372036854775807 HTTP/1.1\r\nHost: %s\r\n%s"
			     "Connection: close\r\n\r\n", srv->host, cookie));
	assert_int_equal(r.status, 404);
	for (int i = 0; bad[i]; i++) {
		r = raw_str(srv, fmt(srv, "GET /api/v1/cases/%s HTTP/1.1\r\nHost: %s\r\n%s"
				     "Connection: close\r\n\r\n", bad[i], srv->host, cookie));
		if (r.status != 400 || strcmp(r.code, "BAD_ID") != 0)
			fail_msg("/cases/%s got %d %s", bad[i], r.status, r.code);
	}
	/* the same in a query integer: " 1" and "+1" are not page 1 */
	r = raw_str(srv, fmt(srv, "GET /api/v1/cases?page=%%201 HTTP/1.1\r\nHost: %s\r\n%s"
			     "Connection: close\r\n\r\n", srv->host, cookie));
	assert_int_equal(r.status, 400);
	assert_string_equal(r.code, "INVALID_FIELD");
	r = raw_str(srv, fmt(srv, "GET /api/v1/cases?page=%%2B1 HTTP/1.1\r\nHost: %s\r\n%s"
			     "Connection: close\r\n\r\n", srv->host, cookie));
	assert_int_equal(r.status, 400);
}

/* Bytes that are not text: a parameter or a path that is not UTF-8 is
 * refused (it was taken, and its audit row, append-only, made the read
 * chain's listing and export fail for good); a phone typed in full-width
 * digits is masked by characters (its list answered 503 to every reader);
 * a long text setting is kept whole (it was cut at 255 bytes, inside a
 * character, and the change chain's page with its row failed). */
STORY(bytes_that_are_not_text_are_refused_or_kept_whole)
{
	struct session *chief = login(srv, "suozhang", DEMO_PW), *desk = login(srv, "jiejing", DEMO_PW);
	struct session *admin = login(srv, "admin", DEMO_PW), *aud = login(srv, "auditor", DEMO_PW);
	const char *cookie = fmt(srv, "Cookie: %s\r\n", chief->cookie);
	long long cg = db_raw_int(srv->db, "SELECT id FROM org_unit WHERE name = ?1", "城关派出所");
	struct raw r;
	struct resp *a;
	char guide[3 * 300 + 1];

	r = raw_str(srv, fmt(srv, "GET /api/v1/persons?name=%%E5%%BC%%A0%%FF HTTP/1.1\r\nHost: %s\r\n%s"
			     "Connection: close\r\n\r\n", srv->host, cookie));
	assert_int_equal(r.status, 400);
	assert_string_equal(r.code, "BAD_QUERY");
	r = raw_str(srv, fmt(srv, "GET /api/v1/persons/%%FF HTTP/1.1\r\nHost: %s\r\n%s"
			     "Connection: close\r\n\r\n", srv->host, cookie));
	assert_int_equal(r.status, 400);
	assert_string_equal(r.code, "BAD_PATH");

	a = http(srv, desk, "POST", "/api/v1/incidents",
		 "{\"source\":\"110\",\"place\":\"南街口\",\"category\":\"0201\",\"summary\":\"有人打架\","
		 "\"caller_phone\":\"１３８００００２２２２\"}");
	assert_int_equal(a->status, 201);
	a = http(srv, desk, "GET", "/api/v1/incidents?q=%E5%8D%97%E8%A1%97%E5%8F%A3", NULL);
	assert_int_equal(a->status, 200);
	assert_non_null(strstr(a->body, "\"138****2222\""));
	a = http(srv, chief, "GET", "/api/v1/incidents", NULL);
	assert_int_equal(a->status, 200);
	/* a place of punctuation alone names no place: its field, not a 409 */
	a = http(srv, desk, "POST", "/api/v1/incidents",
		 "{\"source\":\"110\",\"place\":\"？！。 \",\"category\":\"0201\",\"summary\":\"有人打架\"}");
	assert_int_equal(a->status, 400);
	assert_string_equal(rstr(a, "error.field"), "place");

	for (int i = 0; i < 300; i++)
		memcpy(guide + 3 * i, "警", 3);
	guide[900] = '\0';
	a = http(srv, admin, "PUT", "/api/v1/settings/station.service_guide",
		 fmt(srv, "{\"value\":\"%s\",\"unit_id\":%lld}", guide, cg));
	assert_int_equal(a->status, 200);
	assert_string_equal(rstr(a, "setting.value"), guide);
	assert_int_equal(db_raw_int(srv->db, "SELECT length(value) FROM setting WHERE skey = ?1 AND unit_id IS NOT NULL",
				    "station.service_guide"),
			 300);
	assert_int_equal(http(srv, aud, "GET", "/api/v1/audit", NULL)->status, 200);
	assert_int_equal(http(srv, aud, "GET", "/api/v1/audit?chain=read", NULL)->status, 200);
	/* a text setting of a form holds that form */
	assert_int_equal(http(srv, admin, "PUT", "/api/v1/settings/duty.shift_start", "{\"value\":\"25:99\"}")->status,
			 400);
	assert_int_equal(http(srv, admin, "PUT", "/api/v1/settings/duty.shift_start", "{\"value\":\" 8:30\"}")->status,
			 400);
	assert_int_equal(http(srv, admin, "PUT", "/api/v1/settings/duty.shift_start", "{\"value\":\"08:30\"}")->status,
			 200);
	assert_int_equal(
		http(srv, admin, "PUT", "/api/v1/settings/community.removal_approver", "{\"value\":\"nobody\"}")->status,
		400);
	assert_int_equal(
		http(srv, admin, "PUT", "/api/v1/settings/safe_area.burglary_categories", "{\"value\":\"0101,zz\"}")->status,
		400);
	assert_int_equal(
		http(srv, admin, "PUT", "/api/v1/settings/safe_area.burglary_categories", "{\"value\":\"0101\"}")->status,
		200);

	/* a required text of spaces says nothing: refused by its field, like
	 * an empty one (a complaint of blanks started its clocks) */
	a = http(srv, NULL, "POST", "/api/v1/public/complaints",
		 fmt(srv, "{\"station_id\":%lld,\"content\":\"   \u3000  \",\"contact_phone\":\"13800001111\"}", cg));
	assert_int_equal(a->status, 400);
	assert_string_equal(rstr(a, "error.field"), "content");
	a = http(srv, chief, "POST", "/api/v1/cases",
		 "{\"kind\":\"admin\",\"title\":\"   \",\"source\":\"walk_in\",\"act_date\":\"2026-12-01\"}");
	assert_int_equal(a->status, 400);
	assert_string_equal(rstr(a, "error.field"), "title");
}

/* ---- static files ---- */

static void put(struct server *srv, const char *rel, const char *text)
{
	const char *path = fmt(srv, "%s/%s", srv->web, rel);
	FILE *f = fopen(path, "w");

	if (!f)
		fail_msg("create %s: %s", path, strerror(errno));
	fputs(text, f);
	fclose(f);
}

static struct raw get_path(struct server *srv, const char *path)
{
	return raw_str(srv, fmt(srv, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n",
				path, srv->host));
}

/* The static handler serves the built web files and nothing else: no
 * dotfile or dot-directory, no source map or stray file type, no directory,
 * nothing reached through a symbolic link, nothing outside; an unknown path
 * without an extension is a route of the single-page app (index.html). */
STORY(static_handler_serves_only_built_files)
{
	static const char *const refused[] = {
		"/.env", "/.git/config", "/.git/", "/assets/.hidden.js", "/%2eenv",
		"/assets/app.js.map", "/notes.bak", "/build.sh", "/assets/", "/assets",
		"/assets/missing.js", "/assets/nested", "/favicon.svg", "/linked.js",
		"/outside/secret.js", NULL,
	};
	const char *outside = fmt(srv, "%s/outside", srv->dir);
	struct raw r;

	assert_int_equal(mkdir(fmt(srv, "%s/.git", srv->web), 0700), 0);
	assert_int_equal(mkdir(fmt(srv, "%s/assets", srv->web), 0700), 0);
	assert_int_equal(mkdir(fmt(srv, "%s/assets/nested", srv->web), 0700), 0);
	assert_int_equal(mkdir(outside, 0700), 0);
	put(srv, ".env", "SECRET=1\n");
	put(srv, ".git/config", "[core]\n");
	put(srv, "assets/.hidden.js", "hidden\n");
	put(srv, "assets/app.js", "console.log('built')\n");
	put(srv, "assets/app.js.map", "{\"version\":3}\n");
	put(srv, "notes.bak", "backup\n");
	put(srv, "build.sh", "#!/bin/sh\n");
	put(srv, "../outside/secret.js", "secret\n");
	assert_int_equal(symlink(fmt(srv, "%s/secret.js", outside),
				 fmt(srv, "%s/linked.js", srv->web)), 0);
	assert_int_equal(symlink(outside, fmt(srv, "%s/outside", srv->web)), 0);

	for (int i = 0; refused[i]; i++) {
		r = get_path(srv, refused[i]);
		if (r.status != 404 && r.status != 400)
			fail_msg("%s got %d: %.200s", refused[i], r.status, r.text);
		assert_null(strstr(r.text, "SECRET"));
		assert_null(strstr(r.text, "secret"));
		assert_null(strstr(r.text, "test shell"));
	}
	r = get_path(srv, "/assets/../.env");
	assert_int_equal(r.status, 400);
	r = get_path(srv, "/assets/app.js");
	assert_int_equal(r.status, 200);
	assert_string_equal(raw_header(srv, &r, "Content-Type"), "text/javascript; charset=utf-8");
	assert_non_null(strstr(r.text, "console.log('built')"));
	/* routes of the app: the shell */
	for (int i = 0; i < 4; i++) {
		static const char *const routes[] = { "/", "/cases/12", "/login", "/population/rentals/" };

		r = get_path(srv, routes[i]);
		assert_int_equal(r.status, 200);
		assert_non_null(strstr(r.text, "test shell"));
		assert_string_equal(raw_header(srv, &r, "Content-Type"), "text/html; charset=utf-8");
	}
}

/* ---- LIKE ---- */

/* '%' and '_' in a search are the characters themselves, not wildcards:
 * "甲_乙" does not find "甲%乙", "丙%丁" does not find "丙_丁". */
STORY(search_wildcards_match_literally)
{
	struct session *admin = login(srv, "admin", DEMO_PW);
	long long cg = unit_id(srv, admin, "城关派出所");
	static const struct {
		const char *q; /* URL-encoded */
		long long total;
	} cases[] = {
		{ "%E7%94%B2%25%E4%B9%99", 1 }, /* 甲%乙 */
		{ "%25%E4%B9%99", 1 },          /* %乙 */
		{ "%E7%94%B2_%E4%B9%99", 0 },   /* 甲_乙 */
		{ "%E4%B8%99_%E4%B8%81", 1 },   /* 丙_丁 */
		{ "%E4%B8%99%25%E4%B8%81", 0 }, /* 丙%丁 */
		{ "%E4%B8%99%25", 0 },          /* 丙% */
		{ "%25%25", 0 },                /* %% */
	};

	for (int i = 0; i < 2; i++) {
		json_t *b = json_pack("{s:s, s:s, s:s, s:I, s:s}", "username",
				      i ? "literal.two" : "literal.one", "name", i ? "丙_丁" : "甲%乙",
				      "role", "officer", "unit_id", (json_int_t)cg, "password",
				      "Kaishi#Gongzuo-2026");
		char *s = json_dumps(b, JSON_COMPACT);
		struct resp *r = http(srv, admin, "POST", "/api/v1/users", fmt(srv, "%s", s));

		json_mem_free(s);
		json_decref(b);
		assert_int_equal(r->status, 201);
	}
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct resp *r = http(srv, admin, "GET", fmt(srv, "/api/v1/users?q=%s", cases[i].q),
				      NULL);

		assert_int_equal(r->status, 200);
		if (rnum(r, "total") != cases[i].total)
			fail_msg("q=%s found %lld, want %lld", cases[i].q, rnum(r, "total"),
				 cases[i].total);
	}
}

/* ---- the client address behind a proxy ---- */

static const char *last_login_ip(struct server *srv, const char *user)
{
	return db_raw_text(srv, srv->db,
			   fmt(srv, "SELECT client_ip FROM audit WHERE action = 'login.success'"
				    " AND username = '%s' ORDER BY id DESC LIMIT 1", user));
}

/* Without --trust-proxy a client's X-Forwarded-For is ignored (the audit
 * keeps the socket's address); with it, the last entry — the one the
 * proxy wrote — is the client address, and a malformed one is ignored. */
STORY(trust_proxy_takes_the_address_the_proxy_wrote)
{
	struct session s;

	server_start(srv);
	assert_int_equal(http(srv, NULL, "POST", "/api/v1/session",
			      "{\"username\":\"suozhang\",\"password\":\"" DEMO_PW "\"}",
			      "X-Forwarded-For: 198.51.100.7")
				 ->status,
			 200);
	server_stop(srv);
	assert_string_equal(last_login_ip(srv, "suozhang"), "127.0.0.1");

	srv->serve_args[0] = "--trust-proxy";
	server_start(srv);
	assert_int_equal(http(srv, NULL, "POST", "/api/v1/session",
			      "{\"username\":\"jiejing\",\"password\":\"" DEMO_PW "\"}",
			      "X-Forwarded-For: 203.0.113.9, 198.51.100.7")
				 ->status,
			 200);
	assert_int_equal(http(srv, NULL, "POST", "/api/v1/session",
			      "{\"username\":\"neiqin\",\"password\":\"" DEMO_PW "\"}",
			      "X-Forwarded-For: 198.51.100.7, not-an-address")
				 ->status,
			 200);
	assert_int_equal(login_attempt(srv, "suozhang", DEMO_PW, &s)->status, 200);
	server_stop(srv);
	assert_string_equal(last_login_ip(srv, "jiejing"), "198.51.100.7");
	assert_string_equal(last_login_ip(srv, "neiqin"), "127.0.0.1");
	assert_string_equal(last_login_ip(srv, "suozhang"), "127.0.0.1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(body_that_does_not_arrive_is_408_within_the_body_timeout,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(dribbled_body_is_408_after_30_s, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(header_block_over_16_kib_is_431, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(request_target_over_8_kib_is_414, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(garbage_request_line_is_400, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(chunked_body_over_its_ceiling_is_413_with_its_reason, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(declared_body_over_1_mib_is_413_at_once, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(ids_are_strict_decimal, setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(bytes_that_are_not_text_are_refused_or_kept_whole, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(static_handler_serves_only_built_files, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(search_wildcards_match_literally, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(trust_proxy_takes_the_address_the_proxy_wrote,
						setup_demo_stopped, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
