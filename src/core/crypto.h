/* crypto.h — the few primitives Precinct uses, all from libsodium: argon2id
 * password hashes, random tokens, BLAKE2b, constant-time compare. */
#ifndef PS_CRYPTO_H
#define PS_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#include "core/rc.h"

#define CRYPTO_PWHASH_LEN 128   /* crypto_pwhash_STRBYTES */
#define CRYPTO_TOKEN_HEX 33     /* 128-bit token as hex + NUL */
#define CRYPTO_HASH_HEX 65      /* BLAKE2b-256 as hex + NUL */

/* Initialise libsodium; call once at start-up. 0 on success. */
int crypto_init(void);

/* argon2id hash of pw (interactive limits; the minimum in a test build run
 * with PRECINCT_TEST_PWHASH=min) into out (NUL-terminated). PS_OK or
 * PS_ENOMEM. */
int crypto_password_hash(const char *pw, char out[CRYPTO_PWHASH_LEN]);

/* Whether pw matches hash (constant time): CRYPTO_PW_MATCH, _MISMATCH (also
 * for a hash it cannot read), or _ERROR when the check could not be made
 * (argon2id could not allocate its memory) — no verdict, never a mismatch. */
enum { CRYPTO_PW_ERROR = -1, CRYPTO_PW_MISMATCH = 0, CRYPTO_PW_MATCH = 1 };
int crypto_password_check(const char *hash, const char *pw);

/* Mark the calling thread as the one writer (api/committer.c): from then
 * on an argon2id call on it (hash or verify) is counted and logged as
 * "argon2id … on the writer thread (AUTH-9)". Cannot fail. */
void crypto_mark_writer_thread(void);

/* How many argon2id calls ran on a marked thread since the start. */
long crypto_slow_calls_on_writer(void);

/* How many password checks (argon2id verifies, crypto_password_check) ran
 * since the start, on any thread. */
long crypto_password_checks(void);

/* 128 bits from the OS CSPRNG as 32 hex characters. Cannot fail. */
void crypto_token(char out[CRYPTO_TOKEN_HEX]);

/* n random characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * NUL-terminated (out holds n + 1). For receipt codes. Cannot fail. */
void crypto_code(char *out, size_t n);

/* n bytes from the OS CSPRNG (a TOTP secret). Cannot fail. */
void crypto_random(void *out, size_t n);

/* A 64-bit keyed hash (SipHash, libsodium crypto_shorthash) of s under a
 * key drawn at random once per process: table positions an outsider
 * cannot aim at. Thread-safe; cannot fail. */
uint64_t crypto_keyed_hash(const char *s);

/* BLAKE2b-256 of n bytes as 64 hex characters. Cannot fail. */
void crypto_hash_hex(const void *p, size_t n, char out[CRYPTO_HASH_HEX]);

/* SHA-256 of n bytes as 64 hex characters (the evidence files' names, the
 * digest a court or another system can check). Cannot fail. */
void crypto_sha256_hex(const void *p, size_t n, char out[CRYPTO_HASH_HEX]);

/* Constant-time equality of two NUL-terminated strings of equal length;
 * different lengths compare unequal. */
int crypto_str_equal(const char *a, const char *b);

/* ---- the server secret and keyed MACs (backup files, TRUST DUR-1) ---- */

#define CRYPTO_SECRET_LEN 32 /* bytes of the server secret */

/* Create the server secret file at path: 32 random bytes written as 64 hex
 * characters and a newline, mode 0600, never overwriting (O_EXCL: an existing
 * file is PS_ECONFLICT), synced before returning. PS_EIO with err naming the
 * path when it cannot be written (a partial file is removed). */
int crypto_secret_create(const char *path, struct ps_err *err);

/* Read the server secret at path into key. PS_ENOTFOUND when the file does
 * not exist, PS_EINVAL when it is not 64 hex characters or is readable by
 * group or others (it must be 0600 or stricter), PS_EIO otherwise; err says
 * which. key is wiped on failure; the caller wipes it after use. */
int crypto_secret_load(const char *path, unsigned char key[CRYPTO_SECRET_LEN],
		       struct ps_err *err);

/* Keyed BLAKE2b-256 (libsodium crypto_generichash) of a byte stream, with
 * a key derived from the server secret for one purpose (an 8-character
 * context, e.g. "PCBACKUP"; crypto_kdf_derive_from_key). The state is
 * opaque storage for libsodium's; init cannot fail. */
struct crypto_mac {
	_Alignas(64) unsigned char state[512];
};
void crypto_mac_init(struct crypto_mac *m, const unsigned char secret[CRYPTO_SECRET_LEN],
		     const char context[8]);
void crypto_mac_update(struct crypto_mac *m, const void *p, size_t n);
/* Finish as 64 hex characters and wipe the state. Cannot fail. */
void crypto_mac_final(struct crypto_mac *m, char out[CRYPTO_HASH_HEX]);

/* ---- secrets sealed at rest (TOTP secrets, TRUST CRY-2) ---- */

/* A sub-key of the server secret for one purpose (an 8-character context,
 * e.g. "PCTOTP01"; crypto_kdf_derive_from_key, sub-key id 1). The caller
 * wipes out after use. Cannot fail. */
void crypto_subkey(unsigned char out[CRYPTO_SECRET_LEN],
		   const unsigned char secret[CRYPTO_SECRET_LEN], const char context[8]);

/* The text crypto_seal makes of n bytes: base64 (URL-safe alphabet, no
 * padding) of nonce (24) || ciphertext (n) || tag (16), with its NUL. */
#define CRYPTO_SEALED_TEXT(n) ((((n) + 40) * 4 + 2) / 3 + 1)

/* Encrypt and authenticate n bytes of m under key with
 * XChaCha20-Poly1305 (IETF) and a fresh random nonce, bound to the
 * additional data ad (adn bytes; e.g. the owner's id, so a sealed value
 * copied to another owner does not open). The text goes to out (outlen at
 * least CRYPTO_SEALED_TEXT(n)). PS_OK, or PS_EINVAL when out is too small
 * or n is over 1024 (nothing written then). */
int crypto_seal(const unsigned char key[CRYPTO_SECRET_LEN], const void *m, size_t n,
		const void *ad, size_t adn, char *out, size_t outlen);

/* Open a text of crypto_seal into m (room for mmax bytes), its length in
 * *mlen. PS_OK, or PS_EINVAL when the text is not base64, is too short or
 * too long for mmax, or does not authenticate under key and ad (another
 * key, another owner, altered): m is wiped then and *mlen is 0. */
int crypto_open(const unsigned char key[CRYPTO_SECRET_LEN], const char *text, const void *ad,
		size_t adn, void *m, size_t mmax, size_t *mlen);

#endif
