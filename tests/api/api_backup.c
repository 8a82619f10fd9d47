/* api_backup.c — backup and restore, the audit chain against tampering with
 * the database file (TRUST AUD-4), a clean shutdown under load (DUR-2), and
 * the command line (issue 2: usage errors exit 2 with one line). */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

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
	/* the server keeps serving during and after the backup */
	assert_int_equal(http(srv, admin, "GET", "/api/v1/me", NULL)->status, 200);
	server_stop(srv);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = ?",
				    "system.backup"),
			 1);

	c = run_cli(srv, "restore", "--db", restored, "--from", backup);
	assert_int_equal(c.code, 0);
	assert_contains(c.out, "restored");
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
		    srv_path(srv, "damaged.bak"));
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
	assert_true(in_db >= created);
	print_message("shutdown under load: %lld accounts in the database\n", in_db);
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

/* The command line: --help, usage errors exit 2 with one line. */
STORY(cli_usage_errors_exit_2)
{
	static const char *const cmds[] = { "init", "serve", "user", "backup", "restore", "audit",
					    NULL };
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
		cmocka_unit_test_setup_teardown(cli_usage_errors_exit_2, setup_demo_stopped,
						teardown_server),
		cmocka_unit_test_setup_teardown(cli_user_commands, setup_demo_stopped,
						teardown_server),
	};

	/* ctest's tsan_shutdown_under_load runs one story of this file */
	if (getenv("PRECINCT_TEST_FILTER"))
		cmocka_set_test_filter(getenv("PRECINCT_TEST_FILTER"));
	return cmocka_run_group_tests(tests, NULL, NULL);
}
