/* wal.c — precinct wal archive|restore: PostgreSQL's WAL archive sealed with
 * the county's key (docs/deploy.md §4). The nightly base backup is sealed
 * by precinct backup; a point-in-time restore then replays every segment
 * archived since, which whoever can write the backup host could change.
 * As the primary's archive_command, `wal archive` copies each segment into
 * the archive with SEGMENT.mac beside it (backup_mac.h); as a restore's
 * restore_command, `wal restore` hands PostgreSQL a segment only when its
 * MAC holds, and otherwise makes the recovery stop with the reason
 * (exit 126: PostgreSQL ends a recovery at once on an exit above 125, where
 * a plain failure would read as "the archive ends here" and open the
 * cluster without the rest). */
#include "cli/backup_mac.h"
#include "cli/cli.h"
#include "core/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define WAL_REFUSED 126 /* PostgreSQL aborts the recovery (above 125) */

static const char help[] =
	"usage: precinct wal archive --key FILE SEGMENT DEST\n"
	"       precinct wal restore --key FILE SOURCE SEGMENT\n"
	"  The PostgreSQL WAL archive sealed with the county's key (the server secret,\n"
	"  as precinct backup uses it):\n"
	"    archive_command = 'precinct wal archive --key /etc/precinct/county.key %p /backup/wal/%f'\n"
	"    restore_command = 'precinct wal restore --key /etc/precinct/county.key /backup/wal/%f %p'\n"
	"  archive copies SEGMENT to DEST (synced) with DEST.mac beside it; a DEST already\n"
	"  there is accepted only when it is the same segment. restore copies SOURCE to\n"
	"  SEGMENT when its MAC holds; a SOURCE that is not there exits 1 (the archive's\n"
	"  end), one whose MAC is missing or does not match exits 126, which stops the\n"
	"  recovery.\n";

/* the MAC of the file at path into mac, and with copy_to a synced copy of
 * the bytes MAC'd there (created; removed on failure). 0, or -1 with errno */
static int mac_copy(const char *path, const char *copy_to, const unsigned char key[CRYPTO_SECRET_LEN],
		    char mac[CRYPTO_HASH_HEX])
{
	int in = open(path, O_RDONLY | O_CLOEXEC), out = -1, rc;

	if (in < 0)
		return -1;
	if (copy_to) {
		unlink(copy_to);
		out = open(copy_to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (out < 0) {
			close(in);
			return -1;
		}
	}
	rc = backup_mac_stream(in, out, key, mac);
	close(in);
	if (out >= 0) {
		if (rc == 0 && fsync(out) != 0)
			rc = -1;
		if (close(out) != 0)
			rc = -1;
		if (rc)
			unlink(copy_to);
	}
	return rc;
}

/* the directory of path, synced (a rename in it made durable) */
static int sync_dir_of(const char *path)
{
	char dir[BACKUP_MAC_PATH_MAX];
	const char *slash = strrchr(path, '/');
	int fd, rc;

	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
	fd = open(dir[0] ? dir : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

static int wal_archive(const char *seg, const char *dest, const unsigned char key[CRYPTO_SECRET_LEN])
{
	char mac_path[BACKUP_MAC_PATH_MAX], tmp[BACKUP_MAC_PATH_MAX], mac[CRYPTO_HASH_HEX],
		have[CRYPTO_HASH_HEX], want[CRYPTO_HASH_HEX];
	struct stat st;

	if ((size_t)snprintf(mac_path, sizeof(mac_path), "%s.mac", dest) >= sizeof(mac_path) ||
	    (size_t)snprintf(tmp, sizeof(tmp), "%s.part", dest) >= sizeof(tmp)) {
		fprintf(stderr, "precinct wal archive: path too long: %s\n", dest);
		return 1;
	}
	if (stat(dest, &st) == 0) {
		/* archived before (the archiver retries after a crash): the same
		 * segment under a valid seal is done, anything else refused */
		if (mac_copy(seg, NULL, key, mac) == 0 && mac_copy(dest, NULL, key, have) == 0 &&
		    backup_mac_read(mac_path, want, "wal archive") == 0 && crypto_str_equal(mac, have) &&
		    crypto_str_equal(mac, want))
			return 0;
		fprintf(stderr,
			"precinct wal archive: 归档中已有 %s，且与本段内容或校验码不同，拒绝覆盖 / %s is in the"
			" archive already with other content or seal: not overwritten\n",
			dest, dest);
		return 1;
	}
	if (mac_copy(seg, tmp, key, mac) != 0) {
		fprintf(stderr, "precinct wal archive: cannot copy %s to %s: %s\n", seg, tmp, strerror(errno));
		return 1;
	}
	/* the seal first, then the segment: a segment is never there without
	 * its own seal (a seal alone is written again next time) */
	if (backup_mac_write(mac_path, mac) != 0 || rename(tmp, dest) != 0 || sync_dir_of(dest) != 0) {
		fprintf(stderr, "precinct wal archive: cannot write %s: %s\n", dest, strerror(errno));
		unlink(tmp);
		return 1;
	}
	return 0;
}

static int wal_restore(const char *src, const char *seg, const unsigned char key[CRYPTO_SECRET_LEN])
{
	char mac_path[BACKUP_MAC_PATH_MAX], tmp[BACKUP_MAC_PATH_MAX], got[CRYPTO_HASH_HEX],
		want[CRYPTO_HASH_HEX];

	if (access(src, F_OK) != 0)
		return 1; /* not archived: PostgreSQL asks past the archive's end */
	if ((size_t)snprintf(mac_path, sizeof(mac_path), "%s.mac", src) >= sizeof(mac_path) ||
	    (size_t)snprintf(tmp, sizeof(tmp), "%s.part", seg) >= sizeof(tmp)) {
		fprintf(stderr, "precinct wal restore: path too long: %s\n", src);
		return WAL_REFUSED;
	}
	if (backup_mac_read(mac_path, want, "wal restore"))
		return WAL_REFUSED;
	if (mac_copy(src, tmp, key, got) != 0) {
		fprintf(stderr, "precinct wal restore: cannot copy %s to %s: %s\n", src, tmp, strerror(errno));
		return WAL_REFUSED;
	}
	if (!crypto_str_equal(got, want)) {
		unlink(tmp);
		fprintf(stderr,
			"precinct wal restore: 归档的 WAL 段 %s 校验码不符（归档后被改动，或密钥不是本县的），"
			"恢复已停止 / the archived WAL segment %s does not match its seal (changed since it was"
			" archived, or the key is not the county's): the recovery stops here\n",
			src, src);
		return WAL_REFUSED;
	}
	if (rename(tmp, seg) != 0) {
		fprintf(stderr, "precinct wal restore: cannot write %s: %s\n", seg, strerror(errno));
		unlink(tmp);
		return WAL_REFUSED;
	}
	return 0;
}

int cmd_wal(int argc, char **argv)
{
	static const char *const spec[] = { "key", NULL };
	const char *v[1] = { 0 }, *pos[3];
	unsigned char key[CRYPTO_SECRET_LEN];
	int npos, rc, archive;

	rc = cli_options(argc, argv, spec, v, pos, 3, &npos, help);
	if (rc)
		return rc == 1 ? 0 : 2;
	archive = npos == 3 && strcmp(pos[0], "archive") == 0;
	if (npos != 3 || (!archive && strcmp(pos[0], "restore") != 0)) {
		fputs(help, stderr);
		return 2;
	}
	if (!v[0]) {
		fprintf(stderr, "precinct wal %s: --key FILE is required (the county's server secret)\n", pos[0]);
		return 2;
	}
	if (backup_mac_key(v[0], NULL, key, archive ? "wal archive" : "wal restore"))
		return archive ? 1 : WAL_REFUSED;
	rc = archive ? wal_archive(pos[1], pos[2], key) : wal_restore(pos[1], pos[2], key);
	ps_memzero(key, sizeof(key));
	return rc;
}
