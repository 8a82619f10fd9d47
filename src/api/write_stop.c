/* write_stop.c — why this server stopped writing, and the looks that stop
 * it (write_stop.h): a failed sync (until restart), a newer migration
 * under it (until upgraded), its clock gone astray from the database's
 * (until they agree again), two primaries among the database's machines
 * (until one is left). Reads go on in every case. And the hold: a
 * database that leaves the writer waiting refuses what needs the writer
 * until it answers (api_writes_held). */
#include "api/write_stop.h"
#include "api/api.h"
#include "core/clock.h"
#include "core/log.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>

static atomic_int write_failed; /* 0, or why writes stopped: enum write_stop */
static atomic_int schema_have, schema_known; /* WRITE_STOP_SCHEMA: the versions */
static _Atomic int64_t clock_skew;             /* WRITE_STOP_CLOCK: this clock less the database's, ms */
static _Atomic int64_t wait_began[WRITE_WAITS]; /* a wait on the database began, monotonic µs (0: none) */
static atomic_int held_told;                   /* a hold was logged, its end not yet */
static char primaries_seen[256];               /* WRITE_STOP_PRIMARIES: which (sweep thread writes,
						* before the stop is published) */

void api_write_fail_stop(void)
{
	int none = 0;

	if (atomic_compare_exchange_strong(&write_failed, &none, WRITE_STOP_SYNC))
		log_error("ALERT: a sync of the database failed; the server refuses "
			  "writes (503) until it is restarted and checked");
}

void api_schema_outgrown_stop(int have, int known)
{
	int none = 0;

	atomic_store(&schema_have, have);
	atomic_store(&schema_known, known);
	if (atomic_compare_exchange_strong(&write_failed, &none, WRITE_STOP_SCHEMA))
		log_error("ALERT: the database was migrated to schema version %d by a newer Precinct "
			  "(this server knows %d); the server refuses writes (503) until it is "
			  "upgraded and restarted", have, known);
}

int api_write_failed(void)
{
	return atomic_load(&write_failed);
}

int api_writes_stopped(struct ps_err *e)
{
	if (atomic_load(&write_failed) == WRITE_STOP_CLOCK) {
		int64_t skew = atomic_load(&clock_skew);

		return ps_fail(e, PS_EUNAVAIL, "CLOCK_SKEW", NULL,
			       "本服务器时钟比数据库服务器%s %.0f 秒，期限和时间记录会出错，已停止写入，本次操作未保存："
			       "请稍后重试（系统管理员须校准本服务器时间，校准后自动恢复）",
			       skew < 0 ? "慢" : "快", (double)(skew < 0 ? -skew : skew) / 1000);
	}
	if (atomic_load(&write_failed) == WRITE_STOP_PRIMARIES)
		return ps_fail(e, PS_EUNAVAIL, "SPLIT_BRAIN", NULL,
			       "数据库出现了两个主库（%s，原主库是否被重新启动？），为防数据分叉已停止写入，本次操作未保存："
			       "请系统管理员立即停止原主库（只留一个主库后自动恢复写入）",
			       primaries_seen);
	if (atomic_load(&write_failed) == WRITE_STOP_SCHEMA)
		return ps_fail(e, PS_EUNAVAIL, "SCHEMA_TOO_NEW", NULL,
			       "数据库已由更新版本的 Precinct 升级（结构版本 %d，本服务器所知为 %d），"
			       "本服务器已停止写入，本次操作未保存：请稍后重试（系统管理员须升级本服务器）",
			       atomic_load(&schema_have), atomic_load(&schema_known));
	return ps_fail(e, PS_EUNAVAIL, "WRITES_STOPPED", NULL,
		       "磁盘同步失败，服务器已停止写入，本次操作未保存：请通知系统管理员检查磁盘并重启服务器"
		       "（已确认保存的数据不受影响）");
}

/* In a batch's transaction, about once a second: has a newer Precinct
 * migrated the database (a city's rolling upgrade)? Then this server's
 * writes stop at the door (api_schema_outgrown_stop); the batch under way,
 * sent before anyone could know, goes on. One small read a second. */
void write_stop_schema_look(struct db *db)
{
	static int64_t last_us;
	int64_t now = ps_mono_ns() / 1000;
	int have;

	if (atomic_load(&write_failed) || now - last_us < 1000000)
		return;
	last_us = now;
	have = db_schema_version(db);
	if (have > db_schema_known())
		api_schema_outgrown_stop(have, db_schema_known());
}

/* Between batches, about every 5 s: does this server's clock still agree
 * with the database server's? Every server of a city writes deadlines,
 * breaches and audit times on its own clock, and serve checks it only at
 * its start; a clock gone astray since (NTP stopped, a VM resumed) would
 * have this server's sweep record a breach its neighbour's officer was in
 * time for. A minute or more apart, writes stop (503 CLOCK_SKEW; reads and
 * their audit rows go on, the sweep rests) until the clocks agree again,
 * when they resume by themselves; 2 s or more, a warning every 10 minutes.
 * SQLite has no clock of its own: nothing to compare, no round trip. */
void write_stop_clock_look(struct db *db)
{
	static int64_t last_us, warned_us;
	int64_t now = ps_mono_ns() / 1000, skew, off;
	int failed = atomic_load(&write_failed), none = 0, was = WRITE_STOP_CLOCK;
	struct ps_err e;

	if ((failed && failed != WRITE_STOP_CLOCK) || (last_us && now - last_us < 5000000))
		return;
	last_us = now;
	ps_err_clear(&e);
	if (db_clock_skew_ms(db, &skew, &e))
		return; /* the batch meets the store's failure itself */
	off = skew < 0 ? -skew : skew;
	if (off >= DB_CLOCK_SKEW_REFUSE_MS) {
		atomic_store(&clock_skew, skew);
		if (atomic_compare_exchange_strong(&write_failed, &none, WRITE_STOP_CLOCK))
			log_error("ALERT: this server's clock is %.1f s %s the database server's: it refuses "
				  "writes (503 CLOCK_SKEW) until they agree; set it right (NTP)",
				  (double)off / 1000, skew < 0 ? "behind" : "ahead of");
		return;
	}
	if (atomic_compare_exchange_strong(&write_failed, &was, 0))
		log_info("this server's clock agrees with the database server's again (%.1f s apart): "
			 "writes resume", (double)off / 1000);
	if (off >= DB_CLOCK_SKEW_WARN_MS && (!warned_us || now - warned_us >= 600000000)) {
		warned_us = now;
		log_warn("this server's clock is %.1f s %s the database server's: check NTP",
			 (double)off / 1000, skew < 0 ? "behind" : "ahead of");
	}
}

/* ---- two primaries ---- */

void api_primaries_look(const char *db_path)
{
	struct db_primaries p;
	int none = 0, was = WRITE_STOP_PRIMARIES;

	if (db_primaries(db_path, &p) || p.hosts < 2)
		return;
	if (p.primaries > 1) {
		if (atomic_load(&write_failed) == 0)
			snprintf(primaries_seen, sizeof(primaries_seen), "%s", p.which);
		if (atomic_compare_exchange_strong(&write_failed, &none, WRITE_STOP_PRIMARIES))
			log_error("ALERT: %d machines of the database answer as primary (%s): a split "
				  "brain; writes are refused (503 SPLIT_BRAIN) until one is left. Stop the "
				  "former primary and make it a standby (docs/deploy.md)",
				  p.primaries, p.which);
		return;
	}
	if (p.answered > 0 && atomic_compare_exchange_strong(&write_failed, &was, 0))
		log_info("one primary again among the database's machines: writes resume");
}

/* ---- a database that does not answer ---- */

static int64_t held_after_ms(void)
{
#ifdef PS_TEST_HOOKS
	static _Atomic int64_t ms = -1;

	if (atomic_load(&ms) < 0) {
		const char *t = getenv("PRECINCT_TEST_HELD_MS");

		atomic_store(&ms, t && *t ? atoll(t) : WRITE_STOP_HELD_MS);
	}
	return atomic_load(&ms);
#else
	return WRITE_STOP_HELD_MS;
#endif
}

/* The longest of the waits under way, in ms (0: none). */
static int64_t waited_ms(int64_t now_us)
{
	int64_t most = 0;

	for (int w = 0; w < WRITE_WAITS; w++) {
		int64_t began = atomic_load(&wait_began[w]);

		if (began && (now_us - began) / 1000 > most)
			most = (now_us - began) / 1000;
	}
	return most;
}

void write_stop_wait_began(enum write_wait w, int64_t us)
{
	atomic_store(&wait_began[w], us);
}

void write_stop_wait_ended(enum write_wait w, int64_t us)
{
	int64_t began = atomic_exchange(&wait_began[w], 0);

	if (waited_ms(us) < held_after_ms() && atomic_exchange(&held_told, 0))
		log_info("the database answered the writer after %.1f s (%s): writes resume",
			 (double)(us - began) / 1e6, w == WRITE_WAIT_SYNC ? "a sync" : "a batch");
}

int api_writes_held(struct ps_err *e)
{
	int64_t waited = waited_ms(ps_mono_ns() / 1000);

	if (waited < held_after_ms())
		return PS_OK;
	if (!atomic_exchange(&held_told, 1))
		log_error("ALERT: the writer has waited %.0f s for the database to finish a commit: "
			  "requests that write are refused (503 WRITES_HELD) until it does. On "
			  "PostgreSQL look first for a synchronous standby that is gone "
			  "(synchronous_standby_names; docs/deploy.md), on SQLite for the disk",
			  (double)waited / 1000);
	return ps_fail(e, PS_EUNAVAIL, "WRITES_HELD", NULL,
		       "数据库已 %.0f 秒未确认写入，写入已暂停，本次操作未保存：请稍后重试"
		       "（系统管理员须检查数据库，如同步备库是否失联、磁盘是否故障；数据库恢复后自动继续）",
		       (double)waited / 1000);
}
