/* supervision.h — 执法监督与警务公开 (issue 15 part A): the public page
 * (警务公开) and the public complaint form, 执法监督卡 hand-overs, 案件回访,
 * 信访/投诉 with their responsibility trace, 复议/诉讼/国家赔偿, 执法过错
 * findings against named officers, the officer's record, and the 干预执法
 * register. One file per resource in domain/supervision/; every function
 * runs in the caller's transaction, checks its permission (domain/authz.def)
 * and writes its audit row; on failure *out is NULL and c->err says why. */
#ifndef PS_DOMAIN_SUPERVISION_H
#define PS_DOMAIN_SUPERVISION_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"
#include "domain/cases/progress.h"

struct clock_sink;
enum clock_scope;

/* ---- public_notice.c: no login ---------------------------------------- */

/* The stations of the county as {"items":[{id, name, phone, address}]}. */
int public_notice_stations(struct ctx *c, json_t **out);

/* The 警务公开 page of a station: its name, phones and hours, the settings'
 * case scope, service guide, contact card and complaint channels (lines),
 * and the legal time limits in force today from the rule catalog, in plain
 * words (limits: the case rules; remedies: the SUP- rules).
 * PS_ENOTFOUND for a unit that is not an active station. */
int public_notice_get(struct ctx *c, int64_t station_id, json_t **out);

/* ---- complaints_public.c: the public form and query ------------------- */

/* The public complaint form: files a complaint at a station and answers
 * {tracking_code, received_at, unit_name, unit_phone}. receipt_code may be
 * NULL; when it names a case of the station the complaint is linked to it
 * (never said). Submissions are limited per client address (setting
 * public.complaint_max_per_hour): then res->outcome is PROGRESS_LIMITED.
 * Audited (complaint.file_public). */
int complaints_public_file(struct ctx *c, int64_t station_id, const char *content,
			   const char *receipt_code, const char *contact_name,
			   const char *contact_phone, struct progress_result *res);

/* The public query of a complaint's stage by tracking code and the last 4
 * digits of the contact phone: as progress_query (one answer for a wrong
 * code and wrong digits, limited per address and per code, audited). */
int complaints_public_query(struct ctx *c, const char *tracking_code, const char *phone_last4,
			    struct progress_result *res);

/* ---- complaints.c: 信访 / 投诉 ---------------------------------------- */

/* A new complaint row, status received, with a tracking code no complaint
 * has (into code); receipt (may be NULL) is what the reporter gave, case_id
 * and incident_id 0 for none. No permission check, no audit: the callers
 * (the public form, the officers' intake) do both. */
int complaints_insert(struct ctx *c, int64_t station_id, const char *channel, const char *kind,
		      const char *track, const char *content, const char *name, const char *phone,
		      const char *receipt, int64_t case_id, int64_t incident_id, char code[16],
		      int64_t *id);

struct complaint_in {
	int64_t station_id, case_id, incident_id; /* 0 = none */
	const char *channel, *kind, *track, *content, *contact_name, *contact_phone;
	/* SUP-XF-SCOPE: own / transferred_down / not_ours (required), and where
	 * it was sent or where the petitioner should go (required unless own) */
	const char *scope, *scope_unit;
	/* SUP-XF-OBJECT-5WD: direct / transferred_in (NULL = direct), and the
	 * body that transferred it (required when transferred_in) */
	const char *origin, *origin_unit;
	int identity_unclear; /* SUP-XF-NOTICE-15: no written notice owed */
	int64_t appeal_id;    /* SUP-XF-LEGAL-TRACK: the 复议/诉讼/赔偿 record */
};

/* Intake by staff (phone, letter, visit). An item routed into a legal
 * procedure (track legal_procedure) names its case or appeal record, else
 * PS_EINVAL with SUP-XF-LEGAL-TRACK. */
int complaints_create(struct ctx *c, const struct complaint_in *in, json_t **out);

/* The complaints of the actor's scope, {"items":[…]}; status may be NULL. */
int complaints_list(struct ctx *c, const char *status, json_t **out);

/* One complaint with its responsibility trace (when linked to a case:
 * everyone who acted on the case, with what and when) and the people its
 * finding names. */
int complaints_get(struct ctx *c, int64_t id, json_t **out);

struct complaint_step_in {
	const char *note;     /* reason / opinion */
	const char *finding;  /* finish: founded / partly / unfounded */
	json_t *officers;     /* finish: [{"user_id":N,"finding":"…"}] or NULL */
	const char *track;    /* accept: residual / legal_procedure */
	const char *facts, *basis;  /* finish: the 信访处理意见书's facts and basis */
	int64_t case_id, appeal_id; /* accept into a legal procedure: its record */
};

/* One step of the 信访 chain (enum COMPLAINT_STEP): accept, reject, extend,
 * finish, review, review_answer, recheck, recheck_answer; notify (the
 * written notice of where an item not ours went: closes it; SUP-XF-SCOPE)
 * and object (an item transferred to us is not within our powers: within 5
 * working days of receipt, SUP-XF-OBJECT-5WD). Only an item of scope own
 * can be accepted. A finish needs the 信访处理意见书: opinion (note), facts
 * and basis (SUP-XF-FINISH-60). A finish with a founded or partly founded
 * finding against people opens a 执法过错 review naming them. */
int complaints_step(struct ctx *c, int64_t id, const char *step,
		    const struct complaint_step_in *in, json_t **out);

/* Clock source: SUP-XINFANG notice (not for an unclear identity,
 * SUP-XF-NOTICE-15) and finish, SUP-XF-REVIEW, -RECHECK, and the objection
 * window of transferred items (SUP-XF-OBJECT-5WD). */
int complaints_clocks(struct clock_sink *k, enum clock_scope s);

/* ---- supervision_cards.c: 执法监督卡 ----------------------------------- */

/* The card of every party of a case, printable: phones from settings, the
 * receipt code, the channels, and each party's hand-overs. */
int supervision_cards_get(struct ctx *c, int64_t case_id, json_t **out);

/* Record one hand-over of the card to a party of the case. */
int supervision_cards_hand(struct ctx *c, int64_t case_id, int64_t party_id, const char *method,
			   json_t **out);

/* ---- return_visits.c: 案件回访 ----------------------------------------- */

/* status "due" (default): the parties of closed cases still to visit, with
 * their due time; "done": the visits made; "review": dissatisfied answers
 * the chief has not reviewed. */
int return_visits_list(struct ctx *c, const char *status, json_t **out);

struct return_visit_in {
	int64_t party_id;
	int reached;
	const char *method;
	int64_t satisfaction; /* 1..5, 0 = none (not reached) */
	const char *comments;
};

/* The answer of one party of a closed case of the actor's station. */
int return_visits_create(struct ctx *c, int64_t case_id, const struct return_visit_in *in,
			 json_t **out);

/* The chief's review of a dissatisfied answer. */
int return_visits_review(struct ctx *c, int64_t id, const char *note, json_t **out);

/* 回访率 and average satisfaction per station and per main officer. */
int return_visits_stats(struct ctx *c, json_t **out);

/* Clock source: SUP-RETURN-VISIT, due_days after closing. */
int return_visits_clocks(struct clock_sink *k, enum clock_scope s);

/* ---- appeals.c: 复议 / 诉讼 / 国家赔偿 --------------------------------- */

struct appeal_in {
	const char *kind, *applicant, *known_on, *applied_on, *received_on, *organ;
	int via_station;         /* 复议 filed through the station (SUP-FY-ONSPOT-FORWARD) */
	int64_t prior_appeal_id; /* a suit after this 复议 of the case (SUP-SS-DEFENDANT) */
	/* 国家赔偿 only: admin_comp / crim_comp (required), and whether the
	 * application lacks material (the 5-day completion notice runs) */
	const char *comp_kind;
	int materials_incomplete;
};

int appeals_create(struct ctx *c, int64_t case_id, const struct appeal_in *in, json_t **out);
/* SUP-FY-ONSPOT-FORWARD: the day a 复议 application filed through the
 * station was forwarded to the 复议机关 (ends the forward clock). */
int appeals_forward(struct ctx *c, int64_t id, const char *forwarded_on, json_t **out);
/* 国家赔偿 (SUP-PC-*), on a record of kind state_compensation: the
 * one-time notice of everything the application lacks, within 5 days of
 * receipt (SUP-PC-INTAKE); the hearing of the claimant, which the decision
 * (appeals_outcome: compensated with its amount, upheld = 不予赔偿, or
 * withdrawn) needs (SUP-PC-DECIDE-2M); the payment of a compensation, which
 * records the sum on the case's 执法过错 finding of this record — opened if
 * none — as the recovery task (SUP-PC-RECOVER). */
int appeals_completion_notice(struct ctx *c, int64_t id, const char *notice_on, const char *items,
			      json_t **out);
int appeals_hearing(struct ctx *c, int64_t id, const char *heard_on, const char *note, json_t **out);
int appeals_payment(struct ctx *c, int64_t id, const char *paid_on, json_t **out);
/* The station's written answer / evidence filed (ends the answer clock). */
int appeals_answer(struct ctx *c, int64_t id, const char *answered_on, json_t **out);
/* The outcome; one against the station (changed, revoked, unlawful,
 * compensated) marks the decision in the case's timeline and opens a
 * 执法过错 review naming the case's officers and approvers. */
int appeals_outcome(struct ctx *c, int64_t id, const char *outcome, int64_t amount,
		    const char *outcome_on, const char *note, json_t **out);
/* {"items":[…], "by_station":[{unit_id, unit_name, reconsideration,
 * litigation, state_compensation, against}]} */
int appeals_list(struct ctx *c, json_t **out);
/* Clock source: SUP-FY-ANSWER, SUP-SS-EVID-15, SUP-PC-DECIDE-2M,
 * SUP-FY-ONSPOT-FORWARD. */
int appeals_clocks(struct clock_sink *k, enum clock_scope s);

/* ---- appeal_windows.c: the claimant's later deadlines ------------------- */

struct calendar;
/* The local day number of "YYYY-MM-DD" (-1 when it is not one), and the
 * instant local day d begins. */
int64_t appeal_windows_day_of(const char *s);
int64_t appeal_windows_day_start(int64_t d);
/* The last day of the period in which the organ decides: a 复议 (SUP-FY-
 * DECIDE) or a 国家赔偿 claim (SUP-PC-DECIDE-2M); -1 for other kinds. */
int64_t appeal_windows_decide_day(const struct calendar *cal, const char *kind, const char *applied_on,
				  const char *received_on);
/* What the person may do next after appeal row a (kind, comp_kind,
 * applied_on, received_on, outcome, outcome_on) and until when:
 * {"rule","what","since":"decision"|"no_decision","from","until","open"},
 * or *out NULL (a suit, a withdrawn claim). */
int appeal_windows_of(struct ctx *c, const struct calendar *cal, json_t *a, json_t **out);
/* Today source: the windows open now in the actor's scope (today.def). */
int appeal_windows_today(struct ctx *c, json_t *items);

/* ---- fault_findings.c: 执法过错责任追究 ------------------------------- */

/* Open a review (no permission check: the caller decided) naming officers
 * [{"user_id":N,"part":"handler"}]; *id receives it. */
int fault_findings_open(struct ctx *c, int64_t station_id, int64_t case_id, const char *source,
			int64_t source_id, json_t *officers, int64_t *id);

struct fault_in {
	int64_t case_id, station_id, source_id;
	const char *source;
	json_t *officers;
};

int fault_findings_create(struct ctx *c, const struct fault_in *in, json_t **out);

/* SUP-GC-DEF: fault or defect, with a reason; a fault names its kind and a
 * sanction of the setting fault.sanctions. */
int fault_findings_decide(struct ctx *c, int64_t id, const char *record_type, const char *kind,
			  const char *sanction, const char *reason, json_t **out);

/* The findings of the scope; officer_id > 0: only those naming him. */
int fault_findings_list(struct ctx *c, int64_t officer_id, json_t **out);

/* breach_officers_of: domain/clocks/breach_officers.h */

/* ---- officer_records.c: the officer's record ---------------------------- */

/* Per officer of the scope: breaches he answers for, findings, return
 * visits of his cases. */
int officer_records_list(struct ctx *c, json_t **out);

/* One officer: his findings, breaches and figures. */
int officer_records_get(struct ctx *c, int64_t user_id, json_t **out);

/* ---- interferences.c: 干预执法 register (append-only) ------------------ */

struct interference_in {
	int64_t case_id, occurred_at;
	const char *who, *how, *asked;
	int internal, leader;
};

int interferences_create(struct ctx *c, const struct interference_in *in, json_t **out);

/* The register of the scope, with the count of each quarter of the year
 * (a zero report when none). */
int interferences_list(struct ctx *c, json_t **out);

#endif
