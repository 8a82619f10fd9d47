/* replies.c — an API request's answer as libmicrohttpd sends it: JSON (or
 * the fixed notice when it could not be rendered), a file download, or an
 * error before any handler ran (replies.h). */
#include "http/replies.h"
#include "core/json.h"
#include "core/mem.h"

#include <stdio.h>
#include <string.h>

/* Content-Disposition for a download named name (UTF-8, e.g. a ledger's
 * Chinese name or an uploaded file's): an ASCII fallback with every other
 * byte as '_', and the exact name percent-encoded (RFC 6266 / 5987), so no
 * quote or line break of a name reaches the header. NULL on ENOMEM. */
static const char *disposition(struct arena *a, const char *name)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(name), i, j = 0, k = 0;
	char *ascii = arena_alloc(a, n + 1), *enc = arena_alloc(a, 3 * n + 1);

	if (!ascii || !enc)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)name[i];
		int plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
			    ch == '.' || ch == '-' || ch == '_';

		ascii[j++] = plain ? (char)ch : '_';
		if (plain) {
			enc[k++] = (char)ch;
		} else {
			enc[k++] = '%';
			enc[k++] = hex[ch >> 4];
			enc[k++] = hex[ch & 15];
		}
	}
	ascii[j] = enc[k] = '\0';
	return arena_printf(a, "attachment; filename=\"%s\"; filename*=UTF-8''%s", ascii, enc);
}

enum MHD_Result replies_api(struct MHD_Connection *c, struct arena *a, struct req *r, replies_headers_fn headers)
{
	enum MHD_Result ret;

	if (r->raw && r->status == 200) {
		struct MHD_Response *resp = MHD_create_response_from_buffer_with_free_callback(
			r->raw_len, r->raw, ps_free);

		if (!resp) {
			ps_free(r->raw);
			json_decref(r->out);
			json_mem_free(r->out_text);
			return MHD_NO;
		}
		headers(resp);
		MHD_add_response_header(resp, "Content-Type", r->raw_type);
		MHD_add_response_header(resp, "Cache-Control", "no-store");
		MHD_add_response_header(resp, "X-Request-Id", r->request_id);
		if (r->raw_name)
			MHD_add_response_header(resp, "Content-Disposition",
						disposition(a, r->raw_name));
		ret = MHD_queue_response(c, 200, resp);
		MHD_destroy_response(resp);
		json_decref(r->out);
		json_mem_free(r->out_text);
		return ret;
	}
	ps_free(r->raw);
	ret = replies_json(c, r, headers);
	json_decref(r->out);
	return ret;
}

enum MHD_Result replies_json(struct MHD_Connection *c, struct req *r, replies_headers_fn headers)
{
	struct MHD_Response *resp;
	char *body = NULL;
	size_t len = 0;
	enum MHD_Result ret;
	char num[32];

	if (r->out_text) {
		/* rendered before the commit (api/dispatch.c) */
		body = r->out_text;
		len = r->out_len;
		r->out_text = NULL;
	} else if (r->out) {
		body = json_render(r->out, JSON_COMPACT);
		if (body)
			len = strlen(body);
	}
	if (!body && r->status >= 200 && r->status <= 299 && r->status != 204) {
		/* the writes of the request are committed (the group committer
		 * answers after COMMIT): keep the status, say the details are
		 * missing — a 5xx would invite the client to do it again */
		static const char partial[] =
			"{\"notice\":{\"code\":\"ANSWER_INCOMPLETE\",\"message\":"
			"\"操作已完成，但服务器资源不足，未能返回详细结果，请刷新查看\"}}";
		resp = MHD_create_response_from_buffer(sizeof(partial) - 1, (void *)partial,
						       MHD_RESPMEM_PERSISTENT);
	} else if (!body && r->status != 204) {
		static const char oom[] =
			"{\"error\":{\"code\":\"OUT_OF_MEMORY\",\"message\":\"服务器资源不足，请稍后重试\"}}";
		if (r->status < 500)
			r->status = 503;
		resp = MHD_create_response_from_buffer(sizeof(oom) - 1, (void *)oom,
						       MHD_RESPMEM_PERSISTENT);
	} else {
		/* jansson's string: MHD hands it back to jansson's free */
		resp = MHD_create_response_from_buffer_with_free_callback(len, body,
									  json_mem_free);
	}
	if (!resp) {
		json_mem_free(body);
		return MHD_NO;
	}
	headers(resp);
	MHD_add_response_header(resp, "Content-Type", "application/json; charset=utf-8");
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	MHD_add_response_header(resp, "X-Request-Id", r->request_id);
	if (r->set_cookie)
		MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
	if (r->retry_after) {
		snprintf(num, sizeof(num), "%d", r->retry_after);
		MHD_add_response_header(resp, "Retry-After", num);
	}
	if (r->allow)
		MHD_add_response_header(resp, "Allow", r->allow);
	ret = MHD_queue_response(c, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

enum MHD_Result replies_error(struct MHD_Connection *c, int rc, const char *code, const char *msg,
			      replies_headers_fn headers)
{
	struct req r;

	memset(&r, 0, sizeof(r));
	snprintf(r.request_id, sizeof(r.request_id), "-");
	r.status = ps_rc_http_status(rc);
	r.out = json_pack("{s:{s:s, s:s}}", "error", "code", code, "message", msg);
	if (rc == PS_ERATE)
		r.retry_after = 60;
	{
		enum MHD_Result ret = replies_json(c, &r, headers);

		json_decref(r.out);
		return ret;
	}
}
