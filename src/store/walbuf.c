/* walbuf.c — SQLite's own files, with the frames a write transaction
 * appends to a WAL file gathered into one write (issue 14).
 *
 * SQLite writes a WAL frame as two pwrite(2)s, its 24-byte header and its
 * page: a batch of eight new incidents (ten indexes each) made ~108 of them
 * a commit, and sqlite3WalFrames was 29 % of the committer's time, most of
 * it in the kernel (bench/, perf). This VFS wraps the default one and, for
 * a WAL file only, keeps consecutive writes in a buffer that goes to the
 * file in one write.
 *
 * Only while a connection of this process holds the WAL's write lock
 * (xShmLock on WAL_WRITE_LOCK) does its WAL file buffer: every frame of a
 * transaction in the usual locking mode is written then. With
 * locking_mode=EXCLUSIVE SQLite takes no wal-index locks, so nothing here
 * would know when a commit is published or a rollback leaves the lock:
 * such a connection's WAL is written through, as without this VFS.
 *
 * Nothing reads the buffer's bytes from the file before they are there:
 *   - a read of this handle that touches the buffered span (or finds the
 *     file's end before it), a truncation, a size, a sync, a file control
 *     and the close write it out first;
 *   - other connections (other handles, other processes) read only frames
 *     a commit has published in the shared wal-index. A commit publishes
 *     under its connection's WAL write lock, and SQLite calls the database
 *     file's xShmBarrier between writing the index's two header copies (a
 *     reader takes the header only when both agree). The database handle
 *     that holds the write lock writes its WAL's buffer out at that
 *     barrier, and again before it lets the write lock go (a rollback
 *     publishes nothing, but the next writer must find the file as it
 *     would be without the buffer). A commit's last frame is written
 *     out within the commit (wal_write), so the barrier finds the buffer
 *     empty, at synchronous=FULL as at NORMAL.
 * Writes leave in the order they were made (a write that does not extend
 * or overwrite the buffered span writes the buffer out first), so the file
 * holds what it would hold without the buffer whenever anyone can look.
 *
 * A buffer that cannot be written out keeps its bytes, and the error goes
 * to the call that wanted them written (a read, a sync, the next write
 * that does not continue the span). SQLite believes the frames are in the
 * file, and a failed read only rolls back one statement: the transaction
 * goes on, and its commit must still find them. They are written when the
 * disk takes them (the commit's own writes and sync try again), and
 * dropped only where nothing can need them: at the close, and when the
 * write lock goes after a transaction that did not commit.
 *
 * A buffer that cannot be written out at a barrier (the disk full, EIO)
 * has no way to say so: xShmBarrier returns nothing and the commit is about
 * to be published. The process stops there (abort), as it would lose
 * power; the WAL's checksums make the next start ignore frames that never
 * arrived. A commit's own frames report the error from their write first.
 *
 * The database file's handle and its WAL's handle are opened separately;
 * they meet through the database's path (sqlite3_filename_database of the
 * WAL's name), kept once per path in a small list. */
#include "store/walbuf.h"
#include "core/log.h"
#include "core/mem.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* Bytes gathered before a write. The unix VFS writes at most 128 KiB - 1
 * bytes a call (seekAndWriteFd masks the length with 0x1ffff: a larger
 * write would write nothing and answer SQLITE_FULL). A commit of ~54 frames
 * (~222 KB) is two writes; a larger transaction (an import) writes each
 * 124 KiB as it fills. Only a connection that writes allocates one (the
 * committer's, one a file). */
#define WALBUF_CAP (124 << 10)
/* SQLite's WAL_WRITE_LOCK: the first of the wal-index's shared locks */
#define WALBUF_WRITE_LOCK 0
/* SQLite's WAL file format: a 32-byte file header, then frames of a
 * 24-byte header and a page */
#define WALBUF_WAL_HEADER 32
#define WALBUF_FRAME_HEADER 24

struct walbuf_db; /* one database path */

struct walbuf_file {
	sqlite3_file base;
	struct walbuf_db *db;  /* NULL: neither a database nor a WAL file */
	int wal;               /* 1: a WAL file, buffered */
	int holds_write;       /* a database file: holds WAL_WRITE_LOCK */
	char *buf;             /* a WAL file: WALBUF_CAP bytes once it wrote */
	size_t len;            /* bytes buffered */
	sqlite3_int64 off;     /* the file offset of buf[0] */
	sqlite3_int64 commit_page; /* a WAL file: the offset of the page that
				    * ends a commit (its frame header was just
				    * written), 0 when none is due */
	sqlite3_file *real;    /* the wrapped VFS's file, right after this */
};

struct walbuf_db {
	struct walbuf_db *next;
	int refs;                          /* under list_lock */
	_Atomic(struct walbuf_file *) dirty; /* the WAL handle with bytes buffered */
	atomic_int writing;                /* a handle holds WAL_WRITE_LOCK */
	atomic_ullong wal_writes;          /* walbuf_wal_writes */
	char path[];
};

static sqlite3_vfs *under;  /* the wrapped (default) VFS */
static sqlite3_vfs walbuf_vfs;
static pthread_mutex_t list_lock = PTHREAD_MUTEX_INITIALIZER;
static struct walbuf_db *dbs; /* under list_lock */

/* Under list_lock: the entry of path, or NULL. */
static struct walbuf_db *db_find(const char *path)
{
	struct walbuf_db *d;

	for (d = dbs; d; d = d->next)
		if (strcmp(d->path, path) == 0)
			break;
	return d;
}

static struct walbuf_db *db_get(const char *path)
{
	struct walbuf_db *d;
	size_t n;

	if (!path)
		return NULL;
	pthread_mutex_lock(&list_lock);
	d = db_find(path);
	if (!d) {
		n = strlen(path) + 1;
		d = ps_malloc(sizeof(*d) + n);
		if (d) {
			memcpy(d->path, path, n);
			d->refs = 0;
			atomic_init(&d->dirty, NULL);
			atomic_init(&d->writing, 0);
			atomic_init(&d->wal_writes, 0);
			d->next = dbs;
			dbs = d;
		}
	}
	if (d)
		d->refs++;
	pthread_mutex_unlock(&list_lock);
	return d;
}

static void db_put(struct walbuf_db *d)
{
	if (!d)
		return;
	pthread_mutex_lock(&list_lock);
	if (--d->refs == 0) {
		struct walbuf_db **pp = &dbs;

		while (*pp != d)
			pp = &(*pp)->next;
		*pp = d->next;
		ps_free(d);
	}
	pthread_mutex_unlock(&list_lock);
}

/* ---- the WAL file's buffer ---- */

/* f has nothing buffered any more. */
static void buf_clear(struct walbuf_file *f)
{
	struct walbuf_file *was = f;

	f->len = 0;
	if (f->db)
		atomic_compare_exchange_strong(&f->db->dirty, &was, NULL);
}

/* A write of a WAL file to the file itself, counted once it returned
 * (walbuf_wal_writes): a sync that reads the count and then syncs covers
 * every write counted. A write counted before it was in the file could be
 * overtaken by that sync and then skipped by the next (the power-cut
 * rounds, tests/api/api_crash.c, found an audited read answered whose row
 * a power cut took). */
static int wal_out(struct walbuf_file *f, const void *p, int n, sqlite3_int64 off)
{
	int rc = f->real->pMethods->xWrite(f->real, p, n, off);

	atomic_fetch_add(&f->db->wal_writes, 1);
	return rc;
}

/* Write out what f buffered (SQLITE_OK when nothing was). When the file
 * refuses, the bytes stay for the next try. */
static int buf_flush(struct walbuf_file *f)
{
	int rc;

	if (!f->len)
		return SQLITE_OK;
	rc = wal_out(f, f->buf, (int)f->len, f->off);
	if (rc == SQLITE_OK)
		buf_clear(f);
	return rc;
}

static int wal_put(struct walbuf_file *f, const void *p, int n, sqlite3_int64 off)
{
	int rc;

	/* within or right after the buffered span: into the buffer */
	if (f->len && off >= f->off && off <= f->off + (sqlite3_int64)f->len &&
	    (size_t)(off - f->off) + (size_t)n <= WALBUF_CAP) {
		size_t at = (size_t)(off - f->off);

		memcpy(f->buf + at, p, (size_t)n);
		if (at + (size_t)n > f->len)
			f->len = at + (size_t)n;
		return SQLITE_OK;
	}
	rc = buf_flush(f);
	if (rc != SQLITE_OK)
		return rc;
	/* outside the write lock (exclusive locking mode), too large, or no
	 * memory for a buffer: written through */
	if (!atomic_load(&f->db->writing) || (size_t)n >= WALBUF_CAP)
		return wal_out(f, p, n, off);
	if (!f->buf)
		f->buf = ps_malloc(WALBUF_CAP);
	if (!f->buf)
		return wal_out(f, p, n, off);
	memcpy(f->buf, p, (size_t)n);
	f->len = (size_t)n;
	f->off = off;
	atomic_store(&f->db->dirty, f);
	return SQLITE_OK;
}

/* A WAL file's write. The page of a commit frame (the header before it names
 * the database's size after the commit, bytes 4-7, nonzero only there)
 * goes out with everything before it, within SQLite's commit: a write the
 * disk refuses then fails the commit before it is published. A commit
 * frame's header that starts a buffer goes out at once (the commit's
 * checksum rewrite ends with it). At synchronous=FULL the commit's sync
 * did that; at NORMAL (the group committer's deferred syncs,
 * db_sqlite_sync.c) nothing else would before the barrier, where a failure
 * can only stop the process. */
static int wal_write(struct walbuf_file *f, const void *p, int n, sqlite3_int64 off)
{
	const unsigned char *b = p;
	int rc;

	if (f->commit_page && off == f->commit_page) {
		/* the commit's page, with the buffer, in one write when it
		 * fits; a call that fails changes nothing */
		f->commit_page = 0;
		if (f->len && off == f->off + (sqlite3_int64)f->len &&
		    f->len + (size_t)n <= WALBUF_CAP) {
			memcpy(f->buf + f->len, p, (size_t)n);
			f->len += (size_t)n;
			rc = buf_flush(f);
			if (rc != SQLITE_OK)
				f->len -= (size_t)n;
			return rc;
		}
		rc = buf_flush(f);
		return rc != SQLITE_OK ? rc : wal_out(f, p, n, off);
	}
	f->commit_page = 0;
	rc = wal_put(f, p, n, off);
	if (rc != SQLITE_OK || n != WALBUF_FRAME_HEADER || off < WALBUF_WAL_HEADER ||
	    !(b[4] | b[5] | b[6] | b[7]))
		return rc;
	if (f->len == WALBUF_FRAME_HEADER && f->off == off) {
		/* a header alone in the buffer: it may be the last write of
		 * the commit (SQLite rewrites the headers of frames it wrote
		 * twice, the commit frame's last, with no page after it) */
		rc = buf_flush(f);
		if (rc != SQLITE_OK)
			buf_clear(f);
	}
	f->commit_page = off + WALBUF_FRAME_HEADER;
	return rc;
}

/* The database handle f, about to publish a commit (publishing) or to let
 * the write lock go: its WAL's buffer goes to the file first.
 *
 * At the barrier the bytes are a commit's frames: if they cannot be
 * written, the process stops before the header that names them is whole
 * (a reader takes it only when its two copies agree; the barrier sits
 * between them). At the unlock they can only be frames of a transaction
 * that did not commit (a commit wrote its own out at its barrier or its
 * sync): written when the disk takes them, as SQLite would have written
 * them, dropped when it does not, since nothing will read them. */
static void db_flush_wal(struct walbuf_file *f, int publishing)
{
	struct walbuf_file *w;

	if (!f->holds_write || !f->db)
		return;
	w = atomic_load(&f->db->dirty);
	if (!w || buf_flush(w) == SQLITE_OK)
		return;
	if (!publishing) {
		log_warn("walbuf: the frames of a transaction rolled back in %s could not be written; dropped",
			 f->db->path);
		buf_clear(w);
		return;
	}
	log_error("walbuf: a WAL file of %s could not be written before its commit was published; "
		  "stopping (the next start recovers from the WAL)",
		  f->db->path);
	abort();
}

/* ---- the file methods ---- */

static int f_close(sqlite3_file *pf)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;
	int rc = SQLITE_OK, rc2;

	if (f->wal && (rc = buf_flush(f)) != SQLITE_OK) {
		log_warn("walbuf: a WAL file of %s could not be written at its close; %zu bytes dropped",
			 f->db->path, f->len);
		buf_clear(f);
	}
	rc2 = f->real->pMethods->xClose(f->real);
	ps_free(f->buf);
	f->buf = NULL;
	db_put(f->db);
	f->db = NULL;
	return rc != SQLITE_OK ? rc : rc2;
}

static int f_read(sqlite3_file *pf, void *p, int n, sqlite3_int64 off)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;
	int rc;

	if (f->len && off < f->off + (sqlite3_int64)f->len && off + n > f->off) {
		rc = buf_flush(f);
		if (rc != SQLITE_OK)
			return rc;
	}
	rc = f->real->pMethods->xRead(f->real, p, n, off);
	if (rc == SQLITE_IOERR_SHORT_READ && f->len) {
		/* past the file's end, before a buffered span beyond it: written
		 * out, the file reaches the span and the gap reads as zeros, as
		 * it would have without the buffer */
		rc = buf_flush(f);
		if (rc == SQLITE_OK)
			rc = f->real->pMethods->xRead(f->real, p, n, off);
	}
	return rc;
}

static int f_write(sqlite3_file *pf, const void *p, int n, sqlite3_int64 off)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;

	if (f->wal)
		return wal_write(f, p, n, off);
	return f->real->pMethods->xWrite(f->real, p, n, off);
}

/* The methods below write the buffer out first (a no-op when empty), then
 * do what the wrapped file does. */
#define FLUSHED(f)                                   \
	do {                                         \
		int frc_ = buf_flush(f);             \
		if (frc_ != SQLITE_OK)               \
			return frc_;                 \
	} while (0)

static int f_truncate(sqlite3_file *pf, sqlite3_int64 size)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;
	int rc;

	FLUSHED(f);
	rc = f->real->pMethods->xTruncate(f->real, size);
	if (f->wal) /* counted once done, as a write (wal_out) */
		atomic_fetch_add(&f->db->wal_writes, 1);
	return rc;
}

static int f_sync(sqlite3_file *pf, int flags)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;

	FLUSHED(f);
	return f->real->pMethods->xSync(f->real, flags);
}

static int f_file_size(sqlite3_file *pf, sqlite3_int64 *size)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;

	FLUSHED(f);
	return f->real->pMethods->xFileSize(f->real, size);
}

static int f_file_control(sqlite3_file *pf, int op, void *arg)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;

	if (op == SQLITE_FCNTL_VFSNAME) {
		int rc = f->real->pMethods->xFileControl(f->real, op, arg);

		if (rc == SQLITE_OK && arg)
			*(char **)arg = sqlite3_mprintf("walbuf/%z", *(char **)arg);
		return rc;
	}
	FLUSHED(f);
	return f->real->pMethods->xFileControl(f->real, op, arg);
}

static int f_lock(sqlite3_file *pf, int lock)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;

	return f->real->pMethods->xLock(f->real, lock);
}

static int f_unlock(sqlite3_file *pf, int lock)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;

	return f->real->pMethods->xUnlock(f->real, lock);
}

static int f_check_reserved_lock(sqlite3_file *pf, int *out)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;

	return f->real->pMethods->xCheckReservedLock(f->real, out);
}

static int f_sector_size(sqlite3_file *pf)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;

	return f->real->pMethods->xSectorSize(f->real);
}

static int f_device_characteristics(sqlite3_file *pf)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;

	return f->real->pMethods->xDeviceCharacteristics(f->real);
}

static int f_shm_map(sqlite3_file *pf, int pg, int pgsz, int extend, void volatile **pp)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;

	return f->real->pMethods->xShmMap(f->real, pg, pgsz, extend, pp);
}

static int f_shm_lock(sqlite3_file *pf, int offset, int n, int flags)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;
	int covers_write = offset <= WALBUF_WRITE_LOCK && WALBUF_WRITE_LOCK < offset + n;
	int rc;

	/* `writing` is 1 only between the holder's lock and its unlock: set
	 * after the lock is had, cleared before it is let go, so the next
	 * holder's 1 is never overwritten by this one's 0 */
	if (covers_write && (flags & SQLITE_SHM_UNLOCK) && f->holds_write) {
		db_flush_wal(f, 0);
		if (f->db)
			atomic_store(&f->db->writing, 0);
	}
	rc = f->real->pMethods->xShmLock(f->real, offset, n, flags);
	if (covers_write && rc == SQLITE_OK && (flags & SQLITE_SHM_EXCLUSIVE)) {
		f->holds_write = !(flags & SQLITE_SHM_UNLOCK);
		if (f->holds_write && f->db)
			atomic_store(&f->db->writing, 1);
	}
	return rc;
}

static void f_shm_barrier(sqlite3_file *pf)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;

	db_flush_wal(f, 1);
	f->real->pMethods->xShmBarrier(f->real);
}

static int f_shm_unmap(sqlite3_file *pf, int delete_flag)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;

	return f->real->pMethods->xShmUnmap(f->real, delete_flag);
}

static int f_fetch(sqlite3_file *pf, sqlite3_int64 off, int n, void **pp)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;

	FLUSHED(f);
	return f->real->pMethods->xFetch(f->real, off, n, pp);
}

static int f_unfetch(sqlite3_file *pf, sqlite3_int64 off, void *p)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;

	return f->real->pMethods->xUnfetch(f->real, off, p);
}

static const sqlite3_io_methods walbuf_methods = {
	3,
	f_close,
	f_read,
	f_write,
	f_truncate,
	f_sync,
	f_file_size,
	f_lock,
	f_unlock,
	f_check_reserved_lock,
	f_file_control,
	f_sector_size,
	f_device_characteristics,
	f_shm_map,
	f_shm_lock,
	f_shm_barrier,
	f_shm_unmap,
	f_fetch,
	f_unfetch,
};

/* ---- the VFS ---- */

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *pf, int flags, int *out_flags)
{
	struct walbuf_file *f = (struct walbuf_file *)pf;
	int rc;

	(void)vfs;
	memset(f, 0, sizeof(*f));
	f->real = (sqlite3_file *)(f + 1);
	rc = under->xOpen(under, name, f->real, flags, out_flags);
	if (rc != SQLITE_OK || !f->real->pMethods) {
		/* SQLite calls no method of a file whose pMethods is NULL;
		 * the wrapped VFS closed what it had opened */
		pf->pMethods = NULL;
		return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
	}
	/* the wrapped file's methods must cover ours (version 3, shm and
	 * fetch): a file without them is refused (the unix VFS's files are
	 * version 3; walbuf_register checks the VFS itself) */
	if (f->real->pMethods->iVersion < 3) {
		f->real->pMethods->xClose(f->real);
		pf->pMethods = NULL;
		return SQLITE_CANTOPEN;
	}
	if (name && (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL))) {
		f->db = db_get(flags & SQLITE_OPEN_WAL ? sqlite3_filename_database(name) : name);
		if (!f->db && (flags & SQLITE_OPEN_MAIN_DB)) {
			/* a database handle that could not find its WAL's
			 * buffer could not write it out at its barrier */
			f->real->pMethods->xClose(f->real);
			pf->pMethods = NULL;
			return SQLITE_NOMEM;
		}
		f->wal = f->db && (flags & SQLITE_OPEN_WAL); /* no entry: written through */
	}
	pf->pMethods = &walbuf_methods;
	return SQLITE_OK;
}

static int v_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
	(void)vfs;
	return under->xDelete(under, name, sync_dir);
}

static int v_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return under->xAccess(under, name, flags, out);
}

static int v_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	return under->xFullPathname(under, name, n, out);
}

static void *v_dl_open(sqlite3_vfs *vfs, const char *name)
{
	(void)vfs;
	return under->xDlOpen(under, name);
}

static void v_dl_error(sqlite3_vfs *vfs, int n, char *msg)
{
	(void)vfs;
	under->xDlError(under, n, msg);
}

static void (*v_dl_sym(sqlite3_vfs *vfs, void *h, const char *sym))(void)
{
	(void)vfs;
	return under->xDlSym(under, h, sym);
}

static void v_dl_close(sqlite3_vfs *vfs, void *h)
{
	(void)vfs;
	under->xDlClose(under, h);
}

static int v_randomness(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return under->xRandomness(under, n, out);
}

static int v_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return under->xSleep(under, us);
}

static int v_current_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return under->xCurrentTime(under, out);
}

static int v_get_last_error(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return under->xGetLastError(under, n, out);
}

static int v_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return under->xCurrentTimeInt64(under, out);
}

int walbuf_wal_writes(const char *path, unsigned long long *out)
{
	const struct walbuf_db *d;

	pthread_mutex_lock(&list_lock);
	d = db_find(path);
	if (d)
		*out = atomic_load(&d->wal_writes);
	pthread_mutex_unlock(&list_lock);
	return d ? 0 : -1;
}

int walbuf_register(void)
{
	if (under)
		return SQLITE_OK; /* once: a second would wrap itself */
	under = sqlite3_vfs_find(NULL);
	if (!under)
		return SQLITE_ERROR;
	if (under->iVersion < 2 || !under->xCurrentTimeInt64) {
		under = NULL;
		return SQLITE_ERROR; /* used as it is */
	}
	walbuf_vfs = (sqlite3_vfs){
		.iVersion = 2,
		.szOsFile = (int)sizeof(struct walbuf_file) + under->szOsFile,
		.mxPathname = under->mxPathname,
		.zName = "walbuf",
		.xOpen = v_open,
		.xDelete = v_delete,
		.xAccess = v_access,
		.xFullPathname = v_full_pathname,
		.xDlOpen = v_dl_open,
		.xDlError = v_dl_error,
		.xDlSym = v_dl_sym,
		.xDlClose = v_dl_close,
		.xRandomness = v_randomness,
		.xSleep = v_sleep,
		.xCurrentTime = v_current_time,
		.xGetLastError = v_get_last_error,
		.xCurrentTimeInt64 = v_current_time_int64,
	};
	return sqlite3_vfs_register(&walbuf_vfs, 1);
}
