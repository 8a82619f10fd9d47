/* crypto.h — the few primitives Precinct uses, all from libsodium: argon2id
 * password hashes, random tokens, BLAKE2b, constant-time compare. */
#ifndef PS_CRYPTO_H
#define PS_CRYPTO_H

#include <stddef.h>

#define CRYPTO_PWHASH_LEN 128   /* crypto_pwhash_STRBYTES */
#define CRYPTO_TOKEN_HEX 33     /* 128-bit token as hex + NUL */
#define CRYPTO_HASH_HEX 65      /* BLAKE2b-256 as hex + NUL */

/* Initialise libsodium; call once at start-up. 0 on success. */
int crypto_init(void);

/* argon2id hash of pw (interactive limits) into out (NUL-terminated).
 * PS_OK or PS_ENOMEM. */
int crypto_password_hash(const char *pw, char out[CRYPTO_PWHASH_LEN]);

/* 1 when pw matches hash (constant time), else 0. */
int crypto_password_verify(const char *hash, const char *pw);

/* Mark the calling thread as the one writer (api/committer.c): from then
 * on an argon2id call on it (hash or verify) is counted and logged as
 * "argon2id … on the writer thread (AUTH-9)". Cannot fail. */
void crypto_mark_writer_thread(void);

/* How many argon2id calls ran on a marked thread since the start. */
long crypto_slow_calls_on_writer(void);

/* 128 bits from the OS CSPRNG as 32 hex characters. Cannot fail. */
void crypto_token(char out[CRYPTO_TOKEN_HEX]);

/* n random characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * NUL-terminated (out holds n + 1). For receipt codes. Cannot fail. */
void crypto_code(char *out, size_t n);

/* BLAKE2b-256 of n bytes as 64 hex characters. Cannot fail. */
void crypto_hash_hex(const void *p, size_t n, char out[CRYPTO_HASH_HEX]);

/* Constant-time equality of two NUL-terminated strings of equal length;
 * different lengths compare unequal. */
int crypto_str_equal(const char *a, const char *b);

#endif
