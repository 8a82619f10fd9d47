/* exams.c — exam papers, sittings with a server-enforced time limit, scoring
 * on submission and the results per officer. */
#include "domain/team/exams.h"
#include "domain/team/questions.h"
#include "domain/team/staff.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/chain.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "core/buf.h"
#include "core/crypto.h"
#include "core/json.h"
#include "rules/catalog.h"
#include "rules/date.h"

#include <stdlib.h>
#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")
#define MAX_QUESTIONS 100

static int empty(const char *s)
{
	return !s || !*s;
}

static const char *id_str(struct ctx *c, int64_t id)
{
	return arena_printf(c->arena, "%lld", (long long)id);
}

/* Comma-separated ids into an array (arena); *n set. */
static int parse_ids(struct ctx *c, const char *text, int64_t **ids, size_t *n)
{
	size_t cap = 1;

	for (const char *p = text; *p; p++)
		cap += *p == ',';
	*ids = arena_alloc(c->arena, cap * sizeof(**ids));
	*n = 0;
	if (!*ids)
		return NOMEM(c);
	for (const char *p = text; *p;) {
		char *end;
		long long v = strtoll(p, &end, 10);

		if (end == p)
			break;
		(*ids)[(*n)++] = v;
		p = *end == ',' ? end + 1 : end;
	}
	return PS_OK;
}

static int join_ids(struct ctx *c, const int64_t *ids, size_t n, const char **out)
{
	struct buf b;
	int rc = PS_OK;

	buf_init(&b, 1 << 16);
	for (size_t i = 0; i < n && !rc; i++)
		rc = buf_addf(&b, i ? ",%lld" : "%lld", (long long)ids[i]);
	if (!rc && !n)
		rc = buf_adds(&b, "");
	*out = rc ? NULL : arena_strdup(c->arena, buf_str(&b));
	buf_release(&b);
	return *out ? PS_OK : NOMEM(c);
}

/* The active bank's ids in random order; *n of them. */
static int draw(struct ctx *c, int64_t **ids, size_t *n)
{
	struct rows_query q;
	json_t *rows;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, chain_bureau_of(c, c->who.unit_path));
	rc = rows_all(&q, "SELECT id FROM exam_question WHERE active = 1 AND (unit_id IS NULL OR unit_id = ?) ORDER BY id",
		      &rows);
	if (rc)
		return rc;
	*n = json_array_size(rows);
	*ids = arena_alloc(c->arena, (*n + 1) * sizeof(**ids));
	if (!*ids) {
		json_decref(rows);
		return NOMEM(c);
	}
	for (size_t i = 0; i < *n; i++)
		(*ids)[i] = row_int(json_array_get(rows, i), "id");
	json_decref(rows);
	for (size_t i = *n; i > 1; i--) { /* Fisher–Yates */
		uint32_t r;
		int64_t t;

		crypto_random(&r, sizeof(r));
		r %= (uint32_t)i;
		t = (*ids)[i - 1];
		(*ids)[i - 1] = (*ids)[r];
		(*ids)[r] = t;
	}
	return PS_OK;
}

int exams_paper_create(struct ctx *c, const struct exam_paper_input *in, json_t **out)
{
	struct rows_query q;
	int64_t *ids = NULL, id, pass;
	size_t n = 0;
	const char *list;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_EXAM_PAPER_CREATE);
	if (rc)
		return rc;
	if (empty(in->title))
		return ps_fail_field(c->err, PS_EINVAL, "title", "请填写试卷名称");
	if (!enums_valid(ES_EXAM_KIND, in->kind) || !strcmp(in->kind, "practice"))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "试卷类别应为 formal（正式考试）或 qualification（执法资格考试）");
	if (!strcmp(in->kind, "qualification") ? !enums_valid(ES_EXAM_LEVEL, in->level) : !empty(in->level))
		return ps_fail_field(c->err, PS_EINVAL, "level", "执法资格考试须写明等级（basic/intermediate/advanced），其他考试不填");
	if (in->time_limit_min < 1 || in->time_limit_min > 300)
		return ps_fail_field(c->err, PS_EINVAL, "time_limit_min", "考试时限应为1至300分钟");
	rc = questions_sync(c, NULL, NULL, NULL);
	if (rc)
		return rc;
	if (in->question_ids) {
		json_t *v;
		size_t i;

		n = json_array_size(in->question_ids);
		ids = arena_alloc(c->arena, (n + 1) * sizeof(*ids));
		if (!ids)
			return NOMEM(c);
		json_array_foreach(in->question_ids, i, v) {
			int64_t ok = 0;

			ids[i] = json_integer_value(v);
			for (size_t j = 0; j < i; j++)
				if (ids[j] == ids[i])
					return ps_fail_field(c->err, PS_EINVAL, "question_ids", "题目重复：%lld", (long long)ids[i]);
			rows_binds(&q, c);
			rows_bind_int(&q, ids[i]);
			rows_bind_int(&q, chain_bureau_of(c, c->who.unit_path));
			rc = rows_int(&q,
				      "SELECT COUNT(*) FROM exam_question WHERE id = ? AND active = 1"
				      " AND (unit_id IS NULL OR unit_id = ?)",
				      0, &ok);
			if (rc)
				return rc;
			if (!ok)
				return ps_fail_field(c->err, PS_EINVAL, "question_ids", "题目不存在或已撤下：%lld", (long long)ids[i]);
		}
	} else {
		rc = draw(c, &ids, &n);
		if (rc)
			return rc;
		if ((int64_t)n < in->count)
			return ps_fail_field(c->err, PS_EINVAL, "count", "题库只有%zu道题", n);
		n = (size_t)in->count;
	}
	if (n < 1 || n > MAX_QUESTIONS)
		return ps_fail_field(c->err, PS_EINVAL, in->question_ids ? "question_ids" : "count", "试卷应有1至%d道题",
				     MAX_QUESTIONS);
	rc = join_ids(c, ids, n, &list);
	if (rc)
		return rc;
	pass = in->pass_score > 0 ? in->pass_score : setting_int(c, "exam.pass_score", 0);
	rows_binds(&q, c);
	rows_bind_int(&q, chain_bureau_of(c, c->who.unit_path)); /* the county's paper */
	rows_bind_text(&q, in->title);
	rows_bind_text(&q, in->kind);
	rows_bind_text(&q, empty(in->level) ? NULL : in->level);
	rows_bind_int(&q, in->time_limit_min);
	rows_bind_int(&q, pass);
	rows_bind_text(&q, list);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO exam_paper(unit_id, title, kind, level, time_limit_min, pass_score, questions, created_by,"
			 " created_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "exam_paper.create", "exam_paper", id_str(c, id), "success", in->title);
	if (rc)
		return rc;
	*out = json_pack("{s:{s:I, s:s, s:I, s:I, s:I}}", "paper", "id", (json_int_t)id, "kind", in->kind, "questions",
			 (json_int_t)n, "time_limit_min", (json_int_t)in->time_limit_min, "pass_score", (json_int_t)pass);
	return *out ? PS_OK : NOMEM(c);
}

int exams_paper_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *items, *it;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_EXAM_TAKE);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, chain_bureau_of(c, c->who.unit_path));
	rc = rows_all(&q,
		      "SELECT p.id, p.title, p.kind, p.level, p.time_limit_min, p.pass_score, p.questions, p.created_at,"
		      " o.name AS unit_name, u.name AS author_name,"
		      " (SELECT MAX(s.score) FROM exam_sitting s WHERE s.paper_id = p.id AND s.user_id = ?"
		      "  AND s.submitted_at IS NOT NULL) AS my_best"
		      " FROM exam_paper p JOIN org_unit o ON o.id = p.unit_id JOIN users u ON u.id = p.created_by"
		      " WHERE p.unit_id = ? ORDER BY p.created_at DESC, p.id DESC LIMIT 200",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it) {
		const char *qs = row_str(it, "questions"), *level = row_str(it, "level");
		int64_t n = *qs ? 1 : 0;

		for (const char *p = qs; *p; p++)
			n += *p == ',';
		json_object_del(it, "questions");
		json_object_set_new(it, "question_count", json_integer(n));
		json_object_set_new(it, "kind_label", json_string(enums_label(ES_EXAM_KIND, row_str(it, "kind"))));
		if (level && *level)
			json_object_set_new(it, "level_label", json_string(enums_label(ES_EXAM_LEVEL, level)));
	}
	*out = json_pack("{s:o}", "items", items);
	if (!*out)
		return NOMEM(c);
	rc = audit_read_items(c, "exam_paper.list", "exam_paper", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

struct paper_row {
	int64_t id, time_limit_min, pass_score;
	const char *kind, *level, *questions, *title, *unit_path;
};

struct sitting_row {
	int64_t id, paper_id, user_id, started_at, deadline_at, submitted_at, correct, total, score, pass_score, passed;
	const char *kind, *level, *questions, *keys, *answers, *unit_path, *user_name, *title;
};

static const struct rows_col sitting_cols[] = {
	ROWS_INT(struct sitting_row, id), ROWS_INT(struct sitting_row, paper_id), ROWS_INT(struct sitting_row, user_id),
	ROWS_INT(struct sitting_row, started_at), ROWS_INT(struct sitting_row, deadline_at),
	ROWS_INT(struct sitting_row, submitted_at), ROWS_INT(struct sitting_row, correct),
	ROWS_INT(struct sitting_row, total), ROWS_INT(struct sitting_row, score), ROWS_INT(struct sitting_row, pass_score),
	ROWS_INT(struct sitting_row, passed), ROWS_TEXT(struct sitting_row, kind), ROWS_TEXT(struct sitting_row, level),
	ROWS_TEXT(struct sitting_row, questions), ROWS_TEXT(struct sitting_row, keys),
	ROWS_TEXT(struct sitting_row, answers), ROWS_TEXT(struct sitting_row, unit_path),
	ROWS_TEXT(struct sitting_row, user_name), ROWS_TEXT(struct sitting_row, title),
};

static const char sitting_sql[] =
	"SELECT s.id, s.paper_id, s.user_id, s.started_at, s.deadline_at, s.submitted_at, s.correct, s.total, s.score,"
	" s.pass_score, s.passed, s.kind, s.level, s.questions, s.answer_keys, s.answers, o.path, u.name, p.title"
	" FROM exam_sitting s JOIN org_unit o ON o.id = s.unit_id JOIN users u ON u.id = s.user_id"
	" LEFT JOIN exam_paper p ON p.id = s.paper_id WHERE s.id = ?";

/* The questions of a sitting without keys; with keys, answers and
 * explanations when reveal. */
static int sitting_questions(struct ctx *c, const struct sitting_row *s, int reveal, json_t **out)
{
	int64_t *ids;
	size_t n, nk = 0;
	json_t *items = json_array(), *answers = NULL;
	const char *keys = s->keys;
	int rc;

	*out = NULL;
	if (!items)
		return NOMEM(c);
	rc = parse_ids(c, s->questions, &ids, &n);
	if (!rc && reveal && s->answers)
		rc = json_parse_stored(s->answers, &answers, c->err);
	for (size_t i = 0; i < n && !rc; i++) {
		struct rows_query q;
		json_t *row = NULL, *opts = NULL;
		const char *comma = strchr(keys, ',');
		size_t klen = comma ? (size_t)(comma - keys) : strlen(keys);

		rows_binds(&q, c);
		rows_bind_int(&q, ids[i]);
		rc = rows_one(&q, "SELECT id, kind, stem, options, explanation, rule_code FROM exam_question WHERE id = ?",
			      &row);
		if (rc == PS_ENOTFOUND) { /* questions are withdrawn, never deleted */
			rc = PS_OK;
			continue;
		}
		if (rc)
			break;
		rc = json_parse_stored(row_str(row, "options"), &opts, c->err);
		json_object_set_new(row, "options", opts ? opts : json_array());
		json_object_set_new(row, "kind_label", json_string(enums_label(ES_EXAM_QUESTION_KIND, row_str(row, "kind"))));
		json_object_set_new(row, "no", json_integer((json_int_t)i + 1));
		if (reveal) {
			json_object_set_new(row, "key", json_stringn(keys, klen));
			json_t *a = json_array_get(answers, i);

			json_object_set_new(row, "answer", a ? json_incref(a) : json_null());
			json_object_set_new(row, "right", json_boolean(a && json_is_string(a) &&
								      strlen(json_string_value(a)) == klen &&
								      !strncmp(json_string_value(a), keys, klen)));
		} else {
			json_object_del(row, "explanation");
		}
		json_array_append_new(items, row);
		nk++;
		keys = comma ? comma + 1 : keys + klen;
	}
	json_decref(answers);
	if (rc) {
		json_decref(items);
		return rc;
	}
	*out = items;
	return PS_OK;
}

static json_t *sitting_json(struct ctx *c, const struct sitting_row *s, json_t *questions)
{
	int expired = !s->submitted_at && c->now > s->deadline_at;
	json_t *o = json_pack("{s:I, s:s, s:s, s:I, s:s, s:I, s:I, s:I, s:I, s:b, s:b, s:o}", "id", (json_int_t)s->id,
			      "kind", s->kind, "kind_label", enums_label(ES_EXAM_KIND, s->kind), "user_id",
			      (json_int_t)s->user_id, "user_name", s->user_name ? s->user_name : "", "started_at",
			      (json_int_t)s->started_at, "deadline_at", (json_int_t)s->deadline_at, "total",
			      (json_int_t)s->total, "pass_score", (json_int_t)s->pass_score, "submitted",
			      s->submitted_at != 0, "expired", expired, "questions", questions ? questions : json_array());

	if (!o)
		return NULL;
	if (s->paper_id)
		json_object_set_new(o, "paper_id", json_integer(s->paper_id));
	if (s->title)
		json_object_set_new(o, "title", json_string(s->title));
	if (s->level && *s->level) {
		json_object_set_new(o, "level", json_string(s->level));
		json_object_set_new(o, "level_label", json_string(enums_label(ES_EXAM_LEVEL, s->level)));
	}
	if (s->submitted_at) {
		json_object_set_new(o, "submitted_at", json_integer(s->submitted_at));
		json_object_set_new(o, "correct", json_integer(s->correct));
		json_object_set_new(o, "score", json_integer(s->score));
		json_object_set_new(o, "passed", json_boolean(s->passed));
	}
	return o;
}

static int load_sitting(struct ctx *c, int64_t id, struct sitting_row *s)
{
	struct rows_query q;
	int rc;

	memset(s, 0, sizeof(*s));
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_struct(&q, sitting_sql, sitting_cols, sizeof(sitting_cols) / sizeof(sitting_cols[0]), s);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "考试记录不存在");
	return rc;
}

/* TEAM-QUAL-LEVELS: only an officer who passed 中级 may sit 高级 (and 基本级
 * before 中级): the passed qualification sittings are the record. */
static int check_level_order(struct ctx *c, const char *level)
{
	const char *need = !strcmp(level, "advanced") ? "intermediate" : !strcmp(level, "intermediate") ? "basic" : NULL;
	struct rows_query q;
	int64_t n = 0;
	int rc;

	if (!need)
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_text(&q, need);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM exam_sitting WHERE user_id = ? AND kind = 'qualification' AND level = ?"
		      " AND passed = 1",
		      0, &n);
	if (rc)
		return rc;
	if (!n)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", rule_get(RULE_TEAM_QUAL_LEVELS)->code,
			       "须先通过%s执法资格考试，才能参加%s考试", enums_label(ES_EXAM_LEVEL, need),
			       enums_label(ES_EXAM_LEVEL, level));
	return PS_OK;
}

int exams_start(struct ctx *c, int64_t paper_id, int64_t count, json_t **out)
{
	struct paper_row p = { 0 };
	struct sitting_row s = { 0 };
	struct rows_query q;
	int64_t *ids = NULL, id;
	size_t n = 0;
	struct buf keys;
	const char *list, *keytext;
	json_t *questions;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_EXAM_TAKE);
	if (rc)
		return rc;
	if (paper_id) {
		static const struct rows_col cols[] = {
			ROWS_INT(struct paper_row, id), ROWS_INT(struct paper_row, time_limit_min),
			ROWS_INT(struct paper_row, pass_score), ROWS_TEXT(struct paper_row, kind),
			ROWS_TEXT(struct paper_row, level), ROWS_TEXT(struct paper_row, questions),
			ROWS_TEXT(struct paper_row, title), ROWS_TEXT(struct paper_row, unit_path),
		};
		int64_t done = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, paper_id);
		rc = rows_struct(&q,
				 "SELECT p.id, p.time_limit_min, p.pass_score, p.kind, p.level, p.questions, p.title, o.path"
				 " FROM exam_paper p JOIN org_unit o ON o.id = p.unit_id WHERE p.id = ?",
				 cols, sizeof(cols) / sizeof(cols[0]), &p);
		if (rc == PS_ENOTFOUND)
			return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "试卷不存在");
		if (!rc)
			rc = authz_check(c, !strcmp(p.kind, "qualification") ? ACT_EXAM_QUALIFY : ACT_EXAM_TAKE, p.unit_path,
					 0, id_str(c, paper_id));
		if (rc)
			return rc;
		rows_binds(&q, c);
		rows_bind_int(&q, paper_id);
		rows_bind_int(&q, c->who.user_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM exam_sitting WHERE paper_id = ? AND user_id = ?", 0, &done);
		if (rc)
			return rc;
		if (done)
			return ps_fail(c->err, PS_ECONFLICT, "EXAM_TAKEN", NULL, "本试卷只能参加一次，您已参加过");
		if (!strcmp(p.kind, "qualification")) {
			rc = check_level_order(c, p.level);
			if (rc)
				return rc;
		}
		rc = parse_ids(c, p.questions, &ids, &n);
	} else {
		int64_t want = count > 0 ? count : setting_int(c, "exam.practice_questions", c->who.unit_id);

		if (want > MAX_QUESTIONS)
			return ps_fail_field(c->err, PS_EINVAL, "count", "练习题数应为1至%d", MAX_QUESTIONS);
		rc = questions_sync(c, NULL, NULL, NULL);
		if (!rc)
			rc = draw(c, &ids, &n);
		if (!rc && n == 0)
			return ps_fail(c->err, PS_ECONFLICT, "EMPTY_BANK", NULL, "题库中还没有题目");
		if ((int64_t)n > want)
			n = (size_t)want;
		p.kind = "practice";
		p.time_limit_min = setting_int(c, "exam.practice_minutes", c->who.unit_id);
		p.pass_score = setting_int(c, "exam.pass_score", 0);
	}
	if (rc)
		return rc;
	/* the keys as they are now: a later change of the bank does not change
	 * the marking of a sitting already started */
	buf_init(&keys, 1 << 14);
	for (size_t i = 0; i < n && !rc; i++) {
		const char *key = NULL;
		json_t *row = NULL;

		rows_binds(&q, c);
		rows_bind_int(&q, ids[i]);
		rc = rows_one(&q, "SELECT answer FROM exam_question WHERE id = ?", &row);
		if (!rc)
			key = row_str(row, "answer");
		if (!rc)
			rc = buf_addf(&keys, i ? ",%s" : "%s", key);
		json_decref(row);
	}
	if (!rc && !n)
		rc = buf_adds(&keys, "");
	keytext = rc ? NULL : arena_strdup(c->arena, buf_str(&keys));
	buf_release(&keys);
	if (rc)
		return rc;
	if (!keytext)
		return NOMEM(c);
	rc = join_ids(c, ids, n, &list);
	if (rc)
		return rc;
	rows_binds(&q, c);
	if (paper_id)
		rows_bind_int(&q, paper_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_text(&q, p.kind);
	rows_bind_text(&q, empty(p.level) ? NULL : p.level);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->who.unit_id);
	rows_bind_text(&q, list);
	rows_bind_text(&q, keytext);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, c->now + p.time_limit_min * 60);
	rows_bind_int(&q, (int64_t)n);
	rows_bind_int(&q, p.pass_score);
	rc = rows_insert(&q,
			 "INSERT INTO exam_sitting(paper_id, kind, level, user_id, unit_id, questions, answer_keys, started_at,"
			 " deadline_at, total, pass_score) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "exam.start", "exam_sitting", id_str(c, id), "success",
				 enums_label(ES_EXAM_KIND, p.kind));
	if (!rc)
		rc = load_sitting(c, id, &s);
	if (!rc)
		rc = sitting_questions(c, &s, 0, &questions);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "sitting", sitting_json(c, &s, questions));
	return *out ? PS_OK : NOMEM(c);
}

/* Only the officer's own sitting may be answered; the unit's chief and legal
 * staff may read the unit's. */
static int check_read(struct ctx *c, const struct sitting_row *s, int own_only)
{
	if (own_only || s->user_id == c->who.user_id)
		return authz_check(c, ACT_EXAM_ANSWER, s->unit_path, s->user_id, id_str(c, s->id));
	return authz_check(c, ACT_EXAM_RESULT_LIST, s->unit_path, 0, id_str(c, s->id));
}

int exams_submit(struct ctx *c, int64_t id, json_t *answers, json_t **out)
{
	struct sitting_row s;
	struct rows_query q;
	json_t *given, *questions, *a;
	int64_t *ids, correct = 0, score;
	size_t n, i;
	const char *keys;
	char *text;
	int rc;

	*out = NULL;
	rc = load_sitting(c, id, &s);
	if (!rc)
		rc = check_read(c, &s, 1);
	if (rc)
		return rc;
	if (s.submitted_at)
		return ps_fail(c->err, PS_ECONFLICT, "EXAM_SUBMITTED", NULL, "本次考试已经交卷");
	if (c->now > s.deadline_at)
		return ps_fail(c->err, PS_ECONFLICT, "EXAM_TIME_UP", NULL, "考试时间已到，答案不再接收");
	rc = parse_ids(c, s.questions, &ids, &n);
	if (rc)
		return rc;
	given = json_array();
	if (!given)
		return NOMEM(c);
	for (i = 0; i < n; i++)
		json_array_append_new(given, json_null());
	json_array_foreach(answers, i, a) {
		json_t *qid = json_object_get(a, "question_id"), *ans = json_object_get(a, "answer");
		size_t k;

		for (k = 0; k < n && (!json_is_integer(qid) || json_integer_value(qid) != ids[k]); k++)
			;
		if (k == n || !json_is_string(ans) || strlen(json_string_value(ans)) > 8) {
			json_decref(given);
			return ps_fail_field(c->err, PS_EINVAL, "answers", "第%zu个答案不属于本次考试的题目或格式不正确", i + 1);
		}
		/* letters in order, so that "CA" marks as "AC" */
		char norm[9];
		size_t m = 0;

		for (char l = 'A'; l <= 'Z'; l++)
			if (strchr(json_string_value(ans), l))
				norm[m++] = l;
		norm[m] = 0;
		json_array_set_new(given, k, json_string(norm));
	}
	keys = s.keys;
	for (i = 0; i < n; i++) {
		const char *comma = strchr(keys, ',');
		size_t klen = comma ? (size_t)(comma - keys) : strlen(keys);
		const char *g = json_string_value(json_array_get(given, i));

		if (g && strlen(g) == klen && !strncmp(g, keys, klen))
			correct++;
		keys = comma ? comma + 1 : keys + klen;
	}
	score = n ? (correct * 100 + (int64_t)n / 2) / (int64_t)n : 0;
	text = json_render(given, JSON_COMPACT);
	json_decref(given);
	if (!text)
		return NOMEM(c);
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_text(&q, text);
	rows_bind_int(&q, correct);
	rows_bind_int(&q, score);
	rows_bind_int(&q, score >= s.pass_score);
	rows_bind_int(&q, id);
	rc = rows_exec(&q,
		       "UPDATE exam_sitting SET submitted_at = ?, answers = ?, correct = ?, score = ?, passed = ?"
		       " WHERE id = ? AND submitted_at IS NULL",
		       NULL);
	json_mem_free(text);
	if (!rc)
		rc = audit_write(c, "exam.submit", "exam_sitting", id_str(c, id), "success",
				 arena_printf(c->arena, "%lld分", (long long)score));
	/* a passed 执法资格 exam is the staff record's qualification */
	if (!rc && !strcmp(s.kind, "qualification") && score >= s.pass_score) {
		int updated = 0;

		rc = staff_qualify(c, s.user_id, s.level, ctx_today_str(c), &updated);
	}
	if (!rc)
		rc = load_sitting(c, id, &s);
	if (!rc)
		rc = sitting_questions(c, &s, 1, &questions);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "sitting", sitting_json(c, &s, questions));
	return *out ? PS_OK : NOMEM(c);
}

int exams_get(struct ctx *c, int64_t id, json_t **out)
{
	struct sitting_row s;
	json_t *questions;
	int rc;

	*out = NULL;
	rc = load_sitting(c, id, &s);
	if (!rc)
		rc = check_read(c, &s, 0);
	if (!rc)
		rc = sitting_questions(c, &s, s.submitted_at != 0, &questions);
	if (!rc)
		rc = audit_read(c, "exam_sitting", id_str(c, id));
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "sitting", sitting_json(c, &s, questions));
	return *out ? PS_OK : NOMEM(c);
}

/* The first epoch second of local day d (YYYY-MM-DD): the earliest instant
 * whose local day is d (date_local_days keeps the zone in one place). */
static int64_t day_start(const char *d)
{
	int y, m, dd;
	int64_t day, lo, hi;

	if (date_parse(d, 10, &y, &m, &dd))
		return 0;
	day = date_days_from_civil(y, m, dd);
	lo = (day - 1) * 86400;
	hi = (day + 1) * 86400;
	while (lo < hi) { /* the first instant with local day >= day */
		int64_t mid = lo + (hi - lo) / 2;

		if (date_local_days(mid) < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int exams_results(struct ctx *c, const char *from, const char *to, json_t **out)
{
	struct rows_query q;
	json_t *items, *it, *officers, *o;
	int unit_wide;
	size_t i;
	int rc;

	*out = NULL;
	unit_wide = authz_allowed(c, ACT_EXAM_RESULT_LIST);
	rc = authz_require(c, unit_wide ? ACT_EXAM_RESULT_LIST : ACT_EXAM_TAKE);
	if (rc)
		return rc;
	if (!empty(from) && !date_valid_str(from))
		return ps_fail_field(c->err, PS_EINVAL, "from", "日期应为 YYYY-MM-DD");
	if (!empty(to) && !date_valid_str(to))
		return ps_fail_field(c->err, PS_EINVAL, "to", "日期应为 YYYY-MM-DD");
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_int(&q, unit_wide ? 0 : c->who.user_id);
	rows_bind_int(&q, unit_wide ? 0 : c->who.user_id);
	rows_bind_int(&q, empty(from) ? 0 : day_start(from));
	rows_bind_int(&q, empty(to) ? INT64_MAX / 2 : day_start(to) + 86400);
	rc = rows_all(&q,
		      "SELECT s.id, s.paper_id, s.kind, s.level, s.user_id, u.name AS user_name, o.name AS unit_name, p.title,"
		      " s.started_at, s.deadline_at, s.submitted_at, s.correct, s.total, s.score, s.pass_score, s.passed"
		      " FROM exam_sitting s JOIN org_unit o ON o.id = s.unit_id JOIN users u ON u.id = s.user_id"
		      " LEFT JOIN exam_paper p ON p.id = s.paper_id"
		      " WHERE o.path LIKE ? AND (? = 0 OR s.user_id = ?) AND s.started_at >= ? AND s.started_at < ?"
		      " ORDER BY s.started_at DESC, s.id DESC LIMIT 1000",
		      &items);
	if (rc)
		return rc;
	officers = json_object();
	if (!officers) {
		json_decref(items);
		return NOMEM(c);
	}
	json_array_foreach(items, i, it) {
		const char *kind = row_str(it, "kind"), *level = row_str(it, "level");
		const char *uid = arena_printf(c->arena, "%lld", (long long)row_int(it, "user_id"));
		int submitted = json_is_integer(json_object_get(it, "submitted_at"));
		int expired = !submitted && c->now > row_int(it, "deadline_at");
		int64_t score = row_int(it, "score");

		json_object_set_new(it, "kind_label", json_string(enums_label(ES_EXAM_KIND, kind)));
		if (level && *level)
			json_object_set_new(it, "level_label", json_string(enums_label(ES_EXAM_LEVEL, level)));
		/* a sitting not handed in before its limit counts as 0 */
		json_object_set_new(it, "status", json_string(submitted ? "submitted" : expired ? "expired" : "open"));
		json_object_set_new(it, "status_label", json_string(submitted ? "已交卷" : expired ? "超时未交（0分）" : "进行中"));
		if (expired)
			score = 0;
		o = json_object_get(officers, uid);
		if (!o) {
			o = json_pack("{s:I, s:s, s:s, s:i, s:i, s:i, s:i, s:n}", "user_id", (json_int_t)row_int(it, "user_id"),
				      "user_name", row_str(it, "user_name"), "unit_name", row_str(it, "unit_name"), "exams", 0,
				      "practices", 0, "score_sum", 0, "best", 0, "qualification");
			if (!o || json_object_set_new(officers, uid, o)) {
				json_decref(items);
				json_decref(officers);
				return NOMEM(c);
			}
		}
		if (!strcmp(kind, "practice")) {
			json_object_set_new(o, "practices", json_integer(json_integer_value(json_object_get(o, "practices")) + 1));
			continue;
		}
		if (!submitted && !expired)
			continue;
		json_object_set_new(o, "exams", json_integer(json_integer_value(json_object_get(o, "exams")) + 1));
		json_object_set_new(o, "score_sum", json_integer(json_integer_value(json_object_get(o, "score_sum")) + score));
		if (score > json_integer_value(json_object_get(o, "best")))
			json_object_set_new(o, "best", json_integer(score));
		if (!strcmp(kind, "qualification") && row_int(it, "passed")) {
			/* the highest level passed (rows are newest first) */
			const char *have = json_string_value(json_object_get(o, "qualification"));
			static const char *const order[] = { "basic", "intermediate", "advanced" };
			int hv = -1, lv = -1;

			for (int k = 0; k < 3; k++) {
				if (have && !strcmp(have, order[k]))
					hv = k;
				if (!strcmp(level, order[k]))
					lv = k;
			}
			if (lv > hv) {
				json_object_set_new(o, "qualification", json_string(level));
				json_object_set_new(o, "qualification_label", json_string(enums_label(ES_EXAM_LEVEL, level)));
			}
		}
	}
	{
		json_t *list = json_array();
		const char *k;
		json_t *v;

		if (!list) {
			json_decref(items);
			json_decref(officers);
			return NOMEM(c);
		}
		json_object_foreach(officers, k, v) {
			int64_t ex = json_integer_value(json_object_get(v, "exams"));

			json_object_set_new(v, "average",
					    ex ? json_integer((json_integer_value(json_object_get(v, "score_sum")) + ex / 2) / ex)
					       : json_null());
			json_object_del(v, "score_sum");
			json_array_append(list, v);
		}
		json_decref(officers);
		*out = json_pack("{s:o, s:o, s:b}", "items", items, "officers", list, "unit_wide", unit_wide);
	}
	if (!*out)
		return NOMEM(c);
	rc = audit_read_items(c, "exam.results", "exam_sitting", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
