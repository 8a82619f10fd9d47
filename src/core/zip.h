/* zip.h — a minimal ZIP reader (stored and deflate entries, zlib), every
 * length checked against the input: enough to read the parts of an .xlsx
 * workbook (core/xlsx.c). */
#ifndef PS_ZIP_H
#define PS_ZIP_H

#include <stddef.h>

/* Find and unpack the entry called name of the archive d (len bytes) into
 * *out, ps_malloc'd and NUL-terminated, *olen its length (at most 64 MiB).
 * 0 found; 1 not there; negative for a damaged archive, an entry past
 * 64 MiB or no memory (*out is NULL but when found). */
int zip_entry(const unsigned char *d, size_t len, const char *name, char **out, size_t *olen);

#endif
