/* cli_db.h — a database opened by a CLI command, with a ctx whose actor is
 * the shell user ("cli:NAME"), so CLI changes are audited like any other. */
#ifndef PS_CLI_DB_H
#define PS_CLI_DB_H

#include "domain/ctx.h"

struct cli_db {
	struct db *db;
	struct arena arena;
	struct ps_err err;
	struct ctx ctx;
};

/* Open and migrate path; prints the error and returns 1 on failure. */
int cli_db_open(struct cli_db *cd, const char *path);

/* Open path for a command that only reads (audit verify): migrated, as by
 * cli_db_open, only when its schema is not this binary's (a newer one is
 * refused there), so that a database that cannot be written — a hot
 * standby — is read as it is. Prints the error and returns 1 on failure. */
int cli_db_open_read(struct cli_db *cd, const char *path);

/* Open path to be read as it is: an SQLite file that does not exist is
 * refused (never made empty and read as a county), and nothing is
 * migrated (the servers still using it may be older). Prints the error and
 * returns 1 on failure. */
int cli_db_open_source(struct cli_db *cd, const char *path);
void cli_db_close(struct cli_db *cd);

/* The path of the server secret of the database db in out (n bytes):
 * "DB.key" beside an SQLite file, PRECINCT_SECRET_FILE for a PostgreSQL
 * URL. 0; 1 when a URL has no PRECINCT_SECRET_FILE; 2 when out is too
 * short. Quiet: cli_secret_path says why. */
int cli_secret_name(const char *db, char *out, size_t n);

/* 1 when path names one of the database db's own files — the database
 * and its read-audit file with their WAL, shared-memory and journal files
 * (SQLite), and the server secret — by name, through "..", or through a
 * symbolic link; which (n bytes) then receives that file's name. A command
 * that writes a file the user names (backup, audit export) refuses these:
 * one typo would overwrite the live database or the read-audit chain. */
int cli_db_owns(const char *db, const char *path, char *which, size_t n);

#endif
