/* cli.h — the subcommands of build/precinct. Each returns the exit code: 0
 * success, 1 failure, 2 usage error. */
#ifndef PS_CLI_H
#define PS_CLI_H

int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_catalog(int argc, char **argv);
int cmd_fields(int argc, char **argv);

/* Parse "--name value" / "--flag" options. spec lists the names; for each
 * name with a value, values[i] receives it; for a flag (name ending '!')
 * values[i] becomes "1". Positional arguments are collected into pos (at most
 * maxpos). Prints a one-line error and returns 2 on an unknown option, a
 * missing value or too many positionals; 1 when --help was given (after
 * printing usage); 0 otherwise. */
int cli_options(int argc, char **argv, const char *const *spec, const char **values,
		const char **pos, int maxpos, int *npos, const char *usage);

#endif
