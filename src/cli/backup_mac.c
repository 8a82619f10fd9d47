/* backup_mac.c — the keyed MAC of Precinct's backups (backup_mac.h). */
#include "cli/backup_mac.h"
#include "cli/cli.h"
#include "core/rc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAC_CONTEXT "PCBACKUP" /* 8 characters: the KDF context of backup MACs */
#define MAC_MAGIC "precinct-backup-mac-v1"
#define PATH_MAX_LEN BACKUP_MAC_PATH_MAX

void backup_mac_init(struct crypto_mac *m, const unsigned char key[CRYPTO_SECRET_LEN])
{
	crypto_mac_init(m, key, MAC_CONTEXT);
}

int backup_mac_key(const char *key_opt, const char *db_path, unsigned char key[CRYPTO_SECRET_LEN],
		   const char *cmd)
{
	char path[PATH_MAX_LEN];
	struct ps_err e;

	if (!key_opt && cli_secret_path(db_path, path, sizeof(path)))
		return 1;
	ps_err_clear(&e);
	if (crypto_secret_load(key_opt ? key_opt : path, key, &e) == PS_OK)
		return 0;
	fprintf(stderr, "precinct %s: %s / cannot read the server secret %s%s\n", cmd, e.msg,
		key_opt ? key_opt : path,
		key_opt ? "" : " (give the secret of the server that made the backup with --key FILE)");
	return 1;
}

int backup_mac_stream(int fd, int copy_fd, const unsigned char key[CRYPTO_SECRET_LEN],
		      char out[CRYPTO_HASH_HEX])
{
	struct crypto_mac m;

	backup_mac_init(&m, key);
	return backup_mac_finish(&m, fd, copy_fd, out);
}

int backup_mac_finish(struct crypto_mac *m, int fd, int copy_fd, char out[CRYPTO_HASH_HEX])
{
	static unsigned char block[1 << 16];
	ssize_t n;

	while ((n = read(fd, block, sizeof(block))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			crypto_mac_final(m, out);
			return -1;
		}
		crypto_mac_update(m, block, (size_t)n);
		for (ssize_t off = 0; copy_fd >= 0 && off < n;) {
			ssize_t w = write(copy_fd, block + off, (size_t)(n - off));

			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				crypto_mac_final(m, out);
				return -1;
			}
			off += w;
		}
	}
	crypto_mac_final(m, out);
	return 0;
}

int backup_file_write(const char *path, const char *text, int replace)
{
	char tmp[PATH_MAX_LEN];
	size_t n = strlen(text);
	int fd, rc = 0;

	/* a name of its own: two writers of one file (two archivers of one
	 * segment) never share a temporary file */
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path) >= sizeof(tmp)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = mkstemp(tmp);
	if (fd < 0)
		return -1;
	if (write(fd, text, n) != (ssize_t)n || fsync(fd) != 0)
		rc = -1;
	if (close(fd) != 0)
		rc = -1;
	/* link never replaces a file; rename does, at once */
	if (!rc && (replace ? rename(tmp, path) : link(tmp, path)) != 0)
		rc = -1;
	if (rc || !replace) {
		int saved = errno;

		unlink(tmp);
		errno = saved;
	}
	return rc;
}

int backup_mac_write(const char *path, const char mac[CRYPTO_HASH_HEX])
{
	char line[160];

	snprintf(line, sizeof(line), MAC_MAGIC " %s\n", mac);
	return backup_file_write(path, line, 1);
}

int backup_mac_read(const char *mac_path, char out[CRYPTO_HASH_HEX], const char *cmd)
{
	char text[160];
	FILE *f = fopen(mac_path, "r");
	size_t n;

	if (!f) {
		fprintf(stderr,
			"precinct %s: 备份校验码文件 %s 缺失，拒绝恢复，数据库未作任何改动 / "
			"the backup's MAC file %s is missing: refusing to restore, nothing was changed\n",
			cmd, mac_path, mac_path);
		return 1;
	}
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = '\0';
	if (strncmp(text, MAC_MAGIC " ", sizeof(MAC_MAGIC)) != 0 ||
	    strlen(text) < sizeof(MAC_MAGIC) + 64) {
		fprintf(stderr,
			"precinct %s: 备份校验码文件 %s 格式不正确，拒绝恢复，数据库未作任何改动 / "
			"the MAC file %s is malformed: refusing to restore, nothing was changed\n",
			cmd, mac_path, mac_path);
		return 1;
	}
	memcpy(out, text + sizeof(MAC_MAGIC), 64);
	out[64] = '\0';
	return 0;
}
