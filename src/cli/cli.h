/* cli.h — the subcommands of build/precinct. Each returns the exit code: 0
 * success, 1 failure, 2 usage error. */
#ifndef PS_CLI_H
#define PS_CLI_H

#include <stddef.h>

int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_catalog(int argc, char **argv);
int cmd_fields(int argc, char **argv);
int cmd_migrate(int argc, char **argv);
int cmd_copy(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_wal(int argc, char **argv);

/* Parse "--name value" / "--flag" options. spec lists the names; for each
 * name with a value, values[i] receives it; for a flag (name ending '!')
 * values[i] becomes "1". Positional arguments are collected into pos (at most
 * maxpos). Prints a one-line error and returns 2 on an unknown option, a
 * missing value or too many positionals; 1 when --help was given (after
 * printing usage); 0 otherwise. */
int cli_options(int argc, char **argv, const char *const *spec, const char **values,
		const char **pos, int maxpos, int *npos, const char *usage);

/* The server secret of the database at db_path lives beside it, in
 * "DB_PATH.key" (mode 0600): it keys the MACs of the backups. Its path in
 * out (at least 4096 bytes). 0, or 1 when the path is too long (printed). */
int cli_secret_path(const char *db_path, char *out, size_t n);

/* Create the secret of db_path when it does not exist yet (init; backup of
 * a database made before the secret existed). 0, or 1 after printing why. */
int cli_secret_ensure(const char *db_path);

#endif
