/* addresses.c — 标准地址: the station's standard addresses (社区 → 楼栋 →
 * 单元 → 房号), one row per place. */
#include "domain/population/addresses.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/rows.h"

#include <stdio.h>
#include <string.h>

#define ADDRESS_COLS                                                                                   \
	"SELECT a.id, a.community, a.building, a.unit_no, a.room, a.station_id, a.post_id,"                \
	" p.name AS post_name, a.grid_id, gr.name AS grid_name,"                                           \
	" (SELECT COUNT(*) FROM person x WHERE x.address_id = a.id) AS persons,"                           \
	" (SELECT id FROM rental r WHERE r.address_id = a.id) AS rental_id"
#define ADDRESS_FROM                                                                                   \
	" FROM address a JOIN org_unit o ON o.id = a.station_id LEFT JOIN org_unit p ON p.id = a.post_id" \
	" LEFT JOIN grid gr ON gr.id = a.grid_id WHERE o.path LIKE ?"
#define ADDRESS_ORDER " ORDER BY a.community, a.building, a.unit_no, a.room, a.id"

/* the scope's communities with their address counts (the page's filter) */
static int communities(struct ctx *c, json_t *out)
{
	struct rows_query q;
	json_t *rows;
	int rc;

	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rc = rows_all(&q,
		      "SELECT a.community, COUNT(*) AS addresses FROM address a JOIN org_unit o ON o.id = a.station_id"
		      " WHERE o.path LIKE ? GROUP BY a.community ORDER BY a.community",
		      &rows);
	if (!rc && json_object_set_new(out, "communities", rows))
		rc = ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
	return rc;
}

int addresses_list(struct ctx *c, const struct address_filter *f, json_t **out)
{
	struct rows_query q;
	json_t *items;
	int rc = authz_require(c, ACT_ADDRESS_LIST);

	*out = NULL;
	if (rc)
		return rc;
	if (f->page) {
		rows_query_init(&q, c, ADDRESS_FROM, f->page, f->per_page);
		rows_bind_text(&q, ctx_scope_like(c));
		rows_and_text(&q, "a.community = ?", f->community);
		rows_and_text(&q, "a.building = ?", f->building);
		rows_and_int(&q, "a.grid_id = ?", f->grid_id);
		rows_and_like(&q,
			      "(a.community LIKE ?" ROWS_ESCAPE " OR a.building LIKE ?" ROWS_ESCAPE
			      " OR a.unit_no LIKE ?" ROWS_ESCAPE " OR a.room LIKE ?" ROWS_ESCAPE ")",
			      f->q);
		rc = rows_page(&q, ADDRESS_COLS, ADDRESS_ORDER, out);
		if (!rc)
			rc = communities(c, *out);
		if (rc) {
			json_decref(*out);
			*out = NULL;
		}
		return rc;
	}
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_text(&q, f->community);
	rows_bind_text(&q, f->community);
	rc = rows_all(&q, ADDRESS_COLS ADDRESS_FROM " AND (? IS NULL OR a.community = ?)" ADDRESS_ORDER " LIMIT 5000",
		      &items);
	if (rc)
		return rc;
	*out = json_pack("{s:I, s:o}", "total", (json_int_t)json_array_size(items), "items", items);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int addresses_find_or_create(struct ctx *c, const struct address_input *in, int64_t *out_id)
{
	struct rows_query q;
	const char *key;
	int64_t id = 0;
	int rc;

	*out_id = 0;
	rc = authz_require(c, ACT_ADDRESS_CREATE);
	if (rc)
		return rc;
	if (!in->community || !*in->community)
		return ps_fail_field(c->err, PS_EINVAL, "community", "请填写社区（村）");
	if (in->post_id) {
		int64_t n = 0;

		rows_binds(&q, c);
		rows_bind_int(&q, in->post_id);
		rows_bind_int(&q, c->who.station_id);
		rc = rows_int(&q, "SELECT COUNT(*) FROM org_unit WHERE id = ? AND parent_id = ? AND kind = 'post'",
			      0, &n);
		if (!rc && !n)
			rc = ps_fail_field(c->err, PS_EINVAL, "post_id", "警务室应为本所下属警务室");
		if (rc)
			return rc;
	}
	key = arena_printf(c->arena, "%lld|%s|%s|%s|%s", (long long)c->who.station_id, in->community,
			   in->building ? in->building : "", in->unit_no ? in->unit_no : "",
			   in->room ? in->room : "");
	rows_binds(&q, c);
	rows_bind_text(&q, key);
	rc = rows_int(&q, "SELECT id FROM address WHERE address_key = ?", 0, &id);
	if (!rc && !id) {
		rows_binds(&q, c);
		rows_bind_int(&q, c->who.station_id);
		if (in->post_id)
			rows_bind_int(&q, in->post_id);
		else
			rows_bind_text(&q, NULL);
		rows_bind_text(&q, in->community);
		rows_bind_text_exact(&q, in->building ? in->building : "");
		rows_bind_text_exact(&q, in->unit_no ? in->unit_no : "");
		rows_bind_text_exact(&q, in->room ? in->room : "");
		rows_bind_text(&q, key);
		rows_bind_int(&q, c->now);
		rc = rows_insert(&q,
				 "INSERT INTO address(station_id, post_id, community, building, unit_no, room,"
				 " address_key, created_at) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
				 &id);
		if (!rc)
			rc = audit_write(c, "address.create", "address", key, "success", NULL);
	}
	if (!rc)
		*out_id = id;
	return rc;
}

int addresses_create(struct ctx *c, const struct address_input *in, json_t **out)
{
	struct rows_query q;
	int64_t id;
	json_t *a;
	int rc = addresses_find_or_create(c, in, &id);

	*out = NULL;
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, id);
	rc = rows_one(&q, "SELECT id, community, building, unit_no, room, station_id, post_id FROM address"
			  " WHERE id = ?", &a);
	if (rc)
		return rc;
	*out = json_pack("{s:o}", "address", a);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}
