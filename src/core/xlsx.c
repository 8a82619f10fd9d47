#include "core/xlsx.h"
#include "core/mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define XLSX_MAX_ENTRY (64u << 20) /* 64 MiB unpacked per part */

static uint32_t rd16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t rd32(const unsigned char *p)
{
	return rd16(p) | rd16(p + 2) << 16;
}

/* Find and unpack the ZIP entry called name. *out is ps_malloc'd (NUL-terminated). */
static int zip_entry(const unsigned char *d, size_t len, const char *name, char **out, size_t *olen)
{
	size_t eocd, cd, nlen = strlen(name);
	uint32_t entries, cd_size, cd_off;

	*out = NULL;
	if (len < 22)
		return -1;
	for (eocd = len - 22;; eocd--) {
		if (rd32(d + eocd) == 0x06054b50)
			break;
		if (eocd == 0 || len - eocd > 22 + 65535)
			return -1;
	}
	entries = rd16(d + eocd + 10);
	cd_size = rd32(d + eocd + 12);
	cd_off = rd32(d + eocd + 16);
	if ((size_t)cd_off > len || (size_t)cd_size > len - cd_off)
		return -1;
	cd = cd_off;
	for (uint32_t i = 0; i < entries; i++) {
		uint32_t method, csize, usize, fnlen, extra, comment, loff;

		if (cd + 46 > len || rd32(d + cd) != 0x02014b50)
			return -1;
		method = rd16(d + cd + 10);
		csize = rd32(d + cd + 20);
		usize = rd32(d + cd + 24);
		fnlen = rd16(d + cd + 28);
		extra = rd16(d + cd + 30);
		comment = rd16(d + cd + 32);
		loff = rd32(d + cd + 42);
		if (cd + 46 + fnlen > len)
			return -1;
		if (fnlen == nlen && memcmp(d + cd + 46, name, nlen) == 0) {
			size_t data_at;
			char *buf;

			if ((size_t)loff + 30 > len || rd32(d + loff) != 0x04034b50)
				return -1;
			data_at = (size_t)loff + 30 + rd16(d + loff + 26) + rd16(d + loff + 28);
			if (data_at > len || csize > len - data_at || usize > XLSX_MAX_ENTRY)
				return -1;
			buf = ps_malloc((size_t)usize + 1);
			if (!buf)
				return -1;
			if (method == 0) {
				if (csize != usize) {
					ps_free(buf);
					return -1;
				}
				memcpy(buf, d + data_at, usize);
			} else if (method == 8) {
				z_stream z;
				int zr;

				memset(&z, 0, sizeof(z));
				if (inflateInit2(&z, -15) != Z_OK) {
					ps_free(buf);
					return -1;
				}
				z.next_in = (Bytef *)(uintptr_t)(d + data_at);
				z.avail_in = csize;
				z.next_out = (Bytef *)buf;
				z.avail_out = usize;
				zr = inflate(&z, Z_FINISH);
				inflateEnd(&z);
				if (zr != Z_STREAM_END || z.total_out != usize) {
					ps_free(buf);
					return -1;
				}
			} else {
				ps_free(buf);
				return -1;
			}
			buf[usize] = '\0';
			*out = buf;
			*olen = usize;
			return 0;
		}
		cd += 46 + fnlen + extra + comment;
	}
	return 1; /* not found */
}

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

/* All <t ...>text</t> inside [s, e) appended to b. */
static int collect_t(struct buf *b, const char *s, const char *e)
{
	while (s < e) {
		const char *t = strstr(s, "<t"), *open_end, *close;

		if (!t || t >= e)
			break;
		if (t[2] != '>' && t[2] != ' ') {
			s = t + 2;
			continue;
		}
		open_end = strchr(t, '>');
		if (!open_end || open_end >= e)
			break;
		if (open_end[-1] == '/') { /* <t/> */
			s = open_end + 1;
			continue;
		}
		close = strstr(open_end, "</t>");
		if (!close || close > e)
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

static int sheet_rows(const char *xml, const struct strings *ss, struct buf *out)
{
	const char *p = xml;
	int rc = PS_OK;

	while (!rc && (p = strstr(p, "<row")) != NULL) {
		const char *rend = strstr(p, "</row>"), *c = p;
		long col = 0;

		if (!rend) {
			/* <row .../> with no cells */
			p += 4;
			continue;
		}
		while (!rc && (c = strstr(c, "<c")) != NULL && c < rend) {
			const char *tag_end = strchr(c, '>'), *cend, *ref, *type, *v;
			struct buf cell;
			long at;

			if (c[2] != ' ' && c[2] != '>') {
				c += 2;
				continue;
			}
			if (!tag_end || tag_end > rend)
				break;
			cend = tag_end[-1] == '/' ? tag_end + 1 : strstr(tag_end, "</c>");
			if (!cend || cend > rend)
				break;
			ref = strstr(c, " r=\"");
			at = ref && ref < tag_end ? col_of(ref + 4, tag_end) : col;
			if (at < col)
				at = col;
			for (; col < at && !rc; col++)
				rc = buf_add(out, ",", 1);
			if (col > 0 && !rc)
				rc = buf_add(out, ",", 1);
			if (rc)
				break;
			type = strstr(c, " t=\"");
			if (type && type > tag_end)
				type = NULL;
			buf_init(&cell, 1 << 20);
			if (type && !strncmp(type + 4, "inlineStr", 9)) {
				rc = collect_t(&cell, tag_end, cend);
			} else if ((v = strstr(tag_end, "<v>")) != NULL && v < cend) {
				const char *ve = strstr(v, "</v>");

				if (ve && ve <= cend) {
					if (type && !strncmp(type + 4, "s\"", 2)) {
						char num[16];
						size_t k = (size_t)(ve - v - 3);
						unsigned long idx;

						if (k && k < sizeof(num)) {
							memcpy(num, v + 3, k);
							num[k] = '\0';
							idx = strtoul(num, NULL, 10);
							if (idx < ss->n)
								rc = buf_adds(&cell, ss->v[idx]);
						}
					} else {
						rc = add_text(&cell, v + 3, (size_t)(ve - v - 3));
					}
				}
			}
			if (!rc)
				rc = csv_cell(out, buf_str(&cell), cell.len);
			buf_release(&cell);
			col++;
			c = cend;
		}
		if (!rc)
			rc = buf_add(out, "\n", 1);
		p = rend + 6;
	}
	return rc;
}

int xlsx_to_csv(const unsigned char *data, size_t len, struct buf *out, struct ps_err *err)
{
	char *shared = NULL, *sheet = NULL;
	size_t slen = 0, shlen = 0;
	struct strings ss = { 0 };
	int zr, rc;

	zr = zip_entry(data, len, "xl/worksheets/sheet1.xml", &sheet, &shlen);
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
	rc = sheet_rows(sheet, &ss, out);
	strings_free(&ss);
	ps_free(shared);
	ps_free(sheet);
	if (rc) {
		buf_release(out);
		return ps_fail(err, rc == PS_ETOOBIG ? PS_ETOOBIG : PS_ENOMEM, NULL, NULL, "Excel 文件内容过大");
	}
	return PS_OK;
}
