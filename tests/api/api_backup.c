/* api_backup.c — backup and restore, the audit chain against tampering with
 * the database file (TRUST AUD-4), a clean shutdown under load (DUR-2), and
 * the command line (issue 2: usage errors exit 2 with one line). Issue 13:
 * a backup under 8 writers finishes and restores clean; a backup carries a
 * keyed MAC and a changed byte is refused; SIGTERM under load answers every
 * commit and exits within 5 s with idle keep-alive clients connected. */
#define _GNU_SOURCE /* memmem */
#include "case_util.h"
#include "harness.h"
#include "load_util.h"
#include "core/crypto.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>

#define LOAD_REQUESTS 50

static int count_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!hay || !strstr(hay, needle))
		fail_msg("'%s' does not contain '%s'", hay ? hay : "(null)", needle);
}

static const char *user_body(struct server *srv, const char *username, long long unit)
{
	return fmt(srv,
		   "{\"username\":\"%s\",\"name\":\"备份测试\",\"role\":\"officer\","
		   "\"unit_id\":%lld,\"password\":\"Beifen#Ceshi-2026\"}",
		   username, unit);
}

/* The server secret beside a database. */
static const char *key_of(struct server *srv, const char *db)
{
	return fmt(srv, "%s.key", db);
}

/* Permission bits of path, -1 when it does not exist. */
static int file_mode(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (int)(sb.st_mode & 0777) : -1;
}

/* A few audited actions, so that the chain has rows 1..n (n >= 6). */
static void make_audit_rows(struct server *srv)
{
	login(srv, "admin", DEMO_PW);
	login(srv, "auditor", DEMO_PW);
	login(srv, "minjing1", DEMO_PW);
	login(srv, "minjing2", DEMO_PW);
	login_attempt(srv, "minjing1", "Wrong-Password-7", NULL);
	login(srv, "neiqin", DEMO_PW);
}

/* Backup while serving, restore into a new file, verify, serve it. */
STORY(backup_while_serving_then_restore)
{
	struct session *admin = login(srv, "admin", DEMO_PW), *auditor;
	long long cg = unit_id(srv, admin, "城关派出所");
	const char *backup = srv_path(srv, "backup.db");
	const char *restored = srv_path(srv, "restored.db");
	struct cli_result c;
	struct resp *r;

	assert_int_equal(http(srv, admin, "POST", "/api/v1/users",
			      user_body(srv, "beifen.test", cg))->status,
			 201);
	assert_int_equal(http(srv, admin, "PUT", "/api/v1/settings/session.idle_minutes",
			      "{\"value\":20}")->status,
			 200);

	c = run_cli(srv, "backup", "--db", srv->db, "--to", backup);
	assert_int_equal(c.code, 0);
	assert_contains(c.out, "backup written");
	{
		/* the copy holds every record: readable by its owner only */
		struct stat sb;

		assert_int_equal(stat(backup, &sb), 0);
		assert_int_equal(sb.st_mode & 0777, 0600);
	}
	/* the server keeps serving during and after the backup */
	assert_int_equal(http(srv, admin, "GET", "/api/v1/me", NULL)->status, 200);
	server_stop(srv);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = ?",
				    "system.backup"),
			 1);

	/* a new path has no secret of its own: the server's is given */
	c = run_cli(srv, "restore", "--db", restored, "--from", backup);
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "--key");
	c = run_cli(srv, "restore", "--db", restored, "--from", backup, "--key", key_of(srv, srv->db));
	assert_int_equal(c.code, 0);
	assert_contains(c.out, "restored");
	assert_contains(c.out, "MAC verified");
	/* the secret was installed beside the restored database, 0600 */
	assert_int_equal(file_mode(key_of(srv, restored)), 0600);
	/* an existing database is replaced only with --force */
	c = run_cli(srv, "restore", "--db", restored, "--from", backup);
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "--force");
	c = run_cli(srv, "restore", "--db", srv_path(srv, "x.db"), "--from",
		    srv_path(srv, "missing.db"));
	assert_int_equal(c.code, 1);

	c = run_cli(srv, "audit", "verify", "--db", restored);
	assert_int_equal(c.code, 0);
	assert_contains(c.out, "audit chain intact");
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
	assert_string_equal(db_raw_text(srv, restored, "PRAGMA integrity_check"), "ok");

	/* serve the restored copy: the data written before the backup is there */
	snprintf(srv->db, sizeof(srv->db), "%s", restored);
	server_start(srv);
	admin = login(srv, "admin", DEMO_PW);
	r = http(srv, admin, "GET", "/api/v1/users?q=beifen.test", NULL);
	assert_int_equal(rnum(r, "total"), 1);
	r = http(srv, admin, "GET", "/api/v1/settings", NULL);
	assert_string_equal(rstr(r, "items.0.key"), "session.idle_minutes");
	assert_int_equal(rnum(r, "items.0.value"), 20);
	r = login_attempt(srv, "beifen.test", "Beifen#Ceshi-2026", NULL);
	assert_int_equal(r->status, 200);
	assert_true(json_is_true(jpath(r->json, "user.must_change_password")));
	auditor = login(srv, "auditor", DEMO_PW);
	assert_int_equal(audit_count(srv, auditor, "system.restore", NULL, "success"), 1);
	assert_int_equal(audit_count(srv, auditor, "user.create", "admin", "success"), 1);
	server_stop(srv);
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", restored).code, 0);
}

/* AUD-4: the table refuses UPDATE; with the trigger dropped, a changed row is
 * found and named by `audit verify`, and a backup of it is not restored. */
STORY(audit_verify_names_a_changed_row)
{
	struct cli_result c;

	make_audit_rows(srv);
	server_stop(srv);
	assert_true(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit", NULL) >= 6);
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);

	assert_int_not_equal(db_raw_exec(srv->db, "UPDATE audit SET detail = 'x' WHERE id = 3"),
			     0);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE detail = 'x'",
				    NULL),
			 0);
	assert_int_equal(db_raw_exec(srv->db, "DROP TRIGGER audit_no_update;"
					      "UPDATE audit SET detail = 'x' WHERE id = 3;"),
			 0);
	c = run_cli(srv, "audit", "verify", "--db", srv->db);
	assert_int_not_equal(c.code, 0);
	assert_contains(c.err, "row 3");

	/* a backup of the damaged database is refused at restore */
	assert_int_equal(run_cli(srv, "backup", "--db", srv->db, "--to",
				 srv_path(srv, "damaged.bak")).code,
			 0);
	c = run_cli(srv, "restore", "--db", srv_path(srv, "from-damaged.db"), "--from",
		    srv_path(srv, "damaged.bak"), "--key", key_of(srv, srv->db));
	assert_int_not_equal(c.code, 0);
	assert_contains(c.err, "damaged");
}

/* AUD-4: a deleted row is found and named. */
STORY(audit_verify_names_a_deleted_row)
{
	struct cli_result c;

	make_audit_rows(srv);
	server_stop(srv);
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);

	assert_int_not_equal(db_raw_exec(srv->db, "DELETE FROM audit WHERE id = 4"), 0);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE id = 4", NULL), 1);
	assert_int_equal(db_raw_exec(srv->db, "DROP TRIGGER audit_no_delete;"
					      "DELETE FROM audit WHERE id = 4;"),
			 0);
	c = run_cli(srv, "audit", "verify", "--db", srv->db);
	assert_int_not_equal(c.code, 0);
	assert_contains(c.err, "row 4");
}

/* AUD-4: rows swapped in place (same ids, contents exchanged) are found. */
STORY(audit_verify_names_reordered_rows)
{
	struct cli_result c;

	make_audit_rows(srv);
	server_stop(srv);
	assert_int_equal(db_raw_exec(srv->db,
				     "DROP TRIGGER audit_no_update;"
				     "CREATE TEMP TABLE keep AS SELECT * FROM audit WHERE id IN (4, 5);"
				     "UPDATE audit SET (at_ms, user_id, username, role, unit_id,"
				     " client_ip, session_hash, request_id, action, object_type,"
				     " object_id, outcome, detail, prev_hash, hash) ="
				     " (SELECT at_ms, user_id, username, role, unit_id, client_ip,"
				     " session_hash, request_id, action, object_type, object_id,"
				     " outcome, detail, prev_hash, hash FROM keep"
				     " WHERE keep.id = 9 - audit.id) WHERE id IN (4, 5);"),
			 0);
	c = run_cli(srv, "audit", "verify", "--db", srv->db);
	assert_int_not_equal(c.code, 0);
	assert_contains(c.err, "row 4");
}

/* DUR-2: SIGTERM in the middle of 50 concurrent writes. Every request that
 * was answered 201 is in the database, each created account has its audit
 * row, the file is intact, and the server exits 0. */
STORY(sigterm_under_load_loses_no_answered_write)
{
	struct session *admin = login(srv, "admin", DEMO_PW);
	long long cg = unit_id(srv, admin, "城关派出所");
	struct resp rs[LOAD_REQUESTS];
	struct curl_slist *hdrs[LOAD_REQUESTS];
	CURL *hs[LOAD_REQUESTS];
	const char *names[LOAD_REQUESTS];
	CURLM *m = curl_multi_init();
	int running = 0, done = 0, termed = 0, created = 0, refused = 0;
	long long in_db;

	assert_non_null(m);
	for (int i = 0; i < LOAD_REQUESTS; i++) {
		const char *const no_extra[] = { NULL };

		names[i] = fmt(srv, "load%02d", i);
		hs[i] = http_easy(srv, admin, "POST", "/api/v1/users",
				  user_body(srv, names[i], cg), no_extra, &rs[i], &hdrs[i]);
		curl_easy_setopt(hs[i], CURLOPT_PRIVATE, (void *)&rs[i]);
		curl_multi_add_handle(m, hs[i]);
	}
	for (int rounds = 0; done < LOAD_REQUESTS && rounds < 20000; rounds++) {
		CURLMsg *msg;
		int left;

		curl_multi_perform(m, &running);
		while ((msg = curl_multi_info_read(m, &left))) {
			struct resp *r;

			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&r);
			http_finish(msg->easy_handle, msg->data.result, r);
			done++;
		}
		if (!termed && done >= 10) {
			server_signal_term(srv);
			termed = 1;
		}
		if (done < LOAD_REQUESTS)
			curl_multi_poll(m, NULL, 0, 50, NULL);
	}
	assert_int_equal(done, LOAD_REQUESTS);
	assert_true(termed);
	for (int i = 0; i < LOAD_REQUESTS; i++) {
		curl_multi_remove_handle(m, hs[i]);
		curl_easy_cleanup(hs[i]);
		curl_slist_free_all(hdrs[i]);
	}
	curl_multi_cleanup(m);
	server_wait_exit(srv);

	for (int i = 0; i < LOAD_REQUESTS; i++) {
		long st = rs[i].status;

		if (st == 201) {
			created++;
			if (db_raw_int(srv->db, "SELECT COUNT(*) FROM users WHERE username = ?",
				       names[i]) != 1)
				fail_msg("%s was answered 201 but is not in the database", names[i]);
		} else if (st == 0 || st == 503) {
			refused++; /* connection closed by the shutdown, or busy */
		} else {
			fail_msg("%s: unexpected status %ld: %s", names[i], st, rs[i].body);
		}
	}
	for (int i = 0; i < LOAD_REQUESTS; i++)
		resp_release(&rs[i]);
	print_message("shutdown under load: %d answered 201, %d cut off\n", created, refused);
	assert_true(created >= 1);

	assert_string_equal(db_raw_text(srv, srv->db, "PRAGMA integrity_check"), "ok");
	in_db = db_raw_int(srv->db, "SELECT COUNT(*) FROM users WHERE username LIKE 'load%'",
			   NULL);
	print_message("shutdown under load: %lld accounts in the database\n", in_db);
	/* and every account in the database was answered 201 (issue 13: a
	 * write either commits and is answered, or is not committed) */
	assert_int_equal(in_db, created);
	/* no effect without its audit row, and no audit row without its effect */
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit WHERE action = 'user.create'"
				    " AND object_id LIKE 'load%'",
				    NULL),
			 in_db);
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
	/* and it starts again on the same file */
	server_start(srv);
	admin = login(srv, "admin", DEMO_PW);
	assert_int_equal(rnum(http(srv, admin, "GET", "/api/v1/users?q=load&per_page=1", NULL),
			      "total"),
			 in_db);
}

/* Issue 13: `precinct backup` taken while 8 writers write steadily finishes
 * (bounded: 60 s), shows its progress, and restores to a database that
 * passes integrity_check and audit verify. The snapshot holds every write
 * answered before the backup began and none answered after it ended. */
STORY(backup_under_8_writers_finishes_and_restores_clean)
{
	struct session *jj = login(srv, "jiejing", DEMO_PW);
	const char *backup = srv_path(srv, "load.bak"), *restored = srv_path(srv, "load.db");
	struct load *l = load_start(srv, jj, "城关镇备份街", 8);
	struct cli_result c;
	int64_t t0, ms;
	int before, after, answered, rows;
	long long in_backup;

	load_wait_ok(l, 300, 60000);
	before = atomic_load(&l->ok);
	t0 = load_now_ms();
	c = run_cli(srv, "backup", "--db", srv->db, "--to", backup);
	ms = load_now_ms() - t0;
	after = atomic_load(&l->ok);
	load_wait_ok(l, after + 100, 60000); /* and the writers go on */
	load_stop(l);
	print_message("backup under 8 writers: %lld ms; %d writes answered during it\n",
		      (long long)ms, after - before);
	if (c.code)
		print_message("backup failed (%d): %s\n", c.code, c.err);
	assert_int_equal(c.code, 0);
	assert_true(ms < 60000);
	assert_true(after > before);
	assert_contains(c.err, "pages (100%)");
	assert_contains(c.out, "backup written");
	load_check_db(l, srv->db, 0, &answered, &rows);
	server_stop(srv);

	c = run_cli(srv, "restore", "--db", restored, "--from", backup, "--key", key_of(srv, srv->db));
	assert_int_equal(c.code, 0);
	assert_string_equal(db_raw_text(srv, restored, "PRAGMA integrity_check"), "ok");
	c = run_cli(srv, "audit", "verify", "--db", restored);
	assert_int_equal(c.code, 0);
	assert_contains(c.out, "audit chain intact");
	in_backup = db_raw_int(restored, "SELECT COUNT(*) FROM incident WHERE place LIKE ?",
			       "城关镇备份街%");
	print_message("backup holds %lld of %d incidents (%d answered before it began)\n",
		      in_backup, rows, before);
	assert_true(in_backup >= before);
	assert_true(in_backup <= rows - 100);
	load_free(l);
}

static void copy_file(struct server *srv, const char *from, const char *to, const char *flip)
{
	FILE *f = fopen(from, "rb");
	char *p;
	long n = 0;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET) != 0)
		fail_msg("cannot read %s", from);
	p = malloc((size_t)n);
	assert_non_null(p);
	assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	if (flip) {
		/* one byte inside the row that holds the text flip */
		char *hit = memmem(p, (size_t)n, flip, strlen(flip));

		if (!hit)
			fail_msg("'%s' not found in %s", flip, from);
		assert_null(memmem(hit + 1, (size_t)(p + n - hit - 1), flip, strlen(flip)));
		hit[0] ^= 0x01;
	}
	f = fopen(to, "wb");
	if (!f || fwrite(p, 1, (size_t)n, f) != (size_t)n || fclose(f) != 0)
		fail_msg("cannot write %s", to);
	free(p);
	(void)srv;
}

/* Issue 13: each backup carries a keyed MAC (FILE.mac, key derived from the
 * server secret DB.key, made 0600 at init). restore refuses a backup with
 * one byte of a data row changed, one without its MAC, and one checked with
 * another server's secret — exit 1, a Chinese and English message, nothing
 * changed — and restores the untouched backup. */
STORY(restore_refuses_a_backup_with_one_changed_byte)
{
	struct session *admin = login(srv, "admin", DEMO_PW);
	long long cg = unit_id(srv, admin, "城关派出所");
	const char *bak = srv_path(srv, "b.bak"), *bad = srv_path(srv, "bad.bak");
	const char *target = srv_path(srv, "target.db"), *key = key_of(srv, srv->db);
	const char *other_key = srv_path(srv, "other.key");
	struct cli_result c;
	long long audit_rows;
	FILE *f;

	assert_int_equal(file_mode(key), 0600);
	assert_int_equal(http(srv, admin, "POST", "/api/v1/users",
			      fmt(srv,
				  "{\"username\":\"flip.target.user\",\"name\":\"篡改目标人员\","
				  "\"role\":\"officer\",\"unit_id\":%lld,"
				  "\"password\":\"Beifen#Ceshi-2026\"}",
				  cg))->status,
			 201);
	server_stop(srv);
	c = run_cli(srv, "backup", "--db", srv->db, "--to", bak);
	assert_int_equal(c.code, 0);
	assert_true(file_mode(fmt(srv, "%s.mac", bak)) > 0);

	/* one byte of the users row changed (the name, which only that row
	 * holds): refused, nothing created */
	copy_file(srv, bak, bad, "篡改目标人员");
	copy_file(srv, fmt(srv, "%s.mac", bak), fmt(srv, "%s.mac", bad), NULL);
	c = run_cli(srv, "restore", "--db", target, "--from", bad, "--key", key);
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "MAC does not match");
	assert_contains(c.err, "备份文件校验失败");
	assert_int_equal(file_mode(target), -1);
	assert_int_equal(file_mode(fmt(srv, "%s.restoring", target)), -1);
	/* over the live database, even with --force: refused, unchanged */
	audit_rows = db_raw_int(srv->db, "SELECT COUNT(*) FROM audit", NULL);
	c = run_cli(srv, "restore", "--db", srv->db, "--from", bad, "--force");
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "MAC does not match");
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit", NULL), audit_rows);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM users WHERE username = ?",
				    "flip.target.user"),
			 1);
	/* no MAC file: refused */
	copy_file(srv, bak, srv_path(srv, "nomac.bak"), NULL);
	c = run_cli(srv, "restore", "--db", target, "--from", srv_path(srv, "nomac.bak"), "--key",
		    key);
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "MAC file");
	assert_contains(c.err, "缺失");
	assert_int_equal(file_mode(target), -1);

	/* another server's secret: refused */
	f = fopen(other_key, "w");
	assert_non_null(f);
	fputs("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n", f);
	fclose(f);
	assert_int_equal(chmod(other_key, 0600), 0);
	c = run_cli(srv, "restore", "--db", target, "--from", bak, "--key", other_key);
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "MAC does not match");
	assert_int_equal(file_mode(target), -1);
	/* a secret readable by others is not used */
	assert_int_equal(chmod(other_key, 0644), 0);
	c = run_cli(srv, "restore", "--db", target, "--from", bak, "--key", other_key);
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "0600");

	/* the untouched backup restores, with the user in it */
	c = run_cli(srv, "restore", "--db", target, "--from", bak, "--key", key);
	assert_int_equal(c.code, 0);
	assert_int_equal(db_raw_int(target, "SELECT COUNT(*) FROM users WHERE username = ?",
				    "flip.target.user"),
			 1);
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", target).code, 0);
	/* restoring never changed the backup: it verifies again */
	assert_int_equal(run_cli(srv, "restore", "--db", target, "--from", bak, "--force").code, 0);
}

/* A slip of the administrator's keyboard: a backup named like the database
 * itself, its read-audit file (the audited reads' chain), its WAL or the
 * server secret — directly, through "..", or through a symbolic link — is
 * refused (exit 1, both languages), and nothing is written: before, the
 * copy was renamed over the live file, and one over the read-audit file
 * left a database that no longer opens. */
STORY(backup_refuses_to_write_over_the_database)
{
	struct session *auditor;
	const char *link = srv_path(srv, "link.db");
	const char *dir = srv_path(srv, "sub");
	struct cli_result c;
	const char *targets[6];
	long long reads;

	SQLITE_ONLY(srv, "a PostgreSQL database is backed up with pg_basebackup");
	auditor = login(srv, "auditor", DEMO_PW);
	assert_int_equal(http(srv, auditor, "GET", "/api/v1/audit?limit=5", NULL)->status, 200);
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(symlink(srv->db, link), 0);
	targets[0] = srv->db;
	targets[1] = fmt(srv, "%s" "-audit.db", srv->db);
	targets[2] = fmt(srv, "%s/../%s", dir, strrchr(srv->db, '/') + 1);
	targets[3] = link;
	targets[4] = fmt(srv, "%s-wal", srv->db);
	targets[5] = key_of(srv, srv->db);
	reads = db_raw_int(srv->db, "SELECT COUNT(*) FROM audit_read", NULL);
	for (int i = 0; i < 6; i++) {
		c = run_cli(srv, "backup", "--db", srv->db, "--to", targets[i]);
		assert_int_equal(c.code, 1);
		assert_contains(c.err, "请换一个备份路径");
		assert_contains(c.err, "nothing was changed");
		assert_int_equal(file_mode(fmt(srv, "%s.mac", targets[i])), -1);
	}
	/* the server goes on; its files are whole and its chains verify */
	assert_int_equal(http(srv, auditor, "GET", "/api/v1/audit?limit=5", NULL)->status, 200);
	server_stop(srv);
	assert_true(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit_read",
			       NULL) >= reads);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = ?",
				    "system.backup"),
			 0);
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
	/* a path of its own still works */
	assert_int_equal(run_cli(srv, "backup", "--db", srv->db, "--to", srv_path(srv, "ok.bak")).code,
			 0);
}

/* The administrator forgets to stop the server before a restore: refused
 * (exit 1, both languages), nothing changed. Replacing the files under it
 * would leave the server writing into the removed ones — every write it
 * answered after the restore gone at its next start. Once stopped, the
 * same restore goes through. */
STORY(restore_refuses_a_database_in_use)
{
	const char *bak = srv_path(srv, "live.bak");
	struct session *admin;
	struct cli_result c;
	long long cg, users;

	SQLITE_ONLY(srv, "a PostgreSQL database is restored from pg_basebackup");
	admin = login(srv, "admin", DEMO_PW);
	cg = unit_id(srv, admin, "城关派出所");
	c = run_cli(srv, "backup", "--db", srv->db, "--to", bak);
	assert_int_equal(c.code, 0);
	c = run_cli(srv, "restore", "--db", srv->db, "--from", bak, "--force");
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "正在被其他进程使用");
	assert_contains(c.err, "is the server still running?");
	assert_int_equal(file_mode(fmt(srv, "%s.restoring", srv->db)), -1);
	/* the server goes on, and what it answers after the refusal stays */
	assert_int_equal(http(srv, admin, "POST", "/api/v1/users",
			      user_body(srv, "after.refused.restore", cg))->status,
			 201);
	users = db_raw_int(srv->db, "SELECT COUNT(*) FROM users", NULL);
	server_stop(srv);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM users WHERE username = ?",
				    "after.refused.restore"),
			 1);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = ?",
				    "system.restore"),
			 0);
	/* stopped: the backup replaces it (the user made after it is gone) */
	c = run_cli(srv, "restore", "--db", srv->db, "--from", bak, "--force");
	assert_int_equal(c.code, 0);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM users", NULL), users - 1);
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
}

/* A database made before the server secret existed gets one (0600) at its
 * first backup; a backup that cannot be written fails with nothing left. */
STORY(backup_makes_the_secret_of_an_older_database)
{
	const char *key = key_of(srv, srv->db), *bak = srv_path(srv, "old.bak");
	struct cli_result c;

	assert_int_equal(unlink(key), 0);
	c = run_cli(srv, "backup", "--db", srv->db, "--to", bak);
	assert_int_equal(c.code, 0);
	assert_contains(c.out, "server secret created");
	assert_int_equal(file_mode(key), 0600);
	c = run_cli(srv, "restore", "--db", srv_path(srv, "old.db"), "--from", bak, "--key", key);
	assert_int_equal(c.code, 0);

	c = run_cli(srv, "backup", "--db", srv->db, "--to", srv_path(srv, "no/such/dir.bak"));
	assert_int_equal(c.code, 1);
	assert_int_equal(file_mode(srv_path(srv, "no/such/dir.bak.mac")), -1);
	assert_int_equal(file_mode(srv_path(srv, "no/such/dir.bak")), -1);
}

/* A keep-alive connection that made one request and then stays idle. */
static int idle_client(struct server *srv)
{
	struct sockaddr_in sa;
	char buf[4096];
	size_t got = 0;
	const char *req;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	assert_true(fd >= 0);
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)srv->port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0)
		fail_msg("connect: %s", strerror(errno));
	req = fmt(srv, "GET /api/v1/health HTTP/1.1\r\nHost: %s\r\n\r\n", srv->host);
	assert_int_equal(send(fd, req, strlen(req), 0), (ssize_t)strlen(req));
	/* the whole answer (a small JSON body after the headers) */
	while (got < sizeof(buf) - 1) {
		struct pollfd p = { fd, POLLIN, 0 };
		ssize_t n;

		if (poll(&p, 1, 5000) <= 0)
			break;
		n = recv(fd, buf + got, sizeof(buf) - 1 - got, 0);
		if (n <= 0)
			break;
		got += (size_t)n;
		buf[got] = '\0';
		if (strstr(buf, "\r\n\r\n") && buf[got - 1] == '}')
			break;
	}
	buf[got] = '\0';
	assert_non_null(strstr(buf, "HTTP/1.1 200"));
	assert_null(strstr(buf, "Connection: close"));
	return fd;
}

/* Issue 13, DUR-2: SIGTERM while 8 writers write steadily and 4 keep-alive
 * clients sit idle. The server exits 0 within 5 s; every request answered
 * 201 is in the database and every incident in the database was answered
 * 201 (a write either commits and is answered, or is not committed); the
 * others were refused (503) or cut before they ran; the file is intact. */
STORY(sigterm_under_load_answers_every_commit_within_5s)
{
	struct session *jj = login(srv, "jiejing", DEMO_PW);
	struct load *l;
	int idle[4], answered, rows, refused = 0, cut = 0;
	int64_t t0, ms;

	/* the sweep's first pass over (a stop waits for a pass under way) */
	server_wait_sweep(srv);
	for (int i = 0; i < 4; i++)
		idle[i] = idle_client(srv);
	l = load_start(srv, jj, "城关镇停机街", 8);
	load_wait_ok(l, 200, 60000);
	t0 = load_now_ms();
	server_signal_term(srv);
	server_wait_exit(srv);
	ms = load_now_ms() - t0;
	load_stop(l);
	for (int i = 0; i < 4; i++)
		close(idle[i]);
	for (int n = 0; n < atomic_load(&l->next) && n < LOAD_MAX; n++) {
		short st = l->status[n];

		if (st == 503)
			refused++;
		else if (st == 0)
			cut++;
		else if (st != 201 && st != -1)
			fail_msg("request %d: unexpected status %d", n, st);
	}
	load_check_db(l, srv->db, 1, &answered, &rows);
	print_message("SIGTERM under 8 writers and 4 idle clients: exit in %lld ms; %d answered 201"
		      " (all in the database), %d refused 503, %d cut before running\n",
		      (long long)ms, answered, refused, cut);
	assert_true(ms < 5000);
	assert_int_equal(answered, rows);
	assert_true(answered >= 200);
	assert_string_equal(db_raw_text(srv, srv->db, "PRAGMA integrity_check"), "ok");
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit a JOIN incident i ON i.incident_no ="
				    " a.object_id WHERE a.action = 'incident.create' AND i.place LIKE ?",
				    "城关镇停机街%"),
			 rows);
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
	load_free(l);
	/* and it starts again on the same file */
	server_start(srv);
	assert_int_equal(http(srv, NULL, "GET", "/api/v1/health", NULL)->status, 200);
}

/* Read from fd until the peer closes it (at most 10 s); the bytes, in srv's
 * pool. */
static const char *read_to_close(struct server *srv, int fd)
{
	static char buf[8192];
	size_t got = 0;

	for (;;) {
		struct pollfd p = { fd, POLLIN, 0 };
		ssize_t n;

		if (poll(&p, 1, 10000) <= 0)
			fail_msg("no end of the answer within 10 s: %.*s", (int)got, buf);
		n = recv(fd, buf + got, sizeof(buf) - 1 - got, 0);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	buf[got] = '\0';
	return fmt(srv, "%s", buf);
}

/* DUR-2: a write whose upload began before the stop signal sig is
 * finished, committed and answered (with Connection: close), and the
 * server then exits 0. */
static void stop_with_a_request_in_flight(struct server *srv, int sig, const char *place)
{
	struct session *jj = login(srv, "jiejing", DEMO_PW);
	const char *body = fmt(srv,
			       "{\"source\":\"110\",\"caller_name\":\"报警人\",\"caller_phone\":"
			       "\"13912345678\",\"place\":\"%s\",\"category\":\"0201\","
			       "\"summary\":\"停机时上传中\"}",
			       place);
	size_t half = strlen(body) / 2;
	const char *head = fmt(srv,
			       "POST /api/v1/incidents HTTP/1.1\r\nHost: %s\r\nCookie: %s\r\n"
			       "X-CSRF-Token: %s\r\nContent-Type: application/json\r\n"
			       "Content-Length: %zu\r\n\r\n",
			       srv->host, jj->cookie, jj->csrf, strlen(body));
	int fd = idle_client(srv);
	const char *answer;

	assert_int_equal(send(fd, head, strlen(head), 0), (ssize_t)strlen(head));
	assert_int_equal(send(fd, body, half, 0), (ssize_t)half);
	/* long enough for a loaded server to have read the head: only then
	 * is the request in flight rather than an idle connection */
	usleep(1000000);
	assert_int_equal(kill(srv->pid, sig), 0);
	usleep(300000);
	assert_int_equal(send(fd, body + half, strlen(body) - half, 0),
			 (ssize_t)(strlen(body) - half));
	answer = read_to_close(srv, fd);
	close(fd);
	server_wait_exit(srv);
	if (!strstr(answer, "HTTP/1.1 201"))
		fail_msg("the request in flight was not answered 201: %s", answer);
	assert_non_null(strstr(answer, "Connection: close"));
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM incident WHERE place = ?", place),
			 1);
	assert_int_equal(server_logged(srv, fmt(srv, "signal %d: stopping", sig)), 1);
}

STORY(sigterm_finishes_a_request_in_flight)
{
	stop_with_a_request_in_flight(srv, SIGTERM, "城关镇在途街1号");
}

/* The terminal that ran `make run` closed (SIGHUP): the same clean stop,
 * not the abrupt end of the default action, which dropped the requests in
 * flight. */
STORY(hangup_finishes_a_request_in_flight)
{
	stop_with_a_request_in_flight(srv, SIGHUP, "城关镇挂断街1号");
}

/* The command line: --help, usage errors exit 2 with one line. */
STORY(cli_usage_errors_exit_2)
{
	static const char *const cmds[] = { "init", "serve", "user", "backup", "restore", "audit",
					    "import", NULL };
	struct cli_result c;

	c = run_cli(srv, "--help");
	assert_int_equal(c.code, 0);
	assert_contains(c.out, "usage: precinct COMMAND");
	for (int i = 0; cmds[i]; i++) {
		c = run_cli(srv, cmds[i], "--help");
		assert_int_equal(c.code, 0);
		assert_contains(c.out, fmt(srv, "usage: precinct %s", cmds[i]));
	}

	c = run_cli(srv, "init", "--bogus");
	assert_int_equal(c.code, 2);
	assert_int_equal(count_lines(c.err), 1);
	assert_contains(c.err, "--bogus");
	c = run_cli(srv, "init", "--db");
	assert_int_equal(c.code, 2);
	assert_int_equal(count_lines(c.err), 1);
	assert_contains(c.err, "--db");
	c = run_cli(srv, "frobnicate");
	assert_int_equal(c.code, 2);
	assert_int_equal(count_lines(c.err), 1);
	assert_int_equal(run_cli(srv, "init").code, 2);
	assert_int_equal(run_cli(srv, "backup", "--db", srv->db).code, 2);
	assert_int_equal(run_cli(srv, "audit", "verify").code, 2);
	assert_int_equal(run_cli(srv, "audit", "check", "--db", srv->db).code, 2);
	c = run_cli(srv, "user", "frob", "--db", srv->db, "--username", "x");
	assert_int_equal(c.code, 2);
	assert_int_equal(count_lines(c.err), 1);
	assert_int_equal(run_cli(srv, "serve", "--db", srv->db, "--threads", "0").code, 2);

	/* failures that are not usage errors exit 1 */
	assert_int_equal(run_cli(srv, "serve", "--db", srv_path(srv, "none.db")).code, 1);
	/* the read-audit file named as the database: refused by every command
	 * that opens one, its tables left as they were (serve migrated a whole
	 * database into it) */
	if (!test_pg_url()) {
		static const char *const opens[] = { "serve", "migrate", "audit" };
		const char *af = fmt(srv, "%s-audit.db", srv->db);
		long long tables = db_raw_int(srv->db, "SELECT COUNT(*) FROM readaudit.sqlite_schema", NULL);

		for (int i = 0; i < 3; i++) {
			c = i < 2 ? run_cli(srv, opens[i], "--db", af)
				  : run_cli(srv, "audit", "verify", "--db", af);
			assert_int_equal(c.code, 1);
			assert_contains(c.err, "审计读取记录文件，不是数据库本身");
		}
		assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM readaudit.sqlite_schema", NULL),
				 tables);
		assert_int_equal(file_mode(fmt(srv, "%s-audit.db", af)), -1);
		/* a schema a newer Precinct migrated: refused before anything runs */
		assert_int_equal(db_raw_exec(srv->db, "INSERT INTO schema_version VALUES"
						      " (9999, '9999_future.sql', 0)"),
				 SQLITE_OK);
		tables = db_raw_int(srv->db, "SELECT COUNT(*) FROM sqlite_schema", NULL);
		for (int i = 0; i < 3; i++) {
			c = i < 2 ? run_cli(srv, opens[i], "--db", srv->db)
				  : run_cli(srv, "audit", "verify", "--db", srv->db);
			assert_int_equal(c.code, 1);
			assert_contains(c.err, "数据库结构版本为 9999，高于本程序所知的");
		}
		assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM sqlite_schema", NULL), tables);
		assert_int_equal(db_raw_exec(srv->db, "DELETE FROM schema_version WHERE version = 9999"),
				 SQLITE_OK);
	}
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv_path(srv, "none.db")).code,
			 1);
	/* init on an initialised database changes nothing */
	{
		long long before = db_raw_int(srv->db, "SELECT COUNT(*) FROM audit", NULL);

		c = run_cli(srv, "init", "--db", srv->db, "--demo");
		assert_int_equal(c.code, 1);
		assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit", NULL), before);
	}
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
}

static const char *list_line(struct server *srv, const char *out, const char *username)
{
	const char *p = strstr(out, username), *e;

	if (!p)
		fail_msg("%s not listed in:\n%s", username, out);
	e = strchr(p, '\n');
	return fmt(srv, "%.*s", (int)(e ? e - p : (long)strlen(p)), p);
}

/* precinct user add|list|lock|unlock|passwd on the database file. */
STORY(cli_user_commands)
{
	const char *pw = "Mingling#Hang-2026";
	struct cli_result c;
	struct session *auditor;
	char newpw[64] = "";
	const char *p;
	struct resp *r;

	c = run_cli(srv, "user", "add", "--db", srv->db, "--username", "cli.user", "--name",
		    "命令行", "--role", "officer", "--unit", "140000010100", "--password", pw);
	assert_int_equal(c.code, 0);
	assert_contains(c.out, "user cli.user created");
	c = run_cli(srv, "user", "add", "--db", srv->db, "--username", "cli.user", "--name",
		    "命令行", "--role", "officer", "--unit", "140000010100", "--password", pw);
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "用户名已存在");
	assert_int_equal(run_cli(srv, "user", "add", "--db", srv->db, "--username", "cli.two",
				 "--name", "二", "--role", "sheriff", "--unit", "140000010100",
				 "--password", pw)
				 .code,
			 1);
	assert_int_equal(run_cli(srv, "user", "add", "--db", srv->db, "--username", "cli.two",
				 "--name", "二", "--role", "officer", "--unit", "999999999999",
				 "--password", pw)
				 .code,
			 1);
	assert_int_equal(run_cli(srv, "user", "add", "--db", srv->db, "--username", "cli.two",
				 "--name", "二", "--role", "officer", "--unit", "140000010100",
				 "--password", "weak")
				 .code,
			 1);

	c = run_cli(srv, "user", "list", "--db", srv->db, "--role", "officer");
	assert_int_equal(c.code, 0);
	assert_contains(list_line(srv, c.out, "cli.user"), "active");
	assert_contains(c.out, "minjing1");
	assert_null(strstr(c.out, "suozhang")); /* a chief, not an officer */
	assert_null(strstr(c.out, "cli.two"));

	c = run_cli(srv, "user", "lock", "--db", srv->db, "--username", "cli.user");
	assert_int_equal(c.code, 0);
	c = run_cli(srv, "user", "list", "--db", srv->db, "--unit", "140000010100");
	assert_contains(list_line(srv, c.out, "cli.user"), "locked");
	assert_null(strstr(c.out, "beishe_mj1")); /* another station */

	server_start(srv);
	assert_error(srv, login_attempt(srv, "cli.user", pw, NULL), 401, "BAD_CREDENTIALS");
	server_stop(srv);

	assert_int_equal(run_cli(srv, "user", "unlock", "--db", srv->db, "--username", "cli.user")
				 .code,
			 0);
	c = run_cli(srv, "user", "passwd", "--db", srv->db, "--username", "cli.user");
	assert_int_equal(c.code, 0);
	p = strstr(c.out, "set: ");
	assert_non_null(p);
	p += strlen("set: ");
	for (size_t n = 0; p[n] && p[n] != ' ' && n < sizeof(newpw) - 1; n++) {
		newpw[n] = p[n];
		newpw[n + 1] = '\0';
	}
	assert_true(strlen(newpw) >= 12);
	assert_int_equal(run_cli(srv, "user", "passwd", "--db", srv->db, "--username", "nobody")
				 .code,
			 1);

	server_start(srv);
	assert_error(srv, login_attempt(srv, "cli.user", pw, NULL), 401, "BAD_CREDENTIALS");
	r = login_attempt(srv, "cli.user", newpw, NULL);
	assert_int_equal(r->status, 200);
	assert_true(json_is_true(jpath(r->json, "user.must_change_password")));
	assert_string_equal(rstr(r, "user.unit.name"), "城关派出所");
	auditor = login(srv, "auditor", DEMO_PW);
	assert_int_equal(audit_count(srv, auditor, "user.create", NULL, "success"), 1);
	assert_int_equal(audit_count(srv, auditor, "account.lock", NULL, "success"), 1);
	assert_int_equal(audit_count(srv, auditor, "account.unlock", NULL, "success"), 1);
	assert_int_equal(audit_count(srv, auditor, "user.password_reset", NULL, "success"), 1);
	r = http(srv, auditor, "GET", "/api/v1/audit?action=user.create", NULL);
	assert_int_equal(strncmp(rstr(r, "items.0.username"), "cli:", 4), 0);
	server_stop(srv);
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
}

/* The evidence files are in the backup: the backup copies DB.files into
 * FILE.files (each checked against its SHA-256 name, a second backup keeps
 * what is there), restore copies them back, and the restored server serves
 * the attachment. A file lost before the backup is reported by both. */
STORY(backup_carries_the_attachments)
{
	struct crew c = crew_of(srv);
	const char *pdf = "%PDF-1.4\n% 现场照片说明 backup test\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
	const char *bak = srv_path(srv, "att.bak"), *restored = srv_path(srv, "att.db");
	char sha[CRYPTO_HASH_HEX];
	struct cli_result r;
	struct resp *res;
	long long id, sus, item, att;
	const char *in_backup, *in_restored;

	id = filed_case(srv, &c, "殴打他人案", 30, 211, &sus);
	res = http(srv, c.mj1, "POST", fmt(srv, API "/cases/%lld/evidence", id),
		   "{\"kind\":\"documentary\",\"title\":\"现场照片说明\"}");
	EXPECT(res, 201);
	item = (long long)json_integer_value(json_object_get(
		json_array_get(jpath(res->json, "case.evidence"), 0), "id"));
	res = http(srv, c.mj1, "POST", fmt(srv, API "/evidence/%lld/attachments?name=a.pdf", item), pdf,
		   "Content-Type: application/pdf");
	EXPECT(res, 201);
	att = rnum(res, "attachment.id");
	crypto_sha256_hex(pdf, strlen(pdf), sha);

	/* the demo county has two files (监控截图.png, 询问笔录扫描件.pdf), this one the third */
	r = run_cli(srv, "backup", "--db", srv->db, "--to", bak);
	assert_int_equal(r.code, 0);
	assert_contains(r.out, "attachments: 3 named, 3 copied, 0 kept, 0 missing, 0 damaged");
	in_backup = fmt(srv, "%s.files/%.2s/%s", bak, sha, sha);
	assert_int_equal(access(in_backup, F_OK), 0);
	/* the second backup to the same FILE copies nothing again */
	r = run_cli(srv, "backup", "--db", srv->db, "--to", bak);
	assert_int_equal(r.code, 0);
	assert_contains(r.out, "3 named, 0 copied, 3 kept, 0 missing");
	server_stop(srv);

	r = run_cli(srv, "restore", "--db", restored, "--from", bak, "--key", key_of(srv, srv->db));
	assert_int_equal(r.code, 0);
	assert_contains(r.out, "attachments: 3 named, 3 copied, 0 kept, 0 missing, 0 damaged");
	in_restored = fmt(srv, "%s.files/%.2s/%s", restored, sha, sha);
	assert_int_equal(access(in_restored, F_OK), 0);

	/* the restored county serves the file, byte for byte */
	snprintf(srv->db, sizeof(srv->db), "%s", restored);
	snprintf(srv->files, sizeof(srv->files), "%s.files", restored);
	server_start(srv);
	c = crew_of(srv);
	res = http(srv, c.mj1, "GET", fmt(srv, API "/attachments/%lld", att), NULL);
	EXPECT(res, 200);
	assert_string_equal(res->body, pdf);
	server_stop(srv);

	/* a file lost from the backup is reported at restore, not hidden */
	assert_int_equal(chmod(in_backup, 0600), 0);
	assert_int_equal(unlink(in_backup), 0);
	r = run_cli(srv, "restore", "--db", srv_path(srv, "att2.db"), "--from", bak, "--key",
		    key_of(srv, restored));
	assert_int_equal(r.code, 0);
	assert_contains(r.out, "3 named, 2 copied, 0 kept, 1 missing");
	assert_contains(r.err, "1 attachment file(s) missing");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(backup_while_serving_then_restore, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(audit_verify_names_a_changed_row, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(audit_verify_names_a_deleted_row, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(audit_verify_names_reordered_rows, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(sigterm_under_load_loses_no_answered_write,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(sigterm_under_load_answers_every_commit_within_5s,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(sigterm_finishes_a_request_in_flight, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(hangup_finishes_a_request_in_flight, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(backup_under_8_writers_finishes_and_restores_clean,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(restore_refuses_a_backup_with_one_changed_byte,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(restore_refuses_a_database_in_use, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(backup_refuses_to_write_over_the_database, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(backup_makes_the_secret_of_an_older_database,
						setup_demo_stopped, teardown_server),
		cmocka_unit_test_setup_teardown(cli_usage_errors_exit_2, setup_demo_stopped,
						teardown_server),
		cmocka_unit_test_setup_teardown(cli_user_commands, setup_demo_stopped,
						teardown_server),
		cmocka_unit_test_setup_teardown(backup_carries_the_attachments, setup_demo,
						teardown_server),
	};

	/* ctest's tsan_shutdown_under_load runs one story of this file */
	if (getenv("PRECINCT_TEST_FILTER"))
		cmocka_set_test_filter(getenv("PRECINCT_TEST_FILTER"));
	return cmocka_run_group_tests(tests, NULL, NULL);
}
