/* csv.h — the one CSV reader of Precinct (RFC 4180, as Excel writes it):
 * records separated by CRLF, LF or CR; fields separated by commas; a field
 * in double quotes may hold commas, line breaks and "" for a quote, so a
 * record may span several lines. A UTF-8 byte-order mark at the start is
 * skipped. Every importer reads its file through it. */
#ifndef PS_CSV_H
#define PS_CSV_H

#include <stddef.h>

#include "core/arena.h"
#include "core/rc.h"

struct csv_reader {
	const char *p, *end; /* what is left to read */
	int record;          /* number of the record last read, 1-based: the
			      * row a spreadsheet shows (blank lines count) */
	int line;            /* the line that record starts on, 1-based */
	int next_line;       /* the line the next record starts on */
	int comments;        /* 1: a line starting with '#' is skipped (the
			      * data files of the repository); 0 by default */
};

/* Start reading text (len bytes, need not be NUL-terminated; it must stay
 * in place while reading). Skips a UTF-8 BOM. No allocation, cannot fail.
 * The reader is a plain value: a copy remembers a position to read again
 * from. */
void csv_reader_init(struct csv_reader *r, const char *text, size_t len);

/* Read the next record into at most max fields. The fields are unquoted
 * copies in arena a (NUL-terminated; NUL bytes of the text are
 * dropped); blanks (spaces, tabs) around a field are dropped, those inside
 * the quotes are kept. Fields past max are dropped. A blank line is a
 * record of one empty field.
 * Returns PS_OK with *nf >= 1 for a record, PS_OK with *nf == 0 at the end
 * of the text; PS_EINVAL ("CSV_OPEN_QUOTE", naming the line) when a quote
 * is never closed — the rest of the text cannot be split into records, so
 * the reader is left at the end; PS_ENOMEM when the arena cannot hold the
 * record (the reader is left where it was). err may be NULL. */
int csv_read(struct csv_reader *r, struct arena *a, char **f, int max, int *nf,
	     struct ps_err *err);

/* 1 when a record's nf fields are all empty: a blank line, or a row of
 * empty cells (",,,," where a spreadsheet kept its columns). Pure. */
int csv_record_blank(char *const *f, int nf);

/* 1 when the header cell names the column canonical: the same text, or a
 * pair "canonical=cell" of spec, a county's naming of another system's
 * export columns (pairs separated by '；', ';' or a line break; '=' or '＝'
 * inside a pair; blanks around names dropped). spec may be NULL or "".
 * Reads spec in place: no allocation, cannot fail. */
int csv_header_is(const char *spec, const char *canonical, const char *cell);

#endif
