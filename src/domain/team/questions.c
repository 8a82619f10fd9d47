/* questions.c — the 三考题库: hand-written questions of the legal staff and
 * questions generated from the rule catalog, kept in step with it. */
#include "domain/team/questions.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/chain.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "core/json.h"
#include "rules/catalog.h"
#include "rules/date.h"

#include <stdio.h>
#include <string.h>

#define NOMEM(c) ps_fail((c)->err, PS_ENOMEM, NULL, NULL, "内存不足")
#define BLANK "（　）"
#define OPTIONS 4

static int empty(const char *s)
{
	return !s || !*s;
}

static int is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static const char cn_digits[10][4] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
static const char cn_chars[] = "零一二三四五六七八九十百千万两";

/* v (1..9999) in Chinese numerals (一千, 十五, 三十, 二百零五) into out; with
 * liang, a leading 2 of a thousand, a hundred or a lone 2 reads 两. */
static void cn_number(int v, int liang, char *out, size_t n)
{
	int th = v / 1000 % 10, h = v / 100 % 10, t = v / 10 % 10, o = v % 10;
	size_t len = 0;

#define PUT(str) (len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s", (str)))
	out[0] = 0;
	if (th)
		PUT(th == 2 && liang ? "两" : cn_digits[th]), PUT("千");
	if (h)
		PUT(h == 2 && liang && !th ? "两" : cn_digits[h]), PUT("百");
	else if (th && (t || o))
		PUT("零");
	if (t) {
		if (t != 1 || v >= 20)
			PUT(cn_digits[t]);
		PUT("十");
	} else if (h && o) {
		PUT("零");
	}
	if (o)
		PUT(o == 2 && liang && v == 2 ? "两" : cn_digits[o]);
#undef PUT
}

/* 1 when the UTF-8 character of 3 bytes at p is a Chinese numeral. */
static int cn_numeral_at(const char *p)
{
	for (const char *q = cn_chars; *q; q += 3)
		if (!strncmp(p, q, 3))
			return 1;
	return 0;
}

/* The first occurrence of form in s standing alone (digits not next to
 * digits; Chinese numerals not next to Chinese numerals), or NULL. */
static const char *find_form(const char *s, const char *form)
{
	size_t n = strlen(form);
	int ascii = is_digit(form[0]);

	for (const char *p = strstr(s, form); p; p = strstr(p + 1, form)) {
		if (ascii ? (p == s || !is_digit(p[-1])) && !is_digit(p[n])
			  : (p - s < 3 || !cn_numeral_at(p - 3)) && (strlen(p + n) < 3 || !cn_numeral_at(p + n)))
			return p;
	}
	return NULL;
}

#define FORMS 3

/* The ways v is written in a sentence: 8 / 八 / 两 … ("" when not used). */
static void figure_forms(int v, char forms[FORMS][32])
{
	snprintf(forms[0], 32, "%d", v);
	forms[1][0] = forms[2][0] = 0;
	if (v > 1 && v < 10000) { /* 一 alone is a word more often than a figure */
		cn_number(v, 0, forms[1], 32);
		cn_number(v, 1, forms[2], 32);
		if (!strcmp(forms[1], forms[2]))
			forms[2][0] = 0;
	}
}

/* 1 when s states v (in any of its forms). */
static int states_figure(const char *s, int v)
{
	char forms[FORMS][32];

	figure_forms(v, forms);
	for (int i = 0; i < FORMS; i++)
		if (forms[i][0] && find_form(s, forms[i]))
			return 1;
	return 0;
}

/* s with every standing occurrence of v replaced: by blank when blank is
 * not NULL, else by `with` written in the same form (arena). */
static char *replace_figure(struct ctx *c, const char *s, int v, const char *blank, int with)
{
	char forms[FORMS][32], wforms[FORMS][32];
	char *cur = arena_strdup(c->arena, s);

	figure_forms(v, forms);
	figure_forms(with > 0 ? with : 1, wforms);
	for (int i = 0; i < FORMS && cur; i++) {
		const char *rep = blank ? blank : wforms[i][0] ? wforms[i] : wforms[0], *p, *src = cur;
		size_t n = strlen(forms[i]), wn = strlen(rep), len = 0;
		char *out;

		if (!forms[i][0] || !find_form(cur, forms[i]))
			continue;
		out = arena_alloc(c->arena, strlen(cur) * (wn + 1) + 1);
		if (!out)
			return NULL;
		while ((p = find_form(src, forms[i]))) {
			memcpy(out + len, src, (size_t)(p - src));
			len += (size_t)(p - src);
			memcpy(out + len, rep, wn);
			len += wn;
			src = p + n;
		}
		memcpy(out + len, src, strlen(src) + 1);
		cur = out;
	}
	return cur;
}

/* A fixed spread of the correct option's place, so that it is not always A. */
static int code_hash(const char *code)
{
	unsigned h = 0;

	for (const char *p = code; *p; p++)
		h = h * 31u + (unsigned char)*p;
	return (int)(h % 1000u);
}

/* Three wrong figures near v, all positive and distinct. */
static void distractors(int v, int out[3])
{
	int cand[] = { v * 2, v >= 4 ? v / 2 : v + 1, v * 3, v > 1 ? v - 1 : v + 2, v + 5, v * 4, v + 10 };
	int k = 0;

	for (size_t i = 0; i < sizeof(cand) / sizeof(cand[0]) && k < 3; i++) {
		int dup = cand[i] <= 0 || cand[i] == v;

		for (int j = 0; j < k && !dup; j++)
			dup = out[j] == cand[i];
		if (!dup)
			out[k++] = cand[i];
	}
}

/* One generated question. */
struct gen_q {
	const char *key, *kind, *stem, *answer, *explanation, *code;
	char *options; /* rendered JSON, arena */
};

struct gen_set {
	struct gen_q *q;
	size_t n, cap;
};

static int render_options(struct ctx *c, json_t *arr, char **out)
{
	char *text;

	*out = NULL;
	if (!arr)
		return NOMEM(c);
	text = json_render(arr, JSON_COMPACT);
	json_decref(arr);
	if (!text)
		return NOMEM(c);
	*out = arena_strdup(c->arena, text);
	json_mem_free(text);
	return *out ? PS_OK : NOMEM(c);
}

static int gen_add(struct ctx *c, struct gen_set *s, const struct gen_q *q)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 256;
		struct gen_q *nq = arena_alloc(c->arena, cap * sizeof(*nq));

		if (!nq)
			return NOMEM(c);
		if (s->n)
			memcpy(nq, s->q, s->n * sizeof(*nq));
		s->q = nq;
		s->cap = cap;
	}
	s->q[s->n++] = *q;
	return PS_OK;
}

/* Rows worth asking about: those in force today (one per code), read in
 * the law ('V' or 'S'), not a design default. */
static int askable(struct ctx *c, const struct rule *r)
{
	const char *today = ctx_today_str(c);

	return r->ver != 'U' && strcmp(r->from, today) <= 0 && (!r->to || strcmp(r->to, today) >= 0) &&
	       r == rule_find_on(r->code, date_local_days(c->now));
}

/* "What is the figure": the rule's plain sentence with its first figure
 * blanked, four figures to choose from. Only when the sentence states it. */
static int gen_value(struct ctx *c, struct gen_set *s, const struct rule *r)
{
	char *stem;
	int wrong[3] = { 0, 0, 0 }, pos, w = 0;
	json_t *opts;
	struct gen_q q = { 0 };
	int rc;

	if (r->unit == RU_NONE || r->value[0] <= 0)
		return PS_OK;
	if (!states_figure(r->plain, r->value[0]))
		return PS_OK;
	stem = replace_figure(c, r->plain, r->value[0], BLANK, 0);
	if (!stem)
		return NOMEM(c);
	distractors(r->value[0], wrong);
	pos = code_hash(r->code) % OPTIONS;
	opts = json_array();
	for (int i = 0; i < OPTIONS && opts; i++) {
		int v = i == pos ? r->value[0] : wrong[w++];

		json_array_append_new(opts, json_sprintf("%d%s", v, rule_unit_label(r->unit)));
	}
	rc = render_options(c, opts, &q.options);
	if (rc)
		return rc;
	q.key = arena_printf(c->arena, "%s:value", r->code);
	q.kind = "single";
	q.stem = arena_printf(c->arena, "%s（依据：%s）", stem, r->source);
	q.answer = arena_printf(c->arena, "%c", 'A' + pos);
	q.explanation = arena_printf(c->arena, "%s：%d%s（%s）", r->label, r->value[0], rule_unit_label(r->unit),
				     r->source);
	q.code = r->code;
	if (!q.key || !q.stem || !q.answer || !q.explanation)
		return NOMEM(c);
	return gen_add(c, s, &q);
}

/* "True or false": the plain sentence as it is, or with its figure changed. */
static int gen_judge(struct ctx *c, struct gen_set *s, const struct rule *r)
{
	int wrong[3] = { 0, 0, 0 }, truth = code_hash(r->code) % 2;
	struct gen_q q = { 0 };
	const char *text;

	if (r->unit == RU_NONE || r->value[0] <= 0)
		return PS_OK;
	if (!states_figure(r->plain, r->value[0]))
		return PS_OK;
	distractors(r->value[0], wrong);
	text = truth ? r->plain : replace_figure(c, r->plain, r->value[0], NULL, wrong[0]);
	if (!text)
		return NOMEM(c);
	q.key = arena_printf(c->arena, "%s:judge", r->code);
	q.kind = "judge";
	q.stem = arena_printf(c->arena, "%s（依据：%s）", text, r->source);
	q.answer = truth ? "T" : "F";
	q.options = "[]";
	q.explanation = arena_printf(c->arena, "%s：%d%s（%s）", r->label, r->value[0], rule_unit_label(r->unit),
				     r->source);
	q.code = r->code;
	if (!q.key || !q.stem || !q.explanation)
		return NOMEM(c);
	return gen_add(c, s, &q);
}

/* "Which article": the rule's label, its source among three other sources
 * of the catalog. Only rows read in the article text ('V'). */
static int gen_source(struct ctx *c, struct gen_set *s, const struct rule *r)
{
	const char *pick[OPTIONS];
	int pos = code_hash(r->code) % OPTIONS, k = 0, h = code_hash(r->code);
	struct gen_q q = { 0 };
	json_t *opts;
	int rc;

	if (r->ver != 'V')
		return PS_OK;
	/* three other sources, walked from a place fixed by the code */
	for (int step = 1; step < RULE_COUNT && k < OPTIONS - 1; step++) {
		const struct rule *o = rule_get((enum rule_id)((h + step * 7) % RULE_COUNT));
		int dup = o->ver != 'V' || !strcmp(o->source, r->source);

		for (int j = 0; j < k && !dup; j++)
			dup = !strcmp(pick[j], o->source);
		if (!dup)
			pick[k++] = o->source;
	}
	if (k < OPTIONS - 1)
		return PS_OK;
	opts = json_array();
	for (int i = 0, w = 0; i < OPTIONS && opts; i++)
		json_array_append_new(opts, json_string(i == pos ? r->source : pick[w++]));
	rc = render_options(c, opts, &q.options);
	if (rc)
		return rc;
	q.key = arena_printf(c->arena, "%s:source", r->code);
	q.kind = "single";
	q.stem = arena_printf(c->arena, "“%s”（%s）的法律依据是：", r->label, r->plain);
	q.answer = arena_printf(c->arena, "%c", 'A' + pos);
	q.explanation = arena_printf(c->arena, "依据%s", r->source);
	q.code = r->code;
	if (!q.key || !q.stem || !q.answer || !q.explanation)
		return NOMEM(c);
	return gen_add(c, s, &q);
}

static int generate_all(struct ctx *c, struct gen_set *s)
{
	int rc = PS_OK;

	for (int i = 0; i < RULE_COUNT && !rc; i++) {
		const struct rule *r = rule_get((enum rule_id)i);

		if (!askable(c, r))
			continue;
		rc = gen_value(c, s, r);
		if (!rc)
			rc = gen_judge(c, s, r);
		if (!rc)
			rc = gen_source(c, s, r);
	}
	return rc;
}

struct stored_q {
	int64_t id, active;
	const char *key, *stem, *options, *answer;
};

int questions_sync(struct ctx *c, int64_t *added, int64_t *updated, int64_t *withdrawn)
{
	static const struct rows_col cols[] = {
		ROWS_INT(struct stored_q, id), ROWS_INT(struct stored_q, active), ROWS_TEXT(struct stored_q, key),
		ROWS_TEXT(struct stored_q, stem), ROWS_TEXT(struct stored_q, options), ROWS_TEXT(struct stored_q, answer),
	};
	struct gen_set s = { 0 };
	struct rows_query q;
	json_t *ids;
	int64_t n_add = 0, n_upd = 0, n_wd = 0;
	size_t i, nstored;
	struct stored_q *st;
	char *seen;
	int rc = generate_all(c, &s);

	if (rc)
		return rc;
	rows_binds(&q, c);
	rc = rows_all(&q, "SELECT id FROM exam_question WHERE gen_key IS NOT NULL ORDER BY id", &ids);
	if (rc)
		return rc;
	nstored = json_array_size(ids);
	st = arena_alloc(c->arena, (nstored + 1) * sizeof(*st));
	seen = arena_alloc(c->arena, nstored + 1);
	if (!st || !seen) {
		json_decref(ids);
		return NOMEM(c);
	}
	memset(seen, 0, nstored + 1);
	for (i = 0; i < nstored && !rc; i++) {
		rows_binds(&q, c);
		rows_bind_int(&q, row_int(json_array_get(ids, i), "id"));
		rc = rows_struct(&q, "SELECT id, active, gen_key, stem, options, answer FROM exam_question WHERE id = ?", cols,
				 sizeof(cols) / sizeof(cols[0]), &st[i]);
	}
	json_decref(ids);
	for (i = 0; i < s.n && !rc; i++) {
		const struct gen_q *g = &s.q[i];
		size_t j;

		for (j = 0; j < nstored; j++)
			if (!strcmp(st[j].key, g->key))
				break;
		rows_binds(&q, c);
		if (j == nstored) {
			int64_t id;

			rows_bind_text(&q, g->kind);
			rows_bind_text(&q, g->stem);
			rows_bind_text(&q, g->options);
			rows_bind_text(&q, g->answer);
			rows_bind_text(&q, g->explanation);
			rows_bind_text(&q, g->code);
			rows_bind_text(&q, g->key);
			rows_bind_int(&q, c->now);
			rows_bind_int(&q, c->now);
			rc = rows_insert(&q,
					 "INSERT INTO exam_question(kind, stem, options, answer, explanation, rule_code, gen_key,"
					 " active, created_at, updated_at) VALUES (?,?,?,?,?,?,?,1,?,?) RETURNING id",
					 &id);
			n_add++;
			continue;
		}
		seen[j] = 1;
		if (st[j].active && !strcmp(st[j].stem, g->stem) && !strcmp(st[j].options, g->options) &&
		    !strcmp(st[j].answer, g->answer))
			continue;
		rows_bind_text(&q, g->kind);
		rows_bind_text(&q, g->stem);
		rows_bind_text(&q, g->options);
		rows_bind_text(&q, g->answer);
		rows_bind_text(&q, g->explanation);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, st[j].id);
		rc = rows_exec(&q,
			       "UPDATE exam_question SET kind = ?, stem = ?, options = ?, answer = ?, explanation = ?, active = 1,"
			       " updated_at = ? WHERE id = ?",
			       NULL);
		n_upd++;
	}
	for (i = 0; i < nstored && !rc; i++) {
		if (seen[i] || !st[i].active)
			continue;
		rows_binds(&q, c);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, st[i].id);
		rc = rows_exec(&q, "UPDATE exam_question SET active = 0, updated_at = ? WHERE id = ?", NULL);
		n_wd++;
	}
	if (rc)
		return rc;
	if (added)
		*added = n_add;
	if (updated)
		*updated = n_upd;
	if (withdrawn)
		*withdrawn = n_wd;
	return PS_OK;
}

int questions_generate(struct ctx *c, json_t **out)
{
	int64_t a = 0, u = 0, w = 0, total = 0;
	struct rows_query q;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_EXAM_QUESTION_WRITE);
	if (!rc)
		rc = questions_sync(c, &a, &u, &w);
	if (!rc) {
		rows_binds(&q, c);
		rc = rows_int(&q, "SELECT COUNT(*) FROM exam_question WHERE gen_key IS NOT NULL AND active = 1", 0, &total);
	}
	if (!rc)
		rc = audit_write(c, "exam_question.generate", "exam_question", NULL, "success",
				 arena_printf(c->arena, "新增%lld 更新%lld 撤下%lld", (long long)a, (long long)u, (long long)w));
	if (rc)
		return rc;
	*out = json_pack("{s:I, s:I, s:I, s:I}", "added", (json_int_t)a, "updated", (json_int_t)u, "withdrawn",
			 (json_int_t)w, "generated", (json_int_t)total);
	return *out ? PS_OK : NOMEM(c);
}

/* The answer of a question of kind, normalised: letters in order for the
 * choices (each a valid option, one for single, two or more for multiple),
 * T/F for judge. NULL when invalid. */
static const char *check_answer(struct ctx *c, const char *kind, const char *answer, size_t nopts)
{
	char buf[16];
	size_t k = 0;

	if (!strcmp(kind, "judge"))
		return !strcmp(answer, "T") || !strcmp(answer, "F") ? answer : NULL;
	for (char l = 'A'; l < (char)('A' + nopts) && l <= 'H'; l++)
		if (strchr(answer, l))
			buf[k++] = l;
	for (const char *p = answer; *p; p++)
		if (*p < 'A' || *p >= (char)('A' + nopts))
			return NULL;
	buf[k] = 0;
	if (k == 0 || (!strcmp(kind, "single") && k != 1) || (!strcmp(kind, "multiple") && k < 2))
		return NULL;
	return arena_strdup(c->arena, buf);
}

int questions_create(struct ctx *c, const struct question_input *in, json_t **out)
{
	struct rows_query q;
	const char *answer;
	char *options = NULL;
	size_t i, nopts = json_array_size(in->options);
	json_t *opt;
	int64_t id;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_EXAM_QUESTION_WRITE);
	if (rc)
		return rc;
	if (!enums_valid(ES_EXAM_QUESTION_KIND, in->kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "题型应为 single（单选）/multiple（多选）/judge（判断）");
	if (empty(in->stem))
		return ps_fail_field(c->err, PS_EINVAL, "stem", "请填写题干");
	if (!strcmp(in->kind, "judge") ? nopts != 0 : (nopts < 2 || nopts > 8))
		return ps_fail_field(c->err, PS_EINVAL, "options",
				     "选择题应有2至8个选项，判断题不设选项");
	json_array_foreach(in->options, i, opt)
		if (!json_is_string(opt) || !*json_string_value(opt) || utf8_chars(json_string_value(opt)) > 200)
			return ps_fail_field(c->err, PS_EINVAL, "options", "选项应为不超过200字的文字");
	answer = check_answer(c, in->kind, in->answer ? in->answer : "", nopts);
	if (!answer)
		return ps_fail_field(c->err, PS_EINVAL, "answer",
				     "答案不正确：单选为一个选项字母，多选为两个以上字母，判断为 T 或 F");
	rc = render_options(c, json_incref(in->options ? in->options : json_array()), &options);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, in->kind);
	rows_bind_text(&q, in->stem);
	rows_bind_text(&q, options);
	rows_bind_text(&q, answer);
	rows_bind_text(&q, in->explanation);
	/* the bank is the county's: a question belongs to the author's 县局 */
	rows_bind_int(&q, chain_bureau_of(c, c->who.unit_path));
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO exam_question(kind, stem, options, answer, explanation, active, unit_id, created_by,"
			 " created_at, updated_at) VALUES (?,?,?,?,?,1,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "exam_question.create", "exam_question", arena_printf(c->arena, "%lld", (long long)id),
				 "success", enums_label(ES_EXAM_QUESTION_KIND, in->kind));
	if (rc)
		return rc;
	*out = json_pack("{s:{s:I, s:s, s:s}}", "question", "id", (json_int_t)id, "kind", in->kind, "answer", answer);
	return *out ? PS_OK : NOMEM(c);
}

int questions_retire(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	int64_t changes = 0;
	int rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_EXAM_QUESTION_WRITE,
			     "SELECT o.path FROM exam_question x JOIN org_unit o ON o.id = x.unit_id WHERE x.id = ?", id,
			     "题目不存在（由规则目录生成的题目随目录更新，不能手工撤下）");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, id);
	rc = rows_exec(&q, "UPDATE exam_question SET active = 0, updated_at = ? WHERE id = ? AND gen_key IS NULL"
			   " AND active = 1", &changes);
	if (rc)
		return rc;
	if (!changes)
		return ps_fail(c->err, PS_ECONFLICT, "ALREADY_RETIRED", NULL, "题目已经撤下");
	rc = audit_write(c, "exam_question.retire", "exam_question", arena_printf(c->arena, "%lld", (long long)id),
			 "success", NULL);
	if (rc)
		return rc;
	*out = json_pack("{s:{s:I, s:b}}", "question", "id", (json_int_t)id, "active", 0);
	return *out ? PS_OK : NOMEM(c);
}

int questions_list(struct ctx *c, const char *kind, const char *source, json_t **out)
{
	struct rows_query q;
	json_t *items, *it;
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_EXAM_QUESTION_LIST);
	if (rc)
		return rc;
	if (!empty(kind) && !enums_valid(ES_EXAM_QUESTION_KIND, kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "题型不正确");
	if (!empty(source) && strcmp(source, "manual") && strcmp(source, "catalog"))
		return ps_fail_field(c->err, PS_EINVAL, "source", "来源应为 manual 或 catalog");
	rows_binds(&q, c);
	rows_bind_int(&q, chain_bureau_of(c, c->who.unit_path));
	rows_bind_text_exact(&q, empty(kind) ? "" : kind);
	rows_bind_text_exact(&q, empty(kind) ? "" : kind);
	rows_bind_text_exact(&q, empty(source) ? "" : source);
	rows_bind_text_exact(&q, empty(source) ? "" : source);
	rows_bind_text_exact(&q, empty(source) ? "" : source);
	rc = rows_all(&q,
		      "SELECT x.id, x.kind, x.stem, x.options, x.answer, x.explanation, x.rule_code, x.gen_key, x.updated_at,"
		      " u.name AS author_name"
		      " FROM exam_question x LEFT JOIN users u ON u.id = x.created_by"
		      " WHERE x.active = 1 AND (x.unit_id IS NULL OR x.unit_id = ?) AND (? = '' OR x.kind = ?)"
		      " AND (? = '' OR (? = 'catalog' AND x.gen_key IS NOT NULL) OR (? = 'manual' AND x.gen_key IS NULL))"
		      " ORDER BY x.gen_key IS NOT NULL, x.id LIMIT 2000",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it) {
		json_t *opts = NULL;

		if (json_parse_stored(row_str(it, "options"), &opts, NULL) || !json_is_array(opts)) {
			json_decref(opts);
			opts = json_array();
		}
		json_object_set_new(it, "options", opts ? opts : json_array());
		json_object_set_new(it, "kind_label", json_string(enums_label(ES_EXAM_QUESTION_KIND, row_str(it, "kind"))));
		json_object_set_new(it, "source", json_string(json_is_string(json_object_get(it, "rule_code")) ? "catalog" : "manual"));
		if (json_is_string(json_object_get(it, "gen_key"))) {
			const char *t = strrchr(row_str(it, "gen_key"), ':');

			json_object_set_new(it, "template", json_string(t ? t + 1 : ""));
		}
		json_object_del(it, "gen_key");
	}
	*out = json_pack("{s:o}", "items", items);
	if (!*out)
		return NOMEM(c);
	rc = audit_read_items(c, "exam_question.list", "exam_question", items, "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
