/* api_wal_archive.c — PostgreSQL's WAL archive sealed with a key of the
 * county's (precinct wal key|archive|restore, docs/deploy.md §4), on files
 * of the test's own: no database is asked, so it runs once (tests/
 * CMakeLists.txt PG_SQLITE_ONLY). The drill on real clusters is
 * api_pg_replica.c's the_county_outlives_its_database_machine. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Permission bits of path, -1 when it does not exist. */
static int file_mode(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (int)(sb.st_mode & 0777) : -1;
}

/* A copy of from at to, the byte at offset off changed. */
static void copy_flipped(struct server *srv, const char *from, const char *to, long off)
{
	FILE *f;
	int ch;

	assert_int_equal(system(fmt(srv, "cp '%s' '%s'", from, to)), 0);
	f = fopen(to, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, off, SEEK_SET), 0);
	ch = fgetc(f);
	assert_true(ch != EOF);
	assert_int_equal(fseek(f, off, SEEK_SET), 0);
	assert_int_equal(fputc(ch ^ 0x01, f), ch ^ 0x01);
	assert_int_equal(fclose(f), 0);
}

/* The PostgreSQL WAL archive, sealed (docs/deploy.md §4): precinct wal key
 * derives the archive's own key from the server secret (the database
 * machine gets that file, never the secret); precinct wal archive as
 * archive_command and precinct wal restore as restore_command, on a segment
 * of the test's own. The archiver's retry of the same segment is accepted,
 * and puts back a seal a crash lost; other content under its name is
 * refused. A restore hands over the segment as archived; past the
 * archive's end it exits 1 (PostgreSQL's "no such file"); a segment
 * changed, copied over another's name with its seal, without a seal,
 * checked with another county's key, or a wrong command line, exits 126 —
 * a failure PostgreSQL stops the recovery at — and leaves nothing where the
 * segment goes. A segment sealed before a key change restores with
 * --old-key. */
STORY(wal_archive_is_sealed)
{
	const char *secret = fmt(srv, "%s.key", srv->db), *key = srv_path(srv, "wal.key");
	const char *other_secret = srv_path(srv, "other.key"), *other = srv_path(srv, "other-wal.key");
	const char *seg = srv_path(srv, "000000010000000000000003"), *arch = srv_path(srv, "archive");
	const char *dest = fmt(srv, "%s/000000010000000000000003", arch);
	const char *next = fmt(srv, "%s/000000010000000000000004", arch);
	const char *got = srv_path(srv, "RECOVERYXLOG");
	struct cli_result c;
	FILE *f;

	c = run_cli(srv, "wal", "key", "--key", secret, "--out", key);
	assert_int_equal(c.code, 0);
	assert_int_equal(file_mode(key), 0600);
	assert_int_equal(system(fmt(srv, "cmp -s '%s' '%s'", key, secret)) != 0, 1); /* not the secret */
	/* never over a file: named after the secret, the secret stays */
	{
		char before[200] = "", after[200] = "";

		f = fopen(secret, "r");
		assert_non_null(f);
		assert_non_null(fgets(before, sizeof(before), f));
		fclose(f);
		c = run_cli(srv, "wal", "key", "--key", secret, "--out", secret);
		assert_int_equal(c.code, 1);
		assert_non_null(strstr(c.err, "未覆盖"));
		f = fopen(secret, "r");
		assert_non_null(f);
		assert_non_null(fgets(after, sizeof(after), f));
		fclose(f);
		assert_string_equal(after, before);
	}
	f = fopen(other_secret, "w");
	assert_non_null(f);
	fputs("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n", f);
	fclose(f);
	assert_int_equal(chmod(other_secret, 0600), 0);
	assert_int_equal(run_cli(srv, "wal", "key", "--key", other_secret, "--out", other).code, 0);

	assert_int_equal(mkdir(arch, 0700), 0);
	f = fopen(seg, "wb");
	assert_non_null(f);
	for (int i = 0; i < 65536; i++)
		fprintf(f, "WAL record %08d of the night shift\n", i);
	fclose(f);
	c = run_cli(srv, "wal", "archive", "--key", key, seg, dest);
	assert_int_equal(c.code, 0);
	assert_int_equal(file_mode(fmt(srv, "%s.mac", dest)), 0600);
	/* the archiver tries again after a crash: the same segment is done,
	 * and a seal the crash lost is written again */
	assert_int_equal(run_cli(srv, "wal", "archive", "--key", key, seg, dest).code, 0);
	assert_int_equal(unlink(fmt(srv, "%s.mac", dest)), 0);
	assert_int_equal(run_cli(srv, "wal", "archive", "--key", key, seg, dest).code, 0);
	assert_int_equal(file_mode(fmt(srv, "%s.mac", dest)), 0600);
	/* other content under the name is refused, the archive unchanged */
	copy_flipped(srv, seg, srv_path(srv, "other-seg"), 300);
	c = run_cli(srv, "wal", "archive", "--key", key, srv_path(srv, "other-seg"), dest);
	assert_int_equal(c.code, 1);
	assert_non_null(strstr(c.err, "拒绝覆盖"));
	/* a restore gets the segment as archived */
	assert_int_equal(run_cli(srv, "wal", "restore", "--key", key, dest, got).code, 0);
	assert_int_equal(system(fmt(srv, "cmp -s '%s' '%s'", seg, got)), 0);
	assert_int_equal(run_cli(srv, "wal", "restore", "--key", key, next, got).code, 1); /* the end */

	/* 126, and nothing where the segment goes: */
	unlink(got);
	/* a segment copied over the next one's name, seal and all */
	assert_int_equal(system(fmt(srv, "cp '%s' '%s' && cp '%s.mac' '%s.mac'", dest, next, dest, next)), 0);
	c = run_cli(srv, "wal", "restore", "--key", key, next, got);
	assert_int_equal(c.code, 126);
	assert_non_null(strstr(c.err, "校验码不符"));
	/* another county's key */
	assert_int_equal(run_cli(srv, "wal", "restore", "--key", other, dest, got).code, 126);
	/* a changed byte */
	copy_flipped(srv, dest, srv_path(srv, "changed"), 4096 * 37);
	assert_int_equal(rename(srv_path(srv, "changed"), dest), 0);
	c = run_cli(srv, "wal", "restore", "--key", key, dest, got);
	assert_int_equal(c.code, 126);
	assert_non_null(strstr(c.err, "校验码不符"));
	/* no seal */
	assert_int_equal(unlink(fmt(srv, "%s.mac", next)), 0);
	c = run_cli(srv, "wal", "restore", "--key", key, next, got);
	assert_int_equal(c.code, 126);
	assert_non_null(strstr(c.err, "缺失"));
	/* a segment deleted whose seal is still there; an archive directory
	 * that is not there (not mounted) */
	assert_int_equal(rename(next, srv_path(srv, "moved-away")), 0);
	assert_int_equal(system(fmt(srv, "cp '%s.mac' '%s.mac'", dest, next)), 0);
	assert_int_equal(run_cli(srv, "wal", "restore", "--key", key, next, got).code, 126);
	assert_int_equal(
		run_cli(srv, "wal", "restore", "--key", key, srv_path(srv, "unmounted/000000010000000000000003"), got)
			.code,
		126);
	assert_int_equal(unlink(fmt(srv, "%s.mac", next)), 0);
	assert_int_equal(rename(srv_path(srv, "moved-away"), next), 0);
	/* a wrong command line (a restore must not read as the archive's end,
	 * an archive must not read as done), the options first or last */
	assert_int_equal(run_cli(srv, "wal", "restore", dest, got).code, 126);
	assert_int_equal(run_cli(srv, "wal", "restore", "--key", key, "--kye", dest, got).code, 126);
	assert_int_equal(run_cli(srv, "wal", "--kye", key, "restore", dest, got).code, 126);
	assert_int_equal(run_cli(srv, "wal", "restore", "--help").code, 126);
	assert_int_equal(run_cli(srv, "wal", "--key", key, "restore", dest, got).code, 126); /* changed */
	assert_int_not_equal(access(got, F_OK), 0);
	assert_int_equal(run_cli(srv, "wal", "archive", seg, dest).code, 2);
	assert_int_equal(run_cli(srv, "wal", "archive", "--help").code, 2);

	/* a key changed: a segment sealed with the old one restores with
	 * --old-key, and not without */
	assert_int_equal(unlink(next), 0);
	assert_int_equal(run_cli(srv, "wal", "archive", "--key", other, seg, next).code, 0);
	assert_int_equal(run_cli(srv, "wal", "restore", "--key", key, next, got).code, 126);
	assert_int_equal(run_cli(srv, "wal", "--key", key, "--old-key", other, "restore", next, got).code, 0);
	assert_int_equal(system(fmt(srv, "cmp -s '%s' '%s'", seg, got)), 0);
	/* the old key is no key for a third county's segment */
	assert_int_equal(run_cli(srv, "wal", "restore", "--key", other, "--old-key", other, dest, got).code, 126);

	/* four archivers of one segment at once (a retry beside the first):
	 * every one answers 0, and the segment restores */
	for (int round = 0; round < 6; round++) {
		const char *d = fmt(srv, "%s/00000001000000000000001%d", arch, round);
		const char *one = fmt(srv, "%s wal archive --key %s %s %s", getenv("PRECINCT_BIN"), key, seg, d);

		assert_int_equal(system(fmt(srv,
					    "bash -c 'r=0; p=; for i in 1 2 3 4; do %s & p=\"$p $!\"; done;"
					    " for j in $p; do wait $j || r=1; done; exit $r'",
					    one)),
				 0);
		assert_int_equal(run_cli(srv, "wal", "restore", "--key", key, d, got).code, 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(wal_archive_is_sealed, setup_demo_stopped, teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
