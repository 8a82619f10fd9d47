/* clocks.h — every legal clock that is running, computed from the records
 * at the moment of asking (issue 4): coercive measures and their
 * milestones, case limits, delivery, property hand-over, archiving. The
 * sweep records each BREACH once (a permanent 执法监督 record). */
#ifndef PS_DOMAIN_CLOCKS_H
#define PS_DOMAIN_CLOCKS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"
#include "rules/clock.h"

enum clock_scope {
	SCOPE_MINE,     /* cases where I am a case officer */
	SCOPE_UNIT,     /* my unit and below (a station chief's board) */
	SCOPE_ALL,      /* everything (the sweep) */
};

/* ---- clock sources --------------------------------------------------
 * Each module that starts legal clocks reports its running ones through
 * one function, listed once in its area's clocks.def (collected into
 * domain/clocks/clock_sources.c); the engine
 * (clocks_collect) asks every source, computes levels with the warning
 * policy and sorts. A source reads its records within the scope (one
 * clocks_scan below) and calls clocks_add for each clock, with the period
 * from the rule catalog. */
struct clock_sink;
typedef int (*clock_source_fn)(struct clock_sink *k, enum clock_scope s);
struct clock_source {
	const char *name;
	clock_source_fn collect;
	/* the action that lets a user read the records it times (its list):
	 * the board shows a reader only what their role may read (ACL-1; an
	 * auxiliary saw 重点人员 here that key_person.list refuses) */
	int read_action;
};
extern const struct clock_source clock_sources[]; /* NULL-name terminated */

/* The request and the holiday calendar of the collection; its error so far. */
struct ctx *clocks_sink_ctx(struct clock_sink *k);
const struct calendar *clocks_sink_calendar(struct clock_sink *k);
int clocks_sink_rc(struct clock_sink *k);

/* Report one clock. r gives case_id, case_no, unit_id, unit_name; rule is a
 * catalog rule id (or NULL); [start, end) the period in unit; measure_id and
 * person may be 0 / NULL; act says what ends it. warn_at (0 = the policy's)
 * is a rule row's own WARN point. On allocation failure the sink records
 * PS_ENOMEM and further calls do nothing. */
void clocks_add(struct clock_sink *k, json_t *r, const char *key, const char *rule,
		const char *label, int64_t start, int64_t end, enum clock_unit unit,
		int64_t measure_id, const char *person, const char *act);
void clocks_add_warn(struct clock_sink *k, json_t *r, const char *key, const char *rule,
		     const char *label, int64_t start, int64_t end, enum clock_unit unit,
		     int64_t measure_id, const char *person, const char *act, int64_t warn_at);

/* ---- a source over one query ----------------------------------------
 * The shape the sources share: read the open records within the board's
 * scope, show each under a unit with a title, report its clocks. A source
 * fills a clock_scan and calls clocks_scan, which: reports nothing on a
 * SCOPE_MINE board for the station's work; reads the rows (sql with its
 * binds, or rows()); sets unit_id / unit_name / case_no on each row from the
 * named columns (case_no also sets case_id null: not a case's clock); calls
 * each(). Binds, one letter a '?' in order:
 *   l  the scope as a path LIKE ("/%" for the sweep, else the reader's)
 *   m  the officer of a SCOPE_MINE board (0 on the others)
 *   s  the reader's station on a board (0 for the sweep)
 *   d  today "YYYY-MM-DD" (Asia/Shanghai)   n  now (unix seconds)
 *   i  the next of ints[]                    t  the next of texts[] */
struct clock_scan {
	int station_work;
	const char *sql;
	const char *binds;
	int64_t ints[2];
	const char *texts[2];
	/* instead of sql: the rows within like (mine: as 'm') */
	int (*rows)(struct ctx *c, const char *like, int64_t mine, json_t **out);
	const char *unit_col, *unit_name_col, *title_col;
	/* one row's clocks (clocks_add); non-zero stops the scan with it */
	int (*each)(struct clock_sink *k, json_t *r, void *arg);
	void *arg;
};
int clocks_scan(struct clock_sink *k, enum clock_scope s, const struct clock_scan *d);

/* The scope over a case (police_case k, org_unit o): binds "lmm" — the
 * officer's own cases on SCOPE_MINE (main or co officer). */
#define CLOCKS_SCOPE_SQL                                                                   \
	" o.path LIKE ? AND (? = 0 OR EXISTS (SELECT 1 FROM case_officer x WHERE x.case_id = k.id" \
	" AND x.user_id = ? AND x.duty IN ('main','co')))"

/* The sources (each in its module's file). */
int measures_clocks(struct clock_sink *k, enum clock_scope s);
int cases_clocks(struct clock_sink *k, enum clock_scope s);
int property_clocks(struct clock_sink *k, enum clock_scope s);
int key_persons_clocks(struct clock_sink *k, enum clock_scope s);

/* The running clocks at ctx->now as a JSON array, most urgent first. Each:
 * {"key","rule","label","case_id","case_no","measure_id","person","unit_id",
 *  "unit_name","start","deadline","unit","level","level_label","act"}.
 * min_level filters (LEVEL_OK lists all). */
/* A board from URGENT also lists a WARN clock with less than a day left. */
#define CLOCKS_SOON_SECONDS 86400

int clocks_collect(struct ctx *c, enum clock_scope scope, enum warn_level min_level,
		   json_t **out);

/* The same asked with filters, holding only what is answered: case_id (0:
 * every case's) keeps one case's clocks; keep (0: all) the most urgent
 * keep of them after the skip most urgent (a page), holding at most
 * 2 × (skip + keep) at any time; out NULL counts without listing.
 * counts[level] and total get every clock that matched, listed or not. */
struct clock_ask {
	enum clock_scope scope;
	enum warn_level min;
	int64_t case_id;
	size_t skip, keep;
	int64_t counts[LEVEL_BREACH + 1]; /* out */
	int64_t total;                    /* out */
};
int clocks_ask(struct ctx *c, struct clock_ask *a, json_t **out);

/* The holiday calendar from the database (arena memory). */
int clocks_calendar(struct ctx *c, struct calendar *cal);

/* The warning thresholds from the settings. */
void clocks_policy(struct ctx *c, struct warn_policy *p);

/* Record every BREACH within the reader's scope that has no breach row yet
 * (audited). *recorded gets the count. Runs in the caller's write
 * transaction. */
int clocks_sweep(struct ctx *c, int *recorded);

/* The same in two steps, so that the county-wide scan needs no write lock:
 * the BREACHes without a breach row (a new JSON array; a read), then
 * recording them (the caller's write transaction; one recorded meanwhile
 * is left as it is). */
int clocks_sweep_due(struct ctx *c, json_t **due);
int clocks_sweep_record(struct ctx *c, json_t *due, int *recorded);

/* The due BREACHes handed to record as the scan finds them, batch at a
 * time (each batch sorted as clocks_collect sorts): the scan of a county
 * with a backlog of running clocks holds one batch, and each write the
 * caller makes of one stays short. record runs while the scan's read
 * transaction is open, so it writes through another connection (the
 * committer); its non-zero answer stops the scan and is returned. */
int clocks_sweep_batches(struct ctx *c, size_t batch, int (*record)(struct ctx *c, json_t *due, void *arg),
			 void *arg);

/* The ADM-CASE-30D deadline of an admin case now (0 when it has none). */
int clocks_case_limit(struct ctx *c, int64_t case_id, int64_t *deadline);

/* 1 when a BREACH (recorded or not) that is not answered stands on the
 * party's measures in this case; *rule / *label name it. For blocking
 * further questioning after the period ran out. */
int clocks_party_blocked(struct ctx *c, int64_t case_id, int64_t party_id, const char **rule,
			 const char **label);

#endif
