/* backup_mac.h — the keyed MAC that seals what Precinct backs up
 * (backup.c: SQLite backups and PostgreSQL base backups; wal.c: the
 * PostgreSQL WAL archive): BLAKE2b keyed with a key derived from the server
 * secret, kept beside what it seals in a file of one line
 * "precinct-backup-mac-v1 HEX". Whoever can write the backups cannot make a
 * MAC for a changed file without the county's secret (TRUST BKP-3, CRY-3). */
#ifndef PS_CLI_BACKUP_MAC_H
#define PS_CLI_BACKUP_MAC_H

#include "core/crypto.h"

#define BACKUP_MAC_PATH_MAX 4096

/* The secret for command cmd: the file key_opt when given, else
 * DB_PATH.key (PRECINCT_SECRET_FILE for a PostgreSQL URL). 0, or 1 after
 * printing why. */
int backup_mac_key(const char *key_opt, const char *db_path, unsigned char key[CRYPTO_SECRET_LEN],
		   const char *cmd);

/* A MAC under way, with the backups' key derivation. */
void backup_mac_init(struct crypto_mac *m, const unsigned char key[CRYPTO_SECRET_LEN]);

/* The MAC of the file at fd from where it stands to its end; with
 * copy_fd >= 0 every byte read is also written there (a restore copies and
 * checks in one pass, so the bytes restored are the bytes checked). 0, or
 * -1 with errno. */
int backup_mac_stream(int fd, int copy_fd, const unsigned char key[CRYPTO_SECRET_LEN],
		      char out[CRYPTO_HASH_HEX]);

/* The same for a MAC begun by the caller (another key, a name fed first):
 * the file's bytes added to m, then m finished into out. */
int backup_mac_finish(struct crypto_mac *m, int fd, int copy_fd, char out[CRYPTO_HASH_HEX]);

/* Write the MAC file at path (through a temporary file of its own beside
 * it, synced, renamed into place). 0, or -1 with errno. */
int backup_mac_write(const char *path, const char mac[CRYPTO_HASH_HEX]);

/* Write text to path through a temporary file of its own beside it (0600),
 * synced; with replace renamed over what is there, without linked (never
 * over a file: EEXIST). 0, or -1 with errno. */
int backup_file_write(const char *path, const char *text, int replace);

/* The MAC recorded in the MAC file at path into out. 0, or 1 after printing
 * why (as command cmd: missing, malformed). */
int backup_mac_read(const char *path, char out[CRYPTO_HASH_HEX], const char *cmd);

#endif
