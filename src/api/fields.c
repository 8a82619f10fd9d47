/* fields.c — binding a request body by its field table. */
#include "api/fields.h"
#include "api/api.h"
#include "core/json.h"

#include <string.h>

#define MAX_FIELDS 64

/* Collect the names of a table and of its nested objects' tables that bind
 * at this level (an OBJECT's own name only). */
static size_t names_of(const struct field *t, const char **names, size_t cap)
{
	size_t n = 0;

	for (; t->name && n + 1 < cap; t++)
		names[n++] = t->name;
	names[n] = NULL;
	return n;
}

static int one_of(const char *v, const char *const *en)
{
	for (; *en; en++)
		if (strcmp(v, *en) == 0)
			return 1;
	return 0;
}

const struct field fields_none[] = { FEND };

int fields_bind(json_t *obj, const struct field *table, void *out, struct ps_err *err)
{
	const char *names[MAX_FIELDS + 1];
	char *base = out;
	int rc;

	if (!obj)
		return ps_fail(err, PS_EINVAL, "BAD_JSON", NULL, "缺少请求内容");
	names_of(table, names, MAX_FIELDS + 1);
	rc = json_only_keys(obj, names, err);
	if (rc)
		return rc;
	for (const struct field *f = table; f->name; f++) {
		int given = 0;

		switch (f->type) {
		case FIELD_STR: {
			const char **s = (const char **)(base + f->offset);

			rc = json_get_str(obj, f->name, f->required, (size_t)f->max, s, err);
			if (!rc && *s && f->min > 0 && (int64_t)utf8_chars(*s) < f->min)
				rc = ps_fail_field(err, PS_EINVAL, f->name, "“%s”至少应有 %lld 个字", f->name,
						   (long long)f->min);
			if (!rc && *s && f->enums && !one_of(*s, f->enums))
				rc = ps_fail_field(err, PS_EINVAL, f->name, "“%s”的取值“%s”不在允许范围内", f->name, *s);
			break;
		}
		case FIELD_INT:
			rc = json_get_int(obj, f->name, f->required, f->min, f->max, (int64_t *)(base + f->offset),
					  &given, err);
			break;
		case FIELD_BOOL:
			rc = json_get_bool(obj, f->name, f->required, (int *)(base + f->offset), &given, err);
			break;
		case FIELD_OBJECT: {
			json_t *sub = json_object_get(obj, f->name);

			if (!sub || json_is_null(sub)) {
				if (f->required)
					rc = ps_fail_field(err, PS_EINVAL, f->name, "缺少必填项“%s”", f->name);
				break;
			}
			if (!json_is_object(sub))
				return ps_fail_field(err, PS_EINVAL, f->name, "“%s”应为对象", f->name);
			rc = fields_bind(sub, f->sub, out, err);
			break;
		}
		case FIELD_FILE: {
			json_t *v = json_object_get(obj, f->name);
			const char **s = (const char **)(base + f->offset);

			*s = NULL;
			if (!v || json_is_null(v)) {
				if (f->required)
					rc = ps_fail_field(err, PS_EINVAL, f->name, "缺少必填项“%s”", f->name);
				break;
			}
			if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v))
				rc = ps_fail_field(err, PS_EINVAL, f->name, "“%s”应为文件的文本内容", f->name);
			else if ((int64_t)json_string_length(v) > f->max)
				rc = ps_fail_field(err, PS_EINVAL, f->name, "“%s”超过 %lld 字节", f->name,
						   (long long)f->max);
			else
				*s = json_string_value(v);
			break;
		}
		case FIELD_JSON: {
			json_t *v = json_object_get(obj, f->name);

			if ((!v || json_is_null(v)) && f->required)
				rc = ps_fail_field(err, PS_EINVAL, f->name, "缺少必填项“%s”", f->name);
			*(json_t **)(base + f->offset) = v && !json_is_null(v) ? v : NULL;
			break;
		}
		}
		if (rc)
			return rc;
		if (f->present != FIELD_NO_FLAG && (f->type == FIELD_INT || f->type == FIELD_BOOL))
			*(int *)(base + f->present) = given;
	}
	return PS_OK;
}

static json_t *table_json(const struct field *t)
{
	static const char *const types[] = { "string", "integer", "boolean", "object", "json", "string" };
	json_t *a = json_array();

	for (; a && t->name; t++) {
		json_t *f = json_pack("{s:s, s:s, s:b}", "name", t->name, "type", types[t->type], "required",
				      t->required);

		if (!f) {
			json_decref(a);
			return NULL;
		}
		if (t->type == FIELD_INT) {
			json_object_set_new(f, "minimum", json_integer(t->min));
			json_object_set_new(f, "maximum", json_integer(t->max));
		}
		if (t->type == FIELD_STR || t->type == FIELD_FILE)
			json_object_set_new(f, "maxLength", json_integer(t->max));
		if (t->type == FIELD_STR && t->min > 0)
			json_object_set_new(f, "minLength", json_integer(t->min));
		if (t->enums) {
			json_t *e = json_array();

			for (const char *const *v = t->enums; *v; v++)
				json_array_append_new(e, json_string(*v));
			json_object_set_new(f, "enum", e);
			if (t->set >= 0)
				json_object_set_new(f, "enum_set", json_string(enums_name((enum enum_set)t->set)));
		}
		if (t->sub)
			json_object_set_new(f, "fields", table_json(t->sub));
		json_array_append_new(a, f);
	}
	return a;
}

json_t *fields_routes_json(void)
{
	json_t *a = json_array();

	for (const struct route *rt = api_routes; a && rt->method; rt++) {
		if (!rt->body)
			continue;
		json_array_append_new(a, json_pack("{s:s, s:s, s:o}", "method", rt->method, "path", rt->pattern,
						   "fields", table_json(rt->body)));
	}
	return a;
}
