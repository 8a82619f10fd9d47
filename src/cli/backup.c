/* backup.c — precinct backup and restore: an online copy that finishes under
 * any write load, carried with a keyed MAC (BLAKE2b, key derived from the
 * server secret) in a sidecar file FILE.mac; restore refuses a file whose MAC
 * is missing or does not match, and changes nothing then.
 *
 * Why a sidecar and not a trailer: the backup stays a plain SQLite file that
 * any sqlite3 opens as it is (bytes after the last page would be read by
 * SQLite as a partial page and make the file "malformed" for tools that
 * trust the file size), and the MAC can be checked before a single byte of
 * the backup is given to SQLite. */
#include "cli/backup_mac.h"
#include "cli/cli.h"
#include "cli/cli_db.h"
#include "domain/admin/audit.h"
#include "domain/cases/evidence.h"
#include "store/blobs.h"
#include "store/db.h"
#include "core/crypto.h"
#include "core/mem.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PATH_MAX_LEN BACKUP_MAC_PATH_MAX

int cli_secret_path(const char *db_path, char *out, size_t n)
{
	switch (cli_secret_name(db_path, out, n)) {
	case 0:
		return 0;
	case 1:
		fprintf(stderr, "precinct: a PostgreSQL database needs its server secret named by"
				" PRECINCT_SECRET_FILE (a file path; made, mode 0600, when missing)\n");
		return 1;
	default:
		fprintf(stderr, "precinct: path too long: %s\n",
			db_is_url(db_path) ? getenv("PRECINCT_SECRET_FILE") : db_path);
		return 1;
	}
}

int cli_secret_ensure(const char *db_path)
{
	char path[PATH_MAX_LEN];
	struct ps_err e;
	int rc;

	if (cli_secret_path(db_path, path, sizeof(path)))
		return 1;
	ps_err_clear(&e);
	rc = crypto_secret_create(path, &e);
	if (rc == PS_OK)
		printf("server secret created: %s (mode 0600; keep a copy apart from the backups)\n",
		       path);
	if (rc == PS_OK || rc == PS_ECONFLICT)
		return 0;
	fprintf(stderr, "precinct: %s\n", e.msg);
	return 1;
}

/* 1 after saying so when one of the files a backup to `to` writes (FILE,
 * its partial copy, its MAC, and the same three of its read-audit file) is
 * one of the database's own (cli_db_owns). A backup renamed over the
 * database would replace it under a running server (its writes from then
 * on lost), and one over the read-audit file destroyed the audited reads'
 * chain. */
static int backup_overwrites_db(const char *db, const char *to)
{
	static const char *const out_files[] = { "", ".part", ".mac", DB_AUDIT_SUFFIX,
						 ".part" DB_AUDIT_SUFFIX, DB_AUDIT_SUFFIX ".mac" };
	char b[PATH_MAX_LEN], which[PATH_MAX_LEN];

	for (size_t k = 0; k < sizeof(out_files) / sizeof(out_files[0]); k++) {
		snprintf(b, sizeof(b), "%s%s", to, out_files[k]);
		if (!cli_db_owns(db, b, which, sizeof(which)))
			continue;
		fprintf(stderr,
			"precinct backup: 备份会写到数据库自己的文件 %s 上，请换一个备份路径；"
			"数据库未作任何改动 / the backup would write over %s, a file of the"
			" database %s: choose another path; nothing was changed\n",
			which, which, db);
		return 1;
	}
	return 0;
}

/* ---- a PostgreSQL base backup, sealed with the county's key ----
 * pg_basebackup's backup_manifest holds the SHA-256 of every file of the
 * backup, and pg_verifybackup checks them; but anyone who can write the
 * backup can write a new manifest too. The seal is a keyed MAC (the server
 * secret's backup key, as the SQLite backups') of the manifest and of the
 * WAL segments in pg_wal/, which the manifest does not list, by name in
 * name order: DIR.mac, beside the directory (pg_verifybackup refuses a
 * file its manifest does not list). With the seal checked, the
 * manifest is the one the backup was taken with, and pg_verifybackup
 * checks every file against it (docs/deploy.md §4). */
/* DIR.mac for the backup directory dir (a trailing slash left out) */
static void pg_seal_path(const char *dir, char out[PATH_MAX_LEN])
{
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	snprintf(out, PATH_MAX_LEN, "%.*s.mac", (int)(n < PATH_MAX_LEN - 5 ? n : PATH_MAX_LEN - 5), dir);
}

static int mac_add_fd(struct crypto_mac *m, int fd)
{
	static unsigned char block[1 << 16];
	ssize_t n;

	while ((n = read(fd, block, sizeof(block))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		crypto_mac_update(m, block, (size_t)n);
	}
	return 0;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the entries of dir (not "." ones), sorted, in a: *n of
 * them; NULL with *n = 0 when dir cannot be read or memory runs out. */
static char **dir_names(struct arena *a, const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t cap = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (*n == cap) {
			char **more = arena_alloc(a, (cap ? cap * 2 : 64) * sizeof(*more));

			if (!more) {
				*n = 0;
				names = NULL;
				break;
			}
			if (cap)
				memcpy(more, names, cap * sizeof(*more));
			names = more;
			cap = cap ? cap * 2 : 64;
		}
		if (!(names[*n] = arena_strdup(a, e->d_name))) {
			*n = 0;
			names = NULL;
			break;
		}
		(*n)++;
	}
	closedir(d);
	if (names)
		qsort(names, *n, sizeof(*names), name_cmp);
	return names;
}

/* The seal of the base backup in dir into out; 0, or 1 after printing why. */
static int pg_seal_of(const char *dir, const unsigned char key[CRYPTO_SECRET_LEN],
		      char out[CRYPTO_HASH_HEX], const char *cmd)
{
	char path[PATH_MAX_LEN], **names;
	struct crypto_mac m;
	struct arena a;
	size_t n;
	int fd, rc = 0;

	snprintf(path, sizeof(path), "%s/backup_manifest", dir);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "precinct %s: %s 不是 pg_basebackup 的备份目录（缺 backup_manifest）/ "
				"%s is not a pg_basebackup directory: no backup_manifest\n",
			cmd, dir, dir);
		return 1;
	}
	backup_mac_init(&m, key);
	if (mac_add_fd(&m, fd) != 0)
		rc = 1;
	close(fd);
	snprintf(path, sizeof(path), "%s/pg_wal", dir);
	arena_init(&a);
	names = dir_names(&a, path, &n);
	for (size_t i = 0; i < n && !rc; i++) {
		char seg[PATH_MAX_LEN + 260];
		struct stat st;

		snprintf(seg, sizeof(seg), "%s/%s", path, names[i]);
		if (stat(seg, &st) == 0 && S_ISREG(st.st_mode)) {
			crypto_mac_update(&m, names[i], strlen(names[i]) + 1);
			fd = open(seg, O_RDONLY | O_CLOEXEC);
			if (fd < 0 || mac_add_fd(&m, fd) != 0)
				rc = 1;
			if (fd >= 0)
				close(fd);
		}
	}
	arena_release(&a);
	crypto_mac_final(&m, out);
	if (rc)
		fprintf(stderr, "precinct %s: cannot read the backup in %s: %s\n", cmd, dir, strerror(errno));
	return rc;
}

static int pg_backup_seal(const char *db, const char *dir)
{
	unsigned char key[CRYPTO_SECRET_LEN];
	char mac[CRYPTO_HASH_HEX], path[PATH_MAX_LEN];
	int rc;

	if (backup_mac_key(NULL, db, key, "backup"))
		return 1;
	rc = pg_seal_of(dir, key, mac, "backup");
	ps_memzero(key, sizeof(key));
	if (rc)
		return 1;
	pg_seal_path(dir, path);
	if (backup_mac_write(path, mac) != 0) {
		fprintf(stderr, "precinct backup: cannot write %s: %s\n", path, strerror(errno));
		return 1;
	}
	printf("backup sealed: %s (MAC in %s); before a restore: precinct restore --db URL --from %s,"
	       " then pg_verifybackup %s\n",
	       dir, path, dir, dir);
	return 0;
}

static int pg_backup_check(const char *db, const char *dir, const char *key_opt)
{
	unsigned char key[CRYPTO_SECRET_LEN];
	char want[CRYPTO_HASH_HEX], got[CRYPTO_HASH_HEX], path[PATH_MAX_LEN];
	int rc;

	pg_seal_path(dir, path);
	if (backup_mac_read(path, want, "restore") || backup_mac_key(key_opt, db, key, "restore"))
		return 1;
	rc = pg_seal_of(dir, key, got, "restore");
	ps_memzero(key, sizeof(key));
	if (rc)
		return 1;
	if (!crypto_str_equal(want, got)) {
		fprintf(stderr,
			"precinct restore: 备份的校验码不符（封存后清单或日志文件被改动，或密钥不是本县的），"
			"不可用于恢复 / the backup's seal does not match: its manifest or a WAL segment changed"
			" since it was sealed, or the key is not the county's: do not restore it\n");
		return 1;
	}
	printf("backup seal verified: %s; now check every file with pg_verifybackup %s, then restore it"
	       " (docs/deploy.md)\n",
	       dir, dir);
	return 0;
}

struct progress {
	int last_tenth;
};

static void show_progress(void *arg, int64_t done, int64_t total)
{
	struct progress *p = arg;
	int tenth = total > 0 ? (int)(done * 10 / total) : 10;

	if (tenth == p->last_tenth)
		return;
	p->last_tenth = tenth;
	fprintf(stderr, "backup: %lld/%lld pages (%d%%)\n", (long long)done, (long long)total,
		total > 0 ? (int)(done * 100 / total) : 100);
}

/* Copy the attachment files of the database at from_db into those of to_db
 * (see blobs_copy_tree), then count the files the database names that
 * to_db's directory lacks; what was done goes into detail (the audit row).
 * A missing or damaged file is reported on stderr, not refused: the
 * records are worth keeping without it. */
static int copy_attachments(struct cli_db *cd, const char *from_db, const char *to_db, char *detail,
			    size_t n)
{
	char from[PATH_MAX_LEN], to[PATH_MAX_LEN];
	struct blobs_copied got;
	int64_t total = 0, missing = 0;
	int rc;

	if (blobs_dir_of(from_db, from, sizeof(from)) || blobs_dir_of(to_db, to, sizeof(to)))
		return ps_fail(&cd->err, PS_EINVAL, "ATTACHMENT_STORE", NULL, "附件目录路径过长");
	rc = blobs_copy_tree(from, to, &got, &cd->err);
	if (!rc)
		rc = evidence_blobs_missing(&cd->ctx, to, &total, &missing);
	if (rc)
		return rc;
	snprintf(detail, n, "attachments: %lld named, %lld copied, %lld kept, %lld missing, %lld damaged",
		 (long long)total, (long long)got.copied, (long long)got.kept, (long long)missing,
		 (long long)got.damaged);
	if (missing || got.damaged)
		fprintf(stderr,
			"warning: %lld 个附件文件缺失、%lld 个已损坏（内容与 SHA-256 不符，未复制） / "
			"%lld attachment file(s) missing, %lld damaged (not copied)\n",
			(long long)missing, (long long)got.damaged, (long long)missing, (long long)got.damaged);
	return PS_OK;
}

int cmd_backup(int argc, char **argv)
{
	static const char *const spec[] = { "db", "to", NULL };
	static const char help[] =
		"usage: precinct backup --db PATH --to FILE\n"
		"  Copy the whole database to FILE while the server runs: one consistent\n"
		"  snapshot, taken from a single read transaction, so it finishes under\n"
		"  any write load (progress on stderr). Writes FILE.mac beside it: a keyed\n"
		"  BLAKE2b MAC of FILE with a key derived from the server secret PATH.key\n"
		"  (created when missing). restore refuses a FILE whose MAC does not match.\n"
		"  FILE and FILE.mac are overwritten; a FILE that would write over one of\n"
		"  the database's own files is refused. The attachment files (PATH.files) are\n"
		"  copied into FILE.files, each checked against its SHA-256 name; files\n"
		"  FILE.files holds already are kept, so a second backup to FILE copies\n"
		"  only the new ones.\n"
		"  With a PostgreSQL URL, FILE is a directory pg_basebackup made: it is\n"
		"  sealed (FILE.mac: a keyed MAC of its backup_manifest and its pg_wal\n"
		"  segments); restore --from FILE checks the seal.\n";
	const char *v[2] = { 0 }, *pos[1];
	unsigned char key[CRYPTO_SECRET_LEN];
	char tmp[PATH_MAX_LEN], mac_path[PATH_MAX_LEN], mac[CRYPTO_HASH_HEX];
	char tmp_audit[PATH_MAX_LEN], to_audit[PATH_MAX_LEN], audit_mac_path[PATH_MAX_LEN];
	char audit_mac[CRYPTO_HASH_HEX];
	char detail[200] = "";
	struct progress prog = { -1 };
	struct cli_db cd;
	int npos, rc, fd;

	rc = cli_options(argc, argv, spec, v, pos, 0, &npos, help);
	if (rc)
		return rc == 1 ? 0 : 2;
	if (!v[0] || !v[1]) {
		fprintf(stderr, "precinct backup: --db PATH and --to FILE are required\n");
		return 2;
	}
	if (db_is_url(v[0]))
		return pg_backup_seal(v[0], v[1]);
	if (access(v[0], F_OK) != 0) {
		fprintf(stderr, "precinct backup: %s does not exist\n", v[0]);
		return 1;
	}
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.part", v[1]) >= sizeof(tmp) ||
	    (size_t)snprintf(mac_path, sizeof(mac_path), "%s.mac", v[1]) >= sizeof(mac_path) ||
	    (size_t)snprintf(tmp_audit, sizeof(tmp_audit), "%s" DB_AUDIT_SUFFIX, tmp) >=
		    sizeof(tmp_audit) ||
	    (size_t)snprintf(to_audit, sizeof(to_audit), "%s" DB_AUDIT_SUFFIX, v[1]) >=
		    sizeof(to_audit) ||
	    (size_t)snprintf(audit_mac_path, sizeof(audit_mac_path), "%s.mac", to_audit) >=
		    sizeof(audit_mac_path)) {
		fprintf(stderr, "precinct backup: path too long: %s\n", v[1]);
		return 1;
	}
	if (backup_overwrites_db(v[0], v[1]))
		return 1;
	if (cli_secret_ensure(v[0]) || backup_mac_key(NULL, v[0], key, "backup"))
		return 1;
	if (cli_db_open(&cd, v[0])) {
		ps_memzero(key, sizeof(key));
		return 1;
	}
	unlink(tmp);
	unlink(tmp_audit);
	/* the copy holds every record: made 0600 before SQLite writes into it
	 * (an existing file keeps its mode); the read-audit file beside it
	 * (FILE-audit.db, its own MAC in FILE-audit.db.mac) too */
	rc = PS_OK;
	for (int k = 0; k < 2 && !rc; k++) {
		const char *f = k ? tmp_audit : tmp;

		fd = open(f, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
		if (fd < 0)
			rc = ps_fail(&cd.err, PS_EIO, "BACKUP", NULL, "无法创建备份文件 %s：%s", f,
				     strerror(errno));
		else
			rc = close(fd) == 0 ? PS_OK
					    : ps_fail(&cd.err, PS_EIO, "BACKUP", NULL,
						      "无法创建备份文件 %s", f);
	}
	if (!rc)
		rc = db_backup_to(cd.db, tmp, show_progress, &prog, &cd.err);
	for (int k = 0; k < 2 && !rc; k++) {
		const char *f = k ? tmp_audit : tmp;

		fd = open(f, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || backup_mac_stream(fd, -1, key, k ? audit_mac : mac) != 0) {
			rc = ps_fail(&cd.err, PS_EIO, "BACKUP", NULL, "无法读取备份文件 %s：%s", f,
				     strerror(errno));
		}
		if (fd >= 0)
			close(fd);
	}
	ps_memzero(key, sizeof(key));
	/* the MAC first, then the file: a FILE is never left beside the MAC of
	 * another (an older FILE.mac fails the check of a new FILE, safely) */
	if (!rc) {
		/* rename replaces an older FILE at once: no moment without a backup */
		if (backup_mac_write(audit_mac_path, audit_mac) != 0 ||
		    backup_mac_write(mac_path, mac) != 0 || rename(tmp_audit, to_audit) != 0 ||
		    rename(tmp, v[1]) != 0)
			rc = ps_fail(&cd.err, PS_EIO, "BACKUP", NULL, "无法写入备份文件 %s：%s", v[1],
				     strerror(errno));
	}
	if (rc) {
		unlink(tmp);
		unlink(tmp_audit);
	}
	/* the attachments after the snapshot: every file a row of it names was
	 * written before that row committed */
	if (!rc)
		rc = copy_attachments(&cd, v[0], v[1], detail, sizeof(detail));
	if (!rc) {
		/* the server's one writer takes the lock batch after batch
		 * under load: poll for a gap, up to a minute */
		rc = db_begin_write_patient(cd.db, 60000, &cd.err);
		if (!rc)
			rc = audit_write(&cd.ctx, "system.backup", "database", v[1], "success", detail);
		if (!rc)
			rc = db_commit(cd.db, &cd.err);
		else
			db_rollback(cd.db);
	}
	if (rc)
		fprintf(stderr, "precinct backup: %s\n", cd.err.msg);
	else
		printf("backup written: %s (MAC in %s; %s)\n", v[1], mac_path, detail);
	cli_db_close(&cd);
	return rc ? 1 : 0;
}

/* Remove the WAL, shared-memory and journal files of path: a stale WAL
 * left beside a replaced file would be replayed into it. */
static void unlink_wal(const char *path)
{
	char p[PATH_MAX_LEN + 8];

	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-journal", path);
	unlink(p);
}

/* Remove path and its WAL files, and its read-audit file with its own. */
static void unlink_db(const char *path)
{
	char p[PATH_MAX_LEN + 16];

	unlink(path);
	unlink_wal(path);
	snprintf(p, sizeof(p), "%s" DB_AUDIT_SUFFIX, path);
	unlink(p);
	unlink_wal(p);
}

/* 1 after saying so when a server (or another command) has the database
 * at path open: replacing its files under it would leave it writing to the
 * removed ones, every answered write after the restore lost at its next
 * start, and its WAL removed from under it. */
static int in_use(const char *path)
{
	if (!db_file_in_use(path))
		return 0;
	fprintf(stderr,
		"precinct restore: 数据库 %s 正在被其他进程使用（服务器是否仍在运行？），"
		"请先停止服务器再恢复；数据库未作任何改动 / "
		"%s is open in another process (is the server still running?): stop it first;"
		" nothing was changed\n",
		path, path);
	return 1;
}

/* Copy backup to tmp, checking its MAC on the way. 0, or 1 after printing
 * why (tmp removed). */
static int copy_checked(const char *backup, const char *tmp,
			const unsigned char key[CRYPTO_SECRET_LEN])
{
	char mac_path[PATH_MAX_LEN], want[CRYPTO_HASH_HEX], got[CRYPTO_HASH_HEX];
	int in, out, rc;

	if ((size_t)snprintf(mac_path, sizeof(mac_path), "%s.mac", backup) >= sizeof(mac_path)) {
		fprintf(stderr, "precinct restore: path too long: %s\n", backup);
		return 1;
	}
	if (backup_mac_read(mac_path, want, "restore"))
		return 1;
	in = open(backup, O_RDONLY | O_CLOEXEC);
	if (in < 0) {
		fprintf(stderr, "precinct restore: cannot read %s: %s\n", backup, strerror(errno));
		return 1;
	}
	unlink_db(tmp);
	out = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (out < 0) {
		fprintf(stderr, "precinct restore: cannot create %s: %s\n", tmp, strerror(errno));
		close(in);
		return 1;
	}
	rc = backup_mac_stream(in, out, key, got);
	close(in);
	if (rc == 0 && fsync(out) != 0)
		rc = -1;
	if (close(out) != 0)
		rc = -1;
	if (rc) {
		fprintf(stderr, "precinct restore: cannot copy %s to %s: %s\n", backup, tmp,
			strerror(errno));
		unlink(tmp);
		return 1;
	}
	if (!crypto_str_equal(want, got)) {
		unlink(tmp);
		fprintf(stderr,
			"precinct restore: 备份文件校验失败（内容被改动，或不是本服务器密钥生成的备份），"
			"拒绝恢复，数据库未作任何改动 / the backup's MAC does not match (the file was "
			"changed, or it was made with another server secret): refusing to restore, "
			"nothing was changed\n");
		return 1;
	}
	return 0;
}

int cmd_restore(int argc, char **argv)
{
	static const char *const spec[] = { "db", "from", "force!", "key", NULL };
	static const char help[] =
		"usage: precinct restore --db PATH --from FILE [--force] [--key KEYFILE]\n"
		"  Replace the database at PATH by the backup FILE. Stop the server first:\n"
		"  a database that a server (or another command) has open is refused.\n"
		"  FILE's MAC (FILE.mac) is checked first with the server secret (PATH.key,\n"
		"  or KEYFILE when restoring on a new machine: the secret is then installed\n"
		"  as PATH.key); a missing or wrong MAC refuses the restore and changes\n"
		"  nothing. Then the copy's integrity and audit chain are checked, and only\n"
		"  then is PATH replaced (an existing PATH only with --force). The\n"
		"  attachment files FILE.files are copied into PATH.files, each checked\n"
		"  against its SHA-256 name; a file the records name and the backup lacks\n"
		"  is reported.\n"
		"  With a PostgreSQL URL, FILE is a sealed pg_basebackup directory: its seal\n"
		"  is checked (nothing is replaced; PostgreSQL restores it, docs/deploy.md).\n";
	const char *v[4] = { 0 }, *pos[1];
	unsigned char key[CRYPTO_SECRET_LEN];
	char tmp[PATH_MAX_LEN], key_path[PATH_MAX_LEN], detail[200] = "";
	char tmp_audit[PATH_MAX_LEN], from_audit[PATH_MAX_LEN], db_audit[PATH_MAX_LEN];
	struct cli_db src;
	int64_t bad, rows;
	int npos, rc;

	rc = cli_options(argc, argv, spec, v, pos, 0, &npos, help);
	if (rc)
		return rc == 1 ? 0 : 2;
	if (!v[0] || !v[1]) {
		fprintf(stderr, "precinct restore: --db PATH and --from FILE are required\n");
		return 2;
	}
	if (db_is_url(v[0]))
		return pg_backup_check(v[0], v[1], v[3]);
	if (access(v[1], R_OK) != 0) {
		fprintf(stderr, "precinct restore: cannot read %s\n", v[1]);
		return 1;
	}
	if (access(v[0], F_OK) == 0 && !v[2]) {
		fprintf(stderr, "precinct restore: %s exists; add --force to replace it\n", v[0]);
		return 1;
	}
	if (in_use(v[0]))
		return 1;
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.restoring", v[0]) >= sizeof(tmp) ||
	    (size_t)snprintf(tmp_audit, sizeof(tmp_audit), "%s" DB_AUDIT_SUFFIX, tmp) >=
		    sizeof(tmp_audit) ||
	    (size_t)snprintf(from_audit, sizeof(from_audit), "%s" DB_AUDIT_SUFFIX, v[1]) >=
		    sizeof(from_audit) ||
	    (size_t)snprintf(db_audit, sizeof(db_audit), "%s" DB_AUDIT_SUFFIX, v[0]) >=
		    sizeof(db_audit) ||
	    cli_secret_path(v[0], key_path, sizeof(key_path))) {
		fprintf(stderr, "precinct restore: path too long: %s\n", v[0]);
		return 1;
	}
	if (backup_mac_key(v[3], v[0], key, "restore"))
		return 1;
	unlink_db(tmp);
	rc = copy_checked(v[1], tmp, key);
	/* the read-audit file, with its own MAC. A backup made before it
	 * existed (schema before 147) has none: opening the copy makes it
	 * empty; a newer backup without it is refused when opened */
	if (!rc && access(from_audit, F_OK) == 0) {
		rc = copy_checked(from_audit, tmp_audit, key);
		if (rc)
			unlink_db(tmp);
	}
	ps_memzero(key, sizeof(key));
	if (rc)
		return 1;
	/* the checked copy is opened, never the backup itself: opening turns
	 * on WAL, which changes the file and would void its MAC */
	if (cli_db_open(&src, tmp)) {
		unlink_db(tmp);
		return 1;
	}
	rc = db_integrity_check(src.db, &src.err);
	if (!rc)
		rc = audit_verify(src.db, &bad, &rows, &src.err);
	if (rc) {
		fprintf(stderr, "precinct restore: the backup is damaged: %s\n", src.err.msg);
		cli_db_close(&src);
		unlink_db(tmp);
		return 1;
	}
	/* the backup's attachments into PATH.files (content-addressed: files
	 * there already stay) */
	rc = copy_attachments(&src, v[1], v[0], detail, sizeof(detail));
	if (!rc)
		rc = db_begin(src.db, 1, &src.err);
	if (!rc)
		rc = audit_write(&src.ctx, "system.restore", "database", v[1], "success", detail);
	if (!rc)
		rc = db_commit(src.db, &src.err);
	else
		db_rollback(src.db);
	cli_db_close(&src); /* the last connection: the WAL goes into the file */
	if (rc) {
		fprintf(stderr, "precinct restore: %s\n", src.err.msg);
		unlink_db(tmp);
		return 1;
	}
	/* a new machine: the secret given with --key becomes this database's */
	if (v[3] && access(key_path, F_OK) != 0) {
		int failed = 0;
		int in = open(v[3], O_RDONLY | O_CLOEXEC);
		int out = in < 0 ? -1 : open(key_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		char kb[256];
		ssize_t n = in < 0 ? -1 : read(in, kb, sizeof(kb));

		if (out < 0 || n <= 0 || write(out, kb, (size_t)n) != n || fsync(out) != 0)
			failed = 1;
		ps_memzero(kb, sizeof(kb));
		if (in >= 0)
			close(in);
		if (out >= 0 && close(out) != 0)
			failed = 1;
		if (failed) {
			fprintf(stderr, "precinct restore: cannot install the server secret as %s\n",
				key_path);
			unlink(key_path);
			unlink_db(tmp);
			return 1;
		}
	}
	/* again, just before the files are replaced: a server started
	 * meanwhile would go on writing the removed file */
	if (in_use(v[0])) {
		unlink_db(tmp);
		return 1;
	}
	unlink_wal(v[0]);
	unlink_wal(db_audit);
	/* the audit file first: a main file never sits beside an audit file
	 * of another database for longer than the two renames */
	if (rename(tmp_audit, db_audit) != 0) {
		fprintf(stderr, "precinct restore: cannot move %s to %s: %s\n", tmp_audit, db_audit,
			strerror(errno));
		return 1;
	}
	if (rename(tmp, v[0]) != 0) {
		fprintf(stderr, "precinct restore: cannot move %s to %s: %s\n", tmp, v[0],
			strerror(errno));
		return 1;
	}
	printf("restored %s from %s (MAC verified, %lld audit rows verified; %s)\n", v[0], v[1],
	       (long long)rows, detail);
	return 0;
}
