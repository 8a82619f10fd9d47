/* db_sqlite.h — what the files of the SQLite store share (private to
 * src/store/): the connection and statement structs, the mapping of
 * SQLite's result codes to ours, and the calls of the ops table that live
 * outside db_sqlite.c — backups and the integrity check
 * (db_sqlite_backup.c). Only these files call sqlite3_* (and walbuf.c,
 * below them). */
#ifndef PS_DB_SQLITE_H
#define PS_DB_SQLITE_H

#include "store/db_impl.h"

#include <sqlite3.h>

struct db_stmt {
	const struct db_ops *ops; /* first: see db_impl.h */
	struct db_stmt *next;
	struct db *db;
	sqlite3_stmt *s;
	char *sql;
	int in_use;
	int cached;
};

/* The statement cache: by a hash of the SQL text, so a request's twenty
 * prepares do not walk a list of hundreds. Every statement Precinct has
 * fits (~400 texts); beyond the cap a statement is prepared each time. */
#define DB_CACHE_BUCKETS 512
#define DB_CACHE_MAX 2048

struct db {
	const struct db_ops *ops; /* first two: see db_impl.h */
	uint64_t epoch;
	sqlite3 *h;
	struct db_stmt *cache[DB_CACHE_BUCKETS];
	int ncached;
	int writer;      /* db_use_as_writer was called */
	int sync_failed; /* a sync failed: see db_sync_failed */
	int txn;         /* begun by sq_begin and not yet ended: when SQLite
			  * rolled it back itself (an I/O error, a full disk)
			  * no statement runs until the caller ends it — it
			  * would run in autocommit and keep a part of a
			  * request that is then answered 503 */
};

/* SQLite's result code src (with h's message, when h is not NULL) as ours
 * into err: PS_OK for OK, ROW and DONE. */
int sqlite_map_error(sqlite3 *h, int src, struct ps_err *err);

/* db_backup_to and db_integrity_check (db.h) */
int sqlite_backup_to(struct db *db, const char *path,
		     void (*progress)(void *arg, int64_t done, int64_t total), void *arg,
		     struct ps_err *err);
int sqlite_integrity_check(struct db *db, struct ps_err *err);

#endif
