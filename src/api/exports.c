/* exports.c — POST /exports: a file (XLSX or CSV) of persons, cases, the
 * 办案区 ledger or a 台账 (property, case, coercive-measure, archive and
 * loan ledgers: a station header line, a total row, a Chinese file name;
 * GET /ledgers/{kind} shows one on its page), with a reason, audited with the row
 * count (TRUST PII-2; domain/admin/exports.h decides rows and masks). The
 * file is built and rendered on the request's worker (ROUTE_PREPARE) and
 * the one writer only records the audit row, so a large export does not
 * hold up a batch. The workbook is written with libxlsxwriter, as the
 * daily report is. Each file opens with a watermark row: who exported,
 * when, why. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/admin/exports.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/mem.h"
#include "rules/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

struct exports_body {
	const char *kind;
	const char *format;
	const char *reason;
	const char *sub_kind;
};

const struct field exports_create_fields[] = {
	FENUM(struct exports_body, kind, "kind", 1, 16, EXPORT_KIND),
	FENUM(struct exports_body, format, "format", 0, 8, EXPORT_FORMAT),
	FSTRN(struct exports_body, reason, "reason", 1, 4, 200),
	FSTR(struct exports_body, sub_kind, "sub_kind", 0, 32),
	FEND,
};

/* What the worker made: the table's record and the file. */
struct export_prep {
	struct export_table t; /* rows released once rendered */
	const char *format;
	unsigned char *bytes;  /* arena */
	size_t len;
	const char *stamp;     /* local date and time, as the watermark shows it */
};

/* One cell as text (integers printed). */
static const char *cell(struct req *r, json_t *v)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v))
		return arena_printf(r->arena, "%lld", (long long)json_integer_value(v));
	return "";
}

static const char *watermark(struct req *r, const struct export_prep *p)
{
	return arena_printf(r->arena, "%s导出 · 导出人：%s（%s） · 导出时间：%s · 共 %lld 行 · 仅限工作使用，不得外传",
			    p->t.title, r->ctx.who.name ? r->ctx.who.name : "",
			    r->ctx.who.username ? r->ctx.who.username : "", p->stamp,
			    (long long)p->t.count);
}

/* CSV field: quoted when needed; a leading = + - @ is defused with ' so a
 * spreadsheet never runs a cell as a formula. */
static int csv_field(struct buf *b, const char *s, int first)
{
	int rc = first ? 0 : buf_adds(b, ",");
	int quote = strpbrk(s, ",\"\r\n") != NULL;

	if (!rc && quote)
		rc = buf_adds(b, "\"");
	if (!rc && (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t'))
		rc = buf_adds(b, "'");
	for (const char *q = s; !rc && *q; q++)
		rc = *q == '"' ? buf_adds(b, "\"\"") : buf_add(b, q, 1);
	if (!rc && quote)
		rc = buf_adds(b, "\"");
	return rc;
}

static int render_csv(struct req *r, struct export_prep *p)
{
	struct buf b;
	json_t *row;
	size_t i;
	int rc;

	buf_init(&b, (size_t)64 << 20);
	rc = buf_adds(&b, "\xEF\xBB\xBF"); /* UTF-8 BOM: Excel reads the Chinese */
	if (!rc && p->t.ledger) {
		rc = csv_field(&b, p->t.header, 1);
		if (!rc)
			rc = buf_adds(&b, "\r\n");
	}
	if (!rc)
		rc = csv_field(&b, watermark(r, p), 1);
	if (!rc)
		rc = buf_adds(&b, "\r\n");
	for (const struct export_col *c = p->t.cols; !rc && c->key; c++)
		rc = csv_field(&b, c->title, c == p->t.cols);
	if (!rc)
		rc = buf_adds(&b, "\r\n");
	json_array_foreach(p->t.rows, i, row) {
		for (const struct export_col *c = p->t.cols; !rc && c->key; c++)
			rc = csv_field(&b, cell(r, json_object_get(row, c->key)), c == p->t.cols);
		if (!rc)
			rc = buf_adds(&b, "\r\n");
		if (rc)
			break;
	}
	if (p->t.total) {
		for (const struct export_col *c = p->t.cols; !rc && c->key; c++)
			rc = csv_field(&b, cell(r, json_object_get(p->t.total, c->key)), c == p->t.cols);
		if (!rc)
			rc = buf_adds(&b, "\r\n");
	}
	if (!rc) {
		p->bytes = arena_alloc(r->arena, b.len);
		if (p->bytes) {
			memcpy(p->bytes, b.p, b.len);
			p->len = b.len;
		} else {
			rc = PS_ENOMEM;
		}
	}
	buf_release(&b);
	return rc ? ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足") : PS_OK;
}

static int write_xlsx(struct req *r, struct export_prep *p, const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	lxw_format *bold;
	json_t *row;
	size_t i;
	lxw_col_t k;
	lxw_row_t top;

	if (!wb)
		return PS_EIO;
	ws = workbook_add_worksheet(wb, p->t.title);
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	/* a ledger opens with the station's header line */
	top = p->t.ledger ? 1 : 0;
	if (top)
		worksheet_write_string(ws, 0, 0, p->t.header, bold);
	worksheet_write_string(ws, top, 0, watermark(r, p), NULL);
	k = 0;
	for (const struct export_col *c = p->t.cols; c->key; c++, k++)
		worksheet_write_string(ws, top + 1, k, c->title, bold);
	json_array_foreach(p->t.rows, i, row) {
		k = 0;
		for (const struct export_col *c = p->t.cols; c->key; c++, k++)
			worksheet_write_string(ws, (lxw_row_t)(top + 2 + i), k,
					       cell(r, json_object_get(row, c->key)), NULL);
	}
	if (p->t.total) {
		lxw_col_t t = 0;

		for (const struct export_col *c = p->t.cols; c->key; c++, t++)
			worksheet_write_string(ws, (lxw_row_t)(top + 2 + json_array_size(p->t.rows)), t,
					       cell(r, json_object_get(p->t.total, c->key)), bold);
	}
	worksheet_set_column(ws, 0, k ? k - 1 : 0, 16, NULL);
	return workbook_close(wb) == LXW_NO_ERROR ? PS_OK : PS_EIO;
}

static int render_xlsx(struct req *r, struct export_prep *p)
{
	char path[] = "/tmp/precinct-export-XXXXXX";
	FILE *f = NULL;
	long len = 0;
	int fd = mkstemp(path), rc;

	if (fd < 0)
		return ps_fail(&r->err, PS_EIO, NULL, NULL, "无法生成导出文件");
	close(fd);
	rc = write_xlsx(r, p, path);
	if (!rc) {
		f = fopen(path, "rb");
		if (!f || fseek(f, 0, SEEK_END) || (len = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET))
			rc = PS_EIO;
		else if (!(p->bytes = arena_alloc(r->arena, (size_t)len)))
			rc = PS_ENOMEM;
		else if (fread(p->bytes, 1, (size_t)len, f) != (size_t)len)
			rc = PS_EIO;
	}
	if (f)
		fclose(f);
	unlink(path);
	if (rc)
		return ps_fail(&r->err, rc, NULL, NULL,
			       rc == PS_ENOMEM ? "内存不足" : "导出文件生成失败");
	p->len = (size_t)len;
	return PS_OK;
}

static int build(struct req *r, const struct exports_body *in, struct export_prep *p)
{
	int64_t days = date_local_days(r->ctx.now), sec;
	int y, m, d, rc;

	date_civil_from_days(days, &y, &m, &d);
	sec = r->ctx.now + PS_DISPLAY_TZ_OFFSET - days * 86400;
	p->stamp = arena_printf(r->arena, "%04d-%02d-%02d %02d:%02d", y, m, d, (int)(sec / 3600),
				(int)(sec % 3600 / 60));
	p->format = in->format && *in->format ? in->format : "xlsx";
	rc = exports_make(&r->ctx, in->kind, in->sub_kind, p->format, in->reason, &p->t);
	if (rc)
		return rc;
	rc = strcmp(p->format, "csv") == 0 ? render_csv(r, p) : render_xlsx(r, p);
	json_decref(p->t.rows);
	p->t.rows = NULL;
	json_decref(p->t.total);
	p->t.total = NULL;
	return rc;
}

int api_exports_create(struct req *r)
{
	struct exports_body in = { 0 };
	struct export_prep *p;
	int rc = fields_bind(r->in, exports_create_fields, &in, &r->err);

	if (rc)
		return rc;
	p = r->prepared;
	if (!r->preparing && !p && r->prepare_failed) {
		/* the build failed on the worker: the writer never builds (it
		 * would hold every write of the batch); it re-checks what a
		 * refusal needs audited and answers the worker's error */
		rc = exports_check(&r->ctx, in.kind, in.sub_kind, in.reason);
		if (rc)
			return rc;
		r->err = r->prepare_err;
		return r->err.rc ? r->err.rc : ps_fail(&r->err, PS_EIO, NULL, NULL, "导出文件生成失败");
	}
	if (r->preparing || !p) {
		/* on the worker (or, with no worker run, here) */
		p = arena_alloc(r->arena, sizeof(*p));
		if (!p)
			return ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
		memset(p, 0, sizeof(*p));
		rc = build(r, &in, p);
		if (rc)
			return rc;
		if (r->preparing) {
			r->prepared = p;
			return PS_OK;
		}
	}
	rc = exports_audit(&r->ctx, &p->t);
	if (rc)
		return rc;
	r->raw = ps_malloc(p->len);
	if (!r->raw)
		return ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
	memcpy(r->raw, p->bytes, p->len);
	r->raw_len = p->len;
	r->no_store = 1;
	if (strcmp(p->format, "csv") == 0) {
		r->raw_type = "text/csv; charset=utf-8";
	} else {
		r->raw_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	}
	/* a ledger's file is named in Chinese: 城关派出所案件台账-20261203.xlsx */
	r->raw_name = arena_printf(r->arena, "%s-%.4s%.2s%.2s.%s", p->t.ledger ? p->t.header : p->t.name, p->stamp,
				   p->stamp + 5, p->stamp + 8, p->format);
	r->status = 200;
	return PS_OK;
}

int api_ledgers_get(struct req *r)
{
	json_t *out = NULL;
	int rc = exports_ledger(&r->ctx, r->params[0], req_query(r, "sub_kind"), &out);

	return rc ? rc : req_reply(r, 200, out);
}

int req_reply_workbook(struct req *r, int (*write)(void *arg, const char *path), void *arg, const char *name,
		       const char *what)
{
	char path[] = "/tmp/precinct-book-XXXXXX";
	FILE *f = NULL;
	long len = 0;
	char *buf = NULL;
	int fd = mkstemp(path), rc;

	if (fd < 0)
		return ps_fail(&r->err, PS_EIO, NULL, NULL, "无法生成%s", what);
	close(fd);
	rc = write(arg, path);
	if (!rc) {
		f = fopen(path, "rb");
		if (!f || fseek(f, 0, SEEK_END) || (len = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET))
			rc = PS_EIO;
		else if (!(buf = ps_malloc((size_t)len)))
			rc = PS_ENOMEM;
		else if (fread(buf, 1, (size_t)len, f) != (size_t)len)
			rc = PS_EIO;
	}
	if (f)
		fclose(f);
	unlink(path);
	if (rc) {
		ps_free(buf);
		return ps_fail(&r->err, rc, NULL, NULL, rc == PS_ENOMEM ? "内存不足" : "%s生成失败", what);
	}
	r->raw = buf;
	r->raw_len = (size_t)len;
	r->raw_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	r->raw_name = name;
	r->status = 200;
	return PS_OK;
}
