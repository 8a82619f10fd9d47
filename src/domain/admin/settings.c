#include "domain/admin/settings.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/enums.h"
#include "domain/population/rental_cycles.h"
#include "rules/remedy.h"
#include "core/buf.h"
#include "core/json.h"
#include "core/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct setting_def setting_defs[] = {
	{ "session.idle_minutes", SETTING_INT, "30", 1, 240, "会话空闲超时（分钟）",
	  "超过该时间无操作，需重新登录", "SESS-2", 0 },
	{ "session.absolute_hours", SETTING_INT, "12", 1, 24, "会话绝对超时（小时）",
	  "登录后超过该时间，无论是否活动都需重新登录", "SESS-2", 0 },
	{ "auth.max_failures", SETTING_INT, "5", 3, 10, "登录失败锁定次数",
	  "在时间窗口内连续登录失败达到该次数即锁定账号", "AUTH-1", 0 },
	{ "auth.fail_window_minutes", SETTING_INT, "15", 1, 1440, "登录失败统计窗口（分钟）",
	  NULL, "AUTH-1", 0 },
	{ "auth.lock_minutes", SETTING_INT, "15", 1, 1440, "账号锁定时长（分钟）",
	  NULL, "AUTH-1", 0 },
	{ "auth.password_min_length", SETTING_INT, "12", 12, 64, "密码最小长度",
	  "不得低于 12 位", "AUTH-3", 0 },
	{ "auth.password_max_age_days", SETTING_INT, "90", 0, 3650, "密码有效期（天）",
	  "超过该天数须在登录后修改密码；0 表示不限", "AUTH-3", 0 },
	{ "auth.ip_failures_per_minute", SETTING_INT, "20", 5, 1000, "单 IP 每分钟登录失败上限",
	  "超过后该 IP 的登录请求返回 429", "AUTH-2", 0 },
	{ "auth.mfa_roles", SETTING_TEXT, "admin,chief,supervisor,auditor", 0, 200,
	  "须使用双因素认证的角色", "以逗号分隔的角色代码；这些角色未绑定动态验证码前只能完成绑定（等保三级）",
	  "AUTH-5", 0 },
	{ "public.progress_max_failures", SETTING_INT, "5", 1, 100, "进度查询失败次数上限",
	  "同一地址或同一回执编号在时间窗口内查询失败达到该次数后返回 429", NULL, 0 },
	{ "public.progress_window_minutes", SETTING_INT, "15", 1, 1440, "进度查询失败统计窗口（分钟）",
	  NULL, NULL, 0 },
	{ "station.name_on_documents", SETTING_TEXT, "", 0, 64, "文书落款单位名称",
	  "为空时使用机构名称", NULL, 1 },
	{ "station.supervision_phone", SETTING_TEXT, "", 0, 32, "监督电话",
	  "印在执法监督卡上的监督电话", "SUP-CARD", 1 },
	{ "station.require_legal_review", SETTING_BOOL, "false", 0, 1, "所有处罚决定均需法制审核",
	  "开启后，本所全部处罚决定在审批前需经法制员审核", "ADM-LEGAL-REVIEW", 1 },
	/* the areas' settings: src/domain/<area>/settings.def (registration by
	 * folder, issue 12), in the order of their folders */
#include "collected/settings.inc"
	{ NULL, 0, NULL, 0, 0, NULL, NULL, NULL, 0 },
};

const struct setting_def *setting_find(const char *key)
{
	for (const struct setting_def *d = setting_defs; d->key; d++)
		if (strcmp(d->key, key) == 0)
			return d;
	return NULL;
}

/* The stored settings of the scopes (the county's, a unit's) a request
 * has asked for, arena-owned, while ctx.memo_settings (an HTTP request:
 * one transaction, or one savepoint of the committer's, in which only
 * settings_put writes a setting, and it forgets them all). A scope is
 * read whole at its first lookup — the table holds a few rows a unit — so
 * a case file's dozen lookups are two statements. An entry with no key
 * marks its scope read. */
struct setting_memo {
	struct setting_memo *next;
	const char *key; /* NULL: the scope unit_id is read */
	int64_t unit_id;
	const char *value;
};

static int memo_add(struct ctx *c, const char *key, int64_t unit_id, const char *value)
{
	struct setting_memo *m = arena_alloc(c->arena, sizeof(*m));

	if (!m)
		return PS_ENOMEM;
	m->key = key;
	m->unit_id = unit_id;
	m->value = value;
	m->next = c->setting_memo;
	c->setting_memo = m;
	return PS_OK;
}

/* 1 when the scope is read; then *out is the key's value there or NULL. */
static int memo_find(const struct ctx *c, const char *key, int64_t unit_id, const char **out)
{
	int scope = 0;

	*out = NULL;
	for (const struct setting_memo *m = c->setting_memo; m; m = m->next) {
		if (m->unit_id != unit_id)
			continue;
		if (!m->key)
			scope = 1;
		else if (strcmp(m->key, key) == 0) {
			*out = m->value;
			return 1;
		}
	}
	return scope;
}

/* The statement reading a scope's settings, prepared and bound. */
static int scope_prepare(struct ctx *c, int64_t unit_id, struct db_stmt **st)
{
	int rc = db_prepare(c->db,
			    unit_id ? "SELECT skey, value FROM setting WHERE unit_id = ?"
				    : "SELECT skey, value FROM setting WHERE unit_id IS NULL",
			    st, c->err);

	if (!rc && unit_id)
		db_bind_int(*st, 1, unit_id);
	return rc;
}

/* The scope's rows from st into the memo; finalizes st. PS_ENOMEM leaves
 * the scope unmarked (its lookups ask the store one by one). */
static int scope_take(struct ctx *c, int64_t unit_id, struct db_stmt *st)
{
	int rc;

	while ((rc = db_step(st, c->err)) == PS_ROW) {
		const char *k = arena_strdup(c->arena, db_column_text(st, 0));
		const char *v = arena_strdup(c->arena, db_column_text(st, 1));

		if (!k || !v || memo_add(c, k, unit_id, v)) {
			rc = PS_ENOMEM;
			break;
		}
	}
	db_finalize(st);
	if (rc == PS_DONE)
		rc = memo_add(c, NULL, unit_id, NULL);
	return rc;
}

/* Read the scope's settings into the memo. */
static int memo_load(struct ctx *c, int64_t unit_id)
{
	struct db_stmt *st;
	int rc = scope_prepare(c, unit_id, &st);

	return rc ? rc : scope_take(c, unit_id, st);
}

void settings_memo_prepare(struct ctx *c, int64_t unit_id, struct db_stmt **st)
{
	struct ps_err e, *saved = c->err;
	const char *v;

	*st = NULL;
	if (!c->memo_settings || memo_find(c, "", unit_id, &v))
		return;
	/* as settings_memo_take: a statement that cannot be made leaves the
	 * scope to be asked key by key, never fails the request */
	ps_err_clear(&e);
	c->err = &e;
	if (scope_prepare(c, unit_id, st)) {
		log_error("settings of unit %lld unreadable: %s", (long long)unit_id, e.msg);
		*st = NULL;
	}
	c->err = saved;
}

void settings_memo_take(struct ctx *c, int64_t unit_id, struct db_stmt *st)
{
	struct ps_err e, *saved = c->err;

	if (!st)
		return;
	/* as setting_int: reading settings never fails a request; a scope
	 * left unmarked is asked key by key at its lookups */
	ps_err_clear(&e);
	c->err = &e;
	if (scope_take(c, unit_id, st) && e.msg[0])
		log_error("settings of unit %lld unreadable: %s", (long long)unit_id, e.msg);
	c->err = saved;
}

/* The stored value for (key, unit) or NULL; copied into the arena. */
static int stored_value(struct ctx *c, const char *key, int64_t unit_id,
			const char **out)
{
	struct db_stmt *st;
	int rc;

	*out = NULL;
	if (c->memo_settings) {
		if (memo_find(c, key, unit_id, out))
			return PS_OK;
		rc = memo_load(c, unit_id);
		if (rc && rc != PS_ENOMEM)
			return rc;
		if (!rc && memo_find(c, key, unit_id, out))
			return PS_OK;
	}
	rc = db_prepare(c->db,
			unit_id ? "SELECT value FROM setting WHERE skey = ? AND unit_id = ?"
				: "SELECT value FROM setting WHERE skey = ? AND unit_id IS NULL",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_text(st, 1, key);
	if (unit_id)
		db_bind_int(st, 2, unit_id);
	rc = db_step(st, c->err);
	if (rc == PS_ROW) {
		*out = arena_strdup(c->arena, db_column_text(st, 0));
		rc = PS_OK;
	} else if (rc == PS_DONE) {
		rc = PS_OK;
	}
	db_finalize(st);
	return rc;
}

static int effective(struct ctx *c, const struct setting_def *d, int64_t unit_id,
		     const char **val, int *overridden)
{
	const char *v = NULL;
	int rc = PS_OK;

	*overridden = 0;
	if (unit_id && d->per_unit) {
		rc = stored_value(c, d->key, unit_id, &v);
		if (!rc && v)
			*overridden = 1;
	}
	if (!rc && !v)
		rc = stored_value(c, d->key, 0, &v);
	*val = v ? v : d->def;
	return rc;
}

int64_t setting_int(struct ctx *c, const char *key, int64_t unit_id)
{
	const struct setting_def *d = setting_find(key);
	const char *v;
	int ov;
	struct ps_err e, *saved = c->err;

	if (!d)
		return 0;
	ps_err_clear(&e);
	c->err = &e;
	if (effective(c, d, unit_id, &v, &ov)) {
		log_error("setting %s unreadable: %s", key, e.msg);
		v = d->def;
	}
	c->err = saved;
	if (d->type == SETTING_BOOL)
		return strcmp(v, "true") == 0;
	return strtoll(v, NULL, 10);
}

const char *setting_text(struct ctx *c, const char *key, int64_t unit_id)
{
	const struct setting_def *d = setting_find(key);
	const char *v;
	int ov;
	struct ps_err e, *saved = c->err;

	if (!d)
		return "";
	ps_err_clear(&e);
	c->err = &e;
	if (effective(c, d, unit_id, &v, &ov)) {
		log_error("setting %s unreadable: %s", key, e.msg);
		v = d->def;
	}
	c->err = saved;
	return v;
}

/* 1 when text is a comma-separated list of role codes (or empty): the
 * value of auth.mfa_roles. */
static int roles_list_valid(const char *text)
{
	char role[32];
	size_t n = 0;

	for (const char *p = text;; p++) {
		if (*p == ',' || *p == '\0') {
			role[n] = '\0';
			if (n && !authz_role_bit(role))
				return 0;
			n = 0;
			if (!*p)
				return 1;
		} else if (*p != ' ') {
			if (n + 1 >= sizeof(role))
				return 0;
			role[n++] = *p;
		}
	}
}

static json_t *def_json(const struct setting_def *d, const char *val, int ov)
{
	static const char *types[] = { "int", "bool", "text" };
	json_t *o = json_object(), *jv, *jd;

	if (!o)
		return NULL;
	if (d->type == SETTING_INT) {
		jv = json_integer(strtoll(val, NULL, 10));
		jd = json_integer(strtoll(d->def, NULL, 10));
	} else if (d->type == SETTING_BOOL) {
		jv = json_boolean(strcmp(val, "true") == 0);
		jd = json_boolean(strcmp(d->def, "true") == 0);
	} else {
		jv = json_string(val);
		jd = json_string(d->def);
	}
	json_object_set_new(o, "key", json_string(d->key));
	json_object_set_new(o, "type", json_string(types[d->type]));
	json_object_set_new(o, "value", jv);
	json_object_set_new(o, "default", jd);
	if (d->type == SETTING_INT) {
		json_object_set_new(o, "min", json_integer(d->min));
		json_object_set_new(o, "max", json_integer(d->max));
	}
	json_object_set_new(o, "label", json_string(d->label));
	json_object_set_new(o, "description",
			    d->description ? json_string(d->description) : json_null());
	json_object_set_new(o, "rule", d->rule ? json_string(d->rule) : json_null());
	json_object_set_new(o, "per_unit", json_boolean(d->per_unit));
	json_object_set_new(o, "overridden", json_boolean(ov));
	return o;
}


static int check_unit(struct ctx *c, int64_t unit_id)
{
	struct db_stmt *st;
	int rc;

	if (!unit_id)
		return PS_OK;
	rc = db_prepare(c->db, "SELECT kind FROM org_unit WHERE id = ?", &st, c->err);
	if (rc)
		return rc;
	db_bind_int(st, 1, unit_id);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc == PS_DONE)
		return ps_fail_field(c->err, PS_EINVAL, "unit_id", "单位不存在");
	return rc == PS_ROW ? PS_OK : rc;
}

int settings_list(struct ctx *c, int64_t unit_id, json_t **out)
{
	json_t *items, *res;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_SETTINGS_LIST);
	if (!rc)
		rc = check_unit(c, unit_id);
	if (rc)
		return rc;
	res = json_object();
	items = json_array();
	if (!res || !items) {
		json_decref(res);
		json_decref(items);
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	json_object_set_new(res, "items", items);
	for (const struct setting_def *d = setting_defs; d->key; d++) {
		const char *v;
		int ov;

		rc = effective(c, d, unit_id, &v, &ov);
		if (rc) {
			json_decref(res);
			return rc;
		}
		json_array_append_new(items, def_json(d, v, ov));
	}
	*out = res;
	return PS_OK;
}

/* The text settings that hold a value of a form, each checked as it is
 * read (a 25:99 shift start was taken, and duty went on at 08:30 while
 * the settings page said 25:99); *out is the text to keep (text itself,
 * or a category list in its one form). */
static int text_format_check(struct ctx *c, const char *key, const char *text, const char **out)
{
	static const char *const category_lists[] = { "case.econ_dispute_categories", "report.preventable_categories",
						       "safe_area.burglary_categories", NULL };

	if (strcmp(key, "duty.shift_start") == 0) {
		int ok = strlen(text) == 5 && text[2] == ':';

		for (int i = 0; ok && i < 5; i++)
			ok = i == 2 || (text[i] >= '0' && text[i] <= '9');
		if (!ok || (text[0] - '0') * 10 + (text[1] - '0') > 23 || text[3] > '5')
			return ps_fail_field(c->err, PS_EINVAL, "value", "应为 HH:MM 格式的时间，如 08:30");
		return PS_OK;
	}
	if (strcmp(key, "community.removal_approver") == 0 || strcmp(key, "community.listing_approver") == 0) {
		if (strcmp(text, "station") && strcmp(text, "bureau"))
			return ps_fail_field(c->err, PS_EINVAL, "value", "应为 station（派出所）或 bureau（县局）");
		return PS_OK;
	}
	if (strcmp(key, "community.key_tenant_level") == 0) {
		if (!enums_valid(ES_KEY_LEVEL, text))
			return ps_fail_field(c->err, PS_EINVAL, "value", "应为管控级别代码（strict、normal、watch）");
		return PS_OK;
	}
	for (int i = 0; category_lists[i]; i++) {
		struct buf norm;

		if (strcmp(key, category_lists[i]) != 0)
			continue;
		/* each code a 警情类别 of the table, separated by ',', '，' or
		 * '、' with spaces around; kept as "0101,0102", which every
		 * reader of these lists splits */
		buf_init(&norm, 4096);
		for (const char *p = text; *p;) {
			const char *e = p, *t;
			struct db_stmt *st;
			int rc;

			while (*e && *e != ',' && strncmp(e, "，", 3) != 0 && strncmp(e, "、", 3) != 0)
				e++;
			while (p < e && *p == ' ')
				p++;
			for (t = e; t > p && t[-1] == ' ';)
				t--;
			if (t > p) {
				rc = db_prepare(c->db, "SELECT COUNT(*) FROM incident_category WHERE code = ?", &st, c->err);
				if (rc) {
					buf_release(&norm);
					return rc;
				}
				db_bind_text(st, 1, arena_strndup(c->arena, p, (size_t)(t - p)));
				rc = db_step(st, c->err);
				if (rc == PS_ROW && db_column_int(st, 0) == 0)
					rc = ps_fail_field(c->err, PS_EINVAL, "value",
							   "“%.*s”不是警情类别代码（以逗号分隔，如 0101,0102）", (int)(t - p), p);
				else if (rc == PS_ROW)
					rc = PS_OK;
				db_finalize(st);
				if (!rc && ((norm.len && buf_adds(&norm, ",")) || buf_add(&norm, p, (size_t)(t - p))))
					rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
				if (rc) {
					buf_release(&norm);
					return rc;
				}
			}
			p = *e == ',' ? e + 1 : *e ? e + 3 : e;
		}
		*out = arena_strdup(c->arena, buf_str(&norm));
		buf_release(&norm);
		return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	return PS_OK;
}

int settings_put(struct ctx *c, const char *key, json_t *value,
		 int64_t unit_id, json_t **out)
{
	const struct setting_def *d = setting_find(key);
	const char *text, *v;
	struct db_stmt *st;
	int rc, ov;

	*out = NULL;
	rc = authz_require(c, ACT_SETTINGS_PUT);
	if (rc)
		return rc;
	if (!d)
		return ps_fail(c->err, PS_ENOTFOUND, "NOT_FOUND", NULL,
			       "没有这个设置项");
	if (unit_id && !d->per_unit)
		return ps_fail_field(c->err, PS_EINVAL, "unit_id",
				     "该设置项全县统一，不能按派出所单独设置");
	rc = check_unit(c, unit_id);
	if (rc)
		return rc;
	switch (d->type) {
	case SETTING_INT:
		if (!json_is_integer(value))
			return ps_fail_field(c->err, PS_EINVAL, "value", "应为整数");
		if (json_integer_value(value) < d->min ||
		    json_integer_value(value) > d->max)
			return ps_fail_field(c->err, PS_EINVAL, "value",
					     "取值应在 %lld 到 %lld 之间",
					     (long long)d->min, (long long)d->max);
		text = arena_printf(c->arena, "%lld", (long long)json_integer_value(value));
		break;
	case SETTING_BOOL:
		if (!json_is_boolean(value))
			return ps_fail_field(c->err, PS_EINVAL, "value",
					     "应为 true 或 false");
		text = json_is_true(value) ? "true" : "false";
		break;
	default:
		if (!json_is_string(value) ||
		    utf8_chars(json_string_value(value)) > (size_t)d->max ||
		    strlen(json_string_value(value)) != json_string_length(value))
			return ps_fail_field(c->err, PS_EINVAL, "value",
					     "应为不超过 %lld 个字符的文本",
					     (long long)d->max);
		/* whole: up to the setting's own limit (a 256-byte copy cut
		 * longer texts, a character in half at its end) */
		text = json_string_value(value);
		if (strcmp(key, "auth.mfa_roles") == 0 && !roles_list_valid(text))
			return ps_fail_field(c->err, PS_EINVAL, "value",
					     "应为以逗号分隔的角色代码，如 admin,chief");
		rc = text_format_check(c, key, text, &text);
		if (rc)
			return rc;
		/* SUP-FY-BODY: the 复议机关 a decision names is a 人民政府 */
		if (strcmp(key, "documents.review_organ") == 0) {
			rc = remedy_organ_check(text, c->err);
			if (rc)
				return rc;
		}
	}
	if (!text)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	c->setting_memo = NULL; /* what this request looked up may change now */
	/* an update first, then an insert: portable, and the unique index on
	 * (skey, unit_id) does not treat NULL unit ids as equal */
	rc = db_prepare(c->db,
			unit_id ? "UPDATE setting SET value = ?, updated_by = ?, updated_at = ? WHERE skey = ? AND unit_id = ?"
				: "UPDATE setting SET value = ?, updated_by = ?, updated_at = ? WHERE skey = ? AND unit_id IS NULL",
			&st, c->err);
	if (rc)
		return rc;
	db_bind_text(st, 1, text);
	db_bind_int(st, 2, c->who.user_id);
	db_bind_int(st, 3, c->now);
	db_bind_text(st, 4, key);
	if (unit_id)
		db_bind_int(st, 5, unit_id);
	rc = db_step(st, c->err);
	db_finalize(st);
	if (rc != PS_DONE)
		return rc;
	if (db_changes(c->db) == 0) {
		rc = db_prepare(c->db,
				"INSERT INTO setting(skey, unit_id, value, updated_by, updated_at) VALUES (?,?,?,?,?)",
				&st, c->err);
		if (rc)
			return rc;
		db_bind_text(st, 1, key);
		if (unit_id)
			db_bind_int(st, 2, unit_id);
		else
			db_bind_null(st, 2);
		db_bind_text(st, 3, text);
		db_bind_int(st, 4, c->who.user_id);
		db_bind_int(st, 5, c->now);
		rc = db_step(st, c->err);
		db_finalize(st);
		if (rc != PS_DONE)
			return rc;
	}
	/* the rentals' maintained next visits follow their cycle */
	rc = rental_cycles_apply(c, key, setting_int);
	if (rc)
		return rc;
	rc = audit_write(c, "settings.put", "setting", key, "success",
			 arena_printf(c->arena, "unit=%lld value=%s", (long long)unit_id, text));
	if (rc)
		return rc;
	rc = effective(c, d, unit_id, &v, &ov);
	if (rc)
		return rc;
	*out = def_json(d, v, ov);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
