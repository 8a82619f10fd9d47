/* db_pg_cluster.c — what a server asks the PostgreSQL server about itself
 * and its machines, beside its data: the database server's clock, whether
 * this connection leads the sweep (a session advisory lock), which
 * machines of a multi-host URL answer as primary, the WAL archive, the
 * standbys, the room for connections. The db.h calls db_clock_ms, db_lead,
 * db_primaries, db_archive_state, db_replicas and db_connections, for
 * db_pg_ops. */
#include "store/db_pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pg_clock_ms(struct db *db, int64_t *ms, struct ps_err *err)
{
	PGresult *res;
	int rc;

	pg_settle(db);
	res = PQexec(db->conn, "SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint");
	if (res && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1) {
		*ms = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		rc = PS_OK;
	} else {
		rc = pg_map(db, res, err, "clock_timestamp()");
	}
	PQclear(res);
	return rc;
}

/* db_lead: this session holds the lead's advisory lock already (a second
 * pg_try_advisory_lock would stack it), or takes it now if it is free.
 * pg_locks shows a bigint key as classid (high 32 bits), objid (low 32),
 * objsubid 1. Outside any transaction: the lock is the session's. */
int pg_lead(struct db *db, enum db_lead what, int *leading, struct ps_err *err)
{
	long long key = PG_LEAD_LOCK + (long long)what;
	char sql[400];
	PGresult *res;
	int rc;

	pg_settle(db);
	snprintf(sql, sizeof(sql),
		 "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'"
		 " AND pid = pg_backend_pid() AND granted AND classid = %lld AND objid = %lld"
		 " AND objsubid = 1) THEN true ELSE pg_try_advisory_lock(%lld) END",
		 key >> 32, key & 0xffffffffLL, key);
	res = PQexec(db->conn, sql);
	if (res && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1) {
		*leading = PQgetvalue(res, 0, 0)[0] == 't';
		rc = PS_OK;
	} else {
		*leading = 0;
		rc = pg_map(db, res, err, "pg_try_advisory_lock");
	}
	PQclear(res);
	return rc;
}

/* db_primaries: each host of the URL asked on a connection of its own.
 * The URL's other options are kept (user, dbname, sslmode …); host, port
 * and hostaddr go one at a time, connect_timeout is 3 s and
 * target_session_attrs any (a standby must answer too). */
#define PG_PRIMARIES_HOSTS 8

int pg_primaries(const char *url, struct db_primaries *out)
{
	PQconninfoOption *opts = PQconninfoParse(url, NULL), *o;
	const char *keys[72], *vals[72]; /* the URL's options (≤ 60) and four of ours */
	char hostlist[512] = "", portlist[256] = "", *hosts[PG_PRIMARIES_HOSTS], *ports[PG_PRIMARIES_HOSTS];
	char *save = NULL;
	int nh = 0, np = 0, nk = 0;

	if (!opts)
		return -1;
	for (o = opts; o->keyword && nk < 60; o++) {
		if (!o->val || !*o->val)
			continue;
		if (!strcmp(o->keyword, "host"))
			snprintf(hostlist, sizeof(hostlist), "%s", o->val);
		else if (!strcmp(o->keyword, "port"))
			snprintf(portlist, sizeof(portlist), "%s", o->val);
		else if (strcmp(o->keyword, "hostaddr") && strcmp(o->keyword, "connect_timeout") &&
			 strcmp(o->keyword, "target_session_attrs")) {
			keys[nk] = o->keyword;
			vals[nk++] = o->val;
		}
	}
	for (char *h = strtok_r(hostlist, ",", &save); h && nh < PG_PRIMARIES_HOSTS; h = strtok_r(NULL, ",", &save))
		hosts[nh++] = h;
	save = NULL;
	for (char *p = strtok_r(portlist, ",", &save); p && np < PG_PRIMARIES_HOSTS; p = strtok_r(NULL, ",", &save))
		ports[np++] = p;
	out->hosts = nh ? nh : 1;
	out->primaries = out->answered = nh > 1 ? 0 : 1;
	for (int i = 0; nh > 1 && i < nh; i++) {
		const char *port = np > i ? ports[i] : np ? ports[np - 1] : "5432";
		PGconn *conn;
		int k = nk;

		keys[k] = "host";
		vals[k++] = hosts[i];
		keys[k] = "port";
		vals[k++] = port;
		keys[k] = "connect_timeout";
		vals[k++] = "3";
		keys[k] = "application_name";
		vals[k++] = db_client_name();
		keys[k] = NULL;
		vals[k] = NULL;
		conn = PQconnectdbParams(keys, vals, 0);
		if (PQstatus(conn) == CONNECTION_OK) {
			PGresult *res = PQexec(conn, "SELECT pg_is_in_recovery()");

			if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1) {
				out->answered++;
				if (PQgetvalue(res, 0, 0)[0] == 'f') {
					size_t len = strlen(out->which);

					snprintf(out->which + len, sizeof(out->which) - len, "%s%s:%s",
						 out->primaries ? ", " : "", hosts[i], port);
					out->primaries++;
				}
			}
			PQclear(res);
		}
		PQfinish(conn);
	}
	PQconninfoFree(opts);
	return 0;
}

/* db_archive_state: failing while the last failure is newer than the last
 * segment archived (or none ever was). */
int pg_archive_state(struct db *db, struct db_archive *out, struct ps_err *err)
{
	PGresult *res;
	int rc;

	pg_settle(db);
	res = PQexec(db->conn,
		     "SELECT failed_count, COALESCE(last_failed_wal, ''),"
		     " last_failed_time IS NOT NULL AND (last_archived_time IS NULL"
		     "  OR last_failed_time > last_archived_time)"
		     " FROM pg_stat_archiver");
	if (res && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1) {
		out->failures = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		snprintf(out->last_failed, sizeof(out->last_failed), "%s", PQgetvalue(res, 0, 1));
		out->failing = PQgetvalue(res, 0, 2)[0] == 't';
		rc = PS_OK;
	} else {
		rc = pg_map(db, res, err, "pg_stat_archiver");
	}
	PQclear(res);
	return rc;
}

/* db_replicas: the primary's WAL position and its standbys', in one
 * statement (a row with NULLs when there is none). */
int pg_replicas(struct db *db, struct db_replicas *out, struct ps_err *err)
{
	PGresult *res;
	int rc;

	pg_settle(db);
	/* pg_basebackup's senders (state 'backup') are no standbys; two
	 * senders of one name (a standby reconnecting while its old sender
	 * times out) are one standby, as far as it has replayed */
	res = PQexec(db->conn,
		     "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint, r.name, r.state, r.sync,"
		     " r.replay FROM (SELECT 1) one LEFT JOIN (SELECT application_name AS name,"
		     "  COALESCE(max(state), '') AS state, COALESCE(max(sync_state), '') AS sync,"
		     "  COALESCE(max(pg_wal_lsn_diff(replay_lsn, '0/0'))::bigint, -1) AS replay"
		     "  FROM pg_stat_replication WHERE state IS DISTINCT FROM 'backup'"
		     "  GROUP BY application_name) r ON true"
		     " ORDER BY r.name");
	if (res && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) >= 1) {
		out->lsn = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		for (int i = 0; i < PQntuples(res) && out->n < DB_REPLICAS_MAX; i++) {
			struct db_replica *r = &out->r[out->n];

			if (PQgetisnull(res, i, 1))
				continue;
			snprintf(r->name, sizeof(r->name), "%s", PQgetvalue(res, i, 1));
			snprintf(r->state, sizeof(r->state), "%s", PQgetvalue(res, i, 2));
			snprintf(r->sync, sizeof(r->sync), "%s", PQgetvalue(res, i, 3));
			r->replay_lsn = strtoll(PQgetvalue(res, i, 4), NULL, 10);
			out->n++;
		}
		rc = PS_OK;
	} else {
		rc = pg_map(db, res, err, "pg_stat_replication");
	}
	PQclear(res);
	return rc;
}

/* How full the database server is, for serve's start (db_connections). */
int pg_connections(struct db *db, struct db_connections *out, struct ps_err *err)
{
	const char *params[1] = { db_client_name() };
	PGresult *res;
	int rc;

	pg_settle(db);
	res = PQexecParams(db->conn,
			   "SELECT current_setting('max_connections')::int"
			   " - current_setting('superuser_reserved_connections')::int,"
			   " (SELECT sum(numbackends) FROM pg_stat_database)::int,"
			   " (SELECT count(DISTINCT application_name) FROM pg_stat_activity"
			   "  WHERE application_name LIKE '" DB_CLIENT_SERVE "%' AND application_name <> $1)",
			   1, NULL, params, NULL, NULL, 0);
	if (res && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1) {
		out->allowed = atoi(PQgetvalue(res, 0, 0));
		out->in_use = atoi(PQgetvalue(res, 0, 1));
		out->servers = atoi(PQgetvalue(res, 0, 2));
		rc = PS_OK;
	} else {
		rc = pg_map(db, res, err, "pg_stat_activity");
	}
	PQclear(res);
	return rc;
}
