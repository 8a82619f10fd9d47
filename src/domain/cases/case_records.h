/* case_records.h — what an investigation produces besides 笔录: 告知 records
 * (notices.c), penalty proposals (处理意见) checked against the offence table
 * (proposals.c), case property (property.c) and numbered documents
 * (documents.c) (issue 3). */
#ifndef PS_DOMAIN_CASE_RECORDS_H
#define PS_DOMAIN_CASE_RECORDS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/cases/cases.h"

struct notice_input {
	int64_t party_id;
	const char *kind;          /* rights | hearing | guardian */
	const char *penalty_text;  /* the proposed penalty as told */
	const char *statement;     /* 陈述申辩 */
	int waived;
	json_t *evidence_ids;      /* the evidence items the notice relies on
				    * (borrowed; ADM-NOTICE-EVIDENCE) */
	const char *statement_missing_reason; /* no signed statement: why */
	int64_t at;                /* 补录: the real time of the 告知 */
	int has_at;
};

struct proposal_input {
	int64_t party_id;
	const char *offence_code, *tier;
	int warning;
	int64_t fine;
	int det_days, credit_days;
	const char *lenient_reason;          /* 以罚代拘/畸轻: the written reason */
	const char *exempt_override_reason;  /* ADM-DET-EXEMPT 2026 exception */
	int serious;                         /* 情节严重、影响恶劣 */
	int no_penalty;                      /* 不予处罚 */
	int64_t proposed_at;                 /* 补录: the real time of the proposal */
	int has_proposed_at;
};

struct property_input {
	const char *name, *quantity;
	int64_t owner_party_id;
	int64_t seized_at;
	int has_seized_at;
};

/* Record a 告知 (ADM-NOTICE-RIGHTS, ADM-HEARING). *out = case file. */
int notices_create(struct ctx *c, int64_t case_id, const struct notice_input *in,
		   json_t **out);

/* Propose a penalty for a suspect, validated against the offence tier of
 * the law chosen by VER-1 (ADM-FINE-RANGE, ADM-DET-MAX, ADM-NOPUNISH-U14,
 * ADM-LIMIT-6M, ADM-ONSPOT for the simple procedure), with the station's
 * power (ADM-STATION-POWER), repeat offences (ADM-AGGRAV-REPEAT),
 * detention exemptions (ADM-DET-EXEMPT) and 以罚代拘 (reason required).
 * *out = case file. */
int proposals_create(struct ctx *c, int64_t case_id, const struct proposal_input *in,
		     json_t **out);

/* Withdraw a draft proposal. */
int proposals_withdraw(struct ctx *c, int64_t id, json_t **out);

struct proposal_summary {
	int count;        /* draft proposals */
	int needs_legal;  /* a lenient proposal or an exemption override */
	int bureau;       /* a proposal beyond the station's power */
};

/* Before 呈请审批 / 当场处罚决定: every draft proposal has its 告知 (rights;
 * guardian for a minor under ZA2025; hearing where ADM-HEARING or
 * ADM-HEARING-MINOR apply). */
int proposals_ready(struct ctx *c, const struct case_row *k, struct proposal_summary *s);

/* Move the case's proposals from one status to another. */
int proposals_set_status(struct ctx *c, int64_t case_id, const char *from, const char *to);

/* The decision: submitted proposals become approved, each with a decision
 * number. */
int proposals_decide(struct ctx *c, const struct case_row *k);

/* 当场处罚决定 (ADM-ONSPOT): decide the draft proposals of a simple-procedure
 * case at once, without the approval chain. */
int proposals_decide_onspot(struct ctx *c, const struct case_row *k, int64_t at);

/* Seized property (涉案财物) and its hand-over to the keeper
 * (PROC-PROPERTY-24H). */
int property_create(struct ctx *c, int64_t case_id, const struct property_input *in,
		    json_t **out);
int property_keep(struct ctx *c, int64_t id, const char *keeper, json_t **out);

/* Issue a numbered document of kind (accept_form, receipt, decline_notice,
 * summons, interview_record, notice_record, decision, onspot_decision,
 * seizure_list) once its preconditions hold. *out = {"document":{…}}. */
int documents_issue(struct ctx *c, int64_t case_id, const char *kind, int64_t ref_id,
		    json_t **out);

/* The document kinds with their titles as [{value, label}] for GET /catalog
 * (`doc_kinds`); NULL on ENOMEM. */
json_t *documents_kinds_json(void);

/* May the actor issue documents of case k: its officers, its station's chief
 * or clerk. Also the case's `may.issue_documents`. Cannot fail. */
int documents_may_issue(struct ctx *c, const struct case_row *k);

/* Issue without the permission check, for the case modules (decline). */
int documents_issue_internal(struct ctx *c, const struct case_row *k, const char *kind,
			     const char **doc_no);

/* The same in the name and number series of the deciding organ (a unit
 * id): a decision of the county bureau is the bureau's document. */
int documents_issue_as(struct ctx *c, const struct case_row *k, const char *kind, int64_t organ,
		       const char **doc_no);

#endif
