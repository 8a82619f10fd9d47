/* interviews.h — 电子笔录: records of questioning, signed and then immutable
 * (content hash), corrected only by a new version (issue 3). */
#ifndef PS_DOMAIN_INTERVIEWS_H
#define PS_DOMAIN_INTERVIEWS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

#define INTERVIEW_MAX_OFFICERS 8

struct interview_input {
	int64_t party_id;
	const char *kind;        /* inquiry | interrogation */
	int64_t start_at, end_at;
	int has_start, has_end;
	const char *place_kind, *place, *recording_id;
	int64_t officer_ids[INTERVIEW_MAX_OFFICERS];
	int nofficers;           /* -1 = not given (PATCH) */
	int summoned, oral_summons, needs_interpreter, needs_sign_language;
	int has_summoned, has_oral, has_needs_interp, has_needs_sign;
	const char *interpreter, *sign_language;
	const char *guardian_name, *guardian_relation, *guardian_absent_reason;
	const char *female_staff;
	int64_t family_notified_at;
	int has_family_notified;
	const char *family_notice_exception;
	json_t *qa;              /* borrowed: array of {"q","a"} or NULL */
	int read_back, subject_signed, officer_signed;
	int has_read_back, has_subject_signed, has_officer_signed;
	const char *subject_refusal;
};

/* Start a record (draft). Checks: a case officer records it; the case is
 * open and registered before the questioning starts (先侦查后立案); for
 * 讯问 the criminal case is filed; two sworn officers present
 * (ADM-OFFICERS-2 / CRIM-INTERROG-2); no officer and no subject in two
 * overlapping records. *out = {"interview":{…}}. */
int interviews_create(struct ctx *c, int64_t case_id, const struct interview_input *in,
		      json_t **out);

/* Change a draft (signed records are immutable: 409 INTERVIEW_SIGNED). */
int interviews_update(struct ctx *c, int64_t id, const struct interview_input *in,
		      json_t **out);

/* Sign: guardian, language help, recording, family notice, read-back and
 * both signatures (interview_check_sign); stores the content hash. */
int interview_sign(struct ctx *c, int64_t id, json_t **out);

/* Correct a signed record: a new draft version that supersedes it; the
 * signed one stays readable, marked superseded. */
int interview_sign_correct(struct ctx *c, int64_t id, json_t **out);

/* One record with officers and subject; audited read. */
int interviews_get(struct ctx *c, int64_t id, json_t **out);

/* The record's wire JSON (qa parsed, officers) without a permission check or
 * audit: the one renderer, which interviews_get answers and signing hashes. */
int interviews_json(struct ctx *c, int64_t id, json_t **out);

#endif
