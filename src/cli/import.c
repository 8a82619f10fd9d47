/* import.c — precinct import: a county's registers from a CSV or Excel file
 * into the database, as a named user imports them on 批量导入 (issue 14: a
 * city's migration without a browser). The same importer as the web's
 * (imports_run): the file in parts of IMPORT_PART_ROWS records, each part
 * its own transaction with the file's header before it and its first row
 * named (first_row), so a running server's writers wait for one part at a
 * time and every report and audit row names the file's rows. */
#include "cli/cli.h"
#include "cli/cli_db.h"
#include "domain/admin/audit.h"
#include "domain/admin/auth.h"
#include "domain/population/imports.h"
#include "core/buf.h"
#include "core/csv.h"
#include "core/text.h"
#include "core/xlsx.h"

#include <jansson.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define IMPORT_PART_ROWS 8000 /* as the web's parts (web/src/population/csv.js) */
#define IMPORT_FILE_MAX (1024L << 20)

static const char help[] =
	"usage: precinct import --db PATH --as USERNAME [--what persons|rentals|tenancies]\n"
	"                       [--encoding utf-8|gbk] [--all-or-nothing] FILE\n"
	"  Import a CSV (UTF-8 or GBK) or Excel (.xlsx, its first sheet) file as the\n"
	"  user USERNAME imports it on 批量导入: the same columns, checks, wanted-list\n"
	"  comparison and audit rows, the persons registered at the user's station.\n"
	"  The file goes in parts of 8 000 rows, each its own transaction (a server\n"
	"  on the same database goes on working meanwhile); a part imported again\n"
	"  changes nothing. Progress and the summary go to stderr; the refused rows\n"
	"  to stdout as CSV (行号,原因,依据), numbered as in the file.\n"
	"  --all-or-nothing: the whole file in one transaction, nothing kept when any\n"
	"  row is refused (the server's writes wait for it: a quiet hour).\n"
	"  Exit 0 when the import ran (refused rows are listed), 1 when it failed or\n"
	"  nothing was kept, 2 on a usage error.\n";

/* The file as UTF-8 CSV text in cd's arena (NULL after printing why). */
static const char *file_text(struct cli_db *cd, const char *path, const char *encoding, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf raw;
	char chunk[65536];
	size_t n;
	const char *text = NULL;

	if (!f) {
		fprintf(stderr, "precinct import: cannot open %s\n", path);
		return NULL;
	}
	buf_init(&raw, IMPORT_FILE_MAX);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (buf_add(&raw, chunk, n)) {
			fprintf(stderr, "precinct import: %s is larger than 1 GiB\n", path);
			fclose(f);
			buf_release(&raw);
			return NULL;
		}
	fclose(f);
	n = strlen(path);
	/* a workbook by its name (T1.XLSX as well) or by its zip signature */
	if ((n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0) ||
	    (raw.len >= 4 && memcmp(raw.p, "PK\3\4", 4) == 0)) {
		struct buf csv;

		buf_init(&csv, IMPORT_FILE_MAX);
		if (xlsx_to_csv((const unsigned char *)raw.p, raw.len, &csv, &cd->err)) {
			fprintf(stderr, "precinct import: %s\n", cd->err.msg);
		} else {
			text = arena_strndup(&cd->arena, buf_str(&csv), csv.len);
			*len = csv.len;
		}
		buf_release(&csv);
	} else if (encoding && strcmp(encoding, "utf-8") && strcmp(encoding, "utf8")) {
		text = text_to_utf8(&cd->arena, raw.p ? raw.p : "", raw.len, encoding, len);
		if (!text)
			fprintf(stderr, "precinct import: %s is not %s text\n", path, encoding);
	} else if (!text_is_utf8(raw.p ? raw.p : "", raw.len)) {
		fprintf(stderr, "precinct import: %s is not UTF-8 (a GBK file: --encoding gbk)\n", path);
	} else {
		text = arena_strndup(&cd->arena, raw.p ? raw.p : "", raw.len);
		*len = raw.len;
	}
	buf_release(&raw);
	return text;
}

/* The running totals of the parts' answers. */
struct totals {
	long long rows, imported, created, updated, errors, hits;
};

/* CSV on stdout: the header before the first refused row */
static void print_error(struct totals *t, json_t *e)
{
	const char *reason = json_string_value(json_object_get(e, "reason"));
	const char *rule = json_string_value(json_object_get(e, "rule"));

	if (!t->errors++)
		puts("行号,原因,依据");
	/* the reason quoted, its quotes doubled */
	printf("%lld,\"", (long long)json_integer_value(json_object_get(e, "row")));
	for (const char *p = reason ? reason : ""; *p; p++) {
		if (*p == '"')
			putchar('"');
		putchar(*p);
	}
	printf("\",%s\n", rule ? rule : "");
}

static void add_answer(struct totals *t, json_t *out)
{
	json_t *e;
	size_t i;

	t->rows += json_integer_value(json_object_get(out, "rows"));
	t->imported += json_integer_value(json_object_get(out, "imported"));
	t->created += json_integer_value(json_object_get(out, "created"));
	t->updated += json_integer_value(json_object_get(out, "updated"));
	t->hits += (long long)json_array_size(json_object_get(out, "hits"));
	json_array_foreach(json_object_get(out, "errors"), i, e)
		print_error(t, e);
}

/* One transaction: text imported as kind what, first_row its first row in
 * the file; the answer added to t. The arena is the part's own, and what
 * the ctx keeps of a request lives in it: a refusal's audit rows are
 * written after the rollback (as api/dispatch.c does), then let go. */
static int run_part(struct cli_db *cd, const char *what, const char *text, size_t len, int all, int first_row,
		    struct totals *t)
{
	struct arena part, *keep = cd->ctx.arena;
	json_t *out = NULL;
	int rc;

	arena_init(&part);
	cd->ctx.arena = &part;
	ps_err_clear(&cd->err);
	rc = db_begin(cd->db, 1, &cd->err);
	if (!rc)
		rc = imports_run(&cd->ctx, what, text, len, all, first_row, &out);
	/* a refused row's denial (another unit's person) is audited with the
	 * part, as the server does */
	if (!rc)
		rc = audit_write_refusals(&cd->ctx);
	if (!rc && (rc = db_commit(cd->db, &cd->err)) != PS_OK) {
		/* nothing of the part is in the database: its answer, which
		 * counted its rows as imported, is not added */
		json_decref(out);
		out = NULL;
	}
	if (rc) {
		struct ps_err e = cd->err;

		db_rollback(cd->db);
		audit_flush_pending(&cd->ctx);
		cd->err = e;
	}
	if (out)
		add_answer(t, out);
	json_decref(out);
	cd->ctx.pending = NULL;
	cd->ctx.pending_fails = NULL;
	cd->ctx.audited_type = cd->ctx.audited_id = NULL;
	cd->ctx.arena = keep;
	arena_release(&part);
	return rc;
}

/* Where each part starts, and the file rows of its first and last records. */
struct part_at {
	const char *start;
	int first, last;
};

/* The parts of text: the header (the first record that is not blank) and
 * then IMPORT_PART_ROWS records a part, found by the server's own reader, so
 * no part ends inside a quoted field. A quote never closed refuses the file
 * before any part is imported, as the server refuses a whole file. *at gets
 * the struct part_at of each part (none for a header alone). */
static int find_parts(struct cli_db *cd, const char *text, size_t len, struct buf *at, const char **header,
		      size_t *header_len)
{
	struct csv_reader r;
	struct arena scratch;
	struct part_at cur = { NULL, 0, 0 };
	int rc = PS_OK, n = 0;

	*header = NULL;
	*header_len = 0;
	buf_init(at, IMPORT_FILE_MAX);
	arena_init(&scratch);
	csv_reader_init(&r, text, len);
	for (;;) {
		const char *start = r.p;
		char *f[64];
		int nf = 0;

		rc = csv_read(&r, &scratch, f, 64, &nf, &cd->err);
		if (rc || nf == 0)
			break;
		if (!*header) {
			int blank = 1;

			/* empty fields only (a blank line, or ",,,," from Excel):
			 * not the header, as the server reads it */
			for (int i = 0; i < nf; i++)
				blank &= !*f[i];
			if (!blank) {
				*header = start;
				*header_len = (size_t)(r.p - start);
				while (*header_len && (start[*header_len - 1] == '\n' || start[*header_len - 1] == '\r'))
					--*header_len;
			}
			continue;
		}
		if (n == IMPORT_PART_ROWS) {
			if (buf_add(at, (const char *)&cur, sizeof(cur))) {
				rc = ps_fail(&cd->err, PS_ENOMEM, NULL, NULL, "内存不足");
				break;
			}
			n = 0;
			/* the fields read so far are not needed again */
			arena_release(&scratch);
			arena_init(&scratch);
		}
		if (n++ == 0)
			cur = (struct part_at){ start, r.record, r.record };
		cur.last = r.record;
	}
	if (!rc && n && buf_add(at, (const char *)&cur, sizeof(cur)))
		rc = ps_fail(&cd->err, PS_ENOMEM, NULL, NULL, "内存不足");
	arena_release(&scratch);
	if (rc)
		buf_release(at);
	return rc;
}

int cmd_import(int argc, char **argv)
{
	static const char *const spec[] = { "db", "as", "what", "encoding", "all-or-nothing!", NULL };
	enum { DB, AS, WHAT, ENCODING, ALL };
	const char *v[5] = { 0 }, *pos[1], *text, *what;
	struct passwd *pw = getpwuid(getuid());
	struct cli_db cd;
	struct totals t = { 0 };
	size_t len = 0;
	int npos, rc, parts = 0;

	rc = cli_options(argc, argv, spec, v, pos, 1, &npos, help);
	if (rc)
		return rc == 1 ? 0 : 2;
	if (npos != 1 || !v[DB] || !v[AS]) {
		fprintf(stderr, "precinct import: --db, --as and a file are required (see --help)\n");
		return 2;
	}
	what = v[WHAT] ? v[WHAT] : "persons";
	if (cli_db_open(&cd, v[DB]))
		return 1;
	/* the user the rows are imported as: scope, permission, audit */
	rc = db_begin(cd.db, 0, &cd.err);
	if (!rc)
		rc = auth_actor_load_enabled(&cd.ctx, v[AS]);
	db_rollback(cd.db);
	if (rc) {
		fprintf(stderr, "precinct import: %s\n", cd.err.msg);
		cli_db_close(&cd);
		return 1;
	}
	cd.ctx.client_ip = "cli";
	cd.ctx.request_id = arena_printf(&cd.arena, "cli:%s", pw ? pw->pw_name : "?");
	text = file_text(&cd, pos[0], v[ENCODING], &len);
	if (!text) {
		cli_db_close(&cd);
		return 1;
	}
	if (v[ALL]) {
		rc = run_part(&cd, what, text, len, 1, 2, &t);
		parts = 1;
	} else {
		struct buf at;
		const char *header;
		size_t header_len;
		int nparts;

		rc = find_parts(&cd, text, len, &at, &header, &header_len);
		nparts = rc ? 0 : (int)(at.len / sizeof(struct part_at));
		for (int i = 0; !rc && i < nparts; i++) {
			const struct part_at *p = (const struct part_at *)(void *)at.p + i;
			const char *end = i + 1 < nparts ? p[1].start : text + len;
			struct buf part;

			/* the first part from the file's start, each later one
			 * after the file's header */
			buf_init(&part, IMPORT_FILE_MAX);
			if (i)
				rc = buf_add(&part, header, header_len) || buf_add(&part, "\r\n", 2) ||
				     buf_add(&part, p->start, (size_t)(end - p->start));
			else
				rc = buf_add(&part, text, (size_t)(end - text));
			if (rc) {
				ps_fail(&cd.err, PS_ENOMEM, NULL, NULL, "内存不足");
				buf_release(&part);
				break;
			}
			parts++;
			fprintf(stderr, "第 %d/%d 批（第 %d–%d 行）…", parts, nparts, p->first, p->last);
			rc = run_part(&cd, what, buf_str(&part), part.len, 0, i ? p->first : 2, &t);
			buf_release(&part);
			if (!rc)
				fprintf(stderr, "已导入 %lld 行，错误 %lld 行\n", t.imported, t.errors);
		}
		buf_release(&at);
		if (!rc && !nparts) /* a header alone, or nothing: as the server answers it */
			rc = run_part(&cd, what, text, len, 0, 2, &t), parts = 1;
	}
	if (rc)
		fprintf(stderr, "\nprecinct import: %s%s\n", cd.err.msg,
			parts > 1 ? "（此前各批已导入；再次导入同一文件不会重复登记）" : "");
	fprintf(stderr, "读入 %lld 行，导入 %lld 行（新登记 %lld，更新 %lld），错误 %lld 行，比对命中 %lld 人，共 %d 批\n",
		t.rows, t.imported, t.created, t.updated, t.errors, t.hits, parts);
	cli_db_close(&cd);
	return rc ? 1 : 0;
}
