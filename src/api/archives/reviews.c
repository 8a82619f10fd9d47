/* reviews.c — /case-reviews, /case-reviews/draft, /case-reviews/summary
 * (案件质量考评, issue 15). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "domain/archives/reviews.h"

struct review_body {
	int64_t case_id;
	json_t *items;
	const char *comment;
};

const struct field case_reviews_create_fields[] = {
	FINT(struct review_body, case_id, "case_id", 1, 1, INT64_MAX),
	FJSON(struct review_body, items, "items", 0),
	FSTR(struct review_body, comment, "comment", 0, 1000),
	FEND,
};

int api_case_reviews_create(struct req *r)
{
	struct review_body b = { 0 };
	json_t *out = NULL;
	int rc = fields_bind(r->in, case_reviews_create_fields, &b, &r->err);

	if (!rc) rc = reviews_create(&r->ctx, b.case_id, b.items, b.comment, &out);
	return rc ? rc : req_reply(r, 201, out);
}

int api_case_reviews_draft(struct req *r)
{
	json_t *out = NULL;
	int64_t id;
	int rc = req_query_int(r, "case_id", 1, INT64_MAX, 0, &id);

	if (!rc) rc = reviews_draft(&r->ctx, id, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_case_reviews_list(struct req *r)
{
	int64_t page, per_page;
	json_t *out = NULL;
	int rc = req_query_int(r, "page", 1, 1000000, 1, &page);

	if (!rc) rc = req_query_int(r, "per_page", 1, 200, 20, &per_page);
	if (!rc) rc = reviews_list(&r->ctx, page, per_page, &out);
	return rc ? rc : req_reply(r, 200, out);
}

int api_case_reviews_summary(struct req *r)
{
	json_t *out = NULL;
	int rc = reviews_summary(&r->ctx, &out);

	return rc ? rc : req_reply(r, 200, out);
}
