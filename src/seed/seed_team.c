/* seed_team.c — the demo's 队伍管理 (issue 18, part 1): a staff record for
 * every demo account, entered by the county chief (juzhang). Every police
 * officer holds a valid 基本级 or higher (the demo's cases are entered by
 * them: TEAM-QUAL-USE); auxiliaries are 辅警, one a 以工代警. Figures are
 * spread so the structure page shows every band. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/rows.h"
#include "domain/team/staff.h"

#include <stdio.h>
#include <string.h>

static const char *const politics[] = { "party", "party", "league", "masses", "party", "probation" };
static const char *const education[] = { "bachelor", "college", "bachelor", "postgrad", "high", "college" };
static const char *const levels[] = { "basic", "mid", "basic", "high", "mid" };
static const int ages[] = { 27, 33, 38, 44, 49, 53, 57, 29, 36, 41 };

static int seed_staff(struct ctx *c)
{
	struct rows_query q;
	json_t *users, *u;
	size_t i;
	int rc, y, m, d;

	rows_binds(&q, c);
	rc = rows_all(&q,
		      "SELECT u.id, u.username, u.role, u.badge_no, o.name AS unit_name FROM users u"
		      " JOIN org_unit o ON o.id = u.unit_id WHERE u.role NOT IN ('admin','auditor') ORDER BY u.id",
		      &users);
	if (rc)
		return rc;
	ctx_today(c, &y, &m, &d);
	rc = auth_actor_load(c, "juzhang");
	json_array_foreach(users, i, u) {
		struct staff_input in = { 0 };
		const char *role = row_str(u, "role");
		int aux = strcmp(role, "auxiliary") == 0;
		int ywdj = strcmp(role, "archivist") == 0;
		json_t *out = NULL;

		if (rc)
			break;
		/* the clerk (内勤) is a police officer; the archivist, without a
		 * badge, is a worker in a police post (以工代警) */
		in.staff_kind = aux ? "auxiliary" : ywdj ? "ywdj" : "police";
		aux = aux || ywdj;
		in.post = strcmp(role, "chief") == 0 ? "所长"
			  : strcmp(role, "officer") == 0 ? "社区民警"
			  : ywdj ? "档案管理" : aux ? "辅警" : "内勤";
		in.rank_title = aux ? NULL : (strcmp(role, "chief") == 0 ? "一级警长" : "二级警员");
		in.police_no = aux ? NULL : row_str(u, "badge_no");
		in.beat = strcmp(role, "officer") == 0 ? arena_printf(c->arena, "%s责任区", row_str(u, "unit_name"))
						       : NULL;
		in.politics = politics[i % 6];
		in.education = education[i % 6];
		in.birth_date = arena_printf(c->arena, "%04d-%02d-%02d", y - ages[i % 10] - 1, (int)(i % 12) + 1,
					     (int)(i % 27) + 1);
		in.qual_level = aux ? "none" : levels[i % 5];
		in.qual_date = aux ? NULL : arena_printf(c->arena, "%04d-06-%02d", y - 1 - (int)(i % 6), (int)(i % 27) + 1);
		in.qual_cert_no = aux ? NULL : arena_printf(c->arena, "ZFZG%04d%03d", y - 1 - (int)(i % 6), (int)i + 1);
		rc = staff_put(c, row_int(u, "id"), &in, &out);
		json_decref(out);
	}
	json_decref(users);
	return rc;
}

int seed_demo_team(struct ctx *c)
{
	return seed_staff(c);
}
