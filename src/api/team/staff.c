/* staff.c — /staff (issue 18, part 1): staff records and the structure
 * figures of station and county. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/team/staff.h"
#include "domain/enums.h"

#include <stdio.h>
#include <xlsxwriter.h>

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_staff_list(struct req *r)
{
	json_t *out;
	int rc = staff_list(&r->ctx, &out);

	return DONE(rc, 200, out);
}

int api_staff_figures(struct req *r)
{
	json_t *out;
	int rc = staff_figures(&r->ctx, &out);

	return DONE(rc, 200, out);
}

/* The structure figures as a workbook: one row per category value, the
 * unit's count and the county's (TEAM: 党员/团员, 学历, 年龄段, 以工代警, 执法资格). */
static int figures_xlsx(void *arg, const char *path)
{
	static const struct {
		const char *key, *title;
		enum enum_set set;
		const char *const *values; /* NULL: the age bands of the answer */
	} groups[] = {
		{ "staff_kind", "人员类别", ES_STAFF_KIND, enums_values_STAFF_KIND },
		{ "politics", "政治面貌", ES_STAFF_POLITICS, enums_values_STAFF_POLITICS },
		{ "education", "学历", ES_STAFF_EDUCATION, enums_values_STAFF_EDUCATION },
		{ "age_band", "年龄段", ES_STAFF_KIND, NULL },
		{ "qual_level", "执法资格", ES_QUAL_LEVEL, enums_values_QUAL_LEVEL },
	};
	json_t *f = arg, *unit = json_object_get(f, "unit"), *county = json_object_get(f, "county"), *band;
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	lxw_format *bold;
	lxw_row_t row = 2;
	size_t i;

	if (!wb)
		return PS_EIO;
	ws = workbook_add_worksheet(wb, "队伍结构");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	worksheet_write_string(ws, 0, 0, "队伍结构统计", bold);
	worksheet_write_string(ws, row, 0, "类别", bold);
	worksheet_write_string(ws, row, 1, "项目", bold);
	worksheet_write_string(ws, row, 2, json_string_value(json_object_get(unit, "unit_name")), bold);
	worksheet_write_string(ws, row, 3, json_string_value(json_object_get(county, "unit_name")), bold);
	row++;
	worksheet_write_string(ws, row, 0, "合计", NULL);
	worksheet_write_string(ws, row, 1, "人数", NULL);
	worksheet_write_number(ws, row, 2, (double)json_integer_value(json_object_get(unit, "total")), NULL);
	worksheet_write_number(ws, row, 3, (double)json_integer_value(json_object_get(county, "total")), NULL);
	row++;
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
		json_t *u = json_object_get(unit, groups[g].key), *k = json_object_get(county, groups[g].key);

		if (groups[g].values) {
			for (i = 0; groups[g].values[i]; i++) {
				const char *v = groups[g].values[i];

				worksheet_write_string(ws, row, 0, groups[g].title, NULL);
				worksheet_write_string(ws, row, 1, enums_label(groups[g].set, v), NULL);
				worksheet_write_number(ws, row, 2, (double)json_integer_value(json_object_get(u, v)), NULL);
				worksheet_write_number(ws, row, 3, (double)json_integer_value(json_object_get(k, v)), NULL);
				row++;
			}
			continue;
		}
		json_array_foreach(json_object_get(f, "age_bands"), i, band) {
			const char *v = json_string_value(json_object_get(band, "key"));

			worksheet_write_string(ws, row, 0, groups[g].title, NULL);
			worksheet_write_string(ws, row, 1, json_string_value(json_object_get(band, "label")), NULL);
			worksheet_write_number(ws, row, 2, (double)json_integer_value(json_object_get(u, v)), NULL);
			worksheet_write_number(ws, row, 3, (double)json_integer_value(json_object_get(k, v)), NULL);
			row++;
		}
	}
	worksheet_write_string(ws, row, 0, "执法资格", NULL);
	worksheet_write_string(ws, row, 1, "民警资格有效", NULL);
	worksheet_write_number(ws, row, 2, (double)json_integer_value(json_object_get(unit, "qual_valid")), NULL);
	worksheet_write_number(ws, row, 3, (double)json_integer_value(json_object_get(county, "qual_valid")), NULL);
	worksheet_set_column(ws, 1, 3, 16, NULL);
	return workbook_close(wb) == LXW_NO_ERROR ? PS_OK : PS_EIO;
}

int api_staff_figures_xlsx(struct req *r)
{
	json_t *out;
	int rc = staff_figures(&r->ctx, &out);

	if (rc)
		return rc;
	rc = req_reply_workbook(r, figures_xlsx, out, "队伍结构统计.xlsx", "统计表");
	json_decref(out);
	return rc;
}

int api_staff_get(struct req *r)
{
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = staff_get(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

const struct field staff_put_fields[] = {
	FENUM(struct staff_input, staff_kind, "staff_kind", 1, 16, STAFF_KIND),
	FSTR(struct staff_input, post, "post", 0, 40),
	FSTR(struct staff_input, rank_title, "rank_title", 0, 40),
	FSTR(struct staff_input, police_no, "police_no", 0, 20),
	FSTR(struct staff_input, beat, "beat", 0, 64),
	FENUM(struct staff_input, politics, "politics", 1, 16, STAFF_POLITICS),
	FENUM(struct staff_input, education, "education", 1, 16, STAFF_EDUCATION),
	FSTR(struct staff_input, birth_date, "birth_date", 1, 10),
	FENUM(struct staff_input, qual_level, "qual_level", 1, 8, QUAL_LEVEL),
	FSTR(struct staff_input, qual_date, "qual_date", 0, 10),
	FSTR(struct staff_input, qual_expiry, "qual_expiry", 0, 10),
	FSTR(struct staff_input, qual_cert_no, "qual_cert_no", 0, 40),
	FEND,
};

int api_staff_put(struct req *r)
{
	struct staff_input b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, staff_put_fields, &b, &r->err);
	if (!rc) rc = staff_put(&r->ctx, id, &b, &out);
	return DONE(rc, 200, out);
}
