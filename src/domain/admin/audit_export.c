/* audit_export.c — a date range of the audit chain as JSON lines with its
 * proof, and the offline check of one. */
#include "domain/admin/audit_export.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "core/json.h"
#include "rules/date.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#define EXPORT_FORMAT "precinct-audit-export"

/* UTC ms of the local (UTC+8) midnight that starts day number day. */
static int64_t local_midnight_ms(int64_t day)
{
	return (day * 86400 - 8 * 3600) * 1000;
}

static int parse_day(struct ctx *c, const char *s, const char *field, int64_t *day)
{
	int y, m, d;

	if (!s || date_parse(s, strlen(s), &y, &m, &d) != 0)
		return ps_fail_field(c->err, PS_EINVAL, field, "日期格式应为 YYYY-MM-DD");
	*day = date_days_from_civil(y, m, d);
	return PS_OK;
}

/* Append v as one line; v is released. */
static int add_line(struct ctx *c, struct buf *out, json_t *v)
{
	char *text = v ? json_render(v, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	int rc;

	json_decref(v);
	if (!text)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = buf_adds(out, text);
	if (!rc)
		rc = buf_add(out, "\n", 1);
	json_mem_free(text);
	if (rc == PS_ETOOBIG)
		return ps_fail(c->err, PS_ECONFLICT, "EXPORT_TOO_LARGE", NULL,
			       "导出内容过大，请缩小日期范围");
	return rc ? ps_fail(c->err, rc, NULL, NULL, "内存不足") : PS_OK;
}

static json_t *text_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *id_or_null(int64_t v)
{
	return v > 0 ? json_integer(v) : json_null();
}

/* first and last id of the range, and the newest row of the chain */
static int range_ids(struct ctx *c, const char *table, int64_t from_ms, int64_t to_ms, int64_t *first,
		     int64_t *last, int64_t *head_id, char head[65])
{
	struct db_stmt *st;
	int rc = db_prepare(c->db,
			    arena_printf(c->arena,
					 "SELECT (SELECT MIN(id) FROM %s WHERE at_ms >= ?),"
					 " (SELECT MAX(id) FROM %s WHERE at_ms < ?),"
					 " (SELECT id FROM %s ORDER BY id DESC LIMIT 1),"
					 " (SELECT hash FROM %s ORDER BY id DESC LIMIT 1)",
					 table, table, table, table),
			    &st, c->err);

	if (rc)
		return rc;
	db_bind_int(st, 1, from_ms);
	db_bind_int(st, 2, to_ms);
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		const char *h = db_column_text(st, 3);

		*first = db_column_int(st, 0);
		*last = db_column_int(st, 1);
		*head_id = db_column_int(st, 2);
		snprintf(head, 65, "%s", h ? h : "");
		rc = PS_OK;
	}
	db_finalize(st);
	return rc == PS_DONE ? PS_OK : rc;
}

int audit_export_write(struct ctx *c, const char *from, const char *to, const char *chain,
		       struct buf *out, int64_t *rows)
{
	int read = chain && !strcmp(chain, "read");
	const char *table = read ? "audit_read" : "audit";
	int64_t dfrom, dto, first = 0, last = 0, head_id = 0;
	char head[65], last_hash[65] = "";
	struct db_stmt *st;
	int rc;

	*rows = 0;
	if (chain && *chain && strcmp(chain, "change") && !read)
		return ps_fail_field(c->err, PS_EINVAL, "chain", "审计链应为 change（变更）或 read（读取）");
	rc = parse_day(c, from, "from", &dfrom);
	if (!rc)
		rc = parse_day(c, to, "to", &dto);
	if (rc)
		return rc;
	if (dto < dfrom)
		return ps_fail_field(c->err, PS_EINVAL, "to", "结束日期不能早于开始日期");
	rc = range_ids(c, table, local_midnight_ms(dfrom), local_midnight_ms(dto + 1), &first, &last,
		       &head_id, head);
	if (rc)
		return rc;
	if (first <= 0 || last < first)
		first = last = 0;
	rc = db_prepare(c->db,
			arena_printf(c->arena,
				     "SELECT id, at_ms, user_id, username, role, unit_id, client_ip,"
				     " session_hash, request_id, action, object_type, object_id, outcome,"
				     " detail, prev_hash, hash FROM %s WHERE id BETWEEN ? AND ? ORDER BY id",
				     table),
			&st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, first);
	db_bind_int(st, 2, last);
	/* the header needs the first row's prev_hash: write it with that row */
	while ((rc = db_step(st, c->err)) == PS_ROW) {
		int64_t id = db_column_int(st, 0);
		json_t *row;

		if (*rows == 0) {
			json_t *h = json_pack("{s:s, s:i, s:s, s:s, s:I, s:I, s:s, s:I}", "format",
					      EXPORT_FORMAT, "version", 1, "from", from, "to", to,
					      "first_id", (json_int_t)id, "anchor_id",
					      (json_int_t)(id - 1), "anchor_hash",
					      db_column_text(st, 14) ? db_column_text(st, 14) : "",
					      "exported_at_ms", (json_int_t)(c->now * 1000));

			if (h && read)
				json_object_set_new(h, "chain", json_string("read"));
			rc = add_line(c, out, h);
			if (rc)
				break;
		}
		row = json_pack("{s:I, s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o,"
				" s:o, s:o, s:o}",
				"id", (json_int_t)id, "at_ms", (json_int_t)db_column_int(st, 1),
				"user_id", id_or_null(db_column_int(st, 2)), "username",
				text_or_null(db_column_text(st, 3)), "role",
				text_or_null(db_column_text(st, 4)), "unit_id",
				id_or_null(db_column_int(st, 5)), "client_ip",
				text_or_null(db_column_text(st, 6)), "session_hash",
				text_or_null(db_column_text(st, 7)), "request_id",
				text_or_null(db_column_text(st, 8)), "action",
				text_or_null(db_column_text(st, 9)), "object_type",
				text_or_null(db_column_text(st, 10)), "object_id",
				text_or_null(db_column_text(st, 11)), "outcome",
				text_or_null(db_column_text(st, 12)), "detail",
				text_or_null(db_column_text(st, 13)), "prev_hash",
				text_or_null(db_column_text(st, 14)), "hash",
				text_or_null(db_column_text(st, 15)));
		snprintf(last_hash, sizeof(last_hash), "%s",
			 db_column_text(st, 15) ? db_column_text(st, 15) : "");
		rc = add_line(c, out, row);
		if (rc)
			break;
		(*rows)++;
	}
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	if (*rows == 0) {
		json_t *h = json_pack("{s:s, s:i, s:s, s:s, s:n, s:n, s:n, s:I}", "format",
				      EXPORT_FORMAT, "version", 1, "from", from, "to", to,
				      "first_id", "anchor_id", "anchor_hash", "exported_at_ms",
				      (json_int_t)(c->now * 1000));

		if (h && read)
			json_object_set_new(h, "chain", json_string("read"));
		rc = add_line(c, out, h);
		if (rc)
			return rc;
	}
	return add_line(c, out,
			json_pack("{s:b, s:I, s:o, s:o, s:I, s:s}", "end", 1, "rows",
				  (json_int_t)*rows, "last_id", id_or_null(*rows ? last : 0),
				  "last_hash", *rows ? json_string(last_hash) : json_null(),
				  "head_id", (json_int_t)head_id, "head_hash", head));
}

int audit_export(struct ctx *c, const char *from, const char *to, const char *chain, struct buf *out,
		 int64_t *rows)
{
	char detail[160];
	int rc = authz_require(c, ACT_AUDIT_EXPORT);

	if (!rc)
		rc = audit_export_write(c, from, to, chain, out, rows);
	if (rc)
		return rc;
	snprintf(detail, sizeof(detail), "from=%s to=%s rows=%lld%s", from, to, (long long)*rows,
		 chain && !strcmp(chain, "read") ? " chain=read" : "");
	return audit_write(c, "audit.export", "audit", NULL, "success", detail);
}

/* ---- the offline check ---- */

void audit_export_check_init(struct audit_export_check *k)
{
	memset(k, 0, sizeof(*k));
}

static int bad(struct audit_export_check *k, struct ps_err *err, const char *what)
{
	return ps_fail(err, PS_EINVAL, "EXPORT_BROKEN", NULL, "导出文件第 %lld 行：%s",
		       (long long)k->line, what);
}

static int is_hash(const char *s)
{
	if (!s || strlen(s) != 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return 0;
	return 1;
}

/* A text field of a row: a string, or null (a NULL column); *ok = 0 for
 * anything else or a missing key. */
static const char *row_text(json_t *o, const char *key, int *ok)
{
	json_t *v = json_object_get(o, key);

	if (json_is_string(v))
		return json_string_value(v);
	if (!json_is_null(v))
		*ok = 0;
	return NULL;
}

static int64_t row_int(json_t *o, const char *key, int nullable, int *ok)
{
	json_t *v = json_object_get(o, key);

	if (json_is_integer(v))
		return json_integer_value(v);
	if (!(nullable && json_is_null(v)))
		*ok = 0;
	return 0;
}

static int check_header(struct audit_export_check *k, json_t *o, struct ps_err *err)
{
	json_t *first = json_object_get(o, "first_id");
	const char *anchor = json_string_value(json_object_get(o, "anchor_hash"));

	if (!json_is_string(json_object_get(o, "format")) ||
	    strcmp(json_string_value(json_object_get(o, "format")), EXPORT_FORMAT) != 0 ||
	    json_integer_value(json_object_get(o, "version")) != 1)
		return bad(k, err, "不是 Precinct 审计导出文件（格式或版本不符）");
	if (json_is_null(first)) {
		k->next_id = 0;
		k->anchor[0] = '\0';
	} else {
		if (!json_is_integer(first) || json_integer_value(first) < 1 || !is_hash(anchor) ||
		    json_integer_value(json_object_get(o, "anchor_id")) !=
			    json_integer_value(first) - 1)
			return bad(k, err, "文件头的起始记录或锚点哈希不正确");
		k->next_id = json_integer_value(first);
		memcpy(k->anchor, anchor, 65);
		memcpy(k->prev, anchor, 65);
	}
	k->state = 1;
	return PS_OK;
}

static int check_trailer(struct audit_export_check *k, json_t *o, struct ps_err *err)
{
	json_t *rows = json_object_get(o, "rows"), *last = json_object_get(o, "last_hash");

	if (!json_is_integer(rows) || json_integer_value(rows) != k->rows)
		return bad(k, err, "记录条数与文件尾不符（有记录被删除或增加）");
	if (k->rows ? !json_is_string(last) || strcmp(json_string_value(last), k->prev) != 0
		    : !json_is_null(last))
		return bad(k, err, "最后一条记录的哈希与文件尾不符");
	if (k->rows && json_integer_value(json_object_get(o, "last_id")) != k->next_id - 1)
		return bad(k, err, "最后一条记录的编号与文件尾不符");
	k->state = 2;
	return PS_OK;
}

static int check_row(struct audit_export_check *k, json_t *o, struct ps_err *err)
{
	struct audit_row w;
	char h[65];
	int ok = 1, rc;

	if (k->next_id == 0)
		return bad(k, err, "文件头说明范围内没有记录，却出现了记录");
	memset(&w, 0, sizeof(w));
	w.id = row_int(o, "id", 0, &ok);
	w.at_ms = row_int(o, "at_ms", 0, &ok);
	w.user_id = row_int(o, "user_id", 1, &ok);
	w.unit_id = row_int(o, "unit_id", 1, &ok);
	w.username = row_text(o, "username", &ok);
	w.role = row_text(o, "role", &ok);
	w.client_ip = row_text(o, "client_ip", &ok);
	w.session_hash = row_text(o, "session_hash", &ok);
	w.request_id = row_text(o, "request_id", &ok);
	w.action = row_text(o, "action", &ok);
	w.object_type = row_text(o, "object_type", &ok);
	w.object_id = row_text(o, "object_id", &ok);
	w.outcome = row_text(o, "outcome", &ok);
	w.detail = row_text(o, "detail", &ok);
	w.prev_hash = row_text(o, "prev_hash", &ok);
	w.hash = row_text(o, "hash", &ok);
	if (!ok || json_object_size(o) != 16)
		return bad(k, err, "记录的字段不完整或类型不正确");
	if (w.id != k->next_id) {
		char m[128];

		snprintf(m, sizeof(m), "应为第 %lld 条记录，实为第 %lld 条（记录缺失或顺序被调换）",
			 (long long)k->next_id, (long long)w.id);
		return bad(k, err, m);
	}
	if (!w.prev_hash || strcmp(w.prev_hash, k->prev) != 0) {
		char m[128];

		snprintf(m, sizeof(m), "第 %lld 条记录与前一条（或锚点）的哈希链不连续",
			 (long long)w.id);
		return bad(k, err, m);
	}
	rc = audit_row_hash(k->prev, &w, h);
	if (rc)
		return ps_fail(err, rc, NULL, NULL, "导出文件第 %lld 行无法计算哈希",
			       (long long)k->line);
	if (!w.hash || strcmp(w.hash, h) != 0) {
		char m[128];

		snprintf(m, sizeof(m), "第 %lld 条记录的内容被改动（哈希不符）", (long long)w.id);
		return bad(k, err, m);
	}
	memcpy(k->prev, h, 65);
	k->next_id++;
	k->rows++;
	return PS_OK;
}

int audit_export_check_line(struct audit_export_check *k, const char *line, size_t n,
			    struct ps_err *err)
{
	struct ps_err pe;
	json_t *o = NULL;
	int rc;

	k->line++;
	if (k->state == 2)
		return bad(k, err, "文件尾之后还有内容");
	if (n == 0)
		return bad(k, err, "空行");
	ps_err_clear(&pe);
	rc = json_parse_body(line, n, &o, &pe);
	if (rc == PS_ENOMEM)
		return ps_fail(err, rc, NULL, NULL, "内存不足");
	if (rc || !json_is_object(o)) {
		json_decref(o);
		return bad(k, err, "不是有效的 JSON 对象");
	}
	if (k->state == 0)
		rc = check_header(k, o, err);
	else if (json_is_true(json_object_get(o, "end")))
		rc = check_trailer(k, o, err);
	else
		rc = check_row(k, o, err);
	json_decref(o);
	return rc;
}

int audit_export_check_end(struct audit_export_check *k, struct ps_err *err)
{
	if (k->state != 2)
		return ps_fail(err, PS_EINVAL, "EXPORT_BROKEN", NULL,
			       "导出文件不完整：没有文件尾（文件被截断）");
	return PS_OK;
}
