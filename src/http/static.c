#include "http/static.h"
#include "http/replies.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* text: the build writes pre-compressed copies (FILE.br, FILE.gz) of
 * these types (web/vite.config.js, precompress), served by negotiation. */
static const struct {
	const char *ext, *type;
	int text;
} types[] = {
	{ ".html", "text/html; charset=utf-8", 1 },
	{ ".js", "text/javascript; charset=utf-8", 1 },
	{ ".mjs", "text/javascript; charset=utf-8", 1 },
	{ ".css", "text/css; charset=utf-8", 1 },
	{ ".json", "application/json; charset=utf-8", 1 },
	{ ".svg", "image/svg+xml", 1 },
	{ ".png", "image/png", 0 },
	{ ".ico", "image/x-icon", 0 },
	{ ".woff", "font/woff", 0 },
	{ ".woff2", "font/woff2", 0 },
	{ ".ttf", "font/ttf", 1 },
	{ ".txt", "text/plain; charset=utf-8", 1 },
};

/* The index in types of a file the build produces, by its extension; -1
 * for any other file (source maps, editor backups, .orig, .sh, and the
 * pre-compressed .br/.gz copies themselves …): not served. */
static int type_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');

	if (dot)
		for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			if (strcmp(dot, types[i].ext) == 0)
				return (int)i;
	return -1;
}

/* The quality the client gives to coding (RFC 9110 12.5.3) in an
 * Accept-Encoding value: its own entry, else "*", else 0. "br;q=0" refuses
 * brotli even when "*" accepts everything. A malformed q counts as 0. */
static double coding_quality(const char *accept, const char *coding)
{
	double own = -1, star = -1;
	const char *p = accept;
	size_t clen = strlen(coding);

	while (p && *p) {
		const char *end = strchr(p, ',');
		const char *tok, *semi;
		size_t n, tlen;
		double q = 1;

		n = end ? (size_t)(end - p) : strlen(p);
		tok = p;
		while (n && (*tok == ' ' || *tok == '\t')) {
			tok++;
			n--;
		}
		semi = memchr(tok, ';', n);
		tlen = semi ? (size_t)(semi - tok) : n;
		while (tlen && (tok[tlen - 1] == ' ' || tok[tlen - 1] == '\t'))
			tlen--;
		if (semi) {
			const char *v = semi + 1;
			char num[8];
			size_t vn;
			char *stop;

			while (v < tok + n && (*v == ' ' || *v == '\t'))
				v++;
			if (v + 2 <= tok + n && (v[0] == 'q' || v[0] == 'Q') && v[1] == '=') {
				v += 2;
				vn = (size_t)(tok + n - v);
				while (vn && (v[vn - 1] == ' ' || v[vn - 1] == '\t'))
					vn--;
				if (vn == 0 || vn >= sizeof(num)) {
					q = 0;
				} else {
					memcpy(num, v, vn);
					num[vn] = '\0';
					q = strtod(num, &stop);
					if (*stop || q < 0 || q > 1)
						q = 0;
				}
			}
		}
		if (tlen == clen && strncasecmp(tok, coding, clen) == 0)
			own = q;
		else if (tlen == 1 && tok[0] == '*')
			star = q;
		p = end ? end + 1 : NULL;
	}
	if (own >= 0)
		return own;
	return star > 0 ? star : 0;
}

/* 1 when a segment of path starts with '.' (.env, .git/config,
 * .well-known/…): the build writes no such file, and a web root that holds
 * one must not hand it out. */
static int has_dot_segment(const char *path)
{
	for (const char *p = path; *p; p++)
		if (p[0] == '/' && p[1] == '.')
			return 1;
	return 0;
}

/* 1 for a path the single-page app routes (index.html answers it): no file
 * extension in its last segment and not under /assets/, which holds only
 * built files. */
static int spa_route(const char *path)
{
	const char *last = strrchr(path, '/');

	if (strncmp(path, "/assets/", 8) == 0 || strcmp(path, "/assets") == 0)
		return 0;
	return !last || !strchr(last, '.');
}

/* Open web_dir + path as a regular file, one segment at a time, following
 * no symbolic link on the way (a link in the web root could lead anywhere
 * on the disk). -1 when absent, not a regular file, or behind a link. */
static int open_file(const char *web_dir, const char *path, struct stat *st)
{
	const char *p = path;
	char seg[256];
	int dir = open(web_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (dir < 0)
		return -1;
	while (*p == '/')
		p++;
	for (;;) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		int next;

		if (n == 0 || n >= sizeof(seg)) {
			close(dir);
			return -1;
		}
		memcpy(seg, p, n);
		seg[n] = '\0';
		next = openat(dir, seg, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (e ? O_DIRECTORY : 0));
		close(dir);
		if (next < 0)
			return -1;
		if (!e) {
			if (fstat(next, st) != 0 || !S_ISREG(st->st_mode)) {
				close(next);
				return -1;
			}
			return next;
		}
		dir = next;
		p = e + 1;
	}
}

/* The pre-compressed copy of serve that the client accepts, best first
 * (brotli, then gzip, by the client's q values): its open fd with *st and
 * *coding set, or -1 (serve the file itself). */
static int open_encoded(struct MHD_Connection *c, const char *web_dir, const char *serve,
			struct stat *st, const char **coding)
{
	static const struct {
		const char *coding, *suffix;
	} codings[] = { { "br", ".br" }, { "gzip", ".gz" } };
	const char *accept = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							 MHD_HTTP_HEADER_ACCEPT_ENCODING);
	double q[2];
	char enc[512];

	if (!accept || strlen(serve) + 4 > sizeof(enc))
		return -1;
	for (int i = 0; i < 2; i++)
		q[i] = coding_quality(accept, codings[i].coding);
	for (int pass = 0; pass < 2; pass++) {
		/* the first pass takes the higher q (brotli on a tie) */
		int i = (q[1] > q[0]) ? 1 - pass : pass;
		int fd;

		if (q[i] <= 0)
			continue;
		snprintf(enc, sizeof(enc), "%s%s", serve, codings[i].suffix);
		fd = open_file(web_dir, enc, st);
		if (fd >= 0) {
			*coding = codings[i].coding;
			return fd;
		}
	}
	return -1;
}

enum MHD_Result static_serve(struct MHD_Connection *c, const char *web_dir,
			     const char *path,
			     void (*add_headers)(struct MHD_Response *))
{
	const char *serve = path;
	const char *type;
	const char *coding = NULL;
	struct MHD_Response *r;
	struct stat st;
	enum MHD_Result ret;
	int fd = -1;
	int t;

	if (!web_dir)
		return replies_error(c, PS_ENOTFOUND, "WEB_NOT_CONFIGURED", "网页界面未配置（serve --web）", add_headers);
	if (has_dot_segment(path))
		return replies_error(c, PS_ENOTFOUND, "NOT_FOUND", "页面或文件不存在", add_headers);
	if (strcmp(path, "/") == 0 || spa_route(path)) {
		serve = "/index.html";
	} else if (type_of(path) < 0) {
		return replies_error(c, PS_ENOTFOUND, "NOT_FOUND", "页面或文件不存在", add_headers);
	}
	t = type_of(serve);
	type = types[t].type;
	fd = open_file(web_dir, serve, &st);
	if (fd >= 0 && types[t].text) {
		/* only beside a file that exists: a stray FILE.gz is not a file */
		struct stat est;
		int efd = open_encoded(c, web_dir, serve, &est, &coding);

		if (efd >= 0) {
			close(fd);
			fd = efd;
			st = est;
		}
	}
	if (fd < 0) {
		if (serve != path)
			return replies_error(c, PS_ENOTFOUND, "WEB_NOT_BUILT", "网页界面尚未构建：请运行 make run", add_headers);
		return replies_error(c, PS_ENOTFOUND, "NOT_FOUND", "页面或文件不存在", add_headers);
	}
	r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
	if (!r) {
		close(fd);
		return MHD_NO;
	}
	add_headers(r);
	MHD_add_response_header(r, "Content-Type", type);
	if (types[t].text)
		MHD_add_response_header(r, "Vary", "Accept-Encoding");
	if (coding)
		MHD_add_response_header(r, "Content-Encoding", coding);
	MHD_add_response_header(r, "Cache-Control",
				strncmp(serve, "/assets/", 8) == 0
					? "public, max-age=31536000, immutable"
					: "no-cache");
	ret = MHD_queue_response(c, 200, r);
	MHD_destroy_response(r);
	return ret;
}
