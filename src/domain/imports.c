#include "domain/imports.h"
#include "domain/audit.h"
#include "domain/population.h"
#include "core/buf.h"

#include <stdio.h>
#include <string.h>

#define MAX_COLS 16

enum col { C_NAME, C_ID, C_PHONE, C_KIND, C_COMMUNITY, C_BUILDING, C_UNIT, C_ROOM, C_COUNT };

static const char *const headers[C_COUNT] = { "姓名", "身份证号", "电话", "类别",
					      "社区", "楼栋", "单元", "房号" };

static const struct {
	const char *zh, *code;
} kinds[] = {
	{ "常住", "resident" }, { "暂住", "temporary" }, { "流动", "floating" },
	{ "境外", "foreign" },  { "未落户", "unregistered" },
};

/* Split one CSV line (quotes allowed) into fields, in place. */
static int split(char *line, char **f, int max)
{
	int n = 0;
	char *s = line;

	while (n < max) {
		char *w;

		if (*s == '"') {
			s++;
			f[n++] = w = s;
			while (*s && !(s[0] == '"' && s[1] != '"')) {
				if (s[0] == '"')
					s++;
				*w++ = *s++;
			}
			if (*s == '"')
				s++;
			*w = '\0';
			/* keep what follows the closing quote up to the comma */
			while (*s && *s != ',')
				s++;
		} else {
			f[n++] = s;
			while (*s && *s != ',')
				s++;
		}
		if (*s != ',')
			break;
		*s++ = '\0';
	}
	for (int i = 0; i < n; i++) {
		/* trim spaces */
		char *e;

		while (*f[i] == ' ' || *f[i] == '\t')
			f[i]++;
		e = f[i] + strlen(f[i]);
		while (e > f[i] && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			*--e = '\0';
	}
	return n;
}

static json_t *err_row(int row, const char *reason)
{
	return json_pack("{s:i, s:s}", "row", row, "reason", reason);
}

int imports_persons(struct ctx *c, const char *text, size_t len, json_t **out)
{
	const char *p = text, *end = text + len;
	int map[C_COUNT], row = 0, rows = 0, imported = 0, created = 0, rc = PS_OK;
	json_t *errors = json_array(), *hits = json_array();
	int have_header = 0;

	*out = NULL;
	if (!errors || !hits) {
		json_decref(errors);
		json_decref(hits);
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	for (int i = 0; i < C_COUNT; i++)
		map[i] = -1;
	while (p < end && !rc) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		size_t n = (size_t)(le - p);
		char *line, *f[MAX_COLS];
		int nf;

		row++;
		line = arena_strndup(c->arena, p, n);
		p = nl ? nl + 1 : end;
		if (!line) {
			rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
			break;
		}
		nf = split(line, f, MAX_COLS);
		if (nf == 1 && !*f[0])
			continue;
		if (!have_header) {
			for (int i = 0; i < nf; i++)
				for (int k = 0; k < C_COUNT; k++)
					if (!strcmp(f[i], headers[k]))
						map[k] = i;
			if (map[C_NAME] < 0 || map[C_ID] < 0) {
				rc = ps_fail(c->err, PS_EINVAL, "BAD_IMPORT_HEADER", NULL,
					     "第1行应为表头，至少包含“姓名”和“身份证号”两列");
				break;
			}
			have_header = 1;
			continue;
		}
		rows++;
		{
			struct person_input in = { 0 };
			struct address_input a = { 0 };
			struct ps_err e, *saved = c->err;
			json_t *res = NULL;
			int rrc;

#define COL(k) (map[k] >= 0 && map[k] < nf && *f[map[k]] ? f[map[k]] : NULL)
			in.name = COL(C_NAME);
			in.id_number = COL(C_ID);
			in.phone = COL(C_PHONE);
			if (COL(C_KIND)) {
				const char *kv = COL(C_KIND);

				for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
					if (kv && (!strcmp(kv, kinds[k].zh) || !strcmp(kv, kinds[k].code)))
						in.kind = kinds[k].code;
				if (!in.kind) {
					json_array_append_new(errors, err_row(row, "类别应为 常住/暂住/流动/境外/未落户"));
					continue;
				}
			}
			a.community = COL(C_COMMUNITY);
			a.building = COL(C_BUILDING);
			a.unit_no = COL(C_UNIT);
			a.room = COL(C_ROOM);
#undef COL
			ps_err_clear(&e);
			c->err = &e;
			/* a row is all or nothing */
			rrc = db_exec(c->db, "SAVEPOINT import_row", &e);
			if (!rrc && a.community) {
				rrc = addresses_create(c, &a, &res);
				if (!rrc)
					in.address_id = json_integer_value(
						json_object_get(json_object_get(res, "address"), "id"));
				json_decref(res);
				res = NULL;
			}
			if (!rrc)
				rrc = persons_register(c, &in, &res);
			c->err = saved;
			if (rrc == PS_EINVAL || rrc == PS_ECONFLICT || rrc == PS_EFORBIDDEN) {
				db_exec(c->db, "ROLLBACK TO SAVEPOINT import_row", NULL);
				db_exec(c->db, "RELEASE SAVEPOINT import_row", NULL);
				json_array_append_new(errors,
						      err_row(row, arena_printf(c->arena, "%s%s%s", e.field ? e.field : "",
										e.field ? "：" : "", e.msg)));
				if (rrc == PS_EFORBIDDEN) {
					rc = ps_fail(c->err, PS_EFORBIDDEN, "FORBIDDEN", NULL, "%s", e.msg);
					break;
				}
				continue;
			}
			if (rrc) {
				*c->err = e;
				rc = rrc;
				break;
			}
			db_exec(c->db, "RELEASE SAVEPOINT import_row", NULL);
			imported++;
			created += json_is_true(json_object_get(res, "created"));
			{
				json_t *h;
				size_t i;

				json_array_foreach(json_object_get(res, "hits"), i, h)
					json_array_append(hits, h);
			}
			json_decref(res);
		}
	}
	if (!rc && !have_header)
		rc = ps_fail(c->err, PS_EINVAL, "BAD_IMPORT_HEADER", NULL, "文件为空或缺少表头");
	if (!rc)
		rc = audit_write(c, "import.persons", "person", NULL, "success",
				 arena_printf(c->arena, "rows=%d imported=%d errors=%zu", rows, imported,
					      json_array_size(errors)));
	if (rc) {
		json_decref(errors);
		json_decref(hits);
		return rc;
	}
	*out = json_pack("{s:i, s:i, s:i, s:i, s:o, s:o}", "rows", rows, "imported", imported, "created",
			 created, "updated", imported - created, "errors", errors, "hits", hits);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
