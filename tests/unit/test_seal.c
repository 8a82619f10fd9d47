/* test_seal.c — secrets sealed at rest (core/crypto.h crypto_seal/open,
 * TRUST CRY-2): the text is base64url of nonce || ciphertext || tag as
 * documented (opened here with libsodium's own calls, not crypto_open), it
 * opens only under the same key and additional data, and any change to it
 * is refused with the output wiped. */
#define _GNU_SOURCE /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <sodium.h>
#include <string.h>

#include "core/crypto.h"
#include "core/rc.h"

static const unsigned char secret[CRYPTO_SECRET_LEN + 1] = "0123456789abcdef0123456789abcdef";
static const unsigned char msg[21] = "abcdefghijklmnopqrst";

static void test_seal_format_is_nonce_ciphertext_tag(void **state)
{
	unsigned char key[CRYPTO_SECRET_LEN], ref[CRYPTO_SECRET_LEN], box[128], plain[64];
	unsigned long long plen = 0;
	char text[CRYPTO_SEALED_TEXT(20)];
	size_t blen = 0;

	(void)state;
	assert_int_equal(crypto_init(), 0);
	/* 20 bytes + 24 nonce + 16 tag = 60 bytes: 80 base64 characters + NUL */
	assert_int_equal(sizeof(text), 81);
	crypto_subkey(key, secret, "PCTOTP01");
	crypto_kdf_derive_from_key(ref, sizeof(ref), 1, "PCTOTP01", secret);
	assert_memory_equal(key, ref, sizeof(key));
	crypto_kdf_derive_from_key(ref, sizeof(ref), 1, "PCBACKUP", secret);
	assert_memory_not_equal(key, ref, sizeof(key));

	assert_int_equal(crypto_seal(key, msg, 20, "user_totp:7", 11, text, sizeof(text)),
			 PS_OK);
	assert_int_equal(strlen(text), 80);
	assert_null(strchr(text, '=')); /* no padding */
	assert_int_equal(sodium_base642bin(box, sizeof(box), text, strlen(text), NULL, &blen, NULL,
					   sodium_base64_VARIANT_URLSAFE_NO_PADDING),
			 0);
	assert_int_equal(blen, 60);
	assert_int_equal(crypto_aead_xchacha20poly1305_ietf_decrypt(plain, &plen, NULL, box + 24,
								    36, (const unsigned char *)
								    "user_totp:7",
								    11, box, key),
			 0);
	assert_int_equal(plen, 20);
	assert_memory_equal(plain, msg, 20);
	/* the plain bytes are not in the sealed box */
	assert_null(memmem(box, blen, "abcdefghij", 10));
}

static void test_open_needs_key_and_ad(void **state)
{
	unsigned char key[CRYPTO_SECRET_LEN], other[CRYPTO_SECRET_LEN], out[64];
	char text[CRYPTO_SEALED_TEXT(20)], text2[CRYPTO_SEALED_TEXT(20)];
	size_t n = 99;

	(void)state;
	assert_int_equal(crypto_init(), 0);
	crypto_subkey(key, secret, "PCTOTP01");
	crypto_subkey(other, secret, "PCTOTP02");
	assert_int_equal(crypto_seal(key, msg, 20, "user_totp:7", 11, text, sizeof(text)),
			 PS_OK);
	assert_int_equal(crypto_open(key, text, "user_totp:7", 11, out, sizeof(out), &n), PS_OK);
	assert_int_equal(n, 20);
	assert_memory_equal(out, msg, 20);

	/* another owner, another key: refused, out wiped, n 0 */
	memset(out, 0x55, sizeof(out));
	assert_int_equal(crypto_open(key, text, "user_totp:8", 11, out, sizeof(out), &n), PS_EINVAL);
	assert_int_equal(n, 0);
	for (size_t i = 0; i < sizeof(out); i++)
		assert_int_equal(out[i], 0);
	assert_int_equal(crypto_open(other, text, "user_totp:7", 11, out, sizeof(out), &n),
			 PS_EINVAL);

	/* one character changed, cut short, not base64: refused */
	memcpy(text2, text, sizeof(text));
	text2[40] = text2[40] == 'A' ? 'B' : 'A';
	assert_int_equal(crypto_open(key, text2, "user_totp:7", 11, out, sizeof(out), &n),
			 PS_EINVAL);
	memcpy(text2, text, sizeof(text));
	text2[50] = '\0';
	assert_int_equal(crypto_open(key, text2, "user_totp:7", 11, out, sizeof(out), &n),
			 PS_EINVAL);
	assert_int_equal(crypto_open(key, "GEZDGNBVGY3TQOJQ", "user_totp:7", 11, out, sizeof(out),
				     &n),
			 PS_EINVAL);
	assert_int_equal(crypto_open(key, "", "user_totp:7", 11, out, sizeof(out), &n), PS_EINVAL);
	/* room for 19 bytes only: refused */
	assert_int_equal(crypto_open(key, text, "user_totp:7", 11, out, 19, &n), PS_EINVAL);

	/* a fresh nonce each time: the same secret seals to another text */
	assert_int_equal(crypto_seal(key, msg, 20, "user_totp:7", 11, text2, sizeof(text2)),
			 PS_OK);
	assert_string_not_equal(text, text2);
	/* out too small: refused, nothing written */
	memset(text2, 'x', sizeof(text2));
	assert_int_equal(crypto_seal(key, msg, 20, "user_totp:7", 11, text2, 80),
			 PS_EINVAL);
	assert_int_equal(text2[0], 'x');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seal_format_is_nonce_ciphertext_tag),
		cmocka_unit_test(test_open_needs_key_and_ad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
