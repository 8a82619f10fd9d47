/* population.c — /persons, /rentals, /tenancies, /floating,
 * /employers, /wanted, /hits, /letters, /population/summary (issue 6). */
#include "api/api.h"
#include "api/handlers.h"
#include "api/fields.h"
#include "api/imports.h"
#include "domain/population/imports.h"
#include "domain/population/persons.h"
#include "domain/population/population_summary.h"
#include "domain/population/rentals.h"
#include "domain/population/rental_penalties.h"
#include "domain/population/tenancies.h"
#include "domain/population/floating.h"
#include "domain/population/employers.h"
#include "domain/population/hits.h"
#include "domain/population/letters.h"
#include "domain/population/wanted.h"
#include "core/json.h"

#include <string.h>

#define DONE(rc, status, out) ((rc) ? (rc) : req_reply(r, (status), (out)))

int api_persons_search(struct req *r)
{
	struct person_filter f = { 0 };
	struct jw w;
	int rc;

	f.name = req_query(r, "name");
	f.id_prefix = req_query(r, "id_prefix");
	f.phone = req_query(r, "phone");
	f.address = req_query(r, "address");
	f.kind = req_query(r, "kind");
	rc = req_query_int(r, "page", 1, 1000000, 1, &f.page);
	if (!rc) rc = req_query_int(r, "per_page", 1, 200, 20, &f.per_page);
	r->no_store = 1;
	if (rc)
		return rc;
	req_answer_open(&w);
	return req_answer_close(r, persons_search(&r->ctx, &f, &w), 200, &w);
}

struct persons_register_body {
	const char *id_number;
	const char *name;
	const char *sex;
	const char *birth_date;
	const char *phone;
	const char *kind;
	const char *household_no;
	const char *key_tags;
	int64_t address_id;
	int address_id_given;
	int key_person;
	int key_person_given;
};

const struct field persons_register_fields[] = {
	FSTR(struct persons_register_body, id_number, "id_number", 1, 18),
	FSTR(struct persons_register_body, name, "name", 1, PERSON_NAME_MAX),
	FENUM(struct persons_register_body, sex, "sex", 0, 1, SEX),
	FSTR(struct persons_register_body, birth_date, "birth_date", 0, 10),
	FSTR(struct persons_register_body, phone, "phone", 0, PERSON_PHONE_MAX),
	FENUM(struct persons_register_body, kind, "kind", 0, 16, PERSON_KIND),
	FSTR(struct persons_register_body, household_no, "household_no", 0, 32),
	FSTR(struct persons_register_body, key_tags, "key_tags", 0, 200),
	FINTP(struct persons_register_body, address_id, address_id_given, "address_id", 1, INT64_MAX),
	FBOOLP(struct persons_register_body, key_person, key_person_given, "key_person"),
	FEND,
};

int api_persons_register(struct req *r)
{
	struct persons_register_body body_in = { 0 };
	struct person_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, persons_register_fields, &body_in, &r->err);
	if (!rc) {
		in.id_number = body_in.id_number;
		in.name = body_in.name;
		in.sex = body_in.sex;
		in.birth_date = body_in.birth_date;
		in.phone = body_in.phone;
		in.kind = body_in.kind;
		in.household_no = body_in.household_no;
		in.key_tags = body_in.key_tags;
		if (body_in.address_id_given)
			in.address_id = body_in.address_id;
		if (body_in.key_person_given)
			in.key_person = body_in.key_person;
		in.has_key_person = body_in.key_person_given;
	}

	if (!rc) rc = persons_register(&r->ctx, &in, &out);
	return DONE(rc, json_is_true(json_object_get(out, "created")) ? 201 : 200, out);
}

int api_persons_get(struct req *r)
{
	struct jw w;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	r->no_store = 1;
	if (rc)
		return rc;
	jw_init(&w, API_ANSWER_MAX);
	rc = persons_write(&r->ctx, id, &w);
	if (!rc)
		rc = req_reply_jw(r, 200, &w);
	jw_release(&w);
	return rc;
}

static const char *const import_what_values[] = { "persons", "rentals", "tenancies", NULL };

const struct field wanted_import_fields[] = {
	IMPORT_FIELDS,
	FEND,
};

const struct field persons_import_fields[] = {
	IMPORT_FIELDS,
	FONEOF(struct import_body, what, "what", 0, 16, import_what_values),
	IMPORT_PART_FIELD,
	FEND,
};

int api_persons_import(struct req *r)
{
	struct import_body in = { 0 };
	const char *text = NULL;
	size_t len = 0;
	json_t *out = NULL;
	int rc = api_import_file(r, persons_import_fields, &text, &len);

	if (rc || r->preparing)
		return rc;
	rc = fields_bind(r->in, persons_import_fields, &in, &r->err);
	if (!rc)
		rc = imports_run(&r->ctx, in.what ? in.what : "persons", text, len, in.all_or_nothing,
				 IMPORT_FIRST_ROW(in), &out);
	return api_import_done(r, rc, out);
}

int api_rentals_list(struct req *r)
{
	struct rental_filter f = { 0 };
	struct jw w;
	int64_t overdue;
	int rc = req_query_int(r, "overdue", 0, 1, 0, &overdue);

	f.overdue = (int)overdue;
	f.due_on = req_query(r, "due_on");
	f.level = req_query(r, "level");
	f.q = req_query(r, "q");
	if (!rc) rc = req_query_int(r, "page", 1, 1000000, 1, &f.page);
	if (!rc) rc = req_query_int(r, "per_page", 1, 200, 20, &f.per_page);
	if (rc)
		return rc;
	req_answer_open(&w);
	return req_answer_close(r, rentals_list(&r->ctx, &f, &w), 200, &w);
}

struct rentals_create_body {
	int64_t address_id;
	int address_id_given;
	int64_t landlord_id;
	int landlord_id_given;
	int64_t rooms;
	int rooms_given;
	const char *letter_signed_on;
	const char *letter_expires_on;
	const char *level;
};

const struct field rentals_create_fields[] = {
	FINT(struct rentals_create_body, address_id, "address_id", 1, 1, INT64_MAX),
	FINT(struct rentals_create_body, landlord_id, "landlord_id", 1, 1, INT64_MAX),
	FINTP(struct rentals_create_body, rooms, rooms_given, "rooms", 1, 500),
	FSTR(struct rentals_create_body, letter_signed_on, "letter_signed_on", 0, 10),
	FSTR(struct rentals_create_body, letter_expires_on, "letter_expires_on", 0, 10),
	FENUM(struct rentals_create_body, level, "level", 1, 16, RENTAL_LEVEL),
	FEND,
};

int api_rentals_create(struct req *r)
{
	struct rentals_create_body body_in = { 0 };
	struct rental_input in = { 0 };
	int64_t rooms = 1;
	json_t *out;
	int rc = fields_bind(r->in, rentals_create_fields, &body_in, &r->err);
	if (!rc) {
		in.address_id = body_in.address_id;
		in.landlord_id = body_in.landlord_id;
		if (body_in.rooms_given)
			rooms = body_in.rooms;
		in.letter_signed_on = body_in.letter_signed_on;
		in.letter_expires_on = body_in.letter_expires_on;
		in.level = body_in.level;
	}

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

struct rentals_visit_body {
	const char *visited_on;
	const char *findings;
	const char *level;
	struct rental_penalty pen;
};

const struct field rentals_visit_fields[] = {
	FSTR(struct rentals_visit_body, visited_on, "visited_on", 0, 10),
	FSTR(struct rentals_visit_body, findings, "findings", 1, 2000),
	FENUM(struct rentals_visit_body, level, "level", 0, 16, RENTAL_LEVEL),
	/* a penalty the finding proposes (COM-RENT-STATUS) */
	FSTR(struct rentals_visit_body, pen.offence_code, "offence_code", 0, 8),
	FENUM(struct rentals_visit_body, pen.zl_item, "zl_item", 0, 8, ZL_FINE_ITEM),
	FINT(struct rentals_visit_body, pen.monthly_rent_yuan, "monthly_rent_yuan", 0, 0, 1000000),
	FINT(struct rentals_visit_body, pen.zl_fine_yuan, "zl_fine_yuan", 0, 0, 100000000),
	FEND,
};

int api_rentals_visit(struct req *r)
{
	struct rentals_visit_body body_in = { 0 };
	const char *on = NULL, *findings = NULL, *level = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, rentals_visit_fields, &body_in, &r->err);
	if (!rc) {
		on = body_in.visited_on;
		findings = body_in.findings;
		level = body_in.level;
	}
	if (!rc) rc = rentals_visit_penalty(&r->ctx, id, on, findings, level, &body_in.pen, &out);
	return DONE(rc, 201, out);
}

int api_rentals_penalty_options(struct req *r)
{
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = rental_penalties_options(&r->ctx, id, &out);
	return DONE(rc, 200, out);
}

struct rentals_case_body {
	int64_t case_id;
	int case_id_given;
};

const struct field rentals_case_fields[] = {
	FINT(struct rentals_case_body, case_id, "case_id", 1, 1, INT64_MAX),
	FEND,
};

int api_rentals_case(struct req *r)
{
	struct rentals_case_body body_in = { 0 };
	int64_t id, case_id = 0;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, rentals_case_fields, &body_in, &r->err);
	if (!rc) {
		case_id = body_in.case_id;
	}
	if (!rc) rc = rentals_link_case(&r->ctx, id, case_id, &out);
	return DONE(rc, 201, out);
}

struct tenancies_create_body {
	int64_t person_id;
	int person_id_given;
	const char *from_date;
	const char *to_date;
	const char *layer;
};

const struct field tenancies_create_fields[] = {
	FINT(struct tenancies_create_body, person_id, "person_id", 1, 1, INT64_MAX),
	FSTR(struct tenancies_create_body, from_date, "from_date", 1, 10),
	FSTR(struct tenancies_create_body, to_date, "to_date", 0, 10),
	FENUM(struct tenancies_create_body, layer, "layer", 0, 16, TENANT_LAYER),
	FEND,
};

int api_tenancies_create(struct req *r)
{
	struct tenancies_create_body body_in = { 0 };
	const char *from = NULL, *to = NULL, *layer = NULL;
	int64_t id, person = 0;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, tenancies_create_fields, &body_in, &r->err);
	if (!rc) {
		person = body_in.person_id;
		from = body_in.from_date;
		to = body_in.to_date;
		layer = body_in.layer;
	}
	if (!rc) rc = tenancies_create(&r->ctx, id, person, from, to, layer, &out);
	return DONE(rc, 201, out);
}

struct tenancies_end_body {
	const char *to_date;
};

const struct field tenancies_end_fields[] = {
	FSTR(struct tenancies_end_body, to_date, "to_date", 0, 10),
	FEND,
};

int api_tenancies_end(struct req *r)
{
	struct tenancies_end_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc && r->in)
		rc = fields_bind(r->in, tenancies_end_fields, &b, &r->err);
	if (!rc) rc = tenancies_end(&r->ctx, id, b.to_date, &out);
	return DONE(rc, 200, out);
}

struct floating_register_body {
	int64_t person_id;
	int person_id_given;
	int64_t employer_id;
	int employer_id_given;
	const char *registered_on;
	const char *arrived_on;
	const char *permit_no;
	const char *permit_issued_on;
	const char *permit_expires_on;
	const char *mode;
	const char *layer;
};

const struct field floating_register_fields[] = {
	FINT(struct floating_register_body, person_id, "person_id", 1, 1, INT64_MAX),
	FINTP(struct floating_register_body, employer_id, employer_id_given, "employer_id", 1, INT64_MAX),
	FSTR(struct floating_register_body, registered_on, "registered_on", 1, 10),
	FSTR(struct floating_register_body, arrived_on, "arrived_on", 0, 10),
	FSTR(struct floating_register_body, permit_no, "permit_no", 0, 32),
	FSTR(struct floating_register_body, permit_issued_on, "permit_issued_on", 0, 10),
	FSTR(struct floating_register_body, permit_expires_on, "permit_expires_on", 0, 10),
	FENUM(struct floating_register_body, mode, "mode", 1, 16, FLOATING_MODE),
	FENUM(struct floating_register_body, layer, "layer", 1, 16, FLOATING_LAYER),
	FEND,
};

int api_floating_register(struct req *r)
{
	struct floating_register_body body_in = { 0 };
	struct floating_input in = { 0 };
	json_t *out;
	int rc = fields_bind(r->in, floating_register_fields, &body_in, &r->err);
	if (!rc) {
		in.person_id = body_in.person_id;
		if (body_in.employer_id_given)
			in.employer_id = body_in.employer_id;
		in.registered_on = body_in.registered_on;
		in.arrived_on = body_in.arrived_on;
		in.permit_no = body_in.permit_no;
		in.permit_issued_on = body_in.permit_issued_on;
		in.permit_expires_on = body_in.permit_expires_on;
		in.mode = body_in.mode;
		in.layer = body_in.layer;
	}

	if (!rc) rc = floating_register(&r->ctx, &in, &out);
	return DONE(rc, 200, out);
}

int api_employers_list(struct req *r)
{
	json_t *out;
	int rc = employers_list(&r->ctx, &out);

	return DONE(rc, 200, out);
}

struct employers_create_body {
	const char *name;
	int64_t address_id;
	int address_id_given;
	const char *contact;
	const char *phone;
	const char *letter_signed_on;
};

const struct field employers_create_fields[] = {
	FSTR(struct employers_create_body, name, "name", 1, 64),
	FINTP(struct employers_create_body, address_id, address_id_given, "address_id", 1, INT64_MAX),
	FSTR(struct employers_create_body, contact, "contact", 0, 32),
	FSTR(struct employers_create_body, phone, "phone", 0, 20),
	FSTR(struct employers_create_body, letter_signed_on, "letter_signed_on", 0, 10),
	FEND,
};

int api_employers_create(struct req *r)
{
	struct employers_create_body body_in = { 0 };
	const char *name = NULL, *contact = NULL, *phone = NULL, *letter = NULL;
	int64_t addr = 0;
	json_t *out;
	int rc = fields_bind(r->in, employers_create_fields, &body_in, &r->err);
	if (!rc) {
		name = body_in.name;
		if (body_in.address_id_given)
			addr = body_in.address_id;
		contact = body_in.contact;
		phone = body_in.phone;
		letter = body_in.letter_signed_on;
	}

	if (!rc) rc = employers_create(&r->ctx, name, addr, contact, phone, letter, &out);
	return DONE(rc, 201, out);
}

struct employers_report_body {
	const char *month;
	int64_t arrivals;
	int arrivals_given;
	int64_t departures;
	int departures_given;
};

const struct field employers_report_fields[] = {
	FSTR(struct employers_report_body, month, "month", 1, 7),
	FINT(struct employers_report_body, arrivals, "arrivals", 1, 0, 100000),
	FINT(struct employers_report_body, departures, "departures", 1, 0, 100000),
	FEND,
};

int api_employers_report(struct req *r)
{
	struct employers_report_body body_in = { 0 };
	const char *month = NULL;
	int64_t id, arr = 0, dep = 0;
	json_t *out;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, employers_report_fields, &body_in, &r->err);
	if (!rc) {
		month = body_in.month;
		arr = body_in.arrivals;
		dep = body_in.departures;
	}
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

struct wanted_put_body {
	const char *id_number;
	const char *name;
	const char *case_desc;
	const char *issuing_unit;
	const char *issued_on;
	int withdrawn;
	int withdrawn_given;
};

const struct field wanted_put_fields[] = {
	FSTR(struct wanted_put_body, id_number, "id_number", 1, 18),
	FSTR(struct wanted_put_body, name, "name", 1, 32),
	FSTR(struct wanted_put_body, case_desc, "case_desc", 1, 200),
	FSTR(struct wanted_put_body, issuing_unit, "issuing_unit", 1, 64),
	FSTR(struct wanted_put_body, issued_on, "issued_on", 1, 10),
	FBOOLP(struct wanted_put_body, withdrawn, withdrawn_given, "withdrawn"),
	FEND,
};

int api_wanted_put(struct req *r)
{
	struct wanted_put_body body_in = { 0 };
	struct wanted_input in = { 0 };
	int hits = 0;
	int rc = fields_bind(r->in, wanted_put_fields, &body_in, &r->err);
	if (!rc) {
		in.id_number = body_in.id_number;
		in.name = body_in.name;
		in.case_desc = body_in.case_desc;
		in.issuing_unit = body_in.issuing_unit;
		in.issued_on = body_in.issued_on;
		if (body_in.withdrawn_given)
			in.withdrawn = body_in.withdrawn;
	}

	if (!rc) rc = wanted_put(&r->ctx, &in, &hits);
	return DONE(rc, 200, json_pack("{s:i}", "new_hits", hits));
}

int api_wanted_withdraw(struct req *r)
{
	int64_t id;
	int hits = 0;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = wanted_withdraw(&r->ctx, id, &hits);
	return DONE(rc, 200, json_pack("{s:i}", "new_hits", hits));
}

int api_wanted_import(struct req *r)
{
	const char *text = NULL;
	size_t len = 0;
	json_t *out = NULL;
	int rc = api_import_file(r, wanted_import_fields, &text, &len);

	if (rc || r->preparing)
		return rc;
	rc = wanted_import(&r->ctx, text, len, api_import_all(r), &out);
	return api_import_done(r, rc, out);
}

int api_hits_list(struct req *r)
{
	int64_t open;
	json_t *out;
	int rc = req_query_int(r, "open", 0, 1, 0, &open);

	if (!rc) rc = hits_list(&r->ctx, (int)open, &out);
	return DONE(rc, 200, out);
}

struct hits_step_body {
	const char *feedback;
};

const struct field hits_step_fields[] = {
	FSTR(struct hits_step_body, feedback, "feedback", 0, 2000),
	FEND,
};

int api_hits_step(struct req *r)
{
	struct hits_step_body b = { 0 };
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc && r->in)
		rc = fields_bind(r->in, hits_step_fields, &b, &r->err);
	if (!rc) rc = hits_step(&r->ctx, id, r->params[1], b.feedback, &out);
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

struct letters_create_body {
	int64_t person_id;
	int person_id_given;
	const char *to_unit;
	const char *sent_on;
};

const struct field letters_create_fields[] = {
	FINT(struct letters_create_body, person_id, "person_id", 1, 1, INT64_MAX),
	FSTR(struct letters_create_body, to_unit, "to_unit", 1, 64),
	FSTR(struct letters_create_body, sent_on, "sent_on", 1, 10),
	FEND,
};

int api_letters_create(struct req *r)
{
	struct letters_create_body body_in = { 0 };
	const char *to = NULL, *on = NULL;
	int64_t person = 0;
	json_t *out;
	int rc = fields_bind(r->in, letters_create_fields, &body_in, &r->err);
	if (!rc) {
		person = body_in.person_id;
		to = body_in.to_unit;
		on = body_in.sent_on;
	}

	if (!rc) rc = letters_create(&r->ctx, person, to, on, &out);
	return DONE(rc, 201, out);
}

struct letters_answer_body {
	const char *answered_on;
	const char *result;
	const char *notes;
};

const struct field letters_answer_fields[] = {
	FSTR(struct letters_answer_body, answered_on, "answered_on", 1, 10),
	FENUM(struct letters_answer_body, result, "result", 1, 16, LETTER_RESULT),
	FSTR(struct letters_answer_body, notes, "notes", 0, 1000),
	FEND,
};

int api_letters_answer(struct req *r)
{
	struct letters_answer_body body_in = { 0 };
	const char *on = NULL, *result = NULL, *notes = NULL;
	json_t *out;
	int64_t id;
	int rc = req_param_id(r, 0, &id);

	if (!rc) rc = fields_bind(r->in, letters_answer_fields, &body_in, &r->err);
	if (!rc) {
		on = body_in.answered_on;
		result = body_in.result;
		notes = body_in.notes;
	}
	if (!rc) rc = letters_answer(&r->ctx, id, on, result, notes, &out);
	return DONE(rc, 200, out);
}

int api_population_summary(struct req *r)
{
	json_t *out;
	int rc = population_summary(&r->ctx, &out);

	return DONE(rc, 200, out);
}
