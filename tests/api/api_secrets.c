/* api_secrets.c — two-factor secrets sealed at rest (TRUST CRY-2): the
 * base32 secret handed out at enrolment is nowhere in the database file,
 * its row holds XChaCha20-Poly1305 ciphertext under a sub-key of DB.key
 * bound to the owner (a row copied to another user does not open), a
 * database of before CRY-2 has its plain secrets sealed when serve starts,
 * a restored backup (with its key) still accepts the user's codes, and a
 * lost key leaves only the admin reset. Codes come from the test's own
 * TOTP (totp_util.h). */
#define _GNU_SOURCE /* memmem */
#include "harness.h"
#include "totp_util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define API "/api/v1"

/* A secret a database of before CRY-2 could hold: base32 of the 20 bytes
 * "abcdefghijklmnopqrst" (RFC 4648, worked out by hand: "abcde" =
 * MFRGGZDF, "fghij" = MZTWQ2LK, "klmno" = NNWG23TP, "pqrst" = OBYXE43U). */
#define OLD_SECRET "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U"
#define OLD_RAW "abcdefghijklmnopqrst"
/* and a second one, of "ABCDEFGHIJKLMNOPQRST" ("ABCDE" = IFBEGRCF, …) */
#define OLD_SECRET2 "IFBEGRCFIZDUQSKKJNGE2TSPKBIVEU2U"
#define OLD_RAW2 "ABCDEFGHIJKLMNOPQRST"

/* The whole of a file, malloc'd and NUL-terminated (the caller frees it),
 * its size in *n; NULL when it does not exist. */
static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *p;
	long len = 0;

	*n = 0;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
		fail_msg("cannot size %s", path);
	p = malloc((size_t)len + 1);
	if (!p || fread(p, 1, (size_t)len, f) != (size_t)len)
		fail_msg("cannot read %s", path);
	fclose(f);
	p[len] = '\0';
	*n = (size_t)len;
	return p;
}

/* 1 when the bytes of needle (nlen) occur in the database file db or in
 * its -wal and -journal companions. */
static int db_file_holds(struct server *srv, const char *db, const void *needle, size_t nlen)
{
	const char *files[] = { db, fmt(srv, "%s-wal", db), fmt(srv, "%s-journal", db) };
	int found = 0;

	if (test_pg_url()) {
		/* PostgreSQL: no file of ours to read; the text column must not
		 * hold it (raw bytes cannot be in a TEXT column at all) */
		for (size_t i = 0; i < nlen; i++)
			if (((const unsigned char *)needle)[i] < 0x20 ||
			    ((const unsigned char *)needle)[i] > 0x7e || ((const char *)needle)[i] == '\'')
				return 0;
		return db_raw_int(db, fmt(srv, "SELECT COUNT(*) FROM user_totp WHERE secret LIKE '%%%.*s%%'",
					  (int)nlen, (const char *)needle), NULL) > 0;
	}

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]) && !found; i++) {
		size_t n;
		char *p = slurp(files[i], &n);

		found = p && n >= nlen && memmem(p, n, needle, nlen) != NULL;
		free(p);
	}
	return found;
}

/* The base32 secret, its 20 raw bytes and their hex are none of them in
 * the files of db (the server stopped, so its WAL is checkpointed). */
static void assert_secret_absent(struct server *srv, const char *db, const char *secret)
{
	unsigned char raw[64];
	char hex[130];
	size_t n = tu_base32(secret, raw, sizeof(raw));

	assert_int_equal(n, 20);
	for (size_t i = 0; i < n; i++)
		snprintf(hex + 2 * i, 3, "%02x", raw[i]);
	assert_false(db_file_holds(srv, db, secret, strlen(secret)));
	assert_false(db_file_holds(srv, db, raw, n));
	assert_false(db_file_holds(srv, db, hex, 2 * n));
}

static size_t log_size(struct server *srv)
{
	size_t n;

	free(slurp(srv->log, &n));
	return n;
}

/* What the server log gained since offset (srv's pool). */
static const char *log_since(struct server *srv, size_t offset)
{
	size_t n;
	char *p = slurp(srv->log, &n);
	const char *out = fmt(srv, "%s", p && n > offset ? p + offset : "");

	free(p);
	return out;
}

/* The user_totp.secret column of a user, as the database file holds it. */
static const char *row_secret(struct server *srv, const char *db, const char *username)
{
	return db_raw_text(srv, db,
			   fmt(srv,
			       "SELECT secret FROM user_totp WHERE user_id ="
			       " (SELECT id FROM users WHERE username = '%s')",
			       username));
}

static int mode_of(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (int)(sb.st_mode & 0777) : -1;
}

/* CRY-2: the secret shown at enrolment is not stored: the row holds "s1:"
 * and 80 base64 characters (24 nonce + 20 key + 16 tag = 60 bytes), and
 * neither the base32 text nor the key's bytes are anywhere in the file, the
 * server log included; a restart with the same DB.key still accepts codes
 * computed from the enrolment secret. */
STORY(secret_is_sealed_at_rest)
{
	struct session *me = login(srv, "minjing1", DEMO_PW);
	const char *secret = tu_enrol(srv, me, NULL), *row;

	row = row_secret(srv, srv->db, "minjing1");
	assert_non_null(row);
	assert_int_equal(strlen(row), 83);
	assert_memory_equal(row, "s1:", 3);
	assert_null(strstr(row, secret));
	server_stop(srv);
	assert_secret_absent(srv, srv->db, secret);
	assert_null(strstr(log_since(srv, 0), secret));

	server_start(srv);
	tu_next_step(srv);
	assert_error(srv, login_attempt(srv, "minjing1", DEMO_PW, NULL), 401, "TOTP_REQUIRED");
	assert_error(srv, tu_login2(srv, "minjing1", DEMO_PW, "000000", NULL), 401, NULL);
	assert_int_equal(tu_login2(srv, "minjing1", DEMO_PW, tu_code(srv, secret), NULL)->status,
			 200);
}

/* The ciphertext is bound to its owner (the user id is the AEAD's
 * additional data): minjing1's sealed secret copied into minjing2's row
 * opens for neither minjing1's codes nor minjing2's own; serve names the
 * row that does not open at start; minjing1 is unaffected. */
STORY(sealed_row_copied_to_another_user_does_not_open)
{
	struct session *a = login(srv, "minjing1", DEMO_PW), *b = login(srv, "minjing2", DEMO_PW);
	const char *sa = tu_enrol(srv, a, NULL), *sb = tu_enrol(srv, b, NULL);
	size_t off;

	server_stop(srv);
	assert_int_equal(db_raw_exec(srv->db,
				     "UPDATE user_totp SET secret = (SELECT t.secret FROM user_totp t"
				     " JOIN users u ON u.id = t.user_id WHERE u.username = 'minjing1')"
				     " WHERE user_id = (SELECT id FROM users WHERE username = 'minjing2')"),
			 0);
	assert_string_equal(row_secret(srv, srv->db, "minjing2"), row_secret(srv, srv->db, "minjing1"));
	off = log_size(srv);
	server_start(srv);
	assert_non_null(strstr(log_since(srv, off), "WARNING: 1 two-factor secret(s) do not open"));

	tu_next_step(srv);
	assert_error(srv, tu_login2(srv, "minjing2", DEMO_PW, tu_code(srv, sa), NULL), 401,
		     "TOTP_INVALID");
	assert_error(srv, tu_login2(srv, "minjing2", DEMO_PW, tu_code(srv, sb), NULL), 401,
		     "TOTP_INVALID");
	assert_int_equal(tu_login2(srv, "minjing1", DEMO_PW, tu_code(srv, sa), NULL)->status, 200);
}

/* A database of before CRY-2 kept the secrets in plain base32: serve seals
 * them at start (said on stderr, audited "mfa.secrets_sealed"), the plain
 * text is gone from the file (zeroed, not left as free space: the first
 * row is not the last cell of its page, so without secure_delete its old
 * bytes would stay), and the users' authenticators still work. A second
 * start finds nothing to seal. */
STORY(plain_secret_of_an_older_database_is_sealed_at_start)
{
	const char *row;
	size_t off;

	server_stop(srv);
	assert_int_equal(db_raw_exec(srv->db,
				     "INSERT INTO user_totp(user_id, secret, created_at, enabled_at,"
				     " last_step) SELECT id, '" OLD_SECRET "', 1, 1, 0 FROM users"
				     " WHERE username = 'minjing1'"),
			 0);
	assert_int_equal(db_raw_exec(srv->db,
				     "INSERT INTO user_totp(user_id, secret, created_at, enabled_at,"
				     " last_step) SELECT id, '" OLD_SECRET2 "', 1, 1, 0 FROM users"
				     " WHERE username = 'minjing2'"),
			 0);
	/* the test's own check that the file did hold it before */
	assert_true(db_file_holds(srv, srv->db, OLD_SECRET, strlen(OLD_SECRET)));
	off = log_size(srv);
	server_start(srv);
	assert_non_null(strstr(log_since(srv, off),
			       "2 two-factor secret(s) stored in plain text were sealed"));
	/* at once, before any login rewrites the rows again */
	assert_false(db_file_holds(srv, srv->db, OLD_SECRET, strlen(OLD_SECRET)));
	assert_false(db_file_holds(srv, srv->db, OLD_SECRET2, strlen(OLD_SECRET2)));
	row = row_secret(srv, srv->db, "minjing1");
	assert_int_equal(strlen(row), 83);
	assert_memory_equal(row, "s1:", 3);
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit WHERE action = 'mfa.secrets_sealed'"
				    " AND outcome = 'success'",
				    NULL),
			 1);

	tu_next_step(srv);
	assert_error(srv, login_attempt(srv, "minjing1", DEMO_PW, NULL), 401, "TOTP_REQUIRED");
	assert_int_equal(tu_login2(srv, "minjing1", DEMO_PW, tu_code(srv, OLD_SECRET), NULL)->status,
			 200);
	assert_int_equal(tu_login2(srv, "minjing2", DEMO_PW, tu_code(srv, OLD_SECRET2), NULL)->status,
			 200);

	server_stop(srv);
	assert_false(db_file_holds(srv, srv->db, OLD_SECRET, strlen(OLD_SECRET)));
	assert_false(db_file_holds(srv, srv->db, OLD_RAW, strlen(OLD_RAW)));
	assert_false(db_file_holds(srv, srv->db, OLD_SECRET2, strlen(OLD_SECRET2)));
	assert_false(db_file_holds(srv, srv->db, OLD_RAW2, strlen(OLD_RAW2)));
	off = log_size(srv);
	server_start(srv);
	assert_null(strstr(log_since(srv, off), "were sealed"));
	assert_null(strstr(log_since(srv, off), "WARNING"));
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit WHERE action = 'mfa.secrets_sealed'",
				    NULL),
			 1);
}

/* A backup restored with its key (--key DB.key, installed beside the new
 * database) still accepts the user's codes. The same database without its
 * key: serve makes a new DB.key (0600, said on stderr), warns that one
 * secret does not open, the user's codes are refused, and the admin reset
 * lets the user in with the password again. A key readable by others
 * stops serve from starting. */
STORY(restored_backup_accepts_codes_and_a_lost_key_needs_the_reset)
{
	SQLITE_ONLY(srv, "precinct backup/restore copy the SQLite file (PostgreSQL: pg_basebackup)");
	struct session *me = login(srv, "minjing1", DEMO_PW), *admin;
	const char *secret = tu_enrol(srv, me, NULL);
	const char *bak = srv_path(srv, "b.bak"), *restored = srv_path(srv, "r.db");
	const char *lost = srv_path(srv, "lost.db");
	struct cli_result c;
	long long id;
	size_t off;

	server_stop(srv);
	c = run_cli(srv, "backup", "--db", srv->db, "--to", bak);
	assert_int_equal(c.code, 0);
	assert_secret_absent(srv, bak, secret);
	c = run_cli(srv, "restore", "--db", restored, "--from", bak, "--key",
		    fmt(srv, "%s.key", srv->db));
	assert_int_equal(c.code, 0);
	assert_int_equal(mode_of(fmt(srv, "%s.key", restored)), 0600);

	snprintf(srv->db, sizeof(srv->db), "%s", restored);
	server_start(srv);
	tu_next_step(srv);
	assert_int_equal(tu_login2(srv, "minjing1", DEMO_PW, tu_code(srv, secret), NULL)->status,
			 200);
	server_stop(srv);

	/* the database alone, its key lost */
	c = run_cli(srv, "backup", "--db", restored, "--to", lost);
	assert_int_equal(c.code, 0);
	assert_int_equal(mode_of(fmt(srv, "%s.key", lost)), -1);
	snprintf(srv->db, sizeof(srv->db), "%s", lost);
	off = log_size(srv);
	server_start(srv);
	assert_non_null(strstr(log_since(srv, off), "server secret created"));
	assert_non_null(strstr(log_since(srv, off), "WARNING: 1 two-factor secret(s) do not open"));
	assert_int_equal(mode_of(fmt(srv, "%s.key", lost)), 0600);
	tu_next_step(srv);
	assert_error(srv, tu_login2(srv, "minjing1", DEMO_PW, tu_code(srv, secret), NULL), 401,
		     "TOTP_INVALID");
	admin = login(srv, "admin", DEMO_PW);
	id = user_id(srv, admin, "minjing1");
	assert_int_equal(
		http(srv, admin, "POST", fmt(srv, API "/users/%lld/totp/reset", id), NULL)->status,
		200);
	login(srv, "minjing1", DEMO_PW);
	server_stop(srv);

	/* a key readable by others is refused before anything is served */
	assert_int_equal(chmod(fmt(srv, "%s.key", lost), 0644), 0);
	c = run_cli(srv, "serve", "--db", lost, "--listen", "127.0.0.1:0");
	assert_int_equal(c.code, 1);
	assert_non_null(strstr(c.err, "0600"));
	assert_int_equal(chmod(fmt(srv, "%s.key", lost), 0600), 0);
}

/* Every server of one database holds the same server secret (it seals the
 * two-factor secrets: a server with another would refuse the codes of
 * every user enrolled through the first, behind nginx one login in two).
 * On PostgreSQL a second server named another secret — a file missing (it
 * would make a new one) or another key — is refused, and the missing one
 * is not left made; PRECINCT_NEW_SECRET=1 registers another (audited). On
 * SQLite the secret sits beside the file: a replaced one is registered
 * (audited) with a word on stderr. */
STORY(every_server_of_a_database_holds_one_secret)
{
	const char *other = srv_path(srv, "other.key"), *missing = srv_path(srv, "missing.key");
	struct session *auditor;
	struct cli_result c;
	FILE *f = fopen(other, "w");

	assert_non_null(f);
	fputs("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n", f);
	fclose(f);
	assert_int_equal(chmod(other, 0600), 0);
	if (test_pg_url()) {
		char mine[sizeof(srv->secret)];
		struct server *b;

		snprintf(mine, sizeof(mine), "%s", srv->secret);
		for (int i = 0; i < 2; i++) {
			snprintf(srv->secret, sizeof(srv->secret), "%s", i ? other : missing);
			c = run_cli(srv, "serve", "--db", srv->db, "--listen", "127.0.0.1:0");
			assert_int_equal(c.code, 1);
			assert_non_null(strstr(c.err, "同一数据库的每台服务器须使用同一份密钥"));
			assert_non_null(strstr(c.err, "Nothing was changed"));
		}
		snprintf(srv->secret, sizeof(srv->secret), "%s", mine);
		assert_int_equal(mode_of(missing), -1);
		/* the old one lost everywhere: registered anew, on purpose */
		assert_int_equal(setenv("PRECINCT_NEW_SECRET", "1", 1), 0);
		b = server_on(srv, srv->db, other);
		assert_int_equal(unsetenv("PRECINCT_NEW_SECRET"), 0);
		assert_int_equal(server_logged(b, "it is registered now"), 1);
		server_free(b);
	} else {
		server_stop(srv);
		f = fopen(fmt(srv, "%s.key", srv->db), "w");
		assert_non_null(f);
		fputs("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100\n", f);
		fclose(f);
		server_start(srv);
		assert_int_equal(server_logged(srv, "it is registered now"), 1);
	}
	auditor = login(srv, "auditor", DEMO_PW);
	assert_int_equal(audit_count(srv, auditor, "system.secret_register", NULL, "success"), 1);
	assert_int_equal(audit_count(srv, auditor, "system.secret_replace", NULL, "success"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(secret_is_sealed_at_rest, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(every_server_of_a_database_holds_one_secret, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(sealed_row_copied_to_another_user_does_not_open,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(plain_secret_of_an_older_database_is_sealed_at_start,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(
			restored_backup_accepts_codes_and_a_lost_key_needs_the_reset, setup_demo,
			teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
