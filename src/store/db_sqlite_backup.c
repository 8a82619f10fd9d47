/* db_sqlite_backup.c — the SQLite store's online backup (db_backup_to: the
 * database and its read-audit file, copied from one snapshot), its
 * integrity check, and whether a database file is open elsewhere (before
 * a restore replaces it). */
#include "store/db_sqlite.h"

#include <string.h>
#include <unistd.h>

/* One schema of db's open read transaction into the file path. */
static int backup_schema(struct db *db, const char *schema, const char *path,
			 void (*progress)(void *arg, int64_t done, int64_t total), void *arg,
			 struct ps_err *err)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *bk = NULL;
	int src, rc = PS_OK;

	src = sqlite3_open_v2(path, &dst,
			      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (src != SQLITE_OK) {
		rc = ps_fail(err, PS_EIO, "BACKUP_OPEN", NULL,
			     "无法创建备份文件 %s", path);
		goto out;
	}
	bk = sqlite3_backup_init(dst, "main", db->h, schema);
	if (!bk) {
		rc = ps_fail(err, PS_EIO, "BACKUP", NULL, "备份失败：%s",
			     sqlite3_errmsg(dst));
		goto out;
	}
	do {
		src = sqlite3_backup_step(bk, 1024);
		if (progress && (src == SQLITE_OK || src == SQLITE_DONE)) {
			int64_t total = sqlite3_backup_pagecount(bk);

			progress(arg, total - sqlite3_backup_remaining(bk), total);
		}
		if (src == SQLITE_BUSY || src == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (src == SQLITE_OK || src == SQLITE_BUSY ||
		 src == SQLITE_LOCKED);
	sqlite3_backup_finish(bk);
	if (src != SQLITE_DONE) {
		rc = ps_fail(err, PS_EIO, "BACKUP", NULL, "备份失败：%s",
			     sqlite3_errstr(src));
		goto out;
	}
	/* a backup is a single self-contained file */
	src = sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	if (src != SQLITE_OK)
		rc = ps_fail(err, PS_EIO, "BACKUP", NULL, "备份失败：%s", sqlite3_errmsg(dst));
out:
	if (sqlite3_close(dst) != SQLITE_OK && !rc)
		rc = ps_fail(err, PS_EIO, "BACKUP", NULL, "备份文件未能完整写入");
	return rc;
}

int sqlite_backup_to(struct db *db, const char *path,
		     void (*progress)(void *arg, int64_t done, int64_t total), void *arg,
		     struct ps_err *err)
{
	char *audit_path = sqlite3_mprintf("%s" DB_AUDIT_SUFFIX, path);
	int src, rc;

	if (!audit_path)
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
	/* One snapshot: without a read transaction of its own, each step
	 * takes a fresh one and any commit by another connection restarts
	 * the copy from page 1, so under steady writes it never ends. With
	 * one held, the steps see a fixed database (WAL keeps it for us).
	 * Both files are read in it: the main file's snapshot and the audit
	 * file's are taken together (path and path DB_AUDIT_SUFFIX). */
	src = sqlite3_exec(db->h,
			   "BEGIN; SELECT COUNT(*) FROM main.sqlite_schema;"
			   " SELECT COUNT(*) FROM " DB_AUDIT_SCHEMA ".sqlite_schema;",
			   NULL, NULL, NULL);
	if (src != SQLITE_OK) {
		rc = sqlite_map_error(db->h, src, err);
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_free(audit_path);
		return rc ? rc : PS_EIO;
	}
	rc = backup_schema(db, "main", path, progress, arg, err);
	if (!rc)
		rc = backup_schema(db, DB_AUDIT_SCHEMA, audit_path, NULL, NULL, err);
	sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
	sqlite3_free(audit_path);
	return rc;
}

int sqlite_integrity_check(struct db *db, struct ps_err *err)
{
	struct db_stmt *st;
	int rc = db_prepare(db, "PRAGMA integrity_check", &st, err);
	const char *t;

	if (rc)
		return rc;
	rc = db_step(st, err);
	if (rc == PS_ROW) {
		t = db_column_text(st, 0);
		rc = (t && strcmp(t, "ok") == 0)
			     ? PS_OK
			     : ps_fail(err, PS_EIO, "INTEGRITY", NULL,
				       "数据库完整性检查失败：%s", t ? t : "");
	} else if (rc == PS_DONE) {
		rc = ps_fail(err, PS_EIO, "INTEGRITY", NULL,
			     "数据库完整性检查无结果");
	}
	db_finalize(st);
	return rc;
}

int db_file_in_use(const char *path)
{
	sqlite3 *h = NULL;
	int src;

	if (db_is_url(path) || access(path, F_OK) != 0)
		return 0;
	/* in exclusive locking mode a WAL database is read without the shared
	 * wal-index, so the first read takes the file's exclusive lock (wal.html,
	 * "Use of WAL Without Shared-Memory"); busy_timeout stays 0 */
	src = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, NULL);
	if (src == SQLITE_OK)
		src = sqlite3_exec(h, "PRAGMA locking_mode=EXCLUSIVE;"
				      " SELECT COUNT(*) FROM sqlite_schema;",
				   NULL, NULL, NULL);
	sqlite3_close(h);
	return (src & 0xff) == SQLITE_BUSY || (src & 0xff) == SQLITE_LOCKED;
}
