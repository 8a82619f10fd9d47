/* user.c — precinct user add|passwd|lock|unlock|list. */
#include "cli/cli.h"
#include "cli/cli_db.h"
#include "domain/admin/users.h"
#include "domain/admin/units.h"
#include "core/crypto.h"
#include "core/mem.h"

#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static const char help[] =
	"usage: precinct user COMMAND --db PATH ...\n"
	"  add     --db PATH --username U --name 姓名 --role ROLE --unit CODE\n"
	"          [--badge NO] [--phone P] [--password PW]\n"
	"  passwd  --db PATH --username U [--password PW]\n"
	"  lock    --db PATH --username U\n"
	"  unlock  --db PATH --username U   (also clears an automatic lock)\n"
	"  list    --db PATH [--unit CODE] [--role ROLE]\n"
	"  Roles: admin auditor dispatcher supervisor chief officer legal clerk\n"
	"  auxiliary archivist. Without --password a one-time password is generated\n"
	"  and printed; the user must change it at the next login. Every change is\n"
	"  audited as the shell user (cli:NAME).\n";

/* A one-time password meeting the policy (four classes, 20 characters). */
static void otp(char out[32])
{
	static const char a[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
	size_t o = 0;

	for (int i = 0; i < 16; i++) {
		if (i && i % 4 == 0)
			out[o++] = '-';
		out[o++] = a[randombytes_uniform(sizeof(a) - 1)];
	}
	out[o++] = 'k';
	out[o++] = '4';
	out[o++] = 'Z';
	out[o] = '\0';
}

static int finish(struct cli_db *cd, int rc, const char *ok)
{
	if (!rc)
		rc = db_commit(cd->db, &cd->err);
	else
		db_rollback(cd->db);
	if (rc)
		fprintf(stderr, "precinct user: %s\n", cd->err.msg);
	else if (ok)
		fputs(ok, stdout);
	cli_db_close(cd);
	return rc ? 1 : 0;
}

/* Wipe the generated password and the one given on the command line (its
 * argv bytes: also what /proc/PID/cmdline shows from now on). */
static void wipe_passwords(char pw[32], const char *given)
{
	ps_memzero(pw, 32);
	if (given)
		ps_memzero((char *)given, strlen(given));
}

int cmd_user(int argc, char **argv)
{
	static const char *const spec[] = { "db", "username", "name", "role", "unit",
					    "badge", "phone", "password", NULL };
	enum { DB, USERNAME, NAME, ROLE, UNIT, BADGE, PHONE, PASSWORD };
	const char *v[8] = { 0 }, *pos[1], *sub;
	struct cli_db cd;
	char pw[32];
	json_t *out = NULL;
	int64_t id;
	int npos, rc;

	rc = cli_options(argc, argv, spec, v, pos, 1, &npos, help);
	if (rc)
		return rc == 1 ? 0 : 2;
	if (npos != 1 || !v[DB]) {
		fprintf(stderr, "precinct user: a command and --db PATH are required (see --help)\n");
		return 2;
	}
	sub = pos[0];
	if (strcmp(sub, "list") != 0 && !v[USERNAME]) {
		fprintf(stderr, "precinct user %s: --username is required\n", sub);
		return 2;
	}
	if (strcmp(sub, "add") == 0 && (!v[NAME] || !v[ROLE] || !v[UNIT])) {
		fprintf(stderr, "precinct user add: --name, --role and --unit are required\n");
		return 2;
	}
	if (strcmp(sub, "add") && strcmp(sub, "passwd") && strcmp(sub, "lock") &&
	    strcmp(sub, "unlock") && strcmp(sub, "list")) {
		fprintf(stderr, "precinct user: unknown command '%s' (see --help)\n", sub);
		return 2;
	}
	if (cli_db_open(&cd, v[DB]))
		return 1;
	rc = db_begin(cd.db, 1, &cd.err);
	if (rc)
		return finish(&cd, rc, NULL);

	if (strcmp(sub, "list") == 0) {
		struct user_filter f = { 0 };
		json_t *it;
		size_t i;

		f.role = v[ROLE];
		f.per_page = 200;
		if (v[UNIT])
			rc = units_find_by_code(&cd.ctx, v[UNIT], &f.unit_id);
		for (f.page = 1; !rc; f.page++) {
			rc = users_list(&cd.ctx, &f, &out);
			if (rc)
				break;
			json_array_foreach(json_object_get(out, "items"), i, it)
				printf("%-20s %-10s %-12s %-16s %s%s\n",
				       json_string_value(json_object_get(it, "username")),
				       json_string_value(json_object_get(it, "name")),
				       json_string_value(json_object_get(it, "role")),
				       json_string_value(json_object_get(it, "unit_name")),
				       json_is_true(json_object_get(it, "disabled")) ? "locked" : "active",
				       json_integer_value(json_object_get(it, "locked_until")) ? " (auto-locked)" : "");
			i = json_array_size(json_object_get(out, "items"));
			json_decref(out);
			out = NULL;
			if (i < 200)
				break;
		}
		return finish(&cd, rc, NULL);
	}
	if (strcmp(sub, "add") == 0) {
		struct user_input in = { v[USERNAME], v[NAME], v[ROLE], v[BADGE], v[PHONE],
					 v[PASSWORD], 0 };

		if (!in.password) {
			otp(pw);
			in.password = pw;
		}
		rc = units_find_by_code(&cd.ctx, v[UNIT], &in.unit_id);
		if (!rc)
			rc = users_create(&cd.ctx, &in, &out);
		json_decref(out);
		if (!rc)
			printf("user %s created; password: %s (must be changed at first login)\n",
			       v[USERNAME], v[PASSWORD] ? "(as given)" : pw);
		wipe_passwords(pw, v[PASSWORD]);
		return finish(&cd, rc, NULL);
	}
	rc = users_find_id(&cd.ctx, v[USERNAME], &id);
	if (rc)
		return finish(&cd, rc, NULL);
	if (strcmp(sub, "passwd") == 0) {
		if (!v[PASSWORD])
			otp(pw);
		rc = users_reset_password(&cd.ctx, id, v[PASSWORD] ? v[PASSWORD] : pw);
		if (!rc)
			printf("password of %s set: %s (must be changed at next login)\n",
			       v[USERNAME], v[PASSWORD] ? "(as given)" : pw);
		wipe_passwords(pw, v[PASSWORD]);
		return finish(&cd, rc, NULL);
	}
	rc = users_set_disabled(&cd.ctx, id, strcmp(sub, "lock") == 0, &out);
	json_decref(out);
	return finish(&cd, rc, strcmp(sub, "lock") == 0 ? "locked\n" : "unlocked\n");
}
