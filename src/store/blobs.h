/* blobs.h — the attachment store: files named by their SHA-256 in a
 * directory beside the database ("<db>.files/ab/abcdef…"), written once and
 * never altered (evidence attachments, issue 15). Only store/ touches the
 * files; domain code hands bytes in and gets bytes out. */
#ifndef PS_STORE_BLOBS_H
#define PS_STORE_BLOBS_H

#include <stddef.h>
#include <stdint.h>

#include "core/rc.h"

/* Remember the directory of the database at db_path ("<db_path>.files");
 * for a PostgreSQL URL the directory named by PRECINCT_FILES_DIR, shared by
 * every application server (unset: blobs_put refuses with PS_EUNAVAIL).
 * Called once at start-up (serve, init) before any request. PS_EINVAL when
 * the path is too long. */
int blobs_root_set(const char *db_path);

/* Store n bytes under their SHA-256 sha (64 lowercase hex, computed by the
 * caller). A file of that name that exists already is kept as it is (same
 * content by its name). Written to a temporary file, synced, then linked
 * into place read-only, so a reader never sees half a file. PS_EUNAVAIL
 * (ATTACHMENT_STORE) when the directory or the file cannot be written;
 * nothing is left behind then but a temporary file that is removed. */
int blobs_put(const void *p, size_t n, const char *sha, struct ps_err *err);

/* Read the file stored as sha into a new ps_malloc block *out (the caller
 * ps_frees it) of *len bytes, and check its SHA-256 against its name:
 * PS_ENOTFOUND when there is no such file, PS_EUNAVAIL (ATTACHMENT_DAMAGED)
 * when it was altered or cannot be read, PS_ETOOBIG past max bytes,
 * PS_ENOMEM. *out is NULL on failure. */
int blobs_get(const char *sha, size_t max, void **out, size_t *len, struct ps_err *err);

/* The directory blobs_root_set chose ("" when none). */
const char *blobs_root(void);

/* "<db_path>.files": the directory of the SQLite database at db_path (a
 * backup FILE keeps its attachments in "FILE.files"). PS_EINVAL when too long. */
int blobs_dir_of(const char *db_path, char *out, size_t n);

/* What blobs_copy_tree did. */
struct blobs_copied {
	int64_t copied;  /* files written into to_root */
	int64_t kept;    /* files to_root held already (same name: same content) */
	int64_t damaged; /* files whose content does not match their name: not copied */
};

/* Copy every stored file of the directory from_root ("<from>/ab/abcd…") into
 * to_root, creating it (0750) when missing; each file is read whole, checked
 * against its name and written like blobs_put (temporary file, synced, linked
 * read-only into place). A from_root that does not exist holds no file: PS_OK.
 * PS_EIO (ATTACHMENT_STORE) when a directory or file cannot be read or
 * written; what was copied before stays (every file is whole). */
int blobs_copy_tree(const char *from_root, const char *to_root, struct blobs_copied *out,
		    struct ps_err *err);

/* 1 when the directory root holds a file named sha (not checked), else 0. */
int blobs_exists_in(const char *root, const char *sha);

#endif
