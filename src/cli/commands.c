/* commands.c — init and serve (backup and restore: backup.c; audit: audit.c). */
#include "cli/cli.h"
#include "cli/cli_db.h"
#include "seed/seed.h"
#include "domain/admin/mfa.h"
#include "domain/admin/server_secret.h"
#include "http/server.h"
#include "store/blobs.h"
#include "store/db.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/mem.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
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
	/* the demo county keeps attachments (the cases' evidence): a
	 * PostgreSQL database has no directory of its own, and an init that
	 * failed half-way there left its numbers used (PostgreSQL does not
	 * take back an identity a rolled-back row took), which the next
	 * init met as 案件不存在 */
	if (v[1] && !blobs_root()[0]) {
		fprintf(stderr, "precinct init: 演示县含有附件：请先用 PRECINCT_FILES_DIR 指定附件目录"
				" (the demo county keeps attachments: set PRECINCT_FILES_DIR)\n");
		cli_db_close(&cd);
		return 1;
	}
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
	/* the server secret beside the database (keys the backup MACs) */
	if (cli_secret_ensure(v[0]) != 0) {
		ps_memzero(otp, sizeof(otp));
		cli_db_close(&cd);
		return 1;
	}
	{
		char safe[512];

		printf("database ready: %s (schema version %d)\n",
		       db_safe_name(v[0], safe, sizeof(safe)), db_schema_version(cd.db));
	}
	if (v[1])
		printf("demo county created; demo password: %s\n"
		       "two-factor login is not required in the demo (setting auth.mfa_roles is empty;\n"
		       "set it in 系统设置 to require it, e.g. admin,chief,supervisor,auditor)\n",
		       DEMO_PASSWORD);
	else
		printf("administrator: admin\none-time password: %s\n"
		       "(must be changed at first login; it is not stored anywhere else)\n",
		       otp);
	ps_memzero(otp, sizeof(otp));
	cli_db_close(&cd);
	return 0;
}

/* The KDF context of the secret's fingerprint (server_secret.h) */
#define SECRET_ID_CONTEXT "PCSECRID"

/* The key sealing TOTP secrets (TRUST CRY-2): a sub-key of the server
 * secret DB_PATH.key, made (0600, said on stderr) when it does not exist
 * yet. Then it is checked against the secret the database was served with
 * (server_secret_register): on PostgreSQL every server of the database must
 * hold the same one, so another is refused (and a secret made just now
 * removed again) unless PRECINCT_NEW_SECRET=1 says that the old one is lost
 * everywhere; on SQLite, whose secret sits beside the file, a replaced one
 * is registered. Then the rows still in plain base32 are sealed with it,
 * and the sealed ones it cannot open are counted and named on stderr. 0,
 * or 1 after printing why (a secret readable by others, another server's
 * secret, a storage error). cd is the database at db_path, open. */
static int serve_totp_key(struct cli_db *cd, const char *db_path, unsigned char key[CRYPTO_SECRET_LEN])
{
	unsigned char secret[CRYPTO_SECRET_LEN], id[CRYPTO_SECRET_LEN];
	char path[4096], fp[CRYPTO_HASH_HEX];
	const char *new_secret = getenv("PRECINCT_NEW_SECRET");
	enum server_secret_state state = SERVER_SECRET_SAME;
	struct ps_err e;
	int rc, created = 0, sealed = 0, unreadable = 0;

	if (cli_secret_path(db_path, path, sizeof(path)))
		return 1;
	ps_err_clear(&e);
	rc = crypto_secret_load(path, secret, &e);
	if (rc == PS_ENOTFOUND) {
		ps_err_clear(&e);
		rc = crypto_secret_create(path, &e);
		created = rc == PS_OK;
		if (rc == PS_OK || rc == PS_ECONFLICT)
			rc = crypto_secret_load(path, secret, &e);
	}
	if (rc) {
		fprintf(stderr, "precinct serve: %s\n", e.msg);
		return 1;
	}
	crypto_subkey(key, secret, MFA_KEY_CONTEXT);
	crypto_subkey(id, secret, SECRET_ID_CONTEXT);
	crypto_hash_hex(id, sizeof(id), fp);
	ps_memzero(id, sizeof(id));
	ps_memzero(secret, sizeof(secret));
	cd->ctx.totp_key = key;
	rc = db_begin(cd->db, 1, &cd->err);
	if (!rc)
		rc = server_secret_register(&cd->ctx, fp,
					    !db_is_url(db_path) ||
						    (new_secret && strcmp(new_secret, "1") == 0),
					    &state);
	if (!rc && state != SERVER_SECRET_OTHER)
		rc = mfa_secrets_seal(&cd->ctx, &sealed, &unreadable);
	if (!rc && state != SERVER_SECRET_OTHER)
		rc = db_commit(cd->db, &cd->err);
	else
		db_rollback(cd->db);
	cd->ctx.totp_key = NULL;
	if (rc) {
		fprintf(stderr, "precinct serve: cannot check the server secret or seal the"
				" two-factor secrets: %s\n", cd->err.msg);
		if (created)
			unlink(path);
		return 1;
	}
	if (state == SERVER_SECRET_OTHER) {
		if (created)
			unlink(path); /* as it was: the right secret is copied there */
		fprintf(stderr,
			"precinct serve: 服务器密钥 %s 与该数据库其他服务器使用的密钥不同：同一数据库的"
			"每台服务器须使用同一份密钥（从已在运行的服务器复制该文件到此处，权限 0600）；"
			"若旧密钥在所有服务器上都已丢失，以 PRECINCT_NEW_SECRET=1 启动一次（已绑定的双因素"
			"认证须由管理员重置）。未作任何改动 / the server secret %s is not the one the other"
			" servers of this database hold: copy theirs here (mode 0600); if it is lost on"
			" every server, start once with PRECINCT_NEW_SECRET=1 (two-factor logins then"
			" need an administrator's reset). Nothing was changed\n",
			path, path);
		return 1;
	}
	if (created)
		fprintf(stderr,
			"precinct serve: server secret created: %s (mode 0600; it keys the"
			" backup MACs and seals the two-factor secrets: keep a copy apart"
			" from the backups)\n",
			path);
	if (state == SERVER_SECRET_REPLACED)
		fprintf(stderr, "precinct serve: the server secret %s is not the one this database"
				" was served with before: it is registered now (audited)\n", path);
	if (sealed)
		fprintf(stderr, "precinct serve: %d two-factor secret(s) stored in plain text were"
				" sealed with the server secret\n", sealed);
	if (unreadable)
		fprintf(stderr,
			"precinct serve: WARNING: %d two-factor secret(s) do not open with %s"
			" (the key was lost or replaced): those users cannot log in until an"
			" administrator resets their two-factor login\n",
			unreadable, path);
	return 0;
}

/* The deadlines (custody, summons, case clocks), the timestamps and the
 * audit rows of a city are written by every server on its own clock: one
 * whose clock strays from the database server's by a minute or more (no
 * NTP on that host) would start a custody clock late or early, and order
 * its rows out of time with the others'. SQLite runs on this machine's
 * clock alone. 0, or 1 after printing why. cd is the database, open. (A
 * running server keeps looking: api/write_stop.c.) */
static int serve_clock_check(struct cli_db *cd)
{
	int64_t skew, off;
	const char *en, *zh;

	if (db_clock_skew_ms(cd->db, &skew, &cd->err)) {
		fprintf(stderr, "precinct serve: cannot read the database server's clock: %s\n",
			cd->err.msg);
		return 1;
	}
	off = skew < 0 ? -skew : skew;
	zh = skew < 0 ? "慢" : "快";
	en = skew < 0 ? "behind" : "ahead of";
	if (off >= DB_CLOCK_SKEW_REFUSE_MS) {
		fprintf(stderr,
			"precinct serve: 本机时钟比数据库服务器%s %.1f 秒：期限、时间戳和审计记录须用同一时间，"
			"请先校准本机时间（NTP）再启动 / this machine's clock is %.1f s %s the database"
			" server's: set it right (NTP) before serving\n",
			zh, (double)off / 1000, (double)off / 1000, en);
		return 1;
	}
	if (off >= DB_CLOCK_SKEW_WARN_MS)
		fprintf(stderr,
			"precinct serve: WARNING: this machine's clock is %.1f s %s the database"
			" server's (本机时钟与数据库服务器不一致): check NTP\n",
			(double)off / 1000, en);
	return 0;
}

/* On PostgreSQL: will the database server take this server's connections?
 * Each server opens up to server_db_connections of them (its workers' as
 * the requests come); past max_connections a worker's first request is
 * answered 503, intermittently, under load. Said at the start, with the
 * numbers, while it can still be mended; the server starts all the same
 * (a database shared with others may free room). */
static void serve_connections_check(struct cli_db *cd, const struct server_config *cfg)
{
	struct db_connections c;
	unsigned need = server_db_connections(cfg);

	if (db_connections(cd->db, &c, &cd->err) || c.allowed <= 0)
		return;
	if ((unsigned)c.in_use + need <= (unsigned)c.allowed &&
	    (unsigned)(c.servers + 1) * need <= (unsigned)c.allowed)
		return;
	fprintf(stderr,
		"precinct serve: WARNING: 数据库服务器最多接受 %d 个连接（max_connections 减去保留数），"
		"现已用 %d 个，另有 %d 台 Precinct 服务器；本服务器最多再用 %u 个（--threads %u 加 2）。"
		"连接用尽时请求会得到 503：请调大 max_connections 或减少 --threads / "
		"the database server takes %d connections (max_connections less the reserved), %d are "
		"in use and %d other Precinct servers are connected; this server opens up to %u "
		"(--threads %u + 2): past the limit requests are answered 503. Raise max_connections "
		"to at least the servers times (threads + 2), or lower --threads (docs/deploy.md)\n",
		c.allowed, c.in_use, c.servers, need, cfg->threads, c.allowed, c.in_use, c.servers,
		need, cfg->threads);
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
		"  The server secret PATH.key (made, mode 0600, when missing) seals the\n"
		"  two-factor secrets; plain ones of an older database are sealed at start.\n"
		"  Stops cleanly on SIGINT/SIGTERM/SIGHUP: in-flight requests finish.\n";
	const char *v[8] = { 0 }, *pos[1];
	struct server_config cfg;
	unsigned char totp_key[CRYPTO_SECRET_LEN];
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
	if (!db_is_url(v[0]) && access(v[0], F_OK) != 0) {
		fprintf(stderr, "precinct serve: %s does not exist; run precinct init first\n", v[0]);
		return 1;
	}
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
	/* migrated once at start-up (the workers then open their own), the
	 * clock against the database server's, and the key that seals the
	 * two-factor secrets (CRY-2) */
	{
		char host[32] = "", name[64];

		gethostname(host, sizeof(host) - 1);
		snprintf(name, sizeof(name), DB_CLIENT_SERVE "%s:%ld", host[0] ? host : "?", (long)getpid());
		db_client_name_set(name);
	}
	if (cli_db_open(&cd, v[0]))
		return 1;
	rc = serve_clock_check(&cd) || serve_totp_key(&cd, v[0], totp_key);
	if (!rc)
		serve_connections_check(&cd, &cfg);
	cli_db_close(&cd);
	if (rc) {
		ps_memzero(totp_key, sizeof(totp_key));
		return 1;
	}
	cfg.totp_key = totp_key;
	/* SQLite builds and drops a temporary b-tree with its own ~100 KB page
	 * cache for every INSERT … RETURNING and many sorts; with glibc's
	 * default trim threshold each drop hands the memory back (madvise, a
	 * TLB shootdown on every core). Keep it: bench/ (4), 1 550 → see the
	 * results table. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
	ps_err_clear(&err);
	rc = server_run(&cfg, &err);
	ps_memzero(totp_key, sizeof(totp_key));
	if (rc) {
		fprintf(stderr, "precinct serve: %s\n", err.msg);
		return 1;
	}
	return 0;
}
