/* csv.h — one line of the clerks' CSV files (Excel's export: commas,
 * fields in double quotes with "" for a quote). */
#ifndef PS_CSV_H
#define PS_CSV_H

/* Split line (one line, NUL-terminated, no newline) into at most max
 * fields, in place: f[i] point into line, unquoted, without the blanks
 * around them (spaces, tabs, a trailing CR). Returns the number of fields
 * (at least 1: an empty line is one empty field); fields past max are
 * dropped. */
int csv_split(char *line, char **f, int max);

#endif
