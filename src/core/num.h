/* num.h — strict decimal numbers from the outside world (record ids in a
 * path, integers in a query string). One canonical spelling per number: no
 * sign on a positive number, no leading zeros, no spaces, no '+', no hex,
 * nothing after the digits, no overflow. strtoll accepts " 1", "+1", "01"
 * and saturates on overflow; these do not. Pure, allocation-free. */
#ifndef PS_NUM_H
#define PS_NUM_H

#include <stddef.h>
#include <stdint.h>

/* Parse s as a record id: 1..INT64_MAX written as [1-9][0-9]*. On success
 * *out is the id and PS_OK is returned; otherwise PS_EINVAL and *out is 0.
 * s may be NULL (PS_EINVAL). Cannot fail otherwise. */
int num_parse_id(const char *s, int64_t *out);

/* Parse s as an integer: "0", [1-9][0-9]* or "-" [1-9][0-9]*, within int64.
 * PS_OK and *out set, or PS_EINVAL and *out is 0. s may be NULL. */
int num_parse_int(const char *s, int64_t *out);

/* v in decimal, as printf's "%lld" writes it, into buf (at least
 * NUM_INT_MAX bytes) with a NUL; returns its length. Pure; cannot fail.
 * A case file writes ~80 numbers and snprintf's were 4 % of its CPU. */
#define NUM_INT_MAX 21
size_t num_format_int(char *buf, int64_t v);

#endif
