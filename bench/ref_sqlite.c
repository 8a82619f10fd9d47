/* ref_sqlite.c — the store references: the same SQLite statements as the
 * scenarios, without HTTP, sessions, JSON or audit, on the same database
 * and the same machine, so each scenario can be read as a ratio.
 *
 *   ref_sqlite --db PATH --scratch DIR [--seconds S] [--names FILE] [--date YYYY-MM-DD]
 *
 * Prints one `key value` line per figure (read by run.sh):
 *   pk_lookups_per_s        police_case by id, 2 threads (one connection each)
 *   case_file_per_s         the 15 statements of one case file (GET /cases/{id}), 2 threads
 *   person_file_per_s       the 7 statements of one person record (GET /persons/{id}), 2 threads
 *                           (--reads-only and bench/read.sh; ids over the whole person table)
 *   insert_fsync_per_s      one-row transactions, WAL + synchronous=FULL (one fsync each), 1 thread
 *   batch1000_rows_per_s    1000-row transactions, WAL + synchronous=FULL
 *   join_sql_ms             the comparison join through sqlite3 (person x wanted_person)
 *   hashjoin_ms             plain C: read both id_number columns and hash-join them
 *   hashjoin_mem_ms         ... the in-memory join alone
 *   search_p50_ms search_p99_ms   the persons_search SQL (count + page) for the names
 *   daily_ms                the 13 statements of the daily report (median of 3)
 *   sweep_ms                the 4 collection statements of the warnings sweep (median of 3)
 *   open_first_query_ms     open the database and answer one primary-key lookup
 * --writes-only prints the two insert figures alone; --reads-only the three
 * read figures (and the id ranges they drew from: case_lo case_hi person_lo
 * person_hi).
 * Inserts go to a scratch database in DIR (same file system), never to PATH. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *db_path, *scratch_dir, *names_file, *report_date;
static double seconds = 3.0;
static int writes_only, reads_only;

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, sqlite3 *db)
{
	fprintf(stderr, "ref_sqlite: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
	exit(1);
}

static sqlite3 *open_db(const char *path, int readonly)
{
	sqlite3 *db;

	if (sqlite3_open_v2(path, &db, (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
						SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		die(path, db);
	sqlite3_busy_timeout(db, 5000);
	/* the server's settings (src/store/db_sqlite.c): plans that do not
	 * depend on bound values (without it every bind of a LIKE pattern
	 * re-prepares the statement), its page cache and no memory map */
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_QPSG, 1, (int *)NULL);
	sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
		     " PRAGMA trusted_schema=OFF; PRAGMA cache_size=-16384; PRAGMA mmap_size=0",
		     NULL, NULL, NULL);
	return db;
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die(sql, db);
	return st;
}

static void exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		die(sql, db);
}

static int64_t one_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = prep(db, sql);
	int64_t v = 0;

	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* run a statement to the end, reading every column as the server would */
static long drain(sqlite3_stmt *st)
{
	long n = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int nc = sqlite3_column_count(st);

		for (int i = 0; i < nc; i++)
			(void)sqlite3_column_text(st, i);
		n++;
	}
	if (rc != SQLITE_DONE)
		die(sqlite3_sql(st), sqlite3_db_handle(st));
	sqlite3_reset(st);
	return n;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double pct(double *v, int n, double p)
{
	int k;

	if (!n)
		return 0;
	qsort(v, (size_t)n, sizeof(*v), cmp_d);
	k = (int)(p / 100.0 * (n - 1) + 0.5);
	return v[k];
}

/* ---- reads by primary key and whole case files, 2 threads ---- */

static int64_t case_lo, case_hi, person_lo, person_hi;

/* The case file's own statements, as GET /cases/{id} runs them for the
 * county's 督察 (user 4): captured from the server (sqlite3_expanded_sql
 * of every step of one read, 2026-12-05), the case id made ?1 and the
 * reader ?2. Not here: the session lookup and the settings the handler
 * reads (its own work), and the audit row (the committer's). */
static const char *const case_file_sql[] = {
	"SELECT k.id, k.unit_id, k.kind, k.procedure, k.status, k.case_no, o.path, k.act_date, "
	"k.discovered_date, k.offence_code, k.title, k.complex, k.accepted_at, k.filed_at, k.decided_at, "
	"(SELECT duty FROM case_officer WHERE case_id = k.id AND user_id = ?2), (SELECT COUNT(*) FROM "
	"case_officer WHERE case_id = k.id AND duty IN ('main','co')), k.late_entry, "
	"COALESCE(k.late_approved_at, 0), CASE WHEN k.econ_reason IS NOT NULL AND k.econ_reviewed_at IS NULL "
	"THEN 1 ELSE 0 END FROM police_case k JOIN org_unit o ON o.id = k.unit_id WHERE k.id = ?1",
	"SELECT k.id, k.case_no, k.receipt_code, k.kind, k.procedure, k.status, k.title, k.offence_code, "
	"k.summary, k.source, k.incident_id, k.act_date, k.act_place, k.discovered_date, k.reported_at, "
	"k.accepted_at, k.filed_at, k.decided_at, k.closed_at, k.archived_at, k.complex, k.decline_reason, "
	"k.transfer_to, k.close_reason, k.onspot_reported_at, k.unit_id, o.name AS unit_name, o.phone AS "
	"unit_phone, o.address AS unit_address, (SELECT incident_no FROM incident WHERE id = k.incident_id) "
	"AS incident_no, k.late_entry, k.late_reason, k.late_approved_at, k.created_at, k.facts, "
	"k.report_opinion, k.report_at, k.act_area, k.jurisdiction_basis, k.jurisdiction_reason, "
	"k.econ_reason, k.econ_reviewed_at, (SELECT name FROM users WHERE id = k.econ_reviewed_by) AS "
	"econ_reviewed_by_name, (SELECT name FROM users WHERE id = k.report_by) AS report_by_name, (SELECT "
	"name FROM users WHERE id = k.late_approved_by) AS late_approved_by_name FROM police_case k JOIN "
	"org_unit o ON o.id = k.unit_id WHERE k.id = ?1",
	"SELECT co.user_id, co.duty, u.name, u.role, u.badge_no FROM case_officer co JOIN users u ON u.id = "
	"co.user_id WHERE co.case_id = ?1 ORDER BY co.id",
	"SELECT cp.id, cp.role, cp.confidential, cp.age_at_act, cp.first_offence, cp.pregnant_or_nursing, "
	"cp.guardian_name, cp.guardian_phone, p.id AS person_id, COALESCE(cp.own_name, p.name) AS name, "
	"p.id_number, p.sex, p.birth_date, (CASE WHEN cp.own_name IS NULL THEN p.phone ELSE cp.own_phone END)"
	" AS phone, (CASE WHEN cp.own_name IS NULL THEN p.address ELSE cp.own_address END) AS address, (CASE "
	"WHEN cp.own_name IS NULL THEN p.occupation ELSE cp.own_occupation END) AS occupation FROM case_party"
	" cp JOIN person p ON p.id = cp.person_id WHERE cp.case_id = ?1 ORDER BY cp.id",
	"SELECT e.id, e.at, e.action, e.from_status, e.to_status, e.detail, u.name AS user_name, u.role AS "
	"user_role FROM case_event e LEFT JOIN users u ON u.id = e.user_id WHERE e.case_id = ?1 ORDER BY e.id",
	"SELECT i.id, i.party_id, i.kind, i.version, i.supersedes_id, i.status, i.start_at, i.end_at, "
	"i.place_kind, i.place, i.recording_id, i.content_hash, COALESCE(cp.own_name, p.name) AS "
	"subject_name, cp.confidential FROM interview i JOIN case_party cp ON cp.id = i.party_id JOIN person "
	"p ON p.id = cp.person_id WHERE i.case_id = ?1 ORDER BY i.id",
	"SELECT n.id, n.party_id, n.kind, n.at, n.penalty_text, n.statement, n.waived, "
	"n.statement_missing_reason, u.name AS officer_name FROM case_notice n JOIN users u ON u.id = "
	"n.officer_id WHERE n.case_id = ?1 ORDER BY n.id",
	"SELECT pp.id, pp.party_id, pp.offence_code, pp.tier, pp.law, pp.warning, pp.fine, pp.det_days, "
	"pp.credit_days, pp.lenient, pp.lenient_reason, pp.repeat_offence, pp.exec_exempt, "
	"pp.exempt_override_reason, pp.no_penalty, pp.level, pp.status, pp.decision_no, COALESCE(cp.own_name,"
	" p.name) AS party_name FROM penalty_proposal pp JOIN case_party cp ON cp.id = pp.party_id JOIN "
	"person p ON p.id = cp.person_id WHERE pp.case_id = ?1 ORDER BY pp.id",
	"SELECT a.id, a.subject, a.step, a.role, a.unit_id, o.name AS unit_name, a.status, a.decided_at, "
	"a.opinion, u.name AS decided_by_name FROM approval a JOIN org_unit o ON o.id = a.unit_id LEFT JOIN "
	"users u ON u.id = a.decided_by WHERE a.case_id = ?1 ORDER BY a.id",
	"SELECT id, name, quantity, owner_party_id, seized_at, kept_at, keeper, status FROM case_property "
	"WHERE case_id = ?1 ORDER BY id",
	"SELECT e.id, e.kind, e.title, e.description, e.source, e.collected_at, e.interview_id, "
	"e.property_id, e.created_at, u.name AS created_by_name FROM evidence e JOIN users u ON u.id = "
	"e.created_by WHERE e.case_id = ?1 ORDER BY e.id",
	"SELECT f.id, f.old_facts, f.new_facts, f.reason, f.edited_at, u.name AS edited_by_name FROM "
	"case_facts_edit f JOIN users u ON u.id = f.edited_by WHERE f.case_id = ?1 ORDER BY f.id",
	"SELECT ne.notice_id, ne.evidence_id FROM notice_evidence ne JOIN case_notice n ON n.id = "
	"ne.notice_id WHERE n.case_id = ?1 ORDER BY ne.notice_id, ne.evidence_id",
	"SELECT a.id, a.evidence_id, a.sha256, a.size, a.mime, a.file_name, a.created_at FROM "
	"evidence_attachment a JOIN evidence e ON e.id = a.evidence_id WHERE e.case_id = ?1 ORDER BY a.id",
	"SELECT d.id, d.kind, d.doc_no, d.ref_id, d.created_at, u.name AS created_by_name, ou.name AS "
	"organ_name FROM case_document d JOIN users u ON u.id = d.created_by LEFT JOIN org_unit ou ON ou.id ="
	" COALESCE(d.organ_unit_id, (SELECT unit_id FROM police_case WHERE id = d.case_id)) WHERE d.case_id ="
	" ?1 ORDER BY d.id",
};
#define NCF (int)(sizeof(case_file_sql) / sizeof(case_file_sql[0]))

/* persons_get (src/domain/population/persons.c): the record and the six
 * lists it links to, each in the reader's scope (?2: the county's path) */
static const char *const person_file_sql[] = {
	"SELECT p.id, p.id_number, p.name, p.sex, p.birth_date, p.phone, p.address, p.occupation,"
	" p.kind, p.address_id, p.household_no, p.key_person, p.key_tags, p.compared_at, p.unit_id,"
	" o.name AS unit_name, a.community, a.building, a.unit_no, a.room"
	" FROM person p JOIN org_unit o ON o.id = p.unit_id LEFT JOIN address a ON a.id = p.address_id"
	" WHERE p.id = ? AND o.path LIKE ?",
	"SELECT r.id, r.level, r.rooms, a.community, a.building, a.unit_no, a.room FROM rental r"
	" JOIN address a ON a.id = r.address_id JOIN org_unit o ON o.id = r.station_id"
	" WHERE r.landlord_id = ? AND o.path LIKE ?",
	"SELECT t.id, t.rental_id, t.from_date, t.to_date, t.layer, a.community, a.building,"
	" a.unit_no, a.room FROM tenancy t JOIN rental r ON r.id = t.rental_id"
	" JOIN address a ON a.id = r.address_id JOIN org_unit o ON o.id = r.station_id"
	" WHERE t.person_id = ? AND o.path LIKE ? ORDER BY t.from_date DESC",
	"SELECT k.id, k.case_no, k.title, k.status, cp.role FROM case_party cp"
	" JOIN police_case k ON k.id = cp.case_id JOIN org_unit o ON o.id = k.unit_id"
	" WHERE cp.person_id = ? AND o.path LIKE ? ORDER BY k.id DESC",
	"SELECT h.id, h.status, h.hit_at, w.name, w.case_desc, w.issuing_unit FROM comparison_hit h"
	" JOIN wanted_person w ON w.id = h.wanted_id JOIN org_unit o ON o.id = h.unit_id"
	" WHERE h.person_id = ? AND o.path LIKE ? ORDER BY h.id DESC",
	"SELECT f.registered_on, f.arrived_on, f.arrival_workdays, f.arrival_late, f.permit_no,"
	" f.permit_issued_on, f.permit_expires_on, f.mode, f.layer, f.employer_id,"
	" e.name AS employer_name FROM floating_person f"
	" LEFT JOIN employer_unit e ON e.id = f.employer_id JOIN org_unit o ON o.id = f.station_id"
	" WHERE f.person_id = ? AND o.path LIKE ?",
	"SELECT l.id, l.to_unit, l.sent_on, l.answered_on, l.result, l.notes FROM inquiry_letter l"
	" JOIN org_unit o ON o.id = l.station_id WHERE l.person_id = ? AND o.path LIKE ?"
	" ORDER BY l.id DESC",
};
#define NPF (int)(sizeof(person_file_sql) / sizeof(person_file_sql[0]))

enum read_kind { READ_PK, READ_CASE_FILE, READ_PERSON_FILE };

struct reader {
	enum read_kind kind;
	double until;
	long done;
	unsigned seed;
};

static void *reader_main(void *arg)
{
	struct reader *r = arg;
	sqlite3 *db = open_db(db_path, 1);
	sqlite3_stmt *st[NCF + NPF];
	int persons = r->kind == READ_PERSON_FILE;
	int n = r->kind == READ_CASE_FILE ? NCF : persons ? NPF : 1;
	int64_t lo = persons ? person_lo : case_lo;
	uint64_t span = (uint64_t)((persons ? person_hi : case_hi) - lo + 1), x = r->seed;

	for (int i = 0; i < n; i++)
		st[i] = prep(db, r->kind == READ_CASE_FILE ? case_file_sql[i]
				 : persons ? person_file_sql[i]
					   : "SELECT * FROM police_case WHERE id = ?");
	while (now_s() < r->until) {
		for (int b = 0; b < 64; b++) {
			int64_t id;

			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			id = lo + (int64_t)((x >> 33) % span);
			/* one read transaction per request, as the server does */
			exec(db, "BEGIN");
			for (int i = 0; i < n; i++) {
				sqlite3_bind_int64(st[i], 1, id);
				if (persons)
					sqlite3_bind_text(st[i], 2, "/1/%", -1, SQLITE_STATIC);
				else if (sqlite3_bind_parameter_count(st[i]) > 1)
					sqlite3_bind_int64(st[i], 2, 4); /* the reader: ducha */
				drain(st[i]);
			}
			exec(db, "COMMIT");
			r->done++;
		}
	}
	for (int i = 0; i < n; i++)
		sqlite3_finalize(st[i]);
	sqlite3_close(db);
	return NULL;
}

static double readers(enum read_kind kind, int threads)
{
	pthread_t t[8];
	struct reader r[8];
	double t0 = now_s();
	long total = 0;

	for (int i = 0; i < threads; i++) {
		r[i] = (struct reader){ kind, t0 + seconds, 0, 12345u + (unsigned)i * 7919u };
		pthread_create(&t[i], NULL, reader_main, &r[i]);
	}
	for (int i = 0; i < threads; i++) {
		pthread_join(t[i], NULL);
		total += r[i].done;
	}
	return total / (now_s() - t0);
}

/* ---- writes into a scratch database ---- */

static void writes(double *fsync_rate, double *batch_rate)
{
	char path[4096];
	sqlite3 *db;
	sqlite3_stmt *ins;
	double t0, t;
	long n = 0;

	snprintf(path, sizeof(path), "%s/ref_scratch.db", scratch_dir);
	unlink(path);
	db = open_db(path, 0);
	exec(db, "CREATE TABLE IF NOT EXISTS incident_ref (id INTEGER PRIMARY KEY, incident_no TEXT NOT NULL UNIQUE,"
		 " received_at INTEGER NOT NULL, place TEXT NOT NULL, place_key TEXT NOT NULL, category TEXT NOT NULL,"
		 " summary TEXT NOT NULL, station_id INTEGER, status TEXT NOT NULL, created_at INTEGER NOT NULL)");
	exec(db, "CREATE INDEX IF NOT EXISTS incident_ref_place ON incident_ref(place_key, received_at)");
	ins = prep(db, "INSERT INTO incident_ref(incident_no, received_at, place, place_key, category, summary,"
		       " station_id, status, created_at) VALUES (?,?,?,?,'0501','参考写入',5,'received',?)");
	t0 = now_s();
	t = t0;
	while (t - t0 < seconds) {
		char no[32], place[64];

		snprintf(no, sizeof(no), "R%012ld", n);
		snprintf(place, sizeof(place), "参考路%ld号", n);
		exec(db, "BEGIN IMMEDIATE");
		sqlite3_bind_text(ins, 1, no, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(ins, 2, (int64_t)time(NULL));
		sqlite3_bind_text(ins, 3, place, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 4, place, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(ins, 5, (int64_t)time(NULL));
		if (sqlite3_step(ins) != SQLITE_DONE)
			die("insert", db);
		sqlite3_reset(ins);
		exec(db, "COMMIT");
		n++;
		if ((n & 15) == 0)
			t = now_s();
	}
	*fsync_rate = n / (now_s() - t0);
	t0 = now_s();
	t = t0;
	{
		long rows = 0;

		while (t - t0 < seconds) {
			exec(db, "BEGIN IMMEDIATE");
			for (int i = 0; i < 1000; i++) {
				char no[32], place[64];

				snprintf(no, sizeof(no), "B%012ld", rows);
				snprintf(place, sizeof(place), "批量路%ld号", rows);
				sqlite3_bind_text(ins, 1, no, -1, SQLITE_TRANSIENT);
				sqlite3_bind_int64(ins, 2, (int64_t)time(NULL));
				sqlite3_bind_text(ins, 3, place, -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(ins, 4, place, -1, SQLITE_TRANSIENT);
				sqlite3_bind_int64(ins, 5, (int64_t)time(NULL));
				if (sqlite3_step(ins) != SQLITE_DONE)
					die("insert", db);
				sqlite3_reset(ins);
				rows++;
			}
			exec(db, "COMMIT");
			t = now_s();
		}
		*batch_rate = rows / (t - t0);
	}
	sqlite3_finalize(ins);
	sqlite3_close(db);
	snprintf(path, sizeof(path), "%s/ref_scratch.db", scratch_dir);
	unlink(path);
	strcat(path, "-wal");
	unlink(path);
	path[strlen(path) - 4] = '\0';
	strcat(path, "-shm");
	unlink(path);
}

/* ---- the comparison: SQL join and plain C hash join ---- */

static uint64_t hash18(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (int i = 0; i < 18 && s[i]; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static void joins(double *sql_ms, double *hash_ms, double *mem_ms, long *hits_out)
{
	sqlite3 *db = open_db(db_path, 1);
	sqlite3_stmt *st;
	double t0, best = 1e18;
	long hits = 0;

	/* the statement of wanted_compare_all, twice (the second warm) */
	for (int rep = 0; rep < 2; rep++) {
		t0 = now_s();
		st = prep(db, "SELECT p.id FROM person p JOIN wanted_person w ON w.id_number = p.id_number"
			      " WHERE w.withdrawn_at IS NULL");
		hits = drain(st);
		sqlite3_finalize(st);
		if (now_s() - t0 < best)
			best = now_s() - t0;
	}
	*sql_ms = best * 1000;
	*hits_out = hits;
	/* plain C: read both columns, build a table of the wanted numbers, probe */
	best = 1e18;
	for (int rep = 0; rep < 2; rep++) {
		size_t nw = 0, cap, np = 0, pcap = 1 << 20;
		char (*wanted)[19];
		char (*pnum)[19] = malloc(pcap * 19);
		int64_t *pid = malloc(pcap * sizeof(int64_t));
		uint32_t *table;
		size_t tsize;
		long found = 0;
		double tm;

		t0 = now_s();
		cap = (size_t)one_int(db, "SELECT COUNT(*) FROM wanted_person") + 1;
		wanted = malloc(cap * 19);
		st = prep(db, "SELECT id_number FROM wanted_person WHERE withdrawn_at IS NULL");
		while (sqlite3_step(st) == SQLITE_ROW && nw < cap) {
			memcpy(wanted[nw], sqlite3_column_text(st, 0), 18);
			wanted[nw++][18] = '\0';
		}
		sqlite3_finalize(st);
		st = prep(db, "SELECT id, id_number FROM person WHERE id_number IS NOT NULL");
		while (sqlite3_step(st) == SQLITE_ROW) {
			const unsigned char *s = sqlite3_column_text(st, 1);

			if (np == pcap) {
				pcap *= 2;
				pnum = realloc(pnum, pcap * 19);
				pid = realloc(pid, pcap * sizeof(int64_t));
			}
			pid[np] = sqlite3_column_int64(st, 0);
			memcpy(pnum[np], s, 18);
			pnum[np++][18] = '\0';
		}
		sqlite3_finalize(st);
		tm = now_s();
		for (tsize = 1; tsize < nw * 2; tsize <<= 1)
			;
		table = calloc(tsize, sizeof(uint32_t)); /* index + 1 */
		for (size_t i = 0; i < nw; i++) {
			size_t h = hash18(wanted[i]) & (tsize - 1);

			while (table[h])
				h = (h + 1) & (tsize - 1);
			table[h] = (uint32_t)i + 1;
		}
		for (size_t i = 0; i < np; i++) {
			size_t h = hash18(pnum[i]) & (tsize - 1);

			while (table[h]) {
				if (!memcmp(wanted[table[h] - 1], pnum[i], 18)) {
					found++;
					break;
				}
				h = (h + 1) & (tsize - 1);
			}
		}
		*mem_ms = (now_s() - tm) * 1000;
		if (now_s() - t0 < best)
			best = now_s() - t0;
		free(table);
		free(wanted);
		free(pnum);
		free(pid);
		if (found != hits)
			fprintf(stderr, "ref_sqlite: hash join found %ld, SQL join %ld\n", found, hits);
	}
	*hash_ms = best * 1000;
	sqlite3_close(db);
}

/* ---- person search, as persons_search builds it ---- */

static const char *const search_sql[] = {
	NULL,
	NULL,
	" AND p.id IN (SELECT a.person_id FROM person_name_token a WHERE a.ch = ?1 AND a.next_ch = ?2)",
	" AND p.id IN (SELECT a.person_id FROM person_name_token a JOIN person_name_token b"
	" ON b.person_id = a.person_id AND b.pos = a.pos + 1"
	" WHERE a.ch = ?1 AND a.next_ch = ?2 AND b.ch = ?2 AND b.next_ch = ?3)",
};

#define SEARCH_FROM                                                                                   \
	" FROM person p JOIN org_unit o ON o.id = p.unit_id LEFT JOIN address a ON a.id = p.address_id" \
	" WHERE o.path LIKE '/1/%%'"

static int utf8_chars(const char *s, char out[4][8])
{
	int n = 0;

	while (*s && n < 4) {
		unsigned char u = (unsigned char)*s;
		int k = u >= 0xf0 ? 4 : u >= 0xe0 ? 3 : u >= 0xc0 ? 2 : 1;

		memcpy(out[n], s, (size_t)k);
		out[n++][k] = '\0';
		s += k;
	}
	return n;
}

static void search(double *p50, double *p99, double *worst_total)
{
	sqlite3 *db = open_db(db_path, 1);
	char names[64][64];
	int nn = 0;
	double lat[4096];
	int nl = 0;
	FILE *f = names_file ? fopen(names_file, "r") : NULL;
	sqlite3_stmt *cnt[4] = { 0 }, *page[4] = { 0 };

	*worst_total = 0;
	while (f && nn < 64 && fgets(names[nn], sizeof(names[nn]), f)) {
		names[nn][strcspn(names[nn], "\r\n")] = '\0';
		if (names[nn][0])
			nn++;
	}
	if (f)
		fclose(f);
	if (!nn) {
		strcpy(names[nn++], "张伟");
		strcpy(names[nn++], "王秀英");
	}
	for (int k = 2; k <= 3; k++) {
		char sql[2048];

		/* the count stops at 1 000, as the server's does */
		snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM (SELECT 1" SEARCH_FROM "%s LIMIT 1001)",
			 search_sql[k]);
		cnt[k] = prep(db, sql);
		snprintf(sql, sizeof(sql),
			 "SELECT p.id, p.name, p.sex, p.birth_date, p.id_number, p.phone, p.kind, p.key_person,"
			 " p.compared_at, a.community, a.building, a.unit_no, a.room" SEARCH_FROM "%s ORDER BY p.id LIMIT 20",
			 search_sql[k]);
		page[k] = prep(db, sql);
	}
	for (int rep = 0; rep < 6 && nl < 4096; rep++)
		for (int i = 0; i < nn; i++) {
			char ch[4][8];
			int n = utf8_chars(names[i], ch);
			double t0;

			if (n < 2 || n > 3)
				continue;
			t0 = now_s();
			exec(db, "BEGIN");
			for (int k = 0; k < n; k++) {
				sqlite3_bind_text(cnt[n], k + 1, ch[k], -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(page[n], k + 1, ch[k], -1, SQLITE_TRANSIENT);
			}
			if (sqlite3_step(cnt[n]) == SQLITE_ROW && sqlite3_column_int64(cnt[n], 0) > *worst_total)
				*worst_total = (double)sqlite3_column_int64(cnt[n], 0);
			sqlite3_reset(cnt[n]);
			drain(page[n]);
			exec(db, "COMMIT");
			if (rep > 0) /* the first round warms the cache */
				lat[nl++] = (now_s() - t0) * 1000;
		}
	*p50 = pct(lat, nl, 50);
	*p99 = pct(lat, nl, 99);
	for (int k = 2; k <= 3; k++) {
		sqlite3_finalize(cnt[k]);
		sqlite3_finalize(page[k]);
	}
	sqlite3_close(db);
}

/* ---- the daily report's and the sweep's statements ---- */

static double run_set(sqlite3 *db, const char *const *sql, int n, int64_t from, int64_t to)
{
	double t[3];

	for (int rep = 0; rep < 3; rep++) {
		double t0 = now_s();

		exec(db, "BEGIN");
		for (int i = 0; i < n; i++) {
			sqlite3_stmt *st = prep(db, sql[i]);

			for (int p = 1; p <= sqlite3_bind_parameter_count(st); p++)
				sqlite3_bind_int64(st, p, p % 2 ? from : to);
			drain(st);
			sqlite3_finalize(st);
		}
		exec(db, "COMMIT");
		t[rep] = (now_s() - t0) * 1000;
	}
	return pct(t, 3, 50);
}

static const char *const daily_sql[] = {
	"SELECT id, name FROM org_unit WHERE kind = 'station' AND path LIKE '/1/%' ORDER BY code",
	"SELECT station_id, COUNT(*) FROM incident WHERE received_at >= ?1 AND received_at < ?2 AND duplicate_of IS NULL"
	" AND station_id IS NOT NULL GROUP BY station_id",
	"SELECT station_id, COUNT(*) FROM incident WHERE received_at >= ?1 AND received_at < ?2 AND duplicate_of IS NULL"
	" AND category LIKE '01%' GROUP BY station_id",
	"SELECT station_id, COUNT(*) FROM incident WHERE received_at >= ?1 AND received_at < ?2 AND duplicate_of IS NULL"
	" AND category LIKE '02%' GROUP BY station_id",
	"SELECT unit_id, COUNT(*) FROM police_case WHERE accepted_at >= ?1 AND accepted_at < ?2 GROUP BY unit_id",
	"SELECT unit_id, COUNT(*) FROM police_case WHERE filed_at >= ?1 AND filed_at < ?2 GROUP BY unit_id",
	"SELECT unit_id, COUNT(*) FROM police_case WHERE closed_at >= ?1 AND closed_at < ?2"
	" AND +status IN ('closed','archived') GROUP BY unit_id",
	"SELECT k.unit_id, COUNT(DISTINCT pp.party_id) FROM police_case k CROSS JOIN penalty_proposal pp"
	" WHERE pp.case_id = k.id AND pp.status = 'approved' AND pp.no_penalty = 0 AND k.decided_at >= ?1"
	" AND k.decided_at < ?2 GROUP BY +k.unit_id",
	"SELECT i.station_id, COUNT(*) FROM incident i JOIN incident_category c ON c.code = i.category"
	" WHERE i.received_at >= ?1 AND i.received_at < ?2 AND i.duplicate_of IS NULL AND c.preventable = 1"
	" GROUP BY i.station_id",
	"SELECT i.station_id, COUNT(*) FROM incident i JOIN incident_category c ON c.code = i.category"
	" WHERE i.received_at >= ?1 - 604800 AND i.received_at < ?2 - 604800 AND i.duplicate_of IS NULL"
	" AND c.preventable = 1 GROUP BY i.station_id",
	"SELECT station_id, COUNT(*) FROM incident WHERE handled_at >= ?1 AND handled_at < ?2 AND duplicate_of IS NULL"
	" GROUP BY station_id",
	"SELECT station_id, COUNT(*) FROM incident WHERE handled_at >= ?1 AND handled_at < ?2 AND duplicate_of IS NULL"
	" AND callback_at IS NOT NULL GROUP BY station_id",
	"SELECT unit_id, COUNT(*) FROM breach WHERE answered_at IS NULL AND recorded_at >= ?2 - ?2 GROUP BY unit_id",
};

static const char *const sweep_sql[] = {
	"SELECT m.id, m.kind, m.tier, m.days, m.started_at, m.kss_at, m.family_at, m.question_at, m.family_exception,"
	" k.id, k.case_no, k.unit_id, (SELECT COUNT(*) FROM measure pm WHERE pm.case_id = m.case_id"
	" AND pm.party_id = m.party_id AND pm.kind = m.kind AND pm.id <> m.id AND pm.ended_at IS NOT NULL"
	" AND pm.ended_at > m.started_at - 0), o.name, p.name FROM measure m JOIN police_case k ON k.id = m.case_id"
	" JOIN org_unit o ON o.id = k.unit_id JOIN case_party cp ON cp.id = m.party_id JOIN person p ON p.id = cp.person_id"
	" WHERE m.status = 'active' AND o.path LIKE '/%' ORDER BY m.id",
	"SELECT k.id, k.case_no, k.unit_id, o.name, k.kind, k.status, k.complex, k.accepted_at, k.filed_at, k.decided_at,"
	" k.closed_at, k.procedure, (SELECT COALESCE(SUM(days), 0) FROM case_extension e WHERE e.case_id = k.id),"
	" (SELECT COALESCE(SUM(COALESCE(ended_at, 0) - started_at), 0) FROM case_pause cp WHERE cp.case_id = k.id)"
	" FROM police_case k JOIN org_unit o ON o.id = k.unit_id"
	" WHERE k.status NOT IN ('declined','transferred','withdrawn','archived') AND o.path LIKE '/%'",
	"SELECT cp.id, cp.name, cp.seized_at, k.id, k.case_no, k.unit_id, o.name FROM case_property cp"
	" JOIN police_case k ON k.id = cp.case_id JOIN org_unit o ON o.id = k.unit_id"
	" WHERE cp.status = 'seized' AND o.path LIKE '/%'",
	"SELECT i.id, i.incident_no, i.received_at, i.station_id, o.name, NULL, i.incident_no FROM incident i"
	" JOIN incident_category ic ON ic.code = i.category JOIN org_unit o ON o.id = i.station_id"
	" WHERE ic.violation = 1 AND i.case_id IS NULL AND i.duplicate_of IS NULL"
	" AND (i.outcome IS NULL OR i.outcome IN ('admin_case','criminal_case','other')) AND o.path LIKE '/%'",
};

static int64_t day_start(const char *ymd)
{
	int y, m, d;
	struct tm tm = { 0 };

	if (!ymd || sscanf(ymd, "%d-%d-%d", &y, &m, &d) != 3)
		return (int64_t)time(NULL) - 30 * 86400;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	return (int64_t)timegm(&tm) - 8 * 3600;
}

int main(int argc, char **argv)
{
	double a, b, c;
	long hits;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--db") && i + 1 < argc)
			db_path = argv[++i];
		else if (!strcmp(argv[i], "--scratch") && i + 1 < argc)
			scratch_dir = argv[++i];
		else if (!strcmp(argv[i], "--seconds") && i + 1 < argc)
			seconds = atof(argv[++i]);
		else if (!strcmp(argv[i], "--names") && i + 1 < argc)
			names_file = argv[++i];
		else if (!strcmp(argv[i], "--date") && i + 1 < argc)
			report_date = argv[++i];
		else if (!strcmp(argv[i], "--writes-only"))
			writes_only = 1;
		else if (!strcmp(argv[i], "--reads-only"))
			reads_only = 1;
		else {
			fprintf(stderr, "usage: ref_sqlite --db PATH --scratch DIR [--seconds S] [--names FILE]"
					" [--date YYYY-MM-DD] [--writes-only | --reads-only]\n");
			return 2;
		}
	}
	if (!db_path || !scratch_dir) {
		fprintf(stderr, "ref_sqlite: --db and --scratch are required\n");
		return 2;
	}
	/* SQLite as the server configures it (src/store/db_sqlite.c
	 * configure_once), before anything starts it: no global memory
	 * statistics. With them every allocation of every connection takes one
	 * mutex, and two reader threads ran the case file at 13 000/s instead
	 * of 45 000/s (2026-12-06): the reference then measured the mutex. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1);
	if (writes_only) { /* bench/import.sh: the insert references alone */
		writes(&a, &b);
		printf("insert_fsync_per_s %.0f\nbatch1000_rows_per_s %.0f\n", a, b);
		return 0;
	}
	{
		double t0 = now_s();
		sqlite3 *db = open_db(db_path, 1);

		case_lo = one_int(db, "SELECT MIN(id) FROM police_case");
		printf("open_first_query_ms %.2f\n", (now_s() - t0) * 1000);
		case_hi = one_int(db, "SELECT MAX(id) FROM police_case");
		person_lo = one_int(db, "SELECT MIN(id) FROM person");
		person_hi = one_int(db, "SELECT MAX(id) FROM person");
		sqlite3_close(db);
	}
	fflush(stdout);
	printf("pk_lookups_per_s %.0f\n", readers(READ_PK, 2));
	fflush(stdout);
	printf("case_file_per_s %.0f\n", readers(READ_CASE_FILE, 2));
	fflush(stdout);
	if (reads_only) { /* bench/read.sh */
		printf("person_file_per_s %.0f\n", readers(READ_PERSON_FILE, 2));
		printf("case_lo %lld\ncase_hi %lld\nperson_lo %lld\nperson_hi %lld\n", (long long)case_lo,
		       (long long)case_hi, (long long)person_lo, (long long)person_hi);
		return 0;
	}
	writes(&a, &b);
	printf("insert_fsync_per_s %.0f\nbatch1000_rows_per_s %.0f\n", a, b);
	fflush(stdout);
	joins(&a, &b, &c, &hits);
	printf("join_sql_ms %.1f\nhashjoin_ms %.1f\nhashjoin_mem_ms %.1f\njoin_hits %ld\n", a, b, c, hits);
	fflush(stdout);
	search(&a, &b, &c);
	printf("search_p50_ms %.2f\nsearch_p99_ms %.2f\nsearch_max_total %.0f\n", a, b, c);
	fflush(stdout);
	{
		sqlite3 *db = open_db(db_path, 1);
		int64_t from = day_start(report_date);

		printf("daily_ms %.2f\n", run_set(db, daily_sql, (int)(sizeof(daily_sql) / sizeof(daily_sql[0])), from,
						 from + 86400));
		printf("sweep_ms %.2f\n", run_set(db, sweep_sql, (int)(sizeof(sweep_sql) / sizeof(sweep_sql[0])), 0, 0));
		sqlite3_close(db);
	}
	return 0;
}
