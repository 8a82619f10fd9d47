#include "domain/ctx.h"
#include "core/clock.h"
#include "rules/date.h"

#include <string.h>

void ctx_init(struct ctx *c, struct db *db, struct arena *a, struct ps_err *err)
{
	memset(c, 0, sizeof(*c));
	c->db = db;
	c->arena = a;
	c->err = err;
	c->now = ps_now();
}

int ctx_has_role(const struct ctx *c, const char *role)
{
	return c->who.role && strcmp(c->who.role, role) == 0;
}

void ctx_audit_after(struct ctx *c, const char *action, const char *object_type,
		     const char *object_id, const char *outcome, const char *detail)
{
	struct pending_audit *p = arena_alloc(c->arena, sizeof(*p));

	if (!p)
		return;
	p->action = action;
	p->object_type = object_type;
	p->object_id = arena_strdup(c->arena, object_id);
	p->outcome = outcome;
	p->detail = arena_strdup(c->arena, detail);
	p->next = c->pending;
	c->pending = p;
}

int ctx_deny(struct ctx *c, const char *action, const char *object_type,
	     const char *object_id, const char *msg)
{
	ctx_audit_after(c, action, object_type, object_id, "denied", msg);
	return ps_fail(c->err, PS_EFORBIDDEN, "FORBIDDEN", NULL, "%s",
		       msg ? msg : "无权进行此操作");
}

int ctx_unit_visible(const struct ctx *c, const char *unit_path)
{
	const char *scope = c->who.scope_path ? c->who.scope_path : c->who.unit_path;

	if (!scope || !unit_path)
		return 0;
	return strncmp(unit_path, scope, strlen(scope)) == 0;
}

const char *ctx_scope_like(struct ctx *c)
{
	const char *scope = c->who.scope_path ? c->who.scope_path : c->who.unit_path;

	return arena_printf(c->arena, "%s%%", scope ? scope : "/");
}

void ctx_today(const struct ctx *c, int *y, int *m, int *d)
{
	date_civil_from_days(date_local_days(c->now), y, m, d);
}

const char *ctx_today_str(struct ctx *c)
{
	int y, m, d;

	ctx_today(c, &y, &m, &d);
	return arena_printf(c->arena, "%04d-%02d-%02d", y, m, d);
}

int ctx_today_ymd(const struct ctx *c)
{
	int y, m, d;

	ctx_today(c, &y, &m, &d);
	return y * 10000 + m * 100 + d;
}

int ctx_deadline_ok(const struct ctx *c, int64_t t)
{
	return t > c->now && t <= c->now + 366 * 86400;
}
