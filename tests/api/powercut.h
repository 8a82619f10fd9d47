/* powercut.h — the log of the power-cut library (TRUST DUR-3), shared by
 * the library that writes it (powercut.c, preloaded into `precinct serve`)
 * and the story that reads it (powercut_util.h).
 *
 * The library logs every write, truncation and sync of the files whose path
 * begins with $PRECINCT_POWERCUT_PREFIX (the database, its WAL, the read-
 * audit file and its WAL; "-shm" files are left out: SQLite rebuilds the
 * WAL index of a database that no process has open). A record is appended
 * before the operation it describes, with what the operation overwrites, so
 * that the files can be taken back to what they held at their last sync and
 * the operations since then replayed, each one whole, torn or not at all.
 *
 * A record, in one write(2) to the log (O_APPEND):
 *     struct pc_rec | path (path_len bytes) | before (before_len bytes)
 *     | data (len bytes, PC_WRITE only) | uint32_t PC_END
 * A record cut short (the process killed in the middle) ends the log. */
#ifndef PS_TEST_POWERCUT_H
#define PS_TEST_POWERCUT_H

#include <stdint.h>

#define PC_MAGIC 0x31524350u /* "PCR1" */
#define PC_END 0x45524350u   /* "PCRE" */

enum pc_kind {
	PC_WRITE = 1,    /* off, len: the bytes written; before: what they replaced */
	PC_TRUNCATE = 2, /* off: the new size; before: the bytes cut off */
	PC_SYNC = 3,     /* off: the log's size when the sync began; every write
			  * of the file logged before that is on the disk */
	PC_UNDONE = 4,   /* off: the position of a record whose operation failed */
};

struct pc_rec {
	uint32_t magic, kind;
	int64_t off;
	int64_t len;
	int64_t old_size; /* the file's size before the operation */
	uint32_t path_len, before_len;
};

#endif
