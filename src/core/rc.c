#include "core/rc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The message as valid UTF-8: vsnprintf may have cut a character at the
 * end (a long Chinese name in it), and an argument may carry bytes that are
 * not UTF-8 (a workbook's cell); a JSON answer or report refuses either,
 * and a refused row's reason would be lost with it. A cut character is
 * dropped, any other bad byte becomes '?'. */
static void msg_clip(char *s)
{
	unsigned char *p = (unsigned char *)s;

	while (*p) {
		size_t len = 0, i;

		if (*p < 0x80) {
			p++;
			continue;
		}
		if (*p >= 0xC2 && *p <= 0xDF)
			len = 2;
		else if (*p >= 0xE0 && *p <= 0xEF)
			len = 3;
		else if (*p >= 0xF0 && *p <= 0xF4)
			len = 4;
		for (i = 1; i < len && (p[i] & 0xC0) == 0x80; i++)
			;
		if (len && i == len && !(p[0] == 0xE0 && p[1] < 0xA0) && !(p[0] == 0xED && p[1] >= 0xA0) &&
		    !(p[0] == 0xF0 && p[1] < 0x90) && !(p[0] == 0xF4 && p[1] >= 0x90)) {
			p += len;
			continue;
		}
		if (len && !p[i]) {
			*p = '\0'; /* a character the buffer's end cut */
			return;
		}
		*p++ = '?';
	}
}

void ps_err_clear(struct ps_err *err)
{
	if (!err)
		return;
	err->rc = PS_OK;
	err->code = NULL;
	err->rule = NULL;
	err->field = NULL;
	err->msg[0] = '\0';
}

int ps_fail(struct ps_err *err, int rc, const char *code, const char *rule,
	    const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return rc;
	err->rc = rc;
	err->code = code;
	err->rule = rule;
	err->field = NULL;
	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
		msg_clip(err->msg);
	} else {
		err->msg[0] = '\0';
	}
	return rc;
}

int ps_fail_field(struct ps_err *err, int rc, const char *field,
		  const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return rc;
	err->rc = rc;
	err->code = "INVALID_FIELD";
	err->rule = NULL;
	err->field = field;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	msg_clip(err->msg);
	return rc;
}

static const struct {
	int status;
	const char *code;
	const char *msg;
} rc_table[] = {
	[PS_OK] = { 200, "OK", "成功" },
	[PS_ENOMEM] = { 503, "OUT_OF_MEMORY", "服务器资源不足，请稍后重试" },
	[PS_EINVAL] = { 400, "BAD_REQUEST", "请求参数不正确" },
	[PS_EAUTH] = { 401, "UNAUTHENTICATED", "请先登录" },
	[PS_EFORBIDDEN] = { 403, "FORBIDDEN", "无权进行此操作" },
	[PS_ENOTFOUND] = { 404, "NOT_FOUND", "记录不存在" },
	[PS_EMETHOD] = { 405, "METHOD_NOT_ALLOWED", "不支持该请求方法" },
	[PS_ECONFLICT] = { 409, "CONFLICT", "与现有数据冲突" },
	[PS_ERULE] = { 409, "RULE_VIOLATION", "违反执法规则，操作被拒绝" },
	[PS_ETOOBIG] = { 413, "BODY_TOO_LARGE", "请求内容过大" },
	[PS_ETIMEOUT] = { 408, "REQUEST_TIMEOUT", "请求内容未在规定时间内送达" },
	[PS_ETOOLONG] = { 414, "URI_TOO_LONG", "请求地址过长" },
	[PS_EHEADERS] = { 431, "HEADERS_TOO_LARGE", "请求头过大" },
	[PS_EMEDIA] = { 415, "UNSUPPORTED_MEDIA_TYPE", "请求内容类型必须为 application/json" },
	[PS_ELOCKED] = { 423, "ACCOUNT_LOCKED", "账号已锁定，请稍后再试或联系管理员" },
	[PS_ERATE] = { 429, "TOO_MANY_REQUESTS", "请求过于频繁，请稍后再试" },
	[PS_EBUSY] = { 503, "BUSY", "系统繁忙，请稍后重试" },
	[PS_EIO] = { 503, "STORAGE_ERROR", "数据存储故障，写入已停止，请联系管理员" },
	[PS_EUNAVAIL] = { 503, "STORE_UNAVAILABLE", "数据存储暂时不可用，本次操作未保存，请稍后重试" },
	[PS_EINTERNAL] = { 500, "INTERNAL_ERROR", "系统内部错误" },
	[PS_ROW] = { 500, "INTERNAL_ERROR", "系统内部错误" },
	[PS_DONE] = { 500, "INTERNAL_ERROR", "系统内部错误" },
};

static int rc_valid(int rc)
{
	return rc >= 0 && (size_t)rc < sizeof(rc_table) / sizeof(rc_table[0]);
}

int ps_rc_http_status(int rc)
{
	return rc_valid(rc) ? rc_table[rc].status : 500;
}

const char *ps_rc_code(int rc)
{
	return rc_valid(rc) ? rc_table[rc].code : "INTERNAL_ERROR";
}

const char *ps_rc_message(int rc)
{
	return rc_valid(rc) ? rc_table[rc].msg : "系统内部错误";
}
