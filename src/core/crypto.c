#include "core/crypto.h"
#include "core/log.h"
#include "core/rc.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* AUTH-9: the one writer must never spend ~0.1 s of argon2id while every
 * other write waits. Its thread marks itself; an argon2id call there is
 * counted and logged (tests read the log and the count). */
static _Thread_local int on_writer;
static atomic_long slow_on_writer;
/* every argon2id password check since the start (AUTH-2: one per login) */
static atomic_long password_checks;

void crypto_mark_writer_thread(void)
{
	on_writer = 1;
}

long crypto_slow_calls_on_writer(void)
{
	return atomic_load(&slow_on_writer);
}

long crypto_password_checks(void)
{
	return atomic_load(&password_checks);
}

static void note_slow(const char *what)
{
	if (on_writer) {
		atomic_fetch_add(&slow_on_writer, 1);
		log_warn("argon2id %s on the writer thread (AUTH-9)", what);
	}
}

/* The cost of a new hash: argon2id's interactive limits (2 passes over
 * 64 MiB, ~0.1 s). A check costs what the stored hash says. A test build
 * started with PRECINCT_TEST_PWHASH=min hashes at argon2id's minimum cost
 * instead: the test suite logs in thousands of times, and half of its CPU
 * went to argon2id (ctest sets the variable; the stories that need the
 * real cost, the login storm, run without it and check the stored
 * parameters). A release build has no such switch. */
static unsigned long long pw_ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
static size_t pw_mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

int crypto_init(void)
{
#ifdef PS_TEST_HOOKS
	const char *cost = getenv("PRECINCT_TEST_PWHASH");

	if (cost && !strcmp(cost, "min")) {
		pw_ops = crypto_pwhash_OPSLIMIT_MIN;
		pw_mem = crypto_pwhash_MEMLIMIT_MIN;
	}
#endif
	return sodium_init() < 0 ? -1 : 0;
}

int crypto_password_hash(const char *pw, char out[CRYPTO_PWHASH_LEN])
{
	note_slow("hash");
	if (crypto_pwhash_str(out, pw, strlen(pw), pw_ops, pw_mem) != 0)
		return PS_ENOMEM;
	return PS_OK;
}

int crypto_password_check(const char *hash, const char *pw)
{
	note_slow("verify");
	atomic_fetch_add(&password_checks, 1);
	errno = 0;
	if (crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0)
		return CRYPTO_PW_MATCH;
	/* libsodium sets EINVAL for a mismatch (or a malformed hash); any
	 * other failure (argon2id could not allocate its memory) is no
	 * verdict on the password */
	return errno == EINVAL || errno == 0 ? CRYPTO_PW_MISMATCH : CRYPTO_PW_ERROR;
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

void crypto_sha256_hex(const void *p, size_t n, char out[CRYPTO_HASH_HEX])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, p, n);
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

/* ---- the server secret and keyed MACs ---- */

int crypto_secret_create(const char *path, struct ps_err *err)
{
	unsigned char key[CRYPTO_SECRET_LEN];
	char text[2 * CRYPTO_SECRET_LEN + 2];
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	ssize_t n;

	if (fd < 0)
		return errno == EEXIST
			       ? ps_fail(err, PS_ECONFLICT, "SECRET_EXISTS", NULL,
					 "服务器密钥文件已存在：%s", path)
			       : ps_fail(err, PS_EIO, "SECRET_WRITE", NULL,
					 "无法创建服务器密钥文件 %s：%s", path, strerror(errno));
	randombytes_buf(key, sizeof(key));
	to_hex(key, sizeof(key), text);
	sodium_memzero(key, sizeof(key));
	text[2 * CRYPTO_SECRET_LEN] = '\n';
	text[2 * CRYPTO_SECRET_LEN + 1] = '\0';
	n = write(fd, text, 2 * CRYPTO_SECRET_LEN + 1);
	sodium_memzero(text, sizeof(text));
	if (n != 2 * CRYPTO_SECRET_LEN + 1 || fsync(fd) != 0) {
		int e = errno;

		close(fd);
		unlink(path);
		return ps_fail(err, PS_EIO, "SECRET_WRITE", NULL, "无法写入服务器密钥文件 %s：%s",
			       path, strerror(e));
	}
	if (close(fd) != 0) {
		unlink(path);
		return ps_fail(err, PS_EIO, "SECRET_WRITE", NULL, "无法写入服务器密钥文件 %s", path);
	}
	return PS_OK;
}

int crypto_secret_load(const char *path, unsigned char key[CRYPTO_SECRET_LEN],
		       struct ps_err *err)
{
	char text[2 * CRYPTO_SECRET_LEN + 8];
	struct stat sb;
	size_t bin = 0;
	const char *end = NULL;
	ssize_t n;
	int rc = PS_OK, fd = open(path, O_RDONLY | O_CLOEXEC);

	sodium_memzero(key, CRYPTO_SECRET_LEN);
	if (fd < 0)
		return errno == ENOENT
			       ? ps_fail(err, PS_ENOTFOUND, "SECRET_MISSING", NULL,
					 "找不到服务器密钥文件 %s", path)
			       : ps_fail(err, PS_EIO, "SECRET_READ", NULL,
					 "无法读取服务器密钥文件 %s：%s", path, strerror(errno));
	if (fstat(fd, &sb) != 0 || (sb.st_mode & 077)) {
		close(fd);
		return ps_fail(err, PS_EINVAL, "SECRET_MODE", NULL,
			       "服务器密钥文件 %s 的权限过宽（应为 0600）", path);
	}
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n < 2 * CRYPTO_SECRET_LEN) {
		rc = ps_fail(err, PS_EINVAL, "SECRET_BAD", NULL, "服务器密钥文件 %s 内容不正确",
			     path);
		goto out;
	}
	text[n] = '\0';
	if (sodium_hex2bin(key, CRYPTO_SECRET_LEN, text, (size_t)n, "\n", &bin, &end) != 0 ||
	    bin != CRYPTO_SECRET_LEN || (end && *end && *end != '\n'))
		rc = ps_fail(err, PS_EINVAL, "SECRET_BAD", NULL, "服务器密钥文件 %s 内容不正确",
			     path);
out:
	sodium_memzero(text, sizeof(text));
	if (rc)
		sodium_memzero(key, CRYPTO_SECRET_LEN);
	return rc;
}

_Static_assert(sizeof(crypto_generichash_state) <= sizeof(((struct crypto_mac *)0)->state),
	       "struct crypto_mac holds libsodium's state");

void crypto_mac_init(struct crypto_mac *m, const unsigned char secret[CRYPTO_SECRET_LEN],
		     const char context[8])
{
	unsigned char sub[crypto_generichash_KEYBYTES];

	_Static_assert(crypto_kdf_KEYBYTES == CRYPTO_SECRET_LEN, "the secret is a KDF key");
	crypto_kdf_derive_from_key(sub, sizeof(sub), 1, context, secret);
	crypto_generichash_init((crypto_generichash_state *)(void *)m->state, sub, sizeof(sub),
				32);
	sodium_memzero(sub, sizeof(sub));
}

void crypto_mac_update(struct crypto_mac *m, const void *p, size_t n)
{
	crypto_generichash_update((crypto_generichash_state *)(void *)m->state, p, n);
}

void crypto_mac_final(struct crypto_mac *m, char out[CRYPTO_HASH_HEX])
{
	unsigned char h[32];

	crypto_generichash_final((crypto_generichash_state *)(void *)m->state, h, sizeof(h));
	to_hex(h, sizeof(h), out);
	sodium_memzero(m->state, sizeof(m->state));
	sodium_memzero(h, sizeof(h));
}

/* ---- secrets sealed at rest ---- */

#define SEAL_NONCE crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define SEAL_TAG crypto_aead_xchacha20poly1305_ietf_ABYTES
#define SEAL_MAX 1024 /* bytes of a sealed plaintext: secrets are small */

_Static_assert(SEAL_NONCE + SEAL_TAG == 40, "CRYPTO_SEALED_TEXT counts 40 bytes of overhead");
_Static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == CRYPTO_SECRET_LEN,
	       "a sub-key of the secret is an AEAD key");

void crypto_subkey(unsigned char out[CRYPTO_SECRET_LEN],
		   const unsigned char secret[CRYPTO_SECRET_LEN], const char context[8])
{
	crypto_kdf_derive_from_key(out, CRYPTO_SECRET_LEN, 1, context, secret);
}

int crypto_seal(const unsigned char key[CRYPTO_SECRET_LEN], const void *m, size_t n,
		const void *ad, size_t adn, char *out, size_t outlen)
{
	unsigned char box[SEAL_NONCE + SEAL_MAX + SEAL_TAG];
	unsigned long long clen = 0;
	size_t blen = SEAL_NONCE + n + SEAL_TAG;

	if (n > SEAL_MAX ||
	    outlen < sodium_base64_encoded_len(blen, sodium_base64_VARIANT_URLSAFE_NO_PADDING))
		return PS_EINVAL;
	randombytes_buf(box, SEAL_NONCE);
	crypto_aead_xchacha20poly1305_ietf_encrypt(box + SEAL_NONCE, &clen, m, n, ad, adn, NULL,
						   box, key);
	sodium_bin2base64(out, outlen, box, SEAL_NONCE + (size_t)clen,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(box, sizeof(box));
	return PS_OK;
}

int crypto_open(const unsigned char key[CRYPTO_SECRET_LEN], const char *text, const void *ad,
		size_t adn, void *m, size_t mmax, size_t *mlen)
{
	unsigned char box[SEAL_NONCE + SEAL_MAX + SEAL_TAG];
	unsigned long long plen = 0;
	size_t blen = 0;
	int rc = PS_EINVAL;

	*mlen = 0;
	if (sodium_base642bin(box, sizeof(box), text, strlen(text), NULL, &blen, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    blen < SEAL_NONCE + SEAL_TAG || blen - SEAL_NONCE - SEAL_TAG > mmax)
		goto out;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(m, &plen, NULL, box + SEAL_NONCE,
						       blen - SEAL_NONCE, ad, adn, box, key) != 0) {
		sodium_memzero(m, mmax);
		goto out;
	}
	*mlen = (size_t)plen;
	rc = PS_OK;
out:
	sodium_memzero(box, sizeof(box));
	return rc;
}

static unsigned char keyed_hash_key[crypto_shorthash_KEYBYTES];

static void keyed_hash_init(void)
{
	randombytes_buf(keyed_hash_key, sizeof(keyed_hash_key));
}

uint64_t crypto_keyed_hash(const char *s)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	unsigned char out[crypto_shorthash_BYTES];
	uint64_t h = 0;

	pthread_once(&once, keyed_hash_init);
	crypto_shorthash(out, (const unsigned char *)s, strlen(s), keyed_hash_key);
	for (size_t i = 0; i < sizeof(out); i++)
		h = h << 8 | out[i];
	return h;
}
