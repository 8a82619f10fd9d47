#include "core/xlsx.h"
#include "core/mem.h"
#include "core/text.h"
#include "core/zip.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Append the XML text s[0..n) with entities decoded. */
static int add_text(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (s[i] != '&') {
			size_t j = i;
			int rc;

			while (j < n && s[j] != '&')
				j++;
			rc = buf_add(b, s + i, j - i);
			if (rc)
				return rc;
			i = j;
			continue;
		}
		{
			const char *semi = memchr(s + i, ';', n - i);
			size_t k = semi ? (size_t)(semi - (s + i)) : 0;
			unsigned long cp = 0;
			char u[4];
			size_t un = 0;
			int rc;

			if (!semi || k > 10) {
				rc = buf_add(b, "&", 1);
				i++;
				if (rc)
					return rc;
				continue;
			}
			if (k == 3 && !memcmp(s + i, "&lt", 3)) cp = '<';
			else if (k == 3 && !memcmp(s + i, "&gt", 3)) cp = '>';
			else if (k == 4 && !memcmp(s + i, "&amp", 4)) cp = '&';
			else if (k == 5 && !memcmp(s + i, "&quot", 5)) cp = '"';
			else if (k == 5 && !memcmp(s + i, "&apos", 5)) cp = '\'';
			else if (k >= 3 && s[i + 1] == '#') {
				char num[12];

				memcpy(num, s + i + 2, k - 2);
				num[k - 2] = '\0';
				cp = num[0] == 'x' ? strtoul(num + 1, NULL, 16) : strtoul(num, NULL, 10);
			}
			if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
				rc = buf_add(b, s + i, k + 1);
			} else {
				if (cp < 0x80) {
					u[un++] = (char)cp;
				} else if (cp < 0x800) {
					u[un++] = (char)(0xc0 | (cp >> 6));
					u[un++] = (char)(0x80 | (cp & 0x3f));
				} else if (cp < 0x10000) {
					u[un++] = (char)(0xe0 | (cp >> 12));
					u[un++] = (char)(0x80 | ((cp >> 6) & 0x3f));
					u[un++] = (char)(0x80 | (cp & 0x3f));
				} else {
					u[un++] = (char)(0xf0 | (cp >> 18));
					u[un++] = (char)(0x80 | ((cp >> 12) & 0x3f));
					u[un++] = (char)(0x80 | ((cp >> 6) & 0x3f));
					u[un++] = (char)(0x80 | (cp & 0x3f));
				}
				rc = buf_add(b, u, un);
			}
			if (rc)
				return rc;
			i += k + 1;
		}
	}
	return PS_OK;
}

/* All <t ...>text</t> inside [s, e) appended to b (every search bounded
 * by e: an inline cell without <t> searched to the end of the sheet),
 * except a phonetic guide's (<rPh>: the reading Excel keeps beside a name,
 * not part of it). */
static const char *find(const char *s, const char *e, const char *needle);

static int collect_t(struct buf *b, const char *s, const char *e)
{
	const char *ph = find(s, e, "<rPh");

	while (s < e) {
		const char *t = find(s, e, "<t"), *open_end, *close;

		if (!t)
			break;
		if (ph && ph < t) {
			const char *ph_end = find(ph, e, "</rPh>");

			if (!ph_end)
				break;
			s = ph_end + 6;
			ph = find(s, e, "<rPh");
			continue;
		}
		if (t + 2 >= e || (t[2] != '>' && t[2] != ' ')) {
			s = t + 2;
			continue;
		}
		open_end = find(t, e, ">");
		if (!open_end)
			break;
		if (open_end[-1] == '/') { /* <t/> */
			s = open_end + 1;
			continue;
		}
		close = find(open_end, e, "</t>");
		if (!close)
			break;
		if (add_text(b, open_end + 1, (size_t)(close - open_end - 1)))
			return PS_ENOMEM;
		s = close + 4;
	}
	return PS_OK;
}

struct strings {
	char **v;
	size_t n;
};

static void strings_free(struct strings *ss)
{
	for (size_t i = 0; i < ss->n; i++)
		ps_free(ss->v[i]);
	ps_free(ss->v);
}

static int load_strings(const char *xml, struct strings *ss)
{
	const char *p = xml;
	size_t cap = 0;

	ss->v = NULL;
	ss->n = 0;
	while ((p = strstr(p, "<si")) != NULL) {
		const char *end = strstr(p, "</si>");
		struct buf b;
		char **nv;

		if (!end)
			break;
		buf_init(&b, 1 << 20);
		if (collect_t(&b, p, end))
			return -1;
		if (ss->n == cap) {
			cap = cap ? cap * 2 : 256;
			if (cap > (1u << 22) || !(nv = ps_realloc(ss->v, cap * sizeof(*nv)))) {
				buf_release(&b);
				return -1;
			}
			ss->v = nv;
		}
		ss->v[ss->n++] = buf_take(&b, NULL);
		if (!ss->v[ss->n - 1])
			return -1;
		p = end + 5;
	}
	return 0;
}

static int csv_cell(struct buf *out, const char *s, size_t n)
{
	int quote = 0, rc;

	for (size_t i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			quote = 1;
	if (!quote)
		return buf_add(out, s, n);
	rc = buf_add(out, "\"", 1);
	for (size_t i = 0; i < n && !rc; i++)
		rc = s[i] == '"' ? buf_add(out, "\"\"", 2) : buf_add(out, s + i, 1);
	return rc ? rc : buf_add(out, "\"", 1);
}

/* The first needle in [s, e), or NULL: every search of the sheet is
 * bounded by the element it looks in (an unbounded one ran to the end of
 * the sheet from each empty cell: quadratic in a template of blank rows). */
static const char *find(const char *s, const char *e, const char *needle)
{
	size_t n = strlen(needle);

	while (s < e && (size_t)(e - s) >= n) {
		const char *p = memchr(s, needle[0], (size_t)(e - s) - n + 1);

		if (!p)
			return NULL;
		if (!memcmp(p, needle, n))
			return p;
		s = p + 1;
	}
	return NULL;
}

/* The value of the attribute name (written with its space, '=' and
 * opening quote, e.g. " r=\"") in the tag [s, e): its first byte, *len
 * its length; NULL when the tag has none. */
static const char *attr(const char *s, const char *e, const char *name, size_t *len)
{
	const char *a = find(s, e, name), *q;

	if (!a)
		return NULL;
	a += strlen(name);
	q = memchr(a, '"', (size_t)(e - a));
	if (!q)
		return NULL;
	*len = (size_t)(q - a);
	return a;
}

/* An unsigned decimal attribute value of at most 9 digits, or -1. */
static long attr_num(const char *s, const char *e, const char *name)
{
	size_t n;
	const char *v = attr(s, e, name, &n);
	long x = 0;

	if (!v || n == 0 || n > 9)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			return -1;
		x = x * 10 + (v[i] - '0');
	}
	return x;
}

/* Column index from a cell reference "AB12" → 27. -1 if malformed. */
static long col_of(const char *r, const char *end)
{
	long c = 0;
	int any = 0;

	while (r < end && *r >= 'A' && *r <= 'Z') {
		c = c * 26 + (*r - 'A' + 1);
		if (c > 16384)
			return -1;
		r++;
		any = 1;
	}
	return any ? c - 1 : -1;
}

/* ---- dates: Excel keeps a date as a number of days, its style says it
 * is one (xl/styles.xml) ---- */

enum { SHOWS_NUMBER, SHOWS_DATE, SHOWS_TIME, SHOWS_DATE_TIME };

struct styles {
	unsigned char *shows; /* per cell style (the cell's s="N"): SHOWS_* */
	size_t n;
	int date1904; /* the workbook counts days from 1904-01-01 */
};

/* What a built-in number format shows (ECMA-376 §18.8.30, with the ids
 * Chinese Excel gives its 年月日 and 时分 formats). */
static int builtin_shows(long id)
{
	if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) ||
	    id == 57 || id == 58)
		return SHOWS_DATE;
	if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47) || id == 55 || id == 56)
		return SHOWS_TIME;
	if (id == 22)
		return SHOWS_DATE_TIME;
	return SHOWS_NUMBER;
}

/* What a custom format code shows (as written in the XML attribute):
 * y or d make it a date, h or s a time; quoted text ("年", &quot;…&quot;),
 * an escaped character and [colour] or [$-804] sections do not count. */
static int code_shows(const char *s, size_t n)
{
	int date = 0, time = 0, quoted = 0;

	for (size_t i = 0; i < n; i++) {
		char ch = s[i];

		if (!quoted && n - i >= 6 && !memcmp(s + i, "&quot;", 6)) {
			quoted = 1;
			i += 5;
			continue;
		}
		if (quoted) {
			if (n - i >= 6 && !memcmp(s + i, "&quot;", 6)) {
				quoted = 0;
				i += 5;
			} else if (ch == '"') {
				quoted = 0;
			}
			continue;
		}
		if (ch == '"') {
			quoted = 1;
		} else if (ch == '\\') {
			i++;
		} else if (ch == '[') {
			const char *close = memchr(s + i, ']', n - i);

			if (!close)
				break;
			i = (size_t)(close - s);
		} else if (ch == 'y' || ch == 'Y' || ch == 'd' || ch == 'D') {
			date = 1;
		} else if (ch == 'h' || ch == 'H' || ch == 's' || ch == 'S') {
			time = 1;
		}
	}
	return date && time ? SHOWS_DATE_TIME : date ? SHOWS_DATE : time ? SHOWS_TIME : SHOWS_NUMBER;
}

#define XLSX_MAX_STYLES 65536
#define XLSX_MAX_FORMATS 1024

static int load_styles(const char *xml, size_t len, struct styles *st)
{
	const char *end = xml + len, *p, *fmts_end, *xfs, *xfs_end;
	long ids[XLSX_MAX_FORMATS];
	unsigned char shows[XLSX_MAX_FORMATS];
	size_t nfmt = 0;

	st->shows = NULL;
	st->n = 0;
	/* the workbook's own formats */
	p = find(xml, end, "<numFmts");
	fmts_end = p ? find(p, end, "</numFmts>") : NULL;
	while (p && fmts_end && nfmt < XLSX_MAX_FORMATS && (p = find(p + 1, fmts_end, "<numFmt ")) != NULL) {
		const char *tag_end = find(p, fmts_end, ">");
		size_t clen;
		const char *code;
		long id;

		if (!tag_end)
			break;
		id = attr_num(p, tag_end, " numFmtId=\"");
		code = attr(p, tag_end, " formatCode=\"", &clen);
		if (id >= 0 && code) {
			ids[nfmt] = id;
			shows[nfmt++] = (unsigned char)code_shows(code, clen);
		}
		p = tag_end;
	}
	/* the cell styles, in order: a cell's s="N" is the Nth */
	xfs = find(xml, end, "<cellXfs");
	xfs_end = xfs ? find(xfs, end, "</cellXfs>") : NULL;
	if (!xfs || !xfs_end)
		return PS_OK;
	p = xfs;
	while ((p = find(p + 1, xfs_end, "<xf")) != NULL) {
		const char *tag_end = find(p, xfs_end, ">");
		long id;
		int what;

		if (!tag_end)
			break;
		if (p[3] != ' ' && p[3] != '>' && p[3] != '/')
			continue;
		if (st->n % 256 == 0) {
			unsigned char *nv;

			if (st->n >= XLSX_MAX_STYLES)
				break;
			nv = ps_realloc(st->shows, st->n + 256);
			if (!nv)
				return PS_ENOMEM;
			st->shows = nv;
		}
		id = attr_num(p, tag_end, " numFmtId=\"");
		what = builtin_shows(id);
		for (size_t i = 0; i < nfmt; i++)
			if (ids[i] == id)
				what = shows[i];
		st->shows[st->n++] = (unsigned char)what;
		p = tag_end;
	}
	return PS_OK;
}

/* The civil date of a day number counted from 1970-01-01 (H. Hinnant's
 * days_from_civil, inverted). */
static void civil(long long z, int *y, int *m, int *d)
{
	long long era, yoe, doy, mp;
	unsigned doe;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* The number text v[0..n) of a date-styled cell as the date and time it
 * shows, "YYYY-MM-DD", "HH:MM:SS" or "YYYY-MM-DD HH:MM:SS", into out (at
 * least SERIAL_TEXT bytes). 0 when it is no such number (then the cell is copied
 * as it is). */
#define SERIAL_TEXT 80 /* room for any int, as the compiler counts */
static int serial_text(const char *v, size_t n, int shows, int date1904, char *out)
{
	char num[40];
	char *endp;
	double x, whole;
	long long days;
	int y, m, d, secs;

	if (n == 0 || n >= sizeof(num))
		return 0;
	memcpy(num, v, n);
	num[n] = '\0';
	x = strtod(num, &endp);
	/* up to 9999-12-31, Excel's own last day */
	if (*endp || !(x >= 0 && x < 2958466))
		return 0;
	whole = (double)(long long)x;
	days = (long long)whole;
	secs = (int)((x - whole) * 86400 + 0.5);
	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	if (shows == SHOWS_TIME) {
		snprintf(out, SERIAL_TEXT, "%02d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60);
		return 1;
	}
	if (date1904) {
		days += -24107; /* 1904-01-01 */
	} else {
		/* day 1 is 1900-01-01, and Excel counts a 1900-02-29 (day 60)
		 * that never was */
		if (days == 60 || days == 0)
			return 0;
		days += days < 60 ? -25568 : -25569;
	}
	civil(days, &y, &m, &d);
	if (shows == SHOWS_DATE)
		snprintf(out, SERIAL_TEXT, "%04d-%02d-%02d", y, m, d);
	else
		snprintf(out, SERIAL_TEXT, "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, secs / 3600, secs / 60 % 60,
			 secs % 60);
	return 1;
}

/* One cell's text [c, cend) (tag [c, tag_end]) into cell. */
static int cell_text(const char *c, const char *tag_end, const char *cend, const struct strings *ss,
		     const struct styles *st, struct buf *cell)
{
	size_t tlen = 0;
	const char *type = attr(c, tag_end, " t=\"", &tlen), *v, *ve;
	long style;

	if (type && tlen == 9 && !strncmp(type, "inlineStr", 9))
		return collect_t(cell, tag_end, cend);
	v = find(tag_end, cend, "<v>");
	ve = v ? find(v, cend, "</v>") : NULL;
	if (!v || !ve)
		return PS_OK;
	v += 3;
	if (type && tlen == 1 && *type == 's') {
		char num[16];
		size_t k = (size_t)(ve - v);
		unsigned long idx;

		if (k && k < sizeof(num)) {
			memcpy(num, v, k);
			num[k] = '\0';
			idx = strtoul(num, NULL, 10);
			if (idx < ss->n)
				return buf_adds(cell, ss->v[idx]);
		}
		return PS_OK;
	}
	style = attr_num(c, tag_end, " s=\"");
	if ((!type || (tlen == 1 && *type == 'n')) && style >= 0 && (size_t)style < st->n &&
	    st->shows[style] != SHOWS_NUMBER) {
		char out[SERIAL_TEXT];

		if (serial_text(v, (size_t)(ve - v), st->shows[style], st->date1904, out))
			return buf_adds(cell, out);
	}
	return add_text(cell, v, (size_t)(ve - v));
}

#define XLSX_MAX_ROW 1048576 /* Excel's last row */

/* The sheet's rows as CSV lines, one a sheet row: Excel leaves out the
 * rows and cells that hold nothing, and a row's number (r="N") and a
 * cell's reference (r="B3") say where the next ones are, so blank lines
 * and empty fields stand for them and a row keeps its number (the row
 * an import's report names). */
static int sheet_rows(const char *xml, size_t len, const struct strings *ss, const struct styles *st,
		      struct buf *out)
{
	const char *p = xml, *end = xml + len, *data = find(xml, end, "<sheetData");
	const char *data_end = data ? find(data, end, "</sheetData>") : NULL;
	long next = 1; /* the sheet row the next line stands for */
	int rc = PS_OK;

	if (!data)
		return PS_OK;
	if (!data_end)
		data_end = end;
	p = data;
	while (!rc && (p = find(p + 1, data_end, "<row")) != NULL) {
		const char *tag_end = find(p, data_end, ">"), *rend, *c;
		long col = 0, r;
		int written = 0;

		if (!tag_end)
			break;
		if (p[4] != ' ' && p[4] != '>' && p[4] != '/')
			continue;
		r = attr_num(p, tag_end, " r=\"");
		for (; !rc && r > next && r <= XLSX_MAX_ROW; next++)
			rc = buf_add(out, "\n", 1);
		if (rc)
			break;
		next++;
		if (tag_end[-1] == '/') { /* <row r="5" .../>: a row of no cells */
			rc = buf_add(out, "\n", 1);
			p = tag_end;
			continue;
		}
		rend = find(tag_end, data_end, "</row>");
		if (!rend)
			break;
		c = tag_end;
		while (!rc && (c = find(c, rend, "<c")) != NULL) {
			const char *cell_end = find(c, rend, ">"), *cend, *ref;
			struct buf cell;
			size_t rlen;
			long at;

			if (c[2] != ' ' && c[2] != '>' && c[2] != '/') {
				c += 2;
				continue;
			}
			if (!cell_end)
				break;
			cend = cell_end[-1] == '/' ? cell_end + 1 : find(cell_end, rend, "</c>");
			if (!cend)
				break;
			ref = attr(c, cell_end, " r=\"", &rlen);
			at = ref ? col_of(ref, ref + rlen) : col;
			if (at < col)
				at = col;
			/* the separator after the last cell written, and an
			 * empty field for each cell left out before this one */
			for (long k = written ? 0 : 1; k <= at - col && !rc; k++)
				rc = buf_add(out, ",", 1);
			if (rc)
				break;
			buf_init(&cell, 1 << 20);
			rc = cell_text(c, cell_end, cend, ss, st, &cell);
			if (!rc)
				rc = csv_cell(out, buf_str(&cell), cell.len);
			buf_release(&cell);
			written = 1;
			col = at + 1;
			c = cend;
		}
		if (!rc)
			rc = buf_add(out, "\n", 1);
		p = rend;
	}
	return rc;
}

/* The path of the workbook's first sheet (its first tab, which need not
 * be sheet1.xml once sheets were added or moved): workbook.xml names its
 * relationship, the relationships file its part. path must hold 256
 * bytes; xl/worksheets/sheet1.xml when either file does not say. */
static void first_sheet(const unsigned char *data, size_t len, const char *wb, size_t wblen, char *path)
{
	const char *wend, *sheet, *tag_end, *id, *rel, *rend;
	char *rels = NULL;
	size_t idlen, rlen = 0;

	snprintf(path, 256, "xl/worksheets/sheet1.xml");
	if (!wb)
		return;
	wend = wb + wblen;
	sheet = find(wb, wend, "<sheet ");
	tag_end = sheet ? find(sheet, wend, ">") : NULL;
	id = tag_end ? attr(sheet, tag_end, " r:id=\"", &idlen) : NULL;
	if (!id || idlen == 0 || idlen > 64 || zip_entry(data, len, "xl/_rels/workbook.xml.rels", &rels, &rlen) != 0) {
		ps_free(rels);
		return;
	}
	rend = rels + rlen;
	for (rel = rels; (rel = find(rel, rend, "<Relationship ")) != NULL; rel++) {
		const char *rel_end = find(rel, rend, ">"), *rid, *target;
		size_t ridlen, tlen;

		if (!rel_end)
			break;
		rid = attr(rel, rel_end, " Id=\"", &ridlen);
		target = attr(rel, rel_end, " Target=\"", &tlen);
		if (rid && target && ridlen == idlen && !memcmp(rid, id, idlen) && tlen > 0 && tlen < 200) {
			if (*target == '/')
				snprintf(path, 256, "%.*s", (int)tlen - 1, target + 1);
			else
				snprintf(path, 256, "xl/%.*s", (int)tlen, target);
			break;
		}
	}
	ps_free(rels);
}

/* The sheet row of a cell reference ("C12" → 12), 0 when it has none. */
static long row_of(const char *r, const char *end)
{
	long n = 0;

	while (r < end && *r >= 'A' && *r <= 'Z')
		r++;
	while (r < end && *r >= '0' && *r <= '9' && n <= XLSX_MAX_ROW)
		n = n * 10 + (*r++ - '0');
	return n;
}

/* A cell merged down over several rows (<mergeCell ref="C2:C4"/>) keeps
 * its text in its first row only: the rows below would be read without it
 * (a 社区 merged over its rentals' rows, as county sheets are drawn). Such
 * a sheet is refused, naming the cells, not read with the text missing. */
static int merged_down(const char *xml, size_t len, struct ps_err *err)
{
	const char *p = find(xml, xml + len, "<mergeCells"), *end = xml + len;

	while (p && (p = find(p + 1, end, "<mergeCell ")) != NULL) {
		const char *tag_end = find(p, end, ">"), *ref, *colon;
		size_t rlen;

		if (!tag_end)
			break;
		ref = attr(p, tag_end, " ref=\"", &rlen);
		colon = ref ? memchr(ref, ':', rlen) : NULL;
		if (colon && row_of(ref, colon) != row_of(colon + 1, ref + rlen))
			return ps_fail(err, PS_EINVAL, "XLSX_MERGED_CELLS", NULL,
				       "表格的 %.*s 是跨行的合并单元格：请取消合并、把内容填到每一行后重新导入",
				       (int)(rlen < 32 ? rlen : 32), ref);
		p = tag_end;
	}
	return PS_OK;
}

int xlsx_to_csv(const unsigned char *data, size_t len, struct buf *out, struct ps_err *err)
{
	char *shared = NULL, *sheet = NULL, *wb = NULL, *styles_xml = NULL, path[256];
	size_t slen = 0, shlen = 0, wblen = 0, stlen = 0, pr;
	struct strings ss = { 0 };
	struct styles st = { NULL, 0, 0 };
	const char *pr_tag, *pr_end, *d1904;
	int zr, rc;

	if (zip_entry(data, len, "xl/workbook.xml", &wb, &wblen) < 0) {
		ps_free(wb);
		wb = NULL;
	}
	first_sheet(data, len, wb, wb ? wblen : 0, path);
	/* <workbookPr date1904="1"/>: days from 1904 (old Mac workbooks) */
	pr_tag = wb ? find(wb, wb + wblen, "<workbookPr") : NULL;
	pr_end = pr_tag ? find(pr_tag, wb + wblen, ">") : NULL;
	d1904 = pr_end ? attr(pr_tag, pr_end, " date1904=\"", &pr) : NULL;
	st.date1904 = d1904 && ((pr == 1 && *d1904 == '1') || (pr == 4 && !memcmp(d1904, "true", 4)));
	ps_free(wb);
	zr = zip_entry(data, len, path, &sheet, &shlen);
	if (zr != 0) {
		ps_free(sheet);
		return ps_fail(err, PS_EINVAL, "BAD_XLSX", NULL, "不是可读取的 Excel（.xlsx）文件");
	}
	zr = zip_entry(data, len, "xl/sharedStrings.xml", &shared, &slen);
	if (zr < 0 || (shared && load_strings(shared, &ss))) {
		strings_free(&ss);
		ps_free(shared);
		ps_free(sheet);
		return ps_fail(err, PS_EINVAL, "BAD_XLSX", NULL, "Excel 文件的共享字符串无法读取");
	}
	rc = merged_down(sheet, shlen, err);
	if (rc) {
		strings_free(&ss);
		ps_free(shared);
		ps_free(sheet);
		return rc;
	}
	if (zip_entry(data, len, "xl/styles.xml", &styles_xml, &stlen) == 0)
		rc = load_styles(styles_xml, stlen, &st);
	ps_free(styles_xml);
	if (!rc)
		rc = sheet_rows(sheet, shlen, &ss, &st, out);
	ps_free(st.shows);
	strings_free(&ss);
	ps_free(shared);
	ps_free(sheet);
	if (rc) {
		buf_release(out);
		return ps_fail(err, rc == PS_ETOOBIG ? PS_ETOOBIG : PS_ENOMEM, NULL, NULL, "Excel 文件内容过大");
	}
	/* a workbook written with bytes that are not UTF-8 would keep text
	 * no answer can carry */
	if (!text_is_utf8(buf_str(out), out->len)) {
		buf_release(out);
		return ps_fail(err, PS_EINVAL, "BAD_XLSX", NULL, "Excel 文件中有无法识别的文字（不是 UTF-8 编码）");
	}
	return PS_OK;
}
