/* totp.h — time-based one-time passwords (RFC 6238 over RFC 4226's HOTP)
 * with HMAC-SHA-256 from libsodium (it has no HMAC-SHA-1, so an authenticator
 * app is told algorithm=SHA256 in the otpauth:// URI), and RFC 4648 base32
 * for the secret. Pure functions: no I/O, no allocation. The figures (6
 * digits, 30 s steps, one step of clock drift either way) are the defaults
 * of RFC 6238 §5.2 and of authenticator apps; the rule row is AUTH-5. */
#ifndef PS_TOTP_H
#define PS_TOTP_H

#include <stddef.h>
#include <stdint.h>

#define TOTP_DIGITS 6
#define TOTP_PERIOD 30      /* seconds per step (RFC 6238 X) */
#define TOTP_SKEW 1         /* steps accepted before and after now */
#define TOTP_SECRET_LEN 20  /* bytes of a new secret (160 bits, RFC 4226 §4) */
#define TOTP_SECRET_B32 33  /* its base32 text + NUL (32 characters, no padding) */

/* The HOTP value (RFC 4226 §5.3, dynamic truncation) of step counter for key
 * (keylen bytes, any length) with HMAC-SHA-256, reduced to digits decimal
 * digits (1..9). Cannot fail. */
uint32_t totp_hotp(const unsigned char *key, size_t keylen, uint64_t counter, int digits);

/* The step that instant now (epoch seconds, >= 0) falls in: now / TOTP_PERIOD. */
int64_t totp_step(int64_t now);

/* Check code (text of exactly TOTP_DIGITS decimal digits; anything else is
 * refused) against the steps now-TOTP_SKEW .. now+TOTP_SKEW. A step at or
 * below last_step was used already and never matches (RFC 6238 §5.2: a code
 * is accepted once). Returns the matching step (> last_step), or -1. The
 * comparison does not stop at the first difference. Cannot fail. */
int64_t totp_check(const unsigned char *key, size_t keylen, int64_t now, int64_t last_step,
		   const char *code);

/* RFC 4648 base32 (upper case, no padding) of n bytes into out (outsz bytes,
 * NUL-terminated). Returns the text's length, or 0 when out is too small
 * (out is then ""). */
size_t totp_base32_encode(const unsigned char *p, size_t n, char *out, size_t outsz);

/* Decode base32 text (upper or lower case; spaces and '=' padding ignored)
 * into out (at most outsz bytes). Returns the number of bytes, or -1 on a
 * character outside the alphabet or when out is too small. */
int totp_base32_decode(const char *text, unsigned char *out, size_t outsz);

#endif
