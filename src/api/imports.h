/* imports.h — the file an import route receives: {"csv": text, "encoding":
 * "utf-8" | "gbk"} (a GBK file as latin1 code points, one per byte) or
 * {"xlsx": base64} (its first sheet), decoded to UTF-8 CSV text for the
 * domain's importers. Shared by /persons/import, /wanted/import and
 * /hotel-guests/import. */
#ifndef PS_API_IMPORTS_H
#define PS_API_IMPORTS_H

#include <stddef.h>

#include "api/api.h"
#include "api/fields.h"

#define IMPORT_MAX 1000000 /* bytes of the file: the body (1 MiB) holds it with its JSON */

/* The body of an import route (its field table names the members it
 * takes: what only for /persons/import). all_or_nothing: a file with any
 * refused row imports nothing (400 IMPORT_ROWS_REFUSED with the report). */
struct import_body {
	const char *csv, *encoding, *xlsx, *what;
	int all_or_nothing;
	int64_t first_row; /* IMPORT_PART_FIELD */
};

/* The fields every import route takes, for its field table. */
#define IMPORT_FIELDS                                                                    \
	FFILE(struct import_body, csv, "csv", 0, IMPORT_MAX),                            \
	FONEOF(struct import_body, encoding, "encoding", 0, 16, import_encoding_values), \
	FFILE(struct import_body, xlsx, "xlsx", 0, IMPORT_MAX),                          \
	FBOOL(struct import_body, all_or_nothing, "all_or_nothing", 0)

/* The field of a route whose file may come in parts (the web's CsvUpload
 * with `parts`): each part repeats the file's header, and first_row is the
 * file's row number of the part's first row after it (2 or absent: a whole
 * file, or its first part). For imports_with's first_row. */
#define IMPORT_PART_FIELD FINT(struct import_body, first_row, "first_row", 0, 2, 100000000)

/* in.first_row as imports_with takes it (2 when absent) */
#define IMPORT_FIRST_ROW(in) ((in).first_row ? (int)(in).first_row : 2)

extern const char *const import_encoding_values[];

/* The body's file as UTF-8 CSV text in the request's arena. */
int api_import_text(struct req *r, const struct field *table, const char **text, size_t *len);

/* The same for a ROUTE_PREPARE route: in the prepare run (r->preparing)
 * the file is decoded before the write transaction and the handler returns
 * at once; in the write run *text is what was decoded then. */
int api_import_file(struct req *r, const struct field *table, const char **text, size_t *len);

/* 1 when the body asks for all or nothing (fields_bind checked it). */
int api_import_all(const struct req *r);

/* The answer of an import: 200 with the report, or the refusal; a refusal
 * of the whole file (IMPORT_ROWS_REFUSED) carries the report in the error
 * as "report". Takes out. */
int api_import_done(struct req *r, int rc, json_t *out);

#endif
