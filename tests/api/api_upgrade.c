/* api_upgrade.c — a Precinct upgraded under its running servers (issue 14:
 * a city's servers are upgraded one by one, and the first new one migrates
 * the database). An older server must not write into a schema its rules and
 * columns no longer describe: it stops writing within a couple of seconds,
 * says so on GET /health, and lets reads go on. (A server of an older
 * binary that restarts is refused at its start: api_backup
 * cli_usage_errors_exit_2.) Runs on both stores. */
#include "harness.h"
#include "case_util.h"

#include <string.h>
#include <unistd.h>

#define API "/api/v1"

/* A 110 call from house n of 升级路 (one place twice is a suspected duplicate). */
static const char *call_from(struct server *srv, int n)
{
	return fmt(srv, "{\"source\":\"110\",\"caller_name\":\"报警人\",\"caller_phone\":\"13912345678\","
			"\"place\":\"城关镇升级路%d号\",\"category\":\"0201\",\"summary\":\"升级期间报警\"}",
		   n);
}

/* A rolling upgrade: a newer Precinct migrates the database while this
 * server still runs (schema version 9999 stands for it). Within a couple of
 * seconds the server stops writing — 503 SCHEMA_TOO_NEW, and GET /health
 * says so for the monitoring — while reads go on; it writes again only
 * once it is restarted on a database it knows. */
STORY(a_newer_migration_under_a_running_server_stops_its_writes)
{
	struct session *jj = login(srv, "jiejing", DEMO_PW);
	struct resp *r = NULL;
	int refused = 0, house = 1;

	EXPECT(http(srv, jj, "POST", API "/incidents", call_from(srv, house++)), 201);
	assert_int_equal(db_raw_exec(srv->db, "INSERT INTO schema_version VALUES (9999, '9999_future.sql', 0)"),
			 SQLITE_OK);
	srv->allow_5xx = 1;
	for (int i = 0; i < 200 && !refused; i++) {
		r = http(srv, jj, "POST", API "/incidents", call_from(srv, house++));
		if (r->status == 503)
			refused = 1;
		else
			EXPECT(r, 201); /* sent before the server could know */
		if (!refused)
			usleep(50 * 1000);
	}
	assert_true(refused);
	assert_error(srv, r, 503, "SCHEMA_TOO_NEW");
	assert_non_null(strstr(rstr(r, "error.message"), "结构版本 9999"));
	assert_error(srv, http(srv, NULL, "GET", API "/health", NULL), 503, "SCHEMA_TOO_NEW");
	srv->allow_5xx = 0;
	EXPECT(http(srv, jj, "GET", API "/incidents", NULL), 200);
	assert_true(server_logged(srv, "ALERT: the database was migrated to schema version 9999") > 0);
	/* the upgrade undone (the stand-in row removed): after a restart it writes */
	assert_int_equal(db_raw_exec(srv->db, "DELETE FROM schema_version WHERE version = 9999"), SQLITE_OK);
	server_stop(srv);
	server_start(srv);
	jj = login(srv, "jiejing", DEMO_PW);
	EXPECT(http(srv, jj, "POST", API "/incidents", call_from(srv, house++)), 201);
	EXPECT(http(srv, NULL, "GET", API "/health", NULL), 200);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_newer_migration_under_a_running_server_stops_its_writes,
						setup_demo, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
