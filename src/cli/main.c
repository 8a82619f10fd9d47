/* main.c — precinct: the one binary of Precinct. */
#include "cli/cli.h"
#include "core/crypto.h"
#include "core/json.h"
#include "store/db.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
	"precinct — 派出所综合警务平台 (Precinct police-station information system)\n"
	"\n"
	"usage: precinct COMMAND [options]\n"
	"\n"
	"commands:\n"
	"  init     --db PATH [--demo] [--bureau NAME]   create the database\n"
	"  serve    --db PATH [--listen HOST:PORT] [--web DIR] [--threads N]\n"
	"                                                serve the API and web UI\n"
	"  user     add|passwd|lock|unlock|list ...      manage accounts\n"
	"  backup   --db PATH --to FILE                  online backup with a MAC (safe while serving)\n"
	"  restore  --db PATH --from FILE [--force] [--key KEYFILE]\n"
	"                                                replace the database by a checked backup\n"
	"  audit    verify|purge|export|verify-export    the audit hash chain, retention, exports\n"
	"  catalog  --markdown                           print docs/rules.md from the rule catalog\n"
	"  fields                                        print every route's request fields (JSON)\n"
	"  migrate  --db PATH|postgres://...             apply the schema migrations\n"
	"  copy     --from FILE.db --to postgres://...   move a county to PostgreSQL (with a checksum report)\n"
	"  import   --db PATH --as USER [--what KIND] FILE\n"
	"                                                a CSV or Excel register, as USER imports it on 批量导入\n"
	"  wal      key|archive|restore --key FILE ...     PostgreSQL's WAL archive, sealed with a key of the county's\n"
	"\n"
	"--db PATH is an SQLite file; --db postgres://USER@HOST:PORT/DB is PostgreSQL\n"
	"(password from PGPASSWORD or ~/.pgpass; the server secret from PRECINCT_SECRET_FILE).\n"
	"\n"
	"`precinct COMMAND --help` explains each command.\n";

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(int, char **);
	} cmds[] = {
		{ "init", cmd_init },	    { "serve", cmd_serve },
		{ "user", cmd_user },	    { "backup", cmd_backup },
		{ "restore", cmd_restore }, { "audit", cmd_audit },
		{ "catalog", cmd_catalog }, { "fields", cmd_fields },
		{ "migrate", cmd_migrate }, { "copy", cmd_copy },
		{ "import", cmd_import },   { "wal", cmd_wal },
	};

	json_mem_init(); /* before any jansson call and any thread */
	if (argc < 2) {
		fputs(usage, stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(usage, stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("precinct %s\n", PRECINCT_VERSION);
		return 0;
	}
	if (crypto_init() != 0) {
		fprintf(stderr, "precinct: libsodium could not be initialised\n");
		return 1;
	}
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(argv[1], cmds[i].name) == 0) {
			char name[64];

			/* what a DBA sees in pg_stat_activity (serve adds its host) */
			snprintf(name, sizeof(name), "precinct %s", cmds[i].name);
			db_client_name_set(name);
			return cmds[i].fn(argc - 1, argv + 1);
		}
	fprintf(stderr, "precinct: unknown command '%s' (see precinct --help)\n", argv[1]);
	return 2;
}
