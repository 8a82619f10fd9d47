/* evidence.h — 证据清单: each case's evidence items (笔录, 物证, 书证, 视听资料,
 * 电子数据, 鉴定意见, 勘验笔录) with their attachments, stored content-addressed
 * by SHA-256 beside the database (store/blobs.h), never altered, size- and
 * type-limited by settings, served only to those who may read the case,
 * each access audited (issue 15). The evidence a 处罚前告知 relies on
 * (ADM-NOTICE-EVIDENCE, 先取证后告知) is checked here for notices.c and for
 * the decision (proposals.c). */
#ifndef PS_DOMAIN_EVIDENCE_H
#define PS_DOMAIN_EVIDENCE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/cases/cases.h"

/* The largest upload the HTTP edge lets through for an attachment route
 * (bytes); the setting evidence.max_upload_mb caps it lower. */
#define EVIDENCE_UPLOAD_CEILING ((size_t)32 << 20)

struct evidence_input {
	const char *kind;        /* enums EVIDENCE_KIND */
	const char *title, *description, *source;
	int64_t collected_at;
	int has_collected_at;
	int64_t interview_id;    /* a 笔录 item names its signed record */
	int64_t property_id;     /* a 物证 item may name the seized thing */
};

/* Add an item to the case's evidence file: its officers only, while the
 * case is open; a 笔录 item names a signed record of the case. The case's
 * timeline and the audit log record it. *out = the case file. */
int evidence_create(struct ctx *c, int64_t case_id, const struct evidence_input *in, json_t **out);

/* What an upload run learnt before the write (api ROUTE_PREPARE). */
struct evidence_upload {
	int64_t evidence_id;
	const char *mime, *file_name; /* arena */
	char sha256[65];
	size_t size;
};

/* Check and store an attachment of evidence item id: the case's officers
 * only; mime in the allow-list setting evidence.allowed_types and the
 * bytes look like it (JPEG, PNG, PDF, MP3, WAV, MP4 signatures); size in
 * 1..evidence.max_upload_mb MiB. Writes the file (store/blobs.h, kept
 * when it exists) and fills *up; writes no row. Refusals as ps_fail. */
int evidence_upload_prepare(struct ctx *c, int64_t id, const char *mime, const char *file_name,
			    const void *data, size_t len, struct evidence_upload *up);

/* The permission part of an upload (the case's officers, the item
 * exists), refusal audited: what the writer re-checks when the worker's
 * run was refused. */
int evidence_attach_check(struct ctx *c, int64_t id);

/* Record the attachment prepared in up (permission checked again, the
 * file must exist with that SHA-256). *out = {"attachment":{…}}. */
int evidence_upload_commit(struct ctx *c, const struct evidence_upload *up, json_t **out);

/* An attachment's bytes for one who may read its case (CASE_READ, the
 * case's unit; a refusal is audited); the read is audited with its id and
 * SHA-256. *data is a new ps_malloc block the caller owns (ps_free). */
int evidence_attachment_read(struct ctx *c, int64_t id, void **data, size_t *len,
			     const char **mime, const char **file_name);

/* ---- 先取证后告知 (ADM-NOTICE-EVIDENCE) ---- */

/* Before a 处罚前告知 (rights) of party in case k under the normal
 * procedure: the file holds the party's signed statement (a signed 笔录 of
 * that party) or missing_reason says why not, and cites >= 1 evidence
 * items, each of this case (ids: JSON array of integers, may be NULL).
 * PS_ERULE with the rule id otherwise. Cannot fail otherwise than by the
 * store. */
int evidence_notice_check(struct ctx *c, const struct case_row *k, int64_t party_id,
			  json_t *ids, const char *missing_reason);

/* Link the cited items to notice notice_id (after evidence_notice_check). */
int evidence_notice_link(struct ctx *c, int64_t notice_id, json_t *ids);

/* At the decision: the party's latest 处罚前告知 was made after the last
 * item entered the file; else PS_ERULE ADM-NOTICE-EVIDENCE naming the
 * party (name). Normal procedure only. */
int evidence_decision_check(struct ctx *c, const struct case_row *k, int64_t party_id,
			    const char *name);

/* The case's evidence list as one line per item "1. 【书证】 title（source）"
 * for documents and the 呈请报告; "" when the file is empty. Arena text;
 * NULL on ENOMEM (with c->err set). */
const char *evidence_list_text(struct ctx *c, int64_t case_id);

/* Backup and restore: of the attachment files the database names, how many
 * (*total, distinct) and how many the directory root lacks (*missing). */
int evidence_blobs_missing(struct ctx *c, const char *root, int64_t *total, int64_t *missing);

#endif
