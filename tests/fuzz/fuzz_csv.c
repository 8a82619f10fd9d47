/* fuzz_csv.c — libFuzzer target for the CSV reader of every importer (TRUST
 * FUZ-1). Two checks on each input:
 *  1. read it as a file, and again with '#' comment lines skipped (the
 *     repository's data files): the reader ends (every record consumes text),
 *     fields are trimmed and NUL-terminated, record and line numbers grow,
 *     an open quote is the only refusal;
 *  2. read the input as fields (0x01 ends a field, 0x02 ends a record),
 *     write them the way Excel does (every field quoted, "" for a quote,
 *     CRLF), and read that back: the same fields, the same records;
 *  3. the input up to a 0x03 as a county's column names and the rest as a
 *     header cell: csv_header_is ends, a cell always names itself and a
 *     pair made of the cell names its canonical column. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/csv.h"
#include "core/mem.h"
#include "fuzz_check.h"

#define MAX_FIELDS 16

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void read_as_file(const char *text, size_t size, int comments)
{
	struct arena a;
	struct csv_reader r;
	char *f[MAX_FIELDS];
	int nf, rc, records = 0, last_line = 0;

	arena_init(&a);
	csv_reader_init(&r, text, size);
	r.comments = comments;
	for (;;) {
		const char *before = r.p;

		rc = csv_read(&r, &a, f, MAX_FIELDS, &nf, NULL);
		if (rc) {
			FUZZ_CHECK(rc == PS_EINVAL);
			FUZZ_CHECK(r.p == r.end);
			break;
		}
		if (nf == 0) {
			FUZZ_CHECK(r.p == r.end);
			break;
		}
		FUZZ_CHECK(r.p > before); /* progress */
		FUZZ_CHECK(nf >= 1 && nf <= MAX_FIELDS);
		FUZZ_CHECK(r.record == ++records);
		FUZZ_CHECK(r.line > last_line && r.next_line > r.line);
		last_line = r.line;
		for (int i = 0; i < nf; i++) {
			size_t fl = strlen(f[i]);

			FUZZ_CHECK(fl <= (size_t)(r.p - before));
			/* no blank in front, unless inside quotes */
			if (!memchr(before, '"', (size_t)(r.p - before)))
				FUZZ_CHECK(fl == 0 || (f[i][0] != ' ' && f[i][0] != '\t' &&
						       f[i][fl - 1] != ' ' && f[i][fl - 1] != '\t'));
		}
	}
	arena_release(&a);
}

static void round_trip(const uint8_t *data, size_t size)
{
	struct buf out;
	struct arena a;
	struct csv_reader r;
	char *f[MAX_FIELDS];
	size_t i = 0;
	int nf, rc;

	/* write: fields without NUL (a field is a C string once read) */
	buf_init(&out, 1u << 22);
	if (buf_add(&out, "\"", 1))
		return;
	for (size_t j = 0; j < size; j++) {
		uint8_t ch = data[j];

		if (ch == 0x01 || ch == 0x02)
			rc = buf_adds(&out, ch == 0x01 ? "\",\"" : "\"\r\n\"");
		else if (ch == '"')
			rc = buf_add(&out, "\"\"", 2);
		else if (ch == 0)
			rc = PS_OK;
		else
			rc = buf_add(&out, &ch, 1);
		if (rc)
			return;
	}
	if (buf_add(&out, "\"", 1))
		return;

	arena_init(&a);
	csv_reader_init(&r, out.p, out.len);
	/* read back and compare with the input, record by record */
	while (i <= size) {
		int want = 1;
		size_t k = i;

		for (; k < size && data[k] != 0x02; k++)
			want += data[k] == 0x01;
		rc = csv_read(&r, &a, f, MAX_FIELDS, &nf, NULL);
		FUZZ_CHECK(rc == PS_OK);
		FUZZ_CHECK(nf == (want < MAX_FIELDS ? want : MAX_FIELDS));
		for (int n = 0; n < nf; n++) {
			size_t o = 0;

			for (; i < k && data[i] != 0x01; i++) {
				if (data[i] == 0)
					continue;
				FUZZ_CHECK(f[n][o] == (char)data[i]);
				o++;
			}
			FUZZ_CHECK(f[n][o] == '\0');
			if (i < k)
				i++; /* the 0x01 */
		}
		i = k + 1; /* past the 0x02 (or the end) */
	}
	rc = csv_read(&r, &a, f, MAX_FIELDS, &nf, NULL);
	FUZZ_CHECK(rc == PS_OK && nf == 0);
	arena_release(&a);
	buf_release(&out);
}

static void header_alias(const uint8_t *data, size_t size)
{
	const uint8_t *bar = memchr(data, 0x03, size);
	char *spec, *cell, *pair;
	size_t sn, cn;

	if (!bar)
		return;
	sn = (size_t)(bar - data);
	cn = size - sn - 1;
	spec = calloc(1, sn + 1);
	cell = calloc(1, cn + 1);
	pair = calloc(1, cn + 8);
	if (spec && cell && pair) {
		memcpy(spec, data, sn);
		memcpy(cell, bar + 1, cn);
		FUZZ_CHECK(csv_header_is(spec, cell, cell) == 1);
		(void)csv_header_is(spec, "姓名", cell);
		/* a cell with no separator, '=' or NUL, blank-free at its ends */
		if (cn && !memchr(cell, 0, cn) && !strpbrk(cell, ";=\r\n \t") && !strstr(cell, "；") &&
		    !strstr(cell, "＝")) {
			snprintf(pair, cn + 8, "K=%s", cell);
			FUZZ_CHECK(csv_header_is(pair, "K", cell) == 1);
		}
	}
	free(spec);
	free(cell);
	free(pair);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_as_file((const char *)data, size, 0);
	read_as_file((const char *)data, size, 1); /* as the repository's data files: '#' lines skipped */
	round_trip(data, size);
	header_alias(data, size);
	return 0;
}
