/* persons.c — 实有人口: persons registered with a checked ID number,
 * searchable by any part of the name, compared at once against the wanted
 * list. */
#include "domain/population/persons.h"
#include "domain/population/addresses.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"
#include "rules/date.h"
#include "rules/idcard.h"
#include "core/buf.h"
#include "core/text.h"

#include <stdio.h>
#include <string.h>

int persons_visible(struct ctx *c, int64_t person_id, const char *field)
{
	struct rows_query q;
	int64_t mine = 0, any = 0;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, person_id);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM person p JOIN org_unit o ON o.id = p.unit_id WHERE p.id = ?"
		      " AND o.path LIKE ?",
		      0, &mine);
	if (rc || mine)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, person_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM person WHERE id = ?", 0, &any);
	if (rc)
		return rc;
	if (!any)
		return ps_fail_field(c->err, PS_ENOTFOUND, field, "人员不存在，请先登记为实有人口");
	ctx_deny(c, "person.use", "person", arena_printf(c->arena, "%lld", (long long)person_id),
		 "该人员由其他单位登记，不能在本单位办理");
	c->err->field = field;
	return PS_EFORBIDDEN;
}

/* ---- the name index ---- */

/* Split s into characters: each multi-byte UTF-8 character alone; a run of
 * ASCII letters/digits as one token (lower-cased). Calls fn for each. */
static int for_each_char(const char *s, int (*fn)(void *, const char *, size_t, int), void *arg)
{
	int pos = 0, rc;

	while (*s) {
		const unsigned char u = (unsigned char)*s;
		size_t n;

		if (u < 0x80) {
			if (!((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'))) {
				s++;
				continue;
			}
			for (n = 0; s[n] && (unsigned char)s[n] < 0x80 &&
				    (((s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z') || (s[n] >= '0' && s[n] <= '9'));
			     n++)
				;
		} else {
			n = u >= 0xf0 ? 4 : u >= 0xe0 ? 3 : u >= 0xc0 ? 2 : 1;
			for (size_t k = 1; k < n; k++)
				if (!s[k]) {
					n = k;
					break;
				}
		}
		rc = fn(arg, s, n, pos++);
		if (rc)
			return rc;
		s += n;
	}
	return PS_OK;
}

/* A token of a name as the index holds it: ASCII lower-cased, at most 63
 * bytes. */
static void name_token(const char *ch, size_t n, char tok[64])
{
	if (n >= 64)
		n = 63;
	for (size_t i = 0; i < n; i++)
		tok[i] = (ch[i] >= 'A' && ch[i] <= 'Z') ? (char)(ch[i] | 0x20) : ch[i];
	tok[n] = '\0';
}

struct tokens_arg {
	struct ctx *c;
	const char **toks;
	int n, max;
};

static int token_one(void *arg, const char *ch, size_t n, int pos)
{
	struct tokens_arg *a = arg;
	char tok[64];

	(void)pos;
	if (a->n >= a->max)
		return PS_OK;
	name_token(ch, n, tok);
	a->toks[a->n] = arena_strdup(a->c->arena, tok);
	if (!a->toks[a->n])
		return ps_fail(a->c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	a->n++;
	return PS_OK;
}

int persons_name_tokens(struct ctx *c, const char *name, const char ***toks, int *n)
{
	struct tokens_arg a = { c, NULL, 0, (int)strlen(name) };
	int rc;

	*toks = NULL;
	*n = 0;
	a.toks = arena_alloc(c->arena, sizeof(*a.toks) * (size_t)(a.max + 1));
	if (!a.toks)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = for_each_char(name, token_one, &a);
	if (rc)
		return rc;
	*toks = a.toks;
	*n = a.n;
	return PS_OK;
}

/* The rows of a name (migration 161): each token with the one after it
 * ('' for the last) at its position. sql takes (ch, next_ch, person_id,
 * pos) or, without pos, every position of the pair. */
static int index_rows(struct ctx *c, int64_t person_id, const char *name, const char *sql, int with_pos)
{
	const char **tok;
	int n, rc = persons_name_tokens(c, name, &tok, &n);

	for (int t = 0; !rc && t < n; t++) {
		struct rows_query q;

		rows_binds(&q, c);
		rows_bind_text(&q, tok[t]);
		rows_bind_text_exact(&q, t + 1 < n ? tok[t + 1] : "");
		rows_bind_int(&q, person_id);
		if (with_pos)
			rows_bind_int(&q, t);
		rc = rows_exec(&q, sql, NULL);
	}
	return rc;
}

static const char index_insert_sql[] =
	"INSERT INTO person_name_token(ch, next_ch, person_id, pos) VALUES (?,?,?,?)"
	" ON CONFLICT (ch, next_ch, person_id, pos) DO NOTHING";

int persons_index_new_name(struct ctx *c, int64_t person_id, const char *name)
{
	return index_rows(c, person_id, name, index_insert_sql, 1);
}

int persons_index_name(struct ctx *c, int64_t person_id, const char *old_name, const char *name)
{
	int rc = PS_OK;

	/* the same name keeps its rows; the inserts below change nothing then,
	 * or index a person written without them (a case party). The old
	 * name's rows go by their keys (the index is its primary key alone). */
	if (old_name && strcmp(old_name, name))
		rc = index_rows(c, person_id, old_name,
				"DELETE FROM person_name_token WHERE ch = ? AND next_ch = ? AND person_id = ?", 0);
	return rc ? rc : index_rows(c, person_id, name, index_insert_sql, 1);
}

/* ---- comparison with the wanted list ---- */

int persons_record_hit(struct ctx *c, int64_t person_id, json_t *r, json_t *hits)
{
	struct rows_query q;
	int64_t n = 0;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, person_id);
	rows_bind_int(&q, row_int(r, "wanted_id"));
	rows_bind_int(&q, row_int(r, "unit_id"));
	rows_bind_int(&q, c->now);
	rc = rows_exec(&q,
		       "INSERT INTO comparison_hit(person_id, wanted_id, unit_id, hit_at, status)"
		       " VALUES (?,?,?,?,'new') ON CONFLICT (person_id, wanted_id) DO NOTHING",
		       &n);
	if (!rc && n) {
		rc = audit_write(c, "comparison.hit", "person", arena_printf(c->arena, "%lld", (long long)person_id),
				 "success", row_str(r, "case_desc"));
		if (!rc && hits)
			json_array_append(hits, r);
	}
	return rc;
}

int persons_compare(struct ctx *c, int64_t person_id, json_t *hits)
{
	struct rows_query q;
	json_t *rows, *r;
	size_t i;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, person_id);
	rc = rows_all(&q,
		      "SELECT w.id AS wanted_id, w.name, w.case_desc, w.issuing_unit, p.unit_id, p.id_number"
		      " FROM person p JOIN wanted_person w ON w.id_number = p.id_number"
		      " WHERE p.id = ? AND w.withdrawn_at IS NULL",
		      &rows);
	if (rc)
		return rc;
	json_array_foreach(rows, i, r) {
		rc = persons_record_hit(c, person_id, r, hits);
		if (rc)
			break;
	}
	json_decref(rows);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, c->now);
	rows_bind_int(&q, person_id);
	return rows_exec(&q, "UPDATE person SET compared_at = ? WHERE id = ?", NULL);
}

/* ---- registration ---- */

/* who: "" for the person, "监护人" for a guardian, with its two fields */
static int check_name_phone(struct ctx *c, const char *name, const char *name_field,
			    const char *phone, const char *phone_field, const char *who)
{
	if (!text_is_line(name, PERSON_NAME_MAX))
		return ps_fail_field(c->err, PS_EINVAL, name_field,
				     "%s姓名应为一行、不超过 %d 个字（不含换行和制表符）", who,
				     PERSON_NAME_MAX);
	if (!text_is_line(phone, PERSON_PHONE_MAX))
		return ps_fail_field(c->err, PS_EINVAL, phone_field, "%s电话应为一行、不超过 %d 个字符", who,
				     PERSON_PHONE_MAX);
	return PS_OK;
}

int persons_check_text(struct ctx *c, const char *name, const char *phone)
{
	return check_name_phone(c, name, "name", phone, "phone", "");
}

int persons_check_guardian(struct ctx *c, const char *name, const char *phone)
{
	return check_name_phone(c, name, "guardian_name", phone, "guardian_phone", "监护人");
}

int persons_check(struct ctx *c, const struct person_input *in, struct person_checked *out)
{
	struct idcard id;
	enum idcard_result r;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!in->name || !*in->name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "请填写姓名");
	rc = persons_check_text(c, in->name, in->phone);
	if (rc)
		return rc;
	if (in->kind && !enums_valid(ES_PERSON_KIND, in->kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "人口类别应为 常住/暂住/流动/境外/未落户");
	if (!in->id_number || !*in->id_number)
		return ps_fail_field(c->err, PS_EINVAL, "id_number", "请填写公民身份号码");
	r = idcard_parse(in->id_number, strlen(in->id_number), ctx_today_ymd(c), &id);
	if (r != IDCARD_OK)
		return ps_fail_field(c->err, PS_EINVAL, "id_number", "%s", idcard_result_message(r));
	out->id_number = arena_strdup(c->arena, id.number);
	out->birth_date = arena_printf(c->arena, "%04d-%02d-%02d", id.birth_year, id.birth_month, id.birth_day);
	out->sex = id.male ? "M" : "F";
	if (!out->id_number || !out->birth_date)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	/* typed values must agree with the number */
	if (in->birth_date && *in->birth_date && strcmp(in->birth_date, out->birth_date) != 0)
		return ps_fail_field(c->err, PS_EINVAL, "birth_date",
				     "出生日期与身份证号码不符（号码中为 %s）", out->birth_date);
	if (in->sex && *in->sex && strcmp(in->sex, out->sex) != 0)
		return ps_fail_field(c->err, PS_EINVAL, "sex", "性别与身份证号码不符");
	return PS_OK;
}

int persons_register_id(struct ctx *c, const struct person_input *in, int64_t *out_id, int *out_created,
			json_t *hits)
{
	struct person_checked ck;
	struct rows_query q;
	const char *birth, *sex;
	struct was {
		const char *name; /* the name the index holds */
	} was = { NULL };
	static const struct rows_col was_cols[] = { ROWS_TEXT(struct was, name) };
	int64_t pid = 0;
	int created = 0, rc;

	*out_id = 0;
	*out_created = 0;
	rc = authz_require(c, ACT_PERSON_REGISTER);
	if (!rc)
		rc = persons_check(c, in, &ck);
	if (rc)
		return rc;
	birth = ck.birth_date;
	sex = ck.sex;
	if (in->address_id) {
		int64_t n = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, in->address_id);
		rows_bind_text(&q, ctx_scope_like(c));
		rc = rows_int(&q,
			      "SELECT COUNT(*) FROM address a JOIN org_unit o ON o.id = a.station_id"
			      " WHERE a.id = ? AND o.path LIKE ?",
			      0, &n);
		if (!rc && !n)
			rc = ps_fail_field(c->err, PS_EINVAL, "address_id", "地址不存在或不属于本所");
		if (rc)
			return rc;
	}
	rows_binds(&q, c);
	rows_bind_text(&q, ck.id_number);
	rc = rows_int(&q, "SELECT id FROM person WHERE id_number = ?", 0, &pid);
	if (rc)
		return rc;
	if (pid) {
		/* a record of another unit is not taken over by registering it again */
		rc = persons_visible(c, pid, "id_number");
		if (rc == PS_EFORBIDDEN)
			return ps_fail(c->err, PS_ECONFLICT, "PERSON_OF_OTHER_UNIT", NULL,
				       "该身份证号码的人员已由其他单位登记；迁入本辖区请由原登记单位办理迁出或联系督察调整");
		if (rc)
			return rc;
		rows_binds(&q, c);
		rows_bind_int(&q, pid);
		rc = rows_struct(&q, "SELECT name FROM person WHERE id = ?", was_cols,
				 sizeof(was_cols) / sizeof(was_cols[0]), &was);
		rows_binds(&q, c);
		rows_bind_text(&q, in->name);
		rows_bind_text(&q, in->phone);
		rows_bind_text(&q, in->kind);
		if (in->address_id)
			rows_bind_int(&q, in->address_id);
		else
			rows_bind_text(&q, NULL);
		rows_bind_text(&q, in->household_no);
		rows_bind_int(&q, in->has_key_person ? in->key_person : -1);
		rows_bind_int(&q, in->has_key_person ? in->key_person : -1);
		rows_bind_text(&q, in->key_tags);
		rows_bind_int(&q, c->who.station_id);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, pid);
		if (!rc)
			rc = rows_exec(&q,
				       "UPDATE person SET name = ?, phone = COALESCE(?, phone), kind = COALESCE(?, kind),"
				       " address_id = COALESCE(?, address_id), household_no = COALESCE(?, household_no),"
				       " key_person = CASE WHEN ? < 0 THEN key_person ELSE ? END,"
				       " key_tags = COALESCE(?, key_tags), unit_id = ?, updated_at = ? WHERE id = ?",
				       NULL);
	} else {
		created = 1;
		rows_binds(&q, c);
		rows_bind_text(&q, ck.id_number);
		rows_bind_text(&q, in->name);
		rows_bind_text(&q, sex);
		rows_bind_text(&q, birth);
		rows_bind_text(&q, in->phone);
		rows_bind_text(&q, in->kind ? in->kind : "resident");
		if (in->address_id)
			rows_bind_int(&q, in->address_id);
		else
			rows_bind_text(&q, NULL);
		rows_bind_text(&q, in->household_no);
		rows_bind_int(&q, in->key_person);
		rows_bind_text(&q, in->key_tags);
		rows_bind_int(&q, c->who.station_id);
		rows_bind_int(&q, c->who.user_id);
		rows_bind_int(&q, c->now);
		rows_bind_int(&q, c->now);
		rc = rows_insert(&q,
				 "INSERT INTO person(id_number, name, sex, birth_date, phone, kind, address_id,"
				 " household_no, key_person, key_tags, unit_id, created_by, created_at, updated_at)"
				 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
				 &pid);
	}
	if (!rc)
		rc = created ? persons_index_new_name(c, pid, in->name) : persons_index_name(c, pid, was.name, in->name);
	if (!rc)
		rc = persons_compare(c, pid, hits);
	if (!rc)
		rc = audit_write(c, created ? "person.create" : "person.update", "person",
				 arena_printf(c->arena, "%lld", (long long)pid), "success", NULL);
	if (rc)
		return rc;
	*out_id = pid;
	*out_created = created;
	return PS_OK;
}

int persons_register(struct ctx *c, const struct person_input *in, json_t **out)
{
	struct rows_query q;
	json_t *hits, *p;
	int64_t pid;
	int created, rc;

	*out = NULL;
	hits = json_array();
	if (!hits)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = persons_register_id(c, in, &pid, &created, hits);
	json_decref(hits);
	if (rc)
		return rc;
	/* the response names every open hit of the person, not only new ones */
	rows_binds(&q, c);
	rows_bind_int(&q, pid);
	rc = rows_all(&q,
		      "SELECT w.id AS wanted_id, w.name, w.case_desc, w.issuing_unit, h.status"
		      " FROM comparison_hit h JOIN wanted_person w ON w.id = h.wanted_id"
		      " WHERE h.person_id = ? AND h.status <> 'closed'",
		      &hits);
	if (rc)
		return rc;
	rc = rows_one(&q, "SELECT id, name, sex, birth_date, kind, address_id, compared_at FROM person"
			  " WHERE id = ?", &p);
	if (rc) {
		json_decref(hits);
		return rc;
	}
	*out = json_pack("{s:o, s:b, s:o}", "person", p, "created", created, "hits", hits);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* ---- search ---- */

struct name_terms {
	const char *t[4];
	int n;
	struct ctx *c;
};

static int collect_term(void *arg, const char *ch, size_t n, int pos)
{
	struct name_terms *nt = arg;

	(void)pos;
	if (nt->n < 4) {
		char tok[64];

		name_token(ch, n, tok);
		nt->t[nt->n++] = arena_strdup(nt->c->arena, tok);
	}
	return PS_OK;
}

#define PERSONS_COUNT_CAP 1000

/* s without its spaces (an address is searched as one string), in c's
 * arena; NULL for NULL, and with q->oom set when out of memory. */
static const char *without_spaces(struct ctx *c, const char *s, struct rows_query *q)
{
	char *o, *w;

	if (!s)
		return NULL;
	o = arena_strdup(c->arena, s);
	if (!o) {
		q->oom = 1;
		return NULL;
	}
	w = o;
	for (const char *p = s; *p; p++)
		if (*p != ' ')
			*w++ = *p;
	*w = '\0';
	return o;
}

/* s with every character after the first keep replaced by '*' (ASCII
 * digits and letters only are expected: an ID prefix, a phone). */
static const char *masked_after(struct ctx *c, const char *s, size_t keep)
{
	char *m = arena_strdup(c->arena, s);
	size_t n = m ? strlen(m) : 0;

	for (size_t i = keep; i < n; i++)
		m[i] = '*';
	return m ? m : "";
}

/* The search's terms for its audit row: names and addresses as asked,
 * numbers masked (an ID prefix keeps its region, a phone its first 3). */
static const char *search_terms(struct ctx *c, const struct person_filter *f)
{
	struct buf b;
	const char *out;

	buf_init(&b, 1024);
	if (f->name && *f->name)
		buf_addf(&b, "name:%s;", f->name);
	if (f->id_prefix && *f->id_prefix)
		buf_addf(&b, "id_prefix:%s;", masked_after(c, f->id_prefix, 6));
	if (f->phone && *f->phone)
		buf_addf(&b, "phone:%s;", masked_after(c, f->phone, 3));
	if (f->address && *f->address)
		buf_addf(&b, "address:%s;", f->address);
	if (f->kind && *f->kind)
		buf_addf(&b, "kind:%s;", f->kind);
	out = arena_strdup(c->arena, buf_str(&b) ? buf_str(&b) : "");
	buf_release(&b);
	return out ? out : "";
}

/* A row of persons_search: the ID number and the phone masked (PII-1);
 * *arg: the ID number shows its region only (a prefix search already knows
 * the first characters: the last four would complete the number). */
static int search_row(struct ctx *c, struct db_stmt *st, struct jw *w, void *arg)
{
	int tail_hidden = *(const int *)arg, idn = rows_col_index(st, "id_number"),
	    phone = rows_col_index(st, "phone");

	(void)c;
	for (int i = 0, n = db_column_count(st); i < n; i++) {
		char masked[24];

		if (db_column_type(st, i) != DB_TEXT || (i != idn && i != phone)) {
			rows_write_col(st, i, w);
		} else if (i == phone) {
			text_mask_phone(db_column_text(st, i), masked);
			jw_str(w, "phone", masked);
		} else {
			idcard_mask(db_column_text(st, i), masked);
			if (tail_hidden)
				for (size_t x = 6; masked[x]; x++)
					masked[x] = '*';
			jw_str(w, "id_number", masked);
		}
	}
	return PS_OK;
}

int persons_search(struct ctx *c, const struct person_filter *f, struct jw *w)
{
	/* the name condition by the number of characters (1–4), on the name
	 * index's key (migration 161): a character, a character and the next,
	 * or two such rows at consecutive or adjacent positions; longer names
	 * add a LIKE */
	static const char *const by_len[] = {
		NULL,
		"p.id IN (SELECT a.person_id FROM person_name_token a WHERE a.ch = ?)",
		"p.id IN (SELECT a.person_id FROM person_name_token a WHERE a.ch = ? AND a.next_ch = ?)",
		"p.id IN (SELECT a.person_id FROM person_name_token a JOIN person_name_token b"
		" ON b.person_id = a.person_id AND b.pos = a.pos + 1"
		" WHERE a.ch = ? AND a.next_ch = ? AND b.ch = ? AND b.next_ch = ?)",
		"p.id IN (SELECT a.person_id FROM person_name_token a JOIN person_name_token b"
		" ON b.person_id = a.person_id AND b.pos = a.pos + 2"
		" WHERE a.ch = ? AND a.next_ch = ? AND b.ch = ? AND b.next_ch = ?)",
	};
	struct name_terms nt = { { 0 }, 0, c };
	struct rows_query q;
	struct rows_written rows;
	struct buf ids;
	int64_t units = 0;
	int rc, tail_hidden, whole = 0;

	rc = authz_require(c, ACT_PERSON_SEARCH);
	if (rc)
		return rc;
	if (f->name && *f->name)
		for_each_char(f->name, collect_term, &nt);
	rc = rows_scope(c, &units, &whole);
	if (rc)
		return rc;
	/* a scope that holds every unit (unit_id is a NOT NULL reference)
	 * tests no unit per row; the page's address is joined for its own
	 * rows only (page_key) */
	rows_query_init(&q, c,
			whole ? " FROM person p LEFT JOIN address a ON a.id = p.address_id WHERE 1 = 1"
			      : " FROM person p JOIN org_unit o ON o.id = p.unit_id LEFT JOIN address a ON a.id = p.address_id"
				" WHERE o.path LIKE ?",
			f->page, f->per_page);
	/* a name of two characters matches thousands in a city: counting them
	 * all was most of a search's time; past 1 000 the list says so */
	q.count_cap = PERSONS_COUNT_CAP;
	q.page_key = "p.id";
	if (!whole)
		rows_bind_text(&q, ctx_scope_like(c));
	if (f->id_prefix && *f->id_prefix) {
		/* a prefix of the number as a range on its unique index: digits
		 * and X sort below "Y" */
		rows_and_text(&q, "p.id_number >= ?", f->id_prefix);
		rows_and_text(&q, "p.id_number < ?", arena_printf(c->arena, "%sY", f->id_prefix));
	}
	rows_and_text(&q, "p.phone = ?", f->phone);
	rows_and_text(&q, "p.kind = ?", f->kind);
	/* 流动人口 are the ones living here: a departure reported (人走报告)
	 * takes a person off the list until registered again */
	if (f->kind && strcmp(f->kind, "floating") == 0)
		rows_and(&q, "NOT EXISTS (SELECT 1 FROM floating_person fp WHERE fp.person_id = p.id"
			     " AND fp.departed_on IS NOT NULL)");
	rows_and_like(&q, "a.community || a.building || a.unit_no || a.room LIKE ?" ROWS_ESCAPE,
		      without_spaces(c, f->address, &q));
	if (nt.n) {
		rows_and(&q, by_len[nt.n]);
		if (nt.n == 1)
			rows_bind_text(&q, nt.t[0]);
		for (int k = 0; k + 1 < nt.n; k += nt.n == 4 ? 2 : 1) {
			rows_bind_text(&q, nt.t[k]);
			rows_bind_text(&q, nt.t[k + 1]);
		}
		/* names longer than four characters: the index narrows, LIKE decides */
		if (nt.n == 4)
			rows_and_like(&q, "p.name LIKE ?" ROWS_ESCAPE, f->name);
	}
	/* no birth date in a list: it is digits 7–14 of the number and would
	 * undo the mask (PII-1); the audited detail route has it */
	tail_hidden = f->id_prefix && strlen(f->id_prefix) > 6;
	rc = rows_page_write(&q,
			     "SELECT p.id, p.name, p.sex, p.id_number, p.phone, p.kind, p.key_person,"
			     " p.compared_at, a.community, a.building, a.unit_no, a.room",
			     "ORDER BY p.id", search_row, &tail_hidden, w, &rows);
	if (rc)
		return rc;
	buf_init(&ids, 4096);
	for (size_t i = 0; i < rows.n && i < ROWS_WRITTEN_IDS; i++)
		buf_addf(&ids, "%s%lld", i ? "," : "", (long long)rows.ids[i]);
	/* AUD-1: a personal-data query: who (the row's user), what was asked
	 * (the ID prefix and phone masked: the log holds no personal numbers,
	 * AUD-6), how many rows and which */
	rc = audit_read_action(c, "person.search", "person", NULL,
			       arena_printf(c->arena, "q=%s total=%lld%s ids=%s", search_terms(c, f),
					    (long long)rows.total, rows.capped ? "+" : "",
					    buf_str(&ids) ? buf_str(&ids) : ""));
	buf_release(&ids);
	return rc;
}

/* What a person's record links to, each list in the reader's scope: another
 * unit's case, rental or letter about the same person is that unit's
 * (each query ends with "o.path LIKE ?"). */
static const struct rows_list person_lists[] = {
	{ "rentals",
	  "SELECT r.id, r.level, r.rooms, a.community, a.building, a.unit_no, a.room FROM rental r"
	  " JOIN address a ON a.id = r.address_id JOIN org_unit o ON o.id = r.station_id"
	  " WHERE r.landlord_id = ? AND o.path LIKE ?" },
	{ "tenancies",
	  "SELECT t.id, t.rental_id, t.from_date, t.to_date, t.layer, a.community, a.building,"
	  " a.unit_no, a.room FROM tenancy t JOIN rental r ON r.id = t.rental_id"
	  " JOIN address a ON a.id = r.address_id JOIN org_unit o ON o.id = r.station_id"
	  " WHERE t.person_id = ? AND o.path LIKE ? ORDER BY t.from_date DESC" },
	/* a confidential reporter's case is not linked from the person
	 * (PROC-ACCEPT-ANON): the case page names them to its own people */
	{ "cases",
	  "SELECT k.id, k.case_no, k.title, k.status, cp.role FROM case_party cp"
	  " JOIN police_case k ON k.id = cp.case_id JOIN org_unit o ON o.id = k.unit_id"
	  " WHERE cp.person_id = ? AND o.path LIKE ? AND cp.confidential = 0 ORDER BY k.id DESC" },
	{ "hits",
	  "SELECT h.id, h.status, h.hit_at, w.name, w.case_desc, w.issuing_unit FROM comparison_hit h"
	  " JOIN wanted_person w ON w.id = h.wanted_id JOIN org_unit o ON o.id = h.unit_id"
	  " WHERE h.person_id = ? AND o.path LIKE ? ORDER BY h.id DESC" },
	{ "floating",
	  "SELECT f.registered_on, f.arrived_on, f.arrival_workdays, f.arrival_late, f.permit_no, f.permit_issued_on, f.permit_expires_on, f.mode,"
	  " f.layer, f.employer_id, e.name AS employer_name FROM floating_person f"
	  " LEFT JOIN employer_unit e ON e.id = f.employer_id JOIN org_unit o ON o.id = f.station_id"
	  " WHERE f.person_id = ? AND o.path LIKE ?" },
	{ "letters",
	  "SELECT l.id, l.to_unit, l.sent_on, l.answered_on, l.result, l.notes FROM inquiry_letter l"
	  " JOIN org_unit o ON o.id = l.station_id WHERE l.person_id = ? AND o.path LIKE ?"
	  " ORDER BY l.id DESC" },
};
#define PERSON_LISTS (int)(sizeof(person_lists) / sizeof(person_lists[0]))

int persons_write(struct ctx *c, int64_t id, struct jw *w)
{
	struct rows_query q;
	int rc;

	rc = authz_require(c, ACT_PERSON_READ);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, ctx_scope_like(c));
	jw_obj(w, NULL);
	jw_obj(w, "person");
	rc = rows_write_cols(&q,
			     "SELECT p.id, p.id_number, p.name, p.sex, p.birth_date, p.phone, p.address, p.occupation,"
			     " p.kind, p.address_id, p.household_no, p.key_person, p.key_tags, p.compared_at, p.unit_id,"
			     " o.name AS unit_name, a.community, a.building, a.unit_no, a.room"
			     " FROM person p JOIN org_unit o ON o.id = p.unit_id LEFT JOIN address a ON a.id = p.address_id"
			     " WHERE p.id = ? AND o.path LIKE ?",
			     w);
	if (rc == PS_ENOTFOUND) {
		int64_t n = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM person WHERE id = ?", 0, &n);
		if (!rc && n)
			return ctx_deny(c, "person.read", "person", arena_printf(c->arena, "%lld", (long long)id),
					"无权查看其他单位登记的人员");
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "人员不存在");
	}
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_write_lists(&q, person_lists, PERSON_LISTS, NULL, w);
	if (rc)
		return rc;
	jw_end_obj(w);
	jw_end_obj(w);
	rc = rows_write_rc(c, w);
	/* the full record is personal data: the read is audited (PII-1, AUD-1) */
	if (!rc)
		rc = audit_read(c, "person", arena_printf(c->arena, "%lld", (long long)id));
	return rc;
}
