/* xlsx.h — reading the first worksheet of an .xlsx workbook (the clerks'
 * spreadsheets) as CSV text, so the CSV importers take both: its parts
 * unpacked by core/zip.c, an XML scan of xl/sharedStrings.xml and the
 * first sheet. Every length is checked
 * against the input; it has a libFuzzer target. */
#ifndef PS_XLSX_H
#define PS_XLSX_H

#include <stddef.h>

#include "core/buf.h"
#include "core/rc.h"

/* Append the first sheet of the workbook in data as CSV (UTF-8, rows by
 * \n, cells quoted when needed) to out. PS_EINVAL with a Chinese message
 * when data is not a readable workbook; out is left released then. */
int xlsx_to_csv(const unsigned char *data, size_t len, struct buf *out, struct ps_err *err);

#endif
