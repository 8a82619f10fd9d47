/* blobs.c — content-addressed attachment files (see blobs.h). */
#include "store/blobs.h"
#include "core/crypto.h"
#include "core/mem.h"
#include "store/db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>

static char root[4096];

const char *blobs_root(void)
{
	return root;
}

int blobs_dir_of(const char *db_path, char *out, size_t n)
{
	int k = snprintf(out, n, "%s.files", db_path);

	return k < 0 || (size_t)k >= n ? PS_EINVAL : PS_OK;
}

int blobs_root_set(const char *db_path)
{
	const char *dir = getenv("PRECINCT_FILES_DIR");
	int n;

	/* a PostgreSQL URL is no place in the file system: its servers share
	 * the directory PRECINCT_FILES_DIR names, or store no attachment */
	if (db_path && db_is_url(db_path))
		n = snprintf(root, sizeof(root), "%s", dir ? dir : "");
	else
		n = snprintf(root, sizeof(root), "%s.files", db_path ? db_path : "precinct.db");

	if (n < 0 || (size_t)n >= sizeof(root) - 80) {
		root[0] = '\0';
		return PS_EINVAL;
	}
	return PS_OK;
}

static int valid_sha(const char *sha)
{
	size_t i;

	if (!sha || strlen(sha) != 64)
		return 0;
	for (i = 0; i < 64; i++)
		if (!((sha[i] >= '0' && sha[i] <= '9') || (sha[i] >= 'a' && sha[i] <= 'f')))
			return 0;
	return 1;
}

/* "<top>/ab" and "<top>/ab/abcd…" into dir and path. */
static int paths_in(const char *top, const char *sha, char *dir, size_t dn, char *path, size_t pn)
{
	int a, b;

	if (!top[0] || !valid_sha(sha))
		return PS_EINVAL;
	a = snprintf(dir, dn, "%s/%.2s", top, sha);
	b = snprintf(path, pn, "%s/%s", dir, sha);
	return (a < 0 || (size_t)a >= dn || b < 0 || (size_t)b >= pn) ? PS_EINVAL : PS_OK;
}

static int paths(const char *sha, char *dir, size_t dn, char *path, size_t pn)
{
	return paths_in(root, sha, dir, dn, path, pn);
}

static int write_all(int fd, const unsigned char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* blobs_put into the directory top. */
static int put_in(const char *top, const void *p, size_t n, const char *sha, struct ps_err *err)
{
	char dir[4200], path[4300], tmp[4400];
	unsigned char r[8];
	int fd, ok;

	if (!top[0])
		return ps_fail(err, PS_EUNAVAIL, "ATTACHMENT_STORE", NULL,
			       "未设置附件目录（PRECINCT_FILES_DIR），请联系管理员");
	if (paths_in(top, sha, dir, sizeof(dir), path, sizeof(path)))
		return ps_fail(err, PS_EINVAL, "ATTACHMENT_STORE", NULL, "附件存储位置不正确");
	if (access(path, F_OK) == 0)
		return PS_OK; /* the same content is stored already */
	if ((mkdir(top, 0750) && errno != EEXIST) || (mkdir(dir, 0750) && errno != EEXIST))
		return ps_fail(err, PS_EUNAVAIL, "ATTACHMENT_STORE", NULL, "附件目录无法创建，请联系管理员");
	crypto_random(r, sizeof(r));
	snprintf(tmp, sizeof(tmp), "%s/.tmp-%ld-%02x%02x%02x%02x%02x%02x%02x%02x", dir, (long)getpid(), r[0],
		 r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0440);
	if (fd < 0)
		return ps_fail(err, PS_EUNAVAIL, "ATTACHMENT_STORE", NULL, "附件无法写入，请联系管理员");
	ok = write_all(fd, p, n) == 0 && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	/* link, never rename: an existing file of that name is never replaced */
	if (ok && link(tmp, path) != 0 && errno != EEXIST)
		ok = 0;
	unlink(tmp);
	if (ok) {
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		if (dfd >= 0) {
			ok = fsync(dfd) == 0;
			close(dfd);
		}
	}
	return ok ? PS_OK : ps_fail(err, PS_EUNAVAIL, "ATTACHMENT_STORE", NULL, "附件无法写入，请联系管理员");
}

int blobs_put(const void *p, size_t n, const char *sha, struct ps_err *err)
{
	return put_in(root, p, n, sha, err);
}

int blobs_get(const char *sha, size_t max, void **out, size_t *len, struct ps_err *err)
{
	char dir[4200], path[4300], got[CRYPTO_HASH_HEX];
	struct stat st;
	unsigned char *p;
	size_t have = 0;
	int fd;

	*out = NULL;
	*len = 0;
	if (paths(sha, dir, sizeof(dir), path, sizeof(path)))
		return ps_fail(err, PS_ENOTFOUND, "NOT_FOUND", NULL, "附件不存在");
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? ps_fail(err, PS_ENOTFOUND, "NOT_FOUND", NULL, "附件文件不存在")
				       : ps_fail(err, PS_EUNAVAIL, "ATTACHMENT_DAMAGED", NULL, "附件无法读取");
	if (fstat(fd, &st) != 0 || st.st_size < 0) {
		close(fd);
		return ps_fail(err, PS_EUNAVAIL, "ATTACHMENT_DAMAGED", NULL, "附件无法读取");
	}
	if ((size_t)st.st_size > max) {
		close(fd);
		return ps_fail(err, PS_ETOOBIG, "ATTACHMENT_TOO_LARGE", NULL, "附件过大");
	}
	p = ps_malloc((size_t)st.st_size + 1);
	if (!p) {
		close(fd);
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	while (have < (size_t)st.st_size) {
		ssize_t r = read(fd, p + have, (size_t)st.st_size - have);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		have += (size_t)r;
	}
	close(fd);
	crypto_sha256_hex(p, have, got);
	if (have != (size_t)st.st_size || strcmp(got, sha) != 0) {
		ps_free(p);
		return ps_fail(err, PS_EUNAVAIL, "ATTACHMENT_DAMAGED", NULL,
			       "附件文件与登记的 SHA-256 不符，已被改动或损坏，请联系管理员");
	}
	*out = p;
	*len = have;
	return PS_OK;
}

/* The whole file at path into a new ps_malloc block (NUL-terminated); NULL
 * when it cannot be read or is larger than max. */
static unsigned char *read_whole(const char *path, size_t max, size_t *len)
{
	struct stat st;
	unsigned char *p;
	size_t have = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || st.st_size < 0 || (size_t)st.st_size > max ||
	    !(p = ps_malloc((size_t)st.st_size + 1))) {
		close(fd);
		return NULL;
	}
	while (have < (size_t)st.st_size) {
		ssize_t r = read(fd, p + have, (size_t)st.st_size - have);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		have += (size_t)r;
	}
	close(fd);
	if (have != (size_t)st.st_size) {
		ps_free(p);
		return NULL;
	}
	p[have] = '\0';
	*len = have;
	return p;
}

/* The largest file blobs_copy_tree reads whole (attachments are capped far lower). */
#define BLOBS_COPY_MAX ((size_t)1 << 30)

/* Copy the files of one "<from>/ab" directory. */
static int copy_subdir(const char *from_dir, const char *to_root, struct blobs_copied *out,
		       struct ps_err *err)
{
	DIR *d = opendir(from_dir);
	struct dirent *e;
	int rc = PS_OK;

	if (!d)
		return ps_fail(err, PS_EIO, "ATTACHMENT_STORE", NULL, "附件目录 %s 无法读取：%s", from_dir,
			       strerror(errno));
	while (rc == PS_OK && (e = readdir(d)) != NULL) {
		char path[4400], got[CRYPTO_HASH_HEX];
		unsigned char *p;
		size_t len = 0;

		if (!valid_sha(e->d_name))
			continue; /* ".", "..", a temporary file */
		if (blobs_exists_in(to_root, e->d_name)) {
			out->kept++;
			continue;
		}
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", from_dir, e->d_name) >= sizeof(path)) {
			rc = ps_fail(err, PS_EIO, "ATTACHMENT_STORE", NULL, "附件路径过长");
			break;
		}
		p = read_whole(path, BLOBS_COPY_MAX, &len);
		if (!p) {
			rc = ps_fail(err, PS_EIO, "ATTACHMENT_STORE", NULL, "附件 %s 无法读取", path);
			break;
		}
		crypto_sha256_hex(p, len, got);
		if (strcmp(got, e->d_name) != 0)
			out->damaged++;
		else if ((rc = put_in(to_root, p, len, e->d_name, err)) == PS_OK)
			out->copied++;
		ps_free(p);
	}
	closedir(d);
	return rc;
}

int blobs_copy_tree(const char *from_root, const char *to_root, struct blobs_copied *out,
		    struct ps_err *err)
{
	DIR *d;
	struct dirent *e;
	int rc = PS_OK;

	memset(out, 0, sizeof(*out));
	d = opendir(from_root);
	if (!d)
		return errno == ENOENT ? PS_OK
				       : ps_fail(err, PS_EIO, "ATTACHMENT_STORE", NULL, "附件目录 %s 无法读取：%s",
						 from_root, strerror(errno));
	while (rc == PS_OK && (e = readdir(d)) != NULL) {
		char sub[4200];

		if (strlen(e->d_name) != 2 || !strchr("0123456789abcdef", e->d_name[0]) ||
		    !strchr("0123456789abcdef", e->d_name[1]))
			continue;
		if ((size_t)snprintf(sub, sizeof(sub), "%s/%s", from_root, e->d_name) >= sizeof(sub)) {
			rc = ps_fail(err, PS_EIO, "ATTACHMENT_STORE", NULL, "附件路径过长");
			break;
		}
		rc = copy_subdir(sub, to_root, out, err);
	}
	closedir(d);
	return rc;
}

int blobs_exists_in(const char *top, const char *sha)
{
	char dir[4200], path[4300];

	return paths_in(top, sha, dir, sizeof(dir), path, sizeof(path)) == PS_OK && access(path, F_OK) == 0;
}
