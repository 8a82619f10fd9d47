/* test_walbuf.c — the VFS that gathers a WAL file's writes (store/walbuf.c).
 *
 * Under it sits a counting VFS of the test's own (the unix one, with every
 * write to a WAL file counted), so a case can tell how many writes a commit
 * made. Each case then checks what another connection — in this process,
 * and in a child process — finds after each commit, with the commit synced
 * (FULL, as Precinct runs) and not synced (NORMAL: only the barrier writes
 * the buffer out before the commit is published), after a rollback whose
 * pages had spilled, for a transaction larger than the buffer, and when
 * the disk refuses the write (synced: the commit fails; not synced: the
 * process stops before the commit is whole), when it refuses the buffer
 * once in the middle of a transaction that goes on (the frames are kept
 * for its commit), and with locking_mode=EXCLUSIVE (written through). The
 * buffer's arithmetic is checked against a model of the file. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "store/walbuf.h"

/* ---- the counting VFS under walbuf ---- */

static sqlite3_vfs *unix_vfs;
static sqlite3_vfs count_vfs;
static sqlite3_io_methods count_methods;
static const sqlite3_io_methods *unix_methods;
static long wal_writes; /* writes that reached a WAL file */
static int wal_refusals; /* the next this many writes to a WAL file answer SQLITE_FULL */
/* the count probe: while probe_db is set, every WAL write compares, while
 * it is in flight, walbuf's count of probe_db with probe_base plus the
 * writes that returned since (probe_done); probe_early counts the writes
 * walbuf had counted before they were in the file */
static const char *probe_db;
static unsigned long long probe_base, probe_done;
static int probe_early;

struct count_file {
	sqlite3_file base;
	int wal;
	sqlite3_file *real;
};

static int c_write(sqlite3_file *pf, const void *p, int n, sqlite3_int64 off)
{
	struct count_file *f = (struct count_file *)pf;

	if (f->wal && wal_refusals > 0) {
		wal_refusals--;
		return SQLITE_FULL; /* the disk full, for this one write */
	}
	if (f->wal)
		__atomic_add_fetch(&wal_writes, 1, __ATOMIC_RELAXED);
	if (f->wal && probe_db) {
		unsigned long long w = 0;
		int rc;

		if (walbuf_wal_writes(probe_db, &w) == 0 && w != probe_base + probe_done)
			probe_early++;
		rc = f->real->pMethods->xWrite(f->real, p, n, off);
		probe_done++;
		return rc;
	}
	return f->real->pMethods->xWrite(f->real, p, n, off);
}

/* every other method: the unix file's, called on the unix file */
#define FWD(name, ret, params, args)                                  \
	static ret c_##name params                                    \
	{                                                             \
		struct count_file *f = (struct count_file *)pf;       \
		return f->real->pMethods->x##name args;               \
	}
FWD(Read, int, (sqlite3_file * pf, void *p, int n, sqlite3_int64 off), (f->real, p, n, off))
FWD(Truncate, int, (sqlite3_file * pf, sqlite3_int64 s), (f->real, s))
FWD(Sync, int, (sqlite3_file * pf, int fl), (f->real, fl))
FWD(FileSize, int, (sqlite3_file * pf, sqlite3_int64 *s), (f->real, s))
FWD(Lock, int, (sqlite3_file * pf, int l), (f->real, l))
FWD(Unlock, int, (sqlite3_file * pf, int l), (f->real, l))
FWD(CheckReservedLock, int, (sqlite3_file * pf, int *o), (f->real, o))
FWD(FileControl, int, (sqlite3_file * pf, int op, void *a), (f->real, op, a))
FWD(SectorSize, int, (sqlite3_file * pf), (f->real))
FWD(DeviceCharacteristics, int, (sqlite3_file * pf), (f->real))
FWD(ShmMap, int, (sqlite3_file * pf, int pg, int sz, int ex, void volatile **pp), (f->real, pg, sz, ex, pp))
FWD(ShmLock, int, (sqlite3_file * pf, int o, int n, int fl), (f->real, o, n, fl))
FWD(ShmUnmap, int, (sqlite3_file * pf, int d), (f->real, d))
FWD(Fetch, int, (sqlite3_file * pf, sqlite3_int64 o, int n, void **pp), (f->real, o, n, pp))
FWD(Unfetch, int, (sqlite3_file * pf, sqlite3_int64 o, void *p), (f->real, o, p))

static int c_close(sqlite3_file *pf)
{
	struct count_file *f = (struct count_file *)pf;

	return f->real->pMethods->xClose(f->real);
}

static void c_shm_barrier(sqlite3_file *pf)
{
	struct count_file *f = (struct count_file *)pf;

	f->real->pMethods->xShmBarrier(f->real);
}

static int c_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *pf, int flags, int *out)
{
	struct count_file *f = (struct count_file *)pf;
	int rc;

	(void)vfs;
	f->real = (sqlite3_file *)(f + 1);
	f->wal = (flags & SQLITE_OPEN_WAL) != 0;
	rc = unix_vfs->xOpen(unix_vfs, name, f->real, flags, out);
	if (rc != SQLITE_OK || !f->real->pMethods) {
		pf->pMethods = NULL;
		return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
	}
	unix_methods = f->real->pMethods;
	pf->pMethods = &count_methods;
	return SQLITE_OK;
}

static int setup_vfs(void **state)
{
	(void)state;
	unix_vfs = sqlite3_vfs_find(NULL);
	assert_non_null(unix_vfs);
	count_vfs = *unix_vfs;
	count_vfs.zName = "count";
	count_vfs.szOsFile = (int)sizeof(struct count_file) + unix_vfs->szOsFile;
	count_vfs.xOpen = c_open;
	count_methods = (sqlite3_io_methods){
		3, c_close, c_Read, c_write, c_Truncate, c_Sync, c_FileSize, c_Lock, c_Unlock,
		c_CheckReservedLock, c_FileControl, c_SectorSize, c_DeviceCharacteristics,
		c_ShmMap, c_ShmLock, c_shm_barrier, c_ShmUnmap, c_Fetch, c_Unfetch,
	};
	/* the copied methods of the unix VFS take their own vfs pointer and
	 * read only its fields, which the copy keeps */
	assert_int_equal(sqlite3_vfs_register(&count_vfs, 1), SQLITE_OK);
	assert_int_equal(walbuf_register(), SQLITE_OK); /* wraps "count" */
	assert_string_equal(sqlite3_vfs_find(NULL)->zName, "walbuf");
	/* a second registration changes nothing (had it wrapped itself,
	 * every open below would recurse) */
	assert_int_equal(walbuf_register(), SQLITE_OK);
	signal(SIGXFSZ, SIG_IGN); /* a write past RLIMIT_FSIZE fails with EFBIG */
	return 0;
}

/* ---- helpers ---- */

static char path[64];

static int fresh_file(void **state)
{
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/precinct_walbuf_XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	return 0;
}

static int remove_files(void **state)
{
	char p[80];

	(void)state;
	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
	return 0;
}

static void exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : sqlite3_errstr(rc));
}

static sqlite3 *open_db(const char *sync)
{
	sqlite3 *db = NULL;
	char sql[128];

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
					 NULL),
			 SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	snprintf(sql, sizeof(sql), "PRAGMA journal_mode=WAL; PRAGMA synchronous=%s; PRAGMA mmap_size=0;", sync);
	exec(db, sql);
	return db;
}

static int64_t one_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int64_t v;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void check_integrity(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;

	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
}

/* One transaction: n rows of 1 000 bytes, each naming the transaction k
 * (a row's text is k repeated, so a torn or stale page shows). Spread over
 * an index so a commit writes many pages at random places. */
static int insert_rows(sqlite3 *db, int k, int n)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return rc;
	assert_int_equal(sqlite3_prepare_v2(db,
					    "INSERT INTO t(k, pad) VALUES (?1, printf('%.*c', 1000, char(65 + ?1 % 26)))",
					    -1, &st, NULL),
			 SQLITE_OK);
	for (int i = 0; i < n; i++) {
		sqlite3_bind_int(st, 1, k);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			break;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static void create_table(sqlite3 *db)
{
	exec(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, k INTEGER NOT NULL, pad TEXT NOT NULL);"
		 "CREATE INDEX t_pad ON t(pad, k);");
}

/* What a reader finds: every row of transaction k has the text of k. */
static int64_t rows_checked(sqlite3 *db)
{
	assert_int_equal(one_int(db, "SELECT count(*) FROM t WHERE pad <> printf('%.*c', 1000, char(65 + k % 26))"),
			 0);
	return one_int(db, "SELECT count(*) FROM t");
}

/* ---- cases ---- */

/* A commit of 40 rows writes its frames in a few writes, not two a frame. */
static void a_commit_is_written_in_a_few_writes(void **state)
{
	sqlite3 *db = open_db("FULL");
	long before;

	(void)state;
	create_table(db);
	before = wal_writes;
	assert_int_equal(insert_rows(db, 1, 40), SQLITE_OK);
	/* 40 rows of 1 000 bytes are ~12 table pages, ~12 index pages and
	 * their parents: ~26 frames, 52 writes unbuffered; ~110 KB, at most
	 * two buffers */
	assert_true(wal_writes - before >= 1);
	assert_true(wal_writes - before <= 3);
	assert_int_equal(rows_checked(db), 40);
	sqlite3_close(db);
}

/* A second connection in this process, and a child process, find every
 * commit whole as soon as it returned: synced (FULL) and not (NORMAL). */
static void readers_find_each_commit(const char *sync)
{
	sqlite3 *w, *r;
	int to_child[2], from_child[2];
	pid_t pid;

	/* fork before this process opens the file: a child must not inherit
	 * the unix VFS's in-process lock state of open connections */
	assert_int_equal(pipe(to_child), 0);
	assert_int_equal(pipe(from_child), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* the child: after each commit, counts and checks the rows */
		sqlite3 *c = NULL;
		int k;

		close(to_child[1]);
		close(from_child[0]);
		while (read(to_child[0], &k, sizeof(k)) == sizeof(k)) {
			sqlite3_stmt *st = NULL;
			int64_t v[2] = { -1, -1 };

			if (!c) {
				if (sqlite3_open_v2(path, &c, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
					_exit(2);
				sqlite3_busy_timeout(c, 5000);
			}

			if (sqlite3_prepare_v2(c,
					       "SELECT count(*), sum(pad <> printf('%.*c', 1000, char(65 + k % 26))) FROM t",
					       -1, &st, NULL) == SQLITE_OK &&
			    sqlite3_step(st) == SQLITE_ROW) {
				v[0] = sqlite3_column_int64(st, 0);
				v[1] = sqlite3_column_int64(st, 1);
			}
			sqlite3_finalize(st);
			if (write(from_child[1], v, sizeof(v)) != sizeof(v))
				_exit(3);
		}
		sqlite3_close(c);
		_exit(0);
	}
	close(to_child[0]);
	close(from_child[1]);
	w = open_db(sync);
	create_table(w);
	r = open_db(sync);
	for (int k = 1; k <= 60; k++) {
		int64_t v[2];
		int n = 1 + (k * 7) % 30;
		int64_t total;

		assert_int_equal(insert_rows(w, k, n), SQLITE_OK);
		total = rows_checked(w);
		assert_int_equal(rows_checked(r), total);
		assert_int_equal(write(to_child[1], &k, sizeof(k)), sizeof(k));
		assert_int_equal(read(from_child[0], v, sizeof(v)), sizeof(v));
		assert_int_equal(v[0], total);
		assert_int_equal(v[1], 0);
	}
	close(to_child[1]);
	close(from_child[0]);
	{
		int status = 0;

		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	check_integrity(r);
	sqlite3_close(r);
	sqlite3_close(w);
}

static void readers_find_each_synced_commit(void **state)
{
	(void)state;
	readers_find_each_commit("FULL");
}

static void readers_find_each_commit_not_synced(void **state)
{
	(void)state;
	readers_find_each_commit("NORMAL");
}

/* A transaction whose pages spilled to the WAL (a cache of 10 pages) and
 * was rolled back; then another connection writes over the same frames,
 * and further. Nothing of the rolled-back transaction reaches a reader:
 * its last spilled frames were written out when it let the write lock go,
 * not later over the next writer's. */
static void a_rolled_back_spill_is_not_written_over_the_next_writer(void **state)
{
	sqlite3 *a = open_db("NORMAL"), *b;

	(void)state;
	create_table(a);
	assert_int_equal(insert_rows(a, 1, 5), SQLITE_OK);
	exec(a, "PRAGMA cache_size=10");
	exec(a, "BEGIN IMMEDIATE");
	exec(a, "INSERT INTO t(k, pad) SELECT 2, printf('%.*c', 1000, 'X') FROM (WITH RECURSIVE c(i) AS "
		"(SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 40) SELECT i FROM c)");
	exec(a, "ROLLBACK");
	b = open_db("NORMAL");
	/* more than the rolled-back transaction wrote: its last frames, if
	 * still buffered, would land inside this commit's */
	assert_int_equal(insert_rows(b, 3, 80), SQLITE_OK);
	assert_int_equal(rows_checked(a), 85);
	assert_int_equal(rows_checked(b), 85);
	assert_int_equal(one_int(a, "SELECT count(*) FROM t WHERE k = 2"), 0);
	check_integrity(a);
	sqlite3_close(b);
	sqlite3_close(a);
}

/* One transaction of 6 MB: many buffers, and a reader finds it whole;
 * then a checkpoint copies it into the database file. */
static void a_transaction_larger_than_the_buffer(void **state)
{
	sqlite3 *w = open_db("FULL"), *r;

	(void)state;
	create_table(w);
	r = open_db("FULL");
	assert_int_equal(insert_rows(w, 7, 6000), SQLITE_OK);
	assert_int_equal(rows_checked(r), 6000);
	exec(w, "PRAGMA wal_checkpoint(TRUNCATE)");
	assert_int_equal(rows_checked(r), 6000);
	check_integrity(r);
	sqlite3_close(r);
	sqlite3_close(w);
}

/* The disk refuses the WAL's write (a file size limit): the commit fails,
 * nothing of it is seen, nothing of it lands later on the frames of the
 * connection that writes next, and the file works again once space
 * returns. */
static void a_refused_write_fails_the_commit(void **state)
{
	sqlite3 *w = open_db("FULL"), *r;
	struct rlimit old, lim;
	char wal[80];
	struct stat s;
	int rc;

	(void)state;
	create_table(w);
	assert_int_equal(insert_rows(w, 1, 10), SQLITE_OK);
	r = open_db("FULL");
	assert_int_equal(rows_checked(r), 10);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	assert_int_equal(stat(wal, &s), 0);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	lim = old;
	lim.rlim_cur = (rlim_t)s.st_size + 8192; /* two frames more, no room for 40 rows */
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	rc = insert_rows(w, 2, 40);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	assert_int_not_equal(rc, SQLITE_OK);
	assert_true(rc == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR);
	assert_int_equal(rows_checked(r), 10);
	assert_int_equal(rows_checked(w), 10);
	/* the other connection writes next, over the offsets of the refused
	 * frames: w kept none of them past its write lock (had it, its next
	 * read would write them over these) */
	assert_int_equal(insert_rows(r, 3, 40), SQLITE_OK);
	assert_int_equal(rows_checked(w), 50);
	assert_int_equal(insert_rows(w, 4, 10), SQLITE_OK);
	assert_int_equal(rows_checked(r), 60);
	assert_int_equal(one_int(r, "SELECT count(*) FROM t WHERE k = 2"), 0);
	check_integrity(r);
	sqlite3_close(r);
	sqlite3_close(w);
}

/* The same, with the commit not synced (NORMAL, as the group committer's
 * connection runs: its syncs come after, db_sqlite_sync.c). No sync writes
 * the buffer out before SQLite publishes the commit, so the commit frame's
 * page takes it with it: a disk that refuses them fails the commit itself
 * (before, the barrier found them unwritten and could only stop the
 * process). A child, for the file size limit; the process goes on, the
 * next connection finds the file as the last commit left it, and writes
 * commit again. */
static void an_unsynced_commit_that_cannot_be_written_fails_the_commit(void **state)
{
	sqlite3 *db = open_db("NORMAL");
	struct rlimit lim;
	pid_t pid;
	int status = 0;

	(void)state;
	create_table(db);
	assert_int_equal(insert_rows(db, 1, 10), SQLITE_OK);
	sqlite3_close(db); /* before the fork (see readers_find_each_commit) */
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		sqlite3 *c = NULL;
		int rc;

		/* the first read makes the WAL file (empty: the last close
		 * checkpointed it) and maps the wal-index; then the files may
		 * grow by no more than two frames */
		if (sqlite3_open_v2(path, &c, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
		    sqlite3_exec(c, "PRAGMA synchronous=NORMAL; SELECT count(*) FROM t", NULL, NULL, NULL) != SQLITE_OK)
			_exit(2);
		if (getrlimit(RLIMIT_FSIZE, &lim) != 0)
			_exit(3);
		lim.rlim_cur = 8192;
		if (setrlimit(RLIMIT_FSIZE, &lim) != 0)
			_exit(4);
		rc = insert_rows(c, 2, 3); /* a few frames, one buffer, past the limit */
		if (rc == SQLITE_OK)
			_exit(5); /* answered committed without its frames */
		if (rc != SQLITE_FULL && (rc & 0xff) != SQLITE_IOERR)
			_exit(6);
		/* still readable, without the refused rows */
		if (sqlite3_exec(c, "SELECT count(*) FROM t", NULL, NULL, NULL) != SQLITE_OK)
			_exit(7);
		sqlite3_close(c);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		fail_msg("the child stopped on signal %d", WTERMSIG(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	db = open_db("NORMAL");
	assert_int_equal(rows_checked(db), 10);
	assert_int_equal(one_int(db, "SELECT count(*) FROM t WHERE k = 2"), 0);
	check_integrity(db);
	assert_int_equal(insert_rows(db, 3, 5), SQLITE_OK);
	assert_int_equal(rows_checked(db), 15);
	sqlite3_close(db);
}

/* The count of a WAL's writes (walbuf_wal_writes), which tells the group
 * committer's sync which WAL changed since it last synced it: a commit
 * raises it, a read does not, and a database no connection has open has
 * none. The count is read before the sync, so the commit's own frames must
 * be counted by the time its COMMIT returns. */
static void the_wal_writes_are_counted(void **state)
{
	sqlite3 *db = open_db("NORMAL");
	const char *name;
	unsigned long long before = 0, after = 0, read = 0;

	(void)state;
	create_table(db);
	name = sqlite3_db_filename(db, "main");
	assert_int_equal(walbuf_wal_writes(name, &before), 0);
	assert_int_equal(insert_rows(db, 1, 3), SQLITE_OK);
	assert_int_equal(walbuf_wal_writes(name, &after), 0);
	assert_true(after > before);
	assert_int_equal(rows_checked(db), 3);
	assert_int_equal(walbuf_wal_writes(name, &read), 0);
	assert_true(read == after);
	assert_int_equal(walbuf_wal_writes("/nonexistent/precinct.db", &read), -1);
	sqlite3_close(db);
}

/* A write is counted once it is in the file, never before: the group
 * committer's sync reads the count, syncs, and takes every write counted
 * for synced — a write counted before it was in the file could be
 * overtaken by that sync and then skipped by the next (the power-cut story
 * found one: a read answered 200 whose audit row a power cut took). While
 * each write of a few commits is in flight, below walbuf, the count is that
 * of the writes already returned; after them it is one more. */
static void a_write_is_counted_once_it_is_in_the_file(void **state)
{
	sqlite3 *db = open_db("NORMAL");

	(void)state;
	create_table(db);
	probe_db = sqlite3_db_filename(db, "main");
	assert_int_equal(walbuf_wal_writes(probe_db, &probe_base), 0);
	probe_done = 0;
	probe_early = 0;
	for (int i = 0; i < 5; i++)
		assert_int_equal(insert_rows(db, 1 + i * 40, 40), SQLITE_OK);
	{
		unsigned long long w = 0;

		assert_int_equal(walbuf_wal_writes(probe_db, &w), 0);
		assert_true(probe_done >= 5);
		assert_true(w == probe_base + probe_done);
	}
	probe_db = NULL;
	assert_int_equal(probe_early, 0);
	sqlite3_close(db);
}

/* The buffer's own arithmetic, against a model: 20 000 random writes,
 * reads, sizes, syncs and truncations on one WAL handle opened through
 * walbuf, while its database's handle holds the WAL's write lock (walbuf
 * buffers only then) — appends, overwrites inside the buffered span, writes
 * straddling its end and its capacity, writes elsewhere, writes larger than
 * the buffer. Before 3 % of them the disk refuses its next write: the call
 * that wanted the buffer written fails with SQLITE_FULL and changes
 * nothing, and the buffered bytes are not lost. Every read through the
 * handle returns the model's bytes, and after each sync the file itself
 * (read with pread beside SQLite) holds them. */
static uint32_t rnd_state = 2463534242u;

static uint32_t rnd(uint32_t n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return n ? rnd_state % n : 0;
}

#define MODEL_MAX (2 << 20)

static void random_writes_read_back_as_written(void **state)
{
	sqlite3_vfs *vfs = sqlite3_vfs_find("walbuf");
	char wal[80];
	sqlite3_filename name;
	sqlite3_file *f, *d;
	void volatile *shm = NULL;
	long issued = 0, before, refused = 0;
	unsigned char *model = calloc(1, MODEL_MAX), *got = malloc(MODEL_MAX), *data = malloc(300 << 10);
	sqlite3_int64 size = 0, last = 0; /* the model's size; where the last write ended */
	int out = 0;

	(void)state;
	assert_non_null(vfs);
	assert_non_null(model);
	assert_non_null(got);
	assert_non_null(data);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	/* the unix VFS makes a WAL file with its database's mode: one must be there */
	out = open(path, O_CREAT | O_RDWR, 0600);
	assert_true(out >= 0);
	close(out);
	out = 0;
	name = sqlite3_create_filename(path, "", wal, 0, NULL);
	assert_non_null(name);
	f = calloc(1, (size_t)vfs->szOsFile);
	d = calloc(1, (size_t)vfs->szOsFile);
	assert_non_null(f);
	assert_non_null(d);
	/* the database's handle, holding the write lock as a writer does */
	assert_int_equal(vfs->xOpen(vfs, name, d, SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_READWRITE, &out), SQLITE_OK);
	assert_int_equal(d->pMethods->xShmMap(d, 0, 32768, 1, &shm), SQLITE_OK);
	assert_int_equal(d->pMethods->xShmLock(d, 0, 1, SQLITE_SHM_LOCK | SQLITE_SHM_EXCLUSIVE), SQLITE_OK);
	assert_int_equal(vfs->xOpen(vfs, sqlite3_filename_wal(name), f,
				    SQLITE_OPEN_WAL | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &out),
			 SQLITE_OK);
	before = wal_writes;
	for (int op = 0; op < 20000; op++) {
		uint32_t kind = rnd(100);
		int rc;

		wal_refusals = rnd(100) < 3;

		if (kind < 70) { /* a write: mostly where the last one ended */
			sqlite3_int64 off;
			/* a write as large as the buffer or larger is written
			 * through; the unix VFS writes at most 128 KiB - 1 */
			int n = kind < 5 ? (int)(124 << 10) + (int)rnd(4095)
				: kind < 40 ? 24 + (int)rnd(2) * 4072                /* a frame's two writes */
					    : 1 + (int)rnd(9000);
			uint32_t where = rnd(10);

			off = where < 6 ? last                                   /* append */
			      : where < 8 ? (last > 0 ? last - (sqlite3_int64)rnd((uint32_t)(last < 200000 ? last : 200000)) : 0)
					  : (sqlite3_int64)rnd(MODEL_MAX / 2);   /* anywhere */
			if (off + n > MODEL_MAX)
				off = MODEL_MAX - n;
			for (int i = 0; i < n; i++)
				data[i] = (unsigned char)rnd(256);
			issued++;
			rc = f->pMethods->xWrite(f, data, n, off);
			if (rc != SQLITE_OK)
				goto refused;
			memcpy(model + off, data, (size_t)n);
			if (off + n > size)
				size = off + n;
			last = off + n;
		} else if (kind < 88) { /* a read inside the model */
			sqlite3_int64 off = size ? (sqlite3_int64)rnd((uint32_t)size) : 0;
			int n = 1 + (int)rnd(20000);

			if (off + n > size)
				n = (int)(size - off);
			if (n <= 0)
				continue;
			rc = f->pMethods->xRead(f, got, n, off);
			if (rc != SQLITE_OK)
				goto refused;
			assert_memory_equal(got, model + off, (size_t)n);
		} else if (kind < 93) { /* the size */
			sqlite3_int64 sz = -1;

			rc = f->pMethods->xFileSize(f, &sz);
			if (rc != SQLITE_OK)
				goto refused;
			assert_int_equal(sz, size);
		} else if (kind < 98) { /* a sync: the file holds the model */
			int fd;

			rc = f->pMethods->xSync(f, SQLITE_SYNC_NORMAL);
			if (rc != SQLITE_OK)
				goto refused;
			fd = open(wal, O_RDONLY);
			assert_true(fd >= 0);
			assert_int_equal(pread(fd, got, (size_t)size, 0), size);
			close(fd);
			assert_memory_equal(got, model, (size_t)size);
		} else { /* a truncation */
			sqlite3_int64 to = size ? (sqlite3_int64)rnd((uint32_t)size) : 0;

			rc = f->pMethods->xTruncate(f, to);
			if (rc != SQLITE_OK)
				goto refused;
			memset(model + to, 0, (size_t)(MODEL_MAX - to));
			size = to;
			if (last > size)
				last = size;
		}
		continue;
	refused: /* only the disk's refusal, and only when it was armed */
		assert_int_equal(rc, SQLITE_FULL);
		assert_int_equal(wal_refusals, 0);
		refused++;
	}
	wal_refusals = 0;
	print_message("writes %ld, reached the file %ld, refused %ld\n", issued, wal_writes - before, refused);
	/* the buffer did gather writes, and the disk did refuse some */
	assert_true((wal_writes - before) * 4 < issued * 3);
	assert_true(refused > 20);
	assert_int_equal(f->pMethods->xClose(f), SQLITE_OK);
	assert_int_equal(d->pMethods->xShmLock(d, 0, 1, SQLITE_SHM_UNLOCK | SQLITE_SHM_EXCLUSIVE), SQLITE_OK);
	assert_int_equal(d->pMethods->xShmUnmap(d, 1), SQLITE_OK);
	assert_int_equal(d->pMethods->xClose(d), SQLITE_OK);
	{
		int fd = open(wal, O_RDONLY);

		assert_true(fd >= 0);
		assert_int_equal(pread(fd, got, MODEL_MAX, 0), size);
		close(fd);
		assert_memory_equal(got, model, (size_t)size);
	}
	unlink(wal);
	free(f);
	free(d);
	sqlite3_free_filename(name);
	free(data);
	free(got);
	free(model);
}

/* The disk refuses the buffer once, when a statement reads frames that
 * are still in it (pages spilled by a large transaction). Only that
 * statement fails (SQLite rolls back a statement, not the transaction, for
 * a full disk), and the transaction goes on as the committer's savepoints
 * do: its commit must still find the spilled frames in the file. They were
 * kept and written at the next try; had they been dropped, the commit
 * would succeed over pages that are not there (found by review: a
 * malformed database). */
static void a_refused_write_out_keeps_the_frames_for_the_commit(void **state)
{
	sqlite3 *db = open_db("FULL"), *r;

	(void)state;
	exec(db, "PRAGMA cache_size=8;"
		 "CREATE TABLE s(id INTEGER PRIMARY KEY, x BLOB NOT NULL);"
		 "CREATE TABLE u(id INTEGER PRIMARY KEY, y BLOB UNIQUE);");
	exec(db, "BEGIN;"
		 "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 400)"
		 " INSERT INTO s SELECT i, randomblob(1500) FROM c;");
	wal_refusals = 1;
	/* reads the last pages of s: spilled lately, still in the buffer */
	assert_int_equal(sqlite3_exec(db, "INSERT INTO u SELECT id, x FROM s WHERE id > 380", NULL, NULL, NULL),
			 SQLITE_FULL);
	assert_int_equal(wal_refusals, 0);
	assert_false(sqlite3_get_autocommit(db)); /* the transaction goes on */
	exec(db, "INSERT INTO u VALUES (100000, x'01'); COMMIT;");
	r = open_db("FULL");
	check_integrity(r);
	assert_int_equal(one_int(r, "SELECT count(*) FROM s"), 400);
	assert_int_equal(one_int(r, "SELECT sum(length(x)) FROM s"), 400 * 1500);
	assert_int_equal(one_int(r, "SELECT count(*) FROM u"), 1);
	sqlite3_close(r);
	sqlite3_close(db);
}

/* locking_mode=EXCLUSIVE takes no wal-index locks, so walbuf cannot see a
 * commit published or a transaction end: such a connection's WAL is written
 * through. Unsynced commits made in exclusive mode are found by another
 * connection once the first goes back to normal; and a spilled transaction
 * rolled back there does not land later on another writer's frames (both
 * found by review: a disk I/O error, then rows out of order). */
static void exclusive_locking_mode_is_written_through(void **state)
{
	sqlite3 *a = open_db("NORMAL"), *b, *c;

	(void)state;
	exec(a, "CREATE TABLE s(id INTEGER PRIMARY KEY, x BLOB NOT NULL);"
		"INSERT INTO s VALUES (0, randomblob(3000));");
	exec(a, "PRAGMA locking_mode=EXCLUSIVE;"
		"INSERT INTO s VALUES (1, randomblob(3000)); INSERT INTO s VALUES (2, randomblob(3000));");
	exec(a, "PRAGMA locking_mode=NORMAL; INSERT INTO s VALUES (3, randomblob(3000));");
	b = open_db("NORMAL");
	assert_int_equal(one_int(b, "SELECT count(*) FROM s"), 4);
	assert_int_equal(one_int(b, "SELECT sum(length(x)) FROM s"), 4 * 3000);
	check_integrity(b);
	sqlite3_close(b);

	exec(a, "PRAGMA synchronous=FULL; PRAGMA cache_size=8; PRAGMA locking_mode=EXCLUSIVE; BEGIN;"
		"WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 100)"
		" INSERT INTO s SELECT 10 + i, randomblob(1500) FROM c;");
	exec(a, "PRAGMA locking_mode=NORMAL; ROLLBACK;");
	b = open_db("FULL");
	exec(b, "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 150)"
		" INSERT INTO s SELECT 1000 + i, zeroblob(1500) FROM c;");
	assert_int_equal(one_int(a, "SELECT count(*) FROM s WHERE id >= 1000"), 150);
	c = open_db("FULL");
	check_integrity(c);
	assert_int_equal(one_int(c, "SELECT count(*) FROM s"), 4 + 150);
	sqlite3_close(c);
	sqlite3_close(b);
	sqlite3_close(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_commit_is_written_in_a_few_writes, fresh_file, remove_files),
		cmocka_unit_test_setup_teardown(readers_find_each_synced_commit, fresh_file, remove_files),
		cmocka_unit_test_setup_teardown(readers_find_each_commit_not_synced, fresh_file, remove_files),
		cmocka_unit_test_setup_teardown(a_rolled_back_spill_is_not_written_over_the_next_writer, fresh_file,
						remove_files),
		cmocka_unit_test_setup_teardown(a_transaction_larger_than_the_buffer, fresh_file, remove_files),
		cmocka_unit_test_setup_teardown(a_refused_write_fails_the_commit, fresh_file, remove_files),
		cmocka_unit_test_setup_teardown(an_unsynced_commit_that_cannot_be_written_fails_the_commit,
						fresh_file, remove_files),
		cmocka_unit_test_setup_teardown(random_writes_read_back_as_written, fresh_file, remove_files),
		cmocka_unit_test_setup_teardown(the_wal_writes_are_counted, fresh_file, remove_files),
		cmocka_unit_test_setup_teardown(a_write_is_counted_once_it_is_in_the_file, fresh_file,
						remove_files),
		cmocka_unit_test_setup_teardown(a_refused_write_out_keeps_the_frames_for_the_commit, fresh_file,
						remove_files),
		cmocka_unit_test_setup_teardown(exclusive_locking_mode_is_written_through, fresh_file, remove_files),
	};

	return cmocka_run_group_tests(tests, setup_vfs, NULL);
}
