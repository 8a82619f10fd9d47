/* api_committer.c — the one writer under failure (issue 12 item 7, TRUST
 * DUR-4, AUD-1). Concurrent requests are made to land in one batch of the
 * group committer (the test hook's gather_ms holds the batch open), and the
 * store is made to fail under it (the test hook's store fault: the n-th
 * statement step or the COMMIT fails with SQLITE_IOERR, SQLITE_FULL or a
 * failed fsync). After each story: every request answered 2xx is in the
 * database, every request answered 503 left nothing, the audit chain
 * verifies, and the server goes on serving. On both stores (issue 14): on
 * PostgreSQL the fault is a failed command of db_pg.c (the transaction
 * rolled back first where SQLite would lose it). */
#include "harness.h"
#include "case_util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_FIRE 64

/* One request of a concurrent volley. */
struct shot {
	const struct session *sess;
	const char *method, *path, *body;
	struct resp r; /* the answer */
};

/* Send every shot at once (curl multi) and wait for all answers. */
static void fire(struct server *srv, struct shot *s, int n)
{
	struct curl_slist *hdrs[MAX_FIRE];
	CURL *hs[MAX_FIRE];
	CURLM *m = curl_multi_init();
	int running = 0, done = 0;

	assert_non_null(m);
	assert_true(n <= MAX_FIRE);
	for (int i = 0; i < n; i++) {
		const char *const no_extra[] = { NULL };

		hs[i] = http_easy(srv, s[i].sess, s[i].method, s[i].path, s[i].body, no_extra,
				  &s[i].r, &hdrs[i]);
		curl_easy_setopt(hs[i], CURLOPT_PRIVATE, (void *)&s[i].r);
		curl_multi_add_handle(m, hs[i]);
	}
	for (int rounds = 0; done < n && rounds < 20000; rounds++) {
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
		if (done < n)
			curl_multi_poll(m, NULL, 0, 50, NULL);
	}
	assert_int_equal(done, n);
	for (int i = 0; i < n; i++) {
		curl_multi_remove_handle(m, hs[i]);
		curl_easy_cleanup(hs[i]);
		curl_slist_free_all(hdrs[i]);
	}
	curl_multi_cleanup(m);
}

static void release_all(struct shot *s, int n)
{
	for (int i = 0; i < n; i++)
		resp_release(&s[i].r);
}

/* ---- the store fault file (PRECINCT_TEST_STORE_FAULT_FILE) ---- */

static const char *fault_path(struct server *srv)
{
	return srv_path(srv, "store-fault");
}

/* Arm the committer's next batch with spec (see src/api/committer.c). */
static void arm(struct server *srv, const char *spec)
{
	const char *tmp = fmt(srv, "%s.tmp", fault_path(srv));
	FILE *f = fopen(tmp, "w");

	if (!f || fputs(spec, f) < 0 || fclose(f) != 0 || rename(tmp, fault_path(srv)) != 0)
		fail_msg("cannot write %s: %s", fault_path(srv), strerror(errno));
}

/* The committer took the file (it removes it when it arms the batch). */
static void assert_armed_and_taken(struct server *srv)
{
	if (access(fault_path(srv), F_OK) == 0)
		fail_msg("the committer did not take %s", fault_path(srv));
}

static void assert_logged(struct server *srv, const char *text)
{
	if (!server_logged(srv, text))
		fail_msg("the server log %s does not say \"%s\"", srv->log, text);
}

/* The largest batch the committer gathered for a test (its log line). */
static int gathered(struct server *srv)
{
	FILE *f = fopen(srv->log, "r");
	char line[1024];
	int most = 0, n;
	const char *p;

	if (!f)
		fail_msg("cannot read %s: %s", srv->log, strerror(errno));
	while (fgets(line, sizeof(line), f))
		if ((p = strstr(line, "test hook: a batch of ")) && sscanf(p + 22, "%d", &n) == 1 &&
		    n > most)
			most = n;
	fclose(f);
	return most;
}

/* A fresh demo server whose committer reads the fault file, once the first
 * pass of the breach sweep (which writes through the committer) is done, so
 * that it does not join the batches the stories make. */
static int setup_faulty(void **state)
{
	struct server *srv = server_new_stopped(1);

	setenv("PRECINCT_TEST_STORE_FAULT_FILE", fault_path(srv), 1);
	server_start(srv);
	unsetenv("PRECINCT_TEST_STORE_FAULT_FILE");
	server_wait_sweep(srv);
	*state = srv;
	return 0;
}

/* ---- people to register ---- */

static const char *person_body(struct server *srv, const char *name, const char *idno)
{
	return fmt(srv, "{\"name\":\"%s\",\"id_number\":\"%s\"}", name, idno);
}

/* A number whose check digit is wrong. */
static const char *bad_id(struct server *srv)
{
	char s[32];

	snprintf(s, sizeof(s), "%s", fresh_id_number(srv));
	s[17] = s[17] == '1' ? '2' : '1';
	return fmt(srv, "%s", s);
}

static long long persons_with(struct server *srv, const char *idno)
{
	return db_raw_int(srv->db, "SELECT COUNT(*) FROM person WHERE id_number = ?", idno);
}

/* Audit rows of requests, both chains (the background clock sweep records
 * breaches in batches of its own whenever they fall due). */
static long long audit_rows(struct server *srv)
{
	return db_raw_int(srv->db,
			  "SELECT (SELECT COUNT(*) FROM audit WHERE username <> 'system:sweep')"
			  " + (SELECT COUNT(*) FROM audit_read)",
			  NULL);
}

static void assert_chain_intact(struct server *srv)
{
	struct cli_result c = run_cli(srv, "audit", "verify", "--db", srv->db);

	if (c.code != 0)
		fail_msg("audit verify: exit %d: %s%s", c.code, c.out, c.err);
	/* the SQLite file's own check (PostgreSQL checks its pages itself) */
	if (!test_pg_url())
		assert_string_equal(db_raw_text(srv, srv->db, "PRAGMA integrity_check"), "ok");
}

/* Every registration answered 201 is in the database, every other one is
 * not; returns how many were answered 201. */
static int check_registrations(struct server *srv, struct shot *s, const char **ids, int n)
{
	int created = 0;

	for (int i = 0; i < n; i++) {
		long long have;

		if (!ids[i])
			continue;
		have = persons_with(srv, ids[i]);
		if (s[i].r.status == 201) {
			created++;
			if (have != 1)
				fail_msg("%s was answered 201 but is not in the database", ids[i]);
		} else if (have != 0) {
			fail_msg("%s was answered %ld but is in the database: %s", ids[i],
				 s[i].r.status, s[i].r.body);
		}
	}
	return created;
}

static void assert_store_unavailable(struct server *srv, struct shot *s, int n)
{
	for (int i = 0; i < n; i++) {
		if (s[i].r.status != 503)
			fail_msg("%s %s: answered %ld, not 503: %s", s[i].method, s[i].path,
				 s[i].r.status, s[i].r.body);
		assert_error(srv, &s[i].r, 503, "STORE_UNAVAILABLE");
	}
}

/* After a lost batch the next writes commit and reads are answered. */
static void assert_serving(struct server *srv, const struct session *mj, long long person)
{
	const char *idno = fresh_id_number(srv);
	struct resp *r;

	srv->allow_5xx = 0;
	r = http(srv, mj, "POST", API "/persons", person_body(srv, "恢复测试", idno));
	EXPECT(r, 201);
	assert_int_equal(persons_with(srv, idno), 1);
	EXPECT(http(srv, mj, "GET", fmt(srv, API "/persons/%lld", person), NULL), 200);
}

/* 1. A job refused inside a batch (bad ID number, another unit's person,
 * another unit's record read) is rolled back alone: the other jobs of the
 * same batch commit and are answered 2xx, the refusals keep their audit
 * rows. */
STORY(a_refused_job_leaves_its_batch_committed)
{
	struct session *mj = login(srv, "minjing3", DEMO_PW);
	struct session *bs = login(srv, "beishe_mj1", DEMO_PW);
	const char *other = fresh_id_number(srv), *ids[8] = { 0 };
	struct shot s[8];
	struct resp *r;
	long long mine, denied_before;
	int n = 0;

	r = http(srv, bs, "POST", API "/persons", person_body(srv, "北社居民", other));
	EXPECT(r, 201);
	r = http(srv, mj, "POST", API "/persons", person_body(srv, "城关居民", fresh_id_number(srv)));
	EXPECT(r, 201);
	mine = rnum(r, "person.id");
	denied_before = db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE outcome = 'denied'",
				   NULL);

	memset(s, 0, sizeof(s));
	for (int i = 0; i < 4; i++, n++) {
		ids[n] = fresh_id_number(srv);
		s[n] = (struct shot){ mj, "POST", API "/persons",
				      person_body(srv, fmt(srv, "批量%d", i), ids[n]), { 0 } };
	}
	/* refused on input: the check digit is wrong */
	s[n++] = (struct shot){ mj, "POST", API "/persons",
				person_body(srv, "错号", bad_id(srv)), { 0 } };
	/* refused by a rule: the number is 北社's */
	s[n++] = (struct shot){ mj, "POST", API "/persons", person_body(srv, "他所", other), { 0 } };
	/* a read (its audit row joins the batch) and a refused read */
	s[n++] = (struct shot){ mj, "GET", fmt(srv, API "/persons/%lld", mine), NULL, { 0 } };
	s[n++] = (struct shot){ bs, "GET", fmt(srv, API "/persons/%lld", mine), NULL, { 0 } };

	arm(srv, "gather_ms=60000 gather_n=8");
	fire(srv, s, n);
	assert_armed_and_taken(srv);
	assert_true(gathered(srv) >= 8);

	for (int i = 0; i < 4; i++)
		EXPECT(&s[i].r, 201);
	assert_error(srv, &s[4].r, 400, NULL);
	assert_error(srv, &s[5].r, 409, "PERSON_OF_OTHER_UNIT");
	EXPECT(&s[6].r, 200);
	assert_error(srv, &s[7].r, 403, NULL);
	assert_int_equal(check_registrations(srv, s, ids, n), 4);
	assert_int_equal(persons_with(srv, other), 1);
	/* the refused read is audited */
	assert_true(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE outcome = 'denied'", NULL) >
		    denied_before);
	release_all(s, n);
	assert_chain_intact(srv);
}

/* 2. The COMMIT of a batch fails with an I/O error: every job of the batch
 * — writes that had run and been released, a refused write, a read waiting
 * for its audit row — is answered 503 STORE_UNAVAILABLE, nothing of it is in
 * the database, and the next writes commit. */
STORY(b_commit_ioerr_answers_the_whole_batch_503_and_writes_go_on)
{
	struct session *mj = login(srv, "minjing3", DEMO_PW);
	const char *ids[7] = { 0 };
	struct shot s[7];
	struct resp *r;
	long long mine, audit_before;
	int n = 0;

	r = http(srv, mj, "POST", API "/persons", person_body(srv, "城关居民", fresh_id_number(srv)));
	EXPECT(r, 201);
	mine = rnum(r, "person.id");
	audit_before = audit_rows(srv);

	memset(s, 0, sizeof(s));
	for (int i = 0; i < 5; i++, n++) {
		ids[n] = fresh_id_number(srv);
		s[n] = (struct shot){ mj, "POST", API "/persons",
				      person_body(srv, fmt(srv, "提交失败%d", i), ids[n]), { 0 } };
	}
	s[n++] = (struct shot){ mj, "POST", API "/persons",
				person_body(srv, "错号", bad_id(srv)), { 0 } };
	s[n++] = (struct shot){ mj, "GET", fmt(srv, API "/persons/%lld", mine), NULL, { 0 } };

	srv->allow_5xx = 1;
	arm(srv, "at=commit kind=ioerr gather_ms=60000 gather_n=7");
	fire(srv, s, n);
	assert_armed_and_taken(srv);
	assert_true(gathered(srv) >= 7);
	assert_logged(srv, "request(s) was lost (COMMIT failed)");

	assert_store_unavailable(srv, s, n);
	assert_int_equal(check_registrations(srv, s, ids, n), 0);
	/* no audit row of the lost batch (the read's and the refusal's too) */
	assert_int_equal(audit_rows(srv), audit_before);
	release_all(s, n);
	assert_chain_intact(srv);
	assert_serving(srv, mj, mine);
	assert_chain_intact(srv);
}

/* 3. The disk fills in the middle of a batch and SQLite rolls the
 * transaction back: the jobs already released are answered 503 with the
 * rest, none is committed on its own afterwards, and writes go on. */
STORY(c_disk_full_mid_batch_answers_the_whole_batch_503)
{
	struct session *mj = login(srv, "minjing3", DEMO_PW);
	const char *ids[6] = { 0 };
	struct shot s[6];
	struct resp *r;
	long long mine, audit_before;
	int n = 0;

	r = http(srv, mj, "POST", API "/persons", person_body(srv, "城关居民", fresh_id_number(srv)));
	EXPECT(r, 201);
	mine = rnum(r, "person.id");
	audit_before = audit_rows(srv);

	memset(s, 0, sizeof(s));
	for (int i = 0; i < 6; i++, n++) {
		ids[n] = fresh_id_number(srv);
		s[n] = (struct shot){ mj, "POST", API "/persons",
				      person_body(srv, fmt(srv, "满盘%d", i), ids[n]), { 0 } };
	}
	srv->allow_5xx = 1;
	/* the third registration's insert: two jobs were run and released */
	arm(srv, "at=step n=3 kind=full txn=lose gather_ms=60000 gather_n=6 match=INSERT INTO person(");
	fire(srv, s, n);
	assert_armed_and_taken(srv);
	assert_true(gathered(srv) >= 6);
	assert_logged(srv, "request(s) was lost (transaction rolled back by the store during a"
			   " request)");

	assert_store_unavailable(srv, s, n);
	assert_int_equal(check_registrations(srv, s, ids, n), 0);
	assert_int_equal(audit_rows(srv), audit_before);
	release_all(s, n);
	assert_chain_intact(srv);
	assert_serving(srv, mj, mine);
	assert_chain_intact(srv);
}

/* 4. A statement fails with a full disk but SQLite keeps the transaction
 * (only the statement is undone): that job alone is answered 503, the rest
 * of the batch commits, and no answer disagrees with the database. */
STORY(d_a_failed_statement_that_keeps_the_transaction_loses_one_job)
{
	struct session *mj = login(srv, "minjing3", DEMO_PW);
	const char *ids[6] = { 0 };
	struct shot s[6];
	int n = 0, created, unavailable = 0;

	memset(s, 0, sizeof(s));
	for (int i = 0; i < 6; i++, n++) {
		ids[n] = fresh_id_number(srv);
		s[n] = (struct shot){ mj, "POST", API "/persons",
				      person_body(srv, fmt(srv, "语句失败%d", i), ids[n]), { 0 } };
	}
	srv->allow_5xx = 1;
	arm(srv, "at=step n=3 kind=full txn=keep gather_ms=60000 gather_n=6 match=INSERT INTO person(");
	fire(srv, s, n);
	assert_armed_and_taken(srv);
	assert_true(gathered(srv) >= 6);

	created = check_registrations(srv, s, ids, n);
	for (int i = 0; i < n; i++)
		if (s[i].r.status == 503) {
			assert_error(srv, &s[i].r, 503, "STORE_UNAVAILABLE");
			unavailable++;
		}
	print_message("statement fault kept the transaction: %d committed, %d answered 503\n",
		      created, unavailable);
	assert_int_equal(created + unavailable, n);
	assert_int_equal(unavailable, 1);
	release_all(s, n);
	assert_chain_intact(srv);
}

/* 5. DUR-4: a failed sync answers the batch 503 and stops all writes until
 * restart (what the disk holds is in doubt); after a restart writes commit
 * again.
 *   - PostgreSQL syncs within its COMMIT: the COMMIT fails, and nothing of
 *     the batch is there. Reads go on.
 *   - SQLite syncs after the COMMIT (db_syncer_open): the batch had
 *     committed, so its requests are answered OUTCOME_UNKNOWN — never 2xx,
 *     and not "nothing saved" either, as the rows are there and may survive
 *     a restart. Nothing later can be made durable in that WAL (the kernel
 *     may have dropped the failed pages; a later fdatasync succeeds; the
 *     WAL is read back only to its first broken frame), so a read, whose
 *     audit row cannot be made durable, is answered 503 too (AUD-1 before
 *     DUR-4's "reads go on"), until the restart. */
STORY(e_failed_fsync_stops_writes_until_restart)
{
	struct session *mj = login(srv, "minjing3", DEMO_PW);
	const char *ids[3] = { 0 };
	struct shot s[3];
	struct resp *r;
	long long mine;
	int n = 0;

	r = http(srv, mj, "POST", API "/persons", person_body(srv, "城关居民", fresh_id_number(srv)));
	EXPECT(r, 201);
	mine = rnum(r, "person.id");
	memset(s, 0, sizeof(s));
	for (int i = 0; i < 3; i++, n++) {
		ids[n] = fresh_id_number(srv);
		s[n] = (struct shot){ mj, "POST", API "/persons",
				      person_body(srv, fmt(srv, "同步失败%d", i), ids[n]), { 0 } };
	}
	srv->allow_5xx = 1;
	arm(srv, test_pg_url() ? "at=commit kind=fsync gather_ms=60000 gather_n=3"
			       : "at=sync kind=fsync gather_ms=60000 gather_n=3");
	fire(srv, s, n);
	assert_armed_and_taken(srv);
	assert_logged(srv, "ALERT: a sync of the database failed");
	if (test_pg_url()) {
		assert_store_unavailable(srv, s, n);
		assert_int_equal(check_registrations(srv, s, ids, n), 0);
	} else {
		for (int i = 0; i < n; i++) {
			assert_error(srv, &s[i].r, 503, "OUTCOME_UNKNOWN");
			assert_non_null(strstr(s[i].r.body, "请先查询核实"));
			assert_int_equal(persons_with(srv, ids[i]), 1);
		}
	}
	release_all(s, n);

	/* write-fail-stop: writes refused; reads answered on PostgreSQL */
	r = http(srv, mj, "POST", API "/persons", person_body(srv, "停写", fresh_id_number(srv)));
	assert_error(srv, r, 503, "WRITES_STOPPED");
	/* the health check says so, on both stores */
	assert_error(srv, http(srv, NULL, "GET", API "/health", NULL), 503, "WRITES_STOPPED");
	r = http(srv, mj, "GET", fmt(srv, API "/persons/%lld", mine), NULL);
	if (test_pg_url())
		EXPECT(r, 200);
	else
		assert_error(srv, r, 503, "STORE_UNAVAILABLE");
	srv->allow_5xx = 0;

	server_stop(srv);
	assert_chain_intact(srv);
	server_start(srv);
	mj = login(srv, "minjing3", DEMO_PW);
	assert_serving(srv, mj, mine);
}

/* 6. A login writes through the committer too (its argon2id check runs on
 * the worker before): when its batch is lost, the login is answered 503, no
 * session exists and no audit row says it succeeded; the next login works. */
STORY(f_a_login_in_a_lost_batch_is_not_a_login)
{
	struct shot s[2];
	long long sessions_before;

	sessions_before = db_raw_int(srv->db, "SELECT COUNT(*) FROM session", NULL);
	memset(s, 0, sizeof(s));
	/* two logins: the server's two workers check both passwords at once */
	s[0] = (struct shot){ NULL, "POST", API "/session",
			      fmt(srv, "{\"username\":\"minjing1\",\"password\":\"%s\"}", DEMO_PW),
			      { 0 } };
	s[1] = (struct shot){ NULL, "POST", API "/session",
			      "{\"username\":\"minjing2\",\"password\":\"wrong-password-1\"}",
			      { 0 } };
	srv->allow_5xx = 1;
	arm(srv, "at=commit kind=ioerr gather_ms=60000 gather_n=2");
	fire(srv, s, 2);
	assert_armed_and_taken(srv);
	assert_true(gathered(srv) >= 2);
	assert_store_unavailable(srv, s, 2);
	for (int i = 0; i < 2; i++)
		assert_null(resp_header(srv, &s[i].r, "Set-Cookie"));
	release_all(s, 2);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM session", NULL), sessions_before);
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit WHERE action LIKE 'login.%'"
				    " AND username IN ('minjing1', 'minjing2')",
				    NULL),
			 0);
	assert_int_equal(db_raw_int(srv->db, "SELECT fail_count FROM users WHERE username = ?",
				    "minjing2"),
			 0);
	srv->allow_5xx = 0;
	login(srv, "minjing1", DEMO_PW);
	assert_chain_intact(srv);
}

/* 7. A password change whose batch is lost changes nothing: answered 503,
 * the old password still logs in, the new one does not, no history row. */
STORY(g_a_password_change_in_a_lost_batch_changes_nothing)
{
	struct session *mj = login(srv, "minjing1", DEMO_PW);
	struct shot s[1];
	struct session tmp;
	long long history;

	history = db_raw_int(srv->db, "SELECT COUNT(*) FROM password_history", NULL);
	memset(s, 0, sizeof(s));
	s[0] = (struct shot){ mj, "POST", API "/me/password",
			      fmt(srv, "{\"old_password\":\"%s\",\"new_password\":\"%s\"}", DEMO_PW,
				  "Xin-Mima#2026-batch"),
			      { 0 } };
	srv->allow_5xx = 1;
	arm(srv, "at=commit kind=full");
	fire(srv, s, 1);
	assert_armed_and_taken(srv);
	assert_store_unavailable(srv, s, 1);
	release_all(s, 1);
	srv->allow_5xx = 0;
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM password_history", NULL),
			 history);
	assert_int_equal(login_attempt(srv, "minjing1", "Xin-Mima#2026-batch", &tmp)->status, 401);
	login(srv, "minjing1", DEMO_PW);
	assert_chain_intact(srv);
}

/* 8. The person import (ROUTE_SOLO, its own transaction) loses its
 * transaction when a chunk's savepoint is released (an I/O error that
 * SQLite answers with a rollback): the import stops and is answered 503,
 * and no later chunk is committed on its own. */
STORY(h_an_import_that_loses_its_transaction_commits_no_row)
{
	struct session *mj = login(srv, "minjing3", DEMO_PW);
	const char *csv = "姓名,身份证号,电话,类别,社区,楼栋,单元,房号\n";
	long long persons, mine;
	struct resp *r;

	r = http(srv, mj, "POST", API "/persons", person_body(srv, "城关居民", fresh_id_number(srv)));
	EXPECT(r, 201);
	mine = rnum(r, "person.id");
	for (int i = 1; i <= 150; i++)
		csv = fmt(srv, "%s断链%d,%s,,常住,断链社区,%d号楼,1单元,101\n", csv, i, fresh_id_number(srv), i);
	persons = db_raw_int(srv->db, "SELECT COUNT(*) FROM person", NULL);

	/* the committer takes the file with the read's audit row */
	arm(srv, "at=step n=1 kind=ioerr txn=lose conn=any match=RELEASE SAVEPOINT import_bulk");
	EXPECT(http(srv, mj, "GET", fmt(srv, API "/persons/%lld", mine), NULL), 200);
	assert_armed_and_taken(srv);

	srv->allow_5xx = 1;
	r = http(srv, mj, "POST", API "/persons/import", jdump(srv, json_pack("{s:s}", "csv", csv)));
	assert_error(srv, r, 503, "STORE_UNAVAILABLE");
	srv->allow_5xx = 0;
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM person", NULL), persons);
	assert_chain_intact(srv);
	assert_serving(srv, mj, mine);
}

/* 9. A batch holds at most what the store takes in one transaction
 * (db_batch_max): on PostgreSQL each request's savepoint is a
 * subtransaction, and past the 64 a backend caches every snapshot of every
 * reader must look transactions up in pg_subtrans — so 56 requests a batch
 * there, the rest in the next; SQLite takes them all (up to 256). 64
 * audited reads gathered at once are all answered either way. */
STORY(i_a_batch_stays_within_the_stores_transaction)
{
	struct session *mj = login(srv, "minjing3", DEMO_PW);
	struct shot s[64];
	struct resp *r;
	long long mine;

	r = http(srv, mj, "POST", API "/persons", person_body(srv, "批量读", fresh_id_number(srv)));
	EXPECT(r, 201);
	mine = rnum(r, "person.id");
	memset(s, 0, sizeof(s));
	for (int i = 0; i < 64; i++)
		s[i] = (struct shot){ mj, "GET", fmt(srv, API "/persons/%lld", mine), NULL, { 0 } };
	arm(srv, "gather_ms=60000 gather_n=64");
	fire(srv, s, 64);
	assert_armed_and_taken(srv);
	for (int i = 0; i < 64; i++)
		EXPECT(&s[i].r, 200);
	if (test_pg_url())
		assert_int_equal(gathered(srv), 56);
	else
		assert_true(gathered(srv) > 56);
	assert_chain_intact(srv);
	release_all(s, 64);
}

/* 10. The store loses the transaction under a request whose next step
 * does not stop at the failure (a setting read falls back to its default:
 * the station's area of a new case). Nothing more of the request runs:
 * before, the rest ran outside any transaction — the case was registered
 * on its own while the request was answered 503. On PostgreSQL the
 * connection is cut (kind=drop; the statement after it reconnected), on
 * SQLite the disk fills and SQLite rolls the transaction back. */
STORY(j_a_transaction_lost_under_a_request_keeps_none_of_it)
{
	struct crew c = crew_of(srv);
	const char *body = fmt(srv, "{\"kind\":\"criminal\",\"title\":\"断连盗窃案\",\"source\":\"walk_in\","
				    "\"act_date\":\"%s\",\"co_officer_id\":%lld}",
			       day_str(srv, -3), c.mj2);
	long long cases = db_raw_int(srv->db, "SELECT COUNT(*) FROM police_case", NULL);
	struct resp *r;

	srv->allow_5xx = 1;
	arm(srv, test_pg_url() ? "at=step kind=drop match=FROM setting WHERE unit_id = ?"
			       : "at=step kind=full txn=lose match=FROM setting WHERE unit_id = ?");
	r = http(srv, c.mj1, "POST", API "/cases", body);
	assert_armed_and_taken(srv);
	assert_int_equal(r->status, 503);
	srv->allow_5xx = 0;
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM police_case", NULL), cases);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM police_case WHERE title = ?1", "断连盗窃案"), 0);
	/* and the next one is registered */
	EXPECT(http(srv, c.mj1, "POST", API "/cases", body), 201);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM police_case WHERE title = ?1", "断连盗窃案"), 1);
	assert_chain_intact(srv);
}

/* The person registered with id_number, by a COMMIT another backend runs
 * in its own time: the test waits for it, up to 20 s. */
static void wait_for_person(struct server *srv, const char *id_number)
{
	const char *q = "SELECT COUNT(*) FROM person WHERE id_number = ?1";

	for (int i = 0; i < 200 && db_raw_int(srv->db, q, id_number) == 0; i++)
		usleep(100 * 1000);
	assert_int_equal(db_raw_int(srv->db, q, id_number), 1);
}

/* 11. PostgreSQL: the connection is lost with the answer of a batch's
 * COMMIT. The server is asked what became of the transaction: committed,
 * the registration is answered 201 (it is in the registry — a 503 "not
 * saved" would have the clerk enter the person twice); cut before the
 * COMMIT reached the server, it is rolled back and answered 503; when it
 * cannot be asked, 503 OUTCOME_UNKNOWN (it committed). SQLite has no
 * connection to lose. */
STORY(k_a_commit_whose_answer_is_lost_is_asked_about)
{
	struct session *mj = login(srv, "minjing3", DEMO_PW);
	const char *kept = fresh_id_number(srv), *cut = fresh_id_number(srv), *unknown = fresh_id_number(srv);
	struct resp *r;

	if (!test_pg_url()) {
		print_message("SQLite: no connection to lose (PostgreSQL only)\n");
		return;
	}
	arm(srv, "at=commit kind=drop txn=keep");
	r = http(srv, mj, "POST", API "/persons", person_body(srv, "答复丢失", kept));
	assert_armed_and_taken(srv);
	EXPECT(r, 201);
	assert_logged(srv, "committed");
	wait_for_person(srv, kept);

	srv->allow_5xx = 1;
	arm(srv, "at=commit kind=drop txn=lose");
	r = http(srv, mj, "POST", API "/persons", person_body(srv, "提交前断开", cut));
	assert_armed_and_taken(srv);
	assert_error(srv, r, 503, "STORE_UNAVAILABLE");
	srv->allow_5xx = 0;
	assert_logged(srv, "rolled back");
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM person WHERE id_number = ?1", cut), 0);
	/* and writes go on */
	EXPECT(http(srv, mj, "POST", API "/persons", person_body(srv, "断开之后", fresh_id_number(srv))), 201);

	/* the answer lost, and no session to ask in: the clerk is told it
	 * is not known — neither "saved" nor "not saved" — and it was saved */
	srv->allow_5xx = 1;
	arm(srv, "at=commit kind=drop_unasked");
	r = http(srv, mj, "POST", API "/persons", person_body(srv, "无从核实", unknown));
	assert_armed_and_taken(srv);
	assert_error(srv, r, 503, "OUTCOME_UNKNOWN");
	srv->allow_5xx = 0;
	assert_logged(srv, "is unknown");
	/* the COMMIT was sent before the connection went, but nothing
	 * waited for its backend: it commits in its own time (under load,
	 * after the 503 is answered) */
	wait_for_person(srv, unknown);
	/* and writes go on */
	EXPECT(http(srv, mj, "POST", API "/persons", person_body(srv, "核实之后", fresh_id_number(srv))), 201);
	assert_chain_intact(srv);
}

/* 12. SQLite: a batch is answered once its sync returned, and nobody sees
 * it before. The sync is held 8 s (sync_ms; a loaded machine may leave the test
 * descheduled for seconds between its commit and the poll): the 110 desk registers an
 * incident for 城关 (a child process sends it, as a second client), its
 * batch commits at once (the test sees the row in the file), and then the
 * station's duty officer polls GET /dispatch-alerts (numbers and times
 * only, no audit row). The poll finds the new 指令 — and is answered only
 * after the sync, as is the desk. A read answered before would show a 指令 that a power
 * loss then takes away. PostgreSQL syncs within its COMMIT. */
STORY(l_nothing_is_shown_before_it_is_on_disk)
{
	struct session *jj = login(srv, "jiejing", DEMO_PW), *mj = login(srv, "minjing1", DEMO_PW);
	long long cg = unit_id(srv, jj, "城关派出所"), made = 0;
	const char *body = fmt(srv, "{\"source\":\"110\",\"caller_name\":\"报警人\","
				    "\"caller_phone\":\"13912345678\",\"place\":\"城关镇落盘路1号\","
				    "\"category\":\"0202\",\"summary\":\"落盘测试\",\"station_id\":%lld}",
			       cg);
	struct timespec t0, t1;
	struct resp *r;
	size_t before;
	int fds[2], status = 0;
	pid_t pid;
	long waited_ms;

	if (test_pg_url()) {
		print_message("PostgreSQL syncs within its COMMIT (SQLite only)\n");
		return;
	}
	r = http(srv, mj, "GET", API "/dispatch-alerts", NULL);
	EXPECT(r, 200);
	before = json_array_size(jpath(r->json, "items"));
	arm(srv, "sync_ms=8000");
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct resp *c = http(srv, jj, "POST", API "/incidents", body);
		long long id = c->status == 201 ? rnum(c, "incident.id") : 0;

		if (write(fds[1], &id, sizeof(id)) != (ssize_t)sizeof(id))
			_exit(2);
		_exit(id ? 0 : 1);
	}
	close(fds[1]);
	/* committed (not synced): a connection of the test's own sees it */
	for (int i = 0; i < 2000 && db_raw_int(srv->db, "SELECT COUNT(*) FROM incident WHERE place = ?",
					     "城关镇落盘路1号") == 0; i++)
		usleep(10 * 1000);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	r = http(srv, mj, "GET", API "/dispatch-alerts", NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	EXPECT(r, 200);
	waited_ms = (long)(t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(read(fds[0], &made, sizeof(made)), (ssize_t)sizeof(made));
	close(fds[0]);
	assert_armed_and_taken(srv);
	/* the poll saw the new 指令 … */
	assert_int_equal(json_array_size(jpath(r->json, "items")), before + 1);
	{
		json_t *items = jpath(r->json, "items"), *it;
		size_t i;
		int seen = 0;

		json_array_foreach(items, i, it)
			seen += json_integer_value(json_object_get(it, "id")) == made;
		assert_int_equal(seen, 1);
	}
	/* … and was held until the sync (up to 8 s after it was sent) */
	if (waited_ms < 500)
		fail_msg("the poll was answered in %ld ms, before the sync", waited_ms);
	print_message("the poll waited %ld ms for the sync\n", waited_ms);
}

/* 13. SQLite: the disk stops answering a sync (a failing controller, a
 * stalled network volume). The desk's call in flight waits for it, and so
 * would every request after it. Here the sync is held 10 s and the server
 * counts 1 s as held (PRECINCT_TEST_HELD_MS; 15 s in production): then
 * GET /health and the next write answer 503 WRITES_HELD at once, nothing
 * saved, an ALERT is logged, and when the sync returns the call in flight
 * is answered 201 and writes go on by themselves. */
STORY(m_a_stalled_sync_holds_writes_and_the_server_says_so)
{
	struct session *jj;
	long long made = 0;
	int fds[2], status = 0;
	pid_t pid;
	struct resp *r;

	if (test_pg_url()) {
		print_message("PostgreSQL syncs within its COMMIT: api_pg_replica holds it (SQLite only)\n");
		return;
	}
	server_stop(srv);
	setenv("PRECINCT_TEST_STORE_FAULT_FILE", fault_path(srv), 1);
	setenv("PRECINCT_TEST_HELD_MS", "1000", 1);
	server_start(srv);
	unsetenv("PRECINCT_TEST_HELD_MS");
	unsetenv("PRECINCT_TEST_STORE_FAULT_FILE");
	jj = login(srv, "jiejing", DEMO_PW);
	arm(srv, "sync_ms=10000");
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct resp *c = http(srv, jj, "POST", API "/incidents",
				      "{\"source\":\"110\",\"caller_name\":\"报警人\",\"caller_phone\":\"13912345678\","
				      "\"place\":\"城关镇停滞路1号\",\"category\":\"0202\",\"summary\":\"磁盘停滞\"}");
		long long id = c->status == 201 ? rnum(c, "incident.id") : 0;

		if (write(fds[1], &id, sizeof(id)) != (ssize_t)sizeof(id))
			_exit(2);
		_exit(id ? 0 : 1);
	}
	close(fds[1]);
	srv->allow_5xx = 1;
	/* until the hold shows (a loaded machine may be slow to send the call) */
	for (int i = 0; i < 300; i++) {
		r = http(srv, NULL, "GET", API "/health", NULL);
		if (r->status == 503 || waitpid(pid, &status, WNOHANG) == pid)
			break;
		usleep(100 * 1000);
	}
	if (r->status != 503)
		fail_msg("the sync held 10 s was never seen as held (health %ld)", r->status);
	assert_error(srv, r, 503, "WRITES_HELD");
	r = http(srv, jj, "POST", API "/incidents",
		 "{\"source\":\"110\",\"caller_name\":\"报警人\",\"caller_phone\":\"13912345678\","
		 "\"place\":\"城关镇被拒路2号\",\"category\":\"0202\",\"summary\":\"磁盘停滞时报警\"}");
	assert_error(srv, r, 503, "WRITES_HELD");
	assert_int_equal(server_logged(srv, "ALERT: the writer has waited"), 1);
	/* the sync returns: the call in flight is saved and answered */
	assert_int_equal(read(fds[0], &made, sizeof(made)), (ssize_t)sizeof(made));
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_true(made > 0);
	srv->allow_5xx = 0;
	EXPECT(http(srv, NULL, "GET", API "/health", NULL), 200);
	EXPECT(http(srv, jj, "POST", API "/incidents",
		    "{\"source\":\"110\",\"caller_name\":\"报警人\",\"caller_phone\":\"13912345678\","
		    "\"place\":\"城关镇停滞路2号\",\"category\":\"0202\",\"summary\":\"磁盘恢复后报警\"}"),
	       201);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM incident WHERE place = ?", "城关镇被拒路2号"), 0);
	assert_int_equal(server_logged(srv, "writes resume"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_refused_job_leaves_its_batch_committed,
						setup_faulty, teardown_server),
		cmocka_unit_test_setup_teardown(
			b_commit_ioerr_answers_the_whole_batch_503_and_writes_go_on, setup_faulty,
			teardown_server),
		cmocka_unit_test_setup_teardown(c_disk_full_mid_batch_answers_the_whole_batch_503,
						setup_faulty, teardown_server),
		cmocka_unit_test_setup_teardown(
			d_a_failed_statement_that_keeps_the_transaction_loses_one_job, setup_faulty,
			teardown_server),
		cmocka_unit_test_setup_teardown(e_failed_fsync_stops_writes_until_restart,
						setup_faulty, teardown_server),
		cmocka_unit_test_setup_teardown(f_a_login_in_a_lost_batch_is_not_a_login,
						setup_faulty, teardown_server),
		cmocka_unit_test_setup_teardown(g_a_password_change_in_a_lost_batch_changes_nothing,
						setup_faulty, teardown_server),
		cmocka_unit_test_setup_teardown(h_an_import_that_loses_its_transaction_commits_no_row,
						setup_faulty, teardown_server),
		cmocka_unit_test_setup_teardown(i_a_batch_stays_within_the_stores_transaction,
						setup_faulty, teardown_server),
		cmocka_unit_test_setup_teardown(j_a_transaction_lost_under_a_request_keeps_none_of_it,
						setup_faulty, teardown_server),
		cmocka_unit_test_setup_teardown(k_a_commit_whose_answer_is_lost_is_asked_about,
						setup_faulty, teardown_server),
		cmocka_unit_test_setup_teardown(l_nothing_is_shown_before_it_is_on_disk,
						setup_faulty, teardown_server),
		cmocka_unit_test_setup_teardown(m_a_stalled_sync_holds_writes_and_the_server_says_so, setup_faulty,
						teardown_server),
	};

	if (getenv("PRECINCT_TEST_FILTER"))
		cmocka_set_test_filter(getenv("PRECINCT_TEST_FILTER"));
	return cmocka_run_group_tests(tests, NULL, NULL);
}
