/* api_audit_retention.c — audit retention and export (issue 13, rule
 * AUD-RETAIN): nothing younger than 400 days can be purged; a purge keeps
 * the chain verifiable from its anchor and is itself audited; the auditor
 * exports a date range with the chain proof, and `precinct audit
 * verify-export` checks it without the database, finding a changed, a
 * missing or a cut row. Dates are the local (UTC+8) days of the server's
 * test clock, computed here from the clock offset. */
#define _GNU_SOURCE /* memmem */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DAY 86400LL

/* The local date (UTC+8) of the server's clock, moved by days. */
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

static void write_all(const char *path, const char *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(p, 1, n, f) != n || fclose(f) != 0)
		fail_msg("cannot write %s", path);
}

/* AUD-RETAIN: a date less than 400 days ago is refused and nothing goes;
 * exactly 400 days ago is accepted (the rows are younger: none goes). */
STORY(purge_refuses_rows_younger_than_400_days)
{
	struct session *auditor;
	struct cli_result c;
	long long rows;

	login(srv, "admin", DEMO_PW);
	server_stop(srv);
	rows = db_raw_int(srv->db, "SELECT COUNT(*) FROM audit", NULL);
	c = run_cli(srv, "audit", "purge", "--db", srv->db, "--before", local_day(srv, -399));
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "AUD-RETAIN");
	assert_contains(c.err, "400");
	assert_contains(c.err, local_day(srv, -400));
	c = run_cli(srv, "audit", "purge", "--db", srv->db, "--before", local_day(srv, 1));
	assert_int_equal(c.code, 1);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit", NULL), rows);
	assert_int_equal(run_cli(srv, "audit", "purge", "--db", srv->db, "--before", "2026-13-01")
				 .code,
			 1);
	assert_int_equal(run_cli(srv, "audit", "purge", "--db", srv->db).code, 2);

	c = run_cli(srv, "audit", "purge", "--db", srv->db, "--before", local_day(srv, -400));
	assert_int_equal(c.code, 0);
	assert_contains(c.out, "nothing purged");
	/* nothing removed; the purge itself is a row of the chain */
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit", NULL), rows + 1);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit_anchor", NULL), 0);
	assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
	/* nor can a connection of its own open the table to a purge: an anchor
	 * must name a row of the chain, by its hash, older than 400 days */
	assert_int_not_equal(db_raw_exec(srv->db,
					 "INSERT INTO audit_anchor VALUES (999999999, 'x', 0, 0, 0)"), 0);
	assert_int_not_equal(db_raw_exec(srv->db,
					 "INSERT INTO audit_anchor SELECT MAX(id), (SELECT hash FROM audit"
					 " WHERE id = (SELECT MAX(id) FROM audit)), 0, 0, 0 FROM audit"), 0);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit", NULL), rows + 1);
	server_start(srv);
	auditor = login(srv, "auditor", DEMO_PW);
	assert_int_equal(audit_count(srv, auditor, "audit.purge", NULL, "success"), 1);
}

/* 450 days on, the rows of the first day are purged: the chain verifies
 * from the anchor (the hash of the last purged row), the purge is audited
 * naming that row, the kept rows cannot be deleted, and a row deleted
 * after the anchor is still found. */
STORY(purge_keeps_the_chain_verifiable_from_its_anchor)
{
	struct cli_result c;
	struct session *auditor;
	long long old_rows, last_old, anchor_rows;
	const char *old_hash;

	login(srv, "admin", DEMO_PW);
	login(srv, "minjing1", DEMO_PW);
	server_stop(srv);
	old_rows = db_raw_int(srv->db, "SELECT COUNT(*) FROM audit", NULL);
	last_old = db_raw_int(srv->db, "SELECT MAX(id) FROM audit", NULL);
	old_hash = db_raw_text(srv, srv->db, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");
	assert_true(old_rows >= 2);

	clock_advance(srv, 450 * DAY);
	server_start(srv);
	login(srv, "admin", DEMO_PW);
	login(srv, "auditor", DEMO_PW);
	server_stop(srv);

	/* 400 days before the new today: the first day's rows are older */
	c = run_cli(srv, "audit", "purge", "--db", srv->db, "--before", local_day(srv, -400));
	assert_int_equal(c.code, 0);
	assert_contains(c.out, fmt(srv, "purged %lld audit rows (through row %lld)", old_rows,
				   last_old));
	assert_contains(c.out, old_hash);
	assert_int_equal(db_raw_int(srv->db, "SELECT COUNT(*) FROM audit WHERE id <= ?1 + 0",
				    fmt(srv, "%lld", last_old)),
			 0);
	assert_int_equal(db_raw_int(srv->db, "SELECT through_id FROM audit_anchor", NULL),
			 last_old);
	assert_string_equal(db_raw_text(srv, srv->db, "SELECT hash FROM audit_anchor"), old_hash);
	anchor_rows = db_raw_int(srv->db, "SELECT COUNT(*) FROM audit", NULL);
	c = run_cli(srv, "audit", "verify", "--db", srv->db);
	assert_int_equal(c.code, 0);
	assert_contains(c.out, fmt(srv, "audit chain intact: %lld rows", anchor_rows));
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit WHERE action = 'audit.purge'"
				    " AND object_id = ?",
				    fmt(srv, "%lld", last_old)),
			 1);

	/* a kept row cannot be deleted, the anchor cannot be moved */
	assert_int_not_equal(db_raw_exec(srv->db, fmt(srv, "DELETE FROM audit WHERE id = %lld",
							last_old + 1)),
			     0);
	assert_int_not_equal(db_raw_exec(srv->db, "UPDATE audit_anchor SET through_id ="
						  " through_id + 1"),
			     0);
	assert_int_not_equal(db_raw_exec(srv->db, "DELETE FROM audit_anchor"), 0);
	/* purging again inside the 400 days: refused */
	assert_int_equal(run_cli(srv, "audit", "purge", "--db", srv->db, "--before",
				 local_day(srv, -399))
				 .code,
			 1);
	server_start(srv);
	auditor = login(srv, "auditor", DEMO_PW);
	/* two purges, each a row of the change chain: the change chain's and
	 * the read chain's (the first day's read rows) */
	assert_int_equal(audit_count(srv, auditor, "audit.purge", NULL, "success"), 2);
	server_stop(srv);
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit WHERE action = 'audit.purge'"
				    " AND object_type = 'audit_read'",
				    NULL),
			 1);

	/* the first row after the anchor removed behind the triggers: found */
	assert_int_equal(db_raw_exec(srv->db,
				     fmt(srv,
					 "DROP TRIGGER audit_no_delete%s;"
					 "DELETE FROM audit WHERE id = %lld;",
					 test_pg_url() ? " ON audit" : "", last_old + 1)),
			 0);
	c = run_cli(srv, "audit", "verify", "--db", srv->db);
	assert_int_equal(c.code, 1);
	assert_contains(c.err, fmt(srv, "row %lld", last_old + 1));
}

/* The auditor exports a date range with the chain proof; the export
 * verifies without the database; a changed byte, a removed row and a cut
 * file are each found. Only the auditor may export; the export is audited;
 * the CLI export verifies too. */
STORY(auditor_exports_a_range_that_verifies_elsewhere)
{
	struct session *auditor = login(srv, "auditor", DEMO_PW);
	struct session *admin = login(srv, "admin", DEMO_PW);
	/* from yesterday: the demo county (the fixture's, made once for the
	 * run) may have been written before midnight in Beijing and this story
	 * run after it */
	const char *today = local_day(srv, 0), *file = srv_path(srv, "export.jsonl");
	const char *path = fmt(srv, "/api/v1/audit/export?from=%s&to=%s", local_day(srv, -1), today);
	struct cli_result c;
	struct resp *r;
	char *body, *line2, *line3, *p;
	size_t n;
	long long in_range;

	/* the rows before the export are all there is: the sweep's first
	 * pass (its breach.record rows) is not still writing beside it */
	server_wait_sweep(srv);
	login(srv, "minjing1", DEMO_PW);
	assert_error(srv, http(srv, admin, "GET", path, NULL), 403, NULL);
	assert_error(srv, http(srv, login(srv, "minjing2", DEMO_PW), "GET", path, NULL), 403, NULL);
	assert_error(srv, http(srv, auditor, "GET", "/api/v1/audit/export?to=2026-01-01", NULL), 400,
		     NULL);
	assert_error(srv,
		     http(srv, auditor, "GET", "/api/v1/audit/export?from=2026-02-01&to=2026-01-01",
			  NULL),
		     400, NULL);

	r = http(srv, auditor, "GET", path, NULL);
	assert_int_equal(r->status, 200);
	assert_contains(resp_header(srv, r, "Content-Type"), "application/x-ndjson");
	assert_contains(resp_header(srv, r, "Content-Disposition"), "audit-");
	assert_contains(r->body, "\"format\":\"precinct-audit-export\"");
	assert_contains(r->body, "\"anchor_hash\":\"0000000000000000");
	/* every row of today, the demo's included, is in it (the range starts
	 * at row 1: the anchor is the genesis) */
	in_range = (long long)count_in(r->body, r->body_len, "\"prev_hash\"");
	server_stop(srv);
	/* the rows before the export's own row (refusals of the export
	 * included) */
	assert_int_equal(in_range,
			 db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit WHERE id < (SELECT MIN(id) FROM audit"
				    " WHERE action = 'audit.export' AND outcome = 'success')",
				    NULL));
	write_all(file, r->body, r->body_len);
	c = run_cli(srv, "audit", "verify-export", file);
	assert_int_equal(c.code, 0);
	assert_contains(c.out, fmt(srv, "audit export intact: %lld rows", in_range));

	/* one byte of a row changed: found and named */
	body = strdup(r->body);
	assert_non_null(body);
	line2 = strchr(body, '\n') + 1;
	line3 = strchr(line2, '\n') + 1;
	p = memmem(line3, (size_t)(strchr(line3, '\n') - line3), "\"outcome\":\"success\"", 19);
	assert_non_null(p);
	p[11] = 'S';
	write_all(file, body, r->body_len);
	c = run_cli(srv, "audit", "verify-export", file);
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "第 2 条记录的内容被改动");
	/* row 2 removed: found */
	p[11] = 's';
	write_all(file, body, r->body_len);
	assert_int_equal(run_cli(srv, "audit", "verify-export", file).code, 0);
	memmove(line3, strchr(line3, '\n') + 1, strlen(strchr(line3, '\n') + 1) + 1);
	write_all(file, body, strlen(body));
	c = run_cli(srv, "audit", "verify-export", file);
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "应为第 2 条记录，实为第 3 条");
	/* the trailer cut off: found */
	n = strlen(r->body);
	memcpy(body, r->body, n + 1);
	p = body + n - 2;
	while (p > body && *p != '\n')
		p--;
	write_all(file, body, (size_t)(p - body) + 1);
	c = run_cli(srv, "audit", "verify-export", file);
	assert_int_equal(c.code, 1);
	assert_contains(c.err, "文件尾");
	free(body);

	/* the CLI exports the same way; the export is audited */
	c = run_cli(srv, "audit", "export", "--db", srv->db, "--from", today, "--to", today, "--out",
		    file);
	assert_int_equal(c.code, 0);
	assert_int_equal(run_cli(srv, "audit", "verify-export", file).code, 0);
	assert_int_equal(run_cli(srv, "audit", "verify-export", srv_path(srv, "none")).code, 1);
	assert_int_equal(run_cli(srv, "audit", "verify-export").code, 2);
	/* --out naming the database or its read-audit file is refused before
	 * anything is written (it truncated the live database); the files of
	 * an SQLite database */
	if (!test_pg_url()) {
		const char *own[] = { srv->db, fmt(srv, "%s-audit.db", srv->db) };

		for (int i = 0; i < 2; i++) {
			c = run_cli(srv, "audit", "export", "--db", srv->db, "--from", today, "--to", today,
				    "--out", own[i]);
			assert_int_equal(c.code, 1);
			assert_contains(c.err, "请换一个导出路径");
		}
		assert_int_equal(run_cli(srv, "audit", "verify", "--db", srv->db).code, 0);
	}
	server_start(srv);
	auditor = login(srv, "auditor", DEMO_PW);
	assert_int_equal(audit_count(srv, auditor, "audit.export", "auditor", "success"), 1);
	assert_int_equal(audit_count(srv, auditor, "audit.export", NULL, "success"), 2);
	/* an empty range is a valid export of nothing */
	r = http(srv, auditor, "GET", "/api/v1/audit/export?from=2020-01-01&to=2020-01-02", NULL);
	assert_int_equal(r->status, 200);
	assert_contains(r->body, "\"rows\":0");
	server_stop(srv);
	write_all(file, r->body, r->body_len);
	assert_int_equal(run_cli(srv, "audit", "verify-export", file).code, 0);
}

/* After a purge, an export from the first kept day starts at the anchor:
 * its anchor hash is the hash of the last purged row. */
STORY(export_after_a_purge_starts_at_the_anchor)
{
	struct cli_result c;
	const char *file = srv_path(srv, "after.jsonl"), *anchor;
	struct session *auditor;
	struct resp *r;

	server_stop(srv);
	clock_advance(srv, 401 * DAY);
	c = run_cli(srv, "audit", "purge", "--db", srv->db, "--before", local_day(srv, -400));
	assert_int_equal(c.code, 0);
	anchor = db_raw_text(srv, srv->db, "SELECT hash FROM audit_anchor");
	assert_non_null(anchor);
	server_start(srv);
	auditor = login(srv, "auditor", DEMO_PW);
	r = http(srv, auditor, "GET",
		 fmt(srv, "/api/v1/audit/export?from=%s&to=%s", local_day(srv, -1),
		     local_day(srv, 0)),
		 NULL);
	assert_int_equal(r->status, 200);
	assert_contains(r->body, fmt(srv, "\"anchor_hash\":\"%s\"", anchor));
	server_stop(srv);
	write_all(file, r->body, r->body_len);
	assert_int_equal(run_cli(srv, "audit", "verify-export", file).code, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(purge_refuses_rows_younger_than_400_days, setup_demo,
						teardown_server),
		cmocka_unit_test_setup_teardown(purge_keeps_the_chain_verifiable_from_its_anchor,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(auditor_exports_a_range_that_verifies_elsewhere,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(export_after_a_purge_starts_at_the_anchor,
						setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
