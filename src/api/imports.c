/* imports.c — an import route's file as UTF-8 CSV text (imports.h). */
#include "api/imports.h"
#include "core/buf.h"
#include "core/text.h"
#include "core/xlsx.h"

#include <sodium.h>

#include <string.h>

const char *const import_encoding_values[] = { "utf-8", "utf8", "gbk", NULL };

int api_import_text(struct req *r, const struct field *table, const char **text, size_t *len)
{
	struct import_body in = { 0 };
	const char *enc;
	json_t *v;
	int rc = fields_bind(r->in, table, &in, &r->err);

	if (rc)
		return rc;
	enc = in.encoding;
	v = in.xlsx ? json_object_get(r->in, "xlsx") : NULL;
	if (v) {
		/* an .xlsx workbook, base64: its first sheet becomes CSV */
		const char *b64 = json_string_value(v);
		size_t n = b64 ? json_string_length(v) : 0, blen = 0;
		unsigned char *bin = b64 ? arena_alloc(r->arena, n * 3 / 4 + 4) : NULL;
		struct buf b;

		if (!b64)
			return ps_fail_field(&r->err, PS_EINVAL, "xlsx", "xlsx 应为 base64 文本");
		if (!bin)
			return ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
		if (sodium_base642bin(bin, n * 3 / 4 + 4, b64, n, "\r\n", &blen, NULL,
				      sodium_base64_VARIANT_ORIGINAL) != 0)
			return ps_fail_field(&r->err, PS_EINVAL, "xlsx", "xlsx 内容不是合法的 base64");
		buf_init(&b, 64u << 20);
		rc = xlsx_to_csv(bin, blen, &b, &r->err);
		if (rc)
			return rc;
		*text = arena_strndup(r->arena, buf_str(&b), b.len);
		*len = b.len;
		buf_release(&b);
		return *text ? PS_OK : ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	v = json_object_get(r->in, "csv");
	if (!json_is_string(v))
		return ps_fail_field(&r->err, PS_EINVAL, "csv", "csv 应为文件内容（文本；GBK 文件请先按字节转为 latin1 文本并注明 encoding）");
	if (enc && strcmp(enc, "utf-8") && strcmp(enc, "utf8")) {
		/* a GBK file travels as latin1 code points: one byte per char */
		const unsigned char *s = (const unsigned char *)json_string_value(v);
		size_t n = json_string_length(v), o = 0;
		char *bytes = arena_alloc(r->arena, n + 1);

		if (!bytes)
			return ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
		for (size_t i = 0; i < n; i++) {
			if (s[i] < 0x80)
				bytes[o++] = (char)s[i];
			else if ((s[i] == 0xc2 || s[i] == 0xc3) && i + 1 < n)
				bytes[o++] = (char)(((s[i] & 0x03) << 6) | (s[i + 1] & 0x3f)), i++;
			else
				return ps_fail_field(&r->err, PS_EINVAL, "csv", "GBK 文件内容应以 latin1 文本传送");
		}
		*text = text_to_utf8(r->arena, bytes, o, enc, len);
		if (!*text)
			return ps_fail_field(&r->err, PS_EINVAL, "encoding", "文件编码不正确或无法识别");
		return PS_OK;
	}
	/* Excel's "CSV UTF-8" starts with a byte-order mark: the CSV reader
	 * skips it */
	*text = json_string_value(v);
	*len = json_string_length(v);
	return PS_OK;
}

int api_import_all(const struct req *r)
{
	return json_is_true(json_object_get(r->in, "all_or_nothing"));
}

int api_import_done(struct req *r, int rc, json_t *out)
{
	if (!rc)
		return req_reply(r, 200, out);
	if (out)
		req_error_extra(r, json_pack("{s:o}", "report", out));
	return rc;
}

/* what the prepare run decoded */
struct import_text {
	const char *text;
	size_t len;
};

int api_import_file(struct req *r, const struct field *table, const char **text, size_t *len)
{
	const struct import_text *t = r->prepared;
	struct import_text *p;
	int rc;

	if (!r->preparing) {
		/* not prepared (refused, or the prepare run failed for another
		 * reason, which may not last): decoded here */
		if (!t)
			return api_import_text(r, table, text, len);
		*text = t->text;
		*len = t->len;
		return PS_OK;
	}
	/* before the write transaction: base64, the workbook's unzip and XML,
	 * GBK → UTF-8 (ROUTE_PREPARE) */
	p = arena_alloc(r->arena, sizeof(*p));
	if (!p)
		return ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
	rc = api_import_text(r, table, &p->text, &p->len);
	if (!rc)
		r->prepared = p;
	return rc;
}
