/* store_cmds.c — precinct migrate (either store) and precinct copy (a
 * county's SQLite file into PostgreSQL, issue 14). */
#include "cli/cli.h"
#include "cli/cli_db.h"
#include "store/db.h"

#include <stdio.h>
#include <string.h>

int cmd_migrate(int argc, char **argv)
{
	static const char *const spec[] = { "db", NULL };
	static const char help[] =
		"usage: precinct migrate --db PATH|postgres://…\n"
		"  Apply the schema migrations not yet applied (SQLite file or PostgreSQL;\n"
		"  idempotent; servers starting at once wait for each other). The\n"
		"  PostgreSQL password comes from PGPASSWORD or ~/.pgpass.\n";
	const char *v[1] = { 0 }, *pos[1];
	struct cli_db cd;
	int npos, rc;

	rc = cli_options(argc, argv, spec, v, pos, 0, &npos, help);
	if (rc)
		return rc == 1 ? 0 : 2;
	if (!v[0]) {
		fprintf(stderr, "precinct migrate: --db is required\n");
		return 2;
	}
	if (cli_db_open(&cd, v[0]))
		return 1;
	printf("schema version %d (%s)\n", db_schema_version(cd.db), db_kind(cd.db));
	cli_db_close(&cd);
	return 0;
}

static void copy_report(void *arg, const char *table, int64_t rows_from, const char *sum_from,
			int64_t rows_to, const char *sum_to)
{
	int same = rows_from == rows_to && strcmp(sum_from, sum_to) == 0;

	(void)arg;
	printf("%-28s %10lld %10lld  %.16s  %.16s  %s\n", table, (long long)rows_from,
	       (long long)rows_to, sum_from, sum_to, same ? "ok" : "DIFFERENT");
}

int cmd_copy(int argc, char **argv)
{
	static const char *const spec[] = { "from", "to", NULL };
	static const char help[] =
		"usage: precinct copy --from FILE.db --to postgres://…\n"
		"  Copy a county's SQLite database into an empty PostgreSQL database\n"
		"  (migrated first), one transaction, then read every table back from\n"
		"  both and print its row counts and checksums. Exit 1 when a table\n"
		"  differs. The source is read as it is (not migrated: it must be at this\n"
		"  version). It may be served meanwhile, for a rehearsal: one snapshot\n"
		"  is copied, and a second copy into the same database is refused. For\n"
		"  the move, stop its server first.\n"
		"  The server secret FILE.db.key is not copied: name it for the new\n"
		"  servers with PRECINCT_SECRET_FILE.\n";
	const char *v[2] = { 0 }, *pos[1];
	struct cli_db from, to;
	int npos, rc, bad = 0;

	rc = cli_options(argc, argv, spec, v, pos, 0, &npos, help);
	if (rc)
		return rc == 1 ? 0 : 2;
	if (!v[0] || !v[1]) {
		fprintf(stderr, "precinct copy: --from FILE.db and --to postgres://… are required\n");
		return 2;
	}
	if (db_is_url(v[0]) || !db_is_url(v[1])) {
		fprintf(stderr, "precinct copy: --from is an SQLite file, --to a postgres:// URL\n");
		return 2;
	}
	if (cli_db_open_source(&from, v[0]))
		return 1;
	if (cli_db_open(&to, v[1])) {
		cli_db_close(&from);
		return 1;
	}
	printf("%-28s %10s %10s  %-16s  %-16s\n", "table", "rows(from)", "rows(to)", "checksum(from)",
	       "checksum(to)");
	rc = db_copy(from.db, to.db, copy_report, NULL, &bad, &from.err);
	if (rc)
		fprintf(stderr, "precinct copy: %s\n", from.err.msg);
	else if (bad)
		fprintf(stderr, "precinct copy: %d table(s) differ after the copy\n", bad);
	else
		printf("copy complete: every table has the same rows and checksum on both\n");
	cli_db_close(&to);
	cli_db_close(&from);
	return rc || bad ? 1 : 0;
}
