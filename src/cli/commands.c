/* commands.c — init, serve, backup, restore, audit verify. */
#include "cli/cli.h"
#include "cli/cli_db.h"
#include "domain/admin/audit.h"
#include "seed/seed.h"
#include "http/server.h"
#include "store/db.h"
#include "core/log.h"
#include "core/mem.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cmd_init(int argc, char **argv)
{
	static const char *const spec[] = { "db", "demo!", "bureau", NULL };
	static const char help[] =
		"usage: precinct init --db PATH [--demo] [--bureau NAME]\n"
		"  Create the database at PATH (schema migrations are idempotent).\n"
		"  Without --demo: one county bureau (named by --bureau) and the account\n"
		"  'admin' with a one-time password printed here; it must be changed at\n"
		"  first login. With --demo: the demo county 示范县公安局 with its nine\n"
		"  stations and demo accounts (password " DEMO_PASSWORD ").\n";
	const char *v[3] = { 0 }, *pos[1];
	struct cli_db cd;
	char otp[32];
	int npos, rc;

	rc = cli_options(argc, argv, spec, v, pos, 0, &npos, help);
	if (rc)
		return rc == 1 ? 0 : 2;
	if (!v[0]) {
		fprintf(stderr, "precinct init: --db PATH is required\n");
		return 2;
	}
	if (cli_db_open(&cd, v[0]))
		return 1;
	rc = db_begin(cd.db, 1, &cd.err);
	if (!rc)
		rc = seed_init(&cd.ctx, v[1] != NULL, v[2], otp);
	if (!rc)
		rc = db_commit(cd.db, &cd.err);
	else
		db_rollback(cd.db);
	if (rc) {
		ps_memzero(otp, sizeof(otp));
		fprintf(stderr, "precinct init: %s\n", cd.err.msg);
		cli_db_close(&cd);
		return 1;
	}
	printf("database ready: %s (schema version %d)\n", v[0], db_schema_version(cd.db));
	if (v[1])
		printf("demo county created; demo password: %s\n", DEMO_PASSWORD);
	else
		printf("administrator: admin\none-time password: %s\n"
		       "(must be changed at first login; it is not stored anywhere else)\n",
		       otp);
	ps_memzero(otp, sizeof(otp));
	cli_db_close(&cd);
	return 0;
}

int cmd_serve(int argc, char **argv)
{
	static const char *const spec[] = { "db", "listen", "web", "threads",
					    "secure-cookie!", "tls-cert", "tls-key", "trust-proxy!",
					    NULL };
	static const char help[] =
		"usage: precinct serve --db PATH [--listen HOST:PORT] [--web DIR]\n"
		"                      [--threads N (default: one per core, at least 2)] [--secure-cookie]\n"
		"                      [--tls-cert FILE --tls-key FILE] [--trust-proxy]\n"
		"  Serve the API (/api/v1) and the web UI from DIR (default web/dist)\n"
		"  on HOST:PORT (default 127.0.0.1:8080; port 0 picks a free one).\n"
		"  --secure-cookie: behind a TLS proxy, mark the cookie Secure (__Host-).\n"
		"  --tls-cert/--tls-key: serve HTTPS (TLS 1.2+) with this PEM certificate\n"
		"  chain and key; cookies are Secure and answers carry HSTS.\n"
		"  --trust-proxy: behind a proxy that alone reaches this server, take the\n"
		"  client address (audit, rate limits) from the last X-Forwarded-For entry.\n"
		"  Stops cleanly on SIGINT/SIGTERM: in-flight requests finish.\n";
	const char *v[8] = { 0 }, *pos[1];
	struct server_config cfg;
	struct cli_db cd;
	struct ps_err err;
	int npos, rc;

	rc = cli_options(argc, argv, spec, v, pos, 0, &npos, help);
	if (rc)
		return rc == 1 ? 0 : 2;
	if (!v[0]) {
		fprintf(stderr, "precinct serve: --db PATH is required\n");
		return 2;
	}
	if (access(v[0], F_OK) != 0) {
		fprintf(stderr, "precinct serve: %s does not exist; run precinct init first\n", v[0]);
		return 1;
	}
	/* migrate once at start-up, then let the workers open their own */
	if (cli_db_open(&cd, v[0]))
		return 1;
	cli_db_close(&cd);
	memset(&cfg, 0, sizeof(cfg));
	cfg.db_path = v[0];
	cfg.listen = v[1] ? v[1] : "127.0.0.1:8080";
	cfg.web_dir = v[2] ? v[2] : "web/dist";
	/* a worker never waits for the group commit (the connection is
	 * parked), so one per core, and at least two */
	if (v[3]) {
		cfg.threads = (unsigned)atoi(v[3]);
	} else {
		long ncpu = sysconf(_SC_NPROCESSORS_ONLN);

		cfg.threads = ncpu < 2 ? 2 : ncpu > 32 ? 32 : (unsigned)ncpu;
	}
	if (cfg.threads < 1 || cfg.threads > 32) {
		fprintf(stderr, "precinct serve: --threads must be 1..32\n");
		return 2;
	}
	cfg.max_body = 1 << 20;
	cfg.secure_cookie = v[4] != NULL;
	if (!v[5] != !v[6]) {
		fprintf(stderr, "precinct serve: --tls-cert and --tls-key go together\n");
		return 2;
	}
	cfg.tls_cert = v[5];
	cfg.tls_key = v[6];
	cfg.trust_proxy = v[7] != NULL;
	/* SQLite builds and drops a temporary b-tree with its own ~100 KB page
	 * cache for every INSERT … RETURNING and many sorts; with glibc's
	 * default trim threshold each drop hands the memory back (madvise, a
	 * TLB shootdown on every core). Keep it: bench/ (4), 1 550 → see the
	 * results table. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
	ps_err_clear(&err);
	rc = server_run(&cfg, &err);
	if (rc) {
		fprintf(stderr, "precinct serve: %s\n", err.msg);
		return 1;
	}
	return 0;
}

int cmd_backup(int argc, char **argv)
{
	static const char *const spec[] = { "db", "to", NULL };
	static const char help[] =
		"usage: precinct backup --db PATH --to FILE\n"
		"  Copy the whole database to FILE with SQLite's online backup API;\n"
		"  safe while the server runs. FILE is overwritten.\n";
	const char *v[2] = { 0 }, *pos[1];
	struct cli_db cd;
	int npos, rc;

	rc = cli_options(argc, argv, spec, v, pos, 0, &npos, help);
	if (rc)
		return rc == 1 ? 0 : 2;
	if (!v[0] || !v[1]) {
		fprintf(stderr, "precinct backup: --db PATH and --to FILE are required\n");
		return 2;
	}
	if (access(v[0], F_OK) != 0) {
		fprintf(stderr, "precinct backup: %s does not exist\n", v[0]);
		return 1;
	}
	if (cli_db_open(&cd, v[0]))
		return 1;
	unlink(v[1]);
	rc = db_backup_to(cd.db, v[1], &cd.err);
	if (!rc) {
		rc = db_begin(cd.db, 1, &cd.err);
		if (!rc)
			rc = audit_write(&cd.ctx, "system.backup", "database", v[1], "success", NULL);
		if (!rc)
			rc = db_commit(cd.db, &cd.err);
		else
			db_rollback(cd.db);
	}
	if (rc)
		fprintf(stderr, "precinct backup: %s\n", cd.err.msg);
	else
		printf("backup written: %s\n", v[1]);
	cli_db_close(&cd);
	return rc ? 1 : 0;
}

int cmd_restore(int argc, char **argv)
{
	static const char *const spec[] = { "db", "from", "force!", NULL };
	static const char help[] =
		"usage: precinct restore --db PATH --from FILE [--force]\n"
		"  Replace the database at PATH by the backup FILE, after checking the\n"
		"  backup's integrity and audit chain. Stop the server first. An existing\n"
		"  PATH is only replaced with --force.\n";
	const char *v[3] = { 0 }, *pos[1];
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
	if (access(v[1], R_OK) != 0) {
		fprintf(stderr, "precinct restore: cannot read %s\n", v[1]);
		return 1;
	}
	if (access(v[0], F_OK) == 0 && !v[2]) {
		fprintf(stderr, "precinct restore: %s exists; add --force to replace it\n", v[0]);
		return 1;
	}
	if (cli_db_open(&src, v[1]))
		return 1;
	rc = db_integrity_check(src.db, &src.err);
	if (!rc)
		rc = audit_verify(src.db, &bad, &rows, &src.err);
	if (rc) {
		fprintf(stderr, "precinct restore: the backup is damaged: %s\n", src.err.msg);
		cli_db_close(&src);
		return 1;
	}
	rc = db_backup_to(src.db, v[0], &src.err);
	cli_db_close(&src);
	if (rc) {
		fprintf(stderr, "precinct restore: %s\n", src.err.msg);
		return 1;
	}
	{
		char wal[4096];

		snprintf(wal, sizeof(wal), "%s-wal", v[0]);
		unlink(wal);
		snprintf(wal, sizeof(wal), "%s-shm", v[0]);
		unlink(wal);
	}
	if (cli_db_open(&src, v[0]))
		return 1;
	rc = db_begin(src.db, 1, &src.err);
	if (!rc)
		rc = audit_write(&src.ctx, "system.restore", "database", v[1], "success", NULL);
	if (!rc)
		rc = db_commit(src.db, &src.err);
	else
		db_rollback(src.db);
	cli_db_close(&src);
	if (rc) {
		fprintf(stderr, "precinct restore: %s\n", src.err.msg);
		return 1;
	}
	printf("restored %s from %s (%lld audit rows verified)\n", v[0], v[1], (long long)rows);
	return 0;
}

int cmd_audit(int argc, char **argv)
{
	static const char *const spec[] = { "db", NULL };
	static const char help[] =
		"usage: precinct audit verify --db PATH\n"
		"  Walk the audit hash chain. Exit 0 when intact; exit 1 naming the first\n"
		"  row that was changed, deleted or reordered.\n";
	const char *v[1] = { 0 }, *pos[1];
	struct cli_db cd;
	int64_t bad, rows;
	int npos, rc;

	rc = cli_options(argc, argv, spec, v, pos, 1, &npos, help);
	if (rc)
		return rc == 1 ? 0 : 2;
	if (npos != 1 || strcmp(pos[0], "verify") != 0) {
		fprintf(stderr, "precinct audit: expected 'verify' (see --help)\n");
		return 2;
	}
	if (!v[0]) {
		fprintf(stderr, "precinct audit verify: --db PATH is required\n");
		return 2;
	}
	if (access(v[0], F_OK) != 0) {
		fprintf(stderr, "precinct audit verify: %s does not exist\n", v[0]);
		return 1;
	}
	if (cli_db_open(&cd, v[0]))
		return 1;
	rc = audit_verify(cd.db, &bad, &rows, &cd.err);
	if (rc) {
		fprintf(stderr, "audit chain BROKEN at row %lld: %s\n", (long long)bad, cd.err.msg);
	} else {
		printf("audit chain intact: %lld rows\n", (long long)rows);
	}
	cli_db_close(&cd);
	return rc ? 1 : 0;
}
