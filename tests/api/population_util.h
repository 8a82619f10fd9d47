/* population_util.h — static helpers for the 一标三实 API stories (issue 6):
 * sessions that survive moves of the server's clock, local (UTC+8) days,
 * fresh ID numbers, person registration, list lookups, the station summary
 * and a GBK copy of a text. Included by api_population.c only; every
 * expected figure stays in the stories. */
#ifndef PS_TEST_POPULATION_UTIL_H
#define PS_TEST_POPULATION_UTIL_H

#include "case_util.h"

#define PDAY 86400LL

/* ---- sessions: one per user, logged in again after the clock moved ---- */

static struct {
	char user[32];
	struct session *s;
	int64_t off;
} pu_who[16];
static int pu_nwho;

CU_STATIC struct session *U_(struct server *srv, const char *user)
{
	int i;

	for (i = 0; i < pu_nwho && strcmp(pu_who[i].user, user) != 0; i++)
		;
	if (i == pu_nwho) {
		if (pu_nwho == (int)(sizeof(pu_who) / sizeof(pu_who[0])))
			fail_msg("too many users");
		snprintf(pu_who[pu_nwho++].user, sizeof(pu_who[0].user), "%s", user);
		pu_who[i].s = NULL;
	}
	if (!pu_who[i].s || pu_who[i].off != srv->clock_offset) {
		pu_who[i].s = login(srv, user, DEMO_PW);
		pu_who[i].off = srv->clock_offset;
	}
	return pu_who[i].s;
}
#define U(user) U_(srv, user)

/* ---- local days (Asia/Shanghai, UTC+8, whatever the test machine's TZ) ---- */

CU_STATIC long long today_days(const struct server *srv)
{
	return ((long long)time(NULL) + srv->clock_offset + 8 * 3600) / PDAY;
}

CU_STATIC struct tm day_tm(long long days)
{
	time_t t = (time_t)(days * PDAY);
	struct tm tm;

	gmtime_r(&t, &tm);
	return tm;
}

/* "YYYY-MM-DD" of the server's today + delta days */
CU_STATIC const char *dstr(struct server *srv, long long delta)
{
	struct tm tm = day_tm(today_days(srv) + delta);

	return fmt(srv, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* ---- ID numbers and persons ---- */

/* A fresh valid 18-digit number (area 320106, unused by the demo county). */
CU_STATIC const char *newid(struct server *srv)
{
	static int n;

	n++;
	return id_number_at(srv, "320106", 1960 + n % 40, 1 + n % 12, 1 + n % 28, 100 + n);
}

CU_STATIC struct resp *person_post(struct server *srv, const char *user, const char *name,
				const char *idno, const char *kind, const char *phone)
{
	json_t *o = json_pack("{s:s, s:s}", "name", name, "id_number", idno);

	if (kind)
		json_object_set_new(o, "kind", json_string(kind));
	if (phone)
		json_object_set_new(o, "phone", json_string(phone));
	return http(srv, U(user), "POST", API "/persons", jdump(srv, o));
}

/* Register a new person as minjing3; asserts 201 and returns the id. */
CU_STATIC long long person_new(struct server *srv, const char *name, const char *idno,
			    const char *kind, const char *phone)
{
	struct resp *r = person_post(srv, "minjing3", name, idno, kind, phone);

	EXPECT(r, 201);
	return rnum(r, "person.id");
}

/* ---- lists ---- */

/* The element of array path of r whose key equals id, or NULL. */
CU_STATIC json_t *find_in(const struct resp *r, const char *path, const char *key, long long id)
{
	json_t *it;
	size_t i;

	json_array_foreach(jpath(r->json, path), i, it)
		if (jint(it, key) == id)
			return it;
	return NULL;
}

/* percent-encode s for a query string */
CU_STATIC const char *urlenc(struct server *srv, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char out[512];
	size_t o = 0;

	for (; *s && o + 4 < sizeof(out); s++) {
		unsigned char u = (unsigned char)*s;

		if ((u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u == '-') {
			out[o++] = (char)u;
		} else {
			out[o++] = '%';
			out[o++] = hex[u >> 4];
			out[o++] = hex[u & 15];
		}
	}
	out[o] = '\0';
	return fmt(srv, "%s", out);
}

/* GET /persons?QUERY as minjing3 (200 asserted) */
CU_STATIC struct resp *search(struct server *srv, const char *query)
{
	struct resp *r = http(srv, U("minjing3"), "GET", fmt(srv, API "/persons?per_page=200&%s", query),
			      NULL);

	EXPECT(r, 200);
	return r;
}

/* the station page of 城关, as its chief */
CU_STATIC struct resp *summary(struct server *srv)
{
	struct resp *r = http(srv, U("suozhang"), "GET", API "/population/summary", NULL);

	EXPECT(r, 200);
	return r;
}

/* an error answer with status and, when field is not NULL, error.field */
CU_STATIC void expect_field_at(struct server *srv, const struct resp *r, long status, const char *field,
			    const char *file, int line)
{
	assert_error_at(srv, r, status, NULL, file, line);
	if (field && strcmp(rstr(r, "error.field"), field) != 0)
		CU_FAIL(file, line, "expected field %s, got '%s': %.600s", field, rstr(r, "error.field"),
			r->body);
}
#define EXPECT_FIELD(r, status, field) expect_field_at(srv, r, status, field, __FILE__, __LINE__)

/* ---- GBK ---- */

/* utf8 converted to GB18030 by iconv(1), each byte then written as one
 * latin1 code point (the way the API takes a GBK file). */
CU_STATIC const char *gbk_as_latin1(struct server *srv, const char *utf8)
{
	const char *path = srv_path(srv, "gbk_in.csv");
	FILE *f = fopen(path, "w"), *p;
	unsigned char buf[8192];
	char out[16384];
	size_t n, o = 0;

	if (!f || fputs(utf8, f) < 0 || fclose(f) != 0)
		fail_msg("cannot write %s", path);
	p = popen(fmt(srv, "iconv -f UTF-8 -t GB18030 '%s'", path), "r");
	if (!p)
		fail_msg("popen iconv failed");
	n = fread(buf, 1, sizeof(buf), p);
	if (pclose(p) != 0 || n == 0)
		fail_msg("iconv failed");
	for (size_t i = 0; i < n && o + 3 < sizeof(out); i++) {
		if (buf[i] < 0x80) {
			out[o++] = (char)buf[i];
		} else {
			out[o++] = (char)(0xc0 | (buf[i] >> 6));
			out[o++] = (char)(0x80 | (buf[i] & 0x3f));
		}
	}
	out[o] = '\0';
	return fmt(srv, "%s", out);
}

/* ---- the registry ---- */

/* 1 when every item's name of r contains part */
CU_STATIC int all_named(const struct resp *r, const char *part)
{
	json_t *it;
	size_t i;

	json_array_foreach(jpath(r->json, "items"), i, it)
		if (!strstr(jstr(it, "name"), part))
			return 0;
	return 1;
}

/* an address of the station as minjing3 */
CU_STATIC long long address_new(struct server *srv, const char *community, const char *room)
{
	struct resp *r = http(srv, U("minjing3"), "POST", API "/addresses",
			      J(srv, "{s:s, s:s, s:s, s:s}", "community", community, "building", "1号楼",
				"unit_no", "1单元", "room", room));

	EXPECT(r, 201);
	return rnum(r, "address.id");
}

CU_STATIC struct resp *rental_post(struct server *srv, long long addr, long long landlord, const char *level)
{
	return http(srv, U("minjing3"), "POST", API "/rentals",
		    J(srv, "{s:I, s:I, s:i, s:s, s:s, s:s}", "address_id", (json_int_t)addr, "landlord_id",
		      (json_int_t)landlord, "rooms", 2, "letter_signed_on", dstr(srv, 0), "letter_expires_on",
		      dstr(srv, 365), "level", level));
}

CU_STATIC long long rental_new(struct server *srv, const char *room, const char *level)
{
	long long landlord = person_new(srv, "房东某", newid(srv), NULL, NULL);
	struct resp *r = rental_post(srv, address_new(srv, "走访测试社区", room), landlord, level);

	EXPECT(r, 201);
	return rnum(r, "rental.id");
}

CU_STATIC struct resp *visit(struct server *srv, long long rental, const char *on, const char *level)
{
	json_t *o = json_pack("{s:s}", "findings", "出租屋及承租人情况正常，消防通道畅通。");

	if (on)
		json_object_set_new(o, "visited_on", json_string(on));
	if (level)
		json_object_set_new(o, "level", json_string(level));
	return http(srv, U("fujing"), "POST", fmt(srv, API "/rentals/%lld/visits", rental), jdump(srv, o));
}

CU_STATIC struct resp *overdue_list(struct server *srv)
{
	struct resp *r = http(srv, U("suozhang"), "GET", API "/rentals?overdue=1&per_page=200", NULL);

	EXPECT(r, 200);
	return r;
}

CU_STATIC struct resp *wanted_post(struct server *srv, const char *user, const char *idno, const char *name,
				int withdrawn)
{
	return http(srv, U(user), "POST", API "/wanted",
		    J(srv, "{s:s, s:s, s:s, s:s, s:s, s:b}", "id_number", idno, "name", name, "case_desc",
		      "涉嫌诈骗（网上追逃）", "issuing_unit", "某市公安局刑侦支队", "issued_on", "2026-09-01",
		      "withdrawn", withdrawn));
}

CU_STATIC struct resp *hits(struct server *srv, const char *user, int open)
{
	struct resp *r = http(srv, U(user), "GET", fmt(srv, API "/hits?open=%d", open), NULL);

	EXPECT(r, 200);
	return r;
}

CU_STATIC struct resp *hit_step(struct server *srv, const char *user, long long id, const char *step,
			     const char *body)
{
	return http(srv, U(user), "POST", fmt(srv, API "/hits/%lld/%s", id, step), body);
}

/* a control-layer floating person (直接管理) */
CU_STATIC long long control_person(struct server *srv, const char *name)
{
	long long id = person_new(srv, name, newid(srv), "temporary", NULL);
	struct resp *r = http(srv, U("minjing3"), "POST", API "/floating",
			      J(srv, "{s:I, s:s, s:s, s:s, s:s}", "person_id", (json_int_t)id,
				"registered_on", dstr(srv, -40), "permit_no", "JZZ2026T0001", "mode", "direct",
				"layer", "control"));

	EXPECT(r, 200);
	EXPECT_STR(r, "floating.layer", "control");
	return id;
}

CU_STATIC long long letter_of(struct server *srv, long long person, int open)
{
	struct resp *r = http(srv, U("minjing3"), "GET", fmt(srv, API "/letters?open=%d", open), NULL);
	json_t *it;

	EXPECT(r, 200);
	it = find_in(r, "items", "person_id", person);
	return it ? jint(it, "id") : 0;
}

CU_STATIC struct resp *import_csv(struct server *srv, const char *csv, const char *encoding)
{
	json_t *o = json_pack("{s:s}", "csv", csv);

	if (encoding)
		json_object_set_new(o, "encoding", json_string(encoding));
	return http(srv, U("minjing3"), "POST", API "/persons/import", jdump(srv, o));
}

/* A beat of 城关 held by minjing2, made by the chief, with one grid holding
 * one new address of community; n residents there named prefix0, prefix1 …
 * (their person ids in pid[]). Returns the beat id; *addr_out (may be NULL)
 * the address. */
CU_STATIC long long beat_with_residents(struct server *srv, const char *beat_name, const char *community,
					const char *prefix, int n, long long *pid, long long *addr_out)
{
	struct resp *r = http(srv, U("suozhang"), "POST", API "/beats",
			      J(srv, "{s:s, s:I}", "name", beat_name, "officer_id",
				(json_int_t)user_id(srv, U("admin"), "minjing2")));
	long long beat, grid, addr;

	EXPECT(r, 201);
	beat = rnum(r, "beat.id");
	r = http(srv, U("suozhang"), "POST", fmt(srv, API "/beats/%lld/grids", beat), J(srv, "{s:s}", "name", "一网格"));
	EXPECT(r, 201);
	grid = rnum(r, "grid.id");
	r = http(srv, U("suozhang"), "POST", API "/addresses",
		 J(srv, "{s:s, s:s, s:s, s:s}", "community", community, "building", "1号楼", "unit_no", "1单元", "room",
		   "101"));
	EXPECT(r, 201);
	addr = rnum(r, "address.id");
	EXPECT(http(srv, U("suozhang"), "POST", fmt(srv, API "/grids/%lld/addresses", grid),
		    J(srv, "{s:[I]}", "address_ids", (json_int_t)addr)),
	       200);
	for (int i = 0; i < n; i++) {
		r = http(srv, U("suozhang"), "POST", API "/persons",
			 J(srv, "{s:s, s:s, s:s, s:I}", "name", fmt(srv, "%s%d", prefix, i), "id_number", newid(srv), "kind",
			   "resident", "address_id", (json_int_t)addr));
		EXPECT(r, 201);
		pid[i] = rnum(r, "person.id");
	}
	if (addr_out)
		*addr_out = addr;
	return beat;
}

/* 列管 by user (COM-ZD-ENLIST): body is POST /key-persons's; an officer's
 * request (202) is approved by the station's chief, the chief's own listing
 * takes effect at once (201). Returns the key person's id. */
CU_STATIC long long kp_enlist(struct server *srv, const char *user, const char *body)
{
	struct resp *r = http(srv, U(user), "POST", API "/key-persons", body);

	if (r->status == 202) {
		r = http(srv, U("suozhang"), "POST", fmt(srv, API "/key-person-listings/%lld/decision",
							 rnum(r, "listing.id")),
			 "{\"approve\":true}");
		EXPECT(r, 200);
		return rnum(r, "listing.key_person_id");
	}
	EXPECT(r, 201);
	return rnum(r, "key_person.id");
}

/* the answer of an import of the fixture below */

#endif
