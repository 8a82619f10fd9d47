/* powercut.c — a power cut for the SQLite store (TRUST DUR-3), as a library
 * preloaded into `precinct serve` (LD_PRELOAD). It logs every write,
 * truncation and sync of the store's files (powercut.h: what a record
 * holds), so that after a kill -9 a story can make of the files what a
 * power cut at that instant could have left: what each file held at its
 * last sync, and each write since then kept, torn or lost, in any order
 * (powercut_util.h). Modelled on SQLite's test6.c, but below the server's
 * own code: the writes of SQLite's VFS, of the server's WAL buffer and the
 * server's own fdatasync of the WAL are all seen here, as the kernel would
 * see them.
 *
 * The log is written before the operation, under one lock that is held
 * through the operation, so its order is the order of the operations; a
 * sync is logged once it returned, naming the log's size when it began
 * (what was logged before it is on the disk). A write that failed is
 * marked undone. Directories and the creation of files are taken as
 * durable (the server syncs the directory once, at its start).
 *
 * Faults (TRUST FLT-2): once the file LOG.fail exists, holding
 * "write|sync|read N ERRNO", the library takes it (removes it) and makes
 * the N-th such operation on the store's files from then on fail with
 * ERRNO instead of running, once, touching LOG.fired when it does. A write
 * or a read that fails is not logged (nothing happened); a sync that fails
 * leaves the writes before it unsynced.
 *
 * $PRECINCT_POWERCUT_STALL=none (or half, and either with @SUFFIX) stops
 * the process inside its first positioned write (of a file whose path ends
 * with SUFFIX) once the file LOG.stall exists: the record logged and
 * nothing written (or the first half), the lock held, after touching
 * LOG.stalled. The kill then lands in the middle of a write,
 * which the replay must find (powercut_util.h). */
#define _GNU_SOURCE
#include "powercut.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static pthread_mutex_t pc_lock = PTHREAD_MUTEX_INITIALIZER;
static int pc_log = -1;
static char pc_prefix[PATH_MAX];
static size_t pc_prefix_len;
static int pc_stall_armed, pc_stall_half; /* PRECINCT_POWERCUT_STALL */
static char pc_stall_when[PATH_MAX], pc_stalled[PATH_MAX], pc_stall_suffix[PATH_MAX];

enum pc_op { PC_OP_WRITE = 1, PC_OP_SYNC, PC_OP_READ };
static char pc_fail_when[PATH_MAX], pc_fired[PATH_MAX]; /* LOG.fail, LOG.fired */
static int pc_fail_op, pc_fail_left, pc_fail_errno;

static ssize_t (*real_pwrite64)(int, const void *, size_t, off64_t);
static ssize_t (*real_pread64)(int, void *, size_t, off64_t);
static ssize_t (*real_write)(int, const void *, size_t);
static int (*real_ftruncate64)(int, off64_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);

static void pc_resolve(void)
{
	if (real_pwrite64)
		return;
	real_write = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	real_ftruncate64 = (int (*)(int, off64_t))dlsym(RTLD_NEXT, "ftruncate64");
	real_fsync = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	real_fdatasync = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
	real_pread64 = (ssize_t(*)(int, void *, size_t, off64_t))dlsym(RTLD_NEXT, "pread64");
	real_pwrite64 = (ssize_t(*)(int, const void *, size_t, off64_t))dlsym(RTLD_NEXT, "pwrite64");
	if (!real_write || !real_ftruncate64 || !real_fsync || !real_fdatasync || !real_pread64 ||
	    !real_pwrite64)
		abort();
}

__attribute__((constructor)) static void pc_init(void)
{
	const char *log = getenv("PRECINCT_POWERCUT_LOG"), *prefix = getenv("PRECINCT_POWERCUT_PREFIX");

	pc_resolve();
	if (!log || !prefix || !*prefix || strlen(prefix) >= sizeof(pc_prefix))
		return;
	pc_log = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (pc_log < 0) {
		fprintf(stderr, "powercut: cannot open %s: %s\n", log, strerror(errno));
		abort();
	}
	strcpy(pc_prefix, prefix);
	pc_prefix_len = strlen(prefix);
	snprintf(pc_fail_when, sizeof(pc_fail_when), "%s.fail", log);
	snprintf(pc_fired, sizeof(pc_fired), "%s.fired", log);
	if (getenv("PRECINCT_POWERCUT_STALL")) {
		const char *stall = getenv("PRECINCT_POWERCUT_STALL");

		pc_stall_armed = 1;
		pc_stall_half = strncmp(stall, "half", 4) == 0;
		if (strchr(stall, '@'))
			snprintf(pc_stall_suffix, sizeof(pc_stall_suffix), "%s", strchr(stall, '@') + 1);
		snprintf(pc_stall_when, sizeof(pc_stall_when), "%s.stall", log);
		snprintf(pc_stalled, sizeof(pc_stalled), "%s.stalled", log);
	}
}

/* Stop in this write, if asked to (see the top). */
static void pc_stall(int fd, const char *path, const void *buf, size_t n, off64_t off)
{
	size_t pl = strlen(path), sl = strlen(pc_stall_suffix);
	int f;

	if (!pc_stall_armed || pl < sl || strcmp(path + pl - sl, pc_stall_suffix) != 0 ||
	    access(pc_stall_when, F_OK) != 0)
		return;
	if (pc_stall_half && n / 2 && real_pwrite64(fd, buf, n / 2, off) != (ssize_t)(n / 2))
		abort();
	f = open(pc_stalled, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (f >= 0)
		close(f);
	for (;;)
		pause();
}

/* Is fd a store file? Its path into path, its size into size. */
static int pc_tracked(int fd, char *path, off64_t *size)
{
	char link[64];
	struct stat st;
	ssize_t n;

	if (pc_log < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, path, PATH_MAX - 1);
	if (n <= 0)
		return 0;
	path[n] = '\0';
	if ((size_t)n < pc_prefix_len || memcmp(path, pc_prefix, pc_prefix_len) != 0 ||
	    ((size_t)n >= 4 && strcmp(path + n - 4, "-shm") == 0))
		return 0;
	*size = st.st_size;
	return 1;
}

static int64_t pc_log_size(void)
{
	struct stat st;

	if (fstat(pc_log, &st) != 0)
		abort();
	return st.st_size;
}

/* Does this operation fail (under pc_lock)? Takes LOG.fail when it
 * appears; 0, or the errno to fail with. */
static int pc_fails(enum pc_op op)
{
	FILE *f;

	if (access(pc_fail_when, F_OK) == 0 && (f = fopen(pc_fail_when, "r")) != NULL) {
		char what[16] = "";

		if (fscanf(f, "%15s %d %d", what, &pc_fail_left, &pc_fail_errno) != 3)
			pc_fail_left = 0;
		fclose(f);
		unlink(pc_fail_when);
		pc_fail_op = !strcmp(what, "write") ? PC_OP_WRITE
			     : !strcmp(what, "sync") ? PC_OP_SYNC
			     : !strcmp(what, "read") ? PC_OP_READ
						     : 0;
	}
	if (pc_fail_op != (int)op || --pc_fail_left > 0)
		return 0;
	pc_fail_op = 0;
	f = fopen(pc_fired, "w");
	if (f)
		fclose(f);
	return pc_fail_errno;
}

/* Append one record (under pc_lock); its position in the log. A log that
 * cannot be written ends the process: a power cut that was not recorded
 * could not be checked. */
static int64_t pc_append(uint32_t kind, const char *path, int64_t off, int64_t len, int64_t old_size,
			 const void *before, uint32_t before_len, const void *data, size_t data_len)
{
	struct pc_rec h = { PC_MAGIC, kind, off, len, old_size, (uint32_t)strlen(path), before_len };
	size_t n = sizeof(h) + h.path_len + before_len + data_len + sizeof(uint32_t), at = 0;
	uint32_t end = PC_END;
	char *buf = malloc(n), *p = buf;
	int64_t pos = pc_log_size();

	if (!buf)
		abort();
	memcpy(p, &h, sizeof(h)), p += sizeof(h);
	memcpy(p, path, h.path_len), p += h.path_len;
	if (before_len)
		memcpy(p, before, before_len), p += before_len;
	if (data_len)
		memcpy(p, data, data_len), p += data_len;
	memcpy(p, &end, sizeof(end));
	while (at < n) {
		ssize_t w = real_write(pc_log, buf + at, n - at);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			abort();
		at += (size_t)w;
	}
	free(buf);
	return pos;
}

/* What [off, off + n) of the file holds now (the part below size). */
static char *pc_before(int fd, const char *path, off64_t off, size_t n, off64_t size, uint32_t *got)
{
	size_t want = off >= size ? 0 : (size_t)(size - off < (off64_t)n ? size - off : (off64_t)n);
	char *b = malloc(want ? want : 1);
	size_t at = 0;
	int rfd = fd;

	if (!b)
		abort();
	while (at < want) {
		ssize_t r = real_pread64(rfd, b + at, want - at, off + (off64_t)at);

		if (r < 0 && errno == EBADF && rfd == fd) {
			rfd = open(path, O_RDONLY | O_CLOEXEC); /* fd opened write-only */
			if (rfd < 0)
				abort();
			continue;
		}
		if (r <= 0)
			abort();
		at += (size_t)r;
	}
	if (rfd != fd)
		close(rfd);
	*got = (uint32_t)want;
	return b;
}

static ssize_t pc_write_at(int fd, const void *buf, size_t n, off64_t off, int positioned)
{
	char path[PATH_MAX];
	off64_t size;
	uint32_t blen;
	char *before;
	int64_t pos;
	ssize_t r;
	int saved;

	pc_resolve();
	if (!pc_tracked(fd, path, &size))
		return positioned ? real_pwrite64(fd, buf, n, off) : real_write(fd, buf, n);
	pthread_mutex_lock(&pc_lock);
	if ((saved = pc_fails(PC_OP_WRITE)) != 0) {
		pthread_mutex_unlock(&pc_lock);
		errno = saved;
		return -1;
	}
	if (!positioned)
		off = (fcntl(fd, F_GETFL) & O_APPEND) ? size : lseek(fd, 0, SEEK_CUR);
	before = pc_before(fd, path, off, n, size, &blen);
	pos = pc_append(PC_WRITE, path, off, (int64_t)n, size, before, blen, buf, n);
	if (positioned)
		pc_stall(fd, path, buf, n, off);
	r = positioned ? real_pwrite64(fd, buf, n, off) : real_write(fd, buf, n);
	saved = errno;
	if (r != (ssize_t)n) {
		pc_append(PC_UNDONE, path, pos, 0, size, NULL, 0, NULL, 0);
		if (r > 0) /* the part written, as a write of its own */
			pc_append(PC_WRITE, path, off, r, size, before, blen < (uint32_t)r ? blen : (uint32_t)r, buf,
				  (size_t)r);
	}
	free(before);
	pthread_mutex_unlock(&pc_lock);
	errno = saved;
	return r;
}

static int pc_truncate(int fd, off64_t len)
{
	char path[PATH_MAX];
	off64_t size;
	uint32_t blen = 0;
	char *before = NULL;
	int64_t pos;
	int r, saved;

	pc_resolve();
	if (!pc_tracked(fd, path, &size))
		return real_ftruncate64(fd, len);
	pthread_mutex_lock(&pc_lock);
	if (len < size)
		before = pc_before(fd, path, len, (size_t)(size - len), size, &blen);
	pos = pc_append(PC_TRUNCATE, path, len, 0, size, before, blen, NULL, 0);
	r = real_ftruncate64(fd, len);
	saved = errno;
	if (r != 0)
		pc_append(PC_UNDONE, path, pos, 0, size, NULL, 0, NULL, 0);
	free(before);
	pthread_mutex_unlock(&pc_lock);
	errno = saved;
	return r;
}

static int pc_sync(int fd, int data_only)
{
	char path[PATH_MAX];
	off64_t size;
	int64_t begun;
	int r, saved;

	pc_resolve();
	if (!pc_tracked(fd, path, &size))
		return data_only ? real_fdatasync(fd) : real_fsync(fd);
	pthread_mutex_lock(&pc_lock);
	begun = pc_log_size();
	saved = pc_fails(PC_OP_SYNC);
	pthread_mutex_unlock(&pc_lock);
	if (saved) {
		errno = saved;
		return -1;
	}
	r = data_only ? real_fdatasync(fd) : real_fsync(fd);
	saved = errno;
	if (r == 0) {
		pthread_mutex_lock(&pc_lock);
		pc_append(PC_SYNC, path, begun, 0, size, NULL, 0, NULL, 0);
		pthread_mutex_unlock(&pc_lock);
	}
	errno = saved;
	return r;
}

static ssize_t pc_read_at(int fd, void *buf, size_t n, off64_t off)
{
	char path[PATH_MAX];
	off64_t size;
	int e;

	pc_resolve();
	if (!pc_fail_when[0] || !pc_tracked(fd, path, &size))
		return real_pread64(fd, buf, n, off);
	pthread_mutex_lock(&pc_lock);
	e = pc_fails(PC_OP_READ);
	pthread_mutex_unlock(&pc_lock);
	if (e) {
		errno = e;
		return -1;
	}
	return real_pread64(fd, buf, n, off);
}

/* ---- the functions interposed ---- */

ssize_t pread64(int fd, void *buf, size_t n, off64_t off)
{
	return pc_read_at(fd, buf, n, off);
}

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	return pc_read_at(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
	return pc_write_at(fd, buf, n, off, 1);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return pc_write_at(fd, buf, n, off, 1);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	return pc_write_at(fd, buf, n, 0, 0);
}

int ftruncate64(int fd, off64_t len)
{
	return pc_truncate(fd, len);
}

int ftruncate(int fd, off_t len)
{
	return pc_truncate(fd, len);
}

int fsync(int fd)
{
	return pc_sync(fd, 0);
}

int fdatasync(int fd)
{
	return pc_sync(fd, 1);
}
