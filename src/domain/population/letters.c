/* letters.c — 函查: letters of inquiry about a person and their answers. */
#include "domain/population/letters.h"
#include "domain/authz.h"
#include "domain/admin/audit.h"
#include "domain/population/persons.h"
#include "domain/population/addresses.h"
#include "domain/population/rentals.h"
#include "domain/population/tenancies.h"
#include "domain/population/floating.h"
#include "domain/population/employers.h"
#include "domain/rows.h"
#include "domain/admin/settings.h"
#include "rules/date.h"
#include "rules/idcard.h"
#include "core/csv.h"

#include <stdio.h>
#include <string.h>

int letters_create(struct ctx *c, int64_t person_id, const char *to_unit, const char *sent_on,
		   json_t **out)
{
	struct rows_query q;
	int64_t n = 0, id;
	int y, m, d, rc;

	*out = NULL;
	rc = authz_require(c, ACT_LETTER_CREATE);
	if (rc)
		return rc;
	if (!to_unit || !*to_unit)
		return ps_fail_field(c->err, PS_EINVAL, "to_unit", "请填写被函查单位（户籍地公安机关）");
	if (!sent_on || date_parse(sent_on, strlen(sent_on), &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "sent_on", "发函日期应为 YYYY-MM-DD");
	(void)n;
	rc = persons_visible(c, person_id, "person_id");
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_int(&q, person_id);
	rows_bind_int(&q, c->who.station_id);
	rows_bind_text(&q, to_unit);
	rows_bind_text(&q, sent_on);
	rows_bind_int(&q, c->who.user_id);
	rc = rows_insert(&q,
			 "INSERT INTO inquiry_letter(person_id, station_id, to_unit, sent_on, sent_by)"
			 " VALUES (?,?,?,?,?) RETURNING id",
			 &id);
	if (!rc)
		rc = audit_write(c, "letter.create", "person", arena_printf(c->arena, "%lld", (long long)person_id),
				 "success", to_unit);
	return rc ? rc : letters_list(c, 0, out);
}

int letters_answer(struct ctx *c, int64_t id, const char *answered_on, const char *result,
		   const char *notes, json_t **out)
{
	struct rows_query q;
	int64_t n = 0;
	int y, m, d, rc;

	*out = NULL;
	rc = rows_check_unit(c, ACT_LETTER_ANSWER,
			     "SELECT o.path FROM inquiry_letter l JOIN org_unit o ON o.id = l.station_id WHERE l.id = ?",
			     id, "函件不存在");
	if (rc)
		return rc;
	if (!answered_on || date_parse(answered_on, strlen(answered_on), &y, &m, &d))
		return ps_fail_field(c->err, PS_EINVAL, "answered_on", "回函日期应为 YYYY-MM-DD");
	if (!result || (strcmp(result, "none") && strcmp(result, "record") && strcmp(result, "misconduct")))
		return ps_fail_field(c->err, PS_EINVAL, "result", "函查结果应为 none（无）/record（有前科）/misconduct（有劣迹）");
	rows_binds(&q, c);
	rows_bind_text(&q, answered_on);
	rows_bind_text(&q, result);
	rows_bind_text(&q, notes);
	rows_bind_int(&q, id);
	rows_bind_int(&q, c->who.station_id);
	rc = rows_exec(&q,
		       "UPDATE inquiry_letter SET answered_on = ?, result = ?, notes = ? WHERE id = ?"
		       " AND station_id = ? AND answered_on IS NULL",
		       &n);
	if (!rc && !n)
		rc = ps_fail(c->err, PS_ECONFLICT, "LETTER_NOT_OPEN", NULL, "函件已回复，或不是本所发出的函件");
	if (!rc)
		rc = audit_write(c, "letter.answer", "inquiry_letter", arena_printf(c->arena, "%lld", (long long)id),
				 "success", result);
	return rc ? rc : letters_list(c, 0, out);
}

int letters_list_unaudited(struct ctx *c, int open_only, json_t **out)
{
	struct rows_query q;
	json_t *items, *it;
	int64_t days = setting_int(c, "letter.answer_days", 0), today = date_local_days(c->now);
	size_t i;
	int rc;

	*out = NULL;
	rc = authz_require(c, ACT_LETTER_LIST);
	if (rc)
		return rc;
	rows_binds(&q, c);
	rows_bind_text(&q, ctx_scope_like(c));
	rows_bind_int(&q, open_only);
	rc = rows_all(&q,
		      "SELECT l.id, l.person_id, p.name AS person_name, l.to_unit, l.sent_on, l.answered_on, l.result,"
		      " l.notes FROM inquiry_letter l JOIN person p ON p.id = l.person_id"
		      " JOIN org_unit o ON o.id = l.station_id WHERE o.path LIKE ? AND (? = 0 OR l.answered_on IS NULL)"
		      " ORDER BY l.answered_on IS NOT NULL, l.sent_on",
		      &items);
	if (rc)
		return rc;
	json_array_foreach(items, i, it) {
		const char *s = json_string_value(json_object_get(it, "sent_on"));
		int y, m, d;

		json_object_set_new(it, "overdue",
				    json_boolean(!json_object_get(it, "answered_on") ||
								 json_is_null(json_object_get(it, "answered_on"))
							 ? (s && !date_parse(s, 10, &y, &m, &d) &&
							    today - date_days_from_civil(y, m, d) > days)
							 : 0));
	}
	*out = json_pack("{s:o}", "items", items);
	return *out ? PS_OK : ps_fail(c->err, PS_ENOMEM, NULL, NULL, "内存不足");
}

int letters_list(struct ctx *c, int open_only, json_t **out)
{
	/* AUD-1: the list names the persons asked about */
	int rc = letters_list_unaudited(c, open_only, out);

	if (!rc)
		rc = audit_read_items(c, "letter.list", "inquiry_letter", json_object_get(*out, "items"), "id");
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
