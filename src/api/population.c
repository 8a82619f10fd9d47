/* population.c — /addresses, /persons, /rentals, /tenancies, /floating,
 * /employers, /wanted, /hits, /letters, /population/summary (issue 6). */
#include "api/api.h"
#include "api/handlers.h"
#include "domain/imports.h"
#include "domain/population.h"
#include "domain/rentals.h"
#include "domain/wanted.h"
#include "core/json.h"
#include "core/text.h"
#include "core/xlsx.h"

#include <sodium.h>

#include <string.h>

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_addresses_list(struct req *r)
{
	json_t *out;
	int rc = addresses_list(&r->ctx, req_query(r, "community"), &out);

	return DONE(rc, 200, out);
}

int api_addresses_create(struct req *r)
{
	static const char *const keys[] = { "community", "building", "unit_no", "room", "post_id", NULL };
	struct address_input in = { 0 };
	json_t *out;
	int rc = req_body(r, keys);

	if (!rc) rc = json_get_str(r->in, "community", 1, 64, &in.community, &r->err);
	if (!rc) rc = json_get_str(r->in, "building", 0, 32, &in.building, &r->err);
	if (!rc) rc = json_get_str(r->in, "unit_no", 0, 16, &in.unit_no, &r->err);
	if (!rc) rc = json_get_str(r->in, "room", 0, 16, &in.room, &r->err);
	if (!rc) rc = json_get_int(r->in, "post_id", 0, 1, INT64_MAX, &in.post_id, NULL, &r->err);
	if (!rc) rc = addresses_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

int api_persons_search(struct req *r)
{
	struct person_filter f = { 0 };
	json_t *out;
	int rc;

	f.name = req_query(r, "name");
	f.id_prefix = req_query(r, "id_prefix");
	f.phone = req_query(r, "phone");
	f.address = req_query(r, "address");
	f.kind = req_query(r, "kind");
	rc = req_query_int(r, "page", 1, 1000000, 1, &f.page);
	if (!rc) rc = req_query_int(r, "per_page", 1, 200, 20, &f.per_page);
	if (!rc) rc = persons_search(&r->ctx, &f, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

int api_persons_register(struct req *r)
{
	static const char *const keys[] = { "id_number", "name", "sex", "birth_date", "phone", "kind",
					    "household_no", "key_tags", "address_id", "key_person", NULL };
	struct person_input in = { 0 };
	json_t *out;
	int rc = req_body(r, keys);

	if (!rc) rc = json_get_str(r->in, "id_number", 1, 18, &in.id_number, &r->err);
	if (!rc) rc = json_get_str(r->in, "name", 1, 32, &in.name, &r->err);
	if (!rc) rc = json_get_str(r->in, "sex", 0, 1, &in.sex, &r->err);
	if (!rc) rc = json_get_str(r->in, "birth_date", 0, 10, &in.birth_date, &r->err);
	if (!rc) rc = json_get_str(r->in, "phone", 0, 20, &in.phone, &r->err);
	if (!rc) rc = json_get_str(r->in, "kind", 0, 16, &in.kind, &r->err);
	if (!rc) rc = json_get_str(r->in, "household_no", 0, 32, &in.household_no, &r->err);
	if (!rc) rc = json_get_str(r->in, "key_tags", 0, 200, &in.key_tags, &r->err);
	if (!rc) rc = json_get_int(r->in, "address_id", 0, 1, INT64_MAX, &in.address_id, NULL, &r->err);
	if (!rc) rc = json_get_bool(r->in, "key_person", 0, &in.key_person, &in.has_key_person, &r->err);
	if (!rc) rc = persons_register(&r->ctx, &in, &out);
	return DONE(rc, json_is_true(json_object_get(out, "created")) ? 201 : 200, out);
}

int api_persons_get(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = persons_get(&r->ctx, id, &out);
	r->no_store = 1;
	return DONE(rc, 200, out);
}

/* {"csv": "...", "encoding": "utf-8" | "gbk"} → UTF-8 text */
static int csv_text(struct req *r, const char **text, size_t *len)
{
	static const char *const keys[] = { "csv", "encoding", "xlsx", "what", NULL };
	const char *enc = NULL;
	json_t *v;
	int rc = req_body(r, keys);

	if (!rc) rc = json_get_str(r->in, "encoding", 0, 16, &enc, &r->err);
	if (rc)
		return rc;
	v = json_object_get(r->in, "xlsx");
	if (v) {
		/* an .xlsx workbook, base64: its first sheet becomes CSV */
		const char *b64 = json_string_value(v);
		size_t n = b64 ? json_string_length(v) : 0, blen = 0;
		unsigned char *bin = b64 ? arena_alloc(r->arena, n * 3 / 4 + 4) : NULL;
		struct buf b;

		if (!b64)
			return ps_fail_field(&r->err, PS_EINVAL, "xlsx", "xlsx 应为 base64 文本");
		if (!bin)
			return ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
		if (sodium_base642bin(bin, n * 3 / 4 + 4, b64, n, "\r\n", &blen, NULL,
				      sodium_base64_VARIANT_ORIGINAL) != 0)
			return ps_fail_field(&r->err, PS_EINVAL, "xlsx", "xlsx 内容不是合法的 base64");
		buf_init(&b, 64u << 20);
		rc = xlsx_to_csv(bin, blen, &b, &r->err);
		if (rc)
			return rc;
		*text = arena_strndup(r->arena, buf_str(&b), b.len);
		*len = b.len;
		buf_release(&b);
		return *text ? PS_OK : ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
	}
	v = json_object_get(r->in, "csv");
	if (!json_is_string(v))
		return ps_fail_field(&r->err, PS_EINVAL, "csv", "csv 应为文件内容（文本；GBK 文件请先按字节转为 latin1 文本并注明 encoding）");
	if (enc && strcmp(enc, "utf-8") && strcmp(enc, "utf8")) {
		/* a GBK file travels as latin1 code points: one byte per char */
		const unsigned char *s = (const unsigned char *)json_string_value(v);
		size_t n = json_string_length(v), o = 0;
		char *bytes = arena_alloc(r->arena, n + 1);

		if (!bytes)
			return ps_fail(&r->err, PS_ENOMEM, NULL, NULL, "内存不足");
		for (size_t i = 0; i < n; i++) {
			if (s[i] < 0x80)
				bytes[o++] = (char)s[i];
			else if ((s[i] == 0xc2 || s[i] == 0xc3) && i + 1 < n)
				bytes[o++] = (char)(((s[i] & 0x03) << 6) | (s[i + 1] & 0x3f)), i++;
			else
				return ps_fail_field(&r->err, PS_EINVAL, "csv", "GBK 文件内容应以 latin1 文本传送");
		}
		*text = text_to_utf8(r->arena, bytes, o, enc, len);
		if (!*text)
			return ps_fail_field(&r->err, PS_EINVAL, "encoding", "文件编码不正确或无法识别");
		return PS_OK;
	}
	/* Excel's "CSV UTF-8" starts with a byte-order mark: the CSV reader
	 * skips it */
	*text = json_string_value(v);
	*len = json_string_length(v);
	return PS_OK;
}

int api_persons_import(struct req *r)
{
	const char *text, *what = NULL;
	size_t len;
	json_t *out;
	int rc = csv_text(r, &text, &len);

	if (!rc) rc = json_get_str(r->in, "what", 0, 16, &what, &r->err);
	if (!rc) rc = imports_run(&r->ctx, what ? what : "persons", text, len, &out);
	return DONE(rc, 200, out);
}

int api_rentals_list(struct req *r)
{
	int64_t overdue;
	json_t *out;
	int rc = req_query_int(r, "overdue", 0, 1, 0, &overdue);

	if (!rc) rc = rentals_list(&r->ctx, (int)overdue, req_query(r, "due_on"), &out);
	return DONE(rc, 200, out);
}

int api_rentals_create(struct req *r)
{
	static const char *const keys[] = { "address_id", "landlord_id", "rooms", "letter_signed_on",
					    "letter_expires_on", "level", NULL };
	struct rental_input in = { 0 };
	int64_t rooms = 1;
	json_t *out;
	int rc = req_body(r, keys);

	if (!rc) rc = json_get_int(r->in, "address_id", 1, 1, INT64_MAX, &in.address_id, NULL, &r->err);
	if (!rc) rc = json_get_int(r->in, "landlord_id", 1, 1, INT64_MAX, &in.landlord_id, NULL, &r->err);
	if (!rc) rc = json_get_int(r->in, "rooms", 0, 1, 500, &rooms, NULL, &r->err);
	if (!rc) rc = json_get_str(r->in, "letter_signed_on", 0, 10, &in.letter_signed_on, &r->err);
	if (!rc) rc = json_get_str(r->in, "letter_expires_on", 0, 10, &in.letter_expires_on, &r->err);
	if (!rc) rc = json_get_str(r->in, "level", 1, 16, &in.level, &r->err);
	in.rooms = (int)rooms;
	if (!rc) rc = rentals_create(&r->ctx, &in, &out);
	return DONE(rc, 201, out);
}

int api_rentals_get(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = rentals_get(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

int api_rentals_visit(struct req *r)
{
	static const char *const keys[] = { "visited_on", "findings", "level", NULL };
	const char *on = NULL, *findings = NULL, *level = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "visited_on", 0, 10, &on, &r->err);
	if (!rc) rc = json_get_str(r->in, "findings", 1, 2000, &findings, &r->err);
	if (!rc) rc = json_get_str(r->in, "level", 0, 16, &level, &r->err);
	if (!rc) rc = rentals_visit(&r->ctx, id, on, findings, level, &out);
	return DONE(rc, 201, out);
}

int api_rentals_case(struct req *r)
{
	static const char *const keys[] = { "case_id", NULL };
	int64_t id, case_id = 0;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_int(r->in, "case_id", 1, 1, INT64_MAX, &case_id, NULL, &r->err);
	if (!rc) rc = rentals_link_case(&r->ctx, id, case_id, &out);
	return DONE(rc, 201, out);
}

int api_tenancies_create(struct req *r)
{
	static const char *const keys[] = { "person_id", "from_date", "to_date", "layer", NULL };
	const char *from = NULL, *to = NULL, *layer = NULL;
	int64_t id, person = 0;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_int(r->in, "person_id", 1, 1, INT64_MAX, &person, NULL, &r->err);
	if (!rc) rc = json_get_str(r->in, "from_date", 1, 10, &from, &r->err);
	if (!rc) rc = json_get_str(r->in, "to_date", 0, 10, &to, &r->err);
	if (!rc) rc = json_get_str(r->in, "layer", 0, 16, &layer, &r->err);
	if (!rc) rc = tenancies_create(&r->ctx, id, person, from, to, layer, &out);
	return DONE(rc, 201, out);
}

int api_tenancies_end(struct req *r)
{
	static const char *const keys[] = { "to_date", NULL };
	const char *to = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc && r->in) {
		rc = req_body(r, keys);
		if (!rc) rc = json_get_str(r->in, "to_date", 0, 10, &to, &r->err);
	}
	if (!rc) rc = tenancies_end(&r->ctx, id, to, &out);
	return DONE(rc, 200, out);
}

int api_floating_register(struct req *r)
{
	static const char *const keys[] = { "person_id", "employer_id", "registered_on", "permit_no",
					    "permit_issued_on", "permit_expires_on", "mode", "layer", NULL };
	struct floating_input in = { 0 };
	json_t *out;
	int rc = req_body(r, keys);

	if (!rc) rc = json_get_int(r->in, "person_id", 1, 1, INT64_MAX, &in.person_id, NULL, &r->err);
	if (!rc) rc = json_get_int(r->in, "employer_id", 0, 1, INT64_MAX, &in.employer_id, NULL, &r->err);
	if (!rc) rc = json_get_str(r->in, "registered_on", 1, 10, &in.registered_on, &r->err);
	if (!rc) rc = json_get_str(r->in, "permit_no", 0, 32, &in.permit_no, &r->err);
	if (!rc) rc = json_get_str(r->in, "permit_issued_on", 0, 10, &in.permit_issued_on, &r->err);
	if (!rc) rc = json_get_str(r->in, "permit_expires_on", 0, 10, &in.permit_expires_on, &r->err);
	if (!rc) rc = json_get_str(r->in, "mode", 1, 16, &in.mode, &r->err);
	if (!rc) rc = json_get_str(r->in, "layer", 1, 16, &in.layer, &r->err);
	if (!rc) rc = floating_register(&r->ctx, &in, &out);
	return DONE(rc, 200, out);
}

int api_employers_list(struct req *r)
{
	json_t *out;
	int rc = employers_list(&r->ctx, &out);

	return DONE(rc, 200, out);
}

int api_employers_create(struct req *r)
{
	static const char *const keys[] = { "name", "address_id", "contact", "phone", "letter_signed_on",
					    NULL };
	const char *name = NULL, *contact = NULL, *phone = NULL, *letter = NULL;
	int64_t addr = 0;
	json_t *out;
	int rc = req_body(r, keys);

	if (!rc) rc = json_get_str(r->in, "name", 1, 64, &name, &r->err);
	if (!rc) rc = json_get_int(r->in, "address_id", 0, 1, INT64_MAX, &addr, NULL, &r->err);
	if (!rc) rc = json_get_str(r->in, "contact", 0, 32, &contact, &r->err);
	if (!rc) rc = json_get_str(r->in, "phone", 0, 20, &phone, &r->err);
	if (!rc) rc = json_get_str(r->in, "letter_signed_on", 0, 10, &letter, &r->err);
	if (!rc) rc = employers_create(&r->ctx, name, addr, contact, phone, letter, &out);
	return DONE(rc, 201, out);
}

int api_employers_report(struct req *r)
{
	static const char *const keys[] = { "month", "arrivals", "departures", NULL };
	const char *month = NULL;
	int64_t id, arr = 0, dep = 0;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "month", 1, 7, &month, &r->err);
	if (!rc) rc = json_get_int(r->in, "arrivals", 1, 0, 100000, &arr, NULL, &r->err);
	if (!rc) rc = json_get_int(r->in, "departures", 1, 0, 100000, &dep, NULL, &r->err);
	if (!rc) rc = employers_report(&r->ctx, id, month, (int)arr, (int)dep, &out);
	return DONE(rc, 200, out);
}

int api_wanted_list(struct req *r)
{
	int64_t active;
	json_t *out;
	int rc = req_query_int(r, "active", 0, 1, 1, &active);

	if (!rc) rc = wanted_list(&r->ctx, (int)active, &out);
	return DONE(rc, 200, out);
}

int api_wanted_put(struct req *r)
{
	static const char *const keys[] = { "id_number", "name", "case_desc", "issuing_unit", "issued_on",
					    "withdrawn", NULL };
	struct wanted_input in = { 0 };
	int hits = 0;
	int rc = req_body(r, keys);

	if (!rc) rc = json_get_str(r->in, "id_number", 1, 18, &in.id_number, &r->err);
	if (!rc) rc = json_get_str(r->in, "name", 1, 32, &in.name, &r->err);
	if (!rc) rc = json_get_str(r->in, "case_desc", 1, 200, &in.case_desc, &r->err);
	if (!rc) rc = json_get_str(r->in, "issuing_unit", 1, 64, &in.issuing_unit, &r->err);
	if (!rc) rc = json_get_str(r->in, "issued_on", 1, 10, &in.issued_on, &r->err);
	if (!rc) rc = json_get_bool(r->in, "withdrawn", 0, &in.withdrawn, NULL, &r->err);
	if (!rc) rc = wanted_put(&r->ctx, &in, &hits);
	return DONE(rc, 200, json_pack("{s:i}", "new_hits", hits));
}

int api_wanted_import(struct req *r)
{
	const char *text;
	size_t len;
	json_t *out;
	int rc = csv_text(r, &text, &len);

	if (!rc) rc = wanted_import(&r->ctx, text, len, &out);
	return DONE(rc, 200, out);
}

int api_hits_list(struct req *r)
{
	int64_t open;
	json_t *out;
	int rc = req_query_int(r, "open", 0, 1, 0, &open);

	if (!rc) rc = hits_list(&r->ctx, (int)open, &out);
	return DONE(rc, 200, out);
}

int api_hits_step(struct req *r)
{
	static const char *const keys[] = { "feedback", NULL };
	const char *fb = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc && r->in) {
		rc = req_body(r, keys);
		if (!rc) rc = json_get_str(r->in, "feedback", 0, 2000, &fb, &r->err);
	}
	if (!rc) rc = hits_step(&r->ctx, id, r->params[1], fb, &out);
	return DONE(rc, 200, out);
}

int api_letters_list(struct req *r)
{
	int64_t open;
	json_t *out;
	int rc = req_query_int(r, "open", 0, 1, 0, &open);

	if (!rc) rc = letters_list(&r->ctx, (int)open, &out);
	return DONE(rc, 200, out);
}

int api_letters_create(struct req *r)
{
	static const char *const keys[] = { "person_id", "to_unit", "sent_on", NULL };
	const char *to = NULL, *on = NULL;
	int64_t person = 0;
	json_t *out;
	int rc = req_body(r, keys);

	if (!rc) rc = json_get_int(r->in, "person_id", 1, 1, INT64_MAX, &person, NULL, &r->err);
	if (!rc) rc = json_get_str(r->in, "to_unit", 1, 64, &to, &r->err);
	if (!rc) rc = json_get_str(r->in, "sent_on", 1, 10, &on, &r->err);
	if (!rc) rc = letters_create(&r->ctx, person, to, on, &out);
	return DONE(rc, 201, out);
}

int api_letters_answer(struct req *r)
{
	static const char *const keys[] = { "answered_on", "result", "notes", NULL };
	const char *on = NULL, *result = NULL, *notes = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = req_body(r, keys);
	if (!rc) rc = json_get_str(r->in, "answered_on", 1, 10, &on, &r->err);
	if (!rc) rc = json_get_str(r->in, "result", 1, 16, &result, &r->err);
	if (!rc) rc = json_get_str(r->in, "notes", 0, 1000, &notes, &r->err);
	if (!rc) rc = letters_answer(&r->ctx, id, on, result, notes, &out);
	return DONE(rc, 200, out);
}

int api_population_summary(struct req *r)
{
	json_t *out;
	int rc = population_summary(&r->ctx, &out);

	return DONE(rc, 200, out);
}
