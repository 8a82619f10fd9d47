/* audit.c — precinct audit verify | purge | export | verify-export: the hash
 * chain checked on the database file, retention (AUD-RETAIN), and a date
 * range exported with its chain proof and checked without the database. */
#include "cli/cli.h"
#include "cli/cli_db.h"
#include "domain/admin/audit.h"
#include "domain/admin/audit_export.h"
#include "domain/admin/audit_purge.h"
#include "store/db.h"
#include "core/buf.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char help[] =
	"usage: precinct audit verify --db PATH\n"
	"       precinct audit purge --db PATH --before YYYY-MM-DD\n"
	"       precinct audit export --db PATH --from YYYY-MM-DD --to YYYY-MM-DD [--chain change|read] [--out FILE]\n"
	"       precinct audit verify-export FILE\n"
	"  verify: walk the audit hash chain. Exit 0 when intact; exit 1 naming the\n"
	"    first row that was changed, deleted or reordered.\n"
	"  purge: remove the rows written before the local day YYYY-MM-DD, which must\n"
	"    be at least 400 days ago (rule AUD-RETAIN). The hash of the last removed\n"
	"    row is kept as the anchor of the chain, and the purge is audited.\n"
	"  export: the rows of the local days FROM..TO (both included) as JSON lines\n"
	"    with each row's hash and the anchor hash before the range (stdout, or\n"
	"    FILE). The export is audited.\n"
	"  verify-export: check an export without the database (on any machine):\n"
	"    every row's hash, the links from the anchor, the ids and the trailer.\n";

static int audit_cmd_verify(const char *db)
{
	struct cli_db cd;
	int64_t bad, rows[AUDIT_CHAINS] = { 0 };
	int rc = PS_OK;

	if (cli_db_open_read(&cd, db))
		return 1;
	/* both chains: changes (audit) and reads (audit_read) */
	for (int ch = 0; ch < AUDIT_CHAINS && !rc; ch++) {
		rc = audit_verify_chain(cd.db, (enum audit_chain)ch, &bad, &rows[ch], &cd.err);
		if (rc)
			fprintf(stderr, "audit chain BROKEN (%s chain, table %s) at row %lld: %s\n",
				audit_chain_name((enum audit_chain)ch),
				audit_chain_table((enum audit_chain)ch), (long long)bad, cd.err.msg);
	}
	if (!rc)
		printf("audit chain intact: %lld rows (read chain: %lld rows)\n",
		       (long long)rows[AUDIT_CHAIN_CHANGE], (long long)rows[AUDIT_CHAIN_READ]);
	cli_db_close(&cd);
	return rc ? 1 : 0;
}

static int audit_cmd_purge(const char *db, const char *before)
{
	struct audit_purge_result res;
	struct cli_db cd;
	int rc;

	if (cli_db_open(&cd, db))
		return 1;
	rc = db_begin(cd.db, 1, &cd.err);
	if (!rc)
		rc = audit_purge(&cd.ctx, before, &res);
	if (!rc)
		rc = db_commit(cd.db, &cd.err);
	else
		db_rollback(cd.db);
	if (rc) {
		fprintf(stderr, "precinct audit purge: %s%s%s\n", cd.err.msg,
			cd.err.rule ? " — rule " : "", cd.err.rule ? cd.err.rule : "");
	} else {
		if (res.rows)
			printf("purged %lld audit rows (through row %lld); chain anchor %s\n",
			       (long long)res.rows, (long long)res.through_id, res.anchor);
		else
			printf("no audit rows before %s: nothing purged\n", before);
		if (res.read_rows)
			printf("purged %lld read-audit rows (through row %lld); read chain anchor %s\n",
			       (long long)res.read_rows, (long long)res.read_through_id,
			       res.read_anchor);
	}
	cli_db_close(&cd);
	return rc ? 1 : 0;
}

static int audit_cmd_export(const char *db, const char *from, const char *to, const char *chain, const char *path)
{
	struct cli_db cd;
	struct buf out;
	char detail[128], which[4096];
	int64_t rows = 0;
	FILE *f = stdout;
	int rc;

	if (path && cli_db_owns(db, path, which, sizeof(which))) {
		fprintf(stderr,
			"precinct audit export: 导出会写到数据库自己的文件 %s 上，请换一个导出路径；"
			"数据库未作任何改动 / the export would write over %s, a file of the database"
			" %s: choose another path; nothing was changed\n",
			which, which, db);
		return 1;
	}
	if (cli_db_open(&cd, db))
		return 1;
	buf_init(&out, (size_t)1 << 32);
	/* a read transaction: one snapshot, and the server's writers go on */
	rc = db_begin(cd.db, 0, &cd.err);
	if (!rc) {
		rc = audit_export_write(&cd.ctx, from, to, chain, &out, &rows);
		if (rc)
			db_rollback(cd.db);
		else
			rc = db_commit(cd.db, &cd.err);
	}
	if (!rc && path) {
		/* the export names who read what: 0600, as the database */
		int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);

		if (fd < 0 || fchmod(fd, 0600) != 0 || !(f = fdopen(fd, "w"))) {
			if (fd >= 0)
				close(fd);
			rc = ps_fail(&cd.err, PS_EIO, NULL, NULL, "cannot write %s", path);
		}
	}
	if (!rc && (fwrite(buf_str(&out), 1, out.len, f) != out.len || fflush(f) != 0))
		rc = ps_fail(&cd.err, PS_EIO, NULL, NULL, "cannot write the export");
	if (f && f != stdout && fclose(f) != 0 && !rc)
		rc = ps_fail(&cd.err, PS_EIO, NULL, NULL, "cannot write %s", path);
	buf_release(&out);
	if (!rc) {
		snprintf(detail, sizeof(detail), "from=%s to=%s rows=%lld", from, to,
			 (long long)rows);
		rc = db_begin(cd.db, 1, &cd.err);
		if (!rc)
			rc = audit_write(&cd.ctx, "audit.export", "audit", NULL, "success", detail);
		if (!rc)
			rc = db_commit(cd.db, &cd.err);
		else
			db_rollback(cd.db);
	}
	if (rc)
		fprintf(stderr, "precinct audit export: %s\n", cd.err.msg);
	else
		fprintf(stderr, "exported %lld audit rows (%s .. %s)\n", (long long)rows, from, to);
	cli_db_close(&cd);
	return rc ? 1 : 0;
}

static int audit_cmd_verify_export(const char *path)
{
	struct audit_export_check k;
	struct ps_err err;
	struct buf line;
	char chunk[1 << 16];
	FILE *f = fopen(path, "r");
	int rc = PS_OK;

	if (!f) {
		fprintf(stderr, "precinct audit verify-export: cannot read %s\n", path);
		return 1;
	}
	ps_err_clear(&err);
	audit_export_check_init(&k);
	buf_init(&line, (size_t)16 << 20);
	while (!rc && fgets(chunk, sizeof(chunk), f)) {
		size_t n = strlen(chunk);
		int eol = n && chunk[n - 1] == '\n';

		rc = buf_add(&line, chunk, eol ? n - 1 : n);
		if (rc) {
			ps_fail(&err, rc, NULL, NULL, "导出文件第 %lld 行过长", (long long)k.line + 1);
			break;
		}
		if (!eol && !feof(f))
			continue;
		rc = audit_export_check_line(&k, buf_str(&line), line.len, &err);
		buf_release(&line);
	}
	if (!rc && ferror(f))
		rc = ps_fail(&err, PS_EIO, NULL, NULL, "读取 %s 失败", path);
	fclose(f);
	buf_release(&line);
	if (!rc)
		rc = audit_export_check_end(&k, &err);
	if (rc) {
		fprintf(stderr, "audit export BROKEN: %s\n", err.msg);
		return 1;
	}
	printf("audit export intact: %lld rows, chained from anchor %s\n", (long long)k.rows,
	       k.anchor[0] ? k.anchor : "(empty range)");
	return 0;
}

int cmd_audit(int argc, char **argv)
{
	static const char *const spec[] = { "db", "before", "from", "to", "out", "chain", NULL };
	const char *v[6] = { 0 }, *pos[2];
	const char *sub;
	int npos, rc;

	rc = cli_options(argc, argv, spec, v, pos, 2, &npos, help);
	if (rc)
		return rc == 1 ? 0 : 2;
	sub = npos >= 1 ? pos[0] : "";
	if (strcmp(sub, "verify-export") == 0) {
		if (npos != 2) {
			fprintf(stderr, "precinct audit verify-export: FILE is required\n");
			return 2;
		}
		return audit_cmd_verify_export(pos[1]);
	}
	if (npos != 1 || (strcmp(sub, "verify") != 0 && strcmp(sub, "purge") != 0 &&
			  strcmp(sub, "export") != 0)) {
		fprintf(stderr, "precinct audit: expected verify, purge, export or verify-export"
				" (see --help)\n");
		return 2;
	}
	if (!v[0]) {
		fprintf(stderr, "precinct audit %s: --db PATH is required\n", sub);
		return 2;
	}
	if (strcmp(sub, "purge") == 0 && !v[1]) {
		fprintf(stderr, "precinct audit purge: --before YYYY-MM-DD is required\n");
		return 2;
	}
	if (strcmp(sub, "export") == 0 && (!v[2] || !v[3])) {
		fprintf(stderr, "precinct audit export: --from and --to (YYYY-MM-DD) are required\n");
		return 2;
	}
	if (!db_is_url(v[0]) && access(v[0], F_OK) != 0) {
		fprintf(stderr, "precinct audit %s: %s does not exist\n", sub, v[0]);
		return 1;
	}
	if (strcmp(sub, "verify") == 0)
		return audit_cmd_verify(v[0]);
	if (strcmp(sub, "purge") == 0)
		return audit_cmd_purge(v[0], v[1]);
	return audit_cmd_export(v[0], v[2], v[3], v[5], v[4]);
}
