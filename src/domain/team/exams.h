/* exams.h — 三考 (issue 18, part 2): exam papers set by the legal staff
 * (formal exams and the 执法资格 exam of a level), practice drawn from the
 * bank, and sittings: started by the officer, answers accepted only until
 * the time limit (server clock), scored on submission; results per officer.
 * A passed 执法资格 sitting is the record of the officer's qualification
 * level (TEAM-QUAL-LEVELS). */
#ifndef PS_DOMAIN_TEAM_EXAMS_H
#define PS_DOMAIN_TEAM_EXAMS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"

struct exam_paper_input {
	const char *title, *kind, *level;  /* kind: formal / qualification; level for qualification */
	int64_t time_limit_min, pass_score; /* pass_score 0 = the setting */
	json_t *question_ids;               /* array of ids (borrowed), or NULL to draw count */
	int64_t count;
};

/* Set a paper (legal staff): the questions named, or count drawn at random
 * from the active bank. */
int exams_paper_create(struct ctx *c, const struct exam_paper_input *in, json_t **out);

/* The county's papers, newest first (whoever may sit an exam). */
int exams_paper_list(struct ctx *c, json_t **out);

/* Start a sitting for the actor: of paper_id, or (paper_id 0) a practice of
 * count questions (0 = the setting) drawn from the bank. Returns the
 * questions without their keys, and the deadline. */
int exams_start(struct ctx *c, int64_t paper_id, int64_t count, json_t **out);

/* Submit the actor's answers ([{question_id, answer}]) to sitting id before
 * its deadline: scored and kept; after the deadline refused (409
 * EXAM_TIME_UP); once only. */
int exams_submit(struct ctx *c, int64_t id, json_t *answers, json_t **out);

/* One sitting: its questions, and after submission the answers given, the
 * keys and the score (the officer's own; the unit's for chief and legal). */
int exams_get(struct ctx *c, int64_t id, json_t **out);

/* Results: the sittings (the actor's own; the unit's for chief and legal)
 * in [from, to] (dates, NULL = open) and per officer: sittings, average and
 * best score of formal exams, practice count, qualification level passed. */
int exams_results(struct ctx *c, const char *from, const char *to, json_t **out);

#endif
