/* audit_split.c — issue 14, "audited reads that do not slow every reader":
 * does writing the read-audit rows into a separate SQLite file keep the
 * readers' page caches, and what is it worth? Measured here without the
 * server, on the store alone, both ways in the same run, rounds alternated
 * so that the machine's load falls on both alike.
 *
 *   audit_split --dir DIR [--rows N] [--seconds S] [--rounds R] [--sync-normal]
 *
 * DIR/main.db holds a person table of N rows (default 200 000, ~300 bytes
 * each: many pages) and an audit table; DIR/audit.db another audit table.
 * Both WAL, synchronous=FULL (--sync-normal: NORMAL, commits without an
 * fsync, i.e. as often as a fast disk allows), the server's cache (16 MB)
 * and no memory map.
 * Two reader threads, each on its own connection to main.db, answer "audited
 * reads": a read transaction with a primary-key lookup and a lookup by the
 * unique id number, and one audit row owed. One writer thread (the group
 * committer) commits, about every millisecond, the audit rows owed so far:
 *   main:     into main.db's audit table (today: the same file, the same WAL);
 *   separate: into audit.db's (a file of its own).
 * In WAL mode a connection that starts a read transaction after another
 * connection committed to its file drops its whole page cache, so in "main"
 * every read after a commit re-reads its pages from the OS.
 *
 * Prints per variant the median of the rounds: reads/s, the readers' CPU
 * per read (RUSAGE_THREAD: robust to other processes' load, unlike the
 * rate), audit rows committed/s and commits/s; and the ratio separate/main. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define READERS 2
#define MAX_ROUNDS 20

static const char *dir = "/tmp";
static long nrows = 200000;
static double seconds = 3.0;
static int rounds = 6;
static const char *sync_mode = "FULL";

static atomic_int stop;
static atomic_long owed;

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double thread_cpu_s(void)
{
	struct rusage u;

	getrusage(RUSAGE_THREAD, &u);
	return (double)u.ru_utime.tv_sec + (double)u.ru_utime.tv_usec / 1e6 +
	       (double)u.ru_stime.tv_sec + (double)u.ru_stime.tv_usec / 1e6;
}

static void die(const char *what, sqlite3 *db)
{
	fprintf(stderr, "audit_split: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
	exit(1);
}

static void exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "audit_split: %s: %s\n", sql, msg ? msg : "");
		exit(1);
	}
}

static sqlite3 *open_db(const char *name)
{
	char path[4096];
	sqlite3 *db;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (sqlite3_open(path, &db) != SQLITE_OK)
		die(path, db);
	sqlite3_busy_timeout(db, 5000);
	char sql[160];

	snprintf(sql, sizeof(sql), "PRAGMA journal_mode=WAL; PRAGMA synchronous=%s;"
		 " PRAGMA cache_size=-16384; PRAGMA mmap_size=0;", sync_mode);
	exec(db, sql);
	return db;
}

static const char audit_ddl[] =
	"CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL,"
	" username TEXT, action TEXT NOT NULL, object_type TEXT, object_id TEXT,"
	" prev_hash TEXT NOT NULL, hash TEXT NOT NULL)";

static void setup(void)
{
	sqlite3 *db = open_db("main.db");
	sqlite3_stmt *st;
	char pad[201];

	exec(db, "CREATE TABLE IF NOT EXISTS person (id INTEGER PRIMARY KEY, id_number TEXT NOT NULL"
		 " UNIQUE, name TEXT NOT NULL, address TEXT, pad TEXT)");
	exec(db, audit_ddl);
	if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM person", -1, &st, NULL) != SQLITE_OK)
		die("count", db);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) == nrows) {
		sqlite3_finalize(st);
		sqlite3_close(db);
		goto audit_file;
	}
	sqlite3_finalize(st);
	exec(db, "DELETE FROM person; PRAGMA synchronous=OFF; BEGIN");
	memset(pad, 'x', 200);
	pad[200] = '\0';
	if (sqlite3_prepare_v2(db, "INSERT INTO person(id, id_number, name, address, pad) VALUES (?,?,?,?,?)",
			       -1, &st, NULL) != SQLITE_OK)
		die("insert", db);
	for (long i = 1; i <= nrows; i++) {
		char num[32], name[32], addr[64];

		snprintf(num, sizeof(num), "14010219%06ld%04ld", i % 1000000, (i * 7919) % 10000);
		snprintf(name, sizeof(name), "张%ld", i % 9973);
		snprintf(addr, sizeof(addr), "城关社区%ld号楼%ld单元%ld室", i % 200, i % 6, i % 40);
		sqlite3_bind_int64(st, 1, i);
		sqlite3_bind_text(st, 2, num, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, addr, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, pad, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			die("insert row", db);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	exec(db, "COMMIT; PRAGMA synchronous=FULL; PRAGMA wal_checkpoint(TRUNCATE)");
	sqlite3_close(db);
audit_file:
	db = open_db("audit.db");
	exec(db, audit_ddl);
	sqlite3_close(db);
}

/* ---- one round ---- */

struct reader {
	pthread_t th;
	unsigned seed;
	long reads;
	double cpu;
};

static void *reader_main(void *arg)
{
	struct reader *r = arg;
	sqlite3 *db = open_db("main.db");
	sqlite3_stmt *by_id, *by_number;
	double c0 = thread_cpu_s();

	if (sqlite3_prepare_v2(db, "SELECT id_number, name, address, pad FROM person WHERE id = ?", -1,
			       &by_id, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT id, name FROM person WHERE id_number = ?", -1, &by_number,
			       NULL) != SQLITE_OK)
		die("reader prepare", db);
	while (!atomic_load(&stop)) {
		long id = (long)(rand_r(&r->seed) % (unsigned)nrows) + 1;
		char num[32];

		exec(db, "BEGIN");
		sqlite3_bind_int64(by_id, 1, id);
		if (sqlite3_step(by_id) != SQLITE_ROW)
			die("read by id", db);
		snprintf(num, sizeof(num), "%s", (const char *)sqlite3_column_text(by_id, 0));
		sqlite3_reset(by_id);
		sqlite3_bind_text(by_number, 1, num, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(by_number) != SQLITE_ROW)
			die("read by number", db);
		sqlite3_reset(by_number);
		exec(db, "COMMIT");
		r->reads++;
		atomic_fetch_add(&owed, 1);
	}
	r->cpu = thread_cpu_s() - c0;
	sqlite3_finalize(by_id);
	sqlite3_finalize(by_number);
	sqlite3_close(db);
	return NULL;
}

struct writer {
	pthread_t th;
	const char *file;
	long rows, commits;
};

static void *writer_main(void *arg)
{
	struct writer *w = arg;
	sqlite3 *db = open_db(w->file);
	sqlite3_stmt *head, *ins;
	char prev[65] = "0000000000000000000000000000000000000000000000000000000000000000";

	if (sqlite3_prepare_v2(db, "SELECT hash, id FROM audit ORDER BY id DESC LIMIT 1", -1, &head,
			       NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO audit(id, at_ms, username, action, object_type, object_id,"
				   " prev_hash, hash) VALUES (?,?,'minjing1','person.read','person',?,?,?)",
			       -1, &ins, NULL) != SQLITE_OK)
		die("writer prepare", db);
	while (!atomic_load(&stop)) {
		long n = atomic_exchange(&owed, 0);
		long id = 1;

		if (n == 0) {
			usleep(200);
			continue;
		}
		exec(db, "BEGIN IMMEDIATE");
		if (sqlite3_step(head) == SQLITE_ROW) {
			snprintf(prev, sizeof(prev), "%s", (const char *)sqlite3_column_text(head, 0));
			id = sqlite3_column_int64(head, 1) + 1;
		}
		sqlite3_reset(head);
		for (long i = 0; i < n; i++, id++) {
			char hash[65], oid[24];

			/* a stand-in for the chain hash: what matters here is the write */
			snprintf(hash, sizeof(hash), "%016lx%048lx", (unsigned long)id,
				 (unsigned long)(id * 2654435761UL));
			snprintf(oid, sizeof(oid), "%ld", id % nrows + 1);
			sqlite3_bind_int64(ins, 1, id);
			sqlite3_bind_int64(ins, 2, (sqlite3_int64)(now_s() * 1000));
			sqlite3_bind_text(ins, 3, oid, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(ins, 4, prev, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(ins, 5, hash, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(ins) != SQLITE_DONE)
				die("audit insert", db);
			sqlite3_reset(ins);
			memcpy(prev, hash, sizeof(prev));
		}
		exec(db, "COMMIT");
		w->rows += n;
		w->commits++;
		usleep(1000); /* the committer's next batch */
	}
	sqlite3_finalize(head);
	sqlite3_finalize(ins);
	sqlite3_close(db);
	return NULL;
}

struct result {
	double reads_per_s, cpu_us_per_read, rows_per_s, commits_per_s;
};

static struct result round_of(const char *audit_file, unsigned seed)
{
	struct reader rd[READERS];
	struct writer w = { .file = audit_file };
	struct result res;
	double t0, t, cpu = 0;
	long reads = 0;

	atomic_store(&stop, 0);
	atomic_store(&owed, 0);
	memset(rd, 0, sizeof(rd));
	t0 = now_s();
	pthread_create(&w.th, NULL, writer_main, &w);
	for (int i = 0; i < READERS; i++) {
		rd[i].seed = seed + (unsigned)i;
		pthread_create(&rd[i].th, NULL, reader_main, &rd[i]);
	}
	usleep((useconds_t)(seconds * 1e6));
	atomic_store(&stop, 1);
	for (int i = 0; i < READERS; i++) {
		pthread_join(rd[i].th, NULL);
		reads += rd[i].reads;
		cpu += rd[i].cpu;
	}
	pthread_join(w.th, NULL);
	t = now_s() - t0;
	res.reads_per_s = (double)reads / t;
	res.cpu_us_per_read = reads ? cpu * 1e6 / (double)reads : 0;
	res.rows_per_s = (double)w.rows / t;
	res.commits_per_s = (double)w.commits / t;
	return res;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(double), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	static const char *const files[2] = { "main.db", "audit.db" };
	static const char *const names[2] = { "main", "separate" };
	double rate[2][MAX_ROUNDS], cpu[2][MAX_ROUNDS], rows[2][MAX_ROUNDS], commits[2][MAX_ROUNDS];
	double med_rate[2], med_cpu[2];

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--dir") && i + 1 < argc)
			dir = argv[++i];
		else if (!strcmp(argv[i], "--rows") && i + 1 < argc)
			nrows = atol(argv[++i]);
		else if (!strcmp(argv[i], "--seconds") && i + 1 < argc)
			seconds = atof(argv[++i]);
		else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
			rounds = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--sync-normal"))
			sync_mode = "NORMAL"; /* commits without fsync: as fast as a fast disk */
		else {
			fprintf(stderr, "usage: audit_split --dir DIR [--rows N] [--seconds S] [--rounds R]"
					" [--sync-normal]\n");
			return 2;
		}
	}
	if (rounds < 1 || rounds > MAX_ROUNDS || nrows < 1)
		return 2;
	/* as the server configures SQLite (src/store/db_sqlite.c): without
	 * global memory statistics, whose one mutex the threads would share */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	setup();
	for (int r = 0; r < rounds; r++)
		for (int k = 0; k < 2; k++) {
			int v = (r % 2) ? 1 - k : k; /* main, separate, separate, main, … */
			struct result res = round_of(files[v], 1234u + (unsigned)r * 17u);

			rate[v][r] = res.reads_per_s;
			cpu[v][r] = res.cpu_us_per_read;
			rows[v][r] = res.rows_per_s;
			commits[v][r] = res.commits_per_s;
			fprintf(stderr, "round %d %-8s %8.0f reads/s %6.1f us CPU/read %8.0f audit rows/s %5.0f commits/s\n",
				r + 1, names[v], res.reads_per_s, res.cpu_us_per_read, res.rows_per_s,
				res.commits_per_s);
		}
	for (int v = 0; v < 2; v++) {
		med_rate[v] = median(rate[v], rounds);
		med_cpu[v] = median(cpu[v], rounds);
		printf("%s_reads_per_s %.0f\n%s_cpu_us_per_read %.1f\n%s_audit_rows_per_s %.0f\n"
		       "%s_commits_per_s %.0f\n",
		       names[v], med_rate[v], names[v], med_cpu[v], names[v], median(rows[v], rounds),
		       names[v], median(commits[v], rounds));
	}
	printf("separate_over_main_reads %.2f\nseparate_over_main_cpu %.2f\n", med_rate[1] / med_rate[0],
	       med_cpu[1] / med_cpu[0]);
	return 0;
}
