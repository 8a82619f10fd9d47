/* exams.c — /exam-questions, /exam-papers, /exam-sittings, /exam-results
 * (issue 18, part 2: 三考题库, practice, formal and 执法资格 exams). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/team/exams.h"
#include "domain/team/questions.h"

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_exam_questions_list(struct req *r)
{
	json_t *out;
	int rc = questions_list(&r->ctx, req_query(r, "kind"), req_query(r, "source"), &out);

	return DONE(rc, 200, out);
}

struct exam_questions_body {
	struct question_input in;
};

const struct field exam_questions_create_fields[] = {
	FENUM(struct exam_questions_body, in.kind, "kind", 1, 16, EXAM_QUESTION_KIND),
	FSTR(struct exam_questions_body, in.stem, "stem", 1, 1000),
	FJSON(struct exam_questions_body, in.options, "options", 0),
	FSTR(struct exam_questions_body, in.answer, "answer", 1, 8),
	FSTR(struct exam_questions_body, in.explanation, "explanation", 0, 1000),
	FEND,
};

int api_exam_questions_create(struct req *r)
{
	struct exam_questions_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, exam_questions_create_fields, &b, &r->err);

	if (!rc && b.in.options && !json_is_array(b.in.options))
		rc = ps_fail_field(&r->err, PS_EINVAL, "options", "选项应为数组");
	if (!rc)
		rc = questions_create(&r->ctx, &b.in, &out);
	return DONE(rc, 201, out);
}

int api_exam_questions_retire(struct req *r)
{
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = questions_retire(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

int api_exam_questions_generate(struct req *r)
{
	json_t *out;
	int rc = questions_generate(&r->ctx, &out);

	return DONE(rc, 200, out);
}

int api_exam_papers_list(struct req *r)
{
	json_t *out;
	int rc = exams_paper_list(&r->ctx, &out);

	return DONE(rc, 200, out);
}

struct exam_papers_body {
	struct exam_paper_input in;
	int64_t pass_score, count;
	int pass_given, count_given;
};

const struct field exam_papers_create_fields[] = {
	FSTR(struct exam_papers_body, in.title, "title", 1, 100),
	FENUM(struct exam_papers_body, in.kind, "kind", 1, 16, EXAM_KIND),
	FENUM(struct exam_papers_body, in.level, "level", 0, 16, EXAM_LEVEL),
	FINT(struct exam_papers_body, in.time_limit_min, "time_limit_min", 1, 1, 300),
	FINTP(struct exam_papers_body, pass_score, pass_given, "pass_score", 1, 100),
	FJSON(struct exam_papers_body, in.question_ids, "question_ids", 0),
	FINTP(struct exam_papers_body, count, count_given, "count", 1, 100),
	FEND,
};

int api_exam_papers_create(struct req *r)
{
	struct exam_papers_body b = { 0 };
	json_t *out, *v;
	size_t i;
	int rc = fields_bind(r->in, exam_papers_create_fields, &b, &r->err);

	if (!rc && !b.in.question_ids == !b.count_given)
		rc = ps_fail_field(&r->err, PS_EINVAL, "count", "请选定题目（question_ids）或填写随机抽题数（count），二者选一");
	if (!rc && b.in.question_ids) {
		if (!json_is_array(b.in.question_ids))
			rc = ps_fail_field(&r->err, PS_EINVAL, "question_ids", "题目应为编号数组");
		json_array_foreach(b.in.question_ids, i, v)
			if (!rc && (!json_is_integer(v) || json_integer_value(v) < 1))
				rc = ps_fail_field(&r->err, PS_EINVAL, "question_ids", "题目应为编号数组");
	}
	if (!rc) {
		b.in.pass_score = b.pass_given ? b.pass_score : 0;
		b.in.count = b.count_given ? b.count : 0;
		rc = exams_paper_create(&r->ctx, &b.in, &out);
	}
	return DONE(rc, 201, out);
}

struct exam_sittings_body {
	int64_t paper_id, count;
	int paper_given, count_given;
};

const struct field exam_sittings_create_fields[] = {
	FINTP(struct exam_sittings_body, paper_id, paper_given, "paper_id", 1, INT64_MAX),
	FINTP(struct exam_sittings_body, count, count_given, "count", 1, 100),
	FEND,
};

int api_exam_sittings_create(struct req *r)
{
	struct exam_sittings_body b = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, exam_sittings_create_fields, &b, &r->err);

	if (!rc)
		rc = exams_start(&r->ctx, b.paper_given ? b.paper_id : 0, b.count_given ? b.count : 0, &out);
	return DONE(rc, 201, out);
}

int api_exam_sittings_get(struct req *r)
{
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = exams_get(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

struct exam_submit_body {
	json_t *answers;
};

const struct field exam_sittings_submit_fields[] = {
	FJSON(struct exam_submit_body, answers, "answers", 1),
	FEND,
};

int api_exam_sittings_submit(struct req *r)
{
	struct exam_submit_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, exam_sittings_submit_fields, &b, &r->err);
	if (!rc && (!json_is_array(b.answers) || json_array_size(b.answers) > 100))
		rc = ps_fail_field(&r->err, PS_EINVAL, "answers", "答案应为数组（每题一项：question_id、answer）");
	if (!rc)
		rc = exams_submit(&r->ctx, id, b.answers, &out);
	return DONE(rc, 200, out);
}

int api_exam_results(struct req *r)
{
	json_t *out;
	int rc = exams_results(&r->ctx, req_query(r, "from"), req_query(r, "to"), &out);

	return DONE(rc, 200, out);
}
