#include "core/crypto.h"
#include "core/rc.h"

#include <sodium.h>
#include <string.h>

int crypto_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

int crypto_password_hash(const char *pw, char out[CRYPTO_PWHASH_LEN])
{
	if (crypto_pwhash_str(out, pw, strlen(pw),
			      crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return PS_ENOMEM;
	return PS_OK;
}

int crypto_password_verify(const char *hash, const char *pw)
{
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

void crypto_random(void *out, size_t n)
{
	randombytes_buf(out, n);
}

void crypto_code(char *out, size_t n)
{
	static const char a[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	for (size_t i = 0; i < n; i++)
		out[i] = a[randombytes_uniform(sizeof(a) - 1)];
	out[n] = '\0';
}
