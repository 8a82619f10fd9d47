/* evidence.c — 证据清单 and its attachments; 先取证后告知 (see evidence.h). */
#include "domain/cases/evidence.h"
#include "domain/cases/case_records.h"
#include "domain/admin/audit.h"
#include "domain/admin/settings.h"
#include "domain/enums.h"
#include "domain/rows.h"
#include "core/buf.h"
#include "core/crypto.h"
#include "core/mem.h"
#include "core/text.h"
#include "rules/case_flow.h"
#include "store/blobs.h"

#include <string.h>

int evidence_create(struct ctx *c, int64_t case_id, const struct evidence_input *in, json_t **out)
{
	struct case_row k;
	struct rows_query q;
	int64_t id, n = 0, at = in->has_collected_at ? in->collected_at : c->now;
	int rc;

	*out = NULL;
	rc = cases_load_as_officer(c, case_id, &k, "evidence.create");
	if (!rc)
		rc = cases_may_proceed(c, &k, 0);
	if (rc)
		return rc;
	if (flow_state_closed(k.status))
		return ps_fail(c->err, PS_ECONFLICT, "CASE_CLOSED", NULL, "案件已办结，不能再登记证据");
	if (!enums_valid(ES_EVIDENCE_KIND, in->kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "证据种类不正确");
	if (!in->title || !*in->title)
		return ps_fail_field(c->err, PS_EINVAL, "title", "请填写证据名称");
	if (at > c->now + 300 || at < k.accepted_at - 86400 * 30)
		return ps_fail_field(c->err, PS_EINVAL, "collected_at", "取证时间不合理");
	if (in->interview_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->interview_id);
		rows_bind_int(&q, case_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM interview WHERE id = ? AND case_id = ? AND status = 'signed'",
			      0, &n);
		if (rc)
			return rc;
		if (!n)
			return ps_fail_field(c->err, PS_EINVAL, "interview_id", "笔录须为本案已签名确认的笔录");
	} else if (in->kind && strcmp(in->kind, "statement") == 0) {
		return ps_fail_field(c->err, PS_EINVAL, "interview_id", "笔录类证据须选择本案已签名的笔录");
	}
	if (in->property_id) {
		rows_binds(&q, c);
		rows_bind_int(&q, in->property_id);
		rows_bind_int(&q, case_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM case_property WHERE id = ? AND case_id = ?", 0, &n);
		if (rc)
			return rc;
		if (!n)
			return ps_fail_field(c->err, PS_EINVAL, "property_id", "该涉案财物不属于本案");
	}
	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	rows_bind_text(&q, in->kind);
	rows_bind_text(&q, in->title);
	rows_bind_text(&q, in->description);
	rows_bind_text(&q, in->source);
	rows_bind_int(&q, at);
	if (in->interview_id)
		rows_bind_int(&q, in->interview_id);
	else
		rows_bind_text(&q, NULL);
	if (in->property_id)
		rows_bind_int(&q, in->property_id);
	else
		rows_bind_text(&q, NULL);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO evidence(case_id, kind, title, description, source, collected_at,"
			 " interview_id, property_id, created_by, created_at)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = case_event(c, case_id, "evidence_create", NULL, NULL,
				arena_printf(c->arena, "evidence=%lld %s %s", (long long)id,
					     enums_label(ES_EVIDENCE_KIND, in->kind), in->title));
	if (!rc)
		rc = audit_write(c, "evidence.create", "case", k.case_no, "success",
				 arena_printf(c->arena, "evidence=%lld", (long long)id));
	return rc ? rc : cases_view_get(c, case_id, out);
}

/* ---- attachments ---- */

struct evidence_att_row {
	int64_t case_id;
	const char *sha256, *mime, *file_name;
};

/* 1 when the bytes begin as files of mime do. */
static int looks_like(const char *mime, const unsigned char *p, size_t n)
{
	if (!strcmp(mime, "image/jpeg"))
		return n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff;
	if (!strcmp(mime, "image/png"))
		return n >= 8 && !memcmp(p, "\x89PNG\r\n\x1a\n", 8);
	if (!strcmp(mime, "application/pdf"))
		return n >= 5 && !memcmp(p, "%PDF-", 5);
	if (!strcmp(mime, "audio/mpeg"))
		return n >= 3 && (!memcmp(p, "ID3", 3) || (p[0] == 0xff && (p[1] & 0xe0) == 0xe0));
	if (!strcmp(mime, "audio/wav"))
		return n >= 12 && !memcmp(p, "RIFF", 4) && !memcmp(p + 8, "WAVE", 4);
	if (!strcmp(mime, "video/mp4"))
		return n >= 8 && !memcmp(p + 4, "ftyp", 4);
	return 0;
}

/* 1 when mime is one of the comma-separated allow-list. */
static int allowed(const char *list, const char *mime)
{
	size_t n = strlen(mime);

	for (const char *s = list; s && *s;) {
		const char *e = strchr(s, ',');
		size_t len = e ? (size_t)(e - s) : strlen(s);

		while (len && *s == ' ') {
			s++;
			len--;
		}
		while (len && s[len - 1] == ' ')
			len--;
		if (len == n && !strncmp(s, mime, n))
			return 1;
		s = e ? e + 1 : s + len;
	}
	return 0;
}

/* The case of evidence item id, loaded and checked: its officers only. */
static int load_item_case(struct ctx *c, int64_t id, struct case_row *k, const char *action)
{
	struct rows_query q;
	int64_t case_id = 0;
	int rc;

	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_int(&q, "SELECT case_id FROM evidence WHERE id = ?", 0, &case_id);
	if (rc)
		return rc;
	if (!case_id)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "证据不存在");
	return cases_load_as_officer(c, case_id, k, action);
}

int evidence_attach_check(struct ctx *c, int64_t id)
{
	struct case_row k;

	return load_item_case(c, id, &k, "evidence.attach");
}

int evidence_upload_prepare(struct ctx *c, int64_t id, const char *mime, const char *file_name,
			    const void *data, size_t len, struct evidence_upload *up)
{
	struct case_row k;
	int64_t max_mb;
	char m[64];
	size_t i;
	int rc;

	memset(up, 0, sizeof(*up));
	rc = load_item_case(c, id, &k, "evidence.attach");
	if (rc)
		return rc;
	if (flow_state_closed(k.status))
		return ps_fail(c->err, PS_ECONFLICT, "CASE_CLOSED", NULL, "案件已办结，不能再添加附件");
	/* the media type without parameters, lower case */
	for (i = 0; mime && mime[i] && mime[i] != ';' && mime[i] != ' ' && i < sizeof(m) - 1; i++)
		m[i] = (char)((mime[i] >= 'A' && mime[i] <= 'Z') ? mime[i] + 32 : mime[i]);
	m[i] = '\0';
	if (!m[0] || !allowed(setting_text(c, "evidence.allowed_types", k.unit_id), m))
		return ps_fail(c->err, PS_EMEDIA, "ATTACHMENT_TYPE", NULL,
			       "附件类型“%s”不在允许范围内（照片 JPEG/PNG、扫描件 PDF、录音 MP3/WAV、录像 MP4）", m);
	max_mb = setting_int(c, "evidence.max_upload_mb", k.unit_id);
	if (len == 0)
		return ps_fail(c->err, PS_EINVAL, "ATTACHMENT_EMPTY", NULL, "附件内容为空");
	if ((int64_t)len > max_mb * 1024 * 1024 || len > EVIDENCE_UPLOAD_CEILING)
		return ps_fail(c->err, PS_ETOOBIG, "ATTACHMENT_TOO_LARGE", NULL, "附件超过 %lld MiB 的上限",
			       (long long)max_mb);
	if (!looks_like(m, data, len))
		return ps_fail(c->err, PS_EMEDIA, "ATTACHMENT_TYPE", NULL, "附件内容与声明的类型“%s”不符", m);
	if (!file_name || !*file_name || strlen(file_name) > 200 || strchr(file_name, '/') ||
	    strchr(file_name, '\\') || !text_is_utf8(file_name, strlen(file_name)))
		return ps_fail_field(c->err, PS_EINVAL, "name", "请在 name 参数中给出文件名（不超过 200 字节）");
	crypto_sha256_hex(data, len, up->sha256);
	rc = blobs_put(data, len, up->sha256, c->err);
	if (rc)
		return rc;
	up->evidence_id = id;
	up->mime = arena_strdup(c->arena, m);
	up->file_name = arena_strdup(c->arena, file_name);
	up->size = len;
	return (up->mime && up->file_name) ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int evidence_upload_commit(struct ctx *c, const struct evidence_upload *up, json_t **out)
{
	struct case_row k;
	struct rows_query q;
	int64_t id;
	int rc;

	*out = NULL;
	rc = load_item_case(c, up->evidence_id, &k, "evidence.attach");
	if (rc)
		return rc;
	if (flow_state_closed(k.status))
		return ps_fail(c->err, PS_ECONFLICT, "CASE_CLOSED", NULL, "案件已办结，不能再添加附件");
	rows_binds(&q, c);
	rows_bind_int(&q, up->evidence_id);
	rows_bind_text(&q, up->sha256);
	rows_bind_int(&q, (int64_t)up->size);
	rows_bind_text(&q, up->mime);
	rows_bind_text(&q, up->file_name);
	rows_bind_int(&q, c->who.user_id);
	rows_bind_int(&q, c->now);
	rc = rows_insert(&q,
			 "INSERT INTO evidence_attachment(evidence_id, sha256, size, mime, file_name, created_by,"
			 " created_at) VALUES (?,?,?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = case_event(c, k.id, "evidence_attach", NULL, NULL,
				arena_printf(c->arena, "evidence=%lld attachment=%lld sha256=%s", (long long)up->evidence_id,
					     (long long)id, up->sha256));
	if (!rc)
		rc = audit_write(c, "evidence.attach", "evidence_attachment",
				 arena_printf(c->arena, "%lld", (long long)id), "success",
				 arena_printf(c->arena, "case=%s sha256=%s size=%zu", k.case_no, up->sha256, up->size));
	if (rc)
		return rc;
	*out = json_pack("{s:{s:I, s:I, s:s, s:I, s:s, s:s, s:I}}", "attachment", "id", (json_int_t)id,
			 "evidence_id", (json_int_t)up->evidence_id, "sha256", up->sha256, "size",
			 (json_int_t)up->size, "mime", up->mime, "file_name", up->file_name, "created_at",
			 (json_int_t)c->now);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int evidence_attachment_read(struct ctx *c, int64_t id, void **data, size_t *len,
			     const char **mime, const char **file_name)
{
	static const struct rows_col cols[] = {
		ROWS_INT(struct evidence_att_row, case_id),
		ROWS_TEXT(struct evidence_att_row, sha256),
		ROWS_TEXT(struct evidence_att_row, mime),
		ROWS_TEXT(struct evidence_att_row, file_name),
	};
	struct evidence_att_row a = { 0 };
	struct case_row k;
	struct rows_query q;
	int rc;

	*data = NULL;
	*len = 0;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_struct(&q,
			 "SELECT e.case_id, a.sha256, a.mime, a.file_name FROM evidence_attachment a"
			 " JOIN evidence e ON e.id = a.evidence_id WHERE a.id = ?",
			 cols, sizeof(cols) / sizeof(cols[0]), &a);
	if (rc == PS_ENOTFOUND)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "附件不存在");
	if (rc)
		return rc;
	/* the case's readers only; another unit's is refused and audited */
	rc = case_load(c, a.case_id, &k);
	if (rc)
		return rc;
	rc = audit_read_action(c, "evidence.attachment_read", "evidence_attachment",
			       arena_printf(c->arena, "%lld", (long long)id),
			       arena_printf(c->arena, "case=%s sha256=%s", k.case_no, a.sha256));
	if (rc)
		return rc;
	rc = blobs_get(a.sha256, EVIDENCE_UPLOAD_CEILING, data, len, c->err);
	if (rc)
		return rc;
	*mime = a.mime;
	*file_name = a.file_name;
	return PS_OK;
}

int evidence_blobs_missing(struct ctx *c, const char *root, int64_t *total, int64_t *missing)
{
	struct rows_query q;
	json_t *all = NULL, *row;
	size_t i;
	int rc;

	*total = *missing = 0;
	rows_binds(&q, c);
	rc = rows_all(&q, "SELECT DISTINCT sha256 FROM evidence_attachment", &all);
	if (rc)
		return rc;
	json_array_foreach(all, i, row) {
		const char *sha = json_string_value(json_object_get(row, "sha256"));

		(*total)++;
		if (!sha || !blobs_exists_in(root, sha))
			(*missing)++;
	}
	json_decref(all);
	return PS_OK;
}

/* ---- 先取证后告知 ---- */

int evidence_notice_check(struct ctx *c, const struct case_row *k, int64_t party_id,
			  json_t *ids, const char *missing_reason)
{
	struct rows_query q;
	json_t *v;
	size_t i;
	int64_t n = 0;
	int rc;

	if (strcmp(k->procedure, "normal") != 0)
		return PS_OK; /* 当场处罚: told and decided on the spot */
	/* the suspect's own statement: a signed 笔录 of that party */
	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rows_bind_int(&q, party_id);
	rc = rows_int(&q, "SELECT COUNT(*) FROM interview WHERE case_id = ? AND party_id = ? AND status = 'signed'",
		      0, &n);
	if (rc)
		return rc;
	if (!n && (!missing_reason || !*missing_reason))
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-NOTICE-EVIDENCE",
			       "先取证后告知：案卷中还没有该违法嫌疑人签名确认的陈述笔录；无法取得陈述的，须写明原因");
	if (!json_is_array(ids) || json_array_size(ids) == 0)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-NOTICE-EVIDENCE",
			       "先取证后告知：告知须列明所依据的证据（证据清单中的证据）");
	json_array_foreach(ids, i, v) {
		if (!json_is_integer(v) || json_integer_value(v) <= 0)
			return ps_fail_field(c->err, PS_EINVAL, "evidence_ids", "证据编号应为正整数");
		rows_binds(&q, c);
		rows_bind_int(&q, json_integer_value(v));
		rows_bind_int(&q, k->id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM evidence WHERE id = ? AND case_id = ?", 0, &n);
		if (rc)
			return rc;
		if (!n)
			return ps_fail_field(c->err, PS_EINVAL, "evidence_ids", "证据 %lld 不在本案证据清单中",
					     (long long)json_integer_value(v));
	}
	return PS_OK;
}

int evidence_notice_link(struct ctx *c, int64_t notice_id, json_t *ids)
{
	struct rows_query q;
	json_t *v;
	size_t i;
	int rc = PS_OK;

	json_array_foreach(ids, i, v) {
		rows_binds(&q, c);
		rows_bind_int(&q, notice_id);
		rows_bind_int(&q, json_integer_value(v));
		rc = rows_exec(&q,
			       "INSERT INTO notice_evidence(notice_id, evidence_id) VALUES (?,?)"
			       " ON CONFLICT (notice_id, evidence_id) DO NOTHING",
			       NULL);
		if (rc)
			break;
	}
	return rc;
}

int evidence_decision_check(struct ctx *c, const struct case_row *k, int64_t party_id,
			    const char *name)
{
	struct rows_query q;
	int64_t told = 0, last = 0;
	int rc;

	if (strcmp(k->procedure, "normal") != 0)
		return PS_OK;
	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rows_bind_int(&q, party_id);
	rc = rows_int(&q, "SELECT COALESCE(MAX(id), 0) FROM case_notice WHERE case_id = ? AND party_id = ?"
			  " AND kind = 'rights'",
		      0, &told);
	if (rc || !told)
		return rc; /* no notice at all: ADM-NOTICE-RIGHTS says so */
	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rows_bind_int(&q, told);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM evidence WHERE case_id = ?"
		      " AND created_at > (SELECT created_at FROM case_notice WHERE id = ?)",
		      0, &last);
	if (rc)
		return rc;
	if (last)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-NOTICE-EVIDENCE",
			       "告知%s后证据清单又增加了 %lld 项证据，须依据全部证据重新告知后再作决定", name ? name : "当事人",
			       (long long)last);
	/* a 笔录 is evidence too (陈述和申辩, 证人证言): one taken after the
	 * notice is a new fact the party was not told */
	rows_binds(&q, c);
	rows_bind_int(&q, k->id);
	rows_bind_int(&q, told);
	rc = rows_int(&q,
		      "SELECT COUNT(*) FROM interview WHERE case_id = ? AND status = 'signed'"
		      " AND start_at > (SELECT at FROM case_notice WHERE id = ?)",
		      0, &last);
	if (rc)
		return rc;
	if (last)
		return ps_fail(c->err, PS_ERULE, "RULE_VIOLATION", "ADM-NOTICE-EVIDENCE",
			       "告知%s后又制作了 %lld 份笔录，须依据全部证据重新告知后再作决定", name ? name : "当事人",
			       (long long)last);
	return PS_OK;
}

const char *evidence_list_text(struct ctx *c, int64_t case_id)
{
	struct rows_query q;
	struct buf b;
	json_t *rows, *r;
	size_t i;
	int bad = 0;
	const char *s;

	rows_binds(&q, c);
	rows_bind_int(&q, case_id);
	if (rows_all(&q, "SELECT kind, title, source FROM evidence WHERE case_id = ? ORDER BY id", &rows))
		return NULL;
	buf_init(&b, 64 * 1024);
	bad |= buf_adds(&b, "");
	json_array_foreach(rows, i, r) {
		bad |= buf_addf(&b, "%s%zu. 【%s】%s", i ? "\n" : "", i + 1,
				enums_label(ES_EVIDENCE_KIND, row_str(r, "kind")), row_str(r, "title"));
		if (row_str(r, "source") && *row_str(r, "source"))
			bad |= buf_addf(&b, "（%s）", row_str(r, "source"));
	}
	json_decref(rows);
	s = bad ? NULL : arena_strdup(c->arena, buf_str(&b));
	buf_release(&b);
	if (!s)
		ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	return s;
}
