/* cases.h — 执法办案: registering a report as a case, its officers and
 * parties, lists and the case file (issue 3). Transitions are in
 * case_actions.h; records of investigation in case_records.h. */
#ifndef PS_DOMAIN_CASES_H
#define PS_DOMAIN_CASES_H

#include <jansson.h>
#include <stdint.h>

#include "core/jw.h"
#include "domain/ctx.h"

struct case_input {
	const char *kind;          /* admin | criminal */
	const char *procedure;     /* normal | onspot */
	const char *title;         /* 案由 */
	const char *offence_code;  /* OF-nnn, optional at intake */
	const char *summary;
	const char *source;        /* walk_in | phone | incident | patrol | transfer_in | other */
	const char *act_date;      /* YYYY-MM-DD */
	const char *act_place;
	const char *discovered_date;
	int64_t co_officer_id;     /* a second sworn officer (ADM-OFFICERS-2) */
	int64_t assistant_id;      /* an auxiliary, optional (never counts) */
	int64_t incident_id;
	int complex;
	const char *recording_id;  /* 当场处罚 by one officer needs full recording */
	/* the reporter, optional */
	const char *reporter_name, *reporter_id_number, *reporter_phone;
	int reporter_confidential;
	/* 补录: a case handled on paper, entered afterwards with the real time
	 * of acceptance and a reason; the chief approves the entry */
	int late_entry;
	const char *late_reason;
	int64_t accepted_at;       /* the real 受案 time; only with late_entry */
	int64_t reported_at;       /* the time of the report, when known (an incident's call) */
	/* jurisdiction (SUP-JURIS-ADM/-CRIM): the 社区/村 of the place of the act,
	 * and outside the station's area the ground and reason */
	const char *act_area, *jurisdiction_basis, *jurisdiction_reason;
	const char *econ_reason;   /* SUP-ECON: why an economic-dispute incident becomes a case */
};

struct case_filter {
	const char *kind, *status, *q;
	int64_t officer_id;
	int mine;                  /* only cases where I am a case officer */
	int lenient;               /* only cases with a 以罚代拘/畸轻 proposal */
	int64_t page, per_page;
};

/* A party's 住址 and 职业 as written on the case's papers: one line each of
 * at most so many characters (parties.c, the field table). */
#define PARTY_ADDRESS_MAX 200
#define PARTY_OCCUPATION_MAX 64

struct party_input {
	const char *role;          /* suspect | victim | witness | reporter */
	const char *name, *id_number, *sex, *birth_date, *phone, *address, *occupation;
	const char *guardian_name, *guardian_phone;
	int confidential, first_offence, first_given, pregnant_or_nursing, public_official;
};

/* Register a report as a case (受案登记): number, receipt code, the
 * creating officer as main officer plus the co-officer, the reporter as a
 * party; status accepted. Only sworn officers and chiefs of a station.
 * *out = the case file (cases_get shape). */
int cases_create(struct ctx *c, const struct case_input *in, json_t **out);

/* Cases the user may see, newest first, written into the object w has
 * open: "items", "total", "total_capped" (rows_page_write); the read is
 * audited with the ids returned (AUD-1). */
int cases_view_list(struct ctx *c, const struct case_filter *f, struct jw *w);

/* The whole case file: case, officers, parties (ID numbers masked unless
 * the user works the case), timeline, interviews, notices, proposals,
 * approvals, property, documents. Audited. */
int cases_view_get(struct ctx *c, int64_t id, json_t **out);

/* The same case file written as text (core/jw) under key (NULL: at the top
 * or in an array): the bytes cases_view_get's tree renders to — the one
 * renderer of a case, cases_view_get parses what it writes. Audited like
 * it. On failure w holds an incomplete text the caller drops; nothing is
 * audited then. */
int cases_view_write(struct ctx *c, int64_t id, const char *key, struct jw *w);

/* Add a case officer (main/co: sworn only; assist: auxiliary). */
int cases_add_officer(struct ctx *c, int64_t case_id, int64_t user_id,
		      const char *duty, json_t **out);

/* Add a party; the person is found or created by ID number; the age at the
 * act date is computed (MINOR-AGE-CHECK). *out = {"party":{…}}. */
int parties_add(struct ctx *c, int64_t case_id, const struct party_input *in,
		    json_t **out);


/* ---- shared by the case modules ---- */

/* What the case modules need to know about one case. */
struct case_row {
	int64_t id, unit_id, accepted_at, filed_at, decided_at;
	const char *kind, *procedure, *status, *case_no, *unit_path, *act_date,
		*discovered_date, *offence_code, *title;
	int complex;
	int late_entry;        /* 补录 */
	int64_t late_approved_at;
	int econ_pending;      /* SUP-ECON: waiting for the 法制员's review */
	int i_am_officer;      /* the actor is a main/co officer of the case */
	int i_am_main;
	int sworn_officers;    /* main + co officers */
};

/* Load a case the actor may see (PS_ENOTFOUND otherwise, and the refusal is
 * audited when it exists in another unit). */
int case_load(struct ctx *c, int64_t id, struct case_row *out);

/* Load a case the actor is a case officer of (main or co): as case_load,
 * and a refusal (audited as `action`) when the actor is not. */
int cases_load_as_officer(struct ctx *c, int64_t case_id, struct case_row *k, const char *action);

/* Whether an act may be recorded on the case now, on every path that
 * records one (measures, interviews and their signing, notices, evidence,
 * property, proposals, custody): a late-entered case (补录) waits for the
 * chief's approval, as its case actions do; a case from an economic
 * dispute (SUP-ECON) takes no coercive act (a measure, a seizure) before
 * the 法制员's review. A refusal otherwise. */
int cases_may_proceed(struct ctx *c, const struct case_row *k, int coercive);

/* The instant of an act recorded now (补录): `at` when given — only on a
 * late-entered case, not in the future, not before `after` (the previous
 * act) — else now. field names the request field in the refusal. */
int cases_acted_at(struct ctx *c, const struct case_row *k, int has, int64_t at, int64_t after,
		   const char *field, int64_t *out);

/* " （补录，实际时间 YYYY-MM-DD HH:MM）" for an act of a late-entered case
 * recorded with its real time, "" otherwise (for timelines and audit). */
const char *cases_late_note(struct ctx *c, const struct case_row *k, int64_t at);

/* Who may change a loaded case is a rule of procedure (the case's officers,
 * 办案部门负责人, 县级以上公安机关负责人), decided once here: each request that
 * changes the case calls these, and so does the case's `may` answer
 * (cases_view.c), from which the web shows its buttons. Cannot fail. */
int cases_is_station_chief(struct ctx *c, const struct case_row *k); /* chief of the case's station */
int cases_is_bureau_chief(struct ctx *c, const struct case_row *k);  /* chief of its county bureau */
int cases_may_edit(struct ctx *c, const struct case_row *k);  /* parties, custody: an officer or the station chief */
int cases_may_staff(struct ctx *c, const struct case_row *k); /* officers: the main officer or the station chief */

/* A party's name, phone, address and occupation in SQL over case_party cp
 * JOIN person p: the party's own (own_name set: the ID number is another
 * unit's register, which the case never shows), else the register's. */
#define PARTY_NAME_SQL "COALESCE(cp.own_name, p.name)"
#define PARTY_FIELD_SQL(f) "(CASE WHEN cp.own_name IS NULL THEN p." f " ELSE cp.own_" f " END)"

/* PS_OK when party_id is a party of the case, else PS_EINVAL naming field. */
int parties_check(struct ctx *c, int64_t case_id, int64_t party_id, const char *field);

/* Append a timeline event (and nothing else). */
int case_event(struct ctx *c, int64_t case_id, const char *action, const char *from,
	       const char *to, const char *detail);


#endif
