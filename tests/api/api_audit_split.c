/* api_audit_split.c — the read-audit chain of its own (issue 14): the rows
 * recording reads of personal data go to table audit_read (on SQLite in the
 * file <db>-audit.db), chained from the genesis as the change chain is; a
 * read-only request commits nothing to the main file; verify, the
 * auditor's list, the purge and backup/restore handle both chains. */
#include "harness.h"
#define API "/api/v1"

#include <curl/curl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DAY 86400LL

static const char *local_day(struct server *srv, long long days)
{
	time_t t = (time_t)(time(NULL) + srv->clock_offset + 8 * 3600 + days * DAY);
	struct tm tm;

	gmtime_r(&t, &tm);
	return fmt(srv, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!hay || !strstr(hay, needle))
		fail_msg("'%s' does not contain '%s'", hay ? hay : "(null)", needle);
}

static void lacks(const char *hay, const char *needle)
{
	if (hay && strstr(hay, needle))
		fail_msg("'%.200s…' contains '%s'", hay, needle);
}

static void write_all(const char *path, const char *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(p, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static long long reads(struct server *srv)
{
	return db_raw_int(srv->db, "SELECT COUNT(*) FROM audit_read", NULL);
}

static long long changes(struct server *srv)
{
	return db_raw_int(srv->db, "SELECT COUNT(*) FROM audit", NULL);
}

/* The first person of minjing1's search. */
static long long some_person(struct server *srv, struct session *s)
{
	struct resp *r = http(srv, s, "GET", API "/persons?per_page=1", NULL);

	assert_int_equal(r->status, 200);
	assert_true(rnum(r, "items.0.id") > 0);
	return rnum(r, "items.0.id");
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The breach sweep of a fresh server records what fell due in batches of
 * its own (change rows, main file): wait until two seconds pass without
 * a change row. */
static void settle(struct server *srv)
{
	server_wait_sweep(srv);
	for (int quiet = 0, waited = 0; quiet < 4 && waited < 120; waited++) {
		long long n = changes(srv);

		usleep(500 * 1000);
		quiet = changes(srv) == n ? quiet + 1 : 0;
	}
}

/* On SQLite, the main file's data_version as a connection of ours sees it:
 * it moves when another connection commits to the file. *raw is opened at
 * the first call (NULL on PostgreSQL: -1). */
static long long main_version(struct server *srv, sqlite3 **raw)
{
	sqlite3_stmt *st = NULL;
	long long v;

	if (test_pg_url())
		return -1;
	if (!*raw)
		*raw = db_raw_open(srv->db);
	assert_int_equal(sqlite3_prepare_v2(*raw, "PRAGMA main.data_version", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* 100 reads of a person: 100 rows in audit_read, none in audit, and (on
 * SQLite) no commit to the main file: its data_version, as a connection of
 * ours sees it, stays the same. The session is touched at most every 15 s
 * (a write to the main file): one read first touches it, and the 100 run
 * within the next 15 s or the story says it could not tell. */
STORY(reads_go_to_the_read_chain_and_leave_the_main_file_alone)
{
	struct session *mj = login(srv, "minjing1", DEMO_PW);
	long long id = some_person(srv, mj), r0, c0, v0, t0;
	const char *path = fmt(srv, API "/persons/%lld", id);
	sqlite3 *raw = NULL;
	int i;

	assert_int_equal(http(srv, mj, "GET", path, NULL)->status, 200);
	/* the read and the list are rows of the read chain, not of audit */
	assert_true(db_raw_int(srv->db,
			       "SELECT COUNT(*) FROM audit_read WHERE action = 'read'"
			       " AND object_type = 'person' AND object_id = ?1 AND username = 'minjing1'",
			       fmt(srv, "%lld", id)) >= 1);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = 'read'", NULL),
			 0);
	settle(srv);
	r0 = reads(srv);
	c0 = changes(srv);
	v0 = main_version(srv, &raw);
	t0 = now_ms();
	for (i = 0; i < 100; i++)
		assert_int_equal(http(srv, mj, "GET", path, NULL)->status, 200);
	assert_int_equal(reads(srv), r0 + 100);
	if (changes(srv) != c0)
		print_message("change rows written meanwhile: %s\n",
			      db_raw_text(srv, srv->db,
					  "SELECT username || ' ' || action FROM audit"
					  " ORDER BY id DESC LIMIT 1"));
	assert_int_equal(changes(srv), c0);
	if (raw) {
		long long v1 = main_version(srv, &raw);

		sqlite3_close(raw);
		if (now_ms() - t0 < 14000)
			assert_int_equal(v1, v0);
		else
			print_message("100 reads took %lld ms (over the 15 s session touch):"
				      " data_version not compared\n",
				      now_ms() - t0);
	}
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
}

/* The lists, searches, records and summaries that are audited under their
 * own action are reads too: each leaves its row in the read chain and
 * none in the change chain, and (on SQLite) none of them commits to the
 * main file. The case and incident lists are the county's busiest pages. */
STORY(lists_searches_and_summaries_go_to_the_read_chain)
{
	static const struct {
		const char *user, *path, *action;
	} asks[] = {
		{ "minjing1", "/cases?per_page=5", "case.list" },
		{ "minjing1", "/incidents?per_page=5", "incident.list" },
		{ "minjing1", "/persons?name=%E6%9D%8E", "person.search" },
		{ "juzhang", "/reports/stats", "report.stats" },
		{ "juzhang", "/case-reviews/summary", "case_review.summary" },
		{ "juzhang", "/daily-submissions", "daily.summary" },
		{ "juzhang", "/analysis/morning", "analysis.read" },
		{ "juzhang", NULL, "meeting.read" },	  /* the newest meeting */
		{ "juzhang", NULL, "leader_task.read" }, /* the newest task */
	};
	struct session *mj = login(srv, "minjing1", DEMO_PW), *jz = login(srv, "juzhang", DEMO_PW);
	struct resp *r = http(srv, jz, "GET", API "/meetings", NULL);
	long long meeting = rnum(r, "items.0.id"), task, r0, c0, v0, t0;
	sqlite3 *raw = NULL;
	size_t n = sizeof(asks) / sizeof(asks[0]);

	r = http(srv, jz, "GET", API "/leader-tasks", NULL);
	task = rnum(r, "items.0.id");
	assert_true(meeting > 0 && task > 0);
	settle(srv);
	r0 = reads(srv);
	c0 = changes(srv);
	v0 = main_version(srv, &raw);
	t0 = now_ms();
	for (size_t i = 0; i < n; i++) {
		struct session *s = strcmp(asks[i].user, "juzhang") == 0 ? jz : mj;
		const char *path = asks[i].path ? asks[i].path
				   : strcmp(asks[i].action, "meeting.read") == 0 ? fmt(srv, "/meetings/%lld", meeting)
										  : fmt(srv, "/leader-tasks/%lld", task);

		r = http(srv, s, "GET", fmt(srv, API "%s", path), NULL);
		if (r->status != 200)
			fail_msg("%s GET %s: %ld %s", asks[i].user, path, r->status, r->body);
		assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE action = ?1", asks[i].action),
				 0);
		/* its row: the newest of its action, by whom it was asked */
		assert_string_equal(db_raw_text(srv, srv->db,
						fmt(srv,
						    "SELECT username FROM audit_read WHERE action = '%s'"
						    " ORDER BY id DESC LIMIT 1",
						    asks[i].action)),
				    asks[i].user);
	}
	/* one row each, all in the read chain (a list's row names its ids) */
	assert_int_equal(reads(srv), r0 + (long long)n);
	assert_int_equal(changes(srv), c0);
	assert_contains(db_raw_text(srv, srv->db,
				    "SELECT detail FROM audit_read WHERE action = 'case.list' ORDER BY id DESC LIMIT 1"),
			"n=5 ids=");
	if (raw) {
		long long v1 = main_version(srv, &raw);

		sqlite3_close(raw);
		if (now_ms() - t0 < 14000)
			assert_int_equal(v1, v0);
	}
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
}

/* The auditor's list merges both chains newest first, each row naming its
 * chain; pages do not overlap, and the total counts both tables (up to the
 * cap of 1 000, as every big list). */
STORY(auditor_list_merges_both_chains)
{
	struct session *mj = login(srv, "minjing1", DEMO_PW);
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	long long id = some_person(srv, mj), total, prev_at = 0;
	struct resp *p1, *p2;
	json_t *it;
	size_t i;
	int seen_read = 0, seen_change = 0;

	/* the totals and the newest rows hold still only once the breach
	 * sweep's first pass has recorded the demo's breaches */
	server_wait_sweep(srv);
	for (i = 0; i < 3; i++)
		assert_int_equal(http(srv, mj, "GET", fmt(srv, API "/persons/%lld", id), NULL)->status,
				 200);
	/* the demo's log is longer than the count's cap: "1000+" */
	total = reads(srv) + changes(srv);
	assert_true(total > 1000);
	p1 = http(srv, auditor, "GET", API "/audit?per_page=5&page=1", NULL);
	assert_int_equal(p1->status, 200);
	assert_int_equal(rnum(p1, "total"), 1000);
	assert_true(json_is_true(jpath(p1->json, "total_capped")));
	/* the newest rows: the three reads, behind the auditor's login */
	assert_string_equal(rstr(p1, "items.0.chain"), "read");
	assert_string_equal(rstr(p1, "items.0.action"), "read");
	assert_string_equal(rstr(p1, "items.0.object_id"), fmt(srv, "%lld", id));
	p2 = http(srv, auditor, "GET", API "/audit?per_page=5&page=2", NULL);
	assert_int_equal(p2->status, 200);
	assert_int_equal(rnum(p2, "total"), 1000);
	json_array_foreach(jpath(p1->json, "items"), i, it) {
		long long at = json_integer_value(json_object_get(it, "at_ms"));

		assert_true(i == 0 || at <= prev_at);
		prev_at = at;
		seen_read |= strcmp(json_string_value(json_object_get(it, "chain")), "read") == 0;
		seen_change |= strcmp(json_string_value(json_object_get(it, "chain")), "change") == 0;
	}
	assert_true(seen_read);
	/* page 2 goes on below page 1 (one newer row, the list, shifts it by
	 * one: its first row is page 1's last) */
	assert_true(json_integer_value(jpath(p2->json, "items.0.at_ms")) <= prev_at);
	/* filters reach both chains, and below the cap the total counts both
	 * tables exactly (the first list's own row is the auditor's) */
	p1 = http(srv, auditor, "GET", API "/audit?user=minjing1&per_page=5", NULL);
	assert_int_equal(rnum(p1, "total"),
			 db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE username = 'minjing1'", NULL) +
				 db_raw_int(srv->db, "SELECT COUNT(*) FROM audit_read WHERE username = 'minjing1'",
					    NULL));
	assert_true(json_is_false(jpath(p1->json, "total_capped")));
	assert_true(rnum(p1, "total") > 3);
	p1 = http(srv, auditor, "GET", API "/audit?action=read&user=minjing1&per_page=200", NULL);
	assert_int_equal(rnum(p1, "total"),
			 db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit_read WHERE action = 'read'"
				    " AND username = 'minjing1'",
				    NULL));
	assert_string_equal(rstr(p1, "items.0.chain"), "read");
	/* a time window in seconds (on PostgreSQL "? * 1000" overflowed an
	 * int4 for any date after January 1970): the newest read is in the
	 * second it was made, and nothing is in 1970's second second */
	{
		long long sec = rnum(p1, "items.0.at_ms") / 1000;

		p1 = http(srv, auditor, "GET",
			  fmt(srv, API "/audit?action=read&user=minjing1&from=%lld&to=%lld", sec, sec + 1), NULL);
		assert_int_equal(p1->status, 200);
		assert_true(rnum(p1, "total") >= 1);
		json_array_foreach(jpath(p1->json, "items"), i, it) {
			long long at = json_integer_value(json_object_get(it, "at_ms"));

			assert_true(at >= sec * 1000 && at < (sec + 1) * 1000);
		}
		p1 = http(srv, auditor, "GET", API "/audit?from=1&to=2", NULL);
		assert_int_equal(p1->status, 200);
		assert_int_equal(rnum(p1, "total"), 0);
	}
	p1 = http(srv, auditor, "GET", API "/audit?action=login.*&user=minjing1&per_page=200", NULL);
	assert_true(rnum(p1, "total") >= 1);
	assert_string_equal(rstr(p1, "items.0.chain"), "change");
	(void)seen_change;
}

/* A read row changed behind the triggers is found, naming the read chain
 * and the row, by the CLI and by GET /audit/verify. */
STORY(a_changed_read_row_is_found_in_the_read_chain)
{
	struct session *mj = login(srv, "minjing1", DEMO_PW);
	struct session *auditor;
	struct cli_result c;
	struct resp *r;
	long long id = some_person(srv, mj), bad;

	assert_int_equal(http(srv, mj, "GET", fmt(srv, API "/persons/%lld", id), NULL)->status, 200);
	server_stop(srv);
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
	bad = db_raw_int(srv->db, "SELECT MAX(id) FROM audit_read", NULL);
	assert_true(bad >= 1);
	/* the guard refuses */
	assert_int_not_equal(db_raw_exec(srv->db, "UPDATE audit_read SET detail = 'x' WHERE id = 1"),
			     0);
	assert_int_not_equal(db_raw_exec(srv->db, fmt(srv, "DELETE FROM audit_read WHERE id = %lld",
							bad)),
			     0);
	assert_int_equal(db_raw_exec(srv->db,
				     fmt(srv, "DROP TRIGGER %s;"
					      "UPDATE audit_read SET detail = 'tampered' WHERE id = %lld;",
					 test_pg_url() ? "audit_read_no_update ON audit_read"
						       : "readaudit.audit_read_no_update",
					 bad)),
			 0);
	c = run_cli(srv, "audit", "verify", "--db", srv->db);
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "read chain");
	assert_contains(c.err, fmt(srv, "row %lld", bad));
	assert_contains(c.err, "读取审计链");
	server_start(srv);
	auditor = login(srv, "auditor", DEMO_PW);
	r = http(srv, auditor, "GET", API "/audit/verify", NULL);
	assert_int_equal(r->status, 200);
	assert_true(json_is_false(jpath(r->json, "ok")));
	assert_string_equal(rstr(r, "chain"), "read");
	assert_int_equal(rnum(r, "bad_id"), bad);
	assert_int_equal(rnum(r, "read_bad_id"), bad);
	assert_true(rnum(r, "rows") > 0);
	assert_contains(rstr(r, "message"), "读取审计链");
}

/* 450 days on, both chains lose their first day's rows, each from its own
 * anchor; both purges are rows of the change chain; both chains verify. */
STORY(purge_of_both_chains_keeps_both_verifiable)
{
	struct session *mj = login(srv, "minjing1", DEMO_PW);
	long long id = some_person(srv, mj), old_reads, last_read;
	const char *old_hash;
	struct cli_result c;

	assert_int_equal(http(srv, mj, "GET", fmt(srv, API "/persons/%lld", id), NULL)->status, 200);
	server_stop(srv);
	old_reads = reads(srv);
	last_read = db_raw_int(srv->db, "SELECT MAX(id) FROM audit_read", NULL);
	old_hash = db_raw_text(srv, srv->db, "SELECT hash FROM audit_read ORDER BY id DESC LIMIT 1");
	assert_true(old_reads >= 2);

	clock_advance(srv, 450 * DAY);
	server_start(srv);
	mj = login(srv, "minjing1", DEMO_PW);
	assert_int_equal(http(srv, mj, "GET", fmt(srv, API "/persons/%lld", id), NULL)->status, 200);
	server_stop(srv);

	c = run_cli(srv, "audit", "purge", "--db", srv->db, "--before", local_day(srv, -400));
	assert_int_equal(c.code, 0);
	assert_contains(c.out, fmt(srv, "purged %lld read-audit rows (through row %lld)", old_reads,
				   last_read));
	assert_contains(c.out, old_hash);
	assert_int_equal(reads(srv), 1);
	assert_int_equal(db_raw_int(srv->db, "SELECT through_id FROM audit_read_anchor", NULL),
			 last_read);
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit WHERE action = 'audit.purge'"
				    " AND object_type = 'audit_read' AND object_id = ?",
				    fmt(srv, "%lld", last_read)),
			 1);
	c = run_cli(srv, "audit", "verify", "--db", srv->db);
	assert_int_equal(c.code, 0);
	assert_contains(c.out, "(read chain: 1 rows)");
	/* the kept read row cannot be deleted, the anchor cannot be moved */
	assert_int_not_equal(db_raw_exec(srv->db, fmt(srv, "DELETE FROM audit_read WHERE id = %lld",
							last_read + 1)),
			     0);
	assert_int_not_equal(db_raw_exec(srv->db, "DELETE FROM audit_read_anchor"), 0);
	/* nor can a connection of its own add an anchor that names no old
	 * row of the read chain (as 020 for the change chain) */
	assert_int_not_equal(db_raw_exec(srv->db,
					 fmt(srv, "INSERT INTO audit_read_anchor(through_id, hash,"
						  " before_ms, purged_rows, purged_at_ms)"
						  " VALUES (%lld, '%s', 0, 0, 0)",
					     last_read + 1, old_hash)),
			     0);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit_read_anchor", NULL), 1);
}

/* backup → restore: the read chain's file goes with the backup (its own
 * MAC) and comes back; both chains verify on the restored database; a
 * restored database without it is refused when opened. SQLite only. */
STORY(backup_and_restore_keep_both_chains)
{
	struct session *mj = login(srv, "minjing1", DEMO_PW);
	long long id = some_person(srv, mj), n_reads;
	const char *bak = srv_path(srv, "b.db"), *to = srv_path(srv, "r.db");
	struct cli_result c;

	if (test_pg_url()) {
		print_message("backup/restore is SQLite's (PostgreSQL: pg_basebackup)\n");
		return;
	}
	assert_int_equal(http(srv, mj, "GET", fmt(srv, API "/persons/%lld", id), NULL)->status, 200);
	c = run_cli(srv, "backup", "--db", srv->db, "--to", bak);
	assert_int_equal(c.code, 0);
	server_stop(srv);
	n_reads = reads(srv);
	assert_true(n_reads >= 2);
	c = run_cli(srv, "restore", "--db", to, "--from", bak, "--key", fmt(srv, "%s.key", srv->db));
	assert_int_equal(c.code, 0);
	assert_int_equal(db_raw_int(to, "SELECT COUNT(*) FROM audit_read", NULL), n_reads);
	c = run_cli(srv, "audit", "verify", "--db", to);
	assert_int_equal(c.code, 0);
	assert_contains(c.out, fmt(srv, "(read chain: %lld rows)", n_reads));
	/* the audit file's MAC is checked: a changed byte refuses the restore */
	{
		FILE *f = fopen(fmt(srv, "%s-audit.db", bak), "r+b");

		assert_non_null(f);
		assert_int_equal(fseek(f, 200, SEEK_SET), 0);
		assert_int_equal(fputc('X', f), 'X');
		assert_int_equal(fclose(f), 0);
	}
	c = run_cli(srv, "restore", "--db", srv_path(srv, "r2.db"), "--from", bak, "--key",
		    fmt(srv, "%s.key", srv->db));
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "MAC does not match");
	/* a database whose audit file is gone is refused, not given a new
	 * empty chain */
	assert_int_equal(unlink(fmt(srv, "%s-audit.db", to)), 0);
	c = run_cli(srv, "audit", "verify", "--db", to);
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "审计读取记录文件");
}

/* The read chain exports on its own (chain=read, CLI --chain read): the
 * header names it, every row of the range is a read row, and the file
 * checks offline like an export of the change chain. */
STORY(the_read_chain_exports_with_its_proof)
{
	struct session *mj = login(srv, "minjing1", DEMO_PW), *auditor = login(srv, "auditor", DEMO_PW);
	const char *today = local_day(srv, 0), *file = srv_path(srv, "read.jsonl"),
		   *cli_file = srv_path(srv, "read-cli.jsonl");
	struct cli_result c;
	struct resp *r;
	long long id = some_person(srv, mj), in_range = 0;

	assert_int_equal(http(srv, mj, "GET", fmt(srv, API "/persons/%lld", id), NULL)->status, 200);
	r = http(srv, auditor, "GET", fmt(srv, API "/audit/export?from=%s&to=%s&chain=read", local_day(srv, -1), today),
		 NULL);
	assert_int_equal(r->status, 200);
	assert_contains(resp_header(srv, r, "Content-Disposition"), "audit-read-");
	assert_contains(r->body, "\"chain\":\"read\"");
	assert_contains(r->body, "\"object_type\":\"person\"");
	in_range = (long long)count_in(r->body, r->body_len, "\"prev_hash\"");
	assert_true(in_range >= 2);
	/* read rows only: the logins of this story are change rows */
	lacks(r->body, "\"action\":\"login.success\"");
	write_all(file, r->body, r->body_len);
	/* a chain that is neither */
	r = http(srv, auditor, "GET", fmt(srv, API "/audit/export?from=%s&to=%s&chain=both", today, today), NULL);
	assert_int_equal(r->status, 400);
	assert_string_equal(rstr(r, "error.field"), "chain");
	server_stop(srv);
	c = run_cli(srv, "audit", "verify-export", file);
	assert_int_equal(c.code, 0);
	assert_contains(c.out, "intact");
	c = run_cli(srv, "audit", "export", "--db", srv->db, "--from", today, "--to", today, "--chain", "read", "--out",
		    cli_file);
	assert_int_equal(c.code, 0);
	c = run_cli(srv, "audit", "verify-export", cli_file);
	assert_int_equal(c.code, 0);
	assert_contains(c.out, "intact");
}

/* ---- a steady stream of reads ---- */

struct reader {
	char base[80], cookie[200];
	long long lo, span;
	int seq, quota;
	atomic_int *stop;
	int ok, bad;
	pthread_t th;
};

static size_t discard(char *p, size_t size, size_t n, void *arg)
{
	(void)p;
	(void)arg;
	return size * n;
}

/* GET /persons/{id} over the whole register until the quota or stop */
static void *reader_main(void *arg)
{
	struct reader *rd = arg;
	struct curl_slist *h = curl_slist_append(NULL, rd->cookie);
	CURL *c = curl_easy_init();
	long long n = rd->seq * 104729LL;

	if (!c)
		return NULL;
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 30000L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
	while (!atomic_load(rd->stop) && rd->ok + rd->bad < rd->quota) {
		char url[160];
		long code = 0;

		n++;
		snprintf(url, sizeof(url), "%s/api/v1/persons/%lld", rd->base,
			 rd->lo + (n * 7919) % rd->span);
		curl_easy_setopt(c, CURLOPT_URL, url);
		if (curl_easy_perform(c) == CURLE_OK)
			curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
		if (code == 200)
			rd->ok++;
		else
			rd->bad++;
	}
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return NULL;
}

/* The WAL header's checkpoint sequence (bytes 12-15, big-endian): one more
 * each time the WAL restarts from its start. */
static unsigned wal_restarts(const char *wal)
{
	unsigned char hdr[32];
	FILE *f = fopen(wal, "rb");
	size_t got = f ? fread(hdr, 1, sizeof(hdr), f) : 0;

	if (f)
		fclose(f);
	if (got < 16)
		return 0;
	return (unsigned)hdr[12] << 24 | (unsigned)hdr[13] << 16 | (unsigned)hdr[14] << 8 | hdr[15];
}

#define STREAM_READS 16000
#define WAL_LIMIT (48LL << 20)

/* The county's 督察 reads persons from 8 connections without a pause: every
 * read commits its row to the read-audit file, batch after batch. A passive
 * checkpoint on another connection never lets that WAL restart while the
 * commits follow each other (the next commit always comes before the copy
 * is complete), so it grew without end: 805 MB after 17 s in bench/, ~2
 * pages of 4 KiB a read. Now the checkpoint thread asks the committer to
 * copy the rest between two batches once the WAL passes 16 MiB, and the
 * next commit starts the WAL again: after 16 000 reads (~125 MB of WAL
 * unbounded) the file stays under 48 MiB, it has restarted, every read
 * has its row and both chains verify. SQLite only: PostgreSQL keeps the
 * read chain in its own WAL. */
STORY(a_steady_stream_of_reads_keeps_the_read_audit_wal_bounded)
{
	struct session *dc;
	struct reader rd[8];
	atomic_int stop = 0;
	long long r0, lo, hi, t0, secs;
	const char *wal = fmt(srv, "%s-audit.db-wal", srv->db);
	unsigned seq0, seq1;
	struct stat sb;
	int ok = 0, bad = 0;

	if (test_pg_url())
		return;
	dc = login(srv, "ducha", DEMO_PW);
	lo = db_raw_int(srv->db, "SELECT MIN(id) FROM person", NULL);
	hi = db_raw_int(srv->db, "SELECT MAX(id) FROM person", NULL);
	assert_true(hi > lo);
	assert_int_equal(http(srv, dc, "GET", fmt(srv, API "/persons/%lld", lo), NULL)->status, 200);
	seq0 = wal_restarts(wal);
	r0 = reads(srv);
	memset(rd, 0, sizeof(rd));
	t0 = now_ms();
	for (int i = 0; i < 8; i++) {
		snprintf(rd[i].base, sizeof(rd[i].base), "%s", srv->base);
		snprintf(rd[i].cookie, sizeof(rd[i].cookie), "Cookie: %s", dc->cookie);
		rd[i].lo = lo;
		rd[i].span = hi - lo + 1;
		rd[i].seq = i;
		rd[i].quota = STREAM_READS / 8;
		rd[i].stop = &stop;
		if (pthread_create(&rd[i].th, NULL, reader_main, &rd[i]) != 0)
			fail_msg("pthread_create failed");
	}
	/* at most 3 minutes, however slow the build */
	for (int waited = 0; waited < 1800; waited++) {
		int done = 1;

		for (int i = 0; i < 8; i++)
			done &= rd[i].ok + rd[i].bad >= rd[i].quota;
		if (done)
			break;
		usleep(100 * 1000);
	}
	atomic_store(&stop, 1);
	for (int i = 0; i < 8; i++) {
		pthread_join(rd[i].th, NULL);
		ok += rd[i].ok;
		bad += rd[i].bad;
	}
	secs = (now_ms() - t0) / 1000;
	seq1 = wal_restarts(wal);
	assert_int_equal(stat(wal, &sb), 0);
	print_message("%d reads in %lld s: the read-audit WAL is %lld bytes, restarted %u times\n",
		      ok, secs, (long long)sb.st_size, seq1 - seq0);
	assert_int_equal(bad, 0);
	assert_int_equal(ok, STREAM_READS);
	assert_int_equal(reads(srv), r0 + ok);
	assert_true(seq1 > seq0);
	assert_true(sb.st_size < WAL_LIMIT);
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(reads_go_to_the_read_chain_and_leave_the_main_file_alone,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(lists_searches_and_summaries_go_to_the_read_chain, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(auditor_list_merges_both_chains, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(a_changed_read_row_is_found_in_the_read_chain,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(purge_of_both_chains_keeps_both_verifiable, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(backup_and_restore_keep_both_chains, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(the_read_chain_exports_with_its_proof, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(a_steady_stream_of_reads_keeps_the_read_audit_wal_bounded,
						setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
