#include "cli/cli_db.h"
#include "store/blobs.h"

#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum open_how { OPEN_AS_IS, OPEN_MIGRATE, OPEN_MIGRATE_OLDER };

static int open_db(struct cli_db *cd, const char *path, enum open_how how)
{
	struct passwd *pw = getpwuid(getuid());

	memset(cd, 0, sizeof(*cd));
	arena_init(&cd->arena);
	/* evidence attachments live beside the database (store/blobs.h) */
	if (blobs_root_set(path)) {
		fprintf(stderr, "precinct: database path too long\n");
		return 1;
	}
	if (db_open(path, &cd->db, &cd->err) ||
	    ((how == OPEN_MIGRATE ||
	      (how == OPEN_MIGRATE_OLDER && db_schema_version(cd->db) != db_schema_known())) &&
	     db_migrate(cd->db, &cd->err))) {
		fprintf(stderr, "precinct: %s\n", cd->err.msg[0] ? cd->err.msg : "cannot open database");
		db_close(cd->db);
		cd->db = NULL;
		return 1;
	}
	ctx_init(&cd->ctx, cd->db, &cd->arena, &cd->err);
	cd->ctx.who.username = arena_printf(&cd->arena, "cli:%s", pw ? pw->pw_name : "?");
	/* the shell operator acts as system administrator */
	cd->ctx.who.role = "admin";
	cd->ctx.client_ip = "local";
	return 0;
}

int cli_db_open(struct cli_db *cd, const char *path)
{
	return open_db(cd, path, OPEN_MIGRATE);
}

int cli_db_open_read(struct cli_db *cd, const char *path)
{
	return open_db(cd, path, OPEN_MIGRATE_OLDER);
}

int cli_db_open_source(struct cli_db *cd, const char *path)
{
	if (!db_is_url(path) && access(path, F_OK) != 0) {
		memset(cd, 0, sizeof(*cd));
		fprintf(stderr, "precinct: 数据库文件 %s 不存在\n", path);
		return 1;
	}
	return open_db(cd, path, OPEN_AS_IS);
}

void cli_db_close(struct cli_db *cd)
{
	db_close(cd->db);
	cd->db = NULL;
	arena_release(&cd->arena);
}

/* path as one name for the file it is or would be: the real path when the
 * file exists (a symbolic link followed), else its directory's real path
 * and its own name. 0, or -1 when the directory cannot be resolved. */
static int file_id(const char *path, char out[PATH_MAX])
{
	char dir[PATH_MAX], real[PATH_MAX];
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;

	if (realpath(path, real)) {
		snprintf(out, PATH_MAX, "%s", real);
		return 0;
	}
	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == path)
		snprintf(dir, sizeof(dir), "/");
	else if ((size_t)snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path) >= sizeof(dir))
		return -1;
	if (!realpath(dir, real))
		return -1;
	return (size_t)snprintf(out, PATH_MAX, "%s/%s", real, base) >= PATH_MAX ? -1 : 0;
}

int cli_secret_name(const char *db, char *out, size_t n)
{
	const char *f = db_is_url(db) ? getenv("PRECINCT_SECRET_FILE") : NULL;

	/* a PostgreSQL database has no file to sit beside: every server of it
	 * names the same secret (a copy on each machine) */
	if (db_is_url(db) && (!f || !*f))
		return 1;
	if (f)
		return (size_t)snprintf(out, n, "%s", f) >= n ? 2 : 0;
	return (size_t)snprintf(out, n, "%s.key", db) >= n ? 2 : 0;
}

int cli_db_owns(const char *db, const char *path, char *which, size_t n)
{
	static const char *const own[] = { "", "-wal", "-shm", "-journal", DB_AUDIT_SUFFIX,
					   DB_AUDIT_SUFFIX "-wal", DB_AUDIT_SUFFIX "-shm",
					   DB_AUDIT_SUFFIX "-journal" };
	const size_t nown = sizeof(own) / sizeof(own[0]);
	char name[PATH_MAX], id[PATH_MAX], target[PATH_MAX];

	if (file_id(path, target))
		return 0;
	/* the store's files (an SQLite database's), then the secret */
	for (size_t i = 0; i <= nown; i++) {
		if (i == nown ? cli_secret_name(db, name, sizeof(name)) != 0
			      : db_is_url(db) || (size_t)snprintf(name, sizeof(name), "%s%s", db,
								   own[i]) >= sizeof(name))
			continue;
		if (file_id(name, id) || strcmp(id, target) != 0)
			continue;
		snprintf(which, n, "%s", name);
		return 1;
	}
	return 0;
}
