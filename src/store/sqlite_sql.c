/* sqlite_sql.c — the SQLite store's rewrite of CHECK lists (sqlite_sql.h).
 * Text only: no connection. */
#include "store/sqlite_sql.h"
#include "core/buf.h"
#include "core/mem.h"

#include <string.h>
#include <strings.h>

enum tok { T_WORD, T_QUOTED, T_STR, T_NUM, T_LP, T_RP, T_COMMA, T_MINUS, T_OTHER };

struct token {
	enum tok t;
	const char *s;
	size_t n;
};

static int is_word(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       ch == '_' || ch == '$' || (unsigned char)ch >= 0x80;
}

/* The next token at *p, past blanks and comments; 0 at the end. */
static int lex(const char **p, struct token *t)
{
	const char *s = *p;

	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
			s++;
		if (s[0] == '-' && s[1] == '-') {
			s += strcspn(s, "\n");
		} else if (s[0] == '/' && s[1] == '*') {
			const char *e = strstr(s + 2, "*/");

			s = e ? e + 2 : s + strlen(s);
		} else {
			break;
		}
	}
	if (!*s)
		return 0;
	t->s = s;
	if (*s == '\'' || *s == '"' || *s == '`' || *s == '[') {
		char q = *s == '[' ? ']' : *s;

		s++;
		while (*s && !(*s == q && (q == ']' || s[1] != q)))
			s += (*s == q) ? 2 : 1;
		if (*s)
			s++;
		t->t = t->s[0] == '\'' ? T_STR : T_QUOTED;
	} else if (*s >= '0' && *s <= '9') {
		while (is_word(*s) || *s == '.')
			s++;
		t->t = T_NUM;
	} else if (is_word(*s)) {
		while (is_word(*s))
			s++;
		t->t = T_WORD;
	} else {
		t->t = *s == '(' ? T_LP : *s == ')' ? T_RP : *s == ',' ? T_COMMA : *s == '-' ? T_MINUS : T_OTHER;
		s++;
	}
	t->n = (size_t)(s - t->s);
	*p = s;
	return 1;
}

static int word_is(const struct token *t, const char *kw)
{
	return t->t == T_WORD && t->n == strlen(kw) && strncasecmp(t->s, kw, t->n) == 0;
}

/* 1 when tk[k] stands before an operand of its own: '(', OR, a NOT that
 * is not IS NOT's, an AND that is not BETWEEN's. IS NOT and BETWEEN … AND
 * bind as tightly as IN and are read left to right: `b IS NOT a IN (…)` is
 * `(b IS NOT a) IN (…)`, and `b BETWEEN 1 AND a IN (…)` is
 * `(b BETWEEN 1 AND a) IN (…)`. A CHECK with any BETWEEN before the AND is
 * left alone, whichever AND closes it. */
static int joins(const struct token *tk, long from, long k)
{
	const struct token *t = &tk[k];

	if (t->t == T_LP || word_is(t, "OR"))
		return 1;
	if (word_is(t, "NOT"))
		return !(k > from && word_is(&tk[k - 1], "IS"));
	if (!word_is(t, "AND"))
		return 0;
	for (long j = from; j < k; j++)
		if (word_is(&tk[j], "BETWEEN"))
			return 0;
	return 1;
}

/* a column's name: a word that is no keyword an operand may be, or quoted */
static int names_column(const struct token *t)
{
	static const char *const not_names[] = { "NOT", "NULL", "AND", "OR", "CASE", "EXISTS",
						  "TRUE", "FALSE", "CAST", "IN", NULL };

	if (t->t == T_QUOTED)
		return 1;
	if (t->t != T_WORD || (t->s[0] >= '0' && t->s[0] <= '9'))
		return 0;
	for (int i = 0; not_names[i]; i++)
		if (word_is(t, not_names[i]))
			return 0;
	return 1;
}

/* The constants of the list whose '(' is tk[i]: the index of its ')', or
 * -1 when an item is not a constant. *count the items. */
static long constant_list(const struct token *tk, long n, long i, int *count)
{
	long k = i + 1;

	*count = 0;
	while (k < n) {
		/* an item: text, a number, a negative number */
		if (tk[k].t == T_MINUS && k + 1 < n && tk[k + 1].t == T_NUM)
			k++;
		else if (tk[k].t != T_STR && tk[k].t != T_NUM)
			return -1;
		++*count;
		/* then the list's end, or a comma and the next item */
		if (k + 1 < n && tk[k + 1].t == T_RP)
			return k + 1;
		if (k + 1 >= n || tk[k + 1].t != T_COMMA)
			return -1;
		k += 2;
	}
	return -1;
}

/* The end (past its ')') of the CHECK's parenthesis opened at tk[i]. */
static long closing(const struct token *tk, long n, long i)
{
	int depth = 0;

	for (long k = i; k < n; k++) {
		depth += tk[k].t == T_LP ? 1 : tk[k].t == T_RP ? -1 : 0;
		if (!depth)
			return k;
	}
	return n;
}

static void emit(struct buf *b, const char *s, size_t n, int *oom)
{
	if (!*oom && buf_add(b, s, n))
		*oom = 1;
}

/* `(name = c1 OR name = c2 …)` for the IN whose name is tk[k-1] */
static void emit_comparisons(struct buf *b, const struct token *tk, long k, long rp, int *oom)
{
	const struct token *name = &tk[k - 1];
	int first = 1;

	emit(b, "(", 1, oom);
	for (long j = k + 2; j < rp; j++) {
		if (tk[j].t == T_COMMA)
			continue;
		if (!first)
			emit(b, " OR ", 4, oom);
		first = 0;
		emit(b, name->s, name->n, oom);
		emit(b, " = ", 3, oom);
		if (tk[j].t == T_MINUS) {
			emit(b, "-", 1, oom);
			j++;
		}
		emit(b, tk[j].s, tk[j].n, oom);
	}
	emit(b, ")", 1, oom);
}

int sqlite_sql_check_lists(const char *sql, char **out)
{
	struct token *tk = NULL, t;
	const char *p = sql, *copied = sql;
	long n = 0, cap = 0, done = 0;
	struct buf b;
	int oom = 0;

	*out = NULL;
	while (lex(&p, &t)) {
		if (n == cap) {
			struct token *g = ps_realloc(tk, (size_t)(cap = cap ? cap * 2 : 256) * sizeof(*tk));

			if (!g) {
				ps_free(tk);
				return -1;
			}
			tk = g;
		}
		tk[n++] = t;
	}
	buf_init(&b, 16u << 20);
	for (long i = 0; i + 1 < n; i++) {
		long end;

		if (!word_is(&tk[i], "CHECK") || tk[i + 1].t != T_LP)
			continue;
		end = closing(tk, n, i + 1);
		if (end >= n)
			break;
		for (long k = i + 3; k < end; k++) {
			long rp;
			int count;

			if (!word_is(&tk[k], "IN") || tk[k + 1].t != T_LP || !names_column(&tk[k - 1]) ||
			    !joins(tk, i + 1, k - 2))
				continue;
			rp = constant_list(tk, end, k + 1, &count);
			if (rp < 0 || count < 3 ||
			    !(tk[rp + 1].t == T_RP || word_is(&tk[rp + 1], "AND") || word_is(&tk[rp + 1], "OR")))
				continue;
			emit(&b, copied, (size_t)(tk[k - 1].s - copied), &oom);
			emit_comparisons(&b, tk, k, rp, &oom);
			copied = tk[rp].s + tk[rp].n;
			done++;
			k = rp;
		}
		i = end;
	}
	ps_free(tk);
	if (done) {
		emit(&b, copied, strlen(copied), &oom);
		if (!oom && !(*out = buf_take(&b, NULL)))
			oom = 1;
	}
	buf_release(&b);
	return oom ? -1 : (int)done;
}

size_t sqlite_sql_table_head(const char *sql)
{
	const char *p = sql;
	struct token a, b, name;

	if (!lex(&p, &a) || !word_is(&a, "CREATE") || !lex(&p, &b) || !word_is(&b, "TABLE") ||
	    !lex(&p, &name) || !(name.t == T_WORD || name.t == T_QUOTED))
		return 0;
	return (size_t)(name.s + name.n - sql);
}
