/* db_fault.c — the store faults of the tests (db.h, PS_TEST_HOOKS), armed
 * and counted here for both stores; each store turns a fault that fires
 * into its own failure (db_sqlite.c: an SQLite result code; db_pg.c: a
 * failed command, with ROLLBACK when the transaction is lost). */
#include "store/db_impl.h"

#ifdef PS_TEST_HOOKS
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

static atomic_int fault_at, fault_kind, fault_left, fault_lose_txn, fault_any_conn;
static char fault_match[64]; /* written only while fault_at is 0 */

void db_test_fault_arm(enum db_fault_at at, enum db_fault_kind kind, int n, int lose_txn,
		       int any_conn, const char *match)
{
	atomic_store(&fault_at, 0);
	atomic_store(&fault_any_conn, any_conn);
	snprintf(fault_match, sizeof(fault_match), "%s", match ? match : "");
	atomic_store(&fault_kind, (int)kind);
	atomic_store(&fault_lose_txn, lose_txn);
	atomic_store(&fault_left, n);
	if (n > 0)
		atomic_store(&fault_at, (int)at);
}

int db_test_fault_armed(void)
{
	return atomic_load(&fault_at) != 0;
}

int db_fault_take(int writer, const char *sql, int *lose_txn)
{
	int at = atomic_load(&fault_at);

	*lose_txn = 0;
	if (!at || (!writer && !atomic_load(&fault_any_conn)))
		return 0;
	if (at == DB_FAULT_COMMIT && strcmp(sql, "COMMIT") != 0)
		return 0;
	/* a syncer's sync (db_sqlite_sync.c) is no statement step */
	if ((at == DB_FAULT_SYNC) != (strcmp(sql, DB_FAULT_SYNC_SQL) == 0))
		return 0;
	if (fault_match[0] && !strstr(sql, fault_match))
		return 0;
	if (atomic_fetch_sub(&fault_left, 1) != 1)
		return 0;
	atomic_store(&fault_at, 0);
	*lose_txn = atomic_load(&fault_lose_txn);
	return atomic_load(&fault_kind);
}
#endif
