/* api_crash.c — crash rounds (TRUST DUR-1, issue 13; DUR-3, issue 14).
 *
 * kill -9: 8 writers register incidents steadily and the server is killed
 * with SIGKILL at a random moment; after each kill, every request that was
 * answered 2xx is in the database, no request is written twice, PRAGMA
 * integrity_check is ok and the audit chain verifies; then the server
 * starts again on the same file for the next round. A write that committed
 * but whose answer was lost to the kill may be there (it committed whole);
 * none that was answered may be missing. Rounds: $PRECINCT_CRASH_ROUNDS
 * (default 3; `make test-long` runs 20).
 *
 * Power cut: the same, with the server run under the power-cut library
 * (powercut.c), and after the kill its files made what a power cut at that
 * instant could have left — every write since a file's last sync lost,
 * kept, torn or (past the file's end) zeroed, in any order
 * (powercut_util.h). The server answers a write
 * only once the WAL it wrote was synced (README, 写入), so the same checks
 * hold. Rounds: $PRECINCT_POWERCUT_ROUNDS (default 3; `make test-long`
 * runs 100); the first of every three loses everything not synced. A
 * server that answers before its sync (the test hook sync=skip) is caught
 * by the same rounds: the story that shows the check can fail.
 *
 * Beside the writers, a reader (a beat officer opening a person's record,
 * a read of personal data, on four connections) runs in every round: each
 * read answered 200 has its row in the read-audit file (AUD-1) after the
 * kill or the cut. */
#include "harness.h"
#include "load_util.h"
#include "powercut_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The file after a crash: sound, its audit chain whole, and each
 * incident of the round with its audit row and no audit row without its
 * incident (each transaction whole or absent). */
static void check_file(struct server *srv, const char *what, int round, const char *tag, int rows)
{
	struct cli_result c;

	assert_string_equal(db_raw_text(srv, srv->db, "PRAGMA integrity_check"), "ok");
	c = run_cli(srv, "audit", "verify", "--db", srv->db);
	if (c.code != 0)
		fail_msg("%s round %d: audit chain broken: %s", what, round + 1, c.err);
	assert_int_equal(db_raw_int(srv->db,
				    "SELECT COUNT(*) FROM audit a JOIN incident i ON"
				    " i.incident_no = a.object_id WHERE a.action ="
				    " 'incident.create' AND i.place LIKE ?",
				    fmt(srv, "%s%%", tag)),
			 rows);
}

/* ---- the reader ---- */

#define READS_MAX 200000

#define READERS 4

struct reader {
	char url[200], cookie[200];
	atomic_int stop;
	atomic_int n;    /* reads answered 200, their request ids below */
	char (*rid)[40];
	pthread_t th[READERS];
};

static size_t reader_header(char *p, size_t size, size_t n, void *arg)
{
	char *rid = arg;
	size_t len = size * n;

	if (len > 14 && strncasecmp(p, "X-Request-Id: ", 14) == 0)
		snprintf(rid, 40, "%.*s", (int)strcspn(p + 14, "\r\n"), p + 14);
	return len;
}

static void *reader_main(void *arg)
{
	struct reader *rd = arg;
	struct curl_slist *h = curl_slist_append(NULL, rd->cookie);
	CURL *c = curl_easy_init();
	char rid[40];

	if (!c)
		return NULL;
	load_easy(c, rd->url, h);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, reader_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, rid);
	while (!atomic_load(&rd->stop) && atomic_load(&rd->n) < READS_MAX) {
		long code = 0;

		rid[0] = '\0';
		if (curl_easy_perform(c) == CURLE_OK)
			curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
		if (code == 200 && rid[0]) {
			int i = atomic_fetch_add(&rd->n, 1);

			if (i < READS_MAX)
				memcpy(rd->rid[i], rid, sizeof(rid));
		} else {
			usleep(20000); /* the server is gone: do not spin */
		}
	}
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return NULL;
}

/* A beat officer (minjing1) opening the first person of the list, again
 * and again, on four connections, until reader_stop: the read-audit file
 * is written and synced all the time, beside the writers' main file. */
static struct reader *reader_start(struct server *srv)
{
	struct session *mj = login(srv, "minjing1", DEMO_PW);
	struct resp *r = http(srv, mj, "GET", "/api/v1/persons?per_page=1", NULL);
	struct reader *rd = calloc(1, sizeof(*rd));

	assert_non_null(rd);
	assert_int_equal(r->status, 200);
	rd->rid = calloc(READS_MAX, sizeof(*rd->rid));
	assert_non_null(rd->rid);
	snprintf(rd->url, sizeof(rd->url), "%s/api/v1/persons/%lld", srv->base, rnum(r, "items.0.id"));
	snprintf(rd->cookie, sizeof(rd->cookie), "Cookie: %s", mj->cookie);
	for (int i = 0; i < READERS; i++)
		if (pthread_create(&rd->th[i], NULL, reader_main, rd) != 0)
			fail_msg("pthread_create failed");
	return rd;
}

static void reader_stop(struct reader *rd)
{
	atomic_store(&rd->stop, 1);
	for (int i = 0; i < READERS; i++)
		pthread_join(rd->th[i], NULL);
	if (atomic_load(&rd->n) > READS_MAX)
		atomic_store(&rd->n, READS_MAX);
}

/* The reads answered 200 whose audit row is not in the file. */
static int reader_missing(struct reader *rd, const char *db_path)
{
	sqlite3 *db = db_raw_open(db_path);
	sqlite3_stmt *st;
	int missing = 0;

	if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM audit_read WHERE request_id = ?1", -1, &st, NULL) !=
	    SQLITE_OK)
		fail_msg("prepare: %s", sqlite3_errmsg(db));
	for (int i = 0; i < atomic_load(&rd->n); i++) {
		sqlite3_bind_text(st, 1, rd->rid[i], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW)
			fail_msg("audit_read: %s", sqlite3_errmsg(db));
		if (sqlite3_column_int(st, 0) < 1 && !missing++)
			print_message("read %s was answered 200 but has no audit row\n", rd->rid[i]);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return missing;
}

static void reader_free(struct reader *rd)
{
	if (rd)
		free(rd->rid);
	free(rd);
}

/* The reader, and 8 writers as the 110 desk until at least 50..449
 * answers, plus 0..99 ms; then kill -9. The writers and the reader are
 * stopped; their answers stay in the load and the reader. */
static struct load *load_then_kill(struct server *srv, const char *tag, int *wait_for, struct reader **rd)
{
	struct session *jj = login(srv, "jiejing", DEMO_PW);
	struct load *l;

	*rd = reader_start(srv);
	l = load_start(srv, jj, tag, 8);

	*wait_for = 50 + rand() % 400;
	load_wait_ok(l, *wait_for, 60000);
	usleep((useconds_t)(rand() % 100) * 1000);
	server_kill9(srv);
	load_stop(l);
	reader_stop(*rd);
	return l;
}

static int rounds_of(const char *name, int dflt)
{
	const char *env = getenv(name);

	return env && atoi(env) > 0 ? atoi(env) : dflt;
}

STORY(kill_9_under_8_writers_loses_no_answered_write)
{
	int rounds = rounds_of("PRECINCT_CRASH_ROUNDS", 3);
	long long total_answered = 0;

	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	for (int round = 0; round < rounds; round++) {
		const char *tag = fmt(srv, "城关镇崩溃%d街", round);
		int wait_for, answered, rows;
		struct reader *rd;
		struct load *l = load_then_kill(srv, tag, &wait_for, &rd);

		load_check_db(l, srv->db, 0, &answered, &rows);
		print_message("round %d: killed after %d answers; %d answered 2xx, %d rows in the"
			      " database (%d committed, answer lost); %d reads answered\n",
			      round + 1, wait_for, answered, rows, rows - answered, rd->n);
		assert_int_equal(reader_missing(rd, srv->db), 0);
		assert_true(rows >= answered);
		assert_true(answered >= wait_for);
		check_file(srv, "kill -9", round, tag, rows);
		total_answered += answered;
		load_free(l);
		reader_free(rd);
		server_start(srv);
	}
	print_message("%d kill -9 rounds: %lld answered writes, none lost\n", rounds,
		      total_answered);
}

STORY(power_cut_under_8_writers_loses_no_answered_write)
{
	int rounds = rounds_of("PRECINCT_POWERCUT_ROUNDS", 3);
	const char *log = srv_path(srv, "powercut.log");
	long long total_answered = 0, total_unsynced = 0, total_undone = 0;
	struct session *chief = NULL;

	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	server_stop(srv);
	for (int round = 0; round < rounds; round++) {
		const char *tag = fmt(srv, "城关镇断电%d街", round);
		int fate = round % 3 == 0 ? PC_FATE_LOST : PC_FATE_RANDOM;
		int wait_for, answered, rows;
		struct pc_stats st;
		struct reader *rd;
		struct load *l;

		powercut_start(srv, log, NULL);
		/* the chief signed in before the last cut is still signed in */
		if (chief)
			assert_int_equal(http(srv, chief, "GET", "/api/v1/me", NULL)->status, 200);
		chief = login(srv, "suozhang", DEMO_PW);
		l = load_then_kill(srv, tag, &wait_for, &rd);
		powercut_apply(srv, log, srv->db, fate, &st);
		load_check_db(l, srv->db, 0, &answered, &rows);
		print_message("round %d: power cut after %d answers; %d writes of %d files after their"
			      " last sync (%d kept, %d lost, %d torn, %d zeroed); %d answered 2xx, %d rows"
			      " in the database; %d reads answered\n",
			      round + 1, wait_for, st.unsynced, st.files, st.kept, st.lost, st.torn,
			      st.zeroed, answered, rows, rd->n);
		assert_int_equal(reader_missing(rd, srv->db), 0);
		assert_true(answered >= wait_for);
		check_file(srv, "power cut", round, tag, rows);
		total_answered += answered;
		total_unsynced += st.unsynced;
		total_undone += st.lost + st.torn + st.zeroed;
		load_free(l);
		reader_free(rd);
	}
	/* a cut that took nothing away would prove nothing */
	assert_true(total_undone > 0);
	print_message("%d power cuts: %lld answered writes, none lost; %lld writes after a sync,"
		      " %lld of them lost, torn or zeroed\n",
		      rounds, total_answered, total_unsynced, total_undone);
}

/* The kill in the middle of a write: the server stops inside its next
 * write of the store's files (a WAL's, in practice: the committer's; the
 * record logged, nothing of it written, then in a second round the first
 * half), and in a third inside a checkpoint's write of the database file
 * itself (half of it written; a page whose halves differ is then torn,
 * and only the WAL can mend it),
 * while 8 writers and the reader go on, and is killed there. The replay
 * finds how much of it had landed, and the cut keeps the same promises. */
STORY(a_write_cut_in_the_middle_is_replayed_as_far_as_it_landed)
{
	const char *log = srv_path(srv, "powercut.log");

	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	server_stop(srv);
	static const char *const stall[] = { "none@-wal", "half@-wal", "half@/t.db" };

	for (int round = 0; round < 3; round++) {
		const char *tag = fmt(srv, "城关镇中断%d街", round);
		struct session *jj;
		int answered, rows;
		struct pc_stats st;
		struct reader *rd;
		struct load *l;

		powercut_start(srv, log, stall[round]);
		jj = login(srv, "jiejing", DEMO_PW);
		rd = reader_start(srv);
		l = load_start(srv, jj, tag, 8);
		load_wait_ok(l, 50 + rand() % 200, 60000);
		powercut_stall(srv, log);
		usleep(200 * 1000); /* the others pile up behind it */
		server_kill9(srv);
		load_stop(l);
		reader_stop(rd);
		powercut_apply(srv, log, srv->db, PC_FATE_RANDOM, &st);
		load_check_db(l, srv->db, 0, &answered, &rows);
		print_message("round %d: killed in a write of %s: %lld of its %lld bytes found; %d writes"
			      " of %d files after their last sync (%d kept, %d lost, %d torn); %d answered"
			      " 2xx, %d rows; %d reads answered\n",
			      round + 1, st.last_path, st.landed, st.last_len, st.unsynced, st.files, st.kept,
			      st.lost, st.torn, answered, rows, rd->n);
		/* the log ends with the write it stopped in: nothing of it on
		 * the file (the replay found it had not landed), or half of it
		 * at least (the rest may match what was there) */
		assert_int_equal(st.last_write, 1);
		if (round == 0) {
			assert_int_equal(st.interrupted, 1);
			assert_true(st.landed < st.last_len / 2);
		} else {
			assert_true(st.landed >= st.last_len / 2);
		}
		if (round == 2)
			assert_string_equal(st.last_path, srv->db);
		else
			assert_non_null(strstr(st.last_path, "-wal"));
		assert_int_equal(reader_missing(rd, srv->db), 0);
		check_file(srv, "write cut", round, tag, rows);
		load_free(l);
		reader_free(rd);
	}
}

/* The check can fail: a server that answers before the WAL it wrote is
 * synced (sync=skip) loses answered writes to a power cut that keeps
 * nothing unsynced — within five rounds, in practice the first. */
STORY(a_server_that_answers_before_its_sync_loses_answered_writes)
{
	const char *log = srv_path(srv, "powercut.log"), *hook = srv_path(srv, "store-fault");
	int missing = 0, round;

	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	server_stop(srv);
	setenv("PRECINCT_TEST_STORE_FAULT_FILE", hook, 1);
	for (round = 0; round < 5 && !missing; round++) {
		const char *tag = fmt(srv, "城关镇未同步%d街", round);
		int wait_for, answered, rows, unaudited;
		struct pc_stats st;
		struct reader *rd;
		struct load *l;
		FILE *f;

		powercut_start(srv, log, NULL);
		f = fopen(hook, "w");
		assert_non_null(f);
		fputs("sync=skip\n", f);
		fclose(f);
		l = load_then_kill(srv, tag, &wait_for, &rd);
		powercut_apply(srv, log, srv->db, PC_FATE_LOST, &st);
		load_scan_db(l, srv->db, 0, &answered, &rows, &missing);
		unaudited = reader_missing(rd, srv->db);
		print_message("round %d (sync skipped): %d writes after the last sync, all lost;"
			      " %d answered 2xx, %d rows, %d answered and missing; %d of %d reads"
			      " answered without their audit row\n",
			      round + 1, st.unsynced, answered, rows, missing, unaudited, rd->n);
		/* what is there is still whole: SQLite's WAL keeps it consistent */
		check_file(srv, "sync skipped", round, tag, rows);
		load_free(l);
		reader_free(rd);
	}
	unsetenv("PRECINCT_TEST_STORE_FAULT_FILE");
	if (!missing)
		fail_msg("a server that skips its sync lost no answered write to %d power cuts: the"
			 " power-cut check cannot fail",
			 round);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(kill_9_under_8_writers_loses_no_answered_write,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(power_cut_under_8_writers_loses_no_answered_write,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(a_write_cut_in_the_middle_is_replayed_as_far_as_it_landed,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(a_server_that_answers_before_its_sync_loses_answered_writes,
						setup_demo, teardown_server),
	};

	if (getenv("PRECINCT_TEST_FILTER"))
		cmocka_set_test_filter(getenv("PRECINCT_TEST_FILTER"));
	return cmocka_run_group_tests(tests, NULL, NULL);
}
