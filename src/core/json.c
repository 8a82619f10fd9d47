#include "core/json.h"
#include "core/mem.h"

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The header in front of each jansson block: its size, and its links in
 * the list of blocks of a guarded parse; padded so that the block keeps
 * the alignment of malloc. */
struct blk {
	size_t n;
	struct blk *prev, *next; /* NULL when not in a guarded parse's list */
};
#define JSON_HDR (((sizeof(struct blk) + sizeof(max_align_t) - 1) / sizeof(max_align_t)) * \
		  sizeof(max_align_t))

/* Set when an allocation of jansson failed on this thread. jansson reports
 * most of them as syntax errors ("invalid token"), and both its lexer and
 * its dumper even return text with a character missing when growing a
 * buffer failed: a parse or a dump during which an allocation failed has
 * failed, whatever jansson returned. */
static _Thread_local int alloc_failed;

/* A guarded parse (json_loadb under guard_load): jansson 2.14's lexer
 * reads past the end of its buffer when a character could not be appended
 * (a crash, found by fuzz_json_body), so the first failed allocation of a
 * parse jumps straight back to guard_load, which frees every block the
 * parse still holds (they are listed here). */
static _Thread_local struct {
	int on;
	jmp_buf jb;
	struct blk head; /* circular list of the parse's live blocks */
} guard;

static void *json_mem_alloc(size_t n)
{
	struct blk *b;

	if (n > SIZE_MAX - JSON_HDR)
		return NULL;
	b = ps_malloc(n + JSON_HDR);
	if (!b) {
		alloc_failed = 1;
		if (guard.on)
			longjmp(guard.jb, 1);
		return NULL;
	}
	b->n = n;
	b->prev = b->next = NULL;
	if (guard.on) {
		b->next = guard.head.next;
		b->prev = &guard.head;
		b->next->prev = b;
		guard.head.next = b;
	}
	return (unsigned char *)b + JSON_HDR;
}

static void blk_free(struct blk *b)
{
	if (b->next) {
		b->prev->next = b->next;
		b->next->prev = b->prev;
	}
	ps_memzero((unsigned char *)b + JSON_HDR, b->n);
	ps_free(b);
}

void json_mem_free(void *p)
{
	if (p)
		blk_free((struct blk *)(void *)((unsigned char *)p - JSON_HDR));
}

char *json_mem_strndup(const char *s, size_t n)
{
	char *p = n < SIZE_MAX ? json_mem_alloc(n + 1) : NULL;

	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* json_loadb that never lets a failed allocation reach jansson's lexer:
 * NULL with *oom = 1 when memory ran out (nothing allocated is left), else
 * what json_loadb returned. Not reentrant (jansson does not call back). */
static json_t *guard_load(const char *text, size_t len, size_t flags, json_error_t *je,
			  int *oom)
{
	json_t *v;

	alloc_failed = 0;
	guard.head.next = guard.head.prev = &guard.head;
	if (setjmp(guard.jb)) {
		guard.on = 0;
		while (guard.head.next != &guard.head)
			blk_free(guard.head.next);
		*oom = 1;
		return NULL;
	}
	guard.on = 1;
	v = json_loadb(text, len, flags, je);
	guard.on = 0;
	/* the blocks now belong to v (or were freed): forget the list */
	while (guard.head.next != &guard.head) {
		struct blk *b = guard.head.next;

		guard.head.next = b->next;
		b->prev = b->next = NULL;
	}
	*oom = alloc_failed || (!v && json_error_code(je) == json_error_out_of_memory);
	if (*oom) {
		json_decref(v);
		v = NULL;
	}
	return v;
}

void json_mem_init(void)
{
	json_set_alloc_funcs(json_mem_alloc, json_mem_free);
}

static int depth_ok(json_t *v, int depth)
{
	const char *k;
	json_t *c;
	size_t i;

	if (depth > JSON_MAX_DEPTH)
		return 0;
	if (json_is_object(v)) {
		json_object_foreach(v, k, c)
			if (!depth_ok(c, depth + 1))
				return 0;
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, c)
			if (!depth_ok(c, depth + 1))
				return 0;
	}
	return 1;
}

int json_parse_body(const char *body, size_t len, json_t **out,
		    struct ps_err *err)
{
	json_error_t je;
	json_t *v;
	int oom;

	*out = NULL;
	if (len == 0) {
		v = json_object();
		if (!v)
			return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
		*out = v;
		return PS_OK;
	}
	/* never a value read while memory ran out: jansson 2.14's lexer
	 * drops the character it could not append ("Demo-2026" read as
	 * "Demo-026") and goes on, or reads past its buffer */
	v = guard_load(body, len, JSON_REJECT_DUPLICATES, &je, &oom);
	if (oom)
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
	if (!v)
		return ps_fail(err, PS_EINVAL, "BAD_JSON", NULL,
			       "请求内容不是合法的 JSON（第 %d 行第 %d 列附近有错误）",
			       je.line, je.column);
	if (!json_is_object(v)) {
		json_decref(v);
		return ps_fail(err, PS_EINVAL, "BAD_JSON", NULL,
			       "请求内容必须是 JSON 对象");
	}
	if (!depth_ok(v, 1)) {
		json_decref(v);
		return ps_fail(err, PS_EINVAL, "BAD_JSON", NULL,
			       "JSON 嵌套层数超过 %d", JSON_MAX_DEPTH);
	}
	*out = v;
	return PS_OK;
}

char *json_render(const json_t *v, size_t flags)
{
	char *s;

	alloc_failed = 0;
	s = json_dumps(v, flags);
	if (alloc_failed) {
		/* jansson 2.14 can return text with a character missing (a
		 * key's closing quote) when an allocation failed inside */
		json_mem_free(s);
		return NULL;
	}
	return s;
}

int json_parse_stored(const char *text, json_t **out, struct ps_err *err)
{
	json_error_t je;
	int oom;

	*out = guard_load(text, strlen(text), 0, &je, &oom);
	if (oom)
		return ps_fail(err, PS_ENOMEM, NULL, NULL, "内存不足");
	return PS_OK;
}

int json_only_keys(json_t *obj, const char *const *allowed, struct ps_err *err)
{
	const char *k;
	json_t *v;

	json_object_foreach(obj, k, v) {
		const char *const *a;

		(void)v;
		for (a = allowed; *a; a++)
			if (strcmp(*a, k) == 0)
				break;
		if (!*a) {
			return ps_fail(err, PS_EINVAL, "UNKNOWN_FIELD", NULL,
				       "不认识的字段：%.64s", k);
		}
	}
	return PS_OK;
}

size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* 1 when s holds no character but spaces, tabs, line breaks and the
 * ideographic space (U+3000): a required text of those says nothing. */
static int blank(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		else if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
			p += 3;
		else
			return 0;
	}
	return 1;
}

int json_get_str(json_t *obj, const char *key, int required, size_t max_chars,
		 const char **out, struct ps_err *err)
{
	json_t *v = json_object_get(obj, key);
	const char *s;

	*out = NULL;
	if (!v || json_is_null(v)) {
		if (required)
			return ps_fail_field(err, PS_EINVAL, key,
					     "缺少必填字段：%s", key);
		return PS_OK;
	}
	if (!json_is_string(v))
		return ps_fail_field(err, PS_EINVAL, key,
				     "字段 %s 应为字符串", key);
	s = json_string_value(v);
	if (strlen(s) != json_string_length(v))
		return ps_fail_field(err, PS_EINVAL, key,
				     "字段 %s 含有非法字符", key);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
			return ps_fail_field(err, PS_EINVAL, key,
					     "字段 %s 含有控制字符", key);
	if (utf8_chars(s) > max_chars)
		return ps_fail_field(err, PS_EINVAL, key,
				     "字段 %s 过长（最多 %zu 个字符）", key,
				     max_chars);
	if (required && blank(s))
		return ps_fail_field(err, PS_EINVAL, key,
				     "必填字段 %s 不能为空", key);
	*out = s;
	return PS_OK;
}

int json_get_int(json_t *obj, const char *key, int required, int64_t min,
		 int64_t max, int64_t *out, int *present, struct ps_err *err)
{
	json_t *v = json_object_get(obj, key);
	json_int_t i;

	if (present)
		*present = 0;
	if (!v || json_is_null(v)) {
		if (required)
			return ps_fail_field(err, PS_EINVAL, key,
					     "缺少必填字段：%s", key);
		return PS_OK;
	}
	if (!json_is_integer(v))
		return ps_fail_field(err, PS_EINVAL, key,
				     "字段 %s 应为整数", key);
	i = json_integer_value(v);
	if (i < min || i > max)
		return ps_fail_field(err, PS_EINVAL, key,
				     "字段 %s 超出范围（%lld–%lld）", key,
				     (long long)min, (long long)max);
	*out = (int64_t)i;
	if (present)
		*present = 1;
	return PS_OK;
}

int json_get_bool(json_t *obj, const char *key, int required, int *out,
		  int *present, struct ps_err *err)
{
	json_t *v = json_object_get(obj, key);

	if (present)
		*present = 0;
	if (!v || json_is_null(v)) {
		if (required)
			return ps_fail_field(err, PS_EINVAL, key,
					     "缺少必填字段：%s", key);
		return PS_OK;
	}
	if (!json_is_boolean(v))
		return ps_fail_field(err, PS_EINVAL, key,
				     "字段 %s 应为 true 或 false", key);
	*out = json_is_true(v);
	if (present)
		*present = 1;
	return PS_OK;
}
