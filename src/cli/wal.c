/* wal.c — precinct wal key|archive|restore: PostgreSQL's WAL archive sealed
 * with a key of the county (docs/deploy.md §4). The nightly base backup is
 * sealed by precinct backup; a point-in-time restore then replays every
 * segment archived since, which whoever can write the backup host could
 * change.
 *
 * The key: the database machine runs archive_command, so it holds the key
 * that seals the archive. It must not hold the server secret, which also
 * seals the two-factor secrets in the database (TRUST CRY-2) and the base
 * backups: `wal key` derives a key of the archive's own from the secret
 * (a KDF sub-key), and only that file goes to the database machine.
 *
 * A segment's seal (SEGMENT.mac beside it, the backups' format) is a keyed
 * MAC of its name and its bytes: a segment copied over another's name, seal
 * and all, fails too. As archive_command, `wal archive` publishes the
 * segment first, without replacing any (link), then its seal; a segment
 * already there is accepted only when it is the same one, and then its
 * seal is written again if missing (a crash between the two). As
 * restore_command, `wal restore` hands PostgreSQL a segment only when its
 * seal holds. A segment that is not there exits 1, which PostgreSQL reads
 * as the archive's end; anything else — a seal that fails or is missing, an
 * archive it cannot read, a wrong command line — exits 126, above 125,
 * which stops the recovery instead of opening the cluster without the
 * rest. A segment deleted from the archive looks like its end: a restore
 * to a time (recovery_target_time) then refuses to open short of it. */
#include "cli/backup_mac.h"
#include "cli/cli.h"
#include "core/mem.h"

#include <sodium.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define WAL_REFUSED 126   /* PostgreSQL aborts the recovery (above 125) */
#define WAL_KEY_CONTEXT "PCWALKEY" /* the archive's key, from the secret */
#define WAL_MAC_CONTEXT "PCWALSEG" /* a segment's MAC, from that key */
#define PATH_LEN BACKUP_MAC_PATH_MAX

static const char help[] =
	"usage: precinct wal key --key SECRET --out FILE\n"
	"       precinct wal archive --key FILE SEGMENT DEST\n"
	"       precinct wal restore --key FILE [--old-key FILE] SOURCE SEGMENT\n"
	"  PostgreSQL's WAL archive sealed with a key of the county's:\n"
	"    key      writes FILE (0600; never over a file), the archive's own key derived\n"
	"             from the server secret SECRET: the only key the database machine gets\n"
	"    archive_command = 'precinct wal archive --key /etc/precinct/wal.key %p /backup/wal/%f'\n"
	"    restore_command = 'precinct wal restore --key /etc/precinct/wal.key /backup/wal/%f %p'\n"
	"  archive copies SEGMENT to DEST (synced, never over another file) with DEST.mac\n"
	"  beside it; a DEST already there is accepted only when it is the same segment.\n"
	"  restore copies SOURCE to SEGMENT when its seal holds (--old-key: segments\n"
	"  sealed before a key change); exit 1 when SOURCE is not there (the archive's\n"
	"  end), 126 for anything else, which stops the recovery.\n";

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* The seal of the file at path archived as name, into mac; with copy_fd >=
 * 0 the bytes sealed are copied there. 0, or -1 with errno. */
static int seal_of(const char *path, const char *name, int copy_fd, const unsigned char key[CRYPTO_SECRET_LEN],
		   char mac[CRYPTO_HASH_HEX])
{
	struct crypto_mac m;
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	crypto_mac_init(&m, key, WAL_MAC_CONTEXT);
	crypto_mac_update(&m, name, strlen(name) + 1);
	rc = backup_mac_finish(&m, fd, copy_fd, mac);
	close(fd);
	return rc;
}

/* path's MAC file into out (PATH_LEN), or NULL when too long */
static const char *mac_path_of(const char *path, char out[PATH_LEN])
{
	return (size_t)snprintf(out, PATH_LEN, "%s.mac", path) < PATH_LEN ? out : NULL;
}

/* 1 when the directory of path is there */
static int dir_there(const char *path)
{
	char d[PATH_LEN];
	const char *slash = strrchr(path, '/');
	struct stat st;

	snprintf(d, sizeof(d), "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
	return stat(d[0] ? d : "/", &st) == 0 && S_ISDIR(st.st_mode);
}

/* fsync the file at path (its directory when dir) */
static int sync_path(const char *path, int dir)
{
	char d[PATH_LEN];
	const char *slash = strrchr(path, '/');
	int fd, rc;

	if (dir) {
		snprintf(d, sizeof(d), "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
		path = d[0] ? d : "/";
	}
	fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* A copy of src at a new temporary name beside dest (into tmp), synced
 * when sync, sealed as name into mac. 0, or -1 with errno (nothing left). */
static int copy_sealed(const char *src, const char *dest, const char *name, int sync,
		       const unsigned char key[CRYPTO_SECRET_LEN], char tmp[PATH_LEN], char mac[CRYPTO_HASH_HEX])
{
	int out, rc;

	if ((size_t)snprintf(tmp, PATH_LEN, "%s.XXXXXX", dest) >= PATH_LEN) {
		errno = ENAMETOOLONG;
		return -1;
	}
	out = mkstemp(tmp);
	if (out < 0)
		return -1;
	rc = seal_of(src, name, out, key, mac);
	if (rc == 0 && sync && fsync(out) != 0)
		rc = -1;
	if (close(out) != 0)
		rc = -1;
	if (rc)
		unlink(tmp);
	return rc;
}

/* DEST is there: the same segment (its seal written again if it lacks
 * one, everything synced) is done, another is refused. */
static int archived_before(const char *seg, const char *dest, const char *mac_path,
			   const unsigned char key[CRYPTO_SECRET_LEN])
{
	const char *name = base_name(dest);
	char mine[CRYPTO_HASH_HEX], theirs[CRYPTO_HASH_HEX], sealed[CRYPTO_HASH_HEX];
	FILE *f;

	if (seal_of(seg, name, -1, key, mine) != 0 || seal_of(dest, name, -1, key, theirs) != 0) {
		fprintf(stderr, "precinct wal archive: cannot read %s or %s: %s\n", seg, dest, strerror(errno));
		return 1;
	}
	if (!crypto_str_equal(mine, theirs)) {
		fprintf(stderr,
			"precinct wal archive: 归档中已有 %s，且内容与本段不同，拒绝覆盖 / %s is in the archive"
			" already with other content: not overwritten\n",
			dest, dest);
		return 1;
	}
	/* the same segment: its seal is ours to write again when it is
	 * missing or is another (a crash between the two writes, an older key) */
	f = fopen(mac_path, "r");
	if (f)
		fclose(f);
	if (!f || backup_mac_read(mac_path, sealed, "wal archive") != 0 || !crypto_str_equal(sealed, mine)) {
		if (backup_mac_write(mac_path, mine) != 0) {
			fprintf(stderr, "precinct wal archive: cannot write %s: %s\n", mac_path, strerror(errno));
			return 1;
		}
	}
	if (sync_path(dest, 0) != 0 || sync_path(mac_path, 0) != 0 || sync_path(dest, 1) != 0) {
		fprintf(stderr, "precinct wal archive: cannot sync %s: %s\n", dest, strerror(errno));
		return 1;
	}
	return 0;
}

static int wal_archive(const char *seg, const char *dest, const unsigned char key[CRYPTO_SECRET_LEN])
{
	char mac_path[PATH_LEN], tmp[PATH_LEN], mac[CRYPTO_HASH_HEX];
	int linked; /* 0, or link's errno */

	if ((size_t)snprintf(mac_path, sizeof(mac_path), "%s.mac", dest) >= sizeof(mac_path)) {
		fprintf(stderr, "precinct wal archive: path too long: %s\n", dest);
		return 1;
	}
	if (access(dest, F_OK) == 0)
		return archived_before(seg, dest, mac_path, key);
	if (copy_sealed(seg, dest, base_name(dest), 1, key, tmp, mac) != 0) {
		fprintf(stderr, "precinct wal archive: cannot copy %s beside %s: %s\n", seg, dest, strerror(errno));
		return 1;
	}
	/* published without replacing: of two archivers of one name, one
	 * links and the other compares */
	linked = link(tmp, dest) == 0 ? 0 : errno;
	if (linked == EPERM || linked == EOPNOTSUPP || linked == ENOSYS) {
		/* a file system without hard links (SMB): renamed after one
		 * more look, a race of two archivers left to the retry's check */
		linked = access(dest, F_OK) == 0 ? EEXIST : rename(tmp, dest) == 0 ? 0 : errno;
	}
	unlink(tmp);
	if (linked == EEXIST)
		return archived_before(seg, dest, mac_path, key);
	if (linked) {
		fprintf(stderr, "precinct wal archive: cannot write %s: %s\n", dest, strerror(linked));
		return 1;
	}
	if (sync_path(dest, 1) != 0 || backup_mac_write(mac_path, mac) != 0 || sync_path(dest, 1) != 0) {
		fprintf(stderr, "precinct wal archive: cannot write %s: %s\n", mac_path, strerror(errno));
		return 1;
	}
	return 0;
}

static int wal_restore(const char *src, const char *seg, const unsigned char key[CRYPTO_SECRET_LEN],
		       const unsigned char *old_key)
{
	const char *name = base_name(src);
	char mac_path[PATH_LEN], tmp[PATH_LEN], got[CRYPTO_HASH_HEX], want[CRYPTO_HASH_HEX];
	int fd = open(src, O_RDONLY | O_CLOEXEC);

	if (fd < 0 && errno == ENOENT) {
		const char *seal = mac_path_of(src, mac_path);
		struct stat st;

		if (seal && stat(seal, &st) == 0) {
			fprintf(stderr, "precinct wal restore: %s 已删除，其校验码仍在；恢复已停止 / %s is gone"
					" but its seal is there: the recovery stops here\n",
				src, src);
			return WAL_REFUSED;
		}
		if (!dir_there(src)) {
			fprintf(stderr, "precinct wal restore: the archive's directory of %s is not there (not"
					" mounted?): the recovery stops here\n",
				src);
			return WAL_REFUSED;
		}
		return 1; /* not archived: PostgreSQL asks past the archive's end */
	}
	if (fd < 0) {
		fprintf(stderr, "precinct wal restore: cannot read %s: %s; the recovery stops here\n", src,
			strerror(errno));
		return WAL_REFUSED;
	}
	close(fd);
	if (!mac_path_of(src, mac_path)) {
		fprintf(stderr, "precinct wal restore: path too long: %s\n", src);
		return WAL_REFUSED;
	}
	/* the archiver links a segment, then writes its seal: a restore from
	 * an archive still written to may come between */
	for (int i = 0; i < 20 && access(mac_path, F_OK) != 0; i++)
		usleep(100 * 1000);
	if (backup_mac_read(mac_path, want, "wal restore"))
		return WAL_REFUSED;
	/* PostgreSQL reads it at once and keeps nothing of it: not synced */
	if (copy_sealed(src, seg, name, 0, key, tmp, got) != 0) {
		fprintf(stderr, "precinct wal restore: cannot copy %s to %s: %s\n", src, seg, strerror(errno));
		return WAL_REFUSED;
	}
	if (!crypto_str_equal(got, want) && old_key && seal_of(tmp, name, -1, old_key, got) != 0)
		got[0] = '\0';
	if (!crypto_str_equal(got, want)) {
		unlink(tmp);
		fprintf(stderr,
			"precinct wal restore: 归档的 WAL 段 %s 校验码不符（归档后被改动或换名，或密钥不是本县的），"
			"恢复已停止 / the archived WAL segment %s does not match its seal (changed or renamed"
			" since it was archived, or the key is not the county's): the recovery stops here\n",
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

/* precinct wal key: the archive's key, derived from the server secret */
static int wal_key(const char *secret_path, const char *out)
{
	unsigned char secret[CRYPTO_SECRET_LEN], key[CRYPTO_SECRET_LEN];
	char hex[2 * CRYPTO_SECRET_LEN + 2];
	int rc;

	if (backup_mac_key(secret_path, NULL, secret, "wal key"))
		return 1;
	crypto_subkey(key, secret, WAL_KEY_CONTEXT);
	ps_memzero(secret, sizeof(secret));
	sodium_bin2hex(hex, sizeof(hex) - 1, key, sizeof(key));
	ps_memzero(key, sizeof(key));
	hex[2 * CRYPTO_SECRET_LEN] = '\n';
	hex[2 * CRYPTO_SECRET_LEN + 1] = '\0';
	/* never over a file: --out naming the server secret would lose it */
	rc = backup_file_write(out, hex, 0);
	ps_memzero(hex, sizeof(hex));
	if (rc && errno == EEXIST) {
		fprintf(stderr, "precinct wal key: %s 已存在，未覆盖 / %s exists: not overwritten\n", out, out);
		return 1;
	}
	if (rc) {
		fprintf(stderr, "precinct wal key: cannot write %s: %s\n", out, strerror(errno));
		return 1;
	}
	if (sync_path(out, 1) != 0) {
		fprintf(stderr, "precinct wal key: cannot sync %s: %s\n", out, strerror(errno));
		return 1;
	}
	printf("the WAL archive's key written to %s (mode 0600): copy it to the database machine, readable"
	       " by the postgres user only; it seals the archive and nothing else\n",
	       out);
	return 0;
}

/* The subcommand: the first argument that is neither an option nor an
 * option's value (every option of wal takes one), "" when none. */
static const char *mode_of(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] != '-')
			return argv[i];
		if (argv[i][1] == '-' && argv[i][2] && !strchr(argv[i], '='))
			i++;
	}
	return "";
}

int cmd_wal(int argc, char **argv)
{
	static const char *const spec[] = { "key", "old-key", "out", NULL };
	const char *v[3] = { 0 }, *pos[3], *mode = mode_of(argc, argv);
	unsigned char key[CRYPTO_SECRET_LEN], old_key[CRYPTO_SECRET_LEN];
	int npos, rc, restore = strcmp(mode, "restore") == 0, archive = strcmp(mode, "archive") == 0;
	/* restore_command: anything but "not there" must stop the recovery;
	 * archive_command: anything but "archived" must fail */
	int usage = restore ? WAL_REFUSED : 2, fail = restore ? WAL_REFUSED : 1;

	if (restore || archive)
		for (int i = 1; i < argc; i++)
			if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
				fputs(help, stderr);
				return usage; /* never "done" for PostgreSQL */
			}
	rc = cli_options(argc, argv, spec, v, pos, 3, &npos, help);
	if (rc)
		return rc == 1 ? 0 : usage;
	if (npos == 1 && strcmp(pos[0], "key") == 0) {
		if (!v[0] || !v[2]) {
			fprintf(stderr, "precinct wal key: --key SECRET and --out FILE are required\n");
			return 2;
		}
		return wal_key(v[0], v[2]);
	}
	if (npos != 3 || !(restore || archive) || strcmp(pos[0], mode) != 0) {
		fputs(help, stderr);
		return usage;
	}
	if (!v[0]) {
		fprintf(stderr, "precinct wal %s: --key FILE is required (precinct wal key makes it)\n", pos[0]);
		return usage;
	}
	if (backup_mac_key(v[0], NULL, key, restore ? "wal restore" : "wal archive") ||
	    (restore && v[1] && backup_mac_key(v[1], NULL, old_key, "wal restore")))
		return fail;
	rc = restore ? wal_restore(pos[1], pos[2], key, v[1] ? old_key : NULL) : wal_archive(pos[1], pos[2], key);
	ps_memzero(key, sizeof(key));
	ps_memzero(old_key, sizeof(old_key));
	return rc;
}
