/* db_sqlite_sync.c — the SQLite store's deferred syncs (db.h,
 * db_syncer_open): the group committer's commits write their WAL frames
 * without waiting for the disk, and a sync after the commit makes them
 * durable with one fdatasync per WAL file written — on the committer, or on
 * a thread of its own while the next batch runs (committer.c).
 *
 * Why it is safe:
 *   - With synchronous=NORMAL a commit in WAL mode writes its frames and
 *     publishes them; only the sync is left out. A WAL is read back up to
 *     the last commit frame whose checksum chain holds, so after a power
 *     loss each transaction is whole or absent, whatever reached the disk.
 *   - Between checkpoints a WAL is only appended to; a checkpoint syncs the
 *     WAL before it copies it into the database (SQLite does that at NORMAL
 *     as at FULL, and the server's checkpoints run on connections at FULL),
 *     and the next writer restarts the WAL only after a whole checkpoint.
 *     So one fdatasync of the WAL file, begun after a commit returned,
 *     makes that commit and every earlier one durable.
 *   - The WAL file of an open WAL-mode database is not removed while any
 *     connection has it open (SQLite deletes it only at the last close), so
 *     a descriptor of our own names the same file for the server's life.
 *   - A WAL the writer created may have a directory entry that was never
 *     synced: the directory is synced once when the syncer opens.
 *   - A WAL whose write count (walbuf.c) did not change since its last sync
 *     is not synced again: the count is read before the fdatasync, a write
 *     is counted only once it is in the file, and a commit's frames are in
 *     the file (and counted) when its COMMIT returned. An fdatasync of an
 *     unchanged file still costs the disk a flush (audited reads write the
 *     read-audit file only: ~10 % of their throughput, bench/).
 * A commit's write errors still fail the commit itself: walbuf.c writes a
 * commit frame out within the commit, before the commit is published. */
#include "store/db_impl.h"
#include "store/walbuf.h"
#include "core/log.h"
#include "core/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define SYNCER_FILES 2 /* the main file's WAL and the read-audit file's */

struct db_syncer {
	int n;
	int fd[SYNCER_FILES];
	char db_path[SYNCER_FILES][512]; /* the database file (walbuf's key) */
	char path[SYNCER_FILES][512];    /* its WAL */
	int known[SYNCER_FILES];         /* synced once, at writes[i] */
	unsigned long long writes[SYNCER_FILES];
};

void sqlite_syncer_close(struct db_syncer *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->n; i++)
		close(s->fd[i]);
	ps_free(s);
}

/* Sync the directory holding path (a new WAL's entry). */
static int sync_dir_of(const char *path)
{
	char dir[512];
	int fd, rc;

	snprintf(dir, sizeof(dir), "%s", path);
	fd = open(dirname(dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* The WAL paths of the main file (0) and the read-audit file (1), as
 * SQLite names them: the database's path and "-wal". */
static int wal_paths(struct db *db, struct db_syncer *s, struct ps_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, "PRAGMA database_list", &st, err);

	if (rc)
		return rc;
	while ((rc = db_step(st, err)) == PS_ROW) {
		const char *name = db_column_text(st, 1), *file = db_column_text(st, 2);
		int i = name && strcmp(name, "main") == 0 ? 0
			: name && strcmp(name, DB_AUDIT_SCHEMA) == 0 ? 1 : -1;

		if (i < 0 || !file || !*file)
			continue;
		if (snprintf(s->path[i], sizeof(s->path[0]), "%s-wal", file) >=
			    (int)sizeof(s->path[0]) ||
		    snprintf(s->db_path[i], sizeof(s->db_path[0]), "%s", file) >=
			    (int)sizeof(s->db_path[0])) {
			rc = ps_fail(err, PS_EIO, "SYNCER", NULL, "数据库文件路径过长：%s", file);
			break;
		}
	}
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	if (!s->path[0][0] || !s->path[1][0])
		return ps_fail(err, PS_EIO, "SYNCER", NULL, "找不到数据库的预写日志文件");
	return PS_OK;
}

int sqlite_syncer_open(struct db *db, struct db_syncer **out, struct ps_err *err)
{
	struct db_syncer *s = ps_calloc(1, sizeof(*s));
	int rc;

	*out = NULL;
	if (!s)
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
	/* a read of each file opens (creates) its WAL */
	rc = db_exec(db,
		     "SELECT COUNT(*) FROM main.sqlite_schema;"
		     "SELECT COUNT(*) FROM " DB_AUDIT_SCHEMA ".sqlite_schema;",
		     err);
	if (!rc)
		rc = wal_paths(db, s, err);
	for (int i = 0; !rc && i < SYNCER_FILES; i++) {
		s->fd[i] = open(s->path[i], O_RDWR | O_CLOEXEC);
		if (s->fd[i] >= 0)
			s->n++;
		if (s->fd[i] < 0 || sync_dir_of(s->path[i]) != 0)
			rc = ps_fail(err, PS_EIO, "SYNCER", NULL, "无法打开预写日志 %s：%s",
				     s->path[i], strerror(errno));
	}
	if (!rc)
		rc = db_exec(db,
			     "PRAGMA synchronous=NORMAL;"
			     "PRAGMA " DB_AUDIT_SCHEMA ".synchronous=NORMAL;",
			     err);
	if (rc) {
		for (int i = 0; i < s->n; i++)
			close(s->fd[i]);
		ps_free(s);
		/* the commits stay synced as they were */
		db_exec(db,
			"PRAGMA synchronous=FULL;"
			"PRAGMA " DB_AUDIT_SCHEMA ".synchronous=FULL;",
			NULL);
		return rc;
	}
	*out = s;
	return PS_OK;
}

int sqlite_syncer_sync(struct db_syncer *s, struct ps_err *err)
{
	for (int i = 0; i < s->n; i++) {
		unsigned long long w = 0;
		int counted = walbuf_wal_writes(s->db_path[i], &w) == 0;

		/* counted before the sync: a write counted after it is synced
		 * by the next one */
		if (counted && s->known[i] && w == s->writes[i])
			continue;
		if (fdatasync(s->fd[i]) != 0) {
			int e = errno;

			return ps_fail(err, PS_EIO, "SYNC_FAILED", NULL,
				       "预写日志 %s 同步到磁盘失败：%s", s->path[i], strerror(e));
		}
		s->known[i] = counted;
		s->writes[i] = w;
	}
#ifdef PS_TEST_HOOKS
	{
		int lose;

		if (db_fault_take(1, DB_FAULT_SYNC_SQL, &lose)) {
			log_warn("test hook: store fault at the WAL sync");
			return ps_fail(err, PS_EIO, "SYNC_FAILED", NULL,
				       "预写日志同步到磁盘失败（测试注入）");
		}
	}
#endif
	return PS_OK;
}
