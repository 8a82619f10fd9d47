#include "http/static.h"

#include <fcntl.h>
#include <stdio.h>
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

static const char *mime(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot && !strchr(dot, '/'))
		for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			if (strcmp(dot, types[i].ext) == 0)
				return types[i].type;
	return "application/octet-stream";
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

static int open_file(const char *web_dir, const char *path, struct stat *st)
{
	char full[4096];
	int fd, n;

	n = snprintf(full, sizeof(full), "%s%s", web_dir, path);
	if (n < 0 || (size_t)n >= sizeof(full))
		return -1;
	fd = open(full, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return -1;
	if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
		close(fd);
		return -1;
	}
	return fd;
}

enum MHD_Result static_serve(struct MHD_Connection *c, const char *web_dir,
			     const char *path,
			     void (*add_headers)(struct MHD_Response *))
{
	const char *last = strrchr(path, '/');
	const char *serve = path;
	struct MHD_Response *r;
	struct stat st;
	enum MHD_Result ret;
	int fd = -1;

	if (!web_dir)
		return text(c, 404, "web UI not configured (--web)", add_headers);
	if (strcmp(path, "/") != 0)
		fd = open_file(web_dir, path, &st);
	if (fd < 0) {
		if (last && strchr(last, '.') && strcmp(path, "/") != 0)
			return text(c, 404, "not found", add_headers);
		serve = "/index.html";
		fd = open_file(web_dir, serve, &st);
		if (fd < 0)
			return text(c, 404, "web UI not built: run make run", add_headers);
	}
	r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
	if (!r) {
		close(fd);
		return MHD_NO;
	}
	add_headers(r);
	MHD_add_response_header(r, "Content-Type", mime(serve));
	MHD_add_response_header(r, "Cache-Control",
				strncmp(serve, "/assets/", 8) == 0
					? "public, max-age=31536000, immutable"
					: "no-cache");
	ret = MHD_queue_response(c, 200, r);
	MHD_destroy_response(r);
	return ret;
}
