/* powercut_util.h — run a server under the power-cut library and, once it
 * was killed, make of its files what a power cut at that instant could have
 * left (TRUST DUR-3; the library and its log: powercut.c, powercut.h).
 *
 * For each file the log names: every write and truncation logged after the
 * file's last sync began is undone, newest first, from what it overwrote —
 * the file is then what its last sync put on the disk — and each is then
 * done again, oldest first, by its fate: kept whole, lost, torn (only
 * some of its 512-byte sectors written), or — for a write past the file's
 * end — zeroed (the new size on the disk, not the data). A later write may
 * so be kept where an earlier one was lost: the disk reorders what was not
 * synced. */
#ifndef PS_TEST_POWERCUT_UTIL_H
#define PS_TEST_POWERCUT_UTIL_H

#include "harness.h"
#include "powercut.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum pc_fate { PC_FATE_RANDOM = -1, PC_FATE_LOST = 0, PC_FATE_KEPT = 1 };

struct pc_stats {
	int files;    /* files with operations after their last sync */
	int unsynced; /* writes and truncations after the file's last sync */
	int kept, lost, torn, zeroed;
	/* the log's last record, the operation a kill may have interrupted
	 * (one lock covers a record and its operation): */
	int last_write;      /* 1 when it is a write */
	char last_path[512]; /* of this file */
	long long last_len, landed; /* of these bytes, the first ones found in the file */
	int interrupted;     /* 1 when it had not landed whole */
};

struct pc_op {
	int64_t pos; /* the record's position in the log */
	struct pc_rec h; /* (copied: records are not aligned in the log) */
	const char *path, *before, *data;
	int undone;
};

/* Start srv's server under the library (PRECINCT_POWERCUT_LIB, set by
 * ctest), logging to log; stall: NULL, or "none"/"half" (and @SUFFIX) to
 * have it stop in a write once powercut_stall is called (powercut.c). */
static inline void powercut_start(struct server *srv, const char *log, const char *stall)
{
	const char *lib = getenv("PRECINCT_POWERCUT_LIB"), *asan = getenv("ASAN_OPTIONS");
	char *asan_was = asan ? strdup(asan) : NULL;

	if (!lib || access(lib, R_OK) != 0)
		fail_msg("PRECINCT_POWERCUT_LIB names no library (%s): run this test through ctest",
			 lib ? lib : "unset");
	unlink(log);
	unlink(fmt(srv, "%s.stall", log));
	unlink(fmt(srv, "%s.stalled", log));
	if (stall)
		setenv("PRECINCT_POWERCUT_STALL", stall, 1);
	setenv("LD_PRELOAD", lib, 1);
	setenv("PRECINCT_POWERCUT_LOG", log, 1);
	setenv("PRECINCT_POWERCUT_PREFIX", srv->db, 1);
	/* the library comes before the sanitizer's runtime in the load order */
	setenv("ASAN_OPTIONS", fmt(srv, "%s%sverify_asan_link_order=0", asan ? asan : "", asan ? ":" : ""), 1);
	server_start(srv);
	unsetenv("LD_PRELOAD");
	unsetenv("PRECINCT_POWERCUT_LOG");
	unsetenv("PRECINCT_POWERCUT_PREFIX");
	unsetenv("PRECINCT_POWERCUT_STALL");
	if (asan_was)
		setenv("ASAN_OPTIONS", asan_was, 1);
	else
		unsetenv("ASAN_OPTIONS");
	free(asan_was);
}

/* Have the server stop in its next write of the store, and wait (at most
 * 30 s) until it did. */
static inline void powercut_stall(struct server *srv, const char *log)
{
	FILE *f = fopen(fmt(srv, "%s.stall", log), "w");

	assert_non_null(f);
	fclose(f);
	for (int waited = 0; access(fmt(srv, "%s.stalled", log), F_OK) != 0; waited += 10) {
		if (waited >= 30000)
			fail_msg("power cut: the server did not stop in a write within 30 s");
		usleep(10000);
	}
}

static inline void pc_pwrite_all(int fd, const char *p, size_t n, int64_t off, const char *path)
{
	while (n) {
		ssize_t w = pwrite(fd, p, n, (off_t)off);

		if (w <= 0)
			fail_msg("power cut: cannot write %s: %s", path, strerror(errno));
		p += w, n -= (size_t)w, off += w;
	}
}

static inline void pc_truncate_to(int fd, int64_t size, const char *path)
{
	if (ftruncate(fd, (off_t)size) != 0)
		fail_msg("power cut: cannot truncate %s: %s", path, strerror(errno));
}

/* Undo one operation: the file as it was before it. */
static inline void pc_undo(int fd, const struct pc_op *o)
{
	const struct pc_rec *h = &o->h;

	if (h->kind == PC_WRITE) {
		pc_pwrite_all(fd, o->before, h->before_len, h->off, o->path);
		if (h->off + h->len > h->old_size)
			pc_truncate_to(fd, h->old_size, o->path);
	} else {
		pc_truncate_to(fd, h->old_size, o->path);
		pc_pwrite_all(fd, o->before, h->before_len, h->off, o->path);
	}
}

/* Do one operation again by its fate. */
static inline void pc_redo(int fd, const struct pc_op *o, int fate, struct pc_stats *st)
{
	const struct pc_rec *h = &o->h;

	if (fate == PC_FATE_RANDOM)
		fate = rand() % 4; /* 0 lost, 1 kept, 2 torn, 3 zeroed */
	if (h->kind != PC_WRITE && fate >= 2)
		fate = rand() % 2;
	if (fate == 3 && h->off + h->len <= h->old_size)
		fate = 0;
	if (fate == 0) {
		st->lost++;
		return;
	}
	if (fate == 3) {
		/* the file's new size reached the disk, its data did not (a
		 * file system that orders metadata before data): what the
		 * write added past the old end reads as zeros */
		static const char zeros[4096];

		for (int64_t a = h->old_size > h->off ? h->old_size : h->off; a < h->off + h->len;) {
			size_t k = (size_t)(h->off + h->len - a) < sizeof(zeros) ? (size_t)(h->off + h->len - a)
										  : sizeof(zeros);

			pc_pwrite_all(fd, zeros, k, a, o->path);
			a += (int64_t)k;
		}
		st->zeroed++;
		return;
	}
	if (h->kind == PC_TRUNCATE) {
		pc_truncate_to(fd, h->off, o->path);
		st->kept++;
		return;
	}
	if (fate == 1) {
		pc_pwrite_all(fd, o->data, (size_t)h->len, h->off, o->path);
		st->kept++;
		return;
	}
	/* torn: each 512-byte sector of the file that the write covers, or not */
	for (int64_t s = h->off - h->off % 512; s < h->off + h->len; s += 512) {
		int64_t a = s < h->off ? h->off : s, b = s + 512 < h->off + h->len ? s + 512 : h->off + h->len;

		if (rand() % 2)
			pc_pwrite_all(fd, o->data + (a - h->off), (size_t)(b - a), a, o->path);
	}
	st->torn++;
}

/* The whole of a file (its size into n). */
static inline char *pc_read_all(int fd, size_t *n, const char *path)
{
	struct stat sb;
	char *b;
	size_t at = 0;

	if (fstat(fd, &sb) != 0)
		fail_msg("power cut: cannot stat %s: %s", path, strerror(errno));
	b = malloc((size_t)sb.st_size + 1);
	assert_non_null(b);
	while (at < (size_t)sb.st_size) {
		ssize_t r = pread(fd, b + at, (size_t)sb.st_size - at, (off_t)at);

		if (r <= 0)
			fail_msg("power cut: cannot read %s: %s", path, strerror(errno));
		at += (size_t)r;
	}
	*n = at;
	return b;
}

/* Apply the power cut that log describes to the files it names (the server
 * is dead), each operation after a file's last sync by fate; remove the
 * WAL indexes ("-shm") of prefix and prefix-audit.db. */
static inline void powercut_apply(struct server *srv, const char *log, const char *prefix, int fate,
				  struct pc_stats *st)
{
	FILE *f = fopen(log, "rb");
	struct stat sb;
	char *buf;
	size_t n = 0, cap = 0, at = 0;
	struct pc_op *ops = NULL;

	memset(st, 0, sizeof(*st));
	if (!f || fstat(fileno(f), &sb) != 0)
		fail_msg("power cut: no log %s: %s", log, strerror(errno));
	buf = malloc((size_t)sb.st_size + 1);
	assert_non_null(buf);
	if (fread(buf, 1, (size_t)sb.st_size, f) != (size_t)sb.st_size)
		fail_msg("power cut: cannot read %s", log);
	fclose(f);
	/* the records, up to the first one cut short */
	while (at + sizeof(struct pc_rec) <= (size_t)sb.st_size) {
		struct pc_rec hr, *h = &hr;
		size_t len;
		uint32_t end;

		memcpy(h, buf + at, sizeof(*h));
		len = sizeof(*h) + h->path_len + h->before_len + (h->kind == PC_WRITE ? (size_t)h->len : 0) +
		      sizeof(uint32_t);
		if (h->magic != PC_MAGIC || at + len > (size_t)sb.st_size)
			break;
		memcpy(&end, buf + at + len - sizeof(end), sizeof(end));
		if (end != PC_END)
			break;
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			ops = realloc(ops, cap * sizeof(*ops));
			assert_non_null(ops);
		}
		ops[n].pos = (int64_t)at;
		ops[n].h = hr;
		ops[n].path = buf + at + sizeof(*h);
		ops[n].before = ops[n].path + h->path_len;
		ops[n].data = ops[n].before + h->before_len;
		ops[n].undone = 0;
		n++;
		at += len;
	}
	for (size_t i = 0; i < n; i++)
		if (ops[i].h.kind == PC_UNDONE)
			for (size_t j = 0; j < i; j++)
				if (ops[j].pos == ops[i].h.off)
					ops[j].undone = 1;
	/* file by file: the first op of each path names it */
	for (size_t i = 0; i < n; i++) {
		const struct pc_rec *hi = &ops[i].h;
		char path[4096];
		int64_t synced = -1;
		size_t *mine = NULL, m = 0;
		int fd, seen = 0;

		for (size_t j = 0; j < i && !seen; j++)
			seen = ops[j].h.path_len == hi->path_len &&
			       !memcmp(ops[j].path, ops[i].path, hi->path_len);
		if (seen || hi->path_len >= sizeof(path))
			continue;
		memcpy(path, ops[i].path, hi->path_len);
		path[hi->path_len] = '\0';
		mine = calloc(n, sizeof(*mine));
		assert_non_null(mine);
		for (size_t j = i; j < n; j++) {
			const struct pc_rec *h = &ops[j].h;

			if (h->path_len != hi->path_len || memcmp(ops[j].path, path, h->path_len))
				continue;
			if (h->kind == PC_SYNC && h->off > synced)
				synced = h->off;
		}
		for (size_t j = i; j < n; j++) {
			const struct pc_rec *h = &ops[j].h;

			if (h->path_len == hi->path_len && !memcmp(ops[j].path, path, h->path_len) &&
			    (h->kind == PC_WRITE || h->kind == PC_TRUNCATE) && !ops[j].undone &&
			    ops[j].pos >= synced)
				mine[m++] = j;
		}
		if (m) {
			fd = open(path, O_RDWR);
			if (fd < 0)
				fail_msg("power cut: cannot open %s: %s", path, strerror(errno));
			struct pc_stats none;
			size_t was_n, now_n, got = 0;
			char *was = pc_read_all(fd, &was_n, path), *now;
			struct pc_op *last = mine[m - 1] == n - 1 ? &ops[mine[m - 1]] : NULL;
			int same;

			if (last && last->h.kind == PC_WRITE) {
				while (got < (size_t)last->h.len && (size_t)last->h.off + got < was_n &&
				       was[last->h.off + got] == last->data[got])
					got++;
				st->last_write = 1;
				st->last_len = last->h.len;
				st->landed = (long long)got;
				snprintf(st->last_path, sizeof(st->last_path), "%.500s", path);
			}
			/* the log is whole: undone and done again, all kept, the
			 * file is what the server left, byte for byte */
			for (size_t j = m; j-- > 0;)
				pc_undo(fd, &ops[mine[j]]);
			for (size_t j = 0; j < m; j++)
				pc_redo(fd, &ops[mine[j]], PC_FATE_KEPT, &none);
			now = pc_read_all(fd, &now_n, path);
			same = now_n == was_n && !memcmp(now, was, was_n);
			free(now);
			if (!same && last) {
				/* but for the operation the kill interrupted, which
				 * may have landed in part — the pages of a write
				 * before the kill — or not at all: as far as its
				 * bytes are found in the file */
				for (size_t j = m; j-- > 0;)
					pc_undo(fd, &ops[mine[j]]);
				for (size_t j = 0; j + 1 < m; j++)
					pc_redo(fd, &ops[mine[j]], PC_FATE_KEPT, &none);
				if (last->h.kind != PC_WRITE)
					got = 0;
				if (got)
					pc_pwrite_all(fd, last->data, got, last->h.off, path);
				now = pc_read_all(fd, &now_n, path);
				same = now_n == was_n && !memcmp(now, was, was_n);
				free(now);
				print_message("power cut: the kill interrupted a %s of %s: %zu of its %lld bytes"
					      " had landed\n",
					      last->h.kind == PC_WRITE ? "write" : "truncation", path, got,
					      (long long)last->h.len);
				st->interrupted = 1;
				if (got) {
					last->h.len = (int64_t)got;
					if (last->h.before_len > got)
						last->h.before_len = (uint32_t)got;
				} else {
					m--; /* it never happened */
				}
			}
			free(was);
			if (!same)
				fail_msg("power cut: the log of %s does not give back the file", path);
			for (size_t k = m; k-- > 0;)
				pc_undo(fd, &ops[mine[k]]);
			for (size_t k = 0; k < m; k++)
				pc_redo(fd, &ops[mine[k]], fate, st);
			close(fd);
			st->files++;
			st->unsynced += (int)m;
		}
		free(mine);
	}
	free(ops);
	free(buf);
	unlink(fmt(srv, "%s-shm", prefix));
	unlink(fmt(srv, "%s-audit.db-shm", prefix));
}

#endif
