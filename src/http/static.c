#include "http/static.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const struct {
	const char *ext, *type;
} types[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".mjs", "text/javascript; charset=utf-8" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".json", "application/json; charset=utf-8" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".ico", "image/x-icon" },
	{ ".woff", "font/woff" },
	{ ".woff2", "font/woff2" },
	{ ".ttf", "font/ttf" },
	{ ".txt", "text/plain; charset=utf-8" },
};

/* The type of a file the build produces, by its extension; NULL for any
 * other file (source maps, editor backups, .orig, .sh …): not served. */
static const char *mime(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');

	if (dot)
		for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			if (strcmp(dot, types[i].ext) == 0)
				return types[i].type;
	return NULL;
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

static enum MHD_Result text(struct MHD_Connection *c, unsigned status,
			    const char *msg, void (*add_headers)(struct MHD_Response *))
{
	struct MHD_Response *r = MHD_create_response_from_buffer(
		strlen(msg), (void *)msg, MHD_RESPMEM_PERSISTENT);
	enum MHD_Result ret;

	if (!r)
		return MHD_NO;
	add_headers(r);
	MHD_add_response_header(r, "Content-Type", "text/plain; charset=utf-8");
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
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

enum MHD_Result static_serve(struct MHD_Connection *c, const char *web_dir,
			     const char *path,
			     void (*add_headers)(struct MHD_Response *))
{
	const char *serve = path;
	const char *type;
	struct MHD_Response *r;
	struct stat st;
	enum MHD_Result ret;
	int fd = -1;

	if (!web_dir)
		return text(c, 404, "web UI not configured (--web)", add_headers);
	if (has_dot_segment(path))
		return text(c, 404, "not found", add_headers);
	if (strcmp(path, "/") == 0 || spa_route(path)) {
		serve = "/index.html";
	} else if (!mime(path)) {
		return text(c, 404, "not found", add_headers);
	}
	type = mime(serve);
	fd = open_file(web_dir, serve, &st);
	if (fd < 0) {
		if (serve != path)
			return text(c, 404, "web UI not built: run make run", add_headers);
		return text(c, 404, "not found", add_headers);
	}
	r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
	if (!r) {
		close(fd);
		return MHD_NO;
	}
	add_headers(r);
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control",
				strncmp(serve, "/assets/", 8) == 0
					? "public, max-age=31536000, immutable"
					: "no-cache");
	ret = MHD_queue_response(c, 200, r);
	MHD_destroy_response(r);
	return ret;
}
