/* server_secret.c — the fingerprint of the server secret a database is
 * served with (migration 168). */
#include "domain/admin/server_secret.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"

#include <string.h>

int server_secret_register(struct ctx *c, const char *fp, int replace,
			   enum server_secret_state *state)
{
	struct rows_query q;
	const char *had = NULL;
	struct db_stmt *st;
	int rc;

	*state = SERVER_SECRET_SAME;
	rc = db_prepare(c->db, "SELECT fingerprint FROM server_secret WHERE id = 1", &st, c->err);
	if (rc)
		return rc;
	rc = db_step(st, c->err);
	if (rc == PS_ROW)
		had = arena_strdup(c->arena, db_column_text(st, 0) ? db_column_text(st, 0) : "");
	db_finalize(st);
	if (rc != PS_ROW && rc != PS_DONE)
		return rc;
	if (rc == PS_ROW && !had)
		return ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	if (had && strcmp(had, fp) == 0)
		return PS_OK;
	if (had && !replace) {
		*state = SERVER_SECRET_OTHER;
		return PS_OK;
	}
	rows_binds(&q, c);
	rows_bind_text(&q, fp);
	rows_bind_int(&q, c->now);
	rc = rows_exec(&q, had ? "UPDATE server_secret SET fingerprint = ?, registered_at = ? WHERE id = 1"
			       : "INSERT INTO server_secret(id, fingerprint, registered_at) VALUES (1, ?, ?)",
		       NULL);
	if (rc)
		return rc;
	*state = had ? SERVER_SECRET_REPLACED : SERVER_SECRET_NEW;
	return audit_write(c, had ? "system.secret_replace" : "system.secret_register", "database",
			   NULL, "success", had ? "the server secret differs from the registered one" : NULL);
}
