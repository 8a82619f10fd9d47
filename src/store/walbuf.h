/* walbuf.h — the VFS under every SQLite connection of Precinct: the default
 * one, with a WAL file's consecutive writes gathered into one (walbuf.c). */
#ifndef PS_STORE_WALBUF_H
#define PS_STORE_WALBUF_H

/* Register the VFS as SQLite's default, wrapping the default found. Call
 * before the first connection opens (db_sqlite.c's configure_once); a
 * second call changes nothing. Not thread-safe: configure_once runs it
 * under pthread_once.
 * SQLITE_OK, or SQLite's error code: then connections use the wrapped VFS
 * as it is. */
int walbuf_register(void);

/* How many writes (and truncations) the WAL file of the database at path
 * has had through this process's connections, into *out: each is counted
 * once it reached the file (returned), so a sync that read the count
 * before its fdatasync covers every write counted; a write still in the
 * buffer is counted when it goes out, at the latest within its commit.
 * 0, or -1 when the process has no such database open through this VFS
 * (then nothing is known). Thread-safe. */
int walbuf_wal_writes(const char *path, unsigned long long *out);

#endif
