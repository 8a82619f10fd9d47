/* questions.h — 三考题库 (issue 18, part 2): the law question bank. Questions
 * are written by the legal staff (single choice, multiple choice, true/false)
 * or generated from the rule catalog (rules/catalog.def): the figure of a
 * period or amount, the article a rule rests on, a statement true or false —
 * each carrying its catalog rule code, and made again whenever the catalog
 * changes, so the bank follows the law the system enforces. */
#ifndef PS_DOMAIN_TEAM_QUESTIONS_H
#define PS_DOMAIN_TEAM_QUESTIONS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct question_input {
	const char *kind;        /* enum exam_question_kind */
	const char *stem, *answer, *explanation;
	json_t *options;         /* array of strings (borrowed); empty for judge */
};

/* Write a question into the bank (legal staff). */
int questions_create(struct ctx *c, const struct question_input *in, json_t **out);

/* Withdraw (active = 0) a hand-written question of the bank (legal staff). */
int questions_retire(struct ctx *c, int64_t id, json_t **out);

/* The active bank with the keys, for the legal staff and the chiefs; kind
 * and source ("manual" / "catalog") filter when not NULL/empty. */
int questions_list(struct ctx *c, const char *kind, const char *source, json_t **out);

/* Bring the generated questions in line with the catalog now (legal staff):
 * {"added":n, "updated":n, "withdrawn":n, "generated":n}. */
int questions_generate(struct ctx *c, json_t **out);

/* The same without a permission check, for the exam start and the demo
 * (counts may be NULL). */
int questions_sync(struct ctx *c, int64_t *added, int64_t *updated, int64_t *withdrawn);

#endif
