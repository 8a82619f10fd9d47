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
 * takes: what only for /persons/import). */
struct import_body {
	const char *csv, *encoding, *xlsx, *what;
};

extern const char *const import_encoding_values[];

/* The body's file as UTF-8 CSV text in the request's arena. */
int api_import_text(struct req *r, const struct field *table, const char **text, size_t *len);

/* The same for a ROUTE_PREPARE route: in the prepare run (r->preparing)
 * the file is decoded before the write transaction and the handler returns
 * at once; in the write run *text is what was decoded then. */
int api_import_file(struct req *r, const struct field *table, const char **text, size_t *len);

#endif
