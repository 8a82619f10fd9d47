/* password.h — the password policy (TRUST AUTH-3; 等保 身份鉴别 a; issue 2):
 * at least min_len characters (default 12), at most 128 bytes, 3 of the 4
 * classes (upper, lower, digit, symbol), not equal to the username (case
 * folded), not in the bundled list of common passwords. Pure. */
#ifndef PS_RULES_PASSWORD_H
#define PS_RULES_PASSWORD_H

#include <stddef.h>

#include "core/rc.h"

/* AUTH-3: at most 128 bytes; at least 12 characters unless the caller asks
 * for more. */
#define PASSWORD_MAX_BYTES 128
#define PASSWORD_MIN_LEN_DEFAULT 12

/* PS_OK when pw is acceptable for username; otherwise PS_EINVAL with err
 * filled: code "WEAK_PASSWORD", rule "AUTH-3", a Chinese message saying what
 * is missing, field "password". min_len counts characters (UTF-8 code
 * points), not bytes; 0 means PASSWORD_MIN_LEN_DEFAULT. Checks in order:
 * more than PASSWORD_MAX_BYTES bytes, invalid UTF-8, too short, fewer than 3
 * classes (any non-ASCII character counts as a symbol), equal to username
 * (ASCII case folded; username may be NULL), common; the first failure is
 * reported. pw NULL is treated as "". err may be NULL. */
int password_check(const char *username, const char *pw, size_t min_len,
		   struct ps_err *err);

/* 1 when pw is in the bundled list of common passwords (ASCII case folded,
 * exact match), else 0 (also for NULL or more than PASSWORD_MAX_BYTES bytes).
 * The list is a sorted static array in common_passwords.c. The folded copy is
 * wiped before returning (AUTH-8). Cannot fail. */
int password_is_common(const char *pw);

/* The number of entries in the bundled list, and entry i (lower-case, sorted
 * by strcmp; NULL when i is out of range). For tests and diagnostics. Cannot
 * fail. */
size_t password_common_count(void);
const char *password_common_at(size_t i);

#endif
