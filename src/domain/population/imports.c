#include "domain/population/imports.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/population/persons.h"
#include "domain/population/persons_bulk.h"
#include "domain/population/addresses.h"
#include "domain/population/rentals.h"
#include "domain/population/tenancies.h"
#include "domain/population/floating.h"
#include "domain/population/employers.h"
#include "domain/rows.h"
#include "rules/idcard.h"
#include "core/csv.h"
#include "core/num.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the columns of a row that are read: a county's export of a hundred
 * columns has its wanted ones anywhere among them */
#define MAX_COLS 256
#define MAX_KIND_COLS IMPORT_MAX_COLS

/* A refused row in the report. Its reason is valid UTF-8 (ps_fail); were
 * it not, the row is still reported, never dropped. NULL only without
 * memory. */
static json_t *err_row(int row, const char *reason)
{
	json_t *r = json_pack("{s:i, s:s}", "row", row, "reason", reason);

	return r ? r : json_pack("{s:i, s:s}", "row", row, "reason", "该行内容无法读取");
}

/* Reading the file: one record after another (a quoted field may span
 * lines), the header first. */
struct reader {
	struct ctx *c;
	const struct import_kind *k;
	struct csv_reader csv; /* csv.record: the spreadsheet row last read */
	const char *aliases;   /* the county's names for the columns, or NULL */
	int map[MAX_KIND_COLS];
	int have_header;
	int gap; /* a part of a larger file: its rows' numbers in the file
		  * are the part's own plus gap (first_row - 2) */
};

/* The next data row into col (1), or the end (0). A bad header, an open
 * quote or no memory sets *rc and ends. */
static int next_row(struct reader *r, const char **col, int *rc)
{
	const struct import_kind *k = r->k;

	for (;;) {
		char *f[MAX_COLS];
		int nf;

		*rc = csv_read(&r->csv, r->c->arena, f, MAX_COLS, &nf, r->c->err);
		if (*rc || nf == 0)
			return 0;
		if (csv_record_blank(f, nf))
			continue; /* a blank line, or a row of empty cells (",,,," from Excel) */
		if (!r->have_header) {
			for (int i = 0; i < nf; i++)
				for (int j = 0; j < MAX_KIND_COLS && k->headers[j]; j++)
					if (csv_header_is(r->aliases, k->headers[j], f[i]))
						r->map[j] = i;
			for (int j = 0; j < MAX_KIND_COLS && k->headers[j]; j++)
				if (k->required[j] && r->map[j] < 0) {
					*rc = ps_fail(r->c->err, PS_EINVAL, "BAD_IMPORT_HEADER", NULL,
						      "第%d行应为表头，缺少“%s”列", r->csv.record,
						      k->headers[j]);
					return 0;
				}
			r->have_header = 1;
			r->csv.record += r->gap;
			continue;
		}
		for (int j = 0; j < MAX_KIND_COLS; j++)
			col[j] = k->headers[j] && r->map[j] >= 0 && r->map[j] < nf && *f[r->map[j]]
					 ? f[r->map[j]]
					 : NULL;
		return 1;
	}
}

/* One row, its error in e: PS_OK, a refusal of the row (reported, the
 * import goes on) or anything else (the import stops). */
static int one_row(struct ctx *c, const struct import_kind *k, const char *const *col, int *made,
		   json_t *hits, struct ps_err *e)
{
	struct ps_err *saved = c->err;
	int rc = PS_OK;

	ps_err_clear(e);
	c->err = e;
	for (int j = 0; j < MAX_KIND_COLS && k->headers[j] && !rc; j++)
		if (k->required[j] && !col[j])
			rc = ps_fail(e, PS_EINVAL, "MISSING", NULL, "“%s”不能为空", k->headers[j]);
	if (!rc)
		rc = k->row(c, col, made, hits);
	c->err = saved;
	return rc;
}

static int refused(int rc)
{
	return rc == PS_EINVAL || rc == PS_ECONFLICT || rc == PS_ENOTFOUND || rc == PS_ERULE;
}

/* a refused row in the report: its number, the reason and the rule that
 * refused it, if one did */
static json_t *err_row_of(int row, const struct ps_err *e)
{
	json_t *r = err_row(row, e->msg);

	if (r && e->rule)
		json_object_set_new(r, "rule", json_string(e->rule));
	return r;
}

/* Open a savepoint, only inside the request's transaction: when the store
 * rolled that back (an I/O error, a full disk), SAVEPOINT would open a new
 * one and its RELEASE would commit rows on their own. */
static int savepoint_open(struct ctx *c, const char *name)
{
	if (!db_in_transaction(c->db))
		return ps_fail(c->err, PS_EIO, "STORAGE_ERROR", NULL,
			       "数据存储故障，导入事务已被回滚");
	return db_savepoint(c->db, name, c->err);
}

/* Rows go in chunks, each in one savepoint: a savepoint per row copies every
 * page a row touches to the statement journal, and that was half the time
 * of an import. When a row of a chunk is refused, the chunk is undone and
 * its rows are taken again one by one, each all or nothing. */
#define CHUNK_ROWS 64

/* ---- the bulk path (issue 14) ----
 * A chunk of rows is read and checked, then written by the kind's bulk
 * function in one savepoint; the rows it leaves (a person already
 * registered, a number repeated) are then taken one by one, each all or
 * nothing, in file order. When a statement of the bulk write is refused
 * (a constraint), the chunk is undone and every row is taken one by one:
 * a bad row never takes good ones with it. A chunk is as large as the
 * web's request (10 000 rows) allows within the statement limits below:
 * the name index of 8 192 persons sorted together lands on fewer pages
 * than four chunks of 2 048 (bench/, issue 14). */
#define BULK_ROWS 8192

enum { ROW_ALONE, ROW_DONE, ROW_REFUSED };

struct import_row {
	const char *col[MAX_KIND_COLS];
	int record; /* the spreadsheet row */
	int state;  /* ROW_ALONE before the bulk function */
	int made;
	const char *reason;
};

static int import_bulk_run(struct ctx *c, struct reader *rd, json_t *errors, json_t *hits, int *rows_out,
			   int *imported, int *created)
{
	const struct import_kind *k = rd->k;
	struct import_row *rows = arena_alloc(c->arena, BULK_ROWS * sizeof(*rows));
	const char *col[MAX_KIND_COLS];
	struct ps_err e;
	int rc = PS_OK, more = 1;

	if (!rows)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	while (more && !rc) {
		size_t nhits = json_array_size(hits);
		int n = 0, brc;

		while (n < BULK_ROWS && (more = next_row(rd, col, &rc)) == 1) {
			struct import_row *r = &rows[n++];

			memset(r, 0, sizeof(*r));
			memcpy(r->col, col, sizeof(col));
			r->record = rd->csv.record;
			r->state = ROW_ALONE;
			for (int j = 0; j < MAX_KIND_COLS && k->headers[j]; j++)
				if (k->required[j] && !col[j]) {
					r->state = ROW_REFUSED;
					r->reason = arena_printf(c->arena, "“%s”不能为空", k->headers[j]);
					break;
				}
		}
		if (rc || !n)
			break;
		rc = savepoint_open(c, "import_bulk");
		if (rc)
			break;
		ps_err_clear(&e);
		{
			struct ps_err *saved = c->err;

			c->err = &e;
			brc = k->bulk(c, rows, n, hits);
			c->err = saved;
		}
		if (refused(brc)) {
			/* undone: every row alone */
			rc = db_savepoint_rollback(c->db, "import_bulk", c->err);
			while (json_array_size(hits) > nhits)
				json_array_remove(hits, json_array_size(hits) - 1);
			for (int i = 0; i < n; i++)
				if (rows[i].state == ROW_DONE)
					rows[i].state = ROW_ALONE;
		} else if (brc) {
			*c->err = e;
			rc = brc;
		}
		if (!rc)
			rc = db_savepoint_release(c->db, "import_bulk", c->err);
		for (int i = 0; i < n && !rc; i++) {
			struct import_row *r = &rows[i];
			int made = 0, rrc;

			++*rows_out;
			if (r->state == ROW_REFUSED) {
				if (json_array_append_new(errors, err_row(r->record, r->reason)))
					rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
				continue;
			}
			if (r->state == ROW_DONE) {
				++*imported;
				*created += r->made;
				continue;
			}
			rc = savepoint_open(c, "import_row");
			if (rc)
				break;
			rrc = one_row(c, k, r->col, &made, hits, &e);
			if (refused(rrc)) {
				rc = db_savepoint_rollback(c->db, "import_row", c->err);
				if (!rc)
					rc = db_savepoint_release(c->db, "import_row", c->err);
				if (!rc && json_array_append_new(errors, err_row_of(r->record, &e)))
					rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
				continue;
			}
			if (rrc) {
				*c->err = e;
				rc = rrc;
				break;
			}
			rc = db_savepoint_release(c->db, "import_row", c->err);
			if (!rc) {
				++*imported;
				*created += made;
			}
		}
	}
	return rc;
}

int imports_refuse_whole(struct ctx *c, const char *action, const char *target_type, int rows,
			 size_t refused_rows)
{
	ctx_audit_after(c, action, target_type, NULL, "denied",
			arena_printf(c->arena, "all or nothing: rows=%d errors=%zu, nothing imported", rows,
				     refused_rows));
	return ps_fail(c->err, PS_EINVAL, "IMPORT_ROWS_REFUSED", NULL,
		       "有 %zu 行未通过校验；已按“全部成功才导入”的要求，文件中的 %d 行均未导入",
		       refused_rows, rows);
}

/* All or nothing, and a row was refused: the report of what the file
 * would have done, nothing of it kept (the caller rolls back, the wanted-
 * list hits and their 警情 with it). Takes errors and hits. */
static int refused_whole(struct ctx *c, const char *what, int rows, json_t *errors, json_t *hits,
			 json_t **out)
{
	size_t n = json_array_size(errors);

	json_array_clear(hits);
	*out = json_pack("{s:s, s:i, s:i, s:i, s:i, s:o, s:o, s:b}", "what", what, "rows", rows, "imported", 0,
			 "created", 0, "updated", 0, "errors", errors, "hits", hits, "all_or_nothing", 1);
	return imports_refuse_whole(c, arena_printf(c->arena, "import.%s", what), what, rows, n);
}

int imports_with(struct ctx *c, const struct import_kind *k, const char *text, size_t len, int all,
		 int first_row, json_t **out)
{
	struct reader rd = { .c = c, .k = k, .gap = first_row > 2 ? first_row - 2 : 0 };
	const char *col[MAX_KIND_COLS];
	int rows = 0, imported = 0, created = 0, rc = PS_OK, more = 1;
	json_t *errors = json_array(), *hits = json_array();
	struct ps_err e;

	*out = NULL;
	rc = authz_require(c, k->act);
	if (rc) {
		json_decref(errors);
		json_decref(hits);
		return rc;
	}
	if (!errors || !hits) {
		json_decref(errors);
		json_decref(hits);
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	csv_reader_init(&rd.csv, text, len);
	rd.aliases = k->aliases ? setting_text(c, k->aliases, 0) : NULL;
	for (int i = 0; i < MAX_KIND_COLS; i++)
		rd.map[i] = -1;
	if (k->bulk) {
		rc = import_bulk_run(c, &rd, errors, hits, &rows, &imported, &created);
		more = 0;
	}
	while (more && !rc) {
		struct reader mark = rd;
		struct pending_audit *pend = c->pending;
		size_t nhits = json_array_size(hits);
		int n = 0, made_all = 0, bad = 0;

		rc = savepoint_open(c, "import_chunk");
		while (!rc && n < CHUNK_ROWS && (more = next_row(&rd, col, &rc)) == 1) {
			int made = 0, rrc = one_row(c, k, col, &made, hits, &e);

			if (refused(rrc)) {
				bad = 1;
				break;
			}
			if (rrc) {
				*c->err = e;
				rc = rrc;
				break;
			}
			n++;
			made_all += made;
		}
		if (rc)
			break; /* the request's transaction is rolled back */
		if (!bad) {
			rc = db_savepoint_release(c->db, "import_chunk", c->err);
			if (rc)
				break;
			rows += n;
			imported += n;
			created += made_all;
			continue;
		}
		rc = db_savepoint_rollback(c->db, "import_chunk", c->err);
		if (!rc)
			rc = db_savepoint_release(c->db, "import_chunk", c->err);
		if (rc)
			break;
		while (json_array_size(hits) > nhits)
			json_array_remove(hits, json_array_size(hits) - 1);
		/* the refusals the undone run recorded are recorded again below */
		c->pending = pend;
		rd = mark;
		/* the n rows before the refused one, and that one */
		for (int i = 0; i <= n && !rc && next_row(&rd, col, &rc) == 1; i++) {
			int made = 0, rrc;

			rows++;
			rc = savepoint_open(c, "import_row");
			if (rc)
				break;
			rrc = one_row(c, k, col, &made, hits, &e);
			if (refused(rrc)) {
				rc = db_savepoint_rollback(c->db, "import_row", c->err);
				if (!rc)
					rc = db_savepoint_release(c->db, "import_row", c->err);
				if (!rc && json_array_append_new(errors, err_row_of(rd.csv.record, &e)))
					rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
				if (rc)
					break;
				continue;
			}
			if (rrc) {
				*c->err = e;
				rc = rrc;
				break;
			}
			rc = db_savepoint_release(c->db, "import_row", c->err);
			if (rc)
				break;
			imported++;
			created += made;
		}
		more = 1;
	}
	if (!rc && !rd.have_header)
		rc = ps_fail(c->err, PS_EINVAL, "BAD_IMPORT_HEADER", NULL, "文件为空或缺少表头");
	if (!rc && all && json_array_size(errors) > 0)
		return refused_whole(c, k->what, rows, errors, hits, out);
	if (!rc)
		rc = audit_write(c, arena_printf(c->arena, "import.%s", k->what), k->what, NULL, "success",
				 arena_printf(c->arena, "rows=%d imported=%d errors=%zu", rows, imported,
					      json_array_size(errors)));
	if (rc) {
		json_decref(errors);
		json_decref(hits);
		return rc;
	}
	*out = json_pack("{s:s, s:i, s:i, s:i, s:i, s:o, s:o}", "what", k->what, "rows", rows, "imported",
			 imported, "created", created, "updated", imported - created, "errors", errors, "hits",
			 hits);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

/* ---- the rows ---- */

static int address_of(struct ctx *c, const char *community, const char *building, const char *unit,
		      const char *room, int64_t *id)
{
	struct address_input a = { .community = community, .building = building, .unit_no = unit, .room = room };

	return addresses_find_or_create(c, &a, id);
}

static int person_by_number(struct ctx *c, const char *number, const char *field, int64_t *id)
{
	struct idcard card;
	struct rows_query q;
	enum idcard_result r = idcard_parse(number, strlen(number), 0, &card);
	int rc;

	if (r != IDCARD_OK)
		return ps_fail_field(c->err, PS_EINVAL, field, "%s", idcard_result_message(r));
	rows_binds(&q, c);
	rows_bind_text(&q, card.number);
	rc = rows_int(&q, "SELECT id FROM person WHERE id_number = ?", 0, id);
	if (!rc && !*id)
		rc = ps_fail_field(c->err, PS_ENOTFOUND, field, "该身份证号码的人员尚未登记，请先导入人员");
	/* another unit's person refuses the row (its denial audited), not the
	 * whole file */
	if (!rc && (rc = persons_visible(c, *id, field)) == PS_EFORBIDDEN)
		rc = ps_fail_field(c->err, PS_ECONFLICT, field,
				   "该身份证号码的人员由其他单位登记，不能在本单位办理");
	return rc;
}

static const struct {
	const char *zh, *code;
} person_kinds[] = {
	{ "常住", "resident" }, { "暂住", "temporary" }, { "流动", "floating" },
	{ "境外", "foreign" },  { "未落户", "unregistered" },
};

/* The kind of a person's row: NULL when the column is empty; 1 when it
 * names no kind. */
static int person_kind(const char *col, const char **kind)
{
	*kind = NULL;
	if (!col)
		return 0;
	for (size_t k = 0; k < sizeof(person_kinds) / sizeof(person_kinds[0]); k++)
		if (!strcmp(col, person_kinds[k].zh) || !strcmp(col, person_kinds[k].code))
			*kind = person_kinds[k].code;
	return *kind ? 0 : 1;
}

/* 姓名,身份证号,电话,类别,社区,楼栋,单元,房号 */
static int person_row(struct ctx *c, const char *const *col, int *created, json_t *hits)
{
	struct person_input in = { 0 };
	int64_t pid;
	int rc = PS_OK;

	in.name = col[0];
	in.id_number = col[1];
	in.phone = col[2];
	if (person_kind(col[3], &in.kind))
		return ps_fail_field(c->err, PS_EINVAL, "类别", "类别应为 常住/暂住/流动/境外/未落户");
	if (col[4])
		rc = address_of(c, col[4], col[5], col[6], col[7], &in.address_id);
	if (!rc)
		rc = persons_register_id(c, &in, &pid, created, hits);
	return rc;
}

/* A chunk of persons: the kinds and numbers checked in C, the rows already
 * registered left alone, the addresses of the new ones found or made
 * together, then the new ones written in bulk. */
static int person_bulk(struct ctx *c, struct import_row *rows, int n, json_t *hits)
{
	struct persons_bulk_row *pr = arena_alloc(c->arena, (size_t)n * sizeof(*pr));
	struct address_input *ad = arena_alloc(c->arena, (size_t)n * sizeof(*ad));
	int64_t *aid = arena_alloc(c->arena, (size_t)n * sizeof(*aid));
	int *of = arena_alloc(c->arena, (size_t)n * sizeof(*of)), *with = arena_alloc(c->arena, (size_t)n * sizeof(*with));
	const char *label;
	int m = 0, na = 0, rc;

	if (!pr || !ad || !aid || !of || !with)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	label = arena_printf(c->arena, "import rows %d-%d", rows[0].record, rows[n - 1].record);
	for (int i = 0; i < n; i++) {
		struct import_row *r = &rows[i];
		struct persons_bulk_row *p = &pr[m];

		if (r->state != ROW_ALONE)
			continue;
		memset(p, 0, sizeof(*p));
		p->in.name = r->col[0];
		p->in.id_number = r->col[1];
		p->in.phone = r->col[2];
		if (person_kind(r->col[3], &p->in.kind)) {
			r->state = ROW_REFUSED;
			r->reason = "类别应为 常住/暂住/流动/境外/未落户";
			continue;
		}
		p->state = PERSONS_BULK_NEW;
		of[m++] = i;
	}
	rc = persons_bulk_sort(c, pr, (size_t)m);
	for (int k = 0; !rc && k < m; k++) {
		const char *const *col = rows[of[k]].col;

		if (pr[k].state != PERSONS_BULK_NEW || !col[4])
			continue;
		ad[na] = (struct address_input){ .community = col[4], .building = col[5], .unit_no = col[6], .room = col[7] };
		{
			/* a faulty address refuses its row here, not the chunk */
			struct ps_err e, *saved = c->err;
			int arc;

			ps_err_clear(&e);
			c->err = &e;
			arc = addresses_check_parts(c, col[4], col[5], col[6], col[7]);
			c->err = saved;
			if (arc) {
				pr[k].state = PERSONS_BULK_REFUSED;
				pr[k].reason = arena_strdup(c->arena, e.msg);
				continue;
			}
		}
		with[na++] = k;
	}
	if (!rc && na)
		rc = addresses_find_or_create_many(c, ad, (size_t)na, aid, label);
	for (int j = 0; !rc && j < na; j++)
		pr[with[j]].in.address_id = aid[j];
	if (!rc)
		rc = persons_bulk_insert(c, pr, (size_t)m, label, hits);
	for (int k = 0; !rc && k < m; k++) {
		struct import_row *r = &rows[of[k]];

		if (pr[k].state == PERSONS_BULK_DONE) {
			r->state = ROW_DONE;
			r->made = 1;
		} else if (pr[k].state == PERSONS_BULK_REFUSED) {
			r->state = ROW_REFUSED;
			r->reason = pr[k].reason;
		}
	}
	return rc;
}

static const struct {
	const char *zh, *code;
} levels[] = { { "放心户", "trusted" }, { "一般户", "normal" }, { "不放心户", "watch" } };

/* 社区,楼栋,单元,房号,房主身份证号,等级,间数,责任书签订日期,责任书到期日期 */
static int rental_row(struct ctx *c, const char *const *col, int *created, json_t *hits)
{
	struct rental_input in = { 0 };
	struct rows_query q;
	json_t *res = NULL;
	int64_t existing = 0, rooms = 1;
	int rc;

	(void)hits;
	for (size_t k = 0; k < sizeof(levels) / sizeof(levels[0]); k++)
		if (col[5] && (!strcmp(col[5], levels[k].zh) || !strcmp(col[5], levels[k].code)))
			in.level = levels[k].code;
	if (!in.level)
		return ps_fail_field(c->err, PS_EINVAL, "等级", "等级应为 放心户/一般户/不放心户");
	if (col[6] && (num_parse_int(col[6], &rooms) != PS_OK || rooms < 1 || rooms > 500))
		return ps_fail_field(c->err, PS_EINVAL, "间数", "间数应为 1–500 的整数");
	in.rooms = (int)rooms;
	in.letter_signed_on = col[7];
	in.letter_expires_on = col[8];
	rc = address_of(c, col[0], col[1], col[2], col[3], &in.address_id);
	if (!rc)
		rc = person_by_number(c, col[4], "房主身份证号", &in.landlord_id);
	if (rc)
		return rc;
	/* idempotent: an address already let is updated, not refused */
	rows_binds(&q, c);
	rows_bind_int(&q, in.address_id);
	rc = rows_int(&q, "SELECT id FROM rental WHERE address_id = ?", 0, &existing);
	if (rc)
		return rc;
	if (existing)
		return rentals_register_again(c, existing, &in);
	rc = rentals_create(c, &in, &res);
	json_decref(res);
	*created = !rc;
	return rc;
}

static const struct {
	const char *zh, *code;
} tiers[] = { { "重点", "key" }, { "一般", "general" } };

/* 承租人身份证号,社区,楼栋,单元,房号,入住日期,退租日期,层级 */
static int tenancy_row(struct ctx *c, const char *const *col, int *created, json_t *hits)
{
	const char *tier = col[7] ? NULL : "general";
	struct rows_query q;
	json_t *res = NULL;
	int64_t person = 0, address = 0, rental = 0, same = 0;
	int rc;

	(void)hits;
	for (size_t k = 0; col[7] && k < sizeof(tiers) / sizeof(tiers[0]); k++)
		if (!strcmp(col[7], tiers[k].zh) || !strcmp(col[7], tiers[k].code))
			tier = tiers[k].code;
	if (!tier)
		return ps_fail_field(c->err, PS_EINVAL, "层级", "层级应为 重点/一般（不填为一般）");
	rc = person_by_number(c, col[0], "承租人身份证号", &person);
	if (!rc)
		rc = address_of(c, col[1], col[2], col[3], col[4], &address);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, address);
	rc = rows_int(&q, "SELECT id FROM rental WHERE address_id = ?", 0, &rental);
	if (!rc && !rental)
		rc = ps_fail_field(c->err, PS_ENOTFOUND, "房号", "该地址尚未登记为出租房屋，请先导入出租房屋");
	if (rc)
		return rc;
	/* idempotent: the same tenancy again changes nothing */
	rows_binds(&q, c);
	rows_bind_int(&q, rental);
	rows_bind_int(&q, person);
	rows_bind_text(&q, col[5]);
	rc = rows_int(&q, "SELECT COUNT(*) FROM tenancy WHERE rental_id = ? AND person_id = ? AND from_date = ?", 0,
		      &same);
	if (rc || same)
		return rc;
	rc = tenancies_create(c, rental, person, col[5], col[6], tier, &res);
	json_decref(res);
	*created = !rc;
	return rc;
}

static const struct import_kind kinds[] = {
	{ "persons", ACT_PERSON_IMPORT, NULL, { "姓名", "身份证号", "电话", "类别", "社区", "楼栋", "单元", "房号" },
	  { 1, 1, 0, 0, 0, 0, 0, 0 }, person_row, person_bulk },
	{ "rentals", ACT_PERSON_IMPORT, NULL, { "社区", "楼栋", "单元", "房号", "房主身份证号", "等级", "间数", "责任书签订日期", "责任书到期日期" },
	  { 1, 0, 0, 0, 1, 1, 0, 0, 0 }, rental_row, NULL },
	{ "tenancies", ACT_PERSON_IMPORT, NULL, { "承租人身份证号", "社区", "楼栋", "单元", "房号", "入住日期", "退租日期", "层级" },
	  { 1, 1, 0, 0, 0, 1, 0, 0 }, tenancy_row, NULL },
};

int imports_persons(struct ctx *c, const char *text, size_t len, json_t **out)
{
	return imports_with(c, &kinds[0], text, len, 0, 2, out);
}

int imports_run(struct ctx *c, const char *what, const char *text, size_t len, int all, int first_row,
		json_t **out)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (what && !strcmp(what, kinds[i].what))
			return imports_with(c, &kinds[i], text, len, all, first_row, out);
	*out = NULL;
	return ps_fail_field(c->err, PS_EINVAL, "what", "导入类型应为 persons（人员）/rentals（出租房屋）/tenancies（承租关系）");
}
