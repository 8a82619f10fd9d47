/* seed_community_gaps.c — the demo's 撤管 requests (issue 16 gaps): in 西街一区
 * one key person removed with the chief's approval, one request rejected and
 * one waiting for the chief. Made through the domain operations, as each
 * account would. Runs after seed_demo_trades. */
#include "seed/seed.h"
#include "domain/admin/auth.h"
#include "domain/community/key_person_removals.h"
#include "domain/rows.h"

static int64_t id_of(json_t *out, const char *obj)
{
	return json_integer_value(json_object_get(json_object_get(out, obj), "id"));
}

static int removals(struct ctx *c)
{
	static const char *const reasons[3] = {
		"考察期满两年，表现良好，已稳定就业",
		"已长期外出务工，联系方式有效",
		"刑满释放满五年，无违法记录",
	};
	struct rows_query q;
	json_t *rows, *out = NULL;
	int64_t ids[3] = { 0, 0, 0 }, rid[3] = { 0, 0, 0 };
	int rc;

	rows_binds(&q, c);
	rc = rows_all(&q,
		      "SELECT k.id FROM key_person k JOIN beat b ON b.id = k.beat_id WHERE b.name = '西街一区'"
		      " AND k.source = 'listed' AND k.status = 'active' ORDER BY k.id LIMIT 3",
		      &rows);
	if (rc)
		return rc;
	for (size_t i = 0; i < 3 && i < json_array_size(rows); i++)
		ids[i] = row_int(json_array_get(rows, i), "id");
	json_decref(rows);
	rc = auth_actor_load(c, "minjing4");
	for (int i = 0; i < 3 && !rc; i++) {
		if (!ids[i])
			continue;
		rc = key_person_removals_request(c, ids[i], reasons[i], &out);
		rid[i] = rc ? 0 : id_of(out, "removal");
		json_decref(out);
		out = NULL;
	}
	if (!rc)
		rc = auth_actor_load(c, "suozhang");
	if (!rc && rid[0]) {
		rc = key_person_removals_decide(c, rid[0], 1, "同意撤管，转为一般关注", &out);
		json_decref(out);
		out = NULL;
	}
	if (!rc && rid[1]) {
		rc = key_person_removals_decide(c, rid[1], 0, "外出期间仍需电话联系，暂不撤管", &out);
		json_decref(out);
	}
	return rc;
}

int seed_demo_community_gaps(struct ctx *c)
{
	return removals(c);
}
