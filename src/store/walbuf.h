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

#endif
