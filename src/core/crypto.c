#include "core/crypto.h"
#include "core/rc.h"

#include "core/log.h"

#include <sodium.h>
#include <stdatomic.h>
#include <string.h>

/* AUTH-9: the one writer must never spend ~0.1 s of argon2id while every
 * other write waits. Its thread marks itself; an argon2id call there is
 * counted and logged (tests read the log and the count). */
static _Thread_local int on_writer;
static atomic_long slow_on_writer;

void crypto_mark_writer_thread(void)
{
	on_writer = 1;
}

long crypto_slow_calls_on_writer(void)
{
	return atomic_load(&slow_on_writer);
}

static void note_slow(const char *what)
{
	if (on_writer) {
		atomic_fetch_add(&slow_on_writer, 1);
		log_warn("argon2id %s on the writer thread (AUTH-9)", what);
	}
}

int crypto_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

int crypto_password_hash(const char *pw, char out[CRYPTO_PWHASH_LEN])
{
	note_slow("hash");
	if (crypto_pwhash_str(out, pw, strlen(pw),
			      crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return PS_ENOMEM;
	return PS_OK;
}

int crypto_password_verify(const char *hash, const char *pw)
{
	note_slow("verify");
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

static void to_hex(const unsigned char *p, size_t n, char *out)
{
	sodium_bin2hex(out, 2 * n + 1, p, n);
}

void crypto_token(char out[CRYPTO_TOKEN_HEX])
{
	unsigned char r[16];

	randombytes_buf(r, sizeof(r));
	to_hex(r, sizeof(r), out);
	sodium_memzero(r, sizeof(r));
}

void crypto_hash_hex(const void *p, size_t n, char out[CRYPTO_HASH_HEX])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), p, n, NULL, 0);
	to_hex(h, sizeof(h), out);
}

int crypto_str_equal(const char *a, const char *b)
{
	size_t n = strlen(a);

	if (n != strlen(b))
		return 0;
	return sodium_memcmp(a, b, n) == 0;
}

void crypto_code(char *out, size_t n)
{
	static const char a[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	for (size_t i = 0; i < n; i++)
		out[i] = a[randombytes_uniform(sizeof(a) - 1)];
	out[n] = '\0';
}
