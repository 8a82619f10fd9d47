#include "cli/cli_db.h"
#include "store/blobs.h"

#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int cli_db_open(struct cli_db *cd, const char *path)
{
	struct passwd *pw = getpwuid(getuid());

	memset(cd, 0, sizeof(*cd));
	arena_init(&cd->arena);
	/* evidence attachments live beside the database (store/blobs.h) */
	if (blobs_root_set(path)) {
		fprintf(stderr, "precinct: database path too long\n");
		return 1;
	}
	if (db_open(path, &cd->db, &cd->err) || db_migrate(cd->db, &cd->err)) {
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

void cli_db_close(struct cli_db *cd)
{
	db_close(cd->db);
	cd->db = NULL;
	arena_release(&cd->arena);
}
