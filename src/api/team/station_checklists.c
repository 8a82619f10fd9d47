/* station_checklists.c — /station-checklists (issue 18): the "九好"
 * checklist of the stations by month, one station's month in detail, the
 * inspector's scores, and the month as a workbook. */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/team/station_checklists.h"

#include <xlsxwriter.h>

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_station_checklists_list(struct req *r)
{
	json_t *out;
	int rc = station_checklists_list(&r->ctx, req_query(r, "month"), &out);

	return DONE(rc, 200, out);
}

int api_station_checklists_get(struct req *r)
{
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = station_checklists_get(&r->ctx, id, req_query(r, "month"), &out);
	return DONE(rc, 200, out);
}

struct station_checklists_score_body {
	const char *month, *item, *note;
	int64_t score;
};

const struct field station_checklists_score_fields[] = {
	FSTR(struct station_checklists_score_body, month, "month", 1, 7),
	FENUM(struct station_checklists_score_body, item, "item", 1, 32, STATION_CHECKLIST_ITEM),
	FINT(struct station_checklists_score_body, score, "score", 1, 0, 100),
	FSTR(struct station_checklists_score_body, note, "note", 0, 500),
	FEND,
};

int api_station_checklists_score(struct req *r)
{
	struct station_checklists_score_body b = { 0 };
	int64_t id;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc)
		rc = fields_bind(r->in, station_checklists_score_fields, &b, &r->err);
	if (!rc)
		rc = station_checklists_score(&r->ctx, id, b.month, b.item, b.score, b.note, &out);
	return DONE(rc, 200, out);
}

/* one row per station: rank, name, the nine scores, the total */
static int month_xlsx(void *arg, const char *path)
{
	json_t *list = arg, *weights = json_object_get(list, "weights"), *row, *w;
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	lxw_format *bold;
	lxw_row_t y = 2;
	size_t i, k;

	if (!wb)
		return PS_EIO;
	ws = workbook_add_worksheet(wb, "九好检查");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	worksheet_write_string(ws, 0, 0, json_string_value(json_object_get(list, "month")), bold);
	worksheet_write_string(ws, 0, 1, "派出所“九好”检查评分", bold);
	worksheet_write_string(ws, y, 0, "名次", bold);
	worksheet_write_string(ws, y, 1, "派出所", bold);
	json_array_foreach(weights, k, w)
		worksheet_write_string(ws, y, (lxw_col_t)(2 + k),
				       json_string_value(json_object_get(w, "label")), bold);
	worksheet_write_string(ws, y, (lxw_col_t)(2 + json_array_size(weights)), "总分", bold);
	worksheet_write_string(ws, y + 1, 1, "权重", NULL);
	json_array_foreach(weights, k, w)
		worksheet_write_number(ws, y + 1, (lxw_col_t)(2 + k),
				       (double)json_integer_value(json_object_get(w, "weight")), NULL);
	y += 2;
	json_array_foreach(json_object_get(list, "items"), i, row) {
		json_t *scores = json_object_get(row, "scores");

		worksheet_write_number(ws, y, 0, (double)json_integer_value(json_object_get(row, "rank")), NULL);
		worksheet_write_string(ws, y, 1, json_string_value(json_object_get(row, "name")), NULL);
		json_array_foreach(weights, k, w) {
			json_t *s = json_object_get(scores, json_string_value(json_object_get(w, "item")));

			if (json_is_number(s))
				worksheet_write_number(ws, y, (lxw_col_t)(2 + k), json_number_value(s), NULL);
			else
				worksheet_write_string(ws, y, (lxw_col_t)(2 + k), "未检查", NULL);
		}
		worksheet_write_number(ws, y, (lxw_col_t)(2 + json_array_size(weights)),
				       json_number_value(json_object_get(row, "total")), NULL);
		y++;
	}
	worksheet_set_column(ws, 1, 1, 16, NULL);
	worksheet_set_column(ws, 2, (lxw_col_t)(2 + json_array_size(weights)), 11, NULL);
	return workbook_close(wb) == LXW_NO_ERROR ? PS_OK : PS_EIO;
}

int api_station_checklists_xlsx(struct req *r)
{
	json_t *out;
	int rc = station_checklists_list(&r->ctx, req_query(r, "month"), &out);

	if (rc)
		return rc;
	rc = req_reply_workbook(r, month_xlsx, out,
				arena_printf(r->arena, "九好检查-%s.xlsx", json_string_value(json_object_get(out, "month"))),
				"九好检查表");
	json_decref(out);
	return rc;
}
