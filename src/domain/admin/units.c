#include "domain/admin/units.h"
#include "domain/admin/audit.h"
#include "domain/authz.h"
#include "domain/enums.h"
#include "domain/rows.h"

#include <stdio.h>
#include <string.h>

/* The kinds from the top of the tree down: their order in enums.def. */
static int kind_rank(const char *k)
{
	return enums_rank(ES_UNIT_KIND, k);
}

int unit_kind_valid(const char *kind)
{
	return kind_rank(kind) >= 0;
}

/* The parent may hold the child: city > bureau > {center, brigade,
 * station} > post. */
static int parent_fits(const char *parent, const char *child)
{
	int p = kind_rank(parent), ch = kind_rank(child);

	if (p < 0 || ch < 0)
		return 0;
	if (strcmp(child, "bureau") == 0)
		return strcmp(parent, "city") == 0;
	if (strcmp(child, "post") == 0)
		return strcmp(parent, "station") == 0;
	if (strcmp(child, "city") == 0)
		return 0;
	return strcmp(parent, "bureau") == 0;
}

static const char unit_cols[] =
	"SELECT id, code, name, kind, parent_id, path, phone, address, active";

static void decorate(json_t *u)
{
	json_object_set_new(u, "active",
			    json_boolean(json_integer_value(json_object_get(u, "active"))));
}

int units_list(struct ctx *c, json_t **out)
{
	struct rows_query q;
	json_t *it;
	size_t i;
	int rc;

	rows_query_init(&q, c, " FROM org_unit", 1, 200);
	q.per_page = 10000;
	rc = rows_page(&q, unit_cols, "ORDER BY path", out);
	if (rc)
		return rc;
	json_array_foreach(json_object_get(*out, "items"), i, it)
		decorate(it);
	return PS_OK;
}

static int unit_json(struct ctx *c, int64_t id, json_t **out)
{
	struct rows_query q;
	char sql[256];
	json_t *u;
	int rc;

	snprintf(sql, sizeof(sql), "%s FROM org_unit WHERE id = ?", unit_cols);
	rows_query_init(&q, c, NULL, 1, 1);
	rows_bind_int(&q, id);
	rc = rows_one(&q, sql, &u);
	if (rc)
		return rc;
	decorate(u);
	*out = json_pack("{s:o}", "unit", u);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

static int code_valid(const char *code)
{
	size_t n = code ? strlen(code) : 0;

	if (n != 12)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (code[i] < '0' || code[i] > '9')
			return 0;
	return 1;
}

int units_insert(struct ctx *c, const struct unit_input *in, int64_t *id_out)
{
	struct db_stmt *st;
	const char *ppath = "/";
	char path[512];
	int rc;

	if (in->parent_id) {
		rc = db_prepare(c->db, "SELECT path, kind FROM org_unit WHERE id = ?", &st,
				c->err);
		if (rc)
			return rc;
		db_bind_int(st, 1, in->parent_id);
		rc = db_step(st, c->err);
		if (rc == PS_ROW) {
			ppath = arena_strdup(c->arena, db_column_text(st, 0));
			if (!parent_fits(db_column_text(st, 1), in->kind)) {
				db_finalize(st);
				return ps_fail_field(c->err, PS_EINVAL, "parent_id",
						     "上级单位类型与本单位类型不匹配");
			}
			rc = PS_OK;
		} else if (rc == PS_DONE) {
			rc = ps_fail_field(c->err, PS_EINVAL, "parent_id", "上级单位不存在");
		}
		db_finalize(st);
		if (rc)
			return rc;
	}
	rc = db_prepare(c->db,
			"INSERT INTO org_unit(code, name, kind, parent_id, path, phone,"
			" address, created_at, updated_at) VALUES (?,?,?,?,'',?,?,?,?)"
			" RETURNING id",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_text(st, 1, in->code);
	db_bind_text(st, 2, in->name);
	db_bind_text(st, 3, in->kind);
	if (in->parent_id)
		db_bind_int(st, 4, in->parent_id);
	else
		db_bind_null(st, 4);
	db_bind_text(st, 5, in->phone);
	db_bind_text(st, 6, in->address);
	db_bind_int(st, 7, c->now);
	db_bind_int(st, 8, c->now);
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		*id_out = db_column_int(st, 0);
		rc = PS_OK;
	} else if (rc == PS_ECONFLICT) {
		rc = ps_fail(c->err, PS_ECONFLICT, "UNIT_CODE_TAKEN", NULL,
			     "机构代码已存在");
		c->err->field = "code";
	} else if (rc == PS_DONE) {
		rc = PS_EINTERNAL;
	}
	db_finalize(st);
	if (rc)
		return rc;
	snprintf(path, sizeof(path), "%s%lld/", ppath, (long long)*id_out);
	rc = db_prepare(c->db, "UPDATE org_unit SET path = ? WHERE id = ?", &st, c->err);
	if (rc)
		return rc;
	db_bind_text(st, 1, path);
	db_bind_int(st, 2, *id_out);
	rc = db_step(st, c->err);
	db_finalize(st);
	return rc == PS_DONE ? PS_OK : rc;
}

int units_create(struct ctx *c, const struct unit_input *in, json_t **out)
{
	int64_t id;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_UNIT_CREATE);
	if (rc)
		return rc;
	if (!code_valid(in->code))
		return ps_fail_field(c->err, PS_EINVAL, "code", "机构代码应为 12 位数字");
	if (!in->name || !*in->name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "单位名称不能为空");
	if (!unit_kind_valid(in->kind))
		return ps_fail_field(c->err, PS_EINVAL, "kind", "单位类型不正确");
	if (!in->parent_id)
		return ps_fail_field(c->err, PS_EINVAL, "parent_id", "请选择上级单位");
	rc = units_insert(c, in, &id);
	if (!rc)
		rc = audit_write(c, "unit.create", "org_unit", in->code, "success", in->name);
	return rc ? rc : unit_json(c, id, out);
}

int units_update(struct ctx *c, int64_t id, const struct unit_input *in,
		 json_t **out)
{
	struct db_stmt *st;
	char oid[32];
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_UNIT_UPDATE);
	if (rc)
		return rc;
	if (in->name && !*in->name)
		return ps_fail_field(c->err, PS_EINVAL, "name", "单位名称不能为空");
	rc = db_prepare(c->db,
			"UPDATE org_unit SET name = COALESCE(?, name), phone = COALESCE(?, phone),"
			" address = COALESCE(?, address),"
			" active = CASE WHEN ? = 1 THEN ? ELSE active END, updated_at = ?"
			" WHERE id = ?",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_text(st, 1, in->name);
	db_bind_text(st, 2, in->phone);
	db_bind_text(st, 3, in->address);
	db_bind_int(st, 4, in->active_given);
	db_bind_int(st, 5, in->active);
	db_bind_int(st, 6, c->now);
	db_bind_int(st, 7, id);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	if (db_changes(c->db) == 0)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "单位不存在");
	snprintf(oid, sizeof(oid), "%lld", (long long)id);
	rc = audit_write(c, "unit.update", "org_unit", oid, "success", NULL);
	return rc ? rc : unit_json(c, id, out);
}

int units_find_by_code(struct ctx *c, const char *code, int64_t *id)
{
	struct rows_query q;
	int rc;

	*id = 0;
	rows_binds(&q, c);
	rows_bind_text(&q, code);
	rc = rows_int(&q, "SELECT id FROM org_unit WHERE code = ?", 0, id);
	if (!rc && !*id)
		rc = ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL, "单位不存在：%s", code ? code : "");
	return rc;
}
