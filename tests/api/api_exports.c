/* api_exports.c — exports of personal data (TRUST PII-2, AUD-1): a reason is
 * required, the file holds exactly the rows of the caller's unit (counted
 * here by hand: a new station with three registered persons), ID numbers
 * are masked for a clerk and full for the chief, and each export is one
 * audit row with the row count and the reason. */
#include "harness.h"
#include "case_util.h"
#include "core/xlsx.h"
#include "core/buf.h"

#include <stdlib.h>
#include <string.h>

#define PW0 "Shiyan#Start-2026"
#define PW1 "Shiyan#Work-2026x"

/* an account of the new station, with its first password changed */
static struct session *new_user(struct server *srv, struct session *admin, const char *username,
				const char *role, long long unit)
{
	struct session *s;
	struct resp *r = http(srv, admin, "POST", API "/users",
			      fmt(srv, "{\"username\":\"%s\",\"name\":\"试验%s\",\"role\":\"%s\","
				       "\"unit_id\":%lld,\"password\":\"%s\"}",
				  username, role, role, unit, PW0));

	EXPECT(r, 201);
	s = login(srv, username, PW0);
	r = http(srv, s, "POST", API "/me/password",
		 "{\"old_password\":\"" PW0 "\",\"new_password\":\"" PW1 "\"}");
	EXPECT(r, 200);
	return s;
}

static void person(struct server *srv, struct session *s, const char *name, const char *idno,
		   const char *phone)
{
	struct resp *r = http(srv, s, "POST", API "/persons",
			      phone ? fmt(srv, "{\"name\":\"%s\",\"id_number\":\"%s\",\"phone\":\"%s\"}",
					  name, idno, phone)
				    : fmt(srv, "{\"name\":\"%s\",\"id_number\":\"%s\"}", name, idno));

	EXPECT(r, 201);
}

static struct resp *export(struct server *srv, const struct session *s, const char *kind,
			   const char *format, const char *reason)
{
	return http(srv, s, "POST", API "/exports",
		    reason ? fmt(srv, "{\"kind\":\"%s\",\"format\":\"%s\",\"reason\":\"%s\"}", kind,
				 format, reason)
			   : fmt(srv, "{\"kind\":\"%s\",\"format\":\"%s\"}", kind, format));
}

/* lines of a CSV answer (each ends with CRLF) */
static int crlf_lines(const struct resp *r)
{
	int n = 0;

	for (size_t i = 0; i + 1 < r->body_len; i++)
		if (r->body[i] == '\r' && r->body[i + 1] == '\n')
			n++;
	return n;
}

STORY(export_needs_a_reason_holds_the_unit_rows_and_is_audited)
{
	struct session *admin = login(srv, "admin", DEMO_PW), *clerk, *chief, *auditor;
	const char *reason = "治安复核名单核对", *idA, *idB, *idC, *csv;
	long long county = unit_id(srv, admin, "示范县公安局"), unit;
	struct resp *r;

	r = http(srv, admin, "POST", API "/units",
		 fmt(srv, "{\"code\":\"140000011000\",\"name\":\"试验派出所\",\"kind\":\"station\","
			  "\"parent_id\":%lld}", county));
	EXPECT(r, 201);
	unit = unit_id(srv, admin, "试验派出所");
	clerk = new_user(srv, admin, "shiyan_nq", "clerk", unit);
	chief = new_user(srv, admin, "shiyan_sz", "chief", unit);

	/* three persons of the new station, one of 城关 */
	idA = id_number_at(srv, "320106", 1990, 1, 2, 11);
	idB = id_number_at(srv, "320106", 1985, 6, 7, 22);
	idC = id_number_at(srv, "320106", 1979, 11, 30, 33);
	person(srv, clerk, "导出甲", idA, "13912345678");
	person(srv, clerk, "导出乙", idB, NULL);
	person(srv, clerk, "导出丙", idC, NULL);
	person(srv, login(srv, "minjing1", DEMO_PW), "城关外人", id_number_at(srv, "320106", 1991, 3, 4, 45),
	       NULL);

	/* no reason, or one too short or too long: 400 */
	r = export(srv, clerk, "persons", "csv", NULL);
	assert_error(srv, r, 400, NULL);
	assert_string_equal(rstr(r, "error.field"), "reason");
	assert_error(srv, export(srv, clerk, "persons", "csv", "核对"), 400, NULL);
	{
		char longr[700] = "";

		for (int i = 0; i < 201; i++)
			strcat(longr, "查");
		assert_error(srv, export(srv, clerk, "persons", "csv", longr), 400, NULL);
	}
	assert_error(srv, export(srv, clerk, "everything", "csv", reason), 400, NULL);

	/* the clerk's CSV: watermark, header, the three rows; numbers masked */
	r = export(srv, clerk, "persons", "csv", reason);
	EXPECT(r, 200);
	assert_non_null(strstr(resp_header(srv, r, "Content-Type"), "text/csv"));
	assert_non_null(strstr(resp_header(srv, r, "Content-Disposition"), "persons-"));
	assert_string_equal(resp_header(srv, r, "Cache-Control"), "no-store");
	assert_int_equal(crlf_lines(r), 2 + 3);
	csv = r->body;
	assert_non_null(strstr(csv, "shiyan_nq"));   /* the watermark names who */
	assert_non_null(strstr(csv, "身份证号"));
	assert_non_null(strstr(csv, "导出甲"));
	assert_non_null(strstr(csv, "导出丙"));
	assert_null(strstr(csv, "城关外人"));        /* another station's row */
	assert_null(strstr(csv, idA));               /* masked: 320106********+4 */
	assert_non_null(strstr(csv, fmt(srv, "320106********%s", idA + 14)));
	assert_null(strstr(csv, "1990-01-02"));      /* the birth date would unmask */
	assert_null(strstr(csv, "13912345678"));
	assert_non_null(strstr(csv, "139****5678"));

	/* the chief's workbook: the same three rows, numbers in full */
	r = export(srv, chief, "persons", "xlsx", "所长审核辖区人口");
	EXPECT(r, 200);
	assert_non_null(strstr(resp_header(srv, r, "Content-Type"), "spreadsheetml"));
	{
		struct buf b;
		struct ps_err e;
		int lines = 0;

		buf_init(&b, 1 << 20);
		assert_int_equal(xlsx_to_csv((const unsigned char *)r->body, r->body_len, &b, &e), 0);
		for (const char *p = buf_str(&b); *p; p++)
			lines += *p == '\n';
		assert_int_equal(lines, 2 + 3);
		assert_non_null(strstr(buf_str(&b), idA));
		assert_non_null(strstr(buf_str(&b), idC));
		assert_non_null(strstr(buf_str(&b), "1990-01-02"));
		assert_null(strstr(buf_str(&b), "城关外人"));
		buf_release(&b);
	}

	/* the new station has no case, custody entry or seized property yet */
	assert_int_equal(crlf_lines(export(srv, clerk, "cases", "csv", reason)), 2);
	assert_int_equal(crlf_lines(export(srv, clerk, "custody", "csv", reason)), 2);
	/* the property ledger (台账): the station's header line and the total row too */
	assert_int_equal(crlf_lines(export(srv, clerk, "property", "csv", reason)), 4);

	/* who may not export: an officer, the admin, the auditor (PII-2) */
	assert_error(srv, export(srv, login(srv, "minjing1", DEMO_PW), "persons", "csv", reason), 403,
		     NULL);
	assert_error(srv, export(srv, admin, "persons", "csv", reason), 403, NULL);

	/* one audit row per export, with the count and the reason (AUD-1) */
	auditor = login(srv, "auditor", DEMO_PW);
	assert_error(srv, export(srv, auditor, "persons", "csv", reason), 403, NULL);
	r = http(srv, auditor, "GET", API "/audit?action=export.persons&user=shiyan_nq", NULL);
	assert_int_equal(rnum(r, "total"), 1);
	assert_non_null(strstr(rstr(r, "items.0.detail"), "rows=3 "));
	assert_non_null(strstr(rstr(r, "items.0.detail"), "reason=治安复核名单核对"));
	assert_non_null(strstr(rstr(r, "items.0.detail"), "id_numbers=masked"));
	assert_string_equal(rstr(r, "items.0.outcome"), "success");
	r = http(srv, auditor, "GET", API "/audit?action=export.persons&user=shiyan_sz", NULL);
	assert_int_equal(rnum(r, "total"), 1);
	assert_non_null(strstr(rstr(r, "items.0.detail"), "rows=3 "));
	assert_non_null(strstr(rstr(r, "items.0.detail"), "id_numbers=full"));
	assert_non_null(strstr(rstr(r, "items.0.detail"), "reason=所长审核辖区人口"));
	assert_int_equal(audit_count(srv, auditor, "export.cases", "shiyan_nq", "success"), 1);
	/* the refused and the reasonless exports left no success row */
	assert_int_equal(audit_count(srv, auditor, "export.persons", "admin", "success"), 0);
	/* AUD-6: no full ID number in the audit log */
	assert_int_equal(db_raw_int(srv->db, "SELECT (SELECT COUNT(*) FROM audit WHERE detail LIKE '%' || ?1 || '%')"
				    " + (SELECT COUNT(*) FROM audit_read WHERE detail LIKE '%' || ?1 || '%')",
				    idA), 0);
}

/* The export is the list: 城关's clerk gets as many case rows as GET /cases
 * counts for her, and as many ledger rows as 城关 holds. */
STORY(export_rows_are_the_list_rows)
{
	struct session *clerk = login(srv, "neiqin", DEMO_PW);
	struct resp *list = http(srv, clerk, "GET", API "/cases?per_page=1", NULL);
	long long total = rnum(list, "total");
	struct resp *r = export(srv, clerk, "cases", "csv", "月度案件台账");

	EXPECT(r, 200);
	assert_true(total > 0);
	assert_int_equal(crlf_lines(r), 2 + total);
	/* 北社's clerk-less chief sees none of 城关's case numbers */
	{
		struct session *other = login(srv, "beishe_sz", DEMO_PW);
		struct resp *o = export(srv, other, "cases", "csv", "月度案件台账");
		const char *first = rstr(http(srv, clerk, "GET", API "/cases?per_page=1", NULL),
					 "items.0.case_no");

		EXPECT(o, 200);
		assert_true(first[0]);
		assert_null(strstr(o->body, first));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(export_needs_a_reason_holds_the_unit_rows_and_is_audited,
						setup_demo, teardown_server),
		cmocka_unit_test_setup_teardown(export_rows_are_the_list_rows, setup_demo,
						teardown_server),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
