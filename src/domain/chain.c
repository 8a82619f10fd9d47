/* chain.c — the units above a unit, with their kinds, loaded from the org
 * tree (the pure helpers on the loaded chain are in org.h). Its own module
 * so that the permission check (authz) can load it without depending on
 * unit administration and its audit. */
#include "domain/chain.h"
#include "core/arena.h"

int64_t chain_bureau_of(struct ctx *c, const char *path)
{
	struct org_chain ch;

	return chain_load(c, path, &ch) ? 0 : org_bureau_of(&ch);
}

int chain_load(struct ctx *c, const char *path, struct org_chain *out)
{
	struct db_stmt *st = NULL;
	int rc;

	if (org_parse(path, out))
		return ps_fail(c->err, PS_EINVAL, NULL, NULL, "单位路径不正确");
	rc = db_prepare(c->db, "SELECT kind FROM org_unit WHERE id = ?", &st, c->err);
	for (int i = 0; !rc && i < out->n; i++) {
		db_reset(st);
		db_bind_int(st, 1, out->id[i]);
		rc = db_step(st, c->err);
		if (rc == PS_ROW) {
			out->kind[i] = arena_strdup(c->arena, db_column_text(st, 0));
			rc = PS_OK;
		} else if (rc == PS_DONE) {
			rc = PS_OK; /* a unit gone from the tree: kind unknown */
		}
	}
	if (st)
		db_finalize(st);
	return rc;
}
